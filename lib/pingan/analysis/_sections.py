"""The article's own framing as data: its sections in order, with the practices each describes.

    pingan.article_sections("quzhou-2024")   # the four 始终 constants after the introduction

Takes the tables (as ``load_all()`` returns them) or loads them itself.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import check_article_ids, resolve_tables

__all__ = ["article_sections"]


def article_sections(article_id: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per section of the article, in printed order: section_id, position,
    place_code, heading_zh, pinyin, heading_en, quote, summary_en, then the practices it
    describes — ``practices`` (how many), ``templates`` (how many of them instantiate a
    provincial template, i.e. a family other than ``local``), ``local`` (how many are
    local inventions), and the lists ``practice_ids``, ``names_en`` and ``families``
    (practices ordered by family, then id). A section describing no practice has
    0 and empty lists. An unknown article id raises ValueError listing the valid ones."""
    tables = resolve_tables(tables)
    check_article_ids(tables, article_id)
    sections = (tables["article_sections"].filter(pl.col("article_id") == article_id).sort("position")
                .drop("article_id"))
    members = (tables["practice_sections"]
               .join(tables["practices"].select("practice_id", "name_en", pl.col("family").cast(pl.String)),
                     on="practice_id", how="inner")
               .filter(pl.col("section_id").is_in(sections["section_id"].implode()))
               .sort("section_id", "family", "practice_id")
               .group_by("section_id", maintain_order=True)
               .agg(practices=pl.len().cast(pl.Int64),
                    templates=(pl.col("family") != "local").sum().cast(pl.Int64),
                    local=(pl.col("family") == "local").sum().cast(pl.Int64),
                    practice_ids=pl.col("practice_id"), names_en=pl.col("name_en"), families=pl.col("family")))
    out = sections.join(members, on="section_id", how="left", maintain_order="left")
    empty = pl.lit([], dtype=pl.List(pl.String))
    return out.with_columns(pl.col("practices", "templates", "local").fill_null(0),
                            pl.col("practice_ids", "names_en", "families").fill_null(empty))
