"""A walking network as a graph, built once, searched per start point within a distance.

Edges are the network's line features (multi-part lines are split into parts); nodes are
their end points, merged when they lie within ``node_tolerance`` of each other. Intermediate
vertices are not nodes: lines meet only at their ends (:func:`noding_report` checks this,
and :meth:`WalkingNetwork.from_lines` can node the lines first).

A start point connects to the network at its nearest point (all nearest points on a tie)
within a snapping tolerance. Walking distance is measured along the network from that
point; the straight connector from the start to the network is not counted (as in QGIS's
native service area). :meth:`WalkingNetwork.catchment` returns every part of every edge
reachable within the distance, partly reached edges cut at the exact point.
"""

from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import LineString

from .geometry import NearestLines
from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note

try:  # scipy is only needed for network search
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra
except ImportError:  # pragma: no cover - reported by require_scipy()
    coo_matrix = dijkstra = None

# Memory for one batch of bounded searches (rows x nodes x 8 bytes).
BATCH_BYTES = 64 * 1024 * 1024


class NetworkError(CoreError):
    """The network cannot be used (empty, no lines ...)."""


def require_scipy() -> None:
    if dijkstra is None:
        raise NetworkError(
            QT_TRANSLATE_NOOP(
                "Core",
                "Searching along a network needs scipy, which is not installed. "
                "Install it (Debian/Ubuntu: sudo apt install python3-scipy; OSGeo4W Shell: python -m pip install scipy), "
                "or leave the network empty for straight-line circles.",
            )
        )


def explode_lines(geoms: Sequence) -> Tuple[np.ndarray, np.ndarray]:
    """LineString parts of ``geoms`` (skipping empty and non-line parts) and each part's source index."""
    geoms = np.asarray(geoms, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    parts, index = shapely.get_parts(geoms[ok], return_index=True)
    source = np.nonzero(ok)[0][index]
    keep = shapely.get_type_id(parts) == 1  # LineString
    parts, source = parts[keep], source[keep]
    keep = shapely.length(parts) > 0
    return parts[keep], source[keep]


def noding_report(lines: np.ndarray) -> int:
    """How many more segments the lines would have once noded (0 for a noded network)."""
    if len(lines) == 0:
        return 0
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(lines)))
    return max(0, len(noded) - len(lines))


@dataclass
class Catchment:
    """The reached part of the network from one start point: the reached stretch of each edge, as the edge's index
    and the metres from its start where the stretch begins and ends. Its ``pieces`` (LineStrings) are cut from the
    network when asked for, so that thousands of catchments never hold their lines all at once."""

    snap_distance: float
    reached_length: float
    edges: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    network: "WalkingNetwork" = field(repr=False, compare=False, default=None)

    @property
    def pieces(self) -> np.ndarray:
        """LineStrings (an object array): the full and the partly reached edges."""
        return self.network._pieces(self.edges, self.lo, self.hi)

    def polygon(self, half_width: float, quad_segs: int = 4):
        """The reached lines buffered by ``half_width``.

        Built face by face: inside a block enclosed by reached streets (a face of the reached network)
        the nearest street lies on that block's boundary, so the buffer there is the block minus the
        block shrunk by the half-width. Hence buffer(R) = (union of faces buffered) - (faces shrunk)
        plus the buffer of the edges that bound no face. The faces form a coverage, whose union is
        cheap; only the remaining edges need a cascaded union. Same polygon as buffering every piece
        (tested), several times faster on street grids.
        """
        pieces = self.pieces
        if len(pieces) == 0:
            return None
        return buffer_network(np.asarray(pieces, dtype=object), half_width, quad_segs)


def buffer_network(pieces: np.ndarray, half_width: float, quad_segs: int = 4):
    """Buffer of noded network pieces, built from the faces they enclose (see :meth:`Catchment.polygon`)."""
    polys, cuts, dangles, invalid = shapely.polygonize_full(pieces)
    faces = shapely.get_parts(polys)
    rest = np.concatenate([shapely.get_parts(cuts), shapely.get_parts(dangles), shapely.get_parts(invalid)])

    def faces_part():
        if not len(faces):
            return None
        region = shapely.coverage_union_all(faces)
        core = shapely.buffer(region, half_width, quad_segs=quad_segs)
        # a face no wider or taller than two half-widths shrinks to nothing: only the others are shrunk
        box = shapely.bounds(faces)
        wide = ((box[:, 2] - box[:, 0]) > 2 * half_width) & ((box[:, 3] - box[:, 1]) > 2 * half_width)
        shrunk = shapely.buffer(faces[wide], -half_width, quad_segs=quad_segs)
        shrunk = shrunk[~shapely.is_empty(shrunk)]
        if len(shrunk):
            # the shrunk faces lie at least two half-widths apart (each at least one inside its own face of a
            # coverage): they make a valid MultiPolygon as they are, without a union (most of the time it took)
            core = shapely.difference(core, shapely.multipolygons(shapely.get_parts(shrunk)))
        return core

    def rest_part():
        if not len(rest):
            return None
        # one buffer of them all: GEOS unions the offset curves once, about twice as fast as buffering each piece
        # and unioning the buffers (the same area: the buffer of a union is the union of the buffers)
        return shapely.buffer(shapely.multilinestrings(rest), half_width, quad_segs=quad_segs)

    # one after the other, not on two threads: a city's whole network on two threads at once took 60 % more memory
    # for a quarter less time
    parts = [p for p in (faces_part(), rest_part()) if p is not None]
    # two parts: a binary union, about twice as fast as union_all's cascade for the same area
    if len(parts) == 2:
        return shapely.union(parts[0], parts[1])
    return parts[0] if parts else shapely.union_all(parts)


def catchment_polygons(catchments, half_width: float, progress=None, canceled=None, workers: Optional[int] = None):
    """Polygons of many catchments, built on several threads (shapely releases the GIL)."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    out = [None] * len(catchments)
    todo = [i for i, c in enumerate(catchments) if c is not None]
    workers = workers or max(1, min(8, os.cpu_count() or 1))
    chunk = max(1, min(16, -(-len(todo) // (8 * workers))))  # at least 8 chunks a worker: the threads end together

    def build(indices):
        return [(i, catchments[i].polygon(half_width)) for i in indices]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build, todo[k : k + chunk]) for k in range(0, len(todo), chunk)]
        for n, done in enumerate(_in_order(futures, canceled)):
            for i, poly in done:
                out[i] = poly
            if progress:
                progress((n + 1) / len(futures))
    return out


def _in_order(futures, canceled):
    """Each future's result in turn, waited for in tenths of a second so that ``canceled()`` is heard. On cancel the
    futures not yet started are dropped and the iteration ends early."""
    from concurrent.futures import TimeoutError

    for future in futures:
        while True:
            if canceled and canceled():
                for f in futures:
                    f.cancel()
                return
            try:
                result = future.result(timeout=0.1)
                break
            except TimeoutError:
                continue
        yield result


def end_nodes(lines: np.ndarray, tolerance: float = 0.001, ends=None) -> Tuple[np.ndarray, np.ndarray, int]:
    """Each line's start and end node, ends closer than ``tolerance`` being one node, and the number of nodes.
    ``ends``: the lines' first and last vertices (two n x 2 arrays) where the caller has them already."""
    if ends is None:
        ends = line_ends(lines)
    keys = np.round(np.vstack(ends) / tolerance).astype(np.int64)
    inverse = _row_ids(keys)
    n = len(lines)
    return inverse[:n], inverse[n:], int(inverse.max()) + 1 if len(inverse) else 0


def line_ends(lines: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """The first and last vertex of each line (two n x 2 arrays)."""
    return shapely.get_coordinates(shapely.get_point(lines, 0)), shapely.get_coordinates(shapely.get_point(lines, -1))


def _row_ids(keys: np.ndarray) -> np.ndarray:
    """For each row of an n x 2 integer array, the rank of its value among the distinct rows in sorted order (what
    ``np.unique(keys, axis=0, return_inverse=True)`` gives), by one sort of a single integer key where the ranges
    allow it (several times faster)."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    lo = keys.min(axis=0)
    span = keys.max(axis=0) - lo + 1
    if span[0] > 0 and span[1] > 0 and span[0] < 2**62 // span[1]:
        _uniq, inverse = np.unique((keys[:, 0] - lo[0]) * span[1] + (keys[:, 1] - lo[1]), return_inverse=True)
    else:
        _uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    return inverse.ravel().astype(np.int64)


class WalkingNetwork:
    def __init__(self, lines: np.ndarray, node_tolerance: float = 0.001):
        require_scipy()
        lines = np.asarray(lines, dtype=object)
        if len(lines) == 0:
            raise NetworkError(QT_TRANSLATE_NOOP("Core", "the network has no line with a length"))
        self.lines = lines
        self.length = shapely.length(lines)
        # each edge's first and last vertex: for the nodes, and a two-point edge's partial pieces are built from them
        self._first, self._last = line_ends(lines)
        self.u, self.v, self.n_nodes = end_nodes(lines, node_tolerance, (self._first, self._last))
        n = len(lines)
        # undirected graph; parallel edges keep their shortest length, loops are left out
        a, b = np.minimum(self.u, self.v), np.maximum(self.u, self.v)
        w = np.maximum(self.length, 1e-9)
        keep = a != b
        a, b, w = a[keep], b[keep], w[keep]
        order = np.lexsort((w, b, a))
        a, b, w = a[order], b[order], w[order]
        first = np.ones(len(a), dtype=bool)
        first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
        a, b, w = a[first], b[first], w[first]
        self.graph = coo_matrix((w, (a, b)), shape=(self.n_nodes, self.n_nodes)).tocsr()
        # node -> incident edges
        ends_of = np.concatenate([self.u, self.v])
        edge_of = np.concatenate([np.arange(n), np.arange(n)])
        order = np.argsort(ends_of, kind="stable")
        self._inc_edges = edge_of[order]
        self._inc_ptr = np.searchsorted(ends_of[order], np.arange(self.n_nodes + 1))
        self._inc_count = np.diff(self._inc_ptr)
        self.tree = shapely.STRtree(lines)
        self.nearest = NearestLines(lines, self.tree)
        self._two_point = shapely.get_num_coordinates(lines) == 2

    @classmethod
    def from_lines(cls, geoms: Sequence, node: bool = True, node_tolerance: float = 0.001):
        """Build from any line geometries; returns (network, report dict)."""
        lines, _src = explode_lines(geoms)
        report = {"parts": len(lines), "added_by_noding": 0}
        if node and len(lines):
            extra = noding_report(lines)
            if extra:
                noded = shapely.get_parts(shapely.node(shapely.multilinestrings(lines)))
                lines = noded[shapely.length(noded) > 0]
                report["added_by_noding"] = extra
        return cls(lines, node_tolerance), report

    # ---------------------------------------------------------------- snapping
    def snap(self, points: np.ndarray, tolerance: float):
        """Nearest network point(s) of each point within ``tolerance``.

        Returns (point index, edge index, position along the edge from its start, distance), ties included.
        """
        points = np.asarray(points, dtype=object)
        if len(points) == 0:
            return (np.empty(0, int),) * 2 + (np.empty(0),) * 2
        (pi, ei), dist = self.nearest.query(points, tolerance)
        pos = shapely.line_locate_point(self.lines[ei], points[pi])
        return pi, ei, pos, dist

    def point_distances(
        self,
        sources: np.ndarray,
        targets: np.ndarray,
        limit: float,
        tolerance: float,
        progress: Optional[Callable[[float], None]] = None,
        canceled: Optional[Callable[[], bool]] = None,
    ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Walking distance along the network from each source point to each target point, where it is at most
        ``limit`` metres: (source index, target index, distance) of every such pair.

        Each point joins the network at its nearest point(s) within ``tolerance`` (all of them on a tie), as the
        life circles do, and the distance is measured along the network between those points; a point with no
        network within the tolerance is in no pair."""
        from scipy.sparse.csgraph import dijkstra

        si, se, spos, _sd = self.snap(np.asarray(sources, dtype=object), tolerance)
        ti, te, tpos, _td = self.snap(np.asarray(targets, dtype=object), tolerance)
        empty = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0))
        if len(si) == 0 or len(ti) == 0:
            return empty
        t_nodes, t_inv = np.unique(np.concatenate([self.u[te], self.v[te]]), return_inverse=True)
        tu, tv = t_inv[: len(te)], t_inv[len(te) :]
        t_rest = self.length[te] - tpos
        by_edge = np.argsort(te, kind="stable")  # target ties by edge, for targets on a source's own edge
        te_sorted = te[by_edge]
        order = np.argsort(si, kind="stable")
        si, se, spos = si[order], se[order], spos[order]
        starts = np.r_[0, np.nonzero(np.diff(si))[0] + 1, len(si)]
        rows_per_batch = max(1, int(BATCH_BYTES // (8 * self.n_nodes)))
        out_s, out_t, out_d = [], [], []
        k = 0
        n_sources = len(starts) - 1
        while k < n_sources:
            if canceled is not None and canceled():
                break
            nodes = {}
            first = k
            while k < n_sources and len(nodes) < rows_per_batch:
                for e in se[starts[k] : starts[k + 1]]:
                    nodes.setdefault(int(self.u[e]), len(nodes))
                    nodes.setdefault(int(self.v[e]), len(nodes))
                k += 1
            index = np.fromiter(nodes.keys(), dtype=np.int64, count=len(nodes))
            matrix = dijkstra(self.graph, directed=False, indices=index, limit=limit)[:, t_nodes]
            for s in range(first, k):
                lo, hi = starts[s], starts[s + 1]
                at_nodes = np.full(len(t_nodes), np.inf)
                for e, pos in zip(se[lo:hi], spos[lo:hi]):
                    at_nodes = np.minimum(at_nodes, pos + matrix[nodes[int(self.u[e])]])
                    at_nodes = np.minimum(at_nodes, (self.length[e] - pos) + matrix[nodes[int(self.v[e])]])
                d = np.minimum(at_nodes[tu] + tpos, at_nodes[tv] + t_rest)
                for e, pos in zip(se[lo:hi], spos[lo:hi]):  # along the shared edge itself
                    a, b = np.searchsorted(te_sorted, [e, e + 1])
                    same = by_edge[a:b]
                    d[same] = np.minimum(d[same], np.abs(tpos[same] - pos))
                near = np.nonzero(d <= limit)[0]
                if len(near):
                    # per target, its best tie
                    tgt, best = ti[near], d[near]
                    o = np.lexsort((best, tgt))
                    tgt, best = tgt[o], best[o]
                    keep = np.r_[True, tgt[1:] != tgt[:-1]]
                    out_s.append(np.full(int(keep.sum()), si[lo], dtype=np.int64))
                    out_t.append(tgt[keep])
                    out_d.append(best[keep])
            if progress is not None:
                progress(k / n_sources)
        if not out_s:
            return empty
        return np.concatenate(out_s), np.concatenate(out_t), np.concatenate(out_d)

    # ---------------------------------------------------------------- search
    def catchments(
        self,
        starts: Sequence[Sequence[Tuple[int, float]]],
        distance: float,
        snap_distances: Sequence[float],
        progress: Optional[Callable[[float], None]] = None,
        canceled: Optional[Callable[[], bool]] = None,
    ) -> List[Optional[Catchment]]:
        """One catchment per start; a start is a list of (edge, position) tie points (empty: unreachable).

        Each start is a node of its own, joined one way to the ends of its tie edges by the distance along them, so
        that one bounded search per start gives its distances (not one per end of each tie edge, combined after)."""
        out: List[Optional[Catchment]] = [None] * len(starts)
        todo = [i for i, s in enumerate(starts) if s]
        graph = self._with_starts([starts[k] for k in todo])
        rows_per_batch = max(1, int(BATCH_BYTES // (8 * graph.shape[0])))
        n = self.n_nodes
        for first in range(0, len(todo), rows_per_batch):
            if canceled and canceled():
                break
            batch = todo[first : first + rows_per_batch]
            rows = dijkstra(graph, directed=True, indices=np.arange(first, first + len(batch)) + n, limit=distance)
            for row, k in enumerate(batch):
                if canceled and canceled():
                    break
                out[k] = self._reached(rows[row, :n], distance, starts[k], snap_distances[k])
                if progress and (first + row + 1) % 16 == 0:
                    progress((first + row + 1) / len(todo))
        if progress:
            progress(1.0)
        return out

    def _with_starts(self, starts) -> "object":
        """The graph both ways, with a node for each start after the network's nodes (in order), joined one way to
        both ends of each of its tie edges (the shorter of two joins to one node); a compressed sparse row matrix."""
        graph = self.graph.tocoo()
        owner = np.repeat(np.arange(len(starts)), [len(s) for s in starts]) + self.n_nodes
        ties = [t for s in starts for t in s]
        edge = np.fromiter((e for e, _pos in ties), dtype=np.int64, count=len(ties))
        pos = np.fromiter((p for _e, p in ties), dtype=float, count=len(ties))
        a = np.concatenate([graph.row, graph.col, owner, owner])
        b = np.concatenate([graph.col, graph.row, self.u[edge], self.v[edge]])
        w = np.concatenate([graph.data, graph.data, pos, self.length[edge] - pos])
        order = np.lexsort((w, b, a))
        a, b, w = a[order], b[order], w[order]
        first = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]  # a join repeated: its shortest
        size = self.n_nodes + len(starts)
        return coo_matrix((w[first], (a[first], b[first])), shape=(size, size)).tocsr()

    def incident_edges(self, nodes: np.ndarray) -> np.ndarray:
        """The edges that end at any of ``nodes``, sorted, each once: the nodes' slices of the incidence list,
        gathered at once."""
        nodes = np.asarray(nodes, dtype=np.int64)
        if not len(nodes):
            return np.empty(0, dtype=np.int64)
        first, count = self._inc_ptr[nodes], self._inc_count[nodes]
        slots = np.repeat(first - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
        return np.unique(self._inc_edges[slots])

    def _reached(self, dist: np.ndarray, distance: float, start, snap_distance: float) -> Catchment:
        """The reached pieces: whole edges, and the parts of edges walked from either end (or from the start
        point, on the start edges) as far as the distance left allows."""
        reached_nodes = np.nonzero(dist <= distance)[0]
        edges = self.incident_edges(reached_nodes)
        start_edges = np.unique(np.array([e for e, _pos in start], dtype=np.int64))
        edges = edges[~np.isin(edges, start_edges)]
        length = self.length[edges]
        ru = np.maximum(distance - dist[self.u[edges]], 0.0)
        rv = np.maximum(distance - dist[self.v[edges]], 0.0)
        full = (ru + rv) >= length
        # intervals along each edge, measured from its start: the whole edge, or a part from either end (apart, as
        # together they fall short of the edge); pieces of 1e-9 m or less are dropped
        e_iv = np.concatenate([edges[full], edges[~full], edges[~full]])
        lo = np.concatenate([np.zeros(int(full.sum())), np.zeros(int((~full).sum())), (length - rv)[~full]])
        hi = np.concatenate([length[full], ru[~full], length[~full]])
        keep = (hi - lo) > 1e-9
        e_iv, lo, hi = e_iv[keep], lo[keep], hi[keep]
        # the start edges are walked both ways from the start point, besides from their ends
        extra = []
        for e in start_edges.tolist():
            L = float(self.length[e])
            a, b = float(max(distance - dist[self.u[e]], 0.0)), float(max(distance - dist[self.v[e]], 0.0))
            spans = [(0.0, L)] if a + b >= L else [(0.0, a)] * (a > 0) + [(L - b, L)] * (b > 0)
            spans += [(max(0.0, pos - distance), min(L, pos + distance)) for edge, pos in start if edge == e]
            _e, starts, ends = merge_intervals(
                np.zeros(len(spans), dtype=np.int64),
                np.array([a for a, _b in spans], dtype=float),
                np.array([b for _a, b in spans], dtype=float),
            )
            extra += [(e, a, b) for a, b in zip(starts.tolist(), ends.tolist()) if b - a > 1e-9]
        if extra:
            e_iv = np.concatenate([e_iv, np.array([x[0] for x in extra], dtype=np.int64)])
            lo = np.concatenate([lo, [x[1] for x in extra]])
            hi = np.concatenate([hi, [x[2] for x in extra]])
        lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
        return Catchment(float(snap_distance), float((hi - lo).sum()), e_iv, lo, hi, self)

    def reached_union(self, catchments) -> np.ndarray:
        """The network reached from any of ``catchments``, as pieces (LineStrings): each edge's reached intervals
        merged where they overlap or touch. The union of the catchments' polygons is this network buffered by the
        same half-width (a buffer of a union is the union of the buffers), built at once instead of by unioning
        thousands of overlapping polygons. Merged a few hundred catchments at a time, so memory stays that of the
        reached network."""
        edges, lo, hi = np.empty(0, dtype=np.int64), np.empty(0), np.empty(0)
        done = [c for c in catchments if c is not None and c.edges is not None]
        for k in range(0, len(done), 256):
            part = done[k : k + 256]
            edges, lo, hi = merge_intervals(
                np.concatenate([edges] + [c.edges for c in part]),
                np.concatenate([lo] + [c.lo for c in part]),
                np.concatenate([hi] + [c.hi for c in part]),
            )
        return self._pieces(edges, lo, hi)

    def _pieces(self, edges: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """The part of each edge between ``lo`` and ``hi`` metres from its start: the edge itself when that is all of
        it; built all at once for two-point edges, one by one for the others."""
        out = self.lines[edges].copy()
        L = self.length[edges]
        part = ~((lo <= 1e-9) & (hi >= L - 1e-9))
        two = part & self._two_point[edges]
        if two.any():
            e = edges[two]
            p, q = self._first[e], self._last[e]
            f_lo, f_hi = (lo[two] / L[two])[:, None], (hi[two] / L[two])[:, None]
            out[two] = shapely.linestrings(np.stack([p + (q - p) * f_lo, p + (q - p) * f_hi], axis=1))
        for i in np.nonzero(part & ~two)[0].tolist():
            out[i] = substring(shapely.get_coordinates(self.lines[edges[i]]), float(lo[i]), float(hi[i]))
        return out


def substring(coords: np.ndarray, lo: float, hi: float) -> LineString:
    """The part of a polyline (2-D coordinates) between distances ``lo`` and ``hi`` from its start."""
    seg = np.hypot(*np.diff(coords, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])

    def at(d):
        i = int(min(max(np.searchsorted(cum, d, side="right") - 1, 0), len(seg) - 1))
        t = (d - cum[i]) / seg[i] if seg[i] > 0 else 0.0
        return coords[i] + (coords[i + 1] - coords[i]) * min(max(t, 0.0), 1.0)

    inner = coords[(cum > lo) & (cum < hi)]
    return LineString(np.vstack([at(lo), inner, at(hi)]))


def substrings(lines: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """:func:`substring` of many lines at once: each line's part between ``lo`` and ``hi`` from its start (2-D)."""
    n = len(lines)
    if not n:
        return np.empty(0, dtype=object)
    coords, idx = shapely.get_coordinates(lines, return_index=True)
    seg = np.hypot(*np.diff(coords, axis=0).T) * (idx[1:] == idx[:-1])
    cum = np.r_[0.0, np.cumsum(seg)]
    cum -= cum[np.searchsorted(idx, np.arange(n))][idx]  # from each line's start
    inner = np.nonzero((cum > lo[idx] + 1e-9) & (cum < hi[idx] - 1e-9))[0]  # a vertex at an end is the end
    ends_lo = shapely.get_coordinates(shapely.line_interpolate_point(lines, lo))
    ends_hi = shapely.get_coordinates(shapely.line_interpolate_point(lines, hi))
    xy = np.concatenate([ends_lo, coords[inner], ends_hi])
    which = np.r_[np.arange(n), idx[inner], np.arange(n)]
    rank = np.r_[np.full(n, -1), inner, np.full(n, len(coords))]
    order = np.lexsort((rank, which))
    return shapely.linestrings(xy[order], indices=which[order])


def merge_intervals(edges: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Intervals ``[lo, hi]`` along edges, those of one edge that overlap or touch (within 1e-9) merged into one:
    (edge, lo, hi) sorted by edge and position."""
    if not len(edges):
        return edges, lo, hi
    order = np.lexsort((lo, edges))
    edges, lo, hi = edges[order], lo[order], hi[order]
    # each interval's reach so far within its edge: a running maximum of the ends' ranks, kept apart per edge by an
    # offset per edge (integers, so exact)
    values, rank = np.unique(hi, return_inverse=True)
    group = np.cumsum(np.r_[0, edges[1:] != edges[:-1]])
    reach = values[np.maximum.accumulate(group * len(values) + rank.ravel()) - group * len(values)]
    new = np.r_[True, (edges[1:] != edges[:-1]) | (lo[1:] > reach[:-1] + 1e-9)]
    first = np.nonzero(new)[0]
    last = np.r_[first[1:], len(edges)] - 1
    return edges[first], lo[first], reach[last]


def union_in_parallel(geoms, progress=None, canceled=None, chunk: int = 64, workers: Optional[int] = None):
    """The union of many polygons, built as a tree on several threads (shapely releases the GIL).

    The geometries are put in spatial order, unioned in chunks, then pairwise until one is left. Reports progress per
    union done and checks ``canceled`` every tenth of a second; cancelled, it returns None."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    geoms = np.asarray([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if len(geoms) == 0:
        return None
    xy = shapely.get_coordinates(shapely.centroid(geoms))
    cell = max(float(np.ptp(xy[:, 0])), float(np.ptp(xy[:, 1])), 1.0) / 16
    order = np.lexsort((xy[:, 1], np.floor((xy[:, 0] - xy[:, 0].min()) / cell)))  # columns of cells, south to north
    level = [geoms[order][k : k + chunk] for k in range(0, len(geoms), chunk)]
    depth, n = 1, len(level)  # levels of the tree: each gets an equal share of the progress (later ones are slower)
    while n > 1:
        n, depth = (n + 1) // 2, depth + 1
    step = 0
    workers = workers or max(1, min(8, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while True:
            futures = [pool.submit(shapely.union_all, group) for group in level]
            results = []
            for result in _in_order(futures, canceled):
                results.append(result)
                if progress:
                    progress(min((step + len(results) / len(futures)) / depth, 1.0))
            if len(results) < len(futures):  # cancelled
                return None
            step += 1
            if len(results) == 1:
                return results[0]
            level = [np.array(results[k : k + 2], dtype=object) for k in range(0, len(results), 2)]


def network_for(lines: Sequence, name: str, notes: list, canceled: Optional[Callable[[], bool]] = None) -> "WalkingNetwork":
    """The walking network of ``lines`` (layer ``name``), noded where they cross; a note says so in ``notes``.
    Raises :class:`NetworkError` naming the layer for lines that make no network."""
    from .cancel import interruptible

    try:
        walk, built = interruptible(lambda: WalkingNetwork.from_lines(lines), canceled)
    except NetworkError as exc:
        raise NetworkError(Message("{0}: {1}", name, exc.message)) from None
    if built["added_by_noding"]:
        template = QT_TRANSLATE_NOOP("Core", "{0}: the network was not noded; lines were split where they cross ({1} more segments).")
        notes.append(Note("warning", Message(template, name, built["added_by_noding"])))
    return walk
