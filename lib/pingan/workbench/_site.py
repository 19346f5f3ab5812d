"""``build_site``: the workbook as a static website that works offline.

    pingan site [OUT_DIR]          # or: python3 run.py site; default build/site

One HTML page per executed notebook in ``notebooks/`` (nbconvert's ``lab`` look, through
the small template in ``site_templates/pingan``), an ``index.html`` listing the
articles, the notebooks and the data downloads (CSV, Parquet, ``datapackage.json``) with a
note on how to cite, and ``assets/vega-bundle.js``: Vega, Vega-Lite and vega-embed from
``vl_convert.javascript_bundle()``, written once and loaded by every page. Charts are
drawn in the browser from the Vega-Lite v5 spec stored in each notebook output, tooltips
included; no page loads anything from the network.

The site is built in a temporary sibling folder and swapped in at the end, so a build that
fails or is interrupted leaves the previous site as it was.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from pingan.base._atomic import atomic_directory
from pingan.base._settings import REPO, default_data_dir

__all__ = ["build_site", "VEGALITE_MIMETYPE"]

VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
TEMPLATES = Path(__file__).resolve().parent / "site_templates"
BUNDLE = "assets/vega-bundle.js"
NOTEBOOK_PRIORITY = [  # nbconvert's HTML priority, with the Vega-Lite spec first
    VEGALITE_MIMETYPE, "application/vnd.jupyter.widget-view+json", "application/javascript",
    "text/html", "text/markdown", "image/svg+xml", "text/vnd.mermaid", "text/latex",
    "image/png", "image/jpeg", "text/plain",
]


@dataclass(frozen=True)
class _Notebook:
    source: Path
    node: object  # nbformat.NotebookNode
    title: str
    summary: str

    @property
    def href(self) -> str:
        return f"notebooks/{self.source.stem}.html"


def _plain(markdown: str) -> str:
    """A Markdown line as plain text (emphasis, code and link markup dropped; underscores
    stay, as in ``load_all``)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\*+|`+", "", text).strip()


def _read_notebook(path: Path) -> _Notebook:
    import nbformat
    node = nbformat.read(path, as_version=4)
    title, summary = path.stem, ""
    for cell in node.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        heading = next((ln for ln in lines if ln.startswith("# ")), None)
        if heading:
            title = _plain(heading[2:])
            paragraph = " ".join(ln.strip() for ln in
                                 "\n".join(lines[lines.index(heading) + 1:]).strip().split("\n\n")[0].splitlines())
            summary = _plain(paragraph)
            if len(summary) > 240:
                summary = summary[:240].rsplit(" ", 1)[0] + " …"
        break
    return _Notebook(path, node, title, summary)


def _vegalite_version(notebooks: list[_Notebook]) -> str | None:
    """The Vega-Lite version the notebooks' specs were written for, as vl-convert names it
    (e.g. "5.20"), when vl-convert bundles it; None (vl-convert's newest) otherwise."""
    import vl_convert as vlc
    found = set()
    for nb in notebooks:
        for cell in nb.node.cells:
            for out in cell.get("outputs", []):
                spec = out.get("data", {}).get(VEGALITE_MIMETYPE)
                m = re.search(r"vega-lite/v(\d+)\.(\d+)", str((spec or {}).get("$schema", "")))
                if m:
                    found.add((int(m[1]), int(m[2])))
    if not found:
        return None
    major, minor = max(found)
    available = vlc.get_vegalite_versions()
    exact = f"{major}.{minor}"
    if exact in available:
        return exact
    # the newest bundled version with the same major number and a minor at least as new
    same = sorted((tuple(map(int, v.split("."))) for v in available if v.split(".")[0] == str(major)))
    newer = [v for v in same if v[1] >= minor]
    return ".".join(map(str, newer[0])) if newer else None


def _exporter():
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "pingan"
    c.NbConvertBase.display_data_priority = NOTEBOOK_PRIORITY
    return HTMLExporter(config=c)


def _write_notebook_pages(dest: Path, notebooks: list[_Notebook]) -> None:
    exporter = _exporter()
    (dest / "notebooks").mkdir()
    for i, nb in enumerate(notebooks):
        def link(other: _Notebook | None):
            return {"href": f"{other.source.stem}.html", "title": other.title} if other else None
        resources = {
            "metadata": {"name": nb.title},
            "pingan": {"vega_bundle": f"../{BUNDLE}", "index": "../index.html",
                       "previous": link(notebooks[i - 1] if i > 0 else None),
                       "next": link(notebooks[i + 1] if i + 1 < len(notebooks) else None)},
        }
        html, _ = exporter.from_notebook_node(nb.node, resources=resources)
        (dest / nb.href).write_text(html, encoding="utf-8")


def _is_local(path: str) -> bool:
    return "://" not in path and not path.startswith("/") and ".." not in Path(path).parts


def _write_data(dest: Path, data_dir: Path, tables: dict) -> tuple[list[dict], list[dict]]:
    """Copy datapackage.json, every CSV and every file it describes; write every table as
    Parquet. Returns the index's rows of tables and of other files."""
    out = dest / "data"
    (out / "parquet").mkdir(parents=True)
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package.get("resources", [])}
    files = {csv.name for csv in data_dir.glob("*.csv")} | {"datapackage.json"}
    files |= {r["path"] for r in resources.values() if isinstance(r.get("path"), str) and _is_local(r["path"])}
    for name in sorted(files):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(data_dir / name, out / name)
    rows = []
    for name, frame in tables.items():
        frame.write_parquet(out / "parquet" / f"{name}.parquet")
        r = resources.get(name, {})
        rows.append({"name": name, "title": r.get("title", name), "rows": frame.height,
                     "csv": f"data/{r.get('path', name + '.csv')}", "parquet": f"data/parquet/{name}.parquet"})
    others = [{"title": r.get("title", name), "href": f"data/{r['path']}", "file": Path(r["path"]).name,
               "format": r.get("format", "")}
              for name, r in resources.items()
              if name not in tables and isinstance(r.get("path"), str) and _is_local(r["path"])]
    return rows, others


def _citation(package: dict, version: str) -> str:
    return (f"Ping An Zhejiang workbook contributors. {package.get('title', 'Ping An Zhejiang workbook')} "
            f"(平安浙江), version {package.get('version', version)}. Curated tables: CC BY 4.0; code: MIT.")


def _write_index(dest: Path, data_dir: Path, tables: dict, notebooks: list[_Notebook], downloads: list[dict],
                 other_files: list[dict]) -> None:
    import jinja2
    from pingan import __version__
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    articles = tables["articles"].sort("published", "article_id").select(
        "article_id", "title_zh", "title_en", "published").to_dicts()
    html = env.get_template("site_index.html.j2").render(
        title="Ping An Zhejiang workbook (平安浙江)",
        description=package.get("description", ""),
        articles=articles,
        notebooks=[{"href": nb.href, "title": nb.title, "summary": nb.summary} for nb in notebooks],
        tables=downloads,
        other_files=other_files,
        datapackage_href="data/datapackage.json",
        citation=_citation(package, __version__),
    )
    (dest / "index.html").write_text(html, encoding="utf-8")


def _build_into(dest: Path, notebooks_dir: Path, data_dir: Path) -> None:
    import vl_convert as vlc
    from pingan.package._loading import load_all
    tables = load_all(data_dir)
    notebooks = [_read_notebook(p) for p in sorted(notebooks_dir.glob("*.ipynb"))]
    if not notebooks:
        raise FileNotFoundError(f"no notebooks in {notebooks_dir}")
    (dest / "assets").mkdir()
    (dest / BUNDLE).write_text(vlc.javascript_bundle(vl_version=_vegalite_version(notebooks)), encoding="utf-8")
    downloads, other_files = _write_data(dest, data_dir, tables)
    _write_notebook_pages(dest, notebooks)
    _write_index(dest, data_dir, tables, notebooks, downloads, other_files)


def build_site(out_dir: str | os.PathLike = "build/site", *, notebooks_dir: str | os.PathLike | None = None,
               data_dir: str | os.PathLike | None = None) -> Path:
    """Build the static site into ``out_dir`` (replacing what is there) and return its path.

    ``notebooks_dir`` defaults to the repository's ``notebooks/`` and ``data_dir`` to the
    workbook's data (``$PINGAN_DATA`` or ``data/``). The site is built in a temporary folder
    beside ``out_dir`` and swapped in only when complete.
    """
    out = Path(out_dir).resolve()
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else REPO / "notebooks"
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    with atomic_directory(out) as tmp:
        _build_into(tmp, notebooks_dir, data_dir)
    return out
