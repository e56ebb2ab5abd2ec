"""The core as a library (the manual's "Use without QGIS", docs/manual/library.md): its example runs where QGIS cannot be imported, the
entry point agrees with brute force, and the Processing algorithm writes exactly what the entry point returns."""

import re
import subprocess
import sys

import numpy as np
import pytest
import shapely

from resilience_plugin.core.facilities import Facilities
from resilience_plugin.core.gpkg import read_table
from resilience_plugin.core.lifecircles import Vocabulary, life_circles
from resilience_plugin.core.network import NetworkError
from resilience_plugin.core.profile import load_profile
from tests.conftest import ROOT, SHIPPED_SAMPLE
from tests.helpers import run

BLOCK_QGIS = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'processing'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
"""


def readme_example() -> str:
    """The Python example of the manual's page "Use without QGIS" (the README links to it)."""
    text = (ROOT / "docs" / "manual" / "library.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "the manual's 'Use without QGIS' has one Python example"
    return blocks[0]


def _sample():
    names, rows, communities = read_table(SHIPPED_SAMPLE, "communities")
    f_names, f_rows, facilities = read_table(SHIPPED_SAMPLE, "facilities")
    population = np.array([r[names.index("population")] for r in rows], dtype=float)
    labels = [r[f_names.index("category_zh")] for r in f_rows]
    shelter = np.array([r[f_names.index("shelter_area_m2")] or 0 for r in f_rows], dtype=float)
    return np.array(communities, dtype=object), population, to_metres(facilities), labels, shelter


def to_metres(geoms):
    """The sample's facilities (EPSG:4326) in the communities' CRS (EPSG:4548)."""
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", "EPSG:4548", always_xy=True)
    return shapely.transform(np.array(geoms, dtype=object), lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def test_the_readme_example_runs_without_qgis():
    script = BLOCK_QGIS + readme_example()
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = re.search(r"(\d+) of (\d+) circles pass the checklist", done.stdout)
    assert found, done.stdout[-2000:]
    # the same run here (QGIS merely loaded, never used by core), counted independently of columns()
    communities, population, facilities, labels, shelter = _sample()
    result = life_circles(
        communities,
        load_profile(),
        1000,
        population=population,
        facilities=Facilities.read(facilities, labels, load_profile(), shelter_area=shelter),
    )
    assert int(found.group(2)) == len(communities)
    assert int(found.group(1)) == int(result.assessment.passed.sum())
    assert "info 3186 circles (straight-line)" in done.stdout


def test_straight_line_circles_agree_with_brute_force():
    communities, population, facilities, labels, shelter = _sample()
    profile = load_profile()
    distance = 1200.0
    result = life_circles(
        communities, profile, distance, population=population, facilities=Facilities.read(facilities, labels, profile, shelter_area=shelter)
    )
    vocab = Vocabulary.from_profile(profile)
    column, _unmapped = vocab.classify(labels)
    cxy = shapely.get_coordinates(communities)
    fxy = shapely.get_coordinates(facilities)
    rng = np.random.default_rng(7)
    for i in rng.choice(len(communities), 150, replace=False):
        d = np.hypot(fxy[:, 0] - cxy[i, 0], fxy[:, 1] - cxy[i, 1])
        inside = d <= distance
        assert list(result.counts[i]) == list(np.bincount(column[inside], minlength=len(vocab.codes)))
        assert result.shelter_area[i] == pytest.approx(shelter[inside].sum())
        near = np.hypot(cxy[:, 0] - cxy[i, 0], cxy[:, 1] - cxy[i, 1]) <= distance
        assert result.population[i] == pytest.approx(population[near].sum())
        # pass/fail by hand: every required entry present (any of its alternatives), and the shelter target met
        have = {vocab.codes[j] for j in np.nonzero(result.counts[i])[0]}
        required = profile.value("life_circle.required_categories")
        lacks = [item for item in required if not set(item.split("|")) & have]
        per_person = shelter[inside].sum() / population[near].sum()
        target = profile.value("shelter.area_per_person_target")
        assert result.assessment.missing[i] == lacks
        assert bool(result.assessment.passed[i]) == (not lacks and per_person >= target)
    # a straight-line circle is the buffer: its area is that of a 64-gon of the radius
    assert np.nanmax(np.abs(result.area_km2 - 64 / 2 * np.sin(2 * np.pi / 64) * distance**2 / 1e6)) < 1e-9


@pytest.mark.parametrize("network", [False, True], ids=["straight-line", "network"])
def test_facilities_given_as_coordinates_count_as_the_points(network):
    """Point facilities may come as an n × 2 array of coordinates (as the adapter reads a plain point layer, issue
    17): the same counts, shelter areas and checklist as the shapely points, a facility without geometry (None; a
    row of NaN) counted nowhere, and inputs in different CRSs still refused."""
    from resilience_plugin.core.geometry import extent_gap
    from resilience_plugin.core.messages import CoreError

    communities, population, facilities, labels, shelter = _sample()
    communities, population = communities[:400], population[:400]
    roads = np.array(read_table(SHIPPED_SAMPLE, "walking_network")[2], dtype=object) if network else None
    geoms, xy = facilities.copy(), shapely.get_coordinates(facilities)
    geoms[3], xy[3] = None, np.nan
    runs = [
        life_circles(
            communities,
            load_profile(),
            1200,
            population=population,
            facilities=Facilities.read(f, labels, load_profile(), shelter_area=shelter),
            network=roads,
        )
        for f in (geoms, xy)
    ]
    a, b = runs
    assert np.array_equal(a.counts, b.counts) and a.counts.sum() > 0
    assert np.allclose(a.shelter_area, b.shelter_area, rtol=1e-12)
    assert a.assessment.missing == b.assessment.missing and np.array_equal(a.assessment.passed, b.assessment.passed)
    assert extent_gap(communities, xy) == extent_gap(communities, geoms) == 0.0
    lonlat = shapely.get_coordinates(np.array(read_table(SHIPPED_SAMPLE, "facilities")[2], dtype=object))
    with pytest.raises(CoreError, match="^'facilities' lies"):
        life_circles(communities, load_profile(), 1000, facilities=Facilities.read(lonlat, labels, load_profile()))


def test_a_distance_outside_the_plan_and_no_facilities_are_said_in_notes():
    communities, population, *_ = _sample()
    result = life_circles(communities[:20], load_profile(), 3000, population=population[:20])
    said = [(n.level, str(n.message)) for n in result.notes]
    assert ("warning", "Distance 3000 m is outside the plan's 1000-1500 m for life circles (第53条).") in said
    no_facilities = "No facilities given: the circles' facility counts, shelter, missing categories and pass are not assessed (NULL)."
    assert ("info", no_facilities) in said
    columns = result.columns()  # nothing given, nothing known: NULL, never "everything missing" and a fail
    assert all(v is None for k in ("n_fire_station", "missing", "lc_pass", "shelter_m2") for v in columns[k])
    assert not any("pass the checklist" in m for _level, m in said)


def test_inputs_in_different_crss_are_refused():
    """The sample's facilities as stored (lon/lat) beside communities in metres: nothing would be in reach, a
    plausible wrong answer. Refused, naming the input and the gap."""
    from resilience_plugin.core.messages import CoreError

    communities, population, _f, labels, _s = _sample()
    _n, _r, lonlat = read_table(SHIPPED_SAMPLE, "facilities")
    cx0, cy0, _cx1, _cy1 = shapely.total_bounds(communities)
    _fx0, _fy0, fx1, fy1 = shapely.total_bounds(np.array(lonlat, dtype=object))
    gap_km = np.hypot(cx0 - fx1, cy0 - fy1) / 1000  # by hand: the lon/lat box lies below and left of the metres
    with pytest.raises(CoreError, match=f"^'facilities' lies {gap_km:,.0f} km from 'communities'"):
        life_circles(communities, load_profile(), 1000, facilities=Facilities.read(lonlat, labels, load_profile()))
    roads = shapely.transform(np.array(read_table(SHIPPED_SAMPLE, "walking_network")[2], dtype=object), lambda xy: xy / 1000)
    with pytest.raises(CoreError, match="^'roads' lies [0-9,]+ km from 'communities'"):
        life_circles(communities, load_profile(), 1000, network=roads, network_name="roads")


def test_an_unusable_network_is_named():
    communities, *_ = _sample()
    with pytest.raises(NetworkError, match="^roads: "):
        life_circles(communities[:5], load_profile(), 1000, network=[None, None], network_name="roads")


@pytest.mark.parametrize("network", [False, True], ids=["straight-line", "network"])
def test_the_algorithm_writes_what_the_entry_point_returns(network, resilience_processing, tmp_path):
    """The adapter only reads, calls core.lifecircles.life_circles and writes: its output equals the entry point's
    result on the same inputs (a part of the sample city, with its walking network)."""
    from qgis.core import QgsVectorLayer

    names, rows, communities = read_table(SHIPPED_SAMPLE, "communities")
    keep = np.arange(0, len(communities), 40)  # 80 communities spread over the city
    f_names, f_rows, facilities = read_table(SHIPPED_SAMPLE, "facilities")
    _, _, roads = read_table(SHIPPED_SAMPLE, "walking_network")
    code_filter = '"code" IN ({})'.format(",".join(f"'{rows[i][names.index('code')]}'" for i in keep))
    params = {
        "INPUT": QgsVectorLayer(f"{SHIPPED_SAMPLE}|layername=communities|subset={code_filter}", "communities", "ogr"),
        "POPULATION_FIELD": "population",
        "FACILITIES": f"{SHIPPED_SAMPLE}|layername=facilities",
        "CATEGORY_FIELD": "category_zh",
        "SHELTER_FIELD": "shelter_area_m2",
        "DISTANCE": 1000,
        "OUTPUT": str(tmp_path / "circles.gpkg"),
    }
    if network:
        params["NETWORK"] = f"{SHIPPED_SAMPLE}|layername=walking_network"
    layers, _context = run("resilience:lifecircles", params)
    out = layers["OUTPUT"]
    feats = sorted(out.getFeatures(), key=lambda f: f["code"])
    codes = [f["code"] for f in feats]

    order = np.argsort([rows[i][names.index("code")] for i in keep])
    chosen = keep[order]
    assert codes == [rows[i][names.index("code")] for i in chosen]
    result = life_circles(
        np.array(communities, dtype=object)[chosen],
        load_profile(),
        1000,
        population=[rows[i][names.index("population")] for i in chosen],
        facilities=Facilities.read(
            to_metres(facilities),
            [r[f_names.index("category_zh")] for r in f_rows],
            load_profile(),
            shelter_area=[r[f_names.index("shelter_area_m2")] for r in f_rows],
        ),
        network=roads if network else None,
    )
    table = result.columns()
    assert set(table) <= set(out.fields().names())
    for name, values in table.items():
        written = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in (f[name] for f in feats)]
        if name in ("lc_area_km2", "lc_snap_m", "shelter_pp"):
            assert [None if v is None else round(v, 3) for v in written] == [None if v is None else round(v, 3) for v in values], name
        else:
            assert written == values, name


def test_corridor_exposure_by_hand():
    from shapely.geometry import LineString, box

    from resilience_plugin.core.faults import corridor_exposure

    corridors = [LineString([(0, 0), (1000, 0)]), LineString([(0, 500), (1000, 500)]), None]
    zones = [box(100, -10, 300, 10), box(200, -10, 500, 10), box(800, -10, 900, 10), LineString([(0, 0), (5, 5)])]
    result = corridor_exposure(corridors, zones, load_profile(), hazard_classes=["高", "高", "低", None], names=["京藏高速", "长安街", "x"])
    s = result.sections
    rows = list(zip(s["corr_name"], s["hz_class"], s["exposed_m"], s["share"]))
    assert rows == [("京藏高速", "低", 100.0, 0.1), ("京藏高速", "高", 400.0, 0.4)]
    assert s["corr_len_m"] == [1000.0, 1000.0] and s["corr_fid"] == [0, 0]
    assert [round(g.length, 6) for g in result.section_geometries] == [100.0, 400.0]
    assert result.summary["hz_exp_m"] == [500.0, 0.0, None]  # no line: not measured (issue 29 §3), never 0
    assert result.summary["hz_share"] == [0.5, 0.0, None]
    assert result.summary["hz_classes"] == ["低, 高", None, None]
    assert [str(n.message) for n in result.notes] == ["1 of 2 corridor(s) run through hazard zones: 0.50 km of 2.00 km."]


def test_the_exposure_algorithm_writes_what_the_entry_point_returns(resilience_processing, tmp_path):
    from resilience_plugin.core.faults import corridor_exposure

    params = {
        "CORRIDORS": f"{SHIPPED_SAMPLE}|layername=corridors",
        "HAZARDS": f"{SHIPPED_SAMPLE}|layername=flood_zones",
        "OUTPUT": str(tmp_path / "exposure.gpkg"),
        "SUMMARY": str(tmp_path / "summary.gpkg"),
    }
    layers, _context = run("resilience:corridorexposure", params)
    c_names, c_rows, corridors = read_table(SHIPPED_SAMPLE, "corridors")
    z_names, z_rows, zones = read_table(SHIPPED_SAMPLE, "flood_zones")
    class_field = next(n for n in ("risk_class", "class", "hz_class", "level") if n in z_names)
    name_field = next(n for n in ("name_zh", "name") if n in c_names)
    result = corridor_exposure(
        corridors,
        zones,
        load_profile(),
        hazard_classes=[r[z_names.index(class_field)] for r in z_rows],
        names=[r[c_names.index(name_field)] for r in c_rows],
    )
    written = list(layers["OUTPUT"].getFeatures())
    assert len(written) == len(result.sections["exposed_m"]) > 0
    for field in ("hz_class", "exposed_m", "corr_len_m", "share", "measure", "clauses"):
        assert [f[field] for f in written] == result.sections[field], field
    summary = list(layers["SUMMARY"].getFeatures())
    assert [f["hz_exp_m"] for f in summary] == result.summary["hz_exp_m"]


def test_fault_avoidance_by_hand():
    """A fault along the x axis; distances by hand; GB 50011 table 4.1.7 at intensity 8: 乙 200 m, 丙 100 m."""
    from shapely.geometry import LineString, Point

    from resilience_plugin.core.faults import fault_avoidance

    profile = load_profile()
    faults = [LineString([(0, 0), (10000, 0)])]
    features = [Point(5000, 150), Point(5000, -250), Point(5000, 150), Point(20000, 30), Point(5000, 90), Point(5000, 50), None]
    classes = ["乙类", "乙", None, "X", None, "甲", None]
    categories = [None, None, "医院", None, "超市", None, None]
    result = fault_avoidance(features, faults, profile, 8, seismic_classes=classes, categories=categories, fault_names=["南口-孙河断裂"])
    c = result.columns
    assert c["seis_class"] == ["乙", "乙", "乙", None, "丙", "甲", None]
    assert c["class_src"] == ["field", "field", "category", "none", "category", "field", "none"]
    assert c["required_m"][:3] == [200.0, 200.0, 200.0] and c["required_m"][4] == 100.0
    assert c["dist_m"] == [150.0, 250.0, 150.0, round(float(np.hypot(10000, 30)), 2), 90.0, 50.0, None]
    screen = profile.value("seismic.class_a_screening_distance")["8"]
    expected_a = "special study" if 50 < screen else "ok"
    assert list(result.status) == ["violation", "ok", "violation", "class unknown", "violation", expected_a, "no geometry"]
    assert c["violation"] == [1, 0, 1, None, 1, 0, None]  # class unknown, no geometry: not assessed (issue 29 §3)
    assert c["fault_name"][:6] == ["南口-孙河断裂"] * 6 and c["fault_name"][6] is None
    said = [str(n.message) for n in result.notes]
    assert "features, field 'class': values that are not a class 甲/乙/丙/丁: X (1)" in said
    assert "Intensity 8: 3 violation(s), 1 for special study, 1 ok, 1 with unknown class." in said
    # the violations counted by their category label as written (the first violation has none)
    assert "Violations by category: - (1), 医院 (1), 超市 (1)" in said


def test_fault_register_by_hand():
    """A corridor along the x axis crossed at right angles by a fault at x = 400: one contact at (400, 0), chainage
    400 m, and 200 m of corridor inside the 100 m avoidance zone; a second corridor 500 m beyond the fault's end."""
    from shapely.geometry import LineString

    from resilience_plugin.core.faults import fault_register

    corridors = [LineString([(0, 0), (1000, 0)]), LineString([(0, 1000), (1000, 1000)])]
    faults = [LineString([(400, -500), (400, 500)])]
    result = fault_register(
        corridors,
        faults,
        load_profile(),
        100.0,
        corridor_names=["京藏高速", "长安街"],
        fault_names=["南口-孙河断裂"],
        fault_distances=[0.0],
    )
    x = result.crossings
    assert (x["corr_name"], x["fault_name"], x["contact"], x["angle_deg"], x["chain_m"], x["avoid_m"]) == (
        ["京藏高速"],
        ["南口-孙河断裂"],
        ["cross"],
        [90.0],
        [400.0],
        [100.0],
    )
    assert [(p.x, p.y) for p in result.crossing_points] == [(400.0, 0.0)]
    s = result.sections
    assert s["corr_name"] == ["京藏高速"] and s["exposed_m"] == [200.0] and s["share"] == [0.2] and s["situation"] == ["crosses"]
    assert shapely.equals(result.section_geometries[0], LineString([(300, 0), (500, 0)]))
    assert result.summary["fx_cross"] == [1, 0] and result.summary["fx_exp_m"] == [200.0, 0.0]
    assert result.summary["measure"][1] is None and result.summary["sev_zh"][1] == "无"
    said = [str(n.message) for n in result.notes]
    assert "faults: 1 fault(s) without their own avoidance distance use 100 m." in said
    assert any(t.startswith("1 corridor-fault contact(s):") for t in said)


def test_report_cells_wrap_at_spaces_and_between_chinese_characters():
    from resilience_plugin.core.report import wrap_text

    def width(text):  # a Chinese character is two columns wide, everything else one
        return sum(2 if ord(c) > 0x2E80 else 1 for c in text)

    text = "北京市韧性城市空间专项规划（2022年—2035年）第53条，避难场所。GB 50011 table 4.1.7 a|b/c"
    wrapped = wrap_text(text, 10, width)
    lines = wrapped.split("\n")
    assert all(width(line) <= 10 for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost but the spaces at breaks
    assert not any(line.startswith(("，", "。", "）")) or line.endswith("（") for line in lines)
    assert "50011" in lines  # a word is not split while it fits a line
    assert wrap_text("a\nb", 10, width) == "a\nb" and wrap_text("", 10, width) == ""
    assert all(width(p) <= 4 for p in wrap_text("abcdefghij", 4, width).split("\n"))  # a word longer than a line


def _column(names, rows, name):
    return [r[names.index(name)] for r in rows]


def test_clusters_on_the_sample_and_what_the_algorithm_writes(resilience_processing):
    """core.clusters.clusters on the sample city read with sqlite3: contiguous clusters that keep to the districts,
    populations and 第48条 facility counts that agree with counting by hand in the dissolved clusters, and the
    Processing algorithm writes exactly its result."""
    from resilience_plugin.core.clusters import LifelineSystem, clusters

    names, rows, units = read_table(SHIPPED_SAMPLE, "street_units")
    lifelines = []
    for table in ("water_zones", "power_zones", "gas_zones"):
        z_names, z_rows, zones = read_table(SHIPPED_SAMPLE, table)
        lifelines.append(LifelineSystem(table, zones, _column(z_names, z_rows, "zone")))
    barriers = read_table(SHIPPED_SAMPLE, "greenbelts")[2]
    f_names, f_rows, facilities = read_table(SHIPPED_SAMPLE, "facilities")
    facilities = to_metres(facilities)
    profile = load_profile()
    result = clusters(
        units,
        profile,
        population=_column(names, rows, "population"),
        ids=_column(names, rows, "code"),
        districts=_column(names, rows, "district"),
        lifelines=lifelines,
        barriers=barriers,
        facilities=Facilities.read(facilities, _column(f_names, f_rows, "category_zh"), load_profile()),
    )
    k = profile.value("clusters.target_count")
    assert len(result.order) == len(units) and sorted(result.order.tolist()) == list(range(len(units)))
    labels = result.cluster_id
    geoms = np.asarray(units, dtype=object)[result.order]
    district = np.array(_column(names, rows, "district"), dtype=object)[result.order]
    population = np.array(_column(names, rows, "population"), dtype=float)[result.order]
    assert sorted(set(labels.tolist())) == list(range(1, k + 1))
    for c in range(1, k + 1):
        members = labels == c
        # contiguous: the members, grown by the adjacency tolerance, make one polygon; one district each
        assert shapely.union_all(shapely.buffer(geoms[members], 5.0)).geom_type == "Polygon", c
        assert len(set(district[members])) == 1, c
        assert result.table["population"][c - 1] == pytest.approx(population[members].sum())
        assert result.table["n_units"][c - 1] == int(members.sum())
    # 第48条 facilities counted by hand: the facilities whose category is required, inside each dissolved cluster
    required = result.required
    codes = _column(f_names, f_rows, "category")
    for code in required:
        points = facilities[np.array([c == code for c in codes])]
        by_hand = [int(shapely.contains(cluster, points).sum()) for cluster in result.geometries]
        boundary = [int(shapely.intersects(cluster.boundary, points).sum()) for cluster in result.geometries]
        assert all(abs(a - b) <= e for a, b, e in zip(result.table[f"n_{code}"], by_hand, boundary)), code
    assert result.table["self_suff"] == [int(all(result.table[f"n_{r}"][c] > 0 for r in required)) for c in range(k)]
    said = [str(n.message) for n in result.notes]
    assert any(s.startswith("Neighbours: ") for s in said) and any(s.startswith(f"{k} clusters from {len(units)} units") for s in said)

    from resilience_plugin.processing.clusters.delineate import ClustersAlgorithm

    params = ClustersAlgorithm().demo_parameters(str(SHIPPED_SAMPLE))  # units, the three lifeline layers, greenbelts, facilities
    layers, _context = run("resilience:clusters", {**params, "CATEGORY_FIELD": "category_zh", "OUTPUT": "memory:", "CLUSTERS": "memory:"})
    written = {f["code"]: f["cluster_id"] for f in layers["OUTPUT"].getFeatures()}
    codes_in_order = np.array(_column(names, rows, "code"), dtype=object)[result.order]
    assert written == dict(zip(codes_in_order.tolist(), labels.tolist()))
    out = sorted(layers["CLUSTERS"].getFeatures(), key=lambda f: f["cluster_id"])
    assert list(result.table) == layers["CLUSTERS"].fields().names()
    for name, values in result.table.items():
        got = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in (f[name] for f in out)]
        assert got == values, name


def test_unit_scores_on_the_sample_and_what_the_algorithm_writes(resilience_processing):
    """core.scoring.score_units on the sample city read with sqlite3: indicators that agree with measuring by hand
    (population density, the share in fault avoidance zones), a rank that follows the score, and the Processing
    algorithm writes exactly its table."""
    from resilience_plugin.core.hazards import hazards
    from resilience_plugin.core.scoring import score_units
    from resilience_plugin.processing.units.score_units import ScoreUnitsAlgorithm

    names, rows, units = read_table(SHIPPED_SAMPLE, "street_units")
    _, _, faults = read_table(SHIPPED_SAMPLE, "faults")
    z_names, z_rows, zones = read_table(SHIPPED_SAMPLE, "flood_zones")
    _, _, points = read_table(SHIPPED_SAMPLE, "geohazards")
    f_names, f_rows, facilities = read_table(SHIPPED_SAMPLE, "facilities")
    profile = load_profile()
    distance = profile.value("seismic.avoidance_distance_default")
    result = score_units(
        units,
        profile,
        _column(names, rows, "population"),
        elderly=_column(names, rows, "elderly_share"),
        old_buildings=_column(names, rows, "old_building_share"),
        hazards=hazards(profile, faults, distance, zones, _column(z_names, z_rows, "risk_class"), points),
        facilities=Facilities.read(
            to_metres(facilities),
            _column(f_names, f_rows, "category_zh"),
            profile,
            shelter_area=_column(f_names, f_rows, "shelter_area_m2"),
            beds=_column(f_names, f_rows, "beds"),
        ),
    )
    geoms = np.asarray(units, dtype=object)
    population = np.array(_column(names, rows, "population"), dtype=float)
    table = result.columns()
    # by hand: people per km², and the share of each unit inside the union of the faults' avoidance buffers
    assert table["i_popden"] == pytest.approx(population / (shapely.area(geoms) / 1e6), rel=1e-3)
    zone = shapely.union_all(shapely.buffer(np.asarray(faults, dtype=object), distance))
    share = shapely.area(shapely.intersection(geoms, zone)) / shapely.area(geoms)
    assert table["i_fault"] == pytest.approx(share, abs=2e-3)
    order = np.argsort(-result.scores.score, kind="stable")
    assert np.all(np.diff(np.array(table["rank"])[order]) >= 0)  # rank 1 is the highest score
    said = [str(n.message) for n in result.notes]
    assert f"{len(units)} units scored: " in " ".join(said)

    params = ScoreUnitsAlgorithm().demo_parameters(str(SHIPPED_SAMPLE))  # units, faults, flood zones, hazard points, facilities
    layers, _context = run(
        "resilience:scoreunits", {**params, "CATEGORY_FIELD": "category_zh", "SHELTER_FIELD": "shelter_area_m2", "OUTPUT": "memory:"}
    )
    out = sorted(layers["OUTPUT"].getFeatures(), key=lambda f: f["code"])
    by_code = {c: i for i, c in enumerate(_column(names, rows, "code"))}
    index = [by_code[f["code"]] for f in out]
    for name, values in table.items():
        got = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in (f[name] for f in out)]
        expected = [values[i] for i in index]
        if name in ("i_fault", "s_fault", "i_flood", "s_flood", "hazard", "score"):  # GEOS overlays in another order
            assert got == pytest.approx(expected, abs=2e-3), name
        else:
            assert got == expected, name


def test_the_dossier_by_hand_and_what_the_algorithm_writes(resilience_processing, tmp_path):
    """core.dossier.dossier on the sample's clusters: facility counts and hazard shares measured by hand, the report
    has a section per cluster, and the Processing algorithm writes exactly its table and the same report."""
    from resilience_plugin.core.dossier import DOSSIER_FIELDS, dossier
    from resilience_plugin.core.hazards import hazards
    from resilience_plugin.processing.clusters.delineate import ClustersAlgorithm

    params = ClustersAlgorithm().demo_parameters(str(SHIPPED_SAMPLE))
    layers, _context = run("resilience:clusters", {**params, "OUTPUT": "memory:", "CLUSTERS": "memory:"})
    clusters_layer = layers["CLUSTERS"]
    feats = list(clusters_layer.getFeatures())
    geoms = np.array([shapely.from_wkb(bytes(f.geometry().asWkb())) for f in feats], dtype=object)
    ids = [f["code"] for f in feats]
    population = [f["population"] for f in feats]
    _, _, faults = read_table(SHIPPED_SAMPLE, "faults")
    f_names, f_rows, facilities = read_table(SHIPPED_SAMPLE, "facilities")
    facilities = to_metres(facilities)
    profile = load_profile()
    distance = profile.value("seismic.avoidance_distance_default")
    result = dossier(
        geoms,
        profile,
        ids=ids,
        population=population,
        hazards=hazards(profile, faults, distance),
        facilities=Facilities.read(
            facilities,
            _column(f_names, f_rows, "category_zh"),
            profile,
            shelter_area=_column(f_names, f_rows, "shelter_area_m2"),
            beds=_column(f_names, f_rows, "beds"),
            capacity=_column(f_names, f_rows, "capacity_pd"),
        ),
    )
    assert list(result.table) == list(DOSSIER_FIELDS)
    fire = facilities[np.array([c == "fire_station" for c in _column(f_names, f_rows, "category")])]
    assert result.table["fire_st"] == [int(shapely.contains(g, fire).sum()) for g in geoms]
    zone = shapely.union_all(shapely.buffer(np.asarray(faults, dtype=object), distance))
    share = shapely.area(shapely.intersection(geoms, zone)) / shapely.area(geoms)
    assert result.table["fault_shr"] == pytest.approx(share, abs=1e-3)
    for m2, pp, pop in zip(result.table["shelter_m2"], result.table["shelter_pp"], population):
        assert pp == pytest.approx(m2 / pop, rel=1e-3, abs=1e-3)
    page = result.html("t", "i", list(DOSSIER_FIELDS))
    assert page.count("<section>") == len(feats) and all(f">{c}</h2>" in page for c in ids)

    report = tmp_path / "dossier.html"
    layers, _context = run(
        "resilience:clusterdossier",
        {
            "CLUSTERS": clusters_layer,
            "ID_FIELD": "code",
            "FAULTS": f"{SHIPPED_SAMPLE}|layername=faults",
            "FACILITIES": f"{SHIPPED_SAMPLE}|layername=facilities",
            "CATEGORY_FIELD": "category_zh",
            "SHELTER_FIELD": "shelter_area_m2",
            "OUTPUT": "memory:",
            "REPORT": str(report),
        },
    )
    out = list(layers["OUTPUT"].getFeatures())
    assert [f["code"] for f in out] == ids
    for name, values in result.table.items():
        got = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in (f[name] for f in out)]
        assert got == values, name
    assert report.read_text(encoding="utf-8").count("<section>") == len(feats)


def test_corridor_summary_and_grade_factors_against_the_loop():
    """Each corridor's highest stretch severity (first of equals; NaN only where every stretch is NaN) and the grade
    factors, computed for all at once, against the per-row loop they replaced, on random cases with ties."""
    from types import SimpleNamespace

    from resilience_plugin.core.faults import CONTACT_CROSS, _grade_key, corridor_summary, grade_factor

    profile = load_profile()
    rng = np.random.RandomState(7)
    for _case in range(30):
        n, m = 12, int(rng.randint(0, 40))
        line = rng.randint(0, n, m)
        score = rng.choice([10.0, 20.0, 35.5, 80.0, np.nan], m)
        level = np.array([f"L{i}" for i in range(m)], dtype=object)
        none = np.zeros(0, dtype=np.int64)
        crossings = SimpleNamespace(contact=np.full(0, CONTACT_CROSS), corridor=none, angle=np.zeros(0))
        got = corridor_summary(
            n, crossings, SimpleNamespace(union_length=np.zeros(n)), SimpleNamespace(line=line), SimpleNamespace(score=score, level=level)
        )
        want_score, want_level = np.full(n, np.nan), np.full(n, None, dtype=object)
        for c, sc, lv in zip(line, score, level):
            if np.isnan(want_score[c]) or sc > want_score[c]:
                want_score[c], want_level[c] = sc, lv
        np.testing.assert_array_equal(got.score, want_score)
        finite = ~np.isnan(want_score)
        assert list(got.level[finite]) == list(want_level[finite])
        assert all((got.level[i] is None) == (want_level[i] is None) for i in range(n))
    grades = [1, "1", 1.0, "一级", "二级道路", None, "x", 2.5, "3", True, " 2 ", "1", 1]
    factors = profile.value("corridors.severity_grade_factor")
    want = [factors.get(_grade_key(g), factors["unknown"]) if _grade_key(g) is not None else factors["unknown"] for g in grades]
    np.testing.assert_array_equal(grade_factor(grades, profile), want)


def test_node_ids_by_one_integer_key_equal_numpys_unique_rows():
    """end_nodes numbers the nodes by one sort of a combined key where the coordinate ranges allow it, else by
    numpy's unique rows: the same numbers either way (small, negative, and ranges too wide to combine)."""
    from resilience_plugin.core.network import _row_ids

    rng = np.random.RandomState(3)
    for keys in (
        rng.randint(-5, 5, (200, 2)),
        rng.randint(0, 3, (7, 2)) * 10**9 + 4_400_000_000,
        np.array([[-(2**40), 2**40], [2**40, -(2**40)], [0, 0], [2**40, -(2**40)]], dtype=np.int64),
        np.zeros((0, 2), dtype=np.int64),
    ):
        keys = keys.astype(np.int64)
        want = np.unique(keys, axis=0, return_inverse=True)[1].ravel() if len(keys) else np.zeros(0, dtype=np.int64)
        np.testing.assert_array_equal(_row_ids(keys), want)


def test_point_circles_are_geos_point_buffers():
    """Straight-line circles of points are built with numpy; they are GEOS's own point buffers, vertex for vertex
    (GEOS 3.12 and later; older GEOS accumulates the angle, to within a nanometre), and other geometries still go
    to GEOS, None and empty ones staying None."""
    from resilience_plugin.core.lifecircles import euclidean_circles

    rng = np.random.RandomState(5)
    points = shapely.points(rng.uniform(4e5, 5e5, 500), rng.uniform(4.3e6, 4.4e6, 500))
    for quad_segs, distance in ((16, 1000.0), (4, 1500.0), (1, 0.5)):
        got = euclidean_circles(points, distance, quad_segs)
        want = shapely.buffer(points, distance, quad_segs=quad_segs)
        if shapely.geos_version >= (3, 12, 0):
            assert shapely.equals_exact(got, want, tolerance=0).all()
        else:
            assert (shapely.get_num_coordinates(got) == shapely.get_num_coordinates(want)).all()
            assert max(shapely.hausdorff_distance(got, want)) < 1e-6
    square = shapely.box(0, 0, 10, 10)
    mixed = np.array([None, shapely.Point(), square, shapely.MultiPoint([(0, 0), (5, 0)]), shapely.Point(3, 4)], dtype=object)
    got = euclidean_circles(mixed, 2.0)
    assert got[0] is None and got[1] is None
    assert shapely.equals_exact(got[2], square.buffer(2.0, quad_segs=16), tolerance=0)
    assert shapely.equals_exact(got[3], mixed[3].buffer(2.0, quad_segs=16), tolerance=0)
    assert shapely.get_num_coordinates(got[4]) == 65 and abs(shapely.area(got[4]) - shapely.Point(3, 4).buffer(2.0).area) < 1e-9


def test_incident_edges_gathered_at_once_equal_brute_force():
    """The edges ending at a set of nodes (the reached part of a catchment), gathered from the incidence list at
    once, against every edge checked one by one, on a grid with a dangle, a loop and a parallel edge."""
    from resilience_plugin.core.network import WalkingNetwork

    lines = [shapely.LineString([(x, y), (x + 1, y)]) for x in range(5) for y in range(4)]
    lines += [shapely.LineString([(x, y), (x, y + 1)]) for x in range(6) for y in range(3)]
    lines += [shapely.LineString([(9, 9), (5, 0)]), shapely.LineString([(0, 0), (1, 1), (0, 0)])]
    lines += [shapely.LineString([(0, 0), (0.5, 0.5), (1, 0)])]
    walk = WalkingNetwork(np.array(lines, dtype=object))
    rng = np.random.RandomState(11)
    for size in (0, 1, 3, 10, walk.n_nodes):
        nodes = rng.choice(walk.n_nodes, size, replace=False)
        want = sorted(e for e in range(len(lines)) if walk.u[e] in nodes or walk.v[e] in nodes)
        assert walk.incident_edges(nodes).tolist() == want


def test_per_distinct_calls_once_per_distinct_value_and_keeps_types_apart():
    from resilience_plugin.core.distinct import factorize, per_distinct

    values = [1, 1.0, True, "1", None, 1, "1", [2], 1.0]
    calls = []

    def fn(v):
        calls.append(v)
        return f"{type(v).__name__}:{v}"

    assert factorize(values) is None  # a list cannot be hashed: one by one
    assert per_distinct(fn, values) == [fn(v) for v in values]
    calls.clear()
    plain = values[:7] + values[8:]
    assert per_distinct(fn, plain) == ["int:1", "float:1.0", "bool:True", "str:1", "NoneType:None", "int:1", "str:1", "float:1.0"]
    assert len(calls) == 5  # 1, 1.0 and True compare equal but read differently: each is its own value
    distinct, counts, index = factorize(plain)
    assert [(type(v), v) for v in distinct] == [(int, 1), (float, 1.0), (bool, True), (str, "1"), (type(None), None)]
    assert counts == [2, 2, 1, 2, 1] and index == [0, 1, 2, 3, 4, 0, 3, 1]
    # one type (the usual column): the same answer, brute force as the oracle
    labels = ["公园", "医院", "公园", "", "医院", "公园"]
    distinct, counts, index = factorize(tuple(labels))
    assert [distinct[i] for i in index] == labels
    assert counts == [labels.count(v) for v in distinct] and distinct == list(dict.fromkeys(labels))
    assert factorize([]) == ([], [], [])
    # a column that carries its factorization (text a reader decoded once per distinct value): the same answer
    from resilience_plugin.core.distinct import Factorized

    raw = [v.encode() for v in labels] + [None]
    decoded = Factorized.of(raw, lambda v: None if v is None else v.decode())
    assert decoded == labels + [None] and isinstance(decoded, list)
    assert factorize(decoded) == factorize(labels + [None])
    assert Factorized.of([]) == [] and factorize(Factorized.of([])) == ([], [], [])


def test_collection_paused_nests_overlaps_and_restores():
    """Algorithm runs pause Python's cyclic collector (core.memory.collection_paused); it must come back as it was,
    after nested runs, runs overlapping on threads, and a run that raised."""
    import gc
    import threading

    from resilience_plugin.core.memory import collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer run is still going
    assert gc.isenabled()
    with pytest.raises(KeyError):
        with collection_paused():
            {}["missing"]  # noqa: B018 - raises
    assert gc.isenabled()
    # two runs overlapping on threads: paused until the last ends, whichever began first
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first():
        with collection_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with collection_paused():
        second_in.set()
        first_out.wait(5)
        assert not gc.isenabled()  # the first run ended, this one has not
    worker.join(5)
    assert gc.isenabled()
    # off before (someone else's choice): left off
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_points_read_with_numpy_are_what_shapely_reads():
    """core.geometry.from_wkb reads a layer of 2-D little-endian points with numpy (issue 17): the same geometries,
    bit for bit, as shapely.from_wkb (the oracle); anything else goes to shapely as before."""
    import struct

    import numpy as np
    import shapely

    from resilience_plugin.core.geometry import _plain_points, clean, from_wkb

    rng = np.random.default_rng(17)
    xy = np.concatenate([rng.uniform(-1e7, 1e7, (500, 2)), [[-0.0, 0.0], [5e-324, 1.7976931348623157e308], [116.39, 39.9]]])
    wkb = list(shapely.to_wkb(shapely.points(xy), flavor="iso", output_dimension=2, byte_order=1))
    assert _plain_points(wkb) is not None  # the numpy path is taken
    ours, oracle = from_wkb(wkb), shapely.from_wkb(np.array(wkb, dtype=object))
    assert shapely.to_wkb(ours, byte_order=1).tolist() == shapely.to_wkb(oracle, byte_order=1).tolist() == wkb
    # not points of that kind: shapely reads them, and clean() still names what is unusable
    nan = struct.pack("<BIdd", 1, 1, float("nan"), 1.0)
    others = [
        list(shapely.to_wkb(shapely.points(xy[:3]), byte_order=0)),  # big endian
        list(shapely.to_wkb(shapely.points(np.c_[xy[:3], xy[:3, :1]]), flavor="iso", byte_order=1)),  # with z
        wkb[:2] + [None],
        wkb[:2] + [nan],
        wkb[:1] + [wkb[1] + b"\x00"],  # one blob too long
    ]
    for case in others:
        assert _plain_points(case) is None
    assert clean(wkb[:2] + [nan], 0).degenerate == [2]
    assert clean(wkb[:2] + [None], 0).geometries[2] is None
    cleaned = clean(wkb, 0)  # nothing to mend or drop: the oracle's geometries
    assert not cleaned.degenerate and not cleaned.repaired
    assert shapely.to_wkb(cleaned.geometries, byte_order=1).tolist() == wkb
    assert clean(wkb[:5], 1).degenerate == [0, 1, 2, 3, 4]  # points where lines are wanted: none usable, as before
    # asked for as coordinates: the oracle's coordinates, bit for bit; anything else still comes as geometries
    as_xy = clean(wkb, 0, points_as_xy=True).geometries
    assert as_xy.dtype == float and as_xy.shape == (len(wkb), 2)
    assert np.array_equal(as_xy, shapely.get_coordinates(oracle)) and as_xy.tobytes() == shapely.get_coordinates(oracle).tobytes()
    for case in others:
        assert clean(case, 0, points_as_xy=True).geometries.dtype == object


def test_worker_threads_take_the_callers_numpy_error_handling():
    """Issue 29: an "invalid value encountered in line_locate_point" RuntimeWarning reached QGIS's log from worker
    threads, whose numpy error handling was numpy's default whatever the caller (an algorithm run, which ignores
    invalid values: NaN is "not assessed") had set. Oracle: the same call in one thread, under the same handling,
    warns nothing and gives NaN (0/0 stands for the shapely case, which depends on the GEOS version)."""
    import warnings

    import numpy as np

    from resilience_plugin.core.parallel import in_pieces, parallel, side_by_side

    n = 20_000
    zeros = np.zeros(n)
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        warnings.simplefilter("error")
        one = np.divide(zeros, zeros)
        many = parallel(np.divide, zeros, zeros, chunk=1000)
        pieces = np.concatenate(in_pieces(lambda lo, hi: zeros[lo:hi] / zeros[lo:hi], n, 1000))
        first, second = side_by_side(lambda: zeros / zeros, lambda: zeros / zeros)
    assert np.isnan(one).all() and np.isnan(many).all() and np.isnan(pieces).all() and np.isnan(first).all()


def test_features_with_every_fault_set_aside_by_the_rule_are_known_to_need_no_avoidance():
    """The review: under the rule 'code' with only Late Pleistocene faults, every fault is set aside (None), and the
    features were called "no geometry" with violation NULL. They have their geometry and need no avoidance: status
    ok (or class unknown), violation 0, no distance; a feature without geometry stays "no geometry"."""
    from shapely.geometry import Point

    from resilience_plugin.core.faults import fault_avoidance

    result = fault_avoidance([Point(0, 0), Point(10, 0), None], [None], load_profile(), 8, seismic_classes=["乙", "X", "乙"], rule="code")
    assert list(result.status) == ["ok", "class unknown", "no geometry"]
    assert result.columns["violation"] == [0, None, None] and result.columns["dist_m"] == [None, None, None]


def test_refuse_most_left_out_by_hand():
    """The one rule of the three "most of a layer off the network" checks (life circles, siting, corridor failure):
    refused only above the share, never with nothing counted or with no share given."""
    from resilience_plugin.core.messages import CoreError, refuse_most_left_out

    refuse_most_left_out(5, 10, 0.5, CoreError, "never")  # half: not more than half
    refuse_most_left_out(3, 0, 0.5, CoreError, "never")  # nothing counted
    refuse_most_left_out(10, 10, None, CoreError, "never")  # no share: only said, never refused
    with pytest.raises(CoreError, match="6 of 10 left out"):
        refuse_most_left_out(6, 10, 0.5, CoreError, "{0} of {1} left out", 6, 10)
