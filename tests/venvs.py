"""Fresh virtual environments built with uv, for the packaging and conda-route tests.

uv installs from its cache (hard links, seconds) with ``--offline`` first. When that is not
enough (a package or index page not cached), the install needs the network: under CI=true
it then runs online (PyPI is reachable there); otherwise the test skips and says why.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import IN_CI

ROOT = Path(__file__).resolve().parents[1]


def find_uv() -> str:
    """run.py's uv (.venv-tools/bin/uv), else one on PATH; skip without (fail under CI=true)."""
    for candidate in (ROOT / ".venv-tools" / "bin" / "uv", shutil.which("uv")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    msg = "uv not found (python3 run.py installs it into .venv-tools/; or pip install uv)"
    if IN_CI:
        pytest.fail(msg + " — under CI=true this is a failure")
    pytest.skip(msg)


def uv_env() -> dict[str, str]:
    """The environment for uv: no project or virtual environment of ours leaks in."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH", "UV_OFFLINE", "CONDA_PREFIX")}
    return dict(env, UV_NO_PROGRESS="1", UV_PYTHON_DOWNLOADS="never")


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None, timeout: float = 300
        ) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env or uv_env(), capture_output=True, text=True, timeout=timeout)


def make_venv(path: Path) -> Path:
    """A clean virtual environment (no pip, nothing installed) on this Python; its python."""
    uv = find_uv()
    out = run([uv, "venv", "--quiet", "--python", sys.executable, str(path)])
    assert out.returncode == 0, out.stderr
    return path / ("Scripts" if os.name == "nt" else "bin") / "python"


def install(python: Path, args: list[str], what: str) -> str:
    """``uv pip install args`` into ``python``'s environment: offline from uv's cache, else
    online under CI=true, else skip. Returns uv's report."""
    uv = find_uv()
    cmd = [uv, "pip", "install", "--python", str(python), *args]
    out = run(cmd + ["--offline"])
    if out.returncode != 0:
        if not IN_CI:
            pytest.skip(f"installing {what} needs the network (uv's cache does not hold everything); "
                        f"it runs under CI=true. uv said: {out.stderr.strip().splitlines()[-1:]}")
        out = run(cmd)
    assert out.returncode == 0, f"uv pip install {what} failed:\n{out.stderr[-4000:]}"
    return out.stderr
