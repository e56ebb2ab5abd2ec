"""Solve a transfer instance with networkx's min_cost_flow (in .venv-bench, never in QGIS's Python).

    python transfer_peer.py INSTANCE.npz OUT.json

The instance: pairs (i, j) within reach with integer costs c (seconds), integer people per piece and integer places
per shelter. The lexicographic goal (the most people placed, then the least people × seconds) as one min-cost flow:
each piece may also send its people to a sink of "no place" at a cost above any augmenting path's (the number of
nodes × the largest cost + 1), so that placing one more person always pays. Writes the people placed, the total
cost of those placed and the seconds networkx took (the graph is built before the clock starts; the best of
REPEATS runs).
"""

import json
import sys
import time

REPEATS = 3


def transfer_graph(i, j, c, people, places):
    """The instance as one networkx min-cost flow: pieces send their people to shelters (cost c) or to "no place"
    (a cost above any augmenting path's), shelters pass at most their places to the sink."""
    import networkx as nx

    g = nx.DiGraph()
    big = int((len(people) + len(places) + 2) * (int(max(c.max(), 1)) if len(c) else 1) + 1)
    for p, n in enumerate(people.tolist()):
        g.add_node(("p", p), demand=-int(n))
        g.add_edge(("p", p), "short", weight=big, capacity=int(n))
    for s, n in enumerate(places.tolist()):
        g.add_edge(("s", s), "placed", weight=0, capacity=int(n))
    for a, b, w in zip(i.tolist(), j.tolist(), c.tolist()):
        g.add_edge(("p", a), ("s", b), weight=int(w))
    g.add_edge("placed", "sink", weight=0)
    g.add_edge("short", "sink", weight=0)
    g.nodes["sink"]["demand"] = int(people.sum())
    return g


def placed_and_cost(flow, i, j, c, places):
    """(people placed, people × cost) of a networkx flow of :func:`transfer_graph`."""
    placed = sum(flow[("s", s)]["placed"] for s in range(len(places)))
    return placed, sum(flow[("p", a)][("s", b)] * w for a, b, w in zip(i.tolist(), j.tolist(), c.tolist()))


def main() -> int:
    import networkx as nx
    import numpy as np

    path, out = sys.argv[1], sys.argv[2]
    data = np.load(path)
    i, j, c = data["i"], data["j"], data["c"]
    people, places = data["people"], data["places"]
    g = transfer_graph(i, j, c, people, places)  # built before the clock starts
    seconds = float("inf")
    for _ in range(REPEATS):  # the best of a few, as the bench times our side
        t = time.perf_counter()
        flow = nx.min_cost_flow(g)
        seconds = min(seconds, time.perf_counter() - t)
    placed, cost = placed_and_cost(flow, i, j, c, places)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"placed": int(placed), "cost": int(cost), "seconds": seconds}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
