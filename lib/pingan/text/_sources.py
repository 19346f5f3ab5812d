"""The articles' texts for analysis, with whitespace removed, or a clear error saying where they were looked for.

The full texts are not in the repository (copyright): they live in ``$PINGAN_SOURCES``
or ``../shared/sources`` beside it. Everything that reads them goes through
``article_texts``, so every reader gets the same text (the one quotes are checked
against: spaces and line breaks removed, since newspaper columns break lines mid-word)
and the same error when it is missing.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pingan.base._settings import default_sources_dir, sources_dir_origin
from pingan.text._matching import squash_ws

__all__ = ["SourcesNotFoundError", "SourceTexts", "article_texts"]


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



class SourcesNotFoundError(FileNotFoundError):
    """The article texts (not in the repository) are not where pingan looked."""


def _where_looked(sources_dir: Path, given: bool) -> str:
    if given:
        return f"{sources_dir} (the sources_dir given)"
    return f"{sources_dir} ({sources_dir_origin()})"


def article_texts(article_ids: list[str], articles: pl.DataFrame,
                  sources_dir: str | Path | None = None) -> dict[str, str]:
    """Each article's text with all whitespace removed, by article id.

    Raises ``SourcesNotFoundError`` saying where it looked and how to point elsewhere
    when the folder or one of the files is missing."""
    given = sources_dir is not None
    folder = Path(sources_dir) if given else default_sources_dir()
    texts = SourceTexts(articles, folder)
    how = ("call pingan.configure(sources_dir=…) or set the environment variable PINGAN_SOURCES to the folder "
           "holding the article files, or pass sources_dir=")
    if not texts.available:
        raise SourcesNotFoundError(
            f"the article texts are not in the repository, and the folder looked in does not exist: "
            f"{_where_looked(folder, given)}. To read them, {how}. "
            "Without them, pingan.term_frequencies() still gives the curated terms from data/term_counts.csv.")
    out = {}
    for aid in article_ids:
        flat = texts.flat(aid)
        if flat is None:
            raise SourcesNotFoundError(
                f"{texts.file_of(aid)!r} (article {aid}) is not in {_where_looked(folder, given)}; {how}")
        out[aid] = flat
    return out
