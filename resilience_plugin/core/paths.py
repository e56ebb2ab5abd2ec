"""Where the plugin's data files live, in the source tree and in the installed zip.

In the repository, ``resources/`` and ``i18n/`` sit beside the ``resilience_plugin``
package; in the installed plugin, ``make package`` copies them inside it.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _first_existing(name: str) -> Path:
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR / name


def resources_dir() -> Path:
    return _first_existing("resources")


def i18n_dir() -> Path:
    return _first_existing("i18n")


def default_profile_path() -> Path:
    return resources_dir() / "profiles" / "beijing_2022_2035.json"


def sample_city_path() -> Path:
    return resources_dir() / "sample" / "sample_city.gpkg"


def sample_flood_depth_path() -> Path:
    """The sample city's flood-depth grid (metres of water, 25 m cells, EPSG:4548; ``make sample``)."""
    return resources_dir() / "sample" / "sample_flood_depth.tif"


def sample_population_path() -> Path:
    """The sample city's population grid: people per cell, 3 arc-seconds in longitude/latitude, as WorldPop ships."""
    return resources_dir() / "sample" / "sample_population.tif"


def plugin_version() -> str:
    """The version in metadata.txt (inside the installed plugin, or beside the package in the repository)."""
    for candidate in (PACKAGE_DIR / "metadata.txt", PACKAGE_DIR.parent / "metadata.txt"):
        if candidate.is_file():
            for line in candidate.read_text(encoding="utf-8").splitlines():
                if line.startswith("version="):
                    return line.split("=", 1)[1].strip()
    return "unknown"
