"""Origins, references, diffusion events and the double coding: broken packages through
pingan.validate (the checks themselves, each on a tiny in-memory table, are in tests/test_checks.py),
and Cohen's kappa on a table small enough to compute by hand."""
from __future__ import annotations

import csv

import polars as pl
import pytest

import pingan
from pingan.analysis import coder_agreement
from conftest import assert_reported


def _edit(path, row_id, column, value):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    i = rows[0].index(column)
    line = next(n for n, r in enumerate(rows) if r[0] == row_id)
    rows[line][i] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return line + 1  # the CSV line number


def test_broken_origin_reported_with_file_line_column(package_copy, sources_dir):
    """Through pingan.validate: a quote that is not in the article, a reference that does not exist, and a
    second origin place for one practice, each as file:line: column: message."""
    p = package_copy / "practices.csv"
    rows = list(csv.DictReader(open(p, encoding="utf-8")))
    quoted = next(r for r in rows if r["origin"] == "own" and not r["origin_basis"].startswith(("ref:", "unknown:")))
    line = _edit(p, quoted["practice_id"], "origin_basis", "本市全国首创的虚构做法")
    assert_reported(package_copy, sources_dir, rf"practices.csv:{line}: origin_basis: not found in the article", load=False)
    reffed = next(r for r in rows if r["origin_basis"].startswith("ref:"))
    line = _edit(p, reffed["practice_id"], "origin_basis", "ref:no-such-reference-2099")
    assert_reported(package_copy, sources_dir,
                    rf"practices.csv:{line}: origin_basis: 'no-such-reference-2099' is not a reference_id", load=False)
    seen = {}
    for r in rows:
        seen.setdefault(r["name_zh"].strip("“”"), []).append(r)
    pair = next(v for v in seen.values() if len(v) > 1)
    line = _edit(p, pair[1]["practice_id"], "origin_place", "330100")
    assert_reported(package_copy, sources_dir, rf"practices.csv:{line}: origin_place: 330100 but .* one origin_place")


def test_broken_event_foreign_key(package_copy, sources_dir):
    p = package_copy / "diffusion_events.csv"
    first = next(csv.DictReader(open(p, encoding="utf-8")))
    line = _edit(p, first["event_id"], "reference_id", "not-a-reference-2000")
    assert_reported(package_copy, sources_dir,
                    rf"diffusion_events.csv:{line}: reference_id: 'not-a-reference-2000' is not a reference_id in .*references.csv")


def test_kappa_by_hand():
    """Ten items, two categories. A: 6 x, 4 y; B: 5 x, 5 y; they agree on x for items 1-5 and on
    y for items 7-10, so p_o = 9/10; p_e = (6*5 + 4*5)/100 = 0.5;
    kappa = (0.9 - 0.5)/(1 - 0.5) = 0.8. A second field where they agree on everything: kappa 1."""
    a = ["x"] * 6 + ["y"] * 4
    b = ["x"] * 5 + ["y"] * 5
    coding = pl.DataFrame({"field": ["f"] * 10 + ["g"] * 2, "item_id": [str(i) for i in range(12)],
                           "coder_a": a + ["u", None], "coder_b": b + ["u", None],
                           "settled": a + ["u", None], "reason": [None] * 12})
    got = coder_agreement(tables={"double_coding": coding})
    assert got["field"].to_list() == ["f", "g"]
    f = got.row(0, named=True)
    assert (f["items"], f["agreements"], f["disagreements"]) == (10, 9, 1)
    assert f["observed"] == pytest.approx(0.9) and f["expected"] == pytest.approx(0.5)
    assert f["kappa"] == pytest.approx(0.8)
    assert got.row(1, named=True)["kappa"] == pytest.approx(1.0)


def test_double_coding_matches_the_data(reported):
    """The settled values in the double coding are the values in the data (coding-settled), and every
    practice's origin and origin place and every link's basis is double-coded (double-coded)."""
    assert reported("coding-settled", "coding-stage", "double-coded") == []


def test_readme_reports_the_agreement_the_data_gives():
    """The README's kappas are the ones coder_agreement computes from the double coding."""
    import re
    from pathlib import Path

    import pingan.analysis
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    said = dict(re.findall(r"(origin place|origin|link basis) (\d\.\d\d)", readme))
    k = dict(pingan.analysis.coder_agreement().select("field", "kappa").iter_rows())
    assert said == {"origin": f"{k['origin']:.2f}", "origin place": f"{k['origin_place']:.2f}",
                    "link basis": f"{k['basis']:.2f}"}
