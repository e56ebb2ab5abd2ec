"""The Plan profile dialog: edit a value, save a copy, load it, use it for new runs."""

import json

import pytest
from qgis.core import QgsApplication

from resilience_plugin.core.profile import SCHEMA, load_profile
from resilience_plugin.gui.profile_dialog import ProfileDialog
from resilience_plugin.qgisside.settings import active_profile_path, set_active_profile_path


def row_of(dialog, key):
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == key)


def bar_text(dialog):
    item = dialog.bar.currentItem()
    return f"{item.title()} {item.text()}" if item else ""


@pytest.fixture
def dialog(qgis_iface):
    set_active_profile_path("")
    d = ProfileDialog()
    yield d
    set_active_profile_path("")
    d.deleteLater()


def test_shows_every_value_with_unit_and_source(dialog):
    assert dialog.table.rowCount() == len(SCHEMA)
    r = row_of(dialog, "shelter.area_per_person_target")
    assert json.loads(dialog.table.item(r, 1).text()) == 2.1
    assert dialog.table.item(r, 2).text() == "m2/person"
    assert "京办发〔2021〕27号" in dialog.table.item(r, 3).text()


def test_edit_save_load_and_use_for_new_runs(dialog, tmp_path, resilience_processing):
    r = row_of(dialog, "shelter.area_per_person_target")
    dialog.table.item(r, 1).setText("3.3")
    path = tmp_path / "海淀配置.json"
    dialog.save_to(dialog.edited_profile(), str(path))
    assert load_profile(path).value("shelter.area_per_person_target") == 3.3
    assert "Profile saved" in bar_text(dialog)
    # a fresh dialog loads the copy
    other = ProfileDialog()
    assert other.show_profile(str(path))
    assert json.loads(other.table.item(r, 1).text()) == 3.3
    other.use_for_new_runs()
    assert active_profile_path() == str(path)
    # new algorithm dialogs default to it
    alg = QgsApplication.processingRegistry().createAlgorithmById("resilience:profiletable")
    assert alg.parameterDefinition("PROFILE").defaultValue() == str(path)
    other.deleteLater()


def test_bad_edits_and_files_are_named(dialog, tmp_path):
    r = row_of(dialog, "fire.proxy_distance")
    dialog.table.item(r, 1).setText('"far"')
    dialog.choose_and_save()  # validates before asking for a file name
    assert "fire.proxy_distance.value" in bar_text(dialog)
    dialog.table.item(r, 1).setText("not json")
    dialog.choose_and_save()
    assert "fire.proxy_distance.value" in bar_text(dialog) and "not valid JSON" in bar_text(dialog)
    bad = tmp_path / "bad.json"
    bad.write_text('{"profile": {"id": "x"}}', encoding="utf-8")
    assert not dialog.show_profile(str(bad))
    assert "profile.title" in bar_text(dialog)
    assert dialog.profile.id == "beijing_2022_2035"  # the shown profile is kept
