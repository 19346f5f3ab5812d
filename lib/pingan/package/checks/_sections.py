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

from pingan.base._problems import Problem
from pingan.text._matching import squash_ws
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "check_sections", "check_statistic_sections"]


def check_sections(sections, practice_sections, practices, sources: SourceTexts | None) -> list[Problem]:
    """Every problem with the sections; each argument is a validated table (``CheckedTable``)
    and ``sources`` the article texts (None or unavailable: the checks against the texts
    are skipped)."""
    problems: list[Problem] = []
    s = sections.frame
    line_of = dict(zip(s["section_id"].to_list(), sections.lines))
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

    if sources is None or not sources.available:
        return problems + _check_placements("practice", practices, "practice_id", practice_sections, sections, sources)
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
    return problems + _check_placements("practice", practices, "practice_id", practice_sections, sections, sources)


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
    return _check_placements("statistic", statistics, "stat_id", statistic_sections, sections, sources)


def _check_placements(kind: str, items, id_col: str, placements, sections, sources: SourceTexts | None
                      ) -> list[Problem]:
    """Every problem with the section each item (a practice or a statistic) is placed in:
    each item of ``items`` has a row in ``placements``, its section belongs to the item's own
    article, and (with the texts at hand) the item's quote stands inside that section."""
    problems: list[Problem] = []
    article_of = dict(zip(sections.frame["section_id"].to_list(), sections.frame["article_id"].to_list()))
    item_article = dict(zip(items.frame[id_col].to_list(), items.frame["article_id"].to_list()))
    pairs = list(placements.frame.select(id_col, "section_id").iter_rows())
    placed = {item for item, _ in pairs}
    for i, (item, sid) in enumerate(pairs):
        sa, ia = article_of.get(sid), item_article.get(item)
        if sa and ia and sa != ia:
            problems.append(Problem(placements.file, placements.lines[i], "section_id",
                                    f"{sid!r} is a section of {sa!r}, but {kind} {item!r} belongs to {ia!r}"))
    for i, item in enumerate(items.frame[id_col].to_list()):
        if item and item not in placed:
            problems.append(Problem(items.file, items.lines[i], id_col,
                                    f"{item!r} has no section in {placements.file}: every {kind} needs one"))
    if sources is None or not sources.available:
        return problems
    starts = _heading_starts(sections, sources)
    quotes = dict(zip(items.frame[id_col].to_list(), items.frame["quote"].to_list()))
    for i, (item, sid) in enumerate(pairs):
        aid = item_article.get(item)
        if not aid or aid not in starts or article_of.get(sid) != aid:
            continue
        at = sources.flat(aid).find(squash_ws(quotes.get(item) or ""))
        if at < 0:
            continue  # reported by the quote check
        inside = [x for x in starts[aid] if x[0] <= at]
        where = inside[-1][1] if inside else None
        if where != sid:
            problems.append(Problem(placements.file, placements.lines[i], "section_id",
                                    f"{sid!r}, but the {kind}'s quote stands in "
                                    f"{repr(where) if where else 'the text before the first heading'}"))
    return problems


def _practice_sections(tables, sources: SourceTexts | None = None) -> list[Problem]:
    """sections: each article's sections are numbered and ordered, and each practice sits in one of its own."""
    names = ("article_sections", "practice_sections", "practices", "articles")
    if not all(n in tables for n in names):
        return []
    return check_sections(tables["article_sections"], tables["practice_sections"], tables["practices"], sources)


def _statistic_sections(tables, sources: SourceTexts | None = None) -> list[Problem]:
    """statistic-sections: each statistic sits in one section of its own article, the one its quote stands in."""
    names = ("article_sections", "statistic_sections", "statistics", "articles")
    if not all(n in tables for n in names):
        return []
    return check_statistic_sections(tables["article_sections"], tables["statistic_sections"], tables["statistics"],
                                    sources)


CHECKS = {"sections": _practice_sections, "statistic-sections": _statistic_sections}
