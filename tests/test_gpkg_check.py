"""The checker that validates every GeoPackage the suite's algorithm runs write (tests/gpkg_check.py) finds what it
must: a geometry flagged empty that is not, a spatial index out of step with its table; and passes GDAL's own
EMPTY geometries, which GDAL's validator misreads (bit 3 for the standard's bit 4)."""

import shutil
import sqlite3

import pytest

from tests.gpkg_check import problems

pytest.importorskip("osgeo_utils.samples.validate_gpkg")


@pytest.fixture
def written(tmp_path):
    from osgeo import ogr, osr

    path = tmp_path / "t.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4548)
    layer = ds.CreateLayer("t", srs, ogr.wkbMultiPolygon)
    for wkt in ("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))", "MULTIPOLYGON EMPTY", "MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5)))"):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def test_gdals_own_empty_geometries_pass(written):
    assert problems(written) == []


def test_a_geometry_flagged_empty_that_is_not_is_found(written, tmp_path):
    bad = tmp_path / "flag.gpkg"
    shutil.copyfile(written, bad)
    with sqlite3.connect(bad) as db:
        for trigger in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
            db.execute(f'DROP TRIGGER "{trigger}"')  # they call GDAL's SQL functions, which plain SQLite lacks
        blob = bytearray(db.execute("SELECT geom FROM t WHERE fid = 1").fetchone()[0])
        blob[3] |= 0b00010000  # the empty flag, on a triangle
        db.execute("UPDATE t SET geom = ? WHERE fid = 1", (bytes(blob),))
    assert any("152" in p for p in problems(bad))


def test_a_spatial_index_out_of_step_is_found(written, tmp_path):
    bad = tmp_path / "rtree.gpkg"
    shutil.copyfile(written, bad)
    with sqlite3.connect(bad) as db:
        db.execute("UPDATE rtree_t_geom SET maxx = 5.5 WHERE id = 3")  # the box no longer holds the triangle
    assert any("does not hold" in p for p in problems(bad))
    with sqlite3.connect(bad) as db:
        db.execute("DELETE FROM rtree_t_geom WHERE id = 3")
    assert any("in one of index and table only" in p for p in problems(bad))
