"""Group "Resilience clusters" (韧性城市组团, 第47–49条)."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class ClustersAlgorithmBase(ResilienceAlgorithm):
    GROUP_ID = "clusters"

    def group(self) -> str:
        return translate("Resilience", "Resilience clusters")
