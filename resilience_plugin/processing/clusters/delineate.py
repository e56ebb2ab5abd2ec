"""resilience:clusters, resilience clusters (韧性城市组团) built from whole street/town units (第47–50条)."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
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
from ..base import is_given
from . import ClustersAlgorithmBase


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
            + "\n\n"
            + self.tr(
                "Without a population, the clusters' population and pop_ok are NULL (not assessed); units count 1 each for the balance."
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
                "population (人口, 常住人口, population …); none: the population raster's people inside each unit, or, "
                "without one, every unit counts as 1."
            )
        )
        self.addParameter(p)
        self.add_population_surface_parameters(residential=False)
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
        from ...core.facilities import Facilities
        from ...qgisside.io import display_name, make_fields, numbers, polygons_only, read_source, table_rows, text, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POLYGON,), self.tr("Street/town units"))
        fields = source.fields()
        id_field = self.optional_field(parameters, self.ID_FIELD, context, source, self.tr("Unit id field"), name, feedback)
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        district_field = self.optional_field(parameters, self.DISTRICT_FIELD, context, source, self.tr("District field"), name, feedback)
        bounds = cl.population_bounds(  # refused before anything is read
            self.parameterAsDouble(parameters, self.MIN_POPULATION, context),
            self.parameterAsDouble(parameters, self.MAX_POPULATION, context),
        )
        crs = working_crs(source, name, feedback)
        units = read_source(source, name, crs, context, feedback, keep_null=False, progress_span=(0, 10))
        units.report(feedback)

        def column(field):
            j = fields.lookupField(field)
            return [a[j] for a in units.attributes]

        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context) or ""
        lifelines = []
        for layer in _distinctly_named(self.layer_list(parameters, self.LIFELINE_ZONES, context)):
            read = read_source(layer, layer.system_name, crs, context, feedback, fields=[zone_field], keep_null=False)
            read.report(feedback)
            labels = [text(a[0]) or str(f) for a, f in zip(read.attributes, read.fids)]
            lifelines.append(cl.LifelineSystem(layer.system_name, read.geometries, labels))
        barriers = []
        for layer in self.layer_list(parameters, self.BARRIERS, context):
            read = read_source(layer, display_name(layer), crs, context, feedback, fields=[], keep_null=False)
            read.report(feedback)
            barriers.extend(read.geometries)
        given = self.read_facilities(parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD)
        facilities = Facilities.read(given[0].geometries, None, profile, classified=given[5]) if given is not None else None
        if feedback.isCanceled():
            return {}

        # the analysis (core.clusters.clusters)
        result = cl.clusters(
            units.geometries,
            profile,
            self.parameterAsInt(parameters, self.N_CLUSTERS, context),
            population=numbers(column(pop_field), pop_field, name, feedback, fids=units.fids, empty_ok=False)
            if pop_field
            else (
                self.raster_population(parameters, context, feedback, crs, units.geometries, name)
                if is_given(parameters.get(self.POPULATION_RASTER))
                else None
            ),
            ids=[text(v) for v in column(id_field)] if id_field else None,
            feature_ids=units.fids,
            districts=[text(v) for v in column(district_field)] if district_field else None,
            lifelines=lifelines,
            barriers=barriers,
            facilities=facilities,
            min_population=bounds[0],
            max_population=bounds[1],
            units_name=name,
            id_field=id_field,
            progress=lambda f: feedback.setProgress(10 + 75 * f),
            canceled=feedback.isCanceled,
        )

        # outputs: the units with their cluster, then the clusters
        out_fields = QgsProcessingUtils.combineFields(fields, make_fields([("cluster_id", FIELD_INT, self.tr("Cluster"))]))
        rows = table_rows({"cluster_id": result.cluster_id.tolist()}, [units.attributes[i] for i in result.order])
        geoms = polygons_only(units.geometries[result.order])
        dest = self.write_output(self.OUTPUT, out_fields, WKB_MULTIPOLYGON, crs, rows, geoms, (85, 90), "clusters")
        c_fields = make_fields(self._cluster_fields(result, profile))
        rows, geoms = table_rows(result.table), polygons_only(result.geometries)
        c_dest = self.write_output(self.CLUSTERS, c_fields, WKB_MULTIPOLYGON, crs, rows, geoms, (90, 99), "clusters")
        self.push_notes(feedback, result.notes)
        return {self.OUTPUT: dest, self.CLUSTERS: c_dest}

    def _cluster_fields(self, result, profile) -> list:
        """The clusters' field specs, in the order of ``result.table``."""
        vocab_names = profile.value("facility_categories")
        specs = [
            ("cluster_id", FIELD_INT, self.tr("Cluster")),
            ("code", FIELD_STRING, self.tr("Cluster code")),
            ("n_units", FIELD_INT, self.tr("Units")),
            ("population", FIELD_DOUBLE, self.tr("Population")),
            ("area_km2", FIELD_DOUBLE, self.tr("Area (km²)")),
            ("districts", FIELD_STRING, self.tr("Districts")),
        ]
        for suffix, label in result.systems:
            specs.append((f"fit_{suffix}", FIELD_DOUBLE, self.tr("Lifeline fit: {0}").format(label)))
            specs.append((f"zone_{suffix}", FIELD_STRING, self.tr("Main zone: {0}").format(label)))
        specs.append(("compact", FIELD_DOUBLE, self.tr("Compactness (4πA/P²)")))
        if "missing" in result.table:
            for c in result.required:
                name_zh = vocab_names[c]["name_zh"] if c in vocab_names else c
                specs.append((f"n_{c}", FIELD_INT, self.tr("Count: {0}").format(name_zh)))
            specs += [
                ("missing", FIELD_STRING, self.tr("Missing 第48条 facilities")),
                ("missing_zh", FIELD_STRING, self.tr("Missing facilities (Chinese)")),
                ("self_suff", FIELD_INT, self.tr("Holds every 第48条 facility")),
            ]
        specs += [("pop_ok", FIELD_INT, self.tr("Population within bounds")), ("clauses", FIELD_STRING, self.tr("Plan clauses"))]
        return specs


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
