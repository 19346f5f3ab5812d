"""Checks on origins (practices.origin, origin_place, origin_basis) and diffusion events.

- ``origin_basis`` is one of three things: ``ref:<reference_id>`` (the id must be in
  references.csv), ``unknown: <what is missing>`` (only for origin ``unknown``, and origin
  ``unknown`` must say what is missing this way), or the article's own words, which must
  stand in the article (spaces and line breaks ignored), like every quote.
- One practice named in several articles (the same ``name_zh``, quotation marks aside) has
  one ``origin_place``: its origin may differ by article, where it was first devised may not.
- A diffusion event belongs to a practice of its own article.
- The double coding (double_coding.csv) agrees with the data: each settled value of origin,
  origin_place (practices) and basis (practice_links, item ``from->to``) is the value in the
  data, for a row that exists (coding-settled); ``settled_at`` is agreement exactly when both coders
  gave the settled value, and otherwise a reason says why (coding-stage); and every practice and link is double-coded
  (double-coded, a gap in the curation: see ``GAPS``).

The first three functions take the file name, the CSV line of each row and the table; the
double-coding checks take the tables (``CheckedTable``) like every entry of ``CHECKS``. Each
can be tested on a tiny in-memory table; each problem names file, line and column.
"""
from __future__ import annotations

import re
from typing import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._matching import squash_ws
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "GAPS", "check_origin_basis", "check_one_origin_place", "check_event_practices",
           "practice_name_key", "coding_settled", "coding_stage", "double_coded", "link_item"]

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


def link_item(from_practice: str, to_practice: str) -> str:
    """A link's item_id in double_coding.csv."""
    return f"{from_practice}->{to_practice}"


def _coded_values(tables) -> dict[str, dict[str, list[tuple[int, str | None]]]]:
    """field -> item -> [(line, value in the data)] for the fields the double coding covers."""
    out: dict[str, dict[str, list[tuple[int, str | None]]]] = {"origin": {}, "origin_place": {}, "basis": {}}
    pr, links = tables.get("practices"), tables.get("practice_links")
    if pr is not None:
        for i, (pid, origin, place) in enumerate(pr.frame.select("practice_id", "origin", "origin_place").iter_rows()):
            out["origin"].setdefault(pid, []).append((pr.lines[i], None if origin is None else str(origin)))
            out["origin_place"].setdefault(pid, []).append((pr.lines[i], place))
    if links is not None:
        for i, (a, b, basis) in enumerate(links.frame.select("from_practice", "to_practice", "basis").iter_rows()):
            out["basis"].setdefault(link_item(a, b), []).append((links.lines[i], None if basis is None else str(basis)))
    return out


def coding_settled(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """coding-settled: a settled value of the double coding is the value in the data, for an item that exists."""
    t = tables.get("double_coding")
    if t is None or "practices" not in tables or "practice_links" not in tables:
        return []
    data = _coded_values(tables)
    where = {"origin": "practices", "origin_place": "practices", "basis": "practice_links"}
    out = []
    for i, (field, item, settled) in enumerate(t.frame.select("field", "item_id", "settled").iter_rows()):
        if field not in data or not item:
            continue
        table = tables[where[field]]
        if item not in data[field]:
            out.append(Problem(t.file, t.lines[i], "item_id", f"{item!r} is no {'link' if field == 'basis' else 'practice'}"
                                                              f" in {table.file}: remove its double coding"))
            continue
        for line, value in data[field][item]:
            if (settled or None) != (value or None):
                out.append(Problem(t.file, t.lines[i], "settled", f"{settled or 'empty'} but {table.file} line {line} "
                                                                  f"gives {value or 'empty'} for {item}'s {field}: the "
                                                                  "settled value is the value in the data"))
    return out


def coding_stage(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """coding-stage: ``settled_at`` says how the settled value was reached, and a value not both
    coders gave says why: agreement exactly when both coders gave the settled value; adjudication
    or review with a reason."""
    t = tables.get("double_coding")
    if t is None or "settled_at" not in t.frame.columns:
        return []
    out = []
    cols = ("coder_a", "coder_b", "settled", "settled_at", "reason")
    for i, (a, b, settled, stage, reason) in enumerate(t.frame.select(*cols).iter_rows()):
        if stage is None:
            continue  # the contract reports a missing value
        agreed, stage = (a or None) == (b or None) == (settled or None), str(stage)
        if stage == "agreement" and not agreed:
            out.append(Problem(t.file, t.lines[i], "settled_at", "agreement, but the coders gave "
                               f"{a or 'empty'} and {b or 'empty'} and the settled value is {settled or 'empty'}: "
                               "say adjudication or review, and why"))
        elif stage != "agreement" and agreed:
            out.append(Problem(t.file, t.lines[i], "settled_at", f"{stage}, but both coders gave the settled value "
                               f"{settled or 'empty'}: that is agreement"))
        elif stage != "agreement" and not (reason or "").strip():
            out.append(Problem(t.file, t.lines[i], "reason", f"settled at {stage} with no reason: say under which "
                               "rule of the codebook"))
    return out


def double_coded(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """double-coded: every practice's origin and origin_place, and every link's basis, are double-coded."""
    t = tables.get("double_coding")
    if t is None or "practices" not in tables or "practice_links" not in tables:
        return []
    have = set(t.frame.select("field", "item_id").iter_rows())
    where = {"origin": "practices", "origin_place": "practices", "basis": "practice_links"}
    missing: dict[tuple[str, int], list[str]] = {}
    for field, items in _coded_values(tables).items():
        for item, rows in items.items():
            if item and (field, item) not in have:
                missing.setdefault((where[field], rows[0][0]), []).append(field)
    return [Problem(tables[name].file, line, "origin" if name == "practices" else "basis",
                    f"{' and '.join(fields)} not double-coded in {t.file} (two coders, the settled value, the reason)")
            for (name, line), fields in missing.items()]


def _origin_basis(tables, sources=None) -> list[Problem]:
    """origin-basis: each origin_basis is a known reference, a stated gap or words of the article."""
    pr = tables.get("practices")
    if pr is None or "origin_basis" not in pr.frame.columns:
        return []
    refs = tables.get("references")
    ref_ids = set(refs.frame["reference_id"].to_list()) if refs is not None else set()
    text = sources.flat if sources is not None and sources.available else None
    return check_origin_basis(pr.file, pr.lines, pr.frame, ref_ids, text)


def _one_origin_place(tables, sources=None) -> list[Problem]:
    """origin-place: one practice (one name_zh) has one origin_place in every article."""
    pr = tables.get("practices")
    return [] if pr is None else check_one_origin_place(pr.file, pr.lines, pr.frame)


def _event_practices(tables, sources=None) -> list[Problem]:
    """event-article: a diffusion event's practice is described in the event's own article."""
    ev, pr = tables.get("diffusion_events"), tables.get("practices")
    return [] if ev is None or pr is None else check_event_practices(ev.file, ev.lines, ev.frame, pr.frame)


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "origin-basis": _origin_basis,
    "origin-place": _one_origin_place,
    "event-article": _event_practices,
    "coding-settled": coding_settled,
    "coding-stage": coding_stage,
    "double-coded": double_coded,
}
GAPS = frozenset({"double-coded"})
