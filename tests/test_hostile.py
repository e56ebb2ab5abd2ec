"""Hostile and broken input, table-driven, for every algorithm: each case either runs (with what it repaired or
dropped in the log) or stops with a QgsProcessingException that names the layer or field. Never another
exception, a Python traceback in the log, or a changed input layer.

The hostile layer replaces each algorithm's main input (the first layer parameter of its demo run); the other
inputs stay the sample city's. Inputs that come from another algorithm are made by running it first."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from resilience_plugin.demo.run import _in_dependency_order, demo_reference
from resilience_plugin.processing.provider import ALGORITHMS
from resilience_plugin.qgisside.compat import FIELD_STRING
from tests.conftest import SHIPPED_SAMPLE
from tests.helpers import Recorder, destinations, main_input, run

# a copy of its own, so that these tests, which open the sample city hundreds of times, share no open file with
# the others (see the own_sample fixture in tests/conftest.py for what a shared GeoPackage can do on QGIS 3.22)
SAMPLE = Path(tempfile.mkdtemp(prefix="rp-hostile-")) / "sample_city.gpkg"
shutil.copyfile(SHIPPED_SAMPLE, SAMPLE)

CLASSES = {cls().name(): cls for cls in _in_dependency_order(ALGORITHMS, str(SAMPLE))}
WITH_INPUT = [
    n for n, c in CLASSES.items() if any("layername=" in str(v) or demo_reference(v) for v in c().demo_parameters(str(SAMPLE)).values())
]
MADE = {}  # "alg:OUTPUT" -> source made by a plain run, for algorithms fed by another's output
SUBSET = 40  # features of the main input kept in a hostile copy: enough to exercise, small enough to be quick
# fewer for the atlas report, whose cost is one PDF page per unit: 8 units still give every kind of page
SUBSETS = {"report": 8}
NAME = "敌意 输入; DROP TABLE units;--"


def _plain_params(name, tmp_path):
    params = {}
    for key, value in CLASSES[name]().demo_parameters(str(SAMPLE)).items():
        reference = demo_reference(value)
        if reference:
            if reference not in MADE:
                producer, output = reference.split(":")
                made, _c = run(f"resilience:{producer}", _with_outputs(producer, _plain_params(producer, tmp_path), tmp_path))
                MADE[reference] = made[output].source()
            params[key] = MADE[reference]
        else:
            params[key] = value
    return params


def _with_outputs(name, params, tmp_path):
    params.update(destinations(name, tmp_path))
    return params


def _main_input(name, params):
    key = main_input(name, params)
    assert key is not None, f"{name} has no layer input"
    return key


def _copy(source: QgsVectorLayer, wkb_type=None, crs=None, fields=None, name=NAME) -> QgsVectorLayer:
    wkb = QgsWkbTypes.displayString(wkb_type if wkb_type is not None else source.wkbType())
    crs_part = f"?crs={crs}" if crs else ("?crs=" + source.crs().authid() if crs is None else "")
    layer = QgsVectorLayer(f"{wkb}{crs_part}", name, "memory")
    layer.dataProvider().addAttributes((fields or source.fields()).toList())
    layer.updateFields()
    return layer


def _fill(layer, features):
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _features(source, n=SUBSET):
    return [QgsFeature(f) for _i, f in zip(range(n), source.getFeatures())]


# ------------------------------------------------------------------ the cases: source layer -> hostile layer
def empty(src):
    return _fill(_copy(src), [])


def null_geometries(src):
    feats = _features(src)
    for f in feats[::2]:
        f.setGeometry(QgsGeometry())
    return _fill(_copy(src), feats)


def self_intersecting(src):
    feats = _features(src)
    if src.geometryType() == QgsWkbTypes.PolygonGeometry:
        for f in feats[::3]:
            b = f.geometry().boundingBox()
            x0, y0, x1, y1 = b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()
            f.setGeometry(QgsGeometry.fromWkt(f"MULTIPOLYGON((({x0} {y0}, {x1} {y1}, {x1} {y0}, {x0} {y1}, {x0} {y0})))"))
    return _fill(_copy(src), feats)


def multipart_zm(src):
    target = QgsWkbTypes.zmType(QgsWkbTypes.multiType(src.wkbType()), True, True)
    feats = _features(src)
    for f in feats:
        g = QgsGeometry(f.geometry())
        if not g.isNull():
            g.convertToMultiType()
            g.get().addZValue(50.0)
            g.get().addMValue(7.0)
            f.setGeometry(g)
    return _fill(_copy(src, wkb_type=target), feats)


def curved(src):
    kind = src.geometryType()
    if kind == QgsWkbTypes.PointGeometry:
        return None
    target = QgsWkbTypes.MultiSurface if kind == QgsWkbTypes.PolygonGeometry else QgsWkbTypes.MultiCurve
    feats = _features(src)
    for f in feats:
        g = QgsGeometry(f.geometry())
        if not g.isNull():
            g.convertToMultiType()
            f.setGeometry(QgsGeometry(g.constGet().toCurveType()))
    return _fill(_copy(src, wkb_type=target), feats)


def huge_coordinates(src):
    feats = _features(src)
    for f in feats:
        g = QgsGeometry(f.geometry())
        if not g.isNull():
            g.translate(1e9, 1e9)
            f.setGeometry(g)
    return _fill(_copy(src), feats)


def no_crs(src):
    return _fill(_copy(src, crs=""), _features(src))


def geographic(src):
    transform = QgsCoordinateTransform(src.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    feats = _features(src)
    for f in feats:
        g = QgsGeometry(f.geometry())
        if not g.isNull():
            g.transform(transform)
            f.setGeometry(g)
    return _fill(_copy(src, crs="EPSG:4326"), feats)


def chinese_sql_fields(src):
    """Every field renamed to Chinese with spaces and SQL; values kept."""
    from qgis.core import QgsFields

    fields = QgsFields()
    for i, f in enumerate(src.fields()):
        fields.append(QgsField(f"字段 {i}; DROP TABLE t;--", f.type()))
    return _fill(_copy(src, fields=fields), [_refielded(f, fields) for f in _features(src)])


def duplicates(src):
    feats = _features(src, SUBSET // 2)
    return _fill(_copy(src), feats + [QgsFeature(f) for f in feats])


def bad_numbers(src):
    """Numeric fields as text: null, negative and 'abc'."""
    from qgis.core import QgsFields

    fields = QgsFields()
    numeric = set()
    for i, f in enumerate(src.fields()):
        if f.isNumeric() and f.name() != "fid":
            numeric.add(i)
            fields.append(QgsField(f.name(), FIELD_STRING))
        else:
            fields.append(QgsField(f))
    feats = []
    for k, f in enumerate(_features(src)):
        g = _refielded(f, fields)
        values = g.attributes()
        for i in numeric:
            values[i] = (None, "-5", "abc", str(values[i]))[k % 4]
        g.setAttributes(values)
        feats.append(g)
    return _fill(_copy(src, fields=fields), feats)


def degenerate(src):
    """Every third feature degenerate (see tests/degenerate.py)."""
    from tests.degenerate import make_degenerate

    feats = make_degenerate(_features(src), src.geometryType(), QgsWkbTypes.isMultiType(src.wkbType()))
    return _fill(_copy(src), feats)


def _refielded(feature, fields):
    g = QgsFeature(fields)
    g.setGeometry(feature.geometry())
    g.setAttributes(list(feature.attributes()))
    return g


CASES = [
    empty,
    null_geometries,
    self_intersecting,
    multipart_zm,
    curved,
    huge_coordinates,
    no_crs,
    geographic,
    chinese_sql_fields,
    duplicates,
    bad_numbers,
    degenerate,
]


def _hostile(case, path, limit=None):
    """The hostile layer made from the layer at ``path`` (its first ``limit`` features, or SUBSET). The file's layer
    lives only in here: a frame that kept it (in a traceback, say) would outlive QGIS, and deleting a GeoPackage layer
    after QGIS has exited crashes."""
    source = QgsVectorLayer(path, "source", "ogr")
    assert source.isValid(), path
    kind = QgsWkbTypes.geometryDisplayString(source.geometryType())
    if limit is not None:
        source = _fill(_copy(source, name=source.name()), _features(source, limit))
    return case(source), kind


def _snapshot(layer):
    return [(f.attributes(), f.geometry().asWkt(3)) for f in layer.getFeatures()]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
@pytest.mark.parametrize("name", WITH_INPUT)
def test_hostile_input_gets_a_message_or_a_logged_repair(name, case, resilience_processing, tmp_path):
    params = _plain_params(name, tmp_path)
    key = _main_input(name, params)
    hostile, kind = _hostile(case, params[key], SUBSETS.get(name))
    if hostile is None:
        pytest.skip(f"{case.__name__} does not apply to {kind} input")
    QgsProject.instance().addMapLayer(hostile)  # layers handed to Processing live in the project
    try:
        before = _snapshot(hostile)
        params[key] = hostile
        feedback = Recorder()
        try:
            run(f"resilience:{name}", _with_outputs(name, params, tmp_path), feedback)
        except QgsProcessingException as exc:
            message = str(exc)
            assert "Traceback" not in message
            assert NAME in message or "字段" in message or "layer" in message.lower() or "图层" in message, (
                f"{name}/{case.__name__}: the message names no layer or field: {message}"
            )
        assert "Traceback" not in feedback.log
        assert _snapshot(hostile) == before, f"{name}/{case.__name__} changed its input"
    finally:
        QgsProject.instance().removeMapLayer(hostile.id())


INVALID_SETTINGS = {
    "stop": QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid,  # QGIS's default
    "skip": QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid,
    "nocheck": QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck,  # "Do not filter (better performance)"
}


@pytest.mark.parametrize("setting", list(INVALID_SETTINGS))
@pytest.mark.parametrize("name", WITH_INPUT)
def test_degenerate_geometry_under_each_invalid_setting_is_named_and_leaves_nothing_behind(name, setting, resilience_processing, tmp_path):
    """One-vertex lines, three-point rings, NaN coordinates, zero length and zero area: under each of Processing's
    invalid-feature settings the run names the features it set aside (or stops naming the layer), never a traceback;
    and a normal run follows it (issue 15: on QGIS 3.22 a run refused by QGIS's own check crashed the next one)."""
    params = _plain_params(name, tmp_path)
    key = _main_input(name, params)
    hostile, _kind = _hostile(degenerate, params[key], SUBSETS.get(name))
    QgsProject.instance().addMapLayer(hostile)
    try:
        feedback = Recorder()
        try:
            run(f"resilience:{name}", _with_outputs(name, dict(params, **{key: hostile}), tmp_path), feedback, INVALID_SETTINGS[setting])
        except QgsProcessingException as exc:
            assert NAME in str(exc) or "layer" in str(exc).lower(), str(exc)
        else:
            # QGIS itself reads a NaN point or an empty multi-point as no geometry
            said = "degenerate geometry" in feedback.log or "without geometry" in feedback.log
            assert said and NAME in feedback.log and "feature ids" in feedback.log, feedback.log
        assert "Traceback" not in feedback.log
    finally:
        QgsProject.instance().removeMapLayer(hostile.id())
    if setting == "stop":
        normal = tmp_path / "normal"
        normal.mkdir()
        layers, _c = run(f"resilience:{name}", _with_outputs(name, params, normal))
        assert layers


PROFILES = {
    "malformed": "{ this is not json",
    "truncated": json.dumps({"profile": {"id": "x"}, "life_circle": {"radius_min": {"value": 1000}}})[:-10],
    "wrong types": None,  # the shipped profile with a radius as text
}


@pytest.mark.parametrize("kind", list(PROFILES))
@pytest.mark.parametrize("name", list(CLASSES))
def test_a_broken_profile_is_named(name, kind, resilience_processing, tmp_path):
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    if alg.parameterDefinition("PROFILE") is None:
        pytest.skip(f"{name} takes no profile")
    path = tmp_path / "配置 broken.json"
    if PROFILES[kind] is None:
        from resilience_plugin.core.paths import default_profile_path

        data = json.loads(default_profile_path().read_text(encoding="utf-8"))
        data["life_circle"]["radius_min"]["value"] = "一千米"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(PROFILES[kind], encoding="utf-8")
    params = _with_outputs(name, {**_plain_params(name, tmp_path), "PROFILE": str(path)}, tmp_path)
    with pytest.raises(QgsProcessingException) as caught:
        run(f"resilience:{name}", params)
    message = str(caught.value)
    assert "broken.json" in message or "radius_min" in message or "profile" in message.lower(), message


@pytest.mark.parametrize("name", ["scoreunits", "faultcrossings", "profiletable"])
def test_an_output_in_a_read_only_folder_is_refused_clearly(name, resilience_processing, tmp_path):
    import os

    locked = tmp_path / "只读"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):  # root writes anywhere: a "folder" that is a file cannot hold outputs either
            locked.chmod(0o755)
            locked.rmdir()
            locked.write_text("a file, not a folder", encoding="utf-8")
        params = _with_outputs(name, _plain_params(name, tmp_path), locked)
        with pytest.raises(QgsProcessingException) as caught:
            run(f"resilience:{name}", params)
        assert "只读" in str(caught.value) or "output" in str(caught.value).lower()
    finally:
        if locked.is_dir():
            locked.chmod(0o755)


@pytest.mark.parametrize("name", ["scoreunits", "profiletable"])
def test_an_existing_output_file_is_replaced(name, resilience_processing, tmp_path):
    params = _with_outputs(name, _plain_params(name, tmp_path), tmp_path)
    first, _c = run(f"resilience:{name}", dict(params))
    count = first["OUTPUT"].featureCount()
    second, _c = run(f"resilience:{name}", dict(params))
    assert second["OUTPUT"].featureCount() == count  # replaced, not appended


def test_invalid_polygons_are_repaired_and_named_whatever_processing_is_set_to(resilience_processing, tmp_path):
    """With Processing set to skip invalid geometries, QGIS would hand over none of a layer of bow-ties, and counting in
    it would give silent zeros. The plugin reads sources without QGIS's own check (issue 15: that check, raising inside
    the feature iterator, could crash the next run on QGIS 3.22), repairs the polygons with make-valid and says so."""
    from qgis import processing
    from qgis.core import QgsProcessingContext

    bowties = memory_bowties()
    QgsProject.instance().addMapLayer(bowties)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid)
        feedback = Recorder()
        params = {"INPUT": bowties, "OUTPUT": str(tmp_path / "c.gpkg"), "CLUSTERS": str(tmp_path / "k.gpkg")}
        result = processing.run("resilience:clusters", params, context=context, feedback=feedback)
        assert "3 invalid geometry(ies) repaired" in feedback.log
        assert QgsVectorLayer(result["OUTPUT"], "units", "ogr").featureCount() == 3
    finally:
        QgsProject.instance().removeMapLayer(bowties.id())


def memory_bowties():
    from tests.helpers import memory_layer

    rows = [(f"POLYGON(({x} 0, {x + 100} 100, {x + 100} 0, {x} 100, {x} 0))", [f"单元{x}", 100.0]) for x in (0, 200, 400)]
    return memory_layer("Polygon", rows, name=NAME)


def _optional_layer_inputs():
    out = []
    for name in WITH_INPUT:
        alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}") or CLASSES[name]()
        if not alg.parameterDefinitions():
            alg.initAlgorithm()
        demo = CLASSES[name]().demo_parameters(str(SAMPLE))
        for p in alg.parameterDefinitions():
            optional = bool(p.flags() & p.FlagOptional) if hasattr(p, "FlagOptional") else False
            if optional and p.name() in demo and p.type() in ("source", "vector", "multilayer"):
                out.append((name, p.name()))
    return out


@pytest.mark.parametrize("name,key", _optional_layer_inputs())
def test_an_optional_layer_that_cannot_be_opened_is_named_not_left_out(name, key, resilience_processing, tmp_path):
    """A moved file given as an optional input (facilities, network, hazards, zones) must not be quietly
    treated as "not given": that would give silent zeros."""
    params = _plain_params(name, tmp_path)
    gone = str(tmp_path / "搬走了 moved.gpkg") + "|layername=facilities"
    params[key] = [gone] if isinstance(params[key], list) else gone
    # QGIS itself checks layer-list and vector-layer parameters first and names the parameter
    with pytest.raises(QgsProcessingException, match=f"moved.gpkg|Incorrect parameter value for {key}"):
        run(f"resilience:{name}", _with_outputs(name, params, tmp_path))
