"""Register a new article: its row in articles.csv, its text in the sources folder, and its
notebook, started from a template that runs before anything else is curated.

    pingan add-article --source ~/Downloads/hangzhou.txt --id hangzhou-2023 \\
        --title-zh "…" --title-en "…" --published 2023-05-04 --place-code 330100 --summary-en "…"

Nothing is written unless every check passes; nothing existing is overwritten.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from pingan.package._contract import read_contract
from pingan.base._settings import REPO, default_data_dir, default_sources_dir, in_checkout

__all__ = ["NewArticle", "AddedArticle", "add_article", "notebook_stem", "TEMPLATE"]

TEMPLATE = Path(__file__).resolve().parent / "templates" / "article_notebook.ipynb"
_PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class NewArticle:
    """The articles.csv row of a new article, from the command's arguments."""
    article_id: str
    title_zh: str
    title_en: str
    published: str
    place_code: str
    summary_en: str
    outlet: str = "not printed"
    authors: str = "not printed"
    date_basis: str = "printed"
    period_covered: str | None = None  # default: the year of publication

    def row(self, source_file: str) -> dict[str, str]:
        return {
            "article_id": self.article_id, "source_file": source_file, "title_zh": self.title_zh,
            "title_en": self.title_en, "outlet": self.outlet, "published": self.published,
            "date_basis": self.date_basis, "date_precision": _PRECISION.get(len(self.published), ""),
            "place_code": self.place_code, "authors": self.authors,
            "period_covered": self.period_covered or self.published[:4], "summary_en": self.summary_en,
        }


@dataclass(frozen=True)
class AddedArticle:
    row: dict[str, str]
    source: Path
    notebook: Path


def notebook_stem(article_id: str) -> str:
    """The part of a notebook's name after ``NN_``: the article id with underscores."""
    return article_id.replace("-", "_")


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _problems(article: NewArticle, row: dict[str, str], data_dir: Path, text: str | None,
              source: Path, target: Path, notebooks_dir: Path) -> list[str]:
    problems = []
    fields = read_contract(data_dir)["articles"].fields
    for f in fields:
        value = row.get(f.name, "")
        if f.required and not value:
            problems.append(f"{f.name}: required, but empty" + (
                f" ({article.published!r} is not YYYY, YYYY-MM or YYYY-MM-DD)" if f.name == "date_precision" else ""))
        elif value and f.pattern and not re.fullmatch(f.pattern, value):
            problems.append(f"{f.name}: {value!r} does not match the pattern {f.pattern} (see datapackage.json)")
        elif value and f.enum and value not in f.enum:
            problems.append(f"{f.name}: {value!r} is not one of: {', '.join(f.enum)}")
        if value != value.strip():
            problems.append(f"{f.name}: {value!r} has leading or trailing whitespace")
    _, articles = _read_csv(data_dir / "articles.csv")
    if any(a["article_id"] == article.article_id for a in articles):
        problems.append(f"article_id: {article.article_id!r} is already in {data_dir / 'articles.csv'}")
    if any(a["source_file"] == row["source_file"] for a in articles):
        problems.append(f"source_file: {row['source_file']!r} is already another article's text")
    _, places = _read_csv(data_dir / "places.csv")
    if not any(p["place_code"] == article.place_code for p in places):
        problems.append(f"place_code: {article.place_code!r} is not in {data_dir / 'places.csv'}; add the place first")
    if text is None:
        problems.append(f"--source: {source} is not a UTF-8 text file")
    elif not text.strip():
        problems.append(f"--source: {source} is empty")
    elif target.exists() and target.read_text(encoding="utf-8", errors="replace") != text:
        problems.append(f"--source: {target} exists with a different text; not overwritten")
    if not notebooks_dir.is_dir():
        problems.append(f"--notebooks-dir: {notebooks_dir} is not a folder")
    elif list(notebooks_dir.glob(f"[0-9][0-9]_{notebook_stem(article.article_id)}.ipynb")):
        problems.append(f"a notebook for {article.article_id!r} already exists in {notebooks_dir}")
    return problems


def _append_row(path: Path, header: list[str], row: dict[str, str]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([row[c] for c in header])
    existing = path.read_text(encoding="utf-8")
    with open(path, "a", encoding="utf-8", newline="") as f:
        f.write(("" if existing.endswith("\n") else "\n") + buf.getvalue())


def _add_package_source(data_dir: Path, row: dict[str, str], place_name: str) -> None:
    """List the article in datapackage.json's ``sources``, as the others are."""
    path = data_dir / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package.setdefault("sources", []).append({"title": f"{row['title_zh']} ({place_name}, {row['published'][:4]})"})
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_notebook(notebooks_dir: Path, article: NewArticle) -> Path:
    taken = [int(p.name[:2]) for p in notebooks_dir.glob("[0-9][0-9]_*.ipynb")]
    path = notebooks_dir / f"{max(taken, default=-1) + 1:02d}_{notebook_stem(article.article_id)}.ipynb"
    nb = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    values = {"article_id": article.article_id, "title_en": article.title_en, "title_zh": article.title_zh}
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        cell["source"] = text.splitlines(keepends=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _append_term_counts(data_dir: Path, article_id: str, text: str) -> None:
    """Count the key governance terms in the new article, so that term_counts.csv stays complete
    (the same count as `pingan terms --refresh`)."""
    from pingan.text._matching import squash_ws
    from pingan.text._matching import count_terms
    path = data_dir / "term_counts.csv"
    if not path.exists():
        return
    _, terms = _read_csv(data_dir / "governance_terms.csv")
    header, _ = _read_csv(path)
    counts = count_terms({article_id: squash_ws(text)}, [t["term_zh"] for t in terms])
    for r in counts.iter_rows(named=True):
        _append_row(path, header, {k: str(v) for k, v in r.items()})


def add_article(source: str | Path, article: NewArticle, data_dir: str | Path | None = None,
                sources_dir: str | Path | None = None, notebooks_dir: str | Path | None = None,
                source_file: str | None = None) -> AddedArticle:
    """Copy ``source`` into the sources folder (as ``<article_id>.txt`` unless ``source_file``
    names it), append the article's row to articles.csv, list it in datapackage.json's sources
    and create its notebook ``NN_<article_id>.ipynb`` from the starter template.

    Raises ``ValueError`` listing every problem, before writing anything."""
    source = Path(source)
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    sources_dir = Path(sources_dir) if sources_dir else default_sources_dir()
    if notebooks_dir is None:
        notebooks_dir = REPO / "notebooks" if in_checkout() else Path.cwd() / "notebooks"
    notebooks_dir = Path(notebooks_dir)
    source_file = source_file or f"{article.article_id}.txt"
    row = article.row(source_file)
    target = sources_dir / source_file
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None
    problems = _problems(article, row, data_dir, text, source, target, notebooks_dir)
    if problems:
        raise ValueError("the article was not added:\n" + "\n".join(f"  {p}" for p in problems))
    sources_dir.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.copyfile(source, target)
    header, _ = _read_csv(data_dir / "articles.csv")
    _append_row(data_dir / "articles.csv", header, row)
    _, places = _read_csv(data_dir / "places.csv")
    place_name = next(p["name_en"] for p in places if p["place_code"] == article.place_code)
    _add_package_source(data_dir, row, place_name)
    _append_term_counts(data_dir, article.article_id, text)
    return AddedArticle(row, target, _write_notebook(notebooks_dir, article))
