<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="49" />
        <source>Double-click a value to edit it (JSON for lists and tables). Confidence C marks values recalled from a standard and not confirmed: check them before relying on them.</source>
        <translation>双击数值即可编辑（列表和表格请用 JSON 格式）。可信度 C 表示凭记忆引用、尚未核实的标准数值：使用前请核对原文。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="54" />
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="55" />
        <source>Save copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="56" />
        <source>Use for new runs</source>
        <translation>用于新的运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="57" />
        <source>Built-in profile</source>
        <translation>内置配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="76" />
        <source>Profile not loaded</source>
        <translation>配置未加载</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="105" />
        <source>'{0}' is not valid JSON</source>
        <translation>“{0}”不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="126" />
        <source>Profile not saved</source>
        <translation>配置未保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="116" />
        <source>Save plan profile</source>
        <translation>保存规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="132" />
        <source>Plan profile (*.json)</source>
        <translation>规划参数配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="129" />
        <source>Profile saved</source>
        <translation>配置已保存</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="132" />
        <source>Load plan profile</source>
        <translation>加载规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="143" />
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="143" />
        <source>New runs use: {0}</source>
        <translation>新的运行将使用：{0}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/profile_dialog.py" line="143" />
        <source>the built-in profile</source>
        <translation>内置配置</translation>
    </message>
</context>
<context>
    <name>ProfileTableAlgorithm</name>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="31" />
        <source>Plan profile table</source>
        <translation>规划参数表</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="34" />
        <source>Checks a plan profile and writes every value in it as a table, with its unit, its source (a clause 第N条 of the Beijing Resilient City Spatial Special Plan 2022-2035, or a standard and its clause) and how confident that source is. Attach the table to a report as the record of the numbers an analysis used.

Plan profile: a profile file (JSON). Leave it empty for the built-in Beijing profile. A broken profile stops the run with a message naming the key at fault.

Output fields: key (dotted name of the value), value (the value, as JSON text), unit, source (plan clause or standard), confidence (A: clause text read; B: secondary source; C: recalled, unconfirmed, to be checked; plan: defined by the plan; assumption: a modelling convention).</source>
        <translation>检查规划参数配置，并把其中每个数值连同单位、依据（《北京市韧性城市空间专项规划（2022年—2035年）》第N条，或标准及其条款）和依据的可信度写成一张表。可将此表附在报告中，作为分析所用数值的记录。

规划参数配置：配置文件（JSON）。留空则使用内置的北京配置。配置有误时运行中止，提示信息指明出错的键。

输出字段：key（数值的点分名称）、value（数值，JSON 文本）、unit（单位）、source（规划条款或标准）、confidence（A：已读到条文原文；B：二手来源；C：凭记忆引用、未核实、待核对；plan：规划文本自身规定；assumption：建模约定）。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="47" />
        <source>Plan profile</source>
        <translation>规划参数配置</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="51" />
        <source>A plan profile file (JSON). Empty: the built-in Beijing profile.</source>
        <translation>规划参数配置文件（JSON）。留空：使用内置北京配置。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="53" />
        <source>Profile values</source>
        <translation>配置数值</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="54" />
        <source>One row per profile value: key, value, unit, source and confidence.</source>
        <translation>每个配置数值一行：键、数值、单位、依据和可信度。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="56" />
        <source>Profile id</source>
        <translation>配置标识</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/profile_table.py" line="64" />
        <source>Plan profile: {0} ({1})</source>
        <translation>规划参数配置：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>Resilience</name>
    <message>
        <location filename="../resilience_plugin/sample.py" line="176" />
        <source>Sample city (synthetic, schematic)</source>
        <translation>示例城市（合成、示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="20" />
        <source>Resilience Planner</source>
        <translation>韧性城市规划工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/provider.py" line="23" />
        <source>Resilience Planner (Beijing resilient city plan 2022-2035)</source>
        <translation>韧性城市规划工具（北京市韧性城市空间专项规划 2022—2035）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/__init__.py" line="11" />
        <source>Plan profile and sample data</source>
        <translation>规划参数与示例数据</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="33" />
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="34" />
        <source>Street/town units</source>
        <translation>街镇单元</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="35" />
        <source>Communities and villages</source>
        <translation>社区与村庄</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="36" />
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="37" />
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="38" />
        <source>Emergency corridors</source>
        <translation>应急疏散救援通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="39" />
        <source>Active faults (schematic)</source>
        <translation>活动断裂（示意）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="40" />
        <source>Water supply zones</source>
        <translation>供水分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="41" />
        <source>Power supply zones</source>
        <translation>供电分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="42" />
        <source>Gas supply zones</source>
        <translation>燃气分区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="43" />
        <source>Flood-risk zones</source>
        <translation>洪涝风险区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="44" />
        <source>Geological hazard points</source>
        <translation>地质灾害隐患点</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="45" />
        <source>Greenbelts</source>
        <translation>绿化隔离地区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="46" />
        <source>Rivers</source>
        <translation>河流</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="137" />
        <source>Grade 1 corridor</source>
        <translation>一级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="138" />
        <source>Grade 2 corridor</source>
        <translation>二级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="139" />
        <source>Grade 3 corridor</source>
        <translation>三级通道</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="155" />
        <source>High flood risk</source>
        <translation>洪涝高风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="156" />
        <source>Medium flood risk</source>
        <translation>洪涝中风险</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/sample.py" line="157" />
        <source>Low flood risk</source>
        <translation>洪涝低风险</translation>
    </message>
</context>
<context>
    <name>ResiliencePlugin</name>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="59" />
        <source>Resilience Planner cannot run</source>
        <translation>韧性城市规划工具无法运行</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="78" />
        <source>Resilience</source>
        <translation>韧性规划</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="80" />
        <source>&amp;Resilience</source>
        <translation>韧性规划(&amp;R)</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="89" />
        <source>Street/town unit scorecard</source>
        <translation>街镇单元评分卡</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="118" />
        <source>Analysis tools</source>
        <translation>分析工具</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="197" />
        <source>Load sample city</source>
        <translation>加载示例城市</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="103" />
        <source>Plan profile…</source>
        <translation>规划参数配置…</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="108" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/plugin.py" line="197" />
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
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="40" />
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="43" />
        <source>The sample city layer to copy.</source>
        <translation>要复制的示例城市图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="45" />
        <source>Sample layer</source>
        <translation>示例图层</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="46" />
        <source>The copied sample layer.</source>
        <translation>复制得到的示例图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/processing/tools/sample_layer.py" line="57" />
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
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="174" />
        <source>Choose a polygon layer of street/town units.</source>
        <translation>请选择街镇单元面图层。</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="181" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="181" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="181" />
        <source>District</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="181" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="182" />
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="182" />
        <source>Density (/km²)</source>
        <translation>密度（人/km²）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="195" />
        <source>(unnamed, id {0})</source>
        <translation>（未命名，编号 {0}）</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="217" />
        <source>{0} units · population {1:,.0f}</source>
        <translation>{0} 个单元 · 人口 {1:,.0f}</translation>
    </message>
    <message>
        <location filename="../resilience_plugin/gui/scorecard_dock.py" line="219" />
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