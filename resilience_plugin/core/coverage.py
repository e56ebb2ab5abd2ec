"""Exact coverage of raster cells by polygons: the share of each cell's area that a polygon covers (no QGIS here).

QGIS's zonal statistics count a cell whole when its centre falls inside a zone, which is off by 100 % or more for
zones a few cells wide (a community on a 100 m grid). Here each cell gets the exact fraction of its area inside the
polygon, computed from the polygon's edges alone (no intersection of boxes):

* every edge is cut where it crosses a grid line, so that each piece lies in one cell;
* by Green's theorem, the area of a ring inside a column of cells above a level ``b`` is ``-∫ (max(y, b) - b) dx``
  along the ring (counter-clockwise rings count positive); so a piece adds ``-dx·(ȳ - y_bottom)`` to its own cell and
  ``-dx·h`` to every cell below it in its column (a running sum down the column);
* holes are rings of the opposite sign, and the parts of a multipolygon add up.

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
        if dy > 0:  # a south-up raster: the top is the far end
            y0, dy = y0 + dy * rows, dy
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


def _rings(polygon):
    """(coordinates, sign) of each ring of a polygon or multipolygon: +1 exterior, -1 hole."""
    for part in shapely.get_parts(polygon):
        if shapely.get_type_id(part) != 3 or shapely.is_empty(part):
            continue
        yield shapely.get_coordinates(shapely.get_exterior_ring(part)), 1.0
        for k in range(shapely.get_num_interior_rings(part)):
            yield shapely.get_coordinates(shapely.get_interior_ring(part, k)), -1.0


def _signed_area(u: np.ndarray, t: np.ndarray) -> float:
    return 0.5 * float(np.dot(u[:-1], t[1:]) - np.dot(u[1:], t[:-1]))


def _crossings(a: np.ndarray, b: np.ndarray, upper: int):
    """For edges from ``a`` to ``b`` (one coordinate), the integer lines 0…``upper`` each crosses strictly inside:
    (edge index per crossing, line value)."""
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
    window = grid.window_of(shapely.bounds(polygon))
    rings = list(_rings(polygon))
    if not rings:
        return None
    r0, r1, c0, c1 = window if window is not None else (0, 0, 0, 0)
    rows, cols = r1 - r0, c1 - c0
    y_bottom = grid.y0 - r1 * grid.dy
    us, ts, signs, area = [], [], [], 0.0
    for coords, kind in rings:
        # window-relative cell units: u to the right from the window's left edge, t up from its bottom edge
        u = (coords[:, 0] - (grid.x0 + c0 * grid.dx)) / grid.dx
        t = (coords[:, 1] - y_bottom) / grid.dy
        a = _signed_area(u, t)
        if a == 0:
            continue
        area += kind * abs(a)
        us.append(u)
        ts.append(t)
        signs.append(np.full(len(u) - 1, kind * np.sign(a)))
    if window is None or not us:
        return None if window is None else Coverage(r0, c0, np.zeros((rows, cols)), max(area, 0.0))
    frac = _cell_areas(us, ts, np.concatenate(signs), rows, cols)
    return Coverage(r0, c0, frac, max(area, 0.0))


def _cell_areas(us, ts, sign, rows: int, cols: int) -> np.ndarray:
    """Area (cell units) of the rings inside each cell of a ``rows`` × ``cols`` window (see the module's docstring)."""
    u1 = np.concatenate([u[:-1] for u in us])
    u2 = np.concatenate([u[1:] for u in us])
    t1 = np.concatenate([t[:-1] for t in ts])
    t2 = np.concatenate([t[1:] for t in ts])
    moving = u1 != u2  # vertical edges add nothing
    u1, u2, t1, t2, sign = u1[moving], u2[moving], t1[moving], t2[moving], sign[moving]
    # the parameters (0…1 along each edge) where it is cut: its ends and its grid-line crossings in the window
    ev, lv = _crossings(u1, u2, cols)
    eh, lh = _crossings(t1, t2, rows)
    n = len(u1)
    edge = np.concatenate([np.arange(n), np.arange(n), ev, eh])
    du, dt = u2 - u1, t2 - t1
    with np.errstate(divide="ignore", invalid="ignore"):
        par = np.concatenate([np.zeros(n), np.ones(n), (lv - u1[ev]) / du[ev], (lh - t1[eh]) / dt[eh]])
    order = np.lexsort((par, edge))
    edge, par = edge[order], par[order]
    u = u1[edge] + par * du[edge]
    t = t1[edge] + par * dt[edge]
    same = edge[1:] == edge[:-1]  # consecutive cut points of one edge bound a piece in one cell
    ua, ub, ta, tb, s = u[:-1][same], u[1:][same], t[:-1][same], t[1:][same], sign[edge[:-1][same]]
    um, tm, dx = 0.5 * (ua + ub), 0.5 * (ta + tb), (ub - ua) * s
    col = np.floor(um).astype(np.int64)
    band = np.floor(tm).astype(np.int64)  # counted up from the window's bottom; rows is "above the window"
    keep = (col >= 0) & (col < cols) & (band >= 0) & (dx != 0)
    col, band, tm, dx = col[keep], np.minimum(band[keep], rows), tm[keep], dx[keep]
    inside = band < rows
    own = np.bincount(
        (rows - 1 - band[inside]) * cols + col[inside], weights=-dx[inside] * (tm[inside] - band[inside]), minlength=rows * cols
    ).reshape(rows, cols)
    # -dx for every cell below a piece in its column: a running sum down the rows, from "above the window"
    per_band = np.bincount((rows - band) * cols + col, weights=-dx, minlength=(rows + 1) * cols).reshape(rows + 1, cols)
    below = np.cumsum(per_band, axis=0)[:rows]
    return np.clip(own + below, 0.0, 1.0)
