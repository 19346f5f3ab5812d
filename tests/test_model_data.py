"""The model as data: template families and tiers on practices, links between practices, and
the helpers that serve them. Bad input to the new columns and table is reported as
``file:line: column: message``."""
from __future__ import annotations

import csv
import json
import re

import polars as pl
import pytest

import pingan
from conftest import assert_reported
from pingan.text._matching import SourceTexts

FAMILIES = ["grid-management", "four-platforms", "mediation-centre", "peoples-mediation", "fengqiao",
            "three-governances", "party-building-led", "video-surveillance", "digital-governance",
            "mass-prevention", "accountability", "village-supervision", "cross-border", "special-campaigns",
            "service-reform", "local"]
TIERS = ["province", "city", "county", "township", "village", "grid", "cross-border"]
RELATIONS = ["escalates-to", "feeds", "coordinates-with", "supervises", "part-of"]
BASES = ["stated", "inferred"]

# Key and signature terms of each template come from the data package (families.csv); the rules
# on single practices run in `pingan validate` (pingan.package.checks._curation). The two below
# look across an article and need its text.
def _family_terms(column: str) -> dict[str, list[str]]:
    fam = pingan.load("families")
    return {f: [x for x in (v or "").split("|") if x] for f, v in fam.select("family", column).iter_rows()}


FAMILY_TERMS = _family_terms("key_terms")
SIGNATURES = {term: f for f, terms in _family_terms("signature_terms").items() for term in terms}
TEXT_EXCEPTIONS = {
    ("wucheng-2020", "三治"): "only inside the district party secretary's quoted remark, which does not name a template",
}


@pytest.fixture(scope="module")
def tables(data_dir):
    return pingan.load_all(data_dir)


@pytest.fixture(scope="module")
def texts(tables, sources_dir):
    return SourceTexts(tables["articles"], sources_dir)


# --- the contract -----------------------------------------------------------------------

def _resource(data_dir, name):
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return next(r for r in pkg["resources"] if r["name"] == name)


def test_practices_contract_declares_family_tier_and_basis(data_dir):
    fields = {f["name"]: f for f in _resource(data_dir, "practices")["schema"]["fields"]}
    assert fields["family"]["constraints"] == {"required": True, "enum": FAMILIES}
    assert fields["tier"]["constraints"] == {"required": True, "enum": TIERS}
    assert fields["family_basis"]["constraints"] == {"required": True}
    for slug in FAMILIES:  # the description explains every slug
        assert slug in fields["family"]["description"], slug


def test_practice_links_contract(data_dir):
    r = _resource(data_dir, "practice_links")
    fields = {f["name"]: f for f in r["schema"]["fields"]}
    assert list(fields) == ["article_id", "from_practice", "to_practice", "relation", "quote", "notes", "basis", "basis_note"]
    assert fields["relation"]["constraints"]["enum"] == RELATIONS
    assert fields["basis"]["constraints"] == {"required": True, "enum": BASES}
    assert fields["basis_note"]["constraints"] == {"required": True}
    for slug in BASES:  # the description explains both values
        assert slug in fields["basis"]["description"], slug
    assert r["schema"]["primaryKey"] == ["from_practice", "to_practice", "relation"]
    refs = {tuple(fk["fields"]): (fk["reference"]["resource"], fk["reference"]["fields"]) for fk in r["schema"]["foreignKeys"]}
    assert refs == {("article_id",): ("articles", ["article_id"]), ("from_practice",): ("practices", ["practice_id"]),
                    ("to_practice",): ("practices", ["practice_id"])}
    assert "practice_links" in pingan.TABLES


def test_new_columns_load_as_enums(tables):
    p, links = tables["practices"], tables["practice_links"]
    assert p.schema["family"] == pl.Enum(FAMILIES) and p.schema["tier"] == pl.Enum(TIERS)
    assert links.schema["relation"] == pl.Enum(RELATIONS)
    assert links.schema["basis"] == pl.Enum(BASES)
    assert links["basis_note"].null_count() == 0
    assert p["family_basis"].null_count() == 0


# --- the curated links ------------------------------------------------------------------

def test_every_article_has_at_least_three_links(tables):
    counts = dict(tables["practice_links"].group_by("article_id").len().iter_rows())
    assert {a: counts.get(a, 0) for a in tables["articles"]["article_id"] if counts.get(a, 0) < 3} == {}


def test_link_endpoints_belong_to_the_links_article(tables):
    article_of = dict(tables["practices"].select("practice_id", "article_id").iter_rows())
    for aid, a, b in tables["practice_links"].select("article_id", "from_practice", "to_practice").iter_rows():
        assert article_of[a] == aid and article_of[b] == aid and a != b, (aid, a, b)


def test_quzhou_chain_runs_from_grid_to_city_centre(tables):
    """The article's 141 → 1141 system, as escalation links: grid → township → county → city."""
    links = tables["practice_links"].filter(pl.col("relation") == "escalates-to")
    tier = dict(tables["practices"].select("practice_id", pl.col("tier").cast(pl.String)).iter_rows())
    step = {tier[a]: tier[b] for a, b in links.filter(pl.col("article_id") == "quzhou-2024")
            .select("from_practice", "to_practice").iter_rows()}
    assert step == {"grid": "township", "township": "county", "county": "city"}


def test_quzhou_chain_is_inferred_not_stated(tables):
    """The article lists the tiers; "a problem climbs the rungs" is the provincial design (issue 16.5)."""
    chain = tables["practice_links"].filter((pl.col("article_id") == "quzhou-2024") & (pl.col("relation") == "escalates-to"))
    assert chain.height > 0 and set(chain["basis"].cast(pl.String)) == {"inferred"}


def test_lanxi_centre_takes_in_petitions_courts_and_legal_services(tables):
    parts = tables["practice_links"].filter((pl.col("to_practice") == "lanxi-dispute-resolution-centre")
                                            & (pl.col("relation") == "part-of"))["from_practice"]
    names = tables["practices"].filter(pl.col("practice_id").is_in(parts.implode()))["name_zh"].to_list()
    for centre in ("联合接访中心", "诉讼服务中心", "公共法律服务中心"):
        assert centre in names


# --- the template tagging ---------------------------------------------------------------

def _has_term(text: str | None, family: str) -> bool:
    return bool(text) and any(t in text for t in FAMILY_TERMS[family])


def test_every_family_an_article_carries_has_a_quote_with_its_key_term(tables):
    """Per article and family, at least one practice's own quote shows the template."""
    missing = []
    by = tables["practices"].filter(pl.col("family") != "local").group_by("article_id", "family")
    for (aid, fam), group in by:
        if not any(_has_term(q, str(fam)) for q in group["quote"]):
            missing.append((aid, str(fam)))
    assert sorted(missing) == []


def test_article_using_a_signature_term_carries_its_family(tables, texts):
    """The converse: no template the article names is left untagged (exceptions say why)."""
    carried = {(a, str(f)) for a, f in tables["practices"].select("article_id", "family").iter_rows()}
    missing = [(aid, term, fam) for aid in tables["articles"]["article_id"]
               for term, fam in SIGNATURES.items()
               if term in texts.flat(aid) and (aid, fam) not in carried and (aid, term) not in TEXT_EXCEPTIONS]
    assert missing == []
    for (aid, term) in TEXT_EXCEPTIONS:  # an exception that no longer applies is removed
        assert term in texts.flat(aid) and (aid, SIGNATURES[term]) not in carried, (aid, term)


def test_fengqiao_only_where_the_article_invokes_it(tables, texts):
    tagged = set(tables["practices"].filter(pl.col("family") == "fengqiao")["article_id"])
    invoking = {a for a in tables["articles"]["article_id"] if "枫桥经验" in texts.flat(a)}
    assert tagged == invoking


# Places the articles name only by abbreviation or as a group.
ABBREVIATED = {"江西省": "浙赣", "黄山市": "衢黄南饶", "南平市": "衢黄南饶", "上饶市": "衢黄南饶",
               "安徽省": "四省边际", "福建省": "四省边际"}


def test_every_place_is_named_by_some_article(tables, texts):
    """Zhejiang's eleven cities are all listed for the map; every other place is in an article."""
    flat_all = "".join(texts.flat(a) for a in tables["articles"]["article_id"])
    others = tables["places"].filter(~((pl.col("level") == "prefecture") & (pl.col("province_code") == "330000")))
    unnamed = [n for n in others["name_zh"]
               if n not in flat_all and re.sub(r"(省|市|区|县|镇|街道|村|社区|商圈)$", "", n) not in flat_all
               and ABBREVIATED.get(n, "-") not in flat_all]
    assert unnamed == []
    for place in ("上海", "金山区", "重庆", "黄山", "南平", "上饶"):  # neighbours the lead asked for
        assert any(place in n for n in others["name_zh"]), place


# --- helpers ----------------------------------------------------------------------------

def test_model_practices_orders_one_article_up_the_ladder(tables):
    df = pingan.model_practices("quzhou-2024", tables=tables)
    assert df.height == tables["practices"].filter(pl.col("article_id") == "quzhou-2024").height
    assert df.columns[:3] == ["practice_id", "tier", "family"]
    ranks = [TIERS.index(t) for t in df["tier"].cast(pl.String)]
    assert ranks == sorted(ranks)


def test_model_links_carries_both_ends_names(tables):
    df = pingan.model_links("wucheng-2020", tables=tables)
    assert df.height == tables["practice_links"].filter(pl.col("article_id") == "wucheng-2020").height
    for col in ("from_name_en", "from_name_zh", "to_name_en", "to_name_zh", "from_tier", "to_tier", "basis", "basis_note"):
        assert df[col].null_count() == 0, col
    stored = dict(((a, b), basis) for a, b, basis in tables["practice_links"].filter(pl.col("article_id") == "wucheng-2020")
                  .select("from_practice", "to_practice", pl.col("basis").cast(pl.String)).iter_rows())
    assert {(a, b): basis for a, b, basis in df.select("from_practice", "to_practice", pl.col("basis").cast(pl.String))
            .iter_rows()} == stored


@pytest.mark.parametrize("helper", [pingan.model_practices, pingan.model_links])
def test_unknown_article_id_lists_the_valid_ones(helper, tables):
    with pytest.raises(ValueError, match=r"unknown article id 'quzhou'.*jinhua-2017.*jiaxing-2024"):
        helper("quzhou", tables=tables)


def test_template_matrix(tables):
    m = pingan.template_matrix(tables=tables)
    arts = tables["articles"]["article_id"].to_list()
    assert m.height == len(FAMILIES) * len(arts)
    assert m["practices"].sum() == tables["practices"].height
    p = tables["practices"]
    for r in m.filter(pl.col("practices") > 0).iter_rows(named=True):
        ex = p.filter(pl.col("practice_id") == r["example_practice"]).row(0, named=True)
        assert (ex["article_id"], str(ex["family"]), ex["quote"]) == (r["article_id"], str(r["family"]), r["example_quote"])
    published = dict(tables["articles"].select("article_id", "published").iter_rows())
    for fam, group in m.group_by("family"):
        carriers = group.filter(pl.col("practices") > 0)["article_id"].to_list()
        first = group["first_article"][0]
        assert first in carriers and published[first] == min(published[a] for a in carriers), fam
    assert m.filter(pl.col("practices") == 0)["example_quote"].null_count() == m.filter(pl.col("practices") == 0).height


# --- bad input --------------------------------------------------------------------------

def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _edit(path, line, **values):
    rows = _rows(path)
    for col, v in values.items():
        rows[line - 1][rows[0].index(col)] = v
    _write(path, rows)
    return rows


def _practice_of_other_article(pkg, article_id):
    rows = _rows(pkg / "practices.csv")
    return next(r[0] for r in rows[1:] if r[1] != article_id)


def test_link_to_a_practice_of_another_article(package_copy, sources_dir):
    p = package_copy / "practice_links.csv"
    aid = _rows(p)[3][0]
    other = _practice_of_other_article(package_copy, aid)
    _edit(p, 4, to_practice=other)
    assert_reported(package_copy, sources_dir,
                    rf"practice_links\.csv:4: to_practice: '{other}' belongs to article '[a-z0-9-]+' in .*practices\.csv, not to '{aid}'")


def test_link_from_a_practice_of_another_article_is_named_by_column(package_copy, sources_dir):
    p = package_copy / "practice_links.csv"
    aid = _rows(p)[6][0]
    other = _practice_of_other_article(package_copy, aid)
    _edit(p, 7, from_practice=other)
    assert_reported(package_copy, sources_dir, rf"practice_links\.csv:7: from_practice: '{other}' belongs to article")


def test_link_to_itself(package_copy, sources_dir):
    p = package_copy / "practice_links.csv"
    rows = _rows(p)
    _edit(p, 2, to_practice=rows[1][rows[0].index("from_practice")])
    assert_reported(package_copy, sources_dir, r"practice_links\.csv:2: to_practice: '[a-z0-9-]+' links to itself")


def test_link_to_an_unknown_practice(package_copy, sources_dir):
    _edit(package_copy / "practice_links.csv", 3, from_practice="no-such-practice")
    assert_reported(package_copy, sources_dir,
                    r"practice_links\.csv:3: from_practice: 'no-such-practice' is not a practice_id in .*practices\.csv")


def test_link_quote_not_in_its_article(package_copy, sources_dir):
    _edit(package_copy / "practice_links.csv", 5, quote="网格员每天上报三次")
    assert_reported(package_copy, sources_dir, r"practice_links\.csv:5: quote: not found in \d{3}_[0-9a-f]{16}\.txt")


def test_duplicate_link(package_copy, sources_dir):
    p = package_copy / "practice_links.csv"
    rows = _rows(p)
    _write(p, rows + [rows[1]])
    assert_reported(package_copy, sources_dir,
                    rf"practice_links\.csv:{len(rows) + 1}: from_practice,to_practice,relation: duplicate primary key .*first on line 2")


@pytest.mark.parametrize("column,value,message", [
    ("family", "grid", r"'grid' is not one of: grid-management, four-platforms"),
    ("tier", "multi-level", r"'multi-level' is not one of: province, city, county, township, village, grid, cross-border"),
    ("family_basis", "", r"required value is empty"),
])
def test_bad_family_tier_or_basis(package_copy, sources_dir, column, value, message):
    _edit(package_copy / "practices.csv", 6, **{column: value})
    assert_reported(package_copy, sources_dir, rf"practices\.csv:6: {column}: {message}")


@pytest.mark.parametrize("column,value,message", [
    ("basis", "implied", r"'implied' is not one of: stated, inferred"),
    ("basis", "", r"required value is empty"),
    ("basis_note", "", r"required value is empty"),
])
def test_bad_link_basis(package_copy, sources_dir, column, value, message):
    _edit(package_copy / "practice_links.csv", 9, **{column: value})
    assert_reported(package_copy, sources_dir, rf"practice_links\.csv:9: {column}: {message}")


def test_bad_relation(package_copy, sources_dir):
    _edit(package_copy / "practice_links.csv", 2, relation="reports-to")
    assert_reported(package_copy, sources_dir, r"practice_links\.csv:2: relation: 'reports-to' is not one of: escalates-to")


def _place_line(pkg, code):
    return next(i for i, r in enumerate(_rows(pkg / "places.csv"), 1) if r[0] == code)


def test_place_outside_zhejiang_keeps_its_provinces_code(package_copy, sources_dir):
    line = _place_line(package_copy, "310116")
    _edit(package_copy / "places.csv", line, province_code="330000")
    assert_reported(package_copy, sources_dir,
                    rf"places\.csv:{line}: province_code: '330000' but its parent '310000' is in province '310000'")


def test_province_is_its_own_province(package_copy, sources_dir):
    line = _place_line(package_copy, "500000")
    _edit(package_copy / "places.csv", line, province_code="330000")
    assert_reported(package_copy, sources_dir,
                    rf"places\.csv:{line}: province_code: '330000' but a province is its own province \('500000'\)")
