#!/usr/bin/env python3
"""Set up and run the workbook with nothing but Python 3.11+.

    python3 run.py lab     # JupyterLab open on the workbook's notebooks
    python3 run.py test    # the whole test suite (notebooks included)

The first run installs uv into .venv-tools/ and, with it, the exact versions pinned
in uv.lock into .venv/ (the package with every extra and the dev tools). Later runs
reuse .venv and need no network. Other commands: `python3 run.py pingan ...` runs the pingan
command line; `python3 run.py notebooks` re-executes every notebook in place; `python3 run.py site` builds the static site; `python3 run.py
figures` exports every chart as PNG and SVG.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
TOOLS = ROOT / ".venv-tools"  # uv itself, installed with this Python's pip
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
JUPYTER_SETTINGS = ROOT / "jupyter"  # the workbook's JupyterLab settings (see jupyter/README.md)
JUPYTER_STATE = ROOT / ".jupyter"  # Jupyter's data and runtime files for this workbook (git-ignored)
UV_VERSION = "0.13.8"  # the uv that wrote uv.lock


def _stamp() -> str:
    h = hashlib.sha256()
    for name in ("uv.lock", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_environment() -> None:
    """Install uv (into .venv-tools/) and the locked dependencies (into .venv/), unless
    already done for this lock file."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    stamp_file = VENV / ".pingan-synced"
    if stamp_file.exists() and stamp_file.read_text() == _stamp():
        return
    uv = TOOLS / "bin" / "uv"
    if not uv.exists():
        print(f"installing uv {UV_VERSION} into {TOOLS} …", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--root-user-action=ignore",
                        "--target", str(TOOLS), f"uv=={UV_VERSION}"], check=True)
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(VENV), UV_COMPILE_BYTECODE="1", UV_PYTHON=sys.executable)
    print("installing the locked dependencies into .venv (uv sync --locked --all-extras; "
          "about a minute the first time) …", flush=True)
    start = time.monotonic()
    # --quiet: one summary line below rather than a line per package
    done = subprocess.run([str(uv), "sync", "--locked", "--all-extras", "--quiet"], cwd=ROOT, env=env)
    if done.returncode:
        sys.exit(f"uv sync failed (exit {done.returncode}); run it without --quiet to see every step:\n"
                 f"  UV_PROJECT_ENVIRONMENT=.venv {uv} sync --locked --all-extras")
    installed = len({p.name for p in VENV.glob("[Ll]ib/**/site-packages/*.dist-info")})
    print(f"done: {installed} packages in .venv ({time.monotonic() - start:.0f} s)", flush=True)
    stamp_file.write_text(_stamp())


def lab_environment(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the workbook's JupyterLab settings (jupyter/) on JUPYTER_CONFIG_PATH (no
    news popup or update checks, encrypted kernel connections) and, unless ``env`` sets them,
    Jupyter's data and runtime folders in .jupyter/ of the repository: the cookie secret, the
    notebook-signing key and the trust database stay out of the home folder. JupyterLab's
    workspaces and user settings (~/.jupyter/lab) and IPython's history (~/.ipython) are left
    where the user keeps them, so their own settings still apply."""
    paths = [str(JUPYTER_SETTINGS), *filter(None, env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))]
    env = dict(env, JUPYTER_CONFIG_PATH=os.pathsep.join(dict.fromkeys(paths)))
    env.setdefault("JUPYTER_DATA_DIR", str(JUPYTER_STATE / "data"))
    env.setdefault("JUPYTER_RUNTIME_DIR", str(JUPYTER_STATE / "runtime"))
    return env


def trust_notebooks(env: dict[str, str]) -> None:
    """Sign the workbook's own notebooks as trusted (in the trust database of ``env``'s
    JUPYTER_DATA_DIR), so that JupyterLab shows their stored tables with their
    styling; an untrusted notebook drops the tables' <style> until it is re-run."""
    notebooks = sorted(str(p) for p in (ROOT / "notebooks").glob("*.ipynb"))
    if notebooks:
        print(f"trusting the workbook's own {len(notebooks)} notebooks (jupyter trust), so their stored tables "
              "keep their styling", flush=True)
        subprocess.run([str(BIN / "jupyter"), "trust", *notebooks], cwd=ROOT, env=env,
                       stdout=subprocess.DEVNULL, check=False)


def lab_command(rest: list[str]) -> list[str]:
    """``jupyter lab`` on the repository, opening the overview notebook."""
    args = [str(BIN / "jupyter"), "lab", "--notebook-dir", str(ROOT), str(ROOT / "notebooks" / "00_overview.ipynb"), *rest]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in rest:
        args.append("--allow-root")  # JupyterLab refuses root otherwise (containers, CI machines)
    return args


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    ensure_environment()
    py = str(BIN / "python")
    # the package is installed editable, so uv's bytecode compilation does not reach it; with
    # PYTHONDONTWRITEBYTECODE set (as on this project's machines) every process would recompile it
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "lib")], cwd=ROOT, check=False)
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
    if command == "lab":
        env, args = lab_environment(env), lab_command(rest)
        trust_notebooks(env)
    elif command == "test":
        # two workers; --dist loadfile keeps each notebook's cells on one kernel
        args = [py, "-m", "pytest", "-n", "2", "--dist", "loadfile", *rest]
    elif command == "notebooks":
        # re-execute every notebook in place, so that stored outputs always come from a run; no
        # timings or other volatile metadata are written, so an unchanged rerun leaves git clean
        jobs = [subprocess.Popen([py, "-m", "pingan.workbench.notebook_run", str(nb)], cwd=ROOT, env=env)
                for nb in sorted((ROOT / "notebooks").glob("*.ipynb"))]
        return max((j.wait() for j in jobs), default=0)
    elif command in ("pingan", "site", "figures"):
        args = [str(BIN / "pingan"), *([] if command == "pingan" else [command]), *rest]
    else:
        print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
        return 2
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
