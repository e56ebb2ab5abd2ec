"""The street/town unit scorecard dock (韧性街镇单元, 第50-52条).

It lists the units of a chosen polygon layer, tied to the map: selecting rows selects
the features, selecting features on the map selects the rows, double-clicking a row
zooms to it. It shows name, code, district, population, area and density, and (see
scoring_panel) scores every unit against the plan's targets.
"""

from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QFrame, QHeaderView, QScrollArea, QTableWidgetItem

from ..core.fields import guess_field
from ..qgisside.compat import ALIGN_RIGHT_VCENTER, GEOMETRY_POLYGON, LAYER_FILTER_POLYGON, SORT_ROLE, USER_ROLE
from ..qgisside.translation import qgis_locale, translate
from .items import NumericItem
from .scoring_panel import ScoringPanel
from .ui_loader import load_ui

FORM_CLASS = load_ui("scorecard_dock")


def _number(value) -> Optional[float]:
    try:
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            return None
        return float(value)
    except (TypeError, ValueError):
        return None


class ScorecardDock(ScoringPanel, QgsDockWidget, FORM_CLASS):
    ID_ROLE = USER_ROLE

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("ResiliencePlannerScorecardDock")
        from qgis.utils import iface

        self.iface = iface
        self.layer: Optional[QgsVectorLayer] = None
        self._syncing = False
        self._rows_by_id: Dict[int, int] = {}
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)

        self.layerCombo.setFilters(LAYER_FILTER_POLYGON)
        self.layerCombo.setAllowEmptyLayer(True)
        self.unitTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.unitTable.horizontalHeader().setStretchLastSection(True)
        self.unitTable.verticalHeader().setVisible(False)

        self.layerCombo.layerChanged.connect(self.set_layer)
        self.nameFieldCombo.fieldChanged.connect(self._schedule_refresh)
        self.populationFieldCombo.fieldChanged.connect(self._schedule_refresh)
        self.filterEdit.textChanged.connect(self.apply_filter)
        self.unitTable.itemSelectionChanged.connect(self._table_selection_changed)
        self.unitTable.cellDoubleClicked.connect(self._zoom_to_row)
        self.zoomButton.clicked.connect(self.zoom_to_selection)

        self._base_columns = 6
        self.setup_scoring()
        self._fit_small_screens()
        self.set_layer(self._initial_layer())

    def _fit_small_screens(self):
        """The dock's content in a scroll area. Unfolded, the inputs, the table and the unit card ask about 860 px;
        a 1366×768 screen leaves the dock about 600, and QGIS would grow its main window past the screen to make room
        (issue 29). Scrolled, the dock takes the height there is; once scored, the inputs fold and all of it fits."""
        inner = self.widget()
        scroll = QScrollArea(self)
        scroll.setObjectName("ResiliencePlannerScorecardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it scrolls up and down only
        scroll.setWidget(inner)
        # as wide as its content wants (the dock kept that width before it scrolled), a scroll bar's width more
        scroll.setMinimumWidth(inner.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        self.setWidget(scroll)

    def tr(self, text: str) -> str:
        return translate(type(self).__name__, text)

    UNIT_WORDS = ("街道", "街镇", "乡镇", "单元", "street", "unit", "town")

    def _initial_layer(self):
        """The sample's units, else the first polygon layer whose name says it holds street/town units."""
        current = self.layerCombo.currentLayer()
        layers = [lay for lay in QgsProject.instance().mapLayers().values() if isinstance(lay, QgsVectorLayer)]
        sample = [lay for lay in layers if "layername=street_units" in lay.source()]
        named = [lay for lay in layers if lay.geometryType() == GEOMETRY_POLYGON and any(w in lay.name().lower() for w in self.UNIT_WORDS)]
        for layer in sample + named:
            self.layerCombo.setLayer(layer)
            return layer
        return current

    # ------------------------------------------------------------ layer wiring
    def _layer_signals(self, layer):
        return (
            (layer.selectionChanged, self._layer_selection_changed),
            (layer.featureAdded, self._schedule_refresh),
            (layer.featuresDeleted, self._schedule_refresh),
            (layer.attributeValueChanged, self._schedule_refresh),
            (layer.geometryChanged, self._schedule_refresh),
            (layer.willBeDeleted, self._layer_deleted),
        )

    def _disconnect_layer(self):
        if self.layer is None:
            return
        if sip.isdeleted(self.layer):  # removed from the project: its signals went with it
            self.layer = None
            return
        for signal, slot in self._layer_signals(self.layer):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self.layer = None

    def _layer_deleted(self):
        self._disconnect_layer()
        self.unitTable.setRowCount(0)

    def set_layer(self, layer):
        self._disconnect_layer()
        self.raw, self.result, self.raw_ids = None, None, []
        self.layer = layer if isinstance(layer, QgsVectorLayer) else None
        self.nameFieldCombo.setLayer(self.layer)
        self.populationFieldCombo.setLayer(self.layer)
        if self.layer is not None:
            names = self.layer.fields().names()
            chinese = qgis_locale().lower().startswith("zh")
            self.nameFieldCombo.setField(guess_field("name", names, chinese=chinese) or "")
            self.populationFieldCombo.setField(guess_field("population", names) or "")
            for signal, slot in self._layer_signals(self.layer):
                signal.connect(slot)
            self._say_garbled_names()
        self.refresh()

    def _say_garbled_names(self):
        """Field names that are GBK read in the wrong encoding (issue 29): said with the remedy as the layer is chosen,
        before a garbled name is offered for a field."""
        from ..qgisside.compat import MESSAGE_WARNING
        from ..qgisside.io import garbled_names_message

        said = garbled_names_message(self.layer, self.layer.name())
        if said:
            self._message(said, MESSAGE_WARNING)

    def close_and_disconnect(self):
        """Called by the plugin on unload: leave no connection to a layer or the project behind."""
        self._refresh_timer.stop()
        self._disconnect_layer()
        self.disconnect_scoring()

    def closeEvent(self, event):  # noqa: N802 - Qt API
        self._refresh_timer.stop()
        super().closeEvent(event)

    def _schedule_refresh(self, *args):
        self._refresh_timer.start()

    # ------------------------------------------------------------ table
    def refresh(self):
        # clearing and refilling the table must not clear the map selection
        self._syncing = True
        try:
            self._fill_table()
        finally:
            self._syncing = False
        self._layer_selection_changed()

    def _fill_table(self):
        table = self.unitTable
        table.setSortingEnabled(False)
        table.clear()
        self._rows_by_id = {}
        layer = self.layer
        if layer is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            self.summaryLabel.setText(self.tr("Choose a polygon layer of street/town units."))
            return
        names = layer.fields().names()
        name_field = self.nameFieldCombo.currentField()
        pop_field = self.populationFieldCombo.currentField()
        code_field = guess_field("code", names) or ""
        district_field = guess_field("district", names) or ""
        headers = [
            self.tr("Unit"),
            self.tr("Population"),
            self.tr("Area (km²)"),
            self.tr("Density (/km²)"),
            self.tr("Code"),
            self.tr("District"),
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)

        area = QgsDistanceArea()
        area.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
        if not area.setEllipsoid(QgsProject.instance().ellipsoid() or "EPSG:7019"):
            area.setEllipsoid("NONE")  # noqa: QGS201 - "NONE" (planimetric) always succeeds

        features = list(layer.getFeatures(QgsFeatureRequest()))
        table.setRowCount(len(features))
        total_pop, bad_pop = 0.0, 0
        for row, f in enumerate(features):
            name = f[name_field] if name_field else None
            label = (
                str(name)
                if name not in (None, "") and not (hasattr(name, "isNull") and name.isNull())
                else self.tr("(unnamed, id {0})").format(f.id())
            )
            pop = _number(f[pop_field]) if pop_field else None
            if pop_field and (pop is None or pop < 0):
                bad_pop += 1
                pop = None
            km2 = area.measureArea(f.geometry()) / 1e6 if f.hasGeometry() else None
            density = pop / km2 if pop is not None and km2 else None
            if pop is not None:
                total_pop += pop
            item = QTableWidgetItem(label)
            item.setData(self.ID_ROLE, f.id())
            table.setItem(row, 0, item)
            table.setItem(row, 4, QTableWidgetItem(str(f[code_field]) if code_field else ""))
            table.setItem(row, 5, QTableWidgetItem(str(f[district_field]) if district_field else ""))
            for col, value, fmt in ((1, pop, "{:,.0f}"), (2, km2, "{:,.2f}"), (3, density, "{:,.0f}")):
                cell = NumericItem("—" if value is None else fmt.format(value))
                cell.setData(SORT_ROLE, value)
                cell.setTextAlignment(ALIGN_RIGHT_VCENTER)
                table.setItem(row, col, cell)
            self._rows_by_id[f.id()] = row
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        text = self.tr("{0} units · population {1:,.0f}").format(len(features), total_pop)
        if bad_pop:
            text += " · " + self.tr("{0} without a valid population in field '{1}'").format(bad_pop, pop_field)
        self.summaryLabel.setText(text)
        self.fill_district_filter()
        self.apply_filter(self.filterEdit.text())
        if self.raw is not None and len(self.raw_ids) == len(features):
            self._fill_scores()

    def apply_filter(self, text: str):
        """Filter by name, code or district text, and by the class and type chosen above the table."""
        text = (text or "").strip().lower()
        table = self.unitTable
        for row in range(table.rowCount()):
            hay = " ".join(table.item(row, c).text().lower() for c in (0, 4, 5) if table.item(row, c))
            table.setRowHidden(row, (bool(text) and text not in hay) or self.score_filter_hides(row))

    def _row_ids(self, rows) -> List[int]:
        return [self.unitTable.item(r, 0).data(self.ID_ROLE) for r in rows if self.unitTable.item(r, 0)]

    # ------------------------------------------------------------ selection sync
    def _table_selection_changed(self):
        if self._syncing or self.layer is None:
            return
        rows = {index.row() for index in self.unitTable.selectionModel().selectedRows()}
        self._syncing = True
        try:
            self.layer.selectByIds(self._row_ids(rows))
        finally:
            self._syncing = False
        if len(rows) == 1:  # one unit chosen in the table: go to it
            self.zoom_to_selection()

    def _layer_selection_changed(self, *args):
        if self._syncing or self.layer is None:
            return
        self._syncing = True
        try:
            table = self.unitTable
            table.clearSelection()
            selected = set(self.layer.selectedFeatureIds())
            model = table.selectionModel()
            from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel

            selection = QItemSelection()
            for row in range(table.rowCount()):
                item = table.item(row, 0)
                if item is not None and item.data(self.ID_ROLE) in selected:
                    selection.select(table.model().index(row, 0), table.model().index(row, table.columnCount() - 1))
            model.select(selection, QItemSelectionModel.SelectionFlag.Select)
        finally:
            self._syncing = False

    def _zoom_to_row(self, row: int, _column: int = 0):
        ids = self._row_ids([row])
        if ids and self.layer is not None:
            self.layer.selectByIds(ids)
            self.zoom_to_selection()

    def zoom_to_selection(self):
        if self.layer is None or not self.layer.selectedFeatureCount():
            return
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(self.layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = transform.transformBoundingBox(self.layer.boundingBoxOfSelected())
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
