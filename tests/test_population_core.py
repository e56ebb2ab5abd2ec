"""core.coverage and core.population against independent oracles: shapely's cell boxes ∩ zone, computed here; pyproj's
geodesic areas; brute-force sums cell by cell (issue 28)."""

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_plugin.core import population as pop
from resilience_plugin.core.coverage import Grid, coverage
from resilience_plugin.core.messages import CoreError


def box_fractions(poly, grid: Grid):
    """The oracle: area of shapely's box of every cell ∩ the polygon, over the cell's area, for the whole grid."""
    j, i = np.meshgrid(np.arange(grid.cols), np.arange(grid.rows))
    boxes = shapely.box(grid.x0 + j * grid.dx, grid.y0 - (i + 1) * grid.dy, grid.x0 + (j + 1) * grid.dx, grid.y0 - i * grid.dy)
    return shapely.area(shapely.intersection(boxes, poly)) / (grid.dx * grid.dy)


def dense(cov, grid: Grid) -> np.ndarray:
    out = np.zeros((grid.rows, grid.cols))
    if cov is not None:
        out[cov.row0 : cov.row0 + cov.frac.shape[0], cov.col0 : cov.col0 + cov.frac.shape[1]] = cov.frac
    return out


def brute_sum(poly, grid, values, nodata=None):
    frac = box_fractions(poly, grid)
    ok = np.isfinite(values) & (values >= 0)
    if nodata is not None:
        ok &= values != nodata
    return float((frac[ok] * values[ok]).sum()), int(np.count_nonzero((frac > 0) & ok))


# ------------------------------------------------------------------------------------------------ coverage fractions

# a 100 m grid in CGCS2000 Gauss-Krüger with the zone number in the easting (EPSG:4527: eastings near 39,500,000)
GK = Grid(39_500_000.0, 4_420_000.0, 100.0, 100.0, 40, 50)


@pytest.mark.parametrize(
    "poly",
    [
        shapely.Point(39_502_000, 4_418_000).buffer(777, quad_segs=16),  # a community
        shapely.Point(39_502_000, 4_418_000).buffer(30),  # smaller than one cell
        shapely.box(39_500_250, 4_417_050, 39_500_260, 4_417_950),  # a thin strip inside one column
        shapely.Point(39_502_000, 4_418_000).buffer(900).difference(shapely.Point(39_502_100, 4_418_050).buffer(333)),  # a hole
        shapely.MultiPolygon(
            [shapely.box(39_499_900, 4_419_950, 39_500_130, 4_420_100), shapely.box(39_504_000, 4_416_010, 39_504_990, 4_416_500)]
        ),
        shapely.Polygon([(39_500_000, 4_420_000), (39_505_000, 4_416_000), (39_500_000, 4_416_000)]),  # edges on grid lines
        shapely.Point(39_502_000, 4_418_000).buffer(777).reverse(),  # clockwise exterior
        shapely.box(39_499_000, 4_419_000, 39_501_000, 4_421_000),  # partly outside the grid
    ],
)
def test_coverage_equals_cell_boxes_intersected(poly):
    got = dense(coverage(poly, GK), GK)
    assert np.abs(got - box_fractions(poly, GK)).max() < 1e-9


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-300, 5300), st.floats(-300, 4300)), min_size=3, max_size=12),
    st.floats(0.3, 3.0),
)
def test_coverage_of_random_polygons_equals_cell_boxes(points, scale):
    grid = Grid(0.0, 4000.0 * scale, 100.0 * scale, 100.0 * scale, 40, 50)
    poly = shapely.make_valid(shapely.Polygon([(x * scale, y * scale) for x, y in points]))
    poly = shapely.union_all([p for p in shapely.get_parts(poly) if shapely.get_type_id(p) == 3]) if not poly.is_empty else poly
    if poly.is_empty or poly.area == 0:
        return
    got = dense(coverage(poly, grid), grid)
    assert np.abs(got - box_fractions(poly, grid)).max() < 1e-9


def test_coverage_misses_and_degenerate():
    assert coverage(shapely.box(0, 0, 10, 10), GK) is None  # far from the grid
    assert coverage(None, GK) is None
    assert coverage(shapely.Polygon(), GK) is None


def test_neighbours_add_up_to_their_union():
    a = shapely.Polygon([(39_500_010, 4_416_030), (39_503_333, 4_419_990), (39_503_333, 4_416_030)])
    b = shapely.box(39_500_010, 4_416_030, 39_503_333, 4_419_990).difference(a)
    total = dense(coverage(a, GK), GK) + dense(coverage(b, GK), GK)
    whole = dense(coverage(shapely.union(a, b), GK), GK)
    assert np.abs(total - whole).max() < 1e-9


def test_rotated_raster_refused():
    with pytest.raises(CoreError, match="rotated"):
        Grid.from_geotransform((0, 10, 1, 0, 0, -10), 5, 5, name="skew")


def test_south_up_raster_refused_not_read_upside_down():
    with pytest.raises(CoreError, match="south-up"):
        Grid.from_geotransform((100, 10, 0, 50, 0, 10), 5, 4, name="南向上")


def test_no_rounding_noise_counts_as_coverage():
    """Cells a zone never touches hold exactly 0 (not 1e-16), so a zone over nodata only is not assessed and
    pop_cells counts only the cells it touches (the review of issue 28)."""
    grid = Grid(0.0, 1000.0, 10.0, 10.0, 100, 100)
    rng = np.random.default_rng(3)
    for _ in range(50):
        c = rng.uniform(100, 900, 2)
        zone = shapely.Point(c).buffer(rng.uniform(5, 80), quad_segs=rng.integers(3, 20))
        got = dense(coverage(zone, grid), grid)
        truth = box_fractions(zone, grid)
        assert np.array_equal(got > 0, truth > 1e-12)
    values = np.ones((100, 100))
    values[40:60, 40:60] = -99999
    raster = pop.Raster(grid, lambda a, b, c, d: values[a:b, c:d], nodata=-99999)
    inside = shapely.Point(500, 500).buffer(55, quad_segs=32)  # over nodata only
    got = pop.zonal_population([inside], raster)
    assert np.isnan(got.people[0]) and got.cells[0] == 0


# ------------------------------------------------------------------------------------------------ zonal sums


def test_zonal_sums_equal_brute_force_with_nodata_nan_and_negatives():
    rng = np.random.default_rng(5)
    grid = Grid(0.0, 1000.0, 10.0, 10.0, 100, 100)
    values = rng.uniform(0, 50, (100, 100))
    values[5:8, 5:8] = -99999  # nodata
    values[50, 40:60] = np.nan
    values[60, 10] = -3.0  # negative but not nodata: skipped and counted
    raster = pop.Raster(grid, lambda a, b, c, d: values[a:b, c:d], nodata=-99999, name="t")
    zones = [
        shapely.Point(500, 500).buffer(123),
        shapely.box(-50, -50, 30, 30),
        shapely.box(95, 395, 111, 402),
        shapely.Point(105, 395).buffer(120),
        shapely.box(50, 920, 80, 950),  # over nodata only
        shapely.box(2000, 2000, 2100, 2100),  # outside
        None,
    ]
    for strip in (7, 300, 10_000_000):  # the answer does not depend on how the raster is read
        got = pop.zonal_population(zones, raster, strip_cells=strip)
        for k in range(4):
            people, cells = brute_sum(zones[k], grid, values, -99999)
            assert got.people[k] == pytest.approx(people, rel=1e-10)
            assert got.cells[k] == cells
        assert np.isnan(got.people[4:]).all()  # not assessed, never 0
        bad = ~(np.isfinite(values) & (values >= 0))
        assert got.gap[4] == 1.0 and got.gap[0] == pytest.approx(box_fractions(zones[0], grid)[bad].sum() * 100 / zones[0].area)
        assert got.gap[1] == pytest.approx(1 - 30 * 30 / (80 * 80))  # the rest outside the raster
        assert got.negative == 1
        assert got.raster_total == pytest.approx(
            np.where(bad, 0, values)[5:100, 0:63].sum(), rel=1e-12
        )  # rows and columns of the zones' bounds
        assert any("negative" in str(n.message) for n in got.notes) and any("not assessed" in str(n.message) for n in got.notes)


def test_zonal_gap_is_the_share_outside_the_raster():
    grid = Grid(0.0, 100.0, 10.0, 10.0, 10, 10)
    raster = pop.Raster(grid, lambda a, b, c, d: np.ones((b - a, d - c)))
    got = pop.zonal_population([shapely.box(-50, 0, 50, 100)], raster)
    assert got.people[0] == pytest.approx(50.0)
    assert got.gap[0] == pytest.approx(0.5)


def test_cell_areas_on_the_ellipsoid_equal_pyproj_geodesic_areas():
    from pyproj import Geod

    grid = Grid(116.0, 41.0, 3 / 3600, 3 / 3600, 2400, 10, geographic=True)  # WorldPop's 3 arc-seconds
    rows = np.array([0, 700, 1599, 2399])
    got = pop.cell_area_km2(grid, rows)
    geod = Geod(ellps="WGS84")
    for r, area in zip(rows, got):
        top, bottom = 41.0 - r * grid.dy, 41.0 - (r + 1) * grid.dy
        want, _ = geod.polygon_area_perimeter([116, 116 + grid.dx, 116 + grid.dx, 116], [top, top, bottom, bottom])
        assert area == pytest.approx(abs(want) / 1e6, rel=1e-6)


def test_density_grids_multiply_by_cell_area():
    values = np.full((20, 20), 1000.0)  # 1000 people per km²
    projected = pop.Raster(Grid(0, 2000, 100, 100, 20, 20), lambda a, b, c, d: values[a:b, c:d], kind=pop.PEOPLE_PER_KM2)
    got = pop.zonal_population([shapely.box(0, 0, 1000, 1000)], projected)
    assert got.people[0] == pytest.approx(1000.0)
    geo = Grid(116.0, 40.1, 0.01, 0.01, 20, 20, geographic=True)
    lonlat = pop.Raster(geo, lambda a, b, c, d: values[a:b, c:d], kind=pop.PEOPLE_PER_KM2)
    zone = shapely.box(116.0, 39.95, 116.1, 40.05)
    from pyproj import Geod

    want = abs(Geod(ellps="WGS84").geometry_area_perimeter(zone)[0]) / 1e6 * 1000
    assert pop.zonal_population([zone], lonlat).people[0] == pytest.approx(want, rel=1e-6)


def test_zones_reprojected_onto_a_mollweide_grid():
    """A GHSL-shaped grid (World Mollweide, 100 m) and zones in CGCS2000 Gauss-Krüger: the oracle puts each cell's
    box, densified, into the zones' CRS and intersects it there."""
    from pyproj import CRS, Transformer

    gk, moll = CRS.from_epsg(4548), CRS.from_proj4("+proj=moll +lon_0=0 +datum=WGS84 +units=m")
    to_moll = Transformer.from_crs(gk, moll, always_xy=True)
    cx, cy = to_moll.transform(447_000, 4_420_000)
    grid = Grid(np.floor(cx / 100) * 100 - 2000, np.ceil(cy / 100) * 100 + 2000, 100.0, 100.0, 40, 40)
    rng = np.random.default_rng(9)
    values = rng.uniform(0, 80, (40, 40))
    raster = pop.Raster(grid, lambda a, b, c, d: values[a:b, c:d], to_grid=pop.reprojector(gk.to_wkt(), moll.to_wkt(), 25.0))
    zone = shapely.Point(447_000, 4_420_000).buffer(900, quad_segs=32)
    got = pop.zonal_population([zone], raster).people[0]
    back = Transformer.from_crs(moll, gk, always_xy=True)
    want = 0.0
    for i in range(40):
        for j in range(40):
            cell = shapely.segmentize(
                shapely.box(grid.x0 + j * 100, grid.y0 - (i + 1) * 100, grid.x0 + (j + 1) * 100, grid.y0 - i * 100), 10
            )
            in_gk = shapely.transform(cell, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1])))
            if in_gk.intersects(zone):
                want += values[i, j] * shapely.area(shapely.intersection(in_gk, zone)) / shapely.area(in_gk)
    assert got == pytest.approx(want, rel=2e-4)


def test_a_damaged_read_is_an_error_not_a_partial_sum():
    grid = Grid(0.0, 100.0, 10.0, 10.0, 10, 10)
    raster = pop.Raster(grid, lambda a, b, c, d: np.ones((max(b - a - 1, 0), d - c)), name="broken")
    with pytest.raises(CoreError, match="broken"):
        pop.zonal_population([shapely.box(0, 0, 50, 50)], raster)


# ------------------------------------------------------------------------------------------------ surfaces


def test_polygons_spread_by_area_keep_their_counts():
    polys = [shapely.box(0, 0, 1000, 600), shapely.Point(2000, 0).buffer(400), None]
    s = pop.from_polygons(polys, [1000, 500, 7], 250)
    assert s.per_source()[:2] == pytest.approx([1000, 500])
    assert np.isnan(s.per_source()[2])
    # each piece holds its share of the area (oracle: shapely's area of the piece over the polygon's)
    for k in range(len(s.people)):
        owner = polys[s.source[k]]
        assert s.people[k] == pytest.approx([1000, 500][s.source[k]] * s.pieces[k].area / owner.area)
        assert owner.buffer(1e-6).contains(shapely.Point(s.xy[k]))  # each piece joins at its own place
    assert shapely.union_all(s.pieces[s.source == 0]).symmetric_difference(polys[0]).area < 1e-6


def test_dasymetric_spreads_over_residential_land_only():
    unit = shapely.box(0, 0, 1000, 600)
    homes = [shapely.box(0, 0, 100, 100), shapely.box(50, 50, 300, 100)]  # overlapping: counted once
    s = pop.from_polygons([unit], [1000], 250, residential=homes)
    held = s.people > 0
    # residential land 20,000 m²: 17,500 in the piece x 0–250, 2,500 in x 250–500
    assert sorted(s.people[held]) == pytest.approx([125.0, 875.0])
    assert s.per_source()[0] == pytest.approx(1000)


def test_polygon_without_residential_land_spread_by_area_and_named():
    s = pop.from_polygons(
        [shapely.box(0, 0, 500, 500)], [100], 250, residential=[shapely.box(5000, 5000, 5100, 5100)], names=["东华门街道"]
    )
    assert s.people == pytest.approx([25, 25, 25, 25])
    assert any("东华门街道" in str(n.message) for n in s.notes)


def test_raster_says_where_inside_a_unit_the_people_live():
    grid = Grid(0.0, 1000.0, 100.0, 100.0, 10, 10)
    values = np.zeros((10, 10))
    values[0:5, 0:5] = 4.0  # everyone in the north-west quarter (100 people)
    raster = pop.Raster(grid, lambda a, b, c, d: values[a:b, c:d], name="grid")
    unit = shapely.box(0, 0, 1000, 1000)
    s = pop.from_polygons([unit], [300], 250, raster=raster, names=["平桥街道"])
    assert s.per_source()[0] == pytest.approx(300)  # the census count stays the total
    nw = shapely.box(0, 500, 500, 1000)
    inside = np.array([nw.contains(shapely.Point(xy)) for xy in s.xy])
    assert s.people[inside].sum() == pytest.approx(300) and s.people[~inside].sum() == pytest.approx(0)
    assert any("平桥街道" in str(n.message) and "differs" in str(n.message) for n in s.notes)  # 300 against 100
    alone = pop.from_polygons([unit], None, 250, raster=raster)
    assert alone.per_source()[0] == pytest.approx(100)
    assert pop.zonal_population([unit], raster).people[0] == pytest.approx(100)


def test_points_with_counts():
    s = pop.from_points([shapely.Point(1, 2), None, shapely.Point(3, 4)], [10, 5, np.nan])
    assert s.people.tolist() == [10.0] and s.xy.tolist() == [[1.0, 2.0]]
    assert s.per_source()[0] == 10 and np.isnan(s.per_source()[1:]).all()


def test_pieces_need_a_size_and_a_source():
    with pytest.raises(CoreError):
        pop.cut_by_grid([shapely.box(0, 0, 1, 1)], 0)
    with pytest.raises(CoreError):
        pop.from_polygons([shapely.box(0, 0, 1, 1)])
