"""Corridor-failure scenarios (issue 19) against the way a planner does it today with QGIS's own algorithms
(`make bench`, or `make bench-failure` alone):

    python bench/corridorfailure.py [sample] [beijing]

- **sample**: the sample city's walking network (20,487 edges), its 233 street units, its facilities (five
  essential categories), its 5 faults (200 m) and its class 1–2 flood zones;
- **beijing**: the sample city generated at Beijing scale (343 units, the 198,399-edge walking network, 50,000
  facilities) with 500 active-fault segments of about 5 km spread over its extent, all failing at once.

Ours: ``resilience:corridorfailure`` through Processing, writing GeoPackages: the scenario alone (RANK off), then
with the single-failure ranking of every section (CRITICAL). Native chains, estimated from a sample as the
life-circle bench does:

- scenario: ``native:buffer`` of the faults and ``native:difference`` of the network and the zones (timed on the
  first 5,000 edges and scaled), then ``native:shortestpathpointtolayer`` from each unit to each essential
  category's facilities, before and after (2 x units x categories runs; timed on 3 units before, and scaled);
- ranking: for each edge, the network without it (``native:extractbyexpression``) and a
  ``native:serviceareafromlayer`` from every essential facility, to see who is still reached (timed on one edge with
  20 facilities, and scaled to every facility and every edge).

Goals (issue 19): at Beijing scale the scenario in under 30 s and the ranking of every section in under 2 minutes.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import peak_mb, run, timed  # noqa: E402

GOAL_SCENARIO_S = 30.0
GOAL_RANKING_S = 120.0
CATEGORIES = ("hospital", "long_term_shelter", "reserve_depot", "fire_station", "command_centre")


def _row(size, work, ours, peer, peer_name, goal_s=None):
    ratio = peer / ours if ours > 0 else float("inf")
    goal = f"(goal < {goal_s:g} s: {'meets' if ours < goal_s else 'ABOVE'})" if goal_s else ""
    print(
        f"{size:<8} {work:<58} {ours:8.2f} s {peer:12.1f} s  {ratio:8.1f}x  {goal:<22} {peer_name:<44} peak {peak_mb():7.0f} MB",
        flush=True,
    )


def _faults_case(folder: Path, city: Path, n_faults=500, seed=19) -> str:
    """``n_faults`` winding fault segments of about 5 km over the extent of ``city``'s walking network (EPSG:4548)."""
    import numpy as np
    import shapely

    from resilience_plugin.core.gpkg import Table, read_features, write_geopackage

    net = read_features(city, "walking_network", [])
    lines = shapely.from_wkb(np.array(net.wkb, dtype=object))
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    rng = np.random.RandomState(seed)
    faults = []
    for _ in range(n_faults):
        heading = rng.uniform(0, np.pi)
        xy = [(rng.uniform(x0, x1), rng.uniform(y0, y1))]
        for _step in range(8):
            heading += rng.normal(0, 0.15)
            step = rng.uniform(400, 850)
            xy.append((xy[-1][0] + step * np.cos(heading), xy[-1][1] + step * np.sin(heading)))
        faults.append(shapely.LineString(xy))
    path = folder / "faults_500.gpkg"
    write_geopackage(path, [Table("faults", [("name", str)], [(f"F{i}",) for i in range(n_faults)], faults, "LINESTRING", 4548)])
    return f"{path}|layername=faults"


def _case(size, out: Path, city: Path, faults: str, flood: str = ""):
    from qgis.core import QgsVectorLayer

    layer = lambda t: f"{city}|layername={t}"  # noqa: E731
    params = {
        "NETWORK": layer("walking_network"),
        "UNITS": layer("street_units"),
        "POPULATION_FIELD": "population",
        "UNIT_NAME_FIELD": "name",
        "FACILITIES": layer("facilities"),
        "CATEGORY_FIELD": "category",
        "FAULTS": faults,
        "FAULT_NAME_FIELD": "name",
        "UNITS_OUT": str(out / f"{size}_units.gpkg"),
        "FAILED": str(out / f"{size}_failed.gpkg"),
    }
    if flood:
        params.update({"FLOOD_ZONES": flood, "FLOOD_CLASS_FIELD": "risk_class", "FLOOD_MIN_CLASS": 1})

    def ours(rank):
        p = dict(params, RANK=rank)
        if rank:
            p["CRITICAL"] = str(out / f"{size}_critical.gpkg")
        for key in ("UNITS_OUT", "FAILED", "CRITICAL"):
            if key in p and os.path.exists(p[key]):
                os.remove(p[key])
        return run("resilience:corridorfailure", p)

    scenario = timed(lambda: ours(False), 1 if size == "beijing" else 3)
    ranked = timed(lambda: ours(True), 1 if size == "beijing" else 3)
    print(
        f"{size:<8} ours: scenario {scenario:.2f} s, with the ranking {ranked:.2f} s (peak {peak_mb():.0f} MB); the native chains follow",
        flush=True,
    )
    units = QgsVectorLayer(layer("street_units"), "u", "ogr")
    n_units = units.featureCount()
    critical = QgsVectorLayer(str(out / f"{size}_critical.gpkg"), "c", "ogr")

    # the native scenario chain: the network minus the zones, then nearest facility per unit and category, before
    # and after. The difference is timed on the first 5,000 edges and scaled; the shortest paths on the network
    # before, counted twice (the network after is as large)
    every = QgsVectorLayer(params["NETWORK"], "n", "ogr").featureCount()
    t = time.perf_counter()
    zones = run("native:buffer", {"INPUT": faults, "DISTANCE": 200, "SEGMENTS": 16, "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    buffered = time.perf_counter() - t
    t = time.perf_counter()
    sample = min(5000, every)
    run("native:difference", {"INPUT": f'{params["NETWORK"]}|subset="fid" <= {sample}', "OVERLAY": zones, "OUTPUT": "memory:"})
    prepare = buffered + (time.perf_counter() - t) * every / sample
    print(f"{size:<8} native: buffer + difference {prepare:.1f} s (est.)", flush=True)
    ends = {}
    for c in CATEGORIES:
        reproj = run(
            "native:reprojectlayer",
            {"INPUT": f"{layer('facilities')}|subset=\"category\" = '{c}'", "TARGET_CRS": "EPSG:4548", "OUTPUT": "memory:"},
        )
        ends[c] = reproj["OUTPUT"]
    points = [f.geometry().pointOnSurface().asPoint() for f in units.getFeatures()][:3]
    t = time.perf_counter()
    for p in points:
        for c in CATEGORIES:
            for net in (params["NETWORK"],):
                run(
                    "native:shortestpathpointtolayer",
                    {
                        "INPUT": net,
                        "STRATEGY": 0,
                        "START_POINT": f"{p.x()},{p.y()} [EPSG:4548]",
                        "END_POINTS": ends[c],
                        "OUTPUT": "memory:",
                    },
                )
    native_scenario = prepare + 2 * (time.perf_counter() - t) * n_units / len(points)
    _row(
        size,
        f"corridor failure: scenario, {n_units} units",
        scenario,
        native_scenario,
        "difference + shortest path x2 (est.)",
        GOAL_SCENARIO_S if size == "beijing" else None,
    )

    # the native ranking chain: per section, the network without it, then a service area from every essential
    # facility to see who is still reached; timed for one section with 20 of the facilities, and scaled
    sections = critical.featureCount()
    n_fac = sum(e.featureCount() for e in ends.values())
    some = run("native:extractbyexpression", {"INPUT": ends["hospital"], "EXPRESSION": "$id <= 20", "OUTPUT": "memory:"})["OUTPUT"]
    t = time.perf_counter()
    without = run("native:extractbyexpression", {"INPUT": params["NETWORK"], "EXPRESSION": "$id <> 1", "OUTPUT": "memory:"})["OUTPUT"]
    extract = time.perf_counter() - t
    t = time.perf_counter()
    run(
        "native:serviceareafromlayer",
        {"INPUT": without, "STRATEGY": 0, "START_POINTS": some, "TRAVEL_COST2": 1e7, "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"},
    )
    per_start = (time.perf_counter() - t) / max(some.featureCount(), 1)
    native_rank = every * (extract + per_start * n_fac)
    _row(
        size,
        f"corridor failure: + ranking of all {every:,} edges ({sections:,} listed)",
        ranked,
        native_rank,
        f"per edge: extract + service area from {n_fac:,} (est.)",
        GOAL_RANKING_S if size == "beijing" else None,
    )


def bench_failure(out: Path, sizes=("sample", "beijing")) -> None:
    print(f"{'size':<8} {'work':<58} {'ours':>10} {'native':>14}  {'ratio':>9}")
    if "sample" in sizes:
        from resilience_plugin.core.paths import sample_city_path

        city = sample_city_path()
        _case("sample", out, city, f"{city}|layername=faults", f"{city}|layername=flood_zones")
    if "beijing" in sizes:
        from resilience_plugin.core.samplecity import BEIJING_SCALE, write_sample_city

        city = out / "beijing_scale.gpkg"
        if not city.exists():
            write_sample_city(city, scale=BEIJING_SCALE)
        _case("beijing", out, city, _faults_case(out, city))


if __name__ == "__main__":
    from resilience_plugin.processing.standalone import start_qgis

    app = start_qgis()
    bench_failure(Path(tempfile.mkdtemp(prefix="rp-failure-")), tuple(sys.argv[1:]) or ("sample", "beijing"))
    app.exitQgis()
