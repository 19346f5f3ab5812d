"""Ping An Zhejiang workbook: the curated tables as validated polars DataFrames, and charts.

    import pingan
    stats = pingan.load("statistics")      # one validated table
    tables = pingan.load_all()             # every table by name

Chart builders live in ``pingan.charts`` and are imported on first use, so loading
data never pays for importing Altair.
"""
from .coverage import CoverageItem, CoverageReport, audit_coverage
from .dictionary import data_dictionary_markdown
from .export import export_tables
from .figures import export_figures
from .findings import data_quality_findings
from .loading import TABLES, load, load_all, validate
from .model import model_links, model_practices, template_matrix
from .numbers import Number, NumberParseError, parse_number
from .problems import DataValidationError, Problem
from .spotter import SpottedNumber, extract_numbers

from .percapita import PER_RESIDENT_INDICATORS, per_capita_figures
from .site import build_site

# the library of analysis helpers (issue 12): all take tables=None and load them only when omitted
from .comparison import honours, outcome_streaks, shared_indicator_summary, shared_indicators
from .kwic import kwic
from .outcome_claims import outcome_claims
from .term_frequencies import term_frequencies
from .texts import SourcesNotFoundError

__version__ = "0.1.0"

# Chart builders import Altair (≈2 s); they load on first use so that data loading stays fast.
_CHART_NAMES = ("changes_chart", "counts_chart", "rates_chart", "honours_chart", "shared_indicators_chart",
                "per_capita_chart", "timeline_chart", "zhejiang_map", "practice_heatmap",
                "practice_categories_chart", "coverage_chart", "enable_charts", "CITY_COLORS", "to_png", "to_svg")


def __getattr__(name):
    if name in _CHART_NAMES:
        from . import charts
        return getattr(charts, name)
    raise AttributeError(f"module 'pingan' has no attribute {name!r}")

__all__ = [
    "TABLES", "load", "load_all", "validate", "DataValidationError", "Problem",
    "parse_number", "Number", "NumberParseError", "extract_numbers", "SpottedNumber",
    "audit_coverage", "CoverageReport", "CoverageItem", "data_dictionary_markdown", "export_tables",
    "data_quality_findings", "per_capita_figures", "export_figures", *_CHART_NAMES,
    "PER_RESIDENT_INDICATORS", "kwic", "term_frequencies", "outcome_claims", "shared_indicators",
    "shared_indicator_summary", "honours", "outcome_streaks", "SourcesNotFoundError",
    "model_practices", "model_links", "template_matrix",
]
