"""resilience:report, the atlas PDF of the street/town unit scores and the resilience clusters."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...qgisside.compat import ALG_FLAG_NO_THREADING, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON
from ...qgisside.translation import core_message
from . import ReportsAlgorithmBase


class AtlasReportAlgorithm(ReportsAlgorithmBase):
    """The atlas PDF report of scored street/town units and their clusters (第47–52条).

    Memory ceiling: 500 MB. At Beijing scale (`make bench`), its peak was 147 MB for 343 units and 39 clusters
    with the corridor-failure scenario's pages (10,039 critical sections, 13,530 failed ones; 2026-12-01).
    A run estimated above the ceiling is warned about before it starts."""

    LAYER_ROLES = {"UNITS": "scored_units"}

    MEMORY_CEILING_MB = 500
    MEMORY_MB_PER_1000 = {
        "UNITS": 200.0,
        "CLUSTERS": 200.0,
        "CRITICAL": 4.0,
        "FAILED": 4.0,
        "TRANSFER": 3.0,
        "TRANSFER_SHELTERS": 3.0,
        "TRANSFER_ROUTES": 3.0,
    }  # 325 MB measured at Beijing scale with 47,955 critical and 13,530 failed sections and a transfer
    UNITS = "UNITS"
    NAME_FIELD = "NAME_FIELD"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    CLUSTERS = "CLUSTERS"
    SCENARIO_UNITS = "SCENARIO_UNITS"
    CRITICAL = "CRITICAL"
    CLUSTER_LINKS = "CLUSTER_LINKS"
    FAILED = "FAILED"
    FAULTS = "FAULTS"
    TRANSFER = "TRANSFER"
    TRANSFER_SHELTERS = "TRANSFER_SHELTERS"
    TRANSFER_ROUTES = "TRANSFER_ROUTES"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def name(self) -> str:
        return "report"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Atlas report (PDF)")

    def flags(self):
        # print layouts are drawn on the main thread
        return super().flags() | ALG_FLAG_NO_THREADING

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        return self.tr(
            "Writes one PDF for decision makers from the scored street/town units (the output of 'Score street/town "
            "units', 第50–52条) and, optionally, the resilience clusters (the output of 'Delineate resilience clusters' "
            "or of 'Cluster dossier', 第47–49条). It is a QGIS print-layout atlas, A4, with Chinese text.\n\n"
            "Pages: a title page with an overview map of the risk classes and the provenance (date, plugin and QGIS "
            "versions, the plan profile with its SHA-256, every input layer with its source, count and CRS); the "
            "profile values used, each with its unit, source clause and confidence, on as many pages as they fill; then "
            "each cluster, followed by "
            "its units by rank (units in no cluster come last). A unit is in the cluster of its cluster_id field, or "
            "else in the cluster that holds a point inside it.\n\n"
            "With the outputs of 'Corridor failure scenarios' (第44、48、62、65条) and the clusters, each cluster is followed "
            "by a scenario page: a map of the failed and critical sections and the units by access, the units that lose "
            "an essential facility with the people and the clusters they no longer reach, the critical sections in the "
            "cluster with the measure the plan names, and the links to other clusters lost or longer.\n\n"
            "With the outputs of 'Emergency transfer' (第84条) and the clusters, each cluster with people at risk is followed "
            "by a transfer page: a map of the features by share placed, the shelters by load and the routes, the features "
            "with the most people without a place and why, the fullest shelters, and the sections that take longest to "
            "clear with the measure.\n\n"
            "A cluster page: map, its measures (units, population, area, districts, lifeline fit, compactness, missing "
            "第48条 facilities and, from the dossier, shelter, beds, reserves and mutual aid) and the list of its units "
            "with score, class, type and rank. A unit page: map with the unit outlined in red, score, class, type "
            "(第52条), rank and cluster; the hazard, vulnerability and capacity scores (第51条); each indicator's value, "
            "0–10 score, target, whether it is met and its clause, with failed targets shaded; and the measures "
            "(第52条) with their clauses.\n\n"
            "Output: the PDF, and the number of pages. The inputs are never changed; maps are drawn from memory copies."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        add = self.add_with_help
        add(
            QgsProcessingParameterVectorLayer(self.UNITS, self.tr("Scored street/town units"), [SOURCE_POLYGON]),
            self.tr("The output of 'Score street/town units' (fields score, class, rank, unit_type, i_*, t_*, ok_*)."),
        )
        add(
            QgsProcessingParameterField(self.NAME_FIELD, self.tr("Unit name field"), None, self.UNITS, optional=True),
            self.tr("Empty: the first of name_zh, name, 名称, code."),
        )
        add(
            QgsProcessingParameterField(self.DISTRICT_FIELD, self.tr("District field"), None, self.UNITS, optional=True),
            self.tr("Empty: the first of district, district_zh, 区."),
        )
        add(
            QgsProcessingParameterVectorLayer(self.CLUSTERS, self.tr("Resilience clusters"), [SOURCE_POLYGON], optional=True),
            self.tr("Optional: the clusters of 'Delineate resilience clusters' or the 'Cluster dossier' (field cluster_id)."),
        )
        add(
            QgsProcessingParameterVectorLayer(
                self.SCENARIO_UNITS, self.tr("Scenario: units' access"), [SOURCE_POINT, SOURCE_POLYGON], optional=True
            ),
            self.tr("Optional: the units of 'Corridor failure scenarios'. With the clusters, each cluster gets a scenario page."),
        )
        add(
            QgsProcessingParameterVectorLayer(self.CRITICAL, self.tr("Scenario: critical sections"), [SOURCE_LINE], optional=True),
            self.tr("Optional: the critical sections of 'Corridor failure scenarios', listed per cluster."),
        )
        add(
            QgsProcessingParameterVectorLayer(self.CLUSTER_LINKS, self.tr("Scenario: cluster links"), [SOURCE_LINE], optional=True),
            self.tr("Optional: the cluster links of 'Corridor failure scenarios': links lost or longer, per cluster."),
        )
        add(
            QgsProcessingParameterVectorLayer(self.FAILED, self.tr("Scenario: failed sections"), [SOURCE_LINE], optional=True),
            self.tr("Optional: the failed sections of 'Corridor failure scenarios', drawn on the scenario maps."),
        )
        add(
            QgsProcessingParameterVectorLayer(self.FAULTS, self.tr("Active faults"), [SOURCE_LINE], optional=True),
            self.tr("Optional: the active faults, drawn as dashed red lines on every map (第86条)."),
        )
        for key, label, kinds, help_text in (
            (
                self.TRANSFER,
                self.tr("Transfer: assignment"),
                [SOURCE_POINT, SOURCE_POLYGON],
                self.tr(
                    "Optional: the assignment of 'Emergency transfer'. With the clusters, each cluster with people at risk "
                    "gets a transfer page."
                ),
            ),
            (
                self.TRANSFER_SHELTERS,
                self.tr("Transfer: shelters"),
                [SOURCE_POINT, SOURCE_POLYGON],
                self.tr("Optional: the shelters of 'Emergency transfer' with their load: the fullest listed per cluster."),
            ),
            (
                self.TRANSFER_ROUTES,
                self.tr("Transfer: routes"),
                [SOURCE_LINE],
                self.tr("Optional: the routes of 'Emergency transfer': drawn, and the slowest sections listed per cluster."),
            ),
        ):
            add(QgsProcessingParameterVectorLayer(key, label, kinds, optional=True), help_text)
        add(
            QgsProcessingParameterString(self.TITLE, self.tr("Report title"), optional=True),
            self.tr("Empty: 'Resilience assessment report' in the QGIS language."),
        )
        self.add_profile_parameter()
        add(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Atlas report"), self.tr("PDF files (*.pdf)")),
            self.tr("The PDF to write."),
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages")))

    def demo_parameters(self, sample_gpkg: str) -> dict:
        return {
            self.UNITS: "demo:scoreunits:OUTPUT",  # the demo feeds the outputs of earlier algorithms
            self.CLUSTERS: "demo:clusterdossier:OUTPUT",
            self.SCENARIO_UNITS: "demo:corridorfailure:UNITS_OUT",
            self.CRITICAL: "demo:corridorfailure:CRITICAL",
            self.CLUSTER_LINKS: "demo:corridorfailure:CLUSTER_LINKS",
            self.FAILED: "demo:corridorfailure:FAILED",
            self.FAULTS: f"{sample_gpkg}|layername=faults",
            self.TRANSFER: "demo:evacuation:ASSIGNMENT",
            self.TRANSFER_SHELTERS: "demo:evacuation:SHELTERS_OUT",
            self.TRANSFER_ROUTES: "demo:evacuation:ROUTES",
            self.TITLE: "样例城市韧性评估 Sample city resilience assessment",
        }

    def process(self, parameters, context, feedback):
        from ...core.report import ReportError
        from ...report.atlas import ReportError as ExportError
        from ...report.atlas import build_report, layer_summary

        profile = self.load_profile_or_raise(self.parameterAsFile(parameters, self.PROFILE, context))
        units = self.vector_layer(parameters, self.UNITS, context)
        clusters = self.vector_layer(parameters, self.CLUSTERS, context)
        faults = self.vector_layer(parameters, self.FAULTS, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            result = build_report(
                units,
                path,
                profile,
                clusters,
                title=self.parameterAsString(parameters, self.TITLE, context),
                name_field=self.parameterAsString(parameters, self.NAME_FIELD, context),
                district_field=self.parameterAsString(parameters, self.DISTRICT_FIELD, context),
                feedback=feedback,
                scenario={
                    "units": self.vector_layer(parameters, self.SCENARIO_UNITS, context),
                    "critical": self.vector_layer(parameters, self.CRITICAL, context),
                    "links": self.vector_layer(parameters, self.CLUSTER_LINKS, context),
                    "failed": self.vector_layer(parameters, self.FAILED, context),
                },
                faults_layer=faults,
                transfer={
                    "assignment": self.vector_layer(parameters, self.TRANSFER, context),
                    "shelters": self.vector_layer(parameters, self.TRANSFER_SHELTERS, context),
                    "routes": self.vector_layer(parameters, self.TRANSFER_ROUTES, context),
                },
                inputs=[(self.tr("Active faults"), layer_summary(faults))] if faults is not None else [],
            )
        except (ReportError, ExportError) as exc:
            raise QgsProcessingException(core_message(exc)) from None
        if feedback.isCanceled():
            return {}
        feedback.pushInfo(
            self.tr("{0}: {1} pages ({2} clusters, {3} units).").format(result.path, result.pages, result.clusters, result.units)
        )
        return {self.OUTPUT: result.path, self.PAGES: result.pages}
