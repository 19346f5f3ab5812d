"""CITATION.cff: a valid Citation File Format 1.2.0 file whose version is the package's, and
a CHANGELOG.md entry for that release that links the corrections log."""
from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
UV = ROOT / ".venv-tools" / "bin" / "uv"


def test_citation_file_has_the_required_keys():
    for key in ("cff-version", "message", "title", "authors", "version", "date-released", "license", "type"):
        assert CFF.get(key), f"CITATION.cff lacks {key}"
    assert CFF["cff-version"] == "1.2.0"
    assert all("name" in a or "family-names" in a for a in CFF["authors"])
    assert CFF["type"] in ("software", "dataset")


def test_citation_file_names_this_release():
    assert str(CFF["version"]) == VERSION, f"CITATION.cff says {CFF['version']}, pyproject.toml {VERSION}"
    released = CFF["date-released"]
    released = released if isinstance(released, datetime.date) else datetime.date.fromisoformat(released)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(VERSION)}\]? — {released.isoformat()}", changelog, re.MULTILINE), \
        f"CHANGELOG.md has no '## {VERSION} — {released}' heading"
    assert "docs/corrections.md" in changelog


def test_citation_file_validates_with_cffconvert(tmp_path):
    """cffconvert --validate, from uv's cache (offline); skipped when the cache lacks it. By
    hand: `.venv-tools/bin/uv run --no-project --with cffconvert cffconvert --validate`."""
    if not UV.exists():
        pytest.skip("no uv in .venv-tools (python3 run.py installs it)")
    out = subprocess.run([str(UV), "run", "--offline", "--no-project", "--with", "cffconvert", "cffconvert",
                          "--validate", "-i", str(ROOT / "CITATION.cff")], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    if out.returncode and ("not found in the cache" in out.stderr or "network was disabled" in out.stderr):
        pytest.skip("cffconvert is not in uv's cache: run the command above once with the network")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "valid" in out.stdout
