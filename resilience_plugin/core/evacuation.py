"""Emergency transfer (避险转移, 第84条; 第33、83、91条): who must move, to which safe shelter with room, by which
open road, and how long it takes. No QGIS here; the entry point is :func:`evacuation`, which returns
:class:`Transfer`.

* **Who moves**: the people of a population :class:`~.population.Surface` inside the hazard (the zones given, and
  cells of a flood-depth raster at or above the evacuation depth, each counted by the share of a piece it covers:
  exact cell coverage, never polygons made of cells), or everyone (earthquake shelter planning).
* **Shelters** inside a hazard are not used, with the reason (GB 21734 §5.2.1; 第86、88条); each has a capacity in
  persons and a reach (its class's evacuation distance).
* **Roads** inside a hazard, or with water at or above the road-closing depth anywhere along them, are closed.
  People inside the hazard leave it along the roads they are on (a transfer is made before the water rises or the
  ground moves, 第84条): a route may use closed roads only from its start until it first reaches an open road, never
  after. Without a network, distances are straight lines.
* **Assignment**, exact: as many people placed as possible first, then the least total travel time (people ×
  minutes), each person only to an open shelter within its reach (by the shortest network distance), the time
  along the fastest route. One linear programme solved by HiGHS (scipy), written from each piece's nearest
  shelter, kept when a search for augmenting paths proves that nobody more can be placed (else two). With
  ``whole=True`` each source feature goes to one shelter, as responsibility areas (责任区) are drawn: a MILP with a
  time limit, whose best solution and proven bound are reported.
* **Shortfall**, with the reason: off the network, no safe shelter within reach, cut off by closed roads, or every
  shelter in reach full.
* **Routes**: the people on each road section, along each shelter's fastest-route tree, with its throughput and the
  time it takes them to pass; sections whose people take longer than the target to pass are bottlenecks.
"""

from dataclasses import dataclass, field, replace
from typing import List, Optional, Sequence

import numpy as np
import shapely

from .cancel import check, interruptible, reporter
from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note

CLAUSES = "第84条"
_EPS = 1e-9  # the zero-cost step from a closed road onto an open one (scipy drops explicit zeros)
_SEARCH_CELLS = 10_000_000  # distances held at once by the per-shelter searches (80 MB)

NO_ROAD, NO_SHELTER, CUT_OFF, FULL = "off network", "no shelter in reach", "cut off", "shelters full"
WHOLE = "too small for the whole"
REASONS = {
    NO_ROAD: QT_TRANSLATE_NOOP("Core", "no road within the snapping tolerance"),
    NO_SHELTER: QT_TRANSLATE_NOOP("Core", "no safe shelter within reach"),
    CUT_OFF: QT_TRANSLATE_NOOP("Core", "cut off by closed roads"),
    FULL: QT_TRANSLATE_NOOP("Core", "every shelter in reach is full"),
    WHOLE: QT_TRANSLATE_NOOP("Core", "no shelter in reach has room for the whole community"),
}
REASONS_ZH = {
    NO_ROAD: "附近无道路",
    NO_SHELTER: "可达范围内无安全避难场所",
    CUT_OFF: "道路中断无法到达",
    FULL: "可达避难场所已满",
    WHOLE: "可达避难场所容量不足以整建制安置",
}


class EvacuationError(CoreError):
    """The inputs cannot make a transfer plan (no shelter with room, nobody at risk where people were expected …)."""


@dataclass
class Hazard:
    """What people flee: ``zones`` (polygons, each with a ``label`` such as "flood 1", a fault's name, "damage 3"),
    a flood-depth ``depth`` raster (:class:`~.population.Raster` of metres; nodata is dry) with ``evacuate_depth``
    (people in water this deep or deeper move) and ``road_depth`` (a road with water this deep or deeper is closed)."""

    zones: Sequence = ()
    labels: Sequence[str] = ()
    depth: Optional[object] = None
    evacuate_depth: float = 0.5
    road_depth: float = 0.5
    depth_label: str = ""  # what the outputs call water at or above the evacuation depth ("" : "depth ≥ 0.5 m")
    depth_max: float = 20.0  # a grid reading deeper under the people holds no depth in metres (refused)

    @property
    def given(self) -> bool:
        return len(self.zones) > 0 or self.depth is not None


@dataclass
class Shelters:
    """The shelters: ``geometries`` (points or polygons, working CRS), ``capacity`` in persons (NaN: unknown, not
    used), ``reach`` in metres (the class's evacuation distance), and ``names``."""

    geometries: Sequence
    capacity: np.ndarray
    reach: np.ndarray
    names: Sequence[str]


@dataclass
class Solve:
    """How the assignment was solved: ``method`` ("linear programme" or "MILP"), ``optimal`` (proven), the total
    time found (person-minutes) and its proven lower ``bound``."""

    method: str
    optimal: bool
    objective: float
    bound: float
    most_placed: bool = True  # the number placed is proven the most possible


@dataclass
class Routes:
    """Road sections that carry people (graph edges): their lines, the source line each lies on (-1: a shelter's
    last-mile link), the people, the throughput in persons per hour (inf: not limited), the minutes they take to
    pass, whether it is a bottleneck, and whether it is a closed road people use to leave the hazard; ``used``: the
    share of what the section passes within the clearance target that its people need (over 1: a bottleneck; NaN:
    not limited)."""

    geometry: np.ndarray
    source: np.ndarray
    people: np.ndarray
    capacity_ph: np.ndarray
    clear_min: np.ndarray
    bottleneck: np.ndarray
    leaving: np.ndarray
    used: Optional[np.ndarray] = None


@dataclass
class Transfer:
    """What :func:`evacuation` returns. Per piece of people (``surface``'s pieces): ``at_risk``, ``placed`` and the
    ``reason`` of any shortfall (a key of :data:`REASONS`, "" where all are placed); per shelter: ``usable``, the
    ``excluded`` reason (a Message, None where usable), ``load``; the flows (``flow_piece``, ``flow_shelter``,
    ``flow_people``, ``flow_time`` minutes, ``flow_dist`` metres); ``routes`` (None without a network); ``solve``;
    the notes for the user."""

    surface: object
    at_risk: np.ndarray
    placed: np.ndarray
    reason: List[str]
    hazards_of: List[List[int]]
    shelters: Shelters
    usable: np.ndarray
    excluded: List[Optional[Message]]
    load: np.ndarray
    flow_piece: np.ndarray
    flow_shelter: np.ndarray
    flow_people: np.ndarray
    flow_time: np.ndarray
    flow_dist: np.ndarray
    routes: Optional[Routes]
    solve: Solve
    network: bool
    notes: List[Note] = field(default_factory=list)
    labels: Sequence[str] = ()  # the hazard zones' labels (``hazards_of`` indexes them)
    pairs: Optional["_Pairs"] = None  # every piece-to-shelter pair within reach (piece and shelter indices, minutes, metres)

    @property
    def short(self) -> np.ndarray:
        return np.maximum(self.at_risk - self.placed, 0.0)

    def clearance_min(self) -> float:
        """The static clearance estimate in minutes: the longest travel time plus the queue at the worst section
        (no congestion dynamics)."""
        longest = float(self.flow_time.max()) if len(self.flow_time) else 0.0
        queue = 0.0
        if self.routes is not None and len(self.routes.clear_min):
            finite = self.routes.clear_min[np.isfinite(self.routes.clear_min)]
            queue = float(finite.max()) if len(finite) else 0.0
        return longest + queue


# -------------------------------------------------------------------------------------------------------- the hazard
def deep_cells(raster, threshold: float):
    """``raster`` (metres of water) as cells of 1 where the water is ``threshold`` deep or deeper, 0 elsewhere, NaN
    where it has no data (counted as dry, and its share said): summed by coverage, it gives the deep area in cells."""
    from .population import PEOPLE_PER_CELL

    nodata = raster.nodata

    def read(r0, r1, c0, c1):
        v = np.asarray(raster.read(r0, r1, c0, c1), dtype=np.float64)
        known = np.isfinite(v)
        if nodata is not None and np.isfinite(nodata):
            known &= v != nodata
        return np.where(known, (v >= threshold).astype(np.float64), np.nan)  # nodata stays no data: its share is said

    return replace(raster, read=read, kind=PEOPLE_PER_CELL, nodata=None)


def depth_at(raster, points: np.ndarray, strip_cells: int = 4_000_000) -> np.ndarray:
    """The water depth at each point (shapely points, working CRS): NaN outside the raster or on nodata."""
    out = np.full(len(points), np.nan)
    if not len(points):
        return out
    pts = raster.to_grid(points) if raster.to_grid is not None else points
    xy = shapely.get_coordinates(pts)
    g = raster.grid
    col = np.floor((xy[:, 0] - g.x0) / g.dx).astype(np.int64)
    row = np.floor((g.y0 - xy[:, 1]) / g.dy).astype(np.int64)
    inside = np.nonzero((col >= 0) & (col < g.cols) & (row >= 0) & (row < g.rows))[0]
    if not len(inside):
        return out
    c0, c1 = int(col[inside].min()), int(col[inside].max()) + 1
    step = max(1, strip_cells // max(c1 - c0, 1))
    order = inside[np.argsort(row[inside], kind="stable")]
    rows = row[order]
    for a in range(int(rows[0]), int(rows[-1]) + 1, step):
        take = order[(rows >= a) & (rows < a + step)]
        if not len(take):
            continue
        b = min(a + step, int(row[take].max()) + 1)
        values = np.asarray(raster.read(a, b, c0, c1), dtype=np.float64)
        v = values[row[take] - a, col[take] - c0]
        if raster.nodata is not None and np.isfinite(raster.nodata):
            v = np.where(v == raster.nodata, np.nan, v)
        out[take] = v
    return out


def _cell_metres(raster) -> float:
    g = raster.grid
    return min(g.dx, g.dy) * (111_320.0 if g.geographic else 1.0)


def _in_zones(geoms: np.ndarray, union) -> np.ndarray:
    """Share of each geometry (points: 0 or 1; polygons: of its area) inside ``union`` (None: 0)."""
    share = np.zeros(len(geoms))
    if union is None or not len(geoms):
        return share
    shapely.prepare(union)
    area = shapely.area(geoms)
    points = area <= 0
    share[points] = shapely.covers(union, geoms[points]).astype(float)
    poly = np.nonzero(~points)[0]
    hit = poly[shapely.intersects(union, geoms[poly])]
    whole = shapely.contains_properly(union, geoms[hit])
    share[hit[whole]] = 1.0
    part = hit[~whole]
    share[part] = shapely.area(shapely.intersection(geoms[part], union)) / area[part]
    return np.clip(share, 0.0, 1.0)


def _deep_share(
    geoms: np.ndarray, union, hazard: Hazard, canceled, notes: Optional[List[Note]] = None, refuse: bool = False, people_name: str = ""
) -> np.ndarray:
    """Share of each geometry outside ``union`` with water at or above the evacuation depth (points: the cell they
    lie in; polygons: exact cell coverage of what lies outside the zones). Where the raster has no data (nodata, or
    outside it) counts as dry; with ``notes``, how much of the area (or how many points) that is, is said. With
    ``refuse``, a raster that lies wholly away from the people is refused (:class:`EvacuationError`): it cannot be
    the grid of this place (another CRS than it says, a wrong origin). Nodata inside it is dry (many flood models
    write only the wet cells), so a grid over the people with no water under them is no error."""
    from .population import zonal_population

    share = np.zeros(len(geoms))
    if hazard.depth is None or not len(geoms):
        return share
    if refuse:
        _refuse_an_unlikely_grid(geoms, hazard, people_name or "population")
    area = shapely.area(geoms)
    points = np.nonzero(area <= 0)[0]
    unknown = 0.0
    if len(points):
        d = depth_at(hazard.depth, geoms[points])
        outside = ~shapely.covers(union, geoms[points]) if union is not None else np.ones(len(points), dtype=bool)
        share[points] = (np.nan_to_num(d, nan=-np.inf) >= hazard.evacuate_depth) & outside
        unknown = float(np.isnan(d[outside]).mean()) if outside.any() else 0.0
    poly = np.nonzero(area > 0)[0]
    if len(poly):
        rest = geoms[poly] if union is None else shapely.difference(geoms[poly], union)
        deep = zonal_population(rest, deep_cells(hazard.depth, hazard.evacuate_depth), canceled=canceled)
        raster = hazard.depth
        in_grid = raster.to_grid(geoms[poly]) if raster.to_grid is not None else geoms[poly]
        cells = shapely.area(in_grid) / (raster.grid.dx * raster.grid.dy)
        share[poly] = np.where(cells > 0, np.nan_to_num(deep.people) / np.where(cells > 0, cells, 1), 0.0)
        rest_area = shapely.area(rest)
        unknown = float((deep.gap * rest_area).sum() / max(rest_area.sum(), 1e-9))
    if notes is not None and unknown > 0:
        template = QT_TRANSLATE_NOOP(
            "Core",
            "Flood-depth raster '{0}': {1:.1%} of where the people are has no data (nodata, or outside the raster) and "
            "counts as dry. Check that the grid covers the area and that its nodata value is not used for dry land.",
        )
        notes.append(Note("warning", Message(template, hazard.depth.name, unknown)))
    return np.clip(share, 0.0, 1.0)


def _refuse_an_unlikely_grid(geoms: np.ndarray, hazard: Hazard, people_name: str) -> None:
    """An :class:`EvacuationError` when the depth raster cannot be a depth grid of these people in metres: its extent
    meets none of them (another CRS than it says, a wrong origin), or it reads deeper than ``hazard.depth_max``
    where they are (a grid in centimetres, a population grid given as depth): never a plan built on it."""
    raster = hazard.depth
    present = geoms[~shapely.is_missing(geoms)]
    if not len(present):
        return
    in_grid = raster.to_grid(present) if raster.to_grid is not None else present
    if not shapely.intersects(shapely.box(*raster.grid.bounds), in_grid).any():
        raise EvacuationError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Flood-depth raster '{0}' lies wholly away from the people of layer '{1}': no cell of it lies over any "
                "of them. Check that it covers the area and that both CRSs are the ones they were made in.",
            ),
            raster.name,
            people_name,
        )
    d = depth_at(raster, shapely.point_on_surface(present))
    deepest = float(np.nanmax(d)) if np.isfinite(d).any() else 0.0
    if deepest > hazard.depth_max:
        raise EvacuationError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Flood-depth raster '{0}' reads up to {1:,.1f} where the people of layer '{3}' are, more than {2:g} m "
                "(the profile's evacuation.depth_max_plausible): it does not hold water depths in metres. A grid in "
                "centimetres: divide it by 100 (Raster Calculator); a population grid belongs under Population raster.",
            ),
            raster.name,
            deepest,
            hazard.depth_max,
            people_name,
        )


def _union(hazard: Hazard):
    zones = [z for z in hazard.zones if z is not None and not shapely.is_empty(z)]
    return shapely.union_all(np.asarray(zones, dtype=object)) if zones else None


def _piece_geoms(surface) -> np.ndarray:
    return surface.pieces if surface.pieces is not None else shapely.points(surface.xy)


def people_at_risk(surface, hazard: Hazard, who: str, canceled=None, notes: Optional[List[Note]] = None, people_name: str = ""):
    """(people at risk per piece, the zones each piece lies in, the share of each piece inside the hazard): everyone
    with ``who="everyone"``, else each piece's people times the share of it inside the zones or in water at or above
    the evacuation depth."""
    geoms = _piece_geoms(surface)
    hazards_of: List[List[int]] = [[] for _ in range(len(geoms))]
    zones = np.asarray([z for z in hazard.zones], dtype=object)
    if len(zones) and len(geoms):  # the few large zones prepared, not the pieces; seconds at city scale (cancel)
        zi, pi = interruptible(lambda: shapely.STRtree(geoms).query(zones, predicate="intersects"), canceled)
        for p, z in zip(pi.tolist(), zi.tolist()):
            hazards_of[p].append(z)
    union = interruptible(lambda: _union(hazard), canceled)
    # with everyone moving, the grid judges only shelters and roads: no data under the people is then no error
    deep = _deep_share(geoms, union, hazard, canceled, notes, refuse=who != "everyone", people_name=people_name)
    for p in np.nonzero(deep > 0)[0].tolist():  # the depth grid as one more hazard, after the zones
        hazards_of[p].append(len(zones))
    share = np.clip(interruptible(lambda: _in_zones(geoms, union), canceled) + deep, 0.0, 1.0)
    if who == "everyone":
        return surface.people.copy(), hazards_of, share
    return surface.people * share, hazards_of, share


def shelter_safety(shelters: Shelters, hazard: Hazard) -> List[Optional[Message]]:
    """Per shelter: None where it may be used, else why not: inside a hazard zone (named), in deep water, or of
    unknown or no capacity."""
    geoms = np.asarray(shelters.geometries, dtype=object)
    out: List[Optional[Message]] = [None] * len(geoms)
    for k, cap in enumerate(np.asarray(shelters.capacity, dtype=float)):
        if not np.isfinite(cap):
            out[k] = Message(QT_TRANSLATE_NOOP("Core", "capacity unknown"))
        elif cap <= 0:
            out[k] = Message(QT_TRANSLATE_NOOP("Core", "no capacity"))
        elif geoms[k] is None or shapely.is_empty(geoms[k]):
            out[k] = Message(QT_TRANSLATE_NOOP("Core", "no geometry"))
    zones = np.asarray(list(hazard.zones), dtype=object)
    present = np.nonzero([g is not None and not shapely.is_empty(g) for g in geoms])[0]
    if len(zones) and len(present):
        si, zi = shapely.STRtree(zones).query(geoms[present], predicate="intersects")
        for s, z in sorted(zip(si.tolist(), zi.tolist()), reverse=True):
            out[present[s]] = Message(QT_TRANSLATE_NOOP("Core", "inside hazard zone {0} (GB 21734 §5.2.1; 第86、88条)"), hazard.labels[z])
    if hazard.depth is not None and len(present):
        wet = _deep_share(geoms[present], None, replace(hazard, evacuate_depth=hazard.evacuate_depth), None) > 0
        for s in np.nonzero(wet)[0]:
            if out[present[s]] is None:
                out[present[s]] = Message(
                    QT_TRANSLATE_NOOP("Core", "water {0:g} m deep or deeper on its site (GB 21734 §5.2.1; 第86、88条)"),
                    hazard.evacuate_depth,
                )
    return out


# ---------------------------------------------------------------------------------------------------------- costs
@dataclass
class _Pairs:
    """Piece ``i[k]`` can reach shelter ``j[k]``: ``t`` minutes along the fastest route, ``d`` metres (shortest)."""

    i: np.ndarray
    j: np.ndarray
    t: np.ndarray
    d: np.ndarray


def straight_pairs(xy: np.ndarray, shelter_xy: np.ndarray, reach: np.ndarray, speed: float) -> _Pairs:
    """Every piece to every shelter within the shelter's reach as the crow flies, at ``speed`` metres a minute."""
    from scipy.spatial import cKDTree

    if not len(xy) or not len(shelter_xy):
        return _Pairs(*(np.empty(0, dtype=np.int64),) * 2, np.empty(0), np.empty(0))
    tree = cKDTree(shelter_xy)
    near = tree.sparse_distance_matrix(cKDTree(xy), float(np.max(reach)), output_type="coo_matrix")
    j, i, d = near.row.astype(np.int64), near.col.astype(np.int64), near.data
    # sparse_distance_matrix leaves out pairs at distance 0
    same = tree.query_ball_point(xy, r=0.0)
    extra = [(p, s) for p, hits in enumerate(same) for s in hits]
    if extra:
        ei, ej = np.array(extra, dtype=np.int64).T
        i, j, d = np.r_[i, ei], np.r_[j, ej], np.r_[d, np.zeros(len(ei))]
    keep = d <= reach[j]
    return _Pairs(i[keep], j[keep], d[keep] / speed, d[keep])


@dataclass
class _Net:
    """The layered search graph (see the module's docstring): node ``v`` is on the open network, ``v + n`` is still
    leaving the hazard. ``time`` and ``dist`` are the reversed (shelter → people) matrices; ``edge_of`` gives the
    road edge (+1) of each matrix entry, as (sorted row × 2n + column keys, ids)."""

    graph: object
    n: int
    closed: np.ndarray
    time: object
    dist: object
    edge_of: object
    edge_minutes: np.ndarray

    @property
    def search_chunk(self) -> int:
        """Shelters searched at once: their distances to every node of both layers held in about 80 MB."""
        return max(1, _SEARCH_CELLS // max(2 * self.n, 1))


def _layered(graph, closed: np.ndarray, minutes: np.ndarray) -> _Net:
    from scipy.sparse import coo_matrix

    n = graph.n_nodes
    a, b = graph.a, graph.b
    o, c = ~closed, closed
    rows = np.r_[a[o], b[o], np.arange(n), a[c] + n, b[c] + n]
    cols = np.r_[b[o], a[o], np.arange(n) + n, b[c] + n, a[c] + n]
    eid = np.arange(len(a)) + 1
    ids = np.r_[eid[o], eid[o], np.zeros(n, dtype=np.int64), eid[c], eid[c]]

    def matrix(w):
        data = np.r_[w[o], w[o], np.full(n, _EPS), w[c], w[c]]
        return coo_matrix((np.maximum(data, _EPS), (rows, cols)), shape=(2 * n, 2 * n)).tocsr()

    keys = rows.astype(np.int64) * (2 * n) + cols
    order = np.argsort(keys, kind="stable")
    return _Net(graph, n, closed, matrix(minutes), matrix(graph.w), (keys[order], ids[order]), minutes)


def network_pairs(net: _Net, piece_node, shelter_node, reach, speeds_vary: bool, walk: float, canceled, leaving=None) -> "_Pairs":
    """Per-shelter searches on the layered graph, bounded by the reach: the pieces each open shelter can reach.
    Pieces marked ``leaving`` (inside the hazard) start on the leaving layer, the others on the open network."""
    from scipy.sparse.csgraph import dijkstra

    on = np.nonzero(piece_node >= 0)[0]
    targets = start_nodes(net, piece_node, leaving)[on]
    ok = np.nonzero(shelter_node >= 0)[0]
    ok = ok[np.argsort(reach[ok], kind="stable")]
    chunk = net.search_chunk
    out_i, out_j, out_t, out_d = [], [], [], []
    # the fastest route is never slower than the shortest one, which within the reach takes at most reach / slowest
    slowest = float(np.min(net.graph.w / np.maximum(net.edge_minutes, 1e-12))) if len(net.graph.w) else walk
    for s in range(0, len(ok), chunk):
        check(canceled)
        js = ok[s : s + chunk]
        limit = float(reach[js].max())
        d = dijkstra(net.dist, directed=True, indices=shelter_node[js], limit=limit * (1 + 1e-9))[:, targets]
        if speeds_vary:
            t = dijkstra(net.time, directed=True, indices=shelter_node[js], limit=limit / max(slowest, 1e-9) * (1 + 1e-9))
            t = t[:, targets]
        else:
            t = d / walk
        d, t = np.maximum(d - _EPS, 0.0), np.maximum(t - _EPS, 0.0)  # the step onto the network layer costs nothing
        k, p = np.nonzero(d <= reach[js][:, None] * (1 + 1e-9))
        out_i.append(on[p])
        out_j.append(js[k])
        out_t.append(t[k, p])
        out_d.append(d[k, p])
    if not out_i:
        return _Pairs(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0), np.empty(0))
    pairs = _Pairs(*(np.concatenate(x) for x in (out_i, out_j, out_t, out_d)))
    finite = np.isfinite(pairs.t)
    return _Pairs(pairs.i[finite], pairs.j[finite], pairs.t[finite], pairs.d[finite])


def start_nodes(net: _Net, piece_node: np.ndarray, leaving: Optional[np.ndarray]) -> np.ndarray:
    """Where each piece starts in the layered graph: on the leaving layer when inside the hazard."""
    if leaving is None:
        leaving = np.ones(len(piece_node), dtype=bool)
    return piece_node + np.where(leaving, net.n, 0)


def _reached_intact(graph, piece_node, shelter_node, reach) -> np.ndarray:
    """Per piece: whether an open shelter is within its reach on the network with no road closed."""
    from scipy.sparse.csgraph import dijkstra

    reached = np.zeros(len(piece_node), dtype=bool)
    on = piece_node >= 0
    m = graph.matrix()
    for r in np.unique(reach[shelter_node >= 0]):
        src = shelter_node[(shelter_node >= 0) & (reach == r)]
        d = dijkstra(m, directed=False, indices=np.unique(src), limit=r * (1 + 1e-9), min_only=True)
        reached[on] |= np.isfinite(d[piece_node[on]])
    return reached


# ------------------------------------------------------------------------------------------------------ assignment
def _linprog(c, a_ub, b_ub, time_limit, a_eq=None, b_eq=None):
    from scipy.optimize import linprog

    res = linprog(
        c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs", options={"time_limit": float(time_limit)}
    )
    if res.status not in (0, 1) or res.x is None:
        raise EvacuationError(QT_TRANSLATE_NOOP("Core", "The transfer could not be solved: {0}"), str(res.message))
    return res


SHORT_COST_FACTOR = 64.0  # in the one-programme solve, a person without a place costs this many longest trips


def assign_continuous(pairs: _Pairs, demand: np.ndarray, capacity: np.ndarray, time_limit: float):
    """Exact: the most people placed, then the least people × minutes. Returns (people per pair, Solve).

    First one linear programme, written from each piece's nearest shelter (:func:`_from_nearest`): a person without
    a place costs :data:`SHORT_COST_FACTOR` times the longest trip, and the answer is kept only when no augmenting
    path is left, i.e. no person without a place can be given one by moving others (:func:`_most_placed`). Then it
    is the lexicographic optimum: no solution places more, and among those placing as many its cost is least. Else
    (a chain of moves dearer than that cost, or a time limit) the two programmes of :func:`_two_stages`."""
    if not len(pairs.i):
        return np.zeros(0), Solve("linear programme", True, 0.0, 0.0)
    import time

    start = time.monotonic()
    x = _from_nearest(pairs, demand, capacity, time_limit)
    if x is not None and _most_placed(pairs, x, demand, capacity):
        cost = float(x @ pairs.t)
        return x, Solve("linear programme", True, cost, cost)
    return _two_stages(pairs, demand, capacity, max(time_limit - (time.monotonic() - start), 0.1 * time_limit))


def useful_pairs(pairs: _Pairs, demand: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Pairs that some optimal transfer may use (a mask). A shelter whose room is at least all the people of the
    pieces that can still reach it is never full; a pair dearer than a never-full shelter of the same piece is never
    used by an optimum (moving its people to that shelter costs less and places as many). Dropping such pairs can
    leave more shelters never full: repeated until nothing changes. Every piece keeps its cheapest pair."""
    alive = np.ones(len(pairs.i), dtype=bool)
    people = demand[pairs.i]
    while True:
        reach_people = np.bincount(pairs.j[alive], weights=people[alive], minlength=len(capacity))
        never_full = alive & (reach_people <= capacity)[pairs.j]
        cheapest = np.full(len(demand), np.inf)
        np.minimum.at(cheapest, pairs.i[never_full], pairs.t[never_full])
        dearer = alive & (pairs.t > cheapest[pairs.i])
        if not dearer.any():
            return alive
        alive &= ~dearer


def _from_nearest(pairs: _Pairs, demand: np.ndarray, capacity: np.ndarray, time_limit: float) -> Optional[np.ndarray]:
    """The transfer minimising people × minutes + :data:`SHORT_COST_FACTOR` × the longest trip per person without a
    place, over :func:`useful_pairs`, or None when HiGHS did not prove it. Written as moves away from each piece's
    nearest shelter (``x[nearest] = people − short − Σ moves``): every move costs its extra minutes, so starting
    from no move is already dual feasible, and the dual simplex mends only the shelters the nearest choice
    overfills (several times fewer iterations than the pairs themselves on the Beijing-scale bench)."""
    from scipy import sparse
    from scipy.optimize import linprog

    kept = np.nonzero(useful_pairs(pairs, demand, capacity))[0]
    pieces, gi = np.unique(pairs.i[kept], return_inverse=True)
    shelters, gj = np.unique(pairs.j[kept], return_inverse=True)
    gi, gj, t = gi.ravel(), gj.ravel(), pairs.t[kept]
    n_i, n_j = len(pieces), len(shelters)
    people = demand[pieces]
    order = np.lexsort((t, gi))
    nearest = order[np.r_[True, gi[order][1:] != gi[order][:-1]]]  # each piece's cheapest pair, in piece order
    goes = gj[nearest]
    move = np.ones(len(kept), dtype=bool)
    move[nearest] = False
    move = np.nonzero(move)[0]
    n_m = len(move)
    short_cost = SHORT_COST_FACTOR * float(t.max()) + 1.0
    cost = np.r_[t[move] - t[nearest][gi[move]], short_cost - t[nearest]]
    moves, shorts = np.arange(n_m), n_m + np.arange(n_i)
    by_piece = sparse.csr_matrix((np.ones(n_m + n_i), (np.r_[gi[move], np.arange(n_i)], np.r_[moves, shorts])), shape=(n_i, n_m + n_i))
    by_shelter = sparse.csr_matrix(
        (np.r_[np.ones(n_m), -np.ones(n_m + n_i)], (np.r_[gj[move], goes[gi[move]], goes], np.r_[moves, moves, shorts])),
        shape=(n_j, n_m + n_i),
    )
    room = capacity[shelters] - np.bincount(goes, weights=people, minlength=n_j)
    res = linprog(
        cost, A_ub=sparse.vstack([by_piece, by_shelter]).tocsr(), b_ub=np.r_[people, room], bounds=(0, None),
        method="highs", options={"time_limit": float(time_limit), "presolve": False},
    )  # fmt: skip
    if res.status != 0 or res.x is None:
        return None
    x_kept = np.zeros(len(kept))
    x_kept[move] = res.x[:n_m]
    x_kept[nearest] = people - res.x[n_m:] - np.bincount(gi[move], weights=res.x[:n_m], minlength=n_i)
    x = np.zeros(len(pairs.i))
    x[kept] = np.where(x_kept > 1e-9 * max(float(people.sum()), 1.0), x_kept, 0.0)
    return x


def _most_placed(pairs: _Pairs, x: np.ndarray, demand: np.ndarray, capacity: np.ndarray) -> bool:
    """No augmenting path: from no piece with people left without a place can a shelter with room be reached,
    going from a piece to any shelter it reaches and from a shelter back to a piece that it takes (max-flow,
    min-cut). A breadth-first search over every pair, not only the useful ones."""
    from scipy import sparse
    from scipy.sparse.csgraph import breadth_first_order

    n_i, n_j = len(demand), len(capacity)
    tol = 1e-9 * max(1.0, float(demand.sum()))
    short = demand - np.bincount(pairs.i, weights=x, minlength=n_i) > tol
    if not short.any():
        return True
    room = capacity - np.bincount(pairs.j, weights=x, minlength=n_j) > tol
    back = x > tol
    start = n_i + n_j
    rows = np.r_[pairs.i, n_i + pairs.j[back], np.full(int(short.sum()), start)]
    cols = np.r_[n_i + pairs.j, pairs.i[back], np.nonzero(short)[0]]
    graph = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(start + 1, start + 1))
    reached = breadth_first_order(graph, start, directed=True, return_predecessors=False)
    shelters = reached[(reached >= n_i) & (reached < start)] - n_i
    return not room[shelters].any()


def _two_stages(pairs: _Pairs, demand: np.ndarray, capacity: np.ndarray, time_limit: float):
    """Two linear programmes: the most placed (F), then the least cost with each piece's people placed or short
    (``x`` and a slack ``s`` per piece, equalities) and at most ``Σ people − F`` short: the second keeps the
    transportation structure (no row over every pair), which HiGHS solves several times faster. Returns (people
    per pair, Solve)."""
    from scipy import sparse

    n_pairs = len(pairs.i)
    rows_i, gi = np.unique(pairs.i, return_inverse=True)
    rows_j, gj = np.unique(pairs.j, return_inverse=True)
    gi, gj = gi.ravel(), gj.ravel()
    cols = np.arange(n_pairs)
    by_piece = sparse.csr_matrix((np.ones(n_pairs), (gi, cols)), shape=(len(rows_i), n_pairs))
    by_shelter = sparse.csr_matrix((np.ones(n_pairs), (gj, cols)), shape=(len(rows_j), n_pairs))
    people, places = demand[rows_i], capacity[rows_j]
    most = _linprog(-np.ones(n_pairs), sparse.vstack([by_piece, by_shelter]).tocsr(), np.r_[people, places], time_limit / 2)
    placed = float(-most.fun)
    short_max = max(float(people.sum()) - placed * (1 - 1e-12) + 1e-9, 0.0)
    n_i = len(rows_i)
    a_ub = sparse.bmat([[by_shelter, None], [None, sparse.csr_matrix(np.ones((1, n_i)))]]).tocsr()
    a_eq = sparse.hstack([by_piece, sparse.identity(n_i)]).tocsr()
    best = _linprog(np.r_[pairs.t, np.zeros(n_i)], a_ub, np.r_[places, short_max], time_limit / 2, a_eq, people)
    x = best.x[:n_pairs]
    x = np.where(x > 1e-9 * max(placed, 1.0), x, 0.0)
    optimal = most.status == 0 and best.status == 0
    return x, Solve("linear programme", optimal, float(best.fun), float(best.fun) if optimal else float("nan"))


def assign_whole(pairs: _Pairs, demand: np.ndarray, source: np.ndarray, capacity: np.ndarray, time_limit: float):
    """One shelter per source feature (responsibility areas): a shelter may take a source only if every piece of it
    that reaches some shelter reaches that one. The most people placed, then the least people × minutes, each a
    MILP with half the time limit. Returns (people per pair, Solve)."""
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint

    from .milp import milp_checked

    if not len(pairs.i):
        return np.zeros(0), Solve("MILP", True, 0.0, 0.0)
    src = source[pairs.i]
    reaching = np.bincount(source[np.unique(pairs.i)], minlength=source.max() + 1)
    key = np.unique(np.c_[src, pairs.j], axis=0, return_inverse=True)
    combos, inv = key[0], key[1].ravel()
    hits = np.bincount(inv, minlength=len(combos))
    eligible = hits == reaching[combos[:, 0]]
    people = np.bincount(inv, weights=demand[pairs.i], minlength=len(combos))
    cost = np.bincount(inv, weights=demand[pairs.i] * pairs.t, minlength=len(combos))
    idx = np.nonzero(eligible & (people > 0))[0]
    n = len(idx)
    if not n:
        return np.zeros(len(pairs.i)), Solve("MILP", True, 0.0, 0.0)
    s_rows = np.unique(combos[idx, 0], return_inverse=True)[1].ravel()
    j_rows = np.unique(combos[idx, 1], return_inverse=True)
    a = sparse.vstack(
        [
            sparse.csr_matrix((np.ones(n), (s_rows, np.arange(n))), shape=(s_rows.max() + 1, n)),
            sparse.csr_matrix((people[idx], (j_rows[1].ravel(), np.arange(n))), shape=(len(j_rows[0]), n)),
        ]
    ).tocsr()
    upper = np.r_[np.ones(s_rows.max() + 1), capacity[j_rows[0]]]
    opts = {"time_limit": float(time_limit) / 2, "disp": False, "mip_rel_gap": 1e-9}
    integral, bounds = np.ones(n), Bounds(np.zeros(n), np.ones(n))
    most = milp_checked(-people[idx], [LinearConstraint(a, -np.inf, upper)], integral, bounds, opts)
    if most.x is None:
        raise EvacuationError(QT_TRANSLATE_NOOP("Core", "The transfer could not be solved: {0}"), str(most.message))
    floor = float(people[idx] @ np.round(most.x)) * (1 - 1e-12) - 1e-9
    cons = [LinearConstraint(a, -np.inf, upper), LinearConstraint(people[idx][None, :], floor, np.inf)]
    best = milp_checked(cost[idx], cons, integral, bounds, opts, feasible=np.round(most.x))
    y = np.round(best.x if best.x is not None else most.x)
    bound = getattr(best, "mip_dual_bound", None)
    optimal = most.status == 0 and best.status == 0
    objective = float(cost[idx] @ y)
    chosen = np.zeros(len(combos))
    chosen[idx] = y
    bound = float(bound) if bound is not None and np.isfinite(bound) else float("nan")
    return demand[pairs.i] * chosen[inv], Solve("MILP", optimal, objective, objective if optimal else bound, most.status == 0)


# ------------------------------------------------------------------------------------------------------------ roads
def closed_roads(graph, hazard: Hazard) -> np.ndarray:
    """Per graph edge: closed where its road piece lies in a hazard zone or has water at or above the road-closing
    depth anywhere along it (sampled every half cell). A shelter's last-mile link never closes."""
    from .network import substrings

    n_road = graph.road_pieces if graph.road_pieces is not None else len(graph.pieces)
    closed_piece = np.array([bool(z) for z in graph.piece_zones], dtype=bool)
    closed_piece[n_road:] = False
    closed = closed_piece[graph.edge_piece]
    if hazard.depth is not None and n_road:  # edge by edge: deep water closes the stretch it lies on
        road = np.nonzero(graph.edge_piece < n_road)[0]
        lines = substrings(graph.pieces[graph.edge_piece[road]], graph.edge_at[road], graph.edge_at[road] + graph.w[road])
        closed[road] |= _deep_lines(lines, hazard)
    return closed


def _deep_lines(lines: np.ndarray, hazard: Hazard) -> np.ndarray:
    raster = hazard.depth
    out = np.zeros(len(lines), dtype=bool)
    boxes = shapely.envelope(lines)
    in_grid = raster.to_grid(boxes) if raster.to_grid is not None else boxes
    near = np.nonzero(shapely.intersects(in_grid, shapely.box(*raster.grid.bounds)))[0]
    if not len(near):
        return out
    step = max(_cell_metres(raster) / 2, 0.5)
    length = shapely.length(lines[near])
    count = np.ceil(length / step).astype(np.int64) + 1
    owner = np.repeat(np.arange(len(near)), count)
    start = np.r_[0, np.cumsum(count)[:-1]]
    along = (np.arange(owner.size) - start[owner]) / np.maximum(count[owner] - 1, 1)
    points = shapely.line_interpolate_point(lines[near][owner], along, normalized=True)
    depth = np.nan_to_num(depth_at(raster, points), nan=-np.inf)
    deep = np.zeros(len(near), dtype=bool)
    np.logical_or.at(deep, owner, depth >= hazard.road_depth)
    out[near] = deep
    return out


def _route_loads(net: _Net, pairs: _Pairs, x: np.ndarray, starts: np.ndarray, shelter_node: np.ndarray, canceled) -> np.ndarray:
    """People per graph edge: each flow sent back along its shelter's fastest-route tree."""
    from scipy.sparse.csgraph import dijkstra

    load = np.zeros(len(net.graph.a))
    used = x > 1e-9
    shelters = np.unique(pairs.j[used])
    chunk = net.search_chunk
    for s in range(0, len(shelters), chunk):
        check(canceled)
        js = shelters[s : s + chunk]
        limit = float(pairs.t[used & np.isin(pairs.j, js)].max()) * (1 + 1e-6) + 1e-6
        _t, pred = dijkstra(net.time, directed=True, indices=shelter_node[js], limit=limit, return_predecessors=True)
        for k, j in enumerate(js.tolist()):
            sel = used & (pairs.j == j)
            cur, f = starts[pairs.i[sel]], x[sel]
            while len(cur):
                cur, inverse = np.unique(cur, return_inverse=True)
                f = np.bincount(inverse.ravel(), weights=f)
                p = pred[k, cur]
                ok = p >= 0
                cur, p, f = cur[ok], p[ok], f[ok]
                edge = _edge_between(net, p, cur)
                road = edge >= 0
                np.add.at(load, edge[road], f[road])
                cur = p
    return load


def _edge_between(net: _Net, frm: np.ndarray, to: np.ndarray) -> np.ndarray:
    """The road edge of each matrix entry (frm, to); -1 for the step from a closed road onto an open one."""
    keys, ids = net.edge_of
    at = np.searchsorted(keys, frm.astype(np.int64) * (2 * net.n) + to)
    return ids[np.minimum(at, len(ids) - 1)].astype(np.int64) - 1


def _routes(net: _Net, load: np.ndarray, line_capacity: Optional[np.ndarray], target: float) -> Routes:
    from .network import substrings

    g = net.graph
    e = np.nonzero(load > 1e-9)[0]
    piece = g.edge_piece[e]
    geometry = substrings(g.pieces[piece], g.edge_at[e], g.edge_at[e] + g.w[e])
    source = np.asarray(g.piece_source)[piece]
    cap = np.full(len(e), np.inf)
    if line_capacity is not None:
        on_road = source >= 0
        cap[on_road] = np.asarray(line_capacity, dtype=float)[source[on_road]]
    clear = np.where(np.isfinite(cap) & (cap > 0), load[e] / np.where(cap > 0, cap, 1) * 60.0, np.nan)
    used = clear / target if target > 0 else np.full(len(e), np.nan)
    return Routes(geometry, source, load[e], cap, clear, np.nan_to_num(clear) > target, net.closed[e], used)


# ------------------------------------------------------------------------------------------------------ entry point
def evacuation(
    surface,
    shelters: Shelters,
    hazard: Hazard,
    who: str = "hazard",
    network: Optional[Sequence] = None,
    line_speed: Optional[np.ndarray] = None,
    walk_speed: float = 50.0,
    line_capacity: Optional[np.ndarray] = None,
    clear_target: float = 60.0,
    whole: bool = False,
    time_limit: float = 60.0,
    tolerance: float = 300.0,
    last_mile: float = 0.0,
    names: Optional[dict] = None,
    progress=None,
    canceled=None,
) -> Transfer:
    """The transfer plan (see the module's docstring). ``surface``: the people (:class:`~.population.Surface`);
    ``who``: "hazard" (the people inside it) or "everyone"; ``network``: road lines of the working CRS (None:
    straight lines), ``line_speed`` metres a minute per line (None: everyone walks at ``walk_speed``),
    ``line_capacity`` persons an hour per line (None: not limited); ``clear_target`` minutes: a section whose people
    take longer to pass is a bottleneck; ``whole``: one shelter per source feature; ``time_limit`` seconds for the
    solver; ``tolerance`` / ``last_mile``: how far people and shelters may lie from the network."""
    report = reporter(progress)
    names = dict(names or {})
    if who not in ("hazard", "everyone"):
        raise EvacuationError(QT_TRANSLATE_NOOP("Core", "Who moves: '{0}' is neither 'hazard' nor 'everyone'."), who)
    if who == "hazard" and not hazard.given:
        raise EvacuationError(
            QT_TRANSLATE_NOOP(
                "Core", "No hazard given: give flood zones, a flood-depth raster, faults, geological hazards or damage, or move everyone."
            )
        )
    notes: List[Note] = []
    at_risk, hazards_of, inside = people_at_risk(surface, hazard, who, canceled, notes, names.get("people", ""))
    report(0.15)
    excluded = shelter_safety(shelters, hazard)
    usable = np.array([e is None for e in excluded], dtype=bool)
    _check_usable(usable, names)
    risky = np.nonzero(at_risk > 0)[0]
    geoms = np.asarray(shelters.geometries, dtype=object)
    use = np.nonzero(usable)[0]
    shelter_pts = shapely.point_on_surface(geoms[use])
    reach = np.asarray(shelters.reach, dtype=float)[use]
    capacity = np.asarray(shelters.capacity, dtype=float)[use]
    net, piece_node, shelter_node = None, None, None
    if network is None:
        pairs = straight_pairs(surface.xy[risky], shapely.get_coordinates(shelter_pts), reach, walk_speed)
    else:
        net, piece_node, shelter_node = _network(
            surface, risky, at_risk, shelter_pts, hazard, network, line_speed, walk_speed, tolerance, last_mile, names, notes
        )
        report(0.35)
        leaving = inside[risky] > 0  # only people inside the hazard may leave it along closed roads
        pairs = network_pairs(net, piece_node, shelter_node, reach, line_speed is not None, walk_speed, canceled, leaving)
    report(0.6)
    check(canceled)
    demand = at_risk[risky]
    if whole:
        x, solve = assign_whole(pairs, demand, surface.source[risky], capacity, time_limit)
    else:
        x, solve = assign_continuous(pairs, demand, capacity, time_limit)
    report(0.8)
    placed, load, room = _tally(at_risk, risky, pairs, x, len(geoms), use, capacity)
    reason = _reasons(at_risk, placed, risky, pairs, piece_node, shelter_node, net, reach, room[use])
    routes = None
    if net is not None:
        loads = _route_loads(net, pairs, x, start_nodes(net, piece_node, leaving), shelter_node, canceled)
        routes = _routes(net, loads, line_capacity, clear_target)
    report(1.0)
    flow = x > 1e-9
    return Transfer(
        surface, at_risk, placed, reason, hazards_of, shelters, usable, excluded, load,
        risky[pairs.i[flow]], use[pairs.j[flow]], x[flow], pairs.t[flow], pairs.d[flow],
        routes, solve, network is not None, notes,
        list(hazard.labels) + ([hazard.depth_label or f"depth ≥ {hazard.evacuate_depth:g} m"] if hazard.depth is not None else []),
        _Pairs(risky[pairs.i], use[pairs.j], pairs.t, pairs.d),
    )  # fmt: skip


def _check_usable(usable: np.ndarray, names: dict) -> None:
    if not usable.any():
        raise EvacuationError(
            QT_TRANSLATE_NOOP("Core", "{0}: none of its {1} shelters can be used (inside a hazard, or of no or unknown capacity)."),
            names.get("shelters", ""),
            len(usable),
        )


def _tally(at_risk, risky, pairs, x, n_shelters, use, capacity):
    """(people placed per piece, load per shelter, room left per shelter): placed within a millionth of the people
    at risk is all of them, and a shelter within a millionth of its capacity is full (no slivers of LP tolerance)."""
    placed = np.zeros(len(at_risk))
    np.add.at(placed, risky[pairs.i], x)
    placed = np.minimum(placed, at_risk)
    whole = at_risk - placed <= 1e-6 * np.maximum(at_risk, 1.0)
    placed[whole] = at_risk[whole]
    load = np.zeros(n_shelters)
    np.add.at(load, use[pairs.j], x)
    room = np.zeros(n_shelters)
    left = capacity - load[use]
    room[use] = np.where(left > 1e-6 * np.maximum(capacity, 1.0), left, 0.0)
    return placed, load, room


def _network(surface, risky, at_risk, shelter_pts, hazard, network, line_speed, walk_speed, tolerance, last_mile, names, notes):
    """The layered graph with the people at risk and the usable shelters joined: (net, piece nodes, shelter nodes)."""
    from .corridorfailure import _source_lines, build_graph

    lines, line_source = _source_lines(network, names.get("network", ""), notes)
    graph = build_graph(
        lines,
        line_source,
        [z for z in hazard.zones],
        shapely.points(surface.xy[risky]),
        shelter_pts,
        tolerance,
        unit_areas=surface.pieces[risky] if surface.pieces is not None else None,
        unit_groups=surface.source[risky],
        unit_weights=at_risk[risky],
        last_mile=last_mile,
    )
    closed = closed_roads(graph, hazard)
    speed = np.full(len(graph.a), float(walk_speed))
    if line_speed is not None:
        src = np.asarray(graph.piece_source)[graph.edge_piece]
        speed[src >= 0] = np.asarray(line_speed, dtype=float)[src[src >= 0]]
    net = _layered(graph, closed, graph.w / speed)
    return net, graph.unit_node, graph.facility_node


def _reasons(at_risk, placed, risky, pairs, piece_node, shelter_node, net, reach, room) -> List[str]:
    """Why each piece's people are not all placed ("" where they are). A piece with a shelter in reach that still
    has room (``room``, per usable shelter) is short only because its whole feature must go to one shelter."""
    reason = [""] * len(at_risk)
    short = np.nonzero(at_risk - placed > 0)[0]
    roomy = np.zeros(len(at_risk), dtype=bool)
    roomy[risky[pairs.i[room[pairs.j] > 0]]] = True
    if not len(short):
        return reason
    has_pair = np.zeros(len(at_risk), dtype=bool)
    has_pair[risky[pairs.i]] = True
    local = np.full(len(at_risk), -1, dtype=np.int64)
    local[risky] = np.arange(len(risky))
    intact = None
    if net is not None:
        intact = _reached_intact(net.graph, piece_node, shelter_node, reach)
    for p in short.tolist():
        if has_pair[p]:
            reason[p] = WHOLE if roomy[p] else FULL
        elif net is not None and piece_node[local[p]] < 0:
            reason[p] = NO_ROAD
        elif intact is not None and intact[local[p]]:
            reason[p] = CUT_OFF
        else:
            reason[p] = NO_SHELTER
    return reason


# shelter category -> (profile key of its reach, refuge period of its area per person)
SHELTER_CLASSES = {
    "emergency_shelter": ("shelter.emergency_walk_distance", "emergency"),
    "short_term_shelter": ("shelter.short_term_walk_distance", "short_term"),
    "long_term_shelter": ("shelter.long_term_walk_distance", "long_term"),
}


def unit_transfer_share(units, population, zones, facilities, profile, canceled=None) -> np.ndarray:
    """Per unit (polygons with their population): the share of its people at risk (inside ``zones``) who have a
    shelter place within reach as the crow flies, by the exact transfer (:func:`evacuation`, 第84条); 1 where nobody
    is at risk, NaN where its people are unknown. ``facilities`` (core.facilities.Facilities): the shelters among
    them, each holding its shelter area ÷ the area per person of its class, within its class's reach. NaN too where
    a shelter of unknown area (``area_unknown``), outside the hazard, lies within reach of the unit's people at risk:
    its room would change their share (issue 29 §3; the transfer itself leaves such a shelter out, with the reason)."""
    from .population import from_polygons

    codes = np.asarray([c or "" for c in facilities.codes], dtype=object)
    area = np.nan_to_num(np.asarray(facilities.shelter_area, dtype=float))
    per = profile.value("shelter.area_per_person_by_period")
    keep = np.nonzero(
        np.isin(codes, list(SHELTER_CLASSES)) & (area > 0) & ~shapely.is_missing(np.asarray(facilities.points, dtype=object))
    )[0]
    units = np.asarray(units, dtype=object)
    # only the units a hazard zone touches hold people at risk: the others are cut into no pieces
    touched = np.zeros(len(units), dtype=bool)
    present = ~shapely.is_missing(units)
    if present.any() and len(zones):
        _zi, ui = shapely.STRtree(units[present]).query(np.asarray(list(zones), dtype=object), predicate="intersects")
        touched[np.nonzero(present)[0][ui]] = True
    counts = np.where(touched, np.asarray(population, dtype=float), 0.0)
    counts[~np.isfinite(np.asarray(population, dtype=float))] = np.nan
    surface = from_polygons(np.where(touched, units, None), counts, float(profile.value("population.piece_size")), canceled=canceled)
    surface.assessed = np.isfinite(np.asarray(population, dtype=float))  # an untouched unit: nobody at risk, share 1
    placed_of = np.zeros(len(units))
    result = None
    if len(keep):
        shelters = Shelters(
            np.asarray(facilities.points, dtype=object)[keep],
            np.array([area[k] / float(per[SHELTER_CLASSES[codes[k]][1]]) for k in keep]),
            np.array([float(profile.value(SHELTER_CLASSES[codes[k]][0])) for k in keep]),
            [str(k) for k in keep],
        )
        labels = [str(k) for k in range(len(zones))]
        try:
            result = evacuation(surface, shelters, Hazard(list(zones), labels), "hazard", canceled=canceled)
        except EvacuationError:  # every shelter inside a hazard: nobody has a place
            result = None
    if result is not None:
        at_risk = result.at_risk
        placed_of = np.bincount(surface.source, weights=result.placed, minlength=len(units))
    else:
        at_risk, _h, _i = people_at_risk(surface, Hazard(list(zones), [str(k) for k in range(len(zones))]), "hazard", canceled)
    risk_of = np.bincount(surface.source, weights=at_risk, minlength=len(units))
    share = np.where(risk_of > 0, placed_of / np.where(risk_of > 0, risk_of, 1.0), 1.0)
    share[_near_unknown_shelter(surface, at_risk, facilities, codes, zones, profile)] = np.nan
    return np.where(surface.assessed, share, np.nan) if surface.assessed is not None else share


def _near_unknown_shelter(surface, at_risk: np.ndarray, facilities, codes: np.ndarray, zones, profile) -> np.ndarray:
    """Per unit: some of its people at risk are within reach (its class's, as the crow flies) of a shelter of unknown
    area that is outside every hazard zone."""
    near = np.zeros(surface.sources, dtype=bool)
    if facilities.area_unknown is None:
        return near
    points = np.asarray(facilities.points, dtype=object)
    unknown = np.nonzero(
        np.asarray(facilities.area_unknown, dtype=bool) & np.isin(codes, list(SHELTER_CLASSES)) & ~shapely.is_missing(points)
    )[0]
    if len(unknown) and len(zones):
        _z, inside = shapely.STRtree(np.asarray(list(zones), dtype=object)).query(points[unknown], predicate="intersects")
        unknown = np.delete(unknown, np.unique(inside))
    risky = np.nonzero(at_risk > 0)[0]
    if not len(unknown) or not len(risky):
        return near
    reach = np.array([float(profile.value(SHELTER_CLASSES[codes[k]][0])) for k in unknown])
    _s, hit = shapely.STRtree(shapely.points(surface.xy[risky])).query(points[unknown], predicate="dwithin", distance=reach)
    near[surface.source[risky[hit]]] = True
    return near
