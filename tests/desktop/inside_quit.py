"""Runs inside the real QGIS desktop (tests/desktop/launcher.py): a user's path, then quitting as a user quits.

$RP_PATH says which path, each after Resilience › Load sample city (by its toolbar action): ``sample`` (nothing more),
``dock`` (the scorecard dock scores the units), ``whatif`` (the dock scores, then scores again with new sites in its
What if, then writes its PDF report) or ``dialogs`` (every algorithm run from its own Processing dialog in turn, as a
user fills and runs it, its outputs loaded into the project as the dialog loads them, the atlas report among them).
Then File › Exit, answering QGIS's question about temporary layers with Yes. A message box that an algorithm's dialog
opens (a parameter refused, say) is recorded and answered.
The findings go to $RP_OUT/result.json before quitting; the exit code is QGIS's own (issue 29: QGIS 3.40 and 3.44
were seen to crash on quitting after Load sample city)."""

import json
import os
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QToolBar
from qgis.utils import iface, plugins

OUT = Path(os.environ["RP_OUT"])
PATH = os.environ.get("RP_PATH", "sample")
result = {"path": PATH, "answered": [], "boxes": [], "runs": []}
KEEP = []  # the dialogs, alive until QGIS quits


def write():
    (OUT / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def answer_yes():
    """QGIS asks before closing a project with temporary layers: Yes, as a user who is done."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.button(QMessageBox.StandardButton.Yes) is not None:
        result["answered"].append(box.text()[:80])
        write()
        box.button(QMessageBox.StandardButton.Yes).click()
    QTimer.singleShot(500, answer_yes)


def quit_as_a_user():
    QgsProject.instance().setDirty(False)  # nothing to save: the question left is about temporary layers
    result["quitting"] = True
    write()
    QTimer.singleShot(300, answer_yes)
    iface.actionExit().trigger()


def scored(tries=[0]):  # noqa: B006 - the count of checks so far
    dock = plugins["resilience_plugin"].dock
    tries[0] += 1
    if (dock is None or dock.result is None) and tries[0] < 120:  # scored in a background task
        QTimer.singleShot(500, scored)
        return
    result["scored"] = len(dock.raw_ids) if dock is not None and dock.result is not None else 0
    if PATH == "whatif" and "whatif" not in result:
        QTimer.singleShot(500, what_if)
        return
    QTimer.singleShot(500, quit_as_a_user)


def what_if():
    """Three new sites (parks with shelter area) at three units' centres in What if, scored again, then the PDF."""
    try:
        dock = plugins["resilience_plugin"].dock
        units = dock.layer  # the units it scored
        crs = units.crs().authid()
        sites = QgsVectorLayer(f"Point?crs={crs}&field=category:string&field=shelter_area_m2:double", "新场地", "memory")
        feats = []
        for k, f in enumerate(units.getFeatures()):
            if k >= 3:
                break
            g = QgsFeature(sites.fields())
            g.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(f.geometry().pointOnSurface().asPoint())))
            g.setAttributes(["park", 20000.0])
            feats.append(g)
        sites.dataProvider().addFeatures(feats)
        QgsProject.instance().addMapLayer(sites)
        dock.result = None
        dock.inputCombos["whatif"].setLayer(sites)
        result["whatif"] = True
        dock.scoreButton.click()
        QTimer.singleShot(500, rescored)
    except Exception:
        result["error"] = traceback.format_exc()
        write()
        QgsApplication.exit(1)


def rescored(tries=[0]):  # noqa: B006 - the count of checks so far
    dock = plugins["resilience_plugin"].dock
    tries[0] += 1
    if dock.result is None and tries[0] < 120:
        QTimer.singleShot(500, rescored)
        return
    try:
        result["rescored"] = dock.result is not None and dock.result_before is not None
        if result["rescored"]:  # units whose score the new sites changed
            result["changed"] = int((abs(dock.result.score - dock.result_before.score) > 1e-9).sum())
        pdf = dock.export_pdf(str(OUT / "dock_report.pdf"))
        result["pdf"] = bool(pdf) and Path(pdf).is_file() and Path(pdf).stat().st_size > 10_000
    except Exception:
        result["error"] = traceback.format_exc()
    write()
    QTimer.singleShot(500, quit_as_a_user)


def watch_boxes():
    """A message box an algorithm's dialog opens: recorded, and answered Yes or OK."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and not result.get("quitting"):
        result["boxes"].append(f"{box.windowTitle()}: {box.text()[:200]}")
        write()
        button = box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Ok)
        if button is not None:
            button.click()
    QTimer.singleShot(400, watch_boxes)


def dialog_runs():
    """(algorithm id, parameters) of every algorithm, each after those whose outputs it takes, as the demo runs them:
    its outputs as files in $RP_OUT."""
    from resilience_plugin.demo.run import _in_dependency_order, with_demo_inputs
    from resilience_plugin.processing.provider import ALGORITHMS
    from resilience_plugin.qgisside.sample import working_copy

    sample = str(working_copy())
    runs, produced = [], {}
    for cls in _in_dependency_order(ALGORITHMS, sample):
        alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{cls().name()}")
        outputs = {
            d.name(): str(OUT / f"{alg.name()}_{d.name()}.{d.defaultFileExtension() or 'gpkg'}")
            for d in alg.destinationParameterDefinitions()
        }
        for key, path in outputs.items():
            produced[f"{alg.name()}:{key}"] = path
        runs.append((alg.id(), {**with_demo_inputs(cls().demo_parameters(sample), produced), **outputs}))
    return runs


def run_dialogs():
    """Every algorithm from its own dialog, one after another; then quit."""
    from qgis import processing

    if not QUEUE:
        result["dialogs_done"] = True
        layers = QgsProject.instance().mapLayers().values()
        result["outputs_loaded"] = sum(str(OUT) in lyr.source() for lyr in layers)  # as the dialogs load them
        result["outputs_made"] = sum(len(r.get("outputs", [])) for r in result["runs"])
        write()
        QTimer.singleShot(1000, quit_as_a_user)
        return
    alg_id, params = QUEUE.pop(0)
    entry = {"alg": alg_id, "ok": None}
    result["runs"].append(entry)
    write()
    try:
        dialog = processing.createAlgorithmDialog(alg_id, params)
        KEEP.append(dialog)
        dialog.show()
        state = {"done": False}

        def finished(ok, results, state=state, entry=entry):
            if state["done"]:
                return
            state["done"] = True
            entry["ok"] = bool(ok)
            entry["outputs"] = sorted(k for k, v in (results or {}).items() if v)
            write()
            QTimer.singleShot(300, dialog.close)
            QTimer.singleShot(800, run_dialogs)

        def too_long(state=state, entry=entry):
            if not state["done"]:
                state["done"] = True
                entry["ok"] = False
                entry["timed_out"] = True
                write()
                dialog.close()
                QTimer.singleShot(800, run_dialogs)

        dialog.algorithmFinished.connect(finished)
        QTimer.singleShot(180_000, too_long)
        dialog.runAlgorithm()  # as its Run button does: in a background task, or here for the report
    except Exception:
        entry["ok"] = False
        entry["error"] = traceback.format_exc()
        write()
        QTimer.singleShot(800, run_dialogs)


QUEUE = []


def first():
    try:
        window = iface.mainWindow()
        toolbar = window.findChild(QToolBar, "ResiliencePlannerToolbar")
        plugin = plugins["resilience_plugin"]
        load = next(a for a in toolbar.actions() if a.text() in ("Load sample city", "加载示例城市"))
        load.trigger()
        result["layers"] = len(QgsProject.instance().mapLayers())
        if PATH in ("dock", "whatif"):
            plugin.dock_action.trigger()
            plugin.dock.scoreButton.click()
            QTimer.singleShot(500, scored)
            return
        if PATH == "dialogs":
            QUEUE.extend(dialog_runs())
            result["planned"] = len(QUEUE)
            write()
            watch_boxes()
            QTimer.singleShot(500, run_dialogs)
            return
        QTimer.singleShot(1500, quit_as_a_user)
    except Exception:
        result["error"] = traceback.format_exc()
        write()
        QgsApplication.exit(1)


QTimer.singleShot(1500, first)
