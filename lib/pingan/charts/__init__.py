"""The workbook's Altair charts, built from the curated tables (see docs/charts.md).

Every builder takes the tables it draws (``tables=``, the dict ``pingan.load_all()``
returns; loaded only when omitted) and ``lang="en"`` or ``"zh"``, and returns a framed
chart: a title stating the finding (computed from the rows drawn; ``title=`` overrides it),
one subtitle line with the metric and period, and one source line beneath the plot.

Importing this package changes nothing in Altair: ``pingan.enable_charts()`` switches on
the workbook's theme and renderer (each output carries the Vega-Lite v5 spec JupyterLab
draws offline, and a light PNG for viewers without JavaScript). Submodules load on first
use: importing ``pingan.charts`` does not import Altair until a builder is called.
"""
from __future__ import annotations

import importlib

BUILDERS = {
    "changes_chart": "_statistics_charts", "counts_chart": "_statistics_charts", "rates_chart": "_statistics_charts",
    "honours_chart": "_statistics_charts", "shared_indicators_chart": "_statistics_charts",
    "per_capita_chart": "_statistics_charts", "timeline_chart": "_context_charts",
    "practice_heatmap": "_context_charts", "practice_categories_chart": "_context_charts",
    "coverage_chart": "_context_charts", "zhejiang_map": "_map_chart", "overview_chart": "_map_chart",
    # the governance model of each city
    "architecture_chart": "_model_charts", "templates_chart": "_model_charts", "template_matrix_chart": "_model_charts",
    "sections_chart": "_model_charts", "term_emphasis_chart": "_term_charts",
    # an article's parts side by side: Wucheng's three nets, Jiaxing's county cases
    "sections_detail_chart": "_sections_detail_chart",
    "two_articles_chart": "_two_articles_chart", "capacity_chart": "_capacity_chart",
    "border_map": "_alliance_map",  # Quzhou's four-province alliance on a map
}
HELPERS = {
    "enable_charts": "_renderer", "to_png": "_renderer", "to_svg": "_renderer",
    "section_blocks": "_sections_detail_chart",  # the data a sections_detail_chart draws, as a frame
    "alliance_cities": "_alliance_map",  # the data the border map draws, as a frame
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
