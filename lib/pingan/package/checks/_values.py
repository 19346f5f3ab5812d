"""Checks on the figures: each statistic's value against the words it was read from, and each
consistency check against the figures its kind needs."""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._change_words import DECREASE, INCREASE
from pingan.text._sources import SourceTexts
from pingan.text._numbers import NumberParseError, parse_number

__all__ = ["CHECKS", "MEASURE_UNITS", "value_as_written", "value_unit", "value_sign", "period_forwards",
           "inferred_periods_explained",
           "check_figures"]

CHANGES = ("change_pct", "change_pp")
MEASURE_UNITS = {"change_pp": {"percentage-points"}, "change_pct": {"percent"},
                 "share_pct": {"percent"}, "rate_pct": {"percent"}}
# which figures each kind of consistency check needs (True), refuses (False)
CHECK_NEEDS = {"implied_rate": {"denominator": True, "stated_rate": True},
               "implied_total": {"denominator": False, "stated_rate": True},
               "ratio": {"denominator": True, "stated_rate": False}}


def _figures(tables: dict[str, CheckedTable]):
    """(statistics table, [(line, row, what as_written reads as)]) for the rows with both a value
    and its words; what they read as is a ``Number``, or the ``NumberParseError`` that
    value-as-written reports (the other checks pass such a row by until its words read)."""
    t = tables.get("statistics")
    if t is None:
        return None, []
    return t, [(t.lines[i], r, _read(r["as_written"])) for i, r in enumerate(t.frame.iter_rows(named=True))
               if r.get("as_written") is not None and r.get("value") is not None]


def _read(as_written: str):
    try:
        return parse_number(as_written)
    except NumberParseError as e:
        return e


def value_as_written(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """value-as-written: the value (its size, for a change) and qualifier are what as_written reads as."""
    t, rows = _figures(tables)
    out = []
    for line, r, num in rows:
        if isinstance(num, NumberParseError):
            out.append(Problem(t.file, line, "as_written", str(num)))
            continue
        value = r["value"]
        magnitude = abs(value) if r["measure"] in CHANGES else value
        if abs(magnitude - num.value) > 1e-9 * max(1.0, abs(num.value)):
            out.append(Problem(t.file, line, "value", f"{value:g} does not match {r['as_written']!r}, which reads {num.value:g}"))
        if num.qualifier != r["qualifier"]:
            out.append(Problem(t.file, line, "qualifier", f"{r['qualifier']!r} but {r['as_written']!r} reads as {num.qualifier!r}"))
    return out


def value_unit(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """value-unit: the unit is the one as_written prints (%, 个百分点) and one the measure takes."""
    t, rows = _figures(tables)
    out = []
    for line, r, num in rows:
        if isinstance(num, NumberParseError):
            continue  # reported by value-as-written
        unit, measure = r["unit"], r["measure"]
        if num.unit == "percent" and unit != "percent":
            out.append(Problem(t.file, line, "unit", f"{unit!r} but {r['as_written']!r} is a percentage"))
        if num.unit == "percentage-points" and unit != "percentage-points":
            out.append(Problem(t.file, line, "unit", f"{unit!r} but {r['as_written']!r} is in percentage points"))
        if num.unit is None and unit in ("percent", "percentage-points"):
            out.append(Problem(t.file, line, "unit", f"{unit!r} but {r['as_written']!r} has no percent sign"))
        if measure in MEASURE_UNITS and unit not in MEASURE_UNITS[measure]:
            out.append(Problem(t.file, line, "unit", f"measure {measure!r} needs unit {' or '.join(sorted(MEASURE_UNITS[measure]))}"))
    return out


def value_sign(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """value-sign: only a change is negative, and a change's sign has its word in the quote (降, 升 …)."""
    t, rows = _figures(tables)
    out = []
    for line, r, num in rows:
        if isinstance(num, NumberParseError):
            continue
        value, measure, quote = r["value"], r["measure"], r.get("quote") or ""
        if value < 0 and measure not in CHANGES:
            out.append(Problem(t.file, line, "value", f"negative {value:g} but measure {measure!r} is not a change"))
        if measure in CHANGES:
            if value < 0 and not DECREASE.search(quote):
                out.append(Problem(t.file, line, "value", "negative (a decrease) but the quote has no word of decrease (降, 减 …)"))
            if value > 0 and not INCREASE.search(quote):
                out.append(Problem(t.file, line, "value", "positive (an increase) but the quote has no word of increase (升, 增, 提高 …)"))
    return out


def period_forwards(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """period-forwards: a period of two years (2013-2017) runs forwards."""
    t, rows = _figures(tables)
    return [Problem(t.file, line, "period", f"{r['period']!r} does not run forwards")
            for line, r, num in rows if not isinstance(num, NumberParseError)
            and "-" in (p := r.get("period") or "") and p[:4] >= p[5:]]


def check_figures(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """check-figures: a consistency check names the figures its kind needs, and no other."""
    t = tables.get("consistency_checks")
    if t is None:
        return []
    out = []
    for i, r in enumerate(t.frame.with_columns(pl.col(pl.Enum).cast(pl.String)).iter_rows(named=True)):
        for col, needed in CHECK_NEEDS.get(r["kind"], {}).items():
            if needed and not r[col]:
                out.append(Problem(t.file, t.lines[i], col, f"a {r['kind']} check needs its {col}"))
            elif not needed and r[col]:
                out.append(Problem(t.file, t.lines[i], col, f"a {r['kind']} check has no {col}; leave it empty"))
    return out


def inferred_periods_explained(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """period-inferred: a statistic whose period is inferred says in its notes how."""
    t = tables.get("statistics")
    if t is None:
        return []
    out = []
    for i, (basis, notes) in enumerate(t.frame.select("period_basis", "notes").iter_rows()):
        if str(basis) == "inferred" and not notes:
            out.append(Problem(t.file, t.lines[i], "notes", "the period is inferred: say in notes how "
                                                             "(which words of the article date it)"))
    return out


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "value-as-written": value_as_written,
    "value-unit": value_unit,
    "value-sign": value_sign,
    "period-forwards": period_forwards,
    "period-inferred": inferred_periods_explained,
    "check-figures": check_figures,
}
