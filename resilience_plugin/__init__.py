"""Resilience Planner (韧性城市规划工具): a QGIS plugin for the Beijing Resilient City
Spatial Special Plan 2022-2035. QGIS calls :func:`classFactory` when it loads the plugin."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    from .plugin import ResiliencePlugin

    return ResiliencePlugin(iface)
