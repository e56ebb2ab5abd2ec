"""resilience:corridorfailure, who loses access when fault crossings and flooded sections fail (第44、48、62、65条)."""

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_LINESTRING,
    WKB_MULTILINESTRING,
    WKB_MULTIPOLYGON,
)
from ...qgisside.translation import core_text, speaks_chinese, translate
from ..base import ResilienceAlgorithm, is_given

FAULT_MODES = ("all", "each", "one")
UNITS_LISTED = 10  # units named per critical section; the count says how many in all


class CorridorFailureAlgorithm(ResilienceAlgorithm):
    """Corridor-failure scenarios and the single-failure ranking of every section (core.corridorfailure).

    Memory ceiling: 2,000 MB. At Beijing scale (`make bench-failure`: 343 units, the 198,399-edge walking network,
    50,000 facilities, 500 faults) the bench process peaked at 774 MB with the ranking of every section; since units
    are spread over 250 m pieces (issue 28), `bench/scale.py` measured a peak of 1,214 MB above its baseline for the
    scenario with the ranking (2026-12-07), hence 6 MB per 1,000 network edges. A run estimated above the ceiling is
    warned about before it starts."""

    GROUP_ID = "corridors"
    DISTINCT_INPUTS = (("NETWORK", "UNITS"), ("NETWORK", "FACILITIES"), ("UNITS", "FACILITIES"), ("NETWORK", "FAULTS"))
    LAYER_ROLES = {"NETWORK": "corridors", "UNITS": "units", "FACILITIES": "facilities"}
    FIELD_ROLES = {"NAME_FIELD": "name", "UNIT_NAME_FIELD": "name", "CLUSTER_FIELD": "cluster"}
    MEMORY_CEILING_MB = 2000
    MEMORY_MB_PER_1000 = {"NETWORK": 6.0, "UNITS": 1.0, "FACILITIES": 0.3}

    NETWORK = "NETWORK"
    NAME_FIELD = "NAME_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    STREETS = "STREETS"
    UNITS = "UNITS"
    POPULATION_FIELD = "POPULATION_FIELD"
    UNIT_NAME_FIELD = "UNIT_NAME_FIELD"
    CLUSTER_FIELD = "CLUSTER_FIELD"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY_MAP = "CATEGORY_MAP"
    CATEGORIES = "CATEGORIES"
    FAULTS = "FAULTS"
    FAULT_NAME_FIELD = "FAULT_NAME_FIELD"
    AVOIDANCE_DISTANCE = "AVOIDANCE_DISTANCE"
    FAULT_MODE = "FAULT_MODE"
    FAULT = "FAULT"
    DAMAGE = "DAMAGE"
    DAMAGE_WIDTH = "DAMAGE_WIDTH"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    RANK = "RANK"
    UNITS_OUT = "UNITS_OUT"
    CRITICAL = "CRITICAL"
    FAILED = "FAILED"
    CLUSTER_LINKS = "CLUSTER_LINKS"

    def name(self) -> str:
        return "corridorfailure"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Corridor failure scenarios (通道失效情景)")

    def group(self) -> str:
        return translate("Resilience", "Corridors and faults")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "What a fault or a flood does to access: when the road sections in a fault's avoidance zone, in flood zones "
                "of the chosen classes or in a drawn damage area fail, which units lose their way to a hospital, a long-term "
                "shelter, a reserve depot, a fire station or the command centre, how many people that is, and which "
                "sections matter most. The plan asks for clusters that help each other along lifeline corridors (互助支撑, "
                "第48条), traffic between clusters and units kept open in emergencies (第65条), flexible seismic measures "
                "where corridors cross faults (第44条) and waterlogging-prone sections fixed first (第62条).\n\n"
                "The network is the road lines given (the corridors with their grade, and optionally the ordinary streets), "
                "noded where they cross. People are counted where they live: a point unit's people at its point; a polygon "
                "unit's spread over pieces of population.piece_size (250 m) by area, over residential land, or as the "
                "population raster says. Each piece and each facility joins the network at its nearest point within the "
                "snapping tolerance, as the life circles do; a piece with no road that near joins at the nearest road "
                "inside it, and the people of pieces left off the network are named in the log, not counted as cut off. "
                "A unit loses access only for the pieces that lose it. Distances are along the network. OpenStreetMap roads "
                "whose bridge, tunnel or layer field says so join the roads they cross only at their ends.\n\n"
                "The scenario, any combination: active faults (every section within the avoidance distance fails; all "
                "faults at once, each fault in turn as its own scenario, or one fault by name or number; or select the "
                "fault on the map and tick Selected features only), flood zones of the "
                "chosen class and above (a class that cannot be read fails, on the safe side), and damage you draw (lines, "
                "points or polygons; lines and points block the roads within the damage width).\n\n"
                "Criticality (single failure, every section of the whole network, independent of the scenario). A section is "
                "a whole road between junctions (or a facility's joining point): the pieces a failure zone cuts out of it "
                "are merged back, and it fails as a whole, so that the people who join it between its ends are cut off with "
                "it. Each person's route counts once per section. pop_cut, "
                "the people who lose access to at least one essential category if that one section fails (from the "
                "network's bridges, not one search per section); pop_route, the people whose shortest route to an essential "
                "facility runs along it; bypass_m, the shortest way around it. Sections are ranked by pop_cut, then "
                "pop_route, then the detour; sections that cut nobody off and carry no route are not listed.\n\n"
                "Outputs. Units: per unit and scenario (its unit's own fields, then scenario, on_network: 1 where it "
                "joins the network, and people: its people as counted, NULL where not assessed), for each essential "
                "category c (its profile code) d0_<c> and d1_<c>, the network "
                "distance to the nearest facility before and after (people-weighted over its pieces; NULL: none can be "
                "reached), ratio_<c> (the detour of the people who still reach one), lost_<c> (1: all its people reached one "
                "before and none after), pop_cut_<c> and share_cut_<c> (its people who lose it, and their share); access "
                "(kept, longer, part lost, lost, off network, not assessed: no population data), n_lost, lost_cats and "
                "lost_zh (the categories some of its "
                "people lose, codes and Chinese), pop_cut (its people who lose at least one), cause (the faults, flood zones "
                "or damage that cut them off: those whose failure alone does, else those that do it together), with a "
                "cluster field cl_lost (the clusters it reached before and no longer reaches) and cl_ok, and clauses. With "
                "each fault in turn, only the units a scenario changes are written. Critical sections: rank, the road "
                "(src_layer, src_fid, road_name, grade), length_m, bridge (1: the only way through), pop_cut, cut_cats and "
                "cut_zh, n_units_cut, units_cut (names), pop_route, bypass_m, detour_m (bypass_m − length_m), in_zones (the "
                "failure zones it lies in), measure (what the plan names: flexible seismic design at fault crossings, "
                "第44条; drainage at waterlogging-prone sections, 第62条; more network connectivity, 第62、65条) and "
                "clauses. Failed sections: scenario, the road (src_layer, src_fid, road_name, grade), cause (fault, flood, "
                "damage), cause_name (the fault's name with its latest activity, such as (Q4), where the layer gives it; "
                "the flood class; the damage feature), length_m, measure and "
                "clauses. Cluster links (optional): lines between neighbouring clusters' centres (cluster_a, cluster_b; "
                "from their most populous units) with the shortest route before and after (len0_m, len1_m) and link "
                "(kept, longer, lost, none).\n\n"
                "Worked example on the sample city: network walking_network, units the clusters output (street units with "
                "cluster_id), facilities with field category, faults with field name: the log lists the people cut off per "
                "category and the ten most critical sections."
            )
            + "\n\n"
            + self.tr(
                "A unit wholly off the network (access: off network) is not assessed: its lost_<c>, pop_cut_<c>, "
                "share_cut_<c>, n_lost and pop_cut are NULL."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        add = self.add_with_help
        add(
            QgsProcessingParameterFeatureSource(self.NETWORK, self.tr("Road network (corridors)"), [SOURCE_LINE]),
            self.tr("Emergency corridors and, if you like, the ordinary streets in one layer; noded where lines cross."),
        )
        add(
            QgsProcessingParameterField(self.NAME_FIELD, self.tr("Road name field"), "name", self.NETWORK, optional=True),
            self.tr("Optional: the road's name, for the critical sections."),
        )
        add(
            QgsProcessingParameterField(self.GRADE_FIELD, self.tr("Corridor grade field"), "grade", self.NETWORK, optional=True),
            self.tr("Optional: the corridor grade (1, 2, 3 or 一级/二级/三级), for the critical sections."),
        )
        add(
            QgsProcessingParameterFeatureSource(self.STREETS, self.tr("Ordinary streets"), [SOURCE_LINE], optional=True),
            self.tr("Optional: more road lines joined to the network (a separate street layer)."),
        )
        add(
            QgsProcessingParameterFeatureSource(self.UNITS, self.tr("Units or communities"), [SOURCE_POINT, SOURCE_POLYGON]),
            self.tr("Street/town units (韧性街镇单元) or communities, as polygons or points."),
        )
        add(
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), "population", self.UNITS, optional=True),
            self.tr(
                "People per unit (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population. "
                "Polygon units' people are spread over their area in pieces (or over residential land, or as the "
                "population raster says), each joined to the network at its own place."
            ),
        )
        self.add_population_surface_parameters()
        add(
            QgsProcessingParameterField(self.UNIT_NAME_FIELD, self.tr("Unit name field"), "name", self.UNITS, optional=True),
            self.tr("Optional: the unit's name, for the units each critical section cuts off."),
        )
        add(
            QgsProcessingParameterField(self.CLUSTER_FIELD, self.tr("Cluster field"), "", self.UNITS, optional=True),
            self.tr("Optional: the unit's cluster (韧性城市组团, cluster_id of the clusters tool): mutual aid between clusters (第48条)."),
        )
        add(
            QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"), [SOURCE_POINT, SOURCE_POLYGON]),
            self.tr("The essential destinations among any facilities: Amap, Baidu, OSM or government lists."),
        )
        add(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD, self.tr("Facility category field"), "category", self.FACILITIES, optional=True
            ),
            self.tr("The facility's category or label, read by the profile's rules (医院, 应急避难场所, amenity=hospital …)."),
        )
        self.add_category_map_parameter()
        codes = list(profile.value("facility_categories"))
        essential = profile.value("corridor_failure.essential_categories")
        add(
            QgsProcessingParameterEnum(
                self.CATEGORIES,
                self.tr("Essential categories"),
                [f"{profile.category_label(c)} ({profile.category_label(c, chinese=True)})" for c in codes],
                allowMultiple=True,
                defaultValue=[codes.index(c) for c in essential if c in codes],
            ),
            self.tr(
                "The destinations whose loss counts. Default: the profile's (hospital, long-term shelter, reserve depot, "
                "fire station, command centre; 第48条)."
            ),
        )
        self.add_optional_fault_parameters(
            profile,
            self.tr("Optional: every section within the avoidance distance of a fault fails (第44、86条)."),
            self.tr("Optional: the fault's name, for the scenario and the failed sections."),
            self.tr("Half-width of the zone in which sections fail (GB 50011 §4.1.7)."),
        )
        add(
            QgsProcessingParameterEnum(
                self.FAULT_MODE,
                self.tr("Faults in the scenario"),
                [self.tr("All faults at once"), self.tr("Each fault in turn (one scenario each)"), self.tr("One fault (named below)")],
                defaultValue=0,
            ),
            self.tr("All at once, one scenario per fault, or only the fault named in Fault."),
        )
        add(
            QgsProcessingParameterString(self.FAULT, self.tr("Fault (name or feature number)"), "", optional=True),
            self.tr(
                "A fault's name (its name field) or feature number: the scenario is that fault alone. Or select the fault "
                "on the map and tick Selected features only under Active faults."
            ),
        )
        self.add_flood_zone_parameters(
            self.tr("Optional: waterlogging or flood-risk zones; sections in zones of the chosen class and above fail (第62条)."),
            self.tr("Flood zones that fail"),
            self.tr("Which flood classes fail. A class that cannot be read fails."),
            1,
        )
        add(
            QgsProcessingParameterFeatureSource(self.DAMAGE, self.tr("Damage"), [SOURCE_POINT, SOURCE_LINE, SOURCE_POLYGON], optional=True),
            self.tr("Optional: any damage you draw (a collapsed bridge, a landslide): sections in it fail."),
        )
        add(
            QgsProcessingParameterNumber(
                self.DAMAGE_WIDTH,
                self.tr("Damage width (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("corridor_failure.damage_width"),
                minValue=0.0,
            ),
            self.tr("Damage lines and points block the roads within this many metres on either side."),
        )
        add(
            QgsProcessingParameterNumber(
                self.SNAP_TOLERANCE,
                self.tr("Snapping tolerance (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("life_circle.snap_tolerance"),
                minValue=0.0,
            ),
            self.tr("Farthest a unit or facility may lie from the network and still join it."),
        )
        add(
            QgsProcessingParameterBoolean(self.RANK, self.tr("Rank every section (critical sections)"), True),
            self.tr("The single-failure ranking of the whole network. Off: the scenario only."),
        )
        self.add_profile_parameter()
        add(
            QgsProcessingParameterFeatureSink(self.UNITS_OUT, self.tr("Units: access before and after")),
            self.tr("Per unit: distances to each essential category before and after, what it loses, the people cut off."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.CRITICAL, self.tr("Critical sections"), SOURCE_LINE, optional=True),
            self.tr("The sections ranked by criticality, 1 the most critical, with the measure the plan names."),
        )
        add(
            QgsProcessingParameterFeatureSink(self.FAILED, self.tr("Failed sections"), SOURCE_LINE, optional=True),
            self.tr("The road pieces that fail in the scenario, with their cause."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.CLUSTER_LINKS, self.tr("Cluster links"), SOURCE_LINE, optional=True, createByDefault=False
            ),
            self.tr("Optional: the mutual-aid links between neighbouring clusters (第48条) before and after."),
        )

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.NETWORK: f"{sample_gpkg}|layername=walking_network",
            self.UNITS: "demo:clusters:OUTPUT",
            self.POPULATION_FIELD: "population",
            self.UNIT_NAME_FIELD: "name",
            self.CLUSTER_FIELD: "cluster_id",
            self.FACILITIES: f"{sample_gpkg}|layername=facilities",
            self.CATEGORY_FIELD: "category",
            self.FAULTS: f"{sample_gpkg}|layername=faults",
            self.FAULT_NAME_FIELD: "name",
            self.FLOOD_ZONES: f"{sample_gpkg}|layername=flood_zones",
            self.FLOOD_CLASS_FIELD: "risk_class",
            self.FLOOD_MIN_CLASS: 0,
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core.corridorfailure import corridor_failure
        from ...core.messages import CoreError
        from ...qgisside.io import working_crs
        from ...qgisside.translation import core_message

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        unit_src, unit_name = self.source_or_raise(
            parameters, self.UNITS, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Units or communities")
        )
        crs = working_crs(unit_src, unit_name, feedback)
        codes = list(profile.value("facility_categories"))
        chosen = self.parameterAsEnums(parameters, self.CATEGORIES, context)
        categories = [codes[i] for i in chosen if 0 <= i < len(codes)] or list(profile.value("corridor_failure.essential_categories"))

        net, net_name, streets, elevated, roads = self._read_network(parameters, context, feedback, crs)
        units, population, unit_names, clusters = self._read_units(parameters, context, feedback, crs, unit_src, unit_name)
        raster, residential = self.read_population_surface(parameters, context, feedback, crs, unit_name)

        # facilities
        got = self.read_facilities(parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD, (), (16, 22))
        fac, fac_name, vocab, column, _extras, _found = got
        facility_codes = [vocab.codes[c] for c in column]

        # the scenario
        scenario = self._scenario_inputs(parameters, context, feedback, crs, profile)
        feedback.setProgress(25)
        try:
            result = corridor_failure(
                net.geometries,
                units.geometries,
                population,
                fac.geometries,
                facility_codes,
                profile,
                categories=categories,
                streets=streets,
                elevated=elevated if any(elevated) else None,
                unit_names=unit_names,
                clusters=clusters,
                snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
                rank=self.parameterAsBool(parameters, self.RANK, context) and parameters.get(self.CRITICAL) is not None,
                names={"network": net_name, "units": unit_name, "facilities": fac_name, **scenario.pop("names")},
                progress=lambda f: feedback.setProgress(25 + 60 * f),
                canceled=feedback.isCanceled,
                raster=raster,
                residential=residential,
                facility_names=fac.fids,
                **scenario,
            )
        except CoreError as exc:
            raise QgsProcessingException(core_message(exc)) from None
        self.push_notes(feedback, result.notes)
        self._log(feedback, result, profile, roads, unit_names)
        return self._write(parameters, unit_src, units, result, profile, roads, unit_names, population, crs)

    def _read_network(self, parameters, context, feedback, crs):
        """The corridors (and the ordinary streets): their geometries, which are bridges or tunnels, and each section's
        (feature id, road name, grade, layer name) for the outputs."""
        from ...qgisside.io import read_source, text

        net_src, net_name = self.source_or_raise(parameters, self.NETWORK, context, (GEOMETRY_LINE,), self.tr("Road network (corridors)"))
        name_f = self.optional_field(parameters, self.NAME_FIELD, context, net_src, self.tr("Road name field"), net_name, feedback)
        grade_f = self.optional_field(parameters, self.GRADE_FIELD, context, net_src, self.tr("Corridor grade field"), net_name, feedback)
        net = read_source(
            net_src,
            net_name,
            crs,
            context,
            feedback,
            fields=[name_f or "", grade_f or "", *_elevation_fields(net_src)],
            keep_null=False,
            progress_span=(0, 8),
        )
        net.report(feedback)
        elevated = _elevated_all(a[2:] for a in net.attributes)
        roads = [(fid, text(a[0]), text(a[1]), net_name) for fid, a in zip(net.fids, net.attributes)]
        streets = None
        st_src = self.optional_source(parameters, self.STREETS, context)
        if st_src is not None:
            st_name = self.layer_name(parameters, self.STREETS, context, st_src)
            if QgsWkbTypes.geometryType(st_src.wkbType()) != GEOMETRY_LINE:
                raise QgsProcessingException(self.tr("Ordinary streets: layer '{0}' must hold lines.").format(st_name))
            st = read_source(
                st_src, st_name, crs, context, feedback, fields=_elevation_fields(st_src), keep_null=False, progress_span=(8, 12)
            )
            st.report(feedback)
            streets = st.geometries
            elevated += _elevated_all(st.attributes)
            roads += [(fid, None, None, st_name) for fid in st.fids]

        return net, net_name, streets, elevated, roads

    def _read_units(self, parameters, context, feedback, crs, unit_src, unit_name):
        """The units: geometries, population, names (the feature id where there is none) and clusters (or None)."""
        from ...qgisside.io import numbers, read_source, text

        pop_f = self.optional_field(parameters, self.POPULATION_FIELD, context, unit_src, self.tr("Population field"), unit_name, feedback)
        polygons = QgsWkbTypes.geometryType(unit_src.wkbType()) == GEOMETRY_POLYGON
        if not pop_f and not (polygons and is_given(parameters.get(self.POPULATION_RASTER))):
            raise QgsProcessingException(
                self.tr("Choose the field of layer '{0}' that holds the population, or give a population raster for polygon units.").format(
                    unit_name
                )
            )
        uname_f = self.optional_field(parameters, self.UNIT_NAME_FIELD, context, unit_src, self.tr("Unit name field"), unit_name, feedback)
        cluster_f = self.optional_field(parameters, self.CLUSTER_FIELD, context, unit_src, self.tr("Cluster field"), unit_name, feedback)
        units = read_source(unit_src, unit_name, crs, context, feedback, progress_span=(12, 16))
        units.report(feedback)
        fields = unit_src.fields()
        population = (
            numbers(
                [a[fields.lookupField(pop_f)] for a in units.attributes],
                pop_f,
                unit_name,
                feedback,
                fids=units.fids,
                empty_ok=False,
                unknown_is_zero=False,  # a unit whose people are unknown is not assessed, never 0 people
            )
            if pop_f
            else None
        )
        unit_names = [
            text(a[fields.lookupField(uname_f)]) or str(fid) if uname_f else str(fid) for fid, a in zip(units.fids, units.attributes)
        ]
        clusters = [text(a[fields.lookupField(cluster_f)]) for a in units.attributes] if cluster_f else None
        return units, population, unit_names, clusters

    def _scenario_inputs(self, parameters, context, feedback, crs, profile=None) -> dict:
        """The core's scenario keywords from the fault, flood and damage parameters, and the layers' names. The
        faults follow the profile's seismic.fault_avoidance_rule (the code's rule: only Holocene faults at intensity
        VIII and above), and each carries its latest activity in its name where the layer gives it (第86条)."""
        from ...qgisside.io import read_source, text

        out = {"names": {}}
        got = self.read_optional_faults(parameters, context, feedback, crs, profile)
        if got is not None:
            read, f_name, fault_names, ages = got
            if not any(g is not None for g in read.geometries):
                raise QgsProcessingException(
                    self.tr("Layer '{0}': no fault is left under the profile's seismic.fault_avoidance_rule; no fault scenario.").format(
                        f_name
                    )
                )
            mode = FAULT_MODES[self.parameterAsEnum(parameters, self.FAULT_MODE, context)]
            wanted = (self.parameterAsString(parameters, self.FAULT, context) or "").strip()
            if wanted and mode == "all":  # a fault named is the one meant, whatever the mode left at its default
                feedback.pushInfo(self.tr("Fault '{0}' given: the scenario is that fault alone.").format(wanted))
                mode = "one"
            if mode == "one":
                by_name = [i for i, n in enumerate(fault_names) if n is not None and n.strip() == wanted]
                by_fid = [i for i, fid in enumerate(read.fids) if str(fid) == wanted]
                if not wanted or not (by_name or by_fid):
                    listed = ", ".join(f"{n or '—'} ({fid})" for n, fid in list(zip(fault_names, read.fids))[:30])
                    raise QgsProcessingException(
                        self.tr(
                            "Fault: '{0}' is neither the name nor the feature number of a fault of layer '{1}'. Its faults: {2}."
                        ).format(wanted, f_name, listed)
                    )
                mode = (by_name or by_fid)[0]
            out.update(
                faults=read.geometries,
                fault_names=[
                    (n or f"#{fid}") + (f" ({age})" if age else "")
                    for n, fid, age in zip(fault_names, read.fids, ages or [None] * len(read.fids))
                ],
                avoidance_distance=self.parameterAsDouble(parameters, self.AVOIDANCE_DISTANCE, context),
                fault_mode=mode,
            )
            out["names"]["faults"] = f_name
        elif self.parameterAsEnum(parameters, self.FAULT_MODE, context) == 2:
            raise QgsProcessingException(self.tr("Fault: give the active faults layer to run one fault."))
        got = self.read_flood_zones(parameters, context, feedback, crs)
        if got is not None:
            read, fl_name, field, lowest = got
            out.update(
                flood_zones=read.geometries,
                flood_classes=[text(a[0]) for a in read.attributes] if field else None,
                flood_min_class=lowest,
            )
            out["names"]["flood"] = fl_name
        damage = self.optional_source(parameters, self.DAMAGE, context)
        if damage is not None:
            d_name = self.layer_name(parameters, self.DAMAGE, context, damage)
            read = read_source(damage, d_name, crs, context, feedback, fields=[], keep_null=False)
            read.report(feedback)
            out.update(damage=read.geometries, damage_width=self.parameterAsDouble(parameters, self.DAMAGE_WIDTH, context))
            out["names"]["damage"] = d_name
        return out

    # ------------------------------------------------------------------ the log
    def _measure(self, profile, kinds, chinese: bool = False) -> str:
        """The measure the plan names for a section in ``kinds`` of hazard zone, with its clause; ``chinese``: in
        Chinese (corridors.measures_zh, for a Chinese log; the output fields keep the profile's bilingual text)."""
        kind, clause = (
            ("fault_crossing", "第44条")
            if "fault" in kinds
            else ("waterlogging", "第62条")
            if "flood" in kinds
            else ("connectivity", "第62、65条")
        )
        if chinese:
            zh = profile.value("corridors.measures_zh") or {}
            if zh.get(kind):
                return f"{zh[kind]}（{clause}）"
        return profile.value(f"corridors.{kind}_measure") + f" ({clause})"

    def _log(self, feedback, result, profile, roads, unit_names) -> None:
        for r in result.results:
            feedback.pushInfo(
                self.tr("Scenario {0}: {1} pieces fail, {2:,.0f} m of road.").format(
                    r.scenario.name.text(core_text), len(r.failed), r.failed_length
                )
            )
            for c in result.categories:
                feedback.pushInfo(self.tr("  {0}: {1:,.0f} people cut off.").format(_category_name(profile, c), r.pop_cut[c]))
            feedback.pushInfo(self.tr("  People who lose at least one essential category: {0:,.0f}.").format(r.pop_cut_any))
            lost_links = [x for x in r.links if np.isfinite(x[2]) and not np.isfinite(x[3])]
            if r.links:
                feedback.pushInfo(self.tr("  Links between clusters lost: {0} of {1}.").format(len(lost_links), len(r.links)))
        crit = result.critical
        if crit is None:
            return
        order = np.argsort(crit.rank)
        feedback.pushInfo(self.tr("The ten most critical sections (single failure):"))
        for s in order[:10].tolist():
            if crit.pop_cut[s] <= 0 and crit.pop_route[s] <= 0:
                break
            road = roads[crit.source[s]] if crit.source[s] >= 0 else None
            kinds = {result.zones[z].kind for z in crit.zones[s]}
            feedback.pushInfo(
                self.tr("  {0}. {1}, {2:,.0f} m: {3:,.0f} people cut off ({4}), {5:,.0f} on routes along it. Measure: {6}").format(
                    int(crit.rank[s]),
                    (road[1] or f"{road[3]} #{road[0]}") if road else self.tr("several roads"),
                    crit.length[s],
                    crit.pop_cut[s],
                    ", ".join(_category_name(profile, c) for c in crit.cut_codes[s]) or "—",
                    crit.pop_route[s],
                    self._measure(profile, kinds, speaks_chinese()),
                )
            )

    # ------------------------------------------------------------------ writing
    def _write(self, parameters, unit_src, units, result, profile, roads, unit_names, population, crs):
        from ...qgisside.io import make_fields, polygons_only

        with_clusters = any(r.links or any(r.clusters_lost) for r in result.results) or result.cluster_centres
        ours = make_fields(self._unit_specs(result.categories, profile, with_clusters))
        out_fields = QgsProcessingUtils.combineFields(unit_src.fields(), ours)
        rows, geoms = self._unit_rows(result, units, profile, with_clusters)
        polygons = QgsWkbTypes.geometryType(unit_src.wkbType()) == GEOMETRY_POLYGON
        kind = WKB_MULTIPOLYGON if polygons else QgsWkbTypes.flatType(unit_src.wkbType())
        geoms = np.array(geoms + [None], dtype=object)[:-1]
        outputs = {
            self.UNITS_OUT: self.write_output(
                self.UNITS_OUT, out_fields, kind, crs, rows, polygons_only(geoms) if polygons else geoms, (85, 92), "failure_units"
            )
        }
        if parameters.get(self.FAILED) is not None:
            outputs[self.FAILED] = self._write_failed(result, profile, roads, crs)
        if parameters.get(self.CRITICAL) is not None and result.critical is not None:
            outputs[self.CRITICAL] = self._write_critical(result, profile, roads, unit_names, crs)
        if parameters.get(self.CLUSTER_LINKS) is not None and result.cluster_centres:
            dest = self._write_links(result, crs)
            if dest is not None:
                outputs[self.CLUSTER_LINKS] = dest
        return outputs

    def _unit_specs(self, cats, profile, with_clusters) -> list:
        """The fields the units' output adds to the layer's own: per category the distances and the people cut off,
        then the access, its causes and (``with_clusters``) the clusters no longer reached."""
        specs = [
            ("scenario", FIELD_STRING, self.tr("Scenario")),
            ("on_network", FIELD_INT, self.tr("Joins the network")),
            ("people", FIELD_DOUBLE, self.tr("People (from the field, or the population raster)")),
        ]
        for c in cats:
            label = profile.category_label(c)
            specs += [
                (f"d0_{c}", FIELD_DOUBLE, self.tr("{0}: distance before (m)").format(label)),
                (f"d1_{c}", FIELD_DOUBLE, self.tr("{0}: distance after (m)").format(label)),
                (f"ratio_{c}", FIELD_DOUBLE, self.tr("{0}: detour ratio").format(label)),
                (f"lost_{c}", FIELD_INT, self.tr("{0}: lost by all its people").format(label)),
                (f"pop_cut_{c}", FIELD_DOUBLE, self.tr("{0}: people cut off").format(label)),
                (f"share_cut_{c}", FIELD_DOUBLE, self.tr("{0}: share of its people cut off").format(label)),
            ]
        specs += [
            ("access", FIELD_STRING, self.tr("Access (kept, longer, part lost, lost, off network, not assessed)")),
            ("n_lost", FIELD_INT, self.tr("Categories lost")),
            ("lost_cats", FIELD_STRING, self.tr("Categories lost (codes)")),
            ("lost_zh", FIELD_STRING, self.tr("Categories lost (Chinese)")),
            ("pop_cut", FIELD_DOUBLE, self.tr("People cut off from at least one category")),
            ("cause", FIELD_STRING, self.tr("What cuts them off (failure zones)")),
        ]
        if with_clusters:
            specs += [
                ("cl_lost", FIELD_STRING, self.tr("Clusters no longer reached")),
                ("cl_ok", FIELD_INT, self.tr("Still reaches every cluster it reached")),
            ]
        specs.append(("clauses", FIELD_STRING, self.tr("Plan clauses")))
        return specs

    def _unit_rows(self, result, units, profile, with_clusters):
        """The units' rows and geometries, scenario by scenario; with several scenarios, only the units a scenario
        touches."""
        cats = result.categories
        each = len(result.results) > 1
        rows, geoms = [], []
        for r in result.results:
            ua = result.unit_access(r)
            for i, attrs in enumerate(units.attributes):
                cut_here = [c for c in cats if ua.pop_cut[c][i] > 0 or ua.lost[c][i]]
                access = _access(ua, cats, i, cut_here)
                if each and access in ("kept", "off network", "not assessed") and not ua.clusters_lost[i]:
                    continue
                rows.append(self._unit_row(result, r, ua, i, attrs, cut_here, access, profile, with_clusters))
                geoms.append(units.geometries[i])
        return rows, geoms

    def _unit_row(self, result, r, ua, i, attrs, cut_here, access, profile, with_clusters) -> list:
        """Unit ``i``'s row in scenario ``r`` (``ua``: the scenario per unit): its own attributes, then ours."""
        from ...core.corridorfailure import CLAUSES

        # people unknown, or the unit wholly off the network: not assessed, its losses NULL, never 0 (issue 29 §3)
        known = (ua.assessed is None or bool(ua.assessed[i])) and bool(ua.on[i])
        row = list(attrs) + [r.scenario.name.text(core_text), int(ua.on[i]), _number(ua.people[i])]
        for c in result.categories:
            share = ua.share_cut[c][i]
            row += [
                _number(ua.d0[c][i]),
                _number(ua.d1[c][i]),
                _number(ua.ratio[c][i]),
                int(bool(ua.lost[c][i])) if known else None,
                _number(ua.pop_cut[c][i]) if known else None,
                None if not known or not np.isfinite(share) else round(float(share), 6),
            ]
        row += [
            access,
            len(cut_here) if known else None,
            ",".join(cut_here),
            "、".join(profile.category_label(c, chinese=True) for c in cut_here),
            _number(ua.pop_cut_any[i]) if known else None,
            "; ".join(self._zone_name(result.zones[z]) for z in ua.causes[i]) or None,
        ]
        if with_clusters:
            row += ["、".join(ua.clusters_lost[i]), None if not ua.on[i] else int(not ua.clusters_lost[i])]
        row.append(CLAUSES)
        return row

    def _zone_name(self, zone) -> str:
        """A failure zone as the planner knows it: the fault's name, the flood class, the damage drawn."""
        kinds = {"fault": self.tr("fault"), "flood": self.tr("flood zone"), "damage": self.tr("damage")}
        return f"{kinds.get(zone.kind, zone.kind)} {zone.label}".strip()

    def _road_specs(self):
        return [
            ("src_layer", FIELD_STRING, self.tr("Road layer")),
            ("src_fid", FIELD_INT, self.tr("Road feature id")),
            ("road_name", FIELD_STRING, self.tr("Road name")),
            ("grade", FIELD_STRING, self.tr("Corridor grade")),
        ]

    def _road(self, roads, source):
        return list(roads[source][3:4] + roads[source][0:3]) if source >= 0 else [None, None, None, None]

    def _write_failed(self, result, profile, roads, crs):
        from ...core.corridorfailure import CLAUSES
        from ...qgisside.io import make_fields

        fields = make_fields(
            [("scenario", FIELD_STRING, self.tr("Scenario"))]
            + self._road_specs()
            + [
                ("cause", FIELD_STRING, self.tr("Cause (fault, flood, damage)")),
                ("cause_name", FIELD_STRING, self.tr("Fault name, flood class or damage feature")),
                ("length_m", FIELD_DOUBLE, self.tr("Length (m)")),
                ("measure", FIELD_STRING, self.tr("Measure the plan names")),
                ("clauses", FIELD_STRING, self.tr("Plan clauses")),
            ]
        )
        g = result.graph
        rows, geoms = [], []
        for r in result.results:
            for p, causes in zip(r.failed.tolist(), r.failed_causes):
                zones = [result.zones[z] for z in causes]
                kinds = sorted({z.kind for z in zones})
                rows.append(
                    [r.scenario.name.text(core_text)]
                    + self._road(roads, int(g.piece_source[p]))
                    + [
                        ", ".join(kinds),
                        ", ".join(dict.fromkeys(z.label for z in zones)),
                        float(g.pieces[p].length),
                        self._measure(profile, set(kinds)),
                        CLAUSES,
                    ]
                )
                geoms.append(g.pieces[p])
        return self.write_output(self.FAILED, fields, WKB_LINESTRING, crs, rows, geoms, (92, 94), "failed", optional=True)

    def _write_critical(self, result, profile, roads, unit_names, crs):
        from ...core.corridorfailure import CLAUSES
        from ...qgisside.io import make_fields

        crit = result.critical
        fields = make_fields(
            [("rank", FIELD_INT, self.tr("Rank (1: most critical)"))]
            + self._road_specs()
            + [
                ("length_m", FIELD_DOUBLE, self.tr("Length (m)")),
                ("bridge", FIELD_INT, self.tr("Only way through (bridge of the network)")),
                ("pop_cut", FIELD_DOUBLE, self.tr("People cut off if it fails")),
                ("cut_cats", FIELD_STRING, self.tr("Categories cut off (codes)")),
                ("cut_zh", FIELD_STRING, self.tr("Categories cut off (Chinese)")),
                ("n_units_cut", FIELD_INT, self.tr("Units cut off")),
                ("units_cut", FIELD_STRING, self.tr("Units cut off (names)")),
                ("pop_route", FIELD_DOUBLE, self.tr("People whose route runs along it")),
                ("bypass_m", FIELD_DOUBLE, self.tr("Shortest way around (m)")),
                ("detour_m", FIELD_DOUBLE, self.tr("Detour (m)")),
                ("in_zones", FIELD_STRING, self.tr("Failure zones it lies in")),
                ("measure", FIELD_STRING, self.tr("Measure the plan names")),
                ("clauses", FIELD_STRING, self.tr("Plan clauses")),
            ]
        )
        order = [s for s in np.argsort(crit.rank).tolist() if crit.pop_cut[s] > 0 or crit.pop_route[s] > 0]
        chinese = {c: profile.category_label(c, chinese=True) for c in result.categories}  # once per category, not per row
        rows, geoms = [], []
        for s in order:
            zones = [result.zones[z] for z in crit.zones[s]]
            cut = sorted(crit.cut_units[s].tolist(), key=lambda u: str(unit_names[u]))  # by name: the same whatever the order read
            names = "、".join(unit_names[u] for u in cut[:UNITS_LISTED]) + (
                f" … (+{len(cut) - UNITS_LISTED})" if len(cut) > UNITS_LISTED else ""
            )
            bypass = crit.bypass[s]
            rows.append(
                [int(crit.rank[s])]
                + self._road(roads, int(crit.source[s]))
                + [
                    float(crit.length[s]),
                    int(crit.bridge[s]),
                    float(crit.pop_cut[s]),
                    ",".join(crit.cut_codes[s]),
                    "、".join(chinese[c] for c in crit.cut_codes[s]),
                    len(cut),
                    names,
                    float(crit.pop_route[s]),
                    float(bypass) if np.isfinite(bypass) else None,
                    float(bypass - crit.length[s]) if np.isfinite(bypass) else None,
                    ", ".join(dict.fromkeys(f"{z.kind} {z.label}" for z in zones)),
                    self._measure(profile, {z.kind for z in zones}),
                    CLAUSES,
                ]
            )
            geoms.append(crit.geometry[s])
        skipped = len(crit.rank) - len(order)
        if skipped:
            self._run[2].pushInfo(
                self.tr("{0} sections cut nobody off and carry no route to an essential facility; they are not listed.").format(skipped)
            )
        return self.write_output(self.CRITICAL, fields, WKB_MULTILINESTRING, crs, rows, geoms, (94, 98), "critical", optional=True)

    def _write_links(self, result, crs):
        import shapely

        from ...qgisside.io import make_fields

        fields = make_fields(
            [
                ("scenario", FIELD_STRING, self.tr("Scenario")),
                ("cluster_a", FIELD_STRING, self.tr("Cluster")),
                ("cluster_b", FIELD_STRING, self.tr("Neighbouring cluster")),
                ("len0_m", FIELD_DOUBLE, self.tr("Route before (m)")),
                ("len1_m", FIELD_DOUBLE, self.tr("Route after (m)")),
                ("link", FIELD_STRING, self.tr("Link (kept, longer, lost, none)")),
            ]
        )
        rows, geoms = [], []
        centres = result.cluster_centres
        for r in result.results:
            for a, b, d0, d1 in r.links:
                state = "none" if not np.isfinite(d0) else "lost" if not np.isfinite(d1) else "longer" if d1 > d0 + 1e-6 else "kept"
                rows.append(
                    [
                        r.scenario.name.text(core_text),
                        a,
                        b,
                        float(d0) if np.isfinite(d0) else None,
                        float(d1) if np.isfinite(d1) else None,
                        state,
                    ]
                )
                geoms.append(shapely.linestrings([shapely.get_coordinates(centres[a])[0], shapely.get_coordinates(centres[b])[0]]))
        return self.write_output(self.CLUSTER_LINKS, fields, WKB_LINESTRING, crs, rows, geoms, (98, 99), "cluster_links", optional=True)


OSM_ELEVATION = ("bridge", "tunnel", "layer")  # OpenStreetMap's fields (Geofabrik, QuickOSM) for roads off the ground


def _elevation_fields(source) -> list:
    """The bridge, tunnel and layer fields of a road layer (any case), in that order, '' where absent."""
    names = {n.lower(): n for n in source.fields().names()}
    return [names.get(k, "") for k in OSM_ELEVATION]


def _elevated_all(rows) -> list:
    """:func:`_elevated` of each row of values, each distinct row worked out once (a city's roads hold a handful)."""
    seen = {}
    out = []
    for values in rows:
        values = tuple(values)
        key = tuple((type(v), v) for v in values)  # 1 and 1.0 read differently ("1" is yes, "1.0" is not)
        try:
            flag = seen.get(key)
        except TypeError:  # a value that cannot be a key: worked out on its own
            flag = _elevated(values)
        if flag is None:
            flag = seen[key] = _elevated(values)
        out.append(flag)
    return out


def _elevated(values) -> bool:
    """Whether a road is a bridge or a tunnel, or off the ground level, by its bridge, tunnel and layer values (T/F,
    yes/no, 1/0; layer any whole number but 0)."""
    from ...qgisside.io import text

    bridge, tunnel, layer = (text(v) for v in (list(values) + [None] * 3)[:3])

    def yes(v):
        return v is not None and v.strip().lower() in ("t", "true", "yes", "y", "1", "是")

    try:
        off = layer is not None and layer.strip() != "" and float(layer) != 0
    except ValueError:
        off = False
    return yes(bridge) or yes(tunnel) or off


def _category_name(profile, code: str) -> str:
    """A category's name in the QGIS language: its Chinese name in Chinese, else its English name with the Chinese."""
    from ...qgisside.translation import qgis_locale

    if qgis_locale().lower().startswith("zh"):
        return profile.category_label(code, chinese=True)
    return f"{profile.category_label(code)} ({profile.category_label(code, chinese=True)})"


def _number(v):
    return float(v) if np.isfinite(v) else None


def _access(ua, cats, i, cut_here) -> str:
    """Unit ``i``'s access in a scenario (``ua``: the scenario per unit; ``cut_here``: the categories some of its
    people lose): kept, longer, part lost, lost, off network or not assessed."""
    whole = [c for c in cats if ua.lost[c][i]]
    longer = any(np.isfinite(ua.ratio[c][i]) and ua.ratio[c][i] > 1.0 + 1e-9 for c in cats)
    known = ua.assessed is None or bool(ua.assessed[i])
    return (
        "not assessed"
        if not known
        else "off network"
        if not ua.on[i]
        else "lost"
        if whole
        else "part lost"
        if cut_here
        else "longer"
        if longer
        else "kept"
    )
