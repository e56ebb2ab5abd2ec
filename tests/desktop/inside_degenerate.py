"""Runs inside the real QGIS desktop (tests/desktop/test_desktop.py): every algorithm with a layer input, fed a copy of
its main input in which every third feature is degenerate (a one-vertex line, a ring of three points, a NaN
coordinate, zero length or area), under each of Processing's invalid-feature settings; then every algorithm on the
plain sample city, and three more runs of the fault register. Each run goes as the Processing dialog runs it:
through a background task, or on the main thread for an algorithm that asks for it (the report). On QGIS 3.22, a run
refused by QGIS's own invalid-geometry check used to corrupt the interpreter, and the runs after it failed or crashed
QGIS (issue 15). Findings go to $RP_OUT/degenerate.json."""

import json
import os
import sys
import traceback
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFeatureRequest,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QTimer

sys.path.insert(0, os.environ["RP_REPO"])  # the repository, for tests.degenerate (QGIS runs this file without __file__)
from tests.degenerate import make_degenerate  # noqa: E402

OUT = Path(os.environ["RP_OUT"])
result = {"runs": [], "log": []}
QgsApplication.messageLog().messageReceived.connect(lambda m, t, lvl: result["log"].append([t, int(lvl), m[:400]]))
KEEP = []  # tasks and their context and feedback live until they report
SETTINGS = {
    "stop": QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid,
    "skip": QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid,
    "nocheck": QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck,
}


def save():
    (OUT / "degenerate.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def finish(code=0):
    save()
    QgsProject.instance().clear()
    QgsApplication.exit(code)


def degenerate_copy(path: str) -> QgsVectorLayer:
    source = QgsVectorLayer(path, "source", "ogr")
    kind = source.geometryType()
    wkb = QgsWkbTypes.displayString(source.wkbType())
    layer = QgsVectorLayer(f"{wkb}?crs={source.crs().authid()}", "退化 degenerate", "memory")
    layer.dataProvider().addAttributes(source.fields().toList())
    layer.updateFields()
    feats = [QgsFeature(f) for _i, f in zip(range(60), source.getFeatures())]
    make_degenerate(feats, kind, QgsWkbTypes.isMultiType(source.wkbType()))
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    return layer


def plan():
    """(label, algorithm id, parameters, setting) of every run, in order."""
    from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer

    from resilience_plugin.demo.run import _in_dependency_order, demo_reference, with_demo_inputs
    from resilience_plugin.processing.provider import ALGORITHMS
    from resilience_plugin.qgisside.sample import working_copy

    sample = str(working_copy())
    runs, normal = [], []
    produced = {}
    for cls in _in_dependency_order(ALGORITHMS, sample):
        alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{cls().name()}")
        demo = cls().demo_parameters(sample)
        main = next(
            (
                p.name()
                for p in alg.parameterDefinitions()
                if isinstance(p, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)) and p.name() in demo
            ),
            None,
        )
        if alg.name() == "corridorfailure":  # degenerate units on the whole network: 60 roads leave most facilities off it
            main = "UNITS"
        outputs = {d.name(): "TEMPORARY_OUTPUT" for d in alg.destinationParameterDefinitions() if d.type() != "fileDestination"}
        outputs.update(
            {
                d.name(): str(OUT / f"{alg.name()}_{d.name()}.{d.defaultFileExtension()}")
                for d in alg.destinationParameterDefinitions()
                if d.type() == "fileDestination"
            }
        )
        references = {demo_reference(v) for v in demo.values() if demo_reference(v)}
        for reference in references:  # an input made by another algorithm: made once, before
            if reference not in produced:
                from qgis import processing

                producer, output = reference.split(":")
                made = processing.run(
                    f"resilience:{producer}", {**with_demo_inputs(_demo(producer, sample), produced), **_outputs(producer)}
                )
                produced[reference] = made[output]
        params = {**with_demo_inputs(demo, produced), **outputs}
        normal.append((f"{alg.name()} normal", alg.id(), params, "stop"))
        if main is None or not isinstance(params.get(main), str):
            continue
        bad = degenerate_copy(params[main])  # a layer of the sample city, or one another algorithm made
        for setting in SETTINGS:
            runs.append((f"{alg.name()} degenerate {setting}", alg.id(), {**params, main: bad.id()}, setting))
    fx = next(n for n in normal if n[1] == "resilience:faultcrossings")
    return runs + normal + [fx, fx, fx]


def _demo(name, sample):
    from resilience_plugin.processing.provider import ALGORITHMS

    return next(c for c in ALGORITHMS if c().name() == name)().demo_parameters(sample)


def _outputs(name):
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    return {
        d.name(): str(OUT / f"made_{name}_{d.name()}.gpkg") for d in alg.destinationParameterDefinitions() if d.type() != "fileDestination"
    }


QUEUE = []


def next_run():
    try:
        if not QUEUE:
            result["done"] = True
            finish(0)
            return
        label, alg_id, params, setting = QUEUE.pop(0)
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck(SETTINGS[setting])
        feedback = QgsProcessingFeedback()

        def done(ok, results, label=label):
            result["runs"].append({"run": label, "ok": bool(ok), "outputs": sorted(results or {})})
            save()
            QTimer.singleShot(200, next_run)

        from resilience_plugin.qgisside.compat import ALG_FLAG_NO_THREADING

        if alg.flags() & ALG_FLAG_NO_THREADING:
            # as the Processing dialog does: an algorithm that must not leave the main thread (the atlas report: QGIS
            # draws print layouts there) runs on it, not in a background task. Run in a task, QGIS 3.40 once
            # aborted with heap corruption in the layout export.
            KEEP.append((alg, context, feedback))
            try:
                results, ok = alg.run(params, context, feedback)
            except Exception:  # a refusal (QgsProcessingException) is an outcome here, as a failed task is
                results, ok = {}, False
            done(ok, results)
            return
        task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        KEEP.append((alg, context, feedback, task))
        task.executed.connect(done)
        QgsApplication.taskManager().addTask(task)
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


def first():
    try:
        QUEUE.extend(plan())
        result["planned"] = len(QUEUE)
        save()
        next_run()
    except Exception:
        result["error"] = traceback.format_exc()
        finish(1)


QTimer.singleShot(2000, first)
