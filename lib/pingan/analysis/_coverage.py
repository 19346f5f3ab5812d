"""The coverage audit: every number in every article is curated or deliberately excluded."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pingan.package._loading import load_all
from pingan.base._settings import default_sources_dir
from pingan.text._matching import squash_ws
from pingan.text._sources import SourceTexts
from pingan.text._spotter import extract_numbers_flat, squash

__all__ = ["CoverageItem", "CoverageReport", "audit_coverage"]


@dataclass(frozen=True)
class CoverageItem:
    article_id: str
    source_file: str
    line: int
    text: str
    context: str
    status: str  # curated | excluded | unexplained
    by: str  # stat_id(s) or the exclusion's reason


@dataclass
class CoverageReport:
    items: list[CoverageItem]
    unused_exclusions: list[dict] = field(default_factory=list)

    @property
    def unexplained(self) -> list[CoverageItem]:
        return [i for i in self.items if i.status == "unexplained"]

    def summary(self) -> pl.DataFrame:
        """Counts of numbers per article and status."""
        df = pl.DataFrame([i.__dict__ for i in self.items])
        counts = df.group_by("article_id", "status").len().sort("article_id", "status")
        wide = counts.pivot(on="status", index="article_id", values="len").fill_null(0).sort("article_id")
        for status in ("curated", "excluded", "unexplained"):
            if status not in wide.columns:
                wide = wide.with_columns(pl.lit(0, dtype=pl.UInt32).alias(status))
        return wide.select("article_id", "curated", "excluded", "unexplained")


def _spans(flat: str, quote: str, as_written: str) -> list[tuple[int, int]]:
    """Positions in ``flat`` of ``as_written`` inside every occurrence of ``quote``."""
    q, a = squash_ws(quote), squash_ws(as_written)
    out, i = [], flat.find(q)
    while i >= 0 and q:
        j = q.find(a)
        while j >= 0 and a:
            out.append((i + j, i + j + len(a)))
            j = q.find(a, j + 1)
        i = flat.find(q, i + 1)
    return out


def audit_coverage(data_dir: str | Path | None = None, sources_dir: str | Path | None = None
                   ) -> CoverageReport:
    """Run the number spotter over every article and match each number it finds
    against statistics.csv and exclusions.csv by position."""
    tables = load_all(data_dir, sources_dir)
    sources = SourceTexts(tables["articles"], Path(sources_dir) if sources_dir else default_sources_dir())
    if not sources.available:
        raise FileNotFoundError(f"source articles not found at {sources.dir}")
    items: list[CoverageItem] = []
    unused = []
    for article_id, source_file in tables["articles"].select("article_id", "source_file").iter_rows():
        raw = sources.raw(article_id)
        flat, offsets = squash(raw)
        line_starts = [0] + [i + 1 for i, c in enumerate(raw) if c == "\n"]
        stats = tables["statistics"].filter(pl.col("article_id") == article_id)
        excl = tables["exclusions"].filter(pl.col("article_id") == article_id)
        stat_spans = [(s, sid) for sid, q, a in stats.select("stat_id", "quote", "as_written").iter_rows()
                      for s in _spans(flat, q, a)]
        excl_rows = list(excl.iter_rows(named=True))
        excl_spans = [(s, k) for k, r in enumerate(excl_rows) for s in _spans(flat, r["quote"], r["as_written"])]
        used = set()
        for x in extract_numbers_flat(flat):
            overlaps = lambda s: s[0] < x.end and x.start < s[1]
            by_stat = sorted({sid for s, sid in stat_spans if overlaps(s)})
            by_excl = sorted({k for s, k in excl_spans if overlaps(s)})
            used.update(by_excl)
            if by_stat:
                status, by = "curated", ",".join(by_stat)
            elif by_excl:
                status, by = "excluded", excl_rows[by_excl[0]]["reason"]
            else:
                status, by = "unexplained", ""
            line = bisect.bisect_right(line_starts, offsets[x.start])
            items.append(CoverageItem(article_id, source_file, line, x.text, x.context, status, by))
        unused += [{"article_id": article_id, **{k: r[k] for k in ("as_written", "quote")}}
                   for k, r in enumerate(excl_rows) if k not in used]
    return CoverageReport(items, unused)
