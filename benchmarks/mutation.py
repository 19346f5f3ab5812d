"""Test strength: a small mutation test over the core (numbers, data checks, analysis helpers).

    .venv/bin/python benchmarks/mutation.py                 # every core module
    .venv/bin/python benchmarks/mutation.py numbers claims  # modules whose name contains a word

Each mutant is one small behaviour-changing edit of a module's source (the kinds the issue
sampled): a comparison flipped (< ↔ <=, == ↔ !=, in ↔ not in), and ↔ or, an integer
constant off by one, + ↔ -, a ``not`` dropped, a returned value replaced by None. The module's
fast unit tests (TESTS below) run against each mutant in a forked process with a timeout; a
mutant is *killed* when some test fails or times out, and *survives* when they all pass. The
score is killed / all. Survivors are listed as ``file:line: what changed`` to write tests for.

mutmut 3 (not tried here) copies the source into ``mutants/``; pingan finds data/ from its own
location (lib/pingan/../data), so a copy elsewhere would likely lose the data. This script
mutates in memory instead (the file is never written), replacing the module's functions in
every module that imported them. Known limit: "not dropped" turns ``not x`` into ``+x``, which
raises for non-numbers, so those mutants are killed trivially.

Forking a process whose polars thread pool has started leaves the child without its workers: the
child's first parallel polars operation waits forever, and every mutant would be "killed" by the
timeout. So the tables are validated and cached in a separate process first (the parent then only
reads the cache, which starts no pool), the unmutated module must pass in a forked child before
any mutant runs, and timeouts are counted apart from kills. Hypothesis runs derandomized and
without its deadline, so a score does not depend on the examples drawn or on the machine's load
(a property test over its 200 ms deadline would count as a kill).
"""
from __future__ import annotations

import ast
import copy
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib"
# module → the fast tests that exercise it (no notebooks, no browser, no subprocess-heavy CLI)
TESTS = {
    "pingan.text._numbers": ["tests/test_numbers.py", "tests/test_numbers_everyday.py", "tests/test_mutation_core.py"],
    # the data checks: every check unit-tested on tiny in-memory tables, in one fast file
    "pingan.package.checks._meaning": ["tests/test_checks.py"],
    "pingan.package.checks._origins": ["tests/test_checks.py"],
    "pingan.package.checks._sections": ["tests/test_checks.py"],
    "pingan.package.checks._term_counts": ["tests/test_checks.py"],
    "pingan.package.checks._families": ["tests/test_checks.py"],
    "pingan.package.checks._glossary": ["tests/test_checks.py"],
    "pingan.package.checks._completeness": ["tests/test_checks.py"],
    "pingan.package.checks._values": ["tests/test_checks.py"],
    "pingan.package.checks._places": ["tests/test_checks.py"],
    "pingan.package.checks._dates": ["tests/test_checks.py"],
    "pingan.package.checks._links": ["tests/test_checks.py"],
    "pingan.analysis._claims": ["tests/test_outcome_claims.py", "tests/test_mutation_core.py"],
    "pingan.analysis._comparison": ["tests/test_comparison.py", "tests/test_mutation_core.py"],
    "pingan.analysis._percapita": ["tests/test_percapita.py", "tests/test_mutation_core.py"],
    "pingan.analysis._remainder": ["tests/test_remainder.py", "tests/test_mutation_core.py"],
    "pingan.analysis._adoption": ["tests/test_adoption.py", "tests/test_mutation_core.py"],
    "pingan.analysis._agreement": ["tests/test_mutation_core.py"],
    # not core, but written here in place of a library: its number formats and escaping
    "pingan.tables._html": ["tests/test_tables.py"],
}
TIMEOUT = 60  # seconds per mutant (a mutant that loops forever is killed by its tests)
FLIP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
        ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}


def mutants(source: str):
    """(line, what changed, mutated tree) for every mutation point, in ast.walk order."""
    tree = ast.parse(source)
    n = sum(len(_node_points(nd)) for nd in ast.walk(tree))
    for k in range(n):
        t = copy.deepcopy(tree)
        seen = 0
        for nd in ast.walk(t):
            pts = _node_points(nd)
            if seen + len(pts) > k:
                yield nd.lineno, _apply(nd, k - seen), t
                break
            seen += len(pts)


def _node_points(node):
    if isinstance(node, ast.Compare):
        return [("cmp", i) for i, op in enumerate(node.ops) if type(op) in FLIP]
    if isinstance(node, ast.BoolOp):
        return [("bool", 0)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        if not any(isinstance(s, ast.Constant) and isinstance(s.value, str) or isinstance(s, ast.JoinedStr)
                   for s in (node.left, node.right)):
            return [("arith", 0)]
        return []
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return [("int", 0)]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return [("not", 0)]
    if isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None):
        return [("return", 0)]
    return []


def _apply(node, idx) -> str:
    """Make the idx-th mutation of ``node`` in place; say what changed."""
    kind, i = _node_points(node)[idx]
    if kind == "cmp":
        old = type(node.ops[i])
        node.ops[i] = FLIP[old]()
        return f"{old.__name__} → {FLIP[old].__name__}"
    if kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return f"→ {type(node.op).__name__}"
    if kind == "arith":
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        return f"→ {type(node.op).__name__}"
    if kind == "int":
        node.value += 1
        return f"{node.value - 1} → {node.value}"
    if kind == "not":
        node.op = ast.UAdd()  # +x: the condition is no longer inverted
        return "not dropped"
    node.value = ast.Constant(None)
    return "return None"


def _install(module_name: str, tree: ast.AST) -> None:
    """Execute the mutated module into a fresh namespace and put its functions and classes in
    place of the originals, in the module and wherever another module imported them."""
    import importlib
    mod = importlib.import_module(module_name)
    ns = dict(mod.__dict__)
    code = compile(ast.fix_missing_locations(tree), mod.__file__, "exec")
    exec(code, ns)
    old = {k: v for k, v in mod.__dict__.items()}
    swap = {}
    for k, v in ns.items():
        if k in old and old[k] is not v and callable(old[k]) and getattr(old[k], "__module__", None) == module_name:
            swap[id(old[k])] = v
    for k, v in ns.items():
        mod.__dict__[k] = v
    for m in list(sys.modules.values()):
        d = getattr(m, "__dict__", None)
        if not d or m is mod:
            continue
        for k, v in list(d.items()):
            if id(v) in swap and callable(v):
                d[k] = swap[id(v)]


def run_mutant(module_name, tree, tests) -> str:
    """'killed', 'survived' or 'timeout', from a forked child running the tests."""
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            import pytest
            from hypothesis import settings
            # the same examples for every mutant, and no deadline a loaded machine would miss
            settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
            settings.load_profile("mutation")
            _install(module_name, tree)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-o", "addopts=",
                                "-W", "ignore", *tests])
        except BaseException:
            code = 4
        os._exit(int(code))
    start = time.monotonic()
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() - start > TIMEOUT:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.05)


def main(words: list[str]) -> int:
    """``--before``: leave out tests/test_mutation_core.py (the tests written for survivors)."""
    before = "--before" in words
    words = [w for w in words if w != "--before"]
    os.chdir(ROOT)
    sys.path[:0] = [str(ROOT / "tests"), str(LIB)]
    # validate and cache the tables in another process: validating here would start polars'
    # thread pool, which a forked child inherits without its threads (see the docstring)
    import subprocess
    subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(LIB)!r}); import pingan; pingan.load_all()"],
                   check=True)
    import pingan  # noqa: F401  (imported once; each mutant's child inherits it)
    pingan.load_all()  # a cache hit
    import pytest  # noqa: F401
    import polars  # noqa: F401
    total = killed = timeouts = 0
    survivors = []
    for module_name, tests in TESTS.items():
        if words and not any(w in module_name for w in words):
            continue
        if before:
            tests = [t for t in tests if not t.endswith("test_mutation_core.py")]
        path = LIB / (module_name.replace(".", "/") + ".py")
        source = path.read_text(encoding="utf-8")
        if tests and (unmutated := run_mutant(module_name, ast.parse(source), tests)) != "survived":
            print(f"{module_name}: the tests do not pass on the unmutated source in a forked child "
                  f"({unmutated}); no score", flush=True)
            return 1
        n = k = t = 0
        for line, what, tree in mutants(source):
            result = run_mutant(module_name, tree, tests) if tests else "survived"
            n += 1
            if result == "survived":
                survivors.append(f"{path.relative_to(ROOT)}:{line}: {what}")
            else:
                k += 1
                t += result == "timeout"
        total += n
        killed += k
        timeouts += t
        print(f"{module_name}: {k}/{n} killed ({100 * k / max(n, 1):.0f}%)"
              + (f", {t} of them by the {TIMEOUT} s timeout" if t else ""), flush=True)
    print(f"\nmutation score: {killed}/{total} = {100 * killed / max(total, 1):.1f}%"
          + (f" ({timeouts} killed by the timeout)" if timeouts else ""))
    if survivors:
        print("survivors:\n  " + "\n  ".join(survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
