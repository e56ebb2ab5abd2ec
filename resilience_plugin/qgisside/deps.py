"""Check the runtime imports before anything else loads them.

No QGIS and no third-party import at module level: this must run, and explain
itself, on a machine that lacks numpy, shapely or pyproj.
"""

import importlib
import os
import platform
import sys
from dataclasses import dataclass
from typing import List, Optional

# (import name, pip name, minimum version, Debian package)
REQUIREMENTS = (
    ("numpy", "numpy", "1.21", "python3-numpy"),
    ("shapely", "shapely", "2.0", "python3-shapely"),
    ("pyproj", "pyproj", "3.0", "python3-pyproj"),
)


@dataclass
class Missing:
    name: str
    needed: str
    found: Optional[str]  # None when the import fails
    lacks: str = ""  # the capability a present module failed to show (its version string is not trusted)

    def describe(self) -> str:
        if self.found is None:
            return f"{self.name} ≥ {self.needed} is not installed"
        if self.lacks:
            return f"{self.name} {self.found} lacks {self.lacks} (≥ {self.needed} needed)"
        return f"{self.name} {self.found} is too old (≥ {self.needed} needed)"


def _version_tuple(text: str):
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def _numpy_can(np) -> str:
    """ "" when numpy does what the plugin asks of it, else what it lacks."""
    try:
        counts = np.bincount(np.array([0, 2, 2]), minlength=4)
        assert counts.tolist() == [1, 0, 2, 0]
        assert np.isin(np.array([1, 2]), [2]).tolist() == [False, True]
    except Exception:
        return "bincount/isin"
    return ""


def _shapely_can(shapely) -> str:
    """ "" when shapely offers shapely 2's vectorised API as the plugin uses it, else what it lacks. Distribution
    builds may report any version string (Debian's shapely 2.2 says "0+unknown"), so the API is tried, not read."""
    try:
        import numpy as np

        points = np.array([shapely.Point(0, 0), shapely.Point(5, 5)], dtype=object)
        tree = shapely.STRtree(points)
        hits = tree.query(np.array([shapely.box(-1, -1, 1, 1)], dtype=object), predicate="intersects")
        assert hits.shape == (2, 1)
        # as the plugin writes WKB: explicitly 2-D (inside QGIS 3.22 on Debian 12, shapely's calls reach QGIS's GEOS
        # 3.11, which rejects shapely's default 4-D output)
        wkb = shapely.to_wkb(points[0], flavor="iso", output_dimension=2)
        parsed = shapely.from_wkb(np.array([wkb, None], dtype=object), on_invalid="ignore")
        assert parsed[1] is None
        shapely.get_coordinates(points, return_index=True)
        shapely.make_valid(points)
        assert tuple(shapely.geos_version) >= (3, 8, 0)
    except Exception as exc:
        return f"shapely 2's vectorised API ({type(exc).__name__}: {exc})" if str(exc) else "shapely 2's vectorised API"
    return ""


def _pyproj_can(pyproj) -> str:
    try:
        x, _y = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:4548", always_xy=True).transform(117.0, 40.0)
        assert abs(x - 500000.0) < 1.0
    except Exception:
        return "Transformer.from_crs (EPSG:4548, CGCS2000 Gauss-Kruger)"
    return ""


CAPABILITIES = {"numpy": _numpy_can, "shapely": _shapely_can, "pyproj": _pyproj_can}


def check_runtime() -> List[Missing]:
    """Which runtime requirements are missing or cannot do what the plugin needs; empty when all is well.

    A module is judged by what it can do, not by its version string: a version that cannot be read ("0+unknown")
    is no reason to refuse a module that works, and a readable one below the minimum is one."""
    problems = []
    for module, _pip, minimum, _deb in REQUIREMENTS:
        try:
            mod = importlib.import_module(module)
        except Exception:  # ImportError, or a broken binary wheel
            problems.append(Missing(module, minimum, None))
            continue
        version = str(getattr(mod, "__version__", "") or "unknown")
        lacks = CAPABILITIES[module](mod)
        readable = _version_tuple(version)
        if lacks:
            problems.append(Missing(module, minimum, version, lacks if readable >= _version_tuple(minimum) or not readable else ""))
        elif readable and readable[0] > 0 and readable < _version_tuple(minimum):
            problems.append(Missing(module, minimum, version))
    return problems


def check_optional() -> List[Missing]:
    """Optional capabilities that are missing: scipy with ``scipy.optimize.milp`` (HiGHS, scipy ≥ 1.9), which
    facility siting and the searches along a network need. Judged by solving a one-variable problem, not by the
    version string. Empty when all is there."""
    try:
        import numpy as np
        import scipy
        from scipy.optimize import Bounds, LinearConstraint, milp
    except Exception:
        return [Missing("scipy", "1.9", None)]
    try:
        res = milp(np.array([-1.0]), constraints=[LinearConstraint(np.array([[1.0]]), 0, 1)], integrality=[1], bounds=Bounds(0, 1))
        assert res.status == 0 and abs(res.x[0] - 1.0) < 1e-9
    except Exception:
        return [Missing("scipy", "1.9", str(getattr(scipy, "__version__", "unknown")), "scipy.optimize.milp (HiGHS)")]
    return []


def optional_report(problems: List[Missing]) -> str:
    """One paragraph for the message log: what is missing, what it disables, and how to install it."""
    lines = "; ".join(p.describe() for p in problems)
    debian = "sudo apt-get install -y python3-scipy" if _debian_like() else ""
    how = debian or fix_command(problems)
    return f"{lines}: facility siting and distances along a network are not available. Install with: {how} — then restart QGIS."


def _debian_like() -> bool:
    try:
        with open("/etc/os-release", encoding="utf-8") as fh:
            text = fh.read().lower()
    except OSError:
        return False
    return "debian" in text or "ubuntu" in text


def fix_command(problems: List[Missing], system: Optional[str] = None) -> str:
    """The exact command that installs what ``problems`` lists, for this platform."""
    if not problems:
        return ""
    system = system or platform.system()
    pips = " ".join(f'"{p.name}>={p.needed}"' for p in problems)
    if system == "Windows":
        return f"In the OSGeo4W Shell (Start menu, as administrator): python -m pip install --upgrade {pips}"
    if system == "Darwin":
        python = os.path.join(sys.prefix, "bin", "python3")
        return f'"{python}" -m pip install --user --upgrade {pips}'
    if _debian_like():
        debs = [deb for mod, _pip, _m, deb in REQUIREMENTS if any(p.name == mod and p.found is None for p in problems)]
        old_or_shapely = [p for p in problems if p.name == "shapely" or p.found is not None]
        cmds = []
        if debs:
            cmds.append("sudo apt-get install -y " + " ".join(debs))
        if old_or_shapely:
            # Debian 12 ships shapely 1.8; --no-deps keeps Debian's numpy, which QGIS is built against.
            pins = " ".join(f'"{p.name}>={p.needed}"' for p in old_or_shapely)
            cmds.append(f"sudo /usr/bin/python3 -m pip install --break-system-packages --no-deps --upgrade {pins}")
        return " && ".join(cmds)
    return f"python3 -m pip install --user --upgrade {pips}"


def report(problems: List[Missing]) -> str:
    """One paragraph for the message bar and the log."""
    lines = "; ".join(p.describe() for p in problems)
    return f"{lines}. Install with: {fix_command(problems)} — then restart QGIS."


if __name__ == "__main__":  # pragma: no cover - used by `make setup`
    found = check_runtime()
    print(report(found) if found else "runtime dependencies OK")
    sys.exit(1 if found else 0)
