"""Plugin lifecycle, the dependency check and the scorecard dock, on pytest-qgis's interface stub."""

import sqlite3
import time

import pytest
import shapely
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

from resilience_plugin import classFactory
from resilience_plugin.core.gpkg import read_table
from resilience_plugin.plugin import TOOLBAR_OBJECT
from resilience_plugin.qgisside import deps
from tests.conftest import SAMPLE

EXPECTED_ACTIONS = {
    "resilience_scorecard",
    "resilience_load_sample",
    "resilience_profile",
    "resilience_help",
    "resilience_alg_profiletable",
    "resilience_alg_samplelayer",
    "resilience_alg_lifecircles",
    "resilience_tool_lifecircles",
    "resilience_alg_faultcrossings",
    "resilience_tool_faultcrossings",
    "resilience_alg_faultavoidance",
    "resilience_tool_faultavoidance",
    "resilience_alg_corridorexposure",
    "resilience_tool_corridorexposure",
    "resilience_alg_clusters",
    "resilience_tool_clusters",
    "resilience_alg_clusterdossier",
    "resilience_tool_clusterdossier",
    "resilience_alg_scoreunits",
    "resilience_tool_scoreunits",
}


def flush():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def our_actions(window):
    return {a.objectName() for a in window.findChildren(QAction) if a.objectName().startswith("resilience_")}


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


@pytest.fixture
def clean_project():
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


def test_init_gui_and_unload_twice_leave_nothing_behind(qgis_iface, qgis_processing):
    window = qgis_iface.mainWindow()
    registry = QgsApplication.processingRegistry()
    plugin = classFactory(qgis_iface)
    for _round in range(2):
        plugin.initGui()
        assert window.findChild(QToolBar, TOOLBAR_OBJECT) is not None
        assert registry.providerById("resilience") is not None
        assert "&Resilience" in menu_titles(window)
        assert EXPECTED_ACTIONS <= our_actions(window)
        plugin.toggle_dock(True)
        assert window.findChild(QDockWidget, "ResiliencePlannerScorecardDock") is not None
        plugin.unload()
        flush()
        assert window.findChild(QToolBar, TOOLBAR_OBJECT) is None
        assert registry.providerById("resilience") is None
        assert "&Resilience" not in menu_titles(window)
        assert our_actions(window) == set()
        assert window.findChild(QDockWidget, "ResiliencePlannerScorecardDock") is None


def test_unload_ends_the_idle_pooled_threads(qgis_iface, qgis_processing):
    """On quitting, QGIS 3.40 before qgis/QGIS#62429 crashes when a pooled thread that read the authentication
    database ends after the manager is gone (the desktop test's exit on Debian 13). unload() ends the idle pooled
    threads while QGIS still lives: a thread of Qt's global pool and one of the task manager's (its own pool on newer
    QGIS) that have run work have ended (their finished signal came) by the time unload() returns, and the next
    task runs on a new thread."""
    from qgis.core import QgsTask
    from qgis.PyQt.QtCore import QRunnable, Qt, QThread, QThreadPool

    ended, ran = [], []

    def note_thread():
        thread = QThread.currentThread()
        ran.append(thread)
        # the threads that must end in unload(), each once (the pool may run both on one thread); the third run is
        # only counted
        if len(ran) <= 2 and thread not in ran[:-1]:
            thread.finished.connect(lambda: ended.append(True), Qt.ConnectionType.DirectConnection)

    class Runnable(QRunnable):
        def run(self):
            note_thread()

    class Task(QgsTask):
        def run(self):
            note_thread()
            return True

    pool = QThreadPool.globalInstance()
    runnable = Runnable()  # kept here: a Python runnable must outlive its run
    runnable.setAutoDelete(False)
    tasks = [Task("rp-test"), Task("rp-test")]
    pool.start(runnable)
    QgsApplication.taskManager().addTask(tasks[0])
    deadline = time.monotonic() + 10
    busy = lambda: len(ran) < 2 or pool.activeThreadCount() or QgsApplication.taskManager().countActiveTasks()  # noqa: E731
    while busy() and time.monotonic() < deadline:  # not waitForDone(): it ends the threads
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not busy()  # both done; their threads stay in their pools, idle (for 30 s)
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    assert not ended, "a pooled thread ended before unload(): the test shows nothing"
    plugin.unload()
    flush()
    assert len(set(ran)) == len(ended), (len(set(ran)), len(ended))  # one thread (a shared pool) or two
    QgsApplication.taskManager().addTask(tasks[1])
    deadline = time.monotonic() + 10
    while len(ran) < 3 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert len(ran) == 3


def test_one_menu_action_per_registered_algorithm(qgis_iface, qgis_processing):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        registered = {a.name() for a in QgsApplication.processingRegistry().providerById("resilience").algorithms()}
        actions = {n[len("resilience_alg_") :] for n in our_actions(qgis_iface.mainWindow()) if n.startswith("resilience_alg_")}
        assert registered and actions == registered
    finally:
        plugin.unload()
        flush()


# ------------------------------------------------------------------ dependency check


def test_check_runtime_reports_an_old_shapely(monkeypatch):
    import importlib
    import types

    real = importlib.import_module

    def fake(name, *args):
        if name == "shapely":
            return types.SimpleNamespace(__version__="1.8.5")
        if name == "pyproj":
            raise ImportError("No module named 'pyproj'")
        return real(name, *args)

    monkeypatch.setattr(deps.importlib, "import_module", fake)
    found = {m.name: m for m in deps.check_runtime()}
    assert set(found) == {"shapely", "pyproj"}
    assert found["shapely"].found == "1.8.5" and found["pyproj"].found is None
    text = deps.report(list(found.values()))
    assert "shapely 1.8.5 is too old" in text and "pyproj ≥ 3.0 is not installed" in text


def test_a_distro_shapely_with_an_odd_version_string_is_judged_by_what_it_can_do(monkeypatch):
    """Debian sid's python3-shapely 2.2 reports __version__ "0+unknown" (issue 16): it works, so nothing is missing;
    a module that says 2.0 but lacks the vectorised API is refused, naming what it lacks."""
    import importlib
    import types

    import shapely

    real = importlib.import_module
    odd = types.SimpleNamespace(**{k: getattr(shapely, k) for k in dir(shapely) if not k.startswith("__")})
    odd.__version__ = "0+unknown"
    hollow = types.SimpleNamespace(__version__="2.0.1", Point=shapely.Point, geos_version=(3, 11, 1))

    monkeypatch.setattr(deps.importlib, "import_module", lambda name, *a: odd if name == "shapely" else real(name, *a))
    assert deps.check_runtime() == []
    monkeypatch.setattr(deps.importlib, "import_module", lambda name, *a: hollow if name == "shapely" else real(name, *a))
    (found,) = deps.check_runtime()
    assert found.name == "shapely" and found.found == "2.0.1" and "vectorised API" in found.describe()


def test_fix_commands_per_platform(monkeypatch):
    old = [deps.Missing("shapely", "2.0", "1.8.5")]
    monkeypatch.setattr(deps, "_debian_like", lambda: True)
    cmd = deps.fix_command(old, "Linux")
    assert cmd == 'sudo /usr/bin/python3 -m pip install --break-system-packages --no-deps --upgrade "shapely>=2.0"'
    both = deps.fix_command(old + [deps.Missing("pyproj", "3.0", None)], "Linux")
    assert both.startswith("sudo apt-get install -y python3-pyproj && ")
    assert "OSGeo4W Shell" in deps.fix_command(old, "Windows")
    assert "-m pip install --user --upgrade" in deps.fix_command(old, "Darwin")
    monkeypatch.setattr(deps, "_debian_like", lambda: False)
    assert deps.fix_command(old, "Linux") == 'python3 -m pip install --user --upgrade "shapely>=2.0"'


def test_scipy_without_milp_is_named_at_load_and_siting_refuses_clearly(qgis_iface, qgis_processing, monkeypatch):
    """scipy is optional: where it lacks scipy.optimize.milp (scipy < 1.9) the plugin loads, says at load what facility
    siting needs and how to install it, and resilience:siting refuses with the same advice; with scipy as installed
    here nothing is said."""
    import builtins

    import scipy.optimize

    from resilience_plugin.core.messages import CoreError
    from resilience_plugin.core.siting import require_milp

    assert deps.check_optional() == []
    monkeypatch.delattr(scipy.optimize, "milp")
    real_import = builtins.__import__

    def old_scipy(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "scipy.optimize" and fromlist and "milp" in fromlist:
            raise ImportError("cannot import name 'milp' from 'scipy.optimize'")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", old_scipy)
    (found,) = deps.check_optional()
    assert found.name == "scipy" and found.found is None
    text = deps.optional_report([found])
    assert "facility siting" in text and "scipy" in text and "Install with" in text
    with pytest.raises(CoreError, match="scipy 1.9 or later"):
        require_milp()
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        warnings = bar.get_messages(1)
        assert warnings and "facility siting" in warnings[-1]
    finally:
        plugin.unload()
        flush()


def test_missing_dependency_gives_a_message_not_a_traceback(qgis_iface, qgis_processing, monkeypatch):
    monkeypatch.setattr(deps, "check_runtime", lambda: [deps.Missing("shapely", "2.0", "1.8.5")])
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert QgsApplication.processingRegistry().providerById("resilience") is None
        critical = bar.get_messages(2)
        assert critical and "shapely 1.8.5 is too old" in critical[-1] and "--break-system-packages" in critical[-1]
        before = len(critical)
        plugin.load_sample_city()  # refuses politely
        assert len(bar.get_messages(2)) == before + 1
    finally:
        plugin.unload()
        flush()


# ------------------------------------------------------------------ sample city and dock


def test_load_sample_city_and_the_scorecard_dock(qgis_iface, qgis_processing, clean_project):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.load_sample_city()
        layers = QgsProject.instance().mapLayers().values()
        assert len(layers) == 16
        # the two grids that come with it, hidden: the flood depth the transfer's worked example uses (its deepest
        # cell as GDAL reads the file) and the population grid
        from osgeo import gdal
        from qgis.core import QgsRasterLayer

        from resilience_plugin.core.paths import sample_flood_depth_path

        grids = [lay for lay in layers if isinstance(lay, QgsRasterLayer)]
        assert len(grids) == 2 and all(g.isValid() for g in grids)
        root = QgsProject.instance().layerTreeRoot()
        assert not any(root.findLayer(g.id()).isVisible() for g in grids)
        depth = next(g for g in grids if g.source().endswith("sample_flood_depth.tif"))
        ds = gdal.Open(str(sample_flood_depth_path()))  # held: a band outlives no dataset
        deepest = ds.GetRasterBand(1).ComputeRasterMinMax(False)[1]
        ds = None
        assert depth.dataProvider().bandStatistics(1).maximumValue == pytest.approx(deepest)
        layers = [lay for lay in layers if not isinstance(lay, QgsRasterLayer)]
        assert QgsProject.instance().crs().authid() == "EPSG:4548"  # the empty project took the sample's CRS
        units = [lay for lay in layers if lay.source().endswith("layername=street_units")][0]
        assert units.renderer() is not None
        plugin.toggle_dock(True)
        dock = plugin.dock
        assert dock.layerCombo.currentLayer() == units
        table = dock.unitTable
        with sqlite3.connect(SAMPLE) as con:
            (n_units,) = con.execute("SELECT COUNT(*) FROM street_units").fetchone()
        assert table.rowCount() == n_units
        # population total: the 2020 census total of Beijing (beijing-facts.md: 21,893,095)
        assert "21,893,095" in dock.summaryLabel.text()
        # areas: the ellipsoidal areas agree with GEOS planar areas in the metric CRS to 0.1 %
        _f, _r, geoms = read_table(SAMPLE, "street_units")
        total = sum(table.item(r, 2).data(256 + 1) for r in range(table.rowCount()))
        assert abs(total - sum(shapely.area(geoms)) / 1e6) / total < 1e-3
        # table -> map
        table.selectRow(5)
        fid = table.item(5, 0).data(256)
        assert units.selectedFeatureIds() == [fid]
        # a refresh (the layer changed, a field was picked) keeps the map selection
        dock.refresh()
        assert units.selectedFeatureIds() == [fid]
        assert [table.item(i.row(), 0).data(256) for i in table.selectionModel().selectedRows()] == [fid]
        # map -> table
        other = next(f.id() for f in units.getFeatures() if f.id() != fid)
        units.selectByIds([other])
        rows = {i.row() for i in table.selectionModel().selectedRows()}
        assert [table.item(r, 0).data(256) for r in rows] == [other]
        # filter
        name = table.item(7, 0).text()
        dock.filterEdit.setText(name)
        visible = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
        assert visible and all(name in table.item(r, 0).text() for r in visible)
        # editing the layer refreshes the dock (debounced)
        units.startEditing()
        units.changeAttributeValue(fid, units.fields().indexOf("population"), 0)
        dock.refresh()
        assert "21,893,095" not in dock.summaryLabel.text()
        units.rollBack()
        # a deleted layer leaves an empty dock, not a crash
        QgsProject.instance().removeMapLayer(units.id())
        flush()
        assert dock.layer is None
    finally:
        plugin.unload()
        flush()


def test_dock_survives_bad_populations(qgis_iface, qgis_processing, clean_project):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "单元 units", "memory")
    layer.dataProvider().addAttributes([QgsField("名称", QVariant.String), QgsField("人口", QVariant.String)])
    layer.updateFields()
    feats = []
    for i, pop in enumerate(["1200", "abc", None, "-5"]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"单元{i}", pop])
        f.setGeometry(
            QgsGeometry.fromWkt(
                f"POLYGON(({116 + i * 0.01} 39.9, {116.01 + i * 0.01} 39.9, {116.01 + i * 0.01} 39.91, {116 + i * 0.01} 39.9))"
            )
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    from resilience_plugin.gui.scorecard_dock import ScorecardDock

    dock = ScorecardDock(qgis_iface.mainWindow())
    try:
        dock.layerCombo.setLayer(layer)
        assert dock.nameFieldCombo.currentField() == "名称"
        assert dock.populationFieldCombo.currentField() == "人口"
        assert dock.unitTable.rowCount() == 4
        assert "3 without a valid population in field '人口'" in dock.summaryLabel.text()
        assert "1,200" in dock.summaryLabel.text()
    finally:
        dock.close_and_disconnect()
        dock.deleteLater()
        flush()
