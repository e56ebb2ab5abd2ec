"""``python -m resilience_plugin.models [PATH]``: write the shipped models (``make model``)."""

import sys

from .build import main

sys.exit(main())
