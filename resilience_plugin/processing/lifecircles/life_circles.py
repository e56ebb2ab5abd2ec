"""resilience:lifecircles, community life circles (韧性社村生活圈) and their facility checklist."""

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
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
from ...qgisside.translation import qgis_locale
from . import LifeCirclesAlgorithmBase


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
                "(the people who live inside the circle and share its facilities: point communities inside it, the "
                "share of polygon communities' people inside it, or a population raster's people inside it, counted "
                "exactly; NULL, not assessed, when no population source is given), n_<category> (facilities "
                "of each category inside, and n_other), shelter_m2 (shelter area inside; NULL, not assessed, where a "
                "shelter is in reach but no shelter-area field is given), shelter_pp (shelter_m2 / "
                "lc_pop), shelter_tgt (the profile's target per person), shelter_ok, missing and missing_zh (required "
                "categories the circle lacks; a|b means either), lc_pass (1 when nothing is missing and the shelter "
                "target is met; NULL where only the shelter per person is not assessed), clauses.\n\n"
                "Coverage (optional): all circles dissolved into one layer, to show the parts of each street/town unit "
                "that no circle covers."
            )
            + "\n\n"
            + self.tr(
                "Count fields: n_<category>, one per facility category of the profile (for example n_fire_station, "
                "n_police_station, n_short_term_shelter), counting the facilities inside the circle. The optional coverage "
                "layer is the union of the circles: lc_method, lc_radius_m, circles (how many) and area_km2."
            )
            + "\n\n"
            + self.tr(
                "A community with no circle (lc_status unreachable or no geometry) is not assessed: its lc_pop, counts, "
                "shelter fields, missing categories and lc_pass are NULL, never 0 or a fail. Without a facilities layer, "
                "every circle's counts, shelter fields, missing categories and lc_pass are NULL."
            )
            + " "
            + self.tr(
                "Where the circles' people come from the population field, a community whose population is empty or unreadable "
                "is named in the log, and every circle that reaches it has lc_pop, shelter_pp and shelter_ok NULL: its people "
                "are not counted as 0. Likewise a shelter whose area is empty or unreadable: every circle that reaches it has "
                "shelter_m2, shelter_pp and shelter_ok NULL."
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
        p.setHelp(
            self.tr(
                "Optional field with each community's population, for the shelter area per person. Polygon communities' "
                "people are spread over their area (or residential land, or as the population raster says)."
            )
        )
        self.addParameter(p)
        self.add_population_surface_parameters()
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
        from ...core.facilities import Facilities
        from ...qgisside.io import make_fields, numbers, read_source, shelter_areas, table_rows, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Communities"))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        crs = working_crs(source, name, feedback)

        # inputs: communities (and their population), facilities, the network
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        communities = read_source(source, name, crs, context, feedback, progress_span=(0, 10))
        communities.report(feedback)
        population = None
        if pop_field:
            j = source.fields().lookupField(pop_field)
            # a community whose people are unknown: the circles that reach it are not assessed, never counted as 0
            population = numbers(
                communities.column(j), pop_field, name, feedback, fids=communities.fids, empty_ok=False, unknown_is_zero=False
            )
        facilities = {}  # none given: core uses the profile's vocabulary
        given = self.read_facilities(
            parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD, (self.SHELTER_FIELD,), (10, 15), True
        )
        if given is not None:  # plain points come as their coordinates; the labels, read once, as read_facilities found them
            read, fac_name, vocab, columns, (shelter_field,), found = given
            area = shelter_areas(read, vocab.is_shelter(columns), shelter_field, fac_name, feedback) if shelter_field else None
            facilities = {
                "vocabulary": vocab,
                "facilities_name": fac_name,
                "facilities": Facilities.read(read.geometries, None, profile, classified=found, shelter_area=area),
            }
        raster, residential = self.read_population_surface(parameters, context, feedback, crs, name)
        network_source = self.optional_source(parameters, self.NETWORK, context)
        network, net_name = None, ""
        if network_source is not None:
            net_name = self.layer_name(parameters, self.NETWORK, context, network_source)
            lines = read_source(network_source, net_name, crs, context, feedback, fields=[], keep_null=False, progress_span=(15, 25))
            lines.report(feedback)
            network = lines.geometries

        # the analysis (core.lifecircles.life_circles)
        result = lc.life_circles(
            communities.geometries,
            profile,
            distance,
            population=population,
            network=network,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            half_width=self.parameterAsDouble(parameters, self.HALF_WIDTH, context),
            communities_name=name,
            network_name=net_name,
            progress=lambda f: feedback.setProgress(25 + 60 * f),
            canceled=feedback.isCanceled,
            raster=raster,
            residential=residential,
            **facilities,
        )
        self.push_notes(feedback, result.notes)

        # output: the communities' own fields, then the result's columns
        chinese = qgis_locale().lower().startswith("zh")
        fields = QgsProcessingUtils.combineFields(source.fields(), self._output_fields(result.vocabulary, chinese))
        rows = table_rows(result.columns(), communities.attributes)
        outputs = {
            self.OUTPUT: self.write_output(
                self.OUTPUT, fields, WKB_MULTIPOLYGON, crs, rows, result.multipolygons(), (85, 95), "life_circles"
            )
        }

        if self.COVERAGE in parameters and parameters[self.COVERAGE] is not None:
            specs = [("lc_method", FIELD_STRING), ("lc_radius_m", FIELD_DOUBLE), ("circles", FIELD_INT), ("area_km2", FIELD_DOUBLE)]
            cov_fields = make_fields([(field, ftype, "") for field, ftype in specs])
            union = result.coverage(progress=lambda f: feedback.setProgress(95 + 5 * f), canceled=feedback.isCanceled)
            row = [result.method, distance, int(sum(c is not None for c in result.circles)), float(union.area / 1e6) if union else 0.0]
            dest = self.write_output(self.COVERAGE, cov_fields, WKB_MULTIPOLYGON, crs, [row], [union], (0, 0), optional=True)
            if dest is not None:
                outputs[self.COVERAGE] = dest
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
