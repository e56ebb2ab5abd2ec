"""Qt6 readiness (issue 16): no pattern that QGIS's own PyQt5-to-PyQt6 migration script (scripts/pyqt5_to_pyqt6 in
the QGIS sources) rewrites or warns about, read from the syntax tree of every module of the package. No QGIS built on
Qt6 is in Debian yet, so this is how `supportsQt6=True` in metadata.txt is kept true.

A Qt5-only line that runs only on an old QGIS (a fallback in compat.py) is allowed when it sits in the ``except
ImportError`` branch of a try, or carries ``noqa: QGS402`` (flake8-qgis's own QVariant rule)."""

import ast
import enum
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "resilience_plugin"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)

# names that Qt6 removed (the script warns about them)
REMOVED_NAMES = {"QRegExp", "QRegExpValidator", "QDesktopWidget", "qApp", "QStringListModel_"}
# enums Qt6 renamed (the script's deprecated_renamed_enums)
RENAMED_ENUMS = {("Qt", "MidButton"), ("Qt", "TextColorRole"), ("Qt", "BackgroundColorRole"), ("QPainter", "HighQualityAntialiasing")}


def _fallback_lines(tree) -> set:
    """Lines inside ``except ImportError`` handlers: Qt5 fallbacks that never run under Qt6."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and getattr(node.type, "id", "") in ("ImportError", "ModuleNotFoundError"):
            for sub in ast.walk(node):
                if hasattr(sub, "lineno"):
                    lines.add(sub.lineno)
    return lines


def _imported(tree) -> dict:
    """Name -> object for the names a module imports from qgis.* (resolved in this QGIS), to tell enum members."""
    import importlib

    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis") and node.level == 0:
            try:
                module = importlib.import_module(node.module)
            except ImportError:
                continue
            for alias in node.names:
                if hasattr(module, alias.name):
                    out[alias.asname or alias.name] = getattr(module, alias.name)
    return out


def _is_enum_member(value) -> bool:
    """A Python enum member (QGIS's newer enums), or a sip enum member (PyQt5's: its type's type is sip.enumtype)."""
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"


def findings(path: Path) -> list:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    lines = text.splitlines()
    allowed = _fallback_lines(tree) | {i + 1 for i, line in enumerate(lines) if "noqa: QGS402" in line}
    names = _imported(tree)
    out = []

    def flag(node, what):
        if node.lineno not in allowed:
            out.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            module = getattr(node, "module", None) or ""
            mods = [module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for m in mods:
                if m.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                    flag(node, f"imports {m} directly: use qgis.PyQt")
                if m == "qgis.PyQt.Qt":
                    flag(node, "imports qgis.PyQt.Qt: import Qt from qgis.PyQt.QtCore")
            for alias in node.names:
                if alias.name == "resources_rc":
                    flag(node, "compiled resources (resources_rc) are gone in Qt6")
                if alias.name in REMOVED_NAMES:
                    flag(node, f"{alias.name} is removed in Qt6")
                if alias.name in ("QAction", "QActionGroup", "QShortcut") and module == "qgis.PyQt.QtWidgets":
                    flag(node, f"{alias.name} is in QtGui under Qt6: import it through compat")
        elif isinstance(node, ast.Name) and node.id in REMOVED_NAMES:
            flag(node, f"{node.id} is removed in Qt6")
        elif isinstance(node, ast.FunctionDef) and node.name == "exec_":
            flag(node, "defines exec_: Qt6 has exec")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "exec_":
                flag(node, "calls exec_(): use exec()")
            if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
                flag(node, "QApplication.desktop() (QDesktopWidget) is removed in Qt6")
            if isinstance(func, ast.Attribute) and func.attr == "addAction" and len(node.args) >= 4:
                flag(node, "addAction with 4 or more arguments: make the QAction, then addAction(action)")
            if isinstance(func, ast.Name) and func.id == "QVariant":
                flag(node, "QVariant(…): use NULL or a value (QVariant is gone from PyQt6's API)")
            if (
                isinstance(func, ast.Name)
                and func.id == "QDateTime"
                and (
                    len(node.args) == 8
                    or (len(node.args) == 1 and isinstance(node.args[0], ast.Call) and getattr(node.args[0].func, "id", "") == "QDate")
                )
            ):
                flag(node, "QDateTime(y, m, d, …) or QDateTime(QDate(…)): use QDateTime(QDate, QTime)")
        elif isinstance(node, ast.Attribute):
            base = node.value
            if isinstance(base, ast.Call) and node.attr == "width":
                f = base.func
                if getattr(f, "attr", "") == "fontMetrics" or getattr(f, "id", "") in ("QFontMetrics", "QFontMetricsF"):
                    flag(node, "QFontMetrics.width() is removed in Qt6: horizontalAdvance()")
            if isinstance(base, ast.Name):
                if base.id == "QVariant" and node.attr[:1].isupper():
                    flag(node, f"QVariant.{node.attr}: use QMetaType.Type (compat.FIELD_*)")
                if (base.id, node.attr) in RENAMED_ENUMS:
                    flag(node, f"{base.id}.{node.attr} is renamed in Qt6")
                owner = names.get(base.id)
                if owner is not None and isinstance(owner, type) and node.attr[:1].isupper():
                    value = getattr(owner, node.attr, None)
                    if value is not None and not isinstance(value, type) and _is_enum_member(value):
                        flag(node, f"unscoped enum {base.id}.{node.attr}: write {base.id}.{type(value).__name__}.{node.attr}")
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            if node.value.attr == "activated" and getattr(node.slice, "id", "") == "str":
                flag(node, "activated[str] is removed in Qt6: textActivated")
    return out


def test_the_package_has_no_qt5_only_pattern():
    found = [f for path in MODULES for f in findings(path)]
    assert found == [], "\n".join(found)


SAMPLES = {
    "exec_": "from qgis.PyQt.QtWidgets import QDialog\nQDialog().exec_()\n",
    "unscoped": "from qgis.PyQt.QtCore import Qt\nx = Qt.AlignRight\n",
    "QVariant type": "from qgis.PyQt.QtCore import QVariant\nt = QVariant.Int\n",
    "QAction": "from qgis.PyQt.QtWidgets import QAction\n",
    "QRegExp": "from qgis.PyQt.QtCore import QRegExp\n",
    "desktop": "from qgis.PyQt.QtWidgets import QApplication\nQApplication.desktop()\n",
    "font width": "from qgis.PyQt.QtGui import QFontMetrics\nw = QFontMetrics(font).width('x')\n",
    "renamed": "from qgis.PyQt.QtCore import Qt\nb = Qt.MidButton\n",
    "direct import": "from PyQt5.QtCore import Qt\n",
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_the_check_catches_each_pattern(name, tmp_path):
    """The check itself fails on each pattern (an oracle that cannot fail is no test), and passes the scoped form."""
    import tests.test_qt6_ready as me

    path = me.PACKAGE / f"_probe_{name.replace(' ', '_')}.py"
    try:
        path.write_text(SAMPLES[name], encoding="utf-8")
        assert findings(path), name
        path.write_text("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignmentFlag.AlignRight\n", encoding="utf-8")
        assert findings(path) == []
    finally:
        path.unlink(missing_ok=True)
