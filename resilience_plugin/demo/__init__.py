"""The demo: every algorithm run on the embedded sample city, into one GeoPackage, an HTML page and the atlas
report (``python -m resilience_plugin.demo OUTDIR``, ``make demo``).
"""
