"""The stored term counts (``data/term_counts.csv``) against the curated terms and, when the
article texts are at hand, against a fresh recount."""
from __future__ import annotations

import polars as pl

from pingan.base._problems import Problem
from pingan.package._term_counts import REFRESH_HINT
from pingan.text._matching import find_term
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "check_term_counts"]


def check_term_counts(file: str, lines: list[int], counts: pl.DataFrame, terms: pl.DataFrame,
                      articles: pl.DataFrame, sources: SourceTexts | None) -> list[Problem]:
    """Problems with the stored counts: a missing article × term pair, an article whose
    rows disagree on its length, and (when ``sources`` are available) a count that a
    fresh recount does not give."""
    problems = []
    have = {(a, t): i for i, (a, t) in enumerate(counts.select("article_id", "term_zh").iter_rows())}
    term_list = terms["term_zh"].to_list()
    for aid in articles["article_id"].to_list():
        missing = [t for t in term_list if (aid, t) not in have]
        if missing:
            problems.append(Problem(file, 1, "term_zh", f"no counts for article {aid} and term"
                                    f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}: {REFRESH_HINT}"))
    first_length: dict[str, tuple[int, int]] = {}
    for i, (aid, n) in enumerate(counts.select("article_id", "characters").iter_rows()):
        if aid is None or n is None:
            continue
        if aid in first_length and first_length[aid][0] != n:
            problems.append(Problem(file, lines[i], "characters", f"{n} but line {first_length[aid][1]} gives "
                                    f"{first_length[aid][0]} for the same article {aid}"))
        first_length.setdefault(aid, (n, lines[i]))
    if sources is None or not sources.available:
        return problems
    for i, r in enumerate(counts.iter_rows(named=True)):
        text = sources.flat(r["article_id"]) if r["article_id"] else None
        if text is None or not r["term_zh"]:
            continue  # a missing article is reported by the sources check
        if r["characters"] is not None and r["characters"] != len(text):
            problems.append(Problem(file, lines[i], "characters", f"{r['characters']} but the article has "
                                    f"{len(text)} characters without whitespace: {REFRESH_HINT}"))
        n = len(find_term(text, r["term_zh"]))
        if r["occurrences"] is not None and r["occurrences"] != n:
            problems.append(Problem(file, lines[i], "occurrences", f"{r['occurrences']} but {r['term_zh']} occurs "
                                    f"{n} times in {r['article_id']}: {REFRESH_HINT}"))
    return problems


def _term_counts(tables, sources: SourceTexts | None = None) -> list[Problem]:
    """term-counts: the stored counts are complete, agree on each article's length and equal a recount."""
    if not all(n in tables for n in ("term_counts", "governance_terms", "articles")):
        return []
    counts = tables["term_counts"]
    return check_term_counts(counts.file, counts.lines, counts.frame, tables["governance_terms"].frame,
                             tables["articles"].frame, sources)


CHECKS = {"term-counts": _term_counts}
