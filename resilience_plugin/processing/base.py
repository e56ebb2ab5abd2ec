"""The base of every Resilience Planner algorithm (QGIS core Processing skeleton)."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resources_dir
from ..translation import translate


class ResilienceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``GROUP_ID`` and implement the usual methods; ``_group_name`` is translated."""

    GROUP_ID = ""

    def tr(self, text: str) -> str:
        """Translate with the concrete class's name as context, as pylupdate5 records it.

        Call ``self.tr`` only in leaf classes; base classes use ``translate("Resilience", ...)``.
        """
        return translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(str(resources_dir() / "icons" / "icon.svg"))

    def groupId(self) -> str:  # noqa: N802 - QGIS API
        return self.GROUP_ID

    def helpUrl(self) -> str:  # noqa: N802 - QGIS API
        return (resources_dir() / "help" / "index.html").as_uri()

    PROFILE = "PROFILE"

    def add_profile_parameter(self) -> None:
        """The optional PROFILE parameter; new runs default to the profile chosen in the Plan profile dialog."""
        from qgis.core import QgsProcessingParameterFile

        from ..compat import FILE_BEHAVIOR_FILE
        from ..settings import active_profile_path

        param = QgsProcessingParameterFile(
            self.PROFILE,
            translate("Resilience", "Plan profile"),
            behavior=FILE_BEHAVIOR_FILE,
            extension="json",
            optional=True,
            defaultValue=active_profile_path() or None,
        )
        param.setHelp(translate("Resilience", "A plan profile file (JSON). Empty: the built-in Beijing profile."))
        if not self.addParameter(param):
            raise ValueError(f"{self.name()}: parameter {self.PROFILE} is defined twice")

    def demo_parameters(self, sample_gpkg: str) -> dict:
        """Parameters that run this algorithm on the sample city (``make demo``); outputs are added by the demo."""
        raise NotImplementedError(f"{self.id()} declares no demo parameters")

    @staticmethod
    def load_profile_or_raise(path: str):
        """The plan profile at ``path`` (built-in when empty), or a QgsProcessingException naming the key."""
        from ..core.profile import ProfileError, load_profile

        try:
            return load_profile(path or None)
        except ProfileError as exc:
            raise QgsProcessingException(str(exc)) from None
