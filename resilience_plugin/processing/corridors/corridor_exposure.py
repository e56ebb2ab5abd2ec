"""resilience:corridorexposure, corridor lengths inside hazard zones (第62、75条)."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POLYGON,
    SOURCE_LINE,
    SOURCE_POLYGON,
    WKB_MULTILINESTRING,
)
from . import CorridorsAlgorithmBase


class CorridorExposureAlgorithm(CorridorsAlgorithmBase):
    """Corridor sections inside hazard zones (第33、62条).

    Memory ceiling: 300 MB. At Beijing scale (`make bench`), its peak was 97 MB for 50,000 corridor segments.
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("CORRIDORS", "HAZARDS"),)
    LAYER_ROLES = {"CORRIDORS": "corridors", "HAZARDS": "hazards"}
    FIELD_ROLES = {"CLASS_FIELD": "flood_class"}

    MEMORY_CEILING_MB = 300
    MEMORY_MB_PER_1000 = {"CORRIDORS": 2.0}
    DEMO_BACKDROP = ("corridors", "flood_zones", "districts")
    HAZARDS = "HAZARDS"
    CLASS_FIELD = "CLASS_FIELD"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "corridorexposure"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Corridor exposure to hazard zones")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Measures how much of each corridor runs through hazard zones (flood-risk or waterlogging zones, "
                "geological-hazard zones …): the exposed length per corridor and per hazard class, ready for the list of "
                "low-lying and waterlogging-prone sections whose drainage the plan asks to raise (第62条) and where "
                "water-level alarms belong (第75条).\n\n"
                "Output: one line feature per corridor and hazard class with the exposed parts, exposed_m, the corridor's "
                "length corr_len_m and the share. Overlapping zones of the same class count once. Without a class field "
                "every zone is of one class.\n\n"
                "Summary (optional): every corridor with its length in any zone (hz_exp_m, overlaps counted once), the "
                "share and the classes it meets.\n\n"
                "Work is done in metres in the corridors' CRS (geographic input is reprojected to a local CGCS2000 zone); "
                "hazard zones in another CRS are reprojected and invalid ones repaired. Inputs are never modified."
            )
            + "\n\n"
            + self.tr(
                "Fields of the sections: corr_fid and corr_name (the corridor's feature id and name), grade, hz_class (hazard "
                "class), exposed_m (length in that class), corr_len_m (corridor length), share (exposed_m / corr_len_m), "
                "measure, clauses. Summary: the corridors' own fields, hz_exp_m and hz_share (length and share in any hazard "
                "zone), hz_classes (the classes met), clauses."
            )
            + " "
            + self.tr("A corridor without a usable line (none, or of zero length) has its summary row NULL: not measured, never 0.")
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.add_corridor_parameters(self.tr("Emergency evacuation and rescue corridors, or any lifeline corridor (lines)."))
        p = QgsProcessingParameterFeatureSource(self.HAZARDS, self.tr("Hazard zones"), [SOURCE_POLYGON])
        p.setHelp(self.tr("Hazard polygons: flood-risk or waterlogging zones, geological-hazard zones."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Hazard class field"), "risk_class", self.HAZARDS, optional=True)
        p.setHelp(self.tr("Optional field with the hazard class or risk level; lengths are reported per class."))
        self.addParameter(p)
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Exposed corridor sections"), SOURCE_LINE)
        p.setHelp(self.tr("One feature per corridor and hazard class with the exposed parts and their length."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.SUMMARY, self.tr("Corridor exposure summary"), SOURCE_LINE, optional=True, createByDefault=False
        )
        p.setHelp(self.tr("Optional: every corridor with its exposed length and share."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.CORRIDORS: f"{sample_gpkg}|layername=corridors",
            self.HAZARDS: f"{sample_gpkg}|layername=flood_zones",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import faults as fc
        from ...qgisside.io import as_multi, make_fields, read_source, table_rows, text, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        corridors_src, c_name = self.corridors_source(parameters, context)
        hazards_src, h_name = self.source_or_raise(parameters, self.HAZARDS, context, (GEOMETRY_POLYGON,), self.tr("Hazard zones"))
        class_field = self.optional_field(
            parameters, self.CLASS_FIELD, context, hazards_src, self.tr("Hazard class field"), h_name, feedback
        )
        crs = working_crs(corridors_src, c_name, feedback)
        corridors = self.read_corridors(parameters, context, feedback, corridors_src, c_name, crs, (0, 20))
        hazards = read_source(
            hazards_src, h_name, crs, context, feedback, fields=[class_field or ""], keep_null=False, progress_span=(20, 30)
        )
        hazards.report(feedback)

        # the analysis (core.faults.corridor_exposure)
        result = fc.corridor_exposure(
            corridors.geoms,
            hazards.geometries,
            profile,
            hazard_classes=[text(a[0]) or "" for a in hazards.attributes],
            names=corridors.names,
            grades=corridors.grades,
            ids=corridors.read.fids,
            progress=lambda f: feedback.setProgress(30 + 40 * f),
            canceled=feedback.isCanceled,
        )

        out_fields = make_fields(
            [
                ("corr_fid", FIELD_INT, self.tr("Corridor feature id")),
                ("corr_name", FIELD_STRING, self.tr("Corridor")),
                ("grade", FIELD_STRING, self.tr("Grade")),
                ("hz_class", FIELD_STRING, self.tr("Hazard class")),
                ("exposed_m", FIELD_DOUBLE, self.tr("Exposed length (m)")),
                ("corr_len_m", FIELD_DOUBLE, self.tr("Corridor length (m)")),
                ("share", FIELD_DOUBLE, self.tr("Share of the corridor")),
                ("measure", FIELD_STRING, self.tr("Measure")),
                ("clauses", FIELD_STRING, self.tr("Plan clauses")),
            ]
        )
        rows, geoms = table_rows(result.sections), as_multi(result.section_geometries)
        outputs = {self.OUTPUT: self.write_output(self.OUTPUT, out_fields, WKB_MULTILINESTRING, crs, rows, geoms, (70, 90), "exposure")}

        if parameters.get(self.SUMMARY) is not None:
            s_fields = QgsProcessingUtils.combineFields(
                corridors_src.fields(),
                make_fields(
                    [
                        ("hz_exp_m", FIELD_DOUBLE, self.tr("Length in hazard zones (m)")),
                        ("hz_share", FIELD_DOUBLE, self.tr("Share in hazard zones")),
                        ("hz_classes", FIELD_STRING, self.tr("Hazard classes met")),
                        ("clauses", FIELD_STRING, self.tr("Plan clauses")),
                    ]
                ),
            )
            rows, geoms = table_rows(result.summary, corridors.read.attributes), as_multi(corridors.geoms)
            dest = self.write_output(self.SUMMARY, s_fields, WKB_MULTILINESTRING, crs, rows, geoms, (90, 99), optional=True)
            if dest is not None:
                outputs[self.SUMMARY] = dest
        self.push_notes(feedback, result.notes)
        return outputs
