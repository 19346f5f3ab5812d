"""Origins, references, diffusion events and the double coding: the checks, each on a tiny
in-memory table, one broken package through pingan.validate, and Cohen's kappa on a table
small enough to compute by hand."""
from __future__ import annotations

import csv

import polars as pl
import pytest

import pingan
from pingan.analysis import coder_agreement
from pingan.package.checks._origins import check_event_practices, check_one_origin_place, check_origin_basis
from conftest import assert_reported

ARTICLE = "一是首创民情民访代办工作,二是大力推进“雪亮工程”建设。"


def _practices(rows):
    return pl.DataFrame(rows, schema=["practice_id", "article_id", "name_zh", "origin", "origin_place", "origin_basis"],
                        orient="row")


def test_origin_basis_quote_ref_or_unknown():
    df = _practices([
        ("p1", "a1", "代办", "own", "330700", "首创民情民访代办"),            # words of the article: fine
        ("p2", "a1", "雪亮工程", "national", None, "ref:known-2015"),        # a known reference: fine
        ("p3", "a1", "x", "unknown", None, "unknown: no creation wording"),  # fine
        ("p4", "a1", "y", "own", None, "全国首创"),                           # not in the article
        ("p5", "a1", "z", "national", None, "ref:missing-2020"),             # unknown reference
        ("p6", "a1", "w", "own", None, "unknown: silent"),                   # unknown: but origin own
        ("p7", "a1", "v", "unknown", None, "大力推进"),                        # unknown must say what is missing
    ])
    problems = check_origin_basis("practices.csv", [2, 3, 4, 5, 6, 7, 8], df, {"known-2015"},
                                  lambda aid: ARTICLE.replace(" ", ""))
    got = {(p.line, p.column) for p in problems}
    assert got == {(5, "origin_basis"), (6, "origin_basis"), (7, "origin_basis"), (8, "origin_basis")}
    assert "missing-2020" in next(str(p) for p in problems if p.line == 6)
    # without the articles, quotes are not checked but the rest still is
    assert {p.line for p in check_origin_basis("practices.csv", [2, 3, 4, 5, 6, 7, 8], df, {"known-2015"}, None)} \
        == {6, 7, 8}


def test_one_practice_one_origin_place():
    df = _practices([
        ("a", "a1", "三治融合", "national", "330483", "ref:r-2017"),
        ("b", "a2", "“三治融合”", "own", "330483", "首发于嘉兴"),      # same practice, same place: fine
        ("c", "a3", "三治融合", "national", "330400", "ref:r-2017"),   # same practice, other place
        ("d", "a3", "雪亮工程", "national", None, "ref:r-2015"),
        ("e", "a4", "雪亮工程", "national", "371326", "ref:r-2015"),   # empty against a place
    ])
    problems = check_one_origin_place("practices.csv", [2, 3, 4, 5, 6], df)
    assert [(p.line, p.column) for p in problems] == [(4, "origin_place"), (6, "origin_place")]
    assert "line 2" in str(problems[0])


def test_event_practice_in_its_own_article():
    practices = _practices([("p1", "a1", "n", "own", None, "q"), ("p2", "a2", "m", "own", None, "q")])
    events = pl.DataFrame({"article_id": ["a1", "a1"], "practice_id": ["p1", "p2"]})
    problems = check_event_practices("diffusion_events.csv", [2, 3], events, practices)
    assert [(p.line, p.column) for p in problems] == [(3, "practice_id")]


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


def test_double_coding_matches_the_data():
    """The settled values in the double coding are the values in the data."""
    t = pingan.load_all()
    settled = {(r["field"], r["item_id"]): r["settled"] for r in t["double_coding"].iter_rows(named=True)}
    pr = t["practices"].with_columns(pl.col("origin").cast(pl.String))
    for r in pr.iter_rows(named=True):
        assert settled[("origin", r["practice_id"])] == r["origin"]
        assert settled[("origin_place", r["practice_id"])] == r["origin_place"]
    links = t["practice_links"].with_columns(pl.col("basis").cast(pl.String))
    assert sum(f == "basis" for f, _ in settled) == links.height
    for r in links.iter_rows(named=True):
        assert settled[("basis", f"{r['from_practice']}->{r['to_practice']}")] == r["basis"]


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
