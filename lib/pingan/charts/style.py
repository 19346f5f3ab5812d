"""The workbook's look: one colour per city, human labels in English and Chinese, the theme.

Nothing here imports Altair or changes its state: reading ``CITY_COLORS`` is free. The
theme is registered and switched on only by :func:`enable_theme` (through
``pingan.enable_charts()``).
"""
from __future__ import annotations

__all__ = ["CITY_COLORS", "CITY_NAMES", "OTHER_COLOR", "FONT", "INK", "MUTED", "LABELS", "CATEGORY_LABELS",
           "STATUS_LABELS", "label", "category_label", "check_lang", "theme_config", "enable_theme"]

FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INK = "#222222"     # text and reference lines
MUTED = "#666666"   # subtitles, source lines, axis labels
OTHER_COLOR = "#c8c8c8"  # places that are not one of the three cities

# One colour per city, the same in every chart (Okabe-Ito, safe for colour-blind readers).
# Wucheng is a district of Jinhua and takes Jinhua's colour.
CITY_COLORS = {"330700": "#D55E00", "330800": "#0072B2", "330400": "#009E73"}
CITY_NAMES = {"en": {"330700": "Jinhua", "330800": "Quzhou", "330400": "Jiaxing"},
              "zh": {"330700": "金华", "330800": "衢州", "330400": "嘉兴"}}

LABELS = {
    "change": ("Stated change (%)", "所述变化(%)"),
    "indicator": ("Indicator", "指标"),
    "value": ("Value", "数值"),
    "city": ("City", "城市"),
    "article": ("Article", "文章"),
    "category": ("Practice category", "做法类别"),
    "practices": ("Named practices", "做法数量"),
    "practice_names": ("Practices", "做法"),
    "year": ("Year", "年份"),
    "date": ("Date", "日期"),
    "event": ("Event", "事件"),
    "quote": ("Quote", "原文"),
    "as_written": ("As printed", "原文数字"),
    "period": ("Period", "时期"),
    "place": ("Place", "地点"),
    "count": ("Count (log scale)", "数量(对数刻度)"),
    "rate": ("Rate or share (%)", "比率或占比(%)"),
    "times": ("Times or years", "次数或年数"),
    "per10k": ("Per 10,000 residents (log scale)", "每万常住人口(对数刻度)"),
    "population": ("Residents, 2020 census", "常住人口(2020年普查)"),
    "numbers": ("Numbers in the article", "文章中的数字"),
    "status": ("Status", "状态"),
    "source": ("Source", "来源"),
    "table": ("table", "数据表"),
    "tables": ("tables", "数据表"),
    "name_zh": ("Chinese name", "中文名"),
    "pinyin": ("Pinyin", "拼音"),
    "name_en": ("English name", "英文名"),
    "place_code": ("Place code", "区划代码"),
    "articles": ("Articles", "文章"),
}

CATEGORY_LABELS = {
    "party-building": ("Party-building", "党建引领"),
    "grid-management": ("Grid management", "网格化管理"),
    "mediation": ("Mediation", "矛盾调解"),
    "petitions": ("Petitions", "信访"),
    "self-governance": ("Self-governance", "基层自治"),
    "policing": ("Policing and crime control", "治安防控"),
    "technology": ("Technology and video", "科技与视频"),
    "cross-border": ("Cross-border cooperation", "跨区域协作"),
    "volunteers": ("Volunteers and mass prevention", "志愿者与群防群治"),
    "safety-regulation": ("Safety regulation", "安全监管"),
    "accountability": ("Accountability and inspection", "考核与督查"),
    "public-services": ("Public services", "公共服务"),
    "campaign": ("Campaigns", "专项行动"),
}

STATUS_LABELS = {
    "curated": ("curated in statistics.csv", "已收录于 statistics.csv"),
    "excluded": ("left out with a reason (exclusions.csv)", "有理由排除(exclusions.csv)"),
    "unexplained": ("unexplained", "未解释"),
}


def check_lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return lang


def label(key: str, lang: str) -> str:
    """A human label for ``key`` in English (``lang="en"``) or Chinese (``"zh"``)."""
    check_lang(lang)
    return LABELS[key][0 if lang == "en" else 1]


def category_label(slug: str, lang: str) -> str:
    """A practice category as a reader says it (``grid-management`` → "Grid management", "网格化管理")."""
    check_lang(lang)
    if slug not in CATEGORY_LABELS:
        raise ValueError(f"no label for practice category {slug!r}; add it to CATEGORY_LABELS")
    return CATEGORY_LABELS[slug][0 if lang == "en" else 1]


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
