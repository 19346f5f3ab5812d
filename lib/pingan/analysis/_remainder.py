"""What a fall in a whole and a fall in one of its parts imply for the rest of the whole.

An article may print the change in a total (all criminal cases) and in one part of it (thefts)
without the part's share of the total. The rest's change then depends on that unknown share:
with the part a share ``s`` of the total at the start, a total change ``T`` and a part change
``P`` (fractions, negative for falls), the rest changes by ``(1 + T − s(1 + P)) / (1 − s) − 1``.
It is zero where ``s = T / P``: below that share the rest fell, above it the rest rose.

Assumptions the caller states: the part is counted inside the total, both are counted the same
way at both ends of the period, and the two changes span the same period.
"""
from __future__ import annotations

import polars as pl

__all__ = ["remainder_change", "remainder_break_even"]


def remainder_break_even(total_change_pct: float, part_change_pct: float) -> float | None:
    """The part's starting share of the total (0–1) at which the rest did not change; None when
    no share in (0, 1) gives that (the two changes have different signs, or the part changed less)."""
    if part_change_pct == 0:
        return None
    s = total_change_pct / part_change_pct
    return s if 0 < s < 1 else None


def remainder_change(total_change_pct: float, part_change_pct: float, shares: list[float]) -> pl.DataFrame:
    """For each starting share of the part (0 ≤ share < 1), the rest's implied change in percent,
    with the part's share of the total at the end. Changes in and out are percentages (−32 for a
    32% fall)."""
    if any(not 0 <= s < 1 for s in shares):
        raise ValueError("shares must be at least 0 and below 1")
    t, p = total_change_pct / 100, part_change_pct / 100
    return (pl.DataFrame({"part_share_start": [float(s) for s in shares]})
            .with_columns(rest_change_pct=((1 + t - pl.col("part_share_start") * (1 + p))
                                           / (1 - pl.col("part_share_start")) - 1) * 100,
                          part_share_end=pl.col("part_share_start") * (1 + p) / (1 + t)))
