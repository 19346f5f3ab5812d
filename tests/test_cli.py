"""The command line: validate, extract, coverage, dictionary."""
import json
import subprocess
import sys


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
