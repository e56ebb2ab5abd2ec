"""resilience:zonalpopulation in QGIS: against native:zonalstatisticsfb where cell centres must agree, against cell
boxes ∩ zone computed here for WorldPop- and GHSL-shaped grids, and its messages on bad input (issue 28)."""

import numpy as np
import pytest
import shapely
from osgeo import gdal, osr
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from .helpers import Recorder, memory_layer, run
from .test_corridorfailure import _categories

NODATA = -99999.0


def geotiff(path, values, gt, srs: str, nodata=NODATA, bands=1):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), values.shape[1], values.shape[0], bands, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    if srs:
        ref = osr.SpatialReference()
        ref.SetFromUserInput(srs)
        ds.SetProjection(ref.ExportToWkt())
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(values)
    ds.FlushCache()
    ds = None
    return str(path)


def cell_boxes_sum(zone_in_raster_crs, values, gt, nodata=NODATA):
    """The oracle: Σ value × area(cell box ∩ zone) / area(cell), cell by cell, in the raster's CRS."""
    x0, dx, _, y0, _, dy = gt
    total = 0.0
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if v == nodata or not np.isfinite(v):
                continue
            cell = shapely.box(x0 + j * dx, y0 + (i + 1) * dy, x0 + (j + 1) * dx, y0 + i * dy)
            if cell.intersects(zone_in_raster_crs):
                total += v * cell.intersection(zone_in_raster_crs).area / cell.area
    return total


def features(layer):
    return {f["名称"]: f for f in layer.getFeatures()}


def test_grid_aligned_zones_equal_native_zonal_statistics(resilience_processing, tmp_path):
    """Zones made of whole cells: QGIS's centre rule and exact shares must give the same sums."""
    rng = np.random.default_rng(3)
    values = rng.uniform(0, 200, (60, 80)).astype(np.float32)
    values[10:13, 10:13] = NODATA
    gt = (447_000.0, 100.0, 0.0, 4_420_000.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "grid.tif", values, gt, "EPSG:4548")
    rows = [
        ("POLYGON((447500 4419000, 449000 4419000, 449000 4417500, 447500 4417500, 447500 4419000))", ("甲街道", 1.0)),
        (
            "POLYGON((449000 4416000, 452000 4416000, 452000 4415000, 450000 4415000, 450000 4414500, 449000 4414500, 449000 4416000))",
            ("乙街道", 2.0),
        ),
        ("POLYGON((447800 4418900, 448600 4418900, 448600 4418600, 447800 4418600, 447800 4418900))", ("丙社区 over nodata", 3.0)),
    ]
    zones = memory_layer("Polygon", rows)
    out, _ = run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": tif, "OUTPUT": "memory:"})
    native, _ = run(
        "native:zonalstatisticsfb", {"INPUT": zones, "INPUT_RASTER": tif, "RASTER_BAND": 1, "STATISTICS": [1], "OUTPUT": "memory:"}
    )
    ours = features(out["OUTPUT"])
    theirs = {f["名称"]: f["_sum"] for f in native["OUTPUT"].getFeatures()}
    for name in ("甲街道", "乙街道"):
        assert ours[name]["pop"] == pytest.approx(theirs[name], rel=1e-5)
        assert ours[name]["人口"] is not None  # the zone's own fields stay
    assert ours["丙社区 over nodata"]["pop"] == pytest.approx(theirs["丙社区 over nodata"], rel=1e-5)
    # 甲 holds the 3 × 3 nodata cells: its share without data and the cells with data it touches
    assert ours["甲街道"]["pop_gap"] == pytest.approx(9 / 225) and ours["甲街道"]["pop_cells"] == 225 - 9
    assert ours["乙街道"]["pop_gap"] == pytest.approx(0, abs=1e-9) and ours["乙街道"]["pop_cells"] == 30 * 10 + 10 * 5


def test_worldpop_shaped_grid_and_zones_in_gauss_kruger(resilience_processing, tmp_path):
    """WorldPop ppp: 3 arc-seconds in EPSG:4326, float32, nodata −99999; communities in EPSG:4548, smaller than a
    few cells. Oracle: the zone moved to longitude/latitude (densified) and intersected with each cell's box."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry

    step = 3 / 3600
    rng = np.random.default_rng(11)
    values = rng.uniform(0, 30, (80, 80)).astype(np.float32)
    values[0:5, :] = NODATA
    gt = (116.38, step, 0.0, 39.93, 0.0, -step)
    tif = geotiff(tmp_path / "chn_ppp_2020_UNadj.tif", values, gt, "EPSG:4326")
    rows = [
        ("POLYGON((448700 4418500, 448950 4418520, 448900 4418300, 448720 4418280, 448700 4418500))", ("东华门社区", 0.0)),
        (shapely.Point(449_500, 4_419_000).buffer(180).wkt, ("景山社区", 0.0)),
    ]
    zones = memory_layer("Polygon", rows)
    out, _ = run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": tif, "RASTER_KIND": 0, "OUTPUT": "memory:"})
    to_ll = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4548"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    ours = features(out["OUTPUT"])
    for wkt, (name, _pop) in rows:
        g = QgsGeometry.fromWkt(shapely.segmentize(shapely.from_wkt(wkt), 5).wkt)
        g.transform(to_ll)
        want = cell_boxes_sum(shapely.from_wkt(g.asWkt(12)), values.astype(float), gt)
        assert want > 0
        assert ours[name]["pop"] == pytest.approx(want, rel=1e-4)
        assert "people per cell" in ours[name]["pop_method"]


def test_ghsl_shaped_grid_in_mollweide_and_density_kind(resilience_processing, tmp_path):
    """GHSL POP: 100 m cells in World Mollweide (ESRI:54009); zones in EPSG:4326. The same grid as people per km²
    (each cell 0.01 km²) gives the same people."""
    from pyproj import Transformer

    to_moll = Transformer.from_crs("EPSG:4326", "ESRI:54009", always_xy=True)
    cx, cy = to_moll.transform(116.40, 39.91)
    x0, y0 = np.floor(cx / 100) * 100 - 1500, np.ceil(cy / 100) * 100 + 1500
    rng = np.random.default_rng(12)
    values = rng.uniform(0, 50, (30, 30)).astype(np.float32)
    gt = (x0, 100.0, 0.0, y0, 0.0, -100.0)
    tif = geotiff(tmp_path / "GHS_POP_E2020_54009_100.tif", values, gt, "ESRI:54009")
    density = geotiff(tmp_path / "density.tif", values * 100, gt, "ESRI:54009")
    zone = shapely.Point(116.40, 39.91).buffer(0.008, quad_segs=24)
    zones = memory_layer("Polygon", [(zone.wkt, ("天安门地区", 0.0))], crs="EPSG:4326")
    out, _ = run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": tif, "OUTPUT": "memory:"})
    got = next(out["OUTPUT"].getFeatures())["pop"]
    in_moll = shapely.transform(shapely.segmentize(zone, 0.0002), lambda xy: np.column_stack(to_moll.transform(xy[:, 0], xy[:, 1])))
    assert got == pytest.approx(cell_boxes_sum(in_moll, values.astype(float), gt), rel=2e-4)
    out2, _ = run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": density, "RASTER_KIND": 1, "OUTPUT": "memory:"})
    assert next(out2["OUTPUT"].getFeatures())["pop"] == pytest.approx(got, rel=1e-5)


def test_a_zone_without_a_polygon_is_not_measured(resilience_processing, tmp_path):
    """Issue 29 §3: a zone without geometry had pop_cells 0 (and a gap) as if measured. Oracle: a zone of four whole
    cells beside it gives their sum and 4 cells; the one without geometry NULL in all three."""
    from resilience_plugin.qgisside.io import is_null

    values = np.arange(1, 17, dtype=np.float32).reshape(4, 4)
    gt = (447_000.0, 100.0, 0.0, 4_420_000.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "grid.tif", values, gt, "EPSG:4548")
    rows = [("POLYGON((447000 4420000, 447200 4420000, 447200 4419800, 447000 4419800, 447000 4420000))", ("甲", 1.0)), (None, ("无", 2.0))]
    out, _ = run("resilience:zonalpopulation", {"INPUT": memory_layer("Polygon", rows), "POPULATION_RASTER": tif, "OUTPUT": "memory:"})
    got = features(out["OUTPUT"])
    assert got["甲"]["pop"] == pytest.approx(1 + 2 + 5 + 6) and got["甲"]["pop_cells"] == 4 and got["甲"]["pop_gap"] == 0
    assert all(is_null(got["无"][k]) for k in ("pop", "pop_cells", "pop_gap")), got["无"].attributes()


def test_sample_city_units_against_native_and_their_own_totals(resilience_processing, tmp_path):
    """On the sample city's 233 units and its WorldPop-shaped grid: our sums add up to the raster's people under the
    units (each cell's people shared, none counted twice), while QGIS's centre rule is off by up to several
    per cent per unit."""
    from resilience_plugin.core.paths import sample_population_path

    from .conftest import SAMPLE

    units = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "units", "ogr")
    log = Recorder()
    out, _ = run(
        "resilience:zonalpopulation",
        {"INPUT": units, "POPULATION_RASTER": str(sample_population_path()), "OUTPUT": str(tmp_path / "u.gpkg")},
        log,
    )
    native, _ = run(
        "native:zonalstatisticsfb",
        {"INPUT": units, "INPUT_RASTER": str(sample_population_path()), "RASTER_BAND": 1, "STATISTICS": [1], "OUTPUT": "memory:"},
    )
    ours = {f["code"]: f["pop"] for f in out["OUTPUT"].getFeatures()}
    theirs = {f["code"]: f["_sum"] for f in native["OUTPUT"].getFeatures()}
    assert len(ours) == units.featureCount() and all(v is not None for v in ours.values())
    rel = [abs(ours[k] - theirs[k]) / theirs[k] for k in ours if theirs[k]]
    assert np.median(rel) < 0.05 and max(rel) > 0.001  # close on large zones, but not the same rule
    assert "exact cell shares" in log.log and "zone(s) assessed hold" in log.log


def test_bad_rasters_are_named(resilience_processing, tmp_path):
    values = np.ones((10, 10), dtype=np.float32)
    tif = geotiff(tmp_path / "one_band.tif", values, (447_000.0, 100.0, 0.0, 4_420_000.0, 0.0, -100.0), "EPSG:4548")
    zones = memory_layer(
        "Polygon", [("POLYGON((447100 4419100, 447500 4419100, 447500 4419500, 447100 4419500, 447100 4419100))", ("甲", 1.0))]
    )
    with pytest.raises(QgsProcessingException, match="band 2"):
        run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": tif, "BAND": 2, "OUTPUT": "memory:"})
    nocrs = geotiff(tmp_path / "no_crs.tif", values, (447_000.0, 100.0, 0.0, 4_420_000.0, 0.0, -100.0), "")
    with pytest.raises(QgsProcessingException, match="coordinate reference system|坐标"):
        run("resilience:zonalpopulation", {"INPUT": zones, "POPULATION_RASTER": nocrs, "OUTPUT": "memory:"})
    # a zone away from the raster: NULL and said, never 0
    far = memory_layer("Polygon", [("POLYGON((500000 4300000, 500100 4300000, 500100 4300100, 500000 4300000))", ("远处", 1.0))])
    log = Recorder()
    out, _ = run("resilience:zonalpopulation", {"INPUT": far, "POPULATION_RASTER": tif, "OUTPUT": "memory:"}, log)
    f = next(out["OUTPUT"].getFeatures())
    assert f["pop"] is None or f["pop"] != f["pop"] or str(f["pop"]) == "NULL"
    assert f["pop_gap"] == 1.0 and "not assessed" in log.log
    assert zones.featureCount() == 1 and next(zones.getFeatures())["人口"] == 1.0  # input unchanged


# ------------------------------------------------------------------------------------------------ life circles


def _circles(params, log=None):
    out, _ = run("resilience:lifecircles", {"DISTANCE": 1000, "OUTPUT": "memory:", **params}, log)
    return {f["名称"]: f for f in out["OUTPUT"].getFeatures()}


def test_life_circles_without_population_are_not_assessed_never_zero(resilience_processing):
    from qgis.core import QgsProcessingFeedback  # noqa: F401

    from resilience_plugin.qgisside.compat import FIELD_STRING

    zones = memory_layer("Point", [("POINT(447000 4420000)", ("甲社区",))], fields=(("名称", FIELD_STRING),))
    log = Recorder()
    f = _circles({"INPUT": zones}, log)["甲社区"]
    for name in ("lc_pop", "shelter_pp", "shelter_ok"):
        assert f[name] is None or str(f[name]) == "NULL", name
    # no facilities layer either: what a circle holds is not known, so neither is its pass (NULL, never a fail)
    for name in ("lc_pass", "n_fire_station", "missing", "shelter_m2"):
        assert f[name] is None or str(f[name]) == "NULL", name
    # and such a circle is still drawn, as not assessed (the style had categories for 1 and 0 only)
    from qgis.core import QgsRenderContext

    from resilience_plugin.qgisside.styles import style_life_circles

    out, _ = run("resilience:lifecircles", {"DISTANCE": 1000, "OUTPUT": "memory:", "INPUT": zones})
    layer = out["OUTPUT"]
    style_life_circles(layer)
    renderer, context = layer.renderer().clone(), QgsRenderContext()  # a copy of its own: no wrapper of the layer's
    renderer.startRender(context, layer.fields())
    try:
        assert all(renderer.symbolForFeature(g, context) is not None for g in layer.getFeatures())
    finally:
        renderer.stopRender(context)
    assert "not assessed" in log.log


def test_polygon_communities_counted_by_the_share_of_their_area_inside(resilience_processing):
    """A polygon community's people are spread over it: a circle holds count × area(community ∩ circle) /
    area(community) of them (the oracle, by shapely's areas), not all or nothing by one point."""
    big = shapely.box(447_000, 4_420_000, 449_000, 4_421_000)  # 2 km²
    small = shapely.Point(446_500, 4_420_500).buffer(200, quad_segs=16)
    zones = memory_layer("Polygon", [(big.wkt, ("大社区", 20000.0)), (small.wkt, ("小社区", 3000.0))])
    got = _circles({"INPUT": zones, "POPULATION_FIELD": "人口"})
    circle_small = shapely.from_wkt(got["小社区"].geometry().asWkt(12))
    want = 3000 + 20000 * big.intersection(circle_small).area / big.area
    assert got["小社区"]["lc_pop"] == pytest.approx(want, rel=2e-3)  # the circle is a 64-gon: its area, not a disc's
    circle_big = shapely.from_wkt(got["大社区"].geometry().asWkt(12))
    assert got["大社区"]["lc_pop"] == pytest.approx(20000 * big.intersection(circle_big).area / big.area + 3000, rel=2e-3)


def test_life_circles_count_a_population_raster_exactly(resilience_processing, tmp_path):
    rng = np.random.default_rng(21)
    values = rng.uniform(0, 40, (50, 50)).astype(np.float32)
    gt = (445_000.0, 100.0, 0.0, 4_422_500.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "city_grid.tif", values, gt, "EPSG:4548")
    from resilience_plugin.qgisside.compat import FIELD_STRING

    zones = memory_layer(
        "Point", [("POINT(447033 4420077)", ("甲社区",)), ("POINT(448100 4419900)", ("乙社区",))], fields=(("名称", FIELD_STRING),)
    )
    got = _circles({"INPUT": zones, "POPULATION_RASTER": tif})
    for name, f in got.items():
        circle = shapely.from_wkt(f.geometry().asWkt(12))
        assert f["lc_pop"] == pytest.approx(cell_boxes_sum(circle, values.astype(float), gt), rel=1e-6), name


# ------------------------------------------------------------------------------------------------ siting


def test_siting_serves_polygon_demand_piece_by_piece_as_brute_force_does(resilience_processing, tmp_path):
    """Two street units as polygons (people spread evenly), three candidates, one new site within 600 m: the site
    chosen is the one brute force picks over the 250 m pieces computed here, and each unit's share served after is
    the share of its pieces within reach (district centroids would put everyone on one point)."""
    from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING

    units = {
        "甲街道": (shapely.box(447_000, 4_400_000, 449_000, 4_401_000), 2000.0),
        "乙街道": (shapely.box(450_000, 4_400_000, 451_000, 4_401_000), 500.0),
    }
    demand = memory_layer(
        "Polygon", [(g.wkt, (n, p)) for n, (g, p) in units.items()], fields=(("名称", FIELD_STRING), ("人口", FIELD_DOUBLE))
    )
    sites = [(447_500, 4_400_500), (448_300, 4_400_480), (450_500, 4_400_500)]
    cands = memory_layer("Point", [(f"POINT({x} {y})", (f"候选{k}", 0.0)) for k, (x, y) in enumerate(sites)], name="候选用地")
    # the oracle: each unit cut by the 250 m grid, its people spread by area, each piece at its centre
    pieces = []
    for name, (g, p) in units.items():
        xmin, ymin, xmax, ymax = g.bounds
        for x in np.arange(xmin, xmax, 250):
            for y in np.arange(ymin, ymax, 250):
                pieces.append((name, x + 125, y + 125, p * 250 * 250 / g.area))
    covered = [sum(w for _n, x, y, w in pieces if np.hypot(x - sx, y - sy) <= 600) for sx, sy in sites]
    best = int(np.argmax(covered))
    out, _ = run(
        "resilience:siting",
        {
            "INPUT": demand,
            "POPULATION_FIELD": "人口",
            "CANDIDATES": cands,
            "CATEGORY": 1,
            "MODEL": 0,
            "COUNT": 1,
            "DISTANCE": 600,
            "OUTPUT": "memory:",
            "ALLOCATION": "memory:",
            "ALLOCATION_PIECES": "memory:",
        },
    )
    chosen = [f["名称"] for f in out["OUTPUT"].getFeatures()]
    assert chosen == [f"候选{best}"]
    alloc = {f["名称"]: f for f in out["ALLOCATION"].getFeatures()}
    for name in units:
        want = sum(w for n, x, y, w in pieces if n == name and np.hypot(x - sites[best][0], y - sites[best][1]) <= 600)
        assert alloc[name]["served_aft"] == pytest.approx(want)
        assert alloc[name]["share_aft"] == pytest.approx(want / units[name][1], abs=1e-6)
        assert alloc[name]["pop"] == pytest.approx(units[name][1])
    assert 0 < alloc["甲街道"]["share_aft"] < 1  # part of a unit is served: not all or nothing
    assert out["ALLOCATION_PIECES"].featureCount() == len(pieces)


def test_unit_scores_take_their_people_from_a_raster_when_no_field_is_given(resilience_processing, tmp_path):
    """Without a population field, each unit's people (and so its density) come from the raster's exact sums: the
    same scores as with those sums written into a field."""
    from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING

    values = np.full((40, 40), 25.0, dtype=np.float32)
    values[:20, :] = 100.0  # a denser north
    gt = (447_000.0, 100.0, 0.0, 4_404_000.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "grid.tif", values, gt, "EPSG:4548")
    boxes = [
        shapely.box(447_000, 4_402_000, 449_000, 4_404_000),
        shapely.box(447_000, 4_400_000, 449_000, 4_402_000),
        shapely.box(449_000, 4_401_000, 451_000, 4_403_000),
    ]
    want = [cell_boxes_sum(b, values.astype(float), gt) for b in boxes]
    plain = memory_layer(
        "Polygon", [(b.wkt, (f"单元{k}",)) for k, b in enumerate(boxes)], fields=(("名称", FIELD_STRING),), name="街镇 无人口"
    )
    with_field = memory_layer(
        "Polygon",
        [(b.wkt, (f"单元{k}", float(w))) for k, (b, w) in enumerate(zip(boxes, want))],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_DOUBLE)),
        name="街镇 有人口",
    )
    log = Recorder()
    a, _ = run("resilience:scoreunits", {"INPUT": plain, "POPULATION_RASTER": tif, "OUTPUT": "memory:"}, log)
    b, _ = run("resilience:scoreunits", {"INPUT": with_field, "POPULATION_FIELD": "人口", "OUTPUT": "memory:"})
    sa = {f["名称"]: f for f in a["OUTPUT"].getFeatures()}
    sb = {f["名称"]: f for f in b["OUTPUT"].getFeatures()}
    for k in sa:
        for field in ("i_popden", "vulner", "score"):
            assert sa[k][field] == pytest.approx(sb[k][field]), field
    assert "from raster" in log.log


def test_clusters_and_their_dossier_take_people_from_a_raster(resilience_processing, tmp_path):
    """Clusters without a population field: each unit's people from the raster (the log says so); the dossier of
    the clusters without one: each cluster's people, the raster's exact sum inside it."""
    from resilience_plugin.qgisside.compat import FIELD_STRING

    values = np.full((40, 60), 30.0, dtype=np.float32)
    gt = (447_000.0, 100.0, 0.0, 4_404_000.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "grid.tif", values, gt, "EPSG:4548")
    boxes = [
        shapely.box(447_000 + 1000 * i, 4_400_000 + 2000 * j, 448_000 + 1000 * i, 4_402_000 + 2000 * j) for i in range(6) for j in range(2)
    ]
    units = memory_layer(
        "Polygon", [(b.wkt, (f"U{k}",)) for k, b in enumerate(boxes)], fields=(("code", FIELD_STRING),), name="街镇 栅格人口"
    )
    log = Recorder()
    out, _ = run(
        "resilience:clusters",
        {"INPUT": units, "ID_FIELD": "code", "N_CLUSTERS": 2, "POPULATION_RASTER": tif, "OUTPUT": "memory:", "CLUSTERS": "memory:"},
        log,
    )
    assert "from raster" in log.log
    clusters = out["CLUSTERS"]
    assert clusters.featureCount() == 2
    assert sum(f["population"] for f in clusters.getFeatures()) == pytest.approx(30.0 * 200 * 12)  # 30 a cell, 200 cells a unit
    plain = memory_layer(
        "Polygon",
        [(shapely.box(447_000, 4_400_000, 450_000, 4_404_000).wkt, ("C1",))],
        fields=(("code", FIELD_STRING),),
        name="组团 栅格人口",
    )
    dossier, _ = run("resilience:clusterdossier", {"CLUSTERS": plain, "ID_FIELD": "code", "POPULATION_RASTER": tif, "OUTPUT": "memory:"})
    f = next(dossier["OUTPUT"].getFeatures())
    names = dossier["OUTPUT"].fields().names()
    pop_name = next(n for n in ("d_pop", "population", "pop") if n in names)
    assert f[pop_name] == pytest.approx(30.0 * 30 * 40)


def test_corridor_failure_counts_polygon_units_from_a_raster(resilience_processing, tmp_path):
    """Units without a population field and a population raster: each unit's people are the raster's sum inside it
    (the oracle: cell boxes), and those beyond a damaged road are cut off by the share of the raster's people there."""
    from resilience_plugin.qgisside.compat import FIELD_STRING

    values = np.zeros((10, 40), dtype=np.float32)
    values[:, :20] = 10.0  # the west half: 10 a cell
    values[:, 20:] = 30.0  # the east half: 30 a cell
    gt = (447_000.0, 100.0, 0.0, 4_401_000.0, 0.0, -100.0)
    tif = geotiff(tmp_path / "grid.tif", values, gt, "EPSG:4548")
    unit = shapely.box(447_500, 4_400_000, 450_500, 4_401_000)  # 15 columns west, 15 east
    units = memory_layer("Polygon", [(unit.wkt, ("跨断裂街道",))], fields=(("名称", FIELD_STRING),), name="街镇 跨断裂")
    road = memory_layer(
        "LineString", [("LINESTRING(447000 4400500, 451000 4400500)", ("主路",))], fields=(("名称", FIELD_STRING),), name="道路 主路"
    )
    hospital = memory_layer(
        "Point",
        [("POINT(447000 4400500)", ("医院", "hospital"))],
        fields=(("名称", FIELD_STRING), ("category", FIELD_STRING)),
        name="设施 医院",
    )
    damage = memory_layer(
        "Polygon", [(shapely.box(448_950, 4_400_000, 449_050, 4_401_000).wkt, ("损毁",))], fields=(("名称", FIELD_STRING),), name="损毁 区"
    )
    out, _ = run(
        "resilience:corridorfailure",
        {
            "NETWORK": road,
            "UNITS": units,
            "POPULATION_RASTER": tif,
            "FACILITIES": hospital,
            "CATEGORY_FIELD": "category",
            "CATEGORIES": _categories("hospital"),
            "DAMAGE": damage,
            "RANK": False,
            "UNITS_OUT": "memory:",
        },
    )
    f = next(out["UNITS_OUT"].getFeatures())
    assert f["people"] == pytest.approx(cell_boxes_sum(unit, values.astype(float), gt))  # 150 × 10 + 150 × 30
    east = cell_boxes_sum(shapely.box(449_000, 4_400_000, 450_500, 4_401_000), values.astype(float), gt)
    assert f["pop_cut_hospital"] == pytest.approx(east)  # the pieces east of the damage, x ≥ 449,000
    assert f["access"] == "part lost"
