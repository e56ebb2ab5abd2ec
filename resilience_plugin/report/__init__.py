"""The atlas report (``atlas.py``): a QGIS print layout with a title section, one page per cluster, per street/town
unit, per corridor-failure scenario and per cluster's emergency transfer, exported to PDF. The page contents
(tables, numbers, texts) are computed in ``core.report``; this folder lays them out.
"""
