"""`pingan draft`: proposed statistics and exclusions rows for a curator, and how often the
proposals agree with the curated rows of the five articles."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from pingan.workbench._draft import EXCLUSIONS_COLUMNS, STATISTICS_COLUMNS, draft_article, draft_match_rate

# Measured on the five articles (pingan draft --match-rate): value with its sign 138/141 = 97.9%;
# value, unit and qualifier 135/141 = 95.7%. The floors leave room for new curated rows that
# the draft cannot guess, not for a draft that got worse.
VALUE_FLOOR, ALL_FLOOR = 0.95, 0.93


def test_match_rate_on_the_five_articles(data_dir, sources_dir):
    r = draft_match_rate(data_dir, sources_dir)
    with open(data_dir / "statistics.csv", encoding="utf-8", newline="") as f:
        assert r["curated"] == sum(1 for _ in csv.DictReader(f))
    assert set(r["articles"]) == {"jinhua-2017", "jinhua-2020", "wucheng-2020", "quzhou-2024", "jiaxing-2024"}
    assert r["value_rate"] >= VALUE_FLOOR, r["misses"]
    assert r["all_rate"] >= ALL_FLOOR, r["misses"]


def _stats(rows):
    return [r.row for r in rows if r.kind == "statistic"]


def test_sign_qualifier_unit_and_period_guesses():
    text = "去年，全市刑事案件同比下降26.9%，志愿者超过12万人。今年以来，调解纠纷1200余件，满意度提高0.5个百分点。"
    stats = _stats(draft_article(text, "t-2020", "2020"))
    got = [(s["as_written"], s["value"], s["unit"], s["measure"], s["qualifier"], s["period"], s["period_basis"])
           for s in stats]
    assert got == [
        ("26.9%", "-26.9", "percent", "change_pct", "exact", "2019", "stated"),
        ("超过12万", "120000", "people", "level", "at_least", "2019", "stated"),
        ("1200余", "1200", "count", "level", "at_least", "2020", "stated"),
        ("0.5个百分点", "0.5", "percentage-points", "change_pp", "exact", "2020", "stated"),
    ]
    assert stats[0]["quote"] == "全市刑事案件同比下降26.9%"


def test_targets_spans_and_undated_numbers():
    text = "2004年以来，共建成平安村1000个。到2025年，力争覆盖率达到百分之九十五。共有一万二千名志愿者。"
    stats = _stats(draft_article(text, "t-2017", "2017"))
    assert [(s["value"], s["period"], s["period_basis"]) for s in stats] == [
        ("1000", "2004-2017", "stated"), ("95", "2025", "target"), ("12000", "2017", "inferred")]


def test_dates_and_ordinals_are_proposed_as_exclusions():
    text = "2019年3月24日，义乌市第三次召开会议，第一名的得分为98分。"
    rows = draft_article(text, "t-2020", "2020")
    excl = [(r.row["as_written"], r.row["reason"]) for r in rows if r.kind == "exclusion"]
    assert excl == [("2019", "date"), ("3", "date"), ("24", "date"), ("第三", "ordinal"), ("第一", "ordinal")]
    assert [s["as_written"] for s in _stats(rows)] == ["98"]


def test_proposals_use_the_contracts_values(data_dir, sources_dir):
    """Every proposed row would pass the contract's enums and patterns (indicator aside)."""
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in pkg["resources"] if "schema" in r}
    assert list(fields["statistics"]) == STATISTICS_COLUMNS
    assert list(fields["exclusions"]) == EXCLUSIONS_COLUMNS
    for path in sorted(sources_dir.glob("*.txt")):
        for r in draft_article(path.read_text(encoding="utf-8"), "a-2024", "2024", "330800"):
            table = fields["statistics" if r.kind == "statistic" else "exclusions"]
            for col, f in table.items():
                enum = f.get("constraints", {}).get("enum")
                if enum:
                    assert r.row[col] in enum, (col, r.row)
            if r.kind == "statistic":
                float(r.row["value"])
                assert r.row["as_written"] in r.row["quote"]


def _run(*args):
    return subprocess.run([sys.executable, "-m", "pingan", *args], capture_output=True, text=True)


def test_cli_writes_both_tables(tmp_path, data_dir):
    article = tmp_path / "new.txt"
    article.write_text("今年，全市发案数下降5.2%，\n破获案件一百二十起。", encoding="utf-8")
    out = _run("draft", str(article), "--article-id", "new-2025", "--published", "2025-03-01",
               "--out-dir", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    with open(tmp_path / "out" / "statistics.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(data_dir / "statistics.csv", encoding="utf-8", newline="") as f:
        assert list(rows[0]) == next(csv.reader(f))
    assert [(r["value"], r["unit"], r["period"]) for r in rows] == [("-5.2", "percent", "2025"), ("120", "count", "2025")]
    assert (tmp_path / "out" / "exclusions.csv").read_text(encoding="utf-8").startswith(",".join(EXCLUSIONS_COLUMNS))


@pytest.mark.parametrize("args", [[], ["--article-id", "new-2025"], ["--article-id", "x", "--published", "March"]])
def test_cli_needs_an_id_and_a_date_for_a_new_article(tmp_path, args):
    article = tmp_path / "new.txt"
    article.write_text("破获案件12起。", encoding="utf-8")
    out = _run("draft", str(article), *args)
    assert out.returncode == 2
    assert "pingan draft:" in out.stderr


def test_cli_match_rate_prints_the_figure(data_dir, sources_dir):
    out = _run("draft", "--match-rate", "--data-dir", str(data_dir), "--sources", str(sources_dir))
    assert out.returncode == 0, out.stderr
    assert "of curated statistics" in out.stdout and "%" in out.stdout
