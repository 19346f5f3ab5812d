"""Checks on meaning: rows that are well formed but cannot be right.

- A statistic's period must not end after its article was published, unless the row is a
  target (``period_basis`` = ``target``: 到2025年 …); an article's ``period_covered`` must
  not end after publication either, and must run forwards.
- A statistic's place must be its article's place, a place inside it (through
  places.parent_code), or a place its quote names (cross-border partners: 黄山, 南平 …),
  by its full name or its name without the administrative suffix.
- A number's ``as_written`` must stand in its quote, and as a number of its own: 12 in
  2012 or 二 in 二十 does not count.

Each problem names file, line and column, like every other check.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pingan.base._problems import Problem
from pingan.text._matching import squash_ws

if TYPE_CHECKING:  # pragma: no cover
    from pingan.package._reading import CheckedTable

__all__ = ["CHECKS", "as_written_in_quote", "periods_before_publication", "statistic_places", "name_stem"]

# Administrative suffixes, longest first: 金华市 is also 金华, 新狮街道 also 新狮.
SUFFIXES = ("特别行政区", "自治区", "开发区", "街道", "社区", "商圈", "省", "市", "区", "县", "镇", "乡", "村")
_ARABIC = "0123456789"
_ZH_NUMERAL = set("零〇一二两三四五六七八九十百千万亿")


def name_stem(name_zh: str) -> str:
    """The stem a quote may name a place by: the name without its administrative suffix
    (金华市 -> 金华, 新狮街道 -> 新狮), kept whole when what would remain is a single character
    (县 alone stays). For matching only: readers see ``short_place_name``, which drops only the
    words for a province, city, district or county."""
    for suffix in SUFFIXES:
        if name_zh.endswith(suffix) and len(name_zh) - len(suffix) >= 2:
            return name_zh[: -len(suffix)]
    return name_zh


def _year_end(period: str | None) -> int | None:
    if not period or not re.fullmatch(r"\d{4}(-\d{4})?", period):
        return None
    return int(period[-4:])


def _stands_alone(text: str, part: str) -> bool:
    """``part`` occurs in ``text`` at least once not inside a longer number."""
    i = text.find(part)
    while i >= 0:
        before, after = text[i - 1:i] if i else "", text[i + len(part): i + len(part) + 2]
        ok = True
        if part[0] in _ARABIC and before and (before in _ARABIC or
                                              (before in ".," and text[i - 2:i - 1].isdigit())):
            ok = False
        if part[-1] in _ARABIC and after and (after[0] in _ARABIC or (after[0] in ".," and after[1:2].isdigit())):
            ok = False
        if part[0] in _ZH_NUMERAL and before in _ZH_NUMERAL:
            ok = False
        if part[-1] in _ZH_NUMERAL and after[:1] in _ZH_NUMERAL:
            ok = False
        if ok:
            return True
        i = text.find(part, i + 1)
    return False


def _check_as_written(t: CheckedTable, problems: list[Problem]) -> None:
    if t.frame is None or not {"as_written", "quote"} <= set(t.frame.columns):
        return
    for i, (written, quote) in enumerate(t.frame.select("as_written", "quote").iter_rows()):
        if not written or not quote:
            continue
        w, q = squash_ws(written), squash_ws(quote)
        if w not in q:
            problems.append(Problem(t.file, t.lines[i], "as_written", f"{written!r} is not in the quote"))
        elif not (_stands_alone(quote, w) or _stands_alone(q, w)):  # a space may part two numbers
            problems.append(Problem(t.file, t.lines[i], "as_written",
                                    f"{written!r} stands in the quote only inside a longer number"))


def _check_periods(stats: CheckedTable, articles: CheckedTable, problems: list[Problem]) -> None:
    published = dict(articles.frame.select("article_id", "published").iter_rows())
    for i, (aid, period, basis) in enumerate(articles.frame.select("article_id", "period_covered",
                                                                   "published").iter_rows()):
        end = _year_end(period)
        if period and "-" in period and period[:4] > period[5:]:
            problems.append(Problem(articles.file, articles.lines[i], "period_covered",
                                    f"{period!r} starts after it ends"))
        if end is not None and basis and end > int(basis[:4]):
            problems.append(Problem(articles.file, articles.lines[i], "period_covered",
                                    f"{period!r} ends after the article was published ({basis})"))
    df = stats.frame
    for i, (sid, aid, period, basis) in enumerate(df.select("stat_id", "article_id", "period",
                                                            "period_basis").iter_rows()):
        end, pub = _year_end(period), published.get(aid)
        if end is None or not pub:
            continue
        if basis == "target":
            if end < int(pub[:4]):
                problems.append(Problem(stats.file, stats.lines[i], "period_basis",
                                        f"'target' but {period!r} ends before the article was published ({pub})"))
        elif end > int(pub[:4]):
            problems.append(Problem(stats.file, stats.lines[i], "period",
                                    f"{period!r} ends after {aid} was published ({pub}); "
                                    "a goal for a later year is period_basis 'target'"))


def _check_statistic_places(stats: CheckedTable, articles: CheckedTable, places: CheckedTable,
                            problems: list[Problem]) -> None:
    parent = dict(places.frame.select("place_code", "parent_code").iter_rows())
    name = dict(places.frame.select("place_code", "name_zh").iter_rows())
    art_place = dict(articles.frame.select("article_id", "place_code").iter_rows())

    def inside(code: str, ancestor: str) -> bool:
        seen = set()
        while code and code not in seen:
            if code == ancestor:
                return True
            seen.add(code)
            code = parent.get(code)
        return False

    for i, (aid, code, quote) in enumerate(stats.frame.select("article_id", "place_code", "quote").iter_rows()):
        home = art_place.get(aid)
        if not code or not home or code not in name:
            continue  # unknown codes are reported by the foreign-key check
        if inside(code, home):
            continue
        q = squash_ws(quote or "")
        full = name[code] or ""
        if full and (full in q or name_stem(full) in q):
            continue
        problems.append(Problem(stats.file, stats.lines[i], "place_code",
                                f"{code!r} ({full}) is neither {aid}'s place {home!r} ({name.get(home)}), "
                                "a place inside it, nor a place its quote names"))


def as_written_in_quote(tables: dict[str, CheckedTable], sources=None) -> list[Problem]:
    """as-written: a number's as_written stands in its quote, as a number of its own."""
    problems: list[Problem] = []
    for name in ("statistics", "exclusions"):
        if name in tables:
            _check_as_written(tables[name], problems)
    return problems


def periods_before_publication(tables: dict[str, CheckedTable], sources=None) -> list[Problem]:
    """period-published: a period ends by its article's publication (a target's by then or later)."""
    stats, articles = tables.get("statistics"), tables.get("articles")
    problems: list[Problem] = []
    if stats is not None and articles is not None:
        _check_periods(stats, articles, problems)
    return problems


def statistic_places(tables: dict[str, CheckedTable], sources=None) -> list[Problem]:
    """statistic-place: a statistic's place is its article's, inside it, or named by its quote."""
    stats, articles, places = (tables.get(n) for n in ("statistics", "articles", "places"))
    problems: list[Problem] = []
    if stats is not None and articles is not None and places is not None:
        _check_statistic_places(stats, articles, places, problems)
    return problems


CHECKS = {
    "as-written": as_written_in_quote,
    "period-published": periods_before_publication,
    "statistic-place": statistic_places,
}
