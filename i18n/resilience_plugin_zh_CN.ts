<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LifeCirclesAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="54" />
        <source>Community life circles</source>
        <translation>韧性社村生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="57" />
        <source>Draws the resilient community life circle (韧性社村生活圈) of every community or village and checks the facilities inside it against the plan: a circle of 1000-1500 m (第12、53条) that holds refuge space (shelters, parks, school playgrounds), fire and police, health care and daily supplies (supermarkets, vegetable markets, pharmacies) (第54、55条), with enough shelter area per person.

Without a network each circle is a straight-line buffer. With a walking network it is the part of the city reachable within the distance along it: the community connects at its nearest point of the network (all nearest points on a tie) within the snapping tolerance; every edge reached within the distance is kept, partly reached edges are cut at the exact point, and the reached lines are buffered by the half-width. Walking distance is measured along the network from that point. No point of a circle lies farther than distance + half-width from the community along the network. A community with no network within the tolerance is kept and flagged 'unreachable'. The network is built once and searched per community within the distance only; a network that is not noded is noded first (reported in the log).

Work is done in metres: geographic input is reprojected to a local CGCS2000 Gauss-Kruger zone (UTM outside China); the output is in that CRS. Polygon communities are buffered as polygons in straight-line mode and start from a point on their surface along the network. Facility categories are matched on the profile's codes and English or Chinese names; others count as 'other' and are listed in the log.

Output fields (after the community's own): lc_method (straight-line or network), lc_radius_m, lc_status (ok, unreachable, no geometry), lc_snap_m (distance to the network), lc_area_km2, lc_pop (population of all communities inside the circle, who share its facilities), n_&lt;category&gt; (facilities of each category inside, and n_other), shelter_m2 (shelter area inside), shelter_pp (shelter_m2 / lc_pop), shelter_tgt (the profile's target per person), shelter_ok, missing and missing_zh (required categories the circle lacks; a|b means either), lc_pass (1 when nothing is missing and the shelter target is met), clauses.

Coverage (optional): all circles dissolved into one layer, to show the parts of each street/town unit that no circle covers.</source>
        <translation>为每个社区或村庄绘制韧性社村生活圈，并按规划检查圈内设施：1000—1500米范围的生活圈（第12、53条）应具备避难空间（避难场所、公园、学校操场）、消防与警务、医疗以及超市、菜站、药店等生活物资供应（第54、55条），并有足够的人均避难面积。

不提供路网时，生活圈为直线距离缓冲区。提供步行网络时，生活圈为沿网络在该距离内可达的范围：社区在捕捉容差内连接到网络上最近的点（距离相同时连接所有最近点）；距离内可达的每条边都保留，部分可达的边在精确位置截断，再将可达线路按半宽缓冲成面。步行距离从该连接点起沿网络计算。生活圈内任何一点沿网络到社区的距离都不超过“距离 + 半宽”。容差内没有网络的社区予以保留并标记为“unreachable（不可达）”。网络只构建一次，每个社区只在该距离内搜索；未打断的网络先在交叉处打断（写入日志）。

以米为单位计算：地理坐标输入会重投影到当地的 CGCS2000 高斯—克吕格投影带（中国以外用 UTM），输出也采用该坐标系。面状社区在直线模式下按面缓冲，在网络模式下从面内一点出发。设施类别按配置中的代码及中英文名称匹配，其他类别计入“other（其他）”并列在日志中。

输出字段（排在社区原有字段之后）：lc_method（直线或网络）、lc_radius_m（半径）、lc_status（ok、unreachable、no geometry）、lc_snap_m（到网络的距离）、lc_area_km2（面积）、lc_pop（圈内所有社区的人口，共享圈内设施）、n_&lt;类别&gt;（圈内各类设施数量，另有 n_other）、shelter_m2（圈内避难面积）、shelter_pp（shelter_m2 / lc_pop）、shelter_tgt（配置中的人均目标）、shelter_ok（是否达标）、missing 与 missing_zh（生活圈缺少的必备类别；a|b 表示二者之一即可）、lc_pass（无缺项且避难面积达标时为 1）、clauses（规划条款）。

覆盖范围（可选）：把所有生活圈融合为一个图层，显示各街镇单元中未被任何生活圈覆盖的部分。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="91" />
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="92" />
        <source>Communities or villages, as points or polygons (韧性社村生活圈 start here, 第53条).</source>
        <translation>社区或村庄，点或面（韧性社村生活圈以此为起点，第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="94" />
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="101" />
        <source>Radius of the circle, in metres, straight-line or along the network. The plan sets 1000-1500 m (第53条).</source>
        <translation>生活圈半径（米），按直线或沿网络计算。规划规定为1000—1500米（第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="103" />
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="104" />
        <source>Optional walking network (lines). Empty: straight-line circles.</source>
        <translation>可选的步行网络（线）。留空：按直线距离绘制生活圈。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="106" />
        <source>Snapping tolerance (m)</source>
        <translation>捕捉容差（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="113" />
        <source>Farthest a community may lie from the network and still connect to it.</source>
        <translation>社区距网络的最远距离，超过则无法连接。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="115" />
        <source>Half-width around reached streets (m)</source>
        <translation>可达街道两侧半宽（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="122" />
        <source>The reached network is buffered by this much to make the circle's polygon.</source>
        <translation>可达网络按此距离缓冲，形成生活圈的面。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="124" />
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="125" />
        <source>Optional facilities (points or polygons) to count in each circle.</source>
        <translation>可选的设施（点或面），统计每个生活圈内的数量。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="210" />
        <source>Facility category field</source>
        <translation>设施类别字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="128" />
        <source>Field with the facility category: a profile code (fire_station …), or its English or Chinese name.</source>
        <translation>保存设施类别的字段：配置中的代码（如 fire_station），或其英文、中文名称。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="211" />
        <source>Shelter area field (m²)</source>
        <translation>避难面积字段（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="138" />
        <source>Optional field with each facility's effective shelter area in m².</source>
        <translation>可选字段，保存每个设施的有效避难面积（平方米）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="185" />
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="141" />
        <source>Optional field with each community's population, for the shelter area per person.</source>
        <translation>可选字段，保存每个社区的人口，用于计算人均避难面积。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="144" />
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="145" />
        <source>One circle per community, with its facility counts, shelter area and checklist.</source>
        <translation>每个社区一个生活圈，含设施数量、避难面积和核查结果。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="147" />
        <source>Coverage</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="148" />
        <source>Optional: all circles dissolved into one polygon.</source>
        <translation>可选：所有生活圈融合成的一个面。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="173" />
        <source>Layer '{0}' has no features.</source>
        <translation>图层“{0}”没有要素。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="177" />
        <source>Distance {0:g} m is outside the plan's {1:g}-{2:g} m for life circles (第53条).</source>
        <translation>距离 {0:g} 米超出规划规定的生活圈范围 {1:g}—{2:g} 米（第53条）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="209" />
        <source>Choose the field of layer '{0}' that holds the facility category.</source>
        <translation>请选择图层“{0}”中保存设施类别的字段。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="221" />
        <source>{0}: {1} facility(ies) in categories outside the profile's vocabulary, counted as 'other': {2}</source>
        <translation>{0}：{1} 个设施的类别不在配置词表中，计入“other（其他）”：{2}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="232" />
        <source>No facilities given: every required category will be reported missing.</source>
        <translation>未提供设施：所有必备类别都将报告为缺失。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="255" />
        <source>{0}: the network was not noded; lines were split where they cross ({1} more segments).</source>
        <translation>{0}：网络未在交叉处打断；已在交叉处拆分线段（增加 {1} 段）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="260" />
        <source>Network: {0} edges, {1} nodes.</source>
        <translation>网络：{0} 条边，{1} 个节点。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="271" />
        <source>{0} community(ies) have no network within {1:g} m and are flagged 'unreachable'.</source>
        <translation>{0} 个社区在 {1:g} 米内没有网络，已标记为“unreachable（不可达）”。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="364" />
        <source>{0} circles ({1}); {2} pass the checklist, {3} do not.</source>
        <translation>共 {0} 个生活圈（{1}）；{2} 个通过核查，{3} 个未通过。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="399" />
        <source>{0}: layer '{1}' has no field '{2}'; not used.</source>
        <translation>{0}：图层“{1}”没有字段“{2}”，不予使用。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="416" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="417" />
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="418" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="419" />
        <source>Distance to network (m)</source>
        <translation>到网络距离（米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="420" />
        <source>Circle area (km²)</source>
        <translation>生活圈面积（平方千米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="421" />
        <source>Population in circle</source>
        <translation>圈内人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="424" />
        <source>Count: {0}</source>
        <translation>数量：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="425" />
        <source>Shelter area (m²)</source>
        <translation>避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="426" />
        <source>Shelter area per person (m²)</source>
        <translation>人均避难面积（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="427" />
        <source>Shelter target per person (m²)</source>
        <translation>人均避难面积目标（平方米）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="428" />
        <source>Shelter target met</source>
        <translation>避难面积达标</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="429" />
        <source>Missing categories</source>
        <translation>缺少的类别</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="430" />
        <source>Missing categories (Chinese)</source>
        <translation>缺少的类别（中文）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="431" />
        <source>Passes the checklist</source>
        <translation>通过核查</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/life_circles.py" line="432" />
        <source>Plan clauses</source>
        <translation>规划条款</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="32" />
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41" />
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="41" />
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="47" />
        <source>Double-click a value to edit it (JSON for lists and tables). Confidence C marks values recalled from a standard and not confirmed: check them before relying on them.</source>
        <translation>双击数值即可编辑（列表和表格请用 JSON 格式）。可信度 C 表示凭记忆引用、尚未核实的标准数值：使用前请核对原文。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="57" />
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="58" />
        <source>Save copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="59" />
        <source>Use for new runs</source>
        <translation>用于新的运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="60" />
        <source>Built-in profile</source>
        <translation>内置配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="79" />
        <source>Profile not loaded</source>
        <translation>配置未加载</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="108" />
        <source>'{0}' is not valid JSON</source>
        <translation>“{0}”不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="129" />
        <source>Profile not saved</source>
        <translation>配置未保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="119" />
        <source>Save plan profile</source>
        <translation>保存规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="135" />
        <source>Plan profile (*.json)</source>
        <translation>规划参数配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="132" />
        <source>Profile saved</source>
        <translation>配置已保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="135" />
        <source>Load plan profile</source>
        <translation>加载规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146" />
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146" />
        <source>New runs use: {0}</source>
        <translation>新的运行将使用：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="146" />
        <source>the built-in profile</source>
        <translation>内置配置</translation>
    </message>
</context>
<context>
    <name>ProfileTableAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="28" />
        <source>Plan profile table</source>
        <translation>规划参数表</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="31" />
        <source>Checks a plan profile and writes every value in it as a table, with its unit, its source (a clause 第N条 of the Beijing Resilient City Spatial Special Plan 2022-2035, or a standard and its clause) and how confident that source is. Attach the table to a report as the record of the numbers an analysis used.

Plan profile: a profile file (JSON). Leave it empty for the built-in Beijing profile. A broken profile stops the run with a message naming the key at fault.

Output fields: key (dotted name of the value), value (the value, as JSON text), unit, source (plan clause or standard), confidence (A: clause text read; B: secondary source; C: recalled, unconfirmed, to be checked; plan: defined by the plan; assumption: a modelling convention).</source>
        <translation>检查规划参数配置，并把其中每个数值连同单位、依据（《北京市韧性城市空间专项规划（2022年—2035年）》第N条，或标准及其条款）和依据的可信度写成一张表。可将此表附在报告中，作为分析所用数值的记录。

规划参数配置：配置文件（JSON）。留空则使用内置的北京配置。配置有误时运行中止，提示信息指明出错的键。

输出字段：key（数值的点分名称）、value（数值，JSON 文本）、unit（单位）、source（规划条款或标准）、confidence（A：已读到条文原文；B：二手来源；C：凭记忆引用、未核实、待核对；plan：规划文本自身规定；assumption：建模约定）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="45" />
        <source>Profile values</source>
        <translation>配置数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="46" />
        <source>One row per profile value: key, value, unit, source and confidence.</source>
        <translation>每个配置数值一行：键、数值、单位、依据和可信度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="48" />
        <source>Profile id</source>
        <translation>配置标识</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="56" />
        <source>Plan profile: {0} ({1})</source>
        <translation>规划参数配置：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>Resilience</name>
    <message>
        <location filename="../resilience_plugin/sample.py" line="162" />
        <source>Sample city (synthetic, schematic)</source>
        <translation>示例城市（合成、示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="23" />
        <source>Resilience Planner</source>
        <translation>韧性城市规划工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="26" />
        <source>Resilience Planner (Beijing resilient city plan 2022-2035)</source>
        <translation>韧性城市规划工具（北京市韧性城市空间专项规划 2022—2035）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/__init__.py" line="11" />
        <source>Plan profile and sample data</source>
        <translation>规划参数与示例数据</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="27" />
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="28" />
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="29" />
        <source>Communities and villages</source>
        <translation>社区与村庄</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="30" />
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="31" />
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="32" />
        <source>Emergency corridors</source>
        <translation>应急疏散救援通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="33" />
        <source>Active faults (schematic)</source>
        <translation>活动断裂（示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="34" />
        <source>Water supply zones</source>
        <translation>供水分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="35" />
        <source>Power supply zones</source>
        <translation>供电分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="36" />
        <source>Gas supply zones</source>
        <translation>燃气分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="37" />
        <source>Flood-risk zones</source>
        <translation>洪涝风险区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="38" />
        <source>Geological hazard points</source>
        <translation>地质灾害隐患点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="39" />
        <source>Greenbelts</source>
        <translation>绿化隔离地区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="40" />
        <source>Rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="118" />
        <source>Grade 1 corridor</source>
        <translation>一级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="119" />
        <source>Grade 2 corridor</source>
        <translation>二级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="120" />
        <source>Grade 3 corridor</source>
        <translation>三级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="136" />
        <source>High flood risk</source>
        <translation>洪涝高风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="137" />
        <source>Medium flood risk</source>
        <translation>洪涝中风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="142" />
        <source>Low flood risk</source>
        <translation>洪涝低风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/lifecircles/__init__.py" line="11" />
        <source>Community life circles</source>
        <translation>韧性社村生活圈</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="39" />
        <source>{0}: {1} feature(s) without geometry, kept in the output and flagged.</source>
        <translation>{0}：{1} 个要素没有几何，已保留在输出中并加以标记。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="45" />
        <source>{0}: {1} invalid geometry(ies) repaired with make-valid.</source>
        <translation>{0}：{1} 个无效几何已用 make-valid 修复。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="49" />
        <source>{0}: {1} geometry(ies) could not be reprojected and were left out.</source>
        <translation>{0}：{1} 个几何无法重投影，已略去。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="60" />
        <source>Layer '{0}' has no coordinate reference system. Set its CRS (Layer Properties › Source) and run again.</source>
        <translation>图层“{0}”没有坐标参考系。请设置其坐标系（图层属性 › 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="72" />
        <source>Layer '{0}' is in geographic coordinates ({1}); working in EPSG:{2} ({3}), in metres.</source>
        <translation>图层“{0}”为地理坐标（{1}）；改在 EPSG:{2}（{3}）中以米为单位计算。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="154" />
        <source>{0}, field '{1}': {2} value(s) null, not a number or negative, counted as 0.</source>
        <translation>{0} 的字段“{1}”：{2} 个值为空、非数字或为负，按 0 计。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/io.py" line="184" />
        <source>{0}: layer '{1}' has no field '{2}'. Its fields are: {3}.</source>
        <translation>{0}：图层“{1}”没有字段“{2}”。该图层的字段为：{3}。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/styles.py" line="62" />
        <source>Passes the checklist (第54、55条)</source>
        <translation>通过核查（第54、55条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/styles.py" line="62" />
        <source>Lacks facilities or shelter area</source>
        <translation>缺少设施或避难面积不足</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="43" />
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/base.py" line="51" />
        <source>A plan profile file (JSON). Empty: the built-in Beijing profile.</source>
        <translation>规划参数配置文件（JSON）。留空：使用内置北京配置。</translation>
    </message>
</context>
<context>
    <name>ResiliencePlugin</name>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="61" />
        <source>Resilience Planner cannot run</source>
        <translation>韧性城市规划工具无法运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="85" />
        <source>Resilience</source>
        <translation>韧性规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="87" />
        <source>&amp;Resilience</source>
        <translation>韧性规划(&amp;R)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="96" />
        <source>Street/town unit scorecard</source>
        <translation>街镇单元评分卡</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="130" />
        <source>Analysis tools</source>
        <translation>分析工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="238" />
        <source>Load sample city</source>
        <translation>加载示例城市</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="115" />
        <source>Plan profile…</source>
        <translation>规划参数配置…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="122" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="238" />
        <source>Loaded {0} layers of the synthetic, schematic sample city. It is not real data.</source>
        <translation>已加载合成示意示例城市的 {0} 个图层。这些不是真实数据。</translation>
    </message>
</context>
<context>
    <name>SampleLayerAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="24" />
        <source>Sample city layer</source>
        <translation>示例城市图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="41" />
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="42" />
        <source>The sample city layer to copy.</source>
        <translation>要复制的示例城市图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="44" />
        <source>Sample layer</source>
        <translation>示例图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="45" />
        <source>The copied sample layer.</source>
        <translation>复制得到的示例图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="56" />
        <source>The sample city is missing or unreadable: {0}</source>
        <translation>示例城市数据缺失或无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="27" />
        <source>Copies one layer of the embedded sample city into a new layer, so that models, batch runs and qgis_process can start from it. The sample city is SYNTHETIC and SCHEMATIC: a Beijing-like city whose districts carry the 2020 census totals, with street/town units (第50条), communities (第53条), facilities (第48、51、54、55条), a walking network, emergency corridors in grades 1-3 (第24-26、33条), schematic active faults (第44、86条), lifeline zones (第47条), flood-risk zones, geological-hazard points and the two greenbelts (第25条). None of it is real.

Layer: which sample layer to copy.

Output: the copied layer, with the sample's own fields and CRS (EPSG:4548, CGCS2000 3-degree CM 117E; facilities EPSG:4326).</source>
        <translation>把内置示例城市的一个图层复制为新图层，供模型、批处理和 qgis_process 使用。示例城市是合成的示意数据：一座仿北京的城市，各区人口取自2020年人口普查总数，含街镇单元（第50条）、社区（第53条）、设施（第48、51、54、55条）、步行网络、一至三级应急疏散救援通道（第24—26、33条）、示意活动断裂（第44、86条）、生命线分区（第47条）、洪涝风险区、地质灾害隐患点和两道绿化隔离地区（第25条）。其中没有任何真实数据。

图层：要复制的示例图层。

输出：复制得到的图层，保留示例数据原有字段和坐标系（EPSG:4548，CGCS2000 3度带中央经线117°E；设施为 EPSG:4326）。</translation>
    </message>
</context>
<context>
    <name>ScorecardDock</name>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="185" />
        <source>Choose a polygon layer of street/town units.</source>
        <translation>请选择街镇单元面图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="193" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="197" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="198" />
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="194" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="195" />
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="196" />
        <source>Density (/km²)</source>
        <translation>密度（人/km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="213" />
        <source>(unnamed, id {0})</source>
        <translation>（未命名，编号 {0}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="239" />
        <source>{0} units · population {1:,.0f}</source>
        <translation>{0} 个单元 · 人口 {1:,.0f}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="241" />
        <source>{0} without a valid population in field '{1}'</source>
        <translation>{0} 个单元的“{1}”字段没有有效人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="9" />
        <source>Street/town unit scorecard</source>
        <translation>街镇单元评分卡</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="17" />
        <source>Units layer</source>
        <translation>单元图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="22" />
        <source>Polygon layer of street/town units (韧性街镇单元, 第50条)</source>
        <translation>街镇单元面图层（韧性街镇单元，第50条）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="27" />
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="35" />
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="45" />
        <source>Filter units…</source>
        <translation>筛选单元…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.ui" line="70" />
        <source>Zoom to selection</source>
        <translation>缩放至所选</translation>
    </message>
</context>
</TS>