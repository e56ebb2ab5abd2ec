"""``python -m resilience_plugin.demo OUTDIR``: run the demo (``make demo``)."""

import sys

from .run import main

sys.exit(main())
