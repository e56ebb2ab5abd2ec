"""The ready-made Graphical Modeler model "Full resilience assessment", built in code and shipped as a .model3.

``python -m resilience_plugin.models`` (``make model``) writes resources/models/full_resilience_assessment.model3; the
provider loads that file (processing/model.py), so the model is in the toolbox and can be opened and edited in the
Graphical Modeler.
"""

import sys
from pathlib import Path

from .processing.model import MODEL_FILE, MODEL_NAME, MODEL_TITLE, model_path, shipped_model  # noqa: F401 (the API)


def build_model():
    """Life circles, fault crossings, clusters, the dossier and unit scoring, chained on one set of inputs."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterMultipleLayers,
    )

    from .compat import SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON

    model = QgsProcessingModelAlgorithm("Full resilience assessment", "Resilience Planner", "resilience")
    model.setHelpContent(
        {
            "ALG_DESC": "Runs the plan's whole chain on one city: community life circles (第53–55条), the corridor × fault "
            "register (第44、86条), resilience clusters (第47–48条) and their dossier (第49条), the street/town unit "
            "scores (第51–52条) and the atlas PDF report. Every step's output is kept.\n\n"
            "韧性综合评估：在一座城市上运行规划的完整链条——社区生活圈（第53–55条）、通道与活动断裂交叉登记（第44、86条）、"
            "韧性城市组团（第47–48条）及其档案（第49条）、韧性街镇单元评估（第51–52条）和地图集PDF报告。保留每一步的输出。",
        }
    )
    # labels in both languages: a model file cannot be translated
    inputs = (
        ("units", "Street/town units 韧性街镇单元", SOURCE_POLYGON),
        ("communities", "Communities 社区", SOURCE_POINT),
        ("facilities", "Facilities 设施", SOURCE_POINT),
        ("corridors", "Corridors 通道", SOURCE_LINE),
        ("faults", "Active faults 活动断裂", SOURCE_LINE),
        ("flood", "Flood-risk zones 洪涝风险区", SOURCE_POLYGON),
        ("geohazards", "Geological hazard points 地质灾害点", SOURCE_POINT),
    )
    for name, label, kind in inputs:
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, label, [kind]), QgsProcessingModelParameter(name))
    model.addModelParameter(
        QgsProcessingParameterMultipleLayers("lifelines", "Lifeline service zones 生命线服务分区", SOURCE_POLYGON),
        QgsProcessingModelParameter("lifelines"),
    )

    def param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def child(child_id, alg_id, sources, outputs):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(child_id)
        for key, value in sources.items():
            c.addParameterSources(key, value)
        model_outputs = {}
        for out_key, label in outputs.items():
            o = QgsProcessingModelOutput(f"{child_id}_{out_key.lower()}", label)
            o.setChildId(child_id)
            o.setChildOutputName(out_key)
            model_outputs[o.name()] = o
        c.setModelOutputs(model_outputs)
        model.addChildAlgorithm(c)

    child(
        "lifecircles",
        "resilience:lifecircles",
        {"INPUT": param("communities"), "FACILITIES": param("facilities")},
        {"OUTPUT": "Life circles 生活圈"},
    )
    child(
        "faultcrossings",
        "resilience:faultcrossings",
        {"CORRIDORS": param("corridors"), "FAULTS": param("faults")},
        {"CROSSINGS": "Fault crossings 断裂交叉点", "EXPOSED": "Corridor sections in avoidance zones 避让带内通道段"},
    )
    child(
        "clusters",
        "resilience:clusters",
        {"INPUT": param("units"), "LIFELINE_ZONES": param("lifelines"), "FACILITIES": param("facilities")},
        {"OUTPUT": "Units with their cluster 单元及所属组团", "CLUSTERS": "Clusters 韧性组团"},
    )
    child(
        "dossier",
        "resilience:clusterdossier",
        {
            "CLUSTERS": [QgsProcessingModelChildParameterSource.fromChildOutput("clusters", "CLUSTERS")],
            "FAULTS": param("faults"),
            "FLOOD_ZONES": param("flood"),
            "GEOHAZARDS": param("geohazards"),
            "FACILITIES": param("facilities"),
            "CORRIDORS": param("corridors"),
        },
        {"OUTPUT": "Cluster dossier 组团档案"},
    )
    child(
        "scores",
        "resilience:scoreunits",
        {
            # the units with their cluster_id, so that the report files each unit under its cluster
            "INPUT": [QgsProcessingModelChildParameterSource.fromChildOutput("clusters", "OUTPUT")],
            "FAULTS": param("faults"),
            "FLOOD_ZONES": param("flood"),
            "GEOHAZARDS": param("geohazards"),
            "FACILITIES": param("facilities"),
        },
        {"OUTPUT": "Unit scores 单元评估"},
    )
    child(
        "report",
        "resilience:report",
        {
            "UNITS": [QgsProcessingModelChildParameterSource.fromChildOutput("scores", "OUTPUT")],
            "CLUSTERS": [QgsProcessingModelChildParameterSource.fromChildOutput("dossier", "OUTPUT")],
        },
        {"OUTPUT": "Atlas report 地图集报告 (PDF)"},
    )
    model.updateDestinationParameters()  # one destination parameter per model output
    return model


def main(argv=None) -> int:
    from .standalone import start_qgis

    app = start_qgis()
    path = Path((argv or sys.argv[1:] or [str(model_path())])[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = build_model().toFile(str(path))
    print(f"{'wrote' if ok else 'could not write'} {path}")
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
