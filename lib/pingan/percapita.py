"""Per-capita figures: a city's stated level divided by its 2020 census population."""
from __future__ import annotations

import polars as pl

__all__ = ["per_capita_figures"]


def per_capita_figures(tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """Every level statistic of a city whose population is in population.csv, per 10,000
    residents. Note the mismatch of years: the figures are from the article's period,
    the population from the census of 2020-11-01 (column ``population_year``)."""
    if tables is None:
        from .loading import load_all
        tables = load_all()
    stats = tables["statistics"].filter(
        (pl.col("measure") == "level") & pl.col("unit").cast(pl.String).is_in(["count", "people", "person-times"]))
    pop = tables["population"].select("place_code", "population",
                                      population_year=pl.col("reference_date").dt.year())
    return (stats.join(pop, on="place_code", how="inner")
            .join(tables["indicators"].select("indicator", "name_en", "name_zh"), on="indicator")
            .with_columns(per_10k=pl.col("value") / pl.col("population") * 10_000)
            .select("stat_id", "article_id", "place_code", "period", "indicator", "name_en", "name_zh",
                    "value", "qualifier", "as_written", "population", "population_year", "per_10k", "quote")
            .sort(["per_10k", "stat_id"], descending=[True, False]))
