"""Charts of the curated statistics: changes, counts, rates, honours, shared indicators, per capita."""
from __future__ import annotations

import altair as alt
import polars as pl

from ..loading import load_all
from ..percapita import per_capita_figures
from .common import source_caption, statistics_frame, titled, tooltips
from .style import city_scale, label

__all__ = ["changes_chart", "counts_chart", "rates_chart", "honours_chart",
           "shared_indicators_chart", "per_capita_chart"]

COUNT_UNITS = ("count", "people", "person-times")
_TITLES = {
    "changes": ("Changes stated in the article (decrease < 0 < increase)", "文章所述变化(下降<0<上升)"),
    "counts": ("Capacity and activity counts", "能力与工作量数字"),
    "rates": ("Rates and shares", "比率与占比"),
    "honours": ("Honours and streaks", "荣誉与连续年数"),
    "shared": ("Indicators several articles report: stated changes", "多篇文章共有指标:所述变化"),
    "per_capita": ("Per 10,000 residents (2020 census)", "每万常住人口(2020年普查)"),
}


def _cited(df: pl.DataFrame, article_id) -> list[str]:
    """Articles a chart cites: those asked for, even when none of their rows is drawn."""
    if article_id is None:
        return df["article_id"].to_list()
    return [article_id] if isinstance(article_id, str) else list(article_id)


def _title(key: str, lang: str, article_id) -> str:
    t = _TITLES[key][0 if lang == "en" else 1]
    return f"{t} — {article_id}" if isinstance(article_id, str) else t


def _height(n: int) -> int:
    return max(60, 20 * n)


def _bars(df: pl.DataFrame, x: alt.X, lang: str) -> alt.Chart:
    return alt.Chart(df).mark_bar().encode(
        x=x,
        y=alt.Y("label:N", sort="-x", title=None),
        color=alt.Color("city:N", scale=city_scale(lang), title=label("city", lang)),
        tooltip=tooltips(lang),
    ).properties(height=_height(df.height))


def changes_chart(article_id: str | list[str] | None = None, lang: str = "en") -> alt.Chart:
    """Relative changes (change_pct) as diverging bars: decreases left of zero."""
    df = statistics_frame(lang, article_id, measures=["change_pct"])
    bars = _bars(df, alt.X("value:Q", title=label("change", lang)), lang)
    zero = alt.Chart(pl.DataFrame({"x": [0]})).mark_rule(color="#333").encode(x="x:Q")
    chart = alt.layer(bars, zero)
    return chart.properties(title=alt.Title(_title("changes", lang, article_id),
                                            subtitle=source_caption(_cited(df, article_id), lang)))


def counts_chart(article_id: str | list[str] | None = None, lang: str = "en") -> alt.Chart:
    """Levels counted in things or people, on a log scale (zeros are named in the caption)."""
    df = statistics_frame(lang, article_id, measures=["level"], units=COUNT_UNITS)
    zeros = df.filter(pl.col("value") <= 0)
    extra = None
    if zeros.height:
        names = ", ".join(zeros["label"])
        extra = (f"Zero values cannot be drawn on a log scale: {names} = 0" if lang == "en"
                 else f"对数刻度无法显示零值:{names} = 0")
    df = df.filter(pl.col("value") > 0)
    chart = _bars(df, alt.X("value:Q", scale=alt.Scale(type="log"), stack=None, title=label("count", lang)), lang)
    return titled(chart, _title("counts", lang, article_id), source_caption(_cited(df, article_id), lang, extra))


def rates_chart(article_id: str | list[str] | None = None, lang: str = "en") -> alt.Chart:
    """Rates and shares in percent (resolution, satisfaction, coverage), on 0–100."""
    df = statistics_frame(lang, article_id, measures=["rate_pct", "share_pct"])
    chart = _bars(df, alt.X("value:Q", scale=alt.Scale(domain=[0, 100]), title=label("rate", lang)), lang)
    return titled(chart, _title("rates", lang, article_id), source_caption(_cited(df, article_id), lang))


def honours_chart(article_id: str | list[str] | None = None, lang: str = "en") -> alt.Chart:
    """Honours and streaks: times ranked, years in a row."""
    df = statistics_frame(lang, article_id, measures=["count_years"])
    chart = _bars(df, alt.X("value:Q", title=label("times", lang)), lang)
    return titled(chart, _title("honours", lang, article_id), source_caption(_cited(df, article_id), lang))


def shared_indicators_chart(lang: str = "en", min_articles: int = 2) -> alt.Chart:
    """Stated changes of indicators that at least ``min_articles`` articles report."""
    df = statistics_frame(lang, measures=["change_pct"])
    shared = (df.group_by("indicator").agg(pl.col("article_id").n_unique().alias("n"))
              .filter(pl.col("n") >= min_articles)["indicator"])
    df = df.filter(pl.col("indicator").is_in(shared.implode())).with_columns(
        series=pl.format("{} ({})", pl.col("article"), pl.col("period")))
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("value:Q", title=label("change", lang)),
        y=alt.Y("indicator_label:N", title=None),
        yOffset=alt.YOffset("series:N"),
        color=alt.Color("city:N", scale=city_scale(lang), title=label("city", lang)),
        tooltip=tooltips(lang),
    ).properties(height=_height(df.height))
    extra = ("Periods differ (one year, several years, 2004–2023): compare directions, not sizes."
             if lang == "en" else "时期不同(一年、数年、2004—2023年):只比较方向,不比较大小。")
    return titled(chart, _title("shared", lang, None), source_caption(df["article_id"], lang, extra))


def per_capita_chart(lang: str = "en") -> alt.Chart:
    """City-level counts per 10,000 residents of the 2020 census."""
    per_capita = per_capita_figures(load_all()).select("stat_id", "population", "per_10k")
    df = (statistics_frame(lang).join(per_capita, on="stat_id", how="inner")
          .sort(["per_10k", "stat_id"], descending=[True, False]))
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("per_10k:Q", scale=alt.Scale(type="log"), stack=None, title=label("per10k", lang)),
        y=alt.Y("label:N", sort="-x", title=None),
        color=alt.Color("city:N", scale=city_scale(lang), title=label("city", lang)),
        tooltip=[*tooltips(lang), alt.Tooltip("population:Q", format=","),
                 alt.Tooltip("per_10k:Q", format=",.1f")],
    ).properties(height=_height(df.height))
    extra = ("Population: 2020 census (2020-11-01), from data/population.csv; the figures' own years differ."
             if lang == "en" else "人口:2020年第七次人口普查(data/population.csv);各数字年份不同。")
    return titled(chart, _title("per_capita", lang, None), source_caption(df["article_id"], lang, extra))
