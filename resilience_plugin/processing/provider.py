"""The Processing provider ``resilience``."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resources_dir
from ..qgisside.translation import translate
from .clusters.delineate import ClustersAlgorithm
from .clusters.dossier import ClusterDossierAlgorithm
from .corridors.corridor_exposure import CorridorExposureAlgorithm
from .corridors.corridor_failure import CorridorFailureAlgorithm
from .corridors.fault_avoidance import FaultAvoidanceAlgorithm
from .corridors.fault_crossings import FaultCrossingsAlgorithm
from .lifecircles.life_circles import LifeCirclesAlgorithm
from .population.zonal_population import ZonalPopulationAlgorithm
from .reports.atlas_report import AtlasReportAlgorithm
from .siting.siting import SitingAlgorithm
from .tools.china_coords import ChinaCoordsAlgorithm
from .tools.profile_table import ProfileTableAlgorithm
from .tools.sample_layer import SampleLayerAlgorithm
from .transfer.evacuation import EvacuationAlgorithm
from .units.score_units import ScoreUnitsAlgorithm

# Every algorithm class by name: no discovery by file name.
ALGORITHMS = (
    LifeCirclesAlgorithm,
    ScoreUnitsAlgorithm,
    ClustersAlgorithm,
    ClusterDossierAlgorithm,
    FaultCrossingsAlgorithm,
    FaultAvoidanceAlgorithm,
    CorridorExposureAlgorithm,
    CorridorFailureAlgorithm,
    SitingAlgorithm,
    EvacuationAlgorithm,
    ZonalPopulationAlgorithm,
    AtlasReportAlgorithm,
    ChinaCoordsAlgorithm,
    ProfileTableAlgorithm,
    SampleLayerAlgorithm,
)
# Algorithms that also get their own toolbar button (name, icon file in resources/icons).
TOOLBAR_ALGORITHMS = (
    ("scoreunits", "scoreunits.svg"),
    ("lifecircles", "lifecircles.svg"),
    ("clusters", "clusters.svg"),
    ("clusterdossier", "clusterdossier.svg"),
    ("faultcrossings", "faultcrossings.svg"),
    ("faultavoidance", "faultavoidance.svg"),
    ("corridorexposure", "corridorexposure.svg"),
    ("corridorfailure", "corridorfailure.svg"),
    ("siting", "siting.svg"),
)


class ResilienceProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "resilience"

    def name(self) -> str:
        return translate("Resilience", "Resilience Planner")

    def longName(self) -> str:  # noqa: N802 - QGIS API
        return translate("Resilience", "Resilience Planner (Beijing resilient city plan 2022-2035)")

    def icon(self) -> QIcon:
        return QIcon(str(resources_dir() / "icons" / "icon.svg"))

    def loadAlgorithms(self):  # noqa: N802 - QGIS API
        for cls in ALGORITHMS:
            self.addAlgorithm(cls())
        # The ready-made model (resources/models, built by `python -m resilience_plugin.models`). Its steps are
        # this provider's algorithms, which the registry knows only once the provider is registered: register()
        # loads again then, and the model comes in on that second load.
        from qgis.core import QgsApplication

        from .model import MODELS, model_path, shipped_model

        if QgsApplication.processingRegistry().providerById(self.id()) is not self:
            return
        for name in MODELS:
            model = shipped_model(name) if model_path(name).is_file() else None
            if model is not None:
                self.addAlgorithm(model)

    def register(self, registry) -> bool:
        """Add the provider to ``registry``, then load again so that the model finds its steps."""
        if not registry.addProvider(self):
            return False
        self.refreshAlgorithms()
        return True
