"""Points within a straight-line distance of centres, counted per category on a grid of cells (issue 17).

A straight-line life circle counts the facilities with dx² + dy² ≤ d² of its community. Listing every such pair (a
k-d tree) costs as much as there are pairs: 600,000 for 2,000 circles among 50,000 facilities. Here the facilities
are sorted into square cells of d/8 (one row of cells after another), and each circle is read row by row: the cells
that lie wholly inside it are counted at once from running totals per category, and only the facilities in the
cells its edge crosses are measured one by one, with the same test as brute force. Counts are exact: a cell is taken
whole only when its farthest corner is inside the circle by a margin far above rounding, and every cell that may hold
a facility within the distance is looked at.

Sums of a weight (the shelter area) come from running totals too: exact for whole numbers (areas in m² as data give
them), otherwise within a few units in the last place of the total.
"""

from typing import Optional, Tuple

import numpy as np

_CELLS_PER_DISTANCE = 8  # cell side: the distance / 8
_MAX_CELLS_PER_POINT = 4  # a grid of more cells than this × the points takes larger cells
_MAX_PREFIX_VALUES = 20_000_000  # running totals kept: points × categories (int32: 80 MB)
_PIECE = 1000  # centres per piece of work
_MAX_MEASURED = 4_000_000  # points measured one by one at a time (memory: about 100 bytes each)


def _ragged_arange(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + n)`` for each start ``s`` and length ``n``."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.arange(total, dtype=np.int64) + np.repeat(starts - offsets, lengths)


def _stable_order(key: np.ndarray, n_keys: int) -> np.ndarray:
    """``np.argsort(key, kind="stable")`` for keys below ``n_keys``: numpy sorts 16-bit keys by radix, in linear
    time, so larger keys are sorted in 16-bit passes, low half first."""
    if n_keys <= 1 << 16:
        return np.argsort(key.astype(np.uint16), kind="stable")
    if n_keys <= 1 << 32:
        order = np.argsort((key & 0xFFFF).astype(np.uint16), kind="stable")
        return order[np.argsort((key[order] >> 16).astype(np.uint16), kind="stable")]
    return np.argsort(key, kind="stable")


class _Grid:
    """The points sorted into cells row by row, with running totals per category and of the weights."""

    def __init__(self, pxy: np.ndarray, column: np.ndarray, n_columns: int, weights: Optional[np.ndarray], distance: float):
        self.origin = np.array([pxy[:, 0].min(), pxy[:, 1].min()])
        span = np.array([pxy[:, 0].max(), pxy[:, 1].max()]) - self.origin
        h = distance / _CELLS_PER_DISTANCE
        most = _MAX_CELLS_PER_POINT * len(pxy) + 64
        if (span[0] // h + 1) * (span[1] // h + 1) > most:  # sparse points: cells as large as one point's share
            h = max(h, float(np.sqrt((span[0] + h) * (span[1] + h) / most)) * 1.01)
        self.h = h
        self.ncx, self.ncy = int(span[0] // h) + 1, int(span[1] // h) + 1
        local = pxy - self.origin
        # (the farthest point may round onto the next cell: kept in the last)
        cx = np.clip(np.floor(local[:, 0] / h), 0, self.ncx - 1).astype(np.int64)
        key = np.clip(np.floor(local[:, 1] / h), 0, self.ncy - 1).astype(np.int64) * self.ncx + cx
        self.order = _stable_order(key, self.ncx * self.ncy)
        self.starts = np.zeros(self.ncx * self.ncy + 1, dtype=np.int64)
        np.cumsum(np.bincount(key, minlength=self.ncx * self.ncy), out=self.starts[1:])
        self.x, self.y = pxy[self.order, 0], pxy[self.order, 1]
        self.column = column[self.order]
        self.n_columns = n_columns
        onehot = np.zeros((n_columns, len(pxy) + 1), dtype=np.int32)
        onehot[self.column, np.arange(1, len(pxy) + 1)] = 1
        self.counts = np.cumsum(onehot, axis=1, dtype=np.int32)  # [c, k]: points of category c among the first k
        self.weights = None if weights is None else weights[self.order]
        self.sums = None if weights is None else np.concatenate([[0.0], np.cumsum(self.weights)])


def pays(n_centres: int, pxy: np.ndarray, distance: float) -> bool:
    """Whether counting on a grid is worth it: each circle is read in about 2 × 8 + 1 rows of cells, so a circle
    should hold many more points than that (else listing the few pairs is faster)."""
    if n_centres == 0 or len(pxy) == 0 or not distance > 0:
        return False
    x, y = pxy[:, 0], pxy[:, 1]
    area = max(float(np.nanmax(x) - np.nanmin(x)) * float(np.nanmax(y) - np.nanmin(y)), np.pi * distance * distance)
    return len(pxy) * np.pi * distance * distance / area >= 3 * (2 * _CELLS_PER_DISTANCE + 1)


def count_within(
    xy: np.ndarray,
    pxy: np.ndarray,
    column: np.ndarray,
    n_columns: int,
    weights: Optional[np.ndarray],
    distance: float,
) -> Optional[Tuple[np.ndarray, np.ndarray]]:
    """Per centre of ``xy`` (n × 2): the points of ``pxy`` with dx² + dy² ≤ ``distance``² counted per ``column``
    (n × ``n_columns``), and the sum of their ``weights`` (zeros for None). None where a grid does not suit (points
    spread far beyond the distance, too many categories to keep running totals of): the caller lists pairs."""
    from .parallel import in_pieces

    n = len(xy)
    counts = np.zeros((n, n_columns), dtype=np.int64)
    sums = np.zeros(n)
    if n == 0 or len(pxy) == 0:
        return counts, sums
    if not (distance > 0 and np.isfinite(distance)) or len(pxy) * n_columns > _MAX_PREFIX_VALUES:
        return None
    if not (np.isfinite(xy).all() and np.isfinite(pxy).all()) or (weights is not None and not np.isfinite(weights).all()):
        return None  # a NaN in running totals would reach every later point
    # only the categories present are totalled (a profile has twenty, a layer often half of them)
    present = np.bincount(column, minlength=n_columns) > 0
    if not present.all():
        used = np.nonzero(present)[0]
        renumber = np.cumsum(present) - 1
        found = count_within(xy, pxy, renumber[column], len(used), weights, distance)
        if found is not None:
            counts[:, used] = found[0]
            return counts, found[1]
        return None
    grid = _Grid(pxy, column, n_columns, weights, distance)
    if grid.h > 2 * distance:
        return None
    # a margin far above rounding (coordinates of up to a few million metres carry errors of about 1e-9 m)
    scale = float(max(np.abs(pxy).max(), np.abs(xy).max()))
    margin = distance * 1e-9 + scale * 1e-12
    parts = in_pieces(lambda lo, hi: _count_piece(grid, xy[lo:hi], distance, margin), n, _PIECE)  # in order
    return np.concatenate([c for c, _s in parts]), np.concatenate([s for _c, s in parts])


def _count_piece(grid: _Grid, xy: np.ndarray, distance: float, margin: float) -> Tuple[np.ndarray, np.ndarray]:
    k, h, ncx = len(xy), grid.h, grid.ncx
    outer, inner = distance + margin, distance - margin
    local = xy - grid.origin
    # the rows of cells each circle reaches
    r_lo = np.maximum(np.floor((local[:, 1] - outer) / h), 0).astype(np.int64)
    r_hi = np.minimum(np.floor((local[:, 1] + outer) / h), grid.ncy - 1).astype(np.int64)
    n_rows = np.maximum(r_hi - r_lo + 1, 0)
    ci = np.repeat(np.arange(k), n_rows)
    row = _ragged_arange(r_lo, n_rows)
    cx, cy = local[ci, 0], local[ci, 1]
    low, high = row * h - cy, (row + 1) * h - cy  # the row's band, from the centre
    near = np.maximum(np.maximum(low, -high), 0.0)  # 0 when the centre is in the band
    far = np.maximum(np.abs(low), np.abs(high))
    half_out = np.sqrt(np.maximum(outer * outer - near * near, 0.0))
    c_lo = np.floor((cx - half_out) / h)
    c_hi = np.floor((cx + half_out) / h)
    use = (near <= outer) & (c_hi >= 0) & (c_lo <= ncx - 1)
    ci, row, cx, far, c_lo, c_hi = ci[use], row[use], cx[use], far[use], c_lo[use], c_hi[use]
    c_lo = np.maximum(c_lo, 0).astype(np.int64)
    c_hi = np.minimum(c_hi, ncx - 1).astype(np.int64)
    # the cells wholly inside: their farthest corner within the inner radius
    half_in = np.sqrt(np.maximum(inner * inner - far * far, 0.0))
    i_lo = np.maximum(np.ceil((cx - half_in) / h), c_lo).astype(np.int64)
    i_hi = np.minimum(np.floor((cx + half_in) / h) - 1, c_hi).astype(np.int64)
    whole = (far < inner) & (i_lo <= i_hi)
    base = row * ncx
    a, b = grid.starts[base + c_lo], grid.starts[base + c_hi + 1]
    ia = np.where(whole, grid.starts[base + np.where(whole, i_lo, 0)], a)
    ib = np.where(whole, grid.starts[base + np.where(whole, i_hi, 0) + 1], a)
    # the wholly inside cells, counted from the running totals (exact integers), summed per circle
    counts = np.zeros((k, grid.n_columns), dtype=np.int64)
    per_circle = np.bincount(ci, minlength=k)
    reached = np.nonzero(per_circle)[0]
    if len(reached):
        first_row = (np.cumsum(per_circle) - per_circle)[reached]  # the rows of a circle follow each other
        counts[reached] = np.add.reduceat(grid.counts[:, ib] - grid.counts[:, ia], first_row, axis=1, dtype=np.int64).T
    sums = np.zeros(k)
    if grid.sums is not None:
        sums = np.bincount(ci, weights=grid.sums[ib] - grid.sums[ia], minlength=k)
    # the cells the edge crosses: each point measured as brute force measures it, a bounded number at a time
    owner = np.concatenate([ci, ci])
    first = np.concatenate([a, ib])
    lengths = np.concatenate([ia - a, b - ib])
    order = np.argsort(owner, kind="stable")  # circle by circle: each circle's sum in one order
    owner, first, lengths = owner[order], first[order], lengths[order]
    reach = np.cumsum(lengths)
    cuts = np.searchsorted(reach, np.arange(_MAX_MEASURED, int(reach[-1]) if len(reach) else 0, _MAX_MEASURED), side="right")
    for lo, hi in zip(np.concatenate([[0], cuts]), np.concatenate([cuts, [len(owner)]])):
        j = _ragged_arange(first[lo:hi], lengths[lo:hi])
        i = np.repeat(owner[lo:hi], lengths[lo:hi])
        dx = xy[i, 0] - grid.x[j]
        dy = xy[i, 1] - grid.y[j]
        inside = dx * dx + dy * dy <= distance * distance
        i, j = i[inside], j[inside]
        counts += np.bincount(i * grid.n_columns + grid.column[j], minlength=k * grid.n_columns).reshape(k, grid.n_columns)
        if grid.weights is not None:
            sums += np.bincount(i, weights=grid.weights[j], minlength=k)
    return counts, sums
