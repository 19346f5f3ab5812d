"""``build_site``: the workbook as a static reading site that works offline.

    pingan site [OUT_DIR]          # or: python3 run.py site; default build/site

Built generically from whatever notebooks ``notebooks/`` holds, in the manner of QuantEcon's
lecture sites: every page has a sidebar of notebooks, an "on this page" outline of its
headings, previous/next links at the end, a search box (Pagefind, built over the pages at the
end and working offline; its extended build segments Chinese) and the workbook's citation in
APA, GB/T 7714 and BibTeX. Code is folded (``<details>``); a cell whose only output is prose
(``Markdown(f"…")``) shows the prose without its code. Every chart has a stable anchor, a
written description, the data it draws as CSV and a metadata JSON (title, description,
source line, tables, licence, the articles to cite) in ``charts/``. ``index.html`` gives a
"start here" path with the question each notebook answers; ``status.html`` gives each
notebook's .ipynb, its last change and the package versions of the build.

Vega, Vega-Lite and vega-embed come from ``vl_convert.javascript_bundle()``
(``assets/vega-bundle.js``); the CJK font is Noto Sans CJK SC subset to the characters the
site uses (``assets/fonts/``), and every run of Chinese is marked ``lang="zh-Hans"``
(:mod:`pingan.workbench._site_text`). No page loads anything from the network.

The site is built in a temporary sibling folder and swapped in at the end, so a build that
fails or is interrupted leaves the previous site as it was.
"""
from __future__ import annotations

import copy
import csv
import datetime
import html
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pingan.base._atomic import atomic_directory
from pingan.base._settings import REPO, default_data_dir
from pingan.workbench import _site_cite as cite
from pingan.workbench import _site_text as text

__all__ = ["build_site", "VEGALITE_MIMETYPE"]

VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
TEMPLATES = Path(__file__).resolve().parent / "site_templates"
BUNDLE = "assets/vega-bundle.js"
FONT = "assets/fonts/noto-sans-sc-subset.woff2"
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
PACKAGES = ["pingan", "polars", "altair", "vl-convert-python", "nbconvert", "ipykernel",
            "jupyterlab", "fonttools", "pagefind"]
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
    question: str

    @property
    def stem(self) -> str:
        return self.source.stem

    @property
    def href(self) -> str:
        return f"notebooks/{self.stem}.html"


def _plain(markdown: str) -> str:
    """Markdown as plain text (emphasis, code and link markup dropped; underscores stay, as
    in ``load_all``)."""
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.sub(r"\*+|`+", "", t).split())


def _first_paragraph(lines: list[str]) -> str:
    paragraph = "\n".join(lines).strip().split("\n\n")[0]
    return _plain(" ".join(ln.strip() for ln in paragraph.splitlines() if not ln.startswith("#")))


def _short(s: str, n: int = 240) -> str:
    return s if len(s) <= n else s[:n].rsplit(" ", 1)[0] + " …"


def _question(node, summary: str) -> str:
    """The question a notebook answers: ``metadata.pingan.question`` if set, else the
    paragraph that opens with "The question." in its first markdown cells, else the first
    sentence ending in "?" there, else its summary."""
    meta = node.metadata.get("pingan", {}).get("question")
    if meta:
        return str(meta)
    md = "\n\n".join(c.source for c in node.cells[:4] if c.cell_type == "markdown")
    m = re.search(r"\*\*The question\.?\*\*\s*(.+?)(?:\n\n|$)", md, re.DOTALL)
    if m:
        return _short(_plain(m[1]), 300)
    for para in md.split("\n\n"):
        p = _plain(para)
        if "?" in p and not para.lstrip().startswith("#"):
            return _short(p[:p.index("?") + 1].split(". ")[-1], 300)
    return summary


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
            summary = _short(_first_paragraph(lines[lines.index(heading) + 1:]))
        break
    return _Notebook(path, node, title, summary, _question(node, summary))


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
    same = sorted((tuple(map(int, v.split("."))) for v in available if v.split(".")[0] == str(major)))
    newer = [v for v in same if v[1] >= minor]
    return ".".join(map(str, newer[0])) if newer else None


# --- charts -------------------------------------------------------------------------------

def _title_text(t) -> tuple[str, list[str]]:
    if isinstance(t, dict):
        txt, sub = t.get("text", ""), t.get("subtitle", [])
    else:
        txt, sub = t or "", []
    txt = " ".join(txt) if isinstance(txt, list) else str(txt)
    sub = [sub] if isinstance(sub, str) else list(sub or [])
    return txt, [str(s) for s in sub]


def chart_texts(spec: dict) -> dict:
    """Title, subtitle lines and source line of a (framed) Vega-Lite spec."""
    outer = spec.get("title")
    inner = (spec.get("vconcat") or [None])[0]
    source = ""
    if isinstance(outer, dict) and outer.get("orient") == "bottom":
        source = _title_text(outer)[0]
        title, sub = _title_text(inner.get("title")) if isinstance(inner, dict) else ("", [])
    else:
        title, sub = _title_text(outer)
        if not title and isinstance(inner, dict):
            title, sub = _title_text(inner.get("title"))
    return {"title": title, "subtitle": sub, "source": source}


def chart_description(spec: dict) -> str:
    """The spec's own ``description``, else its title and subtitle as sentences."""
    if spec.get("description"):
        return str(spec["description"])
    t = chart_texts(spec)
    parts = [p.strip().rstrip(".") for p in [t["title"], *t["subtitle"]] if p and p.strip()]
    return ". ".join(parts) + "." if parts else "A chart."


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "chart"


def _chart_name(cell_source: str, n: int) -> str:
    """A stable name from the call that drew the chart (``pingan.charts.sections_chart(…)``
    -> ``sections-chart``), or ``chart-N``."""
    calls = re.findall(r"(\w+)\s*\(", cell_source.strip().splitlines()[-1] if cell_source.strip() else "")
    calls = [c for c in calls if c not in ("display", "print")]
    return _slug(calls[0]) if calls else f"chart-{n}"


def _csv_text(rows: list[dict]) -> str:
    fields = list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                    for k, v in r.items()})
    return buf.getvalue()


def _tables_named(source: str) -> list[str]:
    m = re.search(r"(?:tables?|表)[:：]\s*([^·]+)", source)
    return [t.strip() for t in m[1].split(",") if t.strip()] if m else []


def _article_ids(spec: dict, source: str, articles: dict) -> list[str]:
    """The articles a chart draws: the ids in its data or its source line; all of them when
    its source line says "all"."""
    found = set()
    for rows in (spec.get("datasets") or {}).values():
        for r in rows:
            if isinstance(r, dict) and r.get("article_id") in articles:
                found.add(r["article_id"])
    found |= {a for a in articles if a in source}
    if not found or re.search(r"\ball \d+ articles\b|全部", source):
        found = set(articles) if not found or "all" in source or "全部" in source else found
    return sorted(found, key=lambda a: (articles[a]["published"], a))


def _compiled(vega: dict) -> dict:
    vega.pop("$schema", None)  # see site.js: the bundle's Vega is newer than the one named
    return vega


def _prepare_charts(nb: _Notebook, dest: Path, articles: dict, release_cites: dict, vl_version: str | None):
    """A copy of the notebook whose chart outputs carry ``metadata.pingan`` (id, downloads,
    description) and whose prose-only code cells are marked; the chart files written to
    ``charts/<notebook>/``. Returns (node, charts)."""
    import vl_convert as vlc
    node = copy.deepcopy(nb.node)
    out_dir = dest / "charts" / nb.stem
    charts, used = [], set()
    for cell in node.cells:
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        cell.metadata["pingan_prose"] = bool(outputs) and all(
            o.get("output_type") in ("display_data", "execute_result") and "text/markdown" in o.get("data", {})
            for o in outputs)
        for out in outputs:
            spec = out.get("data", {}).get(VEGALITE_MIMETYPE)
            if not spec:
                continue
            name = _chart_name(cell.source, len(charts) + 1)
            base, k = name, 2
            while name in used:
                name, k = f"{base}-{k}", k + 1
            used.add(name)
            anchor = f"fig-{name}"
            description = chart_description(spec)
            if not spec.get("description"):
                spec["description"] = description
            texts = chart_texts(spec)
            out_dir.mkdir(parents=True, exist_ok=True)
            csvs = []
            datasets = spec.get("datasets") or {}
            # the datasets with columns (a mark drawn once, such as a rule, has rows with none)
            datasets = {k: rows for k, rows in datasets.items() if any(r for r in rows)}
            for i, rows in enumerate(datasets.values(), start=1):
                fname = f"{name}.csv" if len(datasets) == 1 else f"{name}-data{i}.csv"
                (out_dir / fname).write_text(_csv_text(rows), encoding="utf-8")
                csvs.append(fname)
            ids = _article_ids(spec, texts["source"], articles)
            meta = {
                "id": anchor,
                "title": texts["title"],
                "subtitle": texts["subtitle"],
                "description": description,
                "source": texts["source"],
                "tables": _tables_named(texts["source"]),
                "data": csvs,
                "notebook": f"{nb.stem}.ipynb",
                "page": f"notebooks/{nb.stem}.html#{anchor}",
                "licence": LICENCE,
                "original_sources": [
                    {"article": articles[a]["title_en"], "title_zh": articles[a]["title_zh"],
                     "published": articles[a]["published"], "cite": cite.article_citations(articles[a])}
                    for a in ids],
                "how_to_cite": {
                    "article": "Cite the newspaper article(s) above as the original source of the figures, "
                               "and the workbook for the curation:",
                    "workbook": release_cites,
                },
            }
            (out_dir / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
            out.setdefault("metadata", {})["pingan"] = {
                "id": anchor, "vega": _compiled(vlc.vegalite_to_vega(spec, vl_version=vl_version)), "description": description,
                "csv": [f"../charts/{nb.stem}/{f}" for f in csvs],
                "json": f"../charts/{nb.stem}/{name}.json",
                "sources": [cite.article_citations(articles[a])["APA"] for a in ids],
            }
            charts.append(meta)
    return node, charts


# --- page chrome --------------------------------------------------------------------------

def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _sidebar(notebooks: list[_Notebook], current: str | None, root: str) -> str:
    items = []
    for nb in notebooks:
        cur = ' aria-current="page"' if nb.stem == current else ""
        items.append(f'<li><a href="{root}{nb.href}"{cur}>{_e(nb.title)}</a></li>')
    home = ' aria-current="page"' if current == "index" else ""
    status = ' aria-current="page"' if current == "status" else ""
    return (f'<nav class="pg-sidebar" aria-label="Notebooks">'
            f'<p class="pg-brand"><a href="{root}index.html"{home}>Ping An Zhejiang workbook (平安浙江)</a></p>'
            f'<div class="pg-search" id="pg-search"></div>'
            f'<ol class="pg-nav">{"".join(items)}</ol>'
            f'<p class="pg-nav-extra"><a href="{root}index.html#data">Data downloads</a> · '
            f'<a href="{root}status.html"{status}>Build status</a> · <a href="{root}index.html#cite">How to cite</a></p>'
            f'<p class="pg-nav-extra">Reference: '
            + " · ".join(f'<a href="{root}docs/{Path(name).stem}.html"'
                         f'{" aria-current=" + chr(34) + "page" + chr(34) if current == "docs/" + Path(name).stem else ""}>'
                         f'{_e(label)}</a>' for name, label in DOCS)
            + '</p></nav>')


# The reference that lives in docs/ (and the changelog), rendered onto the site as pages
DOCS = (("docs/codebook.md", "Codebook"), ("docs/data-dictionary.md", "Data dictionary"),
        ("docs/corrections.md", "Corrections"), ("CHANGELOG.md", "Changelog"), ("docs/sources.md", "Sources"),
        ("docs/reference.md", "Reference"), ("docs/charts.md", "Chart style"))


def _doc_link(m: re.Match) -> str:
    """A link between reference pages, pointed at their pages on the site (x.md → x.html)."""
    target = m.group(2)
    if re.match(r"[a-z]+:|#", target) or target.startswith(("charts/", "img/")):
        return m.group(0)  # the web, an anchor on the page, or a picture the site carries
    path, _, anchor = target.partition("#")
    if path.endswith(".md") and any(Path(name).stem == Path(path).stem for name, _ in DOCS):
        return f"[{m.group(1)}]({Path(path).stem}.html" + (f"#{anchor})" if anchor else ")")
    return m.group(1)  # a file of the repository that is not on the site: named, not linked


def _write_docs(dest: Path, notebooks: list[_Notebook], cites: dict, release: cite.Release) -> list[str]:
    """Each reference document (codebook, data dictionary, corrections, changelog, sources, reference,
    chart style) as a page of the site, with the sidebar, the search and the citation."""
    import mistune
    render = mistune.create_markdown(plugins=["table", "strikethrough"], escape=False)
    (dest / "docs").mkdir(exist_ok=True)
    for images in ("charts", "img"):  # the pictures the chart style guide shows
        if (REPO / "docs" / images).is_dir():
            shutil.copytree(REPO / "docs" / images, dest / "docs" / images, dirs_exist_ok=True)
    written = []
    for name, label in DOCS:
        source = REPO / name
        if not source.is_file():
            continue
        md = re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", _doc_link, source.read_text(encoding="utf-8"))
        body = _name_headings(render(md))
        page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>{_e(label)} · Ping An Zhejiang workbook</title>{_head("../")}</head>'
                f'<body class="pg-page"><div class="pg-layout">{_sidebar(notebooks, "docs/" + Path(name).stem, "../")}'
                f'<main id="pg-main" class="pg-main pg-doc" data-pagefind-body>{body}'
                f'<div data-pagefind-ignore>{_citation_block(cites, release)}</div></main>'
                f'{_outline(body)}</div><script src="../assets/site.js"></script></body></html>')
        (dest / "docs" / f"{Path(name).stem}.html").write_text(page, encoding="utf-8")
        written.append(f"docs/{Path(name).stem}.html")
    return written


def _citation_block(cites: dict[str, str], release: cite.Release, extra: str = "") -> str:
    rows = "".join(
        f'<dt>{_e(k)}</dt><dd>{"<pre>" + _e(v) + "</pre>" if k == "BibTeX" else _e(v)}</dd>'
        for k, v in cites.items())
    return (f'<section class="pg-cite" id="cite-this" aria-labelledby="cite-this-h">'
            f'<h2 id="cite-this-h">How to cite</h2>'
            f'<p>Version {_e(release.version)}, released {_e(release.date)}. '
            f'Cite the newspaper article a figure comes from as its original source{extra}.</p>'
            f'<dl>{rows}</dl></section>')


def _prev_next(notebooks: list[_Notebook], i: int, root: str) -> str:
    parts = []
    if i > 0:
        p = notebooks[i - 1]
        parts.append(f'<a class="pg-prev" rel="prev" href="{root}{p.stem}.html">&lsaquo; Previous: {_e(p.title)}</a>')
    if i + 1 < len(notebooks):
        n = notebooks[i + 1]
        parts.append(f'<a class="pg-next" rel="next" href="{root}{n.stem}.html">Next: {_e(n.title)} &rsaquo;</a>')
    return f'<nav class="pg-prevnext" aria-label="Previous and next">{"".join(parts)}</nav>'


_HEADING = re.compile(r'<h([23])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_BARE_HEADING = re.compile(r'<h([23])((?:(?!\bid=)[^>])*)>(.*?)</h\1>', re.DOTALL)


def _name_headings(page: str) -> str:
    """Give every section heading an id, so that headings a prose cell prints (``Markdown(f"## …")``)
    reach the outline and can be linked to, as typed ones do."""
    taken = set(re.findall(r'\bid="([^"]+)"', page))

    def named(m):
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(3))).strip()
        base = re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:60] or "section"
        hid, n = base, 2
        while hid in taken:
            hid, n = f"{base}-{n}", n + 1
        taken.add(hid)
        return f'<h{m.group(1)}{m.group(2)} id="{hid}">{m.group(3)}</h{m.group(1)}>'
    return _BARE_HEADING.sub(named, page)


def _outline(page: str) -> str:
    items = []
    for level, hid, inner in _HEADING.findall(page):
        label = re.sub(r"<a class=\"anchor-link\".*?</a>", "", inner, flags=re.DOTALL)
        label = html.unescape(re.sub(r"<[^>]+>", "", label)).strip()
        if hid.startswith("cite-this"):
            continue
        items.append(f'<li class="pg-toc-h{level}"><a href="#{_e(hid)}">{_e(label)}</a></li>')
    return (f'<nav class="pg-toc" aria-label="On this page"><p class="pg-toc-title">On this page</p>'
            f'<ol>{"".join(items)}</ol></nav>')


def _head(root: str) -> str:
    return (f'<link rel="stylesheet" href="{root}assets/site.css">'
            f'<link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
            f'<script src="{root}pagefind/pagefind-ui.js"></script>')


# --- pages --------------------------------------------------------------------------------

def _exporter():
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    c = Config()
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "pingan"
    c.NbConvertBase.display_data_priority = NOTEBOOK_PRIORITY
    return HTMLExporter(config=c)


def _write_notebook_pages(dest: Path, notebooks: list[_Notebook], articles: dict, release: cite.Release,
                          cites: dict) -> list[dict]:
    exporter = _exporter()
    (dest / "notebooks").mkdir()
    all_charts = []
    for i, nb in enumerate(notebooks):
        node, charts = _prepare_charts(nb, dest, articles, cites, _vegalite_version(notebooks))
        all_charts += charts
        shutil.copy2(nb.source, dest / "notebooks" / nb.source.name)
        resources = {
            "metadata": {"name": nb.title},
            "pingan": {
                "head": _head("../"), "vega_bundle": f"../{BUNDLE}", "site_js": "../assets/site.js",
                "sidebar": _sidebar(notebooks, nb.stem, "../"),
                "prevnext": _prev_next(notebooks, i, ""),
                "download": f'<p class="pg-download">Download this notebook: <a href="{_e(nb.source.name)}" '
                            f'download>{_e(nb.source.name)}</a> · <a href="../status.html#{_e(nb.stem)}">'
                            f'build status</a></p>',
                "cite": _citation_block(cites, release),
            },
        }
        page, _ = exporter.from_notebook_node(node, resources=resources)
        page = _name_headings(page)
        page = page.replace("<!--PINGAN-OUTLINE-->", _outline(page).replace("\\", "\\\\"), 1)
        (dest / nb.href).write_text(page, encoding="utf-8")
    return all_charts


def _is_local(path: str) -> bool:
    return "://" not in path and not path.startswith("/") and ".." not in Path(path).parts


def _write_data(dest: Path, data_dir: Path, tables: dict) -> tuple[list[dict], list[dict]]:
    """Copy datapackage.json, every CSV and every file it describes; write every table as
    Parquet. Returns the index's rows of tables and of other files."""
    out = dest / "data"
    (out / "parquet").mkdir(parents=True)
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package.get("resources", [])}
    files = {p.name for p in data_dir.glob("*.csv")} | {"datapackage.json"}
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


def _jinja():
    import jinja2
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def _write_index(dest: Path, data_dir: Path, tables: dict, notebooks: list[_Notebook], downloads: list[dict],
                 other_files: list[dict], release: cite.Release, cites: dict) -> None:
    from markupsafe import Markup
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    arts = tables["articles"].sort("published", "article_id").to_dicts()
    for a in arts:
        a["cite"] = cite.article_citations(a)
    page = _jinja().get_template("site_index.html.j2").render(
        title="Ping An Zhejiang workbook (平安浙江)",
        description=package.get("description", ""),
        articles=arts,
        notebooks=[{"href": nb.href, "title": nb.title, "summary": nb.summary, "question": nb.question}
                   for nb in notebooks],
        tables=downloads, other_files=other_files, datapackage_href="data/datapackage.json",
        head=Markup(_head("")), sidebar=Markup(_sidebar(notebooks, "index", "")),
        cite=Markup(_citation_block(cites, release)), release=release,
    )
    (dest / "index.html").write_text(page, encoding="utf-8")


def _git_date(path: Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=path.parent,
                             capture_output=True, text=True, timeout=20)
        return out.stdout.strip() or "not committed"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _versions() -> list[tuple[str, str]]:
    import importlib.metadata as md
    found = [("Python", platform.python_version())]
    for p in PACKAGES:
        try:
            found.append((p, md.version(p)))
        except md.PackageNotFoundError:
            pass
    return found


def _write_status(dest: Path, notebooks: list[_Notebook], charts: list[dict], release: cite.Release,
                  cites: dict, built: str) -> None:
    from markupsafe import Markup
    rows = []
    for nb in notebooks:
        n_charts = sum(1 for c in charts if c["notebook"] == nb.source.name)
        code = [c for c in nb.node.cells if c.cell_type == "code"]
        run = sum(1 for c in code if c.get("execution_count"))
        rows.append({"stem": nb.stem, "title": nb.title, "href": nb.href, "ipynb": f"notebooks/{nb.source.name}",
                     "changed": _git_date(nb.source), "cells": len(code), "executed": run, "charts": n_charts,
                     "python": nb.node.metadata.get("language_info", {}).get("version", "")})
    page = _jinja().get_template("site_status.html.j2").render(
        title="Build status", notebooks=rows, versions=_versions(), built=built, release=release,
        charts=charts, head=Markup(_head("")), sidebar=Markup(_sidebar(notebooks, "status", "")),
        cite=Markup(_citation_block(cites, release)))
    (dest / "status.html").write_text(page, encoding="utf-8")


def _finish_pages(dest: Path) -> None:
    """Mark Chinese with ``lang`` on every page; subset the CJK font to what they use."""
    texts = []
    for page in dest.rglob("*.html"):
        s = page.read_text(encoding="utf-8")
        texts.append(s)
        page.write_text(text.mark_chinese(s), encoding="utf-8")
    texts += [p.read_text(encoding="utf-8") for p in (dest / "charts").rglob("*.json")]
    text.subset_cjk_font(text.cjk_characters(texts), dest / FONT)


def _write_assets(dest: Path, notebooks: list[_Notebook]) -> None:
    import vl_convert as vlc
    (dest / "assets").mkdir()
    (dest / BUNDLE).write_text(vlc.javascript_bundle(vl_version=_vegalite_version(notebooks)), encoding="utf-8")
    css = (TEMPLATES / "site.css").read_text(encoding="utf-8")
    face = (f'@font-face {{ font-family: "{text.FONT_FAMILY}"; src: url("fonts/{Path(FONT).name}") '
            f'format("woff2"); unicode-range: {text.UNICODE_RANGE}; font-display: swap; }}\n')
    (dest / "assets" / "site.css").write_text(face + css.replace("FONT_FAMILY", text.FONT_FAMILY), encoding="utf-8")
    shutil.copy2(TEMPLATES / "site.js", dest / "assets" / "site.js")


def _index_search(dest: Path) -> None:
    """Pagefind over the finished pages. One index in Chinese (``--force-language zh``): the
    extended build then segments Chinese into words, and English still matches by word and
    prefix (only English stemming is lost)."""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(dest), "--force-language", "zh"],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"pagefind failed:\n{done.stdout}\n{done.stderr}")


def _build_into(dest: Path, notebooks_dir: Path, data_dir: Path) -> None:
    from pingan import __version__
    from pingan.package._loading import load_all
    tables = load_all(data_dir)
    notebooks = [_read_notebook(p) for p in sorted(notebooks_dir.glob("*.ipynb"))]
    if not notebooks:
        raise FileNotFoundError(f"no notebooks in {notebooks_dir}")
    release = cite.read_release(REPO / "CITATION.cff", __version__)
    cites = cite.workbook_citations(release)
    articles = {a["article_id"]: a for a in tables["articles"].to_dicts()}
    built = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    _write_assets(dest, notebooks)
    downloads, other_files = _write_data(dest, data_dir, tables)
    charts = _write_notebook_pages(dest, notebooks, articles, release, cites)
    _write_index(dest, data_dir, tables, notebooks, downloads, other_files, release, cites)
    _write_status(dest, notebooks, charts, release, cites, built)
    _write_docs(dest, notebooks, cites, release)
    _finish_pages(dest)
    _index_search(dest)


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
