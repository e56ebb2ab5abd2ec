"""resilience:siting, where the next shelters, fire stations, police stations or clinics should go (补短板选址)."""

from dataclasses import dataclass, field
from typing import Any, Optional, Tuple

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from ...qgisside.translation import core_text, translate
from ..base import ResilienceAlgorithm, is_given

CATEGORIES = (
    "emergency_shelter",
    "short_term_shelter",
    "long_term_shelter",
    "fire_station",
    "police_station",
    "clinic",
    "hospital",
    "custom",
)
MODELS = ("coverage", "set_cover", "p_median", "capacitated")


class SitingAlgorithm(ResilienceAlgorithm):
    """Facility siting (第51、69、86–88、91条): coverage, set cover, p-median and capacitated shelters, solved exactly
    with scipy's MILP solver (core.siting.site).

    Memory ceiling: 2,000 MB. At Beijing scale (`make bench-siting`: 7,008 communities, 5,000 candidates) the bench
    process peaked at 329 MB straight-line and 558 MB along the 198,399-edge walking network. A run estimated above
    the ceiling is warned about before it starts."""

    GROUP_ID = "siting"
    DISTINCT_INPUTS = (("INPUT", "CANDIDATES"), ("INPUT", "NETWORK"), ("CANDIDATES", "NETWORK"))
    LAYER_ROLES = {"INPUT": "communities", "CANDIDATES": "facilities"}
    FIELD_ROLES = {"CAPACITY_FIELD": "capacity", "EXISTING_CAPACITY_FIELD": "capacity", "EXISTING_CATEGORY_FIELD": "category"}
    MEMORY_CEILING_MB = 2000
    MEMORY_MB_PER_1000 = {"INPUT": 25.0, "CANDIDATES": 25.0, "NETWORK": 1.3}

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    CANDIDATES = "CANDIDATES"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    EXISTING = "EXISTING"
    EXISTING_CAPACITY_FIELD = "EXISTING_CAPACITY_FIELD"
    EXISTING_CATEGORY_FIELD = "EXISTING_CATEGORY_FIELD"
    CATEGORY = "CATEGORY"
    DISTANCE = "DISTANCE"
    NETWORK = "NETWORK"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    MODEL = "MODEL"
    COUNT = "COUNT"
    MAX_DISTANCE = "MAX_DISTANCE"
    FAULTS = "FAULTS"
    FAULT_NAME_FIELD = "FAULT_NAME_FIELD"
    AVOIDANCE_DISTANCE = "AVOIDANCE_DISTANCE"
    EXCLUDE = "EXCLUDE"
    EXCLUDE_CLASSES = "EXCLUDE_CLASSES"
    FLOOD_DEPTH = "FLOOD_DEPTH"
    OUTPUT = "OUTPUT"
    ALLOCATION = "ALLOCATION"
    EXCLUDED = "EXCLUDED"
    ZONES = "ZONES"
    ALLOCATION_PIECES = "ALLOCATION_PIECES"

    def name(self) -> str:
        return "siting"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Facility siting (补短板选址)")

    def group(self) -> str:
        return translate("Resilience", "Facility siting")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Chooses where the next shelters, fire stations, police stations or clinics should go among candidate sites "
                "(schools, parks, stadiums, hotels, strategic reserve land …), as the plan asks: fill the gaps in short-term "
                "shelters, fire and police stations (第51条), use reserve land and dual-use buildings (第69、71条), plan "
                "shelters to their standards (第87、91条), and keep new important facilities out of fault and flood zones "
                "(第86、88条).\n\n"
                "Models, each a question:\n"
                "- Coverage (maximal covering): which COUNT new sites bring the most people within the service distance of a "
                "facility?\n"
                "- Set cover: how few new sites bring everyone who can be reached within the distance?\n"
                "- p-median: which COUNT new sites make the average trip to the nearest facility, per person, the shortest? "
                "A maximum distance counts longer trips as that distance.\n"
                "- Capacitated shelters: which COUNT new sites let the most people reach a shelter with room for them within "
                "the distance? Each shelter holds its capacity: persons, or shelter area ÷ the area per person of the "
                "category's refuge period (GB 51143).\n\n"
                "Existing facilities serve first and are never closed. The category sets the default service distance from "
                "the profile, with its source (emergency shelters 500 m, short-term 1000 m, long-term 2500 m: GB 51143; fire "
                "stations the 5-minute reach, 2500 m; police stations 3000 m; clinics the life-circle radius; hospitals and "
                "reserve depots 5000 m, editable assumptions). Distances are "
                "straight-line, or along the network when one is given (each feature joins it at its nearest point within "
                "the snapping tolerance, as the life circles do). Candidates within the avoidance distance of an active "
                "fault (GB 50011 §4.1.7) or inside an excluded area (flood-risk zones, geohazard areas; with Excluded "
                "classes, only the zones of the risk classes listed) are dropped and listed with the reason.\n\n"
                "The answer is exact (scipy's MILP solver, HiGHS). Where the time limit stops the solver first, the best "
                "solution found is given with its proven bound and the gap between them, and the log says so. A cancel "
                "takes effect when the solver returns (at the latest at the time limit).\n\n"
                "Outputs: the chosen sites in the order a greedy reading adds them (site_rank 1 adds most), each with the "
                "candidate's own fields (renamed cand_<name> where they clash), category (the profile code, so that the "
                "life circles, the unit scores and the dossier count it), category_zh, shelter_area_m2 (shelters), "
                "capacity_p (persons), adds_pop (people newly within reach), serves_pop (people it serves), gain (what it "
                "adds to the objective), model, distance_m and clauses. Allocation: each demand feature with its facility "
                "(fac_kind new or existing, fac_fid, fac_rank), dist_m, pop, cov_before and cov_after (1: within reach of "
                "a facility with room), served_bef and served_aft (people), share_bef and share_aft (their share of its "
                "people). Polygon demand is solved piece by piece: its people are spread over pieces of population.piece_size "
                "(by area, over residential land or as the population raster says); its row gives the facility that serves "
                "most of them and their mean distance; Allocation of the pieces (optional) gives each piece. Excluded "
                "(optional): the candidates left out, "
                "with the reason. Zones (optional): each facility's responsibility zone (责任区), the area of the demand it "
                "serves (Voronoi cells of point demand, or the pieces of polygon demand, cut to the service distance), with "
                "fac_kind, fac_fid, fac_rank, "
                "zone_pop and area_km2."
            )
            + " "
            + self.tr(
                "Not assessed, never 0: demand whose people are unknown has its figures NULL; demand that cannot be placed "
                "(no geometry, or along a network no line within the snapping tolerance) keeps its pop, and what serves it "
                "(cov_before, cov_after, served_bef, served_aft, shares) is NULL, as is a piece's that lies off the network; "
                "a polygon's shares and cov_* are of its people on the network, and the log's totals leave the others out."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        add = self.add_with_help
        add(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Demand (communities or units)"), [SOURCE_POINT, SOURCE_POLYGON]),
            self.tr(
                "Where people live: communities or street/town units, as points or polygons (a polygon stands for its point on surface)."
            ),
        )
        add(
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.INPUT, optional=True),
            self.tr(
                "People per feature (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population. "
                "Polygon demand (street units, districts) is served as pieces of its people (population.piece_size), "
                "spread by area, over residential land or as the population raster says, never as one point."
            ),
        )
        self.add_population_surface_parameters()
        add(
            QgsProcessingParameterFeatureSource(self.CANDIDATES, self.tr("Candidate sites"), [SOURCE_POINT, SOURCE_POLYGON]),
            self.tr("Where a new facility could go: schools, parks, stadiums, hotels, strategic reserve land (第51、69条)."),
        )
        add(
            QgsProcessingParameterField(self.CAPACITY_FIELD, self.tr("Capacity field"), "", self.CANDIDATES, optional=True),
            self.tr("Each candidate's capacity: shelter area (2.5万平方米, 0.8公顷) or persons (1.2万人). Needed by capacitated shelters."),
        )
        self.add_capacity_unit_parameter()
        add(
            QgsProcessingParameterFeatureSource(
                self.EXISTING, self.tr("Existing facilities"), [SOURCE_POINT, SOURCE_POLYGON], optional=True
            ),
            self.tr("Facilities of this kind already open: they serve first and are never closed."),
        )
        add(
            QgsProcessingParameterField(
                self.EXISTING_CATEGORY_FIELD, self.tr("Category field of existing facilities"), "", self.EXISTING, optional=True
            ),
            self.tr(
                "Optional: with it, only the existing facilities whose category is the one sited count (a whole facility "
                "layer can be given: 短期应急避难场所 among hospitals and schools). Labels are read by the profile's rules."
            ),
        )
        add(
            QgsProcessingParameterField(
                self.EXISTING_CAPACITY_FIELD, self.tr("Capacity field of existing facilities"), "", self.EXISTING, optional=True
            ),
            self.tr("Capacitated shelters: what each existing shelter holds. Empty: no limit."),
        )
        add(
            QgsProcessingParameterEnum(
                self.CATEGORY,
                self.tr("What is sited"),
                [
                    self.tr("Emergency shelter (紧急避难场所)"),
                    self.tr("Short-term shelter (短期应急避难场所)"),
                    self.tr("Long-term shelter (长期应急避难场所)"),
                    self.tr("Fire station (消防站)"),
                    self.tr("Police station (派出所)"),
                    self.tr("Clinic (社区卫生服务机构)"),
                    self.tr("Hospital (医院)"),
                    self.tr("Reserve depot (物资储备库)"),
                    self.tr("Another service (give the distance)"),
                ],
                defaultValue=1,
            ),
            self.tr("Sets the default service distance and, for shelters, the area per person, from the profile."),
        )
        add(
            QgsProcessingParameterNumber(
                self.DISTANCE, self.tr("Service distance (m, 0: the category's)"), NUMBER_DOUBLE, 0.0, minValue=0.0
            ),
            self.tr("How far people go to the facility. 0: the category's distance from the profile (said in the log)."),
        )
        add(
            QgsProcessingParameterEnum(
                self.MODEL,
                self.tr("Model"),
                [
                    self.tr("Coverage: most people within reach"),
                    self.tr("Set cover: fewest sites to reach everyone"),
                    self.tr("p-median: shortest average trip"),
                    self.tr("Capacitated shelters: most people with room"),
                ],
                defaultValue=0,
            ),
            self.tr("The question answered (see the help)."),
        )
        add(
            QgsProcessingParameterNumber(self.COUNT, self.tr("Number of new sites"), NUMBER_INTEGER, 5, minValue=1),
            self.tr("How many new sites (coverage, p-median, capacitated). Set cover finds its own number."),
        )
        add(
            QgsProcessingParameterFeatureSource(self.NETWORK, self.tr("Network"), [SOURCE_LINE], optional=True),
            self.tr("Optional walking or road network: distances along it. Empty: straight-line."),
        )
        add(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                self.tr("Snapping tolerance (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("life_circle.snap_tolerance"),
                minValue=0.0,
            ),
            self.tr("Farthest a feature may lie from the network and still join it."),
        )
        add(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, self.tr("p-median: maximum distance (m, 0: none)"), NUMBER_DOUBLE, 0.0, minValue=0.0
            ),
            self.tr("p-median counts a longer trip as this distance. 0: none (along a network: 4 × the service distance)."),
        )
        self.add_optional_fault_parameters(
            profile,
            self.tr("Optional active faults: candidates within the avoidance distance are dropped (第86条)."),
            self.tr("Optional field with the fault's name, for the reasons."),
            self.tr("Half-width of the fault avoidance zone (GB 50011 §4.1.7)."),
        )
        add(
            QgsProcessingParameterMultipleLayers(self.EXCLUDE, self.tr("Excluded areas"), SOURCE_POLYGON, optional=True),
            self.tr(
                "Optional polygons no new site may touch: flood-risk zones (of the classes chosen below), geohazard areas (第86、88条)."
            ),
        )
        add(
            QgsProcessingParameterString(self.EXCLUDE_CLASSES, self.tr("Excluded classes"), "", optional=True),
            self.tr(
                "Optional: only the zones of these risk classes are excluded, for example 1,2 or 高,中 (read as the flood "
                "tools read classes: 1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ, high/medium/low). Empty: every zone of the layers. "
                "A zone whose class cannot be read is excluded."
            ),
        )
        add(
            QgsProcessingParameterRasterLayer(self.FLOOD_DEPTH, self.tr("Flood-depth raster (m)"), optional=True),
            self.tr(
                "Optional: water depth in metres (内涝积水深度, 洪水淹没水深). A candidate in water as deep as the profile's "
                "evacuation depth or deeper (0.5 m) is excluded, as the emergency transfer leaves such a shelter unused "
                "(GB 21734 §5.2.1; 第86、88条). Nodata is dry."
            ),
        )
        self.add_time_limit_parameter(
            profile, self.tr("Where the solver stops here, the best solution found is given with its proven bound.")
        )
        self.add_profile_parameter()
        add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Chosen sites")),
            self.tr("The new sites, in the order a greedy reading adds them."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.ALLOCATION, self.tr("Allocation")),
            self.tr("Each demand feature with its facility, distance, and who is served before and after."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.ALLOCATION_PIECES, self.tr("Allocation of the pieces"), SOURCE_POLYGON, optional=True, createByDefault=False
            ),
            self.tr("Optional, for polygon demand: each piece of people with its facility, distance and people served."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.EXCLUDED, self.tr("Excluded candidates"), optional=True, createByDefault=False),
            self.tr("Optional: the candidates left out, with the reason."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.ZONES, self.tr("Responsibility zones"), SOURCE_POLYGON, optional=True, createByDefault=False
            ),
            self.tr("Optional: each facility's responsibility zone (责任区)."),
        )

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.INPUT: f"{sample_gpkg}|layername=communities",
            self.POPULATION_FIELD: "population",
            self.CANDIDATES: f"{sample_gpkg}|layername=facilities|subset=\"category\" IN ('school', 'park', 'stadium', 'hotel')",
            self.CAPACITY_FIELD: "shelter_area_m2",
            self.EXISTING: f"{sample_gpkg}|layername=facilities|subset=\"category\" = 'short_term_shelter'",
            self.EXISTING_CAPACITY_FIELD: "shelter_area_m2",
            self.CATEGORY: 1,
            self.MODEL: 0,
            self.COUNT: 20,
            self.FAULTS: f"{sample_gpkg}|layername=faults",
            self.EXCLUDE: [f"{sample_gpkg}|layername=flood_zones"],
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core.siting import capacities, exclusions, site
        from ...qgisside.io import read_source, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        kinds = (GEOMETRY_POINT, GEOMETRY_POLYGON)
        source, name = self.source_or_raise(parameters, self.INPUT, context, kinds, self.tr("Demand (communities or units)"))
        cand_src, cand_name = self.source_or_raise(parameters, self.CANDIDATES, context, kinds, self.tr("Candidate sites"))
        crs = working_crs(source, name, feedback)
        category = CATEGORIES[self.parameterAsEnum(parameters, self.CATEGORY, context)]
        model = MODELS[self.parameterAsEnum(parameters, self.MODEL, context)]
        distance, area_pp = self._service_distance(parameters, context, feedback, profile, category)
        demand, population, unknown, surface = self._demand(parameters, context, feedback, source, name, crs, profile)
        cand = read_source(cand_src, cand_name, crs, context, feedback, progress_span=(5, 10))
        cand.report(feedback)
        capacity = self._capacities(parameters, context, feedback, self.CAPACITY_FIELD, cand_src, cand_name, cand, area_pp, capacities)
        existing, ex_capacity, ex_name = self._existing(parameters, context, feedback, crs, category, profile, area_pp, capacities)
        excluded = exclusions(cand.geometries, **self._exclusion_inputs(parameters, context, feedback, crs, profile))
        network, net_name = self._network(parameters, context, feedback, crs)
        feedback.setProgress(15)

        import shapely

        result = site(
            demand.geometries if surface is None else shapely.points(surface.xy),
            population if surface is None else surface.people,
            cand.geometries,
            model,
            self.parameterAsInt(parameters, self.COUNT, context),
            distance,
            existing=existing.geometries if existing is not None else None,
            capacity=capacity,
            existing_capacity=ex_capacity,
            excluded=excluded,
            max_distance=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) or None,
            network=network,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
            time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
            demand_name=name,
            candidates_name=cand_name,
            network_name=net_name,
            progress=lambda f: feedback.setProgress(15 + 70 * f),
            canceled=feedback.isCanceled,
            left_out_max=float(profile.value("quality.left_out_max_share")),
        )
        self.push_notes(feedback, result.notes)
        self._log(feedback, result, cand, ex_name)
        labels = (
            ("other", "其他服务")
            if category == "custom"
            else (profile.category_label(category), profile.category_label(category, chinese=True))
        )
        return self._write(
            _Answer(
                parameters=parameters,
                source=source,
                cand_src=cand_src,
                demand=demand,
                cand=cand,
                existing=existing,
                result=result,
                category=category,
                labels=labels,
                area_pp=area_pp,
                capacity=capacity,
                population=population,
                crs=crs,
                surface=surface,
                unknown=unknown,
            )
        )

    def _service_distance(self, parameters, context, feedback, profile, category):
        """(the service distance in m: the one given, else the profile's for the category, said in the log; the
        category's shelter area per person in m², None for other services)."""
        from ...core.profile import CONFIDENCE_ZH
        from ...core.siting import LOW_CONFIDENCE, category_defaults, distance_confidence
        from ...qgisside.translation import speaks_chinese

        chinese = speaks_chinese()
        default_distance, area_pp, distance_source = category_defaults(profile, category, chinese)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context) or default_distance
        if not distance:
            raise QgsProcessingException(self.tr("Another service has no distance in the profile: give the service distance."))
        if not self.parameterAsDouble(parameters, self.DISTANCE, context):
            feedback.pushInfo(self.tr("Service distance {0:g} m, the profile's for this category ({1}).").format(distance, distance_source))
            confidence = distance_confidence(profile, category)
            if confidence in LOW_CONFIDENCE:
                feedback.pushWarning(
                    self.tr(
                        "The service distance {0:g} m is a profile value of low confidence ({1}): a guide, not a rule of the "
                        "plan or a standard. Check it for your project, or give the service distance."
                    ).format(distance, CONFIDENCE_ZH.get(confidence, confidence) if chinese else confidence)
                )
        return distance, area_pp

    def _demand(self, parameters, context, feedback, source, name, crs, profile):
        """The demand as read, its people per feature (0 where unknown), which features' people are unknown (None:
        none), and polygon demand's pieces of people (core.population; None for points)."""
        import numpy as np

        from ...qgisside.io import numbers, read_source

        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        polygon_demand = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        if not pop_field and not (polygon_demand and is_given(parameters.get(self.POPULATION_RASTER))):
            raise QgsProcessingException(
                self.tr(
                    "Choose the field of layer '{0}' that holds the population, or give a population raster for polygon demand."
                ).format(name)
            )
        demand = read_source(source, name, crs, context, feedback, progress_span=(0, 5))
        demand.report(feedback)
        j = source.fields().lookupField(pop_field) if pop_field else -1
        population = (
            numbers([a[j] for a in demand.attributes], pop_field, name, feedback, fids=demand.fids, empty_ok=False, unknown_is_zero=False)
            if pop_field
            else None
        )
        unknown = None  # features whose people are unknown: weigh nothing, and their figures are NULL, never 0
        if population is not None and np.isnan(population).any():
            unknown = np.isnan(population)
            population = np.nan_to_num(population, nan=0.0)
        surface = None
        if polygon_demand:
            surface = self._surface(parameters, context, feedback, crs, demand, population, name, profile)
            population = surface.per_source()
        elif population is None:
            raise QgsProcessingException(self.tr("Choose the field of layer '{0}' that holds the population.").format(name))
        return demand, population, unknown, surface

    def _network(self, parameters, context, feedback, crs):
        """(the network's lines, None: none given; its layer name)."""
        from ...qgisside.io import read_source

        net_src = self.optional_source(parameters, self.NETWORK, context)
        if net_src is None:
            return None, ""
        net_name = self.layer_name(parameters, self.NETWORK, context, net_src)
        lines = read_source(net_src, net_name, crs, context, feedback, fields=[], keep_null=False, progress_span=(10, 15))
        lines.report(feedback)
        return lines.geometries, net_name

    def _surface(self, parameters, context, feedback, crs, demand, population, name, profile):
        """Polygon demand as pieces of its people (core.population), said in the log."""
        from ...core.population import from_polygons

        raster, residential = self.read_population_surface(parameters, context, feedback, crs, name)
        piece = float(profile.value("population.piece_size"))
        surface = from_polygons(
            demand.geometries,
            population,
            piece,
            residential,
            raster,
            float(profile.value("population.raster_mismatch_share")),
            names=demand.fids,
            canceled=feedback.isCanceled,
        )
        self.push_notes(feedback, surface.notes)
        feedback.pushInfo(
            self.tr("People counted where they live: {0}; {1:,} pieces of {2:g} m in {3} features, served piece by piece.").format(
                surface.method.text(lambda t: translate("Core", t)), len(surface.people), piece, len(demand.fids)
            )
        )
        return surface

    def _facility_specs(self) -> list:
        """The fields that name what serves a demand feature, piece or zone."""
        return [
            ("fac_kind", FIELD_STRING, self.tr("Facility: new or existing")),
            ("fac_fid", FIELD_INT, self.tr("Facility feature id")),
            ("fac_rank", FIELD_INT, self.tr("New site's rank")),
        ]

    def _write_pieces(self, surface, result, demand, facility_of, crs):
        """The optional ALLOCATION_PIECES: each piece of people with its source feature and what serves it."""
        import numpy as np

        from ...qgisside.io import make_fields, polygons_only

        fields = make_fields(
            [
                ("src_fid", FIELD_INT, self.tr("Demand feature id")),
                ("pop", FIELD_DOUBLE, self.tr("Population")),
            ]
            + self._facility_specs()
            + [
                ("dist_m", FIELD_DOUBLE, self.tr("Distance (m)")),
                ("served_bef", FIELD_DOUBLE, self.tr("People served before")),
                ("served_aft", FIELD_DOUBLE, self.tr("People served after")),
            ]
        )
        rows = []
        unplaced = result.unplaced_of(len(surface.people))
        for k in range(len(surface.people)):  # a piece off the network: what serves it not assessed (NULL)
            kind_f, fid, rank = facility_of(int(result.facility[k]))
            d = result.facility_distance[k]
            rows.append(
                [
                    demand.fids[int(surface.source[k])],
                    float(surface.people[k]),
                    kind_f,
                    fid,
                    rank,
                    None if np.isnan(d) else float(d),
                    *([None, None] if unplaced[k] else [float(result.served_before[k]), float(result.served_after[k])]),
                ]
            )
        return self.write_output(
            self.ALLOCATION_PIECES,
            fields,
            WKB_MULTIPOLYGON,
            crs,
            rows,
            polygons_only(surface.pieces),
            (95, 96),
            "allocation",
            optional=True,
        )

    def _capacities(self, parameters, context, feedback, key, src, layer, read, area_pp, capacities):
        """Persons per feature of ``read`` from the capacity field of parameter ``key`` (None: no field)."""
        field = self.optional_field(parameters, key, context, src, self.parameterDefinition(key).description(), layer, feedback)
        if not field:
            return None
        j = src.fields().lookupField(field)
        unit = self.capacity_unit(parameters, context)
        from ...core.messages import CoreError
        from ...qgisside.translation import core_message

        try:
            persons, unreadable, as_area = capacities([a[j] for a in read.attributes], field, unit, area_pp)
        except CoreError as exc:
            raise QgsProcessingException(f"{layer}: {core_message(exc)}") from None
        if unreadable:
            from ...qgisside.io import id_list

            feedback.pushWarning(
                self.tr("{0}, field '{1}': {2} capacity value(s) cannot be read and count as none (feature ids {3}).").format(
                    layer, field, len(unreadable), id_list(read.fids[i] for i in unreadable)
                )
            )
        if as_area:
            feedback.pushInfo(
                self.tr("{0}, field '{1}': {2} capacity value(s) read as shelter area, {3:g} m² per person (GB 51143).").format(
                    layer, field, len(as_area), area_pp
                )
            )
        return persons

    def _existing(self, parameters, context, feedback, crs, category, profile, area_pp, capacities):
        """The existing facilities (only those of the sited category when a category field is given), their
        capacities in persons (inf: unknown), and the layer's name."""
        from collections import Counter

        from ...qgisside.io import read_source, text

        src = self.optional_source(parameters, self.EXISTING, context)
        if src is None:
            return None, None, ""
        ex_name = self.layer_name(parameters, self.EXISTING, context, src)
        read = read_source(src, ex_name, crs, context, feedback, keep_null=False)
        read.report(feedback)
        cat_field = ""
        if is_given(parameters.get(self.EXISTING_CATEGORY_FIELD)):
            cat_field = self.optional_field(
                parameters, self.EXISTING_CATEGORY_FIELD, context, src, self.tr("Category field of existing facilities"), ex_name, feedback
            )
        from ...core.fields import guess_field
        from ...core.lifecircles import Vocabulary

        vocab = Vocabulary.from_profile(profile)
        looks_like = guess_field("category", src.fields().names())
        if not cat_field and looks_like and category != "custom":  # a whole facility layer given as the existing ones?
            j = src.fields().lookupField(looks_like)
            columns, _found = vocab.classify_labels([text(a[j]) for a in read.attributes])
            kinds = sorted({vocab.codes[c] for c in columns} - {"other"})
            if len(kinds) > 1:
                feedback.pushWarning(
                    self.tr(
                        "{0}: its field '{1}' holds facilities of {2} categories ({3}), and all of them count as existing "
                        "{4}. Give the category field of existing facilities so that only those count."
                    ).format(ex_name, looks_like, len(kinds), ", ".join(kinds[:6]), profile.category_label(category))
                )
        if cat_field and category != "custom":
            j = src.fields().lookupField(cat_field)
            columns, _found = vocab.classify_labels([text(a[j]) for a in read.attributes])
            keep = [k for k, c in enumerate(columns) if vocab.codes[c] == category]
            feedback.pushInfo(
                self.tr("{0}: {1} of {2} facilities are of the category sited ({3}, field '{4}'); the others are not counted.").format(
                    ex_name, len(keep), len(read.fids), profile.category_label(category), cat_field
                )
            )
            if not keep and read.fids:  # none: said plainly, with how their labels were read (issue 29)
                read_as = Counter(f"{text(a[j])} → {vocab.codes[c]}" for a, c in zip(read.attributes, columns))
                feedback.pushWarning(
                    self.tr(
                        "{0}: none of its {1} facilities was read as {2}, so the sites are chosen as if there were no existing "
                        "{2}. Their labels were read so: {3}. If some are {2}, map their label (Facility label mapping, or "
                        "the profile's facility_labels)."
                    ).format(
                        ex_name,
                        len(read.fids),
                        profile.category_label(category),
                        ", ".join(f"{k} ×{n}" for k, n in read_as.most_common(8)),
                    )
                )
            read.fids = [read.fids[k] for k in keep]
            read.attributes = [read.attributes[k] for k in keep]
            read.geometries = read.geometries[keep]
        persons = self._capacities(parameters, context, feedback, self.EXISTING_CAPACITY_FIELD, src, ex_name, read, area_pp, capacities)
        if persons is not None:
            import numpy as np

            persons = np.where(np.isnan(persons), np.inf, persons)  # an existing shelter of unknown capacity: no limit
        return read, persons, ex_name

    def _exclusion_inputs(self, parameters, context, feedback, crs, profile) -> dict:
        from ...core.fields import guess_field
        from ...qgisside.io import display_name, read_source, text

        inputs = {}
        got = self.read_optional_faults(parameters, context, feedback, crs, profile)
        if got is not None:
            read, _f_name, names, ages = got
            inputs.update(
                faults=read.geometries,
                avoidance_distance=self.parameterAsDouble(parameters, self.AVOIDANCE_DISTANCE, context),
                fault_names=names,
                fault_ages=ages,
                rule=profile.value("seismic.fault_avoidance_rule"),
            )
        from ...core.siting import chosen_classes, in_classes

        keys, unread = chosen_classes(self.parameterAsString(parameters, self.EXCLUDE_CLASSES, context))
        if unread:
            raise QgsProcessingException(
                self.tr(
                    "Excluded classes: {0} is not a risk class; write them as 1,2 or 高,中 (1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ)."
                ).format(", ".join(f"'{u}'" for u in unread))
            )
        zones = []
        for layer in self.layer_list(parameters, self.EXCLUDE, context):
            class_field = guess_field("flood_class", layer.fields().names())
            label_field = class_field or guess_field("name", layer.fields().names())
            lname = display_name(layer)
            read = read_source(layer, lname, crs, context, feedback, fields=[label_field or ""], keep_null=False)
            read.report(feedback)
            labels = [f"{label_field} {text(a[0])}" if label_field and text(a[0]) else None for a in read.attributes]
            geoms = read.geometries
            if keys and class_field:
                keep = in_classes([text(a[0]) for a in read.attributes], keys)
                feedback.pushInfo(
                    self.tr("{0}: {1} of {2} zones are of the excluded classes (field '{3}').").format(
                        lname, int(keep.sum()), len(keep), class_field
                    )
                )
                geoms, labels = geoms[keep], [lab for lab, k in zip(labels, keep) if k]
            elif keys:
                feedback.pushWarning(self.tr("{0}: no risk class field; every zone of it is excluded.").format(lname))
            zones.append((lname, geoms, labels))
        inputs["zones"] = zones
        if is_given(parameters.get(self.FLOOD_DEPTH)):
            from ...qgisside import rasters

            layer, name = rasters.raster_layer_or_raise(self, parameters, self.FLOOD_DEPTH, context)
            inputs.update(
                depth=rasters.population_raster(layer, 1, 0, crs, name), depth_limit=float(profile.value("evacuation.evacuate_depth"))
            )
        return inputs

    def _log(self, feedback, result, cand, ex_name) -> None:
        from ...qgisside.io import id_list

        if result.excluded:
            feedback.pushInfo(self.tr("{0} candidate(s) excluded:").format(len(result.excluded)))
            for i, reason in result.excluded[:20]:
                feedback.pushInfo(f"  {cand.fids[i]}: {reason.text(core_text)}")
            if len(result.excluded) > 20:
                feedback.pushInfo(f"  … {id_list(cand.fids[i] for i, _r in result.excluded[20:])}")
        placed = result.population - result.unplaced_people  # of those the network reaches: the others are unknown
        feedback.pushInfo(
            self.tr("People served: {0:,.0f} before → {1:,.0f} after, of {2:,.0f} ({3:.1%} → {4:.1%}).").format(
                result.before, result.after, placed, result.before / max(placed, 1e-12), result.after / max(placed, 1e-12)
            )
        )
        if result.unplaced_people > 0:
            feedback.pushWarning(
                self.tr("{0:,.0f} people live off the network: neither served nor unserved, left out of these figures.").format(
                    result.unplaced_people
                )
            )
        objective = {
            "coverage": self.tr("people within reach"),
            "set_cover": self.tr("new sites"),
            "p_median": self.tr("person-metres to the nearest facility"),
            "capacitated": self.tr("people with room in a shelter"),
        }[result.model]
        feedback.pushInfo(
            self.tr("Objective: {0:,.1f} {1}; proven bound {2:,.1f}; gap {3:.4%}; {4:.1f} s.").format(
                result.objective, objective, result.bound, result.gap, result.seconds
            )
        )
        if result.greedy_objective == result.greedy_objective:
            feedback.pushInfo(self.tr("Adding the best site one at a time would reach {0:,.1f}.").format(result.greedy_objective))
        if result.optimal:
            feedback.pushInfo(self.tr("The solution is proven optimal."))
        else:
            feedback.pushWarning(
                self.tr("The time limit stopped the solver: this is the best solution found, within {0:.2%} of the best possible.").format(
                    result.gap
                )
            )

    def _write(self, answer: "_Answer") -> dict:
        """Write the outputs: the chosen sites, the allocation, and those of the optional ones asked for."""
        parameters = answer.parameters
        outputs = {self.OUTPUT: self._write_sites(answer)}
        outputs[self.ALLOCATION] = self._write_allocation(answer)
        if answer.surface is None and parameters.get(self.ALLOCATION_PIECES) is not None:
            self._run[2].pushInfo(self.tr("Allocation of the pieces: not written, the demand is points (each its own piece)."))
        if answer.surface is not None and parameters.get(self.ALLOCATION_PIECES) is not None:
            dest = self._write_pieces(answer.surface, answer.result, answer.demand, answer.facility_of, answer.crs)
            if dest is not None:
                outputs[self.ALLOCATION_PIECES] = dest
        if parameters.get(self.EXCLUDED) is not None and answer.result.excluded:
            dest = self._write_excluded(answer)
            if dest is not None:
                outputs[self.EXCLUDED] = dest
        if parameters.get(self.ZONES) is not None:
            dest = self._write_zones(answer)
            if dest is not None:
                outputs[self.ZONES] = dest
        return outputs

    def _site_fields(self, cand_src):
        """The fields of the chosen sites: ours, then the candidate's own (renamed cand_<name> where they clash)."""
        from ...qgisside.io import make_fields

        ours = [
            ("category", FIELD_STRING, self.tr("Category (profile code)")),
            ("category_zh", FIELD_STRING, self.tr("Category (Chinese)")),
            ("shelter_area_m2", FIELD_DOUBLE, self.tr("Shelter area (m²)")),
            ("capacity_p", FIELD_DOUBLE, self.tr("Capacity (persons)")),
            ("site_rank", FIELD_INT, self.tr("Rank (1 adds most)")),
            ("adds_pop", FIELD_DOUBLE, self.tr("People newly within reach")),
            ("serves_pop", FIELD_DOUBLE, self.tr("People served")),
            ("gain", FIELD_DOUBLE, self.tr("Objective gain")),
            ("model", FIELD_STRING, self.tr("Model")),
            ("distance_m", FIELD_DOUBLE, self.tr("Service distance (m)")),
            ("clauses", FIELD_STRING, self.tr("Plan clauses")),
        ]
        own = [f for f in cand_src.fields()]
        taken = {n for n, _t, _a in ours} | {"fid"}  # the candidate's fid kept as cand_fid: the file's own ids follow the ranks
        for f in own:
            if f.name() in taken:
                f.setName(f"cand_{f.name()}")
        fields = make_fields(ours)
        for f in own:
            fields.append(f)
        return fields

    def _write_sites(self, answer: "_Answer"):
        """OUTPUT: the chosen sites in rank order, each with what it adds and serves and the candidate's own fields."""
        import numpy as np

        from ...core.siting import CLAUSES
        from ...qgisside.io import polygons_only

        result, capacity, area_pp, labels = answer.result, answer.capacity, answer.area_pp, answer.labels
        rows, geoms = [], []
        for rank, (c, adds, serves, gain) in enumerate(zip(result.chosen, result.adds, result.serves, result.gain), start=1):
            persons = float(capacity[c]) if capacity is not None and np.isfinite(capacity[c]) else None
            area = persons * area_pp if persons is not None and area_pp else None
            rows.append(
                [
                    answer.category if answer.category != "custom" else labels[0],
                    labels[1],
                    area,
                    persons,
                    rank,
                    float(adds),
                    float(serves),
                    None if np.isnan(gain) else float(gain),
                    result.model,
                    result.distance,
                    CLAUSES,
                ]
                + list(answer.cand.attributes[c])
            )
            geoms.append(answer.cand.geometries[c])
        polygons, kind = _geometry_kind(answer.cand_src)
        return self.write_output(
            self.OUTPUT,
            self._site_fields(answer.cand_src),
            kind,
            answer.crs,
            rows,
            polygons_only(np.array(geoms, dtype=object)) if polygons else geoms,
            (85, 90),
            "siting",
        )

    def _write_allocation(self, answer: "_Answer"):
        """ALLOCATION: each demand feature with its facility, distance and people served before and after."""
        import numpy as np

        from ...qgisside.io import make_fields, polygons_only

        alloc_specs = self._facility_specs() + [
            ("dist_m", FIELD_DOUBLE, self.tr("Distance (m)")),
            ("pop", FIELD_DOUBLE, self.tr("Population")),
            ("cov_before", FIELD_INT, self.tr("Served before")),
            ("cov_after", FIELD_INT, self.tr("Served after")),
            ("served_bef", FIELD_DOUBLE, self.tr("People served before")),
            ("served_aft", FIELD_DOUBLE, self.tr("People served after")),
        ]
        alloc_specs += [
            ("share_bef", FIELD_DOUBLE, self.tr("Share of its people served before")),
            ("share_aft", FIELD_DOUBLE, self.tr("Share of its people served after")),
        ]
        alloc_fields = QgsProcessingUtils.combineFields(answer.source.fields(), make_fields(alloc_specs))
        per = answer.per_demand()
        alloc_rows = []
        for i, attrs in enumerate(answer.demand.attributes):
            kind_f, fid, rank = answer.facility_of(int(per.facility[i]))
            d = per.facility_distance[i]
            before, after, placed = float(per.served_before[i]), float(per.served_after[i]), float(per.placed_people[i])
            figures = [
                float(per.people[i]),
                int(before > 0 and before >= placed - 1e-6),  # of its people that could be placed
                int(after > 0 and after >= placed - 1e-6),
                before,
                after,
                None if np.isnan(per.share_before[i]) else round(float(per.share_before[i]), 6),
                None if np.isnan(per.share_after[i]) else round(float(per.share_after[i]), 6),
            ]
            if answer.unknown is not None and answer.unknown[i]:  # its people unknown: not assessed
                figures = [None] * len(figures)
            elif per.unplaced[i]:  # no geometry, or off the network: its people known, what serves them not assessed
                figures = figures[:1] + [None] * (len(figures) - 1)
            alloc_rows.append(list(attrs) + [kind_f, fid, rank, None if np.isnan(d) else float(d)] + figures)
        d_polygons, d_kind = _geometry_kind(answer.source)
        d_geoms = polygons_only(answer.demand.geometries) if d_polygons else answer.demand.geometries
        return self.write_output(self.ALLOCATION, alloc_fields, d_kind, answer.crs, alloc_rows, d_geoms, (90, 95), "allocation")

    def _write_excluded(self, answer: "_Answer"):
        """The optional EXCLUDED: the candidates left out, with the reason."""
        import numpy as np

        from ...qgisside.io import make_fields, polygons_only

        cand, excluded = answer.cand, answer.result.excluded
        ex_fields = QgsProcessingUtils.combineFields(answer.cand_src.fields(), make_fields([("reason", FIELD_STRING, self.tr("Reason"))]))
        ex_rows = [list(cand.attributes[i]) + [reason.text(core_text)] for i, reason in excluded]
        ex_geoms = [cand.geometries[i] for i, _r in excluded]
        polygons, kind = _geometry_kind(answer.cand_src)
        return self.write_output(
            self.EXCLUDED,
            ex_fields,
            kind,
            answer.crs,
            ex_rows,
            polygons_only(np.array(ex_geoms, dtype=object)) if polygons else ex_geoms,
            (95, 97),
            optional=True,
        )

    def _write_zones(self, answer: "_Answer"):
        """The optional ZONES: each facility's responsibility zone (责任区) with the people it serves."""
        from ...core.siting import responsibility_zones
        from ...qgisside.io import make_fields, polygons_only

        result, existing = answer.result, answer.existing
        demand = answer.demand.geometries if answer.surface is None else answer.surface.pieces
        keys, zones = responsibility_zones(demand, result.facility, result.distance)
        z_fields = make_fields(
            self._facility_specs()
            + [
                ("zone_pop", FIELD_DOUBLE, self.tr("People served")),
                ("area_km2", FIELD_DOUBLE, self.tr("Area (km²)")),
            ]
        )
        z_rows = []
        for key, zone in zip(keys, zones):
            new = key >= 0
            fid = answer.cand.fids[key] if new else (existing.fids[-2 - key] if existing is not None else None)
            served = float(result.served_after[result.facility == key].sum())
            z_rows.append(
                [
                    "new" if new else "existing",
                    fid,
                    answer.rank_of.get(int(key)) if new else None,
                    served,
                    float(zone.area / 1e6) if zone is not None else 0.0,
                ]
            )
        return self.write_output(
            self.ZONES, z_fields, WKB_MULTIPOLYGON, answer.crs, z_rows, polygons_only(zones), (97, 99), "zones", optional=True
        )


def _geometry_kind(src):
    """(whether ``src`` holds polygons, the geometry type its output is written with: multipolygons for polygons)."""
    polygons = QgsWkbTypes.geometryType(src.wkbType()) == GEOMETRY_POLYGON
    return polygons, WKB_MULTIPOLYGON if polygons else QgsWkbTypes.flatType(src.wkbType())


@dataclass
class _Answer:
    """A run's inputs as read and its result (core.siting.Siting), from which the outputs are written."""

    parameters: dict
    source: Any  # the demand layer
    cand_src: Any
    demand: Any  # the demand as read (qgisside.io.read_source)
    cand: Any
    existing: Any  # None: none given
    result: Any
    category: str
    labels: Tuple[str, str]  # the category's label in English and in Chinese
    area_pp: Optional[float]  # shelter area per person, m² (None: not a shelter)
    capacity: Any  # persons per candidate (None: no field)
    population: Any  # people per demand feature
    crs: Any
    surface: Any = None  # polygon demand's pieces of people (core.population)
    unknown: Any = None  # demand features whose people are unknown
    rank_of: dict = field(init=False)

    def __post_init__(self):
        self.rank_of = {int(c): k for k, c in enumerate(self.result.chosen, start=1)}

    def facility_of(self, f):
        """(fac_kind, fac_fid, fac_rank) of a facility key as core.siting.Siting gives it."""
        if f >= 0:
            return "new", self.cand.fids[f], self.rank_of.get(f)
        if f <= -2 and self.existing is not None:
            return "existing", self.existing.fids[-2 - f], None
        return None, None, None

    def per_demand(self):
        """Per demand feature, what serves it (core.siting.BySource); polygon demand, solved piece by piece, from its
        pieces (core.siting.by_source), point demand as one piece each."""
        import numpy as np

        from ...core.siting import by_source

        if self.surface is not None:
            return by_source(self.result, self.surface.source, self.surface.people, len(self.demand.fids))
        n = len(self.demand.fids)
        per = by_source(self.result, np.arange(n), np.asarray(self.population, dtype=float), n)
        per.facility, per.facility_distance = self.result.facility, self.result.facility_distance  # as solved, each its own
        return per
