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
