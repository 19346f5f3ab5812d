"""Outcome claims: plain English, the base and comparison an article gives, and a verdict."""
import polars as pl
import pytest

import pingan


@pytest.fixture(scope="module")
def tables(data_dir):
    return pingan.load_all(data_dir)


@pytest.fixture(scope="module")
def claims(tables):
    return pingan.outcome_claims(tables=tables)


def _claim(claims, stat_id):
    rows = claims.filter(pl.col("stat_id") == stat_id)
    assert rows.height == 1, stat_id
    return rows.row(0, named=True)


def test_quzhou_theft_claim_has_no_base(claims, tables):
    r = _claim(claims, "quzhou-2024-007")
    stat = tables["statistics"].filter(pl.col("stat_id") == "quzhou-2024-007").row(0, named=True)
    assert r["claim_en"] == f"Theft cases in Quzhou fell by {abs(stat['value']):g}% between 2004 and 2023"
    assert r["as_written"] == stat["as_written"] and r["period"] == "2004-2023"
    assert r["period_basis"] == "stated"
    assert (r["base_given"], r["comparison_given"]) == (False, False)
    assert r["verdict"] == "no base: size of change cannot be judged"


def test_a_level_for_the_period_is_a_base(tables):
    """Give the article Quzhou's thefts in 2004: the same claim now has a base."""
    stats = tables["statistics"]
    level = stats.filter(pl.col("stat_id") == "quzhou-2024-007").with_columns(
        stat_id=pl.lit("quzhou-2024-999"), period=pl.lit("2004"), value=pl.lit(10000.0),
        measure=pl.lit("level").cast(stats.schema["measure"]), unit=pl.lit("count").cast(stats.schema["unit"]))
    claims = pingan.outcome_claims("quzhou-2024", tables={**tables, "statistics": pl.concat([stats, level])})
    r = _claim(claims, "quzhou-2024-007")
    assert (r["base_given"], r["base_stat_ids"], r["verdict"]) == (True, "quzhou-2024-999", "base given")
    assert "quzhou-2024-999" not in claims["stat_id"].to_list()  # a level is not itself a claim


def test_rates_with_their_counts_have_a_base(claims):
    r = _claim(claims, "wucheng-2020-009")
    assert set(r["base_stat_ids"].split(",")) == {"wucheng-2020-007", "wucheng-2020-008"}
    assert r["verdict"] == "base given; period inferred"
    r = _claim(claims, "jinhua-2020-002")  # +0.26 points, with the level 96.58% beside it
    assert r["claim_en"].endswith("rose by 0.26 percentage points in 2019")
    assert r["base_stat_ids"] == "jinhua-2020-001"
    r = _claim(claims, "jiaxing-2024-006")  # 97.2% in 2023, against 94.7% in 2004
    assert r["comparison_stat_ids"] == "jiaxing-2024-005" and not r["base_given"]
    assert r["verdict"] == "no base: numerator and denominator not given"


def test_every_outcome_change_is_a_claim_in_plain_english(claims, tables):
    domains = dict(tables["indicators"].select("indicator", pl.col("domain").cast(pl.String)).iter_rows())
    stats = tables["statistics"].with_columns(domain=pl.col("indicator").replace_strict(domains))
    crime = stats.filter((pl.col("domain") == "crime") & (pl.col("measure") == "change_pct"))
    assert set(crime["stat_id"]) <= set(claims["stat_id"])
    kept = stats.filter(pl.col("stat_id").is_in(claims["stat_id"].implode()))
    assert not set(kept["domain"]) & {"honours", "economy", "population", "party-building"}
    assert set(kept["measure"].cast(pl.String)) <= {"change_pct", "change_pp", "rate_pct", "share_pct"}
    for r in claims.iter_rows(named=True):
        assert "_" not in r["claim_en"] and r["indicator"] not in r["claim_en"], r["claim_en"]
        assert r["claim_en"].startswith(r["name_en"])
        assert ("period inferred" in r["verdict"]) == (r["period_basis"] == "inferred")
        assert r["verdict"].startswith("base given") == r["base_given"]


def test_one_article(tables):
    c = pingan.outcome_claims(["wucheng-2020"], tables=tables)
    assert set(c["article_id"]) == {"wucheng-2020"} and c.height > 0
