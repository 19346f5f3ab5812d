"""Outcome claims and whether an article gives what is needed to judge them.

An outcome claim is a stated change in crime, accidents, fires, lawsuits, petitions or
disputes, or a satisfaction or resolution rate. Which statistics count:

- a change (``change_pct``, ``change_pp``) of an indicator in an outcome domain
  (``OUTCOME_DOMAINS``) or in the mediation and grid domains (disputes);
- a rate or share (``rate_pct``, ``share_pct``) in an outcome domain, or a resolution
  rate (an indicator named ``…_resolution_rate``).

For each claim the helper asks what a careful reader would:

- **base**: does the article give a level to size the change — a level of the same
  indicator and place at the start or end of the period (for a change in percentage
  points, the rate itself), or, for a rate, its numerator or denominator
  (``RATE_PARTS``)? A 50% fall of 2 cases and of 2,000 are different news;
- **comparison**: does it give the same indicator for another place or another period
  (a benchmark beyond the claim and its base)?
- **period**: stated in the article, or inferred by the curators (the notes say how).
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import resolve_tables
from pingan.package._selection import check_article_ids

__all__ = ["outcome_claims", "printed_ends", "OUTCOME_DOMAINS", "RATE_PARTS"]

OUTCOME_DOMAINS = ("crime", "public-order", "safety", "traffic", "fire", "petitions", "satisfaction", "litigation")
CHANGE_DOMAINS = OUTCOME_DOMAINS + ("mediation", "grid")
CHANGES = ("change_pct", "change_pp")
RATES = ("rate_pct", "share_pct")

# a rate's indicator -> indicators whose level (same article, place and period) is its numerator or denominator
RATE_PARTS: dict[str, tuple[str, ...]] = {
    "dispute_resolution_rate": ("disputes_resolved", "reported_incidents"),
    "grid_case_resolution_rate": ("grid_disputes_hazards_handled",),
    "online_public_opinion_resolution_rate": ("online_public_opinion_items_handled",),
    "smart_communities_zero_case_share": ("smart_secure_communities",),
    "case_free_village_rate": ("case_free_villages",),
}
_BOUND = {"exact": "", "approx": "about ", "at_least": "at least ", "at_most": "at most "}


def _years(period: str) -> tuple[int, int]:
    a, _, b = period.partition("-")
    return int(a), int(b or a)


def _period_words(period: str) -> str:
    a, b = _years(period)
    return f"in {a}" if a == b else f"between {a} and {b}"


def _claim_text(r: dict) -> str:
    where = f"{r['name_en']} in {r['place']}" if r["place"] else r["name_en"]
    bound = _BOUND.get(r["qualifier"], "")
    size = f"{abs(r['value']):g}"
    if r["measure"] in CHANGES:
        unit = "%" if r["measure"] == "change_pct" else " percentage points"
        if r["value"] == 0:
            return f"{where} did not change {_period_words(r['period'])}"
        verb = "fell" if r["value"] < 0 else "rose"
        return f"{where} {verb} by {bound}{size}{unit} {_period_words(r['period'])}"
    return f"{where}: {bound}{size}% {_period_words(r['period'])}"


def _base_ids(r: dict, same_article: list[dict]) -> list[str]:
    if r["measure"] in CHANGES:
        a, b = _years(r["period"])
        start = a - 1 if a == b else a  # a one-year change runs from the year before
        level = "level" if r["measure"] == "change_pct" else "rate_pct"
        return [o["stat_id"] for o in same_article
                if o["indicator"] == r["indicator"] and o["place_code"] == r["place_code"]
                and o["measure"] == level and _years(o["period"])[1] in (start, b)]
    parts = RATE_PARTS.get(r["indicator"], ())
    return [o["stat_id"] for o in same_article
            if o["indicator"] in parts and o["place_code"] == r["place_code"]
            and o["measure"] == "level" and o["period"] == r["period"]]


def _verdict(r: dict, base: list[str]) -> str:
    if base:
        parts = ["base given"]
    elif r["measure"] in CHANGES:
        parts = ["no base: size of change cannot be judged"]
    else:
        parts = ["no base: numerator and denominator not given"]
    if r["period_basis"] == "inferred":
        parts.append("period inferred")
    return "; ".join(parts)


def outcome_claims(article_id: str | list[str] | None = None, *, tables: dict[str, pl.DataFrame] | None = None
                   ) -> pl.DataFrame:
    """One row per outcome claim (all articles, or those asked for), in order of publication: stat_id, article_id,
    place, indicator, name_en, measure, claim_en (plain English from the indicator's
    name_en, never its id), value, as_written, period, period_basis, base_given,
    base_stat_ids, comparison_given, comparison_stat_ids, verdict, quote.

    ``verdict`` is "base given" or "no base: size of change cannot be judged" (a change) /
    "no base: numerator and denominator not given" (a rate), then "; period inferred"
    when the curators inferred the period. An unknown article id raises ValueError."""
    tables = resolve_tables(tables)
    ids = check_article_ids(tables, article_id)
    s = (tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
         .join(tables["indicators"].select("indicator", "name_en", pl.col("domain").cast(pl.String)), on="indicator",
               how="left")
         .join(tables["places"].select("place_code", place=pl.col("name_en")), on="place_code", how="left")
         .join(tables["articles"].select("article_id", "published"), on="article_id", how="left")
         .filter(pl.col("article_id").is_in(ids)).sort("published", "stat_id"))
    is_claim = ((pl.col("measure").is_in(CHANGES) & pl.col("domain").is_in(CHANGE_DOMAINS))
                | (pl.col("measure").is_in(RATES)
                   & (pl.col("domain").is_in(OUTCOME_DOMAINS) | pl.col("indicator").str.ends_with("_resolution_rate"))))
    by_article: dict[str, list[dict]] = {}
    for r in s.iter_rows(named=True):
        by_article.setdefault(r["article_id"], []).append(r)
    rows = []
    for r in s.filter(is_claim).iter_rows(named=True):
        others = [o for o in by_article[r["article_id"]] if o["stat_id"] != r["stat_id"]]
        base = _base_ids(r, others)
        # a comparison is a figure of the same indicator elsewhere or at another time; a run of years
        # (measure count_years, "fell two years running") is no value to compare with
        comparison = [o["stat_id"] for o in others if o["indicator"] == r["indicator"] and o["stat_id"] not in base
                      and o["measure"] != "count_years"
                      and (o["place_code"] != r["place_code"] or o["period"] != r["period"])]
        rows.append({**{k: r[k] for k in ("stat_id", "article_id", "place", "indicator", "name_en", "measure")},
                     "claim_en": _claim_text(r), "value": r["value"], "as_written": r["as_written"],
                     "period": r["period"], "period_basis": r["period_basis"],
                     "base_given": bool(base), "base_stat_ids": ",".join(base) or None,
                     "comparison_given": bool(comparison), "comparison_stat_ids": ",".join(comparison) or None,
                     "verdict": _verdict(r, base), "quote": r["quote"]})
    schema = {"stat_id": pl.String, "article_id": pl.String, "place": pl.String, "indicator": pl.String,
              "name_en": pl.String, "measure": pl.String, "claim_en": pl.String, "value": pl.Float64,
              "as_written": pl.String, "period": pl.String, "period_basis": pl.String, "base_given": pl.Boolean,
              "base_stat_ids": pl.String, "comparison_given": pl.Boolean, "comparison_stat_ids": pl.String,
              "verdict": pl.String, "quote": pl.String}
    return pl.DataFrame(rows, schema=schema)


def printed_ends(article_id: str | list[str] | None = None, *, tables: dict[str, pl.DataFrame] | None = None
                 ) -> pl.DataFrame:
    """Changes an article prints only as their two ends (「满意率从94.7%上升到97.2%」): two figures of
    one indicator, place and measure, quoted by one sentence, at two periods. One row per pair, in
    order of publication: article_id, indicator, place_code, measure, unit, from_stat_id,
    from_period, from_value, to_stat_id, to_period, to_value, change (to − from, in the unit:
    percentage points for rates). Three or more figures in one quote are not a pair and are left
    out. An unknown article id raises ValueError."""
    tables = resolve_tables(tables)
    ids = check_article_ids(tables, article_id)
    s = (tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
         .filter(pl.col("article_id").is_in(ids))
         .join(tables["articles"].select("article_id", "published"), on="article_id", how="left"))
    keys = ["article_id", "indicator", "place_code", "measure", "unit", "quote"]
    groups = (s.sort("period", "stat_id").group_by(keys, maintain_order=True)
              .agg(pl.col("published").first(), pl.col("stat_id"), pl.col("period"), pl.col("value"))
              .filter((pl.col("stat_id").list.len() == 2) & (pl.col("period").list.n_unique() == 2)))
    out = groups.select(
        "published", *keys[:-1],
        from_stat_id=pl.col("stat_id").list.first(), from_period=pl.col("period").list.first(),
        from_value=pl.col("value").list.first(), to_stat_id=pl.col("stat_id").list.last(),
        to_period=pl.col("period").list.last(), to_value=pl.col("value").list.last())
    return (out.with_columns(change=(pl.col("to_value") - pl.col("from_value")).round(6))
            .sort("published", "from_stat_id").drop("published"))
