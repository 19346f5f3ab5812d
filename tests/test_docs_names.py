"""What the documentation names exists: every ``pingan.…`` name in the docs, the README and the
package's docstrings resolves, and every relative link in the Markdown files points at a file
or folder of the repository. A newcomer's first example should not raise AttributeError."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"(?<![\w/.])pingan(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
MARKDOWN = sorted([*ROOT.glob("*.md"), *(ROOT / "docs").glob("*.md"), *(ROOT / "jupyter").glob("*.md")])
TEXTS = [p for p in MARKDOWN if p.name != "CHANGELOG.md"] + sorted((ROOT / "lib" / "pingan").rglob("*.py"))
# the changelog names what each release had: a name renamed since stays there as history


def resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_the_resolver_tells_a_real_name_from_a_stale_one():
    assert resolves("pingan.charts.border_map") and resolves("pingan.package._cache")
    assert not resolves("pingan.border_map") and not resolves("pingan.figures")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_pingan_name_in_the_text_exists(path):
    stale = [f"{n}: {m.group(0)}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for m in NAME.finditer(line) if not resolves(m.group(0).rstrip("."))]
    assert not stale, f"{path.name} names what does not exist: {stale}"


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file(path):
    broken = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for target in LINK.findall(line):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            if not (path.parent / target.split("#")[0]).exists():
                broken.append(f"{n}: {target}")
    assert not broken, f"{path.name} links to what is not there: {broken}"
