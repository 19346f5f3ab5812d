"""Who devised what, and who took it from whom: an adoption table in the manner of
policy-diffusion studies (a programme × adopter grid with the first adopter marked).

    pingan.analysis.adoption_grid()      # template family × article: practices by origin
    pingan.analysis.origin_mix()         # article × origin: how many practices, and the share

Origins are the coded ``origin`` of practices.csv (own, city, peer, provincial, national,
unknown), never inferred from the family: a practice outside every template is not thereby
the city's own, and a template's practice may be the city's own invention.
"""
from __future__ import annotations

import polars as pl

from pingan.package._selection import article_order, resolve_tables

__all__ = ["adoption_grid", "origin_mix", "ORIGINS"]

ORIGINS = ("own", "city", "peer", "provincial", "national", "unknown")
_CELL_WORDS = {"own": "own", "city": "its city's", "peer": "a peer's", "provincial": "provincial",
               "national": "national", "unknown": "unknown"}
_REF = "ref:"


def _practices(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return t["practices"].with_columns(pl.col("family").cast(pl.String), pl.col("origin").cast(pl.String))


def _cell(row: dict) -> str:
    """``own 2 · national 1`` — the origins of one article's practices of one family, in ORIGINS order."""
    return " · ".join(f"{_CELL_WORDS[o]} {row[o]}" for o in ORIGINS if row[o])


def adoption_grid(*, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per template family (families.csv order, ``local`` included) and article
    (publication order): ``practices`` (how many the article names), one count column per
    origin (``own`` … ``unknown``), ``cell`` (those counts in words, empty when none), and
    for the family: ``first_article`` (the earliest article naming it), ``first_own_article``
    (the earliest article with an own practice of it, or null), ``earliest_reference`` and
    ``earliest_reference_year`` (the oldest reference the coding cites for its practices, in
    their origins or their dated diffusion events, or null: the oldest record cited, not the
    date a province or the centre first set the template down)."""
    t = resolve_tables(tables)
    p = _practices(t)
    order = article_order(t)
    families = [f for f in t["families"]["family"].to_list()]
    grid = pl.DataFrame({"family": families}).with_row_index("f_order").join(
        pl.DataFrame({"article_id": order}).with_row_index("a_order"), how="cross")
    counts = (p.group_by("family", "article_id")
              .agg(practices=pl.len(), **{o: (pl.col("origin") == o).sum() for o in ORIGINS}))
    out = (grid.join(counts, on=["family", "article_id"], how="left")
           .with_columns(pl.col(["practices", *ORIGINS]).fill_null(0).cast(pl.Int64))
           .sort("f_order", "a_order"))
    out = out.with_columns(cell=pl.Series([_cell(r) for r in out.iter_rows(named=True)], dtype=pl.String))
    firsts = (out.group_by("family", maintain_order=True)
              .agg(first_article=pl.col("article_id").filter(pl.col("practices") > 0).first(),
                   first_own_article=pl.col("article_id").filter(pl.col("own") > 0).first()))
    refs = t["references"].select(earliest_reference="reference_id", earliest_reference_year="year")
    # every reference the coding cites for a family: in its practices' origins and in their dated events
    cites = [p.filter(pl.col("origin_basis").str.starts_with(_REF))
             .select("family", earliest_reference=pl.col("origin_basis").str.strip_prefix(_REF).str.strip_chars())]
    events = t.get("diffusion_events")
    if events is not None:
        cites.append(events.filter(pl.col("reference_id").is_not_null())
                     .join(p.select("practice_id", "family"), on="practice_id", how="inner")
                     .select("family", earliest_reference="reference_id"))
    cited = (pl.concat(cites)
             .join(refs, on="earliest_reference", how="inner")
             .sort("earliest_reference_year", "earliest_reference")
             .group_by("family", maintain_order=True).first())
    return (out.join(firsts, on="family", how="left").join(cited, on="family", how="left")
            .sort("f_order", "a_order")
            .select("family", "article_id", "practices", *ORIGINS, "cell", "first_article", "first_own_article",
                    "earliest_reference", pl.col("earliest_reference_year").cast(pl.Int64)))


def origin_mix(*, tables: dict[str, pl.DataFrame] | None = None) -> pl.DataFrame:
    """One row per article (publication order) and origin (ORIGINS order): ``practices`` of
    that origin, the article's ``total`` and the ``share`` (0–1), zero rows included."""
    t = resolve_tables(tables)
    p = _practices(t)
    order = article_order(t)
    grid = pl.DataFrame({"article_id": order}).with_row_index("a_order").join(
        pl.DataFrame({"origin": list(ORIGINS)}).with_row_index("o_order"), how="cross")
    n = p.group_by("article_id", "origin").agg(practices=pl.len())
    return (grid.join(n, on=["article_id", "origin"], how="left")
            .with_columns(pl.col("practices").fill_null(0).cast(pl.Int64))
            .with_columns(total=pl.col("practices").sum().over("article_id"))
            .with_columns(share=pl.col("practices") / pl.col("total"))
            .sort("a_order", "o_order").select("article_id", "origin", "practices", "total", "share"))
