"""Choosing a metric CRS for data that arrive in a geographic one."""

from typing import Tuple


def metric_epsg_for(lon: float, lat: float) -> Tuple[int, str]:
    """EPSG code and name of a metric CRS suited to a place.

    In China (CGCS2000 area, 73.5-135 E) the CGCS2000 3-degree Gauss-Kruger zone without zone
    prefix (EPSG:4534 = CM 75E ... EPSG:4554 = CM 135E); elsewhere the WGS 84 UTM zone.
    """
    if 73.5 <= lon <= 135.5 and 15.0 <= lat <= 54.0:
        cm = min(135, max(75, int(round(lon / 3.0)) * 3))
        return 4534 + (cm - 75) // 3, f"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E"
    zone = min(60, max(1, int((lon + 180) // 6) + 1))
    if lat >= 0:
        return 32600 + zone, f"WGS 84 / UTM zone {zone}N"
    return 32700 + zone, f"WGS 84 / UTM zone {zone}S"
