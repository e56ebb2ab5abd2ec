"""Load the embedded sample city into the project, styled."""

import shutil
from pathlib import Path
from typing import List, Tuple

from qgis.core import (
    QgsApplication,
    QgsColorRampShader,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSimpleLineSymbolLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.paths import sample_city_path, sample_flood_depth_path, sample_population_path
from .compat import MARKER_TRIANGLE
from .styles import categorized, label_with, simple_symbol
from .translation import translate

GROUP_NAME_KEY = "resilience_sample_city"


def sample_layers() -> List[Tuple[str, str]]:
    """(GeoPackage table, translated title) of every sample layer, in a fixed order."""
    return [
        ("districts", translate("Resilience", "Districts")),
        ("street_units", translate("Resilience", "Street/town units")),
        ("communities", translate("Resilience", "Communities and villages")),
        ("facilities", translate("Resilience", "Facilities")),
        ("walking_network", translate("Resilience", "Walking network")),
        ("corridors", translate("Resilience", "Emergency corridors")),
        ("faults", translate("Resilience", "Active faults (schematic)")),
        ("water_zones", translate("Resilience", "Water supply zones")),
        ("power_zones", translate("Resilience", "Power supply zones")),
        ("gas_zones", translate("Resilience", "Gas supply zones")),
        ("flood_zones", translate("Resilience", "Flood-risk zones")),
        ("geohazards", translate("Resilience", "Geological hazard points")),
        ("greenbelts", translate("Resilience", "Greenbelts")),
        ("rivers", translate("Resilience", "Rivers")),
    ]


# drawing order, top first
DRAW_ORDER = (
    "facilities",
    "communities",
    "geohazards",
    "faults",
    "corridors",
    "rivers",
    "walking_network",
    "districts",
    "flood_zones",
    "greenbelts",
    "water_zones",
    "power_zones",
    "gas_zones",
    "street_units",
)
HIDDEN = ("walking_network", "communities", "water_zones", "power_zones", "gas_zones", "geohazards")

CATEGORY_COLOURS = {
    "emergency_shelter": "#2ca25f",
    "short_term_shelter": "#006d2c",
    "long_term_shelter": "#00441b",
    "fire_station": "#e31a1c",
    "police_station": "#1f4e9c",
    "hospital": "#c51b8a",
    "clinic": "#f768a1",
    "supermarket": "#ff7f00",
    "vegetable_market": "#b2df8a",
    "pharmacy": "#6a3d9a",
    "school": "#fdbf6f",
    "park": "#74c476",
    "stadium": "#8c510a",
    "reserve_depot": "#636363",
    "command_centre": "#000000",
    "water_plant": "#1f78b4",
    "substation": "#ffd92f",
    "hotel": "#80cdc1",
}


def working_copy(shipped: Path = None) -> Path:
    """A sample file (the GeoPackage by default) copied into the user's QGIS profile: the shipped file stays
    untouched (QGIS writes a raster's statistics beside it, .aux.xml, and may edit a GeoPackage)."""
    shipped = shipped or sample_city_path()
    target_dir = Path(QgsApplication.qgisSettingsDirPath()) / "resilience_planner"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / shipped.name
    if not target.exists() or target.stat().st_mtime < shipped.stat().st_mtime:
        shutil.copyfile(shipped, target)
    return target


def style_layer(layer: QgsVectorLayer, name: str, chinese: bool = False) -> None:
    """Apply the plugin's style for sample layer ``name``."""
    if name == "districts":
        sym = simple_symbol(layer, "#00000000", outline=("#404040", 0.7))
        layer.renderer().setSymbol(sym)
        label_with(layer, "name_zh" if chinese else "name", 9, "#202020")
    elif name == "street_units":
        layer.renderer().setSymbol(simple_symbol(layer, "#f7f4ea", outline=("#9a9a9a", 0.2)))
    elif name == "communities":
        layer.renderer().setSymbol(simple_symbol(layer, "#3182bd", size=1.2))
    elif name == "facilities":
        from ..core.profile import load_profile

        profile = load_profile()
        items = [
            (code, profile.category_label(code, chinese), simple_symbol(layer, colour, size=1.5, outline=("#ffffff", 0.1)))
            for code, colour in CATEGORY_COLOURS.items()
        ]
        categorized(layer, "category", items)
    elif name == "walking_network":
        layer.renderer().setSymbol(simple_symbol(layer, "#c8c8c8", width=0.15))
    elif name == "corridors":
        items = [
            (1, translate("Resilience", "Grade 1 corridor"), simple_symbol(layer, "#d7301f", width=1.2)),
            (2, translate("Resilience", "Grade 2 corridor"), simple_symbol(layer, "#fc8d59", width=0.8)),
            (3, translate("Resilience", "Grade 3 corridor"), simple_symbol(layer, "#fdcc8a", width=0.6)),
        ]
        categorized(layer, "grade", items)
    elif name == "faults":
        sym = simple_symbol(layer, "#7f0000", width=0.9)
        line = sym.symbolLayer(0)
        if isinstance(line, QgsSimpleLineSymbolLayer):
            line.setPenStyle(Qt.PenStyle.DashLine)
        layer.renderer().setSymbol(sym)
        label_with(layer, "name_zh" if chinese else "name", 8, "#7f0000")
    elif name in ("water_zones", "power_zones", "gas_zones"):
        colour = {"water_zones": "#1f78b4", "power_zones": "#e6ab02", "gas_zones": "#7570b3"}[name]
        layer.renderer().setSymbol(simple_symbol(layer, "#00000000", outline=(colour, 0.5)))
        label_with(layer, "zone", 8, colour)
    elif name == "flood_zones":
        items = [
            (1, translate("Resilience", "High flood risk"), simple_symbol(layer, "#2171b5", fill_alpha=0.55, outline=("#2171b5", 0.1))),
            (
                2,
                translate("Resilience", "Medium flood risk"),
                simple_symbol(layer, "#6baed6", fill_alpha=0.45, outline=("#6baed6", 0.1)),
            ),
            (3, translate("Resilience", "Low flood risk"), simple_symbol(layer, "#c6dbef", fill_alpha=0.45, outline=("#c6dbef", 0.1))),
        ]
        categorized(layer, "risk_class", items)
    elif name == "geohazards":
        sym = simple_symbol(layer, "#8c510a", size=2.0)
        sym.symbolLayer(0).setShape(MARKER_TRIANGLE)
        layer.renderer().setSymbol(sym)
    elif name == "greenbelts":
        layer.renderer().setSymbol(simple_symbol(layer, "#a1d99b", fill_alpha=0.6, outline=("#41ab5d", 0.2)))
    elif name == "rivers":
        layer.renderer().setSymbol(simple_symbol(layer, "#4292c6", width=0.7))
    layer.triggerRepaint()


def load_sample_city(project: QgsProject = None, chinese: bool = False) -> List[QgsVectorLayer]:
    """Add every sample layer, styled, in one group at the top of the layer tree, with the sample's flood-depth and
    population grids hidden just above its street units; returns the vector layers."""
    project = project or QgsProject.instance()
    path = working_copy()
    was_empty = not project.mapLayers()
    root = project.layerTreeRoot()
    title = translate("Resilience", "Sample city (synthetic, schematic)")
    for child in list(root.children()):
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(GROUP_NAME_KEY):
            root.removeChildNode(child)
    group = root.insertGroup(0, title)
    group.setCustomProperty(GROUP_NAME_KEY, True)
    titles = dict(sample_layers())
    layers = {}
    for name in DRAW_ORDER:
        layer = QgsVectorLayer(f"{path}|layername={name}", titles[name], "ogr")
        if not layer.isValid():
            raise RuntimeError(f"sample layer '{name}' could not be read from {path}")
        style_layer(layer, name, chinese)
        layers[name] = layer
    # An empty project takes the sample's metric CRS (CGCS2000 / 3-degree GK CM 117E), not
    # that of the WGS84 facilities; the desktop re-applies it after its canvas bridge (plugin.py).
    if was_empty:
        project.setCrs(layers["districts"].crs())
    added = project.addMapLayers([layers[n] for n in DRAW_ORDER], False)
    if len(added) != len(DRAW_ORDER):
        raise RuntimeError("the sample layers could not all be added to the project")
    for name in DRAW_ORDER:
        node = group.addLayer(layers[name])
        node.setItemVisibilityChecked(name not in HIDDEN)
        node.setExpanded(False)
    _add_sample_grids(project, group)
    return [layers[n] for n in DRAW_ORDER]


# the two grids that come with the sample city (files beside it in resources/sample/): (path, title, colour ramp
# stops as (value, colour, label)); added hidden, for the transfer's flood depth and the population tools
def _sample_grids():
    return [
        (
            sample_flood_depth_path(),
            translate("Resilience", "Flood depth (m)"),
            [(0.0, "#deebf7", "0"), (0.5, "#6baed6", "0.5"), (1.5, "#2171b5", "1.5"), (3.0, "#08306b", "3")],
        ),
        (
            sample_population_path(),
            translate("Resilience", "Population grid (people per cell)"),
            [(0.0, "#ffffcc", "0"), (200.0, "#fd8d3c", "200"), (1000.0, "#bd0026", "1,000")],
        ),
    ]


def _add_sample_grids(project: QgsProject, group: QgsLayerTreeGroup) -> None:
    """The sample's flood-depth and population grids, styled with a colour ramp, hidden just above the street units
    (the group's bottom layer, whose fill would hide them).
    A grid that cannot be read is left out (the vector layers do not need it)."""
    for path, title, stops in _sample_grids():
        try:
            path = working_copy(path)
        except OSError:
            continue
        layer = QgsRasterLayer(str(path), title)
        if not layer.isValid():
            continue
        ramp = QgsColorRampShader(stops[0][0], stops[-1][0])
        ramp.setColorRampItemList([QgsColorRampShader.ColorRampItem(v, QColor(c), label) for v, c, label in stops])
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
        if project.addMapLayer(layer, False) is None:
            continue
        node = group.insertLayer(len(group.children()) - 1, layer)  # above the opaque units, the bottom layer
        node.setItemVisibilityChecked(False)
        node.setExpanded(False)
