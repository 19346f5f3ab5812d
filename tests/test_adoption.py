"""The adoption table and the origin mix, on a table small enough to count by hand."""
from __future__ import annotations

import polars as pl

from pingan.analysis import adoption_grid, origin_mix


def _tables() -> dict[str, pl.DataFrame]:
    articles = pl.DataFrame({"article_id": ["b-2024", "a-2017"], "published": ["2024-10-29", "2017-12"]})
    families = pl.DataFrame({"family": ["grid-management", "fengqiao", "local"]})
    practices = pl.DataFrame(
        [("p1", "a-2017", "grid-management", "provincial", "ref:grid-2008"),
         ("p2", "a-2017", "local", "unknown", "unknown: silent"),
         ("p3", "b-2024", "grid-management", "own", "创新推出"),
         ("p4", "b-2024", "grid-management", "unknown", "unknown: silent"),
         ("p5", "b-2024", "fengqiao", "national", "ref:fengqiao-1963"),
         ("p6", "b-2024", "fengqiao", "national", "ref:grid-2008")],
        schema=["practice_id", "article_id", "family", "origin", "origin_basis"], orient="row")
    references = pl.DataFrame({"reference_id": ["grid-2008", "fengqiao-1963", "law-2010", "pilot-2007"],
                               "year": [2008, 1963, 2010, 2007]})
    # events cite references too: an older one counts (pilot-2007), a newer one does not (law-2010)
    events = pl.DataFrame({"practice_id": ["p3", "p4", "p2"], "reference_id": ["pilot-2007", None, "law-2010"]})
    return {"articles": articles, "families": families, "practices": practices, "references": references,
            "diffusion_events": events}


def test_adoption_grid_counts_origins_per_family_and_article():
    a = adoption_grid(tables=_tables())
    assert a.height == 6  # 3 families × 2 articles, zero cells kept
    assert a["article_id"].to_list()[:2] == ["a-2017", "b-2024"]  # publication order, not file order
    grid_b = a.filter((pl.col("family") == "grid-management") & (pl.col("article_id") == "b-2024")).row(0, named=True)
    assert (grid_b["practices"], grid_b["own"], grid_b["unknown"], grid_b["provincial"]) == (2, 1, 1, 0)
    assert grid_b["cell"] == "own 1 · unknown 1"
    assert grid_b["first_article"] == "a-2017" and grid_b["first_own_article"] == "b-2024"
    assert (grid_b["earliest_reference"], grid_b["earliest_reference_year"]) == ("pilot-2007", 2007)  # from an event
    without_events = adoption_grid(tables={k: v for k, v in _tables().items() if k != "diffusion_events"})
    assert without_events.filter(pl.col("family") == "grid-management")["earliest_reference"].unique().to_list() == ["grid-2008"]
    feng = a.filter(pl.col("family") == "fengqiao")
    assert feng["cell"].to_list() == ["", "national 2"]
    assert feng["earliest_reference_year"].unique().to_list() == [1963]  # the older of its two references
    assert feng["first_own_article"].null_count() == 2  # no own practice: no invention claimed
    # the first article naming a family is the first with a practice of it, not the first published
    assert feng["first_article"].to_list() == ["b-2024", "b-2024"]
    local = a.filter(pl.col("family") == "local")
    assert local["first_article"].to_list() == ["a-2017", "a-2017"]
    assert local["earliest_reference"].to_list() == ["law-2010", "law-2010"]  # an event's reference alone


def test_origin_mix_shares_sum_to_one_per_article():
    m = origin_mix(tables=_tables())
    assert m.height == 2 * 6
    b = m.filter(pl.col("article_id") == "b-2024")
    assert dict(zip(b["origin"], b["practices"])) == {"own": 1, "city": 0, "peer": 0, "provincial": 0,
                                                        "national": 2, "unknown": 1}
    assert b["total"].unique().to_list() == [4]
    assert abs(b["share"].sum() - 1) < 1e-12 and b.filter(pl.col("origin") == "national")["share"].item() == 0.5
