"""Helpers shared by the algorithm tests and the benchmarks: memory layers, feedbacks that record the log and the
cancel checks, output paths, running algorithms."""

import sys
import time
from pathlib import Path

from qgis import processing
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from resilience_plugin.qgisside.compat import FIELD_DOUBLE, FIELD_STRING
from tests.gpkg_check import check_written


def memory_layer(geom_type, rows, fields=(("名称", FIELD_STRING), ("人口", FIELD_DOUBLE)), crs="EPSG:4548", name="社区 test"):
    """A memory layer (added to the project) from (WKT or None, attributes) rows."""
    layer = QgsVectorLayer(f"{geom_type}?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    return layer


class Recorder(QgsProcessingFeedback):
    """Keeps every info and warning line."""

    def __init__(self):
        super().__init__()
        self.text = []

    def pushInfo(self, info):  # noqa: N802
        self.text.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.text.append(warning)

    @property
    def log(self) -> str:
        return "\n".join(self.text)


class Probe(Recorder):
    """Records the log, the progress and each cancel check (when, and from which line); cancels at check
    ``cancel_at`` (counted from 1) when given."""

    def __init__(self, cancel_at=None):
        super().__init__()
        self.cancel_at, self.checks, self.where, self.progress = cancel_at, [], [], []
        self.progressChanged.connect(self.progress.append)

    def isCanceled(self):  # noqa: N802 - QgsFeedback API
        self.checks.append(time.perf_counter())
        caller = sys._getframe(1)
        self.where.append(f"{Path(caller.f_code.co_filename).name}:{caller.f_lineno}")
        if self.cancel_at is not None and len(self.checks) >= self.cancel_at:
            self.cancel()
        return super().isCanceled()

    @property
    def progress_steady(self) -> bool:
        """Progress was reported, never went down, and ended at 100."""
        steps = self.progress
        return bool(steps) and abs(steps[-1] - 100) < 1e-6 and all(b >= a - 1e-9 for a, b in zip(steps, steps[1:]))


def main_input(name: str, params: dict):
    """The first layer input of algorithm ``resilience:name`` that ``params`` gives (None when it gives none)."""
    from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer

    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    for p in alg.parameterDefinitions():
        if isinstance(p, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)) and p.name() in params:
            return p.name()
    return None


def destinations(name: str, folder) -> dict:
    """A path in ``folder`` for each output of algorithm ``resilience:name`` (GeoPackage for layers)."""
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    out = {}
    for d in alg.destinationParameterDefinitions():
        ext = d.defaultFileExtension() if d.type() == "fileDestination" else "gpkg"
        out[d.name()] = str(Path(folder) / f"{name}_{d.name()}.{ext}")
    return out


def run(alg, params, feedback=None, invalid=None):
    """Run an algorithm with a project in the context; returns (result with layers taken, context). ``invalid``: the
    context's invalid-geometry setting (a QgsFeatureRequest.InvalidGeometryCheck), else QGIS's default."""
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    if invalid is not None:
        context.setInvalidGeometryCheck(invalid)
    result = processing.run(alg, params, context=context, feedback=feedback or QgsProcessingFeedback())
    check_written(result)  # every GeoPackage written is valid (GDAL's validator, integrity_check, rtreecheck)
    layers = {}
    for key, value in result.items():
        if isinstance(value, QgsVectorLayer):
            layers[key] = value
        elif isinstance(value, str) and context.getMapLayer(value) is not None:
            layers[key] = context.takeResultLayer(value)
        elif isinstance(value, str) and value:
            layer = QgsVectorLayer(value, key, "ogr")
            layers[key] = layer if layer.isValid() else value
        else:
            layers[key] = value
    return layers, context


# ------------------------------------------------------------------ PDFs, read with poppler-utils (make setup)
def pdf_pages(path) -> int:
    """The page count of a PDF, from pdfinfo."""
    import re
    import subprocess

    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_text(path, first: int, last: int = 0) -> str:
    """The text of pages first..last (1-based), from pdftotext, with the font's Latin ligatures (U+FB00–FB06: ﬀ ﬁ ﬂ
    ﬃ ﬄ ﬅ ﬆ) spelt out: Qt sets "fl" in a temporary path as one glyph, and pdftotext gives it back as such (CI failed on
    /tmp/rp-sample-v0ﬂlqpu). Only these: NFKC would also turn the Chinese full-width （：） into ASCII."""
    import subprocess
    import unicodedata

    args = ["pdftotext", "-layout", "-f", str(first), "-l", str(last or first), str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", c) if 0xFB00 <= ord(c) <= 0xFB06 else c for c in text)


def title_sheets(path) -> int:
    """The title page and the sheets of the profile's values that follow it, by their heading (English or
    Chinese): the report gives the profile as many sheets as its values fill."""
    n = 1
    while n < pdf_pages(path):
        lines = [line.strip() for line in pdf_text(path, n + 1).splitlines() if line.strip()]
        if not lines or not lines[0].startswith(("Plan profile values used", "所用规划参数")):
            break
        n += 1
    return n


def pdf_page_image(path, page: int, out_dir, dpi: int = 50):
    """Page ``page`` (1-based) rendered to PNG by pdftoppm, as a QImage."""
    import subprocess
    from pathlib import Path

    from qgis.PyQt.QtGui import QImage

    stem = Path(out_dir) / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(path), str(stem)], check=True)
    return QImage(str(stem) + ".png")
