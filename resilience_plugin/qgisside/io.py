"""Read QGIS feature sources into shapely and numpy, and write shapely geometries back.

Shared by the algorithms, so that every one treats CRSs, null and invalid geometries the
same way and says what it did in the log.
"""

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.cancel import Cancelled
from ..core.crs import metric_epsg_for
from ..core.geometry import clean, present_mask, representative_points  # noqa: F401 (used by the adapters)
from .compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON, SOURCE_SKIP_VALIDITY_CHECKS, WKB_GEOMETRYCOLLECTION, WKB_UNKNOWN
from .translation import translate


@dataclass
class ReadLayer:
    """What was read from one source, in the working CRS: per feature its id, its attributes (``attributes``, one
    list per feature; ``column(j)``, one list per field) and its shapely geometry."""

    name: str
    fids: List[int] = field(default_factory=list)
    geometries: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))
    null: int = 0
    null_ids: List[int] = field(default_factory=list)  # feature ids without geometry (or with an empty one)
    repaired: int = 0
    degenerate: List[int] = field(default_factory=list)  # feature ids of unusable geometries (kept as no geometry or left out)
    failed_transform: int = 0
    curved: int = 0
    # read in bulk, the attributes come column by column: rows are made of them only when asked for (issue 17)
    columns: Optional[List[list]] = field(default=None, repr=False)
    _rows: Optional[List[list]] = field(default_factory=list, repr=False)

    @property
    def attributes(self) -> List[list]:
        """One list of attribute values per feature, in the order of the fields read."""
        if self._rows is None:
            self._rows = [list(r) for r in zip(*self.columns)] if self.columns else [[] for _ in self.fids]
            self.columns = None  # the rows may now be changed in place: they alone hold the values
        return self._rows

    @attributes.setter
    def attributes(self, rows: List[list]) -> None:
        self._rows, self.columns = rows, None

    def column(self, j: int) -> list:
        """The values of the ``j``-th field read, one per feature."""
        if self._rows is None:
            return self.columns[j]
        return [a[j] for a in self._rows]

    def keep_only(self, keep) -> None:
        """Keep the features where ``keep`` (a boolean per feature) is true: ids and attributes (not geometries)."""
        self.fids = [f for f, k in zip(self.fids, keep) if k]
        if self._rows is None:
            self.columns = [[v for v, k in zip(c, keep) if k] for c in self.columns]
        else:
            self._rows = [a for a, k in zip(self._rows, keep) if k]

    def report(self, feedback) -> None:
        if self.null:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} feature(s) without geometry, kept in the output and flagged (feature ids {2}).").format(
                    self.name, self.null, id_list(self.null_ids)
                )
            )
        if self.degenerate:
            report_degenerate(feedback, self.name, self.degenerate)
        if self.repaired:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} invalid geometry(ies) repaired with make-valid.").format(self.name, self.repaired)
            )
        if self.curved:
            feedback.pushInfo(
                translate("Resilience", "{0}: {1} curved geometry(ies) converted to straight segments.").format(self.name, self.curved)
            )
        if self.failed_transform:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} geometry(ies) could not be reprojected and were left out.").format(
                    self.name, self.failed_transform
                )
            )


_DIMENSIONS = {GEOMETRY_POINT: 0, GEOMETRY_LINE: 1, GEOMETRY_POLYGON: 2}


def id_list(ids, most: int = 20) -> str:
    """Feature ids for a message: the first ``most``, then an ellipsis."""
    ids = list(ids)
    return ", ".join(str(i) for i in ids[:most]) + (" …" if len(ids) > most else "")


def report_degenerate(feedback, name: str, ids) -> None:
    """Warn of the features of layer ``name`` whose geometry cannot be used, by feature id."""
    feedback.pushWarning(
        translate(
            "Resilience",
            "{0}: {1} degenerate geometry(ies) (a one-vertex line, a ring of fewer than four points, NaN or "
            "infinite coordinates, zero length or zero area) treated as no geometry (feature ids {2}).",
        ).format(name, len(ids), id_list(ids))
    )


def require_crs(source, name: str) -> QgsCoordinateReferenceSystem:
    """The source's CRS; a layer without one (or whose CRS could not be read) is an error naming it. Left alone,
    its coordinates would be taken as they are, silently, in another layer's CRS."""
    crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()  # a feature source, or a raster layer
    if not crs.isValid():
        raise QgsProcessingException(
            translate(
                "Resilience", "Layer '{0}' has no coordinate reference system. Set its CRS (Layer Properties › Source) and run again."
            ).format(name)
        )
    if crs.isGeographic():
        _require_degrees(source, name, crs)
    return crs


def _require_degrees(source, name: str, crs) -> None:
    """A layer in longitude/latitude whose extent cannot be that: a latitude beyond ±90° or a longitude beyond ±180°
    (most often the two swapped, in a table or a spreadsheet), refused, naming the layer and the likely cause.
    Reprojected, its features would fail one by one, or land in another hemisphere."""
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    xs, ys = (extent.xMinimum(), extent.xMaximum()), (extent.yMinimum(), extent.yMaximum())
    if extent.isNull() or not all(np.isfinite([*xs, *ys])) or not xs[0] <= xs[1]:
        return  # no features (or none with a geometry), or a NaN coordinate: set aside feature by feature later
    if all(-180.0 <= x <= 180.0 for x in xs) and all(-90.0 <= y <= 90.0 for y in ys):
        return
    bounds = f"x {xs[0]:.6g}…{xs[1]:.6g}, y {ys[0]:.6g}…{ys[1]:.6g}"
    if all(-90.0 <= x <= 90.0 for x in xs) and all(-180.0 <= y <= 180.0 for y in ys):
        text = translate(
            "Resilience",
            "Layer '{0}' is in {1} (longitude, latitude) but its coordinates ({2}) cannot be: a latitude beyond ±90°. "
            "Longitude and latitude are most likely swapped (x holds the latitude). Swap them, e.g. when adding the "
            "table choose X field = longitude and Y field = latitude, and run again.",
        )
    else:
        text = translate(
            "Resilience",
            "Layer '{0}' is in {1} (longitude, latitude) but its coordinates ({2}) cannot be degrees: they are most likely "
            "metres of a projected CRS. Set the layer's real CRS (Layer Properties › Source) and run again.",
        )
    raise QgsProcessingException(text.format(name, crs.authid() or crs.description(), bounds))


def working_crs(source, name: str, feedback) -> QgsCoordinateReferenceSystem:
    """The metric CRS to work in: the source's own, or a local projected one for geographic input."""
    crs = require_crs(source, name)
    if not crs.isGeographic():
        return crs
    extent = source.sourceExtent()
    to_wgs = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    centre = to_wgs.transform(extent.center())
    epsg, label = metric_epsg_for(centre.x(), centre.y())
    metric = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    feedback.pushInfo(
        translate("Resilience", "Layer '{0}' is in geographic coordinates ({1}); working in EPSG:{2} ({3}), in metres.").format(
            name, crs.authid(), epsg, label
        )
    )
    return metric


class GdalFailures:
    """GDAL's errors (class Failure or worse) raised on this thread while open: QGIS reads GeoPackages, Shapefiles
    and other files through GDAL, and where a file is damaged its iterator just stops (GDAL says "database disk image
    is malformed" to the log and nothing to the caller). ``messages`` holds them; GDAL's handler stack is per thread,
    so a Processing run in the background hears only its own reads."""

    def __init__(self):
        self.messages: List[str] = []
        self._gdal = None

    def __enter__(self):
        try:
            from osgeo import gdal
        except ImportError:  # every QGIS ships GDAL's bindings; without them, nothing is heard
            return self
        self._gdal = gdal
        failure = gdal.CE_Failure

        def heard(kind, _number, message):
            if kind >= failure:
                self.messages.append(str(message).strip())

        self._handler = heard  # kept alive while GDAL holds it
        gdal.PushErrorHandler(heard)
        return self

    def __exit__(self, *exc):
        if self._gdal is not None:
            self._gdal.PopErrorHandler()
        return False


def damaged(name: str, read: int, messages: List[str]) -> QgsProcessingException:
    """The refusal of a layer whose reading failed part way."""
    return QgsProcessingException(
        translate(
            "Resilience",
            "Layer '{0}' could not be read whole: after {1} feature(s), GDAL reported \"{2}\". The file may be damaged: "
            "restore it from a copy, or repair it (for a GeoPackage: ogr2ogr -f GPKG repaired.gpkg damaged.gpkg, then "
            "check what was lost). Nothing was computed from a part of it.",
        ).format(name, read, "; ".join(dict.fromkeys(messages))[:300])
    )


def _take(features, out: "ReadLayer", geoms: list, iterated: int, indices, transform, maybe_curved: bool, keep_null: bool, feedback, span):
    """The features of a QGIS iterator into ``out`` (ids and attributes) and ``geoms`` (WKB, None where none), as
    read_source keeps them; returns the count iterated so far and whether the run was cancelled."""
    lo, hi, total = span
    cancelled = False
    # bound once: a tight loop
    add_fid, add_attrs, add_geom = out.fids.append, (out._rows.append if out._rows is not None else None), geoms.append
    for feature in features:
        iterated += 1
        if iterated % 100 == 1:
            if feedback.isCanceled():
                cancelled = True
                break
            if hi > lo and iterated % 1000 == 1:
                feedback.setProgress(lo + (hi - lo) * min(iterated / total, 1.0))
        geom = feature.geometry()
        shp = None
        if geom.isEmpty():  # also true of a null geometry
            out.null += 1
            out.null_ids.append(feature.id())
            if not keep_null:
                continue
        else:
            if maybe_curved:
                straight = without_arcs(geom)
                out.curved += straight is not geom
                geom = straight
            if transform is not None:
                geom = QgsGeometry(geom)
                try:
                    failed = geom.transform(transform) != 0
                except Exception:  # QgsCsException: outside the CRS's domain
                    failed = True
                if failed:
                    out.failed_transform += 1
                    continue
            shp = bytes(geom.asWkb())  # parsed all at once below
        add_fid(feature.id())
        attrs = feature.attributes()
        add_attrs(attrs if indices is None else [attrs[j] if j >= 0 else None for j in indices])
        add_geom(shp)
    return iterated, cancelled


def _take_plain(plain, out: "ReadLayer", geoms: list, keep_null: bool, feedback) -> int:
    """The features of a bulk read (core.gpkg.Features) into ``out`` (ids and columns) and ``geoms`` (WKB, None
    where none), as :func:`_take` keeps those of QGIS's iterator; returns the count read. Cancelled is raised after."""
    nulls = [i for i, wkb in enumerate(plain.wkb) if wkb is None] if None in plain.wkb else []
    out.null += len(nulls)
    out.null_ids.extend(plain.fids[i] for i in nulls)
    if keep_null or not nulls:
        out.fids.extend(plain.fids)
        out.columns = [c if isinstance(c, list) else list(c) for c in plain.columns]  # (a reader's factorized text stays so)
        geoms.extend(plain.wkb)
    else:
        kept = [i for i, wkb in enumerate(plain.wkb) if wkb is not None]
        out.fids.extend(plain.fids[i] for i in kept)
        out.columns = [[c[i] for i in kept] for c in plain.columns]
        geoms.extend(plain.wkb[i] for i in kept)
    out._rows = None  # made of the columns when asked for
    if feedback.isCanceled():
        raise Cancelled()
    return len(plain.fids)


def _check_count(name: str, reported: int, iterated: int, feedback) -> None:
    """The count read against the count the layer reported (-1: unknown): none read of some refused, any other
    difference warned of."""
    if iterated == 0 and reported > 0:  # it said it had features and gave none: never a silent zero
        raise QgsProcessingException(
            translate(
                "Resilience",
                "Layer '{0}' reports {1} feature(s) but none could be read: its file or database may be unreachable, "
                "or Processing's invalid-geometry setting skipped them all.",
            ).format(name, reported)
        )
    if 0 <= reported != iterated:  # never a silent difference between what it said and what it gave
        feedback.pushWarning(
            translate(
                "Resilience",
                "Layer '{0}' reports {1} feature(s) but {2} were read. Its count may be an estimate (PostGIS), "
                "Processing may have skipped invalid geometries, or QGIS 3.22 may not know the count of a filtered "
                "GeoPackage layer: check the layer.",
            ).format(name, reported, iterated)
        )


def _cleaned(geoms: list, out: "ReadLayer", dimension, keep_null: bool, points_as_xy: bool):
    """The geometries read (WKB) as shapely geometries of ``dimension``, invalid ones repaired (counted in
    ``out.repaired``) and degenerate ones named in ``out.degenerate`` (and left out, with their features, unless
    ``keep_null``); see core.geometry.clean."""
    cleaned = clean(geoms, dimension, points_as_xy=points_as_xy)
    out.repaired += len(cleaned.repaired)
    geoms = cleaned.geometries
    if cleaned.degenerate:
        out.degenerate = [out.fids[i] for i in cleaned.degenerate]
        if not keep_null:
            keep = np.ones(len(geoms), dtype=bool)
            keep[cleaned.degenerate] = False
            out.keep_only(keep.tolist())
            geoms = geoms[keep]
    return geoms


def read_source(
    source,
    name: str,
    crs,
    context,
    feedback,
    fields: Optional[List[str]] = None,
    keep_null: bool = True,
    progress_span=(0.0, 0.0),
    points_as_xy: bool = False,
) -> ReadLayer:
    """Every feature of ``source``: ids, attributes (all, or ``fields``) and shapely geometries in ``crs``. With
    ``points_as_xy``, a layer of finite 2-D points, every feature with one, comes as their coordinates (an n × 2
    float array, see core.geometry.clean) for analyses that take points so."""
    out = ReadLayer(name)
    transform = None
    if require_crs(source, name) != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    request = QgsFeatureRequest()
    indices = None
    if fields is not None:
        indices = [source.fields().lookupField(f) for f in fields]
        request.setSubsetOfAttributes([j for j in indices if j >= 0])
    reported = source.featureCount()  # -1: unknown (a filtered GeoPackage layer on QGIS 3.22, for one)
    dimension = _DIMENSIONS.get(QgsWkbTypes.geometryType(source.wkbType()))
    # arcs are looked for feature by feature only where the layer's type allows them (a curved type, or any type)
    flat = QgsWkbTypes.flatType(source.wkbType())
    maybe_curved = QgsWkbTypes.isCurvedType(source.wkbType()) or flat in (WKB_UNKNOWN, WKB_GEOMETRYCOLLECTION)
    total = max(reported, 1)
    geoms = []
    lo, hi = progress_span
    iterated, cancelled = 0, False
    if isinstance(source, QgsProcessingFeatureSource):
        # QGIS's own invalid-geometry check is skipped: read_source repairs invalid geometries and names degenerate
        # ones below. That check raises from inside the iterator, and on QGIS 3.22 a run refused that way could crash
        # the next run of the session (issue 15).
        features = source.getFeatures(request, SOURCE_SKIP_VALIDITY_CHECKS)
    else:
        features = source.getFeatures(request)
    plain = None
    if transform is None and not maybe_curved:
        plain = read_plain_geopackage(source, fields, reported)
    if plain is not None:  # read in bulk, as QGIS would have read it (issue 17)
        features = ()
        iterated = _take_plain(plain, out, geoms, keep_null, feedback)
    failures = GdalFailures()
    with failures:
        iterated, cancelled = _take(features, out, geoms, iterated, indices, transform, maybe_curved, keep_null, feedback, (lo, hi, total))
    if failures.messages and not cancelled:  # the iterator stopped at a damaged part in silence: never a partial read
        raise damaged(name, iterated, failures.messages)
    if cancelled:  # raised after the loop: a reader left open behind an exception would hold the file
        raise Cancelled()
    _check_count(name, reported, iterated, feedback)
    if not maybe_curved:  # a layer declared straight may still hold a curve (GDAL writes one with a warning)
        geoms = _straightened(geoms, out)
    out.geometries = _cleaned(geoms, out, dimension, keep_null, points_as_xy)
    _refuse_most_left_out(out, name, iterated)
    _refuse_garbled(source, out, name)
    return out


def refuse_garbled_names(source, name: str) -> None:
    """Field names that are GBK read in the wrong encoding: refused with the remedy (a field could not be found by its
    name because the names are garbled, not because the layer lacks it)."""
    said = garbled_names_message(source, name)
    if said:
        raise QgsProcessingException(said)


def garbled_names_message(source, name: str) -> str:
    """What to say of ``source``'s field names when they are GBK read in the wrong encoding, with the remedy, in the
    user's language; '' when they are not."""
    from ..core.garble import garbled

    found = garbled(source.fields().names())
    if found is None:
        return ""
    where = translate("Resilience", "its field names")
    return _GARBLED[(found.kind, found.encoding)]().format(name, where, found.value, found.as_gbk)


def _refuse_garbled(source, out: "ReadLayer", name: str, sample: int = 5000) -> None:
    """Field names, and the text of the fields read (the first ``sample`` features), that are GBK read in the wrong
    encoding (core.garble): refused with the remedy, never listed or matched as they are (issue 29)."""
    from ..core.garble import garbled

    found = garbled(source.fields().names())
    where = translate("Resilience", "its field names")
    if found is None:
        count = len(out.columns) if out._rows is None and out.columns else (len(out._rows[0]) if out._rows else 0)
        for j in range(count):
            values = out.columns[j][:sample] if out._rows is None else [a[j] for a in out._rows[:sample]]
            found = garbled(values)
            if found is not None:
                where = translate("Resilience", "its text values")
                break
    if found is None:
        return
    raise QgsProcessingException(_GARBLED[(found.kind, found.encoding)]().format(name, where, found.value, found.as_gbk))


# what garbled text says, by (core.garble.Garbled.kind, .encoding): made when said, in the user's language
_GARBLED = {
    ("latin1", "UTF-8"): lambda: translate(
        "Resilience",
        "Layer '{0}': {1} are Chinese (UTF-8) text read as Latin-1: '{2}' reads as UTF-8 '{3}'. Set Layer "
        "Properties › Source › Data source encoding: UTF-8 (or put a .cpg file containing UTF-8 beside the .shp), "
        "and run again.",
    ),
    ("latin1", "GBK"): lambda: translate(
        "Resilience",
        "Layer '{0}': {1} are Chinese (GBK) text read with the wrong encoding: '{2}' reads as GBK '{3}'. Its encoding "
        "is not set (a Shapefile without a .cpg file). Set Layer Properties › Source › Data source encoding: GBK, or "
        "put a .cpg file containing 936 beside the .shp, and run again.",
    ),
    ("replacement", "GBK"): lambda: translate(
        "Resilience",
        "Layer '{0}': {1} hold replacement characters ('{2}'): the text was read in the wrong encoding and cannot be "
        "read back. For a Chinese Shapefile, set Layer Properties › Source › Data source encoding: GBK (or put a .cpg "
        "file containing 936 beside the .shp), and run again.",
    ),
}


# the run's profile's quality.left_out_max_share (issue 29), set by the algorithm that loads the profile, per thread
_RUN = threading.local()


def set_left_out_max(share) -> None:
    """The share of a layer's features a run may leave out before it stops (None: the built-in profile's)."""
    _RUN.left_out_max = share


def left_out_max() -> float:
    share = getattr(_RUN, "left_out_max", None)
    if share is None:
        from ..core.profile import load_profile

        share = float(load_profile().value("quality.left_out_max_share"))
    return share


def _refuse_most_left_out(out: "ReadLayer", name: str, iterated: int) -> None:
    """Most of a layer unusable (its geometries could not be reprojected, or are degenerate): never a run that goes
    on with what is left as if nothing happened."""
    lost = out.failed_transform + len(out.degenerate)
    share = left_out_max()
    if iterated and lost > share * iterated:
        raise QgsProcessingException(
            translate(
                "Resilience",
                "Layer '{0}': {1} of its {2} feature(s) cannot be used ({3} could not be reprojected, {4} degenerate "
                "geometries), more than {5:.0%} of it (the profile's quality.left_out_max_share). Check the layer's CRS "
                "(Layer Properties › Source) and its geometries (Vector › Geometry Tools › Check Validity), and run again.",
            ).format(name, lost, iterated, out.failed_transform, len(out.degenerate), share)
        )


def plain_layer(layer, definition=None):
    """``layer`` when its features can be read straight from its GeoPackage file: a GeoPackage table through GDAL,
    with no filter, no unsaved edits, and (``definition``: the Processing parameter's value) not only its selected
    features or the first few. None otherwise."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer

    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr" or not layer.isValid():
        return None
    if layer.subsetString() or layer.isEditable() or layer.isModified():
        return None
    if isinstance(definition, QgsProcessingFeatureSourceDefinition):
        if definition.selectedFeaturesOnly or definition.featureLimit != -1 or getattr(definition, "filterExpression", ""):
            return None
    return layer


def _read_with_gdal(path, table, fields):
    from .arrow import read_features_gdal

    return read_features_gdal(path, table, fields)


# the bulk readers of a plain GeoPackage table, tried in turn (each gives core.gpkg.Features, or None to pass); then
# QGIS's iterator. Only GDAL's: it is what QGIS reads with, so values come as QGIS gives them (the standard library's
# sqlite3 gave a 12-digit code in a MEDIUMINT column whole, and text after a NUL, where QGIS does not; issue 29)
BULK_READERS = (_read_with_gdal,)


def read_plain_geopackage(source, fields, reported: int):
    """The features of ``source`` read in bulk from its GeoPackage file (by the first of ``BULK_READERS`` that
    reads it: GDAL's Arrow interface), or None where that cannot give exactly what
    QGIS gives: the source is not a plain GeoPackage layer (see :func:`plain_layer`;
    a Processing source carries its layer as ``plain_layer``), holds something the bulk reader does not read, or
    the count differs from the layer's."""
    import sqlite3

    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    from ..core.gpkg import Unsupported

    layer = plain_layer(source if isinstance(source, QgsVectorLayer) else getattr(source, "plain_layer", None))
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or parts.get("subset") or parts.get("layerId") not in (None, ""):
        return None
    names = layer.fields().names()
    wanted = None
    if fields is not None:
        indices = [layer.fields().lookupField(f) for f in fields]
        wanted = sorted({names[j] for j in indices if j >= 0})
    read = None
    for reader in BULK_READERS:
        try:
            read = reader(path, parts.get("layerName") or None, wanted)
        except (Unsupported, sqlite3.Error, OSError, ValueError):
            read = None
        if read is not None:
            break
    if read is None:
        return None
    if (fields is None and read.names != names) or len(read.fids) != reported:
        return None
    if fields is not None:  # in the order asked, NULL for a field the layer does not have (as the loop reads them)
        at = [read.names.index(names[j]) if j >= 0 else None for j in indices]
        read.columns = [[None] * len(read.fids) if k is None else read.columns[k] for k in at]
        read.names = list(fields)
    return read


def display_name(layer) -> str:
    """The layer's name, or its table's when it was opened from a path (a GeoPackage's layers share its file name)."""
    source = layer.source()
    if "layername=" in source:
        table = source.split("layername=", 1)[1].split("|")[0]
        if layer.name() in ("", Path(source.split("|")[0]).stem):
            return table
    return layer.name()


# ISO WKB codes of curved types (CircularString, CompoundCurve, CurvePolygon, MultiCurve, MultiSurface)
_CURVED_WKB = (8, 9, 10, 11, 12)


def _straightened(wkbs: list, out: "ReadLayer") -> list:
    """``wkbs`` with any curved geometry (found by its WKB type, feature by feature, whatever the layer's declared
    type) made straight segments as QGIS draws it; counted in ``out.curved``."""
    curved = [
        i
        for i, w in enumerate(wkbs)
        if w is not None and len(w) >= 5 and (int.from_bytes(w[1:5], "little" if w[0] == 1 else "big") & 0x0FFFFFFF) % 1000 in _CURVED_WKB
    ]
    if not curved:
        return wkbs
    wkbs = list(wkbs)
    for i in curved:
        geom = QgsGeometry()
        geom.fromWkb(wkbs[i])
        wkbs[i] = bytes(without_arcs(geom).asWkb())
    out.curved += len(curved)
    return wkbs


def without_arcs(geom: QgsGeometry) -> QgsGeometry:
    """A curved geometry (arcs, from a GeoPackage) as straight segments, as QGIS draws it; others unchanged."""
    if QgsWkbTypes.isCurvedType(geom.wkbType()):
        return QgsGeometry(geom.constGet().segmentize())
    return geom


def keep_lines(read: ReadLayer, feedback) -> np.ndarray:
    """Mask of usable lines; zero-length lines (and repairs that left no line) are reported by feature id and left out."""
    geoms = read.geometries
    present = present_mask(geoms)
    ok = present.copy()
    kind = shapely.get_type_id(geoms[present])
    length = shapely.length(geoms[present])
    ok[present] = np.isin(kind, (1, 5)) & (length > 0)
    bad = np.nonzero(present & ~ok)[0]
    if len(bad):
        ids = id_list(read.fids[i] for i in bad)
        feedback.pushWarning(
            translate("Resilience", "{0}: {1} line(s) of zero length left out (feature ids {2}).").format(read.name, len(bad), ids)
        )
    return ok


def is_null(value) -> bool:
    """None or a null QVariant (NULL)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


# NULL as an invalid QVariant, for writing. QGIS's PostgreSQL provider (3.22 to 3.44 at least) writes a column's
# value into its INSERT, instead of one value per row, when every feature of a batch holds "the same" value, compared
# as QVariants; a typed NULL (what Python's None becomes) equals 0 there. So a batch of 0 and NULL was written all 0
# (or all NULL, when NULL came first): an unknown made 0, or counted zeros lost. An invalid QVariant is NULL to every
# provider (OGR, memory, PostgreSQL) and equal to no number. Oracle: tests/test_postgis.py.
# qgis.core.NULL is a typed NULL, the very value that equals 0 there; PyQt6 keeps the QVariant class (only its Type
# enum is gone), and no QGIS call returns an invalid QVariant to Python (PyQt converts it to None).
WRITTEN_NULL = QVariant()  # noqa: QGS402, QGS410 - see above


def sink_values(values) -> list:
    """Attribute values for a feature to be written: every NULL (None, a null QVariant) as :data:`WRITTEN_NULL`."""
    if None not in values:  # a null QVariant also equals None
        return list(values)
    return [WRITTEN_NULL if v is None or (isinstance(v, QVariant) and v.isNull()) else v for v in values]


def text(value) -> Optional[str]:
    """An attribute as text; NULL (None or a null QVariant) stays None."""
    if is_null(value):
        return None
    return str(value)


# a run stops when more than this share of a field it depends on cannot be read as numbers (issue 15)
UNREADABLE_MAX = 0.05


def numbers(
    values,
    name: str,
    layer: str,
    feedback,
    negative_ok: bool = False,
    kind: str = "count",
    fids=None,
    empty_ok: bool = True,
    unknown_is_zero=True,
) -> np.ndarray:
    """Floats from attribute values, read as people write them (``1,234``, ``12万``, ``约5948``, ``2.5公顷`` for an area:
    see core.numbers); a field named ``常住人口（万人）`` holds 万. Values that cannot be read (and, unless ``empty_ok``,
    empty ones) are named by feature id in the log, and count as 0, or (``unknown_is_zero`` False: a unit's own
    measure, such as its population; then empty ones too, always) are NaN, "not assessed". ``unknown_is_zero`` may
    also be one flag per value (a facility layer's areas: a shelter's unknown, another facility's 0).

    What stops the run, with examples: unreadable text beyond 5 % of the field (the wrong field); where unknowns
    count as 0, unknown values beyond 5 %; where they are not assessed, beyond the profile's
    quality.left_out_max_share (a unit left empty, a park's or a lake's, is only not assessed)."""
    from ..core.numbers import field_unit, parse_numbers

    parsed = parse_numbers(values, kind, negative_ok=negative_ok, factor=field_unit(name, kind))
    n = len(values)
    zero = np.broadcast_to(np.asarray(unknown_is_zero, dtype=bool), (n,))
    bad = sorted(parsed.unreadable + ([] if empty_ok else parsed.empty))
    if n and (
        len(parsed.unreadable) / n > UNREADABLE_MAX
        or (zero.all() and len(bad) / n > UNREADABLE_MAX)
        or (not zero.any() and len(bad) / n > left_out_max())
    ):
        examples = ", ".join(f"'{e}'" for e in parsed.examples) or translate("Resilience", "empty values")
        raise QgsProcessingException(
            translate(
                "Resilience",
                "{0}, field '{1}': {2} of {3} value(s) cannot be read as numbers ({4:.0%}), for example {5} (feature ids {6}). "
                "Numbers may be written 1234, 1,234, 12万, 3.5万, 1,234人, 约5948 or 5948（2020年）. Correct those values, "
                "or choose another field.",
            ).format(layer, name, len(bad), n, len(bad) / n, examples, id_list(_ids(bad, fids), 10))
        )
    # not assessed: a measure of its own unknown, empty ones too even where empties are allowed (they were 0: an
    # old-building share left empty made the unit look sound); counted as 0: the rest of what could not be read
    unknown = sorted(i for i in set(bad) | set(parsed.empty) if not zero[i])
    counted = [i for i in bad if zero[i]]
    if unknown:
        said = translate("Resilience", "{0}, field '{1}': {2} value(s) empty, not a number or negative: not assessed (feature ids {3}).")
        feedback.pushWarning(said.format(layer, name, len(unknown), id_list(_ids(unknown, fids))))
    if counted:
        said = translate("Resilience", "{0}, field '{1}': {2} value(s) empty, not a number or negative, counted as 0 (feature ids {3}).")
        feedback.pushWarning(said.format(layer, name, len(counted), id_list(_ids(counted, fids))))
    out = np.asarray(parsed.values, dtype=float).copy()
    out[unknown] = np.nan
    return np.where(np.isnan(out) & zero, 0.0, out)


def _ids(positions, fids) -> list:
    """Feature ids of ``positions`` (the positions themselves without ``fids``)."""
    return [fids[i] for i in positions] if fids is not None else list(positions)


def shelter_areas(read, is_shelter, field_name: str, layer_name: str, feedback, column: int = 1) -> np.ndarray:
    """The shelter-area field (column ``column`` of ``read``) per facility: a shelter's (``is_shelter``) unknown area,
    empty or unreadable, NaN and named in the log, so that what reaches it is not assessed (core); another facility's
    counted as 0, as before. The field is read as one (its unreadable values against the whole layer). Issue 29 §3:
    a shelter of unknown area was counted as 0 m²."""
    zero = ~np.asarray(is_shelter, dtype=bool)
    return numbers(read.column(column), field_name, layer_name, feedback, kind="area", fids=read.fids, unknown_is_zero=zero)


def to_qgis(geom) -> QgsGeometry:
    if geom is None or geom.is_empty:
        return QgsGeometry()
    g = QgsGeometry()
    # An explicit dimension: inside the QGIS desktop on Debian 12, shapely's GEOS calls resolve to QGIS's older
    # GEOS (3.11), which rejects shapely's default 4-D WKB output.
    g.fromWkb(shapely.to_wkb(geom, flavor="iso", output_dimension=2))
    return g


def field_index(source, name: str, parameter_label: str, layer: str) -> int:
    """Index of field ``name`` in ``source``, or a QgsProcessingException naming layer, field and parameter."""
    index = source.fields().lookupField(name)
    if index < 0:
        raise QgsProcessingException(
            translate("Resilience", "{0}: layer '{1}' has no field '{2}'. Its fields are: {3}.").format(
                parameter_label, layer, name, ", ".join(source.fields().names())
            )
        )
    return index


def table_rows(table: dict, leading=None) -> list:
    """Output rows (tuples) from a core result's table (a dict of equally long columns, in field order); with
    ``leading`` (one attribute list per row, the input's own fields), each row starts with those."""
    columns = list(table.values())
    if leading is None:
        rows = TableRows(zip(*columns))
        rows.columns = columns  # for core.gpkg.check_rows, which reads by column
        return rows
    return [(*attrs, *row) for attrs, row in zip(leading, zip(*columns))] if columns else [tuple(a) for a in leading]


class TableRows(list):
    """Rows (tuples) that also keep the columns they were made from (``columns``, in field order)."""

    columns: Optional[list] = None


def write_rows(sink, fields, rows, geoms, feedback, on_error, progress_span=(0.0, 0.0), batch_size: int = 1000) -> bool:
    """Write attribute rows (as :func:`unique_fids` leaves them) with shapely geometries (None: no geometry); False
    when cancelled.

    ``on_error()`` returns the exception to raise when the sink refuses a batch.
    """
    geoms = np.asarray(geoms, dtype=object) if len(geoms) else np.empty(0, dtype=object)
    wkbs = np.full(len(geoms), None, dtype=object)
    present = present_mask(geoms) if len(geoms) else np.zeros(0, dtype=bool)
    if present.any():
        # explicitly 2-D: see to_qgis
        wkbs[present] = shapely.to_wkb(geoms[present], flavor="iso", output_dimension=2)
    lo, hi = progress_span
    n = len(rows)
    batch = []
    for i, row in enumerate(rows):
        if i % 500 == 0:
            if feedback.isCanceled():
                return False
            if hi > lo:
                feedback.setProgress(lo + (hi - lo) * i / max(n, 1))
        f = QgsFeature(fields)
        f.setAttributes(sink_values(row))
        if wkbs[i] is not None:
            g = QgsGeometry()
            g.fromWkb(wkbs[i])
            f.setGeometry(g)
        batch.append(f)
        if len(batch) >= batch_size or i == n - 1:
            if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                raise on_error()
            batch = []
    return True


def bulk_geopackage(value, dest: str, fields, wkb_type, rows, geoms) -> Optional[tuple]:
    """(file, table or None, the columns' SQL types, the geometry type) when output ``dest`` of parameter ``value``
    is a new GeoPackage table that ``core.gpkg.fill_feature_table`` fills with ``rows`` and ``geoms`` exactly as
    QGIS's sink would write them, once the sink has created it empty; None for any other output (memory, PostGIS,
    Shapefile, a layer appended to with field mapping) or content (a ``geom`` field, field types other than integer,
    real and text, values of other types, features without geometry: ``core.gpkg.check_rows``). An integer ``fid``
    field (``rows`` through :func:`unique_fids` first) gives the feature ids, as QGIS's writer makes it."""
    from qgis.core import QgsProviderRegistry

    from ..core.gpkg import Unsupported, check_rows
    from .compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONG, FIELD_STRING

    if getattr(value, "useRemapping", lambda: False)():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", dest or "")
    path = parts.get("path") or ""
    extra = [k for k, v in parts.items() if k not in ("path", "layerName") and not is_null(v) and v != ""]
    if not path.lower().endswith(".gpkg") or extra:  # a subset, a layer id ...: not a plain table
        return None
    sql = {FIELD_INT: "MEDIUMINT", FIELD_LONG: "INTEGER", FIELD_DOUBLE: "REAL", FIELD_STRING: "TEXT"}  # as GDAL declares them
    types, key = [], None
    for f in fields:
        if f.name().lower() == "fid" and f.type() in (FIELD_INT, FIELD_LONG) and key is None:
            key = f.name()  # a GeoPackage input's feature id: QGIS's writer makes it the output's (see unique_fids)
            types.append("INTEGER")
            continue
        if f.name().lower() in ("fid", "geom") or f.type() not in sql or f.length() > 0:
            return None
        types.append(sql[f.type()])
    geometry_type = QgsWkbTypes.displayString(wkb_type).upper()
    try:
        check_rows(path, fields.names(), types, geometry_type, rows, geoms, key)
    except Unsupported:
        return None
    table = parts.get("layerName")
    return path, None if is_null(table) or table == "" else str(table), types, geometry_type


def unique_fids(fields, rows, feedback) -> list:
    """Rows whose ``fid`` field (carried over from a GeoPackage input) is unique, or else empty: a GeoPackage output
    requires unique fids, so duplicated or non-integer ones are cleared and the output numbers its features anew.
    Logged, never silent."""
    j = fields.lookupField("fid")
    if j < 0 or not len(rows):
        return rows
    values = [row[j] for row in rows]
    present = [v for v in values if not is_null(v)]
    try:
        clean = len(set(int(v) for v in present)) == len(present) and all(float(v).is_integer() for v in present)
    except (TypeError, ValueError):
        clean = False
    if clean:
        return rows
    feedback.pushWarning(translate("Resilience", "Field 'fid' has duplicate or non-integer values; the output numbers its features anew."))
    out = []
    for row in rows:
        row = list(row)
        row[j] = None
        out.append(row)
    return out


def make_fields(specs) -> QgsFields:
    """QgsFields from (name, type, alias) triples."""
    fields = QgsFields()
    for name, ftype, alias in specs:
        f = QgsField(name, ftype)
        f.setAlias(alias)
        fields.append(f)
    return fields


def _typed(geoms):
    """The geometries as an object array, a copy to fill, and the GEOS type id of each (-1: none)."""
    geoms = np.asarray(geoms, dtype=object)
    present = present_mask(geoms)
    kind = np.full(len(geoms), -1)
    kind[present] = shapely.get_type_id(geoms[present])
    return geoms, geoms.copy(), kind


def as_multi(geoms: np.ndarray) -> np.ndarray:
    """Single lines and polygons as multi-part geometries (sinks declared multi-part accept both, files prefer one type)."""
    geoms, out, kind = _typed(geoms)
    if (kind == 1).any():
        out[kind == 1] = shapely.multilinestrings(geoms[kind == 1].reshape(-1, 1))
    if (kind == 3).any():
        out[kind == 3] = shapely.multipolygons(geoms[kind == 3].reshape(-1, 1))
    return out


def polygons_only(geoms: np.ndarray) -> np.ndarray:
    """Multi-polygons from polygonal geometries; the polygon parts of a collection that a repair produced."""
    geoms, out, kind = _typed(geoms)
    out[np.isin(kind, (0, 1, 2, 4, 5))] = None  # a repair that left points or lines: no polygon
    for i in np.nonzero(kind == 7)[0]:
        parts = [p for p in shapely.get_parts(geoms[i]) if p.geom_type in ("Polygon", "MultiPolygon")]
        out[i] = shapely.union_all(parts) if parts else None
    return as_multi(out)


def written_count(dest: str, context) -> Optional[int]:
    """The features now in the output ``dest`` of a closed sink (a temporary layer's id, a file, ``file|layername=t``
    or a database table), or None when it cannot be opened."""
    from qgis.core import QgsProviderRegistry, QgsVectorLayer

    layer = context.temporaryLayerStore().mapLayer(dest) or context.getMapLayer(dest)
    if layer is not None:
        return layer.featureCount() if layer.isValid() else None
    provider, uri = "ogr", dest
    head, sep, rest = dest.partition("://")
    if sep and head in QgsProviderRegistry.instance().providerList() and head != "ogr":  # postgres://dbname=… table=…
        provider, uri = head, rest
    elif not Path(QgsProviderRegistry.instance().decodeUri("ogr", dest).get("path") or dest).exists():
        return None
    layer = QgsVectorLayer(uri, "written", provider)
    try:
        return layer.featureCount() if layer.isValid() else None
    finally:
        del layer


def delete_output(dest: str, context) -> None:
    """Delete the output ``dest`` of a sink (as ``parameterAsSink`` returned it) and stop it loading on completion.

    ``dest`` is a temporary layer's id (memory layers, and database tables such as PostGIS: the table is dropped), a
    file (deleted, with a shapefile's side files) or ``file|layername=table`` (only that table is dropped, the
    GeoPackage keeps its other tables). The sink must be closed first."""
    import os

    from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorFileWriter

    loads = context.layersToLoadOnCompletion()
    if dest in loads:
        del loads[dest]
        context.setLayersToLoadOnCompletion(loads)
    store = context.temporaryLayerStore()
    layer = store.mapLayer(dest)
    if layer is not None:
        provider, source = layer.providerType(), layer.source()
        store.removeMapLayer(dest)
        if provider != "memory":
            uri = QgsDataSourceUri(source)
            connection = QgsProviderRegistry.instance().providerMetadata(provider).createConnection(source, {})
            connection.dropVectorTable(uri.schema(), uri.table())
        return
    parts = QgsProviderRegistry.instance().decodeUri("ogr", dest)
    path, table = parts.get("path") or dest, parts.get("layerName")
    if not os.path.exists(path):
        return
    if table:
        connection = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(path, {})
        if connection.tableExists("", table):
            connection.dropVectorTable("", table)
        return
    if path.lower().endswith(".shp"):
        QgsVectorFileWriter.deleteShapeFile(path)
    else:
        os.remove(path)
