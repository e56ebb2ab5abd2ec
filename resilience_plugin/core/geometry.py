"""Geometry helpers shared by core and the QGIS adapters (shapely and numpy only)."""

import warnings
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import numpy as np
import shapely

# GEOS type ids by dimension: 0 points, 1 lines, 2 polygons
_DIMENSION_TYPES = {0: (0, 4), 1: (1, 2, 5), 2: (3, 6)}


def from_wkb(wkbs: Sequence) -> np.ndarray:
    """Shapely geometries, flattened to 2D, from a sequence of WKB (None stays None: a feature without geometry).
    Parsed all at once, which is many times faster than one by one. WKB that GEOS cannot build a geometry from (a
    one-vertex line, a ring of fewer than four points) becomes None; :func:`clean` says which."""
    wkbs = wkbs if isinstance(wkbs, list) else list(wkbs)
    points = _plain_points(wkbs)
    return points if points is not None else _parsed(wkbs)


def _parsed(wkbs: list) -> np.ndarray:
    """:func:`from_wkb` by shapely (GEOS)."""
    with warnings.catch_warnings():  # shapely warns of the NaN coordinates that clean() then names itself
        warnings.simplefilter("ignore", RuntimeWarning)
        geoms = shapely.from_wkb(np.array(wkbs + [None], dtype=object)[:-1], on_invalid="ignore")
        return shapely.force_2d(geoms) if (shapely.get_coordinate_dimension(geoms) > 2).any() else geoms  # force_2d copies all


_POINT_WKB = bytes([1, 1, 0, 0, 0])  # little endian, type 1: a 2-D point, then x and y


def _plain_xy(wkbs: list) -> Optional[np.ndarray]:
    """The coordinates (n × 2) of WKB that is all 2-D little-endian points with finite coordinates (a point layer
    as GDAL stores it), read with numpy. None otherwise."""
    try:
        if not wkbs or set(map(len, wkbs)) != {21}:
            return None
        joined = b"".join(wkbs)
    except TypeError:  # None (no geometry) or something else among them
        return None
    raw = np.frombuffer(joined, dtype=np.uint8).reshape(-1, 21)
    if not (raw[:, :5] == np.frombuffer(_POINT_WKB, dtype=np.uint8)).all():
        return None
    xy = np.ascontiguousarray(raw[:, 5:]).view("<f8").astype(float)
    return xy if np.isfinite(xy).all() else None


def _plain_points(wkbs: list) -> Optional[np.ndarray]:
    """Points from WKB that is all 2-D little-endian points with finite coordinates (see :func:`_plain_xy`): the
    same geometries as shapely.from_wkb gives, three times faster. None otherwise."""
    xy = _plain_xy(wkbs)
    return None if xy is None else shapely.points(xy)


def is_xy(geoms) -> bool:
    """Whether ``geoms`` are points given as coordinates: a float array of n rows of x, y (see :func:`clean`)."""
    return isinstance(geoms, np.ndarray) and geoms.dtype.kind == "f" and geoms.ndim == 2 and geoms.shape[1] == 2


@dataclass
class Cleaned:
    """Geometries fit to use, and what was done to make them so (positions in the input)."""

    geometries: np.ndarray
    degenerate: List[int] = field(default_factory=list)  # unusable: set to None
    repaired: List[int] = field(default_factory=list)  # invalid, repaired with make-valid


def clean(wkbs: Sequence, dimension: Optional[int] = None, points_as_xy: bool = False) -> Cleaned:
    """Parse WKB (None: no geometry) into 2-D shapely geometries that every analysis can use. With
    ``points_as_xy``, finite 2-D points (every feature a point, none missing) come as their coordinates, an n × 2
    float array, with no shapely geometry made (analyses that take points so: :func:`is_xy`).

    Degenerate geometries become None and are listed: WKB that GEOS rejects (one-vertex lines, rings of fewer than
    four points), NaN or infinite coordinates, and, when ``dimension`` is given (0 points, 1 lines, 2 polygons),
    geometries with no part of that dimension after repair, or of zero length (lines) or zero area (polygons). Invalid
    geometries are repaired with make-valid; of a repaired collection only the parts of ``dimension`` are kept."""
    wkbs = list(wkbs)
    xy = _plain_xy(wkbs)
    if xy is not None and dimension in (None, 0):  # finite 2-D points: valid, nothing to mend or drop
        return Cleaned(xy if points_as_xy else shapely.points(xy))
    points = None if xy is None else shapely.points(xy)
    given = np.array([w is not None for w in wkbs], dtype=bool)
    geoms = _parsed(wkbs) if points is None else points
    bad = given & shapely.is_missing(geoms)
    present = np.nonzero(~shapely.is_missing(geoms))[0]
    if len(present):
        coords, owner = shapely.get_coordinates(geoms[present], return_index=True)
        nonfinite = np.unique(owner[~np.isfinite(coords).all(axis=1)])
        bad[present[nonfinite]] = True
        geoms[present[nonfinite]] = None
    present = np.nonzero(~shapely.is_missing(geoms))[0]
    invalid = present[~shapely.is_valid(geoms[present])] if len(present) else present
    if len(invalid):
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    if dimension is not None and len(present):
        wanted = _DIMENSION_TYPES[dimension]
        kind = shapely.get_type_id(geoms[present])
        for i in present[kind == 7]:  # a repair may give a collection: keep the parts of the layer's dimension
            parts = [p for p in shapely.get_parts(geoms[i]) if shapely.get_type_id(p) in wanted]
            geoms[i] = shapely.union_all(parts) if len(parts) > 1 else (parts[0] if parts else None)
        ok = ~shapely.is_missing(geoms[present])
        ok[ok] = np.isin(shapely.get_type_id(geoms[present][ok]), wanted) & ~shapely.is_empty(geoms[present][ok])
        if dimension == 1:
            ok[ok] = shapely.length(geoms[present][ok]) > 0
        elif dimension == 2:
            ok[ok] = shapely.area(geoms[present][ok]) > 0
        bad[present[~ok]] = True
        geoms[present[~ok]] = None
    degenerate = np.nonzero(bad)[0]
    repaired = np.setdiff1d(invalid, degenerate)
    return Cleaned(geoms, degenerate.tolist(), repaired.tolist())


def representative_points(geoms: np.ndarray) -> np.ndarray:
    """A point for each geometry (itself for points, a point on the surface otherwise); None stays None."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    present = present_mask(geoms)
    kind = shapely.get_type_id(geoms[present])
    idx = np.nonzero(present)[0]
    out[idx[kind == 0]] = geoms[idx[kind == 0]]
    out[idx[kind != 0]] = shapely.point_on_surface(geoms[idx[kind != 0]])
    return out


_NEAREST_BATCH = 100_000  # points looked up at once (about 0.3 s at Beijing scale), a cancel check between batches


class NearestLines:
    """The nearest of ``lines`` to each of many points, within a distance: the same pairs and distances as shapely's
    ``STRtree.query_nearest(points, max_distance=limit, return_distance=True, all_matches=True)`` (every line at the
    least distance), found faster for many points. Points spaced at most ``step`` (in the lines' units) along the
    lines, in a k-d tree, put each point's distance to the lines within ``step``/2 of its distance to the nearest of
    them, so that only the lines that near are measured (issue 28: 358,884 pieces of people at Beijing scale)."""

    def __init__(self, lines: np.ndarray, tree=None, step: float = 50.0):
        self.lines = np.asarray(lines, dtype=object)
        self.tree = tree if tree is not None else shapely.STRtree(self.lines)
        self.step = float(step)
        self._kd = None

    def _samples(self):
        """A k-d tree of the lines' vertices and of points between them no more than ``step`` apart."""
        from scipy.spatial import cKDTree

        xy, part = shapely.get_coordinates(shapely.get_parts(self.lines), return_index=True)  # part by part
        xy = xy[:, :2]
        same = part[1:] == part[:-1]  # consecutive vertices of one part: a segment
        a, b = xy[:-1][same], xy[1:][same]
        finite = np.isfinite(a).all(axis=1) & np.isfinite(b).all(axis=1)
        a, b = a[finite], b[finite]
        k = np.maximum(np.ceil(np.hypot(*(b - a).T) / self.step), 1).astype(np.int64)
        seg = np.repeat(np.arange(len(a)), k)
        t = (np.arange(len(seg)) - np.repeat(np.cumsum(k) - k, k)) / k[seg]
        samples = np.concatenate([a[seg] + (b - a)[seg] * t[:, None], xy[np.isfinite(xy).all(axis=1)]])
        return cKDTree(samples) if len(samples) else None

    def query(self, points: np.ndarray, limit: float, canceled=None):
        """((point index, line index), distance) of each point's nearest line(s) within ``limit``, ties included;
        points are present shapely points. Many points are taken in batches, with a cancel check between them."""
        from .cancel import check

        points = np.asarray(points, dtype=object)
        if len(points) > _NEAREST_BATCH:
            found = []
            for a in range(0, len(points), _NEAREST_BATCH):
                check(canceled)
                (pi, li), d = self.query(points[a : a + _NEAREST_BATCH], limit)
                found.append((pi + a, li, d))
            return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found])), np.concatenate([f[2] for f in found])
        simple = len(points) >= 10_000 and len(self.lines) and limit is not None and 0 < limit < np.inf
        if simple:
            simple = bool((shapely.get_type_id(points) == 0).all() and (shapely.get_num_coordinates(points) == 1).all())
        if simple and self._kd is None:
            kd = self._samples()
            self._kd = False if kd is None else kd
        if not simple or self._kd is False:  # few points, odd input, or no line to sample: shapely's own query
            return self.tree.query_nearest(points, max_distance=limit, return_distance=True, all_matches=True)
        xy = shapely.get_coordinates(points)
        reach = (limit + self.step / 2) * (1 + 1e-9) + 1e-6  # further from every sample: no line within the limit
        near, _ = self._kd.query(xy, k=1, distance_upper_bound=reach)
        some = np.nonzero(np.isfinite(near))[0]
        bound = np.minimum(near[some], limit) * (1 + 1e-9) + 1e-6  # the nearest line is no further than its sample
        qi, li = self.tree.query(points[some], predicate="dwithin", distance=bound)
        pi = some[qi]
        d = shapely.distance(points[pi], self.lines[li])
        ok = d <= limit
        pi, li, d = pi[ok], li[ok], d[ok]
        order = np.lexsort((li, d, pi))
        pi, li, d = pi[order], li[order], d[order]
        first = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, dtype=bool)
        least = np.repeat(d[first], np.diff(np.r_[np.nonzero(first)[0], len(pi)]))
        tie = d == least
        return (pi[tie], li[tie]), d[tie]


def present_mask(geoms: np.ndarray) -> np.ndarray:
    """True where there is a non-empty geometry."""
    geoms = np.asarray(geoms, dtype=object)
    return ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)


def extent_gap(a: Sequence, b: Sequence) -> float:
    """The distance between the bounding boxes of two sets of geometries, in their units (0 where they overlap or one
    set is empty). A gap of hundreds of kilometres between the inputs of one analysis means they are not in one CRS
    (lon/lat facilities beside communities in metres, say)."""
    boxes = []
    for g in (a, b):
        if is_xy(g):  # points given as coordinates (a row of NaN: no point)
            x, y = g[:, 0], g[:, 1]
            finite = np.isfinite(x) & np.isfinite(y)
            if not finite.all():
                x, y = x[finite], y[finite]
            boxes.append((x.min(), y.min(), x.max(), y.max()) if len(x) else None)
            continue
        g = np.asarray(g, dtype=object)
        g = g[present_mask(g)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # NaN coordinates of unrepaired input: not a gap
            boxes.append(tuple(shapely.total_bounds(g)) if len(g) else None)
    if boxes[0] is None or boxes[1] is None:
        return 0.0
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes
    dx = max(bx0 - ax1, ax0 - bx1, 0.0)
    dy = max(by0 - ay1, ay0 - by1, 0.0)
    gap = float(np.hypot(dx, dy))
    return gap if np.isfinite(gap) else 0.0
