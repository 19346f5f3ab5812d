"""Shared fixtures: where the data and the source articles are, and scratch copies to break."""
from __future__ import annotations

import csv
import os
import re
import shutil
import time
from pathlib import Path

import pytest

import pingan
from pingan.base._settings import default_data_dir, default_sources_dir
from pingan.package.checks import CHECKS, GAPS

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # only for the browser (see require_chromium)
CHROMIUM = Path("/usr/bin/chromium")


def pytest_addoption(parser):
    parser.addoption("--no-sources", action="store_true",
                     help="run without the source articles: tests that read them skip, and the tables load "
                          "without checking quotes against them")


def pytest_configure(config):
    """The suite checks every quote against the articles: a missing article is a problem
    (pingan's setting require_sources), unless --no-sources says to run without them."""
    pingan.configure(require_sources=not config.getoption("--no-sources"))


def require_chromium() -> Path:
    """Debian's Chromium; skip without it, but fail under CI=true (.ci/run installs it)."""
    if not CHROMIUM.exists():
        msg = f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
        if IN_CI:
            pytest.fail(msg + " — under CI=true a missing browser is a failure")
        pytest.skip(msg)
    return CHROMIUM


def assert_reported(pkg, sources_dir, pattern, load=True) -> None:
    """A problem matching ``pattern`` is reported by validate() and by load_all() (as
    DataValidationError), in this process; a gap in an article's curation (checks.GAPS) is
    reported by validate() while load_all() still loads. Each of the command line's message
    formats is tested once, end to end, in tests/test_cli.py."""
    problems = pingan.validate(pkg, sources_dir, require_sources=True)
    hits = [p for p in problems if re.search(pattern, str(p))]
    assert hits, [str(p) for p in problems]
    if not load:
        return
    if any(p.code not in GAPS for p in hits):
        with pytest.raises(pingan.DataValidationError) as e:
            pingan.load_all(pkg, sources_dir)
        assert re.search(pattern, str(e.value))
    else:
        try:
            pingan.load_all(pkg, sources_dir)
        except pingan.DataValidationError as e:  # another problem of the same copy may stop it, not this one
            assert not re.search(pattern, str(e)), str(e)


@pytest.fixture(scope="session")
def reported(data_dir, sources_dir):
    """``reported(code, …)``: what validate finds in the data with the checks of those codes
    (pingan.package.checks.CHECKS). A data test asserts that a rule's check reports nothing: the
    rule itself lives in the check, unit-tested in tests/test_checks.py."""
    problems = pingan.validate(data_dir, sources_dir, require_sources=True)

    def of(*codes: str) -> list[str]:
        assert codes and set(codes) <= set(CHECKS), f"unknown check codes: {set(codes) - set(CHECKS)}"
        return [str(p) for p in problems if p.code in codes]
    return of


def read_rows(path) -> list[list[str]]:
    """A CSV file's rows as lists of strings (header first)."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(path, rows) -> None:
    """Write rows back as the tables are written: UTF-8, LF line ends."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def rewrite_rows(path, edit) -> None:
    """Read a CSV file's rows, let ``edit`` change the list in place, write it back."""
    rows = read_rows(path)
    edit(rows)
    write_rows(path, rows)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return default_data_dir()


@pytest.fixture(scope="session")
def sources_dir(request) -> Path:
    """The source articles; a failure without them, or a skip under --no-sources."""
    d = default_sources_dir()
    if not (d.is_dir() and any(d.glob("*.txt"))):
        msg = f"source articles not found at {d} (set PINGAN_SOURCES to point elsewhere)"
        if request.config.getoption("--no-sources"):
            pytest.skip(msg)
        pytest.fail(msg + "; pass --no-sources to run the tests that do not need them")
    return d


@pytest.fixture
def package_copy(tmp_path, data_dir) -> Path:
    """A scratch copy of data/ that a test may break."""
    dst = tmp_path / "data"
    shutil.copytree(data_dir, dst)
    return dst


def _run_scratch(tmp_path_factory) -> Path:
    """A folder this test run's workers share: xdist gives each worker its own basetemp
    inside one per-run folder; without xdist the run's basetemp is that folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory, name: str, build) -> Path:
    """``build(folder)`` run once per test run, whichever worker asks first; the others wait
    for it and get the same folder, which they must treat as read-only. A failed build fails
    every test that asked for it, with the builder's error."""
    root = _run_scratch(tmp_path_factory)
    out, done, failed = root / name, root / f"{name}.done", root / f"{name}.failed"
    try:
        os.close(os.open(root / f"{name}.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker builds it
        deadline = time.monotonic() + 900
        while not done.exists():
            if failed.exists():
                pytest.fail(f"building {name} failed in another worker: {failed.read_text(encoding='utf-8')}")
            if time.monotonic() > deadline:
                pytest.fail(f"gave up waiting for another worker to build {name}")
            time.sleep(0.2)
        return out
    try:
        result = build(out)
    except BaseException as e:
        failed.write_text(f"{type(e).__name__}: {e}", encoding="utf-8")
        raise
    done.touch()
    return Path(result)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The reading site, built once for the whole run (the build takes ~10 s) and shared by
    the build and browser tests. Read-only: a test that changes it works on a copy."""
    import pingan.workbench._site
    return built_once(tmp_path_factory, "site", pingan.workbench._site.build_site)


def public(name: str):
    """A public name of pingan, wherever the API keeps it: the top level, ``pingan.charts`` or
    ``pingan.tables``."""
    import pingan.charts
    import pingan.tables
    for where in (pingan, pingan.charts, pingan.tables):
        if name in where.__all__:
            return getattr(where, name)
    raise AttributeError(f"{name!r} is not in pingan's public API")


def shown(table: str) -> str:
    """A table's name as a chart's source line gives it (no storage file name)."""
    return table.removesuffix(".csv").replace("_", " ")


def article_label(article_id: str, lang: str = "en", tables=None) -> str:
    """An article as readers see it named ("Quzhou 2024"), never by its raw id."""
    from pingan.analysis._frames import article_labels
    return article_labels(tables or pingan.load_all(), lang)[article_id]
