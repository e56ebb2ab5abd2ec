"""Corridor-failure core (no QGIS): the single-failure ranking against brute force (each section removed in turn,
reachability and routes recomputed with an independent Dijkstra), scenario distances against the same Dijkstra,
and hand-made networks with a bridge, a cycle, a unit reachable only over a fault and parallel corridors."""

import heapq

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from resilience_plugin.core.corridorfailure import CorridorFailureError, bridges, corridor_failure
from resilience_plugin.core.profile import load_profile

PROFILE = load_profile()
CATS = ["hospital", "long_term_shelter", "reserve_depot"]


def dijkstra_nodes(n, edges, sources):
    """Plain heap Dijkstra over (a, b, w) edges from a set of nodes: distances and the edge each node was reached by."""
    adj = [[] for _ in range(n)]
    for k, (a, b, w) in enumerate(edges):
        adj[a].append((b, w, k))
        adj[b].append((a, w, k))
    dist = [float("inf")] * n
    via = [-1] * n
    heap = []
    for s in sources:
        dist[s] = 0.0
        heap.append((0.0, s))
    heapq.heapify(heap)
    while heap:
        d, v = heapq.heappop(heap)
        if d > dist[v]:
            continue
        for u, w, k in adj[v]:
            if d + w < dist[u]:
                dist[u] = d + w
                via[u] = k
                heapq.heappush(heap, (d + w, u))
    return np.array(dist), via


def random_city(seed, n=7, spur_share=0.25):
    """A perturbed street grid with streets left out and dead-end spurs; units and facilities beside the streets."""
    rng = np.random.default_rng(seed)
    xy = {(i, j): (i * 500 + rng.uniform(-120, 120), j * 500 + rng.uniform(-120, 120)) for i in range(n) for j in range(n)}
    lines = []
    for (i, j), p in xy.items():
        for di, dj in ((1, 0), (0, 1)):
            q = xy.get((i + di, j + dj))
            if q is not None and rng.random() > 0.3:
                lines.append(LineString([p, q]))
        if rng.random() < spur_share:
            lines.append(LineString([p, (p[0] + rng.uniform(-200, 200), p[1] + rng.uniform(150, 240))]))
    lines = [g for g in lines if g.length > 1]
    # keep only lines that cross no other (a planar network without noding)
    keep = []
    for g in lines:
        if not any(g.crosses(h) for h in keep):
            keep.append(g)
    lines = keep

    def beside(k):
        out = []
        for _ in range(k):
            g = lines[rng.integers(len(lines))]
            p = g.interpolate(rng.uniform(0.1, 0.9), normalized=True)
            out.append(Point(p.x + rng.uniform(-20, 20), p.y + rng.uniform(-20, 20)))
        return out

    units = beside(25)
    pop = rng.integers(100, 5000, len(units)).astype(float)
    facilities = beside(9)
    codes = [CATS[k % 3] for k in range(9)]
    return lines, units, pop, facilities, codes


@pytest.mark.parametrize("seed", range(12))
def test_ranking_matches_brute_force(seed):
    lines, units, pop, facilities, codes = random_city(seed)
    result = corridor_failure(lines, units, pop, facilities, codes, PROFILE, categories=CATS, snap_tolerance=100)
    g, crit = result.graph, result.critical
    edges = list(zip(g.a.tolist(), g.b.tolist(), g.w.tolist()))
    on = np.nonzero(g.unit_node >= 0)[0]
    sources = {
        c: sorted({int(g.facility_node[k]) for k in range(len(codes)) if codes[k] == c and g.facility_node[k] >= 0})
        for c in result.categories
    }
    base = {c: dijkstra_nodes(g.n_nodes, edges, sources[c]) for c in result.categories}
    # unique shortest routes (random lengths): the sections each unit's route to each category runs along
    route_pop = np.zeros(len(g.section_edges))
    for u in on.tolist():
        used = set()
        for c in result.categories:
            dist, via = base[c]
            v = int(g.unit_node[u])
            if not np.isfinite(dist[v]):
                continue
            while via[v] >= 0:
                k = via[v]
                used.add(int(g.edge_section[k]))
                v = edges[k][0] if edges[k][1] == v else edges[k][1]
        for s in used:
            route_pop[s] += pop[u]
    for s, sec in enumerate(g.section_edges):
        gone = set(sec.tolist())
        left = [e if k not in gone else (e[0], e[1], float("inf")) for k, e in enumerate(edges)]
        cut_pop, cut_codes, cut_units = 0.0, set(), set()
        for u in on.tolist():
            v = int(g.unit_node[u])
            lost = [
                c
                for c in result.categories
                if np.isfinite(base[c][0][v]) and not np.isfinite(dijkstra_nodes(g.n_nodes, left, sources[c])[0][v])
            ]
            if lost:
                cut_pop += pop[u]
                cut_units.add(u)
                cut_codes.update(lost)
        assert crit.pop_cut[s] == pytest.approx(cut_pop), f"section {s}"
        assert set(crit.cut_codes[s]) == cut_codes
        assert set(crit.cut_units[s].tolist()) == cut_units
        assert crit.pop_route[s] == pytest.approx(route_pop[s]), f"section {s}"
        if route_pop[s] > 0 and not crit.bridge[s]:
            a, b = (int(x) for x in g.section_ends[s])
            around = dijkstra_nodes(g.n_nodes, left, [a])[0][b]
            expected = around if around <= 10000 else np.nan
            assert crit.bypass[s] == pytest.approx(expected, nan_ok=True)
        assert crit.bridge[s] == (
            not np.isfinite(dijkstra_nodes(g.n_nodes, left, [int(g.section_ends[s][0])])[0][int(g.section_ends[s][1])])
            and g.section_ends[s][0] != g.section_ends[s][1]
        )
    # ranked by people cut off, then by people whose routes run along the section
    order = np.argsort(crit.rank)
    keyed = list(zip(-crit.pop_cut[order], -crit.pop_route[order]))
    assert keyed == sorted(keyed)


@pytest.mark.parametrize("seed", range(6))
def test_scenario_distances_match_dijkstra(seed):
    lines, units, pop, facilities, codes = random_city(seed + 100)
    rng = np.random.default_rng(seed)
    fault = LineString([(rng.uniform(0, 3000), -500), (rng.uniform(0, 3000), 3500)])
    result = corridor_failure(
        lines,
        units,
        pop,
        facilities,
        codes,
        PROFILE,
        categories=CATS,
        snap_tolerance=100,
        faults=[fault],
        avoidance_distance=150,
        rank=False,
    )
    g = result.graph
    (r,) = result.results
    zone = fault.buffer(150)
    # the failed pieces are exactly those whose middle lies in the zone; together they are the network inside it
    middles = shapely.line_interpolate_point(g.pieces, 0.5, normalized=True)
    assert set(r.failed.tolist()) == set(np.nonzero(shapely.intersects(middles, zone))[0].tolist())
    inside = sum(line.intersection(zone).length for line in lines)
    assert r.failed_length == pytest.approx(inside, rel=1e-6, abs=1e-3)
    failed = set(r.failed.tolist())
    edges = list(zip(g.a.tolist(), g.b.tolist(), g.w.tolist()))
    after = [e if g.edge_piece[k] not in failed else (e[0], e[1], float("inf")) for k, e in enumerate(edges)]
    for c in result.categories:
        src = sorted({int(g.facility_node[k]) for k in range(len(codes)) if codes[k] == c and g.facility_node[k] >= 0})
        d0 = dijkstra_nodes(g.n_nodes, edges, src)[0]
        d1 = dijkstra_nodes(g.n_nodes, after, src)[0]
        for u, node in enumerate(g.unit_node.tolist()):
            want0 = d0[node] if node >= 0 and np.isfinite(d0[node]) else np.nan
            want1 = d1[node] if node >= 0 and np.isfinite(d1[node]) else np.nan
            assert r.d0[c][u] == pytest.approx(want0, nan_ok=True)
            assert r.d1[c][u] == pytest.approx(want1, nan_ok=True)
            assert r.lost[c][u] == (np.isfinite(want0) and not np.isfinite(want1))


def test_bridges_against_brute_force():
    rng = np.random.default_rng(3)
    for _ in range(30):
        n = int(rng.integers(3, 14))
        pairs = {tuple(sorted(rng.choice(n, 2, replace=False).tolist())) for _ in range(int(rng.integers(2, 2 * n)))}
        a = np.array([p[0] for p in pairs])
        b = np.array([p[1] for p in pairs])
        got = bridges(n, a, b)
        for k in range(len(a)):
            edges = [(int(x), int(y), 1.0) for j, (x, y) in enumerate(zip(a, b)) if j != k]
            reach = dijkstra_nodes(n, edges, [int(a[k])])[0][int(b[k])]
            assert got[k] == (not np.isfinite(reach))


def spur_city():
    """A 1 km square block A(0,0) B(1000,0) C(1000,1000) D(0,1000), a 600 m spur north from D to E, a hospital on
    the south side near B, one unit on the west side, one at the spur's end."""
    square = [
        LineString([(0, 0), (1000, 0)]),
        LineString([(1000, 0), (1000, 1000)]),
        LineString([(1000, 1000), (0, 1000)]),
        LineString([(0, 1000), (0, 0)]),
    ]
    spur = LineString([(0, 1000), (0, 1600)])
    units = [Point(-10, 500), Point(5, 1600)]
    hospital = Point(900, -10)
    return square + [spur], units, hospital


def test_hand_made_bridge_cycle_and_fault():
    lines, units, hospital = spur_city()
    pop = [1000.0, 300.0]
    result = corridor_failure(
        lines, units, pop, [hospital], ["hospital"], PROFILE, categories=["hospital"], snap_tolerance=50, unit_names=["west", "north"]
    )
    (r,) = result.results
    # nothing fails without a scenario, and the log says so
    assert len(r.failed) == 0 and any("fails nothing" in str(n.message) for n in result.notes)
    # before: west unit at (0,500): 500 m down to A, 900 m along to the hospital; north unit: 600 + 1000 + 900
    assert r.d0["hospital"][0] == pytest.approx(1400)
    assert r.d0["hospital"][1] == pytest.approx(2500)
    crit = result.critical
    # sections are whole roads between junctions (issue 28): the square's west side D–A fails as a whole, and the west
    # unit, which joins it half-way, is cut off with it; the spur is a bridge and cuts off the north unit
    top, second = (int(i) for i in np.argsort(crit.rank)[:2])
    assert not crit.bridge[top] and crit.pop_cut[top] == pytest.approx(1000)
    assert crit.geometry[top].length == pytest.approx(1900)  # D, round the corner A (not a junction), to the hospital's road
    assert [int(u) for u in crit.cut_units[top]] == [0]
    assert crit.bridge[second] and crit.pop_cut[second] == pytest.approx(300)
    assert crit.geometry[second].length == pytest.approx(600)
    assert [int(u) for u in crit.cut_units[second]] == [1]
    # the square's other sections cut nobody off; those on the routes carry their people
    assert crit.pop_cut[~crit.bridge].sum() == pytest.approx(1000)
    # a fault across the spur: the north unit loses the hospital, the west unit keeps it
    fault = LineString([(-300, 1300), (300, 1300)])
    result = corridor_failure(
        lines,
        units,
        pop,
        [hospital],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        snap_tolerance=50,
        faults=[fault],
        fault_names=["F1"],
        avoidance_distance=100,
        rank=False,
    )
    (r,) = result.results
    assert r.failed_length == pytest.approx(200)
    assert list(r.lost["hospital"]) == [False, True]
    assert r.pop_cut["hospital"] == pytest.approx(300)
    assert np.isnan(r.d1["hospital"][1]) and r.d1["hospital"][0] == pytest.approx(1400)


def test_unit_reachable_only_over_a_fault_and_parallel_corridors():
    # two parallel corridors between the same junctions: failing one is no cut-off; a unit beyond a fault is cut
    a, b = (0, 0), (2000, 0)
    north = LineString([a, (1000, 300), b])
    south = LineString([a, (1000, -300), b])
    beyond = LineString([b, (3000, 0)])
    units = [Point(2990, 5), Point(10, 5)]
    result = corridor_failure(
        [north, south, beyond], units, [50.0, 70.0], [Point(-5, 0)], ["hospital"], PROFILE, categories=["hospital"], snap_tolerance=20
    )
    crit = result.critical
    parallel = [s for s in range(len(crit.rank)) if crit.geometry[s].length > 2000]
    for s in parallel:
        # failing one is no cut-off, but for the west unit, which joins one of them half-way (a section fails whole)
        assert not crit.bridge[s] and crit.pop_cut[s] in (0, 70)
        assert crit.pop_route[s] in (0, 50, 70, 120)
    assert sorted(crit.pop_cut[parallel]) == [0, 70]
    beyond_section = [s for s in range(len(crit.rank)) if crit.bridge[s]]
    assert len(beyond_section) == 1 and crit.pop_cut[beyond_section[0]] == 50
    # the corridor the route takes (the south one: the hospital joins at their common end) has the other as its way
    # around
    on_route = [s for s in range(len(crit.rank)) if crit.pop_route[s] == 50 and not crit.bridge[s]]
    assert len(on_route) == 1
    assert crit.geometry[on_route[0]].equals(south)
    assert crit.bypass[on_route[0]] == pytest.approx(north.length)
    # a fault zone over the far stretch fails it
    fault = Polygon([(2400, -100), (2600, -100), (2600, 100), (2400, 100)])
    result = corridor_failure(
        [north, south, beyond],
        units,
        [50.0, 70.0],
        [Point(-5, 0)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        snap_tolerance=20,
        damage=[fault],
        damage_width=0,
        rank=False,
    )
    (r,) = result.results
    assert r.failed_length == pytest.approx(200)
    assert list(r.lost["hospital"]) == [True, False]


def test_refusals_name_the_layer():
    lines, units, hospital = spur_city()
    with pytest.raises(CorridorFailureError, match="shops"):
        corridor_failure(lines, units, [1, 1], [hospital], ["supermarket"], PROFILE, names={"facilities": "shops"})
    with pytest.raises(CorridorFailureError, match="far units"):
        corridor_failure(
            lines, [Point(5000, 5000)], [1], [hospital], ["hospital"], PROFILE, snap_tolerance=10, names={"units": "far units"}
        )
    with pytest.raises(CorridorFailureError, match="roads"):
        corridor_failure([], units, [1, 1], [hospital], ["hospital"], PROFILE, names={"network": "roads"})


def test_scenario_access_is_the_worst_share_over_the_scenarios_in_a_unit():
    from resilience_plugin.core.scoring import scenario_access

    units = [
        Polygon([(0, 0), (10, 0), (10, 10), (0, 10)]),
        Polygon([(20, 0), (30, 0), (30, 10), (20, 10)]),
        Polygon([(40, 0), (50, 0), (50, 10), (40, 10)]),
    ]
    # two scenarios in the first unit (4 of 5, then 2 of 4), one in the second reaching nothing before, none in the third
    points = [Point(5, 5), Point(5, 5), Point(25, 5)]
    got = scenario_access(units, points, [5, 4, 0], [4, 2, 0])
    assert got[0] == pytest.approx(0.5) and np.isnan(got[1]) and np.isnan(got[2])


def test_a_bridge_joins_the_roads_only_at_its_ends():
    """OpenStreetMap's ways are not noded where a bridge crosses a road: flagged elevated, the bridge over road A
    does not meet it; the unit on the bridge goes round by its far end (OSM's bridge, tunnel and layer fields)."""
    road_a = LineString([(0, 0), (2000, 0)])
    bridge = LineString([(1000, -500), (1000, 500)])
    road_d = LineString([(1000, -500), (0, -500)])
    road_e = LineString([(0, -500), (0, 0)])
    lines = [road_a, bridge, road_d, road_e]
    unit, hospital = Point(1003, 490), Point(100, 3)
    args = (lines, [unit], [100.0], [hospital], ["hospital"], PROFILE)
    flat = corridor_failure(*args, categories=["hospital"], snap_tolerance=20, rank=False)
    assert flat.results[0].d0["hospital"][0] == pytest.approx(490 + 900)
    assert any("not noded" in str(n.message) for n in flat.notes)
    up = corridor_failure(*args, categories=["hospital"], snap_tolerance=20, rank=False, elevated=[False, True, False, False])
    assert up.results[0].d0["hospital"][0] == pytest.approx(990 + 1000 + 500 + 100)
    assert not any("not noded" in str(n.message) for n in up.notes)
    assert any("bridge or tunnel" in str(n.message) for n in up.notes)
    # a bridge end on the middle of a road splits that road there
    ramp = LineString([(1500, 0), (1500, 800)])
    up = corridor_failure(
        [road_a, ramp],
        [Point(1503, 790)],
        [1.0],
        [hospital],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        snap_tolerance=20,
        rank=False,
        elevated=[False, True],
    )
    assert up.results[0].d0["hospital"][0] == pytest.approx(790 + 1400)


def _ways_around_against_dijkstra(g, search: float, tile: float) -> int:
    """_bypasses against a plain Dijkstra on the whole network without each section; the ways around found."""
    from resilience_plugin.core.corridorfailure import _bypasses

    sec_length = np.array([g.w[e].sum() for e in g.section_edges])
    todo = np.arange(len(g.section_edges))
    got = _bypasses(g, todo, sec_length, search, None, lambda _x: None, tile=tile)
    edges = list(zip(g.a.tolist(), g.b.tolist(), g.w.tolist()))
    checked = 0
    for s_ in todo.tolist():
        gone = set(g.section_edges[s_].tolist())
        left = [e if k not in gone else (e[0], e[1], float("inf")) for k, e in enumerate(edges)]
        a, b = (int(x) for x in g.section_ends[s_])
        around = dijkstra_nodes(g.n_nodes, left, [a])[0][b] if a != b else np.inf
        expected = around if around <= search else np.nan
        assert got[s_] == pytest.approx(expected, nan_ok=True), f"section {s_}"
        checked += np.isfinite(expected)
    return checked


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("tile", [120.0, 700.0, 1e7])
def test_ways_around_searched_in_tiles_match_the_whole_network(seed, tile):
    """The ranking searches the way around each section on the subgraph around a tile of sections (issue 28: the
    whole network per search took 57 s at Beijing scale). Oracle: a plain Dijkstra on the whole network without the
    section, the distance kept where it is within the search bound. Tiles from far smaller than a block (120 m) to
    one tile for the city."""
    from resilience_plugin.core.corridorfailure import build_graph

    lines, units, _pop, facilities, _codes = random_city(seed, n=11)
    g = build_graph(
        np.array(lines, dtype=object), np.arange(len(lines)), [], np.array(units, dtype=object), np.array(facilities, dtype=object), 50.0
    )
    assert _ways_around_against_dijkstra(g, 2500.0, tile) > 50


@pytest.mark.parametrize("shrink", [0.9999, 0.5])
def test_ways_around_stay_exact_where_edges_are_shorter_than_their_chords(shrink):
    """Ends joined within the node tolerance leave an edge a little shorter than the straight line between its nodes;
    the search box then grows by the sum of those excesses (it fell back to the whole network for every search).
    Edges shortened by a hair and by half, against a plain Dijkstra on the whole network: the same ways around."""
    from resilience_plugin.core.corridorfailure import _node_xy, build_graph

    lines, units, _pop, facilities, _codes = random_city(3, n=9)
    g = build_graph(
        np.array(lines, dtype=object), np.arange(len(lines)), [], np.array(units, dtype=object), np.array(facilities, dtype=object), 50.0
    )
    g.w = g.w * shrink
    xy, slack = _node_xy(g)
    assert xy is not None and slack > 0
    assert _ways_around_against_dijkstra(g, 1500.0, 120.0) > 20


def test_the_shortest_way_around_may_leave_the_box_of_its_bound_when_edges_are_short():
    """A road of 100 m with two ways around: one up 1,450 m and back (3,000 m, a spur at its top), one winding below
    within 800 m of it (3,300 m). Edges a quarter of their chords (ends far apart for their length): the way up is the shortest (750 m
    within a 1,000 m bound) yet leaves the box of the bound as the crow flies; the slack keeps it in the search."""
    from resilience_plugin.core.corridorfailure import build_graph

    road = LineString([(0, 0), (100, 0)])
    up = LineString([(0, 0), (0, 1450), (100, 1450), (100, 0)])
    below = LineString([(0, 0), (0, -50), (-800, -50), (-800, -100), (800, -100), (800, -50), (100, -50), (100, 0)])
    spur = LineString([(50, 1400), (50, 1500)])  # a crossing at the top: a node outside the bound's box
    lines = shapely.get_parts(shapely.node(shapely.multilinestrings([road, up, below, spur])))  # noded, as the run nodes it
    g = build_graph(
        lines, np.arange(len(lines)), [], np.array([Point(-850, -75)], dtype=object), np.array([Point(850, -75)], dtype=object), 60.0
    )
    g.w = g.w * 0.25
    assert _ways_around_against_dijkstra(g, 5000.0, 120.0) >= 1
    from resilience_plugin.core.corridorfailure import _bypasses

    s = next(k for k, e in enumerate(g.section_edges) if abs(g.w[e].sum() - 25.0) < 1e-6)  # the road
    got = _bypasses(g, np.array([s]), np.array([g.w[e].sum() for e in g.section_edges]), 5000.0, None, lambda _x: None, tile=120.0)
    assert got[s] == pytest.approx(750.0)


def test_substrings_at_once_equal_one_by_one():
    """network.substrings (the critical sections' lines at Beijing scale: 82,000 stretches) against substring, one by
    one, on lines with and without inner vertices, stretches at vertices, whole lines and points."""
    from resilience_plugin.core.network import substring, substrings

    rng = np.random.default_rng(5)
    lines, lo, hi = [], [], []
    for k in range(300):
        n = 2 + k % 6
        line = LineString(np.cumsum(rng.uniform(-50, 50, (n, 2)), axis=0))
        a, b = sorted(rng.uniform(0, line.length, 2))
        if k % 7 == 0:  # from a vertex to the end
            a, b = LineString(line.coords[:2]).length, line.length
        if k % 11 == 0:
            a = b
        lines.append(line)
        lo.append(a)
        hi.append(b)
    got = substrings(np.array(lines, dtype=object), np.array(lo), np.array(hi))
    for line, a, b, g in zip(lines, lo, hi, got):
        expected = substring(np.array(line.coords), a, b)
        assert g.length == pytest.approx(expected.length, abs=1e-6) == pytest.approx(b - a, abs=1e-6)
        assert shapely.hausdorff_distance(g, expected) < 1e-6 and np.allclose(g.coords[0], expected.coords[0])


@pytest.mark.parametrize("seed", range(3))
def test_each_sections_road_and_zones_one_by_one(seed):
    """_section_sources, at once, against each section's edges summed one by one: the road covering most of it (the
    lowest-numbered on a tie) and every zone one of its pieces lies in."""
    from resilience_plugin.core.corridorfailure import _section_sources, build_graph

    lines, units, _pop, facilities, _codes = random_city(seed, n=9)
    rng = np.random.default_rng(seed)
    zones = [Point(rng.uniform(0, 4000), rng.uniform(0, 4000)).buffer(rng.uniform(200, 700)) for _ in range(4)]
    g = build_graph(
        np.array(lines, dtype=object),
        np.arange(len(lines)) % 7,
        zones,
        np.array(units, dtype=object),
        np.array(facilities, dtype=object),
        50.0,
    )
    source, sec_zones = _section_sources(g)
    assert any(sec_zones)
    for s, edges in enumerate(g.section_edges):
        metres = {}
        for e in edges.tolist():
            road = int(g.piece_source[g.edge_piece[e]])
            metres[road] = metres.get(road, 0.0) + float(g.w[e])
        assert source[s] == min(metres, key=lambda r: (-metres[r], r)), s
        assert sec_zones[s] == sorted({z for e in edges.tolist() for z in g.piece_zones[g.edge_piece[e]]}), s


@pytest.mark.parametrize("middle", [False, True])
def test_a_section_longer_than_the_search_has_no_way_around_within_it(middle):
    """A 20 km section with bypass_search 10 km: its far end lies outside the box searched. Oracle: the way around
    (22 km, by the northern loop) is beyond the search, so NaN. A review found the distance to the box's last node
    given instead, and an IndexError where the first edge's far node lies outside the box too (a unit joining at
    12 km splits the section there)."""
    from resilience_plugin.core.corridorfailure import _bypasses, build_graph

    lines = [
        LineString([(0, 0), (20000, 0)]),
        LineString([(0, 0), (0, 1000), (20000, 1000), (20000, 0)]),
        LineString([(0, 0), (-100, -100)]),  # spurs: both ends are junctions
        LineString([(20000, 0), (20100, -100)]),
    ]
    units = np.array([Point(12000, 10)] if middle else [], dtype=object)
    g = build_graph(np.array(lines, dtype=object), np.arange(len(lines)), [], units, np.array([], dtype=object), 50.0)
    sec_length = np.array([g.w[e].sum() for e in g.section_edges])
    straight = [s for s in range(len(g.section_edges)) if sec_length[s] == pytest.approx(20000)]
    assert len(straight) == 1 and len(g.section_edges[straight[0]]) == (2 if middle else 1)
    got = _bypasses(g, np.arange(len(g.section_edges)), sec_length, 10000.0, None, lambda _x: None)
    assert np.isnan(got[straight[0]])
    # the same search with a bound that reaches round: 22 km
    wide = _bypasses(g, np.array(straight), sec_length, 30000.0, None, lambda _x: None)
    assert wide[straight[0]] == pytest.approx(22000)


@pytest.mark.parametrize("limit", [35.0, 300.0, 2000.0])
def test_nearest_lines_equal_brute_force(limit):
    """Where pieces of people join the network (issue 28: 358,884 pieces at Beijing scale): the k-d tree of points
    along the lines gives the same nearest lines, ties included, and the same distances as measuring every point
    against every line, with points on vertices, midway between two parallel streets, and beyond the limit."""
    from resilience_plugin.core.geometry import NearestLines

    rng = np.random.RandomState(28)
    grid = [LineString([(x, 0), (x, 1000)]) for x in range(3000, 4001, 60)]  # parallel streets: ties midway
    bends = [LineString(rng.uniform(-500, 1500, size=(rng.randint(2, 9), 2))) for _ in range(40)]
    lines = np.array(grid + bends, dtype=object)
    xy = np.vstack(
        [
            rng.uniform(-2500, 6500, size=(9000, 2)),  # many beyond the limit
            np.column_stack([np.arange(3030, 3990, 60).repeat(100), np.tile(np.linspace(0, 1000, 100), 16)]),  # midway
            shapely.get_coordinates(lines[:20])[:400],  # on vertices
        ]
    )
    points = shapely.points(xy)
    assert len(points) >= 10_000  # the k-d tree's way, not shapely's
    (pi, li), d = NearestLines(lines).query(points, limit)
    every = shapely.distance(points[:, None], lines[None, :])
    least = every.min(axis=1)
    want_p, want_l = np.nonzero((every == least[:, None]) & (least[:, None] <= limit))
    order = np.lexsort((li, pi))
    assert np.array_equal(pi[order], want_p) and np.array_equal(li[order], want_l)
    assert np.array_equal(d[order], every[want_p, want_l])
    ties = np.bincount(want_p, minlength=len(points))
    assert (ties > 1).sum() >= 1600  # the midway points did tie
    assert 0 < len(np.unique(want_p)) < len(points)  # some beyond the limit


def test_nearest_lines_on_multi_part_odd_and_missing_lines_equal_shapely():
    """Lines of two parts far apart (no samples in the gap between them), with Z, repeated vertices, an infinite
    coordinate, None and empty lines: NearestLines gives what shapely's own nearest query gives; with no line to
    sample at all, too."""
    from shapely.geometry import MultiLineString

    from resilience_plugin.core.geometry import NearestLines

    rng = np.random.RandomState(29)
    lines = np.array(
        [
            MultiLineString([[(0, 0), (100, 0)], [(1000, 0), (1100, 0)]]),
            LineString([(0, 500, 3), (0, 500, 3), (400, 900, 5)]),
            LineString([(2000, 0), (2000, np.inf)]),
            None,
            LineString(),
            LineString([(500, -300), (900, -300)]),
        ],
        dtype=object,
    )
    points = shapely.points(rng.uniform(-300, 1500, size=(12_000, 2)))
    for limit in (40.0, 250.0):
        (pi, li), d = NearestLines(lines).query(points, limit)
        (wp, wl), wd = shapely.STRtree(lines).query_nearest(points, max_distance=limit, return_distance=True, all_matches=True)
        got, want = np.lexsort((li, pi)), np.lexsort((wl, wp))
        assert np.array_equal(pi[got], wp[want]) and np.array_equal(li[got], wl[want]) and np.array_equal(d[got], wd[want])
        assert (li == 0).sum() > 50  # the two-part line's points near its far part were found
    nothing = np.array([None, LineString()], dtype=object)
    (pi, li), d = NearestLines(nothing).query(points, 100.0)
    assert len(pi) == len(li) == len(d) == 0


@pytest.mark.parametrize("seed", range(6))
def test_cluster_links_equal_plain_searches(seed):
    """The links between neighbouring clusters' hubs before and after a failure (bounded searches from each hub,
    cached for every scenario, redone after only where a failed edge lies on a shortest route) equal a plain
    Dijkstra from each hub on the whole network, before and after, in three scenarios on one graph: with a
    component no hub can reach and hubs in separate components."""
    from scipy.sparse import coo_matrix

    from resilience_plugin.core.corridorfailure import Graph, _cluster_links

    rng = np.random.RandomState(seed)
    n = 400
    xy = rng.uniform(0, 10_000, size=(n, 2))
    pairs_ = {(min(i, j), max(i, j)) for i in range(n) for j in np.argsort(np.hypot(*(xy - xy[i]).T))[1:4].tolist()}
    a, b = (np.array(v, dtype=np.int64) for v in zip(*sorted(pairs_)))
    cut = (xy[a, 0] < 5000) != (xy[b, 0] < 5000)  # west and east apart: two components
    cut &= rng.uniform(size=len(a)) < (0.0 if seed % 2 else 1.0)
    a, b = a[~cut], b[~cut]
    w = np.hypot(*(xy[a] - xy[b]).T) * rng.uniform(1.0, 1.5, size=len(a))
    graph = Graph(
        np.empty(0, dtype=object),
        np.empty(0),
        [],
        a,
        b,
        w,
        np.zeros(len(a), int),
        np.zeros(len(a)),
        n,
        np.empty(0, int),
        np.empty(0),
        np.empty(0, int),
    )
    hub_nodes = rng.choice(n, size=12, replace=False)
    hubs = {f"C{k + 1}": int(v) for k, v in enumerate(hub_nodes)}
    names = sorted(hubs)
    pairs = [(names[i], names[j]) for i in range(len(names)) for j in range(i + 1, len(names)) if rng.uniform() < 0.3]

    def matrix(keep):
        return coo_matrix((np.r_[w[keep], w[keep]], (np.r_[a[keep], b[keep]], np.r_[b[keep], a[keep]])), shape=(n, n)).tocsr()

    base = matrix(np.ones(len(a), dtype=bool))
    for scenario in range(4):
        keep = rng.uniform(size=len(a)) > 0.15
        if scenario == 3:  # other pairs on the same graph: the searches before were bounded for the first ones
            pairs = [(x, y) for x in names for y in names if x < y and (x, y) not in pairs][:12]
        links = _cluster_links(graph, base, matrix(keep), keep, hubs, pairs)
        assert [(x, y) for x, y, _b, _a in links] == pairs
        for x, y, before, after in links:
            d0, _via = dijkstra_nodes(n, list(zip(a.tolist(), b.tolist(), w.tolist())), [hubs[x]])
            d1, _via = dijkstra_nodes(n, [(p, q, r) for p, q, r, k in zip(a.tolist(), b.tolist(), w.tolist(), keep) if k], [hubs[x]])
            assert before == pytest.approx(d0[hubs[y]], rel=1e-12) or before == d0[hubs[y]] == np.inf
            assert after == pytest.approx(d1[hubs[y]], rel=1e-12) or after == d1[hubs[y]] == np.inf
