"""Number reading: accuracy against a maintained library, and the spotter's speed before and
after issue 10. Prints figures and the command behind them; asserts nothing.

    .venv/bin/python benchmarks/numbers_benchmark.py
    # to compare with cn2an, run it with an interpreter that has both pingan and cn2an, e.g.
    python3 -m venv /tmp/cnvenv && /tmp/cnvenv/bin/pip install cn2an
    PYTHONPATH=lib:$(.venv/bin/python -c 'import polars,os;print(os.path.dirname(os.path.dirname(polars.__file__)))') \\
        /tmp/cnvenv/bin/python benchmarks/numbers_benchmark.py

1. The numeral core of tests/number_cases.csv (rows whose reading is a bare value: no unit,
   no qualifier; and the malformed numerals that must be refused), read by pingan's
   parse_number and, when installed, by cn2an (https://github.com/Ailln/cn2an) in its
   ``normal`` and ``smart`` modes. A case is right when the value is equal, or when a
   malformed numeral raises. cn2an is not a dependency of the workbook; without it this part
   says so and goes on.
2. The whole table (units, qualifiers, shares, spotting): pingan only, as cn2an reads
   bare numerals (its ``transform`` rewrites sentences but returns no value, unit or span).
3. The spotter's throughput on ~10 MB (the five articles repeated), this version against
   the version before issue 10 (taken from git at BASELINE), interleaved in one run.
"""
from __future__ import annotations

import csv
import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import pingan  # noqa: E402
from pingan import NumberParseError, parse_number  # noqa: E402
from pingan.paths import default_sources_dir  # noqa: E402

BASELINE = "7e120cc"  # the commit issue 10 started from
CASES = ROOT / "tests" / "number_cases.csv"


def cases() -> list[dict]:
    with open(CASES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def numeral_core(rows: list[dict]) -> list[dict]:
    return [r for r in rows if (r["reads"] == "parse" and not r["unit"] and r["qualifier"] == "exact")
            or (r["reads"] == "error" and r["rule"].split()[0] not in ("a", "not", "range", "two", "万人"))]


def right(read, row: dict) -> bool:
    """``read(text)`` gives a value or raises; is that what the case says?"""
    try:
        value = read(row["input"])
    except Exception:  # noqa: BLE001 - any refusal counts as a refusal (cn2an raises ValueError, KeyError …)
        return row["reads"] == "error"
    return row["reads"] != "error" and abs(float(value) - float(Fraction(row["value"]))) < 1e-9


def accuracy() -> None:
    rows = cases()
    core = numeral_core(rows)
    print(f"== 1. numeral core of {CASES.relative_to(ROOT)}: {len(core)} cases "
          f"({sum(r['reads'] == 'error' for r in core)} malformed)")
    ours = [r for r in core if right(lambda t: parse_number(t).value, r)]
    print(f"   pingan.parse_number: {len(ours)}/{len(core)} right")
    try:
        import cn2an
    except ImportError:
        print("   cn2an: not installed in this interpreter (see the docstring for a throwaway venv); skipped")
        return
    for mode in ("strict", "normal", "smart"):
        good = [r for r in core if right(lambda t: cn2an.cn2an(t, mode), r)]
        wrong = [r["input"] for r in core if r not in good]
        print(f"   cn2an {cn2an.__version__} cn2an(text, {mode!r}): {len(good)}/{len(core)} right; wrong on: "
              + " ".join(wrong[:25]) + (" …" if len(wrong) > 25 else ""))


def whole_table() -> None:
    rows = cases()
    print(f"== 2. the whole table ({len(rows)} cases), pingan only")
    ok = 0
    for r in rows:
        try:
            if r["reads"] in ("parse", "ordinal"):
                n = parse_number(r["input"])
                ok += (n.exact == Fraction(r["value"]) and n.unit == (r["unit"] or None)
                       and n.qualifier == r["qualifier"])
            elif r["reads"] == "error":
                try:
                    parse_number(r["input"])
                except NumberParseError as e:
                    ok += e.span == tuple(map(int, r["span"].split("-")))
            elif r["reads"] == "spot":
                found = pingan.extract_numbers(r["input"])
                ok += [x.text for x in found] == [r["expected_text"]] and found[0].exact == Fraction(r["value"])
            else:
                ok += pingan.extract_numbers(r["input"]) == []
        except NumberParseError:
            pass
    print(f"   {ok}/{len(rows)} right")


def baseline_spotter():
    """The spotter as it was at BASELINE, imported from git into a scratch package."""
    scratch = Path(tempfile.mkdtemp(prefix="pingan_baseline_"))
    pkg = scratch / "pingan_baseline"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    for name in ("numbers.py", "spotter.py"):
        out = subprocess.run(["git", "show", f"{BASELINE}:lib/pingan/{name}"], cwd=ROOT, capture_output=True, text=True)
        if out.returncode != 0:
            return None
        (pkg / name).write_text(out.stdout, encoding="utf-8")
    sys.path.insert(0, str(scratch))
    return importlib.import_module("pingan_baseline.spotter")


def throughput(runs: int = 5) -> None:
    print("== 3. spotter throughput, before (git " + BASELINE + ") and after issue 10, interleaved")
    files = sorted(default_sources_dir().glob("*.txt"))
    if not files:
        print(f"   skipped: no source articles in {default_sources_dir()}")
        return
    old = baseline_spotter()
    if old is None:
        print(f"   skipped: git cannot show {BASELINE} here")
        return
    articles = "\n".join(p.read_text(encoding="utf-8") for p in files)
    copies = -(-10_000_000 // len(articles.encode("utf-8")))
    corpus = "\n".join([articles] * copies)
    mb = len(corpus.encode("utf-8")) / 1e6
    times = {"before": [], "after": []}
    found = {}
    for _ in range(runs):
        for key, fn in (("before", old.extract_numbers), ("after", pingan.extract_numbers)):
            t = time.perf_counter()
            found[key] = len(fn(corpus))
            times[key].append(time.perf_counter() - t)
    print(f"   corpus: the {len(files)} articles x {copies} = {mb:.1f} MB; load average "
          + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    for key in ("before", "after"):
        med = statistics.median(times[key])
        print(f"   {key}: median {med:.2f} s of {runs} -> {mb / med:.1f} MB/s (target >= 5 MB/s); "
              f"{found[key]:,} numbers")
    print(f"   ratio after/before (time): {statistics.median(times['after']) / statistics.median(times['before']):.2f}")


if __name__ == "__main__":
    print(f"python {sys.version.split()[0]} at {sys.executable}")
    accuracy()
    whole_table()
    throughput()
