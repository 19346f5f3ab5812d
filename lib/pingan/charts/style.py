"""The workbook's look: one colour per city, the theme, and labels in English or Chinese."""
from __future__ import annotations

import altair as alt

__all__ = ["CITY_COLORS", "CITY_NAMES", "FONT", "label", "check_lang", "enable_theme"]

FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

# One colour per city, the same in every chart (Okabe-Ito, safe for colour-blind readers).
# Wucheng is a district of Jinhua and takes Jinhua's colour.
CITY_COLORS = {"330700": "#D55E00", "330800": "#0072B2", "330400": "#009E73"}
CITY_NAMES = {"en": {"330700": "Jinhua", "330800": "Quzhou", "330400": "Jiaxing"},
              "zh": {"330700": "金华", "330800": "衢州", "330400": "嘉兴"}}

LABELS = {
    "change": ("Change (%)", "变化(%)"),
    "indicator": ("Indicator", "指标"),
    "value": ("Value", "数值"),
    "city": ("City", "城市"),
    "article": ("Article", "文章"),
    "category": ("Practice category", "做法类别"),
    "practices": ("Named practices", "做法数量"),
    "year": ("Year", "年份"),
    "event": ("Event", "事件"),
    "quote": ("Quote", "原文"),
    "as_written": ("As written", "原文数字"),
    "period": ("Period", "时期"),
    "place": ("Place", "地点"),
    "count": ("Count (log scale)", "数量(对数刻度)"),
    "rate": ("Rate or share (%)", "比率(%)"),
    "times": ("Times or years", "次数或年数"),
    "per10k": ("Per 10,000 residents (2020 census)", "每万常住人口(2020年人口普查)"),
    "numbers": ("Numbers in the article", "文章中的数字"),
    "status": ("Status", "状态"),
    "source": ("Source", "来源"),
}


def check_lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return lang


def label(key: str, lang: str) -> str:
    check_lang(lang)
    return LABELS[key][0 if lang == "en" else 1]


def city_scale(lang: str) -> alt.Scale:
    names = CITY_NAMES[lang]
    return alt.Scale(domain=[names[c] for c in CITY_COLORS], range=list(CITY_COLORS.values()))


def _theme() -> dict:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 420, "continuousHeight": 260, "stroke": None},
            "title": {"anchor": "start", "fontSize": 14, "subtitleFontSize": 10,
                      "subtitleColor": "#555", "offset": 8},
            "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 420},
            "legend": {"labelFontSize": 11, "titleFontSize": 11},
            "bar": {"cornerRadiusEnd": 2},
        }
    }


def enable_theme() -> None:
    """Register and enable the ``pingan`` Altair theme (idempotent)."""
    if "pingan" not in alt.theme.names():
        alt.theme.register("pingan", enable=False)(_theme)
    alt.theme.enable("pingan")
