"""The sample city's population grid, shaped as WorldPop ships it (no QGIS here; ``make sample`` writes it).

People per cell on a grid of 9 arc-seconds in longitude/latitude (EPSG:4326), float32, nodata −99999 outside the
city. Each community's people are spread around its point (a Gaussian of 250 m, cut at 3σ) so that the grid sums to
the communities' total, while each street/town unit's sum differs from its census count a little, as real grids do.
"""

from pathlib import Path
from typing import Tuple

import numpy as np
import shapely
from pyproj import Transformer

from .gpkg import read_features

STEP = 1.0 / 400  # degrees: 9 arc-seconds
NODATA = -99999.0
SIGMA = 250.0  # m


def population_grid(sample_gpkg: Path) -> Tuple[np.ndarray, tuple]:
    """(people per cell as float32 rows × cols, GDAL geotransform) for the sample city in ``sample_gpkg``."""
    com = read_features(sample_gpkg, "communities", ["population"])
    dis = read_features(sample_gpkg, "districts", ["code"])
    xy = shapely.get_coordinates(shapely.from_wkb(com.wkb))
    people = np.asarray(com.columns[0], dtype=float)
    city = shapely.union_all(shapely.from_wkb(dis.wkb))
    to_lonlat = Transformer.from_crs(4548, 4326, always_xy=True)
    to_metric = Transformer.from_crs(4326, 4548, always_xy=True)
    xmin, ymin, xmax, ymax = shapely.bounds(city)
    lon, lat = to_lonlat.transform([xmin, xmax, xmin, xmax], [ymin, ymin, ymax, ymax])
    west, east = np.floor(min(lon) / STEP) * STEP, np.ceil(max(lon) / STEP) * STEP
    south, north = np.floor(min(lat) / STEP) * STEP, np.ceil(max(lat) / STEP) * STEP
    cols, rows = int(round((east - west) / STEP)), int(round((north - south) / STEP))
    clon = west + (np.arange(cols) + 0.5) * STEP
    clat = north - (np.arange(rows) + 0.5) * STEP
    glon, glat = np.meshgrid(clon, clat)
    gx, gy = to_metric.transform(glon, glat)
    values = np.zeros((rows, cols))
    plon, plat = to_lonlat.transform(xy[:, 0], xy[:, 1])
    reach = 3 * SIGMA
    for (x, y), lo, la, p in zip(xy, plon, plat, people):
        c = int((lo - west) / STEP)
        r = int((north - la) / STEP)
        w = slice(max(r - 14, 0), r + 15), slice(max(c - 14, 0), c + 15)
        d2 = (gx[w] - x) ** 2 + (gy[w] - y) ** 2
        k = np.where(d2 <= reach * reach, np.exp(-d2 / (2 * SIGMA * SIGMA)), 0.0)
        if k.sum() > 0:
            values[w] += p * k / k.sum()
    inside = shapely.contains_xy(city, gx, gy)
    lost = values[~inside].sum()
    values[inside] *= (values.sum()) / max(values[inside].sum(), 1e-9) if lost else 1.0
    values[~inside] = NODATA
    return values.astype(np.float32), (west, STEP, 0.0, north, 0.0, -STEP)
