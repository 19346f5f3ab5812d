"""Read one CSV file strictly: UTF-8 (a BOM and CRLF are fine), every row with its line number."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pingan.base._problems import Problem

__all__ = ["RawTable", "read_csv_strict"]


@dataclass
class RawTable:
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on (the header is line 1)


def _decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM, as spreadsheets write it
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            hint = "it looks like GBK/GB18030; re-save it as UTF-8"
        except UnicodeDecodeError:
            hint = "re-save it as UTF-8"
        return None, [Problem(name, line, None, f"not UTF-8 (byte 0x{data[e.start]:02x}): {hint}")]


def read_csv_strict(path: Path, name: str) -> tuple[RawTable | None, list[Problem]]:
    """The file's header and rows as strings, or the problems that stop it being read."""
    if not path.exists():
        return None, [Problem(name, 1, None, "file is missing (datapackage.json lists it)")]
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(name, 1, None, "file is empty: expected a header row")]
    # the csv module refuses cells over 131,072 characters (a long quote): no cell is longer than the file
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
        rows, lines = [], []
        start = reader.line_num + 1
        for row in reader:
            if not row:
                problems.append(Problem(name, start, None, "blank line inside the table"))
            else:
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        return None, [Problem(name, reader.line_num, None, f"not readable as CSV: {e}")]
    return RawTable(header, rows, lines), problems
