"""The scorecard dock's hostile-input table: the same cases as tests/test_hostile.py, given to the dock as its units
layer and as its facilities layer. Each either scores (what was repaired or left out said in the message bar) or
says in the message bar what is wrong with which layer. Never a Python traceback (in the dock or in the QGIS log),
and never a changed input layer."""

import pytest
from qgis.core import QgsProject

from tests.conftest import watch_message_log
from tests.test_hostile import CASES, NAME, SAMPLE, _hostile, _snapshot

ROLES = {"units": "street_units", "facilities": "facilities"}


@pytest.fixture
def python_errors():
    errors, stop = watch_message_log(("python",))
    yield errors
    stop()


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
@pytest.mark.parametrize("role", list(ROLES))
def test_the_dock_scores_or_names_the_problem(role, case, qgis_iface, qgis_processing, python_errors):
    from qgis.core import QgsVectorLayer

    project = QgsProject.instance()
    project.clear()
    hostile, kind = _hostile(case, f"{SAMPLE}|layername={ROLES[role]}")
    if hostile is None:
        pytest.skip(f"{case.__name__} does not apply to {kind} input")
    project.addMapLayer(hostile)
    units = hostile
    if role != "units":
        units = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "street_units", "ogr")
        project.addMapLayer(units)
    from resilience_plugin.gui.scorecard_dock import ScorecardDock

    dock = ScorecardDock(qgis_iface.mainWindow())
    try:
        before = _snapshot(hostile)
        dock.layerCombo.setLayer(units)
        dock.set_layer(units)
        if role == "facilities":
            dock.inputCombos["facilities"].setLayer(hostile)
        dock.score_units(wait=True)
        assert not getattr(dock, "last_traceback", ""), dock.last_traceback
        message = getattr(dock, "last_message", "") or ""
        assert "Traceback" not in message
        if dock.result is None:  # refused: the message names the layer or field
            assert NAME in message or "layer" in message.lower() or "field" in message.lower() or "图层" in message, (
                f"{role}/{case.__name__}: the message names no layer or field: {message!r}"
            )
        assert _snapshot(hostile) == before, f"{role}/{case.__name__} changed its input"
    finally:
        dock.close_and_disconnect()
        dock.setParent(None)
        dock.deleteLater()
        project.clear()
    assert python_errors == []


@pytest.mark.parametrize("problem", ["moved", "broken"])
def test_a_chosen_profile_moved_or_broken_since_falls_back_to_the_built_in_one(
    problem, qgis_iface, qgis_processing, python_errors, tmp_path
):
    """The profile chosen for new runs (Plan profile › Use for new runs) is a path in the settings; the file can
    move or be edited badly later. The dock then opens on the built-in profile and says why."""
    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import load_profile
    from resilience_plugin.gui.scorecard_dock import ScorecardDock
    from resilience_plugin.qgisside.settings import active_profile_path, set_active_profile_path

    chosen = tmp_path / "区规划参数.json"
    if problem == "broken":
        chosen.write_text(default_profile_path().read_text(encoding="utf-8")[:500], encoding="utf-8")  # truncated
    before = active_profile_path()
    set_active_profile_path(str(chosen))
    dock = ScorecardDock(qgis_iface.mainWindow())
    try:
        assert dock.profile.value("scoring.dimensions") == load_profile().value("scoring.dimensions")
        expected = "file not found" if problem == "moved" else "is not valid JSON"
        assert str(chosen) in dock.last_message and expected in dock.last_message, dock.last_message
    finally:
        set_active_profile_path(before)
        dock.close_and_disconnect()
        dock.setParent(None)
        dock.deleteLater()
    assert python_errors == []
