"""Not collected on its own (no test_ prefix): tests/test_session_exit.py runs it in a pytest of its own. QGIS objects
left in reference cycles, with the garbage collector off until the end, as a failed test's traceback or a test's
frames leave them: freed after exitQgis, their destructors crash the process."""


def test_qgis_objects_in_reference_cycles(qgis_app):
    import gc

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProcessingContext, QgsProject, QgsVectorLayer

    from tests.conftest import SAMPLE

    class Holder:
        pass

    gc.disable()  # pytest collects at unconfigure, whatever this says
    for _ in range(5):
        h = Holder()
        h.me = h
        h.layer = QgsVectorLayer(f"{SAMPLE}|layername=street_units", "u", "ogr")
        h.context = QgsProcessingContext()
        h.context.setProject(QgsProject.instance())
        h.transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4548"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
        )
        h.features = list(h.layer.getFeatures())
    assert h.features


def test_fails_when_asked(qgis_app):
    """Fails only in tests/test_session_exit.py's second run: a failing session must still exit 1."""
    import os

    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326", "kept alive by this frame's traceback", "memory")
    assert os.environ.get("RP_EXIT_CASE_FAIL") != "1", layer.name()
