"""Plugin lifecycle: translator, Processing provider, toolbar, menu, dock."""

from typing import List, Optional

from qgis.core import QgsApplication, QgsMessageLog
from qgis.gui import QgsLayerTreeMapCanvasBridge
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolButton

from .core.paths import resources_dir
from .qgisside import deps
from .qgisside.compat import MESSAGE_CRITICAL, MESSAGE_SUCCESS, MESSAGE_WARNING, QAction
from .qgisside.translation import install_translator, qgis_locale, remove_translator, translate

LOG_TAG = "Resilience Planner"
PLUGIN_MENU_OBJECT = "ResiliencePlannerMenu"
TOOLBAR_OBJECT = "ResiliencePlannerToolbar"


def _icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / name
    return QIcon(str(path)) if path.is_file() else QgsApplication.getThemeIcon(name)


class ResiliencePlugin:
    def __init__(self, iface):  # noqa: QGS105 - classFactory(iface) is how QGIS hands it over
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.menu: Optional[QMenu] = None
        self.algorithm_menu: Optional[QMenu] = None
        self.dock = None
        self.dock_action: Optional[QAction] = None
        self.missing = deps.check_runtime()
        self._bridge_slot = None

    # ------------------------------------------------------------ helpers
    def tr(self, text: str) -> str:
        return translate(type(self).__name__, text)

    def add_action(self, icon, text, callback, menu=None, toolbar=True, checkable=False, object_name=""):
        """Create an action, record it, and place it in the menu and toolbar."""
        action = QAction(icon, text, self.iface.mainWindow())
        action.setObjectName(object_name or text)
        action.setCheckable(checkable)
        action.triggered.connect(callback)
        (menu or self.menu).addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _dependencies_ok(self) -> bool:
        if not self.missing:
            optional = deps.check_optional()
            if optional:  # the plugin runs; siting and network searches say so again when asked for
                text = deps.optional_report(optional)
                QgsMessageLog.logMessage(text, LOG_TAG, MESSAGE_WARNING)
                self.iface.messageBar().pushMessage(self.tr("Resilience Planner"), text, level=MESSAGE_WARNING, duration=15)
            return True
        text = deps.report(self.missing)
        QgsMessageLog.logMessage(text, LOG_TAG, MESSAGE_CRITICAL)
        self.iface.messageBar().pushMessage(self.tr("Resilience Planner cannot run"), text, level=MESSAGE_CRITICAL, duration=0)
        return False

    # ------------------------------------------------------------ lifecycle
    def initProcessing(self):  # noqa: N802 - QGIS API
        if self.missing or self.provider is not None:
            return
        from .processing.provider import ResilienceProvider

        provider = ResilienceProvider()
        if provider.register(QgsApplication.processingRegistry()):
            self.provider = provider
        else:
            QgsMessageLog.logMessage(
                "A Processing provider with id 'resilience' is already registered; is the plugin installed twice?",
                LOG_TAG,
                MESSAGE_CRITICAL,
            )

    def initGui(self):  # noqa: N802 - QGIS API
        if self.translator is None:
            self.translator = install_translator()
        self.initProcessing()
        main = self.iface.mainWindow()
        self.toolbar = self.iface.addToolBar(self.tr("Resilience"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT)
        self.menu = QMenu(self.tr("&Resilience"), main)
        self.menu.setObjectName(PLUGIN_MENU_OBJECT)
        menubar = main.menuBar()
        help_menu = self.iface.helpMenu()
        if isinstance(help_menu, QMenu) and help_menu.menuAction() in menubar.actions():
            menubar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menubar.addMenu(self.menu)

        self.dock_action = self.add_action(
            _icon("scorecard.svg"),
            self.tr("Street/town unit scorecard"),
            self.toggle_dock,
            checkable=True,
            object_name="resilience_scorecard",
        )
        self.algorithm_menu = QMenu(self.tr("Analysis tools"), self.menu)
        self.algorithm_menu.setObjectName("ResiliencePlannerAlgorithms")
        self.algorithm_menu.setIcon(_icon("icon.svg"))
        self.menu.addMenu(self.algorithm_menu)
        self._add_algorithm_actions()
        self.menu.addSeparator()
        self.add_action(
            _icon("sample.svg"),
            self.tr("Load sample city"),
            self.load_sample_city,
            object_name="resilience_load_sample",
        )
        self.add_action(
            _icon("profile.svg"),
            self.tr("Plan profile…"),
            self.open_profile_dialog,
            object_name="resilience_profile",
        )
        self.menu.addSeparator()
        self.add_action(_icon("help.svg"), self.tr("Help"), self.open_help, toolbar=False, object_name="resilience_help")
        self._dependencies_ok()

    def _add_algorithm_actions(self):
        """One action per registered algorithm, in the menu and in a toolbar drop-down."""
        button = QToolButton(self.toolbar)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setIcon(_icon("icon.svg"))
        button.setToolTip(self.tr("Analysis tools"))
        button.setMenu(self.algorithm_menu)
        self.actions.append(self.toolbar.addWidget(button))
        if self.provider is None:
            return
        from .processing.provider import TOOLBAR_ALGORITHMS

        registry = QgsApplication.processingRegistry()
        for name, icon in TOOLBAR_ALGORITHMS:
            alg = registry.algorithmById(f"resilience:{name}")
            if alg is not None:
                self.add_action(
                    _icon(icon),
                    alg.displayName() + "…",
                    lambda _checked=False, a=alg.id(): self.run_algorithm(a),
                    menu=self.menu,
                    object_name=f"resilience_tool_{name}",
                )
        for alg in sorted(self.provider.algorithms(), key=lambda a: (a.group(), a.displayName())):
            alg_id = alg.id()
            self.add_action(
                alg.icon(),
                alg.displayName() + "…",
                lambda _checked=False, a=alg_id: self.run_algorithm(a),
                menu=self.algorithm_menu,
                toolbar=False,
                object_name=f"resilience_alg_{alg.name()}",
            )

    def unload(self):
        self._disconnect_bridge()
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.close_and_disconnect()
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        self.dock_action = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
            self.algorithm_menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
        release_idle_threads()

    # ------------------------------------------------------------ actions
    def toggle_dock(self, checked=None):
        if not self._dependencies_ok():
            self.dock_action.setChecked(False)
            return
        if self.dock is None:
            from .gui.scorecard_dock import ScorecardDock

            self.dock = ScorecardDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.dock_action.setChecked)
        visible = self.dock_action.isChecked() if checked is None else bool(checked)
        self.dock.setUserVisible(visible)

    def run_algorithm(self, algorithm_id: str):
        if not self._dependencies_ok():
            return
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def load_sample_city(self):
        if not self._dependencies_ok():
            return
        from qgis.core import QgsProject

        from .qgisside.sample import load_sample_city

        project = QgsProject.instance()
        was_empty = not project.mapLayers()
        try:
            layers = load_sample_city(project, chinese=qgis_locale().lower().startswith("zh"))
        except (OSError, RuntimeError) as exc:
            self.iface.messageBar().pushMessage(self.tr("Load sample city"), str(exc), level=MESSAGE_CRITICAL)
            return
        districts = next(layer for layer in layers if layer.source().endswith("layername=districts"))
        bridge = self.iface.layerTreeCanvasBridge()
        if was_empty and isinstance(bridge, QgsLayerTreeMapCanvasBridge):
            # The bridge gives an empty project the CRS of the top layer (the WGS84 facilities)
            # in a deferred update: once it has run, restore the metric CRS and zoom.
            self._disconnect_bridge()

            def after_bridge(*_args):
                self._disconnect_bridge(keep_reference=True)  # the slot must outlive its own call
                project.setCrs(districts.crs())
                self._zoom_to(districts)

            self._bridge_slot = (bridge, after_bridge)
            bridge.canvasLayersChanged.connect(after_bridge)
        else:
            self._zoom_to(districts)
        self.iface.messageBar().pushMessage(
            self.tr("Load sample city"),
            self.tr("Loaded {0} layers of the synthetic, schematic sample city. It is not real data.").format(len(layers)),
            level=MESSAGE_SUCCESS,
            duration=8,
        )

    def _disconnect_bridge(self, keep_reference: bool = False):
        if self._bridge_slot is None:
            return
        bridge, slot = self._bridge_slot
        try:
            bridge.canvasLayersChanged.disconnect(slot)
        except (TypeError, RuntimeError):
            pass
        if not keep_reference:
            self._bridge_slot = None

    def _zoom_to(self, layer):
        from qgis.core import QgsCoordinateTransform, QgsProject

        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        canvas.setExtent(transform.transformBoundingBox(layer.extent()))
        canvas.refresh()

    def open_profile_dialog(self):
        if not self._dependencies_ok():
            return
        from .gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.iface.mainWindow())
        dialog.exec()

    def open_help(self):
        chinese = qgis_locale().lower().startswith("zh")
        page = resources_dir() / "help" / ("index_zh.html" if chinese else "index.html")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))


def release_idle_threads() -> bool:
    """End the idle threads of the thread pools QGIS runs its tasks in (Qt's global pool; on QGIS >= 3.24 or so also
    the task manager's own), leaving what runs alone: nothing waits. QGIS unloads plugins as it quits, and then
    destroys its authentication manager; on QGIS 3.40 before the fix of qgis/QGIS#62429 (Debian 13 ships 3.40.6), a
    pooled thread that once read the authentication database (any network request does: the news feed at start-up,
    a web layer) and is still alive then runs a clean-up of the destroyed manager when it ends, and QGIS crashes on
    quitting. Ended here, while the manager lives, they clean up safely; the pools start new threads as they are
    needed. True when every pool was idle and its threads ended."""
    from qgis.PyQt.QtCore import QThreadPool

    pools = [QThreadPool.globalInstance(), *QgsApplication.taskManager().findChildren(QThreadPool)]
    return all([pool.waitForDone(0) for pool in pools])
