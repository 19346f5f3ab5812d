"""The workbook's vocabulary: one colour and one name per city (for any city an article covers,
derived from places.csv and articles.csv), human labels in English and
Chinese for columns, categories and statuses. Polars-free and Altair-free: charts and tables
both read it."""
from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["CITY_COLORS", "CITY_NAMES", "OTHER_COLOR", "CITY_PALETTE", "SCOPE_PROVINCE", "Cities", "cities_from",
           "package_cities", "prefecture_of", "short_place_name", "LABELS", "CATEGORY_LABELS", "STATUS_LABELS",
           "label", "text", "category_label", "check_lang",
           "FAMILY_LABELS", "TIER_LABELS", "TIER_ORDER", "RELATION_LABELS", "family_label", "tier_label",
           "relation_label", "is_template"]

OTHER_COLOR = "#c8c8c8"  # places that are in no city an article covers

# The city colours, given in order of each city's first article (publication order): the
# Okabe-Ito colours, safe for colour-blind readers, then Paul Tol's muted ones; enough for
# Zhejiang's eleven cities (past that they repeat). A district takes its city's colour.
CITY_PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#882255", "#332288", "#117733",
                "#E69F00", "#56B4E9", "#AA4499", "#999933")

# The dataset's scope: the province every article is about (places.csv has it as 浙江省).
SCOPE_PROVINCE = "330000"


@dataclass(frozen=True)
class Cities:
    """The cities the articles cover, derived from the data: ``colors`` (city code → colour, in
    order of each city's first article), ``names`` (lang → city code → short name) and ``of``
    (every place code under a prefecture-level city → that city's code, by ``parent_code``)."""
    colors: dict[str, str]
    names: dict[str, dict[str, str]]
    of: dict[str, str]


def prefecture_of(code: str, places: Mapping[str, Mapping]) -> str | None:
    """The prefecture-level city a place lies in (itself for a city), following ``parent_code``;
    None for a province or a place outside every prefecture (Shanghai's districts)."""
    seen = set()
    while code in places and code not in seen:
        seen.add(code)
        row = places[code]
        if row["level"] == "prefecture":
            return code
        code = row["parent_code"]
    return None


def short_place_name(name: str, lang: str) -> str:
    """A city's name as a reader says it: "Hangzhou" (no " City"/" District"), 杭州 (no 市/区)."""
    check_lang(lang)
    return re.sub(r" (City|District)$", "", name) if lang == "en" else re.sub(r"(市|区)$", "", name)


def cities_from(places_rows: Iterable[Mapping], articles_rows: Iterable[Mapping]) -> Cities:
    """The city vocabulary of a data package, from its places and articles rows (dicts)."""
    places = {r["place_code"]: r for r in places_rows}
    of = {c: city for c in places if (city := prefecture_of(c, places)) is not None}
    order: list[str] = []
    for a in sorted(articles_rows, key=lambda r: (str(r["published"]), r["article_id"])):
        city = of.get(a["place_code"])
        if city is not None and city not in order:
            order.append(city)
    colors = {c: CITY_PALETTE[i % len(CITY_PALETTE)] for i, c in enumerate(order)}
    names = {lang: {c: short_place_name(places[c][f"name_{lang}"], lang) for c in order} for lang in ("en", "zh")}
    return Cities(colors, names, of)


@functools.lru_cache(maxsize=4)
def _package_cities(data_dir) -> Cities:
    def rows(name):
        with open(data_dir / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    return cities_from(rows("places.csv"), rows("articles.csv"))


def package_cities() -> Cities:
    """The city vocabulary of the data package in use (``pingan.configure(data_dir=…)``)."""
    from pingan.base._settings import default_data_dir
    return _package_cities(default_data_dir())


class _Lazy(Mapping):
    """A read-only mapping computed from the data package when first read."""

    def __init__(self, get):
        self._get = get

    def __getitem__(self, key):
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self):
        return len(self._get())

    def __repr__(self):
        return repr(dict(self._get()))


# city code -> colour, and lang -> city code -> name, for every city an article covers
CITY_COLORS = _Lazy(lambda: package_cities().colors)
CITY_NAMES = _Lazy(lambda: package_cities().names)

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
    "list_sep_semicolon": ("; ", "、"),
    "newspaper_not_named": ("newspaper not named", "报纸名称未载"),
    "no_article": ("no article", "无文章"),
    "colon": (": ", ":"),
    "list_sep": (", ", "、"),
    "links": ("Links", "关联"),
    "from": ("From", "从"),
    "link": ("Link", "关联"),
    "to": ("To", "至"),
    "0_not_named": ("0 — not named", "0(未提及)"),
    "named_practices": ("Named practices", "做法数量"),
    "template": ("Template", "模板"),
    "practices_count": ("Practices", "做法数量"),
    "names": ("Names", "名称"),
    "first_quote": ("First quote", "首条原文"),
    "example": ("Example", "示例"),
    "first_named_in": ("First named in", "最早见于"),
    "introduction": ("Introduction: ", "导语:"),
    "0_names_no_practice": ("0: names no practice", "0:未提及做法"),
    "the_introduction": ("the introduction", "导语"),
    "introduction_23": ("Introduction", "导语"),
    "english": ("English", "名称"),
    "all_articles": ("all articles", "各篇文章"),
    "and": (" and ", "与"),
    "periods_as_printed": ("periods as printed", "时期以原文为准"),
    "per_1_000_characters": ("per 1,000 characters", "每千字次数"),
    "term": ("Term", "用语"),
    "occurrences": ("Occurrences", "出现次数"),
    "characters": ("Characters", "字数"),
    "per_1_000": ("Per 1,000", "每千字"),
    "the_articles": ("the articles", "各文章"),
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


def _pick(pair: tuple[str, str], lang: str) -> str:
    """The English or the Chinese of an (English, Chinese) pair: the one place that chooses."""
    return pair[("en", "zh").index(check_lang(lang))]


def label(key: str, lang: str) -> str:
    """A human label for ``key`` in English (``lang="en"``) or Chinese (``"zh"``)."""
    return _pick(LABELS[key], lang)


def text(key: str, lang: str) -> str:
    """A word or phrase of the workbook in ``lang``: the one accessor for ``LABELS`` (separators
    such as ``list_sep`` included), so that code does not branch on the language to say it."""
    if key not in LABELS:
        raise KeyError(f"no text {key!r}; add it to LABELS in pingan.package._vocabulary")
    return _pick(LABELS[key], lang)


def category_label(slug: str, lang: str) -> str:
    """A practice category as a reader says it (``grid-management`` → "Grid management", "网格化管理")."""
    check_lang(lang)
    if slug not in CATEGORY_LABELS:
        raise ValueError(f"no label for practice category {slug!r}; add it to CATEGORY_LABELS")
    return _pick(CATEGORY_LABELS[slug], lang)



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
    return _pick(TIER_LABELS[tier], lang)


def relation_label(relation: str, lang: str = "en") -> str:
    check_lang(lang)
    if relation not in RELATION_LABELS:
        raise ValueError(f"no label for relation {relation!r}; the relations are: {', '.join(RELATION_LABELS)}")
    return _pick(RELATION_LABELS[relation], lang)
