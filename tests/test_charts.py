"""Chart builders: the tables they take, what they draw, their errors, and Altair's global state."""
import json
import subprocess
import sys

import polars as pl
import pytest

import pingan
from conftest import public
from chart_specs import inner_title, mark_type, units
from pingan.charts._framing import chart_title, source_text

ARTICLES = ["jinhua-2017", "jinhua-2020", "wucheng-2020", "quzhou-2024", "jiaxing-2024"]


@pytest.fixture(scope="module")
def tables():
    return pingan.load_all()


def _drawn(spec, field="stat_id"):
    """Distinct values of ``field`` over every mark's rows."""
    return {r[field] for u, rows in units(spec) for r in rows if field in r}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("article_id", ARTICLES)
def test_changes_chart_draws_every_stated_change(tables, article_id, lang):
    stats = tables["statistics"].filter((pl.col("article_id") == article_id) & (pl.col("measure") == "change_pct"))
    if stats.is_empty():
        with pytest.raises(ValueError, match="no change"):
            pingan.charts.changes_chart(article_id, tables=tables, lang=lang)
        return
    spec = pingan.charts.changes_chart(article_id, tables=tables, lang=lang).to_dict()
    assert _drawn(spec) == set(stats["stat_id"])
    bars = next(u for u, _ in units(spec) if mark_type(u) == "bar")
    assert bars["encoding"]["x"]["field"] == "value"
    tips = {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"quote", "article_title", "as_written"} <= tips and "stat_id" not in tips  # readers see no raw id
    from pingan.analysis._frames import article_labels
    who = article_labels(tables, lang)[article_id]
    assert who in source_text(spec) and article_id not in source_text(spec) and "statistics" in source_text(spec)


def test_changes_title_states_the_largest_fall_from_the_rows(tables):
    title = chart_title(pingan.charts.changes_chart("quzhou-2024", tables=tables).to_dict())
    fall = (tables["statistics"].filter((pl.col("article_id") == "quzhou-2024") & (pl.col("measure") == "change_pct"))
            .sort("value", "stat_id").row(0, named=True))
    assert f"fell {abs(fall['value']):g}%" in title and "2004–2023" in title


def test_titles_follow_the_data_not_a_constant(tables):
    """Change a figure and the title changes with it."""
    before = chart_title(pingan.charts.changes_chart("quzhou-2024", tables=tables).to_dict())
    stats = tables["statistics"].with_columns(
        value=pl.when(pl.col("stat_id") == "quzhou-2024-007").then(-91.5).otherwise(pl.col("value")))
    after = chart_title(pingan.charts.changes_chart("quzhou-2024", tables={**tables, "statistics": stats}).to_dict())
    assert "91.5%" in after and before != after


def test_builders_draw_the_tables_they_are_given(tables, monkeypatch):
    import pingan.package._loading
    monkeypatch.setattr("pingan.package._loading.load_all", lambda *a, **k: pytest.fail("builder loaded the tables itself"))
    small = {**tables, "statistics": tables["statistics"].filter(pl.col("stat_id") != "quzhou-2024-007")}
    spec = pingan.charts.changes_chart("quzhou-2024", tables=small).to_dict()
    assert "quzhou-2024-007" not in _drawn(spec)
    for build in (pingan.charts.timeline_chart, pingan.charts.practice_heatmap, pingan.charts.zhejiang_map, pingan.charts.overview_chart,
                  pingan.charts.shared_indicators_chart, pingan.charts.per_capita_chart, pingan.charts.honours_chart):
        build(tables=small).to_dict()


@pytest.mark.parametrize("builder", ["changes_chart", "counts_chart", "rates_chart", "honours_chart",
                                     "practice_categories_chart"])
def test_unknown_article_is_an_error_listing_valid_ids(tables, builder):
    with pytest.raises(ValueError) as e:
        public(builder)("quzhou", tables=tables)
    assert "quzhou" in str(e.value) and all(a in str(e.value) for a in ARTICLES)


def test_counts_are_dots_labelled_as_printed(tables):
    spec = pingan.charts.counts_chart("jiaxing-2024", tables=tables, lang="zh").to_dict()
    marks = {mark_type(u): rows for u, rows in units(spec)}
    assert "bar" not in marks and "circle" in marks
    text = next(u for u, _ in units(spec) if mark_type(u) == "text")
    assert text["encoding"]["text"]["field"] == "shown"
    rows = marks["circle"]
    assert all(r["shown"] == r["as_written"] for r in rows)  # Chinese: exactly as printed
    levels = tables["statistics"].filter((pl.col("article_id") == "jiaxing-2024") & (pl.col("measure") == "level")
                                         & pl.col("unit").cast(pl.String).is_in(["count", "people", "person-times"]))
    assert len(rows) == levels.filter(pl.col("value") > 0).height
    zeros = levels.filter(pl.col("value") == 0)
    assert zeros.height and "零值" in " ".join(inner_title(spec)["subtitle"])


def test_english_labels_give_the_number_beside_the_figure_as_printed(tables):
    rows = next(rows for u, rows in units(pingan.charts.counts_chart("jinhua-2017", tables=tables).to_dict())
                if mark_type(u) == "circle")
    by_id = {r["stat_id"]: r["shown"] for r in rows}
    assert by_id["jinhua-2017-010"] == "3.2万 (32,000)"
    assert by_id["jinhua-2017-012"] == "超过12万 (more than 120,000)"


def test_timeline_labels_every_event_in_publication_order_without_clipping(tables):
    spec = pingan.charts.timeline_chart(tables=tables).to_dict()
    dots, rows = next((u, rows) for u, rows in units(spec) if mark_type(u) == "circle")
    assert len(rows) == tables["timeline"].height
    assert all(r["when"].endswith("T00:00:00") for r in rows)  # local datetimes: no day shift
    assert dots["encoding"]["y"]["field"] == "event_label" and all(r["event_label"] for r in rows)
    facet = spec["vconcat"][0]["facet"]["row"]
    published = tables["articles"].sort("published", "article_id")["article_id"].to_list()
    labels = {r["article_id"]: r["article"] for r in rows}
    assert facet["sort"] == [labels[a] for a in published]
    lo, hi = dots["encoding"]["x"]["scale"]["domain"]
    years = [int(r["date"][:4]) for r in rows]
    assert lo["year"] < min(years) and hi["year"] > max(years)


def test_shared_indicators_are_labelled_dots_with_periods(tables):
    spec = pingan.charts.shared_indicators_chart(tables=tables).to_dict()
    marks = [mark_type(u) for u, _ in units(spec)]
    assert "bar" not in marks and "circle" in marks
    rows = next(rows for u, rows in units(spec) if mark_type(u) == "circle")
    assert all(r["period_label"] in r["dot_label"] for r in rows)
    shared = (tables["statistics"].filter(pl.col("measure") == "change_pct").group_by("indicator")
              .agg(pl.col("article_id").n_unique().alias("n")).filter(pl.col("n") >= 2))
    assert {r["indicator"] for r in rows} == set(shared["indicator"])
    assert f"{shared.height} indicators" in chart_title(spec)


def test_practice_categories_are_human_in_both_languages(tables):
    for lang, expect in (("en", "Grid management"), ("zh", "网格化管理")):
        spec = pingan.charts.practice_heatmap(tables=tables, lang=lang).to_dict()
        rows = next(rows for u, rows in units(spec) if mark_type(u) == "rect")
        cats = {r["category_label"] for r in rows}
        assert expect in cats and not any("-" in c and c.islower() for c in cats)
        assert sum(r["practices"] for r in rows) == tables["practices"].height


def test_builders_are_deterministic(tables):
    for build in (lambda: pingan.charts.overview_chart(tables=tables), lambda: pingan.charts.counts_chart("quzhou-2024", tables=tables)):
        assert json.dumps(build().to_dict(), sort_keys=True) == json.dumps(build().to_dict(), sort_keys=True)


def test_overview_links_map_and_timeline_by_a_named_selection(tables):
    spec = pingan.charts.overview_chart(tables=tables).to_dict()
    assert [p["name"] for p in spec.get("params", [])] == ["city_pick"]
    assert spec["params"][0]["views"] == ["overview_map_shapes"]
    text = json.dumps(spec)
    assert text.count('"param": "city_pick"') >= 2  # map shapes, timeline dots (names stay undimmed: legible)


def test_reading_city_colours_imports_nothing_and_changes_nothing():
    code = ("import sys, pingan; c = pingan.labels.CITY_COLORS; pingan.load_all(); "
            "print('altair' in sys.modules, len(c))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "3"]
    code = ("import altair as alt, pingan, pingan.charts; pingan.labels.CITY_COLORS; pingan.charts.changes_chart('quzhou-2024'); "
            "print(alt.renderers.active, alt.theme.active); pingan.enable_charts(); "
            "print(alt.renderers.active, alt.theme.active)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["default", "default", "pingan", "pingan"]


def test_builders_are_discoverable():
    import pingan.charts
    import pingan.tables
    for n in ("enable_charts", "show_table"):
        assert n in dir(pingan) and n in pingan.__all__ and n in pingan.__doc__
    for n in ("changes_chart", "overview_chart", "architecture_chart"):
        assert n in dir(pingan.charts) and n in pingan.charts.__all__
    assert "statistics_table" in pingan.tables.__all__


def test_renderer_bundle_has_spec_light_png_and_title(tables, tmp_path, monkeypatch):
    from pingan.charts._renderer import VEGALITE_MIMETYPE, render_bundle
    monkeypatch.setenv("PINGAN_CACHE_DIR", str(tmp_path))
    spec = pingan.charts.honours_chart("quzhou-2024", tables=tables).to_dict()
    bundle = render_bundle(spec)
    assert set(bundle) == {VEGALITE_MIMETYPE, "image/png", "text/plain"}
    assert bundle[VEGALITE_MIMETYPE]["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    assert bundle["text/plain"] == f"<Chart: {chart_title(spec)}>"
    cached = list((tmp_path / "fallbacks").glob("*.png"))
    assert len(cached) == 1
    assert render_bundle(spec)["image/png"] == bundle["image/png"]  # served from the cache
    json.dumps(bundle)  # serialisable into a notebook


def test_importing_pingan_does_not_import_altair():
    code = "import sys, pingan; pingan.load_all(); print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]
