"""Cancel and progress, for every algorithm, on the whole sample city (its largest layers: 20,487 network edges,
11,885 facilities, 3,186 communities).

A full run reports progress that never goes down and ends at 100, and checks for cancel throughout. Cancelled at
its first check, half-way through its checks, or nine tenths of the way, a run returns no results and logs
"Cancelled: no output was written.", and no output is
left behind: no file, no GeoPackage table (the GeoPackage's other tables stay), no memory layer, and nothing
queued to load into the project. How *soon* a run stops after cancel (the one-second target) is measured at
Beijing scale by `make bench`, not here."""

import sqlite3

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

from tests.helpers import Probe
from tests.test_hostile import CLASSES, SAMPLE, _plain_params, _with_outputs


def _run(name, params, feedback):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        result = processing.run(f"resilience:{name}", params, context=context, feedback=feedback)
    except QgsProcessingException as exc:
        return None, str(exc), context
    return result, "", context


def _outputs_in_store(context, folder):
    """Layers the run keeps (inputs it loaded are there too) that are memory layers or lie in ``folder``."""
    layers = context.temporaryLayerStore().mapLayers().values()
    return [lyr.source() for lyr in layers if lyr.providerType() == "memory" or str(folder) in lyr.source()]


@pytest.mark.parametrize("name", list(CLASSES))
def test_progress_rises_to_100_and_cancel_leaves_nothing(name, resilience_processing, tmp_path):
    params = _with_outputs(name, _plain_params(name, tmp_path), tmp_path / "full")
    (tmp_path / "full").mkdir()
    probe = Probe()
    result, error, _context = _run(name, params, probe)
    assert result is not None, f"{name}: the full run failed: {error}"
    assert probe.progress_steady, f"{name}: progress goes down or does not end at 100: {probe.progress}"
    checks = len(probe.checks)
    assert checks >= 3, f"{name}: only {checks} cancel check(s)"

    # the last case is 90 % of the way: checks that poll a worker thread every tenth of a second vary in number
    for at in sorted({1, checks // 2, max(1, checks * 9 // 10)}):
        folder = tmp_path / f"cancel_{at}"
        folder.mkdir()
        params = _with_outputs(name, dict(params), folder)
        cancelled = Probe(cancel_at=at)
        result, error, context = _run(name, params, cancelled)
        assert result == {} and "Cancelled: no output was written." in cancelled.text, (
            f"{name}, cancelled at check {at} of {checks}: {result or error}"
        )
        assert list(folder.iterdir()) == [], f"{name}, cancelled at check {at}: left {list(folder.iterdir())}"
        assert context.layersToLoadOnCompletion() == {}
        assert _outputs_in_store(context, folder) == []


def _tables(path):
    with sqlite3.connect(path) as db:
        return {t for (t,) in db.execute("SELECT table_name FROM gpkg_contents")}


@pytest.mark.parametrize("where", ["table in an existing GeoPackage", "memory layer"])
def test_a_cancelled_output_in_a_geopackage_or_memory_is_removed(where, resilience_processing, tmp_path):
    import shutil

    existing = tmp_path / "city.gpkg"
    shutil.copyfile(SAMPLE, existing)
    before = _tables(existing)
    dest = f"ogr:dbname='{existing}' table=\"生活圈 circles\" (geom)" if where.startswith("table") else "memory:"
    params = {
        "INPUT": f"{SAMPLE}|layername=communities",
        "FACILITIES": f"{SAMPLE}|layername=facilities",
        "CATEGORY_FIELD": "category",
        "OUTPUT": dest,
    }
    full = Probe()
    result, error, _context = _run("lifecircles", params, full)
    assert result is not None, error
    if where.startswith("table"):
        assert _tables(existing) == before | {"生活圈 circles"}
        shutil.copyfile(SAMPLE, existing)
    # cancelled while its features are being written (the last checks)
    cancelled = Probe(cancel_at=len(full.checks) - 1)
    result, error, context = _run("lifecircles", params, cancelled)
    assert result == {} and "Cancelled: no output was written." in cancelled.text, error
    assert _tables(existing) == before  # only the new table went; the city's layers are intact
    assert _outputs_in_store(context, tmp_path) == []
    assert context.layersToLoadOnCompletion() == {}


# ------------------------------------------------------------------ memory ceilings
def test_a_run_above_its_memory_ceiling_is_warned_about_first(resilience_processing, tmp_path, monkeypatch):
    from resilience_plugin.processing.tools.china_coords import ChinaCoordsAlgorithm
    from tests.helpers import Recorder

    params = {"INPUT": f"{SAMPLE}|layername=facilities", "SOURCE_SYSTEM": 0, "TARGET_SYSTEM": 1, "OUTPUT": str(tmp_path / "a.gpkg")}
    quiet = Recorder()
    result, error, _c = _run("chinacoords", params, quiet)
    assert result is not None, error
    assert "ceiling" not in quiet.log  # the sample city is far below every ceiling

    monkeypatch.setattr(ChinaCoordsAlgorithm, "MEMORY_CEILING_MB", 10)
    warned = Recorder()
    params["OUTPUT"] = str(tmp_path / "b.gpkg")
    result, error, _c = _run("chinacoords", params, warned)
    assert result is not None, error  # a warning, not a refusal
    per_1000 = ChinaCoordsAlgorithm.MEMORY_MB_PER_1000["INPUT"]
    estimate = 11_885 / 1000 * per_1000  # the sample's facilities
    assert f"about {estimate:,.0f} MB" in warned.log and "ceiling of 10 MB" in warned.log
    assert warned.text.index(next(t for t in warned.text if "ceiling" in t)) == 0  # before anything else


def test_free_memory_is_read_from_the_system():
    from resilience_plugin.core.memory import available_mb, estimate_mb

    with open("/proc/meminfo") as f:
        total = next(int(line.split()[1]) for line in f if line.startswith("MemTotal:")) / 1024
    assert 0 < available_mb() <= total
    assert estimate_mb({"A": 2000, "B": 500}, {"A": 1.5, "B": 10.0, "C": 99.0}, base_mb=7) == pytest.approx(7 + 3 + 5)
