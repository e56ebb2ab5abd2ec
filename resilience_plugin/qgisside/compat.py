"""The few enum names that moved between QGIS 3.22 and 3.40 (and on to QGIS 4)."""

from qgis.core import Qgis, QgsProcessing, QgsProcessingParameterFile, QgsWkbTypes

if hasattr(Qgis, "ProcessingSourceType"):  # QGIS ≥ 3.36
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_LINE = Qgis.ProcessingSourceType.VectorLine
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_ANY = Qgis.ProcessingSourceType.VectorAnyGeometry
    SOURCE_TABLE = Qgis.ProcessingSourceType.Vector
else:
    SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_LINE = QgsProcessing.SourceType.TypeVectorLine
    SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
    SOURCE_ANY = QgsProcessing.SourceType.TypeVectorAnyGeometry
    SOURCE_TABLE = QgsProcessing.SourceType.TypeVector

if hasattr(Qgis, "ProcessingFileParameterBehavior"):  # QGIS ≥ 3.36
    FILE_BEHAVIOR_FILE = Qgis.ProcessingFileParameterBehavior.File
else:
    FILE_BEHAVIOR_FILE = QgsProcessingParameterFile.Behavior.File

if hasattr(Qgis, "GeometryType"):  # QGIS ≥ 3.30
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
    GEOMETRY_LINE = Qgis.GeometryType.Line
    GEOMETRY_POINT = Qgis.GeometryType.Point
else:
    GEOMETRY_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry
    GEOMETRY_LINE = QgsWkbTypes.GeometryType.LineGeometry
    GEOMETRY_POINT = QgsWkbTypes.GeometryType.PointGeometry

if hasattr(Qgis, "LayerFilter"):  # QGIS ≥ 3.34
    LAYER_FILTER_POLYGON = Qgis.LayerFilter.PolygonLayer
    LAYER_FILTER_LINE = Qgis.LayerFilter.LineLayer
    LAYER_FILTER_POINT = Qgis.LayerFilter.PointLayer
    LAYER_FILTER_RASTER = Qgis.LayerFilter.RasterLayer
else:
    from qgis.core import QgsMapLayerProxyModel

    LAYER_FILTER_POLYGON = QgsMapLayerProxyModel.Filter.PolygonLayer
    LAYER_FILTER_LINE = QgsMapLayerProxyModel.Filter.LineLayer
    LAYER_FILTER_POINT = QgsMapLayerProxyModel.Filter.PointLayer
    LAYER_FILTER_RASTER = QgsMapLayerProxyModel.Filter.RasterLayer

MESSAGE_INFO = Qgis.MessageLevel.Info
MESSAGE_WARNING = Qgis.MessageLevel.Warning
MESSAGE_CRITICAL = Qgis.MessageLevel.Critical
MESSAGE_SUCCESS = Qgis.MessageLevel.Success

if hasattr(Qgis, "MarkerShape"):  # QGIS ≥ 3.24
    MARKER_TRIANGLE = Qgis.MarkerShape.Triangle
    MARKER_DIAMOND = Qgis.MarkerShape.Diamond
else:
    from qgis.core import QgsSimpleMarkerSymbolLayerBase

    MARKER_TRIANGLE = QgsSimpleMarkerSymbolLayerBase.Shape.Triangle
    MARKER_DIAMOND = QgsSimpleMarkerSymbolLayerBase.Shape.Diamond

if hasattr(Qgis, "ProcessingAlgorithmFlag"):  # QGIS ≥ 3.36
    ALG_FLAG_HIDE_FROM_MODELER = Qgis.ProcessingAlgorithmFlag.HideFromModeler
    ALG_FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:
    from qgis.core import QgsProcessingAlgorithm

    ALG_FLAG_HIDE_FROM_MODELER = QgsProcessingAlgorithm.Flag.FlagHideFromModeler
    ALG_FLAG_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading

# Field types: QgsField takes QMetaType from QGIS 3.38 on; QVariant types before that.
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_STRING = QMetaType.Type.QString
    FIELD_INT = QMetaType.Type.Int
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_LONG = QMetaType.Type.LongLong
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_STRING = QVariant.String  # noqa: QGS402 - QGIS < 3.38 needs QVariant
    FIELD_INT = QVariant.Int  # noqa: QGS402
    FIELD_DOUBLE = QVariant.Double  # noqa: QGS402
    FIELD_LONG = QVariant.LongLong  # noqa: QGS402

if hasattr(Qgis, "WkbType"):  # QGIS ≥ 3.30
    WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry
else:
    WKB_NO_GEOMETRY = QgsWkbTypes.Type.NoGeometry

# Qt5 / Qt6: PyQt6 enums are Python enums (no arithmetic, no int()); PyQt5's are ints.
from qgis.PyQt.QtCore import Qt  # noqa: E402

_user_role = Qt.ItemDataRole.UserRole
USER_ROLE = getattr(_user_role, "value", _user_role)
SORT_ROLE = USER_ROLE + 1
_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT_VCENTER = _align if hasattr(_user_role, "value") else int(_align)

if hasattr(Qgis, "ProcessingNumberParameterType"):  # QGIS ≥ 3.36
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    FIELD_TYPE_NUMERIC = Qgis.ProcessingFieldParameterDataType.Numeric
else:
    from qgis.core import QgsProcessingParameterField, QgsProcessingParameterNumber

    NUMBER_DOUBLE = QgsProcessingParameterNumber.Type.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Type.Integer
    FIELD_TYPE_NUMERIC = QgsProcessingParameterField.DataType.Numeric

WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.MultiPolygon
WKB_MULTILINESTRING = Qgis.WkbType.MultiLineString if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.MultiLineString
WKB_LINESTRING = Qgis.WkbType.LineString if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.LineString
WKB_POINT = Qgis.WkbType.Point if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.Point
WKB_UNKNOWN = Qgis.WkbType.Unknown if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.Unknown
WKB_GEOMETRYCOLLECTION = Qgis.WkbType.GeometryCollection if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.GeometryCollection

# A symbol layer's data-defined stroke width: scoped from QGIS 3.30 (Property.StrokeWidth), PropertyStrokeWidth before
from qgis.core import QgsSymbolLayer  # noqa: E402

STROKE_WIDTH_PROPERTY = (
    QgsSymbolLayer.Property.StrokeWidth
    if hasattr(QgsSymbolLayer.Property, "StrokeWidth")
    else QgsSymbolLayer.Property.PropertyStrokeWidth
    if hasattr(QgsSymbolLayer.Property, "PropertyStrokeWidth")
    else QgsSymbolLayer.PropertyStrokeWidth  # noqa: QGS402 - QGIS 3.22
)

# Reading a Processing source without QGIS's own invalid-geometry check (the plugin repairs or drops such features
# itself and names them): QGIS's check raises from inside the feature iterator, and on QGIS 3.22 a run refused that
# way could leave the interpreter in a state where the next run crashed (issue 15).
if hasattr(Qgis, "ProcessingFeatureSourceFlag"):  # QGIS ≥ 3.36
    SOURCE_SKIP_VALIDITY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
else:
    from qgis.core import QgsProcessingFeatureSource

    SOURCE_SKIP_VALIDITY_CHECKS = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks

if hasattr(Qgis, "ProcessingParameterFlag"):  # QGIS ≥ 3.36
    OPTIONAL_FLAG = Qgis.ProcessingParameterFlag.Optional
else:
    from qgis.core import QgsProcessingParameterDefinition

    OPTIONAL_FLAG = QgsProcessingParameterDefinition.Flag.FlagOptional

# QAction moved from QtWidgets to QtGui in Qt6 (QGIS 4); QGIS 3's qgis.PyQt.QtGui does not have it
try:
    from qgis.PyQt.QtGui import QAction  # noqa: F401 - re-exported
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 - re-exported
