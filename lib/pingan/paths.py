"""Where the data and the source articles are."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_data_dir", "default_sources_dir", "display_path"]

REPO = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    """``$PINGAN_DATA`` if set, else the repository's ``data/`` folder."""
    return Path(os.environ.get("PINGAN_DATA") or REPO / "data")


def default_sources_dir() -> Path:
    """``$PINGAN_SOURCES`` if set, else ``../shared/sources`` beside the repository."""
    return Path(os.environ.get("PINGAN_SOURCES") or REPO.parent / "shared" / "sources")


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
