"""Each curation check on a tiny in-memory table: it passes good rows and reports a bad one
with its file, line and column (after frictionless-py's checks/ tests). One end-to-end case
goes through ``pingan.validate`` on a broken copy of the package."""
from __future__ import annotations

import polars as pl
import pytest

import pingan
from conftest import assert_reported, rewrite_rows
from pingan.package._reading import CheckedTable
from pingan.package.checks import _curation as c


def table(name: str, rows: list[dict]) -> CheckedTable:
    frame = pl.DataFrame(rows)
    return CheckedTable(resource=None, file=f"{name}.csv", frame=frame, lines=list(range(2, frame.height + 2)))


FAMILIES = table("families", [
    {"family": "grid-management", "key_terms": "网格", "signature_terms": "网格"},
    {"family": "village-supervision", "key_terms": "后陈|村务监督", "signature_terms": "后陈经验"},
    {"family": "local", "key_terms": "", "signature_terms": ""},
])


def practices(*rows):
    base = {"article_id": "a", "name_zh": "x", "family": "local", "family_basis": "", "quote": "", "pinyin": "píng"}
    return table("practices", [{**base, **r} for r in rows])


def test_tone_marks_pass_and_fail():
    ok = table("glossary", [{"pinyin": "píng'ān"}, {"pinyin": "141"}])
    assert c.tone_marks({"glossary": ok}) == []
    bad = table("glossary", [{"pinyin": "píng'ān"}, {"pinyin": "pingan"}])
    [p] = c.tone_marks({"glossary": bad})
    assert (p.file, p.line, p.column) == ("glossary.csv", 3, "pinyin") and "tone marks" in p.message


def test_inferred_period_needs_a_note():
    stats = table("statistics", [{"period_basis": "stated", "notes": None},
                                 {"period_basis": "inferred", "notes": "去年 in a 2020 article"},
                                 {"period_basis": "inferred", "notes": None}])
    [p] = c.inferred_periods_explained({"statistics": stats})
    assert (p.line, p.column) == (4, "notes")


PLACES = table("places", [
    {"place_code": "330000", "parent_code": None, "level": "province", "province_code": "330000"},
    {"place_code": "330700", "parent_code": "330000", "level": "prefecture", "province_code": "330000"},
    {"place_code": "330782", "parent_code": "330700", "level": "county", "province_code": "330000"},
    {"place_code": "330782-x", "parent_code": "330782", "level": "village", "province_code": "330000"},
    {"place_code": "330800", "parent_code": "330000", "level": "prefecture", "province_code": "330000"},
    {"place_code": "361100", "parent_code": "360000", "level": "prefecture", "province_code": "360000"},
])
ARTICLES = table("articles", [{"article_id": "a", "place_code": "330700"}])


def test_prefecture_follows_parent_codes_not_the_code_prefix():
    places = {r["place_code"]: (r["parent_code"], r["level"]) for r in PLACES.frame.iter_rows(named=True)}
    assert c.prefecture_of(places, "330782-x") == "330700"
    assert c.prefecture_of(places, "330000") is None


def test_rows_attach_inside_the_article_city():
    ok = table("statistics", [{"article_id": "a", "place_code": p} for p in ("330700", "330782-x", "330000", "361100")])
    assert c.rows_inside_article_city({"places": PLACES, "articles": ARTICLES, "statistics": ok}) == []
    bad = table("statistics", [{"article_id": "a", "place_code": "330700"}, {"article_id": "a", "place_code": "330800"}])
    [p] = c.rows_inside_article_city({"places": PLACES, "articles": ARTICLES, "statistics": bad})
    assert (p.file, p.line, p.column) == ("statistics.csv", 3, "place_code") and "330800" in p.message


def test_a_tagged_practice_shows_its_family():
    good = practices({"family": "grid-management", "quote": "全科网格"},
                     {"family": "village-supervision", "family_basis": "the 后陈 model", "quote": "监督"},
                     {"family": "local", "quote": "anything"})
    assert c.family_shown_in_quote({"families": FAMILIES, "practices": good}) == []
    bad = practices({"family": "grid-management", "quote": "全科网格"}, {"family": "grid-management", "quote": "调解"})
    [p] = c.family_shown_in_quote({"families": FAMILIES, "practices": bad})
    assert (p.line, p.column) == (3, "family") and "网格" in p.message


def test_a_name_with_a_signature_term_carries_that_family():
    good = practices({"name_zh": "后陈经验", "family": "village-supervision"}, {"name_zh": "红色网格", "family": "grid-management"})
    assert c.signature_names_carry_family({"families": FAMILIES, "practices": good}) == []
    bad = practices({"name_zh": "后陈经验", "family": "local"})
    [p] = c.signature_names_carry_family({"families": FAMILIES, "practices": bad})
    assert (p.line, p.column) == (2, "family") and "village-supervision" in p.message


def test_every_check_is_registered_with_a_code():
    assert set(c.CHECKS) == {"pinyin-tone", "period-inferred", "place-in-city", "family-evidence", "family-signature"}
    assert all(callable(f) and f.__doc__.split(":")[0] in c.CHECKS for f in c.CHECKS.values())


def test_validate_reports_a_broken_curation_rule_by_file_line_and_column(package_copy, sources_dir):
    """End to end: the curator's path (validate) reports what the data tests used to catch alone."""
    def untone(rows):
        rows[1][rows[0].index("pinyin")] = "pingan zhejiang"
    rewrite_rows(package_copy / "glossary.csv", untone)
    assert_reported(package_copy, sources_dir, r"glossary\.csv:2: pinyin: 'pingan zhejiang' has no tone marks")
