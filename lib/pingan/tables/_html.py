"""The HTML of a reader's table: a small writer with no dependency beyond the standard library.

The workbook's tables need little: headers, numbers with thousands separators and a true
minus sign, "—" for a missing value, long text wrapped, a caption (title and subtitle) and
notes under the table. Writing that HTML here, instead of through a table library, keeps a
notebook's first table from paying a library's import (0.15–0.2 s, the largest single cost
a notebook added to a kernel's start; docs/reference.md, Performance).

The markup is plain and accessible: the title and subtitle are the table's ``<caption>``,
headers are ``<th scope="col">``, notes sit in ``<tfoot>``. Styles live in one ``<style>``
block scoped to the table's id, so two tables on a page never restyle each other, and the
table still reads as a table where styles are stripped (GitHub). No scripts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

__all__ = ["Column", "format_number", "render_table"]

MINUS = "\u2212"  # a true minus sign, as typeset tables print it
MISSING = "—"


def format_number(value: float | int, decimals: int = 0, *, separators: bool = True) -> str:
    """``value`` with ``decimals`` places, trailing zeros (and a bare point) dropped, thousands
    separated by commas unless ``separators`` is false, and a true minus sign: 8.5560e10 →
    "85,560,000,000", -7.820 at 2 → "−7.82", 20.0 at 1 → "20", 2017 without separators → "2017"."""
    text = f"{value:{',' if separators else ''}.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-"):
        text = text[1:]
        if text.strip("0.,"):  # a value that rounds to zero prints without a sign
            text = MINUS + text
    return text


@dataclass(frozen=True)
class Column:
    """One column as shown: its key (the frame's column name), header, how values print
    (``kind``: "integer", "year" (no separators), "number" (with ``decimals``) or "text"), a
    fixed width (CSS, for long text) and whether it must not wrap (ids)."""

    key: str
    header: str
    kind: str = "text"
    decimals: int = 0
    width: str | None = None
    nowrap: bool = False

    @property
    def numeric(self) -> bool:
        return self.kind in ("integer", "year", "number")

    def cell(self, value) -> str:
        """The value as the cell's text (not yet escaped)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return MISSING
        if self.kind == "integer":
            return format_number(value, 0)
        if self.kind == "year":
            return format_number(value, 0, separators=False)
        if self.kind == "number":
            return format_number(value, self.decimals)
        return str(value)


FONT = ("-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Oxygen, Ubuntu, Cantarell, "
        "'Helvetica Neue', 'Fira Sans', 'Droid Sans', Arial, sans-serif")
# the table's styles; every rule is scoped to the table's id (ID below)
_CSS = "\n".join([
    f"ID table {{ border-collapse: collapse; margin: 0 auto 0 0; color: #333333; background-color: #FFFFFF; "
    f"font-family: {FONT}; font-size: 13px; line-height: normal; "
    "border-top: 2px solid #A8A8A8; border-bottom: 2px solid #A8A8A8; }",
    "ID caption { text-align: left; caption-side: top; padding: 4px 5px 5px; color: #333333; }",
    "ID .pingan-title { display: block; font-size: 125%; }",
    "ID .pingan-subtitle { display: block; font-size: 85%; padding-top: 3px; }",
    "ID th { font-weight: bold; vertical-align: bottom; padding: 5px; text-align: left; "
    "border-top: 2px solid #D3D3D3; border-bottom: 2px solid #D3D3D3; }",
    "ID td { padding: 4px 5px; vertical-align: top; white-space: normal; "
    "border-top: 1px solid #D3D3D3; text-align: left; }",
    "ID .pingan-num { text-align: right; font-variant-numeric: tabular-nums; }",
    "ID .pingan-nowrap { white-space: nowrap; }",
    "ID tbody { border-bottom: 2px solid #D3D3D3; }",
    "ID tfoot td { font-size: 11px; border-top: none; padding: 4px 5px; }",
])


def render_table(rows: list[tuple], columns: list[Column], *, table_id: str, title: str | None = None,
                 subtitle: str | None = None, notes: list[str] = ()) -> str:
    """The table's HTML: ``rows`` (tuples in the order of ``columns``) under ``columns``' headers,
    ``title`` and ``subtitle`` as its caption, ``notes`` under it. Every text is escaped."""
    out = [f'<div id="{escape(table_id)}" style="padding: 10px 0; overflow-x: auto;">',
           f"<style>\n{_CSS.replace('ID ', f'#{escape(table_id)} ')}\n</style>", "<table>"]
    if title or subtitle:
        parts = ([f'<span class="pingan-title">{escape(title)}</span>'] if title else []) + \
                ([f'<span class="pingan-subtitle">{escape(subtitle)}</span>'] if subtitle else [])
        out.append(f"<caption>{''.join(parts)}</caption>")
    widths = [c.width for c in columns]
    if any(widths):
        out.append("<colgroup>" + "".join(f'<col style="width: {escape(w)};">' if w else "<col>" for w in widths)
                   + "</colgroup>")
    num = ' class="pingan-num"'
    out.append("<thead><tr>" + "".join(f'<th scope="col"{num if c.numeric else ""}>{escape(c.header)}</th>'
                                       for c in columns) + "</tr></thead>")
    classes = [" ".join(k for k, on in (("pingan-num", c.numeric), ("pingan-nowrap", c.nowrap)) if on)
               for c in columns]
    opens = [f'<td class="{cls}">' if cls else "<td>" for cls in classes]
    body = ["<tr>" + "".join(f"{o}{escape(c.cell(v))}</td>" for c, o, v in zip(columns, opens, row)) + "</tr>"
            for row in rows]
    out.append("<tbody>" + "\n".join(body) + "</tbody>")
    if notes:
        out.append("<tfoot>" + "".join(f'<tr><td colspan="{len(columns)}">{escape(n)}</td></tr>' for n in notes)
                   + "</tfoot>")
    out.append("</table>\n</div>")
    return "\n".join(out)
