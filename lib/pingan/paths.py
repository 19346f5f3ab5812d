"""Where the data and the source articles are."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir", "default_data_dir", "default_sources_dir", "display_path", "in_checkout", "DataNotFoundError"]

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parents[1]  # the repository, when the package runs from a checkout (lib/pingan)
PACKAGED_DATA = PACKAGE / "data"  # the copy of data/ a wheel carries


class DataNotFoundError(FileNotFoundError):
    """No data package where pingan looks for one."""


def in_checkout() -> bool:
    """Whether the package runs from a clone of the repository (lib/pingan beside data/)."""
    return (REPO / "pyproject.toml").is_file() and (REPO / "data" / "datapackage.json").is_file()


def default_data_dir() -> Path:
    """Where the data package is, looked for in this order:

    1. ``$PINGAN_DATA``, if set (used as given: a wrong path is reported, not skipped);
    2. the repository's ``data/`` folder, when the package runs from a checkout;
    3. the copy installed with the package (``pingan/data`` inside the wheel).

    Raises ``DataNotFoundError`` naming every place looked when none holds a datapackage.json.
    """
    env = os.environ.get("PINGAN_DATA")
    if env:
        return Path(env)
    if in_checkout():
        return REPO / "data"
    if (PACKAGED_DATA / "datapackage.json").is_file():
        return PACKAGED_DATA
    raise DataNotFoundError(
        "no data package found; looked in: $PINGAN_DATA (not set), "
        f"{REPO / 'data'} (the repository's data/, for a checkout), "
        f"{PACKAGED_DATA} (the copy installed with the package). "
        "Set PINGAN_DATA or pass data_dir= to the folder that holds datapackage.json.")


def default_sources_dir() -> Path:
    """``$PINGAN_SOURCES`` if set, else ``../shared/sources`` beside the repository."""
    return Path(os.environ.get("PINGAN_SOURCES") or REPO.parent / "shared" / "sources")


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cache_dir() -> Path:
    """Where the workbook caches what it can recompute (validated tables, chart fallbacks):
    ``$PINGAN_CACHE_DIR`` if set, else ``.cache/pingan/`` in a writable source checkout
    (git-ignored), else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if os.environ.get("PINGAN_CACHE_DIR"):
        return Path(os.environ["PINGAN_CACHE_DIR"])
    if (REPO / ".git").exists() and os.access(REPO, os.W_OK):
        return REPO / ".cache" / "pingan"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "pingan"
