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


@pytest.mark.parametrize("article_id", ARTICLES)
def test_architecture_layout_nodes_inside_apart_and_links_between_drawn_nodes(article_id):
    spec = _build("architecture_chart", article_id, "en")
    inner = spec["vconcat"][0]
    width, height = inner["width"], inner["height"]
    node_rows = next(rows for u, rows in units(spec) if mark_type(u) == "point" and "shape" in u["encoding"])
    practices = TABLES["practices"].filter(pl.col("article_id") == article_id)
    assert sorted(r["practice_id"] for r in node_rows) == sorted(practices["practice_id"])
    for r in node_rows:
        assert 0 < r["x"] < width and 0 < r["y"] < height, r["practice_id"]
    positions = [(round(r["x"], 3), round(r["y"], 3)) for r in node_rows]
    assert len(set(positions)) == len(positions)
    # labels do not collide: nodes in one row are a full cell apart
    from pingan.charts._model_layout import CELL
    for (x1, y1) in positions:
        assert all(abs(x1 - x2) >= CELL - 1e-6 for (x2, y2) in positions if y2 == y1 and x2 != x1)
    where = {r["practice_id"]: (r["x"], r["y"]) for r in node_rows}
    links = TABLES["practice_links"].filter(pl.col("article_id") == article_id)
    rule_rows = next((rows for u, rows in units(spec) if mark_type(u) == "rule"), [])
    assert len(rule_rows) == links.height
    for r in rule_rows:
        assert where[r["from_practice"]] == (r["x1"], r["y1"]) and where[r["to_practice"]] == (r["x2"], r["y2"])


@pytest.mark.parametrize("article_id", ARTICLES)
def test_architecture_layout_crosses_no_more_links_than_the_plain_order(article_id, monkeypatch):
    from pingan.charts import _model_layout as model_layout
    p = TABLES["practices"].filter(pl.col("article_id") == article_id).with_columns(pl.col(pl.Enum).cast(pl.String))
    links = TABLES["practice_links"].filter(pl.col("article_id") == article_id).with_columns(
        pl.col(pl.Enum).cast(pl.String))
    families = list(TABLES["practices"].schema["family"].categories)
    ordered = model_layout.link_crossings(*model_layout.architecture_layout(p, links, families, "en")[:2])
    monkeypatch.setattr(model_layout, "BARYCENTRE_SWEEPS", 0)
    plain = model_layout.link_crossings(*model_layout.architecture_layout(p, links, families, "en")[:2])
    assert ordered <= plain
    if article_id == "quzhou-2024":  # its long escalation chain gains most: 24 crossings fall to 8
        assert ordered < plain


def test_link_crossings_counts_proper_crossings_only():
    from pingan.charts._model_layout import link_crossings
    nodes = pl.DataFrame({"practice_id": list("abcd"), "x": [0.0, 10, 0, 10], "y": [0.0, 10, 10, 0]})
    crossing = pl.DataFrame({"from_practice": ["a", "c"], "to_practice": ["b", "d"]})
    assert link_crossings(nodes, crossing) == 1
    sharing_an_end = pl.DataFrame({"from_practice": ["a", "a"], "to_practice": ["b", "d"]})
    assert link_crossings(nodes, sharing_an_end) == 0


def test_tiers_run_from_province_down_to_grid():
    spec = _build("architecture_chart", "quzhou-2024", "en")
    node_rows = next(rows for u, rows in units(spec) if mark_type(u) == "point" and "shape" in u["encoding"])
    order = ["province", "cross-border", "city", "county", "township", "village", "grid"]
    top = {}
    for r in node_rows:
        top.setdefault(r["tier"], []).append(r["y"])
    tiers = [t for t in order if t in top]
    for a, b in zip(tiers, tiers[1:]):
        assert max(top[a]) < min(top[b]), (a, b)


def test_the_escalation_title_follows_the_longest_chain():
    from pingan.charts._model_charts import escalation_chain
    p = pingan.model_practices("quzhou-2024", tables=TABLES)
    links = TABLES["practice_links"].filter(pl.col("article_id") == "quzhou-2024")
    chain = escalation_chain(p, links)
    tiers = dict(zip(p["practice_id"], p["tier"].cast(pl.String)))
    assert [tiers[c] for c in chain] == ["grid", "township", "county", "city"]
    title = inner_title(_build("architecture_chart", "quzhou-2024", "en"))["text"]
    assert title.startswith("Quzhou 2024: reports pass up from grid to township") and f"{p.height} practices" in title


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
    table = pingan.tables.links_table(pingan.model_links("quzhou-2024", tables=TABLES), tables=TABLES)
    assert table.title == f"{links.height} links between the practices of Quzhou 2024"  # no raw article id


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


def test_importing_pingan_does_not_import_altair_or_great_tables():
    import subprocess
    import sys
    code = ("import sys, pingan; pingan.labels.family_label('fengqiao', 'en'); "
            "print('altair' in sys.modules, 'great_tables' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
