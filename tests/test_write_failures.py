"""A write that fails (a full disk) gets a message and leaves nothing partial (issue 29). Each run is a child process
whose files are capped at a size (tests/write_limited.py), below what the output needs; the oracle is the same run
without the cap (its file size and feature count) and the target file's other tables, counted before."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

CHILD = Path(__file__).resolve().parent / "write_limited.py"


def _run_capped(algorithm, parameters, limit) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(CHILD), algorithm, json.dumps(parameters), str(limit)], capture_output=True, text=True, env=env, timeout=300
    )
    said = [line for line in done.stdout.splitlines() if line.startswith(("OK", "REFUSED"))]
    assert done.returncode == 0 and said, done.stdout[-2000:] + done.stderr[-2000:]
    return said[-1]


def _counts(path) -> dict:
    con = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    return counts


@pytest.fixture
def communities_with_one_without_geometry(tmp_path):
    """The sample's communities and one without a geometry: its life circle has none either, so the bulk writer
    leaves the output to QGIS's own sink."""
    path = tmp_path / "社区.gpkg"
    path.write_bytes(SAMPLE.read_bytes())
    con = sqlite3.connect(str(path))
    con.execute("INSERT INTO communities (geom, name) VALUES (NULL, '无坐标社区')")
    con.commit()
    con.close()
    return f"{path}|layername=communities"


@pytest.mark.parametrize("share", [0.6, 0.99])
def test_a_full_disk_under_qgis_sink_is_refused_and_nothing_is_left(tmp_path, communities_with_one_without_geometry, share):
    """GDAL reports the failed COMMIT only to its log when QGIS's sink closes: at 60 % of the size the file has no
    table, at 99 % it has every row but GDAL said the commit failed. Both are refused and removed."""
    whole = tmp_path / "whole.gpkg"
    assert _run_capped("resilience:lifecircles", {"INPUT": communities_with_one_without_geometry, "OUTPUT": str(whole)}, 2**40) == "OK"
    size = whole.stat().st_size
    capped = tmp_path / "capped.gpkg"
    said = _run_capped("resilience:lifecircles", {"INPUT": communities_with_one_without_geometry, "OUTPUT": str(capped)}, int(size * share))
    assert said.startswith("REFUSED") and "capped.gpkg" in said, said
    assert ("disk" in said or "I/O" in said) or "holds" in said, said
    assert not capped.exists()


@pytest.mark.parametrize("alg, parameters", [("resilience:samplelayer", {"LAYER": 3}), ("resilience:profiletable", {})])
def test_the_tools_that_copy_a_layer_refuse_a_full_disk_and_leave_nothing(tmp_path, alg, parameters):
    """The sample-layer and profile-table tools write through QGIS's sink themselves: a full disk at 60 % of the
    output's size is refused and nothing is left, as for the analyses (the oracle: the uncapped run's file)."""
    whole = tmp_path / "whole.gpkg"
    assert _run_capped(alg, {**parameters, "OUTPUT": str(whole)}, 2**40) == "OK"
    capped = tmp_path / "capped.gpkg"
    said = _run_capped(alg, {**parameters, "OUTPUT": str(capped)}, int(whole.stat().st_size * 0.6))
    assert said.startswith("REFUSED") and "capped.gpkg" in said, said
    assert not capped.exists()


def test_a_full_disk_while_filling_a_table_of_an_existing_geopackage_leaves_it_as_it_was(tmp_path):
    """The bulk writer fills a new table of an existing GeoPackage; the disk fills up. No second try through QGIS's
    sink (which committed batches of 1,000 rows and left them): the run is refused, the new table is gone and the
    file's other tables hold what they held."""
    target = tmp_path / "existing.gpkg"
    target.write_bytes(SAMPLE.read_bytes())
    before = _counts(target)
    parameters = {
        "INPUT": f"{SAMPLE}|layername=communities",
        "OUTPUT": f"ogr:dbname='{target}' table=\"生活圈\" (geom)",
    }
    said = _run_capped("resilience:lifecircles", parameters, target.stat().st_size + 64 * 1024)
    assert said.startswith("REFUSED") and ("disk" in said or "I/O" in said), said
    assert _counts(target) == before
