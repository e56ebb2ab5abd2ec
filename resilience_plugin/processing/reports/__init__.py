"""Group "Reports" (成果报告): print-ready results for decision makers."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class ReportsAlgorithmBase(ResilienceAlgorithm):
    GROUP_ID = "reports"

    def group(self) -> str:
        return translate("Resilience", "Reports")
