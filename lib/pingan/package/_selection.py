"""What every helper and chart builder does first: take the tables it was given (or load
them), and check the article ids it was asked for. Polars only, so the data helpers and
the chart builders share it without importing Altair."""
from __future__ import annotations

import polars as pl

__all__ = ["resolve_tables", "article_order", "check_article_ids"]


def resolve_tables(tables: dict[str, pl.DataFrame] | None, *needed: str) -> dict[str, pl.DataFrame]:
    """``tables`` as given, or ``pingan.load_all()`` when None; every name in ``needed`` must be there."""
    if tables is None:
        from pingan.package._loading import load_all
        tables = load_all()
    missing = [n for n in needed if n not in tables]
    if missing:
        raise KeyError(f"the chart needs the table(s) {', '.join(missing)}; tables has {', '.join(tables) or 'none'}")
    return tables


def article_order(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Article ids in publication order (then by id)."""
    return tables["articles"].sort("published", "article_id")["article_id"].to_list()


def check_article_ids(tables: dict[str, pl.DataFrame], article_id) -> list[str]:
    """``article_id`` (one id or several) as a list; None means every article, in publication
    order. An id the articles table does not have raises ValueError listing the valid ones."""
    valid = article_order(tables)
    if article_id is None:
        return valid
    ids = [article_id] if isinstance(article_id, str) else list(article_id)
    unknown = [i for i in ids if i not in valid]
    if unknown or not ids:
        raise ValueError(f"unknown article id{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(map(repr, unknown or ids))}; valid ids: {', '.join(valid)}")
    return ids
