"""A pytest session ends with exit status 0 when its tests pass, even when they leave QGIS objects in reference cycles
(CI saw "Segmentation fault" after "911 passed": pytest collected them after QGIS had exited). Oracle: the exit
status of a pytest of its own on tests/session_exit_case.py, which crashes (-11) without conftest's
collect_before_qgis_exits."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_a_session_that_leaves_qgis_objects_in_cycles_exits_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/session_exit_case.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "1 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.returncode == 0, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
