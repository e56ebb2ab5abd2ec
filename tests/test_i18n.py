"""Translations: complete, up to date, looked up under the contexts pylupdate5 records, and live in zh_CN."""

import ast
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from resilience_plugin import classFactory
from tests.conftest import ROOT

TS = ROOT / "i18n" / "resilience_plugin_zh_CN.ts"
PACKAGE = ROOT / "resilience_plugin"


def messages(path):
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        name = ctx.find("name").text
        for m in ctx.findall("message"):
            yield name, m.find("source").text, m.find("translation")


def sources():
    return sorted(str(p) for p in PACKAGE.rglob("*.py")) + sorted(str(p) for p in PACKAGE.rglob("*.ui"))


def test_every_string_is_translated():
    found = list(messages(TS))
    assert len(found) > 50
    for context, source, translation in found:
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        assert translation.text and translation.text.strip(), (context, source)
        # placeholders survive translation
        for i in range(4):
            placeholder = "{" + str(i)
            if placeholder in source:
                assert placeholder in translation.text, (context, source)


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 not installed")
def test_ts_file_is_up_to_date(tmp_path):
    """`make transup` was run: pylupdate5 finds no string the .ts lacks, and the .ts has none left over."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", str(fresh)], check=True, capture_output=True)
    want = {(c, s) for c, s, _t in messages(fresh)}
    have = {(c, s) for c, s, _t in messages(TS)}
    assert want - have == set(), "run `make transup` and translate the new strings"
    assert have - want == set(), "run `make transup` to drop strings the code no longer has"


def test_self_tr_is_only_called_in_leaf_classes():
    """tr() looks up type(self).__name__; pylupdate5 records the class the call is written in.
    They agree only if no class subclasses one that calls self.tr."""
    calls, bases = {}, {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            bases[cls.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in cls.bases}
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "self"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    calls.setdefault(cls.name, []).append(node.args[0].value)
    subclassed = {b for bs in bases.values() for b in bs}
    offenders = sorted(c for c in calls if c in subclassed)
    assert offenders == [], f"self.tr called in base classes {offenders}: use translate('Resilience', ...) there"
    contexts = {c for c, _s, _t in messages(TS)}
    assert contexts <= set(bases) | {"Resilience", "ScorecardDock", "Report"}


@pytest.fixture
def chinese_locale():
    settings = QgsSettings()
    old = (settings.value("locale/userLocale", ""), settings.value("locale/overrideFlag", False))
    settings.setValue("locale/userLocale", "zh_CN")
    settings.setValue("locale/overrideFlag", True)
    yield
    settings.setValue("locale/userLocale", old[0])
    settings.setValue("locale/overrideFlag", old[1])


def test_menu_and_actions_are_chinese_in_zh_cn(qgis_iface, qgis_processing, chinese_locale, compiled_translations):
    plugin = classFactory(qgis_iface)  # installs the translator from the QGIS locale
    assert plugin.translator is not None
    plugin.initGui()
    try:
        window = qgis_iface.mainWindow()
        assert "韧性规划(&R)" in [a.text() for a in window.menuBar().actions()]
        texts = {a.objectName(): a.text() for a in plugin.actions}
        assert texts["resilience_load_sample"] == "加载示例城市"
        assert texts["resilience_scorecard"] == "街镇单元评分卡"
        assert texts["resilience_profile"] == "规划参数配置…"
        assert texts["resilience_help"] == "帮助"
        assert texts["resilience_alg_profiletable"] == "规划参数表…"
        assert texts["resilience_alg_samplelayer"] == "示例城市图层…"
        plugin.toggle_dock(True)
        assert plugin.dock.windowTitle() == "街镇单元评分卡"
        assert plugin.dock.layerLabel.text() == "单元图层"
    finally:
        plugin.unload()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert QCoreApplication.translate("ResiliencePlugin", "Load sample city") == "Load sample city"


@pytest.fixture(scope="session")
def compiled_translations():
    qm = TS.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        if shutil.which("lrelease") is None:
            pytest.skip("lrelease not installed; run make transcompile")
        subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    return qm
