"""Every GeoPackage an algorithm writes in the suite is checked (issue 29): GDAL's GeoPackage validator
(osgeo_utils.samples.validate_gpkg, shipped with Debian's python3-gdal), SQLite's integrity check and each spatial
index's rtreecheck. tests/helpers.run calls :func:`check_written` on the outputs of every run.

One finding of the validator is its own mistake and is checked here instead: it reads the empty-geometry flag from
bit 3 of a geometry blob's flags, where the GeoPackage standard (and GDAL's own writer) put it in bit 4, so every
correctly flagged EMPTY geometry fails its requirement 152. Those findings are replaced by the same check made on
bit 4 (flagged empty exactly when OGR finds the geometry empty)."""

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import List

EMPTY_FLAG_MISREAD = ("Inconsistent empty_flag vs geometry content", "Invalid empty geometry")


def problems(path) -> List[str]:
    """What is wrong with the GeoPackage at ``path`` ([] when it is valid)."""
    try:
        from osgeo_utils.samples import validate_gpkg
    except ImportError:  # GDAL's Python utilities missing: the validator's part is skipped, said here
        found = ["validate_gpkg not installed (python3-gdal)"]
    else:
        checker = validate_gpkg.GPKGChecker(str(path), abort_at_first_error=False, warning_msg=False)
        try:
            checker.check()
        except Exception as e:  # noqa: BLE001 - a validator that stops is a finding, not a crash of the suite
            checker.errors.append(("", f"validator stopped: {e}"))
        found = [f"Req {req}: {msg}" for req, msg in checker.errors if msg not in EMPTY_FLAG_MISREAD]
        if any(msg in EMPTY_FLAG_MISREAD for _req, msg in checker.errors):
            found += _empty_flags(path)
    with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            found.append(f"integrity_check: {integrity}")
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING rtree%'"):
            try:
                ok = db.execute("SELECT rtreecheck(?)", (name,)).fetchone()[0]
            except sqlite3.OperationalError:  # an SQLite without rtreecheck (older than 3.24)
                continue
            if ok != "ok":
                found.append(f"rtreecheck({name}): {ok}")
    return found + _rtrees_hold_the_features(path)


def _rtrees_hold_the_features(path) -> List[str]:
    """Each spatial index holds exactly the table's non-empty geometries, each box around its geometry (rtreecheck
    checks only the index's own structure)."""
    from osgeo import ogr

    out = []
    with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as db:
        has = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "gpkg_extensions" not in has:  # no extension, so no spatial index (a table of attributes only)
            return out
        indexed = db.execute("SELECT table_name, column_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'").fetchall()
        for table, column in indexed:
            boxes = {i: b for i, *b in db.execute(f'SELECT id, minx, maxx, miny, maxy FROM "rtree_{table}_{column}"')}
            expected = {}
            for fid, blob in db.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
                envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((blob[3] >> 1) & 7, 0)
                geom = ogr.CreateGeometryFromWkb(bytes(blob[8 + envelope :]))
                if geom is not None and not geom.IsEmpty():
                    expected[fid] = geom.GetEnvelope()  # minx, maxx, miny, maxy
            if set(boxes) != set(expected):
                out.append(f"rtree_{table}_{column}: ids {sorted(set(boxes) ^ set(expected))[:5]} in one of index and table only")
            for fid, (x0, x1, y0, y1) in expected.items():
                b = boxes.get(fid)
                tol = 1e-6 * max(1.0, abs(x0), abs(x1), abs(y0), abs(y1))  # float32 boxes, rounded outwards
                if b is not None and not (b[0] <= x0 + tol and b[1] >= x1 - tol and b[2] <= y0 + tol and b[3] >= y1 - tol):
                    out.append(f"rtree_{table}_{column}: the box of {fid} does not hold its geometry")
                    break
    return out


def _empty_flags(path) -> List[str]:
    """Requirement 152 checked on bit 4: a geometry is flagged empty exactly when it is empty."""
    from osgeo import ogr

    out = []
    with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_geometry_columns'").fetchone():
            return out
        for table, column in db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"):
            for fid, blob in db.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
                flags = blob[3]
                envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 7, 0)
                geom = ogr.CreateGeometryFromWkb(bytes(blob[8 + envelope :]))
                if flags >> 4 & 1 and envelope:  # an empty geometry has no envelope
                    out.append(f"Req 152: {table} row {fid}: flagged empty, with an envelope")
                if geom is None or geom.IsEmpty() != bool(flags >> 4 & 1):
                    state = "empty" if geom and geom.IsEmpty() else "not empty"
                    out.append(f"Req 152: {table} row {fid}: empty flag {flags >> 4 & 1}, geometry {state}")
    return out


def check_written(result) -> None:
    """Assert that every GeoPackage file among an algorithm's results (paths, ``file|layername=t``) is valid."""
    seen = set()
    for value in result.values():
        if not isinstance(value, str) or ".gpkg" not in value.lower():
            continue
        path = Path(value.split("|")[0])
        if path.suffix.lower() != ".gpkg" or not path.is_file() or path in seen:
            continue
        seen.add(path)
        found = problems(path)
        assert not found, f"{path}: " + "; ".join(found[:5])
