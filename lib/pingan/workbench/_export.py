"""Export every table as CSV and Parquet, atomically: ``export_tables("export/")``.

The export folder gets one file per table and format (``statistics.csv``,
``statistics.parquet`` …) and a copy of ``datapackage.json``. It is built in a temporary
folder beside the target and swapped into place only once complete, so a failure half-way
(an exception, Ctrl-C) leaves the previous export exactly as it was.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path, PurePosixPath

import polars as pl

from pingan.base._atomic import atomic_directory
from pingan.package._contract import read_contract
from pingan.package._loading import load_all
from pingan.base._settings import default_data_dir

__all__ = ["export_tables", "FORMATS"]

FORMATS = ("csv", "parquet")


def _write_csv(df: pl.DataFrame, path: Path) -> None:
    # UTF-8 without a BOM; enums as their labels, dates as YYYY-MM-DD, nulls as empty cells
    df.write_csv(path)


def _write_parquet(df: pl.DataFrame, path: Path) -> None:
    # keeps the polars dtypes: pl.Enum (with its categories in order) and pl.Date
    df.write_parquet(path)


def _other_local_files(data_dir: Path, tables: set[str]) -> list[str]:
    """Files of the package's non-table resources (the map's GeoJSON …), so that every
    local path in the copied datapackage.json resolves in the export too."""
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    out = []
    for r in package.get("resources", []):
        path = r.get("path")
        if r.get("name") in tables or not isinstance(path, str) or "://" in path:
            continue
        rel = PurePosixPath(path)
        if not rel.is_absolute() and ".." not in rel.parts and (data_dir / rel).is_file():
            out.append(str(rel))
    return out


def export_tables(out_dir: str | os.PathLike, formats: tuple[str, ...] | list[str] = FORMATS,
                  data_dir: str | os.PathLike | None = None) -> list[Path]:
    """Write every table of ``load_all(data_dir)`` to ``out_dir`` in each of ``formats``
    ("csv", "parquet") with a copy of datapackage.json (and of the package's other local
    files, such as the map's GeoJSON, which it lists); returns the files written.

    ``out_dir`` is replaced as a whole. It must be missing, empty, or a previous export
    (a folder holding a datapackage.json); anything else is refused rather than replaced.
    """
    formats = tuple(dict.fromkeys(formats))  # in order, once each
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"formats must be some of {', '.join(FORMATS)}; got {list(formats) or 'none'}")
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    out_dir = Path(out_dir)
    if out_dir.resolve() == data_dir.resolve():
        raise ValueError(f"{out_dir} is the data folder itself; export somewhere else")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / "datapackage.json").is_file():
        raise FileExistsError(f"{out_dir} is not empty and holds no datapackage.json, so it is not a "
                              "previous export; refusing to replace it")
    tables = load_all(data_dir)  # validated: raises DataValidationError rather than export bad data
    contract = read_contract(data_dir)
    writers = {"csv": _write_csv, "parquet": _write_parquet}  # looked up at call time (tests patch them)
    written: list[str] = []
    with atomic_directory(out_dir) as tmp:
        for name, df in tables.items():
            csv_name = Path(contract[name].path).name if name in contract else f"{name}.csv"
            for fmt in formats:
                file = csv_name if fmt == "csv" else Path(csv_name).with_suffix(f".{fmt}").name
                writers[fmt](df, tmp / file)
                written.append(file)
        shutil.copyfile(data_dir / "datapackage.json", tmp / "datapackage.json")
        written.append("datapackage.json")
        for extra in _other_local_files(data_dir, set(contract)):
            (tmp / extra).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(data_dir / extra, tmp / extra)
            written.append(extra)
    return [out_dir / f for f in written]
