"""The validated tables, cached on disk by the content of everything that decides them.

Validating the package (types, keys, quotes against the articles, checks on meaning) is most
of what ``load_all`` costs in a fresh process. The tables it returns depend only on the data
folder's files, the source articles, the package's own code and the polars version, so
they are stored in one file, ``cache_dir()/tables/<key>.pickle`` (polars frames pickle as
Arrow IPC; one file reads several times faster than one IPC file per table), once they pass,
and a later process with the same inputs reads them back instead of validating again. Like
Python's own ``__pycache__``, the cache is the user's own folder and trusted as such. Any change
to any of those inputs gives another key: a cache entry is never used for data it was not
made from, and data with problems is never cached (``load_all`` raises as before).
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import polars as pl

from pingan.base._atomic import atomic_write_bytes
from pingan.base._settings import PACKAGE, cache_dir

__all__ = ["content_key", "read_cached_tables", "write_cached_tables"]

def _hash_tree(h, root: Path, pattern: str) -> None:
    if not root.is_dir():
        h.update(f"|missing {root}".encode())
        return
    for f in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        h.update(f"|{f.relative_to(root).as_posix()}|".encode())
        h.update(f.read_bytes())


def content_key(data_dir: Path, sources_dir: Path, require_sources: bool) -> str:
    """A digest of the data folder, the source articles, pingan's code, polars' version and
    whether missing sources are a problem."""
    h = hashlib.sha256(f"polars {pl.__version__}|require_sources {require_sources}".encode())
    _hash_tree(h, Path(data_dir), "*")
    _hash_tree(h, Path(sources_dir), "*.txt")
    _hash_tree(h, PACKAGE, "*.py")
    return h.hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / "tables" / f"{key}.pickle"


def read_cached_tables(key: str) -> dict[str, pl.DataFrame] | None:
    """The tables stored under ``key``, or None when there is no readable entry."""
    try:
        with open(_entry(key), "rb") as f:
            tables = pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, partial or unreadable: validate instead
        return None
    if not (isinstance(tables, dict) and all(isinstance(t, pl.DataFrame) for t in tables.values())):
        return None
    return tables


def write_cached_tables(key: str, tables: dict[str, pl.DataFrame]) -> None:
    """Store validated tables under ``key`` (atomically); a cache that cannot be written only
    costs time."""
    try:
        atomic_write_bytes(_entry(key), pickle.dumps(dict(tables), protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except (OSError, pickle.PicklingError):
        pass
