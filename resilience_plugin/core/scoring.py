"""Street/town unit scoring (韧性街镇单元能力评估, 第51–52条), on the INFORM structure.

Three dimensions (第51条): the danger of hazards (致灾因子风险性), the vulnerability of what is exposed
(承灾体脆弱性) and the effectiveness of rescue capacity (救灾能力有效性). Each indicator is normalised min–max to
0–10 over the units (after log(1 + x) for the skewed ones, marked ``log``); a dimension is the weighted
arithmetic mean of its indicators; the overall score is the geometric mean of hazard, vulnerability and the lack of
capacity (10 − capacity):

    score = (H · V · (10 − C)) ** (1/3)

Five classes by the profile's breaks; rank 1 is the highest score. The type (第52条) is the dimension that leads:
the largest of H, V and 10 − C when it exceeds the next by the profile's margin, otherwise balanced.

Pure numpy: indicator values are computed by the caller (the Processing adapter or the dock), so that a weight edit
recomputes in milliseconds from the cached raw values.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np

from .messages import QT_TRANSLATE_NOOP, CoreError

# indicator -> (dimension, higher is worse?, log transform?)
INDICATORS: Dict[str, tuple] = {
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
}
DIMENSIONS = ("hazard", "vulnerability", "capacity")
CLASSES = ("very low", "low", "medium", "high", "very high")
CLASSES_ZH = {"very low": "很低", "low": "低", "medium": "中", "high": "高", "very high": "很高"}
TYPES = ("hazard-led", "vulnerability-led", "capacity-gap", "balanced")
TYPES_ZH = {"hazard-led": "致灾主导型", "vulnerability-led": "脆弱主导型", "capacity-gap": "能力短板型", "balanced": "均衡型"}


# indicator -> output field of resilience:scoreunits (10 characters at most, for shapefiles); the score, target and
# pass fields replace the leading "i" with "s", "t" and "ok"
FIELDS = {
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
    constant: List[str] = field(default_factory=list)  # indicators equal for every unit (scored 0)


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


def score(raw: Dict[str, np.ndarray], weights: Dict[str, Dict[str, float]], breaks: List[float], type_margin: float) -> Scores:
    """Scores from raw indicator values (only the indicators present in ``raw`` are used)."""
    used = [k for k in INDICATORS if k in raw]
    if not used:
        raise ScoringError(QT_TRANSLATE_NOOP("Core", "no indicator could be computed: give at least one of the optional layers or fields"))
    n = len(next(iter(raw.values())))
    normalised, constant = {}, []
    for k in used:
        _dim, worse, log = INDICATORS[k]
        s, flat = normalise(raw[k], log)
        normalised[k] = s
        if flat:
            constant.append(k)
    dims = {}
    for dim in DIMENSIONS:
        keys = [k for k in used if INDICATORS[k][0] == dim]
        w = np.array([float(weights.get(dim, {}).get(k, 0.0)) for k in keys])
        if not keys:
            dims[dim] = np.full(n, np.nan)
            continue
        if w.sum() <= 0:
            raise ScoringError(
                QT_TRANSLATE_NOOP("Core", "the weights of dimension '{0}' sum to zero for the indicators used ({1})"), dim, ", ".join(keys)
            )
        stack = np.vstack([normalised[k] for k in keys])
        mask = np.isfinite(stack)
        ws = (w[:, None] * mask).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            dims[dim] = np.where(ws > 0, (np.nan_to_num(stack) * w[:, None]).sum(axis=0) / ws, np.nan)
    h, v, c = dims["hazard"], dims["vulnerability"], dims["capacity"]
    lack = 10.0 - c
    parts = [x for x in (h, v, lack) if np.isfinite(x).any()]
    if not parts:
        raise ScoringError(
            QT_TRANSLATE_NOOP("Core", "no unit has a value for any indicator used ({0}): check the population and the input layers"),
            ", ".join(used),
        )
    with np.errstate(invalid="ignore"):
        total = np.prod(np.vstack([np.nan_to_num(x) for x in parts]), axis=0) ** (1.0 / len(parts))
    klass = np.array([CLASSES[int(np.searchsorted(breaks, s, side="right"))] for s in total], dtype=object)
    order = np.argsort(-total, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    lead = np.vstack([np.nan_to_num(h, nan=-1), np.nan_to_num(v, nan=-1), np.nan_to_num(lack, nan=-1)])
    top = np.argsort(-lead, axis=0, kind="stable")
    first = lead[top[0], np.arange(n)]
    second = lead[top[1], np.arange(n)]
    names = np.array(["hazard-led", "vulnerability-led", "capacity-gap"], dtype=object)
    unit_type = np.where(first - second >= type_margin, names[top[0]], "balanced").astype(object)
    return Scores(normalised, dims, total, klass, rank, unit_type, used, constant)


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
) -> Dict[str, np.ndarray]:
    """Raw indicator values per unit from whichever inputs are given (None: that input is missing)."""
    import shapely

    from .dossier import area_share, point_owner, sums

    units = np.asarray(list(units), dtype=object)
    n = len(units)
    area_km2 = shapely.area(units) / 1e6
    pop = np.asarray(population, dtype=float)
    raw: Dict[str, np.ndarray] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        raw["population_density"] = np.where(area_km2 > 0, pop / area_km2, np.nan)
        if elderly is not None:
            raw["elderly_share"] = np.asarray(elderly, dtype=float)
        if old_buildings is not None:
            raw["old_building_share"] = np.asarray(old_buildings, dtype=float)
        if fault_zones is not None:
            raw["fault_share"] = area_share(units, fault_zones)
        if flood_zones is not None:
            zones = np.asarray(list(flood_zones), dtype=object)
            w = np.ones(len(zones)) if flood_weights is None else np.asarray(flood_weights, dtype=float)
            # class-weighted share: each class's share of the area times its weight, higher classes counted first
            total = np.zeros(n)
            covered = np.zeros(n)
            for weight in sorted(set(w.tolist()), reverse=True):
                share = area_share(units, zones[w >= weight])
                total += weight * np.maximum(share - covered, 0.0)
                covered = np.maximum(covered, share)
            raw["flood_share"] = total
        if geohazards is not None:
            count = sums(point_owner(units, geohazards), n)
            raw["geohazard_density"] = np.where(area_km2 > 0, count / area_km2, np.nan)
        if facilities is not None and categories is not None:
            points = np.asarray(list(facilities), dtype=object)
            cats = np.asarray([c or "" for c in categories], dtype=object)
            owner = point_owner(units, points)
            if shelter_area is not None:
                raw["shelter_per_person"] = np.where(pop > 0, sums(owner, n, shelter_area) / pop, np.nan)
                conv = np.isin(cats, list(conversion))
                raw["conversion_per_person"] = np.where(pop > 0, sums(owner, n, shelter_area, mask=conv) / pop, np.nan)
            if beds is not None:
                raw["beds_per_1000"] = np.where(pop > 0, sums(owner, n, beds) / pop * 1000.0, np.nan)
            raw["police_presence"] = sums(owner, n, mask=cats == "police_station")
            fire = points[(cats == "fire_station") & ~shapely.is_missing(points)]
            raw["fire_coverage"] = area_share(units, shapely.buffer(fire, fire_reach, quad_segs=8)) if len(fire) else np.zeros(n)
    return raw


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
    ("indicators", "text"),
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


def output_row(raw, result: "Scores", ok, goals, measures: Dict[str, str], i: int, clauses: str) -> list:
    """The values of unit ``i`` in the order of :func:`output_fields`. The measures are the type's, then one per
    target the unit fails."""

    def num(v, digits=4):
        return None if not np.isfinite(v) else round(float(v), digits)

    values, failing = [], []
    for k in result.used:
        values += [num(raw[k][i]), num(result.normalised[k][i], 3)]
        if k in ok:
            passed = ok[k][i]
            values += [float(goals[k]), None if not np.isfinite(passed) else int(passed)]
            if passed == 0 and k in measures:
                failing.append(measures[k])
    kind = result.unit_type[i]
    return values + [
        num(result.dimensions["hazard"][i], 3),
        num(result.dimensions["vulnerability"][i], 3),
        num(result.dimensions["capacity"][i], 3),
        num(result.score[i], 3),
        result.klass[i],
        CLASSES_ZH[result.klass[i]],
        int(result.rank[i]),
        kind,
        TYPES_ZH[kind],
        "; ".join([measures[kind]] + failing),
        ", ".join(result.used),
        clauses,
    ]
