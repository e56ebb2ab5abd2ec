"""Chinese web-map coordinates: WGS84 ↔ GCJ-02 (Amap, Tencent) ↔ BD-09 (Baidu), in degrees of longitude and
latitude. Pure numpy, vectorised.

GCJ-02 shifts WGS84 by a published polynomial offset on the Krasovsky ellipsoid; BD-09 adds a further rotation and
offset to GCJ-02. Points outside China's bounding rectangle are left unshifted, as the web maps do. The inverse
transforms iterate the forward ones until the round trip agrees to better than 1e-9 degree (about 0.1 mm).
"""

from typing import Tuple

import numpy as np

SYSTEMS = ("WGS84", "GCJ02", "BD09")
_A = 6378245.0  # Krasovsky 1940 semi-major axis
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = np.pi * 3000.0 / 180.0
_TOLERANCE = 1e-9  # degrees, about 0.1 mm
_MAX_ITERATIONS = 30


def out_of_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """True where the web maps leave the point unshifted (outside China's bounding rectangle)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _offset(lon, lat):
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * np.pi) + 320 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad) * np.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlon, dlat = _offset(lon, lat)
    outside = out_of_china(lon, lat)
    return np.where(outside, lon, lon + dlon), np.where(outside, lat, lat + dlat)


def gcj02_to_bd09(lon, lat) -> Tuple[np.ndarray, np.ndarray]:
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(lon * lon + lat * lat) + 0.00002 * np.sin(lat * _X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _X_PI)
    bd_lon, bd_lat = z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006
    outside = out_of_china(lon, lat)
    return np.where(outside, lon, bd_lon), np.where(outside, lat, bd_lat)


def _invert(forward, lon, lat):
    """The point that ``forward`` maps onto (lon, lat), by fixed-point iteration from (lon, lat)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x, y = lon.copy(), lat.copy()
    for _ in range(_MAX_ITERATIONS):
        fx, fy = forward(x, y)
        ex, ey = fx - lon, fy - lat
        if np.all(np.abs(ex) < _TOLERANCE) and np.all(np.abs(ey) < _TOLERANCE):
            break
        x, y = x - ex, y - ey
    return x, y


def gcj02_to_wgs84(lon, lat):
    return _invert(wgs84_to_gcj02, lon, lat)


def bd09_to_gcj02(lon, lat):
    return _invert(gcj02_to_bd09, lon, lat)


def convert(lon, lat, source: str, target: str) -> Tuple[np.ndarray, np.ndarray]:
    """Convert between WGS84, GCJ02 and BD09 (names as in SYSTEMS)."""
    if source not in SYSTEMS or target not in SYSTEMS:
        raise ValueError(f"unknown system: {source} or {target}; expected one of {', '.join(SYSTEMS)}")
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    steps = {
        ("WGS84", "GCJ02"): (wgs84_to_gcj02,),
        ("GCJ02", "WGS84"): (gcj02_to_wgs84,),
        ("GCJ02", "BD09"): (gcj02_to_bd09,),
        ("BD09", "GCJ02"): (bd09_to_gcj02,),
        ("WGS84", "BD09"): (wgs84_to_gcj02, gcj02_to_bd09),
        ("BD09", "WGS84"): (bd09_to_gcj02, gcj02_to_wgs84),
    }.get((source, target), ())
    for step in steps:
        lon, lat = step(lon, lat)
    return lon, lat


def convert_geometries(geometries, source: str, target: str) -> np.ndarray:
    """Shapely geometries in longitude/latitude of ``source``, every vertex converted to ``target`` (names as in
    SYSTEMS); None stays None. The entry point of ``resilience:chinacoords``."""
    import shapely

    geoms = np.empty(len(geometries), dtype=object)
    geoms[:] = list(geometries)
    present = ~shapely.is_missing(geoms)

    def shift(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(convert(xy[:, 0], xy[:, 1], source, target))

    if present.any():
        geoms[present] = shapely.transform(geoms[present], shift)
    return geoms
