"""Analysis values and boundaries pinned on tiny hand-made tables (answers computed by hand), and
cases written for survivors of benchmarks/mutation.py."""
from __future__ import annotations

import polars as pl
import pytest

import pingan
from pingan.analysis._agreement import coder_agreement, cohen_kappa
from pingan.analysis._claims import _base_ids, _period_words, _verdict, _years
from pingan.analysis._remainder import remainder_break_even, remainder_change

TABLES = pingan.load_all()


# --- coder agreement: kappa by hand --------------------------------------------------------

def test_cohen_kappa_by_hand():
    # 4 items, 3 alike: p_o = 3/4; marginals a: x3 y1, b: x2 y2 → p_e = (3·2 + 1·2)/16 = 1/2
    assert cohen_kappa(["x", "x", "x", "y"], ["x", "x", "y", "y"]) == pytest.approx((0.75 - 0.5) / 0.5)
    assert cohen_kappa(["x", "x"], ["x", "x"]) == 1.0  # one category throughout: p_e = 1
    assert cohen_kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)
    assert cohen_kappa([None, "x"], [None, "x"]) == 1.0  # an empty value is a category of its own
    for a, b in (([], []), (["x"], ["x", "y"])):
        with pytest.raises(ValueError):
            cohen_kappa(a, b)


def test_coder_agreement_on_a_tiny_double_coding():
    d = pl.DataFrame({"field": ["family", "family", "family", "family", "tier", "tier"],
                      "coder_a": ["x", "x", "x", "y", "a", "b"], "coder_b": ["x", "x", "y", "y", "a", "b"]})
    out = coder_agreement(tables={"double_coding": d})
    assert out["field"].to_list() == ["family", "tier"]
    fam = out.row(0, named=True)
    assert (fam["items"], fam["agreements"], fam["disagreements"]) == (4, 3, 1)
    assert fam["observed"] == 0.75 and fam["expected"] == 0.5 and fam["kappa"] == pytest.approx(0.5)
    tier = out.row(1, named=True)
    assert tier["expected"] == 0.5 and tier["kappa"] == 1.0


# --- what a fall in a whole and a part imply for the rest ----------------------------------

def test_remainder_change_by_hand():
    # total −32%, part −78.7%, part 20% of the total at the start:
    # rest = (1 − 0.32 − 0.2·0.213) / 0.8 − 1 = −0.20325; at 0.5: (0.68 − 0.1065) / 0.5 − 1 = 0.147
    r = remainder_change(-32, -78.7, [0.0, 0.2, 0.5])
    assert r["rest_change_pct"].to_list() == pytest.approx([-32.0, -20.325, 14.7])
    assert r["part_share_end"].to_list() == pytest.approx([0.0, 0.2 * 0.213 / 0.68, 0.5 * 0.213 / 0.68])
    for bad in ([1.0], [-0.01]):
        with pytest.raises(ValueError):
            remainder_change(-32, -78.7, bad)
    remainder_change(-32, -78.7, [0.0, 0.999])  # the boundary: 0 is allowed, 1 is not


def test_remainder_break_even_by_hand_and_at_its_bounds():
    assert remainder_break_even(-32, -78.7) == pytest.approx(32 / 78.7)
    at = remainder_break_even(-32, -78.7)
    assert remainder_change(-32, -78.7, [at])["rest_change_pct"][0] == pytest.approx(0, abs=1e-9)
    assert remainder_break_even(-32, 0) is None
    assert remainder_break_even(-32, 10) is None  # different signs: s < 0
    assert remainder_break_even(-50, -50) is None  # s = 1: not inside (0, 1)
    assert remainder_break_even(0, -50) is None  # s = 0: not inside (0, 1)


# --- outcome claims: periods, base, verdicts --------------------------------------------------

def test_periods_are_read_as_years_with_one_year_at_the_boundary():
    assert _years("2004-2023") == (2004, 2023)
    assert _years("2019") == (2019, 2019)
    assert _period_words("2019") == "in 2019"
    assert _period_words("2018-2019") == "between 2018 and 2019"


def _stat(stat_id, indicator="thefts", measure="level", period="2019", place="330800"):
    return {"stat_id": stat_id, "indicator": indicator, "measure": measure, "period": period, "place_code": place}


def test_a_one_year_change_finds_its_base_in_the_year_before_or_the_year_itself():
    change = _stat("c", measure="change_pct", period="2019")
    others = [_stat("l2018", period="2018"), _stat("l2019", period="2019"), _stat("l2017", period="2017"),
              _stat("elsewhere", period="2019", place="330700"), _stat("rate", measure="rate_pct", period="2019"),
              _stat("other", indicator="fires", period="2019"), _stat("l2020", period="2020")]
    assert _base_ids(change, others) == ["l2018", "l2019"]
    span = _stat("c", measure="change_pct", period="2004-2023")
    assert _base_ids(span, [_stat("a", period="2004"), _stat("b", period="2023"), _stat("x", period="2003"),
                            _stat("y", period="2005-2022")]) == ["a", "b"]
    pp = _stat("c", measure="change_pp", period="2019")
    assert _base_ids(pp, [_stat("r", measure="rate_pct", period="2019"), _stat("l", period="2019")]) == ["r"]


def test_a_rate_finds_its_base_in_its_parts_of_the_same_period():
    rate = _stat("r", indicator="dispute_resolution_rate", measure="rate_pct", period="2019")
    others = [_stat("n", indicator="disputes_resolved", period="2019"),
              _stat("d", indicator="reported_incidents", period="2019"),
              _stat("late", indicator="disputes_resolved", period="2020"),
              _stat("far", indicator="disputes_resolved", period="2019", place="330700"),
              _stat("pct", indicator="disputes_resolved", measure="rate_pct", period="2019")]
    assert _base_ids(rate, others) == ["n", "d"]


def test_verdicts_by_kind_and_period_basis():
    change = {"measure": "change_pct", "period_basis": "stated"}
    rate = {"measure": "rate_pct", "period_basis": "inferred"}
    assert _verdict(change, ["x"]) == "base given"
    assert _verdict(change, []) == "no base: size of change cannot be judged"
    assert _verdict(rate, []) == "no base: numerator and denominator not given; period inferred"
    assert _verdict({**rate, "measure": "change_pp"}, ["x"]) == "base given; period inferred"


def _tiny_statistics(rows):
    """Real statistics rows (for their other columns) with hand-set ids, articles, indicators, values."""
    base = TABLES["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String)).row(0, named=True)
    frame = pl.DataFrame([{**base, **r} for r in rows])
    return frame.cast({c: t for c, t in TABLES["statistics"].schema.items() if c in frame.columns}, strict=False)


def test_shared_indicator_summary_gives_the_most_negative_fall_and_the_largest_rise():
    a, b, c = TABLES["articles"].sort("published")["article_id"][:3]
    stats = _tiny_statistics([
        {"stat_id": "s1", "article_id": a, "indicator": "thefts", "measure": "change_pct", "value": -10.0, "period": "2016"},
        {"stat_id": "s2", "article_id": b, "indicator": "thefts", "measure": "change_pct", "value": -78.7, "period": "2019"},
        {"stat_id": "s3", "article_id": c, "indicator": "thefts", "measure": "change_pct", "value": 5.0, "period": "2019"},
        {"stat_id": "s4", "article_id": a, "indicator": "fires", "measure": "change_pct", "value": 3.0, "period": "2016"},
        {"stat_id": "s5", "article_id": b, "indicator": "fires", "measure": "change_pct", "value": 7.0, "period": "2019"},
        {"stat_id": "s6", "article_id": a, "indicator": "petitions", "measure": "change_pct", "value": -9.0, "period": "2016"},
    ])
    t = {**TABLES, "statistics": stats}
    s = {r["indicator"]: r for r in pingan.shared_indicator_summary(tables=t).iter_rows(named=True)}
    assert set(s) == {"thefts", "fires"}  # petitions: one article only
    assert (s["thefts"]["largest_fall"], s["thefts"]["largest_fall_stat_id"]) == (-78.7, "s2")
    assert s["thefts"]["largest_rise"] == 5.0 and s["thefts"]["figures"] == 3 and s["thefts"]["articles"] == 3
    assert s["fires"]["largest_fall"] is None and s["fires"]["largest_rise"] == 7.0
    rows = pingan.shared_indicators(tables=t)
    assert rows.filter(pl.col("is_largest_fall"))["stat_id"].to_list() == ["s2"]
    assert pingan.shared_indicators(min_articles=3, tables=t)["indicator"].unique().to_list() == ["thefts"]


def test_a_change_of_zero_is_neither_a_fall_nor_a_rise():
    """At the boundary: 0% is no fall (not the largest fall, even as the minimum) and no rise."""
    a, b = TABLES["articles"].sort("published")["article_id"][:2]
    stats = _tiny_statistics([
        {"stat_id": "z1", "article_id": a, "indicator": "thefts", "measure": "change_pct", "value": 0.0, "period": "2016"},
        {"stat_id": "z2", "article_id": b, "indicator": "thefts", "measure": "change_pct", "value": 1.0, "period": "2019"},
        {"stat_id": "z3", "article_id": a, "indicator": "fires", "measure": "change_pct", "value": 0.0, "period": "2016"},
        {"stat_id": "z4", "article_id": b, "indicator": "fires", "measure": "change_pct", "value": -1.0, "period": "2019"},
    ])
    t = {**TABLES, "statistics": stats}
    assert pingan.shared_indicators(tables=t).filter(pl.col("is_largest_fall"))["stat_id"].to_list() == ["z4"]
    s = {r["indicator"]: r for r in pingan.shared_indicator_summary(tables=t).iter_rows(named=True)}
    assert s["thefts"]["largest_fall"] is None and s["thefts"]["largest_rise"] == 1.0
    assert s["fires"]["largest_fall"] == -1.0 and s["fires"]["largest_rise"] is None


def test_a_claim_says_fell_rose_or_did_not_change_at_the_boundary():
    from pingan.analysis._claims import _claim_text
    r = {"name_en": "Thefts", "place": "Quzhou", "qualifier": "exact", "measure": "change_pct", "period": "2019"}
    assert "did not change" in _claim_text({**r, "value": 0.0})
    assert "fell by 1%" in _claim_text({**r, "value": -1.0}) and "rose by 1%" in _claim_text({**r, "value": 1.0})
    assert "rose by 0.5 percentage points" in _claim_text({**r, "measure": "change_pp", "value": 0.5})


def test_the_same_indicator_elsewhere_or_in_another_period_is_a_comparison_not_a_base():
    """In one article: a level of the year before is the base; the same change in another place
    (same period) and in another period (same place) are comparisons; another article's is neither."""
    a, b = TABLES["articles"].sort("published")["article_id"][:2]
    stats = _tiny_statistics([
        {"stat_id": "q19", "article_id": a, "place_code": "330800", "indicator": "thefts", "measure": "change_pct",
         "unit": "percent", "value": -10.0, "period": "2019", "period_basis": "stated"},
        {"stat_id": "j19", "article_id": a, "place_code": "330700", "indicator": "thefts", "measure": "change_pct",
         "unit": "percent", "value": -5.0, "period": "2019", "period_basis": "stated"},
        {"stat_id": "q18", "article_id": a, "place_code": "330800", "indicator": "thefts", "measure": "level",
         "unit": "count", "value": 100.0, "period": "2018", "period_basis": "stated"},
        {"stat_id": "q20", "article_id": a, "place_code": "330800", "indicator": "thefts", "measure": "change_pct",
         "unit": "percent", "value": 3.0, "period": "2020", "period_basis": "stated"},
        {"stat_id": "other-article", "article_id": b, "place_code": "330800", "indicator": "thefts",
         "measure": "change_pct", "unit": "percent", "value": -20.0, "period": "2019", "period_basis": "stated"},
        {"stat_id": "q-run", "article_id": a, "place_code": "330800", "indicator": "thefts", "measure": "count_years",
         "unit": "years", "value": 2.0, "period": "2018-2019", "period_basis": "stated"},  # "fell two years running"
    ])
    c = {r["stat_id"]: r for r in pingan.outcome_claims(a, tables={**TABLES, "statistics": stats}).iter_rows(named=True)}
    assert set(c) == {"q19", "j19", "q20"}  # the level is no claim; the other article is not asked for
    q19 = c["q19"]
    assert (q19["base_stat_ids"], q19["verdict"]) == ("q18", "base given")
    assert q19["comparison_stat_ids"] == "j19,q20"  # another place, same year; same place, another year; no run of years
    # Jinhua has no level: no base; every Quzhou figure of the indicator, in any measure, is a comparison
    assert c["j19"]["comparison_stat_ids"] == "q18,q19,q20" and c["j19"]["base_stat_ids"] is None
    assert c["q20"]["claim_en"] == "Theft cases in Quzhou rose by 3% in 2020"


def _percapita_tables(statistics: list[dict]) -> dict[str, pl.DataFrame]:
    """Three places (A, B with a census population, C without) and the statistics given."""
    from datetime import date
    cols = {"stat_id": "", "article_id": "t-2024", "period_basis": "stated", "qualifier": "exact",
            "as_written": "", "quote": ""}
    return {
        "statistics": pl.DataFrame([{**cols, **s} for s in statistics]),
        "population": pl.DataFrame({"place_code": ["A", "B"], "population": [2_000_000, 500_000],
                                    "reference_date": [date(2020, 11, 1)] * 2}),
        "indicators": pl.DataFrame({"indicator": ["video_cameras", "social_surveillance_cameras", "mediators",
                                                  "registered_volunteers", "volunteer_police_members"],
                                    "name_en": ["Cameras", "Social cameras", "Mediators", "Volunteers", "Volunteer police"],
                                    "name_zh": ["摄像头", "社会面摄像头", "调解员", "志愿者", "义警"]}),
        "places": pl.DataFrame({"place_code": ["A", "B", "C"], "name_en": ["Alpha", "Beta", "Gamma"]}),
    }


def test_per_capita_by_hand_with_a_range_period_and_places_without_a_census():
    t = _percapita_tables([
        {"stat_id": "cam-a", "place_code": "A", "indicator": "video_cameras", "measure": "level", "value": 4000.0,
         "period": "2019-2023"},
        {"stat_id": "cam-b", "place_code": "B", "indicator": "social_surveillance_cameras", "measure": "level",
         "value": 1500.0, "period": "2020"},
        {"stat_id": "cam-a-change", "place_code": "A", "indicator": "video_cameras", "measure": "change_pct",
         "value": 10.0, "period": "2020"},
        {"stat_id": "med-b", "place_code": "B", "indicator": "mediators", "measure": "level", "value": 100.0,
         "period": "2020"},
        {"stat_id": "vol-a", "place_code": "A", "indicator": "registered_volunteers", "measure": "level",
         "value": 9000.0, "period": "2020"},
        {"stat_id": "vol-c", "place_code": "C", "indicator": "volunteer_police_members", "measure": "level",
         "value": 500.0, "period": "2020"},
    ])
    pc = pingan.per_capita_figures(tables=t)
    # cameras: two places of one family; mediators: one place; volunteers: C has no census, so one place
    assert pc["stat_id"].to_list() == ["cam-b", "cam-a"]  # per 10k, largest first
    assert pc["per_10k"].to_list() == pytest.approx([30.0, 20.0])  # 1500/50 and 4000/200
    assert pc["figure_year"].to_list() == [2020, 2023]  # a range's last year
    assert pc["places_compared"].to_list() == [2, 2] and pc["population_year"].to_list() == [2020, 2020]
    assert pc["place"].to_list() == ["Beta", "Alpha"]
    assert pingan.per_capita_figures(tables=t, compare_by="indicator").height == 0  # no indicator in two places


def test_a_change_printed_only_as_its_two_ends_is_found():
    """「满意率从94.7%上升到97.2%」: two rates of one indicator and place in one quote, at two periods."""
    a, b = TABLES["articles"].sort("published")["article_id"][:2]
    q = "满意率从94.7%上升到97.2%"
    stats = _tiny_statistics([
        {"stat_id": "s2", "article_id": a, "place_code": "330400", "indicator": "satisfaction", "measure": "rate_pct",
         "unit": "percent", "value": 97.2, "period": "2023", "quote": q},
        {"stat_id": "s1", "article_id": a, "place_code": "330400", "indicator": "satisfaction", "measure": "rate_pct",
         "unit": "percent", "value": 94.7, "period": "2004", "quote": q},
        # not pairs: three figures in one quote; two in different quotes; two of one period; another article
        *[{"stat_id": f"t{i}", "article_id": a, "place_code": "330400", "indicator": "thefts", "measure": "level",
           "unit": "count", "value": float(i), "period": str(2000 + i), "quote": "三个数"} for i in range(3)],
        {"stat_id": "u1", "article_id": a, "indicator": "fires", "measure": "level", "value": 1.0, "period": "2019", "quote": "甲"},
        {"stat_id": "u2", "article_id": a, "indicator": "fires", "measure": "level", "value": 2.0, "period": "2020", "quote": "乙"},
        {"stat_id": "v1", "article_id": a, "indicator": "cases", "measure": "level", "value": 1.0, "period": "2019", "quote": "丙"},
        {"stat_id": "v2", "article_id": a, "indicator": "cases", "measure": "level", "value": 2.0, "period": "2019", "quote": "丙"},
        {"stat_id": "w1", "article_id": b, "indicator": "satisfaction", "measure": "rate_pct", "value": 90.0,
         "period": "2019", "quote": q},
    ])
    t = {**TABLES, "statistics": stats}
    ends = pingan.analysis.printed_ends(a, tables=t)
    assert ends.columns == ["article_id", "indicator", "place_code", "measure", "unit", "from_stat_id", "from_period",
                            "from_value", "to_stat_id", "to_period", "to_value", "change"]
    [r] = ends.iter_rows(named=True)
    assert (r["measure"], r["unit"], r["place_code"]) == ("rate_pct", "percent", "330400")
    assert (r["from_stat_id"], r["from_period"], r["from_value"]) == ("s1", "2004", 94.7)
    assert (r["to_stat_id"], r["to_period"], r["to_value"], r["change"]) == ("s2", "2023", 97.2, 2.5)
    assert pingan.analysis.printed_ends(b, tables=t).is_empty()
    with pytest.raises(ValueError):
        pingan.analysis.printed_ends("no-such-article", tables=t)
