"""What every chart shares: the statistics it draws, with labels, tooltips and a source caption."""
from __future__ import annotations

import altair as alt
import polars as pl

from ..loading import load_all
from .style import CITY_NAMES, check_lang, label

__all__ = ["statistics_frame", "source_caption", "titled", "tooltips", "city_expr", "article_label"]


def article_label(article_id: str, lang: str) -> str:
    place, year = article_id.rsplit("-", 1)
    zh = {"jinhua": "金华", "wucheng": "婺城", "quzhou": "衢州", "jiaxing": "嘉兴"}
    return f"{place.capitalize()} {year}" if lang == "en" else f"{zh.get(place, place)} {year}"


def city_expr(column: str, lang: str) -> pl.Expr:
    """The city a place code belongs to, by name; 'other' outside the three cities."""
    check_lang(lang)
    return (pl.col(column).str.slice(0, 4) + "00").replace_strict(CITY_NAMES[lang], default="other")


def statistics_frame(lang: str, article_id: str | list[str] | None = None, measures=None, units=None
                     ) -> pl.DataFrame:
    """Statistics joined with their labels, place, city and article, ready to chart."""
    check_lang(lang)
    t = load_all()
    s = t["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
    if article_id is not None:
        ids = [article_id] if isinstance(article_id, str) else list(article_id)
        s = s.filter(pl.col("article_id").is_in(ids))
    if measures:
        s = s.filter(pl.col("measure").is_in(list(measures)))
    if units:
        s = s.filter(pl.col("unit").is_in(list(units)))
    name_col = "name_en" if lang == "en" else "name_zh"
    places = t["places"].select("place_code", place=pl.col(name_col))
    arts = t["articles"].select("article_id", "published",
                                article_title=pl.col("title_en" if lang == "en" else "title_zh"))
    s = (s.join(t["indicators"].select("indicator", indicator_label=pl.col(name_col)), on="indicator", how="left")
         .join(places, on="place_code", how="left")
         .join(arts, on="article_id", how="left")
         .sort("stat_id"))  # joins do not keep row order
    return s.with_columns(
        city=city_expr("place_code", lang),
        article=pl.col("article_id").replace_strict({a: article_label(a, lang) for a in arts["article_id"]}),
        label=pl.format("{} · {} ({})", pl.col("indicator_label"), pl.col("place"), pl.col("period")),
    ).with_columns(  # two figures of one indicator, place and period (two camera classes) stay apart
        label=pl.when(pl.col("label").is_duplicated())
        .then(pl.format("{} · {}", pl.col("label"), pl.col("as_written")))
        .otherwise(pl.col("label")))


def tooltips(lang: str) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("indicator_label:N", title=label("indicator", lang)),
        alt.Tooltip("as_written:N", title=label("as_written", lang)),
        alt.Tooltip("value:Q", title=label("value", lang), format=",.6~g"),
        alt.Tooltip("period:N", title=label("period", lang)),
        alt.Tooltip("place:N", title=label("place", lang)),
        alt.Tooltip("quote:N", title=label("quote", lang)),
        alt.Tooltip("article_title:N", title=label("article", lang)),
        alt.Tooltip("stat_id:N", title="stat_id"),
    ]


def source_caption(article_ids, lang: str, extra: str | None = None) -> list[str]:
    """One line per article cited, plus where the table lives."""
    arts = load_all()["articles"]
    ids = sorted(set(article_ids))
    lines = []
    for r in arts.filter(pl.col("article_id").is_in(ids)).sort("published").iter_rows(named=True):
        title = r["title_en"] if lang == "en" else r["title_zh"]
        lines.append(f"{label('source', lang)}: {title} ({r['published']}) [{r['article_id']}]")
    if extra:
        lines.append(extra)
    lines.append("Ping An Zhejiang workbook, data/statistics.csv" if lang == "en" else "平安浙江数据集 data/statistics.csv")
    return lines


def titled(chart: alt.Chart, title: str, caption: list[str]) -> alt.Chart:
    return chart.properties(title=alt.Title(title, subtitle=caption))
