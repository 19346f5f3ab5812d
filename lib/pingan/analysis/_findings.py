"""Data-quality findings, computed from the curated statistics (never typed by hand).

The tables keep what the articles say; these findings say what looks odd or what
the figures imply:

- ``repeated_value``: one figure with a decimal part given verbatim for two different
  measures in the same article — unlikely to be chance, likely a slip;
- ``implied_rate`` / ``implied_total`` / ``ratio``: what stated counts and rates imply
  about each other (declared in the table ``consistency_checks``: which figures belong
  together is a curator's reading, the arithmetic is the package's);
- ``growth``: the compound annual rate between two levels of one indicator, or the
  change in percentage points between two rates;
- ``annualised_change``: a change stated over several years, as a yearly rate; where the
  article says only "over the past N years" (N年来) and the curators inferred N calendar years,
  both readings (N - 1 yearly steps, or N) and no single rate.
"""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl

__all__ = ["data_quality_findings"]

DECIMALS = {1: "one decimal", 2: "two decimals", 3: "three decimals"}
PAST_YEARS = re.compile(r"(\d+)年来")  # "over the past N years", as printed


def _row(s: dict, sid: str) -> dict:
    if sid not in s:
        raise KeyError(f"findings refer to {sid!r}, which statistics.csv does not have")
    return s[sid]


def _years(period: str) -> tuple[int, int]:
    a, _, b = period.partition("-")
    return int(a), int(b or a)


def data_quality_findings(*, tables: dict[str, pl.DataFrame] | None = None,
                          data_dir: str | Path | None = None) -> pl.DataFrame:
    """Every finding as a row: finding_id, article_id, kind, stat_ids, stated, computed, unit, message_en."""
    if tables is None:
        from pingan.package._loading import load_all
        tables = load_all(data_dir)
    stats = tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
    names = dict(tables["indicators"].select("indicator", "name_en").iter_rows())
    by_id = {r["stat_id"]: r for r in stats.iter_rows(named=True)}
    out: list[dict] = []

    def add(kind, article_id, stat_ids, stated, computed, unit, message):
        out.append({"kind": kind, "article_id": article_id, "stat_ids": ",".join(stat_ids),
                    "stated": stated, "computed": computed, "unit": unit, "message_en": message})

    # 1. one figure with a decimal part repeated for different measures
    dup = (stats.filter((pl.col("value") % 1 != 0))
           .group_by("article_id", "value", "unit", "measure")
           .agg(pl.col("stat_id"), pl.col("indicator").n_unique().alias("n"))
           .filter(pl.col("n") > 1).sort("article_id", "value"))
    for r in dup.iter_rows(named=True):
        ids = sorted(r["stat_id"])
        what = " and ".join(names[by_id[i]["indicator"]] for i in ids)
        places = len(repr(float(r["value"])).partition(".")[2].rstrip("0"))  # decimals as printed: 78.7 → 1
        add("repeated_value", r["article_id"], ids, r["value"], None, r["unit"],
            f"{by_id[ids[0]]['as_written']} is given for {what}: the same figure to {DECIMALS.get(places, f'{places} decimals')} "
            "for different measures is unlikely; one of them may be a slip. The table keeps both as printed.")

    # 2. the checks the curators declared (consistency_checks.csv)
    checks = tables["consistency_checks"].with_columns(pl.col(pl.Enum).cast(pl.String))
    for kind, num_id, den_id, rate_id, unit, meaning in checks.select(
            "kind", "numerator", "denominator", "stated_rate", "unit", "meaning_en").iter_rows():
        num = _row(by_id, num_id)
        rate = _row(by_id, rate_id) if rate_id else None
        if kind == "implied_total":
            total = num["value"] / (rate["value"] / 100)
            add(kind, num["article_id"], [num_id, rate_id], None, round(total, 1), "count",
                f"{num['as_written']} at {rate['as_written']} implies about {total:,.0f} {meaning} in all; "
                "the article does not give the total.")
            continue
        den = _row(by_id, den_id)
        value = num["value"] / den["value"]
        if kind == "implied_rate":
            pct = 100 * value
            implied_den = num["value"] / (rate["value"] / 100)
            add(kind, num["article_id"], [num_id, den_id, rate_id], rate["value"], round(pct, 2), "percent",
                f"{meaning}: {num['as_written']} / {den['as_written']} gives {pct:.1f}%, against the stated "
                f"{rate['as_written']}; the stated rate implies {implied_den:,.0f} events, fewer than the "
                f"'{den['as_written']}' (more than {den['value']:,.0f}) the article reports. The approximate "
                "counts cannot both be right with that rate, or the rate uses another base.")
        else:
            shown = f"{100 * value:.1f}%" if unit == "percent" else f"{value:,.1f}"
            add(kind, num["article_id"], [num_id, den_id], None, round(100 * value if unit == "percent" else value, 3),
                unit, f"{meaning}: {num['as_written']} / {den['as_written']} = {shown}.")

    # 3. growth between two single-year levels (or rates) of one indicator
    single = stats.filter(~pl.col("period").str.contains("-") & pl.col("measure").is_in(["level", "rate_pct"]))
    for (aid, ind, place, measure), g in single.group_by("article_id", "indicator", "place_code", "measure"):
        if g.height != 2:
            continue
        a, b = sorted(g.iter_rows(named=True), key=lambda r: r["period"])
        years = int(b["period"]) - int(a["period"])
        if years <= 0 or a["value"] <= 0:
            continue
        if measure == "rate_pct":
            pp = b["value"] - a["value"]
            add("growth", aid, [a["stat_id"], b["stat_id"]], None, round(pp, 2), "percentage-points",
                f"{names[ind]} went from {a['as_written']} ({a['period']}) to {b['as_written']} ({b['period']}): "
                f"{pp:+.1f} percentage points in {years} years.")
        else:
            cagr = 100 * ((b["value"] / a["value"]) ** (1 / years) - 1)
            add("growth", aid, [a["stat_id"], b["stat_id"]], None, round(cagr, 2), "percent",
                f"{names[ind]} went from {a['as_written']} ({a['period']}) to {b['as_written']} ({b['period']}), "
                f"{b['value'] / a['value']:.1f} times as much: a compound rate of {cagr:.1f}% a year "
                "(nominal, current prices).")

    # 4. changes stated over three years or more, as yearly rates
    for r in stats.filter((pl.col("measure") == "change_pct") & pl.col("period").str.contains("-")).iter_rows(named=True):
        y0, y1 = _years(r["period"])
        years = y1 - y0  # intervals between the period's end years
        if years < 3:
            continue
        yearly = 100 * ((1 + r["value"] / 100) ** (1 / years) - 1)
        window = PAST_YEARS.search(r["quote"])
        if r["period_basis"] == "inferred" and window and int(window.group(1)) == years + 1:
            # "over the past N years" (N年来) with the years inferred as N calendar years: N - 1 yearly
            # steps, or N steps from the year before; the article does not say which, so no single rate
            steps = years + 1
            other = 100 * ((1 + r["value"] / 100) ** (1 / steps) - 1)
            add("annualised_change", r["article_id"], [r["stat_id"]], r["value"], None, "percent",
                f"{names[r['indicator']]}: {r['value']:+g}% \"over the past {steps} years\" ({window.group(0)}) is "
                f"{yearly:+.1f}% a year if the window is the {steps} years {y0} to {y1}, {years} yearly steps, or "
                f"{other:+.1f}% a year if it is {steps} yearly steps from {y1 - steps}; the article does not say which.")
            continue
        add("annualised_change", r["article_id"], [r["stat_id"]], r["value"], round(yearly, 2), "percent",
            f"{names[r['indicator']]}: {r['value']:+g}% over {r['period']} is {yearly:+.1f}% a year "
            f"compounded over the {years} years from {y0} to {y1}.")

    df = pl.DataFrame(out, schema={"kind": pl.String, "article_id": pl.String, "stat_ids": pl.String,
                                   "stated": pl.Float64, "computed": pl.Float64, "unit": pl.String,
                                   "message_en": pl.String})
    df = df.sort("article_id", "kind", "stat_ids")
    return df.with_columns(finding_id=pl.format("{}-f{}", pl.col("article_id"),
                                                (pl.int_range(pl.len()).over("article_id") + 1).cast(pl.String).str.zfill(2))
                           ).select("finding_id", pl.exclude("finding_id"))
