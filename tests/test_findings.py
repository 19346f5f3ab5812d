"""Data-quality findings are computed from the tables and flag the known slips."""
import polars as pl
import pytest

import pingan
from pingan.analysis._findings import RATIO_CHECKS


@pytest.fixture(scope="module")
def findings():
    return pingan.data_quality_findings()


def test_repeated_percentages_are_flagged(findings):
    rep = findings.filter(pl.col("kind") == "repeated_value")
    assert set(rep["stat_ids"]) == {"quzhou-2024-007,quzhou-2024-008", "wucheng-2020-012,wucheng-2020-013"}


def test_growth_is_computed_from_the_stated_levels(findings):
    stats = pingan.load("statistics")
    gdp = dict(stats.filter(pl.col("indicator") == "gdp").select("period", "value").iter_rows())
    expected = 100 * ((gdp["2023"] / gdp["2004"]) ** (1 / 19) - 1)
    row = findings.filter((pl.col("kind") == "growth") & pl.col("stat_ids").str.contains("jiaxing-2024-002"))
    assert row["computed"][0] == pytest.approx(expected, abs=0.01)


def test_implied_rate_disagrees_with_stated(findings):
    row = findings.filter(pl.col("kind") == "implied_rate").row(0, named=True)
    assert row["computed"] == pytest.approx(98.0, abs=0.05) and row["stated"] == 98.2


def test_every_declared_check_refers_to_existing_statistics():
    ids = set(pingan.load("statistics")["stat_id"])
    for _, *refs, _ in RATIO_CHECKS:
        assert {r for r in refs if r} <= ids


def test_every_finding_message_states_its_figure(findings):
    assert findings.height and findings["message_en"].str.contains(r"\d").all()


def test_n_annual_falls_compound_over_n_years(findings):
    """'5年连降、总量减半' (Jiaxing 2024): five annual falls that halve a total are 1 - 0.5 ** (1/5)
    a year (the halving is coded from a 2018 base to 2023), not four intervals from 2019."""
    row = findings.filter((pl.col("kind") == "annualised_change")
                          & pl.col("stat_ids").str.contains("jiaxing-2024-009")).row(0, named=True)
    assert row["computed"] == pytest.approx(-100 * (1 - 0.5 ** (1 / 5)), abs=0.01)
    assert "5 years" in row["message_en"]
