"""Plugin settings kept in the QGIS profile."""

from qgis.core import QgsSettings

PROFILE_KEY = "resilience_planner/profile_path"


def active_profile_path() -> str:
    """The profile file chosen for new runs; empty for the built-in Beijing profile."""
    return QgsSettings().value(PROFILE_KEY, "", type=str)


def set_active_profile_path(path: str) -> None:
    QgsSettings().setValue(PROFILE_KEY, path or "")
