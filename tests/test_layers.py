"""The package's layers: each subpackage imports only those below it, and nothing imports in a
circle. Read from the source (every ``import``/``from … import`` of pingan, at any depth),
so an upward import added anywhere fails here, whether or not a test runs that line."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import pingan

PACKAGE = Path(pingan.__file__).resolve().parent
# bottom to top; charts and tables share a floor and may not import each other
LAYERS = [{"base"}, {"text"}, {"package"}, {"analysis"}, {"charts", "tables"}, {"workbench"}]
FLOOR = {name: i for i, floor in enumerate(LAYERS) for name in floor}
FACADES = {"__init__", "__main__", "labels"}  # the public front doors: they may hand on names from any layer


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(("pingan", *parts))


def _imports(path: Path) -> set[str]:
    """Every pingan module ``path`` imports, as dotted names, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "pingan"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                name = node.module or ""
            if name.split(".")[0] == "pingan":
                found.add(name)
                found |= {f"{name}.{a.name}" for a in node.names if (PACKAGE / Path(*f"{name}.{a.name}".split(".")[1:])).exists()}
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FLOOR else None


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_layer():
    stray = [str(p.relative_to(PACKAGE)) for p in MODULES
             if p.parent == PACKAGE and p.stem not in FACADES]
    assert not stray, f"modules outside every layer (move them into a subpackage): {stray}"


@pytest.mark.parametrize("path", [p for p in MODULES if _layer(_module(p))], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_layer_above_its_own_or_beside_it(path):
    mine = _layer(_module(path))
    bad = sorted(m for m in _imports(path) if (other := _layer(m)) and other != mine and FLOOR[other] >= FLOOR[mine])
    if mine != "workbench":  # the top layer may use the public front door; no layer below it may
        bad += sorted(m for m in _imports(path) if m in ("pingan", "pingan.labels"))
    assert not bad, f"{path.relative_to(PACKAGE)} (layer {mine}) imports upward or sideways: {bad}"


def test_no_import_cycle_between_modules():
    graph = {}
    for p in MODULES:
        me = _module(p)
        graph[me] = {m for m in _imports(p) if m != me}
    # keep only edges to modules that exist as files (a subpackage's __init__ counts as the subpackage)
    names = set(graph)
    graph = {k: {m for m in v if m in names and not (k.startswith(m + ".") and m.count(".") < k.count("."))}
             for k, v in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                cycle = stack[stack.index(m):] + [m]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if not state.get(m):
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if not state.get(n):
            visit(n)


def test_a_planted_upward_import_is_caught(tmp_path):
    """The checker itself: an upward import in a lower layer is reported."""
    fake = PACKAGE / "text" / "_planted_for_test.py"
    assert not fake.exists()
    try:
        fake.write_text("from pingan.charts import architecture_chart\n", encoding="utf-8")
        with pytest.raises(AssertionError, match="imports upward"):
            test_no_module_imports_a_layer_above_its_own_or_beside_it(fake)
    finally:
        fake.unlink()


def test_public_api_is_small_and_complete():
    assert 20 <= len(pingan.__all__) <= 32, len(pingan.__all__)
    for name in pingan.__all__:
        assert getattr(pingan, name) is not None
    charts = importlib.import_module("pingan.charts")
    assert not [n for n in charts.__all__ if not callable(getattr(charts, n))]
