"""A long QGIS session in one process: the plugin loaded and unloaded 20 times, the dock opened and closed 20
times, every algorithm run 20 times. Nothing may stay behind: no action, toolbar, dock or provider, no signal
of QGIS's project or canvas still connected to something of ours, and no Python error in the message log.
(Memory growth over such a session is measured by `make bench`, not here.)"""

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

from resilience_plugin import classFactory
from resilience_plugin.plugin import TOOLBAR_OBJECT
from tests.conftest import SAMPLE, watch_message_log
from tests.helpers import run

ROUNDS = 20


def flush():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def receivers(qgis_iface) -> dict:
    """How many slots each watched QGIS signal has."""
    project, canvas = QgsProject.instance(), qgis_iface.mapCanvas()
    watched = {
        "project.readProject": (project, project.readProject),
        "project.writeProject": (project, project.writeProject),
        "project.layersAdded": (project, project.layersAdded),
        "project.layersRemoved": (project, project.layersRemoved),
        "project.cleared": (project, project.cleared),
        "project.crsChanged": (project, project.crsChanged),
        "canvas.selectionChanged": (canvas, canvas.selectionChanged),
        "canvas.layersChanged": (canvas, canvas.layersChanged),
        "canvas.destinationCrsChanged": (canvas, canvas.destinationCrsChanged),
    }
    return {name: obj.receivers(signal) for name, (obj, signal) in watched.items()}


@pytest.fixture
def python_errors():
    errors, stop = watch_message_log(("python", "resilience"))
    yield errors
    stop()


def test_twenty_loads_and_dock_cycles_leave_nothing_behind(qgis_iface, qgis_processing, python_errors):
    window = qgis_iface.mainWindow()
    units = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "street_units", "ogr")
    QgsProject.instance().addMapLayer(units)
    try:
        before = receivers(qgis_iface)
        for _round in range(ROUNDS):
            plugin = classFactory(qgis_iface)
            plugin.initGui()
            plugin.toggle_dock(True)
            plugin.unload()
            flush()
        assert window.findChild(QToolBar, TOOLBAR_OBJECT) is None
        assert QgsApplication.processingRegistry().providerById("resilience") is None
        assert receivers(qgis_iface) == before

        plugin = classFactory(qgis_iface)
        plugin.initGui()
        for _round in range(ROUNDS):
            plugin.toggle_dock(True)
            plugin.dock.layerCombo.setLayer(units)
            flush()
            plugin.toggle_dock(False)
            flush()
        assert len([d for d in window.findChildren(QDockWidget) if d.objectName() == "ResiliencePlannerScorecardDock"]) <= 1
        plugin.unload()
        flush()
        assert window.findChild(QDockWidget, "ResiliencePlannerScorecardDock") is None
        assert receivers(qgis_iface) == before
    finally:
        QgsProject.instance().removeMapLayer(units.id())
    assert python_errors == []


def test_every_algorithm_twenty_times(resilience_processing, python_errors, tmp_path):
    from tests.test_hostile import CLASSES, SUBSET, SUBSETS, _copy, _features, _fill, _main_input, _plain_params, _with_outputs

    for name in CLASSES:
        params = _plain_params(name, tmp_path)
        small = None
        try:
            key = _main_input(name, params)
        except AssertionError:  # no layer input (sample layer, profile table)
            key = None
        if name == "corridorfailure":  # a few units on the whole network: on a piece of it most facilities lie off it
            key = "UNITS"
            params["RANK"] = False  # the scenario alone: twenty rankings of the whole network would take minutes
        if key is not None:  # a small copy of the main input keeps 20 runs quick
            source = QgsVectorLayer(params[key], "source", "ogr")
            small = _fill(_copy(source, name=f"{name} 样本"), _features(source, SUBSETS.get(name, SUBSET)))
            QgsProject.instance().addMapLayer(small)
            params[key] = small
        try:
            counts = set()
            for i in range(ROUNDS):
                out = tmp_path / f"{name}_{i}"
                out.mkdir()
                result, _c = run(f"resilience:{name}", _with_outputs(name, dict(params), out))
                counts.add(tuple(sorted((k, v.featureCount()) for k, v in result.items() if isinstance(v, QgsVectorLayer))))
            assert len(counts) == 1, f"{name}: the {ROUNDS} runs disagree: {counts}"
        finally:
            if small is not None:
                QgsProject.instance().removeMapLayer(small.id())
    assert python_errors == []


def _open_fds(path) -> int:
    import os

    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:  # closed while listing
            pass
    return sum(1 for n in names if n.startswith(str(path)))


def test_repeated_runs_on_one_geopackage_keep_no_file_open(resilience_processing, tmp_path):
    """The "unable to open database file" seen after a few hundred runs in one test process: each run's input
    layer is deleted later (deleteLater), and until then holds the GeoPackage open. QGIS's event loop deletes
    them; a script or test without one must flush them, as tests/conftest.py now does after each test."""
    import shutil

    city = tmp_path / "city.gpkg"
    shutil.copyfile(SAMPLE, city)
    params = {"INPUT": f"{city}|layername=facilities", "SOURCE_SYSTEM": 0, "TARGET_SYSTEM": 1, "OUTPUT": "memory:"}
    for _i in range(30):
        run("resilience:chinacoords", dict(params))
    waiting = _open_fds(city)
    assert waiting >= 30  # one open file per run, waiting for its deletion
    flush()
    assert _open_fds(city) == 0
    for _i in range(30):
        run("resilience:chinacoords", dict(params))
        flush()  # as an event loop would between runs
    assert _open_fds(city) == 0
    layer = QgsVectorLayer(f"{city}|layername=street_units", "units", "ogr")
    assert layer.isValid() and layer.featureCount() == 233
