"""Translations: complete, up to date, looked up under the contexts pylupdate5 records, and live in zh_CN."""

import ast
import shutil
import subprocess
import sys
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
    subprocess.run([sys.executable, str(ROOT / "i18n" / "update.py"), "--ts", str(fresh)], check=True, capture_output=True)
    want = {(c, s) for c, s, _t in messages(fresh)}
    have = {(c, s) for c, s, _t in messages(TS)}
    assert want - have == set(), "run `make transup` and translate the new strings"
    assert have - want == set(), "run `make transup` to drop strings the code no longer has"


class _Calls(ast.NodeVisitor):
    """Translatable literals in a module, with the context each is looked up under: translate("Ctx", "text"),
    QT_TRANSLATE_NOOP("Ctx", "text"), and self.tr("text") under the class it is written in."""

    def __init__(self):
        self.classes, self.found = [], []

    def visit_ClassDef(self, node):  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node):  # noqa: N802 - ast API
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2 and None not in texts[:2]:
            self.found.append((texts[0], texts[1], node.lineno))
        elif name == "tr" and isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "self" and texts[:1] != [None]:
            self.found.append((self.classes[-1], texts[0], node.lineno))
        self.generic_visit(node)


def test_every_literal_the_code_translates_is_in_the_ts():
    """Read from the sources' syntax tree, not by pylupdate5: pylupdate5 silently skips calls whose last argument is
    followed by a comma, as ruff formats long calls (i18n/update.py works round it)."""
    have = {(c, s) for c, s, _t in messages(TS)}
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        calls = _Calls()
        calls.visit(ast.parse(path.read_text(encoding="utf-8")))
        missing += [f"{path.relative_to(ROOT)}:{line} [{c}] {s[:60]}" for c, s, line in calls.found if (c, s) not in have]
    assert missing == [], "not in the .ts (run `make transup` and translate them):\n" + "\n".join(missing)


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
    assert contexts <= set(bases) | {"Resilience", "ScorecardDock", "Report", "Core"}


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


def test_core_errors_reach_chinese_users_in_chinese(chinese_locale, compiled_translations, qgis_processing, tmp_path):
    """Core cannot translate (it never imports qgis); its errors carry templates that the QGIS side translates."""
    import json

    from qgis.core import QgsProcessingException

    from resilience_plugin.core.paths import default_profile_path
    from resilience_plugin.core.profile import ProfileError, load_profile
    from resilience_plugin.processing.base import ResilienceAlgorithm
    from resilience_plugin.qgisside.translation import core_message, install_translator, remove_translator

    data = json.loads(default_profile_path().read_text(encoding="utf-8"))
    data["life_circle"]["radius_min"]["value"] = "一千"
    broken = tmp_path / "规划参数.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    translator = install_translator("zh_CN")
    try:
        with pytest.raises(ProfileError) as raised:
            load_profile(broken)
        english = str(raised.value)
        assert english == f"Plan profile key 'life_circle.radius_min.value' in {broken}: expected a number, got str '一千'"
        assert core_message(raised.value) == f"规划参数配置项“life_circle.radius_min.value”（{broken}）：应为数值，实际为 str '一千'"
        with pytest.raises(QgsProcessingException, match="规划参数配置项“life_circle.radius_min.value”"):
            ResilienceAlgorithm.load_profile_or_raise(str(broken))
    finally:
        remove_translator(translator)
    assert core_message(raised.value) == english  # no translator: English again


def test_core_notes_say_their_words_in_chinese(compiled_translations):
    """Issue 29: the log in Chinese carried "straight-line" and "very low 0, low 0, medium 8…". Core's notes carry
    those words as templates of their own, translated with the sentence (the oracle: the .ts translations)."""
    from resilience_plugin.core.lifecircles import METHOD_LABELS
    from resilience_plugin.core.messages import Message
    from resilience_plugin.core.scoring import CLASS_COUNTS
    from resilience_plugin.qgisside.translation import core_text, install_translator, remove_translator

    circles = Message("{0} circles ({1}); {2} pass the checklist, {3} do not.", 12, Message(METHOD_LABELS["straight-line"]), 5, 7)
    scored = Message(
        "{0} units scored: {1}, {2}, {3}, {4}, {5}.", 233, *(Message(CLASS_COUNTS[c], k) for c, k in zip(CLASS_COUNTS, (0, 0, 8, 100, 125)))
    )
    translator = install_translator("zh_CN")
    try:
        zh_circles, zh_scored = circles.text(core_text), scored.text(core_text)
    finally:
        remove_translator(translator)
    assert "直线距离" in zh_circles and "straight-line" not in zh_circles
    assert zh_scored == "已评分 233 个单元：很低 0、低 0、中 8、高 100、很高 125。"
    assert scored.text() == "233 units scored: very low 0, low 0, medium 8, high 100, very high 125."


def test_the_models_titles_are_chinese_in_zh_cn(compiled_translations, qgis_processing):
    """Issue 29: the two ready-made models showed their English titles in the Chinese menus and toolbox."""
    from resilience_plugin.processing.model import MODELS, shipped_model
    from resilience_plugin.qgisside.translation import install_translator, remove_translator

    translator = install_translator("zh_CN")
    try:
        titles = {name: shipped_model(name).displayName() for name in MODELS}
    finally:
        remove_translator(translator)
    assert titles == {"fullassessment": "韧性综合评估", "sitingrescoring": "补短板选址后重新评估", "transfersiting": "避险转移后补充选址"}
    assert shipped_model("fullassessment").displayName() == "Full resilience assessment"
