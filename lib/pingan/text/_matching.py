"""Text matching as the whole workbook does it: whitespace removed (newspaper columns break lines
mid-word), exact, non-overlapping; and the source articles' texts looked up by article id."""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl

__all__ = ["SourceTexts", "squash_ws", "find_term", "count_terms", "TERM_COUNTS_SCHEMA"]

_WS = re.compile(r"\s+")


def squash_ws(s: str) -> str:
    """``s`` with every space and line break removed (newspaper columns break lines mid-sentence)."""
    return _WS.sub("", s)


class SourceTexts:
    """Texts of the articles listed in ``articles``, read from ``sources_dir`` on demand."""

    def __init__(self, articles: pl.DataFrame, sources_dir: Path | None):
        self.dir = Path(sources_dir) if sources_dir else None
        self._files = dict(articles.select("article_id", "source_file").iter_rows())
        self._flat: dict[str, str | None] = {}
        self._raw: dict[str, str | None] = {}

    @property
    def available(self) -> bool:
        return self.dir is not None and self.dir.is_dir()

    def file_of(self, article_id: str) -> str | None:
        return self._files.get(article_id)

    def raw(self, article_id: str) -> str | None:
        if article_id not in self._raw:
            f = self._files.get(article_id)
            p = self.dir / f if (self.dir and f) else None
            self._raw[article_id] = p.read_text(encoding="utf-8") if p and p.is_file() else None
        return self._raw[article_id]

    def flat(self, article_id: str) -> str | None:
        if article_id not in self._flat:
            raw = self.raw(article_id)
            self._flat[article_id] = squash_ws(raw) if raw is not None else None
        return self._flat[article_id]


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
