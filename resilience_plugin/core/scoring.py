"""Street/town unit scoring (韧性街镇单元能力评估, 第51–52条), on the INFORM structure.

Three dimensions (第51条): the danger of hazards (致灾因子风险性), the vulnerability of what is exposed
(承灾体脆弱性) and the effectiveness of rescue capacity (救灾能力有效性). Each indicator is scaled to 0–10 between
fixed goalposts kept in the profile (``scoring.goalposts``: a plan target, a national standard or a stated assumption,
after log(1 + x) for the skewed ones), so that a unit scores the same alone, with its district or with the whole
city, and this year's score compares with last year's (城市体检). Scaling min–max over the units of a run (the
INFORM habit) stays available as an explicit option, for a relative ranking. A dimension is the weighted arithmetic
mean of its assessed indicators; the overall score is the geometric mean of hazard, vulnerability and the lack of
capacity (10 − capacity), over the dimensions assessed for the unit:

    score = (H · V · (10 − C)) ** (1/3)

Five classes by the profile's breaks; rank 1 is the highest score. The type (第52条) is the dimension that leads:
the largest of H, V and 10 − C when it exceeds the next by the profile's margin, otherwise balanced.

An indicator whose input was not given, or whose facility category has no feature in the layer given, is not
assessed: it is left out (never 0), and :func:`indicators` says why.

Pure numpy: indicator values are computed by the caller (the Processing adapter or the dock), so that a weight edit
recomputes in milliseconds from the cached raw values.
"""

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from .messages import QT_TRANSLATE_NOOP, CoreError

# indicator -> (dimension, higher is worse?, log transform?)
INDICATORS: Dict[str, tuple] = {
    "seismic_intensity": ("hazard", True, False),
    "fault_share": ("hazard", True, False),
    "flood_share": ("hazard", True, False),
    "geohazard_density": ("hazard", True, True),
    "population_density": ("vulnerability", True, True),
    "elderly_share": ("vulnerability", True, False),
    "old_building_share": ("vulnerability", True, False),
    "shelter_per_person": ("capacity", False, True),
    "fire_coverage": ("capacity", False, False),
    "police_presence": ("capacity", False, False),
    "beds_per_1000": ("capacity", False, True),
    "conversion_per_person": ("capacity", False, True),
    "essential_access": ("capacity", False, False),
    "transfer_share": ("capacity", False, False),
}
# indicator -> its name, translatable (the alias of its i_* field, the dock's rows, the report)
INDICATOR_NAMES = {
    "seismic_intensity": QT_TRANSLATE_NOOP("Core", "Design seismic intensity"),
    "fault_share": QT_TRANSLATE_NOOP("Core", "Share in fault avoidance zones"),
    "flood_share": QT_TRANSLATE_NOOP("Core", "Flood-risk share (class-weighted)"),
    "geohazard_density": QT_TRANSLATE_NOOP("Core", "Geological hazard points per km²"),
    "population_density": QT_TRANSLATE_NOOP("Core", "Population per km²"),
    "elderly_share": QT_TRANSLATE_NOOP("Core", "Elderly share"),
    "old_building_share": QT_TRANSLATE_NOOP("Core", "Old-building share"),
    "shelter_per_person": QT_TRANSLATE_NOOP("Core", "Shelter m² per person"),
    "fire_coverage": QT_TRANSLATE_NOOP("Core", "Share within fire-station reach"),
    "police_presence": QT_TRANSLATE_NOOP("Core", "Police stations"),
    "beds_per_1000": QT_TRANSLATE_NOOP("Core", "Hospital beds per 1,000"),
    "conversion_per_person": QT_TRANSLATE_NOOP("Core", "Conversion space m² per person"),
    "essential_access": QT_TRANSLATE_NOOP("Core", "Essential facilities still reached after the scenario (share)"),
    "transfer_share": QT_TRANSLATE_NOOP("Core", "People at risk with a shelter place within reach (share)"),
}
DIMENSIONS = ("hazard", "vulnerability", "capacity")
CLASSES = ("very low", "low", "medium", "high", "very high")
CLASSES_ZH = {"very low": "很低", "low": "低", "medium": "中", "high": "高", "very high": "很高"}
# how many units of each class, as the log says it
CLASS_COUNTS = {
    "very low": QT_TRANSLATE_NOOP("Core", "very low {0}"),
    "low": QT_TRANSLATE_NOOP("Core", "low {0}"),
    "medium": QT_TRANSLATE_NOOP("Core", "medium {0}"),
    "high": QT_TRANSLATE_NOOP("Core", "high {0}"),
    "very high": QT_TRANSLATE_NOOP("Core", "very high {0}"),
}
TYPES = ("hazard-led", "vulnerability-led", "capacity-gap", "balanced")
TYPES_ZH = {"hazard-led": "致灾主导型", "vulnerability-led": "脆弱主导型", "capacity-gap": "能力短板型", "balanced": "均衡型"}


# indicator -> output field of resilience:scoreunits (10 characters at most, for shapefiles); the score, target and
# pass fields replace the leading "i" with "s", "t" and "ok"
FIELDS = {
    "seismic_intensity": "i_seismic",
    "fault_share": "i_fault",
    "flood_share": "i_flood",
    "geohazard_density": "i_geohaz",
    "population_density": "i_popden",
    "elderly_share": "i_elderly",
    "old_building_share": "i_oldbldg",
    "shelter_per_person": "i_shelter",
    "fire_coverage": "i_fire",
    "police_presence": "i_police",
    "beds_per_1000": "i_beds",
    "conversion_per_person": "i_conv",
    "essential_access": "i_access",
    "transfer_share": "i_transfer",
}
# indicator -> the profile key of its target, and the clause that sets it
TARGET_KEYS = {
    "shelter_per_person": "shelter.area_per_person_target",
    "fire_coverage": "scoring.fire_coverage_target",
    "police_presence": "police.stations_per_unit_min",
    "beds_per_1000": "health.beds_per_1000_target",
}
TARGET_CLAUSES = {
    "shelter_per_person": "第51条",
    "fire_coverage": "第51条",
    "police_presence": "第51条",
    "beds_per_1000": "第32条",
}


def targets(profile) -> Dict[str, float]:
    """The plan's target of each indicator that has one (capacity: at least the target)."""
    return {k: profile.value(key) for k, key in TARGET_KEYS.items()}


# why an indicator was not assessed (the key of :func:`indicators`' ``skipped``)
NOT_ASSESSED = {
    "not_given": QT_TRANSLATE_NOOP("Core", "its input was not given"),
    "no_facilities": QT_TRANSLATE_NOOP("Core", "no facilities were given"),
    "no_shelter_area": QT_TRANSLATE_NOOP("Core", "no facility has a shelter area"),
    "no_conversion_area": QT_TRANSLATE_NOOP("Core", "no school, park, stadium or hotel has a shelter area"),
    "no_beds": QT_TRANSLATE_NOOP("Core", "no facility has hospital beds"),
    "no_police_station": QT_TRANSLATE_NOOP("Core", "the facilities hold no police station"),
    "no_fire_station": QT_TRANSLATE_NOOP("Core", "the facilities hold no fire station"),
    "no_hazard": QT_TRANSLATE_NOOP("Core", "no flood zone, fault or geological hazard was given"),
    "no_values": QT_TRANSLATE_NOOP("Core", "no unit has a value in its field"),
}


class ScoringError(CoreError):
    """Scoring cannot go on; the message names what is wrong."""


@dataclass
class Scores:
    normalised: Dict[str, np.ndarray]  # indicator -> 0..10 (capacity indicators: 10 is the best capacity)
    dimensions: Dict[str, np.ndarray]  # hazard, vulnerability, capacity: 0..10
    score: np.ndarray
    klass: np.ndarray  # CLASSES
    rank: np.ndarray  # 1 = highest score
    unit_type: np.ndarray  # TYPES
    used: List[str]
    constant: List[str] = field(default_factory=list)  # indicators equal for every unit (scored 0; relative scaling only)
    scaling: str = "goalposts"  # or "relative"
    formed: List[str] = field(default_factory=list)  # per unit: the dimensions its score is the geometric mean of


def normalise(values: np.ndarray, log: bool) -> (np.ndarray, bool):
    """Min–max to 0–10 (after log(1 + x) when ``log``); NaN stays NaN. Returns (scores, constant)."""
    v = np.asarray(values, dtype=float)
    if log:
        v = np.log1p(np.maximum(v, 0.0))
    finite = np.isfinite(v)
    if not finite.any():
        return np.full(len(v), np.nan), True
    lo, hi = np.nanmin(v[finite]), np.nanmax(v[finite])
    if hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return np.where(finite, 0.0, np.nan), True
    return np.where(finite, (v - lo) / (hi - lo) * 10.0, np.nan), False


def goalposts(profile) -> Dict[str, tuple]:
    """Per indicator, (value scored 0, value scored 10, log transform?) from ``scoring.goalposts``; "target" as the
    value scored 10 stands for the indicator's target (:data:`TARGET_KEYS`), so the two never drift apart."""
    goals = targets(profile)
    out = {}
    for k, d in profile.value("scoring.goalposts").items():
        hi = goals.get(k) if d["hi"] == "target" else d["hi"]
        out[k] = (float(d["lo"]), float(hi), bool(d.get("log", False)))
    return out


def scale(values: np.ndarray, lo: float, hi: float, log: bool) -> np.ndarray:
    """0 at ``lo``, 10 at ``hi`` (clipped), after log(1 + x) of the value and both goalposts when ``log``; NaN stays
    NaN. For a capacity indicator, 10 means the target is met."""
    v = np.asarray(values, dtype=float)
    if log:
        v, lo, hi = np.log1p(np.maximum(v, 0.0)), math.log1p(max(lo, 0.0)), math.log1p(max(hi, 0.0))
    with np.errstate(invalid="ignore"):
        return np.clip((v - lo) / (hi - lo) * 10.0, 0.0, 10.0)


def score(
    raw: Dict[str, np.ndarray],
    weights: Dict[str, Dict[str, float]],
    breaks: List[float],
    type_margin: float,
    posts: Optional[Dict[str, tuple]] = None,
) -> Scores:
    """Scores from raw indicator values (only the indicators present in ``raw`` are used). ``posts``: the goalposts
    of :func:`goalposts`, for scores that do not depend on the other units; None scales min–max over the units."""
    used = [k for k in INDICATORS if k in raw]
    if not used:
        raise ScoringError(QT_TRANSLATE_NOOP("Core", "no indicator could be computed: give at least one of the optional layers or fields"))
    n = len(next(iter(raw.values())))
    normalised, constant = _normalised(raw, used, posts)
    dims = _dimension_scores(normalised, used, weights, n)
    h, v, c = dims["hazard"], dims["vulnerability"], dims["capacity"]
    lack = 10.0 - c
    total, formed = _overall(h, v, lack, used, weights, n)
    klass = np.array([CLASSES[int(np.searchsorted(breaks, s, side="right"))] for s in total], dtype=object)
    order = np.argsort(-total, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    unit_type = _unit_types(h, v, lack, type_margin, n)
    return Scores(normalised, dims, total, klass, rank, unit_type, used, constant, "goalposts" if posts is not None else "relative", formed)


def _normalised(raw: Dict[str, np.ndarray], used: List[str], posts: Optional[Dict[str, tuple]]) -> Tuple[Dict[str, np.ndarray], List[str]]:
    """Each indicator used scaled to 0–10: between its goalposts (``posts``), or min–max over the units when
    ``posts`` is None. Returns (indicator -> scores, the indicators equal for every unit)."""
    normalised, constant = {}, []
    for k in used:
        _dim, worse, log = INDICATORS[k]
        if posts is not None:
            if k not in posts:
                raise ScoringError(QT_TRANSLATE_NOOP("Core", "the profile has no goalposts for indicator '{0}' (scoring.goalposts)"), k)
            lo, hi, plog = posts[k]
            normalised[k] = scale(raw[k], lo, hi, plog)
            continue
        s, flat = normalise(raw[k], log)
        normalised[k] = s
        if flat:
            constant.append(k)
    return normalised, constant


def _dimension_scores(
    normalised: Dict[str, np.ndarray], used: List[str], weights: Dict[str, Dict[str, float]], n: int
) -> Dict[str, np.ndarray]:
    """Per dimension, the weighted arithmetic mean of its assessed indicators per unit (NaN where none is, and for a
    dimension not assessed)."""
    dims = {}
    for dim in DIMENSIONS:
        keys = [k for k in used if INDICATORS[k][0] == dim]
        w = np.array([float(weights.get(dim, {}).get(k, 0.0)) for k in keys])
        if not keys:
            dims[dim] = np.full(n, np.nan)
            continue
        if w.sum() <= 0:
            if sum(float(x) for x in weights.get(dim, {}).values()) > 0:
                # its indicators here are shown, not weighed (transfer_share weighs 0 in the plan profile): the
                # dimension is not assessed, as when none of its indicators is given
                dims[dim] = np.full(n, np.nan)
                continue
            raise ScoringError(
                QT_TRANSLATE_NOOP("Core", "the weights of dimension '{0}' sum to zero for the indicators used ({1})"), dim, ", ".join(keys)
            )
        stack = np.vstack([normalised[k] for k in keys])
        mask = np.isfinite(stack)
        ws = (w[:, None] * mask).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            dims[dim] = np.where(ws > 0, (np.nan_to_num(stack) * w[:, None]).sum(axis=0) / ws, np.nan)
    return dims


def _overall(h, v, lack, used: List[str], weights: Dict[str, Dict[str, float]], n: int) -> Tuple[np.ndarray, List[str]]:
    """The overall score per unit, the geometric mean of hazard, vulnerability and ``lack`` (10 − capacity) over the
    dimensions assessed for it, and per unit the dimensions it is formed of. Returns (scores, formed)."""
    parts = [x for x in (h, v, lack) if np.isfinite(x).any()]
    if not parts and all(float(weights.get(INDICATORS[k][0], {}).get(k, 0.0)) <= 0 for k in used):
        raise ScoringError(
            QT_TRANSLATE_NOOP("Core", "the indicators used ({0}) all weigh 0 (scoring.dimensions): give one of them a weight"),
            ", ".join(used),
        )
    if not parts:
        raise ScoringError(
            QT_TRANSLATE_NOOP("Core", "no unit has a value for any indicator used ({0}): check the population and the input layers"),
            ", ".join(used),
        )
    # per unit, the geometric mean of the dimensions assessed for it (a unit with no population has no per-person
    # capacity: its score comes from the others, never from a 0 put in its place)
    stack = np.vstack(parts)
    finite = np.isfinite(stack)
    count = finite.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        logs = np.where(finite, np.log(np.where(finite, np.maximum(stack, 0.0), 1.0)), 0.0)
        total = np.where(count > 0, np.exp(logs.sum(axis=0) / np.maximum(count, 1)), 0.0)
    total = np.where(count > 0, total, np.nan)
    if np.isnan(total).any():
        total = np.nan_to_num(total)  # a unit with no dimension at all: nothing to rank it by, scored 0
    names_dims = [d for d, x in zip(("hazard", "vulnerability", "capacity"), (h, v, lack)) if np.isfinite(x).any()]
    formed = [", ".join(d for d, ok in zip(names_dims, finite[:, i]) if ok) for i in range(n)]
    return total, formed


def _unit_types(h, v, lack, type_margin: float, n: int) -> np.ndarray:
    """Per unit, the dimension that leads (第52条): the largest of hazard, vulnerability and ``lack`` when it exceeds
    the next by ``type_margin``, otherwise balanced."""
    lead = np.vstack([np.nan_to_num(h, nan=-1), np.nan_to_num(v, nan=-1), np.nan_to_num(lack, nan=-1)])
    top = np.argsort(-lead, axis=0, kind="stable")
    first = lead[top[0], np.arange(n)]
    second = lead[top[1], np.arange(n)]
    names = np.array(["hazard-led", "vulnerability-led", "capacity-gap"], dtype=object)
    return np.where(first - second >= type_margin, names[top[0]], "balanced").astype(object)


def passes(raw: Dict[str, np.ndarray], targets: Dict[str, Optional[float]]) -> Dict[str, np.ndarray]:
    """Pass (1) / fail (0) per indicator that has a target: capacity at least the target, hazard and vulnerability at
    most it. NaN where the value is missing."""
    out = {}
    for k, t in targets.items():
        if k not in raw or t is None:
            continue
        v = np.asarray(raw[k], dtype=float)
        worse = INDICATORS[k][1]
        ok = v <= t if worse else v >= t
        out[k] = np.where(np.isfinite(v), ok.astype(float), np.nan)
    return out


def indicators(
    units,
    population: np.ndarray,
    elderly: Optional[np.ndarray] = None,
    old_buildings: Optional[np.ndarray] = None,
    fault_zones=None,
    flood_zones=None,
    flood_weights: Optional[np.ndarray] = None,
    geohazards=None,
    facilities=None,
    categories: Optional[List[Optional[str]]] = None,
    shelter_area: Optional[np.ndarray] = None,
    beds: Optional[np.ndarray] = None,
    fire_reach: float = 2500.0,
    conversion: tuple = ("school", "park", "stadium", "hotel"),
    intensity=None,
    skipped: Optional[Dict[str, str]] = None,
    essential_access: Optional[np.ndarray] = None,
) -> Dict[str, np.ndarray]:
    """Raw indicator values per unit from whichever inputs are given (None: that input is missing).

    ``essential_access``: per unit, the share of the essential categories it reached before a corridor-failure
    scenario that it still reaches after it (:func:`scenario_access`; NaN for a unit the scenario does not cover).

    ``intensity``: the design seismic intensity, one for all units (the profile's) or one per unit. An indicator whose
    facility category has no feature, or whose field holds no value above 0, is not assessed: it is left out of the
    result and ``skipped`` (when given) gets its reason, one of NOT_ASSESSED."""
    skipped = {} if skipped is None else skipped
    import shapely

    from .dossier import area_share, point_owner, sums

    units = np.asarray(list(units), dtype=object)
    n = len(units)
    area_km2 = shapely.area(units) / 1e6
    pop = np.asarray(population, dtype=float)
    raw: Dict[str, np.ndarray] = {}
    if intensity is not None:
        raw["seismic_intensity"] = np.broadcast_to(np.asarray(intensity, dtype=float), (n,)).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        raw["population_density"] = np.where(area_km2 > 0, pop / area_km2, np.nan)
        if elderly is not None:
            raw["elderly_share"] = np.asarray(elderly, dtype=float)
        if old_buildings is not None:
            raw["old_building_share"] = np.asarray(old_buildings, dtype=float)
        if fault_zones is not None:
            raw["fault_share"] = area_share(units, fault_zones)
        if flood_zones is not None:
            raw["flood_share"] = _flood_share(units, flood_zones, flood_weights)
        if geohazards is not None:
            count = sums(point_owner(units, geohazards), n)
            raw["geohazard_density"] = np.where(area_km2 > 0, count / area_km2, np.nan)
        if facilities is not None and categories is not None:
            _facility_indicators(raw, skipped, units, pop, facilities, categories, shelter_area, beds, fire_reach, conversion)
        else:
            for k in ("shelter_per_person", "conversion_per_person", "beds_per_1000", "police_presence", "fire_coverage"):
                skipped[k] = "no_facilities"
        for k, given in (("elderly_share", elderly), ("old_building_share", old_buildings), ("fault_share", fault_zones)):
            if given is None:
                skipped[k] = "not_given"
        if flood_zones is None:
            skipped["flood_share"] = "not_given"
        if essential_access is None:
            skipped["essential_access"] = "not_given"
        else:
            raw["essential_access"] = np.asarray(essential_access, dtype=float)
        if geohazards is None:
            skipped["geohazard_density"] = "not_given"
    for k in ("elderly_share", "old_building_share", "essential_access"):  # a field given but wholly empty: not used
        if k in raw and not np.isfinite(raw[k]).any():
            del raw[k]
            skipped[k] = "no_values"
    return raw


def _flood_share(units: np.ndarray, flood_zones, flood_weights: Optional[np.ndarray]) -> np.ndarray:
    """Per unit, the class-weighted share of its area in the flood zones: each class's share of the area times its
    weight (``flood_weights``, one per zone; None: 1), higher classes counted first."""
    from .dossier import area_share

    n = len(units)
    zones = np.asarray(list(flood_zones), dtype=object)
    w = np.ones(len(zones)) if flood_weights is None else np.asarray(flood_weights, dtype=float)
    total = np.zeros(n)
    covered = np.zeros(n)
    for weight in sorted(set(w.tolist()), reverse=True):
        share = area_share(units, zones[w >= weight])
        total += weight * np.maximum(share - covered, 0.0)
        covered = np.maximum(covered, share)
    return total


def _facility_indicators(raw, skipped, units, pop, facilities, categories, shelter_area, beds, fire_reach, conversion) -> None:
    """The capacity indicators drawn from the facility points into ``raw`` (shelter and conversion area per person,
    beds per 1,000, police stations, fire-station reach), or the reason each is not assessed into ``skipped``."""
    import shapely

    from .dossier import area_share, point_owner, sums

    n = len(units)
    points = np.asarray(list(facilities), dtype=object)
    cats = np.asarray([c or "" for c in categories], dtype=object)
    owner = point_owner(units, points)
    conv = np.isin(cats, list(conversion))
    if shelter_area is None or not (np.asarray(shelter_area) > 0).any():
        skipped["shelter_per_person"] = "no_shelter_area"
    else:
        raw["shelter_per_person"] = np.where(pop > 0, sums(owner, n, shelter_area) / pop, np.nan)
    if shelter_area is None or not (np.asarray(shelter_area)[conv] > 0).any():
        skipped["conversion_per_person"] = "no_conversion_area"
    else:
        raw["conversion_per_person"] = np.where(pop > 0, sums(owner, n, shelter_area, mask=conv) / pop, np.nan)
    if beds is None or not (np.asarray(beds) > 0).any():
        skipped["beds_per_1000"] = "no_beds"
    else:
        raw["beds_per_1000"] = np.where(pop > 0, sums(owner, n, beds) / pop * 1000.0, np.nan)
    if (cats == "police_station").any():
        raw["police_presence"] = sums(owner, n, mask=cats == "police_station")
    else:
        skipped["police_presence"] = "no_police_station"
    fire = points[(cats == "fire_station") & ~shapely.is_missing(points)]
    if len(fire):
        raw["fire_coverage"] = area_share(units, shapely.buffer(fire, fire_reach, quad_segs=8))
    else:
        skipped["fire_coverage"] = "no_fire_station"


# the fixed fields of the scored output after the indicator fields: (field, type)
SUMMARY_FIELDS = (
    ("hazard", "double"),
    ("vulner", "double"),
    ("capacity", "double"),
    ("score", "double"),
    ("class", "text"),
    ("class_zh", "text"),
    ("rank", "int"),
    ("unit_type", "text"),
    ("type_zh", "text"),
    ("measures", "text"),
    ("measures_zh", "text"),
    ("indicators", "text"),
    ("score_from", "text"),
    ("clauses", "text"),
)


def output_fields(used: List[str], checked) -> List[tuple]:
    """The fields of a scored unit layer, as (field, type, indicator or ''), type 'double', 'int' or 'text': per
    indicator its value i_*, score s_* and, when it has a target, the target t_* and pass ok_*; then SUMMARY_FIELDS."""
    out = []
    for k in used:
        f = FIELDS[k]
        out += [(f, "double", k), ("s" + f[1:], "double", k)]
        if k in checked:
            out += [("t" + f[1:], "double", k), ("ok" + f[1:], "int", k)]
    return out + [(f, t, "") for f, t in SUMMARY_FIELDS]


def output_row(raw, result: "Scores", ok, goals, measures: Dict[str, str], i: int, clauses: str, measures_zh=None) -> list:
    """The values of unit ``i`` in the order of :func:`output_fields`. The measures are the type's, then one per
    target the unit fails, in English and (``measures_zh``, the profile's scoring.measures_zh) in Chinese."""
    measures_zh = measures_zh or measures

    def num(v, digits=4):
        return None if not np.isfinite(v) else round(float(v), digits)

    values, failing = [], []
    for k in result.used:
        values += [num(raw[k][i]), num(result.normalised[k][i], 3)]
        if k in ok:
            passed = ok[k][i]
            values += [float(goals[k]), None if not np.isfinite(passed) else int(passed)]
            if passed == 0 and k in measures:
                failing.append(k)
    kind = result.unit_type[i]
    dims = [num(result.dimensions[d][i], 3) for d in ("hazard", "vulnerability", "capacity")] + [num(result.score[i], 3)]
    if result.klass[i] is None:  # not assessed (no polygon): nothing to class, rank or recommend
        return values + dims + [None] * 7 + [", ".join(result.used), result.formed[i] if result.formed else "", clauses]
    return (
        values
        + dims
        + [
            result.klass[i],
            CLASSES_ZH[result.klass[i]],
            int(result.rank[i]),
            kind,
            TYPES_ZH[kind],
            "; ".join([measures[kind]] + [measures[k] for k in failing]),
            "; ".join([measures_zh.get(kind, measures[kind])] + [measures_zh.get(k, measures[k]) for k in failing]),
            ", ".join(result.used),
            result.formed[i] if result.formed else "",
            clauses,
        ]
    )


def unit_indicators(
    units: Sequence,
    profile,
    population: Sequence[float],
    elderly=None,
    old_buildings=None,
    hazards=None,
    facilities=None,
    canceled=None,
    essential_access=None,
) -> Tuple[Dict[str, np.ndarray], Dict[str, str]]:
    """The raw indicator values of :func:`score_units` (the same inputs) and the indicators not assessed with their
    reason (keys of NOT_ASSESSED): for a caller that scores them itself, with weights of its own (the scorecard)."""
    import shapely

    from .cancel import interruptible

    geoms = np.asarray(list(units), dtype=object)
    present = ~shapely.is_missing(geoms)
    f = facilities
    skipped: Dict[str, str] = {}
    h = hazards
    raw = interruptible(
        lambda: indicators(
            np.where(present, geoms, None),
            np.asarray(population, dtype=float),
            None if elderly is None else np.asarray(elderly, dtype=float),
            None if old_buildings is None else np.asarray(old_buildings, dtype=float),
            h.fault_zones if h is not None else None,
            h.flood_zones if h is not None else None,
            h.flood_weights if h is not None else None,
            h.geohazards if h is not None else None,
            f.points if f is not None else None,
            f.codes if f is not None else None,
            f.known_shelter_area() if f is not None else None,
            f.beds if f is not None else None,
            profile.value("fire.proxy_distance"),
            tuple(profile.value("street_units.conversion_categories")),
            profile.value("seismic.design_intensity"),
            skipped,
            essential_access,
        ),
        canceled,
    )
    _transfer_share(raw, skipped, geoms, present, population, h, f, profile, canceled)
    return raw, skipped


def _transfer_share(raw, skipped, geoms, present, population, hazards, facilities, profile, canceled) -> None:
    """The share of each unit's people at risk who have a shelter place within reach (core.evacuation, 第84条), into
    ``raw``; or the reason it is not assessed into ``skipped``."""
    import shapely

    zones = []
    if hazards is not None:
        zones += [z for z in (hazards.flood_zones if hazards.flood_zones is not None else []) if z is not None]
        zones += [z for z in (hazards.fault_zones if hazards.fault_zones is not None else []) if z is not None]
        if hazards.geohazards is not None:
            zones += list(
                shapely.buffer(
                    np.asarray([g for g in hazards.geohazards if g is not None], dtype=object),
                    1.0 * profile.value("evacuation.geohazard_radius"),
                )
            )
    if not zones:
        skipped["transfer_share"] = "no_hazard"
        return
    if facilities is None:
        skipped["transfer_share"] = "no_facilities"
        return
    if facilities.shelter_area is None or not (np.asarray(facilities.shelter_area) > 0).any():
        skipped["transfer_share"] = "no_shelter_area"
        return
    from .evacuation import unit_transfer_share

    raw["transfer_share"] = unit_transfer_share(
        np.where(present, geoms, None), np.asarray(population, dtype=float), zones, facilities, profile, canceled
    )


# ------------------------------------------------------------------ the entry point

UNIT_CLAUSES = "第50、51、52条"


@dataclass
class UnitScores:
    """What :func:`score_units` returns: the raw indicator values per unit (``raw``), the scores (``scores``, a
    :class:`Scores`), the targets (``goals``) and whether each unit meets them (``passed``: 1, 0 or NaN), the
    indicators not assessed and why (``skipped``, keys of NOT_ASSESSED), the output fields (``fields``: field, type,
    indicator key or '') and ``notes``. :meth:`columns` gives the output table, in the order of ``fields``."""

    raw: Dict[str, np.ndarray]
    scores: Scores
    goals: Dict[str, float]
    passed: Dict[str, np.ndarray]
    skipped: Dict[str, str]
    fields: List[tuple]
    measures: Dict[str, str]
    notes: list
    measures_zh: Optional[Dict[str, str]] = None

    def columns(self) -> Dict[str, list]:
        n = len(self.scores.score)
        rows = [
            output_row(self.raw, self.scores, self.passed, self.goals, self.measures, i, UNIT_CLAUSES, self.measures_zh) for i in range(n)
        ]
        return {f[0]: [row[j] for row in rows] for j, f in enumerate(self.fields)}


def score_units(
    units: Sequence,
    profile,
    population: Sequence[float],
    elderly: Optional[Sequence[float]] = None,
    old_buildings: Optional[Sequence[float]] = None,
    hazards=None,
    facilities=None,
    relative: bool = False,
    weights: Optional[Dict[str, Dict[str, float]]] = None,
    names: Optional[Sequence] = None,
    units_name: str = "units",
    canceled=None,
    essential_access: Optional[Sequence[float]] = None,
) -> UnitScores:
    """Risk scores of street/town units (韧性街镇单元, 第50–52条): hazard, vulnerability and capacity, a class, a
    rank, a type (第52条) with its measures, and each capacity indicator against the plan's target (第32、51条).

    All geometries are shapely geometries in one projected CRS in metres.

    - ``units``: polygons (None where a unit has none: its values stay empty); ``population`` one number per unit,
      ``elderly`` and ``old_buildings`` optional shares (0…1 or percentages);
    - ``hazards``: a :class:`.hazards.Hazards` (faults with their avoidance zones, flood zones by class, hazard
      points), or None;
    - ``facilities``: a :class:`.facilities.Facilities`, with their shelter area (m²) and hospital beds when known;
    - ``relative``: scale min–max over these units (a relative ranking) instead of the profile's fixed goalposts, so
      that scores do not depend on the other units; ``weights`` replace the profile's ``scoring.dimensions``;
    - ``names`` name units in notes (default: their index);
    - ``essential_access``: per unit, the share of the essential facility categories still reached after a
      corridor-failure scenario (:func:`scenario_access` of resilience:corridorfailure's units), a capacity
      indicator; None: not assessed.

    ``canceled()`` is checked (:class:`.cancel.Cancelled`). Raises :class:`ScoringError` when no indicator can be
    computed."""
    import shapely

    from .messages import Message, Note

    notes = []

    def note(level, template, *values):
        notes.append(Note(level, Message(template, *values)))

    geoms = np.asarray(list(units), dtype=object)
    n = len(geoms)
    present = ~shapely.is_missing(geoms)
    population = np.asarray(population, dtype=float)
    names = [str(v) for v in names] if names is not None else [str(i) for i in range(n)]
    _note_empty_units(note, geoms, present, population, names, units_name)
    raw, skipped = unit_indicators(geoms, profile, population, elderly, old_buildings, hazards, facilities, canceled, essential_access)
    # a unit without a polygon is not assessed: its indicators, score, class, rank and type are empty, never a 0
    # that ranks it (issue 29 §3); the others are scored among themselves
    raw = {k: np.where(present, v, np.nan) for k, v in raw.items()}
    try:
        result = score(
            {k: v[present] for k, v in raw.items()},
            weights or profile.value("scoring.dimensions"),
            profile.value("scoring.class_breaks"),
            profile.value("scoring.type_margin"),
            None if relative else goalposts(profile),
        )
    except ScoringError as exc:  # said with the layer's name
        raise ScoringError(Message(QT_TRANSLATE_NOOP("Core", "{0}: {1}"), units_name, exc.message)) from None
    if not present.all():
        result = _expanded(result, present)
    scored = int(present.sum())
    _note_scoring(note, result, skipped, relative, scored)
    if scored < n:
        said = QT_TRANSLATE_NOOP("Core", "{0}: {1} unit(s) without a polygon are not assessed (their values are NULL): {2}")
        note("warning", said, units_name, n - scored, ", ".join(names[i] for i in np.nonzero(~present)[0][:10].tolist()))
    goals = targets(profile)
    passed = passes(raw, goals)
    counts = [Message(CLASS_COUNTS[c], int((result.klass == c).sum())) for c in CLASSES]
    note("info", QT_TRANSLATE_NOOP("Core", "{0} units scored: {1}, {2}, {3}, {4}, {5}."), scored, *counts)
    fields = output_fields(result.used, passed)
    return UnitScores(
        raw, result, goals, passed, skipped, fields, profile.value("scoring.measures"), notes, profile.value("scoring.measures_zh")
    )


def _expanded(result: Scores, present: np.ndarray) -> Scores:
    """``result`` (the scores of the units ``present``) for every unit: the others not assessed (NaN, class, type and
    rank None)."""
    n = len(present)

    def spread(values, empty):
        out = np.full(n, empty, dtype=object if empty is None else float)
        out[present] = values
        return out

    formed = [""] * n
    for i, f in zip(np.nonzero(present)[0].tolist(), result.formed or [""] * int(present.sum())):
        formed[i] = f
    return Scores(
        {k: spread(v, np.nan) for k, v in result.normalised.items()},
        {k: spread(v, np.nan) for k, v in result.dimensions.items()},
        spread(result.score, np.nan),
        spread(result.klass, None),
        spread(result.rank, None),
        spread(result.unit_type, None),
        result.used,
        result.constant,
        result.scaling,
        formed,
    )


def _note_empty_units(note, geoms: np.ndarray, present: np.ndarray, population: np.ndarray, names: List[str], units_name: str) -> None:
    """Warn (through ``note(level, template, *values)``) of the units with no population and of those with no area,
    whose per-person indicators and densities are left empty."""
    import shapely

    n = len(geoms)
    zero = [names[i] for i in range(n) if not population[i] > 0]
    if zero:
        said = QT_TRANSLATE_NOOP("Core", "{0}: {1} unit(s) with zero or null population; their per-person indicators are left empty: {2}")
        note("warning", said, units_name, len(zero), ", ".join(zero[:10]))
    area = np.zeros(n)
    area[present] = shapely.area(geoms[present])
    flat = [names[i] for i in range(n) if area[i] <= 0]
    if flat:
        said = QT_TRANSLATE_NOOP("Core", "{0}: {1} unit(s) with no area; their densities are left empty: {2}")
        note("warning", said, units_name, len(flat), ", ".join(flat[:10]))


def _note_scoring(note, result: Scores, skipped: Dict[str, str], relative: bool, n: int) -> None:
    """Say (through ``note(level, template, *values)``) how the units were scored: the indicators equal for every
    unit, those used, those not assessed and why, and the scaling."""
    from .messages import Message

    if result.constant:
        note("warning", QT_TRANSLATE_NOOP("Core", "Indicator(s) equal for every unit, scored 0: {0}"), ", ".join(result.constant))
    note("info", QT_TRANSLATE_NOOP("Core", "Indicators used: {0}"), ", ".join(result.used))
    for k, why in skipped.items():
        note("info", QT_TRANSLATE_NOOP("Core", "Not assessed: {0}, because {1}."), Message(INDICATOR_NAMES[k]), Message(NOT_ASSESSED[why]))
    if relative:
        note("info", QT_TRANSLATE_NOOP("Core", "Scaling: min–max over the {0} units of this run (a relative ranking)."), n)
    else:
        said = QT_TRANSLATE_NOOP(
            "Core", "Scaling: fixed goalposts of the profile (scoring.goalposts); scores do not depend on the other units."
        )
        note("info", said)


def scenario_access(units: Sequence, points: Sequence, reached_before: Sequence[int], reached_after: Sequence[int]) -> np.ndarray:
    """Per unit polygon, the share of the essential facility categories reached before a corridor-failure scenario
    that are still reached after it: from the scenario's units (``points`` inside them, with how many categories each
    reached before and after), the worst over the scenarios that cover the unit (第48、65条). NaN where no scenario
    point lies in the unit, or it reached no category before."""
    from .dossier import point_owner

    units = np.asarray(list(units), dtype=object)
    owner = point_owner(units, np.asarray(list(points), dtype=object))
    before = np.asarray(reached_before, dtype=float)
    after = np.asarray(reached_after, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(before > 0, np.minimum(after, before) / before, np.nan)
    out = np.full(len(units), np.nan)
    for i, v in zip(owner.tolist(), share.tolist()):
        if i >= 0 and v == v:
            out[i] = v if out[i] != out[i] else min(out[i], v)
    return out
