"""Text matching as the whole workbook does it: whitespace removed (newspaper columns break lines
mid-word), exact, non-overlapping."""
from __future__ import annotations

import re

import polars as pl

__all__ = ["squash_ws", "find_term", "count_terms", "TERM_COUNTS_SCHEMA"]

_WS = re.compile(r"\s+")


def squash_ws(s: str) -> str:
    """``s`` with every space and line break removed (newspaper columns break lines mid-sentence)."""
    return _WS.sub("", s)


TERM_COUNTS_SCHEMA = {"article_id": pl.String, "term_zh": pl.String, "occurrences": pl.Int64,
                      "characters": pl.Int64}


def find_term(text: str, term: str) -> list[int]:
    """Offsets of ``term`` in ``text``, non-overlapping, left to right (``len`` equals ``text.count(term)``)."""
    if not term:
        raise ValueError("the term is empty")
    return [m.start() for m in re.finditer(re.escape(term), text)]


def count_terms(texts: dict[str, str], terms: list[str]) -> pl.DataFrame:
    """article_id, term_zh, occurrences, characters for every article of ``texts``
    (whitespace-free, by id) and every term, in the order given."""
    rows = [(aid, t, len(find_term(text, t)), len(text)) for aid, text in texts.items() for t in terms]
    return pl.DataFrame(rows, schema=TERM_COUNTS_SCHEMA, orient="row")
