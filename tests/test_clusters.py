"""Resilience clusters and the dossier: hand-made layouts with a known best answer, an independent contiguity
check (shapely unions), hypothesis on random grids, and the algorithms on the sample city and on bad input."""

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from qgis.core import QgsVectorLayer
from shapely.geometry import LineString, box

from resilience_plugin.core import clusters as cl
from resilience_plugin.core import dossier as ds
from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING
from tests.conftest import SAMPLE
from tests.helpers import Recorder, memory_layer, run


def grid(nx, ny, size=1000.0, x0=500000.0, y0=4400000.0):
    return [box(x0 + i * size, y0 + j * size, x0 + (i + 1) * size, y0 + (j + 1) * size) for j in range(ny) for i in range(nx)]


def solve(units, k, population=None, district=None, barriers=(), zones=(), facilities=None, min_pop=0, max_pop=0):
    graph = cl.build_graph(units, 5.0, 10.0, district, barriers)
    problem = cl.Problem.of(units, population if population is not None else np.ones(len(units)), zones, facilities, min_pop, max_pop)
    return cl.delineate(graph, problem, k, 60), graph, problem


def groups(labels):
    out = {}
    for u, c in enumerate(labels.tolist()):
        out.setdefault(c, set()).add(u)
    return sorted(map(frozenset, out.values()), key=min)


def contiguous(units, labels, gap=5.0):
    """Independent oracle: each cluster's units, grown by the tolerance, union into one polygon."""
    units = np.asarray(units, dtype=object)
    return all(shapely.union_all(shapely.buffer(units[labels == c], gap)).geom_type == "Polygon" for c in np.unique(labels))


# ------------------------------------------------------------------ hand-made layouts with a known answer


def test_a_barrier_splits_two_obvious_groups():
    units = grid(4, 2)  # columns 0-3, rows 0-1; unit index = row * 4 + column
    wall = LineString([(502000, 4399000), (502000, 4403000)])  # between columns 1 and 2
    sol, graph, _p = solve(units, 2, barriers=[wall])
    assert graph.cut_by_barrier == 2
    assert groups(sol.labels) == [frozenset({0, 1, 4, 5}), frozenset({2, 3, 6, 7})]
    # without the wall, lifeline zones on the rows pull the split the other way
    rows = [["top" if u >= 4 else "bottom" for u in range(8)]]
    sol, _g, _p = solve(units, 2, zones=rows)
    assert groups(sol.labels) == [frozenset({0, 1, 2, 3}), frozenset({4, 5, 6, 7})]
    assert not sol.messages


def test_district_boundaries_are_respected():
    units = grid(4, 2)
    district = ["甲区" if u % 4 == 0 else "乙区" for u in range(8)]  # column 0 is its own district
    sol, graph, problem = solve(units, 2, population=np.full(8, 100.0), district=district)
    assert groups(sol.labels) == [frozenset({0, 4}), frozenset({1, 2, 3, 5, 6, 7})]
    assert cl.violations(sol.labels, graph, problem, district)["cross_district"] == 0


def test_polygon_barrier_edge_separates_inside_from_outside():
    units = grid(4, 1)
    belt = box(501900, 4399000, 502100, 4402000)  # a greenbelt strip on the border of columns 1 and 2
    sol, graph, _p = solve(units, 2, barriers=[belt])
    assert graph.cut_by_barrier == 1
    assert groups(sol.labels) == [frozenset({0, 1}), frozenset({2, 3})]


def test_islands_join_their_nearest_unit_and_slivers_still_touch():
    units = grid(3, 1)
    units[1] = shapely.affinity.translate(units[1], 3.0, 0)  # a 3 m gap (sliver) between units 0 and 1
    island = box(503200, 4400000, 503800, 4400600)  # 200 m east of unit 2
    sol, graph, _p = solve(units + [island], 2)
    assert (3, 2) in graph.islands
    assert 1 in graph.neighbours[0]  # the gap is within the 5 m tolerance
    assert contiguous(units + [island], sol.labels, gap=250)


def test_population_balance_and_bounds():
    units = grid(6, 1)
    pop = np.array([100, 100, 100, 100, 100, 500.0])
    sol, graph, problem = solve(units, 2, population=pop)
    assert groups(sol.labels) == [frozenset({0, 1, 2, 3, 4}), frozenset({5})]  # 500 | 500
    pop = np.array([100, 100, 100, 100, 100, 300.0])  # 800 in all: at most 300 a cluster needs 3 clusters
    sol, graph, problem = solve(units, 2, population=pop, max_pop=300)
    assert sol.k == 3 and "need at least 3" in str(sol.messages[0])
    assert cl.violations(sol.labels, graph, problem)["population_bounds"] == 0
    assert sorted(np.bincount(sol.labels, weights=pop).tolist()) == [200, 300, 300]  # the best split there is


def test_more_clusters_than_units_or_pieces():
    units = grid(3, 1)
    sol, _g, _p = solve(units, 10)
    assert sol.k == 3 and "for 3 units" in str(sol.messages[0])
    district = ["a", "b", "c"]
    sol, _g, _p = solve(units, 2, district=district)
    assert sol.k == 3 and "at least 3" in str(sol.messages[-1])


def test_facilities_pull_clusters_towards_self_sufficiency():
    units = grid(4, 1)
    # one required category; the only two facilities sit in units 0 and 3
    fac = np.array([[1], [0], [0], [1]], dtype=float)
    sol, graph, problem = solve(units, 2, facilities=fac)
    assert cl.violations(sol.labels, graph, problem)["missing_facilities"] == 0 == cl.missing_lower_bound(graph, problem, 2)
    # three clusters for two facilities: one gap cannot be avoided
    sol, graph, problem = solve(units, 3, facilities=fac)
    assert cl.violations(sol.labels, graph, problem)["missing_facilities"] == 1 == cl.missing_lower_bound(graph, problem, 3)


def test_deterministic():
    units = grid(8, 6)
    rng = np.random.RandomState(3)
    pop = rng.randint(1000, 9000, len(units)).astype(float)
    zones = [[("a" if u % 8 < 4 else "b") for u in range(len(units))]]
    a, _g, _p = solve(units, 7, population=pop, zones=zones)
    b, _g, _p = solve(units, 7, population=pop, zones=zones)
    assert (a.labels == b.labels).all() and a.objective == b.objective


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 9), st.integers(1, 7), st.integers(1, 12), st.integers(0, 10_000))
def test_every_cluster_is_contiguous_on_random_grids(nx, ny, k, seed):
    units = grid(nx, ny)
    rng = np.random.RandomState(seed)
    keep = rng.rand(len(units)) > 0.2  # holes: some units missing
    keep[0] = True
    units = [u for u, ok in zip(units, keep) if ok]
    pop = rng.randint(0, 5000, len(units)).astype(float)
    sol, graph, _p = solve(units, k, population=pop)
    labels = sol.labels
    assert (labels >= 0).all() and labels.max() + 1 == sol.k
    pieces = graph.components().max() + 1
    assert sol.k == max(min(k, len(units)), pieces) or sol.messages
    # contiguity over shared edges; a unit with no edge neighbour (found here with shapely alone) may join
    # its nearest unit across any gap
    arr = np.asarray(units, dtype=object)
    gap = 5.0
    for u, g in enumerate(units):
        edge = [v for v in range(len(units)) if v != u and shapely.intersection(g.boundary, arr[v].boundary).length > 10]
        if not edge:
            gap = max(gap, min(g.distance(arr[v]) for v in range(len(units)) if v != u) if len(units) > 1 else 0) + 5
    assert contiguous(units, labels, gap=gap)
    for c in range(sol.k):
        members = np.nonzero(labels == c)[0]
        assert len(members) > 0


# ------------------------------------------------------------------ the dossier's measures, by hand


def test_dossier_measures_by_hand():
    a, b = box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)
    fault = LineString([(500, -100), (500, 1100)])
    zone = shapely.buffer(fault, 100, quad_segs=16)
    share = ds.area_share([a, b], [zone])
    assert share[0] == pytest.approx(0.2, rel=1e-6) and share[1] == 0
    owner = ds.point_owner([a, b], [shapely.Point(10, 10), shapely.Point(1500, 10), shapely.Point(5000, 0)])
    assert owner.tolist() == [0, 1, -1]
    road = LineString([(500, 500), (1500, 500)])
    assert ds.mutual_aid([a, b], [road], 5.0) == [[1], [0]]
    assert ds.mutual_aid([a, b], [LineString([(100, 100), (900, 900)])], 5.0) == [[], []]
    svg = ds.svg_map(a, [b], [(fault, "#7f0000", 1.5)], [(500, 500, "#ff0000")])
    assert svg.startswith("<svg") and svg.count("<path") == 3 and "<circle" in svg  # neighbour, cluster, fault


# ------------------------------------------------------------------ through processing: the sample and bad input


def test_clusters_and_dossier_on_the_sample(resilience_processing, tmp_path):
    fb = Recorder()
    from resilience_plugin.processing.clusters.delineate import ClustersAlgorithm

    params = ClustersAlgorithm().demo_parameters(str(SAMPLE))  # units, the three lifeline layers, greenbelts, facilities
    layers, _c = run("resilience:clusters", {**params, "OUTPUT": "memory:", "CLUSTERS": "memory:"}, fb)
    units, clusters = layers["OUTPUT"], layers["CLUSTERS"]
    assert clusters.featureCount() == 39 and units.featureCount() == 233
    feats = list(units.getFeatures())
    labels = np.array([f["cluster_id"] for f in feats]) - 1
    geoms = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in feats]
    assert contiguous(geoms, labels, gap=5.0)
    by_cluster = {}
    for f in feats:
        by_cluster.setdefault(f["cluster_id"], set()).add(f["district"])
    assert all(len(d) == 1 for d in by_cluster.values())  # no cluster crosses a district
    pops = {f["cluster_id"]: f["population"] for f in clusters.getFeatures()}
    assert sum(pops.values()) == pytest.approx(sum(f["population"] for f in feats))
    for f in clusters.getFeatures():
        assert 0 <= f["fit_water_zones"] <= 1 and 0 < f["compact"] <= 1 and f["clauses"].startswith("第47")
    assert "lack 第48条 facilities" in fb.log and "separate piece" in fb.log
    report = tmp_path / "组团档案.html"
    layers, _c = run(
        "resilience:clusterdossier",
        {
            "CLUSTERS": clusters,
            "FAULTS": f"{SAMPLE}|layername=faults",
            "FLOOD_ZONES": f"{SAMPLE}|layername=flood_zones",
            "GEOHAZARDS": f"{SAMPLE}|layername=geohazards",
            "FACILITIES": f"{SAMPLE}|layername=facilities",
            "CORRIDORS": f"{SAMPLE}|layername=corridors",
            "OUTPUT": "memory:",
            "REPORT": str(report),
        },
    )
    out = list(layers["OUTPUT"].getFeatures())
    assert len(out) == 39 and report.read_text(encoding="utf-8").count("<section>") == 39
    fac = QgsVectorLayer(f"{SAMPLE}|layername=facilities", "f", "ogr")
    fire_total = sum(1 for f in fac.getFeatures() if f["category"] == "fire_station")
    assert sum(f["fire_st"] for f in out) <= fire_total and sum(f["fire_st"] for f in out) > 0.9 * fire_total
    for f in out:
        assert 0 <= f["fault_shr"] <= 1 and 0 <= f["flood_shr"] <= 1
        if f["shelter_pp"] is not None:
            assert f["shelter_pp"] == pytest.approx(f["shelter_m2"] / f["d_pop"], rel=1e-3)
    assert any(f["aid_n"] > 0 for f in out) and any(f["fault_shr"] > 0 for f in out)


def test_clusters_bad_input(resilience_processing):
    fields = (("编码", FIELD_STRING), ("人口", FIELD_DOUBLE), ("区", FIELD_STRING))
    units = memory_layer(
        "Polygon",
        [
            (box(0, 0, 1000, 1000).wkt, ["A", 100.0, "东城区"]),
            (box(1000, 0, 2000, 1000).wkt, ["A", 200.0, "东城区"]),  # duplicate id
            (box(1500, 0, 2500, 1000).wkt, ["C", 300.0, "东城区"]),  # overlaps the previous one
            (None, ["D", 50.0, "东城区"]),
        ],
        fields=fields,
        name="街镇",
    )
    wgs_zones = memory_layer(
        "Polygon",
        [("POLYGON((116 39, 118 39, 118 41, 116 41, 116 39))", ["Z1"])],
        fields=(("zone", FIELD_STRING),),
        crs="EPSG:4326",
        name="供水分区",
    )
    fb = Recorder()
    layers, _c = run(
        "resilience:clusters",
        {
            "INPUT": units,
            "ID_FIELD": "编码",
            "POPULATION_FIELD": "人口",
            "DISTRICT_FIELD": "区",
            "LIFELINE_ZONES": [wgs_zones],
            "N_CLUSTERS": 5,
            "OUTPUT": "memory:",
            "CLUSTERS": "memory:",
        },
        fb,
    )
    assert "duplicate ids A (2)" in fb.log and "overlap" in fb.log
    assert "without geometry" in fb.log and "5 clusters asked for 3 units" in fb.log
    assert layers["CLUSTERS"].featureCount() == 3
    empty = memory_layer("Polygon", [], fields=fields, name="空")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="空.*no features"):
        run("resilience:clusters", {"INPUT": empty, "OUTPUT": "memory:", "CLUSTERS": "memory:"})
    # a population that cannot be read for more than 5 % of the units stops the run (issue 15): here one of the three with a geometry
    units.dataProvider().changeAttributeValues({2: {1: None}})
    with pytest.raises(QgsProcessingException, match="街镇, field '人口': 1 of 3 value.*feature ids 2"):
        run("resilience:clusters", {"INPUT": units, "OUTPUT": "memory:", "CLUSTERS": "memory:"})
    with pytest.raises(QgsProcessingException, match="above the maximum"):
        run(
            "resilience:clusters",
            {"INPUT": units, "MIN_POPULATION": 500, "MAX_POPULATION": 100, "OUTPUT": "memory:", "CLUSTERS": "memory:"},
        )


def test_points_outside_every_cluster():
    assert ds.point_owner([box(0, 0, 1, 1)], [shapely.Point(5, 5)]).tolist() == [-1]


def test_without_a_population_the_clusters_people_are_not_assessed_never_their_unit_count():
    """Issue 29 §3: with no population, units count 1 each for the balance, and the clusters' population field said
    that count (4, 4) and pop_ok compared it with the bounds. It is NULL, pop_ok too, and the log says the balance is
    by unit count; with a population, the people add up (the oracle: the hand sum)."""
    from resilience_plugin.core.profile import load_profile

    units = grid(4, 2)
    without = cl.clusters(units, load_profile(), k=2)
    assert without.table["population"] == [None, None] and without.table["pop_ok"] == [None, None]
    assert sorted(without.table["n_units"]) == [4, 4]
    said = " ".join(str(n.message) for n in without.notes)
    assert "balanced by their number of units (4 to 4" in said
    with_people = cl.clusters(units, load_profile(), k=2, population=[100.0] * 8)
    assert sorted(with_people.table["population"]) == [400.0, 400.0] and with_people.table["pop_ok"] == [1, 1]


def test_the_dossier_of_clusters_made_without_a_population_says_their_people_are_not_assessed(resilience_processing):
    """The review of the above: clusters made without a population carry an empty population field, which the
    dossier refused as unreadable numbers, so the full model stopped. The dossier now takes it as no population:
    d_pop NULL, said in the log, every cluster in the dossier."""
    from resilience_plugin.qgisside.io import is_null

    rows = [(g.wkt, [f"U{i}"]) for i, g in enumerate(grid(4, 2))]
    units = memory_layer("Polygon", rows, fields=(("code", FIELD_STRING),), name="单元")
    layers, _c = run("resilience:clusters", {"INPUT": units, "N_CLUSTERS": 2, "OUTPUT": "memory:", "CLUSTERS": "memory:"})
    clusters = layers["CLUSTERS"]
    assert [is_null(f["population"]) for f in clusters.getFeatures()] == [True, True]
    log = Recorder()
    out, _c = run("resilience:clusterdossier", {"CLUSTERS": clusters, "OUTPUT": "memory:"}, log)
    rows = list(out["OUTPUT"].getFeatures())
    assert len(rows) == 2 and all(is_null(f["d_pop"]) for f in rows)
    assert "holds no value" in log.log


def test_the_dossier_leaves_unknowns_not_assessed_never_0(resilience_processing):
    """Issue 29 §3, by hand: 甲 (1万 people, a shelter of 5000 m²): 0.5 m² each; 乙 (people unknown, a shelter of 2000
    m²): its shelter per person NULL; 丙 (no polygon, 5,000 people): its area, counts and sums NULL, never 0; 丁 (1,000
    people, a shelter of unknown area): its shelter NULL. Before: 乙 counted 0 people, 丙 0 km² and 0 of everything,
    丁 0 m²."""
    from resilience_plugin.qgisside.io import is_null

    polygons = [box(0, 0, 1000, 1000).wkt, box(1000, 0, 2000, 1000).wkt, None, box(2000, 0, 3000, 1000).wkt]
    people = ["1万", None, "5000", "1000"]
    clusters = memory_layer(
        "Polygon",
        [(g, [n, p]) for g, n, p in zip(polygons, "甲乙丙丁", people)],
        fields=(("code", FIELD_STRING), ("人口", FIELD_STRING)),
        name="组团",
    )
    rows = [
        ("POINT(500 500)", ["应急避难场所", 5000.0]),
        ("POINT(1500 500)", ["应急避难场所", 2000.0]),
        ("POINT(2500 500)", ["应急避难场所", None]),
    ]
    facilities = memory_layer("Point", rows, fields=(("类别", FIELD_STRING), ("有效避难面积", FIELD_DOUBLE)), name="设施")
    log = Recorder()
    params = {
        "CLUSTERS": clusters,
        "POPULATION_FIELD": "人口",
        "FACILITIES": facilities,
        "CATEGORY_FIELD": "类别",
        "SHELTER_FIELD": "有效避难面积",
    }
    out, _c = run("resilience:clusterdossier", {**params, "OUTPUT": "memory:"}, log)
    got = {f["code"]: f for f in out["OUTPUT"].getFeatures()}
    assert (got["甲"]["d_pop"], got["甲"]["shelter_m2"], got["甲"]["shelter_pp"], got["甲"]["d_area_km2"]) == (10000, 5000, 0.5, 1.0)
    assert is_null(got["乙"]["d_pop"]) and got["乙"]["shelter_m2"] == 2000 and is_null(got["乙"]["shelter_pp"])
    assert got["丙"]["d_pop"] == 5000 and got["丙"]["shelter_tgt"] == 2.1
    assert all(is_null(got["丙"][k]) for k in ("d_area_km2", "fire_st", "shelter_m2", "shelter_pp", "shelter_ok", "aid_n")), got[
        "丙"
    ].attributes()
    assert is_null(got["丁"]["shelter_m2"]) and is_null(got["丁"]["shelter_ok"]) and got["丁"]["d_pop"] == 1000
    assert "1 cluster(s) without a polygon" in log.log and "组团, field '人口': 1 value(s) empty" in log.log, log.log
    assert "设施, field '有效避难面积': 1 value(s) empty, not a number or negative: not assessed (feature ids 3)" in log.log
