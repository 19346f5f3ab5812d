"""Data-quality findings are computed from the tables and flag the known slips."""
import polars as pl
import pytest

import pingan


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


def test_the_checks_are_data_and_each_gives_one_finding(findings):
    """The declared checks live in consistency_checks.csv: a check added there is computed, with
    the table's meaning and unit; removing one removes its finding."""
    tables = pingan.load_all()
    checks = tables["consistency_checks"]
    declared = findings.filter(pl.col("kind").is_in(["implied_rate", "implied_total", "ratio"]))
    assert declared.height == checks.height
    stats = tables["statistics"]
    value = dict(zip(stats["stat_id"], stats["value"]))
    num, den = stats["stat_id"][0], stats["stat_id"][1]
    extra = pl.DataFrame({"kind": ["ratio"], "numerator": [num], "denominator": [den], "stated_rate": [None],
                          "unit": ["ratio"], "meaning_en": ["a test ratio"]}).cast(checks.schema)
    more = pingan.data_quality_findings(tables={**tables, "consistency_checks": pl.concat([checks, extra])})
    row = more.filter(pl.col("message_en").str.starts_with("a test ratio")).row(0, named=True)
    assert row["computed"] == pytest.approx(round(value[num] / value[den], 3)) and row["unit"] == "ratio"
    fewer = pingan.data_quality_findings(tables={**tables, "consistency_checks": checks.slice(1)})
    assert fewer.height == findings.height - 1


def test_validate_refuses_a_check_without_the_figures_its_kind_needs(package_copy):
    path = package_copy / "consistency_checks.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kind, num, den, rate, *rest = lines[1].split(",")
    assert kind == "implied_rate"
    lines[1] = ",".join([kind, num, den, "", *rest])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = pingan.validate(package_copy)
    assert any(p.column == "stated_rate" and "needs" in p.message for p in problems), problems


def test_every_finding_message_states_its_figure(findings):
    assert findings.height and findings["message_en"].str.contains(r"\d").all()


def test_n_annual_falls_compound_over_n_years(findings):
    """'5年连降、总量减半' (Jiaxing 2024): five annual falls that halve a total are 1 - 0.5 ** (1/5)
    a year (the halving is coded from a 2018 base to 2023), not four intervals from 2019."""
    row = findings.filter((pl.col("kind") == "annualised_change")
                          & pl.col("stat_ids").str.contains("jiaxing-2024-009")).row(0, named=True)
    assert row["computed"] == pytest.approx(-100 * (1 - 0.5 ** (1 / 5)), abs=0.01)
    assert "5 years" in row["message_en"]
