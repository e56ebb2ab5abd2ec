"""The package's layout holds: imports run one way, towards core, with no circles (imports inside functions
count), and core is a library that needs neither QGIS nor the rest of the plugin."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "resilience_plugin"
# what core may import besides the standard library and itself (README: "Use without QGIS")
CORE_THIRD_PARTY = {"numpy", "shapely", "pyproj", "scipy"}


def _modules():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules) -> set:
    """Every module of the package that ``name`` imports, anywhere in the file; plus the top-level names of
    outside packages, prefixed with '!'."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
        for target in targets:
            if not target.startswith("resilience_plugin"):
                found.add("!" + target.split(".")[0])
                continue
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in modules and target != name:
                found.add(target)
    return found


def cycles(graph) -> list:
    """The import circles of ``graph`` (module -> modules it imports): its strongly connected components of more
    than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _graph():
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_import_finder_sees_imports_inside_functions(tmp_path):
    path = tmp_path / "mod.py"
    path.write_text("def f():\n    from .core.scoring import CLASSES\n    import numpy\n", encoding="utf-8")
    found = _imports("resilience_plugin.mod", path, {"resilience_plugin.core.scoring": None, "resilience_plugin.mod": None})
    assert found == {"resilience_plugin.core.scoring", "!numpy"}


def test_no_import_circles():
    graph = {name: {d for d in deps if not d.startswith("!")} for name, deps in _graph().items()}
    assert cycles(graph) == [], "import circles (imports inside functions count)"


def test_core_imports_only_itself_the_standard_library_numpy_shapely_pyproj_and_scipy():
    stdlib = set(getattr(sys, "stdlib_module_names", ())) or None
    wrong = {}
    for name, deps in _graph().items():
        if not name.startswith("resilience_plugin.core"):
            continue
        bad = sorted(
            d
            for d in deps
            if (not d.startswith("!") and not d.startswith("resilience_plugin.core"))
            or (d.startswith("!") and d[1:] not in CORE_THIRD_PARTY and (stdlib is None or d[1:] not in stdlib) and d != "!__future__")
        )
        if stdlib is None:  # Python < 3.10: only the plugin's own modules and QGIS/Qt are checked
            bad = [d for d in bad if not d.startswith("!") or d[1:] in ("qgis", "PyQt5", "PyQt6", "processing")]
        if bad:
            wrong[name] = bad
    assert wrong == {}


def test_core_runs_where_qgis_cannot_be_imported():
    """Every core module imports in a Python where importing qgis (or PyQt) fails."""
    names = sorted(n for n in _modules() if n.startswith("resilience_plugin.core"))
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'processing'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")


# The package's rooms, lowest first: a module may import its own room and any room below it, never one above
# (README "Architecture"; resilience_plugin/__init__.py).
LAYERS = {"core": 0, "qgisside": 1, "report": 2, "processing": 3, "models": 4, "demo": 4, "gui": 4, "plugin": 5, "": 6}


def _room(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_the_package_root_holds_only_the_plugin_entry_and_folders_named_for_what_they_hold():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "plugin.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(room for room in LAYERS if room and room != "plugin")
    for folder in folders:
        doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and 1 <= len(doc.splitlines()) <= 4, f"{folder}/__init__.py opens with a docstring of two or three lines"


def against_layers(graph) -> list:
    """The imports of ``graph`` that go up the layer order, or sideways between two rooms of one layer."""
    return sorted(
        (name, dep)
        for name, deps in graph.items()
        for dep in deps
        if not dep.startswith("!") and _room(dep) != _room(name) and LAYERS[_room(dep)] >= LAYERS[_room(name)]
    )


def test_imports_run_one_way_from_the_plugin_down_to_core():
    assert against_layers(_graph()) == [], "imports against the layer order"


def test_the_layer_checker_sees_upward_and_sideways_imports():
    graph = {
        "resilience_plugin.qgisside.io": {"resilience_plugin.core.gpkg", "resilience_plugin.processing.base", "!numpy"},
        "resilience_plugin.gui.scoring_panel": {"resilience_plugin.demo.run", "resilience_plugin.gui.items"},
        "resilience_plugin.plugin": {"resilience_plugin.gui.scorecard_dock"},
    }
    assert against_layers(graph) == [
        ("resilience_plugin.gui.scoring_panel", "resilience_plugin.demo.run"),
        ("resilience_plugin.qgisside.io", "resilience_plugin.processing.base"),
    ]


# Functions still over 80 lines (issue 31 §1), at their length today: each may only shrink, and none may join.
# Parameter declarations (initAlgorithm) are exempt, and so are literal data tables.
MAX_LINES = 80
LONG_FUNCTIONS: dict = {}


def long_functions() -> dict:
    """(module path, function name) -> lines, of every function over MAX_LINES but initAlgorithm."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name != "initAlgorithm":
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    key = (str(path.relative_to(PACKAGE)), node.name)
                    found[key] = max(found.get(key, 0), lines)
    return found


def test_no_function_grows_past_a_screen():
    found = long_functions()
    grown = {k: v for k, v in found.items() if v > LONG_FUNCTIONS.get(k, MAX_LINES)}
    assert grown == {}, "split these into named steps of at most 80 lines (issue 31 §1)"
    assert set(LONG_FUNCTIONS) - set(found) == set(), "these are on a screen now: take them off LONG_FUNCTIONS"
