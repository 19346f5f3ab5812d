"""An article's parts side by side: each section's practices and the figures it prints.

:func:`sections_detail_chart` draws one block per section of the article (by default every
section after the introduction: Wucheng's three nets, Jiaxing's seven county-level cases):

- left, the section (and, for a case, its place, in English and Chinese);
- middle, the practices it describes, a filled circle for a provincial template and an open
  diamond for the place's own invention (as on the architecture chart);
- right, the figures it prints, outcome claims first (marked when the article gives no base
  to size them), then counts of people, then every other figure; a section that prints none
  says so.

Hover a practice for its Chinese name, template and quote, a figure for its printed text
and quote. Framed like every workbook chart (title from the data, source line beneath).
"""
from __future__ import annotations

import re

import altair as alt
import polars as pl

from pingan.analysis._section_figures import section_figures
from pingan.analysis._sections import article_sections
from pingan.analysis._frames import article_labels, place_names, printed_label
from pingan.package._selection import resolve_tables
from pingan.charts._framing import frame, shorten, source_line, wrap
from pingan.charts._model_charts import _check, article_color
from pingan.package._vocabulary import check_lang, family_label, in_sentence, is_template, join_words, text as say
from pingan.charts._style import INK, MUTED, text_shade

__all__ = ["sections_detail_chart", "section_blocks"]

LINE = 14          # pixels per text line
PAD = 12           # pixels between blocks
X_PRACTICE = 215   # the practice markers
X_FIGURE = 535     # the figures
WIDTH = 950
UNITS = ("km", "km2", "yuan", "years", "times")  # printed after a figure (phrases unit.km, …)
ROLE_ORDER = {"claim": 0, "people": 1, "other": 2}
# English names are cut to fit the chart's columns; Chinese ones are short enough whole
PRACTICE_NAME_WIDTH = {"en": 48, "zh": None}
FIGURE_NAME_WIDTH = {"en": 42, "zh": None}
HEADING_WIDTH = {"en": 30, "zh": 15}  # a section's label, in lines of at most this many characters


def _pick(sections: pl.DataFrame, which, article_id: str) -> pl.DataFrame:
    if which is None:
        picked = sections.filter(pl.col("position") > 1)
        return picked if picked.height else sections
    wanted = [which] if isinstance(which, (str, int)) else list(which)
    valid_ids, valid_pos = sections["section_id"].to_list(), sections["position"].to_list()
    bad = [w for w in wanted if w not in valid_ids and w not in valid_pos]
    if bad or not wanted:
        raise ValueError(f"unknown section(s) {bad or wanted!r} of {article_id!r}; its sections are "
                         f"{', '.join(valid_ids)} (or positions {valid_pos[0]}–{valid_pos[-1]})")
    keep = [r for r in sections.iter_rows(named=True) if r["section_id"] in wanted or r["position"] in wanted]
    return pl.DataFrame(keep, schema=sections.schema)


def _quoted(text: str, marks: str) -> str | None:
    m = re.search(marks, text)
    return m.group(1) if m else None


def _short_heading(r: dict, lang: str) -> str:
    """A section's name: its quoted term ("'safety net' (安全网)") or its heading up to the colon."""
    if r["position"] == 1:
        return say("introduction_23", lang)
    en, zh = _quoted(r["heading_en"], r"'([^']+)'"), _quoted(r["heading_zh"], r"“([^”]+)”")
    if en and zh and en.endswith("net"):
        return say("detail.net", lang, name_en=f"{en[0].upper()}{en[1:]}", name_zh=zh)
    return {"en": r["heading_en"].split(":")[0].strip(), "zh": r["heading_zh"].split(" ")[0]}[lang]


def _mix(families: list[str], lang: str) -> list[str]:
    """The section's commonest templates (two at most), then its own inventions."""
    counts: dict[str, int] = {}
    for f in families:
        if f != "local":
            counts[f] = counts.get(f, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    lines = [f"{family_label(f, lang)} {n}" for f, n in top]
    own = sum(f == "local" for f in families)
    return lines + ([say("detail.own", lang, n=own)] if own else [])


def _figure_text(r: dict, lang: str) -> str:
    number = printed_label(r["as_written"], r["value"], r["unit"], r["qualifier"], r["measure"], lang)
    name = r[f"name_{lang}"]
    name = shorten(name, FIGURE_NAME_WIDTH[lang]) if FIGURE_NAME_WIDTH[lang] else name
    if r["measure"] == "change_pct":
        mark = "▼ " if r["value"] < 0 else "▲ "
    elif r["role"] == "claim":
        mark = "■ "
    else:
        mark = ""
    period = r["period"].replace("-", "–")
    unit = say(f"unit.{r['unit']}", lang) if r["unit"] in UNITS and r["measure"] in ("level", "count_years") else ""
    text = f"{mark}{number}{unit} {name} ({period})"
    if r["role"] == "claim" and not r["base_given"]:
        text += say("detail.no_base", lang)
    return text


def section_blocks(article_id: str, sections=None, *, tables: dict | None = None, lang: str = "en") -> pl.DataFrame:
    """The chart's content as data, one row per section drawn: section_id, position, place,
    label, practices, templates, inventions, claims, claims_without_base, people, figures
    (all counts) and the lists practice_names and figure_texts."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places", "article_sections", "practice_sections",
                       "statistics", "statistic_sections", "indicators")
    _check(t, article_id)
    s = _pick(article_sections(article_id, tables=t), sections, article_id)
    figs = section_figures(article_id, tables=t).join(
        t["indicators"].select("indicator", "name_zh"), on="indicator", how="left")
    home = t["articles"].filter(pl.col("article_id") == article_id)["place_code"][0]
    places = place_names(t, lang)
    en_places = dict(zip(t["places"]["place_code"], t["places"]["name_en"]))
    zh_places = dict(zip(t["places"]["place_code"], t["places"]["name_zh"]))
    p = t["practices"].with_columns(pl.col(pl.Enum).cast(pl.String))
    rows = []
    for r in s.iter_rows(named=True):
        f = (figs.filter(pl.col("section_id") == r["section_id"])
             .with_columns(order=pl.col("role").replace_strict(ROLE_ORDER, return_dtype=pl.Int32))
             .sort("order", "stat_id"))
        mine = p.filter(pl.col("practice_id").is_in(r["practice_ids"]))
        mine = mine.with_columns(tpl=pl.col("family") != "local").sort(["tpl", "family", "practice_id"],
                                                                       descending=[True, False, False])
        place = ""
        if r["place_code"] != home:
            place = say("detail.place", lang, name_en=en_places[r["place_code"]], name_zh=zh_places[r["place_code"]])
        claims = f.filter(pl.col("role") == "claim")
        rows.append({
            "section_id": r["section_id"], "position": r["position"], "place": place or places.get(home, home),
            "label": _short_heading(r, lang), "practices": mine.height,
            "templates": int(mine["tpl"].sum()), "inventions": int((~mine["tpl"]).sum()),
            "claims": claims.height, "claims_without_base": int((~claims["base_given"].fill_null(False)).sum()),
            "people": f.filter(pl.col("role") == "people").height, "figures": f.height,
            "practice_names": mine[f"name_{lang}"].to_list(),
            "practice_ids": mine["practice_id"].to_list(), "mix": _mix(mine["family"].to_list(), lang),
            "figure_texts": [_figure_text(x, lang) for x in f.iter_rows(named=True)],
            "stat_ids": f["stat_id"].to_list(), "place_code": r["place_code"],
            "heading_zh": r["heading_zh"], "pinyin": r["pinyin"], "heading_en": r["heading_en"],
            "summary_en": r["summary_en"],
        })
    return pl.DataFrame(rows)


def _title(art: str, b: pl.DataFrame, lang: str, cases: bool) -> str:
    def name(r: dict) -> str:
        if cases:
            return r["place"].split(" ")[0]
        return in_sentence(r["label"].split(" (")[0], lang)
    top = b.sort(["practices", "position"], descending=[True, False]).row(0, named=True)
    silent = [name(r) for r in b.iter_rows(named=True) if r["claims"] == 0]
    total = int(b["practices"].sum())
    head = say("detail.title.case" if cases else "detail.title", lang, article=art, name=name(top),
               n=top["practices"], total=total)
    if not silent:
        return say("detail.title.all_claim", lang, head=head)
    key = {(True, True): "detail.title.silent_case.one", (True, False): "detail.title.silent_case",
           (False, True): "detail.title.silent.one", (False, False): "detail.title.silent"}[cases, len(silent) == 1]
    return say(key, lang, head=head, silent=join_words(silent, lang))


def sections_detail_chart(article_id: str, sections=None, *, tables: dict | None = None, lang: str = "en",
                          title: str | None = None) -> alt.VConcatChart:
    """The article's parts side by side (``sections``: section ids or positions; default every
    section after the introduction): for each, its practices (template or invention) and the
    figures it prints (outcome claims first). Hover for names, templates, quotes."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places", "article_sections", "practice_sections",
                       "statistics", "statistic_sections", "indicators")
    b = section_blocks(article_id, sections, tables=t, lang=lang)
    colour = article_color(t, article_id)
    home = t["articles"].filter(pl.col("article_id") == article_id)["place_code"][0]
    cases = bool((b["place_code"] != home).any())
    quotes = dict(zip(t["practices"]["practice_id"], t["practices"]["quote"]))
    zh_names = dict(zip(t["practices"]["practice_id"], t["practices"]["name_zh"]))
    fams = dict(zip(t["practices"]["practice_id"], t["practices"]["family"].cast(pl.String)))
    st = t["statistics"]
    st_quote, st_printed = dict(zip(st["stat_id"], st["quote"])), dict(zip(st["stat_id"], st["as_written"]))
    labels, marks, figs, rules = [], [], [], []
    top = LINE * 1.6
    for r in b.iter_rows(named=True):
        head = wrap(r["label"], HEADING_WIDTH[lang])[:3]
        left = ([r["place"]] + head) if cases else head
        left = [(line, i == 0, False) for i, line in enumerate(left)] + [(m, False, True) for m in r["mix"]]
        n_lines = max(len(left), r["practices"], r["figures"], 1)
        for i, (line, bold, muted) in enumerate(left):
            labels.append({"x": 0, "y": top + i * LINE, "text": line, "bold": bold, "muted": muted,
                           "heading_zh": r["heading_zh"], "pinyin": r["pinyin"], "heading_en": r["heading_en"],
                           "summary": r["summary_en"]})
        for i, (pid, name) in enumerate(zip(r["practice_ids"], r["practice_names"])):
            tpl = is_template(fams[pid])
            width = PRACTICE_NAME_WIDTH[lang]
            marks.append({"x": X_PRACTICE, "y": top + i * LINE, "text": shorten(name, width) if width else name,
                          "kind": "template" if tpl else "local", "name_zh": zh_names[pid],
                          "family": family_label(fams[pid], lang, terms=True), "quote": quotes[pid]})
        if not r["practices"]:
            figs.append({"x": X_PRACTICE - 6, "y": top, "text": say("detail.no_practice", lang), "role": "none",
                         "printed": "", "quote": ""})
        for i, (sid, text) in enumerate(zip(r["stat_ids"], r["figure_texts"])):
            role = "claim" if text.startswith(("▲", "▼", "■")) else "figure"
            figs.append({"x": X_FIGURE, "y": top + i * LINE, "text": text, "role": role,
                         "printed": st_printed[sid], "quote": st_quote[sid]})
        if not r["figures"]:
            figs.append({"x": X_FIGURE, "y": top, "text": say("detail.no_figure", lang), "role": "none", "printed": "",
                         "quote": ""})
        bottom = top + (n_lines - 1) * LINE + PAD
        rules.append({"y": bottom})
        top = bottom + PAD
    height = top
    xs = alt.Scale(domain=[0, WIDTH], nice=False, zero=True)
    ys = alt.Scale(domain=[0, height], nice=False, zero=True, reverse=True)
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    headers = pl.DataFrame({"x": [0, X_PRACTICE - 6, X_FIGURE], "y": [LINE * 0.3] * 3,
                            "text": [say("detail.section", lang), say("detail.practices", lang),
                                     say("detail.figures", lang)]})
    header_layer = alt.Chart(headers).mark_text(align="left", baseline="middle", fontSize=10, color=MUTED,
                                                fontWeight=600).encode(x=x, y=y, text=alt.Text("text:N"))
    rule_layer = alt.Chart(pl.DataFrame(rules)).mark_rule(color="#dddddd", strokeWidth=1).encode(
        y=alt.Y("y:Q", scale=ys, axis=None))
    label_tip = [alt.Tooltip("heading_zh:N", title=say("tip.heading_zh", lang)),
                 alt.Tooltip("pinyin:N", title=say("pinyin", lang)),
                 alt.Tooltip("heading_en:N", title=say("tip.heading_en", lang)),
                 alt.Tooltip("summary:N", title=say("tip.summary", lang))]
    lab = pl.DataFrame(labels)
    label_layers = [alt.Chart(lab.filter((pl.col("bold") == bold) & (pl.col("muted") == muted))).mark_text(
        align="left", baseline="middle", fontSize=10 if muted else 11, color=MUTED if muted else INK,
        fontWeight=700 if bold else 400).encode(x=x, y=y, text=alt.Text("text:N"), tooltip=label_tip)
        for bold, muted in ((True, False), (False, False), (False, True))]
    m = pl.DataFrame(marks) if marks else pl.DataFrame(schema={"x": pl.Float64, "y": pl.Float64, "text": pl.String,
                                                                "kind": pl.String, "name_zh": pl.String,
                                                                "family": pl.String, "quote": pl.String})
    tip = [alt.Tooltip("name_zh:N", title=say("tip.chinese", lang)),
           alt.Tooltip("text:N", title=say("tip.name_shown", lang)),
           alt.Tooltip("family:N", title=say("template", lang)),
           alt.Tooltip("quote:N", title=say("quote", lang))]
    point = alt.Chart(m).mark_point(size=55, strokeWidth=1.4, opacity=1, stroke=colour).encode(
        x=x, y=y,
        shape=alt.Shape("kind:N", scale=alt.Scale(domain=["template", "local"], range=["circle", "diamond"]),
                        legend=None),
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=["template", "local"], range=[colour, "white"]), legend=None),
        tooltip=tip)
    names = alt.Chart(m).mark_text(align="left", baseline="middle", dx=9, fontSize=10.5, color=INK).encode(
        x=x, y=y, text=alt.Text("text:N"), tooltip=tip)
    fig_layer = alt.Chart(pl.DataFrame(figs)).mark_text(align="left", baseline="middle", fontSize=10.5).encode(
        x=x, y=y, text=alt.Text("text:N"),
        color=alt.Color("role:N", scale=alt.Scale(domain=["claim", "figure", "none"], range=[text_shade(colour), INK, MUTED]),
                        legend=None),
        tooltip=[alt.Tooltip("printed:N", title=say("as_written", lang)),
                 alt.Tooltip("quote:N", title=say("quote", lang))])
    chart = alt.layer(rule_layer, header_layer, *label_layers, point, names, fig_layer).properties(
        width=WIDTH, height=height)
    art = article_labels(t, lang)[article_id]
    subtitle = [say("detail.subtitle.cases" if cases else "detail.subtitle", lang), say("detail.hover", lang)]
    return frame(chart, title or _title(art, b, lang, cases), subtitle,
                 source_line(t, [article_id], ["article_sections.csv", "practices.csv", "statistics.csv",
                                               "statistic_sections.csv"], lang), lang=lang)
