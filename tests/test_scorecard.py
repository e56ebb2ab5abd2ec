"""The scorecard dock driven headless: set the layer, score, sort, select, edit a weight, filter, export, style,
and keep its state in the project. The numbers are checked against the scoring core run on its own."""

import csv

import numpy as np
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDoubleSpinBox

from resilience_plugin.core import scoring as sc
from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING, SORT_ROLE
from tests.conftest import SAMPLE
from tests.helpers import memory_layer, run


@pytest.fixture
def sample_project(qgis_iface, qgis_processing):
    project = QgsProject.instance()
    project.clear()
    layers = {}
    for table in ("street_units", "faults", "flood_zones", "geohazards", "facilities"):
        layer = QgsVectorLayer(f"{SAMPLE}|layername={table}", table, "ogr")
        project.addMapLayer(layer)
        layers[table] = layer
    yield layers
    project.clear()


@pytest.fixture
def make_dock(qgis_iface):
    """Docks for one test, deleted afterwards so that no stray dock stays in the main window."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from resilience_plugin.gui.scorecard_dock import ScorecardDock

    made = []

    def make(layer):
        dock = ScorecardDock(qgis_iface.mainWindow())
        dock.layerCombo.setLayer(layer)
        dock.set_layer(layer)
        made.append(dock)
        return dock

    yield make
    for dock in made:
        dock.close_and_disconnect()
        dock.setParent(None)
        dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def column(dock, title):
    table = dock.unitTable
    return next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == title)


def test_dock_scores_sorts_selects_and_recomputes(make_dock, sample_project):
    units = sample_project["street_units"]
    dock = make_dock(units)
    assert dock.inputCombos["faults"].currentLayer() is sample_project["faults"]  # inputs found in the project
    dock.score_units(wait=True)
    assert dock.result is not None and len(dock.raw_ids) == units.featureCount() == 233
    # every indicator but the corridor-failure scenario's, which needs its units chosen in the dock (never guessed)
    assert set(dock.result.used) == set(sc.INDICATORS) - {"essential_access"} and "essential_access" in dock.skipped
    # the dock's scores are the core's on the same raw values
    breaks, margin = dock.profile.value("scoring.class_breaks"), dock.profile.value("scoring.type_margin")
    again = sc.score(dock.raw, dock.weights, breaks, margin, sc.goalposts(dock.profile))
    assert np.allclose(again.score, dock.result.score)
    table = dock.unitTable
    score_col, rank_col = column(dock, "Score"), column(dock, "Rank")
    table.sortItems(score_col)
    table.sortItems(score_col, order=1)  # descending: the first row has rank 1
    assert table.item(0, rank_col).text() == "1"
    table.selectRow(0)
    assert "<h3>" in dock.unitCard.toHtml() or dock.unitCard.toPlainText()
    card = dock.unitCard.toPlainText()
    assert "Population per km²" in card and "population_density" not in card  # indicators by name
    assert units.selectedFeatureCount() == 1
    # pass/fail cells are coloured
    shelter_col = column(dock, "Shelter m²/person")
    colours = {table.item(r, shelter_col).background().color().name() for r in range(table.rowCount())}
    assert {"#c7e9c0", "#fcbba1"} <= colours
    # editing a weight recomputes at once
    before = dock.result.score.copy()
    spins = [dock.weightsTable.cellWidget(r, 2) for r in range(dock.weightsTable.rowCount())]
    assert all(isinstance(s, QDoubleSpinBox) for s in spins)
    key = Qt.ItemDataRole.UserRole
    row = next(r for r in range(dock.weightsTable.rowCount()) if dock.weightsTable.item(r, 1).data(key) == "elderly_share")
    assert dock.weightsTable.item(row, 1).text() == "Elderly share"  # shown by name, not by key
    spins[row].setValue(5.0)
    assert dock.weights["vulnerability"]["elderly_share"] == 5.0 and not np.allclose(before, dock.result.score)
    assert (dock.sensitivity >= 0).all() and dock.sensitivity.max() > 0
    dock.reset_weights()
    assert np.allclose(before, dock.result.score)
    # editing a target re-colours the pass/fail cells at once
    wt = dock.weightsTable
    wanted = ("Target", "shelter_per_person")
    target_row = next(r for r in range(wt.rowCount()) if (wt.item(r, 0).text(), wt.item(r, 1).data(key)) == wanted)
    dock.weightsTable.cellWidget(target_row, 2).setValue(1000.0)
    colours = {table.item(r, shelter_col).background().color().name() for r in range(table.rowCount())}
    assert colours == {"#fcbba1"}
    dock.reset_weights()
    # class filter
    dock.classFilter.setCurrentIndex(dock.classFilter.findData("low"))
    hidden = sum(table.isRowHidden(r) for r in range(table.rowCount()))
    assert hidden == int((dock.result.klass != "low").sum())
    dock.classFilter.setCurrentIndex(0)
    dock.districtFilter.setCurrentIndex(dock.districtFilter.findData("东城区"))
    shown = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert shown and all(table.item(r, 5).text() == "东城区" for r in shown)
    assert len(shown) == sum(1 for f in units.getFeatures() if f["district"] == "东城区")
    dock.districtFilter.setCurrentIndex(0)
    # a styled result layer, never the source
    fields_before = units.fields().names()
    result = dock.style_result_layer()
    assert result.renderer().type() == "graduatedSymbol" and result.featureCount() == 233
    ranges = result.renderer().ranges()
    assert [r.lowerValue() for r in ranges] == [0.0, *dock.profile.value("scoring.class_breaks")] and len(ranges) == 5
    # every unit falls in the range of its class
    by_class = dict(zip(sc.CLASSES, ranges))
    for f in result.getFeatures():
        r = by_class[f["class"]]
        assert r.lowerValue() - 1e-3 <= f["score"] <= r.upperValue() + 1e-3  # scores are stored to 3 decimals
    assert units.fields().names() == fields_before
    dock.close_and_disconnect()


def test_exports_escape_and_state_survives(make_dock, sample_project, tmp_path):
    hostile = memory_layer(
        "Polygon",
        [
            (
                "POLYGON((500000 4400000, 501000 4400000, 501000 4401000, 500000 4401000, 500000 4400000))",
                ["<script>alert(1)</script>", 1000.0],
            ),
            ("POLYGON((501000 4400000, 502000 4400000, 502000 4401000, 501000 4401000, 501000 4400000))", ["乙街道", 3000.0]),
        ],
        fields=(("name", FIELD_STRING), ("population", FIELD_DOUBLE)),
        name="街镇",
    )
    dock = make_dock(hostile)
    dock.score_units(wait=True)
    assert dock.result is not None, getattr(dock, "last_traceback", "")
    page = dock.export_html(str(tmp_path / "scorecard.html"))
    text = open(page, encoding="utf-8").read()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert" not in text
    with open(dock.export_csv(str(tmp_path / "scorecard.csv")), encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {r["unit"] for r in rows} == {"<script>alert(1)</script>", "乙街道"}
    # weights, targets and layers are saved with the project and come back when it is read again
    dock.weights["hazard"]["fault_share"] = 3.0
    dock.targets["shelter_per_person"] = 3.5
    project_file = str(tmp_path / "规划.qgz")
    assert QgsProject.instance().write(project_file)
    dock.weights["hazard"]["fault_share"] = 1.0
    dock.targets["shelter_per_person"] = 2.1
    assert QgsProject.instance().read(project_file)
    assert dock.weights["hazard"]["fault_share"] == 3.0 and dock.targets["shelter_per_person"] == 3.5
    assert dock.layerCombo.currentLayer().name() == "街镇"
    saved = dock.save_profile(str(tmp_path / "我的配置.json"))
    from resilience_plugin.core.profile import load_profile

    assert load_profile(saved).value("scoring.dimensions")["hazard"]["fault_share"] == 3.0
    assert load_profile(saved).value("shelter.area_per_person_target") == 3.5
    dock.close_and_disconnect()


def test_dock_bad_input_gives_messages_not_tracebacks(make_dock, sample_project):
    odd = memory_layer(
        "Polygon",
        [
            ("POLYGON((500000 4400000, 501000 4400000, 501000 4401000, 500000 4401000, 500000 4400000))", ["零人口", 0.0]),
            ("POLYGON((501000 4400000, 502000 4400000, 502000 4401000, 501000 4401000, 501000 4400000))", ["零人口二", 0.0]),
            ("POLYGON((502000 4400000, 502000 4400000, 502000 4400000, 502000 4400000))", ["无面积", 10.0]),
        ],
        fields=(("name", FIELD_STRING), ("population", FIELD_DOUBLE)),
        name="异常单元",
    )
    dock = make_dock(odd)
    dock.score_units(wait=True)
    assert dock.result is not None, getattr(dock, "last_traceback", "")  # scored; per-person values left empty
    assert "2 unit(s) with zero or null population" in dock.last_message
    # a null population is not assessed; most of the field null (beyond quality.left_out_max_share): a message
    # naming the field and the features, no scores
    odd.dataProvider().changeAttributeValues({2: {1: None}})
    dock.score_units(wait=True)
    assert dock.result is not None and "zero or null population" in dock.last_message
    odd.dataProvider().changeAttributeValues({1: {1: None}})
    dock.score_units(wait=True)
    assert "异常单元, field 'population': 2 of 2" in dock.last_message  # the unit with no area is no polygon
    assert np.isnan(dock.raw["shelter_per_person"]).sum() >= 2 if "shelter_per_person" in dock.raw else True
    assert len(dock.raw_ids) == 2  # the unit with no area is a degenerate polygon: set aside (issue 15)
    # weights that sum to zero in a dimension: a message, and the last good scores stay
    for k in dock.weights["vulnerability"]:
        dock.weights["vulnerability"][k] = 0.0
    dock.recompute()
    assert "sum to zero" in dock.last_message
    empty = memory_layer("Polygon", [], fields=(("name", FIELD_STRING), ("population", FIELD_DOUBLE)), name="空")
    dock.layerCombo.setLayer(empty)
    dock.set_layer(empty)
    dock.score_units(wait=True)
    assert dock.result is None and dock.last_message == "Layer '空' has no features."


def test_the_dock_writes_the_pdf_report_at_its_own_weights(make_dock, sample_project, tmp_path):
    from resilience_plugin.core.report import fmt
    from tests.helpers import pdf_pages, pdf_text, title_sheets

    units = sample_project["street_units"]
    dock = make_dock(units)
    dock.score_units(wait=True)
    assert dock.result is not None, getattr(dock, "last_traceback", "")
    dock.set_weight("vulnerability", "population_density", 4.0)  # recomputes at once
    path = dock.export_pdf(str(tmp_path / "单元评估"))
    assert path.endswith(".pdf") and pdf_pages(path) == title_sheets(path) + units.featureCount()
    # the first unit page is the unit ranked first at the edited weights, with the dock's score
    top = int(np.argmin(dock.result.rank))
    name = next(f["name_zh"] for f in units.getFeatures() if f.id() == dock.raw_ids[top])
    page = pdf_text(path, title_sheets(path) + 1)
    assert name in page and f"Score {fmt(round(float(dock.result.score[top]), 3))}" in page
    # the provenance shows the weight as edited, not the file's
    profile_pages = pdf_text(path, 2, title_sheets(path))
    assert "population_density: 4" in profile_pages.replace("\n", " ")
    # and names the layers the scores came from: the units' own source, not the dock's memory copy
    title = "".join(pdf_text(path, 1).split())  # a long path wraps across lines in the table cell
    assert str(SAMPLE) in title and "layername=street_units" in title and "MultiPolygon?crs" not in title
    assert "layername=faults" in title and "layername=facilities" in title
    assert units.fields().lookupField("score") < 0  # the source layer is not written to


def test_the_dock_pdf_can_be_cancelled_from_its_progress_dialog(make_dock, sample_project, tmp_path):
    from qgis.PyQt.QtCore import QTimer

    dock = make_dock(sample_project["street_units"])
    dock.score_units(wait=True)
    seen = []

    def press_cancel():  # runs inside the export, at its first progress report, as a click on Cancel would
        seen.append(dock.pdfProgress is not None)
        if dock.pdfProgress is None:
            QTimer.singleShot(0, press_cancel)
        else:
            dock.pdfProgress.cancel()

    QTimer.singleShot(0, press_cancel)
    path = tmp_path / "取消.pdf"
    written = dock.export_pdf(str(path))
    assert seen[-1:] == [True], seen
    assert written == ""
    assert not path.exists() and "cancelled" in dock.last_message
    assert dock.pdfProgress is None


def test_dock_on_real_data_guesses_layers_and_fields_and_shows_scores_first(qgis_iface, qgis_processing, make_dock):
    """Issue 15: layers named as planners name them (断裂, 洪涝风险区, 应急设施) are found by name and geometry, the
    facilities' category field (类型) by its name; after scoring, score, class, type and rank come right after the
    unit, the rows run from the highest score down, and the units are drawn by class at once."""
    from shapely.geometry import box

    project = QgsProject.instance()
    project.clear()
    units = memory_layer(
        "Polygon",
        [(box(500000 + i * 1000, 4400000, 501000 + i * 1000, 4401000).wkt, [f"街道{i}", f"{i + 1}万"]) for i in range(4)],
        fields=(("名称", FIELD_STRING), ("常住人口", FIELD_STRING)),
        name="街镇单元",
    )
    faults = memory_layer(
        "LineString",
        [("LINESTRING(500500 4399000, 500500 4402000)", ["八宝山断裂"])],
        fields=(("断层名称", FIELD_STRING),),
        name="活动断裂",
    )
    flood = memory_layer(
        "Polygon", [(box(502000, 4400000, 503000, 4401000).wkt, ["高"])], fields=(("风险等级", FIELD_STRING),), name="洪涝风险区"
    )
    facilities = memory_layer(
        "Point",
        [
            ("POINT(500500 4400500)", ["应急避难场所", "2.5万平方米"]),
            ("POINT(501500 4400500)", ["派出所", None]),
            ("POINT(502500 4400500)", ["应急避难场所", None]),  # its area unknown: 街道2's shelter not assessed (issue 29)
        ],
        fields=(("类型", FIELD_STRING), ("有效避难面积", FIELD_STRING)),
        name="应急设施",
    )
    try:
        dock = make_dock(None)
        dock._guess_inputs()
        assert dock.layerCombo.currentLayer() is None or dock.layer is not None
        dock.layerCombo.setLayer(units)
        dock.set_layer(units)
        assert dock.inputCombos["faults"].currentLayer() is faults
        assert dock.inputCombos["flood"].currentLayer() is flood
        assert dock.inputCombos["facilities"].currentLayer() is facilities
        assert dock.inputCombos["geohazards"].currentLayer() is None  # nothing fits: never a layer of another role
        assert dock.categoryFieldCombo.currentField() == "类型"
        assert dock.populationFieldCombo.currentField() == "常住人口"
        dock.score_units(wait=True)
        assert dock.result is not None, getattr(dock, "last_traceback", "")
        header = dock.unitTable.horizontalHeader()
        visual = [dock.unitTable.horizontalHeaderItem(header.logicalIndex(v)).text() for v in range(5)]
        assert visual == ["Unit", "Score", "Class", "Type (第52条)", "Rank"]
        scores = [float(dock.unitTable.item(r, column(dock, "Score")).text()) for r in range(4)]
        assert scores == sorted(scores, reverse=True)
        assert dock.raw["shelter_per_person"][0] == pytest.approx(25000 / 10000)  # 2.5万平方米 for 1万 people
        shelter = dict(zip(dock.raw_ids, dock.raw["shelter_per_person"]))
        assert np.isnan(shelter[3]) and shelter[2] == 0, shelter  # 街道2 (fid 3): a shelter of unknown area; 街道1: none
        assert dock.result_layer is not None and dock.result_layer.renderer().type() == "graduatedSymbol"
        assert "fire_coverage" in dock.skipped  # no fire station among the facilities: not assessed, not 0
        dock.unitTable.selectRow(0)
        assert "Not assessed:" in dock.unitCard.toPlainText() and "Goalposts" in dock.unitCard.toPlainText()
        # the dock's own label mapping: 派出所 mapped to a fire station makes fire reach assessed; a bad one is named
        dock.labelMapEdit.setText("派出所=消防站")
        dock.score_units(wait=True)
        assert "fire_coverage" in dock.raw and "police_presence" not in dock.raw
        dock.labelMapEdit.setText("派出所=firehouse")
        dock.score_units(wait=True)
        assert "Label mapping" in dock.last_message and "firehouse" in dock.last_message
    finally:
        project.clear()


def test_what_if_scores_the_units_with_the_new_sites_as_the_algorithm_does(make_dock, sample_project, resilience_processing, tmp_path):
    """What if: the chosen sites of resilience:siting added to the facilities. The dock's scores after and before are
    resilience:scoreunits' own, run on the facilities with the sites merged in (native:mergevectorlayers) and without
    them; the rank change is the difference of the two ranks."""
    from qgis import processing

    from tests.helpers import run

    facilities = sample_project["facilities"]
    sited, _c = run(
        "resilience:siting",
        {
            "INPUT": f"{SAMPLE}|layername=communities",
            "CANDIDATES": f"{SAMPLE}|layername=facilities|subset=\"category\" IN ('school', 'park')",
            "EXISTING": f"{SAMPLE}|layername=facilities",
            "EXISTING_CATEGORY_FIELD": "category",
            "CAPACITY_FIELD": "shelter_area_m2",
            "CATEGORY": 1,
            "COUNT": 12,
            "OUTPUT": str(tmp_path / "sites.gpkg"),
            "ALLOCATION": "memory:",
        },
    )
    sites = QgsVectorLayer(str(tmp_path / "sites.gpkg"), "新增场地", "ogr")
    QgsProject.instance().addMapLayer(sites)
    units = sample_project["street_units"]
    dock = make_dock(units)
    assert dock.inputCombos["whatif"].currentLayer() is None  # never guessed: a what-if is chosen
    dock.inputCombos["whatif"].setLayer(sites)
    dock.score_units(wait=True)
    assert dock.result is not None and dock.result_before is not None

    merged = processing.run("native:mergevectorlayers", {"LAYERS": [facilities, sites], "OUTPUT": "memory:"})["OUTPUT"]
    common = {
        "INPUT": units,
        "FAULTS": sample_project["faults"],
        "FLOOD_ZONES": sample_project["flood_zones"],
        "GEOHAZARDS": sample_project["geohazards"],
        "OUTPUT": "memory:",
    }
    after = {
        f.id(): (f["score"], f["rank"]) for f in run("resilience:scoreunits", {**common, "FACILITIES": merged})[0]["OUTPUT"].getFeatures()
    }
    before = {
        f.id(): (f["score"], f["rank"])
        for f in run("resilience:scoreunits", {**common, "FACILITIES": facilities})[0]["OUTPUT"].getFeatures()
    }
    table = dock.unitTable
    cols = [column(dock, t) for t in ("Score", "Rank", "Score before the new sites", "Rank before the new sites", "Rank change")]
    key = dock.ID_ROLE
    moved = 0
    for r in range(table.rowCount()):
        fid = table.item(r, 0).data(key)
        score, rank, score_b, rank_b, change = (table.item(r, c).data(SORT_ROLE) for c in cols)
        assert score == pytest.approx(after[fid][0], abs=1e-2) and rank == after[fid][1]
        assert score_b == pytest.approx(before[fid][0], abs=1e-2) and rank_b == before[fid][1]
        assert change == rank_b - rank
        moved += score < score_b - 1e-9
    assert moved > 0  # new shelters lower some units' risk
    assert sum(1 for _f in sited["OUTPUT"].getFeatures()) == 12


def _scored_as_the_dock(sample_project, units, **more) -> dict:
    """resilience:scoreunits' parameters with the sample's layers the dock guesses, and ``more``."""
    return {
        "INPUT": units,
        "FACILITIES": sample_project["facilities"],
        "FAULTS": sample_project["faults"],
        "FLOOD_ZONES": sample_project["flood_zones"],
        "GEOHAZARDS": sample_project["geohazards"],
        "OUTPUT": "memory:",
        **more,
    }


def test_the_scenario_is_scored_as_a_capacity_indicator_as_the_algorithm_does(make_dock, sample_project, resilience_processing, tmp_path):
    """The units output of resilience:corridorfailure given to the dock: its scores are resilience:scoreunits' own with
    the same scenario (SCENARIO), and the indicator is not assessed without it."""
    from tests.helpers import run

    run(
        "resilience:corridorfailure",
        {
            "NETWORK": f"{SAMPLE}|layername=walking_network",
            "UNITS": f"{SAMPLE}|layername=street_units",
            "FACILITIES": f"{SAMPLE}|layername=facilities",
            "FAULTS": f"{SAMPLE}|layername=faults",
            "RANK": False,
            "UNITS_OUT": str(tmp_path / "access.gpkg"),
        },
    )
    access = QgsVectorLayer(str(tmp_path / "access.gpkg"), "情景 可达性", "ogr")
    QgsProject.instance().addMapLayer(access)
    units = sample_project["street_units"]
    dock = make_dock(units)
    assert dock.inputCombos["scenario"].currentLayer() is None  # never guessed: a scenario is chosen
    dock.score_units(wait=True)
    assert "essential_access" in dock.skipped
    dock.inputCombos["scenario"].setLayer(access)
    dock.score_units(wait=True)
    assert "essential_access" in dock.raw
    common = _scored_as_the_dock(sample_project, units, SCENARIO=access)
    expected = {f.id(): (f["score"], f["rank"], f["i_access"]) for f in run("resilience:scoreunits", common)[0]["OUTPUT"].getFeatures()}
    table = dock.unitTable
    cols = [column(dock, t) for t in ("Score", "Rank")]
    for r in range(table.rowCount()):
        fid = table.item(r, 0).data(dock.ID_ROLE)
        score, rank = (table.item(r, c).data(SORT_ROLE) for c in cols)
        assert score == pytest.approx(expected[fid][0], abs=1e-2) and rank == expected[fid][1]
    i = dock.raw_ids.index(fid)
    assert dock.raw["essential_access"][i] == pytest.approx(expected[fid][2])


def test_the_dock_counts_people_from_a_population_raster(make_dock, sample_project, resilience_processing, tmp_path):
    """No population field, a population grid instead (issue 28): the units' people are the grid's exact sums, so
    the density indicator is resilience:zonalpopulation's people over each unit's area."""
    from qgis.core import QgsRasterLayer

    from resilience_plugin.core.paths import sample_population_path

    grid = QgsRasterLayer(str(sample_population_path()), "人口格网")
    QgsProject.instance().addMapLayer(grid)
    units = sample_project["street_units"]
    dock = make_dock(units)
    dock.populationFieldCombo.setField("")
    dock.populationRasterCombo.setLayer(grid)
    dock.score_units(wait=True)
    assert dock.result is not None, getattr(dock, "last_traceback", "")
    out, _ = run("resilience:zonalpopulation", {"INPUT": units, "POPULATION_RASTER": str(sample_population_path()), "OUTPUT": "memory:"})
    want = {f["fid"]: f["pop"] / (f.geometry().area() / 1e6) for f in out["OUTPUT"].getFeatures()}  # people per km²
    got = dict(zip(dock.raw_ids, dock.raw["population_density"]))
    assert len(got) == len(want)
    for fid, value in got.items():
        assert value == pytest.approx(want[fid], rel=1e-6)


def test_a_unit_outside_the_population_raster_is_not_assessed_not_empty(make_dock, resilience_processing, tmp_path):
    """Issue 29 §3: a unit where the raster has no data was given 0 people in the dock, so its density scored as an
    empty unit's. Oracle: a unit over four cells of 100 people each (400 people on 0.04 km²: 10,000 per km²) and a
    unit 10 km outside the raster: NaN, said in the message bar (its "no data in raster", then "zero or null
    population")."""
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    path = str(tmp_path / "grid.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, 100.0, 0.0, 4401000.0, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4548)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.full((4, 4), 100.0, dtype=np.float32))
    ds.GetRasterBand(1).SetNoDataValue(-1)
    ds = None
    grid = QgsRasterLayer(path, "人口格网")
    QgsProject.instance().addMapLayer(grid)
    inside, outside = (
        "POLYGON((500000 4401000, 500200 4401000, 500200 4400800, 500000 4400800, 500000 4401000))",
        ("POLYGON((510000 4401000, 510200 4401000, 510200 4400800, 510000 4400800, 510000 4401000))"),
    )
    units = memory_layer("Polygon", [(inside, ["甲", 0.0]), (outside, ["乙", 0.0])], fields=(("名称", FIELD_STRING), ("x", FIELD_DOUBLE)))
    dock = make_dock(units)
    dock.populationFieldCombo.setField("")
    dock.populationRasterCombo.setLayer(grid)
    dock.score_units(wait=True)
    assert dock.result is not None, getattr(dock, "last_traceback", "")
    density = dict(zip(dock.raw_ids, dock.raw["population_density"]))
    assert density[1] == pytest.approx(10000.0) and np.isnan(density[2]), density
    assert "1 unit(s) with zero or null population" in dock.last_message, dock.last_message  # the last of two said


def test_facilities_without_a_category_field_are_named_not_ignored_in_silence(make_dock, sample_project):
    """Issue 29: a facilities layer with no field that says each facility's category. Before, the dock ignored its
    facilities in silence; it now says so, naming the layer and its fields, and scores without them (the facility
    indicators not assessed, as with no facilities at all: the oracle)."""
    points = memory_layer(
        "Point",
        [("POINT(500000 4400000)", ["某地", 12.5]), ("POINT(503000 4401000)", ["另一地", 3.0])],
        fields=(("地名", FIELD_STRING), ("面积", FIELD_DOUBLE)),
        name="无类别设施",
    )
    dock = make_dock(sample_project["street_units"])
    said = []
    dock._message = lambda text, level: said.append(text)
    dock.inputCombos["facilities"].setLayer(points)
    dock.categoryFieldCombo.setField("")
    dock.score_units(wait=True)
    assert dock.result is not None
    assert any("'无类别设施' has no field that says each facility's category" in t and "地名" in t for t in said), said
    with_none = make_dock(sample_project["street_units"])
    with_none.inputCombos["facilities"].setLayer(None)
    with_none.score_units(wait=True)
    for k in ("shelter_per_person", "police_presence", "fire_coverage"):
        assert (k in dock.raw) == (k in with_none.raw)


@pytest.mark.parametrize("area_field", [False, True], ids=["no-area-field", "area-left-null"])
def test_what_if_says_why_no_unit_changed_and_keeps_the_chosen_card(make_dock, sample_project, area_field):
    """Issue 29: new sites that are shelters without a shelter area change no unit's score (the oracle: the scores
    with and without them are equal, computed by the dock itself); the dock says why. The unit whose card was open
    stays chosen after rescoring. The area left NULL is what siting writes without a capacity field: the review
    found such a site made its unit's shelter "unknown" and its score worse."""
    units = sample_project["street_units"]
    first = next(units.getFeatures())
    centre = first.geometry().pointOnSurface().asPoint()
    fields = (("名称", FIELD_STRING), ("类别", FIELD_STRING)) + ((("shelter_area_m2", FIELD_DOUBLE),) if area_field else ())
    sites = memory_layer(
        "Point",
        [(f"POINT({centre.x()} {centre.y()})", ["新避难场所", "应急避难场所"] + ([None] if area_field else []))],
        fields=fields,
        name="新场地",
    )
    dock = make_dock(units)
    dock.score_units(wait=True)
    row = next(r for r in range(dock.unitTable.rowCount()) if dock.unitTable.item(r, 0).data(dock.ID_ROLE) == first.id())
    dock.unitTable.selectRow(row)
    said = []
    dock._message = lambda text, level: said.append(text)
    dock.inputCombos["whatif"].setLayer(sites)
    dock.score_units(wait=True)
    assert dock.result is not None and dock.result_before is not None
    assert np.allclose(dock.result.score, dock.result_before.score)
    assert any("What if: no unit's score changed with the 1 new site(s) of layer '新场地'" in t and "no shelter area" in t for t in said), (
        said
    )
    assert dock._selected_unit_ids() == [first.id()]


def test_the_dock_leaves_out_what_its_own_profile_allows(make_dock, tmp_path):
    """How much of a field may be unknown before the dock refuses it is its profile's quality.left_out_max_share (a
    review found the built-in profile's used): 2 of 3 populations empty are refused at 0.5, scored at 0.8."""
    import json

    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import load_profile

    rows = [
        (f"POLYGON(({x} 4400000, {x + 1000} 4400000, {x + 1000} 4401000, {x} 4401000, {x} 4400000))", [f"单元{k}", pop])
        for k, (x, pop) in enumerate([(500000, None), (501000, None), (502000, 20000.0)])
    ]
    units = memory_layer("Polygon", rows, fields=(("name", FIELD_STRING), ("population", FIELD_DOUBLE)), name="半空单元")
    dock = make_dock(units)
    dock.score_units(wait=True)
    assert "半空单元, field 'population': 2 of 3" in dock.last_message and dock.result is None
    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["quality"]["left_out_max_share"]["value"] = 0.8
    lenient = tmp_path / "lenient.json"
    lenient.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dock.profile = load_profile(str(lenient))
    dock.score_units(wait=True)
    assert dock.result is not None, dock.last_message


def test_the_dock_follows_the_profiles_fault_rule_as_the_algorithm_does(make_dock, sample_project, resilience_processing, tmp_path):
    """Issue 29 §4: under the profile's rule 'code' (GB 50011 §4.1.7) the two Late Pleistocene faults of the sample
    need no avoidance. The dock's scores are then resilience:scoreunits' own with the same profile (the oracle), they
    differ from the scores under the rule 'plan' (every listed active fault avoided), and the dock says which faults it
    left out."""
    import json

    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import load_profile
    from tests.helpers import run

    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["seismic"]["fault_avoidance_rule"]["value"] = "code"
    code = tmp_path / "code.json"
    code.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    units = sample_project["street_units"]
    dock = make_dock(units)
    said = []
    shown = dock._message
    dock._message = lambda text, level: said.append(text) or shown(text, level)

    def scores():
        dock.score_units(wait=True)
        assert dock.result is not None, dock.last_message
        table, cols = dock.unitTable, [column(dock, t) for t in ("Score", "Rank")]
        return {table.item(r, 0).data(dock.ID_ROLE): tuple(table.item(r, c).data(SORT_ROLE) for c in cols) for r in range(table.rowCount())}

    plan = scores()
    assert not any("rule 'code'" in m for m in said)
    dock.profile = load_profile(str(code))
    by_code = scores()
    assert any("2 of 5 fault(s)" in m for m in said), said
    common = _scored_as_the_dock(sample_project, units, PROFILE=str(code))
    expected = {f.id(): (f["score"], f["rank"]) for f in run("resilience:scoreunits", common)[0]["OUTPUT"].getFeatures()}
    assert set(by_code) == set(expected)
    for fid, (score, rank) in by_code.items():
        assert score == pytest.approx(expected[fid][0], abs=1e-2) and rank == expected[fid][1], fid
    assert sum(abs(plan[f][0] - by_code[f][0]) > 1e-6 for f in plan) > 0  # the rule changed some unit's score


def test_the_dock_says_field_names_in_the_wrong_encoding_as_the_layer_is_chosen(make_dock, tmp_path):
    """Issue 29 §2: a GBK Shapefile without its .cpg file, read as UTF-8: the dock says so with the remedy as soon as
    the layer is chosen, before it offers a garbled name for a field; set to GBK, nothing is said (the oracle: QGIS's
    own field names, garbled and then right)."""
    from tests.test_garble import _gbk_shapefile

    layer = QgsVectorLayer(str(_gbk_shapefile(tmp_path, "单元_utf8")), "单元", "ogr")
    layer.setProviderEncoding("UTF-8")
    assert "名称" not in layer.fields().names()
    said = []
    dock = make_dock(None)
    dock._message = lambda text, level: said.append(text)
    dock.set_layer(layer)
    assert any("'单元'" in m and "GBK" in m and "936" in m for m in said), said
    said.clear()
    layer.setProviderEncoding("GBK")
    dock.set_layer(layer)
    assert "名称" in layer.fields().names() and said == []
