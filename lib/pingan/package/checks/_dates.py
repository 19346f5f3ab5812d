"""Checks on dates: a date is written to the precision it claims."""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "date_precision"]

DATE_COLUMNS = {"articles": "published", "timeline": "date"}
LENGTHS = {"year": 4, "month": 7, "day": 10}


def date_precision(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """date-precision: a date has the length its date_precision says (2017, 2017-05, 2017-05-04)."""
    out = []
    for name, col in DATE_COLUMNS.items():
        t = tables.get(name)
        if t is None or "date_precision" not in t.frame.columns:
            continue
        for i, (d, p) in enumerate(t.frame.select(pl.col(col).cast(pl.String), pl.col("date_precision").cast(pl.String)).iter_rows()):
            if d is not None and p is not None and p in LENGTHS and len(d) != LENGTHS[p]:
                out.append(Problem(t.file, t.lines[i], "date_precision", f"{p!r} but {col} {d!r} has {len(d)} characters"))
    return out


CHECKS: dict[str, Callable[..., list[Problem]]] = {"date-precision": date_precision}
