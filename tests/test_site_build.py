"""The static site (pingan.workbench._site.build_site), checked without a browser: links, downloads, no network."""
from __future__ import annotations

import html
import json
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
def site(tmp_path_factory) -> Path:
    return pingan.workbench._site.build_site(tmp_path_factory.mktemp("site-build") / "site")


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
    text = html.unescape((site / "index.html").read_text(encoding="utf-8"))
    arts = pingan.load("articles")
    assert arts.height > 0
    for a in arts.iter_rows(named=True):
        for key in ("article_id", "title_zh", "title_en", "published"):
            assert a[key] in text, f"index.html lacks {key} of {a['article_id']}"
    assert 'id="cite"' in text and "CC BY 4.0" in text


def test_no_page_loads_scripts_or_styles_from_the_network(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == len(NOTEBOOKS) + 1
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
        assert scripts == ["../assets/vega-bundle.js"], f"{page.name}: script sources {scripts}"
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


def test_a_failed_build_leaves_the_previous_site(site, monkeypatch):
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
