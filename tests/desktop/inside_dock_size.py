"""Runs inside the real QGIS desktop (tests/desktop/launcher.py) on a small screen: the scorecard dock as it first
opens, inputs unfolded, and what it asks of the main window (issue 29: it asked 798 px and pushed the window to 971
px on a 1366×768 screen). Writes $RP_OUT/result.json and a screenshot."""

import json
import os
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

OUT = Path(os.environ["RP_OUT"])
result = {}


def first():
    plugins["resilience_plugin"].toggle_dock(True)
    QTimer.singleShot(2500, look)


def look():
    window, dock = iface.mainWindow(), plugins["resilience_plugin"].dock
    result["screen_h"] = QApplication.primaryScreen().geometry().height()
    result["window_h"] = window.frameGeometry().height()
    result["dock_visible"] = dock.isVisible()
    result["dock_min_h"] = dock.minimumSizeHint().height()
    result["inputs_unfolded"] = not dock.inputsBox.isCollapsed()
    result["dock_w"] = dock.width()
    window.grab().save(str(OUT / "dock_small_screen.png"))
    (OUT / "result.json").write_text(json.dumps(result), encoding="utf-8")
    QgsProject.instance().clear()
    QgsApplication.exit(0)


QTimer.singleShot(1500, first)
