"""Two articles side by side (the same city years apart, or two cities): which templates each
names, or how much each leans on the key governance terms — one dumbbell row per template or
term, an open circle for the first article, a filled one for the second, both values labelled."""
from __future__ import annotations

import re

import altair as alt
import polars as pl

from pingan.analysis._two_articles import template_shift, term_shift
from pingan.analysis._frames import article_labels, cities
from pingan.package._selection import resolve_tables
from pingan.charts._framing import frame, padded, phrase_expr, source_line
from pingan.package._vocabulary import check_lang, family_label, text as say
from pingan.charts._style import INK, MUTED

__all__ = ["two_articles_chart"]

BY = ("templates", "terms")
ROW = 20
WIDTH = 360


def _colour(tables: dict, article_id: str) -> str:
    code = tables["articles"].filter(pl.col("article_id") == article_id)["place_code"][0]
    vocab = cities(tables)
    return vocab.colors.get(vocab.of.get(code), INK)


def _short(slug: str, lang: str) -> str:
    return family_label(slug, lang)


def _plain(term_en: str | None, term: str) -> str:
    """The English of a term without its parenthesis: "Ping An (safety and peace)" → "Ping An"."""
    return re.sub(r"\s*\(.*\)$", "", term_en) if term_en else term


def _template_rows(a: str, b: str, t: dict, lang: str) -> tuple[pl.DataFrame, list[str], list[str]]:
    s = template_shift(a, b, tables=t)
    neither = s.filter(pl.col("status") == "neither")["family"].to_list()
    df = (s.filter(pl.col("status") != "neither")
          .with_columns(is_local=pl.col("family") == "local").with_row_index("order")
          .sort(["is_local", "change", "order"], descending=[False, True, False]).drop("order")
          .with_columns(row=pl.col("family").map_elements(lambda f: family_label(f, lang, terms=True),
                                                          return_dtype=pl.String),
                        value_a=pl.col("practices_a").cast(pl.Float64), value_b=pl.col("practices_b").cast(pl.Float64),
                        quote=pl.coalesce("quote_b", "quote_a"),
                        shown=pl.format("{} → {}", "practices_a", "practices_b")))
    return df, neither, df["row"].to_list()


def _term_rows(a: str, b: str, t: dict, lang: str, terms) -> tuple[pl.DataFrame, list[str], list[str]]:
    s = term_shift(a, b, terms, tables=t)
    neither = s.filter(pl.col("status") == "neither")["term"].to_list()
    row = phrase_expr("two.term_row", lang, term_en=pl.col("term_en").fill_null(pl.col("term")), term="term",
                      pinyin=pl.col("pinyin").fill_null("")).str.replace(", \\)$", ")")
    df = (s.filter(pl.col("status") != "neither")
          .with_columns(row=row, value_a=pl.col("per_1000_a"), value_b=pl.col("per_1000_b"),
                        shown=pl.format("{} → {}", pl.col("per_1000_a").round(1), pl.col("per_1000_b").round(1))))
    return df, neither, df["row"].to_list()


def _title(by: str, df: pl.DataFrame, la: str, lb: str, lang: str) -> str:
    if by == "templates":
        new = [_short(f, lang) for f in df.filter(pl.col("status") == "only_b")["family"]]
        gone = [_short(f, lang) for f in df.filter(pl.col("status") == "only_a")["family"]]
        sep = say("list_sep", lang)
        if new or gone:
            parts = ([say("two.new.one" if len(new) == 1 else "two.new", lang, a=la, b=lb, n=len(new),
                          templates=sep.join(new))] if new else []) + (
                [say("two.also_drops" if new else "two.drops", lang, b=lb, n=len(gone), templates=sep.join(gone))]
                if gone else [])
            return say("two.parts_sep", lang).join(parts)
        top = df.filter(pl.col("family") != "local").sort("change", descending=True).row(0, named=True)
        return say("two.same", lang, a=la, b=lb, n=df.filter(pl.col("family") != "local").height,
                   template=_short(top["family"], lang), shown=top["shown"])
    rise, fall = df.row(0, named=True), df.row(-1, named=True)
    first = _plain(rise["term_en"], rise["term"])
    return say("two.terms.title", lang, a=la, b=lb, rise_en=first[:1].upper() + first[1:], rise=rise["term"],
               rise_a=rise["value_a"], rise_b=rise["value_b"], fall_en=_plain(fall["term_en"], fall["term"]),
               fall=fall["term"], fall_a=fall["value_a"], fall_b=fall["value_b"])


def two_articles_chart(article_a: str, article_b: str, *, by: str = "templates", terms=None,
                       tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """``article_a`` (open circle) against ``article_b`` (filled circle), one row each:

    - ``by="templates"``: how many practices each article tags with each provincial template
      (its own inventions last); templates neither names are listed in the subtitle. The
      title names the templates only the second article names (and any it drops).
    - ``by="terms"``: occurrences per 1,000 characters of each key governance term (every
      curated term unless ``terms`` is given), largest rise first; the title names the
      largest rise and the largest fall.

    Both values are labelled ("1 → 7"); hover a row for the example practices and quote (or
    the counts behind a rate). Each circle is in its article's city colour."""
    check_lang(lang)
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(repr(b) for b in BY)}, not {by!r}")
    t = resolve_tables(tables, "articles", "places", *(("practices",) if by == "templates"
                                                       else ("term_counts", "governance_terms")))
    labels = article_labels(t, lang)
    df, neither, rows = (_template_rows(article_a, article_b, t, lang) if by == "templates"
                         else _term_rows(article_a, article_b, t, lang, terms))
    if df.is_empty():
        raise ValueError(f"neither {article_a!r} nor {article_b!r} names any of the {by} asked for; nothing to draw")
    la, lb = labels[article_a], labels[article_b]
    ca, cb = _colour(t, article_a), _colour(t, article_b)
    title = title or _title(by, df, la, lb, lang)
    df = df.with_columns(right=pl.max_horizontal("value_a", "value_b"))
    domain = padded(df["right"].to_list(), share=0.35)
    x_title = say(f"two.{by}.axis", lang)
    y = alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=420, labelPadding=10, ticks=False))
    if by == "templates":
        example = say("two.example", lang)
        tips = [alt.Tooltip("row:N", title=say("template", lang)),
                alt.Tooltip("practices_a:Q", title=la), alt.Tooltip("practices_b:Q", title=lb),
                alt.Tooltip("example_a:N", title=say("two.of_article", lang, article=la, what=example)),
                alt.Tooltip("example_b:N", title=say("two.of_article", lang, article=lb, what=example)),
                alt.Tooltip("quote:N", title=say("quote", lang))]
    else:
        of = {(side, what): say("two.of_article", lang, article=name, what=say(f"two.{what}", lang))
              for side, name in (("a", la), ("b", lb)) for what in ("occurrences", "characters")}
        tips = [alt.Tooltip("row:N", title=say("term", lang)), alt.Tooltip("term_en:N", title=say("tip.english", lang)),
                alt.Tooltip("occurrences_a:Q", title=of["a", "occurrences"]),
                alt.Tooltip("characters_a:Q", title=of["a", "characters"], format=","),
                alt.Tooltip("occurrences_b:Q", title=of["b", "occurrences"]),
                alt.Tooltip("characters_b:Q", title=of["b", "characters"], format=",")]
    x = alt.X("value_a:Q", title=x_title, scale=alt.Scale(domain=domain), axis=alt.Axis(grid=True, tickCount=5))
    keep = ["row", "value_a", "value_b", "right", "shown", "status"] + [t.to_dict()["field"] for t in tips if
                                                                       t.to_dict()["field"] != "row"]
    base = alt.Chart(df.select(list(dict.fromkeys(keep)))).encode(y=y, tooltip=tips)
    rule = base.mark_rule(color=MUTED, strokeWidth=1.5).encode(x=x, x2=alt.X2("value_b:Q"))
    dot_a = base.mark_point(shape="circle", filled=False, size=70, strokeWidth=2, color=ca, opacity=1).encode(x=x)
    dot_b = base.mark_circle(size=80, color=cb, opacity=1).encode(x=alt.X("value_b:Q", scale=alt.Scale(domain=domain)))
    text = base.mark_text(align="left", dx=9, fontSize=11, color=INK).encode(
        x=alt.X("right:Q", scale=alt.Scale(domain=domain)), text=alt.Text("shown:N"))
    chart = alt.layer(rule, dot_a, dot_b, text).properties(width=WIDTH, height=alt.Step(ROW))
    if by == "templates":
        subtitle = [say("two.templates.subtitle", lang, a=la, b=lb)]
        if neither:
            subtitle.append(say("two.templates.neither", lang,
                                templates=say("list_sep", lang).join(_short(f, lang) for f in neither)))
        tables_drawn = ["practices.csv"]
    else:
        subtitle = [say("two.terms.subtitle", lang, a=la, b=lb),
                    say("two.terms.caveat", lang, left_out=say("two.terms.left_out", lang, n=len(neither)) if neither
                        else "")]
        tables_drawn = ["term_counts.csv", "governance_terms.csv"]
    return frame(chart, title, subtitle, source_line(t, [article_a, article_b], tables_drawn, lang), lang=lang)
