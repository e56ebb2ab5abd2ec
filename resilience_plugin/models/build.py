"""The ready-made Graphical Modeler models, built in code and shipped as .model3 files: "Full resilience assessment",
"Siting then rescoring" and "Transfer then siting".

``python -m resilience_plugin.models`` (``make model``) writes them under resources/models; the provider loads those
files (processing/model.py), so the models are in the toolbox and can be opened and edited in the Graphical Modeler.
"""

import sys
from pathlib import Path

from ..processing.model import MODEL_FILE, MODEL_NAME, MODEL_TITLE, MODELS, model_path, shipped_model  # noqa: F401 (the API)

# the full assessment's inputs: labels and help in both languages (a model file cannot be translated); the help names
# the sample city's layer
FULL_MODEL_INPUTS = (
    (
        "units",
        "Street/town units 韧性街镇单元",
        "polygon",
        "Polygons with a name and population. 街镇单元面（名称、人口）。Sample city 示例城市: Street/town units 街镇单元",
    ),
    (
        "communities",
        "Communities 社区",
        "point",
        "Points with population. 社区点（人口）。Sample city 示例城市: Communities and villages 社区与村庄",
    ),
    (
        "facilities",
        "Facilities 设施",
        "point",
        "Points with a category (shelters, hospitals, fire stations …). 设施点（类别）。Sample city 示例城市: Facilities 设施",
    ),
    (
        "corridors",
        "Corridors 通道",
        "line",
        "Emergency corridors with a grade 1–3. 应急通道（等级）。Sample city 示例城市: Emergency corridors 应急疏散救援通道",
    ),
    (
        "faults",
        "Active faults 活动断裂",
        "line",
        "Active fault lines. 活动断裂线。Sample city 示例城市: Active faults (schematic) 活动断裂（示意）",
    ),
    (
        "flood",
        "Flood-risk zones 洪涝风险区",
        "polygon",
        "Flood-risk zones with a class. 洪涝风险区（等级）。Sample city 示例城市: Flood-risk zones 洪涝风险区",
    ),
    (
        "geohazards",
        "Geological hazard points 地质灾害点",
        "point",
        "Geological hazard points. 地质灾害点。Sample city 示例城市: Geological hazard points 地质灾害点",
    ),
)


def build_model():
    """Life circles, fault crossings, clusters, the dossier and unit scoring, chained on one set of inputs."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm("Full resilience assessment", "Resilience Planner", "resilience")
    model.setHelpContent(
        {
            "ALG_DESC": "Runs the plan's whole chain on one city: community life circles (第53–55条), the corridor × fault "
            "register (第44、86条), resilience clusters (第47–48条) and their dossier (第49条), the street/town unit "
            "scores (第51–52条), the corridor-failure scenario of the faults and flood zones (第44、48、62、65条), the "
            "emergency transfer out of the flood zones and away from geological hazards (第84条) and the atlas PDF report. "
            "Every step's output is kept.\n\n"
            "韧性综合评估：在一座城市上运行规划的完整链条——社区生活圈（第53–55条）、通道与活动断裂交叉登记（第44、86条）、"
            "韧性城市组团（第47–48条）及其档案（第49条）、韧性街镇单元评估（第51–52条）、断裂与洪涝通道失效情景（第44、48、62、65条）、"
            "洪涝风险区和地质灾害点的避险转移（第84条）和地图集PDF报告。保留每一步的输出。",
        }
    )
    _add_full_model_inputs(model)
    param, child = _helpers(model)
    _add_full_model_assessment_steps(param, child)
    _add_full_model_scenario_steps(param, child)
    model.updateDestinationParameters()  # one destination parameter per model output
    return model


def _add_full_model_inputs(model) -> None:
    """The full assessment's model inputs: the FULL_MODEL_INPUTS layers, the lifeline zones and the optional streets."""
    from qgis.core import QgsProcessingModelParameter, QgsProcessingParameterFeatureSource, QgsProcessingParameterMultipleLayers

    from ..qgisside.compat import SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON

    kinds = {"point": SOURCE_POINT, "line": SOURCE_LINE, "polygon": SOURCE_POLYGON}
    for name, label, kind, help_text in FULL_MODEL_INPUTS:
        source = QgsProcessingParameterFeatureSource(name, label, [kinds[kind]])
        source.setHelp(help_text)
        model.addModelParameter(source, QgsProcessingModelParameter(name))
    lifelines = QgsProcessingParameterMultipleLayers("lifelines", "Lifeline service zones 生命线服务分区", SOURCE_POLYGON)
    lifelines.setHelp("Water, power and gas service zones. 供水、供电、燃气服务分区。Sample city 示例城市: 供水分区、供电分区、燃气分区")
    model.addModelParameter(lifelines, QgsProcessingModelParameter("lifelines"))
    streets = QgsProcessingParameterFeatureSource("streets", "Ordinary streets 普通街道", [SOURCE_LINE], optional=True)
    streets.setHelp("Optional: the streets, for routes along them. 可选：普通街道路网。Sample city 示例城市: Walking network 步行网络")
    model.addModelParameter(streets, QgsProcessingModelParameter("streets"))


def _add_full_model_assessment_steps(param, child) -> None:
    """The full assessment's steps life circles, fault crossings, clusters, the cluster dossier and the unit scores."""
    from qgis.core import QgsProcessingModelChildParameterSource

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


def _add_full_model_scenario_steps(param, child) -> None:
    """The full assessment's steps the corridor-failure scenario, the emergency transfer and the atlas report."""
    from qgis.core import QgsProcessingModelChildParameterSource

    child(
        "scenario",
        "resilience:corridorfailure",
        {
            # the fault scenario on the corridors (and the streets, when given): the units with their cluster_id,
            # so that mutual aid between clusters is reported (第44、48、62、65条)
            "NETWORK": param("corridors"),
            "STREETS": param("streets"),
            "UNITS": [QgsProcessingModelChildParameterSource.fromChildOutput("clusters", "OUTPUT")],
            "FACILITIES": param("facilities"),
            "FAULTS": param("faults"),
            "FLOOD_ZONES": param("flood"),
        },
        {
            "UNITS_OUT": "Scenario: units' access 情景：单元可达性",
            "CRITICAL": "Critical sections 关键路段",
            "FAILED": "Failed sections 失效路段",
            "CLUSTER_LINKS": "Cluster links 组团联系",
        },
        {"CLUSTER_FIELD": "cluster_id"},
    )
    child(
        "transfer",
        "resilience:evacuation",
        {
            # who must move out of the flood zones and away from geological hazards, to which shelter, by the streets
            # (straight lines without them; 第84条)
            "POPULATION": param("communities"),
            "FLOOD_ZONES": param("flood"),
            "GEOHAZARDS": param("geohazards"),
            "SHELTERS": param("facilities"),
            "NETWORK": param("streets"),
        },
        {
            "ASSIGNMENT": "Transfer assignment 转移安置方案",
            "SHELTERS_OUT": "Shelters: load 避难场所负荷",
            "ROUTES": "Transfer routes 转移路线",
        },
        {"POPULATION_FIELD": "population", "CATEGORY_FIELD": "category", "CAPACITY_FIELD": "shelter_area_m2"},
    )
    child(
        "report",
        "resilience:report",
        {
            "UNITS": [QgsProcessingModelChildParameterSource.fromChildOutput("scores", "OUTPUT")],
            "CLUSTERS": [QgsProcessingModelChildParameterSource.fromChildOutput("dossier", "OUTPUT")],
            "SCENARIO_UNITS": [QgsProcessingModelChildParameterSource.fromChildOutput("scenario", "UNITS_OUT")],
            "CRITICAL": [QgsProcessingModelChildParameterSource.fromChildOutput("scenario", "CRITICAL")],
            "CLUSTER_LINKS": [QgsProcessingModelChildParameterSource.fromChildOutput("scenario", "CLUSTER_LINKS")],
            "FAILED": [QgsProcessingModelChildParameterSource.fromChildOutput("scenario", "FAILED")],
            "FAULTS": param("faults"),
            "TRANSFER": [QgsProcessingModelChildParameterSource.fromChildOutput("transfer", "ASSIGNMENT")],
            "TRANSFER_SHELTERS": [QgsProcessingModelChildParameterSource.fromChildOutput("transfer", "SHELTERS_OUT")],
            "TRANSFER_ROUTES": [QgsProcessingModelChildParameterSource.fromChildOutput("transfer", "ROUTES")],
        },
        {"OUTPUT": "Atlas report 地图集报告 (PDF)"},
    )


def _category_and_count(model, label: str, categories) -> None:
    """The model inputs "category" (an enum of ``categories``, the siting's CATEGORY order; short-term shelters by
    default) and "count" (the number of new sites)."""
    from qgis.core import QgsProcessingModelParameter, QgsProcessingParameterEnum, QgsProcessingParameterNumber

    from ..qgisside.compat import NUMBER_INTEGER

    model.addModelParameter(
        QgsProcessingParameterEnum("category", label, categories, defaultValue=1), QgsProcessingModelParameter("category")
    )
    model.addModelParameter(
        QgsProcessingParameterNumber("count", "Number of new sites 新增场地数量", NUMBER_INTEGER, 10, minValue=1),
        QgsProcessingModelParameter("count"),
    )


def _helpers(model):
    """``param(name)``: a model input as a step's source; ``child(id, algorithm, sources, outputs)``: add a step whose
    ``outputs`` (key -> label) are kept as model outputs."""
    from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource, QgsProcessingModelOutput

    def param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def child(child_id, alg_id, sources, outputs, values=None):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(child_id)
        for key, value in sources.items():
            c.addParameterSources(key, value)
        for key, value in (values or {}).items():
            c.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
        model_outputs = {}
        for out_key, label in outputs.items():
            o = QgsProcessingModelOutput(f"{child_id}_{out_key.lower()}", label)
            o.setChildId(child_id)
            o.setChildOutputName(out_key)
            model_outputs[o.name()] = o
        c.setModelOutputs(model_outputs)
        model.addChildAlgorithm(c)

    return param, child


def build_siting_model():
    """Facility siting, then the life circles and the unit scores with the chosen sites added to the facilities."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm("Siting then rescoring", "Resilience Planner", "resilience")
    model.setHelpContent(
        {
            "ALG_DESC": "Chooses where the next facilities go (resilience:siting, 第51、69、86–88、91条), adds the chosen sites "
            "to the facilities, and runs the community life circles (第53–55条) and the street/town unit scores "
            "(第51–52条) on them, with the unit scores before the new sites kept for comparison. Existing facilities of "
            "the category sited are read from the facilities' category field.\n\n"
            "补短板选址后重新评估：先确定新增设施的位置（resilience:siting，第51、69、86–88、91条），把选址结果并入设施图层，"
            "再计算社区生活圈（第53–55条）和街镇单元评估（第51–52条），并保留选址前的单元评估以便比较。",
        }
    )
    _add_siting_model_inputs(model)
    _add_siting_model_steps(model)
    model.updateDestinationParameters()
    return model


def _add_siting_model_inputs(model) -> None:
    """The siting model's inputs: the layers, then the category sited and the number of new sites."""
    from ..qgisside.compat import SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON

    inputs = (
        ("units", "Street/town units 韧性街镇单元", [SOURCE_POLYGON], False),
        ("communities", "Communities 社区", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("facilities", "Facilities 设施", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("candidates", "Candidate sites 候选场地", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("faults", "Active faults 活动断裂", [SOURCE_LINE], True),
        ("flood", "Flood-risk zones 洪涝风险区", [SOURCE_POLYGON], True),
    )
    _layer_inputs(model, inputs)
    categories = [
        "Emergency shelter 紧急避难场所",
        "Short-term shelter 短期应急避难场所",
        "Long-term shelter 长期应急避难场所",
        "Fire station 消防站",
        "Police station 派出所",
        "Clinic 社区卫生服务机构",
        "Hospital 医院",
        "Reserve depot 物资储备库",
    ]
    _category_and_count(model, "What is sited 选址设施类型", categories)


def _add_siting_model_steps(model) -> None:
    """The siting model's steps: siting, the facilities merged with the chosen sites, the life circles after and the
    unit scores before and after."""
    from qgis.core import QgsProcessingModelChildParameterSource

    param, child = _helpers(model)
    _siting_step(
        param,
        child,
        param("communities"),
        "Chosen sites 选址结果",
        {"EXISTING_CATEGORY_FIELD": "category", "CAPACITY_FIELD": "shelter_area_m2", "MODEL": 0},
        existing=param("facilities"),
    )
    child(
        "merged",
        "native:mergevectorlayers",
        {
            "LAYERS": [
                QgsProcessingModelChildParameterSource.fromModelParameter("facilities"),
                QgsProcessingModelChildParameterSource.fromChildOutput("siting", "OUTPUT"),
            ]
        },
        {"OUTPUT": "Facilities with the new sites 含新增场地的设施"},
    )
    after = [QgsProcessingModelChildParameterSource.fromChildOutput("merged", "OUTPUT")]
    child(
        "lifecircles",
        "resilience:lifecircles",
        {"INPUT": param("communities"), "FACILITIES": after},
        {"OUTPUT": "Life circles after 选址后生活圈"},
    )
    hazards = {"FAULTS": param("faults"), "FLOOD_ZONES": param("flood")}
    child(
        "scores_before",
        "resilience:scoreunits",
        {"INPUT": param("units"), "FACILITIES": param("facilities"), **hazards},
        {"OUTPUT": "Unit scores before 选址前单元评估"},
    )
    child(
        "scores_after",
        "resilience:scoreunits",
        {"INPUT": param("units"), "FACILITIES": after, **hazards},
        {"OUTPUT": "Unit scores after 选址后单元评估"},
    )


def build_transfer_model():
    """Emergency transfer, then facility siting with the people left without a place as the demand."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm("Transfer then siting", "Resilience Planner", "resilience")
    model.setHelpContent(
        {
            "ALG_DESC": "Plans the emergency transfer (resilience:evacuation, 第84条): who must move out of the flood zones or "
            "the deep water of a flood-depth grid, to which safe shelter with room, by which open road. The people left "
            "without a place become the demand of facility siting (resilience:siting, 第51、91条), so that the next "
            "shelters go where people have no place: the capacitated model, so that each new site holds the people it is "
            "given (a candidate without room is not used); outside the flood zones given and out of water 0.5 m deep or "
            "deeper on the flood-depth grid, within reach along the network. The shelters' class is read from the field "
            "category and their capacity from shelter_area_m2 (edit the model for other names).\n\n"
            "避险转移后补充选址：先编制避险转移方案（resilience:evacuation，第84条）——洪涝风险区或积水深度栅格中的哪些人需要转移、"
            "转移到哪处安全且有空余的避难场所、经由哪条畅通道路；再以无安置位置的人口作为设施选址（resilience:siting，第51、91条）"
            "的需求，使新增避难场所布局在无处安置的人口附近：采用容量约束模型，每处新场地只安置其容量所能容纳的人（无容量的候选场地不用）；"
            "位于所给洪涝风险区之外、积水深度栅格上 0.5 米及以上积水之外，"
            "沿路网在服务距离之内。避难场所类别取自字段 category，容量取自 shelter_area_m2"
            "（其他字段名请在模型中修改）。",
        }
    )
    _add_transfer_model_inputs(model)
    _add_transfer_model_steps(model)
    model.updateDestinationParameters()
    return model


def _add_transfer_model_inputs(model) -> None:
    """The transfer model's inputs: the layers, the flood-depth raster, then the shelter class sited and the number
    of new sites."""
    from qgis.core import QgsProcessingModelParameter, QgsProcessingParameterRasterLayer

    from ..qgisside.compat import SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON

    inputs = (
        ("communities", "Communities 社区 (field population)", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("shelters", "Shelters or facilities 避难场所或设施", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("candidates", "Candidate sites 候选场地", [SOURCE_POINT, SOURCE_POLYGON], False),
        ("network", "Road network 路网 (optional)", [SOURCE_LINE], True),
        ("flood", "Flood-risk zones 洪涝风险区 (optional)", [SOURCE_POLYGON], True),
        ("faults", "Active faults 活动断裂 (optional)", [SOURCE_LINE], True),
    )
    _layer_inputs(model, inputs)
    model.addModelParameter(
        QgsProcessingParameterRasterLayer("depth", "Flood-depth raster 积水深度栅格 (m, optional)", optional=True),
        QgsProcessingModelParameter("depth"),
    )
    shelters = ["Emergency shelter 紧急避难场所", "Short-term shelter 短期应急避难场所", "Long-term shelter 长期应急避难场所"]
    _category_and_count(model, "New shelters 新增避难场所类型", shelters)


def _add_transfer_model_steps(model) -> None:
    """The transfer model's steps: the transfer, then siting with its shortfall as the demand."""
    from qgis.core import QgsProcessingModelChildParameterSource

    param, child = _helpers(model)
    child(
        "transfer",
        "resilience:evacuation",
        {
            "POPULATION": param("communities"),
            "SHELTERS": param("shelters"),
            "NETWORK": param("network"),
            "FLOOD_ZONES": param("flood"),
            "FLOOD_DEPTH": param("depth"),
            "FAULTS": param("faults"),
        },
        {
            "ASSIGNMENT": "Transfer assignment 转移安置方案",
            "SHELTERS_OUT": "Shelters: load 避难场所负荷",
            "ROUTES": "Transfer routes 转移路线",
            "SHORTFALL": "Shortfall 安置缺口",
        },
        {"POPULATION_FIELD": "population", "CATEGORY_FIELD": "category", "CAPACITY_FIELD": "shelter_area_m2"},
    )
    # the new sites stay out of the flood zones the people leave (every class, as the transfer counts them) and out
    # of water as deep as the evacuation depth, and their reach is measured along the same roads
    _siting_step(
        param,
        child,
        [QgsProcessingModelChildParameterSource.fromChildOutput("transfer", "SHORTFALL")],
        "New shelter sites 新增避难场所选址",
        {"POPULATION_FIELD": "short", "CAPACITY_FIELD": "shelter_area_m2", "MODEL": 3},
        more={"EXCLUDE": param("flood"), "NETWORK": param("network"), "FLOOD_DEPTH": param("depth")},
    )


def _layer_inputs(model, inputs) -> None:
    """Model inputs for layers: (name, label, source kinds, optional) each."""
    from qgis.core import QgsProcessingModelParameter, QgsProcessingParameterFeatureSource

    for name, label, kinds, optional in inputs:
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(name, label, kinds, optional=optional), QgsProcessingModelParameter(name)
        )


def _siting_step(param, child, demand, sites_label: str, values: dict, existing=None, more=None) -> None:
    """The models' siting step ("siting"): ``demand`` as its INPUT, the model's candidates, category, count and
    faults, the existing facilities where given, and ``more`` sources; its chosen sites kept as ``sites_label`` with
    the allocation."""
    sources = {"INPUT": demand, "CANDIDATES": param("candidates")}
    if existing is not None:
        sources["EXISTING"] = existing
    sources.update({"CATEGORY": param("category"), "COUNT": param("count"), "FAULTS": param("faults")})
    sources.update(more or {})
    child("siting", "resilience:siting", sources, {"OUTPUT": sites_label, "ALLOCATION": "Allocation 服务分配"}, values)


BUILDERS = {"fullassessment": build_model, "sitingrescoring": build_siting_model, "transfersiting": build_transfer_model}


def main(argv=None) -> int:
    """Write every shipped model (or, given a path, the full assessment there)."""
    from ..processing.standalone import start_qgis

    app = start_qgis()
    argv = argv or sys.argv[1:]
    targets = [(build_model, Path(argv[0]))] if argv else [(BUILDERS[name], model_path(name)) for name in MODELS]
    ok = True
    for build, path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        written = build().toFile(str(path))
        print(f"{'wrote' if written else 'could not write'} {path}")
        ok = ok and written
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
