"""The style guide (docs/charts.md), enforced in ONE sweep over every chart the workbook draws,
in both languages. The charts come from one registry: every builder in
``pingan.charts.BUILDERS``, called as the figure export calls it
(``pingan.workbench._figures.chart_calls``), so a new builder cannot be missed.

Each rule is one test that walks every chart and lists every chart that breaks it:

- a title above the plot that states a finding: a number other than the article's year, no final period;
- exactly one source line beneath the plot naming the article(s) as readers name them and the table(s) drawn;
- no bar on a log scale (a bar's length would start from an arbitrary baseline);
- a legend only where colour (or fill, shape, dash) tells two or more values apart;
- every drawn statistic and practice has a tooltip with its exact quote;
- every selection and the view carrying it has an explicit name (stable notebook output);
- no category slug on an axis; no English axis or tooltip title in a Chinese chart; no year printed as 2,017;
- a written description (Vega-Lite ``description``: the chart's accessible name and the
  image's alt text on the site), in Chinese sentences for a Chinese chart, and a source line of
  at least 11 px.

The subtitle's one-or-two-line rule is enforced by ``frame()`` itself (tested below on its own).
"""
from __future__ import annotations

import contextlib
import functools
import re
import traceback

import altair as alt
import polars as pl
import pytest

import pingan
from chart_specs import all_params, inner_title, mark_type, units, view_names
from conftest import shown
from pingan.analysis._frames import article_labels
from pingan.charts._framing import conditional, frame, source_text
from pingan.charts._style import INK, contrast, text_shade
from pingan.text import NumberParseError, parse_number
from pingan.workbench._figures import chart_calls

TABLES = pingan.load_all()
CALLS = list(chart_calls(TABLES))
LABELS = {lang: article_labels(TABLES, lang) for lang in ("en", "zh")}
ARTICLE_IDS = set(TABLES["articles"]["article_id"])
YEAR = {r["article_id"]: r["published"][:4] for r in TABLES["articles"].iter_rows(named=True)}

# the table(s) each builder draws from, which its source line must name
DRAWS = {"changes_chart": ["statistics"], "counts_chart": ["statistics"], "rates_chart": ["statistics"],
         "honours_chart": ["statistics"], "shared_indicators_chart": ["statistics"],
         "per_capita_chart": ["statistics", "population"], "timeline_chart": ["timeline"],
         "zhejiang_map": ["places", "articles"], "overview_chart": ["places", "articles", "timeline"],
         "practice_heatmap": ["practices"], "practice_categories_chart": ["practices"],
         "template_matrix_chart": ["practices"], "term_emphasis_chart": ["term_counts", "governance_terms"],
         "architecture_chart": ["practices", "practice_links"], "templates_chart": ["practices"],
         "sections_chart": ["article_sections", "practice_sections", "practices"],
         "sections_detail_chart": ["article_sections", "practices", "statistics", "statistic_sections"],
         "capacity_chart": ["statistics"], "border_map": ["practices", "places"], "coverage_chart": [],
         ("two_articles_chart", "templates"): ["practices"],
         ("two_articles_chart", "terms"): ["term_counts", "governance_terms"]}
# the article(s) a chart of one or two articles must name in its source line
ABOUT = {"border_map": ["quzhou-2024"]}
# builders whose marks stand for quoted practices or figures: some mark must carry the quote
QUOTED = {"architecture_chart", "templates_chart", "sections_chart", "template_matrix_chart", "sections_detail_chart",
          "changes_chart", "counts_chart", "rates_chart", "honours_chart",
          "capacity_chart", "shared_indicators_chart", "per_capita_chart", "border_map"}
SLUG = re.compile(r"^[a-z]+(-[a-z]+)+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
LEGEND_CHANNELS = ("color", "fill", "shape", "strokeDash", "stroke")


# channels the builders handed ``encode`` as a string or a dict (recorded while charts() builds)
SHORTHANDS: list[str] = []


@contextlib.contextmanager
def shorthands_recorded(found: list[str]):
    """Record every channel that reaches ``encode`` as a string or a dict, with the line of
    pingan that passed it: Altair converts each by hashing every schema class (~3 ms)."""
    from altair.utils import core
    wrap = core._ChannelCache._wrap_in_channel  # Altair's one way from a shorthand to a channel

    def recording(self, obj, encoding, /):
        if isinstance(obj, (str, dict)):
            ours = [f for f in traceback.extract_stack()[:-1] if "/lib/pingan/" in f.filename.replace("\\", "/")]
            where = f"{ours[-1].filename.replace(chr(92), '/').split('/lib/')[-1]}:{ours[-1].lineno}" if ours else "?"
            found.append(f"{where}: {encoding}={obj!r}")
        return wrap(self, obj, encoding)
    core._ChannelCache._wrap_in_channel = recording
    try:
        yield found
    finally:
        core._ChannelCache._wrap_in_channel = wrap


def _build(name, args, kwargs, lang):
    with shorthands_recorded(SHORTHANDS):
        return getattr(pingan.charts, name)(*args, tables=TABLES, lang=lang, **kwargs).to_dict()


@functools.cache
def charts() -> list[tuple]:
    """Every chart of the registry in both languages, built once, when the first test asks
    (not at import: a worker that collects this module but runs none of it pays nothing)."""
    return [(f"{stem}_{lang}", name, args, kwargs, lang, _build(name, args, kwargs, lang))
            for stem, name, args, kwargs in CALLS for lang in ("en", "zh")]


def _articles_of(name, args):
    return ABOUT.get(name, [a for a in args if isinstance(a, str) and a in ARTICLE_IDS])


def _sweep(rule):
    """Apply ``rule(name, args, kwargs, lang, spec)`` (a list of complaints) to every chart."""
    broken = [f"{stem}: {c}" for stem, name, args, kw, lang, spec in charts() for c in rule(name, args, kw, lang, spec)]
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:40])


# --- the registry ----------------------------------------------------------------------------

def test_the_sweep_draws_every_builder_in_the_registry():
    assert {name for _, name, *_ in charts()} == set(pingan.charts.BUILDERS)
    assert {lang for *_, lang, _ in charts()} == {"en", "zh"}
    assert set(DRAWS) >= {n for n in pingan.charts.BUILDERS if n != "two_articles_chart"}


def test_builders_hand_encode_channel_objects_not_shorthands():
    charts()
    assert not SHORTHANDS, "use alt.X(...), alt.XValue(...) or conditional(...):\n" + "\n".join(sorted(set(SHORTHANDS)))
    with shorthands_recorded([]) as found:  # the recorder sees a shorthand when there is one
        alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x="x:Q", y=alt.Y("x:Q"), color=alt.value("red"))
    assert sorted(f.split(": ", 1)[1] for f in found) == ["color={'value': 'red'}", "x='x:Q'"]


def test_conditional_gives_the_channel_object_of_the_same_spec():
    pick = alt.selection_point(name="pick")
    cases = [("opacity", pick, alt.value(1.0), alt.value(0.3), "OpacityValue"),
             ("color", "datum.n > 0", alt.Color("n:Q"), alt.value("#f7f7f7"), "ColorValue"),
             ("strokeDash", "datum.on", alt.value([1, 0]), alt.value([4, 3]), "StrokeDashValue")]
    for channel, predicate, yes, no, kind in cases:
        made = conditional(channel, predicate, yes, no)
        assert type(made).__name__ == kind
        plain = alt.Chart(pl.DataFrame({"n": [1]})).mark_point().encode(**{channel: alt.condition(predicate, yes, no)})
        ours = alt.Chart(pl.DataFrame({"n": [1]})).mark_point().encode(**{channel: made})
        assert ours.to_dict()["encoding"] == plain.to_dict()["encoding"]


def test_a_builder_missing_from_the_export_is_an_error(monkeypatch):
    monkeypatch.setitem(pingan.charts.BUILDERS, "new_chart", "_statistics_charts")
    with pytest.raises(LookupError, match="new_chart"):
        list(chart_calls(TABLES))


def test_frame_refuses_more_than_two_subtitle_lines_or_a_source_of_two_lines():
    plot = alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    for ok in ("one", ["one"], ["one", "two"]):
        spec = frame(plot, "3 cities", ok, "Source: x", lang="en").to_dict()
        assert len(inner_title(spec)["subtitle"]) == (1 if isinstance(ok, str) else len(ok))
    for bad in ([], ["", ""], ["one", "two", "three"]):
        with pytest.raises(ValueError, match="one or two subtitle lines"):
            frame(plot, "3 cities", bad, "Source: x", lang="en")
    with pytest.raises(ValueError, match="one line"):
        frame(plot, "3 cities", "one", "Source: x\ntable: y", lang="en")


# --- the rules -------------------------------------------------------------------------------

def _chinese_figure(text: str) -> bool:
    """A number written in Chinese numerals, of two characters or more (十八, 三万)."""
    for run in re.findall(r"[〇零一二两三四五六七八九十百千万亿]{2,}", text):
        try:
            parse_number(run)
            return True
        except (NumberParseError, ValueError):
            pass
    return False


def _title_rule(name, args, kwargs, lang, spec):
    text = inner_title(spec)["text"]
    if not (isinstance(text, str) and text.strip()):
        return [f"no title: {text!r}"]
    out = []
    if text.endswith("."):
        out.append(f"the title ends in a period: {text!r}")
    rest = text
    for a in _articles_of(name, args):  # the article's name and year are not a finding
        rest = rest.replace(LABELS[lang][a], "").replace(YEAR[a], "")
    if not (re.search(r"\d", rest) or _chinese_figure(rest)):  # a figure in digits or as printed (十八)
        out.append(f"the title states no figure beyond the article's name and year: {text!r}")
    if lang == "zh" and not CJK.search(text):
        out.append(f"a Chinese chart with a title in no Chinese: {text!r}")
    if re.search(r"\b(1,9|2,0)\d\d\b(?!,\d)", text):
        out.append(f"a year printed with a thousands separator: {text!r}")
    return out


def test_title_states_a_finding_with_a_number():
    _sweep(_title_rule)


def test_title_rule_rejects_a_title_whose_only_number_is_the_article_year():
    article = "quzhou-2024"
    bad = {"vconcat": [{"title": {"text": f"{LABELS['en'][article]}: what the article reports"}}]}
    good = {"vconcat": [{"title": {"text": f"{LABELS['en'][article]}: thefts fell 78.7%"}}]}
    assert _title_rule("changes_chart", (article,), {}, "en", bad)
    assert not _title_rule("changes_chart", (article,), {}, "en", good)
    assert _title_rule("changes_chart", (), {}, "en", {"vconcat": [{"title": {"text": "Since 2,017: 32,000 cameras"}}]})


def _source_rule(name, args, kwargs, lang, spec):
    title = spec["title"]
    line = source_text(spec)
    out = []
    if title.get("orient") != "bottom" or not isinstance(title.get("text"), str) or "\n" in title["text"]:
        out.append("no single source line beneath the plot")
    if not line.startswith(("Source:", "来源:")):
        out.append(f"the source line does not begin 'Source:': {line!r}")
    key = (name, kwargs["by"]) if name == "two_articles_chart" else name
    out += [f"{line!r} does not name the table {t}" for t in DRAWS[key] if shown(t) not in line]
    if any("stat_id" in r for _, rows in units(spec) for r in rows) and "statistics" not in line:
        out.append(f"statistics drawn but not named: {line!r}")
    out += [f"{line!r} does not name {LABELS[lang][a]}" for a in _articles_of(name, args) if LABELS[lang][a] not in line]
    if ".csv" in line or any(a in line for a in ARTICLE_IDS):
        out.append(f"storage names or raw ids: {line!r}")
    return out


def test_one_source_line_beneath_naming_the_articles_and_tables_drawn():
    _sweep(_source_rule)


def _description_rule(name, args, kwargs, lang, spec):
    out = []
    description = spec.get("description", "")
    if not (isinstance(description, str) and len(description) > 20):
        out.append("no written description")
    elif inner_title(spec)["text"].strip().rstrip(".") not in description:
        out.append("the description omits the finding (the title)")
    if lang == "zh" and isinstance(description, str) and re.search(r"[\u4e00-\u9fff。]\.", description):
        out.append(f"English full stops in a Chinese description: {description[:60]!r}…")
    if spec["title"].get("fontSize", 11) < 11:
        out.append("source line smaller than 11 px")
    return out


def test_a_description_and_a_legible_source_line():
    _sweep(_description_rule)


def _log_bar_rule(name, args, kwargs, lang, spec):
    out = []
    for unit, _ in units(spec):
        for channel in ("x", "y"):
            scale = unit.get("encoding", {}).get(channel, {}).get("scale") or {}
            if scale.get("type") in ("log", "symlog") and mark_type(unit) == "bar":
                out.append(f"bars on a {scale['type']} scale")
    return out


def test_no_bar_on_a_log_scale():
    _sweep(_log_bar_rule)


def _legend_rule(name, args, kwargs, lang, spec):
    out = []
    for unit, rows in units(spec):
        for channel in LEGEND_CHANNELS:
            enc = unit.get("encoding", {}).get(channel, {})
            if "field" not in enc or enc.get("legend", {}) is None or enc.get("scale", {}) is None \
                    or enc.get("type") == "geojson":  # a map's shapes: no legend is drawn
                continue
            values = {r.get(enc["field"]) for r in rows}
            if len(values) < 2:
                out.append(f"a {channel} legend for one value ({values})")
    return out


def test_legend_only_where_colour_tells_things_apart():
    _sweep(_legend_rule)


def _quote_rule(name, args, kwargs, lang, spec):
    out = []
    for unit, rows in units(spec):
        fields = {t.get("field") for t in unit.get("encoding", {}).get("tooltip", []) if isinstance(t, dict)}
        kind = mark_type(unit)
        if kind in ("bar", "circle", "point") and any("stat_id" in r for r in rows):
            if not {"quote", "as_written"} <= fields:
                out.append(f"statistics drawn as {kind} without quote and figure as printed on hover")
        if kind in ("point", "bar", "rect", "rule") and any("practice_id" in r or "from_practice" in r for r in rows):
            if "quote" not in fields:
                out.append(f"practices drawn as {kind} without their quote on hover")
    quoted = any("quote" in {t.get("field") for t in u.get("encoding", {}).get("tooltip", []) if isinstance(t, dict)}
                 for u, _ in units(spec))
    if name in QUOTED and not quoted:
        out.append("draws practices or figures, but no mark carries a quote")
    return out


def test_every_statistic_and_practice_drawn_has_its_quote_in_the_tooltip():
    _sweep(_quote_rule)


def _names_rule(name, args, kwargs, lang, spec):
    out = [f"unnamed param {p['name']}" for p in all_params(spec) if re.fullmatch(r"param_\d+", p["name"])]
    out += [f"unnamed view {v}" for p in all_params(spec) for v in p.get("views", []) if re.fullmatch(r"view_\d+", v)]
    out += [f"unnamed view {n}" for n in view_names(spec) if re.fullmatch(r"view_\d+", n)]
    return out


def test_selections_and_views_have_names():
    _sweep(_names_rule)


def _axis_rule(name, args, kwargs, lang, spec):
    out = []
    for unit, rows in units(spec):
        for channel in ("x", "y"):
            enc = unit.get("encoding", {}).get(channel, {})
            field = enc.get("field")
            if field and enc.get("type") == "nominal":
                slugs = {r[field] for r in rows if isinstance(r.get(field), str) and SLUG.match(r[field])}
                if slugs:
                    out.append(f"slugs on the {channel} axis: {sorted(slugs)[:3]}")
            axis_title = enc.get("title") or (enc.get("axis") or {}).get("title")
            if lang == "zh" and isinstance(axis_title, str) and re.search(r"[A-Za-z]{3,}", axis_title) \
                    and not CJK.search(axis_title):
                out.append(f"an English axis title in a Chinese chart: {axis_title!r}")
        tips = unit.get("encoding", {}).get("tooltip") or []
        for tip in tips if isinstance(tips, list) else [tips]:
            title = tip.get("title")
            if lang == "zh" and isinstance(title, str) and title != tip.get("field") \
                    and re.search(r"[A-Za-z]{3,}", title) and not CJK.search(title):
                out.append(f"an English tooltip title in a Chinese chart: {title!r}")
    return out


def test_no_category_slug_and_no_foreign_axis_title():
    _sweep(_axis_rule)


# --- contrast and what screen readers hear -----------------------------------------------------

FILLED = ("geoshape", "rect", "arc")  # shapes a label sits inside (bars are labelled beside, not on)
HELPER_FIELD = re.compile(r"^[xy](\d+|_[a-z]+)$")  # layout coordinates: x0, y1, x_label, y_top ...


def _mark(unit):
    return unit["mark"] if isinstance(unit["mark"], dict) else {"type": unit["mark"]}


def _colours(unit, rows, channels=("color", "fill")):
    """The fixed colours a unit is drawn in (a mark property, a value, a condition's values, a field
    drawn as is, or a scale's explicit range); None if a scheme picks them (not computable here)."""
    m, enc, out = _mark(unit), unit.get("encoding", {}), set()
    for ch in channels:
        e = enc.get(ch)
        if e is None:
            if isinstance(m.get(ch), str):
                out.add(m[ch])
            continue
        conds = e.get("condition", [])
        for d in [e] + (conds if isinstance(conds, list) else [conds]):
            if isinstance(d.get("value"), str):
                out.add(d["value"])
            elif "field" in d and d.get("scale", {}) is None:
                out |= {r[d["field"]] for r in rows if isinstance(r.get(d["field"]), str)}
            elif "field" in d and isinstance((d.get("scale") or {}).get("range"), list):
                out |= {c for c in d["scale"]["range"] if isinstance(c, str)}
            elif "field" in d:
                return None
    return out


def _layers(spec, node=None, rows=None):
    """Every layer: its unit views in drawing order, with their rows."""
    from chart_specs import _rows
    node = spec if node is None else node
    rows = _rows(spec, node.get("data"), rows)
    if "layer" in node:
        yield [(c, _rows(spec, c.get("data"), rows) or []) for c in node["layer"] if "mark" in c]
    elif "mark" in node:
        yield [(node, rows or [])]
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in node.get(key, []):
            if "mark" not in child:
                yield from _layers(spec, child, rows)
    if "spec" in node:
        yield from _layers(spec, node["spec"], rows)


def _is_halo(unit):
    m = _mark(unit)
    return m["type"] == "text" and m.get("stroke") is not None and m.get("strokeWidth", 0) >= 2


def _contrast_rule(name, args, kwargs, lang, spec):
    """Every text reaches 4.5:1 against the page and every fixed-colour shape drawn beneath it in its layer,
    or against the halo drawn beneath it; a halo (a white outline) must lie beneath a text of the same words."""
    out = []
    background = spec.get("background", "white")  # the pingan theme's background
    for layer in _layers(spec):
        for i, (unit, rows) in enumerate(layer):
            m = _mark(unit)
            if m["type"] != "text":
                continue
            text_field = unit.get("encoding", {}).get("text", {}).get("field")
            later = [u for u, _ in layer[i + 1:] if _mark(u)["type"] == "text" and not _is_halo(u)
                     and u.get("encoding", {}).get("text", {}).get("field") == text_field]
            if _is_halo(unit):
                if not later:
                    out.append(f"a halo ({text_field}) with no text drawn over it")
                continue
            colours = _colours(unit, rows)
            if colours is None:
                out.append(f"text ({text_field}) coloured by a scheme: contrast cannot be checked")
                continue
            colours = colours or {INK}  # the theme's text colour
            halos = [u for u, _ in layer[:i] if _is_halo(u)
                     and u.get("encoding", {}).get("text", {}).get("field") == text_field]
            if halos:
                beneath = {_mark(h)["stroke"] for h in halos}
            else:
                beneath = {background}
                for u, r in layer[:i]:
                    if _mark(u)["type"] in FILLED:
                        fills = _colours(u, r)
                        if fills is None:
                            out.append(f"text ({text_field}) on {_mark(u)['type']}s coloured by a scheme")
                        else:
                            beneath |= fills
            out += [f"text ({text_field}) {c} on {b}: {contrast(c, b):.1f}:1" for c in sorted(colours)
                    for b in sorted(beneath) if contrast(c, b) < 4.5]
    return out


def test_every_text_reaches_4_5_to_1_against_what_it_sits_on():
    _sweep(_contrast_rule)


def test_contrast_is_wcag_and_the_rule_rejects_white_labels_on_city_colours():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#222222", "#222222") == pytest.approx(1)
    assert contrast("#ffffff", "#009E73") < 4.5 and contrast("#ffffff", "#D55E00") < 4.5
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the well-known just-failing grey
    assert contrast(text_shade("#009E73"), "#ffffff") >= 4.5
    shapes = {"mark": "geoshape", "encoding": {"color": {"field": "fill", "type": "nominal", "scale": None}}}
    white = {"mark": {"type": "text"}, "encoding": {"text": {"field": "label"}, "color": {"value": "white"}}}
    ink = {"mark": {"type": "text", "color": INK}, "encoding": {"text": {"field": "label"}}}
    halo = {"mark": {"type": "text", "color": "white", "stroke": "white", "strokeWidth": 3},
            "encoding": {"text": {"field": "label"}}}
    data = {"data": {"values": [{"fill": "#009E73", "label": "Quzhou"}, {"fill": "#D55E00", "label": "Jinhua"}]}}
    assert _contrast_rule("m", (), {}, "en", {**data, "layer": [shapes, white]})  # white on green: 3.4:1
    assert _contrast_rule("m", (), {}, "en", {**data, "layer": [shapes, ink]})  # ink straight on orange: 4.1:1
    assert not _contrast_rule("m", (), {}, "en", {**data, "layer": [shapes, halo, ink]})
    assert _contrast_rule("m", (), {}, "en", {**data, "layer": [shapes, halo]})  # a halo with nothing over it


def _aria_rule(name, args, kwargs, lang, spec):
    """No screen reader hears a layout coordinate ("x0: 0; y_top: 7"): a mark that encodes one
    is hidden (aria false), or says what it is (a description channel), or titles the field."""
    out = []
    for unit, _ in units(spec):
        enc = unit.get("encoding", {})
        if _mark(unit).get("aria") is False or "description" in enc:
            continue
        out += [f"{mark_type(unit)} exposes {e['field']} ({ch}) untitled" for ch, e in enc.items()
                if isinstance(e, dict) and HELPER_FIELD.match(str(e.get("field", ""))) and not e.get("title")]
    return out


def test_no_mark_exposes_a_layout_field_to_screen_readers():
    _sweep(_aria_rule)


def test_the_aria_rule_catches_an_untitled_helper_field():
    bare = {"mark": "rect", "encoding": {"x": {"field": "x0", "type": "quantitative"}}}
    assert _aria_rule("m", (), {}, "en", bare)
    assert not _aria_rule("m", (), {}, "en", {**bare, "mark": {"type": "rect", "aria": False}})
    assert not _aria_rule("m", (), {}, "en", {"mark": "rect", "encoding": {"x": {"field": "x0", "title": "Start"}}})
