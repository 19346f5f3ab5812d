"""Every rule of the data as a small check that ``pingan validate`` runs and that reports
``Problem(file, line, column, message, code)``. The contract's own rules (columns, types,
required cells, enums, patterns, keys) are checked as each table is read
(``package/_reading.py``, ``package/_validation.py``), and each quote against its article;
everything else is here, one module per subject: the figures (``_values``), places
(``_places``), dates, links between practices, the templates (``_families``), the glossary,
sections, origins and double coding, term counts, what the words mean (``_meaning``) and
whether each article is fully curated (``_completeness``).

To add a rule: write a function ``(tables, sources) -> list[Problem]`` whose docstring starts
with its code (``"my-code: what it asks"``) in the module of its subject, add it to that
module's ``CHECKS``, and test it on a tiny table in tests/test_checks.py (a new module also
goes in ``MODULES`` below and in benchmarks/mutation.py's ``TESTS``).

Each module holds a few checks by topic and a ``CHECKS`` dict (code -> check); a check takes the
typed tables (``CheckedTable`` by name) and the article texts (``SourceTexts``, or None) and
returns problems, and is unit-tested on a tiny in-memory table (tests/test_checks.py), after
frictionless-py's ``checks/``. Codes in a module's ``GAPS`` mark an article not yet fully
curated rather than a wrong row: ``validate`` reports them, ``load_all`` does not refuse them
(``blocking``), so a newly added article's notebook runs before it is curated.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import polars as pl

from pingan.base._problems import Problem
from pingan.package.checks import (_completeness, _dates, _families, _glossary, _links, _meaning, _origins, _places,
                                   _sections, _term_counts, _values)

__all__ = ["CHECKS", "GAPS", "run_checks", "blocking"]

MODULES = (_values, _places, _dates, _links, _meaning, _families, _glossary, _sections, _origins, _term_counts, _completeness)
CHECKS: dict[str, Callable[..., list[Problem]]] = {code: f for m in MODULES for code, f in m.CHECKS.items()}
GAPS: frozenset[str] = frozenset().union(*(getattr(m, "GAPS", frozenset()) for m in MODULES))


def run_checks(tables, sources, contract_file: str = "datapackage.json") -> list[Problem]:
    """Every check of every module, in order, each problem marked with its check's code. A check
    that needs a column the contract does not define (the contract is being changed) cannot run,
    and says so as a problem of ``contract_file``."""
    out = []
    for m in MODULES:
        for code, check in m.CHECKS.items():
            try:
                out += [replace(p, code=code) for p in check(tables, sources)]
            except pl.exceptions.ColumnNotFoundError as e:
                missing = str(e).splitlines()[0]
                out.append(Problem(contract_file, 1, None, f"the check {code} cannot run: {missing}", code))
    return out


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that make the data wrong (all but the gaps in the curation)."""
    return [p for p in problems if p.code not in GAPS]
