"""The sample city's flood-depth grid, shaped as a waterlogging model delivers it (no QGIS here; ``make sample``
writes it): metres of water, float32, 25 m cells in CGCS2000 / 3-degree Gauss-Krüger CM 117°E (EPSG:4548), 0 for dry
cells, over a 24 km window around the city's population centre. Inside each flood zone the water deepens away from
the zone's edge (over 300 m) up to the class's depth: class 1 (high) 0.3–1.5 m, class 2 0.15–0.8 m, class 3
0.05–0.4 m (synthetic, schematic: for the worked example of emergency transfer, 第84条)."""

from pathlib import Path
from typing import Tuple

import numpy as np
import shapely

from .gpkg import read_features

CELL = 25.0  # m
HALF = 12_000.0  # m: half the window's side
DEPTH = {1: (0.3, 1.5), 2: (0.15, 0.8), 3: (0.05, 0.4)}  # m at the edge and 300 m in
RAMP = 300.0  # m
EPSG = 4548


def flood_depth_grid(sample_gpkg: Path) -> Tuple[np.ndarray, tuple]:
    """(metres of water as float32 rows × cols, GDAL geotransform in EPSG:4548) for the sample city."""
    com = read_features(sample_gpkg, "communities", ["population"])
    xy = shapely.get_coordinates(shapely.from_wkb(com.wkb))
    people = np.asarray(com.columns[0], dtype=float)
    cx, cy = (np.round(np.average(xy, axis=0, weights=people) / CELL) * CELL).tolist()
    zones = read_features(sample_gpkg, "flood_zones", ["risk_class"])
    polygons = shapely.from_wkb(zones.wkb)
    classes = np.asarray(zones.columns[0], dtype=int)
    n = int(2 * HALF / CELL)
    x0, y0 = cx - HALF, cy + HALF
    gx, gy = np.meshgrid(x0 + (np.arange(n) + 0.5) * CELL, y0 - (np.arange(n) + 0.5) * CELL)
    depth = np.zeros((n, n))
    window = shapely.box(x0, y0 - 2 * HALF, x0 + 2 * HALF, y0)
    for poly, cls in zip(polygons, classes):
        if not shapely.intersects(poly, window):
            continue
        inside = shapely.contains_xy(poly, gx, gy)
        if not inside.any():
            continue
        edge = shapely.boundary(poly)
        d = shapely.distance(edge, shapely.points(gx[inside], gy[inside]))
        lo, hi = DEPTH.get(int(cls), DEPTH[3])
        depth[inside] = np.maximum(depth[inside], lo + (hi - lo) * np.clip(d / RAMP, 0, 1))
    return depth.astype(np.float32), (x0, CELL, 0.0, y0, 0.0, -CELL)
