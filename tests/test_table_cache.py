"""The on-disk cache of validated tables: used when nothing changed, never for other data."""
from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import pingan
from pingan.package import _cache as table_cache, _loading as loading


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("PINGAN_CACHE_DIR", str(d))
    loading._cache.clear()  # the in-process cache would hide the on-disk one
    yield d / "tables"
    loading._cache.clear()


def _fresh_load(pkg, sources_dir):
    loading._cache.clear()
    return pingan.load_all(pkg, sources_dir)


def test_validated_tables_are_cached_and_read_back_equal(cache, package_copy, sources_dir):
    first = _fresh_load(package_copy, sources_dir)
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1
    second = _fresh_load(package_copy, sources_dir)
    assert list(second) == list(first)
    for name in first:
        assert_frame_equal(second[name], first[name])  # dtypes too: Enum, Date


def test_a_cache_hit_skips_validation(cache, package_copy, sources_dir, monkeypatch):
    _fresh_load(package_copy, sources_dir)

    def fail(*_a, **_k):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(loading, "check_package", fail)
    assert _fresh_load(package_copy, sources_dir)["statistics"].height > 0


def test_an_edit_misses_the_cache_and_its_problem_is_reported(cache, package_copy, sources_dir):
    _fresh_load(package_copy, sources_dir)
    stats = package_copy / "statistics.csv"
    stats.write_text(stats.read_text(encoding="utf-8").replace(",exact,", ",exactly,", 1), encoding="utf-8")
    with pytest.raises(pingan.DataValidationError, match=r"statistics\.csv:\d+: qualifier"):
        _fresh_load(package_copy, sources_dir)
    assert len(list(cache.glob("*.pickle"))) == 1  # data with problems is never cached


def test_the_key_covers_data_sources_code_and_the_ci_flag(package_copy, sources_dir, tmp_path):
    key = table_cache.content_key(package_copy, sources_dir, False)
    assert table_cache.content_key(package_copy, sources_dir, True) != key
    other_sources = tmp_path / "sources"
    other_sources.mkdir()
    for f in sources_dir.glob("*.txt"):
        (other_sources / f.name).write_bytes(f.read_bytes())
    assert table_cache.content_key(package_copy, other_sources, False) == key
    next(other_sources.glob("*.txt")).write_text("changed", encoding="utf-8")
    assert table_cache.content_key(package_copy, other_sources, False) != key
    (package_copy / "glossary.csv").write_text("changed", encoding="utf-8")
    assert table_cache.content_key(package_copy, sources_dir, False) != key


def test_a_damaged_entry_is_ignored(cache, package_copy, sources_dir):
    first = _fresh_load(package_copy, sources_dir)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    again = _fresh_load(package_copy, sources_dir)
    assert_frame_equal(again["practices"], first["practices"])
    assert table_cache.read_cached_tables(entry.stem) is not None  # rewritten after validating


def test_an_entry_that_is_not_tables_is_ignored(cache):
    cache.mkdir(parents=True)
    import pickle
    (cache / "k.pickle").write_bytes(pickle.dumps({"statistics": [1, 2]}))
    assert table_cache.read_cached_tables("k") is None
    table_cache.write_cached_tables("k", {"t": pl.DataFrame({"a": [1]})})
    assert table_cache.read_cached_tables("k")["t"].height == 1
