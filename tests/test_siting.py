"""resilience:siting through Processing on the sample city: what it writes is checked from the written layers alone
(coverage recomputed in numpy, exclusions measured with shapely, distances along the network against QGIS's own
shortest path), and bad input stops with a message naming the layer and nothing written."""

import numpy as np
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.conftest import SAMPLE
from tests.helpers import memory_layer, run

CANDIDATES = f"{SAMPLE}|layername=facilities|subset=\"category\" IN ('school', 'park', 'stadium', 'hotel')"
EXISTING = f"{SAMPLE}|layername=facilities|subset=\"category\" = 'short_term_shelter'"


def _xy(layer):
    """Point coordinates of a layer (a polygon's point on surface), in the layer's CRS, by feature."""
    out = []
    for f in layer.getFeatures():
        g = f.geometry()
        p = g.asPoint() if g.type() == 0 and not g.isMultipart() else g.pointOnSurface().asPoint()
        out.append((p.x(), p.y()))
    return np.array(out)


def _params(tmp_path, **extra):
    params = {
        "INPUT": f"{SAMPLE}|layername=communities",
        "POPULATION_FIELD": "population",
        "CANDIDATES": CANDIDATES,
        "CAPACITY_FIELD": "shelter_area_m2",
        "EXISTING": EXISTING,
        "CATEGORY": 1,
        "MODEL": 0,
        "COUNT": 8,
        "FAULTS": f"{SAMPLE}|layername=faults",
        "EXCLUDE": [f"{SAMPLE}|layername=flood_zones"],
        "OUTPUT": str(tmp_path / "sites.gpkg"),
        "ALLOCATION": str(tmp_path / "alloc.gpkg"),
        "EXCLUDED": str(tmp_path / "excluded.gpkg"),
    }
    params.update(extra)
    return params


def _in_crs(layer, crs):
    from qgis import processing

    return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": crs, "OUTPUT": "memory:"})["OUTPUT"]


def test_coverage_on_the_sample_city_is_what_the_written_layers_say(resilience_processing, tmp_path):
    out, _ctx = run("resilience:siting", _params(tmp_path))
    sites, alloc, excluded = out["OUTPUT"], out["ALLOCATION"], out["EXCLUDED"]
    crs = alloc.crs()
    assert sites.featureCount() == 8
    assert {f["category"] for f in sites.getFeatures()} == {"short_term_shelter"}
    ranks = [f["site_rank"] for f in sites.getFeatures()]
    assert sorted(ranks) == list(range(1, 9))
    # coverage recomputed from the layers: communities within 1000 m of an existing shelter or a chosen site
    communities = _xy(alloc)
    pop = np.array([f["population"] for f in alloc.getFeatures()], dtype=float)
    existing = _xy(_in_crs(QgsVectorLayer(EXISTING, "e", "ogr"), crs))
    chosen = _xy(sites)

    def covered(points):
        d = np.hypot(communities[:, None, 0] - points[None, :, 0], communities[:, None, 1] - points[None, :, 1])
        return (d <= 1000.0).any(axis=1)

    before, after = covered(existing), covered(np.vstack([existing, chosen]))
    assert [bool(f["cov_before"]) for f in alloc.getFeatures()] == before.tolist()
    assert [bool(f["cov_after"]) for f in alloc.getFeatures()] == after.tolist()
    # greedy reading: what each adds, in rank order, sums to the gain, and never grows
    by_rank = sorted(sites.getFeatures(), key=lambda f: f["site_rank"])
    adds = [f["adds_pop"] for f in by_rank]
    assert sum(adds) == pytest.approx(pop[after].sum() - pop[before].sum())
    assert all(a >= b - 1e-6 for a, b in zip(adds, adds[1:]))
    # no chosen site lies within 200 m of a fault or in a flood zone; every excluded one does
    faults = [
        shapely.from_wkt(f.geometry().asWkt()) for f in _in_crs(QgsVectorLayer(f"{SAMPLE}|layername=faults", "f", "ogr"), crs).getFeatures()
    ]
    zones = [
        shapely.from_wkt(f.geometry().asWkt())
        for f in _in_crs(QgsVectorLayer(f"{SAMPLE}|layername=flood_zones", "z", "ogr"), crs).getFeatures()
    ]
    hazard = shapely.union_all(faults).buffer(200.0, quad_segs=64)
    flood = shapely.union_all(zones)

    def blocked(xy):
        p = shapely.points(xy)
        return shapely.distance(p, shapely.union_all(faults)) <= 200.0 + 1e-6, shapely.intersects(p, flood)

    near, inside = blocked(chosen)
    assert not near.any() and not inside.any()
    ex_xy = _xy(excluded)
    near, inside = blocked(ex_xy)
    assert (near | inside).all() and excluded.featureCount() > 0
    reasons = [f["reason"] for f in excluded.getFeatures()]
    assert all(("GB 50011" in r) == bool(n) or i for r, n, i in zip(reasons, near, inside))
    assert hazard.area > 0


def test_capacitated_shelters_never_take_more_than_they_hold(resilience_processing, tmp_path):
    out, _ctx = run("resilience:siting", _params(tmp_path, MODEL=3, COUNT=5, EXISTING_CAPACITY_FIELD="shelter_area_m2"))
    sites, alloc = out["OUTPUT"], out["ALLOCATION"]
    for f in sites.getFeatures():
        # the capacity is the shelter area over GB 51143's 2.0 m² per person (short-term), and it binds
        assert f["capacity_p"] == pytest.approx(f["cand_shelter_area_m2"] / 2.0)
        assert f["serves_pop"] <= f["capacity_p"] + 1e-6
    served = np.array([f["served_aft"] for f in alloc.getFeatures()])
    pop = np.array([f["population"] for f in alloc.getFeatures()], dtype=float)
    assert (served <= pop + 1e-6).all()
    assert served.sum() == pytest.approx(
        sum(f["serves_pop"] for f in sites.getFeatures())
        + sum(f["served_aft"] for f in alloc.getFeatures() if f["fac_kind"] == "existing"),
        rel=1e-6,
    )


def test_distances_along_the_network_agree_with_native_shortest_path(resilience_processing, tmp_path):
    from qgis import processing

    network = f"{SAMPLE}|layername=walking_network"
    out, _ctx = run("resilience:siting", _params(tmp_path, NETWORK=network, COUNT=4, EXISTING=None, FAULTS=None, EXCLUDE=None))
    sites, alloc = out["OUTPUT"], out["ALLOCATION"]
    site_at = {f["site_rank"]: f.geometry().asPoint() for f in sites.getFeatures()}
    rows = [f for f in alloc.getFeatures() if f["fac_kind"] == "new"][:: max(1, alloc.featureCount() // 400)][:8]
    assert len(rows) >= 4
    net = _in_crs(QgsVectorLayer(network, "n", "ogr"), alloc.crs())
    for f in rows:
        start, end = f.geometry().asPoint(), site_at[f["fac_rank"]]
        path = processing.run(
            "native:shortestpathpointtopoint",
            {
                "INPUT": net,
                "STRATEGY": 0,
                "START_POINT": f"{start.x()},{start.y()} [{alloc.crs().authid()}]",
                "END_POINT": f"{end.x()},{end.y()} [{alloc.crs().authid()}]",
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
        cost = next(path.getFeatures())["cost"]
        assert f["dist_m"] == pytest.approx(cost, abs=0.5), f["code"]


def _layer_of_points(points, population=1000, name="社区 test"):
    return memory_layer("Point", [(f"Point ({x} {y})", [f"p{i}", population]) for i, (x, y) in enumerate(points)], name=name)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"COUNT": 50}, "only"),
        ({"FAULTS": None, "EXCLUDE": None, "CANDIDATES": "far"}, "km from"),
        ({"INPUT": "zero"}, "no population"),
        ({"CANDIDATES": "empty"}, "no features"),
        ({"AVOIDANCE_DISTANCE": 1e7}, "no candidate site is left"),
        ({"EXCLUDE_CLASSES": "1,蓝色"}, "not a risk class"),
    ],
)
def test_bad_input_stops_with_a_message_and_writes_nothing(resilience_processing, tmp_path, change, message):
    base = [(446000 + 300 * i, 4420000 + 200 * (i % 3)) for i in range(6)]
    layers = {
        "demand": _layer_of_points(base, name="社区"),
        "cands": _layer_of_points([(x + 50, y + 50) for x, y in base[:4]], name="候选"),
        "far": _layer_of_points([(116.4, 39.9), (116.41, 39.91)], name="候选 经纬度"),  # lon/lat declared as metres
        "zero": _layer_of_points(base, population=0, name="社区 无人口"),
        "empty": _layer_of_points([], name="候选 空"),
    }
    params = _params(
        tmp_path, INPUT=layers["demand"], CANDIDATES=layers["cands"], POPULATION_FIELD="人口", CAPACITY_FIELD=None, EXISTING=None
    )
    for key, value in change.items():
        params[key] = layers.get(value, value) if isinstance(value, str) else value
    if params.get("FAULTS") is not None:
        params["FAULTS"] = _line_layer()
    with pytest.raises(QgsProcessingException, match=message):
        run("resilience:siting", params, QgsProcessingFeedback())
    assert not (tmp_path / "sites.gpkg").exists() or QgsVectorLayer(str(tmp_path / "sites.gpkg"), "s", "ogr").featureCount() <= 0


def _line_layer():
    layer = QgsVectorLayer("LineString?crs=EPSG:4548&field=name:string", "断层", "memory")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromWkt("LineString (440000 4410000, 441000 4410000)"))
    f.setAttributes(["远处断层"])
    layer.dataProvider().addFeatures([f])
    return layer


def test_existing_facilities_of_other_categories_are_left_out_by_their_label(resilience_processing, tmp_path):
    """A whole facility layer as the existing ones, with its category field: only the sited category counts, as if
    the layer had been filtered to it; without the field the log warns that every facility counts."""
    from tests.helpers import Recorder

    filtered, _c = run("resilience:siting", _params(tmp_path, FAULTS=None, EXCLUDE=None, EXCLUDED=None))
    whole = _params(tmp_path, FAULTS=None, EXCLUDE=None, EXCLUDED=None, EXISTING=f"{SAMPLE}|layername=facilities")
    whole.update(EXISTING_CATEGORY_FIELD="category_zh", OUTPUT=str(tmp_path / "w.gpkg"), ALLOCATION=str(tmp_path / "wa.gpkg"))
    by_label, _c = run("resilience:siting", whole)
    key = lambda f: (f["site_rank"], f["cand_fid"], f["adds_pop"])  # noqa: E731
    assert [key(f) for f in by_label["OUTPUT"].getFeatures()] == [key(f) for f in filtered["OUTPUT"].getFeatures()]
    assert [f["cov_before"] for f in by_label["ALLOCATION"].getFeatures()] == [
        f["cov_before"] for f in filtered["ALLOCATION"].getFeatures()
    ]
    del whole["EXISTING_CATEGORY_FIELD"]
    whole.update(OUTPUT=str(tmp_path / "x.gpkg"), ALLOCATION=str(tmp_path / "xa.gpkg"))
    feedback = Recorder()
    run("resilience:siting", whole, feedback)
    assert "all of them count as existing" in feedback.log


def test_only_the_flood_zones_of_the_classes_chosen_exclude_candidates(resilience_processing, tmp_path):
    params = _params(tmp_path, FAULTS=None, EXCLUDE_CLASSES="1", EXISTING=None)
    out, _c = run("resilience:siting", params)
    excluded = out["EXCLUDED"]
    crs = excluded.crs()
    zones = [
        (f["risk_class"], shapely.from_wkt(f.geometry().asWkt())) for f in _in_crs(f"{SAMPLE}|layername=flood_zones", crs).getFeatures()
    ]
    zones_high = shapely.union_all([g for c, g in zones if str(c) == "1"])
    zones_all = shapely.union_all([g for _c, g in zones])
    got = shapely.points(_xy(excluded))
    assert excluded.featureCount() > 0 and shapely.intersects(got, zones_high).all()
    # every candidate in a class-1 zone is excluded; those only in lower-class zones are not
    cands = _in_crs(QgsVectorLayer(CANDIDATES, "c", "ogr"), crs)
    xy = shapely.points(_xy(cands))
    assert int(shapely.intersects(xy, zones_high).sum()) == excluded.featureCount()
    assert int(shapely.intersects(xy, zones_all).sum()) > excluded.featureCount()


def test_demand_whose_people_are_unknown_is_not_assessed_never_zero(resilience_processing, tmp_path):
    """Issue 29: a demand feature with an empty population was counted as 0 people, "served" with 0 of 0. Its
    figures are NULL and it weighs nothing. Oracle: the same run without that feature chooses the same sites and
    serves the same people."""
    from tests.helpers import Recorder

    base = [(446000 + 300 * i, 4420000 + 200 * (i % 3)) for i in range(20)]
    rows = [(f"Point ({x} {y})", [f"p{i}", 1000 + 10 * i]) for i, (x, y) in enumerate(base)]
    unknown = ("Point (446100 4420100)", ["无人口", None])
    with_unknown = memory_layer("Point", rows + [unknown], name="社区")
    without = memory_layer("Point", rows, name="社区")
    cands = _layer_of_points([(x + 50, y + 50) for x, y in base[::3]], name="候选")
    common = dict(
        CANDIDATES=cands,
        POPULATION_FIELD="人口",
        CAPACITY_FIELD=None,
        EXISTING=None,
        FAULTS=None,
        EXCLUDE=None,
        EXCLUDED=None,
        COUNT=2,
        DISTANCE=700,
    )
    log = Recorder()
    got, _c = run("resilience:siting", _params(tmp_path, INPUT=with_unknown, **common), log)
    ref, _c = run(
        "resilience:siting",
        _params(tmp_path, INPUT=without, OUTPUT=str(tmp_path / "r.gpkg"), ALLOCATION=str(tmp_path / "ra.gpkg"), **common),
    )
    assert "not assessed" in "\n".join(log.text)
    sites = lambda out: [f["cand_名称"] if "cand_名称" in out.fields().names() else f["名称"] for f in out.getFeatures()]  # noqa: E731
    assert sites(got["OUTPUT"]) == sites(ref["OUTPUT"])
    assert [f["serves_pop"] for f in got["OUTPUT"].getFeatures()] == [f["serves_pop"] for f in ref["OUTPUT"].getFeatures()]
    alloc = {f["名称"]: f for f in got["ALLOCATION"].getFeatures()}
    for field in ("pop", "cov_before", "cov_after", "served_bef", "served_aft", "share_bef", "share_aft"):
        v = alloc["无人口"][field]
        assert v is None or (hasattr(v, "isNull") and v.isNull()), field
    assert alloc["p0"]["pop"] == 1000


@pytest.mark.parametrize("unknown, refused", [(1, False), (3, True)])
def test_empty_populations_are_not_assessed_unless_most_are_empty(resilience_processing, tmp_path, unknown, refused):
    """An empty population (a park's or a lake's unit) is not assessed, beyond the 5 % of unreadable text that
    stops a run (a review found 1 empty in 4 stopping it); most of the field empty (beyond the profile's
    quality.left_out_max_share, 0.5) still stops it, naming the field."""
    base = [(446000 + 300 * i, 4420000) for i in range(4)]
    rows = [(f"Point ({x} {y})", [f"p{i}", None if i < unknown else 1000]) for i, (x, y) in enumerate(base)]
    demand = memory_layer("Point", rows, name="社区")
    cands = _layer_of_points([(x + 50, y + 50) for x, y in base[:2]], name="候选")
    params = _params(
        tmp_path, INPUT=demand, CANDIDATES=cands, POPULATION_FIELD="人口", CAPACITY_FIELD=None, EXISTING=None,
        FAULTS=None, EXCLUDE=None, EXCLUDED=None, COUNT=1, DISTANCE=500,
    )  # fmt: skip
    if refused:
        with pytest.raises(QgsProcessingException, match="人口"):
            run("resilience:siting", params)
    else:
        out, _c = run("resilience:siting", params)
        pops = [f["pop"] for f in out["ALLOCATION"].getFeatures()]
        assert sum(1 for v in pops if v is None or (hasattr(v, "isNull") and v.isNull())) == unknown


def test_demand_that_cannot_be_placed_is_not_assessed_not_unserved(resilience_processing, tmp_path):
    """Issue 29 §3: demand without geometry, or along a network with no line within the snapping tolerance, had
    cov_before/after 0 and served 0: "not served", where nothing was known. Oracle, by hand: a road 2 km long, 近 50 m
    from it and 100 m from the one candidate (served), 远 2 km off it (not placed), 无 without geometry; their people
    stay as given, what serves them is NULL."""
    from resilience_plugin.qgisside.io import is_null

    x0, y0 = 446000, 4420000
    road = memory_layer("LineString", [(f"LineString ({x0} {y0}, {x0 + 2000} {y0})", ["路", 0])], name="路网")
    rows = [(f"Point ({x0 + 500} {y0 + 50})", ["近", 1000]), (f"Point ({x0 + 1000} {y0 + 2000})", ["远", 800]), (None, ["无", 500])]
    demand = memory_layer("Point", rows, name="社区")
    cands = _layer_of_points([(x0 + 600, y0 + 20)], name="候选")
    params = _params(
        tmp_path, INPUT=demand, CANDIDATES=cands, POPULATION_FIELD="人口", CAPACITY_FIELD=None, EXISTING=None,
        FAULTS=None, EXCLUDE=None, EXCLUDED=None, COUNT=1, DISTANCE=1000, NETWORK=road, SNAP_TOLERANCE=100,
    )  # fmt: skip
    out, _c = run("resilience:siting", params)
    alloc = {f["名称"]: f for f in out["ALLOCATION"].getFeatures()}
    assert alloc["近"]["cov_after"] == 1 and alloc["近"]["served_aft"] == 1000 and alloc["近"]["cov_before"] == 0
    for name, people in (("远", 800), ("无", 500)):
        assert alloc[name]["pop"] == people
        assert all(is_null(alloc[name][k]) for k in ("cov_before", "cov_after", "served_bef", "served_aft", "share_aft")), alloc[
            name
        ].attributes()
