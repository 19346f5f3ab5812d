"""Tables for readers: polars frames shown as formatted HTML tables.

    pingan.show_table(df, columns=["stat_id", "as_written"], title="…", source="statistics.csv")
    pingan.tables.statistics_table(stats)     # the workbook's usual columns and headers
    pingan.tables.practices_table(practices)
    pingan.tables.findings_table(findings)
    pingan.tables.articles_table(articles)

What a reader gets: human headers (``as_written`` → "As printed"), no dtype row, no
quotes around text, thousands separators, full text wrapped (never cut at 80
characters), practice categories and finding kinds in words, missing values as "—", and
a source note. The HTML has no scripts and renders offline. Its id is fixed (derived from
the table's content unless ``id=`` is given), so the stored notebook output is the same
on every run and nbval can compare it. The DataFrame itself stays available for code.
The HTML is written by :mod:`pingan.tables._html`, with the standard library only.
"""
from __future__ import annotations

import hashlib
import re

import polars as pl

from pingan.package._vocabulary import phrases, slug_labels, text as say

__all__ = ["show_table", "statistics_table", "practices_table", "findings_table", "articles_table",
           "ReaderTable", "human_label"]

# Headers and finding kinds are phrases of the vocabulary (column.<name>, finding.<kind> in
# lib/pingan/package/phrases.csv); these tables are in English.
LONG_TEXT = 60  # characters: a text column this wide is given room and wrapped
YEAR_COLUMNS = ("started", "population_year")  # integer columns printed without separators


class ReaderTable:
    """A formatted table as a notebook shows it: HTML, and one short line of text for viewers
    without HTML. ``.frame`` is the polars DataFrame shown, ``.html`` the table's HTML,
    ``.headers`` the column headers a reader sees."""

    def __init__(self, html: str, frame: pl.DataFrame, title: str | None, headers: list[str] | None = None):
        self.html, self.frame, self.title = html, frame, title
        self.headers = list(headers) if headers is not None else list(frame.columns)

    def _repr_html_(self) -> str:
        return self.html

    def as_html(self) -> str:
        return self.html

    def __repr__(self) -> str:
        what = f"{self.title}: " if self.title else ""
        return f"<Table: {what}{self.frame.height:,} rows × {self.frame.width} columns ({', '.join(self.headers)})>"


def human_label(column: str) -> str:
    """A column name as a header: the workbook's own label, or ``snake_case`` → "Snake case"."""
    if f"column.{column}" in phrases():
        return say(f"column.{column}", "en")
    text = re.sub(r"_+", " ", column).strip()
    return text[:1].upper() + text[1:]


def _decimals(s: pl.Series, cap: int = 2) -> int:
    """Decimals needed to show every value of a float column (at most ``cap``)."""
    vals = s.drop_nulls().drop_nans() if s.dtype.is_float() else s.drop_nulls()
    best = 0
    for v in vals.to_list():
        text = f"{v:.{cap}f}".rstrip("0")
        best = max(best, len(text.split(".")[1]) if "." in text else 0)
    return best


def _table_id(df: pl.DataFrame, title: str | None) -> str:
    h = hashlib.sha1(repr((df.columns, title)).encode("utf-8"))
    h.update(df.hash_rows(seed=0).to_list().__repr__().encode() if df.height else b"empty")
    return "pingan-" + h.hexdigest()[:12]


def show_table(df: pl.DataFrame, columns: list[str] | None = None, *, labels: dict[str, str] | None = None,
               title: str | None = None, subtitle: str | None = None, source: str | None = None,
               decimals: dict[str, int] | None = None, id: str | None = None, max_rows: int | None = None):
    """``df`` as a formatted table for reading (see the module docstring).

    ``columns`` picks and orders columns; ``labels`` overrides headers; ``decimals`` fixes
    the decimals of float columns (default: as many as the values need, at most two);
    ``source`` becomes the note under the table ("Source: …"); ``max_rows`` cuts long
    tables and says so in a note.
    """
    from pingan.tables._html import Column, render_table

    frame = df.select(columns) if columns else df
    frame = frame.with_columns(pl.col(pl.Enum, pl.Categorical).cast(pl.String))
    total = frame.height
    if max_rows is not None and total > max_rows:
        frame = frame.head(max_rows)
    cols = []
    for c, t in frame.schema.items():
        kind, places = "text", 0
        if t.is_integer():
            kind = "year" if c in YEAR_COLUMNS else "integer"
        elif t.is_float():
            places = (decimals or {}).get(c, _decimals(frame[c]))
            kind = "number" if places else "integer"
        longest = (frame[c].str.len_chars().max() or 0) if t == pl.String else 0
        width = ("380px" if longest > 200 else "260px") if longest > LONG_TEXT else None
        cols.append(Column(c, (labels or {}).get(c, human_label(c)), kind, places, width, c.endswith("_id")))
    notes = ([f"First {max_rows} of {total:,} rows."] if max_rows is not None and total > max_rows else []) + \
            ([source if source.lower().startswith("source") else f"Source: {source}"] if source else [])
    html = render_table(frame.rows(), cols, table_id=id or _table_id(frame, title), title=title,
                        subtitle=subtitle, notes=notes)
    return ReaderTable(html, frame, title, [c.header for c in cols])


def _present(df: pl.DataFrame, wanted: list[str]) -> list[str]:
    return [c for c in wanted if c in df.columns]


def statistics_table(df: pl.DataFrame, *, tables: dict | None = None, title: str | None = None,
                     source: str | None = "statistics.csv", columns: list[str] | None = None, **kw):
    """Statistics with the indicator's English name, the figure as printed, its value,
    unit, period and the exact quote."""
    frame = df
    if "indicator" in df.columns and "indicator_label" not in df.columns:
        from pingan.package._selection import resolve_tables
        names = resolve_tables(tables)["indicators"].select("indicator", indicator_label="name_en")
        frame = df.join(names, on="indicator", how="left", maintain_order="left")
    cols = columns or _present(frame, ["stat_id", "indicator_label", "as_written", "value", "unit", "period",
                                       "quote", "notes"])
    return show_table(frame, cols, title=title, source=source, **kw)


def practices_table(df: pl.DataFrame, *, title: str | None = None, source: str | None = "practices.csv",
                    columns: list[str] | None = None, **kw):
    """Named practices: Chinese name, pinyin, English name, category in words, level, start year."""
    frame = df.with_columns(pl.col(pl.Enum).cast(pl.String))
    if "category" in frame.columns:
        frame = frame.with_columns(category=pl.col("category").replace_strict(
            slug_labels("category", "en"), default=pl.col("category")))
    if "level" in frame.columns:
        frame = frame.with_columns(level=pl.col("level").str.replace_all("-", " ").str.to_titlecase())
    cols = columns or _present(frame, ["name_zh", "pinyin", "name_en", "category", "level", "started"])
    return show_table(frame, cols, title=title, source=source, **kw)


def findings_table(df: pl.DataFrame, *, title: str | None = None, source: str | None = None,
                   columns: list[str] | None = None, **kw):
    """Data-quality findings: id, kind in words and the full message."""
    frame = df
    if "kind" in frame.columns:
        frame = frame.with_columns(kind=pl.col("kind").replace_strict(slug_labels("finding", "en"),
                                                                      default=pl.col("kind")))
    cols = columns or _present(frame, ["finding_id", "kind", "message_en"])
    return show_table(frame, cols, title=title,
                      source=source or "computed by pingan.data_quality_findings() from statistics.csv", **kw)


def articles_table(df: pl.DataFrame, *, title: str | None = None, source: str | None = "articles.csv",
                   columns: list[str] | None = None, **kw):
    """The articles: id, headline in Chinese and English, newspaper, date, period covered."""
    cols = columns or _present(df, ["article_id", "title_zh", "title_en", "outlet", "published", "period_covered"])
    return show_table(df, cols, title=title, source=source, **kw)
