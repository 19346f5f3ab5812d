"""Two articles side by side — the same city years apart, or two cities: what each names and says.

    pingan.template_shift("jinhua-2017", "jinhua-2020")   # templates each names, and the change
    pingan.term_shift("jinhua-2017", "jinhua-2020")       # key terms per 1,000 characters, and the change
    pingan.figures_in_both("jinhua-2017", "jinhua-2020")  # indicators both articles report

Each takes the tables (as ``load_all()`` returns them) or loads them itself, and raises
``ValueError`` listing the valid ids for an unknown article or when both ids are the same.
Nothing here imports Altair; ``pingan.charts.two_articles_chart`` draws the first two.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import article_order, check_article_ids, resolve_tables
from pingan.analysis._model import template_matrix
from pingan.analysis._terms import term_frequencies

__all__ = ["template_shift", "term_shift", "figures_in_both", "STATUS_ORDER"]

# a template (or term) is in one of four states between the two articles
STATUS_ORDER = ("only_b", "both", "only_a", "neither")


def _pair(article_a: str, article_b: str, tables: dict[str, pl.DataFrame] | None) -> dict[str, pl.DataFrame]:
    t = resolve_tables(tables)
    check_article_ids(t, [article_a, article_b])
    if article_a == article_b:
        raise ValueError(f"two different articles are needed, not {article_a!r} twice; "
                         f"valid ids: {', '.join(article_order(t))}")
    return t


def _status(a: str, b: str) -> pl.Expr:
    return (pl.when((pl.col(a) > 0) & (pl.col(b) > 0)).then(pl.lit("both"))
            .when(pl.col(b) > 0).then(pl.lit("only_b"))
            .when(pl.col(a) > 0).then(pl.lit("only_a"))
            .otherwise(pl.lit("neither")))


def template_shift(article_a: str, article_b: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per template family (the city's own inventions last, as ``local``): how many
    practices each article tags with it (``practices_a``, ``practices_b``), the change
    (``b − a``), ``status`` (``only_b``, ``both``, ``only_a``, ``neither``) and, for each
    side, its first such practice with its English name and quote."""
    t = _pair(article_a, article_b, tables)
    m = template_matrix(tables=t).with_columns(pl.col("family").cast(pl.String))
    names = t["practices"].select(pl.col("practice_id").alias("example_practice"), "name_en")

    def side(aid: str, suffix: str) -> pl.DataFrame:
        return (m.filter(pl.col("article_id") == aid)
                .join(names, on="example_practice", how="left", maintain_order="left")
                .select("family", pl.col("practices").alias(f"practices_{suffix}"),
                        pl.col("name_en").alias(f"example_{suffix}"), pl.col("example_quote").alias(f"quote_{suffix}")))

    families = m["family"].unique(maintain_order=True)
    out = (pl.DataFrame({"family": families}).with_row_index("order")
           .join(side(article_a, "a"), on="family", how="left", maintain_order="left")
           .join(side(article_b, "b"), on="family", how="left", maintain_order="left")
           .with_columns(change=pl.col("practices_b") - pl.col("practices_a"),
                         status=_status("practices_a", "practices_b"))
           .with_columns(order=pl.when(pl.col("family") == "local").then(pl.lit(10_000, pl.UInt32))
                         .otherwise(pl.col("order")))
           .sort("order").drop("order"))
    return out.select("family", "practices_a", "practices_b", "change", "status",
                      "example_a", "quote_a", "example_b", "quote_b")


def term_shift(article_a: str, article_b: str, terms=None, *, tables: dict[str, pl.DataFrame] | None = None
               ) -> pl.DataFrame:
    """One row per key governance term (every curated term unless ``terms`` is given): its
    occurrences and rate per 1,000 characters in each article, the change in rate (``b − a``)
    and ``status`` as in :func:`template_shift`. Ordered by change, largest rise first."""
    t = _pair(article_a, article_b, tables)
    f = term_frequencies(terms, tables=t).filter(pl.col("article_id").is_in([article_a, article_b]))

    def side(aid: str, suffix: str) -> pl.DataFrame:
        return f.filter(pl.col("article_id") == aid).select(
            "term", pl.col("occurrences").alias(f"occurrences_{suffix}"),
            pl.col("characters").alias(f"characters_{suffix}"), pl.col("per_1000_chars").alias(f"per_1000_{suffix}"))

    meta = f.unique("term", maintain_order=True).select("term", "pinyin", "term_en", "family").with_row_index("order")
    return (meta.join(side(article_a, "a"), on="term", how="left", maintain_order="left")
            .join(side(article_b, "b"), on="term", how="left", maintain_order="left")
            .with_columns(change=pl.col("per_1000_b") - pl.col("per_1000_a"),
                          status=_status("occurrences_a", "occurrences_b"))
            .sort(["change", "order"], descending=[True, False]).drop("order"))


def figures_in_both(article_a: str, article_b: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """The indicators both articles report (same ``indicator`` in statistics.csv), one row each:
    its English and Chinese name, unit and measure, and on each side the figures as printed
    with their periods (``"3.2万 (2017)"``; several joined by "; "), the count of figures and
    the quotes. Empty when the two share no indicator."""
    t = _pair(article_a, article_b, tables)
    s = t["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))

    def side(aid: str, suffix: str) -> pl.DataFrame:
        return (s.filter(pl.col("article_id") == aid).sort("stat_id")
                .group_by("indicator", maintain_order=True)
                .agg(pl.len().alias(f"figures_{suffix}"),
                     pl.concat_str([pl.col("as_written"), pl.lit(" ("), pl.col("period").str.replace("-", "–"),
                                    pl.lit(")")]).str.join("; ").alias(f"printed_{suffix}"),
                     pl.col("quote").unique(maintain_order=True).str.join(" … ").alias(f"quote_{suffix}"),
                     pl.col("measure").first().alias(f"measure_{suffix}")))

    both = side(article_a, "a").join(side(article_b, "b"), on="indicator", how="inner", maintain_order="left")
    return (both.join(t["indicators"].select("indicator", "name_en", "name_zh", "unit"), on="indicator", how="left",
                      maintain_order="left")
            .select("indicator", "name_en", "name_zh", "unit", pl.col("measure_a").alias("measure"),
                    "figures_a", "printed_a", "figures_b", "printed_b", "quote_a", "quote_b"))
