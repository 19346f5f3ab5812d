"""Each check of ``pingan.package.checks`` on a tiny in-memory table: it passes good rows and
reports a bad one with its file, line and column (after frictionless-py's checks/ tests).
Nothing here reads the data package or the article texts, so the whole file runs in well under
a second (benchmarks/mutation.py runs it once per mutant). The end-to-end cases, through
``pingan.validate`` on a broken copy of the package, are in the other test files; one per
message format through the command line is in tests/test_cli.py."""
from __future__ import annotations

import polars as pl
import pytest

from pingan.base._problems import Problem
from pingan.package import checks
from pingan.package._contract import Resource
from pingan.package._reading import CheckedTable
from pingan.package.checks import _completeness as comp
from pingan.package.checks import _dates as dat
from pingan.package.checks import _families as fam
from pingan.package.checks import _glossary as glo
from pingan.package.checks import _links as lnk
from pingan.package.checks import _meaning as mean
from pingan.package.checks import _origins as ori
from pingan.package.checks import _places as plc
from pingan.package.checks import _sections as sec
from pingan.package.checks import _term_counts as tc
from pingan.package.checks import _values as val


def table(name: str, rows: list[dict], foreign_keys=(), schema=None) -> CheckedTable:
    frame = pl.DataFrame(rows, schema=schema) if rows or schema else pl.DataFrame()
    res = Resource(name, f"{name}.csv", name, "", (), (), tuple(foreign_keys)) if foreign_keys else None
    return CheckedTable(resource=res, file=f"{name}.csv", frame=frame, lines=list(range(2, frame.height + 2)))


class Texts:
    """The article texts in memory, as ``SourceTexts`` serves them (flat: whitespace removed)."""

    def __init__(self, texts: dict[str, str], available: bool = True):
        self.texts, self.available = texts, available

    def flat(self, article_id):
        return self.texts.get(article_id)


def where(problems) -> list[tuple]:
    return [(p.file, p.line, p.column) for p in problems]


# --- the registry -----------------------------------------------------------------------------

def test_every_check_is_registered_with_a_code_its_docstring_starts_with():
    assert len(checks.CHECKS) == sum(len(m.CHECKS) for m in checks.MODULES)  # no code twice
    for code, f in checks.CHECKS.items():
        assert callable(f) and f.__doc__.split(":")[0] == code, code
    assert checks.GAPS == {"family-named", "double-coded", "article-curated", "article-links"}
    assert checks.GAPS <= set(checks.CHECKS)


def test_run_checks_marks_each_problem_with_its_code_and_blocking_leaves_out_the_gaps():
    arts = table("articles", [{"article_id": "a", "place_code": "330700", "published": "2017", "period_covered": None}])
    stats = table("statistics", [{"stat_id": "b-1", "article_id": "b", "period": None, "period_basis": "inferred",
                                  "notes": None}])
    found = checks.run_checks({"articles": arts, "statistics": stats}, None)
    assert {(p.code, p.line) for p in found} == {("period-inferred", 2), ("article-curated", 2)}
    assert [p.code for p in checks.blocking(found)] == ["period-inferred"]
    assert checks.blocking([Problem("x.csv", 1, None, "m")]) == [Problem("x.csv", 1, None, "m")]
    assert str(Problem("x.csv", 3, "c", "m", code="k")) == "x.csv:3: c: m"  # the code is not printed


# --- pinyin, inferred periods, places in their city, templates shown ------------------------

FAMILIES = table("families", [
    {"family": "grid-management", "key_terms": "网格", "signature_terms": "网格", "only_where_named": False},
    {"family": "village-supervision", "key_terms": "后陈|村务监督", "signature_terms": "后陈经验", "only_where_named": False},
    {"family": "fengqiao", "key_terms": "枫桥", "signature_terms": "枫桥经验", "only_where_named": True},
    {"family": "three-governances", "key_terms": "三治", "signature_terms": "三治", "only_where_named": False},
    {"family": "local", "key_terms": "", "signature_terms": "", "only_where_named": False},
])


def practices(*rows):
    base = {"practice_id": "p", "article_id": "a", "name_zh": "x", "name_en": "X", "family": "local",
            "family_basis": "", "quote": "", "pinyin": "píng"}
    return table("practices", [{**base, **r} for r in rows])


def test_tone_marks_pass_and_fail():
    ok = table("glossary", [{"pinyin": "píng'ān"}, {"pinyin": "141"}, {"pinyin": None}])
    assert glo.tone_marks({"glossary": ok}) == []
    bad = table("glossary", [{"pinyin": "píng'ān"}, {"pinyin": "pingan"}])
    [p] = glo.tone_marks({"glossary": bad})
    assert (p.file, p.line, p.column) == ("glossary.csv", 3, "pinyin") and "tone marks" in p.message
    for name in ("governance_terms", "article_sections", "places", "practices", "families"):
        assert where(glo.tone_marks({name: table(name, [{"pinyin": "x"}, {"pinyin": "wǎnggé"}])})) == \
            [(f"{name}.csv", 2, "pinyin")]
    assert glo.tone_marks({"glossary": table("glossary", [{"term_zh": "x"}])}) == []  # no pinyin column


def test_inferred_period_needs_a_note():
    stats = table("statistics", [{"period_basis": "stated", "notes": None},
                                 {"period_basis": "inferred", "notes": "去年 in a 2020 article"},
                                 {"period_basis": "inferred", "notes": None}])
    [p] = val.inferred_periods_explained({"statistics": stats})
    assert (p.line, p.column) == (4, "notes")
    assert val.inferred_periods_explained({}) == []


PLACES = table("places", [
    {"place_code": "330000", "parent_code": None, "level": "province", "province_code": "330000", "name_zh": "浙江省"},
    {"place_code": "330700", "parent_code": "330000", "level": "prefecture", "province_code": "330000",
     "name_zh": "金华市"},
    {"place_code": "330782", "parent_code": "330700", "level": "county", "province_code": "330000", "name_zh": "义乌市"},
    {"place_code": "330782-x", "parent_code": "330782", "level": "village", "province_code": "330000",
     "name_zh": "鸡鸣山社区"},
    {"place_code": "330800", "parent_code": "330000", "level": "prefecture", "province_code": "330000",
     "name_zh": "衢州市"},
    {"place_code": "360000", "parent_code": None, "level": "province", "province_code": "360000", "name_zh": "江西省"},
    {"place_code": "361100", "parent_code": "360000", "level": "prefecture", "province_code": "360000",
     "name_zh": "上饶市"},
])
ARTICLES = table("articles", [{"article_id": "a", "place_code": "330700", "published": "2017"}])


def test_prefecture_follows_parent_codes_not_the_code_prefix():
    places = {r["place_code"]: r for r in PLACES.frame.iter_rows(named=True)}  # place-in-city walks up as the vocabulary does
    assert plc.prefecture_of("330782-x", places) == "330700"
    assert plc.prefecture_of("330700", places) == "330700"
    assert plc.prefecture_of("330000", places) is None
    loop = {"x": {"parent_code": "y", "level": "county"}, "y": {"parent_code": "x", "level": "county"}}
    assert plc.prefecture_of("x", loop) is None  # a loop ends


def test_rows_attach_inside_the_article_city():
    ok = table("statistics", [{"article_id": "a", "place_code": p}
                              for p in ("330700", "330782-x", "330000", "361100", "999999", None)])
    assert plc.rows_inside_article_city({"places": PLACES, "articles": ARTICLES, "statistics": ok}) == []
    for name in ("statistics", "practices", "timeline", "diffusion_events"):
        bad = table(name, [{"article_id": "a", "place_code": "330700"}, {"article_id": "a", "place_code": "330800"},
                           {"article_id": "other", "place_code": "330800"}])
        [p] = plc.rows_inside_article_city({"places": PLACES, "articles": ARTICLES, name: bad})
        assert (p.file, p.line, p.column) == (f"{name}.csv", 3, "place_code") and "330800" in p.message
    assert plc.rows_inside_article_city({"places": PLACES, "statistics": ok}) == []
    assert plc.rows_inside_article_city({"articles": ARTICLES, "statistics": ok}) == []
    no_city = table("articles", [{"article_id": "a", "place_code": "330000"}])  # the province's article
    assert plc.rows_inside_article_city({"places": PLACES, "articles": no_city, "statistics": ok}) == []
    assert plc.rows_inside_article_city({"places": PLACES, "articles": ARTICLES,
                                       "timeline": table("timeline", [{"article_id": "a"}])}) == []


def test_a_tagged_practice_shows_its_family():
    good = practices({"family": "grid-management", "quote": "全科网格"},
                     {"family": "village-supervision", "family_basis": "the 后陈 model", "quote": "监督"},
                     {"family": "local", "quote": "anything"}, {"family": None})
    assert fam.family_shown_in_quote({"families": FAMILIES, "practices": good}) == []
    bad = practices({"family": "grid-management", "quote": "全科网格"}, {"family": "grid-management", "quote": "调解"})
    [p] = fam.family_shown_in_quote({"families": FAMILIES, "practices": bad})
    assert (p.line, p.column) == (3, "family") and "网格" in p.message
    assert fam.family_shown_in_quote({"practices": bad}) == []
    assert fam.family_shown_in_quote({"families": FAMILIES}) == []


def test_a_key_term_in_family_basis_counts_only_where_the_article_uses_it():
    row = practices({"family": "village-supervision", "family_basis": "the 后陈 model", "quote": "监督"})
    tables = {"families": FAMILIES, "practices": row}
    assert fam.family_shown_in_quote(tables, Texts({"a": "武义后陈村"})) == []
    assert where(fam.family_shown_in_quote(tables, Texts({"a": "武义"}))) == [("practices.csv", 2, "family")]
    assert fam.family_shown_in_quote(tables, Texts({"a": "武义"}, available=False)) == []
    assert fam.family_shown_in_quote(tables, Texts({})) == []  # the article's text missing: the basis stands


def test_a_name_with_a_signature_term_carries_that_family():
    good = practices({"name_zh": "后陈经验", "family": "village-supervision"},
                     {"name_zh": "红色网格", "family": "grid-management"}, {"name_zh": None, "family": "local"},
                     {"name_zh": "网格后陈经验", "family": "grid-management"}, {"name_zh": "后陈经验", "family": None})
    assert fam.signature_names_carry_family({"families": FAMILIES, "practices": good}) == []
    bad = practices({"name_zh": "后陈经验", "family": "local"})
    [p] = fam.signature_names_carry_family({"families": FAMILIES, "practices": bad})
    assert (p.line, p.column) == (2, "family") and "village-supervision" in p.message
    assert fam.signature_names_carry_family({"practices": bad}) == []
    assert fam.signature_names_carry_family({"families": FAMILIES}) == []


TO_PLACES = [(("place_code",), "places", ("place_code",))]


def test_every_place_is_named_used_above_one_or_a_city_of_the_province():
    text = Texts({"a": "义乌市的鸡鸣山社区"})
    arts = table("articles", [{"article_id": "a", "place_code": "330782"}], foreign_keys=TO_PLACES)
    # 330000 lies above a named place, 330700 and 330800 are cities of the province, 361100 is used by a
    # row (its province 360000 lies above it); 330782-x is named without its suffix (鸡鸣山)
    partner = table("practice_places", [{"place_code": "361100"}, {"place_code": None}], foreign_keys=TO_PLACES)
    tables = {"places": PLACES, "articles": arts, "practice_places": partner}
    assert plc.places_used(tables, text) == []
    unused = table("places", PLACES.frame.rows(named=True) + [
        {"place_code": "310000", "parent_code": None, "level": "province", "province_code": "310000",
         "name_zh": "上海市"},
        {"place_code": "310116", "parent_code": "310000", "level": "county", "province_code": "310000",
         "name_zh": "金山区"},
        {"place_code": "320600", "parent_code": "320000", "level": "prefecture", "province_code": "320000",
         "name_zh": "南通市"}])
    problems = plc.places_used({**tables, "places": unused}, text)
    assert where(problems) == [("places.csv", 9, "place_code"), ("places.csv", 10, "place_code"),
                               ("places.csv", 11, "place_code")]
    assert "320600 (南通市) is named in no article" in problems[2].message
    # named by its short name in an article, a county makes its province above a named place
    assert plc.places_used({**tables, "places": unused}, Texts({"a": "义乌鸡鸣山, 金山, 南通"})) == []
    assert plc.places_used({**tables, "places": unused}, None) == []  # without the texts: not checked
    assert plc.places_used({**tables, "places": unused}, Texts({}, available=False)) == []
    assert plc.places_used({"places": unused}, text) == []
    no_keys = table("statistics", [{"place_code": "310116"}])  # a table whose contract is not at hand
    assert len(plc.places_used({**tables, "places": unused, "statistics": no_keys}, text)) == 3
    other_key = table("statistics", [{"indicator": "310116"}], foreign_keys=[(("indicator",), "indicators", ("x",))])
    assert len(plc.places_used({**tables, "places": unused, "statistics": other_key}, text)) == 3
    looped = table("places", [{"place_code": "1", "parent_code": "2", "level": "county", "province_code": "9",
                               "name_zh": "甲县"},
                              {"place_code": "2", "parent_code": "1", "level": "county", "province_code": "9",
                               "name_zh": "乙县"}])
    assert plc.places_used({"places": looped, "articles": arts}, Texts({"a": "甲县"})) == []


# --- _families ------------------------------------------------------------------------------

def test_of_an_articles_practices_with_a_template_one_quote_at_least_shows_it():
    good = practices({"family": "grid-management", "quote": "全科网格"},
                     {"family": "grid-management", "quote": "调解", "family_basis": "网格"},
                     {"family": "local", "quote": "anything"}, {"family": None}, {"article_id": None})
    assert fam.family_quoted({"families": FAMILIES, "practices": good}) == []
    bad = practices({"family": "grid-management", "quote": "全科网格"},
                    {"article_id": "b", "family": "grid-management", "quote": "调解", "family_basis": "网格"},
                    {"article_id": "b", "family": "grid-management", "quote": None})
    [p] = fam.family_quoted({"families": FAMILIES, "practices": bad})
    assert (p.file, p.line, p.column) == ("practices.csv", 3, "quote")
    assert "no practice of b tagged 'grid-management'" in p.message and "(网格)" in p.message
    assert fam.family_quoted({"practices": bad}) == [] and fam.family_quoted({"families": FAMILIES}) == []


def test_a_template_named_only_where_the_article_names_it():
    rows = practices({"article_id": "a", "family": "fengqiao"}, {"article_id": "b", "family": "fengqiao"},
                     {"article_id": "b", "family": "grid-management"}, {"article_id": "c", "family": "fengqiao"},
                     {"article_id": None, "family": "fengqiao"}, {"family": None})
    texts = Texts({"a": "坚持和发展枫桥经验", "b": "枫桥式工作法"})
    tables = {"families": FAMILIES, "practices": rows}
    [p] = fam.family_invoked(tables, texts)  # c's text is missing: reported by the sources check
    assert (p.line, p.column) == (3, "family") and "b names none of: 枫桥经验" in p.message
    assert fam.family_invoked(tables, None) == [] and fam.family_invoked(tables, Texts({}, available=False)) == []
    assert fam.family_invoked({"practices": rows}, texts) == [] and fam.family_invoked({"families": FAMILIES}, texts) == []
    older = table("families", [{"family": "fengqiao", "signature_terms": "枫桥经验"}])  # no only_where_named column
    assert fam.family_invoked({"families": older, "practices": rows}, texts) == []
    bare = table("families", [{"family": "fengqiao", "signature_terms": "", "only_where_named": True}])
    assert "(no signature terms)" in fam.family_invoked({"families": bare, "practices": rows}, texts)[0].message


SHARED = table("families", [{"family": "peoples-mediation", "signature_terms": "调解室"},
                            {"family": "mediation-centre", "signature_terms": "调解室|矛调中心"}])


def test_an_article_naming_a_templates_signature_carries_it_or_says_why_not():
    arts = table("articles", [{"article_id": "a"}, {"article_id": "b"}, {"article_id": None}, {"article_id": "c"}])
    rows = practices({"article_id": "a", "family": "grid-management"}, {"article_id": "b", "family": "local"},
                     {"article_id": "b", "family": None})
    texts = Texts({"a": "全科网格,推进三治融合", "b": "平安"})
    tables = {"articles": arts, "practices": rows, "families": FAMILIES}
    [p] = fam.family_named(tables, texts)
    assert (p.file, p.line, p.column) == ("articles.csv", 2, "article_id")
    assert p.message.startswith("a names 三治, a signature term of three-governances, but none of its practices")
    excused = table("signature_exceptions", [{"article_id": "a", "term_zh": "三治", "reason": "a quoted remark"}])
    assert fam.family_named({**tables, "signature_exceptions": excused}, texts) == []
    # a term two templates share is carried by either
    both = practices({"article_id": "a", "family": "mediation-centre"})
    assert fam.family_named({"articles": arts, "practices": both, "families": SHARED}, Texts({"a": "调解室"})) == []
    [p] = fam.family_named({"articles": arts, "practices": rows, "families": SHARED}, Texts({"b": "调解室"}))
    assert p.line == 3 and "of mediation-centre or peoples-mediation" in p.message
    assert fam.family_named(tables, None) == [] and fam.family_named(tables, Texts({}, available=False)) == []
    assert fam.family_named({"articles": arts, "families": FAMILIES}, texts) == []
    assert fam.family_named({"practices": rows, "families": FAMILIES}, texts) == []
    assert fam.family_named({"articles": arts, "practices": rows}, texts) == []  # no families.csv: no signatures
    assert fam.signature_exceptions_apply({"practices": rows, "signature_exceptions": table(
        "signature_exceptions", [{"article_id": "a", "term_zh": "三治"}])})[0].message.startswith("'三治' is not a signature")


def test_a_signature_exception_that_no_longer_applies_is_reported():
    rows = practices({"article_id": "a", "family": "grid-management"}, {"article_id": "a", "family": None})
    ex = table("signature_exceptions", [{"article_id": "a", "term_zh": t} for t in ("三治", "网格", "枫桥经验", "平安")]
               + [{"article_id": None, "term_zh": "三治"}, {"article_id": "a", "term_zh": None}])
    tables = {"practices": rows, "families": FAMILIES, "signature_exceptions": ex}
    problems = fam.signature_exceptions_apply(tables, Texts({"a": "网格,三治融合"}))
    assert where(problems) == [("signature_exceptions.csv", n, "term_zh") for n in (3, 4, 5)]
    assert "a carries grid-management now" in problems[0].message
    assert "'枫桥经验' does not stand in a" in problems[1].message
    assert "'平安' is not a signature term" in problems[2].message
    assert [p.line for p in fam.signature_exceptions_apply(tables, None)] == [3, 5]  # without the texts
    assert fam.signature_exceptions_apply({"families": FAMILIES, "signature_exceptions": ex}) == []
    assert fam.signature_exceptions_apply({"families": FAMILIES, "practices": rows}) == []


# --- _glossary ------------------------------------------------------------------------------

GLOSSARY = table("glossary", [{"term_zh": "网格员", "term_en": "grid worker", "pinyin": "wǎnggéyuán"},
                              {"term_zh": "三治融合", "term_en": "three governances combined", "pinyin": "sān zhì rónghé"},
                              {"term_zh": "平安", "term_en": "Ping An", "pinyin": "píng’ān"},
                              {"term_zh": "空", "term_en": None, "pinyin": None}])


def test_plural_and_comparison_of_english_names():
    assert [glo.plural(w) for w in ("grid", "box", "bus", "branch", "brush", "body", "day", "y", "fy", "'grid'")] == [
        "grids", "boxes", "buses", "branches", "brushes", "bodies", "days", "ys", "fies", "'grids'"]
    assert glo.as_compared("  Red grid (grid + party branch) ") == "red grid"
    assert glo.as_compared("Grid (a) (b)") == "grid (a)"
    assert glo.as_compared("") == ""


def test_a_practice_named_by_a_glossary_term_uses_its_english():
    good = practices({"name_zh": "网格员", "name_en": "Grid workers"}, {"name_zh": "网格员", "name_en": "Grid worker (full)"},
                     {"name_zh": "其他", "name_en": "Anything"}, {"name_zh": "空", "name_en": "Empty"},
                     {"name_zh": "三治融合", "name_en": None})
    assert glo.practice_english({"glossary": GLOSSARY, "practices": good}) == []
    bad = practices({"name_zh": "三治融合", "name_en": "Three Governances"})
    [p] = glo.practice_english({"glossary": GLOSSARY, "practices": bad})
    assert (p.line, p.column) == (2, "name_en") and "'three governances combined'" in p.message
    assert glo.practice_english({"practices": bad}) == [] and glo.practice_english({"glossary": GLOSSARY}) == []


def test_a_governance_term_in_the_glossary_has_its_pinyin():
    terms = table("governance_terms", [{"term_zh": "平安", "pinyin": "píng'ān"}, {"term_zh": "网格员", "pinyin": "wǎnggé yuán"},
                                       {"term_zh": "调解", "pinyin": "tiáojiě"}, {"term_zh": "三治融合", "pinyin": None}])
    [p] = glo.term_pinyin({"glossary": GLOSSARY, "governance_terms": terms})
    assert (p.line, p.column) == (3, "pinyin") and "'wǎnggéyuán'" in p.message
    assert glo.term_pinyin({"governance_terms": terms}) == [] and glo.term_pinyin({"glossary": GLOSSARY}) == []


def test_every_governance_term_occurs_in_some_article():
    terms = table("governance_terms", [{"term_zh": t} for t in ("零", "二", "半", "缺", None)])
    counts = table("term_counts", [{"article_id": a, "term_zh": t, "occurrences": n}
                                   for a, t, n in (("a", "零", 0), ("b", "零", 0), ("a", "二", 0), ("b", "二", 2),
                                                   ("a", "半", None), ("b", "半", 1), ("a", "缺", 0))])
    arts = table("articles", [{"article_id": "a"}, {"article_id": "b"}])
    [p] = glo.term_used({"governance_terms": terms, "term_counts": counts, "articles": arts})
    assert (p.line, p.column) == (2, "term_zh") and p.message.startswith("零 occurs in no article")
    assert glo.term_used({"term_counts": counts, "articles": arts}) == []
    assert glo.term_used({"governance_terms": terms, "articles": arts}) == []
    assert glo.term_used({"governance_terms": terms, "term_counts": counts}) == []
    none = table("articles", [], schema={"article_id": pl.String})
    assert glo.term_used({"governance_terms": terms, "term_counts": counts, "articles": none}) == []


# --- _completeness --------------------------------------------------------------------------

def test_every_article_has_a_statistic_and_a_practice():
    arts = table("articles", [{"article_id": a} for a in ("a", "b", "c", None)])
    stats = table("statistics", [{"article_id": "a"}])
    prs = table("practices", [{"article_id": "a"}, {"article_id": "b"}])
    problems = comp.article_curated({"articles": arts, "statistics": stats, "practices": prs})
    assert [(p.line, p.column, p.message.split(" in ")[0]) for p in problems] == [
        (3, "article_id", "b has no statistic"), (4, "article_id", "c has no statistic"),
        (4, "article_id", "c has no practice")]
    assert "practices.csv yet: every article has at least one" in problems[2].message
    assert comp.article_curated({"statistics": stats, "practices": prs}) == []
    assert [p.line for p in comp.article_curated({"articles": arts, "practices": prs})] == [4]


def test_every_article_has_at_least_three_links():
    arts = table("articles", [{"article_id": a} for a in ("a", "b", "c", "d", None)])
    links = table("practice_links", [{"article_id": a} for a in ("a", "a", "a", "b", "b", "c")])
    problems = comp.article_links({"articles": arts, "practice_links": links})
    assert [(p.line, p.column) for p in problems] == [(3, "article_id"), (4, "article_id"), (5, "article_id")]
    assert [p.message.split(" between")[0] for p in problems] == ["b has 2 links", "c has 1 link", "d has 0 links"]
    assert problems[0].message.endswith("practice_links.csv; every article has at least 3")
    assert comp.MIN_LINKS == 3
    assert comp.article_links({"articles": arts}) == [] and comp.article_links({"practice_links": links}) == []


# --- _origins -------------------------------------------------------------------------------

ARTICLE = "一是首创民情民访代办工作,二是大力推进“雪亮工程”建设。"


def _practices(rows):
    return pl.DataFrame(rows, schema=["practice_id", "article_id", "name_zh", "origin", "origin_place", "origin_basis"],
                        orient="row")


def test_origin_basis_quote_ref_or_unknown():
    df = _practices([
        ("p1", "a1", "代办", "own", "330700", "首创民情民访代办"),            # words of the article: fine
        ("p2", "a1", "雪亮工程", "national", None, "ref:known-2015"),        # a known reference: fine
        ("p3", "a1", "x", "unknown", None, "unknown: no creation wording"),  # fine
        ("p4", "a1", "y", "own", None, "全国首创"),                           # not in the article
        ("p5", "a1", "z", "national", None, "ref:missing-2020"),             # unknown reference
        ("p6", "a1", "w", "own", None, "unknown: silent"),                   # unknown: but origin own
        ("p7", "a1", "v", "unknown", None, "大力推进"),                        # unknown must say what is missing
        ("p8", "a1", "u", "unknown", None, "unknown: "),                      # … and says nothing
        ("p9", "a1", "t", "own", None, None),                                 # empty: the contract's problem
        ("p10", "a9", "s", "own", None, "不在"),                                # its article's text is missing
        ("p11", None, "r", "own", None, "不在"),                                # no article
        ("p12", "a1", "q", None, None, "unknown: what"),                      # no origin
    ])
    lines = list(range(2, 14))
    text = {"a1": ARTICLE}.get
    problems = ori.check_origin_basis("practices.csv", lines, df, {"known-2015"}, text)
    assert [(p.line, p.column) for p in problems] == [(n, "origin_basis") for n in (5, 6, 7, 8, 9, 13)]
    assert "'missing-2020' is not a reference_id" in problems[1].message
    assert "'unknown:' but origin is 'own'" in problems[2].message
    assert problems[3].message.startswith("origin is 'unknown'")
    assert problems[4].message == "'unknown:' must say what is missing"
    assert "not found in the article a1" in problems[0].message
    long = _practices([("p", "a1", "x", "own", None, "四十个字以上的" * 7)])
    [p] = ori.check_origin_basis("practices.csv", [2], long, set(), text)
    assert p.message.endswith(f": {('四十个字以上的' * 7)[:40]!r}")
    # without the articles, quotes are not checked but the rest still is
    assert [p.line for p in ori.check_origin_basis("practices.csv", lines, df, {"known-2015"}, None)] == [6, 7, 8, 9, 13]


def test_one_practice_one_origin_place():
    df = _practices([
        ("a", "a1", "三治融合", "national", "330483", "ref:r-2017"),
        ("b", "a2", "“三治融合”", "own", "330483", "首发于嘉兴"),      # same practice, same place: fine
        ("c", "a3", "三治融合", "national", "330400", "ref:r-2017"),   # same practice, other place
        ("d", "a3", "雪亮工程", "national", None, "ref:r-2015"),
        ("e", "a4", "雪亮 工程", "national", "371326", "ref:r-2015"),  # empty against a place
        ("f", "a5", None, "own", "1", "x"),
        ("g", "a5", "雪亮工程", "national", "", "ref:r-2015"),           # empty is empty
    ])
    problems = ori.check_one_origin_place("practices.csv", [2, 3, 4, 5, 6, 7, 8], df)
    assert [(p.line, p.column) for p in problems] == [(4, "origin_place"), (6, "origin_place")]
    assert problems[0].message == ("330400 but a (line 2), the same practice 三治融合, has 330483: one practice has "
                                   "one origin_place")
    assert "371326 but d (line 5), the same practice 雪亮 工程, has empty" in problems[1].message
    assert ori.practice_name_key(" “三治 融合”\n") == "三治融合"


def test_event_practice_in_its_own_article():
    practices_ = _practices([("p1", "a1", "n", "own", None, "q"), ("p2", "a2", "m", "own", None, "q")])
    events = pl.DataFrame({"article_id": ["a1", "a1", None, "a1"], "practice_id": ["p1", "p2", "p2", "p9"]})
    problems = ori.check_event_practices("diffusion_events.csv", [2, 3, 4, 5], events, practices_)
    assert [(p.line, p.column) for p in problems] == [(3, "practice_id")]
    assert problems[0].message == "'p2' is a practice of a2, not of a1"


def test_the_origin_checks_read_their_tables():
    pr = table("practices", _practices([("p1", "a1", "n", "own", None, "全国首创"),
                                        ("p2", "a1", "n", "own", "330700", "ref:r-1")]).rows(named=True))
    refs = table("references", [{"reference_id": "r-1"}])
    ev = table("diffusion_events", [{"article_id": "a2", "practice_id": "p1"}])
    tables = {"practices": pr, "references": refs, "diffusion_events": ev}
    run = lambda code, t, s=None: [(p.line, p.column) for p in ori.CHECKS[code](t, s)]  # noqa: E731
    assert run("origin-basis", tables, Texts({"a1": ARTICLE})) == [(2, "origin_basis")]
    assert run("origin-basis", tables, Texts({"a1": ARTICLE}, available=False)) == []
    assert run("origin-basis", tables) == []
    assert run("origin-basis", {"practices": pr}) == [(3, "origin_basis")]  # no references: r-1 unknown
    assert run("origin-basis", {"practices": table("practices", [{"practice_id": "p"}])}) == []
    assert run("origin-basis", {}) == []
    assert run("origin-place", tables) == [(3, "origin_place")] and run("origin-place", {}) == []
    assert run("event-article", tables) == [(2, "practice_id")]
    assert run("event-article", {"diffusion_events": ev}) == [] and run("event-article", {"practices": pr}) == []


def _coding(*rows):
    return table("double_coding", [{"field": f, "item_id": i, "settled": s} for f, i, s in rows])


CODED_PRACTICES = table("practices", [{"practice_id": "p1", "origin": "own", "origin_place": "330700"},
                                      {"practice_id": "p2", "origin": "unknown", "origin_place": None}])
CODED_LINKS = table("practice_links", [{"from_practice": "p1", "to_practice": "p2", "basis": "stated"}])
FULL = [("origin", "p1", "own"), ("origin_place", "p1", "330700"), ("origin", "p2", "unknown"),
        ("origin_place", "p2", None), ("basis", "p1->p2", "stated")]


def test_the_settled_value_of_the_double_coding_is_the_value_in_the_data():
    tables = {"practices": CODED_PRACTICES, "practice_links": CODED_LINKS}
    assert ori.coding_settled({**tables, "double_coding": _coding(*FULL, ("family", "p1", "x"), ("origin", None, "x"))}) \
        == []
    bad = _coding(("origin", "p1", "city"), ("origin_place", "p2", "330700"), ("origin", "p9", "own"),
                  ("basis", "p2->p1", "stated"), ("basis", "p1->p2", "inferred"), ("origin_place", "p1", "330700"))
    problems = ori.coding_settled({**tables, "double_coding": bad})
    assert where(problems) == [("double_coding.csv", 2, "settled"), ("double_coding.csv", 3, "settled"),
                               ("double_coding.csv", 4, "item_id"), ("double_coding.csv", 5, "item_id"),
                               ("double_coding.csv", 6, "settled")]
    assert problems[0].message == ("city but practices.csv line 2 gives own for p1's origin: the settled value is the "
                                   "value in the data")
    assert problems[1].message.startswith("330700 but practices.csv line 3 gives empty")
    assert problems[2].message == "'p9' is no practice in practices.csv: remove its double coding"
    assert problems[3].message == "'p2->p1' is no link in practice_links.csv: remove its double coding"
    for missing in ("practices", "practice_links"):
        assert ori.coding_settled({**{k: v for k, v in tables.items() if k != missing}, "double_coding": bad}) == []
    assert ori.coding_settled(tables) == []


def test_every_practice_and_link_is_double_coded():
    tables = {"practices": CODED_PRACTICES, "practice_links": CODED_LINKS}
    assert ori.double_coded({**tables, "double_coding": _coding(*FULL)}) == []
    problems = ori.double_coded({**tables, "double_coding": _coding(*FULL[:2], FULL[3])})
    assert [(p.file, p.line, p.column, p.message.split(" not ")[0]) for p in problems] == [
        ("practices.csv", 3, "origin", "origin"), ("practice_links.csv", 2, "basis", "basis")]
    [p] = ori.double_coded({**tables, "double_coding": _coding(*FULL[2:])})
    assert (p.line, p.message) == (2, "origin and origin_place not double-coded in double_coding.csv (two coders, "
                                      "the settled value, the reason)")
    nameless = table("practices", [{"practice_id": None, "origin": "own", "origin_place": None}])
    assert ori.double_coded({"practices": nameless, "practice_links": CODED_LINKS, "double_coding": _coding(FULL[4])}) == []
    for missing in ("practices", "practice_links", "double_coding"):
        assert ori.double_coded({k: v for k, v in {**tables, "double_coding": _coding()}.items() if k != missing}) == []
    assert ori.link_item("a", "b") == "a->b"


# --- _meaning -------------------------------------------------------------------------------

def _written(name, *pairs):
    return table(name, [{"as_written": w, "quote": q} for w, q in pairs])


def test_as_written_stands_in_its_quote_as_a_number_of_its_own():
    ok = [("12%", "增长12%"), ("1 2", "1 2"), ("12", "12 3"), ("二", "十二和二"), ("5", "a.5"), ("5", "5.a"), ("5", "5"),
          ("5", "5,a"), (None, "x"), ("1", None), ("二", "和二"), ("5", "十5"), ("5", "5十")]
    assert mean.as_written_in_quote({"statistics": _written("statistics", *ok)}) == []
    inside = [("12", "2012年"), ("二", "二十个"), ("十", "十二"), ("3", "3.5万"), ("5", "3.5万"), ("1", "1,000"),
              ("000", "1,000"), ("2", "12")]
    problems = mean.as_written_in_quote({"exclusions": _written("exclusions", *inside, ("5", "增长12%"))})
    assert where(problems) == [("exclusions.csv", n, "as_written") for n in range(2, 11)]
    assert problems[0].message == "'12' stands in the quote only inside a longer number"
    assert problems[-1].message == "'5' is not in the quote"
    assert mean.as_written_in_quote({"statistics": table("statistics", [{"quote": "x"}])}) == []


ARTS = table("articles", [
    {"article_id": "a", "published": "2017-05-01", "period_covered": "2004-2017"},
    {"article_id": "b", "published": "2020", "period_covered": "2020-2004"},
    {"article_id": "c", "published": "2019", "period_covered": "2004-2020"},
    {"article_id": "d", "published": "2019", "period_covered": None},
    {"article_id": "e", "published": None, "period_covered": "2004-2030"},
    {"article_id": "f", "published": "2019", "period_covered": "2019-2019"},
])


def test_periods_end_by_publication_unless_a_target():
    stats = table("statistics", [{"stat_id": s, "article_id": a, "period": p, "period_basis": b} for s, a, p, b in (
        ("s1", "a", "2017", "stated"), ("s2", "a", "2018", "stated"), ("s3", "a", "2016", "target"),
        ("s4", "a", "2017", "target"), ("s5", "a", "2030", "target"), ("s6", "zz", "2030", "stated"),
        ("s7", "a", "2017年", "stated"), ("s8", "a", "2010-2018", "inferred"), ("s9", "e", "2030", "stated"),
        ("s10", "a", None, "stated"))])
    problems = mean.periods_before_publication({"statistics": stats, "articles": ARTS})
    assert where(problems) == [("articles.csv", 3, "period_covered"), ("articles.csv", 4, "period_covered"),
                               ("statistics.csv", 3, "period"), ("statistics.csv", 4, "period_basis"),
                               ("statistics.csv", 9, "period")]
    assert problems[0].message == "'2020-2004' starts after it ends"
    assert problems[1].message == "'2004-2020' ends after the article was published (2019)"
    assert problems[2].message == ("'2018' ends after a was published (2017-05-01); a goal for a later year is "
                                   "period_basis 'target'")
    assert problems[3].message == "'target' but '2016' ends before the article was published (2017-05-01)"
    assert mean.periods_before_publication({"statistics": stats}) == []
    assert mean.periods_before_publication({"articles": ARTS}) == []


def test_a_statistics_place_is_its_articles_inside_it_or_named_by_its_quote():
    places = table("places", PLACES.frame.rows(named=True) + [
        {"place_code": "341000", "parent_code": "340000", "level": "prefecture", "province_code": "340000",
         "name_zh": "黄山市"},
        {"place_code": "L1", "parent_code": "L2", "level": "county", "province_code": "9", "name_zh": "甲县"},
        {"place_code": "L2", "parent_code": "L1", "level": "county", "province_code": "9", "name_zh": None}])
    rows = [("a", "330700", "x"), ("a", "330782-x", "x"), ("a", "341000", "与黄山市合作"), ("a", "341000", "黄 山"),
            ("a", "341000", "衢黄南饶"), ("a", "330800", None), ("a", None, "x"), ("zz", "330800", "x"),
            ("a", "404", "x"), ("a", "L1", "x"), ("a", "L2", "甲县")]
    stats = table("statistics", [{"article_id": a, "place_code": p, "quote": q} for a, p, q in rows])
    tables = {"statistics": stats, "articles": ARTICLES, "places": places}
    problems = mean.statistic_places(tables)
    assert where(problems) == [("statistics.csv", n, "place_code") for n in (6, 7, 11, 12)]
    assert problems[0].message == ("'341000' (黄山市) is neither a's place '330700' (金华市), a place inside it, nor a "
                                   "place its quote names")
    for missing in ("statistics", "articles", "places"):
        assert mean.statistic_places({k: v for k, v in tables.items() if k != missing}) == []


def test_name_stems_drop_the_suffix_but_keep_two_characters():
    names = ("金华市", "婺城区", "新狮街道", "金华开发区", "浙江省", "青春路社区", "县", "A市", "北京", "内蒙古自治区")
    assert [mean.name_stem(n) for n in names] == [
        "金华", "婺城", "新狮", "金华", "浙江", "青春路", "县", "A市", "北京", "内蒙古"]


# --- _sections ------------------------------------------------------------------------------

TEXT = "导语。引言一段。第一部分标题内容甲。第二部分标题内容乙。"


def _sections(*rows):
    return table("article_sections", [{"article_id": a, "section_id": s, "position": p, "quote": q}
                                      for a, s, p, q in rows])


GOOD_SECTIONS = [("a", "a-intro", 1, "引言"), ("a", "a-one", 2, "第一部分标题"), ("a", "a-two", 3, "第二部分标题")]


def _items(kind, *rows):
    id_col = "practice_id" if kind == "practice" else "stat_id"
    return table("practices" if kind == "practice" else "statistics",
                 [{id_col: i, "article_id": a, "quote": q} for i, a, q in rows])


def _placed(kind, *pairs):
    id_col = "practice_id" if kind == "practice" else "stat_id"
    return table(f"{kind}_sections", [{id_col: i, "section_id": s} for i, s in pairs])


def test_sections_are_numbered_from_one_and_start_with_their_article_id():
    prs, placed = _items("practice", ("p1", "a", "内容甲")), _placed("practice", ("p1", "a-one"))
    assert sec.check_sections(_sections(*GOOD_SECTIONS), placed, prs, None) == []
    gap = _sections(("a", "a-intro", 1, "引言"), ("a", "a-one", 2, "第一"), ("a", "b-two", 4, "第二"),
                    ("a", None, 9, "x"), ("b", "b-x", 2, "y"), ("b", "b-y", 3, "z"))
    problems = sec.check_sections(gap, placed, prs, None)
    assert where(problems) == [("article_sections.csv", 4, "section_id"), ("article_sections.csv", 4, "position"),
                               ("article_sections.csv", 6, "position")]
    assert problems[0].message == "'b-two' does not start with its article id 'a'"
    assert problems[1].message == ("4 but the sections of 'a' must be numbered 1, 2, 3 … without gaps or repeats: "
                                   "expected 3 here")
    twice = _sections(("a", "a-intro", 1, "引言"), ("a", "a-one", 1, "第一"), ("a", "a-two", 1, "第二"))
    assert [p.line for p in sec.check_sections(twice, placed, prs, None)] == [3]  # one problem per article


def test_headings_stand_in_the_article_in_the_order_of_their_positions():
    prs, placed = _items("practice", ("p1", "a", "内容甲")), _placed("practice", ("p1", "a-one"))
    swapped = _sections(("a", "a-intro", 1, "引言"), ("a", "a-one", 3, "第一部分标题"), ("a", "a-two", 2, "第二部分标题"))
    problems = sec.check_sections(swapped, placed, prs, Texts({"a": TEXT}))
    assert where(problems) == [("article_sections.csv", 3, "position")]
    assert problems[0].message == ("3, but its heading stands before that of 'a-two' (line 4) in the article: the "
                                   "sections are out of order")
    same = _sections(("a", "a-intro", 1, "引言"), ("a", "a-one", 2, "引言"), ("a", "a-two", 3, "不在"))
    assert [p.column for p in sec.check_sections(same, placed, prs, Texts({"a": TEXT}))] == ["position"]
    assert sec.check_sections(_sections(*GOOD_SECTIONS), placed, prs, Texts({"a": TEXT})) == []
    assert sec.check_sections(swapped, placed, prs, Texts({})) == []  # the text missing: the sources check says so
    assert sec.check_sections(swapped, placed, prs, Texts({"a": TEXT}, available=False)) == []
    # a heading at the very start of the text counts (offset 0), and so does a quote that starts with its heading
    first = _sections(("a", "a-intro", 2, "导语"), ("a", "a-one", 1, "第一部分标题"))
    [p] = sec.check_sections(first, placed, prs, Texts({"a": TEXT}))
    assert (p.line, p.column) == (2, "position") and "before that of 'a-one'" in p.message
    at_start = _sections(("a", "a-intro", 1, "导语"), ("a", "a-one", 2, "第一部分标题"))
    starts = _items("practice", ("p1", "a", "导语。引言"), ("p2", "a", "第一部分标题内容甲"))
    both = _placed("practice", ("p1", "a-intro"), ("p2", "a-one"))
    assert sec.check_sections(at_start, both, starts, Texts({"a": TEXT})) == []


@pytest.mark.parametrize("kind", ["practice", "statistic"])
def test_each_item_sits_in_the_section_its_quote_stands_in(kind):
    check = (lambda s, p, i, t: sec.check_sections(s, p, i, t)) if kind == "practice" else sec.check_statistic_sections
    id_col = "practice_id" if kind == "practice" else "stat_id"
    sections = _sections(*GOOD_SECTIONS, ("b", "b-one", 1, "别处"))
    items = _items(kind, ("i1", "a", "内容甲"), ("i2", "a", "内容乙"), ("i3", "a", "导语"), ("i4", "a", "不在文中"),
                   ("i5", "b", "x"), ("i6", "a", "内容甲"), ("i7", "zz", "x"), (None, "a", "x"))
    placed = _placed(kind, ("i1", "a-one"), ("i2", "a-one"), ("i3", "a-one"), ("i4", "a-two"), ("i5", "a-one"),
                     ("i7", "a-one"))
    problems = check(sections, placed, items, Texts({"a": TEXT}))
    file = f"{kind}_sections.csv"
    assert where(problems) == [(file, 6, "section_id"), (file, 7, "section_id"), (items.file, 7, id_col),
                               (file, 3, "section_id"), (file, 4, "section_id")]
    assert problems[0].message == f"'a-one' is a section of 'a', but {kind} 'i5' belongs to 'b'"
    assert problems[2].message == f"'i6' has no section in {file}: every {kind} needs one"
    assert problems[3].message == f"'a-one', but the {kind}'s quote stands in 'a-two'"
    assert problems[4].message == f"'a-one', but the {kind}'s quote stands in the text before the first heading"
    assert where(check(sections, placed, items, None)) == where(problems)[:3]
    assert where(check(sections, placed, items, Texts({"a": TEXT}, available=False))) == where(problems)[:3]


def test_the_section_checks_read_their_tables():
    tables = {"article_sections": _sections(*GOOD_SECTIONS), "articles": ARTICLES,
              "practice_sections": _placed("practice", ("p1", "a-two")), "practices": _items("practice", ("p1", "a", "内容甲")),
              "statistic_sections": _placed("statistic", ("s1", "a-one")), "statistics": _items("statistic", ("s1", "a", "x"))}
    texts = Texts({"a": TEXT})
    assert where(sec.CHECKS["sections"](tables, texts)) == [("practice_sections.csv", 2, "section_id")]
    assert sec.CHECKS["statistic-sections"](tables, texts) == []
    assert where(sec.CHECKS["statistic-sections"](tables, Texts({"a": TEXT + "x"}))) == [
        ("statistic_sections.csv", 2, "section_id")]
    for name in ("article_sections", "articles", "practice_sections", "practices"):
        assert sec.CHECKS["sections"]({k: v for k, v in tables.items() if k != name}, texts) == []
    for name in ("article_sections", "articles", "statistic_sections", "statistics"):
        assert sec.CHECKS["statistic-sections"]({k: v for k, v in tables.items() if k != name}, Texts({"a": TEXT + "x"})) \
            == []


# --- _term_counts ---------------------------------------------------------------------------

def _counts(*rows):
    return table("term_counts", [{"article_id": a, "term_zh": t, "occurrences": n, "characters": c}
                                 for a, t, n, c in rows])


TERMS = pl.DataFrame({"term_zh": ["平安", "网格"]})
TWO = pl.DataFrame({"article_id": ["a", "b"]})


def test_stored_counts_are_complete_and_agree_on_each_articles_length():
    run = lambda counts, texts=None: tc.check_term_counts("term_counts.csv", counts.lines, counts.frame, TERMS, TWO, texts)  # noqa: E731
    full = _counts(("a", "平安", 2, 6), ("a", "网格", 1, 6), ("b", "平安", 0, 3), ("b", "网格", 0, 3))
    assert run(full) == []
    problems = run(_counts(("a", "平安", 2, 6), ("a", "网格", 1, 7), ("b", "平安", 0, 3), (None, "网格", 0, 3),
                           ("a", "x", None, 6), ("a", "y", 1, 6)))
    assert where(problems) == [("term_counts.csv", 1, "term_zh"), ("term_counts.csv", 3, "characters")]
    assert problems[0].message.startswith("no counts for article b and term 网格: run `python3 run.py pingan terms")
    assert problems[1].message == "7 but line 2 gives 6 for the same article a"
    [p] = run(_counts(("a", "平安", 2, 6), ("a", "网格", 1, 6)))
    assert p.message.startswith("no counts for article b and terms 平安, 网格:")


def test_stored_counts_equal_a_recount_of_the_texts():
    run = lambda counts, texts: tc.check_term_counts("term_counts.csv", counts.lines, counts.frame, TERMS, TWO, texts)  # noqa: E731
    texts = Texts({"a": "平安平安网格", "b": "你好吗"})
    full = _counts(("a", "平安", 2, 6), ("a", "网格", 1, 6), ("b", "平安", 0, 3), ("b", "网格", 0, 3))
    assert run(full, texts) == []
    stale = _counts(("a", "平安", 3, 6), ("a", "网格", 1, 6), ("b", "平安", 0, 4), ("b", "网格", 0, 4),
                    ("a", None, 1, 6), ("zz", "平安", 5, 1), ("a", "网格", None, None))
    problems = run(stale, texts)
    assert where(problems) == [("term_counts.csv", 2, "occurrences"), ("term_counts.csv", 4, "characters"),
                               ("term_counts.csv", 5, "characters")]
    assert problems[0].message.startswith("3 but 平安 occurs 2 times in a: run `python3 run.py pingan terms --refresh`")
    assert problems[1].message.startswith("4 but the article has 3 characters without whitespace: run")
    assert run(stale, Texts({}, available=False)) == [] and run(stale, None) == []


def test_the_term_count_check_reads_its_tables():
    counts = _counts(("a", "平安", 2, 6))
    tables = {"term_counts": counts, "governance_terms": table("governance_terms", [{"term_zh": "平安"}]),
              "articles": table("articles", [{"article_id": "a"}])}
    assert tc.CHECKS["term-counts"](tables, Texts({"a": "平安平安网格"})) == []
    assert where(tc.CHECKS["term-counts"](tables, Texts({"a": "平安"}))) == [("term_counts.csv", 2, "characters"),
                                                                            ("term_counts.csv", 2, "occurrences")]
    for name in tables:
        assert tc.CHECKS["term-counts"]({k: v for k, v in tables.items() if k != name}, Texts({"a": "平安"})) == []


def test_a_check_that_needs_a_column_the_contract_lacks_says_so():
    renamed = table("glossary", [{"term_zh": "网格员", "term_english": "grid worker", "pinyin": "wǎnggéyuán"}])
    found = checks.run_checks({"glossary": renamed, "practices": practices({"name_zh": "网格员"})}, None, "dp.json")
    [p] = [p for p in found if p.code == "practice-english"]
    assert (p.file, p.line, p.column) == ("dp.json", 1, None)
    assert p.message.startswith('the check practice-english cannot run: unable to find column "term_en"')


def test_every_check_code_is_documented_in_the_reference():
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[1] / "docs" / "reference.md").read_text(encoding="utf-8")
    assert [code for code in checks.CHECKS if f"`{code}`" not in doc] == []


# --- _values ----------------------------------------------------------------------------------

def figures(*rows):
    base = {"stat_id": "s", "as_written": "5%", "value": -5.0, "measure": "change_pct", "unit": "percent",
            "qualifier": "exact", "quote": "下降5%", "period": "2019"}
    return {"statistics": table("statistics", [{**base, **r} for r in rows])}


def test_a_value_is_what_its_words_read_as():
    ok = figures({}, {"as_written": "1.2万", "value": 12000.0, "measure": "count", "unit": "cases", "quote": "1.2万"},
                 {"as_written": "近3000", "value": 3000.0, "measure": "count", "unit": "cases", "qualifier": "approx",
                  "quote": "近3000"}, {"as_written": None, "value": None}, {"as_written": "7", "value": None},
                 {"as_written": None, "value": 7.0})
    assert val.value_as_written(ok) == [] and val.value_sign(ok) == [] and val.value_unit(ok) == []
    bad = figures({"as_written": "12000", "value": 1200.0, "measure": "count", "unit": "cases"},
                  {"as_written": "近3000", "value": 3000.0, "measure": "count", "unit": "cases"},
                  {"as_written": "五点", "value": 5.0})
    found = val.value_as_written(bad)
    assert where(found) == [("statistics.csv", 2, "value"), ("statistics.csv", 3, "qualifier"),
                            ("statistics.csv", 4, "as_written")]
    assert found[0].message == "1200 does not match '12000', which reads 12000"
    assert val.value_as_written(figures({"value": 5.0, "quote": "上升5%"})) == []  # a change: its size


def test_a_unit_is_the_one_printed_and_one_its_measure_takes():
    assert val.value_unit(figures({}, {"as_written": "3个百分点", "value": 3.0, "measure": "change_pp",
                                       "unit": "percentage-points", "quote": "提高3个百分点"})) == []
    bad = figures({"unit": "cases"}, {"as_written": "3个百分点", "value": 3.0, "unit": "percent"},
                  {"as_written": "30", "value": 30.0, "measure": "count", "unit": "percent"},
                  {"as_written": "90%", "value": 90.0, "measure": "rate_pct", "unit": "percent"},
                  {"as_written": "9", "value": 9.0, "measure": "share_pct", "unit": "cases"})
    assert [(p.line, p.message) for p in val.value_unit(bad)] == [
        (2, "'cases' but '5%' is a percentage"), (2, "measure 'change_pct' needs unit percent"),
        (3, "'percent' but '3个百分点' is in percentage points"),
        (4, "'percent' but '30' has no percent sign"),
        (6, "measure 'share_pct' needs unit percent")]


def test_only_a_change_is_negative_and_its_sign_has_its_word():
    ok = figures({}, {"value": 5.0, "quote": "增长5%"}, {"value": 0.0, "quote": "持平"},
                 {"as_written": "5", "value": 5.0, "measure": "count", "unit": "cases", "quote": "5起"},
                 {"as_written": "0", "value": 0.0, "measure": "count", "unit": "cases", "quote": "0起"})
    assert val.value_sign(ok) == []
    bad = figures({"quote": "增长5%"}, {"value": 5.0, "quote": "下降5%"},
                  {"as_written": "5", "value": -5.0, "measure": "count", "unit": "cases", "quote": "5起"},
                  {"as_written": "0.5", "value": -0.5, "measure": "count", "unit": "cases", "quote": "0.5起"},
                  {"as_written": "0.5%", "value": 0.5, "quote": "持平0.5%"})
    assert [(p.line, p.message.split(" (")[0] if "word" not in p.message else p.message.rsplit(" (", 1)[0]) for p in val.value_sign(bad)] == [
        (2, "negative (a decrease) but the quote has no word of decrease"),
        (3, "positive (an increase) but the quote has no word of increase"),
        (4, "negative -5 but measure 'count' is not a change"),
        (5, "negative -0.5 but measure 'count' is not a change"),
        (6, "positive (an increase) but the quote has no word of increase")]


def test_a_row_whose_words_do_not_read_is_reported_once():
    bad = figures({"as_written": "五点", "value": -5.0, "measure": "count", "unit": "cases", "period": "2019-2017",
                   "quote": "五点"})
    found = [(code, p.column) for code, check in val.CHECKS.items() if code != "period-inferred"
             for p in check(bad)]
    assert found == [("value-as-written", "as_written")]


def test_a_period_runs_forwards():
    assert val.period_forwards(figures({"period": "2013-2017"}, {"period": "2017"}, {"period": None})) == []
    found = val.period_forwards(figures({}, {"period": "2017-2013"}, {"period": "2017-2017"}))
    assert where(found) == [("statistics.csv", 3, "period"), ("statistics.csv", 4, "period")]


def test_a_consistency_check_names_the_figures_its_kind_needs():
    t = table("consistency_checks", [
        {"kind": "implied_rate", "denominator": "d", "stated_rate": "r"},
        {"kind": "implied_total", "denominator": None, "stated_rate": "r"},
        {"kind": "ratio", "denominator": "d", "stated_rate": None},
        {"kind": "implied_rate", "denominator": None, "stated_rate": "r"},
        {"kind": "implied_total", "denominator": "d", "stated_rate": "r"},
        {"kind": "ratio", "denominator": None, "stated_rate": "r"}])
    assert [(p.line, p.column, p.message) for p in val.check_figures({"consistency_checks": t})] == [
        (5, "denominator", "a implied_rate check needs its denominator"),
        (6, "denominator", "a implied_total check has no denominator; leave it empty"),
        (7, "denominator", "a ratio check needs its denominator"),
        (7, "stated_rate", "a ratio check has no stated_rate; leave it empty")]
    assert val.check_figures({}) == [] and val.value_sign({}) == []


# --- _places, _links, _dates ------------------------------------------------------------------

def places(*rows):
    base = {"code_scheme": "gb2260", "province_code": "330000"}
    return {"places": table("places", [{**base, **r} for r in rows])}


ZJ = {"place_code": "330000", "level": "province", "parent_code": None}
JH = {"place_code": "330700", "level": "prefecture", "parent_code": "330000"}


def test_places_sit_below_their_parents_in_their_province():
    ok = places(ZJ, JH, {"place_code": "330702", "level": "county", "parent_code": "330700"},
                {"place_code": "330702-x", "level": "village", "parent_code": "330702", "code_scheme": "workbook"})
    assert plc.place_hierarchy(ok) == []
    bad = places(ZJ, JH,
                 {"place_code": "330703", "level": "prefecture", "parent_code": "330700"},     # not below
                 {"place_code": "33070", "level": "county", "parent_code": "330700"},          # five digits
                 {"place_code": "x-1", "level": "village", "parent_code": "330700", "code_scheme": "workbook"},
                 {"place_code": "330704", "level": "county", "parent_code": None},             # no parent
                 {"place_code": "340000", "level": "province", "parent_code": "330000", "province_code": "330000"},
                 {"place_code": "330705", "level": "county", "parent_code": "330700", "province_code": "340000"})
    assert where(plc.place_hierarchy(bad)) == [
        ("places.csv", 4, "level"), ("places.csv", 5, "place_code"), ("places.csv", 6, "place_code"),
        ("places.csv", 7, "parent_code"), ("places.csv", 8, "province_code"), ("places.csv", 8, "parent_code"),
        ("places.csv", 8, "level"), ("places.csv", 9, "province_code")]


def test_a_practice_has_one_home_and_its_name_abbreviates_its_places():
    prac = table("practices", [{"practice_id": "p", "name_zh": "衢黄南饶联盟"}, {"practice_id": "q", "name_zh": "x"}])
    pp = table("practice_places", [
        {"practice_id": "p", "role": "home", "name_part": "衢"}, {"practice_id": "p", "role": "partner", "name_part": "黄"},
        {"practice_id": "p", "role": "home", "name_part": "杭"}, {"practice_id": "q", "role": "partner", "name_part": None}])
    t = {"practice_places": pp, "practices": prac}
    assert [(p.line, p.column) for p in plc.practice_home(t)] == [(4, "role"), (1, "role")]
    assert "has a home already (line 2)" in plc.practice_home(t)[0].message
    assert plc.practice_home(t)[1].message == "'q' has no home place (role 'home')"
    assert where(plc.name_part(t)) == [("practice_places.csv", 4, "name_part")]
    assert plc.name_part({"practice_places": pp}) == [] and plc.practice_home({}) == []


def test_a_link_joins_two_practices_of_its_own_article():
    prac = table("practices", [{"practice_id": "p", "article_id": "a"}, {"practice_id": "q", "article_id": "a"},
                               {"practice_id": "r", "article_id": "b"}])
    links = table("practice_links", [{"article_id": "a", "from_practice": "p", "to_practice": "q"},
                                     {"article_id": "a", "from_practice": "p", "to_practice": "r"},
                                     {"article_id": "a", "from_practice": "q", "to_practice": "q"}])
    found = lnk.link_within_article({"practice_links": links, "practices": prac})
    assert where(found) == [("practice_links.csv", 3, "to_practice"), ("practice_links.csv", 4, "to_practice")]
    assert found[0].message == "'r' belongs to article 'b' in practices.csv, not to 'a': a link joins practices of one article"
    assert found[1].message == "'q' links to itself"


def test_a_date_has_the_length_its_precision_says():
    arts = table("articles", [{"published": "2017-05-04", "date_precision": "day"},
                              {"published": "2017-05", "date_precision": "day"},
                              {"published": "2017-05", "date_precision": "month"},
                              {"published": "2017-05-0", "date_precision": "month"}])
    tl = table("timeline", [{"date": "2004", "date_precision": "year"}, {"date": "2004", "date_precision": "month"},
                            {"date": None, "date_precision": "year"}])
    found = dat.date_precision({"articles": arts, "timeline": tl})
    assert where(found) == [("articles.csv", 3, "date_precision"), ("articles.csv", 5, "date_precision"),
                            ("timeline.csv", 3, "date_precision")]
    assert found[0].message == "'day' but published '2017-05' has 7 characters"
    assert dat.date_precision({"articles": table("articles", [{"published": "2017"}])}) == []  # no precision column


def test_how_a_coding_was_settled_says_why_unless_both_coders_gave_it():
    rows = [("own", "own", "own", "agreement", None),            # fine
            ("own", "city", "own", "adjudication", "rule 1"),   # fine
            ("own", "own", None, "review", "rule 6"),           # fine: a later reading changed a shared code
            ("own", "city", "own", "agreement", None),          # not agreement: the coders differed
            ("own", "own", "own", "review", "why"),             # nothing changed: that is agreement
            ("own", "city", "city", "adjudication", " "),       # no reason
            (None, None, None, "agreement", None)]              # empty agrees with empty
    t = table("double_coding", [{"coder_a": a, "coder_b": b, "settled": s, "settled_at": st, "reason": r}
                                for a, b, s, st, r in rows])
    problems = ori.coding_stage({"double_coding": t})
    assert [(p.line, p.column) for p in problems] == [(5, "settled_at"), (6, "settled_at"), (7, "reason")]
    assert problems[0].message == ("agreement, but the coders gave own and city and the settled value is own: say "
                                   "adjudication or review, and why")
    assert problems[1].message == "review, but both coders gave the settled value own: that is agreement"
    assert ori.CHECKS["coding-stage"] is ori.coding_stage
    assert ori.coding_stage({}) == [] and ori.coding_stage({"double_coding": table("double_coding", [{"settled": "x"}])}) == []
