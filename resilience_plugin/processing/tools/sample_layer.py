"""resilience:samplelayer, one layer of the embedded synthetic sample city."""

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsVectorLayer,
)

from ...qgisside.sample import sample_layers, working_copy
from . import ToolsAlgorithm


class SampleLayerAlgorithm(ToolsAlgorithm):
    LAYER = "LAYER"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "samplelayer"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Sample city layer")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Copies one layer of the embedded sample city into a new layer, so that models, batch runs and "
            "qgis_process can start from it. The sample city is SYNTHETIC and SCHEMATIC: a Beijing-like city "
            "whose districts carry the 2020 census totals, with street/town units (第50条), communities "
            "(第53条), facilities (第48、51、54、55条), a walking network, emergency corridors in grades 1-3 "
            "(第24-26、33条), schematic active faults (第44、86条), lifeline zones (第47条), flood-risk zones, "
            "geological-hazard points and the two greenbelts (第25条). None of it is real.\n\n"
            "Layer: which sample layer to copy.\n\n"
            "Output: the copied layer, with the sample's own fields and CRS "
            "(EPSG:4548, CGCS2000 3-degree CM 117E; facilities EPSG:4326)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        layers = sample_layers()
        param = QgsProcessingParameterEnum(self.LAYER, self.tr("Layer"), options=[title for _name, title in layers], defaultValue=1)
        param.setHelp(self.tr("The sample city layer to copy."))
        self.addParameter(param)
        sink = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sample layer"))
        sink.setHelp(self.tr("The copied sample layer."))
        self.addParameter(sink)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {self.LAYER: 1}

    def process(self, parameters, context, feedback):
        name = sample_layers()[self.parameterAsEnum(parameters, self.LAYER, context)][0]
        # the user's working copy: QGIS opens GeoPackages for update, which would touch the shipped file
        path = working_copy()
        source = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not source.isValid():
            raise QgsProcessingException(self.tr("The sample city is missing or unreadable: {0}").format(path))
        try:
            sink = self.output_sink(parameters, self.OUTPUT, context, source.fields(), source.wkbType(), source.crs())
            total, added = source.featureCount() or 1, 0
            for i, feature in enumerate(source.getFeatures()):
                if feedback.isCanceled():
                    break
                if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                    raise sink.failed()
                added += 1
                if i % 500 == 0:
                    feedback.setProgress(100.0 * i / total)
        finally:  # a refused run's traceback keeps this frame: the layer must not outlive QGIS (3.22 crashes on exit)
            del source
        if not feedback.isCanceled():  # the output exists and holds every row (a full disk fails only on closing)
            self._check_written(sink, sink.before + added)
        feedback.setProgress(100)
        return {self.OUTPUT: sink.dest}
