"""Ping An Zhejiang workbook: the curated tables as validated polars DataFrames, charts and tables.

    import pingan
    stats = pingan.load("statistics")      # one validated table
    tables = pingan.load_all()             # every table by name

Charts (Altair; imported on first use, so loading data never pays for Altair). Call
``pingan.enable_charts()`` once to switch on the workbook's theme and renderer; every
builder takes ``tables=`` (default: ``load_all()``), ``lang="en"`` or ``"zh"`` and ``title=``:

    changes_chart(article_id=None)        stated changes in percent, either side of zero
    counts_chart(article_id=None)         counts as labelled dots on a log scale
    rates_chart(article_id=None)          rates and shares, 0–100%
    honours_chart(article_id=None)        honours and streaks
    shared_indicators_chart()             indicators several articles share, one panel each
    per_capita_chart()                    counts per 10,000 residents (2020 census)
    practice_categories_chart(article_id) one article's named practices by category
    practice_heatmap()                    practices by category and article
    timeline_chart()                      every dated event, labelled, by article
    zhejiang_map()                        the eleven cities, those covered in colour
    border_map()                          Quzhou's four-province alliance: its three partner cities on a map
    overview_chart()                      map and timeline linked: click a city
    coverage_chart(report)                every number in the articles, accounted for
    architecture_chart(article_id)        the city's model: practices on tiers, linked (issue 12)
    templates_chart(article_id)           provincial templates it instantiates, and its own inventions
    template_matrix_chart()               article × template, the first article to name each marked
    sections_chart(article_id)            the article's own sections, with the practices each describes
    sections_detail_chart(article_id, sections=None)  its parts side by side: practices and figures of each
    term_emphasis_chart(terms=None)       key governance terms per 1,000 characters, by article
    two_articles_chart(a, b, by=)         two articles side by side: templates ("templates") or terms ("terms")
    capacity_chart(article_id, domains=)  what a city built or enrolled, by domain, per 10,000 residents
    family_label(slug, lang, terms=)      "Grid management (网格化管理, wǎnggéhuà guǎnlǐ)"; tier_label, relation_label
    CITY_COLORS                           one colour per city (place_code → hex)
    category_label(slug, lang)            a practice category in words (English or Chinese)
    to_png(spec), to_svg(spec)            a chart spec as an image

Two articles side by side (polars, no Altair):

    template_shift(a, b)                  templates each names: practices in a and b, change, status
    term_shift(a, b, terms=None)          key terms per 1,000 characters in a and b, change
    figures_in_both(a, b)                 indicators both report, figures as printed with periods

Tables for readers (great_tables; DataFrames stay available for code):

    show_table(df, columns=, labels=, title=, source=)   any frame, formatted
    statistics_table(df), practices_table(df), findings_table(df), articles_table(df)
    claims_table(article_id=None), links_table(article_id)   outcome claims judged; the model's links
"""
from .coverage import CoverageItem, CoverageReport, audit_coverage
from .dictionary import data_dictionary_markdown
from .findings import data_quality_findings
from .loading import TABLES, load, load_all, validate
from .model import model_links, model_practices, template_matrix
from .numbers import Number, NumberParseError, parse_number
from .percapita import PER_RESIDENT_INDICATORS, per_capita_figures
from .problems import DataValidationError, Problem
from .section_figures import section_figures
from .sections import article_sections
from .spotter import SpottedNumber, extract_numbers

# the library of analysis helpers (issue 12): all take tables=None and load them only when omitted
from .comparison import honours, outcome_streaks, shared_indicator_summary, shared_indicators
from .kwic import kwic
from .outcome_claims import outcome_claims
from .term_frequencies import term_frequencies
from .texts import SourcesNotFoundError
from .two_articles import figures_in_both, template_shift, term_shift

__version__ = "0.1.0"

# Chart builders import Altair (≈2 s) and tables import great_tables: both load on first use,
# so that data loading stays fast. Reading CITY_COLORS changes nothing in Altair.
_CHART_NAMES = ("changes_chart", "counts_chart", "rates_chart", "honours_chart", "shared_indicators_chart",
                "per_capita_chart", "timeline_chart", "zhejiang_map", "overview_chart", "practice_heatmap",
                "practice_categories_chart", "coverage_chart", "enable_charts", "CITY_COLORS", "category_label",
                "to_png", "to_svg",
                "architecture_chart", "templates_chart", "template_matrix_chart", "sections_chart",
                "term_emphasis_chart", "family_label", "tier_label", "relation_label", "FAMILY_LABELS", "TIER_LABELS",
                "RELATION_LABELS", "sections_detail_chart", "section_blocks", "two_articles_chart", "capacity_chart",
                "border_map", "alliance_cities")
_TABLE_NAMES = ("show_table", "statistics_table", "practices_table", "findings_table", "articles_table")
_MODEL_TABLE_NAMES = ("claims_table", "links_table")


# Export, figures and the site need more than polars (figures and the site: the `charts` and
# `lab` extras); they too load on first use, so `import pingan` stays light. One map says
# where each lazily loaded name lives.
_LAZY = {**dict.fromkeys(_CHART_NAMES, "charts"), **dict.fromkeys(_TABLE_NAMES, "tables"),
         **dict.fromkeys(_MODEL_TABLE_NAMES, "model_tables"),
         "export_tables": "export", "export_figures": "figures", "build_site": "site"}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'pingan' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "TABLES", "load", "load_all", "validate", "DataValidationError", "Problem",
    "parse_number", "Number", "NumberParseError", "extract_numbers", "SpottedNumber",
    "audit_coverage", "CoverageReport", "CoverageItem", "data_dictionary_markdown", "export_tables",
    "data_quality_findings", "per_capita_figures", "export_figures", "build_site", *_CHART_NAMES, *_TABLE_NAMES,
    *_MODEL_TABLE_NAMES,
    "PER_RESIDENT_INDICATORS", "kwic", "term_frequencies", "outcome_claims", "shared_indicators",
    "shared_indicator_summary", "honours", "outcome_streaks", "SourcesNotFoundError",
    "model_practices", "model_links", "template_matrix", "article_sections", "section_figures",
    "template_shift", "term_shift", "figures_in_both",
]
