"""What every notebook holds to: numbers in prose are computed, and each article's notebook
tells its own story rather than a shared template's."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import nbformat
import pytest

import pingan
from pingan.workbench._new_article import notebook_stem

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CODE_SPAN = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
QUOTED_NAME = re.compile(r"\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”")  # programme names such as "8890" or “141”


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def typed_numbers(markdown: str, *, first_cell: bool) -> list[str]:
    """Digits a Markdown cell types into its prose: everything but the notebook's H1 title
    (which may name the article's year), code spans, link targets and quoted names."""
    lines = markdown.splitlines()
    if first_cell and lines and lines[0].startswith("# "):
        lines = lines[1:]
    prose = QUOTED_NAME.sub("", LINK_TARGET.sub("]", CODE_SPAN.sub("", "\n".join(lines))))
    return re.findall(r"\S*\d\S*", prose)


def test_typed_number_detector_finds_typed_numbers_and_spares_names():
    assert typed_numbers("Thefts fell 78.7% in Quzhou.", first_cell=False) == ["78.7%"]
    assert typed_numbers("# Jinhua, 2017\nThe \"8890\" hotline and `06_comparison`.", first_cell=True) == []
    assert typed_numbers("# Jinhua, 2017", first_cell=False) == ["2017"]


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_numbers_in_prose_are_computed_not_typed(path):
    nb = nbformat.read(path, 4)
    typed = {i: found for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"
             and (found := typed_numbers(cell.source, first_cell=i == 0))}
    assert typed == {}, f"{path.name}: numbers typed into Markdown cells (compute them in a code cell): {typed}"


def _code_cells(path: Path) -> set[str]:
    return {" ".join(c.source.split()) for c in nbformat.read(path, 4).cells
            if c.cell_type == "code" and c.source.strip()}


def _article_notebooks() -> dict[str, Path]:
    found = {}
    for aid in pingan.load("articles")["article_id"]:
        paths = list(NOTEBOOKS.glob(f"[0-9][0-9]_{notebook_stem(aid)}.ipynb"))
        if paths:
            found[aid] = paths[0]
    return found


def shared_share(a: set[str], b: set[str]) -> float:
    """The larger of the shares of either notebook's code cells that the other repeats."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return max(common / len(a), common / len(b))


def test_shared_share_counts_repeated_cells():
    assert shared_share({"x = 1", "y = 2"}, {"x = 1", "z = 3", "w = 4"}) == 0.5
    assert shared_share({"x = 1"}, {"x = 1"}) == 1.0


def test_no_two_article_notebooks_share_more_than_half_their_code_cells():
    notebooks = _article_notebooks()
    assert len(notebooks) >= 2
    cells = {aid: _code_cells(p) for aid, p in notebooks.items()}
    too_alike = {(a, b): round(shared_share(cells[a], cells[b]), 2)
                 for a, b in itertools.combinations(sorted(cells), 2)
                 if shared_share(cells[a], cells[b]) > 0.5}
    assert too_alike == {}, f"article notebooks that repeat more than half of their code cells: {too_alike}"


def test_no_script_writes_the_notebooks():
    """The notebooks are the files people edit. No tool generates them; in the library only
    the executor (`pingan.workbench.notebook_run`: outputs from a run) and `pingan add-article` (a new
    notebook from the starter, never over an existing one) write notebooks."""
    root = NOTEBOOKS.parent
    assert [p.name for p in root.glob("tools/*.py") if "ipynb" in p.read_text(encoding="utf-8")] == []
    writers = {p.name for p in root.glob("lib/pingan/**/*.py")
               if re.search(r"nbformat\.write|\.ipynb", p.read_text(encoding="utf-8"))
               and re.search(r"nbformat\.write|write_text\(json\.dumps\(nb", p.read_text(encoding="utf-8"))}
    assert writers <= {"notebook_run.py", "_new_article.py"}, writers


def _prose(path: Path) -> list[str]:
    """Every piece of prose a reader sees: Markdown cells and Markdown outputs, code spans removed."""
    texts = []
    for cell in nbformat.read(path, 4).cells:
        if cell.cell_type == "markdown":
            texts.append(cell.source)
        for out in cell.get("outputs", []):
            md = out.get("data", {}).get("text/markdown")
            if md:
                texts.append(md if isinstance(md, str) else "".join(md))
    return [CODE_SPAN.sub("", t) for t in texts]


def raw_ids(text: str, article_ids: list[str]) -> list[str]:
    """Identifiers a reader should never have to decode: snake_case slugs, article and stat ids."""
    ids = "|".join(re.escape(a) for a in article_ids)
    return re.findall(rf"\b[a-z]+_[a-z_]+\b|\b(?:{ids})(?:-\d{{3}})?\b", text)


def test_raw_id_detector():
    assert raw_ids("thefts (robberies_snatchings) in quzhou-2024-007", ["quzhou-2024"]) == \
        ["robberies_snatchings", "quzhou-2024-007"]
    assert raw_ids("Quzhou 2024: mass-prevention teams", ["quzhou-2024"]) == []


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_prose_never_shows_raw_ids(path):
    article_ids = pingan.load("articles")["article_id"].to_list()
    found = sorted({i for t in _prose(path) for i in raw_ids(t, article_ids)})
    assert found == [], f"{path.name}: raw ids in prose (use names, or put code in `code spans`): {found}"
