"""Checks of the articles' sections (``article_sections.csv``) and of the section each
practice sits in (``practice_sections.csv``), beyond what the contract's keys check.

- each article's sections are numbered 1, 2, 3 … without gaps or repeats;
- a section id starts with its article's id;
- every practice of ``practices.csv`` has a section, and it is a section of the
  practice's own article;
- with the article texts at hand: the headings stand in the article in the order of
  their positions, and each practice's quote stands inside its section (after the
  section's heading, before the next one).

The same holds for the section printing each figure (``statistic_sections.csv``):
:func:`check_statistic_sections`.
"""
from __future__ import annotations

from .problems import Problem
from .sources import SourceTexts, squash_ws

__all__ = ["check_sections", "check_statistic_sections"]


def check_sections(sections, practice_sections, practices, sources: SourceTexts | None) -> list[Problem]:
    """Every problem with the sections; each argument is a validated table (``CheckedTable``)
    and ``sources`` the article texts (None or unavailable: the checks against the texts
    are skipped)."""
    problems: list[Problem] = []
    s = sections.frame
    line_of = dict(zip(s["section_id"].to_list(), sections.lines))
    article_of = dict(zip(s["section_id"].to_list(), s["article_id"].to_list()))
    by_article: dict[str, list[tuple[int, str, int]]] = {}
    for i, r in enumerate(s.select("article_id", "section_id", "position").iter_rows(named=True)):
        if None in r.values():
            continue
        if not r["section_id"].startswith(r["article_id"] + "-"):
            problems.append(Problem(sections.file, sections.lines[i], "section_id",
                                    f"{r['section_id']!r} does not start with its article id {r['article_id']!r}"))
        by_article.setdefault(r["article_id"], []).append((r["position"], r["section_id"], sections.lines[i]))
    for aid, rows in by_article.items():
        rows.sort()
        for want, (pos, sid, line) in enumerate(rows, start=1):
            if pos != want:
                problems.append(Problem(sections.file, line, "position",
                                        f"{pos} but the sections of {aid!r} must be numbered 1, 2, 3 … without gaps "
                                        f"or repeats: expected {want} here"))
                break

    section_of = dict(zip(practice_sections.frame["practice_id"].to_list(),
                          practice_sections.frame["section_id"].to_list()))
    practice_article = dict(zip(practices.frame["practice_id"].to_list(), practices.frame["article_id"].to_list()))
    for i, (pid, sid) in enumerate(practice_sections.frame.select("practice_id", "section_id").iter_rows()):
        pa, sa = practice_article.get(pid), article_of.get(sid)
        if pa and sa and pa != sa:
            problems.append(Problem(practice_sections.file, practice_sections.lines[i], "section_id",
                                    f"{sid!r} is a section of {sa!r}, but practice {pid!r} belongs to {pa!r}"))
    for i, pid in enumerate(practices.frame["practice_id"].to_list()):
        if pid and pid not in section_of:
            problems.append(Problem(practices.file, practices.lines[i], "practice_id",
                                    f"{pid!r} has no section in {practice_sections.file}: every practice needs one"))

    if sources is None or not sources.available:
        return problems
    starts: dict[str, list[tuple[int, str]]] = {}  # article -> (offset of heading, section_id) in position order
    quote_of = dict(zip(s["section_id"].to_list(), s["quote"].to_list()))
    for aid, rows in by_article.items():
        text = sources.flat(aid)
        if text is None:
            continue
        previous = None
        for pos, sid, line in sorted(rows):
            at = text.find(squash_ws(quote_of[sid] or ""))
            if at < 0:
                continue  # reported by the quote check
            if previous and at <= previous[0]:
                problems.append(Problem(sections.file, line, "position",
                                        f"{pos}, but its heading stands before that of {previous[1]!r} "
                                        f"(line {line_of[previous[1]]}) in the article: the sections are out of order"))
            previous = (at, sid)
            starts.setdefault(aid, []).append((at, sid))
    quotes = dict(zip(practices.frame["practice_id"].to_list(), practices.frame["quote"].to_list()))
    for i, (pid, sid) in enumerate(practice_sections.frame.select("practice_id", "section_id").iter_rows()):
        aid = practice_article.get(pid)
        if not aid or aid not in starts or article_of.get(sid) != aid:
            continue
        at = sources.flat(aid).find(squash_ws(quotes.get(pid) or ""))
        if at < 0:
            continue
        inside = [x for x in sorted(starts[aid]) if x[0] <= at]
        where = inside[-1][1] if inside else None
        if where != sid:
            problems.append(Problem(practice_sections.file, practice_sections.lines[i], "section_id",
                                    f"{sid!r}, but the practice's quote stands in "
                                    f"{repr(where) if where else 'the text before the first heading'}"))
    return problems


def _heading_starts(sections, sources: SourceTexts) -> dict[str, list[tuple[int, str]]]:
    """Article -> [(offset of the section's heading in the flat text, section_id)], sorted."""
    starts: dict[str, list[tuple[int, str]]] = {}
    for aid, sid, quote in sections.frame.select("article_id", "section_id", "quote").iter_rows():
        text = sources.flat(aid) if aid else None
        at = text.find(squash_ws(quote or "")) if text else -1
        if at >= 0:
            starts.setdefault(aid, []).append((at, sid))
    return {a: sorted(v) for a, v in starts.items()}


def check_statistic_sections(sections, statistic_sections, statistics, sources: SourceTexts | None) -> list[Problem]:
    """Every problem with the section printing each figure: each statistic has one, in its own
    article, and (with the texts at hand) the statistic's quote stands inside it."""
    problems: list[Problem] = []
    ss = statistic_sections
    article_of = dict(zip(sections.frame["section_id"].to_list(), sections.frame["article_id"].to_list()))
    stat_article = dict(zip(statistics.frame["stat_id"].to_list(), statistics.frame["article_id"].to_list()))
    placed = set(ss.frame["stat_id"].to_list())
    for i, (stat, sid) in enumerate(ss.frame.select("stat_id", "section_id").iter_rows()):
        sa, fa = article_of.get(sid), stat_article.get(stat)
        if sa and fa and sa != fa:
            problems.append(Problem(ss.file, ss.lines[i], "section_id",
                                    f"{sid!r} is a section of {sa!r}, but statistic {stat!r} belongs to {fa!r}"))
    for i, stat in enumerate(statistics.frame["stat_id"].to_list()):
        if stat and stat not in placed:
            problems.append(Problem(statistics.file, statistics.lines[i], "stat_id",
                                    f"{stat!r} has no section in {ss.file}: every statistic needs one"))
    if sources is None or not sources.available:
        return problems
    starts = _heading_starts(sections, sources)
    quotes = dict(zip(statistics.frame["stat_id"].to_list(), statistics.frame["quote"].to_list()))
    for i, (stat, sid) in enumerate(ss.frame.select("stat_id", "section_id").iter_rows()):
        aid = stat_article.get(stat)
        if not aid or aid not in starts or article_of.get(sid) != aid:
            continue
        at = sources.flat(aid).find(squash_ws(quotes.get(stat) or ""))
        if at < 0:
            continue  # reported by the quote check
        inside = [x for x in starts[aid] if x[0] <= at]
        where = inside[-1][1] if inside else None
        if where != sid:
            problems.append(Problem(ss.file, ss.lines[i], "section_id",
                                    f"{sid!r}, but the statistic's quote stands in "
                                    f"{repr(where) if where else 'the text before the first heading'}"))
    return problems
