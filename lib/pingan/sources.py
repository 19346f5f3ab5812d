"""The source articles' texts, looked up by article id."""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl

__all__ = ["SourceTexts", "squash_ws"]

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
