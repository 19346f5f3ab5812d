"""JupyterLab draws the workbook's charts as Vega-Lite and runs a notebook from its UI.

Starts the project's own JupyterLab the way `run.py lab` does (its command and the workbook's
settings in jupyter/, on JUPYTER_CONFIG_PATH) on a free 127.0.0.1 port with a known token and
its own user-settings, workspaces and runtime folders (autosave off, so the notebook on disk is
never touched), opens notebooks/00_overview.ipynb in headless Chromium
(Debian's /usr/bin/chromium, driven by playwright), checks the stored chart outputs are drawn
by JupyterLab's Vega-Lite renderer, then clears the outputs and runs every cell from the Run
menu; no news popup shows and no kernel warns that it runs over plain TCP. Bounded: the server gets 60 s to start, the whole test well under 2 minutes, and the
server (with its kernels) is always terminated. Without Chromium the test skips, except
under CI=true, where it fails. A failure saves a screenshot and prints its path.
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CHROMIUM, require_chromium

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "notebooks/00_overview.ipynb"
VEGALITE = "application/vnd.vegalite.v5+json"
# JupyterLab's own Vega-Lite v5 renderer (@jupyterlab/vega5-extension) marks its outputs so
VEGA_OUTPUT = ".jp-OutputArea-output.jp-RenderedVegaLite"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
JUPYTER = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "jupyter"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
START_TIMEOUT = 60
LAB_SETTINGS = {
    # never save: the notebook on disk belongs to the repository (and to nbval)
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # render every cell, not only those in view, so every chart can be checked
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
# JupyterLab asks this on first open unless the workbook's settings (jupyter/) turn news off
NEWS_POPUP = "official Jupyter news"
# ipykernel's warning when a kernel gets neither IPC sockets nor CurveZMQ keys
TCP_WARNING = "running over TCP without encryption"
RUN_TIMEOUT = 90_000  # ms, for Run All Cells to finish


def _run_py():
    """The repository's run.py as a module: the test starts JupyterLab exactly as `run.py lab` does."""
    spec = importlib.util.spec_from_file_location("pingan_run_py", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """Terminate the server and the kernels it started (its own process group)."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig) if os.name != "nt" else proc.send_signal(sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def jupyterlab(tmp_path):
    """(base URL, token, log file) of a JupyterLab serving the repository."""
    require_chromium()
    if not JUPYTER.exists():
        pytest.fail(f"{JUPYTER} not found: run `python3 run.py test` to set up .venv")
    port, token = _free_port(), secrets.token_hex(16)
    settings = tmp_path / "lab-settings"
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.split(":")
        (settings / package).mkdir(parents=True, exist_ok=True)
        (settings / package / f"{name}.jupyterlab-settings").write_text(json.dumps(values))
    run_py = _run_py()
    # the user's own folders are replaced by scratch ones; the workbook's settings are run.py's
    env = run_py.lab_environment(dict(
        os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"), PYDEVD_DISABLE_FILE_VALIDATION="1"))
    log = tmp_path / "jupyterlab.log"
    cmd = run_py.lab_command(["--no-browser", f"--port={port}", f"--IdentityProvider.token={token}",
                              "--ServerApp.ip=127.0.0.1",
                              f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
                              "--LabApp.extension_manager=readonly"])
    assert cmd[0] == str(JUPYTER), cmd
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT} s:\n"
                            f"{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        yield base, token, log
    finally:
        _stop(proc)


@pytest.fixture
def browser_page(tmp_path):
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            yield page
        finally:
            browser.close()


@contextlib.contextmanager
def screenshot_on_failure(page, path: Path, log: Path):
    try:
        yield
    except BaseException:
        try:
            page.screenshot(path=str(path), full_page=True)
            print(f"screenshot of the failing page: {path}")
        except Exception as e:
            print(f"no screenshot ({e})")
        print(f"JupyterLab log: {log}")
        raise


def _stored_chart_count() -> int:
    cells = json.loads((ROOT / NOTEBOOK).read_text(encoding="utf-8"))["cells"]
    return sum(VEGALITE in o.get("data", {}) for c in cells for o in c.get("outputs", []))


def _notebook(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")


def _assert_vega_charts(page, expected: int) -> None:
    """Every chart output is drawn by JupyterLab's Vega-Lite renderer, with marks."""
    nb = _notebook(page)
    outputs = nb.locator(VEGA_OUTPUT)
    page.wait_for_function(
        """([sel, n]) => {
             const outs = [...document.querySelectorAll(sel)];
             return outs.length === n && outs.every(o => o.querySelector('.vega-embed svg .role-mark, .vega-embed canvas'));
           }""",
        arg=[f".jp-NotebookPanel:not(.lm-mod-hidden) {VEGA_OUTPUT}", expected],
        timeout=60_000)
    assert outputs.count() == expected
    for i in range(expected):
        out = outputs.nth(i)
        out.scroll_into_view_if_needed()
        svg_marks = out.locator(".vega-embed svg g.role-mark > *").count()
        canvas = out.locator(".vega-embed canvas")
        if svg_marks == 0:
            assert canvas.count() == 1, f"chart {i}: neither SVG marks nor a canvas"
            size = canvas.evaluate("c => [c.width, c.height]")
            assert min(size) > 50, f"chart {i}: canvas is {size}"
            # a drawn canvas has pixels of more than one colour
            colours = canvas.evaluate("""c => {
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, seen = new Set();
                for (let i = 0; i < d.length && seen.size < 3; i += 4 * 97) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2] + ',' + d[i+3]);
                return seen.size; }""")
            assert colours > 1, f"chart {i}: canvas is blank"
    # the fallbacks stored beside the spec are not what is shown
    assert nb.locator('.jp-OutputArea-output[data-mime-type="image/png"]').count() == 0
    assert not nb.locator(".jp-OutputArea-output").filter(has_text=re.compile(r"^<Chart: ")).count()


def _prompts(page) -> list[str]:
    return _notebook(page).locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()


def test_jupyterlab_renders_charts_and_runs_the_notebook(jupyterlab, browser_page, tmp_path):
    base, token, log = jupyterlab
    page = browser_page
    before = (ROOT / NOTEBOOK).read_bytes()
    external: list[str] = []
    errors: list[str] = []

    def route(r):
        if urlsplit(r.request.url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.monotonic()
    with screenshot_on_failure(page, tmp_path / "jupyterlab-failure.png", log):
        page.goto(f"{base}lab/tree/{NOTEBOOK}?token={token}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
        expected = _stored_chart_count()
        assert expected > 0
        _assert_vega_charts(page, expected)  # the stored outputs, drawn without running anything

        # wait for the kernel, then clear every output and run every cell from the menus
        page.wait_for_selector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                               timeout=60_000)
        page.click('.lm-MenuBar-itemLabel:text-is("Edit")')
        page.click('.lm-Menu-item[data-command="editmenu:clear-all"]')
        assert _notebook(page).locator(VEGA_OUTPUT).count() == 0
        assert all(p.strip() in ("[ ]:", "") for p in _prompts(page)), _prompts(page)
        page.click('.lm-MenuBar-itemLabel:text-is("Run")')
        page.click('.lm-Menu-item[data-command="runmenu:run-all"]')
        page.wait_for_function(
            """() => {
                 const ps = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
                 return ps.length > 0 && ps.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
               }""", timeout=RUN_TIMEOUT)
        prompts = _prompts(page)
        counts = [int(re.search(r"\d+", p).group()) for p in prompts]
        assert counts == sorted(counts) and len(set(counts)) == len(counts), prompts

        stderr = _notebook(page).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        bad = [t for t in stderr.all_inner_texts() if "Error" in t]
        assert not bad, f"error output after Run All Cells: {bad[0][:2000]}"
        _assert_vega_charts(page, expected)  # and the fresh outputs are drawn as Vega-Lite too
        assert not errors, f"uncaught errors in JupyterLab: {errors}"
        # the first open of a fresh profile asks about news unless jupyter/ turns it off
        assert page.get_by_text(NEWS_POPUP).count() == 0, "JupyterLab shows the Jupyter news popup"
        server_log = log.read_text(errors="replace")
        assert "Kernel started" in server_log, server_log[-3000:]
        assert TCP_WARNING not in server_log, f"a kernel runs over plain TCP:\n{server_log[-3000:]}"
        assert not external, f"requests leaving localhost: {external}"
        print(f"JupyterLab opened, drew {expected} charts and ran {len(counts)} cells in "
              f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    assert (ROOT / NOTEBOOK).read_bytes() == before, f"{NOTEBOOK} was modified on disk"
