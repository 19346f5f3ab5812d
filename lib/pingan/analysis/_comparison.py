"""Comparing articles: indicators several articles share, honours, and streaks of outcomes.

- ``shared_indicators``: each article's stated change of every indicator that two or more
  articles report, with its period; ``shared_indicator_summary``: one row per indicator
  with the **largest fall** (the most negative change, e.g. thefts −78.7% in Quzhou over
  2004–2023, not the smallest) and the largest rise, each with the figure it comes from;
- ``honours``: titles, rankings and people honoured (indicators of the ``honours``
  domain) — never a streak of falling accidents or thefts, which are outcomes;
- ``outcome_streaks``: those streaks (years in a row of decline, of all homicides
  solved): counts of years in an outcome domain.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import resolve_tables
from pingan.package._selection import check_article_ids

__all__ = ["shared_indicators", "shared_indicator_summary", "honours", "outcome_streaks"]

CHANGE_MEASURES = ("change_pct", "change_pp")


def _statistics(tables) -> pl.DataFrame:
    """Statistics with the indicator's names and domain, the place's name and the article's date."""
    return (tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
            .join(tables["indicators"].select("indicator", "name_en", "name_zh", pl.col("domain").cast(pl.String)),
                  on="indicator", how="left")
            .join(tables["places"].select("place_code", place=pl.col("name_en")), on="place_code", how="left")
            .join(tables["articles"].select("article_id", "published"), on="article_id", how="left"))


def shared_indicators(measure: str = "change_pct", min_articles: int = 2, *,
                      tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """Every stated change (``measure``: change_pct or change_pp) of an indicator that at least
    ``min_articles`` articles report: indicator, name_en, articles, stat_id, article_id,
    published, place, period, period_basis, value, as_written, is_largest_fall, quote.

    ``is_largest_fall`` marks the most negative figure of each indicator (ties: all of
    them). Periods differ — one year, several, two decades — so sizes are not comparable
    across rows; the period is on every row."""
    if measure not in CHANGE_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(CHANGE_MEASURES)}, not {measure!r}")
    s = _statistics(resolve_tables(tables)).filter(pl.col("measure") == measure)
    return (s.with_columns(articles=pl.col("article_id").n_unique().over("indicator"))
            .filter(pl.col("articles") >= min_articles)
            .with_columns(is_largest_fall=(pl.col("value") < 0) & (pl.col("value") == pl.col("value").min().over("indicator")))
            .sort(["articles", "indicator", "published", "stat_id"], descending=[True, False, False, False])
            .select("indicator", "name_en", "articles", "stat_id", "article_id", "published", "place_code", "place",
                    "period", "period_basis", "value", "unit", "as_written", "is_largest_fall", "quote"))


def shared_indicator_summary(measure: str = "change_pct", min_articles: int = 2, *,
                             tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per shared indicator: indicator, name_en, articles, figures, periods,
    largest_fall (most negative value; null when none fell) with its stat_id, article_id and
    period, and largest_rise (null when none rose)."""
    rows = shared_indicators(measure, min_articles, tables=tables)
    falls = (rows.filter(pl.col("value") < 0).sort(["value", "stat_id"])
             .group_by("indicator", maintain_order=True).first()
             .select("indicator", largest_fall="value", largest_fall_stat_id="stat_id",
                     largest_fall_article="article_id", largest_fall_period="period"))
    return (rows.group_by("indicator", "name_en", maintain_order=True)
            .agg(pl.col("articles").first(), figures=pl.len(),
                 periods=pl.format("{} ({})", pl.col("article_id"), pl.col("period")).str.join("; "),
                 largest_rise=pl.col("value").filter(pl.col("value") > 0).max())
            .join(falls, on="indicator", how="left", maintain_order="left")
            .select("indicator", "name_en", "articles", "figures", "periods", "largest_fall", "largest_fall_stat_id",
                    "largest_fall_article", "largest_fall_period", "largest_rise"))


_COLUMNS = ("stat_id", "article_id", "published", "place_code", "place", "period", "period_basis", "indicator",
            "name_en", "name_zh", "domain", "value", "unit", "measure", "as_written", "quote")


def honours(article_id: str | list[str] | None = None, *, tables: dict[str, pl.DataFrame] | None = None
            ) -> pl.DataFrame:
    """Honours: titles held, rankings entered, people honoured — every statistic of an
    indicator in the ``honours`` domain (the 'Ping An city' title, top-30 safest cities,
    national moral models …), in any measure.

    Not honours, and not here: counts of years of decline (thefts, work-safety accidents)
    or of all homicides solved, which are outcomes (``outcome_streaks``), and GDP
    thresholds, which are economy."""
    tables = resolve_tables(tables)
    ids = check_article_ids(tables, article_id)
    return (_statistics(tables).filter((pl.col("domain") == "honours") & pl.col("article_id").is_in(ids))
            .sort("published", "stat_id").select(_COLUMNS))


def outcome_streaks(article_id: str | list[str] | None = None, *, tables: dict[str, pl.DataFrame] | None = None
                    ) -> pl.DataFrame:
    """Counts of years in a row of an outcome (measure ``count_years`` outside the honours
    domain): years of falling thefts or accidents, years with all homicides solved."""
    tables = resolve_tables(tables)
    ids = check_article_ids(tables, article_id)
    return (_statistics(tables)
            .filter((pl.col("measure") == "count_years") & (pl.col("domain") != "honours")
                    & pl.col("article_id").is_in(ids))
            .sort("published", "stat_id").select(_COLUMNS))
