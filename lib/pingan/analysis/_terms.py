"""How often key governance terms occur in each article, per 1,000 characters.

The curated terms (``data/governance_terms.csv``) are read from the stored counts
(``data/term_counts.csv``), so this works without the article texts; any other term is
counted in the texts (matched as ``pingan.kwic`` matches: whitespace removed, no overlaps).
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pingan.package._selection import resolve_tables
from pingan.text._matching import squash_ws
from pingan.text._matching import count_terms
from pingan.text._sources import SourcesNotFoundError, article_texts

__all__ = ["term_frequencies"]


def _term_list(terms) -> list[str]:
    items = [terms] if isinstance(terms, str) else list(terms)
    out = []
    for t in items:
        s = squash_ws(t) if isinstance(t, str) else ""
        if not s:
            raise ValueError(f"the term {t!r} is empty once spaces and line breaks are removed")
        if s not in out:
            out.append(s)
    return out


def term_frequencies(terms: str | list[str] | None = None, *, tables: dict[str, pl.DataFrame] | None = None,
                     sources_dir: str | Path | None = None) -> pl.DataFrame:
    """One row per article and term: article_id, published, term, pinyin, term_en, family,
    occurrences, characters, per_1000_chars — ordered by publication, then terms as asked.

    ``terms=None`` gives every curated term. A term not in ``data/term_counts.csv`` is
    counted in the article texts (``$PINGAN_SOURCES`` or ``../shared/sources``; pinyin,
    term_en and family are then empty); without the texts that raises
    ``SourcesNotFoundError`` naming the terms and where it looked. ``characters`` is the
    length of the article without whitespace, punctuation included."""
    tables = resolve_tables(tables)
    curated = tables["governance_terms"]
    wanted = curated["term_zh"].to_list() if terms is None else _term_list(terms)
    stored = tables["term_counts"].filter(pl.col("term_zh").is_in(wanted))
    missing = [t for t in wanted if t not in set(stored["term_zh"].to_list())]
    counts = stored.select("article_id", "term_zh", "occurrences", "characters")
    if missing:
        arts = tables["articles"]
        try:
            texts = article_texts(arts["article_id"].to_list(), arts, sources_dir)
        except SourcesNotFoundError as e:
            raise SourcesNotFoundError(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not among the stored counts of "
                f"data/term_counts.csv, so must be counted in the article texts — {e}") from None
        counts = pl.concat([counts, count_terms(texts, missing)])
    order = {t: i for i, t in enumerate(wanted)}
    return (counts
            .join(tables["articles"].select("article_id", "published"), on="article_id", how="left")
            .join(curated.select("term_zh", "pinyin", "term_en", "family").with_columns(pl.col("family").cast(pl.String)),
                  on="term_zh", how="left")
            .with_columns(per_1000_chars=pl.col("occurrences") / pl.col("characters") * 1000,
                          _order=pl.col("term_zh").replace_strict(order, return_dtype=pl.Int64))
            .sort("published", "article_id", "_order")
            .select("article_id", "published", pl.col("term_zh").alias("term"), "pinyin", "term_en", "family",
                    "occurrences", "characters", "per_1000_chars"))
