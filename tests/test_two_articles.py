"""Two articles side by side (pingan.template_shift, term_shift, figures_in_both and
two_articles_chart) and one article's capacity (pingan.charts.capacity_chart): the numbers match the
curated tables, the charts keep the style guide (finding titles, one source line naming the
tables drawn, labelled values, quotes on hover, no slug on an axis), bad arguments are refused."""
from __future__ import annotations


import polars as pl
import pytest

from chart_specs import inner_title, mark_type, units


import pingan
from conftest import public

TABLES = pingan.load_all()
A, B = "jinhua-2017", "jinhua-2020"


def _families(aid):
    return (TABLES["practices"].filter(pl.col("article_id") == aid)
            .with_columns(pl.col("family").cast(pl.String))["family"].value_counts())


# --- data ------------------------------------------------------------------------------------

def test_template_shift_counts_each_articles_practices():
    s = pingan.template_shift(A, B, tables=TABLES)
    assert s.height == len(TABLES["practices"].schema["family"].categories) and s["family"][-1] == "local"
    for aid, col in ((A, "practices_a"), (B, "practices_b")):
        counts = dict(_families(aid).iter_rows())
        assert dict(zip(s["family"], s[col])) == {f: counts.get(f, 0) for f in s["family"]}
        assert s[col].sum() == TABLES["practices"].filter(pl.col("article_id") == aid).height
    only_b = set(s.filter(pl.col("status") == "only_b")["family"])
    assert only_b == set(_families(B)["family"]) - set(_families(A)["family"])
    assert {"party-building-led", "fengqiao", "three-governances"} <= only_b   # named in 2020, not in 2017
    assert (s["change"] == s["practices_b"] - s["practices_a"]).all()


def test_term_shift_rates_come_from_the_stored_counts():
    s = pingan.term_shift(A, B, tables=TABLES)
    counts = TABLES["term_counts"]
    row = s.filter(pl.col("term") == "党建").row(0, named=True)
    stored = counts.filter((pl.col("article_id") == B) & (pl.col("term_zh") == "党建")).row(0, named=True)
    assert row["occurrences_b"] == stored["occurrences"]
    assert row["per_1000_b"] == pytest.approx(stored["occurrences"] / stored["characters"] * 1000)
    assert s["change"].is_sorted(descending=True)
    assert set(s["status"]) <= {"only_a", "only_b", "both", "neither"}


def test_figures_in_both_are_the_indicators_both_report():
    f = pingan.figures_in_both(A, B, tables=TABLES)
    stats = TABLES["statistics"]
    expected = set(stats.filter(pl.col("article_id") == A)["indicator"]) & set(stats.filter(pl.col("article_id") == B)["indicator"])
    assert set(f["indicator"]) == expected and expected
    cams = f.filter(pl.col("indicator") == "video_cameras").row(0, named=True)
    assert "3.2万" in cams["printed_a"] and cams["figures_b"] == stats.filter(
        (pl.col("article_id") == B) & (pl.col("indicator") == "video_cameras")).height


@pytest.mark.parametrize("fn", ["template_shift", "term_shift", "figures_in_both"])
def test_unknown_or_repeated_article_is_refused(fn):
    with pytest.raises(ValueError, match="valid ids: jinhua-2017"):
        public(fn)(A, "hangzhou-2024", tables=TABLES)
    with pytest.raises(ValueError, match="two different articles"):
        public(fn)(A, A, tables=TABLES)


# --- charts ------------------------------------------------------------------------------------

CASES = [("two_articles_chart", (A, B), {"by": "templates"}, ["practices.csv"]),
         ("two_articles_chart", (A, B), {"by": "terms"}, ["term_counts.csv", "governance_terms.csv"]),
         ("two_articles_chart", ("jinhua-2020", "quzhou-2024"), {"by": "templates"}, ["practices.csv"]),
         ("capacity_chart", (A,), {"domains": ["technology", "volunteers"]}, ["statistics.csv", "population.csv"]),
         ("capacity_chart", ("quzhou-2024",), {}, ["statistics.csv"])]


def test_values_labelled_and_quotes_on_hover_without_a_colour_legend():
    for name, args, kw, _ in CASES:
        spec = public(name)(*args, tables=TABLES, **kw).to_dict()
        texts = [rows for u, rows in units(spec) if mark_type(u) == "text"]
        assert texts and all(r.get("shown") for rows in texts for r in rows), name
        for unit, rows in units(spec):
            enc = unit.get("encoding", {})
            assert "field" not in enc.get("color", {})   # colour is fixed, so no legend
            if mark_type(unit) in ("circle", "point") and kw.get("by") != "terms":
                assert "quote" in {t.get("field") for t in enc.get("tooltip", [])}, name


def test_templates_title_names_what_only_the_second_article_names():
    title = inner_title(pingan.charts.two_articles_chart(A, B, tables=TABLES).to_dict())["text"]
    s = pingan.template_shift(A, B, tables=TABLES)
    new = s.filter(pl.col("status") == "only_b")
    assert title.startswith(f"Jinhua 2020 names {new.height} templates Jinhua 2017 did not")
    for f in new["family"]:
        assert pingan.labels.family_label(f, "en") in title


def test_terms_title_names_the_largest_rise_and_fall():
    title = inner_title(pingan.charts.two_articles_chart(A, B, by="terms", tables=TABLES).to_dict())["text"]
    s = pingan.term_shift(A, B, tables=TABLES)
    assert f"({s['term'][0]}) rises most" in title and f"({s['term'][-1]}) falls most" in title
    assert f"{s['per_1000_a'][-1]:.1f} → {s['per_1000_b'][-1]:.1f}" in title


def test_capacity_per_resident_only_for_capacity_with_a_census_figure():
    spec = pingan.charts.capacity_chart(A, tables=TABLES).to_dict()
    rows = next(rows for u, rows in units(spec) if mark_type(u) == "circle")
    pop = TABLES["population"].filter(pl.col("place_code") == "330700")["population"][0]
    for r in rows:
        if r["indicator"] in pingan.analysis.PER_RESIDENT_INDICATORS:
            assert r["per_10k"] == pytest.approx(r["value"] / pop * 10_000)
            assert "per 10,000 residents" in r["shown"]
        else:
            assert r["per_10k"] is None
    assert "honours" not in {r["domain"] for r in rows}
    vols = next(r for r in rows if r["indicator"] == "registered_volunteers")
    assert f"about {vols['per_10k']:,.0f} for every 10,000" in inner_title(spec)["text"]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="by must be one of"):
        pingan.charts.two_articles_chart(A, B, by="words", tables=TABLES)
    with pytest.raises(ValueError, match="valid ids"):
        pingan.charts.two_articles_chart(A, "hangzhou-2024", tables=TABLES)
    with pytest.raises(ValueError, match="valid domains: crime"):
        pingan.charts.capacity_chart(A, domains=["cameras"], tables=TABLES)
    with pytest.raises(ValueError, match="no count in the domain"):
        pingan.charts.capacity_chart(A, domains=["crime"], tables=TABLES)
    with pytest.raises(ValueError, match="lang must be"):
        pingan.charts.two_articles_chart(A, B, tables=TABLES, lang="fr")
