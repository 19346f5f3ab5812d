"""Per-resident figures: only capacity counts, only where two or more places can be compared,
each with the year of its figure and of the population."""
import polars as pl
import pytest

import pingan
from pingan.analysis._percapita import PER_RESIDENT_INDICATORS

OLD_COLUMNS = ["stat_id", "article_id", "place_code", "period", "indicator", "name_en", "name_zh", "value",
               "qualifier", "as_written", "population", "population_year", "per_10k", "quote"]


@pytest.fixture(scope="module")
def tables(data_dir):
    return pingan.load_all(data_dir)


def _with_statistic(tables, **row):
    """A copy of the tables with one more statistic (the rest of the row copied from a real one)."""
    stats = tables["statistics"]
    base = stats.row(0, named=True) | row
    extra = pl.DataFrame([base], schema=stats.schema)
    return {**tables, "statistics": pl.concat([stats, extra])}


def test_only_comparable_capacity_counts(tables):
    pc = pingan.per_capita_figures(tables=tables)
    assert set(OLD_COLUMNS) <= set(pc.columns)  # the chart code selects stat_id, population, per_10k
    assert pc.height > 0
    assert set(pc["indicator"]) <= set(PER_RESIDENT_INDICATORS)
    domains = dict(tables["indicators"].select("indicator", pl.col("domain").cast(pl.String)).iter_rows())
    assert not {domains[i] for i in pc["indicator"]} & {"honours", "economy", "population"}
    assert set(pc["family"]) == {PER_RESIDENT_INDICATORS[i] for i in pc["indicator"]}
    places = pc.group_by("family").agg(pl.col("place_code").n_unique().alias("n"), pl.col("places_compared").first())
    assert places.filter(pl.col("n") < 2).height == 0
    assert (places["n"] == places["places_compared"]).all()
    stats = tables["statistics"].filter(pl.col("stat_id").is_in(pc["stat_id"].implode()))
    assert (stats["measure"].cast(pl.String) == "level").all()


def test_each_figure_carries_its_year_and_the_census_year(tables):
    pc = pingan.per_capita_figures(tables=tables)
    assert pc["figure_year"].to_list() == [int(p[-4:]) for p in pc["period"]]
    assert set(pc["population_year"]) == {2020}
    assert ((pc["per_10k"] - pc["value"] / pc["population"] * 10_000).abs() < 1e-9).all()
    # the figure of a kind reported once (mediators: Jinhua only) is not divided
    assert "mediators" not in pc["indicator"].to_list()
    assert "registered_volunteers" in pc["indicator"].to_list()


def test_compare_by_indicator_needs_the_same_indicator_in_two_places(tables):
    strict = pingan.per_capita_figures(tables=tables, compare_by="indicator")
    assert strict.group_by("indicator").agg(pl.col("place_code").n_unique().alias("n")).filter(pl.col("n") < 2).height == 0
    # give Quzhou a camera count: cameras become comparable, Jinhua's mediators still are not
    more = _with_statistic(tables, stat_id="quzhou-2024-999", article_id="quzhou-2024", place_code="330800",
                           period="2023", indicator="video_cameras", value=20000.0, measure="level")
    strict = pingan.per_capita_figures(tables=more, compare_by="indicator")
    assert set(strict["indicator"]) == {"video_cameras"}
    assert set(strict["place_code"]) == {"330700", "330800"}
    # an honour reported for two places is never divided
    more = _with_statistic(tables, stat_id="quzhou-2024-998", article_id="quzhou-2024", place_code="330800",
                           indicator="national_moral_models", value=3.0, measure="level")
    assert "national_moral_models" not in pingan.per_capita_figures(tables=more, compare_by="indicator")["indicator"].to_list()


def test_rejects_an_unknown_comparison(tables):
    with pytest.raises(ValueError, match="compare_by"):
        pingan.per_capita_figures(tables=tables, compare_by="city")
