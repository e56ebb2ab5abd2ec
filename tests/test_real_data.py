"""Real data at the first run (issue 15): layers shaped like Amap, OpenStreetMap and government exports, Chinese field
names and numbers written as text, run with only the layers given and every other parameter as the dialog leaves it.
Each result is checked against hand-computed counts; each refusal for the message it gives."""

import pytest
from qgis.core import QgsProcessingException

from resilience_plugin.qgisside.compat import FIELD_STRING
from tests.helpers import Recorder, memory_layer, run

X0, Y0 = 500000.0, 4400000.0  # CGCS2000 3-degree Gauss-Krüger CM 117°E (EPSG:4548), in Beijing


def pt(dx, dy=0.0):
    return f"POINT({X0 + dx} {Y0 + dy})"


def communities(populations=("1.2万", "1,234人", "约5948")):
    """Three communities 3 km and 10 km apart, with Chinese fields and populations written as a census table does."""
    rows = [(pt(0), ["和平里社区", populations[0]]), (pt(3000), ["安贞社区", populations[1]]), (pt(10000), ["小关社区", populations[2]])]
    return memory_layer("Point", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), name="社区")


AMAP_FIELDS = tuple((f, FIELD_STRING) for f in ("id", "name", "type", "typecode", "address", "location", "pname", "cityname", "adname"))


def amap(rows, name="高德POI"):
    """An Amap/Gaode place-search export: (position, name, type, typecode)."""
    out = [(wkt, [f"B0{i:08d}", n, t, c, "某路1号", "116.4,39.9", "北京市", "北京市", "朝阳区"]) for i, (wkt, n, t, c) in enumerate(rows)]
    return memory_layer("Point", out, fields=AMAP_FIELDS, name=name)


def counts(layer, field):
    return [f[field] for f in layer.getFeatures()]


def test_amap_export_and_census_numbers_with_only_the_layers_given(resilience_processing):
    facilities = amap(
        [
            (pt(300), "和平里应急避难场所", "公共设施;紧急避难场所;紧急避难场所", ""),
            (pt(0, 800), "某三甲医院", "医疗保健服务;综合医院;三级甲等医院", "090101"),
            (pt(3500), "安贞小学", "科教文化服务;学校;小学", "141203"),
            (pt(3000, 1500), "安贞派出所", "政府机构及社会团体;公检法机构;公安警察", "130501"),  # 1.5 km away: outside
            (pt(10100), "小关超市", "购物服务;超级市场;超市", "060400"),
            (pt(10000, 200), "小关宠物医院", "生活服务;宠物服务;宠物医院", "071300"),
        ]
    )
    feedback = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": communities(), "FACILITIES": facilities, "OUTPUT": "memory:"}, feedback)
    out = layers["OUTPUT"]
    assert "took field 'type'" in feedback.log and "took field '人口'" in feedback.log
    # hand-computed: what lies within 1,000 m of each community
    assert counts(out, "lc_pop") == [12000, 1234, 5948]
    assert counts(out, "n_emergency_shelter") == [1, 0, 0]
    assert counts(out, "n_hospital") == [1, 0, 0]
    assert counts(out, "n_school") == [0, 1, 0]
    assert counts(out, "n_police_station") == [0, 0, 0]
    assert counts(out, "n_supermarket") == [0, 0, 1]
    assert counts(out, "n_other") == [0, 0, 1]  # a pet hospital is no hospital
    assert "emergency_shelter (紧急避难场所) ← 公共设施;紧急避难场所;紧急避难场所 [amap] ×1" in feedback.log


def test_openstreetmap_exports_quickosm_fields_and_other_tags(resilience_processing):
    fields = (
        ("osm_id", FIELD_STRING),
        ("name", FIELD_STRING),
        ("amenity", FIELD_STRING),
        ("shop", FIELD_STRING),
        ("leisure", FIELD_STRING),
    )
    quickosm = memory_layer(
        "Point",
        [
            (pt(200), ["1", "和平里消防站", "fire_station", None, None]),
            (pt(400), ["2", "物美", None, "supermarket", None]),
            (pt(3100), ["3", "安贞公园", None, None, "park"]),
            (pt(3200), ["4", "公交站", "shelter", None, None]),  # a bus shelter is no refuge
        ],
        fields=fields,
        name="quickosm",
    )
    feedback = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": communities(), "FACILITIES": quickosm, "OUTPUT": "memory:"}, feedback)
    out = layers["OUTPUT"]
    assert "OpenStreetMap tag fields amenity, shop, leisure" in feedback.log
    assert counts(out, "n_fire_station") == [1, 0, 0]
    assert counts(out, "n_supermarket") == [1, 0, 0]
    assert counts(out, "n_park") == [0, 1, 0]
    assert counts(out, "n_other") == [0, 1, 0]

    ogr = memory_layer(
        "Point",
        [
            (pt(10100), ["9", "派出所", '"amenity"=>"police","name:zh"=>"小关派出所"']),
            (pt(150), ["8", "x", '"emergency"=>"assembly_point"']),
        ],
        fields=(("osm_id", FIELD_STRING), ("name", FIELD_STRING), ("other_tags", FIELD_STRING)),
        name="ogr2ogr",
    )
    layers, _c = run("resilience:lifecircles", {"INPUT": communities(), "FACILITIES": ogr, "OUTPUT": "memory:"})
    assert counts(layers["OUTPUT"], "n_police_station") == [0, 0, 1]
    assert counts(layers["OUTPUT"], "n_emergency_shelter") == [1, 0, 0]


def test_labels_no_rule_knows_stop_the_run_and_say_how_to_map_them(resilience_processing):
    rows = [(pt(100), "a", "foo", ""), (pt(200), "b", "foo", ""), (pt(3100), "c", "bar", ""), (pt(300), "d", "消防站", "")]
    facilities = amap(rows)
    params = {"INPUT": communities(), "FACILITIES": facilities, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException) as caught:
        run("resilience:lifecircles", params)
    message = str(caught.value)
    assert "高德POI, field 'type': 3 of 4 facilities" in message and "'foo' (2)" in message and "'bar' (1)" in message
    assert "foo=?;bar=?" in message and "fire_station (消防站)" in message
    # mapped by the user, the same run goes through, with the mapped categories counted
    layers, _c = run("resilience:lifecircles", {**params, "CATEGORY_MAP": "foo=pharmacy; bar=药店"})
    assert counts(layers["OUTPUT"], "n_pharmacy") == [2, 1, 0]
    assert counts(layers["OUTPUT"], "n_fire_station") == [1, 0, 0]
    with pytest.raises(QgsProcessingException, match="'foo=chemist'.*not a facility category"):
        run("resilience:lifecircles", {**params, "CATEGORY_MAP": "foo=chemist"})


def test_a_population_that_cannot_be_read_stops_the_run_with_examples(resilience_processing):
    with pytest.raises(QgsProcessingException) as caught:
        run("resilience:lifecircles", {"INPUT": communities(("1.2万", "不详", "约5948")), "OUTPUT": "memory:"})
    message = str(caught.value)
    assert "社区, field '人口': 1 of 3" in message and "'不详'" in message and "feature ids 2" in message


def test_a_census_column_in_wan_is_read_in_people(resilience_processing):
    layer = memory_layer(
        "Point", [(pt(0), ["a", 12.35]), (pt(3000), ["b", 0.5])], fields=(("名称", FIELD_STRING), ("常住人口（万人）", 6)), name="普查"
    )
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"})
    assert counts(layers["OUTPUT"], "lc_pop") == [123500, 5000]


def test_fault_register_reads_chinese_fault_names_and_refuses_one_layer_for_both_roles(resilience_processing):
    corridors = memory_layer(
        "LineString",
        [(f"LINESTRING({X0 - 2000} {Y0}, {X0 + 2000} {Y0})", ["京藏高速", "一级"])],
        fields=(("道路名称", FIELD_STRING), ("道路等级", FIELD_STRING)),
        name="通道",
    )
    faults = memory_layer(
        "LineString",
        [(f"LINESTRING({X0} {Y0 - 3000}, {X0} {Y0 + 3000})", ["八宝山断裂", "Q3"])],
        fields=(("断层名称", FIELD_STRING), ("最晚活动时代", FIELD_STRING)),
        name="活动断裂",
    )
    feedback = Recorder()
    layers, _c = run(
        "resilience:faultcrossings", {"CORRIDORS": corridors, "FAULTS": faults, "CROSSINGS": "memory:", "EXPOSED": "memory:"}, feedback
    )
    crossings = list(layers["CROSSINGS"].getFeatures())
    assert len(crossings) == 1
    assert crossings[0]["fault_name"] == "八宝山断裂" and crossings[0]["corr_name"] == "京藏高速"
    assert crossings[0]["grade"] == "一级"  # as the layer writes it; weighed as grade 1
    point = crossings[0].geometry().asPoint()
    assert (point.x(), point.y()) == pytest.approx((X0, Y0))  # hand-computed crossing
    with pytest.raises(QgsProcessingException, match="'Corridors' and 'Active faults' are both layer '通道'"):
        run("resilience:faultcrossings", {"CORRIDORS": corridors, "FAULTS": corridors, "CROSSINGS": "memory:", "EXPOSED": "memory:"})


def test_clusters_take_chinese_population_and_district_fields(resilience_processing):
    from shapely.geometry import box

    rows = []
    for i in range(6):
        district = "东城区" if i < 3 else "西城区"
        rows.append((box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000).wkt, [f"街道{i}", f"{i + 1}万", district]))
    units = memory_layer("Polygon", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING), ("所属区", FIELD_STRING)), name="街镇")
    feedback = Recorder()
    layers, _c = run("resilience:clusters", {"INPUT": units, "N_CLUSTERS": 2, "OUTPUT": "memory:", "CLUSTERS": "memory:"}, feedback)
    assert "took field '人口'" in feedback.log and "took field '所属区'" in feedback.log
    total = sum(f["population"] for f in layers["CLUSTERS"].getFeatures())
    assert total == pytest.approx(210000)  # 1万 + … + 6万
    # the district constraint holds: each cluster lies in one district
    by_cluster = {}
    for f in layers["OUTPUT"].getFeatures():
        by_cluster.setdefault(f["cluster_id"], set()).add(f["所属区"])
    assert all(len(d) == 1 for d in by_cluster.values())


def test_geographic_input_is_written_in_the_local_gauss_kruger_zone(resilience_processing):
    """As the user guide says: WGS84 communities near Tiananmen are worked on and written in CGCS2000 3° GK CM 117°E
    (EPSG:4548), and the log names it; the circles' areas are then right when measured (π r², to 0.5 %)."""
    layer = memory_layer(
        "Point",
        [("POINT(116.397 39.908)", ["天安门", "1000"])],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)),
        crs="EPSG:4326",
        name="wgs",
    )
    feedback = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"}, feedback)
    out = layers["OUTPUT"]
    assert out.crs().authid() == "EPSG:4548" and "EPSG:4548" in feedback.log
    area = next(out.getFeatures()).geometry().area()
    assert area == pytest.approx(3.14159265 * 1000**2, rel=5e-3)


def test_dialogs_prefill_required_layers_by_role_never_one_layer_twice(resilience_processing):
    """A new dialog's required layer inputs come from the project by name, table or fields (通道, 活动断裂, 断层名称),
    never the corridors as the faults (issue 15: the fault register found corridors crossing themselves)."""
    from qgis.core import QgsApplication, QgsProject

    project = QgsProject.instance()
    project.removeAllMapLayers()  # the layers earlier tests left
    line = (("名称", FIELD_STRING),)
    roads = memory_layer("LineString", [(f"LINESTRING({X0} {Y0}, {X0 + 10} {Y0})", ["x"])], fields=line, name="应急疏散通道")
    other = memory_layer("LineString", [(f"LINESTRING({X0} {Y0}, {X0 + 10} {Y0})", ["y"])], fields=line, name="河流")
    try:
        alg = QgsApplication.processingRegistry().createAlgorithmById("resilience:faultcrossings")
        assert alg.parameterDefinition("CORRIDORS").defaultValue() == roads.id()
        assert not alg.parameterDefinition("FAULTS").defaultValue()  # nothing says fault: left for the user
        faults = memory_layer(
            "LineString", [(f"LINESTRING({X0} {Y0}, {X0} {Y0 + 10})", ["八宝山"])], fields=(("断层名称", FIELD_STRING),), name="线图层1"
        )
        alg = QgsApplication.processingRegistry().createAlgorithmById("resilience:faultcrossings")
        assert alg.parameterDefinition("FAULTS").defaultValue() == faults.id()  # by its field 断层名称
        assert alg.parameterDefinition("CORRIDORS").defaultValue() == roads.id()
        # and their fields as a planner would pick them
        assert alg.parameterDefinition("FAULT_NAME_FIELD").defaultValue() == "断层名称"
        assert alg.parameterDefinition("CORRIDOR_NAME_FIELD").defaultValue() == "名称"
        # optional inputs are never pre-filled: a script that leaves them out must not get a project layer
        facilities = memory_layer("Point", [(pt(0), ["消防站"])], fields=(("类别", FIELD_STRING),), name="应急设施")
        lc = QgsApplication.processingRegistry().createAlgorithmById("resilience:lifecircles")
        assert not lc.parameterDefinition("FACILITIES").defaultValue()
        del facilities, other
    finally:
        for layer in list(project.mapLayers().values()):
            if layer.providerType() == "memory":
                project.removeMapLayer(layer.id())


def test_shelters_of_unknown_class_are_reported_where_the_class_matters(resilience_processing):
    """第48条 asks a long-term shelter per cluster: a cluster whose only shelters are labelled 应急避难场所 (no class) is
    told apart from one with no shelter at all."""
    from shapely.geometry import box

    units = memory_layer(
        "Polygon",
        [(box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000).wkt, [f"街道{i}", 10000]) for i in range(4)],
        fields=(("名称", FIELD_STRING), ("人口", 6)),
        name="街镇",
    )
    facilities = memory_layer(
        "Point",
        [(pt(500, 500), ["应急避难场所"]), (pt(600, 500), ["Ⅱ类"]), (pt(3500, 500), ["长期固定避难场所"])],
        fields=(("类型", FIELD_STRING),),
        name="避难场所名录",
    )
    feedback = Recorder()
    layers, _c = run(
        "resilience:clusters",
        {"INPUT": units, "FACILITIES": facilities, "N_CLUSTERS": 2, "OUTPUT": "memory:", "CLUSTERS": "memory:"},
        feedback,
    )
    clusters = {f["cluster_id"]: f for f in layers["CLUSTERS"].getFeatures()}
    west = next(c for c, f in clusters.items() if "long_term_shelter" in (f["missing"] or ""))
    assert f"C{west:02d} (2)" in feedback.log and "class their label does not say" in feedback.log
    assert sum(1 for f in clusters.values() if "long_term_shelter" not in (f["missing"] or "")) == 1


def test_an_amap_export_in_longitude_latitude_is_warned_about(resilience_processing):
    """Amap coordinates are GCJ-02 whatever the layer claims: a facilities layer with Amap's fields in EPSG:4326 gets a
    warning that names the conversion tool; the same fields in a projected CRS (converted and projected) do not."""
    rows = [
        (
            "POINT(116.4 39.9)",
            ["B0001", "某避难场所", "公共设施;紧急避难场所;紧急避难场所", "", "", "116.4,39.9", "北京市", "北京市", "东城区"],
        )
    ]
    wgs = memory_layer("Point", rows, fields=AMAP_FIELDS, crs="EPSG:4326", name="高德")
    comm = memory_layer(
        "Point", [("POINT(116.401 39.9)", ["社区", "1000"])], fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), crs="EPSG:4326"
    )
    feedback = Recorder()
    run("resilience:lifecircles", {"INPUT": comm, "FACILITIES": wgs, "OUTPUT": "memory:"}, feedback)
    assert "looks like an Amap (GCJ-02) export" in feedback.log and "resilience:chinacoords" in feedback.log
    feedback = Recorder()
    run(
        "resilience:lifecircles",
        {"INPUT": communities(), "FACILITIES": amap([(pt(100), "x", "消防站", "")]), "OUTPUT": "memory:"},
        feedback,
    )
    assert "looks like an" not in feedback.log


def test_flood_classes_written_in_chinese_are_weighed_by_the_profile(resilience_processing):
    """高风险区 weighs 1.0 and 低 0.3 (scoring.flood_class_weights), found in a field 风险等级; a class that says none
    weighs as the highest and is named."""
    from shapely.geometry import box

    units = memory_layer(
        "Polygon",
        [(box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000).wkt, [f"街道{i}", "1万"]) for i in range(3)],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)),
        name="街镇",
    )
    flood = memory_layer(
        "Polygon",
        [
            (box(X0, Y0, X0 + 500, Y0 + 1000).wkt, ["高风险区"]),
            (box(X0 + 1000, Y0, X0 + 1500, Y0 + 1000).wkt, ["低"]),
            (box(X0 + 2000, Y0, X0 + 2500, Y0 + 1000).wkt, ["待定"]),
        ],
        fields=(("风险等级", FIELD_STRING),),
        name="内涝风险区",
    )
    feedback = Recorder()
    layers, _c = run("resilience:scoreunits", {"INPUT": units, "FLOOD_ZONES": flood, "OUTPUT": "memory:"}, feedback)
    assert [f["i_flood"] for f in layers["OUTPUT"].getFeatures()] == pytest.approx([0.5 * 1.0, 0.5 * 0.3, 0.5 * 1.0])
    assert "weighed as the highest: 待定" in feedback.log and "took field '风险等级'" in feedback.log


def test_siting_with_only_the_layers_given_on_census_and_amap_shaped_data(resilience_processing, tmp_path):
    """Communities with Chinese fields and populations written as a census table does, candidates from an Amap
    export, every other parameter as the dialog leaves it (short-term shelters, 1,000 m, coverage, 5 sites):
    hand-computed, the first two communities can be reached (12,000 + 1,234 people) and the third cannot."""
    candidates = amap(
        [
            (pt(500), "和平里小学", "科教文化服务;学校;小学", "141203"),
            (pt(3000, 900), "安贞公园", "风景名胜;公园广场;公园", "110101"),
            (pt(10000, 1500), "小关体育场", "体育休闲服务;运动场馆;体育场馆", "080100"),
            (pt(20000), "远郊宾馆甲", "住宿服务;宾馆酒店;宾馆酒店", "100100"),
            (pt(21000), "远郊宾馆乙", "住宿服务;宾馆酒店;宾馆酒店", "100100"),
            (pt(22000), "远郊中学", "科教文化服务;学校;中学", "141202"),
        ],
        name="候选场地",
    )
    feedback = Recorder()
    layers, _c = run(
        "resilience:siting", {"INPUT": communities(), "CANDIDATES": candidates, "OUTPUT": "memory:", "ALLOCATION": "memory:"}, feedback
    )
    assert "took field '人口'" in feedback.log and "1000 m" in feedback.log
    alloc = layers["ALLOCATION"]
    assert counts(alloc, "pop") == [12000, 1234, 5948]
    assert counts(alloc, "cov_after") == [1, 1, 0]
    assert counts(alloc, "dist_m")[:2] == pytest.approx([500.0, 900.0]) and counts(alloc, "fac_kind")[:2] == ["new", "new"]
    assert not counts(alloc, "fac_kind")[2]  # NULL: nothing within reach
    # two sites reach everyone who can be reached: the other three of the five asked for would add nobody
    sites = layers["OUTPUT"]
    assert sites.featureCount() == 2 and {f["category"] for f in sites.getFeatures()} == {"short_term_shelter"}
    assert "Only 2 of the 5 new sites" in feedback.log
    first = min(sites.getFeatures(), key=lambda f: f["site_rank"])
    assert first["name"] == "和平里小学" and first["adds_pop"] == 12000


def test_a_census_table_joined_to_street_units_gives_their_people_and_unknown_is_not_zero(resilience_processing, own_sample, tmp_path):
    """The census as a district institute has it (issue 28): a GBK CSV of 地区, 常住人口 with thousands separators and a
    column in 万人, loaded as delimited text and joined to the street units by name in QGIS. One name is written
    short (玉门, not 玉门街道), so its join finds nothing: that unit is not assessed, never a density of 0 (issue 29).
    Oracle: census people over the unit's area, computed here from the output polygons."""
    import shapely
    from qgis.core import QgsProject, QgsVectorLayer, QgsVectorLayerJoinInfo

    from resilience_plugin.qgisside.io import is_null

    units = QgsVectorLayer(f"{own_sample}|layername=street_units", "街道", "ogr")
    names = [f["name_zh"] for f in units.getFeatures()]
    people = {n: 10_000 + 137 * i for i, n in enumerate(names)}
    rows = ["地区,常住人口,常住人口（万人）"]
    for i, n in enumerate(names):
        rows.append(f'{n[:-2] if i == 0 else n},"{people[n]:,}",{people[n] / 1e4:.4f}')
    csv = tmp_path / "七普_街道.csv"
    csv.write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    table = QgsVectorLayer(f"{csv.as_uri()}?delimiter=,&encoding=GBK&detectTypes=yes", "普查", "delimitedtext")
    assert table.isValid() and table.featureCount() == len(names)
    QgsProject.instance().addMapLayers([units, table])
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(table)
    join.setJoinFieldName("地区")
    join.setTargetFieldName("name_zh")
    join.setPrefix("普查_")
    join.setUsingMemoryCache(True)
    assert units.addJoin(join)
    try:
        for field in ("普查_常住人口", "普查_常住人口（万人）"):
            feedback = Recorder()
            layers, _c = run("resilience:scoreunits", {"INPUT": units, "POPULATION_FIELD": field, "OUTPUT": "memory:"}, feedback)
            out = {f["name_zh"]: f for f in layers["OUTPUT"].getFeatures()}
            assert len(out) == len(names)
            unmatched = out[names[0]]
            assert is_null(unmatched["i_popden"]), unmatched["i_popden"]  # not 0
            assert any("not assessed" in t and field in t for t in feedback.text), feedback.text
            for n in names[1:]:
                area_km2 = shapely.from_wkb(bytes(out[n].geometry().asWkb())).area / 1e6
                assert out[n]["i_popden"] == pytest.approx(people[n] / area_km2, abs=5e-5), n  # written to 4 decimals
    finally:
        units.removeJoin(table.id())
        QgsProject.instance().removeMapLayers([units.id(), table.id()])


def test_swapped_longitude_and_latitude_are_refused_naming_the_layer(resilience_processing):
    """Issue 29: compounds from a spreadsheet with latitude in x and longitude in y (39.9, 116.4) in EPSG:4326.
    Before, the run worked in UTM zone 37N, left the features out one by one and succeeded with 0 circles."""
    rows = [(f"POINT({39.90 + 0.002 * i} {116.40 + 0.001 * i})", [f"小区{i}", 1000 + i]) for i in range(12)]
    swapped = memory_layer("Point", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), crs="EPSG:4326", name="小区坐标")
    with pytest.raises(QgsProcessingException, match=r"'小区坐标'.*latitude beyond ±90°.*swapped"):
        run("resilience:lifecircles", {"INPUT": swapped, "OUTPUT": "memory:"})
    # the same points the right way round are circles in the local Gauss-Krüger zone (EPSG:4548 for 116.4°E)
    right = memory_layer(
        "Point",
        [(f"POINT({116.40 + 0.001 * i} {39.90 + 0.002 * i})", a) for i, (_w, a) in enumerate(rows)],
        fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)),
        crs="EPSG:4326",
        name="小区坐标",
    )
    layers, _c = run("resilience:lifecircles", {"INPUT": right, "OUTPUT": "memory:"})
    assert layers["OUTPUT"].featureCount() == 12 and layers["OUTPUT"].crs().authid() == "EPSG:4548"


def test_metres_in_a_layer_said_to_be_degrees_are_refused(resilience_processing):
    rows = [(pt(1000 * i), [f"社区{i}", 1000]) for i in range(5)]  # Gauss-Krüger metres, but the layer says EPSG:4490
    wrong = memory_layer("Point", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), crs="EPSG:4490", name="社区")
    with pytest.raises(QgsProcessingException, match=r"'社区'.*cannot be degrees.*projected CRS"):
        run("resilience:lifecircles", {"INPUT": wrong, "OUTPUT": "memory:"})


def test_a_run_that_could_use_less_than_half_of_a_layer_stops(resilience_processing, tmp_path):
    """Issue 29: 7 of 10 community polygons degenerate (zero area, as a bad digitisation leaves them): the run stops
    and says why, rather than giving circles for 3 as if that were the layer."""

    def square(x, size):
        return f"POLYGON(({X0 + x} {Y0}, {X0 + x + size} {Y0}, {X0 + x + size} {Y0 + size}, {X0 + x} {Y0 + size}, {X0 + x} {Y0}))"

    rows = [(square(500 * i, 200), [f"社区{i}", 1000]) for i in range(3)]
    flat = "POLYGON(({0} {1}, {2} {1}, {0} {1}))"  # a ring with no area
    rows += [(flat.format(X0 + 100 * i, Y0 + 900, X0 + 100 * i + 50), [f"坏{i}", 1000]) for i in range(7)]
    layer = memory_layer("Polygon", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), name="社区")
    with pytest.raises(QgsProcessingException, match=r"'社区': 7 of its 10 feature\(s\) cannot be used.*more than 50%"):
        run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"})
    # the share is the profile's (quality.left_out_max_share): at 0.8 the run goes on with the 3, the 7 named
    log = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "PROFILE": _lenient(tmp_path), "OUTPUT": "memory:"}, log)
    assert layers["OUTPUT"].featureCount() == 10  # every community kept; the 7 named as degenerate in the log
    assert any("7" in line and "degenerate" in line for line in log.text), log.text


def _lenient(tmp_path, share=0.8) -> str:
    """The built-in plan profile with quality.left_out_max_share at ``share``, as a file."""
    import json

    from resilience_plugin.core.paths import default_profile_path

    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["quality"]["left_out_max_share"]["value"] = share
    lenient = tmp_path / "lenient.json"
    lenient.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(lenient)


def test_life_circles_that_would_leave_most_communities_off_the_network_stop(resilience_processing, tmp_path):
    """Issue 29 §2 (off the network): 10 communities, a walking network beside 3 of them; the other 7 lie 2 km from
    it, beyond the profile's 300 m snapping tolerance (hand-placed). The run stops and says why, rather than giving
    circles for 3 as if that were the layer; at a profile share of 0.8 it goes on, the 7 'unreachable'."""
    rows = [(f"POINT({X0 + 400 * i} {Y0 + (0 if i < 3 else 2000)})", [f"社区{i}", 1000]) for i in range(10)]
    communities = memory_layer("Point", rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_STRING)), name="社区")
    street = [
        (f"LINESTRING({X0 - 200} {Y0 - 50}, {X0 + 1200} {Y0 - 50})", ["街"]),
        (f"LINESTRING({X0} {Y0 - 50}, {X0} {Y0 + 500})", ["巷"]),
    ]
    network = memory_layer("LineString", street, fields=(("name", FIELD_STRING),), name="步行网络")
    params = {"INPUT": communities, "NETWORK": network, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match=r"社区: 7 of 10 communities have no line of the network 步行网络 within 300 m"):
        run("resilience:lifecircles", params)
    fire = memory_layer(
        "Point",
        [(f"POINT({X0 + 400} {Y0 - 60})", ["消防站", "fire_station"])],
        fields=(("名称", FIELD_STRING), ("类别", FIELD_STRING)),
        name="设施",
    )
    layers, _c = run("resilience:lifecircles", {**params, "FACILITIES": fire, "CATEGORY_FIELD": "类别", "PROFILE": _lenient(tmp_path)})
    feats = list(layers["OUTPUT"].getFeatures())
    assert [f["lc_status"] for f in feats] == ["ok"] * 3 + ["unreachable"] * 7
    # issue 29 §3: the unreachable are not assessed: nothing counted, nothing failed (NULL, never 0)
    from resilience_plugin.qgisside.io import is_null

    for f in feats[3:]:
        assert all(is_null(f[k]) for k in ("lc_pop", "n_fire_station", "shelter_m2", "shelter_ok", "missing", "lc_pass")), f.attributes()
    # the reachable ones are assessed: the fire station counted, the other categories missing, a known fail
    assert all(f["n_fire_station"] == 1 and f["missing"] and f["lc_pass"] == 0 for f in feats[:3]), [f.attributes() for f in feats[:3]]


def test_without_a_shelter_area_field_shelter_is_not_assessed_never_zero(resilience_processing):
    """Issue 29 (unknown is not zero): an Amap export has no shelter area. The first community has a shelter 300 m
    away: its shelter area is unknown, so shelter_m2, shelter_pp and shelter_ok are NULL, never 0 and never a fail.
    The others have no shelter within 1,000 m: 0 m², which is known. Hand-computed from the layout."""
    from resilience_plugin.qgisside.io import is_null

    facilities = amap(
        [
            (pt(300), "和平里应急避难场所", "公共设施;紧急避难场所;紧急避难场所", ""),
            (pt(3400), "安贞小学", "科教文化服务;学校;小学", "141203"),
        ]
    )
    feedback = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": communities(), "FACILITIES": facilities, "OUTPUT": "memory:"}, feedback)
    rows = list(layers["OUTPUT"].getFeatures())
    assert counts(layers["OUTPUT"], "n_emergency_shelter") == [1, 0, 0]
    assert all(is_null(rows[0][f]) for f in ("shelter_m2", "shelter_pp", "shelter_ok")), [rows[0][f] for f in ("shelter_m2", "shelter_ok")]
    assert [r["shelter_m2"] for r in rows[1:]] == [0.0, 0.0] and [r["shelter_ok"] for r in rows[1:]] == [0, 0]
    assert "not assessed (NULL) for the 1 circle(s) with a shelter in reach" in feedback.log
    # with the area given (as a planner adds it), the same circle has it
    with_area = amap([(pt(300), "和平里应急避难场所", "公共设施;紧急避难场所;紧急避难场所", "")])
    with_area.startEditing()
    from qgis.core import QgsField

    from resilience_plugin.qgisside.compat import FIELD_DOUBLE

    with_area.addAttribute(QgsField("避难面积", FIELD_DOUBLE))
    with_area.updateFields()
    for f in with_area.getFeatures():
        with_area.changeAttributeValue(f.id(), with_area.fields().lookupField("避难面积"), 25000.0)
    assert with_area.commitChanges()
    layers, _c = run(
        "resilience:lifecircles", {"INPUT": communities(), "FACILITIES": with_area, "SHELTER_FIELD": "避难面积", "OUTPUT": "memory:"}
    )
    assert counts(layers["OUTPUT"], "shelter_m2") == [25000.0, 0.0, 0.0]
    assert counts(layers["OUTPUT"], "shelter_pp")[0] == pytest.approx(25000 / 12000, abs=1e-3)


def test_a_nan_coordinate_in_a_longitude_latitude_layer_is_set_aside_not_taken_for_metres(resilience_processing):
    """One point of NaN latitude makes the layer's extent NaN: that says nothing of the CRS. The run sets that
    feature aside and goes on (the desktop's degenerate-geometry test found the refusal)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPoint, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=名称:string&field=人口:integer", "小区坐标", "memory")
    feats = []
    for i, (x, y) in enumerate([(116.40, 39.90), (116.41, 39.91), (116.42, float("nan"))]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"小区{i}", 1000])
        f.setGeometry(QgsGeometry(QgsPoint(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    feedback = Recorder()
    layers, _c = run("resilience:lifecircles", {"INPUT": layer, "OUTPUT": "memory:"}, feedback)
    statuses = [f["lc_status"] for f in layers["OUTPUT"].getFeatures()]
    assert statuses == ["ok", "ok", "no geometry"], (statuses, feedback.log)
