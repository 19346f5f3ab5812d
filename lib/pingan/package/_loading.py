"""``load`` and ``load_all``: the curated tables as validated polars DataFrames."""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pingan.base._settings import current_settings, default_data_dir, default_sources_dir
from pingan.base._problems import DataValidationError, Problem
from pingan.package._validation import check_package
from pingan.package.checks import blocking

__all__ = ["load", "load_all", "validate", "TABLES"]

TABLES = ("articles", "places", "indicators", "statistics", "exclusions", "consistency_checks", "practices",
          "practice_links", "practice_places", "diffusion_events", "references", "double_coding", "article_sections", "practice_sections",
          "statistic_sections", "glossary", "families", "signature_exceptions", "timeline", "population", "governance_terms", "term_counts")
_cache: dict[tuple, dict[str, pl.DataFrame]] = {}


def validate(data_dir: str | Path | None = None, sources_dir: str | Path | None = None,
             require_sources: bool | None = None) -> list[Problem]:
    """Every problem in the data package, as ``Problem(file, line, column, message)``.

    Quotes are checked against the source articles when they can be found; with
    ``require_sources=True`` (default: the setting of that name, see ``pingan.configure``)
    missing articles are a problem. Gaps in the curation of an article (no statistic yet, too
    few links, not double-coded …: ``pingan.package.checks.GAPS``) are problems too, though
    ``load_all`` still loads the tables.
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    sources_dir = Path(sources_dir) if sources_dir else default_sources_dir()
    if require_sources is None:
        require_sources = current_settings().require_sources
    return check_package(data_dir, sources_dir, require_sources)[1]


def _signature(data_dir: Path, sources_dir: Path) -> tuple:
    files = sorted(data_dir.glob("*.csv")) + [data_dir / "datapackage.json"]
    return (str(data_dir.resolve()), str(sources_dir.resolve()),
            tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists()))


def load_all(data_dir: str | Path | None = None, sources_dir: str | Path | None = None
             ) -> dict[str, pl.DataFrame]:
    """Every table by name, validated; raises ``DataValidationError`` listing every problem
    (but for gaps in the curation, which ``validate`` reports and loading allows, so that a newly
    added article's notebook runs before it is curated).

    Tables are read and checked once per process and served from memory after that
    (re-read when a file changes). Across processes, tables that passed are kept on disk under
    a digest of everything that decides them (``pingan.package._cache``), so a fresh process
    with unchanged data, sources and code reads them back instead of validating again.
    """
    from pingan.package._cache import content_key, read_cached_tables, write_cached_tables
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    sources_dir = Path(sources_dir) if sources_dir else default_sources_dir()
    key = _signature(data_dir, sources_dir)
    if key not in _cache:
        require = current_settings().require_sources
        digest = content_key(data_dir, sources_dir, require)
        frames = read_cached_tables(digest)
        if frames is None:
            tables, problems = check_package(data_dir, sources_dir, require)
            problems = blocking(problems)
            if problems:
                raise DataValidationError(problems)
            frames = {name: t.frame for name, t in tables.items()}
            write_cached_tables(digest, frames)
        _cache.clear()
        _cache[key] = frames
    return dict(_cache[key])


def load(name: str, data_dir: str | Path | None = None, sources_dir: str | Path | None = None
         ) -> pl.DataFrame:
    """One table, e.g. ``load("statistics")``, validated with the whole package."""
    tables = load_all(data_dir, sources_dir)
    if name not in tables:
        raise KeyError(f"no table {name!r}; the tables are: {', '.join(tables)}")
    return tables[name]
