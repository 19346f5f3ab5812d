"""A kernel's set-up cell (``import pingan; pingan.enable_charts()``) does not build the IRI
grammars of rfc3987-syntax (1.2-1.8 s at import): the lock leaves the package out (see
pyproject.toml's [tool.uv] and the README's Performance section). No timings are asserted;
benchmarks/first_run.py measures them."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_lock_leaves_out_rfc3987_syntax_and_nothing_else():
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    names = {p["name"] for p in lock["package"]}
    assert lock["manifest"]["excludes"] == ["rfc3987-syntax"]
    assert "rfc3987-syntax" not in names and "lark" not in names
    # the rest of jsonschema's format-nongpl checkers stay
    extra = next(p for p in lock["package"] if p["name"] == "jsonschema")["optional-dependencies"]["format-nongpl"]
    assert {d["name"] for d in extra} >= {"fqdn", "idna", "isoduration", "jsonpointer", "rfc3339-validator",
                                          "rfc3986-validator", "uri-template", "webcolors"}


def test_enable_charts_in_a_fresh_process_builds_no_grammar():
    code = ("import sys, pingan; pingan.enable_charts(); import jsonschema, altair; "
            "print(altair.renderers.active, [m for m in ('rfc3987_syntax', 'lark') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "pingan []", \
        f"{out.stdout!r}: this environment has rfc3987-syntax; `python3 run.py` syncs the locked one"


def test_format_checking_still_works_where_schemas_use_it():
    # excluding the IRI checker leaves jsonschema's other format checks (the Vega-Lite schema
    # uses uri, uri-reference and color-hex); iri is then not checked, as with jsonschema < 4.25
    from jsonschema import Draft7Validator
    checker = Draft7Validator.FORMAT_CHECKER
    assert "uri" in checker.checkers and "iri" not in checker.checkers
    assert not checker.conforms("not a uri", "uri") and checker.conforms("https://example.org/a", "uri")
