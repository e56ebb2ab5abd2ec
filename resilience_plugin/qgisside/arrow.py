"""GeoPackage feature tables read in bulk through GDAL's Arrow interface (issue 17).

GDAL is what QGIS reads a GeoPackage layer with, so values come as QGIS gives them: the same conversions of values
that do not match their column's declared type, the same NULLs and the same WKB. Arrow hands a whole batch of rows
to numpy at once, several times faster than stepping rows through Python's sqlite3. It needs GDAL 3.6 or later with
its numpy bindings; where those are missing, :func:`read_features_gdal` returns None and the caller reads the table
through QGIS.

GDAL before 3.11.4 reads a GeoPackage's Arrow stream on worker threads that can crash the process at random
(OSGeo/gdal#12934, fixed in 3.11.4; seen here as a crash inside QGIS 3.40's GDAL 3.10): on those versions the stream is
read on the calling thread alone (:func:`_one_thread_options`).
"""

import sqlite3
from contextlib import ExitStack, contextmanager
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..core.distinct import Factorized
from ..core.gpkg import Features, Unsupported, connect_read_only, wkbs_as_read

# a batch of text holds rows × the longest value in bytes (numpy's fixed-width strings): batches are sized to this
_TEXT_BATCH_BYTES = 32 * 1024 * 1024
_MAX_BATCH = 65536


def _gdal():
    """GDAL's gdal and ogr modules when they can read Arrow into numpy, else None."""
    try:
        from osgeo import gdal, gdal_array, ogr  # noqa: F401 - gdal_array: the Arrow-to-numpy bridge
    except ImportError:
        return None
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    return gdal, ogr


def read_features_gdal(path: str, table: Optional[str], fields: Optional[Sequence[str]]) -> Optional[Features]:
    """The feature table ``table`` of the GeoPackage ``path`` (None: its only feature table) as
    ``core.gpkg.read_features`` gives it (fid order; ``fields`` by exact name, None: the key then every field), read
    through GDAL's Arrow interface; None where GDAL cannot read it so or where the table holds what this reader
    leaves to others: fields other than text, integer and real, curved or measured geometries, no integer key."""
    found = _gdal()
    if found is None:
        return None
    gdal, ogr = found
    with ExitStack() as stack:
        for module in (gdal, ogr):  # errors raise, on this thread only (GDAL ≥ 3.7; 3.6 returns None instead)
            if hasattr(module, "ExceptionMgr"):
                stack.enter_context(module.ExceptionMgr(useExceptions=True))
        try:
            return _read(gdal, ogr, str(path), table, fields)
        # SystemError: GDAL's numpy bridge refusing a broken batch ("Negative size passed"): QGIS reads instead
        except (RuntimeError, ValueError, TypeError, KeyError, UnicodeDecodeError, Unsupported, sqlite3.Error, OSError, SystemError):
            return None


def _read(gdal, ogr, path: str, table: Optional[str], fields: Optional[Sequence[str]]) -> Optional[Features]:
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
    if ds is None:
        return None
    layers = [ds.GetLayer(i) for i in range(ds.GetLayerCount())]
    layers = [lyr for lyr in layers if lyr is not None and lyr.GetLayerDefn().GetGeomFieldCount() == 1]
    if table is not None:
        layers = [lyr for lyr in layers if lyr.GetName() == table] or [lyr for lyr in layers if lyr.GetName().lower() == table.lower()]
    if len(layers) != 1:
        return None
    lyr = layers[0]
    defn = lyr.GetLayerDefn()
    geom_type = defn.GetGeomFieldDefn(0).GetType()
    if ogr.GT_HasM(geom_type) or ogr.GT_Flatten(geom_type) not in range(1, 7):
        return None
    key = lyr.GetFIDColumn()
    if not key:
        return None
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    fields = [key] + names if fields is None else list(fields)
    text = []
    for f in fields:
        if f == key:
            continue
        if f not in names:
            return None
        fd = defn.GetFieldDefn(names.index(f))
        if fd.GetSubType() != ogr.OFSTNone or fd.GetType() not in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal, ogr.OFTString):
            return None
        if fd.GetType() == ogr.OFTString:
            text.append(f)
    lyr.SetIgnoredFields([n for n in names if n not in fields])
    expected, width, by_ranges = _census(path, lyr.GetName(), key, text)
    batch_rows = int(max(1, min(_MAX_BATCH, _TEXT_BATCH_BYTES // max(width, 1))))
    options = ["INCLUDE_FID=YES", "USE_MASKED_ARRAYS=YES", f"MAX_FEATURES_IN_BATCH={batch_rows}"]
    columns: List[list] = [[] for _ in fields]
    fids: List[int] = []
    wkbs: List[Optional[bytes]] = []
    with _thread_config(gdal, _one_thread_options(gdal.VersionInfo("VERSION_NUM"), by_ranges)):
        for batch in lyr.GetArrowStreamAsNumPy(options=options):
            fid = batch.pop(key)
            geom = [batch.pop(k) for k in list(batch) if k not in fields]
            if len(geom) != 1:
                return None
            fids.extend(_values(fid))
            wkbs.extend(_values(geom[0]))
            for out, f in zip(columns, fields):
                out.extend(_values(fid if f == key else batch[f]))
    if len(fids) != expected:  # never a partial read (GDAL 3.6 ends a stream early on an error, silently)
        return None
    columns = [_decoded(c) if f in text else c for f, c in zip(fields, columns)]
    return Features(lyr.GetName(), fids, fields, columns, wkbs_as_read(wkbs, lyr.GetName()))


def _census(path: str, table: str, key: str, text: List[str]) -> Tuple[int, int, bool]:
    """The rows of ``table``; the bytes of its longest value of each ``text`` column added up (numpy holds a batch of
    text at the width of its longest value); and whether GDAL reads it by ranges of keys (keys 1, 2, … without a
    gap, and the count in ``gpkg_ogr_contents`` true) rather than by one query on a worker thread. One pass of
    SQLite over the table, read-only."""
    longest = "".join(f", coalesce(max(length(CAST({_quoted(f)} AS BLOB))), 0)" for f in text)
    con = connect_read_only(path)
    try:
        found = con.execute(f"SELECT count(*), min({_quoted(key)}), max({_quoted(key)}){longest} FROM {_quoted(table)}").fetchone()
        counted = None
        if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'").fetchone():
            row = con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE lower(table_name) = lower(?)", (table,)).fetchone()
            counted = row[0] if row else None
    finally:
        con.close()
    rows = int(found[0])
    by_ranges = counted == rows and (rows == 0 or (found[1] == 1 and found[2] == rows))
    return rows, int(sum(found[3:])), by_ranges


# GDAL's version number from which its GeoPackage Arrow reader's threads are safe (3.11.4: OSGeo/gdal#12934)
_SAFE_THREADS_FROM = 3110400


def _one_thread_options(version_num: str, by_ranges: bool) -> dict:
    """GDAL's configuration options that keep a GeoPackage's Arrow stream on the calling thread, for GDAL's version
    number ``version_num`` (as ``gdal.VersionInfo("VERSION_NUM")`` gives it); none from 3.11.4.
    - A table GDAL reads ``by_ranges`` of keys (see :func:`_census`): GDAL fetches the next ranges on other threads
      (GDAL_NUM_THREADS before 3.8.3, OGR_GPKG_NUM_THREADS from then): one thread.
    - Any other: GDAL runs its query on a worker thread (the one OSGeo/gdal#12934 fixed): its base reader instead,
      which steps the query on the calling thread (a read takes about twice as long)."""
    if int(version_num) >= _SAFE_THREADS_FROM:
        return {}
    if by_ranges:
        return {"GDAL_NUM_THREADS": "1", "OGR_GPKG_NUM_THREADS": "1"}
    return {"OGR_GPKG_STREAM_BASE_IMPL": "YES"}


@contextmanager
def _thread_config(gdal, options: dict):
    """GDAL configuration ``options`` set on this thread only (QGIS and other algorithms read on theirs), restored
    after."""
    before = {k: gdal.GetThreadLocalConfigOption(k, None) for k in options}
    for k, v in options.items():
        gdal.SetThreadLocalConfigOption(k, v)
    try:
        yield
    finally:
        for k, v in before.items():
            gdal.SetThreadLocalConfigOption(k, v)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _values(array) -> list:
    """A numpy column as Python values, None where masked (NULL)."""
    if isinstance(array, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(array)
        values = array.data.tolist()
        if mask.any():
            for i in np.nonzero(mask)[0].tolist():
                values[i] = None
        return values
    return array.tolist()


def _decoded(values: list) -> Factorized:
    """UTF-8 text as str, each distinct value decoded once (a category column repeats a few values); the column
    carries its distinct values, so that classifying it needs no second pass (``core.distinct.factorize``)."""
    return Factorized.of(values, lambda v: None if v is None else v.decode("utf-8"))
