"""The Processing provider and its algorithms, run through processing.run as users and models do."""

import json
import os
import shutil
import sqlite3
import subprocess

import pytest
from qgis import processing
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from resilience_plugin.core.paths import default_profile_path
from resilience_plugin.processing.provider import ALGORITHMS
from resilience_plugin.qgisside.compat import ALG_FLAG_HIDE_FROM_MODELER
from resilience_plugin.qgisside.sample import sample_layers
from tests.conftest import ROOT, SAMPLE


def run(alg_id, params, feedback=None):
    context = QgsProcessingContext()
    result = processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())
    out = result.get("OUTPUT")
    layer = out if isinstance(out, QgsVectorLayer) else context.takeResultLayer(out) if out else None
    return result, layer


def test_provider_and_help(resilience_processing):
    provider = resilience_processing
    assert provider.id() == "resilience" and provider.name() and not provider.icon().isNull()
    registered = {a.name() for a in provider.algorithms()}
    assert registered == {cls().name() for cls in ALGORITHMS} | {
        "fullassessment",
        "sitingrescoring",
        "transfersiting",
    }  # and the models, with ids without spaces
    model = QgsApplication.processingRegistry().algorithmById("resilience:fullassessment")
    assert "第49条" in model.shortHelpString() and model.group()
    assert model.displayName() == "Full resilience assessment" and model.create().id() == "resilience:fullassessment"
    for name in registered - {"fullassessment", "sitingrescoring", "transfersiting"}:
        alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
        assert "第" in alg.shortHelpString(), name  # cites plan clauses
        assert alg.group() and alg.groupId()
        for param in alg.parameterDefinitions():
            assert param.help(), f"{name}.{param.name()} has no help"
            assert param.name() == param.name().upper()
        assert not (alg.flags() & ALG_FLAG_HIDE_FROM_MODELER)


def test_every_algorithm_declares_demo_parameters():
    for cls in ALGORITHMS:
        assert isinstance(cls().demo_parameters(str(SAMPLE)), dict)


def test_profile_table_matches_the_profile_file(resilience_processing):
    """Oracle: the JSON file read with the json module, not through core."""
    raw = json.loads(default_profile_path().read_text(encoding="utf-8"))
    result, layer = run("resilience:profiletable", {"PROFILE": "", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["PROFILE_ID"] == "beijing_2022_2035"
    rows = {f["key"]: f for f in layer.getFeatures()}
    assert len(rows) > 30
    for key, f in rows.items():
        node = raw
        for part in key.split("."):
            node = node[part]
        assert json.loads(f["value"]) == node["value"]
        assert f["unit"] == node["unit"] and f["source"] == node["source"] and f["confidence"] == node["confidence"]


def test_profile_table_with_an_edited_and_a_broken_profile(resilience_processing, tmp_path):
    raw = json.loads(default_profile_path().read_text(encoding="utf-8"))
    raw["shelter"]["area_per_person_target"]["value"] = 3.5
    good = tmp_path / "编辑后.json"
    good.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    _result, layer = run("resilience:profiletable", {"PROFILE": str(good), "OUTPUT": "TEMPORARY_OUTPUT"})
    values = {f["key"]: f["value"] for f in layer.getFeatures()}
    assert values["shelter.area_per_person_target"] == "3.5"
    raw["fire"]["proxy_distance"]["value"] = "far"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"fire\.proxy_distance\.value"):
        run("resilience:profiletable", {"PROFILE": str(bad), "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.mark.parametrize("index", range(len(sample_layers())))
def test_sample_layer_copies_every_feature(resilience_processing, index):
    """Oracle: SQLite's own row count of the GeoPackage table."""
    name = sample_layers()[index][0]
    _result, layer = run("resilience:samplelayer", {"LAYER": index, "OUTPUT": "TEMPORARY_OUTPUT"})
    with sqlite3.connect(SAMPLE) as con:
        (count,) = con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()
    source = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
    assert layer.featureCount() == count
    assert layer.crs() == source.crs()
    assert layer.fields().names() == source.fields().names()


def test_sample_layer_honours_cancel(resilience_processing):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result, _c = run("resilience:samplelayer", {"LAYER": 4, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback)
    assert result == {}


@pytest.mark.skipif(not (shutil.which("qgis_process.bin") or shutil.which("qgis_process")), reason="qgis_process not installed")
def test_qgis_process_runs_the_installed_plugin(tmp_path, plugin_zip):
    """The README's command: enable the plugin for qgis_process and run an algorithm."""
    build = ROOT / "build" / "resilience_plugin"
    plugins = tmp_path / "config" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    shutil.copytree(build, plugins / "resilience_plugin")
    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    subprocess.run([exe, "plugins", "enable", "resilience_plugin"], env=env, check=True, capture_output=True, timeout=180)
    listing = subprocess.run([exe, "list"], env=env, check=True, capture_output=True, text=True, timeout=180).stdout
    assert "resilience:samplelayer" in listing and "resilience:profiletable" in listing
    out = tmp_path / "断裂.gpkg"
    subprocess.run(
        [exe, "run", "resilience:samplelayer", "--", "LAYER=6", f"OUTPUT={out}"],
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )
    layer = QgsVectorLayer(str(out), "faults", "ogr")
    assert layer.isValid() and layer.featureCount() == 5
    # the README's register command, against native line intersections run the same way
    crossings, native = tmp_path / "交叉.gpkg", tmp_path / "native.gpkg"
    corridors, faults = f"CORRIDORS={SAMPLE}|layername=corridors", f"FAULTS={SAMPLE}|layername=faults"
    for args in (
        ["resilience:faultcrossings", "--", corridors, faults, f"CROSSINGS={crossings}", f"EXPOSED={tmp_path / 'e.gpkg'}"],
        [
            "native:lineintersections",
            "--",
            f"INPUT={SAMPLE}|layername=corridors",
            f"INTERSECT={SAMPLE}|layername=faults",
            f"OUTPUT={native}",
        ],
    ):
        subprocess.run([exe, "run", *args], env=env, check=True, capture_output=True, timeout=180)
    ours = QgsVectorLayer(str(crossings), "crossings", "ogr")
    count = sum(1 for f in ours.getFeatures() if f["contact"] != "along")
    assert ours.isValid() and count == QgsVectorLayer(str(native), "native", "ogr").featureCount() > 0
    # the README's report commands: score the units, then the atlas PDF
    scores, pdf = tmp_path / "评估.gpkg", tmp_path / "报告.pdf"
    for args in (
        [
            "resilience:scoreunits",
            "--",
            f"INPUT={SAMPLE}|layername=street_units",
            f"FACILITIES={SAMPLE}|layername=facilities",
            f"OUTPUT={scores}",
        ],
        ["resilience:report", "--", f"UNITS={scores}", "TITLE=朝阳区韧性评估", f"OUTPUT={pdf}"],
    ):
        subprocess.run([exe, "run", *args], env=env, check=True, capture_output=True, timeout=300)
    from tests.helpers import pdf_pages, title_sheets

    assert pdf_pages(pdf) == title_sheets(pdf) + 233  # the title page and the profile's values, one page per unit


def test_the_shipped_sample_is_never_modified(resilience_processing):
    """Inputs stay unchanged: the algorithms and the demo read the user's working copy."""
    import hashlib

    from tests.conftest import SHIPPED_SAMPLE

    before = hashlib.sha256(SHIPPED_SAMPLE.read_bytes()).hexdigest()
    for index in (1, 4):
        run("resilience:samplelayer", {"LAYER": index, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert hashlib.sha256(SHIPPED_SAMPLE.read_bytes()).hexdigest() == before


def test_a_filtered_geopackage_layer_beside_others_of_its_file_gives_right_numbers_or_an_error(resilience_processing, own_sample):
    """The usual set-up: the whole city in one GeoPackage, several of its layers loaded, one of them filtered.
    On QGIS 3.22 the filter breaks the file's other connections and the filtered layer's count (see the own_sample
    fixture). The plugin must then give the right features or name the layer; never a silently wrong count."""
    from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

    from tests.helpers import Recorder, run

    units = QgsVectorLayer(f"{own_sample}|layername=street_units", "街镇", "ogr")
    facilities = QgsVectorLayer(f"{own_sample}|layername=facilities", "设施 filtered", "ogr")
    QgsProject.instance().addMapLayers([units, facilities])
    try:
        assert units.featureCount() == 233
        facilities.setSubsetString("fid <= 500")
        feedback = Recorder()
        try:
            layers, _c = run(
                "resilience:chinacoords", {"INPUT": facilities, "SOURCE_SYSTEM": 0, "TARGET_SYSTEM": 1, "OUTPUT": "memory:"}, feedback
            )
        except QgsProcessingException as exc:
            assert "设施 filtered" in str(exc), str(exc)
            return
        with sqlite3.connect(own_sample) as db:  # the oracle: the file itself, read without QGIS
            expected = sorted(code for (code,) in db.execute("SELECT code FROM facilities WHERE fid <= 500"))
        assert sorted(f["code"] for f in layers["OUTPUT"].getFeatures()) == expected, feedback.log
    finally:
        QgsProject.instance().removeMapLayers([units.id(), facilities.id()])


def test_a_layer_given_as_a_path_is_named_by_its_table_in_messages(resilience_processing):
    """Every layer of a GeoPackage opened from a path is named after the file; messages name the table instead."""
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("resilience:chinacoords")
    context = QgsProcessingContext()
    named = {"INPUT": f"{SAMPLE}|layername=facilities"}
    assert alg.layer_name(named, "INPUT", context, None) == "facilities"
    layer = QgsVectorLayer(f"{SAMPLE}|layername=facilities", "设施 我的", "ogr")
    assert alg.layer_name({"INPUT": layer}, "INPUT", context, None) == "设施 我的"  # a name the user gave stays
