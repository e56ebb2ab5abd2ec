"""Facilities as the analyses read them: a point each, a profile category read from the label the data writes, and
the amounts some analyses sum (shelter area, hospital beds, reserve capacity)."""

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np


def is_shelter_code(code: Optional[str]) -> bool:
    """A profile category that is a shelter (emergency_shelter, short_term_shelter, long_term_shelter …)."""
    return bool(code) and "shelter" in code


@dataclass
class Facilities:
    """``points``: one point per facility (None where it has no geometry), or, read from points given as an n × 2 float
    array of x, y, that array (a row of NaN: no point); ``codes``: its profile category code (None where its label
    says none); ``class_unknown``: a shelter whose label does not say its class; ``shelter_area`` (m²),
    ``beds`` and ``capacity`` (reserve, person-days): one number per facility (0 where unknown), or None when not
    given; ``area_unknown``: True where the shelter area was given as unknown (NaN); ``classified``: what the label
    rules found (:class:`.labels.Classified`, for a log of which label went where)."""

    points: np.ndarray
    codes: List[Optional[str]]
    class_unknown: np.ndarray
    shelter_area: Optional[np.ndarray] = None
    beds: Optional[np.ndarray] = None
    capacity: Optional[np.ndarray] = None
    classified: object = None
    area_unknown: Optional[np.ndarray] = None

    @classmethod
    def read(
        cls,
        geometries: Sequence,
        labels: Optional[Sequence],
        profile,
        vocabulary=None,
        classified=None,
        shelter_area: Optional[Sequence[float]] = None,
        beds: Optional[Sequence[float]] = None,
        capacity: Optional[Sequence[float]] = None,
    ) -> "Facilities":
        """Facilities from shapely points or polygons (one projected CRS in metres), or points as an n × 2 float array of
        x, y (a row of NaN: no point; they stay that array), and their ``labels`` as the data writes them (应急避难场所,
        消防救援站, Amap type codes, amenity=hospital …), read by the profile's label rules (:mod:`.labels`;
        ``vocabulary``, a :class:`.lifecircles.Vocabulary`, carries a project's own mapping).
        ``classified``, what ``vocabulary.classify_labels`` returned for these labels, saves reading them twice."""
        from .geometry import is_xy, representative_points
        from .labels import LabelMatcher

        if is_xy(geometries):  # as core.lifecircles.count_points takes them: no shapely point per facility
            points = geometries
        else:
            geoms = np.empty(len(geometries), dtype=object)
            geoms[:] = list(geometries)
            points = representative_points(geoms)
        if classified is None:
            # what vocabulary.classify_labels finds: its matcher's reading (core.lifecircles imports this module)
            matcher = vocabulary.matcher if vocabulary is not None else LabelMatcher.from_profile(profile)
            given = labels if labels is not None else [None] * len(points)
            classified = matcher.classify([None if v is None else str(v) for v in given])
        unknown = np.array(classified.class_unknown or [False] * len(points), dtype=bool)

        def numbers(values):
            return None if values is None else np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)

        return cls(
            points,
            list(classified.codes),
            unknown,
            numbers(shelter_area),
            numbers(beds),
            numbers(capacity),
            classified,
            None if shelter_area is None else ~np.isfinite(np.asarray(shelter_area, dtype=float)),
        )

    def __len__(self) -> int:
        return len(self.points)

    def known_shelter_area(self) -> Optional[np.ndarray]:
        """``shelter_area`` with NaN for each shelter whose area is unknown (``area_unknown``): what sums it is then
        unknown too, never the others' sum as if that shelter had none (issue 29 §3). Other facilities stay 0."""
        if self.shelter_area is None:
            return None
        area = np.asarray(self.shelter_area, dtype=float).copy()
        if self.area_unknown is not None:
            shelter = np.array([is_shelter_code(c) for c in self.codes], dtype=bool)
            area[shelter & np.asarray(self.area_unknown, dtype=bool)] = np.nan
        return area

    def column(self, codes: Sequence[str]) -> np.ndarray:
        """Per facility, the index of its category in ``codes``, or -1."""
        index = {c: i for i, c in enumerate(codes)}
        return np.array([index.get(c, -1) if c else -1 for c in self.codes], dtype=np.int64)
