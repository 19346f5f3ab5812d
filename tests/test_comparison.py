"""Shared indicators with the largest fall computed right; honours without streaks of decline."""
import polars as pl
import pytest

import pingan


@pytest.fixture(scope="module")
def tables(data_dir):
    return pingan.load_all(data_dir)


def test_largest_fall_is_the_most_negative_change(tables):
    summary = pingan.shared_indicator_summary(tables=tables)
    stats = tables["statistics"].filter(pl.col("measure") == "change_pct")
    assert summary.height > 0
    for r in summary.iter_rows(named=True):
        rows = stats.filter(pl.col("indicator") == r["indicator"])
        assert rows["article_id"].n_unique() == r["articles"] >= 2
        assert r["largest_fall"] == rows["value"].min() < 0
        assert stats.filter(pl.col("stat_id") == r["largest_fall_stat_id"])["value"].item() == r["largest_fall"]
        assert r["largest_rise"] is None or r["largest_rise"] == rows["value"].max() > 0
    thefts = summary.filter(pl.col("indicator") == "thefts").row(0, named=True)
    values = stats.filter(pl.col("indicator") == "thefts")["value"]
    assert thefts["largest_fall"] == values.min() != values.max()  # the notebook's max() gave the smaller fall


def test_shared_rows_keep_each_articles_figure_and_period(tables):
    rows = pingan.shared_indicators(tables=tables)
    summary = pingan.shared_indicator_summary(tables=tables)
    assert set(rows["indicator"]) == set(summary["indicator"])
    assert rows.filter(pl.col("period").is_null()).height == 0
    marked = rows.filter(pl.col("is_largest_fall"))
    assert set(marked["stat_id"]) == set(summary["largest_fall_stat_id"])
    assert pingan.shared_indicators(min_articles=3, tables=tables)["articles"].min() >= 3
    with pytest.raises(ValueError, match="change_pct"):
        pingan.shared_indicators("level", tables=tables)


def test_a_rise_is_reported_as_a_rise(tables):
    stats = tables["statistics"]
    rise = stats.filter(pl.col("stat_id") == "jinhua-2020-003").with_columns(
        stat_id=pl.lit("wucheng-2020-999"), article_id=pl.lit("wucheng-2020"), value=pl.lit(12.5))
    more = {**tables, "statistics": pl.concat([stats, rise])}
    r = pingan.shared_indicator_summary(tables=more).filter(pl.col("indicator") == "criminal_cases").row(0, named=True)
    assert r["largest_rise"] == 12.5 and r["largest_fall"] < 0


def test_honours_exclude_streaks_of_decline(tables):
    h = pingan.honours(tables=tables)
    streaks = pingan.outcome_streaks(tables=tables)
    domains = dict(tables["indicators"].select("indicator", pl.col("domain").cast(pl.String)).iter_rows())
    assert h.height > 0 and (h["domain"] == "honours").all()
    assert not h["name_en"].str.contains(r"(?i)declin|falling|fell").any()
    honour_ids = set(tables["statistics"].filter(
        pl.col("indicator").replace_strict(domains) == "honours")["stat_id"])
    assert set(h["stat_id"]) == honour_ids
    assert "gdp_hundred_billion_steps" not in h["indicator"].to_list()
    # every count of years in a row outside the honours domain is a streak, none an honour
    years = tables["statistics"].filter(pl.col("measure") == "count_years")
    not_honours = {r["stat_id"] for r in years.iter_rows(named=True) if domains[r["indicator"]] != "honours"}
    assert not_honours and set(streaks["stat_id"]) == not_honours
    assert not not_honours & set(h["stat_id"])


def test_article_filters_and_unknown_ids(tables):
    h = pingan.honours("jinhua-2017", tables=tables)
    assert set(h["article_id"]) == {"jinhua-2017"} and h.height > 0
    for helper in (pingan.honours, pingan.outcome_streaks, pingan.outcome_claims):
        with pytest.raises(ValueError, match=r"unknown article id 'jinhua-1999'; valid ids: jinhua-2017"):
            helper("jinhua-1999", tables=tables)
