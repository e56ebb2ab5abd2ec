"""The speed goals of issue 17, at three sizes, each against its native QGIS peer in the same run (`make bench`, or
`make bench-speed` alone).

    python bench/speed.py [small|medium|beijing ...]

Sizes:

- **small**: network life circles on a 100 x 100 street grid (19,800 edges) for 100 communities at 1,500 m;
  straight-line life circles for 10,000 communities and 50,000 facilities in 10 categories; the fault register
  on 50,000 corridor segments and 500 faults (Beijing-like, and the dense stress case);
- **medium**: network life circles for 2,000 communities on a 100,000-edge street lattice; straight-line life
  circles for the same 2,000 communities and 50,000 facilities;
- **beijing**: the sample city generated at Beijing scale (`samplecity --scale beijing`: 7,000 communities, a
  200,000-edge walking network, 50,000 facilities): network and straight-line life circles.

Each row: our time (median of 3, the algorithm through Processing, writing a GeoPackage), the peer's, the ratio
peer/ours (above 1: we are faster), the goal, and this process's peak memory. Native peers:

- straight-line: ``native:buffer`` (16 segments) then ``native:countpointsinpolygon`` once per category;
- network: ``native:serviceareafromlayer`` (lines only), and the chain a QGIS user needs for catchment polygons:
  service area + ``native:buffer`` + ``native:dissolve`` by community. The buffer and dissolve are timed on the
  first 50 communities' lines and scaled to all of them (the work is per community; the whole chain takes hours
  at the larger sizes);
- fault register: ``native:lineintersections`` + ``native:buffer`` + ``native:clip``.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import peak_mb, run, timed  # noqa: E402,F401 (median of repeated runs, as make bench times)

GOALS = {"straight": 30.0, "chain": 20.0, "lines": 1.0, "faults": 15.0, "dense": 10.0}


def row(size, work, ours, peer, peer_name, goal):
    ratio = peer / ours if ours > 0 else float("inf")
    verdict = "meets" if ratio >= goal else "BELOW"
    print(
        f"{size:<8} {work:<62} {ours:8.2f} s {peer:9.2f} s  {ratio:6.1f}x  (goal >= {goal:g}x: {verdict})  "
        f"{peer_name:<34} peak {peak_mb():7.0f} MB",
        flush=True,
    )


def grid_case(folder: Path, n=100, spacing=100.0, n_comm=100, seed=3):
    """A regular n x n street grid (2 n (n - 1) edges, one feature each) and communities spread over it."""
    import numpy as np
    import shapely

    from resilience_plugin.core.gpkg import Table, write_geopackage

    rng = np.random.RandomState(seed)
    x0, y0 = 440_000.0, 4_400_000.0
    xs = x0 + np.arange(n) * spacing
    ys = y0 + np.arange(n) * spacing
    segs = [((xs[i], ys[j]), (xs[i + 1], ys[j])) for i in range(n - 1) for j in range(n)]
    segs += [((xs[i], ys[j]), (xs[i], ys[j + 1])) for i in range(n) for j in range(n - 1)]
    lines = list(shapely.linestrings(np.array(segs)))
    span = (n - 1) * spacing
    comm = shapely.points(x0 + rng.uniform(0, span, n_comm), y0 + rng.uniform(0, span, n_comm))
    path = folder / "grid.gpkg"
    write_geopackage(
        path,
        [
            Table("network", [("kind", str)], [("street",)] * len(lines), lines, "LINESTRING", 4548),
            Table("communities", [("cid", int), ("population", int)], [(i, 3000) for i in range(n_comm)], list(comm), "POINT", 4548),
        ],
    )
    return f"{path}|layername=network", f"{path}|layername=communities", len(lines)


def network_rows(size, out: Path, net: str, comm: str, id_field: str, label: str, repeat=3):
    """Our network life circles against native service-area lines and the estimated native polygon chain."""
    from qgis.core import QgsVectorLayer

    ours = timed(
        lambda: run("resilience:lifecircles", {"INPUT": comm, "NETWORK": net, "DISTANCE": 1500, "OUTPUT": str(out / "nl.gpkg")}), repeat
    )
    t = time.perf_counter()
    sa = run(
        "native:serviceareafromlayer",
        {
            "INPUT": net,
            "STRATEGY": 0,
            "START_POINTS": comm,
            "TRAVEL_COST2": 1500,
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": str(out / "sa.gpkg"),
        },
    )
    native_sa = time.perf_counter() - t
    row(size, f"lifecircles network: {label}", ours, native_sa, "native service area (lines only)", GOALS["lines"])
    n_comm = QgsVectorLayer(comm, "c", "ogr").featureCount()
    sample = min(50, n_comm)
    ids = sorted({f[id_field] for f in QgsVectorLayer(comm, "c", "ogr").getFeatures()})[:sample]
    expression = f'"{id_field}" IN ({",".join(repr(v) for v in ids)})'
    t = time.perf_counter()
    part = run("native:extractbyexpression", {"INPUT": sa["OUTPUT_LINES"], "EXPRESSION": expression, "OUTPUT": "memory:"})
    buf = run("native:buffer", {"INPUT": part["OUTPUT"], "DISTANCE": 50, "SEGMENTS": 4, "OUTPUT": "memory:"})
    run("native:dissolve", {"INPUT": buf["OUTPUT"], "FIELD": [id_field], "OUTPUT": "memory:"})
    chain = native_sa + (n_comm / sample) * (time.perf_counter() - t)
    row(size, f"lifecircles network: {label}", ours, chain, "native SA + buffer + dissolve (est.)", GOALS["chain"])


def straight_rows(size, out: Path, comm: str, fac: str, category: str, categories, label: str):
    def native():
        polys = run("native:buffer", {"INPUT": comm, "DISTANCE": 1000, "SEGMENTS": 16, "OUTPUT": "memory:"})["OUTPUT"]
        for cat in categories:
            pts = run("native:extractbyattribute", {"INPUT": fac, "FIELD": category, "OPERATOR": 0, "VALUE": cat, "OUTPUT": "memory:"})
            polys = run(
                "native:countpointsinpolygon", {"POLYGONS": polys, "POINTS": pts["OUTPUT"], "FIELD": f"n_{cat}"[:10], "OUTPUT": "memory:"}
            )["OUTPUT"]
        return polys

    params = {"INPUT": comm, "FACILITIES": fac, "CATEGORY_FIELD": category, "DISTANCE": 1000, "OUTPUT": str(out / "sl.gpkg")}
    ours = timed(lambda: run("resilience:lifecircles", params))
    peer = min(timed(native, 1) for _ in range(2))
    row(size, f"lifecircles straight-line: {label}", ours, peer, f"native buffer + count x{len(categories)}", GOALS["straight"])


def fault_rows(size, out: Path, dense: bool):
    from bench.cases import corridor_case

    path, n = corridor_case(out, dense=dense)
    corridors, faults = f"{path}|layername=corridors", f"{path}|layername=faults"
    params = {"CORRIDORS": corridors, "FAULTS": faults, "CROSSINGS": str(out / "fx.gpkg"), "EXPOSED": str(out / "fx_exposed.gpkg")}
    ours = timed(lambda: run("resilience:faultcrossings", params))

    def native():
        run("native:lineintersections", {"INPUT": corridors, "INTERSECT": faults, "OUTPUT": str(out / "nx.gpkg")})
        zones = run("native:buffer", {"INPUT": faults, "DISTANCE": 200, "SEGMENTS": 16, "OUTPUT": "memory:"})["OUTPUT"]
        run("native:clip", {"INPUT": corridors, "OVERLAY": zones, "OUTPUT": str(out / "nclip.gpkg")})

    peer = timed(native, 1)
    label = "dense stress case (85,000 sections)" if dense else "Beijing-like"
    row(
        size,
        f"faultcrossings: {n:,} segments x 500 faults, {label}",
        ours,
        peer,
        "native intersections + buffer + clip",
        GOALS["dense" if dense else "faults"],
    )


def bench_speed(out: Path, sizes=("small", "medium", "beijing")) -> None:
    from bench.cases import BENCH_CATEGORIES, city_case

    print(f"{'size':<8} {'work':<62} {'ours':>10} {'peer':>11}  {'ratio':>6}  goal", flush=True)
    if "small" in sizes:
        net, comm, n_edges = grid_case(out)
        network_rows("small", out, net, comm, "cid", f"{n_edges:,}-edge grid, 100 communities, 1,500 m")
    if "small" in sizes or "medium" in sizes:
        path, n_edges = city_case(out)
        fac = f"{path}|layername=facilities"
        if "small" in sizes:
            many = f"{out / 'many.gpkg'}|layername=communities"
            straight_rows("small", out, many, fac, "category", BENCH_CATEGORIES, "10,000 communities, 50,000 facilities")
            fault_rows("small", out, dense=False)
            fault_rows("small", out, dense=True)
        if "medium" in sizes:
            comm = f"{path}|layername=communities"
            network_rows("medium", out, f"{path}|layername=network", comm, "cid", f"{n_edges:,} edges, 2,000 communities, 1,500 m", 1)
            straight_rows("medium", out, comm, fac, "category", BENCH_CATEGORIES, "2,000 communities, 50,000 facilities")
    if "beijing" in sizes:
        from qgis.core import QgsVectorLayer

        from resilience_plugin.core.samplecity import BEIJING_SCALE, write_sample_city

        city = out / "beijing_scale.gpkg"
        write_sample_city(city, scale=BEIJING_SCALE)
        comm, net, fac = (f"{city}|layername={t}" for t in ("communities", "walking_network", "facilities"))
        n_comm = QgsVectorLayer(comm, "c", "ogr").featureCount()
        n_edges = QgsVectorLayer(net, "n", "ogr").featureCount()
        n_fac = QgsVectorLayer(fac, "f", "ogr").featureCount()
        categories = sorted({f["category"] for f in QgsVectorLayer(fac, "f", "ogr").getFeatures()})
        network_rows("beijing", out, net, comm, "code", f"{n_edges:,} edges, {n_comm:,} communities, 1,500 m", 1)
        straight_rows("beijing", out, comm, fac, "category", categories, f"{n_comm:,} communities, {n_fac:,} facilities")


if __name__ == "__main__":
    from resilience_plugin.processing.standalone import start_qgis

    app = start_qgis()
    bench_speed(Path(tempfile.mkdtemp(prefix="rp-speed-")), tuple(sys.argv[1:]) or ("small", "medium", "beijing"))
    app.exitQgis()
