"""Runs inside the real QGIS desktop (tests/desktop/launcher.py). Checks the installed plugin,
drives it as a user would, saves screenshots and writes its findings as JSON to $RP_OUT/result.json."""

import json
import os
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDockWidget, QToolBar
from qgis.utils import iface, plugins

OUT = Path(os.environ["RP_OUT"])
result = {"log": []}


def log_message(message, tag, level):
    result["log"].append([tag, int(level), message])


QgsApplication.messageLog().messageReceived.connect(log_message)
result["crs_changes"] = []
QgsProject.instance().crsChanged.connect(lambda: result["crs_changes"].append(QgsProject.instance().crs().authid()))


def finish(code=0):
    # as a user closes the project before quitting: QGIS 3.22 can crash when its main window is destroyed
    # with layers still loaded (QgisApp::activateDeactivateLayerRelatedActions during ~QgisApp)
    try:
        QgsProject.instance().clear()
        result["project_cleared"] = True
    except Exception:
        result["error"] = traceback.format_exc()
        code = 1
    (OUT / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    QgsApplication.exit(code)


def first():
    try:
        window = iface.mainWindow()
        window.resize(1600, 1000)
        result["loaded"] = "resilience_plugin" in plugins
        result["provider"] = QgsApplication.processingRegistry().providerById("resilience") is not None
        toolbar = window.findChild(QToolBar, "ResiliencePlannerToolbar")
        result["toolbar"] = toolbar is not None and toolbar.isVisible()
        result["toolbar_actions"] = [a.text() for a in toolbar.actions()] if toolbar else []
        result["menus"] = [a.text() for a in window.menuBar().actions()]
        plugin = plugins["resilience_plugin"]
        result["algorithm_actions"] = [a.text() for a in plugin.algorithm_menu.actions()]
        plugin.load_sample_city()
        result["layers"] = len(QgsProject.instance().mapLayers())
        result["communities"] = next(
            lay.featureCount() for lay in QgsProject.instance().mapLayers().values() if lay.source().endswith("layername=communities")
        )
        result["project_crs"] = QgsProject.instance().crs().authid()
        plugin.dock_action.trigger()
        dock = window.findChild(QDockWidget, "ResiliencePlannerScorecardDock")
        result["dock_visible"] = dock is not None and dock.isVisible()
        result["dock_rows"] = dock.unitTable.rowCount() if dock else 0
        result["dock_summary"] = dock.summaryLabel.text() if dock else ""
        if dock:
            dock.unitTable.selectRow(3)
        QTimer.singleShot(4000, second)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def second():
    try:
        result["project_crs_later"] = QgsProject.instance().crs().authid()
        result["canvas_crs"] = iface.mapCanvas().mapSettings().destinationCrs().authid()
        iface.mainWindow().grab().save(str(OUT / "qgis_window.png"))
        iface.mapCanvas().saveAsImage(str(OUT / "qgis_canvas.png"))
        QTimer.singleShot(0, life_circles)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def life_circles():
    """Run the life circles along the network as a user would, loaded into the project and styled."""
    try:
        from qgis import processing

        project = QgsProject.instance()
        by_table = {lay.source().split("layername=")[-1]: lay for lay in project.mapLayers().values()}
        results = processing.runAndLoadResults(
            "resilience:lifecircles",
            {
                "INPUT": by_table["communities"],
                "NETWORK": by_table["walking_network"],
                "FACILITIES": by_table["facilities"],
                "CATEGORY_FIELD": "category",
                "SHELTER_FIELD": "shelter_area_m2",
                "POPULATION_FIELD": "population",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        layer = project.mapLayer(results["OUTPUT"]) if isinstance(results["OUTPUT"], str) else results["OUTPUT"]
        result["lc_features"] = layer.featureCount()
        result["lc_renderer"] = layer.renderer().type()
        result["lc_failing_example"] = next((f["missing_zh"] for f in layer.getFeatures() if f["missing_zh"]), "")
        canvas = iface.mapCanvas()
        from qgis.core import QgsRectangle

        canvas.setExtent(QgsRectangle(438000, 4408000, 460000, 4428000))
        canvas.refresh()
        iface.showAttributeTable(layer)
        QTimer.singleShot(4000, shoot_life_circles)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def shoot_life_circles():
    try:
        for w in QApplication.topLevelWidgets():
            title = w.windowTitle()
            if w.isVisible() and w is not iface.mainWindow() and ("Life circles" in title or "生活圈" in title):
                w.resize(1400, 500)
                w.grab().save(str(OUT / "life_circles_table.png"))
                w.close()
        iface.mainWindow().grab().save(str(OUT / "life_circles.png"))
        QTimer.singleShot(0, fault_register)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def fault_register():
    """The corridor × fault register, loaded and styled, with the life circles hidden."""
    try:
        from qgis import processing

        project = QgsProject.instance()
        root = project.layerTreeRoot()
        for node in root.findLayers():
            layer = node.layer()
            if isinstance(layer, QgsVectorLayer) and (
                layer.fields().lookupField("lc_pass") >= 0 or layer.source().endswith("layername=facilities")
            ):
                node.setItemVisibilityChecked(False)  # a reviewer hides the circles and facilities
        by_table = {lay.source().split("layername=")[-1]: lay for lay in project.mapLayers().values()}
        results = processing.runAndLoadResults(
            "resilience:faultcrossings",
            {
                "CORRIDORS": by_table["corridors"],
                "FAULTS": by_table["faults"],
                "CROSSINGS": "TEMPORARY_OUTPUT",
                "EXPOSED": "TEMPORARY_OUTPUT",
            },
        )
        crossings = project.mapLayer(results["CROSSINGS"]) if isinstance(results["CROSSINGS"], str) else results["CROSSINGS"]
        result["fx_features"] = crossings.featureCount()
        result["fx_renderer"] = crossings.renderer().type()
        result["fx_levels"] = sorted({f["sev_zh"] for f in crossings.getFeatures()})
        canvas = iface.mapCanvas()
        from qgis.core import QgsRectangle

        canvas.setExtent(QgsRectangle(425000, 4395000, 475000, 4440000))
        canvas.refresh()
        iface.showAttributeTable(crossings)
        QTimer.singleShot(4000, shoot_fault_register)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def shoot_fault_register():
    try:
        for w in QApplication.topLevelWidgets():
            title = w.windowTitle()
            if w.isVisible() and w is not iface.mainWindow() and ("crossings" in title or "交叉" in title):
                w.resize(1400, 500)
                w.grab().save(str(OUT / "fault_crossings_table.png"))
                w.close()
        iface.mainWindow().grab().save(str(OUT / "fault_crossings.png"))
        QTimer.singleShot(0, clusters)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def clusters():
    """Resilience clusters from the toolbar's algorithm, loaded and styled, with the register hidden."""
    try:
        from qgis import processing

        project = QgsProject.instance()
        for node in project.layerTreeRoot().findLayers():
            layer = node.layer()
            if isinstance(layer, QgsVectorLayer) and layer.fields().lookupField("sev_level") >= 0:
                node.setItemVisibilityChecked(False)
        by_table = {lay.source().split("layername=")[-1]: lay for lay in project.mapLayers().values()}
        results = processing.runAndLoadResults(
            "resilience:clusters",
            {
                "INPUT": by_table["street_units"],
                "LIFELINE_ZONES": [by_table["water_zones"], by_table["power_zones"], by_table["gas_zones"]],
                "BARRIERS": [by_table["greenbelts"]],
                "FACILITIES": by_table["facilities"],
                "OUTPUT": "TEMPORARY_OUTPUT",
                "CLUSTERS": "TEMPORARY_OUTPUT",
            },
        )
        layer = project.mapLayer(results["CLUSTERS"]) if isinstance(results["CLUSTERS"], str) else results["CLUSTERS"]
        result["cl_features"] = layer.featureCount()
        result["cl_renderer"] = layer.renderer().type()
        units = project.mapLayer(results["OUTPUT"]) if isinstance(results["OUTPUT"], str) else results["OUTPUT"]
        # one fault fails; the units with their cluster_id (shapely inside QGIS: its GEOS is QGIS's own)
        failure = processing.runAndLoadResults(
            "resilience:corridorfailure",
            {
                "NETWORK": by_table["walking_network"],
                "UNITS": units,
                "CLUSTER_FIELD": "cluster_id",
                "FACILITIES": by_table["facilities"],
                "FAULTS": by_table["faults"],
                "FAULT_MODE": 2,
                "FAULT": "Babaoshan fault",
                "UNITS_OUT": "TEMPORARY_OUTPUT",
                "CRITICAL": "TEMPORARY_OUTPUT",
                "FAILED": "TEMPORARY_OUTPUT",
            },
        )
        access = project.mapLayer(failure["UNITS_OUT"]) if isinstance(failure["UNITS_OUT"], str) else failure["UNITS_OUT"]
        critical = project.mapLayer(failure["CRITICAL"]) if isinstance(failure["CRITICAL"], str) else failure["CRITICAL"]
        result["cf_units"] = access.featureCount()
        result["cf_renderers"] = [access.renderer().type(), critical.renderer().type()]
        result["cf_critical"] = critical.featureCount()
        for lay in (access, critical, project.mapLayer(failure["FAILED"]) if isinstance(failure["FAILED"], str) else failure["FAILED"]):
            node = project.layerTreeRoot().findLayer(lay.id())
            if node is not None:
                node.setItemVisibilityChecked(False)  # the clusters' screenshot stays as it was
        iface.mapCanvas().setExtent(layer.extent())
        iface.mapCanvas().refresh()
        QTimer.singleShot(3000, shoot_clusters)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def shoot_clusters():
    try:
        iface.mainWindow().grab().save(str(OUT / "clusters.png"))
        QTimer.singleShot(0, scorecard)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def scorecard():
    """The scorecard dock scores the units in a background task, as the Score button does."""
    try:
        project = QgsProject.instance()
        for node in project.layerTreeRoot().findLayers():
            layer = node.layer()
            if isinstance(layer, QgsVectorLayer) and layer.fields().lookupField("cluster_id") >= 0:
                node.setItemVisibilityChecked(False)
        dock = plugins["resilience_plugin"].dock
        dock.scoreButton.click()
        QTimer.singleShot(3000, lambda: shoot_scorecard(60))
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def shoot_scorecard(waits_left=0):
    try:
        dock = plugins["resilience_plugin"].dock
        if dock.result is None and waits_left > 0:  # the background task is not done yet (a busy machine): wait on
            QTimer.singleShot(1000, lambda: shoot_scorecard(waits_left - 1))
            return
        result["sc_scored"] = len(dock.raw_ids) if dock.result is not None else 0
        result["sc_columns"] = dock.unitTable.columnCount()
        dock.unitTable.selectRow(0)
        result["sc_zoomed"] = iface.mapCanvas().scale() < 100_000  # choosing a row zoomed to the unit
        scores = dock.style_result_layer()
        result["sc_pdf"] = dock.export_pdf(str(OUT / "scorecard_report.pdf"))  # the atlas report, in real QGIS
        iface.mapCanvas().setExtent(scores.extent())  # back to the whole city for the picture
        iface.mapCanvas().refresh()
        QTimer.singleShot(2500, lambda: (iface.mainWindow().grab().save(str(OUT / "scorecard.png")), QTimer.singleShot(0, third)))
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def third():
    """A menu action opens the algorithm's Processing dialog (modal: a timer closes it)."""

    def close_dialog():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        result["algorithm_dialog"] = dialogs[0].windowTitle() if dialogs else None
        for dialog in dialogs:
            dialog.grab().save(str(OUT / "algorithm_dialog.png"))
            dialog.reject()
        if not dialogs:
            finish(1)  # nothing opened: do not hang

    try:
        plugin = plugins["resilience_plugin"]
        action = next(a for a in plugin.actions if a.objectName() == "resilience_alg_profiletable")
        QTimer.singleShot(2500, close_dialog)
        action.trigger()  # returns when the dialog closes
        finish(0)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


QTimer.singleShot(2500, first)
