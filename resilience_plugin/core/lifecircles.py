"""Community life circles (韧性社村生活圈, 第12、53-55条): catchments and the facility checklist.

A circle is either the straight-line buffer of a community, or the part of the walking
network reachable within the distance (:mod:`.network`), buffered by a half-width. In each
circle we count the facilities per category, sum the shelter area, and compare with the
plan profile: the categories every circle needs (``life_circle.required_categories``,
第54、55条) and the shelter area per person (``shelter.area_per_person_target``).

The population of a circle is that of every community whose point lies inside it: they
share its shelters. Shelter area per person = shelter area inside / that population.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from .labels import OTHER, Classified, LabelMatcher
from .profile import PlanProfile, alternatives


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
        idx = np.array([col.get(c, self.other) if c else self.other for c in found.codes], dtype=np.int64)
        return idx, found

    def classify(self, values: Sequence) -> Tuple[np.ndarray, Counter]:
        """Column index per value; the labels no rule maps, counted."""
        idx, found = self.classify_labels(values)
        return idx, found.unmapped


def euclidean_circles(geoms: Sequence, distance: float, quad_segs: int = 16) -> np.ndarray:
    """Straight-line circles (buffers) of the community geometries; None stays None."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    out[ok] = shapely.buffer(geoms[ok], distance, quad_segs=quad_segs)
    return out


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
    distance of it (an exact straight-line circle, with no polygon approximation).
    """
    geoms = np.asarray(geoms, dtype=object)
    counts = np.zeros((len(geoms), n_columns), dtype=np.int64)
    sums = np.zeros(len(geoms))
    ok = np.nonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))[0]
    if len(points) == 0 or len(ok) == 0:
        return counts, sums
    points = np.asarray(points, dtype=object)
    tree = shapely.STRtree(points)
    if distance is None:
        gi, pj = tree.query(geoms[ok], predicate="intersects")
    elif (shapely.get_type_id(geoms[ok]) == 0).all() and (shapely.get_type_id(points) == 0).all():
        # points to points: candidates by envelope, then the exact distance in numpy (much faster than GEOS per pair)
        xy = shapely.get_coordinates(geoms[ok])
        boxes = shapely.box(xy[:, 0] - distance, xy[:, 1] - distance, xy[:, 0] + distance, xy[:, 1] + distance)
        gi, pj = tree.query(boxes)
        pxy = shapely.get_coordinates(points)
        dx = xy[:, 0][gi] - pxy[:, 0][pj]
        dy = xy[:, 1][gi] - pxy[:, 1][pj]
        keep = dx * dx + dy * dy <= distance * distance
        gi, pj = gi[keep], pj[keep]
    else:
        gi, pj = tree.query(geoms[ok], predicate="dwithin", distance=distance)
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
    shelter_ok: np.ndarray
    passed: np.ndarray


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
    missing = [[item for item, h in zip(required, has) if not h[i]] for i in range(len(counts))]
    with np.errstate(divide="ignore", invalid="ignore"):
        per_person = np.where(population > 0, shelter_area / np.maximum(population, 1e-12), np.nan)
    shelter_ok = np.where(population > 0, per_person >= target, shelter_area > 0)
    passed = np.array([not m for m in missing], dtype=bool) & shelter_ok & reachable
    return Assessment(missing, per_person, shelter_ok, passed)
