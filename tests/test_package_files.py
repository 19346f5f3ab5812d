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


def test_readme_data_dictionary_is_generated(data_dir):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- data-dictionary:start.*?-->\n(.*)<!-- data-dictionary:end -->", readme, re.S)
    assert m, "README.md has no generated data dictionary section"
    assert m.group(1).strip() == pingan.workbench._dictionary.data_dictionary_markdown(data_dir).strip(), \
        "README's data dictionary is stale: run `python3 run.py pingan dictionary --update-readme`"


def test_readme_gives_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(?:\$ )?(python3 run\.py \w+)\s*$", quick, re.M)
    assert commands == ["python3 run.py lab", "python3 run.py test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "exec python3 run.py test" in ci
