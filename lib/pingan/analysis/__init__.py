"""Layer 3: the analysis questions, each a function from the validated tables (``tables=``,
loaded when omitted) to a polars frame. Polars only: no Altair, no great_tables."""
from pingan.analysis._adoption import ORIGINS, adoption_grid, origin_mix
from pingan.analysis._agreement import coder_agreement
from pingan.analysis._claims import outcome_claims, printed_ends
from pingan.analysis._comparison import honours, outcome_streaks, shared_indicator_summary, shared_indicators
from pingan.analysis._coverage import CoverageItem, CoverageReport, audit_coverage
from pingan.analysis._findings import data_quality_findings
from pingan.analysis._kwic import kwic
from pingan.analysis._model import model_links, model_practices, template_matrix
from pingan.analysis._remainder import remainder_break_even, remainder_change
from pingan.analysis._percapita import PER_RESIDENT_INDICATORS, per_capita_figures
from pingan.analysis._section_figures import section_figures
from pingan.analysis._sections import article_sections
from pingan.analysis._terms import term_frequencies
from pingan.analysis._two_articles import figures_in_both, template_shift, term_shift

__all__ = ["adoption_grid", "origin_mix", "ORIGINS", "coder_agreement", "outcome_claims", "printed_ends", "honours", "outcome_streaks", "shared_indicator_summary", "shared_indicators",
           "CoverageItem", "CoverageReport", "audit_coverage", "data_quality_findings", "kwic", "model_links",
           "model_practices", "template_matrix", "PER_RESIDENT_INDICATORS", "per_capita_figures", "section_figures",
           "article_sections", "term_frequencies", "figures_in_both", "template_shift", "term_shift",
           "remainder_change", "remainder_break_even"]
