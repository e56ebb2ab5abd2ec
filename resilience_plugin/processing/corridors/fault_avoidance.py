"""resilience:faultavoidance, facilities and buildings against active-fault setbacks (第86条; GB 50011 §4.1.7)."""

from collections import Counter

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ...compat import (
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

CLAUSES = "第86条; GB 50011 §4.1.7"
STATUS_ZH = {
    "violation": "违反避让距离",
    "special study": "需专门研究",
    "ok": "满足",
    "class unknown": "设防类别未知",
    "no geometry": "无几何",
}


class FaultAvoidanceAlgorithm(CorridorsAlgorithmBase):
    """Features inside active-fault avoidance zones (第44、86条).

    Memory ceiling: 300 MB. At Beijing scale (`make bench`), its peak was 85 MB for 50,000 facilities.
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("INPUT", "FAULTS"),)
    LAYER_ROLES = {"INPUT": "facilities", "FAULTS": "faults"}
    FIELD_ROLES = {"CLASS_FIELD": "seismic_class"}

    MEMORY_CEILING_MB = 300
    MEMORY_MB_PER_1000 = {"INPUT": 1.7}
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
                "nearest fault (fault_fid, fault_name) and dist_m to it, violation (1 when closer than required), status "
                "(violation, special study, ok, class unknown, no geometry), measure and clauses.\n\n"
                "Distances are measured in metres in the input's CRS (geographic input is reprojected to a local CGCS2000 "
                "zone); polygons are measured from their nearest edge. Inputs are never modified."
            )
            + "\n\n"
            + self.tr(
                "Fields added: seis_class and class_src (seismic class and where it came from), intensity (design intensity), "
                "required_m (required distance), fault_fid and fault_name (nearest fault), dist_m (distance to it), violation (1 "
                "inside the required distance), status and status_zh, measure, clauses."
            )
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
        from ...core import faults as fc
        from ...core.labels import LabelError
        from ...core.lifecircles import Vocabulary
        from ...translation import core_message
        from ..base import log_label_mapping
        from ..io import make_fields, polygons_only, read_source, text, working_crs, write_rows

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(
            parameters, self.INPUT, context, (GEOMETRY_POINT, GEOMETRY_POLYGON), self.tr("Facilities or buildings")
        )
        faults_src, f_name = self.faults_source(parameters, context)
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
        intensities = sorted(profile.value("seismic.avoidance_distance"), key=int)
        index = self.parameterAsEnum(parameters, self.INTENSITY, context)
        if not 0 <= index < len(intensities):
            raise QgsProcessingException(self.tr("Design seismic intensity: choose one of {0}.").format(", ".join(intensities)))
        intensity = int(intensities[index])
        crs = working_crs(source, name, feedback)

        features = read_source(source, name, crs, context, feedback, progress_span=(0, 30))
        features.report(feedback)
        faults = self.read_faults(parameters, context, feedback, faults_src, f_name, crs, (30, 40))
        if feedback.isCanceled():
            return {}
        f_geoms = faults.geoms

        # class per feature: field first, then category map
        fields = source.fields()
        class_j = fields.lookupField(class_field) if class_field else -1
        cat_j = fields.lookupField(cat_field) if cat_field else -1
        by_category = profile.value("seismic.class_by_category")
        try:
            vocab = Vocabulary.from_profile(profile, self.parameterAsString(parameters, self.CATEGORY_MAP, context) or "")
        except LabelError as exc:
            raise QgsProcessingException(self.tr("Facility label mapping: {0}").format(core_message(exc))) from None
        codes = [None] * len(features.attributes)
        if cat_j >= 0:
            idx, found = vocab.classify_labels([text(a[cat_j]) for a in features.attributes])
            # with a class field the categories only fill its gaps; without one, unknown labels would leave most
            # features with no distance, so the run stops as the other facility tools do
            log_label_mapping(feedback, name, cat_field, found, vocab, refuse=class_j < 0)
            codes = [vocab.codes[k] if k != vocab.other else None for k in idx]
        classes, origin = [], []
        unknown_classes, unknown_categories = Counter(), Counter()
        for attrs, code in zip(features.attributes, codes):
            value = text(attrs[class_j]) if class_j >= 0 else None
            c = fc.seismic_class(value)
            if c is None and value:
                unknown_classes[value] += 1
            if c is not None:
                classes.append(c)
                origin.append("field")
                continue
            c = by_category.get(code) if code else None
            if c is None and cat_j >= 0 and text(attrs[cat_j]):
                unknown_categories[text(attrs[cat_j])] += 1
            classes.append(c)
            origin.append("category" if c else "none")
        if unknown_classes:
            feedback.pushWarning(
                self.tr("{0}, field '{1}': values that are not a class 甲/乙/丙/丁: {2}").format(
                    name, class_field, ", ".join(f"{k} ({v})" for k, v in unknown_classes.most_common(10))
                )
            )
        if unknown_categories:
            feedback.pushWarning(
                self.tr("{0}: categories without a class in the profile, reported 'class unknown': {1}").format(
                    name, ", ".join(f"{k} ({v})" for k, v in unknown_categories.most_common(10))
                )
            )
        required, special = fc.required_distance(classes, intensity, profile)
        feedback.setProgress(50)
        nearest, dist = fc.nearest(features.geometries, f_geoms)
        if feedback.isCanceled():
            return {}
        present = dist < np.inf
        violation = present & ~special & ~np.isnan(required) & (dist < required)
        special_hit = present & special & (dist < np.where(np.isnan(required), -1, required))
        status = np.full(len(classes), "ok", dtype=object)
        status[np.isnan(required) & ~special] = "class unknown"
        status[special_hit] = "special study"
        status[violation] = "violation"
        status[~present] = "no geometry"
        measure = profile.value("seismic.avoidance_measure")

        out_fields = QgsProcessingUtils.combineFields(
            fields,
            make_fields(
                [
                    ("seis_class", FIELD_STRING, self.tr("Seismic class")),
                    ("class_src", FIELD_STRING, self.tr("Class from")),
                    ("intensity", FIELD_INT, self.tr("Design intensity")),
                    ("required_m", FIELD_DOUBLE, self.tr("Required distance (m)")),
                    ("fault_fid", FIELD_INT, self.tr("Nearest fault id")),
                    ("fault_name", FIELD_STRING, self.tr("Nearest fault")),
                    ("dist_m", FIELD_DOUBLE, self.tr("Distance to the fault (m)")),
                    ("violation", FIELD_INT, self.tr("Violates the avoidance distance")),
                    ("status", FIELD_STRING, self.tr("Status")),
                    ("status_zh", FIELD_STRING, self.tr("Status (Chinese)")),
                    ("measure", FIELD_STRING, self.tr("Required measure")),
                    ("clauses", FIELD_STRING, self.tr("Plan clauses")),
                ]
            ),
        )
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        geometries = polygons_only(features.geometries) if polygons else features.geometries
        sink = self.output_sink(parameters, self.OUTPUT, context, out_fields, WKB_MULTIPOLYGON if polygons else source.wkbType(), crs)
        dest = sink.dest
        rows = []
        for i, attrs in enumerate(features.attributes):
            j = int(nearest[i])
            flagged = status[i] in ("violation", "special study")
            rows.append(
                list(attrs)
                + [
                    classes[i],
                    origin[i],
                    intensity,
                    None if np.isnan(required[i]) else float(required[i]),
                    faults.read.fids[j] if j >= 0 else None,
                    faults.names[j] if j >= 0 else None,
                    round(float(dist[i]), 2) if present[i] else None,
                    int(bool(violation[i])),
                    status[i],
                    STATUS_ZH[status[i]],
                    measure if flagged else None,
                    CLAUSES,
                ]
            )
        if not write_rows(
            sink,
            out_fields,
            rows,
            geometries,
            feedback,
            sink.failed,
            (60, 99),
        ):
            return {}
        self.style_output(context, dest, "avoidance")

        counts = Counter(status.tolist())
        feedback.pushInfo(
            self.tr("Intensity {0}: {1} violation(s), {2} for special study, {3} ok, {4} with unknown class.").format(
                intensity, counts["violation"], counts["special study"], counts["ok"], counts["class unknown"]
            )
        )
        if cat_j >= 0 and counts["violation"]:
            by_cat = Counter(text(features.attributes[i][cat_j]) for i in np.nonzero(violation)[0])
            feedback.pushWarning(self.tr("Violations by category: {0}").format(", ".join(f"{k} ({v})" for k, v in by_cat.most_common())))
        feedback.setProgress(100)
        return {self.OUTPUT: dest}
