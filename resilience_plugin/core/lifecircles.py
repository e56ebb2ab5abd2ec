"""Community life circles (韧性社村生活圈, 第12、53-55条): catchments and the facility checklist.

A circle is either the straight-line buffer of a community, or the part of the walking
network reachable within the distance (:mod:`.network`), buffered by a half-width. In each
circle we count the facilities per category, sum the shelter area, and compare with the
plan profile: the categories every circle needs (``life_circle.required_categories``,
第54、55条) and the shelter area per person (``shelter.area_per_person_target``).

The population of a circle is the people who live inside it (:mod:`.population`): those of every point
community inside it, the share of each polygon community's people that lives inside it, or a population raster's
people inside it. They share its shelters. Shelter area per person = shelter area inside / that population; with
no population source both are not assessed (NaN), never 0.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .facilities import Facilities, is_shelter_code
from .geometry import is_xy, present_mask
from .labels import OTHER, Classified, LabelMatcher
from .messages import QT_TRANSLATE_NOOP, Message, Note  # noqa: F401 (Note: part of the result)
from .population import Raster
from .profile import PlanProfile, alternatives
from .within import count_within, pays


@dataclass
class Vocabulary:
    """Facility categories of the profile, plus "other" as the last column; labels are read by :mod:`.labels`."""

    codes: List[str]
    labels: Dict[str, str]
    labels_zh: Dict[str, str]
    matcher: Optional[LabelMatcher] = None

    @classmethod
    def from_profile(cls, profile: PlanProfile, user_map: str = "") -> "Vocabulary":
        """The profile's categories; ``user_map`` (``label=code;…``) maps a run's own labels first (LabelError when
        it cannot be read)."""
        cats = profile.categories
        codes = list(cats) + [OTHER]
        labels = {c: d["name"] for c, d in cats.items()}
        labels_zh = {c: d["name_zh"] for c, d in cats.items()}
        labels[OTHER], labels_zh[OTHER] = "Other", "其他"
        return cls(codes, labels, labels_zh, LabelMatcher.from_profile(profile, user_map))

    @property
    def other(self) -> int:
        return len(self.codes) - 1

    def classify_labels(self, values: Sequence) -> Tuple[np.ndarray, Classified]:
        """Column index per value, and what mapped to what (see :class:`.labels.Classified`); unmapped values and
        values mapped to "other" go to the "other" column."""
        found = self.matcher.classify(values)
        col = {c: i for i, c in enumerate(self.codes)}
        other = self.other
        if found.index is not None:  # once per distinct label
            per_label = np.array([col.get(c, other) if c else other for c in found.distinct_codes], dtype=np.int64)
            idx = per_label[np.asarray(found.index, dtype=np.intp)] if len(found.index) else np.empty(0, dtype=np.int64)
        else:
            idx = np.array([col.get(c, other) if c else other for c in found.codes], dtype=np.int64)
        return idx, found

    def is_shelter(self, columns) -> np.ndarray:
        """Per column index (of :meth:`classify_labels`), whether its category is a shelter."""
        return np.array([is_shelter_code(c) for c in self.codes], dtype=bool)[np.asarray(columns, dtype=np.int64)]

    def classify(self, values: Sequence) -> Tuple[np.ndarray, Counter]:
        """Column index per value; the labels no rule maps, counted."""
        idx, found = self.classify_labels(values)
        return idx, found.unmapped


def euclidean_circles(geoms: Sequence, distance: float, quad_segs: int = 16) -> np.ndarray:
    """Straight-line circles (buffers) of the community geometries; None stays None. Points' circles are built
    with numpy, vertex for vertex as GEOS 3.12+ buffers a point (first vertex due east, clockwise, 4 × ``quad_segs``
    segments), several times faster and the same with every GEOS; other geometries are buffered by GEOS."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    point = ok & (shapely.get_type_id(geoms) == 0)
    if point.any() and distance > 0:
        out[point] = point_circles(shapely.get_coordinates(geoms[point]), distance, quad_segs)
    else:
        point[:] = False
    rest = ok & ~point
    out[rest] = shapely.buffer(geoms[rest], distance, quad_segs=quad_segs)
    return out


def point_circles(xy: np.ndarray, radius: float, quad_segs: int = 16) -> np.ndarray:
    """Circle polygons around points (n x 2), as GEOS's point buffer: the vertex at angle −i·(2π / 4·quad_segs)
    is centre + radius·(cos, sin) of it, the first exactly centre + (radius, 0), the ring closed."""
    n_seg = 4 * quad_segs
    angle = -(np.arange(n_seg) * ((2.0 * np.pi) / n_seg))
    ring = np.empty((len(xy), n_seg + 1, 2))
    ring[:, :n_seg, 0] = xy[:, :1] + radius * np.cos(angle)
    ring[:, :n_seg, 1] = xy[:, 1:2] + radius * np.sin(angle)
    ring[:, 0, 0] = xy[:, 0] + radius
    ring[:, 0, 1] = xy[:, 1]
    ring[:, n_seg] = ring[:, 0]
    return shapely.polygons(ring)


_PAIR_PIECE = 1000  # circles per k-d tree query of _pairs_within


def _pairs_within(xy: np.ndarray, pxy: np.ndarray, distance: float) -> Tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) with point j of ``pxy`` within ``distance`` of point i of ``xy`` (dx² + dy² ≤ d²): with
    scipy's k-d tree where scipy is installed, else candidates by envelope from a shapely tree, then the exact
    distance in numpy (both far faster than GEOS per pair)."""
    try:
        from scipy.spatial import cKDTree
    except ImportError:  # straight-line circles do not need scipy
        cKDTree = None  # noqa: N806
    if cKDTree is not None:
        from .parallel import in_pieces

        fast = {"balanced_tree": False, "compact_nodes": False}  # built twice as fast, queried as fast: the same pairs
        points = cKDTree(pxy, **fast)

        def pairs(lo: int, hi: int):  # the circles lo…hi-1 against all points (scipy releases the GIL)
            found = cKDTree(xy[lo:hi], **fast).sparse_distance_matrix(points, distance, output_type="ndarray")
            return found["i"] + np.int64(lo), found["j"].astype(np.int64)  # each a new int64 array

        # pieces of a fixed size, whatever the cores: each circle's pairs, and so its sums, come in the same order
        parts = in_pieces(pairs, len(xy), _PAIR_PIECE)
        if len(parts) <= 1:
            return parts[0] if parts else (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    boxes = shapely.box(xy[:, 0] - distance, xy[:, 1] - distance, xy[:, 0] + distance, xy[:, 1] + distance)
    gi, pj = shapely.STRtree(shapely.points(pxy)).query(boxes)
    dx = xy[:, 0][gi] - pxy[:, 0][pj]
    dy = xy[:, 1][gi] - pxy[:, 1][pj]
    keep = dx * dx + dy * dy <= distance * distance
    return gi[keep], pj[keep]


def count_points(
    geoms: Sequence,
    points: Sequence,
    column: np.ndarray,
    n_columns: int,
    weights: Optional[np.ndarray] = None,
    distance: Optional[float] = None,
) -> Tuple[np.ndarray, np.ndarray]:
    """Per geometry: the number of points in each column, and the sum of ``weights`` of those points.

    A point counts when it lies in the geometry (a circle's polygon) or, with ``distance``, within that
    distance of it (an exact straight-line circle, with no polygon approximation). ``points``: shapely points, or
    their coordinates (an n × 2 float array; a row of NaN is no point).
    """
    geoms = np.asarray(geoms, dtype=object)
    counts = np.zeros((len(geoms), n_columns), dtype=np.int64)
    sums = np.zeros(len(geoms))
    ok = np.nonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))[0]
    if len(points) == 0 or len(ok) == 0:
        return counts, sums
    as_xy = is_xy(points)
    if as_xy:
        finite = np.isfinite(points).all(axis=1)
        if not finite.all():  # no point: counted nowhere
            points, column = points[finite], np.asarray(column)[finite]
            weights = None if weights is None else np.asarray(weights)[finite]
    else:
        points = np.asarray(points, dtype=object)
    centres = distance is not None and (shapely.get_type_id(geoms[ok]) == 0).all()
    if centres and (as_xy or (shapely.get_type_id(points) == 0).all()):  # points within a distance of points
        xy, pxy = shapely.get_coordinates(geoms[ok]), points if as_xy else shapely.get_coordinates(points)
        found = count_within(xy, pxy, column, n_columns, weights, distance) if pays(len(xy), pxy, distance) else None
        if found is not None:  # counted on a grid, without pairs
            counts[ok], sums[ok] = found
            return counts, sums
        gi, pj = _pairs_within(xy, pxy, distance)
    else:
        tree = shapely.STRtree(shapely.points(points) if as_xy else points)
        if distance is None:
            gi, pj = tree.query(geoms[ok], predicate="intersects")
        else:
            gi, pj = tree.query(geoms[ok], predicate="dwithin", distance=distance)
    if len(ok) < len(geoms):  # positions among the present geometries -> among all
        gi = ok[gi]
    n = len(geoms)
    counts = np.bincount(gi * n_columns + column[pj], minlength=n * n_columns).reshape(n, n_columns).astype(np.int64)
    if weights is not None:
        sums = np.bincount(gi, weights=weights[pj], minlength=n)
    return counts, sums


@dataclass
class Assessment:
    missing: List[List[str]]  # per circle: the required entries it lacks (each "a|b" as written in the profile)
    shelter_per_person: np.ndarray
    shelter_ok: np.ndarray  # 1.0 met, 0.0 not met, NaN not assessed (people unknown)
    passed: np.ndarray  # 1.0 pass, 0.0 fail, NaN not assessed


def assess(
    counts: np.ndarray,
    shelter_area: np.ndarray,
    population: np.ndarray,
    vocab: Vocabulary,
    profile: PlanProfile,
    reachable: np.ndarray,
) -> Assessment:
    """Which required categories each circle lacks, its shelter area per person, and pass/fail."""
    required = profile.value("life_circle.required_categories")
    target = profile.value("shelter.area_per_person_target")
    col = {c: i for i, c in enumerate(vocab.codes)}
    reachable = np.asarray(reachable, dtype=bool)
    # per required entry: which circles have at least one facility of any of its alternatives
    has = [(counts[:, [col[c] for c in alternatives(item)]] > 0).any(axis=1) & reachable for item in required]
    rows = np.column_stack(has).tolist() if has else [[] for _ in range(len(counts))]  # per circle, as Python bools
    missing = [[item for item, h in zip(required, row) if not h] for row in rows]
    population = np.asarray(population, dtype=float)
    # unknown people (no population source) or shelter area (no area field): the shelter per person is not assessed
    shelter_area = np.asarray(shelter_area, dtype=float)
    known = np.isfinite(population) & np.isfinite(shelter_area)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_person = np.where(known & (population > 0), shelter_area / np.maximum(population, 1e-12), np.nan)
        shelter_ok = np.where(known, np.where(population > 0, per_person >= target, shelter_area > 0), np.nan)
    lacks = np.array([bool(m) for m in missing], dtype=bool) | ~reachable
    # 1 pass, 0 fail (a category missing or the shelter target not met), NaN not assessed (only the shelter is unknown)
    passed = np.where(lacks | (shelter_ok == 0), 0.0, np.where(np.isnan(shelter_ok), np.nan, 1.0))
    return Assessment(missing, per_person, shelter_ok, passed)


NO_SHELTER_AREA = QT_TRANSLATE_NOOP(
    "Core",
    "No shelter-area field given: shelter_m2, shelter_pp and shelter_ok are not assessed (NULL) for the {0} circle(s) with "
    "a shelter in reach, never 0; circles with none have 0 m².",
)


def _shelter_unknown(counts: np.ndarray, vocab: Vocabulary, notes: list) -> np.ndarray:
    """The shelter area of each circle when no facility's area is known: NaN (not assessed) where a shelter is in
    reach, 0 where none is."""
    columns = [j for j, code in enumerate(vocab.codes) if is_shelter_code(code)]
    with_shelter = counts[:, columns].sum(axis=1) > 0 if columns else np.zeros(len(counts), dtype=bool)
    notes.append(Note("info", Message(NO_SHELTER_AREA, int(with_shelter.sum()))))
    return np.where(with_shelter, np.nan, 0.0)


def _people_in_circles(geoms, has_geom, points, population, counts_given, drawn, profile, raster, residential, notes, canceled):
    """The people of each circle (see :func:`life_circles`); NaN where not assessed."""
    from .cancel import interruptible
    from .population import from_polygons, zonal_population

    counted, circles, within = drawn.counted, drawn.circles, drawn.within
    polygons = has_geom.any() and bool(np.isin(shapely.get_type_id(geoms[has_geom]), (3, 6)).all())
    piece = profile.value("population.piece_size")
    if raster is not None and not (counts_given and polygons):
        zonal = zonal_population(circles, raster, canceled=canceled)
        notes.extend(zonal.notes)
        notes.append(Note("info", Message(QT_TRANSLATE_NOOP("Core", "People of each circle: {0}."), zonal.method)))
        return zonal.people
    if counts_given and polygons:
        surface = from_polygons(
            geoms, population, piece, residential, raster, profile.value("population.raster_mismatch_share"), canceled=canceled
        )
        notes.extend(surface.notes)
        notes.append(
            Note("info", Message(QT_TRANSLATE_NOOP("Core", "People of each circle: {0}, pieces of {1:g} m."), surface.method, piece))
        )
        return _unknown_where_reached(surface.within(circles, canceled), circles, geoms[has_geom & ~np.isfinite(population)])
    if not counts_given:
        notes.append(Note("warning", Message(NO_POPULATION)))
        return np.full(len(geoms), np.nan)
    one_column = np.zeros(int(has_geom.sum()), dtype=np.int64)
    _c, pop_in = interruptible(lambda: count_points(counted, points[has_geom], one_column, 1, population[has_geom], within), canceled)
    return pop_in


def _unknown_where_reached(people: np.ndarray, circles: np.ndarray, unknown: np.ndarray) -> np.ndarray:
    """``people`` per circle, NaN (not assessed) for each circle that shares some area with a polygon community of
    unknown people (``unknown``, their polygons): their share inside it is not known, so neither is the circle's
    count. (Points carry their NaN into the sum of themselves.)"""
    if not len(unknown):
        return people
    from .geometry import present_mask

    present = present_mask(circles)
    drawn = np.asarray(circles, dtype=object)[present]
    hit, j = shapely.STRtree(unknown).query(drawn, predicate="intersects")
    shared = shapely.area(shapely.intersection(drawn[hit], unknown[j])) > 0  # a shared edge alone holds nobody
    out = np.asarray(people, dtype=float).copy()
    out[np.nonzero(present)[0][np.unique(hit[shared])]] = np.nan
    return out


def _flags(values) -> list:
    """1, 0, or None where not assessed (NaN)."""
    return [None if v != v else int(v) for v in np.asarray(values, dtype=float).tolist()]


CLAUSES = "第12、53、54、55条"
CIRCLE_METHODS = ("straight-line", "network")
# the methods as the log says them, in the user's language
METHOD_LABELS = {"straight-line": QT_TRANSLATE_NOOP("Core", "straight-line"), "network": QT_TRANSLATE_NOOP("Core", "along the network")}
# inputs whose extents lie further apart than this are taken to be in different CRSs (a city is < 200 km across)
MAX_GAP_M = 300_000.0
UNASSESSED_PASS = QT_TRANSLATE_NOOP(
    "Core",
    "{0} circle(s) have every required category but no known population: their shelter area per person and their pass "
    "are not assessed (NULL). Give a population field or a population raster.",
)
NO_POPULATION = QT_TRANSLATE_NOOP("Core", "No population source given: lc_pop, shelter_pp and shelter_ok are not assessed (NULL), never 0.")
INPUTS_APART = QT_TRANSLATE_NOOP(
    "Core", "'{0}' lies {1:,.0f} km from '{2}': every input must be in one projected CRS in metres (check each layer's CRS)."
)


@dataclass
class LifeCircles:
    """What :func:`life_circles` returns: one row per community, in input order."""

    method: str  # "straight-line" or "network"
    distance: float
    vocabulary: Vocabulary
    circles: np.ndarray  # shapely Polygon/MultiPolygon per community; None where it has no circle
    status: np.ndarray  # "ok", "no geometry" or "unreachable" (no network within the snap tolerance)
    snap_distance: np.ndarray  # metres from the community to the network (NaN straight-line or unreachable)
    population: np.ndarray  # population of the communities whose point lies in the circle (第55条: they share it)
    counts: np.ndarray  # facilities per circle (rows) and vocabulary category (columns, "other" last)
    shelter_area: np.ndarray  # m² of shelter inside each circle
    assessment: Assessment
    shelter_target: float
    notes: List[Note]
    network_edges: int = 0
    network_nodes: int = 0
    reached: Optional[np.ndarray] = None  # along the network: the network any circle reaches, merged (pieces)
    half_width: Optional[float] = None  # along the network: the buffer around the reached network, metres
    facilities_given: bool = True  # False: no facilities layer, so nothing counted is known (NULL, never 0)

    @property
    def area_km2(self) -> np.ndarray:
        present = present_mask(self.circles)
        areas = np.full(len(self.circles), np.nan)
        areas[present] = shapely.area(self.circles[present]) / 1e6
        return areas

    def multipolygons(self) -> np.ndarray:
        """The circles as MultiPolygons (None stays None), as a GIS layer of one geometry type wants them."""
        present = present_mask(self.circles)
        out = self.circles.copy()
        single = present.copy()
        single[present] = shapely.get_type_id(self.circles[present]) == 3
        out[single] = shapely.multipolygons(self.circles[single].reshape(-1, 1))
        return out

    def columns(self) -> Dict[str, list]:
        """The result table in output order: field name -> one value per community (None for no value). The names are
        the output fields of ``resilience:lifecircles``, documented in its help."""
        n = len(self.circles)
        r = self.assessment
        zh = self.vocabulary.labels_zh
        areas = self.area_km2

        def rounded(values, digits):  # Python's rounding, as before; NaN is None
            return [None if v != v else round(v, digits) for v in np.asarray(values, dtype=float).tolist()]

        table = {
            "lc_method": [self.method] * n,
            "lc_radius_m": [float(self.distance)] * n,
            "lc_status": [str(s) for s in self.status],
            "lc_snap_m": rounded(self.snap_distance, 2),
            "lc_area_km2": rounded(areas, 4),
            "lc_pop": [None if v != v else v for v in np.asarray(self.population, dtype=float).tolist()],
        }
        for j, code in enumerate(self.vocabulary.codes):
            table[f"n_{code}"] = self.counts[:, j].astype(np.int64).tolist()
        table["shelter_m2"] = [None if v != v else v for v in np.asarray(self.shelter_area, dtype=float).tolist()]
        table["shelter_pp"] = rounded(r.shelter_per_person, 3)
        table["shelter_tgt"] = [float(self.shelter_target)] * n
        table["shelter_ok"] = _flags(r.shelter_ok)
        table["missing"] = [", ".join(m) for m in r.missing]
        in_chinese: Dict[tuple, str] = {}  # circles lack the same few sets: each written once
        for m in r.missing:
            if tuple(m) not in in_chinese:
                in_chinese[tuple(m)] = "、".join("或".join(zh[c] for c in item.split("|")) for item in m)
        table["missing_zh"] = [in_chinese[tuple(m)] for m in r.missing]
        table["lc_pass"] = _flags(r.passed)
        table["clauses"] = [CLAUSES] * n
        # a community with no circle (no geometry, or no network within reach) is not assessed: nothing is counted in
        # it, so its counts, shelter, missing categories and pass are NULL, never 0 or a fail (issue 29 §3); without
        # a facilities layer, no circle's facilities are known
        rows = np.nonzero(np.asarray(self.status, dtype=object) != "ok")[0].tolist()
        for name, values in table.items():
            unknown = name.startswith(("n_", "shelter_", "missing")) or name == "lc_pass"
            if name == "shelter_tgt" or not (unknown or name == "lc_pop"):
                continue
            for k in range(n) if unknown and not self.facilities_given else rows:
                values[k] = None
        return table

    def coverage(self, progress=None, canceled=None):
        """The union of all circles (a MultiPolygon, or None for no circle): the area the life circles cover. Built
        on several threads; cancelled, it raises :class:`.cancel.Cancelled`."""
        from .cancel import Cancelled, interruptible
        from .memory import return_free_memory
        from .network import buffer_network, union_in_parallel

        return_free_memory()  # what the circles' search and their writing freed: the buffer below builds on a thread
        if self.reached is not None:  # along the network: the reached network buffered once (see reached_union)
            union = interruptible(lambda: buffer_network(self.reached, self.half_width), canceled) if len(self.reached) else None
            if progress:
                progress(1.0)
        else:
            valid = [c for c in self.circles if c is not None]
            union = union_in_parallel(valid, progress=progress, canceled=canceled)
        if canceled is not None and canceled():
            raise Cancelled()
        if union is not None and union.geom_type == "Polygon":
            union = shapely.multipolygons([union])
        return union


def _note_distance_outside_plan(distance: float, profile: PlanProfile, notes: list) -> None:
    """A warning when ``distance`` lies outside the plan's range for life circles (第53条)."""
    lo, hi = profile.value("life_circle.radius_min"), profile.value("life_circle.radius_max")
    if not lo <= distance <= hi:
        notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP("Core", "Distance {0:g} m is outside the plan's {1:g}-{2:g} m for life circles (第53条)."),
                    distance,
                    lo,
                    hi,
                ),
            )
        )


SHELTER_AREA_UNKNOWN = QT_TRANSLATE_NOOP(
    "Core",
    "{0} shelter(s) of unknown area (empty or unreadable): shelter_m2, shelter_pp and shelter_ok are not assessed (NULL) "
    "for every circle that reaches one, never counted as if it had none.",
)


def _facilities_to_count(facilities: Optional[Facilities], vocab: Vocabulary, notes: list) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The facilities as :func:`count_points` takes them: their points, the ``vocab`` column of each (a category
    that is none of its columns: "other") and their shelter area (0 where not given; NaN for a shelter whose area is
    unknown, with a note); none given, a note."""
    if facilities is None or len(facilities) == 0:
        if facilities is None:
            no_facilities = QT_TRANSLATE_NOOP(
                "Core", "No facilities given: the circles' facility counts, shelter, missing categories and pass are not assessed (NULL)."
            )
            notes.append(Note("info", Message(no_facilities)))
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64), np.empty(0)
    column = facilities.column(vocab.codes)
    column[column < 0] = vocab.other
    if facilities.shelter_area is None:
        return facilities.points, column, np.zeros(len(facilities))
    # a shelter whose area is unknown: NaN, so that each circle reaching it has its shelter area not assessed
    area = facilities.known_shelter_area()
    unknown = int(np.isnan(area).sum())
    if unknown:
        notes.append(Note("warning", Message(SHELTER_AREA_UNKNOWN, unknown)))
    return facilities.points, column, area


def _refuse_inputs_apart(geoms, communities_name, facilities, facilities_name, network, network_name) -> None:
    """Inputs in different CRSs give plausible nonsense (nothing in reach): a :class:`.messages.CoreError` when the
    facilities (their points) or the network lie more than :data:`MAX_GAP_M` from the communities."""
    from .geometry import extent_gap
    from .messages import CoreError

    for other, other_name in ((None if facilities is None else facilities.points, facilities_name), (network, network_name)):
        gap = extent_gap(geoms, other) if other is not None else 0.0
        if gap > MAX_GAP_M:
            raise CoreError(INPUTS_APART, other_name, gap / 1000, communities_name)


@dataclass
class _DrawnCircles:
    """The circles of :func:`life_circles` as drawn, one per community, before anything is counted in them."""

    method: str  # "straight-line" or "network"
    circles: np.ndarray  # shapely polygon per community; None where it has none
    counted: np.ndarray  # what facilities and people are counted in: the communities (within ``within``) or the circles
    within: Optional[float]  # straight-line: the distance of the community a point is counted within; network: None
    status: np.ndarray  # "ok", "no geometry" or "unreachable"
    snap_distance: np.ndarray  # metres from the community to the network (NaN straight-line or unreachable)
    edges: int = 0
    nodes: int = 0
    reached: Optional[np.ndarray] = None  # network: the reached network, merged (see WalkingNetwork.reached_union)
    half_width: Optional[float] = None


def _straight_line_circles(geoms, has_geom, distance, report, canceled) -> _DrawnCircles:
    """Straight-line circles: exact, so points are counted within the distance of the community itself."""
    from .cancel import interruptible

    status = np.where(has_geom, "ok", "no geometry").astype(object)
    circles = interruptible(lambda: euclidean_circles(geoms, distance), canceled)
    report(0.8)
    return _DrawnCircles("straight-line", circles, geoms, distance, status, np.full(len(geoms), np.nan))


def _network_circles(network, network_name, points, has_geom, distance, profile, snap_tolerance, half_width, notes, report, canceled):
    """Circles along the walking network: each community (its representative point) snapped to the network within
    ``snap_tolerance``, the network reached within ``distance`` from there, buffered by ``half_width`` (both default
    to the profile's ``life_circle.snap_tolerance`` and ``life_circle.catchment_half_width``). A community with no
    network within the tolerance is "unreachable"; facilities and people are counted inside the circles' polygons."""
    from .cancel import check, interruptible
    from .network import catchment_polygons, network_for

    snap_tolerance = profile.value("life_circle.snap_tolerance") if snap_tolerance is None else snap_tolerance
    half_width = profile.value("life_circle.catchment_half_width") if half_width is None else half_width
    n = len(points)
    status = np.where(has_geom, "ok", "no geometry").astype(object)
    snap_dist = np.full(n, np.nan)
    walk = network_for(network, network_name, notes, canceled)
    edges, nodes = len(walk.lines), walk.n_nodes
    notes.append(Note("info", Message(QT_TRANSLATE_NOOP("Core", "Network: {0} edges, {1} nodes."), edges, nodes)))
    report(0.1)
    pi, ei, pos, dist = interruptible(lambda: walk.snap(points[has_geom], snap_tolerance), canceled)
    idx = np.nonzero(has_geom)[0]
    starts = [[] for _ in range(n)]
    for a, e, p, d in zip(idx[pi], ei, pos, dist):
        starts[a].append((int(e), float(p)))
        snap_dist[a] = d
    unreachable = has_geom & np.array([not s for s in starts], dtype=bool)
    status[unreachable] = "unreachable"
    if unreachable.any():
        notes.append(
            Note(
                "warning",
                Message(
                    QT_TRANSLATE_NOOP("Core", "{0} community(ies) have no network within {1:g} m and are flagged 'unreachable'."),
                    int(unreachable.sum()),
                    snap_tolerance,
                ),
            )
        )
    catchments = walk.catchments(starts, distance, snap_dist, progress=lambda f: report(0.1 + 0.4 * f), canceled=canceled)
    check(canceled)
    polygons = catchment_polygons(catchments, half_width, progress=lambda f: report(0.5 + 0.35 * f), canceled=canceled)
    check(canceled)
    reached = interruptible(lambda: walk.reached_union(catchments), canceled)
    circles = np.full(n, None, dtype=object)
    for i, poly in enumerate(polygons):
        circles[i] = poly
    return _DrawnCircles("network", circles, circles, None, status, snap_dist, edges, nodes, reached, half_width)


def _refuse_most_unreachable(status, has_geom, profile, communities_name: str, network_name: str, tolerance: float) -> None:
    """A :class:`.messages.CoreError` when more of the communities (of those with a geometry) than the profile's
    ``quality.left_out_max_share`` have no network within ``tolerance``: a run that leaves most of a layer off the
    network does not finish as if nothing happened (issue 29)."""
    from .messages import CoreError, refuse_most_left_out

    with_geom = int(np.count_nonzero(has_geom))
    off = int(np.count_nonzero(status == "unreachable"))
    share = float(profile.value("quality.left_out_max_share"))
    refuse_most_left_out(
        off,
        with_geom,
        share,
        CoreError,
        QT_TRANSLATE_NOOP(
            "Core",
            "{0}: {1} of {2} communities have no line of the network {3} within {4:g} m, more than {5:.0%} of them "
            "(the profile's quality.left_out_max_share). Check that both layers cover the same area, or raise the "
            "snapping tolerance.",
        ),
        communities_name,
        off,
        with_geom,
        network_name,
        tolerance,
        share,
    )


def _count_facilities(drawn, to_count, facilities, vocab, notes, canceled) -> Tuple[np.ndarray, np.ndarray]:
    """Per circle, the facilities of each ``vocab`` column and their shelter area (``to_count``: what
    :func:`_facilities_to_count` returned); the area not given, NaN where a shelter is in reach (see
    :func:`_shelter_unknown`)."""
    from .cancel import interruptible

    points, column, area = to_count
    counts, shelter = interruptible(lambda: count_points(drawn.counted, points, column, len(vocab.codes), area, drawn.within), canceled)
    if facilities is not None and facilities.shelter_area is None:
        shelter = _shelter_unknown(counts, vocab, notes)
    return counts, shelter


def _assess_circles(drawn, distance, vocab, counts, shelter, people, profile, notes, facilities_given=True) -> LifeCircles:
    """The circles against the plan's checklist (第54、55条), the notes of how many pass and how many are not
    assessed, and the result."""
    ok = drawn.status == "ok"
    result = assess(counts, shelter, people, vocab, profile, ok)
    n = len(drawn.circles)
    passed, failed = int(np.sum(ok & (result.passed == 1))), int(np.sum(ok & (result.passed == 0)))
    if facilities_given:  # a community without a circle is neither (it is named as such)
        notes.append(
            Note(
                "info",
                Message(
                    QT_TRANSLATE_NOOP("Core", "{0} circles ({1}); {2} pass the checklist, {3} do not."),
                    n,
                    Message(METHOD_LABELS[drawn.method]),
                    passed,
                    failed,
                ),
            )
        )
        if int(ok.sum()) - passed - failed:
            notes.append(Note("warning", Message(UNASSESSED_PASS, int(ok.sum()) - passed - failed)))
    return LifeCircles(
        drawn.method,
        distance,
        vocab,
        drawn.circles,
        drawn.status,
        drawn.snap_distance,
        people,
        counts,
        shelter,
        result,
        profile.value("shelter.area_per_person_target"),
        notes,
        drawn.edges,
        drawn.nodes,
        drawn.reached,
        drawn.half_width,
        facilities_given,
    )


def life_circles(
    communities: Sequence,
    profile: PlanProfile,
    distance: float,
    population: Optional[Sequence[float]] = None,
    facilities: Optional[Facilities] = None,
    network: Optional[Sequence] = None,
    snap_tolerance: Optional[float] = None,
    half_width: Optional[float] = None,
    vocabulary: Optional[Vocabulary] = None,
    communities_name: str = "communities",
    facilities_name: str = "facilities",
    network_name: str = "network",
    progress: Optional[Callable[[float], None]] = None,
    canceled: Optional[Callable[[], bool]] = None,
    raster: Optional[Raster] = None,
    residential: Optional[Sequence] = None,
) -> LifeCircles:
    """Community life circles (韧性社村生活圈, 第12、53–55条) and their facility checklist.

    All geometries are shapely geometries in one projected CRS in metres (None for a missing geometry).

    - ``communities``: points or polygons, one per community; ``population`` one number per community. The people
      of a circle (``lc_pop``) are counted where they live (第53条): a point community's people where its point
      lies; a polygon community's spread over its area in pieces of ``population.piece_size`` (over its
      ``residential`` land where given) and counted by the share of each piece inside the circle; with a population
      ``raster`` (:class:`.population.Raster`), the raster's people inside each circle, exactly (polygon communities
      with a count: their count spread as the raster says). No population source: ``lc_pop`` and the shelter per
      person are NaN (not assessed), never 0.
    - ``facilities``: a :class:`.facilities.Facilities` (``Facilities.read(geometries, labels, profile,
      shelter_area=…)``: points or polygons, or points as an n × 2 float array of x, y; their categories read from
      the labels as the data writes them, 应急避难场所, 消防救援站, amenity=hospital …, see :mod:`.labels`); its
      ``shelter_area`` m² per facility (None: not assessed where a shelter is in reach; NaN for one shelter: not
      assessed where it is in reach). A category that is not
      among the columns of ``vocabulary`` (the profile's, by default) counts as "other".
    - ``network``: walking network lines, or None for straight-line circles. A community further than
      ``snap_tolerance`` metres from the network is "unreachable"; the reached network is buffered by ``half_width``
      metres (both default to the profile's ``life_circle.snap_tolerance`` and ``life_circle.catchment_half_width``).
    - ``communities_name``, ``facilities_name`` and ``network_name`` name the inputs in messages (layer names).
    - ``progress(fraction)`` is called with 0…1, ``canceled()`` is checked throughout (:class:`.cancel.Cancelled`).

    Raises :class:`.network.NetworkError` for a network that cannot be used. Returns :class:`LifeCircles`; its
    ``notes`` say what a user should know (a distance outside the plan's range, an unnoded network …)."""
    from .cancel import check, reporter
    from .geometry import representative_points

    report = reporter(progress)
    notes: List[Note] = []
    _note_distance_outside_plan(distance, profile, notes)
    geoms = np.asarray(communities, dtype=object)
    counts_given = population is not None
    population = np.full(len(geoms), np.nan) if population is None else np.asarray(population, dtype=float)
    points, has_geom = representative_points(geoms), present_mask(geoms)

    vocab = vocabulary or Vocabulary.from_profile(profile)
    to_count = _facilities_to_count(facilities, vocab, notes)
    _refuse_inputs_apart(geoms, communities_name, facilities, facilities_name, network, network_name)
    if network is None:
        drawn = _straight_line_circles(geoms, has_geom, distance, report, canceled)
    else:
        drawn = _network_circles(
            network, network_name, points, has_geom, distance, profile, snap_tolerance, half_width, notes, report, canceled
        )
        tolerance = profile.value("life_circle.snap_tolerance") if snap_tolerance is None else snap_tolerance
        _refuse_most_unreachable(drawn.status, has_geom, profile, communities_name, network_name, tolerance)
    counts, shelter = _count_facilities(drawn, to_count, facilities, vocab, notes, canceled)
    people = _people_in_circles(geoms, has_geom, points, population, counts_given, drawn, profile, raster, residential, notes, canceled)
    check(canceled)
    circles = _assess_circles(drawn, distance, vocab, counts, shelter, people, profile, notes, facilities is not None)
    report(1.0)
    return circles
