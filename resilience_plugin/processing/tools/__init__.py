"""Group "Plan profile and sample data"."""

from ..base import ResilienceAlgorithm
from ...translation import translate


class ToolsAlgorithm(ResilienceAlgorithm):
    GROUP_ID = "tools"

    def group(self) -> str:
        return translate("Resilience", "Plan profile and sample data")
