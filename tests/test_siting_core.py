"""core.siting against brute force: every subset of candidates enumerated on small instances, each model's
objective recomputed from the distances alone (capacitated shelters with scipy's max-flow, independent of the
model's LP); hand-made cases with a known optimum; and the refusals."""

import itertools

import numpy as np
import pytest
import shapely

from resilience_plugin.core.messages import CoreError, Message
from resilience_plugin.core.siting import exclusions, site


def _instance(seed, n=14, m=8, k=2):
    rng = np.random.default_rng(seed)
    demand = rng.uniform(0, 3000, (n, 2))
    cand = rng.uniform(0, 3000, (m, 2))
    ex = rng.uniform(0, 3000, (k, 2))
    w = rng.integers(0, 900, n).astype(float)
    w[0] = 0.0  # nobody lives there
    return demand, cand, ex, w


def _dist(a, b):
    return np.hypot(a[:, None, 0] - b[None, :, 0], a[:, None, 1] - b[None, :, 1])


def _nearest(demand, sites):
    return _dist(demand, sites).min(axis=1) if len(sites) else np.full(len(demand), np.inf)


def _covered(demand, ex, cand, subset, distance):
    return _nearest(demand, np.vstack([ex, cand[list(subset)]])) <= distance


def _run(demand, cand, ex, w, model, count, distance, **kw):
    return site(shapely.points(demand), w, shapely.points(cand), model, count, distance, existing=shapely.points(ex), **kw)


@pytest.mark.parametrize("seed", range(6))
def test_coverage_is_the_brute_force_optimum(seed):
    demand, cand, ex, w = _instance(seed)
    distance, p = 700.0, 3
    best = max(w[_covered(demand, ex, cand, s, distance)].sum() for s in itertools.combinations(range(len(cand)), p))
    result = _run(demand, cand, ex, w, "coverage", p, distance)
    assert result.objective == pytest.approx(best)
    assert result.optimal and result.gap == pytest.approx(0, abs=1e-9)
    # the chosen sites give that coverage when measured from scratch, and the per-demand columns agree
    assert w[_covered(demand, ex, cand, result.chosen, distance)].sum() == pytest.approx(best)
    assert result.after == pytest.approx(best)
    assert result.before == pytest.approx(w[_covered(demand, ex, cand, [], distance)].sum())
    # read in greedy order: each adds no more than the one before, and together what was gained
    assert np.all(np.diff(result.adds) <= 1e-9)
    assert result.adds.sum() == pytest.approx(result.after - result.before)
    assert result.greedy_objective <= result.objective + 1e-9


@pytest.mark.parametrize("seed", range(6))
def test_set_cover_is_the_fewest_sites_that_cover_everyone_coverable(seed):
    demand, cand, ex, w = _instance(seed)
    distance = 650.0
    need = (w > 0) & ~_covered(demand, ex, cand, [], distance) & (_dist(demand, cand).min(axis=1) <= distance)
    fewest = next(
        size
        for size in range(len(cand) + 1)
        if any(_covered(demand, ex, cand, s, distance)[need].all() for s in itertools.combinations(range(len(cand)), size))
    )
    result = _run(demand, cand, ex, w, "set_cover", 0, distance)
    assert len(result.chosen) == fewest == result.objective
    assert _covered(demand, ex, cand, result.chosen, distance)[need].all()
    assert set(result.uncoverable) == set(np.nonzero((w > 0) & ~_covered(demand, ex, cand, range(len(cand)), distance))[0])


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("cap", [None, 900.0])
def test_p_median_is_the_brute_force_optimum(seed, cap):
    demand, cand, ex, w = _instance(seed)
    if seed % 2:
        ex = ex[:0]  # also without existing facilities
    p = 3

    def cost(subset):
        d = _nearest(demand, np.vstack([ex, cand[list(subset)]]))
        return float((w * (np.minimum(d, cap) if cap else d)).sum())

    best = min(cost(s) for s in itertools.combinations(range(len(cand)), p))
    result = _run(demand, cand, ex, w, "p_median", p, 500.0, max_distance=cap)
    assert result.objective == pytest.approx(best, rel=1e-9)
    assert cost(result.chosen) == pytest.approx(best, rel=1e-9)
    assert result.optimal


def _max_flow(demand, w, sites, capacity, distance):
    """People who reach a site with room, by scipy's max-flow on integers (source -> demand -> site -> sink)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_flow

    n, s = len(demand), len(sites)
    if s == 0:
        return 0
    src, sink = n + s, n + s + 1
    rows, cols, caps = [], [], []
    for i in range(n):
        rows.append(src), cols.append(i), caps.append(int(w[i]))
    reach = _dist(demand, sites) <= distance
    for i, j in zip(*np.nonzero(reach)):
        rows.append(i), cols.append(n + j), caps.append(10**9)
    for j in range(s):
        rows.append(n + j), cols.append(sink), caps.append(int(capacity[j]))
    graph = csr_matrix((np.array(caps, dtype=np.int32), (rows, cols)), shape=(n + s + 2, n + s + 2))
    return maximum_flow(graph, src, sink).flow_value


@pytest.mark.parametrize("seed", range(5))
def test_capacitated_is_the_brute_force_optimum(seed):
    demand, cand, ex, w = _instance(seed)
    rng = np.random.default_rng(100 + seed)
    capacity = rng.integers(100, 1500, len(cand)).astype(float)
    ex_capacity = rng.integers(100, 800, len(ex)).astype(float)
    distance, p = 800.0, 2
    best = max(
        _max_flow(demand, w, np.vstack([ex, cand[list(s)]]), np.r_[ex_capacity, capacity[list(s)]], distance)
        for s in itertools.combinations(range(len(cand)), p)
    )
    before = _max_flow(demand, w, ex, ex_capacity, distance)
    result = _run(demand, cand, ex, w, "capacitated", p, distance, capacity=capacity, existing_capacity=ex_capacity)
    assert result.objective == pytest.approx(best)
    assert result.after == pytest.approx(best)
    assert result.before == pytest.approx(before)
    assert _max_flow(demand, w, np.vstack([ex, cand[result.chosen]]), np.r_[ex_capacity, capacity[result.chosen]], distance) == best
    assert (result.served_after <= w + 1e-6).all()


def test_a_capacitated_model_highs_presolve_calls_infeasible_is_solved_all_the_same():
    """Opening nothing is always feasible, yet HiGHS's presolve called this model infeasible (found by a refactor's
    random comparison): the answer is solved again without presolve and is the brute-force optimum, not a traceback."""
    rng = np.random.default_rng(6)
    n, m, _k = rng.integers(5, 40), rng.integers(3, 15), rng.integers(0, 4)
    demand, cand = rng.uniform(0, 3000, (n, 2)), rng.uniform(0, 3000, (m, 2))
    rng.uniform(0, 3000, (_k, 2))  # the existing shelters of the case as found, drawn so that what follows is the same
    w = rng.integers(0, 900, n).astype(float)
    w[rng.integers(0, n, 3)] = 0.0
    capacity = rng.integers(0, 2000, m).astype(float)
    excluded = [None, Message("x")] + [None] * (m - 2)
    result = site(shapely.points(demand), w, shapely.points(cand), "capacitated", 3, 400.0, capacity=capacity, excluded=excluded)
    usable = [j for j in range(m) if excluded[j] is None]
    best = max(_max_flow(demand, w, cand[list(s)], capacity[list(s)], 400.0) for s in itertools.combinations(usable, 3))
    assert result.objective == pytest.approx(best) and best > 0
    assert result.after == pytest.approx(best)
    assert 1 not in set(result.chosen)


def test_a_binding_capacity_serves_only_what_it_holds():
    demand = np.array([[0, 0], [100, 0]])
    w = np.array([200.0, 50.0])
    cand = np.array([[50, 0], [5000, 5000]])
    result = site(shapely.points(demand), w, shapely.points(cand), "capacitated", 1, 300, capacity=[120.0, 10_000.0])
    assert list(result.chosen) == [0]
    assert result.after == pytest.approx(120.0) and result.serves[0] == pytest.approx(120.0)


def test_ties_are_broken_the_same_way_every_run():
    demand = np.array([[0, 0], [1000, 0]])
    cand = np.array([[0, 100], [0, -100], [1000, 100]])  # the first two are equally good
    runs = [site(shapely.points(demand), [10.0, 10.0], shapely.points(cand), "coverage", 1, 200).chosen.tolist() for _ in range(3)]
    assert runs[0] == runs[1] == runs[2] and runs[0][0] in (0, 1, 2)
    result = site(shapely.points(demand), [10.0, 10.0], shapely.points(cand), "coverage", 2, 200)
    assert result.after == 20.0 and sorted(result.chosen.tolist()) in ([0, 2], [1, 2])


def test_demand_no_candidate_reaches_is_named_and_counted_out():
    demand = np.array([[0, 0], [9000, 9000]])
    cand = np.array([[100, 0]])
    result = site(shapely.points(demand), [30.0, 70.0], shapely.points(cand), "coverage", 1, 500)
    assert result.after == 30.0 and list(result.uncoverable) == [1]
    assert result.facility[1] == -1 and np.isnan(result.facility_distance[1])
    assert result.facility[0] == 0 and result.facility_distance[0] == pytest.approx(100.0)


def test_candidates_inside_an_exclusion_are_dropped_with_the_reason():
    demand = shapely.points([[0, 0], [2000, 0]])
    cand = shapely.points([[0, 50], [2000, 50], [0, -60]])
    fault = shapely.linestrings([[-500, 40], [500, 40]])  # 10 m from candidate 0
    flood = shapely.box(1900, 0, 2100, 100)  # holds candidate 1
    reasons = exclusions(cand, [fault], 30.0, ["八宝山断裂"], [("洪涝风险区", [flood], ["高风险"])])
    assert reasons[2] is None
    assert "八宝山断裂" in str(reasons[0]) and "GB 50011" in str(reasons[0])
    assert "洪涝风险区" in str(reasons[1]) and "高风险" in str(reasons[1])
    result = site(demand, [10.0, 10.0], cand, "coverage", 1, 500, excluded=reasons)
    assert list(result.chosen) == [2] and [i for i, _ in result.excluded] == [0, 1]
    with pytest.raises(CoreError, match="only 1 candidate"):
        site(demand, [10.0, 10.0], cand, "coverage", 2, 500, excluded=reasons)


def test_candidates_in_deep_water_are_dropped_with_the_reason():
    """Issue 30, from a new user's try: Transfer then siting put new shelters in water 1.5 m deep, where the transfer
    itself leaves a shelter unused. 100 m cells of 1.0 m, 0.3 m, nodata and exactly 0.5 m (by hand): points in the
    first and last are dropped, a polygon reaching 10 m into the first is dropped, the rest kept."""
    from resilience_plugin.core.coverage import Grid
    from resilience_plugin.core.population import Raster

    values = np.array([[1.0, 0.3, -9999.0, 0.5]])
    depth = Raster(Grid(0.0, 100.0, 100.0, 100.0, 1, 4), lambda r0, r1, c0, c1: values[r0:r1, c0:c1], nodata=-9999.0, name="积水深度")
    cand = np.array(
        [
            shapely.Point(50, 50),
            shapely.Point(150, 50),
            shapely.Point(250, 50),
            shapely.Point(350, 50),
            shapely.box(90, 10, 190, 90),
            shapely.box(110, 10, 190, 90),
        ],
        dtype=object,
    )
    reasons = exclusions(cand, depth=depth, depth_limit=0.5)
    assert [r is not None for r in reasons] == [True, False, False, True, True, False]
    assert "in water 0.5 m deep or deeper on 积水深度" in str(reasons[0]) and "GB 21734" in str(reasons[0])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"population": [0.0, 0.0]}, "no population"),
        ({"population": [1.0, float("nan")]}, "population must be"),
        ({"count": 5}, "5 new sites"),
        ({"count": 0}, "1 or more"),
        ({"excluded": ["x", "y"]}, "no candidate site is left"),
        ({"model": "nearest"}, "Unknown siting model"),
        ({"candidates": shapely.points([[116.4, 39.9], [116.5, 39.9]])}, "km from"),
        ({"model": "capacitated"}, "capacity"),
    ],
)
def test_input_that_cannot_give_an_answer_is_refused_clearly(kwargs, match):
    args = {
        "demand": shapely.points([[440_000, 4_400_000], [441_000, 4_400_000]]),
        "population": [10.0, 20.0],
        "candidates": shapely.points([[440_100, 4_400_000], [441_100, 4_400_000]]),
        "model": "coverage",
        "count": 1,
        "distance": 500.0,
    }
    args.update(kwargs)
    with pytest.raises(CoreError, match=match):
        site(**args)


def _split_graph_distances(segments, points, tolerance):
    """Oracle for distances along a network: every point joins its nearest segment(s) (found by brute force) as a
    new node splitting it; then all-pairs Dijkstra on the split graph. Returns (matrix, nodes of each point)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    keys = {}

    def node(x, y):
        return keys.setdefault((round(x, 6), round(y, 6)), len(keys))

    cuts = [[] for _ in segments]
    joins = []
    for p in points:
        best, best_d = [], np.inf
        for s, ((x0, y0), (x1, y1)) in enumerate(segments):
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((p[0] - x0) * dx + (p[1] - y0) * dy) / (dx * dx + dy * dy), 0, 1)
            q = (x0 + t * dx, y0 + t * dy)
            d = np.hypot(p[0] - q[0], p[1] - q[1])
            if d < best_d - 1e-9:
                best, best_d = [(s, t, q)], d
            elif abs(d - best_d) <= 1e-9:
                best.append((s, t, q))
        if best_d <= tolerance:
            joins.append([node(*q) for _s, _t, q in best])
            for s, t, _q in best:
                cuts[s].append(t)
        else:
            joins.append([])
    rows, cols, weights = [], [], []
    for s, ((x0, y0), (x1, y1)) in enumerate(segments):
        ts = sorted(set([0.0, 1.0] + cuts[s]))
        length = np.hypot(x1 - x0, y1 - y0)
        for a, b in zip(ts[:-1], ts[1:]):
            if b - a > 1e-12:
                rows.append(node(x0 + a * (x1 - x0), y0 + a * (y1 - y0)))
                cols.append(node(x0 + b * (x1 - x0), y0 + b * (y1 - y0)))
                weights.append((b - a) * length)
    n = len(keys)
    return dijkstra(coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr(), directed=False), joins


def _grid_segments(n=6, spacing=100.0):
    xs = np.arange(n) * spacing
    segs = [((xs[i], xs[j]), (xs[i + 1], xs[j])) for i in range(n - 1) for j in range(n)]
    segs += [((xs[i], xs[j]), (xs[i], xs[j + 1])) for i in range(n) for j in range(n - 1)]
    return segs[::2] + [((0.0, 0.0), (-300.0, -400.0))]  # gaps, so that some detours are long, and a spur


@pytest.mark.parametrize("seed", range(6))
def test_distances_along_the_network_agree_with_a_split_graph(seed):
    from resilience_plugin.core.network import WalkingNetwork

    rng = np.random.default_rng(seed)
    segments = _grid_segments()
    net, _ = WalkingNetwork.from_lines(shapely.linestrings(np.array(segments)))
    sources, targets = rng.uniform(-20, 520, (7, 2)), rng.uniform(-20, 520, (9, 2))
    a, b, d = net.point_distances(shapely.points(sources), shapely.points(targets), 350.0, 30.0)
    matrix, joins = _split_graph_distances(segments, np.r_[sources, targets], 30.0)
    expected = {}
    for i in range(len(sources)):
        for j in range(len(targets)):
            if joins[i] and joins[len(sources) + j]:
                best = min(matrix[x, y] for x in joins[i] for y in joins[len(sources) + j])
                if best <= 350.0:
                    expected[(i, j)] = best
    found = {(int(x), int(y)): float(z) for x, y, z in zip(a, b, d)}
    assert set(found) == set(expected)
    assert all(found[k] == pytest.approx(expected[k], abs=1e-6) for k in expected)


@pytest.mark.parametrize("seed", range(3))
def test_coverage_along_the_network_is_the_brute_force_optimum(seed):
    rng = np.random.default_rng(50 + seed)
    segments = _grid_segments()
    demand, cand = rng.uniform(-20, 520, (12, 2)), rng.uniform(-20, 520, (7, 2))
    w = rng.integers(1, 500, len(demand)).astype(float)
    matrix, joins = _split_graph_distances(segments, np.r_[demand, cand], 30.0)
    far = np.full((len(demand), len(cand)), np.inf)
    for i in range(len(demand)):
        for j in range(len(cand)):
            if joins[i] and joins[len(demand) + j]:
                far[i, j] = min(matrix[x, y] for x in joins[i] for y in joins[len(demand) + j])
    best = max(w[(far[:, list(s)] <= 250.0).any(axis=1)].sum() for s in itertools.combinations(range(len(cand)), 2))
    result = site(
        shapely.points(demand),
        w,
        shapely.points(cand),
        "coverage",
        2,
        250.0,
        network=shapely.linestrings(np.array(segments)),
        snap_tolerance=30.0,
    )
    assert result.objective == pytest.approx(best) and result.optimal
    reached = (far[:, result.chosen] <= 250.0).any(axis=1)
    assert w[reached].sum() == pytest.approx(best)


def test_capacities_are_read_as_written():
    from resilience_plugin.core.siting import capacities

    persons, bad, area = capacities(["2.5万平方米", "1.2万人", 3000, None, "约", "0.8公顷", "1,500人"], "避难场所面积", "auto", 2.0)
    assert persons[:3].tolist() == [12_500.0, 12_000.0, 1_500.0] and np.isnan(persons[3]) and bad == [4]
    assert persons[5] == 4_000.0 and persons[6] == 1_500.0 and area == [0, 2, 5]
    # a bare number in a field named for people is people; the choice overrides the guess
    assert capacities([800], "可容纳人数", "auto", 2.0)[0].tolist() == [800.0]
    assert capacities([800], "容量", "area", 4.5)[0].tolist() == [800 / 4.5]
    assert capacities([3], "面积(公顷)", "auto", 2.0)[0].tolist() == [15_000.0]  # the field's name declares hectares
    with pytest.raises(CoreError, match="area per person"):
        capacities(["2公顷"], "面积", "auto", None)


def test_a_solver_stopped_by_its_time_limit_gives_its_best_solution_and_a_proven_bound():
    """A hard covering instance (random reach, no geography to help the relaxation): stopped after a second, the
    answer is a full solution, measured from the pairs no better than the solver says, never better than its
    proven bound, with the gap between them said, and never worse than the greedy one."""
    from resilience_plugin.core.siting import Pairs

    rng = np.random.default_rng(1)
    n, m = 3000, 1500
    reach = rng.random((n, m)) < 0.01
    i, j = np.nonzero(reach)
    pairs = Pairs(i, j, rng.uniform(0, 500.0, len(i)))
    w = rng.integers(100, 5000, n).astype(float)
    points = shapely.points(rng.uniform(0, 10_000, (n, 2)))
    result = site(points, w, points[:m], "coverage", 40, 500.0, pairs=pairs, time_limit=1.0)
    assert len(result.chosen) == 40 and len(set(result.chosen.tolist())) == 40
    assert w[reach[:, result.chosen].any(axis=1)].sum() == pytest.approx(result.objective)
    assert not result.optimal and result.gap > 0 and result.bound > result.objective
    assert result.objective >= result.greedy_objective - 1e-6


def test_risk_classes_are_read_as_planners_write_them():
    from resilience_plugin.core.siting import chosen_classes, in_classes

    assert chosen_classes("1,2") == ({"1", "2"}, [])
    assert chosen_classes("高；中、 Ⅲ级") == ({"1", "2", "3"}, [])
    assert chosen_classes("一级 high 蓝色") == ({"1"}, ["蓝色"])
    assert chosen_classes("") == (set(), [])
    assert in_classes(["1", "二级", "低风险区", None, "?"], {"1"}).tolist() == [True, False, False, True, True]


def test_demand_mostly_off_the_network_stops_the_run_when_the_profile_says_so():
    """Issue 29 §2 (off the network): 3 of 4 demand points lie 2 km from the only road, beyond the 100 m snapping
    tolerance (hand-placed). With the profile's share (0.5) the run stops and says why; at 0.8, and without a share
    (the library's default), it goes on and names them."""
    road = shapely.linestrings([[0, 0], [2000, 0]])
    demand = shapely.points([[1000, 10], [500, 2000], [1000, 2000], [1500, 2000]])
    args = (demand, [100.0, 200.0, 300.0, 400.0], shapely.points([[900, 0], [1800, 0]]), "coverage", 1, 500.0)
    kw = dict(network=[road], snap_tolerance=100.0, demand_name="社区", network_name="道路")
    with pytest.raises(CoreError, match="社区: 3 of 4 demand point.* no line of the network 道路 within 100 m, more than 50%"):
        site(*args, left_out_max=0.5, **kw)
    for share in (0.8, None):
        result = site(*args, left_out_max=share, **kw)
        assert result.objective == pytest.approx(100.0)
        assert any("3 demand point(s)" in str(n.message) for n in result.notes)
        assert result.unplaced.tolist() == [False, True, True, True]  # what serves them: not assessed (issue 29 §3)


def test_a_source_whose_pieces_are_all_off_the_network_is_unplaced():
    """Issue 29 §3, pieces by hand: source 0 has a piece on the road and one off it, source 1 both off it, source 2
    none at all (no geometry): only source 0 is placed; its served people are those of its piece on the road, and its
    share is of them (the review found the off-network 50 counted as unserved)."""
    from resilience_plugin.core.siting import by_source

    road = shapely.linestrings([[0, 0], [2000, 0]])
    pieces = shapely.points([[1000, 10], [1000, 2000], [500, 2000], [1500, 2000]])
    result = site(pieces, [100.0, 50.0, 20.0, 30.0], shapely.points([[900, 0]]), "coverage", 1, 500.0, network=[road], snap_tolerance=100.0)
    per = by_source(result, np.array([0, 0, 1, 1]), np.array([100.0, 50.0, 20.0, 30.0]), 3)
    assert per.unplaced.tolist() == [False, True, True]
    assert per.served_after.tolist() == [100.0, 0.0, 0.0] and per.people.tolist() == [150.0, 50.0, 0.0]
    # its shares are of its people that could be placed: the 50 off the network are neither served nor unserved
    assert per.placed_people.tolist() == [100.0, 0.0, 0.0] and per.share_after[0] == 1.0 and np.isnan(per.share_after[1])
    assert result.unplaced_people == 100.0  # 50 + 20 + 30 off the network, of the 200 with a geometry
