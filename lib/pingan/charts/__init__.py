"""The workbook's Altair charts, built from the curated tables (see docs/charts.md).

Every builder takes the tables it draws (``tables=``, the dict ``pingan.load_all()``
returns; loaded only when omitted) and ``lang="en"`` or ``"zh"``, and returns a framed
chart: a title stating the finding (computed from the rows drawn; ``title=`` overrides it),
one subtitle line with the metric and period, and one source line beneath the plot.

Importing this package changes nothing in Altair: ``pingan.enable_charts()`` switches on
the workbook's theme and renderer (each output carries the Vega-Lite v5 spec JupyterLab
draws offline, and a light PNG for viewers without JavaScript). Submodules load on first
use, so reading ``pingan.CITY_COLORS`` does not import Altair.
"""
from __future__ import annotations

import importlib

BUILDERS = {
    "changes_chart": "statistics_charts", "counts_chart": "statistics_charts", "rates_chart": "statistics_charts",
    "honours_chart": "statistics_charts", "shared_indicators_chart": "statistics_charts",
    "per_capita_chart": "statistics_charts", "timeline_chart": "context_charts",
    "practice_heatmap": "context_charts", "practice_categories_chart": "context_charts",
    "coverage_chart": "context_charts", "zhejiang_map": "map_chart", "overview_chart": "map_chart",
    # the governance model of each city (issue 12)
    "architecture_chart": "model_charts", "templates_chart": "model_charts", "template_matrix_chart": "model_charts",
    "sections_chart": "model_charts", "term_emphasis_chart": "term_charts",
    # an article's parts side by side: Wucheng's three nets, Jiaxing's county cases
    "sections_detail_chart": "sections_detail_chart",
    "two_articles_chart": "two_articles_chart", "capacity_chart": "capacity_chart",
    "border_map": "alliance_map",  # Quzhou's four-province alliance on a map
}
HELPERS = {
    "enable_charts": "renderer", "to_png": "renderer", "to_svg": "renderer",
    "CITY_COLORS": "style", "CITY_NAMES": "style", "OTHER_COLOR": "style", "category_label": "style",
    "frame": "framing", "source_line": "framing", "city_color": "framing", "labels_beside": "framing",
    "wrap": "framing", "shorten": "framing", "chart_title": "framing",
    "FAMILY_LABELS": "model_labels", "TIER_LABELS": "model_labels", "RELATION_LABELS": "model_labels",
    "family_label": "model_labels", "tier_label": "model_labels", "relation_label": "model_labels",
    "MODEL_TERMS": "term_charts",
    "section_blocks": "sections_detail_chart",
    "alliance_cities": "alliance_map",
}
_WHERE = {**BUILDERS, **HELPERS}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pingan.charts' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_WHERE))
