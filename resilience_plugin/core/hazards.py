"""The hazards that the cluster dossier and the unit scoring share: active faults with their avoidance zones
(GB 50011 §4.1.7, 第86条), flood-risk zones weighted by their class (第62条), and geological-hazard points."""

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import numpy as np


@dataclass
class Hazards:
    fault_lines: list
    fault_zones: Optional[np.ndarray]  # avoidance zones, None without faults
    flood_zones: Optional[np.ndarray]
    flood_weights: Optional[np.ndarray]  # per zone, from its class and the profile's class weights
    geohazards: Optional[np.ndarray]
    unread_classes: List[str] = field(default_factory=list)  # flood classes that say none of 1/2/3 (weighed as 1)


def hazards(
    profile,
    faults: Optional[Sequence] = None,
    avoidance_distance: Optional[float] = None,
    flood_zones: Optional[Sequence] = None,
    flood_classes: Optional[Sequence] = None,
    geohazards: Optional[Sequence] = None,
) -> Hazards:
    """Hazards from shapely geometries in one projected CRS in metres (None: that hazard is not given).

    - ``faults``: active-fault lines, each with an avoidance zone ``avoidance_distance`` metres wide on either side
      (default: the profile's ``seismic.avoidance_distance_default``);
    - ``flood_zones`` with ``flood_classes`` (one per zone: 1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ or high/medium/low),
      weighted by the profile's ``scoring.flood_class_weights``; a class that says none of them weighs as the highest
      and is listed in ``unread_classes``; without classes every zone weighs 1;
    - ``geohazards``: geological-hazard points."""
    from .faults import avoidance_zones
    from .labels import class_rank

    out = Hazards([], None, None, None, None)
    if faults is not None:
        distance = profile.value("seismic.avoidance_distance_default") if avoidance_distance is None else float(avoidance_distance)
        out.fault_lines = [g for g in faults if g is not None]
        out.fault_zones = avoidance_zones(out.fault_lines, np.full(len(out.fault_lines), distance))
    if flood_zones is not None:
        out.flood_zones = np.asarray(list(flood_zones), dtype=object)
        if flood_classes is None:
            out.flood_weights = np.ones(len(out.flood_zones))
        else:
            weights = profile.value("scoring.flood_class_weights")
            values = [None if v is None else str(v) for v in flood_classes]
            ranks = [class_rank(v) for v in values]
            out.flood_weights = np.array([weights.get(r, 1.0) if r is not None else 1.0 for r in ranks])
            out.unread_classes = sorted({str(v) for v, r in zip(values, ranks) if r is None})
    if geohazards is not None:
        out.geohazards = np.asarray(list(geohazards), dtype=object)
    return out
