"""Group "Emergency transfer": who moves, to which safe shelter with room, by which open road (避险转移, 第84条)."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class TransferAlgorithm(ResilienceAlgorithm):
    GROUP_ID = "transfer"

    def group(self) -> str:
        return translate("Resilience", "Emergency transfer")
