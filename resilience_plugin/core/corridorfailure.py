"""Corridor-failure scenarios (第44、48、62、65条): who loses access to essential facilities when the road sections in
a fault's avoidance zone, in flood zones or in a drawn damage area fail, and which sections matter most.

The entry point is :func:`corridor_failure`; it returns :class:`CorridorFailure`.

The network is the road lines given (corridors and, optionally, ordinary streets), noded where they cross, cut where
they enter and leave a failure zone, and split where a unit or a facility joins it: each joins at its nearest
network point within the snapping tolerance (a polygon by its point on surface), as the life circles do, and the
straight connector is not counted. A *section* is a stretch of road between two junctions (or joining points, or
ends): failing any part of it cuts it.

For each scenario, distances from every unit to its nearest facility of each essential category are measured along
the network before and after the failed pieces are taken out (one multi-source Dijkstra per category and state).

The single-failure ranking (CRITICAL) costs no shortest-path run per section:

- **cut-offs** from the graph's bridges and its 2-edge-connected components: a section that is not a bridge cuts
  nobody off; failing a bridge splits its component in two, and the people on one side lose a category exactly when
  all of that category's facilities are on the other side (subtree counts on the bridge tree, linear time);
- **routes**: the people whose shortest route to an essential facility runs along the section, read from each
  category's shortest-path tree (their trips get longer or are cut when it fails);
- **bypass**: for sections that carry routes and are not bridges, the shortest way around between the section's two
  ends (one search bounded by ``bypass_search``).
"""

from dataclasses import dataclass, field, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .cancel import check, interruptible, reporter
from .geometry import NearestLines
from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note, refuse_most_left_out
from .network import substring, substrings  # 2-D, in numpy: shapely.ops.substring mixes 2-D and 3-D points on older GEOS

CLAUSES = "第44、48、62、65条"
DEFAULT_CATEGORIES = ("hospital", "long_term_shelter", "reserve_depot", "fire_station", "command_centre")
NODE_TOLERANCE = 0.001  # metres: line ends closer than this are one node


class CorridorFailureError(CoreError):
    """The inputs cannot make a scenario (no network, no unit on it, no facility of an essential category …)."""


@dataclass
class Zone:
    """A failure zone: its polygon and what it is (``kind``: "fault", "flood" or "damage"; ``label``: the fault's
    name, the flood class, the damage feature's number)."""

    polygon: object
    kind: str
    label: str


@dataclass
class Scenario:
    """A scenario: its name (a translatable message: the faults' names, the flood classes, the damage) and the zones
    whose pieces fail in it (indices into the zones given)."""

    name: Message
    zones: List[int]


@dataclass
class Graph:
    """The network as searched: pieces (shapely lines, each from source line ``piece_source``), graph edges between
    nodes (``a``, ``b``, ``w`` metres, ``piece``), units' and facilities' nodes (-1: not on the network) and the
    sections (chains of edges between junctions, joining points or ends)."""

    pieces: np.ndarray
    piece_source: np.ndarray
    piece_zones: List[List[int]]
    a: np.ndarray
    b: np.ndarray
    w: np.ndarray
    edge_piece: np.ndarray
    edge_at: np.ndarray  # where the edge starts along its piece (metres)
    n_nodes: int
    unit_node: np.ndarray
    unit_snap: np.ndarray
    facility_node: np.ndarray
    edge_section: np.ndarray = None
    section_edges: List[np.ndarray] = None
    section_ends: np.ndarray = None
    zone_pieces: Optional[Dict[int, List[int]]] = None
    unit_link: Optional[np.ndarray] = None  # metres of each unit's straight last-mile link (0: none)
    road_pieces: Optional[int] = None  # pieces from this index on are facilities' last-mile links
    facility_link: Optional[np.ndarray] = None  # metres of each facility's last-mile link (0: none)
    facility_road_node: Optional[np.ndarray] = None  # where each facility joins the roads (its link's far end)
    hub_routes: Optional[tuple] = None  # the cluster hubs and their distances before any failure, for every scenario

    def matrix(self, keep: Optional[np.ndarray] = None):
        """The symmetric sparse matrix of the edges (``keep``: a mask of the edges left)."""
        from scipy.sparse import coo_matrix

        a, b, w = (self.a, self.b, self.w) if keep is None else (self.a[keep], self.b[keep], self.w[keep])
        return coo_matrix((np.r_[w, w], (np.r_[a, b], np.r_[b, a])), shape=(self.n_nodes, self.n_nodes)).tocsr()


@dataclass
class ScenarioResult:
    """One scenario's outcome.

    ``failed``: indices of the failed pieces, with ``failed_causes`` (zone indices per piece) and ``failed_length``
    (metres); ``d0`` / ``d1``: per category code, each unit's distance to its nearest facility of that category
    before / after (NaN: none reachable, or the unit is not on the network); ``lost``: per code, the units that
    reached one before and reach none after; ``pop_cut``: per code, their population; ``pop_cut_any``: people who
    lose at least one category; ``clusters_lost``: per unit, the clusters it reached before and no longer reaches;
    ``links``: (cluster a, cluster b, metres before, metres after; NaN: no route)."""

    scenario: Scenario
    failed: np.ndarray
    failed_causes: List[List[int]]
    failed_length: float
    d0: Dict[str, np.ndarray]
    d1: Dict[str, np.ndarray]
    lost: Dict[str, np.ndarray]
    pop_cut: Dict[str, float]
    pop_cut_any: float
    clusters_lost: List[List[str]]
    links: List[Tuple[str, str, float, float]]
    causes: Optional[List[List[int]]] = None  # per piece of people that loses a category: the zones that cut it off


@dataclass
class Critical:
    """The single-failure ranking of every section (arrays, one entry per section, ranked: ``rank`` 1 = most
    critical). ``geometry``: the section's line; ``source``: the source line it lies on (-1: mixed); ``length``
    metres; ``bridge``: failing it splits the network; ``pop_cut``: people who lose access to at least one essential
    category when it fails alone; ``cut_codes``: which categories (codes); ``cut_units``: the units cut off (indices);
    ``pop_route``: people whose shortest route to an essential facility runs along it; ``bypass``: metres of the
    shortest way around it between its ends (NaN: none within the search, or a bridge); ``zones``: the failure zones it
    lies in."""

    geometry: np.ndarray
    source: np.ndarray
    length: np.ndarray
    bridge: np.ndarray
    pop_cut: np.ndarray
    pop_cut_by: Dict[str, np.ndarray]
    cut_codes: List[List[str]]
    cut_units: List[np.ndarray]
    pop_route: np.ndarray
    bypass: np.ndarray
    rank: np.ndarray
    zones: List[List[int]]


@dataclass
class CorridorFailure:
    """What :func:`corridor_failure` returns: the categories assessed (codes, in order), the graph, the zones and
    scenarios with their results, the critical sections (None when not asked), the units not on the network and
    the notes for the user."""

    categories: List[str]
    graph: Graph
    zones: List[Zone]
    results: List[ScenarioResult]
    critical: Optional[Critical]
    unit_points: np.ndarray
    cluster_centres: Dict[str, object]
    notes: List[Note] = field(default_factory=list)
    demand_unit: Optional[np.ndarray] = None  # per piece of people (the graph's units): the unit it belongs to
    demand_people: Optional[np.ndarray] = None
    n_units: int = 0
    population_method: Optional[Message] = None
    unit_assessed: Optional[np.ndarray] = None  # per unit: False where its people are unknown

    def unit_access(self, r: "ScenarioResult") -> "UnitAccess":
        """Scenario ``r`` per unit, from its pieces of people (see :class:`UnitAccess`)."""
        return _unit_access(self, r)


# ------------------------------------------------------------------------------------------------ building the graph
def _source_lines(
    lines: Sequence, name: str, notes: List[Note], elevated: Optional[Sequence[bool]] = None
) -> Tuple[np.ndarray, np.ndarray]:
    """Line parts of ``lines`` noded where they cross, each with the index of the line it comes from.

    ``elevated`` (per line): bridges and tunnels (OpenStreetMap's ``bridge``, ``tunnel`` and ``layer``), which cross
    the roads under or over them without meeting them: they are not noded, and join the others only at their ends."""
    from .network import explode_lines, noding_report

    parts, source = explode_lines(lines)
    if not len(parts):
        raise CorridorFailureError(QT_TRANSLATE_NOOP("Core", "{0}: the network has no line with a length."), name)
    up = np.zeros(len(parts), dtype=bool) if elevated is None else np.asarray(elevated, dtype=bool)[source]
    ground, ground_source = parts[~up], source[~up]
    extra = noding_report(ground) if len(ground) else 0
    if extra:
        ground, ground_source = _node(ground, ground_source)
        template = QT_TRANSLATE_NOOP("Core", "{0}: the network was not noded; lines were split where they cross ({1} more segments).")
        notes.append(Note("warning", Message(template, name, extra)))
    if not up.any():
        return ground, ground_source
    # a bridge or tunnel meets the roads at its ends: the ground roads are split where an end lies on them
    ends = shapely.points(np.vstack([shapely.get_coordinates(shapely.get_point(parts[up], k)) for k in (0, -1)]))
    li, ei = shapely.STRtree(ground).query(ends, predicate="dwithin", distance=NODE_TOLERANCE)[::-1]
    ground, ground_source, _kept = _split(ground, ground_source, li, ends[ei])
    template = QT_TRANSLATE_NOOP(
        "Core", "{0}: {1} bridge or tunnel lines (fields bridge, tunnel, layer) join the other roads only at their ends."
    )
    notes.append(Note("info", Message(template, name, int(np.unique(source[up]).size))))
    return np.concatenate([ground, parts[up]]), np.concatenate([ground_source, source[up]])


def _node(parts: np.ndarray, source: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """``parts`` split where they cross or touch, each piece with the source of the part it lies on (the
    lowest-numbered one where parts overlap: corridors before streets)."""
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(parts)))
    noded = noded[shapely.length(noded) > 0]
    middle = shapely.line_interpolate_point(noded, 0.5, normalized=True)
    (pi, li) = shapely.STRtree(parts).query(middle, predicate="dwithin", distance=1e-6)
    first = np.full(len(noded), len(parts), dtype=np.int64)
    np.minimum.at(first, pi, li)
    missing = first == len(parts)
    if missing.any():  # a piece further than a micrometre from every part: the nearest
        first[missing] = shapely.STRtree(parts).nearest(middle[missing])
    return noded, source[first]


def _split(parts: np.ndarray, source: np.ndarray, li: np.ndarray, points: np.ndarray):
    """``parts`` cut at ``points`` (``li``: the part each lies on): the parts not cut, then the pieces of those cut,
    with their sources, and the mask of the parts kept whole."""
    order = np.argsort(li, kind="stable")
    li, points = np.asarray(li)[order], np.asarray(points, dtype=object)[order]
    cut = np.zeros(len(parts), dtype=bool)
    pieces, piece_source = [], []
    starts = np.r_[0, np.nonzero(np.diff(li))[0] + 1, len(li)] if len(li) else np.array([0])
    for k in range(len(starts) - 1):
        i = int(li[starts[k]])
        line = parts[i]
        coords = shapely.get_coordinates(line)
        at = np.unique(np.round(shapely.line_locate_point(line, points[starts[k] : starts[k + 1]]), 6))
        length = line.length
        stops = [0.0] + [float(x) for x in at if 1e-6 < x < length - 1e-6] + [length]
        if len(stops) == 2:
            continue
        cut[i] = True
        for lo, hi in zip(stops[:-1], stops[1:]):
            if hi - lo > 1e-6:
                pieces.append(substring(coords, lo, hi))
                piece_source.append(source[i])
    out = np.concatenate([parts[~cut], np.array(pieces + [None], dtype=object)[:-1]])
    return out, np.concatenate([source[~cut], np.array(piece_source, dtype=np.int64)]), ~cut


def _cut_by_zones(parts: np.ndarray, source: np.ndarray, zones: Sequence) -> Tuple[np.ndarray, np.ndarray, List[List[int]]]:
    """The parts cut where they cross a zone's boundary; each piece with the zones it lies in (by its middle)."""
    zones = np.asarray(zones, dtype=object)
    if not len(zones):
        return parts, source, [[] for _ in parts]
    boundaries = shapely.boundary(zones)
    li, bj = shapely.STRtree(boundaries).query(parts, predicate="intersects")
    points, owner = [], []
    for i, b in zip(li.tolist(), bj.tolist()):
        hits = shapely.get_coordinates(shapely.intersection(parts[i], boundaries[b]))
        points.append(shapely.points(hits))
        owner.append(np.full(len(hits), i, dtype=np.int64))
    if points:
        pieces, piece_source, _kept = _split(parts, source, np.concatenate(owner), np.concatenate(points))
    else:
        pieces, piece_source = parts, source
    middle = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    pi, zj = shapely.STRtree(zones).query(middle, predicate="intersects")
    inside: List[List[int]] = [[] for _ in pieces]
    for p, z in zip(pi.tolist(), zj.tolist()):
        inside[p].append(z)
    return pieces, piece_source, inside


def build_graph(
    lines: np.ndarray,
    line_source: np.ndarray,
    zones: Sequence,
    unit_points: np.ndarray,
    facility_points: np.ndarray,
    tolerance: float,
    unit_areas: Optional[np.ndarray] = None,
    unit_groups: Optional[np.ndarray] = None,
    unit_weights: Optional[np.ndarray] = None,
    last_mile: float = 0.0,
    canceled: Optional[Callable[[], bool]] = None,
) -> Graph:
    """The searchable graph: ``lines`` (noded) cut by the ``zones``' boundaries, split where units and facilities
    join (each at its nearest network point within ``tolerance``; on a tie, the lowest-numbered piece). A unit
    given as an area in ``unit_areas`` (polygons) with no network within the tolerance of its point joins at the
    network point nearest to it inside the area. Points of one of ``unit_groups`` (the pieces of a unit's people)
    that join the same piece of road join it at one place, their ``unit_weights``-weighted mean position: they share
    its fate in every scenario (a piece of road fails whole), and the graph keeps one node for them. A unit point
    still off the network joins its nearest network point within ``last_mile`` metres by a straight last-mile link,
    whose length (``Graph.unit_link``) counts in its distances. ``canceled`` as elsewhere."""
    from .network import end_nodes

    pieces, piece_source, piece_zones = _cut_by_zones(lines, line_source, zones)
    check(canceled)
    near = NearestLines(pieces)
    length = shapely.length(pieces)
    u_piece, u_pos, u_dist, u_link = _join_units(
        pieces, near, unit_points, unit_areas, unit_groups, unit_weights, tolerance, last_mile, canceled
    )
    f_piece, f_pos, f_link = _join_facilities(pieces, near, facility_points, tolerance, last_mile, canceled)
    check(canceled)
    start_node, end_node, n_nodes = end_nodes(pieces, NODE_TOLERANCE)  # piece end nodes
    join_node, splits, n_nodes = _join_nodes(np.r_[u_piece, f_piece], np.r_[u_pos, f_pos], length, start_node, end_node, n_nodes)
    edges, n_nodes = _simple_edges(*_piece_edges(start_node, end_node, length, splits), n_nodes)

    n_units = len(unit_points)
    facility_node = join_node[n_units:].copy()
    n_road = len(pieces)
    pieces, piece_source, piece_zones, (a, b, w, ep, at), n_nodes = _link_facilities(
        pieces, piece_source, piece_zones, edges, n_nodes, facility_points, facility_node, f_piece, f_pos, f_link
    )
    graph = Graph(
        pieces=pieces,
        piece_source=piece_source,
        piece_zones=piece_zones,
        a=a,
        b=b,
        w=w,
        edge_piece=ep,
        edge_at=at,
        n_nodes=n_nodes,
        unit_node=join_node[:n_units],
        unit_snap=u_dist,
        unit_link=u_link,
        facility_node=facility_node,
        road_pieces=n_road,
        facility_link=f_link,
        facility_road_node=join_node[n_units:],
    )
    _sections(graph)
    return graph


def _attach(pieces: np.ndarray, near: NearestLines, points, limit: float, areas=None, canceled=None):
    """Where ``points`` join the ``pieces`` (``near``: their index): each at its nearest piece within ``limit``
    metres (on a tie, the lowest-numbered piece), then (``areas``) a point still off the network at the network
    point nearest to it inside its area. Returns per point its piece (-1: none), the position along it (metres) and
    the distance to it."""
    points = np.asarray(points, dtype=object)
    node_piece = np.full(len(points), -1, dtype=np.int64)
    pos = np.zeros(len(points))
    dist = np.full(len(points), np.nan)
    ok = np.nonzero(~shapely.is_missing(points) & ~shapely.is_empty(points))[0] if len(points) else np.empty(0, int)
    if len(ok):
        (pi, ei), d = near.query(points[ok], limit, canceled)
        o = np.lexsort((ei, pi))  # per point, the lowest piece index first
        pi, ei, d = pi[o], ei[o], d[o]
        first = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, dtype=bool)
        pi, ei, d = pi[first], ei[first], d[first]
        node_piece[ok[pi]] = ei
        dist[ok[pi]] = d
        pos[ok[pi]] = shapely.line_locate_point(pieces[ei], points[ok[pi]])
    if areas is not None:
        _attach_in_areas(pieces, near.tree, points, np.asarray(areas, dtype=object), node_piece, pos, dist)
    return node_piece, pos, dist


def _attach_in_areas(pieces: np.ndarray, tree, points: np.ndarray, areas: np.ndarray, node_piece, pos, dist) -> None:
    """The points not joined whose area is a polygon joined at the network point nearest to them inside the area
    (``node_piece``, ``pos`` and ``dist`` updated in place)."""
    left = np.nonzero((node_piece < 0) & ~shapely.is_missing(points))[0]
    left = left[np.isin(shapely.get_type_id(areas[left]), [3, 6])]
    if not len(left):
        return
    ai, ei = tree.query(areas[left], predicate="intersects")
    if not len(ai):
        return
    d = shapely.distance(points[left[ai]], pieces[ei])
    o = np.lexsort((ei, d, ai))
    ai, ei, d = ai[o], ei[o], d[o]
    first = np.r_[True, ai[1:] != ai[:-1]]
    ai, ei, d = ai[first], ei[first], d[first]
    # the nearest network point inside the area (the piece's nearest point may lie outside it)
    inside = shapely.intersection(pieces[ei], areas[left[ai]])
    target = shapely.get_point(shapely.shortest_line(points[left[ai]], inside), 1)
    node_piece[left[ai]] = ei
    dist[left[ai]] = shapely.distance(points[left[ai]], target)
    pos[left[ai]] = shapely.line_locate_point(pieces[ei], target)


def _join_units(pieces, near, unit_points, unit_areas, unit_groups, unit_weights, tolerance: float, last_mile: float, canceled=None):
    """Where the units join the network (see :func:`build_graph`): per unit its piece (-1: none), position along it,
    distance to it and the length of its last-mile link (0: none)."""
    u_piece, u_pos, u_dist = _attach(pieces, near, unit_points, tolerance, unit_areas, canceled)
    u_link = np.zeros(len(u_piece))
    if last_mile > tolerance and (u_piece < 0).any():
        left = np.nonzero((u_piece < 0) & ~shapely.is_missing(np.asarray(unit_points, dtype=object)))[0]
        lp, lpos, ld = _attach(pieces, near, np.asarray(unit_points, dtype=object)[left], last_mile, canceled=canceled)
        u_piece[left], u_pos[left], u_dist[left] = lp, lpos, ld
        u_link[left[lp >= 0]] = ld[lp >= 0]
    if unit_groups is not None and len(u_piece):
        on = u_piece >= 0
        key = np.unique(np.c_[unit_groups[on], u_piece[on]], axis=0, return_inverse=True)[1].ravel()
        w = np.maximum(np.asarray(unit_weights, dtype=float)[on], 0.0) + 1e-9
        mean = np.bincount(key, weights=w * u_pos[on]) / np.bincount(key, weights=w)
        u_pos[on] = mean[key]
    return u_piece, u_pos, u_dist, u_link


def _join_facilities(pieces, near, facility_points, tolerance: float, last_mile: float, canceled=None):
    """Where the facilities join the network: per facility its piece (-1: none), position along it and the length
    of its last-mile link (0: none)."""
    f_piece, f_pos, _f_dist = _attach(pieces, near, facility_points, tolerance, canceled=canceled)
    f_link = np.zeros(len(f_piece))
    if last_mile > tolerance and (f_piece < 0).any():
        fac_arr = np.asarray(facility_points, dtype=object)
        left = np.nonzero((f_piece < 0) & ~shapely.is_missing(fac_arr))[0]
        lp, lpos, ld = _attach(pieces, near, fac_arr[left], last_mile, canceled=canceled)
        f_piece[left], f_pos[left] = lp, lpos
        f_link[left[lp >= 0]] = ld[lp >= 0]
    return f_piece, f_pos, f_link


def _join_nodes(join_piece, join_pos, length, start_node, end_node, n_nodes: int):
    """The joining points' nodes: at a piece's end, its end node; inside, a new node (one per distinct position).
    Returns the nodes (-1: not on the network), the new nodes of each piece split ({piece: [(position, node)]}) and
    the number of nodes."""
    join_node = np.full(len(join_piece), -1, dtype=np.int64)
    on = join_piece >= 0
    at_start = on & (join_pos <= 1e-6)
    at_end = on & ~at_start & (join_pos >= length[np.maximum(join_piece, 0)] - 1e-6)
    join_node[at_start] = start_node[join_piece[at_start]]
    join_node[at_end] = end_node[join_piece[at_end]]
    inner = np.nonzero(on & ~at_start & ~at_end)[0]
    splits: Dict[int, List[Tuple[float, int]]] = {}
    if len(inner):
        key = np.round(join_pos[inner], 6)
        pairs = np.unique(np.c_[join_piece[inner], key], axis=0)
        new_ids = {}
        for p, x in pairs.tolist():
            new_ids[(int(p), x)] = n_nodes
            splits.setdefault(int(p), []).append((x, n_nodes))
            n_nodes += 1
        join_node[inner] = [new_ids[(int(p), x)] for p, x in zip(join_piece[inner].tolist(), key.tolist())]
    return join_node, splits, n_nodes


def _piece_edges(start_node, end_node, length, splits: Dict[int, List[Tuple[float, int]]]):
    """The edges (a, b, metres, piece, where along the piece it starts): unsplit pieces whole, split pieces in
    stretches between their joining points."""
    n_pieces = len(length)
    a, b, w, ep, at = [start_node], [end_node], [length], [np.arange(n_pieces)], [np.zeros(n_pieces)]
    if splits:
        split = np.array(sorted(splits), dtype=np.int64)
        keep = np.ones(n_pieces, dtype=bool)
        keep[split] = False
        a, b, w, ep, at = [start_node[keep]], [end_node[keep]], [length[keep]], [np.nonzero(keep)[0]], [np.zeros(int(keep.sum()))]
        sa, sb, sw, sp, sat = [], [], [], [], []
        for p in split.tolist():
            stops = sorted(splits[p])
            prev_x, prev_n = 0.0, int(start_node[p])
            for x, node in stops + [(float(length[p]), int(end_node[p]))]:
                sa.append(prev_n)
                sb.append(node)
                sw.append(x - prev_x)
                sp.append(p)
                sat.append(prev_x)
                prev_x, prev_n = x, node
        a.append(np.array(sa, dtype=np.int64))
        b.append(np.array(sb, dtype=np.int64))
        w.append(np.array(sw))
        ep.append(np.array(sp, dtype=np.int64))
        at.append(np.array(sat))
    a, b, w, ep, at = (np.concatenate(x) for x in (a, b, w, ep, at))
    return a, b, np.maximum(w, 1e-9), ep, at


def _simple_edges(a, b, w, ep, at, n_nodes: int):
    """The edges without loops, and with a node in the middle of each parallel edge (the same two nodes as another),
    so that the graph is simple: ((a, b, w, ep, at), the number of nodes)."""
    # loops never lie on a shortest route and never cut anyone off
    keep = a != b
    a, b, w, ep, at = a[keep], b[keep], w[keep], ep[keep], at[keep]
    lo_, hi_ = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((w, hi_, lo_))
    dup = np.zeros(len(a), dtype=bool)
    dup[order[1:]] = (lo_[order][1:] == lo_[order][:-1]) & (hi_[order][1:] == hi_[order][:-1])
    if dup.any():
        d = np.nonzero(dup)[0]
        mid = np.arange(n_nodes, n_nodes + len(d))
        n_nodes += len(d)
        a = np.r_[a[~dup], a[d], mid]
        b = np.r_[b[~dup], mid, b[d]]
        half = w[d] / 2
        w = np.r_[w[~dup], half, half]
        ep = np.r_[ep[~dup], ep[d], ep[d]]
        at = np.r_[at[~dup], at[d], at[d] + half]
    return (a, b, w, ep, at), n_nodes


def _link_facilities(pieces, piece_source, piece_zones, edges, n_nodes: int, facility_points, facility_node, f_piece, f_pos, f_link):
    """A facility off the network: a node of its own, on a straight last-mile link to its joining point that never
    fails (a piece of its own, in no zone) and is never ranked. Returns the pieces, their sources and zones, the
    edges and the number of nodes with the links added; ``facility_node`` is updated in place."""
    linked = np.nonzero(f_link > 0)[0]
    if not len(linked):
        return pieces, piece_source, piece_zones, edges, n_nodes
    a, b, w, ep, at = edges
    n_road = len(pieces)
    fac_arr = np.asarray(facility_points, dtype=object)
    joins = shapely.line_interpolate_point(pieces[f_piece[linked]], f_pos[linked])
    links = shapely.linestrings(np.stack([shapely.get_coordinates(fac_arr[linked]), shapely.get_coordinates(joins)], axis=1))
    new_nodes = np.arange(n_nodes, n_nodes + len(linked))
    n_nodes += len(linked)
    a = np.r_[a, new_nodes]
    b = np.r_[b, facility_node[linked]]
    w = np.r_[w, np.maximum(f_link[linked], 1e-9)]
    ep = np.r_[ep, np.arange(n_road, n_road + len(linked))]
    at = np.r_[at, np.zeros(len(linked))]
    pieces = np.concatenate([pieces, links])
    piece_source = np.r_[piece_source, np.full(len(linked), -1, dtype=np.asarray(piece_source).dtype)]
    piece_zones = list(piece_zones) + [[] for _ in linked]
    facility_node[linked] = new_nodes
    return pieces, piece_source, piece_zones, (a, b, w, ep, at), n_nodes


def _sections(g: Graph) -> None:
    """Group the edges into sections: whole road sections between junctions, ends and the facilities' joining
    points. The places where people join the network do not cut a section (the pieces a failure zone cuts out of a
    road are merged back, too): a section fails as a whole, and whoever joins it in between is cut off with it."""
    degree = np.bincount(np.r_[g.a, g.b], minlength=g.n_nodes)
    terminal = degree != 2
    joined = g.facility_node if g.facility_road_node is None else np.r_[g.facility_node, g.facility_road_node]
    terminal[joined[joined >= 0]] = True
    m = len(g.a)
    # incidence lists
    ends = np.r_[g.a, g.b]
    edge_of = np.r_[np.arange(m), np.arange(m)]
    order = np.argsort(ends, kind="stable")
    inc = edge_of[order]
    ptr = np.searchsorted(ends[order], np.arange(g.n_nodes + 1))
    section = np.full(m, -1, dtype=np.int64)
    chains: List[np.ndarray] = []
    chain_ends = []
    a, b = g.a.tolist(), g.b.tolist()
    inc_l, ptr_l, term = inc.tolist(), ptr.tolist(), terminal.tolist()
    sec = section  # numpy, written per chain

    def walk(e, node):
        """From ``node`` along edge ``e`` until a terminal node: (edges, last node)."""
        edges = [e]
        seen_start = node
        nxt = b[e] if a[e] == node else a[e]
        while not term[nxt] and nxt != seen_start:
            e2 = inc_l[ptr_l[nxt]] if inc_l[ptr_l[nxt]] != edges[-1] else inc_l[ptr_l[nxt] + 1]
            edges.append(e2)
            nxt = b[e2] if a[e2] == nxt else a[e2]
        return edges, nxt

    for node in np.nonzero(terminal)[0].tolist():
        for k in range(ptr_l[node], ptr_l[node + 1]):
            e = inc_l[k]
            if sec[e] >= 0:
                continue
            edges, end = walk(e, node)
            sec[edges] = len(chains)
            chains.append(np.array(edges, dtype=np.int64))
            chain_ends.append((node, end))
    for e in np.nonzero(sec < 0)[0].tolist():  # rings with no terminal node
        if sec[e] >= 0:
            continue
        edges, end = walk(e, a[e])
        sec[edges] = len(chains)
        chains.append(np.array(edges, dtype=np.int64))
        chain_ends.append((a[e], end))
    g.edge_section = sec
    g.section_edges = chains
    g.section_ends = np.array(chain_ends, dtype=np.int64).reshape(-1, 2)


# ------------------------------------------------------------------------------------------------ bridges
def bridges(n_nodes: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A mask of the edges of a simple undirected graph whose removal disconnects their component (Tarjan's
    low-link, iterative)."""
    m = len(a)
    ends = np.r_[a, b]
    other = np.r_[b, a]
    edge_of = np.r_[np.arange(m), np.arange(m)]
    order = np.argsort(ends, kind="stable")
    nbr, eid = other[order].tolist(), edge_of[order].tolist()
    ptr = np.searchsorted(ends[order], np.arange(n_nodes + 1)).tolist()
    tin = [-1] * n_nodes
    low = [0] * n_nodes
    is_bridge = np.zeros(m, dtype=bool)
    timer = 0
    for root in range(n_nodes):
        if tin[root] >= 0 or ptr[root] == ptr[root + 1]:
            continue
        tin[root] = low[root] = timer
        timer += 1
        stack = [(root, -1, ptr[root])]
        while stack:
            v, via, k = stack[-1]
            if k < ptr[v + 1]:
                stack[-1] = (v, via, k + 1)
                u, e = nbr[k], eid[k]
                if e == via:
                    continue
                if tin[u] < 0:
                    tin[u] = low[u] = timer
                    timer += 1
                    stack.append((u, e, ptr[u]))
                elif tin[u] < low[v]:
                    low[v] = tin[u]
            else:
                stack.pop()
                if stack:
                    p = stack[-1][0]
                    if low[v] < low[p]:
                        low[p] = low[v]
                    if low[v] > tin[p]:
                        is_bridge[via] = True
    return is_bridge


# ------------------------------------------------------------------------------------------------ the entry point
def corridor_failure(
    network: Sequence,
    units: Sequence,
    population: Sequence[float],
    facilities: Sequence,
    facility_codes: Sequence[Optional[str]],
    profile,
    categories: Optional[Sequence[str]] = None,
    streets: Optional[Sequence] = None,
    elevated: Optional[Sequence[bool]] = None,
    unit_names: Optional[Sequence[str]] = None,
    clusters: Optional[Sequence] = None,
    faults: Optional[Sequence] = None,
    fault_names: Optional[Sequence[str]] = None,
    avoidance_distance: Optional[float] = None,
    fault_mode: str = "all",
    flood_zones: Optional[Sequence] = None,
    flood_classes: Optional[Sequence] = None,
    flood_min_class: int = 3,
    damage: Optional[Sequence] = None,
    damage_width: Optional[float] = None,
    snap_tolerance: Optional[float] = None,
    bypass_search: Optional[float] = None,
    rank: bool = True,
    names: Optional[Dict[str, str]] = None,
    progress: Optional[Callable[[float], None]] = None,
    canceled: Optional[Callable[[], bool]] = None,
    raster=None,
    residential: Optional[Sequence] = None,
    facility_names: Optional[Sequence] = None,
) -> CorridorFailure:
    """Corridor-failure scenarios and the single-failure ranking of every section (第44、48、62、65条).

    All geometries are shapely geometries in one projected CRS in metres (None: missing).

    - ``network``: road lines (corridors, with or without the ordinary streets); ``streets``: more road lines joined
      to them (their sections report source ``len(network) + i``); ``elevated``: per line of the network then the
      streets, the bridges and tunnels, which join the other roads only at their ends (OpenStreetMap's ways are not
      noded where a bridge crosses a road).
    - ``units``: street/town units or communities (polygons or points) with ``population`` (None: from ``raster``);
      ``unit_names`` name them in the ranking; ``clusters``: each unit's cluster (韧性城市组团), to report mutual aid
      between clusters (第48条). People are counted where they live (:mod:`.population`): a point unit's people at
      its point; a polygon unit's spread over pieces of ``population.piece_size`` (by area, over ``residential``
      land, or as the population ``raster`` says), each piece joined to the network at its own place, so that a
      unit loses access only for the pieces that lose it. The per-unit figures are :meth:`CorridorFailure.unit_access`.
    - ``facilities`` with ``facility_codes`` (profile category codes, None: not a category) and ``facility_names``
      (for messages: feature ids, say); a facility further than the snapping tolerance from the network is left out
      and named, a category left with none is not assessed, and a run that would leave out most of a category stops;
      ``categories``: the essential ones (default: the profile's ``corridor_failure.essential_categories``).
    - The scenario, any combination: ``faults`` (lines, ``fault_names``) fail every piece within
      ``avoidance_distance`` metres (default the profile's ``seismic.avoidance_distance_default``); ``fault_mode``
      "all" (all faults at once), "each" (each fault its own scenario) or a fault's index; ``flood_zones`` whose
      ``flood_classes`` (1/2/3, 高/中/低 …; 1 the highest) is at ``flood_min_class`` or higher fail the pieces in
      them (a class that says none of them counts as the highest, on the safe side); ``damage``: lines, points or
      polygons, each widened by ``damage_width`` metres on either side (default the profile's
      ``corridor_failure.damage_width``).
    - ``snap_tolerance`` (default the profile's ``life_circle.snap_tolerance``): how far a unit or facility may lie
      from the network; ``bypass_search``: how far the way around a section is searched (default the profile's
      ``corridor_failure.bypass_search``); ``rank``: rank every section (False: scenarios only).
    - ``names``: layer names for messages (keys "network", "units", "facilities", "faults", "flood", "damage").

    Raises :class:`CorridorFailureError` naming the layer at fault. ``progress`` and ``canceled`` as elsewhere."""
    from .network import require_scipy

    require_scipy()
    run = _settings(profile, names, categories, snap_tolerance, bypass_search, damage_width, avoidance_distance, progress, canceled)
    zones, scenarios = _scenario(run, faults, fault_names, fault_mode, flood_zones, flood_classes, flood_min_class, damage)
    net = _network_and_people(
        run, network, streets, elevated, units, population, facilities, facility_codes, zones, unit_names, raster, residential
    )
    on_net, assessed, sources = _categories_assessed(run, net, unit_names, facility_names)
    before = _access_before(run, net.graph, assessed, sources)
    linked = _clusters(clusters, net, on_net)
    results = _access_after(run, net, scenarios, zones, assessed, sources, before, linked)
    critical = _ranking(run, net, on_net, assessed, sources, before.full) if rank else None
    return _outcome(run, net, zones, assessed, sources, before.d0, results, critical, linked.centres)


@dataclass
class _Run:
    """One run's settings (the arguments, or the profile's defaults), the notes it gathers, and its progress and
    cancel."""

    profile: object
    names: Dict[str, str]
    categories: List[str]
    tolerance: float
    bypass_search: float
    damage_width: float
    avoidance_distance: float
    report: Callable[[float], None]
    canceled: Optional[Callable[[], bool]]
    notes: List[Note] = field(default_factory=list)

    def step(self, fraction: float) -> None:
        """A step done: report ``fraction``, then stop if the user cancelled."""
        self.report(fraction)
        check(self.canceled)


@dataclass
class _Network:
    """The searchable graph with the units (``units``, their ``unit_points``), where their people are (``demand``)
    and the facilities of an essential category (``essential``: their indices among those given; ``fac_codes``)."""

    graph: Graph
    units: np.ndarray
    unit_points: np.ndarray
    demand: "Demand"
    essential: np.ndarray
    fac_codes: np.ndarray


@dataclass
class _Before:
    """Access before the failure: the graph's matrix (``base``), per category the distances and predecessors from
    its facilities (``full``) and each piece of people's distance (``d0``), and the connected components."""

    base: object
    full: Dict[str, Tuple[np.ndarray, np.ndarray]]
    d0: Dict[str, np.ndarray]
    comp0: np.ndarray


@dataclass
class _Clusters:
    """The clusters (韧性城市组团) whose links are followed: each piece of people's cluster (``of``, None when no
    clusters are given), each cluster's centre and hub node (its most populous piece's), and the neighbouring pairs."""

    of: Optional[np.ndarray]
    centres: Dict[str, object]
    hubs: Dict[str, int]
    pairs: List[Tuple[str, str]]


def _settings(profile, names, categories, snap_tolerance, bypass_search, damage_width, avoidance_distance, progress, canceled) -> _Run:
    """The run's settings: the layers' names for messages, the essential categories and the distances, each the
    argument given or the profile's default."""
    report = reporter(progress)
    names = {
        "network": "network",
        "units": "units",
        "facilities": "facilities",
        "faults": "faults",
        "flood": "flood zones",
        "damage": "damage",
        **(names or {}),
    }
    categories = list(categories or profile.value("corridor_failure.essential_categories"))
    tolerance = float(profile.value("life_circle.snap_tolerance") if snap_tolerance is None else snap_tolerance)
    bypass_search = float(profile.value("corridor_failure.bypass_search") if bypass_search is None else bypass_search)
    damage_width = float(profile.value("corridor_failure.damage_width") if damage_width is None else damage_width)
    if avoidance_distance is None:
        avoidance_distance = float(profile.value("seismic.avoidance_distance_default"))
    return _Run(profile, names, categories, tolerance, bypass_search, damage_width, avoidance_distance, report, canceled)


def _scenario(run: _Run, faults, fault_names, fault_mode, flood_zones, flood_classes, flood_min_class, damage):
    """The scenario step: the failure zones and the scenarios made of them (see :func:`_zones_and_scenarios`)."""
    zones, scenarios = _zones_and_scenarios(
        faults,
        fault_names,
        run.avoidance_distance,
        fault_mode,
        flood_zones,
        flood_classes,
        flood_min_class,
        damage,
        run.damage_width,
        run.names,
        run.notes,
    )
    run.step(0.05)
    return zones, scenarios


def _network_and_people(
    run: _Run, network, streets, elevated, units, population, facilities, facility_codes, zones, unit_names, raster, residential
) -> _Network:
    """The graph step: the road lines noded, the units' people and the essential facilities joined to them."""
    from .geometry import representative_points

    lines = list(network)
    if streets is not None:
        lines += list(streets)
    parts, source = _source_lines(lines, run.names["network"], run.notes, elevated)
    units_arr = np.empty(len(units), dtype=object)
    units_arr[:] = list(units)
    unit_points = representative_points(units_arr)
    codes, essential, fac_points = _essential_facilities(run, facilities, facility_codes)
    demand = _demand(units_arr, unit_points, population, run.profile, raster, residential, unit_names, run.notes, run.canceled)
    graph = build_graph(
        parts,
        source,
        [z.polygon for z in zones],
        demand.points,
        fac_points,
        run.tolerance,
        demand.areas,
        demand.unit if demand.areas is not None and len(demand.unit) > len(units_arr) else None,
        demand.people,
        float(run.profile.value("population.last_mile_max")),
        run.canceled,
    )
    run.step(0.25)
    return _Network(graph, units_arr, unit_points, demand, essential, codes[essential])


def _essential_facilities(run: _Run, facilities, facility_codes):
    """Each facility's essential category (None: not one), the indices of those of one, and their points."""
    from .geometry import representative_points

    fac = np.empty(len(facilities), dtype=object)
    fac[:] = list(facilities)
    codes = np.array([c if c in run.categories else None for c in facility_codes], dtype=object)
    essential = np.nonzero(np.array([c is not None for c in codes], dtype=bool))[0]
    if not len(essential):
        found = sorted({str(c) for c in facility_codes if c is not None})
        raise CorridorFailureError(
            QT_TRANSLATE_NOOP("Core", "{0}: no facility of an essential category ({1}); the layer has {2}."),
            run.names["facilities"],
            ", ".join(run.categories),
            ", ".join(found) if found else "none the profile reads",
        )
    return codes, essential, representative_points(fac[essential])


def _categories_assessed(run: _Run, net: _Network, unit_names, facility_names):
    """The people and facilities on the network (with notes on those left out) and the categories that can be
    assessed: (per piece of people, whether it is on the network; the categories; per category, its facilities'
    nodes)."""
    graph, names, tolerance = net.graph, run.names, run.tolerance
    on_net = graph.unit_node >= 0
    if not on_net.any():
        raise CorridorFailureError(
            QT_TRANSLATE_NOOP(
                "Core",
                "{0}: no unit lies within {1:g} m of the network {2}; check that both layers cover the same area, "
                "or raise the snapping tolerance.",
            ),
            names["units"],
            tolerance,
            names["network"],
        )
    last_mile = float(run.profile.value("population.last_mile_max"))
    demand = net.demand
    _people_off_network(graph, on_net, demand.unit, demand.people, len(net.units), unit_names, tolerance, last_mile, names, run.notes)
    _refuse_most_units_off(
        on_net, demand.unit, len(net.units), max(tolerance, last_mile), names, float(run.profile.value("quality.left_out_max_share"))
    )
    fac_codes = net.fac_codes
    fac_on = graph.facility_node >= 0
    _facilities_left_out(
        fac_codes,
        fac_on,
        net.essential,
        facility_names,
        run.categories,
        tolerance,
        names,
        run.notes,
        graph.facility_link,
        max(tolerance, last_mile),
        float(run.profile.value("quality.left_out_max_share")),
    )
    missing = [c for c in run.categories if not np.any(fac_on & (fac_codes == c))]
    if missing:
        template = QT_TRANSLATE_NOOP("Core", "{0}: no facility of {1} lies within {2:g} m of the network; access to it cannot be assessed.")
        run.notes.append(Note("warning", Message(template, names["facilities"], ", ".join(missing), tolerance)))
    assessed = [c for c in run.categories if c not in missing]
    if not assessed:
        raise CorridorFailureError(
            QT_TRANSLATE_NOOP("Core", "{0}: no facility of an essential category lies within {1:g} m of the network {2}."),
            names["facilities"],
            tolerance,
            names["network"],
        )
    sources = {c: np.unique(graph.facility_node[fac_on & (fac_codes == c)]) for c in assessed}
    return on_net, assessed, sources


def _access_before(run: _Run, graph: Graph, assessed, sources) -> _Before:
    """The access-before step: each piece of people's distance to its nearest facility of each category, with the
    shortest-path trees (for the ranking) and the connected components (for the clusters)."""
    from scipy.sparse.csgraph import connected_components, dijkstra

    base = graph.matrix()
    before_full = {}
    for c in assessed:
        dist, pred, _src = dijkstra(base, directed=False, indices=sources[c], min_only=True, return_predecessors=True)
        before_full[c] = (dist, pred)
    d0 = {c: _at(before_full[c][0], graph.unit_node) + graph.unit_link for c in assessed}
    _n0, comp0 = connected_components(base, directed=False)
    run.step(0.35)
    return _Before(base, before_full, d0, comp0)


def _clusters(clusters, net: _Network, on_net) -> _Clusters:
    """The clusters whose links are followed (see :class:`_Clusters`; none when ``clusters`` is None)."""
    cluster_of = None
    centres: Dict[str, object] = {}
    hubs: Dict[str, int] = {}
    pairs: List[Tuple[str, str]] = []
    if clusters is not None:
        units_arr, population, graph = net.units, net.demand.people, net.graph
        unit_cluster = np.array([None if c is None or str(c).strip() == "" else str(c) for c in clusters], dtype=object)
        cluster_of = unit_cluster[net.demand.unit]  # per piece of people
        for label in sorted({c for c in unit_cluster if c is not None}, key=_natural):
            members = np.nonzero(unit_cluster == label)[0]
            centres[label] = shapely.centroid(shapely.union_all(units_arr[members])) if len(members) else None
            attached = np.nonzero((cluster_of == label) & on_net)[0]
            if len(attached):
                hubs[label] = int(graph.unit_node[attached[np.argmax(population[attached])]])
        pairs = _cluster_pairs(units_arr, unit_cluster)
    return _Clusters(cluster_of, centres, hubs, pairs)


def _access_after(run: _Run, net: _Network, scenarios, zones, assessed, sources, before: _Before, linked: _Clusters):
    """The access-after step: each scenario run (see :func:`_run_scenario`), with notes on those where nothing or
    everything fails."""
    graph = net.graph
    results = []
    for k, scenario in enumerate(scenarios):
        check(run.canceled)
        results.append(
            _run_scenario(
                graph,
                scenario,
                zones,
                assessed,
                sources,
                before.d0,
                before.comp0,
                net.demand.people,
                linked.of,
                linked.hubs,
                linked.pairs,
                before.base,
                run.canceled,
            )
        )
        run.report(0.35 + 0.3 * (k + 1) / len(scenarios))
    for r in results:
        if not len(r.failed) and zones:
            template = QT_TRANSLATE_NOOP("Core", "Scenario {0}: no section of {1} lies in its zones; nothing fails.")
            run.notes.append(Note("warning", Message(template, r.scenario.name, run.names["network"])))
        elif len(r.failed) and len(r.failed) == len(graph.pieces):
            template = QT_TRANSLATE_NOOP("Core", "Scenario {0}: every section of {1} fails; nobody reaches anything.")
            run.notes.append(Note("warning", Message(template, r.scenario.name, run.names["network"])))
    if not zones:
        run.notes.append(
            Note("warning", Message(QT_TRANSLATE_NOOP("Core", "No fault, flood zone or damage was given: the scenario fails nothing.")))
        )
    return results


def _ranking(run: _Run, net: _Network, on_net, assessed, sources, before_full) -> Critical:
    """The ranking step: every section ranked (see :func:`_rank`), the people who join at one node, unit by unit,
    counted as one (routes and cut-offs are the same for all of them)."""
    graph, unit_of = net.graph, net.demand.unit
    on_idx = np.nonzero(on_net)[0]
    pairs_, inverse = np.unique(np.c_[graph.unit_node[on_idx], unit_of[on_idx]], axis=0, return_inverse=True)
    people_at = np.bincount(inverse.ravel(), weights=net.demand.people[on_idx], minlength=len(pairs_))
    at_nodes = replace(graph, unit_node=pairs_[:, 0])
    critical = _rank(
        at_nodes,
        assessed,
        sources,
        before_full,
        people_at,
        np.ones(len(pairs_), dtype=bool),
        run.bypass_search,
        run.canceled,
        lambda f: run.report(0.65 + 0.35 * f),
    )
    critical.cut_units = [np.unique(pairs_[c, 1]) for c in critical.cut_units]  # the units whose people it cuts off
    return critical


def _outcome(run: _Run, net: _Network, zones, assessed, sources, d0, results, critical, centres) -> CorridorFailure:
    """What cuts each scenario's people off (see :func:`_causes`), then the result."""
    for r in results:
        check(run.canceled)
        r.causes = _causes(net.graph, r, zones, assessed, sources, d0, run.canceled)
    run.report(1.0)
    demand = net.demand
    return CorridorFailure(
        assessed,
        net.graph,
        zones,
        results,
        critical,
        net.unit_points,
        centres,
        run.notes,
        demand.unit,
        demand.people,
        len(net.units),
        demand.method,
        demand.assessed,
    )


@dataclass
class Demand:
    """Where the people of the units are: pieces (``points``, their polygon ``areas`` or None, ``people``) and the
    unit each belongs to."""

    points: np.ndarray
    areas: Optional[np.ndarray]
    people: np.ndarray
    unit: np.ndarray
    method: Optional[Message] = None
    assessed: Optional[np.ndarray] = None  # per unit: False where its people are unknown (no raster data under it)


def _demand(units_arr, unit_points, population, profile, raster, residential, unit_names, notes, canceled) -> Demand:
    """The units' people as pieces: point units at their point; polygon units spread over pieces (core.population)."""
    from .population import from_polygons

    n = len(units_arr)
    counts = known = None
    if population is not None:  # None or NaN: a unit whose people are unknown is not assessed, never 0 people
        counts = np.asarray([np.nan if p is None else p for p in population], dtype=float)
        known = ~np.isnan(counts)
        counts = np.nan_to_num(counts, nan=0.0)
        known = None if known.all() else known
    present = ~shapely.is_missing(units_arr)
    polygons = bool(present.any()) and bool(np.isin(shapely.get_type_id(units_arr[present]), (3, 6)).all())
    if not polygons:
        if counts is None:
            raise CorridorFailureError(QT_TRANSLATE_NOOP("Core", "Units given as points need a population field."))
        return Demand(unit_points, units_arr, counts, np.arange(n), assessed=known)
    surface = from_polygons(
        units_arr,
        counts,
        profile.value("population.piece_size"),
        residential,
        raster,
        profile.value("population.raster_mismatch_share"),
        names=unit_names,
        canceled=canceled,
    )
    notes.extend(surface.notes)
    template = QT_TRANSLATE_NOOP("Core", "People counted where they live: {0}, {1:,} pieces of {2:g} m in {3} units.")
    notes.append(Note("info", Message(template, surface.method, len(surface.people), profile.value("population.piece_size"), n)))
    unknown = np.nonzero(~surface.assessed & present)[0] if surface.assessed is not None else np.empty(0, dtype=np.int64)
    if len(unknown):
        listed = ", ".join(str(unit_names[i]) if unit_names is not None else f"#{i + 1}" for i in unknown[:8])
        template = QT_TRANSLATE_NOOP("Core", "{0} unit(s) have no population raster data under them: not assessed ({1}{2}).")
        notes.append(Note("warning", Message(template, len(unknown), listed, " …" if len(unknown) > 8 else "")))
    assessed = surface.assessed if known is None else (known if surface.assessed is None else surface.assessed & known)
    return Demand(shapely.points(surface.xy), surface.pieces, surface.people, surface.source, surface.method, assessed)


def _refuse_most_units_off(on_net, unit_of, n_units: int, limit: float, names, max_share: float) -> None:
    """A :class:`CorridorFailureError` when more of the units (of those with people placed) than ``max_share`` (the
    profile's quality.left_out_max_share) lie wholly beyond the last-mile ``limit`` of the network: a run that leaves
    most of a layer out does not finish as if nothing happened (issue 29)."""
    placed = np.bincount(unit_of, minlength=n_units) > 0
    on = np.bincount(unit_of[on_net], minlength=n_units) > 0
    off, total = int(np.count_nonzero(placed & ~on)), int(np.count_nonzero(placed))
    refuse_most_left_out(
        off,
        total,
        max_share,
        CorridorFailureError,
        QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1} of {2} units lie further than {3:g} m from the network {4} (the last-mile limit), more than "
            "{5:.0%} of them (the profile's quality.left_out_max_share). Check that both layers cover the same area.",
        ),
        names["units"],
        off,
        total,
        limit,
        names["network"],
        max_share,
    )


def _people_off_network(graph, on_net, unit_of, population, n_units, unit_names, tolerance, last_mile, names, notes) -> None:
    """Say who joins the network by a last-mile link, and whose people lie beyond it (whole units, parts of units)."""
    unit_on = np.bincount(unit_of[on_net], minlength=n_units) > 0

    def listed(idx):
        return ", ".join(str(unit_names[i]) if unit_names is not None else f"#{i + 1}" for i in idx[:8]) + (" …" if len(idx) > 8 else "")

    linked = on_net & (graph.unit_link > 0)
    if linked.any():
        template = QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1:,.0f} people ({2:,} places) lie further than {3:g} m from the network {4} and join it by a straight "
            "last-mile link, whose length counts in their distances (the longest {5:,.0f} m; units {6}).",
        )
        units_linked = np.unique(unit_of[linked])
        notes.append(
            Note(
                "warning",
                Message(
                    template,
                    names["units"],
                    float(population[linked].sum()),
                    int(linked.sum()),
                    tolerance,
                    names["network"],
                    float(graph.unit_link.max()),
                    listed(units_linked),
                ),
            )
        )
    if (~unit_on).any():
        off = np.nonzero(~unit_on)[0]
        template = QT_TRANSLATE_NOOP(
            "Core", "{0}: {1} units lie further than {2:g} m from the network (the last-mile limit); they are left out, not assessed ({3})."
        )
        notes.append(Note("warning", Message(template, names["units"], len(off), max(tolerance, last_mile), listed(off))))
    partly = np.nonzero(unit_on & (np.bincount(unit_of[~on_net], weights=population[~on_net], minlength=n_units) > 0))[0]
    if len(partly):
        left = float(population[~on_net & unit_on[unit_of]].sum())
        template = QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1:,.0f} people in parts of {2} units lie further than {3:g} m from the network (the last-mile limit); "
            "they are not assessed ({4}).",
        )
        notes.append(Note("warning", Message(template, names["units"], left, len(partly), max(tolerance, last_mile), listed(partly))))


def _facilities_left_out(
    fac_codes, fac_on, essential, facility_names, categories, tolerance, names, notes, link=None, last_mile=0.0, share=0.5
) -> None:
    """Name the essential facilities joined by a last-mile link and those left off the network, per category; stop
    when more than ``share`` (the profile's quality.left_out_max_share) of a category would be left out."""
    for c in categories:
        mine = fac_codes == c
        linked = np.nonzero(mine & fac_on & (link > 0))[0] if link is not None else np.empty(0, dtype=np.int64)
        if len(linked):
            ids = [str(facility_names[essential[i]]) if facility_names is not None else f"#{essential[i] + 1}" for i in linked[:10]]
            template = QT_TRANSLATE_NOOP(
                "Core",
                "{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network and join it by a straight "
                "last-mile link, whose length counts (the longest {5:,.0f} m; {6}).",
            )
            shown = ", ".join(ids) + (" …" if len(linked) > 10 else "")
            notes.append(
                Note(
                    "warning",
                    Message(template, names["facilities"], len(linked), int(mine.sum()), c, tolerance, float(link[linked].max()), shown),
                )
            )
        off = np.nonzero(mine & ~fac_on)[0]
        if not len(off):
            continue
        ids = [str(facility_names[essential[i]]) if facility_names is not None else f"#{essential[i] + 1}" for i in off[:10]]
        shown = ", ".join(ids) + (" …" if len(off) > 10 else "")
        if len(off) > share * int(mine.sum()) and len(off) > 1:
            raise CorridorFailureError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network {5} ({6}), beyond the "
                    "last-mile limit; the run would leave most of them out. Give the ordinary streets as well, or raise the "
                    "profile's population.last_mile_max.",
                ),
                names["facilities"],
                len(off),
                int(mine.sum()),
                c,
                last_mile,
                names["network"],
                shown,
            )
        template = QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network, beyond the last-mile limit, "
            "and are left out ({5}).",
        )
        notes.append(Note("warning", Message(template, names["facilities"], len(off), int(mine.sum()), c, last_mile, shown)))


# the most zones tested one by one for the people they alone cut off; with more, causes are the zones on their route
CAUSES_ALONE_MAX = 12


def _causes(graph, r, zones, assessed, sources, d0, canceled=None) -> List[List[int]]:
    """Per piece of people that loses a category in scenario ``r``: the zones whose failure alone cuts it off from
    one; where no single zone does, every zone of the scenario that fails a section (they do it together).

    Only a zone whose failed sections lie on a piece's route before the scenario can cut it off alone (its route
    stands otherwise), so only those are tested: one search per zone and category. Where more than
    :data:`CAUSES_ALONE_MAX` zones lie on the routes of the people cut off (500 faults failing at once), the causes
    are the zones on each piece's route."""
    from scipy.sparse.csgraph import dijkstra

    n = len(graph.unit_node)
    any_lost = np.zeros(n, dtype=bool)
    for c in assessed:
        any_lost |= r.lost[c]
    causes: List[List[int]] = [[] for _ in range(n)]
    if not any_lost.any():
        return causes
    active = sorted({z for zs in r.failed_causes for z in zs})
    if len(active) == 1:
        for i in np.nonzero(any_lost)[0].tolist():
            causes[i] = list(active)
        return causes
    bits = _zones_on_routes(graph, r, assessed, sources)
    lost_idx = np.nonzero(any_lost)[0]
    rows, inverse = np.unique(bits[lost_idx], axis=0, return_inverse=True)
    listed = [_bit_list(row) for row in rows]  # each distinct set of zones decoded once
    candidates = sorted({z for zs in listed for z in zs})
    if len(candidates) > CAUSES_ALONE_MAX:
        for i, k in zip(lost_idx.tolist(), inverse.ravel().tolist()):
            causes[i] = listed[k] or list(active)
        return causes
    for z in candidates:
        check(canceled)
        failed_mask = np.zeros(len(graph.pieces), dtype=bool)
        failed_mask[graph.zone_pieces.get(z, [])] = True
        after = graph.matrix(~failed_mask[graph.edge_piece])
        alone = np.zeros(n, dtype=bool)
        on_route = ((bits[:, z // 64] >> np.uint64(z % 64)) & np.uint64(1)).astype(bool)
        for c in assessed:
            lost_here = r.lost[c] & on_route
            if not lost_here.any():
                continue
            d = _at(dijkstra(after, directed=False, indices=sources[c], min_only=True), graph.unit_node)
            alone |= lost_here & ~np.isfinite(d)
        for i in np.nonzero(alone)[0].tolist():
            causes[i].append(z)
    for i in np.nonzero(any_lost)[0].tolist():
        if not causes[i]:
            causes[i] = list(active)
    return causes


def _zones_on_routes(graph, r, assessed, sources) -> np.ndarray:
    """Per piece of people: the zones whose failed sections lie on its shortest route before scenario ``r`` to a
    category it loses, as bits (one row of 64-bit words per piece; zone z is bit z). The zones of each node's route
    are gathered up the shortest-path tree by pointer doubling (each step doubles the length of route every node has
    gathered): a few whole-array steps, however long the routes."""
    from scipy.sparse.csgraph import dijkstra

    n, nodes = len(graph.unit_node), graph.n_nodes
    n_zones = 1 + max((z for zs in graph.piece_zones for z in zs), default=0)
    words = (n_zones + 63) // 64
    out = np.zeros((n, words), dtype=np.uint64)
    failed_mask = np.zeros(len(graph.pieces), dtype=bool)
    failed_mask[r.failed] = True
    failed_edges = np.nonzero(failed_mask[graph.edge_piece])[0]
    if not len(failed_edges):
        return out
    # failed edges by their two ends (both ways), sorted, to find the tree's edges among them at once
    a, b = graph.a[failed_edges], graph.b[failed_edges]
    keys = np.r_[a * nodes + b, b * nodes + a]
    rows = np.r_[failed_edges, failed_edges]
    order = np.argsort(keys, kind="stable")
    keys, rows = keys[order], rows[order]
    before = graph.matrix()
    for c in assessed:
        lost = np.nonzero(r.lost[c] & (graph.unit_node >= 0))[0]
        if not len(lost):
            continue
        _d, pred, _src = dijkstra(before, directed=False, indices=sources[c], min_only=True, return_predecessors=True)
        up = np.where(pred >= 0, pred, nodes).astype(np.int64)  # the node above each (nodes: none, a row of zeros)
        bits = np.zeros((nodes + 1, words), dtype=np.uint64)
        child = np.nonzero(up < nodes)[0]
        key = child * nodes + up[child]
        at = np.searchsorted(keys, key)
        hit = np.nonzero((at < len(keys)) & (keys[np.minimum(at, len(keys) - 1)] == key))[0]
        for v, e in zip(child[hit].tolist(), rows[at[hit]].tolist()):
            for z in graph.piece_zones[graph.edge_piece[e]]:
                bits[v, z // 64] |= np.uint64(1) << np.uint64(z % 64)
        up = np.r_[up, nodes]
        while (up[:nodes] < nodes).any():  # pointer doubling: gather the bits of the route above, twice as far
            bits |= bits[up]
            up = up[up]
        out[lost] |= bits[graph.unit_node[lost]]
    return out


def _bit_list(row: np.ndarray) -> List[int]:
    """The zones (bit numbers) set in one row of 64-bit words."""
    return [64 * w + z for w in np.nonzero(row)[0].tolist() for z in range(64) if int(row[w]) >> z & 1]


@dataclass
class UnitAccess:
    """One scenario per unit, from its pieces of people (one piece for a point unit: the same as before).

    ``people``: the unit's people; ``on``: some of them join the network; per category code: ``d0`` / ``d1`` the
    people-weighted mean distance before (over the pieces that reached one) / after (over those that still do);
    ``ratio`` the detour of those that still do (Σ people × after / Σ people × before); ``lost`` True where every
    piece that reached one loses it; ``pop_cut`` the people who lose it and ``share_cut`` their share of the unit's
    people on the network. ``pop_cut_any``: people who lose at least one; ``causes``: the zones that cut them off;
    ``clusters_lost``: the clusters its pieces reached before and no longer reach."""

    people: np.ndarray
    on: np.ndarray
    d0: Dict[str, np.ndarray]
    d1: Dict[str, np.ndarray]
    ratio: Dict[str, np.ndarray]
    lost: Dict[str, np.ndarray]
    pop_cut: Dict[str, np.ndarray]
    share_cut: Dict[str, np.ndarray]
    pop_cut_any: np.ndarray
    causes: List[List[int]]
    clusters_lost: List[List[str]]
    assessed: Optional[np.ndarray] = None  # False: its people are unknown; its figures are NaN (not assessed)


def _unit_access(result: "CorridorFailure", r: ScenarioResult) -> UnitAccess:
    n = result.n_units
    unit = result.demand_unit
    people = result.demand_people
    weight = np.where(people > 0, people, 1e-9)  # a unit with nobody still gets its distances

    def per_unit(values, mask):
        return np.bincount(unit[mask], weights=values[mask], minlength=n)

    total = np.bincount(unit, weights=people, minlength=n)
    joined = result.graph.unit_node >= 0
    on = np.bincount(unit[joined], minlength=n) > 0
    total_on = np.bincount(unit[joined], weights=people[joined], minlength=n)  # the people assessed
    d0, d1, ratio, lost, pop_cut, share = {}, {}, {}, {}, {}, {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for c in result.categories:
            before, after = np.isfinite(r.d0[c]), np.isfinite(r.d1[c])
            wb, wa = per_unit(weight, before), per_unit(weight, before & after)
            d0[c] = np.where(wb > 0, per_unit(weight * np.nan_to_num(r.d0[c]), before) / wb, np.nan)
            d1[c] = np.where(wa > 0, per_unit(weight * np.nan_to_num(r.d1[c]), before & after) / wa, np.nan)
            base = per_unit(weight * np.nan_to_num(r.d0[c]), before & after)
            ratio[c] = np.where((wa > 0) & (base > 0), per_unit(weight * np.nan_to_num(r.d1[c]), before & after) / base, np.nan)
            lost[c] = (wb > 0) & (wa == 0)
            pop_cut[c] = per_unit(people, r.lost[c])
            share[c] = np.where(total_on > 0, pop_cut[c] / np.where(total_on > 0, total_on, 1), np.where(lost[c], 1.0, 0.0))
    any_lost = np.zeros(len(unit), dtype=bool)
    for c in result.categories:
        any_lost |= r.lost[c]
    causes: List[List[int]] = [[] for _ in range(n)]
    clusters_lost: List[List[str]] = [[] for _ in range(n)]
    for i in np.nonzero(any_lost)[0].tolist():
        for z in (r.causes or [[] for _ in unit])[i]:
            if z not in causes[unit[i]]:
                causes[unit[i]].append(z)
    lost_by_unit: Dict[int, set] = {}
    for i, gone in enumerate(r.clusters_lost):
        if gone:
            lost_by_unit.setdefault(int(unit[i]), set()).update(gone)
    for u, gone in lost_by_unit.items():
        clusters_lost[u] = sorted(gone, key=_natural)
    cut_any = per_unit(people, any_lost)
    known = result.unit_assessed
    if known is not None and not known.all():  # people unknown: not assessed, never "lost" or 0
        total = np.where(known, total, np.nan)
        cut_any = np.where(known, cut_any, np.nan)
        on = on & known
        for c in result.categories:
            d0[c], d1[c], ratio[c] = (np.where(known, v, np.nan) for v in (d0[c], d1[c], ratio[c]))
            lost[c] = lost[c] & known
            pop_cut[c], share[c] = np.where(known, pop_cut[c], np.nan), np.where(known, share[c], np.nan)
    return UnitAccess(total, on, d0, d1, ratio, lost, pop_cut, share, cut_any, causes, clusters_lost, known)


def _zones_and_scenarios(
    faults, fault_names, avoidance_distance, fault_mode, flood_zones, flood_classes, flood_min_class, damage, damage_width, names, notes
) -> Tuple[List[Zone], List[Scenario]]:
    """The failure zones (each fault's avoidance zone, the flood zones at or above the class, the damage widened)
    and the scenarios made of them: one, or one per fault with fault_mode "each"."""
    from .labels import class_rank

    zones: List[Zone] = []
    fault_zone_ids: List[int] = []
    zone_of_fault: Dict[int, int] = {}
    if faults is not None and len(faults):
        faults = np.asarray(faults, dtype=object)
        for i, line in enumerate(faults):
            if line is None or line.is_empty:
                continue
            label = str(fault_names[i]) if fault_names is not None and fault_names[i] not in (None, "") else f"#{i + 1}"
            zone_of_fault[i] = len(zones)
            fault_zone_ids.append(len(zones))
            zones.append(Zone(shapely.buffer(line, float(avoidance_distance), quad_segs=16), "fault", label))
    flood_ids: List[int] = []
    if flood_zones is not None and len(flood_zones):
        unread = set()
        for i, polygon in enumerate(flood_zones):
            if polygon is None or polygon.is_empty:
                continue
            given = flood_classes[i] if flood_classes is not None else None
            rank_ = class_rank(given) if given not in (None, "") else None
            if rank_ is None:
                if flood_classes is not None:
                    unread.add(str(given))
                rank_ = "1"  # the safe side: a class nobody can read fails
            if int(rank_) <= int(flood_min_class):
                flood_ids.append(len(zones))
                zones.append(Zone(polygon, "flood", rank_))
        if unread:
            template = QT_TRANSLATE_NOOP("Core", "{0}: classes {1} say none of 1/2/3, 高/中/低; those zones fail as the highest class.")
            notes.append(Note("warning", Message(template, names["flood"], ", ".join(sorted(unread)[:8]))))
    damage_ids: List[int] = []
    if damage is not None and len(damage):
        for i, geom in enumerate(damage):
            if geom is None or geom.is_empty:
                continue
            polygon = (
                geom
                if geom.geom_type in ("Polygon", "MultiPolygon") and damage_width <= 0
                else shapely.buffer(geom, max(damage_width, 0.5))
            )
            damage_ids.append(len(zones))
            zones.append(Zone(polygon, "damage", f"#{i + 1}"))

    scenarios: List[Scenario] = []
    others = flood_ids + damage_ids
    if fault_mode == "each" and fault_zone_ids:
        for z in fault_zone_ids:
            scenarios.append(Scenario(Message("{0}", zones[z].label), [z] + others))
    else:
        chosen = fault_zone_ids
        if isinstance(fault_mode, int) and not isinstance(fault_mode, bool):
            if fault_mode not in zone_of_fault:
                raise CorridorFailureError(
                    QT_TRANSLATE_NOOP("Core", "{0}: there is no fault number {1} with a geometry."), names["faults"], fault_mode + 1
                )
            chosen = [zone_of_fault[fault_mode]]
        parts: list = []
        if chosen:
            many = Message(QT_TRANSLATE_NOOP("Core", "{0} faults"), len(chosen))
            parts.append(", ".join(zones[z].label for z in chosen) if len(chosen) <= 3 else many)
        if flood_ids:
            parts.append(Message(QT_TRANSLATE_NOOP("Core", "flood class ≤ {0}"), flood_min_class))
        if damage_ids:
            parts.append(Message(QT_TRANSLATE_NOOP("Core", "damage ×{0}"), len(damage_ids)))
        if not parts:
            parts.append(Message(QT_TRANSLATE_NOOP("Core", "nothing fails")))
        scenarios.append(Scenario(Message(" + ".join(f"{{{k}}}" for k in range(len(parts))), *parts), chosen + others))
    return zones, scenarios


def _natural(label: str):
    """Sort key: cluster 2 before cluster 10."""
    return (0, float(label), "") if label.replace(".", "", 1).isdigit() else (1, 0.0, label)


def _at(dist: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    out = np.full(len(nodes), np.nan)
    ok = nodes >= 0
    out[ok] = dist[nodes[ok]]
    out[~np.isfinite(out)] = np.nan
    return out


def _cluster_pairs(units: np.ndarray, cluster_of: np.ndarray) -> List[Tuple[str, str]]:
    """Neighbouring clusters: their units touch (polygons, within 1 m) or are Delaunay neighbours (points)."""
    present = np.nonzero([c is not None and g is not None for c, g in zip(cluster_of, units)])[0]
    if len(present) < 2:
        return []
    geoms = units[present]
    polygonal = np.all(np.isin(shapely.get_type_id(geoms), [3, 6]))
    if polygonal:
        i, j = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=1.0)
    else:
        edges = shapely.get_parts(
            shapely.delaunay_triangles(shapely.multipoints(shapely.get_coordinates(shapely.centroid(geoms))), only_edges=True)
        )
        coords = shapely.get_coordinates(shapely.centroid(geoms))
        from scipy.spatial import cKDTree

        tree = cKDTree(coords)
        ends = shapely.get_coordinates(edges).reshape(-1, 2, 2)
        i = tree.query(ends[:, 0])[1]
        j = tree.query(ends[:, 1])[1]
    labels = cluster_of[present]
    out = set()
    for x, y in zip(labels[i].tolist(), labels[j].tolist()):
        if x != y:
            out.add((min(x, y), max(x, y)))
    return sorted(out)


def _run_scenario(
    graph, scenario, zones, assessed, sources, d0, comp0, population, cluster_of, hubs, pairs, base, canceled=None
) -> ScenarioResult:
    from scipy.sparse.csgraph import connected_components, dijkstra

    chosen = set(scenario.zones)
    if graph.zone_pieces is None:  # zone -> the pieces in it, built once for all scenarios
        graph.zone_pieces = {}
        for p, zs in enumerate(graph.piece_zones):
            for z in zs:
                graph.zone_pieces.setdefault(z, []).append(p)
    failed = np.array(sorted({p for z in chosen for p in graph.zone_pieces.get(z, ())}), dtype=np.int64)
    causes = [[z for z in graph.piece_zones[p] if z in chosen] for p in failed.tolist()]
    failed_mask = np.zeros(len(graph.pieces), dtype=bool)
    failed_mask[failed] = True
    keep = ~failed_mask[graph.edge_piece]
    after = graph.matrix(keep)
    d1 = {}
    for c in assessed:
        check(canceled)
        dist = dijkstra(after, directed=False, indices=sources[c], min_only=True)
        d1[c] = _at(dist, graph.unit_node) + graph.unit_link
    lost = {c: np.isfinite(d0[c]) & ~np.isfinite(d1[c]) for c in assessed}
    pop_cut = {c: float(population[lost[c]].sum()) for c in assessed}
    any_lost = np.zeros(len(graph.unit_node), dtype=bool)
    for c in assessed:
        any_lost |= lost[c]
    clusters_lost: List[List[str]] = [[] for _ in graph.unit_node]
    links = []
    if cluster_of is not None:
        check(canceled)
        _n1, comp1 = connected_components(after, directed=False)
        _clusters_cut_off(graph.unit_node, cluster_of, comp0, comp1, clusters_lost)
        if pairs and hubs:
            check(canceled)
            links = _cluster_links(graph, base, after, keep, hubs, pairs, canceled)
    length = float(shapely.length(graph.pieces[failed]).sum()) if len(failed) else 0.0
    return ScenarioResult(scenario, failed, causes, length, d0, d1, lost, pop_cut, float(population[any_lost].sum()), clusters_lost, links)


def _clusters_cut_off(unit_node, cluster_of, comp0, comp1, clusters_lost) -> None:
    """Per piece of people on the network, the other clusters it could reach before and cannot after (connected
    components ``comp0`` and ``comp1``), into ``clusters_lost``: worked out once per (component before, component
    after, own cluster), which hundreds of thousands of pieces share (a list shared by them, never changed)."""
    on = np.nonzero(unit_node >= 0)[0]
    if not len(on):
        return
    labels = sorted({c for c in cluster_of[on] if c is not None}, key=_natural)
    code_of = {c: k for k, c in enumerate(labels)}
    own = np.array([code_of.get(c, -1) for c in cluster_of[on].tolist()], dtype=np.int64)
    c0, c1 = comp0[unit_node[on]], comp1[unit_node[on]]
    member = own >= 0
    reach0: Dict[int, set] = {}
    reach1: Dict[int, set] = {}
    for comp, code in np.unique(np.c_[c0[member], own[member]], axis=0).tolist():
        reach0.setdefault(comp, set()).add(code)
    for comp, code in np.unique(np.c_[c1[member], own[member]], axis=0).tolist():
        reach1.setdefault(comp, set()).add(code)
    keys, group = np.unique(np.c_[c0, c1, own], axis=0, return_inverse=True)
    gone = [[labels[k] for k in sorted(reach0.get(a, set()) - reach1.get(b, set()) - {o})] for a, b, o in keys.tolist()]
    for u, g in zip(on.tolist(), group.ravel().tolist()):
        clusters_lost[u] = gone[g]


def _cluster_links(
    graph: Graph, base, after, keep, hubs: Dict[str, int], pairs: List[Tuple[str, str]], canceled=None
) -> List[Tuple[str, str, float, float]]:
    """The cluster links: the route between each pair of neighbouring clusters' hubs, before (``base``) and after
    (``after``: the edges of ``keep`` left) the failure: (cluster a, cluster b, metres before, metres after; inf: no
    route). The routes before are searched once for all scenarios; after, only from the hubs of a pair with a failed
    edge on one of its shortest routes (the others keep a route, and so its length)."""
    from scipy.sparse.csgraph import dijkstra

    labels = sorted(hubs)
    index = np.array([hubs[x] for x in labels], dtype=np.int64)
    at = {x: k for k, x in enumerate(labels)}
    wanted = [(at[x], at[y]) for x, y in pairs if x in at and y in at]
    key = (tuple(index.tolist()), tuple(wanted))  # the hubs and the pairs the searches were bounded for
    if graph.hub_routes is None or graph.hub_routes[0] != key:
        graph.hub_routes = (key, _hub_distances(graph, base, index, wanted, canceled))
    m0 = graph.hub_routes[1]
    lost = ~np.asarray(keep, dtype=bool)
    a, b, w = graph.a[lost], graph.b[lost], graph.w[lost]
    redo = set()
    for i, j in wanted:
        best = m0[i, index[j]]
        if np.isfinite(best) and len(a):
            # a failed edge on a shortest route from hub i to hub j, either way along it
            through = np.minimum(m0[i, a] + w + m0[j, b], m0[i, b] + w + m0[j, a])
            if (through <= best * (1 + 1e-9) + 1e-6).any():
                redo.add(i)
    redo = sorted(redo)
    m1 = dict(zip(redo, dijkstra(after, directed=False, indices=index[redo]))) if redo else {}
    links = []
    for i, j in wanted:
        before = float(m0[i, index[j]])
        links.append((labels[i], labels[j], before, float(m1[i][index[j]]) if i in m1 else before))
    return links


def _hub_distances(graph: Graph, base, index: np.ndarray, wanted: List[Tuple[int, int]], canceled=None) -> np.ndarray:
    """Distances from each hub (rows) to every node, exact up to the longest route of a pair of ``wanted`` that the
    hub is in (inf beyond it). A search from every hub at once tells each node its nearest hub: an edge between the
    areas of two hubs closes a route between them, whose length bounds their distance, and so the search from each
    hub (Beijing scale: 39 whole-network searches took 2.4 s)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra, shortest_path

    n_hubs = len(index)
    bound = np.full(n_hubs, -np.inf)
    if len(np.unique(index)) == n_hubs:
        dist, _pred, nearest = dijkstra(base, directed=False, indices=index, min_only=True, return_predecessors=True)
        hub_of = np.full(graph.n_nodes, -1, dtype=np.int64)
        hub_of[index] = np.arange(n_hubs)
        ha, hb = hub_of[np.maximum(nearest[graph.a], 0)], hub_of[np.maximum(nearest[graph.b], 0)]
        border = (nearest[graph.a] >= 0) & (nearest[graph.b] >= 0) & (ha != hb)
        lo, hi = np.minimum(ha[border], hb[border]), np.maximum(ha[border], hb[border])
        through = dist[graph.a[border]] + graph.w[border] + dist[graph.b[border]]
        closed = np.full((n_hubs, n_hubs), np.inf)
        np.minimum.at(closed, (lo, hi), through)
        closed = np.minimum(closed, closed.T)
        # hubs whose areas do not touch: the routes through the areas between them, joined (inf: not connected)
        ci, cj = np.nonzero(np.isfinite(closed))
        closed = shortest_path(csr_matrix((closed[ci, cj], (ci, cj)), shape=closed.shape), directed=False)
        for i, j in wanted:
            if np.isfinite(closed[i, j]):  # else not connected: no route, whatever the search
                bound[i] = max(bound[i], closed[i, j])
                bound[j] = max(bound[j], closed[i, j])
    else:
        bound[:] = np.inf
    rows = np.empty((n_hubs, graph.n_nodes))
    for k in range(n_hubs):
        check(canceled)
        if bound[k] == -np.inf:  # in no pair with a route between them
            rows[k] = np.inf
            rows[k, index[k]] = 0.0
        elif np.isfinite(bound[k]):
            rows[k] = dijkstra(base, directed=False, indices=int(index[k]), limit=bound[k] * (1 + 1e-9) + 1e-6)
        else:  # two hubs on one node
            rows[k] = dijkstra(base, directed=False, indices=int(index[k]))
    return rows


# ------------------------------------------------------------------------------------------------ the ranking
def _rank(graph: Graph, assessed, sources, before_full, population, on_net, bypass_search, canceled, progress) -> Critical:
    """Every section ranked: the people it cuts off on failing (on the bridge tree), the people whose shortest
    routes run along it, then the length of the way around it."""
    n_sec = len(graph.section_edges)
    is_bridge_edge = bridges(graph.n_nodes, graph.a, graph.b)
    sec_bridge = np.zeros(n_sec, dtype=bool)
    sec_bridge[graph.edge_section[is_bridge_edge]] = True
    progress(0.1)
    check(canceled)
    units = np.nonzero(on_net)[0]
    pop_cut, pop_cut_by, cut_codes, cut_units = _cut_offs(graph, is_bridge_edge, assessed, sources, population, units, canceled)
    _cut_in_between(graph, sec_bridge, assessed, before_full, population, units, pop_cut, pop_cut_by, cut_codes, cut_units, canceled)
    progress(0.4)
    check(canceled)
    pop_route = _route_loads(graph, assessed, before_full, population, units, canceled)
    progress(0.5)
    check(canceled)
    sec_length = np.array([graph.w[e].sum() for e in graph.section_edges])
    if graph.road_pieces is not None and graph.road_pieces < len(graph.pieces):  # facilities' links: not roads
        link = np.zeros(n_sec, dtype=bool)
        link[graph.edge_section[graph.edge_piece >= graph.road_pieces]] = True
        for s in np.nonzero(link)[0].tolist():
            pop_cut[s] = pop_route[s] = 0.0
            for c in assessed:
                pop_cut_by[c][s] = 0.0
            cut_codes[s], cut_units[s] = [], np.empty(0, dtype=np.int64)
        sec_bridge = sec_bridge & ~link
    todo = np.nonzero((pop_route > 0) & ~sec_bridge)[0]
    bypass = _bypasses(graph, todo, sec_length, bypass_search, canceled, progress)

    # ranking: people cut off, then people whose routes run along it, then the longest way around
    detour = np.where(np.isfinite(bypass), bypass - sec_length, np.where(pop_route > 0, np.inf, 0.0))
    order = np.lexsort((np.arange(n_sec), -detour, -pop_route, -pop_cut))
    rank = np.empty(n_sec, dtype=np.int64)
    rank[order] = np.arange(1, n_sec + 1)
    source, zones = _section_sources(graph)
    geometry = np.empty(n_sec, dtype=object)
    geometry[:] = _section_lines(graph)
    progress(1.0)
    return Critical(geometry, source, sec_length, sec_bridge, pop_cut, pop_cut_by, cut_codes, cut_units, pop_route, bypass, rank, zones)


def _cut_offs(graph: Graph, is_bridge_edge, assessed, sources, population, units, canceled=None):
    """Per section: the people cut off from a category when it fails, in all and by category, those categories,
    and the units cut off. Only bridges cut anyone off; on the bridge tree (the components left when the bridges
    are taken out, joined by the bridges), a bridge separates a subtree from the rest of its tree, and each side's
    facilities and people are subtree sums."""
    n_sec = len(graph.section_edges)
    pop_cut = np.zeros(n_sec)
    pop_cut_by = {c: np.zeros(n_sec) for c in assessed}
    cut_codes: List[List[str]] = [[] for _ in range(n_sec)]
    cut_units: List[np.ndarray] = [np.empty(0, dtype=np.int64) for _ in range(n_sec)]
    if is_bridge_edge.any():
        tree = _bridge_tree(graph, is_bridge_edge, assessed, sources, population, units)
        done = np.zeros(n_sec, dtype=bool)
        for t in range(len(tree.ba)):
            if t % 200 == 0:
                check(canceled)
            s = graph.edge_section[tree.bridge_ids[t]]
            if done[s]:  # a bridge section: every edge of it is a bridge
                continue
            done[s] = True
            _cut_off_by_section(graph, s, tree, assessed, pop_cut, pop_cut_by, cut_codes, cut_units)
    return pop_cut, pop_cut_by, cut_codes, cut_units


@dataclass
class _BridgeTree:
    """The bridge tree (a forest): ``comp``, per node, its component once the bridges are taken out; per bridge
    (tree edge), the components at its ends (``ba``, ``bb``) and its graph edge (``bridge_ids``; ``tree_of_edge``
    the other way, -1: not a bridge); per component, the tree edge to its parent (-1: a root), its root, its Euler
    interval (``tin``, ``tout``), its subtree's facilities per category and people (``sub_fac``, ``sub_pop``) and its
    tree's (``tot_fac``, ``tot_pop``); the units sorted by the Euler time of their component (``u_tin``,
    ``u_sorted``)."""

    comp: np.ndarray
    ba: np.ndarray
    bb: np.ndarray
    bridge_ids: np.ndarray
    tree_of_edge: np.ndarray
    parent_edge: list
    root_of: list
    tin: np.ndarray
    tout: np.ndarray
    sub_fac: np.ndarray
    sub_pop: np.ndarray
    tot_fac: np.ndarray
    tot_pop: np.ndarray
    u_tin: np.ndarray
    u_sorted: np.ndarray


def _bridge_tree(graph: Graph, is_bridge_edge, assessed, sources, population, units) -> _BridgeTree:
    """The bridge tree of ``graph`` with each subtree's facilities and people (see :class:`_BridgeTree`)."""
    from scipy.sparse.csgraph import connected_components

    keep = ~is_bridge_edge
    n_comp, comp = connected_components(graph.matrix(keep), directed=False)
    ba, bb = comp[graph.a[is_bridge_edge]], comp[graph.b[is_bridge_edge]]
    bridge_ids = np.nonzero(is_bridge_edge)[0]
    # the bridge tree (a forest): adjacency
    tree_ends = np.r_[ba, bb]
    tree_other = np.r_[bb, ba]
    tree_edge = np.r_[np.arange(len(ba)), np.arange(len(ba))]
    order = np.argsort(tree_ends, kind="stable")
    nbr, teid = tree_other[order].tolist(), tree_edge[order].tolist()
    ptr = np.searchsorted(tree_ends[order], np.arange(n_comp + 1)).tolist()
    # per component: facilities per category, population, units
    fac_count = np.zeros((n_comp, len(assessed)))
    for k, c in enumerate(assessed):
        np.add.at(fac_count[:, k], comp[sources[c]], 1)
    pop_comp = np.zeros(n_comp)
    np.add.at(pop_comp, comp[graph.unit_node[units]], population[units])
    # root each tree; subtree sums in post-order; Euler order for the units of a subtree
    parent_edge, tin, tout, root_of, post = _euler_tour(n_comp, ptr, nbr, teid)
    sub_fac = fac_count.copy()
    sub_pop = pop_comp.copy()
    for v in post:
        e = parent_edge[v]
        if e >= 0:
            p = ba[e] if bb[e] == v else bb[e]
            sub_fac[p] += sub_fac[v]
            sub_pop[p] += sub_pop[v]
    root_arr = np.array(root_of)
    # units in Euler order of their component
    unit_comp = comp[graph.unit_node[units]]
    tin_arr, tout_arr = np.array(tin), np.array(tout)
    u_order = np.argsort(tin_arr[unit_comp], kind="stable")
    tree_of_edge = np.full(len(graph.a), -1, dtype=np.int64)
    tree_of_edge[bridge_ids] = np.arange(len(ba))
    return _BridgeTree(
        comp,
        ba,
        bb,
        bridge_ids,
        tree_of_edge,
        parent_edge,
        root_of,
        tin_arr,
        tout_arr,
        sub_fac,
        sub_pop,
        sub_fac[root_arr],
        sub_pop[root_arr],
        tin_arr[unit_comp][u_order],
        units[u_order],
    )


def _cut_off_by_section(graph: Graph, s: int, bt: _BridgeTree, assessed, pop_cut, pop_cut_by, cut_codes, cut_units) -> None:
    """The people and units bridge section ``s`` cuts off when it fails, in all and by category, and the categories
    they lose (``pop_cut``, ``pop_cut_by``, ``cut_codes`` and ``cut_units`` updated in place)."""
    chain = graph.section_edges[s]
    t1, tk = int(bt.tree_of_edge[chain[0]]), int(bt.tree_of_edge[chain[-1]])
    c1 = bt.ba[t1] if bt.parent_edge[bt.ba[t1]] == t1 else bt.bb[t1]
    ck = bt.ba[tk] if bt.parent_edge[bt.ba[tk]] == tk else bt.bb[tk]
    # the section fails whole: the tree falls into the side of each end, and the nodes along it (people who join it
    # in between, each alone)
    e0, ek = (int(v) for v in graph.section_ends[s])
    root = bt.root_of[c1]
    lo_r, hi_r = np.searchsorted(bt.u_tin, [bt.tin[root], bt.tout[root]])
    everyone = bt.u_sorted[lo_r:hi_r]
    f_tot, p_tot = bt.tot_fac[c1], bt.tot_pop[c1]

    tree = (bt.tin, bt.tout, bt.u_tin, bt.u_sorted, bt.sub_fac, bt.sub_pop, f_tot, p_tot, everyone)
    f_low, p_low, n_low, below = _side(bt.comp[e0], c1, tree)
    f_rest, p_rest, n_rest, rest = _side(bt.comp[ek], ck, tree)
    p_mid = p_tot - p_low - p_rest
    reached = f_tot > 0
    lose_low = reached & (f_low == 0) & (n_low > 0)
    lose_rest = reached & (f_rest == 0) & (n_rest > 0)
    lose_mid = reached & (len(everyone) - n_low - n_rest > 0)  # alone on a failed road: no facility joins it in between
    if not (lose_low.any() or lose_rest.any() or lose_mid.any()):
        return

    def middle():
        return np.setdiff1d(everyone, np.union1d(below(), rest()))

    cut = []
    for lose, people, who in ((lose_low, p_low, below), (lose_mid, p_mid, middle), (lose_rest, p_rest, rest)):
        if lose.any():
            pop_cut[s] += people
            cut.append(who())
    for k, c in enumerate(assessed):
        pop_cut_by[c][s] += (p_low if lose_low[k] else 0.0) + (p_mid if lose_mid[k] else 0.0) + (p_rest if lose_rest[k] else 0.0)
    cut_codes[s] = [c for k, c in enumerate(assessed) if lose_low[k] or lose_mid[k] or lose_rest[k]]
    cut_units[s] = np.sort(np.concatenate(cut)) if cut else np.empty(0, dtype=np.int64)


def _side(end_comp, child, tree):
    """Facilities, people, the number of units and (a function giving) the units on the side of one end of a failed
    bridge section (the bridge tree's ``child`` below the section's edge at that end). The units of the side above
    are the tree's less the subtree's, which are among them: counted at once, listed only when asked for (a whole
    city's units, for every bridge, took seconds at Beijing scale)."""
    tin_arr, tout_arr, u_tin, u_sorted, sub_fac, sub_pop, f_tot, p_tot, everyone = tree
    lo, hi = (int(v) for v in np.searchsorted(u_tin, [tin_arr[child], tout_arr[child]]))
    if child == end_comp:  # the end hangs below the section
        return sub_fac[child], sub_pop[child], hi - lo, lambda: u_sorted[lo:hi]
    return f_tot - sub_fac[child], p_tot - sub_pop[child], len(everyone) - (hi - lo), lambda: np.setdiff1d(everyone, u_sorted[lo:hi])


def _cut_in_between(
    graph: Graph, sec_bridge, assessed, before_full, population, units, pop_cut, pop_cut_by, cut_codes, cut_units, canceled=None
):
    """People who join a section between its ends are cut off from every category they reach when it fails as a
    whole, also where the section is not a bridge (a road on a loop); bridge sections count them in _cut_offs."""
    at_node: Dict[int, List[int]] = {}
    for u in units.tolist():
        at_node.setdefault(int(graph.unit_node[u]), []).append(u)
    a, b = graph.a, graph.b
    for s, chain in enumerate(graph.section_edges):
        if s % 5000 == 0:
            check(canceled)
        if sec_bridge[s] or len(chain) < 2:
            continue
        # the nodes the section passes through: the one each edge shares with the next (not its ends: a loop road
        # leaves and rejoins one junction, whose people keep their other roads)
        ends = set(graph.section_ends[s].tolist())
        inner = set()
        for e1, e2 in zip(chain[:-1].tolist(), chain[1:].tolist()):
            inner |= ({int(a[e1]), int(b[e1])} & {int(a[e2]), int(b[e2])}) - ends
        who = [u for v in inner for u in at_node.get(v, ())]
        if not who:
            continue
        who = np.array(sorted(who), dtype=np.int64)
        lost_codes = []
        for c in assessed:
            reached = who[np.isfinite(before_full[c][0][graph.unit_node[who]])]
            if len(reached):
                pop_cut_by[c][s] += float(population[reached].sum())
                lost_codes.append(c)
        reached_any = who[np.isfinite(np.min([before_full[c][0][graph.unit_node[who]] for c in assessed], axis=0))]
        if len(reached_any):
            pop_cut[s] += float(population[reached_any].sum())
            cut_codes[s] = lost_codes
            cut_units[s] = np.union1d(cut_units[s], reached_any)


def _euler_tour(n_comp, ptr, nbr, teid):
    """Each tree of the bridge forest rooted at its lowest component: every component's parent edge, entry and exit
    times (a subtree's components enter between its root's two), root, and the components in post-order."""
    parent_edge = [-1] * n_comp
    seen = [False] * n_comp
    tin = [0] * n_comp
    tout = [0] * n_comp
    root_of = [0] * n_comp
    post = []
    clock = 0
    for root in range(n_comp):
        if seen[root]:
            continue
        seen[root] = True
        stack = [(root, ptr[root])]
        tin[root] = clock
        clock += 1
        root_of[root] = root
        while stack:
            v, k = stack[-1]
            if k < ptr[v + 1]:
                stack[-1] = (v, k + 1)
                u = nbr[k]
                if not seen[u]:
                    seen[u] = True
                    parent_edge[u] = teid[k]
                    root_of[u] = root
                    tin[u] = clock
                    clock += 1
                    stack.append((u, ptr[u]))
            else:
                stack.pop()
                tout[v] = clock
                post.append(v)
    return parent_edge, tin, tout, root_of, post


def _route_loads(graph: Graph, assessed, before_full, population, units, canceled=None) -> np.ndarray:
    """Per section: the people whose shortest route to a facility of some category runs along it (each counted once).
    A route is walked edge by edge, and a section is noted when the route enters it (not at every edge of it)."""
    n_sec = len(graph.section_edges)
    key = np.minimum(graph.a, graph.b) * graph.n_nodes + np.maximum(graph.a, graph.b)
    key_order = np.argsort(key)
    key_sorted = key[key_order]
    pairs_u, pairs_s = [], []
    for c in assessed:
        dist, pred = before_full[c]
        start = graph.unit_node[units]
        reach = np.isfinite(dist[start])
        who, cur = units[reach], start[reach]
        last = np.full(len(who), -1, dtype=np.int64)  # the section each route was last noted on
        steps = 0
        while len(cur):
            steps += 1
            if steps % 64 == 0:
                check(canceled)
            nxt = pred[cur]
            go = nxt >= 0
            who, cur, nxt, last = who[go], cur[go], nxt[go], last[go]
            if not len(cur):
                break
            k = np.minimum(cur, nxt) * graph.n_nodes + np.maximum(cur, nxt)
            sec = graph.edge_section[key_order[np.searchsorted(key_sorted, k)]]
            new = sec != last
            pairs_u.append(who[new])
            pairs_s.append(sec[new])
            last = sec
            cur = nxt
    pop_route = np.zeros(n_sec)
    if pairs_u:
        pu, ps = np.concatenate(pairs_u), np.concatenate(pairs_s)
        both = interruptible(lambda: np.unique(ps * (len(population) + 1) + pu), canceled)  # a sort of millions
        ps, pu = both // (len(population) + 1), both % (len(population) + 1)
        np.add.at(pop_route, ps, population[pu])
    return pop_route


BYPASS_TILE = 1000.0  # metres: sections are searched around in groups whose first ends share a square this wide


def _bypasses(graph: Graph, todo, sec_length, bypass_search, canceled, progress, tile=BYPASS_TILE) -> np.ndarray:
    """The shortest way around each section of ``todo`` (NaN where there is none within the search distance).

    Each search is bounded (4 times the section's length, at least 1 km, at most ``bypass_search``), so it only
    ever reaches nodes within that distance as the crow flies (no edge is shorter than the straight line between its
    nodes). The sections are searched in groups whose first ends share a ``tile``-wide square, each group on the
    subgraph of the nodes within its widest bound of the square: the same distances as on the whole network, at the
    cost of the neighbourhood instead of the whole city for each search (Beijing scale: 47,828 searches over
    200,000 nodes each took 57 s). A section with no way around within its first bound is searched further on the
    whole network."""
    n_sec = len(graph.section_edges)
    bypass = np.full(n_sec, np.nan)
    if not len(todo):
        return bypass
    matrix = graph.matrix().tocsr()
    matrix.sort_indices()
    first_edge = np.array([int(graph.section_edges[s][0]) for s in todo.tolist()], dtype=np.int64)
    ends = graph.section_ends[todo].astype(np.int64)
    limit = np.minimum(bypass_search, np.maximum(4.0 * sec_length[todo], 1000.0))
    xy, slack = _node_xy(graph)
    local = xy is not None
    groups = np.zeros(len(todo), dtype=np.int64)
    if local:
        cell = np.floor(xy[ends[:, 0]] / tile).astype(np.int64)
        band = np.ceil(limit / tile).astype(np.int64)  # sections of a like bound share a group
        groups = np.unique(np.c_[cell, band], axis=0, return_inverse=True)[1].ravel()
        by_x = np.argsort(xy[:, 0], kind="stable")  # nodes by x, to take a group's box from a band of them
        x_sorted = xy[by_x, 0]
    where = np.full(graph.n_nodes, -1, dtype=np.int64)
    order = np.argsort(groups, kind="stable")
    starts = np.r_[0, np.nonzero(np.diff(groups[order]))[0] + 1, len(order)]
    further = []
    done = 0
    for g0, g1 in zip(starts[:-1].tolist(), starts[1:].tolist()):
        check(canceled)
        progress(0.5 + 0.5 * done / len(todo))
        members = order[g0:g1]
        done += len(members)
        if local:
            lo = xy[ends[members, 0]].min(axis=0) - limit[members].max() - slack - 1.0
            hi = xy[ends[members, 0]].max(axis=0) + limit[members].max() + slack + 1.0
            band_nodes = by_x[np.searchsorted(x_sorted, lo[0], "left") : np.searchsorted(x_sorted, hi[0], "right")]
            y = xy[band_nodes, 1]
            nodes = np.sort(band_nodes[(y >= lo[1]) & (y <= hi[1])])
            sub = _subgraph(matrix, nodes, where)
        else:
            nodes, sub, where = None, matrix, np.arange(graph.n_nodes)
        for k in members.tolist():
            e = int(first_edge[k])
            far = where[ends[k, 1]]
            # the far end outside the box lies beyond the bound: no way around within it (a section longer than
            # the bound); a first edge with a node outside the box is not in the subgraph: nothing to take out
            d = np.inf if far < 0 else _around(sub, where[graph.a[e]], where[graph.b[e]], where[ends[k, 0]], far, limit[k])
            if np.isfinite(d):
                bypass[todo[k]] = d
            elif limit[k] < bypass_search and ends[k, 0] != ends[k, 1]:
                further.append(k)
        if nodes is not None:
            where[nodes] = -1
    for n, k in enumerate(further):  # no way around within the first bound: wider, on the whole network
        if n % 50 == 0:
            check(canceled)
        e, wider = int(first_edge[k]), float(limit[k])
        while wider < bypass_search:
            wider = min(bypass_search, wider * 4)
            d = _around(matrix, graph.a[e], graph.b[e], ends[k, 0], ends[k, 1], wider)
            if np.isfinite(d):
                bypass[todo[k]] = d
                break
    return bypass


def _around(matrix, x, y, s0, s1, limit) -> float:
    """The shortest distance from ``s0`` to ``s1`` within ``limit`` on ``matrix`` (CSR, sorted indices) without its
    edge ``x``–``y``; inf when there is none. A section that leaves and rejoins one node (a loop road) needs no way
    around: inf."""
    from scipy.sparse.csgraph import dijkstra

    if s0 == s1:
        return np.inf
    if x < 0 or y < 0:  # the edge is not in this (sub)graph
        return float(dijkstra(matrix, directed=True, indices=int(s0), limit=limit)[int(s1)])
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    i1 = indptr[x] + int(np.searchsorted(indices[indptr[x] : indptr[x + 1]], y))
    i2 = indptr[y] + int(np.searchsorted(indices[indptr[y] : indptr[y + 1]], x))
    saved = data[i1]
    data[i1] = data[i2] = np.inf
    try:
        return float(dijkstra(matrix, directed=True, indices=int(s0), limit=limit)[int(s1)])
    finally:
        data[i1] = data[i2] = saved


def _subgraph(matrix, nodes: np.ndarray, where: np.ndarray):
    """The CSR matrix of the edges between ``nodes`` (sorted indices), with ``where`` (-1 for every node) set to
    where each of ``nodes`` lies in it: the caller sets them back to -1."""
    from scipy.sparse import csr_matrix

    where[nodes] = np.arange(len(nodes))
    starts, counts = matrix.indptr[nodes], np.diff(matrix.indptr)[nodes]
    total = int(counts.sum())
    # the positions of the nodes' rows in indices/data, row after row
    at = np.repeat(starts - np.r_[0, np.cumsum(counts)[:-1]], counts) + np.arange(total)
    cols = where[matrix.indices[at]]
    inside = cols >= 0
    row = np.repeat(np.arange(len(nodes)), counts)[inside]
    indptr = np.r_[0, np.cumsum(np.bincount(row, minlength=len(nodes)))]
    # the nodes are sorted, so their new numbers keep each row's columns in the order they had: sorted
    sub = csr_matrix((matrix.data[at][inside], cols[inside], indptr), shape=(len(nodes), len(nodes)))
    sub.has_sorted_indices = True
    return sub


def _node_xy(graph: Graph) -> Tuple[Optional[np.ndarray], float]:
    """Each node's position, from where its edges start and end along their pieces, and the slack: how much the
    straight lines between the nodes of all edges exceed the edges' lengths, summed (ends joined within the node
    tolerance leave an edge up to a few millimetres shorter than its chord). A route of length L then ends within
    L + slack of its start as the crow flies. (None, inf) where a position cannot be found."""
    xy = np.full((graph.n_nodes, 2), np.nan)
    lines = graph.pieces[graph.edge_piece]
    start = shapely.get_coordinates(shapely.line_interpolate_point(lines, graph.edge_at))
    end = shapely.get_coordinates(shapely.line_interpolate_point(lines, graph.edge_at + graph.w))
    if len(start) != len(graph.a) or len(end) != len(graph.a):
        return None, np.inf
    xy[graph.a] = start
    xy[graph.b] = end
    chord = np.hypot(*(xy[graph.a] - xy[graph.b]).T)
    if np.isnan(xy).any():
        return None, np.inf
    return xy, float(np.maximum(chord - graph.w, 0.0).sum())


def _section_sources(graph: Graph):
    """Per section: the source road it lies on (the one that covers most of it; on a tie, the lowest-numbered) and
    the zones it runs through."""
    n_sec = len(graph.section_edges)
    sec = graph.edge_section
    src = np.asarray(graph.piece_source[graph.edge_piece], dtype=np.int64)
    # metres of each (section, source road); per section the pair with the most, the lowest road on a tie
    pairs, inverse = np.unique(np.c_[sec, src], axis=0, return_inverse=True)
    metres = np.bincount(inverse.ravel(), weights=graph.w)
    best = np.lexsort((pairs[:, 1], -metres, pairs[:, 0]))
    first = best[np.r_[True, pairs[best, 0][1:] != pairs[best, 0][:-1]]]
    source = np.full(n_sec, -1, dtype=np.int64)
    source[pairs[first, 0]] = pairs[first, 1]
    # zones: (piece, zone) pairs, then (section, zone) through the edges
    counts = np.fromiter((len(z) for z in graph.piece_zones), dtype=np.int64, count=len(graph.piece_zones))
    zones: List[List[int]] = [[] for _ in range(n_sec)]
    if counts.sum():
        zone_of = np.fromiter((z for zs in graph.piece_zones for z in zs), dtype=np.int64, count=int(counts.sum()))
        start = np.r_[0, np.cumsum(counts)]
        in_zone = np.nonzero(counts[graph.edge_piece] > 0)[0]
        reps = counts[graph.edge_piece[in_zone]]
        edge_rep = np.repeat(in_zone, reps)
        offset = np.arange(len(edge_rep)) - np.repeat(np.cumsum(reps) - reps, reps)
        sz = np.unique(np.c_[sec[edge_rep], zone_of[start[graph.edge_piece[edge_rep]] + offset]], axis=0)
        for s_, z in sz.tolist():
            zones[s_].append(z)
    return source, zones


def _section_lines(graph: Graph) -> List[object]:
    """Each section's line: the stretches of its pieces that its edges cover, merged."""
    lines = graph.pieces[graph.edge_piece]
    whole = (graph.edge_at <= 1e-9) & (np.abs(graph.w - shapely.length(lines)) <= 1e-6)
    stretch = lines.copy()
    part = np.nonzero(~whole)[0]
    stretch[part] = substrings(lines[part], graph.edge_at[part], graph.edge_at[part] + graph.w[part])
    out = []
    for edges in graph.section_edges:
        out.append(shapely.line_merge(shapely.union_all(stretch[edges])) if len(edges) > 1 else stretch[edges[0]])
    return out
