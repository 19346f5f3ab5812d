"""What a city says it built or enrolled — cameras, terminals, app users, volunteers — as
labelled dots on a log scale, one panel per policy domain, with a figure per 10,000
residents where that means something (``pingan.analysis.PER_RESIDENT_INDICATORS``)."""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.analysis._percapita import PER_RESIDENT_INDICATORS
from pingan.analysis._frames import cities, statistics_frame
from pingan.package._selection import check_article_ids, resolve_tables
from pingan.charts._framing import frame, labels_beside, log_axis, log_padded, source_line
from pingan.charts._statistics_charts import COUNT_UNITS, statistics_tooltips
from pingan.package._vocabulary import check_lang, in_sentence, slug_label, text as say
from pingan.charts._style import INK

__all__ = ["capacity_chart"]

ROW = 22
WIDTH = 330


def _domains(tables: dict, domains) -> list[str] | None:
    valid = [d for d in tables["indicators"].schema["domain"].categories]
    if domains is None:
        return None
    asked = [domains] if isinstance(domains, str) else list(domains)
    unknown = [d for d in asked if d not in valid]
    if unknown or not asked:
        raise ValueError(f"unknown domain(s) {unknown or asked!r}; valid domains: {', '.join(valid)}")
    return asked


def capacity_chart(article_id: str, domains=None, *, tables: dict | None = None, lang: str = "en",
                   title: str | None = None) -> alt.VConcatChart:
    """One article's counts of capacity (``measure == "level"``, units count, people or
    person-times) in the policy ``domains`` asked for (every domain but honours when None),
    one panel per domain, each dot labelled with the figure as printed and — for cameras,
    volunteers, mediators and grid workers of a place with a census figure — about how many
    per 10,000 residents. The census year is named: it need not be the figure's year."""
    check_lang(lang)
    t = resolve_tables(tables, "statistics", "articles", "indicators", "places", "population")
    check_article_ids(t, article_id)
    if not isinstance(article_id, str):
        raise ValueError("capacity_chart draws one article; pass one article id")
    wanted = _domains(t, domains)
    df = (statistics_frame(t, lang, article_id, measures=["level"], units=COUNT_UNITS)
          .join(t["indicators"].select("indicator", pl.col("domain").cast(pl.String)), on="indicator", how="left")
          .filter(pl.col("value") > 0))
    df = df.filter(pl.col("domain").is_in(wanted)) if wanted else df.filter(pl.col("domain") != "honours")
    if df.is_empty():
        raise ValueError(f"article {article_id!r} states no count in the domain(s) {wanted or 'asked for'}; nothing to draw")
    pop = t["population"].select("place_code", "population", population_year=pl.col("reference_date").dt.year())
    df = (df.join(pop, on="place_code", how="left")
          .with_columns(per_10k=pl.when(pl.col("indicator").is_in(list(PER_RESIDENT_INDICATORS)))
                        .then(pl.col("value") / pl.col("population") * 10_000))
          .with_columns(
              domain_label=pl.col("domain").replace_strict(
                  {d: slug_label("domain", d, lang) for d in df["domain"].unique().to_list()}, return_dtype=pl.String),
              label=pl.col("indicator_label"),
              per_10k_shown=pl.when(pl.col("per_10k").is_not_null())
              .then(pl.format(say("capacity.per_10k", lang), pl.col("per_10k").round(0).cast(pl.Int64))))
          .with_columns(shown=pl.when(pl.col("per_10k_shown").is_not_null())
                        .then(pl.format("{} · {}", "shown", "per_10k_shown")).otherwise(pl.col("shown")))
          .with_columns(domain_top=pl.col("value").max().over("domain"))
          .sort(["domain_top", "value", "stat_id"], descending=[True, True, False]))
    domain_order = df["domain_label"].unique(maintain_order=True).to_list()
    who = df["article"][0]
    per = df.filter(pl.col("per_10k").is_not_null()).sort("per_10k", descending=True)
    lead = per.row(0, named=True) if per.height else df.row(0, named=True)
    if title is None:
        if per.height:
            title = say("capacity.title.per_10k", lang, who=who, indicator=in_sentence(lead["indicator_label"], lang),
                        as_written=lead["as_written"], per_10k=lead["per_10k"])
        else:
            title = say("capacity.title", lang, who=who, indicator=lead["indicator_label"], shown=lead["shown"])
    years = per["population_year"].unique().sort().to_list()
    span = sorted(set(df["period"].str.slice(-4).to_list()))
    subtitle = [say("capacity.subtitle", lang)]
    if years:
        subtitle.append(say("capacity.caveat", lang, census=years[0], years=say("list_sep", lang).join(span)))
    dom = log_padded(df["value"].to_list(), right=12.0)
    base = alt.Chart().encode(
        x=alt.X("value:Q", axis=log_axis(dom, say("count", lang)), scale=alt.Scale(type="log", domain=dom)),
        y=alt.Y("label:N", sort=df["label"].to_list(), title=None, axis=alt.Axis(labelLimit=360)),
        tooltip=[*statistics_tooltips(lang), alt.Tooltip("per_10k:Q", title=say("capacity.per_10k_tip", lang),
                                                         format=",.0f")])
    colour = cities(t).colors.get(df["city_code"][0], INK)
    drawn = df.select("stat_id", "indicator", "domain", "domain_label", "label", "indicator_label", "as_written", "value",
                      "period", "place", "quote", "article_title", "per_10k", "shown")
    chart = (alt.layer(base.mark_circle(size=80, opacity=1, color=colour), labels_beside(base), data=drawn)
             .properties(width=WIDTH, height=alt.Step(ROW))
             .facet(row=alt.Row("domain_label:N", sort=domain_order, title=None,
                                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                  labelOrient="top", labelFontWeight=600, labelPadding=4)),
                    spacing=8)
             .resolve_scale(y="independent"))
    return frame(chart, title, subtitle,
                 source_line(t, [article_id], ["statistics.csv"] + (["population.csv"] if years else []), lang),
                 lang=lang)
