"""Layer styles shared by the sample city, the demo report and algorithm outputs."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsSymbol,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from .translation import translate


def simple_symbol(layer, colour, width=None, size=None, fill_alpha=None, outline=None):
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    if width is not None:
        symbol.setWidth(width)
    if size is not None:
        symbol.setSize(size)
    if fill_alpha is not None:
        symbol.setOpacity(fill_alpha)
    if outline is not None:
        sl = symbol.symbolLayer(0)
        sl.setStrokeColor(QColor(outline[0]))
        sl.setStrokeWidth(outline[1])
        if outline[1] <= 0:  # width 0 is a hairline in QGIS: no pen at all
            sl.setStrokeStyle(Qt.PenStyle.NoPen)
    return symbol


def categorized(layer, field, items):
    cats = []
    for value, label, symbol in items:
        cats.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, cats))


def label_with(layer, field, size=8.0, colour="#333333"):
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    fmt = QgsTextFormat()
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = fmt.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_life_circles(layer) -> None:
    """Circles that pass the plan's checklist in green, those with gaps in orange (unreachable ones have no geometry)."""
    # thousands of circles overlap: light fills without outlines keep the map readable
    passed = simple_symbol(layer, "#1a9850", fill_alpha=0.18, outline=("#1a9850", 0.0))
    gaps = simple_symbol(layer, "#f46d43", fill_alpha=0.08, outline=("#f46d43", 0.0))
    categorized(
        layer,
        "lc_pass",
        [
            (1, translate("Resilience", "Passes the checklist (第54、55条)"), passed),
            (0, translate("Resilience", "Lacks facilities or shelter area"), gaps),
        ],
    )
    layer.triggerRepaint()


class LifeCirclesStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles the life-circle output when Processing loads it into the project."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is not None and layer.fields().lookupField("lc_pass") >= 0:
            style_life_circles(layer)


# Processing keeps only a C++ pointer to a post-processor: the Python object must outlive the run.
_STYLERS = {}


def life_circles_styler() -> LifeCirclesStyler:
    return _STYLERS.setdefault("life_circles", LifeCirclesStyler())
