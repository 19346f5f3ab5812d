"""Checks on the links between practices (practice_links.csv)."""
from __future__ import annotations

from collections.abc import Callable

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "link_within_article"]


def link_within_article(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """link-within-article: a link joins two different practices of the link's own article."""
    t, practices = tables.get("practice_links"), tables.get("practices")
    if t is None or practices is None:
        return []
    article_of = dict(practices.frame.select("practice_id", "article_id").iter_rows())
    out = []
    for i, r in enumerate(t.frame.select("article_id", "from_practice", "to_practice").iter_rows(named=True)):
        aid = r["article_id"]
        for col in ("from_practice", "to_practice"):
            pid = r[col]
            other = article_of.get(pid)
            if aid and other and other != aid:
                out.append(Problem(t.file, t.lines[i], col, f"{pid!r} belongs to article {other!r} in "
                                   f"{practices.file}, not to {aid!r}: a link joins practices of one article"))
        if r["from_practice"] and r["from_practice"] == r["to_practice"]:
            out.append(Problem(t.file, t.lines[i], "to_practice", f"{r['to_practice']!r} links to itself"))
    return out


CHECKS: dict[str, Callable[..., list[Problem]]] = {"link-within-article": link_within_article}
