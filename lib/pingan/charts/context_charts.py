"""Charts of context: the timeline, practice categories, coverage."""
from __future__ import annotations

import altair as alt
import polars as pl

from ..loading import load_all
from .common import article_label, city_expr, source_caption, titled
from .style import CITY_COLORS, city_scale, label

__all__ = ["timeline_chart", "practice_heatmap", "practice_categories_chart", "coverage_chart"]

def timeline_chart(lang: str = "en") -> alt.Chart:
    """Every dated event, 2004–2024, one row per city, with the quote in the tooltip."""
    t = load_all()
    df = (t["timeline"].with_columns(pl.col(pl.Enum).cast(pl.String))
          .with_columns(when=pl.col("date").str.pad_end(10, "x")
                        .str.replace("xxxxxx$", "-07-01").str.replace("xxx$", "-15").str.to_datetime("%Y-%m-%d"),
                        city=city_expr("place_code", lang),
                        article=pl.col("article_id").replace_strict({a: article_label(a, lang) for a in t["articles"]["article_id"]}))
          .join(t["places"].select("place_code", place=pl.col("name_en" if lang == "en" else "name_zh")), on="place_code")
          .sort("date", "event_id"))
    chart = alt.Chart(df).mark_circle(size=90, opacity=0.85).encode(
        x=alt.X("when:T", title=label("year", lang), axis=alt.Axis(format="%Y")),
        y=alt.Y("article:N", title=None),
        color=alt.Color("city:N", scale=alt.Scale(domain=city_scale(lang).domain + ["other"],
                                                  range=list(CITY_COLORS.values()) + ["#999999"]),
                        title=label("city", lang)),
        tooltip=[alt.Tooltip("date:N", title=label("year", lang)), alt.Tooltip("event_en:N", title=label("event", lang)),
                 alt.Tooltip("place:N", title=label("place", lang)), alt.Tooltip("quote:N", title=label("quote", lang)),
                 alt.Tooltip("event_id:N")],
    ).properties(width=560, height=180)
    extra = ("Events dated to a year are drawn at mid-year, to a month at mid-month."
             if lang == "en" else "仅知年份的事件画在年中,仅知月份的画在月中。")
    title = "Dated events in the five articles" if lang == "en" else "五篇文章中的时间事件"
    return titled(chart, title, source_caption(df["article_id"], lang, extra))


def _practices(lang: str) -> pl.DataFrame:
    t = load_all()
    return (t["practices"].with_columns(pl.col(pl.Enum).cast(pl.String))
            .with_columns(article=pl.col("article_id").replace_strict({a: article_label(a, lang) for a in t["articles"]["article_id"]}),
                          city=city_expr("place_code", lang)))


def practice_heatmap(lang: str = "en") -> alt.Chart:
    """How many named practices each article describes in each category."""
    p = _practices(lang)
    df = (p.group_by("article", "category").agg(pl.len().alias("practices"),
                                                pl.col("name_zh").sort().str.join("、").alias("names"))
          .sort("article", "category"))
    chart = alt.Chart(df).mark_rect().encode(
        x=alt.X("article:N", title=label("article", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("category:N", title=label("category", lang)),
        color=alt.Color("practices:Q", scale=alt.Scale(scheme="blues"), title=label("practices", lang)),
        tooltip=["article:N", "category:N", "practices:Q", "names:N"],
    ).properties(width=420, height=320)
    text = chart.mark_text(fontSize=11).encode(text="practices:Q", color=alt.value("#222"))
    title = "Named practices by category and article" if lang == "en" else "各文章各类别的做法数量"
    return titled(alt.layer(chart, text), title, source_caption(p["article_id"], lang))


def practice_categories_chart(article_id: str, lang: str = "en") -> alt.Chart:
    """One article's named practices by category."""
    p = _practices(lang).filter(pl.col("article_id") == article_id)
    df = (p.group_by("category", "city").agg(pl.len().alias("practices"),
                                             pl.col("name_zh").sort().str.join("、").alias("names"))
          .sort("category", "city"))
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("practices:Q", title=label("practices", lang)),
        y=alt.Y("category:N", sort="-x", title=label("category", lang)),
        color=alt.Color("city:N", scale=city_scale(lang), title=label("city", lang)),
        tooltip=["category:N", "practices:Q", "names:N"],
    ).properties(height=max(60, 22 * df.height))
    title = f"Named practices by category — {article_id}" if lang == "en" else f"各类别做法数量 — {article_id}"
    return titled(chart, title, source_caption([article_id], lang))


def coverage_chart(report, lang: str = "en") -> alt.Chart:
    """Numbers the spotter finds in each article: curated, excluded or unexplained."""
    df = (report.summary().unpivot(index="article_id", variable_name="status", value_name="numbers")
          .with_columns(article=pl.col("article_id").replace_strict(
              {a: article_label(a, lang) for a in report.summary()["article_id"]})))
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("numbers:Q", title=label("numbers", lang)),
        y=alt.Y("article:N", title=None),
        color=alt.Color("status:N", scale=alt.Scale(domain=["curated", "excluded", "unexplained"],
                                                    range=["#0072B2", "#bbbbbb", "#D55E00"]),
                        title=label("status", lang)),
        tooltip=["article:N", "status:N", "numbers:Q"],
    ).properties(height=160)
    title = "Every number in the articles, accounted for" if lang == "en" else "文章中的每个数字均有着落"
    extra = "data/statistics.csv and data/exclusions.csv; `pingan coverage`"
    return titled(chart, title, source_caption(df["article_id"], lang, extra))
