"""One settings object: where the data, the source articles and the cache are, and whether
the source articles must be present.

The defaults are found, not keyed on the environment the code runs in:

- ``data_dir``: the repository's ``data/`` when the package runs from a checkout, else the copy
  installed with the package (``pingan/data`` inside the wheel);
- ``sources_dir``: ``../shared/sources`` beside the checkout (or beside the working directory,
  for an installed package);
- ``cache_dir``: ``.cache/pingan/`` in a writable checkout (git-ignored), else the user's cache
  folder (``$XDG_CACHE_HOME`` or ``~/.cache``);
- ``require_sources``: False, so a reader without the article texts can still load the tables
  (their quotes were checked when the data were curated); the test configuration and
  ``pingan validate --require-sources`` set it.

A user changes them with :func:`configure` (``pingan.configure(sources_dir="…")``) or, for the
three folders, with ``$PINGAN_DATA``, ``$PINGAN_SOURCES`` and ``$PINGAN_CACHE_DIR``: the user's
own choice, read when a setting is not configured.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

__all__ = ["Settings", "configure", "current_settings", "default_data_dir", "default_sources_dir", "cache_dir",
           "display_path", "in_checkout", "DataNotFoundError", "REPO"]

PACKAGE = Path(__file__).resolve().parents[1]  # lib/pingan in a checkout; site-packages/pingan when installed
REPO = PACKAGE.parents[1]  # the repository, when the package runs from a checkout (lib/pingan)
PACKAGED_DATA = PACKAGE / "data"  # the copy of data/ a wheel carries


class DataNotFoundError(FileNotFoundError):
    """No data package where pingan looks for one."""


@dataclass(frozen=True)
class Settings:
    """What the workbook reads from and writes to. ``None`` means "find the default"."""
    data_dir: Path | None = None
    sources_dir: Path | None = None
    cache_dir: Path | None = None
    require_sources: bool = False


_current = Settings()


def configure(**changes) -> Settings:
    """Change the settings for this process and return the previous ones (so that a caller can
    put them back: ``old = configure(sources_dir=p); …; configure(**vars(old))``).

    Unknown names raise TypeError; folders are stored as ``Path``; ``None`` restores a default."""
    global _current
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise TypeError(f"unknown setting(s) {', '.join(unknown)}; the settings are: {', '.join(sorted(known))}")
    for key in ("data_dir", "sources_dir", "cache_dir"):
        if changes.get(key) is not None:
            changes[key] = Path(changes[key])
    if "require_sources" in changes:
        changes["require_sources"] = bool(changes["require_sources"])
    previous, _current = _current, replace(_current, **changes)
    return previous


def current_settings() -> Settings:
    """The settings in force, as configured (``None`` where the default is found)."""
    return _current


def in_checkout() -> bool:
    """Whether the package runs from a clone of the repository (lib/pingan beside data/)."""
    return (PACKAGE.parent.name == "lib" and (REPO / "pyproject.toml").is_file()
            and (REPO / "data" / "datapackage.json").is_file())


def default_data_dir() -> Path:
    """Where the data package is: the configured ``data_dir``; else ``$PINGAN_DATA``, if set (used
    as given: a wrong path is reported, not skipped); else the repository's ``data/`` in a
    checkout; else the copy installed with the package.

    Raises ``DataNotFoundError`` naming every place looked when none holds a datapackage.json.
    """
    if _current.data_dir is not None:
        return _current.data_dir
    env = os.environ.get("PINGAN_DATA")
    if env:
        return Path(env)
    if in_checkout():
        return REPO / "data"
    if (PACKAGED_DATA / "datapackage.json").is_file():
        return PACKAGED_DATA
    raise DataNotFoundError(
        "no data package found; looked in: the configured data_dir (not set), $PINGAN_DATA (not set), "
        f"{REPO / 'data'} (the repository's data/, for a checkout), "
        f"{PACKAGED_DATA} (the copy installed with the package). "
        "Call pingan.configure(data_dir=…) or set PINGAN_DATA to the folder that holds datapackage.json.")


def default_sources_dir() -> Path:
    """The configured ``sources_dir``; else ``$PINGAN_SOURCES``; else ``../shared/sources`` beside
    the checkout (for an installed package: beside the working directory)."""
    if _current.sources_dir is not None:
        return _current.sources_dir
    env = os.environ.get("PINGAN_SOURCES")
    if env:
        return Path(env)
    base = REPO if in_checkout() else Path.cwd()
    return base.parent / "shared" / "sources"


def sources_dir_origin() -> str:
    """Where :func:`default_sources_dir` took its answer from, in words (for error messages)."""
    if _current.sources_dir is not None:
        return "the configured sources_dir"
    if os.environ.get("PINGAN_SOURCES"):
        return "$PINGAN_SOURCES"
    return "../shared/sources beside the " + ("repository" if in_checkout() else "working directory") + \
        "; $PINGAN_SOURCES is not set"


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cache_dir() -> Path:
    """Where the workbook caches what it can recompute (validated tables, chart fallbacks): the
    configured ``cache_dir``; else ``$PINGAN_CACHE_DIR``; else ``.cache/pingan/`` in a writable
    checkout (git-ignored); else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if _current.cache_dir is not None:
        return _current.cache_dir
    if os.environ.get("PINGAN_CACHE_DIR"):
        return Path(os.environ["PINGAN_CACHE_DIR"])
    if in_checkout() and (REPO / ".git").exists() and os.access(REPO, os.W_OK):
        return REPO / ".cache" / "pingan"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "pingan"
