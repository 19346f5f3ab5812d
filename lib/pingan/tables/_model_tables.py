"""Presentation tables for the governance-model notebooks (issue 12).

    pingan.tables.claims_table(pingan.outcome_claims(article_id))  # each outcome claim and what it would take to judge it
    pingan.tables.links_table(pingan.model_links(article_id))      # the model's links: from → relation → to, with the quote

Fixed ids (``claims-<article>``, ``links-<article>``), human headers, "—" for missing
values, long text wrapped; built on :func:`pingan.tables.show_table`.
"""
from __future__ import annotations

import polars as pl

from pingan.package._vocabulary import text as say

__all__ = ["claims_table", "links_table"]

# Source lines readers see (phrases claims.source, links.source): the workbook's tables by what
# they hold, never their file names.


def _yes_no(col: str, lang: str) -> pl.Expr:
    return pl.col(col).replace_strict({True: say("yes", lang), False: say("no", lang)}, default=None,
                                      return_dtype=pl.String)


def claims_table(claims: pl.DataFrame, *, tables: dict | None = None, lang: str = "en", title: str | None = None):
    """Outcome claims (a frame from ``pingan.outcome_claims``) for readers: the claim, the figure
    as printed, its period (stated or inferred), whether a base and a comparison are given, the
    verdict and the quote; an article column when the frame holds more than one article. ``title``
    replaces the computed default (a count of claims without a base)."""
    from pingan.analysis._frames import article_labels
    from pingan.package._selection import resolve_tables
    from pingan.package._vocabulary import check_lang
    from pingan.tables._format import show_table
    check_lang(lang)
    t = resolve_tables(tables, "articles", "places")
    c = claims
    articles = c["article_id"].unique().to_list()
    basis = {b: say(f"period_basis.{b}", lang) for b in ("stated", "inferred")}
    df = c.with_columns(
        article=pl.col("article_id").replace_strict(article_labels(t, lang), return_dtype=pl.String),
        period_shown=pl.col("period").str.replace("-", "–") + pl.lit(" (") +
        pl.col("period_basis").replace_strict(basis, default=pl.col("period_basis"))
        + pl.lit(")"),
        base=_yes_no("base_given", lang), comparison=_yes_no("comparison_given", lang))
    cols = (["article"] if len(articles) > 1 else []) + ["claim_en", "as_written", "period_shown", "base",
                                                         "comparison", "verdict", "quote"]
    heads = {c: say(key, lang) for c, key in (("article", "article"), ("claim_en", "claims.claim"),
                                               ("as_written", "claims.as_written"), ("period_shown", "period"),
                                               ("base", "claims.base"), ("comparison", "claims.comparison"),
                                               ("verdict", "claims.verdict"), ("quote", "quote"))}
    n = df.height
    no_base = int((~df["base_given"]).sum()) if n else 0
    title = title or say("claims.title", lang, no_base=no_base, n=n)
    ident = articles[0] if len(articles) == 1 else "all"
    return show_table(df, cols, labels=heads, title=title, id=f"claims-{ident}", source=say("claims.source", lang))


def links_table(links: pl.DataFrame, *, tables: dict | None = None, lang: str = "en", title: str | None = None):
    """One article's links (a frame from ``pingan.model_links``) for readers: from → relation →
    to, whether the article states the link or it is inferred (and what it rests on), and the
    quote; stated links first. ``title`` replaces the computed default (how many links are stated),
    which speaks of all the article's links and so misleads over a filtered frame."""
    from pingan.analysis._frames import article_labels
    from pingan.package._selection import resolve_tables
    from pingan.package._vocabulary import check_lang, relation_label
    from pingan.tables._format import show_table
    check_lang(lang)
    t = resolve_tables(tables, "articles", "places")
    articles = links["article_id"].unique().to_list() if "article_id" in links.columns else []
    basis_word = {b: say(f"links.basis.{b}", lang) for b in ("stated", "inferred")}
    df = links.with_columns(pl.col("basis").cast(pl.String)).sort(pl.col("basis") != "stated", maintain_order=True)
    df = df.with_columns(
        basis_shown=pl.col("basis").replace_strict(basis_word, return_dtype=pl.String),
        relation_shown=pl.col("relation").cast(pl.String).map_elements(lambda r: relation_label(r, lang),
                                                                       return_dtype=pl.String))
    cols = [f"from_name_{lang}", "relation_shown", f"to_name_{lang}", "basis_shown", "basis_note", "quote"]
    heads = dict(zip(cols, (say(key, lang) for key in ("from", "link", "to", "basis", "links.basis_note", "quote"))))
    who = article_labels(t, lang)[articles[0]] if len(articles) == 1 else say("the_articles", lang)
    n_stated = int((df["basis"] == "stated").sum())
    title = title or say("links.title", lang, who=who, stated=n_stated, n=df.height)
    ident = articles[0] if len(articles) == 1 else "all"
    return show_table(df, cols, labels=heads, title=title, id=f"links-{ident}", source=say("links.source", lang))
