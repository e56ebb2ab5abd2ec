"""resilience:clusterdossier, the 第49条 dossier of each resilience cluster, as a layer and an HTML page."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingUtils,
)

from ...qgisside.compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_LINE,
    GEOMETRY_POLYGON,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_MULTIPOLYGON,
)
from ..base import is_given
from ..hazards import HazardInputs
from . import ClustersAlgorithmBase


class ClusterDossierAlgorithm(HazardInputs, ClustersAlgorithmBase):
    """The 第49条 dossier of each resilience cluster, with an HTML report.

    Memory ceiling: 250 MB. At Beijing scale (`make bench`), its peak was 59 MB for 39 clusters and 50,000 facilities.
    A run estimated above the ceiling is warned about before it starts."""

    DISTINCT_INPUTS = (("CLUSTERS", "FACILITIES"), ("CORRIDORS", "FACILITIES"))
    LAYER_ROLES = {"CLUSTERS": "clusters"}

    MEMORY_CEILING_MB = 250
    MEMORY_MB_PER_1000 = {"CLUSTERS": 500.0, "FACILITIES": 0.8}
    DEMO_BACKDROP = ("faults", "districts")
    CLUSTERS = "CLUSTERS"
    ID_FIELD = "ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    SHELTER_FIELD = "SHELTER_FIELD"
    BEDS_FIELD = "BEDS_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    CORRIDORS = "CORRIDORS"
    GRADE_FIELD = "GRADE_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def name(self) -> str:
        return "clusterdossier"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Cluster dossier")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return (
            self.tr(
                "Builds the dossier the plan asks for each resilience cluster (第49条), from the clusters (the output of "
                "Resilience clusters, or any polygons with an id and a population) and whichever data layers are given:\n"
                "- hazards: share of the area within the fault avoidance distance and in flood-risk zones, and the "
                "number of geological-hazard points;\n"
                "- urban base: population and area;\n"
                "- lifeline upkeep: water plants and substations (the lifeline fit fields of the clusters are kept);\n"
                "- rescue capacity: fire stations, hospital beds per 1,000 people against the profile's target, and "
                "shelter area per person against the target (2.1 m²);\n"
                "- emergency conversion potential (平急两用, 第51条): stadiums, schools, parks and hotels, by count and "
                "area (the shelter area field);\n"
                "- the three-threes reserve check (第77条): reserve depot capacity (in person-days, from the capacity "
                "field) against 3 days for the cluster's population;\n"
                "- mutual aid (第48条): the neighbouring clusters that a grade 1 or 2 corridor links to this one (the "
                "corridor crosses their shared border).\n\n"
                "Writes the clusters with these fields, and an HTML dossier with one section and a small map per cluster."
            )
            + "\n\n"
            + self.tr(
                "Fields added to the clusters: d_pop and d_area_km2 (population, km²); fault_shr and flood_shr (share of the "
                "area in fault avoidance and flood-risk zones); geohaz_n (geological hazard points); water_pl and substat (water "
                "plants, substations); fire_st, hosp_n and beds (fire stations, hospitals, beds); beds_1000 and beds_tgt (beds "
                "per 1,000 people and the target); shelter_m2, shelter_pp, shelter_tgt and shelter_ok (shelter area, per person, "
                "target, met); conv_n and conv_m2 (平急两用 conversion spaces and their area); reserve_n, reserve_pd, reserve_nd and "
                "reserve_ok (reserve depots, capacity and 3-day need in person-days, met; 第77条); aid_n and aid_with (clusters "
                "linked for mutual aid, by name); d_clauses."
            )
            + " "
            + self.tr(
                "Not assessed, never 0: a cluster whose population is empty or unreadable has its per-person measures NULL; "
                "a cluster without a polygon has its area, exposure, facilities and aid NULL; a shelter whose area is empty "
                "or unreadable leaves its cluster's shelter NULL. The log names them."
            )
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...core.profile import load_profile

        profile = load_profile()

        def source(key, label, kinds, help_text, optional=True):
            self.add_with_help(QgsProcessingParameterFeatureSource(key, label, kinds, optional=optional), help_text)

        def field(key, label, default, parent, help_text, numeric=False):
            # numeric or not: numbers written as text (12万, 2.5万平方米) are read too (issue 15)
            self.add_with_help(QgsProcessingParameterField(key, label, default, parent, optional=True), help_text)

        source(self.CLUSTERS, self.tr("Clusters"), [SOURCE_POLYGON], self.tr("Resilience clusters (polygons)."), optional=False)
        field(self.ID_FIELD, self.tr("Cluster id field"), "code", self.CLUSTERS, self.tr("Field naming each cluster in the dossier."))
        field(
            self.POPULATION_FIELD,
            self.tr("Population field"),
            "population",
            self.CLUSTERS,
            self.tr("Field with each cluster's population. Empty, with a population raster: the raster's people inside each cluster."),
            True,
        )
        self.add_population_surface_parameters(residential=False)
        self.add_hazard_parameters(profile)
        source(self.FACILITIES, self.tr("Facilities"), [SOURCE_POINT, SOURCE_POLYGON], self.tr("Optional facilities."))
        field(
            self.CATEGORY_FIELD,
            self.tr("Facility category field"),
            "category",
            self.FACILITIES,
            self.tr("Field with the facility category."),
        )
        field(
            self.SHELTER_FIELD,
            self.tr("Shelter area field (m²)"),
            "shelter_area_m2",
            self.FACILITIES,
            self.tr("Effective shelter area in m²."),
            True,
        )
        field(self.BEDS_FIELD, self.tr("Hospital beds field"), "beds", self.FACILITIES, self.tr("Number of hospital beds."), True)
        field(
            self.CAPACITY_FIELD,
            self.tr("Reserve capacity field (person-days)"),
            "capacity_pd",
            self.FACILITIES,
            self.tr("Reserve depot capacity in person-days, for the three-threes check (第77条)."),
            True,
        )
        source(self.CORRIDORS, self.tr("Corridors"), [SOURCE_LINE], self.tr("Optional emergency corridors, for mutual aid."))
        field(
            self.GRADE_FIELD,
            self.tr("Corridor grade field"),
            "grade",
            self.CORRIDORS,
            self.tr("Grade 1, 2 or 3; grades 1 and 2 link clusters."),
        )
        self.add_category_map_parameter()
        self.add_profile_parameter()
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Cluster dossier"), SOURCE_POLYGON)
        self.add_with_help(p, self.tr("The clusters with their dossier fields."))
        p = QgsProcessingParameterFileDestination(self.REPORT, self.tr("Dossier (HTML)"), self.tr("HTML files (*.html)"), optional=True)
        p.setHelp(self.tr("One section and a small map per cluster."))
        self.addParameter(p)

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.CLUSTERS: "demo:clusters:CLUSTERS",  # the demo feeds the output of resilience:clusters
            **self.hazard_demo_parameters(sample_gpkg),
            self.FACILITIES: f"{sample_gpkg}|layername=facilities",
            self.CORRIDORS: f"{sample_gpkg}|layername=corridors",
        }

    # ------------------------------------------------------------------ run
    def process(self, parameters, context, feedback):
        from ...core import dossier as ds
        from ...core.facilities import Facilities
        from ...qgisside.io import is_null, make_fields, numbers, polygons_only, read_source, shelter_areas, table_rows, text, working_crs

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.CLUSTERS, context, (GEOMETRY_POLYGON,), self.tr("Clusters"))
        id_field = self.optional_field(parameters, self.ID_FIELD, context, source, self.tr("Cluster id field"), name, feedback)
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        crs = working_crs(source, name, feedback)
        clusters = read_source(source, name, crs, context, feedback, progress_span=(0, 10))
        clusters.report(feedback)
        geoms = polygons_only(clusters.geometries)
        fields = source.fields()
        ids = [text(a[fields.lookupField(id_field)]) if id_field else None for a in clusters.attributes]
        ids = [v or f"#{fid}" for v, fid in zip(ids, clusters.fids)]
        population = None
        values = [a[fields.lookupField(pop_field)] for a in clusters.attributes] if pop_field else []
        if pop_field and all(is_null(v) or not str(v).strip() for v in values):
            # clusters made without a population have the field, empty (issue 29 §3): their people are not known
            feedback.pushWarning(
                self.tr("{0}: field '{1}' holds no value (clusters made without a population): their people are not assessed.").format(
                    name, pop_field
                )
            )
            pop_field = ""
        if pop_field:
            # a cluster whose people are unknown: its per-person measures not assessed, never from 0 people
            population = numbers(values, pop_field, name, feedback, fids=clusters.fids, empty_ok=False, unknown_is_zero=False)
        elif is_given(parameters.get(self.POPULATION_RASTER)):
            population = self.raster_population(parameters, context, feedback, crs, geoms, name)
        hazards = self.read_hazards(parameters, context, feedback, crs, profile)
        feedback.setProgress(35)
        facilities = None
        keys = (self.SHELTER_FIELD, self.BEDS_FIELD, self.CAPACITY_FIELD)
        given = self.read_facilities(parameters, context, feedback, crs, profile, self.FACILITIES, self.CATEGORY_FIELD, keys)
        if given is not None:
            read, lname, vocab, column, chosen, found = given
            amounts = {}
            for j, (field, arg) in enumerate(zip(chosen, ("shelter_area", "beds", "capacity")), start=1):
                if field and arg == "shelter_area":  # a shelter's unknown area: NaN, named (issue 29 §3)
                    amounts[arg] = shelter_areas(read, vocab.is_shelter(column), field, lname, feedback, j)
                elif field:
                    amounts[arg] = numbers([a[j] for a in read.attributes], field, lname, feedback, fids=read.fids)
            facilities = Facilities.read(read.geometries, None, profile, classified=found, **amounts)
        feedback.setProgress(55)
        corridors = {}
        if self.optional_source(parameters, self.CORRIDORS, context) is not None:
            src, lname = self.source_or_raise(parameters, self.CORRIDORS, context, (GEOMETRY_LINE,), self.tr("Corridors"))
            grade_field = self.optional_field(parameters, self.GRADE_FIELD, context, src, self.tr("Corridor grade field"), lname, feedback)
            read = read_source(src, lname, crs, context, feedback, fields=[grade_field or ""], keep_null=False)
            read.report(feedback)
            corridors = {"corridors": read.geometries, "corridor_grades": [a[0] for a in read.attributes] if grade_field else None}
        if feedback.isCanceled():
            return {}

        # the analysis (core.dossier.dossier)
        result = ds.dossier(geoms, profile, ids, population, hazards, facilities, canceled=feedback.isCanceled, **corridors)
        feedback.setProgress(75)
        specs = self._dossier_fields()
        out_fields = QgsProcessingUtils.combineFields(fields, make_fields(specs))
        rows = table_rows(result.table, clusters.attributes)
        outputs = {self.OUTPUT: self.write_output(self.OUTPUT, out_fields, WKB_MULTIPOLYGON, crs, rows, geoms, (75, 85))}
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            from pathlib import Path

            title = self.tr("Resilience cluster dossier (第49条)")
            intro = self.tr(
                "One section per cluster: hazards, urban base, lifelines, rescue capacity, conversion potential, reserves and mutual aid."
            )
            labels = [label for _k, _t, label in specs]
            page = result.html(title, intro, labels, feedback.isCanceled, lambda f: feedback.setProgress(85 + 14 * f))
            Path(report).write_text(page, encoding="utf-8")
            outputs[self.REPORT] = report
        self.push_notes(feedback, result.notes)
        return outputs

    def _dossier_fields(self) -> list:
        """The dossier's field specs, in the order of core.dossier.DOSSIER_FIELDS."""
        labels = [
            (FIELD_DOUBLE, self.tr("Population")),
            (FIELD_DOUBLE, self.tr("Area (km²)")),
            (FIELD_DOUBLE, self.tr("Share in fault avoidance zones")),
            (FIELD_DOUBLE, self.tr("Share in flood-risk zones")),
            (FIELD_INT, self.tr("Geological hazard points")),
            (FIELD_INT, self.tr("Water plants")),
            (FIELD_INT, self.tr("Substations")),
            (FIELD_INT, self.tr("Fire stations")),
            (FIELD_INT, self.tr("Hospitals")),
            (FIELD_DOUBLE, self.tr("Hospital beds")),
            (FIELD_DOUBLE, self.tr("Beds per 1,000 people")),
            (FIELD_DOUBLE, self.tr("Beds target per 1,000")),
            (FIELD_DOUBLE, self.tr("Shelter area (m²)")),
            (FIELD_DOUBLE, self.tr("Shelter area per person (m²)")),
            (FIELD_DOUBLE, self.tr("Shelter target per person (m²)")),
            (FIELD_INT, self.tr("Shelter target met")),
            (FIELD_INT, self.tr("Conversion spaces (平急两用)")),
            (FIELD_DOUBLE, self.tr("Conversion space area (m²)")),
            (FIELD_INT, self.tr("Reserve depots")),
            (FIELD_DOUBLE, self.tr("Reserve capacity (person-days)")),
            (FIELD_DOUBLE, self.tr("Reserve need, 3 days (person-days)")),
            (FIELD_INT, self.tr("Three-threes reserve met (第77条)")),
            (FIELD_INT, self.tr("Clusters linked for mutual aid")),
            (FIELD_STRING, self.tr("Mutual aid with")),
            (FIELD_STRING, self.tr("Plan clauses")),
        ]
        from ...core.dossier import DOSSIER_FIELDS

        return [(name, kind, label) for name, (kind, label) in zip(DOSSIER_FIELDS, labels)]
