"""The workbook's vocabulary, the one place charts and tables take their words from:

- every phrase they show, in English and Chinese: ``text(id, lang, **fields)`` reads
  ``phrases.csv`` beside this module (titles, subtitles, tooltips, source lines, and the labels
  of the data's values: ``category.<slug>``, ``tier.<slug>``, ``relation.<slug>``, …);
- the provincial templates' names, from the data package's ``families.csv``;
- one colour and one name per city an article covers, and the province the articles are about,
  derived from ``places.csv`` and ``articles.csv``.

Polars-free and Altair-free: charts and tables both read it."""
from __future__ import annotations

import csv
import functools
import io
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["CITY_COLORS", "CITY_NAMES", "OTHER_COLOR", "CITY_PALETTE", "Cities", "cities_from",
           "package_cities", "prefecture_of", "short_place_name", "LEVEL_WORDS", "PHRASES_FILE", "PhraseError", "phrases", "phrase",
           "parse_phrases", "phrase_fields", "text", "slug_label", "slug_labels", "join_words", "in_sentence",
           "category_label", "check_lang", "STATUSES", "FAMILY_LABELS", "TIER_ORDER", "family_label",
           "family_in_sentence", "tier_label", "relation_label", "verified_label", "is_template"]

OTHER_COLOR = "#c8c8c8"  # places that are in no city an article covers

# The city colours, given in order of each city's first article (publication order): the
# Okabe-Ito colours, safe for colour-blind readers, then Paul Tol's muted ones; enough for
# Zhejiang's eleven cities (past that they repeat). A district takes its city's colour.
CITY_PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#882255", "#332288", "#117733",
                "#E69F00", "#56B4E9", "#AA4499", "#999933")

@dataclass(frozen=True)
class Cities:
    """The cities the articles cover, derived from the data: ``colors`` (city code → colour, in
    order of each city's first article), ``names`` (lang → city code → short name), ``of``
    (every place code under a prefecture-level city → that city's code, by ``parent_code``) and
    ``provinces`` (the province codes the articles are about, in order of their first article:
    the dataset's scope; ``provinces[0]`` is the one a map of the province draws)."""
    colors: dict[str, str]
    names: dict[str, dict[str, str]]
    of: dict[str, str]
    provinces: tuple[str, ...] = ()


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


# The words for a place's level that readers drop (Jinhua, not Jinhua City; 金华, not 金华市).
# Towns, subdistricts, villages, communities and development zones keep theirs: 横店镇 is
# Hengdian Town and 青春路社区 Qingchunlu Community in every chart. In Chinese a final 区 is a
# district's only when it is not the end of a longer word (社区, 开发区, 新区 …).
LEVEL_WORDS = {"en": (" Province", " City", " District", " County"), "zh": ("省", "市", "区", "县")}
ZH_LONGER_WORDS = ("社区", "开发区", "新区", "园区", "景区", "自治区", "特别行政区")


def short_place_name(name: str, lang: str) -> str:
    """A place's name as a reader says it, without the word for its level: "Zhejiang", "Jinhua",
    "Wucheng", "Jiashan"; 浙江, 金华, 婺城, 嘉善. A Chinese name keeps it when one character
    would remain (县 alone stays 县) or when it ends a longer word (青春路社区, 金华开发区).
    The one rule every chart, table and label uses."""
    check_lang(lang)
    if lang == "zh" and name.endswith(ZH_LONGER_WORDS):
        return name
    for word in LEVEL_WORDS[lang]:
        if name.endswith(word) and (lang == "en" or len(name) - len(word) >= 2):
            return name[: -len(word)]
    return name


def cities_from(places_rows: Iterable[Mapping], articles_rows: Iterable[Mapping]) -> Cities:
    """The city vocabulary of a data package, from its places and articles rows (dicts)."""
    places = {r["place_code"]: r for r in places_rows}
    of = {c: city for c in places if (city := prefecture_of(c, places)) is not None}
    order: list[str] = []
    provinces: list[str] = []
    for a in sorted(articles_rows, key=lambda r: (str(r["published"]), r["article_id"])):
        city = of.get(a["place_code"])
        if city is not None and city not in order:
            order.append(city)
        province = places.get(a["place_code"], {}).get("province_code")
        if province and province not in provinces:
            provinces.append(province)
    colors = {c: CITY_PALETTE[i % len(CITY_PALETTE)] for i, c in enumerate(order)}
    names = {lang: {c: short_place_name(places[c][f"name_{lang}"], lang) for c in order} for lang in ("en", "zh")}
    return Cities(colors, names, of, tuple(provinces))


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

# Every word and phrase charts and tables show, in English and Chinese: one table, phrases.csv
# beside this module (id, en, zh; shipped inside the package, so an installed wheel has it).
# A phrase may hold {named} fields, filled by text(id, lang, name=value). English and Chinese
# name the same fields, except that the Chinese may leave out what only English readers need:
# an English name or the pinyin (a field ending in _en or pinyin) given beside the Chinese.
# An id that ends in a value of the data (category.grid-management, tier.county, relation.feeds,
# domain.crime, status.curated, …) labels that value.
PHRASES_FILE = "phrases.csv"
LANGS = ("en", "zh")
ENGLISH_ONLY = ("_en", "pinyin")


class PhraseError(ValueError):
    """phrases.csv breaks a rule: a header other than id,en,zh, a repeated or empty id, a missing
    English or Chinese, or the two naming different {fields}."""


def phrase_fields(phrase: str) -> set[str]:
    """The ``{fields}`` a phrase names (``""`` for an unnamed ``{}``, as ``pl.format`` fills)."""
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name is not None}


def parse_phrases(raw: str, where: str = PHRASES_FILE) -> dict[str, tuple[str, str]]:
    """id -> (English, Chinese) from the text of a phrase table, every rule checked."""
    reader = csv.reader(io.StringIO(raw, newline=""))
    header = next(reader, None)
    if header != ["id", *LANGS]:
        raise PhraseError(f"{where}: the header is id,en,zh, not {','.join(header or [])!r}")
    out: dict[str, tuple[str, str]] = {}
    for row in reader:
        line = reader.line_num
        if not any(row):
            continue
        if len(row) != 3:
            raise PhraseError(f"{where}:{line}: {len(row)} fields, not 3 (id, en, zh): {row!r}")
        key, en, zh = row
        if not key or key != key.strip():
            raise PhraseError(f"{where}:{line}: the id {key!r} is empty or has spaces around it")
        if key in out:
            raise PhraseError(f"{where}:{line}: the id {key!r} is given twice")
        for lang, phrase in zip(LANGS, (en, zh)):
            if not phrase.strip():
                raise PhraseError(f"{where}:{line}: {key!r} has no {'English' if lang == 'en' else 'Chinese'}")
            try:
                phrase_fields(phrase)
            except ValueError as e:
                raise PhraseError(f"{where}:{line}: {key!r} ({lang}) {phrase!r}: {e}") from None
        en_fields, zh_fields = phrase_fields(en), phrase_fields(zh)
        if zh_fields - en_fields or {f for f in en_fields - zh_fields if not f.endswith(ENGLISH_ONLY)}:
            raise PhraseError(f"{where}:{line}: {key!r} names the fields {sorted(en_fields)} in English but "
                              f"{sorted(zh_fields)} in Chinese (only an English name or pinyin, a field ending in "
                              "_en or pinyin, may be left out of the Chinese)")
        out[key] = (en, zh)
    return out


@functools.lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[str, str]]:
    """Every phrase of the workbook: id -> (English, Chinese), read once from phrases.csv."""
    from importlib.resources import files
    return parse_phrases(files(__package__).joinpath(PHRASES_FILE).read_text(encoding="utf-8"))


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    return lang


def text(key: str, lang: str, /, **fields) -> str:
    """The workbook's phrase ``key`` in English (``lang="en"``) or Chinese (``"zh"``), its
    ``{fields}`` filled from ``fields``: the one accessor for phrases.csv, so that code does
    not branch on the language to say something.

    ``text("quote", "zh")`` → 原文; ``text("counts.title", "en", who=…, indicator=…, shown=…)``."""
    template = phrase(key, lang)
    if fields or phrase_fields(template) - {""}:
        return template.format(**fields)
    return template


def phrase(key: str, lang: str) -> str:
    """The phrase ``key`` as phrases.csv gives it, its ``{fields}`` unfilled."""
    table = phrases()
    if key not in table:
        raise KeyError(f"no phrase {key!r}; add a row to lib/pingan/package/{PHRASES_FILE}")
    return table[key][LANGS.index(check_lang(lang))]


def slug_label(kind: str, slug: str, lang: str) -> str:
    """The phrase for a value of the data (``kind`` "category", "tier", "relation", "domain",
    "status", …): ``text(f"{kind}.{slug}", lang)``, with an error that lists the known values."""
    key = f"{kind}.{slug}"
    if key not in phrases():
        known = [k.split(".", 1)[1] for k in phrases() if k.startswith(f"{kind}.")]
        raise ValueError(f"no label for {kind} {slug!r}; the {kind} values with a label are: {', '.join(known)} "
                         f"(add a row {key} to lib/pingan/package/{PHRASES_FILE})")
    return text(key, check_lang(lang))


def slug_labels(kind: str, lang: str) -> dict[str, str]:
    """Every value of ``kind`` that has a label, with it: ``{"curated": "curated in statistics.csv", …}``."""
    check_lang(lang)
    return {k.split(".", 1)[1]: text(k, lang) for k in phrases() if k.startswith(f"{kind}.")}


def join_words(words, lang: str) -> str:
    """Words as a list in a sentence: "A, B and C" in English, "A、B、C" in Chinese."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return text("list_sep", lang).join(words[:-1]) + text("list_and", lang) + words[-1]


def in_sentence(label: str, lang: str) -> str:
    """A label as it reads inside an English sentence, its first letter in lower case
    ("Grid management" → "grid management"); Chinese as it is."""
    return label[:1].lower() + label[1:] if check_lang(lang) == "en" else label


def category_label(slug: str, lang: str = "en") -> str:
    """A practice category as a reader says it (``grid-management`` → "Grid management", "网格化管理")."""
    return slug_label("category", slug, lang)


# the statuses of a number the spotter finds, in the order charts stack them
STATUSES = ("curated", "excluded", "unexplained")


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
    name = {"en": en, "zh": zh}[lang]
    if not (terms and term and pinyin):
        return name
    if term == zh:  # the template's term is its Chinese name: said once
        return text("family.with_name_term", lang, name_en=en, name_zh=zh, pinyin=pinyin)
    return text("family.with_term", lang, name=name, term=term, pinyin=pinyin)


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch)).lower()


def family_in_sentence(slug: str, lang: str = "en") -> str:
    """A template family as it reads inside an English sentence: its first letter in lower case
    ("grid management"), unless the label begins with a proper name, known from families.csv by
    a capitalised pinyin that begins the same way ("Fengqiao Experience", Fēngqiáo jīngyàn)."""
    name = family_label(slug, lang)
    pinyin = FAMILY_LABELS[slug][3]
    proper = pinyin[:1].isupper() and _plain(name.split(" ")[0]) == _plain(pinyin.split(" ")[0])
    return name if proper else in_sentence(name, lang)


def tier_label(tier: str, lang: str = "en") -> str:
    return slug_label("tier", tier, lang)


def verified_label(verified: str, lang: str = "en") -> str:
    """How far a reference was confirmed in search (references.verified), as a reader reads it
    ("confirmed in a public copy", "partly confirmed", "not found; the coders' knowledge")."""
    return slug_label("verified", verified, lang)


def relation_label(relation: str, lang: str = "en") -> str:
    """A link's relation as a verb phrase ("escalates to", "上报至")."""
    return slug_label("relation", relation, lang)
