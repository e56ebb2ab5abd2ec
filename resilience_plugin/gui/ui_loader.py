"""Load a Designer (.ui) file that sits beside its Python module."""

from pathlib import Path

from qgis.PyQt import uic


def load_ui(name: str):
    """The form class of ``gui/<name>.ui``; signals are connected in Python, never in the .ui."""
    path = Path(__file__).resolve().parent / f"{name}.ui"
    form, _base = uic.loadUiType(str(path))
    return form
