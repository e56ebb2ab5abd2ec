"""resilience:faultcrossings, the register of corridors crossing active faults (第44、86条)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    FIELD_TYPE_NUMERIC,
    NUMBER_DOUBLE,
    SOURCE_LINE,
    SOURCE_POINT,
    WKB_MULTILINESTRING,
    WKB_POINT,
)
from . import CorridorsAlgorithmBase


class FaultCrossingsAlgorithm(CorridorsAlgorithmBase):
    """Where corridors cross or run along active faults (第33、44、86条).

    Memory ceiling: 300 MB. At Beijing scale (`make bench`), its peak was 126 MB for 50,000 corridor segments and 500 faults (2026-12-01).
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("CORRIDORS", "FAULTS"),)
    LAYER_ROLES = {"CORRIDORS": "corridors", "FAULTS": "faults"}

    MEMORY_CEILING_MB = 300
    MEMORY_MB_PER_1000 = {"CORRIDORS": 2.6}
    DEMO_BACKDROP = ("corridors", "faults", "districts")
    FAULT_DISTANCE_FIELD = "FAULT_DISTANCE_FIELD"
    AVOIDANCE_DISTANCE = "AVOIDANCE_DISTANCE"
    CROSSINGS = "CROSSINGS"
    EXPOSED = "EXPOSED"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "faultcrossings"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Corridor × fault crossing register")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "The register a seismic reviewer asks for: every place where an emergency corridor crosses an active "
                "fault, and every corridor section inside a fault's avoidance zone. The plan asks for flexible seismic "
                "measures where important corridors cross fault zones (第44条) and strict avoidance of active faults "
                "(第86条).\n\n"
                "Crossings: one point per contact of a corridor with a fault. contact is 'cross' (passes through), "
                "'touch' (the corridor or the fault ends on the other) or 'along' (the corridor lies on the fault trace; "
                "the point is the middle of that stretch and along_m its length). angle_deg is the acute angle between "
                "corridor and fault (90 = perpendicular, 0 = parallel), chain_m the distance along the corridor from its "
                "start (parts in order), exposed_m the length of the corridor inside the fault's avoidance zone around "
                "this crossing.\n\n"
                "Severity (0-100) = 100 × (0.5·G + 0.3·A + 0.2·E) with the profile's weights: G the grade factor (grade 1 "
                "= 1.0, 2 = 0.6, 3 = 0.3, unknown = 0.6), A = 1 − angle/90 (a shallow crossing ranks higher), E = exposed "
                "length ÷ (3 × 2 × avoidance distance), at most 1 (a perpendicular crossing exposes 2 × the distance). "
                "Levels: low below 35, medium below 60, high from 60. So a grade-1 corridor crossing at a shallow angle "
                "ranks highest. All weights, factors and breaks are in the plan profile.\n\n"
                "Exposed sections: the parts of each corridor within each fault's avoidance distance, with their length "
                "and share of the corridor. This catches corridors that run along a fault without crossing it "
                "(situation 'near'). The avoidance distance is the fault's own value from its distance field when set, "
                "else the default (GB 50011 §4.1.7: 200 m at intensity VIII for class 乙).\n\n"
                "Summary (optional): each corridor with its crossings, exposed length (overlapping zones counted once), "
                "smallest angle and highest severity.\n\n"
                "Work is done in metres in the corridors' CRS (geographic input is reprojected to a local CGCS2000 zone "
                "and the log says so); faults in another CRS are reprojected. Curved geometries are segmentised. Inputs "
                "are never modified."
            )
            + "\n\n"
            + self.tr(
                "Fields of the crossing points: corr_fid, corr_name and grade (the corridor), fault_fid and fault_name (the "
                "fault), contact and contact_zh (cross, touch or along), angle_deg, chain_m (chainage along the corridor), "
                "along_m (length on the fault trace), avoid_m (avoidance distance), exposed_m (corridor length inside the zone), "
                "severity (0–100), sev_level and sev_zh, measure, clauses, fault_age and fault_age_zh (the fault's latest activity, "
                "第86条, from a field such as 最晚活动时代 or age; NULL where the layer gives none). Sections in avoidance "
                "zones: the same ids and names, avoid_m, exposed_m, corr_len_m, share, crossings, angle_deg, situation and "
                "situat_zh, severity, sev_level, sev_zh, measure, clauses, fault_age, fault_age_zh. Summary per corridor: "
                "fx_cross (crossings), fx_along (stretches on a fault trace), fx_exp_m and fx_share (length and share in "
                "avoidance zones), fx_angle (smallest crossing angle), severity, sev_level, sev_zh, measure, clauses."
            )
            + " "
            + self.tr("A corridor without a usable line (none, or of zero length) has its summary row NULL: not measured, never 0.")
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        self.add_corridor_parameters(self.tr("Emergency evacuation and rescue corridors (lines), grades 1/2/3 as in 第33、38条."))
        self.add_fault_parameters()
        p = QgsProcessingParameterField(
            self.FAULT_DISTANCE_FIELD,
            self.tr("Fault avoidance distance field (m)"),
            "avoidance_m",
            self.FAULTS,
            FIELD_TYPE_NUMERIC,
            optional=True,
        )
        p.setHelp(self.tr("Optional per-fault avoidance distance in metres; empty or non-positive values use the default."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.AVOIDANCE_DISTANCE,
            self.tr("Avoidance distance (m)"),
            NUMBER_DOUBLE,
            defaultValue=profile.value("seismic.avoidance_distance_default"),
            minValue=0.0,
        )
        p.setHelp(self.tr("Default half-width of a fault's avoidance zone (GB 50011 §4.1.7: 200 m at intensity VIII, class 乙)."))
        self.addParameter(p)
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.CROSSINGS, self.tr("Fault crossings"), SOURCE_POINT)
        p.setHelp(self.tr("One point per corridor-fault contact, with angle, chainage, severity and measure."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.EXPOSED, self.tr("Corridor sections in avoidance zones"), SOURCE_LINE)
        p.setHelp(self.tr("The parts of each corridor inside each fault's avoidance zone, with their length."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.SUMMARY, self.tr("Corridor summary"), SOURCE_LINE, optional=True, createByDefault=False)
        p.setHelp(self.tr("Optional: every corridor with its crossings, exposed length, smallest angle and highest severity."))
        self.addParameter(p)

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        value = parameters.get(self.AVOIDANCE_DISTANCE)
        try:
            distance = float(value) if value is not None else None
        except (TypeError, ValueError):
            distance = None  # an expression or a model input: checked when the algorithm runs
        if distance is not None and distance <= 0:
            return False, self.tr("Avoidance distance must be greater than 0 m (got {0:g} m).").format(distance)
        return super().checkParameterValues(parameters, context)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.CORRIDORS: f"{sample_gpkg}|layername=corridors",
            self.FAULTS: f"{sample_gpkg}|layername=faults",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import faults as fc
        from ...core.faults import FAULT_AGE_ZH, fault_age
        from ...qgisside.io import as_multi, make_fields, numbers, table_rows, text, working_crs
        from ..hazards import fault_age_field

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        corridors_src, c_name = self.corridors_source(parameters, context)
        faults_src, f_name = self.faults_source(parameters, context)
        default_distance = self.parameterAsDouble(parameters, self.AVOIDANCE_DISTANCE, context)
        if default_distance <= 0:
            raise QgsProcessingException(self.tr("Avoidance distance must be greater than 0 m (got {0:g} m).").format(default_distance))
        fdist_field = self.optional_field(
            parameters, self.FAULT_DISTANCE_FIELD, context, faults_src, self.tr("Fault avoidance distance field (m)"), f_name, feedback
        )
        crs = working_crs(corridors_src, c_name, feedback)
        corridors = self.read_corridors(parameters, context, feedback, corridors_src, c_name, crs, (0, 15))
        age_field = fault_age_field(faults_src)  # the latest activity (最晚活动时代), when the layer has it (第86条)
        faults = self.read_faults(parameters, context, feedback, faults_src, f_name, crs, (15, 20), [fdist_field or "", age_field])
        age_of = {}
        if age_field:
            ages = [fault_age(text(a[2])) for a in faults.read.attributes]
            age_of = dict(zip(faults.read.fids, ages))
            feedback.pushInfo(
                self.tr("Fault age field: '{0}' of layer '{1}' ({2} of {3} faults with a latest activity read).").format(
                    age_field, f_name, sum(a is not None for a in ages), len(ages)
                )
            )
        own = None
        if fdist_field:
            own = numbers([a[1] for a in faults.read.attributes], fdist_field, f_name, feedback, fids=faults.read.fids)

        # the analysis (core.faults.fault_register)
        result = fc.fault_register(
            corridors.geoms,
            faults.geoms,
            profile,
            default_distance,
            fault_distances=own,
            corridor_names=corridors.names,
            corridor_grades=corridors.grades,
            corridor_ids=corridors.read.fids,
            fault_names=faults.names,
            fault_ids=faults.read.fids,
            faults_name=f_name,
            progress=lambda f: feedback.setProgress(20 + 50 * f),
            canceled=feedback.isCanceled,
        )

        # the crossings, the exposed sections, and optionally every corridor with its summary
        specs = self._field_specs()
        x_fields, e_fields = make_fields(specs["crossings"]), make_fields(specs["sections"])
        s_fields = QgsProcessingUtils.combineFields(corridors_src.fields(), make_fields(specs["summary"]))

        def with_age(rows):  # each row's fault (fault_fid, its fourth column): its latest activity, or NULL
            out = []
            for row in rows:
                age = age_of.get(row[3])
                out.append(list(row) + [age, FAULT_AGE_ZH.get(age) if age else None])
            return out

        crossings = with_age(table_rows(result.crossings)), result.crossing_points
        sections = with_age(table_rows(result.sections)), as_multi(result.section_geometries)
        outputs = {
            self.CROSSINGS: self.write_output(self.CROSSINGS, x_fields, WKB_POINT, crs, *crossings, (70, 80), "severity"),
            self.EXPOSED: self.write_output(self.EXPOSED, e_fields, WKB_MULTILINESTRING, crs, *sections, (80, 90), "severity"),
        }
        if parameters.get(self.SUMMARY) is not None:
            summary = table_rows(result.summary, corridors.read.attributes), as_multi(corridors.geoms)
            dest = self.write_output(self.SUMMARY, s_fields, WKB_MULTILINESTRING, crs, *summary, (90, 99), "severity", optional=True)
            if dest is not None:
                outputs[self.SUMMARY] = dest
        self.push_notes(feedback, result.notes)
        feedback.setProgress(100)
        return outputs

    def _field_specs(self) -> dict:
        """The fields of the three outputs, in the order of core.faults.fault_register's tables."""
        pair = [
            ("corr_fid", FIELD_INT, self.tr("Corridor feature id")),
            ("corr_name", FIELD_STRING, self.tr("Corridor")),
            ("grade", FIELD_STRING, self.tr("Grade")),
            ("fault_fid", FIELD_INT, self.tr("Fault feature id")),
            ("fault_name", FIELD_STRING, self.tr("Fault")),
        ]
        age = [
            ("fault_age", FIELD_STRING, self.tr("Fault's latest activity (Q4 Holocene, Q3 Late Pleistocene …)")),
            ("fault_age_zh", FIELD_STRING, self.tr("Fault's latest activity (Chinese)")),
        ]
        severity = [
            ("severity", FIELD_DOUBLE, self.tr("Severity (0-100)")),
            ("sev_level", FIELD_STRING, self.tr("Severity level")),
            ("sev_zh", FIELD_STRING, self.tr("Severity level (Chinese)")),
            ("measure", FIELD_STRING, self.tr("Required measure")),
            ("clauses", FIELD_STRING, self.tr("Plan clauses")),
        ]
        return {
            "crossings": pair
            + [
                ("contact", FIELD_STRING, self.tr("Contact")),
                ("contact_zh", FIELD_STRING, self.tr("Contact (Chinese)")),
                ("angle_deg", FIELD_DOUBLE, self.tr("Crossing angle (°)")),
                ("chain_m", FIELD_DOUBLE, self.tr("Chainage along the corridor (m)")),
                ("along_m", FIELD_DOUBLE, self.tr("Length on the fault trace (m)")),
                ("avoid_m", FIELD_DOUBLE, self.tr("Avoidance distance (m)")),
                ("exposed_m", FIELD_DOUBLE, self.tr("Exposed length (m)")),
            ]
            + severity
            + age,
            "sections": pair
            + [
                ("avoid_m", FIELD_DOUBLE, self.tr("Avoidance distance (m)")),
                ("exposed_m", FIELD_DOUBLE, self.tr("Exposed length (m)")),
                ("corr_len_m", FIELD_DOUBLE, self.tr("Corridor length (m)")),
                ("share", FIELD_DOUBLE, self.tr("Share of the corridor")),
                ("crossings", FIELD_INT, self.tr("Crossings")),
                ("angle_deg", FIELD_DOUBLE, self.tr("Smallest angle (°)")),
                ("situation", FIELD_STRING, self.tr("Situation")),
                ("situat_zh", FIELD_STRING, self.tr("Situation (Chinese)")),
            ]
            + severity
            + age,
            "summary": [
                ("fx_cross", FIELD_INT, self.tr("Fault crossings")),
                ("fx_along", FIELD_INT, self.tr("Stretches on a fault trace")),
                ("fx_exp_m", FIELD_DOUBLE, self.tr("Length in avoidance zones (m)")),
                ("fx_share", FIELD_DOUBLE, self.tr("Share in avoidance zones")),
                ("fx_angle", FIELD_DOUBLE, self.tr("Smallest crossing angle (°)")),
            ]
            + severity,
        }
