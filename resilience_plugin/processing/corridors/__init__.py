"""Group "Corridors and faults" (第33、44、62、86条): the parameters and reading the three algorithms share."""

from dataclasses import dataclass
from typing import List, Optional

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingParameterFeatureSource, QgsProcessingParameterField

from ...qgisside.compat import GEOMETRY_LINE, SOURCE_LINE
from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


@dataclass
class Lines:
    """Corridors or faults as read: the source, its name, what was read, usable geometries, names and grades."""

    source: object
    name: str
    read: object  # io.ReadLayer
    geoms: np.ndarray  # None where there is no usable line
    names: List[Optional[str]]
    grades: List[Optional[str]]
    length: np.ndarray  # metres, 0 where no usable line


class CorridorsAlgorithmBase(ResilienceAlgorithm):
    GROUP_ID = "corridors"
    CORRIDORS = "CORRIDORS"
    CORRIDOR_NAME_FIELD = "CORRIDOR_NAME_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    FAULTS = "FAULTS"
    FAULT_NAME_FIELD = "FAULT_NAME_FIELD"

    def group(self) -> str:
        return translate("Resilience", "Corridors and faults")

    # ------------------------------------------------------------------ parameters
    def add_corridor_parameters(self, help_text: str) -> None:
        p = QgsProcessingParameterFeatureSource(self.CORRIDORS, translate("Resilience", "Corridors"), [SOURCE_LINE])
        p.setHelp(help_text)
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.CORRIDOR_NAME_FIELD, translate("Resilience", "Corridor name field"), "name", self.CORRIDORS, optional=True
        )
        p.setHelp(translate("Resilience", "Optional field with the corridor's name."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.GRADE_FIELD, translate("Resilience", "Corridor grade field"), "grade", self.CORRIDORS, optional=True
        )
        p.setHelp(translate("Resilience", "Optional field with the grade: 1, 2, 3 (or 一级/二级/三级)."))
        self.addParameter(p)

    def add_fault_parameters(self) -> None:
        p = QgsProcessingParameterFeatureSource(self.FAULTS, translate("Resilience", "Active faults"), [SOURCE_LINE])
        p.setHelp(translate("Resilience", "Active faults and ground fissures (lines) (第86条)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.FAULT_NAME_FIELD, translate("Resilience", "Fault name field"), "name", self.FAULTS, optional=True
        )
        p.setHelp(translate("Resilience", "Optional field with the fault's name."))
        self.addParameter(p)

    # ------------------------------------------------------------------ reading
    def corridors_source(self, parameters, context):
        return self.source_or_raise(parameters, self.CORRIDORS, context, (GEOMETRY_LINE,), translate("Resilience", "Corridors"))

    def faults_source(self, parameters, context):
        return self.source_or_raise(parameters, self.FAULTS, context, (GEOMETRY_LINE,), translate("Resilience", "Active faults"))

    def read_corridors(self, parameters, context, feedback, source, name, crs, progress_span) -> Lines:
        """Every corridor with all its attributes; zero-length lines are reported and set aside."""
        from ...qgisside.io import read_source

        name_field = self.optional_field(
            parameters, self.CORRIDOR_NAME_FIELD, context, source, translate("Resilience", "Corridor name field"), name, feedback
        )
        grade_field = self.optional_field(
            parameters, self.GRADE_FIELD, context, source, translate("Resilience", "Corridor grade field"), name, feedback
        )
        read = read_source(source, name, crs, context, feedback, progress_span=progress_span)
        read.report(feedback)
        fields = source.fields()
        return _lines(
            source,
            name,
            read,
            feedback,
            fields.lookupField(name_field) if name_field else -1,
            fields.lookupField(grade_field) if grade_field else -1,
        )

    def read_faults(self, parameters, context, feedback, source, name, crs, progress_span, extra_fields=()) -> Lines:
        """The faults' names (and ``extra_fields``, read after the name: ResilienceAlgorithm.read_fault_lines, as every
        algorithm reads faults); an error when no usable line is left."""
        read, _field = self.read_fault_lines(parameters, context, feedback, source, name, crs, extra_fields, progress_span)
        lines = _lines(source, name, read, feedback, 0, -1)
        if not any(g is not None for g in lines.geoms):
            raise QgsProcessingException(translate("Resilience", "Layer '{0}' has no usable fault lines.").format(name))
        return lines


def _lines(source, name, read, feedback, name_j: int, grade_j: int) -> Lines:
    import shapely

    from ...core.distinct import per_distinct
    from ...qgisside.io import keep_lines, text

    geoms = read.geometries.copy()
    ok = keep_lines(read, feedback)
    geoms[~ok] = None
    length = np.zeros(len(geoms))
    length[ok] = shapely.length(geoms[ok].astype(object))
    # read once per distinct value (a layer repeats a few grades and road names many times)
    names = per_distinct(text, read.column(name_j)) if name_j >= 0 else [None] * len(read.fids)
    grades = per_distinct(text, read.column(grade_j)) if grade_j >= 0 else [None] * len(read.fids)
    return Lines(source, name, read, geoms, names, grades, length)
