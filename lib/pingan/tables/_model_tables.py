"""Presentation tables for the governance-model notebooks (issue 12), as great_tables.

    pingan.claims_table("quzhou-2024")   # each outcome claim and what it would take to judge it
    pingan.links_table("quzhou-2024")    # the model's links: from → relation → to, with the quote

Fixed ids (``claims-<article>``, ``links-<article>``), human headers, "—" for missing
values, long text wrapped; built on :func:`pingan.tables.show_table`. great_tables is
imported on first use.
"""
from __future__ import annotations

import polars as pl

from pingan.package._vocabulary import text as say

__all__ = ["claims_table", "links_table"]

_YES_NO = {True: ("yes", "有"), False: ("no", "无")}
# Source lines readers see: the workbook's tables by what they hold, never their file names.
_CLAIMS_SOURCE = ("The articles' figures, as curated in the workbook, with the quote each rests on",
                  "文章中的数字(工作簿整理),各附原文")
_LINKS_SOURCE = ("The workbook's links between practices, each with the article's words it rests on",
                 "工作簿整理的做法之间的关联,各附所依据的原文")


def _yes_no(col: str, lang: str) -> pl.Expr:
    i = 0 if lang == "en" else 1
    return pl.col(col).replace_strict({k: v[i] for k, v in _YES_NO.items()}, default=None, return_dtype=pl.String)


def claims_table(claims: pl.DataFrame, *, tables: dict | None = None, lang: str = "en", title: str | None = None):
    """Outcome claims (a frame from ``pingan.outcome_claims``) for readers: the claim, the figure
    as printed, its period (stated or inferred), whether a base and a comparison are given, the
    verdict and the quote; an article column when the frame holds more than one article. ``title``
    replaces the computed default (a count of claims without a base)."""
    from pingan.analysis._frames import article_labels, resolve_tables
    from pingan.package._vocabulary import check_lang
    from pingan.tables._format import show_table
    check_lang(lang)
    t = resolve_tables(tables, "articles", "places")
    c = claims
    articles = c["article_id"].unique().to_list()
    basis = {"stated": ("stated", "文中所述"), "inferred": ("inferred", "推断")}
    i = 0 if lang == "en" else 1
    df = c.with_columns(
        article=pl.col("article_id").replace_strict(article_labels(t, lang), return_dtype=pl.String),
        period_shown=pl.col("period").str.replace("-", "–") + pl.lit(" (") +
        pl.col("period_basis").replace_strict({k: v[i] for k, v in basis.items()}, default=pl.col("period_basis"))
        + pl.lit(")"),
        base=_yes_no("base_given", lang), comparison=_yes_no("comparison_given", lang))
    cols = (["article"] if len(articles) > 1 else []) + ["claim_en", "as_written", "period_shown", "base",
                                                         "comparison", "verdict", "quote"]
    heads = ({"article": "Article", "claim_en": "Claim", "as_written": "Figure as printed", "period_shown": "Period",
              "base": "Base given?", "comparison": "Comparison given?", "verdict": "Verdict", "quote": "Quote"}
             if lang == "en" else
             {"article": "文章", "claim_en": "说法(英文)", "as_written": "原文数字", "period_shown": "时期",
              "base": "有基数?", "comparison": "有对照?", "verdict": "判断", "quote": "原文"})
    n = df.height
    no_base = int((~df["base_given"]).sum()) if n else 0
    title = title or (f"{no_base} of {n} outcome claims give no base to judge their size" if lang == "en"
                      else f"{n}项成效说法中有{no_base}项未给出判断其大小的基数")
    ident = articles[0] if len(articles) == 1 else "all"
    return show_table(df, cols, labels=heads, title=title, id=f"claims-{ident}",
                      source=_CLAIMS_SOURCE[i])


def links_table(links: pl.DataFrame, *, tables: dict | None = None, lang: str = "en", title: str | None = None):
    """One article's links (a frame from ``pingan.model_links``) for readers: from → relation →
    to, whether the article states the link or it is inferred (and what it rests on), and the
    quote; stated links first. ``title`` replaces the computed default (how many links are stated),
    which speaks of all the article's links and so misleads over a filtered frame."""
    from pingan.analysis._frames import article_labels, resolve_tables
    from pingan.package._vocabulary import check_lang, relation_label
    from pingan.tables._format import show_table
    check_lang(lang)
    t = resolve_tables(tables, "articles", "places")
    articles = links["article_id"].unique().to_list() if "article_id" in links.columns else []
    side = "en" if lang == "en" else "zh"
    basis_word = {"stated": ("stated", "文中明言"), "inferred": ("inferred", "推断")}
    i = 0 if lang == "en" else 1
    df = links.with_columns(pl.col("basis").cast(pl.String)).sort(pl.col("basis") != "stated", maintain_order=True)
    df = df.with_columns(
        basis_shown=pl.col("basis").replace_strict({k: v[i] for k, v in basis_word.items()}, return_dtype=pl.String),
        relation_shown=pl.col("relation").cast(pl.String).map_elements(lambda r: relation_label(r, lang),
                                                                       return_dtype=pl.String))
    cols = [f"from_name_{side}", "relation_shown", f"to_name_{side}", "basis_shown", "basis_note", "quote"]
    heads = ({f"from_name_{side}": "From", "relation_shown": "Link", f"to_name_{side}": "To", "basis_shown": "Basis",
              "basis_note": "What it rests on", "quote": "Quote"} if lang == "en"
             else {f"from_name_{side}": "从", "relation_shown": "关联", f"to_name_{side}": "至", "basis_shown": "依据",
                   "basis_note": "说明", "quote": "原文"})
    who = article_labels(t, lang)[articles[0]] if len(articles) == 1 else ("the articles" if lang == "en" else "各文章")
    n_stated = int((df["basis"] == "stated").sum())
    title = title or (f"{who} states {n_stated} of the {df.height} links between its practices; the rest are inferred"
                      if lang == "en" else f"{who}的做法之间有{df.height}条关联,其中{n_stated}条为文中明言,其余为推断")
    ident = articles[0] if len(articles) == 1 else "all"
    return show_table(df, cols, labels=heads, title=title, id=f"links-{ident}", source=_LINKS_SOURCE[i])
