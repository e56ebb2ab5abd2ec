"""GeoPackage (OGC 12-128r18) reading and writing on the standard library, numpy and shapely.

- :func:`write_geopackage` writes a new file of feature and attribute tables with their SRS (the sample city, results
  without QGIS). It writes no spatial index: QGIS and GDAL read such files fully, and edits made in QGIS then need no
  index triggers.
- :func:`read_features` reads a plain feature table in bulk, exactly as GDAL gives it.
- :func:`fill_feature_table` fills a feature table that GDAL created empty (an algorithm's GeoPackage output, which
  QGIS's sink creates) in bulk, with what GDAL would write: rows, geometry blobs, extent, feature count and the
  R*Tree spatial index (packed in one pass), keeping GDAL's triggers.
"""

import re
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import shapely
from pyproj import CRS

# ISO date of the sample city's generation; a fixed date keeps the file reproducible.
FIXED_TIMESTAMP = "2026-01-01T00:00:00.000Z"

_SQL_TYPES = {int: "INTEGER", float: "REAL", str: "TEXT", bool: "BOOLEAN"}


@dataclass
class Table:
    """A layer to write: fields as (name, python type), rows as value tuples."""

    name: str
    fields: List[Tuple[str, type]]
    rows: List[Sequence[Any]]
    geometries: Optional[List[Any]] = None  # shapely geometries, or None for a table
    geometry_type: str = "GEOMETRY"  # POINT, LINESTRING, MULTIPOLYGON ...
    epsg: int = 4326
    title: str = ""
    description: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)


def _gpkg_blob(geom, srs_id: int) -> Optional[bytes]:
    if geom is None:
        return None
    dimension = 3 if shapely.has_z(geom) else 2  # explicit: older GEOS (as loaded by QGIS) rejects 4
    wkb = shapely.to_wkb(geom, byte_order=1, include_srid=False, flavor="iso", output_dimension=dimension)
    if geom.is_empty:
        flags = 0b00010001  # little endian, empty, no envelope
        return b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id) + wkb
    minx, miny, maxx, maxy = geom.bounds
    flags = 0b00000011  # little endian, envelope [minx, maxx, miny, maxy]
    return b"GP" + bytes([0, flags]) + struct.pack("<i4d", srs_id, minx, maxx, miny, maxy) + wkb


def _srs_row(epsg: int) -> Tuple:
    crs = CRS.from_epsg(epsg)
    wkt = crs.to_wkt(version="WKT1_GDAL")
    return (crs.name, epsg, "EPSG", epsg, wkt, crs.name)


def write_geopackage(path: Union[str, Path], tables: List[Table]) -> Path:
    """Write ``tables`` into a new GeoPackage at ``path`` (replacing any file there)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = sqlite3.connect(str(path))
    try:
        cur = con.cursor()
        cur.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        cur.execute("PRAGMA user_version = 10200")
        cur.execute(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, "
            "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, "
            "definition TEXT NOT NULL, description TEXT)"
        )
        cur.execute(
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
            "identifier TEXT UNIQUE, description TEXT DEFAULT '', "
            "last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
            "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
            "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))"
        )
        cur.execute(
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
            "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
            "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))"
        )
        srs = {
            -1: ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            0: ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        }
        for epsg in sorted({4326} | {t.epsg for t in tables if t.geometries is not None}):
            srs[epsg] = _srs_row(epsg)
        cur.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", list(srs.values()))

        for t in tables:
            cols = ", ".join(f'"{n}" {_SQL_TYPES[ty]}' for n, ty in t.fields)
            if t.geometries is not None:
                cur.execute(f'CREATE TABLE "{t.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {t.geometry_type}, {cols})')
                blobs = [_gpkg_blob(g, t.epsg) for g in t.geometries]
                marks = ",".join("?" * (len(t.fields) + 1))
                cur.executemany(
                    f'INSERT INTO "{t.name}" (geom, {", ".join(chr(34) + n + chr(34) for n, _ in t.fields)}) VALUES ({marks})',
                    [(b, *row) for b, row in zip(blobs, t.rows)],
                )
                bounds = shapely.total_bounds([g for g in t.geometries if g is not None])
                cur.execute(
                    "INSERT INTO gpkg_contents VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (t.name, "features", t.title or t.name, t.description, FIXED_TIMESTAMP, *map(float, bounds), t.epsg),
                )
                cur.execute("INSERT INTO gpkg_geometry_columns VALUES (?,?,?,?,0,0)", (t.name, "geom", t.geometry_type, t.epsg))
            else:
                cur.execute(f'CREATE TABLE "{t.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, {cols})')
                marks = ",".join("?" * len(t.fields))
                cur.executemany(
                    f'INSERT INTO "{t.name}" ({", ".join(chr(34) + n + chr(34) for n, _ in t.fields)}) VALUES ({marks})',
                    [tuple(row) for row in t.rows],
                )
                cur.execute(
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?,?,?,?,?)",
                    (t.name, "attributes", t.title or t.name, t.description, FIXED_TIMESTAMP),
                )
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return path


class Unsupported(Exception):  # noqa: N818 - not an error: the caller reads the table another way
    """A table :func:`read_features` does not read (curved or measured geometry, an unusual column type or blob, no
    integer key ...): the caller reads it another way."""


# column types read as they are (sqlite's dynamic typing is checked value by value); anything else is Unsupported
_PLAIN_TYPES = {
    "TEXT": (str,),
    "INTEGER": (int,),
    "INT": (int,),
    "MEDIUMINT": (int,),
    "SMALLINT": (int,),
    "TINYINT": (int,),
    "REAL": (float, int),
    "FLOAT": (float, int),
    "DOUBLE": (float, int),
}
_STRAIGHT_TYPES = {"POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON"}
# WKB type codes of those: 2D, ISO Z and EWKB Z
_STRAIGHT_CODES = frozenset(list(range(1, 7)) + list(range(1001, 1007)) + [0x80000000 | c for c in range(1, 7)])
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


@dataclass
class Features:
    """A feature table as read by :func:`read_features`: feature ids (the table's integer key), the column names
    read, the values column by column (one sequence per name, one value per feature), and each feature's WKB (None:
    no geometry, or an empty one)."""

    table: str
    fids: List[int]
    names: List[str]
    columns: List[Sequence]
    wkb: List[Optional[bytes]]

    @property
    def rows(self) -> List[tuple]:
        """The values feature by feature: one tuple per feature, in the order of ``names``."""
        return list(zip(*self.columns)) if self.columns else [() for _ in self.fids]


def _base_type(declared: str) -> str:
    return (declared or "").upper().split("(")[0].strip()


def connect_read_only(path: Union[str, Path]) -> sqlite3.Connection:
    """A read-only SQLite connection to the file ``path`` (never creates it, never writes to it)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)


def read_features(path: Union[str, Path], table: Optional[str] = None, fields: Optional[Sequence[str]] = None) -> Features:
    """Read one feature table of a GeoPackage in bulk, read-only, with the standard library.

    ``table``: the table's name (None: the file's only feature table). ``fields``: the columns to read, by exact name
    (the key column may be among them); None reads the key and then every other column, as QGIS lists a
    GeoPackage's fields. Rows come in key order, as GDAL gives them. Raises :class:`Unsupported` for what it does
    not read exactly as GDAL would (curved or measured geometries, extended or foreign geometry blobs, columns other
    than text, integer and real, values that do not match their column's type), and ``sqlite3.Error`` for a file it
    cannot open."""
    con = connect_read_only(path)
    try:
        tables = con.execute(
            "SELECT c.table_name, g.column_name, g.geometry_type_name, g.m FROM gpkg_contents c "
            "JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name) WHERE c.data_type = 'features'"
        ).fetchall()
        if table is not None:
            tables = [t for t in tables if t[0] == table] or [t for t in tables if t[0].lower() == table.lower()]
        if len(tables) != 1:
            raise Unsupported(f"{table or path}: {len(tables)} feature tables")
        name, geom_col, geom_type, m = tables[0]
        if _base_type(geom_type) not in _STRAIGHT_TYPES or m:
            raise Unsupported(f"{name}: geometry type {geom_type}, m={m}")
        info = con.execute(f'PRAGMA table_info("{name}")').fetchall()  # cid, name, type, notnull, default, pk
        keys = [c for c in info if c[5]]
        if len(keys) != 1 or _base_type(keys[0][2]) != "INTEGER":
            raise Unsupported(f"{name}: no integer key")
        key = keys[0][1]
        types = {c[1]: _base_type(c[2]) for c in info}
        if fields is None:
            fields = [key] + [c[1] for c in info if c[1] not in (key, geom_col)]
        fields = list(fields)
        for f in fields:
            if f != key and types.get(f) not in _PLAIN_TYPES:
                raise Unsupported(f"{name}.{f}: type {types.get(f)}")
        quoted = ", ".join(f'"{c}"' for c in [key, geom_col] + fields)
        rows = con.execute(f'SELECT {quoted} FROM "{name}" ORDER BY "{key}"').fetchall()
    finally:
        con.close()
    if rows:
        columns = list(zip(*rows))
        for k, (f, values) in enumerate(zip(fields, columns[2:])):
            allowed = (int,) if f == key else _PLAIN_TYPES[types[f]]
            found = set(map(type, values))
            if not found <= set(allowed) | {type(None)}:
                raise Unsupported(f"{name}.{f}: values of another type than {types.get(f)}")
            if float in allowed and int in found:  # a whole number stored in a REAL column reads as a float
                columns[2 + k] = tuple(None if v is None else float(v) for v in values)
        fids, blobs, data = list(columns[0]), columns[1], columns[2:]
    else:
        fids, blobs, data = [], (), [() for _ in fields]
    return Features(name, fids, fields, data, _wkbs_of(blobs, name))


_ENVELOPE_SIZES = np.array([_ENVELOPE_BYTES.get(k, -1) for k in range(8)], dtype=np.int64)


def _wkbs_of(blobs: Sequence[Optional[bytes]], table: str) -> List[Optional[bytes]]:
    """The WKB inside each standard GeoPackage geometry blob (None for no geometry or an empty one), the headers
    read for all blobs at once: magic, flags, envelope size, and the WKB's type code, which must be straight."""
    n = len(blobs)
    if not n:
        return []
    blobs = blobs if isinstance(blobs, (list, tuple)) else list(blobs)
    none = blobs.count(None)
    given = [b"" if b is None else b for b in blobs] if none else blobs
    try:
        joined = b"".join(given)
    except TypeError:  # a geometry stored as text or a number
        raise Unsupported(f"{table}: a geometry that is not a standard GeoPackage blob") from None
    lengths = np.fromiter(map(len, given), dtype=np.int64, count=n)
    missing = np.fromiter((b is None for b in blobs), dtype=bool, count=n) if none else np.zeros(n, dtype=bool)
    start = np.cumsum(lengths) - lengths
    buf = np.frombuffer(joined + bytes(8), dtype=np.uint8)  # padded: _empty_straight reads 8 bytes at a WKB's offset 5
    if np.any(~missing & (lengths < 8)):
        raise Unsupported(f"{table}: a geometry that is not a standard GeoPackage blob")
    s = start[~missing]
    if np.any((buf[s] != 0x47) | (buf[s + 1] != 0x50) | (buf[s + 2] != 0)):  # "GP", version 0
        raise Unsupported(f"{table}: a geometry that is not a standard GeoPackage blob")
    flags = np.zeros(n, dtype=np.int64)
    flags[~missing] = buf[s + 3]
    if np.any(flags & 0b00100000):
        raise Unsupported(f"{table}: extended geometry blob")
    size = _ENVELOPE_SIZES[(flags >> 1) & 0b111]
    if np.any(~missing & ((size < 0) | (lengths < 8 + size + 5))):
        raise Unsupported(f"{table}: a geometry blob of an unknown kind")
    keep = ~missing & ((flags & 0b00010000) == 0)  # not flagged empty
    at = start + 8 + size  # where the WKB starts
    w = at[keep]
    empty = _empty_straight(buf, w, table)  # empty, though not flagged so by its writer
    if empty.any():
        keep[np.nonzero(keep)[0][empty]] = False
        w = at[keep]
    ends = start + lengths
    if keep.all():  # the usual table: every feature has a geometry
        return [joined[lo:hi] for lo, hi in zip(w.tolist(), ends.tolist())]
    out: List[Optional[bytes]] = [None] * n
    ends = ends.tolist()
    for i, lo in zip(np.nonzero(keep)[0].tolist(), w.tolist()):
        out[i] = joined[lo : ends[i]]
    return out


_HEAD = np.arange(13)  # a WKB's byte order, type code, and the 8 bytes after it


def _empty_straight(buf: np.ndarray, at: np.ndarray, table: str) -> np.ndarray:
    """Which of the WKBs starting at ``at`` in ``buf`` (padded by 8 bytes past the last) are empty, all read at
    once: a point with a NaN first coordinate (how WKB writes an empty point), any other type with no rings, points
    or parts; QGIS counts such a geometry with the features that have none. Raises :class:`Unsupported` unless
    every WKB is of a straight type (point, line, polygon and their multi types, 2-D or with Z), in either byte
    order."""
    if not len(at):
        return np.zeros(0, dtype=bool)
    step = int(at[1] - at[0]) if len(at) > 1 else 0
    if step >= 13 and (np.diff(at) == step).all():  # WKBs of one length (a point layer): a view, nothing gathered
        heads = np.lib.stride_tricks.as_strided(buf[at[0] :], shape=(len(at), 13), strides=(step, 1), writeable=False)
    else:
        heads = buf[at[:, None] + _HEAD]
    code = heads[:, 1:5].copy().view("<u4")[:, 0].astype(np.int64)
    first = heads[:, 5:13].copy().view("<f8")[:, 0]
    count = heads[:, 5:9].copy().view("<u4")[:, 0]
    big = heads[:, 0] == 0
    if big.any():
        code[big] = heads[big, 4:0:-1].copy().view("<u4")[:, 0]
        first[big] = heads[big, 12:4:-1].copy().view("<f8")[:, 0]
        count[big] = heads[big, 8:4:-1].copy().view("<u4")[:, 0]
    bad = ~np.isin(code, np.array(sorted(_STRAIGHT_CODES), dtype=np.int64))
    if bad.any():
        raise Unsupported(f"{table}: WKB type {int(code[bad][0])}")
    return np.where((code & 0xFFFF) % 1000 == 1, np.isnan(first), count == 0)


def wkbs_as_read(wkbs: Sequence[Optional[bytes]], table: str) -> List[Optional[bytes]]:
    """``wkbs`` (WKB as GDAL gives a table's geometries, None for none) with None for each empty geometry, as QGIS
    counts an empty geometry as no geometry: a point with NaN coordinates (how WKB writes an empty point), any other
    type with no rings, points or parts. Raises :class:`Unsupported` for a blob that is not straight WKB."""
    n = len(wkbs)
    wkbs = wkbs if isinstance(wkbs, list) else list(wkbs)
    none = wkbs.count(None)
    given = [b"" if b is None else b for b in wkbs] if none else wkbs
    try:
        buf = np.frombuffer(b"".join(given) + bytes(8), dtype=np.uint8)  # padded: 8 bytes are read at offset 5
    except TypeError:
        raise Unsupported(f"{table}: a geometry that is not WKB") from None
    lengths = np.fromiter(map(len, given), dtype=np.int64, count=n)
    start = np.cumsum(lengths) - lengths
    present = lengths > 0
    if np.any(present & (lengths < 9)) or none != n - int(present.sum()):
        raise Unsupported(f"{table}: a geometry that is not WKB")
    at = start[present]
    empty = _empty_straight(buf, at, table)
    if not empty.any():
        return wkbs
    out = list(wkbs)
    for i in np.nonzero(present)[0][empty].tolist():
        out[i] = None
    return out


def read_table(path: Union[str, Path], name: str) -> Tuple[List[str], List[tuple], Optional[List[Any]]]:
    """Read a table back: (field names, rows, geometries or None). For tests and core users."""
    con = sqlite3.connect(str(path))
    try:
        cur = con.execute(f'SELECT * FROM "{name}"')
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if "geom" not in names:
        return names[1:], [r[1:] for r in rows], None
    gi = names.index("geom")
    geoms = [None if w is None else shapely.from_wkb(w) for w in _wkbs_of([r[gi] for r in rows], name)]
    keep = [i for i, n in enumerate(names) if n not in ("fid", "geom")]
    return [names[i] for i in keep], [tuple(r[i] for i in keep) for r in rows], geoms


# --------------------------------------------------------------------------- filling a table GDAL created

# what each declared column type accepts, as GDAL would store it unchanged: anything else is Unsupported
_INT_RANGES = {
    "TINYINT": (-(2**7), 2**7 - 1),
    "SMALLINT": (-(2**15), 2**15 - 1),
    "MEDIUMINT": (-(2**31), 2**31 - 1),  # GDAL's 32-bit integer field
    "INT": (-(2**31), 2**31 - 1),
    "INTEGER": (-(2**63), 2**63 - 1),
}
_GEOS_TYPES = {"POINT": 0, "LINESTRING": 1, "POLYGON": 3, "MULTIPOINT": 4, "MULTILINESTRING": 5, "MULTIPOLYGON": 6}


def gpkg_blobs(geoms: Sequence, srs_id: int) -> List[Optional[bytes]]:
    """Standard GeoPackage geometry blobs of 2-D ``geoms`` as GDAL writes them (little endian; an envelope
    [minx, maxx, miny, maxy] except for points), built for all geometries at once; None for no or an empty geometry."""
    geoms = np.asarray(geoms, dtype=object)
    out: List[Optional[bytes]] = [None] * len(geoms)
    present = np.nonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))[0] if len(geoms) else np.empty(0, np.int64)
    if not len(present):
        return out
    g = geoms[present]
    wkbs = shapely.to_wkb(g, byte_order=1, flavor="iso", output_dimension=2, include_srid=False)
    point = shapely.get_type_id(g) == 0
    head = np.zeros(len(g), dtype=[("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("env", "<f8", (4,))])
    head["magic"], head["srs"] = b"GP", srs_id
    head["flags"] = np.where(point, 0b00000001, 0b00000011)  # little endian; envelope kind 1 unless a point
    head["env"] = shapely.bounds(g)[:, [0, 2, 1, 3]]
    raw = head.tobytes()
    size = head.dtype.itemsize
    cut = np.where(point, 8, size).tolist()
    for k, (i, w) in enumerate(zip(present.tolist(), wkbs.tolist())):
        at = k * size
        out[i] = raw[at : at + cut[k]] + w
    return out


def _float32_out(v: np.ndarray, up: bool) -> np.ndarray:
    """``v`` as float32 rounded outwards (down for a minimum, up for a maximum) as SQLite's R*Tree stores a box it is
    given: where the nearest float32 lies on the wrong side, the value scaled by 1 -/+ 2**-23 (its rtreeValueDown and
    rtreeValueUp), so that the boxes are the same as inserting them one by one."""
    f = v.astype(np.float32)
    wrong = f.astype(np.float64) < v if up else f.astype(np.float64) > v
    away, towards = 1.0 + 1.0 / 8388608.0, 1.0 - 1.0 / 8388608.0
    shrink = (v < 0) == up  # a minimum of a positive value, a maximum of a negative one: scaled towards zero
    scaled = v * np.where(shrink, towards, away)
    f[wrong] = scaled[wrong].astype(np.float32)
    return f


def _str_order(boxes: np.ndarray, per_node: int) -> np.ndarray:
    """Sort-Tile-Recursive order of ``boxes`` (n x 4: minx, maxx, miny, maxy): vertical slices by centre x, each by
    centre y, so that consecutive runs of ``per_node`` boxes lie close together."""
    n = len(boxes)
    nodes = -(-n // per_node)
    slices = max(1, int(np.ceil(np.sqrt(nodes))))
    cx, cy = boxes[:, 0] + boxes[:, 1], boxes[:, 2] + boxes[:, 3]
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) * slices // n
    return np.lexsort((cy, slice_of))


# a cell of an R*Tree node: a big-endian 64-bit id and its box (minx, maxx, miny, maxy) as big-endian float32
_RTREE_CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])


def _empty_rtree_node_size(con, rtree: str) -> Optional[int]:
    """The node size (bytes) of ``rtree`` where it is an empty 2-D R*Tree of SQLite's rtree module with room for at
    least 4 cells a node: its node, rowid and parent tables, the root node 1 alone, no rowid. None otherwise."""
    shadow = [f"{rtree}_node", f"{rtree}_rowid", f"{rtree}_parent"]
    found = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)", shadow).fetchone()[0]
    if found != 3:
        return None
    columns = [r[1] for r in con.execute(f'PRAGMA table_info("{rtree}_rowid")')]
    nodes = con.execute(f'SELECT nodeno, length(data) FROM "{rtree}_node"').fetchall()
    if (
        columns != ["rowid", "nodeno"]
        or len(nodes) != 1
        or nodes[0][0] != 1
        or con.execute(f'SELECT count(*) FROM "{rtree}_rowid"').fetchone()[0]
    ):
        return None
    size = nodes[0][1]
    if (size - 4) // _RTREE_CELL.itemsize < 4:
        return None
    return size


def _rtree_levels(ids: np.ndarray, boxes: np.ndarray, per_node: int) -> list:
    """The levels of an R*Tree packed Sort-Tile-Recursive, bottom-up, up to the root: for each, (child ids, child
    boxes, node of each child, node count, box of each node). The children of a level above the leaves are the
    nodes of the level below, by their index there."""
    levels = []
    child_ids, child_boxes = np.asarray(ids, dtype=np.int64), boxes
    while True:
        order = _str_order(child_boxes.astype(np.float64), per_node) if len(child_ids) > per_node else np.arange(len(child_ids))
        child_ids, child_boxes = child_ids[order], child_boxes[order]
        count = -(-len(child_ids) // per_node)
        node_of = np.arange(len(child_ids)) * count // len(child_ids)  # evenly filled nodes, consecutive runs
        starts = np.r_[0, np.nonzero(np.diff(node_of))[0] + 1]
        box = np.column_stack(
            [
                np.minimum.reduceat(child_boxes[:, 0], starts),
                np.maximum.reduceat(child_boxes[:, 1], starts),
                np.minimum.reduceat(child_boxes[:, 2], starts),
                np.maximum.reduceat(child_boxes[:, 3], starts),
            ]
        )
        levels.append((child_ids, child_boxes, node_of, count, box))
        if count == 1:
            return levels
        child_ids, child_boxes = np.arange(count, dtype=np.int64), box  # numbered below, once every level is known


def _rtree_nodes(levels: list, size: int) -> Tuple[List[int], list, list]:
    """The node tables of the R*Tree of ``levels`` (see :func:`_rtree_levels`) with nodes of ``size`` bytes: the
    first node number of each level (the root is 1, then each level below in order), the (node number, blob) rows and
    the (node number, parent number) rows."""
    first, number = [], 1
    for level in reversed(levels):
        first.append(number)
        number += level[3]
    first.reverse()
    blobs, parents = [], []
    for depth, (child_ids, child_boxes, node_of, count, _box) in enumerate(levels):
        if depth:  # children are the nodes of the level below, by their index there: now their numbers
            child_ids = child_ids + first[depth - 1]
            parents.extend(zip(child_ids.tolist(), (node_of + first[depth]).tolist()))
        cells = np.empty(len(child_ids), dtype=_RTREE_CELL)
        cells["id"], cells["box"] = child_ids, child_boxes
        raw = cells.tobytes()
        bounds_of = np.r_[0, np.cumsum(np.bincount(node_of, minlength=count))]
        for k in range(count):
            lo, hi = bounds_of[k], bounds_of[k + 1]
            header = (len(levels) - 1 if depth == len(levels) - 1 else 0).to_bytes(2, "big") + int(hi - lo).to_bytes(2, "big")
            body = header + raw[lo * _RTREE_CELL.itemsize : hi * _RTREE_CELL.itemsize]
            blobs.append((first[depth] + k, body + bytes(size - len(body))))
    return first, blobs, parents


def _bulk_rtree(con, rtree: str, ids: np.ndarray, bounds: np.ndarray) -> bool:
    """Load the empty 2-D R*Tree ``rtree`` (SQLite's rtree module, as the GeoPackage extension declares it) with
    ``ids`` and their ``bounds`` (minx, miny, maxx, maxy) in one pass, packed Sort-Tile-Recursive, by writing its
    node, rowid and parent tables as the module itself does: each node a blob of the table's node size (a 4-byte
    header: the tree depth in the root, the number of cells; cells of a big-endian 64-bit id and four float32
    coordinates rounded outwards), node 1 the root. False, with nothing written, where the table is not such an
    empty R*Tree or SQLite refuses writes to its tables (defensive mode): the caller then inserts row by row."""
    size = _empty_rtree_node_size(con, rtree)
    if size is None:
        return False
    boxes = np.column_stack(
        [
            _float32_out(bounds[:, 0], False),
            _float32_out(bounds[:, 2], True),
            _float32_out(bounds[:, 1], False),
            _float32_out(bounds[:, 3], True),
        ]
    )
    levels = _rtree_levels(ids, boxes, (size - 4) // _RTREE_CELL.itemsize)
    first, blobs, parents = _rtree_nodes(levels, size)
    leaf_ids, _b, leaf_of = levels[0][:3]
    try:
        con.execute("SAVEPOINT rtree_bulk")
        con.execute(f'DELETE FROM "{rtree}_node"')
        con.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', blobs)
        con.executemany(f'INSERT INTO "{rtree}_rowid" (rowid, nodeno) VALUES (?, ?)', zip(leaf_ids.tolist(), (leaf_of + first[0]).tolist()))
        con.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)', parents)
        con.execute("RELEASE rtree_bulk")
    except sqlite3.Error:  # shadow tables read-only (SQLITE_DBCONFIG_DEFENSIVE)
        con.execute("ROLLBACK TO rtree_bulk")
        con.execute("RELEASE rtree_bulk")
        return False
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_values(table: str, name: str, declared: str, values: Sequence) -> None:
    """Unsupported unless every value is stored unchanged in a column declared ``declared``, as GDAL would: the value
    types the reader accepts for the column (``_PLAIN_TYPES``), integers within the column's range, text without NUL;
    columns of other types (FLOAT, a TEXT of limited width …) are left to GDAL."""
    base = _base_type(declared)
    if not (base in _INT_RANGES or base in ("REAL", "DOUBLE") or declared.strip().upper() == "TEXT"):
        raise Unsupported(f"{table}.{name}: column type {declared}")
    found = set(map(type, values)) - {type(None)}
    if not found <= set(_PLAIN_TYPES[base]):
        raise Unsupported(f"{table}.{name}: {sorted(t.__name__ for t in found)} in a {base} column")
    if base in _INT_RANGES:
        distinct = set(values) - {None}
        lo, hi = _INT_RANGES[base]
        if distinct and (min(distinct) < lo or max(distinct) > hi):
            raise Unsupported(f"{table}.{name}: a value beyond the column's range")
    elif base == "TEXT":
        joined = "\x01".join(set(values) - {None})  # text repeats: each once
        # NUL (GDAL cuts the text there) or a lone surrogate (no UTF-8 for it; QGIS writes '?'): left to QGIS's sink
        if "\x00" in joined or _SURROGATE.search(joined):
            raise Unsupported(f"{table}.{name}: values that are not plain text")


def feature_ids(values: Sequence, start: int = 1) -> List[int]:
    """The feature ids a GeoPackage gives rows inserted in order with these key values (None: the next number, one
    above the largest id so far or ``start``, as SQLite's AUTOINCREMENT does, and as GDAL then writes them)."""
    out, top = [], start - 1
    for v in values:
        fid = top + 1 if v is None else v
        top = max(top, fid)
        out.append(fid)
    return out


def check_rows(
    table: str,
    names: Sequence[str],
    declared: Sequence[str],
    geometry_type: str,
    rows: Sequence[Sequence[Any]],
    geoms: Sequence,
    key: Optional[str] = None,
) -> None:
    """Raise :class:`Unsupported` unless :func:`fill_feature_table` writes ``rows`` and ``geoms`` into columns
    ``names`` declared ``declared`` (SQL types) of a ``geometry_type`` table exactly as GDAL would: plain values of
    the columns' types (integers within the column's range, reals, text without NUL), and every feature with a
    non-empty geometry of the table's type in two dimensions (writers differ in how they store a feature without
    one: QGIS's file writer an empty geometry, its OGR provider none). ``key``: the one of ``names`` that is the
    table's integer key (a ``fid`` field carried over from a GeoPackage input): positive integers or None, the ids
    they give (:func:`feature_ids`) distinct."""
    want = _GEOS_TYPES.get(_base_type(geometry_type))
    geoms = np.asarray(geoms, dtype=object) if len(geoms) else np.empty(0, dtype=object)
    if len(rows) != len(geoms) or (len(rows) and set(map(len, rows)) != {len(names)}):
        raise ValueError("check_rows: one geometry and one value per name for each row")
    if want is None:
        raise Unsupported(f"{table}: geometry type {geometry_type}")
    if len(geoms) and (np.any(shapely.is_missing(geoms)) or np.any(shapely.is_empty(geoms))):
        raise Unsupported(f"{table}: a feature without geometry")
    if len(geoms) and (np.any(shapely.get_type_id(geoms) != want) or np.any(shapely.has_z(geoms))):
        raise Unsupported(f"{table}: geometries of another type than {geometry_type}")
    if len(rows):
        columns = getattr(rows, "columns", None) or list(zip(*rows))  # rows of io.table_rows carry their columns
        for n, kind, values in zip(names, declared, columns):
            _check_values(table, n, kind, values)
            if key is not None and n.lower() == key.lower():
                ids = feature_ids(values)
                if any(v is not None and v < 1 for v in values) or len(set(ids)) != len(ids):
                    raise Unsupported(f"{table}.{n}: feature ids that are not positive and distinct")


def _empty_feature_table(con, path, table: Optional[str], names: Sequence[str]) -> Tuple[str, str, str, int, str, Dict[str, str]]:
    """The feature table ``table`` (None: the file's only one) that :func:`fill_feature_table` fills: its name,
    geometry column, geometry type, SRS id, integer key and declared type of each column. Raises
    :class:`Unsupported` unless it is the one such table, has an integer key and a 2-D geometry without z or m,
    ``names`` are distinct columns of it other than the geometry, and it is empty."""
    tables = con.execute(
        "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, g.z, g.m FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name) WHERE c.data_type = 'features'"
    ).fetchall()
    if table is not None:
        tables = [t for t in tables if t[0].lower() == table.lower()]
    if len(tables) != 1:
        raise Unsupported(f"{table or path}: {len(tables)} feature tables")
    name, geom_col, geom_type, srs_id, z, m = tables[0]
    info = con.execute(f'PRAGMA table_info("{name}")').fetchall()  # cid, name, type, notnull, default, pk
    keys = [c for c in info if c[5]]
    if len(keys) != 1 or _base_type(keys[0][2]) != "INTEGER" or z or m:
        raise Unsupported(f"{name}: no integer key, or a geometry with z or m")
    key = keys[0][1]
    declared = {c[1]: c[2] or "" for c in info}
    if any(n not in declared or n == geom_col for n in names) or len({n.lower() for n in names}) != len(names):
        raise Unsupported(f"{name}: fields {list(names)} are not its columns {list(declared)}")
    if con.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]:
        raise Unsupported(f"{name}: not empty")
    return name, geom_col, geom_type, srs_id, key, declared


def _ids_apart(key: str, names: Sequence[str], rows: Sequence[Sequence[Any]], start: int) -> Tuple[Sequence[int], Sequence, Sequence[str]]:
    """The feature ids of ``rows`` numbered from ``start``, and the rows and names without the ``key`` column where
    ``names`` has it (a fid field: the ids its values give, None numbered on as SQLite would)."""
    at_key = [i for i, n in enumerate(names) if n.lower() == key.lower()]
    if not at_key:
        return range(start, start + len(rows)), rows, names
    k = at_key[0]
    fids = feature_ids([r[k] for r in rows], start)
    rows = [(*r[:k], *r[k + 1 :]) for r in rows]
    names = [n for i, n in enumerate(names) if i != k]
    return fids, rows, names


def _insert_features(con, name: str, columns: Sequence[str], fids, blobs, rows, chunk: int, progress, canceled) -> None:
    """Insert the rows (feature id, geometry blob, then the values) into table ``name``'s ``columns`` by chunks of
    ``chunk`` rows: ``canceled`` checked before each chunk, ``progress`` told the share written after it."""
    from .cancel import check

    into = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    for lo in range(0, len(rows), chunk):
        check(canceled)
        hi = min(lo + chunk, len(rows))
        con.executemany(
            f'INSERT INTO "{name}" ({into}) VALUES ({marks})',
            ((fid, blob, *row) for fid, blob, row in zip(fids[lo:hi], blobs[lo:hi], rows[lo:hi])),
        )
        if progress is not None:
            progress(hi / len(rows))


def _fill_index_extent_count(con, name: str, rtree: Optional[str], ids: np.ndarray, bounds: np.ndarray, count: int) -> None:
    """After the features of table ``name`` are inserted: its R*Tree ``rtree`` (None: it has none) filled with
    ``ids`` and ``bounds``, in bulk where it can be, its extent in ``gpkg_contents`` and its feature ``count`` in
    ``gpkg_ogr_contents`` (where the file has that table)."""
    if rtree is not None and len(bounds) and not _bulk_rtree(con, rtree, ids, bounds):
        con.executemany(f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)', zip(ids.tolist(), *(bounds[:, k].tolist() for k in (0, 2, 1, 3))))
    if len(bounds):
        extent = (*bounds[:, :2].min(axis=0).tolist(), *bounds[:, 2:].max(axis=0).tolist())
        # through SQLite's own number formatting, as GDAL writes the extent (to the 16th digit)
        con.execute(
            "UPDATE gpkg_contents SET min_x = CAST(printf('%.17g', ?) AS REAL), min_y = CAST(printf('%.17g', ?) AS REAL), "
            "max_x = CAST(printf('%.17g', ?) AS REAL), max_y = CAST(printf('%.17g', ?) AS REAL), "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?)",
            (*extent, name),
        )
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'").fetchone():
        con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)", (count, name))


def _roll_back(con) -> None:
    """Roll the open transaction back, unless SQLite has already (after a full disk or an I/O error); an error in
    doing so is not raised: the first error is the one to report."""
    if con.in_transaction:
        try:
            con.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def fill_feature_table(
    path: Union[str, Path],
    table: Optional[str],
    names: Sequence[str],
    rows: Sequence[Sequence[Any]],
    geoms: Sequence,
    progress=None,
    canceled=None,
    chunk: int = 20000,
    checked: Optional[Tuple[Sequence[str], str]] = None,
) -> int:
    """Write ``rows`` (values in the order of ``names``) with shapely ``geoms`` into the empty feature table ``table``
    (None: the file's only one) of an existing GeoPackage, as GDAL would, in bulk: features numbered from 1, the
    spatial index and its triggers (the R*Tree extension, when the table has it), the extent in ``gpkg_contents`` and
    GDAL's feature count in ``gpkg_ogr_contents``. Returns the number of features written.

    For outputs that QGIS created empty (the table, its fields, CRS and index are GDAL's own); the bulk insert is
    several times faster than writing features one by one. Raises :class:`Unsupported`, having changed nothing, for
    what it cannot write exactly as GDAL would: a table that is not empty, a column or geometry type other than the
    plain ones, what :func:`check_rows` refuses. ``checked``: the (declared types, geometry type) the caller has
    already passed the rows through :func:`check_rows` with; where the table has those, they are not checked again.
    ``canceled()`` (a callable, or None) is checked between chunks: on cancel nothing is written and
    :class:`.cancel.Cancelled` is raised; ``progress(fraction)`` follows the rows written."""
    from .cancel import check

    geoms = np.asarray(geoms, dtype=object) if len(geoms) else np.empty(0, dtype=object)
    con = sqlite3.connect(str(path), isolation_level=None)
    try:
        name, geom_col, geom_type, srs_id, key, declared = _empty_feature_table(con, path, table, names)
        types = [declared[n] for n in names]
        if checked is None or [t.upper() for t in checked[0]] != [t.upper() for t in types] or checked[1].upper() != geom_type.upper():
            check_rows(name, names, types, geom_type, rows, geoms, key)
        if not len(rows):
            return 0  # as GDAL leaves a table it wrote no feature into
        rtree = f"rtree_{name}_{geom_col}"
        has_rtree = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)).fetchone()
        blobs = gpkg_blobs(geoms, srs_id)
        start = (con.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (name,)).fetchone() or (0,))[0] + 1
        fids, rows, names = _ids_apart(key, names, rows, start)
        bounds = shapely.bounds(geoms) if len(geoms) else np.empty((0, 4))
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (name,)).fetchall()
        con.execute("BEGIN IMMEDIATE")
        try:
            for t, _sql in triggers:  # the index and the count are filled below, at once
                con.execute(f'DROP TRIGGER "{t}"')
            _insert_features(con, name, [key, geom_col, *names], fids, blobs, rows, chunk, progress, canceled)
            check(canceled)
            _fill_index_extent_count(con, name, rtree if has_rtree else None, np.asarray(fids, dtype=np.int64), bounds, len(rows))
            for _t, sql in triggers:
                con.execute(sql)
            check(canceled)
            con.execute("COMMIT")
        except BaseException:
            _roll_back(con)
            raise
    finally:
        con.close()
    return len(rows)
