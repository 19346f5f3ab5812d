"""The model as data: template families and tiers on practices, links between practices, and
the helpers that serve them. Bad input to the new columns and table is reported as
``file:line: column: message``."""
from __future__ import annotations

import csv
import json

import polars as pl
import pytest

import pingan
from conftest import assert_reported

FAMILIES = ["grid-management", "four-platforms", "mediation-centre", "peoples-mediation", "fengqiao",
            "three-governances", "party-building-led", "video-surveillance", "digital-governance",
            "mass-prevention", "accountability", "village-supervision", "cross-border", "special-campaigns",
            "service-reform", "local"]
TIERS = ["province", "city", "county", "township", "village", "grid", "cross-border"]
RELATIONS = ["escalates-to", "feeds", "coordinates-with", "supervises", "part-of"]
BASES = ["stated", "inferred"]

@pytest.fixture(scope="module")
def tables(data_dir):
    return pingan.load_all(data_dir)


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

def test_every_article_has_at_least_three_links_between_its_practices_of_its_own(reported):
    """The rules live in `pingan validate` (article-links; a link's two ends in its own article is the
    contract's check of practice_links); here: the data keep them."""
    assert reported("article-links") == []


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

def test_the_template_rules_hold(reported):
    """Each tagged practice shows its template (family-evidence) and so does one quote per article and
    template (family-quoted); a name with a signature term carries it (family-signature); an article
    naming a signature term carries the template or says why not (family-named, signature-exception);
    Fengqiao only where the article invokes it (family-invoked). The rules are checks of `pingan
    validate`, each unit-tested in tests/test_checks.py."""
    assert reported("family-evidence", "family-quoted", "family-signature", "family-named", "signature-exception",
                    "family-invoked") == []


def test_fengqiao_is_the_template_tagged_only_where_named(tables):
    flags = dict(tables["families"].select("family", "only_where_named").iter_rows())
    assert flags["fengqiao"] is True and sum(flags.values()) == 1


def test_every_place_is_used(reported, tables):
    """A place is named by an article, used by a row or above one, or one of Zhejiang's cities (for the
    map): the check place-used."""
    assert reported("place-used") == []
    for place in ("上海", "金山区", "重庆", "黄山", "南平", "上饶"):  # neighbours the lead asked for
        assert any(place in n for n in tables["places"]["name_zh"]), place


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


# --- the template and curation rules, end to end ------------------------------------------

def test_a_signature_term_named_but_not_carried_is_reported_and_still_loads(package_copy, sources_dir):
    """Without its exception, Wucheng's 三治 (inside a quoted remark) is a template the article names
    but carries not: a gap in the curation, which validate reports and loading allows."""
    rows = _rows(package_copy / "signature_exceptions.csv")
    aid, term = rows[1][0], rows[1][1]
    _write(package_copy / "signature_exceptions.csv", rows[:1] + rows[2:])
    line = next(i for i, r in enumerate(_rows(package_copy / "articles.csv"), 1) if r[0] == aid)
    assert_reported(package_copy, sources_dir, rf"articles\.csv:{line}: article_id: {aid} names {term}, a signature "
                                               r"term of three-governances, but none of its practices carries")


def test_fengqiao_where_the_article_does_not_invoke_it_is_reported(package_copy, sources_dir):
    rows = _rows(package_copy / "practices.csv")
    line = next(i for i, r in enumerate(rows[1:], 2) if r[1] == "jinhua-2017")
    _edit(package_copy / "practices.csv", line, family="fengqiao")
    assert_reported(package_copy, sources_dir, rf"practices\.csv:{line}: family: 'fengqiao' is tagged only where the "
                                               r"article names it .* jinhua-2017 names none of: 枫桥经验")


def test_an_article_with_too_few_links_is_reported_and_still_loads(package_copy, sources_dir):
    p = package_copy / "practice_links.csv"
    rows = _rows(p)
    aid = rows[1][0]
    _write(p, [r for r in rows if r[0] != aid] + [r for r in rows if r[0] == aid][:2])
    line = next(i for i, r in enumerate(_rows(package_copy / "articles.csv"), 1) if r[0] == aid)
    assert_reported(package_copy, sources_dir, rf"articles\.csv:{line}: article_id: {aid} has 2 links between its "
                                               r"practices in .*practice_links\.csv; every article has at least 3")
