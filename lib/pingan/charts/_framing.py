"""Conventions every workbook chart shares, as small helpers (see docs/charts.md).

- :func:`frame`: the title states the finding; one subtitle line gives the metric, unit,
  place and period (a second line at most, for a caveat); one short source line sits
  *beneath* the plot, naming the article(s) and the table(s) drawn.
- :func:`source_line`: that line, derived from the rows actually drawn.
- :func:`city_color`: each city in its fixed colour; no legend when one city is drawn.
- :func:`labels_beside`: value labels beside marks, in the mark's colour or ink.
- :func:`wrap` and :func:`shorten`: label text that fits.
- :func:`chart_title`: the title of a framed spec (for text fallbacks and tests).
"""
from __future__ import annotations

import math
import string
import textwrap

import altair as alt
import polars as pl

from pingan.analysis._frames import cities
from pingan.package._selection import article_order
from pingan.package._vocabulary import check_lang, phrase, text as say
from pingan.charts._style import INK, MUTED

__all__ = ["frame", "source_line", "phrase_expr", "city_color", "labels_beside", "conditional", "wrap", "shorten", "chart_title",
           "subtitle_lines", "source_text", "describe", "sentences", "padded", "log_padded", "log_axis"]

MAX_SUBTITLE_LINES = 2


def wrap(text: str, width: int = 60) -> list[str]:
    """``text`` in lines of at most ``width`` characters (Chinese counts one per character)."""
    if not text:
        return [""]
    if any("\u3400" <= ch <= "\u9fff" for ch in text) and " " not in text:
        return [text[i:i + width] for i in range(0, len(text), width)]
    return textwrap.wrap(text, width) or [text]


def shorten(text: str, width: int = 60) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with "…" if cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def _outlet(outlet: str, lang: str) -> str:
    """The newspaper as articles.csv gives it, "浙江日报 (Zhejiang Daily)": its Chinese name, or
    the English in the parenthesis."""
    if outlet.startswith("not printed"):
        return say("newspaper_not_named", lang)
    zh = outlet.split(" (")[0]
    en = outlet[outlet.index("(") + 1:outlet.rindex(")")] if "(" in outlet and ")" in outlet else zh
    return {"en": en, "zh": zh}[check_lang(lang)]


def phrase_expr(key: str, lang: str, **fields) -> pl.Expr:
    """A phrase of the vocabulary filled row by row: each ``{field}`` from the column (by name)
    or the expression given for it (``phrase_expr("terms.row", lang, term="term", term_en=…)``)."""
    parts = []
    for literal, name, spec, conv in string.Formatter().parse(phrase(key, lang)):
        if literal:
            parts.append(pl.lit(literal))
        if name is not None:
            if spec or conv:
                raise ValueError(f"phrase {key!r}: a column cannot take the format {{{name}:{spec}}}")
            value = fields[name]
            parts.append(pl.col(value) if isinstance(value, str) else value)
    return pl.concat_str(parts)


def table_display_name(name: str) -> str:
    """A table as readers meet it: ``practice_links.csv`` → "practice links" (no storage names)."""
    return name.removesuffix(".csv").replace("_", " ")


def source_line(tables: dict[str, pl.DataFrame], article_ids, table_names, lang: str,
                extra: str | None = None) -> str:
    """One line: the article(s) the chart draws, named as readers name them, and the workbook
    tables it draws from (by name, not by file).

    ``Source: Quzhou 2024 (2024; newspaper not named) · table: statistics``
    ``Source: all 5 articles (2017–2024) · tables: statistics, population``
    """
    from pingan.analysis._frames import article_labels
    check_lang(lang)
    order = article_order(tables)
    ids = [a for a in order if a in set(article_ids)]
    arts = {r["article_id"]: r for r in tables["articles"].iter_rows(named=True)}
    shown = article_labels(tables, lang)
    years = sorted({arts[a]["published"][:4] for a in ids})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    if len(ids) == 1:
        a = arts[ids[0]]
        what = say("source.one_article", lang, article=shown[ids[0]], published=a["published"],
                   outlet=_outlet(a["outlet"], lang))
    elif ids and len(ids) == len(order):
        what = say("source.all_articles", lang, n=len(ids), span=span)
    elif ids:
        what = say("source.articles", lang, articles=say("list_sep", lang).join(shown[i] for i in ids), span=span)
    else:
        what = say("no_article", lang)
    names = [table_display_name(n) for n in dict.fromkeys(table_names)]
    key = "table" if len(names) == 1 else "tables"
    colon = say("colon", lang)
    line = f"{say('source', lang)}{colon}{what} · {say(key, lang)}{colon}{', '.join(names)}"
    return f"{line} · {extra}" if extra else line


def subtitle_lines(subtitle) -> list[str]:
    lines = [subtitle] if isinstance(subtitle, str) else [s for s in subtitle if s]
    if not 1 <= len(lines) <= MAX_SUBTITLE_LINES:
        raise ValueError(f"a chart has one or two subtitle lines, not {len(lines)}: {lines}")
    return lines


SOURCE_FONT_SIZE = 11  # the smallest text a chart carries (WCAG: legible at 11 px and up)


def sentences(parts, lang: str) -> str:
    """Parts of a text joined as sentences, each ended once: "A. B." in English, "甲。乙。" in Chinese."""
    stop = say("full_stop", lang)
    parts = [p.strip().rstrip(".。") for p in parts if p and p.strip()]
    return stop.join(parts) + stop.strip()


def describe(title: str, subtitle, lang: str) -> str:
    """A chart's written description for screen readers (and the image's alt text) when its
    builder gives none: the finding its title states, then its subtitle lines, as sentences."""
    return sentences([title, *subtitle_lines(subtitle)], lang)


def frame(chart, title: str, subtitle, source: str, *, lang: str, name: str | None = None,
          description: str | None = None) -> alt.VConcatChart:
    """The chart with its title and subtitle above and its one source line beneath, and a
    ``description`` (given, or :func:`describe` of the title and subtitle, as sentences of ``lang``)."""
    if "\n" in source:
        raise ValueError("the source line is one line")
    inner = chart.properties(title=alt.Title(title, subtitle=subtitle_lines(subtitle), anchor="start"))
    if name:
        inner = inner.properties(name=name)
    return alt.vconcat(inner, description=description or describe(title, subtitle, lang),
                       title=alt.Title(source, orient="bottom", anchor="start", fontSize=SOURCE_FONT_SIZE,
                                       fontWeight="normal", color=MUTED, offset=10))


def _title_of(spec: dict) -> dict | None:
    t = spec.get("title")
    return t if isinstance(t, dict) else ({"text": t} if t else None)


def chart_title(spec: dict) -> str:
    """The title of a framed chart spec (the inner title, not the source line beneath)."""
    inner = (spec.get("vconcat") or [None])[0]
    t = _title_of(inner) if isinstance(inner, dict) else None
    t = t or _title_of(spec) or {}
    text = t.get("text", "")
    return " ".join(text) if isinstance(text, list) else str(text)


def source_text(spec: dict) -> str:
    """The source line beneath a framed chart."""
    t = _title_of(spec) or {}
    return t.get("text", "") if t.get("orient") == "bottom" else ""


def city_color(df: pl.DataFrame, lang: str, field: str = "city", *, tables: dict, legend: bool = False) -> alt.Color:
    """Each city in its colour. No legend unless asked for (``legend=True``) and the chart
    draws two or more cities: the workbook's charts name the article or place on each row
    instead, which a reader need not decode."""
    c = cities(tables)
    present = set(df[field].unique().to_list()) if field in df.columns else set()
    domain = [c.names[lang][code] for code in c.colors]
    rng = list(c.colors.values())
    if "other" in present:
        domain, rng = domain + ["other"], rng + ["#999999"]
    legend = alt.Legend(title=None, orient="right") if legend and len(present) >= 2 else None
    return alt.Color(f"{field}:N", scale=alt.Scale(domain=domain, range=rng), legend=legend)


def labels_beside(base: alt.Chart, text: str = "shown:N", *, negative: bool = False, color: str | None = INK,
                  size: int = 11) -> alt.Chart:
    """Text beside each mark: right of it (left of it for ``negative`` values), in ink, or
    in the mark's own colour with ``color=None``."""
    chart = base.mark_text(align="right" if negative else "left", dx=-5 if negative else 5, fontSize=size)
    return chart.encode(text=alt.Text(text), **({"color": alt.ColorValue(color)} if color else {}))


def conditional(channel: str, predicate, if_true, if_false):
    """``alt.condition(predicate, if_true, if_false)`` as the object of ``channel``'s class
    (``conditional("opacity", pick, alt.value(1), alt.value(0.3))`` is an ``alt.OpacityValue``).

    Chart code here hands ``encode`` channel objects, never strings or dicts: Altair turns a
    string shorthand or a dict into its class by hashing the schema of every class it might be
    (about 3 ms a channel; an object costs 0.02 ms). ``tests/test_chart_style.py`` checks it."""
    spec = alt.condition(predicate, if_true, if_false)
    kind = "Value" if "value" in spec else "Datum" if "datum" in spec else ""
    return getattr(alt, channel[0].upper() + channel[1:] + kind)(**spec)


def padded(values, *, share: float = 0.25, include_zero: bool = True) -> list[float]:
    """A linear domain around ``values``, with room for labels at both ends."""
    lo, hi = min(values), max(values)
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = (hi - lo) or abs(hi) or 1.0
    lo, hi = (lo - share * span if lo < 0 else lo), (hi + share * span if hi > 0 else hi)
    # round outward to a tick step (1, 2 or 5 × 10^k), so no tick label sits on the edge
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    return [math.floor(lo / step) * step, math.ceil(hi / step) * step]


def log_padded(values, *, right: float = 6.0, left: float = 1.5) -> list[float]:
    """A log domain around positive ``values``: whole decades, room for labels on the right."""
    lo, hi = min(values), max(values)
    return [10 ** math.floor(math.log10(lo / left)), 10 ** math.ceil(math.log10(hi * right))]


def log_axis(domain: list[float], title: str) -> alt.Axis:
    """Ticks and gridlines at whole decades only (1, 10, 100 …), labelled with separators."""
    lo, hi = (round(math.log10(v)) for v in domain)
    return alt.Axis(title=title, values=[10.0 ** k for k in range(lo, hi + 1)], format=",~g", grid=True)
