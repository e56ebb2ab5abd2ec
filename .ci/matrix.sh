#!/usr/bin/env bash
# `make test-matrix`: the plugin on the other QGIS versions planners have, each in a Debian chroot made with
# debootstrap from the Debian mirror that this machine's own apt sources name:
#   trixie  (Debian 13): QGIS 3.40 LTR, Python 3.13: `make test`, the whole suite but its two longest runs (twenty
#                        runs of every algorithm, and every algorithm on degenerate geometry in the desktop: 11 min
#                        together, run on the host's QGIS), so that CI stays within its time;
#   sid     (unstable):  QGIS 3.44, Python 3.14, Debian's own shapely: lint, the zip validated, the desktop tests
#                        (English and Chinese), the plugin lifecycle, every algorithm through Processing and
#                        qgis_process, the model, and the hostile-input and cancel tests.
# The two run side by side (each test run is single-threaded; this machine has two cores). Each prints one summary
# line: QGIS, Python, GEOS, passed, failed. Needs root (debootstrap, chroot, mount).
#
#   RP_MATRIX_SUITES="trixie sid"   which suites
#   RP_MATRIX_DIR=/var/tmp/rp-matrix where the chroots live (outside the checkout: `make clean` and git never
#                                    walk into a tree with /dev bound in it)
# Chroots are kept and reused on the next run. `matrix.sh --prepare` only builds them and runs `make setup` inside
# (network and disk, little CPU): .ci/run does that while the host's own suite runs.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED="$ROOT/../shared"
MATRIX_DIR=${RP_MATRIX_DIR:-/var/tmp/rp-matrix}
SUITES=${RP_MATRIX_SUITES:-"trixie sid"}
PREPARE_ONLY=""
[ "${1:-}" = --prepare ] && PREPARE_ONLY=yes
STEP=${PREPARE_ONLY:+.prepare}
TRIXIE_SKIPS="tests/test_long_session.py::test_every_algorithm_twenty_times
tests/desktop/test_desktop.py::test_degenerate_geometry_then_normal_runs_in_real_qgis"
SID_TESTS="tests/desktop tests/test_plugin.py tests/test_processing.py tests/test_model.py tests/test_hostile.py
tests/test_scorecard_hostile.py tests/test_cancel.py"

say() { printf '[matrix %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [ "$(id -u)" != 0 ]; then
  echo "make test-matrix needs root (debootstrap, chroot and mount): run it as root, or with sudo" >&2
  exit 1
fi

# The mirror the host's apt sources name (deb822 or one-line format); Debian's own as a fallback.
host_mirror() {
  local m
  m=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | head -n1)
  [ -n "$m" ] || m=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -v -- '-security' | head -n1)
  echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=$(host_mirror)

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null; } \
    || { echo "could not install debootstrap" >&2; exit 1; }
fi

MOUNTS="proc sys dev dev/pts dev/shm"

unmount_all() {  # $1 = chroot; in reverse order, lazily if busy; silent when nothing is mounted
  local dir=$1 m
  case "$dir" in "$MATRIX_DIR"/?*) ;; *) echo "unmount_all: refusing '$dir'" >&2; return 1 ;; esac
  for m in $(echo "$MOUNTS" | tr ' ' '\n' | tac); do
    if mountpoint -q "$dir/$m" 2>/dev/null; then umount "$dir/$m" 2>/dev/null || umount -l "$dir/$m"; fi
  done
}

mount_all() {
  local dir=$1
  mount -t proc proc "$dir/proc"
  mount --bind /sys "$dir/sys"
  mount --bind /dev "$dir/dev"
  mount --bind /dev/pts "$dir/dev/pts"
  mount -t tmpfs -o mode=1777 tmpfs "$dir/dev/shm"
}

# A chroot's environment: nothing of the host's but the proxy and the CA bundle (the host's own pip settings
# name paths that do not exist inside).
chroot_run() {
  local dir=$1
  shift
  chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    TERM=dumb DEBIAN_FRONTEND=noninteractive PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_DEFAULT_TIMEOUT=180 REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt \
    ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} ${no_proxy:+no_proxy=$no_proxy} \
    ${HTTP_PROXY:+HTTP_PROXY=$HTTP_PROXY} ${HTTPS_PROXY:+HTTPS_PROXY=$HTTPS_PROXY} ${NO_PROXY:+NO_PROXY=$NO_PROXY} \
    ${RP_EXTRA_ENV:-} "$@"
}

# One suite, start to end; its own log; the chroot unmounted on every way out.
run_suite() {
  local suite=$1 dir="$MATRIX_DIR/$1" log="$MATRIX_DIR/$1$STEP.log" result="$MATRIX_DIR/$1$STEP.result" xvfb_base=$2
  : >"$log"
  rm -f "$result"
  exec >>"$log" 2>&1
  # expanded now: the function's locals are gone when the subshell exits
  trap "unmount_all '$dir'" EXIT
  local t0=$SECONDS
  unmount_all "$dir"
  if [ ! -f "$dir/.rp-bootstrapped" ]; then
    if [ -e "$dir" ]; then rm -rf --one-file-system "$dir"; fi
    say "$suite: debootstrap from $MIRROR"
    debootstrap --variant=minbase "$suite" "$dir" "$MIRROR" >"$dir.debootstrap.log" 2>&1 \
      || { tail -n 30 "$dir.debootstrap.log"; echo "$suite | failed at debootstrap" >"$result"; return 1; }
    touch "$dir/.rp-bootstrapped"
  fi
  mount_all "$dir" || { echo "$suite | failed at mount" >"$result"; return 1; }
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  if [ "$suite" = sid ] || [ "$suite" = unstable ]; then
    # the mirror's sid Release file can be past its Valid-Until date
    echo 'Acquire::Check-Valid-Until "false";' >"$dir/etc/apt/apt.conf.d/99rp-valid-until"
  fi
  mkdir -p "$dir/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$dir/usr/local/share/ca-certificates/" 2>/dev/null || true
  say "$suite: apt-get update, ca-certificates, make"
  chroot_run "$dir" apt-get update -q >/dev/null || { echo "$suite | failed at apt-get update" >"$result"; return 1; }
  chroot_run "$dir" apt-get install -y -q --no-install-recommends ca-certificates make git >/dev/null \
    || { echo "$suite | failed at apt-get install" >"$result"; return 1; }
  chroot_run "$dir" update-ca-certificates >/dev/null

  # The checkout as git sees it (tracked and new files, nothing ignored) and ../shared beside it.
  # a fresh copy each time; the test venv inside is kept (make setup refreshes it when requirements change)
  if [ -d "$dir/work/main/.venv" ]; then rm -rf "$dir/work/.venv-kept" && mv "$dir/work/main/.venv" "$dir/work/.venv-kept"; fi
  rm -rf --one-file-system "$dir/work/main" "$dir/work/shared"
  mkdir -p "$dir/work/main" "$dir/work/shared"
  if [ -d "$dir/work/.venv-kept" ]; then mv "$dir/work/.venv-kept" "$dir/work/main/.venv"; fi
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
    | tar -C "$dir/work/main" -xf -
  if [ -d "$SHARED" ]; then cp -a "$SHARED/." "$dir/work/shared/"; fi

  say "$suite: make setup (QGIS and what the tests need)"
  chroot_run "$dir" make -C /work/main setup || { echo "$suite | failed at make setup" >"$result"; return 1; }
  if [ -n "$PREPARE_ONLY" ]; then
    echo "$suite | prepared | exit 0 | $((SECONDS - t0)) s" >"$result"
    return 0
  fi
  local status
  rm -f "$dir/tmp/rp-junit.xml"
  if [ "$suite" = trixie ]; then
    say "$suite: make test (the whole suite but $(echo $TRIXIE_SKIPS | wc -w) long runs)"
    chroot_run "$dir" env RP_XVFB_SERVERNUM="$xvfb_base" CI="${CI:-}" make -C /work/main test \
      PYTEST_ARGS="--junitxml=/tmp/rp-junit.xml $(for t in $TRIXIE_SKIPS; do printf -- '--deselect %s ' "$t"; done)"
    status=$?
  else
    say "$suite: lint, validate, then in one pytest run: $(echo $SID_TESTS)"
    chroot_run "$dir" make -C /work/main lint validate \
      && chroot_run "$dir" env RP_XVFB_SERVERNUM="$xvfb_base" CI="${CI:-}" bash -c \
        "cd /work/main && QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python -m pytest $(echo $SID_TESTS) --junitxml=/tmp/rp-junit.xml"
    status=$?
  fi
  local versions
  versions=$(chroot_run "$dir" /work/main/.venv/bin/python -c "
import sys, shapely
from qgis.core import Qgis
print('QGIS', Qgis.QGIS_VERSION.split('-')[0], '| Python', sys.version.split()[0], '| GEOS', shapely.geos_version_string, '| shapely', shapely.__version__)
" 2>/dev/null || echo "QGIS ? | Python ? | GEOS ?")
  local counts
  counts=$(python3 - "$dir/tmp/rp-junit.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("no test report"); sys.exit()
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
n = {k: sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors", "skipped")}
print(f"passed {n['tests'] - n['failures'] - n['errors'] - n['skipped']} | failed {n['failures'] + n['errors']} | skipped {n['skipped']}")
EOF
)
  echo "$suite | $versions | $counts | exit $status | $((SECONDS - t0)) s" >"$result"
  return "$status"
}

mkdir -p "$MATRIX_DIR"
cleanup_all() {
  local suite
  for suite in $SUITES; do unmount_all "$MATRIX_DIR/$suite"; done
}
trap cleanup_all EXIT
trap 'kill $pids 2>/dev/null; wait; exit 130' INT TERM
base=120
pids=""
for suite in $SUITES; do
  say "$suite: started, log in $MATRIX_DIR/$suite$STEP.log"
  (run_suite "$suite" "$base") &
  pids="$pids $!"
  base=$((base + 40))
  [ -f "$MATRIX_DIR/$suite/.rp-bootstrapped" ] || sleep 20  # two debootstraps do not start fetching at one moment
done
fail=0
for pid in $pids; do wait "$pid" || fail=1; done
cleanup_all

echo
if [ -n "$PREPARE_ONLY" ]; then echo "== QGIS version matrix: chroots prepared =="; else echo "== QGIS version matrix =="; fi
for suite in $SUITES; do
  line=$(cat "$MATRIX_DIR/$suite$STEP.result" 2>/dev/null || echo "$suite | no result")
  case "$line" in
    *"| exit 0 |"*) echo "$line" ;;
    *) echo "$line  (FAILED; the end of $MATRIX_DIR/$suite$STEP.log follows)"; tail -n 60 "$MATRIX_DIR/$suite$STEP.log" | sed "s/^/  $suite> /" ;;
  esac
done
exit $fail
