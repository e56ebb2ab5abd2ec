#!/usr/bin/env bash
# `make setup`: install what is missing, on Debian 12 (QGIS 3.22) or Debian 13 (QGIS 3.40).
# As root it installs; otherwise it prints the commands to run. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
SYS_PY=/usr/bin/python3
VENV=.venv
APT_PKGS="qgis python3-qgis qgis-providers xvfb xauth fonts-noto-cjk pyqt5-dev-tools qttools5-dev-tools
python3-venv python3-pip python3-numpy python3-scipy python3-pyproj zip unzip poppler-utils"

as_root() { [ "$(id -u)" = 0 ]; }
say() { printf '[setup] %s\n' "$*"; }

need_apt=""
$SYS_PY -c "import qgis.core" 2>/dev/null || need_apt=yes
for tool in xvfb-run pylupdate5 lrelease zip pdftoppm pdftotext; do command -v "$tool" >/dev/null || need_apt=yes; done
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt=yes
$SYS_PY -c "import numpy, pyproj, venv, ensurepip" 2>/dev/null || need_apt=yes
if [ -n "$need_apt" ]; then
  if as_root; then
    say "installing Debian packages: $(echo $APT_PKGS)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $APT_PKGS
  else
    echo "Run as root:  sudo apt-get update && sudo apt-get install -y --no-install-recommends $(echo $APT_PKGS)" >&2
    exit 1
  fi
fi

# PostgreSQL + PostGIS for the PostGIS tests (tests/test_postgis.py starts its own server on loopback). Optional:
# without them those tests skip and say why.
PG_PKGS="postgresql postgresql-postgis"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  if as_root; then
    say "installing Debian packages: $PG_PKGS"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $PG_PKGS || { apt-get update -q && apt-get install -y -q --no-install-recommends $PG_PKGS; } \
      || say "could not install $PG_PKGS: the PostGIS tests will be skipped"
  else
    say "the PostGIS tests will be skipped; to run them: sudo apt-get install -y --no-install-recommends $PG_PKGS"
  fi
fi

# shapely >= 2 must be importable by QGIS itself (the system Python), not only by pytest.
# judged by what it can do (the plugin's own check), not by its version string: Debian sid's shapely 2.2 says "0+unknown"
shapely_ok() { PYTHONPATH=. $SYS_PY -c "import sys; from resilience_plugin.qgisside.deps import check_runtime; sys.exit(any(m.name == 'shapely' for m in check_runtime()))" 2>/dev/null; }
if ! shapely_ok; then
  if as_root; then
    # Debian 13 ships shapely 2; Debian 12 ships 1.8, so fall back to PyPI. --no-deps keeps
    # Debian's numpy, which QGIS, scipy and pyproj were built against.
    apt-get install -y -q --no-install-recommends python3-shapely >/dev/null 2>&1 || true
    if ! shapely_ok; then
      say "installing shapely>=2 for the system Python from PyPI"
      $SYS_PY -m pip install -q --break-system-packages --no-deps --root-user-action=ignore "shapely>=2.0,<3"
    fi
    shapely_ok || { echo "shapely>=2 is still not importable by $SYS_PY" >&2; exit 1; }
  else
    echo "Run:  sudo $SYS_PY -m pip install --break-system-packages --no-deps 'shapely>=2.0,<3'" >&2
    exit 1
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV with --system-site-packages"
  $SYS_PY -m venv --system-site-packages "$VENV"
fi
stamp="$VENV/.requirements-dev.txt"
if ! cmp -s requirements-dev.txt "$stamp"; then
  say "installing test tools into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -r requirements-dev.txt
  cp requirements-dev.txt "$stamp"
fi
"$VENV/bin/python" -c "import qgis.core, shapely, pytest_qgis, hypothesis; print('[setup] QGIS', qgis.core.Qgis.QGIS_VERSION, '| shapely', shapely.__version__)"
