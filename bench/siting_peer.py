"""Run PySAL spopt's location models (with PuLP and CBC) on a siting instance (in .venv-bench, never in QGIS's Python).

    python siting_peer.py INSTANCE.npz MODEL OUT.json      (MODEL: coverage, set_cover or p_median)

The instance holds the demand-to-candidate pairs within reach (i, j, d), the weights, the number of candidates, the
service distance and the number of sites. Pairs not given are out of reach (a cost of 1e9). Writes the objective,
the chosen candidates and the seconds spopt took to build and solve (the cost matrix is made before the clock starts).
"""

import json
import sys
import time
import warnings


def main() -> int:
    path, model, out = sys.argv[1], sys.argv[2], sys.argv[3]
    warnings.filterwarnings("ignore")
    import numpy as np
    import pulp
    from spopt.locate import LSCP, MCLP, PMedian

    data = np.load(path)
    n, m = len(data["w"]), int(data["m"])
    cost = np.full((n, m), 1e9)
    cost[data["i"], data["j"]] = data["d"]
    w, distance, p = data["w"], float(data["distance"]), int(data["p"])
    solver = pulp.PULP_CBC_CMD(msg=False)
    t = time.perf_counter()
    if model == "coverage":
        located = MCLP.from_cost_matrix(cost, w, distance, p_facilities=p).solve(solver)
    elif model == "set_cover":
        located = LSCP.from_cost_matrix(cost, distance).solve(solver)
    else:
        located = PMedian.from_cost_matrix(cost, w, p_facilities=p).solve(solver)
    seconds = time.perf_counter() - t
    chosen = [j for j in range(m) if len(located.fac2cli[j]) or pulp.value(located.fac_vars[j]) > 0.5]
    objective = float(pulp.value(located.problem.objective))
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"objective": objective, "chosen": chosen, "seconds": seconds, "status": pulp.LpStatus[located.problem.status]}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
