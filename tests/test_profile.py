"""The plan profile: its numbers against the plan text, and its validation of broken files."""

import copy
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_plugin.core.paths import default_profile_path
from resilience_plugin.core.profile import SCHEMA, PlanProfile, ProfileError, load_profile


@pytest.fixture(scope="module")
def raw():
    return json.loads(default_profile_path().read_text(encoding="utf-8"))


def clauses(text: str) -> dict:
    """Clause number -> clause text, cut at the next clause heading."""
    heads = list(re.finditer(r"^第(\d+)条", text, flags=re.M))
    return {int(m.group(1)): text[m.start() : n.start() if n else len(text)] for m, n in zip(heads, heads[1:] + [None])}


def test_built_in_profile_loads_with_every_key():
    profile = load_profile()
    keys = [q.key for q in profile.quantities()]
    assert keys == list(SCHEMA)
    for q in profile.quantities():
        assert q.source.strip() and q.unit.strip()


def test_plan_numbers_match_the_plan_text(plan_text):
    """The values the profile attributes to the plan stand in the cited clauses."""
    profile = load_profile()
    text = clauses(plan_text)
    # 第12条 and 第53条: 1000-1500 米
    for n in (12, 53):
        assert f"{profile.value('life_circle.radius_min')}-{profile.value('life_circle.radius_max')}" in text[n].replace(" ", "")
    # 第77条: three days at family, community and cluster level
    assert "家庭—社区—组团" in text[77] and "三天" in text[77]
    assert set(profile.value("reserves.three_threes").values()) == {3}
    # 第48条: stadiums, long-term shelters, reserve depots; water and power; command
    for word in ("体育场馆", "长期应急避难场所", "物资储备库", "供水", "供电", "应急指挥"):
        assert word in text[48]
    # 第51条: short-term shelters, fire stations, police stations
    for word in ("短期应急避难场所", "消防站", "派出所"):
        assert word in text[51]
    # 第54条: supermarkets, vegetable markets, pharmacies
    for word in ("超市", "菜站", "药店"):
        assert word in text[54]
    # 第86条 strict avoidance of active faults; 第44条 flexible measures at crossings
    assert "严格避让活动断裂" in text[86]
    assert "柔性抗震措施" in text[44]


def test_every_plan_confidence_value_cites_an_existing_clause(plan_text):
    text = clauses(plan_text)
    for q in load_profile().quantities():
        if q.confidence == "plan":
            cited = [int(n) for n in re.findall(r"第(\d+)条", q.source)]
            assert cited, q.key
            for n in cited:
                assert n in text, f"{q.key} cites 第{n}条, which the plan does not have"


def test_facility_vocabulary_covers_the_plan_facilities():
    cats = load_profile().categories
    expected = {
        "emergency_shelter",
        "short_term_shelter",
        "long_term_shelter",
        "fire_station",
        "police_station",
        "hospital",
        "clinic",
        "supermarket",
        "vegetable_market",
        "pharmacy",
        "school",
        "park",
        "stadium",
        "reserve_depot",
        "command_centre",
        "water_plant",
        "substation",
    }
    assert expected <= set(cats)


@pytest.mark.parametrize(
    "mutate, key",
    [
        (lambda d: d["life_circle"].pop("radius_max"), "life_circle.radius_max"),
        (lambda d: d["shelter"]["area_per_person_target"].update(value="2.1"), "shelter.area_per_person_target.value"),
        (lambda d: d["shelter"]["area_per_person_target"].update(unit="m2"), "shelter.area_per_person_target.unit"),
        (lambda d: d["fire"]["proxy_distance"].pop("source"), "fire.proxy_distance.source"),
        (lambda d: d["seismic"]["design_intensity"].update(value=8.5), "seismic.design_intensity.value"),
        (lambda d: d["scoring"]["class_breaks"].update(value=[2, 5, 3.5, 6.5]), "scoring.class_breaks.value"),
        (lambda d: d["life_circle"]["radius_default"].update(value=2000), "life_circle.radius_default.value"),
        (lambda d: d["clusters"]["required_categories"]["value"].append("airport"), "clusters.required_categories.value"),
        (lambda d: d["seismic"]["avoidance_distance"]["value"]["8"].pop("乙"), "seismic.avoidance_distance.value"),
        (lambda d: d["profile"].update(format_version=99), "profile.format_version"),
        (lambda d: d["life_circle"]["walking_speed"].update(confidence="sure"), "life_circle.walking_speed.confidence"),
        (lambda d: d.pop("corridors"), "corridors"),
    ],
)
def test_broken_profile_names_the_key(raw, mutate, key):
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(ProfileError) as err:
        PlanProfile(data)
    assert err.value.key == key
    assert key in str(err.value)


def test_malformed_and_truncated_files(tmp_path):
    text = default_profile_path().read_text(encoding="utf-8")
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ProfileError, match=r"not valid JSON \(line \d+"):
        load_profile(truncated)
    with pytest.raises(ProfileError, match="file not found"):
        load_profile(tmp_path / "nope.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProfileError, match="cannot be read|not valid JSON"):
        load_profile(binary)


def test_edit_save_and_load_a_copy(tmp_path):
    edited = load_profile().with_value("shelter.area_per_person_target", 3.0)
    path = edited.save(tmp_path / "我的配置.json")
    again = load_profile(path)
    assert again.value("shelter.area_per_person_target") == 3.0
    assert again.value("life_circle.radius_min") == 1000
    assert load_profile().value("shelter.area_per_person_target") == 2.1  # the built-in stays
    with pytest.raises(ProfileError, match="life_circle.radius_default"):
        load_profile().with_value("life_circle.radius_default", 900)


def test_a_file_is_read_each_time_and_a_changed_one_loads_anew(tmp_path):
    """load_profile keeps the profiles it has validated by their text: the same text gives the same profile, a file
    rewritten at once with a value of the same width (same size, maybe the same time stamp) loads the new value,
    and a file broken afterwards is refused again."""
    path = load_profile().with_value("shelter.area_per_person_target", 3.5).save(tmp_path / "p.json")
    first = load_profile(path)
    assert load_profile(path) is first
    path.write_text(path.read_text(encoding="utf-8").replace('"value": 3.5', '"value": 4.5', 1), encoding="utf-8")
    assert load_profile(path).value("shelter.area_per_person_target") == 4.5
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile(path)


NUMERIC_KEYS = [k for k in SCHEMA if isinstance(load_profile().value(k), (int, float)) and not isinstance(load_profile().value(k), bool)]


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from(NUMERIC_KEYS),
    bad=st.one_of(st.text(max_size=5), st.none(), st.lists(st.integers(), max_size=2), st.just(float("nan"))),
)
def test_any_numeric_value_of_the_wrong_type_is_named(key, bad):
    data = load_profile().as_dict()
    node = data
    for part in key.split("."):
        node = node[part]
    node["value"] = bad
    with pytest.raises(ProfileError) as err:
        PlanProfile(data)
    assert err.value.key == f"{key}.value"


def test_every_profile_value_has_a_chinese_name():
    """A Chinese report lists the profile's values under their Chinese names (issue 29): every key the profile holds
    has one in core.profile.LABELS_ZH, and no name is left for a key it does not hold."""
    from resilience_plugin.core.profile import LABELS_ZH, load_profile

    keys = {q.key for q in load_profile().quantities()}
    assert keys - set(LABELS_ZH) == set() and set(LABELS_ZH) - keys == set()
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in LABELS_ZH.values())
