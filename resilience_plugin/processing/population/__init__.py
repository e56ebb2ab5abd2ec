"""Group "Population": where the people are, counted exactly from population rasters and polygons."""

from ...qgisside.translation import translate
from ..base import ResilienceAlgorithm


class PopulationAlgorithm(ResilienceAlgorithm):
    GROUP_ID = "population"

    def group(self) -> str:
        return translate("Resilience", "Population")
