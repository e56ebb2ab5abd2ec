"""The scoring part of the scorecard dock: inputs, a background scoring task, the score columns, the unit card,
weights edited in place with instant recompute, rank sensitivity, a styled result layer, CSV and HTML export,
and the dock's state in the project.

The raw indicator values are computed once per run (core.scoring.indicators, in a QgsTask); a weight edit only
re-runs core.scoring.score on them, which takes milliseconds.
"""

import csv
import html
import json
from typing import Dict, List, Optional

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from ..core import scoring as sc
from ..core.fields import guess_field
from ..qgisside.compat import (
    ALIGN_RIGHT_VCENTER,
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    LAYER_FILTER_LINE,
    LAYER_FILTER_POINT,
    LAYER_FILTER_POLYGON,
    LAYER_FILTER_RASTER,
    MESSAGE_CRITICAL,
    MESSAGE_INFO,
    MESSAGE_SUCCESS,
    MESSAGE_WARNING,
    SORT_ROLE,
)
from ..qgisside.io import display_name, id_list, make_fields, numbers, polygons_only, read_source, shelter_areas, text
from ..qgisside.rasters import KIND_LABELS
from ..qgisside.translation import class_label, core_message, core_text, indicator_label, speaks_chinese, translate, type_label
from .items import NumericItem

PROJECT_SCOPE = "resilience_plugin"
# the geometry each scoring input takes (its combo's filter)
INPUT_GEOMETRY = {
    "faults": GEOMETRY_LINE,
    "flood": GEOMETRY_POLYGON,
    "geohazards": GEOMETRY_POINT,
    "facilities": GEOMETRY_POINT,
    "whatif": GEOMETRY_POINT,
    "scenario": GEOMETRY_POLYGON,
}
PASS_COLOUR, FAIL_COLOUR = QColor("#c7e9c0"), QColor("#fcbba1")


class ScoringPanel:
    """Mixed into ScorecardDock; uses its unitTable, layer, iface and the ``_rows_by_id`` map."""

    SCORE_COLUMNS = ("score", "class", "type", "rank", "rank ±20 %")

    # ------------------------------------------------------------ building the widgets
    def setup_scoring(self):
        """Build the scoring part of the dock, in the order its widgets are made and placed, and wire it up."""
        self._init_scoring_state()
        box = QgsCollapsibleGroupBox(translate("ScorecardDock", "Scoring inputs (第51条)"), self)
        self.inputsBox = box
        form = QFormLayout(box)
        self._add_layer_inputs(box, form)
        self._add_facility_and_population_inputs(box, form)
        self.inputCombos["facilities"].layerChanged.connect(self._facilities_changed)
        self._add_score_buttons(box, form)
        exports = self._export_buttons()
        filters = self._filter_combos()
        self._make_weights_and_card()
        self._place_scoring_widgets(box, filters, exports)
        self._fill_weights()
        self._connect_scoring()
        self._guess_inputs()

    def _init_scoring_state(self):
        """The dock's plan profile (the one chosen for new runs, else the built-in one), its weights and targets,
        and the empty state of a dock that has not scored yet."""
        from ..core.profile import ProfileError, load_profile
        from ..core.scoring import targets
        from ..qgisside.settings import active_profile_path

        try:
            self.profile = load_profile(active_profile_path() or None)
        except ProfileError as exc:  # the profile chosen for new runs was moved or broken since
            self.profile = load_profile()
            self._message(
                translate("ScorecardDock", "The chosen plan profile cannot be used, so the built-in one is: {0}").format(core_message(exc)),
                MESSAGE_WARNING,
            )

        self.weights: Dict[str, Dict[str, float]] = json.loads(json.dumps(self.profile.value("scoring.dimensions")))
        self.targets: Dict[str, float] = targets(self.profile)
        self.raw: Optional[Dict[str, np.ndarray]] = None
        self.raw_ids: List[int] = []
        self.skipped: Dict[str, str] = {}  # indicator -> why it was not assessed (core.scoring.NOT_ASSESSED)
        self.result: Optional[sc.Scores] = None
        self.raw_before: Optional[Dict[str, np.ndarray]] = None  # what if: the indicators without the new sites
        self.result_before: Optional[sc.Scores] = None
        self.sensitivity: Optional[np.ndarray] = None
        self.task: Optional[QgsTask] = None
        self.result_layer: Optional[QgsVectorLayer] = None
        self.pdfProgress = None  # the progress dialog while a PDF report is written

    def _add_layer_inputs(self, box, form):
        """The six layer combos of the inputs box (faults … scenario), each filtered to the geometry it takes."""
        self.inputCombos, self.inputLabels = {}, {}
        for key, label, flt in (
            ("faults", translate("ScorecardDock", "Active faults"), LAYER_FILTER_LINE),
            ("flood", translate("ScorecardDock", "Flood-risk zones"), LAYER_FILTER_POLYGON),
            ("geohazards", translate("ScorecardDock", "Geological hazard points"), LAYER_FILTER_POINT),
            ("facilities", translate("ScorecardDock", "Facilities"), LAYER_FILTER_POINT),
            ("whatif", translate("ScorecardDock", "What if: new sites"), LAYER_FILTER_POINT),
            ("scenario", translate("ScorecardDock", "Scenario: units' access"), LAYER_FILTER_POLYGON),
        ):
            combo = QgsMapLayerComboBox(box)
            combo.setFilters(flt)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            self.inputLabels[key] = label
            form.addRow(label, combo)
            self.inputCombos[key] = combo
        self.inputCombos["scenario"].setToolTip(
            translate(
                "ScorecardDock",
                "Optional: the units output of Corridor failure scenarios (resilience:corridorfailure). The share of the "
                "essential categories each unit still reaches after the scenario is scored as a capacity indicator "
                "(第48、65条); without it the indicator is not assessed.",
            )
        )
        self.inputCombos["whatif"].setToolTip(
            translate(
                "ScorecardDock",
                "Optional: the chosen sites of Facility siting (resilience:siting), or any points with a category. The units "
                "are scored with them added to the facilities; the table shows each unit's score and rank before and after.",
            )
        )

    def _add_facility_and_population_inputs(self, box, form):
        """The facilities' category field and label mapping, then the population raster and what its values are."""
        # the facilities' category field: guessed from the layer's field names (类别, 类型, type, fclass …), editable
        self.categoryFieldCombo = QgsFieldComboBox(box)
        self.categoryFieldCombo.setAllowEmptyFieldName(True)
        self.categoryFieldCombo.setToolTip(
            translate(
                "ScorecardDock", "The field of the facilities that holds their category (profile codes, Chinese names, Amap or OSM labels)"
            )
        )
        form.addRow(translate("ScorecardDock", "Facility category field"), self.categoryFieldCombo)
        # the run's own labels, mapped before the profile's rules (as the algorithms' CATEGORY_MAP)
        self.labelMapEdit = QLineEdit(box)
        self.labelMapEdit.setPlaceholderText(translate("ScorecardDock", "label=category; … (optional)"))
        self.labelMapEdit.setToolTip(
            translate(
                "ScorecardDock",
                "Your own facility labels, mapped before the profile's: label=category pairs separated by ';', for example "
                "大型避难场所=long_term_shelter. The profile's labels (Amap, OSM, government lists) are edited in Plan profile….",
            )
        )
        form.addRow(translate("ScorecardDock", "Label mapping"), self.labelMapEdit)
        # people counted where they live: a population grid stands in for the population field (core.population)
        self.populationRasterCombo = QgsMapLayerComboBox(box)
        self.populationRasterCombo.setFilters(LAYER_FILTER_RASTER)
        self.populationRasterCombo.setAllowEmptyLayer(True)
        self.populationRasterCombo.setLayer(None)
        self.populationRasterCombo.setToolTip(
            translate(
                "ScorecardDock",
                "Optional population grid (WorldPop, GHSL, a city grid). Used when no population field is chosen: each "
                "unit's people are the grid's exact sum inside it.",
            )
        )
        form.addRow(translate("ScorecardDock", "Population raster"), self.populationRasterCombo)
        self.rasterKindCombo = QComboBox(box)
        for label in KIND_LABELS:
            self.rasterKindCombo.addItem(translate("Resilience", label))
        form.addRow(translate("ScorecardDock", "Raster values are"), self.rasterKindCombo)

    def _add_score_buttons(self, box, form):
        """The last row of the inputs box: Score units, Draw by class, Style layer."""
        buttons = QWidget(box)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.scoreButton = QPushButton(translate("ScorecardDock", "Score units"), buttons)
        self.drawCheck = QCheckBox(translate("ScorecardDock", "Draw by class"), buttons)
        self.drawCheck.setToolTip(translate("ScorecardDock", "After scoring, add the scored units to the map, drawn in the five classes"))
        self.drawCheck.setChecked(True)
        self.styleButton = QPushButton(translate("ScorecardDock", "Style layer"), buttons)
        for b in (self.scoreButton, self.drawCheck, self.styleButton):
            row.addWidget(b)
        form.addRow(buttons)

    def _export_buttons(self) -> QWidget:
        """The row of export buttons (CSV, HTML, PDF report), not placed yet."""
        exports = QWidget(self)
        erow = QHBoxLayout(exports)
        erow.setContentsMargins(0, 0, 0, 0)
        self.csvButton = QPushButton(translate("ScorecardDock", "Export CSV…"), exports)
        self.htmlButton = QPushButton(translate("ScorecardDock", "Export HTML…"), exports)
        self.pdfButton = QPushButton(translate("ScorecardDock", "PDF report…"), exports)
        self.pdfButton.setToolTip(translate("ScorecardDock", "An atlas PDF: title page with provenance, one page per unit (第50–52条)"))
        for b in (self.csvButton, self.htmlButton, self.pdfButton):
            erow.addWidget(b)
        return exports

    def _filter_combos(self) -> QWidget:
        """The row of the table's filters (district, class, type), not placed yet."""
        filters = QWidget(self)
        frow = QHBoxLayout(filters)
        frow.setContentsMargins(0, 0, 0, 0)
        self.classFilter = QComboBox(filters)
        self.classFilter.addItem(translate("ScorecardDock", "All classes"), "")
        for c in sc.CLASSES:
            self.classFilter.addItem(class_label(c), c)
        self.typeFilter = QComboBox(filters)
        self.typeFilter.addItem(translate("ScorecardDock", "All types"), "")
        for t in sc.TYPES:
            self.typeFilter.addItem(type_label(t), t)
        self.districtFilter = QComboBox(filters)
        self.districtFilter.addItem(translate("ScorecardDock", "All districts"), "")
        frow.addWidget(self.districtFilter)
        frow.addWidget(self.classFilter)
        frow.addWidget(self.typeFilter)
        return filters

    def _make_weights_and_card(self):
        """The weights table with its buttons and the unit card, in two tabs (detailTabs), not placed yet."""
        self.weightsTable = QTableWidget(0, 3, self)
        self.weightsTable.setHorizontalHeaderLabels(
            [translate("ScorecardDock", "Dimension"), translate("ScorecardDock", "Indicator"), translate("ScorecardDock", "Weight")]
        )
        self.weightsTable.verticalHeader().setVisible(False)
        self.weightsTable.horizontalHeader().setStretchLastSection(True)
        wbuttons = QWidget(self)
        wrow = QHBoxLayout(wbuttons)
        wrow.setContentsMargins(0, 0, 0, 0)
        self.resetButton = QPushButton(translate("ScorecardDock", "Reset to plan profile"), wbuttons)
        self.saveProfileButton = QPushButton(translate("ScorecardDock", "Save profile as…"), wbuttons)
        wrow.addWidget(self.resetButton)
        wrow.addWidget(self.saveProfileButton)
        self.unitCard = QTextBrowser(self)
        self.unitCard.setOpenLinks(False)

        from qgis.PyQt.QtWidgets import QTabWidget, QVBoxLayout

        weights_page = QWidget(self)
        wlayout = QVBoxLayout(weights_page)
        wlayout.setContentsMargins(0, 0, 0, 0)
        wlayout.addWidget(self.weightsTable)
        wlayout.addWidget(wbuttons)
        self.detailTabs = QTabWidget(self)
        self.detailTabs.addTab(self.unitCard, translate("ScorecardDock", "Unit card"))
        self.detailTabs.addTab(weights_page, translate("ScorecardDock", "Weights"))

    def _place_scoring_widgets(self, box, filters, exports):
        """Put the inputs box and the filters above the unit table, the table and the tabs in a splitter, the exports below."""
        layout = self.contents.layout()
        layout.insertWidget(1, box)
        layout.insertWidget(2, filters)  # the filters and exports stay in view when the inputs are folded away
        # the table and the unit card / weights share a splitter the user can drag (readable at 1366×768)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.contents)
        self.splitter.setChildrenCollapsible(False)
        at = layout.indexOf(self.unitTable)
        layout.removeWidget(self.unitTable)
        self.splitter.addWidget(self.unitTable)
        self.splitter.addWidget(self.detailTabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.insertWidget(at, self.splitter)
        layout.insertWidget(at + 1, exports)
        layout.setStretchFactor(self.splitter, 1)

    def _connect_scoring(self):
        """The buttons, filters and table selection to their slots; the project's write/read to the dock's state
        (disconnected in disconnect_scoring)."""
        self.scoreButton.clicked.connect(lambda: self.score_units())
        self.styleButton.clicked.connect(self.style_result_layer)
        self.csvButton.clicked.connect(lambda: self.export_csv())
        self.htmlButton.clicked.connect(lambda: self.export_html())
        self.pdfButton.clicked.connect(lambda: self.export_pdf())
        self.resetButton.clicked.connect(self.reset_weights)
        self.saveProfileButton.clicked.connect(lambda: self.save_profile())
        self.classFilter.currentIndexChanged.connect(lambda _i: self.apply_filter(self.filterEdit.text()))
        self.typeFilter.currentIndexChanged.connect(lambda _i: self.apply_filter(self.filterEdit.text()))
        self.districtFilter.currentIndexChanged.connect(lambda _i: self.apply_filter(self.filterEdit.text()))
        self.unitTable.itemSelectionChanged.connect(self.show_unit_card)
        project = QgsProject.instance()
        project.writeProject.connect(self.write_state)
        project.readProject.connect(self.read_state)

    # words in a layer's name that say what it holds (its geometry is checked by each combo's filter)
    INPUT_WORDS = {
        "faults": ("faults", "断裂", "断层", "活断层", "fault"),
        "flood": ("flood_zones", "洪涝", "内涝", "积水", "淹没", "洪水", "flood"),
        "geohazards": ("geohazards", "地质灾害", "隐患点", "滑坡", "泥石流", "崩塌", "geohazard", "landslide"),
        "facilities": ("facilities", "设施", "避难", "应急", "poi", "消防", "shelter", "facilit"),
    }

    def _guess_inputs(self):
        """Fill each empty input with a layer of the project whose table or name says what it holds (断裂, 洪涝, 地质灾害,
        设施 …) and whose geometry fits; never one layer for two inputs, nor the units layer."""
        layers = [lay for lay in QgsProject.instance().mapLayers().values() if isinstance(lay, QgsVectorLayer)]
        taken = {c.currentLayer().id() for c in self.inputCombos.values() if c.currentLayer() is not None}
        if self.layer is not None:
            taken.add(self.layer.id())
        for key, words in self.INPUT_WORDS.items():
            combo = self.inputCombos[key]
            if combo.currentLayer() is not None:
                continue
            fits = [lay for lay in layers if lay.id() not in taken and lay.geometryType() == INPUT_GEOMETRY[key]]
            table = [lay for lay in fits if lay.source().endswith(f"layername={words[0]}")]
            named = [lay for lay in fits if any(w in lay.name().lower() for w in words[1:])]
            choice = (table or named or [None])[0]
            if choice is not None:
                combo.setLayer(choice)
                taken.add(choice.id())
        self._facilities_changed(self.inputCombos["facilities"].currentLayer())

    def _facilities_changed(self, layer):
        self.categoryFieldCombo.setLayer(layer)
        if layer is not None:
            self.categoryFieldCombo.setField(guess_field("category", layer.fields().names()) or "")

    # ------------------------------------------------------------ weights
    def _fill_weights(self):
        """One row per weight, then one per target (第51条 capacity targets): both edited in place."""
        table = self.weightsTable
        table.blockSignals(True)
        rows = [(dim, k) for dim in sc.DIMENSIONS for k in self.weights.get(dim, {})]
        rows += [("target", k) for k in self.targets]
        table.setRowCount(len(rows))
        dims = {**dimension_labels(), "target": translate("ScorecardDock", "Target")}
        for r, (dim, k) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(dims[dim]))
            item = QTableWidgetItem(indicator_label(k))  # the indicator's name; its key in the data and tooltip
            item.setData(Qt.ItemDataRole.UserRole, k)
            item.setToolTip(k)
            table.setItem(r, 1, item)
            spin = QDoubleSpinBox(table)
            spin.setRange(0.0, 10000.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            if dim == "target":
                spin.setValue(float(self.targets[k]))
                spin.valueChanged.connect(lambda v, key=k: self.set_target(key, v))
            else:
                spin.setValue(float(self.weights[dim][k]))
                spin.valueChanged.connect(lambda v, d=dim, key=k: self.set_weight(d, key, v))
            table.setCellWidget(r, 2, spin)
        table.blockSignals(False)
        table.resizeColumnsToContents()

    def set_target(self, indicator: str, value: float):
        self.targets[indicator] = float(value)
        self.recompute()

    def set_weight(self, dimension: str, indicator: str, value: float):
        self.weights[dimension][indicator] = float(value)
        self.recompute()

    def reset_weights(self):
        from ..core.scoring import targets

        self.weights = json.loads(json.dumps(self.profile.value("scoring.dimensions")))
        self.targets = targets(self.profile)
        self._fill_weights()
        self.recompute()

    def save_profile(self, path: str = ""):
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self, translate("ScorecardDock", "Save profile as"), "", translate("ScorecardDock", "Plan profile (*.json)")
            )
        if not path:
            return ""
        from ..core.profile import ProfileError

        try:
            self.edited_profile().save(path)
        except (ProfileError, OSError) as exc:
            self._message(core_message(exc), MESSAGE_CRITICAL)
            return ""
        self._message(translate("ScorecardDock", "Profile saved to {0}").format(path), MESSAGE_SUCCESS)
        return path

    def edited_profile(self):
        """The profile with the weights and targets as edited in the dock (raises ProfileError when invalid)."""
        edited = self.profile.with_value("scoring.dimensions", self.weights)
        for key, profile_key in sc.TARGET_KEYS.items():
            value = self.targets[key]
            edited = edited.with_value(profile_key, int(value) if profile_key == "police.stations_per_unit_min" else value)
        return edited

    # ------------------------------------------------------------ scoring
    def _read(self, layer, crs, fields=()):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return read_source(layer, display_name(layer), crs, context, QgsProcessingFeedback(), fields=list(fields), keep_null=False)

    def _facility_part(self, layer, crs, category_field: str, feedback, sites: bool = False):
        """(points, category labels, shelter area or None, beds or None, layer name) of a facility layer. A shelter's
        unknown area is NaN (its unit's shelter per person not assessed, as in scoreunits), except on What if
        ``sites``: siting leaves a site's area NULL without a capacity field, and a site added must never make its
        unit's score worse; it adds no area, and the What if step says so."""
        names = layer.fields().names()
        area_f, beds_f = (guess_field(role, names) for role in ("shelter_area", "beds"))
        chosen = [f for f in (category_field, area_f, beds_f) if f]
        read = self._read(layer, crs, chosen)
        area = beds = None
        labels = [text(a[0]) for a in read.attributes]
        if area_f:
            vocab = self._vocabulary()
            shelters = vocab.is_shelter(vocab.classify_labels(labels)[0]) & (not sites)
            area = shelter_areas(read, shelters, area_f, read.name, feedback, chosen.index(area_f))
        if beds_f:
            beds = numbers([a[chosen.index(beds_f)] for a in read.attributes], beds_f, read.name, feedback, fids=read.fids)
        return read.geometries, labels, area, beds, read.name

    def score_units(self, wait: bool = False):
        """Read the layers here (main thread), compute the indicators in a background task, then score.

        A layer that cannot be used (no CRS, unreadable, numbers that are not numbers) is named in the message bar.
        How much of a layer may be left out before it is refused is the dock's profile's quality.left_out_max_share."""
        from ..qgisside.io import set_left_out_max

        try:
            set_left_out_max(float(self.profile.value("quality.left_out_max_share")))
            self._score_units(wait)
        except QgsProcessingException as exc:
            self.scoreButton.setEnabled(True)
            self._message(str(exc), MESSAGE_CRITICAL)
        finally:
            set_left_out_max(None)

    def _grid_population(self, grid, crs, units):
        """Each unit's people from the population raster (exact sums), or None after saying why in the message bar."""
        from qgis.core import QgsProcessingException

        from ..core.messages import CoreError
        from ..core.population import zonal_population
        from ..qgisside.rasters import population_raster
        from ..qgisside.translation import core_message

        try:
            raster = population_raster(grid, 1, self.rasterKindCombo.currentIndex(), crs, grid.name(), self.layer.name())
            result = zonal_population(units.geometries, raster)
        except QgsProcessingException as exc:
            self._message(str(exc), MESSAGE_WARNING)
            return None
        except CoreError as exc:
            self._message(core_message(exc), MESSAGE_WARNING)
            return None
        missing = int(np.sum(np.isnan(result.people)))
        if missing:
            self._message(
                translate("ScorecardDock", "{0} unit(s) have no data in raster '{1}': their per-person indicators are left empty.").format(
                    missing, grid.name()
                ),
                MESSAGE_WARNING,
            )
        return result.people  # NaN where the raster has no data: not assessed, never 0 people (issue 29 §3)

    def _score_units(self, wait: bool):
        """Check the units layer, read it and every input here (main thread), then score them in a background task
        (or in this thread if ``wait``)."""
        if not self._units_layer_can_be_scored():
            return
        pop_field = self.populationFieldCombo.currentField()
        grid = self.populationRasterCombo.currentLayer()
        if not pop_field and grid is None:
            self._message(
                translate("ScorecardDock", "Layer '{0}': choose the population field, or a population raster.").format(self.layer.name()),
                MESSAGE_WARNING,
            )
            return
        crs = self._metric_crs()
        feedback = QgsProcessingFeedback()
        read = self._read_units(crs, pop_field, grid, feedback)
        if read is None:
            return
        units, population, kwargs = read
        geoms = polygons_only(units.geometries)
        inputs = {k: c.currentLayer() for k, c in self.inputCombos.items()}
        kwargs["hazards"] = self._hazards_of(inputs, crs)
        if inputs["scenario"] is not None:
            kwargs["essential_access"] = self._scenario_access(inputs["scenario"], crs, geoms)
        before_kwargs = self._add_facilities(inputs, crs, feedback, kwargs)
        self._run_scoring(wait, list(units.fids), geoms, population, kwargs, before_kwargs)

    def _units_layer_can_be_scored(self) -> bool:
        """A units layer is chosen and has features; else say so in the message bar."""
        if self.layer is None:
            self._message(translate("ScorecardDock", "Choose a polygon layer of street/town units first."), MESSAGE_WARNING)
            return False
        if self.layer.featureCount() == 0:
            self._message(translate("ScorecardDock", "Layer '{0}' has no features.").format(self.layer.name()), MESSAGE_WARNING)
            return False
        return True

    def _metric_crs(self):
        """The units layer's CRS, or the metric one of its centre if it is geographic."""
        from qgis.core import QgsCoordinateReferenceSystem

        from ..core.crs import metric_epsg_for

        crs = self.layer.crs()
        if crs.isGeographic():
            centre = self.layer.extent().center()
            crs = QgsCoordinateReferenceSystem(f"EPSG:{metric_epsg_for(centre.x(), centre.y())[0]}")
        return crs

    def _read_units(self, crs, pop_field, grid, feedback):
        """The units (their unusable polygons named), their population (field or raster) and their elderly and
        old-building shares as scoring arguments; None if the raster gives no population."""
        fields = self.layer.fields().names()
        wanted = [pop_field or fields[0]] + [f for f in ("elderly_share", "old_building_share") if f in fields]
        units = self._read(self.layer, crs, wanted)
        unusable = units.null_ids + units.degenerate
        if unusable:
            self._message(
                translate("ScorecardDock", "{0}: {1} unit(s) without a usable polygon left out (feature ids {2}).").format(
                    self.layer.name(), len(unusable), id_list(unusable)
                ),
                MESSAGE_WARNING,
            )
        if pop_field:
            population = numbers(
                [a[0] for a in units.attributes],
                pop_field,
                self.layer.name(),
                feedback,
                fids=units.fids,
                empty_ok=False,
                unknown_is_zero=False,
            )
        else:
            population = self._grid_population(grid, crs, units)
            if population is None:
                return None
        if not (population > 0).all():  # NaN: not assessed
            self._message(
                translate("ScorecardDock", "{0} unit(s) with zero or null population: their per-person indicators are left empty.").format(
                    int((~(population > 0)).sum())
                ),
                MESSAGE_WARNING,
            )
        elderly = (
            numbers([a[1] for a in units.attributes], "elderly_share", self.layer.name(), feedback, kind="share", unknown_is_zero=False)
            if "elderly_share" in wanted
            else None
        )
        old = (
            numbers(
                [a[-1] for a in units.attributes], "old_building_share", self.layer.name(), feedback, kind="share", unknown_is_zero=False
            )
            if "old_building_share" in wanted
            else None
        )
        return units, population, dict(elderly=elderly, old_buildings=old)

    def _hazards_of(self, inputs, crs):
        """The hazards the units are scored against, from the faults, flood zones and geohazard points chosen."""
        from ..processing.hazards import hazards_from

        class_field = guess_field("flood_class", inputs["flood"].fields().names()) if inputs["flood"] is not None else None
        has_class = bool(class_field)
        return hazards_from(
            self._faults_avoided(inputs["faults"], crs) if inputs["faults"] is not None else None,
            self.profile.value("seismic.avoidance_distance_default"),
            self._read(inputs["flood"], crs, [class_field] if has_class else []) if inputs["flood"] is not None else None,
            has_class,
            self._read(inputs["geohazards"], crs) if inputs["geohazards"] is not None else None,
            self.profile,
        )

    def _faults_avoided(self, layer, crs):
        """The faults of ``layer`` that need avoidance under the profile's seismic.fault_avoidance_rule, by their latest
        activity, as resilience:scoreunits takes them (第86条; GB 50011 §4.1.7); those left out are said."""
        from ..processing.hazards import apply_fault_rule, fault_age_field

        age_field = fault_age_field(layer)
        faults = self._read(layer, crs, [age_field] if age_field else [])
        before = sum(g is not None for g in faults.geometries)
        intensity = int(self.profile.value("seismic.design_intensity"))
        ages_raw = faults.column(0) if age_field else []
        unnamed = [None] * len(faults.fids)
        apply_fault_rule(faults, ages_raw, unnamed, self.profile, intensity, faults.name, age_field, QgsProcessingFeedback())
        left = before - sum(g is not None for g in faults.geometries)
        if left:
            self._message(
                translate(
                    "ScorecardDock",
                    "Fault avoidance rule 'code' of the plan profile (GB 50011 §4.1.7): {0} of {1} fault(s) of '{2}' are not "
                    "Holocene or lie below intensity VIII and are not scored as a hazard.",
                ).format(left, before, faults.name),
                MESSAGE_INFO,
            )
        return faults

    def _scenario_access(self, scenario, crs, geoms):
        """Each unit's share of the essential categories it still reaches, from the units output of Corridor failure scenarios."""
        from ..processing.hazards import scenario_access_of, scenario_read_fields

        wanted = scenario_read_fields(scenario.fields().names())
        if not wanted:
            raise QgsProcessingException(
                translate(
                    "ScorecardDock",
                    "Scenario: layer '{0}' has no d0_<category> and d1_<category> fields; give the units output of "
                    "Corridor failure scenarios.",
                ).format(scenario.name())
            )
        read = self._read(scenario, crs, wanted)
        return scenario_access_of(read, wanted, geoms)

    def _add_facilities(self, inputs, crs, feedback, kwargs) -> Optional[dict]:
        """Put the facilities (with the what-if sites, if chosen) into ``kwargs``; return the arguments without the
        what-if sites, or None when there are none."""
        parts, cat = self._facility_parts(inputs["facilities"], crs, feedback)
        if not parts and inputs["whatif"] is None:
            return None
        vocab = self._vocabulary()
        if parts:
            fac, found = self._facilities_of(parts, vocab)
            if found.share_unmapped > 0.5:
                self._message(
                    translate(
                        "ScorecardDock",
                        "{0}: the categories of {1:.0%} of the facilities in field '{2}' are not known labels, for example {3}. "
                        "Map them in Plan profile › facility_labels, or give them a profile category.",
                    ).format(parts[0][4], found.share_unmapped, cat, ", ".join(f"'{k}'" for k, _n in found.unmapped.most_common(6))),
                    MESSAGE_WARNING,
                )
            kwargs["facilities"] = fac
        if inputs["whatif"] is None:
            return None
        return self._add_whatif_sites(inputs["whatif"], parts, vocab, crs, feedback, kwargs)

    def _facility_parts(self, layer, crs, feedback):
        """The facilities layer read as one part (an empty list if none, or none with a category field, said in the
        message bar), and its category field."""
        parts, cat = [], None
        if layer is None:
            return parts, cat
        names = layer.fields().names()
        cat = self.categoryFieldCombo.currentField() or guess_field("category", names)
        if cat:
            parts.append(self._facility_part(layer, crs, cat, feedback))
        else:  # never facilities left out in silence (issue 29)
            self._message(
                translate(
                    "ScorecardDock",
                    "Facilities: layer '{0}' has no field that says each facility's category, so its facilities are not "
                    "counted (shelter, fire, police, beds are not assessed). Choose its category field in the dock. Its "
                    "fields: {1}.",
                ).format(layer.name(), ", ".join(names[:20])),
                MESSAGE_WARNING,
            )
        return parts, cat

    def _vocabulary(self):
        """The profile's facility labels, with the dock's label mapping first."""
        from ..core.labels import LabelError
        from ..core.lifecircles import Vocabulary

        try:
            return Vocabulary.from_profile(self.profile, self.labelMapEdit.text())
        except LabelError as exc:
            raise QgsProcessingException(translate("ScorecardDock", "Label mapping: {0}").format(core_message(exc))) from None

    def _facilities_of(self, pieces, vocab):
        """The facilities of read parts (geometries, labels, shelter area, beds, name), classified, and what the
        classification found; None for no parts."""
        from ..core.facilities import Facilities

        if not pieces:
            return None
        geoms = np.concatenate([p[0] for p in pieces])
        labels = [v for p in pieces for v in p[1]]
        _idx, found = vocab.classify_labels(labels)
        amounts = {}
        for k, key in ((2, "shelter_area"), (3, "beds")):
            if any(p[k] is not None for p in pieces):
                amounts[key] = np.concatenate([p[k] if p[k] is not None else np.zeros(len(p[0])) for p in pieces])
        return Facilities.read(geoms, None, self.profile, classified=found, **amounts), found

    def _add_whatif_sites(self, sites, parts, vocab, crs, feedback, kwargs) -> dict:
        """Add the what-if sites to the facilities in ``kwargs``; return the arguments as they were without them."""
        site_cat = guess_field("category", sites.fields().names())
        if not site_cat:
            raise QgsProcessingException(
                translate(
                    "ScorecardDock", "What if: layer '{0}' has no category field (the chosen sites of Facility siting have one)."
                ).format(sites.name())
            )
        before_kwargs = dict(kwargs)
        site_part = self._facility_part(sites, crs, site_cat, feedback, sites=True)
        kwargs["facilities"] = self._facilities_of(parts + [site_part], vocab)[0]
        self._whatif_sites = (site_part, vocab)
        return before_kwargs

    def _run_scoring(self, wait, ids, geoms, population, kwargs, before_kwargs):
        """Compute the indicators on a worker thread (a QgsTask; in this thread if ``wait``), then score and show
        them on the GUI thread; with what-if sites, the indicators without them too."""
        skipped = {}

        whatif = before_kwargs is not None
        before = {}

        def work(task):
            task.setProgress(10)
            raw, why = sc.unit_indicators(geoms, self.profile, population, **kwargs)  # the algorithm's indicators (core)
            skipped.update(why)
            if whatif:  # the same units without the new sites
                task.setProgress(50)
                before["raw"] = sc.unit_indicators(geoms, self.profile, population, **before_kwargs)[0]
            task.setProgress(100)
            return raw

        def done(exception, raw=None):
            self.task = None
            self.scoreButton.setEnabled(True)
            if exception is not None or raw is None:
                self._message(translate("ScorecardDock", "Scoring failed: {0}").format(exception), MESSAGE_CRITICAL)
                return
            chosen = self._selected_unit_ids()  # the unit whose card is open stays open after rescoring
            self.raw, self.raw_ids, self.skipped = raw, ids, skipped
            self.raw_before = before.get("raw")
            self.recompute()
            self._scores_first()
            self._select_unit_ids(chosen)
            if whatif and self.result is not None and self.result_before is not None:
                self._explain_no_change()
            if self.result is not None:
                self.inputsBox.setCollapsed(True)  # room for the table on a laptop screen; a click unfolds it
                if self.drawCheck.isChecked():
                    self.style_result_layer()

        self.scoreButton.setEnabled(False)
        self.summaryLabel.setText(translate("ScorecardDock", "Scoring {0} units…").format(len(ids)))
        if wait:  # tests and scripts: the same work, in this thread

            class _Here:
                def setProgress(self, value):  # noqa: N802 - QgsTask API
                    pass

            try:
                done(None, work(_Here()))
            except Exception as exc:  # shown in the message bar, never a traceback
                import traceback

                self.last_traceback = traceback.format_exc()
                done(exc)
            return
        self.task = QgsTask.fromFunction(translate("ScorecardDock", "Scoring street/town units"), work, on_finished=done)
        self.task.progressChanged.connect(lambda p: self.summaryLabel.setText(translate("ScorecardDock", "Scoring… {0:.0f} %").format(p)))
        QgsApplication.taskManager().addTask(self.task)

    def _selected_unit_ids(self) -> list:
        model = self.unitTable.selectionModel()
        return self._row_ids({i.row() for i in model.selectedRows()}) if model is not None else []

    def _select_unit_ids(self, ids) -> None:
        """Select the rows of ``ids`` again (the table was filled anew) and show the unit card."""
        if not ids:
            return
        wanted = set(ids)
        for row in range(self.unitTable.rowCount()):
            item = self.unitTable.item(row, 0)
            if item is not None and item.data(self.ID_ROLE) in wanted:
                self.unitTable.selectRow(row)
                break
        self.show_unit_card()

    def _explain_no_change(self) -> None:
        """What if changed no unit's score: say why, from what the new sites carry (issue 29)."""
        if np.any(np.abs(self.result.score - self.result_before.score) > 1e-9):
            return
        (points, labels, area, _beds, name), vocab = getattr(self, "_whatif_sites", ((None, [], None, None, ""), None))
        counted = {"emergency_shelter", "short_term_shelter", "long_term_shelter", "fire_station", "police_station", "hospital", "clinic"}
        codes = [vocab.codes[k] for k in vocab.classify_labels(labels)[0] if k != vocab.other] if vocab is not None else []
        if not any(c in counted for c in codes):
            why = translate(
                "ScorecardDock", "none of their categories is one the scores count (shelters, fire and police stations, hospitals)"
            )
        elif area is None or not np.any(np.nan_to_num(np.asarray(area, dtype=float)) > 0):
            why = translate(
                "ScorecardDock", "they carry no shelter area (no shelter-area field, or empty), so shelter per person cannot rise"
            )
        else:
            why = translate(
                "ScorecardDock",
                "they lie where they change no unit's indicators (outside the units, or where those are at their goal already)",
            )
        said = translate("ScorecardDock", "What if: no unit's score changed with the {0} new site(s) of layer '{1}': {2}.")
        self._message(said.format(len(labels), name, why), MESSAGE_WARNING)

    def recompute(self):
        """Scores from the cached indicator values and the current weights (a weight edit lands here)."""
        if self.raw is None:
            return
        try:
            self.result = sc.score(
                self.raw,
                self.weights,
                self.profile.value("scoring.class_breaks"),
                self.profile.value("scoring.type_margin"),
                sc.goalposts(self.profile),
            )
        except sc.ScoringError as exc:
            self.result = None
            self._message(core_message(exc), MESSAGE_WARNING)
            return
        self.result_before = None
        if self.raw_before is not None:
            self.result_before = sc.score(
                self.raw_before,
                self.weights,
                self.profile.value("scoring.class_breaks"),
                self.profile.value("scoring.type_margin"),
                sc.goalposts(self.profile),
            )
        self.sensitivity = self._rank_sensitivity()
        self._fill_scores()

    def _rank_sensitivity(self) -> np.ndarray:
        """Per unit, the largest move of its rank when any one weight changes by ±20 %."""
        breaks, margin = self.profile.value("scoring.class_breaks"), self.profile.value("scoring.type_margin")
        posts = sc.goalposts(self.profile)
        base = self.result.rank
        worst = np.zeros(len(base), dtype=np.int64)
        for dim, ws in self.weights.items():
            for k in ws:
                for factor in (0.8, 1.2):
                    edited = {d: dict(w) for d, w in self.weights.items()}
                    edited[dim][k] = ws[k] * factor
                    try:
                        other = sc.score(self.raw, edited, breaks, margin, posts).rank
                    except sc.ScoringError:
                        continue
                    worst = np.maximum(worst, np.abs(other - base))
        return worst

    def _fill_scores(self):
        table = self.unitTable
        if self.result is None or table.columnCount() == 0:
            return
        base = self._base_columns
        table.setSortingEnabled(False)
        goals = {k: v for k, v in self._targets().items() if k in self.raw}
        ok = sc.passes(self.raw, goals)
        headers = [
            translate("ScorecardDock", "Score"),
            translate("ScorecardDock", "Class"),
            translate("ScorecardDock", "Type (第52条)"),
            translate("ScorecardDock", "Rank"),
            translate("ScorecardDock", "Rank ±20 % weights"),
        ]
        before = self.result_before
        if before is not None:
            headers += [
                translate("ScorecardDock", "Score before the new sites"),
                translate("ScorecardDock", "Rank before the new sites"),
                translate("ScorecardDock", "Rank change"),
            ]
        headers += [self._indicator_label(k) for k in goals]
        table.setColumnCount(base + len(headers))
        for i, h in enumerate(headers):
            table.setHorizontalHeaderItem(base + i, QTableWidgetItem(h))
        index = {fid: i for i, fid in enumerate(self.raw_ids)}

        for row in range(table.rowCount()):  # rows as they are now: the user may have sorted the table
            first = table.item(row, 0)
            i = index.get(first.data(self.ID_ROLE)) if first is not None else None
            if i is None:
                continue
            values = [
                (round(float(self.result.score[i]), 2), None),
                (class_label(self.result.klass[i]), None),
                (type_label(self.result.unit_type[i]), None),
                (int(self.result.rank[i]), None),
                (int(self.sensitivity[i]), None),
            ]
            if before is not None:
                values += [
                    (round(float(before.score[i]), 2), None),
                    (int(before.rank[i]), None),
                    (int(before.rank[i]) - int(self.result.rank[i]), None),
                ]
            for k in goals:
                v = self.raw[k][i]
                values.append((None if not np.isfinite(v) else round(float(v), 2), ok[k][i]))
            for c, (value, passed) in enumerate(values):
                if isinstance(value, str):
                    item = QTableWidgetItem(value)
                else:
                    item = NumericItem("—" if value is None else f"{value:,}")
                    item.setData(SORT_ROLE, value)
                    item.setTextAlignment(ALIGN_RIGHT_VCENTER)
                if passed is not None and np.isfinite(passed):
                    item.setBackground(QBrush(PASS_COLOUR if passed else FAIL_COLOUR))
                table.setItem(row, base + c, item)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        self._fill_summary()
        self.apply_filter(self.filterEdit.text())
        self.show_unit_card()

    def _scores_first(self):
        """Score, class, type and rank just after the unit's name, and the rows sorted by score, highest first."""
        table = self.unitTable
        if self.result is None or table.columnCount() <= self._base_columns:
            return
        header = table.horizontalHeader()
        moved = 5 + (3 if self.result_before is not None else 0)  # score, class, type, rank, rank ±20 % (what if: before, change)
        for offset in range(moved):
            header.moveSection(header.visualIndex(self._base_columns + offset), 1 + offset)
        table.sortItems(self._base_columns, Qt.SortOrder.DescendingOrder)

    def _fill_summary(self):
        if self.result is None:
            return
        counts = ", ".join(f"{class_label(c)} {int((self.result.klass == c).sum())}" for c in sc.CLASSES)
        text = translate("ScorecardDock", "{0} units scored: {1}").format(len(self.raw_ids), counts)
        if self.result_before is not None:
            lower = int((self.result.score < self.result_before.score - 1e-9).sum())
            text += translate("ScorecardDock", " · what if: {0} unit(s) at lower risk with the new sites").format(lower)
        self.summaryLabel.setText(text)

    def _targets(self) -> dict:
        return self.targets

    def _indicator_label(self, key: str) -> str:
        return {
            "shelter_per_person": translate("ScorecardDock", "Shelter m²/person"),
            "fire_coverage": translate("ScorecardDock", "Fire reach"),
            "police_presence": translate("ScorecardDock", "Police stations"),
            "beds_per_1000": translate("ScorecardDock", "Beds/1,000"),
        }.get(key, key)

    def fill_district_filter(self):
        """The districts of the units (the table's district column), for the district filter."""
        current = self.districtFilter.currentData()
        values = sorted({self.unitTable.item(r, 5).text() for r in range(self.unitTable.rowCount()) if self.unitTable.item(r, 5)} - {""})
        self.districtFilter.blockSignals(True)
        self.districtFilter.clear()
        self.districtFilter.addItem(translate("ScorecardDock", "All districts"), "")
        for v in values:
            self.districtFilter.addItem(v, v)
        index = self.districtFilter.findData(current) if current else 0
        self.districtFilter.setCurrentIndex(max(index, 0))
        self.districtFilter.blockSignals(False)

    def score_filter_hides(self, row: int) -> bool:
        """Whether the district, class or type filter hides this row."""
        district = self.districtFilter.currentData()
        if district and (self.unitTable.item(row, 5) is None or self.unitTable.item(row, 5).text() != district):
            return True
        if self.result is None:
            return False
        fid = self.unitTable.item(row, 0).data(self.ID_ROLE) if self.unitTable.item(row, 0) else None
        i = {f: n for n, f in enumerate(self.raw_ids)}.get(fid)
        if i is None:
            return False
        wanted_class, wanted_type = self.classFilter.currentData(), self.typeFilter.currentData()
        return bool((wanted_class and self.result.klass[i] != wanted_class) or (wanted_type and self.result.unit_type[i] != wanted_type))

    # ------------------------------------------------------------ the unit card
    def card_html(self, i: int, name: str) -> str:
        """The unit card: the score and how it is formed, each indicator with its value, its 0–10 score between the
        profile's goalposts and its target, and the indicators not assessed with the reason."""
        r = self.result
        goals = self._targets()
        posts = sc.goalposts(self.profile)

        def num(v, fmt):
            return "—" if v is None or not np.isfinite(v) else format(v, fmt)

        rows = []
        for k in r.used:
            v = self.raw[k][i]
            target = goals.get(k)
            verdict = ""
            if target is not None and np.isfinite(v):
                verdict = "✔" if (v >= target) else "✘"
            clause = sc.TARGET_CLAUSES.get(k, "第51条")
            lo, hi, _log = posts.get(k, (None, None, False))
            post = "" if lo is None else f"{lo:,.3g} → {hi:,.3g}"
            rows.append(
                f"<tr><td>{html.escape(indicator_label(k))}</td><td>{num(v, ',.3g')}</td><td>{num(r.normalised[k][i], '.1f')}</td>"
                f"<td>{post}</td><td>{'' if target is None else html.escape(str(target))}</td><td>{verdict}</td><td>{clause}</td></tr>"
            )
        measures = self.profile.value("scoring.measures_zh" if speaks_chinese() else "scoring.measures")
        label_score = html.escape(translate("ScorecardDock", "Score"))
        label_rank = html.escape(translate("ScorecardDock", "Rank"))
        header = "".join(
            f"<th>{html.escape(h)}</th>"
            for h in (
                translate("ScorecardDock", "Indicator"),
                translate("ScorecardDock", "Value"),
                translate("ScorecardDock", "Score 0–10"),
                translate("ScorecardDock", "Goalposts (0 → 10)"),
                translate("ScorecardDock", "Target"),
                "",
                translate("ScorecardDock", "Clause"),
            )
        )
        skipped = getattr(self, "skipped", {}) or {}
        not_assessed = "; ".join(f"{indicator_label(k)} ({core_text(sc.NOT_ASSESSED[why])})" for k, why in skipped.items())
        dims = dimension_labels()
        formed = ", ".join(dims.get(d, d) for d in (r.formed[i].split(", ") if r.formed and r.formed[i] else []))
        formed_text = translate("ScorecardDock", "score formed from: {0}").format(formed or "—")
        skipped_text = translate("ScorecardDock", "Not assessed: {0}").format(not_assessed) if not_assessed else ""
        d = r.dimensions
        return (
            f"<h3>{html.escape(name)}</h3>"
            f"<p>{label_score} {r.score[i]:.2f} · {html.escape(class_label(r.klass[i]))} · "
            f"{html.escape(type_label(r.unit_type[i]))} · {label_rank} {int(r.rank[i])}</p>"
            f"<p>H {num(d['hazard'][i], '.2f')} · V {num(d['vulnerability'][i], '.2f')} · C {num(d['capacity'][i], '.2f')} — "
            + html.escape(formed_text)
            + "</p>"
            f"<table border='1' cellspacing='0' cellpadding='2'><tr>{header}</tr>{''.join(rows)}</table>"
            + (f"<p>{html.escape(skipped_text)}</p>" if skipped_text else "")
            + f"<p>{html.escape(measures.get(r.unit_type[i], ''))}</p>"
        )

    def show_unit_card(self):
        if self.result is None:
            self.unitCard.clear()
            return
        rows = sorted({index.row() for index in self.unitTable.selectionModel().selectedRows()})
        if not rows:
            self.unitCard.clear()
            return
        item = self.unitTable.item(rows[0], 0)
        fid = item.data(self.ID_ROLE)
        index = {f: n for n, f in enumerate(self.raw_ids)}
        if fid in index:
            self.unitCard.setHtml(self.card_html(index[fid], item.text()))
            if self.layer is not None and self.iface is not None:
                try:
                    self.iface.mapCanvas().flashFeatureIds(self.layer, [fid])
                except AttributeError:
                    pass

    # ------------------------------------------------------------ result layer, exports
    def _rows_for_export(self):
        names = {self.unitTable.item(r, 0).data(self.ID_ROLE): self.unitTable.item(r, 0).text() for r in range(self.unitTable.rowCount())}
        out = []
        for i, fid in enumerate(self.raw_ids):
            out.append(
                {
                    "id": fid,
                    "unit": names.get(fid, str(fid)),
                    "score": round(float(self.result.score[i]), 3),
                    "class": self.result.klass[i],
                    "type": self.result.unit_type[i],
                    "rank": int(self.result.rank[i]),
                    "rank_move": int(self.sensitivity[i]),
                    **{k: (None if not np.isfinite(self.raw[k][i]) else round(float(self.raw[k][i]), 4)) for k in self.result.used},
                }
            )
        return out

    def export_csv(self, path: str = "") -> str:
        if self.result is None:
            self._message(translate("ScorecardDock", "Score the units first."), MESSAGE_WARNING)
            return ""
        if not path:
            path, _f = QFileDialog.getSaveFileName(self, translate("ScorecardDock", "Export CSV"), "", "CSV (*.csv)")
        if not path:
            return ""
        rows = self._rows_for_export()
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
        return path

    def export_html(self, path: str = "") -> str:
        if self.result is None:
            self._message(translate("ScorecardDock", "Score the units first."), MESSAGE_WARNING)
            return ""
        if not path:
            path, _f = QFileDialog.getSaveFileName(self, translate("ScorecardDock", "Export HTML"), "", "HTML (*.html)")
        if not path:
            return ""
        from pathlib import Path

        rows = self._rows_for_export()
        head = "".join(f"<th>{html.escape(str(k))}</th>" for k in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r.values()) + "</tr>" for r in rows)
        image = ""
        if self.iface is not None:
            png = Path(path).with_suffix(".png")
            self.iface.mapCanvas().saveAsImage(str(png))
            image = f'<img src="{html.escape(png.name)}" width="800" alt="map">'
        cards = "".join(f"<section>{self.card_html(i, r['unit'])}</section>" for i, r in enumerate(rows))
        Path(path).write_text(
            "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>"
            + html.escape(translate("ScorecardDock", "Street/town unit scorecard"))
            + "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif}table{border-collapse:collapse;font-size:12px}"
            "td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body><h1>"
            + html.escape(translate("ScorecardDock", "Street/town unit scorecard"))
            + f"</h1>{image}<table><tr>{head}</tr>{body}</table>{cards}</body></html>",
            encoding="utf-8",
        )
        return path

    def scored_layer(self) -> QgsVectorLayer:
        """A memory copy of the units with the fields of resilience:scoreunits, at the dock's weights and targets."""

        goals = {k: v for k, v in self._targets().items() if k in self.raw}
        ok = sc.passes(self.raw, goals)
        kinds = {"double": FIELD_DOUBLE, "int": FIELD_INT, "text": FIELD_STRING}
        fields = self.layer.fields()
        extra = make_fields([(f, kinds[t], f) for f, t, _k in sc.output_fields(self.result.used, ok)])
        layer = QgsVectorLayer(f"MultiPolygon?crs={self.layer.crs().authid()}", self.layer.name(), "memory")
        # a layer scored before keeps its own fields but the new scores
        keep = [j for j in range(fields.count()) if extra.lookupField(fields.at(j).name()) < 0]
        layer.dataProvider().addAttributes([fields.at(j) for j in keep] + [extra.at(j) for j in range(extra.count())])
        layer.updateFields()
        index = {fid: i for i, fid in enumerate(self.raw_ids)}
        measures, measures_zh = self.profile.value("scoring.measures"), self.profile.value("scoring.measures_zh")
        feats = []
        for f in self.layer.getFeatures():
            i = index.get(f.id())
            if i is None:
                continue
            g = QgsFeature(layer.fields())
            g.setGeometry(f.geometry())
            values = f.attributes()
            g.setAttributes(
                [values[j] for j in keep] + sc.output_row(self.raw, self.result, ok, goals, measures, i, sc.UNIT_CLAUSES, measures_zh)
            )
            feats.append(g)
        layer.dataProvider().addFeatures(feats)
        return layer

    def _report_inputs(self) -> list:
        """(label, description) of the hazard and facility layers the scores used, for the report's provenance."""
        from ..report.atlas import layer_summary

        return [(self.inputLabels[k], layer_summary(c.currentLayer())) for k, c in self.inputCombos.items() if c.currentLayer() is not None]

    def export_pdf(self, path: str = "") -> str:
        """The atlas PDF report of the scores as they stand in the dock (weights and targets as edited)."""
        if self.result is None or self.layer is None:
            self._message(translate("ScorecardDock", "Score the units first."), MESSAGE_WARNING)
            return ""
        if not path:
            path, _f = QFileDialog.getSaveFileName(self, translate("ScorecardDock", "PDF report"), "", "PDF (*.pdf)")
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from qgis.core import QgsFeedback
        from qgis.PyQt.QtCore import QCoreApplication
        from qgis.PyQt.QtWidgets import QProgressDialog

        from ..core.cancel import Cancelled
        from ..core.profile import ProfileError
        from ..core.report import ReportError
        from ..report.atlas import ReportError as ExportError
        from ..report.atlas import build_report

        feedback = QgsFeedback()
        # the layout must be drawn on this thread: a modal progress dialog keeps QGIS responsive and can cancel
        self.pdfProgress = QProgressDialog(
            translate("ScorecardDock", "Writing the PDF report…"), translate("ScorecardDock", "Cancel"), 0, 100, self
        )
        self.pdfProgress.setWindowTitle(translate("ScorecardDock", "PDF report"))
        self.pdfProgress.setWindowModality(Qt.WindowModality.WindowModal)
        self.pdfProgress.setMinimumDuration(0)

        def moved(p):
            if self.pdfProgress is not None:
                self.pdfProgress.setValue(int(p))
            QCoreApplication.processEvents()
            if self.pdfProgress is not None and self.pdfProgress.wasCanceled():
                feedback.cancel()

        feedback.progressChanged.connect(moved)
        cancelled = translate("ScorecardDock", "PDF report cancelled; no file was written.")
        try:
            result = build_report(
                self.scored_layer(),
                path,
                self.edited_profile(),
                inputs=self._report_inputs(),
                units_origin=self.layer,
                feedback=feedback,
                faults_layer=self.inputCombos["faults"].currentLayer(),
            )
        except Cancelled:
            self._message(cancelled, MESSAGE_INFO)
            return ""
        except (ReportError, ExportError, ProfileError, OSError) as exc:
            self._message(core_message(exc), MESSAGE_CRITICAL)
            return ""
        finally:
            self.pdfProgress.close()
            self.pdfProgress.deleteLater()
            self.pdfProgress = None
            self._fill_summary()
        if not result.path:  # cancelled during the export: build_report removed the partial file
            self._message(cancelled, MESSAGE_INFO)
            return ""
        self._message(translate("ScorecardDock", "PDF report written: {0} ({1} pages)").format(result.path, result.pages), MESSAGE_SUCCESS)
        return result.path

    def style_result_layer(self) -> Optional[QgsVectorLayer]:
        """The scored memory copy of the units (:meth:`scored_layer`), styled in five classes and added to the project
        (the source layer is not touched)."""
        if self.result is None or self.layer is None:
            self._message(translate("ScorecardDock", "Score the units first."), MESSAGE_WARNING)
            return None
        from ..qgisside.styles import style_scores

        layer = self.scored_layer()
        layer.setName(translate("ScorecardDock", "Unit scores"))
        style_scores(layer, self.profile.value("scoring.class_breaks"))
        if self.result_layer is not None and not _deleted(self.result_layer):
            QgsProject.instance().removeMapLayer(self.result_layer.id())
        if QgsProject.instance().addMapLayer(layer) is None:
            self._message(translate("ScorecardDock", "Could not add the result layer to the project."), MESSAGE_CRITICAL)
            return None
        self.result_layer = layer
        return layer

    # ------------------------------------------------------------ state in the project
    def write_state(self, *args):
        project = QgsProject.instance()
        state = {
            "units": self.layer.id() if self.layer is not None else "",
            "inputs": {k: (c.currentLayer().id() if c.currentLayer() is not None else "") for k, c in self.inputCombos.items()},
            "weights": self.weights,
            "targets": self.targets,
            "label_map": self.labelMapEdit.text(),
            "category_field": self.categoryFieldCombo.currentField(),
        }
        project.writeEntry(PROJECT_SCOPE, "scorecard", json.dumps(state, ensure_ascii=False))

    def read_state(self, *args):
        text, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, "scorecard", "")
        if not ok or not text:
            return
        try:
            state = json.loads(text)
        except ValueError:
            return
        project = QgsProject.instance()
        layer = project.mapLayer(state.get("units", ""))
        if layer is not None:
            self.layerCombo.setLayer(layer)
        for k, lid in state.get("inputs", {}).items():
            if k in self.inputCombos:
                self.inputCombos[k].setLayer(project.mapLayer(lid) if lid else None)
        self.labelMapEdit.setText(str(state.get("label_map", "")))
        if state.get("category_field"):
            self.categoryFieldCombo.setField(str(state["category_field"]))
        weights, goals = state.get("weights"), state.get("targets")
        if isinstance(weights, dict):  # a project saved before an indicator was added takes the profile's weight for it
            defaults = self.profile.value("scoring.dimensions")
            self.weights = {d: {**defaults.get(d, {}), **w} if isinstance(w, dict) else w for d, w in weights.items()}
        if isinstance(goals, dict):
            self.targets.update({k: float(v) for k, v in goals.items() if k in self.targets})
        self._fill_weights()
        self.recompute()

    def disconnect_scoring(self):
        project = QgsProject.instance()
        for signal, slot in ((project.writeProject, self.write_state), (project.readProject, self.read_state)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:
                pass

    def _message(self, text: str, level):
        self.last_message = text
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(translate("ScorecardDock", "Resilience scorecard"), text, level, 6)
        else:
            self.summaryLabel.setText(text)


def dimension_labels() -> Dict[str, str]:
    """The translated names of the three dimensions (第51条), for the weights table and the unit card."""
    return {
        "hazard": translate("ScorecardDock", "Hazard"),
        "vulnerability": translate("ScorecardDock", "Vulnerability"),
        "capacity": translate("ScorecardDock", "Capacity"),
    }


def _deleted(obj) -> bool:
    from qgis.PyQt import sip

    return sip.isdeleted(obj)
