"""The governance-model charts and tables (issue 12): what the architecture layout must
guarantee (every node inside the plot, no two nodes at one position, every link drawn between
drawn nodes), titles computed from the data, errors. The style guide is held by the one sweep
in test_chart_style.py."""
from __future__ import annotations

import re

import polars as pl
import pytest

from chart_specs import inner_title, mark_type, units


import pingan
from conftest import public

TABLES = pingan.load_all()
ARTICLES = TABLES["articles"].sort("published", "article_id")["article_id"].to_list()
PER_ARTICLE = {"architecture_chart": ["practices.csv", "practice_links.csv"], "templates_chart": ["practices.csv"],
               "sections_chart": ["article_sections.csv", "practice_sections.csv", "practices.csv"]}
OVERALL = {"template_matrix_chart": ["practices.csv"], "term_emphasis_chart": ["term_counts.csv"]}
SLUG = re.compile(r"^[a-z]+(-[a-z]+)+$")


def _build(name, article_id, lang):
    fn = public(name)
    return (fn(article_id, tables=TABLES, lang=lang) if article_id else fn(tables=TABLES, lang=lang)).to_dict()


# --- the architecture layout ---------------------------------------------------------------

def _layers(spec):
    return {mark_type(u) + ":" + ",".join(sorted(u["encoding"])): rows for u, rows in units(spec)}


def _arch(article_id, **kw):
    return pingan.charts.architecture_chart(article_id, tables=TABLES, **kw).to_dict()


def _rule_rows(spec):
    return [r for u, rows in units(spec) if mark_type(u) == "rule" for r in rows]


def _box_rows(spec):
    return next(rows for u, rows in units(spec) if mark_type(u) == "rect")


@pytest.mark.parametrize("article_id", ARTICLES)
def test_architecture_draws_stated_links_only_by_default(article_id):
    links = TABLES["practice_links"].filter(pl.col("article_id") == article_id)
    stated = links.filter(pl.col("basis") == "stated")
    spec = _arch(article_id)
    drawn = {(r["from_practice"], r["to_practice"]) for r in _rule_rows(spec)}
    assert drawn == set(zip(stated["from_practice"], stated["to_practice"]))
    # only the practices on a drawn link are boxed
    ends = set(stated["from_practice"]) | set(stated["to_practice"])
    assert {r["practice_id"] for r in _box_rows(spec)} == ends
    sub = " ".join(inner_title(spec)["subtitle"])
    n_inferred = links.height - stated.height
    assert sub.startswith("Links the article states") and f"{n_inferred} inferred" in sub and "not drawn" in sub


@pytest.mark.parametrize("article_id", ARTICLES)
def test_architecture_draws_inferred_links_dashed_and_lighter_when_asked(article_id):
    links = TABLES["practice_links"].filter(pl.col("article_id") == article_id)
    spec = _arch(article_id, links="all")
    rows = _rule_rows(spec)
    assert len(rows) == links.height
    rule = next(u for u, _ in units(spec) if mark_type(u) == "rule")
    dash = rule["encoding"]["strokeDash"]["scale"]
    colour = rule["encoding"]["color"]["scale"]
    style = {b: (d, c) for b, d, c in zip(dash["domain"], dash["range"], colour["range"])}
    assert style["inferred"][0] != [1, 0] and style["stated in the article"][0] == [1, 0]
    assert style["inferred"][1] != style["stated in the article"][1]
    sub = " ".join(inner_title(spec)["subtitle"])
    n_stated = int((links["basis"] == "stated").sum())
    assert f"{n_stated} links the article states" in sub and f"{links.height - n_stated} inferred" in sub


def test_architecture_refuses_an_unknown_links_choice():
    with pytest.raises(ValueError, match="links must be one of stated, all"):
        pingan.charts.architecture_chart("quzhou-2024", tables=TABLES, links="inferred")


@pytest.mark.parametrize("article_id", ARTICLES)
@pytest.mark.parametrize("mode", ["stated", "all"])
def test_architecture_boxes_apart_inside_and_lines_between_box_edges(article_id, mode):
    from pingan.charts._model_layout import BOX_W
    spec = _arch(article_id, links=mode)
    inner = spec["vconcat"][0]
    boxes = _box_rows(spec)
    for r in boxes:
        assert 0 <= r["x0"] < r["x1"] <= inner["width"] and 0 <= r["y0"] < r["y1"] <= inner["height"]
    for i, a in enumerate(boxes):  # no two boxes overlap
        for b in boxes[i + 1:]:
            assert a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"]
    at = {r["practice_id"]: r for r in boxes}
    for r in _rule_rows(spec):  # from the right edge of one box to the left edge of the next column's
        a, b = at[r["from_practice"]], at[r["to_practice"]]
        assert r["x1"] == a["x1"] and r["x2"] == b["x0"] and b["x0"] > a["x1"]
    assert spec.get("description") and "Diagram" in spec["description"]


def test_the_default_title_does_not_claim_the_inferred_escalation_chain():
    """Quzhou's "a problem climbs the rungs" is the provincial design, not the article's words."""
    title = inner_title(_arch("quzhou-2024"))["text"]
    assert "pass up" not in title
    links = TABLES["practice_links"].filter(pl.col("article_id") == "quzhou-2024")
    assert f"states {int((links['basis'] == 'stated').sum())} of the {links.height} links" in title


def test_templates_title_counts_match_the_data():
    p = TABLES["practices"].filter(pl.col("article_id") == "jiaxing-2024").with_columns(pl.col("family").cast(pl.String))
    used = p.filter(pl.col("family") != "local")["family"].n_unique()
    own = p.filter(pl.col("family") == "local").height
    title = inner_title(_build("templates_chart", "jiaxing-2024", "en"))["text"]
    assert f"uses {used} of 15 provincial templates; {own} of its {p.height}" in title


# --- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(PER_ARTICLE) + ["model_links"])
def test_an_unknown_article_lists_the_valid_ids(name):
    with pytest.raises(ValueError, match="valid ids: jinhua-2017, jinhua-2020"):
        public(name)("hangzhou-2024", tables=TABLES)


def test_claims_table_rejects_an_unknown_article():
    with pytest.raises(ValueError, match="jinhua-2017"):
        pingan.tables.claims_table(pingan.outcome_claims("hangzhou-2024", tables=TABLES), tables=TABLES)


def test_a_bad_language_is_refused():
    with pytest.raises(ValueError, match="lang must be"):
        pingan.charts.templates_chart("quzhou-2024", tables=TABLES, lang="fr")


# --- tables ----------------------------------------------------------------------------------

def test_claims_table_is_deterministic_with_human_headers():
    a = pingan.tables.claims_table(pingan.outcome_claims("jinhua-2020", tables=TABLES), tables=TABLES).as_html()
    b = pingan.tables.claims_table(pingan.outcome_claims("jinhua-2020", tables=TABLES), tables=TABLES).as_html()
    assert a == b and 'id="claims-jinhua-2020"' in a
    for head in ("Figure as printed", "Base given?", "Comparison given?", "Verdict"):
        assert head in a
    assert "base_given" not in a
    claims = pingan.outcome_claims("jinhua-2020", tables=TABLES)
    assert f"{int((~claims['base_given']).sum())} of {claims.height} outcome claims" in a


def test_links_table_shows_each_link_with_its_quote():
    html = pingan.tables.links_table(pingan.model_links("quzhou-2024", tables=TABLES), tables=TABLES).as_html()
    assert 'id="links-quzhou-2024"' in html and "escalates to" in html
    links = TABLES["practice_links"].filter(pl.col("article_id") == "quzhou-2024")
    assert f"{links.height} links" in html
    assert links["quote"][0][:12] in html
    assert "Basis" in html and "What it rests on" in html and ">inferred<" in html
    n_stated = int((links["basis"] == "stated").sum())
    table = pingan.tables.links_table(pingan.model_links("quzhou-2024", tables=TABLES), tables=TABLES)
    assert table.title == f"Quzhou 2024 states {n_stated} of the {links.height} links between its practices; the rest are inferred"



def test_model_tables_take_an_analyst_title_and_name_no_storage_file():
    """Readers see what a source holds, never a file name; a filtered frame gets the analyst's title."""
    links = pingan.model_links("wucheng-2020", tables=TABLES).head(2)
    claims = pingan.outcome_claims("wucheng-2020", tables=TABLES)
    for table in (pingan.tables.links_table(links, tables=TABLES, title="Two links at the grid"),
                  pingan.tables.claims_table(claims, tables=TABLES, title="Every change is a fall"),
                  pingan.tables.links_table(links, tables=TABLES, lang="zh")):
        html = table.as_html()
        assert ".csv" not in html and "pingan." not in html
    assert pingan.tables.links_table(links, tables=TABLES, title="Two links at the grid").title == "Two links at the grid"
    assert pingan.tables.claims_table(claims, tables=TABLES, title="Every change is a fall").title == "Every change is a fall"

def test_family_labels_cover_every_family_with_chinese_terms():
    families = TABLES["practices"].schema["family"].categories
    for f in families:
        en = pingan.labels.family_label(f, "en", terms=True)
        assert not SLUG.match(en)
        if f != "local":
            assert re.search(r"[\u4e00-\u9fff]", en) and re.search(r"[āáǎàēéěèīíǐìōóǒòūúǔù]", en), en
    assert pingan.labels.family_label("grid-management", "en", terms=True) == "Grid management (网格化管理, wǎnggéhuà guǎnlǐ)"
    tiers = TABLES["practices"].schema["tier"].categories
    assert all(pingan.labels.tier_label(t, "zh") for t in tiers)
