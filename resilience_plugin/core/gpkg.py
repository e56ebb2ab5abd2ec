"""A small GeoPackage (OGC 12-128r18) writer on the standard library and shapely.

Core uses it to write the sample city and, later, results without QGIS. It writes
feature and attribute tables with their SRS. It writes no spatial index: QGIS and GDAL
read such files fully, and edits made in QGIS then need no index triggers.
"""

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
            "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL, "
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
    read, one row of values per feature, and each feature's WKB (None: no geometry, or an empty one)."""

    table: str
    fids: List[int]
    names: List[str]
    rows: List[tuple]
    wkb: List[Optional[bytes]]


def _base_type(declared: str) -> str:
    return (declared or "").upper().split("(")[0].strip()


def read_features(path: Union[str, Path], table: Optional[str] = None, fields: Optional[Sequence[str]] = None) -> Features:
    """Read one feature table of a GeoPackage in bulk, read-only, with the standard library.

    ``table``: the table's name (None: the file's only feature table). ``fields``: the columns to read, by exact name
    (the key column may be among them); None reads the key and then every other column, as QGIS lists a
    GeoPackage's fields. Rows come in key order, as GDAL gives them. Raises :class:`Unsupported` for what it does
    not read exactly as GDAL would (curved or measured geometries, extended or foreign geometry blobs, columns other
    than text, integer and real, values that do not match their column's type), and ``sqlite3.Error`` for a file it
    cannot open."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    con = sqlite3.connect(uri, uri=True)
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
        fids, blobs, data = list(columns[0]), columns[1], list(zip(*columns[2:])) if fields else [() for _ in rows]
    else:
        fids, blobs, data = [], (), []
    return Features(name, fids, fields, data, _wkbs_of(blobs, name))


_ENVELOPE_SIZES = np.array([_ENVELOPE_BYTES.get(k, -1) for k in range(8)], dtype=np.int64)


def _wkbs_of(blobs: Sequence[Optional[bytes]], table: str) -> List[Optional[bytes]]:
    """The WKB inside each standard GeoPackage geometry blob (None for no geometry or an empty one), the headers
    read for all blobs at once: magic, flags, envelope size, and the WKB's type code, which must be straight."""
    n = len(blobs)
    if not n:
        return []
    given = [b"" if b is None else b for b in blobs]
    try:
        joined = b"".join(given)
    except TypeError:  # a geometry stored as text or a number
        raise Unsupported(f"{table}: a geometry that is not a standard GeoPackage blob") from None
    lengths = np.fromiter(map(len, given), dtype=np.int64, count=n)
    missing = np.fromiter((b is None for b in blobs), dtype=bool, count=n)
    start = np.cumsum(lengths) - lengths
    buf = np.frombuffer(joined, dtype=np.uint8)
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
    keep = ~missing & ((flags & 0b00010000) == 0)  # not empty
    at = start + 8 + size  # where the WKB starts
    w = at[keep]
    b1, b2, b3, b4 = (buf[w + k].astype(np.int64) for k in range(1, 5))
    code = np.where(buf[w] == 1, b1 | b2 << 8 | b3 << 16 | b4 << 24, b4 | b3 << 8 | b2 << 16 | b1 << 24)
    bad = ~np.isin(code, np.array(sorted(_STRAIGHT_CODES), dtype=np.int64))
    if bad.any():
        raise Unsupported(f"{table}: WKB type {int(code[bad][0])}")
    out: List[Optional[bytes]] = [None] * n
    ends = (start + lengths).tolist()
    for i, lo in zip(np.nonzero(keep)[0].tolist(), w.tolist()):
        out[i] = joined[lo : ends[i]]
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
