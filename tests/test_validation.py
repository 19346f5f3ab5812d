"""The real data pass; each kind of bad input fails with a precise file:line: column: message."""
import csv
import re

import polars as pl
import pytest

import pingan
from conftest import assert_reported, rewrite_rows as _rewrite


def test_real_data_is_clean(data_dir, sources_dir):
    assert pingan.validate(data_dir, sources_dir, require_sources=True) == []


def test_load_gives_documented_dtypes(data_dir):
    stats = pingan.load("statistics", data_dir)
    assert stats.schema["value"] == pl.Float64
    assert isinstance(stats.schema["unit"], pl.Enum)
    assert stats.schema["quote"] == pl.String
    assert pingan.load("population", data_dir).schema["reference_date"] == pl.Date
    assert set(pingan.load_all(data_dir)) == set(pingan.TABLES)


def _set(path, line, column, value):
    def edit(rows):
        rows[line - 1][rows[0].index(column)] = value
    _rewrite(path, edit)


def test_wrong_type(package_copy, sources_dir):
    _set(package_copy / "statistics.csv", 2, "value", "ninety")
    assert_reported(package_copy, sources_dir, r"statistics\.csv:2: value: 'ninety' is not a number")


def test_missing_column(package_copy, sources_dir):
    _rewrite(package_copy / "glossary.csv", lambda rows: [r.pop(1) for r in rows])
    assert_reported(package_copy, sources_dir, r"glossary\.csv:1: pinyin: missing column")


def test_unknown_column(package_copy, sources_dir):
    _rewrite(package_copy / "glossary.csv", lambda rows: [r.append("x") for r in rows])
    assert_reported(package_copy, sources_dir, r"glossary\.csv:1: x: unknown column")


def test_empty_required(package_copy, sources_dir):
    _set(package_copy / "statistics.csv", 3, "indicator", "")
    assert_reported(package_copy, sources_dir, r"statistics\.csv:3: indicator: required value is empty")


def test_duplicate_primary_key(package_copy, sources_dir):
    first = next(csv.reader(open(package_copy / "statistics.csv", encoding="utf-8")) for _ in [0])
    ids = [r[0] for r in csv.reader(open(package_copy / "statistics.csv", encoding="utf-8"))]
    _set(package_copy / "statistics.csv", 3, "stat_id", ids[1])
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:3: stat_id: duplicate .*{re.escape(ids[1])}.*first on line 2")


@pytest.mark.parametrize("column,value", [("article_id", "nowhere-2099"), ("place_code", "339999"),
                                          ("indicator", "no_such_indicator")])
def test_dangling_foreign_key(package_copy, sources_dir, column, value):
    _set(package_copy / "statistics.csv", 2, column, value)
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:2: {column}: '{value}' is not a")


def test_quote_not_in_article(package_copy, sources_dir):
    _set(package_copy / "statistics.csv", 2, "quote", "这句话不在文章里96.58%")
    assert_reported(package_copy, sources_dir, r"statistics\.csv:2: quote: not found in \d{3}_")


def test_value_not_matching_quote(package_copy, sources_dir):
    _set(package_copy / "statistics.csv", 2, "value", "95.58")
    assert_reported(package_copy, sources_dir, r"statistics\.csv:2: value: 95.58 does not match")


def test_enum(package_copy, sources_dir):
    _set(package_copy / "statistics.csv", 2, "qualifier", "roughly")
    assert_reported(package_copy, sources_dir, r"statistics\.csv:2: qualifier: 'roughly' is not one of")


def test_wrong_sign(package_copy, sources_dir):
    path = package_copy / "statistics.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    line = next(i for i, r in enumerate(rows, start=2) if float(r["value"]) < 0)
    _set(path, line, "value", str(-float(rows[line - 2]["value"])))
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: value: positive \(an increase\)")


def test_gbk_file(package_copy, sources_dir):
    p = package_copy / "glossary.csv"
    p.write_bytes(p.read_text(encoding="utf-8").encode("gb18030"))
    assert_reported(package_copy, sources_dir, r"glossary\.csv:\d+: not UTF-8 .*GBK")


def test_empty_file(package_copy, sources_dir):
    (package_copy / "timeline.csv").write_text("", encoding="utf-8")
    assert_reported(package_copy, sources_dir, r"timeline\.csv:1: file is empty")


def test_datapackage_disagrees_with_csv(package_copy, sources_dir):
    p = package_copy / "datapackage.json"
    p.write_text(p.read_text(encoding="utf-8").replace('"name": "term_en"', '"name": "term_english"'), encoding="utf-8")
    assert_reported(package_copy, sources_dir, r"glossary\.csv:1: term_english: missing column")


def test_spreadsheet_bom_and_crlf_load_identically(package_copy, data_dir, sources_dir):
    for p in package_copy.glob("*.csv"):
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes().replace(b"\n", b"\r\n"))
    clean = pingan.load_all(data_dir, sources_dir)
    saved = pingan.load_all(package_copy, sources_dir)
    for name in clean:
        assert saved[name].equals(clean[name]), name


def test_nothing_dropped(data_dir):
    for name, df in pingan.load_all(data_dir).items():
        with open(data_dir / f"{name}.csv", encoding="utf-8", newline="") as f:
            assert df.height == sum(1 for _ in csv.reader(f)) - 1, name
