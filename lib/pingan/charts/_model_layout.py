"""Where each box and line of the architecture chart sits, computed in polars before charting.

The chart draws only the practices on the links shown, as boxes left to right along the
links' direction (a link runs from its ``from_practice`` to its ``to_practice``): each
connected group of links is laid out on its own band, the largest first; within a group a
practice's column is set by the longest chain of links leaving it (counted back from the
chain's end), so a chain the article states reads left to right; within a column practices sit in the order of the
practices they come from (fewer crossing lines), each column centred on its band.
Deterministic and free of overlaps: boxes in one column are a full box apart, columns a full
gap apart (room for the link's label). Coordinates are pixels (x to the right, y
downwards), so the chart's scales map them one to one.
"""
from __future__ import annotations

import math

import polars as pl

from pingan.charts._framing import shorten, wrap

__all__ = ["flow_layout", "node_label", "BOX_W", "BOX_H", "GAP_X", "GAP_Y", "BAND_GAP"]

BOX_W = 164       # px: a practice's box
BOX_H = 50        # px: up to three label lines
GAP_X = 100       # px between columns: the link's label sits there
GAP_Y = 12        # px between boxes in a column
BAND_GAP = 30     # px between groups of links
PAD = 6           # px around the drawing
LINE = 12         # px per label line


def node_label(name_en: str, name_zh: str, lang: str) -> str:
    """The box's label, wrapped to fit it (lines joined by newlines)."""
    name, width, lines = (name_zh, 12, 3) if lang == "zh" else (name_en, 25, 3)
    for limit in range(width * lines, 8, -2):
        text = name if len(name) <= limit else shorten(name, limit)
        if lang == "zh" and len(name) > limit:
            text = name[:limit - 1] + "…"
        parts = wrap(text, width)
        if len(parts) <= lines:
            return "\n".join(parts)
    return shorten(name, width)


def _groups(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of practices (ignoring direction), largest first, ties by first id."""
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a
    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for p in sorted(parent):
        groups.setdefault(root(p), []).append(p)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _columns(group: list[str], pairs: list[tuple[str, str]]) -> dict[str, int]:
    """Each practice's column, counted back from the end of its chains: the longest chain of
    links leaving a practice sets how far left it sits, so a practice linked straight to the
    end of a chain sits next to it and no line runs behind a box (a cycle is cut off)."""
    height = {p: 0 for p in group}
    inside = [(a, b) for a, b in pairs if a in height and b in height]
    for _ in range(len(group)):
        changed = False
        for a, b in inside:
            if height[a] < height[b] + 1 <= len(group) - 1:
                height[a] = height[b] + 1
                changed = True
        if not changed:
            break
    top = max(height.values())
    return {p: top - h for p, h in height.items()}


def _label_at(x1, y1, x2, y2, out_deg: int, in_deg: int) -> dict:
    """Where the link's label sits, above its line: by the from-box when only this link
    leaves it, else by the to-box when only this link enters it, else mid-way (so labels of
    lines that share an end do not meet)."""
    t, align = (8.0, "left") if out_deg == 1 else ((-8.0, "right") if in_deg == 1 else (None, "center"))
    if t is None:
        x = (x1 + x2) / 2
    else:
        x = x1 + t if t > 0 else x2 + t
    y = y1 + (y2 - y1) * ((x - x1) / (x2 - x1) if x2 != x1 else 0.5)
    return {"x_label": x, "y_label": y - 3, "label_align": align}


def flow_layout(practices: pl.DataFrame, links: pl.DataFrame, lang: str
                ) -> tuple[pl.DataFrame, pl.DataFrame, float, float]:
    """``(nodes, edges, width, height)`` for the links to draw and the practices they join.

    ``nodes``: one row per practice on a link (the practices' columns plus x0, x1, y0, y1 of
    its box, xc, yc its centre, label); ``edges``: one row per link (its columns plus x1, y1
    at the right edge of the from-box, x2, y2 at the left edge of the to-box, x_head, y_head,
    angle of the arrowhead, x_label, y_label, label_align for the label)."""
    pairs = list(zip(links["from_practice"].to_list(), links["to_practice"].to_list())) if links.height else []
    by_id = {r["practice_id"]: r for r in practices.iter_rows(named=True)}
    where: dict[str, tuple[float, float]] = {}
    y = PAD
    n_cols = 1
    for group in _groups(pairs):
        col = _columns(group, pairs)
        n_cols = max(n_cols, max(col.values()) + 1)
        stacks: dict[int, list[str]] = {}
        rank: dict[str, float] = {}
        for c in range(max(col.values()) + 1):
            members = [p for p in group if col[p] == c]
            # order by the mean place of the practices linking into it (then by id)
            def key(p: str) -> tuple:
                into = [rank[a] for a, b in pairs if b == p and a in rank]
                return (sum(into) / len(into) if into else -1.0, p)
            members.sort(key=key)
            stacks[c] = members
            for i, p in enumerate(members):
                rank[p] = i - (len(members) - 1) / 2
        tallest = max(len(s) for s in stacks.values())
        band = tallest * BOX_H + (tallest - 1) * GAP_Y
        for c, members in stacks.items():
            h = len(members) * BOX_H + (len(members) - 1) * GAP_Y
            top = y + (band - h) / 2
            for i, p in enumerate(members):
                where[p] = (PAD + c * (BOX_W + GAP_X), top + i * (BOX_H + GAP_Y))
        y += band + BAND_GAP
    height = max(y - BAND_GAP + PAD, BOX_H + 2 * PAD)
    width = 2 * PAD + n_cols * BOX_W + (n_cols - 1) * GAP_X
    rows = []
    for pid, (x0, y0) in where.items():
        r = by_id[pid]
        rows.append({**r, "x0": x0, "x1": x0 + BOX_W, "y0": y0, "y1": y0 + BOX_H,
                     "xc": x0 + BOX_W / 2, "yc": y0 + BOX_H / 2,
                     "label": (label := node_label(r["name_en"], r["name_zh"], lang)),
                     # the first line's middle: a multi-line label centred on the box
                     "y_text": y0 + BOX_H / 2 - label.count("\n") * LINE / 2})
    out_deg: dict[str, int] = {}
    in_deg: dict[str, int] = {}
    for a, b in pairs:
        out_deg[a] = out_deg.get(a, 0) + 1
        in_deg[b] = in_deg.get(b, 0) + 1
    edges = []
    for r in links.iter_rows(named=True):
        (ax, ay), (bx, by) = where[r["from_practice"]], where[r["to_practice"]]
        x1, y1 = ax + BOX_W, ay + BOX_H / 2
        x2, y2 = bx, by + BOX_H / 2
        if bx <= ax:  # a link against the flow (a cycle cut off): from the box's bottom to the other's
            x1, y1, x2, y2 = ax + BOX_W / 2, ay + BOX_H, bx + BOX_W / 2, by + BOX_H
        dx, dy = x2 - x1, y2 - y1
        d = math.hypot(dx, dy) or 1.0
        back = 5.0
        edges.append({**r, "x1": x1, "y1": y1, "x2": x2, "y2": y2,
                      "x_head": x2 - dx / d * back, "y_head": y2 - dy / d * back,
                      "angle": (math.degrees(math.atan2(dx, -dy)) + 360) % 360,
                      **_label_at(x1, y1, x2, y2, out_deg[r["from_practice"]], in_deg[r["to_practice"]])})
    return pl.DataFrame(rows), pl.DataFrame(edges), float(width), float(height)
