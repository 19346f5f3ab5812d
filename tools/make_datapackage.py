"""Write data/datapackage.json: the single description of the data contract.

Run once by hand when the contract changes; the file it writes is the source of
truth (the loader, the validator and the README's data dictionary read it).
"""
import json
import pathlib

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PLACE = r"^\d{6}(-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def f(name, type_, description, *, required=True, unique=False, enum=None, pattern=None,
      minimum=None, unit=None, title=None, **extra):
    c = {}
    if required:
        c["required"] = True
    if unique:
        c["unique"] = True
    if enum:
        c["enum"] = enum
    if pattern:
        c["pattern"] = pattern
    if minimum is not None:
        c["minimum"] = minimum
    d = {"name": name, "type": type_, "description": description}
    if title:
        d["title"] = title
    if unit:
        d["unit"] = unit
    if c:
        d["constraints"] = c
    d.update(extra)
    return d


LEVELS = ["province", "prefecture", "county", "township", "village"]
DOMAINS = ["crime", "public-order", "safety", "traffic", "fire", "petitions", "mediation",
           "litigation", "grid", "technology", "volunteers", "party-building", "economy",
           "honours", "satisfaction", "governance", "services", "population"]
UNITS = ["count", "people", "person-times", "percent", "percentage-points", "yuan",
         "years", "times", "km", "km2", "hours", "minutes", "days", "jin"]
MEASURES = ["level", "change_pct", "change_pp", "share_pct", "rate_pct", "count_years",
            "rank", "duration"]
QUALIFIERS = ["exact", "approx", "at_least", "at_most"]
CATEGORIES = ["party-building", "grid-management", "mediation", "petitions",
              "self-governance", "policing", "technology", "cross-border", "volunteers",
              "safety-regulation", "accountability", "public-services", "campaign"]
PRACTICE_LEVELS = LEVELS + ["multi-level", "cross-provincial"]

resources = [
    {
        "name": "articles", "path": "articles.csv",
        "title": "Source articles",
        "description": "The five newspaper articles the workbook is built from; one row each.",
        "schema": {
            "fields": [
                f("article_id", "string", "Short stable slug: place and year of publication.", unique=True, pattern=SLUG),
                f("source_file", "string", "File name of the article's text in the sources folder (../shared/sources).", unique=True, pattern=r"^\d{3}_[0-9a-f]{16}\.txt$"),
                f("title_zh", "string", "Headline as printed, in Chinese."),
                f("title_en", "string", "Headline translated into English by the workbook's curators."),
                f("outlet", "string", "Newspaper that printed the article, where the text names it; otherwise says it is not printed."),
                f("published", "string", "Publication date, ISO 8601, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD).", pattern=PARTIAL_DATE),
                f("date_basis", "string", "Whether the date is printed or inferred, with the evidence.", enum=None),
                f("date_precision", "string", "Precision of `published`.", enum=["year", "month", "day"]),
                f("place_code", "string", "The place the article is about (foreign key to places).", pattern=PLACE),
                f("authors", "string", "By-line as printed: reporters (本报记者) and correspondents (通讯员)."),
                f("period_covered", "string", "The years the article's figures describe, as YYYY or YYYY-YYYY.", pattern=r"^\d{4}(-\d{4})?$"),
                f("summary_en", "string", "One-sentence English summary written by the curators."),
            ],
            "primaryKey": ["article_id"],
            "foreignKeys": [{"fields": ["place_code"], "reference": {"resource": "places", "fields": ["place_code"]}}],
        },
    },
    {
        "name": "places", "path": "places.csv",
        "title": "Places",
        "description": "Administrative units the articles name. County level and above carry official GB/T 2260 codes; townships, villages, communities and functional zones carry a workbook code: the parent's code, a hyphen and a pinyin slug (code_scheme = workbook), because their official statistical codes could not be verified offline.",
        "schema": {
            "fields": [
                f("place_code", "string", "GB/T 2260 six-digit code, or parent code + '-' + pinyin slug for units below county level.", unique=True, pattern=PLACE),
                f("code_scheme", "string", "gb2260 for an official administrative division code; workbook for the documented slug scheme.", enum=["gb2260", "workbook"]),
                f("name_zh", "string", "Name in Chinese, with its administrative suffix (市, 区, 县, 镇, 街道, 村, 社区)."),
                f("name_en", "string", "English name."),
                f("pinyin", "string", "Hanyu pinyin of the name, with tone marks."),
                f("level", "string", "Administrative level.", enum=LEVELS),
                f("parent_code", "string", "Code of the enclosing unit; empty for a province.", required=False, pattern=PLACE),
                f("province_code", "string", "Code of the province the unit is in (330000 for Zhejiang).", pattern=r"^\d{6}$"),
            ],
            "primaryKey": ["place_code"],
            "foreignKeys": [{"fields": ["parent_code"], "reference": {"resource": "", "fields": ["place_code"]}}],
        },
    },
    {
        "name": "indicators", "path": "indicators.csv",
        "title": "Indicators",
        "description": "What a statistic measures. Several articles share an indicator when they measure the same thing.",
        "schema": {
            "fields": [
                f("indicator", "string", "Stable slug.", unique=True, pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$"),
                f("name_en", "string", "English name."),
                f("name_zh", "string", "Chinese name as the articles word it."),
                f("domain", "string", "Policy domain.", enum=DOMAINS),
                f("unit", "string", "Unit of the indicator's level (a change in it is expressed in percent).", enum=UNITS),
                f("description_en", "string", "What is counted or measured.", required=False),
            ],
            "primaryKey": ["indicator"],
        },
    },
    {
        "name": "statistics", "path": "statistics.csv",
        "title": "Statistics",
        "description": "Every number the articles state as a statistic, one row per number, each with the exact quote it comes from.",
        "schema": {
            "fields": [
                f("stat_id", "string", "Stable id: article_id and a three-digit serial.", unique=True, pattern=r"^[a-z0-9-]+-\d{3}$"),
                f("article_id", "string", "Article the number comes from.", pattern=SLUG),
                f("place_code", "string", "Place the number describes: the county, township or village when the article says so.", pattern=PLACE),
                f("period", "string", "Year or range the number refers to (YYYY or YYYY-YYYY).", pattern=r"^\d{4}(-\d{4})?$"),
                f("period_basis", "string", "stated when the article gives the period; inferred otherwise (the notes say why).", enum=["stated", "inferred"]),
                f("indicator", "string", "What is measured (foreign key to indicators)."),
                f("value", "number", "The number in base units: 3.2万 -> 32000, 855.6亿元 -> 85560000000; a decrease is negative (下降26.9% -> -26.9)."),
                f("unit", "string", "Unit of value.", enum=UNITS),
                f("measure", "string", "Kind of number: level (a count or amount), change_pct (relative change, percent), change_pp (change in percentage points), share_pct (a share of a whole), rate_pct (a rate such as resolution or satisfaction), count_years (years in a row or number of times honoured), rank, duration.", enum=MEASURES),
                f("qualifier", "string", "exact; approx for 余/多/近/左右; at_least for 超过/以上; at_most for 以下/不到.", enum=QUALIFIERS),
                f("as_written", "string", "The number exactly as the quote writes it, with its magnitude and qualifier words (近1.1万, 26.9%, 超过12万); value re-parses from it."),
                f("quote", "string", "Exact excerpt of the article containing the number (matched with spaces and line breaks removed)."),
                f("notes", "string", "Curators' notes: inferred periods, sign conventions, caveats.", required=False),
            ],
            "primaryKey": ["stat_id"],
            "foreignKeys": [
                {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}},
                {"fields": ["place_code"], "reference": {"resource": "places", "fields": ["place_code"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator"]}},
            ],
        },
    },
    {
        "name": "exclusions", "path": "exclusions.csv",
        "title": "Numbers deliberately left out",
        "description": "Numbers in the articles that are not statistics (dates, programme names, ordinals, slogans), each with a reason; the coverage audit accepts a number only if it is curated in statistics or listed here.",
        "schema": {
            "fields": [
                f("article_id", "string", "Article the number appears in.", pattern=SLUG),
                f("as_written", "string", "The number as written."),
                f("quote", "string", "Exact excerpt containing it."),
                f("reason", "string", "Why it is not a statistic.", enum=["date", "programme-name", "slogan", "ordinal", "name", "anecdote", "counted-elsewhere"]),
                f("notes", "string", "Explanation in English."),
            ],
            "primaryKey": ["article_id", "as_written", "quote"],
            "foreignKeys": [{"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}],
        },
    },
    {
        "name": "practices", "path": "practices.csv",
        "title": "Named governance practices",
        "description": "Every named mechanism, model, platform, brand or campaign the articles describe.",
        "schema": {
            "fields": [
                f("practice_id", "string", "Stable slug.", unique=True, pattern=SLUG),
                f("article_id", "string", "Article that describes it.", pattern=SLUG),
                f("place_code", "string", "Place that runs it.", pattern=PLACE),
                f("name_zh", "string", "Name as the article writes it."),
                f("pinyin", "string", "Pinyin of the name, with tone marks."),
                f("name_en", "string", "English name."),
                f("category", "string", "party-building, grid-management, mediation, petitions, self-governance (village democracy, three governances), policing (crime control, security prevention), technology (video, digital platforms), cross-border (cooperation across county, city or provincial lines), volunteers (mass prevention and volunteer corps), safety-regulation (work, traffic, fire, campus safety), accountability (assessment, inspection, leadership responsibility), public-services (one-stop services, hotlines), campaign (time-bound drives).", enum=CATEGORIES),
                f("level", "string", "Tier of government at which it operates; multi-level when it spans tiers, cross-provincial when it spans provinces.", enum=PRACTICE_LEVELS),
                f("started", "integer", "Year it started, where the article states it.", required=False, minimum=1949),
                f("description_en", "string", "One or two sentences in English, written by the curators."),
                f("quote", "string", "Exact excerpt of the article naming it."),
            ],
            "primaryKey": ["practice_id"],
            "foreignKeys": [
                {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}},
                {"fields": ["place_code"], "reference": {"resource": "places", "fields": ["place_code"]}},
            ],
        },
    },
    {
        "name": "glossary", "path": "glossary.csv",
        "title": "Glossary",
        "description": "Chinese terms the workbook uses, with pinyin and English.",
        "schema": {
            "fields": [
                f("term_zh", "string", "Term in Chinese.", unique=True),
                f("pinyin", "string", "Hanyu pinyin with tone marks."),
                f("term_en", "string", "English rendering."),
                f("definition_en", "string", "Short English definition."),
            ],
            "primaryKey": ["term_zh"],
        },
    },
    {
        "name": "timeline", "path": "timeline.csv",
        "title": "Timeline",
        "description": "Dated events the articles mention, 2004-2024.",
        "schema": {
            "fields": [
                f("event_id", "string", "Stable id: article_id, 'e' and a two-digit serial.", unique=True, pattern=r"^[a-z0-9-]+-e\d{2}$"),
                f("date", "string", "ISO 8601 date as precise as the article allows.", pattern=PARTIAL_DATE),
                f("date_precision", "string", "Precision of date.", enum=["year", "month", "day"]),
                f("place_code", "string", "Where it happened.", pattern=PLACE),
                f("event_en", "string", "What happened, in English."),
                f("article_id", "string", "Article that mentions it.", pattern=SLUG),
                f("quote", "string", "Exact excerpt of the article."),
            ],
            "primaryKey": ["event_id"],
            "foreignKeys": [
                {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}},
                {"fields": ["place_code"], "reference": {"resource": "places", "fields": ["place_code"]}},
            ],
        },
    },
    {
        "name": "population", "path": "population.csv",
        "title": "Resident population, 2020 census",
        "description": "Resident population at the Seventh National Population Census (reference date 2020-11-01), copied from ../shared/reference/census2020_population.csv for per-capita figures.",
        "sources": [{"title": "Seventh National Population Census bulletins of Zhejiang, Jinhua, Quzhou and Jiaxing statistics bureaus (2021)"}],
        "schema": {
            "fields": [
                f("place_code", "string", "Place (foreign key to places).", unique=True, pattern=PLACE),
                f("population", "integer", "Resident population.", minimum=0, unit="people"),
                f("reference_date", "date", "Census reference date."),
                f("source", "string", "Bulletin the figure comes from."),
            ],
            "primaryKey": ["place_code"],
            "foreignKeys": [{"fields": ["place_code"], "reference": {"resource": "places", "fields": ["place_code"]}}],
        },
    },
]

for r in resources:
    r.update({"profile": "tabular-data-resource", "scheme": "file", "format": "csv",
              "mediatype": "text/csv", "encoding": "utf-8"})
    r["dialect"] = {"delimiter": ",", "header": True}
    # enum=None passed explicitly above: drop it
    for fld in r["schema"]["fields"]:
        if fld.get("constraints", {}).get("enum", 1) is None:
            del fld["constraints"]["enum"]

package = {
    "profile": "tabular-data-package",
    "name": "pingan-zhejiang",
    "title": "Ping An Zhejiang workbook: statistics and governance practices from five newspaper articles",
    "description": "Curated statistics, named governance practices, glossary and timeline from five Chinese newspaper articles (2017-2024) on the Ping An Zhejiang (平安浙江) public-safety programme in Jinhua, Wucheng, Quzhou and Jiaxing. Every statistic carries the exact quote it comes from.",
    "version": "0.1.0",
    "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0 (the curated tables; quotes are short citations of the articles)"}],
    "sources": [
        {"title": "在平安金华建设的道路上砥砺前行 (Jinhua, 2017)"},
        {"title": "打出'基层党建+社会治理'组合拳 创平安浙江示范区 (Jinhua, 2020)"},
        {"title": "金华婺城'三网融合'建设平安新高地 (Wucheng, 2020)"},
        {"title": "致力打造四省边际社会治理'桥头堡' (Quzhou, 2024)"},
        {"title": "嘉兴:'大平安'托起稳稳幸福感, 浙江日报 2024-10-29 p.9 (Jiaxing, 2024)"},
    ],
    "resources": resources,
}
out = pathlib.Path(__file__).resolve().parent.parent / "data" / "datapackage.json"
out.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out}")
