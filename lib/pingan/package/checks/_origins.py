"""Checks on origins (practices.origin, origin_place, origin_basis) and diffusion events.

- ``origin_basis`` is one of three things: ``ref:<reference_id>`` (the id must be in
  references.csv), ``unknown: <what is missing>`` (only for origin ``unknown``, and origin
  ``unknown`` must say what is missing this way), or the article's own words, which must
  stand in the article (spaces and line breaks ignored), like every quote.
- One practice named in several articles (the same ``name_zh``, quotation marks aside) has
  one ``origin_place``: its origin may differ by article, where it was first devised may not.
- A diffusion event belongs to a practice of its own article.

Each function takes the file name, the CSV line of each row and the table, so it can be
tested on a tiny in-memory table; each problem names file, line and column.
"""
from __future__ import annotations

import re
from typing import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.text._matching import squash_ws

__all__ = ["check_origin_basis", "check_one_origin_place", "check_event_practices", "practice_name_key"]

REF_PREFIX = "ref:"
UNKNOWN_PREFIX = "unknown:"
_QUOTE_MARKS = re.compile(r"[“”\"'‘’「」『』]")


def practice_name_key(name_zh: str) -> str:
    """The name that identifies one practice across articles: 三治融合 and “三治融合” are one."""
    return _QUOTE_MARKS.sub("", squash_ws(name_zh))


def check_origin_basis(file: str, lines: list[int], practices: pl.DataFrame, reference_ids: set[str],
                       article_text: Callable[[str], str | None] | None) -> list[Problem]:
    """Each origin_basis is a known reference, a stated gap (for unknown) or words of the article.
    ``article_text(article_id)`` gives the article without whitespace, or None when the
    articles are not at hand (then quotes are not checked)."""
    problems = []
    rows = practices.select("article_id", "origin", "origin_basis").iter_rows()
    for i, (aid, origin, basis) in enumerate(rows):
        where = lambda msg, i=i: problems.append(Problem(file, lines[i], "origin_basis", msg))
        origin = None if origin is None else str(origin)
        if not basis:
            continue  # a required cell: reported by the contract check
        if basis.startswith(REF_PREFIX):
            ref = basis[len(REF_PREFIX):].strip()
            if ref not in reference_ids:
                where(f"{ref!r} is not a reference_id in references.csv")
        elif basis.startswith(UNKNOWN_PREFIX):
            if origin != "unknown":
                where(f"'unknown:' but origin is {origin!r}; give the article's words or a 'ref:' id")
            elif not basis[len(UNKNOWN_PREFIX):].strip():
                where("'unknown:' must say what is missing")
        elif origin == "unknown":
            where("origin is 'unknown': the basis starts 'unknown:' and says what is missing")
        elif article_text is not None and aid:
            text = article_text(aid)
            if text is not None and squash_ws(basis) not in text:
                where(f"not found in the article {aid} (spaces and line breaks ignored), and not "
                      f"'ref:' or 'unknown:': {basis[:40]!r}")
    return problems


def check_one_origin_place(file: str, lines: list[int], practices: pl.DataFrame) -> list[Problem]:
    """The same practice (same name_zh) has the same origin_place in every article."""
    problems = []
    first: dict[str, tuple[str | None, int, str]] = {}
    for i, (pid, name, place) in enumerate(practices.select("practice_id", "name_zh", "origin_place").iter_rows()):
        if not name:
            continue
        key = practice_name_key(name)
        if key in first:
            place0, line0, pid0 = first[key]
            if (place or None) != (place0 or None):
                problems.append(Problem(file, lines[i], "origin_place",
                                        f"{place or 'empty'} but {pid0} (line {line0}), the same practice {name}, "
                                        f"has {place0 or 'empty'}: one practice has one origin_place"))
        else:
            first[key] = (place, lines[i], pid)
    return problems


def check_event_practices(file: str, lines: list[int], events: pl.DataFrame, practices: pl.DataFrame) -> list[Problem]:
    """An event's practice is described in the event's own article."""
    article_of = dict(practices.select("practice_id", "article_id").iter_rows())
    problems = []
    for i, (aid, pid) in enumerate(events.select("article_id", "practice_id").iter_rows()):
        if pid in article_of and aid and article_of[pid] != aid:
            problems.append(Problem(file, lines[i], "practice_id",
                                    f"{pid!r} is a practice of {article_of[pid]}, not of {aid}"))
    return problems
