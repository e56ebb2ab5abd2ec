"""A pytest session exits with pytest's own verdict, 0 when its tests pass and 1 when one fails, even when they leave
QGIS objects in reference cycles or alive in a failed test's traceback (CI saw "Segmentation fault" after "911
passed" and after "977 passed": they were freed after QGIS had exited). Oracle: the exit status of a pytest of its
own on tests/session_exit_case.py, which crashed (-11) without conftest's collect_before_qgis_exits and its exit
after the verdict."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def _run_case(**env_extra):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_extra}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/session_exit_case.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return done


def test_a_session_that_leaves_qgis_objects_in_cycles_exits_cleanly():
    done = _run_case(RP_EXIT_CASE_FAIL="0")
    assert "2 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.returncode == 0, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])


def test_a_failing_session_still_exits_1():
    done = _run_case(RP_EXIT_CASE_FAIL="1")
    assert "1 failed, 1 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.returncode == 1, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
