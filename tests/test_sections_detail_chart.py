"""An article's parts side by side (sections_detail_chart, section_figures) and the table it
reads, statistic_sections.csv: every figure sits in one section of its own article, the one
its quote stands in; the chart draws each section's practices and figures, claims first,
and keeps the style guide (the sweep in test_chart_style.py) with no legend: headers say what marks mean."""
from __future__ import annotations



import polars as pl
import pytest

from chart_specs import inner_title, mark_type, units
from conftest import assert_reported, read_rows, write_rows


import pingan

TABLES = pingan.load_all()
ARTICLES = TABLES["articles"].sort("published", "article_id")["article_id"].to_list()
TABLES_NAMED = ["article_sections.csv", "practices.csv", "statistics.csv", "statistic_sections.csv"]


def _texts(spec: dict) -> list[str]:
    return [r["text"] for unit, rows in units(spec) if mark_type(unit) == "text" for r in rows if "text" in r]


# --- the data --------------------------------------------------------------------------------

def test_every_statistic_is_in_exactly_one_section_of_its_own_article():
    ss = TABLES["statistic_sections"]
    assert ss["stat_id"].is_duplicated().sum() == 0
    assert sorted(ss["stat_id"].to_list()) == sorted(TABLES["statistics"]["stat_id"].to_list())
    joined = (ss.join(TABLES["statistics"].select("stat_id", "article_id"), on="stat_id")
              .join(TABLES["article_sections"].select("section_id", section_article="article_id"), on="section_id"))
    assert (joined["article_id"] == joined["section_article"]).all()


def test_section_figures_marks_claims_people_and_the_rest():
    f = pingan.section_figures("wucheng-2020", tables=TABLES)
    claims = set(pingan.outcome_claims("wucheng-2020", tables=TABLES)["stat_id"])
    assert set(f.filter(pl.col("role") == "claim")["stat_id"]) == claims
    assert (f.filter(pl.col("role") == "people")["unit"] == "people").all()
    assert f.filter(pl.col("role") != "claim")["base_given"].null_count() == f.filter(pl.col("role") != "claim").height
    assert f["position"].is_sorted()
    # the volunteer net prints people and teams but no outcome claim
    vol = f.filter(pl.col("section_id") == "wucheng-2020-volunteer-net")
    assert vol.height > 0 and "claim" not in set(vol["role"]) and "people" in set(vol["role"])


def test_a_statistic_without_a_section_is_reported(package_copy, sources_dir):
    p = package_copy / "statistic_sections.csv"
    rows = read_rows(p)
    gone = rows.pop(5)[0]
    write_rows(p, rows)
    stats = read_rows(package_copy / "statistics.csv")
    line = 1 + next(i for i, r in enumerate(stats[1:], start=1) if r[0] == gone)
    assert_reported(package_copy, sources_dir, rf"statistics\.csv:{line}: stat_id: '{gone}' has no section")


def test_a_statistic_in_the_wrong_section_is_reported(package_copy, sources_dir):
    p = package_copy / "statistic_sections.csv"
    rows = read_rows(p)
    i = next(i for i, r in enumerate(rows) if r[0] == "wucheng-2020-002")
    rows[i][1] = "wucheng-2020-volunteer-net"
    write_rows(p, rows)
    assert_reported(package_copy, sources_dir,
                    rf"statistic_sections\.csv:{i + 1}: section_id: 'wucheng-2020-volunteer-net', but the "
                    r"statistic's quote stands in 'wucheng-2020-safety-net'")


def test_a_section_of_another_article_is_reported(package_copy, sources_dir):
    p = package_copy / "statistic_sections.csv"
    rows = read_rows(p)
    i = next(i for i, r in enumerate(rows) if r[0] == "jiaxing-2024-018")
    rows[i][1] = "quzhou-2024-one-goal"
    write_rows(p, rows)
    assert_reported(package_copy, sources_dir,
                    rf"statistic_sections\.csv:{i + 1}: section_id: 'quzhou-2024-one-goal' is a section of 'quzhou-2024'")


# --- the chart: no legend, quotes on hover ---------------------------------------------------

def test_no_legend_and_every_practice_and_figure_carries_its_quote():
    for article_id in ARTICLES:
        spec = pingan.charts.sections_detail_chart(article_id, tables=TABLES, lang="en").to_dict()
        checked = 0
        for unit, rows in units(spec):
            enc = unit.get("encoding", {})
            for channel in ("color", "fill", "shape"):
                if "field" in enc.get(channel, {}):
                    assert enc[channel].get("legend", "missing") is None, (article_id, channel)
            fields = {t.get("field") for t in enc.get("tooltip", [])}
            if rows and any("family" in r or "printed" in r for r in rows):
                assert "quote" in fields, article_id
                checked += 1
        assert checked >= 2, article_id


# --- the chart: content --------------------------------------------------------------------

def test_each_section_draws_all_its_practices_and_figures():
    blocks = pingan.charts.section_blocks("jiaxing-2024", tables=TABLES)
    sections = TABLES["article_sections"].filter(pl.col("article_id") == "jiaxing-2024")
    assert blocks.height == sections.height - 1  # every case, the introduction left out
    for r in blocks.iter_rows(named=True):
        want = TABLES["practice_sections"].filter(pl.col("section_id") == r["section_id"]).height
        assert r["practices"] == want == r["templates"] + r["inventions"] == len(r["practice_names"])
        figs = TABLES["statistic_sections"].filter(pl.col("section_id") == r["section_id"]).height
        assert r["figures"] == figs == len(r["figure_texts"])
    spec = pingan.charts.sections_detail_chart("jiaxing-2024", tables=TABLES).to_dict()
    texts = _texts(spec)
    for name in ("Nanhu District 南湖区", "Tongxiang 桐乡市", "prints no figure"):
        assert name in texts
    assert sum(t.startswith(("▲", "▼", "■")) for t in texts) == int(blocks["claims"].sum())


def test_claims_come_first_and_say_when_no_base_is_given():
    b = pingan.charts.section_blocks("wucheng-2020", tables=TABLES).row(1, named=True)  # the governance net
    marks = [t.startswith(("▲", "▼", "■")) for t in b["figure_texts"]]
    assert marks == sorted(marks, reverse=True) and any(marks)
    assert b["claims_without_base"] == sum("no base given" in t for t in b["figure_texts"]) == 3


def test_the_title_names_the_largest_part_and_those_without_a_claim():
    spec = pingan.charts.sections_detail_chart("wucheng-2020", tables=TABLES).to_dict()
    b = pingan.charts.section_blocks("wucheng-2020", tables=TABLES)
    top = b.sort("practices", descending=True).row(0)
    title = inner_title(spec)["text"]
    assert f"{b['practices'].max()} of {b['practices'].sum()} practices" in title
    assert "governance net" in title and "the volunteer net prints no outcome claim" in title
    assert top


def test_sections_can_be_picked_by_id_or_position():
    by_pos = pingan.charts.section_blocks("wucheng-2020", [2, 3], tables=TABLES)
    by_id = pingan.charts.section_blocks("wucheng-2020", ["wucheng-2020-safety-net", "wucheng-2020-governance-net"],
                                  tables=TABLES)
    assert by_pos["section_id"].to_list() == by_id["section_id"].to_list() == ["wucheng-2020-safety-net",
                                                                               "wucheng-2020-governance-net"]


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="valid ids: jinhua-2017"):
        pingan.charts.sections_detail_chart("hangzhou-2024", tables=TABLES)
    with pytest.raises(ValueError, match="unknown section.*its sections are wucheng-2020-introduction"):
        pingan.charts.sections_detail_chart("wucheng-2020", ["wucheng-2020-peace-net"], tables=TABLES)
    with pytest.raises(ValueError, match="lang"):
        pingan.charts.sections_detail_chart("wucheng-2020", tables=TABLES, lang="fr")
