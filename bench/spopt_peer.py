"""Run PySAL spopt's SKATER and max-p on a units GeoPackage (in .venv-bench, never in QGIS's Python).

    python spopt_peer.py UNITS.gpkg LAYER K METHOD OUT.json      (METHOD: skater or maxp)

Attributes: population and the one-hot lifeline zones (columns pop, zone_*). Contiguity: rook.
Writes the labels and the seconds the solve took.
"""

import json
import sys
import time
import warnings


def main() -> int:
    path, layer, k, method, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    warnings.filterwarnings("ignore")
    import geopandas as gpd
    import numpy as np
    from libpysal.weights import Rook
    from spopt.region import MaxPHeuristic, Skater

    gdf = gpd.read_file(path, layer=layer)
    attrs = [c for c in gdf.columns if c == "pop" or c.startswith("zone_")]
    gdf[attrs] = gdf[attrs].astype(float)
    w = Rook.from_dataframe(gdf, use_index=False, silence_warnings=True)
    result = {"n": len(gdf), "islands": len(w.islands)}
    t = time.perf_counter()
    if method == "skater":
        model = Skater(gdf, w, attrs, n_clusters=k, floor=1, trace=False, islands="increase")
    else:
        # max-p finds its own number of regions from a population floor: a floor of 80 % of the mean aims near k
        model = MaxPHeuristic(gdf, w, attrs, "pop", float(gdf["pop"].sum()) / k * 0.8, top_n=2, max_iterations_construction=20)
    model.solve()
    result["seconds"] = time.perf_counter() - t
    result["labels"] = np.asarray(model.labels_).tolist()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
