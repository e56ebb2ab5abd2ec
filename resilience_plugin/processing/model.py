"""The shipped Graphical Modeler models as the provider registers them. The model files are built by
``python -m resilience_plugin.models`` (``make model``)."""

from pathlib import Path

from ..core.paths import resources_dir

# id (resilience:<id>: no spaces, for qgis_process and scripts) -> (file under resources/models, title)
MODELS = {
    "fullassessment": ("full_resilience_assessment.model3", "Full resilience assessment"),
    "sitingrescoring": ("siting_then_rescoring.model3", "Siting then rescoring"),
    "transfersiting": ("transfer_then_siting.model3", "Transfer then siting"),
}
MODEL_NAME = "fullassessment"
MODEL_FILE, MODEL_TITLE = MODELS[MODEL_NAME]


def shipped_model(name: str = MODEL_NAME):
    """The shipped model ``name`` as the provider registers it: id ``resilience:<name>``, shown as its title; None
    when the file cannot be read."""
    from qgis.core import QgsProcessingModelAlgorithm

    class ShippedModel(QgsProcessingModelAlgorithm):
        """A shipped model with a stable id of its own (a model's name is otherwise both its id and its title)."""

        def name(self):
            return name

        def displayName(self):  # noqa: N802 - QGIS API
            return model_title(name)

        def group(self):
            from ..qgisside.translation import translate

            return translate("Resilience", "Ready-made models")

        def groupId(self):  # noqa: N802 - QGIS API
            return "models"

        def createInstance(self):  # noqa: N802 - QGIS API
            return shipped_model(name)

    model = ShippedModel()
    return model if model.fromFile(str(model_path(name))) else None


def model_title(name: str) -> str:
    """The model's title in the user's language (the menus and the toolbox show it)."""
    from ..qgisside.translation import translate

    titles = {
        "fullassessment": translate("Resilience", "Full resilience assessment"),
        "sitingrescoring": translate("Resilience", "Siting then rescoring"),
        "transfersiting": translate("Resilience", "Transfer then siting"),
    }
    return titles.get(name, MODELS[name][1])


def model_path(name: str = MODEL_NAME) -> Path:
    return resources_dir() / "models" / MODELS[name][0]
