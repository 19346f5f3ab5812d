"""``pingan terms --refresh``: rewrite the derived table ``data/term_counts.csv`` from the sources."""
from __future__ import annotations

from pathlib import Path

from pingan.package._term_counts import recount_term_counts

__all__ = ["refresh_term_counts"]


def refresh_term_counts(data_dir: str | Path | None = None, sources_dir: str | Path | None = None) -> tuple[Path, int]:
    """Rewrite ``term_counts.csv`` from the sources (atomically); returns its path and row count.

    Works when the stored table is stale or missing (that is what it repairs); any problem
    in another table stops it, listed as ``DataValidationError`` (gaps in an article's curation do not)."""
    from pingan.base._atomic import atomic_file
    from pingan.package._contract import read_contract
    from pingan.base._settings import default_data_dir, default_sources_dir
    from pingan.base._problems import DataValidationError
    from pingan.package._validation import check_package
    from pingan.package.checks import blocking
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    checked, problems = check_package(data_dir, Path(sources_dir) if sources_dir else default_sources_dir())
    res = read_contract(data_dir)["term_counts"]
    target = data_dir / res.path
    elsewhere = [p for p in blocking(problems) if Path(p.file).name != target.name]
    if elsewhere:
        raise DataValidationError(elsewhere)
    tables = {n: checked[n].frame for n in ("articles", "governance_terms")}
    fresh = recount_term_counts(tables, sources_dir)
    with atomic_file(target) as tmp:
        fresh.select(res.field_names).write_csv(tmp)
    return target, fresh.height
