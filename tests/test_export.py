"""Exports: every table as CSV and Parquet, written atomically."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import pingan
from pingan.workbench import _export as export_mod
from pingan.base._atomic import atomic_directory, atomic_file, atomic_write_text


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _other_local_files(data_dir: Path) -> list[str]:
    """Local files of the package's non-table resources (e.g. the map's GeoJSON)."""
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return [r["path"] for r in pkg["resources"] if "schema" not in r and "://" not in r["path"]]


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".")]


def test_round_trip(tmp_path, data_dir):
    out = tmp_path / "export"
    files = pingan.workbench._export.export_tables(out, data_dir=data_dir)
    tables = pingan.load_all(data_dir)
    assert sorted(str(p.relative_to(out)) for p in files) == sorted(
        [f"{n}.csv" for n in tables] + [f"{n}.parquet" for n in tables] + ["datapackage.json"]
        + _other_local_files(data_dir))
    assert _files(out) == sorted(str(p.relative_to(out)) for p in files)
    for name, df in tables.items():
        back = pl.read_parquet(out / f"{name}.parquet")
        assert back.schema == df.schema, name  # pl.Enum (same categories) and pl.Date survive
        assert back.equals(df), name
        raw = (out / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")
        csv_back = pl.read_csv(out / f"{name}.csv", schema=df.schema)
        assert csv_back.height == df.height and csv_back.equals(df), name
    assert (out / "datapackage.json").read_bytes() == (data_dir / "datapackage.json").read_bytes()
    for extra in _other_local_files(data_dir):
        assert (out / extra).read_bytes() == (data_dir / extra).read_bytes()
    assert _leftovers(tmp_path) == []


def test_exported_csv_is_a_valid_package(tmp_path, data_dir):
    """The CSVs and the datapackage.json copy pass pingan's own validator."""
    out = tmp_path / "export"
    pingan.workbench._export.export_tables(out, formats=("csv",), data_dir=data_dir)
    assert sorted(f for f in _files(out) if f.endswith(".csv")) == sorted(f"{n}.csv" for n in pingan.TABLES)
    pkg = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    local = [r["path"] for r in pkg["resources"] if "://" not in r["path"]]
    assert all((out / path).is_file() for path in local)  # every path the copy lists resolves
    assert pingan.validate(out, require_sources=False) == []


def test_reexport_replaces_the_previous_one(tmp_path, data_dir):
    out = tmp_path / "export"
    pingan.workbench._export.export_tables(out, data_dir=data_dir)
    (out / "stale.txt").write_text("from an older export")
    pingan.workbench._export.export_tables(out, formats=["parquet"], data_dir=data_dir)
    names = set(_files(out))
    assert "stale.txt" not in names and not any(n.endswith(".csv") for n in names)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_interrupted_export_leaves_the_previous_one_intact(tmp_path, data_dir, monkeypatch, error):
    out = tmp_path / "export"
    pingan.workbench._export.export_tables(out, data_dir=data_dir)
    before = _snapshot(out)
    calls = []

    def failing_parquet(df, path):  # writes a few tables, then fails half-way
        calls.append(path)
        if len(calls) == 4:
            path.write_bytes(b"half a file")
            raise error
        df.write_parquet(path)

    monkeypatch.setattr(export_mod, "_write_parquet", failing_parquet)
    with pytest.raises(type(error)):
        pingan.workbench._export.export_tables(out, data_dir=data_dir)
    assert len(calls) == 4
    assert _snapshot(out) == before  # byte-identical, nothing added or removed
    assert _leftovers(tmp_path) == []  # no temporary folder left behind


def test_failed_first_export_leaves_nothing(tmp_path, data_dir, monkeypatch):
    def boom(df, path):
        raise RuntimeError("boom")

    monkeypatch.setattr(export_mod, "_write_csv", boom)
    with pytest.raises(RuntimeError):
        pingan.workbench._export.export_tables(tmp_path / "export", data_dir=data_dir)
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_replace_a_folder_that_is_not_an_export(tmp_path, data_dir):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.md").write_text("do not delete")
    with pytest.raises(FileExistsError, match="not a previous export"):
        pingan.workbench._export.export_tables(precious, data_dir=data_dir)
    assert (precious / "thesis.md").read_text() == "do not delete"
    with pytest.raises(ValueError, match="data folder itself"):
        pingan.workbench._export.export_tables(data_dir, data_dir=data_dir)
    with pytest.raises(ValueError, match="formats"):
        pingan.workbench._export.export_tables(tmp_path / "x", formats=("xlsx",), data_dir=data_dir)


def test_invalid_data_are_not_exported(tmp_path, package_copy):
    p = package_copy / "glossary.csv"
    text = p.read_text(encoding="utf-8")
    p.write_text(text + text.splitlines(keepends=True)[1], encoding="utf-8")  # a duplicate key
    with pytest.raises(pingan.DataValidationError):
        pingan.workbench._export.export_tables(tmp_path / "export", data_dir=package_copy)
    assert not (tmp_path / "export").exists()


def test_cli_export(tmp_path, data_dir):
    out = tmp_path / "export"
    run = subprocess.run([sys.executable, "-m", "pingan", "export", str(out), "--format", "csv",
                          "--data-dir", str(data_dir)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert _files(out) == sorted([f"{n}.csv" for n in pingan.TABLES] + ["datapackage.json"]
                                 + _other_local_files(data_dir))
    json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    refused = subprocess.run([sys.executable, "-m", "pingan", "export", str(tmp_path)],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "refusing" in refused.stderr


def test_atomic_file(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write_text(target, "old")
    target.chmod(0o640)
    with pytest.raises(ValueError):
        with atomic_file(target) as tmp:
            tmp.write_text("new, half")
            raise ValueError
    assert target.read_text() == "old" and sorted(tmp_path.iterdir()) == [target]
    atomic_write_text(target, "新")
    assert target.read_text(encoding="utf-8") == "新"
    assert target.stat().st_mode & 0o777 == 0o640  # keeps the file's permissions


def test_a_cache_write_skips_the_fsyncs_but_stays_atomic(tmp_path, monkeypatch):
    """``durable=False`` (the table and image caches) renames without fsync; a failure still
    leaves the old file and no temporary one."""
    from pingan.base import _atomic as atomic
    synced = []
    monkeypatch.setattr(atomic, "_fsync_file", lambda p: synced.append(p))
    monkeypatch.setattr(atomic, "_fsync_dir", lambda p: synced.append(p))
    target = tmp_path / "cache" / "k.bin"
    atomic.atomic_write_bytes(target, b"old", durable=False)
    assert synced == [] and target.read_bytes() == b"old"
    with pytest.raises(RuntimeError):
        with atomic.atomic_file(target, durable=False) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError
    assert target.read_bytes() == b"old" and sorted(p.name for p in target.parent.iterdir()) == ["k.bin"]
    atomic.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and len(synced) == 2  # the durable default syncs file and folder


def test_atomic_directory(tmp_path):
    target = tmp_path / "d"
    with atomic_directory(target) as tmp:
        (tmp / "x").write_text("1")
    assert _snapshot(target) == {"x": b"1"}
    with pytest.raises(KeyboardInterrupt):
        with atomic_directory(target) as tmp:
            (tmp / "y").write_text("2")
            raise KeyboardInterrupt
    assert _snapshot(target) == {"x": b"1"} and _leftovers(tmp_path) == []
    with atomic_directory(target) as tmp:
        (tmp / "sub").mkdir()
        (tmp / "sub" / "z").write_text("3")
    assert _snapshot(target) == {"sub/z": b"3"} and _leftovers(tmp_path) == []
    (tmp_path / "f").write_text("")
    with pytest.raises(NotADirectoryError):
        with atomic_directory(tmp_path / "f"):
            pass


def test_atomic_directory_without_an_atomic_exchange(tmp_path, monkeypatch):
    """Where renameat2 cannot swap, the old folder is renamed aside and put back on failure."""
    from pingan.base import _atomic as atomic
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    target = tmp_path / "d"
    for content in ("1", "2"):
        with atomic_directory(target) as tmp:
            (tmp / "x").write_text(content)
        assert _snapshot(target) == {"x": content.encode()} and _leftovers(tmp_path) == []
    real_replace = atomic.os.replace

    def replace(src, dst):  # the new folder cannot be moved into place
        if str(src).endswith(".tmp"):
            raise OSError("rename failed")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError, match="rename failed"):
        with atomic_directory(target) as tmp:
            (tmp / "x").write_text("3")
    assert _snapshot(target) == {"x": b"2"} and _leftovers(tmp_path) == []
