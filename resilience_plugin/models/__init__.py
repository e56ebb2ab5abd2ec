"""The ready-made Graphical Modeler models, built in code (``build.py``) into resources/models/*.model3
(``python -m resilience_plugin.models``, ``make model``). The provider registers those files (``processing/model.py``).
"""
