"""The QGIS side of the plugin: reading layers and rasters into core's plain inputs and writing results back,
layer styles, translation, settings, the sample city, the runtime check and the enum names that moved between
QGIS versions. Used by the Processing adapters, the report and the dock alike; imports only core and QGIS.
"""
