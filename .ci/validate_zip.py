#!/usr/bin/env python3
"""Check a plugin zip against the rules of the official QGIS plugin repository.

    python3 .ci/validate_zip.py dist/resilience_plugin.zip

Exit 0 and print "valid" when it passes; otherwise print every problem and exit 1.
"""

import configparser
import re
import sys
import zipfile
from pathlib import PurePosixPath

MAX_BYTES = 25 * 1024 * 1024
REQUIRED = (
    "name",
    "description",
    "about",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "repository",
    "tracker",
    "homepage",
    "icon",
    "tags",
    "category",
    "hasProcessingProvider",
    "supportsQt6",
)
FORBIDDEN_PARTS = ("__pycache__", ".git", "__MACOSX", ".DS_Store", ".idea", ".vscode")


def problems(path: str) -> list:
    out = []
    import os

    if os.path.getsize(path) > MAX_BYTES:
        out.append(f"zip is {os.path.getsize(path) / 1e6:.1f} MB, more than 25 MB")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        return [f"not a zip file: {exc}"]
    names = zf.namelist()
    tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
    if len(tops) != 1:
        return out + [f"expected one top folder, found {sorted(tops)}"]
    top = tops.pop()
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", top):
        out.append(f"top folder '{top}' is not a valid Python package name")
    for required in ("__init__.py", "metadata.txt", "LICENSE"):
        if f"{top}/{required}" not in names:
            out.append(f"{top}/{required} is missing")
    for n in names:
        parts = PurePosixPath(n).parts
        if n.endswith((".pyc", ".pyo")) or any(p in FORBIDDEN_PARTS for p in parts):
            out.append(f"forbidden file in zip: {n}")
        if n.startswith("/") or ".." in parts:
            out.append(f"unsafe path in zip: {n}")
    if f"{top}/metadata.txt" not in names:
        return out
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    try:
        meta.read_string(zf.read(f"{top}/metadata.txt").decode("utf-8"))
        general = meta["general"]
    except (configparser.Error, KeyError, UnicodeDecodeError) as exc:
        return out + [f"metadata.txt unreadable: {exc}"]
    for key in REQUIRED:
        if not general.get(key, "").strip():
            out.append(f"metadata.txt lacks '{key}'")
    version = general.get("version", "")
    if version and not re.fullmatch(r"\d+\.\d+\.\d+(-?[A-Za-z0-9.]+)?", version):
        out.append(f"version '{version}' is not of the form X.Y.Z")
    if general.get("qgisMinimumVersion", "") != "3.22":
        out.append("qgisMinimumVersion must be 3.22")
    maximum = general.get("qgisMaximumVersion", "")
    if maximum and tuple(int(x) for x in maximum.split(".")[:2]) < (4, 99):
        out.append(f"qgisMaximumVersion {maximum} is below 4.99")
    for url_key in ("repository", "tracker", "homepage"):
        if general.get(url_key) and not general[url_key].startswith(("http://", "https://")):
            out.append(f"{url_key} is not a URL")
    icon = general.get("icon", "")
    if icon and f"{top}/{icon}" not in names:
        out.append(f"icon '{icon}' is not in the zip")
    if general.get("hasProcessingProvider", "").lower() not in ("yes", "true"):
        out.append("hasProcessingProvider must be yes")
    if general.get("supportsQt6", "").lower() not in ("yes", "true"):
        out.append("supportsQt6 must be True")
    changelog = f"{top}/CHANGELOG.md"
    if changelog in names and version:
        text = zf.read(changelog).decode("utf-8")
        first = re.search(r"^## \[?(\d+\.\d+\.\d+[^\]\s]*)", text, re.M)
        if not first or first.group(1) != version:
            out.append(f"CHANGELOG.md's latest entry ({first.group(1) if first else 'none'}) does not match version {version}")
    if not any(n.endswith(".qm") for n in names):
        out.append("no compiled translation (.qm) in the zip")
    return out


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    found = problems(argv[1])
    for p in found:
        print(f"invalid: {p}")
    if not found:
        print(f"valid: {argv[1]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
