"""Group "Community life circles" (韧性社村生活圈, 第53-57条)."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class LifeCirclesAlgorithmBase(ResilienceAlgorithm):
    GROUP_ID = "lifecircles"

    def group(self) -> str:
        return translate("Resilience", "Community life circles")
