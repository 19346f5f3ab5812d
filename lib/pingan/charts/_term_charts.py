"""How much each article leans on the key governance terms (issue 12), from the stored counts."""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.analysis._terms import term_frequencies
from pingan.analysis._frames import article_labels, article_order, cities, resolve_tables
from pingan.charts._framing import frame, source_line
from pingan.package._vocabulary import text as say, check_lang
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
        term_label=(pl.col("term") + pl.lit(" ") + pl.col("term_en").fill_null("")).str.strip_chars()
        if lang == "en" else pl.col("term"),
        shown=pl.when(pl.col("occurrences") > 0).then(pl.col("per_1000_chars").round(1).cast(pl.String))
        .otherwise(pl.lit("0")))
    rows = df.unique("term", maintain_order=True)["term_label"].to_list()
    peak = _peak(df)
    if title is None:
        if peak and lang == "en":
            title = (f"{peak['term_en'][:1].upper() + peak['term_en'][1:]} ({peak['term']}) stands out in {labels[peak['article_id']]}: "
                     f"{peak['per_1000_chars']:.1f} per 1,000 characters, {peak['ratio']:.0f}× any other article")
        elif peak:
            title = (f"“{peak['term']}”在{labels[peak['article_id']]}最为突出:每千字{peak['per_1000_chars']:.1f}次,"
                     f"为其他文章的{peak['ratio']:.0f}倍以上")
        else:
            title = (f"{len(rows)} governance terms across {len(order)} articles" if lang == "en"
                     else f"{len(order)}篇文章中的{len(rows)}个治理用语")
    top = float(df["per_1000_chars"].max() or 1.0)
    base = alt.Chart().encode(
        y=alt.Y("term_label:N", sort=rows, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("per_1000_chars:Q", title=say("per_1_000_characters", lang),
                scale=alt.Scale(domain=[0, top * 1.45]), axis=alt.Axis(tickCount=3, grid=True)),
        tooltip=[alt.Tooltip("article:N", title=say("article", lang)),
                 alt.Tooltip("term:N", title=say("term", lang)),
                 alt.Tooltip("pinyin:N", title=say("pinyin", lang)),
                 alt.Tooltip("term_en:N", title="English"),
                 alt.Tooltip("occurrences:Q", title=say("occurrences", lang)),
                 alt.Tooltip("characters:Q", title=say("characters", lang), format=","),
                 alt.Tooltip("per_1000_chars:Q", title=say("per_1_000", lang), format=".2f")])
    bars = base.mark_bar(height=11).encode(color=alt.Color("city_colour:N", scale=None, legend=None))
    text = base.mark_text(align="left", dx=3, fontSize=10, color=INK).encode(text="shown:N")
    chart = alt.layer(bars, text, data=df).properties(width=118, height=alt.Step(17)).facet(
        column=alt.Column("article:N", sort=[labels[a] for a in order], title=None,
                          header=alt.Header(labelAngle=0, labelAnchor="start", labelFontWeight=600)),
        spacing=10)
    subtitle = (["Occurrences of each term per 1,000 characters of the article (spaces removed), articles in "
                 "publication order.",
                 "Five articles are a small sample: differences show each article's emphasis, not a trend."]
                if lang == "en" else
                ["各用语在文章中每千字(不计空白)的出现次数,文章按发表顺序排列。", "五篇文章样本很小:差异反映各文章的侧重,而非趋势。"])
    return frame(chart, title, subtitle,
                 source_line(t, df["article_id"], ["term_counts.csv", "governance_terms.csv"], lang))
