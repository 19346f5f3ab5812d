"""Keyword in context: every occurrence of a term in the articles, with the text either side.

How terms are matched (the same rules as ``term_frequencies`` and ``data/term_counts.csv``):

- on each article's text with **every space and line break removed** (the newspaper
  columns break lines mid-word, so 枫桥\\n经验 is one occurrence of 枫桥经验); the term
  is squashed the same way. ``offset`` is the position (in characters, from 0) of the
  occurrence in that squashed text — the text quotes are checked against — not in the
  raw file;
- exactly, character for character (no stemming, no word segmentation: 网格 also counts
  the 网格 inside 网格员, and 平安 the one inside 平安建设);
- **without overlaps**, left to right, as Python's ``str.count`` counts: in 平安平安平安
  the term 平安平安 occurs once (at 0), not twice.
"""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from pingan.package._selection import resolve_tables
from pingan.text._matching import find_term, squash_ws
from pingan.package._selection import check_article_ids
from pingan.text._sources import article_texts

__all__ = ["kwic"]

KWIC_SCHEMA = {"article_id": pl.String, "offset": pl.Int64, "left": pl.String, "term": pl.String,
               "right": pl.String}


def kwic(term: str, width: int = 30, *, articles: str | list[str] | None = None,
         sources_dir: str | Path | None = None,
         tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """Every occurrence of ``term`` in the articles (all, or the ids in ``articles``):
    article_id, offset, left, term, right — ``width`` characters of context either side,
    in the article's text with whitespace removed (see the module's notes), ordered by
    article date and offset.

    The article texts are not in the repository: they are read from ``sources_dir``, else
    ``$PINGAN_SOURCES``, else ``../shared/sources``; ``SourcesNotFoundError`` says where it
    looked when they are absent. An unknown article id raises ValueError naming the valid ones."""
    if not isinstance(width, int) or width < 0:
        raise ValueError(f"width must be a whole number of characters ≥ 0, not {width!r}")
    needle = squash_ws(term or "")
    if not needle:
        raise ValueError(f"the term {term!r} is empty once spaces and line breaks are removed")
    tables = resolve_tables(tables)
    arts = tables["articles"]
    ids = check_article_ids({"articles": arts}, articles)
    order = arts.sort("published", "article_id")["article_id"].to_list()
    ids = [a for a in order if a in ids]
    rows = []
    for aid, text in article_texts(ids, arts, sources_dir).items():
        for at in find_term(text, needle):
            end = at + len(needle)
            rows.append((aid, at, text[max(0, at - width):at], text[at:end], text[end:end + width]))
    return pl.DataFrame(rows, schema=KWIC_SCHEMA, orient="row")
