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


def _tiny_stats(tables, rows):
    """The tables with ``statistics`` replaced by ``rows`` (dicts over a real row's columns)."""
    base = tables["statistics"].row(0, named=True)
    frame = pl.DataFrame([{**base, **r} for r in rows], schema=tables["statistics"].schema)
    return {**tables, "statistics": frame, "consistency_checks": tables["consistency_checks"].clear()}


def test_over_the_past_n_years_gives_both_yearly_rates_and_no_single_one():
    """诉讼案件总量5年来降幅达25.9% with 2019-2023 inferred: four yearly steps or five, the article
    does not say; a stated period, or one that is not N calendar years, keeps one rate."""
    tables = pingan.load_all()
    ind = tables["statistics"]["indicator"][0]
    rows = [dict(stat_id="t-1", indicator=ind, measure="change_pct", value=-25.9, period="2019-2023",
                 period_basis="inferred", quote="总量5年来降幅达25.9%"),
            dict(stat_id="t-2", indicator=ind, measure="change_pct", value=-25.9, period="2019-2023",
                 period_basis="stated", quote="总量5年来降幅达25.9%"),
            dict(stat_id="t-3", indicator=ind, measure="change_pct", value=-25.9, period="2018-2023",
                 period_basis="inferred", quote="总量5年来降幅达25.9%")]
    f = pingan.data_quality_findings(tables=_tiny_stats(tables, rows)).filter(pl.col("kind") == "annualised_change")
    by = {r["stat_ids"]: r for r in f.iter_rows(named=True)}
    assert by["t-1"]["computed"] is None
    four, five = 100 * (0.741 ** (1 / 4) - 1), 100 * (0.741 ** (1 / 5) - 1)
    assert f"{four:+.1f}% a year if the window is the 5 years 2019 to 2023, 4 yearly steps" in by["t-1"]["message_en"]
    assert f"{five:+.1f}% a year if it is 5 yearly steps from 2018" in by["t-1"]["message_en"]
    assert by["t-2"]["computed"] == pytest.approx(four, abs=0.01)
    assert by["t-3"]["computed"] == pytest.approx(five, abs=0.01)


@pytest.mark.parametrize("value, words", [(78.7, "to one decimal"), (23.35, "to two decimals"), (1.125, "to three decimals")])
def test_a_repeated_figure_is_described_to_its_printed_decimals(value, words):
    tables = pingan.load_all()
    a, b = tables["indicators"]["indicator"][:2]
    rows = [dict(stat_id=f"t-{i}", indicator=ind, measure="change_pct", value=value, period="2019",
                 period_basis="stated", quote="x") for i, ind in enumerate((a, b))]
    f = pingan.data_quality_findings(tables=_tiny_stats(tables, rows)).filter(pl.col("kind") == "repeated_value")
    assert f.height == 1 and words in f["message_en"][0]
