"""The style guide (docs/charts.md), enforced on every chart the workbook exports, in both languages.

- a title above the plot that states a finding: it carries a number from the data, no final period;
- one or two subtitle lines;
- exactly one source line beneath the plot naming the article(s) and the table(s) drawn;
- no bar on a log scale (a bar's length would start from an arbitrary baseline);
- a legend only where colour tells two or more values apart;
- every drawn statistic has a tooltip with its exact quote;
- every selection and the view carrying it has an explicit name (stable notebook output);
- no category slug on an axis;
- a written description (Vega-Lite ``description``: the chart's accessible name and the
  image's alt text on the site) and a source line of at least 11 px.
"""
import re

import pytest

from chart_specs import all_params, inner_title, mark_type, units, view_names
from pingan.charts._framing import source_text
from pingan.workbench._figures import workbook_charts

import pingan

TABLES = pingan.load_all()
CHARTS = list(workbook_charts(("en", "zh"), TABLES))
# the table(s) each builder draws from, which its source line must name
DRAWS = {"changes": ["statistics.csv"], "counts": ["statistics.csv"], "rates": ["statistics.csv"],
         "honours": ["statistics.csv"], "shared_indicators": ["statistics.csv"],
         "per_capita": ["statistics.csv", "population.csv"], "timeline": ["timeline.csv"],
         "zhejiang_map": ["places.csv", "articles.csv"], "overview": ["places.csv", "articles.csv", "timeline.csv"],
         "practice_heatmap": ["practices.csv"], "practices": ["practices.csv"],
         "template_matrix": ["practices.csv"], "term_emphasis": ["term_counts.csv", "governance_terms.csv"],
         "architecture": ["practices.csv", "practice_links.csv"], "templates": ["practices.csv"],
         "sections": ["article_sections.csv", "practice_sections.csv", "practices.csv"]}
SLUG = re.compile(r"^[a-z]+(-[a-z]+)+$")


@pytest.fixture(scope="module", params=CHARTS, ids=[s for s, _ in CHARTS])
def chart(request):
    stem, build = request.param
    return stem, build().to_dict()


def _kind(stem: str) -> str:
    """workbook_per_capita_en → per_capita; quzhou-2024_counts_zh → counts."""
    body = stem.rsplit("_", 1)[0]
    return body.removeprefix("workbook_") if body.startswith("workbook_") else body.split("_", 1)[1]


def test_title_states_a_finding_with_a_number(chart):
    stem, spec = chart
    title = inner_title(spec)
    text = title["text"]
    assert isinstance(text, str) and text.strip() and not text.endswith(".")
    assert re.search(r"\d", text), f"{stem}: the title states no figure: {text!r}"
    if stem.endswith("_zh"):
        assert re.search(r"[\u4e00-\u9fff]", text), stem


def test_at_most_two_subtitle_lines(chart):
    stem, spec = chart
    sub = inner_title(spec).get("subtitle", [])
    assert 1 <= len(sub if isinstance(sub, list) else [sub]) <= 2, stem


def test_one_source_line_beneath_naming_the_tables_drawn(chart):
    stem, spec = chart
    title = spec["title"]
    assert title["orient"] == "bottom" and isinstance(title["text"], str) and "\n" not in title["text"]
    line = source_text(spec)
    assert line.startswith(("Source:", "来源:")), line
    for table in DRAWS[_kind(stem)]:
        assert table in line, f"{stem}: {line!r} does not name {table}"
    assert "statistics.csv" in line or not any("stat_id" in r for _, rows in units(spec) for r in rows), stem


def test_a_description_and_a_legible_source_line(chart):
    stem, spec = chart
    description = spec.get("description", "")
    assert isinstance(description, str) and len(description) > 20, f"{stem}: no written description"
    assert inner_title(spec)["text"].strip().rstrip(".") in description, f"{stem}: the description omits the finding"
    assert spec["title"].get("fontSize", 11) >= 11, f"{stem}: source line smaller than 11 px"


def test_no_bar_on_a_log_scale(chart):
    stem, spec = chart
    for unit, _ in units(spec):
        for channel in ("x", "y"):
            scale = unit.get("encoding", {}).get(channel, {}).get("scale") or {}
            if scale.get("type") in ("log", "symlog"):
                assert mark_type(unit) != "bar", f"{stem}: bars on a log scale"


def test_legend_only_where_colour_tells_things_apart(chart):
    stem, spec = chart
    for unit, rows in units(spec):
        color = unit.get("encoding", {}).get("color", {})
        if "field" not in color or color.get("legend", {}) is None or color.get("scale", {}) is None:
            continue
        values = {r.get(color["field"]) for r in rows}
        assert len(values) >= 2, f"{stem}: a legend for one value ({values})"


def test_every_statistic_drawn_has_its_quote_in_the_tooltip(chart):
    stem, spec = chart
    for unit, rows in units(spec):
        if mark_type(unit) in ("bar", "circle", "point") and any("stat_id" in r for r in rows):
            fields = {t.get("field") for t in unit["encoding"].get("tooltip", [])}
            assert {"quote", "as_written"} <= fields, stem


def test_selections_and_views_have_names(chart):
    stem, spec = chart
    for p in all_params(spec):
        assert not re.fullmatch(r"param_\d+", p["name"]), f"{stem}: unnamed param {p['name']}"
        for v in p.get("views", []):
            assert not re.fullmatch(r"view_\d+", v), f"{stem}: unnamed view {v}"
    assert not any(re.fullmatch(r"view_\d+", n) for n in view_names(spec)), stem


def test_no_category_slug_on_an_axis(chart):
    stem, spec = chart
    for unit, rows in units(spec):
        for channel in ("x", "y"):
            field = unit.get("encoding", {}).get(channel, {}).get("field")
            if field and unit["encoding"][channel].get("type") == "nominal":
                slugs = {r[field] for r in rows if isinstance(r.get(field), str) and SLUG.match(r[field])}
                assert not slugs, f"{stem}: slugs on the {channel} axis: {sorted(slugs)[:3]}"
