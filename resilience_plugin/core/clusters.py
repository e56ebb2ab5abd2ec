"""Resilience clusters (韧性城市组团, 第47–49条): contiguous, constrained regionalisation of street/town units.

Pure shapely, numpy and scipy. The units are grouped into clusters that

- are contiguous over shared boundaries (a tolerance bridges slivers and gaps; islands join their nearest unit);
- never cross a district boundary when districts are given (第47条: merged with the administrative districts);
- never join units on opposite sides of a barrier (greenbelts, rivers: 第25条);
- fit the lifeline service zones (water, power, gas …, 第12、47条);
- hold the facilities 第48条 requires, and keep their population between optional bounds.

The objective, minimised by growing regions from spread-out seeds and then moving boundary units one at a
time while every cluster stays contiguous, is a weighted sum over clusters (weights in the plan profile):

    balance      ((P_c − P̄) / P̄)² / k                           population balance
    lifeline     Σ_systems (P_c − P_c,dominant zone) / (P · S)    population outside the cluster's main zone
    compactness  (1 − A_c² / (2π I_c)) / k                        I_c: second moment of area about the centroid
    facilities   missing_c / (k · R)                              第48条 categories the cluster lacks
    bounds       (max(0, min − P_c) + max(0, P_c − max)) / P̄      population outside the bounds

The result is deterministic: every choice breaks ties by unit order.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note


@dataclass
class Graph:
    """Unit adjacency after the constraints: neighbour lists, and what was cut or bridged."""

    neighbours: List[List[int]]
    shared: Dict[Tuple[int, int], float]  # shared boundary length (m) of each geometric neighbour pair
    cut_by_district: int = 0
    cut_by_barrier: int = 0
    islands: List[Tuple[int, int]] = field(default_factory=list)  # (island, unit it joined)
    stranded: List[Tuple[int, int]] = field(default_factory=list)  # cut off by barriers, rejoined across one
    overlaps: List[Tuple[int, int, float]] = field(default_factory=list)  # (i, j, overlap area m²)

    def components(self) -> np.ndarray:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        n = len(self.neighbours)
        rows = [i for i, nb in enumerate(self.neighbours) for _ in nb]
        cols = [j for nb in self.neighbours for j in nb]
        matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        return connected_components(matrix, directed=False)[1]


def build_graph(
    geoms: Sequence,
    tolerance: float,
    min_shared: float,
    district: Optional[Sequence] = None,
    barriers: Sequence = (),
) -> Graph:
    """Neighbours share at least ``min_shared`` metres of boundary, measured within ``tolerance``.

    District and barrier constraints then cut edges: a barrier separates two units when the straight line
    between their representative points crosses a barrier line or the edge of a barrier polygon.
    """
    geoms = np.asarray(list(geoms), dtype=object)
    graph, pairs, degree = _touching_pairs(geoms, tolerance, min_shared)
    points = shapely.point_on_surface(geoms)
    same_district = (lambda a, b: district[a] == district[b]) if district is not None else (lambda a, b: True)
    _join_islands(graph, geoms, degree, pairs, same_district)
    crossing = _pairs_across_barriers(points, pairs, barriers)
    cut_barrier = _cut_at_districts_and_barriers(graph, pairs, crossing, same_district)
    _rejoin_stranded(graph, degree, cut_barrier)
    for nb in graph.neighbours:
        nb.sort()
    return graph


def _touching_pairs(geoms: np.ndarray, tolerance: float, min_shared: float) -> Tuple[Graph, List[Tuple[int, int, float]], np.ndarray]:
    """An empty graph with the shared boundary lengths and overlaps of the units, the pairs (i < j, shared length)
    that share at least ``min_shared`` metres, and each unit's number of such pairs."""
    n = len(geoms)
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="dwithin", distance=tolerance)
    keep = i < j
    i, j = i[keep], j[keep]
    grown = shapely.buffer(geoms, tolerance, quad_segs=2)
    # j's boundary within the tolerance of i; a shared edge measures its length plus the tolerance at each end,
    # a corner contact twice the tolerance: take both off
    measured = shapely.length(shapely.intersection(shapely.boundary(geoms[j]), grown[i])) if len(i) else np.empty(0)
    shared_len = measured - 2 * tolerance
    overlap = shapely.area(shapely.intersection(geoms[i], geoms[j])) if len(i) else np.empty(0)
    ok = shared_len >= min_shared
    graph = Graph([[] for _ in range(n)], {})
    graph.overlaps = [(int(a), int(b), float(o)) for a, b, o in zip(i, j, overlap) if o > tolerance * tolerance]
    pairs = list(zip(i[ok].tolist(), j[ok].tolist(), shared_len[ok].tolist()))
    degree = np.zeros(n, dtype=np.int64)
    for a, b, s in pairs:
        graph.shared[(a, b)] = s
        degree[a] += 1
        degree[b] += 1
    return graph, pairs, degree


def _join_islands(graph: Graph, geoms: np.ndarray, degree: np.ndarray, pairs: list, same_district) -> None:
    """Islands (no neighbour at all) join the nearest unit (of their district, when there are districts): a pair of
    shared length 0 added to ``pairs`` and ``graph.shared``, and noted in ``graph.islands``."""
    for a in np.nonzero(degree == 0)[0].tolist():
        order = np.argsort(shapely.distance(geoms, geoms[a]), kind="stable")
        for b in order.tolist():
            if b != a and same_district(a, b):
                key = (min(a, b), max(a, b))
                graph.shared.setdefault(key, 0.0)
                pairs.append((key[0], key[1], 0.0))
                graph.islands.append((a, b))
                break


def _pairs_across_barriers(points: np.ndarray, pairs: list, barriers: Sequence) -> set:
    """The positions in ``pairs`` of the pairs whose representative points a barrier separates."""
    lines = _barrier_lines(barriers)
    crossing = set()
    if len(lines) and pairs:
        segs = shapely.linestrings(
            np.stack(
                [shapely.get_coordinates(points[[p[0] for p in pairs]]), shapely.get_coordinates(points[[p[1] for p in pairs]])], axis=1
            )
        )
        hit, _l = shapely.STRtree(lines).query(segs, predicate="intersects")
        crossing = set(hit.tolist())
    return crossing


def _cut_at_districts_and_barriers(graph: Graph, pairs: list, crossing: set, same_district) -> List[Tuple[int, int, float]]:
    """Make the pairs neighbours but where a district boundary or a barrier lies between them (an island's pair is
    never cut by a barrier); counts the cuts on ``graph`` and returns the pairs barriers cut."""
    island_pairs = {(min(a, b), max(a, b)) for a, b in graph.islands}
    cut_barrier: List[Tuple[int, int, float]] = []
    for k, (a, b, s) in enumerate(pairs):
        if not same_district(a, b):
            graph.cut_by_district += 1
            continue
        if k in crossing and (a, b) not in island_pairs:
            graph.cut_by_barrier += 1
            cut_barrier.append((a, b, s))
            continue
        graph.neighbours[a].append(b)
        graph.neighbours[b].append(a)
    return cut_barrier


def _rejoin_stranded(graph: Graph, degree: np.ndarray, cut_barrier: List[Tuple[int, int, float]]) -> None:
    """A unit that barriers cut off from every neighbour rejoins across its longest shared boundary."""
    for a in range(len(graph.neighbours)):
        if graph.neighbours[a] or degree[a] == 0:
            continue
        options = [(s, min(x, y) if max(x, y) == a else max(x, y)) for x, y, s in cut_barrier if a in (x, y)]
        if options:
            s, b = max(options, key=lambda o: (o[0], -o[1]))
            graph.neighbours[a].append(b)
            graph.neighbours[b].append(a)
            graph.stranded.append((a, b))


def _barrier_lines(barriers: Sequence) -> np.ndarray:
    parts = []
    for g in barriers:
        if g is None or g.is_empty:
            continue
        for p in shapely.get_parts(g):
            if p.geom_type in ("Polygon", "MultiPolygon"):
                parts.extend(shapely.get_parts(shapely.boundary(p)))
            elif p.geom_type in ("LineString", "MultiLineString", "LinearRing"):
                parts.extend(shapely.get_parts(p))
    return np.asarray(parts, dtype=object)


# ------------------------------------------------------------------ the objective


@dataclass
class Weights:
    balance: float = 1.0
    lifeline: float = 1.0
    compactness: float = 0.5
    facilities: float = 1.0
    bounds: float = 10.0

    @classmethod
    def from_profile(cls, profile) -> "Weights":
        return cls(**profile.value("clusters.objective_weights"))


class State:
    """Per-cluster running sums, so that moving one unit is priced from the two clusters it touches."""

    def __init__(self, problem: "Problem", labels: np.ndarray, k: int):
        self.p = problem
        self.labels = labels.copy()
        self.k = k
        self.members: List[set] = [set() for _ in range(k)]
        self.pop = np.zeros(k)
        self.area = np.zeros(k)
        self.sx = np.zeros(k)
        self.sy = np.zeros(k)
        self.sxx = np.zeros(k)
        self.fac = np.zeros((k, problem.facilities.shape[1]))
        self.zone_pop: List[List[Dict[object, float]]] = [[{} for _ in range(k)] for _ in problem.zone_ids]
        for u, c in enumerate(labels.tolist()):
            self._add(u, c, +1)

    def _add(self, u: int, c: int, sign: int) -> None:
        p = self.p
        if sign > 0:
            self.members[c].add(u)
        else:
            self.members[c].discard(u)
        self.pop[c] += sign * p.population[u]
        self.area[c] += sign * p.area[u]
        self.sx[c] += sign * p.area[u] * p.x[u]
        self.sy[c] += sign * p.area[u] * p.y[u]
        self.sxx[c] += sign * (p.area[u] * (p.x[u] ** 2 + p.y[u] ** 2) + p.own_moment[u])
        self.fac[c] += sign * p.facilities[u]
        for s, zones in enumerate(p.zone_ids):
            z = zones[u]
            if z is not None:
                d = self.zone_pop[s][c]
                d[z] = d.get(z, 0.0) + sign * p.population[u]

    def move(self, u: int, to: int) -> None:
        self._add(u, int(self.labels[u]), -1)
        self._add(u, to, +1)
        self.labels[u] = to

    def term(self, c: int, pop=None, area=None, sx=None, sy=None, sxx=None, fac=None, zone_max=None) -> float:
        """The objective's share of cluster ``c`` (with its sums replaced by the given ones)."""
        p, w = self.p, self.p.weights
        pop = self.pop[c] if pop is None else pop
        area = self.area[c] if area is None else area
        sx = self.sx[c] if sx is None else sx
        sy = self.sy[c] if sy is None else sy
        sxx = self.sxx[c] if sxx is None else sxx
        fac = self.fac[c] if fac is None else fac
        mean = p.total_pop / self.k if p.total_pop > 0 else 1.0
        value = w.balance * ((pop - mean) / mean) ** 2 / self.k
        if p.zone_ids and p.total_pop > 0:
            if zone_max is None:
                zone_max = [max(d[c].values(), default=0.0) for d in self.zone_pop]
            value += w.lifeline * sum(pop - m for m in zone_max) / (p.total_pop * len(p.zone_ids))
        if area > 0:
            inertia = sxx - (sx * sx + sy * sy) / area
            compact = min(1.0, area * area / (2 * math.pi * inertia)) if inertia > 0 else 1.0
            value += w.compactness * (1.0 - compact) / self.k
        if fac.size:
            value += w.facilities * float((fac <= 0).sum()) / (self.k * fac.size)
        over = (max(0.0, p.min_pop - pop) if p.min_pop else 0.0) + (max(0.0, pop - p.max_pop) if p.max_pop else 0.0)
        value += w.bounds * over / mean
        return value

    def delta(self, u: int, to: int) -> float:
        """Change of the objective if unit ``u`` moved to cluster ``to``."""
        p = self.p
        a = int(self.labels[u])
        pu, au, xu, yu = p.population[u], p.area[u], p.x[u], p.y[u]
        muu = au * (xu * xu + yu * yu) + p.own_moment[u]
        zmax_a, zmax_b = [], []
        for s, zones in enumerate(p.zone_ids):
            z = zones[u]
            da, db = self.zone_pop[s][a], self.zone_pop[s][to]
            zmax_a.append(max((v - (pu if key == z else 0.0) for key, v in da.items()), default=0.0))
            zmax_b.append(max(max(db.values(), default=0.0), db.get(z, 0.0) + pu) if z is not None else max(db.values(), default=0.0))
        before = self.term(a) + self.term(to)
        after = self.term(
            a,
            self.pop[a] - pu,
            self.area[a] - au,
            self.sx[a] - au * xu,
            self.sy[a] - au * yu,
            self.sxx[a] - muu,
            self.fac[a] - p.facilities[u],
            zmax_a,
        ) + self.term(
            to,
            self.pop[to] + pu,
            self.area[to] + au,
            self.sx[to] + au * xu,
            self.sy[to] + au * yu,
            self.sxx[to] + muu,
            self.fac[to] + p.facilities[u],
            zmax_b,
        )
        return after - before

    def objective(self) -> float:
        return float(sum(self.term(c) for c in range(self.k)))


@dataclass
class Problem:
    population: np.ndarray
    area: np.ndarray
    x: np.ndarray
    y: np.ndarray
    own_moment: np.ndarray  # each unit's second moment about its own centroid (as a disk of its area)
    zone_ids: List[List[object]]  # per lifeline system, the unit's zone (None: none)
    facilities: np.ndarray  # (units, required categories) counts
    min_pop: float
    max_pop: float
    weights: Weights

    @property
    def total_pop(self) -> float:
        return float(self.population.sum())

    @classmethod
    def of(cls, geoms, population, zone_ids=(), facilities=None, min_pop=0.0, max_pop=0.0, weights=None) -> "Problem":
        geoms = np.asarray(list(geoms), dtype=object)
        area = shapely.area(geoms)
        xy = shapely.get_coordinates(shapely.centroid(geoms))
        facilities = np.zeros((len(geoms), 0)) if facilities is None else np.asarray(facilities, dtype=float)
        return cls(
            np.asarray(population, dtype=float),
            area,
            xy[:, 0],
            xy[:, 1],
            area * area / (2 * math.pi),
            [list(z) for z in zone_ids],
            facilities,
            float(min_pop or 0.0),
            float(max_pop or 0.0),
            weights or Weights(),
        )


# ------------------------------------------------------------------ allocation, growth, improvement


@dataclass
class Solution:
    labels: np.ndarray  # cluster index per unit, 0..k-1
    k: int
    objective: float
    messages: List[Message]  # constraints that could not be met, and what was done (translatable)


def allocate(
    component_pop: Sequence[float], component_size: Sequence[int], k: int, min_pop: float, max_pop: float
) -> Tuple[List[int], List[Message]]:
    """How many clusters each connected piece gets: in proportion to population, within the bounds."""
    m = len(component_pop)
    messages = []
    lower = [1] * m
    upper = list(component_size)
    for c, (pop, size) in enumerate(zip(component_pop, component_size)):
        if max_pop:
            lower[c] = min(size, max(1, math.ceil(pop / max_pop)))
        if min_pop:
            upper[c] = max(1, min(size, int(pop // min_pop)))
        if lower[c] > upper[c]:
            upper[c] = lower[c]
    if sum(lower) > k:
        said = QT_TRANSLATE_NOOP(
            "Core", "{0} clusters asked, but the districts, barriers and population bounds need at least {1}: made {1}."
        )
        messages.append(Message(said, k, sum(lower)))
        return lower, messages
    if sum(upper) < k:
        said = QT_TRANSLATE_NOOP("Core", "{0} clusters asked, but the units and population bounds allow at most {1}: made {1}.")
        messages.append(Message(said, k, sum(upper)))
        return upper, messages
    counts = lower[:]
    for _ in range(k - sum(counts)):
        best = max((c for c in range(m) if counts[c] < upper[c]), key=lambda c: (component_pop[c] / counts[c], -c))
        counts[best] += 1
    return counts, messages


def _seeds(units: List[int], k: int, problem: Problem, zone_weight: float) -> List[int]:
    """k spread-out seed units: weighted k-means on the centroids (in units of a cluster's typical size) and, with
    ``zone_weight``, on the lifeline zones (one column per zone); each centre's nearest unit. Deterministic."""
    xy = np.column_stack([problem.x[units], problem.y[units]])
    size = math.sqrt(max(float(problem.area[units].sum()), 1.0) / k)
    columns = [(xy - xy.mean(axis=0)) / size]
    if zone_weight > 0:
        for zones in problem.zone_ids:
            labels = sorted({zones[u] for u in units if zones[u] is not None}, key=str)
            if len(labels) > 1:
                onehot = np.array([[1.0 if zones[u] == z else 0.0 for z in labels] for u in units])
                columns.append(onehot * zone_weight)
    f = np.column_stack(columns)
    w = np.maximum(problem.population[units], 1.0)
    centres = [int(np.argmax(w))]
    d = ((f - f[centres[0]]) ** 2).sum(-1)
    while len(centres) < k:  # farthest-first start
        nxt = int(np.argmax(d * w))
        centres.append(nxt)
        d = np.minimum(d, ((f - f[nxt]) ** 2).sum(-1))
    c = f[centres].copy()
    for _ in range(30):
        assign = np.argmin(((f[:, None, :] - c[None, :, :]) ** 2).sum(-1), axis=1)
        new = np.array([np.average(f[assign == j], axis=0, weights=w[assign == j]) if (assign == j).any() else c[j] for j in range(k)])
        if np.allclose(new, c):
            break
        c = new
    chosen, taken = [], set()
    for j in range(k):
        order = np.argsort(((f - c[j]) ** 2).sum(-1), kind="stable")
        pick = next(int(o) for o in order if int(o) not in taken)
        taken.add(pick)
        chosen.append(units[pick])
    return chosen


def _grow(units: List[int], seeds: List[int], graph: Graph, problem: Problem, labels: np.ndarray, first: int) -> None:
    """Grow all regions of one piece at once, the least populated first, each taking its best frontier unit."""
    import heapq

    pop = {}
    frontier: Dict[int, set] = {}
    dominant: Dict[int, List[object]] = {}
    for r, s in enumerate(seeds):
        c = first + r
        labels[s] = c
        pop[c] = problem.population[s]
        dominant[c] = [zones[s] for zones in problem.zone_ids]
        frontier[c] = {v for v in graph.neighbours[s] if labels[v] < 0}
    heap = [(pop[c], c) for c in frontier]
    heapq.heapify(heap)
    remaining = len(units) - len(seeds)
    sx = {c: problem.x[s] for c, s in zip(range(first, first + len(seeds)), seeds)}
    sy = {c: problem.y[s] for c, s in zip(range(first, first + len(seeds)), seeds)}
    while remaining > 0 and heap:
        p, c = heapq.heappop(heap)
        if p != pop[c]:
            continue
        frontier[c] = {v for v in frontier[c] if labels[v] < 0}
        if not frontier[c]:
            continue

        v = min(frontier[c], key=lambda v, c=c: _growth_score(v, c, problem, dominant, sx, sy))
        labels[v] = c
        remaining -= 1
        pop[c] += problem.population[v]
        frontier[c].discard(v)
        frontier[c].update(x for x in graph.neighbours[v] if labels[x] < 0)
        heapq.heappush(heap, (pop[c], c))


def _growth_score(v, c, problem, dominant, sx, sy):
    """Frontier unit order for region c: most lifeline zones shared with the seed, then nearest, then unit order."""
    match = sum(1 for s, zones in enumerate(problem.zone_ids) if zones[v] is not None and zones[v] == dominant[c][s])
    return (-match, math.hypot(problem.x[v] - sx[c], problem.y[v] - sy[c]), v)


def _connected_without(state: State, cluster: int, unit: int, graph: Graph) -> bool:
    members = state.members[cluster]
    if len(members) <= 1:
        return False
    start = (
        next(v for v in graph.neighbours[unit] if v in members and v != unit) if any(v in members for v in graph.neighbours[unit]) else None
    )
    if start is None:
        return True  # an island member with no graph neighbours inside: removing it cannot split the rest
    seen = {start}
    stack = [start]
    while stack:
        a = stack.pop()
        for b in graph.neighbours[a]:
            if b != unit and b in members and b not in seen:
                seen.add(b)
                stack.append(b)
    return len(seen) == len(members) - 1


def improve(state: State, graph: Graph, max_passes: int, canceled=None, progress=None) -> int:
    """Move boundary units to a neighbouring cluster while that lowers the objective and keeps both contiguous."""
    moves = 0
    n = len(state.labels)
    for it in range(max_passes):
        improved = False
        for u in range(n):
            a = int(state.labels[u])
            targets = sorted({int(state.labels[v]) for v in graph.neighbours[u]} - {a})
            if not targets or len(state.members[a]) <= 1:
                continue
            best, best_to = -1e-12, None
            for b in targets:
                d = state.delta(u, b)
                if d < best:
                    best, best_to = d, b
            if best_to is not None and _connected_without(state, a, u, graph):
                state.move(u, best_to)
                moves += 1
                improved = True
        if progress:
            progress((it + 1) / max_passes)
        if not improved or (canceled and canceled()):
            break
    return moves


def delineate(
    graph: Graph,
    problem: Problem,
    k: int,
    max_passes: int = 60,
    canceled=None,
    progress=None,
) -> Solution:
    """Contiguous clusters of the units, k in all unless the constraints say otherwise (see Solution.messages)."""
    n = len(problem.population)
    messages = []
    if k > n:
        messages.append(Message(QT_TRANSLATE_NOOP("Core", "{0} clusters asked for {1} units: made at most {1}."), k, n))
        k = n
    comp = graph.components()
    pieces = [np.nonzero(comp == c)[0].tolist() for c in range(comp.max() + 1)] if n else []
    counts, msgs = allocate(
        [float(problem.population[p].sum()) for p in pieces], [len(p) for p in pieces], k, problem.min_pop, problem.max_pop
    )
    messages += msgs
    total = sum(counts)
    best = None
    # two starts: seeds spread over space and lifeline zones, and over space alone; the better one is kept
    starts = (problem.weights.lifeline, 0.0) if problem.zone_ids else (0.0,)
    for s, zone_weight in enumerate(starts):
        labels = np.full(n, -1, dtype=np.int64)
        first = 0
        for units, kc in zip(pieces, counts):
            _grow(units, _seeds(units, kc, problem, zone_weight), graph, problem, labels, first)
            first += kc
        state = State(problem, labels, total)
        share = 1.0 / len(starts)
        improve(state, graph, max_passes, canceled, (lambda f, s=s, share=share: progress((s + f) * share)) if progress else None)
        if best is None or state.objective() < best.objective() - 1e-12:
            best = state
        if canceled and canceled():
            break
    return Solution(best.labels, total, best.objective(), messages)


# ------------------------------------------------------------------ measures of a solution


@dataclass
class ClusterStats:
    population: np.ndarray
    area: np.ndarray
    units: np.ndarray
    fit: np.ndarray  # (clusters, systems): share of population in the dominant zone
    dominant: List[List[object]]  # per cluster, per system
    compactness: np.ndarray  # Polsby-Popper 4πA/P² of the dissolved cluster
    geoms: np.ndarray
    facilities: np.ndarray  # (clusters, required) counts


def stats(geoms: Sequence, labels: np.ndarray, k: int, problem: Problem) -> ClusterStats:
    geoms = np.asarray(list(geoms), dtype=object)
    pop = np.bincount(labels, weights=problem.population, minlength=k)
    area = np.bincount(labels, weights=problem.area, minlength=k)
    units = np.bincount(labels, minlength=k)
    fit = np.zeros((k, len(problem.zone_ids)))
    dominant = [[None] * len(problem.zone_ids) for _ in range(k)]
    for s, zones in enumerate(problem.zone_ids):
        for c in range(k):
            acc: Dict[object, float] = {}
            for u in np.nonzero(labels == c)[0].tolist():
                if zones[u] is not None:
                    acc[zones[u]] = acc.get(zones[u], 0.0) + problem.population[u]
            if acc:
                z = max(sorted(acc, key=str), key=lambda key: acc[key])
                dominant[c][s] = z
                fit[c, s] = acc[z] / pop[c] if pop[c] > 0 else 0.0
    dissolved = np.empty(k, dtype=object)
    for c in range(k):
        dissolved[c] = shapely.union_all(geoms[labels == c], grid_size=None)
    perimeter = shapely.length(dissolved)
    with np.errstate(divide="ignore", invalid="ignore"):
        compact = np.where(perimeter > 0, 4 * math.pi * shapely.area(dissolved) / perimeter**2, 0.0)
    fac = np.zeros((k, problem.facilities.shape[1]))
    np.add.at(fac, labels, problem.facilities)
    return ClusterStats(pop, area, units, fit, dominant, compact, dissolved, fac)


def violations(labels: np.ndarray, graph: Graph, problem: Problem, district: Optional[Sequence] = None) -> Dict[str, int]:
    """Constraint breaches of any labelling (ours or a peer's): clusters that are not contiguous in the constrained
    graph, that cross a district, whose population is out of bounds, and 第48条 categories missing."""
    k = int(labels.max()) + 1 if len(labels) else 0
    out = {"not_contiguous": 0, "cross_district": 0, "population_bounds": 0, "missing_facilities": 0}
    for c in range(k):
        members = set(np.nonzero(labels == c)[0].tolist())
        if not members:
            continue
        start = min(members)
        seen, stack = {start}, [start]
        while stack:
            a = stack.pop()
            for b in graph.neighbours[a]:
                if b in members and b not in seen:
                    seen.add(b)
                    stack.append(b)
        out["not_contiguous"] += len(seen) != len(members)
        if district is not None:
            out["cross_district"] += len({district[u] for u in members}) > 1
        pop = float(problem.population[list(members)].sum())
        out["population_bounds"] += bool((problem.min_pop and pop < problem.min_pop) or (problem.max_pop and pop > problem.max_pop))
        if problem.facilities.shape[1]:
            out["missing_facilities"] += int((problem.facilities[list(members)].sum(axis=0) <= 0).sum())
    return out


def majority_zone(units: Sequence, zones: Sequence, labels: Sequence) -> List[object]:
    """Per unit, the label of the zone that covers most of its area (None where no zone touches it)."""
    units = np.asarray(list(units), dtype=object)
    zones = np.asarray(list(zones), dtype=object)
    out: List[object] = [None] * len(units)
    ok = ~shapely.is_missing(zones) & ~shapely.is_empty(zones)
    zi = np.nonzero(ok)[0]
    if not len(zi):
        return out
    tree = shapely.STRtree(zones[zi])
    ui, zj = tree.query(units, predicate="intersects")
    if not len(ui):
        return out
    areas = shapely.area(shapely.intersection(units[ui], zones[zi][zj]))
    best: Dict[int, Tuple[float, int]] = {}
    for u, z, a in zip(ui.tolist(), zj.tolist(), areas.tolist()):
        if a > best.get(u, (0.0, -1))[0]:
            best[u] = (a, z)
    for u, (_a, z) in best.items():
        out[u] = labels[zi[z]]
    return out


def facility_counts(units: Sequence, points: Sequence, column: np.ndarray, n_columns: int) -> np.ndarray:
    """(units, columns) counts of points inside each unit; a point in overlapping units counts in the first."""
    units = np.asarray(list(units), dtype=object)
    points = np.asarray(list(points), dtype=object)
    out = np.zeros((len(units), n_columns))
    if not len(points) or not n_columns:
        return out
    keep = column >= 0
    if not keep.any():
        return out
    tree = shapely.STRtree(units)
    pi, ui = tree.query(points[keep], predicate="intersects")
    first = {}
    for p, u in zip(pi.tolist(), ui.tolist()):
        if p not in first or u < first[p]:
            first[p] = u
    cols = column[keep]
    for p, u in first.items():
        out[u, cols[p]] += 1
    return out


def missing_lower_bound(graph: Graph, problem: Problem, k: int) -> int:
    """The fewest (cluster, 第48条 category) gaps any solution within the constraints can have: a piece that gets
    k_p clusters and holds n facilities of a category leaves at least k_p − min(k_p, n) of its clusters without."""
    if not problem.facilities.shape[1]:
        return 0
    comp = graph.components()
    pieces = [np.nonzero(comp == c)[0].tolist() for c in range(comp.max() + 1)]
    counts, _m = allocate(
        [float(problem.population[p].sum()) for p in pieces], [len(p) for p in pieces], k, problem.min_pop, problem.max_pop
    )
    return int(sum(kc - min(kc, int(h)) for units, kc in zip(pieces, counts) for h in problem.facilities[units].sum(axis=0)))


# ------------------------------------------------------------------ the entry point


@dataclass
class LifelineSystem:
    """One lifeline system (water, power, gas …): its name, its service-zone polygons and a label per zone."""

    name: str
    zones: Sequence
    labels: Sequence


@dataclass
class Clusters:
    """What :func:`clusters` returns.

    - ``order``: the indices of the input units that were used (polygons only), in the order the outputs follow (by
      id, then by a point inside each, so that the same units give the same clusters whatever order a source returns);
    - ``cluster_id``: the cluster (1…k) of each unit of ``order``;
    - ``table``: one row per cluster, columns in output order (cluster_id, code, n_units, population, area_km2,
      districts, fit_<s> and zone_<s> per lifeline system, compact, n_<category> per 第48条 category, missing,
      missing_zh and self_suff when facilities were given, pop_ok, clauses), with ``geometries`` the dissolved clusters;
    - ``systems``: (column suffix, system name) per lifeline system; ``required``: the 第48条 category codes;
    - ``notes``: what the run found (islands, barriers, constraints that could not be met, missing facilities …);
    - ``graph``, ``solution`` and ``stats`` for a closer look."""

    order: np.ndarray
    cluster_id: np.ndarray
    table: Dict[str, list]
    geometries: np.ndarray
    systems: List[Tuple[str, str]]
    required: List[str]
    objective: float
    notes: List[Note]
    graph: Graph
    solution: Solution
    stats: ClusterStats


CLUSTER_CLAUSES = "第47、48、49、50条"


def clusters(
    units: Sequence,
    profile,
    k: Optional[int] = None,
    population: Optional[Sequence[float]] = None,
    ids: Optional[Sequence] = None,
    feature_ids: Optional[Sequence] = None,
    districts: Optional[Sequence] = None,
    lifelines: Sequence[LifelineSystem] = (),
    barriers: Sequence = (),
    facilities=None,
    min_population: float = 0.0,
    max_population: float = 0.0,
    units_name: str = "units",
    id_field: str = "id",
    progress=None,
    canceled=None,
) -> Clusters:
    """Resilience clusters (韧性城市组团, 第47–49条) of whole street/town units (第50条).

    All geometries are shapely geometries in one projected CRS in metres.

    - ``units``: polygons (None or other types are left out, with a note); ``k`` clusters (default: the profile's
      ``clusters.target_count``, 39 in Beijing's plan); ``population`` one number per unit (None: every unit counts 1);
    - ``ids`` the units' own codes (duplicates are noted; they also fix the order) and ``feature_ids`` the numbers
      messages name units by where codes are missing; ``districts`` one value per unit: no cluster crosses a change;
    - ``lifelines``: :class:`LifelineSystem` per system; ``barriers``: lines or polygons clusters do not cross;
    - ``facilities``: a :class:`.facilities.Facilities` (their categories read from the labels the data writes), to
      check each cluster holds what 第48条 requires;
    - ``min_population``/``max_population``: optional bounds (0: none).

    ``progress(fraction)`` gets 0…1; ``canceled()`` is checked throughout (:class:`.cancel.Cancelled`). Raises
    :class:`.messages.CoreError` for bounds the wrong way round or no usable polygon."""
    from .cancel import check, reporter

    report = reporter(progress)
    notes: List[Note] = []
    k = int(profile.value("clusters.target_count") if k is None else k)
    min_pop, max_pop = population_bounds(min_population, max_population)
    index, geoms, names = _units_in_order(units, ids, feature_ids, units_name, id_field, notes)
    pop = _unit_population(population, index, notes)
    district = [None if districts[i] is None else str(districts[i]) for i in index] if districts is not None else None

    # lifeline zones, barriers, facilities
    systems, zone_ids = _lifeline_zones(geoms, lifelines, notes)
    check(canceled)
    barrier_geoms = [g for g in barriers if g is not None]
    required = list(profile.value("clusters.required_categories"))
    fac_counts, unknown_class = _required_facilities(geoms, facilities, required)
    check(canceled)
    report(0.15)

    # the delineation
    graph = build_graph(
        geoms, profile.value("clusters.adjacency_tolerance"), profile.value("clusters.min_shared_boundary"), district, barrier_geoms
    )
    notes += _graph_notes(graph, names)
    problem = Problem.of(geoms, pop, zone_ids, fac_counts, min_pop, max_pop, Weights.from_profile(profile))
    report(0.3)
    solution = delineate(graph, problem, k, profile.value("clusters.max_passes"), canceled=canceled, progress=reporter(progress, 0.3, 0.6))
    check(canceled)
    notes += [Note("warning", m) for m in solution.messages]
    st = stats(geoms, solution.labels, solution.k, problem)
    report(0.95)

    # the clusters' table, and what it says
    names_zh = _category_names_zh(profile, required)
    suffixes = _system_suffixes(systems)
    lacks = [[r for r, v in zip(required, st.facilities[c]) if v <= 0] for c in range(solution.k)] if fac_counts is not None else None
    table = _cluster_table(st, solution.labels, suffixes, district, required, names_zh, lacks, min_pop, max_pop)
    _summary_notes(notes, st, solution, len(index), systems, lacks, names_zh, population is not None)
    _unknown_class_notes(notes, st, solution.labels, required, unknown_class)
    _population_columns(table, notes, st, population is not None)
    report(1.0)
    return Clusters(
        index, solution.labels + 1, table, st.geoms, list(zip(suffixes, systems)), required, solution.objective, notes, graph, solution, st
    )


def _note(notes: List[Note], level: str, template: str, *values) -> None:
    notes.append(Note(level, Message(template, *values)))


def _units_in_order(units, ids, feature_ids, units_name: str, id_field: str, notes: List[Note]) -> Tuple[np.ndarray, np.ndarray, List[str]]:
    """The usable units (polygons; the others noted) in the canonical order, by id, then by a point inside each: their
    indices in the input, their geometries and their names (their id, or their feature id where the id is missing or
    duplicated, noted). :class:`.messages.CoreError` when none is usable."""
    geoms_in = np.asarray(list(units), dtype=object)
    n_in = len(geoms_in)
    fids = list(feature_ids) if feature_ids is not None else list(range(n_in))
    codes_in = [None if v is None or str(v).strip() == "" else str(v).strip() for v in ids] if ids is not None else None
    usable = np.zeros(n_in, dtype=bool)
    present = ~shapely.is_missing(geoms_in)
    usable[present] = np.isin(shapely.get_type_id(geoms_in[present]), (3, 6)) & ~shapely.is_empty(geoms_in[present])
    if not usable.all():
        _note(notes, "warning", QT_TRANSLATE_NOOP("Core", "{0}: {1} unit(s) without a polygon left out."), units_name, int((~usable).sum()))
    index = np.nonzero(usable)[0]
    if not len(index):
        raise CoreError(QT_TRANSLATE_NOOP("Core", "Layer '{0}' has no usable unit polygons."), units_name)
    # the canonical order: by id, then by a point inside each unit
    points = shapely.point_on_surface(geoms_in[index])
    xs, ys = shapely.get_x(points), shapely.get_y(points)
    keys = [((codes_in[i] or "") if codes_in is not None else "", round(float(x), 3), round(float(y), 3)) for i, x, y in zip(index, xs, ys)]
    index = index[np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)]
    names = [codes_in[i] for i in index] if codes_in is not None else [str(fids[i]) for i in index]
    counted = Counter(names)
    dup = [v for v, c in counted.items() if c > 1 and v is not None]
    if dup:
        said = QT_TRANSLATE_NOOP("Core", "{0}, field '{1}': duplicate ids {2}; units are told apart by feature id.")
        _note(notes, "warning", said, units_name, id_field, ", ".join(f"{v} ({counted[v]})" for v in dup[:10]))
    names = [v if v is not None else str(fids[i]) for v, i in zip(names, index)]
    return index, geoms_in[index], names


def _unit_population(population: Optional[Sequence[float]], index: np.ndarray, notes: List[Note]) -> np.ndarray:
    """The population of each unit in order (missing numbers 0); without a population every unit counts 1 (noted)."""
    if population is None:
        _note(notes, "info", QT_TRANSLATE_NOOP("Core", "No population field: every unit counts as 1 for the balance."))
        return np.ones(len(index))
    return np.nan_to_num(np.asarray(population, dtype=float)[index], nan=0.0)


def _lifeline_zones(geoms: np.ndarray, lifelines: Sequence[LifelineSystem], notes: List[Note]) -> Tuple[List[str], List[List[object]]]:
    """The lifeline systems' names and, per system, the zone of each unit (None in none, noted)."""
    systems, zone_ids = [], []
    for system in lifelines:
        labels = [str(v) if v is not None and str(v) != "" else str(j) for j, v in enumerate(system.labels)]
        zone_ids.append(majority_zone(geoms, system.zones, labels))
        systems.append(system.name)
        uncovered = sum(1 for z in zone_ids[-1] if z is None)
        if uncovered:
            _note(
                notes,
                "info",
                QT_TRANSLATE_NOOP("Core", "Lifeline layer '{0}': {1} unit(s) lie in none of its zones."),
                system.name,
                uncovered,
            )
    return systems, zone_ids


def _required_facilities(geoms: np.ndarray, facilities, required: List[str]) -> Tuple[Optional[np.ndarray], Optional[np.ndarray]]:
    """Per unit, the facilities of each ``required`` category, and the shelters whose label does not say their class
    (应急避难场所, Ⅱ类, Amap's 紧急避难场所); both None without facilities."""
    if facilities is None:
        return None, None
    fac_counts = facility_counts(geoms, facilities.points, facilities.column(required), len(required))
    unknown_class = facility_counts(geoms, facilities.points, np.where(facilities.class_unknown, 0, -1).astype(np.int64), 1)[:, 0]
    return fac_counts, unknown_class


def _system_suffixes(systems: List[str]) -> List[str]:
    """A field-name suffix per lifeline system: its name in ASCII (20 characters), or its number when that is empty or
    taken."""
    suffixes: List[str] = []
    for i, label in enumerate(systems):
        ascii_name = re.sub(r"[^0-9A-Za-z_]+", "_", label).strip("_")[:20]
        suffixes.append(ascii_name if ascii_name and ascii_name not in suffixes else str(i + 1))
    return suffixes


def _category_names_zh(profile, required: List[str]) -> Dict[str, str]:
    vocab_names = profile.value("facility_categories")
    return {c: vocab_names[c]["name_zh"] if c in vocab_names else c for c in required}


def _cluster_table(
    st: ClusterStats,
    labels: np.ndarray,
    suffixes: List[str],
    district: Optional[List[Optional[str]]],
    required: List[str],
    names_zh: Dict[str, str],
    lacks: Optional[List[List[str]]],
    min_pop: float,
    max_pop: float,
) -> Dict[str, list]:
    """The clusters' table, the columns of :class:`Clusters` in order; ``lacks``: per cluster the required categories
    it lacks (None without facilities: no facility columns)."""
    kk = len(st.population)
    members = [np.nonzero(labels == c)[0] for c in range(kk)]
    table: Dict[str, list] = {
        "cluster_id": list(range(1, kk + 1)),
        "code": [f"C{c + 1:02d}" for c in range(kk)],
        "n_units": [int(v) for v in st.units],
        "population": [float(v) for v in st.population],
        "area_km2": [round(float(v) / 1e6, 3) for v in st.area],
        "districts": [", ".join(sorted({district[u] for u in m if district[u]})) if district else None for m in members],
    }
    for s, suffix in enumerate(suffixes):
        table[f"fit_{suffix}"] = [round(float(st.fit[c, s]), 4) for c in range(kk)]
        table[f"zone_{suffix}"] = [None if st.dominant[c][s] is None else str(st.dominant[c][s]) for c in range(kk)]
    table["compact"] = [round(float(v), 4) for v in st.compactness]
    if lacks is not None:
        for j, r in enumerate(required):
            table[f"n_{r}"] = [int(st.facilities[c][j]) for c in range(kk)]
        table["missing"] = [", ".join(miss) for miss in lacks]
        table["missing_zh"] = ["、".join(names_zh[r] for r in miss) for miss in lacks]
        table["self_suff"] = [int(not miss) for miss in lacks]
    ok = [not ((min_pop and p < min_pop) or (max_pop and p > max_pop)) for p in st.population.tolist()]
    table["pop_ok"] = [int(v) for v in ok]
    table["clauses"] = [CLUSTER_CLAUSES] * kk
    return table


def _summary_notes(
    notes: List[Note], st: ClusterStats, solution: Solution, n: int, systems: List[str], lacks, names_zh, people=True
) -> None:
    """What the run made (clusters, population range, objective; ``people``: whether the population is known), its
    lifeline fit, and the clusters that lack 第48条 facilities."""
    kk = solution.k
    if people:
        said = QT_TRANSLATE_NOOP("Core", "{0} clusters from {1} units; population {2:,.0f} to {3:,.0f}; objective {4:.4f}.")
        _note(notes, "info", said, kk, n, float(st.population.min()), float(st.population.max()), solution.objective)
    else:
        said = QT_TRANSLATE_NOOP(
            "Core",
            "{0} clusters from {1} units, balanced by their number of units ({2} to {3}; no population: not assessed); objective {4:.4f}.",
        )
        _note(notes, "info", said, kk, n, int(st.population.min()), int(st.population.max()), solution.objective)
    if systems:
        weights = st.population if st.population.sum() > 0 else None
        fits = ", ".join(f"{s} {float(np.average(st.fit[:, i], weights=weights)):.1%}" for i, s in enumerate(systems))
        _note(notes, "info", QT_TRANSLATE_NOOP("Core", "Lifeline fit (population in the main zone): {0}."), fits)
    short = [f"C{c + 1:02d} ({'、'.join(names_zh[r] for r in lacks[c])})" for c in range(kk) if lacks[c]] if lacks is not None else []
    if short:
        listed = "; ".join(short[:12]) + (" …" if len(short) > 12 else "")
        _note(notes, "warning", QT_TRANSLATE_NOOP("Core", "{0} cluster(s) lack 第48条 facilities: {1}"), len(short), listed)


def _unknown_class_notes(notes: List[Note], st: ClusterStats, labels: np.ndarray, required: List[str], unknown_class) -> None:
    """The clusters without a long-term shelter that hold shelters whose label does not say their class."""
    if unknown_class is None or "long_term_shelter" not in required:
        return
    j = required.index("long_term_shelter")
    unsure = [
        f"C{c + 1:02d} ({int(unknown_class[labels == c].sum())})"
        for c in range(len(st.population))
        if st.facilities[c][j] <= 0 and unknown_class[labels == c].sum() > 0
    ]
    if unsure:
        said = QT_TRANSLATE_NOOP(
            "Core",
            "{0} cluster(s) have no long-term shelter (第48条) but hold shelters whose class their label does not "
            "say (应急避难场所, Ⅱ类 …), counted as emergency shelters: {1}. Check their class, and map their labels "
            "with 'Facility label mapping' (for example 某某避难场所=long_term_shelter).",
        )
        _note(notes, "warning", said, len(unsure), "; ".join(unsure[:12]) + (" …" if len(unsure) > 12 else ""))


def _population_columns(table: Dict[str, list], notes: List[Note], st: ClusterStats, people: bool) -> None:
    """Without a population (``people`` False) the balance was by unit count: the clusters' people are not known
    (issue 29 §3), so their population and pop_ok are NULL, never that count; with one, those out of bounds noted."""
    if people:
        _out_of_bounds_note(notes, st, table["pop_ok"])
    else:
        table["population"] = [None] * len(table["population"])
        table["pop_ok"] = [None] * len(table["pop_ok"])


def _out_of_bounds_note(notes: List[Note], st: ClusterStats, pop_ok: List[int]) -> None:
    """The clusters whose population lies outside the bounds."""
    out_of_bounds = [f"C{c + 1:02d} ({float(st.population[c]):,.0f})" for c in range(len(st.population)) if not pop_ok[c]]
    if out_of_bounds:
        _note(notes, "warning", QT_TRANSLATE_NOOP("Core", "Population outside the bounds: {0}"), ", ".join(out_of_bounds))


def population_bounds(min_population: float = 0.0, max_population: float = 0.0) -> Tuple[float, float]:
    """The population bounds of a cluster as floats (0: none); :class:`.messages.CoreError` when the minimum is above
    the maximum."""
    min_pop, max_pop = float(min_population or 0), float(max_population or 0)
    if min_pop and max_pop and min_pop > max_pop:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "Minimum population {0:g} is above the maximum {1:g}."), min_pop, max_pop)
    return min_pop, max_pop


def _graph_notes(graph: Graph, ids: Sequence[str]) -> List[Note]:
    """What the neighbour graph says: islands joined, units cut off by barriers, overlaps, and the counts."""

    def names(pairs):
        return ", ".join(f"{ids[a]}→{ids[b]}" for a, b in pairs[:10]) + (" …" if len(pairs) > 10 else "")

    notes = []
    if graph.islands:
        said = QT_TRANSLATE_NOOP("Core", "{0} island unit(s) joined their nearest unit: {1}")
        notes.append(Note("info", Message(said, len(graph.islands), names(graph.islands))))
    if graph.stranded:
        said = QT_TRANSLATE_NOOP("Core", "{0} unit(s) cut off from every neighbour by barriers rejoined across one: {1}")
        notes.append(Note("warning", Message(said, len(graph.stranded), names(graph.stranded))))
    if graph.overlaps:
        said = QT_TRANSLATE_NOOP("Core", "{0} pair(s) of units overlap (largest {1:,.0f} m²): {2}")
        largest = max(o for _a, _b, o in graph.overlaps)
        notes.append(Note("warning", Message(said, len(graph.overlaps), largest, names([(a, b) for a, b, _o in graph.overlaps]))))
    said = QT_TRANSLATE_NOOP("Core", "Neighbours: {0} pairs; {1} cut at district boundaries, {2} by barriers; {3} separate piece(s).")
    pairs = sum(len(nb) for nb in graph.neighbours) // 2
    notes.append(Note("info", Message(said, pairs, graph.cut_by_district, graph.cut_by_barrier, int(graph.components().max()) + 1)))
    return notes
