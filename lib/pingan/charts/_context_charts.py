"""Charts of context: the timeline, practice categories, coverage of the articles' numbers."""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.analysis._frames import article_labels, city_code_expr, city_expr, place_names
from pingan.package._selection import article_order, check_article_ids, resolve_tables
from pingan.charts._framing import city_color, conditional, frame, labels_beside, padded, shorten, source_line
from pingan.package._vocabulary import STATUSES, category_label, check_lang, join_words, slug_label, text as say
from pingan.charts._style import CELL_RANGE, INK

__all__ = ["timeline_chart", "timeline_frame", "timeline_view", "practice_heatmap", "practice_categories_chart",
           "coverage_chart"]

TIMELINE_WIDTH = 380
# an event's row label: English readers get the event in words, Chinese readers the quote
EVENT_LABEL = {"en": ("event_en", 62), "zh": ("quote", 22)}  # column, characters at most


def timeline_frame(tables: dict, lang: str) -> pl.DataFrame:
    """One row per dated event with its date as a datetime (a year at mid-year, a month at
    mid-month), city, article label and a short label."""
    check_lang(lang)
    labels = article_labels(tables, lang)
    order = {a: i for i, a in enumerate(article_order(tables))}
    names = place_names(tables, lang)
    df = (tables["timeline"].with_columns(pl.col(pl.Enum).cast(pl.String))
          .with_columns(when=pl.col("date").str.pad_end(10, "x")
                        .str.replace("xxxxxx$", "-07-01").str.replace("xxx$", "-15").str.to_datetime("%Y-%m-%d"),
                        city=city_expr(tables, "place_code", lang),
                        city_code=city_code_expr(tables),
                        article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
                        article_rank=pl.col("article_id").replace_strict(order, return_dtype=pl.Int32),
                        place=pl.col("place_code").replace_strict(names, default=pl.col("place_code")))
          .sort("article_rank", "date", "event_id"))
    column, width = EVENT_LABEL[lang]
    short = [shorten(e, width) for e in df[column]]
    return df.with_columns(event_label=pl.Series(short, dtype=pl.String))


def _timeline_title(df: pl.DataFrame, lang: str) -> str:
    years = df["date"].str.slice(0, 4)
    counts = years.value_counts().sort(["count", "date"], descending=[True, True])
    top_year, top_n = counts.row(0)
    y0, y1 = years.min(), years.max()
    return say("timeline.title", lang, n=df.height, start=y0, end=y1, top_n=top_n, top_year=top_year)


def timeline_view(df: pl.DataFrame, lang: str, pick=None, *, tables: dict) -> alt.FacetChart:
    """The timeline itself: one panel per article (publication order), one labelled row per
    event, the x axis padded by a year each side so no dot sits on the edge."""
    y0, y1 = int(df["date"].str.slice(0, 4).min()), int(df["date"].str.slice(0, 4).max())
    domain = [alt.DateTime(year=y0 - 1, month=1, date=1), alt.DateTime(year=y1 + 1, month=12, date=31)]
    tooltip = [alt.Tooltip("date:N", title=say("date", lang)), alt.Tooltip("event_en:N", title=say("event", lang)),
               alt.Tooltip("place:N", title=say("place", lang)), alt.Tooltip("quote:N", title=say("quote", lang)),
               alt.Tooltip("article:N", title=say("article", lang)), alt.Tooltip("event_id:N", title="event_id")]
    dots = alt.Chart().mark_circle(size=70, opacity=1).encode(
        x=alt.X("when:T", title=None, scale=alt.Scale(domain=domain),
                axis=alt.Axis(format="%Y", tickCount=alt.TickCount(interval="year", step=2), labelAngle=0)),
        y=alt.Y("event_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
        color=city_color(df, lang, tables=tables),
        tooltip=tooltip,
    ).properties(width=TIMELINE_WIDTH, height=alt.Step(16))
    if pick is not None:
        dots = dots.encode(opacity=conditional("opacity", pick, alt.value(1.0), alt.value(0.2)))
    return dots.facet(
        data=df,
        row=alt.Row("article:N", title=None, sort=df["article"].unique(maintain_order=True).to_list(),
                    header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start", labelPadding=2)),
        spacing=8,
    ).resolve_scale(y="independent")


def timeline_chart(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """Every dated event the articles mention, each labelled, grouped by article in
    publication order; hover for the exact quote."""
    t = resolve_tables(tables, "timeline", "articles", "places")
    df = timeline_frame(t, lang)
    subtitle = say("timeline.subtitle", lang)
    return frame(timeline_view(df, lang, tables=t), title or _timeline_title(df, lang), subtitle,
                 source_line(t, df["article_id"], ["timeline.csv"], lang), lang=lang)


def _practices(tables: dict, lang: str) -> pl.DataFrame:
    labels = article_labels(tables, lang)
    order = {a: i for i, a in enumerate(article_order(tables))}
    return (tables["practices"].with_columns(pl.col(pl.Enum).cast(pl.String))
            .with_columns(article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
                          article_rank=pl.col("article_id").replace_strict(order, return_dtype=pl.Int32),
                          category_label=pl.col("category").map_elements(lambda c: category_label(c, lang),
                                                                         return_dtype=pl.String),
                          city=city_expr(tables, "place_code", lang)))


def _names(lang: str) -> pl.Expr:
    return pl.col(f"name_{lang}").sort().str.join(say("list_sep_semicolon", lang))


def practice_heatmap(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """How many named practices each article describes in each category, every cell labelled."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places")
    p = _practices(t, lang)
    df = (p.group_by("article", "article_rank", "category_label").agg(pl.len().alias("practices"), _names(lang).alias("names"))
          .sort("article_rank", "category_label"))
    totals = p.group_by("category_label").agg(pl.len().alias("n"), pl.col("article_id").n_unique().alias("k")) \
        .sort(["n", "category_label"], descending=[True, False])
    top = totals.row(0, named=True)
    if title is None:
        title = say("heatmap.title", lang, category=top["category_label"], n=top["n"], total=p.height, k=top["k"])
    subtitle = say("heatmap.subtitle", lang)
    rows = totals["category_label"].to_list()
    cols = p.sort("article_rank")["article"].unique(maintain_order=True).to_list()
    base = alt.Chart(df).encode(
        x=alt.X("article:N", title=None, sort=cols, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("category_label:N", title=None, sort=rows),
        tooltip=[alt.Tooltip("article:N", title=say("article", lang)),
                 alt.Tooltip("category_label:N", title=say("category", lang)),
                 alt.Tooltip("practices:Q", title=say("practices", lang)),
                 alt.Tooltip("names:N", title=say("practice_names", lang))],
    ).properties(width=alt.Step(84), height=alt.Step(24))
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("practices:Q", scale=alt.Scale(range=CELL_RANGE, domainMin=0), legend=None))
    text = base.mark_text(fontSize=11, color=INK).encode(text=alt.Text("practices:Q"))
    return frame(alt.layer(cells, text), title, subtitle, source_line(t, p["article_id"], ["practices.csv"], lang),
                 lang=lang)


def practice_categories_chart(article_id: str, *, tables: dict | None = None, lang: str = "en",
                              title: str | None = None) -> alt.VConcatChart:
    """One article's named practices by category, as labelled bars in the city's colour."""
    check_lang(lang)
    t = resolve_tables(tables, "practices", "articles", "places")
    check_article_ids(t, article_id)
    p = _practices(t, lang).filter(pl.col("article_id") == article_id)
    if p.is_empty():
        raise ValueError(f"article {article_id!r} names no practice; nothing to draw")
    df = (p.group_by("category_label").agg(pl.len().alias("practices"), _names(lang).alias("names"),
                                           pl.col("city").mode().first().alias("city"))
          .sort(["practices", "category_label"], descending=[True, False]))
    best = df.filter(pl.col("practices") == df["practices"].max())["category_label"].to_list()
    art = p["article"][0]
    n = df["practices"].max()
    if title is None:
        title = say("categories.title.one" if len(best) == 1 else "categories.title.several", lang,
                    lead=join_words(best, lang), total=p.height, article=art, n=n)
    subtitle = say("categories.subtitle", lang)
    base = alt.Chart(df).encode(
        x=alt.X("practices:Q", title=say("practices", lang),
                scale=alt.Scale(domain=padded(df["practices"].to_list(), share=0.12)),
                axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("category_label:N", sort=df["category_label"].to_list(), title=None),
        color=city_color(df, lang, tables=t),
        tooltip=[alt.Tooltip("category_label:N", title=say("category", lang)),
                 alt.Tooltip("practices:Q", title=say("practices", lang)),
                 alt.Tooltip("names:N", title=say("practice_names", lang))],
    ).properties(width=300, height=alt.Step(22))
    chart = alt.layer(base.mark_bar(), labels_beside(base, "practices:Q"))
    return frame(chart, title, subtitle, source_line(t, [article_id], ["practices.csv"], lang), lang=lang)


def coverage_chart(report, *, tables: dict | None = None, lang: str = "en", title: str | None = None
                   ) -> alt.VConcatChart:
    """Numbers the spotter finds in each article: curated, left out with a reason, or unexplained."""
    check_lang(lang)
    t = resolve_tables(tables, "articles", "places")
    labels = article_labels(t, lang)
    order = article_order(t)
    summary = report.summary()
    statuses = [s for s in STATUSES if s in summary.columns]
    df = (summary.unpivot(index="article_id", on=statuses, variable_name="status", value_name="numbers")
          .with_columns(article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
                        status_label=pl.col("status").replace_strict(
                            {k: slug_label("status", k, lang) for k in STATUSES}, return_dtype=pl.String),
                        status_rank=pl.col("status").replace_strict({s: i for i, s in enumerate(STATUSES)},
                                                                    return_dtype=pl.Int32)))
    total = int(df["numbers"].sum())
    unexplained = int(df.filter(pl.col("status") == "unexplained")["numbers"].sum())
    if title is None:
        title = say("coverage.title" if unexplained else "coverage.title.all_explained", lang, total=total,
                    unexplained=unexplained)
    subtitle = say("coverage.subtitle", lang)
    status_order = [slug_label("status", s, lang) for s in statuses]
    arts = [labels[a] for a in order if a in set(df["article_id"])]
    df = df.sort("status_rank", pl.col("article_id").replace_strict({a: i for i, a in enumerate(order)},
                                                                     return_dtype=pl.Int32))
    totals = df.group_by("article", maintain_order=True).agg(pl.col("numbers").sum())
    bars = alt.Chart(df).mark_bar().encode(
        x=alt.X("numbers:Q", title=say("numbers", lang), stack="zero"),
        y=alt.Y("article:N", title=None, sort=arts),
        color=alt.Color("status_label:N", scale=alt.Scale(domain=status_order,
                                                          range=["#0072B2", "#bbbbbb", "#D55E00"][:len(statuses)]),
                        legend=alt.Legend(title=None, orient="bottom", direction="horizontal", labelLimit=300)),
        order=alt.Order("status_rank:Q"),
        tooltip=[alt.Tooltip("article:N", title=say("article", lang)),
                 alt.Tooltip("status_label:N", title=say("status", lang)),
                 alt.Tooltip("numbers:Q", title=say("numbers", lang))],
    ).properties(width=360, height=alt.Step(24))
    ends = alt.Chart(totals).mark_text(align="left", dx=5, color=INK).encode(
        x=alt.X("numbers:Q"), y=alt.Y("article:N", sort=arts), text=alt.Text("numbers:Q"))
    return frame(alt.layer(bars, ends), title, subtitle,
                 source_line(t, df["article_id"], ["statistics.csv", "exclusions.csv"], lang), lang=lang)
