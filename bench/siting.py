"""Facility siting (issue 18) against PySAL spopt's `locate` models (PuLP + CBC), on the same instances
(`make bench`, or `make bench-siting` alone):

    python bench/siting.py [sample] [beijing]

- **sample**: the sample city's 3,186 communities and its 2,609 schools, parks, stadiums and hotels as candidates,
  1,000 m: coverage (20 sites) and set cover; p-median (10 sites, no distance cap) on 600 communities and 300
  candidates, since spopt's p-median takes every pair;
- **beijing**: the sample city generated at Beijing scale (7,008 communities), 5,000 of its facilities as candidates,
  coverage with 50 sites at 1,000 m, straight-line and along the 200,000-edge walking network.

Ours is ``core.siting.site`` (distances included); spopt gets the same demand-to-candidate distances as a cost
matrix made before its clock starts, and runs in .venv-bench (``RP_PEER_PYTHON``). Both must reach the same
objective. Goals: the proven optimum at Beijing scale in under 60 s straight-line and 3 minutes along the network,
and at least 5x spopt at the same optimum.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 5.0
GOAL_SECONDS = {"straight-line": 60.0, "network": 180.0}


def _points(path, table, fields, to_metres):
    import shapely

    from resilience_plugin.core.gpkg import read_features

    read = read_features(path, table, fields)
    geoms = shapely.from_wkb(read.wkb)
    if to_metres is not None:
        geoms = shapely.transform(geoms, lambda xy: np.column_stack(to_metres.transform(xy[:, 0], xy[:, 1])))
    return geoms, read.rows


def _peer(out: Path, name, pairs, w, m, distance, p, model):
    """spopt on the instance (None without the bench environment, or when it fails: said)."""
    peer_python = os.environ.get("RP_PEER_PYTHON", "")
    if not peer_python:
        return None
    path = out / f"siting_{name}.npz"
    np.savez(path, i=pairs.i, j=pairs.j, d=pairs.d, w=w, m=m, distance=distance, p=p)
    answer = out / f"siting_{name}.json"
    try:
        subprocess.run(
            [peer_python, str(ROOT / "bench" / "siting_peer.py"), str(path), model, str(answer)],
            check=True,
            timeout=3600,
            capture_output=True,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"siting {name}: spopt failed: {exc}", flush=True)
        return None
    return json.loads(answer.read_text())


def _row(name, model, result, seconds, peer, method="straight-line"):
    from bench.common import peak_mb

    objective = result.objective
    proof = "optimal" if result.optimal else f"gap {result.gap:.2%}"
    text = f"siting {name:<44} {model:<10} ours {seconds:7.2f} s  objective {objective:,.1f} ({proof})"
    goal = GOAL_SECONDS.get(method) if name.startswith("Beijing") else None
    if goal:
        text += f"  (goal < {goal:g} s: {'meets' if seconds < goal and result.optimal else 'BELOW'})"
    if peer is not None:
        same = abs(peer["objective"] - objective) <= 1e-6 * max(1.0, abs(objective))
        ratio = peer["seconds"] / seconds
        text += (
            f"  spopt {peer['seconds']:8.2f} s objective {peer['objective']:,.1f} ({'same' if same else 'DIFFERENT'})"
            f"  {ratio:6.1f}x (goal >= {GOAL_RATIO:g}x: {'meets' if ratio >= GOAL_RATIO and same else 'BELOW'})"
        )
    print(f"{text}  peak {peak_mb():7.0f} MB", flush=True)


def _case(out, name, demand, w, candidates, model, count, distance, network=None, method="straight-line", peer_pairs=None):
    from resilience_plugin.core.siting import site

    t = time.perf_counter()
    result = site(demand, w, candidates, model, count, distance, network=network, snap_tolerance=100.0, time_limit=600.0)
    seconds = time.perf_counter() - t
    pairs = peer_pairs
    if pairs is None:
        import shapely

        from resilience_plugin.core.siting import straight_pairs

        pairs = straight_pairs(
            shapely.get_coordinates(demand), shapely.get_coordinates(candidates), distance if model != "p_median" else np.inf
        )
    if model == "set_cover":  # spopt's set cover has no answer while some demand is out of every candidate's reach
        reach = np.zeros(len(w), dtype=bool)
        reach[pairs.i[pairs.d <= distance]] = True
        keep = np.nonzero(reach & (w > 0))[0]
        index = np.full(len(w), -1)
        index[keep] = np.arange(len(keep))
        sel = reach[pairs.i] & (w[pairs.i] > 0)
        from resilience_plugin.core.siting import Pairs

        pairs, w = Pairs(index[pairs.i[sel]], pairs.j[sel], pairs.d[sel]), w[keep]
    peer = _peer(
        out, name.replace(" ", "_").replace(",", ""), pairs, w, len(candidates), distance if np.isfinite(distance) else 1e12, count, model
    )
    _row(name, model, result, seconds, peer, method)
    return result


def bench_siting(out: Path, sizes=("sample", "beijing")) -> None:
    from pyproj import Transformer

    to_metres = Transformer.from_crs("EPSG:4326", "EPSG:4548", always_xy=True)
    if "sample" in sizes:
        from resilience_plugin.core.paths import sample_city_path

        city = sample_city_path()
        demand, rows = _points(city, "communities", ["population"], None)
        w = np.array([r[0] or 0 for r in rows], dtype=float)
        facilities, f_rows = _points(city, "facilities", ["category"], to_metres)
        cand = facilities[np.isin([r[0] for r in f_rows], ["school", "park", "stadium", "hotel"])]
        label = f"sample city, {len(demand):,} x {len(cand):,}, 1,000 m"
        _case(out, label, demand, w, cand, "coverage", 20, 1000.0)
        _case(out, label, demand, w, cand, "set_cover", 0, 1000.0)
        rng = np.random.default_rng(1)
        d_sub, c_sub = np.sort(rng.choice(len(demand), 600, replace=False)), np.sort(rng.choice(len(cand), 300, replace=False))
        _case(out, "sample city, 600 x 300, every pair", demand[d_sub], w[d_sub], cand[c_sub], "p_median", 10, 1000.0)
    if "beijing" in sizes:
        from resilience_plugin.core.network import WalkingNetwork
        from resilience_plugin.core.samplecity import BEIJING_SCALE, write_sample_city
        from resilience_plugin.core.siting import Pairs

        city = out / "beijing_scale.gpkg"
        if not city.exists():
            write_sample_city(city, scale=BEIJING_SCALE)
        demand, rows = _points(city, "communities", ["population"], None)
        w = np.array([r[0] or 0 for r in rows], dtype=float)
        facilities, _f = _points(city, "facilities", [], to_metres)
        rng = np.random.default_rng(2)
        cand = facilities[np.sort(rng.choice(len(facilities), 5000, replace=False))]
        label = f"Beijing scale, {len(demand):,} x {len(cand):,}, 1,000 m"
        _case(out, label, demand, w, cand, "coverage", 50, 1000.0)
        lines, _r = _points(city, "walking_network", [], None)
        # the peer gets the same distances along the network as ours measures
        walk, _built = WalkingNetwork.from_lines(lines)
        a, b, d = walk.point_distances(cand, demand, 1000.0, 100.0)
        pairs = Pairs(b, a, d)
        _case(out, label + ", network", demand, w, cand, "coverage", 50, 1000.0, network=lines, method="network", peer_pairs=pairs)


if __name__ == "__main__":
    bench_siting(Path(tempfile.mkdtemp(prefix="rp-siting-")), tuple(sys.argv[1:]) or ("sample", "beijing"))
