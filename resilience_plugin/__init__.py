"""Resilience Planner (韧性城市规划工具): a QGIS plugin for the Beijing Resilient City
Spatial Special Plan 2022-2035. QGIS calls :func:`classFactory` when it loads the plugin.

Imports run one way, each folder using only those after it:
plugin.py → gui, demo, models → processing → report → qgisside → core (the library, without QGIS).
"""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    from .plugin import ResiliencePlugin

    return ResiliencePlugin(iface)
