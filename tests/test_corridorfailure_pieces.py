"""Corridor failure with polygon units (issue 28): a unit's people are spread over pieces, each joined to the
network at its own place, and a unit loses access only for the pieces that lose it. Oracles: hand-computed
geometry on hand-made networks, and an independent heap Dijkstra over the graph's own edges without the failed
pieces (tests/test_corridorfailure_core.py's)."""

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point

from resilience_plugin.core.corridorfailure import corridor_failure
from resilience_plugin.core.profile import load_profile

from .test_corridorfailure_core import dijkstra_nodes

PROFILE = load_profile()


def _one(result):
    return result.unit_access(result.results[0])


def test_a_unit_straddling_a_fault_zone_loses_only_the_people_beyond_it():
    """A road from a hospital (x = 0) east to x = 4000; a fault across it at x = 2000 (zone 1900–2100). The unit
    x 1000–3000 holds 1000 people spread by area over 250 m pieces: those whose road lies east of the zone (the
    pieces east of x = 2000, half the unit) are cut off; the rest keep the hospital (平桥街道's case)."""
    road = LineString([(0, 0), (4000, 0)])
    unit = shapely.box(1000, -500, 3000, 500)
    fault = LineString([(2000, -3000), (2000, 3000)])
    result = corridor_failure(
        [road],
        [unit],
        [1000],
        [Point(0, 0)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        faults=[fault],
        fault_names=["平桥断裂"],
        avoidance_distance=100,
        snap_tolerance=600,
        rank=False,
        unit_names=["平桥街道"],
    )
    ua = _one(result)
    want = 1000 * shapely.area(shapely.intersection(unit, shapely.box(2000, -600, 4000, 600))) / unit.area
    assert ua.pop_cut["hospital"][0] == pytest.approx(want)
    assert ua.share_cut["hospital"][0] == pytest.approx(0.5)
    assert not ua.lost["hospital"][0]  # not the whole unit
    assert [result.zones[z].label for z in ua.causes[0]] == ["平桥断裂"]
    # the people who keep it: their mean distance before and after is the mean x of the western pieces' roads
    assert ua.d1["hospital"][0] == pytest.approx(1500.0)  # pieces at x 1125…1875
    assert ua.d0["hospital"][0] == pytest.approx(2000.0)  # all pieces: x 1125…2875


def test_a_unit_at_the_end_of_a_cut_spur_loses_everything_and_a_point_unit_behaves_as_before():
    main = LineString([(0, 0), (4000, 0)])
    spur = LineString([(3000, 0), (3000, 2000)])
    unit = shapely.box(2750, 1000, 3250, 2000)
    village = Point(500, 100)
    damage = shapely.box(2900, 500, 3100, 600)  # drawn damage across the spur
    result = corridor_failure(
        [main, spur],
        [unit, village],
        [800, 300],
        [Point(0, 0)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        damage=[damage],
        snap_tolerance=300,
        rank=False,
    )
    ua = _one(result)
    assert ua.lost["hospital"].tolist() == [True, False]
    assert ua.pop_cut["hospital"].tolist() == pytest.approx([800, 0])
    assert ua.share_cut["hospital"][0] == pytest.approx(1.0)
    assert ua.d0["hospital"][1] == pytest.approx(500.0)  # the point unit: its own distance, as before
    assert np.isnan(ua.d1["hospital"][0])


def test_people_cut_off_per_unit_equal_an_independent_dijkstra_over_the_pieces():
    """A random street grid, a fault zone across it, polygon units: per unit, the people of the pieces that reach a
    facility on the whole graph and none without the failed pieces (heap Dijkstra written in the tests)."""
    rng = np.random.default_rng(7)
    lines = [LineString([(0, y), (3000, y)]) for y in range(0, 3001, 500)] + [LineString([(x, 0), (x, 3000)]) for x in range(0, 3001, 500)]
    lines = [ln for ln in lines if rng.uniform() > 0.15]
    units = [shapely.box(x, y, x + 900, y + 700) for x, y in rng.uniform(0, 2000, (6, 2))]
    pop = rng.integers(1000, 9000, 6).astype(float)
    fault = LineString([(1200, -100), (1800, 3100)])
    hospitals = [Point(100, 100), Point(2900, 2900)]
    result = corridor_failure(
        lines,
        units,
        pop,
        hospitals,
        ["hospital", "hospital"],
        PROFILE,
        categories=["hospital"],
        faults=[fault],
        avoidance_distance=120,
        snap_tolerance=400,
        rank=False,
    )
    g, r = result.graph, result.results[0]
    edges = list(zip(g.a.tolist(), g.b.tolist(), g.w.tolist()))
    failed = np.zeros(len(g.pieces), dtype=bool)
    failed[r.failed] = True
    kept = [e for e, ok in zip(edges, ~failed[g.edge_piece]) if ok]
    sources = sorted({int(n) for n in g.facility_node if n >= 0})
    d0 = dijkstra_nodes(g.n_nodes, edges, sources)[0]
    d1 = dijkstra_nodes(g.n_nodes, kept, sources)[0]
    want = np.zeros(len(units))
    for k, node in enumerate(g.unit_node.tolist()):
        if node >= 0 and np.isfinite(d0[node]) and not np.isfinite(d1[node]):
            want[result.demand_unit[k]] += result.demand_people[k]
    ua = _one(result)
    assert ua.pop_cut["hospital"] == pytest.approx(want)
    assert want.sum() > 0 and (want < np.bincount(result.demand_unit, weights=result.demand_people)).any()
    # each unit's pieces hold its people, and they lie inside it
    assert np.bincount(result.demand_unit, weights=result.demand_people) == pytest.approx(pop)


def test_last_mile_links_count_and_what_lies_beyond_them_is_named():
    """A village 800 m off the only road joins it by a straight link whose length counts (oracle: 800 + the distance
    along the road); one 3 km off is beyond the profile's last-mile limit (2 km): left out and named, not cut off."""
    road = LineString([(0, 0), (4000, 0)])
    near, far = Point(2500, 800), Point(1000, 3000)
    result = corridor_failure(
        [road],
        [near, far],
        [400, 900],
        [Point(0, 0)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        unit_names=["近村", "远村"],
        snap_tolerance=300,
        rank=False,
    )
    ua = _one(result)
    assert ua.d0["hospital"][0] == pytest.approx(2500 + 800)
    assert not ua.on[1] and np.isnan(ua.d0["hospital"][1]) and ua.pop_cut["hospital"][1] == 0
    said = " ".join(str(n.message) for n in result.notes)
    assert "last-mile" in said and "远村" in said and "近村" in said


def test_facilities_off_the_network_join_by_a_last_mile_link_or_are_named_and_most_of_a_category_off_stops_the_run():
    """A hospital 500 m off the road joins it by a straight link whose length counts (oracle: 500 + the way along the
    road); one 3 km off is beyond the last-mile limit (2 km) and named; most of a category beyond it stops the run."""
    from resilience_plugin.core.corridorfailure import CorridorFailureError

    road = LineString([(0, 0), (4000, 0)])
    units = [Point(2000, 10)]
    off_road, far1, far2 = Point(3500, 500), Point(1000, 3000), Point(3000, -3000)
    result = corridor_failure(
        [road], units, [100], [off_road, far1], ["hospital"] * 2, PROFILE, categories=["hospital"], facility_names=[11, 12]
    )
    assert _one(result).d0["hospital"][0] == pytest.approx(1500 + 500)
    said = [str(n.message) for n in result.notes]
    assert any("last-mile link" in m and "11" in m for m in said)
    assert any("beyond the last-mile limit" in m and "12" in m for m in said)
    # the link is not a road: it never fails and is never ranked
    assert all(g.length != pytest.approx(500) for g in result.critical.geometry[result.critical.pop_route > 0])
    with pytest.raises(CorridorFailureError, match="2 of the 3 facilities of hospital"):
        corridor_failure(
            [road],
            units,
            [100],
            [off_road, far1, far2],
            ["hospital"] * 3,
            PROFILE,
            categories=["hospital"],
            facility_names=[11, 12, 13],
            rank=False,
        )


def test_a_loop_road_cuts_off_only_those_who_join_it_in_between():
    """A lollipop: the main road from the hospital to junction J, and a ring leaving and rejoining J. Failing the
    ring cuts off the unit that joins it half-way, not the one at J (it keeps the main road)."""
    main = LineString([(0, 0), (1000, 0)])
    ring = LineString([(1000, 0), (1500, 500), (1000, 1000), (500, 500), (1000, 0)])
    units = [Point(1000, -50), Point(1480, 520)]
    result = corridor_failure(
        [main, ring], units, [100, 10], [Point(0, 0)], ["hospital"], PROFILE, categories=["hospital"], snap_tolerance=100
    )
    crit = result.critical
    ring_section = int(np.argmax(crit.length))
    assert crit.pop_cut[ring_section] == pytest.approx(10) and crit.cut_units[ring_section].tolist() == [1]


def test_a_last_mile_link_at_a_dead_end_stays_out_of_the_ranking():
    """A hospital 1.2 km beyond the end of a 200 m spur: its link never merges with the spur into one section; the
    spur is ranked with its own length and road, the link not at all."""
    main = LineString([(0, 0), (4000, 0)])
    spur = LineString([(2000, 0), (2000, 200)])
    hospitals = [Point(2000, 1400), Point(0, 0)]
    units = [Point(100, 50), Point(3900, 50), Point(2010, 100)]
    result = corridor_failure(
        [main, spur], units, [100, 200, 7], hospitals, ["hospital"] * 2, PROFILE, categories=["hospital"], snap_tolerance=100
    )
    crit = result.critical
    ranked = np.nonzero((crit.pop_cut > 0) | (crit.pop_route > 0))[0]
    assert all(crit.source[s] >= 0 for s in ranked)  # every ranked section is a road
    assert sorted(round(float(crit.length[s])) for s in ranked) == [200, 2000, 2000]


def test_units_without_raster_data_are_not_assessed_never_lost():
    """Polygon units counted from a raster alone: one outside the raster's data is not assessed (NaN), not a unit
    of 0 people that 'loses' everything."""
    from resilience_plugin.core.coverage import Grid
    from resilience_plugin.core.population import Raster

    values = np.full((10, 20), 5.0)
    raster = Raster(Grid(0.0, 1000.0, 100.0, 100.0, 10, 20), lambda a, b, c, d: values[a:b, c:d], name="grid")
    road = LineString([(0, 500), (6000, 500)])
    units = [shapely.box(500, 0, 1500, 1000), shapely.box(4000, 0, 5000, 1000)]
    result = corridor_failure(
        [road],
        units,
        None,
        [Point(0, 500)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        snap_tolerance=600,
        damage=[shapely.box(2500, 400, 2600, 600)],
        rank=False,
        raster=raster,
        unit_names=["有数据", "无数据"],
    )
    ua = _one(result)
    assert ua.people[0] == pytest.approx(500) and np.isnan(ua.people[1])
    assert not ua.lost["hospital"][1] and np.isnan(ua.share_cut["hospital"][1])
    assert any("无数据" in str(n.message) and "not assessed" in str(n.message) for n in result.notes)


@pytest.mark.parametrize("extra_faults", [0, 14])
def test_each_cut_off_unit_names_the_fault_that_cuts_it_off(extra_faults):
    """Faults across a road from a hospital at x = 0: 断裂甲 at x = 2000 and 断裂乙 at x = 6000. The village at
    x = 4000 is cut off by 甲 alone (oracle: the others lie beyond it); the village at x = 8000 by any of them alone.
    With 14 more faults across the road between the two (16 on the second village's route: more than are tested one
    by one), the causes are the faults on each village's route: here the same as testing each alone."""
    from resilience_plugin.core import corridorfailure as cf

    road = LineString([(0, 0), (10000, 0)])
    faults = [LineString([(2000, -3000), (2000, 3000)]), LineString([(6000, -3000), (6000, 3000)])]
    names = ["断裂甲", "断裂乙"]
    for k in range(extra_faults):
        faults.append(LineString([(6300 + 100 * k, -3000), (6300 + 100 * k, 3000)]))
        names.append(f"断裂{k:02d}")
    result = corridor_failure(
        [road],
        [Point(4000, 0), Point(8000, 0)],
        [100, 200],
        [Point(0, 0)],
        ["hospital"],
        PROFILE,
        categories=["hospital"],
        faults=faults,
        fault_names=names,
        avoidance_distance=40,
        rank=False,
        unit_names=["甲村", "乙村"],
    )
    ua = _one(result)
    assert ua.lost["hospital"].tolist() == [True, True]
    got = [sorted(result.zones[z].label for z in zs) for zs in ua.causes]
    assert got[0] == ["断裂甲"]
    assert got[1] == sorted(names)  # each of them alone cuts the second village off
    if extra_faults:
        assert len(names) > cf.CAUSES_ALONE_MAX


def test_most_units_beyond_the_last_mile_limit_stop_the_run():
    """Issue 29 §2 (off the network): 3 of 4 villages lie 3 km from the only road, beyond the profile's last-mile
    limit (2 km; hand-placed): the run stops and says why, rather than assessing one village as if it were the
    layer. With the profile's quality.left_out_max_share at 0.8 it goes on, the three named and not assessed."""
    from resilience_plugin.core.corridorfailure import CorridorFailureError

    road = LineString([(0, 0), (4000, 0)])
    villages = [Point(2000, 10)] + [Point(1000 * k, 3000) for k in range(1, 4)]
    args = ([road], villages, [100, 200, 300, 400], [Point(0, 0)], ["hospital"])
    kw = dict(categories=["hospital"], unit_names=["近村", "远村一", "远村二", "远村三"], snap_tolerance=300, rank=False)
    with pytest.raises(CorridorFailureError, match="3 of 4 units lie further than 2000 m from the network"):
        corridor_failure(*args, PROFILE, **kw)
    lenient = PROFILE.with_value("quality.left_out_max_share", 0.8)
    ua = _one(corridor_failure(*args, lenient, **kw))
    assert ua.on.tolist() == [True, False, False, False]
