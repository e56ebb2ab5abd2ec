"""Run one algorithm in this process with files capped at a size, as a full disk leaves them (the child of
tests/test_write_failures.py):

    python tests/write_limited.py ALGORITHM PARAMETERS_JSON LIMIT_BYTES

SIGXFSZ is ignored, so that a write past the cap fails with an error (SQLite: "disk I/O error"; on a full disk it says
"database or disk is full") instead of ending the process. Prints one line: ``OK`` or ``REFUSED <message>``."""

import json
import resource
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _run(algorithm: str, parameters: dict, limit: int) -> str:
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        processing.run(algorithm, parameters, context=context)
        return "OK"
    except QgsProcessingException as exc:
        return "REFUSED " + str(exc).replace("\n", " ")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def main() -> int:
    from resilience_plugin.processing.standalone import start_qgis

    app = start_qgis()
    from qgis.core import QgsApplication

    from resilience_plugin.processing.provider import ResilienceProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("resilience") is None:
        registry.addProvider(ResilienceProvider())
    # the run's context and layers are gone before QGIS exits (a layer deleted after exitQgis crashes QGIS 3.22)
    print(_run(sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])), flush=True)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
