"""Every algorithm's help names every field it writes (issue 7): each algorithm runs once on the sample city,
and each output field that is not an input field must appear in shortHelpString(), by name or by its pattern
(n_<category>, fit_<system>, s_ …)."""

import re

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from tests.helpers import run
from tests.test_hostile import CLASSES, _plain_params, _with_outputs


def _explained(field: str, help_text: str) -> bool:
    if re.search(rf"(?<![\w]){re.escape(field)}(?![\w])", help_text):
        return True
    parts = field.split("_")
    for k in range(1, len(parts)):  # a pattern: n_<category>, pop_cut_<c> …
        prefix = "_".join(parts[:k]) + "_"
        if re.search(rf"(?<![\w]){re.escape(prefix)}(<|\*|\s|\)|,)", help_text):
            return True
    return False


@pytest.mark.parametrize("name", list(CLASSES))
def test_the_help_names_every_output_field(name, resilience_processing, tmp_path):
    alg = QgsApplication.processingRegistry().algorithmById(f"resilience:{name}")
    params = _plain_params(name, tmp_path)
    inputs = set()
    for value in params.values():
        if isinstance(value, str) and ("|layername=" in value or value.endswith(".gpkg")):
            layer = QgsVectorLayer(value, "input", "ogr")
            if layer.isValid():
                inputs |= set(layer.fields().names())
    if name == "samplelayer":  # a copy of one sample layer: its fields are that layer's
        from resilience_plugin.qgisside.sample import sample_layers
        from tests.test_hostile import SAMPLE

        table = sample_layers()[params["LAYER"]][0]
        inputs |= set(QgsVectorLayer(f"{SAMPLE}|layername={table}", table, "ogr").fields().names())
    result, _c = run(f"resilience:{name}", _with_outputs(name, params, tmp_path))
    help_text = alg.shortHelpString()
    unexplained = {}
    for key, layer in result.items():
        if isinstance(layer, QgsVectorLayer):
            missing = [f for f in layer.fields().names() if f not in inputs and f != "fid" and not _explained(f, help_text)]
            if missing:
                unexplained[key] = missing
    assert unexplained == {}, f"{name}: fields its help does not name: {unexplained}"
