"""The workbook's chart theme: the font, ink colours and the ``pingan`` Altair theme.

Nothing here imports Altair or changes its state until :func:`enable_theme` runs (through
``pingan.enable_charts()``)."""
from __future__ import annotations

__all__ = ["FONT", "INK", "MUTED", "theme_config", "enable_theme"]

FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INK = "#222222"     # text and reference lines
MUTED = "#666666"   # subtitles, source lines, axis labels


def theme_config() -> dict:
    """The ``pingan`` theme: left-aligned titles, muted subtitles and axes, no chart border."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"continuousWidth": 440, "continuousHeight": 260, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": 600, "color": INK,
                      "subtitleFontSize": 11, "subtitleColor": MUTED, "offset": 10, "subtitlePadding": 4},
            "axis": {"labelFontSize": 11, "titleFontSize": 11, "titleFontWeight": "normal",
                     "labelColor": "#444444", "titleColor": MUTED, "labelLimit": 320,
                     "domainColor": "#888888", "tickColor": "#888888", "gridColor": "#e6e6e6"},
            "axisY": {"domain": False, "ticks": False},
            "header": {"labelFontSize": 12, "labelFontWeight": 600, "labelColor": INK, "titleFontSize": 11},
            "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "top", "title": None},
            "bar": {"cornerRadiusEnd": 1},
            "text": {"fontSize": 11, "color": INK},
        }
    }


def enable_theme() -> None:
    """Register and switch on the ``pingan`` Altair theme (idempotent)."""
    import altair as alt
    if "pingan" not in alt.theme.names():
        alt.theme.register("pingan", enable=False)(theme_config)
    alt.theme.enable("pingan")
