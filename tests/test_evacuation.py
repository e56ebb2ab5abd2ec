"""resilience:evacuation (issue 30, 第84条) through Processing: the sample city, a hand-made street grid against
QGIS's own shortest paths, and bad input."""

import pytest
from qgis.core import QgsVectorLayer

from resilience_plugin.core.profile import load_profile
from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING
from tests.conftest import SAMPLE
from tests.helpers import Recorder, memory_layer, run


def _layer(path):
    layer = QgsVectorLayer(str(path), "x", "ogr")
    assert layer.isValid(), path
    return layer


def test_sample_city_transfer_adds_up(resilience_processing, tmp_path):
    """The worked example of the help: what is placed per community equals what the shelters hold, no shelter holds
    more than its capacity, placed + short = people at risk, and the shortfall's people are the short."""
    from resilience_plugin.processing.transfer.evacuation import EvacuationAlgorithm

    params = EvacuationAlgorithm().demo_parameters(str(SAMPLE))
    params.update(
        FLOOD_MIN_CLASS=0,
        ASSIGNMENT=str(tmp_path / "a.gpkg"),
        SHELTERS_OUT=str(tmp_path / "s.gpkg"),
        ROUTES=str(tmp_path / "r.gpkg"),
        SHORTFALL=str(tmp_path / "f.gpkg"),
    )
    log = Recorder()
    run("resilience:evacuation", params, feedback=log)
    a = list(_layer(tmp_path / "a.gpkg").getFeatures())
    s = list(_layer(tmp_path / "s.gpkg").getFeatures())
    f = list(_layer(tmp_path / "f.gpkg").getFeatures())
    routes = list(_layer(tmp_path / "r.gpkg").getFeatures())
    assert a and s and routes
    placed = sum(x["placed"] for x in a)
    assert placed == pytest.approx(sum(x["load_p"] for x in s), rel=1e-9)
    assert all(x["load_p"] <= x["capacity_p"] * (1 + 1e-9) for x in s if x["capacity_p"])
    assert all(x["placed"] + x["short"] == pytest.approx(x["people"]) for x in a)
    assert sum(x["short"] for x in a) == pytest.approx(sum(x["short"] for x in f), rel=1e-9)
    assert all(x["status"] == "excluded" and x["reason"] for x in s if x["load_p"] == 0 and x["status"] != "not used")
    idle = [x for x in s if x["status"] == "not used"]
    assert idle and all(x["reason"] for x in idle)  # a shelter not used says why (a new user's try: 1,127 had none)
    assert "People at risk" in log.log and "Solved exactly" in log.log
    # the shelters keep their own fields (issue 30), renamed shel_<name> where they clash with ours: each output
    # row holds the very values of its source feature (src_fid), read here from the layer itself
    source = QgsVectorLayer(params["SHELTERS"], "shelters", "ogr")
    by_fid = {g.id(): g for g in source.getFeatures()}
    out_names = s[0].fields().names()
    ours = out_names[: out_names.index("clauses") + 1]
    own = [n for n in source.fields().names()]
    assert own and all((n if n not in ours and n != "fid" else f"shel_{n}") in out_names for n in own), out_names
    for x in s:
        g = by_fid[x["src_fid"]]
        for n in own:
            assert x[n if n not in ours and n != "fid" else f"shel_{n}"] == g[n], (n, x.attributes(), g.attributes())


def test_a_shelter_not_used_says_why(resilience_processing, tmp_path):
    """By hand: 10 people; emergency shelters (reach 500 m) 100 m away (used), 300 m away (within reach, but the
    people are placed in less time at the first) and 10 km away (nobody within reach)."""
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 10])])
    shelters = memory_layer(
        "Point",
        [("POINT(500100 4400000)", ["A", 100.0]), ("POINT(500300 4400000)", ["B", 100.0]), ("POINT(510000 4400000)", ["C", 100.0])],
        fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)),
        name="s",
    )
    out = tmp_path / "s.gpkg"
    params = {"POPULATION": communities, "POPULATION_FIELD": "人口", "WHO": 1, "FLOOD_ZONES": memory_layer("Polygon", [(FAR, ["f", 1])])}
    params.update({"SHELTERS": shelters, "CAPACITY_FIELD": "容纳人数", "ASSIGNMENT": "memory:", "SHELTERS_OUT": str(out)})
    run("resilience:evacuation", params)
    got = {f["shel_name"]: (f["status"], f["reason"]) for f in _layer(out).getFeatures()}
    assert got == {
        "A": ("used", None),
        "B": ("not used", "the people within its reach are placed in less time elsewhere"),
        "C": ("not used", "nobody at risk has it within reach"),
    }, got


def _grid():
    """A 3 × 3 street grid of 500 m blocks, one segment per block side (noded, as QGIS's graph builder needs)."""
    rows = []
    for k in range(3):
        for m in range(2):
            x, y = 500000 + m * 500, 4400000 + k * 500
            rows.append((f"LINESTRING({x} {y}, {x + 500} {y})", [f"E{k}{m}", 1]))
            x, y = 500000 + k * 500, 4400000 + m * 500
            rows.append((f"LINESTRING({x} {y}, {x} {y + 500})", [f"N{k}{m}", 1]))
    return memory_layer("LineString", rows, fields=(("name", FIELD_STRING), ("grade", FIELD_DOUBLE)), name="roads")


MIDDLE = "POLYGON((500400 4400450, 500600 4400450, 500600 4400550, 500400 4400550, 500400 4400450))"
FAR = "POLYGON((510000 4410000, 510100 4410000, 510100 4410100, 510000 4410100, 510000 4410000))"


@pytest.mark.parametrize("flood_wkt, straight", [(MIDDLE, 2000.0), (FAR, 1000.0)])
def test_network_distances_match_qgis_shortest_paths(resilience_processing, tmp_path, flood_wkt, straight):
    """Oracle: native:shortestpathpointtolayer from the shelter to every community, on the network without the
    flooded stretch (deleted by hand here) — the algorithm closes it itself from the flood zone; and with the flood
    far away, on the whole network."""
    roads = _grid()
    communities = memory_layer(
        "Point",
        [("POINT(501000 4401000)", ["甲", 100]), ("POINT(500500 4401000)", ["乙", 50]), ("POINT(501000 4400500)", ["丙", 70])],
    )
    shelter = memory_layer(
        "Point",
        [("POINT(500000 4400500)", ["避难场所", 100000])],
        fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)),
        name="shelters",
    )
    flood = memory_layer("Polygon", [(flood_wkt, ["f", 1])], name="flood")
    out = tmp_path / "a.gpkg"
    run(
        "resilience:evacuation",
        {
            "POPULATION": communities,
            "POPULATION_FIELD": "人口",
            "NAME_FIELD": "名称",
            "WHO": 1,
            "FLOOD_ZONES": flood,
            "SHELTERS": shelter,
            "CAPACITY_FIELD": "容纳人数",
            "MAX_DISTANCE": 5000,
            "NETWORK": roads,
            "ASSIGNMENT": str(out),
        },
    )
    got = {f["name"]: f["mean_dist_m"] for f in _layer(out).getFeatures()}
    # the oracle: QGIS's own shortest paths on the roads without the flooded stretch (the middle street's middle)
    from qgis.core import QgsGeometry

    open_roads = _grid()
    cut = QgsGeometry.fromWkt(flood_wkt)
    open_roads.startEditing()
    for f in list(open_roads.getFeatures()):
        if f.geometry().intersects(cut):
            pieces = f.geometry().difference(cut)
            open_roads.changeGeometry(f.id(), pieces)
    open_roads.commitChanges()
    oracle, _ctx = run(
        "native:shortestpathpointtolayer",
        {
            "INPUT": open_roads,
            "STRATEGY": 0,
            "START_POINT": "500000,4400500 [EPSG:4548]",
            "END_POINTS": communities,
            "TOLERANCE": 0.1,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    expected = {f["名称"]: f["cost"] for f in oracle["OUTPUT"].getFeatures()}
    assert got == pytest.approx(expected, rel=1e-6)
    assert got["丙"] == pytest.approx(straight)  # flooded: round the centre (2,000 m), not straight through (1,000 m)


def test_no_hazard_is_refused_and_nothing_is_written(resilience_processing, tmp_path):
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100])])
    shelter = memory_layer(
        "Point", [("POINT(500100 4400000)", ["S", 10])], fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)), name="s"
    )
    out = tmp_path / "a.gpkg"
    with pytest.raises(Exception, match="hazard"):
        run(
            "resilience:evacuation",
            {
                "POPULATION": communities,
                "POPULATION_FIELD": "人口",
                "SHELTERS": shelter,
                "CAPACITY_FIELD": "容纳人数",
                "ASSIGNMENT": str(out),
            },
        )
    assert not out.exists()


def test_unreadable_capacities_are_refused(resilience_processing, tmp_path):
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100])])
    shelter = memory_layer(
        "Point", [("POINT(500100 4400000)", ["S", "很多"])], fields=(("name", FIELD_STRING), ("容纳人数", FIELD_STRING)), name="s"
    )
    out = tmp_path / "a.gpkg"
    with pytest.raises(Exception, match=r"s, field '容纳人数': no shelter capacity can be read \(feature ids 1\)"):
        run(
            "resilience:evacuation",
            {
                "POPULATION": communities,
                "POPULATION_FIELD": "人口",
                "WHO": 1,
                "SHELTERS": shelter,
                "CAPACITY_FIELD": "容纳人数",
                "ASSIGNMENT": str(out),
            },
        )
    assert not out.exists()


def test_a_depth_raster_that_covers_none_of_the_people_is_refused_and_nothing_is_written(resilience_processing, tmp_path):
    """A flood-depth grid 50 km from the communities (a wrong origin, or a CRS other than the one it was made in):
    it used to give 'nobody needs to move' and write a transfer of nobody. Refused, naming the raster."""
    import numpy as np
    from qgis.core import QgsRasterLayer

    from resilience_plugin.qgisside.rasters import write_geotiff

    tif = tmp_path / "积水深度.tif"
    write_geotiff(tif, np.full((10, 10), 1.5, dtype=np.float32), (550000.0, 25.0, 0.0, 4400250.0, 0.0, -25.0), 4548, -9999.0)
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100]), ("POINT(500200 4400000)", ["乙", 50])])
    shelter = memory_layer(
        "Point", [("POINT(500100 4400000)", ["S", 1000])], fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)), name="s"
    )
    out = tmp_path / "a.gpkg"
    with pytest.raises(Exception, match="Flood-depth raster '积水深度' lies wholly away from the people of layer '"):
        run(
            "resilience:evacuation",
            {
                "POPULATION": communities,
                "POPULATION_FIELD": "人口",
                "FLOOD_DEPTH": QgsRasterLayer(str(tif), "积水深度"),
                "SHELTERS": shelter,
                "CAPACITY_FIELD": "容纳人数",
                "ASSIGNMENT": str(out),
            },
        )
    assert not out.exists()


def test_a_depth_raster_in_another_crs_with_nodata_is_sampled_where_qgis_samples_it(resilience_processing, tmp_path):
    """A flood-depth grid in longitude/latitude (with nodata cells) under communities in CGCS2000 Gauss-Krüger: the
    communities at risk are exactly those whose cell QGIS's own raster sampling reads as 0.5 m or deeper (the
    oracle, run here through QgsRasterDataProvider.sample after QGIS's own transform)."""
    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRasterLayer

    from resilience_plugin.qgisside.rasters import write_geotiff

    rng = np.random.default_rng(7)
    values = rng.uniform(0, 1.2, (20, 20)).astype(np.float32)
    values[rng.uniform(size=values.shape) < 0.15] = -9999.0
    values[3, 4] = 0.5  # exactly at the threshold: moves
    tif = tmp_path / "depth.tif"
    write_geotiff(tif, values, (116.99, 0.001, 0.0, 40.01, 0.0, -0.001), 4326, -9999.0)
    raster = QgsRasterLayer(str(tif), "depth")
    to_ll = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:4548"), QgsProject.instance()
    )
    from qgis.core import QgsPointXY

    rows = []
    for k in range(60):
        lon, lat = 116.9905 + rng.uniform(0, 0.019), 39.9905 + rng.uniform(0, 0.019)
        if k == 0:
            lon, lat = 116.99 + 4.5 * 0.001, 40.01 - 3.5 * 0.001  # the middle of the 0.5 m cell
        p = to_ll.transform(QgsPointXY(lon, lat))
        rows.append((f"POINT({p.x()} {p.y()})", [f"c{k}", 10 + k]))
    communities = memory_layer("Point", rows)
    far = to_ll.transform(QgsPointXY(117.05, 40.05))
    shelter = memory_layer(
        "Point", [(f"POINT({far.x()} {far.y()})", ["S", 1e6])], fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)), name="s"
    )
    out = tmp_path / "a.gpkg"
    run(
        "resilience:evacuation",
        {
            "POPULATION": communities,
            "POPULATION_FIELD": "人口",
            "NAME_FIELD": "名称",
            "FLOOD_DEPTH": str(tif),
            "SHELTERS": shelter,
            "CAPACITY_FIELD": "容纳人数",
            "ASSIGNMENT": str(out),
        },
    )
    got = {f["name"]: f["people"] for f in _layer(out).getFeatures()}
    back = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4548"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    expected = {}
    for f in communities.getFeatures():
        value, ok = raster.dataProvider().sample(back.transform(f.geometry().asPoint()), 1)
        if ok and value >= 0.5:
            expected[f["名称"]] = f["人口"]
    assert "c0" in expected and got == pytest.approx(expected)


def test_unreadable_flood_classes_count_on_the_safe_side_and_are_said(resilience_processing, tmp_path):
    """A class that cannot be read (一般: the third of four levels, never 一级) counts as class 1 even with class 1
    only, and the log names the field and the value; a readable class 3 zone does not count."""
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100]), ("POINT(503000 4400000)", ["乙", 70])])
    flood = memory_layer(
        "Polygon",
        [
            ("POLYGON((499900 4399900, 500100 4399900, 500100 4400100, 499900 4400100, 499900 4399900))", ["一般", 1]),
            ("POLYGON((502900 4399900, 503100 4399900, 503100 4400100, 502900 4400100, 502900 4399900))", ["3", 1]),
        ],
        fields=(("risk_class", FIELD_STRING), ("x", FIELD_DOUBLE)),
        name="flood",
    )
    shelter = memory_layer(
        "Point", [("POINT(500300 4400000)", ["S", 1000])], fields=(("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)), name="s"
    )
    out = tmp_path / "a.gpkg"
    log = Recorder()
    params = {
        "POPULATION": communities,
        "POPULATION_FIELD": "人口",
        "NAME_FIELD": "名称",
        "FLOOD_ZONES": flood,
        "FLOOD_CLASS_FIELD": "risk_class",
        "FLOOD_MIN_CLASS": 0,
        "SHELTERS": shelter,
        "ASSIGNMENT": str(out),
    }
    run("resilience:evacuation", params, feedback=log)
    assert {f["name"]: f["people"] for f in _layer(out).getFeatures()} == {"甲": 100}
    assert "一般" in log.log and "count as class 1" in log.log
    assert "Capacity field: took field '容纳人数'" in log.log  # the capacity field found by its name


def test_the_shelters_output_is_styled_as_loads_not_as_fault_avoidance(qgis_app):
    """styles.style_result (make demo, the dock) takes the first style whose field a layer has: a transfer's shelters
    carry "status", which the fault-avoidance style also keys on."""
    from resilience_plugin.qgisside.styles import style_result
    from resilience_plugin.qgisside.translation import translate

    layer = memory_layer(
        "Point",
        [("POINT(500000 4400000)", ["used", 1.0, 10.0])],
        fields=(("status", FIELD_STRING), ("util", FIELD_DOUBLE), ("load_p", FIELD_DOUBLE)),
        name="shelters",
    )
    assert style_result(layer)
    labels = [r.label() for r in layer.renderer().rootRule().children()]
    assert translate("Resilience", "Used, with room") in labels


@pytest.mark.parametrize(
    "rows, fields, match",
    [
        (
            [("POINT(500100 4400000)", ["S", 0.0])],
            (("name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)),
            "no shelter has a capacity above 0",
        ),
        (
            [("POINT(500100 4400000)", ["医院", 500.0])],
            (("category", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)),
            "holds no emergency, short-term or long-term shelter",
        ),
    ],
)
def test_shelters_that_hold_nobody_are_refused_and_nothing_is_written(resilience_processing, tmp_path, rows, fields, match):
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100])])
    shelter = memory_layer("Point", rows, fields=fields, name="s")
    out = tmp_path / "a.gpkg"
    params = {
        "POPULATION": communities,
        "POPULATION_FIELD": "人口",
        "WHO": 1,
        "SHELTERS": shelter,
        "CAPACITY_FIELD": "容纳人数",
        "ASSIGNMENT": str(out),
    }
    with pytest.raises(Exception, match=match):
        run("resilience:evacuation", params)
    assert not out.exists()


@pytest.mark.parametrize("geometry", ["Point", "Polygon"])
def test_every_transfer_style_draws_points_and_polygons(qgis_app, geometry):
    """The four transfer styles on a layer of each kind (make demo styles every output, points and pieces alike)."""
    from resilience_plugin.qgisside.styles import OUTPUT_STYLES

    wkt = "POINT(500000 4400000)" if geometry == "Point" else "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"
    for kind in ("transfer", "shelter_load", "shortfall"):
        key, style = OUTPUT_STYLES[kind]
        layer = memory_layer(geometry, [(wkt, [1.0])], fields=((key, FIELD_DOUBLE),), name=kind)
        style(layer)
        assert layer.renderer().type() == "RuleRenderer" and layer.renderer().rootRule().children(), kind
    key, style = OUTPUT_STYLES["routes"]
    layer = memory_layer("LineString", [("LINESTRING(0 0, 10 0)", [1.0])], fields=((key, FIELD_DOUBLE),), name="routes")
    style(layer)
    assert layer.renderer().type() == "RuleRenderer"


def test_without_section_throughput_no_section_is_called_a_bottleneck_or_not(resilience_processing, tmp_path):
    """Issue 29 §3: with "Section throughput by grade" off, the time to clear is not assessed, so whether a section
    is a bottleneck is not known either: NULL, never 0. With it on, both are known on every graded road section."""
    from qgis.core import QgsExpression, QgsExpressionContext

    from resilience_plugin.processing.transfer.evacuation import EvacuationAlgorithm
    from resilience_plugin.qgisside.io import is_null
    from resilience_plugin.qgisside.styles import style_routes

    def drawn_by(filters, feature):
        """How many of the style's rules (their filter texts) draw ``feature``."""
        context = QgsExpressionContext()
        context.setFeature(feature)
        return sum(bool(QgsExpression(text).evaluate(context)) for text in filters)

    params = EvacuationAlgorithm().demo_parameters(str(SAMPLE))
    for on in (False, True):
        routes = tmp_path / f"r_{on}.gpkg"
        run(
            "resilience:evacuation",
            {**params, "FLOOD_MIN_CLASS": 0, "SECTION_CAPACITY": on, "ASSIGNMENT": "memory:", "ROUTES": str(routes)},
        )
        layer = _layer(routes)
        rows = list(layer.getFeatures())
        assert rows
        style_routes(layer)  # every section drawn: the style's rules take NULL as a route
        # the rules' texts only: no wrapper of a rule the layer owns outlives this line
        filters = [rule.filterExpression() for rule in layer.renderer().rootRule().children()]
        assert [drawn_by(filters, f) for f in rows] == [1] * len(rows)
        if not on:
            assert all(is_null(f["clear_min"]) and is_null(f["bottleneck"]) and is_null(f["use_share"]) for f in rows)
        else:
            known = [f for f in rows if not is_null(f["clear_min"])]
            assert known and all(f["bottleneck"] in (0, 1) for f in known)
            # throughput used, by hand: its people over what the section passes in the profile's target hour
            target_h = load_profile().value("evacuation.clear_time_target") / 60.0
            for f in known:
                assert f["use_share"] == pytest.approx(f["people"] / (f["cap_ph"] * target_h), rel=1e-9)
                assert f["bottleneck"] == int(f["people"] / (f["cap_ph"] * target_h) > 1)


def test_the_shelters_own_fields_stay_whole_with_clashing_names_and_a_repaired_polygon(resilience_processing, tmp_path):
    """From the review: a shelter layer with fields name and shel_name made two fields shel_name (the run died
    writing), and re-reading the shelters for their own fields stopped at a bow-tie polygon the analysis repairs.
    Each own field keeps its values (read back against the layer's own), under unique names."""
    communities = memory_layer("Point", [("POINT(500000 4400000)", ["甲", 100])])
    bowtie = "POLYGON((500090 4399990, 500110 4400010, 500110 4399990, 500090 4400010, 500090 4399990))"
    shelters = memory_layer(
        "Polygon",
        [
            (bowtie, ["S1", "自有名", 1000.0]),
            ("POLYGON((500190 4399990, 500210 4399990, 500210 4400010, 500190 4399990))", ["S2", "别名", 500.0]),
        ],
        fields=(("name", FIELD_STRING), ("shel_name", FIELD_STRING), ("容纳人数", FIELD_DOUBLE)),
        name="s",
    )
    out = tmp_path / "s.gpkg"
    run(
        "resilience:evacuation",
        {
            "POPULATION": communities,
            "POPULATION_FIELD": "人口",
            "WHO": 1,
            "FLOOD_ZONES": memory_layer("Polygon", [(FAR, ["f", 1])]),
            "SHELTERS": shelters,
            "CAPACITY_FIELD": "容纳人数",
            "ASSIGNMENT": "memory:",
            "SHELTERS_OUT": str(out),
        },
    )
    rows = {f["src_fid"]: f for f in _layer(out).getFeatures()}
    names = _layer(out).fields().names()
    assert "shel_name" in names and "shel_name_2" in names and len(names) == len({n.lower() for n in names}), names
    for src in shelters.getFeatures():
        got = rows[src.id()]
        # its own shel_name keeps its name; its name, taken by ours, becomes shel_name_2 (shel_name being taken too)
        assert (got["name"], got["shel_name"], got["shel_name_2"], got["容纳人数"]) == (
            src["name"],
            src["shel_name"],
            src["name"],
            src["容纳人数"],
        )
