"""resilience:chinacoords, WGS84 ↔ GCJ-02 ↔ BD-09 for data taken from Chinese web maps."""

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ...qgisside.compat import SOURCE_ANY
from . import ToolsAlgorithm


class ChinaCoordsAlgorithm(ToolsAlgorithm):
    """GCJ-02 / BD-09 / WGS84 coordinate conversion of a layer.

    Memory ceiling: 250 MB. At Beijing scale (`make bench`), its peak was 99 MB for 50,000 facilities (2026-12-01).
    A run estimated above the ceiling is warned about before it starts."""

    MEMORY_CEILING_MB = 250
    MEMORY_MB_PER_1000 = {"INPUT": 2.0}
    INPUT = "INPUT"
    SOURCE_SYSTEM = "SOURCE_SYSTEM"
    TARGET_SYSTEM = "TARGET_SYSTEM"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "chinacoords"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Convert Chinese web-map coordinates (WGS84 / GCJ-02 / BD-09)")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "POIs and boundaries downloaded from Amap or Tencent are in GCJ-02, from Baidu in BD-09: offset by "
            "hundreds of metres from WGS84 and CGCS2000, so that facilities land in the wrong street/town unit or life "
            "circle (第50、53条). This converts every vertex of a layer between WGS84, GCJ-02 and BD-09, in either direction. GCJ-02 "
            "is the published polynomial offset on the Krasovsky ellipsoid; BD-09 adds Baidu's rotation and offset. "
            "Points outside China's bounding rectangle are left unshifted, as the web maps do. The reverse transforms "
            "iterate the forward ones until the round trip agrees to better than 0.1 mm.\n\n"
            "The layer must be in longitude/latitude (a geographic CRS; such data are usually labelled EPSG:4326). The "
            "output keeps the layer's CRS, fields and geometry type; curved geometries are segmentised. The input is "
            "never modified."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        labels = [self.tr("WGS84 (GPS, CGCS2000 to within a metre)"), self.tr("GCJ-02 (Amap, Tencent)"), self.tr("BD-09 (Baidu)")]
        p = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Input layer"), [SOURCE_ANY])
        p.setHelp(self.tr("A layer in longitude/latitude."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(self.SOURCE_SYSTEM, self.tr("From"), options=labels, defaultValue=1)
        p.setHelp(self.tr("The system the coordinates are in now."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(self.TARGET_SYSTEM, self.tr("To"), options=labels, defaultValue=0)
        p.setHelp(self.tr("The system to convert to."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted"))
        p.setHelp(self.tr("The features with converted coordinates."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {self.INPUT: f"{sample_gpkg}|layername=facilities", self.SOURCE_SYSTEM: 0, self.TARGET_SYSTEM: 1}

    def process(self, parameters, context, feedback):
        from ...core.chinacoords import SYSTEMS, convert_geometries
        from ...qgisside.io import as_multi, read_source

        source, name = self.source_or_raise(parameters, self.INPUT, context)
        crs = source.sourceCrs()
        if not crs.isValid() or not crs.isGeographic():
            raise QgsProcessingException(
                self.tr("Layer '{0}' is in {1}, not in longitude/latitude: GCJ-02 and BD-09 exist only as longitude/latitude.").format(
                    name, crs.authid() or self.tr("no CRS")
                )
            )
        src = SYSTEMS[self.parameterAsEnum(parameters, self.SOURCE_SYSTEM, context)]
        dst = SYSTEMS[self.parameterAsEnum(parameters, self.TARGET_SYSTEM, context)]
        read = read_source(source, name, crs, context, feedback, progress_span=(0, 40))
        read.report(feedback)
        if feedback.isCanceled():
            return {}

        out = convert_geometries(read.geometries, src, dst)  # core.chinacoords
        kind = QgsWkbTypes.flatType(source.wkbType())
        geometries = as_multi(out) if QgsWkbTypes.isMultiType(kind) else out
        dest = self.write_output(self.OUTPUT, source.fields(), kind, crs, read.attributes, geometries, (40, 100))
        present = np.array([g is not None for g in out], dtype=bool)
        feedback.pushInfo(self.tr("{0} feature(s) converted from {1} to {2}.").format(int(present.sum()), src, dst))
        return {self.OUTPUT: dest}
