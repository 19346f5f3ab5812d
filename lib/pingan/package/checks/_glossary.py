"""One rendering per Chinese term (the glossary is the source), pinyin a reader can say, and the
governance terms counted.

- pinyin-tone: every pinyin cell (glossary, places, practices, families, governance terms,
  sections) carries tone marks.
- practice-english: a practice whose Chinese name is exactly a glossary term carries that term's
  English (``term_en``) as its ``name_en``, or its plural where the article names several
  (sentence case and a trailing parenthetical qualifier set aside).
- term-pinyin: a governance term that is also a glossary term has the glossary's pinyin.
- term-used: every governance term occurs in at least one article (by the stored counts, once
  they are complete: a term just added has no counts yet, and that is term_counts' problem).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "tone_marks", "practice_english", "term_pinyin", "term_used", "plural", "as_compared"]


TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
PINYIN_COLUMNS = {"glossary": "pinyin", "places": "pinyin", "practices": "pinyin", "families": "pinyin",
                  "governance_terms": "pinyin", "article_sections": "pinyin"}


def tone_marks(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """pinyin-tone: every pinyin cell carries tone marks (plain 'pingan' is not pinyin a reader can say)."""
    out = []
    for name, col in PINYIN_COLUMNS.items():
        t = tables.get(name)
        if t is None or col not in t.frame.columns:
            continue
        for i, v in enumerate(t.frame[col].to_list()):
            if v and re.search(r"[a-z]", v) and not TONE.search(v):
                out.append(Problem(t.file, t.lines[i], col, f"{v!r} has no tone marks (write Hanyu pinyin with "
                                                            "tone marks, e.g. píng'ān)"))
    return out


def plural(term: str) -> str:
    """The English plural of ``term``'s last word (grid -> grids, box -> boxes, body -> bodies;
    a closing quotation mark stays last)."""
    if term.endswith("'"):
        return plural(term[:-1]) + "'"
    if term.endswith(("x", "s", "ch", "sh")):
        return term + "es"
    if len(term) > 1 and term.endswith("y") and term[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def as_compared(text: str) -> str:
    """Sentence case set aside (a practice name starts with a capital, a glossary term need not),
    and a trailing parenthetical qualifier that tells two rows apart ("Red grid (grid + party branch)")."""
    text = re.sub(r"\s*\([^()]*\)$", "", text.strip())
    return text[:1].lower() + text[1:]


def practice_english(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """practice-english: a practice named by a glossary term uses the glossary's English (or its plural)."""
    g, t = tables.get("glossary"), tables.get("practices")
    if g is None or t is None:
        return []
    term_en = dict(g.frame.select("term_zh", "term_en").iter_rows())
    out = []
    for i, (name, name_en) in enumerate(t.frame.select("name_zh", "name_en").iter_rows()):
        if name not in term_en or not term_en[name] or not name_en:
            continue
        want = as_compared(term_en[name])
        if as_compared(name_en) not in (want, plural(want)):
            out.append(Problem(t.file, t.lines[i], "name_en", f"{name_en!r} but the glossary renders {name} as "
                                                              f"{term_en[name]!r}: one English rendering per Chinese "
                                                              "term (its plural where the article names several)"))
    return out


def term_pinyin(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """term-pinyin: a governance term in the glossary has the glossary's pinyin (’ and ' alike)."""
    g, t = tables.get("glossary"), tables.get("governance_terms")
    if g is None or t is None:
        return []
    pinyin = {term: (p or "").replace("’", "'") for term, p in g.frame.select("term_zh", "pinyin").iter_rows()}
    out = []
    for i, (term, p) in enumerate(t.frame.select("term_zh", "pinyin").iter_rows()):
        if term in pinyin and p and p.replace("’", "'") != pinyin[term]:
            out.append(Problem(t.file, t.lines[i], "pinyin", f"{p!r} but the glossary gives {pinyin[term]!r} for {term}"))
    return out


def term_used(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """term-used: every governance term occurs in some article (term_counts.csv, once complete)."""
    t, counts, arts = tables.get("governance_terms"), tables.get("term_counts"), tables.get("articles")
    if t is None or counts is None or arts is None:
        return []
    articles = set(arts.frame["article_id"].to_list())
    seen: dict[str, set[str]] = {}
    total: dict[str, int] = {}
    for aid, term, n in counts.frame.select("article_id", "term_zh", "occurrences").iter_rows():
        seen.setdefault(term, set()).add(aid)
        total[term] = total.get(term, 0) + (n or 0)
    out = []
    for i, term in enumerate(t.frame["term_zh"].to_list()):
        if term and articles and articles <= seen.get(term, set()) and total[term] == 0:
            out.append(Problem(t.file, t.lines[i], "term_zh", f"{term} occurs in no article (term_counts.csv): "
                                                              "a governance term is one the articles use"))
    return out


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "pinyin-tone": tone_marks,
    "practice-english": practice_english,
    "term-pinyin": term_pinyin,
    "term-used": term_used,
}
