"""Executing a notebook twice gives the same bytes: no timings, fixed table ids, named selections."""
import json
import shutil
from pathlib import Path

import nbformat

from pingan.workbench.notebook_run import clear_volatile_metadata, execute_notebook

ROOT = Path(__file__).resolve().parents[1]


def test_an_unchanged_rerun_writes_the_same_bytes(tmp_path):
    # the overview holds every kind of output: markdown, tables, and the linked map + timeline chart
    src = ROOT / "notebooks" / "00_overview.ipynb"
    first, second = tmp_path / "a" / src.name, tmp_path / "b" / src.name
    for target in (first, second):
        target.parent.mkdir()
        shutil.copy(src, target)
        execute_notebook(target)
    assert first.read_bytes() == second.read_bytes()
    nb = json.loads(first.read_text(encoding="utf-8"))
    assert not any("execution" in c.get("metadata", {}) for c in nb["cells"])
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert outputs and not any(o.get("output_type") == "error" for o in outputs)
    html = "".join("".join(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {}))
    assert 'id="pingan-' in html  # tables carry their fixed id


def test_volatile_metadata_is_cleared():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    nb.cells[0].metadata["tags"] = ["keep"]
    nb.metadata["widgets"] = {"state": {}}
    clear_volatile_metadata(nb)
    assert nb.cells[0].metadata == {"tags": ["keep"]} and "widgets" not in nb.metadata
