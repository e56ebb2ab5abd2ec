"""The synthetic cities the bench builds (street grids, Beijing-scale networks with facilities, faults): shared by
run.py and speed.py."""

from pathlib import Path

BENCH_CATEGORIES = (
    "fire_station",
    "police_station",
    "clinic",
    "hospital",
    "supermarket",
    "vegetable_market",
    "pharmacy",
    "school",
    "park",
    "emergency_shelter",
)


def city_case(folder: Path, edges_target=100_000, n_comm=2000, n_fac=50_000, seed=7):
    """A generated city: a jittered, noded 100 m street lattice, communities and facilities (EPSG:4548)."""
    import numpy as np
    import shapely

    from resilience_plugin.core.gpkg import Table, write_geopackage

    rng = np.random.RandomState(seed)
    nx, ny = 320, 160  # 320 x 159 + 160 x 319 = 101,920 edges
    x0, y0, s = 440_000.0, 4_400_000.0, 100.0
    X = x0 + np.arange(nx)[:, None] * s + rng.normal(0, 12, (nx, ny))
    Y = y0 + np.arange(ny)[None, :] * s + rng.normal(0, 12, (nx, ny))
    lines = [shapely.linestrings([[X[i, j], Y[i, j]], [X[i + 1, j], Y[i + 1, j]]]) for i in range(nx - 1) for j in range(ny)]
    lines += [shapely.linestrings([[X[i, j], Y[i, j]], [X[i, j + 1], Y[i, j + 1]]]) for i in range(nx) for j in range(ny - 1)]
    span_x, span_y = (nx - 1) * s, (ny - 1) * s
    comm = shapely.points(x0 + rng.uniform(0, span_x, n_comm), y0 + rng.uniform(0, span_y, n_comm))
    fac = shapely.points(x0 + rng.uniform(0, span_x, n_fac), y0 + rng.uniform(0, span_y, n_fac))
    cats = list(BENCH_CATEGORIES)
    path = folder / "city.gpkg"
    write_geopackage(
        path,
        [
            Table("network", [("kind", str)], [("street",)] * len(lines), lines, "LINESTRING", 4548),
            Table("communities", [("cid", int), ("population", int)], [(i, 3000) for i in range(n_comm)], list(comm), "POINT", 4548),
            Table(
                "facilities",
                [("category", str), ("shelter_area_m2", float)],
                [(cats[i % 10], 1000.0) for i in range(n_fac)],
                list(fac),
                "POINT",
                4548,
            ),
        ],
    )
    big = shapely.points(x0 + rng.uniform(0, span_x, 10_000), y0 + rng.uniform(0, span_y, 10_000))
    write_geopackage(
        folder / "many.gpkg",
        [
            Table("communities", [("cid", int), ("population", int)], [(i, 3000) for i in range(10_000)], list(big), "POINT", 4548),
        ],
    )
    return path, len(lines)


def corridor_case(folder: Path, n_faults=500, seed=11, dense=False):
    """A Beijing-sized case (EPSG:4548): 50,000 corridor segments, one feature each, on a jittered 630 m lattice
    over 100 km x 100 km (about the plain of Beijing), and 500 active-fault segments of about 5 km, winding.
    That is 0.25 km of fault per km², so about a tenth of the area lies in a 200 m avoidance zone.

    ``dense``: the same counts on a 200 m lattice over 32 km x 32 km with 7 km faults, so that most of the
    city lies in some zone and the outputs are eight times larger (85,000 exposed sections)."""
    import numpy as np
    import shapely

    from resilience_plugin.core.gpkg import Table, write_geopackage

    rng = np.random.RandomState(seed)
    nx, ny = 159, 158  # 158 x 158 + 159 x 157 = 49,927 segments
    x0, y0, s = 400_000.0, 4_380_000.0, 200.0 if dense else 630.0
    X = x0 + np.arange(nx)[:, None] * s + rng.normal(0, s / 10, (nx, ny))
    Y = y0 + np.arange(ny)[None, :] * s + rng.normal(0, s / 10, (nx, ny))
    segs = [((X[i, j], Y[i, j]), (X[i + 1, j], Y[i + 1, j])) for i in range(nx - 1) for j in range(ny)]
    segs += [((X[i, j], Y[i, j]), (X[i, j + 1], Y[i, j + 1])) for i in range(nx) for j in range(ny - 1)]
    corridors = list(shapely.linestrings(np.array(segs)))
    grades = [str(1 + (i % 3)) for i in range(len(corridors))]
    faults = []
    span = (nx - 1) * s
    for _ in range(n_faults):
        heading = rng.uniform(0, np.pi)
        xy = [(x0 + rng.uniform(0, span), y0 + rng.uniform(0, span))]
        for _step in range(12 if dense else 8):
            heading += rng.normal(0, 0.15)
            step = rng.uniform(300, 900) if dense else rng.uniform(400, 850)
            xy.append((xy[-1][0] + step * np.cos(heading), xy[-1][1] + step * np.sin(heading)))
        faults.append(shapely.LineString(xy))
    path = folder / ("corridors_dense.gpkg" if dense else "corridors.gpkg")
    write_geopackage(
        path,
        [
            Table(
                "corridors", [("name", str), ("grade", str)], [(f"C{i}", g) for i, g in enumerate(grades)], corridors, "LINESTRING", 4548
            ),
            Table("faults", [("name", str)], [(f"F{i}",) for i in range(n_faults)], faults, "LINESTRING", 4548),
        ],
    )
    return path, len(corridors)
