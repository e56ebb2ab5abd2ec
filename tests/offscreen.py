"""Loaded with ``-p tests.offscreen`` before pytest-qgis starts QGIS: no display needed."""

import os

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# pyproj inside a venv looks for PROJ's data under the venv's prefix; point it at the system's.
for _proj in ("/usr/share/proj", "/usr/local/share/proj"):
    if os.path.isfile(os.path.join(_proj, "proj.db")):
        os.environ.setdefault("PROJ_DATA", _proj)
        os.environ.setdefault("PROJ_LIB", _proj)
        break
