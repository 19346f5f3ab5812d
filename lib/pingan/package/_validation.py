"""Check the data against the contract and against the source articles.

``check_package(data_dir)`` reads every table, checks everything the contract says
(columns, types, required cells, enums, patterns, uniqueness, primary and foreign
keys) and that each quote stands in its article and each article's text is there, runs
every other rule of the data — each a check with a code in ``pingan.package.checks`` —
and returns the typed tables with every problem found.
"""
from __future__ import annotations

from pathlib import Path


from pingan.package._contract import read_contract
from pingan.package._reading import CheckedTable, read_table
from pingan.package.checks import run_checks
from pingan.base._settings import display_path
from pingan.base._problems import Problem
from pingan.text._matching import squash_ws
from pingan.text._sources import SourceTexts

__all__ = ["check_package"]

def _check_keys(t: CheckedTable, tables: dict[str, CheckedTable], problems: list[Problem]):
    res, df = t.resource, t.frame
    for f in res.fields:
        if f.unique and not (len(res.primary_key) == 1 and res.primary_key[0] == f.name):
            _duplicates(t, (f.name,), "duplicate value", problems)
    if res.primary_key:
        _duplicates(t, res.primary_key, "duplicate primary key", problems)
    for fields, target, ref_fields in res.foreign_keys:
        other = tables.get(target)
        if other is None or other.frame is None:
            continue
        known = set(other.frame.select(ref_fields).iter_rows())
        for i, key in enumerate(df.select(fields).iter_rows()):
            if any(v is None for v in key):
                continue
            if key not in known:
                shown = key[0] if len(key) == 1 else key
                problems.append(Problem(t.file, t.lines[i], ",".join(fields),
                                        f"{shown!r} is not a {'/'.join(ref_fields)} in {other.file}"))


def _duplicates(t: CheckedTable, cols: tuple[str, ...], what: str, problems: list[Problem]):
    seen: dict[tuple, int] = {}
    for i, key in enumerate(t.frame.select(cols).iter_rows()):
        if any(v is None for v in key):
            continue
        if key in seen:
            shown = key[0] if len(key) == 1 else key
            problems.append(Problem(t.file, t.lines[i], ",".join(cols),
                                    f"{what} {shown!r} (first on line {seen[key]})"))
        else:
            seen[key] = t.lines[i]


def _check_quotes(t: CheckedTable, sources: SourceTexts, problems: list[Problem]):
    """Each quote stands in its article (as_written in its quote: meaning_checks)."""
    cols = t.frame.columns
    if "quote" not in cols or "article_id" not in cols:
        return
    for i, row in enumerate(t.frame.select("article_id", "quote").iter_rows()):
        article_id, quote = row[0], row[1]
        if article_id is None or quote is None:
            continue
        text = sources.flat(article_id)
        if text is None:
            continue  # a missing article is reported once by the sources check
        if squash_ws(quote) not in text:
            problems.append(Problem(t.file, t.lines[i], "quote",
                                    f"not found in {sources.file_of(article_id)} (spaces and line breaks ignored): {quote[:40]!r}"))


def check_package(data_dir: Path, sources_dir: Path | None, require_sources: bool = False
                  ) -> tuple[dict[str, CheckedTable], list[Problem]]:
    """Every table, typed, and every problem in the package. Quotes are checked
    against ``sources_dir`` when it exists; when it does not, that is a problem only
    if ``require_sources``."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    pkg = display_path(data_dir / "datapackage.json")
    try:
        contract = read_contract(data_dir)
    except FileNotFoundError:
        return {}, [Problem(pkg, 1, None, "datapackage.json is missing")]
    except (ValueError, KeyError) as e:
        return {}, [Problem(pkg, 1, None, f"datapackage.json is not a valid data package: {e}")]
    tables = {name: read_table(res, data_dir, problems) for name, res in contract.items()}
    ready = {n: t for n, t in tables.items() if t.frame is not None}
    for t in ready.values():
        _check_keys(t, ready, problems)
    # one reader of the article texts for every check below: each text is read and squashed once
    sources = SourceTexts(ready["articles"].frame, sources_dir) if "articles" in ready else None
    problems.extend(run_checks(ready, sources, pkg))
    if sources is not None:
        if sources.available:
            for t in ready.values():
                _check_quotes(t, sources, problems)
            arts = ready["articles"]
            for i, (aid, f) in enumerate(arts.frame.select("article_id", "source_file").iter_rows()):
                if f and sources.flat(aid) is None:
                    problems.append(Problem(arts.file, arts.lines[i], "source_file",
                                            f"{f!r} is not in {display_path(sources_dir)}"))
        elif require_sources:
            problems.append(Problem(pkg, 1, None, f"source articles not found at {sources_dir}: quotes cannot be checked"))
    # each file's problems together, by line, the checks' order kept within a line: a curator
    # fixing row 12 sees everything wrong with row 12 at once
    first = {}
    for q in problems:
        first.setdefault(q.file, len(first))
    problems.sort(key=lambda q: (first[q.file], q.line))
    return tables, problems
