"""Shared fixtures. pytest-qgis starts QGIS (offscreen) before this file is imported."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PLAN_TEXT = SHARED / "plan" / "beijing-resilient-city-spatial-plan-2022-2035.txt"
FACTS = SHARED / "reference" / "beijing-facts.md"
SHIPPED_SAMPLE = ROOT / "resources" / "sample" / "sample_city.gpkg"
# Tests read a copy: QGIS opens GeoPackages for update and would bump the shipped file's change counter.
SAMPLE = Path(tempfile.mkdtemp(prefix="rp-sample-")) / "sample_city.gpkg"
shutil.copyfile(SHIPPED_SAMPLE, SAMPLE)


def pytest_report_header(config):
    import shapely
    from osgeo import gdal
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QT_VERSION_STR

    return [
        f"QGIS {Qgis.QGIS_VERSION} | Qt {QT_VERSION_STR} | GDAL {gdal.__version__}",
        f"shapely {shapely.__version__} (GEOS {shapely.geos_version_string})",
        f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}",
    ]


_VERDICT = {}


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    _VERDICT["status"] = int(exitstatus)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    """Leave as soon as pytest has given its verdict (summary printed, JUnit XML and cache written in sessionfinish).
    What is still alive then (module globals, sip wrappers, pytest's last garbage collection) is freed after
    exitQgis, by Python's own finalisation, and QGIS's destructors crash there now and then: CI saw "977 passed" and
    then "Segmentation fault", with no test running. That crash says nothing of the plugin (inside QGIS, QGIS unloads
    it; tests/desktop's quit tests cover that), but it turned a passing run into a failed one. The exit status stays
    pytest's own: tests/test_session_exit.py checks both ways."""
    if "status" not in _VERDICT:
        return
    import sys

    shutil.rmtree(SAMPLE.parent, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_VERDICT["status"])


@pytest.fixture(autouse=True, scope="session")
def collect_before_qgis_exits(qgis_app):
    """At the end of the session, before pytest-qgis's ``qgis_app`` calls exitQgis (its teardown runs after this
    one's): delete what QGIS queued for deletion and collect Python's cyclic garbage. Layers, contexts and feedbacks
    caught in reference cycles (a test's frames, a failed test's traceback) would otherwise be freed by pytest's own
    garbage collection at unconfigure, after QGIS is gone, and their C++ destructors crash the process (CI saw
    "Segmentation fault" after "911 passed"; faulthandler: _pytest/unraisableexception.py gc_collect_harder).
    tests/test_session_exit.py checks it."""
    yield
    import gc

    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


@pytest.fixture(scope="session")
def plan_text() -> str:
    if not PLAN_TEXT.is_file():
        pytest.skip(f"plan text not found at {PLAN_TEXT}")
    return PLAN_TEXT.read_text(encoding="utf-8")


@pytest.fixture
def resilience_processing(qgis_app, qgis_processing):
    """Processing initialised with the native and resilience providers, for one test."""
    from qgis.core import QgsApplication

    from resilience_plugin.processing.standalone import start_qgis, stop_provider

    start_qgis()
    provider = QgsApplication.processingRegistry().providerById("resilience")
    assert provider is not None
    yield provider
    stop_provider()


@pytest.fixture
def own_sample(tmp_path) -> Path:
    """A copy of the sample city that no other layer has open. A test that filters a GeoPackage layer
    (setSubsetString) needs one: on QGIS 3.22, filtering a layer of a GeoPackage that another layer of the process
    holds open read-only switches the file to WAL and breaks that other connection ("unable to open database
    file"); the filtered layer then reports a count of -1 or the unfiltered one, and later openings of the file in
    the process may fail. tests/test_processing.py checks what the plugin does with such a layer."""
    copy = tmp_path / "own_sample.gpkg"
    shutil.copyfile(SAMPLE, copy)
    return copy


@pytest.fixture(scope="session")
def plugin_zip() -> Path:
    """dist/resilience_plugin.zip, built fresh once per test session (as `make package` does)."""
    import subprocess

    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True)
    return ROOT / "dist" / "resilience_plugin.zip"


@pytest.fixture(autouse=True)
def deferred_deletes():
    """After each test, delete what QGIS queued for deletion, as its event loop does all the time in a session.

    Without an event loop, every layer Processing loads from a path waits for a deletion that never comes, and
    each holds its GeoPackage open; a few hundred runs exhaust the file descriptors, and SQLite then says "unable
    to open database file" (tests/test_long_session.py shows it)."""
    yield
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def watch_message_log(tags=("python",)):
    """Collect QGIS message-log lines of level Warning or above that are Python errors (a tag in ``tags`` or a
    traceback). Returns (lines, stop)."""
    from qgis.core import Qgis, QgsApplication

    errors = []

    def heard(message, tag, level):
        if level >= Qgis.MessageLevel.Warning and (any(t in tag.lower() for t in tags) or "Traceback" in message):
            errors.append(f"[{tag}] {message}")

    QgsApplication.messageLog().messageReceived.connect(heard)
    return errors, lambda: QgsApplication.messageLog().messageReceived.disconnect(heard)
