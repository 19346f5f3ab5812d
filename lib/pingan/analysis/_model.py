"""The model as data: each article's practices by template family and tier, and how they link.

    pingan.model_practices("quzhou-2024")   # its practices, up the ladder from province to grid
    pingan.model_links("quzhou-2024")       # how they connect, with both ends' names
    pingan.template_matrix()                # article × family: counts, an example, first article

Each helper takes the tables (as ``load_all()`` returns them) or loads them itself.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import resolve_tables
from pingan.package._selection import check_article_ids

__all__ = ["model_practices", "model_links", "template_matrix"]

_PRACTICE_COLUMNS = ("practice_id", "tier", "family", "name_zh", "pinyin", "name_en", "family_basis", "quote")


def model_practices(article_id: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One article's practices with their family, tier, names and quote, ordered up the model's
    ladder (province, city, county, township, village, grid, cross-border), then by family."""
    t = resolve_tables(tables)
    check_article_ids(t, article_id)
    return (t["practices"].filter(pl.col("article_id") == article_id)
            .select(_PRACTICE_COLUMNS).sort("tier", "family", "practice_id"))


def model_links(article_id: str, *, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One article's links, each with both practices' English and Chinese names, tier and family,
    and its basis: ``stated`` (the article's words give the relation) or ``inferred`` (the
    article lists both; the relation comes from the provincial design), with ``basis_note``."""
    t = resolve_tables(tables)
    check_article_ids(t, article_id)
    ends = t["practices"].select("practice_id", "name_en", "name_zh", "tier", "family")

    def side(prefix: str) -> pl.DataFrame:
        return ends.rename({c: f"{prefix}_{c}" for c in ends.columns if c != "practice_id"}
                           ).rename({"practice_id": f"{prefix}_practice"})

    return (t["practice_links"].filter(pl.col("article_id") == article_id)
            .join(side("from"), on="from_practice", how="left", maintain_order="left")
            .join(side("to"), on="to_practice", how="left", maintain_order="left")
            .select("article_id", "from_practice", "from_name_en", "from_name_zh", "from_tier", "relation",
                    "to_practice", "to_name_en", "to_name_zh", "to_tier", "quote", "notes",
                    "basis", "basis_note"))


def template_matrix(*, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """Article × family, every pair: how many of the article's practices carry the family, the
    first such practice and its quote (as an example), and the first article to carry the family
    (earliest published; ties in the order of articles.csv). Rows run family by family, articles
    in publication order."""
    t = resolve_tables(tables)
    practices = t["practices"]
    articles = t["articles"].select("article_id", "published").with_row_index("order").sort("published", "order")
    families = pl.DataFrame({"family": practices.schema["family"].categories}).cast({"family": practices.schema["family"]})
    carried = (practices.group_by("article_id", "family", maintain_order=True)
               .agg(practices=pl.len(), example_practice=pl.col("practice_id").first(),
                    example_quote=pl.col("quote").first()))
    grid = (families.join(articles.select("article_id"), how="cross")
            .join(carried, on=["article_id", "family"], how="left", maintain_order="left")
            .with_columns(pl.col("practices").fill_null(0).cast(pl.Int64)))
    first = (grid.filter(pl.col("practices") > 0).group_by("family", maintain_order=True)
             .agg(first_article=pl.col("article_id").first()))
    return (grid.join(first, on="family", how="left", maintain_order="left")
            .select("family", "article_id", "practices", "example_practice", "example_quote", "first_article"))
