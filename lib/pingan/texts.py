"""The articles' texts for analysis, with whitespace removed, or a clear error saying where they were looked for.

The full texts are not in the repository (copyright): they live in ``$PINGAN_SOURCES``
or ``../shared/sources`` beside it. Everything that reads them goes through
``article_texts``, so every reader gets the same text (the one quotes are checked
against: spaces and line breaks removed, since newspaper columns break lines mid-word)
and the same error when it is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from .paths import default_sources_dir
from .sources import SourceTexts

__all__ = ["SourcesNotFoundError", "article_texts", "check_article_ids"]


class SourcesNotFoundError(FileNotFoundError):
    """The article texts (not in the repository) are not where pingan looked."""


def _where_looked(sources_dir: Path, given: bool) -> str:
    if given:
        return f"{sources_dir} (the sources_dir given)"
    env = os.environ.get("PINGAN_SOURCES")
    if env:
        return f"{sources_dir} (from $PINGAN_SOURCES)"
    return f"{sources_dir} (../shared/sources beside the repository; $PINGAN_SOURCES is not set)"


def check_article_ids(article_ids, articles: pl.DataFrame) -> list[str]:
    """``article_ids`` (one id, several, or None for all) as a list; ValueError naming the valid ids."""
    valid = articles["article_id"].to_list()
    if article_ids is None:
        return valid
    ids = [article_ids] if isinstance(article_ids, str) else list(article_ids)
    unknown = [a for a in ids if a not in valid]
    if unknown:
        raise ValueError(f"unknown article id{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                         f"the articles are: {', '.join(valid)}")
    return ids


def article_texts(article_ids: list[str], articles: pl.DataFrame,
                  sources_dir: str | Path | None = None) -> dict[str, str]:
    """Each article's text with all whitespace removed, by article id.

    Raises ``SourcesNotFoundError`` saying where it looked and how to point elsewhere
    when the folder or one of the files is missing."""
    given = sources_dir is not None
    folder = Path(sources_dir) if given else default_sources_dir()
    texts = SourceTexts(articles, folder)
    how = ("set the environment variable PINGAN_SOURCES to the folder holding the article files, "
           "or pass sources_dir=")
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
