"""The workbook's chart theme: the font, ink colours and the ``pingan`` Altair theme.

Nothing here imports Altair or changes its state until :func:`enable_theme` runs (through
``pingan.enable_charts()``)."""
from __future__ import annotations

import re

__all__ = ["FONT", "INK", "MUTED", "HALO", "CELL_RANGE", "TEXT_CONTRAST", "contrast", "text_shade", "theme_config", "enable_theme"]

FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INK = "#222222"     # text and reference lines
MUTED = "#666666"   # subtitles, source lines, axis labels
HALO = "#ffffff"    # the white outline drawn beneath dark text that sits on a coloured shape
CELL_RANGE = ["#f7fbff", "#6baed6"]  # heatmap cells, light to mid blue: dark numbers read on all (6.4:1 or more)
TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text: every text against what it sits on

_NAMED = {"white": "#ffffff", "black": "#000000"}


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a '#rrggbb' (or '#rgb', 'white', 'black') colour."""
    c = _NAMED.get(colour.lower(), colour).lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", c):
        raise ValueError(f"not a hex colour: {colour!r}")
    lin = [(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
           for v in (int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_shade(colour: str, on: str = "#ffffff") -> str:
    """The colour darkened (towards black, same hue) just enough for text on ``on`` to reach
    :data:`TEXT_CONTRAST`: the city's green #009E73 is 3.4:1 on white, too light for text."""
    c = _NAMED.get(colour.lower(), colour).lstrip("#")
    rgb = [int(c[i:i + 2], 16) for i in (0, 2, 4)]
    for k in range(101):
        shade = "#" + "".join(f"{round(v * (1 - k / 100)):02x}" for v in rgb)
        if contrast(shade, on) >= TEXT_CONTRAST + 0.05:
            return shade
    return "#000000"


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
