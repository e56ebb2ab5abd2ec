"""The demo, the package and its validator."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

VALIDATE = ROOT / ".ci" / "validate_zip.py"


def test_demo_writes_outputs_and_a_report(resilience_processing, tmp_path):
    from qgis.core import QgsVectorLayer

    from resilience_plugin.demo.run import run_demo
    from resilience_plugin.processing.provider import ALGORITHMS

    report = run_demo(tmp_path)
    text = report.read_text(encoding="utf-8")
    for cls in ALGORITHMS:
        assert f"resilience:{cls().name()}" in text
    images = [tmp_path / "images" / n for n in ("sample_city.png", "samplelayer_output.png")]
    assert all(p.is_file() and p.stat().st_size > 10_000 for p in images)
    assert "SYNTHETIC" in text and "QGIS version" in text
    gpkg = tmp_path / "resilience_demo.gpkg"
    units = QgsVectorLayer(f"{gpkg}|layername=samplelayer_output", "u", "ogr")
    profile = QgsVectorLayer(f"{gpkg}|layername=profiletable_output", "p", "ogr")
    assert units.isValid() and units.featureCount() > 150
    assert profile.isValid() and profile.featureCount() > 30


def _zip(tmp_path: Path, files: dict) -> Path:
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


GOOD_META = """[general]
name=X
description=d
about=a
version=0.1.0
qgisMinimumVersion=3.22
author=a
email=e@x
repository=https://x
tracker=https://x
homepage=https://x
icon=icon.svg
tags=t
category=Plugins
hasProcessingProvider=yes
supportsQt6=True
"""


GOOD_FILES = {
    "p/__init__.py": "",
    "p/metadata.txt": GOOD_META,
    "p/LICENSE": "GPL",
    "p/icon.svg": "<svg/>",
    "p/i18n/p_zh_CN.qm": "x",
    "p/CHANGELOG.md": "# C\n\n## [0.1.0] - x\n",
}


def validate(path):
    return subprocess.run([sys.executable, str(VALIDATE), str(path)], capture_output=True, text=True)


def test_validator_accepts_a_good_zip(tmp_path):
    good = dict(GOOD_FILES)
    result = validate(_zip(tmp_path, good))
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda f: f.update({"p/__pycache__/a.cpython-311.pyc": "x"}), "forbidden file"),
        (lambda f: f.pop("p/LICENSE"), "LICENSE is missing"),
        (lambda f: f.update({"q/__init__.py": ""}), "one top folder"),
        (lambda f: f.update({"p/metadata.txt": GOOD_META.replace("version=0.1.0", "version=0.2.0")}), "does not match version"),
        (lambda f: f.update({"p/metadata.txt": GOOD_META + "qgisMaximumVersion=3.99\n"}), "below 4.99"),
        (lambda f: f.update({"p/metadata.txt": GOOD_META.replace("email=e@x\n", "")}), "lacks 'email'"),
        (lambda f: f.pop("p/i18n/p_zh_CN.qm"), "no compiled translation"),
    ],
)
def test_validator_rejects(tmp_path, change, message):
    files = dict(GOOD_FILES)
    change(files)
    result = validate(_zip(tmp_path, files))
    assert result.returncode == 1 and message in result.stdout


def test_built_zip_is_valid_and_complete(plugin_zip):
    zip_path = plugin_zip
    assert validate(zip_path).returncode == 0
    names = set(zipfile.ZipFile(zip_path).namelist())
    for needed in (
        "resilience_plugin/resources/sample/sample_city.gpkg",
        "resilience_plugin/resources/profiles/beijing_2022_2035.json",
        "resilience_plugin/i18n/resilience_plugin_zh_CN.qm",
        "resilience_plugin/gui/scorecard_dock.ui",
        "resilience_plugin/resources/help/index.html",
        "resilience_plugin/core/samplecity.py",
    ):
        assert needed in names
    assert not any(n.startswith("resilience_plugin/tests") for n in names)
