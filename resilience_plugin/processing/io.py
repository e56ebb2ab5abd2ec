"""Read QGIS feature sources into shapely and numpy, and write shapely geometries back.

Shared by the algorithms, so that every one treats CRSs, null and invalid geometries the
same way and says what it did in the log.
"""

from dataclasses import dataclass, field
from typing import List, Optional

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
)

from ..core.crs import metric_epsg_for
from ..translation import translate


@dataclass
class ReadLayer:
    """What was read from one source, in the working CRS."""

    name: str
    fids: List[int] = field(default_factory=list)
    attributes: List[list] = field(default_factory=list)
    geometries: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))
    null: int = 0
    repaired: int = 0
    failed_transform: int = 0

    def report(self, feedback) -> None:
        if self.null:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} feature(s) without geometry, kept in the output and flagged.").format(
                    self.name, self.null
                )
            )
        if self.repaired:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} invalid geometry(ies) repaired with make-valid.").format(self.name, self.repaired)
            )
        if self.failed_transform:
            feedback.pushWarning(
                translate("Resilience", "{0}: {1} geometry(ies) could not be reprojected and were left out.").format(
                    self.name, self.failed_transform
                )
            )


def working_crs(source, name: str, feedback) -> QgsCoordinateReferenceSystem:
    """The metric CRS to work in: the source's own, or a local projected one for geographic input."""
    crs = source.sourceCrs()
    if not crs.isValid():
        raise QgsProcessingException(
            translate(
                "Resilience", "Layer '{0}' has no coordinate reference system. Set its CRS (Layer Properties › Source) and run again."
            ).format(name)
        )
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


def read_source(
    source,
    name: str,
    crs,
    context,
    feedback,
    fields: Optional[List[str]] = None,
    keep_null: bool = True,
    progress_span=(0.0, 0.0),
) -> ReadLayer:
    """Every feature of ``source``: ids, attributes (all, or ``fields``) and shapely geometries in ``crs``."""
    out = ReadLayer(name)
    transform = None
    if source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    request = QgsFeatureRequest()
    indices = None
    if fields is not None:
        indices = [source.fields().lookupField(f) for f in fields]
        request.setSubsetOfAttributes([j for j in indices if j >= 0])
    total = source.featureCount() or 1
    geoms = []
    lo, hi = progress_span
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            break
        geom = feature.geometry()
        shp = None
        if geom is None or geom.isNull() or geom.isEmpty():
            out.null += 1
            if not keep_null:
                continue
        else:
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
        out.fids.append(feature.id())
        attrs = feature.attributes()
        out.attributes.append(attrs if indices is None else [attrs[j] if j >= 0 else None for j in indices])
        geoms.append(shp)
        if hi > lo and i % 1000 == 0:
            feedback.setProgress(lo + (hi - lo) * i / total)
    geoms = shapely.force_2d(shapely.from_wkb(np.array(geoms + [None], dtype=object)[:-1]))
    present = np.array([g is not None for g in geoms], dtype=bool)
    invalid = np.nonzero(present)[0][~shapely.is_valid(geoms[present])]
    if len(invalid):
        geoms[invalid] = shapely.make_valid(geoms[invalid])
        out.repaired += len(invalid)
    out.geometries = geoms
    return out


def numbers(values, name: str, layer: str, feedback, negative_ok: bool = False) -> np.ndarray:
    """Floats from attribute values; null, text and (unless allowed) negative values become 0, counted in the log."""
    out = np.zeros(len(values))
    bad = 0
    for i, v in enumerate(values):
        try:
            if v is None or (hasattr(v, "isNull") and v.isNull()):
                raise ValueError
            x = float(v)
            if not np.isfinite(x) or (x < 0 and not negative_ok):
                raise ValueError
            out[i] = x
        except (TypeError, ValueError):
            bad += 1
    if bad:
        feedback.pushWarning(
            translate("Resilience", "{0}, field '{1}': {2} value(s) null, not a number or negative, counted as 0.").format(layer, name, bad)
        )
    return out


def to_qgis(geom) -> QgsGeometry:
    if geom is None or geom.is_empty:
        return QgsGeometry()
    g = QgsGeometry()
    # An explicit dimension: inside the QGIS desktop on Debian 12, shapely's GEOS calls resolve to QGIS's older
    # GEOS (3.11), which rejects shapely's default 4-D WKB output.
    g.fromWkb(shapely.to_wkb(geom, flavor="iso", output_dimension=2))
    return g


def representative_points(geoms: np.ndarray) -> np.ndarray:
    """A point for each geometry (itself for points, a point on the surface otherwise); None stays None."""
    out = np.full(len(geoms), None, dtype=object)
    for i, g in enumerate(geoms):
        if g is None or g.is_empty:
            continue
        out[i] = g if g.geom_type == "Point" else shapely.point_on_surface(g)
    return out


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
