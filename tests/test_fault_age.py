"""The faults' latest activity (最晚活动时代) and the profile's avoidance rule (issue 29; 第86条; GB 50011 §4.1.7), and
what siting says of the profile values it follows.
Oracles: the ages as active-fault maps write them, hand-placed geometry (a facility 150 m from a Late Pleistocene
fault and 1,000 m from a Holocene one), and the rule's text."""

import json

import pytest

from resilience_plugin.core.faults import avoided_faults, fault_age
from resilience_plugin.qgisside.compat import FIELD_STRING
from tests.helpers import Recorder, memory_layer, run

X0, Y0 = 500000.0, 4400000.0


@pytest.mark.parametrize(
    "value, age",
    [
        ("Q4", "Q4"),
        ("Q3-4", "Q4"),
        ("Q3—Q4", "Q4"),
        ("Ｑ４", "Q4"),
        ("全新世", "Q4"),
        ("Holocene", "Q4"),
        ("Q3", "Q3"),
        ("晚更新世", "Q3"),
        ("Late Pleistocene", "Q3"),
        ("Q2-3", "Q3"),
        ("Q1-2", "Q1-2"),
        ("早中更新世", "Q1-2"),
        ("前第四纪", "pre-Q"),
        ("", None),
        ("不详", None),
        (None, None),
    ],
)
def test_latest_activity_as_fault_maps_write_it(value, age):
    assert fault_age(value) == age


def test_the_rule_decides_which_faults_need_avoidance():
    ages = ["Q4", "Q3", None, "Q1-2"]
    assert avoided_faults(ages, "plan", 8).tolist() == [True, True, True, True]  # 严格避让活动断裂
    assert avoided_faults(ages, "code", 8).tolist() == [True, False, True, False]  # unknown age: avoided
    assert avoided_faults(ages, "code", 7).tolist() == [False] * 4  # below VIII the code lets them be
    with pytest.raises(ValueError):
        avoided_faults(ages, "strict", 8)


def _faults():
    rows = [
        (f"LINESTRING({X0 + 150} {Y0 - 5000}, {X0 + 150} {Y0 + 5000})", ["黄庄-高丽营断裂", "Q3"]),
        (f"LINESTRING({X0 - 1000} {Y0 - 5000}, {X0 - 1000} {Y0 + 5000})", ["南口-孙河断裂", "Q4"]),
    ]
    return memory_layer("LineString", rows, fields=(("断层名称", FIELD_STRING), ("最晚活动时代", FIELD_STRING)), name="活动断裂")


def _profile(tmp_path, rule):
    from resilience_plugin.core.paths import default_profile_path

    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["seismic"]["fault_avoidance_rule"]["value"] = rule
    path = tmp_path / f"profile_{rule}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("rule", ["plan", "code"])
def test_fault_avoidance_reads_the_age_and_follows_the_rule(resilience_processing, tmp_path, rule):
    school = memory_layer(
        "Point", [(f"POINT({X0} {Y0})", ["某小学", "乙"])], fields=(("名称", FIELD_STRING), ("类别", FIELD_STRING)), name="学校"
    )
    feedback = Recorder()
    layers, _c = run(
        "resilience:faultavoidance",
        {
            "INPUT": school,
            "CLASS_FIELD": "类别",
            "FAULTS": _faults(),
            "FAULT_NAME_FIELD": "断层名称",
            "PROFILE": _profile(tmp_path, rule),
            "OUTPUT": "memory:",
        },
        feedback,
    )
    row = next(layers["OUTPUT"].getFeatures())
    assert "latest activity from field '最晚活动时代'" in feedback.log
    if rule == "plan":  # every listed fault: the Late Pleistocene one 150 m away is within 乙's 200 m
        assert (row["fault_name"], row["fault_age"], row["dist_m"], row["status"]) == ("黄庄-高丽营断裂", "Q3", 150.0, "violation")
        assert row["clauses"].startswith("第86条 严格避让活动断裂")
    else:  # GB 50011 §4.1.7: only the Holocene fault, 1,000 m away
        assert (row["fault_name"], row["fault_age"], row["dist_m"], row["status"]) == ("南口-孙河断裂", "Q4", 1000.0, "ok")
        assert row["clauses"].startswith("GB 50011 §4.1.7")
        assert "1 fault(s) need none and are left out: 黄庄-高丽营断裂 (Q3)" in feedback.log


@pytest.mark.parametrize("rule", ["plan", "code"])
def test_siting_exclusions_cite_the_age_and_the_rule(resilience_processing, tmp_path, rule):
    demand = memory_layer("Point", [(f"POINT({X0 + 300} {Y0 + 300})", ["社区", 1000])], name="社区")
    candidates = memory_layer("Point", [(f"POINT({X0} {Y0})", ["近断裂", 1]), (f"POINT({X0 + 400} {Y0})", ["远处", 1])], name="候选")
    layers, _c = run(
        "resilience:siting",
        {
            "INPUT": demand,
            "POPULATION_FIELD": "人口",
            "CANDIDATES": candidates,
            "COUNT": 1,
            "FAULTS": _faults(),
            "FAULT_NAME_FIELD": "断层名称",
            "AVOIDANCE_DISTANCE": 200,
            "PROFILE": _profile(tmp_path, rule),
            "OUTPUT": "memory:",
            "ALLOCATION": "memory:",
            "EXCLUDED": "memory:",
        },
    )
    excluded = list(layers["EXCLUDED"].getFeatures()) if "EXCLUDED" in layers else []  # none: no layer
    if rule == "plan":
        assert len(excluded) == 1
        reason = [v for v in excluded[0].attributes() if isinstance(v, str) and "黄庄-高丽营断裂" in v][0]
        assert "latest activity Q3 晚更新世" in reason and "第86条 严格避让活动断裂" in reason
    else:
        assert excluded == []  # the Late Pleistocene fault needs no avoidance under the code's rule


def _site_one(category, feedback, **extra):
    """Facility siting of one site for ``category`` between two candidates, for one community: what the log says."""
    from resilience_plugin.processing.siting.siting import CATEGORIES

    demand = memory_layer("Point", [(f"POINT({X0 + 300} {Y0 + 300})", ["社区", 1000])], name="社区")
    candidates = memory_layer("Point", [(f"POINT({X0} {Y0})", ["甲", 1]), (f"POINT({X0 + 400} {Y0})", ["乙", 1])], name="候选")
    params = {"INPUT": demand, "POPULATION_FIELD": "人口", "CANDIDATES": candidates, "CATEGORY": CATEGORIES.index(category)}
    run("resilience:siting", {**params, "COUNT": 1, "OUTPUT": "memory:", "ALLOCATION": "memory:", **extra}, feedback)


@pytest.mark.parametrize("category, warned", [("emergency_shelter", False), ("hospital", True)])
def test_siting_says_when_its_service_distance_is_a_low_confidence_profile_value(resilience_processing, category, warned):
    """Issue 29: the hospital's 5,000 m is the profile's "assumption" (no national service radius exists); the
    emergency shelter's 500 m is a standard's (confidence B). The log says which is which (the oracle: the profile)."""
    feedback = Recorder()
    _site_one(category, feedback)
    said = "is a profile value of low confidence (assumption)" in feedback.log
    assert said == warned, feedback.log


def test_siting_says_plainly_when_no_existing_facility_was_read_as_the_category_sited(resilience_processing):
    """Issue 29: existing shelters labelled in a way no rule reads (避险点) were counted as zero existing shelters in
    silence. The log says none was read so, and how each label was read (the oracle: the labels given)."""
    existing = memory_layer(
        "Point",
        [(f"POINT({X0 + 100} {Y0})", ["某避险点", "避险点"])],
        fields=(("名称", FIELD_STRING), ("类别", FIELD_STRING)),
        name="现状场所",
    )
    feedback = Recorder()
    _site_one("emergency_shelter", feedback, EXISTING=existing, EXISTING_CATEGORY_FIELD="类别")
    assert "现状场所: none of its 1 facilities was read as" in feedback.log and "避险点 → other ×1" in feedback.log, feedback.log


def test_the_fault_register_shows_each_faults_latest_activity(resilience_processing):
    """Issue 29: the register (resilience:faultcrossings) gives each crossing and exposed section the age of its
    fault. Hand-placed: one road crosses both faults of _faults() at right angles."""
    road = memory_layer(
        "LineString", [(f"LINESTRING({X0 - 3000} {Y0}, {X0 + 3000} {Y0})", ["京密路"])], fields=(("名称", FIELD_STRING),), name="通道"
    )
    feedback = Recorder()
    layers, _c = run(
        "resilience:faultcrossings",
        {"CORRIDORS": road, "FAULTS": _faults(), "FAULT_NAME_FIELD": "断层名称", "CROSSINGS": "memory:", "EXPOSED": "memory:"},
        feedback,
    )
    crossings = {f["fault_name"]: (f["fault_age"], f["fault_age_zh"]) for f in layers["CROSSINGS"].getFeatures()}
    assert crossings == {"黄庄-高丽营断裂": ("Q3", "晚更新世"), "南口-孙河断裂": ("Q4", "全新世")}
    sections = {f["fault_name"]: f["fault_age"] for f in layers["EXPOSED"].getFeatures()}
    assert sections == {"黄庄-高丽营断裂": "Q3", "南口-孙河断裂": "Q4"}
    assert "Fault age field: '最晚活动时代'" in feedback.log and "2 of 2 faults" in feedback.log


@pytest.mark.parametrize("rule", ["plan", "code"])
def test_corridor_failure_fails_the_faults_the_rule_keeps_and_names_their_age(resilience_processing, tmp_path, rule):
    """Issue 29: corridor failure's fault zones follow the profile's rule, and each failed section names its fault
    with its latest activity. Hand-placed: one road crosses both faults of _faults()."""
    road = memory_layer(
        "LineString", [(f"LINESTRING({X0 - 3000} {Y0}, {X0 + 3000} {Y0})", ["京密路"])], fields=(("名称", FIELD_STRING),), name="路网"
    )
    units = memory_layer(
        "Point", [(f"POINT({X0 - 2900} {Y0 + 10})", ["西", 1000]), (f"POINT({X0 + 2900} {Y0 + 10})", ["东", 2000])], name="单元"
    )
    hospital = memory_layer("Point", [(f"POINT({X0 + 2950} {Y0 - 10})", ["医院", 0])], name="医院")
    params = {
        "NETWORK": road,
        "UNITS": units,
        "POPULATION_FIELD": "人口",
        "FACILITIES": hospital,
        "CATEGORY_FIELD": "名称",
        "FAULTS": _faults(),
        "FAULT_NAME_FIELD": "断层名称",
        "PROFILE": _profile(tmp_path, rule),
        "UNITS_OUT": "memory:",
        "FAILED": "memory:",
    }
    layers, _c = run("resilience:corridorfailure", params)
    causes = {f["cause_name"] for f in layers["FAILED"].getFeatures()}
    if rule == "plan":
        assert causes == {"黄庄-高丽营断裂 (Q3)", "南口-孙河断裂 (Q4)"}
    else:  # GB 50011 §4.1.7: the Late Pleistocene fault needs no avoidance and fails nothing
        assert causes == {"南口-孙河断裂 (Q4)"}


def test_a_chinese_siting_log_says_where_the_service_distance_comes_from_in_chinese(resilience_processing):
    """Issue 29 §7 (sources in Chinese logs): in zh_CN the hospital's service distance is said with the profile's
    Chinese source (its optional source_zh) and its confidence as 假设, never the English text; in English as before
    (the oracle: the profile's own two texts)."""
    from resilience_plugin.core.profile import load_profile
    from resilience_plugin.qgisside.translation import install_translator, remove_translator

    q = load_profile().quantity("health.hospital_service_distance")
    assert q.source_zh and q.source
    english = Recorder()
    _site_one("hospital", english)
    assert q.source in english.log and "(assumption)" in english.log
    translator = install_translator("zh_CN")
    try:
        chinese = Recorder()
        _site_one("hospital", chinese)
    finally:
        remove_translator(translator)
    assert q.source_zh in chinese.log, chinese.log
    assert "（假设）" in chinese.log or "(假设)" in chinese.log, chinese.log
    assert q.source not in chinese.log and "assumption" not in chinese.log


def test_a_source_in_chinese_must_be_text(tmp_path):
    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import ProfileError, load_profile

    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["fire"]["proxy_distance"]["source_zh"] = 7
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProfileError, match="fire.proxy_distance.source_zh"):
        load_profile(str(path))
