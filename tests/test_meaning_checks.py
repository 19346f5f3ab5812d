"""Checks on meaning: well-formed rows that cannot be right are reported with file, line and
column, by validate() and load_all() alike (assert_reported; tests/test_cli.py checks once per
message format that the command line prints them)."""
from __future__ import annotations


import pingan
from conftest import assert_reported, read_rows as _read, write_rows as _write
from pingan.package.checks._meaning import name_stem


def _edit(pkg, table: str, key: str, **cells) -> int:
    """Set cells of the row whose first field is ``key``; return its line in the file."""
    rows = _read(pkg / f"{table}.csv")
    i = next(k for k, r in enumerate(rows) if r[0] == key)
    for col, value in cells.items():
        rows[i][rows[0].index(col)] = value
    _write(pkg / f"{table}.csv", rows)
    return i + 1


def _problems(pkg, sources_dir) -> list[str]:
    return [str(p) for p in pingan.validate(pkg, sources_dir, require_sources=True)]


def test_real_data_has_no_problem_of_meaning(data_dir, sources_dir):
    assert _problems(data_dir, sources_dir) == []


# --- periods ------------------------------------------------------------------------------

def test_period_ending_after_publication_is_reported(package_copy, sources_dir):
    line = _edit(package_copy, "statistics", "jinhua-2017-001", period="2004-2018")
    assert_reported(package_copy, sources_dir,
                    rf"statistics\.csv:{line}: period: '2004-2018' ends after jinhua-2017 was published \(2017\)")


def test_a_target_may_end_after_publication(package_copy, sources_dir):
    _edit(package_copy, "statistics", "jinhua-2017-001", period="2004-2025", period_basis="target")
    assert _problems(package_copy, sources_dir) == []


def test_a_target_that_ended_before_publication_is_reported(package_copy, sources_dir):
    line = _edit(package_copy, "statistics", "jinhua-2017-001", period="2010", period_basis="target")
    assert_reported(package_copy, sources_dir,
                    rf"statistics\.csv:{line}: period_basis: 'target' but '2010' ends before")


def test_publication_day_counts_by_its_year(package_copy, sources_dir):
    """jiaxing-2024 was printed on 2024-10-29: a 2024 figure is fine, a 2025 one is not."""
    rows = _read(package_copy / "statistics.csv")
    key = next(r[0] for r in rows[1:] if r[1] == "jiaxing-2024")
    _edit(package_copy, "statistics", key, period="2024")
    assert _problems(package_copy, sources_dir) == []
    line = _edit(package_copy, "statistics", key, period="2025")
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: period: '2025' ends after jiaxing-2024 "
                                               r"was published \(2024-10-29\)")


def test_period_starting_after_its_end_is_reported(package_copy, sources_dir):
    line = _edit(package_copy, "statistics", "jinhua-2017-001", period="2017-2004")
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: period: '2017-2004' does not run forwards")


def test_article_period_covered_checked_too(package_copy, sources_dir):
    line = _edit(package_copy, "articles", "jinhua-2017", period_covered="2017-2004")
    assert_reported(package_copy, sources_dir, rf"articles\.csv:{line}: period_covered: '2017-2004' starts after it ends")
    line = _edit(package_copy, "articles", "jinhua-2017", period_covered="2004-2019")
    assert_reported(package_copy, sources_dir,
                    rf"articles\.csv:{line}: period_covered: '2004-2019' ends after the article was published")


# --- places -------------------------------------------------------------------------------

def test_statistic_moved_to_another_city_is_reported(package_copy, sources_dir):
    line = _edit(package_copy, "statistics", "jinhua-2017-001", place_code="330400")
    assert_reported(package_copy, sources_dir,
                    rf"statistics\.csv:{line}: place_code: '330400' \(嘉兴市\) is neither jinhua-2017's place '330700'")


def test_statistic_in_a_county_of_its_city_passes(package_copy, sources_dir):
    _edit(package_copy, "statistics", "jinhua-2017-001", place_code="330782")  # 义乌市, inside 金华市
    assert _problems(package_copy, sources_dir) == []


def test_statistic_in_a_township_of_another_city_is_reported(package_copy, sources_dir):
    line = _edit(package_copy, "statistics", "jinhua-2017-001", place_code="330482-guangchen")
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: place_code: '330482-guangchen'")


def _add_shanghai(pkg) -> None:
    """Shanghai and its Jinshan district, unless places.csv already has them."""
    rows = _read(pkg / "places.csv")
    have = {r[0] for r in rows}
    rows += [r for r in (["310000", "gb2260", "上海市", "Shanghai", "Shànghǎi Shì", "province", "", "310000"],
                         ["310116", "gb2260", "金山区", "Jinshan District", "Jīnshān Qū", "county", "310000", "310000"])
             if r[0] not in have]
    _write(pkg / "places.csv", rows)


def test_cross_border_place_named_by_the_quote_passes(package_copy, sources_dir):
    """平湖与金山有58公里陆地接壤线 names 金山 (金山区 without its suffix)."""
    _add_shanghai(package_copy)
    _edit(package_copy, "statistics", "jiaxing-2024-022", place_code="310116")
    assert _problems(package_copy, sources_dir) == []


def test_cross_border_place_the_quote_does_not_name_is_reported(package_copy, sources_dir):
    _add_shanghai(package_copy)
    line = _edit(package_copy, "statistics", "jiaxing-2024-023", place_code="310116")
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: place_code: '310116' \(金山区\) is neither")


def test_name_stems():
    assert [name_stem(n) for n in ("金华市", "婺城区", "新狮街道", "金山区", "浙江省", "青春路社区", "县")] == [
        "金华", "婺城", "新狮", "金山", "浙江", "青春路", "县"]


# --- as_written in its quote --------------------------------------------------------------

def _exclusion_line(pkg, as_written: str) -> tuple[int, list[str]]:
    rows = _read(pkg / "exclusions.csv")
    i = next(k for k, r in enumerate(rows) if r[1] == as_written)
    return i, rows


def test_exclusion_number_not_in_its_quote_is_reported(package_copy, sources_dir):
    i, rows = _exclusion_line(package_copy, "2014")
    rows[i][1] = "2015"
    _write(package_copy / "exclusions.csv", rows)
    assert_reported(package_copy, sources_dir, rf"exclusions\.csv:{i + 1}: as_written: '2015' is not in the quote")


def test_exclusion_number_inside_a_longer_number_is_reported(package_copy, sources_dir):
    """'201' stands in 2014年捧回 only as part of 2014: not the number excluded."""
    i, rows = _exclusion_line(package_copy, "2014")
    rows[i][1] = "201"
    _write(package_copy / "exclusions.csv", rows)
    assert_reported(package_copy, sources_dir,
                    rf"exclusions\.csv:{i + 1}: as_written: '201' stands in the quote only inside a longer number")


def test_as_written_is_checked_without_the_sources(package_copy, tmp_path):
    """The check needs only the tables: it runs where the articles are not available."""
    i, rows = _exclusion_line(package_copy, "2014")
    rows[i][1] = "014"
    _write(package_copy / "exclusions.csv", rows)
    problems = [str(p) for p in pingan.validate(package_copy, tmp_path / "no-sources")]
    assert f"exclusions.csv:{i + 1}: as_written: '014' stands in the quote only inside a longer number" in \
        "\n".join(problems)


def test_validate_lists_each_file_by_line_whatever_check_found_it(package_copy, sources_dir):
    """Problems of one file come out by line, a row's problems together, although different
    checks (value-unit, period-forwards, value-as-written) found them."""
    late = _edit(package_copy, "statistics", "jinhua-2017-004", period="2017-2004")       # period-forwards
    early = _edit(package_copy, "statistics", "jinhua-2017-002", unit="percent")          # value-unit
    _edit(package_copy, "statistics", "jinhua-2017-003", value="8")                         # value-as-written
    found = [p for p in pingan.validate(package_copy, sources_dir, require_sources=True) if p.file.endswith("statistics.csv")]
    lines = [p.line for p in found]
    assert lines == sorted(lines) and {early, early + 1, late} <= set(lines)
    assert [p.code for p in found if p.line == early][0] == "value-unit"
