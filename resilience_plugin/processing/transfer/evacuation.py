"""resilience:evacuation, emergency transfer (避险转移, 第84条; 第33、83、91条): who moves, to which safe shelter
with room, by which open road. Reads the layers, calls core.evacuation, writes the outputs."""

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ...core.evacuation import SHELTER_CLASSES
from ...qgisside.compat import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SOURCE_ANY,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
)
from ...qgisside.translation import speaks_chinese, translate
from ..base import is_given
from . import TransferAlgorithm

LISTED = 10


class EvacuationAlgorithm(TransferAlgorithm):
    """Emergency transfer: the exact assignment of the people at risk to safe shelters with room (core.evacuation).

    Memory ceiling: 2,000 MB. At Beijing scale (`bench/scale.py`: 7,008 communities, 49,973 facilities, the
    198,399-edge network) a run peaked at 628 MB above its baseline (2026-12-07), about 3 MB per 1,000 network
    edges. A run estimated above the ceiling is warned about before it starts."""

    MEMORY_CEILING_MB = 2000
    MEMORY_MB_PER_1000 = {"NETWORK": 3.0, "POPULATION": 1.0, "SHELTERS": 0.3}

    DISTINCT_INPUTS = (("POPULATION", "SHELTERS"), ("NETWORK", "SHELTERS"))
    LAYER_ROLES = {"NETWORK": "corridors", "POPULATION": "units", "SHELTERS": "facilities"}
    FIELD_ROLES = {
        "POPULATION_FIELD": "population",
        "NAME_FIELD": "name",
        "CATEGORY_FIELD": "category",
        "CAPACITY_FIELD": "shelter_capacity",
    }

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    NAME_FIELD = "NAME_FIELD"
    WHO = "WHO"
    FLOOD_DEPTH = "FLOOD_DEPTH"
    EVACUATE_DEPTH = "EVACUATE_DEPTH"
    GEOHAZARDS = "GEOHAZARDS"
    DAMAGE = "DAMAGE"
    SHELTERS = "SHELTERS"
    SHELTER_NAME_FIELD = "SHELTER_NAME_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY_MAP = "CATEGORY_MAP"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    MAX_DISTANCE = "MAX_DISTANCE"
    NETWORK = "NETWORK"
    GRADE_FIELD = "GRADE_FIELD"
    ROAD_NAME_FIELD = "ROAD_NAME_FIELD"
    MODE = "MODE"
    SECTION_CAPACITY = "SECTION_CAPACITY"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    WHOLE_COMMUNITIES = "WHOLE_COMMUNITIES"
    ASSIGNMENT = "ASSIGNMENT"
    SHELTERS_OUT = "SHELTERS_OUT"
    ROUTES = "ROUTES"
    SHORTFALL = "SHORTFALL"

    def name(self) -> str:
        return "evacuation"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Emergency transfer (避险转移)")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Who must move, to which shelter that is itself safe and has room, by which open road, and how long it takes: "
                "the capacity for emergency transfer that the plan asks to raise first (重点提升应急避险转移能力, 第84条), within a "
                "multi-level evacuation system (第33条) whose long-term shelters carry the main resettlement load (第91条).\n\n"
                "Who moves: the people inside the hazard (flood zones of the chosen classes, water at or above the evacuation "
                "depth on the flood-depth raster, the avoidance zone of active faults, the danger radius of geological-hazard "
                "points, damage you draw), or everyone (earthquake shelter planning). People are counted where they live: a "
                "point's people at its point; a polygon's spread over pieces of population.piece_size (250 m), or as the "
                "population raster says; a piece partly inside the hazard moves with the share of its area inside (depth cells "
                "counted by their exact coverage). With a population raster and no population layer, the people of the "
                "hazard area itself are counted from the raster.\n\n"
                "Shelters: those of the emergency, short-term and long-term categories (by the category field and the "
                "profile's labels; without a category field every feature is an emergency shelter). Capacity in persons, or "
                "shelter area divided by the area per person of the shelter's refuge period (GB 51143-2015); 2.5万平方米 and "
                "1.2万人 are read. A shelter inside a hazard, or of unknown or no capacity, is not used, and Shelters: load says "
                "why (GB 21734 §5.2.1; 第86、88条). Reach: the class's evacuation distance from the profile (500 m, 1 km, "
                "2.5 km), or the maximum distance given.\n\n"
                "Roads: with a network, a road inside a hazard zone, or with water at or above the road-closing depth anywhere "
                "along it, is closed. People inside the hazard leave it along the roads they are on (a transfer happens before "
                "the water rises); no route uses a closed road after it has reached an open one. Walking at the profile's "
                "evacuation speed, or driving at its speed per corridor grade. Without a network, distances are straight lines.\n\n"
                "Method: an exact assignment, solved by HiGHS: first as many people placed as possible, then the least total "
                "travel time (people × minutes), each person only to an open shelter within its reach (by the shortest "
                "network distance; the time along the fastest route). Whole communities: each feature goes to one shelter, as "
                "responsibility areas (责任区) are drawn, a MILP with a time limit whose best solution and proven bound are "
                "logged. People without a place are the shortfall, with the reason: no road within the snapping tolerance, no "
                "safe shelter within reach, cut off by closed roads, or every shelter in reach full.\n\n"
                "Outputs. Assignment, per feature with people at risk: src_fid (its feature id) and name, people, placed, "
                "short, share_placed, shelters (names with people) and n_shelters, mean_dist_m, mean_time_min, max_time_min, "
                "hazards, reason and reason_zh, clauses. Shelters: src_fid, name, class and class_zh, reach_m, capacity_p, "
                "load_p, util, status (used, not used, excluded) with status_zh, reason and clauses, then the shelters' own fields "
                "(shel_ before a name that is taken). Routes: the road sections people "
                "use (src_fid and "
                "road_name of the road, grade), with people, cap_ph (persons an hour, from the grade's width and GB 51143's "
                "1.5 m per 25 persons a minute), clear_min (minutes their people take to pass), use_share (the share of what "
                "the section passes within the clearance target that its people need), bottleneck (1: more than the "
                "profile's clearance target, one hour), leaving (1: a closed road used to leave the hazard) and the measure. "
                "Shortfall: where the people without a place are (src_fid, name, short) and why (reason, reason_zh). The log "
                "gives the people at risk, placed and short, distance and time (mean, 95th percentile, maximum), a static "
                "clearance estimate (the longest trip plus the queue at the worst section, with no congestion dynamics), the "
                "ten bottlenecks and the ten fullest shelters.\n\n"
                "Worked example on the sample city: population communities (field population), flood-depth raster "
                "sample_flood_depth.tif (beside sample_city.gpkg: 25 m cells of a waterlogging model over the centre), shelters "
                "facilities (field category, capacity shelter_area_m2), network walking_network: about 400,000 people in water "
                "0.5 m deep or deeper, a tenth of them placed; the rest have no safe shelter within reach, which is what the "
                "sample's sparse shelters show."
            )
            + "\n\n"
            + self.tr(
                "Routes: clear_min, use_share and bottleneck are NULL (not assessed) where the section's time to clear is "
                "not known (Section throughput off)."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        self._people_parameters()
        self._hazard_parameters(profile)
        self._shelter_parameters()
        self._road_parameters(profile)
        add = self.add_with_help
        add(
            QgsProcessingParameterBoolean(self.WHOLE_COMMUNITIES, self.tr("Whole communities (one shelter each)"), False),
            self.tr("Each feature goes to one shelter, as responsibility areas (责任区) are drawn; a MILP with a time limit."),
        )
        self.add_time_limit_parameter(profile, self.tr("The solver stops after this long with its best solution and the proven bound."))
        self.add_profile_parameter()
        add(
            QgsProcessingParameterFeatureSink(self.ASSIGNMENT, self.tr("Transfer assignment")),
            self.tr("Per feature with people at risk: its shelters, people placed and short, distance and time."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.SHELTERS_OUT, self.tr("Shelters: load"), SOURCE_ANY, optional=True),
            self.tr("Every shelter with its capacity, load and utilisation, or why it is not used."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.ROUTES, self.tr("Transfer routes"), SOURCE_LINE, optional=True),
            self.tr("The road sections people use, with their throughput, time to clear and bottlenecks."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.SHORTFALL, self.tr("Shortfall"), SOURCE_ANY, optional=True),
            self.tr("Where the people without a shelter place are, and why."),
        )

    def _people_parameters(self):
        add = self.add_with_help
        add(
            QgsProcessingParameterFeatureSource(
                self.POPULATION, self.tr("Population (communities or units)"), [SOURCE_POINT, SOURCE_POLYGON], optional=True
            ),
            self.tr("Communities, street units or a population grid as polygons. Empty: the population raster alone."),
        )
        add(
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.POPULATION, optional=True),
            self.tr("People per feature (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population."),
        )
        add(
            QgsProcessingParameterField(self.NAME_FIELD, self.tr("Name field"), "name", self.POPULATION, optional=True),
            self.tr("Optional: the feature's name, for the log and the outputs."),
        )
        self.add_population_surface_parameters()
        add(
            QgsProcessingParameterEnum(
                self.WHO,
                self.tr("Who moves"),
                [self.tr("The people inside the hazard"), self.tr("Everyone (earthquake shelter planning)")],
                defaultValue=0,
            ),
            self.tr(
                "The people inside the hazard (flood transfer), or everyone (earthquake shelters; the hazard then "
                "closes roads and shelters)."
            ),
        )

    def _hazard_parameters(self, profile):
        add = self.add_with_help
        self.add_flood_zone_parameters(
            self.tr("Optional: flood-risk or waterlogging zones (第62、84条)."),
            self.tr("Flood zones that count"),
            self.tr("Which flood classes people leave. A class that cannot be read counts."),
            2,
        )
        add(
            QgsProcessingParameterRasterLayer(self.FLOOD_DEPTH, self.tr("Flood-depth raster (m)"), optional=True),
            self.tr("Optional: water depth in metres (内涝积水深度, 洪水淹没水深); nodata and NaN are dry. Cells are counted by coverage."),
        )
        add(
            QgsProcessingParameterNumber(
                self.EVACUATE_DEPTH,
                self.tr("Evacuation depth (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("evacuation.evacuate_depth"),
                minValue=0.0,
            ),
            self.tr("People in water this deep or deeper move. Source: {0}").format(
                profile.source("evacuation.evacuate_depth", speaks_chinese())
            ),
        )
        self.add_optional_fault_parameters(
            profile,
            self.tr("Optional: active faults; their avoidance zone is a hazard (第86条)."),
            self.tr("Optional: the fault's name, for the log."),
            self.tr("Half-width of the fault's avoidance zone (GB 50011 §4.1.7)."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.GEOHAZARDS, self.tr("Geological hazards"), [SOURCE_POINT, SOURCE_POLYGON], optional=True
            ),
            self.tr("Optional: landslide, collapse and debris-flow points (within the profile's evacuation.geohazard_radius) or zones."),
        )
        add(
            QgsProcessingParameterFeatureSource(self.DAMAGE, self.tr("Damage"), [SOURCE_POLYGON], optional=True),
            self.tr("Optional: damaged areas you draw; people leave them, and shelters and roads in them are not used."),
        )

    def _shelter_parameters(self):
        add = self.add_with_help
        add(
            QgsProcessingParameterFeatureSource(self.SHELTERS, self.tr("Shelters"), [SOURCE_POINT, SOURCE_POLYGON]),
            self.tr("Emergency shelters (应急避难场所), or any facility layer: only its shelters are used."),
        )
        add(
            QgsProcessingParameterField(self.SHELTER_NAME_FIELD, self.tr("Shelter name field"), "name", self.SHELTERS, optional=True),
            self.tr("Optional: the shelter's name."),
        )
        add(
            QgsProcessingParameterField(self.CATEGORY_FIELD, self.tr("Shelter class field"), "", self.SHELTERS, optional=True),
            self.tr(
                "Optional: the category or class (紧急/短期/长期避难场所, emergency=assembly_point …). "
                "Empty: every feature is an emergency shelter."
            ),
        )
        self.add_category_map_parameter()
        add(
            QgsProcessingParameterField(self.CAPACITY_FIELD, self.tr("Capacity field"), "", self.SHELTERS, optional=True),
            self.tr("Capacity: persons (1.2万人) or shelter area (2.5万平方米, 0.8公顷), divided by the area per person of its class."),
        )
        self.add_capacity_unit_parameter()
        add(
            QgsProcessingParameterNumber(
                self.MAX_DISTANCE, self.tr("Maximum distance (m; 0: by class)"), NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0
            ),
            self.tr("0: each class's evacuation distance from the profile (emergency 500 m, short-term 1 km, long-term 2.5 km)."),
        )

    def _road_parameters(self, profile):
        add = self.add_with_help
        add(
            QgsProcessingParameterFeatureSource(self.NETWORK, self.tr("Road network"), [SOURCE_LINE], optional=True),
            self.tr("Optional: the roads, noded where they cross. Empty: straight-line distances (the log says so)."),
        )
        add(
            QgsProcessingParameterField(self.ROAD_NAME_FIELD, self.tr("Road name field"), "name", self.NETWORK, optional=True),
            self.tr("Optional: the road's name, for the routes and bottlenecks."),
        )
        add(
            QgsProcessingParameterField(self.GRADE_FIELD, self.tr("Corridor grade field"), "grade", self.NETWORK, optional=True),
            self.tr("Optional: the corridor grade (1, 2, 3 or 一级/二级/三级): driving speed and section capacity."),
        )
        add(
            QgsProcessingParameterEnum(self.MODE, self.tr("Travel mode"), [self.tr("Walk"), self.tr("Drive")], defaultValue=0),
            self.tr("Walk at the profile's evacuation speed, or drive at its speed per corridor grade."),
        )
        add(
            QgsProcessingParameterBoolean(self.SECTION_CAPACITY, self.tr("Section throughput by grade"), True),
            self.tr("Persons an hour each section passes, from its grade's width (第33条): the time to clear and bottlenecks."),
        )
        add(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                self.tr("Snapping tolerance (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("life_circle.snap_tolerance"),
                minValue=0.0,
            ),
            self.tr("Farthest a piece of people or a shelter may lie from the network and still join it."),
        )

    def demo_parameters(self, sample_gpkg: str) -> dict:
        from ...core.paths import sample_flood_depth_path

        return {
            self.POPULATION: f"{sample_gpkg}|layername=communities",
            self.POPULATION_FIELD: "population",
            self.NAME_FIELD: "name",
            self.FLOOD_DEPTH: str(sample_flood_depth_path()),
            self.SHELTERS: f"{sample_gpkg}|layername=facilities",
            self.CATEGORY_FIELD: "category",
            self.CAPACITY_FIELD: "shelter_area_m2",
            self.NETWORK: f"{sample_gpkg}|layername=walking_network",
        }

    # ------------------------------------------------------------------------------------------------------- run
    def process(self, parameters, context, feedback):
        from ...core.evacuation import Hazard, evacuation
        from ...core.messages import CoreError
        from ...qgisside.io import working_crs
        from ...qgisside.translation import core_message

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        shelter_src, shelter_name = self.source_or_raise(
            parameters, self.SHELTERS, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Shelters")
        )
        pop_src = self.optional_source(parameters, self.POPULATION, context)
        crs = working_crs(
            pop_src or shelter_src, self.layer_name(parameters, self.POPULATION, context, pop_src) if pop_src else shelter_name, feedback
        )
        who = ("hazard", "everyone")[self.parameterAsEnum(parameters, self.WHO, context)]
        zones, labels = self._zones(parameters, context, feedback, crs, profile)
        depth = self._depth(parameters, context, crs)
        mode = ("walk", "drive")[self.parameterAsEnum(parameters, self.MODE, context)]
        hazard = Hazard(
            zones,
            labels,
            depth,
            self.parameterAsDouble(parameters, self.EVACUATE_DEPTH, context),
            float(profile.value("evacuation.road_closed_depth")[mode]),
            self.tr("water {0:g} m deep or deeper").format(self.parameterAsDouble(parameters, self.EVACUATE_DEPTH, context)),
            float(profile.value("evacuation.depth_max_plausible")),
        )
        if who == "hazard" and not hazard.given:
            raise QgsProcessingException(
                self.tr(
                    "Give a hazard (flood zones, a flood-depth raster, active faults, geological hazards or damage), "
                    "or choose Everyone under Who moves."
                )
            )
        surface, sources, pop_name = self._people(parameters, context, feedback, crs, profile, pop_src, hazard)
        shelters, shelter_read, classes = self._shelters(parameters, context, feedback, crs, profile, shelter_src, shelter_name)
        roads = self._roads(parameters, context, feedback, crs, profile, mode)
        feedback.setProgress(20)
        try:
            result = evacuation(
                surface,
                shelters,
                hazard,
                who=who,
                network=roads["lines"] if roads else None,
                line_speed=roads["speed"] if roads else None,
                walk_speed=float(profile.value("evacuation.walk_speed")),
                line_capacity=roads["capacity"] if roads else None,
                clear_target=float(profile.value("evacuation.clear_time_target")),
                whole=self.parameterAsBool(parameters, self.WHOLE_COMMUNITIES, context),
                time_limit=self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
                tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
                last_mile=float(profile.value("population.last_mile_max")),
                names={"shelters": shelter_name, "network": roads["name"] if roads else "", "people": pop_name},
                progress=lambda f: feedback.setProgress(20 + 65 * f),
                canceled=feedback.isCanceled,
            )
        except CoreError as exc:
            raise QgsProcessingException(core_message(exc)) from None
        self.push_notes(feedback, result.notes)
        from .outputs import log_transfer, write_transfer

        log_transfer(self, feedback, result, sources, shelter_read, roads, profile)
        return write_transfer(self, parameters, result, sources, pop_name, pop_src, shelter_src, shelter_read, classes, roads, crs, profile)

    # ------------------------------------------------------------------------------------------------- inputs
    def _zones(self, parameters, context, feedback, crs, profile):
        """The hazard zones (polygons of ``crs``) and their labels: flood zones of the chosen classes, fault
        avoidance zones, geological-hazard danger zones and damage."""
        from ...core.faults import avoidance_zones
        from ...core.labels import class_rank
        from ...qgisside.io import read_source, text

        zones, labels = [], []
        got = self.read_flood_zones(parameters, context, feedback, crs)
        if got is not None:
            read, fl_name, field, lowest = got
            unread = []
            for fid, g, a in zip(read.fids, read.geometries, read.attributes):
                rank = class_rank(a[0]) if field else None
                if field and rank is None:
                    unread.append(text(a[0]))
                if rank is None or int(rank) <= lowest:  # a class that cannot be read counts, on the safe side
                    zones.append(g)
                    labels.append(self.tr("flood zone {0} (class {1})").format(fid, text(a[0]) if field else "—"))
            if unread:
                feedback.pushWarning(
                    self.tr(
                        "{0}, field '{1}': {2} zone(s) have a class that cannot be read ({3}): they count as class 1 (high), "
                        "on the safe side. Classes are read as 1/2/3, 高/中/低, 一级/二级/三级 or Ⅰ/Ⅱ/Ⅲ."
                    ).format(fl_name, field, len(unread), ", ".join(sorted({str(u) for u in unread}, key=str)[:8]))
                )
        got = self.read_optional_faults(parameters, context, feedback, crs, profile)
        if got is not None:
            read, _name, names, ages = got
            distance = self.parameterAsDouble(parameters, self.AVOIDANCE_DISTANCE, context)
            lines = [g for g in read.geometries if g is not None]
            keep = [k for k, g in enumerate(read.geometries) if g is not None]
            for k, z in zip(keep, avoidance_zones(lines, np.full(len(lines), distance))):
                zones.append(z)
                age = ages[k] if ages else None
                labels.append(self.tr("fault {0}").format((names[k] or f"#{read.fids[k]}") + (f" ({age})" if age else "")))
        for key, label in ((self.GEOHAZARDS, self.tr("geological hazard {0}")), (self.DAMAGE, self.tr("damage {0}"))):
            src = self.optional_source(parameters, key, context)
            if src is None:
                continue
            name = self.layer_name(parameters, key, context, src)
            read = read_source(src, name, crs, context, feedback, fields=[], keep_null=False)
            read.report(feedback)
            radius = float(profile.value("evacuation.geohazard_radius"))
            for fid, g in zip(read.fids, read.geometries):
                zones.append(g.buffer(radius) if g.geom_type in ("Point", "MultiPoint") else g)
                labels.append(label.format(fid))
        return zones, labels

    def _depth(self, parameters, context, crs):
        from ...qgisside import rasters

        if not is_given(parameters.get(self.FLOOD_DEPTH)):
            return None
        layer, name = rasters.raster_layer_or_raise(self, parameters, self.FLOOD_DEPTH, context)
        return rasters.population_raster(layer, 1, 0, crs, name)

    def _people(self, parameters, context, feedback, crs, profile, pop_src, hazard):
        """(core.population.Surface, per source feature (fid, name, geometry), layer name)."""
        import shapely

        from ...core.population import from_points, from_polygons
        from ...qgisside.io import numbers, read_source, text

        raster, residential = self.read_population_surface(parameters, context, feedback, crs, "")
        piece = float(profile.value("population.piece_size"))
        mismatch = float(profile.value("population.raster_mismatch_share"))
        if pop_src is None:
            if raster is None:
                raise QgsProcessingException(self.tr("Give the population: a layer with a population field, or a population raster."))
            if not len(hazard.zones):
                raise QgsProcessingException(
                    self.tr("A population raster alone counts the people of the hazard zones: give hazard zones, or a population layer.")
                )
            parts = shapely.get_parts(shapely.union_all(np.asarray(hazard.zones, dtype=object)))
            surface = from_polygons(parts, None, piece, None, raster, mismatch, canceled=feedback.isCanceled)
            sources = [(k + 1, self.tr("hazard area {0}").format(k + 1), g) for k, g in enumerate(parts)]
            self._said_surface(feedback, surface, piece)
            return surface, sources, self.tr("hazard area")
        name = self.layer_name(parameters, self.POPULATION, context, pop_src)
        pop_f = self.optional_field(parameters, self.POPULATION_FIELD, context, pop_src, self.tr("Population field"), name, feedback)
        polygons = QgsWkbTypes.geometryType(pop_src.wkbType()) == GEOMETRY_POLYGON
        if not pop_f and not (polygons and raster is not None):
            raise QgsProcessingException(
                self.tr("Choose the field of layer '{0}' that holds the population, or give a population raster for polygons.").format(name)
            )
        name_f = self.optional_field(parameters, self.NAME_FIELD, context, pop_src, self.tr("Name field"), name, feedback)
        read = read_source(pop_src, name, crs, context, feedback, fields=[pop_f or "", name_f or ""], progress_span=(0, 8))
        read.report(feedback)
        counts = None
        if pop_f:
            counts = numbers(read.column(0), pop_f, name, feedback, fids=read.fids, empty_ok=False, unknown_is_zero=False)
        sources = [(fid, (text(a[1]) if name_f else None) or str(fid), g) for fid, a, g in zip(read.fids, read.attributes, read.geometries)]
        if polygons:
            surface = from_polygons(
                read.geometries, counts, piece, residential, raster, mismatch, names=read.fids, canceled=feedback.isCanceled
            )
            self._said_surface(feedback, surface, piece)
        else:
            surface = from_points(read.geometries, counts)
        self.push_notes(feedback, surface.notes)
        return surface, sources, name

    def _said_surface(self, feedback, surface, piece):
        feedback.pushInfo(
            self.tr("People counted where they live: {0}; {1:,} pieces of {2:g} m.").format(
                surface.method.text(lambda t: translate("Core", t)), len(surface.people), piece
            )
        )

    def _shelters(self, parameters, context, feedback, crs, profile, src, name):
        """(core.evacuation.Shelters of the shelter features, the read layer, their class codes)."""
        from ...core.evacuation import Shelters
        from ...core.fields import guess_field
        from ...qgisside.io import read_source, text

        category_given = is_given(parameters.get(self.CATEGORY_FIELD)) or guess_field("category", src.fields().names())
        if category_given:
            got = self.read_facilities(
                parameters,
                context,
                feedback,
                crs,
                profile,
                self.SHELTERS,
                self.CATEGORY_FIELD,
                (self.CAPACITY_FIELD, self.SHELTER_NAME_FIELD),
                every_field=True,  # the shelters' own fields go to Shelters: load, read once with the rest
            )
            read, _name, vocab, column, extras, _found = got
            codes = [vocab.codes[c] for c in column]
            cap_col, name_col = 1, 2
        else:
            cap_f = self.optional_field(parameters, self.CAPACITY_FIELD, context, src, self.tr("Capacity field"), name, feedback)
            name_f = self.optional_field(parameters, self.SHELTER_NAME_FIELD, context, src, self.tr("Shelter name field"), name, feedback)
            fields = [cap_f or "", name_f or ""]
            fields += [f for f in src.fields().names() if f not in fields]
            read = read_source(src, name, crs, context, feedback, fields=fields, keep_null=False)
            read.read_fields = fields
            read.report(feedback)
            extras = [cap_f, name_f]
            codes = ["emergency_shelter"] * len(read.fids)
            cap_col, name_col = 0, 1
            feedback.pushInfo(self.tr("{0}: no shelter class field; every feature is an emergency shelter.").format(name))
        keep = [k for k, c in enumerate(codes) if c in SHELTER_CLASSES]
        if not keep:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{0}' holds no emergency, short-term or long-term shelter (by its class field and the profile's labels)."
                ).format(name)
            )
        if len(keep) < len(codes):
            feedback.pushInfo(
                self.tr("{0}: {1} of {2} features are shelters; the others are not used.").format(name, len(keep), len(codes))
            )
        cap_field = extras[0]
        if not cap_field:
            raise QgsProcessingException(
                self.tr("Choose the capacity field of layer '{0}' (persons, or shelter area). Its fields are: {1}.").format(
                    name, ", ".join(src.fields().names())
                )
            )
        capacity = self._capacities(
            parameters, context, feedback, read, keep, codes, cap_col, cap_field, name, profile, src.fields().names()
        )
        override = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        reach = np.array([override if override > 0 else float(profile.value(SHELTER_CLASSES[codes[k]][0])) for k in keep])
        names = [(text(read.attributes[k][name_col]) if extras[1] else None) or str(read.fids[k]) for k in keep]
        shelters = Shelters(read.geometries[keep], capacity, reach, names)
        return shelters, (read, keep), [codes[k] for k in keep]

    def _capacities(self, parameters, context, feedback, read, keep, codes, col, field, name, profile, read_fields=()):
        from ...core.messages import CoreError
        from ...core.siting import capacities
        from ...qgisside.io import id_list
        from ...qgisside.translation import core_message

        unit = self.capacity_unit(parameters, context)
        per_period = profile.value("shelter.area_per_person_by_period")
        out = np.full(len(keep), np.nan)
        unreadable = []
        for code, (_reach, period) in SHELTER_CLASSES.items():
            mine = [i for i, k in enumerate(keep) if codes[k] == code]
            if not mine:
                continue
            try:
                persons, bad, as_area = capacities([read.attributes[keep[i]][col] for i in mine], field, unit, float(per_period[period]))
            except CoreError as exc:
                raise QgsProcessingException(f"{name}: {core_message(exc)}") from None
            out[mine] = persons
            unreadable += [read.fids[keep[mine[b]]] for b in bad]
            if as_area:
                feedback.pushInfo(
                    self.tr("{0}: {1} {2} capacity value(s) read as shelter area, {3:g} m² per person (GB 51143).").format(
                        name, len(as_area), profile.category_label(code, chinese=speaks_chinese()), float(per_period[period])
                    )
                )
        unknown = [read.fids[k] for i, k in enumerate(keep) if not np.isfinite(out[i])]
        if unreadable:
            feedback.pushWarning(
                self.tr("{0}, field '{1}': {2} capacity value(s) cannot be read (feature ids {3}).").format(
                    name, field, len(unreadable), id_list(unreadable)
                )
            )
        if unknown:
            feedback.pushWarning(
                self.tr("{0}: {1} shelter(s) of unknown capacity are not used (feature ids {2}).").format(
                    name, len(unknown), id_list(unknown)
                )
            )
        if not np.isfinite(out).any():  # every value unreadable: say so, not "no capacity above 0"
            raise QgsProcessingException(
                self.tr(
                    "{0}, field '{1}': no shelter capacity can be read (feature ids {2}); nothing can be placed. Write "
                    "persons (1200, 1.2万人) or shelter area (2.5万平方米, 3 公顷), or choose the capacity field."
                ).format(name, field, id_list(unknown))
            )
        if not np.nansum(out) > 0:
            raise QgsProcessingException(
                self.tr("{0}, field '{1}': no shelter has a capacity above 0; nothing can be placed.").format(name, field)
            )
        return out

    def _roads(self, parameters, context, feedback, crs, profile, mode):
        """None without a network; else the lines, each line's speed (m/min, None when walking), throughput (persons
        an hour, None when not asked for), (fid, road name, grade) and the layer's name."""
        from ...core.labels import class_rank
        from ...qgisside.io import read_source, text

        src = self.optional_source(parameters, self.NETWORK, context)
        if src is None:
            feedback.pushWarning(self.tr("No road network: distances are straight lines, and no road is closed."))
            return None
        name = self.layer_name(parameters, self.NETWORK, context, src)
        if QgsWkbTypes.geometryType(src.wkbType()) != GEOMETRY_LINE:
            raise QgsProcessingException(self.tr("Road network: layer '{0}' must hold lines.").format(name))
        road_f = self.optional_field(parameters, self.ROAD_NAME_FIELD, context, src, self.tr("Road name field"), name, feedback)
        grade_f = self.optional_field(parameters, self.GRADE_FIELD, context, src, self.tr("Corridor grade field"), name, feedback)
        read = read_source(src, name, crs, context, feedback, fields=[road_f or "", grade_f or ""], keep_null=False, progress_span=(8, 15))
        read.report(feedback)
        grades = [class_rank(a[1]) if grade_f else None for a in read.attributes]
        speed = None
        if mode == "drive":
            table = profile.value("evacuation.drive_speed")
            speed = np.array([float(table.get(g or "unknown", table.get("unknown", 20))) * 1000 / 60 for g in grades])
        capacity = None
        if self.parameterAsBool(parameters, self.SECTION_CAPACITY, context):
            widths = {k: float(v["min_width"]) for k, v in profile.value("corridors.grades").items()}
            per_m = float(profile.value("evacuation.capacity_per_metre"))
            fallback = widths.get("3", min(widths.values()) if widths else 4.0)  # an ungraded road passes as grade 3
            capacity = np.array([widths.get(g, fallback) * per_m for g in grades])
        ungraded = sum(1 for g in grades if g is None)
        if ungraded and (capacity is not None or speed is not None):
            grade3 = {k: float(v["min_width"]) for k, v in profile.value("corridors.grades").items()}.get("3", 4.0)
            feedback.pushInfo(
                self.tr(
                    "{0}: {1} of {2} roads have no readable corridor grade; they count as grade 3: {3:g} m wide, "
                    "{4:,.0f} persons an hour (evacuation.capacity_per_metre × corridors.grades), and when driving "
                    "{5:g} km/h (evacuation.drive_speed). Give the grade field, or turn Section throughput off, where "
                    "that does not hold."
                ).format(
                    name,
                    ungraded,
                    len(grades),
                    grade3,
                    grade3 * float(profile.value("evacuation.capacity_per_metre")),
                    float(profile.value("evacuation.drive_speed").get("unknown", 20)),
                )
            )
        info = [(fid, text(a[0]) if road_f else None, g) for fid, a, g in zip(read.fids, read.attributes, grades)]
        return {"lines": read.geometries, "speed": speed, "capacity": capacity, "roads": info, "name": name}
