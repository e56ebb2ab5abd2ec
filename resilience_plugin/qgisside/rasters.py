"""Population rasters read through GDAL's Python bindings (every QGIS ships them), handed to core as numpy windows."""

from contextlib import ExitStack

import numpy as np
from qgis.core import QgsProcessingException, QgsUnitTypes

from ..core.messages import QT_TRANSLATE_NOOP, CoreError
from .io import require_crs
from .translation import translate

KIND_LABELS = (
    QT_TRANSLATE_NOOP("Resilience", "People per cell (WorldPop ppp, GHSL POP, LandScan)"),
    QT_TRANSLATE_NOOP("Resilience", "People per km² (density grids, WorldPop pd)"),
)


def _gdal():
    from osgeo import gdal

    return gdal


def _segment_length(grid, crs) -> float:
    """Edges of zones in ``crs`` are cut to about a quarter of a raster cell before they are reprojected."""
    metres = grid.dx * (111_320.0 if grid.geographic else 1.0)
    if crs.isGeographic():
        return metres / 4 / 111_320.0
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
    return metres / 4 / factor if factor > 0 else 0.0


class _Reader:
    """Windows of one band, read with GDAL exceptions on (this thread only, where GDAL has them)."""

    def __init__(self, dataset, band, name):
        self.dataset, self.band, self.name = dataset, band, name

    def __call__(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        gdal = _gdal()
        with ExitStack() as stack:
            if hasattr(gdal, "ExceptionMgr"):
                stack.enter_context(gdal.ExceptionMgr(useExceptions=True))
            try:
                values = self.band.ReadAsArray(c0, r0, c1 - c0, r1 - r0)
            except RuntimeError as exc:
                raise CoreError(QT_TRANSLATE_NOOP("Core", "Could not read raster '{0}': {1}"), self.name, str(exc).strip()) from None
        if values is None:
            raise CoreError(QT_TRANSLATE_NOOP("Core", "Could not read raster '{0}': {1}"), self.name, gdal.GetLastErrorMsg() or "no data")
        return values


def population_raster(layer, band: int, kind: int, working_crs, name: str, zones_name: str = ""):
    """core.population.Raster for ``band`` of the raster layer ``layer``, whose windows are read on demand; zones of
    ``working_crs`` are reprojected onto its grid. A layer GDAL cannot open, a missing band or a rotated grid is a
    QgsProcessingException naming the layer."""
    from ..core.coverage import Grid
    from ..core.population import Raster, reprojector

    if layer is None or not layer.isValid():
        raise QgsProcessingException(translate("Resilience", "The population raster could not be opened."))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            translate("Resilience", "Raster '{0}' is not a file GDAL reads (provider {1}): save it as a GeoTIFF first.").format(
                name, layer.providerType()
            )
        )
    crs = require_crs(layer, name)
    gdal = _gdal()
    with ExitStack() as stack:
        if hasattr(gdal, "ExceptionMgr"):
            stack.enter_context(gdal.ExceptionMgr(useExceptions=True))
        try:
            dataset = gdal.Open(layer.source().split("|")[0], gdal.GA_ReadOnly)
        except RuntimeError as exc:
            dataset, error = None, str(exc).strip()
        else:
            error = gdal.GetLastErrorMsg()
    if dataset is None:
        raise QgsProcessingException(translate("Resilience", "Could not open raster '{0}': {1}").format(name, error))
    if not 1 <= band <= dataset.RasterCount:
        raise QgsProcessingException(
            translate("Resilience", "Raster '{0}' has {1} band(s): band {2} does not exist.").format(name, dataset.RasterCount, band)
        )
    try:
        grid = Grid.from_geotransform(dataset.GetGeoTransform(), dataset.RasterYSize, dataset.RasterXSize, crs.isGeographic(), name)
    except CoreError as exc:
        from .translation import core_message

        raise QgsProcessingException(core_message(exc)) from None
    if kind == 1 and not crs.isGeographic() and crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
        raise QgsProcessingException(
            translate(
                "Resilience",
                "Raster '{0}' is in {1}, whose units are not metres: people per km² cannot be turned into people per cell. "
                "Warp it to a CRS in metres, or to longitude/latitude.",
            ).format(name, crs.authid() or crs.description())
        )
    gdal_band = dataset.GetRasterBand(band)
    nodata = gdal_band.GetNoDataValue()
    to_grid = None
    if crs != working_crs:
        from qgis.core import QgsCoordinateReferenceSystem

        wkt_format = QgsCoordinateReferenceSystem.WktVariant.WKT2_2019
        to_grid = reprojector(working_crs.toWkt(wkt_format), crs.toWkt(wkt_format), _segment_length(grid, working_crs), (zones_name, name))
    ellipsoid = _ellipsoid(crs)
    raster = Raster(grid, _Reader(dataset, gdal_band, name), kind, nodata, to_grid, name, ellipsoid)
    return raster


def _ellipsoid(crs) -> tuple:
    """(semi-major axis, inverse flattening) of the CRS's ellipsoid; WGS84's where QGIS does not say."""
    from qgis.core import QgsEllipsoidUtils

    from ..core.population import WGS84

    params = QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym()) if crs.ellipsoidAcronym() else None
    if params is None or not params.valid or params.semiMajor <= 0:
        return WGS84
    inverse = params.inverseFlattening if params.inverseFlattening and np.isfinite(params.inverseFlattening) else 0.0
    return (params.semiMajor, inverse)


def raster_layer_or_raise(algorithm, parameters, key, context):
    """The raster layer of parameter ``key`` and its name; a QgsProcessingException when it cannot be opened."""
    layer = algorithm.parameterAsRasterLayer(parameters, key, context)
    if layer is None or not layer.isValid():
        raise QgsProcessingException(algorithm.invalidRasterError(parameters, key))
    return layer, layer.name() or layer.source()


def write_geotiff(path, values: np.ndarray, geotransform, epsg: int, nodata: float) -> None:
    """A single-band float32 GeoTIFF, compressed (DEFLATE with the floating-point predictor)."""
    from osgeo import osr

    gdal = _gdal()
    rows, cols = values.shape
    options = ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES"]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32, options)
    ds.SetGeoTransform(geotransform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(values)
    ds.FlushCache()
    ds = None


if __name__ == "__main__":  # `make sample`: the sample city's population grid, or (--flood) its flood-depth grid
    import sys

    if sys.argv[1] == "--flood":
        from ..core.sampleflood import EPSG, flood_depth_grid

        gpkg, out = sys.argv[2], sys.argv[3]
        grid, gt = flood_depth_grid(gpkg)
        write_geotiff(out, grid, gt, EPSG, -9999.0)
        print(f"wrote {out}: {grid.shape[1]} × {grid.shape[0]} cells, {int((grid >= 0.5).sum()):,} cells 0.5 m deep or deeper")
    else:
        from ..core.samplegrid import NODATA, population_grid

        gpkg, out = sys.argv[1], sys.argv[2]
        grid, gt = population_grid(gpkg)
        write_geotiff(out, grid, gt, 4326, NODATA)
        print(f"wrote {out}: {grid.shape[1]} × {grid.shape[0]} cells, {float(grid[grid > 0].sum()):,.0f} people")
