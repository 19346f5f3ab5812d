"""What the builders draw: the tables they are given, joined with human labels.

Every builder takes ``tables`` (the dict ``pingan.load_all()`` returns) and loads it only
when it is omitted, so a notebook's own tables — or another data folder's — are drawn.
"""
from __future__ import annotations

import re

import polars as pl

from pingan.package._selection import article_order, check_article_ids, resolve_tables
from pingan.package._vocabulary import Cities, cities_from, check_lang, short_place_name, text as say

__all__ = ["article_labels", "city_expr", "city_code_expr", "cities",
           "statistics_frame", "row_labels", "printed_label", "place_names", "signed_percent", "has_cjk"]

_CJK = re.compile(r"[\u3400-\u9fff]")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text or ""))


def place_names(tables: dict[str, pl.DataFrame], lang: str) -> dict[str, str]:
    """place_code → the name as readers say it (``short_place_name``: Wucheng, 婺城)."""
    check_lang(lang)
    p = tables["places"]
    return {c: short_place_name(n, lang) for c, n in zip(p["place_code"], p[f"name_{lang}"])}


def article_labels(tables: dict[str, pl.DataFrame], lang: str) -> dict[str, str]:
    """article_id → "Jinhua 2017" / "金华 2017": the place it is about and its year."""
    names = place_names(tables, lang)
    out = {}
    for r in tables["articles"].iter_rows(named=True):
        place = names.get(r["place_code"], r["place_code"])
        out[r["article_id"]] = f"{place} {r['published'][:4]}"
    return out


def cities(tables: dict[str, pl.DataFrame]) -> Cities:
    """The city vocabulary of these tables: a colour and a name for every city an article
    covers, and each place's city (``pingan.labels`` has the same for the package in use)."""
    p = tables["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
    a = tables["articles"].select("article_id", "place_code", pl.col("published").cast(pl.String))
    return cities_from(p.iter_rows(named=True), a.iter_rows(named=True))


def city_code_expr(tables: dict[str, pl.DataFrame], column: str = "place_code") -> pl.Expr:
    """The code of the prefecture-level city a place lies in (by ``parent_code``); null outside one."""
    return pl.col(column).replace_strict(cities(tables).of, default=None, return_dtype=pl.String)


def city_expr(tables: dict[str, pl.DataFrame], column: str, lang: str) -> pl.Expr:
    """The city a place belongs to, by name; 'other' outside the cities the articles cover."""
    check_lang(lang)
    c = cities(tables)
    names = {place: c.names[lang][city] for place, city in c.of.items() if city in c.names[lang]}
    return pl.col(column).replace_strict(names, default="other", return_dtype=pl.String)


def signed_percent(value: float, decimals: int | None = None) -> str:
    """−26.9% / +3% with a true minus sign."""
    text = f"{abs(value):.{decimals}f}" if decimals is not None else f"{abs(value):g}"
    return ("−" if value < 0 else "+" if value > 0 else "") + text + "%"


def _plain_number(value: float, unit: str) -> str:
    if unit in ("percent",):
        return f"{value:g}%"
    if unit == "percentage-points":
        return f"{value:g} pp"
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def printed_label(as_written: str, value: float, unit: str, qualifier: str, measure: str, lang: str) -> str:
    """The figure as a reader should see it on the chart.

    Chinese: exactly as printed (``3.2万``). English: the number with its qualifier in words
    (``about 10,000`` for 近万, ``more than 200,000`` for 20余万), after the figure as printed
    when that has Chinese in it (``20余万 (more than 200,000)``, ``减半 (about −50%)``); a change carries
    its sign (``−26.9%``), since the articles
    write 下降26.9% with an unsigned figure.
    """
    check_lang(lang)
    # an English reader is told the qualifier in words (qualifier.approx: "about {number}"), not signs
    # a reader may misread; a Chinese reader reads it in the figure as printed (余, 多, 近, 约 …)
    number = say(f"qualifier.{qualifier}", lang,
                 number=signed_percent(value) if measure == "change_pct" else _plain_number(value, unit))
    if lang == "zh":
        return as_written if measure != "change_pct" else f"{number}({as_written})" if has_cjk(as_written) else number
    return f"{as_written} ({number})" if has_cjk(as_written) else number


def statistics_frame(tables: dict[str, pl.DataFrame], lang: str, article_id=None, measures=None, units=None
                     ) -> pl.DataFrame:
    """Statistics joined with their labels, place, city and article, ready to chart; in
    publication order of the articles, then by stat_id."""
    check_lang(lang)
    ids = check_article_ids(tables, article_id)
    s = tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
    if article_id is not None:
        s = s.filter(pl.col("article_id").is_in(ids))
    if measures:
        s = s.filter(pl.col("measure").is_in(list(measures)))
    if units:
        s = s.filter(pl.col("unit").is_in(list(units)))
    name_col = f"name_{lang}"
    names = place_names(tables, lang)
    arts = tables["articles"].select("article_id", "published",
                                     article_title=pl.col(f"title_{lang}"))
    order = {a: i for i, a in enumerate(article_order(tables))}
    s = (s.join(tables["indicators"].select("indicator", indicator_label=pl.col(name_col)), on="indicator", how="left")
         .join(arts, on="article_id", how="left")
         .with_columns(article_rank=pl.col("article_id").replace_strict(order, return_dtype=pl.Int32))
         .sort("article_rank", "stat_id"))  # joins do not keep row order
    labels = article_labels(tables, lang)
    s = s.with_columns(
        place=pl.col("place_code").replace_strict(names, default=pl.col("place_code")),
        city=city_expr(tables, "place_code", lang),
        city_code=city_code_expr(tables),
        article=pl.col("article_id").replace_strict(labels, return_dtype=pl.String),
        shown=pl.struct("as_written", "value", "unit", "qualifier", "measure").map_elements(
            lambda r: printed_label(r["as_written"], r["value"], r["unit"], r["qualifier"], r["measure"], lang),
            return_dtype=pl.String),
    )
    # a period the article does not print (period_basis inferred) says so wherever it is shown
    dashed = pl.col("period").str.replace("-", "–")
    return s.with_columns(period_label=pl.when(pl.col("period_basis") == "inferred")
                          .then(pl.format(say("period.inferred", lang, period="{}"), dashed)).otherwise(dashed))


def row_labels(df: pl.DataFrame, lang: str, *, with_article: bool | None = None) -> pl.DataFrame:
    """Add ``label``: the indicator, then only what tells rows apart — the place when
    several are drawn, the period when several are, the article when several are — and
    the figure as printed when two rows would still read the same."""
    check_lang(lang)
    sep = " · "
    parts = [pl.col("indicator_label")]
    articles = with_article if with_article is not None else df["article_id"].n_unique() > 1
    if articles:
        parts.append(pl.col("article"))
    if df["place"].n_unique() > 1:
        # the place, unless the article's name already says it ("Jiaxing 2024 · Jiaxing")
        same = pl.col("article").str.starts_with(pl.concat_str([pl.col("place"), pl.lit(" ")])) if articles else pl.lit(False)
        parts.append(pl.when(same).then(None).otherwise(pl.col("place")))
    if df["period"].n_unique() > 1:
        parts.append(pl.col("period_label"))
    out = df.with_columns(label=pl.concat_str(parts, separator=sep, ignore_nulls=True))
    return out.with_columns(label=pl.when(pl.col("label").is_duplicated())
                            .then(pl.concat_str([pl.col("label"), pl.col("as_written")], separator=sep))
                            .otherwise(pl.col("label")))
