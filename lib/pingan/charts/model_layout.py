"""Where each practice sits on the architecture chart, computed in polars before charting.

Deterministic and free of overlaps: tiers run top to bottom (``TIER_ORDER``, only the
tiers present); within a tier, practices without links come first and linked ones last (so
that linked practices sit at the tier's lower edge, next to the tiers most links come
from), each group ordered by family (templates in the contract's order, local inventions
last), then by id, and laid out in rows of at most
``COLUMNS`` nodes, each row centred, each node in a cell wide enough for its wrapped
label. Coordinates are pixels (x to the right, y downwards), so the chart's scales map
them one to one.
"""
from __future__ import annotations

import math

import polars as pl

from .framing import shorten, wrap
from .model_labels import TIER_ORDER, family_label, is_template, tier_label

__all__ = ["architecture_layout", "COLUMNS", "CELL", "ROW", "GUTTER", "TIER_GAP", "node_label"]

COLUMNS = 6       # nodes per row at most
CELL = 142        # px per node horizontally
ROW = 66          # px per row of nodes (node plus up to three label lines)
GUTTER = 128      # px on the left for the tier names
TIER_GAP = 14     # px between tiers
TOP = 14          # px above the first row


def node_label(name_en: str, name_zh: str, lang: str) -> str:
    """The node's label, wrapped to fit its cell (lines joined by newlines)."""
    name, width, lines = (name_zh, 11, 2) if lang == "zh" else (name_en, 22, 3)
    for limit in range(width * lines, 8, -2):
        text = name if len(name) <= limit else shorten(name, limit)
        if lang == "zh" and len(name) > limit:
            text = name[:limit - 1] + "…"
        parts = wrap(text, width)
        if len(parts) <= lines:
            return "\n".join(parts)
    return shorten(name, width)


def architecture_layout(practices: pl.DataFrame, links: pl.DataFrame, family_order: list[str], lang: str
                        ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, float, float]:
    """``(nodes, edges, tiers, width, height)`` for one article's practices and links.

    ``nodes``: one row per practice with x, y, label, family_label, tier_label, kind
    ("template" or "local"); ``edges``: one row per link with both ends' coordinates and an
    arrowhead (x_head, y_head, angle) just short of the target node; ``tiers``: one band
    per tier present (y_top, y_bottom, y_label, tier_label)."""
    rank = {f: i for i, f in enumerate(family_order)}
    linked = set(links["from_practice"].to_list()) | set(links["to_practice"].to_list()) if links.height else set()
    rows = []
    tiers = []
    y = TOP
    n_cols = min(COLUMNS, max(1, practices.group_by("tier").len()["len"].max() or 1))
    width = GUTTER + n_cols * CELL
    centre = GUTTER + n_cols * CELL / 2
    for tier in [t for t in TIER_ORDER if t in set(practices["tier"].to_list())]:
        group = sorted((r for r in practices.iter_rows(named=True) if r["tier"] == tier),
                       key=lambda r: (r["practice_id"] in linked, rank.get(r["family"], len(rank)), r["practice_id"]))
        n_rows = math.ceil(len(group) / n_cols)
        top = y
        for i, r in enumerate(group):
            row, col = divmod(i, n_cols)
            in_row = min(n_cols, len(group) - row * n_cols)
            x = centre + (col - (in_row - 1) / 2) * CELL
            rows.append({**r, "x": x, "y": top + 12 + row * ROW,
                         "label": node_label(r["name_en"], r["name_zh"], lang),
                         "family_label": family_label(r["family"], lang, terms=True),
                         "tier_label": tier_label(tier, lang),
                         "kind": "template" if is_template(r["family"]) else "local"})
        y = top + n_rows * ROW
        tiers.append({"tier": tier, "tier_label": tier_label(tier, lang), "y_top": top - TIER_GAP / 2,
                      "y_bottom": y + TIER_GAP / 2 - 6, "y_label": top + 12})
        y += TIER_GAP
    height = y - TIER_GAP + 6
    nodes = pl.DataFrame(rows)
    where = {r["practice_id"]: (r["x"], r["y"]) for r in rows}
    edges = []
    for r in links.iter_rows(named=True):
        (x1, y1), (x2, y2) = where[r["from_practice"]], where[r["to_practice"]]
        dx, dy = x2 - x1, y2 - y1
        d = math.hypot(dx, dy) or 1.0
        back = 9.0  # the arrowhead sits just outside the target node
        edges.append({**r, "x1": x1, "y1": y1, "x2": x2, "y2": y2,
                      "x_head": x2 - dx / d * back, "y_head": y2 - dy / d * back,
                      "angle": (math.degrees(math.atan2(dx, -dy)) + 360) % 360})
    schema_edges = None if edges else {"from_practice": pl.String, "to_practice": pl.String, "relation": pl.String,
                                       "x1": pl.Float64, "y1": pl.Float64, "x2": pl.Float64, "y2": pl.Float64,
                                       "x_head": pl.Float64, "y_head": pl.Float64, "angle": pl.Float64}
    return nodes, pl.DataFrame(edges, schema=schema_edges), pl.DataFrame(tiers), float(width), float(height)
