"""Chart specs: encodings, data row counts and columns, tooltips that cite, captions, both languages."""
import json

import polars as pl
import pytest

import pingan
from pingan.charts.renderer import VEGALITE_MIMETYPE, _bundle

ARTICLES = ["jinhua-2017", "jinhua-2020", "wucheng-2020", "quzhou-2024", "jiaxing-2024"]


def _layers(spec):
    return spec.get("layer", [spec])


def _data_rows(spec):
    return [rows for rows in spec["datasets"].values()]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("article_id", ARTICLES)
def test_article_charts_draw_every_matching_statistic(article_id, lang):
    stats = pingan.load("statistics").filter(pl.col("article_id") == article_id)
    n_changes = stats.filter(pl.col("measure") == "change_pct").height
    spec = pingan.changes_chart(article_id, lang).to_dict()
    assert max(len(r) for r in _data_rows(spec)) == n_changes or n_changes == 0
    bars = _layers(spec)[0]
    assert bars["encoding"]["x"]["field"] == "value"
    tips = {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"quote", "article_title", "as_written", "stat_id"} <= tips
    assert any("jinhua" in s or article_id in s for s in spec["title"]["subtitle"])


def test_counts_chart_names_zero_values_it_cannot_draw():
    spec = pingan.counts_chart("jiaxing-2024").to_dict()
    assert any("= 0" in line for line in spec["title"]["subtitle"])
    rows = _data_rows(spec)[0]
    assert all(r["value"] > 0 for r in rows)
    levels = pingan.load("statistics").filter((pl.col("article_id") == "jiaxing-2024") & (pl.col("measure") == "level")
                                              & pl.col("unit").cast(pl.String).is_in(["count", "people", "person-times"]))
    assert len(rows) == levels.filter(pl.col("value") > 0).height


def test_city_colours_are_the_same_everywhere():
    for chart in (pingan.changes_chart(), pingan.rates_chart(), pingan.honours_chart()):
        enc = _layers(chart.to_dict())[0]["encoding"]["color"]
        assert enc["scale"]["range"] == list(pingan.CITY_COLORS.values())


def test_chinese_labels():
    spec = pingan.changes_chart("quzhou-2024", lang="zh").to_dict()
    labels = [r["indicator_label"] for r in _data_rows(spec)[0]]
    assert "命案" in labels and spec["title"]["text"].startswith("文章所述变化")
    with pytest.raises(ValueError):
        pingan.changes_chart("quzhou-2024", lang="fr")


def test_timeline_keeps_every_event_with_real_dates():
    spec = pingan.timeline_chart().to_dict()
    rows = _data_rows(spec)[0]
    assert len(rows) == pingan.load("timeline").height
    assert all(r["when"].endswith("T00:00:00") for r in rows)  # local datetimes: no day shift
    assert spec["encoding"]["x"]["type"] == "temporal"


def test_practice_heatmap_counts_every_practice():
    rows = _data_rows(pingan.practice_heatmap().to_dict())[0]
    assert sum(r["practices"] for r in rows) == pingan.load("practices").height


def test_renderer_bundle_has_spec_png_and_text():
    spec = pingan.honours_chart("quzhou-2024").to_dict()
    bundle = _bundle(spec)
    assert set(bundle) == {VEGALITE_MIMETYPE, "image/png", "text/plain"}
    assert bundle[VEGALITE_MIMETYPE]["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    json.dumps(bundle)  # serialisable into a notebook


def test_importing_pingan_does_not_import_altair():
    import subprocess, sys
    code = "import sys, pingan; pingan.load_all(); print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


BAR_CHARTS = ["changes_chart", "counts_chart", "rates_chart", "honours_chart"]


@pytest.mark.parametrize("builder", BAR_CHARTS)
@pytest.mark.parametrize("article_id", ARTICLES)
def test_each_bar_has_its_own_label(builder, article_id):
    spec = getattr(pingan, builder)(article_id).to_dict()
    labels = [r["label"] for rows in _data_rows(spec) for r in rows if "label" in r]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("builder", ["counts_chart", "per_capita_chart"])
def test_log_scale_bars_are_not_stacked(builder):
    # stacked bars start at 0, which a log scale cannot show: every bar would be 0 px wide
    spec = getattr(pingan, builder)().to_dict()
    x = _layers(spec)[0]["encoding"]["x"]
    assert x["scale"]["type"] == "log" and x.get("stack", "default") is None
