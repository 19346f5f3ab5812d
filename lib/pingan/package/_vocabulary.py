"""The workbook's vocabulary: one colour and one name per city, human labels in English and
Chinese for columns, categories and statuses. Polars-free and Altair-free: charts and tables
both read it."""
from __future__ import annotations

import csv
import functools
from collections.abc import Mapping

__all__ = ["CITY_COLORS", "CITY_NAMES", "OTHER_COLOR", "LABELS", "CATEGORY_LABELS", "STATUS_LABELS",
           "label", "category_label", "check_lang",
           "FAMILY_LABELS", "TIER_LABELS", "TIER_ORDER", "RELATION_LABELS", "family_label", "tier_label",
           "relation_label", "is_template"]

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



class _Families(Mapping):
    """slug -> (English, Chinese label, the template's Chinese term, its pinyin), read once from the
    data package's ``families.csv`` (the one place the templates are named)."""

    @functools.cached_property
    def _rows(self) -> dict[str, tuple[str, str, str, str]]:
        from pingan.base._settings import default_data_dir
        with open(default_data_dir() / "families.csv", encoding="utf-8", newline="") as f:
            return {r["family"]: (r["name_en"], r["name_zh"], r["term_zh"], r["pinyin"]) for r in csv.DictReader(f)}

    def __getitem__(self, slug):
        return self._rows[slug]

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)


FAMILY_LABELS = _Families()

# top to bottom on the architecture chart
TIER_ORDER = ("province", "cross-border", "city", "county", "township", "village", "grid")
TIER_LABELS = {
    "province": ("Province", "省"),
    "cross-border": ("Across borders", "跨界"),
    "city": ("City", "市"),
    "county": ("County or district", "县(市、区)"),
    "township": ("Township", "乡镇(街道)"),
    "village": ("Village or community", "村(社区)"),
    "grid": ("Grid", "网格"),
}

# relation -> (English verb phrase, Chinese)
RELATION_LABELS = {
    "escalates-to": ("escalates to", "上报至"),
    "feeds": ("passes reports to", "推送至"),
    "supervises": ("leads", "引领"),
    "coordinates-with": ("works with", "协同"),
    "part-of": ("is part of", "属于"),
}


def is_template(family: str) -> bool:
    """A provincial (or national) template, as opposed to a practice outside every template (which
    says nothing of where it came from: that is its origin)."""
    return family != "local"


def family_label(slug: str, lang: str = "en", *, terms: bool = False) -> str:
    """A template family as a reader says it; ``terms=True`` adds its Chinese term and pinyin."""
    check_lang(lang)
    if slug not in FAMILY_LABELS:
        raise ValueError(f"no label for family {slug!r}; the families are: {', '.join(FAMILY_LABELS)}")
    en, zh, term, pinyin = FAMILY_LABELS[slug]
    if lang == "zh":
        return f"{zh}({pinyin})" if terms and pinyin and term == zh else (f"{zh}({term},{pinyin})" if terms and pinyin else zh)
    return f"{en} ({term}, {pinyin})" if terms and term else en


def tier_label(tier: str, lang: str = "en") -> str:
    check_lang(lang)
    if tier not in TIER_LABELS:
        raise ValueError(f"no label for tier {tier!r}; the tiers are: {', '.join(TIER_LABELS)}")
    return TIER_LABELS[tier][0 if lang == "en" else 1]


def relation_label(relation: str, lang: str = "en") -> str:
    check_lang(lang)
    if relation not in RELATION_LABELS:
        raise ValueError(f"no label for relation {relation!r}; the relations are: {', '.join(RELATION_LABELS)}")
    return RELATION_LABELS[relation][0 if lang == "en" else 1]
