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

    def describe(self) -> str:
        if self.found is None:
            return f"{self.name} ≥ {self.needed} is not installed"
        return f"{self.name} {self.found} is too old (≥ {self.needed} needed)"


def _version_tuple(text: str):
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def check_runtime() -> List[Missing]:
    """Which runtime requirements are missing or too old; empty when all is well."""
    problems = []
    for module, _pip, minimum, _deb in REQUIREMENTS:
        try:
            mod = importlib.import_module(module)
        except Exception:  # ImportError, or a broken binary wheel
            problems.append(Missing(module, minimum, None))
            continue
        version = getattr(mod, "__version__", "0")
        if _version_tuple(version) < _version_tuple(minimum):
            problems.append(Missing(module, minimum, version))
    return problems


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
