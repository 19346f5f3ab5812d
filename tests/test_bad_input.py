"""Bad input beyond test_validation.py: ragged rows, multi-line cells, very long cells,
numbers that must not be coerced, blank lines, unknown enum values. Every problem is
reported as ``file:line: column: message`` with the line as an editor shows it."""
from __future__ import annotations

import csv
import json
import re

import polars as pl
import pytest

import pingan
from conftest import assert_reported, read_rows as _read, write_rows as _write
from pingan import DataValidationError


def _physical_line(path, prefix: str) -> int:
    """The line (1-based, as an editor counts) on which a row starting with ``prefix`` begins."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def _problems(pkg, sources_dir) -> list[str]:
    return [str(p) for p in pingan.validate(pkg, sources_dir, require_sources=True)]


# --- ragged rows -----------------------------------------------------------------------

def test_row_with_too_many_fields(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    rows = _read(p)
    rows[4].append("an extra field")
    _write(p, rows)
    assert_reported(package_copy, sources_dir, r"glossary\.csv:5: row has 5 fields; the header has 4")


def test_row_with_too_few_fields(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    rows = _read(p)
    rows[6].pop()
    _write(p, rows)
    assert_reported(package_copy, sources_dir, r"glossary\.csv:7: row has 3 fields; the header has 4", load=False)
    assert "glossary.csv:7: definition_en: required value is empty" in "\n".join(_problems(package_copy, sources_dir))


def test_row_with_too_few_fields_fails_loading_with_a_message(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    rows = _read(p)
    rows[6].pop()
    _write(p, rows)
    with pytest.raises(DataValidationError, match=r"glossary\.csv:7: row has 3 fields"):
        pingan.load_all(package_copy, sources_dir)


# --- multi-line and very long cells -----------------------------------------------------

def test_multiline_cell_keeps_later_line_numbers(package_copy, sources_dir):
    p = package_copy / "statistics.csv"
    rows = _read(p)
    quote = rows[1][rows[0].index("quote")]
    broken = quote[:3] + "\n" + quote[3:6] + "\r\n" + quote[6:]  # a cell over three lines
    rows[1][rows[0].index("quote")] = broken
    _write(p, rows)
    # loads, with the line breaks kept, and still matches its article (whitespace ignored)
    assert _problems(package_copy, sources_dir) == []
    assert pingan.load("statistics", package_copy, sources_dir)["quote"][0] == broken
    # later rows are reported on the lines an editor shows
    value_row, dup_row = rows[5], rows[6]
    value_row[rows[0].index("value")] = "ninety"
    dup_row[0] = rows[1][0]
    _write(p, rows)
    value_line = _physical_line(p, value_row[0] + ",")
    dup_line = _physical_line(p, f"{rows[1][0]},{dup_row[1]},{dup_row[2]},{dup_row[3]},{dup_row[4]},{dup_row[5]},")
    assert (value_line, dup_line) == (8, 9)  # rows 6 and 7 of the table, pushed down two lines
    problems = "\n".join(_problems(package_copy, sources_dir))
    assert f"statistics.csv:{value_line}: value: 'ninety' is not a number" in problems
    assert re.search(rf"statistics\.csv:{dup_line}: stat_id: duplicate .*first on line 2\)", problems), problems


def test_quote_as_long_as_its_article_loads_identically(package_copy, data_dir, sources_dir):
    """The longest quote that can stand in its article: the whole article, line breaks and all."""
    p = package_copy / "statistics.csv"
    rows = _read(p)
    article_id = rows[1][rows[0].index("article_id")]
    articles = {r[0]: r for r in _read(package_copy / "articles.csv")[1:]}
    text = (sources_dir / articles[article_id][1]).read_text(encoding="utf-8").strip()
    assert len(text) > 2000 and "\n" in text
    rows[1][rows[0].index("quote")] = text
    _write(p, rows)
    assert _problems(package_copy, sources_dir) == []
    stats = pingan.load("statistics", package_copy, sources_dir)
    clean = pingan.load("statistics", data_dir, sources_dir)
    assert stats["quote"][0] == text
    assert stats.height == clean.height
    assert stats.slice(1).equals(clean.slice(1))


def test_cell_longer_than_the_csv_module_limit_loads_identically(package_copy, data_dir, sources_dir):
    """csv refuses cells over 131,072 characters by default; pingan must not drop the table."""
    p = package_copy / "statistics.csv"
    rows = _read(p)
    note = ("长注释, with commas, \"quotes\" and\nline breaks; " * 8000).strip()
    assert len(note) > 2 * csv.field_size_limit()
    rows[1][rows[0].index("notes")] = note
    _write(p, rows)
    assert _problems(package_copy, sources_dir) == []
    stats = pingan.load("statistics", package_copy, sources_dir)
    assert stats["notes"][0] == note
    assert stats.drop("notes").equals(pingan.load("statistics", data_dir, sources_dir).drop("notes"))


# --- numbers that must be rejected, not coerced -----------------------------------------

def _cases():
    for table, column, kind in [("population", "population", "integer"), ("practices", "started", "integer"),
                                ("statistics", "value", "number")]:
        for value in ["1e3", " 5", "5 ", "１２"]:
            yield pytest.param(table, column, value, id=f"{table}.{column}={value!r}")


@pytest.mark.parametrize("table,column,value", list(_cases()))
def test_number_like_text_is_rejected_not_coerced(package_copy, sources_dir, table, column, value):
    p = package_copy / f"{table}.csv"
    rows = _read(p)
    rows[1][rows[0].index(column)] = value
    _write(p, rows)
    assert_reported(package_copy, sources_dir, rf"{table}\.csv:2: {column}: {re.escape(repr(value))}")


# --- blank lines ------------------------------------------------------------------------

def test_blank_line_in_the_middle_is_reported(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    rows = _read(p)
    later = rows[14]
    later[rows[0].index("pinyin")] = ""
    _write(p, rows[:10] + [[]] + rows[10:])  # an empty line after line 10
    assert p.read_text(encoding="utf-8").splitlines()[10] == ""
    assert_reported(package_copy, sources_dir, r"glossary\.csv:11: blank line inside the table")
    # rows after it keep their physical line numbers
    line = _physical_line(p, later[0] + ",")
    assert line == 16
    problems = _problems(package_copy, sources_dir)
    assert any(s.endswith(f"glossary.csv:{line}: pinyin: required value is empty") for s in problems), problems


def test_line_of_spaces_is_reported(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(lines[:10] + ["   \n"] + lines[10:]), encoding="utf-8")
    problems = _problems(package_copy, sources_dir)
    assert any(re.search(r"glossary\.csv:11: ", s) for s in problems), problems


# --- enums ------------------------------------------------------------------------------

def _enum_fields(data_dir):
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return [(r["name"], r["path"], f["name"]) for r in pkg["resources"]
            for f in r.get("schema", {}).get("fields", [])  # tabular resources only
            if "enum" in f.get("constraints", {}) and r["path"].endswith(".csv")]


def test_unknown_enum_value_is_reported_never_null(package_copy, sources_dir):
    fields = _enum_fields(package_copy)
    assert len(fields) >= 10
    for i, (_, path, column) in enumerate(fields):
        rows = _read(package_copy / path)
        # a value that is not in the list, one that differs only in case, one with a space
        rows[1][rows[0].index(column)] = ["no-such-value", rows[1][rows[0].index(column)].upper(), "level "][i % 3]
        _write(package_copy / path, rows)
    problems = "\n".join(_problems(package_copy, sources_dir))
    for _, path, column in fields:
        assert re.search(rf"{re.escape(path)}:2: {column}: '[^']+' is not one of", problems), (path, column)
    with pytest.raises(DataValidationError):
        pingan.load_all(package_copy, sources_dir)


def test_enum_columns_hold_no_nulls_that_the_csv_does_not(data_dir):
    """In the real data a null in a pl.Enum column is exactly an empty cell."""
    tables = pingan.load_all(data_dir)
    for name, path, column in _enum_fields(data_dir):
        rows = _read(data_dir / path)
        empty = sum(1 for r in rows[1:] if r[rows[0].index(column)] == "")
        series = tables[name][column]
        assert isinstance(series.dtype, pl.Enum), (name, column)
        assert series.null_count() == empty, (name, column)
