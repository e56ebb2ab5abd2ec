"""Start the real QGIS desktop on a virtual screen with a plugin zip installed in a fresh profile,
and run a Python script inside it (the repository's own equivalent of shared/tools/qgis-desktop).

    python3 tests/desktop/launcher.py PLUGIN.zip SCRIPT.py [--locale zh_CN] [--timeout 240]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def qgis_binary() -> str:
    return shutil.which("qgis.bin") or shutil.which("qgis") or ""


def run_qgis(
    zip_path: Path, script: Path, locale: str = "", timeout: int = 240, env=None, screen: str = "1600x1000x24"
) -> subprocess.CompletedProcess:
    if not shutil.which("xvfb-run"):
        raise RuntimeError("xvfb-run is missing: apt-get install xvfb (make setup does)")
    binary = qgis_binary()
    if not binary:
        raise RuntimeError("QGIS is missing: apt-get install qgis (make setup does)")
    profiles = Path(tempfile.mkdtemp(prefix="rp-qgis-"))
    try:
        plugins = profiles / "profiles" / "default" / "python" / "plugins"
        settings = profiles / "profiles" / "default" / "QGIS"
        plugins.mkdir(parents=True)
        settings.mkdir(parents=True)
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(plugins)
        names = sorted(p.name for p in plugins.iterdir() if p.is_dir())
        ini = ["[PythonPlugins]"] + [f"{n}=true" for n in names]
        ini += ["", "[qgis]", "checkVersion=false", "showTips=false", "", "[UI]", "hideSplash=true"]
        if locale:
            ini += ["", "[locale]", f"userLocale={locale}", "overrideFlag=true"]
        (settings / "QGIS3.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")
        run_env = dict(os.environ if env is None else env)
        run_env.pop("QT_QPA_PLATFORM", None)
        run_env.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="rp-xdg-"))
        cmd = [
            "timeout",
            str(timeout),
            "xvfb-run",
            "-a",
            # where to start looking for a free display: the version matrix runs two chroots side by side, and
            # X's abstract sockets are shared between them while their lock files in /tmp are not
            "-n",
            os.environ.get("RP_XVFB_SERVERNUM", "99"),
            "-s",
            f"-screen 0 {screen}",
            binary,
            "--nologo",
            "--noversioncheck",
            "--profiles-path",
            str(profiles),
            "--code",
            str(script),
        ]
        return subprocess.run(cmd, env=run_env, capture_output=True, text=True)
    finally:
        shutil.rmtree(profiles, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("zip", type=Path)
    parser.add_argument("script", type=Path)
    parser.add_argument("--locale", default="")
    parser.add_argument("--timeout", type=int, default=240)
    args = parser.parse_args()
    result = run_qgis(args.zip.resolve(), args.script.resolve(), args.locale, args.timeout)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
