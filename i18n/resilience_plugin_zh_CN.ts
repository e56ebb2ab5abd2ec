<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AtlasReportAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="56"/>
        <source>Atlas report (PDF)</source>
        <translation>地图集报告（PDF）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="92"/>
        <source>Scored street/town units</source>
        <translation>已评估的街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="92"/>
        <source>The output of &apos;Score street/town units&apos; (fields score, class, rank, unit_type, i_*, t_*, ok_*).</source>
        <translation>“街镇单元评估”的输出（字段 score、class、rank、unit_type、i_*、t_*、ok_*）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="96"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="96"/>
        <source>Empty: the first of name_zh, name, 名称, code.</source>
        <translation>留空：依次取 name_zh、name、名称、code 中第一个存在的字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="100"/>
        <source>District field</source>
        <translation>所属区字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="100"/>
        <source>Empty: the first of district, district_zh, 区.</source>
        <translation>留空：依次取 district、district_zh、区 中第一个存在的字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="104"/>
        <source>Resilience clusters</source>
        <translation>韧性城市组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="104"/>
        <source>Optional: the clusters of &apos;Delineate resilience clusters&apos; or the &apos;Cluster dossier&apos; (field cluster_id).</source>
        <translation>可选：“划定韧性城市组团”的组团或“组团档案”（字段 cluster_id）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="154"/>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="154"/>
        <source>Empty: &apos;Resilience assessment report&apos; in the QGIS language.</source>
        <translation>留空：按 QGIS 界面语言使用“韧性评估报告”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="159"/>
        <source>Atlas report</source>
        <translation>地图集报告</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="159"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="159"/>
        <source>The PDF to write.</source>
        <translation>要写出的 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="163"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="220"/>
        <source>{0}: {1} pages ({2} clusters, {3} units).</source>
        <translation>{0}：共 {1} 页（{2} 个组团，{3} 个单元）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="108"/>
        <source>Scenario: units&apos; access</source>
        <translation>情景：单元可达性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="108"/>
        <source>Optional: the units of &apos;Corridor failure scenarios&apos;. With the clusters, each cluster gets a scenario page.</source>
        <translation>可选：“通道失效情景”输出的单元。同时给出组团时，每个组团增加一页情景页。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="114"/>
        <source>Scenario: critical sections</source>
        <translation>情景：关键路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="114"/>
        <source>Optional: the critical sections of &apos;Corridor failure scenarios&apos;, listed per cluster.</source>
        <translation>可选：“通道失效情景”输出的关键路段，按组团列出。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="118"/>
        <source>Scenario: cluster links</source>
        <translation>情景：组团联系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="118"/>
        <source>Optional: the cluster links of &apos;Corridor failure scenarios&apos;: links lost or longer, per cluster.</source>
        <translation>可选：“通道失效情景”输出的组团联系：按组团列出失去或变远的联系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="122"/>
        <source>Scenario: failed sections</source>
        <translation>情景：失效路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="122"/>
        <source>Optional: the failed sections of &apos;Corridor failure scenarios&apos;, drawn on the scenario maps.</source>
        <translation>可选：“通道失效情景”输出的失效路段，绘于情景地图上。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="193"/>
        <source>Active faults</source>
        <translation>活动断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="126"/>
        <source>Optional: the active faults, drawn as dashed red lines on every map (第86条).</source>
        <translation>可选：活动断裂，在每张地图上以红色虚线绘出（第86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="63"/>
        <source>Writes one PDF for decision makers from the scored street/town units (the output of 'Score street/town units', 第50–52条) and, optionally, the resilience clusters (the output of 'Delineate resilience clusters' or of 'Cluster dossier', 第47–49条). It is a QGIS print-layout atlas, A4, with Chinese text.

Pages: a title page with an overview map of the risk classes and the provenance (date, plugin and QGIS versions, the plan profile with its SHA-256, every input layer with its source, count and CRS); the profile values used, each with its unit, source clause and confidence, on as many pages as they fill; then each cluster, followed by its units by rank (units in no cluster come last). A unit is in the cluster of its cluster_id field, or else in the cluster that holds a point inside it.

With the outputs of 'Corridor failure scenarios' (第44、48、62、65条) and the clusters, each cluster is followed by a scenario page: a map of the failed and critical sections and the units by access, the units that lose an essential facility with the people and the clusters they no longer reach, the critical sections in the cluster with the measure the plan names, and the links to other clusters lost or longer.

With the outputs of 'Emergency transfer' (第84条) and the clusters, each cluster with people at risk is followed by a transfer page: a map of the features by share placed, the shelters by load and the routes, the features with the most people without a place and why, the fullest shelters, and the sections that take longest to clear with the measure.

A cluster page: map, its measures (units, population, area, districts, lifeline fit, compactness, missing 第48条 facilities and, from the dossier, shelter, beds, reserves and mutual aid) and the list of its units with score, class, type and rank. A unit page: map with the unit outlined in red, score, class, type (第52条), rank and cluster; the hazard, vulnerability and capacity scores (第51条); each indicator's value, 0–10 score, target, whether it is met and its clause, with failed targets shaded; and the measures (第52条) with their clauses.

Output: the PDF, and the number of pages. The inputs are never changed; maps are drawn from memory copies.</source>
        <translation>根据已评估的街镇单元（“街镇单元评估”的输出，第50–52条），以及可选的韧性城市组团（“划定韧性城市组团”或“组团档案”的输出，第47–49条），为决策者写出一份 PDF。它是 QGIS 打印布局的地图集，A4 幅面，正确显示中文。

页面：标题页含风险等级总览图和来源信息（日期、插件与 QGIS 版本、规划参数配置及其 SHA-256、每个输入图层的来源、要素数和坐标系）；所用规划参数，每项列出单位、来源条款和可信度，需要几页就占几页；随后为每个组团一页，其后按排名列出其单元（不属于任何组团的单元放在最后）。单元归属于其 cluster_id 字段所指的组团；没有该字段时，归属于包含单元内部一点的组团。

给出“通道失效情景”的输出（第44、48、62、65条）和组团时，每个组团之后有一页情景页：失效路段、关键路段和按可达性着色的单元地图，失去必需设施的单元及其人口和不再能到达的组团，组团内的关键路段及规划提出的措施，以及失去或变远的组团间联系。

有“避险转移”（第84条）的输出和组团时，每个有需转移人口的组团后附一页转移页：地图显示各要素的安置比例、避难场所负荷和转移路线，列出无安置位置人数最多的要素及原因、负荷最高的避难场所，以及通过耗时最长的路段及其措施。

组团页：地图，组团指标（单元数、人口、面积、所属区、生命线契合度、紧凑度、缺少的第48条设施，以及来自组团档案的避难场所、床位、储备和互助），以及其单元的得分、等级、类型和排名列表。单元页：地图（单元以红色轮廓标出），得分、等级、类型（第52条）、排名和所属组团；致灾因子、承灾体脆弱性和救灾能力得分（第51条）；每个指标的数值、0–10 得分、目标、是否达标及条款，未达标者以底色标出；以及对策措施（第52条）及其条款。

输出：PDF 文件和页数。输入图层不会被修改；地图由内存副本绘制。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Transfer: assignment</source>
        <translation>转移：安置方案</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Optional: the assignment of &apos;Emergency transfer&apos;. With the clusters, each cluster with people at risk gets a transfer page.</source>
        <translation>可选：“避险转移”的安置方案。有组团时，每个有需转移人口的组团附一页转移页。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Transfer: shelters</source>
        <translation>转移：避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Optional: the shelters of &apos;Emergency transfer&apos; with their load: the fullest listed per cluster.</source>
        <translation>可选：“避险转移”输出的避难场所及其负荷：按组团列出负荷最高者。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Transfer: routes</source>
        <translation>转移：路线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/atlas_report.py" line="130"/>
        <source>Optional: the routes of &apos;Emergency transfer&apos;: drawn, and the slowest sections listed per cluster.</source>
        <translation>可选：“避险转移”的转移路线：绘制在地图上，并按组团列出通过最慢的路段。</translation>
    </message>
</context>
<context>
    <name>ChinaCoordsAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="33"/>
        <source>Convert Chinese web-map coordinates (WGS84 / GCJ-02 / BD-09)</source>
        <translation>国内网络地图坐标转换（WGS84 / GCJ-02 / BD-09）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="49"/>
        <source>WGS84 (GPS, CGCS2000 to within a metre)</source>
        <translation>WGS84（GPS，与 CGCS2000 相差在 1 米以内）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="49"/>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="49"/>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="50"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="51"/>
        <source>A layer in longitude/latitude.</source>
        <translation>经纬度坐标的图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="53"/>
        <source>From</source>
        <translation>源坐标系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="54"/>
        <source>The system the coordinates are in now.</source>
        <translation>坐标当前所在的坐标系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="56"/>
        <source>To</source>
        <translation>目标坐标系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="57"/>
        <source>The system to convert to.</source>
        <translation>要转换到的坐标系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="59"/>
        <source>Converted</source>
        <translation>转换结果</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="60"/>
        <source>The features with converted coordinates.</source>
        <translation>坐标已转换的要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="73"/>
        <source>Layer &apos;{0}&apos; is in {1}, not in longitude/latitude: GCJ-02 and BD-09 exist only as longitude/latitude.</source>
        <translation>图层“{0}”采用 {1}，不是经纬度坐标：GCJ-02 和 BD-09 只有经纬度形式。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="73"/>
        <source>no CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="90"/>
        <source>{0} feature(s) converted from {1} to {2}.</source>
        <translation>已将 {0} 个要素从 {1} 转换为 {2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/china_coords.py" line="36"/>
        <source>POIs and boundaries downloaded from Amap or Tencent are in GCJ-02, from Baidu in BD-09: offset by hundreds of metres from WGS84 and CGCS2000, so that facilities land in the wrong street/town unit or life circle (第50、53条). This converts every vertex of a layer between WGS84, GCJ-02 and BD-09, in either direction. GCJ-02 is the published polynomial offset on the Krasovsky ellipsoid; BD-09 adds Baidu's rotation and offset. Points outside China's bounding rectangle are left unshifted, as the web maps do. The reverse transforms iterate the forward ones until the round trip agrees to better than 0.1 mm.

The layer must be in longitude/latitude (a geographic CRS; such data are usually labelled EPSG:4326). The output keeps the layer's CRS, fields and geometry type; curved geometries are segmentised. The input is never modified.</source>
        <translation>从高德或腾讯下载的兴趣点和边界采用 GCJ-02，从百度下载的采用 BD-09：与 WGS84 和 CGCS2000 相差数百米，会使设施落入错误的街镇单元或生活圈（第50、53条）。本算法在 WGS84、GCJ-02 和 BD-09 之间双向转换图层的每个节点。GCJ-02 为克拉索夫斯基椭球上公开的多项式偏移；BD-09 在其基础上再加百度的旋转和偏移。中国外包矩形以外的点不做偏移，与网络地图一致。反向转换对正向转换迭代求解，直至往返误差小于 0.1 毫米。

图层须为经纬度坐标（地理坐标系，此类数据通常标为 EPSG:4326）。输出保留图层的坐标系、字段和几何类型；曲线几何会转换为直线段。不会修改输入图层。</translation>
    </message>
</context>
<context>
    <name>ClusterDossierAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="154"/>
        <source>Cluster dossier</source>
        <translation>组团档案</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="59"/>
        <source>Builds the dossier the plan asks for each resilience cluster (第49条), from the clusters (the output of Resilience clusters, or any polygons with an id and a population) and whichever data layers are given:
- hazards: share of the area within the fault avoidance distance and in flood-risk zones, and the number of geological-hazard points;
- urban base: population and area;
- lifeline upkeep: water plants and substations (the lifeline fit fields of the clusters are kept);
- rescue capacity: fire stations, hospital beds per 1,000 people against the profile's target, and shelter area per person against the target (2.1 m²);
- emergency conversion potential (平急两用, 第51条): stadiums, schools, parks and hotels, by count and area (the shelter area field);
- the three-threes reserve check (第77条): reserve depot capacity (in person-days, from the capacity field) against 3 days for the cluster's population;
- mutual aid (第48条): the neighbouring clusters that a grade 1 or 2 corridor links to this one (the corridor crosses their shared border).

Writes the clusters with these fields, and an HTML dossier with one section and a small map per cluster.</source>
        <translation>按规划要求为每个韧性城市组团建立档案（第49条），依据组团图层（“韧性城市组团”算法的输出，或任何带编号和人口的面）及所提供的数据图层：
- 灾害：位于断裂避让距离内和洪涝风险区内的面积比例，地质灾害点数量；
- 城市本底：人口和面积；
- 生命线保障：水厂和变电站（保留组团的生命线拟合字段）；
- 救援能力：消防站、每千人医院床位（对照规划配置目标）、人均避难面积（对照目标 2.1 平方米）；
- 平急两用转换潜力（第51条）：体育场馆、学校、公园和宾馆的数量及面积（避难面积字段）；
- “三个三”储备核查（第77条）：物资储备库容量（人·天，取自容量字段）对照组团人口 3 天的需求；
- 互助（第48条）：由一级或二级通道与本组团相连的相邻组团（通道穿过两者共同边界）。

输出带上述字段的组团图层，以及每个组团一节并附小地图的 HTML 档案。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="175"/>
        <source>Clusters</source>
        <translation>组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="107"/>
        <source>Resilience clusters (polygons).</source>
        <translation>韧性城市组团（面）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="176"/>
        <source>Cluster id field</source>
        <translation>组团编号字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="108"/>
        <source>Field naming each cluster in the dossier.</source>
        <translation>档案中标识各组团的字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="177"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="254"/>
        <source>Geological hazard points</source>
        <translation>地质灾害点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="119"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="119"/>
        <source>Optional facilities.</source>
        <translation>可选：设施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="120"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="120"/>
        <source>Field with the facility category.</source>
        <translation>设施类型字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="127"/>
        <source>Shelter area field (m²)</source>
        <translation>避难面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="127"/>
        <source>Effective shelter area in m².</source>
        <translation>有效避难面积（平方米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="135"/>
        <source>Hospital beds field</source>
        <translation>医院床位字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="135"/>
        <source>Number of hospital beds.</source>
        <translation>医院床位数。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="136"/>
        <source>Reserve capacity field (person-days)</source>
        <translation>储备容量字段（人·天）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="136"/>
        <source>Reserve depot capacity in person-days, for the three-threes check (第77条).</source>
        <translation>物资储备库容量（人·天），用于“三个三”核查（第77条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="217"/>
        <source>Corridors</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="144"/>
        <source>Optional emergency corridors, for mutual aid.</source>
        <translation>可选：应急通道，用于判断互助关系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="218"/>
        <source>Corridor grade field</source>
        <translation>通道等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="145"/>
        <source>Grade 1, 2 or 3; grades 1 and 2 link clusters.</source>
        <translation>等级 1、2 或 3；一、二级通道连接组团。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="155"/>
        <source>The clusters with their dossier fields.</source>
        <translation>带档案字段的组团。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="156"/>
        <source>Dossier (HTML)</source>
        <translation>档案（HTML）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="156"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="157"/>
        <source>One section and a small map per cluster.</source>
        <translation>每个组团一节，附小地图。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="250"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="251"/>
        <source>Area (km²)</source>
        <translation>面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="252"/>
        <source>Share in fault avoidance zones</source>
        <translation>断裂避让区内面积比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="253"/>
        <source>Share in flood-risk zones</source>
        <translation>洪涝风险区内面积比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="255"/>
        <source>Water plants</source>
        <translation>水厂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="256"/>
        <source>Substations</source>
        <translation>变电站</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="257"/>
        <source>Fire stations</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="258"/>
        <source>Hospitals</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="259"/>
        <source>Hospital beds</source>
        <translation>医院床位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="260"/>
        <source>Beds per 1,000 people</source>
        <translation>每千人床位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="261"/>
        <source>Beds target per 1,000</source>
        <translation>每千人床位目标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="262"/>
        <source>Shelter area (m²)</source>
        <translation>避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="263"/>
        <source>Shelter area per person (m²)</source>
        <translation>人均避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="264"/>
        <source>Shelter target per person (m²)</source>
        <translation>人均避难面积目标（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="265"/>
        <source>Shelter target met</source>
        <translation>达到避难面积目标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="266"/>
        <source>Conversion spaces (平急两用)</source>
        <translation>平急两用空间</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="267"/>
        <source>Conversion space area (m²)</source>
        <translation>平急两用空间面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="268"/>
        <source>Reserve depots</source>
        <translation>物资储备库</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="269"/>
        <source>Reserve capacity (person-days)</source>
        <translation>储备容量（人·天）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="270"/>
        <source>Reserve need, 3 days (person-days)</source>
        <translation>3 天储备需求（人·天）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="271"/>
        <source>Three-threes reserve met (第77条)</source>
        <translation>满足“三个三”储备（第77条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="272"/>
        <source>Clusters linked for mutual aid</source>
        <translation>互助组团数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="273"/>
        <source>Mutual aid with</source>
        <translation>互助组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="274"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="236"/>
        <source>Resilience cluster dossier (第49条)</source>
        <translation>韧性城市组团档案（第49条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="237"/>
        <source>One section per cluster: hazards, urban base, lifelines, rescue capacity, conversion potential, reserves and mutual aid.</source>
        <translation>每个组团一节：灾害、城市本底、生命线、救援能力、转换潜力、储备和互助。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="59"/>
        <source>Fields added to the clusters: d_pop and d_area_km2 (population, km²); fault_shr and flood_shr (share of the area in fault avoidance and flood-risk zones); geohaz_n (geological hazard points); water_pl and substat (water plants, substations); fire_st, hosp_n and beds (fire stations, hospitals, beds); beds_1000 and beds_tgt (beds per 1,000 people and the target); shelter_m2, shelter_pp, shelter_tgt and shelter_ok (shelter area, per person, target, met); conv_n and conv_m2 (平急两用 conversion spaces and their area); reserve_n, reserve_pd, reserve_nd and reserve_ok (reserve depots, capacity and 3-day need in person-days, met; 第77条); aid_n and aid_with (clusters linked for mutual aid, by name); d_clauses.</source>
        <translation>组团新增字段：d_pop 和 d_area_km2（人口、平方千米）；fault_shr 和 flood_shr（位于断裂避让带和洪涝风险区内的面积比例）；geohaz_n（地质灾害点数）；water_pl 和 substat（水厂、变电站）；fire_st、hosp_n 和 beds（消防站、医院、床位）；beds_1000 和 beds_tgt（千人床位数及目标）；shelter_m2、shelter_pp、shelter_tgt 和 shelter_ok（避难面积、人均面积、目标、是否达标）；conv_n 和 conv_m2（平急两用转换空间及其面积）；reserve_n、reserve_pd、reserve_nd 和 reserve_ok（储备库数量、容量与三天需求（人·天）、是否达标；第77条）；aid_n 和 aid_with（互助相连的组团，按名称）；d_clauses。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="109"/>
        <source>Field with each cluster&apos;s population. Empty, with a population raster: the raster&apos;s people inside each cluster.</source>
        <translation>保存各组团人口的字段。留空且提供人口栅格时：取栅格在各组团内的人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="189"/>
        <source>{0}: field &apos;{1}&apos; holds no value (clusters made without a population): their people are not assessed.</source>
        <translation>{0}：字段“{1}”没有任何值（组团划分时未给出人口）：组团人口不评估。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/dossier.py" line="59"/>
        <source>Not assessed, never 0: a cluster whose population is empty or unreadable has its per-person measures NULL; a cluster without a polygon has its area, exposure, facilities and aid NULL; a shelter whose area is empty or unreadable leaves its cluster&apos;s shelter NULL. The log names them.</source>
        <translation>不评估，绝不记为 0：人口为空或无法读取的组团，其人均指标为空值（NULL）；没有面要素的组团，其面积、灾害暴露、设施与互助字段为空值（NULL）；避难场所面积为空或无法读取时，其所在组团的避难面积为空值（NULL）。日志中列出这些要素。</translation>
    </message>
</context>
<context>
    <name>ClustersAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="60"/>
        <source>Resilience clusters</source>
        <translation>韧性城市组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="63"/>
        <source>Groups whole street/town units (第50条) into resilience clusters (韧性城市组团, 第47条), 39 by default as in Beijing's plan. Every cluster is contiguous; with a district field no cluster crosses a district boundary (第47条); units on opposite sides of a barrier (greenbelts 第25条, rivers …) are not neighbours; clusters prefer units in the same lifeline zone of each system (water, power, gas …, 第12、47条) and should each hold the facilities 第48条 requires (stadium, long-term shelter, reserve depot, water plant, substation, command centre; the list is in the plan profile).

Neighbours share at least 10 m of boundary, measured with a 5 m tolerance for slivers and gaps. A unit with no neighbour (an island) joins its nearest unit. Two units are separated by a barrier when the straight line between points inside them crosses a barrier line or the edge of a barrier polygon; a unit cut off from all its neighbours that way rejoins across its longest shared boundary (logged).

Objective (minimised, weights in the profile): population balance ((P − P̄)/P̄)² + population outside each cluster's main lifeline zone + lack of compactness (second moment of area against a disk's) + missing 第48条 categories + population outside the bounds (weighted 10). The connected pieces that districts and barriers leave get clusters in proportion to population; regions grow from spread-out seeds, least populated first; then boundary units move to a neighbouring cluster while that lowers the objective and keeps both clusters contiguous. The result is the same for the same input.

When the constraints cannot all be met (more pieces than clusters, bounds that no split satisfies, missing facilities) the log says which and where, and the best solution found is returned.

Outputs: the units with cluster_id; the dissolved clusters with population, area, units, the lifeline fit per system (share of the population in the cluster's main zone), compactness (4πA/P²), the 第48条 facilities present and missing, and whether the population is within the bounds.</source>
        <translation>以完整的街镇单元（第50条）组成韧性城市组团（第47条），默认 39 个，与北京规划一致。每个组团在空间上连续；指定区字段时组团不跨区界（第47条）；位于屏障（绿化隔离地区 第25条、河流等）两侧的单元不视为相邻；组团优先包含各生命线系统（供水、供电、燃气等，第12、47条）同一分区内的单元，并应具备第48条要求的设施（体育场馆、长期应急避难场所、物资储备库、水厂、变电站、应急指挥中心；清单见规划配置）。

相邻单元须共用至少 10 米边界，量算时对缝隙和碎片留有 5 米容差。没有相邻单元的单元（飞地）并入最近的单元。若两单元内部点之间的连线穿过屏障线或屏障面的边界，则两单元被屏障隔开；因此与所有邻居都被隔开的单元，经其最长的共用边界重新连接（记入日志）。

目标函数（最小化，权重见规划配置）：人口均衡 ((P − P̄)/P̄)² + 各组团主要生命线分区以外的人口 + 紧凑度不足（面积二阶矩与圆形相比）+ 缺少的第48条设施类别 + 超出人口上下限的人口（权重 10）。区界和屏障分出的各连通片区按人口比例分配组团数；从分散的种子单元开始生长，人口最少的组团优先；随后在降低目标函数且保持两组团连续的前提下，把边界单元移到相邻组团。相同输入得到相同结果。

约束无法全部满足时（片区多于组团数、人口上下限无法满足、设施不足），日志说明是哪项约束、在何处，并返回找到的最优方案。

输出：带 cluster_id 的单元；融合后的组团，含人口、面积、单元数、各系统生命线拟合度（组团主要分区内人口所占比例）、紧凑度（4πA/P²）、第48条设施的具备与缺失情况以及人口是否在上下限内。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="174"/>
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="106"/>
        <source>Street/town unit polygons (韧性街镇单元, 第50条).</source>
        <translation>街镇单元面（韧性街镇单元，第50条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="176"/>
        <source>Unit id field</source>
        <translation>单元编号字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="109"/>
        <source>Field that identifies each unit (codes are checked for duplicates).</source>
        <translation>标识各单元的字段（会检查重复编号）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="177"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="178"/>
        <source>District field</source>
        <translation>区字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="122"/>
        <source>Optional: no cluster crosses a boundary between values of this field (第47条).</source>
        <translation>可选：组团不跨越该字段不同取值之间的边界（第47条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="124"/>
        <source>Lifeline service zones</source>
        <translation>生命线保障分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="125"/>
        <source>One polygon layer per lifeline system (water, power, gas …); the layer's name names the system.</source>
        <translation>每个生命线系统（供水、供电、燃气等）一个面图层；以图层名称作为系统名称。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="127"/>
        <source>Zone field in the lifeline layers</source>
        <translation>生命线图层中的分区字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="128"/>
        <source>Field naming each zone; layers without it use the feature id.</source>
        <translation>标识各分区的字段；没有该字段的图层使用要素编号。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="130"/>
        <source>Barriers</source>
        <translation>屏障</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="131"/>
        <source>Optional lines or polygons (greenbelts, rivers) that clusters do not cross (第25条).</source>
        <translation>可选：组团不跨越的线或面（绿化隔离地区、河流）（第25条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="133"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="134"/>
        <source>Optional facilities, to check each cluster holds what 第48条 requires.</source>
        <translation>可选：设施，用于核查各组团是否具备第48条要求的设施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="136"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="137"/>
        <source>Field with the facility category: a profile code, or its English or Chinese name.</source>
        <translation>设施类型字段：规划配置中的代码，或其中英文名称。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="139"/>
        <source>Number of clusters</source>
        <translation>组团数量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="142"/>
        <source>How many clusters to make (Beijing&apos;s plan: 39).</source>
        <translation>要划分的组团数量（北京规划：39 个）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="144"/>
        <source>Minimum population</source>
        <translation>最小人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="145"/>
        <source>Optional lower bound of a cluster&apos;s population; 0: none.</source>
        <translation>可选：组团人口下限；0 表示不限。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="147"/>
        <source>Maximum population</source>
        <translation>最大人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="148"/>
        <source>Optional upper bound of a cluster&apos;s population; 0: none.</source>
        <translation>可选：组团人口上限；0 表示不限。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="152"/>
        <source>Units with their cluster</source>
        <translation>单元及所属组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="153"/>
        <source>The units with the cluster each belongs to (cluster_id).</source>
        <translation>各单元及其所属组团（cluster_id）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="155"/>
        <source>Clusters</source>
        <translation>组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="156"/>
        <source>The dissolved clusters with their population, lifeline fit, compactness and facilities.</source>
        <translation>融合后的组团，含人口、生命线拟合度、紧凑度和设施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="249"/>
        <source>Cluster</source>
        <translation>组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="250"/>
        <source>Cluster code</source>
        <translation>组团代码</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="251"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="252"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="253"/>
        <source>Area (km²)</source>
        <translation>面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="254"/>
        <source>Districts</source>
        <translation>所在区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="257"/>
        <source>Lifeline fit: {0}</source>
        <translation>生命线拟合度：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="258"/>
        <source>Main zone: {0}</source>
        <translation>主要分区：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="259"/>
        <source>Compactness (4πA/P²)</source>
        <translation>紧凑度（4πA/P²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="263"/>
        <source>Count: {0}</source>
        <translation>数量：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="265"/>
        <source>Missing 第48条 facilities</source>
        <translation>缺少的第48条设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="266"/>
        <source>Missing facilities (Chinese)</source>
        <translation>缺少的设施（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="267"/>
        <source>Holds every 第48条 facility</source>
        <translation>具备全部第48条设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="269"/>
        <source>Population within bounds</source>
        <translation>人口在上下限内</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="269"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="63"/>
        <source>Fields of the clusters: cluster_id and code; n_units, population, area_km2 and districts; fit_&lt;system&gt; (share of the cluster's population in its main zone of that lifeline system) and zone_&lt;system&gt; (that zone); compact (4πA/P²); n_&lt;category&gt; (facilities of each 第48条 category), missing and missing_zh (the categories it lacks) and self_suff (1 when it has them all); pop_ok (1 within the population bounds); clauses. The units keep their own fields and get cluster_id.</source>
        <translation>组团字段：cluster_id 和 code；n_units、population、area_km2 和 districts（单元数、人口、面积、所属区）；fit_&lt;system&gt;（组团人口位于该生命线系统主要分区内的比例）和 zone_&lt;system&gt;（该分区）；compact（紧凑度 4πA/P²）；n_&lt;category&gt;（第48条各类设施的数量）、missing 和 missing_zh（缺少的类别）、self_suff（齐全为 1）；pop_ok（人口在范围内为 1）；clauses。单元图层保留其原有字段并增加 cluster_id。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="112"/>
        <source>Field with each unit's population, a number or text such as 1,234 or 12万. Empty: the field named like a population (人口, 常住人口, population …); none: the population raster's people inside each unit, or, without one, every unit counts as 1.</source>
        <translation>保存各单元人口的字段，可为数字或 1,234、12万 等文本。留空：按字段名识别人口字段（人口、常住人口、population 等）；没有时：取人口栅格在各单元内的人口，无栅格时每个单元计为 1。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/delineate.py" line="63"/>
        <source>Without a population, the clusters&apos; population and pop_ok are NULL (not assessed); units count 1 each for the balance.</source>
        <translation>未给出人口时，组团的 population 与 pop_ok 为空值（NULL，不评估）；均衡时每个单元按 1 计。</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../resilience_plugin/core/network.py" line="41"/>
        <source>Searching along a network needs scipy, which is not installed. Install it (Debian/Ubuntu: sudo apt install python3-scipy; OSGeo4W Shell: python -m pip install scipy), or leave the network empty for straight-line circles.</source>
        <translation>沿路网搜索需要 scipy，但尚未安装。请安装（Debian/Ubuntu：sudo apt install python3-scipy；OSGeo4W Shell：python -m pip install scipy），或不填路网而使用直线距离生活圈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/network.py" line="221"/>
        <source>the network has no line with a length</source>
        <translation>路网中没有长度大于零的线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="38"/>
        <source>Plan profile key &apos;{0}&apos; in {1}: {2}</source>
        <translation>规划参数配置项“{0}”（{1}）：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="40"/>
        <source>Plan profile key &apos;{0}&apos;: {1}</source>
        <translation>规划参数配置项“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="64"/>
        <source>expected a number, got {0} {1}</source>
        <translation>应为数值，实际为 {0} {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="77"/>
        <source>{0} is outside the allowed range {1}..{2}</source>
        <translation>{0} 超出允许范围 {1}..{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="75"/>
        <source>expected a whole number, got {0} {1}</source>
        <translation>应为整数，实际为 {0} {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="85"/>
        <source>expected non-empty text, got {0} {1}</source>
        <translation>应为非空文本，实际为 {0} {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="100"/>
        <source>expected a non-empty list of text, got {0}</source>
        <translation>应为非空的文本列表，实际为 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="103"/>
        <source>item {0} is {1}, expected text</source>
        <translation>第 {0} 项为 {1}，应为文本</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="110"/>
        <source>expected a non-empty mapping, got {0}</source>
        <translation>应为非空的键值映射，实际为 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="116"/>
        <source>entry &apos;{0}&apos;: {1}</source>
        <translation>条目“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="124"/>
        <source>expected a mapping from intensity to building class distances</source>
        <translation>应为从设防烈度到各抗震设防类别避让距离的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="127"/>
        <source>intensity &apos;{0}&apos; must be a whole number such as &quot;8&quot;</source>
        <translation>烈度“{0}”必须是整数，例如 &quot;8&quot;</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="129"/>
        <source>intensity '{0}': expected a mapping of classes 甲/乙/丙/丁</source>
        <translation>烈度“{0}”：应为甲/乙/丙/丁类的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="132"/>
        <source>intensity &apos;{0}&apos; lacks building class(es) {1}</source>
        <translation>烈度“{0}”缺少设防类别 {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="135"/>
        <source>intensity &apos;{0}&apos;, {1}</source>
        <translation>烈度“{0}”，{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="141"/>
        <source>expected a mapping from facility category to building class</source>
        <translation>应为从设施类型到抗震设防类别的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="144"/>
        <source>category &apos;{0}&apos; has class {1}; expected one of {2}</source>
        <translation>设施类型“{0}”的类别为 {1}；应为 {2} 之一</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="152"/>
        <source>expected a mapping from grade to its definition</source>
        <translation>应为从等级到其定义的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="155"/>
        <source>grade &apos;{0}&apos;: expected a mapping with name, name_zh, min_width</source>
        <translation>等级“{0}”：应为含 name、name_zh、min_width 的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="158"/>
        <source>grade &apos;{0}&apos; lacks text &apos;{1}&apos;</source>
        <translation>等级“{0}”缺少文本“{1}”</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="161"/>
        <source>grade &apos;{0}&apos;, min_width: {1}</source>
        <translation>等级“{0}”，min_width：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="167"/>
        <source>expected a mapping of dimensions</source>
        <translation>应为各评估维度的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="170"/>
        <source>lacks dimension &apos;{0}&apos;</source>
        <translation>缺少维度“{0}”</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="173"/>
        <source>dimension &apos;{0}&apos;, {1}</source>
        <translation>维度“{0}”，{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="175"/>
        <source>dimension &apos;{0}&apos; has no positive weight</source>
        <translation>维度“{0}”没有大于零的权重</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="181"/>
        <source>expected four class breaks (five classes)</source>
        <translation>应为四个分级断点（五个等级）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="187"/>
        <source>breaks {0} must increase strictly</source>
        <translation>断点 {0} 必须严格递增</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="197"/>
        <source>lacks weight(s) {0}</source>
        <translation>缺少权重 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="199"/>
        <source>needs at least one positive weight</source>
        <translation>至少需要一个大于零的权重</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="205"/>
        <source>expected a non-empty mapping of texts</source>
        <translation>应为非空的文本映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="208"/>
        <source>entry &apos;{0}&apos; is not text</source>
        <translation>条目“{0}”不是文本</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="220"/>
        <source>expected the weights {0}; lacks: {1}; unknown: {2}</source>
        <translation>应包含权重 {0}；缺少：{1}；未知：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="234"/>
        <source>lacks factor(s) for {0}</source>
        <translation>缺少 {0} 的系数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="239"/>
        <source>expected two breaks (low/medium, medium/high)</source>
        <translation>应为两个断点（低/中、中/高）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="244"/>
        <source>breaks {0} must increase</source>
        <translation>断点 {0} 必须递增</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="249"/>
        <source>expected a mapping from category code to its names</source>
        <translation>应为从设施类型代码到其名称的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="252"/>
        <source>category code &apos;{0}&apos; must be lower_case_with_underscores</source>
        <translation>设施类型代码“{0}”必须为小写字母加下划线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="254"/>
        <source>category &apos;{0}&apos;: expected a mapping with name, name_zh, clauses</source>
        <translation>设施类型“{0}”：应为含 name、name_zh、clauses 的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="257"/>
        <source>category &apos;{0}&apos; lacks text &apos;{1}&apos;</source>
        <translation>设施类型“{0}”缺少文本“{1}”</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="267"/>
        <source>lacks level &apos;{0}&apos;</source>
        <translation>缺少层级“{0}”</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="572"/>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="575"/>
        <source>missing header section</source>
        <translation>缺少文件头部分</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="578"/>
        <source>missing or not text</source>
        <translation>缺失或不是文本</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="580"/>
        <source>is {0}; this plugin reads format {1}</source>
        <translation>为 {0}；本插件读取格式版本 {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="591"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="594"/>
        <source>must be an object with value, unit, source and confidence</source>
        <translation>必须是含 value、unit、source 和 confidence 的对象</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="599"/>
        <source>is missing or not text</source>
        <translation>缺失或不是文本</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="601"/>
        <source>is &apos;{0}&apos;, expected &apos;{1}&apos;</source>
        <translation>为“{0}”，应为“{1}”</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="603"/>
        <source>is &apos;{0}&apos;, expected one of {1}</source>
        <translation>为“{0}”，应为 {1} 之一</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="620"/>
        <source>{0} m exceeds radius_max {1} m</source>
        <translation>{0} 米超过 radius_max {1} 米</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="624"/>
        <source>{0} m is outside {1}-{2} m</source>
        <translation>{0} 米不在 {1}–{2} 米范围内</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="645"/>
        <source>category &apos;{0}&apos; is not in facility_categories</source>
        <translation>设施类型“{0}”不在 facility_categories 中</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="657"/>
        <source>has no row for the design intensity {0}</source>
        <translation>没有设防烈度 {0} 对应的行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="675"/>
        <source>file not found</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="677"/>
        <source>cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="684"/>
        <source>is not valid JSON (line {0}, column {1}: {2})</source>
        <translation>不是有效的 JSON（第 {0} 行，第 {1} 列：{2}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/report.py" line="80"/>
        <source>layer &apos;{0}&apos; has no field(s) {1}: give the output of &apos;Score street/town units&apos; (resilience:scoreunits)</source>
        <translation>图层“{0}”缺少字段 {1}：请输入“韧性街镇单元评估”（resilience:scoreunits）的输出</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="197"/>
        <source>no indicator could be computed: give at least one of the optional layers or fields</source>
        <translation>无法计算任何指标：请至少提供一个可选图层或字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="249"/>
        <source>the weights of dimension &apos;{0}&apos; sum to zero for the indicators used ({1})</source>
        <translation>维度“{0}”在所用指标（{1}）上的权重之和为零</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="270"/>
        <source>no unit has a value for any indicator used ({0}): check the population and the input layers</source>
        <translation>没有任何单元具有所用指标（{0}）的值：请检查人口字段和输入图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/labels.py" line="80"/>
        <source>cannot read &apos;{0}&apos;: write label=category, pairs separated by &apos;;&apos;</source>
        <translation>无法读取“{0}”：请写成 标签=类别，各对之间用“;”分隔</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/labels.py" line="83"/>
        <source>&apos;{0}&apos;: &apos;{1}&apos; is not a facility category of the profile; known: {2}</source>
        <translation>“{0}”：“{1}”不是规划配置中的设施类别；可用类别：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="277"/>
        <source>expected a mapping from category code to a list of labels</source>
        <translation>应为从类别代码到标签列表的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="280"/>
        <source>category &apos;{0}&apos;: expected a list</source>
        <translation>类别“{0}”：应为列表</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="283"/>
        <source>category &apos;{0}&apos;: {1} is not {2}</source>
        <translation>类别“{0}”：{1} 不是{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="291"/>
        <source>expected a mapping from indicator to its goalposts</source>
        <translation>应为从指标到其标尺的映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="294"/>
        <source>indicator &apos;{0}&apos;: expected lo, hi, log and a source</source>
        <translation>指标“{0}”：应有 lo、hi、log 和来源（source）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="297"/>
        <source>indicator &apos;{0}&apos;, lo: {1}</source>
        <translation>指标“{0}”，lo：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="301"/>
        <source>indicator &apos;{0}&apos;, hi: {1}</source>
        <translation>指标“{0}”，hi：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="303"/>
        <source>indicator &apos;{0}&apos;: hi {1} must be above lo {2}</source>
        <translation>指标“{0}”：hi {1} 必须大于 lo {2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="305"/>
        <source>indicator &apos;{0}&apos;: log must be true or false</source>
        <translation>指标“{0}”：log 必须为 true 或 false</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="311"/>
        <source>expected a list of [keyword, category] pairs</source>
        <translation>应为 [关键词, 类别] 对的列表</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="314"/>
        <source>item {0} is {1}, expected [keyword, category]</source>
        <translation>第 {0} 项为 {1}，应为 [关键词, 类别]</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="650"/>
        <source>keyword &apos;{0}&apos;: category &apos;{1}&apos; is not in facility_categories</source>
        <translation>关键词“{0}”：类别“{1}”不在 facility_categories 中</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="121"/>
        <source>its input was not given</source>
        <translation>未提供其输入</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="122"/>
        <source>no facilities were given</source>
        <translation>未提供设施图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="123"/>
        <source>no facility has a shelter area</source>
        <translation>没有设施带有避难面积</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="124"/>
        <source>no school, park, stadium or hotel has a shelter area</source>
        <translation>没有学校、公园、体育场馆或宾馆带有避难面积</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="125"/>
        <source>no facility has hospital beds</source>
        <translation>没有设施带有医院床位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="126"/>
        <source>the facilities hold no police station</source>
        <translation>设施中没有派出所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="127"/>
        <source>the facilities hold no fire station</source>
        <translation>设施中没有消防站</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="220"/>
        <source>the profile has no goalposts for indicator &apos;{0}&apos; (scoring.goalposts)</source>
        <translation>规划配置中没有指标“{0}”的标尺（scoring.goalposts）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="426"/>
        <source>Distance {0:g} m is outside the plan's {1:g}-{2:g} m for life circles (第53条).</source>
        <translation>距离 {0:g} 米超出规划规定的生活圈范围 {1:g}—{2:g} 米（第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/network.py" line="578"/>
        <source>{0}: the network was not noded; lines were split where they cross ({1} more segments).</source>
        <translation>{0}：网络未在交叉处打断；已在交叉处拆分线段（增加 {1} 段）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="522"/>
        <source>Network: {0} edges, {1} nodes.</source>
        <translation>网络：{0} 条边，{1} 个节点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="533"/>
        <source>{0} community(ies) have no network within {1:g} m and are flagged &apos;unreachable&apos;.</source>
        <translation>{0} 个社区在 {1:g} 米内没有网络，已标记为“unreachable（不可达）”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="604"/>
        <source>{0} circles ({1}); {2} pass the checklist, {3} do not.</source>
        <translation>共 {0} 个生活圈（{1}）；{2} 个通过核查，{3} 个未通过。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="312"/>
        <source>&apos;{0}&apos; lies {1:,.0f} km from &apos;{2}&apos;: every input must be in one projected CRS in metres (check each layer&apos;s CRS).</source>
        <translation>“{0}”距“{2}” {1:,.0f} 千米：所有输入必须位于同一以米为单位的投影坐标系中（请检查各图层的坐标系）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="666"/>
        <source>{0} of {1} corridor(s) run through hazard zones: {2:.2f} km of {3:.2f} km.</source>
        <translation>{1} 条通道中有 {0} 条穿过灾害区：共 {3:.2f} 公里中的 {2:.2f} 公里。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="845"/>
        <source>{0}, field '{1}': values that are not a class 甲/乙/丙/丁: {2}</source>
        <translation>{0}，字段“{1}”：以下取值不是甲/乙/丙/丁类别：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="849"/>
        <source>{0}: categories without a class in the profile, reported &apos;class unknown&apos;: {1}</source>
        <translation>{0}：以下类型在规划配置中没有对应设防类别，记为“类别未知”：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="902"/>
        <source>Intensity {0}: {1} violation(s), {2} for special study, {3} ok, {4} with unknown class.</source>
        <translation>设防烈度 {0}：违规 {1} 处，需专门研究 {2} 处，满足 {3} 处，类别未知 {4} 处。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="906"/>
        <source>Violations by category: {0}</source>
        <translation>按类型统计的违规：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="1037"/>
        <source>{0}: {1} fault(s) without their own avoidance distance use {2:g} m.</source>
        <translation>{0}：{1} 条断裂没有自身的避让距离，采用 {2:g} 米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="1130"/>
        <source>{0} corridor-fault contact(s): {1} high, {2} medium, {3} low severity.</source>
        <translation>通道与断裂接触 {0} 处：高 {1} 处，中 {2} 处，低 {3} 处。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/faults.py" line="1133"/>
        <source>{0} corridor section(s) inside fault avoidance zones, {1:.2f} km in all; {2} run near a fault without crossing it.</source>
        <translation>断裂避让区内通道路段 {0} 段，共 {1:.2f} 公里；其中 {2} 段临近断裂但未穿越。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="366"/>
        <source>{0} clusters asked, but the districts, barriers and population bounds need at least {1}: made {1}.</source>
        <translation>要求划分 {0} 个组团，但区界、屏障和人口上下限至少需要 {1} 个：已划分 {1} 个。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="372"/>
        <source>{0} clusters asked, but the units and population bounds allow at most {1}: made {1}.</source>
        <translation>要求划分 {0} 个组团，但单元数和人口上下限至多允许 {1} 个：已划分 {1} 个。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="518"/>
        <source>{0} clusters asked for {1} units: made at most {1}.</source>
        <translation>要求划分 {0} 个组团，但只有 {1} 个单元：至多划分 {1} 个。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="988"/>
        <source>Minimum population {0:g} is above the maximum {1:g}.</source>
        <translation>最小人口 {0:g} 大于最大人口 {1:g}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="811"/>
        <source>{0}: {1} unit(s) without a polygon left out.</source>
        <translation>{0}：{1} 个没有面几何的单元已剔除。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="814"/>
        <source>Layer &apos;{0}&apos; has no usable unit polygons.</source>
        <translation>图层“{0}”没有可用的单元面。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="824"/>
        <source>{0}, field &apos;{1}&apos;: duplicate ids {2}; units are told apart by feature id.</source>
        <translation>{0}，字段“{1}”：编号重复 {2}；以要素编号区分单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="833"/>
        <source>No population field: every unit counts as 1 for the balance.</source>
        <translation>未指定人口字段：均衡计算中每个单元按 1 计。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="847"/>
        <source>Lifeline layer &apos;{0}&apos;: {1} unit(s) lie in none of its zones.</source>
        <translation>生命线图层“{0}”：{1} 个单元不在任何分区内。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="928"/>
        <source>{0} clusters from {1} units; population {2:,.0f} to {3:,.0f}; objective {4:.4f}.</source>
        <translation>由 {1} 个单元划分 {0} 个组团；人口 {2:,.0f} 至 {3:,.0f}；目标函数 {4:.4f}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="939"/>
        <source>Lifeline fit (population in the main zone): {0}.</source>
        <translation>生命线拟合度（主要分区内人口比例）：{0}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="943"/>
        <source>{0} cluster(s) lack 第48条 facilities: {1}</source>
        <translation>{0} 个组团缺少第48条设施：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="957"/>
        <source>{0} cluster(s) have no long-term shelter (第48条) but hold shelters whose class their label does not say (应急避难场所, Ⅱ类 …), counted as emergency shelters: {1}. Check their class, and map their labels with 'Facility label mapping' (for example 某某避难场所=long_term_shelter).</source>
        <translation>{0} 个组团没有长期应急避难场所（第48条），但有标签未注明类别的避难场所（应急避难场所、Ⅱ类等），已按紧急避难场所计：{1}。请核实其类别，并用“设施标签映射”映射其标签（例如 某某避难场所=long_term_shelter）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="980"/>
        <source>Population outside the bounds: {0}</source>
        <translation>人口超出上下限：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="1000"/>
        <source>{0} island unit(s) joined their nearest unit: {1}</source>
        <translation>{0} 个飞地单元并入最近的单元：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="1003"/>
        <source>{0} unit(s) cut off from every neighbour by barriers rejoined across one: {1}</source>
        <translation>{0} 个被屏障与所有相邻单元隔开的单元经一处屏障重新连接：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="1006"/>
        <source>{0} pair(s) of units overlap (largest {1:,.0f} m²): {2}</source>
        <translation>{0} 对单元相互重叠（最大 {1:,.0f} 平方米）：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="1009"/>
        <source>Neighbours: {0} pairs; {1} cut at district boundaries, {2} by barriers; {3} separate piece(s).</source>
        <translation>相邻关系：{0} 对；区界切断 {1} 对，屏障切断 {2} 对；共 {3} 个独立片区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="51"/>
        <source>Design seismic intensity</source>
        <translation>抗震设防烈度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="52"/>
        <source>Share in fault avoidance zones</source>
        <translation>断裂避让区内面积比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="53"/>
        <source>Flood-risk share (class-weighted)</source>
        <translation>洪涝风险面积比例（按等级加权）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="54"/>
        <source>Geological hazard points per km²</source>
        <translation>每平方公里地质灾害点数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="55"/>
        <source>Population per km²</source>
        <translation>每平方公里人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="56"/>
        <source>Elderly share</source>
        <translation>老年人口比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="57"/>
        <source>Old-building share</source>
        <translation>老旧建筑比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="58"/>
        <source>Shelter m² per person</source>
        <translation>人均避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="59"/>
        <source>Share within fire-station reach</source>
        <translation>消防站覆盖面积比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="60"/>
        <source>Police stations</source>
        <translation>派出所数量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="61"/>
        <source>Hospital beds per 1,000</source>
        <translation>每千人医院床位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="62"/>
        <source>Conversion space m² per person</source>
        <translation>人均平急转换空间（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="736"/>
        <source>{0}: {1} unit(s) with zero or null population; their per-person indicators are left empty: {2}</source>
        <translation>{0}：{1} 个单元人口为零或为空，其人均指标留空：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="742"/>
        <source>{0}: {1} unit(s) with no area; their densities are left empty: {2}</source>
        <translation>{0}：{1} 个单元没有面积，其密度指标留空：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="683"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="752"/>
        <source>Indicator(s) equal for every unit, scored 0: {0}</source>
        <translation>以下指标在所有单元中取值相同，计为 0 分：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="753"/>
        <source>Indicators used: {0}</source>
        <translation>使用的指标：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="755"/>
        <source>Not assessed: {0}, because {1}.</source>
        <translation>未评估：{0}，原因是{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="757"/>
        <source>Scaling: min–max over the {0} units of this run (a relative ranking).</source>
        <translation>缩放方式：在本次运行的 {0} 个单元间按最小–最大值缩放（相对排序）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="759"/>
        <source>Scaling: fixed goalposts of the profile (scoring.goalposts); scores do not depend on the other units.</source>
        <translation>缩放方式：规划配置的固定标尺（scoring.goalposts）；得分不受其他单元影响。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/dossier.py" line="267"/>
        <source>No population field: per-person measures are left empty.</source>
        <translation>未指定人口字段：人均指标留空。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="136"/>
        <source>inside {0} ({1}) (第86、88条)</source>
        <translation>位于 {0}（{1}）内（第86、88条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="709"/>
        <source>Unknown siting model &apos;{0}&apos;; one of {1}.</source>
        <translation>未知的选址模型“{0}”，应为 {1} 之一。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="716"/>
        <source>{0}: {1} population values for {2} features.</source>
        <translation>{0}：{2} 个要素只有 {1} 个人口值。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="718"/>
        <source>{0}: population must be a number of 0 or more for every feature.</source>
        <translation>{0}：每个要素的人口须为不小于 0 的数。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="722"/>
        <source>{0}: no population to serve (every value is 0 or empty).</source>
        <translation>{0}：没有需要服务的人口（所有值均为 0 或空）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="724"/>
        <source>The service distance must be more than 0 m.</source>
        <translation>服务距离须大于 0 米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="741"/>
        <source>{0}: the capacitated model needs each candidate&apos;s capacity.</source>
        <translation>{0}：容量约束模型需要每个候选场地的容量。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="744"/>
        <source>{0}: {1} candidate(s) without a capacity cannot hold anyone and are not used.</source>
        <translation>{0}：{1} 个候选场地没有容量，无法容纳人员，不予采用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="757"/>
        <source>{0}: no candidate site is left after the exclusions ({1} excluded of {2}).</source>
        <translation>{0}：剔除后没有可用的候选场地（{2} 个中剔除 {1} 个）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="765"/>
        <source>The number of new sites must be 1 or more.</source>
        <translation>新增场地数量须不少于 1。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="767"/>
        <source>{0} new sites asked for, but only {1} candidate site(s) of &apos;{2}&apos; can be used.</source>
        <translation>要求新增 {0} 处场地，但“{2}”中只有 {1} 个候选场地可用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="784"/>
        <source>p-median along the network counts a trip longer than {0:g} m as {0:g} m (set a maximum distance to change it).</source>
        <translation>沿路网的 p-中位模型将超过 {0:g} 米的出行按 {0:g} 米计（可设置最大距离加以调整）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="812"/>
        <source>p-median over {0:,} demand-site pairs is too large without a maximum distance: set one (for example {1:g} m); a longer trip then counts as that distance.</source>
        <translation>不设最大距离时，p-中位模型需计算 {0:,} 个需求点—场地对，规模过大：请设置最大距离（例如 {1:g} 米），超过者按该距离计。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="970"/>
        <source>The solver found no solution within {0:g} s; the greedy one is given.</source>
        <translation>求解器在 {0:g} 秒内未找到解，给出贪心解。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="1201"/>
        <source>Unknown siting category &apos;{0}&apos;; one of {1}.</source>
        <translation>未知的选址设施类型“{0}”，应为 {1} 之一。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="1263"/>
        <source>Field &apos;{0}&apos; holds shelter area; reading it as people needs an area per person: site a shelter category, or give capacities in persons.</source>
        <translation>字段“{0}”为避难面积；换算为人数需要人均面积：请选择避难场所类型，或以人数给出容量。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="65"/>
        <source>Facility siting needs scipy 1.9 or later (scipy.optimize.milp), which is not installed. Install it (Debian/Ubuntu: sudo apt install python3-scipy; OSGeo4W Shell: python -m pip install --upgrade scipy), then restart QGIS.</source>
        <translation>设施补短板选址需要 scipy 1.9 或更高版本（scipy.optimize.milp），当前未安装。请安装（Debian/Ubuntu：sudo apt install python3-scipy；OSGeo4W Shell：python -m pip install --upgrade scipy），然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="1010"/>
        <source>Only {0} of the {1} new sites asked for bring anyone within reach; more would add nobody, so {0} are proposed.</source>
        <translation>要求新增 {1} 处场地，但只有 {0} 处能覆盖到人口；更多场地不会增加覆盖，因此只提出 {0} 处。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="187"/>
        <source>{0}: the network has no line with a length.</source>
        <translation>{0}：路网中没有有长度的线。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1418"/>
        <source>{0}: classes {1} say none of 1/2/3, 高/中/低; those zones fail as the highest class.</source>
        <translation>{0}：风险等级 {1} 不是 1/2/3、高/中/低 中的任何一个；这些区域按最高等级失效。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1442"/>
        <source>{0}: there is no fault number {1} with a geometry.</source>
        <translation>{0}：没有有几何的第 {1} 条断裂。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1448"/>
        <source>{0} faults</source>
        <translation>{0} 条断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1451"/>
        <source>flood class ≤ {0}</source>
        <translation>洪涝等级 ≤ {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1453"/>
        <source>damage ×{0}</source>
        <translation>损毁 ×{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1455"/>
        <source>nothing fails</source>
        <translation>无失效</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="838"/>
        <source>{0}: no facility of an essential category ({1}); the layer has {2}.</source>
        <translation>{0}：没有必需类别的设施（{1}）；该图层含有 {2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="854"/>
        <source>{0}: no unit lies within {1:g} m of the network {2}; check that both layers cover the same area, or raise the snapping tolerance.</source>
        <translation>{0}：没有单元位于路网 {2} 的 {1:g} 米之内；请检查两个图层是否覆盖同一区域，或加大吸附容差。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="887"/>
        <source>{0}: no facility of {1} lies within {2:g} m of the network; access to it cannot be assessed.</source>
        <translation>{0}：没有 {1} 设施位于路网 {2:g} 米之内；无法评估其可达性。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="891"/>
        <source>{0}: no facility of an essential category lies within {1:g} m of the network {2}.</source>
        <translation>{0}：没有必需类别的设施位于路网 {2} 的 {1:g} 米之内。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="964"/>
        <source>Scenario {0}: no section of {1} lies in its zones; nothing fails.</source>
        <translation>情景 {0}：{1} 的路段都不在其区域内；没有路段失效。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="967"/>
        <source>Scenario {0}: every section of {1} fails; nobody reaches anything.</source>
        <translation>情景 {0}：{1} 的所有路段都失效；任何单元都无法到达任何设施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="970"/>
        <source>No fault, flood zone or damage was given: the scenario fails nothing.</source>
        <translation>未给出断裂、洪涝区或损毁：情景中没有路段失效。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="63"/>
        <source>Essential facilities still reached after the scenario (share)</source>
        <translation>情景后仍能到达的必需设施（比例）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="201"/>
        <source>{0}: {1} bridge or tunnel lines (fields bridge, tunnel, layer) join the other roads only at their ends.</source>
        <translation>{0}：{1} 条桥梁或隧道线（字段 bridge、tunnel、layer）只在两端与其他道路相连。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/coverage.py" line="49"/>
        <source>Raster '{0}' is rotated or sheared: warp it to a north-up grid first (Raster › Projections › Warp).</source>
        <translation>栅格“{0}”带有旋转或错切：请先将其重投影为正北向格网（栅格 › 投影 › 变形（重投影））。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/coverage.py" line="56"/>
        <source>Raster &apos;{0}&apos; has no usable cell size or origin.</source>
        <translation>栅格“{0}”没有可用的像元大小或原点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="259"/>
        <source>People of each circle: {0}.</source>
        <translation>各生活圈人口：{0}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="266"/>
        <source>People of each circle: {0}, pieces of {1:g} m.</source>
        <translation>各生活圈人口：{0}，分块边长 {1:g} 米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="306"/>
        <source>{0} circle(s) have every required category but no known population: their shelter area per person and their pass are not assessed (NULL). Give a population field or a population raster.</source>
        <translation>{0} 个生活圈必备类别齐全，但人口未知：其人均避难面积及是否达标均未评估（NULL）。请提供人口字段或人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="311"/>
        <source>No population source given: lc_pop, shelter_pp and shelter_ok are not assessed (NULL), never 0.</source>
        <translation>未提供人口来源：lc_pop、shelter_pp 和 shelter_ok 未评估（NULL），不记为 0。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="56"/>
        <source>raster, people per km² × each cell's area on the ellipsoid, exact cell shares</source>
        <translation>栅格，每平方公里人数 × 椭球面上的像元面积，按像元精确面积占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="58"/>
        <source>raster, people per km² × cell area, exact cell shares</source>
        <translation>栅格，每平方公里人数 × 像元面积，按像元精确面积占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="59"/>
        <source>raster, people per cell, exact cell shares</source>
        <translation>栅格，每像元人数，按像元精确面积占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="140"/>
        <source>{0} zone(s) have no raster cell with data (outside raster &apos;{1}&apos;, or over nodata only): not assessed.</source>
        <translation>{0} 个分区内没有有数据的像元（位于栅格“{1}”之外，或只覆盖无数据像元）：未评估。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="153"/>
        <source>{0} cell(s) of raster &apos;{1}&apos; under the zones hold a negative value that is not its nodata value: skipped.</source>
        <translation>分区范围内栅格“{1}”有 {0} 个像元为负值且不是其无数据值：已跳过。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="230"/>
        <source>Raster &apos;{0}&apos; gave {1} cells where {2} were asked for: the file may be damaged.</source>
        <translation>栅格“{0}”请求 {2} 个像元却返回 {1} 个：文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="311"/>
        <source>points with a count</source>
        <translation>带人数的点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="318"/>
        <source>The piece size must be above 0 (profile key population.piece_size).</source>
        <translation>分块边长必须大于 0（配置键 population.piece_size）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="372"/>
        <source>People spread over polygons need a count field or a population raster.</source>
        <translation>将人口分摊到面上需要人数字段或人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="381"/>
        <source>polygons, spread by area</source>
        <translation>面，按面积分摊</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="387"/>
        <source>polygon counts, spread by {0}</source>
        <translation>面的人数，按{0}分摊</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="393"/>
        <source>polygons, spread over residential land</source>
        <translation>面，分摊到居住用地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="412"/>
        <source>{0} polygon(s) have no {1} inside: their people are spread by area ({2}).</source>
        <translation>{0} 个面内没有{1}：其人口按面积分摊（{2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="412"/>
        <source>raster people</source>
        <translation>栅格人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="412"/>
        <source>residential land</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="426"/>
        <source>{0} polygon(s) have a count that differs from the raster&apos;s people inside by more than {1:.0%}: {2}. The counts are kept as totals.</source>
        <translation>{0} 个面的人数与其范围内栅格人口相差超过 {1:.0%}：{2}。仍以其人数为总数。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/population.py" line="502"/>
        <source>Some features of layer &apos;{0}&apos; lie outside the area where the CRS of raster &apos;{1}&apos; is defined: they cannot be placed on its grid. Check the layer&apos;s coordinates and CRS.</source>
        <translation>图层“{0}”的部分要素位于栅格“{1}”坐标系的定义范围之外，无法放到其格网上。请检查该图层的坐标和坐标系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="49"/>
        <source>Could not read raster &apos;{0}&apos;: {1}</source>
        <translation>无法读取栅格“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1110"/>
        <source>{0}: {1:,.0f} people ({2:,} places) lie further than {3:g} m from the network {4} and join it by a straight last-mile link, whose length counts in their distances (the longest {5:,.0f} m; units {6}).</source>
        <translation>{0}：{1:,.0f} 人（{2:,} 处）距路网 {4} 超过 {3:g} 米，以直线“最后一公里”连线接入路网，连线长度计入其距离（最长 {5:,.0f} 米；单元 {6}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1133"/>
        <source>{0}: {1} units lie further than {2:g} m from the network (the last-mile limit); they are left out, not assessed ({3}).</source>
        <translation>{0}：{1} 个单元距路网超过 {2:g} 米（最后一公里上限），不参与评估（{3}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1140"/>
        <source>{0}: {1:,.0f} people in parts of {2} units lie further than {3:g} m from the network (the last-mile limit); they are not assessed ({4}).</source>
        <translation>{0}：{2} 个单元中有 {1:,.0f} 人距路网超过 {3:g} 米（最后一公里上限），未评估（{4}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1051"/>
        <source>Units given as points need a population field.</source>
        <translation>点状单元需要人口字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1064"/>
        <source>People counted where they live: {0}, {1:,} pieces of {2:g} m in {3} units.</source>
        <translation>人口按居住地统计：{0}，{3} 个单元共 {1:,} 个 {2:g} 米分块。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1158"/>
        <source>{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network and join it by a straight last-mile link, whose length counts (the longest {5:,.0f} m; {6}).</source>
        <translation>{0}：{3} 的 {2} 个设施中有 {1} 个距路网超过 {4:g} 米，以直线“最后一公里”连线接入路网，连线长度计入距离（最长 {5:,.0f} 米；{6}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1176"/>
        <source>{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network {5} ({6}), beyond the last-mile limit; the run would leave most of them out. Give the ordinary streets as well, or raise the profile&apos;s population.last_mile_max.</source>
        <translation>{0}：{3} 的 {2} 个设施中有 {1} 个距路网 {5} 超过 {4:g} 米（{6}），超出最后一公里上限；运行将遗漏其中大部分。请同时提供普通街道，或调高配置中的 population.last_mile_max。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1191"/>
        <source>{0}: {1} of the {2} facilities of {3} lie further than {4:g} m from the network, beyond the last-mile limit, and are left out ({5}).</source>
        <translation>{0}：{3} 的 {2} 个设施中有 {1} 个距路网超过 {4:g} 米，超出最后一公里上限，不参与计算（{5}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1069"/>
        <source>{0} unit(s) have no population raster data under them: not assessed ({1}{2}).</source>
        <translation>{0} 个单元下没有人口栅格数据：未评估（{1}{2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/coverage.py" line="58"/>
        <source>Raster '{0}' is stored south-up: warp it to a north-up grid first (Raster › Projections › Warp).</source>
        <translation>栅格“{0}”按南向上存储：请先将其重投影为正北向格网（栅格 › 投影 › 变形（重投影））。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="232"/>
        <source>No shelter-area field given: shelter_m2, shelter_pp and shelter_ok are not assessed (NULL) for the {0} circle(s) with a shelter in reach, never 0; circles with none have 0 m².</source>
        <translation>未提供避难面积字段：{0} 个圈内有避难场所的生活圈，其 shelter_m2、shelter_pp 与 shelter_ok 不予评估（NULL），而非 0；圈内没有避难场所的为 0 平方米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/profile.py" line="92"/>
        <source>expected one of {0}, got {1}</source>
        <translation>应为 {0} 之一，实为 {1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="125"/>
        <source>within {0:g} m of fault {1}, latest activity {2} ({3})</source>
        <translation>距断裂 {1} 不足 {0:g} 米，其最晚活动时代为 {2}（{3}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="303"/>
        <source>straight-line</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="303"/>
        <source>along the network</source>
        <translation>沿路网</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="71"/>
        <source>very low {0}</source>
        <translation>很低 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="72"/>
        <source>low {0}</source>
        <translation>低 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="73"/>
        <source>medium {0}</source>
        <translation>中 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="74"/>
        <source>high {0}</source>
        <translation>高 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="75"/>
        <source>very high {0}</source>
        <translation>很高 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="694"/>
        <source>{0} units scored: {1}, {2}, {3}, {4}, {5}.</source>
        <translation>已评分 {0} 个单元：{1}、{2}、{3}、{4}、{5}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="885"/>
        <source>{0} demand point(s) or piece(s) of &apos;{1}&apos; ({2:,.0f} people) have no facility and no usable candidate within {3:g} m.</source>
        <translation>“{1}”中有 {0} 个需求点或人口分块（{2:,.0f} 人）在 {3:g} 米内既无设施也无可用候选场地。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="1081"/>
        <source>{0} demand point(s) or piece(s) of &apos;{1}&apos; have no network within {2:g} m and are reached by no site.</source>
        <translation>“{1}”中有 {0} 个需求点或人口分块在 {2:g} 米内没有路网，任何场地都无法到达。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="42"/>
        <source>no road within the snapping tolerance</source>
        <translation>捕捉容差内无道路</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="43"/>
        <source>no safe shelter within reach</source>
        <translation>可达范围内无安全避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="44"/>
        <source>cut off by closed roads</source>
        <translation>道路中断无法到达</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="45"/>
        <source>every shelter in reach is full</source>
        <translation>可达避难场所已满</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="354"/>
        <source>capacity unknown</source>
        <translation>容量未知</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="356"/>
        <source>no capacity</source>
        <translation>无容量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="358"/>
        <source>no geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="364"/>
        <source>inside hazard zone {0} (GB 21734 §5.2.1; 第86、88条)</source>
        <translation>位于灾害范围 {0} 内（GB 21734 §5.2.1；第86、88条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="369"/>
        <source>water {0:g} m deep or deeper on its site (GB 21734 §5.2.1; 第86、88条)</source>
        <translation>场地积水深度达到 {0:g} 米或以上（GB 21734 §5.2.1；第86、88条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="688"/>
        <source>The transfer could not be solved: {0}</source>
        <translation>无法求解转移方案：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="822"/>
        <source>Who moves: &apos;{0}&apos; is neither &apos;hazard&apos; nor &apos;everyone&apos;.</source>
        <translation>转移对象：“{0}”既不是“hazard”也不是“everyone”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="824"/>
        <source>No hazard given: give flood zones, a flood-depth raster, faults, geological hazards or damage, or move everyone.</source>
        <translation>未给出灾害：请给出洪涝风险区、积水深度栅格、活动断裂、地质灾害或损毁范围，或选择全部人口转移。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="878"/>
        <source>{0}: none of its {1} shelters can be used (inside a hazard, or of no or unknown capacity).</source>
        <translation>{0}：其 {1} 处避难场所均不可用（位于灾害范围内，或无容量、容量未知）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="46"/>
        <source>no shelter in reach has room for the whole community</source>
        <translation>可达避难场所容量不足以整建制安置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="271"/>
        <source>Flood-depth raster &apos;{0}&apos;: {1:.1%} of where the people are has no data (nodata, or outside the raster) and counts as dry. Check that the grid covers the area and that its nodata value is not used for dry land.</source>
        <translation>积水深度栅格“{0}”：人口所在范围中有 {1:.1%} 无数据（无数据值或位于栅格外），按无积水计。请检查栅格是否覆盖该范围，且无数据值未被用来表示无积水的陆地。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="64"/>
        <source>People at risk with a shelter place within reach (share)</source>
        <translation>需转移人口中可达范围内有避难位置的比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="128"/>
        <source>no flood zone, fault or geological hazard was given</source>
        <translation>未给出洪涝风险区、活动断裂或地质灾害</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="265"/>
        <source>the indicators used ({0}) all weigh 0 (scoring.dimensions): give one of them a weight</source>
        <translation>所用指标（{0}）的权重均为 0（scoring.dimensions）：请至少为其中一个指标赋予权重</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/corridorfailure.py" line="1082"/>
        <source>{0}: {1} of {2} units lie further than {3:g} m from the network {4} (the last-mile limit), more than {5:.0%} of them (the profile&apos;s quality.left_out_max_share). Check that both layers cover the same area.</source>
        <translation>{0}：{2} 个单元中有 {1} 个距路网 {4} 超过 {3:g} 米（最后一公里上限），超过其 {5:.0%}（规划参数表的 quality.left_out_max_share）。请检查两个图层是否覆盖同一地区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="563"/>
        <source>{0}: {1} of {2} communities have no line of the network {3} within {4:g} m, more than {5:.0%} of them (the profile&apos;s quality.left_out_max_share). Check that both layers cover the same area, or raise the snapping tolerance.</source>
        <translation>{0}：{2} 个社区中有 {1} 个在 {4:g} 米内没有路网 {3} 的线路，超过其 {5:.0%}（规划参数表的 quality.left_out_max_share）。请检查两个图层是否覆盖同一地区，或调大捕捉容差。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="1062"/>
        <source>{0}: {1} of {2} demand point(s) or piece(s) have no line of the network {3} within {4:g} m, more than {5:.0%} of them (the profile&apos;s quality.left_out_max_share). Check that both layers cover the same area, or raise the snapping tolerance.</source>
        <translation>{0}：{2} 个需求点或人口片块中有 {1} 个在 {4:g} 米内没有路网 {3} 的线路，超过其 {5:.0%}（规划参数表的 quality.left_out_max_share）。请检查两个图层是否覆盖同一地区，或调大捕捉容差。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/clusters.py" line="931"/>
        <source>{0} clusters from {1} units, balanced by their number of units ({2} to {3}; no population: not assessed); objective {4:.4f}.</source>
        <translation>由 {1} 个单元划分出 {0} 个组团，按单元个数均衡（{2} 至 {3} 个；未给出人口：人口不评估）；目标函数 {4:.4f}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="452"/>
        <source>No facilities given: the circles&apos; facility counts, shelter, missing categories and pass are not assessed (NULL).</source>
        <translation>未给出设施：生活圈的设施计数、避难场所、缺项类别和是否达标均不评估（NULL）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="689"/>
        <source>{0}: {1} unit(s) without a polygon are not assessed (their values are NULL): {2}</source>
        <translation>{0}：{1} 个没有面几何的单元不参与评价（各值为空值 NULL）：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/lifecircles.py" line="439"/>
        <source>{0} shelter(s) of unknown area (empty or unreadable): shelter_m2, shelter_pp and shelter_ok are not assessed (NULL) for every circle that reaches one, never counted as if it had none.</source>
        <translation>{0} 处避难场所面积未知（为空或无法读取）：凡覆盖到其中一处的生活圈，其 shelter_m2、shelter_pp 与 shelter_ok 均不评估（NULL），绝不按无此场所计算。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/dossier.py" line="305"/>
        <source>{0} cluster(s) without a polygon: their area, exposure, facilities and aid are not assessed (NULL).</source>
        <translation>{0} 个组团没有面要素：其面积、灾害暴露、设施与互助均不评估（NULL）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/scoring.py" line="129"/>
        <source>no unit has a value in its field</source>
        <translation>没有任何单元在该字段中有值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/siting.py" line="143"/>
        <source>in water {0:g} m deep or deeper on {1} (GB 21734 §5.2.1; 第86、88条)</source>
        <translation>位于 {1} 上 {0:g} 米及以上积水中（GB 21734 §5.2.1；第86、88条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="290"/>
        <source>Flood-depth raster &apos;{0}&apos; lies wholly away from the people of layer &apos;{1}&apos;: no cell of it lies over any of them. Check that it covers the area and that both CRSs are the ones they were made in.</source>
        <translation>积水深度栅格“{0}”完全不在图层“{1}”的人口所在范围内：没有任何像元位于这些人口之上。请检查栅格是否覆盖该区域，以及二者的坐标系是否为制作时所用坐标系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/core/evacuation.py" line="302"/>
        <source>Flood-depth raster &apos;{0}&apos; reads up to {1:,.1f} where the people of layer &apos;{3}&apos; are, more than {2:g} m (the profile&apos;s evacuation.depth_max_plausible): it does not hold water depths in metres. A grid in centimetres: divide it by 100 (Raster Calculator); a population grid belongs under Population raster.</source>
        <translation>积水深度栅格“{0}”在图层“{3}”的人口所在处读数高达 {1:,.1f}，超过 {2:g} 米（配置项 evacuation.depth_max_plausible）：其值不是以米计的积水深度。若为厘米，请用栅格计算器除以 100；人口栅格应填入“人口栅格”参数。</translation>
    </message>
</context>
<context>
    <name>CorridorExposureAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="44"/>
        <source>Corridor exposure to hazard zones</source>
        <translation>通道灾害区暴露分析</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="47"/>
        <source>Measures how much of each corridor runs through hazard zones (flood-risk or waterlogging zones, geological-hazard zones …): the exposed length per corridor and per hazard class, ready for the list of low-lying and waterlogging-prone sections whose drainage the plan asks to raise (第62条) and where water-level alarms belong (第75条).

Output: one line feature per corridor and hazard class with the exposed parts, exposed_m, the corridor's length corr_len_m and the share. Overlapping zones of the same class count once. Without a class field every zone is of one class.

Summary (optional): every corridor with its length in any zone (hz_exp_m, overlaps counted once), the share and the classes it meets.

Work is done in metres in the corridors' CRS (geographic input is reprojected to a local CGCS2000 zone); hazard zones in another CRS are reprojected and invalid ones repaired. Inputs are never modified.</source>
        <translation>计算每条通道穿过灾害区（洪涝风险区、易积水区、地质灾害区等）的长度：按通道和灾害等级统计暴露长度，可直接用于规划要求提高排水能力的洼地和易积水路段清单（第62条）以及设置水位报警的路段（第75条）。

输出：每条通道、每个灾害等级一个线要素，包含暴露部分、exposed_m、通道长度 corr_len_m 及所占比例。同一等级的重叠区域只计一次。未指定等级字段时，所有区域视为同一等级。

汇总（可选）：每条通道位于任一灾害区内的长度（hz_exp_m，重叠只计一次）、所占比例及涉及的等级。

计算在通道图层的坐标系中以米为单位进行（地理坐标输入会重投影到当地 CGCS2000 分带）；其他坐标系的灾害区会重投影，无效几何会修复。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="73"/>
        <source>Emergency evacuation and rescue corridors, or any lifeline corridor (lines).</source>
        <translation>应急疏散救援通道或任意生命线廊道（线）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="103"/>
        <source>Hazard zones</source>
        <translation>灾害区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="75"/>
        <source>Hazard polygons: flood-risk or waterlogging zones, geological-hazard zones.</source>
        <translation>灾害区面：洪涝风险区、易积水区、地质灾害区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="104"/>
        <source>Hazard class field</source>
        <translation>灾害等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="78"/>
        <source>Optional field with the hazard class or risk level; lengths are reported per class.</source>
        <translation>可选：灾害类别或风险等级字段，长度按等级分别统计。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="81"/>
        <source>Exposed corridor sections</source>
        <translation>通道暴露路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="82"/>
        <source>One feature per corridor and hazard class with the exposed parts and their length.</source>
        <translation>每条通道、每个灾害等级一个要素，含暴露部分及其长度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="84"/>
        <source>Corridor exposure summary</source>
        <translation>通道暴露汇总</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="87"/>
        <source>Optional: every corridor with its exposed length and share.</source>
        <translation>可选：每条通道的暴露长度及比例。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Corridor feature id</source>
        <translation>通道要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Corridor</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Hazard class</source>
        <translation>灾害等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Exposed length (m)</source>
        <translation>暴露长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Corridor length (m)</source>
        <translation>通道长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Share of the corridor</source>
        <translation>占通道比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="127"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="144"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="144"/>
        <source>Length in hazard zones (m)</source>
        <translation>灾害区内长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="144"/>
        <source>Share in hazard zones</source>
        <translation>灾害区内比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="144"/>
        <source>Hazard classes met</source>
        <translation>涉及的灾害等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="47"/>
        <source>Fields of the sections: corr_fid and corr_name (the corridor&apos;s feature id and name), grade, hz_class (hazard class), exposed_m (length in that class), corr_len_m (corridor length), share (exposed_m / corr_len_m), measure, clauses. Summary: the corridors&apos; own fields, hz_exp_m and hz_share (length and share in any hazard zone), hz_classes (the classes met), clauses.</source>
        <translation>路段字段：corr_fid 和 corr_name（通道要素编号和名称）、grade（等级）、hz_class（灾害等级）、exposed_m（位于该等级内的长度）、corr_len_m（通道长度）、share（exposed_m / corr_len_m）、measure（措施）、clauses。汇总：通道原有字段、hz_exp_m 和 hz_share（位于任一灾害区内的长度和比例）、hz_classes（涉及的等级）、clauses。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_exposure.py" line="47"/>
        <source>A corridor without a usable line (none, or of zero length) has its summary row NULL: not measured, never 0.</source>
        <translation>没有可用线要素（无几何或长度为零）的通道，其汇总行为空值（NULL）：未测量，绝不记为 0。</translation>
    </message>
</context>
<context>
    <name>CorridorFailureAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="85"/>
        <source>Corridor failure scenarios (通道失效情景)</source>
        <translation>通道失效情景</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="375"/>
        <source>Road network (corridors)</source>
        <translation>道路网络（通道）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="158"/>
        <source>Emergency corridors and, if you like, the ordinary streets in one layer; noded where lines cross.</source>
        <translation>应急通道，也可以连同普通街道放在一个图层里；线相交处自动打断。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="376"/>
        <source>Road name field</source>
        <translation>道路名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="162"/>
        <source>Optional: the road&apos;s name, for the critical sections.</source>
        <translation>可选：道路名称，用于关键路段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="377"/>
        <source>Corridor grade field</source>
        <translation>通道等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="166"/>
        <source>Optional: the corridor grade (1, 2, 3 or 一级/二级/三级), for the critical sections.</source>
        <translation>可选：通道等级（1、2、3 或 一级/二级/三级），用于关键路段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="170"/>
        <source>Ordinary streets</source>
        <translation>普通街道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="170"/>
        <source>Optional: more road lines joined to the network (a separate street layer).</source>
        <translation>可选：并入路网的更多道路线（单独的街道图层）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="321"/>
        <source>Units or communities</source>
        <translation>单元或社区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="174"/>
        <source>Street/town units (韧性街镇单元) or communities, as polygons or points.</source>
        <translation>街镇单元（韧性街镇单元）或社区，面或点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="411"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="419"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="187"/>
        <source>Optional: the unit&apos;s name, for the units each critical section cuts off.</source>
        <translation>可选：单元名称，用于列出每个关键路段切断的单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="420"/>
        <source>Cluster field</source>
        <translation>组团字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="191"/>
        <source>Optional: the unit's cluster (韧性城市组团, cluster_id of the clusters tool): mutual aid between clusters (第48条).</source>
        <translation>可选：单元所属组团（韧性城市组团，组团划分工具的 cluster_id）：用于组团间互助支撑（第48条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="195"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="195"/>
        <source>The essential destinations among any facilities: Amap, Baidu, OSM or government lists.</source>
        <translation>在任意设施中识别必需的目的地：高德、百度、OSM 或政府名录。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="199"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="199"/>
        <source>The facility's category or label, read by the profile's rules (医院, 应急避难场所, amenity=hospital …).</source>
        <translation>设施的类别或标签，按规划配置的规则读取（医院、应急避难场所、amenity=hospital …）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="208"/>
        <source>Essential categories</source>
        <translation>必需设施类别</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="208"/>
        <source>The destinations whose loss counts. Default: the profile's (hospital, long-term shelter, reserve depot, fire station, command centre; 第48条).</source>
        <translation>计入损失的目的地。默认：规划配置中的类别（医院、长期应急避难场所、物资储备库、消防站、应急指挥中心；第48条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="221"/>
        <source>Optional: every section within the avoidance distance of a fault fails (第44、86条).</source>
        <translation>可选：断裂避让距离内的所有路段失效（第44、86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="221"/>
        <source>Optional: the fault&apos;s name, for the scenario and the failed sections.</source>
        <translation>可选：断裂名称，用于情景和失效路段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="221"/>
        <source>Half-width of the zone in which sections fail (GB 50011 §4.1.7).</source>
        <translation>路段失效区域的半宽（GB 50011 §4.1.7）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="227"/>
        <source>Faults in the scenario</source>
        <translation>情景中的断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="227"/>
        <source>All faults at once</source>
        <translation>所有断裂同时失效</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="227"/>
        <source>Each fault in turn (one scenario each)</source>
        <translation>逐条断裂（每条一个情景）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="227"/>
        <source>One fault (named below)</source>
        <translation>一条断裂（在下方指定）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="227"/>
        <source>All at once, one scenario per fault, or only the fault named in Fault.</source>
        <translation>所有断裂同时失效、每条断裂一个情景，或仅“断裂”中指定的那一条。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="236"/>
        <source>Fault (name or feature number)</source>
        <translation>断裂（名称或要素编号）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="243"/>
        <source>Optional: waterlogging or flood-risk zones; sections in zones of the chosen class and above fail (第62条).</source>
        <translation>可选：内涝或洪涝风险区；所选等级及以上区域内的路段失效（第62条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="243"/>
        <source>Flood zones that fail</source>
        <translation>失效的洪涝区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="243"/>
        <source>Which flood classes fail. A class that cannot be read fails.</source>
        <translation>哪些洪涝等级失效。无法识别的等级按失效处理。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="249"/>
        <source>Damage</source>
        <translation>损毁</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="249"/>
        <source>Optional: any damage you draw (a collapsed bridge, a landslide): sections in it fail.</source>
        <translation>可选：自行绘制的任何损毁（桥梁垮塌、滑坡）：其中的路段失效。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="253"/>
        <source>Damage width (m)</source>
        <translation>损毁宽度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="253"/>
        <source>Damage lines and points block the roads within this many metres on either side.</source>
        <translation>损毁线和点阻断两侧此距离内的道路。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="263"/>
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="263"/>
        <source>Farthest a unit or facility may lie from the network and still join it.</source>
        <translation>单元或设施距路网的最远距离，超过则不接入路网。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="273"/>
        <source>Rank every section (critical sections)</source>
        <translation>为每个路段排序（关键路段）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="273"/>
        <source>The single-failure ranking of the whole network. Off: the scenario only.</source>
        <translation>整个路网的单点失效排序。关闭：只计算情景。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="278"/>
        <source>Units: access before and after</source>
        <translation>单元：失效前后的可达性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="278"/>
        <source>Per unit: distances to each essential category before and after, what it loses, the people cut off.</source>
        <translation>每个单元：失效前后到各必需设施类别的距离、失去的类别、被切断的人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="282"/>
        <source>Critical sections</source>
        <translation>关键路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="282"/>
        <source>The sections ranked by criticality, 1 the most critical, with the measure the plan names.</source>
        <translation>按关键性排序的路段，1 为最关键，并附规划提出的措施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="286"/>
        <source>Failed sections</source>
        <translation>失效路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="286"/>
        <source>The road pieces that fail in the scenario, with their cause.</source>
        <translation>情景中失效的道路段，附失效原因。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="290"/>
        <source>Cluster links</source>
        <translation>组团联系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="290"/>
        <source>Optional: the mutual-aid links between neighbouring clusters (第48条) before and after.</source>
        <translation>可选：相邻组团之间的互助联系（第48条）失效前后的情况。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="396"/>
        <source>Ordinary streets: layer &apos;{0}&apos; must hold lines.</source>
        <translation>普通街道：图层“{0}”必须是线图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="469"/>
        <source>Fault: &apos;{0}&apos; is neither the name nor the feature number of a fault of layer &apos;{1}&apos;. Its faults: {2}.</source>
        <translation>断裂：“{0}”既不是图层“{1}”中某条断裂的名称，也不是其要素编号。其断裂有：{2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="486"/>
        <source>Fault: give the active faults layer to run one fault.</source>
        <translation>断裂：要单独运行一条断裂，请给出活动断裂图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="524"/>
        <source>Scenario {0}: {1} pieces fail, {2:,.0f} m of road.</source>
        <translation>情景 {0}：{1} 段道路失效，共 {2:,.0f} 米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="531"/>
        <source>  People who lose at least one essential category: {0:,.0f}.</source>
        <translation>  至少失去一类必需设施的人口：{0:,.0f}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="534"/>
        <source>  Links between clusters lost: {0} of {1}.</source>
        <translation>  失去的组团间联系：{1} 条中的 {0} 条。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="539"/>
        <source>The ten most critical sections (single failure):</source>
        <translation>最关键的十个路段（单点失效）：</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="545"/>
        <source>  {0}. {1}, {2:,.0f} m: {3:,.0f} people cut off ({4}), {5:,.0f} on routes along it. Measure: {6}</source>
        <translation>  {0}. {1}，{2:,.0f} 米：{3:,.0f} 人被切断（{4}），{5:,.0f} 人的路线经过此段。措施：{6}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="545"/>
        <source>several roads</source>
        <translation>多条道路</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="588"/>
        <source>Joins the network</source>
        <translation>接入路网</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="594"/>
        <source>{0}: distance before (m)</source>
        <translation>{0}：失效前距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="595"/>
        <source>{0}: distance after (m)</source>
        <translation>{0}：失效后距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="596"/>
        <source>{0}: detour ratio</source>
        <translation>{0}：绕行系数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="603"/>
        <source>Categories lost</source>
        <translation>失去的类别数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="604"/>
        <source>Categories lost (codes)</source>
        <translation>失去的类别（代码）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="605"/>
        <source>Categories lost (Chinese)</source>
        <translation>失去的类别（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="606"/>
        <source>People cut off from at least one category</source>
        <translation>至少失去一类设施的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="611"/>
        <source>Clusters no longer reached</source>
        <translation>不再能到达的组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="612"/>
        <source>Still reaches every cluster it reached</source>
        <translation>仍能到达原来能到达的所有组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="671"/>
        <source>Road layer</source>
        <translation>道路图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="672"/>
        <source>Road feature id</source>
        <translation>道路要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="673"/>
        <source>Road name</source>
        <translation>道路名称</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="674"/>
        <source>Corridor grade</source>
        <translation>通道等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="684"/>
        <source>Cause (fault, flood, damage)</source>
        <translation>原因（fault 断裂、flood 洪涝、damage 损毁）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="684"/>
        <source>Fault name, flood class or damage feature</source>
        <translation>断裂名称、洪涝等级或损毁要素</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Length (m)</source>
        <translation>长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Measure the plan names</source>
        <translation>规划提出的措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Rank (1: most critical)</source>
        <translation>排名（1：最关键）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Only way through (bridge of the network)</source>
        <translation>唯一通路（路网的桥）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>People cut off if it fails</source>
        <translation>此段失效时被切断的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Categories cut off (codes)</source>
        <translation>被切断的类别（代码）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Categories cut off (Chinese)</source>
        <translation>被切断的类别（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Units cut off</source>
        <translation>被切断的单元数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Units cut off (names)</source>
        <translation>被切断的单元（名称）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>People whose route runs along it</source>
        <translation>路线经过此段的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Shortest way around (m)</source>
        <translation>最短绕行路线（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Detour (m)</source>
        <translation>绕行增加（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="720"/>
        <source>Failure zones it lies in</source>
        <translation>所在的失效区域</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="771"/>
        <source>{0} sections cut nobody off and carry no route to an essential facility; they are not listed.</source>
        <translation>{0} 个路段既不切断任何人，也不承载通往必需设施的路线；未列出。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Cluster</source>
        <translation>组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Neighbouring cluster</source>
        <translation>相邻组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Route before (m)</source>
        <translation>失效前路线（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Route after (m)</source>
        <translation>失效后路线（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="781"/>
        <source>Link (kept, longer, lost, none)</source>
        <translation>联系（kept 保持、longer 变远、lost 失去、none 原本无）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="530"/>
        <source>  {0}: {1:,.0f} people cut off.</source>
        <translation>  {0}：{1:,.0f} 人被切断。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="236"/>
        <source>A fault&apos;s name (its name field) or feature number: the scenario is that fault alone. Or select the fault on the map and tick Selected features only under Active faults.</source>
        <translation>断裂名称（名称字段的值）或要素编号：情景只包含这一条断裂。也可在地图上选中该断裂，并在“活动断裂”下勾选“仅选中的要素”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="462"/>
        <source>Fault &apos;{0}&apos; given: the scenario is that fault alone.</source>
        <translation>已指定断裂“{0}”：情景只包含这一条断裂。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="178"/>
        <source>People per unit (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population. Polygon units' people are spread over their area in pieces (or over residential land, or as the population raster says), each joined to the network at its own place.</source>
        <translation>每个单元的人口（可读取 1,234、1.2万 和 常住人口（万人））。留空：按字段名识别人口字段。面状单元的人口按分块分摊到其面积上（或居住用地上，或按人口栅格分布），各分块在各自位置接入路网。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="414"/>
        <source>Choose the field of layer &apos;{0}&apos; that holds the population, or give a population raster for polygon units.</source>
        <translation>请选择图层“{0}”中的人口字段，面状单元也可提供人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="597"/>
        <source>{0}: lost by all its people</source>
        <translation>{0}：全部人口失去</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="598"/>
        <source>{0}: people cut off</source>
        <translation>{0}：被切断人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="599"/>
        <source>{0}: share of its people cut off</source>
        <translation>{0}：被切断人口占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="607"/>
        <source>What cuts them off (failure zones)</source>
        <translation>造成切断的失效区域</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="666"/>
        <source>fault</source>
        <translation>断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="666"/>
        <source>flood zone</source>
        <translation>洪涝区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="666"/>
        <source>damage</source>
        <translation>损毁</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="602"/>
        <source>Access (kept, longer, part lost, lost, off network, not assessed)</source>
        <translation>可达性（kept 保持、longer 变远、part lost 部分失去、lost 失去、off network 未接入路网、not assessed 未评估）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="589"/>
        <source>People (from the field, or the population raster)</source>
        <translation>人口（取自字段或人口栅格）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="91"/>
        <source>What a fault or a flood does to access: when the road sections in a fault's avoidance zone, in flood zones of the chosen classes or in a drawn damage area fail, which units lose their way to a hospital, a long-term shelter, a reserve depot, a fire station or the command centre, how many people that is, and which sections matter most. The plan asks for clusters that help each other along lifeline corridors (互助支撑, 第48条), traffic between clusters and units kept open in emergencies (第65条), flexible seismic measures where corridors cross faults (第44条) and waterlogging-prone sections fixed first (第62条).

The network is the road lines given (the corridors with their grade, and optionally the ordinary streets), noded where they cross. People are counted where they live: a point unit's people at its point; a polygon unit's spread over pieces of population.piece_size (250 m) by area, over residential land, or as the population raster says. Each piece and each facility joins the network at its nearest point within the snapping tolerance, as the life circles do; a piece with no road that near joins at the nearest road inside it, and the people of pieces left off the network are named in the log, not counted as cut off. A unit loses access only for the pieces that lose it. Distances are along the network. OpenStreetMap roads whose bridge, tunnel or layer field says so join the roads they cross only at their ends.

The scenario, any combination: active faults (every section within the avoidance distance fails; all faults at once, each fault in turn as its own scenario, or one fault by name or number; or select the fault on the map and tick Selected features only), flood zones of the chosen class and above (a class that cannot be read fails, on the safe side), and damage you draw (lines, points or polygons; lines and points block the roads within the damage width).

Criticality (single failure, every section of the whole network, independent of the scenario). A section is a whole road between junctions (or a facility's joining point): the pieces a failure zone cuts out of it are merged back, and it fails as a whole, so that the people who join it between its ends are cut off with it. Each person's route counts once per section. pop_cut, the people who lose access to at least one essential category if that one section fails (from the network's bridges, not one search per section); pop_route, the people whose shortest route to an essential facility runs along it; bypass_m, the shortest way around it. Sections are ranked by pop_cut, then pop_route, then the detour; sections that cut nobody off and carry no route are not listed.

Outputs. Units: per unit and scenario (its unit's own fields, then scenario, on_network: 1 where it joins the network, and people: its people as counted, NULL where not assessed), for each essential category c (its profile code) d0_&lt;c&gt; and d1_&lt;c&gt;, the network distance to the nearest facility before and after (people-weighted over its pieces; NULL: none can be reached), ratio_&lt;c&gt; (the detour of the people who still reach one), lost_&lt;c&gt; (1: all its people reached one before and none after), pop_cut_&lt;c&gt; and share_cut_&lt;c&gt; (its people who lose it, and their share); access (kept, longer, part lost, lost, off network, not assessed: no population data), n_lost, lost_cats and lost_zh (the categories some of its people lose, codes and Chinese), pop_cut (its people who lose at least one), cause (the faults, flood zones or damage that cut them off: those whose failure alone does, else those that do it together), with a cluster field cl_lost (the clusters it reached before and no longer reaches) and cl_ok, and clauses. With each fault in turn, only the units a scenario changes are written. Critical sections: rank, the road (src_layer, src_fid, road_name, grade), length_m, bridge (1: the only way through), pop_cut, cut_cats and cut_zh, n_units_cut, units_cut (names), pop_route, bypass_m, detour_m (bypass_m − length_m), in_zones (the failure zones it lies in), measure (what the plan names: flexible seismic design at fault crossings, 第44条; drainage at waterlogging-prone sections, 第62条; more network connectivity, 第62、65条) and clauses. Failed sections: scenario, the road (src_layer, src_fid, road_name, grade), cause (fault, flood, damage), cause_name (the fault's name with its latest activity, such as (Q4), where the layer gives it; the flood class; the damage feature), length_m, measure and clauses. Cluster links (optional): lines between neighbouring clusters' centres (cluster_a, cluster_b; from their most populous units) with the shortest route before and after (len0_m, len1_m) and link (kept, longer, lost, none).

Worked example on the sample city: network walking_network, units the clusters output (street units with cluster_id), facilities with field category, faults with field name: the log lists the people cut off per category and the ten most critical sections.</source>
        <translation>断裂或洪涝对可达性的影响：当断裂避让区内、所选等级洪涝区内或自行绘制的损毁区内的道路失效时，哪些单元失去通往医院、长期应急避难场所、物资储备库、消防站或应急指挥中心的道路，涉及多少人口，哪些路段最关键。规划要求组团之间沿生命线廊道互助支撑（第48条），应急时保障组团间、单元间交通联系（第65条），通道穿越断裂处采取柔性抗震措施（第44条），优先改造易积水路段（第62条）。

路网由给出的道路线组成（带等级的应急通道，也可加上普通街道），相交处打断。人口按居住地统计：点状单元的人口在其点上；面状单元的人口按 population.piece_size（250 米）分块，按面积、居住用地或人口栅格分摊。每个分块和每个设施在吸附容差内接入最近的路网点，与生活圈相同；附近没有道路的分块接入其内部最近的道路，未接入路网的分块人口在日志中列出，不计为被切断。单元只按失去可达性的分块计入损失。距离沿路网计算。bridge、tunnel 或 layer 字段表明为桥梁或隧道的 OpenStreetMap 道路，只在两端与所跨越的道路相连。

情景可任意组合：活动断裂（避让距离内的路段全部失效；所有断裂同时、逐条断裂各成一个情景，或按名称或编号指定一条；也可在地图上选中该断裂并勾选“仅选中的要素”）、所选等级及以上的洪涝区（无法识别的等级按失效处理，偏于安全）、自行绘制的损毁（线、点或面；线和点阻断损毁宽度内的道路）。

关键性（单点失效，覆盖整个路网的每个路段，与情景无关）。路段为交叉口（或设施接入点）之间的整条道路：失效区域切出的小段合并回原路段，路段整体失效，中途接入该路段的人口随之被切断。每人的路线在每个路段只计一次。pop_cut，该路段单独失效时至少失去一类必需设施的人口（由路网的桥求得，而非每段一次搜索）；pop_route，通往必需设施的最短路线经过该路段的人口；bypass_m，绕过该路段的最短路线。路段按 pop_cut、再按 pop_route、再按绕行排序；既不切断任何人也不承载路线的路段不列出。

输出。单元：每个单元、每个情景一行（单元自身字段，然后是 scenario、on_network（1 表示接入路网）和 people（统计得到的人口，未评估时为 NULL）），对每个必需类别 c（规划配置代码）：d0_&lt;c&gt; 和 d1_&lt;c&gt;，失效前后到最近该类设施的路网距离（按各分块人口加权；NULL：无法到达），ratio_&lt;c&gt;（仍可到达者的绕行比），lost_&lt;c&gt;（1：全部人口失效前可达、失效后不可达），pop_cut_&lt;c&gt; 和 share_cut_&lt;c&gt;（失去该类的人口及其占比）；access（kept 保持、longer 变远、part lost 部分失去、lost 失去、off network 未接入路网、not assessed 无人口数据未评估）、n_lost、lost_cats 和 lost_zh（部分人口失去的类别，代码和中文）、pop_cut（至少失去一类的人口）、cause（造成切断的断裂、洪涝区或损毁：单独失效即可切断者，否则为共同造成者），有组团字段时还有 cl_lost（失效前能到达、失效后不能到达的组团）和 cl_ok，以及 clauses。逐条断裂时只写出情景改变了的单元。关键路段：rank、道路（src_layer、src_fid、road_name、grade）、length_m、bridge（1：唯一通路）、pop_cut、cut_cats 和 cut_zh、n_units_cut、units_cut（名称）、pop_route、bypass_m、detour_m（bypass_m − length_m）、in_zones（所在失效区域）、measure（规划提出的措施：断裂穿越处柔性抗震设计，第44条；易积水路段提高排水能力，第62条；提高路网连通性，第62、65条）和 clauses。失效路段：scenario、道路（src_layer、src_fid、road_name、grade）、cause（fault 断裂、flood 洪涝、damage 损毁）、cause_name（断裂名称，图层给出时附最晚活动时代，如“(Q4)”；洪涝等级；损毁要素）、length_m、measure 和 clauses。组团联系（可选）：相邻组团中心之间的连线（cluster_a、cluster_b；取各组团人口最多的单元），附失效前后的最短路线（len0_m、len1_m）和 link（kept 保持、longer 变远、lost 失去、none 原本无）。

示例（样例城市）：路网 walking_network，单元为组团划分的输出（带 cluster_id 的街镇单元），设施字段 category，断裂字段 name：日志列出各类别被切断的人口和最关键的十个路段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="454"/>
        <source>Layer &apos;{0}&apos;: no fault is left under the profile&apos;s seismic.fault_avoidance_rule; no fault scenario.</source>
        <translation>图层“{0}”：按规划参数 seismic.fault_avoidance_rule 没有剩下需要考虑的断裂，无法构成断裂情景。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="91"/>
        <source>A unit wholly off the network (access: off network) is not assessed: its lost_&lt;c&gt;, pop_cut_&lt;c&gt;, share_cut_&lt;c&gt;, n_lost and pop_cut are NULL.</source>
        <translation>完全不在路网上的单元（access 为 off network）不参与评价：其 lost_&lt;c&gt;、pop_cut_&lt;c&gt;、share_cut_&lt;c&gt;、n_lost 与 pop_cut 为空值（NULL）。</translation>
    </message>
</context>
<context>
    <name>EvacuationAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="84"/>
        <source>Emergency transfer (避险转移)</source>
        <translation>避险转移</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="151"/>
        <source>Whole communities (one shelter each)</source>
        <translation>整建制转移（每个社区一处避难场所）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="151"/>
        <source>Each feature goes to one shelter, as responsibility areas (责任区) are drawn; a MILP with a time limit.</source>
        <translation>每个要素整体转移至一处避难场所，与划定责任区的做法一致；混合整数规划，有时间上限。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="155"/>
        <source>The solver stops after this long with its best solution and the proven bound.</source>
        <translation>超过该时间后求解器停止，给出当前最好解及已证明的界。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="157"/>
        <source>Transfer assignment</source>
        <translation>转移安置方案</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="157"/>
        <source>Per feature with people at risk: its shelters, people placed and short, distance and time.</source>
        <translation>每个有需转移人口的要素：其避难场所、已安置和无位置人数、距离和时间。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="161"/>
        <source>Shelters: load</source>
        <translation>避难场所：负荷</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="161"/>
        <source>Every shelter with its capacity, load and utilisation, or why it is not used.</source>
        <translation>每处避难场所的容量、负荷和使用率，或未使用的原因。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="165"/>
        <source>Transfer routes</source>
        <translation>转移路线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="165"/>
        <source>The road sections people use, with their throughput, time to clear and bottlenecks.</source>
        <translation>转移所经路段及其通行能力、通过时间和瓶颈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="169"/>
        <source>Shortfall</source>
        <translation>安置缺口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="169"/>
        <source>Where the people without a shelter place are, and why.</source>
        <translation>无避难位置人口的分布及原因。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="176"/>
        <source>Population (communities or units)</source>
        <translation>人口（社区或单元）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="176"/>
        <source>Communities, street units or a population grid as polygons. Empty: the population raster alone.</source>
        <translation>社区、街镇单元或人口格网（面）。留空：仅用人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="469"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="182"/>
        <source>People per feature (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population.</source>
        <translation>每个要素的人口（可识别 1,234、1.2万 和 常住人口（万人））。留空：使用名称像人口的字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="475"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="186"/>
        <source>Optional: the feature&apos;s name, for the log and the outputs.</source>
        <translation>可选：要素名称，用于日志和输出。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="191"/>
        <source>Who moves</source>
        <translation>转移对象</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="191"/>
        <source>The people inside the hazard</source>
        <translation>灾害范围内的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="191"/>
        <source>Everyone (earthquake shelter planning)</source>
        <translation>全部人口（地震避难规划）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="191"/>
        <source>The people inside the hazard (flood transfer), or everyone (earthquake shelters; the hazard then closes roads and shelters).</source>
        <translation>灾害范围内的人口（洪涝转移），或全部人口（地震避难；此时灾害只使道路和避难场所失效）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="206"/>
        <source>Optional: flood-risk or waterlogging zones (第62、84条).</source>
        <translation>可选：洪涝风险区或易涝区（第62、84条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="206"/>
        <source>Flood zones that count</source>
        <translation>计入的洪涝分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="206"/>
        <source>Which flood classes people leave. A class that cannot be read counts.</source>
        <translation>人口需撤离哪些等级的洪涝区。无法识别的等级计入。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="212"/>
        <source>Flood-depth raster (m)</source>
        <translation>积水深度栅格（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="212"/>
        <source>Optional: water depth in metres (内涝积水深度, 洪水淹没水深); nodata and NaN are dry. Cells are counted by coverage.</source>
        <translation>可选：水深（米）（内涝积水深度、洪水淹没水深）；无数据和 NaN 视为无水。栅格按覆盖比例计算。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="216"/>
        <source>Evacuation depth (m)</source>
        <translation>需转移水深（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="228"/>
        <source>Optional: active faults; their avoidance zone is a hazard (第86条).</source>
        <translation>可选：活动断裂；其避让带为灾害范围（第86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="228"/>
        <source>Optional: the fault&apos;s name, for the log.</source>
        <translation>可选：断裂名称，用于日志。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="228"/>
        <source>Half-width of the fault's avoidance zone (GB 50011 §4.1.7).</source>
        <translation>断裂避让带半宽（GB 50011 §4.1.7）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="234"/>
        <source>Geological hazards</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="234"/>
        <source>Optional: landslide, collapse and debris-flow points (within the profile&apos;s evacuation.geohazard_radius) or zones.</source>
        <translation>可选：滑坡、崩塌、泥石流隐患点（配置 evacuation.geohazard_radius 范围内）或隐患区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="240"/>
        <source>Damage</source>
        <translation>损毁范围</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="240"/>
        <source>Optional: damaged areas you draw; people leave them, and shelters and roads in them are not used.</source>
        <translation>可选：手绘的损毁范围；其中人口需撤离，其中的避难场所和道路不可用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="330"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="247"/>
        <source>Emergency shelters (应急避难场所), or any facility layer: only its shelters are used.</source>
        <translation>应急避难场所，或任意设施图层：仅使用其中的避难场所。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="522"/>
        <source>Shelter name field</source>
        <translation>避难场所名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="251"/>
        <source>Optional: the shelter&apos;s name.</source>
        <translation>可选：避难场所名称。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="255"/>
        <source>Shelter class field</source>
        <translation>避难场所类别字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="255"/>
        <source>Optional: the category or class (紧急/短期/长期避难场所, emergency=assembly_point …). Empty: every feature is an emergency shelter.</source>
        <translation>可选：类别或等级（紧急/短期/长期避难场所、emergency=assembly_point 等）。留空：所有要素均视为紧急避难场所。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="521"/>
        <source>Capacity field</source>
        <translation>容量字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="263"/>
        <source>Capacity: persons (1.2万人) or shelter area (2.5万平方米, 0.8公顷), divided by the area per person of its class.</source>
        <translation>容量：人数（1.2万人）或避难面积（2.5万平方米、0.8公顷），面积除以该类别的人均有效避难面积。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="268"/>
        <source>Maximum distance (m; 0: by class)</source>
        <translation>最大距离（米；0：按类别）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="268"/>
        <source>0: each class&apos;s evacuation distance from the profile (emergency 500 m, short-term 1 km, long-term 2.5 km).</source>
        <translation>0：使用配置中各类别的疏散距离（紧急 500 米，短期 1 千米，长期 2.5 千米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="277"/>
        <source>Road network</source>
        <translation>道路网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="277"/>
        <source>Optional: the roads, noded where they cross. Empty: straight-line distances (the log says so).</source>
        <translation>可选：道路，在交叉处打断。留空：按直线距离计算（日志会说明）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="621"/>
        <source>Road name field</source>
        <translation>道路名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="281"/>
        <source>Optional: the road&apos;s name, for the routes and bottlenecks.</source>
        <translation>可选：道路名称，用于路线和瓶颈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="622"/>
        <source>Corridor grade field</source>
        <translation>通道等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="285"/>
        <source>Optional: the corridor grade (1, 2, 3 or 一级/二级/三级): driving speed and section capacity.</source>
        <translation>可选：通道等级（1、2、3 或 一级/二级/三级）：决定车速和路段通行能力。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="289"/>
        <source>Travel mode</source>
        <translation>出行方式</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="289"/>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="289"/>
        <source>Drive</source>
        <translation>车行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="289"/>
        <source>Walk at the profile&apos;s evacuation speed, or drive at its speed per corridor grade.</source>
        <translation>按配置的转移步行速度步行，或按各通道等级的车速行驶。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="293"/>
        <source>Section throughput by grade</source>
        <translation>按等级计算路段通行能力</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="293"/>
        <source>Persons an hour each section passes, from its grade's width (第33条): the time to clear and bottlenecks.</source>
        <translation>按等级宽度计算每个路段每小时通过人数（第33条）：用于通过时间和瓶颈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="297"/>
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="297"/>
        <source>Farthest a piece of people or a shelter may lie from the network and still join it.</source>
        <translation>人口分块或避难场所距路网的最大距离，超过则不接入路网。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="351"/>
        <source>Give a hazard (flood zones, a flood-depth raster, active faults, geological hazards or damage), or choose Everyone under Who moves.</source>
        <translation>请给出灾害（洪涝风险区、积水深度栅格、活动断裂、地质灾害或损毁范围），或在“转移对象”中选择全部人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="407"/>
        <source>flood zone {0} (class {1})</source>
        <translation>洪涝风险区 {0}（等级 {1}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="424"/>
        <source>fault {0}</source>
        <translation>断裂 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="425"/>
        <source>geological hazard {0}</source>
        <translation>地质灾害 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="425"/>
        <source>damage {0}</source>
        <translation>损毁范围 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="458"/>
        <source>Give the population: a layer with a population field, or a population raster.</source>
        <translation>请给出人口：带人口字段的图层，或人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="460"/>
        <source>A population raster alone counts the people of the hazard zones: give hazard zones, or a population layer.</source>
        <translation>仅有人口栅格时统计灾害范围内的人口：请给出灾害范围，或人口图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="465"/>
        <source>hazard area {0}</source>
        <translation>灾害区 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="467"/>
        <source>hazard area</source>
        <translation>灾害区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="472"/>
        <source>Choose the field of layer &apos;{0}&apos; that holds the population, or give a population raster for polygons.</source>
        <translation>请选择图层“{0}”中的人口字段，或为面要素给出人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="493"/>
        <source>People counted where they live: {0}; {1:,} pieces of {2:g} m.</source>
        <translation>人口按居住地统计：{0}；{1:,} 个 {2:g} 米分块。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="528"/>
        <source>{0}: no shelter class field; every feature is an emergency shelter.</source>
        <translation>{0}：无避难场所类别字段；所有要素均视为紧急避难场所。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="531"/>
        <source>Layer &apos;{0}&apos; holds no emergency, short-term or long-term shelter (by its class field and the profile&apos;s labels).</source>
        <translation>图层“{0}”中没有紧急、短期或长期避难场所（按其类别字段和配置标签）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="537"/>
        <source>{0}: {1} of {2} features are shelters; the others are not used.</source>
        <translation>{0}：{2} 个要素中 {1} 个为避难场所；其余不使用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="542"/>
        <source>Choose the capacity field of layer &apos;{0}&apos; (persons, or shelter area). Its fields are: {1}.</source>
        <translation>请选择图层“{0}”的容量字段（人数或避难面积）。其字段有：{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="577"/>
        <source>{0}: {1} {2} capacity value(s) read as shelter area, {3:g} m² per person (GB 51143).</source>
        <translation>{0}：{1} 个{2}容量值按避难面积读取，人均 {3:g} 平方米（GB 51143）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="584"/>
        <source>{0}, field &apos;{1}&apos;: {2} capacity value(s) cannot be read (feature ids {3}).</source>
        <translation>{0}，字段“{1}”：{2} 个容量值无法读取（要素编号 {3}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="590"/>
        <source>{0}: {1} shelter(s) of unknown capacity are not used (feature ids {2}).</source>
        <translation>{0}：{1} 处容量未知的避难场所不使用（要素编号 {2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="603"/>
        <source>{0}, field &apos;{1}&apos;: no shelter has a capacity above 0; nothing can be placed.</source>
        <translation>{0}，字段“{1}”：没有容量大于 0 的避难场所；无法安置任何人。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="616"/>
        <source>No road network: distances are straight lines, and no road is closed.</source>
        <translation>无道路网络：距离按直线计算，不考虑道路中断。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="620"/>
        <source>Road network: layer &apos;{0}&apos; must hold lines.</source>
        <translation>道路网络：图层“{0}”必须为线。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="341"/>
        <source>water {0:g} m deep or deeper</source>
        <translation>积水深度 {0:g} 米及以上</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="409"/>
        <source>{0}, field '{1}': {2} zone(s) have a class that cannot be read ({3}): they count as class 1 (high), on the safe side. Classes are read as 1/2/3, 高/中/低, 一级/二级/三级 or Ⅰ/Ⅱ/Ⅲ.</source>
        <translation>{0}，字段“{1}”：{2} 个分区的等级无法识别（{3}）：从安全考虑按一级（高）计入。可识别的等级为 1/2/3、高/中/低、一级/二级/三级或 Ⅰ/Ⅱ/Ⅲ。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="639"/>
        <source>{0}: {1} of {2} roads have no readable corridor grade; they count as grade 3: {3:g} m wide, {4:,.0f} persons an hour (evacuation.capacity_per_metre × corridors.grades), and when driving {5:g} km/h (evacuation.drive_speed). Give the grade field, or turn Section throughput off, where that does not hold.</source>
        <translation>{0}：{2} 条道路中有 {1} 条无可识别的通道等级；按三级计：宽 {3:g} 米，每小时通过 {4:,.0f} 人（evacuation.capacity_per_metre × corridors.grades），车行时速 {5:g} 千米（evacuation.drive_speed）。不符合实际时，请给出等级字段，或关闭“按等级计算路段通行能力”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="216"/>
        <source>People in water this deep or deeper move. Source: {0}</source>
        <translation>水深达到或超过该值处的人口需转移。来源：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="596"/>
        <source>{0}, field '{1}': no shelter capacity can be read (feature ids {2}); nothing can be placed. Write persons (1200, 1.2万人) or shelter area (2.5万平方米, 3 公顷), or choose the capacity field.</source>
        <translation>{0}，字段“{1}”：没有可读取的避难场所容量（要素编号 {2}），无法安置任何人。请填写人数（1200、1.2万人）或避难面积（2.5万平方米、3 公顷），或选择容量字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="87"/>
        <source>Who must move, to which shelter that is itself safe and has room, by which open road, and how long it takes: the capacity for emergency transfer that the plan asks to raise first (重点提升应急避险转移能力, 第84条), within a multi-level evacuation system (第33条) whose long-term shelters carry the main resettlement load (第91条).

Who moves: the people inside the hazard (flood zones of the chosen classes, water at or above the evacuation depth on the flood-depth raster, the avoidance zone of active faults, the danger radius of geological-hazard points, damage you draw), or everyone (earthquake shelter planning). People are counted where they live: a point's people at its point; a polygon's spread over pieces of population.piece_size (250 m), or as the population raster says; a piece partly inside the hazard moves with the share of its area inside (depth cells counted by their exact coverage). With a population raster and no population layer, the people of the hazard area itself are counted from the raster.

Shelters: those of the emergency, short-term and long-term categories (by the category field and the profile's labels; without a category field every feature is an emergency shelter). Capacity in persons, or shelter area divided by the area per person of the shelter's refuge period (GB 51143-2015); 2.5万平方米 and 1.2万人 are read. A shelter inside a hazard, or of unknown or no capacity, is not used, and Shelters: load says why (GB 21734 §5.2.1; 第86、88条). Reach: the class's evacuation distance from the profile (500 m, 1 km, 2.5 km), or the maximum distance given.

Roads: with a network, a road inside a hazard zone, or with water at or above the road-closing depth anywhere along it, is closed. People inside the hazard leave it along the roads they are on (a transfer happens before the water rises); no route uses a closed road after it has reached an open one. Walking at the profile's evacuation speed, or driving at its speed per corridor grade. Without a network, distances are straight lines.

Method: an exact assignment, solved by HiGHS: first as many people placed as possible, then the least total travel time (people × minutes), each person only to an open shelter within its reach (by the shortest network distance; the time along the fastest route). Whole communities: each feature goes to one shelter, as responsibility areas (责任区) are drawn, a MILP with a time limit whose best solution and proven bound are logged. People without a place are the shortfall, with the reason: no road within the snapping tolerance, no safe shelter within reach, cut off by closed roads, or every shelter in reach full.

Outputs. Assignment, per feature with people at risk: src_fid (its feature id) and name, people, placed, short, share_placed, shelters (names with people) and n_shelters, mean_dist_m, mean_time_min, max_time_min, hazards, reason and reason_zh, clauses. Shelters: src_fid, name, class and class_zh, reach_m, capacity_p, load_p, util, status (used, not used, excluded) with status_zh, reason and clauses, then the shelters' own fields (shel_ before a name that is taken). Routes: the road sections people use (src_fid and road_name of the road, grade), with people, cap_ph (persons an hour, from the grade's width and GB 51143's 1.5 m per 25 persons a minute), clear_min (minutes their people take to pass), use_share (the share of what the section passes within the clearance target that its people need), bottleneck (1: more than the profile's clearance target, one hour), leaving (1: a closed road used to leave the hazard) and the measure. Shortfall: where the people without a place are (src_fid, name, short) and why (reason, reason_zh). The log gives the people at risk, placed and short, distance and time (mean, 95th percentile, maximum), a static clearance estimate (the longest trip plus the queue at the worst section, with no congestion dynamics), the ten bottlenecks and the ten fullest shelters.

Worked example on the sample city: population communities (field population), flood-depth raster sample_flood_depth.tif (beside sample_city.gpkg: 25 m cells of a waterlogging model over the centre), shelters facilities (field category, capacity shelter_area_m2), network walking_network: about 400,000 people in water 0.5 m deep or deeper, a tenth of them placed; the rest have no safe shelter within reach, which is what the sample's sparse shelters show.</source>
        <translation>谁需要转移、转移到本身安全且有空余容量的哪处避难场所、经由哪条畅通道路、需要多长时间：规划要求首先提升的应急避险转移能力（重点提升应急避险转移能力，第84条），在多层级的疏散救援体系中（第33条），由长期避难场所承担主要安置任务（第91条）。

转移对象：灾害范围内的人口（所选等级的洪涝风险区、积水深度栅格上达到或超过需转移水深的范围、活动断裂避让带、地质灾害点的危险半径、手绘损毁范围），或全部人口（地震避难规划）。人口按居住地统计：点要素的人口在其点位；面要素的人口分摊到 population.piece_size（250 米）的分块上，或按人口栅格分摊；部分位于灾害范围内的分块按其面积比例转移（积水栅格按精确覆盖比例计算）。只有人口栅格而无人口图层时，直接从栅格统计灾害区的人口。

避难场所：紧急、短期和长期避难场所类别（按类别字段和配置标签；无类别字段时所有要素均视为紧急避难场所）。容量为人数，或避难面积除以该避难期的人均有效避难面积（GB 51143-2015）；可识别 2.5万平方米 和 1.2万人。位于灾害范围内、容量未知或无容量的避难场所不使用，“避难场所：负荷”说明原因（GB 21734 §5.2.1；第86、88条）。服务距离：配置中各类别的疏散距离（500 米、1 千米、2.5 千米），或所给最大距离。

道路：有路网时，位于灾害范围内或沿线任一处积水达到道路断行水深的道路中断。灾害范围内的人口沿其所在道路撤离（转移在水位上涨之前进行）；路线一旦到达畅通道路，便不再使用中断道路。按配置的转移步行速度步行，或按各通道等级车速行驶。无路网时按直线距离计算。

方法：由 HiGHS 精确求解的分配：首先安置尽可能多的人，再使总转移时间（人数 × 分钟）最少，每人只分配到其服务距离内（按最短路网距离；时间按最快路线）的可用避难场所。整建制转移：每个要素整体转移至一处避难场所，与划定责任区的做法一致，为有时间上限的混合整数规划，日志给出最好解及已证明的界。无安置位置的人口为安置缺口，并给出原因：捕捉容差内无道路、可达范围内无安全避难场所、道路中断无法到达、可达避难场所已满。

输出。转移安置方案，每个有需转移人口的要素：src_fid（要素编号）和 name、people、placed、short、share_placed、shelters（避难场所名称及人数）和 n_shelters、mean_dist_m、mean_time_min、max_time_min、hazards、reason 和 reason_zh、clauses。避难场所：src_fid、name、class 和 class_zh、reach_m、capacity_p、load_p、util、status（used、not used、excluded）及 status_zh、reason 和 clauses，其后为避难场所图层自身的字段（名称冲突时在字段名前加 shel_）。转移路线：转移所经路段（道路的 src_fid 和 road_name、grade），含 people、cap_ph（每小时通过人数，按等级宽度和 GB 51143 的 1.5 米每分钟通过 25 人计算）、clear_min（其人口通过所需分钟数）、use_share（其人口所需占该路段在完成时限内通行能力的比例）、bottleneck（1：通过所需时间超过配置的完成时限，即一小时）、leaving（1：撤离灾害区所经的中断道路）和措施。安置缺口：无安置位置人口的分布（src_fid、name、short）及原因（reason、reason_zh）。日志给出需转移、已安置和无位置人数，距离和时间（平均、95% 分位、最大），静态的转移完成时间估计（最长行程加最拥堵路段的排队时间，不含拥堵动态），十个瓶颈路段和十处负荷最高的避难场所。

示例城市上的示例：人口 communities（字段 population），积水深度栅格 sample_flood_depth.tif（与 sample_city.gpkg 同目录：中心城区内涝模型的 25 米栅格），避难场所 facilities（字段 category，容量 shelter_area_m2），路网 walking_network：约 40 万人位于 0.5 米及以上积水中，约十分之一得到安置；其余可达范围内无安全避难场所，这正反映了示例城市避难场所稀少。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/evacuation.py" line="87"/>
        <source>Routes: clear_min, use_share and bottleneck are NULL (not assessed) where the section&apos;s time to clear is not known (Section throughput off).</source>
        <translation>转移路线：路段通过所需时间未知时（未开启路段通行能力），clear_min、use_share 与 bottleneck 为空值（NULL，不评估）。</translation>
    </message>
</context>
<context>
    <name>FaultAvoidanceAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="49"/>
        <source>Facilities in fault avoidance zones</source>
        <translation>活动断裂避让区内设施核查</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="129"/>
        <source>Facilities or buildings</source>
        <translation>设施或建筑</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="89"/>
        <source>Facilities or buildings to check (points or polygons).</source>
        <translation>待核查的设施或建筑（点或面）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="175"/>
        <source>Seismic class field (甲/乙/丙/丁)</source>
        <translation>抗震设防类别字段（甲/乙/丙/丁）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="92"/>
        <source>Optional field with the seismic fortification class; it takes precedence over the category.</source>
        <translation>可选：抗震设防类别字段，优先于设施类型。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="178"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="95"/>
        <source>Optional field with the facility category, mapped to a class by the plan profile.</source>
        <translation>可选：设施类型字段，按规划配置对应到设防类别。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="100"/>
        <source>Design seismic intensity</source>
        <translation>抗震设防烈度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="106"/>
        <source>Seismic fortification intensity of the site (GB 18306: Beijing VIII).</source>
        <translation>场地抗震设防烈度（GB 18306：北京为 8 度）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="110"/>
        <source>Fault avoidance check</source>
        <translation>断裂避让核查</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="111"/>
        <source>Every input feature with its class, the required and actual distance to the nearest fault.</source>
        <translation>每个输入要素的设防类别、要求避让距离及至最近断裂的实际距离。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="182"/>
        <source>Layer &apos;{0}&apos;: choose a seismic class field or a category field; without either no distance applies.</source>
        <translation>图层“{0}”：请选择抗震设防类别字段或设施类型字段，否则无法确定避让距离。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="192"/>
        <source>Design seismic intensity: choose one of {0}.</source>
        <translation>抗震设防烈度：请从 {0} 中选择。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="234"/>
        <source>Seismic class</source>
        <translation>设防类别</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="235"/>
        <source>Class from</source>
        <translation>类别来源</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="236"/>
        <source>Design intensity</source>
        <translation>设防烈度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="237"/>
        <source>Required distance (m)</source>
        <translation>要求避让距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="238"/>
        <source>Nearest fault id</source>
        <translation>最近断裂编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="239"/>
        <source>Nearest fault</source>
        <translation>最近断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="241"/>
        <source>Distance to the fault (m)</source>
        <translation>至断裂距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="242"/>
        <source>Violates the avoidance distance</source>
        <translation>违反避让距离</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="243"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="244"/>
        <source>Status (Chinese)</source>
        <translation>状态（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="245"/>
        <source>Required measure</source>
        <translation>所需措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="246"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="207"/>
        <source>Facility label mapping: {0}</source>
        <translation>设施标签映射：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="240"/>
        <source>Nearest fault&apos;s latest activity</source>
        <translation>最近断裂的最晚活动时代</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="52"/>
        <source>Checks facilities or buildings (points or polygons) against the minimum avoidance distance from active faults: the plan asks for strict avoidance (第86条), and GB 50011 §4.1.7 (表4.1.7) sets the distance by design intensity and seismic fortification class: at intensity VIII, 乙 200 m, 丙 100 m, 丁 none; at IX, 乙 400 m, 丙 200 m; 甲 needs a special study.

The class (甲/乙/丙/丁, also A-D or 甲类) comes from the class field when it is set, otherwise from the category field through the profile's category-to-class map (hospital and school 乙, clinic 丙, park 丁 …, GB 50223; check per project). A 甲 feature within the profile's screening distance is flagged 'special study'. Schools, hospitals, shelters and hazardous sources are what planners check first: the log lists violations by category.

Output: every input feature with seis_class, class_src (field, category or none), required_m, the nearest fault (fault_fid, fault_name, fault_age: its latest activity, Q4 Holocene, Q3 Late Pleistocene …, read from a field such as 最晚活动时代) and dist_m to it, violation (1 when closer than required), status (violation, special study, ok, class unknown, no geometry), measure and clauses.

Which faults are avoided follows the profile's seismic.fault_avoidance_rule: 'plan' (the default) every listed active fault (第86条 严格避让活动断裂); 'code' only Holocene faults at intensity VIII and above (GB 50011 §4.1.7). The log names the faults left aside, and clauses cite the rule.

Distances are measured in metres in the input's CRS (geographic input is reprojected to a local CGCS2000 zone); polygons are measured from their nearest edge. Inputs are never modified.</source>
        <translation>按活动断裂最小避让距离核查设施或建筑（点或面）：规划要求严格避让活动断裂（第86条），GB 50011 第4.1.7条（表4.1.7）按设防烈度和抗震设防类别规定避让距离：8度时乙类 200 米、丙类 100 米、丁类不要求；9度时乙类 400 米、丙类 200 米；甲类需专门研究。

设防类别（甲/乙/丙/丁，也可写作 A-D 或“甲类”）优先取自类别字段；未设置时，由设施类型字段通过规划配置中的类型—类别对照表确定（医院、学校为乙类，社区卫生服务机构为丙类，公园为丁类……依据 GB 50223，请逐项目核对）。甲类要素位于配置的筛查距离内时标记为“需专门研究”。学校、医院、避难场所和危险源是规划人员首先核查的对象：日志按类型列出违规数量。

输出：每个输入要素，附加 seis_class、class_src（字段、类型或无）、required_m、最近断裂（fault_fid、fault_name、fault_age：其最晚活动时代，Q4 全新世、Q3 晚更新世……，取自“最晚活动时代”等字段）及其距离 dist_m、violation（距离小于要求时为 1）、status（违规、需专门研究、满足、类别未知、无几何）、措施和条款。

哪些断裂需要避让取决于规划配置的 seismic.fault_avoidance_rule：“plan”（默认）避让所列的每条活动断裂（第86条 严格避让活动断裂）；“code”只避让设防烈度 8 度及以上时的全新世活动断裂（GB 50011 第4.1.7条）。日志列出不予避让的断裂，条款字段注明所依据的规则。

距离在输入图层坐标系中以米计（地理坐标输入会重投影到当地 CGCS2000 分带）；面要素从最近边界量算。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="52"/>
        <source>Fields added: seis_class and class_src (seismic class and where it came from), intensity (design intensity), required_m (required distance), fault_fid, fault_name and fault_age (nearest fault and its latest activity), dist_m (distance to it), violation (1 inside the required distance), status and status_zh, measure, clauses.</source>
        <translation>新增字段：seis_class 和 class_src（抗震设防类别及其来源）、intensity（设防烈度）、required_m（要求的避让距离）、fault_fid、fault_name 和 fault_age（最近的断裂及其最晚活动时代）、dist_m（与其距离）、violation（位于要求距离内为 1）、status 和 status_zh、measure、clauses。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_avoidance.py" line="52"/>
        <source>violation is NULL (not assessed) where the class is unknown or the feature has no geometry.</source>
        <translation>设防类别未知或要素没有几何时，violation 为空值（NULL，不评估）。</translation>
    </message>
</context>
<context>
    <name>FaultCrossingsAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="47"/>
        <source>Corridor × fault crossing register</source>
        <translation>通道×活动断裂交叉台账</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="50"/>
        <source>The register a seismic reviewer asks for: every place where an emergency corridor crosses an active fault, and every corridor section inside a fault's avoidance zone. The plan asks for flexible seismic measures where important corridors cross fault zones (第44条) and strict avoidance of active faults (第86条).

Crossings: one point per contact of a corridor with a fault. contact is 'cross' (passes through), 'touch' (the corridor or the fault ends on the other) or 'along' (the corridor lies on the fault trace; the point is the middle of that stretch and along_m its length). angle_deg is the acute angle between corridor and fault (90 = perpendicular, 0 = parallel), chain_m the distance along the corridor from its start (parts in order), exposed_m the length of the corridor inside the fault's avoidance zone around this crossing.

Severity (0-100) = 100 × (0.5·G + 0.3·A + 0.2·E) with the profile's weights: G the grade factor (grade 1 = 1.0, 2 = 0.6, 3 = 0.3, unknown = 0.6), A = 1 − angle/90 (a shallow crossing ranks higher), E = exposed length ÷ (3 × 2 × avoidance distance), at most 1 (a perpendicular crossing exposes 2 × the distance). Levels: low below 35, medium below 60, high from 60. So a grade-1 corridor crossing at a shallow angle ranks highest. All weights, factors and breaks are in the plan profile.

Exposed sections: the parts of each corridor within each fault's avoidance distance, with their length and share of the corridor. This catches corridors that run along a fault without crossing it (situation 'near'). The avoidance distance is the fault's own value from its distance field when set, else the default (GB 50011 §4.1.7: 200 m at intensity VIII for class 乙).

Summary (optional): each corridor with its crossings, exposed length (overlapping zones counted once), smallest angle and highest severity.

Work is done in metres in the corridors' CRS (geographic input is reprojected to a local CGCS2000 zone and the log says so); faults in another CRS are reprojected. Curved geometries are segmentised. Inputs are never modified.</source>
        <translation>抗震审查所需的台账：列出应急通道与活动断裂的每一处交叉，以及位于断裂避让区内的每一段通道。规划要求在重要通道与地震断裂带交叉处采用柔性抗震措施（第44条），并严格避让活动断裂（第86条）。

交叉点：通道与断裂每接触一处输出一个点。contact 为“cross”（穿越）、“touch”（通道或断裂端点落在另一方上）或“along”（通道位于断裂迹线上；点位于该段中点，along_m 为其长度）。angle_deg 为通道与断裂的锐角（90 为正交，0 为平行），chain_m 为自通道起点沿线的里程（多部件按顺序累计），exposed_m 为该交叉处通道位于断裂避让区内的长度。

严重程度（0-100）= 100 ×（0.5·G + 0.3·A + 0.2·E），权重取自规划配置：G 为等级系数（一级 1.0、二级 0.6、三级 0.3、未知 0.6），A = 1 − 交角/90（交角越小越严重），E = 暴露长度 ÷（3 × 2 × 避让距离），最大为 1（正交穿越的暴露长度为 2 倍避让距离）。等级：低于 35 为低，低于 60 为中，60 及以上为高。因此一级通道以小角度穿越断裂排在最前。所有权重、系数和分级阈值均在规划配置中。

暴露路段：每条通道位于每条断裂避让距离内的部分，含长度及占通道比例，可发现沿断裂走向而未穿越的通道（situation 为“near”）。避让距离优先取断裂自身的距离字段，否则用默认值（GB 50011 第4.1.7条：8度乙类 200 米）。

汇总（可选）：每条通道的交叉数、暴露长度（重叠避让区只计一次）、最小交角和最高严重程度。

计算在通道图层坐标系中以米为单位进行（地理坐标输入会重投影到当地 CGCS2000 分带并在日志中说明）；其他坐标系的断裂会重投影。曲线几何会转换为直线段。输入图层不会被修改。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="97"/>
        <source>Emergency evacuation and rescue corridors (lines), grades 1/2/3 as in 第33、38条.</source>
        <translation>应急疏散救援通道（线），等级为第33、38条规定的一、二、三级。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="158"/>
        <source>Fault avoidance distance field (m)</source>
        <translation>断裂避让距离字段（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="107"/>
        <source>Optional per-fault avoidance distance in metres; empty or non-positive values use the default.</source>
        <translation>可选：每条断裂的避让距离（米）；为空或非正值时使用默认值。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="257"/>
        <source>Avoidance distance (m)</source>
        <translation>避让距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="116"/>
        <source>Default half-width of a fault's avoidance zone (GB 50011 §4.1.7: 200 m at intensity VIII, class 乙).</source>
        <translation>断裂避让区默认半宽（GB 50011 第4.1.7条：8度乙类 200 米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="269"/>
        <source>Fault crossings</source>
        <translation>断裂交叉点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="120"/>
        <source>One point per corridor-fault contact, with angle, chainage, severity and measure.</source>
        <translation>通道与断裂每接触一处一个点，含交角、里程、严重程度和措施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="122"/>
        <source>Corridor sections in avoidance zones</source>
        <translation>避让区内通道路段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="123"/>
        <source>The parts of each corridor inside each fault&apos;s avoidance zone, with their length.</source>
        <translation>每条通道位于每条断裂避让区内的部分及其长度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="125"/>
        <source>Corridor summary</source>
        <translation>通道汇总</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="126"/>
        <source>Optional: every corridor with its crossings, exposed length, smallest angle and highest severity.</source>
        <translation>可选：每条通道的交叉数、暴露长度、最小交角和最高严重程度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="157"/>
        <source>Avoidance distance must be greater than 0 m (got {0:g} m).</source>
        <translation>避让距离必须大于 0 米（当前为 {0:g} 米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="225"/>
        <source>Corridor feature id</source>
        <translation>通道要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="226"/>
        <source>Corridor</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="227"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="228"/>
        <source>Fault feature id</source>
        <translation>断裂要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="229"/>
        <source>Fault</source>
        <translation>断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="245"/>
        <source>Contact</source>
        <translation>接触方式</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="246"/>
        <source>Contact (Chinese)</source>
        <translation>接触方式（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="247"/>
        <source>Crossing angle (°)</source>
        <translation>交角（°）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="248"/>
        <source>Chainage along the corridor (m)</source>
        <translation>沿通道里程（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="249"/>
        <source>Length on the fault trace (m)</source>
        <translation>位于断裂迹线上的长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="258"/>
        <source>Exposed length (m)</source>
        <translation>暴露长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="236"/>
        <source>Severity (0-100)</source>
        <translation>严重程度（0-100）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="237"/>
        <source>Severity level</source>
        <translation>严重等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="238"/>
        <source>Severity level (Chinese)</source>
        <translation>严重等级（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="239"/>
        <source>Required measure</source>
        <translation>所需措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="240"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="259"/>
        <source>Corridor length (m)</source>
        <translation>通道长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="260"/>
        <source>Share of the corridor</source>
        <translation>占通道比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="261"/>
        <source>Crossings</source>
        <translation>交叉数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="262"/>
        <source>Smallest angle (°)</source>
        <translation>最小交角（°）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="263"/>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="264"/>
        <source>Situation (Chinese)</source>
        <translation>情形（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="270"/>
        <source>Stretches on a fault trace</source>
        <translation>位于断裂迹线上的路段数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="271"/>
        <source>Length in avoidance zones (m)</source>
        <translation>避让区内长度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="272"/>
        <source>Share in avoidance zones</source>
        <translation>避让区内比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="273"/>
        <source>Smallest crossing angle (°)</source>
        <translation>最小交角（°）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="50"/>
        <source>Fields of the crossing points: corr_fid, corr_name and grade (the corridor), fault_fid and fault_name (the fault), contact and contact_zh (cross, touch or along), angle_deg, chain_m (chainage along the corridor), along_m (length on the fault trace), avoid_m (avoidance distance), exposed_m (corridor length inside the zone), severity (0–100), sev_level and sev_zh, measure, clauses, fault_age and fault_age_zh (the fault's latest activity, 第86条, from a field such as 最晚活动时代 or age; NULL where the layer gives none). Sections in avoidance zones: the same ids and names, avoid_m, exposed_m, corr_len_m, share, crossings, angle_deg, situation and situat_zh, severity, sev_level, sev_zh, measure, clauses, fault_age, fault_age_zh. Summary per corridor: fx_cross (crossings), fx_along (stretches on a fault trace), fx_exp_m and fx_share (length and share in avoidance zones), fx_angle (smallest crossing angle), severity, sev_level, sev_zh, measure, clauses.</source>
        <translation>交叉点字段：corr_fid、corr_name 和 grade（通道）、fault_fid 和 fault_name（断裂）、contact 和 contact_zh（穿越、接触或沿断裂）、angle_deg（交角）、chain_m（沿通道里程）、along_m（位于断裂迹线上的长度）、avoid_m（避让距离）、exposed_m（避让带内的通道长度）、severity（0–100）、sev_level 和 sev_zh、measure、clauses、fault_age 和 fault_age_zh（断裂最晚活动时代，第86条，取自“最晚活动时代”或 age 等字段；图层未给出时为 NULL）。避让带内路段：同样的编号和名称、avoid_m、exposed_m、corr_len_m、share、crossings、angle_deg、situation 和 situat_zh、severity、sev_level、sev_zh、measure、clauses、fault_age、fault_age_zh。每条通道的汇总：fx_cross（交叉数）、fx_along（位于断裂迹线上的段数）、fx_exp_m 和 fx_share（避让带内的长度和比例）、fx_angle（最小交角）、severity、sev_level、sev_zh、measure、clauses。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="169"/>
        <source>Fault age field: &apos;{0}&apos; of layer &apos;{1}&apos; ({2} of {3} faults with a latest activity read).</source>
        <translation>断裂活动时代字段：图层“{1}”的“{0}”（{3} 条断裂中 {2} 条读到最晚活动时代）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="232"/>
        <source>Fault's latest activity (Q4 Holocene, Q3 Late Pleistocene …)</source>
        <translation>断裂最晚活动时代（Q4 全新世、Q3 晚更新世……）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="233"/>
        <source>Fault&apos;s latest activity (Chinese)</source>
        <translation>断裂最晚活动时代（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/fault_crossings.py" line="50"/>
        <source>A corridor without a usable line (none, or of zero length) has its summary row NULL: not measured, never 0.</source>
        <translation>没有可用线要素（无几何或长度为零）的通道，其汇总行为空值（NULL）：未测量，绝不记为 0。</translation>
    </message>
</context>
<context>
    <name>LifeCirclesAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="59"/>
        <source>Community life circles</source>
        <translation>韧性社村生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="208"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="121"/>
        <source>Communities or villages, as points or polygons (韧性社村生活圈 start here, 第53条).</source>
        <translation>社区或村庄，点或面（韧性社村生活圈以此为起点，第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="123"/>
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="130"/>
        <source>Radius of the circle, in metres, straight-line or along the network. The plan sets 1000-1500 m (第53条).</source>
        <translation>生活圈半径（米），按直线或沿网络计算。规划规定为1000—1500米（第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="132"/>
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="133"/>
        <source>Optional walking network (lines). Empty: straight-line circles.</source>
        <translation>可选的步行网络（线）。留空：按直线距离绘制生活圈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="135"/>
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="142"/>
        <source>Farthest a community may lie from the network and still connect to it.</source>
        <translation>社区距网络的最远距离，超过则无法连接。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="144"/>
        <source>Half-width around reached streets (m)</source>
        <translation>可达街道两侧半宽（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="151"/>
        <source>The reached network is buffered by this much to make the circle&apos;s polygon.</source>
        <translation>可达网络按此距离缓冲，形成生活圈的面。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="153"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="154"/>
        <source>Optional facilities (points or polygons) to count in each circle.</source>
        <translation>可选的设施（点或面），统计每个生活圈内的数量。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="156"/>
        <source>Facility category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="157"/>
        <source>Field with the facility category: a profile code (fire_station …), or its English or Chinese name.</source>
        <translation>保存设施类别的字段：配置中的代码（如 fire_station），或其英文、中文名称。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="159"/>
        <source>Shelter area field (m²)</source>
        <translation>避难面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="166"/>
        <source>Optional field with each facility's effective shelter area in m².</source>
        <translation>可选字段，保存每个设施的有效避难面积（平方米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="213"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="179"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="180"/>
        <source>One circle per community, with its facility counts, shelter area and checklist.</source>
        <translation>每个社区一个生活圈，含设施数量、避难面积和核查结果。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="182"/>
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="183"/>
        <source>Optional: all circles dissolved into one polygon.</source>
        <translation>可选：所有生活圈融合成的一个面。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="291"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="292"/>
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="293"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="294"/>
        <source>Distance to network (m)</source>
        <translation>到网络距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="295"/>
        <source>Circle area (km²)</source>
        <translation>生活圈面积（平方千米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="296"/>
        <source>Population in circle</source>
        <translation>圈内人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="299"/>
        <source>Count: {0}</source>
        <translation>数量：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="300"/>
        <source>Shelter area (m²)</source>
        <translation>避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="301"/>
        <source>Shelter area per person (m²)</source>
        <translation>人均避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="302"/>
        <source>Shelter target per person (m²)</source>
        <translation>人均避难面积目标（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="303"/>
        <source>Shelter target met</source>
        <translation>避难面积达标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="304"/>
        <source>Missing categories</source>
        <translation>缺少的类别</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="305"/>
        <source>Missing categories (Chinese)</source>
        <translation>缺少的类别（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="306"/>
        <source>Passes the checklist</source>
        <translation>通过核查</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="307"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="62"/>
        <source>Count fields: n_&lt;category&gt;, one per facility category of the profile (for example n_fire_station, n_police_station, n_short_term_shelter), counting the facilities inside the circle. The optional coverage layer is the union of the circles: lc_method, lc_radius_m, circles (how many) and area_km2.</source>
        <translation>计数字段：n_&lt;category&gt;，规划参数中每个设施类别一个（例如 n_fire_station、n_police_station、n_short_term_shelter），统计生活圈内的设施数量。可选的覆盖图层为各生活圈的并集：lc_method、lc_radius_m、circles（生活圈个数）和 area_km2。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="169"/>
        <source>Optional field with each community&apos;s population, for the shelter area per person. Polygon communities&apos; people are spread over their area (or residential land, or as the population raster says).</source>
        <translation>可选字段，保存每个社区的人口，用于计算人均避难面积。面状社区的人口分摊到其面积上（或居住用地上，或按人口栅格分布）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="62"/>
        <source>Draws the resilient community life circle (韧性社村生活圈) of every community or village and checks the facilities inside it against the plan: a circle of 1000-1500 m (第12、53条) that holds refuge space (shelters, parks, school playgrounds), fire and police, health care and daily supplies (supermarkets, vegetable markets, pharmacies) (第54、55条), with enough shelter area per person.

Without a network each circle is a straight-line buffer. With a walking network it is the part of the city reachable within the distance along it: the community connects at its nearest point of the network (all nearest points on a tie) within the snapping tolerance; every edge reached within the distance is kept, partly reached edges are cut at the exact point, and the reached lines are buffered by the half-width. Walking distance is measured along the network from that point. No point of a circle lies farther than distance + half-width from the community along the network. A community with no network within the tolerance is kept and flagged 'unreachable'. The network is built once and searched per community within the distance only; a network that is not noded is noded first (reported in the log).

Work is done in metres: geographic input is reprojected to a local CGCS2000 Gauss-Kruger zone (UTM outside China); the output is in that CRS. Polygon communities are buffered as polygons in straight-line mode and start from a point on their surface along the network. Facility categories are matched on the profile's codes and English or Chinese names; others count as 'other' and are listed in the log.

Output fields (after the community's own): lc_method (straight-line or network), lc_radius_m, lc_status (ok, unreachable, no geometry), lc_snap_m (distance to the network), lc_area_km2, lc_pop (the people who live inside the circle and share its facilities: point communities inside it, the share of polygon communities' people inside it, or a population raster's people inside it, counted exactly; NULL, not assessed, when no population source is given), n_&lt;category&gt; (facilities of each category inside, and n_other), shelter_m2 (shelter area inside; NULL, not assessed, where a shelter is in reach but no shelter-area field is given), shelter_pp (shelter_m2 / lc_pop), shelter_tgt (the profile's target per person), shelter_ok, missing and missing_zh (required categories the circle lacks; a|b means either), lc_pass (1 when nothing is missing and the shelter target is met; NULL where only the shelter per person is not assessed), clauses.

Coverage (optional): all circles dissolved into one layer, to show the parts of each street/town unit that no circle covers.</source>
        <translation>为每个社区或村庄绘制韧性社村生活圈，并按规划检查圈内设施：1000—1500米范围的生活圈（第12、53条）应具备避难空间（避难场所、公园、学校操场）、消防与警务、医疗以及超市、菜站、药店等生活物资供应（第54、55条），并有足够的人均避难面积。

不提供路网时，生活圈为直线距离缓冲区。提供步行网络时，生活圈为沿网络在该距离内可达的范围：社区在捕捉容差内连接到网络上最近的点（距离相同时连接所有最近点）；距离内可达的每条边都保留，部分可达的边在精确位置截断，再将可达线路按半宽缓冲成面。步行距离从该连接点起沿网络计算。生活圈内任何一点沿网络到社区的距离都不超过“距离 + 半宽”。容差内没有网络的社区予以保留并标记为“unreachable（不可达）”。网络只构建一次，每个社区只在该距离内搜索；未打断的网络先在交叉处打断（写入日志）。

以米为单位计算：地理坐标输入会重投影到当地的 CGCS2000 高斯—克吕格投影带（中国以外用 UTM），输出也采用该坐标系。面状社区在直线模式下按面缓冲，在网络模式下从面内一点出发。设施类别按配置中的代码及中英文名称匹配，其他类别计入“other（其他）”并列在日志中。

输出字段（排在社区原有字段之后）：lc_method（直线或网络）、lc_radius_m（半径）、lc_status（ok、unreachable、no geometry）、lc_snap_m（到网络的距离）、lc_area_km2（面积）、lc_pop（住在圈内、共享圈内设施的人口：圈内的点状社区、面状社区落在圈内部分的人口，或圈内的人口栅格人口，均精确统计；未提供人口来源时为 NULL，即未评估）、n_&lt;类别&gt;（圈内各类设施数量，另有 n_other）、shelter_m2（圈内避难面积；圈内有避难场所但未提供避难面积字段时为 NULL，即未评估）、shelter_pp（shelter_m2 / lc_pop）、shelter_tgt（配置中的人均目标）、shelter_ok（是否达标）、missing 与 missing_zh（生活圈缺少的必备类别；a|b 表示二者之一即可）、lc_pass（无缺项且避难面积达标时为 1；仅人均避难面积未评估时为 NULL）、clauses（规划条款）。

覆盖范围（可选）：把所有生活圈融合为一个图层，显示各街镇单元中未被任何生活圈覆盖的部分。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="62"/>
        <source>A community with no circle (lc_status unreachable or no geometry) is not assessed: its lc_pop, counts, shelter fields, missing categories and lc_pass are NULL, never 0 or a fail. Without a facilities layer, every circle&apos;s counts, shelter fields, missing categories and lc_pass are NULL.</source>
        <translation>没有生活圈的社区（lc_status 为 unreachable 或 no geometry）不参与评价：其 lc_pop、各类计数、避难场所字段、缺项类别和 lc_pass 均为空值（NULL），绝不记为 0 或不达标。未给出设施图层时，所有生活圈的各类计数、避难场所字段、缺项类别和 lc_pass 均为空值（NULL）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="62"/>
        <source>Where the circles&apos; people come from the population field, a community whose population is empty or unreadable is named in the log, and every circle that reaches it has lc_pop, shelter_pp and shelter_ok NULL: its people are not counted as 0. Likewise a shelter whose area is empty or unreadable: every circle that reaches it has shelter_m2, shelter_pp and shelter_ok NULL.</source>
        <translation>生活圈人口取自人口字段时，人口为空或无法读取的社区在日志中列出；凡覆盖到它的生活圈，其 lc_pop、shelter_pp 与 shelter_ok 均为空值（NULL）：其人口不按 0 计。面积为空或无法读取的避难场所同理：凡覆盖到它的生活圈，其 shelter_m2、shelter_pp 与 shelter_ok 均为空值（NULL）。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="32"/>
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41"/>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="47"/>
        <source>Double-click a value to edit it (JSON for lists and tables). Confidence C marks values recalled from a standard and not confirmed: check them before relying on them.</source>
        <translation>双击数值即可编辑（列表和表格请用 JSON 格式）。可信度 C 表示凭记忆引用、尚未核实的标准数值：使用前请核对原文。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="57"/>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="58"/>
        <source>Save copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="59"/>
        <source>Use for new runs</source>
        <translation>用于新的运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="60"/>
        <source>Built-in profile</source>
        <translation>内置配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="79"/>
        <source>Profile not loaded</source>
        <translation>配置未加载</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="108"/>
        <source>&apos;{0}&apos; is not valid JSON</source>
        <translation>“{0}”不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="129"/>
        <source>Profile not saved</source>
        <translation>配置未保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="119"/>
        <source>Save plan profile</source>
        <translation>保存规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="135"/>
        <source>Plan profile (*.json)</source>
        <translation>规划参数配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="132"/>
        <source>Profile saved</source>
        <translation>配置已保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="135"/>
        <source>Load plan profile</source>
        <translation>加载规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146"/>
        <source>New runs use: {0}</source>
        <translation>新的运行将使用：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146"/>
        <source>the built-in profile</source>
        <translation>内置配置</translation>
    </message>
</context>
<context>
    <name>ProfileTableAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="27"/>
        <source>Plan profile table</source>
        <translation>规划参数表</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="30"/>
        <source>Checks a plan profile and writes every value in it as a table, with its unit, its source (a clause 第N条 of the Beijing Resilient City Spatial Special Plan 2022-2035, or a standard and its clause) and how confident that source is. Attach the table to a report as the record of the numbers an analysis used.

Plan profile: a profile file (JSON). Leave it empty for the built-in Beijing profile. A broken profile stops the run with a message naming the key at fault.

Output fields: key (dotted name of the value), value (the value, as JSON text), unit, source (plan clause or standard), confidence (A: clause text read; B: secondary source; C: recalled, unconfirmed, to be checked; plan: defined by the plan; assumption: a modelling convention).</source>
        <translation>检查规划参数配置，并把其中每个数值连同单位、依据（《北京市韧性城市空间专项规划（2022年—2035年）》第N条，或标准及其条款）和依据的可信度写成一张表。可将此表附在报告中，作为分析所用数值的记录。

规划参数配置：配置文件（JSON）。留空则使用内置的北京配置。配置有误时运行中止，提示信息指明出错的键。

输出字段：key（数值的点分名称）、value（数值，JSON 文本）、unit（单位）、source（规划条款或标准）、confidence（A：已读到条文原文；B：二手来源；C：凭记忆引用、未核实、待核对；plan：规划文本自身规定；assumption：建模约定）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="44"/>
        <source>Profile values</source>
        <translation>配置数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="45"/>
        <source>One row per profile value: key, value, unit, source and confidence.</source>
        <translation>每个配置数值一行：键、数值、单位、依据和可信度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="47"/>
        <source>Profile id</source>
        <translation>配置标识</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="55"/>
        <source>Plan profile: {0} ({1})</source>
        <translation>规划参数配置：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="874"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="114"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Cluster</source>
        <translation>组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="143"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="118"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="119"/>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="120"/>
        <source>Hazard</source>
        <translation>致灾因子</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="121"/>
        <source>Vulnerability</source>
        <translation>承灾体脆弱性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="122"/>
        <source>Capacity</source>
        <translation>救灾能力</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="144"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="145"/>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="146"/>
        <source>Districts</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="147"/>
        <source>Lifeline fit: water</source>
        <translation>生命线契合度：供水</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="148"/>
        <source>Lifeline fit: power</source>
        <translation>生命线契合度：供电</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="149"/>
        <source>Lifeline fit: gas</source>
        <translation>生命线契合度：供气</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="150"/>
        <source>Compactness (4πA/P²)</source>
        <translation>紧凑度（4πA/P²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="151"/>
        <source>Missing 第48条 facilities</source>
        <translation>缺少的第48条设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="152"/>
        <source>Shelter area per person (m²)</source>
        <translation>人均避难场所面积（m²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="153"/>
        <source>Shelter target per person (m²)</source>
        <translation>人均避难场所面积目标（m²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="154"/>
        <source>Beds per 1,000 people</source>
        <translation>千人床位数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="155"/>
        <source>Beds target per 1,000</source>
        <translation>千人床位目标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="156"/>
        <source>Share in fault avoidance zones</source>
        <translation>位于断裂避让带内的比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="157"/>
        <source>Share in flood-risk zones</source>
        <translation>位于洪涝风险区内的比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="158"/>
        <source>Geological hazard points</source>
        <translation>地质灾害点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="159"/>
        <source>Reserve capacity (person-days)</source>
        <translation>储备能力（人·天）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="160"/>
        <source>Reserve need, 3 days (person-days)</source>
        <translation>三天储备需求（人·天）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="161"/>
        <source>Mutual aid with</source>
        <translation>互助组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="244"/>
        <source>Resilience assessment report</source>
        <translation>韧性评估报告</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="273"/>
        <source>{0} pages: title, {1} clusters, {2} units</source>
        <translation>共 {0} 页：标题页、{1} 个组团、{2} 个单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="260"/>
        <source>The PDF could not be written to {0}.</source>
        <translation>无法写出 PDF：{0}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="428"/>
        <source>Made on</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="429"/>
        <source>Resilience Planner</source>
        <translation>韧性规划工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="430"/>
        <source>QGIS</source>
        <translation>QGIS</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="431"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="432"/>
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="437"/>
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="606"/>
        <source>Clusters</source>
        <translation>韧性城市组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="521"/>
        <source>Report pages</source>
        <translation>报告页面</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="504"/>
        <source>Report rows</source>
        <translation>报告表格行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="591"/>
        <source>Risk score</source>
        <translation>风险得分</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="743"/>
        <source>Resilience Planner {0} · {1} · sheet {2}</source>
        <translation>韧性规划工具 {0} · {1} · 第 {2} 张</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="801"/>
        <source>Risk score (0–10)</source>
        <translation>风险得分（0–10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="806"/>
        <source>Provenance</source>
        <translation>数据来源与版本</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="824"/>
        <source>Plan profile values used</source>
        <translation>所用规划参数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="825"/>
        <source>Key</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="825"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="825"/>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="846"/>
        <source>Plan profile values used (continued)</source>
        <translation>所用规划参数（续）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="862"/>
        <source>Cluster measure (第47–49条)</source>
        <translation>组团指标（第47–49条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="873"/>
        <source>Units of this cluster, by rank (第50–52条)</source>
        <translation>本组团的单元（按排名，第50–52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="874"/>
        <source>Type (第52条)</source>
        <translation>类型（第52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Score 0–10</source>
        <translation>得分 0–10</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Met</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="906"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="925"/>
        <source>Measures (第52条)</source>
        <translation>对策措施（第52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="426"/>
        <source>edited in the dock, not saved</source>
        <translation>在评分卡中修改，未保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="777"/>
        <source>Street/town units (第50–52条) and resilience clusters (第47–49条), scored on hazard, vulnerability and capacity (第51条).</source>
        <translation>韧性街镇单元（第50–52条）与韧性城市组团（第47–49条），按危险性、脆弱性和应对能力评分（第51条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="221"/>
        <source>Layer &apos;{0}&apos; has no features.</source>
        <translation>图层“{0}”没有要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="305"/>
        <source>Layer &apos;{0}&apos;: cluster {1} cannot be moved into the units&apos; CRS.</source>
        <translation>图层“{0}”：组团 {1} 无法转换到单元图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1305"/>
        <source>The report&apos;s layers could not be set up.</source>
        <translation>无法准备报告所需的图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="294"/>
        <source>Layer &apos;{0}&apos; has no cluster_id field: give the clusters of &apos;Resilience clusters&apos; (resilience:clusters).</source>
        <translation>图层“{0}”没有 cluster_id 字段：请输入“韧性城市组团”（resilience:clusters）输出的组团。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="123"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>People cut off</source>
        <translation>被切断人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="125"/>
        <source>Units cut off</source>
        <translation>被切断的单元数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="126"/>
        <source>Links lost</source>
        <translation>失去的联系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="127"/>
        <source>lost</source>
        <translation>失去</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="128"/>
        <source>longer</source>
        <translation>变远</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Units that lose an essential facility (第48、65条)</source>
        <translation>失去必需设施的单元（第48、65条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Lost</source>
        <translation>失去</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>People</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Clusters no longer reached</source>
        <translation>不再能到达的组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Critical sections in this cluster (第44、62、65条)</source>
        <translation>本组团内的关键路段（第44、62、65条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>People on routes</source>
        <translation>路线经过的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Links to other clusters lost or longer (第48条)</source>
        <translation>与其他组团失去或变远的联系（第48条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Route before (m)</source>
        <translation>失效前路线（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Route after (m)</source>
        <translation>失效后路线（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="933"/>
        <source>Link</source>
        <translation>联系</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="408"/>
        <source>The PDF's text layer was left as written: some Chinese characters may search and copy as radicals (⾼ for 高) ({0}).</source>
        <translation>PDF 的文字层未作修正：部分汉字在搜索和复制时可能显示为部首字符（如“⾼”代替“高”）（{0}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1131"/>
        <source>Active faults (第86条)</source>
        <translation>活动断裂（第86条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="129"/>
        <source>Emergency transfer (第84条)</source>
        <translation>避险转移（第84条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="130"/>
        <source>People at risk</source>
        <translation>需转移人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Placed</source>
        <translation>已安置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Without a place</source>
        <translation>无安置位置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>People at risk and without a place (第84条)</source>
        <translation>需转移及无安置位置人口（第84条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Community or unit</source>
        <translation>社区或单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>At risk</source>
        <translation>需转移</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Fullest shelters (第84、91条)</source>
        <translation>负荷最高的避难场所（第84、91条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Shelter</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Places</source>
        <translation>位置数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Share used</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Sections that take longest to clear (第33、84条)</source>
        <translation>通过耗时最长的路段（第33、84条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="1038"/>
        <source>Minutes to pass</source>
        <translation>通过分钟数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/report/atlas.py" line="343"/>
        <source>The plan profile&apos;s values do not fit on {0} pages of the report: shorten its longest texts (a value&apos;s source, for one).</source>
        <translation>规划参数配置的数值在报告中 {0} 页内排不下：请缩短其中最长的文字（例如某个数值的出处）。</translation>
    </message>
</context>
<context>
    <name>Resilience</name>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="170"/>
        <source>Sample city (synthetic, schematic)</source>
        <translation>示例城市（合成、示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="61"/>
        <source>Resilience Planner</source>
        <translation>韧性城市规划工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="64"/>
        <source>Resilience Planner (Beijing resilient city plan 2022-2035)</source>
        <translation>韧性城市规划工具（北京市韧性城市空间专项规划 2022—2035）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/__init__.py" line="11"/>
        <source>Plan profile and sample data</source>
        <translation>规划参数与示例数据</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="32"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="33"/>
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="34"/>
        <source>Communities and villages</source>
        <translation>社区与村庄</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="35"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="36"/>
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="37"/>
        <source>Emergency corridors</source>
        <translation>应急疏散救援通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="38"/>
        <source>Active faults (schematic)</source>
        <translation>活动断裂（示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="39"/>
        <source>Water supply zones</source>
        <translation>供水分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="40"/>
        <source>Power supply zones</source>
        <translation>供电分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="41"/>
        <source>Gas supply zones</source>
        <translation>燃气分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="42"/>
        <source>Flood-risk zones</source>
        <translation>洪涝风险区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="43"/>
        <source>Geological hazard points</source>
        <translation>地质灾害隐患点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="44"/>
        <source>Greenbelts</source>
        <translation>绿化隔离地区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="45"/>
        <source>Rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="125"/>
        <source>Grade 1 corridor</source>
        <translation>一级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="126"/>
        <source>Grade 2 corridor</source>
        <translation>二级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="127"/>
        <source>Grade 3 corridor</source>
        <translation>三级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="143"/>
        <source>High flood risk</source>
        <translation>洪涝高风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="144"/>
        <source>Medium flood risk</source>
        <translation>洪涝中风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="149"/>
        <source>Low flood risk</source>
        <translation>洪涝低风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/__init__.py" line="11"/>
        <source>Community life circles</source>
        <translation>韧性社村生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="91"/>
        <source>{0}: {1} invalid geometry(ies) repaired with make-valid.</source>
        <translation>{0}：{1} 个无效几何已用 make-valid 修复。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="99"/>
        <source>{0}: {1} geometry(ies) could not be reprojected and were left out.</source>
        <translation>{0}：{1} 个几何无法重投影，已略去。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="131"/>
        <source>Layer '{0}' has no coordinate reference system. Set its CRS (Layer Properties › Source) and run again.</source>
        <translation>图层“{0}”没有坐标参考系。请设置其坐标系（图层属性 › 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="178"/>
        <source>Layer &apos;{0}&apos; is in geographic coordinates ({1}); working in EPSG:{2} ({3}), in metres.</source>
        <translation>图层“{0}”为地理坐标（{1}）；改在 EPSG:{2}（{3}）中以米为单位计算。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="736"/>
        <source>{0}: layer &apos;{1}&apos; has no field &apos;{2}&apos;. Its fields are: {3}.</source>
        <translation>{0}：图层“{1}”没有字段“{2}”。该图层的字段为：{3}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="75"/>
        <source>Passes the checklist (第54、55条)</source>
        <translation>通过核查（第54、55条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="75"/>
        <source>Lacks facilities or shelter area</source>
        <translation>缺少设施或避难面积不足</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="456"/>
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="464"/>
        <source>A plan profile file (JSON). Empty: the built-in Beijing profile.</source>
        <translation>规划参数配置文件（JSON）。留空：使用内置北京配置。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="96"/>
        <source>High severity</source>
        <translation>高严重程度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="97"/>
        <source>Medium severity</source>
        <translation>中严重程度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="98"/>
        <source>Low severity</source>
        <translation>低严重程度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="118"/>
        <source>Not exposed</source>
        <translation>未暴露</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="143"/>
        <source>Inside the avoidance distance (第86条)</source>
        <translation>位于避让距离内（第86条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="143"/>
        <source>Class 甲: special study</source>
        <translation>甲类：需专门研究</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="143"/>
        <source>Class unknown</source>
        <translation>类别未知</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="143"/>
        <source>Outside the avoidance distance</source>
        <translation>位于避让距离外</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="514"/>
        <source>{0}: layer &apos;{1}&apos; has no field &apos;{2}&apos;; not used.</source>
        <translation>{0}：图层“{1}”没有字段“{2}”，不使用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="930"/>
        <source>Layer &apos;{0}&apos; has no features.</source>
        <translation>图层“{0}”没有要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="934"/>
        <source>{0}: layer &apos;{1}&apos; holds {2}; {3} expected.</source>
        <translation>{0}：图层“{1}”为 {2}，应为 {3}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="1074"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="1075"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="1076"/>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/corridor_failure.py" line="88"/>
        <source>Corridors and faults</source>
        <translation>通道与断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="95"/>
        <source>{0}: {1} curved geometry(ies) converted to straight segments.</source>
        <translation>{0}：{1} 个曲线几何已转换为直线段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="614"/>
        <source>{0}: {1} line(s) of zero length left out (feature ids {2}).</source>
        <translation>{0}：{1} 条长度为零的线已剔除（要素编号 {2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="66"/>
        <source>Corridors</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="75"/>
        <source>Corridor name field</source>
        <translation>通道名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="46"/>
        <source>Optional field with the corridor&apos;s name.</source>
        <translation>可选：通道名称字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="78"/>
        <source>Corridor grade field</source>
        <translation>通道等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="51"/>
        <source>Optional field with the grade: 1, 2, 3 (or 一级/二级/三级).</source>
        <translation>可选：等级字段，取值 1、2、3（或 一级/二级/三级）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="85"/>
        <source>Active faults</source>
        <translation>活动断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="56"/>
        <source>Active faults and ground fissures (lines) (第86条).</source>
        <translation>活动断裂及地裂缝（线）（第86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="58"/>
        <source>Fault name field</source>
        <translation>断裂名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="61"/>
        <source>Optional field with the fault&apos;s name.</source>
        <translation>可选：断裂名称字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/corridors/__init__.py" line="99"/>
        <source>Layer &apos;{0}&apos; has no usable fault lines.</source>
        <translation>图层“{0}”没有可用的断裂线。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/clusters/__init__.py" line="11"/>
        <source>Resilience clusters</source>
        <translation>韧性城市组团</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="867"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="24"/>
        <source>Optional active faults (第86条).</source>
        <translation>可选：活动断裂（第86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="28"/>
        <source>Fault avoidance distance (m)</source>
        <translation>断裂避让距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="28"/>
        <source>Half-width of the fault avoidance zone (GB 50011 §4.1.7).</source>
        <translation>断裂避让区半宽（GB 50011 第4.1.7条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="38"/>
        <source>Optional flood-risk or waterlogging zones.</source>
        <translation>可选：洪涝风险区或易积水区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="44"/>
        <source>Flood class field</source>
        <translation>洪涝风险等级字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="54"/>
        <source>Optional geological-hazard points.</source>
        <translation>可选：地质灾害点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/reports/__init__.py" line="11"/>
        <source>Reports</source>
        <translation>成果报告</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="849"/>
        <source>Field &apos;fid&apos; has duplicate or non-integer values; the output numbers its features anew.</source>
        <translation>字段 fid 存在重复值或非整数值；输出要素将重新编号。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="203"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="429"/>
        <source>Could not remove the partial output {0}: {1}</source>
        <translation>无法删除未完成的输出 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="564"/>
        <source>{0}: could not open {1}.</source>
        <translation>{0}：无法打开 {1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="266"/>
        <source>This run needs about {0:,.0f} MB of memory, above this tool&apos;s ceiling of {1:,.0f} MB (measured at Beijing scale). It may be slow or run out of memory: consider running it district by district.</source>
        <translation>本次运行约需 {0:,.0f} MB 内存，超过本工具 {1:,.0f} MB 的上限（按北京全市规模实测）。运行可能很慢或内存不足：建议按区分别运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="275"/>
        <source>This run needs about {0:,.0f} MB of memory and only {1:,.0f} MB is free: close other programs, or run it on a smaller area.</source>
        <translation>本次运行约需 {0:,.0f} MB 内存，而可用内存仅 {1:,.0f} MB：请关闭其他程序，或缩小运行范围。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="299"/>
        <source>Layer &apos;{0}&apos; reports {1} feature(s) but none could be read: its file or database may be unreachable, or Processing&apos;s invalid-geometry setting skipped them all.</source>
        <translation>图层“{0}”显示有 {1} 个要素，但一个也无法读取：其文件或数据库可能无法访问，或处理工具的无效几何设置跳过了全部要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="307"/>
        <source>Layer &apos;{0}&apos; reports {1} feature(s) but {2} were read. Its count may be an estimate (PostGIS), Processing may have skipped invalid geometries, or QGIS 3.22 may not know the count of a filtered GeoPackage layer: check the layer.</source>
        <translation>图层“{0}”显示有 {1} 个要素，但读取到 {2} 个。其计数可能是估计值（PostGIS），处理工具可能跳过了无效几何，或 QGIS 3.22 不知道已筛选的 GeoPackage 图层的要素数：请检查该图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="202"/>
        <source>{0} risk ({1:g}–{2:g})</source>
        <translation>{0}风险（{1:g}–{2:g}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="230"/>
        <source>&apos;{0}&apos; and &apos;{1}&apos; are both layer &apos;{2}&apos;: choose the right layer for each.</source>
        <translation>“{0}”和“{1}”都是图层“{2}”：请分别选择正确的图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="501"/>
        <source>{0}: took field &apos;{1}&apos; of layer &apos;{2}&apos;.</source>
        <translation>{0}：采用图层“{2}”的字段“{1}”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="508"/>
        <source>{0}: layer &apos;{1}&apos; has no field that looks like one; not used. Its fields are: {2}.</source>
        <translation>{0}：图层“{1}”中没有看起来符合的字段，不使用。其字段为：{2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="833"/>
        <source>Facility label mapping (label=category;…)</source>
        <translation>设施标签映射（标签=类别;…）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="836"/>
        <source>Your own labels, mapped before the profile's rules: label=category pairs separated by ';', for example '大型避难场所=long_term_shelter;微型站=other'. The category is a profile code, or its English or Chinese name; 'other' counts a label as none of them. Empty: the profile's labels (Amap, OSM, government lists) only.</source>
        <translation>您自己的标签，先于规划配置的规则映射：“标签=类别”，各对之间用“;”分隔，例如“大型避难场所=long_term_shelter;微型站=other”。类别为规划配置中的代码，或其英文、中文名称；“other”（其他）表示不属于任何类别。留空：只用规划配置中的标签（高德、OSM、政府名录）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="871"/>
        <source>Choose the field of layer &apos;{0}&apos; that holds the facility category. Its fields are: {1}.</source>
        <translation>请选择图层“{0}”中存放设施类别的字段。其字段为：{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="879"/>
        <source>Facility label mapping: {0}</source>
        <translation>设施标签映射：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="899"/>
        <source>{0}: facility categories read from the OpenStreetMap tag fields {1}.</source>
        <translation>{0}：设施类别取自 OpenStreetMap 标签字段 {1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="996"/>
        <source>{0}, field &apos;{1}&apos;: {2} of {3} facilities have a category label that no rule knows, for example {4}. Map them with the parameter &apos;Facility label mapping&apos;, for example &apos;{5}&apos; with a category code in place of each ?, choose another category field, or add the labels to the profile (facility_labels). Known categories: {6}.</source>
        <translation>{0} 的字段“{1}”：{3} 个设施中有 {2} 个的类别标签没有规则能识别，例如 {4}。请用参数“设施标签映射”映射它们，例如“{5}”，把每个 ? 换成类别代码；或选择另一个类别字段；或把这些标签加入规划配置（facility_labels）。可用类别：{6}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="1019"/>
        <source>{0}: facility labels mapped to categories:</source>
        <translation>{0}：设施标签与类别的对应：</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="83"/>
        <source>{0}: {1} feature(s) without geometry, kept in the output and flagged (feature ids {2}).</source>
        <translation>{0}：{1} 个要素没有几何，已保留在输出中并加以标记（要素编号 {2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="117"/>
        <source>{0}: {1} degenerate geometry(ies) (a one-vertex line, a ring of fewer than four points, NaN or infinite coordinates, zero length or zero area) treated as no geometry (feature ids {2}).</source>
        <translation>{0}：{1} 个退化几何（只有一个顶点的线、少于四个点的环、NaN 或无穷坐标、长度或面积为零）按无几何处理（要素编号 {2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="684"/>
        <source>empty values</source>
        <translation>空值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="685"/>
        <source>{0}, field '{1}': {2} of {3} value(s) cannot be read as numbers ({4:.0%}), for example {5} (feature ids {6}). Numbers may be written 1234, 1,234, 12万, 3.5万, 1,234人, 约5948 or 5948（2020年）. Correct those values, or choose another field.</source>
        <translation>{0} 的字段“{1}”：{3} 个值中有 {2} 个无法读作数字（{4:.0%}），例如 {5}（要素编号 {6}）。数字可写作 1234、1,234、12万、3.5万、1,234人、约5948 或 5948（2020年）。请更正这些值，或选择另一个字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="701"/>
        <source>{0}, field &apos;{1}&apos;: {2} value(s) empty, not a number or negative, counted as 0 (feature ids {3}).</source>
        <translation>{0} 的字段“{1}”：{2} 个值为空、非数字或为负，按 0 计（要素编号 {3}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="1021"/>
        <source>{0}: {1} facility(ies) with labels that no rule knows, counted as 'other': {2}. To map them, use the parameter 'Facility label mapping', for example '{3}'. The categories are {4}; each is known by its code, its names and the labels of the profile (facility_labels), such as 应急避难场所, 消防救援站, 公安派出所 or Amap and OSM labels.</source>
        <translation>{0}：{1} 个设施的标签没有规则能识别，计为“其他”：{2}。如需映射，请使用参数“设施标签映射”，例如“{3}”。可用类别为 {4}；每个类别可按其代码、名称以及规划配置中的标签（facility_labels）识别，例如 应急避难场所、消防救援站、公安派出所，以及高德和 OSM 标签。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="979"/>
        <source>Layer &apos;{0}&apos; looks like an {1} export: such coordinates are hundreds of metres off WGS84, whatever CRS the layer claims. Unless it was converted already, convert it first with &apos;Convert Chinese web-map coordinates&apos; (resilience:chinacoords).</source>
        <translation>图层“{0}”看起来是{1}导出的数据：无论图层声明何种坐标系，这类坐标与 WGS84 相差数百米。若尚未转换，请先用“国内网络地图坐标转换”（resilience:chinacoords）转换。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="44"/>
        <source>Optional risk class, weighted by the profile: 1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ or high/medium/low, the highest first. Empty: the field named like a class (风险等级, risk_class …).</source>
        <translation>可选的风险等级，按规划配置加权：1/2/3、高/中/低、一级/二级/三级、Ⅰ/Ⅱ/Ⅲ 或 high/medium/low，最高的在前。留空：取名称像等级的字段（风险等级、risk_class 等）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="102"/>
        <source>Flood-risk class values that say no class 1/2/3 (高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ, high/medium/low), weighed as the highest: {0}.</source>
        <translation>以下洪涝风险等级值无法识别为 1/2/3 级（高/中/低、一级/二级/三级、Ⅰ/Ⅱ/Ⅲ、high/medium/low），按最高等级加权：{0}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="97"/>
        <source>Facility siting</source>
        <translation>设施补短板选址</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="261"/>
        <source>Served by a new site</source>
        <translation>由新增场地服务</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="262"/>
        <source>Served by an existing facility</source>
        <translation>由现有设施服务</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="263"/>
        <source>Not served within reach</source>
        <translation>服务范围内无设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="289"/>
        <source>Loses an essential facility</source>
        <translation>失去一类必需设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="291"/>
        <source>Longer way to one</source>
        <translation>到某类设施的路变远</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="292"/>
        <source>Access kept</source>
        <translation>可达性保持</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="293"/>
        <source>Not on the network</source>
        <translation>未接入路网</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="309"/>
        <source>Cuts people off</source>
        <translation>切断人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="309"/>
        <source>Carries routes to essential facilities</source>
        <translation>承载通往必需设施的路线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="340"/>
        <source>Link kept</source>
        <translation>联系保持</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="341"/>
        <source>Link longer</source>
        <translation>联系变远</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="342"/>
        <source>Link lost</source>
        <translation>联系失去</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="343"/>
        <source>No route before</source>
        <translation>原本无路线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="641"/>
        <source>Active faults: layer &apos;{0}&apos; must hold lines.</source>
        <translation>活动断裂：图层“{0}”须为线图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="71"/>
        <source>Could not open the output {0} to write to it.</source>
        <translation>无法打开输出 {0} 以写入。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="663"/>
        <source>Population raster</source>
        <translation>人口栅格</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="664"/>
        <source>Optional population grid (WorldPop, GHSL, LandScan, a city grid): people are counted from it, each cell with the share of its area inside, where no population field is given; with a field on polygons, it says where inside each polygon the people live.</source>
        <translation>可选的人口格网（WorldPop、GHSL、LandScan 或城市格网人口）：未提供人口字段时，按每个像元落在范围内的面积占比从中统计人口；面状数据提供了人口字段时，用它确定人口在面内的分布。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="673"/>
        <source>Raster values are</source>
        <translation>栅格值为</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="679"/>
        <source>People per cell, or people per km² (multiplied by each cell's area).</source>
        <translation>每像元人数，或每平方公里人数（乘以各像元面积）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="681"/>
        <source>Residential land</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="684"/>
        <source>Optional residential land (居住用地) or building polygons: a polygon's people are spread over its residential part only (dasymetric); without it, evenly over its area.</source>
        <translation>可选的居住用地或建筑面：面的人口只分摊到其中的居住部分（分区密度法）；不提供时按面积均匀分摊。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/__init__.py" line="11"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="61"/>
        <source>The population raster could not be opened.</source>
        <translation>无法打开人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="63"/>
        <source>Raster &apos;{0}&apos; is not a file GDAL reads (provider {1}): save it as a GeoTIFF first.</source>
        <translation>栅格“{0}”不是 GDAL 可读的文件（数据提供者 {1}）：请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="80"/>
        <source>Could not open raster &apos;{0}&apos;: {1}</source>
        <translation>无法打开栅格“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="82"/>
        <source>Raster &apos;{0}&apos; has {1} band(s): band {2} does not exist.</source>
        <translation>栅格“{0}”有 {1} 个波段：波段 {2} 不存在。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="12"/>
        <source>People per cell (WorldPop ppp, GHSL POP, LandScan)</source>
        <translation>每像元人数（WorldPop ppp、GHSL POP、LandScan）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="12"/>
        <source>People per km² (density grids, WorldPop pd)</source>
        <translation>每平方公里人数（密度格网，WorldPop pd）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="290"/>
        <source>Some of its people lose one</source>
        <translation>部分人口失去某类设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="704"/>
        <source>Layer &apos;{0}&apos;: {1} feature(s) have no population raster data under them (numbers {2}); give a population field, or a raster that covers them.</source>
        <translation>图层“{0}”：{1} 个要素下没有人口栅格数据（序号 {2}）；请提供人口字段，或覆盖这些要素的栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="711"/>
        <source>Population of each feature of &apos;{0}&apos; from raster &apos;{1}&apos;: {2}; {3:,.0f} people in all.</source>
        <translation>“{0}”各要素的人口取自栅格“{1}”：{2}；合计 {3:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/rasters.py" line="92"/>
        <source>Raster '{0}' is in {1}, whose units are not metres: people per km² cannot be turned into people per cell. Warp it to a CRS in metres, or to longitude/latitude.</source>
        <translation>栅格“{0}”的坐标系 {1} 单位不是米：无法把每平方公里人数换算为每像元人数。请重投影到以米为单位的坐标系或经纬度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="230"/>
        <source>{0:,.0f}–{1:,.0f} people per km²</source>
        <translation>每平方公里 {0:,.0f}–{1:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="294"/>
        <source>Not assessed (no population data)</source>
        <translation>未评估（无人口数据）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="698"/>
        <source>{0}, field &apos;{1}&apos;: {2} value(s) empty, not a number or negative: not assessed (feature ids {3}).</source>
        <translation>{0} 的字段“{1}”：{2} 个值为空、非数字或为负：不予评估（要素编号 {3}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="220"/>
        <source>Layer &apos;{0}&apos; could not be read whole: after {1} feature(s), GDAL reported &quot;{2}&quot;. The file may be damaged: restore it from a copy, or repair it (for a GeoPackage: ogr2ogr -f GPKG repaired.gpkg damaged.gpkg, then check what was lost). Nothing was computed from a part of it.</source>
        <translation>图层“{0}”未能完整读取：读到 {1} 个要素后，GDAL 报告“{2}”。文件可能已损坏：请从备份恢复，或修复后再用（GeoPackage 可用 ogr2ogr -f GPKG repaired.gpkg damaged.gpkg，并核对丢失了什么）。没有用其中一部分计算任何结果。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="374"/>
        <source>Could not write the output {0}: {1}. Nothing of it was kept.</source>
        <translation>无法写入输出 {0}：{1}。已写的部分均未保留。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="395"/>
        <source>The output {0} could not be written: it cannot be opened after writing. {1}</source>
        <translation>输出 {0} 未能写成：写完后无法打开。{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="398"/>
        <source>The output {0} holds {1} of the {2} feature(s) written. {3}</source>
        <translation>输出 {0} 只有写入的 {2} 个要素中的 {1} 个。{3}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="400"/>
        <source>The output {0} may be incomplete: GDAL reported &quot;{1}&quot;.</source>
        <translation>输出 {0} 可能不完整：GDAL 报告“{1}”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="153"/>
        <source>Layer '{0}' is in {1} (longitude, latitude) but its coordinates ({2}) cannot be: a latitude beyond ±90°. Longitude and latitude are most likely swapped (x holds the latitude). Swap them, e.g. when adding the table choose X field = longitude and Y field = latitude, and run again.</source>
        <translation>图层“{0}”的坐标系为 {1}（经度、纬度），但其坐标（{2}）不可能如此：纬度超出 ±90°。很可能经度和纬度填反了（x 中是纬度）。请对调后再运行，例如添加表格时选 X 字段 = 经度、Y 字段 = 纬度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="160"/>
        <source>Layer '{0}' is in {1} (longitude, latitude) but its coordinates ({2}) cannot be degrees: they are most likely metres of a projected CRS. Set the layer's real CRS (Layer Properties › Source) and run again.</source>
        <translation>图层“{0}”的坐标系为 {1}（经度、纬度），但其坐标（{2}）不可能是度数：很可能是投影坐标系的米。请设定图层真实的坐标系（图层属性 › 源）后再运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="312"/>
        <source>Output '{0}': '{1}' would be written as a file literally so named, not as table '{2}' of {3}. To write the table into that GeoPackage, choose “Save to GeoPackage…” in the output's menu (or give ogr:dbname='{3}' table=&quot;{2}&quot; (geom)).</source>
        <translation>输出“{0}”：“{1}”会被写成一个同名的文件，而不是 {3} 中的表“{2}”。要把该表写入这个 GeoPackage，请在输出的菜单中选择“保存到 GeoPackage…”（或填写 ogr:dbname='{3}' table=&quot;{2}&quot; (geom)）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="421"/>
        <source>its field names</source>
        <translation>其字段名</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="428"/>
        <source>its text values</source>
        <translation>其文本值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="437"/>
        <source>Layer '{0}': {1} are Chinese (UTF-8) text read as Latin-1: '{2}' reads as UTF-8 '{3}'. Set Layer Properties › Source › Data source encoding: UTF-8 (or put a .cpg file containing UTF-8 beside the .shp), and run again.</source>
        <translation>图层“{0}”：{1}是按 Latin-1 读出的中文（UTF-8）文本：“{2}”按 UTF-8 读为“{3}”。请在 图层属性 › 源 › 数据源编码 中选择 UTF-8（或在 .shp 旁放一个内容为 UTF-8 的 .cpg 文件）后再运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="443"/>
        <source>Layer '{0}': {1} are Chinese (GBK) text read with the wrong encoding: '{2}' reads as GBK '{3}'. Its encoding is not set (a Shapefile without a .cpg file). Set Layer Properties › Source › Data source encoding: GBK, or put a .cpg file containing 936 beside the .shp, and run again.</source>
        <translation>图层“{0}”：{1}是用错误编码读出的中文（GBK）文本：“{2}”按 GBK 读为“{3}”。该图层未设置编码（Shapefile 缺少 .cpg 文件）。请在 图层属性 › 源 › 数据源编码 中选择 GBK，或在 .shp 旁放一个内容为 936 的 .cpg 文件，然后再运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="449"/>
        <source>Layer '{0}': {1} hold replacement characters ('{2}'): the text was read in the wrong encoding and cannot be read back. For a Chinese Shapefile, set Layer Properties › Source › Data source encoding: GBK (or put a .cpg file containing 936 beside the .shp), and run again.</source>
        <translation>图层“{0}”：{1}含有替换字符（“{2}”）：文本是用错误编码读出的，已无法还原。中文 Shapefile 请在 图层属性 › 源 › 数据源编码 中选择 GBK（或在 .shp 旁放一个内容为 936 的 .cpg 文件）后再运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="194"/>
        <source>{0}: latest activity from field &apos;{1}&apos;: {2}.</source>
        <translation>{0}：最晚活动时代取自字段“{1}”：{2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="197"/>
        <source>Fault avoidance rule 'plan' (profile seismic.fault_avoidance_rule): every listed active fault is avoided (第86条 严格避让活动断裂).</source>
        <translation>断裂避让规则“plan”（配置 seismic.fault_avoidance_rule）：避让所列的每条活动断裂（第86条 严格避让活动断裂）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/hazards.py" line="208"/>
        <source>Fault avoidance rule 'code' (profile seismic.fault_avoidance_rule; GB 50011 §4.1.7): only Holocene faults at intensity VIII and above are avoided; {0} fault(s) need none and are left out: {1}.</source>
        <translation>断裂避让规则“code”（配置 seismic.fault_avoidance_rule；GB 50011 第4.1.7条）：只避让设防烈度 8 度及以上时的全新世活动断裂；{0} 条断裂无需避让，不予计入：{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/model.py" line="52"/>
        <source>Full resilience assessment</source>
        <translation>韧性综合评估</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/model.py" line="53"/>
        <source>Siting then rescoring</source>
        <translation>补短板选址后重新评估</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="71"/>
        <source>en</source>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/io.py" line="482"/>
        <source>Layer '{0}': {1} of its {2} feature(s) cannot be used ({3} could not be reprojected, {4} degenerate geometries), more than {5:.0%} of it (the profile's quality.left_out_max_share). Check the layer's CRS (Layer Properties › Source) and its geometries (Vector › Geometry Tools › Check Validity), and run again.</source>
        <translation>图层“{0}”：{2} 个要素中有 {1} 个无法使用（{3} 个无法重投影，{4} 个几何退化），超过 {5:.0%}（规划参数 quality.left_out_max_share）。请检查图层的坐标系（图层属性 › 源）和几何（矢量 › 几何工具 › 检查有效性）后再运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/__init__.py" line="11"/>
        <source>Emergency transfer</source>
        <translation>避险转移</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="393"/>
        <source>Everyone placed</source>
        <translation>全部安置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="393"/>
        <source>Some without a place</source>
        <translation>部分无安置位置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="393"/>
        <source>Nobody placed</source>
        <translation>无人安置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="407"/>
        <source>Full</source>
        <translation>已满</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="407"/>
        <source>Used, with room</source>
        <translation>已使用，仍有余量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="407"/>
        <source>Not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="407"/>
        <source>Excluded (in a hazard, or no capacity)</source>
        <translation>排除（位于灾害范围内或无容量）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="428"/>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="428"/>
        <source>Route (wider: more people)</source>
        <translation>路线（越宽人越多）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="455"/>
        <source>Every shelter in reach is full</source>
        <translation>可达避难场所已满</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="457"/>
        <source>Cut off by closed roads</source>
        <translation>道路中断无法到达</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="458"/>
        <source>No safe shelter within reach</source>
        <translation>可达范围内无安全避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="459"/>
        <source>No road nearby</source>
        <translation>附近无道路</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="461"/>
        <source>Without a place</source>
        <translation>无安置位置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="38"/>
        <source>People at risk: {0:,.0f}; placed in a shelter: {1:,.0f} ({2:.1%}); without a place: {3:,.0f}.</source>
        <translation>需转移人口：{0:,.0f}；已安置：{1:,.0f}（{2:.1%}）；无安置位置：{3:,.0f}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="44"/>
        <source>Nobody is inside the hazard given: nobody needs to move.</source>
        <translation>所给灾害范围内无人：无需转移。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="50"/>
        <source>  {0:,.0f} people without a place: {1}.</source>
        <translation>  {0:,.0f} 人无安置位置：{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="54"/>
        <source>along the network</source>
        <translation>沿路网</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="54"/>
        <source>as the crow flies (no network)</source>
        <translation>直线（无路网）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="55"/>
        <source>Distance {0}: mean {1:,.0f} m, 95th percentile {2:,.0f} m, maximum {3:,.0f} m.</source>
        <translation>转移距离（{0}）：平均 {1:,.0f} 米，95% 分位 {2:,.0f} 米，最大 {3:,.0f} 米。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="58"/>
        <source>Travel time: mean {0:.1f} min, 95th percentile {1:.1f} min, maximum {2:.1f} min.</source>
        <translation>转移时间：平均 {0:.1f} 分钟，95% 分位 {1:.1f} 分钟，最大 {2:.1f} 分钟。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="61"/>
        <source>Clearance time, a static estimate (the longest trip plus the queue at the worst section; no congestion dynamics): {0:.0f} min.</source>
        <translation>转移完成时间（静态估计：最长行程加最拥堵路段的排队时间，不含拥堵动态）：{0:.0f} 分钟。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="71"/>
        <source>Solved exactly ({0}): {1:,.0f} person-minutes in all, proven optimal.</source>
        <translation>精确求解（{0}）：共 {1:,.0f} 人·分钟，已证明最优。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="99"/>
        <source>{0} shelter(s) are not used: inside a hazard or of no known capacity (see Shelters: load).</source>
        <translation>{0} 处避难场所未使用：位于灾害范围内或容量未知（见“避难场所：负荷”）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="108"/>
        <source>The fullest shelters (add shelter places near them, 第84、91条):</source>
        <translation>负荷最高的避难场所（应在其附近增加避难位置，第84、91条）：</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="110"/>
        <source>  {0}: {1:,.0f} of {2:,.0f} places ({3:.0%}).</source>
        <translation>  {0}：{1:,.0f} / {2:,.0f} 个位置（{3:.0%}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="119"/>
        <source>a shelter&apos;s link</source>
        <translation>避难场所连接线</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="140"/>
        <source>Sections that take longest to clear (a bottleneck: over {0:g} min; open a parallel link or widen it, 第33、84条):</source>
        <translation>通行耗时最长的路段（超过 {0:g} 分钟为瓶颈；应打通平行道路或拓宽，第33、84条）：</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="148"/>
        <source>, a bottleneck</source>
        <translation>，瓶颈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="406"/>
        <source>Feature id</source>
        <translation>要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="406"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>People at risk</source>
        <translation>需转移人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="267"/>
        <source>People placed</source>
        <translation>已安置人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="406"/>
        <source>People without a place</source>
        <translation>无安置位置人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Share placed</source>
        <translation>安置比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Shelters (people)</source>
        <translation>避难场所（人数）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Number of shelters</source>
        <translation>避难场所数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Mean distance (m)</source>
        <translation>平均距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Mean travel time (min)</source>
        <translation>平均转移时间（分钟）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Longest travel time (min)</source>
        <translation>最长转移时间（分钟）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Hazards</source>
        <translation>灾害</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Why some have no place</source>
        <translation>无安置位置原因</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="200"/>
        <source>Why some have no place (Chinese)</source>
        <translation>无安置位置原因（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="263"/>
        <source>Shelter class (profile code)</source>
        <translation>避难场所类别（配置代码）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="264"/>
        <source>Shelter class (Chinese)</source>
        <translation>避难场所类别（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="265"/>
        <source>Reach (m)</source>
        <translation>服务距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="266"/>
        <source>Capacity (persons)</source>
        <translation>容量（人）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="268"/>
        <source>Utilisation</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="269"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="271"/>
        <source>Why not used</source>
        <translation>未使用原因</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Road feature id</source>
        <translation>道路要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Road name</source>
        <translation>道路名称</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Corridor grade</source>
        <translation>通道等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Throughput (persons an hour)</source>
        <translation>通行能力（人/小时）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Time to pass (min)</source>
        <translation>通过时间（分钟）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Closed road used to leave the hazard</source>
        <translation>撤离灾害区所经的中断道路</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="380"/>
        <source>open a parallel link or widen the section (第33、84条)</source>
        <translation>打通平行道路或拓宽该路段（第33、84条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="406"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="406"/>
        <source>Why (Chinese)</source>
        <translation>原因（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="122"/>
        <source>{0} (#{1}, grade {2})</source>
        <translation>{0}（#{1}，{2}级）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="750"/>
        <source>Flood zones</source>
        <translation>洪涝风险区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="754"/>
        <source>Optional: the risk class (1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ). Empty: the field named like a class; none: every zone counts.</source>
        <translation>可选：风险等级（1/2/3、高/中/低、一级/二级/三级、Ⅰ/Ⅱ/Ⅲ）。留空：使用名称像等级的字段；没有时所有分区都计入。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="765"/>
        <source>Class 1 (high) only</source>
        <translation>仅一级（高）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="766"/>
        <source>Classes 1 and 2 (high, medium)</source>
        <translation>一级和二级（高、中）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="767"/>
        <source>Every class</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="788"/>
        <source>{0}: no flood class field; every zone counts.</source>
        <translation>{0}：无洪涝等级字段；所有分区都计入。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="820"/>
        <source>Solver time limit (s)</source>
        <translation>求解时间上限（秒）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="799"/>
        <source>Guessed from the field name</source>
        <translation>按字段名判断</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="800"/>
        <source>Shelter area (m²)</source>
        <translation>避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="801"/>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="803"/>
        <source>Bare capacity numbers are</source>
        <translation>不带单位的容量数字表示</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="803"/>
        <source>How to read a capacity written without a unit. A value that names its unit (人, 平方米, 公顷 …) is read in it.</source>
        <translation>不带单位的容量如何理解。带单位的值（人、平方米、公顷……）按其单位读取。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/model.py" line="54"/>
        <source>Transfer then siting</source>
        <translation>避险转移后补充选址</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="69"/>
        <source>linear programme</source>
        <translation>线性规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="69"/>
        <source>MILP</source>
        <translation>混合整数规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="75"/>
        <source>proven the most that can be placed</source>
        <translation>已证明为可安置的最多人数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="75"/>
        <source>not proven the most that can be placed</source>
        <translation>未证明为可安置的最多人数</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="80"/>
        <source>none can be below {0:,.0f}</source>
        <translation>任何解都不低于 {0:,.0f}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="80"/>
        <source>no lower bound was proven</source>
        <translation>未能证明下界</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="85"/>
        <source>The time limit stopped the solver ({0}): {1:,.0f} people placed ({2}); the best found is {3:,.0f} person-minutes; {4}. Raise the time limit for a proven optimum.</source>
        <translation>求解达到时间上限（{0}）：已安置 {1:,.0f} 人（{2}）；当前最好解为 {3:,.0f} 人·分钟；{4}。提高时间上限可得到已证明的最优解。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="148"/>
        <source>  {0}: {1:,.0f} people, {2:,.0f} an hour, {3:.0f} min to pass{4}{5}.</source>
        <translation>  {0}：{1:,.0f} 人，每小时通过 {2:,.0f} 人，需 {3:.0f} 分钟通过{4}{5}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="148"/>
        <source> (and {0} more sections on the same route)</source>
        <translation>（同一路线上另有 {0} 个路段）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="270"/>
        <source>Status (Chinese)</source>
        <translation>状态（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="456"/>
        <source>No shelter in reach takes the whole community</source>
        <translation>可达避难场所无法整建制安置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/model.py" line="35"/>
        <source>Ready-made models</source>
        <translation>预置模型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/styles.py" line="75"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="360"/>
        <source>Throughput used (share of the clearance target)</source>
        <translation>通行能力占用（占完成时限内通行能力的比例）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="203"/>
        <source>Flood depth (m)</source>
        <translation>积水深度（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/sample.py" line="208"/>
        <source>Population grid (people per cell)</source>
        <translation>人口栅格（每像元人数）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="283"/>
        <source>nobody at risk has it within reach</source>
        <translation>可达范围内无需转移人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/transfer/outputs.py" line="284"/>
        <source>the people within its reach are placed in less time elsewhere</source>
        <translation>其可达范围内的人口已安置到用时更少的其他避难场所</translation>
    </message>
</context>
<context>
    <name>ResiliencePlugin</name>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="66"/>
        <source>Resilience Planner cannot run</source>
        <translation>韧性城市规划工具无法运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="90"/>
        <source>Resilience</source>
        <translation>韧性规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="92"/>
        <source>&amp;Resilience</source>
        <translation>韧性规划(&amp;R)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="101"/>
        <source>Street/town unit scorecard</source>
        <translation>街镇单元评分卡</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="135"/>
        <source>Analysis tools</source>
        <translation>分析工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="244"/>
        <source>Load sample city</source>
        <translation>加载示例城市</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="120"/>
        <source>Plan profile…</source>
        <translation>规划参数配置…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="127"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="244"/>
        <source>Loaded {0} layers of the synthetic, schematic sample city. It is not real data.</source>
        <translation>已加载合成示意示例城市的 {0} 个图层。这些不是真实数据。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="62"/>
        <source>Resilience Planner</source>
        <translation>韧性规划工具</translation>
    </message>
</context>
<context>
    <name>SampleLayerAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="23"/>
        <source>Sample city layer</source>
        <translation>示例城市图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="40"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="41"/>
        <source>The sample city layer to copy.</source>
        <translation>要复制的示例城市图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="43"/>
        <source>Sample layer</source>
        <translation>示例图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="44"/>
        <source>The copied sample layer.</source>
        <translation>复制得到的示例图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="56"/>
        <source>The sample city is missing or unreadable: {0}</source>
        <translation>示例城市数据缺失或无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="26"/>
        <source>Copies one layer of the embedded sample city into a new layer, so that models, batch runs and qgis_process can start from it. The sample city is SYNTHETIC and SCHEMATIC: a Beijing-like city whose districts carry the 2020 census totals, with street/town units (第50条), communities (第53条), facilities (第48、51、54、55条), a walking network, emergency corridors in grades 1-3 (第24-26、33条), schematic active faults (第44、86条), lifeline zones (第47条), flood-risk zones, geological-hazard points and the two greenbelts (第25条). None of it is real.

Layer: which sample layer to copy.

Output: the copied layer, with the sample's own fields and CRS (EPSG:4548, CGCS2000 3-degree CM 117E; facilities EPSG:4326).</source>
        <translation>把内置示例城市的一个图层复制为新图层，供模型、批处理和 qgis_process 使用。示例城市是合成的示意数据：一座仿北京的城市，各区人口取自2020年人口普查总数，含街镇单元（第50条）、社区（第53条）、设施（第48、51、54、55条）、步行网络、一至三级应急疏散救援通道（第24—26、33条）、示意活动断裂（第44、86条）、生命线分区（第47条）、洪涝风险区、地质灾害隐患点和两道绿化隔离地区（第25条）。其中没有任何真实数据。

图层：要复制的示例图层。

输出：复制得到的图层，保留示例数据原有字段和坐标系（EPSG:4548，CGCS2000 3度带中央经线117°E；设施为 EPSG:4326）。</translation>
    </message>
</context>
<context>
    <name>ScoreUnitsAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="55"/>
        <source>Score street/town units</source>
        <translation>韧性街镇单元评估</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="206"/>
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="116"/>
        <source>Unit polygons (第50条).</source>
        <translation>单元面（第50条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="207"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="210"/>
        <source>Elderly share field</source>
        <translation>老年人口比例字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="125"/>
        <source>Optional share (0-1) of residents aged 65 and over.</source>
        <translation>可选：65 岁及以上人口比例（0-1）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="211"/>
        <source>Old-building share field</source>
        <translation>老旧建筑比例字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="129"/>
        <source>Optional share (0-1) of old buildings.</source>
        <translation>可选：老旧建筑比例（0-1）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="140"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="140"/>
        <source>Optional facilities: shelters, fire and police stations, hospitals, conversion spaces.</source>
        <translation>可选：设施，包括避难场所、消防站、派出所、医院和平急转换空间。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="144"/>
        <source>Facility category field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="144"/>
        <source>Field with the facility category.</source>
        <translation>设施类型字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="150"/>
        <source>Shelter area field (m²)</source>
        <translation>避难面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="150"/>
        <source>Effective shelter area in m².</source>
        <translation>有效避难面积（平方米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="160"/>
        <source>Hospital beds field</source>
        <translation>医院床位字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="160"/>
        <source>Number of hospital beds.</source>
        <translation>医院床位数。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="190"/>
        <source>Unit scores</source>
        <translation>单元评估结果</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="190"/>
        <source>The units with their scores.</source>
        <translation>带评估结果的单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="315"/>
        <source>Score: {0}</source>
        <translation>得分：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="319"/>
        <source>Target met: {0}</source>
        <translation>达标：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="293"/>
        <source>Hazard (0-10)</source>
        <translation>致灾因子风险性（0-10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="294"/>
        <source>Vulnerability (0-10)</source>
        <translation>承灾体脆弱性（0-10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="295"/>
        <source>Capacity (0-10)</source>
        <translation>救灾能力有效性（0-10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="296"/>
        <source>Risk score (0-10)</source>
        <translation>综合风险得分（0-10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="297"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="298"/>
        <source>Class (Chinese)</source>
        <translation>等级（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="299"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="300"/>
        <source>Type (第52条)</source>
        <translation>类型（第52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="301"/>
        <source>Type (Chinese)</source>
        <translation>类型（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="302"/>
        <source>Recommended measures</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="304"/>
        <source>Indicators used</source>
        <translation>使用的指标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="306"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="317"/>
        <source>Target: {0}</source>
        <translation>目标：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="50"/>
        <source>Very low</source>
        <translation>很低</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="51"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="52"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="53"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="54"/>
        <source>Very high</source>
        <translation>很高</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="61"/>
        <source>Hazard-led</source>
        <translation>致灾主导型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="62"/>
        <source>Vulnerability-led</source>
        <translation>脆弱主导型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="63"/>
        <source>Capacity gap</source>
        <translation>能力短板型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/qgisside/translation.py" line="64"/>
        <source>Balanced</source>
        <translation>均衡型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="174"/>
        <source>Scaling</source>
        <translation>缩放方式</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="174"/>
        <source>Fixed goalposts from the profile (comparable across runs and years)</source>
        <translation>规划配置中的固定标尺（不同运行、不同年份可比）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="174"/>
        <source>Relative to the units of this run (min–max)</source>
        <translation>相对于本次运行的单元（最小–最大值）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="174"/>
        <source>Fixed goalposts (default): each indicator scored between two values of the profile, so a unit's score does not depend on the other units. Relative: min–max over the units of the run, a ranking among them only.</source>
        <translation>固定标尺（默认）：每个指标在规划配置给定的两个值之间计分，单元得分不受其他单元影响。相对：在本次运行的单元间按最小–最大值缩放，只表示它们之间的排序。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="305"/>
        <source>Score formed from</source>
        <translation>综合得分构成维度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="58"/>
        <source>Assesses every street/town unit on the three things of 第51条 — the danger of its hazards (致灾因子风险性), the vulnerability of what is exposed (承灾体脆弱性) and the effectiveness of its rescue capacity (救灾能力有效性) — and gives it a type with its measures (第52条).

Indicators: hazard — the design seismic intensity (every unit: the profile's, VIII for Beijing), share of the area within the fault avoidance distance, share in flood-risk zones weighted by class (profile), geological-hazard points per km²; vulnerability — population density, elderly share, old-building share; capacity — shelter m² per person (target 2.1), share of the area within the fire stations' 5-minute proxy distance (2.5 km), police stations in the unit (at least 1), hospital beds per 1,000 people, emergency conversion space (schools, parks, stadiums, hotels) in m² per person and, with the units of 'Corridor failure scenarios', the share of the essential categories still reached after the scenario (第48、65条).

Not assessed, never 0: an indicator whose input was not given, or whose facilities are absent from the layer given (no police station, no fire station, no shelter area, no beds), is left out of its dimension; the log says why, and the field indicators lists those used. A dimension with no indicator is left out too, and score_from says which dimensions formed each unit's score.

Method (INFORM structure, fixed goalposts): each indicator is scaled to 0–10 between two goalposts kept in the profile with their sources (scoring.goalposts: a plan target, a national standard or a stated assumption; log(1 + x) for the skewed ones), so a unit scores the same whether it is scored alone, with its district or with the whole city, and this year's score compares with last year's. For capacity, 10 means the target is met. The option 'Scaling' can instead scale min–max over the units of the run, for a ranking relative to them. A dimension is the weighted mean of its indicators (weights in the profile); the score is the geometric mean of hazard, vulnerability and the lack of capacity (10 − capacity). Five classes by the profile's breaks; rank 1 is the highest score. The type is the leading dimension (hazard-led, vulnerability-led, capacity-gap) when it leads the next by 1 point, otherwise balanced.

Output: the units' own fields, each indicator's value (i_*), score (s_*), target (t_*) and pass (ok_*), the three dimensions, score, class, rank, type and the recommended measures with their clauses. The source layer is never written to.</source>
        <translation>按第51条的三个方面评估每个街镇单元——致灾因子风险性、承灾体脆弱性和救灾能力有效性——并确定其类型及措施（第52条）。

指标：致灾——抗震设防烈度（所有单元取规划配置的值，北京为 8 度）、断裂避让距离内面积比例、按等级加权的洪涝风险区面积比例（见规划配置）、每平方公里地质灾害点数；脆弱——人口密度、老年人口比例、老旧建筑比例；能力——人均避难面积（目标 2.1 平方米）、消防站 5 分钟代理距离（2.5 公里）覆盖的面积比例、单元内派出所数量（至少 1 个）、每千人医院床位、人均平急转换空间（学校、公园、体育场馆、宾馆，平方米），以及给出“通道失效情景”的单元时，情景后仍能到达的必需设施类别比例（第48、65条）。

未评估，绝不记 0：未提供输入的指标，或所给设施图层中缺少相应设施（没有派出所、没有消防站、没有避难面积、没有床位）的指标，不计入其维度；日志说明原因，字段 indicators 列出实际使用的指标。没有任何指标的维度同样不计入，字段 score_from 说明每个单元综合得分由哪些维度构成。

方法（INFORM 结构，固定标尺）：各指标在规划配置给定的两个标尺之间缩放到 0–10（scoring.goalposts，各附来源：规划目标、国家标准或明示的假设；偏态指标取 log(1 + x)），因此单元无论单独评估、与所在区一起评估还是与全市一起评估，得分都相同，今年的得分也可与去年比较。能力指标 10 分表示达到目标。选项“缩放方式”也可改为在本次运行的单元间按最小–最大值缩放，得到相对排序。各维度为其指标的加权平均（权重见规划配置）；综合得分为致灾、脆弱和能力不足（10 − 能力）的几何平均。按规划配置的分级阈值分为五级；排名 1 为得分最高。类型取领先的维度（致灾主导型、脆弱主导型、能力短板型），需领先第二位 1 分以上，否则为均衡型。

输出：单元原有字段、各指标的数值（i_*）、得分（s_*）、目标（t_*）及是否达标（ok_*）、三个维度得分、综合得分、等级、排名、类型以及引用条款的建议措施。不会写入源图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="165"/>
        <source>Scenario: units&apos; access</source>
        <translation>情景：单元可达性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="165"/>
        <source>Optional: the units output of 'Corridor failure scenarios'. The share of the essential categories each unit still reaches after the scenario becomes a capacity indicator (i_access, 第48、65条).</source>
        <translation>可选：“通道失效情景”输出的单元。每个单元在情景后仍能到达的必需设施类别比例作为一项救灾能力指标（i_access，第48、65条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="279"/>
        <source>Scenario: layer &apos;{0}&apos; has no d0_&lt;category&gt; and d1_&lt;category&gt; fields; give the units output of &apos;Corridor failure scenarios&apos;.</source>
        <translation>情景：图层“{0}”没有 d0_&lt;类别&gt; 和 d1_&lt;类别&gt; 字段；请给出“通道失效情景”输出的单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="120"/>
        <source>Residents of each unit. Empty, with a population raster: each unit&apos;s people from the raster, exactly.</source>
        <translation>各单元的常住人口。留空且提供人口栅格时：精确统计栅格在各单元内的人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="209"/>
        <source>Layer &apos;{0}&apos;: choose the population field, or give a population raster.</source>
        <translation>图层“{0}”：请选择人口字段，或提供人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="303"/>
        <source>Recommended measures (Chinese)</source>
        <translation>建议对策（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="58"/>
        <source>A unit&apos;s own value left empty or unreadable (population, elderly or old-building share) is not assessed for it, never 0; a field with no value at all is not used. A unit holding a shelter whose area is empty or unreadable has its shelter per person not assessed. The log names them.</source>
        <translation>单元自身的值为空或无法读取（人口、老年人口比例或老旧建筑比例）时，该单元的相应指标不评估，绝不记为 0；字段完全无值时不使用该指标。单元内有避难场所面积为空或无法读取时，其人均避难面积不评估。日志中列出这些要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/units/score_units.py" line="58"/>
        <source>Indicator fields, per indicator used: i_seismic, i_fault, i_flood, i_geohaz, i_popden, i_elderly, i_oldbldg, i_shelter, i_fire, i_police, i_beds, i_conv, i_access, i_transfer (values); the same with s_ (0–10 scores); t_ and ok_ (target and met) for shelter, fire, police and beds. Then hazard, vulner, capacity, score, class and class_zh, rank, unit_type and type_zh, measures, measures_zh (in Chinese), indicators, score_from (the dimensions the score is formed from), clauses. i_transfer is the share of the unit's people at risk (in the flood zones, fault avoidance zones and geological-hazard danger zones given) with a shelter place within reach as the crow flies, by the exact transfer of 'Emergency transfer' (第84条); it is weighted 0 by default (give it a weight in the profile or the scorecard to count it), and not assessed without a hazard or shelter areas, nor for a unit whose people at risk have a shelter of unknown area within reach (its room would change their share).</source>
        <translation>指标字段，每个所用指标一组：i_seismic、i_fault、i_flood、i_geohaz、i_popden、i_elderly、i_oldbldg、i_shelter、i_fire、i_police、i_beds、i_conv、i_access、i_transfer（数值）；以 s_ 开头的同名字段为 0–10 得分；避难场所、消防、派出所和床位另有 t_ 和 ok_（目标和是否达标）。其后为 hazard、vulner、capacity、score、class 和 class_zh、rank、unit_type 和 type_zh、measures、measures_zh（中文对策）、indicators、score_from（构成综合得分的维度）、clauses。i_transfer 为单元需转移人口（位于所给洪涝风险区、断裂避让带和地质灾害危险范围内）中，按“避险转移”的精确分配在直线可达范围内有避难位置的比例（第84条）；默认权重为 0（在配置或评分面板中赋予权重后计入），未给出灾害或避难面积时不评估；单元需转移人口可达范围内有避难面积未知的避难场所时亦不评估（其容量会改变该比例）。</translation>
    </message>
</context>
<context>
    <name>ScorecardDock</name>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="196"/>
        <source>Choose a polygon layer of street/town units.</source>
        <translation>请选择街镇单元面图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="204"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="208"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="209"/>
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="205"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="206"/>
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="207"/>
        <source>Density (/km²)</source>
        <translation>密度（人/km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="224"/>
        <source>(unnamed, id {0})</source>
        <translation>（未命名，编号 {0}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="250"/>
        <source>{0} units · population {1:,.0f}</source>
        <translation>{0} 个单元 · 人口 {1:,.0f}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="252"/>
        <source>{0} without a valid population in field &apos;{1}&apos;</source>
        <translation>{0} 个单元的“{1}”字段没有有效人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1129"/>
        <source>Street/town unit scorecard</source>
        <translation>街镇单元评分卡</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="17"/>
        <source>Units layer</source>
        <translation>单元图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="22"/>
        <source>Polygon layer of street/town units (韧性街镇单元, 第50条)</source>
        <translation>街镇单元面图层（韧性街镇单元，第50条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="27"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="35"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="45"/>
        <source>Filter units…</source>
        <translation>筛选单元…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="70"/>
        <source>Zoom to selection</source>
        <translation>缩放至所选</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="91"/>
        <source>Scoring inputs (第51条)</source>
        <translation>评估输入（第51条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>Active faults</source>
        <translation>活动断裂</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>Flood-risk zones</source>
        <translation>洪涝风险区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>Geological hazard points</source>
        <translation>地质灾害点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="214"/>
        <source>Score units</source>
        <translation>评估单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="218"/>
        <source>Style layer</source>
        <translation>设置图层样式</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="228"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="229"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="242"/>
        <source>All classes</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="246"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="259"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="259"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="267"/>
        <source>Reset to plan profile</source>
        <translation>恢复规划配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="268"/>
        <source>Save profile as…</source>
        <translation>配置另存为…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1326"/>
        <source>Hazard</source>
        <translation>致灾因子风险性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1327"/>
        <source>Vulnerability</source>
        <translation>承灾体脆弱性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1328"/>
        <source>Capacity</source>
        <translation>救灾能力有效性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="401"/>
        <source>Save profile as</source>
        <translation>配置另存为</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="401"/>
        <source>Plan profile (*.json)</source>
        <translation>规划配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="413"/>
        <source>Profile saved to {0}</source>
        <translation>配置已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="523"/>
        <source>Choose a polygon layer of street/town units first.</source>
        <translation>请先选择街镇单元面图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="754"/>
        <source>Scoring failed: {0}</source>
        <translation>评估失败：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="770"/>
        <source>Scoring {0} units…</source>
        <translation>正在评估 {0} 个单元…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="785"/>
        <source>Scoring street/town units</source>
        <translation>正在评估街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="786"/>
        <source>Scoring… {0:.0f} %</source>
        <translation>正在评估… {0:.0f}%</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1024"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="884"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="885"/>
        <source>Type (第52条)</source>
        <translation>类型（第52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1025"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="887"/>
        <source>Rank ±20 % weights</source>
        <translation>权重 ±20% 时排名变化</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="954"/>
        <source>{0} units scored: {1}</source>
        <translation>已评估 {0} 个单元：{1}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="965"/>
        <source>Shelter m²/person</source>
        <translation>人均避难面积</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="966"/>
        <source>Fire reach</source>
        <translation>消防覆盖</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="967"/>
        <source>Police stations</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="968"/>
        <source>Beds/1,000</source>
        <translation>每千人床位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1246"/>
        <source>Score the units first.</source>
        <translation>请先评估单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1100"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1115"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1251"/>
        <source>Unit scores</source>
        <translation>单元评估结果</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1318"/>
        <source>Resilience scorecard</source>
        <translation>韧性街镇单元评估</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="282"/>
        <source>Unit card</source>
        <translation>单元卡片</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="283"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1256"/>
        <source>Could not add the result layer to the project.</source>
        <translation>无法把结果图层加入项目。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="977"/>
        <source>All districts</source>
        <translation>全部区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="526"/>
        <source>Layer &apos;{0}&apos; has no features.</source>
        <translation>图层“{0}”没有要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="571"/>
        <source>{0} unit(s) with zero or null population: their per-person indicators are left empty.</source>
        <translation>{0} 个单元人口为零或为空：其人均指标留空。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="230"/>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="231"/>
        <source>An atlas PDF: title page with provenance, one page per unit (第50–52条)</source>
        <translation>地图集 PDF：含来源信息的标题页，每个单元一页（第50–52条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1202"/>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1239"/>
        <source>PDF report written: {0} ({1} pages)</source>
        <translation>已写出 PDF 报告：{0}（{1} 页）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1199"/>
        <source>Writing the PDF report…</source>
        <translation>正在写入 PDF 报告…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1214"/>
        <source>PDF report cancelled; no file was written.</source>
        <translation>已取消 PDF 报告，未写入文件。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="117"/>
        <source>The chosen plan profile cannot be used, so the built-in one is: {0}</source>
        <translation>所选规划参数配置无法使用，已改用内置配置：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="656"/>
        <source>{0}: the categories of {1:.0%} of the facilities in field '{2}' are not known labels, for example {3}. Map them in Plan profile › facility_labels, or give them a profile category.</source>
        <translation>{0}：字段“{2}”中 {1:.0%} 的设施类别不是已知标签，例如 {3}。请在“规划参数配置 › facility_labels”中映射，或改为规划配置中的类别。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Score 0–10</source>
        <translation>得分 0–10</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1026"/>
        <source>Goalposts (0 → 10)</source>
        <translation>标尺（0 → 10）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1042"/>
        <source>score formed from: {0}</source>
        <translation>综合得分构成：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="1043"/>
        <source>Not assessed: {0}</source>
        <translation>未评估：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="174"/>
        <source>The field of the facilities that holds their category (profile codes, Chinese names, Amap or OSM labels)</source>
        <translation>设施图层中存放类别的字段（规划配置代码、中文名称、高德或 OSM 标签）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="179"/>
        <source>Facility category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="215"/>
        <source>Draw by class</source>
        <translation>按等级绘制</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="216"/>
        <source>After scoring, add the scored units to the map, drawn in the five classes</source>
        <translation>评估后把评估结果按五个等级绘制到地图上</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="550"/>
        <source>{0}: {1} unit(s) without a usable polygon left out (feature ids {2}).</source>
        <translation>{0}：{1} 个单元没有可用的面，已略去（要素编号 {2}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="182"/>
        <source>label=category; … (optional)</source>
        <translation>标签=类别; …（可选）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="183"/>
        <source>Your own facility labels, mapped before the profile's: label=category pairs separated by ';', for example 大型避难场所=long_term_shelter. The profile's labels (Amap, OSM, government lists) are edited in Plan profile….</source>
        <translation>您自己的设施标签，先于规划配置中的标签映射：“标签=类别”，各对之间用“;”分隔，例如 大型避难场所=long_term_shelter。规划配置中的标签（高德、OSM、政府名录）在“规划参数配置…”中编辑。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="190"/>
        <source>Label mapping</source>
        <translation>标签映射</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="699"/>
        <source>Label mapping: {0}</source>
        <translation>标签映射：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>What if: new sites</source>
        <translation>情景推演：新增场地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="161"/>
        <source>Optional: the chosen sites of Facility siting (resilience:siting), or any points with a category. The units are scored with them added to the facilities; the table shows each unit&apos;s score and rank before and after.</source>
        <translation>可选：设施补短板选址（resilience:siting）的选址结果，或任何带类别字段的点图层。将其并入设施后重新评估各单元，表中显示每个单元选址前后的得分和排名。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="721"/>
        <source>What if: layer &apos;{0}&apos; has no category field (the chosen sites of Facility siting have one).</source>
        <translation>情景推演：图层“{0}”没有类别字段（设施补短板选址的结果带有该字段）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="892"/>
        <source>Score before the new sites</source>
        <translation>新增场地前得分</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="893"/>
        <source>Rank before the new sites</source>
        <translation>新增场地前排名</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="894"/>
        <source>Rank change</source>
        <translation>排名变化</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="957"/>
        <source> · what if: {0} unit(s) at lower risk with the new sites</source>
        <translation> · 情景推演：新增场地后 {0} 个单元风险降低</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="138"/>
        <source>Scenario: units&apos; access</source>
        <translation>情景：单元可达性</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="153"/>
        <source>Optional: the units output of Corridor failure scenarios (resilience:corridorfailure). The share of the essential categories each unit still reaches after the scenario is scored as a capacity indicator (第48、65条); without it the indicator is not assessed.</source>
        <translation>可选：“通道失效情景”（resilience:corridorfailure）输出的单元。每个单元在情景后仍能到达的必需设施类别比例作为一项救灾能力指标评分（第48、65条）；不给出时该指标不评估。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="636"/>
        <source>Scenario: layer &apos;{0}&apos; has no d0_&lt;category&gt; and d1_&lt;category&gt; fields; give the units output of Corridor failure scenarios.</source>
        <translation>情景：图层“{0}”没有 d0_&lt;类别&gt; 和 d1_&lt;类别&gt; 字段；请给出“通道失效情景”输出的单元。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="196"/>
        <source>Optional population grid (WorldPop, GHSL, a city grid). Used when no population field is chosen: each unit&apos;s people are the grid&apos;s exact sum inside it.</source>
        <translation>可选的人口格网（WorldPop、GHSL、城市格网人口）。未选择人口字段时使用：各单元人口为格网在其范围内的精确合计。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="203"/>
        <source>Population raster</source>
        <translation>人口栅格</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="207"/>
        <source>Raster values are</source>
        <translation>栅格值为</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="485"/>
        <source>{0} unit(s) have no data in raster &apos;{1}&apos;: their per-person indicators are left empty.</source>
        <translation>{0} 个单元在栅格“{1}”中没有数据：其人均指标留空。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="501"/>
        <source>Layer &apos;{0}&apos;: choose the population field, or a population raster.</source>
        <translation>图层“{0}”：请选择人口字段或人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="680"/>
        <source>Facilities: layer &apos;{0}&apos; has no field that says each facility&apos;s category, so its facilities are not counted (shelter, fire, police, beds are not assessed). Choose its category field in the dock. Its fields: {1}.</source>
        <translation>设施：图层“{0}”没有标明各设施类别的字段，因此其设施未被计入（避难、消防、警务、床位均不予评估）。请在停靠窗口中选择其类别字段。其字段：{1}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="813"/>
        <source>none of their categories is one the scores count (shelters, fire and police stations, hospitals)</source>
        <translation>其类别都不是评分所计的类别（避难场所、消防站、派出所、医院）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="817"/>
        <source>they carry no shelter area (no shelter-area field, or empty), so shelter per person cannot rise</source>
        <translation>它们没有避难面积（无避难面积字段或为空），人均避难面积无法提高</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="821"/>
        <source>they lie where they change no unit&apos;s indicators (outside the units, or where those are at their goal already)</source>
        <translation>它们所在的位置不改变任何单元的指标（在单元之外，或相关指标已达目标）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="825"/>
        <source>What if: no unit&apos;s score changed with the {0} new site(s) of layer &apos;{1}&apos;: {2}.</source>
        <translation>情景推演：加入图层“{1}”的 {0} 个新场地后，没有单元的得分发生变化：{2}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scoring_panel.py" line="620"/>
        <source>Fault avoidance rule 'code' of the plan profile (GB 50011 §4.1.7): {0} of {1} fault(s) of '{2}' are not Holocene or lie below intensity VIII and are not scored as a hazard.</source>
        <translation>规划参数表的断裂避让规则为“code”（GB 50011 第4.1.7条）：图层“{2}”的 {1} 条断裂中有 {0} 条不是全新世断裂或所在地设防烈度低于8度，不作为危险源计分。</translation>
    </message>
</context>
<context>
    <name>SitingAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="94"/>
        <source>Facility siting (补短板选址)</source>
        <translation>设施补短板选址</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="344"/>
        <source>Demand (communities or units)</source>
        <translation>需求（社区或街镇单元）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="157"/>
        <source>Where people live: communities or street/town units, as points or polygons (a polygon stands for its point on surface).</source>
        <translation>人口所在：社区或街镇单元，点或面（面取其面内点）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="441"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="345"/>
        <source>Candidate sites</source>
        <translation>候选场地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="172"/>
        <source>Where a new facility could go: schools, parks, stadiums, hotels, strategic reserve land (第51、69条).</source>
        <translation>可设置新设施的场地：学校、公园、体育场馆、宾馆、战略留白用地（第51、69条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="176"/>
        <source>Capacity field</source>
        <translation>容量字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="176"/>
        <source>Each candidate's capacity: shelter area (2.5万平方米, 0.8公顷) or persons (1.2万人). Needed by capacitated shelters.</source>
        <translation>每个候选场地的容量：避难面积（2.5万平方米、0.8公顷）或人数（1.2万人）。容量约束避难场所模型必填。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="781"/>
        <source>Shelter area (m²)</source>
        <translation>避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="181"/>
        <source>Existing facilities</source>
        <translation>现有设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="181"/>
        <source>Facilities of this kind already open: they serve first and are never closed.</source>
        <translation>已建成的同类设施：优先服务，不会被关闭。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="196"/>
        <source>Capacity field of existing facilities</source>
        <translation>现有设施的容量字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="196"/>
        <source>Capacitated shelters: what each existing shelter holds. Empty: no limit.</source>
        <translation>容量约束避难场所：每处现有避难场所的容量。留空：不限。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>What is sited</source>
        <translation>选址设施类型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Emergency shelter (紧急避难场所)</source>
        <translation>紧急避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Short-term shelter (短期应急避难场所)</source>
        <translation>短期应急避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Long-term shelter (长期应急避难场所)</source>
        <translation>长期应急避难场所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Fire station (消防站)</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Police station (派出所)</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Clinic (社区卫生服务机构)</source>
        <translation>社区卫生服务机构</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Hospital (医院)</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Another service (give the distance)</source>
        <translation>其他服务（需给出服务距离）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Sets the default service distance and, for shelters, the area per person, from the profile.</source>
        <translation>决定默认服务距离，避难场所还决定人均面积，均取自规划参数。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="221"/>
        <source>Service distance (m, 0: the category&apos;s)</source>
        <translation>服务距离（米，0：按设施类型）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="221"/>
        <source>How far people go to the facility. 0: the category&apos;s distance from the profile (said in the log).</source>
        <translation>居民前往设施的距离。0：取规划参数中该类设施的距离（日志中说明）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="787"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="227"/>
        <source>Coverage: most people within reach</source>
        <translation>覆盖模型：服务范围内人口最多</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="227"/>
        <source>Set cover: fewest sites to reach everyone</source>
        <translation>集合覆盖：以最少场地覆盖全部人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="227"/>
        <source>p-median: shortest average trip</source>
        <translation>p-中位：平均出行距离最短</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="227"/>
        <source>Capacitated shelters: most people with room</source>
        <translation>容量约束避难场所：有容纳空间的人口最多</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="227"/>
        <source>The question answered (see the help).</source>
        <translation>所回答的问题（见帮助）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="241"/>
        <source>Number of new sites</source>
        <translation>新增场地数量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="241"/>
        <source>How many new sites (coverage, p-median, capacitated). Set cover finds its own number.</source>
        <translation>新增多少处场地（覆盖、p-中位、容量约束模型）。集合覆盖模型自行确定数量。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="245"/>
        <source>Network</source>
        <translation>路网</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="245"/>
        <source>Optional walking or road network: distances along it. Empty: straight-line.</source>
        <translation>可选的步行或道路网络：沿路网计算距离。留空：直线距离。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="249"/>
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="249"/>
        <source>Farthest a feature may lie from the network and still join it.</source>
        <translation>要素与路网的最大距离，超出则无法接入路网。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="259"/>
        <source>p-median: maximum distance (m, 0: none)</source>
        <translation>p-中位：最大距离（米，0：不限）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="259"/>
        <source>p-median counts a longer trip as this distance. 0: none (along a network: 4 × the service distance).</source>
        <translation>p-中位模型将更远的出行按此距离计。0：不限（沿路网时为服务距离的 4 倍）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="265"/>
        <source>Optional active faults: candidates within the avoidance distance are dropped (第86条).</source>
        <translation>可选的活动断裂：位于避让距离内的候选场地被剔除（第86条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="265"/>
        <source>Optional field with the fault&apos;s name, for the reasons.</source>
        <translation>可选的断裂名称字段，用于说明剔除原因。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="265"/>
        <source>Half-width of the fault avoidance zone (GB 50011 §4.1.7).</source>
        <translation>断裂避让区半宽（GB 50011 第4.1.7条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="271"/>
        <source>Excluded areas</source>
        <translation>排除区域</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="293"/>
        <source>Where the solver stops here, the best solution found is given with its proven bound.</source>
        <translation>求解器在此时限停止时，给出已找到的最优解及其已证明的界。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="297"/>
        <source>Chosen sites</source>
        <translation>选址结果</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="297"/>
        <source>The new sites, in the order a greedy reading adds them.</source>
        <translation>新增场地，按贪心顺序（贡献由大到小）排列。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="301"/>
        <source>Allocation</source>
        <translation>服务分配</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="301"/>
        <source>Each demand feature with its facility, distance, and who is served before and after.</source>
        <translation>每个需求要素的服务设施、距离以及选址前后的服务人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="311"/>
        <source>Excluded candidates</source>
        <translation>被剔除的候选场地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="311"/>
        <source>Optional: the candidates left out, with the reason.</source>
        <translation>可选：被剔除的候选场地及原因。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="315"/>
        <source>Responsibility zones</source>
        <translation>责任区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="315"/>
        <source>Optional: each facility's responsibility zone (责任区).</source>
        <translation>可选：每处设施的责任区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="421"/>
        <source>Another service has no distance in the profile: give the service distance.</source>
        <translation>其他服务在规划参数中没有距离：请给出服务距离。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="423"/>
        <source>Service distance {0:g} m, the profile&apos;s for this category ({1}).</source>
        <translation>服务距离 {0:g} 米，取自规划参数中该类设施的值（{1}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="466"/>
        <source>Choose the field of layer &apos;{0}&apos; that holds the population.</source>
        <translation>请选择图层“{0}”中的人口字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="576"/>
        <source>{0}, field &apos;{1}&apos;: {2} capacity value(s) cannot be read and count as none (feature ids {3}).</source>
        <translation>{0}，字段“{1}”：{2} 个容量值无法识别，按无容量计（要素编号 {3}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="582"/>
        <source>{0}, field '{1}': {2} capacity value(s) read as shelter area, {3:g} m² per person (GB 51143).</source>
        <translation>{0}，字段“{1}”：{2} 个容量值按避难面积读取，人均 {3:g} 平方米（GB 51143）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="714"/>
        <source>{0} candidate(s) excluded:</source>
        <translation>剔除 {0} 个候选场地：</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="720"/>
        <source>People served: {0:,.0f} before → {1:,.0f} after, of {2:,.0f} ({3:.1%} → {4:.1%}).</source>
        <translation>服务人口：选址前 {0:,.0f} → 选址后 {1:,.0f}，总人口 {2:,.0f}（{3:.1%} → {4:.1%}）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="732"/>
        <source>people within reach</source>
        <translation>服务范围内人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="733"/>
        <source>new sites</source>
        <translation>处新增场地</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="734"/>
        <source>person-metres to the nearest facility</source>
        <translation>人·米（至最近设施）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="735"/>
        <source>people with room in a shelter</source>
        <translation>有容纳空间的人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="737"/>
        <source>Objective: {0:,.1f} {1}; proven bound {2:,.1f}; gap {3:.4%}; {4:.1f} s.</source>
        <translation>目标值：{0:,.1f} {1}；已证明的界 {2:,.1f}；差距 {3:.4%}；{4:.1f} 秒。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="743"/>
        <source>Adding the best site one at a time would reach {0:,.1f}.</source>
        <translation>逐一添加最优场地（贪心法）可达 {0:,.1f}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="745"/>
        <source>The solution is proven optimal.</source>
        <translation>该解已证明为最优。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="747"/>
        <source>The time limit stopped the solver: this is the best solution found, within {0:.2%} of the best possible.</source>
        <translation>求解因时限停止：这是已找到的最优解，与理论最优相差不超过 {0:.2%}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="779"/>
        <source>Category (profile code)</source>
        <translation>设施类型（参数代码）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="780"/>
        <source>Category (Chinese)</source>
        <translation>设施类型（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="782"/>
        <source>Capacity (persons)</source>
        <translation>容量（人）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="783"/>
        <source>Rank (1 adds most)</source>
        <translation>排序（1 为贡献最大）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="784"/>
        <source>People newly within reach</source>
        <translation>新增覆盖人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="915"/>
        <source>People served</source>
        <translation>服务人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="786"/>
        <source>Objective gain</source>
        <translation>目标值增量</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="788"/>
        <source>Service distance (m)</source>
        <translation>服务距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="789"/>
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="508"/>
        <source>Facility: new or existing</source>
        <translation>设施：新增或现有</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="509"/>
        <source>Facility feature id</source>
        <translation>设施要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="510"/>
        <source>New site&apos;s rank</source>
        <translation>新增场地排序</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="849"/>
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="850"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="851"/>
        <source>Served before</source>
        <translation>选址前有服务</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="852"/>
        <source>Served after</source>
        <translation>选址后有服务</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="853"/>
        <source>People served before</source>
        <translation>选址前服务人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="854"/>
        <source>People served after</source>
        <translation>选址后服务人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="892"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="915"/>
        <source>Area (km²)</source>
        <translation>面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="604"/>
        <source>Category field of existing facilities</source>
        <translation>现有设施的类别字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="187"/>
        <source>Optional: with it, only the existing facilities whose category is the one sited count (a whole facility layer can be given: 短期应急避难场所 among hospitals and schools). Labels are read by the profile's rules.</source>
        <translation>可选：给出后，只有类别与选址设施相同的现有设施才计入（可直接给出整个设施图层：在医院、学校等设施中识别 短期应急避难场所）。类别标签按规划参数的规则识别。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="617"/>
        <source>{0}: its field &apos;{1}&apos; holds facilities of {2} categories ({3}), and all of them count as existing {4}. Give the category field of existing facilities so that only those count.</source>
        <translation>{0}：其字段“{1}”包含 {2} 类设施（{3}），目前全部计为现有的{4}。请给出现有设施的类别字段，只计入该类设施。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="627"/>
        <source>{0}: {1} of {2} facilities are of the category sited ({3}, field &apos;{4}&apos;); the others are not counted.</source>
        <translation>{0}：{2} 处设施中有 {1} 处属于选址设施类别（{3}，字段“{4}”），其余不计入。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="202"/>
        <source>Reserve depot (物资储备库)</source>
        <translation>物资储备库</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="271"/>
        <source>Optional polygons no new site may touch: flood-risk zones (of the classes chosen below), geohazard areas (第86、88条).</source>
        <translation>可选的面图层，新场地不得与之相交：洪涝风险区（按下方选定的等级）、地质灾害区（第86、88条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="277"/>
        <source>Excluded classes</source>
        <translation>排除的风险等级</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="277"/>
        <source>Optional: only the zones of these risk classes are excluded, for example 1,2 or 高,中 (read as the flood tools read classes: 1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ, high/medium/low). Empty: every zone of the layers. A zone whose class cannot be read is excluded.</source>
        <translation>可选：只排除这些风险等级的区域，例如 1,2 或 高,中（与洪涝分析工具相同的识别方式：1/2/3、高/中/低、一级/二级/三级、Ⅰ/Ⅱ/Ⅲ、high/medium/low）。留空：排除图层中的全部区域。等级无法识别的区域一并排除。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="675"/>
        <source>Excluded classes: {0} is not a risk class; write them as 1,2 or 高,中 (1/2/3, 高/中/低, 一级/二级/三级, Ⅰ/Ⅱ/Ⅲ).</source>
        <translation>排除的风险等级：{0} 不是风险等级；请写作 1,2 或 高,中（1/2/3、高/中/低、一级/二级/三级、Ⅰ/Ⅱ/Ⅲ）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="691"/>
        <source>{0}: {1} of {2} zones are of the excluded classes (field &apos;{3}&apos;).</source>
        <translation>{0}：{2} 个区域中有 {1} 个属于排除的风险等级（字段“{3}”）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="698"/>
        <source>{0}: no risk class field; every zone of it is excluded.</source>
        <translation>{0}：没有风险等级字段，其全部区域均被排除。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="163"/>
        <source>People per feature (1,234, 1.2万 and 常住人口（万人） are read). Empty: the field named like a population. Polygon demand (street units, districts) is served as pieces of its people (population.piece_size), spread by area, over residential land or as the population raster says, never as one point.</source>
        <translation>每个要素的人口（可读取 1,234、1.2万 和 常住人口（万人））。留空：按字段名识别人口字段。面状需求（街镇单元、区）按人口分块（population.piece_size）服务，按面积、居住用地或人口栅格分摊，不会压缩成一个点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="305"/>
        <source>Allocation of the pieces</source>
        <translation>分块分配</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="305"/>
        <source>Optional, for polygon demand: each piece of people with its facility, distance and people served.</source>
        <translation>可选，面状需求时输出：每个人口分块及其服务设施、距离和被服务人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="444"/>
        <source>Choose the field of layer &apos;{0}&apos; that holds the population, or give a population raster for polygon demand.</source>
        <translation>请选择图层“{0}”中的人口字段，面状需求也可提供人口栅格。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="498"/>
        <source>People counted where they live: {0}; {1:,} pieces of {2:g} m in {3} features, served piece by piece.</source>
        <translation>人口按居住地统计：{0}；{3} 个要素共 {1:,} 个 {2:g} 米分块，逐块服务。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="519"/>
        <source>Demand feature id</source>
        <translation>需求要素编号</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="857"/>
        <source>Share of its people served before</source>
        <translation>新增前被服务人口占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="858"/>
        <source>Share of its people served after</source>
        <translation>新增后被服务人口占比</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="100"/>
        <source>Chooses where the next shelters, fire stations, police stations or clinics should go among candidate sites (schools, parks, stadiums, hotels, strategic reserve land …), as the plan asks: fill the gaps in short-term shelters, fire and police stations (第51条), use reserve land and dual-use buildings (第69、71条), plan shelters to their standards (第87、91条), and keep new important facilities out of fault and flood zones (第86、88条).

Models, each a question:
- Coverage (maximal covering): which COUNT new sites bring the most people within the service distance of a facility?
- Set cover: how few new sites bring everyone who can be reached within the distance?
- p-median: which COUNT new sites make the average trip to the nearest facility, per person, the shortest? A maximum distance counts longer trips as that distance.
- Capacitated shelters: which COUNT new sites let the most people reach a shelter with room for them within the distance? Each shelter holds its capacity: persons, or shelter area ÷ the area per person of the category's refuge period (GB 51143).

Existing facilities serve first and are never closed. The category sets the default service distance from the profile, with its source (emergency shelters 500 m, short-term 1000 m, long-term 2500 m: GB 51143; fire stations the 5-minute reach, 2500 m; police stations 3000 m; clinics the life-circle radius; hospitals and reserve depots 5000 m, editable assumptions). Distances are straight-line, or along the network when one is given (each feature joins it at its nearest point within the snapping tolerance, as the life circles do). Candidates within the avoidance distance of an active fault (GB 50011 §4.1.7) or inside an excluded area (flood-risk zones, geohazard areas; with Excluded classes, only the zones of the risk classes listed) are dropped and listed with the reason.

The answer is exact (scipy's MILP solver, HiGHS). Where the time limit stops the solver first, the best solution found is given with its proven bound and the gap between them, and the log says so. A cancel takes effect when the solver returns (at the latest at the time limit).

Outputs: the chosen sites in the order a greedy reading adds them (site_rank 1 adds most), each with the candidate's own fields (renamed cand_&lt;name&gt; where they clash), category (the profile code, so that the life circles, the unit scores and the dossier count it), category_zh, shelter_area_m2 (shelters), capacity_p (persons), adds_pop (people newly within reach), serves_pop (people it serves), gain (what it adds to the objective), model, distance_m and clauses. Allocation: each demand feature with its facility (fac_kind new or existing, fac_fid, fac_rank), dist_m, pop, cov_before and cov_after (1: within reach of a facility with room), served_bef and served_aft (people), share_bef and share_aft (their share of its people). Polygon demand is solved piece by piece: its people are spread over pieces of population.piece_size (by area, over residential land or as the population raster says); its row gives the facility that serves most of them and their mean distance; Allocation of the pieces (optional) gives each piece. Excluded (optional): the candidates left out, with the reason. Zones (optional): each facility's responsibility zone (责任区), the area of the demand it serves (Voronoi cells of point demand, or the pieces of polygon demand, cut to the service distance), with fac_kind, fac_fid, fac_rank, zone_pop and area_km2.</source>
        <translation>在候选场地（学校、公园、体育场馆、宾馆、战略留白用地……）中确定下一批避难场所、消防站、派出所或社区卫生服务机构的位置，落实规划要求：完善补充短期应急避难场所、消防站、派出所等安全设施（第51条），利用战略留白用地和平急两用建筑（第69、71条），按标准规划避难场所（第87、91条），新建重要设施避开断裂和洪涝风险区（第86、88条）。

模型，各回答一个问题：
- 覆盖模型（最大覆盖）：新增 COUNT 处场地，怎样使服务距离内的人口最多？
- 集合覆盖：最少需要几处新场地，才能覆盖服务距离内可以覆盖的全部人口？
- p-中位：新增 COUNT 处场地，怎样使人均到最近设施的出行距离最短？设置最大距离时，更远的出行按该距离计。
- 容量约束避难场所：新增 COUNT 处场地，怎样使服务距离内能进入有容纳空间的避难场所的人口最多？每处避难场所的容量为人数，或避难面积 ÷ 该类避难期的人均面积（GB 51143）。

现有设施优先服务，不会被关闭。设施类型决定默认服务距离，取自规划参数并注明来源（紧急避难场所 500 米、短期 1000 米、长期 2500 米：GB 51143；消防站 5 分钟到达范围 2500 米；派出所 3000 米；社区卫生服务机构取生活圈半径；医院和物资储备库 5000 米，为可调整的假设值）。距离按直线计算；给出路网时沿路网计算（每个要素在捕捉容差内接入最近的路网点，与生活圈相同）。位于活动断裂避让距离内（GB 50011 第4.1.7条）或排除区域内（洪涝风险区、地质灾害区；给出排除等级时只计这些等级的区域）的候选场地被剔除并说明原因。

结果为精确解（scipy 的 MILP 求解器 HiGHS）。若求解在时限内未完成，给出已找到的最优解及其已证明的界和二者差距，并在日志中说明。取消操作在求解器返回时生效（最迟在时限到达时）。

输出：选址结果按贪心顺序排列（site_rank 为 1 的贡献最大），包括候选场地自身字段（重名时改为 cand_&lt;字段名&gt;）、category（参数代码，生活圈、单元评估和组团档案均可识别）、category_zh、shelter_area_m2（避难场所）、capacity_p（人）、adds_pop（新增覆盖人口）、serves_pop（服务人口）、gain（目标值增量）、model、distance_m 和 clauses。服务分配：每个需求要素的服务设施（fac_kind 为 new 或 existing，fac_fid，fac_rank）、dist_m、pop、cov_before 和 cov_after（1：可到达有容纳空间的设施）、served_bef 和 served_aft（人），share_bef 和 share_aft（占其人口的比例）。面状需求逐块求解：其人口按 population.piece_size 分块（按面积、居住用地或人口栅格分摊）；每行给出服务其大部分人口的设施及其平均距离；分块分配（可选）给出每个分块。被剔除的候选场地（可选）：附原因。责任区（可选）：每处设施的责任区，即其服务需求的范围（点状需求取泰森多边形，面状需求取其分块，并裁剪到服务距离），含 fac_kind、fac_fid、fac_rank、zone_pop 和 area_km2。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="759"/>
        <source>Allocation of the pieces: not written, the demand is points (each its own piece).</source>
        <translation>分块分配：未输出，需求为点（每个点即一个分块）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="426"/>
        <source>The service distance {0:g} m is a profile value of low confidence ({1}): a guide, not a rule of the plan or a standard. Check it for your project, or give the service distance.</source>
        <translation>服务距离 {0:g} 米是置信度低的配置值（{1}）：仅供参考，并非规划或标准的规定。请按项目核实，或填写服务距离。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="634"/>
        <source>{0}: none of its {1} facilities was read as {2}, so the sites are chosen as if there were no existing {2}. Their labels were read so: {3}. If some are {2}, map their label (Facility label mapping, or the profile&apos;s facility_labels).</source>
        <translation>{0}：其 {1} 个设施都没有被识别为{2}，因此选址时视同现状没有{2}。其标签的识别结果：{3}。如果其中有{2}，请映射其标签（设施标签映射，或配置中的 facility_labels）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="100"/>
        <source>Not assessed, never 0: demand whose people are unknown has its figures NULL; demand that cannot be placed (no geometry, or along a network no line within the snapping tolerance) keeps its pop, and what serves it (cov_before, cov_after, served_bef, served_aft, shares) is NULL, as is a piece&apos;s that lies off the network; a polygon&apos;s shares and cov_* are of its people on the network, and the log&apos;s totals leave the others out.</source>
        <translation>不评估，绝不记为 0：人口未知的需求其各项数字为空值（NULL）；无法定位的需求（无几何，或沿路网时在吸附容差内没有道路）保留其 pop，而其服务情况（cov_before、cov_after、served_bef、served_aft 与占比）为空值（NULL）；不在路网上的人口片同样如此；面状需求的占比与 cov_* 只针对其位于路网上的人口，日志中的合计也不含其余人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="726"/>
        <source>{0:,.0f} people live off the network: neither served nor unserved, left out of these figures.</source>
        <translation>{0:,.0f} 人居住在路网之外：既不算已服务也不算未服务，不计入上述数字。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="285"/>
        <source>Flood-depth raster (m)</source>
        <translation>积水深度栅格（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/siting/siting.py" line="285"/>
        <source>Optional: water depth in metres (内涝积水深度, 洪水淹没水深). A candidate in water as deep as the profile's evacuation depth or deeper (0.5 m) is excluded, as the emergency transfer leaves such a shelter unused (GB 21734 §5.2.1; 第86、88条). Nodata is dry.</source>
        <translation>可选：以米计的积水深度（内涝积水深度、洪水淹没水深）。位于达到或超过配置的需转移水深（0.5 米）积水中的候选场地被排除，与避险转移不使用此类避难场所一致（GB 21734 §5.2.1；第86、88条）。无数据值按无积水计。</translation>
    </message>
</context>
<context>
    <name>ZonalPopulationAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="39"/>
        <source>Zonal population (exact)</source>
        <translation>分区人口统计（精确）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="43"/>
        <source>Counts the people of each zone (street/town units 第50条, communities and life circles 第53条, flood or fault zones) from a population raster: WorldPop, GHSL, LandScan or a city's own 100 m grid. Every cell counts with the share of its area that lies inside the zone, computed exactly from the zone's edges. A raster of people per km² is multiplied by each cell's area, on the ellipsoid for a longitude/latitude grid (WorldPop), so densities add up to people.

How it differs from QGIS's zonal statistics: QGIS counts a cell whole when its centre lies inside the zone, and not at all otherwise. For zones a few cells wide (a community on a 100 m grid) that is off by 100 % or more, and neighbouring zones do not add up to their union. Here two zones that share a border share its cells, and their sums add up to the sum of their union.

Zones in another CRS than the raster are reprojected onto the raster's grid (GHSL is in World Mollweide, ESRI:54009; WorldPop in longitude/latitude); their edges are first cut to a quarter of a cell. Only the window the zones cover is read, strip by strip, so a national grid does not fill memory. Nodata cells, NaN and negative values are skipped. The log gives the method, the raster's total over the zones' extent and the zones' total.

Output fields (after the zone's own): pop (people, exact; NULL where the zone has no cell with data: not assessed), pop_cells (cells with data that the zone touches), pop_gap (share of the zone's area without data: outside the raster or nodata; 0 when the raster covers it all), pop_method.</source>
        <translation>根据人口栅格（WorldPop、GHSL、LandScan 或城市自有的 100 米格网）统计每个分区的人口：街镇单元（第50条）、社区与生活圈（第53条）、洪涝或断裂带分区。每个像元按其落在分区内的面积占比计入，该占比由分区边界精确计算。每平方公里人数的栅格乘以各像元面积（经纬度格网如 WorldPop 按椭球面计算），使密度累加为人数。

与 QGIS 分区统计的区别：QGIS 在像元中心位于分区内时整格计入，否则完全不计。对只有几个像元宽的分区（100 米格网上的社区），误差可达 100% 以上，相邻分区之和也不等于其并集。这里相邻分区按边界分享像元，各分区之和等于其并集之和。

与栅格坐标系不同的分区会重投影到栅格格网上（GHSL 为 World Mollweide，ESRI:54009；WorldPop 为经纬度），边先切分为四分之一像元长。只按条带读取分区覆盖的窗口，全国格网也不会占满内存。跳过无数据、NaN 和负值像元。日志给出方法、分区范围内栅格总人口和各分区合计。

输出字段（排在分区原有字段之后）：pop（人口，精确；分区内没有有数据像元时为 NULL，即未评估）、pop_cells（分区触及的有数据像元数）、pop_gap（分区面积中无数据的比例：位于栅格之外或为无数据；栅格完全覆盖时为 0）、pop_method（方法）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="118"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="72"/>
        <source>Polygons to count the people of: street/town units, communities, life circles, hazard zones.</source>
        <translation>要统计人口的面：街镇单元、社区、生活圈、灾害分区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="74"/>
        <source>Population raster</source>
        <translation>人口栅格</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="75"/>
        <source>A population grid GDAL can read (GeoTIFF …): WorldPop, GHSL POP, LandScan, or a city grid.</source>
        <translation>GDAL 可读的人口格网（GeoTIFF 等）：WorldPop、GHSL POP、LandScan 或城市格网人口。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="77"/>
        <source>Raster values are</source>
        <translation>栅格值为</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="80"/>
        <source>People per cell (WorldPop ppp, GHSL POP, LandScan), or people per km² (density products such as WorldPop's pd), which are multiplied by each cell's area.</source>
        <translation>每像元人数（WorldPop ppp、GHSL POP、LandScan），或每平方公里人数（WorldPop pd 等密度产品），后者乘以各像元面积。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="87"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="88"/>
        <source>The band that holds the people (empty: band 1, as in WorldPop and GHSL).</source>
        <translation>存放人口的波段（留空：波段 1，与 WorldPop 和 GHSL 相同）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="90"/>
        <source>Zones with population</source>
        <translation>带人口的分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="91"/>
        <source>The zones with pop, pop_cells, pop_gap and pop_method.</source>
        <translation>带 pop、pop_cells、pop_gap 和 pop_method 字段的分区。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="130"/>
        <source>People (exact)</source>
        <translation>人口（精确）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="130"/>
        <source>Cells with data touched</source>
        <translation>触及的有数据像元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="130"/>
        <source>Share of area without data</source>
        <translation>无数据面积比例</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="130"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="151"/>
        <source>Method: {0}; raster '{1}', band {2}, {3} × {4} cells of {5:g} × {6:g} {7}.</source>
        <translation>方法：{0}；栅格“{1}”，波段 {2}，{3} × {4} 个像元，每个 {5:g} × {6:g} {7}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="151"/>
        <source>degrees</source>
        <translation>度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="151"/>
        <source>CRS units</source>
        <translation>坐标系单位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="163"/>
        <source>The raster holds {0:,.0f} people in the window the zones cover; the {1} zone(s) assessed hold {2:,.0f} ({3} not assessed).</source>
        <translation>分区覆盖的窗口内栅格共有 {0:,.0f} 人；已评估的 {1} 个分区合计 {2:,.0f} 人（{3} 个未评估）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/population/zonal_population.py" line="43"/>
        <source>A zone without a polygon has pop, pop_cells and pop_gap NULL: nothing in it was measured.</source>
        <translation>没有面要素的区域，其 pop、pop_cells 与 pop_gap 为空值（NULL）：区域内没有任何测量。</translation>
    </message>
</context>
</TS>
