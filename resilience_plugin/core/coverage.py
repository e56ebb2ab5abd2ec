"""Exact coverage of raster cells by polygons: the share of each cell's area that a polygon covers (no QGIS here).

QGIS's zonal statistics count a cell whole when its centre falls inside a zone, which is off by 100 % or more for
zones a few cells wide (a community on a 100 m grid). Here each cell gets the exact fraction of its area inside the
polygon, computed from the polygon's edges alone (no intersection of boxes):

* every edge is cut where it crosses a grid line, so that each piece lies in one cell;
* by Green's theorem, the area of a ring inside a column of cells above a level ``b`` is ``-∫ (max(y, b) - b) dx``
  along the ring (counter-clockwise rings count positive); so a piece adds ``-dx·(ȳ - y_bottom)`` to its own cell and
  ``-dx·h`` to every cell below it in its column (a running sum down the column);
* holes are rings of the opposite sign, and the parts of a multipolygon add up.

Only the cells an edge crosses are listed one by one; down a column, between two of them, the share does not change,
so the cells in between are kept as runs, and a zone's sum over a run is a difference of two running sums of the
raster's column (work and memory grow with the outlines, not with the areas; exactextract does the same by rows).

The result is exact up to floating-point rounding (its cells sum to the polygon's area inside the window), the same
quantity as exactextract's coverage fractions.
"""

from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely

from .messages import QT_TRANSLATE_NOOP, CoreError


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: the top-left corner ``(x0, y0)``, cell width ``dx`` and height ``dy`` (both > 0,
    rows counted downwards), ``rows`` × ``cols`` cells, in the raster's own CRS; ``geographic`` when its units are
    degrees of longitude and latitude."""

    x0: float
    y0: float
    dx: float
    dy: float
    rows: int
    cols: int
    geographic: bool = False

    @classmethod
    def from_geotransform(cls, gt, rows: int, cols: int, geographic: bool = False, name: str = "") -> "Grid":
        """The grid of a GDAL geotransform; a rotated or sheared raster is refused (CoreError naming it)."""
        x0, dx, rx, y0, ry, dy = (float(v) for v in gt)
        if rx != 0 or ry != 0:
            raise CoreError(
                QT_TRANSLATE_NOOP(
                    "Core", "Raster '{0}' is rotated or sheared: warp it to a north-up grid first (Raster › Projections › Warp)."
                ),
                name,
            )
        if not (dx > 0 and dy != 0 and np.isfinite([x0, y0, dx, dy]).all()):
            raise CoreError(QT_TRANSLATE_NOOP("Core", "Raster '{0}' has no usable cell size or origin."), name)
        if dy > 0:  # a south-up raster: its rows run northwards, which the readers do not turn round
            raise CoreError(
                QT_TRANSLATE_NOOP(
                    "Core", "Raster '{0}' is stored south-up: warp it to a north-up grid first (Raster › Projections › Warp)."
                ),
                name,
            )
        return cls(x0, y0, dx, abs(dy), int(rows), int(cols), bool(geographic))

    @property
    def bounds(self):
        return (self.x0, self.y0 - self.rows * self.dy, self.x0 + self.cols * self.dx, self.y0)

    def window_of(self, bounds) -> Optional[tuple]:
        """``(row0, row1, col0, col1)``: the cells that a bounding box ``(xmin, ymin, xmax, ymax)`` may touch,
        within the grid; None when it misses the grid."""
        xmin, ymin, xmax, ymax = bounds
        c0 = max(int(np.floor((xmin - self.x0) / self.dx)), 0)
        c1 = min(int(np.ceil((xmax - self.x0) / self.dx)), self.cols)
        r0 = max(int(np.floor((self.y0 - ymax) / self.dy)), 0)
        r1 = min(int(np.ceil((self.y0 - ymin) / self.dy)), self.rows)
        if c1 <= c0 or r1 <= r0:
            return None
        return r0, r1, c0, c1


@dataclass
class Coverage:
    """The cells a polygon covers: ``frac[i, j]`` is the share (0…1) of cell ``(row0 + i, col0 + j)`` inside it;
    ``area_cells`` is the polygon's whole area in cell units (also the part outside the grid)."""

    row0: int
    col0: int
    frac: np.ndarray
    area_cells: float


@dataclass
class CoverageBatch:
    """The coverage of many polygons at once, sparse. Polygon ``k`` lies in the window of ``rows[k]`` × ``cols[k]``
    cells from ``(row0[k], col0[k])``; ``area_cells`` is its whole area in cell units (also the part outside the
    grid); a polygon that misses the grid has an empty window.

    Only the cells that its edges cross are listed one by one (``edge_*``: polygon, grid row, grid column, share);
    down each column, between two such cells, the share stays the same, so the cells in between are runs
    (``run_*``: polygon, grid column, first and last-plus-one grid row, share). A cell in neither holds 0. The work
    and memory grow with the polygons' outlines, not with their areas."""

    row0: np.ndarray
    col0: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    area_cells: np.ndarray
    edge_zone: np.ndarray
    edge_row: np.ndarray
    edge_col: np.ndarray
    edge_frac: np.ndarray
    run_zone: np.ndarray
    run_col: np.ndarray
    run_start: np.ndarray
    run_stop: np.ndarray
    run_frac: np.ndarray

    def of(self, k: int) -> Optional[Coverage]:
        """Polygon ``k``'s shares as a dense window."""
        if self.rows[k] == 0 or self.cols[k] == 0:
            return None
        r0, c0 = int(self.row0[k]), int(self.col0[k])
        frac = np.zeros((int(self.rows[k]), int(self.cols[k])))
        mine = self.edge_zone == k
        frac[self.edge_row[mine] - r0, self.edge_col[mine] - c0] = self.edge_frac[mine]
        for i in np.nonzero(self.run_zone == k)[0]:
            frac[self.run_start[i] - r0 : self.run_stop[i] - r0, self.run_col[i] - c0] = self.run_frac[i]
        return Coverage(r0, c0, frac, float(self.area_cells[k]))


def _crossings(a: np.ndarray, b: np.ndarray, upper: np.ndarray):
    """For edges from ``a`` to ``b`` (one coordinate), the integer lines 0…``upper`` (per edge) each crosses strictly
    inside: (edge index per crossing, line value)."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    first = np.maximum(np.floor(lo).astype(np.int64) + 1, 0)
    last = np.minimum(np.ceil(hi).astype(np.int64) - 1, upper)
    count = np.maximum(last - first + 1, 0)
    edge = np.repeat(np.arange(len(a)), count)
    starts = np.cumsum(count) - count
    line = first[edge] + (np.arange(len(edge)) - starts[edge])
    return edge, line.astype(float)


def coverage(polygon, grid: Grid) -> Optional[Coverage]:
    """The exact coverage of ``grid``'s cells by ``polygon`` (in the grid's CRS), or None when it misses the grid
    or has no area."""
    if polygon is None or shapely.is_empty(polygon):
        return None
    return coverage_batch([polygon], grid).of(0)


def windows(polygons, grid: Grid) -> np.ndarray:
    """(row0, row1, col0, col1) of the cells each polygon's bounding box may touch, within the grid (an empty window
    for None, an empty polygon or one that misses the grid)."""
    polys = np.asarray(polygons, dtype=object)
    bounds = np.full((len(polys), 4), np.nan)
    present = ~shapely.is_missing(polys)
    present[present] = ~shapely.is_empty(polys[present])
    if present.any():
        bounds[present] = shapely.bounds(polys[present])
    with np.errstate(invalid="ignore"):
        c0 = np.clip(np.floor((bounds[:, 0] - grid.x0) / grid.dx), 0, grid.cols)
        c1 = np.clip(np.ceil((bounds[:, 2] - grid.x0) / grid.dx), 0, grid.cols)
        r0 = np.clip(np.floor((grid.y0 - bounds[:, 3]) / grid.dy), 0, grid.rows)
        r1 = np.clip(np.ceil((grid.y0 - bounds[:, 1]) / grid.dy), 0, grid.rows)
    out = np.column_stack([np.nan_to_num(v) for v in (r0, r1, c0, c1)]).astype(np.int64)
    empty = (out[:, 1] <= out[:, 0]) | (out[:, 3] <= out[:, 2])
    out[empty] = 0
    return out


def coverage_batch(polygons, grid: Grid) -> CoverageBatch:
    """The exact coverage of ``grid``'s cells by each of ``polygons`` (the grid's CRS; None: an empty window), all
    in one pass over their edges (see the module's docstring)."""
    polys = np.asarray(polygons, dtype=object)
    n = len(polys)
    present = ~shapely.is_missing(polys)
    present[present] = ~shapely.is_empty(polys[present])
    r0, r1, c0, c1 = windows(polys, grid).T
    hit = present & (c1 > c0) & (r1 > r0)
    rows, cols = np.where(hit, r1 - r0, 0), np.where(hit, c1 - c0, 0)
    area = np.zeros(n)
    sparse = _no_cells()
    idx = np.nonzero(present)[0]
    if len(idx):
        parts, part_of = shapely.get_parts(polys[idx], return_index=True)
        polygonal = shapely.get_type_id(parts) == 3
        parts, part_of = parts[polygonal], idx[part_of[polygonal]]
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        exterior = np.r_[True, ring_part[1:] != ring_part[:-1]] if len(rings) else np.zeros(0, dtype=bool)
        zone_of_ring = part_of[ring_part]
        xy, ring_of = shapely.get_coordinates(rings, return_index=True)
        zone = zone_of_ring[ring_of]
        # window-relative cell units: u to the right from the window's left edge, t up from its bottom edge
        u = (xy[:, 0] - (grid.x0 + c0[zone] * grid.dx)) / grid.dx
        t = (xy[:, 1] - (grid.y0 - r1[zone] * grid.dy)) / grid.dy
        e = np.nonzero(ring_of[1:] == ring_of[:-1])[0]  # edges: consecutive vertices of one ring
        ring_area = 0.5 * np.bincount(ring_of[e], weights=u[e] * t[e + 1] - u[e + 1] * t[e], minlength=len(rings))
        kind = np.where(exterior, 1.0, -1.0)
        area = np.bincount(zone_of_ring, weights=kind * np.abs(ring_area), minlength=n)
        sign = (kind * np.sign(ring_area))[ring_of[e]]
        ze = zone[e]
        keep = hit[ze] & (u[e] != u[e + 1]) & (sign != 0)  # vertical edges add nothing
        e, ze, sign = e[keep], ze[keep], sign[keep]
        sparse = _cell_areas(u[e], t[e], u[e + 1], t[e + 1], sign, ze, rows, cols)
        sparse = _to_grid(sparse, r0, c0)
    return CoverageBatch(r0, c0, rows, cols, np.maximum(area, 0.0), *sparse)


def _no_cells():
    ints, floats = np.zeros(0, dtype=np.int64), np.zeros(0)
    return ints, ints, ints, floats, ints, ints, ints, ints, floats


def _to_grid(sparse, r0, c0):
    """Window-relative rows and columns of :func:`_cell_areas` made grid rows and columns."""
    ez, er, ec, ef, rz, rc, rs, rt, rf = sparse
    return ez, er + r0[ez], ec + c0[ez], ef, rz, rc + c0[rz], rs + r0[rz], rt + r0[rz], rf


def _snap(frac: np.ndarray) -> np.ndarray:
    """Shares clipped to 0…1; the running sums leave rounding noise (about 1e-16) where the polygon never reaches,
    and a little short of 1 where it covers a cell whole: a share within 1e-12 of 0 or 1 is that."""
    frac = np.clip(frac, 0.0, 1.0)
    frac[frac < 1e-12] = 0.0
    frac[frac > 1.0 - 1e-12] = 1.0
    return frac


def _cell_areas(u1, t1, u2, t2, sign, zone, rows, cols):
    """The shares of the cells of each zone's window (window-relative rows and columns, sparse: see
    :class:`CoverageBatch`) from its edges in window cell units."""
    ec, er = cols[zone], rows[zone]
    # the parameters (0…1 along each edge) where it is cut: its ends and its grid-line crossings in the window
    ev, lv = _crossings(u1, u2, ec)
    eh, lh = _crossings(t1, t2, er)
    n = len(u1)
    edge = np.concatenate([np.arange(n), np.arange(n), ev, eh])
    du, dt = u2 - u1, t2 - t1
    with np.errstate(divide="ignore", invalid="ignore"):
        par = np.concatenate([np.zeros(n), np.ones(n), (lv - u1[ev]) / du[ev], (lh - t1[eh]) / dt[eh]])
    order = np.lexsort((par, edge))
    edge, par = edge[order], par[order]
    u = u1[edge] + par * du[edge]
    t = t1[edge] + par * dt[edge]
    same = np.nonzero(edge[1:] == edge[:-1])[0]  # consecutive cut points of one edge bound a piece in one cell
    pe = edge[same]
    ua, ub, ta, tb = u[same], u[same + 1], t[same], t[same + 1]
    tm, dx = 0.5 * (ta + tb), (ub - ua) * sign[pe]
    col = np.floor(0.5 * (ua + ub)).astype(np.int64)
    band = np.floor(tm).astype(np.int64)  # counted up from the window's bottom; rows is "above the window"
    z = zone[pe]
    zr, zc = rows[z], cols[z]
    keep = (col >= 0) & (col < zc) & (band >= 0) & (dx != 0)
    col, band, tm, dx, z, zr = col[keep], np.minimum(band[keep], zr[keep]), tm[keep], dx[keep], z[keep], zr[keep]
    # a piece adds -dx·(ȳ - y_bottom) to its own cell (none "above the window") and -dx to each cell below it
    row = zr - 1 - band  # -1: above the window
    own = np.where(band < zr, -dx * (tm - band), 0.0)
    # the pieces' cells, in order down each column of each zone, each cell once
    order = np.argsort((z * (int(cols.max(initial=0)) + 1) + col) * (int(rows.max(initial=0)) + 2) + row + 1, kind="stable")
    z, col, row, own, down = z[order], col[order], row[order], own[order], -dx[order]
    first = np.r_[True, (z[1:] != z[:-1]) | (col[1:] != col[:-1]) | (row[1:] != row[:-1])] if len(z) else np.zeros(0, bool)
    cell = np.cumsum(first) - 1
    z, col, row = z[first], col[first], row[first]
    own = np.bincount(cell, weights=own, minlength=len(z))
    down = np.bincount(cell, weights=down, minlength=len(z))
    # the running sum down each column: what the cells above a cell add to it, and the share below it
    start = np.r_[True, (z[1:] != z[:-1]) | (col[1:] != col[:-1])] if len(z) else np.zeros(0, bool)
    total = np.cumsum(down)
    base = np.maximum.accumulate(np.where(start, np.arange(len(z)), 0))
    after = total - (total[base] - down[base])
    above = after - down
    inside = row >= 0
    edge_frac = _snap(own[inside] + above[inside])
    # the run below each pieces' cell, down to the next one in its column (or the window's bottom)
    last = np.r_[start[1:], True] if len(z) else np.zeros(0, bool)
    stop = np.where(last, rows[z], np.r_[row[1:], 0])
    run_frac = _snap(after.copy())
    runs = (run_frac > 0) & (stop > row + 1)
    return (
        z[inside],
        row[inside],
        col[inside],
        edge_frac,
        z[runs],
        col[runs],
        row[runs] + 1,
        stop[runs],
        run_frac[runs],
    )
