"""Benchmarks for the workbook: prints figures and the exact command behind each; asserts nothing.

    uv run python benchmarks/benchmark.py            # or: .venv/bin/python benchmarks/benchmark.py
    uv run python benchmarks/benchmark.py --runs 9   # more repetitions (median of each)

Figures:
1. cold start: ``python -c "import polars"`` against ``python -c "import pingan; pingan.load_all()"``,
   each in fresh subprocesses (median), and their ratio (target <= 1.3);
2. loading and validating every table in-process, bypassing the in-memory cache
   (``pingan.validation.check_package``);
3. the number spotter's throughput on a ~10 MB corpus made by repeating the five source
   articles (target >= 5 MB/s);
4. ``pytest --nbval notebooks`` when notebooks/*.ipynb exist;
5. ``pingan site`` when that command exists;
6. Run All of each notebook against the floor — a fresh kernel that imports pingan and
   altair and loads every table — measured side by side in one run (target: each
   ratio <= 1.5). Each run starts a fresh kernel and executes every cell (nbclient, as
   JupyterLab's Run All after a kernel restart); rounds are interleaved so machine load
   hits floor and notebooks alike; one unmeasured round first warms the disk and the
   chart-fallback cache, as any rerun finds it.
"""
from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import pingan  # noqa: E402
from pingan.base._settings import default_data_dir, default_sources_dir  # noqa: E402
from pingan.package._validation import check_package  # noqa: E402

PY = sys.executable


def show(cmd: list[str]) -> str:
    return shlex.join(cmd)


def median_time(fn, runs: int) -> tuple[float, list[float], float]:
    """Median wall time, every wall time, and median CPU time of this process (which a
    busy machine disturbs less than wall time)."""
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), times, statistics.median(cpu)


def fmt(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in times) + " ms"


def _cold_pair(runs: int, env: dict[str, str], label: str) -> None:
    base = [PY, "-c", "import polars"]
    ours = [PY, "-c", "import pingan; pingan.load_all()"]
    for cmd in (base, ours):  # one unmeasured run each: disk cache (and .pyc files) warm
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    times: dict[str, list[float]] = {"base": [], "ours": []}
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        for key, cmd in (("base", base), ("ours", ours)):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, env=env, check=True)
            times[key].append(time.perf_counter() - t)
    b, o = statistics.median(times["base"]), statistics.median(times["ours"])
    print(f"   [{label}]")
    print(f"   $ (cd {ROOT} && {show(base)})")
    print(f"     median {b * 1000:.0f} ms of {runs} ({fmt(times['base'])})")
    print(f"   $ (cd {ROOT} && {show(ours)})")
    print(f"     median {o * 1000:.0f} ms of {runs} ({fmt(times['ours'])})")
    print(f"     ratio {o / b:.2f} (target <= 1.3)")


def cold_start(runs: int) -> None:
    print("== 1. cold start: import polars vs import pingan + load_all (fresh subprocesses)")
    env = dict(os.environ)
    _cold_pair(runs, env, "environment as it is" + (" (PYTHONDONTWRITEBYTECODE is set: pingan's "
               "sources are compiled anew in every process, polars' .pyc files were written by uv)"
               if env.get("PYTHONDONTWRITEBYTECODE") else ""))
    if env.get("PYTHONDONTWRITEBYTECODE"):
        # what a user sees from the second run on: Python caches bytecode for pingan too.
        # The cache goes to a scratch folder (PYTHONPYCACHEPREFIX), never into the repository.
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["PYTHONPYCACHEPREFIX"] = cache
            _cold_pair(runs, env, f"bytecode cached, as after a first run: env -u PYTHONDONTWRITEBYTECODE "
                                  f"PYTHONPYCACHEPREFIX={cache}")


def load_and_validate(runs: int) -> None:
    print("== 2. load and validate every table in-process (no cache)")
    data_dir, sources_dir = default_data_dir(), default_sources_dir()
    check_package(data_dir, sources_dir)  # warm: imports done, source texts in the disk cache
    med, times, cpu = median_time(lambda: check_package(data_dir, sources_dir), runs)
    tables, problems = check_package(data_dir, sources_dir)
    rows = sum(t.frame.height for t in tables.values() if t.frame is not None)
    quotes = "with quotes checked against" if sources_dir.is_dir() else "without (not found):"
    print(f"   $ {PY} -c 'from pingan.package._validation import check_package; "
          f"check_package({str(data_dir)!r}, {str(sources_dir)!r})'")
    print(f"     {len(tables)} tables, {rows} rows, {len(problems)} problems, {quotes} {sources_dir}")
    print(f"     median {med * 1000:.1f} ms of {runs} ({fmt(times)}); CPU time {cpu * 1000:.1f} ms")


def spotter(runs: int) -> None:
    print("== 3. number spotter throughput (pingan.extract_numbers)")
    files = sorted(default_sources_dir().glob("*.txt"))
    if not files:
        print(f"   skipped: no source articles in {default_sources_dir()}")
        return
    articles = "\n".join(p.read_text(encoding="utf-8") for p in files)
    copies = -(-10_000_000 // len(articles.encode("utf-8")))  # enough copies for ~10 MB
    corpus = "\n".join([articles] * copies)
    mb = len(corpus.encode("utf-8")) / 1e6
    found = pingan.extract_numbers(corpus)
    med, times, cpu = median_time(lambda: pingan.extract_numbers(corpus), runs)
    print(f"   $ {PY} -c 'import pingan, pathlib; "
          f"a = \"\\n\".join(p.read_text(encoding=\"utf-8\") for p in sorted(pathlib.Path({str(default_sources_dir())!r}).glob(\"*.txt\"))); "
          f"pingan.extract_numbers(\"\\n\".join([a] * {copies}))'")
    print(f"     corpus: the {len(files)} articles x {copies} = {mb:.1f} MB UTF-8, "
          f"{len(corpus):,} characters; {len(found):,} numbers")
    print(f"     median {med:.2f} s of {runs} ({fmt(times)}) -> {mb / med:.1f} MB/s (target >= 5 MB/s); "
          f"by CPU time {cpu:.2f} s -> {mb / cpu:.1f} MB/s")


def notebooks() -> None:
    print("== 4. notebooks under nbval")
    nbs = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not nbs:
        print("   skipped: no notebooks/*.ipynb")
        return
    cmd = [PY, "-m", "pytest", "--nbval", "notebooks", "-p", "no:cacheprovider", "-q"]
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    last = (out.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"   $ (cd {ROOT} && {show(cmd)})")
    print(f"     {len(nbs)} notebooks, {elapsed:.1f} s, exit {out.returncode}: {last}")


def site() -> None:
    print("== 5. pingan site")
    probe = subprocess.run([PY, "-m", "pingan.cli", "site", "--help"], cwd=ROOT, capture_output=True, text=True)
    if probe.returncode != 0:
        print("   skipped: there is no `pingan site` command")
        return
    with tempfile.TemporaryDirectory() as scratch:
        cmd = [PY, "-m", "pingan.cli", "site"]
        if "OUT_DIR" in probe.stdout:  # build into a scratch folder, not over the repository's build/
            cmd.append(str(Path(scratch) / "site"))
        t = time.perf_counter()
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - t
    last = ((out.stdout + out.stderr).strip().splitlines() or ["(no output)"])[-1]
    print(f"   $ (cd {ROOT} && {show(cmd)})")
    print(f"     {elapsed:.1f} s, exit {out.returncode}: {last}")


FLOOR_SOURCE = "import pingan, altair\ntables = pingan.load_all()"


def _run_all(nb_node, cwd: Path) -> float:
    import copy

    from nbclient import NotebookClient
    nb = copy.deepcopy(nb_node)
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - t


def notebooks_against_floor(runs: int) -> None:
    print("== 6. Run All of each notebook against the floor (fresh kernel each run)")
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("   skipped: no notebooks/*.ipynb")
        return
    import nbformat
    floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)],
                                     metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}})
    books = {p.stem: nbformat.read(p, as_version=4) for p in paths}
    cwd = ROOT / "notebooks"
    times: dict[str, list[float]] = {"floor": [], **{k: [] for k in books}}
    for warm in [True] + [False] * runs:
        for name, node in [("floor", floor), *books.items()]:
            elapsed = _run_all(node, cwd)
            if not warm:
                times[name].append(elapsed)
    base = statistics.median(times["floor"])
    print(f"   floor: a fresh kernel running {FLOOR_SOURCE!r}")
    print(f"     median {base:.2f} s of {runs} ({fmt(times['floor'])})")
    worst = 0.0
    for name in books:
        med = statistics.median(times[name])
        worst = max(worst, med / base)
        print(f"   {name:<18} median {med:5.2f} s  ratio {med / base:.2f}  ({fmt(times[name])})")
    print(f"     slowest ratio {worst:.2f} (target <= 1.5); notebooks executed in memory from {cwd}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="repetitions per figure (the median is shown)")
    ap.add_argument("--only", choices=["cold", "load", "spotter", "nbval", "site", "runall"], action="append",
                    help="run only these sections (repeatable); default: all")
    ap.add_argument("--runall-runs", type=int, default=3, help="measured rounds of section 6")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]} at {PY}; {os.cpu_count()} CPUs; "
          f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    want = set(args.only or ["cold", "load", "spotter", "nbval", "site", "runall"])
    if "cold" in want:
        cold_start(args.runs)
    if "load" in want:
        load_and_validate(args.runs)
    if "spotter" in want:
        spotter(args.runs)
    if "nbval" in want:
        notebooks()
    if "site" in want:
        site()
    if "runall" in want:
        notebooks_against_floor(args.runall_runs)


if __name__ == "__main__":
    main()
