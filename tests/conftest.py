"""Shared fixtures: where the data and the source articles are, and scratch copies to break."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pingan.paths import default_data_dir, default_sources_dir

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return default_data_dir()


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The source articles; skip without them, but fail under CI=true."""
    d = default_sources_dir()
    if not (d.is_dir() and any(d.glob("*.txt"))):
        msg = f"source articles not found at {d} (set PINGAN_SOURCES to point elsewhere)"
        if IN_CI:
            pytest.fail(msg + " — under CI=true a missing source is a failure")
        pytest.skip(msg)
    return d


@pytest.fixture
def package_copy(tmp_path, data_dir) -> Path:
    """A scratch copy of data/ that a test may break."""
    dst = tmp_path / "data"
    shutil.copytree(data_dir, dst)
    return dst
