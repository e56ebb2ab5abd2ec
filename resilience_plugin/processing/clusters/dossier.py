"""resilience:clusterdossier, the 第49条 dossier of each resilience cluster, as a layer and an HTML page."""

import numpy as np
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingUtils,
)

from ...compat import (
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
from ..hazards import HazardInputs
from . import ClustersAlgorithmBase

CLAUSES = "第48、49、77条"
FACILITY_COLOURS = {
    "fire_station": "#e31a1c",
    "hospital": "#d95f02",
    "water_plant": "#1f78b4",
    "substation": "#ffd92f",
    "reserve_depot": "#6a3d9a",
    "long_term_shelter": "#1a9850",
    "command_centre": "#000000",
    "stadium": "#66c2a5",
}


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
            self.tr("Field with each cluster's population."),
            True,
        )
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
        from ..io import make_fields, numbers, polygons_only, read_source, representative_points, text, working_crs, write_rows

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        source, name = self.source_or_raise(parameters, self.CLUSTERS, context, (GEOMETRY_POLYGON,), self.tr("Clusters"))
        id_field = self.optional_field(parameters, self.ID_FIELD, context, source, self.tr("Cluster id field"), name, feedback)
        pop_field = self.optional_field(parameters, self.POPULATION_FIELD, context, source, self.tr("Population field"), name, feedback)
        crs = working_crs(source, name, feedback)
        clusters = read_source(source, name, crs, context, feedback, progress_span=(0, 10))
        clusters.report(feedback)
        geoms = polygons_only(clusters.geometries)
        n = len(geoms)
        fields = source.fields()
        ids = [text(a[fields.lookupField(id_field)]) if id_field else None for a in clusters.attributes]
        ids = [v or f"#{fid}" for v, fid in zip(ids, clusters.fids)]
        population = (
            numbers(
                [a[fields.lookupField(pop_field)] for a in clusters.attributes],
                pop_field,
                name,
                feedback,
                fids=clusters.fids,
                empty_ok=False,
            )
            if pop_field
            else None
        )
        if population is None:
            feedback.pushWarning(self.tr("No population field: per-person measures are left empty."))
            population = np.full(n, np.nan)
        area = np.array([g.area if g is not None else 0.0 for g in geoms])

        def optional_source(key, kinds, label):
            src = self.optional_source(parameters, key, context)
            if src is None:
                return None, None
            src, lname = self.source_or_raise(parameters, key, context, kinds, label)
            return src, lname

        # hazards
        hazards = self.read_hazards(parameters, context, feedback, crs, profile)
        fault_geoms = hazards.fault_lines
        fault_share = ds.area_share(geoms, hazards.fault_zones) if hazards.fault_zones is not None else None
        flood_share = ds.area_share(geoms, hazards.flood_zones) if hazards.flood_zones is not None else None
        geohaz = ds.sums(ds.point_owner(geoms, hazards.geohazards), n) if hazards.geohazards is not None else None
        feedback.setProgress(35)
        if feedback.isCanceled():
            return {}

        # facilities
        counts = {}
        shelter = beds = capacity = conv_area = None
        fac_points = []
        given = self.read_facilities(
            parameters,
            context,
            feedback,
            crs,
            profile,
            self.FACILITIES,
            self.CATEGORY_FIELD,
            (self.SHELTER_FIELD, self.BEDS_FIELD, self.CAPACITY_FIELD),
        )
        if given is not None:
            read, lname, vocab, column, chosen, _found = given
            extra = dict(zip((self.SHELTER_FIELD, self.BEDS_FIELD, self.CAPACITY_FIELD), chosen))
            points = representative_points(read.geometries)
            owner = ds.point_owner(geoms, points)
            counts = ds.counts_by_category(owner, column, n, vocab.codes)

            def values(j, key):
                kind = "area" if key == self.SHELTER_FIELD else "count"
                return (
                    numbers([a[j] for a in read.attributes], extra[key], lname, feedback, kind=kind, fids=read.fids) if extra[key] else None
                )

            area_v, beds_v, cap_v = values(1, self.SHELTER_FIELD), values(2, self.BEDS_FIELD), values(3, self.CAPACITY_FIELD)
            shelter = ds.sums(owner, n, area_v) if area_v is not None else None
            beds = ds.sums(owner, n, beds_v) if beds_v is not None else None
            if cap_v is not None:
                capacity = ds.sums(owner, n, cap_v, mask=column == vocab.codes.index("reserve_depot"))
            if area_v is not None:
                conversion_columns = [vocab.codes.index(code) for code in profile.value("street_units.conversion_categories")]
                conv_area = ds.sums(owner, n, area_v, mask=np.isin(column, conversion_columns))
            fac_points = [(p.x, p.y, vocab.codes[c]) for p, c in zip(points, column) if p is not None]
        feedback.setProgress(55)

        # mutual aid
        aid = [[] for _ in range(n)]
        corridor_lines = []
        src, lname = optional_source(self.CORRIDORS, (GEOMETRY_LINE,), self.tr("Corridors"))
        if src is not None:
            grade_field = self.optional_field(parameters, self.GRADE_FIELD, context, src, self.tr("Corridor grade field"), lname, feedback)
            read = read_source(src, lname, crs, context, feedback, fields=[grade_field or ""], keep_null=False)
            read.report(feedback)
            from ...core.faults import _grade_key

            main = [
                g for g, a in zip(read.geometries, read.attributes) if g is not None and (not grade_field or _grade_key(a[0]) in ("1", "2"))
            ]
            corridor_lines = main
            aid = ds.mutual_aid(geoms, main, profile.value("clusters.adjacency_tolerance"))
        feedback.setProgress(70)

        # the numbers
        with np.errstate(divide="ignore", invalid="ignore"):
            beds_1000 = beds / population * 1000 if beds is not None else None
            shelter_pp = shelter / population if shelter is not None else None
        beds_target = profile.value("health.beds_per_1000_target")
        shelter_target = profile.value("shelter.area_per_person_target")
        days = profile.value("reserves.three_threes")["cluster"]
        conversion = profile.value("street_units.conversion_categories")
        zeros = np.zeros(n)

        def c(code):
            return counts.get(code, zeros)

        conv_n = sum((c(code) for code in conversion), zeros) if counts else None

        def num(v, digits=3):
            return None if v is None or not np.isfinite(v) else round(float(v), digits)

        specs = [
            ("d_pop", FIELD_DOUBLE, self.tr("Population")),
            ("d_area_km2", FIELD_DOUBLE, self.tr("Area (km²)")),
            ("fault_shr", FIELD_DOUBLE, self.tr("Share in fault avoidance zones")),
            ("flood_shr", FIELD_DOUBLE, self.tr("Share in flood-risk zones")),
            ("geohaz_n", FIELD_INT, self.tr("Geological hazard points")),
            ("water_pl", FIELD_INT, self.tr("Water plants")),
            ("substat", FIELD_INT, self.tr("Substations")),
            ("fire_st", FIELD_INT, self.tr("Fire stations")),
            ("hosp_n", FIELD_INT, self.tr("Hospitals")),
            ("beds", FIELD_DOUBLE, self.tr("Hospital beds")),
            ("beds_1000", FIELD_DOUBLE, self.tr("Beds per 1,000 people")),
            ("beds_tgt", FIELD_DOUBLE, self.tr("Beds target per 1,000")),
            ("shelter_m2", FIELD_DOUBLE, self.tr("Shelter area (m²)")),
            ("shelter_pp", FIELD_DOUBLE, self.tr("Shelter area per person (m²)")),
            ("shelter_tgt", FIELD_DOUBLE, self.tr("Shelter target per person (m²)")),
            ("shelter_ok", FIELD_INT, self.tr("Shelter target met")),
            ("conv_n", FIELD_INT, self.tr("Conversion spaces (平急两用)")),
            ("conv_m2", FIELD_DOUBLE, self.tr("Conversion space area (m²)")),
            ("reserve_n", FIELD_INT, self.tr("Reserve depots")),
            ("reserve_pd", FIELD_DOUBLE, self.tr("Reserve capacity (person-days)")),
            ("reserve_nd", FIELD_DOUBLE, self.tr("Reserve need, 3 days (person-days)")),
            ("reserve_ok", FIELD_INT, self.tr("Three-threes reserve met (第77条)")),
            ("aid_n", FIELD_INT, self.tr("Clusters linked for mutual aid")),
            ("aid_with", FIELD_STRING, self.tr("Mutual aid with")),
            ("d_clauses", FIELD_STRING, self.tr("Plan clauses")),
        ]
        out_fields = QgsProcessingUtils.combineFields(fields, make_fields(specs))
        sink = self.output_sink(parameters, self.OUTPUT, context, out_fields, WKB_MULTIPOLYGON, crs)
        dest = sink.dest
        rows, sections = [], []
        for i in range(n):
            need = population[i] * days if np.isfinite(population[i]) else None
            row_values = [
                num(population[i], 0),
                round(float(area[i]) / 1e6, 3),
                num(fault_share[i], 4) if fault_share is not None else None,
                num(flood_share[i], 4) if flood_share is not None else None,
                int(geohaz[i]) if geohaz is not None else None,
                int(c("water_plant")[i]) if counts else None,
                int(c("substation")[i]) if counts else None,
                int(c("fire_station")[i]) if counts else None,
                int(c("hospital")[i]) if counts else None,
                num(beds[i], 0) if beds is not None else None,
                num(beds_1000[i], 2) if beds_1000 is not None else None,
                float(beds_target),
                num(shelter[i], 0) if shelter is not None else None,
                num(shelter_pp[i], 3) if shelter_pp is not None else None,
                float(shelter_target),
                int(bool(shelter_pp[i] >= shelter_target)) if shelter_pp is not None and np.isfinite(shelter_pp[i]) else None,
                int(conv_n[i]) if conv_n is not None else None,
                num(conv_area[i], 0) if conv_area is not None else None,
                int(c("reserve_depot")[i]) if counts else None,
                num(capacity[i], 0) if capacity is not None else None,
                num(need, 0),
                int(bool(capacity[i] >= need)) if capacity is not None and need is not None else None,
                len(aid[i]),
                ", ".join(sorted(ids[j] for j in aid[i])),  # by name, whatever order the layer comes in
                CLAUSES,
            ]
            rows.append(list(clusters.attributes[i]) + row_values)
            if i % 10 == 0 and feedback.isCanceled():
                return {}
        if not write_rows(
            sink,
            out_fields,
            rows,
            geoms,
            feedback,
            sink.failed,
            (75, 85),
        ):
            return {}
        outputs = {self.OUTPUT: dest}

        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            labels = [label for _k, _t, label in specs]
            for i in range(n):
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(85 + 14 * i / n)
                neighbours = [
                    geoms[j]
                    for j in range(n)
                    if j != i and geoms[j] is not None and geoms[i] is not None and geoms[j].distance(geoms[i]) < 1.0
                ]
                lines = [(g, "#7f0000", 1.6) for g in fault_geoms] + [(g, "#e41a1c", 1.2) for g in corridor_lines]
                pts = [(x, y, FACILITY_COLOURS[code]) for x, y, code in fac_points if code in FACILITY_COLOURS]
                svg = ds.svg_map(geoms[i], neighbours, lines, pts) if geoms[i] is not None else ""
                values = rows[i][len(clusters.attributes[i]) :]
                table = [
                    (label, "—" if v is None else (f"{v:,.4g}" if isinstance(v, float) else str(v))) for label, v in zip(labels, values)
                ]
                sections.append((f"{ids[i]}", svg, table))
            from pathlib import Path

            Path(report).write_text(
                ds.html_report(
                    self.tr("Resilience cluster dossier (第49条)"),
                    self.tr(
                        "One section per cluster: hazards, urban base, lifelines, rescue capacity, conversion potential, "
                        "reserves and mutual aid."
                    ),
                    sections,
                ),
                encoding="utf-8",
            )
            outputs[self.REPORT] = report
        feedback.setProgress(100)
        return outputs
