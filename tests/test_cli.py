"""The command line: validate, extract, coverage, dictionary."""
import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import read_rows, write_rows


def run(*args):
    return subprocess.run([sys.executable, "-m", "pingan", *args], capture_output=True, text=True)


def test_validate_clean_exits_zero(data_dir, sources_dir):
    out = run("validate", str(data_dir), "--sources", str(sources_dir))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("ok:")


def test_extract_lists_numbers_with_lines(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("全市刑事案件同比\n下降26.9%,志愿者超过\n12万人。", encoding="utf-8")
    out = run("extract", str(f), "--json")
    found = json.loads(out.stdout)
    assert [(x["text"], x["value"], x["qualifier"], x["line"]) for x in found] == [
        ("26.9%", 26.9, "exact", 2), ("超过12万", 120000.0, "at_least", 2)]


def test_dictionary_lists_every_column(data_dir):
    out = run("dictionary", "--data-dir", str(data_dir))
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    for r in pkg["resources"]:
        for f in r.get("schema", {}).get("fields", []):
            assert f"| `{f['name']}` |" in out.stdout


def test_coverage_on_invalid_data_lists_problems_like_validate(package_copy, sources_dir):
    """`pingan coverage` needs valid data; on invalid data it prints validate's
    file:line: column: message list and exits 1, with no traceback."""
    stats = package_copy / "statistics.csv"
    lines = stats.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",exact,", ",roughly,", 1)
    stats.write_text("".join(lines), encoding="utf-8")
    validate = run("validate", str(package_copy), "--sources", str(sources_dir))
    coverage = run("coverage", "--data-dir", str(package_copy), "--sources", str(sources_dir))
    assert validate.returncode == coverage.returncode == 1
    assert "Traceback" not in coverage.stderr, coverage.stderr
    assert "statistics.csv:2: qualifier: 'roughly' is not one of" in coverage.stdout, coverage.stdout
    assert coverage.stdout == validate.stdout


# --- `pingan validate` end to end: one broken copy per message format ------------------------
# (every other broken-data case runs validate() and load_all() in process: conftest.assert_reported)

def _set_cell(pkg, table, line, column, value):
    rows = read_rows(pkg / f"{table}.csv")
    rows[line - 1][rows[0].index(column)] = value
    write_rows(pkg / f"{table}.csv", rows)


def _too_many_fields(pkg, sources):
    rows = read_rows(pkg / "glossary.csv")
    rows[3].append("extra")
    write_rows(pkg / "glossary.csv", rows)


def _missing_term_counts(pkg, sources):
    rows = read_rows(pkg / "term_counts.csv")
    write_rows(pkg / "term_counts.csv", rows[:1] + rows[2:])


def _stale_term_count(pkg, sources):
    rows = read_rows(pkg / "term_counts.csv")
    rows[3][2] = str(int(rows[3][2]) + 1)
    write_rows(pkg / "term_counts.csv", rows)


def _missing_source(pkg, sources):
    (sources / read_rows(pkg / "articles.csv")[1][1]).unlink()


def _too_few_links(pkg, sources):
    rows = read_rows(pkg / "practice_links.csv")
    aid = rows[1][0]
    write_rows(pkg / "practice_links.csv", [r for r in rows if r[0] != aid] + [r for r in rows if r[0] == aid][:2])
    coding = read_rows(pkg / "double_coding.csv")  # no stale double coding: the gap alone
    kept = {f"{r[1]}->{r[2]}" for r in read_rows(pkg / "practice_links.csv")[1:]}
    write_rows(pkg / "double_coding.csv", [r for r in coding if r[0] != "basis" or r[1] in kept])


FORMATS = {  # format: (break the copy, pattern on stdout, extra arguments)
    "file:line: column: message (a cell, by the contract)":
        (lambda pkg, src: _set_cell(pkg, "statistics", 2, "qualifier", "roughly"),
         r"^\S*statistics\.csv:2: qualifier: 'roughly' is not one of: ", []),
    "file:line: column: message (a cell, by a check)":
        (lambda pkg, src: _set_cell(pkg, "glossary", 2, "pinyin", "pingan zhejiang"),
         r"^\S*glossary\.csv:2: pinyin: 'pingan zhejiang' has no tone marks", []),
    "file:line: message (a row)": (_too_many_fields, r"^\S*glossary\.csv:4: row has 5 fields; the header has 4$", []),
    "file:1: column: message (the header)":
        (lambda pkg, src: write_rows(pkg / "glossary.csv", [[c if c != "pinyin" else "pīnyīn" for c in r] if i == 0 else r
                                                            for i, r in enumerate(read_rows(pkg / "glossary.csv"))]),
         r"^\S*glossary\.csv:1: pinyin: missing column \(datapackage\.json defines it\)$", []),
    "file:1: column: message (missing term counts)":
        (_missing_term_counts, r"^\S*term_counts\.csv:1: term_zh: no counts for article \S+ and term \S+: run "
                               r"`python3 run\.py pingan terms --refresh`", []),
    "file:line: column: message (stale term counts)":
        (_stale_term_count, r"^\S*term_counts\.csv:4: occurrences: \d+ but \S+ occurs \d+ times in \S+: run", []),
    "file:line: column: message (a missing source text)":
        (_missing_source, r"^\S*articles\.csv:2: source_file: '\S+\.txt' is not in ", []),
    "datapackage.json:1: message (no source texts at all)":
        (lambda pkg, src: None, r"^\S*datapackage\.json:1: source articles not found at \S*nowhere: quotes cannot be "
                                r"checked$", ["--require-sources"]),
    "datapackage.json:1: message (no data package)":
        (lambda pkg, src: (pkg / "datapackage.json").unlink(), r"^\S*datapackage\.json:1: datapackage\.json is missing$",
         []),
    "file:line: column: message (a gap in the curation)":
        (_too_few_links, r"^\S*articles\.csv:\d+: article_id: \S+ has 2 links between its practices in "
                         r"\S*practice_links\.csv; every article has at least 3$", []),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_prints_each_kind_of_problem_and_exits_one(fmt, package_copy, sources_dir, tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    brk, pattern, extra = FORMATS[fmt]
    brk(package_copy, sources)
    if "--require-sources" in extra:
        sources = tmp_path / "nowhere"
    out = run("validate", str(package_copy), "--sources", str(sources), *extra)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    lines = out.stdout.splitlines()
    assert any(re.search(pattern, line) for line in lines), out.stdout
    assert re.fullmatch(rf"{len(lines)} problems? in \S+\n", out.stderr), out.stderr
