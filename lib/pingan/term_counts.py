"""The derived table ``data/term_counts.csv``: how often each curated governance term occurs in each article.

The article texts are not in the repository, so what the term comparison needs from them
is stored: for every article and every term of ``data/governance_terms.csv``, the
number of occurrences and the article's length in characters, both counted on the
text with whitespace removed (the rules are in ``pingan.kwic``'s notes). ``pingan terms
--refresh`` recounts it from the sources; ``pingan validate`` checks that every
article × term pair is present and, when the sources are at hand, that every count
equals a fresh recount.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from .kwic import find_term
from .problems import Problem
from .sources import SourceTexts

__all__ = ["count_terms", "recount_term_counts", "check_term_counts", "refresh_term_counts",
           "TERM_COUNTS_SCHEMA"]

TERM_COUNTS_SCHEMA = {"article_id": pl.String, "term_zh": pl.String, "occurrences": pl.Int64,
                      "characters": pl.Int64}
REFRESH_HINT = "run `python3 run.py pingan terms --refresh` to recount it from the sources"


def count_terms(texts: dict[str, str], terms: list[str]) -> pl.DataFrame:
    """article_id, term_zh, occurrences, characters for every article of ``texts``
    (whitespace-free, by id) and every term, in the order given."""
    rows = [(aid, t, len(find_term(text, t)), len(text)) for aid, text in texts.items() for t in terms]
    return pl.DataFrame(rows, schema=TERM_COUNTS_SCHEMA, orient="row")


def recount_term_counts(tables: dict[str, pl.DataFrame], sources_dir: str | Path | None = None) -> pl.DataFrame:
    """The table ``data/term_counts.csv`` should hold, counted afresh from the article texts
    (``SourcesNotFoundError`` when they are absent)."""
    from .texts import article_texts
    arts = tables["articles"]
    texts = article_texts(arts["article_id"].to_list(), arts, sources_dir)
    return count_terms(texts, tables["governance_terms"]["term_zh"].to_list())


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


def refresh_term_counts(data_dir: str | Path | None = None, sources_dir: str | Path | None = None) -> tuple[Path, int]:
    """Rewrite ``term_counts.csv`` from the sources (atomically); returns its path and row count.

    Works when the stored table is stale or missing (that is what it repairs); any problem
    in another table stops it, listed as ``DataValidationError``."""
    from .atomic import atomic_file
    from .contract import read_contract
    from .paths import default_data_dir, default_sources_dir
    from .problems import DataValidationError
    from .validation import check_package
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    checked, problems = check_package(data_dir, Path(sources_dir) if sources_dir else default_sources_dir())
    res = read_contract(data_dir)["term_counts"]
    target = data_dir / res.path
    elsewhere = [p for p in problems if Path(p.file).name != target.name]
    if elsewhere:
        raise DataValidationError(elsewhere)
    tables = {n: checked[n].frame for n in ("articles", "governance_terms")}
    fresh = recount_term_counts(tables, sources_dir)
    with atomic_file(target) as tmp:
        fresh.select(res.field_names).write_csv(tmp)
    return target, fresh.height
