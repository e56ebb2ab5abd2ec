"""core.evacuation (issue 30, 第84条) against independent oracles: brute-force enumeration of assignments, a dense
linear programme written here, Dijkstra by hand on small graphs, and hand-made cases."""

import itertools

import numpy as np
import pytest
import shapely

from resilience_plugin.core.coverage import Grid
from resilience_plugin.core.evacuation import (
    CUT_OFF,
    FULL,
    NO_ROAD,
    NO_SHELTER,
    EvacuationError,
    Hazard,
    Shelters,
    evacuation,
)
from resilience_plugin.core.population import Raster, from_points, from_polygons

ROAD = [shapely.LineString([(0, 0), (2000, 0)])]


def shelters(xs, capacity, reach=2500.0):
    return Shelters(
        shapely.points([[x, 0] for x in xs]), np.asarray(capacity, float), np.full(len(xs), reach), [f"S{k}" for k in range(len(xs))]
    )


def people(xs, counts):
    return from_points(shapely.points([[x, 0] for x in xs]), counts)


def test_a_binding_capacity_sends_the_farther_people_on():
    """Hand-made: 100 people at 0 and at 1000; S0 at 500 holds 100, S1 at 1900 holds 1000. Everyone placed; the
    least people × metres is 0→S0, 1000→S1 (500 + 900 m), not the other way (1900 + 500 m)."""
    for network in (None, ROAD):
        r = evacuation(people([0, 1000], [100, 100]), shelters([500, 1900], [100, 1000]), Hazard(), "everyone", network, walk_speed=50)
        assert r.placed == pytest.approx([100, 100])
        got = {(int(i), int(j)): p for i, j, p in zip(r.flow_piece, r.flow_shelter, r.flow_people)}
        assert got == pytest.approx({(0, 0): 100, (1, 1): 100})
        assert sorted(r.flow_dist) == pytest.approx([500, 900])
        assert sorted(r.flow_time) == pytest.approx([10, 18])  # 50 m a minute
        assert r.solve.optimal and r.solve.objective == pytest.approx(100 * 10 + 100 * 18, rel=1e-9)


def test_a_shelter_inside_the_flood_zone_is_not_used_and_says_why():
    zone = shapely.box(1800, -100, 2000, 100)
    r = evacuation(people([0, 1000], [100, 100]), shelters([500, 1900], [100, 1000]), Hazard([zone], ["flood 1"]), "everyone", ROAD)
    assert not r.usable[1] and "flood 1" in r.excluded[1].text(lambda t: t)
    assert r.load[1] == 0 and r.placed.sum() == pytest.approx(100)
    assert set(r.reason) == {"", FULL}


def test_a_flooded_road_forces_a_detour():
    """A square block: people at (0, 0), a shelter at (1000, 0). The direct road floods; the way round the other
    three sides (3000 m) is taken, and its length is the distance."""
    square = [
        shapely.LineString([(0, 0), (1000, 0)]),
        shapely.LineString([(1000, 0), (1000, 1000)]),
        shapely.LineString([(1000, 1000), (0, 1000)]),
        shapely.LineString([(0, 1000), (0, 0)]),
    ]
    zone = shapely.box(400, -50, 600, 50)
    r = evacuation(people([0], [10]), shelters([1000], [100], reach=5000), Hazard([zone], ["flood"]), "everyone", square, walk_speed=50)
    assert r.flow_dist == pytest.approx([3000]) and r.flow_time == pytest.approx([60])
    assert r.routes.people.sum() == pytest.approx(30) and not r.routes.leaving.any()  # 10 people on three sides
    r = evacuation(people([0], [10]), shelters([1000], [100], reach=2500), Hazard([zone], ["flood"]), "everyone", square)
    assert r.placed.sum() == 0 and r.reason == [CUT_OFF]  # the detour is beyond the reach; the direct road was within


def test_people_with_no_reachable_shelter_and_off_the_network():
    r = evacuation(people([0, 1000], [5, 7]), shelters([1900], [100], reach=500), Hazard(), "everyone", ROAD)
    assert r.placed.sum() == 0 and r.reason == [NO_SHELTER, NO_SHELTER]
    far = from_points(shapely.points([[0, 5000], [1900, 10]]), [4, 6])
    r = evacuation(far, shelters([1900], [100], reach=500), Hazard(), "everyone", ROAD, tolerance=300)
    assert r.reason == [NO_ROAD, ""] and r.placed == pytest.approx([0, 6])


def test_people_inside_the_hazard_leave_along_their_closed_road():
    zone = shapely.box(900, -100, 1100, 100)
    r = evacuation(people([0, 1000], [100, 100]), shelters([500], [1000]), Hazard([zone], ["flood"]), "hazard", ROAD)
    assert r.at_risk == pytest.approx([0, 100]) and r.placed == pytest.approx([0, 100])
    assert r.flow_dist == pytest.approx([500]) and r.routes.leaving.any() and r.routes.people.max() == pytest.approx(100)


def _depth_raster(values, x0=0.0, y0=100.0, cell=100.0):
    values = np.asarray(values, dtype=float)
    grid = Grid(x0, y0, cell, cell, values.shape[0], values.shape[1])
    return Raster(grid, lambda r0, r1, c0, c1: values[r0:r1, c0:c1], nodata=-9999.0, name="depth")


def test_depth_exactly_at_the_threshold_moves_and_cells_count_by_coverage():
    """Cells of 100 m: 0.5 m (at the threshold), 0.49 m, nodata, 2 m. A 100 m square over half of the first two
    cells: half its people move (the half in the 0.5 m cell). Points in each cell: at the threshold moves, below
    and nodata (dry) do not."""
    depth = _depth_raster([[0.5, 0.49, -9999.0, 2.0]])
    hazard = Hazard(depth=depth, evacuate_depth=0.5)
    square = from_polygons([shapely.box(50, 0, 150, 100)], [100.0], piece_size=1000)
    r = evacuation(square, Shelters(shapely.points([[160, 50]]), np.array([1000.0]), np.array([1000.0]), ["S"]), hazard, "hazard")
    assert r.at_risk.sum() == pytest.approx(50.0)
    pts = from_points(shapely.points([[50, 50], [150, 50], [250, 50], [350, 50]]), [1, 2, 4, 8])
    r = evacuation(pts, Shelters(shapely.points([[160, 60]]), np.array([1000.0]), np.array([1000.0]), ["S"]), hazard, "hazard")
    assert r.at_risk == pytest.approx([1, 0, 0, 8])
    assert r.usable.all() and r.placed == pytest.approx([1, 0, 0, 8])  # the shelter stands in 0.49 m: dry enough


def test_a_shelter_in_deep_water_is_excluded():
    depth = _depth_raster([[0.1, 1.0]])
    s = Shelters(shapely.points([[50, 50], [150, 50]]), np.array([10.0, 10.0]), np.array([1000.0, 1000.0]), ["dry", "wet"])
    r = evacuation(people([50], [1]), s, Hazard(depth=depth, evacuate_depth=0.5), "everyone")
    assert r.usable.tolist() == [True, False] and "0.5" in r.excluded[1].text(lambda t: t)


def test_road_closed_where_the_water_is_deep_anywhere_along_it():
    # a 2 km road over a grid whose cell (1200–1300 m) is 0.6 m deep: people at 1000 cannot reach the shelter at 1900
    values = np.zeros((1, 20))
    values[0, 12] = 0.6
    depth = _depth_raster(values, y0=50.0)
    r = evacuation(
        people([0, 1000], [1, 1]), shelters([1900], [10]), Hazard(depth=depth, evacuate_depth=5.0, road_depth=0.5), "everyone", ROAD
    )
    assert r.placed.tolist() == [0, 0] and r.reason == [CUT_OFF, CUT_OFF]


def test_no_hazard_and_no_usable_shelter_are_refused():
    with pytest.raises(EvacuationError):
        evacuation(people([0], [1]), shelters([10], [5]), Hazard(), "hazard")
    with pytest.raises(EvacuationError):
        evacuation(people([0], [1]), shelters([10], [0]), Hazard(), "everyone")
    with pytest.raises(EvacuationError):
        evacuation(people([0], [1]), shelters([10], [np.nan]), Hazard(), "everyone")


# ------------------------------------------------------------------------------------------- oracles on random cases
def _random_case(seed, n=6, m=3):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1000, (n, 2))
    sxy = rng.uniform(0, 1000, (m, 2))
    counts = rng.integers(1, 30, n).astype(float)
    cap = rng.integers(5, 60, m).astype(float)
    reach = rng.uniform(300, 900, m)
    return xy, sxy, counts, cap, reach


def _dense_lp(d, ok, counts, cap):
    """Independent: the lexicographic optimum by one dense LP per stage (scipy's linprog on a full matrix)."""
    from scipy.optimize import linprog

    n, m = d.shape
    idx = [(i, j) for i in range(n) for j in range(m) if ok[i, j]]
    if not idx:
        return 0.0, 0.0
    a = np.zeros((n + m, len(idx)))
    for k, (i, j) in enumerate(idx):
        a[i, k] = 1
        a[n + j, k] = 1
    b = np.r_[counts, cap]
    most = linprog(-np.ones(len(idx)), A_ub=a, b_ub=b, method="highs")
    cost = np.array([d[i, j] for i, j in idx])
    best = linprog(cost, A_ub=np.vstack([a, -np.ones(len(idx))]), b_ub=np.r_[b, most.fun * (1 - 1e-10)], method="highs")
    return -most.fun, best.fun


@pytest.mark.parametrize("seed", range(12))
def test_continuous_assignment_matches_a_dense_lp(seed):
    xy, sxy, counts, cap, reach = _random_case(seed)
    d = np.hypot(*(xy[:, None, :] - sxy[None, :, :]).transpose(2, 0, 1))
    ok = d <= reach[None, :]
    placed, cost = _dense_lp(d / 50.0, ok, counts, cap)
    s = Shelters(shapely.points(sxy), cap, reach, ["a", "b", "c"])
    r = evacuation(from_points(shapely.points(xy), counts), s, Hazard(), "everyone", walk_speed=50.0)
    assert r.placed.sum() == pytest.approx(placed, abs=1e-6)
    assert float(r.flow_people @ r.flow_time) == pytest.approx(cost, rel=1e-7, abs=1e-6)
    assert (r.load <= cap + 1e-6).all()


@pytest.mark.parametrize("seed", range(10))
def test_whole_communities_match_brute_force_enumeration(seed):
    """Every way of giving each community one shelter or none, enumerated: the most people placed, then the least
    people × minutes."""
    xy, sxy, counts, cap, reach = _random_case(seed + 100, n=5, m=3)
    d = np.hypot(*(xy[:, None, :] - sxy[None, :, :]).transpose(2, 0, 1)) / 50.0
    ok = d * 50.0 <= reach[None, :]
    best = (-1.0, 0.0)
    for choice in itertools.product(range(-1, 3), repeat=5):
        load = np.zeros(3)
        placed = cost = 0.0
        valid = True
        for i, j in enumerate(choice):
            if j < 0:
                continue
            if not ok[i, j]:
                valid = False
                break
            load[j] += counts[i]
            placed += counts[i]
            cost += counts[i] * d[i, j]
        if valid and (load <= cap).all() and (placed > best[0] + 1e-9 or (abs(placed - best[0]) <= 1e-9 and cost < best[1])):
            best = (placed, cost)
    s = Shelters(shapely.points(sxy), cap, reach, ["a", "b", "c"])
    r = evacuation(from_points(shapely.points(xy), counts), s, Hazard(), "everyone", walk_speed=50.0, whole=True)
    assert r.placed.sum() == pytest.approx(best[0])
    assert float(r.flow_people @ r.flow_time) == pytest.approx(best[1], rel=1e-7, abs=1e-6)
    assert r.solve.optimal
    # one shelter per community
    assert all(len(set(r.flow_shelter[r.flow_piece == i])) <= 1 for i in range(5))
    # never more placed than the continuous optimum
    c = evacuation(from_points(shapely.points(xy), counts), s, Hazard(), "everyone", walk_speed=50.0)
    assert r.placed.sum() <= c.placed.sum() + 1e-6


def test_network_distances_match_dijkstra_by_hand_on_a_grid():
    """A 3 × 3 street grid of 500 m blocks; people at every node, one shelter at a corner: each distance is the
    Manhattan distance along the streets (every shortest route is along the grid)."""
    lines = []
    for k in range(3):
        lines.append(shapely.LineString([(0, k * 500), (1000, k * 500)]))
        lines.append(shapely.LineString([(k * 500, 0), (k * 500, 1000)]))
    nodes = [(x, y) for x in (0, 500, 1000) for y in (0, 500, 1000)]
    r = evacuation(
        from_points(shapely.points(nodes), np.ones(9)),
        Shelters(shapely.points([[0, 0]]), np.array([100.0]), np.array([5000.0]), ["S"]),
        Hazard(),
        "everyone",
        lines,
    )
    got = dict(zip(r.flow_piece.tolist(), r.flow_dist.tolist()))
    assert got == pytest.approx({i: x + y for i, (x, y) in enumerate(nodes)})


def test_whole_communities_say_when_no_shelter_takes_the_whole():
    """100 people, one shelter of 60 places: split, 60 are placed and 40 have every shelter full; whole, nobody is
    placed, and the reason says that no shelter in reach takes the whole community (the shelter still has room)."""
    from resilience_plugin.core.evacuation import WHOLE

    r = evacuation(people([0], [100]), shelters([100], [60]), Hazard(), "everyone")
    assert r.placed == pytest.approx([60]) and r.reason == [FULL]
    r = evacuation(people([0], [100]), shelters([100], [60]), Hazard(), "everyone", whole=True)
    assert r.placed == pytest.approx([0]) and r.reason == [WHOLE] and r.solve.most_placed


def test_nobody_is_left_a_sliver_short():
    """Placed within a millionth of the people at risk is all placed: no shortfall of 1e-6 people with no reason."""
    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 1000, (40, 2))
    counts = rng.uniform(1, 5000, 40)
    s = Shelters(shapely.points(rng.uniform(0, 1000, (6, 2))), np.full(6, 1e6), np.full(6, 3000.0), list("abcdef"))
    r = evacuation(from_points(shapely.points(xy), counts), s, Hazard(), "everyone")
    assert (r.short == 0).all() and set(r.reason) == {""}


def test_depth_without_data_under_the_people_is_said():
    depth = _depth_raster([[1.0, -9999.0]])
    notes = []
    from resilience_plugin.core.evacuation import people_at_risk

    pts = from_points(shapely.points([[50, 50], [150, 50], [5000, 50]]), [1, 2, 4])
    risk, hazards_of, _inside = people_at_risk(pts, Hazard(depth=depth), "hazard", notes=notes)
    assert risk.tolist() == [1, 0, 0] and hazards_of[0] == [0] and hazards_of[1] == []
    assert len(notes) == 1 and "2/3" not in notes[0].message.text(lambda t: t)
    assert "66.7%" in notes[0].message.text(lambda t: t)  # two of the three points: nodata, and outside the grid


def test_a_depth_raster_that_lies_wholly_away_from_the_people_is_refused():
    """Issue 30's bad input: a grid lying elsewhere (another CRS than it says, a wrong origin) gave 'nobody needs to
    move' and wrote a transfer of nobody. Refused, naming the raster. A grid over the people all of whose cells there
    are nodata is dry, as many flood models write only the wet cells: said, not refused; and a grid over some of the
    people, or over a zone's people only, is no error either (from the review)."""
    from resilience_plugin.core.evacuation import people_at_risk

    pts = from_points(shapely.points([[50, 50], [150, 50]]), [1, 2])
    square = from_polygons([shapely.box(0, 0, 200, 100)], [100.0], piece_size=1000)
    elsewhere = _depth_raster([[1.0, 2.0]], x0=50_000.0)  # 50 km east of the people
    for surface in (pts, square):
        with pytest.raises(EvacuationError, match="lies wholly away from the people") as exc:
            people_at_risk(surface, Hazard(depth=elsewhere), "hazard")
        assert "'depth'" in exc.value.message.text(lambda t: t)
    # all nodata under the people: dry, and said
    notes = []
    risk, _h, _s = people_at_risk(pts, Hazard(depth=_depth_raster([[-9999.0, -9999.0]])), "hazard", notes=notes)
    assert risk.tolist() == [0, 0] and "100.0%" in notes[0].message.text(lambda t: t)
    # wet under one point, the other beyond the grid; a zone over everyone with the grid elsewhere: not judged
    far = from_points(shapely.points([[50, 50], [5000, 50]]), [1, 2])
    risk, _h, _s = people_at_risk(far, Hazard(depth=_depth_raster([[1.0, 1.0]])), "hazard")
    assert risk.tolist() == [1, 0]
    risk, _h, _s = people_at_risk(pts, Hazard([shapely.box(-10, -10, 300, 200)], ["z"], depth=elsewhere), "everyone")
    assert risk.tolist() == [1, 2]


@pytest.mark.parametrize("values, what", [([[150.0, 80.0]], "centimetres"), ([[3500.0, 12027.0]], "people per cell")])
def test_a_grid_that_reads_deeper_than_any_flood_where_people_live_is_refused(values, what):
    """From a new user's try: the population grid given as flood depth planned a transfer of the whole city, and a
    grid in centimetres 2.4 times the people. Deeper than the profile's evacuation.depth_max_plausible (20 m) where
    the people are: refused, saying what it likely holds. 20 m itself is a depth; everyone moving is not judged."""
    from resilience_plugin.core.evacuation import people_at_risk
    from resilience_plugin.core.profile import load_profile

    limit = float(load_profile().value("evacuation.depth_max_plausible"))
    pts = from_points(shapely.points([[50, 50], [150, 50]]), [1, 2])
    with pytest.raises(EvacuationError, match=r"reads up to [\d,.]+ where the people of layer 'population' are, more than 20 m") as exc:
        people_at_risk(pts, Hazard(depth=_depth_raster(values), depth_max=limit), "hazard")
    assert "Raster Calculator" in exc.value.message.text(lambda t: t), what
    risk, _h, _s = people_at_risk(pts, Hazard(depth=_depth_raster([[limit, 0.2]]), depth_max=limit), "hazard")
    assert risk.tolist() == [1, 0]
    risk, _h, _s = people_at_risk(pts, Hazard(depth=_depth_raster(values), depth_max=limit), "everyone")
    assert risk.tolist() == [1, 2]


def test_unit_transfer_share_by_hand():
    """Two 1 km units of 1,000 people each; a flood zone over the west half of unit A; a short-term shelter at A's
    centre (just east of the zone) with 600 m² (300 places at 2 m² each, GB 51143), within 1 km of all of A. A: 500 at risk, 300 placed,
    0.6; B: nobody at risk, 1."""
    from resilience_plugin.core.evacuation import unit_transfer_share
    from resilience_plugin.core.facilities import Facilities
    from resilience_plugin.core.profile import load_profile

    profile = load_profile()
    units = [shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)]
    zone = shapely.box(-10, -10, 500, 1010)
    shelters = Facilities(shapely.points([[600, 500]]), ["short_term_shelter"], np.array([False]), shelter_area=np.array([600.0]))
    share = unit_transfer_share(units, np.array([1000.0, 1000.0]), [zone], shelters, profile)
    assert share == pytest.approx([0.6, 1.0])


@pytest.mark.parametrize(
    "where, expected",
    [
        ((700, 500), [None, 1.0]),  # outside the zone, 200–700 m from A's people at risk: A not assessed
        ((250, 500), [0.6, 1.0]),  # inside the zone: never used, its area does not matter
        ((1900, 500), [0.6, 1.0]),  # 1.4 km or more from anyone at risk, beyond the short-term reach (1 km)
    ],
)
def test_unit_transfer_share_with_a_shelter_of_unknown_area(where, expected):
    """The case above with a second short-term shelter whose area is unknown (empty, 待定): a unit whose people
    at risk have it within reach is not assessed (its room would change their share), as i_shelter is not; where it
    cannot matter, the share stays as computed by hand (issue 29 §3)."""
    from resilience_plugin.core.evacuation import unit_transfer_share
    from resilience_plugin.core.facilities import Facilities
    from resilience_plugin.core.profile import load_profile

    profile = load_profile()
    assert profile.value("shelter.short_term_walk_distance") == pytest.approx(1000.0)
    units = [shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)]
    zone = shapely.box(-10, -10, 500, 1010)
    shelters = Facilities(
        shapely.points([[600, 500], list(where)]),
        ["short_term_shelter", "short_term_shelter"],
        np.array([False, False]),
        shelter_area=np.array([600.0, 0.0]),
        area_unknown=np.array([False, True]),
    )
    share = unit_transfer_share(units, np.array([1000.0, 1000.0]), [zone], shelters, profile)
    assert np.isnan(share[0]) if expected[0] is None else share[0] == pytest.approx(expected[0])
    assert share[1] == pytest.approx(expected[1])


@pytest.mark.parametrize("seed", range(3))
def test_a_medium_transfer_along_a_street_grid_matches_a_dense_lp(seed):
    """A 16 × 16 grid of 200 m blocks with random closed stretches, 150 communities and 20 shelters: the people placed
    and the people × minutes match a dense LP built here from distances found by scipy's Dijkstra on the grid
    without the closed stretches (every community outside the hazard, so no route may use them)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    rng = np.random.default_rng(seed)
    k, step = 16, 200.0
    node = lambda i, j: i * k + j  # noqa: E731
    edges, lines = [], []
    for i in range(k):
        for j in range(k):
            for di, dj in ((1, 0), (0, 1)):
                if i + di < k and j + dj < k:
                    edges.append((node(i, j), node(i + di, j + dj)))
                    lines.append(shapely.LineString([(i * step, j * step), ((i + di) * step, (j + dj) * step)]))
    closed = rng.choice(len(edges), 25, replace=False)
    zones = [shapely.buffer(lines[e].interpolate(0.5, normalized=True), 20.0) for e in closed]
    open_edges = np.setdiff1d(np.arange(len(edges)), closed)
    a, b = np.array(edges)[open_edges].T
    graph = coo_matrix((np.full(len(a), step), (a, b)), shape=(k * k, k * k))
    nodes_xy = np.array([(i * step, j * step) for i in range(k) for j in range(k)])
    far = np.array([all(shapely.distance(shapely.Point(xy), z) > 30 for z in zones) for xy in nodes_xy])
    homes = rng.choice(np.nonzero(far)[0], 150, replace=False)  # of 256 nodes
    sites = rng.choice(np.setdiff1d(np.nonzero(far)[0], homes), 20, replace=False)
    people_n = rng.integers(10, 200, 150).astype(float)
    cap = rng.integers(100, 900, 20).astype(float)
    reach = np.full(20, 1500.0)
    d = dijkstra(graph, directed=False, indices=sites)[:, homes].T  # homes × sites, metres
    ok = d <= reach[None, :] + 1e-6
    placed, cost = _dense_lp(d / 50.0, ok, people_n, cap)
    r = evacuation(
        from_points(shapely.points(nodes_xy[homes]), people_n),
        Shelters(shapely.points(nodes_xy[sites]), cap, reach, [str(s) for s in sites]),
        Hazard(zones, [f"z{e}" for e in closed]),
        "everyone",
        lines,
        walk_speed=50.0,
    )
    assert r.placed.sum() == pytest.approx(placed, rel=1e-9, abs=1e-6)
    assert float(r.flow_people @ r.flow_time) == pytest.approx(cost, rel=1e-7, abs=1e-6)


# ------------------------------------------------------------------- the one-programme solve and its certificate
def _pairs(i, j, t):
    from resilience_plugin.core.evacuation import _Pairs

    return _Pairs(np.asarray(i), np.asarray(j), np.asarray(t, float), np.zeros(len(i)))


def test_a_chain_of_moves_dearer_than_a_short_place_falls_back_to_two_programmes(monkeypatch):
    """A (1 person) reaches only S1, 1 minute away; B (1 person) is at S1 (0 minutes) and reaches S2 100 minutes
    away; S1 and S2 have 1 place each. Both placed: A at S1, B at S2, 101 person-minutes (by hand). When a person
    without a place costs less than that chain of moves, the one programme leaves A without a place; the
    certificate finds the augmenting path A → S1 → B → S2 and the two programmes give the optimum."""
    import resilience_plugin.core.evacuation as ev

    pairs = _pairs([0, 1, 1], [0, 0, 1], [1.0, 0.0, 100.0])
    demand, capacity = np.array([1.0, 1.0]), np.array([1.0, 1.0])
    stages = []
    real = ev._two_stages
    monkeypatch.setattr(ev, "_two_stages", lambda *a: (stages.append(1), real(*a))[1])
    for factor, fell_back in ((64.0, False), (0.25, True)):
        stages.clear()
        monkeypatch.setattr(ev, "SHORT_COST_FACTOR", factor)
        x, solve = ev.assign_continuous(pairs, demand, capacity, 60.0)
        assert x == pytest.approx([1.0, 0.0, 1.0], abs=1e-6)
        assert solve.optimal and solve.objective == pytest.approx(101.0)
        assert bool(stages) == fell_back
    # the certificate on its own: A without a place, B at S1, S2 empty → a path exists
    assert not ev._most_placed(pairs, np.array([0.0, 1.0, 0.0]), demand, capacity)
    assert ev._most_placed(pairs, np.array([1.0, 0.0, 1.0]), demand, capacity)
    # S2 full as well: nobody more can be placed
    assert ev._most_placed(pairs, np.array([0.0, 1.0, 0.0]), demand, np.array([1.0, 0.0]))


def test_pairs_dearer_than_a_shelter_that_is_never_full_are_dropped():
    """Piece 0 (5 people) reaches S0 (room 100: never full) in 5 min, S1 in 9 min and S2 in 2 min; S2 (room 3) is
    also reached by piece 1 (4 people), so it may fill. Dropped: only 0→S1 (dearer than never-full S0)."""
    from resilience_plugin.core.evacuation import useful_pairs

    pairs = _pairs([0, 0, 0, 1], [0, 1, 2, 2], [5.0, 9.0, 2.0, 1.0])
    keep = useful_pairs(pairs, np.array([5.0, 4.0]), np.array([100.0, 100.0, 3.0]))
    assert keep.tolist() == [True, False, True, True]


@pytest.mark.parametrize("factor", [64.0, 0.01])
@pytest.mark.parametrize("seed", range(25))
def test_random_sparse_assignments_match_a_dense_lp(seed, factor, monkeypatch):
    """Random sparse pairs with tight, fractional capacities, ties and zero minutes: the most placed and the least
    people × minutes agree with the dense two-stage LP of this file, whether the one programme is certified (the
    profile's factor) or nearly always falls back (a person without a place costing about one trip)."""
    import resilience_plugin.core.evacuation as ev

    monkeypatch.setattr(ev, "SHORT_COST_FACTOR", factor)
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(5, 40)), int(rng.integers(2, 12))
    ok = rng.random((n, m)) < 0.3
    d = np.round(rng.uniform(0, 20, (n, m))) * (rng.random((n, m)) > 0.1)  # whole minutes: ties; some zero
    counts = np.round(rng.uniform(0.5, 30, n), 2)
    cap = np.round(rng.uniform(0, 1.2, m) * counts.sum() / m, 2)
    placed, cost = _dense_lp(d, ok, counts, cap)
    i, j = np.nonzero(ok)
    x, solve = ev.assign_continuous(_pairs(i, j, d[i, j]), counts, cap, 60.0)
    assert x.sum() == pytest.approx(placed, abs=1e-6)
    assert float(x @ d[i, j]) == pytest.approx(cost, rel=1e-7, abs=1e-6)
    assert solve.optimal and solve.objective == pytest.approx(cost, rel=1e-7, abs=1e-6)
    assert (np.bincount(j, weights=x, minlength=m) <= cap + 1e-6).all()
    assert (np.bincount(i, weights=x, minlength=n) <= counts + 1e-6).all() and (x >= 0).all()


def _networkx_min_cost_flow(i, j, c, people, places):
    """Independent: the lexicographic optimum as one integer min-cost flow (networkx, a test-only dependency), the
    graph the bench gives networkx (bench/transfer_peer.py). (people placed, people × cost)."""
    import networkx as nx

    from bench.transfer_peer import placed_and_cost, transfer_graph

    return placed_and_cost(nx.min_cost_flow(transfer_graph(i, j, c, people, places)), i, j, c, places)


@pytest.mark.parametrize("seed", range(4))
def test_a_medium_assignment_matches_networkx_min_cost_flow(seed):
    """Issue 30's oracle for medium instances: 400 pieces, 60 shelters, each piece reaching 2–9 of the nearest in
    whole minutes, whole people and places, capacities binding in places. The people placed and the people ×
    minutes equal networkx's integer min-cost flow exactly (the transportation LP has whole optima)."""
    import resilience_plugin.core.evacuation as ev

    rng = np.random.default_rng(300 + seed)
    xy, sxy = rng.uniform(0, 5000, (400, 2)), rng.uniform(0, 5000, (60, 2))
    d = np.hypot(*(xy[:, None, :] - sxy[None, :, :]).transpose(2, 0, 1))
    near = np.argsort(d, axis=1)
    i = np.repeat(np.arange(400), 9)
    j = near[:, :9].ravel()
    keep = np.tile(np.arange(9), 400) < np.repeat(rng.integers(2, 10, 400), 9)
    i, j = i[keep], j[keep]
    c = np.ceil(d[i, j] / 50.0).astype(np.int64)
    people = rng.integers(0, 400, 400)
    places = rng.integers(0, int(1.3 * people.sum() / 60), 60)  # about two thirds of the people in all
    placed, cost = _networkx_min_cost_flow(i, j, c, people, places)
    x, solve = ev.assign_continuous(_pairs(i, j, c), people.astype(float), places.astype(float), 60.0)
    assert 0 < placed < people.sum()  # some shelters fill: a real trade-off
    assert x.sum() == pytest.approx(placed, abs=1e-6)
    assert float(x @ c) == pytest.approx(cost, abs=1e-5)
    assert solve.optimal
