"""resilience:zonalpopulation, the people of each zone from a population raster, counted exactly (分区人口统计)."""

import numpy as np
from qgis.core import (
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ...core.paths import resources_dir
from ...qgisside.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, GEOMETRY_POLYGON, SOURCE_POLYGON
from ...qgisside.translation import translate
from . import PopulationAlgorithm


class ZonalPopulationAlgorithm(PopulationAlgorithm):
    """People per zone from WorldPop, GHSL, LandScan or a city grid, each cell counted with the share of its area
    inside the zone (core.population.zonal_population)."""

    MEMORY_CEILING_MB = 2000
    MEMORY_MB_PER_1000 = {"INPUT": 8.0}
    LAYER_ROLES = {"INPUT": "units"}
    # raster layer names that say they hold people (WorldPop, GHSL, LandScan, 人口格网 …)
    POPULATION_WORDS = ("人口", "pop", "ppp", "ghs_pop", "worldpop", "landscan")
    INPUT = "INPUT"
    POPULATION_RASTER = "POPULATION_RASTER"
    RASTER_KIND = "RASTER_KIND"
    BAND = "BAND"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "zonalpopulation"

    def displayName(self) -> str:  # noqa: N802 - QGIS API
        return self.tr("Zonal population (exact)")

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API
        figure = (resources_dir() / "help" / "zonal_exact.svg").as_uri()
        return (
            self.tr(
                "Counts the people of each zone (street/town units 第50条, communities and life circles 第53条, flood or "
                "fault zones) from a population raster: WorldPop, GHSL, LandScan or a city's own 100 m grid. Every cell "
                "counts with the share of its area that lies inside the zone, computed exactly from the zone's edges. "
                "A raster of people per km² is multiplied by each cell's area, on the ellipsoid for a longitude/latitude "
                "grid (WorldPop), so densities add up to people.\n\n"
                "How it differs from QGIS's zonal statistics: QGIS counts a cell whole when its centre lies inside the "
                "zone, and not at all otherwise. For zones a few cells wide (a community on a 100 m grid) that is off by "
                "100 % or more, and neighbouring zones do not add up to their union. Here two zones that share a border "
                "share its cells, and their sums add up to the sum of their union.\n\n"
                "Zones in another CRS than the raster are reprojected onto the raster's grid (GHSL is in World "
                "Mollweide, ESRI:54009; WorldPop in longitude/latitude); their edges are first cut to a quarter of a "
                "cell. Only the window the zones cover is read, strip by strip, so a national grid does not fill "
                "memory. Nodata cells, NaN and negative values are skipped. The log gives the method, the raster's total "
                "over the zones' extent and the zones' total.\n\n"
                "Output fields (after the zone's own): pop (people, exact; NULL where the zone has no cell with data: not "
                "assessed), pop_cells (cells with data that the zone touches), pop_gap (share of the zone's area without "
                "data: outside the raster or nodata; 0 when the raster covers it all), pop_method."
            )
            + " "
            + self.tr("A zone without a polygon has pop, pop_cells and pop_gap NULL: nothing in it was measured.")
            + f'\n\n<img src="{figure}" width="360">'
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        from ...qgisside.rasters import KIND_LABELS

        p = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Zones"), [SOURCE_POLYGON])
        p.setHelp(self.tr("Polygons to count the people of: street/town units, communities, life circles, hazard zones."))
        self.addParameter(p)
        p = QgsProcessingParameterRasterLayer(self.POPULATION_RASTER, self.tr("Population raster"), self._project_grid())
        p.setHelp(self.tr("A population grid GDAL can read (GeoTIFF …): WorldPop, GHSL POP, LandScan, or a city grid."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.RASTER_KIND, self.tr("Raster values are"), options=[translate("Resilience", k) for k in KIND_LABELS], defaultValue=0
        )
        p.setHelp(
            self.tr(
                "People per cell (WorldPop ppp, GHSL POP, LandScan), or people per km² (density products such as "
                "WorldPop's pd), which are multiplied by each cell's area."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterBand(self.BAND, self.tr("Band"), 1, self.POPULATION_RASTER, optional=True)
        p.setHelp(self.tr("The band that holds the people (empty: band 1, as in WorldPop and GHSL)."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Zones with population"), SOURCE_POLYGON)
        p.setHelp(self.tr("The zones with pop, pop_cells, pop_gap and pop_method."))
        self.addParameter(p)

    def _project_grid(self):
        """The id of a raster layer of the current project whose name says it holds people, or None (the dialog
        pre-fills the input with it)."""
        from qgis.core import QgsProject, QgsRasterLayer

        from ..base import _on_main_thread

        if not _on_main_thread():
            return None
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsRasterLayer) and any(w in layer.name().lower() for w in self.POPULATION_WORDS):
                return layer.id()
        return None

    def demo_parameters(self, sample_gpkg: str) -> dict:
        from ...core.paths import sample_population_path

        return {self.INPUT: f"{sample_gpkg}|layername=street_units", self.POPULATION_RASTER: str(sample_population_path())}

    def process(self, parameters, context, feedback):
        from ...core.population import zonal_population
        from ...qgisside.io import as_multi, make_fields, present_mask, read_source
        from ...qgisside.rasters import population_raster, raster_layer_or_raise

        source, name = self.source_or_raise(parameters, self.INPUT, context, (GEOMETRY_POLYGON,), self.tr("Zones"))
        layer, raster_name = raster_layer_or_raise(self, parameters, self.POPULATION_RASTER, context)
        kind = self.parameterAsEnum(parameters, self.RASTER_KIND, context)
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        crs = source.sourceCrs()
        raster = population_raster(layer, band, kind, crs, raster_name, name)
        zones = read_source(source, name, crs, context, feedback, progress_span=(0, 10))
        zones.report(feedback)
        result = zonal_population(zones.geometries, raster, lambda f: feedback.setProgress(10 + 70 * f), feedback.isCanceled)
        self.push_notes(feedback, result.notes)

        method = result.method.text(lambda t: translate("Core", t))
        fields = QgsProcessingUtils.combineFields(
            source.fields(),
            make_fields(
                [
                    ("pop", FIELD_DOUBLE, self.tr("People (exact)")),
                    ("pop_cells", FIELD_INT, self.tr("Cells with data touched")),
                    ("pop_gap", FIELD_DOUBLE, self.tr("Share of area without data")),
                    ("pop_method", FIELD_STRING, self.tr("Method")),
                ]
            ),
        )
        assessed = np.isfinite(result.people)
        shaped = present_mask(zones.geometries)  # a zone without a polygon: nothing measured, its figures NULL, never 0
        rows = [
            list(attrs) + ([float(p) if ok else None, int(c), round(float(g), 6)] if has else [None] * 3) + [method]
            for attrs, p, c, g, ok, has in zip(zones.attributes, result.people, result.cells, result.gap, assessed, shaped)
        ]
        kind_wkb = QgsWkbTypes.flatType(source.wkbType())
        geoms = as_multi(zones.geometries) if QgsWkbTypes.isMultiType(kind_wkb) else zones.geometries
        dest = self.write_output(self.OUTPUT, fields, kind_wkb, crs, rows, geoms, (80, 100), "population")
        total = float(result.people[assessed].sum())
        feedback.pushInfo(
            self.tr("Method: {0}; raster '{1}', band {2}, {3} × {4} cells of {5:g} × {6:g} {7}.").format(
                method,
                raster_name,
                band,
                raster.grid.cols,
                raster.grid.rows,
                raster.grid.dx,
                raster.grid.dy,
                self.tr("degrees") if raster.grid.geographic else self.tr("CRS units"),
            )
        )
        feedback.pushInfo(
            self.tr(
                "The raster holds {0:,.0f} people in the window the zones cover; the {1} zone(s) assessed hold {2:,.0f} ({3} not assessed)."
            ).format(result.raster_total, int(assessed.sum()), total, int((~assessed).sum()))
        )
        return {self.OUTPUT: dest}
