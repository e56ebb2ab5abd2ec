"""resilience:profiletable, the plan profile as a table of values with unit and source."""

import json

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
)

from ...qgisside.compat import FIELD_STRING, SOURCE_TABLE, WKB_NO_GEOMETRY
from . import ToolsAlgorithm


class ProfileTableAlgorithm(ToolsAlgorithm):
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"
    PROFILE_ID = "PROFILE_ID"

    def name(self) -> str:
        return "profiletable"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Plan profile table")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Checks a plan profile and writes every value in it as a table, with its unit, its source "
            "(a clause 第N条 of the Beijing Resilient City Spatial Special Plan 2022-2035, or a standard "
            "and its clause) and how confident that source is. Attach the table to a report as the record "
            "of the numbers an analysis used.\n\n"
            "Plan profile: a profile file (JSON). Leave it empty for the built-in Beijing profile. A broken "
            "profile stops the run with a message naming the key at fault.\n\n"
            "Output fields: key (dotted name of the value), value (the value, as JSON text), unit, source "
            "(plan clause or standard), confidence (A: clause text read; B: secondary source; C: recalled, "
            "unconfirmed, to be checked; plan: defined by the plan; assumption: a modelling convention)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.add_profile_parameter()
        sink = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Profile values"), type=SOURCE_TABLE)
        sink.setHelp(self.tr("One row per profile value: key, value, unit, source and confidence."))
        self.addParameter(sink)
        self.addOutput(QgsProcessingOutputString(self.PROFILE_ID, self.tr("Profile id")))

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {self.PROFILE: ""}

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        profile = self.load_profile_or_raise(path)
        feedback.pushInfo(self.tr("Plan profile: {0} ({1})").format(profile.title_zh, profile.path))
        fields = QgsFields()
        for name in ("key", "value", "unit", "source", "confidence"):
            fields.append(QgsField(name, FIELD_STRING))
        sink = self.output_sink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        dest = sink.dest
        quantities = list(profile.quantities())
        for i, q in enumerate(quantities):
            if feedback.isCanceled():
                break
            f = QgsFeature(fields)
            f.setAttributes([q.key, json.dumps(q.value, ensure_ascii=False), q.unit, q.source, q.confidence])
            if not sink.addFeature(f, QgsFeatureSink.Flag.FastInsert):
                raise sink.failed()
            feedback.setProgress(100.0 * (i + 1) / len(quantities))
        if not feedback.isCanceled():  # the output exists and holds every row (a full disk fails only on closing)
            self._check_written(sink, sink.before + len(quantities))
        return {self.OUTPUT: dest, self.PROFILE_ID: profile.id}
