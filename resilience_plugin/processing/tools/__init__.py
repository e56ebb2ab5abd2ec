"""Group "Plan profile and sample data"."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class ToolsAlgorithm(ResilienceAlgorithm):
    GROUP_ID = "tools"

    def group(self) -> str:
        return translate("Resilience", "Plan profile and sample data")
