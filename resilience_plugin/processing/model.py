"""The shipped Graphical Modeler model "Full resilience assessment" as the provider registers it. The model file is
built by ``python -m resilience_plugin.models`` (``make model``)."""

from pathlib import Path

from ..core.paths import resources_dir

MODEL_FILE = "full_resilience_assessment.model3"
MODEL_NAME = "fullassessment"  # its id is resilience:fullassessment: no spaces, for qgis_process and scripts
MODEL_TITLE = "Full resilience assessment"


def shipped_model():
    """The shipped model as the provider registers it: id ``resilience:fullassessment``, shown as its title; None when
    the file cannot be read."""
    from qgis.core import QgsProcessingModelAlgorithm

    class FullAssessmentModel(QgsProcessingModelAlgorithm):
        """The shipped model with a stable id of its own (a model's name is otherwise both its id and its title)."""

        def name(self):
            return MODEL_NAME

        def displayName(self):  # noqa: N802 - QGIS API
            return MODEL_TITLE

        def createInstance(self):  # noqa: N802 - QGIS API
            return shipped_model()

    model = FullAssessmentModel()
    return model if model.fromFile(str(model_path())) else None


def model_path() -> Path:
    return resources_dir() / "models" / MODEL_FILE
