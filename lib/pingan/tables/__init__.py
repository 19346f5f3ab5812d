"""Layer 4: tables for readers. Each ``*_table`` takes a polars frame (from ``pingan.load`` or an
analysis question) and returns it as a formatted HTML table (written by ``_html`` with the standard library)."""
from pingan.tables._format import articles_table, findings_table, practices_table, show_table, statistics_table
from pingan.tables._model_tables import claims_table, links_table

__all__ = ["show_table", "statistics_table", "practices_table", "findings_table", "articles_table",
           "claims_table", "links_table"]
