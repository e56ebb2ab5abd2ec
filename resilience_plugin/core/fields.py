"""Which field of a layer holds what: the guesses a planner would make.

Real layers name their fields in Chinese, in pinyin initials, in English and in the exporter's own words (Amap's
``adname``, Geofabrik's ``fclass``, census tables' ``常住人口``). :func:`guess_field` picks the field of a role from a
layer's field names: first an exact name (any case, width and spacing), in the order of :data:`ROLES`, then a field whose
name contains one of the role's words of two characters or more (``常住人口（万人）`` holds a population). Pure Python.
"""

import unicodedata
from typing import Dict, Optional, Sequence, Tuple

# role -> candidate names, best first
ROLES: Dict[str, Tuple[str, ...]] = {
    "name": (
        "name",
        "名称",
        "name_zh",
        "name:zh",
        "mc",
        "jdmc",
        "xzqmc",
        "jzmc",
        "街道名称",
        "街镇名称",
        "乡镇名称",
        "单元名称",
        "地区",
        "街道",
        "title",
    ),
    "fault_name": ("断层名称", "断裂名称", "fault_name", "name", "名称", "断层名", "断裂名", "fault", "mc"),
    "population": (
        "population",
        "pop",
        "人口",
        "常住人口",
        "总人口",
        "常住人口数",
        "人口数",
        "户籍人口",
        "pop2020",
        "pop_2020",
        "rkzs",
        "czrk",
        "rk",
    ),
    "district": (
        "district",
        "district_zh",
        "区",
        "所属区",
        "区县",
        "所属区县",
        "区名",
        "区县名称",
        "adname",
        "county",
        "qx",
        "qxmc",
        "所在区",
        "district_code",
    ),
    "category": ("category", "类别", "类型", "设施类型", "设施类别", "type", "fclass", "amenity", "other_tags", "tag", "typecode", "kind"),
    "grade": ("grade", "等级", "级别", "通道等级", "道路等级", "level", "dj"),
    "code": ("code", "cluster_id", "xzqdm", "编码", "代码", "行政区划代码", "adcode", "id", "bm"),
    "shelter_area": ("shelter_area_m2", "shelter_area", "有效避难面积", "避难面积", "有效面积", "面积", "area_m2", "area"),
    "capacity": ("capacity", "可容纳人数", "容纳人数", "避难人数", "容量"),
    # a shelter's capacity, as persons or as shelter area (never a depot's capacity_pd: exact names come first)
    "shelter_capacity": (
        "capacity_p",
        "可容纳人数",
        "容纳人数",
        "避难人数",
        "shelter_area_m2",
        "shelter_area",
        "有效避难面积",
        "避难面积",
        "有效面积",
        "容量",
        "面积",
        "area_m2",
    ),
    "beds": ("beds", "床位", "床位数", "编制床位", "实有床位", "开放床位"),
    "elderly": ("elderly_share", "老年人口比例", "老龄化率", "65岁以上人口比例", "60岁以上人口比例", "elderly"),
    "old_building": ("old_building_share", "老旧建筑比例", "老旧小区比例", "old_building"),
    "flood_class": ("risk_class", "风险等级", "风险级别", "内涝风险等级", "洪涝风险等级", "等级", "class", "grade", "level"),
    "cluster": ("cluster_id", "cluster", "组团", "组团编号", "组团名称", "所属组团", "韧性组团"),
    "seismic_class": ("seismic_class", "抗震设防类别", "设防类别", "抗震类别"),
}
# role words too generic to find inside a longer field name
_NOT_INSIDE = {"name", "pop", "type", "code", "id", "tag", "kind", "area", "mc", "rk", "qx", "dj", "bm", "level", "class", "区", "fault"}


def _norm(name: str) -> str:
    return unicodedata.normalize("NFKC", str(name)).strip().lower().replace(" ", "").replace("-", "_")


def _is_chinese(name: str) -> bool:
    n = _norm(name)
    return n.endswith(("_zh", ":zh")) or any("\u4e00" <= ch <= "\u9fff" for ch in n)


def in_language(candidates: Sequence[str], chinese: Optional[bool]) -> Tuple[str, ...]:
    """``candidates`` in the order of the reader's language: with ``chinese`` the Chinese names first (``name_zh``
    before ``名称``), without it the others first; None keeps the table's order."""
    if chinese is None:
        return tuple(candidates)
    zh = sorted((c for c in candidates if _is_chinese(c)), key=lambda c: not _norm(c).endswith(("_zh", ":zh")))
    other = [c for c in candidates if not _is_chinese(c)]
    return tuple(zh + other if chinese else other + zh)


def guess_field(role: str, names: Sequence[str], exclude: Sequence[str] = (), chinese: Optional[bool] = None) -> Optional[str]:
    """The field of ``names`` that most likely holds ``role`` (a key of :data:`ROLES`), or None. ``chinese`` orders
    the candidates for a reader of that language (:func:`in_language`): the dock and the report name units so."""
    candidates = in_language(ROLES[role], chinese)
    skip = {_norm(e) for e in exclude if e}
    by_norm = {}
    for n in names:
        by_norm.setdefault(_norm(n), n)
    for c in candidates:
        hit = by_norm.get(_norm(c))
        if hit is not None and _norm(hit) not in skip:
            return hit
    for c in candidates:
        word = _norm(c)
        if len(word) < 2 or word in _NOT_INSIDE:
            continue
        for n in names:
            if word in _norm(n) and _norm(n) not in skip:
                return n
    return None


# role of a layer input -> (words of its name or table, words of its fields), best first: what a planner's layer of
# that role is called (断裂 for faults, 通道 and 道路 for corridors …)
LAYER_ROLES: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    "units": (("street_units", "街镇", "街道", "乡镇", "街乡", "单元", "street", "town", "unit"), ("xzqdm", "xzqmc", "街道名称", "jdmc")),
    "communities": (("communities", "社区", "小区", "村", "居委", "communit", "village", "neighbourhood"), ("社区名称", "小区名称")),
    "faults": (("faults", "断裂", "断层", "fault"), ("断层名称", "断裂名称", "最晚活动时代", "断层性质")),
    "corridors": (("corridors", "通道", "道路", "路网", "干道", "corridor", "road"), ("道路名称", "道路等级", "通道等级", "fclass")),
    "hazards": (("flood_zones", "洪涝", "内涝", "积水", "淹没", "风险区", "flood", "hazard"), ("风险等级", "risk_class")),
    "facilities": (
        ("facilities", "设施", "避难", "消防", "poi", "facilit", "shelter", "建筑", "building"),
        ("typecode", "类别", "设施类型"),
    ),
    "clusters": (("clusters", "组团", "cluster"), ("cluster_id",)),
    "scored_units": (("评估", "得分", "score"), ("score", "rank")),
}


def guess_layer(role: str, layers: Sequence[Tuple[str, str, Sequence[str]]], taken: Sequence[str] = ()) -> Optional[str]:
    """The id of the layer that most likely plays ``role`` (a key of :data:`LAYER_ROLES`), from (id, name or table
    name, field names) triples of layers of the right geometry; never one of ``taken``. A layer whose name says it
    (断裂) comes before one whose fields do (断层名称)."""
    words, field_words = LAYER_ROLES[role]
    free = [(i, _norm(n), [_norm(f) for f in fs]) for i, n, fs in layers if i not in taken]
    for w in words:
        for i, name, _fields in free:
            if _norm(w) in name:
                return i
    for w in field_words:
        for i, _name, fields in free:
            if _norm(w) in fields:
                return i
    return None
