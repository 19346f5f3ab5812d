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
from pingan.text._matching import SourceTexts

__all__ = ["SourcesNotFoundError", "article_texts"]


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
