"""`make bench`: timings, ratios against peers and peak memory. Never part of the test suite.

Each line: what was measured, our time, the peer's time and the ratio ours/peer (below 1 is faster),
and the peak resident memory of this process after the step.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def line(name, ours, peer=None, peer_name=""):
    ratio = f"{ours / peer:6.2f}x vs {peer_name} ({peer * 1000:8.1f} ms)" if peer else ""
    print(f"{name:<46} {ours * 1000:9.1f} ms  {ratio:<48} peak {peak_mb():7.1f} MB", flush=True)


class StubIface:
    """Just enough of QgisInterface for the plugin's lifecycle."""

    def __init__(self, window):
        from qgis.gui import QgsMapCanvas, QgsMessageBar

        self.window, self.canvas, self.bar = window, QgsMapCanvas(window), QgsMessageBar(window)

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def addToolBar(self, name):  # noqa: N802
        return self.window.addToolBar(name)

    def helpMenu(self):  # noqa: N802
        return None

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)


def main() -> int:
    from resilience_plugin.core.profile import load_profile
    from resilience_plugin.core.samplecity import build_sample_city

    print(f"{'benchmark':<46} {'ours':>12}  {'peer':<48} memory")
    line("core: load and validate the plan profile", timed(load_profile, 20))
    line("core: generate the sample city", timed(build_sample_city, 1))

    from resilience_plugin.standalone import start_qgis

    app = start_qgis()
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtWidgets import QMainWindow

    from resilience_plugin.standalone import stop_provider

    stop_provider()
    window = QMainWindow()
    iface = StubIface(window)

    def load_plugin():
        for name in [m for m in sys.modules if m.startswith("resilience_plugin") and m != "resilience_plugin.standalone"]:
            del sys.modules[name]
        import resilience_plugin

        plugin = resilience_plugin.classFactory(iface)
        plugin.initGui()
        plugin.unload()

    line("plugin: import + initGui + unload (cold modules)", timed(load_plugin, 5))

    from resilience_plugin.sample import load_sample_city

    line("plugin: load the styled sample city (14 layers)", timed(lambda: (QgsProject.instance().clear(), load_sample_city()), 3))

    from qgis import processing

    from resilience_plugin.core.paths import sample_city_path
    from resilience_plugin.standalone import start_qgis as again

    again()
    out = Path(tempfile.mkdtemp())
    network = f"{sample_city_path()}|layername=walking_network"
    ours = timed(lambda: processing.run("resilience:samplelayer", {"LAYER": 4, "OUTPUT": str(out / "a.gpkg")}), 3)
    peer = (
        timed(lambda: processing.run("native:savefeatures", {"INPUT": network, "OUTPUT": str(out / "b.gpkg")}), 3)
        if QgsApplication.processingRegistry().algorithmById("native:savefeatures")
        else timed(
            lambda: processing.run(
                "native:extractbyexpression", {"INPUT": network, "EXPRESSION": "true", "OUTPUT": str(out / "b.gpkg")}
            ),
            3,
        )
    )
    line("samplelayer: 20k-segment network to GeoPackage", ours, peer, "native copy")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
