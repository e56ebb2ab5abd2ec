"""Community life circles: exact hand-built networks, QGIS native service area and native buffer + count
as oracles, an independent Dijkstra in hypothesis tests, and bad input through processing.run."""

import gc
import hashlib
import heapq
import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from qgis import processing
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import LineString, Point

from resilience_plugin.core.gpkg import read_table
from resilience_plugin.core.network import WalkingNetwork
from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING
from tests.conftest import SAMPLE
from tests.helpers import Recorder
from tests.helpers import memory_layer as _layer

CM_X = 500000.0  # the central meridian's easting: planar and ellipsoidal lengths agree there


def grid(n=3, step=100.0, x0=0.0, y0=0.0):
    lines = []
    for i in range(n):
        for j in range(n - 1):
            lines.append(LineString([(x0 + i * step, y0 + j * step), (x0 + i * step, y0 + (j + 1) * step)]))
            lines.append(LineString([(x0 + j * step, y0 + i * step), (x0 + (j + 1) * step, y0 + i * step)]))
    return lines


def reach(lines, point, distance, tolerance=50.0):
    net, report = WalkingNetwork.from_lines(lines)
    pi, ei, pos, d = net.snap(np.array([Point(point)], dtype=object), tolerance)
    start = [(int(e), float(p)) for e, p in zip(ei, pos)]
    return net.catchments([start], distance, [d[0] if len(d) else np.nan])[0], report


# ------------------------------------------------------------------ hand-built networks, exact answers


def test_grid_from_a_node():
    c, _ = reach(grid(3), (100, 100), 150)
    assert c.reached_length == pytest.approx(4 * 100 + 8 * 50)


def test_grid_from_the_middle_of_an_edge():
    c, _ = reach(grid(3), (50, 100), 100)
    # 100 along the start edge, 50 on each of the 2 other edges at (0,100), 50 on each of the 3 others at (100,100)
    assert c.reached_length == pytest.approx(100 + 2 * 50 + 3 * 50)
    ends = {tuple(np.round(q, 6)) for piece in c.pieces for q in shapely.get_coordinates(piece)}
    assert {(0.0, 50.0), (0.0, 150.0), (100.0, 50.0), (100.0, 150.0), (150.0, 100.0)} <= ends


def test_cul_de_sac_and_far_distance():
    lines = [LineString([(0, 0), (300, 0)]), LineString([(300, 0), (300, 40), (310, 80)])]  # a bent dead end
    c, _ = reach(lines, (0, 0), 5000)
    assert c.reached_length == pytest.approx(sum(ln.length for ln in lines))
    c, _ = reach(lines, (0, 0), 320)
    assert c.reached_length == pytest.approx(320)
    tip = [q for piece in c.pieces for q in shapely.get_coordinates(piece)]
    assert any(abs(x - 300) < 1e-6 and abs(y - 20) < 1e-6 for x, y in tip)  # cut exactly 20 m up the bent edge


def test_loop_meets_itself():
    square = [
        LineString([(0, 0), (100, 0)]),
        LineString([(100, 0), (100, 100)]),
        LineString([(100, 100), (0, 100)]),
        LineString([(0, 100), (0, 0)]),
    ]
    assert reach(square, (0, 0), 200)[0].reached_length == pytest.approx(400)
    assert reach(square, (0, 0), 150)[0].reached_length == pytest.approx(300)


def test_unnoded_crossing_is_noded_and_walked_through():
    cross = [LineString([(-100, 0), (100, 0)]), LineString([(0, -100), (0, 100)])]
    c, report = reach(cross, (-100, 0), 150)
    assert report["added_by_noding"] == 2
    assert c.reached_length == pytest.approx(100 + 50 + 2 * 50)


def test_no_network_nearby_is_unreachable():
    net, _ = WalkingNetwork.from_lines(grid(2))
    pi, _ei, _pos, _d = net.snap(np.array([Point(1000, 1000)], dtype=object), 300)
    assert len(pi) == 0
    assert net.catchments([[]], 1000, [np.nan]) == [None]


# ------------------------------------------------------------------ independent Dijkstra (hypothesis)


def independent_reach(lines, start_edge, start_pos, distance):
    """Textbook Dijkstra on a dict graph, written separately from core.network."""
    key = lambda p: (round(p[0], 3), round(p[1], 3))  # noqa: E731
    adj = {}
    for ln in lines:
        a, b = key(ln.coords[0]), key(ln.coords[-1])
        adj.setdefault(a, []).append((b, ln.length))
        adj.setdefault(b, []).append((a, ln.length))
    ln = lines[start_edge]
    best = {key(ln.coords[0]): start_pos, key(ln.coords[-1]): ln.length - start_pos}
    heap = [(d, n) for n, d in best.items()]
    heapq.heapify(heap)
    while heap:
        d, n = heapq.heappop(heap)
        if d > best.get(n, math.inf):
            continue
        for m, w in adj.get(n, []):
            if d + w < best.get(m, math.inf):
                best[m] = d + w
                heapq.heappush(heap, (d + w, m))
    total = 0.0
    for i, ln in enumerate(lines):
        a, b = key(ln.coords[0]), key(ln.coords[-1])
        ra = max(0.0, distance - best.get(a, math.inf))
        rb = max(0.0, distance - best.get(b, math.inf))
        spans = []
        if ra + rb >= ln.length:
            spans.append((0.0, ln.length))
        else:
            spans += [(0.0, ra)] if ra > 0 else []
            spans += [(ln.length - rb, ln.length)] if rb > 0 else []
        if i == start_edge:
            spans.append((max(0.0, start_pos - distance), min(ln.length, start_pos + distance)))
        spans.sort()
        merged = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        total += sum(hi - lo for lo, hi in merged)
    return total, best


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 6),
    drop=st.sets(st.integers(0, 59), max_size=12),
    fx=st.floats(0, 1),
    fy=st.floats(0, 1),
    distance=st.floats(10, 600),
)
def test_reach_matches_an_independent_dijkstra_and_never_exceeds_the_distance(n, drop, fx, fy, distance):
    lines = [ln for i, ln in enumerate(grid(n, 100.0)) if i not in drop] or grid(2)
    point = Point(fx * 100 * (n - 1), fy * 100 * (n - 1))
    net, _ = WalkingNetwork.from_lines(lines)
    pi, ei, pos, d = net.snap(np.array([point], dtype=object), 1e9)
    e, p = int(ei[0]), float(pos[0])
    c = net.catchments([[(e, p)]], distance, [d[0]])[0]
    edge = net.lines[e]
    idx = next(i for i, ln in enumerate(lines) if ln.equals(edge))
    expected, best = independent_reach(lines, idx, p if ln_same_direction(lines[idx], edge) else edge.length - p, distance)
    if len(ei) == 1:  # ties (a start exactly on a node) connect to several edges; same reach either way
        assert c.reached_length == pytest.approx(expected, abs=1e-6)
    # every reached piece's far end is within the distance (oracle: the independent node distances)
    for piece in c.pieces:
        for q in (piece.coords[0], piece.coords[-1]):
            along = _walk_distance(q, lines, best, idx, p if ln_same_direction(lines[idx], edge) else edge.length - p)
            assert along <= distance + 1e-6
    polygon = c.polygon(5.0)
    anchor = edge.interpolate(p)  # walking starts where the point meets the network
    assert polygon is None or shapely.within(polygon, anchor.buffer(distance + 5.0 + 1e-6, quad_segs=64))


def ln_same_direction(a, b):
    return np.allclose(a.coords[0], b.coords[0])


def _walk_distance(q, lines, best, start_edge, start_pos):
    """Walking distance to point q on the network, from the independent node distances."""
    qp = Point(q)
    out = math.inf
    for i, ln in enumerate(lines):
        if ln.distance(qp) > 1e-6:
            continue
        t = ln.project(qp)
        a, b = (round(ln.coords[0][0], 3), round(ln.coords[0][1], 3)), (round(ln.coords[-1][0], 3), round(ln.coords[-1][1], 3))
        out = min(out, best.get(a, math.inf) + t, best.get(b, math.inf) + ln.length - t)
        if i == start_edge:
            out = min(out, abs(t - start_pos))
    return out


# ------------------------------------------------------------------ QGIS native service area (oracle)


def _memory_lines(lines, crs="EPSG:4548"):
    layer = QgsVectorLayer(f"LineString?crs={crs}", "network", "memory")
    feats = []
    for ln in lines:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(ln.wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.mark.parametrize("community", [0, 700, 1900])
def test_reached_edges_and_cut_points_match_native_service_area(resilience_processing, community):
    """A patch of the sample network, moved onto the central meridian so that QGIS's ellipsoidal
    edge lengths equal our planar ones; then both must reach the same lines, cut at the same points."""
    _f, _r, lines = read_table(SAMPLE, "walking_network")
    _f, _r, points = read_table(SAMPLE, "communities")
    start = points[community]
    lines = np.array(lines, dtype=object)
    near = lines[shapely.dwithin(lines, start, 2500)]
    dx, dy = CM_X - start.x, 0.0
    moved = [shapely.affinity.translate(ln, dx, dy) for ln in near]
    s = Point(start.x + dx, start.y + dy)
    ours, _ = reach(moved, (s.x, s.y), 1000, tolerance=300)
    layer = _memory_lines(moved)
    QgsProject.instance().addMapLayer(layer)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())  # native service area crashes QGIS 3.22 without a project
        result = processing.run(
            "native:serviceareafrompoint",
            {
                "INPUT": layer,
                "START_POINT": f"{s.x},{s.y} [EPSG:4548]",
                "STRATEGY": 0,
                "TRAVEL_COST2": 1000,
                "TOLERANCE": 0.0,
                "INCLUDE_BOUNDS": False,
                "OUTPUT_LINES": "TEMPORARY_OUTPUT",
            },
            context=context,
        )
        out = result["OUTPUT_LINES"]
        out = out if isinstance(out, QgsVectorLayer) else context.takeResultLayer(out)
        native = shapely.union_all([shapely.from_wkb(bytes(f.geometry().asWkb())) for f in out.getFeatures()])
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    mine = shapely.union_all(ours.pieces)
    assert shapely.difference(mine, native.buffer(0.001)).length < 1e-6
    assert shapely.difference(native, mine.buffer(0.001)).length < 1e-6
    # cut points: ends of our pieces that are not network nodes, each on native's lines' ends
    nodes = {tuple(np.round(c, 3)) for ln in moved for c in (ln.coords[0], ln.coords[-1])}
    native_ends = np.array([c for part in shapely.get_parts(shapely.line_merge(native)) for c in (part.coords[0], part.coords[-1])])
    cuts = [c for piece in ours.pieces for c in (piece.coords[0], piece.coords[-1]) if tuple(np.round(c, 3)) not in nodes]
    assert cuts
    for c in cuts:
        assert np.min(np.hypot(*(native_ends - np.array(c)).T)) < 0.001


# ------------------------------------------------------------------ straight-line counts (oracle: native buffer + count)


def run_lc(params, feedback=None):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    base = {"OUTPUT": "TEMPORARY_OUTPUT"}
    base.update(params)
    result = processing.run("resilience:lifecircles", base, context=context, feedback=feedback or QgsProcessingFeedback())
    out = result["OUTPUT"]
    return out if isinstance(out, QgsVectorLayer) else context.takeResultLayer(out), result, context


def test_straight_line_counts_match_native_buffer_and_count(resilience_processing, own_sample):
    communities = QgsVectorLayer(f"{own_sample}|layername=communities", "c", "ogr")
    communities.setSubsetString("fid <= 300")
    QgsProject.instance().addMapLayer(communities)
    facilities = f"{own_sample}|layername=facilities"
    try:
        during = []  # whether the collector ran during the run: it is paused for it (issue 17)

        class Watch(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802
                during.append((info, gc.isenabled()))

        ours, _r, _c = run_lc({"INPUT": communities, "FACILITIES": facilities, "DISTANCE": 1200}, Watch())
        ours_said = [on for info, on in during if not info.startswith("Results:")]  # our lines, not Processing's last
        assert ours_said and not any(ours_said), during
        fires = processing.run(
            "native:extractbyattribute",
            {"INPUT": facilities, "FIELD": "category", "OPERATOR": 0, "VALUE": "fire_station", "OUTPUT": "memory:"},
        )["OUTPUT"]
        fires_m = processing.run("native:reprojectlayer", {"INPUT": fires, "TARGET_CRS": "EPSG:4548", "OUTPUT": "memory:"})["OUTPUT"]
        buffers = processing.run("native:buffer", {"INPUT": communities, "DISTANCE": 1200, "SEGMENTS": 200, "OUTPUT": "memory:"})["OUTPUT"]
        counted = processing.run(
            "native:countpointsinpolygon", {"POLYGONS": buffers, "POINTS": fires_m, "FIELD": "NUMPOINTS", "OUTPUT": "memory:"}
        )["OUTPUT"]
    finally:
        QgsProject.instance().removeMapLayer(communities.id())
    native = {f["code"]: f["NUMPOINTS"] for f in counted.getFeatures()}
    assert gc.isenabled()  # Python's collector, paused for the run (core.memory.collection_paused), is back
    fire_pts = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in fires_m.getFeatures()]
    mine = {f["code"]: f for f in ours.getFeatures()}
    assert len(mine) == len(native) == 300
    compared = 0
    for code, f in mine.items():
        centre = shapely.from_wkb(bytes(f.geometry().asWkb())).centroid
        if any(abs(centre.distance(p) - 1200) < 0.5 for p in fire_pts):
            continue  # a facility on the circle's edge: the 200-segment polygon and the true circle may differ
        assert f["n_fire_station"] == native[code], code
        compared += 1
    assert compared > 250


# ------------------------------------------------------------------ the algorithm on the sample, and bad input


def test_network_circles_on_the_sample(resilience_processing):
    from resilience_plugin.qgisside.io import is_null

    layer, result, _c = run_lc(
        {
            "INPUT": f"{SAMPLE}|layername=communities",
            "NETWORK": f"{SAMPLE}|layername=walking_network",
            "FACILITIES": f"{SAMPLE}|layername=facilities",
            "POPULATION_FIELD": "population",
            "COVERAGE": "TEMPORARY_OUTPUT",
        }
    )
    feats = list(layer.getFeatures())
    n_comm = QgsVectorLayer(f"{SAMPLE}|layername=communities", "c", "ogr").featureCount()
    assert len(feats) == n_comm
    ok = [f for f in feats if f["lc_status"] == "ok"]
    unreachable = [f for f in feats if f["lc_status"] == "unreachable"]
    assert len(ok) > 0.9 * n_comm and unreachable
    assert all(not f.hasGeometry() for f in unreachable)
    assert all(is_null(f["missing"]) and is_null(f["lc_pass"]) and is_null(f["n_fire_station"]) for f in unreachable)  # not assessed
    for f in ok[:200]:
        assert f.geometry().area() / 1e6 == pytest.approx(f["lc_area_km2"], abs=1e-4)
        assert f["lc_method"] == "network" and f["lc_radius_m"] == 1000 and f["lc_snap_m"] <= 300
        assert f["shelter_tgt"] == 2.1 and f["clauses"].startswith("第")
        assert bool(f["lc_pass"]) == (not f["missing"] and bool(f["shelter_ok"]))
    passed = [f for f in ok if f["lc_pass"]]
    assert 0 < len(passed) < len(ok)
    # the coverage, built from the reached network at once, is the union of the circles: QGIS's own dissolve of them,
    # up to the arcs' approximation (16 segments a circle of 50 m: at most 0.96 m off, so slivers under 2 m wide)
    coverage = result["COVERAGE"]
    dissolved = processing.run("native:dissolve", {"INPUT": layer, "OUTPUT": "memory:"})["OUTPUT"]
    ours = shapely.from_wkb(bytes(next(coverage.getFeatures()).geometry().asWkb()))
    native = shapely.from_wkb(bytes(next(dissolved.getFeatures()).geometry().asWkb()))
    assert ours.area == pytest.approx(native.area, rel=1e-5)
    difference = shapely.symmetric_difference(ours, native)
    assert difference.area < 1e-5 * native.area and shapely.buffer(difference, -1.0).is_empty


def test_bad_input_gets_clear_messages(resilience_processing):
    empty = _layer("Point", [])
    with pytest.raises(QgsProcessingException, match="社区 test.*no features"):
        run_lc({"INPUT": empty})
    comm = _layer("Point", [("POINT(450000 4418000)", ["甲", 100])])
    fac = _layer("Point", [("POINT(450100 4418000)", ["x"])], fields=(("类别", FIELD_STRING),), name="设施")
    # the category field left at its default is found by its name (类别); a label no rule knows stops the run
    with pytest.raises(
        QgsProcessingException, match="设施, field '类别': 1 of 1 facilities have a category label that no rule knows, .*'x'"
    ):
        run_lc({"INPUT": comm, "FACILITIES": fac})
    # a layer with no field that looks like a category is refused, naming its fields
    plain = _layer("Point", [("POINT(450100 4418000)", ["x"])], fields=(("备注", FIELD_STRING),), name="设施")
    with pytest.raises(QgsProcessingException, match="field of layer '设施' that holds the facility category. Its fields are: 备注"):
        run_lc({"INPUT": comm, "FACILITIES": plain})
    with pytest.raises(QgsProcessingException, match="layer '社区 test' has no field 'pop'"):
        run_lc({"INPUT": comm, "POPULATION_FIELD": "pop"})
    nocrs = _layer("Point", [("POINT(1 1)", ["乙", 1])], crs="")
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run_lc({"INPUT": nocrs})


@pytest.mark.parametrize("shape", ["Point", "Polygon"])
def test_a_community_of_unknown_people_leaves_the_circles_that_reach_it_not_assessed(resilience_processing, shape):
    """Issue 29 §3: an empty population counted as 0 (with a warning), so a circle reaching that community held fewer
    people than it does and could pass on shelter per person. Now the circles that reach it are not assessed.
    Oracle, by hand: 甲 and 乙 350 m apart (乙 unknown), 丙 and 丁 500 m apart, 5 km away; circles of 1000 m."""
    from resilience_plugin.qgisside.io import is_null

    x0, y0 = 450000, 4418000

    def where(x):
        return (
            f"POINT({x0 + x} {y0})"
            if shape == "Point"
            else f"POLYGON(({x0 + x} {y0}, {x0 + x + 100} {y0}, {x0 + x + 100} {y0 + 100}, {x0 + x} {y0 + 100}, {x0 + x} {y0}))"
        )

    comm = _layer(shape, [(where(0), ["甲", 1000]), (where(350), ["乙", None]), (where(5000), ["丙", 500]), (where(5500), ["丁", 300])])
    fb = Recorder()
    out, _r, _c = run_lc({"INPUT": comm, "POPULATION_FIELD": "人口", "DISTANCE": 1000}, fb)
    pop = {f["名称"]: f["lc_pop"] for f in out.getFeatures()}
    assert is_null(pop["甲"]) and is_null(pop["乙"]), pop
    assert pop["丙"] == pytest.approx(800) and pop["丁"] == pytest.approx(800), pop
    assert "社区 test, field '人口': 1 value(s) empty, not a number or negative: not assessed (feature ids 2)" in fb.log, fb.log


def test_a_shelter_of_unknown_area_leaves_the_circles_that_reach_it_not_assessed(resilience_processing):
    """Issue 29 §3: a shelter whose area was left empty counted as 0 m², so a circle reaching it could fail the shelter
    target on the others' area alone. Oracle, by hand: three communities 3 km apart, each with one facility 100 m
    away: a shelter of 5000 m², a shelter whose area reads 待定, a hospital of unknown area (not a shelter: nothing);
    and 30 hospitals far away without area. One unreadable value in 33 does not stop the run (the review found it
    stopping when the shelters were read apart: 1 of 2)."""
    from resilience_plugin.qgisside.io import is_null

    x0, y0 = 450000, 4418000
    comm = _layer("Point", [(f"POINT({x0 + 3000 * k} {y0})", [name, 1000]) for k, name in enumerate("甲乙丙")])
    rows = [
        (f"POINT({x0 + 3000 * k + 100} {y0})", [label, area])
        for k, (label, area) in enumerate([("应急避难场所", "5000"), ("应急避难场所", "待定"), ("医院", None)])
    ] + [(f"POINT({x0 + 100 * k} {y0 + 20000})", ["医院", None]) for k in range(30)]
    fac = _layer("Point", rows, fields=(("类别", FIELD_STRING), ("面积", FIELD_STRING)), name="设施")
    fb = Recorder()
    params = {
        "INPUT": comm,
        "POPULATION_FIELD": "人口",
        "FACILITIES": fac,
        "CATEGORY_FIELD": "类别",
        "SHELTER_FIELD": "面积",
        "DISTANCE": 1000,
    }
    out, _r, _c = run_lc(params, fb)
    got = {f["名称"]: (f["shelter_m2"], f["shelter_pp"], f["shelter_ok"]) for f in out.getFeatures()}
    assert got["甲"] == (5000.0, 5.0, 1), got
    assert all(is_null(v) for v in got["乙"]), got
    assert got["丙"][0] == 0 and got["丙"][2] == 0, got  # no shelter in reach: 0 m², the target not met
    assert "设施, field '面积': 1 value(s) empty, not a number or negative: not assessed (feature ids 2)" in fb.log, fb.log
    assert "1 shelter(s) of unknown area" in fb.log


def test_messy_input_is_reported_not_fatal(resilience_processing):
    comm = _layer(
        "Point",
        [
            ("POINT(116.40 39.91)", ["东华社区", 3000]),
            (None, ["无几何", 100]),
            ("POINT(116.41 39.91)", ["负数", -5]),
            ("POINT(116.42 39.91)", ["文字", None]),
        ],
        crs="EPSG:4326",
    )
    fac = _layer(
        "Point",
        [
            ("POINT(116.401 39.911)", ["消防站", 100.0]),
            ("POINT(116.402 39.91)", ["菜市场?", 50.0]),
            ("POINT(116.4005 39.9105)", ["Fire Station", 0.0]),
        ],
        fields=(("类别", FIELD_STRING), ("面积", FIELD_DOUBLE)),
        crs="EPSG:4326",
        name="设施",
    )
    params = {
        "INPUT": comm,
        "FACILITIES": fac,
        "CATEGORY_FIELD": "类别",
        "SHELTER_FIELD": "面积",
        "POPULATION_FIELD": "人口",
        "DISTANCE": 800,
    }
    # a negative and an empty population among three with a geometry: more than 5 %, the run stops naming them
    with pytest.raises(QgsProcessingException, match="社区 test, field '人口': 2 of 4 .*'-5.0'.*feature ids 3, 4"):
        run_lc(params)
    comm.dataProvider().changeAttributeValues({3: {1: 5.0}, 4: {1: 20.0}})
    before = hashlib.sha1(str([f.attributes() for f in comm.getFeatures()]).encode()).hexdigest()
    fb = Recorder()
    out, _r, _c = run_lc(params, fb)
    log = "\n".join(fb.text)
    assert "geographic coordinates" in log and "EPSG:4548" in log
    assert "without geometry" in log
    assert "菜市场? [keyword] ×1" in log and "Distance 800 m is outside" in log and "第53条" in log
    feats = {f["名称"]: f for f in out.getFeatures()}
    assert out.crs().authid() == "EPSG:4548"
    assert feats["东华社区"]["n_fire_station"] == 2  # 消防站 (Chinese name) and Fire Station (English name)
    assert feats["东华社区"]["n_vegetable_market"] == 1 and feats["东华社区"]["n_other"] == 0  # 菜市场? by its keyword
    assert feats["无几何"]["lc_status"] == "no geometry"
    assert hashlib.sha1(str([f.attributes() for f in comm.getFeatures()]).encode()).hexdigest() == before


class CancelAt(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.highest = 0.0

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        self.highest = max(self.highest, progress)
        if progress > 40:
            self.cancel()


def test_cancel_stops_the_network_search(resilience_processing):
    fb = CancelAt()
    context = QgsProcessingContext()
    result = processing.run(
        "resilience:lifecircles",
        {
            "INPUT": f"{SAMPLE}|layername=communities",
            "NETWORK": f"{SAMPLE}|layername=walking_network",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        context=context,
        feedback=fb,
    )
    assert fb.isCanceled() and result == {}  # nothing half-made is handed back
    # it stopped during the search or the polygons (30-85 %), before writing the output (85-100 %)
    assert fb.highest < 85


def test_substring_of_polylines_matches_shapely():
    """Oracle: shapely.ops.substring on 2-D lines."""
    import shapely.ops

    from resilience_plugin.core.network import substring as _substring

    line = LineString([(0, 0), (30, 40), (30, 100), (90, 100)])
    for lo, hi in ((0, 10), (10, 60), (50, 110), (49.999, 150), (0, line.length)):
        mine = _substring(shapely.get_coordinates(line), lo, hi)
        assert mine.equals_exact(shapely.ops.substring(line, lo, hi), 1e-9)
    z = LineString([(0, 0, 5), (0, 10, 6), (10, 10, 7)])  # Z is dropped, not a crash
    assert _substring(shapely.get_coordinates(z), 2, 15).length == pytest.approx(13)


def test_face_built_buffer_equals_the_direct_buffer():
    """Oracle: GEOS buffering every reached piece and taking the union."""
    from resilience_plugin.core.network import buffer_network

    _f, _r, lines = read_table(SAMPLE, "walking_network")
    _f, _r, points = read_table(SAMPLE, "communities")
    net, _ = WalkingNetwork.from_lines(lines)
    pts = np.array(points[:300:10], dtype=object)
    pi, ei, pos, d = net.snap(pts, 300)
    starts = [[] for _ in pts]
    for a, e, p in zip(pi, ei, pos):
        starts[a].append((int(e), float(p)))
    for c in net.catchments(starts, 1200, [np.nan] * len(pts)):
        if c is None:
            continue
        pieces = np.array(c.pieces, dtype=object)
        mine = buffer_network(pieces, 50)
        direct = shapely.union_all(shapely.buffer(pieces, 50, quad_segs=4))
        assert shapely.symmetric_difference(mine, direct).area < 1e-4 * direct.area
        exact = shapely.buffer(shapely.union_all(pieces), 50.0, quad_segs=64)  # a finer circle: never exceeded
        assert shapely.area(shapely.difference(mine, exact)) < 1e-6 * direct.area


@pytest.mark.parametrize("with_scipy", [True, False])
def test_pairs_within_a_distance_agree_with_brute_force(with_scipy, monkeypatch):
    """Straight-line counting finds point pairs with scipy's k-d tree, or without scipy by envelopes: both give
    exactly the pairs with dx² + dy² ≤ d², also for points placed on the circle itself."""
    import builtins

    from resilience_plugin.core.lifecircles import _pairs_within

    if not with_scipy:
        real_import = builtins.__import__

        def no_scipy(name, *args, **kwargs):
            if name.startswith("scipy"):
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", no_scipy)
    rng = np.random.RandomState(3)
    xy = rng.uniform(440_000, 446_000, (60, 2))
    angle = rng.uniform(0, 2 * np.pi, 500)
    on_circle = xy[rng.randint(0, 60, 500)] + 1000.0 * np.column_stack([np.cos(angle), np.sin(angle)])
    pxy = np.vstack([rng.uniform(440_000, 446_000, (500, 2)), on_circle, xy[:3] + [600.0, 800.0]])
    gi, pj = _pairs_within(xy, pxy, 1000.0)
    dx = xy[:, None, 0] - pxy[None, :, 0]
    dy = xy[:, None, 1] - pxy[None, :, 1]
    expected = {(int(a), int(b)) for a, b in zip(*np.nonzero(dx * dx + dy * dy <= 1000.0**2))}
    assert {(int(a), int(b)) for a, b in zip(gi, pj)} == expected
    assert len(gi) == len(expected)  # no pair twice


def test_pairs_found_in_pieces_are_the_same_on_any_number_of_cores(monkeypatch):
    """The circles are queried in pieces of a fixed size on all cores (issue 17): the pairs are brute force's, and
    their order (which orders each circle's shelter-area sum) is the same with 1, 2 or 4 cores."""
    import resilience_plugin.core.lifecircles as lc
    import resilience_plugin.core.parallel as par

    rng = np.random.RandomState(5)
    xy = rng.uniform(440_000, 446_000, (60, 2))
    pxy = rng.uniform(440_000, 446_000, (800, 2))
    monkeypatch.setattr(lc, "_PAIR_PIECE", 7)  # 9 pieces
    runs = []
    for cores in (1, 2, 4):
        monkeypatch.setattr(par, "threads", lambda cores=cores: cores)
        runs.append(lc._pairs_within(xy, pxy, 1000.0))
    for gi, pj in runs[1:]:
        assert np.array_equal(gi, runs[0][0]) and np.array_equal(pj, runs[0][1])
    dx = xy[:, None, 0] - pxy[None, :, 0]
    dy = xy[:, None, 1] - pxy[None, :, 1]
    expected = {(int(a), int(b)) for a, b in zip(*np.nonzero(dx * dx + dy * dy <= 1000.0**2))}
    gi, pj = runs[0]
    assert {(int(a), int(b)) for a, b in zip(gi, pj)} == expected and len(gi) == len(expected)
    weights = rng.uniform(0, 5000, len(pxy))
    sums = [np.bincount(g, weights=weights[p], minlength=len(xy)) for g, p in runs]
    assert all(np.array_equal(s, sums[0]) for s in sums)  # bit for bit


def _brute_counts(xy, pxy, column, n_columns, weights, distance):
    dx = xy[:, None, 0] - pxy[None, :, 0]
    dy = xy[:, None, 1] - pxy[None, :, 1]
    within = dx * dx + dy * dy <= distance * distance
    counts = np.stack([(within & (column[None, :] == c)).sum(axis=1) for c in range(n_columns)], axis=1)
    return counts, (within * weights[None, :]).sum(axis=1)


@pytest.mark.parametrize("origin", [0.0, 440_000.0, 4_400_000.0, 39_500_000.0])
def test_counts_on_the_grid_are_brute_force_counts(origin, monkeypatch):
    """Straight-line circles count facilities on a grid of cells (core.within, issue 17): the counts per category
    are brute force's exactly, for points on the circle itself, at Pythagorean distances (3-4-5: exactly on it),
    in cells wholly inside and on the edge, at coordinates as large as a 3-degree Gauss-Krüger zone's, and when
    the points measured one by one are taken a few at a time; sums of whole-number weights are exact."""
    from resilience_plugin.core import within

    rng = np.random.RandomState(int(origin) % 997)
    for trial in range(40):
        distance = float(rng.choice([1000.0, 1500.0, 333.3, 120.0]))
        xy = origin + rng.uniform(0, 6000, (rng.randint(1, 70), 2))
        pxy = origin + rng.uniform(-600, 6600, (rng.randint(300, 700), 2))
        third = len(pxy) // 3
        angle = rng.uniform(0, 2 * np.pi, third)
        pxy[:third] = xy[rng.randint(0, len(xy), third)] + distance * np.column_stack([np.cos(angle), np.sin(angle)])
        exact = xy[0] + np.array([[0.6, 0.8], [-0.8, 0.6], [1.0, 0.0], [0.0, -1.0], [0.6, -0.8001]]) * distance
        pxy = np.vstack([pxy, exact])
        n_columns = rng.randint(1, 7)
        column = rng.randint(0, n_columns, len(pxy))
        weights = rng.randint(0, 5000, len(pxy)).astype(float)
        if trial % 2:
            monkeypatch.setattr(within, "_MAX_MEASURED", 7)
        found = within.count_within(xy, pxy, column, n_columns, weights, distance)
        monkeypatch.undo()
        expected = _brute_counts(xy, pxy, column, n_columns, weights, distance)
        assert found is not None
        assert np.array_equal(found[0], expected[0]), trial
        assert np.array_equal(found[1], expected[1]), trial


def test_counts_on_the_grid_on_any_number_of_cores_and_fallbacks(monkeypatch):
    """The circles are counted in pieces of a fixed size, so fractional sums are the same bit for bit with 1, 2
    or 4 cores (and within rounding of brute force's); the grid steps aside (pairs are listed instead, with the same
    counts) for NaN weights, points spread far beyond the distance, and too many categories to keep totals of."""
    import resilience_plugin.core.lifecircles as lc
    import resilience_plugin.core.parallel as par
    from resilience_plugin.core import within

    rng = np.random.RandomState(8)
    xy = rng.uniform(440_000, 446_000, (60, 2))
    pxy = rng.uniform(440_000, 446_000, (900, 2))
    column = rng.randint(0, 4, len(pxy))
    weights = rng.uniform(0, 5000, len(pxy))
    monkeypatch.setattr(within, "_PIECE", 7)
    runs = []
    for cores in (1, 2, 4):
        monkeypatch.setattr(par, "threads", lambda cores=cores: cores)
        runs.append(within.count_within(xy, pxy, column, 4, weights, 1000.0))
    assert all(np.array_equal(r[0], runs[0][0]) and np.array_equal(r[1], runs[0][1]) for r in runs[1:])
    counts, sums = _brute_counts(xy, pxy, column, 4, weights, 1000.0)
    assert np.array_equal(runs[0][0], counts)
    assert np.allclose(runs[0][1], sums, rtol=1e-12, atol=1e-6)

    nan_weights = weights.copy()
    nan_weights[5] = np.nan
    far = np.vstack([pxy, [[4_000_000.0, 9_000_000.0]]])
    assert within.count_within(xy, pxy, column, 4, nan_weights, 1000.0) is None
    assert within.count_within(xy, far, np.append(column, 0), 4, None, 1000.0) is None
    monkeypatch.setattr(within, "_MAX_PREFIX_VALUES", 100)
    assert within.count_within(xy, pxy, column, 4, weights, 1000.0) is None
    monkeypatch.undo()
    points = shapely.points(pxy)
    centres = shapely.points(xy)
    with_grid = lc.count_points(centres, points, column, 4, weights, 1000.0)
    monkeypatch.setattr(lc, "count_within", lambda *a: None)
    with_pairs = lc.count_points(centres, points, column, 4, weights, 1000.0)
    assert np.array_equal(with_grid[0], with_pairs[0]) and np.allclose(with_grid[1], with_pairs[1], rtol=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.sampled_from([0.0, 1.0, 2.5, 3.0, 4.0]), st.sampled_from([0.0, 0.5, 1.0, 2.0])), max_size=30)
)
def test_reached_intervals_merge_as_one_at_a_time_would(spans):
    """The coverage's merge of every circle's reached stretches, against merging each edge's stretches one by one."""
    from resilience_plugin.core.network import merge_intervals

    edges = np.array([e for e, _lo, _len in spans], dtype=np.int64)
    lo = np.array([a for _e, a, _len in spans], dtype=float)
    hi = lo + np.array([length for _e, _a, length in spans], dtype=float)
    want = []
    for edge in sorted(set(edges.tolist())):
        merged = []
        for a, b in sorted((a, b) for e, a, b in zip(edges.tolist(), lo.tolist(), hi.tolist()) if e == edge):
            if merged and a <= merged[-1][1] + 1e-9:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        want += [(edge, a, b) for a, b in merged]
    got = merge_intervals(edges, lo, hi)
    assert list(zip(*(x.tolist() for x in got))) == want


def test_a_circle_sharing_only_an_edge_with_a_community_of_unknown_people_stays_known():
    """From the review: a circle that only touches the edge of a polygon of unknown people holds none of them. By hand:
    squares side by side; the middle one unknown touches both; one that overlaps the first makes it unknown."""
    from shapely.geometry import box

    from resilience_plugin.core.lifecircles import _unknown_where_reached

    circles = np.array([box(0, 0, 1, 1), box(2, 0, 3, 1), None], dtype=object)
    people = np.array([10.0, 20.0, np.nan])
    touching = _unknown_where_reached(people, circles, np.array([box(1, 0, 2, 1)], dtype=object))
    assert touching[:2].tolist() == [10.0, 20.0]
    overlapping = _unknown_where_reached(people, circles, np.array([box(0.5, 0, 1.5, 1)], dtype=object))
    assert np.isnan(overlapping[0]) and overlapping[1] == 20.0
