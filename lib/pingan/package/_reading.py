"""Reading one table of the data package strictly: every cell converted to its declared type and
checked against its declared constraints (required, enum, pattern, minimum), every header
against the contract, every problem reported with file, line and column."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from pingan.base._problems import Problem
from pingan.base._settings import display_path
from pingan.package._contract import Field, Resource, polars_dtype
from pingan.package._csvfile import read_csv_strict

__all__ = ["CheckedTable", "read_table"]

# ASCII digits only (\d would take full-width １２), plain decimals only (no 1e3): what
# the curators write, so that nothing is read as something it was not written as.
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class CheckedTable:
    resource: Resource
    file: str  # as shown in messages
    frame: pl.DataFrame | None
    lines: list[int]


def _convert(f: Field, raw: str):
    """The typed value of one cell, or raise ValueError with a message."""
    if f.type == "string":
        return raw
    if f.type in ("integer", "year"):
        if not _INTEGER.fullmatch(raw):
            raise ValueError(f"{raw!r} is not an integer")
        return int(raw)
    if f.type == "number":
        if not _NUMBER.fullmatch(raw):
            raise ValueError(f"{raw!r} is not a number (write plain decimals: digits 0-9, '-' and '.')")
        return float(raw)
    if f.type == "date":
        try:
            if not _DATE.fullmatch(raw):
                raise ValueError
            return date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a date (YYYY-MM-DD)") from None
    if f.type == "boolean":
        if raw not in ("true", "false"):
            raise ValueError(f"{raw!r} is not true or false")
        return raw == "true"
    raise ValueError(f"datapackage.json uses type {f.type!r}, which pingan does not read")


def _check_cell(f: Field, raw: str, where, problems: list[Problem]):
    if raw != raw.strip():
        problems.append(where(f.name, f"{raw!r} has leading or trailing whitespace"))
    if raw == "":
        if f.required:
            problems.append(where(f.name, "required value is empty"))
        return None
    try:
        value = _convert(f, raw)
    except ValueError as e:
        problems.append(where(f.name, str(e)))
        return None
    if f.enum and raw not in f.enum:
        problems.append(where(f.name, f"{raw!r} is not one of: {', '.join(f.enum)}"))
        return None
    if f.pattern and not re.fullmatch(f.pattern, raw):
        problems.append(where(f.name, f"{raw!r} does not match the pattern {f.pattern}"))
    if f.minimum is not None and value < f.minimum:
        problems.append(where(f.name, f"{value} is below the minimum {f.minimum}"))
    return value


def read_table(res: Resource, data_dir: Path, problems: list[Problem]) -> CheckedTable:
    name = display_path(data_dir / res.path)
    raw, found = read_csv_strict(data_dir / res.path, name)
    problems.extend(found)
    if raw is None:
        return CheckedTable(res, name, None, [])
    expected = res.field_names
    header_ok = True
    for col in expected:
        if col not in raw.header:
            problems.append(Problem(name, 1, col, "missing column (datapackage.json defines it)"))
            header_ok = False
    for col in raw.header:
        if col not in expected:
            problems.append(Problem(name, 1, col or "(empty name)", "unknown column (not in datapackage.json)"))
            header_ok = False
    if len(set(raw.header)) != len(raw.header):
        problems.append(Problem(name, 1, None, "a column name appears twice in the header"))
        header_ok = False
    if header_ok and raw.header != expected:
        problems.append(Problem(name, 1, None, "columns are out of the order datapackage.json gives: "
                                + ", ".join(expected)))
    index = {c: i for i, c in enumerate(raw.header)}
    columns: dict[str, list] = {c: [] for c in expected}
    for row, line in zip(raw.rows, raw.lines):
        if len(row) != len(raw.header):
            problems.append(Problem(name, line, None, f"row has {len(row)} fields; the header has {len(raw.header)}"))
        def where(col, msg, line=line):
            return Problem(name, line, col, msg)
        for f in res.fields:
            i = index.get(f.name)
            cell = row[i] if i is not None and i < len(row) else ""
            columns[f.name].append(_check_cell(f, cell, where, problems) if i is not None else None)
    schema = {f.name: polars_dtype(f) for f in res.fields}
    frame = pl.DataFrame(columns, schema=schema, strict=False)
    return CheckedTable(res, name, frame, raw.lines)


