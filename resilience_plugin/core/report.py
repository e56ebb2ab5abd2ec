"""The content of the atlas report: one title section, one page per cluster and one per street/town unit.

Pure Python: it turns the attribute records of a scored unit layer (the output of ``resilience:scoreunits``) and of
a cluster layer (``resilience:clusters`` or ``resilience:clusterdossier``) into pages of rows. The print layout that
draws them lives in :mod:`resilience_plugin.report.atlas`. Labels come from the caller, so that they can be translated.
"""

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from .fields import guess_field
from .messages import QT_TRANSLATE_NOOP, CoreError
from .scoring import CLASSES_ZH, FIELDS, INDICATORS, TARGET_CLAUSES, TYPES_ZH

SCORED_FIELDS = ("score", "class", "rank", "unit_type")


class ReportError(CoreError):
    """The report cannot be made; the message names the layer or field at fault."""


@dataclass
class Row:
    """One row of a page's table: up to six cells, and whether it failed its target (for colouring)."""

    cells: List[str]
    failed: bool = False


@dataclass
class Page:
    kind: str  # "title", "cluster", "unit", "scenario" or "transfer"
    key: str  # unique: "title", "c:<cluster>", "u:<index>"
    title: str
    subtitle: str = ""
    body: str = ""
    index: Optional[int] = None  # the feature's position in its layer (None for the title)
    rows: Dict[str, List[Row]] = field(default_factory=dict)  # section -> rows
    summary: List[str] = field(default_factory=list)  # a unit's name, score, class, type and rank, for its cluster's list


def unit_fields(names: Sequence[str]) -> tuple:
    """(name, district, cluster) fields of a units layer, by :mod:`core.fields`' one table; '' where none is found.
    Units are named in Chinese first, as the plan writes them (name_zh, 名称), else by their code."""
    name = guess_field("name", names, chinese=True) or guess_field("code", names)
    return name or "", guess_field("district", names) or "", cluster_field(names)


def cluster_field(names: Sequence[str]) -> str:
    """The field of a layer that holds the cluster id, or ''."""
    return guess_field("cluster", names) or ""


def fmt(value, digits: int = 3) -> str:
    """A number for a table cell: three significant digits, thousands separators; '—' when missing."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "—" if value in (None, "") else str(value)
    if not math.isfinite(v):
        return "—"
    if v == 0:
        return "0"
    if v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    if abs(v) >= 10**digits:
        return f"{v:,.0f}"
    magnitude = int(math.floor(math.log10(abs(v))))
    decimals = max(0, digits - 1 - magnitude)
    return f"{v:,.{decimals}f}"


def check_scored(field_names: Sequence[str], layer: str) -> List[str]:
    """The indicators present in a scored layer; raises when it is not the output of unit scoring."""
    missing = [f for f in SCORED_FIELDS if f not in field_names]
    if missing:
        raise ReportError(
            QT_TRANSLATE_NOOP(
                "Core", "layer '{0}' has no field(s) {1}: give the output of 'Score street/town units' (resilience:scoreunits)"
            ),
            layer,
            ", ".join(missing),
        )
    return [k for k, f in FIELDS.items() if f in field_names]


def unit_pages(
    records: Sequence[Dict],
    name_field: str,
    district_field: str,
    cluster_field: str,
    label: Callable[[str], str],
    words: Dict[str, str],
) -> List[Page]:
    """One page per scored unit. ``label`` names an indicator; ``words`` holds the translated fixed words
    (score, class, type, rank, cluster, met, not met, hazard, vulnerability, capacity)."""
    if not records:
        return []
    used = [k for k, f in FIELDS.items() if f in records[0]]
    total = len(records)
    pages = []
    for i, r in enumerate(records):
        name = text(r.get(name_field)) if name_field else ""
        name = name or f"#{i + 1}"
        district = text(r.get(district_field)) if district_field else ""
        cluster = text(r.get(cluster_field)) if cluster_field else ""
        klass = text(r.get("class"))
        kind = text(r.get("unit_type"))
        subtitle = " · ".join(
            x
            for x in (
                f"{words['score']} {fmt(r.get('score'))}",
                f"{words['class']} {both(words.get('class:' + klass, klass), CLASSES_ZH.get(klass, klass))}",
                f"{words['type']} {both(words.get('type:' + kind, kind), TYPES_ZH.get(kind, kind))}",
                f"{words['rank']} {fmt(r.get('rank'))}/{total}",
                f"{words['cluster']} {cluster}" if cluster else "",
            )
            if x
        )
        body = (
            f"{words['hazard']} {fmt(r.get('hazard'))} · {words['vulnerability']} {fmt(r.get('vulner'))} · "
            f"{words['capacity']} {fmt(r.get('capacity'))}"
        )
        rows = []
        for k in used:
            f = FIELDS[k]
            target = r.get("t" + f[1:])
            met = number(r.get("ok" + f[1:]))
            verdict = "" if met is None or target is None else (words["met"] if met == 1 else words["not met"])
            dim = INDICATORS[k][0]
            rows.append(
                Row(
                    [
                        label(k),
                        words[dim],
                        fmt(r.get(f)),
                        fmt(r.get("s" + f[1:])),
                        fmt(target) if target is not None else "",
                        verdict,
                        TARGET_CLAUSES.get(k, "第51条"),
                    ],
                    failed=met is not None and target is not None and met == 0,
                )
            )
        # a Chinese report gives the measures in Chinese (scoring.measures_zh), where the scored layer has them
        measures = text(r.get("measures_zh")) if words.get("chinese") and text(r.get("measures_zh")) else text(r.get("measures"))
        title = f"{name} · {district}" if district else name
        advice = [Row([m]) for m in measures.split("; ") if m]
        page = Page("unit", f"u:{i}", title, subtitle, body, index=i, rows={"indicators": rows, "measures": advice})
        page.summary = [
            name,
            fmt(r.get("score")),
            both(words.get("class:" + klass, klass), CLASSES_ZH.get(klass, klass)),
            both(words.get("type:" + kind, kind), TYPES_ZH.get(kind, kind)),
            fmt(r.get("rank")),
        ]
        pages.append(page)
    return pages


def cluster_pages(
    records: Sequence[Dict],
    id_field: str,
    members: Dict[str, List[Page]],
    label: Callable[[str], str],
    words: Dict[str, str],
) -> List[Page]:
    """One page per cluster: its measures (every numeric or text field of the cluster layer that ``label`` knows),
    and the list of its units with their scores (from ``members``, cluster id -> unit pages)."""
    pages = []
    for i, r in enumerate(records):
        cid = text(r.get(id_field)) or str(i + 1)
        code = text(r.get("code"))
        title = f"{words['cluster']} {code or cid}"
        districts = text(r.get("districts"))
        subtitle = " · ".join(x for x in (districts, f"{words['units']} {fmt(r.get('n_units'))}" if "n_units" in r else "") if x)
        rows = []
        for key, value in r.items():
            caption = label(key)
            if not caption or value is None or value == "":
                continue
            failed = False
            if key in CLUSTER_CHECKS:
                failed = number(r.get(CLUSTER_CHECKS[key])) == 0
            rows.append(Row([caption, fmt(value) if not isinstance(value, str) else value], failed=failed))
        member_rows = [Row(list(p.summary)) for p in sorted(members.get(cid, []), key=_rank)]
        pages.append(Page("cluster", f"c:{i}", title, subtitle, index=i, rows={"measures": rows, "members": member_rows}))
    return pages


# a cluster measure and the pass field that says whether it met its target
CLUSTER_CHECKS = {
    "shelter_pp": "shelter_ok",
    "reserve_pd": "reserve_ok",
    "missing_zh": "self_suff",
    "missing": "self_suff",
    "population": "pop_ok",
}


def _rank(page: Page) -> float:
    try:
        return float(page.summary[4].replace(",", ""))
    except (IndexError, ValueError):
        return math.inf


def members_by_cluster(units: Sequence[Page], unit_cluster: Sequence[str]) -> Dict[str, List[Page]]:
    """Cluster id -> the pages of its units, in their order ('' for units in no cluster)."""
    members: Dict[str, List[Page]] = {}
    for page, cid in zip(units, unit_cluster):
        members.setdefault(cid, []).append(page)
    return members


def order_pages(
    title: Page,
    clusters: List[Page],
    cluster_ids: List[str],
    members: Dict[str, List[Page]],
    after_cluster: Optional[Dict[str, List[Page]]] = None,
) -> List[Page]:
    """The title, then each cluster followed by its ``after_cluster`` pages (its scenario pages) and its units (by
    rank), then units in no cluster (by rank); ``members`` as :func:`members_by_cluster` gives them."""
    out = [title]
    by_cluster = dict(members)
    for page, cid in zip(clusters, cluster_ids):
        out.append(page)
        out.extend((after_cluster or {}).get(cid, []))
        out.extend(sorted(by_cluster.pop(cid, []), key=_rank))
    for rest in by_cluster.values():
        out.extend(sorted(rest, key=_rank))
    return out


def profile_rows(profile, skip_units: Iterable[str] = ("text",), chinese: bool = False) -> List[Row]:
    """Every value of the profile except long texts: key, value, unit, source, confidence. ``chinese``: the key
    after its Chinese name (core.profile.LABELS_ZH), for a Chinese report."""
    from .profile import LABELS_ZH

    rows = []
    skip = set(skip_units)
    for q in profile.quantities():
        if q.unit in skip or q.key == "facility_categories":
            continue
        key = f"{LABELS_ZH[q.key]} {q.key}" if chinese and q.key in LABELS_ZH else q.key
        rows.append(Row([key, _flat(q.value), q.unit, q.source, q.confidence]))
    return rows


def file_digest(path) -> str:
    """The first 12 hex digits of a file's SHA-256, or '' when it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    except (OSError, TypeError):
        return ""


def number(value) -> Optional[float]:
    """A finite number, or None for anything else (null, text that is not a number, NaN)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _flat(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_flat(v) for v in value)
    if value is None:
        return "—"
    # exact values (not rounded for display): this is the record of what the run used
    return f"{value:g}" if isinstance(value, float) else str(value)


def text(value) -> str:
    """A cell's text: '' for null (and for the string NULL that some providers return)."""
    if value is None:
        return ""
    s = str(value).strip()
    return "" if s.upper() == "NULL" else s


def cluster_of_units(unit_wkbs: Sequence, cluster_wkbs: Sequence, cluster_ids: Sequence[str]) -> List[str]:
    """The id of the cluster that holds a point inside each unit ('' for none), from WKB geometries (None: no
    geometry). The same rule as the dossier's (:func:`resilience_plugin.core.dossier.point_owner`)."""
    import numpy as np
    import shapely

    from .dossier import point_owner
    from .geometry import from_wkb

    units, clusters = from_wkb(unit_wkbs), from_wkb(cluster_wkbs)
    points = np.full(len(units), None, dtype=object)
    present = ~shapely.is_missing(units) & ~shapely.is_empty(units)
    points[present] = shapely.point_on_surface(shapely.make_valid(units[present]))
    usable = ~shapely.is_missing(clusters) & ~shapely.is_empty(clusters)
    clusters = np.where(usable, clusters, None)
    owner = point_owner(clusters, points)
    return [cluster_ids[o] if o >= 0 else "" for o in owner.tolist()]


def clusters_of_lines(line_wkbs: Sequence, cluster_wkbs: Sequence, cluster_ids: Sequence[str]) -> List[List[str]]:
    """The ids of the clusters that each line (a road section) intersects, in cluster order, from WKB geometries
    (None: no geometry, in no cluster): one query of a tree of the clusters for all the lines at once."""
    import shapely

    from .geometry import from_wkb

    lines, clusters = from_wkb(line_wkbs), from_wkb(cluster_wkbs)
    usable = ~shapely.is_missing(clusters) & ~shapely.is_empty(clusters)
    found: List[List[str]] = [[] for _ in range(len(lines))]
    present = ~shapely.is_missing(lines) & ~shapely.is_empty(lines)
    if not present.any() or not usable.any():
        return found
    kept = usable.nonzero()[0]
    line_at, cluster_at = shapely.STRtree(clusters[kept]).query(lines, predicate="intersects")
    for i, k in sorted(zip(line_at.tolist(), kept[cluster_at].tolist())):
        found[i].append(cluster_ids[k])
    return found


def _is_wide(ch: str) -> bool:
    """A character that may be broken before or after: CJK ideographs, kana, hangul and full-width forms."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # CJK radicals … unified ideographs (also CJK punctuation and kana)
        or 0xAC00 <= o <= 0xD7AF  # hangul
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= o <= 0xFE4F  # vertical forms
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3FFFF  # extension ideographs
    )


_NO_LINE_START = set("，。、；：？！）】》」』”’,.;:?!)]%·…")


def both(label: str, chinese: str) -> str:
    """A label with its Chinese after it, ``Low（低）``; once where they are the same (a Chinese report: 低, never
    低（低）)."""
    return label if not chinese or label == chinese else f"{label}（{chinese}）"


_NO_LINE_END = set("（【《「『“‘([")


def _tokens(paragraph: str) -> list:
    """Pieces a line may break between: each wide character alone, runs of other characters with their spaces."""
    tokens, run = [], ""
    for ch in paragraph:
        if ch in _NO_LINE_START and (run or tokens):  # closing punctuation stays with what it closes
            if run:
                run += ch
            else:
                tokens[-1] += ch
            continue
        if ch in _NO_LINE_END:  # opening punctuation goes with what it opens
            if run and _is_wide(run[-1]):
                tokens.append(run)
                run = ""
            run += ch
            continue
        if _is_wide(ch):
            if run and run[-1] not in _NO_LINE_END:
                tokens.append(run)
                run = ""
            tokens.append(run + ch)
            run = ""
        elif ch in " |/":  # a line may break after a space, a bar or a slash
            tokens.append(run + ch)
            run = ""
        else:
            run += ch
    if run:
        tokens.append(run)
    return tokens


def wrap_text(text: str, width: float, advance) -> str:
    """``text`` with line breaks so that no line is wider than ``width`` as ``advance(str)`` measures it: broken at
    spaces, and anywhere between Chinese characters; a word wider than a line is broken between its letters. Line
    breaks already in the text are kept. (The atlas report wraps its table cells so, because QGIS's own wrapping of
    table text takes seconds per page for long Chinese cells.)"""
    if not text or width <= 0:
        return text

    def fits(piece: str) -> bool:
        return advance(piece.rstrip()) <= width

    def spill(line: str) -> str:
        """Move whole lines off the front of ``line`` while it is one word too wide; return the rest."""
        while not fits(line) and len(line.rstrip()) > 1:
            cut = len(line.rstrip()) - 1
            while cut > 1 and not fits(line[:cut]):
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        return line

    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if line.strip() and not fits(line + token):
                lines.append(line.rstrip())
                line = ""
            line = spill(line + token)
        lines.append(line.rstrip())
    return "\n".join(lines)


SCENARIO_LISTED = 12  # units, sections and links listed per scenario page; the subtitle gives the totals


def scenario_pages(
    cluster_ids: List[str],
    cluster_titles: List[str],
    units: Sequence[Dict],
    unit_cluster: Sequence[str],
    name_field: str,
    sections: Sequence[Dict],
    section_clusters: Sequence[List[str]],
    links: Sequence[Dict],
    words: Dict[str, str],
) -> Dict[str, List[Page]]:
    """Cluster id -> its corridor-failure scenario pages (第44、48、62、65条), one per scenario: the units of the
    cluster that lose an essential category (from ``units``, the records of resilience:corridorfailure's UNITS_OUT,
    each in the cluster ``unit_cluster`` gives), the most critical sections in the cluster (``sections``, its
    CRITICAL records, with the clusters each lies in) and the links to other clusters lost or longer (``links``, its
    CLUSTER_LINKS records). With several scenarios (each fault in turn), a cluster gets a page for each scenario that
    changes one of its units."""
    scenarios = list(dict.fromkeys(text(u.get("scenario")) for u in units))
    out: Dict[str, List[Page]] = {}
    for k, (cid, title) in enumerate(zip(cluster_ids, cluster_titles)):
        for j, scenario in enumerate(scenarios):
            mine = [u for u, c in zip(units, unit_cluster) if c == cid and text(u.get("scenario")) == scenario]
            if not mine and len(scenarios) > 1:
                continue  # each fault in turn: only the units a scenario changes are written, and only their clusters get its page
            cut = [u for u in mine if text(u.get("access")) in ("lost", "part lost")]
            people = sum(number(u.get("pop_cut")) or 0.0 for u in cut)
            cut.sort(key=lambda u: -(number(u.get("pop_cut")) or 0.0))
            cut_rows = _cut_rows(cut, name_field)
            here = [r for r, cs in zip(sections, section_clusters) if cid in cs]
            here.sort(key=lambda r: number(r.get("rank")) or math.inf)
            section_rows = _section_rows(here)
            mine_links = [
                r
                for r in links
                if text(r.get("scenario")) == scenario
                and cid in (text(r.get("cluster_a")), text(r.get("cluster_b")))
                and text(r.get("link")) in ("lost", "longer")
            ]
            link_rows = _link_rows(mine_links, cid, words)
            subtitle = " · ".join(
                (
                    f"{words['people cut off']} {fmt(people)}",
                    f"{words['units cut off']} {len(cut)}/{len(mine)}",
                    f"{words['links lost']} {sum(1 for r in mine_links if text(r.get('link')) == 'lost')}",
                )
            )
            page = Page(
                "scenario",
                f"s:{k}:{j}",
                f"{title} · {words['scenario']} {scenario}",
                subtitle,
                index=k,
                rows={"cut": cut_rows, "critical": section_rows, "links": link_rows},
            )
            out.setdefault(cid, []).append(page)
    return out


def _cut_rows(cut: Sequence[Dict], name_field: str) -> List[Row]:
    """The rows of a scenario page's units cut off (the first SCENARIO_LISTED of ``cut``): name, the categories
    lost, the people cut off and the clusters lost."""
    return [
        Row(
            [
                text(u.get(name_field)) if name_field else "",
                text(u.get("lost_zh")) or text(u.get("lost_cats")),
                fmt(u.get("pop_cut")),
                _first(text(u.get("cl_lost")), 8),
            ],
            failed=True,
        )
        for u in cut[:SCENARIO_LISTED]
    ]


def _section_rows(here: Sequence[Dict]) -> List[Row]:
    """The rows of a scenario page's most critical sections (the first SCENARIO_LISTED of ``here``), failed where
    the section's failure cuts people off."""
    return [
        Row(
            [
                fmt(r.get("rank")),
                text(r.get("road_name")) or f"{text(r.get('src_layer'))} #{text(r.get('src_fid'))}",
                fmt(r.get("pop_cut")),
                fmt(r.get("pop_route")),
                text(r.get("measure")),
            ],
            failed=(number(r.get("pop_cut")) or 0) > 0,
        )
        for r in here[:SCENARIO_LISTED]
    ]


def _link_rows(mine_links: Sequence[Dict], cid: str, words: Dict[str, str]) -> List[Row]:
    """The rows of a scenario page's links from cluster ``cid`` to other clusters (the first SCENARIO_LISTED of
    ``mine_links``): the other cluster, the lengths before and after, and the link's state, failed where lost."""
    return [
        Row(
            [
                text(r.get("cluster_b")) if text(r.get("cluster_a")) == cid else text(r.get("cluster_a")),
                fmt(r.get("len0_m")),
                fmt(r.get("len1_m")),
                words.get("link:" + text(r.get("link")), text(r.get("link"))),
            ],
            failed=text(r.get("link")) == "lost",
        )
        for r in mine_links[:SCENARIO_LISTED]
    ]


def transfer_pages(
    cluster_ids: List[str],
    cluster_titles: List[str],
    assignment: Sequence[Dict],
    assignment_cluster: Sequence[str],
    shelters: Sequence[Dict],
    shelter_cluster: Sequence[str],
    routes: Sequence[Dict],
    route_clusters: Sequence[List[str]],
    words: Dict[str, str],
) -> Dict[str, List[Page]]:
    """Cluster id -> its emergency-transfer page (第84条), for each cluster with people at risk: the features with the
    most people without a place (``assignment``, the records of resilience:evacuation's ASSIGNMENT, each in the
    cluster ``assignment_cluster`` gives), the cluster's fullest shelters (SHELTERS_OUT) and the sections whose
    people take longest to pass (ROUTES, with the clusters each lies in)."""
    out: Dict[str, List[Page]] = {}
    for k, (cid, title) in enumerate(zip(cluster_ids, cluster_titles)):
        mine = [a for a, c in zip(assignment, assignment_cluster) if c == cid]
        if not mine:
            continue
        risk = sum(number(a.get("people")) or 0.0 for a in mine)
        placed = sum(number(a.get("placed")) or 0.0 for a in mine)
        mine.sort(key=lambda a: -(number(a.get("short")) or 0.0))
        short_rows = [
            Row(
                [
                    text(a.get("name")),
                    fmt(a.get("people")),
                    fmt(a.get("placed")),
                    fmt(a.get("short")),
                    text(a.get("reason_zh")) if words.get("chinese") else text(a.get("reason")),
                ],
                failed=(number(a.get("short")) or 0.0) > 0,
            )
            for a in mine[:SCENARIO_LISTED]
        ]
        here = [r for r, c in zip(shelters, shelter_cluster) if c == cid and (number(r.get("load_p")) or 0.0) > 0]
        here.sort(key=lambda r: -(number(r.get("util")) or 0.0))
        shelter_rows = [
            Row(
                [text(r.get("name")), text(r.get("class_zh")), fmt(r.get("capacity_p")), fmt(r.get("load_p")), fmt(r.get("util"), 2)],
                failed=(number(r.get("util")) or 0.0) >= 0.999,
            )
            for r in here[:SCENARIO_LISTED]
        ]
        roads = [r for r, cs in zip(routes, route_clusters) if cid in cs]
        roads.sort(key=lambda r: -(number(r.get("clear_min")) or 0.0))
        route_rows = [
            Row(
                [
                    text(r.get("road_name")) or f"#{text(r.get('src_fid'))}",
                    fmt(r.get("people")),
                    fmt(r.get("clear_min")),
                    text(r.get("measure")),
                ],
                failed=bool(number(r.get("bottleneck"))),
            )
            for r in roads[:SCENARIO_LISTED]
        ]
        subtitle = " · ".join(
            (
                f"{words['people at risk']} {fmt(risk)}",
                f"{words['placed']} {fmt(placed)} ({placed / risk:.0%})" if risk > 0 else f"{words['placed']} 0",
                f"{words['without a place']} {fmt(max(risk - placed, 0.0))}",
            )
        )
        page = Page(
            "transfer",
            f"t:{k}",
            f"{title} · {words['transfer']}",
            subtitle,
            index=k,
            rows={"t_short": short_rows, "t_shelters": shelter_rows, "t_routes": route_rows},
        )
        out.setdefault(cid, []).append(page)
    return out


def _first(listed: str, most: int) -> str:
    """The first ``most`` items of a 、-separated list, with how many there are in all."""
    items = [x for x in listed.split("、") if x]
    return "、".join(items) if len(items) <= most else "、".join(items[:most]) + f" … ({len(items)})"
