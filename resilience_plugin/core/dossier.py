"""The cluster dossier (组团档案, 第49条): hazards, urban base, lifelines, rescue capacity, conversion potential,
the three-threes reserve check (第77条) and mutual aid, per cluster. Pure shapely and numpy."""

import html
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely


def _arr(geoms: Sequence) -> np.ndarray:
    out = np.empty(len(geoms), dtype=object)
    out[:] = list(geoms)
    return out


def _present(geoms: np.ndarray) -> np.ndarray:
    return ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)


def area_share(clusters: Sequence, zones: Sequence) -> np.ndarray:
    """Share of each cluster's area inside any of the zones (overlapping zones counted once)."""
    clusters, zones = _arr(clusters), _arr(zones)
    out = np.zeros(len(clusters))
    z = zones[_present(zones)] if len(zones) else zones
    if not len(z):
        return out
    tree = shapely.STRtree(z)
    ci, zj = tree.query(clusters, predicate="intersects")
    for c in np.unique(ci).tolist():
        covered = shapely.intersection(clusters[c], shapely.union_all(z[zj[ci == c]]))
        a = shapely.area(clusters[c])
        out[c] = shapely.area(covered) / a if a > 0 else 0.0
    return out


def point_owner(clusters: Sequence, points: Sequence) -> np.ndarray:
    """Index of the cluster holding each point (-1 outside all; the first when clusters overlap)."""
    clusters, points = _arr(clusters), _arr(points)
    out = np.full(len(points), -1, dtype=np.int64)
    ok = np.nonzero(_present(points))[0]
    if not len(ok) or not len(clusters):
        return out
    pi, ci = shapely.STRtree(clusters).query(points[ok], predicate="intersects")
    if not len(pi):
        return out
    order = np.lexsort((ci, pi))
    pi, ci = pi[order], ci[order]
    first = np.r_[True, pi[1:] != pi[:-1]]
    out[ok[pi[first]]] = ci[first]
    return out


def sums(owner: np.ndarray, n: int, values: Optional[np.ndarray] = None, mask: Optional[np.ndarray] = None) -> np.ndarray:
    """Per cluster: the count (or the sum of ``values``) of the points it holds, optionally only where ``mask``."""
    keep = owner >= 0
    if mask is not None:
        keep &= mask
    weights = None if values is None else np.asarray(values, dtype=float)[keep]
    return np.bincount(owner[keep], weights=weights, minlength=n).astype(float)


def mutual_aid(clusters: Sequence, corridors: Sequence, tolerance: float) -> List[List[int]]:
    """Per cluster, the neighbouring clusters a corridor links to it: the corridor crosses their shared border."""
    clusters, corridors = _arr(clusters), _arr(corridors)
    n = len(clusters)
    out: List[List[int]] = [[] for _ in range(n)]
    ok = corridors[_present(corridors)] if len(corridors) else corridors
    if not len(ok) or n < 2:
        return out
    i, j = shapely.STRtree(clusters).query(clusters, predicate="dwithin", distance=tolerance)
    keep = i < j
    i, j = i[keep], j[keep]
    if not len(i):
        return out
    border = shapely.intersection(shapely.boundary(clusters[i]), shapely.buffer(clusters[j], tolerance, quad_segs=2))
    has_border = shapely.length(border) > 0
    tree = shapely.STRtree(ok)
    pair, _c = tree.query(border, predicate="intersects")
    linked = set(pair.tolist())
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist())):
        if has_border[k] and k in linked:
            out[a].append(b)
            out[b].append(a)
    return [sorted(set(x)) for x in out]


# ------------------------------------------------------------------ a small map per cluster, as inline SVG


def svg_map(
    focus,
    others: Sequence = (),
    lines: Sequence[Tuple[object, str, float]] = (),
    points: Sequence[Tuple[float, float, str]] = (),
    size: int = 260,
) -> str:
    """An SVG drawing of the cluster (filled), its neighbours (outlined), lines (geometry, colour, width) and
    points (x, y, colour), framed on the cluster."""
    minx, miny, maxx, maxy = shapely.bounds(focus)
    span = max(maxx - minx, maxy - miny) * 1.15 or 1.0
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    scale = size / span
    frame = shapely.box(cx - span / 2, cy - span / 2, cx + span / 2, cy + span / 2)
    tol = span / 400

    def path(geom) -> str:
        geom = shapely.simplify(shapely.clip_by_rect(geom, *shapely.bounds(frame)), tol)
        out = []
        for part in shapely.get_parts(geom):
            rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
            for ring in rings:
                xy = shapely.get_coordinates(ring)
                if len(xy) < 2:
                    continue
                pts = " L".join(f"{(x - cx) * scale + size / 2:.1f},{size / 2 - (y - cy) * scale:.1f}" for x, y in xy)
                out.append("M" + pts + (" Z" if part.geom_type == "Polygon" else ""))
        return " ".join(out)

    body = [f'<rect width="{size}" height="{size}" fill="#fbfaf6" stroke="#cccccc"/>']
    for g in others:
        if g is not None and shapely.intersects(g, frame):
            body.append(f'<path d="{path(g)}" fill="#eeeeee" stroke="#999999" stroke-width="0.8"/>')
    body.append(f'<path d="{path(focus)}" fill="#8dd3c7" fill-opacity="0.7" stroke="#1b5e58" stroke-width="1.6"/>')
    for g, colour, width in lines:
        if g is not None and shapely.intersects(g, frame):
            body.append(f'<path d="{path(g)}" fill="none" stroke="{colour}" stroke-width="{width}"/>')
    for x, y, colour in points:
        if frame.contains(shapely.Point(x, y)):
            px, py = (x - cx) * scale + size / 2, size / 2 - (y - cy) * scale
            body.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.6" fill="{colour}" stroke="#333333" stroke-width="0.4"/>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">{"".join(body)}</svg>'


def html_report(title: str, intro: str, sections: List[Tuple[str, str, List[Tuple[str, str]]]]) -> str:
    """A self-contained HTML page: one section per cluster (heading, SVG map, rows of label and value)."""
    parts = []
    for heading, svg, rows in sections:
        table = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
        parts.append(f'<section><h2>{html.escape(heading)}</h2><div class="row">{svg}<table>{table}</table></div></section>')
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1100px;margin:2em auto;color:#222}}
section{{border-top:1px solid #ddd;padding:.6em 0}}.row{{display:flex;gap:1.2em;align-items:flex-start}}
table{{border-collapse:collapse;font-size:13px}}th,td{{border:1px solid #ddd;padding:2px 8px;text-align:left}}
th{{background:#f6f6f6}}</style>
</head><body><h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>{"".join(parts)}</body></html>
"""


def counts_by_category(owner: np.ndarray, column: np.ndarray, n: int, codes: Sequence[str]) -> Dict[str, np.ndarray]:
    """Per category code, the number of points in each cluster."""
    return {code: sums(owner, n, mask=column == i) for i, code in enumerate(codes)}


# ------------------------------------------------------------------ the entry point

DOSSIER_CLAUSES = "第48、49、77条"
FACILITY_COLOURS = {
    "fire_station": "#e31a1c",
    "hospital": "#d95f02",
    "water_plant": "#1f78b4",
    "substation": "#ffd92f",
    "reserve_depot": "#6a3d9a",
    "long_term_shelter": "#1a9850",
    "command_centre": "#000000",
    "stadium": "#66c2a5",
}
# the dossier's columns, in output order (see :func:`dossier`)
DOSSIER_FIELDS = (
    "d_pop",
    "d_area_km2",
    "fault_shr",
    "flood_shr",
    "geohaz_n",
    "water_pl",
    "substat",
    "fire_st",
    "hosp_n",
    "beds",
    "beds_1000",
    "beds_tgt",
    "shelter_m2",
    "shelter_pp",
    "shelter_tgt",
    "shelter_ok",
    "conv_n",
    "conv_m2",
    "reserve_n",
    "reserve_pd",
    "reserve_nd",
    "reserve_ok",
    "aid_n",
    "aid_with",
    "d_clauses",
)


class Dossier:
    """What :func:`dossier` returns: ``table`` (one row per cluster, the columns of DOSSIER_FIELDS), ``ids`` (the
    clusters' names), ``notes``, and what the report's maps draw (``clusters``, ``fault_lines``,
    ``corridor_lines``, ``facility_points`` as (x, y, category code))."""

    def __init__(self, table, ids, notes, clusters, fault_lines, corridor_lines, facility_points):
        self.table, self.ids, self.notes = table, ids, notes
        self.clusters, self.fault_lines, self.corridor_lines, self.facility_points = clusters, fault_lines, corridor_lines, facility_points

    def html(self, title: str, intro: str, labels: Sequence[str], canceled=None, progress=None) -> str:
        """The HTML report (one section per cluster: a map and the table's rows under ``labels``, one per column)."""
        from .cancel import check, reporter

        report = reporter(progress)
        geoms = self.clusters
        n = len(geoms)
        lines = [(g, "#7f0000", 1.6) for g in self.fault_lines] + [(g, "#e41a1c", 1.2) for g in self.corridor_lines]
        points = [(x, y, FACILITY_COLOURS[code]) for x, y, code in self.facility_points if code in FACILITY_COLOURS]
        columns = list(self.table.values())
        sections = []
        for i in range(n):
            check(canceled)
            report(i / max(n, 1))
            focus = geoms[i]
            near = [geoms[j] for j in range(n) if j != i and geoms[j] is not None and focus is not None and geoms[j].distance(focus) < 1.0]
            svg = svg_map(focus, near, lines, points) if focus is not None else ""
            rows = [
                (label, "—" if v is None else (f"{v:,.4g}" if isinstance(v, float) else str(v)))
                for label, v in zip(labels, (c[i] for c in columns))
            ]
            sections.append((f"{self.ids[i]}", svg, rows))
        return html_report(title, intro, sections)


def dossier(
    clusters: Sequence,
    profile,
    ids: Optional[Sequence] = None,
    population: Optional[Sequence[float]] = None,
    hazards=None,
    facilities=None,
    corridors: Optional[Sequence] = None,
    corridor_grades: Optional[Sequence] = None,
    canceled=None,
) -> Dossier:
    """The dossier of each resilience cluster (组团档案, 第49条): hazards, urban base, lifelines, rescue capacity,
    conversion potential, the three-threes reserve (第77条) and mutual aid along corridors (第48条).

    All geometries are shapely geometries in one projected CRS in metres.

    - ``clusters``: polygons (None where a cluster has none); ``ids`` their names (default #index); ``population``
      one number per cluster (None: per-person measures stay empty, with a note);
    - ``hazards``: a :class:`.hazards.Hazards`, or None;
    - ``facilities``: a :class:`.facilities.Facilities`, with their shelter area (m²), hospital beds and reserve
      capacity (person-days, counted for reserve depots) when known;
    - ``corridors``: lines; with ``corridor_grades`` only grades 1 and 2 (一级, 二级) link clusters for mutual aid.

    ``canceled()`` is checked (:class:`.cancel.Cancelled`)."""
    from .cancel import check
    from .faults import _grade_key
    from .messages import QT_TRANSLATE_NOOP, Message, Note

    notes = []
    geoms = _arr(list(clusters))
    n = len(geoms)
    ids = [None if v is None or str(v) == "" else str(v) for v in ids] if ids is not None else [None] * n
    ids = [v or f"#{i}" for i, v in enumerate(ids)]
    if population is None:
        notes.append(Note("warning", Message(QT_TRANSLATE_NOOP("Core", "No population field: per-person measures are left empty."))))
        population = np.full(n, np.nan)
    population = np.asarray(population, dtype=float)
    present = _present(geoms)
    area = np.zeros(n)
    area[present] = shapely.area(geoms[present])

    exposure = _hazard_exposure(geoms, hazards)
    check(canceled)
    held = _ClusterFacilities.of(geoms, facilities, profile)
    check(canceled)
    aid: List[List[int]] = [[] for _ in range(n)]
    main = []
    if corridors is not None:
        grades = list(corridor_grades) if corridor_grades is not None else None
        main = [g for i, g in enumerate(corridors) if g is not None and (grades is None or _grade_key(grades[i]) in ("1", "2"))]
        aid = mutual_aid(geoms, main, profile.value("clusters.adjacency_tolerance"))
    check(canceled)

    rows = _unmeasured(_dossier_rows(population, area, exposure, held, aid, ids, profile), present, notes)
    table = {f: [row[j] for row in rows] for j, f in enumerate(DOSSIER_FIELDS)}
    fault_lines = list(hazards.fault_lines) if hazards is not None else []
    return Dossier(table, ids, notes, geoms, fault_lines, main, held.points)


# what a cluster without a polygon still has: its own population, the targets, the need its people make, the clauses
_OWN_FIELDS = ("d_pop", "beds_tgt", "shelter_tgt", "reserve_nd", "d_clauses")


def _unmeasured(rows: List[list], present: np.ndarray, notes: list) -> List[list]:
    """``rows`` with every measure of a cluster without a polygon NULL: nothing in it can be measured, so its area,
    shares, counts and sums are not assessed, never 0 (issue 29 §3); a note says how many."""
    from .messages import QT_TRANSLATE_NOOP, Message, Note

    absent = np.nonzero(~present)[0]
    for i in absent:
        rows[i] = [v if f in _OWN_FIELDS else None for f, v in zip(DOSSIER_FIELDS, rows[i])]
    if len(absent):
        without = QT_TRANSLATE_NOOP(
            "Core", "{0} cluster(s) without a polygon: their area, exposure, facilities and aid are not assessed (NULL)."
        )
        notes.append(Note("warning", Message(without, len(absent))))
    return rows


def _hazard_exposure(geoms: np.ndarray, h) -> Tuple[Optional[np.ndarray], Optional[np.ndarray], Optional[np.ndarray]]:
    """Per cluster, the share of its area in fault avoidance zones and in flood zones, and the hazard points it holds
    (each None where the :class:`.hazards.Hazards` ``h`` has none)."""
    n = len(geoms)
    fault_share = area_share(geoms, h.fault_zones) if h is not None and h.fault_zones is not None else None
    flood_share = area_share(geoms, h.flood_zones) if h is not None and h.flood_zones is not None else None
    geohaz = sums(point_owner(geoms, h.geohazards), n) if h is not None and h.geohazards is not None else None
    return fault_share, flood_share, geohaz


class _ClusterFacilities:
    """What each cluster holds: facilities per category code (``counts``, empty without facilities), shelter area,
    beds, reserve capacity (person-days) and the conversion categories' shelter area (None where not given); and the
    facilities the report draws (``points``: x, y, category code)."""

    def __init__(self, counts, shelter=None, beds=None, capacity=None, conv_area=None, points=()):
        self.counts: Dict[str, np.ndarray] = counts
        self.shelter, self.beds, self.capacity, self.conv_area = shelter, beds, capacity, conv_area
        self.points = list(points)

    @classmethod
    def of(cls, geoms: np.ndarray, facilities, profile) -> "_ClusterFacilities":
        if facilities is None:
            return cls({})
        n = len(geoms)
        codes = list(profile.categories)
        column = facilities.column(codes)
        owner = point_owner(geoms, facilities.points)
        counts = counts_by_category(owner, column, n, codes)
        shelter = bed_sum = capacity = conv_area = None
        if facilities.shelter_area is not None:  # a shelter of unknown area: its cluster's shelter not assessed
            shelter = sums(owner, n, facilities.known_shelter_area())
            conversion_columns = [codes.index(code) for code in profile.value("street_units.conversion_categories")]
            conv_area = sums(owner, n, facilities.shelter_area, mask=np.isin(column, conversion_columns))
        if facilities.beds is not None:
            bed_sum = sums(owner, n, facilities.beds)
        if facilities.capacity is not None:
            capacity = sums(owner, n, facilities.capacity, mask=column == codes.index("reserve_depot"))
        points = [(p.x, p.y, codes[c]) for p, c in zip(facilities.points, column) if p is not None and c >= 0]
        return cls(counts, shelter, bed_sum, capacity, conv_area, points)


def _dossier_rows(population: np.ndarray, area: np.ndarray, exposure, held: _ClusterFacilities, aid, ids, profile) -> List[list]:
    """One row per cluster, the values of DOSSIER_FIELDS in order."""
    fault_share, flood_share, geohaz = exposure
    counts, shelter, bed_sum, capacity, conv_area = held.counts, held.shelter, held.beds, held.capacity, held.conv_area
    n = len(area)
    with np.errstate(divide="ignore", invalid="ignore"):
        beds_1000 = bed_sum / population * 1000 if bed_sum is not None else None
        shelter_pp = shelter / population if shelter is not None else None
    beds_target = float(profile.value("health.beds_per_1000_target"))
    shelter_target = float(profile.value("shelter.area_per_person_target"))
    days = profile.value("reserves.three_threes")["cluster"]
    conversion = profile.value("street_units.conversion_categories")
    zeros = np.zeros(n)

    def c(code):
        return counts.get(code, zeros)

    conv_n = sum((c(code) for code in conversion), zeros) if counts else None

    def num(v, digits=3):
        return None if v is None or not np.isfinite(v) else round(float(v), digits)

    rows = []
    for i in range(n):
        need = population[i] * days if np.isfinite(population[i]) else None
        rows.append(
            [
                num(population[i], 0),
                round(float(area[i]) / 1e6, 3),
                num(fault_share[i], 4) if fault_share is not None else None,
                num(flood_share[i], 4) if flood_share is not None else None,
                int(geohaz[i]) if geohaz is not None else None,
                int(c("water_plant")[i]) if counts else None,
                int(c("substation")[i]) if counts else None,
                int(c("fire_station")[i]) if counts else None,
                int(c("hospital")[i]) if counts else None,
                num(bed_sum[i], 0) if bed_sum is not None else None,
                num(beds_1000[i], 2) if beds_1000 is not None else None,
                beds_target,
                num(shelter[i], 0) if shelter is not None else None,
                num(shelter_pp[i], 3) if shelter_pp is not None else None,
                shelter_target,
                int(bool(shelter_pp[i] >= shelter_target)) if shelter_pp is not None and np.isfinite(shelter_pp[i]) else None,
                int(conv_n[i]) if conv_n is not None else None,
                num(conv_area[i], 0) if conv_area is not None else None,
                int(c("reserve_depot")[i]) if counts else None,
                num(capacity[i], 0) if capacity is not None else None,
                num(need, 0),
                int(bool(capacity[i] >= need)) if capacity is not None and need is not None else None,
                len(aid[i]),
                ", ".join(sorted(ids[j] for j in aid[i])),  # by name, whatever order the layer comes in
                DOSSIER_CLAUSES,
            ]
        )
    return rows
