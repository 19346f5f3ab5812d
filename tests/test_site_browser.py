"""The static site in a real browser: headless Chromium (Debian's /usr/bin/chromium) via playwright.

The site is built once for the whole run (the ``built_site`` fixture, shared with the build
tests) and served on a free 127.0.0.1 port. Each page is loaded once per window width and kept
open for the tests that only look at it (``opened``); the tests that change a page get a fresh one. (Module scope, not session: the browser's playwright must stop before another
module in the same worker starts its own.) Every page must load without console errors, every chart must draw marks
and show a tooltip on hover, every link on the index must answer 200, and no request may leave
localhost. Without Chromium these tests skip, except under CI=true, where they fail. A failing
test saves a screenshot and prints its path.
"""
from __future__ import annotations

import contextlib
import functools
import json
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import pingan
import pingan.workbench._site
from conftest import CHROMIUM, require_chromium

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PAGES = ["index.html", *(f"notebooks/{nb.stem}.html" for nb in NOTEBOOKS)]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# a drawn mark: vega's SVG renderer puts each data mark's items in <g class="mark-… role-mark">
MARK_ITEMS = "svg g.role-mark > *"
HOVERABLE = ", ".join(f"svg g.role-mark.mark-{m} > path" for m in ("rect", "symbol", "arc", "shape"))
TOOLTIP = "#vg-tooltip-element.visible"
CHARTS_SETTLED = ("() => [...document.querySelectorAll('.pingan-vega-output')].every("
                  "o => o.classList.contains('pingan-vega-rendered') || o.classList.contains('pingan-vega-failed'))")


def _title(spec: dict) -> str:
    t = spec.get("title", "")
    return t.get("text", "") if isinstance(t, dict) else str(t)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def site(request) -> Path:
    require_chromium()  # before building: without a browser these tests skip (or fail under CI)
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="module")
def base_url(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@dataclass
class Watched:
    """A page with everything it reported: console errors, uncaught errors, failed or
    non-local requests, and every URL it requested."""
    page: object
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def goto(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
        self.page.wait_for_function(CHARTS_SETTLED, timeout=30_000)

    def assert_clean(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.warnings, f"console warnings: {self.warnings}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.external, f"requests leaving localhost: {self.external}"


def _watch(context) -> Watched:
    """A new page in ``context`` that records what it reports and lets no request leave localhost."""
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: w.errors.append(f"{m.type}: {m.text}") if m.type == "error" else
            w.warnings.append(f"{m.type}: {m.text}") if m.type == "warning" else None)
    page.on("pageerror", lambda e: w.errors.append(f"uncaught: {e}"))
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("requestfailed", lambda r: w.failed.append(f"{r.url}: {r.failure}")
            if urlsplit(r.url).hostname in LOCAL_HOSTS else None)
    page.on("response", lambda r: w.failed.append(f"{r.url}: HTTP {r.status}") if r.status >= 400 else None)

    def route(r):
        if urlsplit(r.request.url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            w.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return w


@pytest.fixture
def watched(browser, screenshots):
    """A fresh page, for a test that changes what it shows (search, the code toggle)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield _watch(context)
    finally:
        context.close()


class Opened:
    """The site's pages, each loaded once per window width and kept open: the tests that only
    look (console, charts, fonts, widths, downloads) share them instead of loading every page
    again for every check. A page that fails to load is tried again by the next test."""

    def __init__(self, browser, base_url: str):
        self.browser, self.base_url = browser, base_url
        self.contexts: dict[int, object] = {}
        self.pages: dict[tuple[str, int], Watched] = {}

    def __call__(self, page: str, width: int = 1280) -> Watched:
        if (page, width) not in self.pages:
            if width not in self.contexts:
                self.contexts[width] = self.browser.new_context(viewport={"width": width, "height": 900})
            w = _watch(self.contexts[width])
            try:
                w.goto(self.base_url + page)
            except BaseException:
                w.page.close()
                raise
            self.pages[page, width] = w
        w = self.pages[page, width]
        w.page.bring_to_front()  # a background tab gets no animation frames: clicks and hovers would stall
        return w

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="module")
def opened(browser, base_url):
    o = Opened(browser, base_url)
    try:
        yield o
    finally:
        o.close()


@contextlib.contextmanager
def screenshot_on_failure(w: Watched, screenshots: Path, name: str):
    try:
        yield
    except BaseException:
        path = screenshots / (name.replace("/", "_").replace(".html", "") + ".png")
        try:
            w.page.screenshot(path=str(path), full_page=True)
            print(f"screenshot of the failing page: {path}")
        except Exception as e:  # the page may be gone; the original failure matters
            print(f"no screenshot ({e})")
        raise


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_without_console_errors(opened, screenshots, page):
    w = opened(page)
    with screenshot_on_failure(w, screenshots, f"load-{page}"):
        assert w.page.title()
        w.assert_clean()


def _hover_shows_tooltip(w: Watched, chart) -> bool:
    """Move the mouse over a chart's marks, biggest first, at a few points each (a label may
    cover a mark's centre) until vega-tooltip shows."""
    page = w.page
    marks = chart.query_selector_all(HOVERABLE)
    sized = []
    for m in marks[:200]:
        box = m.bounding_box()
        if box and box["width"] >= 2 and box["height"] >= 2:
            sized.append((box["width"] * box["height"], m))
    sized.sort(key=lambda x: -x[0])
    for _, mark in sized[:4]:
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        for fx, fy in ((0.5, 0.5), (0.2, 0.2), (0.8, 0.8)):
            page.mouse.move(0, 0)
            page.mouse.move(box["x"] + fx * box["width"], box["y"] + fy * box["height"], steps=2)
            try:
                page.wait_for_selector(TOOLTIP, state="visible", timeout=2_000)
            except Exception:
                continue
            text = page.inner_text("#vg-tooltip-element").strip()
            page.mouse.move(0, 0)
            if text:
                return True
    return False


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_every_chart_draws_marks_and_shows_a_tooltip(opened, screenshots, nb):
    page = f"notebooks/{nb.stem}.html"
    watched = opened(page)
    with screenshot_on_failure(watched, screenshots, f"charts-{page}"):
        charts = watched.page.query_selector_all(".pingan-vega-output")
        assert charts, f"{page} has no chart"
        # the spec each chart was drawn from, as the page carries it
        specs = [json.loads(c.eval_on_selector("script.pingan-vega-spec", "s => s.textContent")) for c in charts]
        for i, (chart, spec) in enumerate(zip(charts, specs)):
            name = f"chart {i} ({_title(spec)})"
            assert "pingan-vega-rendered" in (chart.get_attribute("class") or ""), \
                f"{name}: {chart.inner_text()[:300]}"
            assert chart.query_selector(".vega-embed svg"), f"{name} has no SVG"
            assert len(chart.query_selector_all(MARK_ITEMS)) > 0, f"{name} drew no marks"
            widths = chart.eval_on_selector_all(
                "svg g.role-mark.mark-rect > path", "ps => ps.map(p => p.getBoundingClientRect().width)")
            assert not widths or max(widths) > 0, f"{name}: every bar is 0 px wide"
            assert _hover_shows_tooltip(watched, chart), f"{name}: no tooltip on hover"
        watched.assert_clean()



def test_every_link_on_the_index_resolves(opened, screenshots):
    watched = opened("index.html")
    with screenshot_on_failure(watched, screenshots, "index-links"):
        hrefs = watched.page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        expected = len(NOTEBOOKS) + 2 * len(pingan.load_all()) + 1  # pages, CSV + Parquet, datapackage.json
        assert len(set(hrefs)) >= expected
        for href in sorted(set(hrefs)):
            assert urlsplit(href).hostname in LOCAL_HOSTS, f"index links off-site: {href}"
            response = watched.page.request.get(href)
            assert response.status == 200, f"{href}: HTTP {response.status}"
            assert response.body(), f"{href}: empty"
        watched.assert_clean()


def test_no_request_leaves_localhost(opened, screenshots):
    """Every page, charts drawn and one tooltip shown on each, without a single request
    to anywhere but the local server."""
    requests = []
    for page in PAGES:
        watched = opened(page)
        with screenshot_on_failure(watched, screenshots, f"no-network-{page}"):
            chart = watched.page.query_selector(".pingan-vega-output")
            if chart:
                _hover_shows_tooltip(watched, chart)
            watched.assert_clean()
        requests += watched.requests
    assert requests, "no request was seen at all: the routing is not watching"
    assert all(urlsplit(u).hostname in LOCAL_HOSTS or u.startswith("data:") for u in requests), \
        [u for u in requests if urlsplit(u).hostname not in LOCAL_HOSTS]


# --- the reading site: fonts and language, search, folding, widths, chart downloads -----------

ZH_TEXT_NODES = """() => {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n; const out = [];
  while ((n = w.nextNode())) {
    if (!/[\\u3400-\\u9fff]/.test(n.nodeValue) || n.parentElement.closest('noscript, script, style')) continue;
    const el = n.parentElement.closest('[lang]');
    out.push([n.nodeValue.trim().slice(0, 40), el ? el.getAttribute('lang') : null]);
  }
  return out;
}"""


def _platform_fonts(page, selector: str) -> list[dict]:
    """The fonts Chromium really drew an element's text with (DevTools CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no element {selector}"
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("page", PAGES)
def test_chinese_is_marked_zh_and_drawn_with_the_bundled_font(opened, screenshots, page):
    watched = opened(page)
    with screenshot_on_failure(watched, screenshots, f"zh-{page}"):
        assert watched.page.evaluate("document.documentElement.lang") == "en"
        texts = watched.page.evaluate(ZH_TEXT_NODES)
        assert texts, f"{page}: no Chinese text at all?"
        unmarked = [t for t, lang in texts if not (lang or "").startswith("zh")]
        assert not unmarked, f"{page}: Chinese without lang=zh: {unmarked[:5]}"
        watched.page.evaluate("document.fonts.ready")
        loaded = watched.page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert any("Pingan Noto Sans SC" in f for f in loaded), f"{page}: the bundled font did not load: {loaded}"
        fonts = _platform_fonts(watched.page, '[lang="zh-Hans"]')
        cjk = [f for f in fonts if f["glyphCount"] > 0 and "CJK" in f["familyName"]]
        assert cjk and all(f["isCustomFont"] for f in cjk), f"{page}: Chinese drawn with {fonts}"
        watched.assert_clean()


def test_tooltips_mark_their_chinese_zh(opened, screenshots):
    """The first tooltip holding Chinese, on the article notebooks' pages, marks it lang="zh"."""
    for nb in NOTEBOOKS[1:]:
        watched = opened(f"notebooks/{nb.stem}.html")
        with screenshot_on_failure(watched, screenshots, "tooltip-lang"):
            if any(_hover_shows_tooltip_staying(watched, chart, wait_ms=400, marks=12)
                   for chart in watched.page.query_selector_all(".pingan-vega-output")):
                watched.assert_clean()
                break
    else:
        pytest.fail("no tooltip with Chinese in it")


def _hover_shows_tooltip_staying(w: Watched, chart, wait_ms: int = 1_500, marks: int = 30) -> bool:
    for mark in chart.query_selector_all(HOVERABLE)[:marks]:
        box = mark.bounding_box()
        if not box or box["width"] < 2 or box["height"] < 2:
            continue
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        w.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=2)
        try:
            w.page.wait_for_selector(TOOLTIP, state="visible", timeout=wait_ms)
        except Exception:
            continue
        texts = w.page.eval_on_selector("#vg-tooltip-element", "t => [...t.querySelectorAll('*')].filter("
                                        "e => /[\\u4e00-\\u9fff]/.test(e.textContent) && !e.children.length)"
                                        ".map(e => e.closest('[lang]').getAttribute('lang'))")
        if texts:
            assert all(t.startswith("zh") for t in texts), texts
            return True
    return False


@pytest.mark.parametrize("query", ["平安", "Quzhou", "网格"])
def test_search_finds_english_and_chinese_offline(watched, base_url, screenshots, query):
    with screenshot_on_failure(watched, screenshots, f"search-{query}"):
        watched.goto(base_url + "index.html")
        results = watched.page.evaluate("""async (q) => {
            const pf = await import('./pagefind/pagefind.js');
            const r = await pf.search(q);
            return Promise.all(r.results.slice(0, 5).map(x => x.data().then(d => d.url)));
        }""", query)
        assert results, f"search for {query!r} found nothing"
        # the search box on the page finds it too
        watched.page.fill(".pagefind-ui__search-input", query)
        watched.page.wait_for_selector(".pagefind-ui__result", timeout=10_000)
        watched.assert_clean()


def test_code_is_folded_and_the_toggle_shows_it(watched, base_url, screenshots):
    page = f"notebooks/{NOTEBOOKS[1].stem}.html"
    with screenshot_on_failure(watched, screenshots, "code-toggle"):
        watched.goto(base_url + page)
        visible = "() => [...document.querySelectorAll('.jp-InputArea-editor')].filter(e => e.checkVisibility()).length"
        assert watched.page.evaluate(visible) == 0, "code is shown before it is asked for"
        assert watched.page.query_selector_all(".pg-sidebar a") and watched.page.query_selector_all(".pg-toc a")
        watched.page.click("#pg-toggle-code")
        n = watched.page.evaluate("document.querySelectorAll('details.pg-code').length")
        assert n and watched.page.evaluate(visible) == n
        watched.assert_clean()


# a phone, and a desktop width with all three columns (site.css: contents, page, table of
# contents above 75rem); 1280 px is also the width the other tests' pages are already open at
@pytest.mark.parametrize("width", [390, 1280], ids=["390px", "1280px"])
@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_charts_and_tables_fit_the_page_width(opened, screenshots, nb, width):
    page = f"notebooks/{nb.stem}.html"
    watched = opened(page, width)  # loaded at this width, as a reader's phone or screen loads it
    with screenshot_on_failure(watched, screenshots, f"width{width}-{page}"):
        assert watched.page.viewport_size["width"] == width
        assert watched.page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
        boxes = watched.page.eval_on_selector_all(
            ".pingan-vega-output, .jp-RenderedHTMLCommon table",
            "els => els.map(e => { const r = (e.closest('.jp-OutputArea-output') || e).getBoundingClientRect();"
            " return [r.left, r.right]; })")
        assert boxes
        for left, right in boxes:
            assert left >= -1 and right <= width + 1, f"a chart or table box reaches past the page ({left}, {right})"
        watched.assert_clean()


def test_every_chart_has_a_description_and_a_data_download_that_opens(opened, screenshots):
    for nb in NOTEBOOKS:
        watched = opened(f"notebooks/{nb.stem}.html")
        with screenshot_on_failure(watched, screenshots, f"chart-downloads-{nb.stem}"):
            for chart in watched.page.query_selector_all(".pingan-vega-output"):
                assert chart.get_attribute("id").startswith("fig-")
                label = chart.eval_on_selector("svg", "s => s.getAttribute('aria-label')")
                assert label and len(label) > 20, f"{nb.stem}: a chart without a description"
                for link in chart.query_selector_all("a.pg-chart-csv, a.pg-chart-meta"):
                    href = link.evaluate("a => a.href")
                    response = watched.page.request.get(href)
                    assert response.status == 200, href
                    body = response.body().decode("utf-8")
                    assert (json.loads(body) if href.endswith(".json") else len(body.splitlines()) >= 2), href
                button = chart.query_selector("button.pg-chart-table")
                button.click()
                assert chart.query_selector(".pg-chart-datatable table tbody tr"), "the data table did not open"
                button.click()  # closed again: the page is shared with the other tests
                assert chart.query_selector(".pg-chart-datatable").get_attribute("hidden") is not None
            watched.assert_clean()
