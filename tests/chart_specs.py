"""Walking a Vega-Lite spec: every unit view with the data rows it draws (for the chart tests)."""
from __future__ import annotations

from collections.abc import Iterator


def _rows(spec: dict, data: dict | None, inherited: list | None) -> list | None:
    if not data:
        return inherited
    if "name" in data:
        return spec.get("datasets", {}).get(data["name"], [])
    if "values" in data:
        return data["values"] if isinstance(data["values"], list) else []
    return inherited


def units(spec: dict, node: dict | None = None, rows: list | None = None) -> Iterator[tuple[dict, list]]:
    """Every view with a mark, and the rows it draws (inherited from its parents)."""
    node = spec if node is None else node
    rows = _rows(spec, node.get("data"), rows)
    if "mark" in node:
        yield node, rows or []
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in node.get(key, []):
            yield from units(spec, child, rows)
    if "spec" in node:
        yield from units(spec, node["spec"], rows)


def mark_type(unit: dict) -> str:
    m = unit["mark"]
    return m if isinstance(m, str) else m["type"]


def all_params(node: dict) -> Iterator[dict]:
    for p in node.get("params", []):
        yield p
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in node.get(key, []):
            yield from all_params(child)
    if "spec" in node:
        yield from all_params(node["spec"])


def view_names(node: dict) -> Iterator[str]:
    if "name" in node:
        yield node["name"]
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in node.get(key, []):
            yield from view_names(child)
    if "spec" in node:
        yield from view_names(node["spec"])


def inner_title(spec: dict) -> dict:
    """The title above the plot of a framed chart (the top-level title is the source line)."""
    t = spec["vconcat"][0]["title"]
    return t if isinstance(t, dict) else {"text": t}
