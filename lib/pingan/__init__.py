"""Ping An Zhejiang workbook: the curated tables as validated polars DataFrames, the analysis
questions, charts and tables.

    import pingan
    stats = pingan.load("statistics")      # one validated table
    tables = pingan.load_all()             # every table by name

The package is built in layers, each importing only those below it (tests/test_layers.py):

    pingan.base       settings, problems, atomic writes
    pingan.text       Chinese numbers, the number spotter, matching, the source articles
    pingan.package    the data contract, its checks, loading, selection, the vocabulary
    pingan.analysis   the analysis questions (polars in, polars out)
    pingan.charts     Altair charts          pingan.tables   HTML tables for readers
    pingan.workbench  the command line, drafting, adding an article, export, figures, the site

The public API is the names below, plus ``pingan.analysis`` (every analysis question: those
below and the comparative and coding ones, ``adoption_grid``, ``origin_mix``,
``coder_agreement``), ``pingan.charts`` (every chart builder), ``pingan.tables`` (every
``*_table``, each taking a frame) and ``pingan.labels``:

    load(name), load_all(), validate()     the data, validated; TABLES names them
    configure(data_dir=, sources_dir=, cache_dir=, require_sources=)
    DataValidationError, Problem, SourcesNotFoundError
    parse_number(text), extract_numbers(text)
    outcome_claims, shared_indicators, shared_indicator_summary, honours, outcome_streaks,
    per_capita_figures, model_practices, model_links, template_matrix, article_sections,
    section_figures, template_shift, term_shift, figures_in_both, term_frequencies, kwic,
    data_quality_findings                   the analysis questions (tables= keyword-only)
    audit_coverage(data_dir=, sources_dir=) what the articles print, against what is curated
    remainder_change, remainder_break_even    what a total's and a part's changes imply for the rest
    enable_charts()                         the workbook's chart theme and offline renderer
    show_table(df, …)                       any frame as a formatted table
"""
from pingan.analysis import (article_sections, audit_coverage, data_quality_findings, figures_in_both, honours, kwic,
                             model_links, model_practices, outcome_claims, outcome_streaks, per_capita_figures,
                             remainder_break_even, remainder_change,
                             section_figures, shared_indicator_summary, shared_indicators, template_matrix,
                             template_shift, term_frequencies, term_shift)
from pingan.base import DataValidationError, Problem, configure
from pingan.package import TABLES, load, load_all, validate
from pingan.text import SourcesNotFoundError, extract_numbers, parse_number

__version__ = "0.2.0"

# Charts import Altair and load on first use, as tables do, so that `import pingan` and
# loading data stay fast.
_LAZY = {"enable_charts": "pingan.charts", "show_table": "pingan.tables",
         "charts": None, "tables": None, "labels": None}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        where = _LAZY[name]
        if where is None:
            return importlib.import_module(f"pingan.{name}")
        return getattr(importlib.import_module(where), name)
    raise AttributeError(f"module 'pingan' has no attribute {name!r}")


def __dir__():
    return sorted(set(__all__) | {"charts", "tables", "labels"})


__all__ = [
    "load", "load_all", "validate", "TABLES", "configure", "DataValidationError", "Problem", "SourcesNotFoundError",
    "parse_number", "extract_numbers",
    "outcome_claims", "shared_indicators", "shared_indicator_summary", "honours", "outcome_streaks",
    "per_capita_figures", "model_practices", "model_links", "template_matrix", "article_sections",
    "section_figures", "template_shift", "term_shift", "figures_in_both", "term_frequencies", "kwic",
    "data_quality_findings", "audit_coverage", "remainder_change", "remainder_break_even",
    "enable_charts", "show_table",
]
