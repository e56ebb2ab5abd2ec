"""Corridors and active faults: crossings, avoidance zones, exposed lengths and facility setbacks.

Pure shapely and numpy, in a metric CRS. The plan asks for strict avoidance of active faults
(第86条), flexible seismic measures where important corridors cross them (第44条), and a list of
corridor sections exposed to waterlogging (第62、75条).

Every function takes arrays of shapely geometries (None allowed where stated) and returns numpy
arrays indexed like its inputs, so that the Processing adapters only read and write layers.
"""

import functools
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .parallel import parallel, side_by_side
from .profile import PlanProfile

CONTACT_CROSS = "cross"  # the corridor passes through the fault
CONTACT_TOUCH = "touch"  # the corridor or the fault ends on the other
CONTACT_ALONG = "along"  # the corridor runs on the fault trace itself (collinear)

SEVERITY_CLASSES = ("low", "medium", "high")
SEVERITY_CLASSES_ZH = {"low": "低", "medium": "中", "high": "高"}

# Coordinates of a crossing are GEOS's; a point is "on" a segment or an end within this (metres).
_ON_TOLERANCE = 1e-3


def _as_array(geoms: Sequence) -> np.ndarray:
    if isinstance(geoms, np.ndarray) and geoms.dtype == object and geoms.ndim == 1:
        return geoms.copy()  # a copy of the references, never the caller's array
    out = np.empty(len(geoms), dtype=object)
    out[:] = list(geoms)
    return out


def _present(geoms: np.ndarray) -> np.ndarray:
    return ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)


@dataclass
class Segments:
    """Every straight segment of a set of lines, with its chainage along its line (parts in order)."""

    owner: np.ndarray  # index of the line
    x0: np.ndarray
    y0: np.ndarray
    x1: np.ndarray
    y1: np.ndarray
    chainage: np.ndarray  # metres from the start of the line to the segment's start
    part_start: np.ndarray  # the segment begins a part
    part_end: np.ndarray  # the segment ends a part

    @classmethod
    def of(cls, lines: np.ndarray) -> "Segments":
        parts, owner_of_part = shapely.get_parts(lines, return_index=True)
        coords, part_of_coord = shapely.get_coordinates(parts, return_index=True)
        same = part_of_coord[1:] == part_of_coord[:-1]
        start = np.nonzero(same)[0]
        part = part_of_coord[start]
        x0, y0 = coords[start, 0], coords[start, 1]
        x1, y1 = coords[start + 1, 0], coords[start + 1, 1]
        length = np.hypot(x1 - x0, y1 - y0)
        owner = owner_of_part[part]
        # chainage: cumulative length within each line, parts following each other
        cum = np.cumsum(length) - length
        first_of_owner = np.ones(len(owner), dtype=bool)
        first_of_owner[1:] = owner[1:] != owner[:-1]
        offset = np.maximum.accumulate(np.where(first_of_owner, cum, 0.0))
        part_start = np.ones(len(part), dtype=bool)
        part_start[1:] = part[1:] != part[:-1]
        part_end = np.ones(len(part), dtype=bool)
        part_end[:-1] = part[1:] != part[:-1]
        return cls(owner, x0, y0, x1, y1, cum - offset, part_start, part_end)

    def locate(self, owner: np.ndarray, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """For each point (on line ``owner``), the nearest segment of that line and its distance.

        Ties (a point on a vertex shared by two segments) go to the earlier segment.
        """
        boxes = shapely.box(
            np.minimum(self.x0, self.x1) - _ON_TOLERANCE,
            np.minimum(self.y0, self.y1) - _ON_TOLERANCE,
            np.maximum(self.x0, self.x1) + _ON_TOLERANCE,
            np.maximum(self.y0, self.y1) + _ON_TOLERANCE,
        )
        tree = shapely.STRtree(boxes)
        pi, si = tree.query(shapely.points(x, y))
        keep = self.owner[si] == owner[pi]
        pi, si = pi[keep], si[keep]
        d = _point_segment_distance(x[pi], y[pi], self.x0[si], self.y0[si], self.x1[si], self.y1[si])
        order = np.lexsort((si, d, pi))  # per point: nearest first, then earliest segment
        pi, si, d = pi[order], si[order], d[order]
        first = np.ones(len(pi), dtype=bool)
        first[1:] = pi[1:] != pi[:-1]
        seg = np.full(len(x), -1, dtype=np.int64)
        dist = np.full(len(x), np.inf)
        seg[pi[first]] = si[first]
        dist[pi[first]] = d[first]
        return seg, dist


def _point_segment_distance(px, py, x0, y0, x1, y1) -> np.ndarray:
    dx, dy = x1 - x0, y1 - y0
    len2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(len2 > 0, ((px - x0) * dx + (py - y0) * dy) / np.where(len2 > 0, len2, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(px - (x0 + t * dx), py - (y0 + t * dy))


def acute_angle(ux, uy, vx, vy) -> np.ndarray:
    """The angle between two directions, folded to 0-90 degrees (0: parallel, 90: perpendicular)."""
    cross = np.abs(ux * vy - uy * vx)
    dot = np.abs(ux * vx + uy * vy)
    return np.degrees(np.arctan2(cross, dot))


@dataclass
class Crossings:
    """Where corridors meet faults: one row per contact."""

    corridor: np.ndarray  # index into the corridors
    fault: np.ndarray  # index into the faults
    x: np.ndarray
    y: np.ndarray
    angle: np.ndarray  # degrees, 0-90; 0 for "along"
    chainage: np.ndarray  # metres along the corridor (parts in order)
    contact: np.ndarray  # CONTACT_CROSS / CONTACT_TOUCH / CONTACT_ALONG
    along_length: np.ndarray  # metres of corridor on the fault trace (CONTACT_ALONG), else 0

    def __len__(self) -> int:
        return len(self.corridor)


def find_crossings(corridors: Sequence, faults: Sequence) -> Crossings:
    """Every point where a corridor meets a fault, with the angle and the chainage along the corridor.

    The points are the point parts of the GEOS intersection of each corridor with each fault (as
    ``native:lineintersections`` finds them). Where a corridor lies on the fault trace itself, the
    overlap is reported once more as an "along" contact at its midpoint, with its length.
    """
    corridors, faults = _as_array(corridors), _as_array(faults)
    empty = Crossings(*(np.empty(0, dtype=t) for t in (np.int64, np.int64, float, float, float, float, object, float)))
    c_ok, f_ok = np.nonzero(_present(corridors))[0], np.nonzero(_present(faults))[0]
    if not len(c_ok) or not len(f_ok):
        return empty
    tree = shapely.STRtree(corridors[c_ok])
    fj, ci = tree.query(faults[f_ok], predicate="intersects")  # each fault prepared once
    if not len(ci):
        return empty
    ci, fj = c_ok[ci], f_ok[fj]
    inter = parallel(shapely.intersection, corridors[ci], faults[fj])
    parts, pair = shapely.get_parts(inter, return_index=True)
    parts, sub = shapely.get_parts(parts, return_index=True)  # collections may hold multi-parts
    pair = pair[sub]
    kind = shapely.get_type_id(parts)
    is_point, is_line = kind == 0, kind == 1
    pt_pair, line_pair = pair[is_point], pair[is_line]
    pxy = shapely.get_coordinates(parts[is_point])
    lines = parts[is_line]
    mid = shapely.line_interpolate_point(lines, 0.5, normalized=True)
    mxy = shapely.get_coordinates(mid) if len(lines) else np.empty((0, 2))
    c_idx = np.concatenate([ci[pt_pair], ci[line_pair]])
    f_idx = np.concatenate([fj[pt_pair], fj[line_pair]])
    x = np.concatenate([pxy[:, 0], mxy[:, 0]])
    y = np.concatenate([pxy[:, 1], mxy[:, 1]])
    along = np.concatenate([np.zeros(len(pxy)), shapely.length(lines)])
    contact = np.array([CONTACT_CROSS] * len(pxy) + [CONTACT_ALONG] * len(mxy), dtype=object)

    used_c, c_inv = np.unique(c_idx, return_inverse=True)
    used_f, f_inv = np.unique(f_idx, return_inverse=True)
    cseg = Segments.of(corridors[used_c])
    fseg = Segments.of(faults[used_f])
    cs, _cd = cseg.locate(c_inv, x, y)
    fs, _fd = fseg.locate(f_inv, x, y)
    angle = acute_angle(cseg.x1[cs] - cseg.x0[cs], cseg.y1[cs] - cseg.y0[cs], fseg.x1[fs] - fseg.x0[fs], fseg.y1[fs] - fseg.y0[fs])
    angle[contact == CONTACT_ALONG] = 0.0
    chainage = cseg.chainage[cs] + np.hypot(x - cseg.x0[cs], y - cseg.y0[cs])
    # a point on the end of a corridor part or a fault part is a touch, not a crossing
    ends = np.zeros(len(x), dtype=bool)
    for seg, s in ((cseg, cs), (fseg, fs)):
        at_start = seg.part_start[s] & (np.hypot(x - seg.x0[s], y - seg.y0[s]) <= _ON_TOLERANCE)
        at_end = seg.part_end[s] & (np.hypot(x - seg.x1[s], y - seg.y1[s]) <= _ON_TOLERANCE)
        ends |= at_start | at_end
    contact[(contact == CONTACT_CROSS) & ends] = CONTACT_TOUCH
    order = np.lexsort((chainage, c_idx))
    return Crossings(c_idx[order], f_idx[order], x[order], y[order], angle[order], chainage[order], contact[order], along[order])


# ------------------------------------------------------------------ avoidance zones and exposure


def avoidance_zones(faults: Sequence, distances: np.ndarray, quad_segs: int = 16) -> np.ndarray:
    """The avoidance zone of each fault: everything within its distance (round ends); None where missing."""
    faults = _as_array(faults)
    distances = np.asarray(distances, dtype=float)
    out = np.full(len(faults), None, dtype=object)
    ok = _present(faults) & (distances > 0)
    out[ok] = shapely.buffer(faults[ok], distances[ok], quad_segs=quad_segs)
    return out


@dataclass
class Exposure:
    """The parts of lines inside zones: one row per (line, zone) pair that overlaps."""

    line: np.ndarray
    zone: np.ndarray
    parts: np.ndarray  # (multi)linestrings
    length: np.ndarray
    union_length: np.ndarray  # per input line: length inside any zone (overlapping zones counted once)

    def __len__(self) -> int:
        return len(self.line)


def exposed_parts(lines: Sequence, zones: Sequence, group: Optional[np.ndarray] = None) -> Exposure:
    """Intersect each line only with the zones it touches, then merge the pieces per line.

    ``group`` (optional, one value per zone) merges zones of the same group first: overlapping zones of
    one hazard class then count once per line and class. Without it every zone is its own row.
    """
    lines, zones = _as_array(lines), _as_array(zones)
    n = len(lines)
    l_ok, z_ok = np.nonzero(_present(lines))[0], np.nonzero(_present(zones))[0]
    empty_rows = Exposure(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, dtype=object), np.empty(0), np.zeros(n))
    if not len(l_ok) or not len(z_ok):
        return empty_rows
    tree = shapely.STRtree(lines[l_ok])
    # each zone prepared once, lines are small; lines wholly inside a zone are taken as they are
    (zj, li), (zk, lk) = side_by_side(
        lambda: tree.query(zones[z_ok], predicate="intersects"), lambda: tree.query(zones[z_ok], predicate="contains")
    )
    if not len(li):
        return empty_rows
    li, zj = l_ok[li], z_ok[zj]
    inside = np.zeros(len(li), dtype=bool)
    if len(lk):
        width = np.int64(len(zones))  # a (line, zone) pair as one integer
        inside = np.isin(li.astype(np.int64) * width + zj, l_ok[lk].astype(np.int64) * width + z_ok[zk])
    pieces = np.empty(len(li), dtype=object)
    pieces[inside] = lines[li[inside]]
    pieces[~inside] = parallel(shapely.intersection, lines[li[~inside]], zones[zj[~inside]])
    pieces = _lines_only(pieces)

    union_length = _union_length(lines, li, zj, pieces, zones, n)
    if group is not None:
        key = np.asarray(group, dtype=object)[zj]
        li, zj, pieces = _merge_pairs(li, zj, key, pieces, lines, zones)
    length = shapely.length(pieces)
    keep = length > 0
    li, zj, pieces, length = li[keep], zj[keep], pieces[keep], length[keep]

    return Exposure(li, zj, pieces, length, union_length)


def _end_coordinates(lines: np.ndarray):
    """The first and the last vertex of each line as (n, 2) arrays, read from one coordinate array (much faster than
    building a point per end); NaN for a line without vertices."""
    count = shapely.get_num_coordinates(lines)
    coords = shapely.get_coordinates(lines)
    first = np.full((len(lines), 2), np.nan)
    last = np.full((len(lines), 2), np.nan)
    has = count > 0
    ends = np.cumsum(count)
    first[has] = coords[(ends - count)[has]]
    last[has] = coords[(ends - 1)[has]]
    return first, last


def _union_length(lines: np.ndarray, li: np.ndarray, zj: np.ndarray, pieces: np.ndarray, zones: np.ndarray, n: int) -> np.ndarray:
    """Per line, its length inside any zone, overlapping zones counted once.

    A union of the pieces would not do: pieces cut by different zones carry different vertices and do not
    dissolve. On a simple line each piece is a set of intervals of distance along the line, and their union
    is exact in one dimension; rings and lines that touch themselves fall back to the line against the zones' union.
    """
    out = np.zeros(n)
    np.add.at(out, li, shapely.length(pieces))
    many = np.bincount(li, minlength=n) > 1
    if not many.any():
        return out
    rows = np.nonzero(many[li])[0]
    simple = np.zeros(n, dtype=bool)
    cand = np.nonzero(many)[0]
    one = shapely.get_num_geometries(lines[cand]) == 1
    single = np.empty(n, dtype=object)
    single[cand] = shapely.get_geometry(lines[cand], 0)  # the line itself, or the only part of a multi-line
    simple[cand] = one & shapely.is_simple(single[cand]) & ~shapely.is_closed(single[cand])  # a ring's distance wraps at its start
    fast = rows[simple[li[rows]]]
    if len(fast):
        parts, which = shapely.get_parts(pieces[fast], return_index=True)
        owner = li[fast][which]
        line_of = single[owner]
        first, last = _end_coordinates(parts)
        a = parallel(lambda g, xy: shapely.line_locate_point(g, shapely.points(xy)), line_of, first)
        b = parallel(lambda g, xy: shapely.line_locate_point(g, shapely.points(xy)), line_of, last)
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        order = np.lexsort((lo, owner))
        owner, lo, hi = owner[order], lo[order], hi[order]
        covered = np.zeros(len(lo))
        start = np.r_[True, owner[1:] != owner[:-1]]
        # sweep: within one line, the part of each interval beyond the furthest end seen so far
        reach, starts = hi.tolist(), start.tolist()
        for i in range(1, len(reach)):  # intervals per line are few; a plain sweep keeps the arithmetic exact
            if not starts[i] and reach[i - 1] > reach[i]:
                reach[i] = reach[i - 1]
        reach = np.asarray(reach, dtype=float)
        previous = np.r_[-np.inf, reach[:-1]]
        previous[start] = -np.inf
        covered = np.maximum(0.0, hi - np.maximum(lo, previous))
        totals = np.zeros(n)
        np.add.at(totals, owner, covered)
        done = np.unique(owner)
        out[done] = totals[done]
    slow = np.nonzero(many & ~simple)[0]
    for line in slow:
        out[line] = shapely.length(shapely.intersection(lines[line], shapely.union_all(zones[zj[li == line]])))
    return out


def _lines_only(geoms: np.ndarray) -> np.ndarray:
    """Keep the line parts of overlay results (a line touching a zone at one point yields a point)."""
    out = np.empty(len(geoms), dtype=object)
    kind = shapely.get_type_id(geoms)
    simple = (kind == 1) | (kind == 5)
    out[simple] = geoms[simple]
    for i in np.nonzero(~simple)[0]:
        parts = [p for p in shapely.get_parts(geoms[i]) if p.geom_type in ("LineString", "MultiLineString")]
        out[i] = shapely.line_merge(shapely.union_all(parts)) if parts else shapely.linestrings([[0, 0], [0, 0]])
    return out


def _merge_pairs(li: np.ndarray, zj: np.ndarray, key: np.ndarray, pieces: np.ndarray, lines: np.ndarray, zones: np.ndarray):
    """One row per (line, group): the line against the union of the group's zones; the zone index kept is the first."""
    rows: Dict[Tuple[int, object], List[int]] = {}
    for k, (a, g) in enumerate(zip(li.tolist(), key.tolist())):
        rows.setdefault((a, g), []).append(k)
    out_l, out_z, out_p = [], [], []
    for (a, _g), ks in rows.items():
        out_l.append(a)
        out_z.append(zj[ks[0]])
        out_p.append(
            pieces[ks[0]] if len(ks) == 1 else _lines_only(_as_array([shapely.intersection(lines[a], shapely.union_all(zones[zj[ks]]))]))[0]
        )
    return np.array(out_l, dtype=np.int64), np.array(out_z, dtype=np.int64), _as_array(out_p)


SITUATION_CROSSES = "crosses"  # the corridor crosses (or touches) the fault inside this zone
SITUATION_ALONG = "along"  # part of the corridor lies on the fault trace
SITUATION_NEAR = "near"  # inside the avoidance zone without meeting the fault


@dataclass
class Stretches:
    """Exposed stretches: each connected part of a corridor inside one fault's zone, with its contacts."""

    line: np.ndarray
    zone: np.ndarray
    geoms: np.ndarray  # linestrings
    length: np.ndarray
    crossings: np.ndarray  # cross + touch contacts inside the stretch
    angle: np.ndarray  # smallest contact angle, or the approach angle when there is none
    situation: np.ndarray  # SITUATION_*
    of_crossing: np.ndarray  # per crossing: index of its stretch (-1 if none)

    def __len__(self) -> int:
        return len(self.line)


def split_stretches(exposure: Exposure, crossings: Crossings, faults: Sequence) -> Stretches:
    """Split each (corridor, fault) exposure into connected stretches and attach each contact to its stretch."""
    faults = _as_array(faults)
    merged = exposure.parts.copy()
    multi = shapely.get_type_id(merged) == 5
    if multi.any():  # pieces that overlay split at vertices: joined where they continue each other
        merged[multi] = shapely.line_merge(merged[multi])
    parts, row = shapely.get_parts(merged, return_index=True)
    line, zone = exposure.line[row], exposure.zone[row]
    n = len(parts)
    length = shapely.length(parts) if n else np.empty(0)
    count = np.zeros(n, dtype=np.int64)
    angle = np.full(n, np.nan)
    situation = np.full(n, SITUATION_NEAR, dtype=object)
    of_crossing = np.full(len(crossings), -1, dtype=np.int64)
    if len(crossings) and n:
        # each contact belongs to the nearest stretch of its own (corridor, fault) pair
        width = int(max(zone.max(), crossings.fault.max())) + 1
        key_s = line.astype(np.int64) * width + zone
        key_c = crossings.corridor.astype(np.int64) * width + crossings.fault
        order = np.argsort(key_s, kind="stable")
        lo = np.searchsorted(key_s[order], key_c, side="left")
        hi = np.searchsorted(key_s[order], key_c, side="right")
        counts = hi - lo
        ci = np.repeat(np.arange(len(crossings)), counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        sk = order[np.repeat(lo, counts) + offsets]
        d = shapely.distance(parts[sk], shapely.points(crossings.x[ci], crossings.y[ci]))
        best = np.lexsort((d, ci))
        first = np.ones(len(best), dtype=bool)
        first[1:] = ci[best][1:] != ci[best][:-1]
        of_crossing[ci[best][first]] = sk[best][first]
        has = of_crossing >= 0
        k = of_crossing[has]
        is_along = crossings.contact[has] == CONTACT_ALONG
        np.add.at(count, k[~is_along], 1)
        angle_min = np.full(n, np.inf)
        np.minimum.at(angle_min, k, crossings.angle[has])
        hit = np.isfinite(angle_min)
        angle[hit] = angle_min[hit]
        situation[np.unique(k[~is_along])] = SITUATION_CROSSES
        situation[np.unique(k[is_along])] = SITUATION_ALONG
    none = np.nonzero(np.isnan(angle))[0]
    if len(none):
        angle[none] = _approach_angle(parts[none], faults[zone[none]])
    return Stretches(line, zone, parts, length, count, angle, situation, of_crossing)


def _approach_angle(pieces: np.ndarray, faults: np.ndarray) -> np.ndarray:
    """Angle between each stretch (end to end) and the fault's direction nearest to its middle."""
    start, end = _end_coordinates(pieces)
    mid = parallel(lambda g: shapely.line_interpolate_point(g, 0.5, normalized=True), pieces)
    s = parallel(shapely.line_locate_point, faults, mid)
    length = shapely.length(faults)
    step = np.minimum(1.0, length / 2)
    a = shapely.get_coordinates(parallel(shapely.line_interpolate_point, faults, np.maximum(0.0, s - step)))
    b = shapely.get_coordinates(parallel(shapely.line_interpolate_point, faults, np.minimum(length, s + step)))
    return acute_angle(end[:, 0] - start[:, 0], end[:, 1] - start[:, 1], b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])


@dataclass
class CorridorSummary:
    crossings: np.ndarray  # cross + touch contacts
    along: np.ndarray  # stretches on a fault trace
    exposed: np.ndarray  # metres inside any avoidance zone
    min_angle: np.ndarray  # NaN without a contact
    score: np.ndarray  # highest pair severity, NaN when not exposed
    level: np.ndarray  # its level, None when not exposed


def corridor_summary(n: int, crossings: Crossings, exposure: Exposure, stretches: Stretches, severity_: "Severity") -> CorridorSummary:
    """Per corridor: contacts, length inside any zone, smallest angle and the highest stretch severity."""
    along_mask = crossings.contact == CONTACT_ALONG
    n_cross = np.bincount(crossings.corridor[~along_mask], minlength=n)
    n_along = np.bincount(crossings.corridor[along_mask], minlength=n)
    min_angle = np.full(n, np.inf)
    np.minimum.at(min_angle, crossings.corridor[~along_mask], crossings.angle[~along_mask])
    min_angle[np.isinf(min_angle)] = np.nan
    score = np.full(n, np.nan)
    level = np.full(n, None, dtype=object)
    line, sc = np.asarray(stretches.line, dtype=np.int64), np.asarray(severity_.score, dtype=float)
    if len(line):
        # each corridor's highest-scoring stretch, the first of equals; lexsort puts NaN scores last
        order = np.lexsort((np.arange(len(line)), -sc, line))
        first = order[np.r_[True, line[order][1:] != line[order][:-1]]]
        score[line[first]] = sc[first]
        level[line[first]] = np.asarray(severity_.level, dtype=object)[first]
    return CorridorSummary(n_cross, n_along, exposure.union_length.copy(), min_angle, score, level)


# ------------------------------------------------------------------ severity


@dataclass
class Severity:
    score: np.ndarray  # 0-100
    level: np.ndarray  # SEVERITY_CLASSES


def grade_factor(grades: Sequence, profile: PlanProfile) -> np.ndarray:
    """The profile's factor for each corridor grade (1/2/3); unknown grades get the 'unknown' factor."""
    from .distinct import per_distinct

    factors = profile.value("corridors.severity_grade_factor")

    def factor(g):
        key = _grade_key(g)
        return factors.get(key, factors["unknown"]) if key is not None else factors["unknown"]

    return np.array(per_distinct(factor, grades), dtype=float)  # a layer writes few grades


def _grade_key(g) -> Optional[str]:
    if g is None:
        return None
    try:
        return str(int(float(str(g).strip())))
    except ValueError:
        text = str(g)
        for digit, zh in (("1", "一"), ("2", "二"), ("3", "三")):
            if text.startswith(zh) or text.startswith(digit):
                return digit
        return None


def severity(grades: Sequence, angle: np.ndarray, exposed: np.ndarray, distance: np.ndarray, profile: PlanProfile) -> Severity:
    """Severity of a crossing, 0-100, written down in the algorithm's help:

    score = 100 × (w_grade·G + w_angle·A + w_exposure·E), where
    G is the corridor grade's factor (grade 1 highest), A = 1 − angle/90 (a shallow crossing scores
    high, a perpendicular one 0), and E = min(1, exposed / (k · 2d)): the corridor length inside the
    fault's avoidance zone against k times that of a perpendicular crossing (2d, d the avoidance
    distance). Levels: low below the first break, high from the second.
    """
    w = profile.value("corridors.severity_weights")
    k = profile.value("corridors.severity_exposure_reference")
    lo, hi = profile.value("corridors.severity_breaks")
    g = grade_factor(grades, profile)
    a = 1.0 - np.clip(np.asarray(angle, dtype=float), 0, 90) / 90.0
    ref = k * 2.0 * np.asarray(distance, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.where(ref > 0, np.minimum(1.0, np.asarray(exposed, dtype=float) / np.where(ref > 0, ref, 1.0)), 1.0)
    total = w["grade"] + w["angle"] + w["exposure"]
    score = 100.0 * (w["grade"] * g + w["angle"] * a + w["exposure"] * e) / total
    level = np.where(score >= hi, "high", np.where(score >= lo, "medium", "low")).astype(object)
    return Severity(score, level)


# ------------------------------------------------------------------ facilities against faults

SEISMIC_CLASS_ALIASES = {
    "甲": "甲",
    "a": "甲",
    "甲类": "甲",
    "乙": "乙",
    "b": "乙",
    "乙类": "乙",
    "丙": "丙",
    "c": "丙",
    "丙类": "丙",
    "丁": "丁",
    "d": "丁",
    "丁类": "丁",
}


def seismic_class(value) -> Optional[str]:
    """甲/乙/丙/丁 from a field value (甲, 甲类, A … D); None when it is none of them."""
    if value is None:
        return None
    return SEISMIC_CLASS_ALIASES.get(str(value).strip().lower())


def required_distance(classes: Sequence[Optional[str]], intensity: int, profile: PlanProfile) -> Tuple[np.ndarray, np.ndarray]:
    """Required setback per feature from GB 50011 §4.1.7, and whether it needs a special study (甲类).

    A 甲 feature has no tabulated distance: it is screened at the profile's screening distance and,
    inside it, flagged for a special study. Unknown classes give NaN.
    """
    table = profile.value("seismic.avoidance_distance")
    row = table.get(str(intensity))
    if row is None:
        raise KeyError(str(intensity))
    screen = profile.value("seismic.class_a_screening_distance").get(str(intensity))
    out = np.full(len(classes), np.nan)
    special = np.zeros(len(classes), dtype=bool)
    for i, c in enumerate(classes):
        if c is None:
            continue
        if row[c] is None:
            special[i] = True
            out[i] = screen if screen is not None else np.nan
        else:
            out[i] = row[c]
    return out, special


def nearest(geoms: Sequence, targets: Sequence) -> Tuple[np.ndarray, np.ndarray]:
    """Index of the nearest target and the distance to it, per geometry (-1 and inf where none)."""
    geoms, targets = _as_array(geoms), _as_array(targets)
    idx = np.full(len(geoms), -1, dtype=np.int64)
    dist = np.full(len(geoms), np.inf)
    g_ok, t_ok = np.nonzero(_present(geoms))[0], np.nonzero(_present(targets))[0]
    if not len(g_ok) or not len(t_ok):
        return idx, dist
    tree = shapely.STRtree(targets[t_ok])
    (gi, tj), d = tree.query_nearest(geoms[g_ok], return_distance=True, all_matches=False)
    idx[g_ok[gi]] = t_ok[tj]
    dist[g_ok[gi]] = d
    return idx, dist


EXPOSURE_CLAUSES = "第62、75条"


@dataclass
class CorridorExposure:
    """What :func:`corridor_exposure` returns: ``sections`` (one row per corridor and hazard class it runs through,
    ordered by corridor, then class) and ``summary`` (one row per corridor, in input order), each a table of columns
    (field name -> values) with its geometries; ``notes`` say what the log would."""

    exposure: Exposure
    sections: Dict[str, list]
    section_geometries: np.ndarray
    summary: Dict[str, list]
    notes: list


def corridor_exposure(
    corridors: Sequence,
    hazard_zones: Sequence,
    profile,
    hazard_classes: Optional[Sequence] = None,
    names: Optional[Sequence] = None,
    grades: Optional[Sequence] = None,
    ids: Optional[Sequence] = None,
    progress=None,
    canceled=None,
) -> CorridorExposure:
    """Corridor length inside hazard zones (flood, waterlogging, geohazard), per corridor and hazard class, for
    第62条's list of waterlogging-prone sections (and 第75条's corridor measures).

    ``corridors`` are lines and ``hazard_zones`` polygons (shapely, one projected CRS in metres; None or other types
    are left out). ``hazard_classes`` gives one class per zone (overlapping zones of one class count once); ``names``,
    ``grades`` and ``ids`` one value per corridor for the table. Cancelled, it raises :class:`.cancel.Cancelled`."""
    from .cancel import check, interruptible
    from .messages import QT_TRANSLATE_NOOP, Message, Note

    lines = _as_array(corridors)
    zones = _as_array(hazard_zones)
    n = len(lines)
    ok = _present(lines)
    polygonal = np.zeros(len(zones), dtype=bool)
    polygonal[_present(zones)] = np.isin(shapely.get_type_id(zones[_present(zones)]), (3, 6, 7))
    zones = np.where(polygonal, zones, None)
    given = hazard_classes if hazard_classes is not None else [""] * len(zones)
    classes = np.array(["" if c is None else str(c) for c in given], dtype=object)
    names = list(names) if names is not None else [None] * n
    grades = list(grades) if grades is not None else [None] * n
    ids = list(ids) if ids is not None else list(range(n))
    length = np.zeros(n)
    length[ok] = shapely.length(lines[ok])

    exposure = interruptible(lambda: exposed_parts(lines, zones, group=classes), canceled)
    check(canceled)
    if progress is not None:
        progress(0.8)
    total = exposure.union_length  # every class together, overlaps once
    measure = profile.value("corridors.waterlogging_measure")
    order = np.lexsort((classes[exposure.zone] if len(exposure) else np.empty(0), exposure.line))
    line, zone, part_len = exposure.line[order], exposure.zone[order], exposure.length[order]
    sections = {
        "corr_fid": [ids[c] for c in line],
        "corr_name": [names[c] for c in line],
        "grade": [grades[c] for c in line],
        "hz_class": [classes[z] or None for z in zone],
        "exposed_m": [round(float(v), 3) for v in part_len],
        "corr_len_m": [round(float(length[c]), 3) for c in line],
        "share": [round(float(v / length[c]), 4) if length[c] > 0 else None for c, v in zip(line, part_len)],
        "measure": [measure] * len(line),
        "clauses": [EXPOSURE_CLAUSES] * len(line),
    }
    met = [set() for _ in range(n)]
    for c, z in zip(exposure.line.tolist(), exposure.zone.tolist()):
        met[c].add(classes[z] or "-")
    summary = {
        "hz_exp_m": [round(float(total[c]), 3) if ok[c] else None for c in range(n)],  # no line: not measured
        "hz_share": [round(float(total[c] / length[c]), 4) if length[c] > 0 else None for c in range(n)],
        "hz_classes": [", ".join(sorted(met[c])) or None for c in range(n)],
        "clauses": [EXPOSURE_CLAUSES] * n,
    }
    said = QT_TRANSLATE_NOOP("Core", "{0} of {1} corridor(s) run through hazard zones: {2:.2f} km of {3:.2f} km.")
    notes = [Note("info", Message(said, int((total > 0).sum()), int(ok.sum()), float(total.sum()) / 1000.0, float(length.sum()) / 1000.0))]
    if progress is not None:
        progress(1.0)
    return CorridorExposure(exposure, sections, exposure.parts[order], summary, notes)


# latest activity of a fault (最晚活动时代), as active-fault maps write it: Q4 (全新世, Holocene), Q3 (晚更新世, Late
# Pleistocene), Q1-2 (早、中更新世), older (前第四纪); a range (Q3-4) is as late as its latest part
FAULT_AGES = ("Q4", "Q3", "Q1-2", "pre-Q")
FAULT_AGE_ZH = {"Q4": "全新世", "Q3": "晚更新世", "Q1-2": "早中更新世", "pre-Q": "前第四纪"}
_AGE_WORDS = (
    ("Q4", ("Q4", "全新世", "HOLOCENE")),
    ("Q3", ("Q3", "晚更新世", "LATE PLEISTOCENE", "UPPER PLEISTOCENE")),
    ("Q1-2", ("Q1", "Q2", "早更新世", "中更新世", "早中更新世", "EARLY PLEISTOCENE", "MIDDLE PLEISTOCENE", "PLEISTOCENE")),
    ("pre-Q", ("前第四纪", "第三纪", "新近纪", "PRE-QUATERNARY", "PREQUATERNARY", "TERTIARY", "NEOGENE")),
)


def fault_age(value) -> Optional[str]:
    """The latest activity of a fault from a field value (Q4, Q3-4, 全新世, Late Pleistocene, Q1-2 …): one of
    :data:`FAULT_AGES`, the latest one named; None when it names none."""
    if value is None:
        return None
    import unicodedata

    # full-width and subscript forms (Ｑ４, Q₄) as plain ones; dashes as "-"
    text = unicodedata.normalize("NFKC", str(value)).strip().upper().replace("—", "-").replace("–", "-")
    for code in ("Q1", "Q2", "Q3"):  # Q3-4, Q3—Q4, Q2-3: the latest part
        for sep in ("-", "~", "/", "、"):
            text = text.replace(f"{code}{sep}Q", f"{code}{sep}")
    if any(f"{a}-{b}" in text or f"{a}~{b}" in text for a, b in (("Q3", "4"), ("Q2", "4"), ("Q1", "4"))):
        return "Q4"
    if any(f"{a}-3" in text or f"{a}~3" in text for a in ("Q1", "Q2")):
        return "Q3"
    for code, words in _AGE_WORDS:
        if any(w in text for w in words):
            return code
    return None


def avoided_faults(ages: Sequence[Optional[str]], rule: str, intensity: int) -> np.ndarray:
    """Which faults need avoidance under the profile's ``seismic.fault_avoidance_rule``: ``plan``, every listed
    active fault (第86条 严格避让活动断裂); ``code``, GB 50011 §4.1.7: a fault may be left aside below intensity VIII, or
    where it is not Holocene (its latest activity before Q4). A fault of unknown age is avoided under either."""
    ages = list(ages)
    if rule == "plan":
        return np.ones(len(ages), dtype=bool)
    if rule != "code":
        raise ValueError(f"seismic.fault_avoidance_rule: 'plan' or 'code', not {rule!r}")
    if intensity < 8:
        return np.zeros(len(ages), dtype=bool)
    return np.array([a is None or a == "Q4" for a in ages], dtype=bool)


RULE_CLAUSES = {
    "plan": "第86条 严格避让活动断裂; GB 50011 §4.1.7 表4.1.7",
    "code": "GB 50011 §4.1.7 (全新世活动断裂, 8度及以上) 表4.1.7; 第86条",
}


AVOIDANCE_CLAUSES = "第86条; GB 50011 §4.1.7"
AVOIDANCE_STATUS_ZH = {
    "violation": "违反避让距离",
    "special study": "需专门研究",
    "ok": "满足",
    "class unknown": "设防类别未知",
    "no geometry": "无几何",
}


@dataclass
class FaultAvoidance:
    """What :func:`fault_avoidance` returns, one row per feature in input order: ``columns`` (field name -> values,
    the fields of ``resilience:faultavoidance``), ``status`` ("violation", "special study", "ok", "class unknown" or
    "no geometry"), the distance to the nearest fault, and ``notes``."""

    columns: Dict[str, list]
    status: np.ndarray
    distance: np.ndarray
    nearest: np.ndarray
    notes: list


def fault_avoidance(
    features: Sequence,
    faults: Sequence,
    profile: PlanProfile,
    intensity: int,
    seismic_classes: Optional[Sequence] = None,
    categories: Optional[Sequence] = None,
    vocabulary=None,
    fault_names: Optional[Sequence] = None,
    fault_ids: Optional[Sequence] = None,
    layer_name: str = "features",
    class_field: str = "class",
    category_columns: Optional[Sequence[int]] = None,
    canceled=None,
    fault_ages: Optional[Sequence[Optional[str]]] = None,
    rule: str = "plan",
) -> FaultAvoidance:
    """Facilities or buildings inside the active-fault avoidance distance for their seismic class and the design
    intensity (GB 50011 §4.1.7, 第86条).

    ``features`` (points or polygons) and ``faults`` (lines) are shapely geometries in one projected CRS in metres.
    Each feature's class (甲/乙/丙/丁, also 甲类 or A–D) comes from ``seismic_classes``; where that is missing or
    unreadable, from its category: ``categories`` as the data writes them (医院, amenity=school …), read by the
    profile's label rules (``vocabulary``, a :class:`.lifecircles.Vocabulary`, carries a project's own mapping) and
    classed by ``seismic.class_by_category``; ``category_columns``, when the caller has already classified the labels
    with ``vocabulary.classify_labels``, saves doing it twice. A 甲 feature near a fault is flagged for a special
    study. ``fault_ages`` (:func:`fault_age` codes, None unknown) give each feature's nearest fault's latest
    activity; the faults a ``rule`` leaves aside (:func:`avoided_faults`) come as None in ``faults``, and ``clauses``
    cite that rule (:data:`RULE_CLAUSES`)."""
    from .cancel import check, interruptible

    geoms = _as_array(features)
    n = len(geoms)
    codes, labels = _category_codes(categories, vocabulary, category_columns, profile, n)
    classes, origin, notes = _seismic_classes(seismic_classes, codes, labels, profile, layer_name, class_field, n)
    required, special = required_distance(classes, intensity, profile)
    near, dist = interruptible(lambda: nearest(geoms, faults), canceled)
    check(canceled)
    from .geometry import present_mask

    present = present_mask(geoms)  # a feature with no fault left (all set aside by the rule) is known: no violation
    status, violation = _avoidance_status(required, special, dist, present)
    names = list(fault_names) if fault_names is not None else [None] * len(_as_array(faults))
    nearest_fault = {
        "fault_fid": list(fault_ids) if fault_ids is not None else list(range(len(names))),
        "fault_name": names,
        "fault_age": list(fault_ages) if fault_ages is not None else [None] * len(names),
    }
    columns = _avoidance_columns(classes, origin, intensity, required, near, nearest_fault, dist, present, violation, status, profile, rule)
    notes += _avoidance_notes(status, violation, intensity, labels if categories is not None else None)
    return FaultAvoidance(columns, status, dist, near, notes)


def _category_codes(categories, vocabulary, category_columns, profile: PlanProfile, n: int) -> Tuple[list, list]:
    """Per feature, the profile category code its label reads as (None: none, or not among the vocabulary's
    columns) and the label as text (None where missing); all None without ``categories``."""
    from .lifecircles import Vocabulary

    codes = [None] * n
    labels = [None] * n
    if categories is not None:
        vocab = vocabulary or Vocabulary.from_profile(profile)
        labels = [None if c is None else str(c) for c in categories]
        idx = category_columns if category_columns is not None else vocab.classify_labels(labels)[0]
        codes = [vocab.codes[k] if k != vocab.other else None for k in idx]
    return codes, labels


def _seismic_classes(seismic_classes, codes: list, labels: list, profile: PlanProfile, layer_name: str, class_field: str, n: int):
    """Per feature, its class 甲/乙/丙/丁 (None: unknown) and where it came from ("field", "category" or "none"): the
    class field first, then the profile's ``seismic.class_by_category``; with notes of the values and the categories
    that gave no class."""
    from collections import Counter

    from .messages import QT_TRANSLATE_NOOP, Message, Note

    classes_in = list(seismic_classes) if seismic_classes is not None else [None] * n
    by_category = profile.value("seismic.class_by_category")
    classes, origin = [], []
    unknown_classes, unknown_categories = Counter(), Counter()
    for value, code, label in zip(classes_in, codes, labels):
        c = seismic_class(value)
        if c is None and value:
            unknown_classes[str(value)] += 1
        if c is not None:
            classes.append(c)
            origin.append("field")
            continue
        c = by_category.get(code) if code else None
        if c is None and label:
            unknown_categories[label] += 1
        classes.append(c)
        origin.append("category" if c else "none")
    notes = []
    if unknown_classes:
        said = QT_TRANSLATE_NOOP("Core", "{0}, field '{1}': values that are not a class 甲/乙/丙/丁: {2}")
        listed = ", ".join(f"{k} ({v})" for k, v in unknown_classes.most_common(10))
        notes.append(Note("warning", Message(said, layer_name, class_field, listed)))
    if unknown_categories:
        said = QT_TRANSLATE_NOOP("Core", "{0}: categories without a class in the profile, reported 'class unknown': {1}")
        notes.append(Note("warning", Message(said, layer_name, ", ".join(f"{k} ({v})" for k, v in unknown_categories.most_common(10)))))
    return classes, origin, notes


def _avoidance_status(required: np.ndarray, special: np.ndarray, dist: np.ndarray, present: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Per feature, its status (:data:`AVOIDANCE_STATUS_ZH`) and whether it is closer to a fault than required."""
    violation = present & ~special & ~np.isnan(required) & (dist < required)
    special_hit = present & special & (dist < np.where(np.isnan(required), -1, required))
    status = np.full(len(dist), "ok", dtype=object)
    status[np.isnan(required) & ~special] = "class unknown"
    status[special_hit] = "special study"
    status[violation] = "violation"
    status[~present] = "no geometry"
    return status, violation


def _avoidance_columns(classes, origin, intensity, required, near, nearest_fault, dist, present, violation, status, profile, rule) -> dict:
    """The fields of ``resilience:faultavoidance``, one value per feature; ``nearest_fault``: the faults' fault_fid,
    fault_name and fault_age, one value per fault, read at each feature's nearest."""
    n = len(status)
    measure = profile.value("seismic.avoidance_measure")
    flagged = np.isin(status, ("violation", "special study"))
    columns = {
        "seis_class": classes,
        "class_src": origin,
        "intensity": [int(intensity)] * n,
        "required_m": [None if np.isnan(r) else float(r) for r in required],
    }
    for field, values in nearest_fault.items():
        columns[field] = [values[j] if j >= 0 else None for j in near]
    columns.update(
        {
            "dist_m": [round(float(d), 2) if p and np.isfinite(d) else None for d, p in zip(dist, present)],
            # a class unknown or no geometry: not assessed, NULL, never "no violation" (issue 29 §3)
            "violation": [None if s in ("class unknown", "no geometry") else int(bool(v)) for v, s in zip(violation, status)],
            "status": list(status),
            "status_zh": [AVOIDANCE_STATUS_ZH[s] for s in status],
            "measure": [measure if f else None for f in flagged],
            "clauses": [RULE_CLAUSES.get(rule, AVOIDANCE_CLAUSES)] * n,
        }
    )
    return columns


def _avoidance_notes(status: np.ndarray, violation: np.ndarray, intensity: int, labels: Optional[list]) -> list:
    """The counts per status, and the violations counted by their category label as written (``labels``: None when
    no categories were given)."""
    from collections import Counter

    from .messages import QT_TRANSLATE_NOOP, Message, Note

    counts = Counter(status.tolist())
    said = QT_TRANSLATE_NOOP("Core", "Intensity {0}: {1} violation(s), {2} for special study, {3} ok, {4} with unknown class.")
    notes = [Note("info", Message(said, intensity, counts["violation"], counts["special study"], counts["ok"], counts["class unknown"]))]
    if labels is not None and counts["violation"]:
        by_cat = Counter(labels[i] or "-" for i in np.nonzero(violation)[0])
        said = QT_TRANSLATE_NOOP("Core", "Violations by category: {0}")
        notes.append(Note("warning", Message(said, ", ".join(f"{k} ({v})" for k, v in by_cat.most_common()))))
    return notes


CROSSING_CLAUSES = "第44、86条"
ALONG_CLAUSES = "第62、86条"
CONTACT_ZH = {CONTACT_CROSS: "穿越", CONTACT_TOUCH: "端点相接", CONTACT_ALONG: "沿断裂"}
SITUATION_ZH = {SITUATION_CROSSES: "穿越断裂", SITUATION_ALONG: "沿断裂走向", SITUATION_NEAR: "临近未穿越"}


@dataclass
class FaultRegister:
    """What :func:`fault_register` returns. Three tables of columns (field name -> values), the fields of
    ``resilience:faultcrossings``: ``crossings`` (one row per corridor-fault contact, at ``crossing_points``),
    ``sections`` (one row per corridor stretch inside an avoidance zone, ``section_geometries``) and ``summary`` (one
    row per corridor, in input order); and ``notes``."""

    crossings: Dict[str, list]
    crossing_points: np.ndarray
    sections: Dict[str, list]
    section_geometries: np.ndarray
    _summary: Any  # the summary table, or the function that makes it on first use
    notes: list

    @property
    def summary(self) -> Dict[str, list]:
        """The per-corridor table, made on first use (only the optional summary output needs it)."""
        if callable(self._summary):
            self._summary = self._summary()
        return self._summary


def fault_register(
    corridors: Sequence,
    faults: Sequence,
    profile: PlanProfile,
    avoidance_distance: float,
    fault_distances: Optional[Sequence[float]] = None,
    corridor_names: Optional[Sequence] = None,
    corridor_grades: Optional[Sequence] = None,
    corridor_ids: Optional[Sequence] = None,
    fault_names: Optional[Sequence] = None,
    fault_ids: Optional[Sequence] = None,
    faults_name: str = "faults",
    progress=None,
    canceled=None,
) -> FaultRegister:
    """The register of corridors crossing or running along active faults (第33、44、62、86条).

    ``corridors`` and ``faults`` are shapely lines in one projected CRS in metres. Each fault's avoidance zone is
    ``avoidance_distance`` metres wide on each side, or its own distance in ``fault_distances`` where that is above 0.
    Every contact gets its angle, chainage, severity (from the corridor grade, the angle and the exposed length; the
    profile's ``corridors.severity``) and the measure the plan requires; every stretch inside a zone says whether it
    crosses the fault, runs along it, or runs near it without crossing. Cancelled, it raises
    :class:`.cancel.Cancelled`."""
    from .cancel import check, interruptible, reporter

    report = reporter(progress)

    c_geoms, f_geoms = _as_array(corridors), _as_array(faults)
    n_c, n_f = len(c_geoms), len(f_geoms)
    names = _RegisterNames(
        list(corridor_ids) if corridor_ids is not None else list(range(n_c)),
        list(corridor_names) if corridor_names is not None else [None] * n_c,
        list(corridor_grades) if corridor_grades is not None else [None] * n_c,
        list(fault_ids) if fault_ids is not None else list(range(n_f)),
        list(fault_names) if fault_names is not None else [None] * n_f,
    )
    c_length = np.zeros(n_c)
    c_ok = _present(c_geoms)
    c_length[c_ok] = shapely.length(c_geoms[c_ok])
    notes = []
    distance = _fault_distances(n_f, avoidance_distance, fault_distances, faults_name, notes)

    # the crossings and the exposed parts are independent overlays: run side by side
    crossings, exposure = interruptible(
        lambda: side_by_side(lambda: find_crossings(c_geoms, f_geoms), lambda: exposed_parts(c_geoms, avoidance_zones(f_geoms, distance))),
        canceled,
    )
    check(canceled)
    report(0.7)
    check(canceled)
    stretches = split_stretches(exposure, crossings, f_geoms)
    check(canceled)
    local = np.where(stretches.of_crossing >= 0, stretches.length[np.maximum(stretches.of_crossing, 0)] if len(stretches) else 0.0, 0.0)
    cross_sev = severity([names.c_grades[i] for i in crossings.corridor], crossings.angle, local, distance[crossings.fault], profile)
    stretch_sev = severity(
        [names.c_grades[i] for i in stretches.line], stretches.angle, stretches.length, distance[stretches.zone], profile
    )
    measures = (profile.value("corridors.fault_crossing_measure"), profile.value("corridors.fault_along_measure"))
    crossing_table = _crossing_table(crossings, local, cross_sev, distance, names, *measures)
    points = shapely.points(crossings.x, crossings.y) if len(crossings) else np.empty(0, dtype=object)
    section_table = _section_table(stretches, stretch_sev, distance, c_length, names, *measures)
    per = corridor_summary(n_c, crossings, exposure, stretches, stretch_sev)
    summary = functools.partial(_summary_table, per, c_length, *measures, c_ok)  # made on first use
    notes += _register_notes(crossings, cross_sev, stretches, exposure)
    report(1.0)
    return FaultRegister(crossing_table, points, section_table, stretches.geoms, summary, notes)


@dataclass
class _RegisterNames:
    """The corridors' and faults' ids, names and grades, one value per input, that the register's rows name."""

    c_ids: list
    c_names: list
    c_grades: list
    f_ids: list
    f_names: list

    def pairs(self, cs: List[int], fs: List[int]) -> Dict[str, list]:
        """The columns that name each row's corridor (``cs``) and fault (``fs``)."""
        return {
            "corr_fid": [self.c_ids[c] for c in cs],
            "corr_name": [self.c_names[c] for c in cs],
            "grade": [self.c_grades[c] for c in cs],
            "fault_fid": [self.f_ids[f] for f in fs],
            "fault_name": [self.f_names[f] for f in fs],
        }


def _fault_distances(n_f: int, avoidance_distance: float, fault_distances, faults_name: str, notes: list) -> np.ndarray:
    """Each fault's avoidance distance: its own where above 0, else ``avoidance_distance`` (noted)."""
    from .messages import QT_TRANSLATE_NOOP, Message, Note

    distance = np.full(n_f, float(avoidance_distance))
    if fault_distances is not None:
        own = np.asarray(fault_distances, dtype=float)
        distance = np.where(own > 0, own, avoidance_distance)
        if (own <= 0).any():
            said = QT_TRANSLATE_NOOP("Core", "{0}: {1} fault(s) without their own avoidance distance use {2:g} m.")
            notes.append(Note("info", Message(said, faults_name, int((own <= 0).sum()), avoidance_distance)))
    return distance


def _crossing_table(
    crossings: Crossings, local: np.ndarray, sev: "Severity", distance: np.ndarray, names: _RegisterNames, cross_measure, along_measure
) -> Dict[str, list]:
    """One row per corridor-fault contact: the ``crossings`` table of :class:`FaultRegister`."""
    along = (crossings.contact == CONTACT_ALONG).tolist()
    table = names.pairs(crossings.corridor.tolist(), crossings.fault.tolist())
    table.update(
        {
            "contact": crossings.contact.tolist(),
            "contact_zh": [CONTACT_ZH[k] for k in crossings.contact.tolist()],
            "angle_deg": np.round(crossings.angle, 2).tolist(),
            "chain_m": np.round(crossings.chainage, 3).tolist(),
            "along_m": np.round(crossings.along_length, 3).tolist(),
            "avoid_m": distance[crossings.fault].tolist(),
            "exposed_m": np.round(local, 3).tolist(),
            "severity": np.round(sev.score, 1).tolist(),
            "sev_level": sev.level.tolist(),
            "sev_zh": [SEVERITY_CLASSES_ZH[v] for v in sev.level],
            "measure": [along_measure if a else cross_measure for a in along],
            "clauses": [ALONG_CLAUSES if a else CROSSING_CLAUSES for a in along],
        }
    )
    return table


def _section_table(
    stretches: Stretches, sev: "Severity", distance: np.ndarray, c_length: np.ndarray, names: _RegisterNames, cross_measure, along_measure
) -> Dict[str, list]:
    """One row per corridor stretch inside an avoidance zone: the ``sections`` table of :class:`FaultRegister`."""
    crosses = (stretches.situation == SITUATION_CROSSES).tolist()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(c_length[stretches.line] > 0, stretches.length / c_length[stretches.line], np.nan)
    table = names.pairs(stretches.line.tolist(), stretches.zone.tolist())
    table.update(
        {
            "avoid_m": distance[stretches.zone].tolist(),
            "exposed_m": np.round(stretches.length, 3).tolist(),
            "corr_len_m": np.round(c_length[stretches.line], 3).tolist(),
            "share": [None if v != v else v for v in np.round(share, 4).tolist()],
            "crossings": stretches.crossings.tolist(),
            "angle_deg": np.round(stretches.angle, 2).tolist(),
            "situation": stretches.situation.tolist(),
            "situat_zh": [SITUATION_ZH[v] for v in stretches.situation.tolist()],
            "severity": np.round(sev.score, 1).tolist(),
            "sev_level": sev.level.tolist(),
            "sev_zh": [SEVERITY_CLASSES_ZH[v] for v in sev.level.tolist()],
            "measure": [cross_measure if c else along_measure for c in crosses],
            "clauses": [CROSSING_CLAUSES if c else ALONG_CLAUSES for c in crosses],
        }
    )
    return table


def _summary_table(per: CorridorSummary, c_length: np.ndarray, cross_measure, along_measure, shaped=None) -> Dict[str, list]:
    """One row per corridor, in input order: the ``summary`` table of :class:`FaultRegister`, from plain lists
    (Python's own rounding). A corridor without a line (``shaped`` False) was not measured: its row is NULL, never
    0 contacts and severity "无" (issue 29 §3)."""
    n_cross, exp_m, lengths = per.crossings.tolist(), per.exposed.tolist(), c_length.tolist()
    exposed = ((per.exposed > 0) | (per.crossings > 0)).tolist()
    table = _summary_columns(per, n_cross, exp_m, lengths, exposed, cross_measure, along_measure)
    for k in np.nonzero(~np.asarray(shaped, dtype=bool))[0].tolist() if shaped is not None else []:
        for values in table.values():
            values[k] = None
    return table


def _summary_columns(per: CorridorSummary, n_cross, exp_m, lengths, exposed, cross_measure, along_measure) -> Dict[str, list]:
    """The columns of :func:`_summary_table`, every corridor as measured."""
    return {
        "fx_cross": n_cross,
        "fx_along": per.along.tolist(),
        "fx_exp_m": [round(v, 3) for v in exp_m],
        "fx_share": [round(e / c, 4) if c > 0 else None for e, c in zip(exp_m, lengths)],
        "fx_angle": [None if v != v else round(v, 2) for v in per.min_angle.tolist()],
        "severity": [None if v != v else round(v, 1) for v in per.score.tolist()],
        "sev_level": per.level.tolist(),
        "sev_zh": [SEVERITY_CLASSES_ZH.get(level, "无") if level else "无" for level in per.level.tolist()],
        "measure": [(cross_measure if k else along_measure) if e else None for k, e in zip(n_cross, exposed)],
        "clauses": [(CROSSING_CLAUSES if k else ALONG_CLAUSES) if e else None for k, e in zip(n_cross, exposed)],
    }


def _register_notes(crossings: Crossings, cross_sev: "Severity", stretches: Stretches, exposure: Exposure) -> list:
    """The contacts by severity, and the sections inside avoidance zones."""
    from .messages import QT_TRANSLATE_NOOP, Message, Note

    notes = []
    levels = {lvl: int((cross_sev.level == lvl).sum()) for lvl in SEVERITY_CLASSES}
    said = QT_TRANSLATE_NOOP("Core", "{0} corridor-fault contact(s): {1} high, {2} medium, {3} low severity.")
    notes.append(Note("info", Message(said, len(crossings), levels["high"], levels["medium"], levels["low"])))
    near = int((stretches.situation == SITUATION_NEAR).sum())
    said = QT_TRANSLATE_NOOP(
        "Core", "{0} corridor section(s) inside fault avoidance zones, {1:.2f} km in all; {2} run near a fault without crossing it."
    )
    notes.append(Note("info", Message(said, len(stretches), float(exposure.union_length.sum()) / 1000.0, near)))
    return notes
