"""Ping An Zhejiang workbook: the curated tables as validated polars DataFrames, and charts.

    import pingan
    stats = pingan.load("statistics")      # one validated table
    tables = pingan.load_all()             # every table by name

Chart builders live in ``pingan.charts`` and are imported on first use, so loading
data never pays for importing Altair.
"""
from .coverage import CoverageItem, CoverageReport, audit_coverage
from .dictionary import data_dictionary_markdown
from .findings import data_quality_findings
from .loading import TABLES, load, load_all, validate
from .numbers import Number, NumberParseError, parse_number
from .problems import DataValidationError, Problem
from .spotter import SpottedNumber, extract_numbers

__version__ = "0.1.0"

__all__ = [
    "TABLES", "load", "load_all", "validate", "DataValidationError", "Problem",
    "parse_number", "Number", "NumberParseError", "extract_numbers", "SpottedNumber",
    "audit_coverage", "CoverageReport", "CoverageItem", "data_dictionary_markdown",
    "data_quality_findings",
]
