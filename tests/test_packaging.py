"""A plain wheel install: the core package carries its data and loads every table from any
folder with polars alone (no Altair, JupyterLab or nbconvert), and says where it looked when
the data cannot be found."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from venvs import ROOT, find_uv, install, make_venv, run

import pingan
from pingan.base._settings import default_sources_dir

pytestmark = pytest.mark.venv

HEAVY = ("altair", "vl_convert", "jupyterlab", "jupyter_server", "nbconvert", "ipykernel",
         "frictionless")
LOAD_EVERY_TABLE = f"""
import importlib.util, json, sys
import pingan
tables = pingan.load_all()
print(json.dumps({{
    "rows": {{name: t.height for name, t in tables.items()}},
    "data_dir": str(pingan.base._settings.default_data_dir()),
    "imported": sorted(m for m in {HEAVY!r} if m in sys.modules),
    "installed": sorted(m for m in {HEAVY!r} if importlib.util.find_spec(m) is not None),
    "phrase": pingan.labels.tier_label("county", "zh"),
}}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `uv build` makes of this checkout (build backend offline from uv's cache
    where it can be)."""
    out = tmp_path_factory.mktemp("dist")
    uv = find_uv()
    cmd = [uv, "build", "--wheel", "--quiet", "--out-dir", str(out), str(ROOT)]
    done = run(cmd + ["--offline"])
    if done.returncode != 0:
        from conftest import IN_CI
        if not IN_CI:
            pytest.skip("building the wheel needs the network (hatchling is not in uv's cache); runs under CI=true")
        done = run(cmd)
    assert done.returncode == 0, done.stderr[-3000:]
    (whl,) = out.glob("pingan-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with only the wheel (no extras); its python."""
    python = make_venv(tmp_path_factory.mktemp("wheel-venv") / "venv")
    install(python, [str(wheel)], "the wheel and polars")
    return python


def _elsewhere_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PINGAN_DATA", "PYTHONPATH", "VIRTUAL_ENV")}
    return dict(env, PINGAN_SOURCES=str(default_sources_dir()))


def test_wheel_carries_the_package_and_every_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "data"
    expected = {f"pingan/data/{p.relative_to(data).as_posix()}" for p in data.rglob("*") if p.is_file()}
    assert expected and expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert "pingan/__init__.py" in names and "pingan/workbench/_cli.py" in names
    assert "pingan/package/phrases.csv" in names  # every word charts and tables say
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "lib/"))], "the wheel carries repository files"
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = re.findall(r"^Requires-Dist: (.*)$", zipfile.ZipFile(wheel).read(meta).decode(), re.M)
    core = [r for r in requires if "extra ==" not in r]
    assert [re.split(r"[<>=!~ ]", r)[0] for r in core] == ["polars"], f"core dependencies: {core}"
    extras = set(re.findall(r"extra == '([\w-]+)'", "\n".join(requires)))
    assert {"charts", "lab", "all"} <= extras, extras


def test_installed_wheel_loads_every_table_from_another_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run([str(installed), "-c", LOAD_EVERY_TABLE], cwd=elsewhere, env=_elsewhere_env(),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout)
    site = Path(subprocess.run([str(installed), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True).stdout.strip())
    assert Path(got["data_dir"]) == site / "pingan" / "data", got["data_dir"]
    expected = {name: t.height for name, t in pingan.load_all().items()}
    assert got["rows"] == expected
    assert got["installed"] == [], f"the core install pulled in {got['installed']}"
    assert got["imported"] == []
    assert got["phrase"] == pingan.labels.tier_label("county", "zh")  # read from the installed phrases.csv


def test_installed_cli_validates_the_packaged_data(installed, tmp_path):
    cli = installed.parent / "pingan"
    out = subprocess.run([str(cli), "validate"], cwd=tmp_path, env=_elsewhere_env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("ok: ") and "pingan" in out.stdout


def test_without_data_the_error_names_every_place_looked(installed, tmp_path):
    site = Path(subprocess.run([str(installed), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True).stdout.strip())
    packaged = site / "pingan" / "data"
    hidden = site / "pingan" / "data-hidden"
    packaged.rename(hidden)
    try:
        out = subprocess.run([str(installed), "-c", "import pingan; pingan.load_all()"], cwd=tmp_path,
                             env=_elsewhere_env(), capture_output=True, text=True)
        cli = subprocess.run([str(installed.parent / "pingan"), "validate"], cwd=tmp_path, env=_elsewhere_env(),
                             capture_output=True, text=True)
    finally:
        hidden.rename(packaged)
    assert out.returncode != 0 and "DataNotFoundError" in out.stderr
    for place in ("$PINGAN_DATA", str(packaged)):
        assert place in out.stderr, out.stderr
    assert cli.returncode == 1 and "Traceback" not in cli.stderr, cli.stderr
    assert "$PINGAN_DATA" in cli.stderr and str(packaged) in cli.stderr


def test_import_pingan_leaves_the_heavy_modules_unimported():
    """`import pingan` and loading need polars only: charts, figures, site and export load on
    first use (``pingan.charts``, ``pingan.tables``, the workbench)."""
    code = ("import sys, pingan; pingan.load_all(); pingan.outcome_claims(); "
            "print(sorted(m for m in sys.modules if m.startswith(('pingan.workbench', 'pingan.charts', 'pingan.tables')) "
            "or m in ('altair', 'nbconvert', 'jupyterlab', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert callable(pingan.charts.architecture_chart) and callable(pingan.tables.show_table)
