"""Real data, read as real sources write it (issue 15): facility labels, numbers written as text, field names, and
degenerate geometry. The core is tested directly, against hand-written expectations; the algorithms in
tests/test_real_data.py."""

import math

import numpy as np
import pytest
import shapely

from resilience_plugin.core.fields import guess_field
from resilience_plugin.core.geometry import clean
from resilience_plugin.core.labels import LabelError, LabelMatcher, mapping_hint, normalise, parse_mapping
from resilience_plugin.core.numbers import field_unit, parse_number, parse_numbers
from resilience_plugin.core.profile import load_profile


@pytest.fixture(scope="module")
def matcher():
    return LabelMatcher.from_profile(load_profile())


# ------------------------------------------------------------------ labels
@pytest.mark.parametrize(
    "label,code,rule",
    [
        # codes, names and the labels of government lists
        ("emergency_shelter", "emergency_shelter", "exact"),
        ("Fire station", "fire_station", "exact"),
        ("消防站", "fire_station", "exact"),
        ("消防救援站", "fire_station", "exact"),
        ("应急避难场所", "emergency_shelter", "exact"),
        ("shelter", "emergency_shelter", "exact"),
        ("派出所", "police_station", "exact"),
        ("公安派出所", "police_station", "exact"),
        ("社区卫生服务中心", "clinic", "exact"),
        ("长期固定避难场所", "long_term_shelter", "exact"),
        ("Ⅲ类", "emergency_shelter", "exact"),  # a shelter of unknown class serves as an emergency shelter
        ("固定", "short_term_shelter", "exact"),
        ("中心", "long_term_shelter", "exact"),
        # normalised: width, case, spaces, traditional characters
        ("ＦＩＲＥ　ＳＴＡＴＩＯＮ", "fire_station", "exact"),
        (" 应急 避难场所 ", "emergency_shelter", "exact"),
        ("應急避難場所", "emergency_shelter", "exact"),
        ("fire-station", "fire_station", "exact"),
        # Amap/Gaode type text, three levels, and one level
        ("公共设施;紧急避难场所;紧急避难场所", "emergency_shelter", "amap"),
        ("医疗保健服务;综合医院;三级甲等医院", "hospital", "amap"),
        ("医疗保健服务;诊所;诊所", "clinic", "amap"),
        ("购物服务;超级市场;超市", "supermarket", "amap"),
        ("科教文化服务;学校;小学", "school", "amap"),
        ("风景名胜;公园广场;公园", "park", "amap"),
        ("三级甲等医院", "hospital", "exact"),
        # Amap typecode (only codes checked against Amap's documentation are in the profile)
        ("141201", "school", "typecode"),
        ("141201|141202", "school", "typecode"),
        # OpenStreetMap: Geofabrik fclass, key=value, ogr2ogr other_tags
        ("police", "police_station", "exact"),
        ("amenity=fire_station", "fire_station", "osm"),
        ('"amenity"=>"hospital","name:zh"=>"协和医院"', "hospital", "osm"),
        ('"name"=>"x","shop"=>"supermarket"', "supermarket", "osm"),
        ('"emergency"=>"assembly_point"', "emergency_shelter", "osm"),
        # keywords, and look-alikes kept out
        ("朝阳区第二应急避难场所", "emergency_shelter", "keyword"),
        ("东城消防救援支队某站", "fire_station", "keyword"),
        ("宠物医院", "other", "keyword"),
        ("微型消防站", "other", "keyword"),
    ],
)
def test_each_rule_maps_real_labels(matcher, label, code, rule):
    found = matcher.match(label)
    assert (found.code, found.rule) == (code, rule)


@pytest.mark.parametrize("label", ["", None, "parking", '"amenity"=>"shelter"', "停车场", "123", "医疗保健服务"])
def test_labels_no_rule_knows_stay_unmapped(matcher, label):
    # a bus shelter (amenity=shelter) is no refuge; a bare first Amap level is too broad to guess
    assert matcher.match(label).code is None


def test_the_user_mapping_comes_first_and_takes_codes_or_names():
    profile = load_profile()
    m = LabelMatcher.from_profile(profile, "shelter=long_term_shelter；大院＝学校;\n站点:消防站;杂项=其他")
    assert m.match("shelter").code == "long_term_shelter"
    assert (m.match("大院").code, m.match("大院").rule) == ("school", "user")
    assert m.match("站点").code == "fire_station"
    assert m.match("杂项").code == "other"
    assert m.match("公共设施;大院;大院").code == "school"  # the user's labels also serve the Amap levels


def test_rules_built_once_per_profile_are_the_rules_of_that_profile():
    """The rules are built once per profile and user mapping (issue 17); each call still gets its own matcher, and
    another profile, or another mapping, gets its own rules: the oracle is a matcher built from scratch."""
    profile = load_profile()
    first, second = LabelMatcher.from_profile(profile), LabelMatcher.from_profile(profile)
    assert first is not second and first._seen is not second._seen
    first.match("消防站")
    assert "消防站" in first._seen and "消防站" not in second._seen
    assert first.exact is second.exact  # built once
    scratch = LabelMatcher._build(profile, "")
    assert (first.exact, first.osm, first.keywords) == (scratch.exact, scratch.osm, scratch.keywords)
    mapped = LabelMatcher.from_profile(profile, "大院=school")
    assert mapped.match("大院").code == "school" and first.match("大院").code is None
    written = profile.value("facility_labels.labels")
    written["school"] = list(written.get("school", [])) + ["学堂"]
    other = profile.with_value("facility_labels.labels", written)
    assert LabelMatcher.from_profile(other).match("学堂").code == "school"
    assert LabelMatcher.from_profile(profile).match("学堂").code is None
    with pytest.raises(LabelError):  # a mapping that cannot be read is refused every time, never kept
        LabelMatcher.from_profile(profile, "a=not_a_category")
    with pytest.raises(LabelError):
        LabelMatcher.from_profile(profile, "a=not_a_category")


@pytest.mark.parametrize("text,part", [("fire_station", "fire_station"), ("a=not_a_category", "not_a_category"), ("=school", "=school")])
def test_a_user_mapping_that_cannot_be_read_names_the_pair(text, part):
    with pytest.raises(LabelError) as caught:
        parse_mapping(text, ["school", "fire_station"])
    assert part in str(caught.value)


def test_classify_counts_what_went_where(matcher):
    found = matcher.classify(["消防站", "消防站", "amenity=police", "foo", "foo", None])
    assert found.codes == ["fire_station", "fire_station", "police_station", None, None, None]
    assert found.mapping[("消防站", "fire_station", "exact")] == 2
    assert found.unmapped == {"foo": 2, "": 1}
    assert found.share_unmapped == pytest.approx(0.5)
    assert mapping_hint(found.unmapped) == "foo=?"


def test_classify_all_at_once_equals_one_by_one(matcher):
    """Distinct values are matched once and counted together; the result is what classifying each value alone and
    adding up gives, also where values hash alike but read differently (1, 1.0, True) and for unhashable values."""
    from collections import Counter

    class Unhashable:
        __hash__ = None

        def __str__(self):
            return "医院"

    values = ["消防站", " 消防站", 1, 1.0, True, None, "foo", "医院", float("nan"), "应急避难场所", "foo", 1, "消防站"]
    for given in (values, values + [Unhashable()]):
        found = matcher.classify(given)
        alone = [matcher.classify([v]) for v in given]
        assert found.codes == [a.codes[0] for a in alone]
        assert found.class_unknown == [a.class_unknown[0] for a in alone]
        assert found.mapping == sum((a.mapping for a in alone), Counter())
        assert found.unmapped == sum((a.unmapped for a in alone), Counter())


def test_normalise_folds_width_case_and_spaces():
    assert normalise("Ｅｍｅｒｇｅｎｃｙ  Shelter") == "emergency_shelter"
    assert normalise("应急 避难场所") == "应急避难场所"


def test_every_profile_label_maps_to_its_own_category(matcher):
    """No label of the profile is shadowed by another category's label or keyword."""
    labels = load_profile().value("facility_labels.labels")
    clashes = [
        (label, code, matcher.match(label).code) for code, items in labels.items() for label in items if matcher.match(label).code != code
    ]
    assert clashes == []


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("1234", "count", 1234),
        ("1,234", "count", 1234),
        ("1 234", "count", 1234),
        ("1，234", "count", 1234),
        ("１２３４", "count", 1234),
        ("12万", "count", 120000),
        ("3.5万", "count", 35000),
        ("1.2亿", "count", 120000000),
        ("1,234人", "count", 1234),
        ("1,234 人", "count", 1234),
        ("约5948", "count", 5948),
        ("5948（2020年）", "count", 5948),
        ("1.2万人", "count", 12000),
        ("1,234.5", "count", 1234.5),
        ("25000", "area", 25000),
        ("2.5万平方米", "area", 25000),
        ("2.5 公顷", "area", 25000),
        ("3hm²", "area", 30000),
        ("0.5平方公里", "area", 500000),
        ("12.5%", "share", 0.125),
        (5948, "count", 5948),
        (12.35, "count", 12.35),
    ],
)
def test_numbers_as_people_write_them(text, kind, expected):
    assert parse_number(text, kind) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text,kind",
    [("1,5", "count"), ("12-15", "count"), ("abc", "count"), ("", "count"), ("2.5公顷", "count"), ("12人", "area"), (math.nan, "count")],
)
def test_numbers_that_say_nothing_certain_are_not_guessed(text, kind):
    assert parse_number(text, kind) is None


@pytest.mark.parametrize(
    "name,kind,factor",
    [
        ("常住人口（万人）", "count", 1e4),
        ("常住人口(万人)", "count", 1e4),
        ("人口", "count", 1),
        ("pop_2020", "count", 1),
        ("面积（公顷）", "area", 1e4),
        ("面积(hm2)", "area", 1e4),
        ("area_m2", "area", 1),
    ],
)
def test_a_field_name_can_declare_the_unit(name, kind, factor):
    assert field_unit(name, kind) == pytest.approx(factor)


def test_parse_numbers_lists_empty_and_unreadable_and_applies_the_field_unit_to_bare_numbers_only():
    parsed = parse_numbers(["12.35", "3万", None, "abc", "-2", "abc"], factor=1e4)
    assert parsed.values[:2] == pytest.approx([123500, 30000])
    assert parsed.empty == [2] and parsed.unreadable == [3, 4, 5]
    assert parsed.examples == ["abc", "-2"]
    assert parsed.share_unreadable(count_empty=True) == pytest.approx(4 / 6)


# ------------------------------------------------------------------ fields
@pytest.mark.parametrize(
    "role,names,expected",
    [
        ("name", ["fid", "名称", "人口"], "名称"),
        ("name", ["OBJECTID", "XZQDM", "XZQMC"], "XZQMC"),
        ("population", ["fid", "名称", "常住人口（万人）"], "常住人口（万人）"),
        ("population", ["NAME", "POP2020"], "POP2020"),
        ("district", ["名称", "所属区", "人口"], "所属区"),
        ("district", ["name", "adname", "pname"], "adname"),
        ("district", ["名称", "所属区县"], "所属区县"),
        ("category", ["id", "name", "type", "typecode", "location"], "type"),
        ("category", ["osm_id", "code", "fclass", "name"], "fclass"),
        ("category", ["名称", "地址", "类型", "面积"], "类型"),
        ("fault_name", ["OBJECTID", "断层名称", "最晚活动时代"], "断层名称"),
        ("grade", ["道路名称", "道路等级"], "道路等级"),
        ("shelter_area", ["名称", "有效避难面积（平方米）"], "有效避难面积（平方米）"),
        ("capacity", ["名称", "可容纳人数"], "可容纳人数"),
        ("population", ["名称", "类型"], None),
    ],
)
def test_fields_a_planner_would_pick(role, names, expected):
    assert guess_field(role, names) == expected


# ------------------------------------------------------------------ degenerate geometry
def _wkb_line(coords):
    """WKB of a line with any number of points, written by hand (GEOS refuses to build a one-point line)."""
    import struct

    return struct.pack("<BII", 1, 2, len(coords)) + b"".join(struct.pack("<dd", *c) for c in coords)


def _wkb_polygon(ring):
    import struct

    return struct.pack("<BIII", 1, 3, 1, len(ring)) + b"".join(struct.pack("<dd", *c) for c in ring)


def test_clean_names_degenerate_geometries_and_keeps_the_good_ones():
    good_line = shapely.to_wkb(shapely.LineString([(0, 0), (10, 0)]))
    wkbs = [
        good_line,
        _wkb_line([(0, 0)]),  # one vertex
        _wkb_line([(0, 0), (math.nan, 1)]),  # NaN
        _wkb_line([(0, 0), (math.inf, 1)]),  # infinite
        shapely.to_wkb(shapely.LineString([(5, 5), (5, 5)])),  # zero length
        None,  # no geometry: not degenerate
    ]
    out = clean(wkbs, dimension=1)
    assert out.degenerate == [1, 2, 3, 4]
    assert out.geometries[0].equals(shapely.LineString([(0, 0), (10, 0)]))
    assert all(g is None for g in out.geometries[1:])


def test_clean_polygons_rings_of_three_points_zero_area_and_repairs():
    square = shapely.box(0, 0, 10, 10)
    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    flat = shapely.from_wkt("POLYGON((0 0, 10 0, 20 0, 0 0))")
    wkbs = [shapely.to_wkb(square), _wkb_polygon([(0, 0), (1, 1), (0, 0)]), shapely.to_wkb(flat), shapely.to_wkb(bowtie)]
    out = clean(wkbs, dimension=2)
    assert out.degenerate == [1, 2]
    assert out.repaired == [3]
    assert out.geometries[3].area == pytest.approx(50.0)  # two triangles of 25 m²
    assert shapely.get_type_id(out.geometries[3]) in (3, 6)


def test_clean_points_with_nan_and_empty_parts():
    wkbs = [
        shapely.to_wkb(shapely.Point(1, 2)),
        shapely.to_wkb(shapely.Point(math.nan, 2)),
        shapely.to_wkb(shapely.from_wkt("MULTIPOINT EMPTY")),
    ]
    out = clean(wkbs, dimension=0)
    assert out.degenerate == [1, 2]
    assert np.array_equal(shapely.get_coordinates(out.geometries[0]), [[1, 2]])


def test_shelters_whose_label_does_not_say_their_class(matcher):
    labels = ["应急避难场所", "紧急避难场所", "公共设施;紧急避难场所;紧急避难场所", "朝阳区第二应急避难场所", "长期固定避难场所", "Ⅲ类"]
    assert matcher.classify(labels).class_unknown == [True, False, True, True, False, True]


@pytest.mark.parametrize(
    "value,key",
    [
        (1, "1"),
        (2.0, "2"),
        ("3", "3"),
        ("一级", "1"),
        ("Ⅱ级", "2"),
        ("III", "3"),
        ("高风险区", "1"),
        ("中", "2"),
        ("低风险", "3"),
        ("High", "1"),
        ("medium risk", "2"),
        ("4", None),
        ("不详", None),
        (None, None),
    ],
)
def test_flood_classes_as_written(value, key):
    from resilience_plugin.core.labels import class_rank

    assert class_rank(value) == key


@pytest.mark.parametrize(
    "names, chinese, expected",
    [
        (["code", "name", "name_zh"], True, "name_zh"),
        (["code", "name", "name_zh"], False, "name"),
        (["code", "name", "name_zh"], None, "name"),
        (["名称", "NAME"], True, "名称"),
        (["名称", "NAME"], False, "NAME"),
        (["jdmc", "街道名称"], True, "街道名称"),
        (["jdmc", "街道名称"], False, "jdmc"),
        (["街道", "人口"], True, "街道"),
    ],
)
def test_one_field_table_serves_the_dock_and_the_report_in_the_readers_language(names, chinese, expected):
    """The dock and the report name units from core.fields' one table, Chinese names first for a Chinese reader."""
    assert guess_field("name", names, chinese=chinese) == expected


def test_the_report_names_units_in_chinese_first_else_by_code_and_finds_district_and_cluster():
    from resilience_plugin.core.report import cluster_field, unit_fields

    assert unit_fields(["name", "name_zh", "district", "cluster_id", "score"]) == ("name_zh", "district", "cluster_id")
    assert unit_fields(["code", "district_zh", "组团", "score"]) == ("code", "district_zh", "组团")
    assert unit_fields(["score", "class"]) == ("", "", "")
    assert cluster_field(["CLUSTER_ID", "name"]) == "CLUSTER_ID"
