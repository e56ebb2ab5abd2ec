"""WGS84 / GCJ-02 / BD-09: the published reference values, the iterated inverses, points outside China, and the
algorithm on a layer."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from resilience_plugin.core import chinacoords as cc
from resilience_plugin.qgisside.compat import FIELD_STRING
from tests.helpers import memory_layer, run

# wandergis/coordtransform README (the reference most web-map converters are checked against)
PUBLISHED = [
    ("WGS84", "GCJ02", (116.404, 39.915), (116.41024449916938, 39.91640428150164)),
    ("GCJ02", "BD09", (116.404, 39.915), (116.41036949371029, 39.92133699351021)),
    ("WGS84", "BD09", (116.404, 39.915), (116.41662724378733, 39.922699552216216)),
]
METRE = 1 / 111_000  # a metre in degrees of latitude, roughly


@pytest.mark.parametrize("source, target, point, expected", PUBLISHED)
def test_published_reference_points(source, target, point, expected):
    lon, lat = cc.convert(point[0], point[1], source, target)
    assert float(lon) == pytest.approx(expected[0], abs=1e-12) and float(lat) == pytest.approx(expected[1], abs=1e-12)


def test_inverses_round_trip_to_a_hundredth_of_a_millimetre_over_china():
    rng = np.random.RandomState(1)
    lon, lat = rng.uniform(74, 134, 2000), rng.uniform(18, 53, 2000)
    for source, target in (("WGS84", "GCJ02"), ("GCJ02", "BD09"), ("WGS84", "BD09")):
        fx, fy = cc.convert(lon, lat, source, target)
        bx, by = cc.convert(fx, fy, target, source)
        assert np.abs(bx - lon).max() < 0.01 * METRE and np.abs(by - lat).max() < 0.01 * METRE
    # the published one-step approximations of the inverses are within a metre of the exact ones
    lon2, lat2 = cc.convert(116.404, 39.915, "GCJ02", "WGS84")
    assert abs(float(lon2) - 116.39775550083061) < METRE and abs(float(lat2) - 39.91359571849836) < METRE


def test_outside_china_is_left_alone():
    lon, lat = cc.convert(np.array([-0.1246, 139.9]), np.array([51.5007, 35.7]), "WGS84", "BD09")  # London, Tokyo Bay
    assert lon.tolist() == [-0.1246, 139.9] and lat.tolist() == [51.5007, 35.7]


def test_the_algorithm_converts_every_vertex_and_refuses_projected_layers(resilience_processing):
    points = memory_layer(
        "Point",
        [("POINT(116.404 39.915)", ["天安门"]), (None, ["无几何"])],
        fields=(("名称", FIELD_STRING),),
        crs="EPSG:4326",
        name="高德POI",
    )
    layers, _c = run("resilience:chinacoords", {"INPUT": points, "SOURCE_SYSTEM": 0, "TARGET_SYSTEM": 1, "OUTPUT": "memory:"})
    feats = {f["名称"]: f for f in layers["OUTPUT"].getFeatures()}
    p = feats["天安门"].geometry().asPoint()
    assert (p.x(), p.y()) == pytest.approx((116.41024449916938, 39.91640428150164), abs=1e-9)
    assert not feats["无几何"].hasGeometry()
    road = memory_layer(
        "LineString", [("LINESTRING(116.3 39.9, 116.5 40.0)", ["路"])], fields=(("名称", FIELD_STRING),), crs="EPSG:4326", name="路"
    )
    there, _c = run("resilience:chinacoords", {"INPUT": road, "SOURCE_SYSTEM": 2, "TARGET_SYSTEM": 0, "OUTPUT": "memory:"})
    back, _c = run("resilience:chinacoords", {"INPUT": there["OUTPUT"], "SOURCE_SYSTEM": 0, "TARGET_SYSTEM": 2, "OUTPUT": "memory:"})
    line = next(back["OUTPUT"].getFeatures()).geometry().asPolyline()
    assert [c for q in line for c in (q.x(), q.y())] == pytest.approx([116.3, 39.9, 116.5, 40.0], abs=1e-8)
    projected = memory_layer("Point", [("POINT(450000 4400000)", ["x"])], fields=(("名称", FIELD_STRING),), crs="EPSG:4548", name="投影")
    with pytest.raises(QgsProcessingException, match="投影.*not in longitude/latitude"):
        run("resilience:chinacoords", {"INPUT": projected, "OUTPUT": "memory:"})
