"""Inter-coder agreement: Cohen's kappa per field from the double coding (double_coding.csv).

Two coders coded the same items blind from the codebook; kappa compares their observed
agreement p_o with the agreement p_e expected if each coded at random with the same
marginal frequencies: kappa = (p_o - p_e) / (1 - p_e). An empty value is a category of its
own (origin_place left empty is a choice the codebook asks for).
"""
from __future__ import annotations

from collections import Counter

import polars as pl

from pingan.package._selection import resolve_tables

__all__ = ["coder_agreement", "cohen_kappa"]


def cohen_kappa(a: list, b: list) -> float:
    """Cohen's kappa of two equally long codings of the same items (None is a category).
    1.0 when both coders used one and the same category throughout (p_e = 1)."""
    if len(a) != len(b) or not a:
        raise ValueError("two codings of the same, non-empty list of items are needed")
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)


def coder_agreement(*, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per double-coded field, in the order the fields first appear: field, items,
    agreements, disagreements, observed (share of items coded alike), expected (by chance,
    from each coder's marginals) and kappa (Cohen's)."""
    tables = resolve_tables(tables, "double_coding")
    d = tables["double_coding"]
    rows = []
    for field in d["field"].unique(maintain_order=True).to_list():
        part = d.filter(pl.col("field") == field)
        a, b = part["coder_a"].to_list(), part["coder_b"].to_list()
        n = len(a)
        agree = sum(x == y for x, y in zip(a, b))
        ca, cb = Counter(a), Counter(b)
        expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
        rows.append({"field": field, "items": n, "agreements": agree, "disagreements": n - agree,
                     "observed": agree / n, "expected": expected, "kappa": cohen_kappa(a, b)})
    schema = {"field": pl.String, "items": pl.Int64, "agreements": pl.Int64, "disagreements": pl.Int64,
              "observed": pl.Float64, "expected": pl.Float64, "kappa": pl.Float64}
    return pl.DataFrame(rows, schema=schema)
