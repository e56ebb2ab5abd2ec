"""The atlas report: a QGIS print layout with a title section, one page per cluster and one per street/town unit,
exported to one PDF. Used by ``resilience:report`` and by the scorecard dock.

Each kind of page (the title and the profile's values, a cluster, a unit, a scenario, a transfer) is a layout of
its own, whose atlas runs over that kind's features of a "report pages" layer (one feature per report page); an
iterator (:class:`_Pages`) hands QGIS's PDF export the pages in report order, each from its kind's layout, so that
turning a page refreshes only that page's items. Each table reads the "report rows" layer of its own section, whose
rows lie on their page's geometry: the layer's spatial index gives a table the rows of its page, and the page_key
filter keeps exactly those. Every layer is a memory copy: the inputs are never changed.
"""

import datetime
import functools
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsAbstractLayoutIterator,
    QgsConditionalStyle,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF

from ..core import report as rc
from ..core.cancel import Cancelled
from ..core.geometry import clean
from ..core.paths import plugin_version
from ..core.scoring import CLASSES, TYPES
from ..qgisside.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, GEOMETRY_POLYGON, MESSAGE_WARNING
from ..qgisside.io import display_name, report_degenerate, without_arcs
from ..qgisside.styles import style_scores
from ..qgisside.translation import class_label, indicator_label, speaks_chinese, translate, type_label

# fonts with Chinese glyphs in simplified forms, most preferred first (Windows, macOS, Linux); the TrueType ones
# can be the report's only font
CJK_FONTS = ("Microsoft YaHei", "SimHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")
TRUETYPE_CJK = ("Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei")
# Qt writes text in the OpenType/CFF CJK fonts (Noto, Source Han) into a PDF without a usable text layer for Latin
# letters and digits, so with those a Latin TrueType font comes first and Chinese falls back to the CJK font
LATIN_FONTS = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 14.0
FAIL_BACKGROUND = "#fcbba1"
CELLS = 7  # the rows layer's text columns c1..c7
TITLE_PAGES = 3  # the title page and two pages of profile values (more where the profile needs them)
MAX_PROFILE_SHEETS = 20  # a profile that needs more is refused with a message, never cut off
HEADER_ALL_FRAMES = (
    getattr(getattr(Qgis, "LayoutTableHeaderMode", None), "AllFrames", None) or QgsLayoutItemAttributeTable.HeaderMode.AllFrames
)


@dataclass
class ReportResult:
    path: str
    pages: int
    units: int
    clusters: int


class ReportError(Exception):
    """The report could not be made or written; the message, already translated, says why."""


def report_font_family() -> str:
    """The report's font family: one that draws Chinese in simplified forms and keeps the PDF's text searchable."""
    families = set(QFontDatabase().families())
    cjk = next((f for f in CJK_FONTS if f in families), "")
    if not cjk:
        return QFont().family()
    if cjk in TRUETYPE_CJK:
        return cjk
    latin = next((f for f in LATIN_FONTS if f in families), "")
    if not latin:
        return cjk
    if cjk not in QFont.substitutes(latin):
        QFont.insertSubstitution(latin, cjk)  # Chinese glyphs come from the simplified-Chinese font, not a JP one
    return latin


def words() -> Dict[str, str]:
    """The fixed words of the report pages, translated."""
    w = {
        "score": translate("Report", "Score"),
        "class": translate("Report", "Class"),
        "type": translate("Report", "Type"),
        "rank": translate("Report", "Rank"),
        "cluster": translate("Report", "Cluster"),
        "units": translate("Report", "Units"),
        "met": translate("Report", "met"),
        "not met": translate("Report", "not met"),
        "hazard": translate("Report", "Hazard"),
        "vulnerability": translate("Report", "Vulnerability"),
        "capacity": translate("Report", "Capacity"),
        "scenario": translate("Report", "Scenario"),
        "people cut off": translate("Report", "People cut off"),
        "units cut off": translate("Report", "Units cut off"),
        "links lost": translate("Report", "Links lost"),
        "link:lost": translate("Report", "lost"),
        "link:longer": translate("Report", "longer"),
        "transfer": translate("Report", "Emergency transfer (第84条)"),
        "people at risk": translate("Report", "People at risk"),
        "placed": translate("Report", "Placed"),
        "without a place": translate("Report", "Without a place"),
        "chinese": "1" if speaks_chinese() else "",
    }
    w.update({f"class:{k}": class_label(k) for k in CLASSES})
    w.update({f"type:{k}": type_label(k) for k in TYPES})
    return w


def cluster_label(key: str) -> str:
    """The label of a cluster field shown on the cluster page ('' hides the field)."""
    return {
        "n_units": translate("Report", "Units"),
        "population": translate("Report", "Population"),
        "area_km2": translate("Report", "Area (km²)"),
        "districts": translate("Report", "Districts"),
        "fit_water": translate("Report", "Lifeline fit: water"),
        "fit_power": translate("Report", "Lifeline fit: power"),
        "fit_gas": translate("Report", "Lifeline fit: gas"),
        "compact": translate("Report", "Compactness (4πA/P²)"),
        "missing_zh": translate("Report", "Missing 第48条 facilities"),
        "shelter_pp": translate("Report", "Shelter area per person (m²)"),
        "shelter_tgt": translate("Report", "Shelter target per person (m²)"),
        "beds_1000": translate("Report", "Beds per 1,000 people"),
        "beds_tgt": translate("Report", "Beds target per 1,000"),
        "fault_shr": translate("Report", "Share in fault avoidance zones"),
        "flood_shr": translate("Report", "Share in flood-risk zones"),
        "geohaz_n": translate("Report", "Geological hazard points"),
        "reserve_pd": translate("Report", "Reserve capacity (person-days)"),
        "reserve_nd": translate("Report", "Reserve need, 3 days (person-days)"),
        "aid_with": translate("Report", "Mutual aid with"),
    }.get(key, "")


def _records(layer, feedback=None) -> (List[Dict], List[QgsGeometry]):
    names = layer.fields().names()
    records, geoms, fids = [], [], []
    features = layer.getFeatures()
    for i, f in enumerate(features):
        if i % 100 == 0 and feedback is not None and feedback.isCanceled():
            features.close()  # see processing.io.read_source: never leave a reader open behind an exception
            del f, features
            raise Cancelled()
        records.append({n: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else v) for n, v in zip(names, f.attributes())})
        geoms.append(QgsGeometry(f.geometry()))
        fids.append(f.id())
    # a degenerate geometry (one-vertex ring, NaN coordinates, zero area) would draw no map or a wrong one: none, said
    wkbs = [None if g.isNull() or g.isEmpty() else bytes(without_arcs(g).asWkb()) for g in geoms]
    bad = clean(wkbs, dimension=2 if layer.geometryType() == GEOMETRY_POLYGON else None).degenerate
    for i in bad:
        geoms[i] = QgsGeometry()
    if bad and feedback is not None:
        report_degenerate(feedback, display_name(layer), [fids[i] for i in bad])
    return records, geoms


def build_report(
    units_layer: QgsVectorLayer,
    path: str,
    profile,
    clusters_layer: Optional[QgsVectorLayer] = None,
    title: str = "",
    name_field: str = "",
    district_field: str = "",
    cluster_field: str = "",
    inputs: Sequence[tuple] = (),
    units_origin: Optional[QgsVectorLayer] = None,
    feedback=None,
    scenario: Optional[Dict[str, QgsVectorLayer]] = None,
    faults_layer: Optional[QgsVectorLayer] = None,
    transfer: Optional[Dict[str, QgsVectorLayer]] = None,
) -> ReportResult:
    """Write the atlas PDF of a scored unit layer (and optionally its clusters) to ``path``.

    ``inputs`` lists (label, description) pairs for the provenance table, in addition to the layers themselves;
    ``units_origin`` is the layer the scores were computed from, named in the provenance when ``units_layer`` is a
    copy of it (the dock's scored memory layer). ``scenario``: the outputs of resilience:corridorfailure ("units",
    and optionally "critical", "links", "failed"); with the clusters, each cluster gets a scenario page after its own.
    ``faults_layer``: the active faults, drawn on every map (第86条). ``transfer``: the outputs of
    resilience:evacuation ("assignment", and optionally "shelters", "routes"); with the clusters, each cluster with
    people at risk gets a transfer page (第84条) after its scenario pages.
    Raises :class:`resilience_plugin.core.report.ReportError` for a layer that is not a scoring output, and
    :class:`ReportError` (translated here) for other unusable layers and when the export fails."""
    unit_names = units_layer.fields().names()
    rc.check_scored(unit_names, display_name(units_layer))
    guessed = rc.unit_fields(unit_names)
    name_field, district_field, cluster_field = name_field or guessed[0], district_field or guessed[1], cluster_field or guessed[2]
    w = words()
    records, unit_geoms = _records(units_layer, feedback)
    if not records:
        raise ReportError(translate("Report", "Layer '{0}' has no features.").format(display_name(units_layer)))
    units = rc.unit_pages(records, name_field, district_field, cluster_field, indicator_label, w)
    unit_cluster = [rc.text(r.get(cluster_field)) if cluster_field else "" for r in records]

    clusters, cluster_geoms, cluster_ids = [], [], []
    if clusters_layer is not None:
        c_records, cluster_geoms, cluster_ids, id_field = _cluster_records(clusters_layer, units_layer.crs(), feedback)
        if not cluster_field:
            unit_cluster = rc.cluster_of_units([_wkb(g) for g in unit_geoms], [_wkb(g) for g in cluster_geoms], cluster_ids)
            for page, cid in zip(units, unit_cluster):
                if cid:
                    page.subtitle += f" · {w['cluster']} {cid}"
    members = rc.members_by_cluster(units, unit_cluster)
    after_cluster, scenario_layers, transfer_layers = {}, [], []
    if clusters_layer is not None:
        clusters = rc.cluster_pages(c_records, id_field, members, cluster_label, w)
        if scenario and scenario.get("units") is not None:
            after_cluster, scenario_layers = _scenario(scenario, units_layer.crs(), clusters, cluster_ids, cluster_geoms, w, feedback)
        if transfer and transfer.get("assignment") is not None:
            transfer_pages, transfer_layers = _transfer(transfer, units_layer.crs(), clusters, cluster_ids, cluster_geoms, w, feedback)
            for cid, extra in transfer_pages.items():
                after_cluster.setdefault(cid, []).extend(extra)

    title_page = rc.Page("title", "title", title or translate("Report", "Resilience assessment report"), profile.title_zh)
    title_page.rows["provenance"] = [
        rc.Row(list(r)) for r in provenance(units_origin or units_layer, clusters_layer, profile, inputs, len(units), len(clusters))
    ]
    title_page.rows["profile"] = rc.profile_rows(profile, chinese=bool(w.get("chinese")))
    pages = rc.order_pages(title_page, clusters, cluster_ids, members, after_cluster)
    faults = _faults(faults_layer, units_layer.crs(), feedback) if faults_layer is not None else None
    contents = _Contents(
        pages, units_layer, unit_geoms, records, clusters_layer, cluster_geoms, profile, scenario_layers, faults, transfer_layers
    )
    result, error, title_sheets = _export(contents, path, feedback, len(clusters), len(units))
    if result == QgsLayoutExporter.ExportResult.Canceled or (feedback is not None and feedback.isCanceled()):
        Path(path).unlink(missing_ok=True)  # no half-written report is left behind
        return ReportResult("", 0, len(units), len(clusters))
    if result != QgsLayoutExporter.ExportResult.Success:
        Path(path).unlink(missing_ok=True)  # never a PDF cut short
        raise ReportError(error or translate("Report", "The PDF could not be written to {0}.").format(path))
    _searchable(path, feedback)
    return ReportResult(path, report_page_count(pages, title_sheets), len(units), len(clusters))


def _export(contents, path: str, feedback, n_clusters: int, n_units: int):
    """Lay the pages out in a project of their own and export the atlas to ``path``: (QGIS's export result, its
    error, the title sheets)."""
    project = QgsProject()
    laid = None
    try:
        laid, title_sheets = _fitted_layout(project, contents)
        if hasattr(feedback, "pushInfo"):  # a processing feedback; the dock passes a plain QgsFeedback
            feedback.pushInfo(
                translate("Report", "{0} pages: title, {1} clusters, {2} units").format(
                    report_page_count(contents.pages, title_sheets), n_clusters, n_units
                )
            )
        result, error = QgsLayoutExporter.exportToPdf(laid.pages, path, _pdf_settings(), feedback)
        if laid.pages.failed and result == QgsLayoutExporter.ExportResult.Success:  # stopped short: never a partial PDF
            result = QgsLayoutExporter.ExportResult.IteratorError
    finally:
        if laid is not None:
            laid.release()
        project.clear()
    return result, error, title_sheets


def _cluster_records(clusters_layer, crs, feedback):
    """(records, geometries in ``crs``, ids, id field) of the clusters layer; a layer without cluster_id, or a
    cluster that cannot be moved into ``crs``, is a ReportError naming it."""
    c_names = clusters_layer.fields().names()
    id_field = rc.cluster_field(c_names)
    if not id_field:
        raise ReportError(
            translate(
                "Report", "Layer '{0}' has no cluster_id field: give the clusters of 'Resilience clusters' (resilience:clusters)."
            ).format(display_name(clusters_layer))
        )
    c_records, cluster_geoms = _records(clusters_layer, feedback)
    cluster_ids = [rc.text(r.get(id_field)) for r in c_records]
    if clusters_layer.crs() != crs:
        transform = QgsCoordinateTransform(clusters_layer.crs(), crs, QgsProject.instance().transformContext())
        for g, cid in zip(cluster_geoms, cluster_ids):
            if not g.isNull() and g.transform(transform) != 0:  # Qgis.GeometryOperationResult.Success
                raise ReportError(
                    translate("Report", "Layer '{0}': cluster {1} cannot be moved into the units' CRS.").format(
                        display_name(clusters_layer), cid
                    )
                )
    return c_records, cluster_geoms, cluster_ids, id_field


@dataclass
class _Contents:
    """What the layout draws: the report's pages (atlas features, in order) and the layers and geometries behind them
    (memory copies in the units' CRS for the scenario and the faults)."""

    pages: list
    units_layer: QgsVectorLayer
    unit_geoms: list
    records: list
    clusters_layer: Optional[QgsVectorLayer]
    cluster_geoms: list
    profile: object
    scenario_layers: list
    faults: Optional[QgsVectorLayer]
    transfer_layers: list


def _fitted_layout(project, contents: _Contents):
    """The layouts with as many sheets for the profile's values as they fill: none is cut off (a longer profile, a
    longer source) and no sheet is left empty. Returns (the layouts, title sheets). A profile whose values need more
    than MAX_PROFILE_SHEETS sheets is a ReportError, never a report with its values cut off."""
    title_sheets, tried = TITLE_PAGES, set()
    while True:  # fitted on the title's layout alone: the others are laid out once, when it fits
        laid = _layout(project, contents, title_sheets, title_only=True)
        needed = _profile_sheets(laid.layouts["title"].atlas(), laid.profile_table, title_sheets - 1)
        tried.add(title_sheets - 1)
        _discard(project, contents, laid)
        if needed == title_sheets - 1 or (needed < title_sheets - 1 and needed in tried):
            return _layout(project, contents, title_sheets), title_sheets  # fits (with an empty sheet where one fewer cut rows off)
        if needed > MAX_PROFILE_SHEETS:
            raise ReportError(
                translate(
                    "Report",
                    "The plan profile's values do not fit on {0} pages of the report: shorten its longest texts (a value's "
                    "source, for one).",
                ).format(MAX_PROFILE_SHEETS)
            )
        title_sheets = needed + 1


def _discard(project, contents: _Contents, laid: "_Laid") -> None:
    """Drop layouts laid out for the wrong number of sheets: the layers they made go; the scenario's, the transfer's
    and the faults' stay for the next."""
    laid.release()
    faults = [contents.faults] if contents.faults is not None else []
    kept = {layer.id() for layer in [*contents.scenario_layers, *contents.transfer_layers, *faults]}
    project.removeMapLayers([lid for lid in project.mapLayers() if lid not in kept])


def _pdf_settings():
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    # real text, not outlines: the PDF can be searched and its Chinese copied
    settings.textRenderFormat = (
        Qgis.TextRenderFormat.AlwaysText if hasattr(Qgis, "TextRenderFormat") else QgsRenderContext.TextRenderFormat.TextFormatAlwaysText
    )
    return settings


def _profile_sheets(atlas, table, sheets: int) -> int:
    """How many sheets the profile's values fill, laid out on the title feature: ``sheets`` when they fit those
    exactly, more when the last frame cuts rows off, fewer when a frame stays empty."""
    import math

    atlas.updateFeatures()
    atlas.seekTo(0)  # the title feature: sorted first
    table.refreshAttributes()
    total = table.totalSize().height()
    frames = [table.frame(k) for k in range(table.frameCount())]
    shown = max((f.extent().bottom() for f in frames), default=0.0)
    per_frame = shown / max(1, sum(1 for f in frames if not f.isEmpty()))
    if shown >= total - 0.01:
        used = sum(1 for f in frames if not f.isEmpty())
        return max(1, used)
    return max(sheets + 1, math.ceil(total / max(per_frame, 1.0)))


def _searchable(path: str, feedback) -> None:
    """Chinese in the PDF's text layer as Chinese: Qt names the Kangxi or CJK radical that a font draws with the
    same glyph (⾼ for 高, ⻛ for 风), and "风险" could not be found (core.pdftext). The correction is appended to
    the file, written beside it and moved over it: a failed write leaves the PDF as Qt wrote it."""
    import os

    from ..core.pdftext import fix_radicals

    try:
        data = Path(path).read_bytes()
        fixed, n = fix_radicals(data)
        if n:
            part = Path(f"{path}.part")
            part.write_bytes(fixed)
            os.replace(part, path)
    except (OSError, ValueError, zlib.error) as e:
        Path(f"{path}.part").unlink(missing_ok=True)
        message = translate(
            "Report", "The PDF's text layer was left as written: some Chinese characters may search and copy as radicals (⾼ for 高) ({0})."
        ).format(e)
        if hasattr(feedback, "pushWarning"):
            feedback.pushWarning(message)
        else:  # the dock's plain feedback
            from qgis.core import QgsMessageLog

            QgsMessageLog.logMessage(message, "Resilience Planner", MESSAGE_WARNING)


def _wkb(geometry: QgsGeometry) -> Optional[bytes]:
    """WKB that shapely reads: None for no geometry, arcs (curved GeoPackage geometries) as straight segments."""
    return None if geometry.isNull() else bytes(without_arcs(geometry).asWkb())


def provenance(units_layer, clusters_layer, profile, inputs, n_units, n_clusters) -> List[tuple]:
    """(item, value) rows: date, versions, profile and its checksum, each layer with its source, count and CRS."""
    edited = translate("Report", "edited in the dock, not saved")
    rows = [
        (translate("Report", "Made on"), datetime.datetime.now().strftime("%Y-%m-%d %H:%M")),
        (translate("Report", "Resilience Planner"), plugin_version()),
        (translate("Report", "QGIS"), Qgis.QGIS_VERSION),
        (translate("Report", "Plan"), f"{profile.title_zh} / {profile.title}"),
        (
            translate("Report", "Plan profile"),
            f"{profile.id} · {profile.path or edited} · sha256 {rc.file_digest(profile.path) or '—'}",
        ),
    ]
    for label, layer, count in (
        (translate("Report", "Street/town units"), units_layer, n_units),
        (translate("Report", "Clusters"), clusters_layer, n_clusters),
    ):
        if layer is not None:
            rows.append((label, layer_summary(layer, count)))
    rows += [(str(a), str(b)) for a, b in inputs]
    return rows


def layer_summary(layer, count=None) -> str:
    """A layer for the provenance table: name · features · CRS · source (the source cut at 160 characters)."""
    n = layer.featureCount() if count is None else count
    return f"{layer.name()} · {n} · {layer.crs().authid()} · {layer.source()[:160]}"


# ------------------------------------------------------------------ the layout


def report_first_pages(pages, title_sheets: int = TITLE_PAGES) -> list:
    """The PDF page number on which each report page (atlas feature, in order) starts: the title feature prints
    ``title_sheets`` sheets (the title page and the profile's values), any other one."""
    out, at = [], 1
    for page in pages:
        out.append(at)
        at += title_sheets if page.kind == "title" else 1
    return out


def report_page_count(pages, title_sheets: int = TITLE_PAGES) -> int:
    return sum(title_sheets if page.kind == "title" else 1 for page in pages)


class _Rows:
    """The rows of the report's tables, one point layer per section (a unit's indicators, a cluster's units …): a
    table reads only its own section's layer, the rows on the atlas feature's geometry through the spatial index,
    then filtered to the page. One layer for every section made each of the layout's tables scan every row of the
    report on every page: most of the export's time."""

    def __init__(self, crs):
        self._layers: Dict[str, QgsVectorLayer] = {}
        self.project = None  # set once the layers are in the layout's project: later sections are added to it
        self.cover = None
        self.crs = crs
        # each row is a point on its page's geometry, so that a table asks the layer's spatial index for the rows on
        # the atlas feature and tests its filter on those alone, not on every row of the section on every page; a
        # section with a row that could not be put on its page (a geometry without a point on it) is read whole
        self.unplaced: set = set()

    def layer(self, section: str) -> QgsVectorLayer:
        found = self._layers.get(section)
        if found is None:
            found = self._layers[section] = _rows_layer(section, self.crs)
            if self.project is not None:
                self.attach(found)
        return found

    def attach(self, layer: QgsVectorLayer) -> None:
        """``layer`` in the layout's project (its own, not QGIS's)."""
        if self.project.mapLayer(layer.id()) is None and not self.project.addMapLayer(layer):
            raise ReportError(translate("Report", "The report's layers could not be set up."))

    def layers(self) -> List[QgsVectorLayer]:
        return list(self._layers.values())


def _rows_layer(section: str, crs) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs.authid()}", translate("Report", "Report rows") + f" {section}", "memory")
    fields = [
        QgsField("page_key", FIELD_STRING),
        QgsField("section", FIELD_STRING),
        QgsField("n", FIELD_INT),
        QgsField("failed", FIELD_INT),
    ]
    fields += [QgsField(f"c{j + 1}", FIELD_STRING) for j in range(CELLS)]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    style = QgsConditionalStyle('"failed" = 1')
    style.setBackgroundColor(QColor(FAIL_BACKGROUND))
    layer.conditionalStyles().setRowStyles([style])
    return layer


def _memory_layers(pages, crs, unit_geoms, cluster_geoms, extent, title_sheets):
    cover = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", translate("Report", "Report pages"), "memory")
    fields = QgsFields()
    for name, kind in (
        ("page_key", FIELD_STRING),
        ("kind", FIELD_STRING),
        ("sort", FIELD_INT),
        ("first_page", FIELD_INT),
        ("title", FIELD_STRING),
        ("subtitle", FIELD_STRING),
        ("body", FIELD_STRING),
        ("advice", FIELD_STRING),
    ):
        fields.append(QgsField(name, kind))
    cover.dataProvider().addAttributes(fields.toList())
    cover.updateFields()
    rows = _Rows(crs)
    features, row_features = [], {}
    first_pages = report_first_pages(pages, title_sheets)
    for sort, page in enumerate(pages):
        f = QgsFeature(cover.fields())
        if page.kind == "unit":
            f.setGeometry(unit_geoms[page.index])
        elif page.kind in ("cluster", "scenario", "transfer"):
            f.setGeometry(cluster_geoms[page.index])
        else:
            f.setGeometry(QgsGeometry.fromRect(extent))
        on_page = _point_on(f.geometry())
        advice = "\n".join(f"• {r.cells[0]}" for r in page.rows.get("measures", []) if page.kind == "unit")
        f.setAttributes([page.key, page.kind, sort, first_pages[sort], page.title, page.subtitle, page.body, advice])
        features.append(f)
        for section, section_rows in page.rows.items():
            if page.kind == "unit" and section == "measures":
                continue
            layer = rows.layer(section)
            if on_page is None:  # no geometry, or no point on it: QGIS would keep none of the rows on the page
                rows.unplaced.add(section)
            for n, row in enumerate(section_rows):
                r = QgsFeature(layer.fields())
                cells = (list(row.cells) + [""] * CELLS)[:CELLS]
                r.setAttributes([page.key, section, n, int(row.failed), *cells])
                if on_page is not None:
                    r.setGeometry(on_page)
                row_features.setdefault(section, []).append(r)
    if not cover.dataProvider().addFeatures(features)[0] or cover.featureCount() != len(features):
        raise ReportError(translate("Report", "The report's layers could not be set up."))
    for section, section_features in row_features.items():
        provider = rows.layer(section).dataProvider()
        if not provider.addFeatures(section_features)[0]:
            raise ReportError(translate("Report", "The report's layers could not be set up."))
        provider.createSpatialIndex()
    # the atlas feature stands out: a thick outline on its own page, nothing elsewhere
    root = QgsRuleBasedRenderer.Rule(None)
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#d7191c", "outline_width": "0.9", "outline_width_unit": "MM"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "$id = @atlas_featureid AND \"kind\" <> 'title'"))
    cover.setRenderer(QgsRuleBasedRenderer(root))
    return cover, rows


def _point_on(geometry: QgsGeometry) -> Optional[QgsGeometry]:
    """A point on ``geometry`` that the geometry intersects (QGIS's own test when a table keeps the rows on the atlas
    feature), or None for no geometry or none found."""
    if geometry.isNull() or geometry.isEmpty():
        return None
    point = geometry.pointOnSurface()
    return point if not point.isNull() and geometry.intersects(point) else None


def _scored_copy(crs, unit_geoms, records, breaks):
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", translate("Report", "Risk score"), "memory")
    layer.dataProvider().addAttributes([QgsField("score", FIELD_DOUBLE)])
    layer.updateFields()
    feats = []
    for g, r in zip(unit_geoms, records):
        f = QgsFeature(layer.fields())
        f.setGeometry(g)
        f.setAttributes([rc.number(r.get("score"))])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    style_scores(layer, breaks)
    return layer


def _cluster_copy(crs, cluster_geoms):
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", translate("Report", "Clusters"), "memory")
    feats = []
    for g in cluster_geoms:
        f = QgsFeature(layer.fields())
        f.setGeometry(g)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#08306b", "outline_width": "0.5", "outline_width_unit": "MM"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


class _Pages(QgsAbstractLayoutIterator):
    """The report's pages in order, each laid out by the layout of its kind (title, cluster, unit, scenario,
    transfer), whose atlas holds that kind's pages. QGIS's PDF export takes any such iterator; moving an atlas to a
    page refreshes only the items of that page's layout, not those of every kind's sheets (one layout for all kinds,
    sheets hidden by kind, refreshed some sixty items a page: most of the export's time)."""

    def __init__(self, layouts: Dict[str, "object"], kinds: List[str]):
        super().__init__()
        self.layouts, self.kinds, self.at = layouts, kinds, -1
        self.failed = False  # a page its kind's atlas could not turn to: the export stopped short (see next)
        self.rank = []  # each page's place among the pages of its kind: its feature in that kind's atlas
        seen: Dict[str, int] = {}
        for kind in kinds:
            self.rank.append(seen.get(kind, 0))
            seen[kind] = seen.get(kind, 0) + 1

    def count(self) -> int:
        return len(self.kinds)

    def beginRender(self) -> bool:  # noqa: N802 - QGIS API
        self.at, self.failed = -1, False
        began = [layout.atlas().beginRender() for layout in self.layouts.values()]
        counts = {kind: layout.atlas().count() for kind, layout in self.layouts.items()}
        self.failed = not all(began) or any(counts[kind] != self.kinds.count(kind) for kind in counts)
        return not self.failed

    def endRender(self) -> bool:  # noqa: N802 - QGIS API
        return all([layout.atlas().endRender() for layout in self.layouts.values()])

    def next(self) -> bool:
        self.at += 1
        if self.at >= len(self.kinds):
            return False
        if not self.layouts[self.kinds[self.at]].atlas().seekTo(self.rank[self.at]):
            self.failed = True  # QGIS's export ends here as if done: build_report says it failed
            return False
        return True

    def filePath(self, base_path: str, extension: str) -> str:  # noqa: N802 - QGIS API
        return base_path

    def layout(self):
        return self.layouts[self.kinds[min(max(self.at, 0), len(self.kinds) - 1)]]


@dataclass
class _Laid:
    """The report laid out: a layout per page kind, the pages in order, the profile's table (on the title layout)
    and what must live as long as the layouts."""

    layouts: Dict[str, object]
    pages: _Pages
    profile_table: object
    keep: tuple

    def release(self) -> None:
        """Break the layouts -> builder -> layout cycles: freed now, not at some later garbage collection (or after
        QGIS has quit, where Qt warns)."""
        self.keep = self.profile_table = None
        self.layouts = self.pages.layouts = {}


def _kind_layout(project, cover, kind: str, sheets: int = 1):
    """A layout of ``sheets`` A4 sheets whose atlas is the report's pages of ``kind``, in report order."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    collection = layout.pageCollection()
    collection.page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
    for _ in range(sheets - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        collection.addPage(page)
    collection.reflow()
    atlas = layout.atlas()
    atlas.setCoverageLayer(cover)
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(f"\"kind\" = '{kind}'")
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sort"')
    atlas.setPageNameExpression('"title"')
    atlas.setEnabled(True)
    return layout


def _layout(project, contents: _Contents, title_sheets=TITLE_PAGES, title_only: bool = False) -> _Laid:
    """The report's layouts: the title page and ``title_sheets`` - 1 sheets of the profile's values, then one sheet
    for each cluster, unit, scenario and transfer page, each kind a layout of its own (see :class:`_Pages`).
    ``title_only``: the title's layout alone (to find how many sheets the profile's values fill)."""
    c = contents
    pages, units_layer, unit_geoms, records, profile = c.pages, c.units_layer, c.unit_geoms, c.records, c.profile
    clusters_layer, cluster_geoms, scenario_layers, faults = c.clusters_layer, c.cluster_geoms, c.scenario_layers, c.faults
    transfer_layers = c.transfer_layers
    crs = units_layer.crs()
    extent = QgsRectangle()
    for g in unit_geoms:
        if not g.isNull():
            extent.combineExtentWith(g.boundingBox())
    cover, rows = _memory_layers(pages, crs, unit_geoms, cluster_geoms, extent, title_sheets)
    scored = _scored_copy(crs, unit_geoms, records, profile.value("scoring.class_breaks"))
    # the first layer listed is drawn on top: the page's outline, the faults (第86条), the clusters, the scores
    on_top = [cover, *([faults] if faults is not None else [])]
    clusters_copy = [_cluster_copy(crs, cluster_geoms)] if clusters_layer is not None else []
    map_layers = [*on_top, *clusters_copy, scored]
    for layer in [*map_layers, *scenario_layers, *transfer_layers]:
        _drawn_whole(layer)
    project.setCrs(crs)
    scenario_map = [*on_top, *clusters_copy, *scenario_layers]
    transfer_map = [*on_top, *clusters_copy, *transfer_layers]
    new = [layer for layer in [*map_layers, *scenario_layers, *transfer_layers, *rows.layers()] if project.mapLayer(layer.id()) is None]
    if len(project.addMapLayers(new)) != len(new):
        raise ReportError(translate("Report", "The report's layers could not be set up."))
    rows.project, rows.cover = project, cover
    for layer in rows.layers():
        rows.attach(layer)

    family = report_font_family()
    version = plugin_version()
    total = report_page_count(pages, title_sheets)
    kinds = [page.kind for page in pages]

    def footer_of(kind):
        def footer(sheet: int) -> str:  # the PDF's own page number: a title feature prints several sheets (0, 1, 2 …)
            offset = sheet if kind == "title" else 0
            return translate("Report", "Resilience Planner {0} · {1} · sheet {2}").format(
                version, profile.title_zh, f'[% "first_page" + {offset} %] / {total}'
            )

        return footer

    layouts, keep, builders = {}, [cover, rows, scored, *scenario_layers, *transfer_layers], {}
    for kind in ["title"] if title_only else dict.fromkeys(kinds):  # the kinds there are, each once
        layouts[kind] = _kind_layout(project, cover, kind, title_sheets if kind == "title" else 1)
        builders[kind] = _Builder(layouts[kind], family)
    profile_table = None
    if "title" in layouts:
        b = builders["title"]
        _title_sheet(b, layouts["title"], pages, map_layers, scored, faults, extent, rows, footer_of("title"))
        profile_table = _profile_sheets_layout(b, rows, title_sheets, footer_of("title"))
    if "cluster" in layouts:
        keep.append(_cluster_sheet(builders["cluster"], 0, rows, map_layers, extent, footer_of("cluster")))
    if "unit" in layouts:
        keep.append(_unit_sheet(builders["unit"], 0, rows, map_layers, extent, footer_of("unit")))
    if "scenario" in layouts:
        keep.append(_scenario_sheet(builders["scenario"], 0, rows, scenario_map, extent, footer_of("scenario")))
    if "transfer" in layouts:
        keep.append(_transfer_sheet(builders["transfer"], 0, rows, transfer_map, extent, footer_of("transfer")(0)))
    keep.extend(builders.values())
    return _Laid(layouts, _Pages(layouts, kinds), profile_table, tuple(keep))


def _title_sheet(builder, layout, pages, map_layers, scored, faults, extent, rows, footer):
    """Sheet 0: the title, the overview map with its legend, and the provenance."""
    width = PAGE_W - 2 * MARGIN
    # page 0: title, overview map, legend, provenance
    # the title fits the page: on one line where it can, on two at 11 pt where it cannot
    builder.label(0, '[% "title" %]', MARGIN, 16, width, 12, builder.fitting_size(pages[0].title, 20, width, bold=True), bold=True)
    builder.label(0, '[% "subtitle" %]', MARGIN, 29, width, 8, 11)
    builder.label(
        0,
        translate(
            "Report",
            "Street/town units (第50–52条) and resilience clusters (第47–49条), scored on hazard, vulnerability and capacity (第51条).",
        ),
        MARGIN,
        35.5,
        width,
        10,
        9,
    )
    map_w = width - 46
    overview = builder.map(0, MARGIN, 46, map_w, 120, map_layers, atlas_driven=False)
    overview.zoomToExtent(_padded(extent, 0.03))
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(overview)
    legend.setAutoUpdateModel(False)
    legend_root = legend.model().rootGroup()
    legend_root.clear()
    node = legend_root.addLayer(scored)
    QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)  # the title says it
    if faults is not None:  # one line: the layer's name beside its symbol
        QgsLegendRenderer.setNodeLegendStyle(legend_root.addLayer(faults), QgsLegendStyle.Style.Hidden)
    legend.setTitle(translate("Report", "Risk score (0–10)"))
    legend.setWrapString("|")
    _legend_font(legend, builder.family)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(MARGIN + map_w + 3, 46), page=0)
    builder.table(
        0,
        rows,
        "provenance",
        [translate("Report", "Provenance"), ""],
        [40, width - 40],
        MARGIN,
        172,
        width,
        PAGE_H - 172 - 16,
    )
    builder.label(0, footer(0), MARGIN, PAGE_H - 10, width, 5, 7)


def _profile_sheets_layout(builder, rows, title_sheets, footer):
    """Sheets 1 … ``title_sheets`` - 1: the profile's values (the table runs on over as many sheets as it needs)."""
    width = PAGE_W - 2 * MARGIN
    # page 1: the profile's values
    builder.label(1, translate("Report", "Plan profile values used"), MARGIN, 14, width, 8, 13, bold=True)
    profile_table = builder.table(
        1,
        rows,
        "profile",
        [
            translate("Report", "Key"),
            translate("Report", "Value"),
            translate("Report", "Unit"),
            translate("Report", "Source"),
            translate("Report", "Confidence"),
        ],
        [44, 40, 18, 66, 14],
        MARGIN,
        24,
        width,
        PAGE_H - 24 - 14,
        size=5.5,
    )
    builder.label(1, footer(1), MARGIN, PAGE_H - 10, width, 5, 7)
    # the sheets after it: the rest of the profile's values
    for sheet in range(2, title_sheets):
        builder.label(sheet, translate("Report", "Plan profile values used (continued)"), MARGIN, 14, width, 8, 13, bold=True)
        builder.frame(profile_table, sheet, MARGIN, 24, width, PAGE_H - 24 - 14)
        builder.label(sheet, footer(sheet), MARGIN, PAGE_H - 10, width, 5, 7)

    return profile_table


def _cluster_sheet(builder, page, rows, map_layers, extent, footer):
    """A cluster: its map, its measures and its units by rank."""
    width = PAGE_W - 2 * MARGIN
    # a cluster
    builder.label(page, '[% "title" %]', MARGIN, 14, width, 10, 16, bold=True)
    builder.label(page, '[% "subtitle" %]', MARGIN, 25, width, 7, 9)
    cluster_map = builder.map(page, MARGIN, 33, width, 105, map_layers, atlas_driven=True, margin=0.08)
    # an atlas map keeps the aspect of the extent it starts with; an empty one would resize the item
    cluster_map.zoomToExtent(extent)
    builder.table(
        page,
        rows,
        "measures",
        [translate("Report", "Cluster measure (第47–49条)"), translate("Report", "Value")],
        [100, width - 100],
        MARGIN,
        142,
        width,
        80,
    )
    builder.label(page, translate("Report", "Units of this cluster, by rank (第50–52条)"), MARGIN, 224, width, 5, 8, bold=True)
    builder.table(
        page,
        rows,
        "members",
        [
            translate("Report", "Unit"),
            translate("Report", "Score"),
            translate("Report", "Class"),
            translate("Report", "Type (第52条)"),
            translate("Report", "Rank"),
        ],
        [62, 18, 34, 50, 18],
        MARGIN,
        229,
        width,
        PAGE_H - 229 - 14,
        size=6.0,
    )
    builder.label(page, footer(page), MARGIN, PAGE_H - 10, width, 5, 7)

    return cluster_map


def _unit_sheet(builder, page, rows, map_layers, extent, footer):
    """A unit: its map, its scores and indicators, and its measures."""
    width = PAGE_W - 2 * MARGIN
    # a unit
    builder.label(page, '[% "title" %]', MARGIN, 14, width, 10, 16, bold=True)
    builder.label(page, '[% "subtitle" %]', MARGIN, 25, width, 7, 9)
    unit_map = builder.map(page, MARGIN, 33, width, 100, map_layers, atlas_driven=True, margin=1.5)
    unit_map.zoomToExtent(extent)
    builder.label(page, '[% "body" %]  (0–10, 第51条)', MARGIN, 135, width, 6, 9)
    builder.table(
        page,
        rows,
        "indicators",
        [
            translate("Report", "Indicator"),
            translate("Report", "Dimension"),
            translate("Report", "Value"),
            translate("Report", "Score 0–10"),
            translate("Report", "Target"),
            translate("Report", "Met"),
            translate("Report", "Clause"),
        ],
        [58, 26, 22, 20, 18, 16, 22],
        MARGIN,
        143,
        width,
        72,
    )
    builder.label(page, translate("Report", "Measures (第52条)"), MARGIN, 218, width, 6, 10, bold=True)
    builder.label(page, '[% "advice" %]', MARGIN, 225, width, PAGE_H - 225 - 14, 8.5)
    builder.label(page, footer(page), MARGIN, PAGE_H - 10, width, 5, 7)
    return unit_map


def _scenario_sheet(builder, page, rows, scenario_map, extent, footer):
    """A cluster's corridor-failure scenario: its map, the units cut off, the critical sections and the links lost."""
    sections = (
        (
            translate("Report", "Units that lose an essential facility (第48、65条)"),
            "cut",
            [
                translate("Report", "Unit"),
                translate("Report", "Lost"),
                translate("Report", "People"),
                translate("Report", "Clusters no longer reached"),
            ],
            [40, 60, 20, 62],
            128,
            52,
            6.0,
        ),
        (
            translate("Report", "Critical sections in this cluster (第44、62、65条)"),
            "critical",
            [
                translate("Report", "Rank"),
                translate("Report", "Road"),
                translate("Report", "People cut off"),
                translate("Report", "People on routes"),
                translate("Report", "Measure"),
            ],
            [12, 34, 20, 20, 96],
            187,
            58,
            5.5,
        ),
        (
            translate("Report", "Links to other clusters lost or longer (第48条)"),
            "links",
            [
                translate("Report", "Cluster"),
                translate("Report", "Route before (m)"),
                translate("Report", "Route after (m)"),
                translate("Report", "Link"),
            ],
            [40, 40, 40, 62],
            252,
            PAGE_H - 257 - 14,
            6.0,
        ),
    )
    return _map_and_tables_sheet(builder, page, rows, scenario_map, extent, footer(page), sections)


def _map_and_tables_sheet(builder, page, rows, layers, extent, footer_text, sections):
    """A sheet of the atlas feature's title and subtitle, its map of ``layers``, then for each of ``sections`` (label,
    rows section, column headings, column widths, top in mm, height in mm, text size) a bold label with its table
    under it, and the footer: the scenario's and the transfer's sheets. Returns the map."""
    width = PAGE_W - 2 * MARGIN
    builder.label(page, '[% "title" %]', MARGIN, 14, width, 10, 14, bold=True)
    builder.label(page, '[% "subtitle" %]', MARGIN, 25, width, 7, 9)
    view = builder.map(page, MARGIN, 33, width, 92, layers, atlas_driven=True, margin=0.15)
    view.zoomToExtent(extent)
    for label, section, headings, widths, y, h, size in sections:
        builder.label(page, label, MARGIN, y, width, 5, 8, bold=True)
        builder.table(page, rows, section, headings, widths, MARGIN, y + 5, width, h, size=size)
    builder.label(page, footer_text, MARGIN, PAGE_H - 10, width, 5, 7)
    return view


def _scenario(scenario, crs, clusters, cluster_ids, cluster_geoms, w, feedback):
    """The scenario pages of each cluster (cluster id -> pages) and the map layers of those pages (memory copies in
    the units' CRS: failed sections, critical sections, the units by access)."""
    from ..qgisside.styles import style_critical, style_failed, style_failure_units

    units = scenario["units"]
    u_records, u_geoms = _records(units, feedback)
    _to_crs(u_geoms, units.crs(), crs)
    u_names = units.fields().names()
    name_field, _district, cluster_field = rc.unit_fields(u_names)
    if cluster_field:
        unit_cluster = [rc.text(r.get(cluster_field)) for r in u_records]
    else:
        unit_cluster = rc.cluster_of_units([_wkb(g) for g in u_geoms], [_wkb(g) for g in cluster_geoms], cluster_ids)
    s_records, s_clusters, layers = [], [], []
    critical = scenario.get("critical")
    if critical is not None:
        s_records, s_geoms = _records(critical, feedback)
        _to_crs(s_geoms, critical.crs(), crs)
        s_clusters = rc.clusters_of_lines([_wkb(g) for g in s_geoms], [_wkb(g) for g in cluster_geoms], cluster_ids)
        largest = max((rc.number(r.get("pop_route")) or 0.0 for r in s_records), default=0.0)
        style = functools.partial(style_critical, largest_route=largest)
        layers.append(_copy(critical, s_geoms, s_records, crs, "MultiLineString", style, ("rank", "pop_cut", "pop_route")))
    links = []
    if scenario.get("links") is not None:
        links, _g = _records(scenario["links"], feedback)
    failed = scenario.get("failed")
    if failed is not None:
        f_records, f_geoms = _records(failed, feedback)
        _to_crs(f_geoms, failed.crs(), crs)
        layers.append(_copy(failed, f_geoms, f_records, crs, "MultiLineString", style_failed, ("cause_name",)))
    kind = "MultiPolygon" if units.geometryType() == GEOMETRY_POLYGON else "MultiPoint"
    layers.append(_copy(units, u_geoms, u_records, crs, kind, style_failure_units, ("access",)))
    titles = [p.title for p in clusters]
    pages = rc.scenario_pages(cluster_ids, titles, u_records, unit_cluster, name_field, s_records, s_clusters, links, w)
    return pages, layers[::-1]  # units under the sections


def _transfer_sheet(builder, page, rows, layers, extent, footer_text):
    """A cluster's emergency-transfer sheet (第84条): its map, the features with people without a place, the fullest
    shelters and the sections that take longest to clear."""
    sections = (
        (
            translate("Report", "People at risk and without a place (第84条)"),
            "t_short",
            [
                translate("Report", "Community or unit"),
                translate("Report", "At risk"),
                translate("Report", "Placed"),
                translate("Report", "Without a place"),
                translate("Report", "Why"),
            ],
            [46, 22, 22, 26, 66],
            128,
            52,
            6.0,
        ),
        (
            translate("Report", "Fullest shelters (第84、91条)"),
            "t_shelters",
            [
                translate("Report", "Shelter"),
                translate("Report", "Class"),
                translate("Report", "Places"),
                translate("Report", "Placed"),
                translate("Report", "Share used"),
            ],
            [62, 46, 26, 26, 22],
            187,
            58,
            6.0,
        ),
        (
            translate("Report", "Sections that take longest to clear (第33、84条)"),
            "t_routes",
            [
                translate("Report", "Road"),
                translate("Report", "People"),
                translate("Report", "Minutes to pass"),
                translate("Report", "Measure"),
            ],
            [46, 22, 26, 88],
            252,
            PAGE_H - 257 - 14,
            6.0,
        ),
    )
    return _map_and_tables_sheet(builder, page, rows, layers, extent, footer_text, sections)


def _transfer(transfer, crs, clusters, cluster_ids, cluster_geoms, w, feedback):
    """The transfer page of each cluster with people at risk (cluster id -> pages) and the map layers of those pages
    (memory copies in the units' CRS: routes, shelters by load, the features by share placed)."""
    from ..qgisside.styles import style_routes, style_shelter_load, style_transfer

    cluster_wkbs = [_wkb(g) for g in cluster_geoms]
    layers = []

    def read(layer, kind, style, fields):
        records, geoms = _records(layer, feedback)
        _to_crs(geoms, layer.crs(), crs)
        layers.append(_copy(layer, geoms, records, crs, kind, style, fields))
        return records, geoms

    assignment = transfer["assignment"]
    kind = "MultiPolygon" if assignment.geometryType() == GEOMETRY_POLYGON else "MultiPoint"
    a_records, a_geoms = read(assignment, kind, style_transfer, ("share_placed",))
    a_cluster = rc.cluster_of_units([_wkb(g) for g in a_geoms], cluster_wkbs, cluster_ids)
    s_records, s_cluster = [], []
    if transfer.get("shelters") is not None:
        shelters = transfer["shelters"]
        kind = "MultiPolygon" if shelters.geometryType() == GEOMETRY_POLYGON else "MultiPoint"
        s_records, s_geoms = read(shelters, kind, style_shelter_load, ("status", "util", "load_p"))
        s_cluster = rc.cluster_of_units([_wkb(g) for g in s_geoms], cluster_wkbs, cluster_ids)
    r_records, r_clusters = [], []
    if transfer.get("routes") is not None:
        r_records, r_geoms = read(transfer["routes"], "MultiLineString", style_routes, ("bottleneck", "people", "clear_min"))
        for g in r_geoms:
            r_clusters.append(
                [cid for cid, cg in zip(cluster_ids, cluster_geoms) if not g.isNull() and not cg.isNull() and cg.intersects(g)]
            )
    titles = [p.title for p in clusters]
    pages = rc.transfer_pages(cluster_ids, titles, a_records, a_cluster, s_records, s_cluster, r_records, r_clusters, w)
    return pages, layers[::-1]  # the features under the shelters under the routes


def _faults(layer, crs, feedback) -> QgsVectorLayer:
    """The active faults as a memory copy in the units' CRS, drawn dashed red on every map of the report."""
    from ..qgisside.styles import style_faults

    records, geoms = _records(layer, feedback)
    _to_crs(geoms, layer.crs(), crs)
    names = [n for n in layer.fields().names() if n.lower() in ("name", "name_zh", "名称", "断裂名称")][:1]
    copy = _copy(layer, geoms, records, crs, "MultiLineString", style_faults, names)
    copy.setName(translate("Report", "Active faults (第86条)"))
    return copy


def _to_crs(geoms, source_crs, crs) -> None:
    if source_crs == crs:
        return
    transform = QgsCoordinateTransform(source_crs, crs, QgsProject.instance().transformContext())
    for k, g in enumerate(geoms):
        if not g.isNull() and g.transform(transform) != 0:  # Qgis.GeometryOperationResult.Success
            geoms[k] = QgsGeometry()  # not drawn: a scenario feature outside the units' CRS's area


def _copy(layer, geoms, records, crs, kind, style, fields):
    """A memory copy of ``layer`` (its ``fields`` only, geometries already in ``crs``) drawn with ``style``."""
    copy = QgsVectorLayer(f"{kind}?crs={crs.authid()}", display_name(layer), "memory")
    types = {f.name(): f.type() for f in layer.fields()}
    copy.dataProvider().addAttributes([QgsField(n, types.get(n, FIELD_STRING)) for n in fields])
    copy.updateFields()
    feats = []
    for g, r in zip(geoms, records):
        f = QgsFeature(copy.fields())
        g = QgsGeometry(g)
        if g.isNull() or g.convertToMultiType():
            f.setGeometry(g)
        f.setAttributes([r.get(n) for n in fields])
        feats.append(f)
    copy.dataProvider().addFeatures(feats)
    style(copy)
    return copy


def _drawn_whole(layer) -> None:
    """Features drawn whole, the map frame cutting them: QGIS's own clipping to the map's extent leaves a polygon that
    lies outside it with no points, which Qt writes into the PDF as a closepath with no current point (poppler: "No
    current point in closepath", 15 times in the demo's report)."""
    renderer = layer.renderer()
    if renderer is None:
        return
    for symbol in renderer.symbols(QgsRenderContext()):
        symbol.setClipFeaturesToExtent(False)


def _padded(rect: QgsRectangle, share: float) -> QgsRectangle:
    r = QgsRectangle(rect)
    r.grow(max(r.width(), r.height()) * share)
    return r


def _legend_font(legend, family):
    for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.SymbolLabel):
        s = legend.style(style)
        if hasattr(s, "textFormat"):
            fmt = s.textFormat()
            fmt.setFont(QFont(family))
            fmt.setSize(9 if style == QgsLegendStyle.Style.Title else 7.5)
            s.setTextFormat(fmt)
        else:
            font = QFont(family)
            font.setPointSizeF(9 if style == QgsLegendStyle.Style.Title else 7.5)
            s.setFont(font)
        legend.setStyle(style, s)


class _Builder:
    """Adds labels, maps and tables to one page of the layout, in millimetres from the page's top-left corner."""

    def __init__(self, layout, family):
        self.layout, self.family = layout, family

    def _place(self, item, page, x, y, w, h):
        item.attemptResize(QgsLayoutSize(w, h))
        item.attemptMove(QgsLayoutPoint(x, y), page=page)

    def label(self, page, text, x, y, w, h, size, bold=False):
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        if hasattr(item, "setTextFormat"):  # QGIS >= 3.24
            fmt = QgsTextFormat.fromQFont(font)
            fmt.setSize(size)
            item.setTextFormat(fmt)
        else:
            item.setFont(font)
        item.setHAlign(Qt.AlignmentFlag.AlignLeft)  # QGIS's labels justify by default: a title spread over the page
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return item

    def fitting_size(self, text: str, size: float, width: float, bold: bool = False, smallest: float = 11.0) -> float:
        """The largest point size up to ``size`` at which ``text`` fits on one line ``width`` mm wide (``smallest``
        at least: longer text wraps)."""
        font = QFont(self.family)
        font.setPixelSize(100)
        font.setBold(bold)
        mm = QFontMetricsF(font).horizontalAdvance(text) * size * 25.4 / 72 / 100
        return size if mm <= 0.95 * width else max(smallest, size * 0.95 * width / mm)

    def map(self, page, x, y, w, h, layers, atlas_driven, margin=0.1):
        # no setRect(): a rect already at the target size makes attemptResize() a no-op, and the atlas's refresh
        # then shrinks the map to its recorded size of zero
        item = QgsLayoutItemMap(self.layout)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
        if atlas_driven:
            item.setAtlasDriven(True)
            item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
            item.setAtlasMargin(margin)
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return item

    def table(self, page, rows, section, headings, widths, x, y, w, h, size=7.0):
        rows_layer = rows.layer(section)
        table = QgsLayoutItemAttributeTable.create(self.layout)
        self.layout.addMultiFrame(table)
        table.setVectorLayer(rows_layer)
        columns = []
        margin = 0.8
        room = w - 2 * margin * len(widths) - 0.5
        widths = [x * room / sum(widths) for x in widths]
        for j, (heading, width) in enumerate(zip(headings, widths)):
            column = QgsLayoutTableColumn(heading)
            column.setAttribute(f"c{j + 1}")
            column.setWidth(width)
            columns.append(column)
        if hasattr(table, "setColumns"):
            table.setColumns(columns)
        # the cells wrapped here, not by QGIS: its WrapText takes seconds per page on long Chinese cells
        self._wrap_cells(rows_layer, section, widths, size)
        table.setFilterFeatures(True)
        table.setFeatureFilter("\"page_key\" = attribute(@atlas_feature, 'page_key')")
        table.setFilterToAtlasFeature(section not in rows.unplaced)  # the spatial index first (see _Rows)
        in_order = QgsLayoutTableColumn("n")  # which gives the rows in its own order: they are put back in theirs
        in_order.setAttribute("n")
        in_order.setSortOrder(Qt.SortOrder.AscendingOrder)
        table.setSortColumns([in_order])
        table.setMaximumNumberOfFeatures(500)
        table.setUseConditionalStyling(True)
        content = QgsTextFormat.fromQFont(QFont(self.family))
        content.setSize(size)
        table.setContentTextFormat(content)
        header = QgsTextFormat.fromQFont(QFont(self.family, -1, QFont.Weight.Bold))
        header.setSize(size + 0.5)
        table.setHeaderTextFormat(header)
        table.setCellMargin(margin)
        table.setHeaderMode(HEADER_ALL_FRAMES)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#999999"))
        self.frame(table, page, x, y, w, h)
        return table

    def _wrap_cells(self, rows_layer, section, widths, size):
        """Break the text of ``section``'s cells into lines that fit their column at ``size`` points."""
        font = QFont(self.family)
        font.setPixelSize(100)  # an em of 100 px: widths measured so scale to any size, whatever the screen
        metrics = QFontMetricsF(font)
        mm_per_px = size * 25.4 / 72 / 100

        def advance(text):
            return metrics.horizontalAdvance(text) * mm_per_px

        changes = {}
        for feature in rows_layer.getFeatures():
            for j, width in enumerate(widths):
                name = f"c{j + 1}"
                value = feature[name]
                if isinstance(value, str) and advance(value) > 0.95 * width:
                    changes.setdefault(feature.id(), {})[rows_layer.fields().indexOf(name)] = rc.wrap_text(value, 0.95 * width, advance)
        if changes and not rows_layer.dataProvider().changeAttributeValues(changes):
            raise ReportError(translate("Report", "The report's layers could not be set up."))

    def frame(self, table, page, x, y, w, h):
        """A frame for ``table``: what does not fit in its earlier frames continues here."""
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptResize(QgsLayoutSize(w, h))
        frame.attemptMove(QgsLayoutPoint(x, y), page=page)
        table.addFrame(frame)  # also adds it to the layout
        return frame
