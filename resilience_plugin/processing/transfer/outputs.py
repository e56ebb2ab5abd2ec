"""What resilience:evacuation says and writes: the log (people at risk, placed and short; distance and time; the
static clearance estimate; bottlenecks and the fullest shelters) and its four outputs."""

import numpy as np
from qgis.core import QgsWkbTypes

from ...qgisside.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, GEOMETRY_POLYGON, WKB_LINESTRING, WKB_MULTIPOLYGON, WKB_POINT
from ...qgisside.translation import translate

LISTED = 10
CLAUSES_ROUTES = "第33、84条"
STATUS_ZH = {"used": "已使用", "not used": "未使用", "excluded": "排除"}


def weighted_stats(values: np.ndarray, weights: np.ndarray):
    """(mean, 95th percentile, maximum) of ``values`` weighted by ``weights`` (people); NaN without any."""
    keep = weights > 0
    if not keep.any():
        return float("nan"), float("nan"), float("nan")
    v, w = values[keep], weights[keep]
    order = np.argsort(v, kind="stable")
    cum = np.cumsum(w[order])
    p95 = float(v[order][np.searchsorted(cum, 0.95 * cum[-1] * (1 - 1e-12))])
    return float(np.average(v, weights=w)), p95, float(v.max())


def _reason_text(code: str, chinese: bool = False) -> str:
    from ...core.evacuation import REASONS, REASONS_ZH

    if not code:
        return ""
    return REASONS_ZH[code] if chinese else translate("Core", REASONS[code])


def log_transfer(alg, feedback, result, sources, shelter_read, roads, profile) -> None:
    """The run's figures in the log."""
    risk, placed, short = float(result.at_risk.sum()), float(result.placed.sum()), float(result.short.sum())
    feedback.pushInfo(
        translate("Resilience", "People at risk: {0:,.0f}; placed in a shelter: {1:,.0f} ({2:.1%}); without a place: {3:,.0f}.").format(
            risk, placed, placed / risk if risk > 0 else 1.0, short
        )
    )
    if risk <= 0:
        feedback.pushWarning(translate("Resilience", "Nobody is inside the hazard given: nobody needs to move."))
    by_reason = {}
    for s, r in zip(result.short, result.reason):
        if r:
            by_reason[r] = by_reason.get(r, 0.0) + float(s)
    for r, people in sorted(by_reason.items(), key=lambda kv: -kv[1]):
        feedback.pushWarning(translate("Resilience", "  {0:,.0f} people without a place: {1}.").format(people, _reason_text(r)))
    if len(result.flow_people):
        d = weighted_stats(result.flow_dist, result.flow_people)
        t = weighted_stats(result.flow_time, result.flow_people)
        how = translate("Resilience", "along the network") if result.network else translate("Resilience", "as the crow flies (no network)")
        feedback.pushInfo(
            translate("Resilience", "Distance {0}: mean {1:,.0f} m, 95th percentile {2:,.0f} m, maximum {3:,.0f} m.").format(how, *d)
        )
        feedback.pushInfo(
            translate("Resilience", "Travel time: mean {0:.1f} min, 95th percentile {1:.1f} min, maximum {2:.1f} min.").format(*t)
        )
        feedback.pushInfo(
            translate(
                "Resilience",
                "Clearance time, a static estimate (the longest trip plus the queue at the worst section; no congestion "
                "dynamics): {0:.0f} min.",
            ).format(result.clearance_min())
        )
    s = result.solve
    method = translate("Resilience", "linear programme") if s.method == "linear programme" else translate("Resilience", "MILP")
    if s.optimal:
        feedback.pushInfo(
            translate("Resilience", "Solved exactly ({0}): {1:,.0f} person-minutes in all, proven optimal.").format(method, s.objective)
        )
    else:
        most = (
            translate("Resilience", "proven the most that can be placed")
            if s.most_placed
            else translate("Resilience", "not proven the most that can be placed")
        )
        bound = (
            translate("Resilience", "none can be below {0:,.0f}").format(s.bound)
            if s.bound == s.bound
            else translate("Resilience", "no lower bound was proven")
        )
        feedback.pushWarning(
            translate(
                "Resilience",
                "The time limit stopped the solver ({0}): {1:,.0f} people placed ({2}); the best found is {3:,.0f} "
                "person-minutes; {4}. Raise the time limit for a proven optimum.",
            ).format(method, placed, most, s.objective, bound)
        )
    _log_shelters(feedback, result, profile)
    _log_bottlenecks(feedback, result, roads, profile)


def _log_shelters(feedback, result, profile) -> None:
    excluded = [e for e in result.excluded if e is not None]
    if excluded:
        feedback.pushWarning(
            translate("Resilience", "{0} shelter(s) are not used: inside a hazard or of no known capacity (see Shelters: load).").format(
                len(excluded)
            )
        )
    cap = np.asarray(result.shelters.capacity, dtype=float)
    util = np.where(result.usable & (cap > 0), result.load / np.where(cap > 0, cap, 1), np.nan)
    order = [k for k in np.argsort(-np.nan_to_num(util, nan=-1.0), kind="stable") if result.load[k] > 0][:LISTED]
    if order:
        feedback.pushInfo(translate("Resilience", "The fullest shelters (add shelter places near them, 第84、91条):"))
        for k in order:
            feedback.pushInfo(
                translate("Resilience", "  {0}: {1:,.0f} of {2:,.0f} places ({3:.0%}).").format(
                    result.shelters.names[k], result.load[k], cap[k], util[k]
                )
            )


def _road_label(roads, source: int) -> str:
    if roads is None or source < 0:
        return translate("Resilience", "a shelter's link")
    fid, name, grade = roads["roads"][source]
    if grade:
        return translate("Resilience", "{0} (#{1}, grade {2})").format(name or "—", fid, grade)
    return f"{name or '—'} (#{fid})"


def _log_bottlenecks(feedback, result, roads, profile) -> None:
    """The ten slowest flows through limited sections: one line per flow (a route's consecutive sections carry the
    same people), naming its slowest section and how many sections carry it; links of no limit are left out."""
    r = result.routes
    if r is None or not len(r.people):
        return
    limited = np.nonzero(np.isfinite(r.clear_min))[0]
    if not len(limited):
        return
    ranked = limited[np.argsort(-r.clear_min[limited], kind="stable")]
    flows = {}
    for k in ranked.tolist():
        flows.setdefault((round(float(r.people[k]), 3), round(float(r.capacity_ph[k]), 3)), []).append(k)
    target = float(profile.value("evacuation.clear_time_target"))
    feedback.pushInfo(
        translate(
            "Resilience",
            "Sections that take longest to clear (a bottleneck: over {0:g} min; open a parallel link or widen it, 第33、84条):",
        ).format(target)
    )
    for sections in list(flows.values())[:LISTED]:
        k = sections[0]
        feedback.pushInfo(
            translate("Resilience", "  {0}: {1:,.0f} people, {2:,.0f} an hour, {3:.0f} min to pass{4}{5}.").format(
                _road_label(roads, int(r.source[k])),
                r.people[k],
                r.capacity_ph[k],
                r.clear_min[k],
                translate("Resilience", ", a bottleneck") if r.bottleneck[k] else "",
                translate("Resilience", " (and {0} more sections on the same route)").format(len(sections) - 1)
                if len(sections) > 1
                else "",
            )
        )


# ----------------------------------------------------------------------------------------------------------- outputs
def _per_source(result, n_sources):
    """Per source feature: people at risk, placed, people-weighted distance and time sums, max time, the shelters
    with their people, the shortfall reasons and the hazards."""
    src = result.surface.source
    risk = np.bincount(src, weights=result.at_risk, minlength=n_sources)
    placed = np.bincount(src, weights=result.placed, minlength=n_sources)
    fsrc = src[result.flow_piece]
    dist = np.bincount(fsrc, weights=result.flow_people * result.flow_dist, minlength=n_sources)
    time = np.bincount(fsrc, weights=result.flow_people * result.flow_time, minlength=n_sources)
    longest = np.zeros(n_sources)
    np.maximum.at(longest, fsrc, result.flow_time)
    shelters = [dict() for _ in range(n_sources)]
    for s, j, p in zip(fsrc.tolist(), result.flow_shelter.tolist(), result.flow_people.tolist()):
        shelters[s][j] = shelters[s].get(j, 0.0) + p
    reasons = [set() for _ in range(n_sources)]
    hazards = [set() for _ in range(n_sources)]
    for p, (s, r) in enumerate(zip(src.tolist(), result.reason)):
        if r:
            reasons[s].add(r)
        if result.at_risk[p] > 0:
            hazards[s].update(result.hazards_of[p])
    return risk, placed, dist, time, longest, shelters, reasons, hazards


def write_transfer(alg, parameters, result, sources, pop_name, pop_src, shelter_src, shelter_read, classes, roads, crs, profile) -> dict:
    return {
        alg.ASSIGNMENT: _write_assignment(alg, result, sources, pop_src, crs),
        alg.SHELTERS_OUT: _write_shelters(alg, result, shelter_src, shelter_read, classes, crs, profile),
        alg.ROUTES: _write_routes(alg, result, roads, crs),
        alg.SHORTFALL: _write_shortfall(alg, result, sources, crs),
    }


def _write_assignment(alg, result, sources, pop_src, crs):
    from ...core.evacuation import CLAUSES
    from ...qgisside.io import make_fields, polygons_only

    fields = make_fields(
        [
            ("src_fid", FIELD_INT, translate("Resilience", "Feature id")),
            ("name", FIELD_STRING, translate("Resilience", "Name")),
            ("people", FIELD_DOUBLE, translate("Resilience", "People at risk")),
            ("placed", FIELD_DOUBLE, translate("Resilience", "People placed")),
            ("short", FIELD_DOUBLE, translate("Resilience", "People without a place")),
            ("share_placed", FIELD_DOUBLE, translate("Resilience", "Share placed")),
            ("shelters", FIELD_STRING, translate("Resilience", "Shelters (people)")),
            ("n_shelters", FIELD_INT, translate("Resilience", "Number of shelters")),
            ("mean_dist_m", FIELD_DOUBLE, translate("Resilience", "Mean distance (m)")),
            ("mean_time_min", FIELD_DOUBLE, translate("Resilience", "Mean travel time (min)")),
            ("max_time_min", FIELD_DOUBLE, translate("Resilience", "Longest travel time (min)")),
            ("hazards", FIELD_STRING, translate("Resilience", "Hazards")),
            ("reason", FIELD_STRING, translate("Resilience", "Why some have no place")),
            ("reason_zh", FIELD_STRING, translate("Resilience", "Why some have no place (Chinese)")),
            ("clauses", FIELD_STRING, translate("Resilience", "Plan clauses")),
        ]
    )
    risk, placed, dist, time, longest, shelters, reasons, hazards = _per_source(result, len(sources))
    rows, geoms = [], []
    for s in np.nonzero(risk > 0)[0].tolist():
        fid, name, geom = sources[s]
        got = float(placed[s])
        listed = sorted(shelters[s].items(), key=lambda kv: -kv[1])
        rows.append(
            [
                fid,
                name,
                float(risk[s]),
                got,
                max(float(risk[s]) - got, 0.0),
                got / float(risk[s]),
                "; ".join(f"{result.shelters.names[j]} ({p:,.0f})" for j, p in listed),
                len(listed),
                float(dist[s] / got) if got > 0 else None,  # a numpy float64 reaches QGIS as "" on some versions
                float(time[s] / got) if got > 0 else None,
                float(longest[s]) if got > 0 else None,
                "; ".join(sorted(str(result.labels[z]) for z in hazards[s])),
                "; ".join(_reason_text(r) for r in sorted(reasons[s])),
                "；".join(_reason_text(r, True) for r in sorted(reasons[s])),
                CLAUSES,
            ]
        )
        geoms.append(geom)
    polygons = pop_src is None or QgsWkbTypes.geometryType(pop_src.wkbType()) == GEOMETRY_POLYGON
    kind = WKB_MULTIPOLYGON if polygons else WKB_POINT
    out = np.array(geoms + [None], dtype=object)[:-1]
    if not polygons:
        import shapely

        out = shapely.point_on_surface(out)
    return alg.write_output(alg.ASSIGNMENT, fields, kind, crs, rows, polygons_only(out) if polygons else out, (86, 90), "transfer")


def _write_shelters(alg, result, src, shelter_read, classes, crs, profile):
    from ...core.evacuation import CLAUSES
    from ...qgisside.io import make_fields, polygons_only

    read, keep = shelter_read
    ours = [
        ("src_fid", FIELD_INT, translate("Resilience", "Feature id")),
        ("name", FIELD_STRING, translate("Resilience", "Name")),
        ("class", FIELD_STRING, translate("Resilience", "Shelter class (profile code)")),
        ("class_zh", FIELD_STRING, translate("Resilience", "Shelter class (Chinese)")),
        ("reach_m", FIELD_DOUBLE, translate("Resilience", "Reach (m)")),
        ("capacity_p", FIELD_DOUBLE, translate("Resilience", "Capacity (persons)")),
        ("load_p", FIELD_DOUBLE, translate("Resilience", "People placed")),
        ("util", FIELD_DOUBLE, translate("Resilience", "Utilisation")),
        ("status", FIELD_STRING, translate("Resilience", "Status")),
        ("status_zh", FIELD_STRING, translate("Resilience", "Status (Chinese)")),
        ("reason", FIELD_STRING, translate("Resilience", "Why not used")),
        ("clauses", FIELD_STRING, translate("Resilience", "Plan clauses")),
    ]
    fields = make_fields(ours)
    own = own_fields(src, ours, "shel")
    for f in own:
        fields.append(f)
    at = [read.read_fields.index(n) for n in src.fields().names()]  # each own field's place in the read
    rows = []
    reached = np.zeros(len(keep), dtype=bool)  # some people at risk have it within reach
    if result.pairs is not None:
        reached[np.asarray(result.pairs.j, dtype=np.int64)] = True
    idle = {
        False: translate("Resilience", "nobody at risk has it within reach"),
        True: translate("Resilience", "the people within its reach are placed in less time elsewhere"),
    }
    for i, k in enumerate(keep):
        cap = float(result.shelters.capacity[i])
        why = result.excluded[i]
        status = "excluded" if why is not None else ("used" if result.load[i] > 0 else "not used")
        rows.append(
            [
                read.fids[k],
                result.shelters.names[i],
                classes[i],
                profile.category_label(classes[i], chinese=True),
                float(result.shelters.reach[i]),
                cap if np.isfinite(cap) else None,
                float(result.load[i]),
                float(result.load[i]) / cap if np.isfinite(cap) and cap > 0 else None,
                status,
                STATUS_ZH[status],
                why.text(lambda t: translate("Core", t)) if why is not None else (idle[bool(reached[i])] if status == "not used" else None),
                CLAUSES,
            ]
            + [read.attributes[k][j] for j in at]
        )
    polygons = QgsWkbTypes.geometryType(src.wkbType()) == GEOMETRY_POLYGON
    geoms = read.geometries[keep]
    return alg.write_output(
        alg.SHELTERS_OUT,
        fields,
        WKB_MULTIPOLYGON if polygons else WKB_POINT,
        crs,
        rows,
        polygons_only(geoms) if polygons else geoms,
        (90, 93),
        "shelter_load",
        optional=True,
    )


def own_fields(src, ours, prefix: str):
    """The fields of ``src`` to follow ``ours`` in an output, each name unique whatever its case (GeoPackage's
    names are not case-sensitive): a name taken by ours, by ``fid`` or by an earlier field becomes
    ``<prefix>_<name>`` (then ``_2``, ``_3`` …). Their values come from the analysis's own read of the layer
    (read_facilities' ``every_field``): a second read by feature id would not do, as a PostGIS table keyed by a
    bigint numbers its features afresh in each provider."""
    taken = {n.lower() for n, _t, _a in ours} | {"fid"}
    everyone = taken | {f.name().lower() for f in src.fields()}
    own = []
    for f in src.fields():
        name = f.name()
        if name.lower() in taken:
            base, k = f"{prefix}_{name}", 1
            name = base
            while name.lower() in everyone or name.lower() in taken:
                k += 1
                name = f"{base}_{k}"
            f.setName(name)
            everyone.add(name.lower())
        taken.add(name.lower())
        own.append(f)
    return own


def _write_routes(alg, result, roads, crs):
    from ...qgisside.io import make_fields

    r = result.routes
    fields = make_fields(
        [
            ("src_fid", FIELD_INT, translate("Resilience", "Road feature id")),
            ("road_name", FIELD_STRING, translate("Resilience", "Road name")),
            ("grade", FIELD_STRING, translate("Resilience", "Corridor grade")),
            ("people", FIELD_DOUBLE, translate("Resilience", "People")),
            ("cap_ph", FIELD_DOUBLE, translate("Resilience", "Throughput (persons an hour)")),
            ("clear_min", FIELD_DOUBLE, translate("Resilience", "Time to pass (min)")),
            ("use_share", FIELD_DOUBLE, translate("Resilience", "Throughput used (share of the clearance target)")),
            ("bottleneck", FIELD_INT, translate("Resilience", "Bottleneck")),
            ("leaving", FIELD_INT, translate("Resilience", "Closed road used to leave the hazard")),
            ("measure", FIELD_STRING, translate("Resilience", "Measure")),
            ("clauses", FIELD_STRING, translate("Resilience", "Plan clauses")),
        ]
    )
    rows, geoms = [], []
    if r is not None:
        for k in range(len(r.people)):
            src = int(r.source[k])
            fid, name, grade = roads["roads"][src] if src >= 0 else (None, None, None)
            rows.append(
                [
                    fid,
                    name,
                    grade,
                    float(r.people[k]),
                    float(r.capacity_ph[k]) if np.isfinite(r.capacity_ph[k]) else None,
                    float(r.clear_min[k]) if np.isfinite(r.clear_min[k]) else None,
                    float(r.used[k]) if r.used is not None and np.isfinite(r.used[k]) else None,
                    int(r.bottleneck[k]) if np.isfinite(r.clear_min[k]) else None,  # no throughput: not assessed
                    int(r.leaving[k]),
                    translate("Resilience", "open a parallel link or widen the section (第33、84条)") if r.bottleneck[k] else None,
                    CLAUSES_ROUTES,
                ]
            )
            geoms.append(r.geometry[k])
    return alg.write_output(
        alg.ROUTES, fields, WKB_LINESTRING, crs, rows, np.array(geoms + [None], dtype=object)[:-1], (93, 96), "routes", optional=True
    )


def _write_shortfall(alg, result, sources, crs):
    import shapely

    from ...qgisside.io import make_fields, polygons_only

    fields = make_fields(
        [
            ("src_fid", FIELD_INT, translate("Resilience", "Feature id")),
            ("name", FIELD_STRING, translate("Resilience", "Name")),
            ("short", FIELD_DOUBLE, translate("Resilience", "People without a place")),
            ("reason", FIELD_STRING, translate("Resilience", "Why")),
            ("reason_zh", FIELD_STRING, translate("Resilience", "Why (Chinese)")),
        ]
    )
    short = result.short
    idx = np.nonzero(short > 1e-6)[0]
    surface = result.surface
    rows = []
    for p in idx.tolist():
        fid, name, _g = sources[int(surface.source[p])]
        rows.append([fid, name, float(short[p]), _reason_text(result.reason[p]), _reason_text(result.reason[p], True)])
    if surface.pieces is None:  # people at points: the points
        return alg.write_output(
            alg.SHORTFALL, fields, WKB_POINT, crs, rows, shapely.points(surface.xy[idx]), (96, 99), "shortfall", optional=True
        )
    return alg.write_output(
        alg.SHORTFALL, fields, WKB_MULTIPOLYGON, crs, rows, polygons_only(surface.pieces[idx]), (96, 99), "shortfall", optional=True
    )
