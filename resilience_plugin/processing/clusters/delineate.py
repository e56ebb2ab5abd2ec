"""resilience:clusters, resilience clusters (韧性城市组团) built from whole street/town units (第47–50条)."""

import re
from collections import Counter

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_ANY,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from . import ClustersAlgorithmBase

CLAUSES = "第47、48、49、50条"


class ClustersAlgorithm(ClustersAlgorithmBase):
    """Delineates resilience clusters from street/town units (第47–49条).

    Memory ceiling: 200 MB. At Beijing scale (`make bench`), its peak was 49 MB for 343 units and 50,000 facilities.
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("INPUT", "FACILITIES"),)
    LAYER_ROLES = {"INPUT": "units"}

    MEMORY_CEILING_MB = 200
    MEMORY_MB_PER_1000 = {"INPUT": 50.0, "FACILITIES": 0.6}
    DEMO_BACKDROP = ("greenbelts", "districts")
    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    LIFELINE_ZONES = "LIFELINE_ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    BARRIERS = "BARRIERS"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    N_CLUSTERS = "N_CLUSTERS"
    MIN_POPULATION = "MIN_POPULATION"
    MAX_POPULATION = "MAX_POPULATION"
    OUTPUT = "OUTPUT"
    CLUSTERS = "CLUSTERS"

    def name(self) -> str:
        return "clusters"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Resilience clusters")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Groups whole street/town units (第50条) into resilience clusters (韧性城市组团, 第47条), 39 by default as "
                "in Beijing's plan. Every cluster is contiguous; with a district field no cluster crosses a district "
                "boundary (第47条); units on opposite sides of a barrier (greenbelts 第25条, rivers …) are not "
                "neighbours; clusters prefer units in the same lifeline zone of each system (water, power, gas …, "
                "第12、47条) and should each hold the facilities 第48条 requires (stadium, long-term shelter, reserve "
                "depot, water plant, substation, command centre; the list is in the plan profile).\n\n"
                "Neighbours share at least 10 m of boundary, measured with a 5 m tolerance for slivers and gaps. A unit "
                "with no neighbour (an island) joins its nearest unit. Two units are separated by a barrier when the "
                "straight line between points inside them crosses a barrier line or the edge of a barrier polygon; a "
                "unit cut off from all its neighbours that way rejoins across its longest shared boundary (logged).\n\n"
                "Objective (minimised, weights in the profile): population balance ((P − P̄)/P̄)² + population outside "
                "each cluster's main lifeline zone + lack of compactness (second moment of area against a disk's) + "
                "missing 第48条 categories + population outside the bounds (weighted 10). The connected pieces that "
                "districts and barriers leave get clusters in proportion to population; regions grow from spread-out "
                "seeds, least populated first; then boundary units move to a neighbouring cluster while that lowers the "
                "objective and keeps both clusters contiguous. The result is the same for the same input.\n\n"
                "When the constraints cannot all be met (more pieces than clusters, bounds that no split satisfies, "
                "missing facilities) the log says which and where, and the best solution found is returned.\n\n"
                "Outputs: the units with cluster_id; the dissolved clusters with population, area, units, the lifeline "
                "fit per system (share of the population in the cluster's main zone), compactness (4πA/P²), the 第48条 "
                "facilities present and missing, and whether the population is within the bounds."
            )
            + "\n\n"
            + self.tr(
                "Fields of the clusters: cluster_id and code; n_units, population, area_km2 and districts; fit_<system> (share "
                "of the cluster's population in its main zone of that lifeline system) and zone_<system> (that zone); compact "
                "(4πA/P²); n_<category> (facilities of each 第48条 category), missing and missing_zh (the categories it lacks) and "
                "self_suff (1 when it has them all); pop_ok (1 within the population bounds); clauses. The units keep their own "
                "fields and get cluster_id."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        p = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Street/town units"), [SOURCE_POLYGON])
        p.setHelp(self.tr("Street/town unit polygons (韧性街镇单元, 第50条)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.ID_FIELD, self.tr("Unit id field"), "code", self.INPUT, optional=True)
        p.setHelp(self.tr("Field that identifies each unit (codes are checked for duplicates)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.INPUT, optional=True)
        p.setHelp(
            self.tr(
                "Field with each unit's population, a number or text such as 1,234 or 12万. Empty: the field named like a "
                "population (人口, 常住人口, population …); none: every unit counts as 1."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(self.DISTRICT_FIELD, self.tr("District field"), "district", self.INPUT, optional=True)
        p.setHelp(self.tr("Optional: no cluster crosses a boundary between values of this field (第47条)."))
        self.addParameter(p)
        p = QgsProcessingParameterMultipleLayers(self.LIFELINE_ZONES, self.tr("Lifeline service zones"), SOURCE_POLYGON, optional=True)
        p.setHelp(self.tr("One polygon layer per lifeline system (water, power, gas …); the layer's name names the system."))
        self.addParameter(p)
        p = QgsProcessingParameterString(self.ZONE_FIELD, self.tr("Zone field in the lifeline layers"), "zone", optional=True)
        p.setHelp(self.tr("Field naming each zone; layers without it use the feature id."))
        self.addParameter(p)
        p = QgsProcessingParameterMultipleLayers(self.BARRIERS, self.tr("Barriers"), SOURCE_ANY, optional=True)
        p.setHelp(self.tr("Optional lines or polygons (greenbelts, rivers) that clusters do not cross (第25条)."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"), [SOURCE_POINT, SOURCE_POLYGON], optional=True)
        p.setHelp(self.tr("Optional facilities, to check each cluster holds what 第48条 requires."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.CATEGORY_FIELD, self.tr("Facility category field"), "category", self.FACILITIES, optional=True)
        p.setHelp(self.tr("Field with the facility category: a profile code, or its English or Chinese name."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.N_CLUSTERS, self.tr("Number of clusters"), NUMBER_INTEGER, defaultValue=profile.value("clusters.target_count"), minValue=1
        )
        p.setHelp(self.tr("How many clusters to make (Beijing's plan: 39)."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(self.MIN_POPULATION, self.tr("Minimum population"), NUMBER_DOUBLE, defaultValue=0, minValue=0)
        p.setHelp(self.tr("Optional lower bound of a cluster's population; 0: none."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(self.MAX_POPULATION, self.tr("Maximum population"), NUMBER_DOUBLE, defaultValue=0, minValue=0)
        p.setHelp(self.tr("Optional upper bound of a cluster's population; 0: none."))
        self.addParameter(p)
        self.add_category_map_parameter()
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Units with their cluster"), SOURCE_POLYGON)
        p.setHelp(self.tr("The units with the cluster each belongs to (cluster_id)."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.CLUSTERS, self.tr("Clusters"), SOURCE_POLYGON)
        p.setHelp(self.tr("The dissolved clusters with their population, lifeline fit, compactness and facilities."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.INPUT: f"{sample_gpkg}|layername=street_units",
            self.LIFELINE_ZONES: [f"{sample_gpkg}|layername={t}" for t in ("water_zones", "power_zones", "gas_zones")],
            self.BARRIERS: [f"{sample_gpkg}|layername=greenbelts"],
            self.FACILITIES: f"{sample_gpkg}|layername=facilities",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import clusters as cl
        from ..io import display_name, make_fields, numbers, polygons_only, read_source, text, working_crs, write_rows

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POLYGON,), self.tr("Street/town units"))
        id_field = self.optional_field(parameters, self.ID_FIELD, context, source, self.tr("Unit id field"), name, feedback)
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        district_field = self.optional_field(parameters, self.DISTRICT_FIELD, context, source, self.tr("District field"), name, feedback)
        k = self.parameterAsInt(parameters, self.N_CLUSTERS, context)
        min_pop = self.parameterAsDouble(parameters, self.MIN_POPULATION, context)
        max_pop = self.parameterAsDouble(parameters, self.MAX_POPULATION, context)
        if min_pop and max_pop and min_pop > max_pop:
            raise QgsProcessingException(self.tr("Minimum population {0:g} is above the maximum {1:g}.").format(min_pop, max_pop))
        crs = working_crs(source, name, feedback)
        units = read_source(source, name, crs, context, feedback, keep_null=False, progress_span=(0, 10))
        units.report(feedback)
        geoms = polygons_only(units.geometries)
        usable = np.array([g is not None for g in geoms], dtype=bool)
        if not usable.all():
            feedback.pushWarning(self.tr("{0}: {1} unit(s) without a polygon left out.").format(name, int((~usable).sum())))
        index = np.nonzero(usable)[0]
        index = index[self._canonical_order(geoms[index], [units.attributes[i] for i in index], source.fields(), id_field)]
        geoms = geoms[index]
        attrs = [units.attributes[i] for i in index]
        fids = [units.fids[i] for i in index]
        n = len(index)
        if n == 0:
            raise QgsProcessingException(self.tr("Layer '{0}' has no usable unit polygons.").format(name))
        fields = source.fields()
        ids = [text(a[fields.lookupField(id_field)]) for a in attrs] if id_field else [str(f) for f in fids]
        dup = [v for v, c in Counter(ids).items() if c > 1 and v is not None]
        if dup:
            feedback.pushWarning(
                self.tr("{0}, field '{1}': duplicate ids {2}; units are told apart by feature id.").format(
                    name, id_field, ", ".join(f"{v} ({Counter(ids)[v]})" for v in dup[:10])
                )
            )
        population = (
            numbers([a[fields.lookupField(pop_field)] for a in attrs], pop_field, name, feedback, fids=units.fids, empty_ok=False)
            if pop_field
            else np.ones(n)
        )
        if not pop_field:
            feedback.pushInfo(self.tr("No population field: every unit counts as 1 for the balance."))
        district = [text(a[fields.lookupField(district_field)]) for a in attrs] if district_field else None

        # lifeline zones, barriers, facilities
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context) or ""
        systems, zone_ids = [], []
        for layer in _distinctly_named(self.layer_list(parameters, self.LIFELINE_ZONES, context)):
            read = read_source(layer, layer.system_name, crs, context, feedback, fields=[zone_field], keep_null=False)
            read.report(feedback)
            labels = [text(a[0]) if a[0] is not None and text(a[0]) else str(f) for a, f in zip(read.attributes, read.fids)]
            systems.append(layer.system_name)
            zone_ids.append(cl.majority_zone(geoms, read.geometries, labels))
            uncovered = sum(1 for z in zone_ids[-1] if z is None)
            if uncovered:
                feedback.pushInfo(
                    self.tr("Lifeline layer '{0}': {1} unit(s) lie in none of its zones.").format(layer.system_name, uncovered)
                )
        barriers = []
        for layer in self.layer_list(parameters, self.BARRIERS, context):
            read = read_source(layer, display_name(layer), crs, context, feedback, fields=[], keep_null=False)
            read.report(feedback)
            barriers.extend(g for g in read.geometries if g is not None)
        required = profile.value("clusters.required_categories")
        facilities = unknown_class = None
        given = self.read_facilities(parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD)
        if given is not None:
            from ..io import representative_points

            fac, _name, vocab, idx, _extras, found = given
            column = np.array([required.index(vocab.codes[i]) if vocab.codes[i] in required else -1 for i in idx], dtype=np.int64)
            points = representative_points(fac.geometries)
            facilities = cl.facility_counts(geoms, points, column, len(required))
            # shelters whose label does not say their class (应急避难场所, Ⅱ类, Amap's 紧急避难场所): per unit
            unknown_class = cl.facility_counts(geoms, points, np.where(found.class_unknown, 0, -1).astype(np.int64), 1)[:, 0]
        if feedback.isCanceled():
            return {}

        # the delineation
        feedback.setProgress(15)
        graph = cl.build_graph(
            geoms, profile.value("clusters.adjacency_tolerance"), profile.value("clusters.min_shared_boundary"), district, barriers
        )
        self._log_graph(graph, ids, feedback)
        problem = cl.Problem.of(geoms, population, zone_ids, facilities, min_pop, max_pop, cl.Weights.from_profile(profile))
        feedback.setProgress(30)
        solution = cl.delineate(
            graph,
            problem,
            k,
            profile.value("clusters.max_passes"),
            canceled=feedback.isCanceled,
            progress=lambda f: feedback.setProgress(30 + 55 * f),
        )
        if feedback.isCanceled():
            return {}
        for message in solution.messages:
            feedback.pushWarning(message)
        stats = cl.stats(geoms, solution.labels, solution.k, problem)

        # outputs: units
        out_fields = QgsProcessingUtils.combineFields(fields, make_fields([("cluster_id", FIELD_INT, self.tr("Cluster"))]))
        sink = self.output_sink(parameters, self.OUTPUT, context, out_fields, WKB_MULTIPOLYGON, crs)
        dest = sink.dest
        rows = [list(a) + [int(c) + 1] for a, c in zip(attrs, solution.labels.tolist())]
        if not write_rows(sink, out_fields, rows, geoms, feedback, sink.failed, (85, 90)):
            return {}
        self.style_output(context, dest, "clusters")

        # outputs: clusters
        vocab_names = profile.value("facility_categories")
        names_zh = {c: vocab_names[c]["name_zh"] if c in vocab_names else c for c in required}
        specs = [
            ("cluster_id", FIELD_INT, self.tr("Cluster")),
            ("code", FIELD_STRING, self.tr("Cluster code")),
            ("n_units", FIELD_INT, self.tr("Units")),
            ("population", FIELD_DOUBLE, self.tr("Population")),
            ("area_km2", FIELD_DOUBLE, self.tr("Area (km²)")),
            ("districts", FIELD_STRING, self.tr("Districts")),
        ]
        safe = []
        for i, label in enumerate(systems):
            ascii_name = re.sub(r"[^0-9A-Za-z_]+", "_", label).strip("_")[:20]
            safe.append(ascii_name if ascii_name and ascii_name not in safe else str(i + 1))
        for s, label in zip(safe, systems):
            specs.append((f"fit_{s}", FIELD_DOUBLE, self.tr("Lifeline fit: {0}").format(label)))
            specs.append((f"zone_{s}", FIELD_STRING, self.tr("Main zone: {0}").format(label)))
        specs.append(("compact", FIELD_DOUBLE, self.tr("Compactness (4πA/P²)")))
        if facilities is not None:
            for c in required:
                specs.append((f"n_{c}", FIELD_INT, self.tr("Count: {0}").format(names_zh[c])))
            specs += [
                ("missing", FIELD_STRING, self.tr("Missing 第48条 facilities")),
                ("missing_zh", FIELD_STRING, self.tr("Missing facilities (Chinese)")),
                ("self_suff", FIELD_INT, self.tr("Holds every 第48条 facility")),
            ]
        specs += [("pop_ok", FIELD_INT, self.tr("Population within bounds")), ("clauses", FIELD_STRING, self.tr("Plan clauses"))]
        c_fields = make_fields(specs)
        c_sink = self.output_sink(parameters, self.CLUSTERS, context, c_fields, WKB_MULTIPOLYGON, crs)
        c_dest = c_sink.dest
        rows = []
        short, out_of_bounds = [], []
        for c in range(solution.k):
            members = np.nonzero(solution.labels == c)[0]
            pop = float(stats.population[c])
            row = [
                c + 1,
                f"C{c + 1:02d}",
                int(stats.units[c]),
                pop,
                round(float(stats.area[c]) / 1e6, 3),
                ", ".join(sorted({d for d in (district[u] for u in members) if d})) if district else None,
            ]
            for s in range(len(systems)):
                row += [round(float(stats.fit[c, s]), 4), None if stats.dominant[c][s] is None else str(stats.dominant[c][s])]
            row.append(round(float(stats.compactness[c]), 4))
            if facilities is not None:
                counts = stats.facilities[c]
                lacks = [r for r, v in zip(required, counts) if v <= 0]
                row += [int(v) for v in counts]
                row += [", ".join(lacks), "、".join(names_zh[r] for r in lacks), int(not lacks)]
                if lacks:
                    short.append(f"C{c + 1:02d} ({'、'.join(names_zh[r] for r in lacks)})")
            ok = not ((min_pop and pop < min_pop) or (max_pop and pop > max_pop))
            if not ok:
                out_of_bounds.append(f"C{c + 1:02d} ({pop:,.0f})")
            row += [int(ok), CLAUSES]
            rows.append(row)
        if not write_rows(c_sink, c_fields, rows, polygons_only(stats.geoms), feedback, c_sink.failed, (90, 99)):
            return {}
        self.style_output(context, c_dest, "clusters")

        feedback.pushInfo(
            self.tr("{0} clusters from {1} units; population {2:,.0f} to {3:,.0f}; objective {4:.4f}.").format(
                solution.k, n, float(stats.population.min()), float(stats.population.max()), solution.objective
            )
        )
        if systems:
            feedback.pushInfo(
                self.tr("Lifeline fit (population in the main zone): {0}.").format(
                    ", ".join(f"{s} {float(np.average(stats.fit[:, i], weights=stats.population)):.1%}" for i, s in enumerate(systems))
                )
            )
        if short:
            listed = "; ".join(short[:12]) + (" …" if len(short) > 12 else "")
            feedback.pushWarning(self.tr("{0} cluster(s) lack 第48条 facilities: {1}").format(len(short), listed))
        if unknown_class is not None and "long_term_shelter" in required:
            j = required.index("long_term_shelter")
            unsure = [
                f"C{c + 1:02d} ({int(unknown_class[solution.labels == c].sum())})"
                for c in range(solution.k)
                if stats.facilities[c][j] <= 0 and unknown_class[solution.labels == c].sum() > 0
            ]
            if unsure:
                feedback.pushWarning(
                    self.tr(
                        "{0} cluster(s) have no long-term shelter (第48条) but hold shelters whose class their label does not "
                        "say (应急避难场所, Ⅱ类 …), counted as emergency shelters: {1}. Check their class, and map their labels "
                        "with 'Facility label mapping' (for example 某某避难场所=long_term_shelter)."
                    ).format(len(unsure), "; ".join(unsure[:12]) + (" …" if len(unsure) > 12 else ""))
                )
        if out_of_bounds:
            feedback.pushWarning(self.tr("Population outside the bounds: {0}").format(", ".join(out_of_bounds)))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.CLUSTERS: c_dest}

    @staticmethod
    def _canonical_order(geoms, attrs, fields, id_field) -> np.ndarray:
        """The units sorted by id, then by a point inside each: the same units give the same clusters whatever order
        their source returns them in (a GeoPackage and a PostGIS table of the same data do not agree)."""
        import shapely

        from ..io import text

        points = shapely.point_on_surface(np.asarray(geoms, dtype=object))
        xs, ys = shapely.get_x(points), shapely.get_y(points)
        j = fields.lookupField(id_field) if id_field else -1
        keys = [(text(a[j]) or "" if j >= 0 else "", round(float(x), 3), round(float(y), 3)) for a, x, y in zip(attrs, xs, ys)]
        return np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)

    def _log_graph(self, graph, ids, feedback) -> None:
        def names(pairs):
            return ", ".join(f"{ids[a]}→{ids[b]}" for a, b in pairs[:10]) + (" …" if len(pairs) > 10 else "")

        if graph.islands:
            feedback.pushInfo(self.tr("{0} island unit(s) joined their nearest unit: {1}").format(len(graph.islands), names(graph.islands)))
        if graph.stranded:
            feedback.pushWarning(
                self.tr("{0} unit(s) cut off from every neighbour by barriers rejoined across one: {1}").format(
                    len(graph.stranded), names(graph.stranded)
                )
            )
        if graph.overlaps:
            feedback.pushWarning(
                self.tr("{0} pair(s) of units overlap (largest {1:,.0f} m²): {2}").format(
                    len(graph.overlaps), max(o for _a, _b, o in graph.overlaps), names([(a, b) for a, b, _o in graph.overlaps])
                )
            )
        feedback.pushInfo(
            self.tr("Neighbours: {0} pairs; {1} cut at district boundaries, {2} by barriers; {3} separate piece(s).").format(
                sum(len(nb) for nb in graph.neighbours) // 2, graph.cut_by_district, graph.cut_by_barrier, int(graph.components().max()) + 1
            )
        )


def _distinctly_named(layers):
    """The layers, each with ``system_name``: its name, or its table's name when names repeat (all from one file)."""
    from qgis.core import QgsProviderRegistry

    names = [layer.name() for layer in layers]
    for i, layer in enumerate(layers):
        name = names[i]
        if names.count(name) > 1:
            table = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("layerName")
            name = table or f"{name} {i + 1}"
        layer.system_name = name
    return layers
