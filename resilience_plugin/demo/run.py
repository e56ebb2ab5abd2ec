"""Run every registered algorithm on the sample city and write a GeoPackage and an HTML report.

python3 -m resilience_plugin.demo OUTDIR      (``make demo`` writes to output/)
"""

import datetime
import html
import json
import sys
from pathlib import Path

from ..core.paths import plugin_version
from ..core.samplecity import METRIC_EPSG


def render_map(layers, extent_layer, path: Path, size=(1000, 1000)) -> Path:
    """Render ``layers`` (top first) to a PNG, framed on ``extent_layer``."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsMapRendererParallelJob,
        QgsMapSettings,
        QgsProject,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers(layers)
    crs = QgsCoordinateReferenceSystem(f"EPSG:{METRIC_EPSG}")
    settings.setDestinationCrs(crs)
    transform = QgsCoordinateTransform(extent_layer.crs(), crs, QgsProject.instance())
    extent = transform.transformBoundingBox(extent_layer.extent())
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(path))
    return path


def _table_html(layer, limit=12) -> str:
    names = layer.fields().names()
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    rows = []
    for i, f in enumerate(layer.getFeatures()):
        if i >= limit:
            break
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(f[n]))}</td>" for n in names) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


DEMO_PREFIX = "demo:"


def demo_reference(value) -> str:
    """ "alg:OUTPUT" when a demo parameter value takes another algorithm's output ("demo:alg:OUTPUT"), else ''."""
    text = str(value)
    return text[len(DEMO_PREFIX) :] if text.startswith(DEMO_PREFIX) else ""


def with_demo_inputs(params: dict, produced: dict) -> dict:
    """Demo parameters with each reference to another algorithm's output replaced by ``produced[reference]``."""
    return {key: produced[demo_reference(value)] if demo_reference(value) else value for key, value in params.items()}


def _in_dependency_order(classes, sample: str) -> list:
    """The algorithms by name, each after those whose outputs it takes ("demo:<alg>:<OUTPUT>" parameters)."""
    pending = sorted(classes, key=lambda c: c().name())
    done, ordered = set(), []
    while pending:
        for cls in pending:
            needs = {demo_reference(v).split(":")[0] for v in cls().demo_parameters(sample).values() if demo_reference(v)}
            if needs <= done:
                ordered.append(cls)
                done.add(cls().name())
                pending.remove(cls)
                break
        else:
            raise RuntimeError(f"demo parameters refer to outputs that no algorithm makes: {[c().name() for c in pending]}")
    return ordered


def run_demo(outdir: Path) -> Path:
    """Run every registered algorithm on a working copy of the sample city; write the GeoPackage, maps and report.html."""
    from qgis.core import QgsProject

    from ..core.profile import load_profile
    from ..qgisside.sample import working_copy

    gpkg, images = _fresh_output_dirs(outdir)
    sample = str(working_copy())  # never the shipped file: QGIS opens GeoPackages for update
    profile = load_profile()
    project = QgsProject.instance()
    by_source = _render_sample_city(project, images)
    sections = _run_all_algorithms(project, sample, outdir, gpkg, images, by_source)
    return _write_report(outdir, gpkg, sample, profile, sections)


def _fresh_output_dirs(outdir: Path):
    """``outdir`` and its images folder, made if missing, with no demo GeoPackage left from before: (gpkg, images)."""
    outdir.mkdir(parents=True, exist_ok=True)
    gpkg = outdir / "resilience_demo.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    images = outdir / "images"
    images.mkdir(exist_ok=True)
    return gpkg, images


def _render_sample_city(project, images: Path) -> dict:
    """Load the sample city into ``project``, render its visible layers to images/sample_city.png; the layers by table."""
    from ..qgisside.sample import load_sample_city

    layers = load_sample_city(project)
    by_source = {lay.source().split("layername=")[-1]: lay for lay in layers}
    root = project.layerTreeRoot()
    visible = [lay for lay in layers if root.findLayer(lay.id()).isVisible()]
    render_map(visible, by_source["districts"], images / "sample_city.png")
    return by_source


def _run_all_algorithms(project, sample: str, outdir: Path, gpkg: Path, images: Path, by_source: dict) -> list:
    """Run every algorithm of the provider in dependency order; the report's HTML section of each."""
    from qgis.core import QgsApplication

    from ..processing.provider import ALGORITHMS

    provider = QgsApplication.processingRegistry().providerById("resilience")
    registered = {a.name() for a in provider.algorithms()}
    sections = []
    produced = {}  # "alg:OUTPUT" -> where the demo GeoPackage holds it, for algorithms that build on another's
    ordered = _in_dependency_order(ALGORITHMS, sample)
    for cls in ordered:
        alg = cls()
        if alg.name() not in registered:
            raise RuntimeError(f"resilience:{alg.name()} is not registered")
        sections.append(_run_one_algorithm(alg, project, sample, produced, outdir, gpkg, images, by_source))
    return sections


def _demo_destinations(registered_alg, alg_name: str, outdir: Path):
    """The algorithm's file outputs (name -> path in ``outdir``) and its other (layer) outputs' names: (files, sinks)."""
    files = {}
    for d in registered_alg.destinationParameterDefinitions():
        if d.type() == "fileDestination":
            files[d.name()] = outdir / f"{alg_name}_{d.name().lower()}.{d.defaultFileExtension() or 'html'}"
    sinks = [d.name() for d in registered_alg.destinationParameterDefinitions() if d.name() not in files]
    return files, sinks


def _run_one_algorithm(alg, project, sample: str, produced: dict, outdir: Path, gpkg: Path, images: Path, by_source: dict) -> str:
    """Run ``alg`` on its demo parameters, save its layers to the GeoPackage (noted in ``produced``); its HTML section."""
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    alg_id = f"resilience:{alg.name()}"
    params = with_demo_inputs(alg.demo_parameters(sample), produced)
    registered_alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    files, sinks = _demo_destinations(registered_alg, alg.name(), outdir)
    for name in sinks:
        params[name] = "TEMPORARY_OUTPUT"
    params.update({k: str(v) for k, v in files.items()})
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    print(f"running {alg_id} …", flush=True)
    result = processing.run(alg_id, params, context=context, feedback=feedback)
    parts = [
        f"<h2>{html.escape(alg.displayName())} <code>{alg_id}</code></h2>",
        f"<p>{html.escape(alg.shortHelpString().split(chr(10))[0])}</p>",
        "<p>Parameters: <code>"
        + html.escape(json.dumps({k: v for k, v in params.items() if k not in sinks and k not in files}, ensure_ascii=False))
        + "</code></p>",
    ]
    for name in sinks:
        layer = _result_layer(result.get(name), context)
        if layer is None:
            continue
        table = f"{alg.name()}_{name.lower()}"
        _save_to_geopackage(layer, gpkg, table)
        produced[f"{alg.name()}:{name}"] = f"{gpkg}|layername={table}"
        parts.append(f"<h3>{html.escape(name)} → <code>{gpkg.name}|{table}</code> ({layer.featureCount()} features)</h3>")
        if layer.isSpatial():
            parts.append(_result_map_html(alg, layer, table, params, by_source, images))
        parts.append(_table_html(layer))
    for name, path in files.items():
        if path.is_file():
            parts.append(f'<h3>{html.escape(name)} → <a href="{path.name}">{html.escape(path.name)}</a></h3>')
    return "\n".join(parts)


def _result_layer(value, context):
    """The vector layer of an output value (a layer, or its id in ``context``, taken from it if need be), or None."""
    from qgis.core import QgsProcessingContext, QgsVectorLayer

    layer = value if isinstance(value, QgsVectorLayer) else context.getMapLayer(value) if value else None
    if layer is None:
        layer = QgsProcessingContext.takeResultLayer(context, value) if value else None
    return layer


def _save_to_geopackage(layer, gpkg: Path, table: str) -> None:
    """Write ``layer`` as ``table`` of ``gpkg`` (the file made by the first table written)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if gpkg.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), QgsCoordinateTransformContext(), options)
    if err[0] != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(f"could not write {table}: {err[1]}")


def _result_map_html(alg, layer, table: str, params: dict, by_source: dict, images: Path) -> str:
    """Style ``layer``, render it over the algorithm's backdrop to images/<table>.png; the report's <img> of it."""
    from ..qgisside.sample import sample_layers, style_layer

    src = sample_layers()[params.get("LAYER", 0)][0] if alg.name() == "samplelayer" else ""
    if src:
        style_layer(layer, src)
    from ..qgisside.styles import style_result

    style_result(layer)
    backdrop = [by_source[name] for name in alg.DEMO_BACKDROP]
    order = [by_source["districts"], layer] if alg.DEMO_BACKDROP == ("districts",) else [layer] + backdrop
    image = render_map(order, by_source["districts"], images / f"{table}.png", (700, 700))
    return f'<img src="images/{image.name}" alt="{html.escape(table)}" width="700">'


def _write_report(outdir: Path, gpkg: Path, sample: str, profile, sections: list) -> Path:
    """Write report.html in ``outdir``: the provenance, the sample city's map and the algorithms' sections."""
    from qgis.core import Qgis

    provenance = {
        "Plugin version": plugin_version(),
        "QGIS version": Qgis.QGIS_VERSION,
        "Plan profile": f"{profile.title_zh} — {profile.path}",
        "Input": f"{sample} (synthetic, schematic sample city)",
        "Output GeoPackage": str(gpkg),
        "Date": datetime.datetime.now().isoformat(timespec="seconds"),
    }
    prov_rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in provenance.items())
    report = outdir / "report.html"
    report.write_text(
        f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Resilience Planner demo 韧性城市规划工具演示</title>
<style>body{{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;font-size:12px;margin:1em 0}}td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left}}
.warn{{background:#fff3cd;padding:.6em;border:1px solid #e0c36c}}code{{background:#f3f3f3}}</style></head><body>
<h1>Resilience Planner demo · 韧性城市规划工具演示</h1>
<p class="warn">The sample city is SYNTHETIC and SCHEMATIC, not real data. 示例城市为合成示意数据，非真实数据。</p>
<table>{prov_rows}</table>
<h2>Sample city · 示例城市</h2><img src="images/sample_city.png" alt="sample city" width="800">
{"".join(sections)}
</body></html>
""",
        encoding="utf-8",
    )
    return report


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0] if argv else "output").resolve()
    from ..processing.standalone import start_qgis

    app = start_qgis()
    report = run_demo(outdir)
    print(f"report: {report}")
    print(f"outputs: {outdir / 'resilience_demo.gpkg'}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
