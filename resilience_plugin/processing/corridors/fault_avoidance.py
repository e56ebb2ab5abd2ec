"""resilience:faultavoidance, facilities and buildings against active-fault setbacks (第86条; GB 50011 §4.1.7)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from . import CorridorsAlgorithmBase


class FaultAvoidanceAlgorithm(CorridorsAlgorithmBase):
    """Features inside active-fault avoidance zones (第44、86条).

    Memory ceiling: 300 MB. At Beijing scale (`make bench`), its peak was 114 MB for 50,000 facilities (2026-12-01).
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("INPUT", "FAULTS"),)
    LAYER_ROLES = {"INPUT": "facilities", "FAULTS": "faults"}
    FIELD_ROLES = {"CLASS_FIELD": "seismic_class"}

    MEMORY_CEILING_MB = 300
    MEMORY_MB_PER_1000 = {"INPUT": 2.3}
    DEMO_BACKDROP = ("faults", "districts")
    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    INTENSITY = "INTENSITY"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "faultavoidance"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Facilities in fault avoidance zones")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Checks facilities or buildings (points or polygons) against the minimum avoidance distance from active "
                "faults: the plan asks for strict avoidance (第86条), and GB 50011 §4.1.7 (表4.1.7) sets the distance by "
                "design intensity and seismic fortification class: at intensity VIII, 乙 200 m, 丙 100 m, 丁 none; at IX, "
                "乙 400 m, 丙 200 m; 甲 needs a special study.\n\n"
                "The class (甲/乙/丙/丁, also A-D or 甲类) comes from the class field when it is set, otherwise from the "
                "category field through the profile's category-to-class map (hospital and school 乙, clinic 丙, park 丁 "
                "…, GB 50223; check per project). A 甲 feature within the profile's screening distance is flagged "
                "'special study'. Schools, hospitals, shelters and hazardous sources are what planners check first: the "
                "log lists violations by category.\n\n"
                "Output: every input feature with seis_class, class_src (field, category or none), required_m, the "
                "nearest fault (fault_fid, fault_name, fault_age: its latest activity, Q4 Holocene, Q3 Late Pleistocene …, "
                "read from a field such as 最晚活动时代) and dist_m to it, violation (1 when closer than required), status "
                "(violation, special study, ok, class unknown, no geometry), measure and clauses.\n\n"
                "Which faults are avoided follows the profile's seismic.fault_avoidance_rule: 'plan' (the default) every "
                "listed active fault (第86条 严格避让活动断裂); 'code' only Holocene faults at intensity VIII and above "
                "(GB 50011 §4.1.7). The log names the faults left aside, and clauses cite the rule.\n\n"
                "Distances are measured in metres in the input's CRS (geographic input is reprojected to a local CGCS2000 "
                "zone); polygons are measured from their nearest edge. Inputs are never modified."
            )
            + "\n\n"
            + self.tr(
                "Fields added: seis_class and class_src (seismic class and where it came from), intensity (design intensity), "
                "required_m (required distance), fault_fid, fault_name and fault_age (nearest fault and its latest activity), "
                "dist_m (distance to it), violation (1 "
                "inside the required distance), status and status_zh, measure, clauses."
            )
            + "\n\n"
            + self.tr("violation is NULL (not assessed) where the class is unknown or the feature has no geometry.")
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()
        p = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Facilities or buildings"), [SOURCE_POINT, SOURCE_POLYGON])
        p.setHelp(self.tr("Facilities or buildings to check (points or polygons)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Seismic class field (甲/乙/丙/丁)"), None, self.INPUT, optional=True)
        p.setHelp(self.tr("Optional field with the seismic fortification class; it takes precedence over the category."))
        self.addParameter(p)
        p = QgsProcessingParameterField(self.CATEGORY_FIELD, self.tr("Facility category field"), "category", self.INPUT, optional=True)
        p.setHelp(self.tr("Optional field with the facility category, mapped to a class by the plan profile."))
        self.addParameter(p)
        self.add_fault_parameters()
        intensities = sorted(profile.value("seismic.avoidance_distance"), key=int)
        design = str(profile.value("seismic.design_intensity"))
        p = QgsProcessingParameterEnum(
            self.INTENSITY,
            self.tr("Design seismic intensity"),
            options=intensities,
            defaultValue=intensities.index(design) if design in intensities else 0,
        )
        p.setHelp(self.tr("Seismic fortification intensity of the site (GB 18306: Beijing VIII)."))
        self.addParameter(p)
        self.add_category_map_parameter()
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Fault avoidance check"), SOURCE_POINT)
        p.setHelp(self.tr("Every input feature with its class, the required and actual distance to the nearest fault."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.INPUT: f"{sample_gpkg}|layername=facilities",
            self.FAULTS: f"{sample_gpkg}|layername=faults",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        import numpy as np

        from ...core import faults as fc
        from ...qgisside.io import read_source, text, working_crs
        from ..hazards import apply_fault_rule, fault_age_field

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(
            parameters, self.INPUT, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Facilities or buildings")
        )
        faults_src, f_name = self.faults_source(parameters, context)
        class_field, cat_field = self._class_fields(parameters, context, source, name, feedback)
        intensity = self._intensity(parameters, context, profile)
        crs = working_crs(source, name, feedback)

        features = read_source(source, name, crs, context, feedback, progress_span=(0, 30))
        features.report(feedback)
        age_field = fault_age_field(faults_src)
        faults = self.read_faults(parameters, context, feedback, faults_src, f_name, crs, (30, 40), [age_field])
        ages = apply_fault_rule(faults.read, faults.read.column(1), faults.names, profile, intensity, f_name, age_field, feedback)
        ruled_out = np.array([g is None for g in faults.read.geometries])
        fault_geoms = np.where(ruled_out, None, faults.geoms)

        # the classes' source: the class field, then the category labels (logged, and refused when mostly unknown)
        fields = source.fields()
        class_j = fields.lookupField(class_field) if class_field else -1
        cat_j = fields.lookupField(cat_field) if cat_field else -1
        vocab, labels, columns = self._categories(parameters, context, profile, features, name, cat_field, cat_j, class_j >= 0, feedback)
        feedback.setProgress(50)

        # the analysis (core.faults.fault_avoidance)
        result = fc.fault_avoidance(
            features.geometries,
            fault_geoms,
            profile,
            intensity,
            seismic_classes=[text(a[class_j]) for a in features.attributes] if class_j >= 0 else None,
            categories=labels,
            vocabulary=vocab,
            fault_names=faults.names,
            fault_ids=faults.read.fids,
            layer_name=name,
            class_field=class_field or "",
            category_columns=columns,
            canceled=feedback.isCanceled,
            fault_ages=ages,
            rule=profile.value("seismic.fault_avoidance_rule"),
        )
        dest = self._write(source, fields, features, crs, result, feedback)
        return {self.OUTPUT: dest}

    def _class_fields(self, parameters, context, source, name, feedback):
        """The seismic class field and the category field chosen (each "" when none); refused when neither is."""
        class_field = self.optional_field(
            parameters, self.CLASS_FIELD, context, source, self.tr("Seismic class field (甲/乙/丙/丁)"), name, feedback
        )
        cat_field = self.optional_field(
            parameters, self.CATEGORY_FIELD, context, source, self.tr("Facility category field"), name, feedback
        )
        if not class_field and not cat_field:
            raise QgsProcessingException(
                self.tr("Layer '{0}': choose a seismic class field or a category field; without either no distance applies.").format(name)
            )
        return class_field, cat_field

    def _intensity(self, parameters, context, profile) -> int:
        """The design intensity chosen, among the profile's."""
        intensities = sorted(profile.value("seismic.avoidance_distance"), key=int)
        index = self.parameterAsEnum(parameters, self.INTENSITY, context)
        if not 0 <= index < len(intensities):
            raise QgsProcessingException(self.tr("Design seismic intensity: choose one of {0}.").format(", ".join(intensities)))
        return int(intensities[index])

    def _categories(self, parameters, context, profile, features, name, cat_field, cat_j, has_class, feedback):
        """The vocabulary (with the run's label mapping), the category labels (None without a category field) and the
        vocabulary column of each, read once and logged."""
        from ...core.labels import LabelError
        from ...core.lifecircles import Vocabulary
        from ...qgisside.io import text
        from ...qgisside.translation import core_message
        from ..base import log_label_mapping

        try:
            vocab = Vocabulary.from_profile(profile, self.parameterAsString(parameters, self.CATEGORY_MAP, context) or "")
        except LabelError as exc:
            raise QgsProcessingException(self.tr("Facility label mapping: {0}").format(core_message(exc))) from None
        labels = [text(a[cat_j]) for a in features.attributes] if cat_j >= 0 else None
        columns = None
        if labels is not None:
            # with a class field the categories only fill its gaps; without one, unknown labels would leave most
            # features with no distance, so the run stops as the other facility tools do
            columns, found = vocab.classify_labels(labels)
            log_label_mapping(feedback, name, cat_field, found, vocab, refuse=not has_class)
        return vocab, labels, columns

    def _write(self, source, fields, features, crs, result, feedback):
        """Every input feature with the result's columns; the notes logged."""
        from ...qgisside.io import make_fields, polygons_only, table_rows

        out_fields = QgsProcessingUtils.combineFields(fields, make_fields(self._field_specs()))
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        geometries = polygons_only(features.geometries) if polygons else features.geometries
        kind = WKB_MULTIPOLYGON if polygons else source.wkbType()
        rows = table_rows(result.columns, features.attributes)
        dest = self.write_output(self.OUTPUT, out_fields, kind, crs, rows, geometries, (60, 99), "avoidance")
        self.push_notes(feedback, result.notes)
        feedback.setProgress(100)
        return dest

    def _field_specs(self) -> list:
        """The fields added to the input's, in the order of core.faults.fault_avoidance's columns."""
        return [
            ("seis_class", FIELD_STRING, self.tr("Seismic class")),
            ("class_src", FIELD_STRING, self.tr("Class from")),
            ("intensity", FIELD_INT, self.tr("Design intensity")),
            ("required_m", FIELD_DOUBLE, self.tr("Required distance (m)")),
            ("fault_fid", FIELD_INT, self.tr("Nearest fault id")),
            ("fault_name", FIELD_STRING, self.tr("Nearest fault")),
            ("fault_age", FIELD_STRING, self.tr("Nearest fault's latest activity")),
            ("dist_m", FIELD_DOUBLE, self.tr("Distance to the fault (m)")),
            ("violation", FIELD_INT, self.tr("Violates the avoidance distance")),
            ("status", FIELD_STRING, self.tr("Status")),
            ("status_zh", FIELD_STRING, self.tr("Status (Chinese)")),
            ("measure", FIELD_STRING, self.tr("Required measure")),
            ("clauses", FIELD_STRING, self.tr("Plan clauses")),
        ]
