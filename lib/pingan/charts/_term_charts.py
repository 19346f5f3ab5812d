"""How much each article leans on the key governance terms (issue 12), from the stored counts."""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.analysis._terms import term_frequencies
from pingan.analysis._frames import article_labels, cities
from pingan.package._selection import article_order, resolve_tables
from pingan.charts._framing import frame, phrase_expr, source_line
from pingan.package._vocabulary import check_lang, text as say
from pingan.charts._style import INK

__all__ = ["term_emphasis_chart", "MODEL_TERMS"]

# the terms of the governance model, one or two per template (all in data/governance_terms.csv)
MODEL_TERMS = ("网格", "四平台", "综治中心", "社会治理中心", "调解", "枫桥经验", "党建", "三治融合",
               "智慧", "数字化", "视频", "志愿者", "群防群治", "扫黑除恶", "平安报表")


def _peak(df: pl.DataFrame) -> dict | None:
    """The term most concentrated in one article: highest ratio of its peak to the next
    article's rate, among terms used in two or more articles at a peak of ≥1 per 1,000."""
    best = None
    for (term,), g in df.group_by("term", maintain_order=True):
        rates = g.sort("per_1000_chars", descending=True)
        top, second = rates.row(0, named=True), rates.row(1, named=True) if rates.height > 1 else None
        if second is None or second["per_1000_chars"] <= 0 or top["per_1000_chars"] < 1:
            continue
        ratio = top["per_1000_chars"] / second["per_1000_chars"]
        if best is None or ratio > best["ratio"]:
            best = {**top, "ratio": ratio}
    return best


def term_emphasis_chart(terms=None, *, tables: dict | None = None, lang: str = "en",
                        title: str | None = None) -> alt.VConcatChart:
    """Occurrences per 1,000 characters of key governance terms (``MODEL_TERMS`` unless
    ``terms`` is given), one small panel per article in publication order, every value
    labelled. Curated terms come from the stored counts, so the chart needs no texts."""
    check_lang(lang)
    t = resolve_tables(tables, "term_counts", "governance_terms", "articles", "places")
    df = term_frequencies(list(terms or MODEL_TERMS), tables=t)
    labels = article_labels(t, lang)
    order = article_order(t)
    codes = dict(zip(t["articles"]["article_id"], t["articles"]["place_code"]))
    vocab = cities(t)
    df = df.with_columns(
        article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
        city_colour=pl.col("article_id").replace_strict({a: vocab.colors.get(vocab.of.get(c), INK) for a, c in codes.items()}),
        term_label=phrase_expr("terms.row", lang, term="term",
                               term_en=pl.col("term_en").fill_null("")).str.strip_chars(),
        shown=pl.when(pl.col("occurrences") > 0).then(pl.col("per_1000_chars").round(1).cast(pl.String))
        .otherwise(pl.lit("0")))
    rows = df.unique("term", maintain_order=True)["term_label"].to_list()
    peak = _peak(df)
    if title is None:
        if peak:
            title = say("terms.title", lang, term_en=peak["term_en"][:1].upper() + peak["term_en"][1:],
                        term=peak["term"], article=labels[peak["article_id"]], rate=peak["per_1000_chars"],
                        ratio=peak["ratio"])
        else:
            title = say("terms.title.none", lang, terms=len(rows), articles=len(order))
    top = float(df["per_1000_chars"].max() or 1.0)
    base = alt.Chart().encode(
        y=alt.Y("term_label:N", sort=rows, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("per_1000_chars:Q", title=say("per_1_000_characters", lang),
                scale=alt.Scale(domain=[0, top * 1.45]), axis=alt.Axis(tickCount=3, grid=True)),
        tooltip=[alt.Tooltip("article:N", title=say("article", lang)),
                 alt.Tooltip("term:N", title=say("term", lang)),
                 alt.Tooltip("pinyin:N", title=say("pinyin", lang)),
                 alt.Tooltip("term_en:N", title=say("tip.english", lang)),
                 alt.Tooltip("occurrences:Q", title=say("occurrences", lang)),
                 alt.Tooltip("characters:Q", title=say("characters", lang), format=","),
                 alt.Tooltip("per_1000_chars:Q", title=say("per_1_000", lang), format=".2f")])
    bars = base.mark_bar(height=11).encode(color=alt.Color("city_colour:N", scale=None, legend=None))
    text = base.mark_text(align="left", dx=3, fontSize=10, color=INK).encode(text=alt.Text("shown:N"))
    chart = alt.layer(bars, text, data=df).properties(width=118, height=alt.Step(17)).facet(
        column=alt.Column("article:N", sort=[labels[a] for a in order], title=None,
                          header=alt.Header(labelAngle=0, labelAnchor="start", labelFontWeight=600)),
        spacing=10)
    subtitle = [say("terms.subtitle", lang), say("terms.caveat", lang, n=len(order))]
    return frame(chart, title, subtitle,
                 source_line(t, df["article_id"], ["term_counts.csv", "governance_terms.csv"], lang), lang=lang)
