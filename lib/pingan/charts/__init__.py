"""The workbook's Altair charts, built from the curated tables.

Importing this package registers and enables the ``pingan`` theme and renderer: each
chart's output carries its Vega-Lite v5 spec (drawn by JupyterLab offline) and a PNG
(shown where JavaScript is absent).
"""
from .context_charts import (coverage_chart, practice_categories_chart, practice_heatmap,
                             timeline_chart)
from .map_chart import zhejiang_map
from .renderer import enable_renderer, to_png, to_svg
from .statistics_charts import (changes_chart, counts_chart, honours_chart, per_capita_chart,
                                rates_chart, shared_indicators_chart)
from .style import CITY_COLORS, enable_theme

__all__ = ["changes_chart", "counts_chart", "rates_chart", "honours_chart", "shared_indicators_chart",
           "per_capita_chart", "timeline_chart", "zhejiang_map", "practice_heatmap",
           "practice_categories_chart", "coverage_chart", "enable_charts", "CITY_COLORS", "to_png", "to_svg"]


def enable_charts() -> None:
    """Enable the workbook's theme and renderer (done on import; call again after changing them)."""
    enable_theme()
    enable_renderer()


enable_charts()
