"""Per-resident figures, only where they mean something and can be compared.

A figure is divided by the place's resident population (2020 census, ``data/population.csv``)
only when

1. it counts **capacity** that scales with the people served — cameras, volunteers,
   mediators, grid workers: the indicators of ``PER_RESIDENT_INDICATORS``. Honours, GDP
   thresholds, streaks of years, rates and changes are never divided by population;
2. it is a level (``measure == "level"``) for a place whose population is known (the
   three cities; there are no census figures here for counties or townships);
3. it can be **compared**: the same kind of capacity is reported for two or more places.
   ``compare_by="family"`` (the default) takes the kind from the indicator's governance
   family (volunteers of the 平安志愿者 and 义警 kinds are both ``mass-prevention``);
   ``compare_by="indicator"`` asks for the very same indicator, which no two cities share
   in the current articles.

Each row carries the year of its figure (``period``, ``figure_year``) and of the
population (``population_year``): they differ, so a figure per 10,000 residents is an
order of magnitude, not a rate.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import resolve_tables

__all__ = ["per_capita_figures", "PER_RESIDENT_INDICATORS"]

# indicator -> the governance family it is capacity of (slugs of governance-families.md)
PER_RESIDENT_INDICATORS: dict[str, str] = {
    "video_cameras": "video-surveillance",
    "social_surveillance_cameras": "video-surveillance",
    "registered_volunteers": "mass-prevention",
    "volunteer_police_members": "mass-prevention",
    "city_volunteer_team_members": "mass-prevention",
    "mass_prevention_team_members": "mass-prevention",
    "mediators": "peoples-mediation",
    "full_time_mediators": "peoples-mediation",
    "grid_workers": "grid-management",
    "part_time_grid_workers": "grid-management",
    "grid_leaders": "grid-management",
}


def per_capita_figures(*, tables: dict[str, pl.DataFrame] | None = None, compare_by: str = "family"
                       ) -> pl.DataFrame:
    """Capacity counts per 10,000 residents, for kinds of capacity reported for two or more places.

    Columns: stat_id, article_id, place_code, place, period, period_basis, figure_year,
    indicator, name_en, name_zh, family, places_compared, value, qualifier, as_written,
    population, population_year, per_10k, quote — sorted by family, then per_10k (largest
    first). ``figure_year`` is the period's last year; ``qualifier`` says when the figure is
    approximate or a bound (超过12万 is at_least), which the per-10k figure inherits."""
    if compare_by not in ("family", "indicator"):
        raise ValueError(f"compare_by must be 'family' or 'indicator', not {compare_by!r}")
    tables = resolve_tables(tables)
    kinds = pl.DataFrame({"indicator": list(PER_RESIDENT_INDICATORS),
                          "family": list(PER_RESIDENT_INDICATORS.values())})
    pop = tables["population"].select("place_code", "population", population_year=pl.col("reference_date").dt.year())
    stats = (tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
             .filter(pl.col("measure") == "level")
             .join(kinds, on="indicator", how="inner")
             .join(pop, on="place_code", how="inner"))
    group = "family" if compare_by == "family" else "indicator"
    stats = (stats.with_columns(places_compared=pl.col("place_code").n_unique().over(group))
             .filter(pl.col("places_compared") >= 2))
    return (stats.join(tables["indicators"].select("indicator", "name_en", "name_zh"), on="indicator")
            .join(tables["places"].select("place_code", place=pl.col("name_en")), on="place_code", how="left")
            .with_columns(per_10k=pl.col("value") / pl.col("population") * 10_000,
                          figure_year=pl.col("period").str.slice(-4).cast(pl.Int64))
            .select("stat_id", "article_id", "place_code", "place", "period", "period_basis", "figure_year",
                    "indicator", "name_en", "name_zh", "family", "places_compared", "value", "qualifier",
                    "as_written", "population", "population_year", "per_10k", "quote")
            .sort(["family", "per_10k", "stat_id"], descending=[False, True, False]))
