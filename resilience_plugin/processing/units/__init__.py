"""Group "Street/town units" (韧性街镇单元, 第50–52条)."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class UnitsAlgorithmBase(ResilienceAlgorithm):
    GROUP_ID = "units"

    def group(self) -> str:
        return translate("Resilience", "Street/town units")
