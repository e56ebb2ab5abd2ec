"""Degenerate geometry for the hostile-input tests, in pytest (tests/test_hostile.py) and inside the real QGIS desktop
(tests/desktop/inside_degenerate.py): qgis.core only, so that both can import it."""

from qgis.core import QgsGeometry, QgsLineString, QgsPoint, QgsPolygon, QgsWkbTypes


def make_degenerate(features, geometry_type, multi: bool) -> list:
    """The features with every third one degenerate, in turn: a one-vertex line, a ring of three points, a NaN
    coordinate, zero length or zero area (points: a NaN coordinate and an empty multi-point). Changed in place."""
    nan = float("nan")
    for k, f in enumerate(features[::3]):
        c = f.geometry().boundingBox().center() if not f.geometry().isNull() else None
        x, y = (c.x(), c.y()) if c is not None else (500000.0, 4400000.0)
        if geometry_type == QgsWkbTypes.PointGeometry:
            geom = QgsGeometry(QgsPoint(x, nan)) if k % 2 == 0 else QgsGeometry.fromWkt("MULTIPOINT EMPTY")
        elif geometry_type == QgsWkbTypes.LineGeometry:
            geom = [
                QgsGeometry(QgsLineString([QgsPoint(x, y)])),
                QgsGeometry.fromWkt(f"LINESTRING({x} {y}, {x} {y})"),
                QgsGeometry(QgsLineString([QgsPoint(x, y), QgsPoint(nan, y + 10)])),
            ][k % 3]
        else:
            geom = [
                QgsGeometry(QgsPolygon(QgsLineString([QgsPoint(x, y), QgsPoint(x + 10, y), QgsPoint(x, y)]))),
                QgsGeometry.fromWkt(f"POLYGON(({x} {y}, {x + 10} {y}, {x + 20} {y}, {x} {y}))"),
                QgsGeometry(QgsPolygon(QgsLineString([QgsPoint(x, y), QgsPoint(x + 10, nan), QgsPoint(x, y + 10), QgsPoint(x, y)]))),
            ][k % 3]
        if multi:
            geom.convertToMultiType()
        f.setGeometry(geom)
    return features
