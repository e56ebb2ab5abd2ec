"""The plan profile: every number the plan and its standards give, with unit and source.

The profile is a JSON file (``resources/profiles/beijing_2022_2035.json``). Each value
is a *quantity*::

    {"value": 1000, "unit": "m", "source": "第12条、第53条", "confidence": "plan"}

:func:`load_profile` reads and validates a profile. Any problem raises
:class:`ProfileError`, whose message and ``key`` attribute name the dotted key at
fault (for example ``life_circle.radius_min.value``). Users edit a copy with
:meth:`PlanProfile.with_value` and write it with :meth:`PlanProfile.save`.
"""

import copy
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Union

from .messages import QT_TRANSLATE_NOOP, CoreError, Message
from .paths import default_profile_path

FORMAT_VERSION = 1
CONFIDENCE_LEVELS = ("A", "B", "C", "plan", "assumption")
# the confidence levels as a Chinese log says them
CONFIDENCE_ZH = {"A": "A", "B": "B", "C": "C", "plan": "规划", "assumption": "假设"}
SEISMIC_CLASSES = ("甲", "乙", "丙", "丁")


class ProfileError(CoreError):
    """A profile that cannot be used; ``key`` is the dotted key at fault."""

    def __init__(self, key: str, message: Message, path: Optional[Union[str, Path]] = None):
        self.key = key
        self.path = str(path) if path else None
        if self.path:
            whole = Message(QT_TRANSLATE_NOOP("Core", "Plan profile key '{0}' in {1}: {2}"), key, self.path, message)
        else:
            whole = Message(QT_TRANSLATE_NOOP("Core", "Plan profile key '{0}': {1}"), key, message)
        super().__init__(whole)


@dataclass(frozen=True)
class Quantity:
    key: str
    value: Any
    unit: str
    source: str
    confidence: str
    source_zh: str = ""  # the source in Chinese, where the profile gives one (optional)


# ---------------------------------------------------------------- value checks


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _number(lo: float = -math.inf, hi: float = math.inf) -> Callable[[Any], Optional[Message]]:
    def check(v: Any) -> Optional[Message]:
        if not _is_number(v):
            return Message(QT_TRANSLATE_NOOP("Core", "expected a number, got {0} {1}"), type(v).__name__, repr(v))
        if not lo <= v <= hi:
            return Message(QT_TRANSLATE_NOOP("Core", "{0} is outside the allowed range {1}..{2}"), v, lo, hi)
        return None

    return check


def _integer(lo: int = 0, hi: int = 10**9) -> Callable[[Any], Optional[Message]]:
    def check(v: Any) -> Optional[Message]:
        if not isinstance(v, int) or isinstance(v, bool):
            return Message(QT_TRANSLATE_NOOP("Core", "expected a whole number, got {0} {1}"), type(v).__name__, repr(v))
        if not lo <= v <= hi:
            return Message(QT_TRANSLATE_NOOP("Core", "{0} is outside the allowed range {1}..{2}"), v, lo, hi)
        return None

    return check


def _text(v: Any) -> Optional[Message]:
    if not isinstance(v, str) or not v.strip():
        return Message(QT_TRANSLATE_NOOP("Core", "expected non-empty text, got {0} {1}"), type(v).__name__, repr(v))
    return None


def _one_of(*choices: str) -> Callable[[Any], Optional[Message]]:
    def check(v: Any) -> Optional[Message]:
        if v not in choices:
            return Message(QT_TRANSLATE_NOOP("Core", "expected one of {0}, got {1}"), ", ".join(choices), repr(v))
        return None

    return check


def _text_list(v: Any) -> Optional[Message]:
    if not isinstance(v, list) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a non-empty list of text, got {0}"), type(v).__name__)
    for i, item in enumerate(v):
        if not isinstance(item, str) or not item.strip():
            return Message(QT_TRANSLATE_NOOP("Core", "item {0} is {1}, expected text"), i, repr(item))
    return None


def _number_map(lo: float = 0, hi: float = math.inf, allow_null: bool = False):
    def check(v: Any) -> Optional[Message]:
        if not isinstance(v, dict) or not v:
            return Message(QT_TRANSLATE_NOOP("Core", "expected a non-empty mapping, got {0}"), type(v).__name__)
        for k, item in v.items():
            if item is None and allow_null:
                continue
            err = _number(lo, hi)(item)
            if err:
                return Message(QT_TRANSLATE_NOOP("Core", "entry '{0}': {1}"), k, err)
        return None

    return check


def _avoidance_table(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from intensity to building class distances"))
    for intensity, row in v.items():
        if not str(intensity).isdigit():
            return Message(QT_TRANSLATE_NOOP("Core", "intensity '{0}' must be a whole number such as \"8\""), intensity)
        if not isinstance(row, dict):
            return Message(QT_TRANSLATE_NOOP("Core", "intensity '{0}': expected a mapping of classes 甲/乙/丙/丁"), intensity)
        missing = [c for c in SEISMIC_CLASSES if c not in row]
        if missing:
            return Message(QT_TRANSLATE_NOOP("Core", "intensity '{0}' lacks building class(es) {1}"), intensity, ", ".join(missing))
        err = _number_map(0, 5000, allow_null=True)(row)
        if err:
            return Message(QT_TRANSLATE_NOOP("Core", "intensity '{0}', {1}"), intensity, err)
    return None


def _class_map(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from facility category to building class"))
    for k, c in v.items():
        if c not in SEISMIC_CLASSES:
            return Message(
                QT_TRANSLATE_NOOP("Core", "category '{0}' has class {1}; expected one of {2}"), k, repr(c), "/".join(SEISMIC_CLASSES)
            )
    return None


def _grades(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from grade to its definition"))
    for g, d in v.items():
        if not isinstance(d, dict):
            return Message(QT_TRANSLATE_NOOP("Core", "grade '{0}': expected a mapping with name, name_zh, min_width"), g)
        for field in ("name", "name_zh"):
            if _text(d.get(field)):
                return Message(QT_TRANSLATE_NOOP("Core", "grade '{0}' lacks text '{1}'"), g, field)
        err = _number(0, 200)(d.get("min_width"))
        if err:
            return Message(QT_TRANSLATE_NOOP("Core", "grade '{0}', min_width: {1}"), g, err)
    return None


def _dimensions(v: Any) -> Optional[Message]:
    if not isinstance(v, dict):
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping of dimensions"))
    for dim in ("hazard", "vulnerability", "capacity"):
        if dim not in v:
            return Message(QT_TRANSLATE_NOOP("Core", "lacks dimension '{0}'"), dim)
        err = _number_map(0, 1000)(v[dim])
        if err:
            return Message(QT_TRANSLATE_NOOP("Core", "dimension '{0}', {1}"), dim, err)
        if sum(v[dim].values()) <= 0:
            return Message(QT_TRANSLATE_NOOP("Core", "dimension '{0}' has no positive weight"), dim)
    return None


def _breaks(v: Any) -> Optional[Message]:
    if not isinstance(v, list) or len(v) != 4:
        return Message(QT_TRANSLATE_NOOP("Core", "expected four class breaks (five classes)"))
    for b in v:
        err = _number(0, 10)(b)
        if err:
            return err
    if any(b2 <= b1 for b1, b2 in zip(v, v[1:])):
        return Message(QT_TRANSLATE_NOOP("Core", "breaks {0} must increase strictly"), v)
    return None


def _severity_weights(v: Any) -> Optional[Message]:
    err = _number_map(0, 100)(v)
    if err:
        return err
    missing = [k for k in ("grade", "angle", "exposure") if k not in v]
    if missing:
        return Message(QT_TRANSLATE_NOOP("Core", "lacks weight(s) {0}"), ", ".join(missing))
    if sum(v[k] for k in ("grade", "angle", "exposure")) <= 0:
        return Message(QT_TRANSLATE_NOOP("Core", "needs at least one positive weight"))
    return None


def _text_map(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a non-empty mapping of texts"))
    for k, item in v.items():
        if _text(item):
            return Message(QT_TRANSLATE_NOOP("Core", "entry '{0}' is not text"), k)
    return None


def _objective_weights(v: Any) -> Optional[Message]:
    err = _number_map(0, 1000)(v)
    if err:
        return err
    names = ("balance", "lifeline", "compactness", "facilities", "bounds")
    missing = [k for k in names if k not in v]
    extra = [k for k in v if k not in names]
    if missing or extra:
        return Message(
            QT_TRANSLATE_NOOP("Core", "expected the weights {0}; lacks: {1}; unknown: {2}"),
            ", ".join(names),
            ", ".join(missing) or "-",
            ", ".join(extra) or "-",
        )
    return None


def _grade_factors(v: Any) -> Optional[Message]:
    err = _number_map(0, 1)(v)
    if err:
        return err
    missing = [k for k in ("1", "2", "3", "unknown") if k not in v]
    return Message(QT_TRANSLATE_NOOP("Core", "lacks factor(s) for {0}"), ", ".join(missing)) if missing else None


def _two_breaks(v: Any) -> Optional[Message]:
    if not isinstance(v, list) or len(v) != 2:
        return Message(QT_TRANSLATE_NOOP("Core", "expected two breaks (low/medium, medium/high)"))
    for b in v:
        err = _number(0, 100)(b)
        if err:
            return err
    return None if v[0] < v[1] else Message(QT_TRANSLATE_NOOP("Core", "breaks {0} must increase"), v)


def _categories(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from category code to its names"))
    for code, d in v.items():
        if not code.isidentifier() or code != code.lower():
            return Message(QT_TRANSLATE_NOOP("Core", "category code '{0}' must be lower_case_with_underscores"), code)
        if not isinstance(d, dict):
            return Message(QT_TRANSLATE_NOOP("Core", "category '{0}': expected a mapping with name, name_zh, clauses"), code)
        for field in ("name", "name_zh", "clauses"):
            if _text(d.get(field)):
                return Message(QT_TRANSLATE_NOOP("Core", "category '{0}' lacks text '{1}'"), code, field)
    return None


def _days(v: Any) -> Optional[Message]:
    err = _number_map(0, 365)(v)
    if err:
        return err
    for level in ("family", "community", "cluster"):
        if level not in v:
            return Message(QT_TRANSLATE_NOOP("Core", "lacks level '{0}'"), level)
    return None


def _label_lists(pattern: str = "", what: str = "") -> Callable[[Any], Optional[Message]]:
    """A mapping from category code to a list of labels (each matching ``pattern`` when given)."""
    import re

    def check(v: Any) -> Optional[Message]:
        if not isinstance(v, dict):
            return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from category code to a list of labels"))
        for code, items in v.items():
            if not isinstance(items, list):
                return Message(QT_TRANSLATE_NOOP("Core", "category '{0}': expected a list"), code)
            for item in items:
                if not isinstance(item, str) or not item.strip() or (pattern and not re.fullmatch(pattern, item)):
                    return Message(QT_TRANSLATE_NOOP("Core", "category '{0}': {1} is not {2}"), code, repr(item), what or "text")
        return None

    return check


def _goalposts(v: Any) -> Optional[Message]:
    if not isinstance(v, dict) or not v:
        return Message(QT_TRANSLATE_NOOP("Core", "expected a mapping from indicator to its goalposts"))
    for k, d in v.items():
        if not isinstance(d, dict) or _text(d.get("source")):
            return Message(QT_TRANSLATE_NOOP("Core", "indicator '{0}': expected lo, hi, log and a source"), k)
        err = _number(-1e9, 1e9)(d.get("lo"))
        if err:
            return Message(QT_TRANSLATE_NOOP("Core", "indicator '{0}', lo: {1}"), k, err)
        if d.get("hi") != "target":
            err = _number(-1e9, 1e9)(d.get("hi"))
            if err:
                return Message(QT_TRANSLATE_NOOP("Core", "indicator '{0}', hi: {1}"), k, err)
            if d["hi"] <= d["lo"]:
                return Message(QT_TRANSLATE_NOOP("Core", "indicator '{0}': hi {1} must be above lo {2}"), k, d["hi"], d["lo"])
        if not isinstance(d.get("log", False), bool):
            return Message(QT_TRANSLATE_NOOP("Core", "indicator '{0}': log must be true or false"), k)
    return None


def _keywords(v: Any) -> Optional[Message]:
    if not isinstance(v, list):
        return Message(QT_TRANSLATE_NOOP("Core", "expected a list of [keyword, category] pairs"))
    for i, pair in enumerate(v):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) and x.strip() for x in pair)):
            return Message(QT_TRANSLATE_NOOP("Core", "item {0} is {1}, expected [keyword, category]"), i, repr(pair))
    return None


# dotted key -> (unit, value check). Every key here must be present, except those of OPTIONAL_KEYS.
SCHEMA: Dict[str, Tuple[str, Callable[[Any], Optional[Message]]]] = {
    "life_circle.radius_min": ("m", _number(100, 10000)),
    "life_circle.radius_max": ("m", _number(100, 10000)),
    "life_circle.radius_default": ("m", _number(100, 10000)),
    "life_circle.walking_speed": ("m/min", _number(10, 200)),
    "life_circle.snap_tolerance": ("m", _number(0, 5000)),
    "life_circle.catchment_half_width": ("m", _number(0, 1000)),
    "life_circle.required_categories": ("category", _text_list),
    "shelter.area_per_person_target": ("m2/person", _number(0, 100)),
    "shelter.capacity_share_target": ("ratio", _number(0, 1)),
    "shelter.fixed_shelter_share_min": ("ratio", _number(0, 1)),
    "shelter.emergency_walk_distance": ("m", _number(0, 10000)),
    "shelter.short_term_walk_distance": ("m", _number(0, 20000)),
    "shelter.long_term_walk_distance": ("m", _number(0, 20000)),
    "shelter.area_per_person_by_period": ("m2/person", _number_map(0, 100)),
    "shelter.refuge_days": ("d", _number_map(0, 365)),
    "shelter.long_term_min_area": ("m2", _number(0, 1e8)),
    "shelter.short_term_min_area": ("m2", _number(0, 1e8)),
    "fire.response_time": ("min", _number(0, 120)),
    "fire.proxy_speed": ("km/h", _number(1, 200)),
    "fire.proxy_distance": ("m", _number(0, 100000)),
    "fire.district_area_max": ("km2", _number(0, 1000)),
    "fire.district_area_max_suburban": ("km2", _number(0, 1000)),
    "police.stations_per_unit_min": ("count", _integer(0, 100)),
    "police.proxy_distance": ("m", _number(0, 100000)),
    "health.beds_per_1000_target": ("beds/1000 persons", _number(0, 100)),
    "health.hospital_service_distance": ("m", _number(0, 100000)),
    "siting.time_limit": ("s", _number(1, 86400)),
    "seismic.design_intensity": ("intensity", _integer(6, 9)),
    "seismic.avoidance_distance_default": ("m", _number(0, 5000)),
    "seismic.avoidance_distance": ("m", _avoidance_table),
    "seismic.class_by_category": ("class", _class_map),
    "seismic.class_a_screening_distance": ("m", _number_map(0, 5000)),
    "seismic.avoidance_measure": ("text", _text),
    "seismic.fault_avoidance_rule": ("rule", _one_of("plan", "code")),
    "corridors.grades": ("m", _grades),
    "corridors.fault_crossing_measure": ("text", _text),
    "corridors.fault_along_measure": ("text", _text),
    "corridors.waterlogging_measure": ("text", _text),
    "corridors.connectivity_measure": ("text", _text),
    "corridors.measures_zh": ("text", _text_map),
    "corridor_failure.essential_categories": ("category", _text_list),
    "corridor_failure.bypass_search": ("m", _number(100, 200000)),
    "corridor_failure.damage_width": ("m", _number(0, 1000)),
    "corridors.severity_weights": ("weight", _severity_weights),
    "corridors.severity_grade_factor": ("factor 0-1", _grade_factors),
    "corridors.severity_exposure_reference": ("ratio", _number(0.1, 100)),
    "corridors.severity_breaks": ("score 0-100", _two_breaks),
    "reserves.three_threes": ("d", _days),
    "reserves.depot_service_distance": ("m", _number(0, 100000)),
    "clusters.target_count": ("count", _integer(1, 10000)),
    "clusters.required_categories": ("category", _text_list),
    "clusters.lifeline_systems": ("system", _text_list),
    "clusters.adjacency_tolerance": ("m", _number(0, 1000)),
    "clusters.min_shared_boundary": ("m", _number(0, 10000)),
    "clusters.objective_weights": ("weight", _objective_weights),
    "clusters.max_passes": ("count", _integer(0, 10000)),
    "street_units.required_categories": ("category", _text_list),
    "street_units.conversion_categories": ("category", _text_list),
    "scoring.dimensions": ("weight", _dimensions),
    "scoring.goalposts": ("indicator unit", _goalposts),
    "scoring.class_breaks": ("score 0-10", _breaks),
    "scoring.flood_class_weights": ("weight", _number_map(0, 100)),
    "scoring.fire_coverage_target": ("ratio", _number(0, 1)),
    "scoring.type_margin": ("score 0-10", _number(0, 10)),
    "scoring.measures": ("text", _text_map),
    "scoring.measures_zh": ("text", _text_map),
    "population.piece_size": ("m", _number(10, 5000)),
    "population.raster_mismatch_share": ("ratio", _number(0, 10)),
    "population.last_mile_max": ("m", _number(0, 100000)),
    "quality.left_out_max_share": ("ratio", _number(0, 1)),
    "evacuation.evacuate_depth": ("m", _number(0, 100)),
    "evacuation.depth_max_plausible": ("m", _number(1, 1000)),
    "evacuation.road_closed_depth": ("m", _number_map(0, 100)),
    "evacuation.walk_speed": ("m/min", _number(1, 500)),
    "evacuation.drive_speed": ("km/h", _number_map(1, 200)),
    "evacuation.capacity_per_metre": ("persons/h per m of width", _number(1, 100000)),
    "evacuation.clear_time_target": ("min", _number(1, 10000)),
    "evacuation.geohazard_radius": ("m", _number(0, 10000)),
    "facility_categories": ("category", _categories),
    "facility_labels.labels": ("label", _label_lists()),
    "facility_labels.osm_tags": ("tag", _label_lists(r"[^=\s]+=[^=]+", "key=value")),
    "facility_labels.amap_typecodes": ("typecode prefix", _label_lists(r"\d{1,6}", "one to six digits")),
    "facility_labels.keywords": ("keyword", _keywords),
    "facility_labels.class_unknown": ("label", _text_list),
}
# keys added after format 1 was first published: a profile saved without them takes them from the built-in profile
OPTIONAL_KEYS = (
    "scoring.goalposts",
    "scoring.measures_zh",
    "shelter.short_term_walk_distance",
    "shelter.long_term_walk_distance",
    "health.hospital_service_distance",
    "siting.time_limit",
    "reserves.depot_service_distance",
    "corridors.connectivity_measure",
    "corridors.measures_zh",
    "corridor_failure.essential_categories",
    "corridor_failure.bypass_search",
    "corridor_failure.damage_width",
    "population.piece_size",
    "population.raster_mismatch_share",
    "population.last_mile_max",
    "quality.left_out_max_share",
    "seismic.fault_avoidance_rule",
    "evacuation.evacuate_depth",
    "evacuation.depth_max_plausible",
    "evacuation.road_closed_depth",
    "evacuation.walk_speed",
    "evacuation.drive_speed",
    "evacuation.capacity_per_metre",
    "evacuation.clear_time_target",
    "evacuation.geohazard_radius",
    # entries added inside existing tables (a profile saved before has the table without them)
    "scoring.dimensions.value.capacity.essential_access",
    "scoring.goalposts.value.essential_access",
    "scoring.dimensions.value.capacity.transfer_share",
    "scoring.goalposts.value.transfer_share",
    "facility_labels.labels",
    "facility_labels.osm_tags",
    "facility_labels.amap_typecodes",
    "facility_labels.keywords",
)

CATEGORY_LIST_KEYS = (
    "life_circle.required_categories",
    "clusters.required_categories",
    "street_units.required_categories",
    "street_units.conversion_categories",
    "corridor_failure.essential_categories",
)


# --------------------------------------------------------------------- profile


class PlanProfile:
    """A validated plan profile. Read values with :meth:`value`."""

    def __init__(self, data: Dict[str, Any], path: Optional[Union[str, Path]] = None):
        self.path = Path(path) if path else None
        data = _with_optional_keys(data)
        validate(data, path)
        self._data = copy.deepcopy(data)

    # -- reading
    @property
    def id(self) -> str:
        return self._data["profile"]["id"]

    @property
    def title(self) -> str:
        return self._data["profile"]["title"]

    @property
    def title_zh(self) -> str:
        return self._data["profile"]["title_zh"]

    def quantity(self, key: str) -> Quantity:
        if key not in SCHEMA:
            raise KeyError(f"'{key}' is not a plan profile key")
        node = _lookup(self._data, key)
        return Quantity(key, copy.deepcopy(node["value"]), node["unit"], node["source"], node["confidence"], node.get("source_zh", ""))

    def source(self, key: str, chinese: bool = False) -> str:
        """Where ``key``'s value comes from: in Chinese when ``chinese`` and the profile gives ``source_zh``."""
        q = self.quantity(key)
        return q.source_zh if chinese and q.source_zh else q.source

    def value(self, key: str) -> Any:
        return self.quantity(key).value

    def quantities(self) -> Iterator[Quantity]:
        for key in SCHEMA:
            yield self.quantity(key)

    @property
    def categories(self) -> Dict[str, Dict[str, str]]:
        return self.value("facility_categories")

    def category_label(self, code: str, chinese: bool = False) -> str:
        d = self.categories.get(code)
        if d is None:
            return code
        return d["name_zh"] if chinese else d["name"]

    def as_dict(self) -> Dict[str, Any]:
        return copy.deepcopy(self._data)

    # -- editing a copy
    def with_value(self, key: str, value: Any) -> "PlanProfile":
        """A new profile with one value changed; validated before it is returned."""
        data = self.as_dict()
        _lookup(data, key)["value"] = value
        return PlanProfile(data)

    def save(self, path: Union[str, Path]) -> Path:
        path = Path(path)
        text = json.dumps(self._data, ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")
        return path


def _lookup(data: Dict[str, Any], key: str) -> Dict[str, Any]:
    node: Any = data
    for part in key.split("."):
        node = node[part]
    return node


def _has(data: Any, key: str) -> bool:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _with_optional_keys(data: Any) -> Any:
    """``data`` with the OPTIONAL_KEYS it lacks taken from the built-in profile (a profile saved by an older version)."""
    if not isinstance(data, dict):
        return data
    missing = []
    # a whole section of required keys missing is an error to name, not one to fill in
    required = {k.split(".")[0] for k in SCHEMA if k not in OPTIONAL_KEYS}
    for key in OPTIONAL_KEYS:
        if key.split(".")[0] in required and key.split(".")[0] not in data:
            continue
        if key not in SCHEMA and not _has(data, key.rsplit(".", 1)[0]):
            continue  # an entry inside a table the profile does not have: the table is named, or filled, as a whole
        node: Any = data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                missing.append(key)
                break
            node = node[part]
    if not missing:
        return data
    builtin = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for key in missing:
        *parents, last = key.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = _lookup(builtin, key)
    return data


def validate(data: Any, path: Optional[Union[str, Path]] = None) -> None:
    """Raise :class:`ProfileError` naming the first key that is missing or wrong."""
    if not isinstance(data, dict):
        raise ProfileError("(top level)", Message(QT_TRANSLATE_NOOP("Core", "expected a JSON object")), path)
    header = data.get("profile")
    if not isinstance(header, dict):
        raise ProfileError("profile", Message(QT_TRANSLATE_NOOP("Core", "missing header section")), path)
    for field in ("id", "title", "title_zh"):
        if _text(header.get(field)):
            raise ProfileError(f"profile.{field}", Message(QT_TRANSLATE_NOOP("Core", "missing or not text")), path)
    if header.get("format_version") != FORMAT_VERSION:
        raise ProfileError(
            "profile.format_version",
            Message(QT_TRANSLATE_NOOP("Core", "is {0}; this plugin reads format {1}"), repr(header.get("format_version")), FORMAT_VERSION),
            path,
        )
    for key, (unit, check) in SCHEMA.items():
        node: Any = data
        walked = []
        for part in key.split("."):
            walked.append(part)
            if not isinstance(node, dict) or part not in node:
                raise ProfileError(".".join(walked), Message(QT_TRANSLATE_NOOP("Core", "is missing")), path)
            node = node[part]
        if not isinstance(node, dict) or "value" not in node:
            raise ProfileError(key, Message(QT_TRANSLATE_NOOP("Core", "must be an object with value, unit, source and confidence")), path)
        for field in ("unit", "source", "confidence"):
            if _text(node.get(field)):
                raise ProfileError(f"{key}.{field}", Message(QT_TRANSLATE_NOOP("Core", "is missing or not text")), path)
        if "source_zh" in node and _text(node["source_zh"]):
            raise ProfileError(f"{key}.source_zh", Message(QT_TRANSLATE_NOOP("Core", "is missing or not text")), path)
        if node["unit"] != unit:
            raise ProfileError(f"{key}.unit", Message(QT_TRANSLATE_NOOP("Core", "is '{0}', expected '{1}'"), node["unit"], unit), path)
        if node["confidence"] not in CONFIDENCE_LEVELS:
            raise ProfileError(
                f"{key}.confidence",
                Message(QT_TRANSLATE_NOOP("Core", "is '{0}', expected one of {1}"), node["confidence"], ", ".join(CONFIDENCE_LEVELS)),
                path,
            )
        err = check(node["value"])
        if err:
            raise ProfileError(f"{key}.value", err, path)
    _cross_checks(data, path)


def _cross_checks(data: Dict[str, Any], path) -> None:
    def v(key):
        return _lookup(data, key)["value"]

    lo, hi, default = v("life_circle.radius_min"), v("life_circle.radius_max"), v("life_circle.radius_default")
    if lo > hi:
        raise ProfileError(
            "life_circle.radius_min.value", Message(QT_TRANSLATE_NOOP("Core", "{0} m exceeds radius_max {1} m"), lo, hi), path
        )
    if not lo <= default <= hi:
        raise ProfileError(
            "life_circle.radius_default.value", Message(QT_TRANSLATE_NOOP("Core", "{0} m is outside {1}-{2} m"), default, lo, hi), path
        )
    known = set(v("facility_categories"))
    for key in CATEGORY_LIST_KEYS:
        for item in v(key):
            for code in item.split("|"):
                if code not in known:
                    raise ProfileError(
                        f"{key}.value", Message(QT_TRANSLATE_NOOP("Core", "category '{0}' is not in facility_categories"), code), path
                    )
    for code in v("seismic.class_by_category"):
        if code not in known:
            raise ProfileError(
                "seismic.class_by_category.value",
                Message(QT_TRANSLATE_NOOP("Core", "category '{0}' is not in facility_categories"), code),
                path,
            )
    for key in ("facility_labels.labels", "facility_labels.osm_tags", "facility_labels.amap_typecodes"):
        for code in v(key):
            if code not in known:
                raise ProfileError(
                    f"{key}.value", Message(QT_TRANSLATE_NOOP("Core", "category '{0}' is not in facility_categories"), code), path
                )
    for keyword, code in v("facility_labels.keywords"):
        if code not in known and code != "other":
            raise ProfileError(
                "facility_labels.keywords.value",
                Message(QT_TRANSLATE_NOOP("Core", "keyword '{0}': category '{1}' is not in facility_categories"), keyword, code),
                path,
            )
    intensity = str(v("seismic.design_intensity"))
    if intensity not in v("seismic.avoidance_distance"):
        raise ProfileError(
            "seismic.avoidance_distance.value",
            Message(QT_TRANSLATE_NOOP("Core", "has no row for the design intensity {0}"), intensity),
            path,
        )


_LOADED: Dict[Tuple[str, str], PlanProfile] = {}  # (path, text) -> its profile: a profile never changes once made


def load_profile(path: Optional[Union[str, Path]] = None) -> PlanProfile:
    """Load and validate a profile; the built-in Beijing profile when ``path`` is None. The file is read each time;
    a text already validated gives the same (immutable) profile again, without parsing and validating it anew
    (every algorithm loads the profile when QGIS builds it, and again when it runs)."""
    path = Path(path) if path else default_profile_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError("(file)", Message(QT_TRANSLATE_NOOP("Core", "file not found")), path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError("(file)", Message(QT_TRANSLATE_NOOP("Core", "cannot be read: {0}"), exc), path) from None
    known = _LOADED.get((str(path), text))
    if known is not None:
        return known
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            "(file)",
            Message(QT_TRANSLATE_NOOP("Core", "is not valid JSON (line {0}, column {1}: {2})"), exc.lineno, exc.colno, exc.msg),
            path,
        ) from None
    profile = PlanProfile(data, path)
    if len(_LOADED) >= 16:
        _LOADED.clear()
    _LOADED[(str(path), text)] = profile
    return profile


def alternatives(item: str) -> List[str]:
    """A required-category entry such as ``"clinic|hospital"`` is met by any of its codes."""
    return item.split("|")


# The Chinese name of each profile value, for Chinese reports (the key stays beside it: it is what the file says)
LABELS_ZH = {
    "life_circle.radius_min": "生活圈半径下限",
    "life_circle.radius_max": "生活圈半径上限",
    "life_circle.radius_default": "生活圈默认半径",
    "life_circle.walking_speed": "步行速度",
    "life_circle.snap_tolerance": "接入路网容差",
    "life_circle.catchment_half_width": "沿路服务范围半宽",
    "life_circle.required_categories": "生活圈必备设施类别",
    "shelter.area_per_person_target": "人均避难面积目标",
    "shelter.capacity_share_target": "避难场所容纳人口比例目标",
    "shelter.fixed_shelter_share_min": "固定避难场所容纳比例下限",
    "shelter.emergency_walk_distance": "紧急避难场所步行距离",
    "shelter.short_term_walk_distance": "短期避难场所步行距离",
    "shelter.long_term_walk_distance": "长期避难场所步行距离",
    "shelter.area_per_person_by_period": "各避难期人均有效避难面积",
    "shelter.refuge_days": "各类避难场所避难天数",
    "shelter.long_term_min_area": "长期避难场所最小面积",
    "shelter.short_term_min_area": "短期避难场所最小面积",
    "fire.response_time": "消防接警到达时间",
    "fire.proxy_speed": "消防车行驶速度（估算）",
    "fire.proxy_distance": "消防站服务距离（估算）",
    "fire.district_area_max": "消防站辖区面积上限",
    "fire.district_area_max_suburban": "郊区消防站辖区面积上限",
    "police.stations_per_unit_min": "每单元派出所数量下限",
    "police.proxy_distance": "派出所服务距离（估算）",
    "health.beds_per_1000_target": "每千人医院床位目标",
    "health.hospital_service_distance": "医院服务距离",
    "siting.time_limit": "选址求解时限",
    "seismic.design_intensity": "抗震设防烈度",
    "seismic.avoidance_distance_default": "断裂默认避让距离",
    "seismic.avoidance_distance": "各类建筑断裂避让距离",
    "seismic.class_by_category": "各类设施抗震设防类别",
    "seismic.class_a_screening_distance": "甲类建筑专门研究筛查距离",
    "seismic.fault_avoidance_rule": "活动断裂避让规则",
    "seismic.avoidance_measure": "断裂避让措施",
    "corridors.grades": "通道等级",
    "corridors.fault_crossing_measure": "通道穿越断裂措施",
    "corridors.fault_along_measure": "通道沿断裂措施",
    "corridors.waterlogging_measure": "通道易涝措施",
    "corridors.severity_weights": "通道风险严重度权重",
    "corridors.severity_grade_factor": "通道等级系数",
    "corridors.severity_exposure_reference": "暴露长度参考比例",
    "corridors.severity_breaks": "严重度分级界值",
    "corridors.connectivity_measure": "路网连通性措施",
    "corridors.measures_zh": "通道措施（中文）",
    "corridor_failure.essential_categories": "通道失效必需设施类别",
    "corridor_failure.bypass_search": "绕行路径搜索距离",
    "corridor_failure.damage_width": "手绘损毁线宽度",
    "reserves.depot_service_distance": "物资储备库服务距离",
    "reserves.three_threes": "应急物资“三个三”时限",
    "clusters.target_count": "韧性组团目标数量",
    "clusters.required_categories": "组团必备设施类别",
    "clusters.lifeline_systems": "组团生命线系统",
    "clusters.adjacency_tolerance": "单元相邻容差",
    "clusters.min_shared_boundary": "最短共用边界",
    "clusters.objective_weights": "组团划分目标权重",
    "clusters.max_passes": "组团划分最大迭代次数",
    "street_units.required_categories": "街镇单元必备设施类别",
    "street_units.conversion_categories": "平急转换空间类别",
    "scoring.dimensions": "评分维度权重",
    "scoring.goalposts": "指标标准化阈值",
    "scoring.class_breaks": "风险等级界值",
    "scoring.fire_coverage_target": "消防覆盖比例目标",
    "scoring.type_margin": "单元类型判定差值",
    "scoring.measures": "对策措施（英文）",
    "scoring.measures_zh": "对策措施（中文）",
    "scoring.flood_class_weights": "洪涝风险等级权重",
    "population.piece_size": "人口分块边长",
    "population.raster_mismatch_share": "人口栅格与普查差异比例",
    "population.last_mile_max": "最后一公里连接距离上限",
    "quality.left_out_max_share": "可舍弃要素比例上限",
    "evacuation.evacuate_depth": "需转移的积水深度",
    "evacuation.depth_max_plausible": "积水深度合理上限",
    "evacuation.road_closed_depth": "道路断行积水深度",
    "evacuation.walk_speed": "转移步行速度",
    "evacuation.drive_speed": "转移车速",
    "evacuation.capacity_per_metre": "每米路宽通行能力",
    "evacuation.clear_time_target": "转移完成时限",
    "evacuation.geohazard_radius": "地质灾害点危险半径",
    "facility_categories": "设施类别",
    "facility_labels.labels": "设施标签对照",
    "facility_labels.osm_tags": "OpenStreetMap 标签对照",
    "facility_labels.amap_typecodes": "高德类型代码对照",
    "facility_labels.class_unknown": "等级不明的避难场所标签",
    "facility_labels.keywords": "设施名称关键词",
}
