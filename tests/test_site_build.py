"""The static site (pingan.workbench._site.build_site), checked without a browser: links, downloads, no network."""
from __future__ import annotations

import html
import re
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import polars as pl
import pytest

import pingan
import pingan.workbench._site
from pingan.workbench._cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


class _Refs(HTMLParser):
    """Every (tag, attribute, value) that points somewhere, and the text of <style> blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def refs(page: Path) -> _Refs:
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site


def index_links(site: Path) -> set[str]:
    return {v for tag, attr, v in refs(site / "index.html").refs if tag == "a"}


def test_index_links_every_notebook_page(site):
    links = index_links(site)
    for nb in NOTEBOOKS:
        href = f"notebooks/{nb.stem}.html"
        assert href in links, f"index.html does not link {href}"
        assert (site / href).is_file()


def test_index_links_every_download(site, data_dir):
    links = index_links(site)
    expected = {"data/datapackage.json"}
    expected |= {f"data/{csv.name}" for csv in data_dir.glob("*.csv")}
    expected |= {f"data/parquet/{name}.parquet" for name in pingan.load_all()}
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    expected |= {f"data/{r['path']}" for r in package["resources"] if "://" not in r["path"]}
    assert expected <= links, f"index.html does not link {sorted(expected - links)}"
    for href in expected:
        assert (site / href).is_file(), f"{href} is linked but missing"


def test_every_local_link_resolves(site):
    for page in site.rglob("*.html"):
        for tag, attr, value in refs(page).refs:
            parts = urlsplit(value)
            if parts.scheme or value.startswith("#") or not parts.path:
                continue
            target = (page.parent / parts.path).resolve()
            assert target.is_file(), f"{page.relative_to(site)}: <{tag} {attr}={value!r}> points nowhere"


def test_index_lists_every_article_and_how_to_cite(site):
    # the text without the lang spans around Chinese (or any other tag)
    text = html.unescape(re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8")))
    arts = pingan.load("articles")
    assert arts.height > 0
    for a in arts.iter_rows(named=True):
        for key in ("article_id", "title_zh", "title_en", "published"):
            assert a[key] in text, f"index.html lacks {key} of {a['article_id']}"
    assert 'id="cite"' in (site / "index.html").read_text(encoding="utf-8") and "CC BY 4.0" in text


def test_no_page_loads_scripts_or_styles_from_the_network(site):
    pages = sorted(site.rglob("*.html"))
    from pingan.workbench._site import DOCS
    assert len(pages) == len(NOTEBOOKS) + 2 + len(DOCS)  # the notebooks, index.html, status.html, the reference
    for page in pages:
        r = refs(page)
        for tag, attr, value in r.refs:
            if tag in ("script", "link", "img", "iframe", "source"):
                assert not value.lower().startswith(("http:", "https:", "//")), \
                    f"{page.relative_to(site)} loads <{tag} {attr}={value!r}>"
        for css in r.styles:
            assert "@import" not in css or "http" not in css, f"{page.relative_to(site)} imports CSS from the network"
            assert "url(http" not in css.replace(" ", "").replace("'", "").replace('"', "")


def test_each_notebook_page_loads_the_vega_bundle_once_and_carries_every_spec(site):
    bundle = site / "assets" / "vega-bundle.js"
    assert bundle.stat().st_size > 100_000
    for nb in NOTEBOOKS:
        page = site / "notebooks" / f"{nb.stem}.html"
        scripts = [v for tag, attr, v in refs(page).refs if tag == "script" and attr == "src"]
        assert scripts.count("../assets/vega-bundle.js") == 1, f"{page.name}: script sources {scripts}"
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        specs = sum(pingan.workbench._site.VEGALITE_MIMETYPE in o.get("data", {})
                    for c in cells for o in c.get("outputs", []))
        html = page.read_text(encoding="utf-8")
        assert html.count('class="pingan-vega-spec"') == specs, f"{page.name}: not every chart carries its spec"


def test_parquet_downloads_read_back_as_the_tables(site):
    tables = pingan.load_all()
    for name, frame in tables.items():
        back = pl.read_parquet(site / "data" / "parquet" / f"{name}.parquet")
        assert back.height == frame.height, name
        assert back.columns == frame.columns, name


def test_data_files_are_copies(site, data_dir):
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    names = {f.name for f in data_dir.glob("*.csv")} | {"datapackage.json"}
    names |= {r["path"] for r in package["resources"] if "://" not in r["path"]}
    for name in names:
        assert (site / "data" / name).read_bytes() == (data_dir / name).read_bytes(), name


def test_a_failed_build_leaves_the_previous_site(built_site, tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = (site / "index.html").read_bytes()

    def boom(*_args, **_kwargs):
        raise KeyboardInterrupt("interrupted mid-build")

    monkeypatch.setattr(pingan.workbench._site, "_write_notebook_pages", boom)
    with pytest.raises(KeyboardInterrupt):
        pingan.workbench._site.build_site(site)
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in site.parent.iterdir()) == [site.name], "a temporary build folder was left behind"


def test_cli_site_builds_into_the_given_folder(tmp_path, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(pingan.workbench._site, "build_site", lambda out: calls.append(out) or Path(out))
    assert cli_main(["site", str(tmp_path / "out")]) == 0
    assert cli_main(["site"]) == 0
    assert calls == [tmp_path / "out", Path("build/site")]
    assert "built" in capsys.readouterr().out


# --- the reading site: sidebar, outline, folded code, charts' files, citations, Chinese ---------

class _Text(HTMLParser):
    """The page's text nodes (outside script, style, title and noscript), each with the
    nearest enclosing lang."""

    RAW = {"script", "style", "title", "noscript", "textarea"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if any(t in self.RAW for t, _ in self.stack):
            return
        lang = next((lang for _, lang in reversed(self.stack) if lang), None)
        self.texts.append((data, lang))


def _pages(site):
    return sorted(site.rglob("*.html"))


def test_every_page_is_english_with_its_chinese_marked_zh(site):
    from pingan.workbench._site_text import CJK_RUN
    for page in _pages(site):
        if "pagefind" in page.parts:
            continue
        source = page.read_text(encoding="utf-8")
        assert '<html lang="en"' in source, f"{page.name}: the page does not declare lang=\"en\""
        p = _Text()
        p.feed(source)
        unmarked = [t for t, lang in p.texts if CJK_RUN.search(t) and not (lang or "").startswith("zh")]
        assert not unmarked, f"{page.relative_to(site)}: Chinese without lang=zh: {unmarked[:3]}"


def test_the_bundled_font_covers_every_chinese_character_the_site_uses(site):
    from fontTools.ttLib import TTFont
    from pingan.workbench._site_text import cjk_characters
    font_file = site / pingan.workbench._site.FONT
    assert font_file.read_bytes()[:4] == b"wOF2"
    size = font_file.stat().st_size
    assert size < 2_000_000, f"the font subset is {size} bytes: not subset?"
    cmap = TTFont(str(font_file)).getBestCmap()
    used = cjk_characters(p.read_text(encoding="utf-8") for p in _pages(site))
    assert used, "no Chinese on the site at all?"
    missing = sorted(c for c in used if ord(c) not in cmap)
    assert not missing, f"the font subset lacks {''.join(missing[:40])}"
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert "@font-face" in css and "fonts/noto-sans-sc-subset.woff2" in css and "unicode-range" in css


def test_every_notebook_page_has_a_sidebar_an_outline_and_previous_next_at_the_end(site):
    for i, nb in enumerate(NOTEBOOKS):
        page = (site / "notebooks" / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert 'class="pg-sidebar"' in page and 'aria-current="page"' in page
        for other in NOTEBOOKS:
            assert f'href="../notebooks/{other.stem}.html"' in page, f"{nb.stem}: sidebar lacks {other.stem}"
        toc = page[page.index('class="pg-toc"'):]
        # section headings, whether typed in markdown or printed by a prose cell (Markdown(f"## …"))
        body = page[:page.index('class="pg-toc"')]
        headings = [h for h in re.findall(r"<h2[^>]*>", body) if 'id="cite-this' not in h]
        assert toc.count("<li") >= len(headings) > 0, f"{nb.stem}: outline shorter than its section headings"
        # previous/next after the last cell, just before the end of the text
        tail = page[page.rindex('class="jp-Cell'):page.rindex("</main>")]
        links = dict((rel, href) for tag in re.findall(r"<a [^>]*>", tail)
                     for rel in re.findall(r'rel="(prev|next)"', tag) for href in re.findall(r'href="([^"]+)"', tag))
        if i + 1 < len(NOTEBOOKS):
            assert links.get("next") == f"{NOTEBOOKS[i + 1].stem}.html", (nb.stem, links)
        if i > 0:
            assert links.get("prev") == f"{NOTEBOOKS[i - 1].stem}.html", (nb.stem, links)


def test_code_is_folded_and_prose_cells_show_no_code(site):
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        prose = [c for c in code if c.get("outputs") and all("text/markdown" in o.get("data", {}) for o in c["outputs"])]
        page = (site / "notebooks" / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert page.count('<details class="pg-code">') == len(code) - len(prose), nb.stem
        assert "<details class=\"pg-code\" open" not in page
        assert "In&nbsp;[" not in page, f"{nb.stem}: execution prompts shown"


def test_every_chart_has_an_anchor_a_description_its_data_and_metadata(site):
    seen_ids = set()
    for nb in NOTEBOOKS:
        page = (site / "notebooks" / f"{nb.stem}.html").read_text(encoding="utf-8")
        figures = [re.search(r'\bid="([^"]+)"', tag)[1] for tag in re.findall(r"<figure [^>]*>", page)
                   if "pingan-vega-output" in tag]
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        specs = [o["data"][pingan.workbench._site.VEGALITE_MIMETYPE] for c in cells for o in c.get("outputs", [])
                 if pingan.workbench._site.VEGALITE_MIMETYPE in o.get("data", {})]
        assert len(figures) == len(specs) == len(set(figures)), nb.stem
        for anchor, spec in zip(figures, specs):
            seen_ids.add((nb.stem, anchor))
            meta = json.loads((site / "charts" / nb.stem / f"{anchor[4:]}.json").read_text(encoding="utf-8"))
            for key in ("title", "description", "source", "tables", "licence", "original_sources", "how_to_cite"):
                assert meta.get(key) is not None, f"{nb.stem}/{anchor}: metadata lacks {key}"
            assert meta["description"].strip() and meta["title"], f"{nb.stem}/{anchor}"
            assert meta["original_sources"], f"{nb.stem}/{anchor}: no article cited as the original source"
            assert meta["page"] == f"notebooks/{nb.stem}.html#{anchor}"
            n_rows = sum(len(rows) for rows in (spec.get("datasets") or {}).values() if any(r for r in rows))
            back = sum(pl.read_csv(site / "charts" / nb.stem / f, infer_schema=False).height for f in meta["data"])
            assert back == n_rows, f"{nb.stem}/{anchor}: CSV rows {back} != spec rows {n_rows}"
            labels = {html.unescape(v) for v in re.findall(r'aria-label="([^"]*)"', page)}
            assert meta["description"] in labels, f"{nb.stem}/{anchor}: the chart has no accessible name"


def test_every_page_shows_the_citation_forms(site):
    from pingan.workbench._site_cite import read_release
    release = read_release(ROOT / "CITATION.cff", pingan.__version__)
    assert release.version == pingan.__version__ and re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.date)
    for page in _pages(site):
        if "pagefind" in page.parts:
            continue
        text = html.unescape(page.read_text(encoding="utf-8"))
        for form in ("APA", "GB/T 7714", "BibTeX", "@software{", f"Version {release.version}", release.date):
            assert form in text, f"{page.relative_to(site)} lacks {form!r}"


def test_status_page_offers_each_notebook_and_the_package_versions(site):
    status = (site / "status.html").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert f'href="notebooks/{nb.name}"' in status
        assert (site / "notebooks" / nb.name).read_bytes() == nb.read_bytes()
    for name in ("polars", "altair", "vl-convert-python", "nbconvert"):
        assert f"<td>{name}</td>" in status


def test_search_index_is_built_for_chinese(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "zh" in entry["languages"], entry
    assert entry["languages"]["zh"]["page_count"] >= len(NOTEBOOKS) + 2


def test_the_reference_documents_are_pages_of_the_site(site):
    """The codebook, data dictionary, corrections log, changelog and reference live in docs/ and on
    the site, reachable from every page's sidebar, their links between each other kept."""
    from pingan.workbench._site import DOCS
    index = (site / "index.html").read_text(encoding="utf-8")
    for name, label in DOCS:
        page = site / "docs" / f"{Path(name).stem}.html"
        assert page.is_file(), name
        html_text = page.read_text(encoding="utf-8")
        assert 'class="pg-sidebar"' in html_text and 'class="pg-toc"' in html_text and "<h1" in html_text, name
        assert f'docs/{Path(name).stem}.html' in index, f"the index's sidebar does not link {name}"
        assert not re.search(r'href="[^":]*\.md[#"]', html_text), f"{name}: a link to a .md file, not its page"
    codebook = (site / "docs" / "codebook.html").read_text(encoding="utf-8")
    assert "<table" in codebook and "origin" in codebook


def test_a_font_subset_is_cut_once_and_then_copied_from_the_cache(tmp_path, monkeypatch):
    """Cutting the CJK font takes seconds; the same characters are served from the cache, and
    other characters are cut again."""
    from pingan.base._settings import configure
    from pingan.workbench import _site_text
    old = configure(cache_dir=tmp_path / "cache")
    try:
        first = _site_text.subset_cjk_font({"平", "安"}, tmp_path / "a.woff2").read_bytes()
        assert first[:4] == b"wOF2" and len(list((tmp_path / "cache" / "fonts").glob("*.woff2"))) == 1

        def refuse(chars, dest):
            raise AssertionError("cut again although cached")
        monkeypatch.setattr(_site_text, "_cut", refuse)
        assert _site_text.subset_cjk_font({"安", "平"}, tmp_path / "b.woff2").read_bytes() == first
        with pytest.raises(AssertionError, match="cut again"):
            _site_text.subset_cjk_font({"平", "安", "浙"}, tmp_path / "c.woff2")
    finally:
        configure(**vars(old))
