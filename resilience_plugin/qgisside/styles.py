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

from .translation import class_label, translate


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


def label_with(layer, field, size=8.0, colour="#333333", expression=False, only=""):
    """Label ``layer`` with ``field`` (an expression when ``expression``); ``only``: a filter expression, the
    features it leaves out never reach the labelling engine (a rule, not an empty label for each)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.isExpression = expression
    fmt = QgsTextFormat()
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = fmt.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    settings.setFormat(fmt)
    if only:
        from qgis.core import QgsRuleBasedLabeling

        root = QgsRuleBasedLabeling.Rule(None)
        rule = QgsRuleBasedLabeling.Rule(settings)
        rule.setFilterExpression(only)
        root.appendChild(rule)
        layer.setLabeling(QgsRuleBasedLabeling(root))
    else:
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_life_circles(layer) -> None:
    """Circles that pass the plan's checklist in green, those with gaps in orange, those not assessed in grey
    (unreachable ones have no geometry)."""
    # thousands of circles overlap: light fills without outlines keep the map readable
    passed = simple_symbol(layer, "#1a9850", fill_alpha=0.18, outline=("#1a9850", 0.0))
    gaps = simple_symbol(layer, "#f46d43", fill_alpha=0.08, outline=("#f46d43", 0.0))
    categorized(
        layer,
        "lc_pass",
        [
            (1, translate("Resilience", "Passes the checklist (第54、55条)"), passed),
            (0, translate("Resilience", "Lacks facilities or shelter area"), gaps),
            # NULL: not assessed (no facilities layer, or people unknown where only the shelter decides)
            (None, translate("Resilience", "Not assessed"), simple_symbol(layer, "#9e9e9e", fill_alpha=0.08, outline=("#9e9e9e", 0.0))),
        ],
    )
    layer.triggerRepaint()


SEVERITY_COLOURS = (("high", "#d7191c"), ("medium", "#fdae61"), ("low", "#ffe08a"))


def style_severity(layer) -> None:
    """Crossings, exposed sections and corridor summaries by severity level (red high, orange medium, yellow low)."""
    from .compat import GEOMETRY_LINE, GEOMETRY_POINT

    labels = {
        "high": translate("Resilience", "High severity"),
        "medium": translate("Resilience", "Medium severity"),
        "low": translate("Resilience", "Low severity"),
    }
    from .compat import MARKER_DIAMOND

    kind = layer.geometryType()
    summary = layer.fields().lookupField("fx_exp_m") >= 0  # every corridor, most of them not exposed
    items = []
    for level, colour in SEVERITY_COLOURS:
        if kind == GEOMETRY_POINT:
            # diamonds with a dark outline stand out from corridors drawn in red
            symbol = simple_symbol(layer, colour, size={"high": 4.4, "medium": 3.6, "low": 3.0}[level], outline=("#1a1a1a", 0.4))
            symbol.symbolLayer(0).setShape(MARKER_DIAMOND)
        elif kind == GEOMETRY_LINE:
            # a broad, translucent band over the corridor: the stretch shows without hiding the road
            symbol = simple_symbol(layer, colour, width={"high": 3.2, "medium": 2.6, "low": 2.2}[level])
            symbol.setOpacity(0.85)
        else:
            symbol = simple_symbol(layer, colour, fill_alpha=0.5, outline=(colour, 0.2))
        items.append((level, labels[level], symbol))
    if summary:
        items.append((None, translate("Resilience", "Not exposed"), simple_symbol(layer, "#9e9e9e", width=0.5)))
    categorized(layer, "sev_level", items)
    layer.triggerRepaint()


def style_exposure(layer) -> None:
    """Corridor sections in hazard zones: deep blue lines."""
    from qgis.core import QgsSingleSymbolRenderer

    symbol = simple_symbol(layer, "#08519c", width=1.4)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()


def style_avoidance(layer) -> None:
    """Fault avoidance check: violations red, special studies purple, the rest small and grey."""
    from .compat import GEOMETRY_POINT

    point = layer.geometryType() == GEOMETRY_POINT

    def symbol(colour, big):
        if point:
            return simple_symbol(layer, colour, size=3.0 if big else 1.2, outline=("#333333", 0.2 if big else 0.0))
        return simple_symbol(layer, colour, fill_alpha=0.8 if big else 0.3, outline=("#333333", 0.2))

    categorized(
        layer,
        "status",
        [
            ("violation", translate("Resilience", "Inside the avoidance distance (第86条)"), symbol("#d7191c", True)),
            ("special study", translate("Resilience", "Class 甲: special study"), symbol("#7b3294", True)),
            ("class unknown", translate("Resilience", "Class unknown"), symbol("#f4a582", False)),
            ("ok", translate("Resilience", "Outside the avoidance distance"), symbol("#bdbdbd", False)),
        ],
    )
    layer.triggerRepaint()


def style_faults(layer) -> None:
    """Active faults (第86条) on a map: a dark red dashed line."""
    from qgis.core import QgsLineSymbol, QgsSingleSymbolRenderer

    symbol = QgsLineSymbol.createSimple({"line_color": "#a50f15", "line_width": "0.6", "line_width_unit": "MM", "line_style": "dash"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()


CLUSTER_PALETTE = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
)  # fmt: skip


def style_clusters(layer) -> None:
    """Units or clusters coloured by cluster (a repeating qualitative palette); clusters get their code as label."""
    ids = sorted({f["cluster_id"] for f in layer.getFeatures() if f["cluster_id"] is not None})
    dissolved = layer.fields().lookupField("code") >= 0
    items = []
    for i, cid in enumerate(ids):
        colour = CLUSTER_PALETTE[i % len(CLUSTER_PALETTE)]
        outline = ("#333333", 0.5) if dissolved else ("#ffffff", 0.1)
        items.append((cid, f"C{cid:02d}", simple_symbol(layer, colour, fill_alpha=0.75, outline=outline)))
    categorized(layer, "cluster_id", items)
    if dissolved:
        label_with(layer, "code", size=9.0)
    layer.triggerRepaint()


SCORE_COLOURS = (("very low", "#1a9641"), ("low", "#a6d96a"), ("medium", "#ffffbf"), ("high", "#fdae61"), ("very high", "#d7191c"))


def style_scores(layer, breaks=None) -> None:
    """Unit scores graduated in five classes on the risk score (the profile's class breaks), green (very low) to red
    (very high), labelled in the UI language."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange

    if breaks is None:
        from ..core.profile import load_profile

        breaks = load_profile().value("scoring.class_breaks")
    edges = [0.0, *breaks, 10.0]
    ranges = []
    for (name, colour), lo, hi in zip(SCORE_COLOURS, edges[:-1], edges[1:]):
        symbol = simple_symbol(layer, colour, fill_alpha=0.85, outline=("#555555", 0.2))
        ranges.append(QgsRendererRange(lo, hi, symbol, translate("Resilience", "{0} risk ({1:g}–{2:g})").format(class_label(name), lo, hi)))
    layer.setRenderer(QgsGraduatedSymbolRenderer("score", ranges))
    layer.triggerRepaint()


POPULATION_COLOURS = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")


def style_population(layer) -> None:
    """Zones by their people per km² (pop over the zone's area), in five quantile classes, light to dark red; zones
    not assessed (pop NULL) grey and hatched."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange

    expression = 'CASE WHEN "pop" IS NULL OR area($geometry) <= 0 THEN NULL ELSE "pop" / (area($geometry) / 1000000) END'
    values = []
    for f in layer.getFeatures():
        g = f.geometry()
        if f["pop"] is not None and str(f["pop"]) != "NULL" and not g.isEmpty() and g.area() > 0:
            values.append(float(f["pop"]) / (g.area() / 1e6))
    if not values:
        return
    values.sort()
    edges = [values[min(len(values) - 1, int(len(values) * q / 5))] for q in range(5)] + [values[-1]]
    edges[0] = min(edges[0], 0.0)
    ranges = []
    for k, colour in enumerate(POPULATION_COLOURS):
        lo, hi = edges[k], edges[k + 1]
        symbol = simple_symbol(layer, colour, fill_alpha=0.85, outline=("#636363", 0.2))
        ranges.append(QgsRendererRange(lo, hi, symbol, translate("Resilience", "{0:,.0f}–{1:,.0f} people per km²").format(lo, hi)))
    renderer = QgsGraduatedSymbolRenderer(expression, ranges)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def style_siting(layer) -> None:
    """Chosen sites: large red markers (or red outlines) labelled with their rank, 1 adding the most."""
    from qgis.core import QgsSingleSymbolRenderer

    from .compat import GEOMETRY_POINT

    if layer.geometryType() == GEOMETRY_POINT:
        symbol = simple_symbol(layer, "#d7191c", size=4.2, outline=("#ffffff", 0.4))
    else:
        symbol = simple_symbol(layer, "#d7191c", fill_alpha=0.35, outline=("#d7191c", 0.6))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_with(layer, "site_rank", size=9.0, colour="#7f0000")
    layer.triggerRepaint()


def style_allocation(layer) -> None:
    """Demand by what serves it: a new site (red), an existing facility (blue), nothing within reach (grey)."""
    from .compat import GEOMETRY_POINT

    point = layer.geometryType() == GEOMETRY_POINT

    def symbol(colour, alpha, size):
        return simple_symbol(layer, colour, fill_alpha=alpha, size=size if point else None, outline=(colour, 0.0))

    items = [
        ("new", translate("Resilience", "Served by a new site"), symbol("#f46d43", 0.6, 1.8)),
        ("existing", translate("Resilience", "Served by an existing facility"), symbol("#4575b4", 0.45, 1.4)),
        (None, translate("Resilience", "Not served within reach"), symbol("#969696", 0.45, 1.4)),
    ]
    categorized(layer, "fac_kind", items)
    layer.triggerRepaint()


def style_zones(layer) -> None:
    """Responsibility zones: outlines only, so the demand and the sites stay visible under them."""
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(simple_symbol(layer, "#7b3294", fill_alpha=0.06, outline=("#7b3294", 0.5))))
    layer.triggerRepaint()


def style_failure_units(layer) -> None:
    """Units by what the scenario does to their access: lost a category (red), some of its people lose one (red-orange),
    longer trips (orange), kept (green),
    not on the network (grey)."""
    from .compat import GEOMETRY_POINT

    point = layer.geometryType() == GEOMETRY_POINT

    def symbol(colour, alpha):
        return simple_symbol(layer, colour, fill_alpha=alpha, size=2.2 if point else None, outline=("#636363", 0.2))

    items = [
        ("lost", translate("Resilience", "Loses an essential facility"), symbol("#d7191c", 0.75)),
        ("part lost", translate("Resilience", "Some of its people lose one"), symbol("#f46d43", 0.65)),
        ("longer", translate("Resilience", "Longer way to one"), symbol("#fdae61", 0.7)),
        ("kept", translate("Resilience", "Access kept"), symbol("#a6d96a", 0.45)),
        ("off network", translate("Resilience", "Not on the network"), symbol("#bdbdbd", 0.45)),
        ("not assessed", translate("Resilience", "Not assessed (no population data)"), symbol("#ffffff", 0.3)),
    ]
    categorized(layer, "access", items)
    layer.triggerRepaint()


def style_critical(layer, largest_route=None) -> None:
    """Critical sections: those that cut people off thick and red, those carrying routes orange; the ten most
    critical labelled with their rank. ``largest_route``: the most people on routes along a section, where known (the
    report's copy): the widths scale by it instead of by the layer's maximum, counted again at every drawing."""
    from qgis.core import QgsProperty, QgsRuleBasedRenderer

    from .compat import STROKE_WIDTH_PROPERTY

    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour, width, label in (
        ('"pop_cut" > 0', "#b2182b", 1.6, translate("Resilience", "Cuts people off")),
        ('"pop_cut" = 0 AND "pop_route" > 0', "#f46d43", 0.3, translate("Resilience", "Carries routes to essential facilities")),
    ):
        symbol = simple_symbol(layer, colour, width=width)
        if width < 1:  # the more people on the routes along it, the wider (0.3 to 1.3 mm)
            symbol.symbolLayer(0).setDataDefinedProperty(
                STROKE_WIDTH_PROPERTY,
                QgsProperty.fromExpression(
                    '0.3 + 1.0 * "pop_route" / ' + ('maximum("pop_route")' if largest_route is None else repr(float(largest_route) or 1.0))
                ),
            )
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    label_with(layer, "rank", size=8.0, colour="#67001f", only='"rank" <= 10')
    layer.triggerRepaint()


def style_failed(layer) -> None:
    """Failed sections: dark red dashes."""
    from qgis.core import QgsSingleSymbolRenderer

    symbol = simple_symbol(layer, "#67001f", width=1.2)
    symbol.symbolLayer(0).setPenStyle(Qt.PenStyle.DashLine)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()


def style_cluster_links(layer) -> None:
    """Mutual-aid links between clusters: kept green, longer orange, lost red."""
    items = [
        ("kept", translate("Resilience", "Link kept"), simple_symbol(layer, "#1a9850", width=0.8)),
        ("longer", translate("Resilience", "Link longer"), simple_symbol(layer, "#fdae61", width=1.0)),
        ("lost", translate("Resilience", "Link lost"), simple_symbol(layer, "#d7191c", width=1.4)),
        ("none", translate("Resilience", "No route before"), simple_symbol(layer, "#969696", width=0.5)),
    ]
    categorized(layer, "link", items)
    layer.triggerRepaint()


class FieldStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles an output when Processing loads it, if it has the field the style keys on (``field`` None: no style),
    and gives its fields their ``aliases`` (name -> alias, in the user's language): the sinks of GeoPackage, memory
    and PostGIS outputs keep no alias, so the loaded layer gets them here."""

    def __init__(self, field, style, aliases=None):
        super().__init__()
        self.field, self.style, self.aliases = field, style, dict(aliases or {})

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None:
            return
        fields = layer.fields()
        for name, alias in self.aliases.items():
            index = fields.lookupField(name)
            if index >= 0 and not layer.attributeAlias(index):
                layer.setFieldAlias(index, alias)
        if self.field is not None and fields.lookupField(self.field) >= 0:
            self.style(layer)


def _rules(layer, rules) -> None:
    """A rule-based renderer from (expression, symbol, label) rules."""
    from qgis.core import QgsRuleBasedRenderer

    root = QgsRuleBasedRenderer.Rule(None)
    for expression, symbol, label in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.triggerRepaint()


def _filled(layer, alpha: float, point_size: float, outline):
    """A maker of symbols of one colour for ``layer``: polygons filled at ``alpha``, points of ``point_size`` mm."""
    from .compat import GEOMETRY_POINT

    size = point_size if layer.geometryType() == GEOMETRY_POINT else None
    return lambda colour: simple_symbol(layer, colour, fill_alpha=alpha, size=size, outline=outline)


def style_transfer(layer) -> None:
    """Transfer assignment: everyone placed (green), some without a place (orange), nobody placed (red)."""
    symbol = _filled(layer, 0.7, 2.4, ("#636363", 0.2))

    _rules(
        layer,
        [
            ('"share_placed" >= 0.999999', symbol("#1a9641"), translate("Resilience", "Everyone placed")),
            ('"share_placed" > 0 AND "share_placed" < 0.999999', symbol("#fdae61"), translate("Resilience", "Some without a place")),
            ('"share_placed" = 0', symbol("#d7191c"), translate("Resilience", "Nobody placed")),
        ],
    )


def style_shelter_load(layer) -> None:
    """Shelters: full (dark blue), used with room (light blue), not used (small, pale grey), excluded (dark grey)."""
    symbol = _filled(layer, 0.85, 3.0, ("#252525", 0.3))
    unused = _filled(layer, 0.5, 1.4, ("#969696", 0.0))("#d9d9d9")
    _rules(
        layer,
        [
            ('"status" = \'used\' AND "util" >= 0.999', symbol("#08306b"), translate("Resilience", "Full")),
            ('"status" = \'used\' AND "util" < 0.999', symbol("#6baed6"), translate("Resilience", "Used, with room")),
            ("\"status\" = 'not used'", unused, translate("Resilience", "Not used")),
            ("\"status\" = 'excluded'", symbol("#525252"), translate("Resilience", "Excluded (in a hazard, or no capacity)")),
        ],
    )


def style_routes(layer) -> None:
    """Transfer routes: bottlenecks thick and red; other sections blue, wider with more people."""
    from qgis.core import QgsProperty

    from .compat import STROKE_WIDTH_PROPERTY

    other = simple_symbol(layer, "#2171b5", width=0.3)
    other.symbolLayer(0).setDataDefinedProperty(
        STROKE_WIDTH_PROPERTY, QgsProperty.fromExpression('0.3 + 1.2 * "people" / maximum("people")')
    )
    _rules(
        layer,
        [
            ('"bottleneck" = 1', simple_symbol(layer, "#b2182b", width=1.6), translate("Resilience", "Bottleneck")),
            # NULL: no section throughput asked for, so not assessed; drawn as a route
            ('"bottleneck" = 0 OR "bottleneck" IS NULL', other, translate("Resilience", "Route (wider: more people)")),
        ],
    )


def style_shortfall(layer) -> None:
    """Where people have no place, coloured by the reason (read from reason_zh, the same in every language): rings
    around points, so that the assignment's point under them still shows; hatched polygons."""
    from ..core.evacuation import CUT_OFF, FULL, NO_ROAD, NO_SHELTER, REASONS_ZH, WHOLE
    from .compat import GEOMETRY_POINT

    point = layer.geometryType() == GEOMETRY_POINT

    def symbol(colour):
        if point:  # a ring: no fill, a coloured outline
            s = simple_symbol(layer, colour, size=4.2, outline=(colour, 0.7))
            s.symbolLayer(0).setColor(QColor(0, 0, 0, 0))
            return s
        s = simple_symbol(layer, colour, fill_alpha=0.55, outline=(colour, 0.3))
        return s

    items = [
        (REASONS_ZH[FULL], translate("Resilience", "Every shelter in reach is full"), "#b2182b"),
        (REASONS_ZH[WHOLE], translate("Resilience", "No shelter in reach takes the whole community"), "#f781bf"),
        (REASONS_ZH[CUT_OFF], translate("Resilience", "Cut off by closed roads"), "#7b3294"),
        (REASONS_ZH[NO_SHELTER], translate("Resilience", "No safe shelter within reach"), "#e66101"),
        (REASONS_ZH[NO_ROAD], translate("Resilience", "No road nearby"), "#737373"),
    ]
    _rules(
        layer,
        [(f"\"reason_zh\" = '{value}'", symbol(colour), label) for value, label, colour in items]
        + [("ELSE", symbol("#b2182b"), translate("Resilience", "Without a place"))],
    )


OUTPUT_STYLES = {
    # first: a transfer's shelters carry "status" too, which the fault-avoidance style would take (style_result takes
    # the first style whose field a layer has); the assignment carries "short" too, which the shortfall's key is
    "transfer": ("share_placed", style_transfer),
    "shelter_load": ("load_p", style_shelter_load),
    "routes": ("clear_min", style_routes),
    "shortfall": ("short", style_shortfall),
    "life_circles": ("lc_pass", style_life_circles),
    "severity": ("sev_level", style_severity),
    "exposure": ("exposed_m", style_exposure),
    "avoidance": ("status", style_avoidance),
    "clusters": ("cluster_id", style_clusters),
    "scores": ("unit_type", style_scores),
    "siting": ("site_rank", style_siting),
    "allocation": ("fac_kind", style_allocation),
    "zones": ("zone_pop", style_zones),
    "failure_units": ("access", style_failure_units),
    "critical": ("pop_route", style_critical),
    "failed": ("cause_name", style_failed),
    "cluster_links": ("link", style_cluster_links),
    "population": ("pop_method", style_population),
}


# Python objects of the post-processors handed to Processing; the context deletes their C++ side when it is
# destroyed, after which sip marks them deleted and they are dropped here.
_LIVE_STYLERS = []


def output_styler(kind: str, aliases=None) -> QgsProcessingLayerPostProcessorInterface:
    """A new post-processor for an output kind (a key of OUTPUT_STYLES; "": no style) that also sets the fields'
    ``aliases`` (see FieldStyler).

    The processing context deletes each layer's post-processor when it is destroyed, so every output needs its
    own instance, and the Python object must outlive the run: it is kept until its C++ side is gone.
    """
    from qgis.PyQt import sip

    _LIVE_STYLERS[:] = [s for s in _LIVE_STYLERS if not sip.isdeleted(s)]
    field, style = OUTPUT_STYLES[kind] if kind else (None, None)
    styler = FieldStyler(field, style, aliases)
    _LIVE_STYLERS.append(styler)
    return styler


def style_result(layer) -> bool:
    """Style an algorithm output by the fields it carries (the first of OUTPUT_STYLES that fits); False when none."""
    fields = layer.fields()
    for field, style in OUTPUT_STYLES.values():
        if fields.lookupField(field) >= 0:
            style(layer)
            return True
    return False
