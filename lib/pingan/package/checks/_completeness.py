"""Gaps in the curation of an article: what every article needs before it is curated, as the
reference's "Adding an article" lists it. These are not wrong rows: `pingan validate` reports
them (so `ok` means the curation is complete), but the tables still load, so that a newly
added article's starter notebook runs before anything is curated.

- article-curated: every article has at least one statistic and at least one practice;
- article-links: every article has at least ``MIN_LINKS`` links between its practices.

(The double coding of each practice and link is checked in ``_origins``, the templates an
article names in ``_families``.)
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "GAPS", "MIN_LINKS", "article_curated", "article_links"]

MIN_LINKS = 3


def _per_article(tables, name: str) -> Counter | None:
    t = tables.get(name)
    return None if t is None else Counter(t.frame["article_id"].to_list())


def article_curated(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """article-curated: every article has a statistic and a practice."""
    arts = tables.get("articles")
    if arts is None:
        return []
    out = []
    for name, what in (("statistics", "statistic"), ("practices", "practice")):
        n = _per_article(tables, name)
        if n is None:
            continue
        for i, aid in enumerate(arts.frame["article_id"].to_list()):
            if aid and n[aid] == 0:
                out.append(Problem(arts.file, arts.lines[i], "article_id",
                                   f"{aid} has no {what} in {tables[name].file} yet: every article has at least one"))
    return out


def article_links(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """article-links: every article has at least MIN_LINKS links between its practices."""
    arts, n = tables.get("articles"), _per_article(tables, "practice_links")
    if arts is None or n is None:
        return []
    return [Problem(arts.file, arts.lines[i], "article_id",
                    f"{aid} has {n[aid]} link{'s' if n[aid] != 1 else ''} between its practices in "
                    f"{tables['practice_links'].file}; every article has at least {MIN_LINKS}")
            for i, aid in enumerate(arts.frame["article_id"].to_list()) if aid and n[aid] < MIN_LINKS]


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "article-curated": article_curated,
    "article-links": article_links,
}
GAPS = frozenset(CHECKS)
