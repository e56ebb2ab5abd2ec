"""Start QGIS without its desktop, with Processing and this plugin's provider (demo, bench, tests)."""

import os
import sys

# The registry owns the provider, but Python must keep its wrapper alive, or the provider
# falls back to the bare C++ class and its algorithms lose their Python side.
_PROVIDER = None


def start_qgis():
    """Initialise QGIS once in this process; return the QgsApplication."""
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QgsApplication([], False)
        app.initQgis()
    plugins = QgsApplication.pkgDataPath() + "/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        from qgis.analysis import QgsNativeAlgorithms

        registry.addProvider(QgsNativeAlgorithms())
    global _PROVIDER
    if registry.providerById("resilience") is None:
        from .provider import ResilienceProvider

        _PROVIDER = ResilienceProvider()
        _PROVIDER.register(registry)
    return app


def stop_provider():
    """Remove the provider start_qgis() registered (tests hand the id over to the plugin)."""
    global _PROVIDER
    from qgis.core import QgsApplication

    if _PROVIDER is not None:
        QgsApplication.processingRegistry().removeProvider(_PROVIDER)
        _PROVIDER = None
