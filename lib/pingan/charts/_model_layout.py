"""Where each practice sits on the architecture chart, computed in polars before charting.

Deterministic and free of overlaps: tiers run top to bottom (``TIER_ORDER``, only the
tiers present); within a tier, practices without links come first and linked ones last (so
that linked practices sit at the tier's lower edge, next to the tiers most links come
from), each group ordered by family (templates in the contract's order, local inventions
last), then by id; then a few sweeps of the barycentre heuristic move each linked practice
towards the practices it is linked to, so that fewer links cross; laid out in rows of at most
``COLUMNS`` nodes, each row centred, each node in a cell wide enough for its wrapped
label. Coordinates are pixels (x to the right, y downwards), so the chart's scales map
them one to one.
"""
from __future__ import annotations

import math

import polars as pl

from pingan.charts._framing import shorten, wrap
from pingan.package._vocabulary import TIER_ORDER, family_label, is_template, tier_label

__all__ = ["architecture_layout", "link_crossings", "COLUMNS", "CELL", "ROW", "GUTTER", "TIER_GAP", "node_label"]

COLUMNS = 6       # nodes per row at most
CELL = 142        # px per node horizontally
ROW = 66          # px per row of nodes (node plus up to three label lines)
GUTTER = 128      # px on the left for the tier names
TIER_GAP = 14     # px between tiers
TOP = 14          # px above the first row
BARYCENTRE_SWEEPS = 12  # passes that move linked practices towards their partners


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


def _positions(order: dict[str, list[str]], tiers: list[str], n_cols: int) -> dict[str, tuple[float, float]]:
    """(x, y) of each practice: the tiers top to bottom, each in rows of at most ``n_cols``
    centred nodes, in the order given."""
    centre = GUTTER + n_cols * CELL / 2
    out = {}
    y = TOP
    for tier in tiers:
        group = order[tier]
        for i, pid in enumerate(group):
            row, col = divmod(i, n_cols)
            in_row = min(n_cols, len(group) - row * n_cols)
            out[pid] = (centre + (col - (in_row - 1) / 2) * CELL, y + 12 + row * ROW)
        y += math.ceil(len(group) / n_cols) * ROW + TIER_GAP
    return out


def _crossings(where: dict[str, tuple[float, float]], pairs: list[tuple[str, str]]) -> int:
    """How many pairs of links, drawn as straight lines, cross (sharing an end is no crossing)."""
    def side(a, b, c):
        return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])
    segments = [(where[a], where[b]) for a, b in pairs]
    n = 0
    for i, (p1, p2) in enumerate(segments):
        for q1, q2 in segments[i + 1:]:
            if len({p1, p2, q1, q2}) == 4 and side(p1, p2, q1) * side(p1, p2, q2) < 0 \
                    and side(q1, q2, p1) * side(q1, q2, p2) < 0:
                n += 1
    return n


def architecture_layout(practices: pl.DataFrame, links: pl.DataFrame, family_order: list[str], lang: str
                        ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, float, float]:
    """``(nodes, edges, tiers, width, height)`` for one article's practices and links.

    ``nodes``: one row per practice with x, y, label, family_label, tier_label, kind
    ("template" or "local"); ``edges``: one row per link with both ends' coordinates and an
    arrowhead (x_head, y_head, angle) just short of the target node; ``tiers``: one band
    per tier present (y_top, y_bottom, y_label, tier_label)."""
    rank = {f: i for i, f in enumerate(family_order)}
    pairs = list(zip(links["from_practice"].to_list(), links["to_practice"].to_list())) if links.height else []
    neighbours: dict[str, list[str]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    n_cols = min(COLUMNS, max(1, practices.group_by("tier").len()["len"].max() or 1))
    width = GUTTER + n_cols * CELL
    present = [t for t in TIER_ORDER if t in set(practices["tier"].to_list())]
    by_id = {r["practice_id"]: r for r in practices.iter_rows(named=True)}
    order = {t: sorted((pid for pid, r in by_id.items() if r["tier"] == t),
                       key=lambda pid: (pid in neighbours, rank.get(by_id[pid]["family"], len(rank)), pid))
             for t in present}
    # fewer crossings: a few sweeps of the barycentre heuristic, each linked practice moved
    # towards the mean x of the practices it is linked to (unlinked ones keep their place);
    # the ordering with the fewest crossing links wins (the first one on a tie)
    best = (_crossings(_positions(order, present, n_cols), pairs), dict(order))
    for _ in range(BARYCENTRE_SWEEPS):
        x_of = {pid: p[0] for pid, p in _positions(order, present, n_cols).items()}
        for t in present:
            free = [pid for pid in order[t] if pid not in neighbours]
            tied = sorted((pid for pid in order[t] if pid in neighbours),
                          key=lambda pid: (round(sum(x_of[n] for n in neighbours[pid]) / len(neighbours[pid]), 3),
                                           rank.get(by_id[pid]["family"], len(rank)), pid))
            order[t] = free + tied
        n = _crossings(_positions(order, present, n_cols), pairs)
        if n < best[0]:
            best = (n, dict(order))
    order = best[1]
    where = _positions(order, present, n_cols)
    rows = []
    tiers = []
    y = TOP
    for tier in present:
        n_rows = math.ceil(len(order[tier]) / n_cols)
        top = y
        for pid in order[tier]:
            r = by_id[pid]
            rows.append({**r, "x": where[pid][0], "y": where[pid][1],
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


def link_crossings(nodes: pl.DataFrame, edges: pl.DataFrame) -> int:
    """How many links of a laid-out chart cross each other (for tests and the benchmark)."""
    where = {r["practice_id"]: (r["x"], r["y"]) for r in nodes.iter_rows(named=True)}
    return _crossings(where, list(zip(edges["from_practice"].to_list(), edges["to_practice"].to_list())))
