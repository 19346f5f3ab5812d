"""Execute notebooks in place so that an unchanged rerun leaves them byte for byte the same.

    python -m pingan.workbench.notebook_run notebooks/00_overview.ipynb [...]   # python3 run.py notebooks

nbconvert's ``--execute`` records when every cell ran (``metadata.execution``), so each
rerun rewrites every notebook even when nothing changed. Here the notebook runs in a fresh
kernel through nbclient with timing off (``record_timing=False``), in the notebook's own
folder, and whatever volatile metadata remains is cleared before the file is written
(nbformat's own layout, cell ids kept). Outputs themselves are deterministic: chart specs
name their selections, tables carry fixed ids, fallback images come from a cache keyed by
the spec.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pingan.base._atomic import atomic_file

__all__ = ["execute_notebook", "clear_volatile_metadata"]

VOLATILE_CELL_KEYS = ("execution", "ExecuteTime", "collapsed", "scrolled")
VOLATILE_NOTEBOOK_KEYS = ("widgets", "papermill", "toc-autonumbering")


def clear_volatile_metadata(nb) -> None:
    """Drop what changes between identical runs: timings, widget state, scroll state."""
    for key in VOLATILE_NOTEBOOK_KEYS:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)


def execute_notebook(path: str | Path, out: str | Path | None = None, *, timeout: int = 600,
                     kernel_name: str = "python3") -> Path:
    """Run every cell of ``path`` in a fresh kernel and write the result to ``out``
    (default: in place). A cell that raises stops the run and nothing is written."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    # CurveZMQ-encrypted kernel sockets, as `run.py lab` sets for JupyterLab: nobody else on
    # the machine reads the session (and ipykernel stops warning about plain TCP)
    km = KernelManager(kernel_name=kernel_name, transport_encryption="auto")
    client = NotebookClient(nb, km=km, timeout=timeout, kernel_name=kernel_name, record_timing=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    try:
        client.execute()
    finally:
        if km.has_kernel:  # a manager passed in is ours to shut down
            km.shutdown_kernel(now=True)
    clear_volatile_metadata(nb)
    target = Path(out) if out else path
    with atomic_file(target) as tmp:
        nbformat.write(nb, tmp)
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = ap.parse_args(argv)
    for nb in args.notebooks:
        execute_notebook(nb, timeout=args.timeout)
        print(f"executed {nb}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
