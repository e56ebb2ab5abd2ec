"""Every algorithm on a real PostGIS database: inputs read from PostGIS tables, outputs written back to PostGIS,
and the results compared with the same run on GeoPackage files. The server is Debian's PostgreSQL + PostGIS,
started on loopback in a directory of its own and removed afterwards (tests/postgis_server.py)."""

import math

import pytest
from qgis.core import QgsApplication, QgsVectorLayer, QgsVectorLayerExporter

from resilience_plugin.demo.run import _in_dependency_order, demo_reference
from resilience_plugin.processing.provider import ALGORITHMS
from resilience_plugin.qgisside.compat import SOURCE_TABLE
from resilience_plugin.qgisside.sample import sample_layers
from tests import postgis_server
from tests.conftest import SAMPLE
from tests.helpers import pdf_pages, run

ORDER = [cls().name() for cls in _in_dependency_order(ALGORITHMS, str(SAMPLE))]
CLASSES = {cls().name(): cls for cls in ALGORITHMS}
RUNS = {}  # "alg:OUTPUT" -> (file source, PostGIS source), for the algorithms that build on another's output


@pytest.fixture(scope="module")
def postgis(qgis_app, qgis_processing):
    reason = postgis_server.why_not()
    if reason:
        pytest.skip(reason)
    server = postgis_server.start()
    try:
        for table, _label in sample_layers():
            layer = QgsVectorLayer(f"{SAMPLE}|layername={table}", table, "ogr")
            options = {"overwrite": True}
            error, message = QgsVectorLayerExporter.exportLayer(layer, server.uri(table), "postgres", layer.crs(), False, options)
            assert int(error) == 0, f"{table}: {message}"  # NoError / Success
        yield server
    finally:
        server.stop()
    assert not server.workdir.exists()  # the database is gone with its directory


def test_the_sample_city_is_in_postgis(postgis):
    for table, _label in sample_layers():
        file_count = QgsVectorLayer(f"{SAMPLE}|layername={table}", table, "ogr").featureCount()
        assert int(postgis.psql(f'SELECT count(*) FROM public."{table}"')) == file_count, table


@pytest.mark.parametrize("name", ORDER)
def test_an_algorithm_gives_the_same_result_on_postgis_as_on_files(name, postgis, resilience_processing, tmp_path):
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    file_params, pg_params = {}, {}
    for key, value in CLASSES[name]().demo_parameters(str(SAMPLE)).items():
        if demo_reference(value):
            if demo_reference(value) not in RUNS:
                pytest.fail(f"{demo_reference(value)} did not run before {name}")
            file_params[key], pg_params[key] = RUNS[demo_reference(value)]
        elif isinstance(value, list) and all(isinstance(v, str) and "|layername=" in v for v in value):
            file_params[key] = value
            pg_params[key] = ["postgres://" + postgis.uri(v.split("layername=")[1]) for v in value]
        elif isinstance(value, str) and "|layername=" in value:
            file_params[key] = value
            table, _sep, subset = value.split("layername=")[1].partition("|subset=")  # a filtered layer stays filtered
            pg_params[key] = "postgres://" + postgis.uri(table, sql=subset)
        else:
            file_params[key] = pg_params[key] = value
    tables = {}
    for d in alg.destinationParameterDefinitions():
        if d.type() == "fileDestination":
            file_params[d.name()] = str(tmp_path / f"file_{d.name()}.{d.defaultFileExtension()}")
            pg_params[d.name()] = str(tmp_path / f"pg_{d.name()}.{d.defaultFileExtension()}")
            continue
        table = f"{name}_{d.name()}".lower()
        spatial = getattr(d, "dataType", lambda: None)() != SOURCE_TABLE
        tables[d.name()] = (table, spatial)
        file_params[d.name()] = str(tmp_path / f"{table}.gpkg")
        pg_params[d.name()] = "postgres://" + postgis.uri(table, "geom" if spatial else None)
    file_result, _c = run(f"resilience:{name}", file_params)
    pg_result, _c = run(f"resilience:{name}", pg_params)
    for output, (table, spatial) in tables.items():
        if output not in file_result:  # an optional output that does not apply (pieces of point demand): on neither
            assert output not in pg_result, f"{name}: {output} written to PostGIS only"
            continue
        ours = QgsVectorLayer(postgis.uri(table, "geom" if spatial else None), table, "postgres")
        theirs = file_result[output]
        assert ours.isValid(), f"{name}: {output} was not written to PostGIS"
        compare(theirs, ours, f"{name}:{output}")
        RUNS[f"{name}:{output}"] = (theirs.source(), "postgres://" + postgis.uri(table, "geom" if spatial else None))
    for d in alg.destinationParameterDefinitions():
        if d.type() == "fileDestination":
            file_out, pg_out = file_params[d.name()], pg_params[d.name()]
            if file_out.endswith(".pdf"):
                assert pdf_pages(file_out) == pdf_pages(pg_out), name
            else:
                assert open(pg_out, encoding="utf-8").read().count("<tr") == open(file_out, encoding="utf-8").read().count("<tr"), name


def compare(expected: QgsVectorLayer, got: QgsVectorLayer, what: str):
    """Same features: counts, every column as a multiset (numbers to 1e-6), and total area or length."""
    assert got.featureCount() == expected.featureCount(), what
    # feature ids are the provider's own: a PostGIS table without a primary key, filtered, numbers its rows afresh
    names = [n for n in expected.fields().names() if n != "fid" and not n.endswith("_fid")]
    missing = [n for n in names if got.fields().lookupField(n) < 0]
    assert not missing, f"{what}: PostGIS output lacks {missing}"
    rows_e = [f for f in expected.getFeatures()]
    rows_g = [f for f in got.getFeatures()]
    for n in names:
        a = [_plain(f[n]) for f in rows_e]
        b = [_plain(f[n]) for f in rows_g]
        if all(isinstance(v, (int, float)) or v is None for v in a + b):
            sa = sorted(v for v in a if v is not None)
            sb = sorted(v for v in b if v is not None)
            assert len(sa) == len(sb) and all(math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-6) for x, y in zip(sa, sb)), f"{what}.{n}"
        else:
            assert sorted(map(str, a)) == sorted(map(str, b)), f"{what}.{n}"
    if expected.isSpatial():
        measure = (lambda g: g.area()) if expected.geometryType() == 2 else (lambda g: g.length())
        total_e = sum(measure(f.geometry()) for f in rows_e if f.hasGeometry())
        total_g = sum(measure(f.geometry()) for f in rows_g if f.hasGeometry())
        assert math.isclose(total_e, total_g, rel_tol=1e-6, abs_tol=1e-6), f"{what}: geometry"
        # a feature written without geometry reads back as NULL from PostGIS and as EMPTY from a GeoPackage
        shaped = lambda rows: sum(f.hasGeometry() and not f.geometry().isEmpty() for f in rows)  # noqa: E731
        assert shaped(rows_e) == shaped(rows_g), f"{what}: features without geometry"


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, bool):
        return int(value)
    return value


@pytest.mark.parametrize("null_first", [False, True], ids=["zero-first", "null-first"])
def test_null_and_zero_in_one_column_stay_apart_in_postgis(postgis, null_first):
    """QGIS's PostgreSQL provider writes a column's value into its INSERT when a batch's features all hold "the same"
    value, compared as QVariants, and a typed NULL equals 0 there: a batch of 0 and NULL became all 0 (or all NULL
    when NULL came first). Our writer gives NULL as an invalid QVariant. Oracle: psql's count of NULLs per column."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsField, QgsFields

    from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, WKB_NO_GEOMETRY
    from resilience_plugin.qgisside.io import write_rows

    fields = QgsFields()
    for name, ftype in (("n", FIELD_INT), ("x", FIELD_DOUBLE), ("s", FIELD_STRING)):
        fields.append(QgsField(name, ftype))
    known, unknown = (0, 0.0, ""), (None, None, None)
    rows = [unknown if (k % 3 == 0) == null_first else known for k in range(7)]  # 3 of 7 rows NULL, or 4
    table = f"nulls_{int(null_first)}"
    sink = QgsVectorLayerExporter(
        postgis.uri(table, None), "postgres", fields, WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem("EPSG:4547"), True
    )
    assert write_rows(sink, fields, rows, [None] * len(rows), QgsFeedback(), AssertionError) and sink.flushBuffer()
    del sink  # closes the table
    nulls = sum(r == unknown for r in rows)
    got = postgis.psql(f'SELECT count(*) - count(n), count(*) - count(x), count(*) - count(s), count(*) FROM public."{table}"')
    assert got.strip() == f"{nulls}|{nulls}|{nulls}|{len(rows)}"
