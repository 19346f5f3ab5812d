"""Charts of the curated statistics: changes, counts, rates, honours, shared indicators, per resident.

Each builder takes the tables it draws (``tables``, loaded only when omitted), states the
finding in its title (computed from the rows drawn; ``title=`` overrides it) and names
its article(s) and table(s) in one source line beneath the plot. See docs/charts.md.
"""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.analysis._percapita import per_capita_figures
from pingan.analysis._frames import row_labels, statistics_frame
from pingan.package._selection import resolve_tables
from pingan.charts._framing import city_color, frame, labels_beside, log_axis, log_padded, padded, source_line
from pingan.package._vocabulary import check_lang, join_words, text as say
from pingan.charts._style import INK

__all__ = ["changes_chart", "counts_chart", "rates_chart", "honours_chart",
           "shared_indicators_chart", "per_capita_chart", "statistics_tooltips", "COUNT_UNITS"]

COUNT_UNITS = ("count", "people", "person-times")
ROW = 22  # pixels per row of a dot or bar chart
WIDTH = 360


def statistics_tooltips(lang: str) -> list[alt.Tooltip]:
    """What hovering a statistic shows: the figure as printed and the exact quote it comes from."""
    return [
        alt.Tooltip("indicator_label:N", title=say("indicator", lang)),
        alt.Tooltip("as_written:N", title=say("as_written", lang)),
        alt.Tooltip("value:Q", title=say("value", lang), format=",.6~g"),
        alt.Tooltip("period:N", title=say("period", lang)),
        alt.Tooltip("place:N", title=say("place", lang)),
        alt.Tooltip("quote:N", title=say("quote", lang)),
        alt.Tooltip("article_title:N", title=say("article", lang)),
    ]


def _who(df: pl.DataFrame, lang: str) -> str:
    """The article drawn ("Quzhou 2024"), or the places when several articles are."""
    arts = df["article"].unique(maintain_order=True).to_list()
    if len(arts) == 1:
        return arts[0]
    return (say("all_articles", lang)) if len(arts) > 2 else (say("and", lang)).join(arts)


def _span(df: pl.DataFrame, lang: str) -> str:
    """The periods of the figures drawn, honestly: the one period when all share it, the
    periods themselves when there are two or three (2018–2019 and 2019, not "2018–2019"),
    else "periods as printed" (each row or label carries its own)."""
    labels = df["period_label"] if "period_label" in df.columns else df["period"].str.replace("-", "–")
    periods = sorted(set(zip(df["period"], labels)), key=lambda p: (p[0][-4:], p[0], p[1]))
    shown = [say("span.one", lang, period=label) for _, label in periods]
    if len(shown) == 1:
        return shown[0]
    if len(shown) <= 3:
        return say("span.several", lang, periods=join_words(shown, lang))
    return say("periods_as_printed", lang)


def _period_phrase(period: str, lang: str) -> str:
    if "-" in period:
        a, b = period.split("-")
        return say("period.range", lang, start=a, end=b)
    return say("period.one", lang, period=period)


def _places(df: pl.DataFrame, lang: str) -> str:
    places = df["place"].unique(maintain_order=True).to_list()
    if len(places) <= 3:
        return say("list_sep", lang).join(places)
    return say("places.count", lang, n=len(places))


def _scope(df: pl.DataFrame, lang: str) -> str:
    return say("scope", lang, places=_places(df, lang), span=_span(df, lang))


def _require(df: pl.DataFrame, what: str, article_id) -> None:
    if df.is_empty():
        whose = f"article {article_id!r}" if article_id is not None else "the tables"
        raise ValueError(f"{whose} state(s) no {what}; nothing to draw")


def _base(df: pl.DataFrame, tables: dict, lang: str, x: alt.X, *, sort) -> alt.Chart:
    return alt.Chart(df).encode(
        x=x,
        y=alt.Y("label:N", sort=sort, title=None, axis=alt.Axis(labelLimit=420)),
        color=city_color(df, lang, tables=tables),
        tooltip=statistics_tooltips(lang),
    ).properties(width=WIDTH, height=alt.Step(ROW))


def changes_chart(article_id: str | list[str] | None = None, *, tables: dict | None = None, lang: str = "en",
                  title: str | None = None) -> alt.VConcatChart:
    """Changes in percent (``measure == change_pct``) as bars either side of zero, each
    labelled with its figure; the title names the largest fall."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places")
    df = row_labels(statistics_frame(t, lang, article_id, measures=["change_pct"]), lang)
    _require(df, "change in percent", article_id)
    df = df.sort(["value", "article_rank", "stat_id"])
    falls = df.filter(pl.col("value") < 0)
    lead = (falls if falls.height else df.sort("value", descending=True, maintain_order=True)).row(0, named=True)
    n, n_falls = df.height, falls.height
    if title is None:
        title = say("changes.title", lang, indicator=lead["indicator_label"], place=lead["place"],
                    verb=say("changes.fell" if lead["value"] < 0 else "changes.rose", lang),
                    amount=f"{abs(lead['value']):g}%", period=_period_phrase(lead["period"], lang))
        if n > 1:
            title += say("changes.title.all_falls" if n_falls == n else "changes.title.some_falls", lang,
                         n=n, falls=n_falls)
    subtitle = say("changes.subtitle", lang, scope=_scope(df, lang))
    order = df["label"].to_list()
    base = _base(df, t, lang, alt.X("value:Q", title=say("change", lang),
                                 scale=alt.Scale(domain=padded(df["value"].to_list(), share=0.22))), sort=order)
    bars = base.mark_bar()
    neg = labels_beside(base.transform_filter("datum.value < 0"), negative=True)
    pos = labels_beside(base.transform_filter("datum.value >= 0"))
    zero = alt.Chart(pl.DataFrame({"zero": [0]})).mark_rule(color=INK, strokeWidth=1).encode(x=alt.X("zero:Q"))
    chart = alt.layer(bars, neg, pos, zero)
    return frame(chart, title, subtitle, source_line(t, df["article_id"], ["statistics.csv"], lang), lang=lang)


def counts_chart(article_id: str | list[str] | None = None, *, tables: dict | None = None, lang: str = "en",
                 title: str | None = None) -> alt.VConcatChart:
    """Counts of things, people or person-times as dots on a log scale, each labelled with
    the figure as printed; zeros, which a log scale cannot show, are named in the subtitle."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places")
    df = row_labels(statistics_frame(t, lang, article_id, measures=["level"], units=COUNT_UNITS), lang)
    _require(df, "count", article_id)
    zeros = df.filter(pl.col("value") <= 0)
    df = df.filter(pl.col("value") > 0).sort(["value", "article_rank", "stat_id"], descending=[True, False, False])
    _require(df, "positive count", article_id)
    top = df.row(0, named=True)
    who = _who(df, lang)
    if title is None:
        title = say("counts.title", lang, who=who, indicator=top["indicator_label"], shown=top["shown"])
    subtitle = [say("counts.subtitle", lang, scope=_scope(df, lang))]
    if zeros.height:
        subtitle.append(say("counts.zeros", lang, names=say("list_sep", lang).join(zeros["indicator_label"])))
    domain = log_padded(df["value"].to_list())
    base = _base(df, t, lang, alt.X("value:Q", axis=log_axis(domain, say("count", lang)),
                                 scale=alt.Scale(type="log", domain=domain)), sort=df["label"].to_list())
    chart = alt.layer(base.mark_circle(size=80, opacity=1), labels_beside(base))
    return frame(chart, title, subtitle, source_line(t, df["article_id"], ["statistics.csv"], lang), lang=lang)


def rates_chart(article_id: str | list[str] | None = None, *, tables: dict | None = None, lang: str = "en",
                title: str | None = None) -> alt.VConcatChart:
    """Rates and shares in percent (resolution, satisfaction, coverage) as bars on 0–100,
    each labelled with the figure as printed."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places")
    df = row_labels(statistics_frame(t, lang, article_id, measures=["rate_pct", "share_pct"]), lang)
    _require(df, "rate or share", article_id)
    df = df.sort(["value", "article_rank", "stat_id"], descending=[True, False, False])
    who = _who(df, lang)
    hi, lo = df.row(0, named=True), df.row(-1, named=True)
    if title is None:
        if df.height == 1:
            title = say("rates.title.one", lang, who=who, indicator=hi["indicator_label"], shown=hi["shown"])
        else:
            title = say("rates.title", lang, who=who, low=lo["shown"], high=hi["shown"])
    subtitle = say("rates.subtitle", lang, scope=_scope(df, lang))
    base = _base(df, t, lang, alt.X("value:Q", title=say("rate", lang), scale=alt.Scale(domain=[0, 130]),
                                 axis=alt.Axis(values=[0, 25, 50, 75, 100])), sort=df["label"].to_list())
    chart = alt.layer(base.mark_bar(), labels_beside(base))
    return frame(chart, title, subtitle, source_line(t, df["article_id"], ["statistics.csv"], lang), lang=lang)


def honours_chart(article_id: str | list[str] | None = None, *, tables: dict | None = None, lang: str = "en",
                  title: str | None = None) -> alt.VConcatChart:
    """Honours and streaks (times ranked, years in a row) as bars from zero, labelled."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places")
    df = row_labels(statistics_frame(t, lang, article_id, measures=["count_years"]), lang)
    _require(df, "honour or streak", article_id)
    df = df.sort(["value", "article_rank", "stat_id"], descending=[True, False, False])
    top = df.row(0, named=True)
    if title is None:
        single = df["article_id"].n_unique() == 1
        title = say("honours.title.one_article" if single else "honours.title", lang, article=top["article"],
                    indicator=top["indicator_label"], shown=top["shown"])
    subtitle = say("honours.subtitle", lang, scope=_scope(df, lang))
    base = _base(df, t, lang, alt.X("value:Q", title=say("times", lang),
                                 scale=alt.Scale(domain=padded(df["value"].to_list(), share=0.15))),
                 sort=df["label"].to_list())
    chart = alt.layer(base.mark_bar(), labels_beside(base))
    return frame(chart, title, subtitle, source_line(t, df["article_id"], ["statistics.csv"], lang), lang=lang)


def shared_indicators_chart(*, tables: dict | None = None, lang: str = "en", min_articles: int = 2,
                            title: str | None = None) -> alt.VConcatChart:
    """The changes of every indicator that ``min_articles`` or more articles report: one
    panel per indicator, one labelled dot per article with its period (periods differ, so
    the chart compares directions, never draws bars against each other)."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places")
    df = statistics_frame(t, lang, measures=["change_pct"])
    shared = (df.group_by("indicator").agg(pl.col("article_id").n_unique().alias("n"))
              .filter(pl.col("n") >= min_articles)["indicator"])
    df = df.filter(pl.col("indicator").is_in(shared.implode()))
    _require(df, f"change of an indicator {min_articles} or more articles share", None)
    home = dict(zip(t["articles"]["article_id"], t["articles"]["place_code"]))
    df = df.with_columns(
        row=pl.when(pl.col("place_code") == pl.col("article_id").replace_strict(home, return_dtype=pl.String))
        .then(pl.col("article")).otherwise(pl.concat_str([pl.col("article"), pl.col("place")], separator=" · ")),
        dot_label=pl.concat_str([pl.col("shown"), pl.col("period_label")], separator=" · "),
    ).sort("indicator_label", "article_rank", "stat_id")
    k, n = df["indicator"].n_unique(), df.height
    falls = df.filter(pl.col("value") < 0).height
    if title is None:
        title = say("shared.title.all_falls" if falls == n else "shared.title", lang, n=n, k=k, falls=falls)
    subtitle = [say("shared.subtitle", lang), say("shared.caveat", lang)]
    rows = df["row"].unique(maintain_order=True).to_list()
    base = alt.Chart().encode(
        x=alt.X("value:Q", title=say("change", lang), scale=alt.Scale(domain=padded(df["value"].to_list(), share=0.8))),
        y=alt.Y("row:N", title=None, sort=rows, axis=alt.Axis(labelLimit=240)),
        color=city_color(df, lang, tables=t),
        tooltip=statistics_tooltips(lang),
    ).properties(width=WIDTH, height=alt.Step(ROW))
    zero = alt.Chart().mark_rule(color="#999999").encode(x=alt.XDatum(0))
    layered = alt.layer(zero, base.mark_circle(size=90, opacity=1), labels_beside(base, "dot_label:N", negative=True),
                        data=df)
    chart = layered.facet(
        row=alt.Row("indicator_label:N", title=None, sort=df["indicator_label"].unique(maintain_order=True).to_list(),
                    header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start", labelPadding=2)),
        spacing=6,
    ).resolve_scale(y="independent")
    return frame(chart, title, subtitle, source_line(t, df["article_id"], ["statistics.csv"], lang), lang=lang)


def per_capita_chart(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """Counts per 10,000 residents of the census (``pingan.per_capita_figures``), as
    labelled dots on a log scale."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places", "population")
    per_capita = per_capita_figures(tables=t).select("stat_id", "population", "population_year", "per_10k")
    df = row_labels(statistics_frame(t, lang).join(per_capita, on="stat_id", how="inner"), lang, with_article=False)
    _require(df, "figure per resident", None)
    df = df.filter(pl.col("per_10k") > 0).sort(["per_10k", "stat_id"], descending=[True, False]).with_columns(
        per_label=pl.col("per_10k").map_elements(lambda v: f"{v:,.3g}" if v < 1000 else f"{v:,.0f}",
                                                 return_dtype=pl.String))
    top = df.row(0, named=True)
    if title is None:
        title = say("per_capita.title", lang, indicator=top["indicator_label"], place=top["place"],
                    per=top["per_label"])
    census = say("list_sep", lang).join(str(y) for y in sorted(set(df["population_year"].to_list())))
    df = df.drop("population_year")  # said once, in the subtitle
    subtitle = [say("per_capita.subtitle", lang, census=census), say("per_capita.caveat", lang)]
    domain = log_padded(df["per_10k"].to_list())
    base = _base(df, t, lang, alt.X("per_10k:Q", axis=log_axis(domain, say("per10k", lang)),
                                 scale=alt.Scale(type="log", domain=domain)),
                 sort=df["label"].to_list()).encode(
        tooltip=[*statistics_tooltips(lang),
                 alt.Tooltip("population:Q", title=say("population.census", lang, census=census), format=","),
                 alt.Tooltip("per_10k:Q", title=say("per10k", lang), format=",.3~g")])
    chart = alt.layer(base.mark_circle(size=80, opacity=1), labels_beside(base, "per_label:N"))
    return frame(chart, title, subtitle,
                 source_line(t, df["article_id"], ["statistics.csv", "population.csv"], lang), lang=lang)
