"""Street/town unit scoring: the arithmetic against hand-computed examples, the indicators against hand-computed
geometry, and the algorithm on the sample city and on bad input."""

import json
import math

import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsVectorLayer
from shapely.geometry import LineString, Point, box

from resilience_plugin.core import scoring as sc
from resilience_plugin.core.paths import default_profile_path
from resilience_plugin.core.profile import load_profile
from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from tests.conftest import SAMPLE
from tests.helpers import Recorder, memory_layer, run

ONES = {
    "hazard": {"fault_share": 1, "flood_share": 1, "geohazard_density": 1},
    "vulnerability": {"population_density": 1, "elderly_share": 1, "old_building_share": 1},
    "capacity": {"shelter_per_person": 1, "fire_coverage": 1, "police_presence": 1, "beds_per_1000": 1, "conversion_per_person": 1},
}
BREAKS = [2.0, 3.5, 5.0, 6.5]


def test_scores_by_hand():
    raw = {
        "fault_share": np.array([0.0, 0.5, 1.0]),  # → 0, 5, 10
        "elderly_share": np.array([0.1, 0.2, 0.3]),  # → 0, 5, 10
        "fire_coverage": np.array([1.0, 0.5, 0.0]),  # → 10, 5, 0: capacity, lack 0, 5, 10
    }
    s = sc.score(raw, ONES, BREAKS, 1.0)
    assert s.dimensions["hazard"] == pytest.approx([0, 5, 10])
    assert s.dimensions["capacity"] == pytest.approx([10, 5, 0])
    assert s.score == pytest.approx([0, 5, 10])  # (H · V · (10 − C)) ** (1/3)
    assert list(s.klass) == [sc.CLASSES[int(np.searchsorted(BREAKS, v, side="right"))] for v in s.score]
    assert s.klass[0] == "very low" and s.klass[2] == "very high"
    assert s.rank.tolist() == [3, 2, 1]
    assert list(s.unit_type) == ["balanced", "balanced", "balanced"]


def test_weights_log_transform_and_geometric_mean():
    raw = {
        "fault_share": np.array([0.0, 1.0]),
        "flood_share": np.array([1.0, 0.0]),
        "population_density": np.array([0.0, math.e**2 - 1]),  # log(1 + x): 0, 2 → 0, 10
        "police_presence": np.array([3.0, 1.0]),  # → 10, 0
    }
    weights = {
        "hazard": {"fault_share": 1, "flood_share": 3},
        "vulnerability": {"population_density": 1},
        "capacity": {"police_presence": 1},
    }
    s = sc.score(raw, weights, BREAKS, 1.0)
    assert s.dimensions["hazard"] == pytest.approx([7.5, 2.5])  # (1·0 + 3·10) / 4, (1·10 + 3·0) / 4
    assert s.normalised["population_density"] == pytest.approx([0, 10])
    assert s.score == pytest.approx([(7.5 * 0 * 0) ** (1 / 3), (2.5 * 10 * 10) ** (1 / 3)])
    # unit 1 is led by hazard (7.5 against 0 and 0); unit 2 has V and 10 − C tied at 10: no single leader
    assert list(s.unit_type) == ["hazard-led", "balanced"]
    s2 = sc.score(raw, weights, BREAKS, 0.0)
    assert s2.unit_type[1] == "vulnerability-led"  # margin 0: the first of the tied leaders


def test_constant_indicator_and_zero_weights():
    raw = {"fault_share": np.array([0.2, 0.2, 0.2]), "elderly_share": np.array([0.1, 0.2, np.nan])}
    s = sc.score(raw, ONES, BREAKS, 1.0)
    assert s.constant == ["fault_share"] and (s.normalised["fault_share"] == 0).all()
    assert np.isnan(s.dimensions["vulnerability"][2])
    with pytest.raises(sc.ScoringError, match="'hazard' sum to zero"):
        sc.score(raw, {"hazard": {"fault_share": 0}, "vulnerability": {"elderly_share": 1}}, BREAKS, 1.0)
    with pytest.raises(sc.ScoringError, match="no indicator"):
        sc.score({}, ONES, BREAKS, 1.0)


def test_passes():
    ok = sc.passes(
        {"shelter_per_person": np.array([1.0, 2.1, np.nan]), "fault_share": np.array([0.1, 0.0, 0.0])}, {"shelter_per_person": 2.1}
    )
    assert ok["shelter_per_person"][:2].tolist() == [0, 1] and np.isnan(ok["shelter_per_person"][2])


def test_indicators_by_hand():
    units = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)]
    fault_zone = shapely.buffer(LineString([(500, -10), (500, 1010)]), 100, cap_style="flat")  # 200 m wide strip in unit 0
    high = box(0, 0, 200, 1000)  # class weight 1.0: 20 % of unit 0
    medium = box(0, 0, 500, 1000)  # class weight 0.6: 50 %, overlapping the high zone
    facilities = [Point(100, 100), Point(200, 200), Point(1500, 500), Point(900, 900)]
    cats = ["emergency_shelter", "police_station", "fire_station", "school"]
    raw = sc.indicators(
        units,
        np.array([1000.0, 0.0]),
        elderly=np.array([0.2, 0.3]),
        fault_zones=[fault_zone],
        flood_zones=[high, medium],
        flood_weights=np.array([1.0, 0.6]),
        geohazards=[Point(10, 10), Point(20, 20), Point(1500, 10)],
        facilities=facilities,
        categories=cats,
        shelter_area=np.array([4200.0, 0.0, 0.0, 800.0]),
        beds=np.array([0.0, 0.0, 0.0, 0.0]),
        fire_reach=600.0,
    )
    assert raw["fault_share"] == pytest.approx([0.2, 0.0])
    assert raw["flood_share"] == pytest.approx([1.0 * 0.2 + 0.6 * 0.3, 0.0])
    assert raw["geohazard_density"] == pytest.approx([2.0, 1.0])
    assert raw["population_density"] == pytest.approx([1000.0, 0.0])
    assert raw["shelter_per_person"][0] == pytest.approx(5.0) and np.isnan(raw["shelter_per_person"][1])  # no people
    assert raw["conversion_per_person"][0] == pytest.approx(0.8)
    assert raw["police_presence"].tolist() == [1, 0]
    # the fire station's 600 m reach (the same 8-segment circle) against each unit
    circle = shapely.buffer(Point(1500, 500), 600, quad_segs=8)
    assert raw["fire_coverage"][1] == pytest.approx(shapely.intersection(circle, units[1]).area / 1e6)
    assert raw["fire_coverage"][0] == pytest.approx(shapely.intersection(circle, units[0]).area / 1e6)


def test_goalposts_by_hand():
    """Fixed goalposts: 0 at lo, 10 at hi, clipped; for capacity, 10 = the target met; log(1 + x) on both ends."""
    posts = {"fault_share": (0.0, 1.0, False), "shelter_per_person": (0.0, 2.1, False), "population_density": (0.0, 99.0, True)}
    raw = {
        "fault_share": np.array([0.0, 0.5, 1.0]),
        "shelter_per_person": np.array([1.05, 2.1, 5.0]),  # 5, 10, and above the target still 10
        "population_density": np.array([0.0, 9.0, 99.0]),  # log: log(10) / log(100) = 0.5 → 5
    }
    s = sc.score(raw, ONES, BREAKS, 1.0, posts)
    assert s.normalised["fault_share"] == pytest.approx([0, 5, 10])
    assert s.normalised["shelter_per_person"] == pytest.approx([5, 10, 10])
    assert s.normalised["population_density"] == pytest.approx([0, 5, 10])
    assert s.scaling == "goalposts" and s.constant == []
    # a unit's scores do not depend on the others: the last unit alone scores as it did with them
    alone = sc.score({k: v[2:] for k, v in raw.items()}, ONES, BREAKS, 1.0, posts)
    assert alone.score[0] == pytest.approx(s.score[2])
    with pytest.raises(sc.ScoringError, match="no goalposts for indicator 'elderly_share'"):
        sc.score({"elderly_share": np.array([0.1])}, ONES, BREAKS, 1.0, posts)


def test_profile_goalposts_follow_the_targets():
    from resilience_plugin.core.profile import load_profile

    profile = load_profile()
    posts = sc.goalposts(profile)
    assert set(posts) == set(sc.INDICATORS)
    assert posts["shelter_per_person"][1] == profile.value("shelter.area_per_person_target")
    edited = profile.with_value("shelter.area_per_person_target", 3.0)
    assert sc.goalposts(edited)["shelter_per_person"][1] == 3.0


def test_a_unit_without_a_dimension_is_scored_on_the_others_never_on_a_zero():
    raw = {"fault_share": np.array([0.5, 0.5]), "elderly_share": np.array([0.15, 0.15]), "shelter_per_person": np.array([1.05, np.nan])}
    posts = {"fault_share": (0.0, 1.0, False), "elderly_share": (0.0, 0.3, False), "shelter_per_person": (0.0, 2.1, False)}
    s = sc.score(raw, ONES, BREAKS, 1.0, posts)
    assert s.score[0] == pytest.approx((5 * 5 * 5) ** (1 / 3))
    assert s.score[1] == pytest.approx((5 * 5) ** (1 / 2))  # no people, no per-person capacity: H and V only
    assert s.formed == ["hazard, vulnerability, capacity", "hazard, vulnerability"]


def test_indicators_not_assessed_say_why():
    units = [box(0, 0, 1000, 1000)]
    skipped = {}
    raw = sc.indicators(
        units,
        np.array([1000.0]),
        facilities=[Point(100, 100), Point(200, 200)],
        categories=["school", "emergency_shelter"],
        shelter_area=np.array([0.0, 0.0]),
        intensity=8,
        skipped=skipped,
    )
    assert raw["seismic_intensity"].tolist() == [8.0]
    for k in ("police_presence", "fire_coverage", "shelter_per_person", "conversion_per_person", "beds_per_1000", "fault_share"):
        assert k not in raw
    assert skipped["police_presence"] == "no_police_station" and skipped["fire_coverage"] == "no_fire_station"
    assert skipped["shelter_per_person"] == "no_shelter_area" and skipped["beds_per_1000"] == "no_beds"
    assert skipped["fault_share"] == "not_given" and set(skipped.values()) <= set(sc.NOT_ASSESSED)


# ------------------------------------------------------------------ the algorithm


def _sample_scores(params, ids=None):
    layers, _c = run("resilience:scoreunits", {**params, "OUTPUT": "memory:"})
    return {f["code"]: f["score"] for f in layers["OUTPUT"].getFeatures() if ids is None or f["code"] in ids}


def test_a_unit_scores_the_same_alone_with_its_district_and_with_the_city(resilience_processing):
    """Goalpost stability (issue 15): the units of one district score exactly as they do among the whole city; scaled
    relative to the run they do not, which is why relative scaling is an explicit option."""
    from qgis.core import QgsFeatureRequest

    city = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "street_units", "ogr")
    district = next(city.getFeatures())["district"]
    part = city.materialize(QgsFeatureRequest().setFilterExpression(f"\"district\" = '{district}'"))
    part.setName("一个区")
    assert 0 < part.featureCount() < city.featureCount()
    hazards = {
        "FAULTS": f"{SAMPLE}|layername=faults",
        "FLOOD_ZONES": f"{SAMPLE}|layername=flood_zones",
        "FACILITIES": f"{SAMPLE}|layername=facilities",
    }
    whole = _sample_scores({"INPUT": f"{SAMPLE}|layername=street_units", **hazards})
    alone = _sample_scores({"INPUT": part, **hazards})
    assert alone == {code: whole[code] for code in alone}
    relative_whole = _sample_scores({"INPUT": f"{SAMPLE}|layername=street_units", **hazards, "SCALING": 1})
    relative_alone = _sample_scores({"INPUT": part, **hazards, "SCALING": 1})
    assert any(abs(relative_alone[c] - relative_whole[c]) > 1e-3 for c in relative_alone)


def test_faults_as_the_only_hazard_do_not_zero_the_city(resilience_processing):
    """With faults as the only hazard layer, units outside every avoidance zone keep the city-wide seismic hazard
    (design intensity VIII): their score is the geometric mean of H, V and 10 − C, not 0."""
    fb = Recorder()
    layers, _c = run(
        "resilience:scoreunits",
        {"INPUT": f"{SAMPLE}|layername=street_units", "FAULTS": f"{SAMPLE}|layername=faults", "OUTPUT": "memory:"},
        fb,
    )
    out = list(layers["OUTPUT"].getFeatures())
    outside = [f for f in out if f["i_fault"] == 0]
    assert outside and all(f["s_seismic"] == pytest.approx(20 / 3, abs=1e-3) for f in out)
    assert all(f["hazard"] == pytest.approx(10 / 3, abs=1e-3) for f in outside)
    assert all(f["score"] > 0 for f in outside if f["vulner"] > 0)
    assert "Not assessed: Shelter m² per person, because no facilities were given." in fb.log


def _two_units_scored_with(facilities, **extra):
    """resilience:scoreunits on two units side by side, 甲街道 (1万 people) and 乙街道 (5,000), with ``extra``
    parameters: (outputs, log)."""
    units = memory_layer(
        "Polygon",
        [(box(0, 0, 1000, 1000).wkt, ["甲街道", "1万"]), (box(1000, 0, 2000, 1000).wkt, ["乙街道", "5,000"])],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)),
        name="街镇",
    )
    fb = Recorder()
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "FACILITIES": facilities, "OUTPUT": "memory:", **extra}, fb)
    return layers, fb


def test_facilities_without_police_or_fire_leave_those_indicators_unassessed(resilience_processing):
    facilities = memory_layer(
        "Point",
        [("POINT(500 500)", ["应急避难场所", 5000.0]), ("POINT(1500 500)", ["小学", 2000.0])],
        fields=(("类别", FIELD_STRING), ("有效避难面积", FIELD_DOUBLE)),
        name="设施",
    )
    layers, fb = _two_units_scored_with(facilities)
    out = list(layers["OUTPUT"].getFeatures())
    for f in out:
        assert "police_presence" not in f["indicators"] and "fire_coverage" not in f["indicators"]
        assert "派出所" not in f["measures"] and "消防站" not in f["measures"]  # no measure for what was not assessed
    assert out[0]["i_shelter"] == pytest.approx(0.5) and out[1]["i_shelter"] == pytest.approx(0.4)  # 5000 m² / 1万, 2000 / 5,000
    assert out[1]["i_conv"] == pytest.approx(0.4)  # the school's 2,000 m² for 5,000 people
    assert "because the facilities hold no police station" in fb.log and "because the facilities hold no fire station" in fb.log


TARGETS = (
    ("shelter_per_person", "ok_shelter"),
    ("fire_coverage", "ok_fire"),
    ("police_presence", "ok_police"),
    ("beds_per_1000", "ok_beds"),
)


def test_score_units_on_the_sample(resilience_processing):
    units = f"{SAMPLE}|layername=street_units"
    before = QgsVectorLayer(units, "u", "ogr")
    snapshot = [f.attributes() for f in before.getFeatures()]
    fb = Recorder()
    layers, _c = run(
        "resilience:scoreunits",
        {
            "INPUT": units,
            "FAULTS": f"{SAMPLE}|layername=faults",
            "FLOOD_ZONES": f"{SAMPLE}|layername=flood_zones",
            "GEOHAZARDS": f"{SAMPLE}|layername=geohazards",
            "FACILITIES": f"{SAMPLE}|layername=facilities",
            "OUTPUT": "memory:",
        },
        fb,
    )
    out = list(layers["OUTPUT"].getFeatures())
    english, chinese = load_profile().value("scoring.measures"), load_profile().value("scoring.measures_zh")
    assert set(chinese) == set(english) and all("第" in v and not any("a" <= ch <= "z" for ch in v) for v in chinese.values())
    assert len(out) == len(snapshot) == 233
    assert sorted(f["rank"] for f in out) == list(range(1, 234))
    for f in out:
        assert 0 <= f["score"] <= 10 and f["class"] in sc.CLASSES and f["unit_type"] in sc.TYPES
        # score³ = H · V · (10 − C), from fields rounded to 3 decimals (each product term moves by ≤ 100 × 0.0005)
        assert abs(f["score"] ** 3 - f["hazard"] * f["vulner"] * (10 - f["capacity"])) < 0.2
        assert f["ok_shelter"] == int(f["i_shelter"] >= 2.1)
        assert f["measures"] and "第5" in f["measures"]
        # the type's measure, then one per target failed, in English and in the profile's Chinese (measures_zh)
        keys = [f["unit_type"]] + [k for k, ok in TARGETS if f[ok] == 0]
        assert f["measures"] == "; ".join(english[k] for k in keys)
        assert f["measures_zh"] == "; ".join(chinese[k] for k in keys)
    assert "Indicators used: seismic_intensity, fault_share" in fb.log
    assert [f.attributes() for f in QgsVectorLayer(units, "u", "ogr").getFeatures()] == snapshot
    # without facilities the capacity indicators drop out, and the output says so
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "OUTPUT": "memory:"})
    f = next(layers["OUTPUT"].getFeatures())
    assert f["indicators"] == "seismic_intensity, population_density, elderly_share, old_building_share"
    assert f["score_from"] == "hazard, vulnerability"  # no capacity indicator: capacity is not assessed


def test_score_units_bad_input(resilience_processing, tmp_path):
    fields = (("名称", FIELD_STRING), ("人口", FIELD_DOUBLE))
    units = memory_layer(
        "Polygon",
        [
            (box(0, 0, 1000, 1000).wkt, ["甲街道", 1000.0]),
            (box(1000, 0, 2000, 1000).wkt, ["乙街道", 0.0]),
            ("POLYGON((2000 0, 2000 0, 2000 0, 2000 0))", ["无面积", 10.0]),
        ],
        fields=fields,
        name="街镇",
    )
    fb = Recorder()
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "POPULATION_FIELD": "人口", "OUTPUT": "memory:"}, fb)
    assert "zero or null population" in fb.log and "乙街道" in fb.log
    assert "no area" in fb.log or "without a polygon" in fb.log or "without geometry" in fb.log
    empty = memory_layer("Polygon", [], fields=fields, name="空图层")
    with pytest.raises(QgsProcessingException, match="空图层.*no features"):
        run("resilience:scoreunits", {"INPUT": empty, "POPULATION_FIELD": "人口", "OUTPUT": "memory:"})
    # left empty, the population field is found by its name (人口); a layer with none is refused, naming its fields
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "POPULATION_FIELD": "", "OUTPUT": "memory:"})
    assert layers["OUTPUT"].featureCount() == 3
    unnamed = memory_layer(
        "Polygon", [(box(0, 0, 1000, 1000).wkt, ["甲街道", 1000.0])], fields=(("名称", FIELD_STRING), ("x", FIELD_DOUBLE))
    )
    with pytest.raises(QgsProcessingException, match="population field"):
        run("resilience:scoreunits", {"INPUT": unnamed, "POPULATION_FIELD": "", "OUTPUT": "memory:"})
    # a null population is not assessed, named by feature id (a park's or a lake's unit); most of the field null
    # (beyond the profile's quality.left_out_max_share, 0.5) stops the run, naming the field and the features
    units.dataProvider().changeAttributeValues({2: {1: None}})
    fb = Recorder()
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "OUTPUT": "memory:"}, fb)
    assert "街镇, field '人口': 1 value(s) empty, not a number or negative: not assessed (feature ids 2)" in fb.log
    units.dataProvider().changeAttributeValues({1: {1: None}})
    with pytest.raises(QgsProcessingException, match="街镇, field '人口': 2 of 3 .*feature ids 1, 2"):
        run("resilience:scoreunits", {"INPUT": units, "OUTPUT": "memory:"})
    units.dataProvider().changeAttributeValues({1: {1: 1000.0}, 2: {1: 0.0}})
    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["scoring"]["dimensions"]["value"]["vulnerability"] = {"population_density": 0, "elderly_share": 0, "old_building_share": 0}
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="scoring.dimensions"):
        run("resilience:scoreunits", {"INPUT": units, "POPULATION_FIELD": "人口", "PROFILE": str(broken), "OUTPUT": "memory:"})
    del data["scoring"]["type_margin"]
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="scoring"):
        run("resilience:scoreunits", {"INPUT": units, "POPULATION_FIELD": "人口", "PROFILE": str(broken), "OUTPUT": "memory:"})


def test_a_unit_without_a_polygon_is_not_scored_and_leaves_the_others_as_they_were(resilience_processing):
    """Issue 29 §3: a unit with no geometry was scored from indicators of 0 (no fault, no police, a whole shelter
    share): rank 1, class "high", in a layer of 234 units. It is not assessed: its indicators, score, class, rank and
    type are NULL, and every other unit scores and ranks as without it (the oracle: the same run on the 233)."""
    from qgis.core import QgsFeature, QgsFeatureRequest

    from resilience_plugin.qgisside.io import is_null

    units = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "units", "ogr").materialize(QgsFeatureRequest())
    common = {
        "FACILITIES": f"{SAMPLE}|layername=facilities",
        "FAULTS": f"{SAMPLE}|layername=faults",
        "FLOOD_ZONES": f"{SAMPLE}|layername=flood_zones",
        "OUTPUT": "memory:",
    }
    before = {
        f["name"]: (f["score"], f["rank"], f["class"])
        for f in run("resilience:scoreunits", {**common, "INPUT": units})[0]["OUTPUT"].getFeatures()
    }
    empty = QgsFeature(units.fields())
    attrs = next(units.getFeatures()).attributes()
    attrs[units.fields().indexOf("name")] = "无几何单元"
    empty.setAttributes([None] + attrs[1:])
    units.dataProvider().addFeatures([empty])
    log = Recorder()
    out = {f["name"]: f for f in run("resilience:scoreunits", {**common, "INPUT": units}, log)[0]["OUTPUT"].getFeatures()}
    assert "1 unit(s) without a polygon are not assessed" in log.log and "233 units scored" in log.log, log.log
    lone = out.pop("无几何单元")
    for field in ("score", "rank", "class", "class_zh", "unit_type", "type_zh", "i_fault", "i_police", "i_fire"):
        assert field in lone.fields().names() and is_null(lone[field]), (field, lone[field])
    assert {k: (f["score"], f["rank"], f["class"]) for k, f in out.items()} == before


def test_an_empty_share_is_not_assessed_not_zero(resilience_processing):
    """Issue 29 §3: an empty elderly or old-building share read as 0 (no old people, no old buildings: the unit looked
    sound), because empties were allowed and nothing in the field was unreadable. Oracle: two units alike but for their
    shares, empty in one and 0 in the other: the empty one's indicators are NULL, the other's 0, and their scores
    differ."""
    from resilience_plugin.qgisside.io import is_null

    fields = (("名称", FIELD_STRING), ("人口", FIELD_DOUBLE), ("老年", FIELD_DOUBLE), ("旧房", FIELD_DOUBLE))
    rows = [["甲", 5000.0, 0.3, 0.4], ["乙", 5000.0, None, None], ["丙", 5000.0, 0.0, 0.0], ["丁", 8000.0, 0.1, 0.2]]
    units = memory_layer(
        "Polygon", [(box(1000 * k, 0, 1000 * k + 1000, 1000).wkt, r) for k, r in enumerate(rows)], fields=fields, name="街镇"
    )
    fb = Recorder()
    params = {"INPUT": units, "POPULATION_FIELD": "人口", "ELDERLY_FIELD": "老年", "OLD_BUILDING_FIELD": "旧房", "OUTPUT": "memory:"}
    layers, _c = run("resilience:scoreunits", params, fb)
    out = {f["名称"]: f for f in layers["OUTPUT"].getFeatures()}
    assert is_null(out["乙"]["i_elderly"]) and is_null(out["乙"]["i_oldbldg"]), out["乙"].attributes()
    assert out["丙"]["i_elderly"] == 0 and out["丙"]["i_oldbldg"] == 0  # a share given as 0 is 0
    assert "街镇, field '老年': 1 value(s) empty, not a number or negative: not assessed (feature ids 2)" in fb.log, fb.log
    assert out["乙"]["score"] != out["丙"]["score"], [out[k].attributes() for k in "乙丙"]  # not scored as shares of 0


def test_a_shelter_of_unknown_area_leaves_its_units_shelter_not_assessed(resilience_processing):
    """Issue 29 §3: a shelter whose area was empty counted as 0 m², so its unit's shelter per person was the others'
    area alone. Oracle, by hand: 甲 holds a shelter of 5000 m² for 1万 people (0.5 m² each); 乙 a school of 2000 m² and
    a shelter of unknown area: not assessed. A school's empty area still counts nothing."""
    from resilience_plugin.qgisside.io import is_null

    facilities = memory_layer(
        "Point",
        [("POINT(500 500)", ["应急避难场所", 5000.0]), ("POINT(1500 500)", ["小学", 2000.0]), ("POINT(1600 500)", ["应急避难场所", None]),
         ("POINT(700 500)", ["小学", None])],
        fields=(("类别", FIELD_STRING), ("有效避难面积", FIELD_DOUBLE)),
        name="设施",
    )  # fmt: skip
    flood = memory_layer("Polygon", [(box(1010, 10, 1400, 990).wkt, [1])], fields=(("风险等级", FIELD_INT),), name="洪涝")
    layers, fb = _two_units_scored_with(facilities, FLOOD_ZONES=flood)
    out = {f["名称"]: f for f in layers["OUTPUT"].getFeatures()}
    assert out["甲街道"]["i_shelter"] == pytest.approx(0.5)
    assert is_null(out["乙街道"]["i_shelter"]), out["乙街道"].attributes()
    assert "设施, field '有效避难面积': 1 value(s) empty, not a number or negative: not assessed (feature ids 3)" in fb.log, fb.log
    # the transfer indicator agrees: 乙's people at risk (the zone over its west part) have the shelter of unknown
    # area 200–600 m away, so their share is not known; 甲 has nobody at risk (share 1)
    assert is_null(out["乙街道"]["i_transfer"]), out["乙街道"].attributes()
    assert out["甲街道"]["i_transfer"] == pytest.approx(1.0)


def test_a_share_field_wholly_empty_is_not_used():
    """Issue 29 §3, from the review: empty shares are NaN now, and a field with no value at all was still listed as
    an indicator used. Oracle: the same units scored without the field: equal scores; the note names the reason."""
    units, people = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], [1000.0, 2000.0]
    empty = sc.score_units(units, load_profile(), people, elderly=[np.nan, np.nan])
    without = sc.score_units(units, load_profile(), people)
    notes = [str(n.message) for n in empty.notes]
    assert "Not assessed: Elderly share, because no unit has a value in its field." in notes, notes
    assert not any("elderly_share" in t for t in notes if t.startswith("Indicators used")), notes
    assert np.allclose(empty.scores.score, without.scores.score) and "elderly_share" not in empty.raw


def test_the_transfer_indicator_is_not_assessed_without_a_hazard():
    """Issue 30: with shelters of known area but no flood zone, fault or geological hazard, nobody is at risk by
    anything given, so the share of people at risk with a place is not assessed (never 1, never 0); with a flood zone
    over part of the first unit it is, and matches the transfer by hand (300 places for 500 people at risk: 0.6)."""
    from resilience_plugin.core.facilities import Facilities
    from resilience_plugin.core.hazards import hazards

    units, people = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], [1000.0, 1000.0]
    shelters = Facilities(shapely.points([[600, 500]]), ["short_term_shelter"], np.array([False]), shelter_area=np.array([600.0]))
    plain = sc.score_units(units, load_profile(), people, facilities=shelters)
    assert "transfer_share" not in plain.raw and plain.skipped["transfer_share"] == "no_hazard"
    flooded = sc.score_units(
        units, load_profile(), people, facilities=shelters, hazards=hazards(load_profile(), flood_zones=[box(-10, -10, 500, 1010)])
    )
    assert flooded.raw["transfer_share"] == pytest.approx([0.6, 1.0])
