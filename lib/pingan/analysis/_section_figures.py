"""The figures each section of an article prints, beside the practices it describes.

    pingan.section_figures("wucheng-2020")   # each figure with its section: safety, governance, volunteer net

Reads ``statistic_sections.csv`` (the section in which each statistic's quote stands,
checked against the article) and marks each figure's role, so a reader can set a section's
claims beside what it only counts:

- ``claim``: an outcome claim (:func:`pingan.outcome_claims`: a change in crime, accidents,
  disputes …, a satisfaction or resolution rate), with whether the article gives its base;
- ``people``: a count of people (volunteers, mediators, officers, residents);
- ``other``: every other figure (centres, teams, cameras, streaks, money, areas).

Takes the tables (as ``load_all()`` returns them) or loads them itself.
"""
from __future__ import annotations

import polars as pl

from pingan.analysis._claims import outcome_claims
from pingan.analysis._sections import article_sections
from pingan.package._selection import resolve_tables

__all__ = ["section_figures", "FIGURE_ROLES"]

FIGURE_ROLES = ("claim", "people", "other")


def section_figures(article_id: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per statistic of the article, in printed order of its sections, then by stat_id:
    section_id, position, heading_en, stat_id, place_code, indicator, name_en (the indicator's),
    value, unit, measure, qualifier, as_written, period, quote, role (``FIGURE_ROLES``) and
    base_given (for a claim: does the article give its base; null otherwise). An unknown
    article id raises ValueError listing the valid ones."""
    tables = resolve_tables(tables)
    sections = article_sections(article_id, tables=tables).select("section_id", "position", "heading_en")
    claims = outcome_claims(article_id, tables=tables).select("stat_id", "base_given")
    stats = (tables["statistics"].filter(pl.col("article_id") == article_id)
             .with_columns(pl.col(pl.Enum).cast(pl.String))
             .join(tables["statistic_sections"], on="stat_id", how="left"))
    unplaced = stats.filter(pl.col("section_id").is_null() | ~pl.col("section_id").is_in(sections["section_id"].implode()))
    if unplaced.height:
        raise ValueError(f"statistic(s) {', '.join(unplaced['stat_id'])} of {article_id!r} have no section of "
                         f"that article in statistic_sections.csv")
    names = tables["indicators"].select("indicator", "name_en")
    out = (stats.join(sections, on="section_id", how="left")
           .join(names, on="indicator", how="left")
           .join(claims, on="stat_id", how="left")
           .with_columns(role=pl.when(pl.col("stat_id").is_in(claims["stat_id"].implode())).then(pl.lit("claim"))
                         .when(pl.col("unit") == "people").then(pl.lit("people"))
                         .otherwise(pl.lit("other")))
           .sort("position", "stat_id"))
    return out.select("section_id", "position", "heading_en", "stat_id", "place_code", "indicator", "name_en",
                      "value", "unit", "measure", "qualifier", "as_written", "period", "quote", "role", "base_given")
