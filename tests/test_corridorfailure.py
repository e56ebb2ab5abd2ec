"""resilience:corridorfailure through Processing: distances before and after a fault scenario against QGIS's own
shortest path (native:shortestpathpointtolayer on the network, and on the network minus the fault zone made with
native:buffer and native:difference), the written layers checked against shapely, and bad input stopped with a
message naming the layer, nothing written."""

import os

import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.conftest import SAMPLE
from tests.helpers import memory_layer, run

NETWORK = f"{SAMPLE}|layername=walking_network"
FAULTS = f"{SAMPLE}|layername=faults"
HOSPITALS = f"{SAMPLE}|layername=facilities|subset=\"category\" = 'hospital'"


def _value(v):
    """An attribute with NULL as None (QGIS 3.22 gives a null QVariant)."""
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def _aged(name):
    """A sample fault's name as scenarios and causes give it: with its latest activity read from the layer (issue 29)."""
    from resilience_plugin.core.faults import fault_age
    from resilience_plugin.processing.hazards import fault_age_field

    layer = QgsVectorLayer(FAULTS, "f", "ogr")
    field = fault_age_field(layer)
    age = next(fault_age(f[field]) for f in layer.getFeatures() if f["name"] == name) if field else None
    return f"{name} ({age})" if age else name


def _categories(*codes):
    from resilience_plugin.core.profile import load_profile

    all_codes = list(load_profile().value("facility_categories"))
    return [all_codes.index(c) for c in codes]


def _shapes(layer):
    return [shapely.from_wkt(f.geometry().asWkt()) for f in layer.getFeatures()]


def _in_crs(layer, crs):
    from qgis import processing

    return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": "memory:"})["OUTPUT"]


def _native_nearest(network, start, ends):
    """The network distance from ``start`` to the nearest of the ``ends`` layer along QGIS's shortest paths."""
    from qgis import processing

    out = processing.run(
        "native:shortestpathpointtolayer",
        {
            "INPUT": network,
            "STRATEGY": 0,
            "START_POINT": f"{start.x},{start.y} [EPSG:4548]",
            "END_POINTS": ends,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    # the length of the path QGIS found (its "cost" field can differ from it by a metre on QGIS 3.22, in how it
    # counts the partial first and last edges; the path itself is the oracle)
    lengths = [f.geometry().length() for f in out.getFeatures() if f.hasGeometry()]
    return min(lengths) if lengths else float("inf")


def test_distances_before_and_after_a_fault_agree_with_native_shortest_path(resilience_processing, tmp_path):
    from qgis import processing

    net = QgsVectorLayer(NETWORK, "n", "ogr")
    crs = net.crs()
    fault = QgsVectorLayer(f"{FAULTS}|subset=\"name\" = 'Babaoshan fault'", "f", "ogr")
    zone_layer = processing.run("native:buffer", {"INPUT": fault, "DISTANCE": 200, "SEGMENTS": 16, "OUTPUT": "memory:"})["OUTPUT"]
    zone = shapely.union_all(_shapes(zone_layer))
    after_net = processing.run("native:difference", {"INPUT": net, "OVERLAY": zone_layer, "OUTPUT": "memory:"})["OUTPUT"]
    lines = shapely.union_all(_shapes(net))
    # hospitals that join the network (within the 300 m tolerance), in the network's CRS
    hospitals = _in_crs(QgsVectorLayer(HOSPITALS, "h", "ogr"), crs)
    near = [f.id() for f, g in zip(hospitals.getFeatures(), _shapes(hospitals)) if shapely.distance(g, lines) <= 300]
    hospitals.selectByIds(near)
    ends = processing.run("native:saveselectedfeatures", {"INPUT": hospitals, "OUTPUT": "memory:"})["OUTPUT"]
    # after the fault, a hospital whose own road (its nearest network point) lies in the zone is out of reach
    joins = {f.id(): shapely.get_point(shapely.shortest_line(g, lines), 1) for f, g in zip(hospitals.getFeatures(), _shapes(hospitals))}
    hospitals.selectByIds([i for i in near if not shapely.intersects(joins[i], zone)])
    ends_after = processing.run("native:saveselectedfeatures", {"INPUT": hospitals, "OUTPUT": "memory:"})["OUTPUT"]
    assert ends_after.featureCount() < ends.featureCount()
    # communities near the fault, on either side of it, whose own road is outside the zone
    communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "c", "ogr")
    chosen = []
    for f in communities.getFeatures():
        p = shapely.from_wkt(f.geometry().asWkt())
        if 400 < shapely.distance(p, zone) < 3000 and shapely.distance(p, lines) < 100:
            chosen.append(f.id())
    chosen = chosen[:: max(1, len(chosen) // 6)][:6]
    assert len(chosen) >= 4
    units = f'{SAMPLE}|layername=communities|subset="fid" IN ({",".join(str(i) for i in chosen)})'
    params = {
        "NETWORK": NETWORK,
        "UNITS": units,
        "POPULATION_FIELD": "population",
        "FACILITIES": HOSPITALS,
        "CATEGORY_FIELD": "category",
        "CATEGORIES": _categories("hospital"),
        "FAULTS": FAULTS,
        "FAULT_NAME_FIELD": "name",
        "FAULT": "Babaoshan fault",  # the mode left at its default (all faults): a fault named is the one meant
        "RANK": False,
        "UNITS_OUT": str(tmp_path / "units.gpkg"),
        "FAILED": str(tmp_path / "failed.gpkg"),
    }
    out, _ctx = run("resilience:corridorfailure", params)
    written = out["UNITS_OUT"]
    assert written.featureCount() == len(chosen)
    for f in written.getFeatures():
        p = shapely.from_wkt(f.geometry().asWkt())
        before = _native_nearest(net, p, ends)
        after = _native_nearest(after_net, p, ends_after)
        assert f["d0_hospital"] == pytest.approx(before, abs=0.5), f["name"]
        if np.isfinite(after):
            assert f["d1_hospital"] == pytest.approx(after, abs=0.5), f["name"]
            assert f["lost_hospital"] == 0
        else:
            assert _value(f["d1_hospital"]) is None
            assert f["lost_hospital"] == 1
        assert f["scenario"] == _aged("Babaoshan fault")
    # the failed pieces are the network inside the zone, and nothing else
    failed = out["FAILED"]
    pieces = _shapes(failed)
    assert sum(g.length for g in pieces) == pytest.approx(shapely.intersection(lines, zone).length, rel=1e-6)
    assert all(shapely.within(shapely.line_interpolate_point(g, 0.5, normalized=True), zone) for g in pieces)
    assert {f["cause"] for f in failed.getFeatures()} == {"fault"}
    assert {f["cause_name"] for f in failed.getFeatures()} == {_aged("Babaoshan fault")}
    assert all("第44条" in f["measure"] for f in failed.getFeatures())


def _sample_params(tmp_path, **extra):
    params = {
        "NETWORK": NETWORK,
        "UNITS": f"{SAMPLE}|layername=street_units",
        "POPULATION_FIELD": "population",
        "UNIT_NAME_FIELD": "code",
        "CLUSTER_FIELD": "district",
        "FACILITIES": f"{SAMPLE}|layername=facilities",
        "CATEGORY_FIELD": "category",
        "FAULTS": FAULTS,
        "FAULT_NAME_FIELD": "name",
        "FLOOD_ZONES": f"{SAMPLE}|layername=flood_zones",
        "FLOOD_CLASS_FIELD": "risk_class",
        "FLOOD_MIN_CLASS": 0,
        "UNITS_OUT": str(tmp_path / "units.gpkg"),
        "CRITICAL": str(tmp_path / "critical.gpkg"),
        "FAILED": str(tmp_path / "failed.gpkg"),
        "CLUSTER_LINKS": str(tmp_path / "links.gpkg"),
    }
    params.update(extra)
    return params


def test_the_written_layers_agree_with_each_other_and_with_the_zones(resilience_processing, tmp_path):
    out, _ctx = run("resilience:corridorfailure", _sample_params(tmp_path))
    units, critical, failed, links = out["UNITS_OUT"], out["CRITICAL"], out["FAILED"], out["CLUSTER_LINKS"]
    cats = ["hospital", "long_term_shelter", "reserve_depot", "fire_station", "command_centre"]
    assert units.featureCount() == QgsVectorLayer(f"{SAMPLE}|layername=street_units", "u", "ogr").featureCount()
    # polygon units: their people are spread over pieces, and only the pieces that lose access count (issue 28)
    for f in units.getFeatures():
        whole = [c for c in cats if f[f"lost_{c}"] == 1]
        some = [c for c in cats if f[f"pop_cut_{c}"] > 0 or f[f"lost_{c}"] == 1]
        for c in cats:
            d0, d1 = _value(f[f"d0_{c}"]), _value(f[f"d1_{c}"])
            assert (f[f"lost_{c}"] == 1) == (d0 is not None and d1 is None)
            assert 0 <= f[f"pop_cut_{c}"] <= f["population"] * (1 + 1e-9)
            # the share of its people on the network (some may lie beyond the last-mile limit)
            share = f[f"share_cut_{c}"]  # written to six decimals
            assert 0 <= share <= 1 and (share + 1e-6) * f["population"] >= f[f"pop_cut_{c}"] - 1e-3
            if f[f"lost_{c}"] == 1:  # every piece that reached one loses it
                assert f[f"pop_cut_{c}"] > 0
            if d0 is not None and d1 is not None and not f[f"pop_cut_{c}"]:
                assert d1 >= d0 - 1e-6 and f[f"ratio_{c}"] == pytest.approx(d1 / d0)
        assert f["n_lost"] == len(some) and f["lost_cats"] == ",".join(some)
        assert max([f[f"pop_cut_{c}"] for c in cats]) <= f["pop_cut"] + 1e-6 <= sum(f[f"pop_cut_{c}"] for c in cats) + 1e-3
        assert f["access"] in ("lost", "part lost", "longer", "kept", "off network")
        assert (f["access"] == "lost") == bool(whole) and (f["access"] == "part lost") == bool(some and not whole)
        assert bool(_value(f["cause"])) == bool(some)
    # failed pieces: inside a fault's 200 m zone or a class-1 flood zone, and all the network inside them
    crs = units.crs()
    faults = shapely.union_all(_shapes(_in_crs(QgsVectorLayer(FAULTS, "f", "ogr"), crs))).buffer(200, quad_segs=16)
    floods = QgsVectorLayer(f'{SAMPLE}|layername=flood_zones|subset="risk_class" = 1', "z", "ogr")
    zone = shapely.union_all([faults, shapely.union_all(_shapes(floods))])
    lines = shapely.union_all(_shapes(QgsVectorLayer(NETWORK, "n", "ogr")))
    pieces = _shapes(failed)
    assert sum(g.length for g in pieces) == pytest.approx(shapely.intersection(lines, zone).length, rel=1e-4)
    # critical sections: ranked by people cut off, then people on routes; cut-offs only on bridges
    rows = sorted(critical.getFeatures(), key=lambda f: f["rank"])
    assert [f["rank"] for f in rows] == list(range(1, len(rows) + 1))
    keys = [(-f["pop_cut"], -f["pop_route"]) for f in rows]
    assert keys == sorted(keys)
    # cut-offs on bridges, or of the people who join a section between its ends (it fails whole); named either way
    assert all(f["n_units_cut"] >= 1 for f in rows if f["pop_cut"] > 0)
    assert all(f["pop_cut"] > 0 or f["pop_route"] > 0 for f in rows)
    top = rows[0]
    assert top["n_units_cut"] >= 1 and top["units_cut"] and top["cut_cats"]
    # the units the top section cuts off (named by their unique code) are real units, and its pop_cut is part of
    # their people (those who live where the section is their only way)
    names = top["units_cut"].split(" … ")[0].split("、")
    pops = {f["code"]: f["population"] for f in QgsVectorLayer(f"{SAMPLE}|layername=street_units", "u", "ogr").getFeatures()}
    assert all(n in pops for n in names)
    if top["n_units_cut"] <= 10:
        assert 0 < top["pop_cut"] <= sum(pops[n] for n in names) + 1e-6
    # cluster links: between the districts' centres, lost where no route is left
    assert links.featureCount() > 0
    for f in links.getFeatures():
        assert f["link"] in ("kept", "longer", "lost", "none")
        assert (f["link"] == "lost") == (_value(f["len0_m"]) is not None and _value(f["len1_m"]) is None)


def test_each_fault_in_turn_writes_the_units_each_changes(resilience_processing, tmp_path):
    params = _sample_params(tmp_path, FAULT_MODE=1, FLOOD_ZONES=None, CRITICAL=None, CLUSTER_LINKS=None, CLUSTER_FIELD=None)
    out, _ctx = run("resilience:corridorfailure", params)
    units = out["UNITS_OUT"]
    scenarios = {f["scenario"] for f in units.getFeatures()}
    assert scenarios <= {_aged(f["name"]) for f in QgsVectorLayer(FAULTS, "f", "ogr").getFeatures()}
    assert len(scenarios) >= 2
    assert all(f["access"] in ("lost", "part lost", "longer") for f in units.getFeatures())
    failed = out["FAILED"]
    assert {f["scenario"] for f in failed.getFeatures()} == {_aged(f["name"]) for f in QgsVectorLayer(FAULTS, "f", "ogr").getFeatures()}


class _Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802 - QGIS API
        self.lines.append(warning)


def _square_city():
    """A 2 km square of streets in EPSG:4548 with a diagonal that crosses two of them without a node."""
    x, y = 446000, 4420000
    lines = [
        f"LineString ({x} {y}, {x + 2000} {y})",
        f"LineString ({x + 2000} {y}, {x + 2000} {y + 2000})",
        f"LineString ({x + 2000} {y + 2000}, {x} {y + 2000})",
        f"LineString ({x} {y + 2000}, {x} {y})",
        f"LineString ({x - 500} {y + 1000}, {x + 2500} {y + 1000})",
    ]
    from resilience_plugin.qgisside.compat import FIELD_STRING

    network = memory_layer("LineString", [(w, [f"路{i}"]) for i, w in enumerate(lines)], fields=(("名称", FIELD_STRING),), name="路网 test")
    units = memory_layer(
        "Point", [(f"Point ({x + 10} {y + 500})", ["甲", 1000]), (f"Point ({x + 1990} {y + 1500})", ["乙", 2000])], name="社区 test"
    )
    hospital = memory_layer("Point", [(f"Point ({x + 1000} {y + 10})", ["医院", 0])], name="医院 test")
    return network, units, hospital


def _small_params(tmp_path, network, units, facilities, **extra):
    params = {
        "NETWORK": network,
        "UNITS": units,
        "POPULATION_FIELD": "人口",
        "FACILITIES": facilities,
        "CATEGORY_FIELD": "名称",
        "CATEGORIES": _categories("hospital"),
        "UNITS_OUT": str(tmp_path / "units.gpkg"),
        "CRITICAL": str(tmp_path / "critical.gpkg"),
        "FAILED": str(tmp_path / "failed.gpkg"),
    }
    params.update(extra)
    return params


def test_an_unnoded_network_is_noded_with_a_warning_and_a_scenario_that_fails_nothing_says_so(resilience_processing, tmp_path):
    network, units, hospital = _square_city()
    log = _Log()
    out, _ctx = run("resilience:corridorfailure", _small_params(tmp_path, network, units, hospital), feedback=log)
    text = "\n".join(log.lines)
    assert "not noded" in text and "fails nothing" in text
    rows = list(out["UNITS_OUT"].getFeatures())
    # unit 甲 at (10, 500): 500 m down, 1000 m along; 乙 at (1990, 1500): along the middle street is no shorter
    assert rows[0]["d0_hospital"] == pytest.approx(1500) and rows[1]["d0_hospital"] == pytest.approx(2500)
    assert all(f["d1_hospital"] == f["d0_hospital"] for f in rows)


def _damage_everywhere():
    """Drawn damage over the whole of _square_city."""
    x, y = 446000, 4420000
    ring = f"{x - 600} {y - 100}, {x + 2600} {y - 100}, {x + 2600} {y + 2100}, {x - 600} {y + 2100}, {x - 600} {y - 100}"
    return memory_layer("Polygon", [(f"Polygon (({ring}))", ["全部", 0])], name="损毁 test")


def test_a_scenario_that_fails_everything_cuts_everyone_off(resilience_processing, tmp_path):
    network, units, hospital = _square_city()
    everything = _damage_everywhere()
    log = _Log()
    out, _ctx = run("resilience:corridorfailure", _small_params(tmp_path, network, units, hospital, DAMAGE=everything), feedback=log)
    assert "every section" in "\n".join(log.lines)
    assert [f["lost_hospital"] for f in out["UNITS_OUT"].getFeatures()] == [1, 1]


def test_a_unit_whose_people_are_unknown_is_not_assessed_never_zero(resilience_processing, tmp_path):
    """Issue 29: a unit with an empty population was counted as 0 people: "lost" with 0 people cut off. It is "not
    assessed", its figures NULL, and the totals are those of the others (hand count: everything fails, 甲's 1,000
    people are cut off)."""
    network, _units, hospital = _square_city()
    x, y = 446000, 4420000
    # twenty compounds of 50 people (one empty value in 21 is under the share that stops a run) and one unknown
    known = [(f"Point ({x + 10} {y + 500 + 20 * k})", [f"甲{k}", 50]) for k in range(20)]
    units = memory_layer("Point", known + [(f"Point ({x + 1990} {y + 1500})", ["乙", None])], name="社区 test")
    everything = _damage_everywhere()
    log = _Log()
    out, _ctx = run("resilience:corridorfailure", _small_params(tmp_path, network, units, hospital, DAMAGE=everything), feedback=log)
    text = "\n".join(log.lines)
    assert "not assessed" in text and "1,000 people cut off" in text, text
    rows = {f["名称"]: f for f in out["UNITS_OUT"].getFeatures()}
    assert all(rows[f"甲{k}"]["access"] == "lost" and rows[f"甲{k}"]["pop_cut"] == pytest.approx(50) for k in range(20))
    unknown = rows["乙"]
    assert unknown["access"] == "not assessed"
    for field in ("people", "pop_cut", "pop_cut_hospital", "lost_hospital", "n_lost", "d0_hospital"):
        assert _value(unknown[field]) is None, field


@pytest.mark.parametrize(
    "change, message",
    [
        ({"FACILITIES": "shops"}, "no facility of an essential category"),
        ({"UNITS": "far"}, "within 300 m of the network"),
        ({"FAULT_MODE": 2, "FAULT": "no such fault"}, "Babaoshan fault"),
        ({"UNITS": "empty"}, "no features"),
    ],
)
def test_bad_input_stops_with_a_message_and_writes_nothing(resilience_processing, tmp_path, change, message):
    network, units, hospital = _square_city()
    layers = {
        "shops": memory_layer("Point", [("Point (447000 4420010)", ["超市", 0])], name="超市 test"),
        "far": memory_layer("Point", [("Point (460000 4440000)", ["远", 10])], name="远处 test"),
        "empty": memory_layer("Point", [], name="空 test"),
    }
    params = _small_params(tmp_path, network, units, hospital, FAULTS=FAULTS, FAULT_NAME_FIELD="name")
    for key, value in change.items():
        params[key] = layers.get(value, value) if isinstance(value, str) else value
    with pytest.raises(QgsProcessingException, match=message):
        run("resilience:corridorfailure", params)
    for name in ("units.gpkg", "critical.gpkg", "failed.gpkg"):
        assert not os.path.exists(tmp_path / name)


def test_the_scenario_scores_as_a_capacity_indicator(resilience_processing, tmp_path):
    """resilience:scoreunits with the scenario's units: i_access is, per unit, the share of the categories it
    reached before that it still reaches, each weighed by the share of its people who keep it (recounted from the
    written scenario layer by unit code), and it lowers the capacity of the units that lose one."""
    out, _ctx = run(
        "resilience:corridorfailure",
        _sample_params(tmp_path, CRITICAL=None, CLUSTER_LINKS=None, CLUSTER_FIELD=None, FLOOD_ZONES=None, FAILED=None),
    )
    scenario = out["UNITS_OUT"]
    cats = ["hospital", "long_term_shelter", "reserve_depot", "fire_station", "command_centre"]
    expected = {}
    for f in scenario.getFeatures():
        # a category part of the unit's people lose counts for the share of its people who keep it (issue 28)
        before = sum(_value(f[f"d0_{c}"]) is not None for c in cats)
        after = sum(1 - f[f"share_cut_{c}"] for c in cats if _value(f[f"d0_{c}"]) is not None)
        expected[f["code"]] = after / before if before else None
    common = {"INPUT": f"{SAMPLE}|layername=street_units", "FACILITIES": f"{SAMPLE}|layername=facilities", "OUTPUT": "memory:"}
    scored, _c = run("resilience:scoreunits", {**common, "SCENARIO": str(tmp_path / "units.gpkg")})
    plain, _c = run("resilience:scoreunits", common)
    capacity = {f["code"]: f["capacity"] for f in plain["OUTPUT"].getFeatures()}
    lower = 0
    for f in scored["OUTPUT"].getFeatures():
        want = expected[f["code"]]
        if want is None:
            assert _value(f["i_access"]) is None
            continue
        assert f["i_access"] == pytest.approx(want, abs=1e-4)  # written to four decimals
        assert f["s_access"] == pytest.approx(10 * want, abs=1e-3)
        lower += want < 1 and f["capacity"] < capacity[f["code"]]
    assert lower > 0


def test_a_layer_that_is_not_a_scenario_is_refused_by_name(resilience_processing):
    with pytest.raises(QgsProcessingException, match="d0_"):
        run(
            "resilience:scoreunits",
            {"INPUT": f"{SAMPLE}|layername=street_units", "SCENARIO": f"{SAMPLE}|layername=street_units", "OUTPUT": "memory:"},
        )


def test_osm_roads_with_bridges_and_osm_facilities_as_real_sources_write_them(resilience_processing, tmp_path):
    """Roads as Geofabrik writes them (fclass, bridge T/F, layer), hospitals as an OSM export (fclass hospital),
    communities with population written 1.2万: the bridge over road A meets it only at its ends."""
    from resilience_plugin.qgisside.compat import FIELD_INT, FIELD_STRING

    x, y = 446000, 4420000
    roads = memory_layer(
        "LineString",
        [
            (f"LineString ({x} {y}, {x + 2000} {y})", ["1", "primary", "F", "F", 0]),
            (f"LineString ({x + 1000} {y - 500}, {x + 1000} {y + 500})", ["2", "primary", "T", "F", 1]),
            (f"LineString ({x + 1000} {y - 500}, {x} {y - 500})", ["3", "residential", "F", "F", 0]),
            (f"LineString ({x} {y - 500}, {x} {y})", ["4", "residential", "F", "F", 0]),
        ],
        fields=(
            ("osm_id", FIELD_STRING),
            ("fclass", FIELD_STRING),
            ("bridge", FIELD_STRING),
            ("tunnel", FIELD_STRING),
            ("layer", FIELD_INT),
        ),
        name="gis_osm_roads_free_1",
    )
    communities = memory_layer(
        "Point",
        [(f"Point ({x + 1003} {y + 490})", ["桥北社区", "1.2万"])],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)),
        name="社区",
    )
    hospitals = memory_layer(
        "Point",
        [(f"Point ({x + 100} {y + 3})", ["hospital", "协和"])],
        fields=(("fclass", FIELD_STRING), ("name", FIELD_STRING)),
        name="gis_osm_pois",
    )
    log = _Log()
    out, _ctx = run(
        "resilience:corridorfailure",
        {
            "NETWORK": roads,
            "UNITS": communities,
            "FACILITIES": hospitals,
            "CATEGORIES": _categories("hospital"),
            "UNITS_OUT": str(tmp_path / "units.gpkg"),
        },
        feedback=log,
    )
    (f,) = out["UNITS_OUT"].getFeatures()
    assert f["d0_hospital"] == pytest.approx(990 + 1000 + 500 + 100)
    assert "bridge or tunnel" in "\n".join(log.lines) and "not noded" not in "\n".join(log.lines)
    assert f["人口"] == "1.2万" and f["pop_cut"] == 0


def test_one_fault_selected_on_the_map(resilience_processing, tmp_path):
    """A planner selects a fault on the map and ticks Selected features only: that fault alone is the scenario."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    faults = QgsVectorLayer(FAULTS, "活动断裂", "ogr")
    QgsProject.instance().addMapLayer(faults)
    try:
        faults.selectByExpression("\"name\" = 'Xiadian fault'")
        assert faults.selectedFeatureCount() == 1
        params = _sample_params(
            tmp_path,
            FAULTS=QgsProcessingFeatureSourceDefinition(faults.id(), True),
            FLOOD_ZONES=None,
            CRITICAL=None,
            CLUSTER_LINKS=None,
        )
        out, _ctx = run("resilience:corridorfailure", params)
        assert {f["scenario"] for f in out["UNITS_OUT"].getFeatures()} == {_aged("Xiadian fault")}
        assert {f["cause_name"] for f in out["FAILED"].getFeatures()} == {_aged("Xiadian fault")}
    finally:
        QgsProject.instance().removeMapLayer(faults.id())


def test_a_chinese_log_names_the_measures_in_chinese(resilience_processing, tmp_path):
    """Issue 29 §7: the critical sections' measures came in English into a Chinese log. In Chinese they are the
    profile's corridors.measures_zh (the output fields keep the profile's bilingual text); in English, as before."""
    import shutil
    import subprocess

    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import load_profile
    from resilience_plugin.qgisside.translation import install_translator, remove_translator

    ts = default_profile_path().parents[2] / "i18n" / "resilience_plugin_zh_CN.ts"
    if not ts.with_suffix(".qm").exists():
        if shutil.which("lrelease") is None:
            pytest.skip("lrelease not installed; run make transcompile")
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    profile = load_profile()
    zh = profile.value("corridors.measures_zh")
    english = [profile.value(f"corridors.{k}_measure") for k in zh]
    logs = {}
    for language in ("en", "zh"):
        translator = install_translator("zh_CN") if language == "zh" else None
        try:
            log = _Log()
            (tmp_path / language).mkdir()
            run("resilience:corridorfailure", _sample_params(tmp_path / language), feedback=log)
            logs[language] = [line for line in log.lines if "Measure:" in line or "措施：" in line]
        finally:
            if translator is not None:
                remove_translator(translator)
    assert logs["en"] and logs["zh"] and len(logs["en"]) == len(logs["zh"])
    assert all(any(e in line for e in english) for line in logs["en"])
    assert all(any(f"{z}（第" in line for z in zh.values()) and not any(e in line for e in english) for line in logs["zh"])


def test_bridge_and_tunnel_values_read_once_each_as_one_by_one():
    """The bridge/tunnel/layer values of a city's roads are worked out once per distinct row (198,399 roads at
    Beijing scale): the same flags as reading each road on its own, with 1 and 1.0 kept apart ("1" is yes, "1.0"
    is not) and a value that cannot be a key."""
    from resilience_plugin.processing.corridors.corridor_failure import _elevated, _elevated_all

    rows = [
        ("T", None, None),
        ("F", "", 0),
        (1, None, None),
        (1.0, None, None),
        (None, "yes", None),
        (None, None, "-1"),
        (None, None, 0.0),
        ("是", None, None),
        ([1], None, None),
        ("T", None, None),
        (1.0, None, None),
        (1, None, None),
    ]
    assert _elevated_all(rows) == [_elevated(r) for r in rows]
    assert _elevated_all(rows)[2] is True and _elevated_all(rows)[3] is _elevated((1.0, None, None))


def test_a_unit_off_the_network_is_not_assessed_never_zero(resilience_processing, tmp_path):
    """Issue 29 §3: a unit 3 km from the roads (beyond the profile's 2 km last-mile limit, hand-placed) was written
    with lost_hospital 0, pop_cut 0 and n_lost 0, as if it had lost nothing. It is not assessed: those are NULL, as
    its distances are. The unit on the network, under damage over everything, is cut off as before."""
    network, _units, hospital = _square_city()
    x, y = 446000, 4420000
    units = memory_layer(
        "Point", [(f"Point ({x + 10} {y + 500})", ["甲", 1000]), (f"Point ({x + 1000} {y + 5000})", ["远", 800])], name="社区 test"
    )
    out, _ctx = run("resilience:corridorfailure", _small_params(tmp_path, network, units, hospital, DAMAGE=_damage_everywhere()))
    rows = {f["名称"]: f for f in out["UNITS_OUT"].getFeatures()}
    assert rows["甲"]["lost_hospital"] == 1 and rows["甲"]["pop_cut_hospital"] == pytest.approx(1000)
    far = rows["远"]
    assert far["on_network"] == 0
    for field in ("lost_hospital", "pop_cut_hospital", "share_cut_hospital", "n_lost", "pop_cut", "d0_hospital"):
        assert _value(far[field]) is None, (field, far[field])
