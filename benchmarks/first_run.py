"""Kernel start and a fresh clone's first Run All, each against its floor, side by side in one run.

    .venv/bin/python benchmarks/first_run.py                  # both parts, on HEAD
    .venv/bin/python benchmarks/first_run.py --only kernel --other-python /tmp/venv-before/bin/python
    .venv/bin/python benchmarks/first_run.py --only firstrun --rev 512dba2 --rev HEAD
    .venv/bin/python benchmarks/first_run.py --only firstrun --rev 521867d --rev HEAD \
        --rev-path 521867d=/tmp/gt-site     # a revision whose lock had packages .venv lacks

Prints figures, the command behind each and their ratios; asserts nothing. The numbers in
the README's Performance section come from the last two commands.

1. Kernel start: fresh processes running ``python -c "import polars"`` and
   ``python -c "import pingan; pingan.enable_charts()"``, interleaved so machine load hits
   both alike; medians and their ratio (target <= 4). ``--other-python`` times the same two
   commands with a second interpreter in the same run (for instance a copy of .venv made
   before a change to the lock: ``cp -a .venv /tmp/venv-before``).
2. First Run All: ``git clone`` of each REV (default HEAD) into a temporary folder, its
   package compiled to bytecode as ``run.py`` does. Each notebook, and a floor notebook that
   only imports pingan, enables the charts and loads every table, runs in a fresh kernel
   (nbclient, as JupyterLab's Run All after a restart) that imports the clone's package
   (PYTHONPATH) in this script's environment. Before every "first" run the clone's
   ``.cache/`` is deleted, so each is the first Run All after cloning; a "warm" run follows
   with the cache that run left. Rounds and revisions are interleaved; medians, and each
   notebook's ratio to its revision's floor (target <= 1.5). A revision whose lock held
   packages this environment lacks gets them from ``--rev-path REV=DIR``, a folder put on its
   kernels' PYTHONPATH after its package (say, ``uv pip install --no-deps --target DIR`` of
   the packages the old lock had and the new one dropped, at their locked versions).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BASE = "import polars"
OURS = "import pingan; pingan.enable_charts()"
FLOOR_SOURCE = "import pingan\n\npingan.enable_charts()\ntables = pingan.load_all()"


def ms(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in times) + " ms"


def s(times: list[float]) -> str:
    return ", ".join(f"{t:.1f}" for t in times) + " s"


def kernel_start(runs: int, other: str | None = None) -> None:
    print("== 1. kernel start: import polars vs import pingan; pingan.enable_charts() (fresh processes)")
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "lib")], check=False)  # as run.py does
    pythons = {"": PY, **({" [other]": other} if other else {})}
    cmds = {f"{what}{tag}": [py, "-c", code] for tag, py in pythons.items()
            for what, code in (("base", BASE), ("ours", OURS))}
    for cmd in cmds.values():  # one unmeasured run each: the disk cache warm
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):  # interleaved, so drift in machine load hits every command alike
        for key, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, check=True)
            times[key].append(time.perf_counter() - t)
    for tag, py in pythons.items():
        b, o = statistics.median(times[f"base{tag}"]), statistics.median(times[f"ours{tag}"])
        slow = subprocess.run([py, "-c", OURS + "; import sys; print('rfc3987_syntax' in sys.modules)"],
                              cwd=ROOT, capture_output=True, text=True).stdout.strip()
        print(f"   $ (cd {ROOT} && {py} -c {BASE!r})")
        print(f"     median {b * 1000:.0f} ms of {runs} ({ms(times[f'base{tag}'])})")
        print(f"   $ (cd {ROOT} && {py} -c {OURS!r})")
        print(f"     median {o * 1000:.0f} ms of {runs} ({ms(times[f'ours{tag}'])})")
        print(f"     ratio {o / b:.2f} (target <= 4); rfc3987_syntax imported: {slow}")


def _clone(rev: str, into: Path) -> Path:
    clone = into / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", rev], check=True)
    subprocess.run([PY, "-m", "compileall", "-q", str(clone / "lib")], check=False)  # as run.py does
    return clone


def _run_all(nb_node, clone: Path, env: dict[str, str]) -> float:
    """Seconds from starting a kernel to its shutdown after the last cell (nbclient, as
    benchmark.py runs one; the kernel warns once that its connection is plain TCP)."""
    import copy

    from nbclient import NotebookClient
    nb = copy.deepcopy(nb_node)
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(clone / "notebooks")}}).execute(env=env)
    return time.perf_counter() - t


def _prepare(rev: str, scratch: Path, extra_path: str | None = None) -> dict:
    """A fresh clone of ``rev``, the environment its kernels run in, its notebooks and floor."""
    import nbformat
    clone = _clone(rev, scratch)
    commit = subprocess.run(["git", "-C", str(clone), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("PINGAN_CACHE_DIR", "PINGAN_DATA")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(clone / "lib"), extra_path, env.get("PYTHONPATH")]))
    env.setdefault("PINGAN_SOURCES", str(ROOT.parent / "shared" / "sources"))
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # as run.py sets it
    package, cache = subprocess.run([PY, "-c", "try:\n import pingan.base._settings as p\nexcept ImportError:\n import pingan.paths as p\nprint(p.PACKAGE); print(p.cache_dir())"],
                                    env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    print(f"   {rev}: clone {clone} at {commit}; its kernels import {package}; cache {cache}"
          + (f"; with {extra_path} on their path" if extra_path else ""))
    floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)],
                                     metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}})
    books = {"floor": floor, **{p.stem: nbformat.read(p, as_version=4)
                                for p in sorted((clone / "notebooks").glob("*.ipynb"))}}
    return {"rev": rev, "commit": commit, "clone": clone, "env": env, "cache": Path(cache), "books": books,
            "first": {k: [] for k in books}, "warm": {k: [] for k in books}}


def _report(state: dict, rounds: int) -> None:
    first, warm = state["first"], state["warm"]
    base, warm_base = statistics.median(first["floor"]), statistics.median(warm["floor"])
    print(f"   -- {state['rev']} ({state['commit']}); medians of {rounds}")
    print(f"   {'floor':<18} {base:6.2f}s {1:6.2f}   {warm_base:5.2f}s {1:6.2f}   "
          f"{base / warm_base:10.2f}   ({s(first['floor'])})")
    worst = 0.0
    for name in state["books"]:
        if name == "floor":
            continue
        f, w = statistics.median(first[name]), statistics.median(warm[name])
        worst = max(worst, f / base)
        print(f"   {name:<18} {f:6.2f}s {f / base:6.2f}   {w:5.2f}s {w / warm_base:6.2f}   {f / w:10.2f}   "
              f"({s(first[name])})")
    print(f"     slowest first-run ratio {worst:.2f} (target <= 1.5)")


def first_run_all(rounds: int, revs: list[str], paths: dict[str, str] | None = None) -> None:
    print(f"== 2. Run All on a fresh clone of {' and '.join(revs)}: every notebook against the floor "
          "(fresh kernel each run)")
    print(f"   floor: a fresh kernel running {FLOOR_SOURCE!r}")
    with tempfile.TemporaryDirectory(prefix="pingan-first-run-") as scratch:
        states = [_prepare(rev, Path(scratch) / str(i), (paths or {}).get(rev)) for i, rev in enumerate(revs)]
        for state in states:  # unmeasured: the disk cache warm
            _run_all(state["books"]["floor"], state["clone"], state["env"])
        for _ in range(rounds):  # interleaved: notebook by notebook, one revision after the other
            for name in states[0]["books"]:
                for state in states:
                    if name not in state["books"]:
                        continue
                    # the first Run All after cloning: no cache at all (fallbacks and tables)
                    shutil.rmtree(state["cache"].parent if state["cache"].parent.name == ".cache" else state["cache"],
                                  ignore_errors=True)
                    state["first"][name].append(_run_all(state["books"][name], state["clone"], state["env"]))
                    state["warm"][name].append(_run_all(state["books"][name], state["clone"], state["env"]))
        print(f"   {'notebook':<18} {'first':>7} {'ratio':>6}   {'warm':>6} {'ratio':>6}   first/warm   (first runs)")
        for state in states:
            _report(state, rounds)
        print("     ratios are to the floor's first run (warm: to the floor's warm run) of the same revision")
        print(f"   $ {PY} {Path(__file__).relative_to(ROOT)} --only firstrun --rounds {rounds} "
              + " ".join(f"--rev {r}" for r in revs) + "".join(f" --rev-path {r}={d}" for r, d in (paths or {}).items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=9, help="fresh processes per command in part 1")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of part 2 (each runs every notebook twice)")
    ap.add_argument("--rev", action="append", help="a commit part 2 clones (default HEAD); repeat it to "
                    "measure several, interleaved in the same run")
    ap.add_argument("--rev-path", action="append", default=[], metavar="REV=DIR",
                    help="put DIR on the PYTHONPATH of REV's kernels (packages its lock had and this "
                         "environment lacks)")
    ap.add_argument("--only", choices=["kernel", "firstrun"], help="run one part only")
    ap.add_argument("--other-python", metavar="PYTHON",
                    help="part 1 also times both commands with this interpreter (say, a copy of the "
                         "environment before a change), interleaved in the same run")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]} at {PY}; {os.cpu_count()} CPUs; load average "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.only in (None, "kernel"):
        kernel_start(args.runs, args.other_python)
    if args.only in (None, "firstrun"):
        first_run_all(args.rounds, args.rev or ["HEAD"], dict(p.split("=", 1) for p in args.rev_path))
    print(f"load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
