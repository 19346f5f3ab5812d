"""The derived table ``data/term_counts.csv``: how often each curated governance term occurs in each article.

The article texts are not in the repository, so what the term comparison needs from them
is stored: for every article and every term of ``data/governance_terms.csv``, the
number of occurrences and the article's length in characters, both counted on the
text with whitespace removed (the rules are in ``pingan.kwic``'s notes). ``pingan terms
--refresh`` recounts it from the sources; ``pingan validate`` checks that every
article × term pair is present and, when the sources are at hand, that every count
equals a fresh recount.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pingan.text._matching import count_terms

__all__ = ["recount_term_counts", "REFRESH_HINT"]

REFRESH_HINT = "run `python3 run.py pingan terms --refresh` to recount it from the sources"


def recount_term_counts(tables: dict[str, pl.DataFrame], sources_dir: str | Path | None = None) -> pl.DataFrame:
    """The table ``data/term_counts.csv`` should hold, counted afresh from the article texts
    (``SourcesNotFoundError`` when they are absent)."""
    from pingan.text._sources import article_texts
    arts = tables["articles"]
    texts = article_texts(arts["article_id"].to_list(), arts, sources_dir)
    return count_terms(texts, tables["governance_terms"]["term_zh"].to_list())
