"""Runs inside the real QGIS desktop (tests/desktop/launcher.py): a user's path, then quitting as a user quits.

$RP_PATH says which path: ``sample`` (Resilience › Load sample city, by its toolbar action) or ``dock`` (that, then
the scorecard dock scores the units). Then File › Exit, answering QGIS's question about temporary layers with Yes.
The findings go to $RP_OUT/result.json before quitting; the exit code is QGIS's own (issue 29: QGIS 3.40 and 3.44
were seen to crash on quitting after Load sample city)."""

import json
import os
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QToolBar
from qgis.utils import iface, plugins

OUT = Path(os.environ["RP_OUT"])
PATH = os.environ.get("RP_PATH", "sample")
result = {"path": PATH, "answered": []}


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
    QTimer.singleShot(500, quit_as_a_user)


def first():
    try:
        window = iface.mainWindow()
        toolbar = window.findChild(QToolBar, "ResiliencePlannerToolbar")
        plugin = plugins["resilience_plugin"]
        load = next(a for a in toolbar.actions() if a.text() in ("Load sample city", "加载示例城市"))
        load.trigger()
        result["layers"] = len(QgsProject.instance().mapLayers())
        if PATH == "dock":
            plugin.dock_action.trigger()
            plugin.dock.scoreButton.click()
            QTimer.singleShot(500, scored)
            return
        QTimer.singleShot(1500, quit_as_a_user)
    except Exception:
        result["error"] = traceback.format_exc()
        write()
        QgsApplication.exit(1)


QTimer.singleShot(1500, first)
