"""The analyses as a library: plain inputs (shapely geometries, numpy arrays, numbers) in, one result object out.

Uses only the standard library, numpy, shapely, pyproj and scipy, never QGIS: every analysis runs and is tested
without it. Everything else in the plugin imports core; core imports nothing of the plugin.
"""
