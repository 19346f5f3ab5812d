"""Charts of each city's governance model (issue 12): its architecture, its templates, its framing.

- :func:`architecture_chart`: the links the article states between its practices, as boxes left
  to right (inferred links only when asked for, dashed and lighter);
- :func:`templates_chart`: which provincial templates the article instantiates, and its own inventions;
- :func:`template_matrix_chart`: every article × template, the first article to name each marked;
- :func:`sections_chart`: the article's own sections in order, with the practices each describes.

All are framed like every workbook chart (title from the data, ≤2 subtitle lines, one
source line beneath naming the tables drawn) and take ``tables=`` and ``lang=``.
"""
from __future__ import annotations

import re

import altair as alt
import polars as pl

from pingan.analysis._model import model_practices, template_matrix
from pingan.analysis._sections import article_sections
from pingan.analysis._frames import article_labels, place_names, cities
from pingan.package._selection import article_order, check_article_ids, resolve_tables
from pingan.charts._framing import conditional, frame, sentences, shorten, source_line, wrap
from pingan.package._vocabulary import (check_lang, family_in_sentence, family_label, is_template, join_words,
                                        relation_label, slug_label, text as say, tier_label)
from pingan.charts._model_layout import LINE, flow_layout
from pingan.charts._style import CELL_RANGE, HALO, INK, MUTED

__all__ = ["architecture_chart", "templates_chart", "template_matrix_chart", "sections_chart", "escalation_chain",
           "article_color"]

LOCAL_COLOR = "#555555"
RELATION_STYLE = {  # relation -> (colour, dash)
    "escalates-to": ("#222222", [1, 0]),
    "feeds": ("#222222", [6, 3]),
    "supervises": ("#777777", [10, 3, 2, 3]),
    "coordinates-with": ("#777777", [2, 3]),
    "part-of": ("#b0b0b0", [1, 0]),
}
UPWARD = ("escalates-to", "feeds")


def _k(key: str, lang: str) -> str:
    """A practice's kind, "template" or "local", as readers say it."""
    return slug_label("practice_kind", key, lang)


def article_color(tables: dict, article_id: str) -> str:
    """The colour of the city the article is about (Wucheng takes Jinhua's)."""
    code = tables["articles"].filter(pl.col("article_id") == article_id)["place_code"][0]
    vocab = cities(tables)
    return vocab.colors.get(vocab.of.get(code), INK)


def _families(tables: dict) -> list[str]:
    return list(tables["practices"].schema["family"].categories)


def _check(tables: dict, article_id: str) -> None:
    if not isinstance(article_id, str):
        raise ValueError(f"one article id, not {article_id!r}; valid ids: {', '.join(article_order(tables))}")
    check_article_ids(tables, article_id)


def escalation_chain(practices: pl.DataFrame, links: pl.DataFrame) -> list[str]:
    """The longest path of "escalates-to" and "feeds" links (practice ids, from the bottom
    up), ties broken by id; a single practice when there is no such link."""
    nxt: dict[str, list[str]] = {}
    for r in links.filter(pl.col("relation").is_in(UPWARD)).iter_rows(named=True):
        nxt.setdefault(r["from_practice"], []).append(r["to_practice"])
    best: dict[str, list[str]] = {}

    def longest(p: str, seen: frozenset) -> list[str]:
        if p in best:
            return best[p]
        options = [longest(q, seen | {p}) for q in sorted(nxt.get(p, [])) if q not in seen]
        path = [p] + max(options, key=len, default=[])
        best[p] = path
        return path

    starts = sorted(set(nxt))
    return max((longest(p, frozenset()) for p in starts), key=len, default=[])


LINK_CHOICES = ("stated", "all")
STATED_INK, INFERRED_INK = "#333333", "#a0a0a0"
INFERRED_DASH = [5, 4]


def _architecture_title(art: str, links: pl.DataFrame, lang: str) -> str:
    """The default title (the figure export's; a notebook writes its own): how many of the
    article's links its words state."""
    return say("architecture.title", lang, article=art, n=links.height, stated=int((links["basis"] == "stated").sum()))


def _architecture_text(art: str, n_stated: int, n_inferred: int, n_boxes: int, n_practices: int,
                       links: str, lang: str) -> tuple[list[str], str]:
    """The subtitle (which links are shown) and the screen-reader description."""
    counts = {"stated": n_stated, "inferred": n_inferred, "boxes": n_boxes, "practices": n_practices}
    first = say(f"architecture.shown.{links}", lang, **counts)
    second = say("architecture.boxes", lang, **counts)
    desc = say("architecture.description", lang, article=art, shown=first, **counts)
    return [first, second], desc


def architecture_chart(article_id: str, *, tables: dict | None = None, lang: str = "en",
                       title: str | None = None, links: str = "stated") -> alt.VConcatChart:
    """The links between the article's practices, drawn as boxes joined left to right (a chain
    the article states reads as a row of boxes), each arrow labelled with its relation.

    ``links="stated"`` (the default) draws only the links the article's words give;
    ``links="all"`` adds the inferred ones (from the provincial design or a reading of the
    text), dashed and lighter. Only practices on a drawn link are boxed; the subtitle says
    which links are shown and how many are left out; pair it with ``pingan.tables.links_table``
    for every link with its basis. Hover a line for the link's quote, a box for the
    practice's names and quote."""
    check_lang(lang)
    if links not in LINK_CHOICES:
        raise ValueError(f"links must be one of {', '.join(LINK_CHOICES)}, not {links!r}")
    t = resolve_tables(tables, "practices", "practice_links", "articles", "places")
    _check(t, article_id)
    p = model_practices(article_id, tables=t).with_columns(pl.col(pl.Enum).cast(pl.String))
    if p.is_empty():
        raise ValueError(f"article {article_id!r} names no practice; nothing to draw")
    every = t["practice_links"].filter(pl.col("article_id") == article_id).with_columns(pl.col(pl.Enum).cast(pl.String))
    shown = every if links == "all" else every.filter(pl.col("basis") == "stated")
    # stated lines are drawn last, over inferred ones
    shown = shown.sort(pl.col("basis") == "stated", maintain_order=True)
    art = article_labels(t, lang)[article_id]
    colour = article_color(t, article_id)
    n_stated = int((every["basis"] == "stated").sum())
    n_inferred = every.height - n_stated
    name_col = f"name_{lang}"
    basis_word = {b: say(f"architecture.basis.{b}", lang) for b in ("stated", "inferred")}

    if shown.is_empty():
        note = pl.DataFrame({"text": [say("architecture.no_links", lang)]})
        chart = alt.Chart(note).mark_text(align="left", fontSize=12, color=MUTED).encode(
            x=alt.XValue(0), y=alt.YValue(20), text=alt.Text("text:N")).properties(width=400, height=40)
        n_boxes = 0
    else:
        nodes, edges, width, height = flow_layout(p, shown, lang)
        stated_ends = set(shown.filter(pl.col("basis") == "stated")["from_practice"]) | set(
            shown.filter(pl.col("basis") == "stated")["to_practice"])
        nodes = nodes.with_columns(on_stated=pl.col("practice_id").is_in(list(stated_ends)),
                                   tier_label=pl.col("tier").map_elements(lambda v: tier_label(v, lang),
                                                                          return_dtype=pl.String))
        n_boxes = nodes.height
        names = dict(zip(p["practice_id"], p[name_col]))
        edges = edges.with_columns(
            relation_label=pl.col("relation").replace_strict({r: relation_label(r, lang) for r in RELATION_STYLE}),
            basis_label=pl.col("basis").replace_strict(basis_word),
            from_name=pl.col("from_practice").replace_strict(names), to_name=pl.col("to_practice").replace_strict(names))
        # what a screen reader says for a link and a box (instead of the layout's coordinates)
        edges = edges.with_columns(link_description=pl.concat_str(
            "from_name", pl.lit(" → "), "relation_label", pl.lit(" → "), "to_name", pl.lit(" ("), "basis_label", pl.lit(")")))
        nodes = nodes.with_columns(node_description=pl.col("practice_id").replace_strict(names, default="")
                                   + pl.lit(" (") + pl.col("tier_label") + pl.lit(")"))
        xs = alt.Scale(domain=[0, width], nice=False, zero=False)
        ys = alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True)
        X = lambda f: alt.X(f"{f}:Q", scale=xs, axis=None)  # noqa: E731
        Y = lambda f: alt.Y(f"{f}:Q", scale=ys, axis=None)  # noqa: E731
        present = [b for b in ("stated", "inferred") if b in set(edges["basis"])]
        ink = alt.Color("basis_label:N", scale=alt.Scale(domain=[basis_word[b] for b in present],
                                                         range=[STATED_INK if b == "stated" else INFERRED_INK
                                                                for b in present]),
                        legend=None)
        dash = alt.StrokeDash("basis_label:N", scale=alt.Scale(domain=[basis_word[b] for b in present],
                                                               range=[[1, 0] if b == "stated" else INFERRED_DASH
                                                                      for b in present]), legend=None)
        tip = [alt.Tooltip("from_name:N", title=say("from", lang)),
               alt.Tooltip("relation_label:N", title=say("link", lang)),
               alt.Tooltip("to_name:N", title=say("to", lang)),
               alt.Tooltip("basis_label:N", title=say("basis", lang)),
               alt.Tooltip("basis_note:N", title=say("why", lang)),
               alt.Tooltip("quote:N", title=say("quote", lang))]
        lines = alt.Chart(edges).mark_rule(strokeWidth=1.6).encode(
            x=X("x1"), y=Y("y1"), x2=alt.X2("x2:Q"), y2=alt.Y2("y2:Q"), color=ink, strokeDash=dash, tooltip=tip,
            description=alt.Description("link_description:N"))
        heads = alt.Chart(edges).mark_point(shape="triangle-up", filled=True, size=40, opacity=1, aria=False).encode(
            x=X("x_head"), y=Y("y_head"), angle=alt.Angle("angle:Q", scale=None), color=ink, tooltip=tip)
        rel_text = [alt.Chart(edges.filter(pl.col("label_align") == a)).mark_text(
            align=a, baseline="bottom", fontSize=9.5, stroke=HALO, strokeWidth=3, strokeJoin="round",
            color=HALO, aria=False).encode(x=X("x_label"), y=Y("y_label"), text=alt.Text("relation_label:N"))
            for a in ("left", "right", "center") if a in set(edges["label_align"])]
        rel_ink = [alt.Chart(edges.filter(pl.col("label_align") == a)).mark_text(
            align=a, baseline="bottom", fontSize=9.5, aria=False).encode(
            x=X("x_label"), y=Y("y_label"), text=alt.Text("relation_label:N"), color=ink)
            for a in ("left", "right", "center") if a in set(edges["label_align"])]
        node_tip = [alt.Tooltip("name_zh:N", title=say("tip.chinese", lang)),
                    alt.Tooltip("pinyin:N", title=say("pinyin", lang)),
                    alt.Tooltip("name_en:N", title=say("tip.english", lang)),
                    alt.Tooltip("tier_label:N", title=say("tier", lang)),
                    alt.Tooltip("quote:N", title=say("quote", lang))]
        boxes = alt.Chart(nodes).mark_rect(cornerRadius=3, fill="white", strokeWidth=1.4).encode(
            x=X("x0"), x2=alt.X2("x1:Q"), y=Y("y0"), y2=alt.Y2("y1:Q"),
            stroke=conditional("stroke", "datum.on_stated", alt.value(colour), alt.value(INFERRED_INK)),
            strokeDash=conditional("strokeDash", "datum.on_stated", alt.value([1, 0]), alt.value(INFERRED_DASH)),
            tooltip=node_tip, description=alt.Description("node_description:N"))
        labels = alt.Chart(nodes).mark_text(align="center", baseline="middle", fontSize=10, lineBreak="\n",
                                            lineHeight=LINE, aria=False).encode(
            x=X("xc"), y=Y("y_text"), text=alt.Text("label:N"),
            color=conditional("color", "datum.on_stated", alt.value(INK), alt.value(MUTED)))
        chart = alt.layer(lines, heads, boxes, labels, *rel_text, *rel_ink).properties(width=width, height=height)
    subtitle, description = _architecture_text(art, n_stated, n_inferred, n_boxes, p.height, links, lang)
    title = title or _architecture_title(art, every, lang)
    # the finding first (the title), then what the drawing holds
    return frame(chart, title, subtitle, source_line(t, [article_id], ["practices.csv", "practice_links.csv"], lang), lang=lang,
                 description=sentences([title, description], lang))


def _template_counts(t: dict, article_id: str, lang: str) -> pl.DataFrame:
    p = model_practices(article_id, tables=t).with_columns(pl.col(pl.Enum).cast(pl.String))
    rows = []
    for fam in _families(t):
        sub = p.filter(pl.col("family") == fam).sort("practice_id")
        names = sub[f"name_{lang}"].to_list()
        rows.append({"family": fam, "family_label": family_label(fam, lang, terms=True),
                     "kind": "template" if is_template(fam) else "local", "practices": sub.height,
                     "names": (say("list_sep_semicolon", lang)).join(names) or "—",
                     "quote": sub["quote"][0] if sub.height else "—",
                     "shown": str(sub.height) if sub.height else say("templates.none", lang)})
    return pl.DataFrame(rows)


def templates_chart(article_id: str, *, tables: dict | None = None, lang: str = "en",
                    title: str | None = None) -> alt.VConcatChart:
    """Template versus invention: how many of the article's practices instantiate each
    provincial template (every template listed, those it does not name at 0), and how many
    are its own inventions, as labelled bars."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places")
    _check(t, article_id)
    df = _template_counts(t, article_id, lang)
    if df["practices"].sum() == 0:
        raise ValueError(f"article {article_id!r} names no practice; nothing to draw")
    templates = df.filter(pl.col("kind") == "template")
    used = int((templates["practices"] > 0).sum())
    local = int(df.filter(pl.col("kind") == "local")["practices"].sum())
    total = int(df["practices"].sum())
    art = article_labels(t, lang)[article_id]
    if title is None:
        title = say("templates.title", lang, article=art, used=used, templates=templates.height, local=local,
                    total=total)
    order = (templates.sort(["practices", "family"], descending=[True, False])["family_label"].to_list()
             + df.filter(pl.col("kind") == "local")["family_label"].to_list())
    colour = article_color(t, article_id)
    base = alt.Chart(df).encode(
        y=alt.Y("family_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=340)),
        x=alt.X("practices:Q", title=say("named_practices", lang),
                scale=alt.Scale(domain=[0, max(df["practices"].max() * 1.25, 3)]), axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("family_label:N", title=say("template", lang)),
                 alt.Tooltip("practices:Q", title=say("practices_count", lang)),
                 alt.Tooltip("names:N", title=say("names", lang)),
                 alt.Tooltip("quote:N", title=say("first_quote", lang))])
    bars = base.mark_bar().encode(color=alt.Color("kind:N", scale=alt.Scale(domain=["template", "local"],
                                                                             range=[colour, LOCAL_COLOR]), legend=None))
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        text=alt.Text("shown:N"), color=conditional("color", "datum.practices > 0", alt.value(INK), alt.value(MUTED)))
    chart = alt.layer(bars, labels).properties(width=300, height=alt.Step(20))
    subtitle = say("templates.subtitle", lang)
    return frame(chart, title, subtitle, source_line(t, [article_id], ["practices.csv"], lang), lang=lang)


def template_matrix_chart(*, tables: dict | None = None, lang: str = "en", title: str | None = None
                          ) -> alt.VConcatChart:
    """Every template × every article (publication order): how many practices carry it,
    the first article to name each template outlined; hover a cell for an example practice
    and its quote."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places")
    m = template_matrix(tables=t).with_columns(pl.col(pl.Enum).cast(pl.String))
    order = article_order(t)
    labels = article_labels(t, lang)
    names = dict(zip(t["practices"]["practice_id"], t["practices"][f"name_{lang}"]))
    m = m.with_columns(
        article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
        family_label=pl.col("family").map_elements(lambda f: family_label(f, lang, terms=True), return_dtype=pl.String),
        example=pl.col("example_practice").replace_strict(names, default=None, return_dtype=pl.String).fill_null("—"),
        quote=pl.col("example_quote").fill_null("—"),
        first=(pl.col("article_id") == pl.col("first_article")),
        shown=pl.when(pl.col("practices") > 0).then(pl.col("practices").cast(pl.String)).otherwise(pl.lit("")))
    reach = (m.filter(pl.col("family") != "local").group_by("family")
             .agg(articles=(pl.col("practices") > 0).sum(), total=pl.col("practices").sum()))
    everywhere = reach.filter(pl.col("articles") == len(order))
    single = reach.filter(pl.col("articles") == 1)
    fam_order = (reach.sort(["articles", "total", "family"], descending=[True, True, False])["family"].to_list() + ["local"])
    row_order = [family_label(f, lang, terms=True) for f in fam_order]
    if title is None:
        shared = [f for f in fam_order if f in set(everywhere["family"])]
        shared = [family_label(f, lang) for f in shared[:1]] + [family_in_sentence(f, lang) for f in shared[1:]]
        n, k = len(order), single.height
        lead = (say("matrix.everywhere" if len(shared) > 1 else "matrix.everywhere.one", lang,
                    templates=join_words(shared, lang), n=n) if shared else say("matrix.none_everywhere", lang, n=n))
        tail = say("matrix.single" if k > 1 else "matrix.single.one" if k else "matrix.none_single", lang, k=k)
        title = say("matrix.title", lang, lead=lead, tail=tail)
    cols = [labels[a] for a in order]
    base = alt.Chart(m).encode(
        x=alt.X("article:N", sort=cols, title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("family_label:N", sort=row_order, title=None, axis=alt.Axis(labelLimit=340)),
        tooltip=[alt.Tooltip("family_label:N", title=say("template", lang)),
                 alt.Tooltip("article:N", title=say("article", lang)),
                 alt.Tooltip("practices:Q", title=say("practices_count", lang)),
                 alt.Tooltip("example:N", title=say("example", lang)),
                 alt.Tooltip("quote:N", title=say("quote", lang)),
                 alt.Tooltip("first_article:N", title=say("first_named_in", lang))],
    ).properties(width=alt.Step(84), height=alt.Step(22))
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=conditional("color", "datum.practices > 0",
                            alt.Color("practices:Q", scale=alt.Scale(range=CELL_RANGE, domainMin=0), legend=None),
                            alt.value("#f7f7f7")))
    firsts = base.transform_filter("datum.first").mark_rect(fill=None, stroke=INK, strokeWidth=2)
    text = base.mark_text(fontSize=11, color=INK).encode(text=alt.Text("shown:N"))
    subtitle = [say("matrix.subtitle", lang), say("matrix.outline", lang)]
    return frame(alt.layer(cells, firsts, text), title, subtitle,
                 source_line(t, order, ["practices.csv"], lang), lang=lang)


def _mix(families: list[str], lang: str, top: int = 3) -> str:
    counts: dict[str, int] = {}
    for f in families:
        counts[f] = counts.get(f, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "local", kv[0]))
    parts = [f"{family_label(f, lang)} {n}" for f, n in ranked[:top]]
    if len(ranked) > top:
        rest = sum(n for _, n in ranked[top:])
        parts.append(say("mix.other", lang, n=rest))
    return " · ".join(parts)


def _heading_name(heading: str, lang: str) -> str:
    """A section's heading as a title quotes it: an English heading up to its colon (at most 50
    characters), a Chinese one up to its first dash, space or comma, in quotation marks."""
    if lang == "en":
        return f"“{shorten(heading.split(':')[0], 50)}”"
    name = re.split(r"——| |,|,", heading)[0]
    return name if "“" in name else f"“{name}”"


SECTION_LABEL_WIDTH = 330
# a section's label: English cut to 84 characters, then at most two lines of 44; Chinese whole, lines of 22
SECTION_LABEL = {"en": (84, 44), "zh": (None, 22)}
UNIT = 14


def sections_chart(article_id: str, *, tables: dict | None = None, lang: str = "en",
                   title: str | None = None) -> alt.VConcatChart:
    """The article's own framing: its sections in printed order, one square per practice the
    section describes (filled: a provincial template; open: a local invention), then the
    section's count and its commonest templates."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places", "article_sections", "practice_sections")
    _check(t, article_id)
    s = article_sections(article_id, tables=t)
    art = article_labels(t, lang)[article_id]
    colour = article_color(t, article_id)
    heading = f"heading_{lang}"
    home = t["articles"].filter(pl.col("article_id") == article_id)["place_code"][0]
    places = place_names(t, lang)
    rows, units = [], []
    for i, r in enumerate(s.iter_rows(named=True)):
        text = r[heading] if r["position"] > 1 else ((say("introduction", lang)) + r[heading])
        if r["place_code"] != home:
            text = say("sections.case", lang, place=places.get(r["place_code"], r["place_code"]), text=text)
        limit, width = SECTION_LABEL[lang]
        lines = wrap(shorten(text, limit) if limit else text, width)[:2]
        rows.append({"section_id": r["section_id"], "row": i, "label": "\n".join(f"{r['position']}. {l}" if j == 0
                                                                                   else f"    {l}" for j, l in enumerate(lines)),
                     "practices": r["practices"], "summary_en": r["summary_en"], "quote": r["quote"],
                     "heading_zh": r["heading_zh"], "pinyin": r["pinyin"], "heading_en": r["heading_en"],
                     "end": r["practices"] * UNIT + 6,
                     "mix": (f"{r['practices']}: " + _mix(r["families"], lang)) if r["practices"] else
                     (say("0_names_no_practice", lang))})
        order = sorted(range(r["practices"]), key=lambda k: (r["families"][k] == "local", r["families"][k]))
        for j, k in enumerate(order):
            fam = r["families"][k]
            units.append({"row": i, "col": j * UNIT + UNIT / 2, "kind": _k("template" if is_template(fam) else "local", lang),
                          "family_label": family_label(fam, lang, terms=True), "name": r["names_en"][k],
                          "practice_id": r["practice_ids"][k], "section": r[heading]})
    frame_rows = pl.DataFrame(rows)
    unit_rows = pl.DataFrame(units)
    quotes = dict(zip(t["practices"]["practice_id"], t["practices"]["quote"]))
    names_zh = dict(zip(t["practices"]["practice_id"], t["practices"]["name_zh"]))
    unit_rows = unit_rows.with_columns(quote=pl.col("practice_id").replace_strict(quotes),
                                       name_zh=pl.col("practice_id").replace_strict(names_zh))
    span = max(int(frame_rows["practices"].max()) * UNIT + 260, 420)
    y = alt.Y("row:O", axis=None, scale=alt.Scale(paddingInner=0.3, paddingOuter=0.2))
    label_layer = alt.Chart(frame_rows).mark_text(align="left", baseline="middle", fontSize=11, lineBreak="\n",
                                                  color=INK).encode(
        x=alt.XValue(0), y=y, text=alt.Text("label:N"),
        tooltip=[alt.Tooltip("heading_zh:N", title=say("tip.heading_zh", lang)),
                 alt.Tooltip("pinyin:N", title=say("pinyin", lang)),
                 alt.Tooltip("heading_en:N", title=say("tip.heading_en", lang)),
                 alt.Tooltip("summary_en:N", title=say("tip.summary", lang)),
                 alt.Tooltip("quote:N", title=say("quote", lang))]
    ).properties(width=SECTION_LABEL_WIDTH, height=alt.Step(38))
    kinds = [k for k in ("template", "local") if _k(k, lang) in set(unit_rows["kind"])] if unit_rows.height else []
    domain = [_k(k, lang) for k in kinds]
    legend = (alt.Legend(title=None, orient="bottom", direction="horizontal", symbolStrokeColor=colour, symbolStrokeWidth=1.5, symbolType="square")
              if len(kinds) > 1 else None)
    xs = alt.Scale(domain=[0, span], nice=False, zero=True)
    x = alt.X("col:Q", axis=None, scale=xs)
    squares = alt.Chart(unit_rows).mark_point(shape="square", size=90, strokeWidth=1.5, stroke=colour, opacity=1).encode(
        x=x, y=y,
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=domain, range=[colour if k == "template" else "white" for k in kinds]),
                      legend=legend),
        tooltip=[alt.Tooltip("name_zh:N", title=say("tip.chinese", lang)),
                 alt.Tooltip("name:N", title=say("tip.english", lang)),
                 alt.Tooltip("family_label:N", title=say("template", lang)),
                 alt.Tooltip("quote:N", title=say("quote", lang))])
    mix = alt.Chart(frame_rows).mark_text(align="left", baseline="middle", fontSize=10.5, color=INK).encode(
        x=alt.X("end:Q", axis=None, scale=xs), y=y, text=alt.Text("mix:N"))
    right = alt.layer(squares, mix).properties(width=span, height=alt.Step(38))
    chart = alt.hconcat(label_layer, right, spacing=6).resolve_scale(y="shared")
    if title is None:
        top = s.sort(["practices", "position"], descending=[True, False]).row(0, named=True)
        n_total = int(s["practices"].sum())
        headed = s.height - 1
        name = say("the_introduction", lang) if top["position"] == 1 else _heading_name(top[heading], lang)
        title = say("sections.title", lang, article=art, sections=headed, name=name, n=top["practices"],
                    total=n_total)
    subtitle = [say("sections.subtitle", lang), say("sections.beside", lang)]
    return frame(chart, title, subtitle,
                 source_line(t, [article_id], ["article_sections.csv", "practice_sections.csv", "practices.csv"], lang),
                 lang=lang)
