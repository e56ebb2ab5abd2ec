"""Where the people are (第53、84条): population surfaces for every analysis that weighs people (no QGIS here).

A :class:`Surface` is people as weighted pieces: a place (x, y in the working CRS) where each piece joins the
network or a circle, its people, the source feature it came from, and the piece's polygon where it has one. It is
built from

* points with a count (:func:`from_points`): each point a piece;
* polygons with a count (:func:`from_polygons`): each polygon cut by a square grid (``population.piece_size``) and
  its people spread over the pieces by area, by the residential land inside them (dasymetric), or by a population
  raster (the count stays the polygon's total; the raster says where inside it the people live);
* a population raster alone (:func:`from_polygons` without counts): the pieces' people are the raster's exact sums.

Raster sums are exact (:func:`zonal_population`): each cell counts with the share of its area inside the zone
(:mod:`.coverage`), never whole or not at all by its centre. A raster of people per km² is multiplied by each cell's
area (on the ellipsoid for a longitude/latitude grid). Only the window the zones cover is read, strip by strip.
"""

import math
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

import numpy as np
import shapely

from .cancel import check, interruptible, reporter
from .coverage import Grid, coverage_batch
from .coverage import windows as coverage_windows
from .messages import QT_TRANSLATE_NOOP, CoreError, Message, Note

PEOPLE_PER_CELL, PEOPLE_PER_KM2 = 0, 1
WGS84 = (6378137.0, 298.257223563)
_STRIP_CELLS = 4_000_000  # cells read at once: 32 MB as float64
_BATCH_CELLS = 50_000_000  # cells of zones' windows taken at once (their coverage is kept by outline, not by area)


@dataclass
class Raster:
    """A population raster as core sees it: its grid, a reader of windows, what a cell holds.

    ``read(row0, row1, col0, col1)`` returns the cells of that window as a 2-D numpy array (the adapter reads them
    with GDAL); ``kind`` is :data:`PEOPLE_PER_CELL` or :data:`PEOPLE_PER_KM2`; ``nodata`` the value of cells without
    data (NaN cells never count either); ``to_grid`` turns geometries of the working CRS into the raster's (None:
    the same CRS); ``ellipsoid`` (semi-major axis in m, inverse flattening) gives the cell areas of a
    longitude/latitude grid."""

    grid: Grid
    read: Callable[[int, int, int, int], np.ndarray]
    kind: int = PEOPLE_PER_CELL
    nodata: Optional[float] = None
    to_grid: Optional[Callable[[np.ndarray], np.ndarray]] = None
    name: str = ""
    ellipsoid: tuple = WGS84

    def method(self) -> Message:
        if self.kind == PEOPLE_PER_KM2 and self.grid.geographic:
            return Message(QT_TRANSLATE_NOOP("Core", "raster, people per km² × each cell's area on the ellipsoid, exact cell shares"))
        if self.kind == PEOPLE_PER_KM2:
            return Message(QT_TRANSLATE_NOOP("Core", "raster, people per km² × cell area, exact cell shares"))
        return Message(QT_TRANSLATE_NOOP("Core", "raster, people per cell, exact cell shares"))


@dataclass
class ZonalPopulation:
    """People of each zone from a raster. ``people`` is NaN where the zone has no cell with data (outside the
    raster, or over nodata only): not assessed, never 0. ``cells`` counts the cells with data it touches; ``gap`` is
    the share of its area without data. ``raster_total`` is the people of every cell with data in the window the
    zones cover; ``negative`` the cells of that window with a negative value, skipped."""

    people: np.ndarray
    cells: np.ndarray
    gap: np.ndarray
    raster_total: float
    negative: int
    method: Message
    notes: List[Note] = field(default_factory=list)


def _authalic_q(lat: np.ndarray, e: float) -> np.ndarray:
    s = np.sin(lat)
    if e == 0:
        return 2 * s
    return (1 - e * e) * (s / (1 - (e * s) ** 2) - np.log((1 - e * s) / (1 + e * s)) / (2 * e))


def cell_area_km2(grid: Grid, rows: np.ndarray, ellipsoid: tuple = WGS84) -> np.ndarray:
    """The area in km² of one cell of each row in ``rows``: on the ellipsoid for a longitude/latitude grid (the
    area of a band between two latitudes, exactly), width × height for a projected one."""
    rows = np.asarray(rows, dtype=float)
    if not grid.geographic:
        return np.full(len(rows), grid.dx * grid.dy / 1e6)
    a, rf = ellipsoid
    f = 1.0 / rf if rf else 0.0
    e = math.sqrt(f * (2 - f))
    top = np.radians(np.clip(grid.y0 - rows * grid.dy, -90, 90))
    bottom = np.radians(np.clip(grid.y0 - (rows + 1) * grid.dy, -90, 90))
    # area between two latitudes over a longitude span: a²/2 · Δλ · (q(φ1) - q(φ2)), q the authalic function
    return a * a / 2 * math.radians(grid.dx) * np.abs(_authalic_q(top, e) - _authalic_q(bottom, e)) / 1e6


def zonal_population(zones: Sequence, raster: Raster, progress=None, canceled=None, strip_cells: int = _STRIP_CELLS) -> ZonalPopulation:
    """The people of each zone (polygons of the working CRS; None: not assessed) from ``raster``, exactly: every
    cell with data counts with the share of its area inside the zone. Zones are taken in batches of nearby windows
    (at most ``strip_cells`` cells each), the raster read strip by strip under each batch."""
    zones = np.asarray(zones, dtype=object)
    report = reporter(progress)
    grid = raster.grid
    n = len(zones)
    in_grid = raster.to_grid(zones) if raster.to_grid is not None and n else zones
    people, valid_area, cells, area = np.zeros(n), np.zeros(n), np.zeros(n, dtype=np.int64), np.zeros(n)
    windows = coverage_windows(in_grid, grid)
    size = (windows[:, 1] - windows[:, 0]) * (windows[:, 3] - windows[:, 2])
    order = np.argsort(windows[:, 0], kind="stable")  # nearby windows together: each batch reads a band of rows
    batches, current, held = [], [], 0
    for i in order:
        if current and held + size[i] > min(strip_cells, _BATCH_CELLS):
            batches.append(current)
            current, held = [], 0
        current.append(i)
        held += size[i]
    if current:
        batches.append(current)
    negative = 0
    for b, batch in enumerate(batches):
        check(canceled)
        report(b / max(len(batches), 1))
        batch = np.asarray(batch)
        cov = coverage_batch(in_grid[batch], grid)
        area[batch] = cov.area_cells
        sums = _sums_under(cov, raster, strip_cells, canceled, len(batch))
        people[batch] += sums[0]
        valid_area[batch] += sums[1]
        cells[batch] += sums[2]
    raster_total, negative = _window_total(raster, windows[size > 0], strip_cells, canceled)
    report(1.0)
    assessed = valid_area > 0
    gap = np.where(area > 0, np.clip(1 - valid_area / np.where(area > 0, area, 1), 0, 1), 1.0)
    result = ZonalPopulation(np.where(assessed, people, np.nan), cells, gap, raster_total, negative, raster.method())
    missing = np.nonzero(~assessed & np.array([z is not None for z in zones], dtype=bool))[0]
    if len(missing):
        result.notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core", "{0} zone(s) have no raster cell with data (outside raster '{1}', or over nodata only): not assessed."
                    ),
                    len(missing),
                    raster.name,
                ),
            )
        )
    if negative:
        result.notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core", "{0} cell(s) of raster '{1}' under the zones hold a negative value that is not its nodata value: skipped."
                    ),
                    negative,
                    raster.name,
                ),
            )
        )
    return result


def _sums_under(cov, raster: Raster, strip_cells: int, canceled, n: int):
    """For the ``n`` polygons of ``cov``: the people under them (each cell × its share), the area with data (cell
    units) and the cells with data they touch, the raster read strip by strip under their windows. Cells crossed by
    an edge count one by one; runs down a column, from running sums of the strip's columns."""
    people, valid, cells = np.zeros(n), np.zeros(n), np.zeros(n, dtype=np.int64)
    rows = np.concatenate([cov.edge_row, cov.run_start, cov.run_stop - 1])
    if not len(rows):
        return people, valid, cells
    cols = np.concatenate([cov.edge_col, cov.run_col])
    r0, r1, c0, c1 = int(rows.min()), int(rows.max()) + 1, int(cols.min()), int(cols.max()) + 1
    step = max(1, strip_cells // max(c1 - c0, 1))
    for a in range(r0, r1, step):
        check(canceled)
        stop = min(a + step, r1)
        values, ok, _skipped = _strip(raster, a, stop, c0, c1)
        take = np.nonzero((cov.edge_row >= a) & (cov.edge_row < stop) & (cov.edge_frac > 0))[0]
        r, c = cov.edge_row[take] - a, cov.edge_col[take] - c0
        good = ok[r, c]
        take, v, f = take[good], values[r[good], c[good]], cov.edge_frac[take[good]]
        z = cov.edge_zone[take]
        people += np.bincount(z, weights=f * v, minlength=n)
        valid += np.bincount(z, weights=f, minlength=n)
        cells += np.bincount(z, minlength=n)
        runs = np.nonzero((cov.run_start < stop) & (cov.run_stop > a))[0]
        if not len(runs):
            continue
        # running sums down each column of the strip (a row of zeros on top): a run's sum is a difference of two
        counted = np.zeros((stop - a + 1, c1 - c0))
        np.cumsum(np.where(ok, values, 0.0), axis=0, out=counted[1:])
        with_data = np.zeros((stop - a + 1, c1 - c0), dtype=np.int64)
        np.cumsum(ok, axis=0, out=with_data[1:])
        top = np.clip(cov.run_start[runs], a, stop) - a
        bottom = np.clip(cov.run_stop[runs], a, stop) - a
        c, f, z = cov.run_col[runs] - c0, cov.run_frac[runs], cov.run_zone[runs]
        k = with_data[bottom, c] - with_data[top, c]
        people += np.bincount(z, weights=f * (counted[bottom, c] - counted[top, c]), minlength=n)
        valid += np.bincount(z, weights=f * k, minlength=n)
        cells += np.bincount(z, weights=k, minlength=n).astype(np.int64)
    return people, valid, cells


def _window_total(raster: Raster, windows: np.ndarray, strip_cells: int, canceled):
    """The people of every cell with data in the window that ``windows`` (row0, row1, col0, col1) span, and its
    negative cells."""
    if not len(windows):
        return 0.0, 0
    r0, r1, c0, c1 = int(windows[:, 0].min()), int(windows[:, 1].max()), int(windows[:, 2].min()), int(windows[:, 3].max())
    total, negative = 0.0, 0
    step = max(1, strip_cells // max(c1 - c0, 1))
    for a in range(r0, r1, step):
        check(canceled)
        values, ok, skipped = _strip(raster, a, min(a + step, r1), c0, c1)
        total += float(values[ok].sum())
        negative += skipped
    return total, negative


def _strip(raster: Raster, a: int, b: int, c0: int, c1: int):
    """Rows ``a``…``b`` and columns ``c0``…``c1`` of the raster in people per cell, the mask of cells with data, and
    the count of negative cells (skipped)."""
    values = np.asarray(raster.read(a, b, c0, c1), dtype=np.float64)
    if values.shape != (b - a, c1 - c0):
        raise CoreError(
            QT_TRANSLATE_NOOP("Core", "Raster '{0}' gave {1} cells where {2} were asked for: the file may be damaged."),
            raster.name,
            "×".join(map(str, values.shape)),
            f"{b - a}×{c1 - c0}",
        )
    ok = np.isfinite(values)
    if raster.nodata is not None and np.isfinite(raster.nodata):
        ok &= values != raster.nodata
    below = ok & (values < 0)
    ok &= ~below
    if raster.kind == PEOPLE_PER_KM2:
        values = values * cell_area_km2(raster.grid, np.arange(a, b), raster.ellipsoid)[:, None]
    return values, ok, int(np.count_nonzero(below))


# ----------------------------------------------------------------------------------------------- population surfaces


@dataclass
class Surface:
    """People as weighted pieces (see the module's docstring). ``xy`` (n × 2, working CRS) is where each piece joins
    the network or a circle, ``people`` its people, ``source`` the position of the feature it came from (of
    ``sources`` features), ``pieces`` the pieces' polygons (None for points). ``method`` says how it was built."""

    xy: np.ndarray
    people: np.ndarray
    source: np.ndarray
    sources: int
    pieces: Optional[np.ndarray]
    method: Message
    notes: List[Note] = field(default_factory=list)
    assessed: Optional[np.ndarray] = None  # per source feature: False where its people are unknown

    def per_source(self) -> np.ndarray:
        """People of each source feature (NaN where unknown)."""
        total = np.bincount(self.source, weights=self.people, minlength=self.sources) if len(self.source) else np.zeros(self.sources)
        return np.where(self.assessed, total, np.nan) if self.assessed is not None else total

    @property
    def total(self) -> float:
        return float(self.people.sum())

    def within(self, zones: Sequence, canceled=None) -> np.ndarray:
        """The people of the surface inside each zone (polygons; None: NaN). A point counts whole where the zone
        covers it; a piece counts with the share of its area inside the zone (people spread evenly over a piece)."""
        zones = np.asarray(zones, dtype=object)
        out = np.full(len(zones), np.nan)
        present = ~shapely.is_missing(zones)
        present[present] = ~shapely.is_empty(zones[present])
        idx = np.nonzero(present)[0]
        out[idx] = 0.0
        if not len(idx) or not len(self.people):
            return out
        check(canceled)
        if self.pieces is None:
            tree = shapely.STRtree(shapely.points(self.xy))
            zi, pi = tree.query(zones[idx], predicate="covers")
            share = np.ones(len(zi))
        else:
            tree = shapely.STRtree(self.pieces)
            zi, pi = tree.query(zones[idx], predicate="intersects")
            check(canceled)
            whole = shapely.contains_properly(zones[idx][zi], self.pieces[pi])
            share = np.ones(len(zi))
            part = ~whole
            areas = shapely.area(self.pieces[pi[part]])
            cut = shapely.area(shapely.intersection(zones[idx][zi[part]], self.pieces[pi[part]]))
            share[part] = np.where(areas > 0, cut / np.where(areas > 0, areas, 1), 0.0)
        out[idx] = np.bincount(zi, weights=self.people[pi] * share, minlength=len(idx))
        return out


def from_points(points: Sequence, counts: Sequence) -> Surface:
    """Each point with a known, non-negative count is a piece of that many people."""
    points = np.asarray(points, dtype=object)
    counts = np.asarray(counts, dtype=float)
    ok = ~shapely.is_missing(points) & np.isfinite(counts) & (counts >= 0)
    ok[ok] = ~shapely.is_empty(points[ok])
    idx = np.nonzero(ok)[0]
    xy = shapely.get_coordinates(shapely.point_on_surface(points[idx])) if len(idx) else np.zeros((0, 2))
    return Surface(xy, counts[idx], idx, len(points), None, Message(QT_TRANSLATE_NOOP("Core", "points with a count")), assessed=ok)


def cut_by_grid(polygons: Sequence, size: float, canceled=None):
    """``polygons`` cut by the square grid of ``size`` (cells at whole multiples of ``size``, so that neighbouring
    polygons share it): (pieces, position of the polygon each came from). Pieces of no area are dropped."""
    if not size > 0:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "The piece size must be above 0 (profile key population.piece_size)."))
    polygons = np.asarray(polygons, dtype=object)
    owners, boxes = [], []
    for i, poly in enumerate(polygons):
        if poly is None or shapely.is_empty(poly):
            continue
        xmin, ymin, xmax, ymax = shapely.bounds(poly)
        gx = np.arange(math.floor(xmin / size), math.ceil(xmax / size)) * size
        gy = np.arange(math.floor(ymin / size), math.ceil(ymax / size)) * size
        x, y = np.meshgrid(gx, gy)
        boxes.append(shapely.box(x.ravel(), y.ravel(), x.ravel() + size, y.ravel() + size))
        owners.append(np.full(x.size, i))
        if i % 8 == 0:
            check(canceled)
    if not boxes:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    boxes, owners = np.concatenate(boxes), np.concatenate(owners)

    def cut():  # a few GEOS calls over every box at once: seconds at city scale, so on a worker thread (cancel)
        shapely.prepare(polygons[np.unique(owners)])
        whole = shapely.contains_properly(polygons[owners], boxes)
        edge = ~whole & shapely.intersects(polygons[owners], boxes)
        pieces = boxes.copy()
        pieces[edge] = shapely.intersection(boxes[edge], polygons[owners[edge]])
        keep = whole | edge
        keep[edge] = shapely.area(pieces[edge]) > 0
        return pieces[keep], owners[keep]

    return interruptible(cut, canceled)


def from_polygons(
    polygons: Sequence,
    counts: Optional[Sequence] = None,
    piece_size: float = 250.0,
    residential: Optional[Sequence] = None,
    raster: Optional[Raster] = None,
    mismatch_share: float = 0.25,
    names: Optional[Sequence] = None,
    progress=None,
    canceled=None,
) -> Surface:
    """People spread over polygons, as pieces of a ``piece_size`` grid.

    With ``counts``, each polygon's count is spread over its pieces: by the raster's people inside each piece when
    a ``raster`` is given (the count stays the total; polygons whose count and raster sum differ by more than
    ``mismatch_share`` of the count are named), else by the area of ``residential`` polygons inside each piece
    (dasymetric), else by area. A polygon with no raster people or no residential land inside is spread by area,
    and named. Without ``counts``, the pieces' people are the raster's exact sums (``raster`` is then required)."""
    report = reporter(progress)
    polygons = np.asarray(polygons, dtype=object)
    n = len(polygons)
    names = list(names) if names is not None else list(range(1, n + 1))
    if counts is None and raster is None:
        raise CoreError(QT_TRANSLATE_NOOP("Core", "People spread over polygons need a count field or a population raster."))
    counts = np.asarray(counts, dtype=float) if counts is not None else None
    present = ~shapely.is_missing(polygons)
    present[present] = ~shapely.is_empty(polygons[present])
    assessed = present & (np.isfinite(counts) & (counts >= 0) if counts is not None else True)
    pieces, owner = cut_by_grid(np.where(assessed, polygons, None), piece_size, canceled)
    report(0.3)
    area = shapely.area(pieces)
    notes: List[Note] = []
    weight, method = area, Message(QT_TRANSLATE_NOOP("Core", "polygons, spread by area"))
    places = pieces
    if raster is not None:
        zonal = zonal_population(pieces, raster, reporter(progress, 0.3, 0.6), canceled)
        notes.extend(zonal.notes)
        weight = np.nan_to_num(zonal.people)
        method = raster.method() if counts is None else Message(QT_TRANSLATE_NOOP("Core", "polygon counts, spread by {0}"), raster.method())
        if counts is None:  # the raster's people themselves; a polygon with no data under it is not assessed
            has_data = np.bincount(owner, weights=np.isfinite(zonal.people), minlength=n) > 0
            assessed = assessed & has_data
    elif residential is not None:
        weight, places = _residential_weights(pieces, residential, canceled)
        method = Message(QT_TRANSLATE_NOOP("Core", "polygons, spread over residential land"))
    report(0.9)
    if counts is None:
        people = weight
    else:
        people = _spread(counts, owner, weight, area, n)
        notes.extend(_spread_notes(counts, owner, weight, assessed, names, raster, residential is not None, mismatch_share))
    xy = _places(places, canceled)
    report(1.0)
    return Surface(xy, np.asarray(people, dtype=float), owner, n, pieces, method, notes, assessed)


def _spread_notes(counts, owner, weight, assessed, names, raster, residential: bool, mismatch_share: float) -> List[Note]:
    """What the log says of a spread of polygon counts: the polygons spread by area for want of raster people or
    residential land, and those whose count and raster sum differ by more than ``mismatch_share``."""
    n = len(counts)
    notes = []
    fallback = np.nonzero((np.bincount(owner, weights=weight, minlength=n) <= 0) & assessed)[0]
    if len(fallback) and (raster is not None or residential):
        notes.append(
            _named_note(
                QT_TRANSLATE_NOOP("Core", "{0} polygon(s) have no {1} inside: their people are spread by area ({2})."),
                fallback,
                names,
                Message(QT_TRANSLATE_NOOP("Core", "raster people"))
                if raster is not None
                else Message(QT_TRANSLATE_NOOP("Core", "residential land")),
            )
        )
    if raster is not None:
        rsum = np.bincount(owner, weights=weight, minlength=n)
        off = np.nonzero(assessed & (np.abs(rsum - np.nan_to_num(counts)) > mismatch_share * np.nan_to_num(counts)) & (rsum > 0))[0]
        if len(off):
            notes.append(
                _named_note(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{0} polygon(s) have a count that differs from the raster's people inside by more than {1:.0%}: {2}. "
                        "The counts are kept as totals.",
                    ),
                    off,
                    names,
                    mismatch_share,
                )
            )
    return notes


def _places(places, canceled) -> np.ndarray:
    """Each piece's place, to the millimetre: the same place whatever the last bits of the polygon read (a file or a
    database), so that a piece midway between two roads joins the same one."""
    if not len(places):
        return np.zeros((0, 2))
    return np.round(shapely.get_coordinates(interruptible(lambda: shapely.point_on_surface(places), canceled)), 3)


def _spread(counts, owner, weight, area, n) -> np.ndarray:
    """Each polygon's count over its pieces in proportion to ``weight``; by ``area`` where its weights sum to 0."""
    total_w = np.bincount(owner, weights=weight, minlength=n)
    total_a = np.bincount(owner, weights=area, minlength=n)
    by_weight = total_w[owner] > 0
    share = np.where(by_weight, weight / np.where(by_weight, total_w[owner], 1), area / np.where(total_a[owner] > 0, total_a[owner], 1))
    return np.nan_to_num(counts)[owner] * share


def _residential_weights(pieces, residential, canceled):
    """The area of residential land inside each piece, and the place of each piece (on its residential part where
    it has one)."""
    res = np.asarray(residential, dtype=object)
    res = res[~shapely.is_missing(res)]
    res = res[~shapely.is_empty(res)] if len(res) else res
    if not len(res) or not len(pieces):
        return np.zeros(len(pieces)), pieces
    check(canceled)
    land = shapely.get_parts(shapely.union_all(res))  # overlapping land-use or building polygons counted once
    land = land[shapely.get_type_id(land) == 3]
    tree = shapely.STRtree(land)
    pi, li = tree.query(pieces, predicate="intersects")
    check(canceled)
    parts = shapely.intersection(pieces[pi], land[li])
    areas = shapely.area(parts)
    weight = np.bincount(pi, weights=areas, minlength=len(pieces))
    places = pieces.copy()
    if len(pi):  # the largest residential part of each piece is where its people are
        order = np.lexsort((-areas, pi))
        first = order[np.r_[True, pi[order][1:] != pi[order][:-1]]]
        good = areas[first] > 0
        places[pi[first][good]] = parts[first][good]
    return weight, places


def _named_note(template, idx, names, middle) -> Note:
    """A warning ``template`` filled with the count of ``idx``, ``middle`` and the first ten of their names."""
    shown = ", ".join(str(names[i]) for i in idx[:10]) + (" …" if len(idx) > 10 else "")
    return Note("warning", Message(template, len(idx), middle, shown))


def reprojector(source_wkt: str, target_wkt: str, max_segment: float = 0.0, names: tuple = ("", "")) -> Callable[[np.ndarray], np.ndarray]:
    """A function that takes geometries from the CRS ``source_wkt`` to ``target_wkt`` (pyproj), their edges first
    cut to at most ``max_segment`` (source units; 0: not cut) so that edges that curve in the target stay close to
    it. A coordinate that cannot be transformed is a CoreError naming ``names`` (the layer, the raster)."""
    from pyproj import CRS, Transformer

    transformer = Transformer.from_crs(CRS.from_wkt(source_wkt), CRS.from_wkt(target_wkt), always_xy=True)

    def move(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1], errcheck=False)
        out = np.column_stack([x, y])
        if not np.isfinite(out).all():
            raise CoreError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Some features of layer '{0}' lie outside the area where the CRS of raster '{1}' is defined: they "
                    "cannot be placed on its grid. Check the layer's coordinates and CRS.",
                ),
                *names,
            )
        return out

    def to_target(geoms: np.ndarray) -> np.ndarray:
        geoms = np.asarray(geoms, dtype=object)
        out = np.full(len(geoms), None, dtype=object)
        present = ~shapely.is_missing(geoms)
        if present.any():
            g = geoms[present]
            if max_segment > 0:
                g = shapely.segmentize(g, max_segment)
            out[present] = shapely.transform(g, move)
        return out

    return to_target
