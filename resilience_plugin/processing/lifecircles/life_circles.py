"""resilience:lifecircles, community life circles (韧性社村生活圈) and their facility checklist."""

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from ...translation import core_message, qgis_locale
from . import LifeCirclesAlgorithmBase

CLAUSES = "第12、53、54、55条"


class LifeCirclesAlgorithm(LifeCirclesAlgorithmBase):
    """Community life circles (第53–57条), straight-line or along the walking network, with the facility checklist.

    Memory ceiling: 2,000 MB. At Beijing scale (`make bench`), its peak was 1,166 MB along the network (7,000
    communities, a 200,000-edge network, 50,000 facilities) and 162 MB straight-line. A run estimated above the
    ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("INPUT", "FACILITIES"), ("INPUT", "NETWORK"), ("NETWORK", "FACILITIES"))
    LAYER_ROLES = {"INPUT": "communities"}

    MEMORY_CEILING_MB = 2000
    MEMORY_MB_PER_1000 = {"INPUT": 150.0, "NETWORK": 0.5, "FACILITIES": 0.3}  # along the network
    MEMORY_MB_PER_1000_STRAIGHT = {"INPUT": 18.0, "FACILITIES": 0.7}
    INPUT = "INPUT"
    DISTANCE = "DISTANCE"
    NETWORK = "NETWORK"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    HALF_WIDTH = "HALF_WIDTH"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SHELTER_FIELD = "SHELTER_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"
    COVERAGE = "COVERAGE"

    def name(self) -> str:
        return "lifecircles"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Community life circles")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Draws the resilient community life circle (韧性社村生活圈) of every community or village and checks "
                "the facilities inside it against the plan: a circle of 1000-1500 m (第12、53条) that holds refuge "
                "space (shelters, parks, school playgrounds), fire and police, health care and daily supplies "
                "(supermarkets, vegetable markets, pharmacies) (第54、55条), with enough shelter area per person.\n\n"
                "Without a network each circle is a straight-line buffer. With a walking network it is the part of "
                "the city reachable within the distance along it: the community connects at its nearest point of "
                "the network (all nearest points on a tie) within the snapping tolerance; every edge reached within "
                "the distance is kept, partly reached edges are cut at the exact point, and the reached lines are "
                "buffered by the half-width. Walking distance is measured along the network from that point. No point "
                "of a circle lies farther than distance + half-width from the community along the network. A "
                "community with no network within the tolerance is kept and flagged 'unreachable'. The network is "
                "built once and searched per community within the distance only; a network that is not noded is "
                "noded first (reported in the log).\n\n"
                "Work is done in metres: geographic input is reprojected to a local CGCS2000 Gauss-Kruger zone (UTM "
                "outside China); the output is in that CRS. Polygon communities are buffered as polygons in "
                "straight-line mode and start from a point on their surface along the network. Facility categories "
                "are matched on the profile's codes and English or Chinese names; others count as 'other' and are "
                "listed in the log.\n\n"
                "Output fields (after the community's own): lc_method (straight-line or network), lc_radius_m, "
                "lc_status (ok, unreachable, no geometry), lc_snap_m (distance to the network), lc_area_km2, lc_pop "
                "(population of all communities inside the circle, who share its facilities), n_<category> (facilities "
                "of each category inside, and n_other), shelter_m2 (shelter area inside), shelter_pp (shelter_m2 / "
                "lc_pop), shelter_tgt (the profile's target per person), shelter_ok, missing and missing_zh (required "
                "categories the circle lacks; a|b means either), lc_pass (1 when nothing is missing and the shelter "
                "target is met), clauses.\n\n"
                "Coverage (optional): all circles dissolved into one layer, to show the parts of each street/town unit "
                "that no circle covers."
            )
            + "\n\n"
            + self.tr(
                "Count fields: n_<category>, one per facility category of the profile (for example n_fire_station, "
                "n_police_station, n_short_term_shelter), counting the facilities inside the circle. The optional coverage "
                "layer is the union of the circles: lc_method, lc_radius_m, circles (how many) and area_km2."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        p = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Communities"), [SOURCE_POINT, SOURCE_POLYGON])
        p.setHelp(self.tr("Communities or villages, as points or polygons (韧性社村生活圈 start here, 第53条)."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.DISTANCE,
            self.tr("Distance (m)"),
            NUMBER_DOUBLE,
            defaultValue=profile.value("life_circle.radius_default"),
            minValue=1.0,
        )
        p.setHelp(self.tr("Radius of the circle, in metres, straight-line or along the network. The plan sets 1000-1500 m (第53条)."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(self.NETWORK, self.tr("Walking network"), [SOURCE_LINE], optional=True)
        p.setHelp(self.tr("Optional walking network (lines). Empty: straight-line circles."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.SNAP_TOLERANCE,
            self.tr("Snapping tolerance (m)"),
            NUMBER_DOUBLE,
            defaultValue=profile.value("life_circle.snap_tolerance"),
            minValue=0.0,
        )
        p.setHelp(self.tr("Farthest a community may lie from the network and still connect to it."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.HALF_WIDTH,
            self.tr("Half-width around reached streets (m)"),
            NUMBER_DOUBLE,
            defaultValue=profile.value("life_circle.catchment_half_width"),
            minValue=0.01,
        )
        p.setHelp(self.tr("The reached network is buffered by this much to make the circle's polygon."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"), [SOURCE_POINT, SOURCE_POLYGON], optional=True)
        p.setHelp(self.tr("Optional facilities (points or polygons) to count in each circle."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.CATEGORY_FIELD, self.tr("Facility category field"), "category", self.FACILITIES, optional=True)
        p.setHelp(self.tr("Field with the facility category: a profile code (fire_station …), or its English or Chinese name."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.SHELTER_FIELD,
            self.tr("Shelter area field (m²)"),
            "shelter_area_m2",
            self.FACILITIES,
            optional=True,
        )
        p.setHelp(self.tr("Optional field with each facility's effective shelter area in m²."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.INPUT, optional=True)
        p.setHelp(self.tr("Optional field with each community's population, for the shelter area per person."))
        self.addParameter(p)
        self.add_category_map_parameter()
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Life circles"), SOURCE_POLYGON)
        p.setHelp(self.tr("One circle per community, with its facility counts, shelter area and checklist."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.COVERAGE, self.tr("Coverage"), SOURCE_POLYGON, optional=True, createByDefault=False)
        p.setHelp(self.tr("Optional: all circles dissolved into one polygon."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.INPUT: f"{sample_gpkg}|layername=communities",
            self.NETWORK: f"{sample_gpkg}|layername=walking_network",
            self.FACILITIES: f"{sample_gpkg}|layername=facilities",
            self.CATEGORY_FIELD: "category",
            self.SHELTER_FIELD: "shelter_area_m2",
            self.POPULATION_FIELD: "population",
        }

    def memory_estimate_mb(self, sizes: dict) -> float:
        from ...core.memory import estimate_mb

        return estimate_mb(sizes, self.MEMORY_MB_PER_1000 if sizes.get(self.NETWORK) else self.MEMORY_MB_PER_1000_STRAIGHT)

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import lifecircles as lc
        from ...core.cancel import interruptible
        from ...core.network import NetworkError, WalkingNetwork, catchment_polygons, union_in_parallel
        from ..io import numbers, present_mask, read_source, representative_points, to_qgis, unique_fids, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Communities"))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        lo, hi = profile.value("life_circle.radius_min"), profile.value("life_circle.radius_max")
        if not lo <= distance <= hi:
            feedback.pushWarning(
                self.tr("Distance {0:g} m is outside the plan's {1:g}-{2:g} m for life circles (第53条).").format(distance, lo, hi)
            )
        snap = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context)
        half_width = self.parameterAsDouble(parameters, self.HALF_WIDTH, context)
        crs = working_crs(source, name, feedback)

        # communities
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        communities = read_source(source, name, crs, context, feedback, progress_span=(0, 10))
        communities.report(feedback)
        if feedback.isCanceled():
            return {}
        n = len(communities.fids)
        population = np.zeros(n)
        if pop_field:
            j = source.fields().lookupField(pop_field)
            population = numbers([a[j] for a in communities.attributes], pop_field, name, feedback, fids=communities.fids, empty_ok=False)
        geoms = communities.geometries
        points = representative_points(geoms)
        has_geom = present_mask(geoms)

        # facilities
        vocab = lc.Vocabulary.from_profile(profile)
        fac_points = np.empty(0, dtype=object)
        fac_col = np.empty(0, dtype=np.int64)
        fac_shelter = np.empty(0)
        given = self.read_facilities(
            parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD, (self.SHELTER_FIELD,), (10, 15)
        )
        if given is not None:
            facilities, fac_name, vocab, fac_col, (shelter_field,), _found = given
            fac_points = representative_points(facilities.geometries)
            fac_shelter = (
                numbers([a[1] for a in facilities.attributes], shelter_field, fac_name, feedback, kind="area", fids=facilities.fids)
                if shelter_field
                else np.zeros(len(fac_points))
            )
        else:
            feedback.pushInfo(self.tr("No facilities given: every required category will be reported missing."))
        if feedback.isCanceled():
            return {}

        # circles
        network_source = self.optional_source(parameters, self.NETWORK, context)
        status = np.where(has_geom, "ok", "no geometry").astype(object)
        snap_dist = np.full(n, np.nan)
        if network_source is None:
            method = "straight-line"
            circles = interruptible(lambda: lc.euclidean_circles(geoms, distance), feedback.isCanceled)
            counted = geoms  # exact circles: points within the distance of the community
            feedback.setProgress(80)
        else:
            method = "network"
            net_name = self.layer_name(parameters, self.NETWORK, context, network_source)
            lines = read_source(network_source, net_name, crs, context, feedback, fields=[], keep_null=False, progress_span=(15, 25))
            lines.report(feedback)
            try:
                network, report = interruptible(lambda: WalkingNetwork.from_lines(lines.geometries), feedback.isCanceled)
            except NetworkError as exc:
                raise QgsProcessingException(f"{net_name}: {core_message(exc)}") from None
            if report["added_by_noding"]:
                feedback.pushWarning(
                    self.tr("{0}: the network was not noded; lines were split where they cross ({1} more segments).").format(
                        net_name, report["added_by_noding"]
                    )
                )
            feedback.pushInfo(self.tr("Network: {0} edges, {1} nodes.").format(len(network.lines), network.n_nodes))
            feedback.setProgress(30)
            pi, ei, pos, dist = interruptible(lambda: network.snap(points[has_geom], snap), feedback.isCanceled)
            idx = np.nonzero(has_geom)[0]
            starts = [[] for _ in range(n)]
            for a, e, p, d in zip(idx[pi], ei, pos, dist):
                starts[a].append((int(e), float(p)))
                snap_dist[a] = d
            unreachable = has_geom & np.array([not s for s in starts], dtype=bool)
            status[unreachable] = "unreachable"
            if unreachable.any():
                feedback.pushWarning(
                    self.tr("{0} community(ies) have no network within {1:g} m and are flagged 'unreachable'.").format(
                        int(unreachable.sum()), snap
                    )
                )
            catchments = network.catchments(
                starts,
                distance,
                snap_dist,
                progress=lambda f: feedback.setProgress(30 + 30 * f),
                canceled=feedback.isCanceled,
            )
            if feedback.isCanceled():
                return {}
            circles = np.full(n, None, dtype=object)
            polygons = catchment_polygons(
                catchments, half_width, progress=lambda f: feedback.setProgress(60 + 25 * f), canceled=feedback.isCanceled
            )
            if feedback.isCanceled():
                return {}
            for i, poly in enumerate(polygons):
                circles[i] = poly
            counted = circles  # points inside the catchment polygons
        within = distance if method == "straight-line" else None
        counts, shelter = interruptible(
            lambda: lc.count_points(counted, fac_points, fac_col, len(vocab.codes), fac_shelter, within), feedback.isCanceled
        )
        one_column = np.zeros(int(has_geom.sum()), dtype=np.int64)
        _c, pop_in = interruptible(
            lambda: lc.count_points(counted, points[has_geom], one_column, 1, population[has_geom], within), feedback.isCanceled
        )
        if feedback.isCanceled():
            return {}
        reachable = status == "ok"
        result = lc.assess(counts, shelter, pop_in, vocab, profile, reachable)
        target = profile.value("shelter.area_per_person_target")

        # output
        chinese = qgis_locale().lower().startswith("zh")
        new_fields = self._output_fields(vocab, chinese)
        fields = QgsProcessingUtils.combineFields(source.fields(), new_fields)
        sink = self.output_sink(parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs)
        dest = sink.dest
        self.style_output(context, dest, "life_circles")
        zh = vocab.labels_zh
        # geometry work for all circles at once: areas, multi-polygons, WKB (explicitly 2-D, see io.to_qgis)
        # an unreachable community has no circle: no geometry, not an empty one (PostGIS stores empty as NULL, a
        # GeoPackage keeps it, and the two would disagree)
        present = np.array([c is not None and not c.is_empty for c in circles], dtype=bool)
        areas = np.full(n, np.nan)
        areas[present] = shapely.area(circles[present])
        multi = circles.copy()
        single = present.copy()
        single[present] = shapely.get_type_id(circles[present]) == 3
        multi[single] = shapely.multipolygons(circles[single].reshape(-1, 1))
        wkbs = np.full(n, None, dtype=object)
        wkbs[present] = shapely.to_wkb(multi[present], flavor="iso", output_dimension=2)
        batch = []
        source_rows = unique_fids(source.fields(), communities.attributes, feedback)
        for i in range(n):
            if i % 500 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(85 + 10 * i / max(n, 1))
            missing = result.missing[i]
            values = [
                method,
                distance,
                str(status[i]),
                None if np.isnan(snap_dist[i]) else round(float(snap_dist[i]), 2),
                None if np.isnan(areas[i]) else round(float(areas[i] / 1e6), 4),
                float(pop_in[i]),
            ]
            values += [int(c) for c in counts[i]]
            values += [
                float(shelter[i]),
                None if np.isnan(result.shelter_per_person[i]) else round(float(result.shelter_per_person[i]), 3),
                float(target),
                int(bool(result.shelter_ok[i])),
                ", ".join(missing),
                "、".join("或".join(zh[c] for c in item.split("|")) for item in missing),
                int(bool(result.passed[i])),
                CLAUSES,
            ]
            f = QgsFeature(fields)
            f.setAttributes(list(source_rows[i]) + values)
            if wkbs[i] is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(wkbs[i])
                f.setGeometry(geometry)
            batch.append(f)
            if len(batch) >= 1000 or i == n - 1:
                if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                    raise sink.failed()
                batch = []
        passed = int(result.passed.sum())
        feedback.pushInfo(self.tr("{0} circles ({1}); {2} pass the checklist, {3} do not.").format(n, method, passed, n - passed))
        outputs = {self.OUTPUT: dest}

        if self.COVERAGE in parameters and parameters[self.COVERAGE] is not None:
            cov_fields = QgsFields()
            for fname, ftype in (
                ("lc_method", FIELD_STRING),
                ("lc_radius_m", FIELD_DOUBLE),
                ("circles", FIELD_INT),
                ("area_km2", FIELD_DOUBLE),
            ):
                cov_fields.append(QgsField(fname, ftype))
            cov_sink = self.output_sink(parameters, self.COVERAGE, context, cov_fields, WKB_MULTIPOLYGON, crs, optional=True)
            if cov_sink is not None:
                cov_dest = cov_sink.dest
                valid = [c for c in circles if c is not None]
                union = union_in_parallel(valid, progress=lambda f: feedback.setProgress(95 + 5 * f), canceled=feedback.isCanceled)
                if feedback.isCanceled():
                    return {}
                if union is not None and union.geom_type == "Polygon":
                    union = shapely.multipolygons([union])
                f = QgsFeature(cov_fields)
                f.setAttributes([method, distance, len(valid), float(union.area / 1e6) if union is not None else 0.0])
                f.setGeometry(to_qgis(union))
                if not cov_sink.addFeature(f, QgsFeatureSink.Flag.FastInsert):
                    raise cov_sink.failed()
                outputs[self.COVERAGE] = cov_dest
        feedback.setProgress(100)
        return outputs

    def _output_fields(self, vocab, chinese: bool) -> QgsFields:
        fields = QgsFields()

        def add(name, ftype, alias):
            f = QgsField(name, ftype)
            f.setAlias(alias)
            fields.append(f)

        add("lc_method", FIELD_STRING, self.tr("Method"))
        add("lc_radius_m", FIELD_DOUBLE, self.tr("Radius (m)"))
        add("lc_status", FIELD_STRING, self.tr("Status"))
        add("lc_snap_m", FIELD_DOUBLE, self.tr("Distance to network (m)"))
        add("lc_area_km2", FIELD_DOUBLE, self.tr("Circle area (km²)"))
        add("lc_pop", FIELD_DOUBLE, self.tr("Population in circle"))
        labels = vocab.labels_zh if chinese else vocab.labels
        for code in vocab.codes:
            add(f"n_{code}", FIELD_INT, self.tr("Count: {0}").format(labels[code]))
        add("shelter_m2", FIELD_DOUBLE, self.tr("Shelter area (m²)"))
        add("shelter_pp", FIELD_DOUBLE, self.tr("Shelter area per person (m²)"))
        add("shelter_tgt", FIELD_DOUBLE, self.tr("Shelter target per person (m²)"))
        add("shelter_ok", FIELD_INT, self.tr("Shelter target met"))
        add("missing", FIELD_STRING, self.tr("Missing categories"))
        add("missing_zh", FIELD_STRING, self.tr("Missing categories (Chinese)"))
        add("lc_pass", FIELD_INT, self.tr("Passes the checklist"))
        add("clauses", FIELD_STRING, self.tr("Plan clauses"))
        return fields
