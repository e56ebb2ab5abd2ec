"""Helpers shared by the algorithm tests: memory layers, a feedback that records the log, running algorithms."""

from qgis import processing
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from resilience_plugin.compat import FIELD_DOUBLE, FIELD_STRING


def memory_layer(geom_type, rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_DOUBLE)), crs="EPSG:4548", name="社区 test"):
    """A memory layer (added to the project) from (WKT or None, attributes) rows."""
    layer = QgsVectorLayer(f"{geom_type}?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    return layer


class Recorder(QgsProcessingFeedback):
    """Keeps every info and warning line."""

    def __init__(self):
        super().__init__()
        self.text = []

    def pushInfo(self, info):  # noqa: N802
        self.text.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.text.append(warning)

    @property
    def log(self) -> str:
        return "\n".join(self.text)


def run(alg, params, feedback=None):
    """Run an algorithm with a project in the context; returns (result with layers taken, context)."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(alg, params, context=context, feedback=feedback or QgsProcessingFeedback())
    layers = {}
    for key, value in result.items():
        if isinstance(value, QgsVectorLayer):
            layers[key] = value
        elif isinstance(value, str) and context.getMapLayer(value) is not None:
            layers[key] = context.takeResultLayer(value)
        elif isinstance(value, str) and value:
            layer = QgsVectorLayer(value, key, "ogr")
            layers[key] = layer if layer.isValid() else value
    return layers, context
