"""One algorithm at Beijing scale, in a process of its own, so that its peak memory is its own (`make bench`).

    python bench/scale.py ALGORITHM CITY.gpkg WORKDIR ['{"PARAMETER": value or null}']

Runs the algorithm's demo parameters on CITY (made by ``samplecity --scale beijing``); inputs that come from
another algorithm are read from WORKDIR/made.json, where this run also records its outputs. The optional JSON
replaces parameters (null leaves one out). Then runs it again
and cancels it half-way. Prints one JSON line: wall time, peak memory above the process's baseline, the longest
stretch without a cancel check, how long the cancelled run took to stop, whether it left anything behind, and
whether progress rose steadily to 100.
"""

import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: ru_maxrss would include the parent's, carried over the fork)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024


def main(name: str, city: str, workdir: str, overrides: str = "{}") -> int:
    from bench.common import rss_mb
    from resilience_plugin.processing.standalone import start_qgis

    app = start_qgis()
    from qgis import processing
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    from resilience_plugin.demo.run import with_demo_inputs
    from tests.helpers import Probe, destinations

    work = Path(workdir)
    made_file = work / "made.json"
    made = json.loads(made_file.read_text()) if made_file.exists() else {}
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    params = with_demo_inputs(alg.demo_parameters(city), made)
    for key, value in json.loads(overrides).items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value

    def run(feedback, folder):
        folder.mkdir(parents=True, exist_ok=True)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(f"resilience:{name}", {**params, **destinations(name, folder)}, context=context, feedback=feedback)

    sizes = {}  # features of each layer input (a list of layers counts together)
    for key, value in params.items():
        count = 0
        for source in value if isinstance(value, list) else [value]:
            if isinstance(source, str) and ("layername=" in source or source.endswith(".gpkg")):
                layer = QgsVectorLayer(source, key, "ogr")
                count += layer.featureCount() if layer.isValid() else 0
                del layer
        if count:
            sizes[key] = count

    baseline = rss_mb()
    probe = Probe()
    start = time.perf_counter()
    result = run(probe, work / name)
    end = time.perf_counter()
    elapsed = end - start
    peak = peak_mb() - baseline
    stamps = [start] + probe.checks + [end]
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    gap = max(gaps)
    places = ["start"] + probe.where + ["end"]
    longest = gaps.index(gap)
    gap_between = f"{places[longest]} .. {places[longest + 1]}"
    for d in alg.destinationParameterDefinitions():
        if d.name() in result and isinstance(result[d.name()], str):
            made[f"{name}:{d.name()}"] = result[d.name()]
    if overrides == "{}":  # a variant's outputs do not feed later algorithms
        made_file.write_text(json.dumps(made))

    # cancelled half-way, from another thread, as the Processing dialog's Cancel button does
    cancel_folder = work / f"{name}_cancelled"
    feedback = QgsProcessingFeedback()
    when = {}

    def press():
        when["cancel"] = time.perf_counter()
        feedback.cancel()

    timer = threading.Timer(elapsed / 2, press)
    message = ""
    timer.start()
    try:
        got = run(feedback, cancel_folder)
        message = "cancelled, no results" if feedback.isCanceled() and not got else "finished before the cancel"
    except QgsProcessingException as exc:
        message = str(exc)
    stopped = time.perf_counter()
    timer.cancel()
    latency = stopped - when["cancel"] if "cancel" in when else None
    left = sorted(p.name for p in cancel_folder.iterdir())
    print(
        json.dumps(
            {
                "algorithm": name,
                "memory_estimate_mb": round(alg.memory_estimate_mb(alg.input_sizes(params, QgsProcessingContext())), 1),
                "memory_ceiling_mb": alg.MEMORY_CEILING_MB,
                "inputs": sizes,
                "seconds": round(elapsed, 2),
                "peak_mb": round(peak, 1),
                "baseline_mb": round(baseline, 1),
                "checks": len(probe.checks),
                "longest_gap_s": round(gap, 3),
                "longest_gap_between": gap_between,
                "cancel_latency_s": None if latency is None else round(latency, 3),
                "cancel_message": message,
                "left_after_cancel": left,
                "progress_steady": probe.progress_steady,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
