"""Project files that must agree with each other: frictionless, README (conda files: test_conda_env.py)."""
import re
from pathlib import Path

import pingan
import pingan.workbench._dictionary

ROOT = Path(__file__).resolve().parents[1]


def test_frictionless_validates_the_package(data_dir):
    from frictionless import validate
    report = validate(str(data_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_data_dictionary_is_generated(data_dir):
    doc = (ROOT / pingan.workbench._dictionary.DOC).read_text(encoding="utf-8")
    m = re.search(r"<!-- data-dictionary:start.*?-->\n(.*)<!-- data-dictionary:end -->", doc, re.S)
    assert m, "docs/data-dictionary.md has no generated data dictionary section"
    assert m.group(1).strip() == pingan.workbench._dictionary.data_dictionary_markdown(data_dir).strip(), \
        "docs/data-dictionary.md is stale: run `python3 run.py pingan dictionary --update docs/data-dictionary.md`"
    assert "docs/data-dictionary.md" in (ROOT / "README.md").read_text(encoding="utf-8"), "the README does not link it"


def test_readme_fits_two_screens():
    """What it is, the two commands, the site, the data, how to cite: at most about two
    screens (100 lines of at most 110 characters); the reference lives in docs/."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 100 and max(map(len, lines)) <= 110, (len(lines), max(map(len, lines)))
    text = "\n".join(lines)
    for must in ("python3 run.py lab", "python3 run.py test", "python3 run.py site", "data/", "CITATION.cff",
                 "docs/reference.md"):
        assert must in text, f"the README does not mention {must}"


def test_readme_gives_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(?:\$ )?(python3 run\.py \w+)\s*$", quick, re.M)
    assert commands == ["python3 run.py lab", "python3 run.py test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "exec python3 run.py test" in ci
