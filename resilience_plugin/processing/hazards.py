"""The optional hazard layers that the cluster dossier and the unit scoring share: active faults with their
avoidance distance, flood-risk zones with a class field, and geological-hazard points."""

from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterNumber

from ..core.hazards import Hazards
from ..qgisside.compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON, NUMBER_DOUBLE, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON
from ..qgisside.translation import translate


class HazardInputs:
    """Mixin for ResilienceAlgorithm subclasses: parameters FAULTS, AVOIDANCE_DISTANCE, FLOOD_ZONES,
    FLOOD_CLASS_FIELD and GEOHAZARDS, and reading them in the working CRS."""

    FAULTS = "FAULTS"
    AVOIDANCE_DISTANCE = "AVOIDANCE_DISTANCE"
    FLOOD_ZONES = "FLOOD_ZONES"
    FLOOD_CLASS_FIELD = "FLOOD_CLASS_FIELD"
    GEOHAZARDS = "GEOHAZARDS"

    def add_hazard_parameters(self, profile) -> None:
        add = self.add_with_help

        add(
            QgsProcessingParameterFeatureSource(self.FAULTS, translate("Resilience", "Active faults"), [SOURCE_LINE], optional=True),
            translate("Resilience", "Optional active faults (第86条)."),
        )
        add(
            QgsProcessingParameterNumber(
                self.AVOIDANCE_DISTANCE,
                translate("Resilience", "Fault avoidance distance (m)"),
                NUMBER_DOUBLE,
                defaultValue=profile.value("seismic.avoidance_distance_default"),
                minValue=0.01,
            ),
            translate("Resilience", "Half-width of the fault avoidance zone (GB 50011 §4.1.7)."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.FLOOD_ZONES, translate("Resilience", "Flood-risk zones"), [SOURCE_POLYGON], optional=True
            ),
            translate("Resilience", "Optional flood-risk or waterlogging zones."),
        )
        add(
            QgsProcessingParameterField(
                self.FLOOD_CLASS_FIELD, translate("Resilience", "Flood class field"), "risk_class", self.FLOOD_ZONES, optional=True
            ),
            translate(
                "Resilience",
                "Optional risk class, weighted by the profile: 1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ or high/medium/low, "
                "the highest first. Empty: the field named like a class (风险等级, risk_class …).",
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.GEOHAZARDS, translate("Resilience", "Geological hazard points"), [SOURCE_POINT], optional=True
            ),
            translate("Resilience", "Optional geological-hazard points."),
        )

    def hazard_demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.FAULTS: f"{sample_gpkg}|layername=faults",
            self.FLOOD_ZONES: f"{sample_gpkg}|layername=flood_zones",
            self.GEOHAZARDS: f"{sample_gpkg}|layername=geohazards",
        }

    def read_hazards(self, parameters, context, feedback, crs, profile) -> Hazards:
        from ..qgisside.io import read_source

        def read(key, kinds, label, fields=(), more=lambda src: ()):
            """(the layer read, its chosen fields, its name): ``fields`` are parameters, ``more(src)`` plain field names."""
            if self.optional_source(parameters, key, context) is None:
                return None
            src, name = self.source_or_raise(parameters, key, context, kinds, label)
            wanted = [
                self.optional_field(parameters, f, context, src, self.parameterDefinition(f).description(), name, feedback) or ""
                for f in fields
            ]
            layer = read_source(src, name, crs, context, feedback, fields=[*wanted, *more(src)], keep_null=False)
            layer.report(feedback)
            return layer, wanted, name

        # which faults need avoidance: the profile's rule, by their latest activity (read with the faults, in one pass)
        faults = read(self.FAULTS, (GEOMETRY_LINE,), translate("Resilience", "Active faults"), more=lambda src: [fault_age_field(src)])
        if faults is not None:
            layer, _wanted, name = faults
            age_field = fault_age_field(self.parameterAsSource(parameters, self.FAULTS, context))
            intensity = int(profile.value("seismic.design_intensity"))
            apply_fault_rule(layer, layer.column(0), [None] * len(layer.fids), profile, intensity, name, age_field, feedback)
        flood = read(self.FLOOD_ZONES, (GEOMETRY_POLYGON,), translate("Resilience", "Flood-risk zones"), (self.FLOOD_CLASS_FIELD,))
        points = read(self.GEOHAZARDS, (GEOMETRY_POINT,), translate("Resilience", "Geological hazard points"))
        hazards = hazards_from(
            faults[0] if faults else None,
            self.parameterAsDouble(parameters, self.AVOIDANCE_DISTANCE, context),
            flood[0] if flood else None,
            bool(flood and flood[1][0]),
            points[0] if points else None,
            profile,
        )
        if hazards.unread_classes:
            feedback.pushWarning(
                translate(
                    "Resilience",
                    "Flood-risk class values that say no class 1/2/3 (高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ, high/medium/low), "
                    "weighed as the highest: {0}.",
                ).format(", ".join(hazards.unread_classes[:12]))
            )
        return hazards


def hazards_from(faults, distance: float, flood, flood_has_class: bool, geohazards, profile) -> Hazards:
    """core.hazards.hazards from layers already read (io.ReadLayer or None): fault avoidance zones at ``distance``,
    flood zones weighted by the class in their first read attribute when ``flood_has_class``, and the hazard points."""
    from ..core.hazards import hazards
    from ..qgisside.io import text

    return hazards(
        profile,
        faults=faults.geometries if faults is not None else None,
        avoidance_distance=distance,
        flood_zones=flood.geometries if flood is not None else None,
        flood_classes=[text(a[0]) for a in flood.attributes] if flood is not None and flood_has_class else None,
        geohazards=geohazards.geometries if geohazards is not None else None,
    )


def scenario_fields(names) -> tuple:
    """The d0_<category> and d1_<category> fields of the units output of resilience:corridorfailure (empty lists when
    the layer is not one)."""
    before = [n for n in names if n.startswith("d0_")]
    after = [n for n in names if n.startswith("d1_") and "d0_" + n[3:] in before]
    return [f"d0_{n[3:]}" for n in after], after


def scenario_read_fields(names) -> list:
    """The fields of a scenario's units layer that :func:`scenario_access_of` reads: d0_*, d1_*, then the
    share_cut_* of the same categories where the layer has them all (empty when it is no scenario layer)."""
    before, after = scenario_fields(names)
    shares = [f"share_cut_{n[3:]}" for n in after]
    return before + after + (shares if all(n in names for n in shares) else [])


def scenario_access_of(read, field_names, units):
    """Per unit polygon, the share of essential categories still reached after the scenario (core.scoring.
    scenario_access), from ``read``: a read of the scenario's units with the fields ``field_names`` (d0_* then d1_*,
    as :func:`scenario_fields` gives them, then the share_cut_* of the same categories where the layer has them: a
    category that part of a unit's people lose counts for the share of its people who keep it)."""
    from ..core.geometry import representative_points
    from ..core.scoring import scenario_access
    from ..qgisside.io import text

    half = len(field_names) // 2 if not any(n.startswith("share_cut_") for n in field_names) else len(field_names) // 3
    shares = len(field_names) == 3 * half

    def kept(a):
        total = 0.0
        for k in range(half):
            if text(a[k]) is None:
                continue
            cut = a[2 * half + k] if shares else None
            total += 1.0 - min(max(float(cut), 0.0), 1.0) if shares and text(cut) is not None else float(text(a[half + k]) is not None)
        return total

    before = [sum(1 for v in a[:half] if text(v) is not None) for a in read.attributes]
    after = [kept(a) for a in read.attributes]
    return scenario_access(units, representative_points(read.geometries), before, after)


# the field of a fault layer that holds its latest activity (最晚活动时代), by name, first found
FAULT_AGE_FIELDS = ("最晚活动时代", "最新活动时代", "活动时代", "活动年代", "最晚活动", "latest_activity", "activity", "age", "fault_age")


def fault_age_field(source) -> str:
    """The name of ``source``'s field of the faults' latest activity (case-insensitive), or ''."""
    names = {n.lower(): n for n in source.fields().names()}
    return next((names[f.lower()] for f in FAULT_AGE_FIELDS if f.lower() in names), "")


def apply_fault_rule(read, ages_raw, names, profile, intensity: int, layer: str, age_field: str, feedback) -> list:
    """The faults' latest activity (core.faults.fault_age of ``ages_raw``), logged; under the profile's
    ``seismic.fault_avoidance_rule`` 'code', the faults that need no avoidance (not Holocene, or intensity below VIII:
    GB 50011 §4.1.7) are taken out of ``read`` (their geometry None) and named. Returns the ages (None: unknown)."""
    from collections import Counter

    from ..core.faults import FAULT_AGE_ZH, avoided_faults, fault_age
    from ..qgisside.io import text

    ages = [fault_age(text(v)) for v in ages_raw] if age_field else [None] * len(read.fids)
    rule = profile.value("seismic.fault_avoidance_rule")
    if age_field:
        counted = Counter(a or "?" for a in ages)
        listed = ", ".join(f"{a} {FAULT_AGE_ZH.get(a, '未知')} ×{k}" for a, k in sorted(counted.items()))
        feedback.pushInfo(translate("Resilience", "{0}: latest activity from field '{1}': {2}.").format(layer, age_field, listed))
    keep = avoided_faults(ages, rule, intensity)
    if rule == "plan":
        feedback.pushInfo(
            translate(
                "Resilience",
                "Fault avoidance rule 'plan' (profile seismic.fault_avoidance_rule): every listed active fault is avoided "
                "(第86条 严格避让活动断裂).",
            )
        )
        return ages
    left = [i for i in range(len(ages)) if not keep[i] and read.geometries[i] is not None]
    for i in left:
        read.geometries[i] = None
    feedback.pushInfo(
        translate(
            "Resilience",
            "Fault avoidance rule 'code' (profile seismic.fault_avoidance_rule; GB 50011 §4.1.7): only Holocene faults at "
            "intensity VIII and above are avoided; {0} fault(s) need none and are left out: {1}.",
        ).format(len(left), ", ".join(f"{names[i] or read.fids[i]} ({ages[i] or '?'})" for i in left[:20]) or "—")
    )
    return ages
