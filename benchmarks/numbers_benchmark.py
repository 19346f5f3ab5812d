"""Number reading: accuracy against a maintained library, on the case table and on the
articles' own numbers, and the spotter's speed before and after issue 10. Prints figures and
the command behind them; asserts nothing.

    .venv/bin/python benchmarks/numbers_benchmark.py
    # to compare with cn2an, run it with an interpreter that has both pingan and cn2an, e.g. a
    # throwaway venv on the same Python (cn2an is never a dependency of the workbook):
    python3 -m venv /tmp/cnvenv && /tmp/cnvenv/bin/pip install cn2an
    PYTHONPATH=lib:$(.venv/bin/python -c 'import polars,os;print(os.path.dirname(os.path.dirname(polars.__file__)))') \\
        /tmp/cnvenv/bin/python benchmarks/numbers_benchmark.py
    # --only articles runs part 4 alone (the README's comparison on the articles' numbers)

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
4. The articles' own numbers: every number the spotter finds in the five source articles,
   read by pingan and by cn2an (``smart`` and ``normal``), twice: the numeral core only (the
   part a converter is for: 超过12万 -> 12万, 26.9% -> 26.9, both ends of a range) and the
   expression as written. Two readings agree when they give the same value, or when both give
   none (a date or page code such as 2024-10-2900005). Without cn2an this part says so.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import pingan  # noqa: E402
from pingan.text import NumberParseError, parse_number  # noqa: E402
from pingan.text._numbers import NUMBER_PATTERN  # noqa: E402
from pingan.base._settings import default_sources_dir  # noqa: E402

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


_EXPRESSION = re.compile(NUMBER_PATTERN)
SHARE_UNITS = ("percent", "permille", "per-ten-thousand", "percentage-points", "fraction")


def _same(a: float | None, b: float | None) -> bool:
    """Two readings agree: the same value, or no value from either."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _cores(text: str) -> list[str]:
    """The numeral cores of a spotted expression: 超过12万 -> [12万], 3-5万 -> [3, 5万]."""
    m = _EXPRESSION.fullmatch("".join(text.split()))
    return [text] if m is None else [c for c in m.group("low", "high") if c]


def articles() -> None:
    files = sorted(default_sources_dir().glob("*.txt"))
    if not files:
        print(f"== 4. the articles' own numbers: skipped, no source articles in {default_sources_dir()}")
        return
    found = [x for p in files for x in pingan.extract_numbers(p.read_text(encoding="utf-8"))]
    n = len(found)
    print(f"== 4. the articles' own numbers: the {n} numbers the spotter finds in the {len(files)} articles "
          f"of {default_sources_dir()}")
    codes = [x.text for x in found if x.value is None]
    print(f"   pingan reads {n - len(codes)} with a value; {len(codes)} dates or page codes have none by design "
          f"({', '.join(codes)})")
    qualified = sum(x.qualifier not in ("exact", None) for x in found)
    shares = sum(x.unit in SHARE_UNITS for x in found)
    print(f"   of them {qualified} carry a qualifier (近, 超过, 余, 多, 以上 …), {shares} a share unit (%, 个百分点 …), "
          f"{sum(x.ordinal for x in found)} ordinal(s); each has a span (start, end, line) in its article")
    try:
        import cn2an
    except ImportError:
        print("   cn2an: not installed in this interpreter (see the docstring for a throwaway venv); skipped")
        return

    def theirs(text: str, mode: str) -> float | None:
        try:
            return float(cn2an.cn2an(text, mode))
        except Exception:  # noqa: BLE001 - cn2an refuses with ValueError, KeyError …
            return None

    def ours(text: str) -> float | None:
        try:
            return parse_number(text).value
        except NumberParseError:
            return None

    for mode in ("smart", "normal"):
        core_differs = [x.text for x in found
                        if not all(_same(ours(c), theirs(c, mode)) for c in _cores(x.text))]
        print(f"   cn2an {cn2an.__version__} {mode!r}, the numeral core only: agrees with pingan on "
              f"{n - len(core_differs)}/{n}; differs on: " + " ".join(core_differs[:20])
              + (" …" if len(core_differs) > 20 else ""))
        written_differs = [x for x in found if not _same(x.value, theirs(x.text, mode))]
        why = Counter("a share unit" if x.unit in SHARE_UNITS else "a qualifier" if x.qualifier not in ("exact", None)
                      else "an ordinal" if x.ordinal else "other" for x in written_differs)
        print(f"   cn2an {cn2an.__version__} {mode!r}, each expression as written: agrees on "
              f"{n - len(written_differs)}/{n}; the {len(written_differs)} others have "
              + ", ".join(f"{k} ({v})" for k, v in why.most_common()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["accuracy", "table", "throughput", "articles"],
                        help="run one part only")
    only = parser.parse_args().only
    print(f"python {sys.version.split()[0]} at {sys.executable}")
    for name, part in (("accuracy", accuracy), ("table", whole_table), ("throughput", throughput),
                       ("articles", articles)):
        if only in (None, name):
            part()
