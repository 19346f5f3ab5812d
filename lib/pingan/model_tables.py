"""Presentation tables for the governance-model notebooks (issue 12), as great_tables.

    pingan.claims_table("quzhou-2024")   # each outcome claim and what it would take to judge it
    pingan.links_table("quzhou-2024")    # the model's links: from → relation → to, with the quote

Fixed ids (``claims-<article>``, ``links-<article>``), human headers, "—" for missing
values, long text wrapped; built on :func:`pingan.tables.show_table`. great_tables is
imported on first use.
"""
from __future__ import annotations

import polars as pl

__all__ = ["claims_table", "links_table"]

_YES_NO = {True: ("yes", "有"), False: ("no", "无")}


def _yes_no(col: str, lang: str) -> pl.Expr:
    i = 0 if lang == "en" else 1
    return pl.col(col).replace_strict({k: v[i] for k, v in _YES_NO.items()}, default=None, return_dtype=pl.String)


def claims_table(article_id: str | None = None, *, tables: dict | None = None, lang: str = "en"):
    """Every outcome claim (``pingan.outcome_claims``) of one article, or of all: the claim,
    the figure as printed, its period (stated or inferred), whether a base and a comparison
    are given, the verdict and the quote."""
    from .charts.data import article_labels, resolve_tables
    from .charts.style import check_lang
    from .outcome_claims import outcome_claims
    from .tables import show_table
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "indicators", "articles", "places")
    c = outcome_claims(article_id, tables=t)
    basis = {"stated": ("stated", "文中所述"), "inferred": ("inferred", "推断")}
    i = 0 if lang == "en" else 1
    df = c.with_columns(
        article=pl.col("article_id").replace_strict(article_labels(t, lang), return_dtype=pl.String),
        period_shown=pl.col("period").str.replace("-", "–") + pl.lit(" (") +
        pl.col("period_basis").replace_strict({k: v[i] for k, v in basis.items()}, default=pl.col("period_basis"))
        + pl.lit(")"),
        base=_yes_no("base_given", lang), comparison=_yes_no("comparison_given", lang))
    cols = (["article"] if article_id is None else []) + ["claim_en", "as_written", "period_shown", "base",
                                                          "comparison", "verdict", "quote"]
    heads = ({"article": "Article", "claim_en": "Claim", "as_written": "Figure as printed", "period_shown": "Period",
              "base": "Base given?", "comparison": "Comparison given?", "verdict": "Verdict", "quote": "Quote"}
             if lang == "en" else
             {"article": "文章", "claim_en": "说法(英文)", "as_written": "原文数字", "period_shown": "时期",
              "base": "有基数?", "comparison": "有对照?", "verdict": "判断", "quote": "原文"})
    n = df.height
    no_base = int((~df["base_given"]).sum()) if n else 0
    title = (f"{no_base} of {n} outcome claims give no base to judge their size" if lang == "en"
             else f"{n}项成效说法中有{no_base}项未给出判断其大小的基数")
    return show_table(df, cols, labels=heads, title=title, id=f"claims-{article_id or 'all'}",
                      source="statistics.csv, indicators.csv, computed by pingan.outcome_claims()")


def links_table(article_id: str, *, tables: dict | None = None, lang: str = "en"):
    """The links of one article's model: from → relation → to, with the quote that shows
    each link and the curators' note."""
    from .charts.data import check_article_ids, resolve_tables
    from .charts.model_labels import relation_label
    from .charts.style import check_lang
    from .model import model_links
    from .tables import show_table
    check_lang(lang)
    t = resolve_tables(tables, "practices", "practice_links", "articles")
    check_article_ids(t, article_id)
    side = "en" if lang == "en" else "zh"
    df = model_links(article_id, t).with_columns(
        relation_shown=pl.col("relation").cast(pl.String).map_elements(lambda r: relation_label(r, lang),
                                                                       return_dtype=pl.String))
    cols = [f"from_name_{side}", "relation_shown", f"to_name_{side}", "quote", "notes"]
    heads = ({f"from_name_{side}": "From", "relation_shown": "Link", f"to_name_{side}": "To", "quote": "Quote",
              "notes": "Notes"} if lang == "en"
             else {f"from_name_{side}": "从", "relation_shown": "关联", f"to_name_{side}": "至", "quote": "原文",
                   "notes": "注"})
    from .charts.data import article_labels
    who = article_labels(t, lang)[article_id]  # "Jinhua 2017", never the raw id
    title = (f"{df.height} links between the practices of {who}" if lang == "en"
             else f"{who}的做法之间有{df.height}条关联")
    return show_table(df, cols, labels=heads, title=title, id=f"links-{article_id}", source="practice_links.csv")
