"""Project files that must agree with each other: frictionless, environment.yml, README."""
import re
import tomllib
from pathlib import Path

import yaml

import pingan

ROOT = Path(__file__).resolve().parents[1]


def test_frictionless_validates_the_package(data_dir):
    from frictionless import validate
    report = validate(str(data_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(d): d.replace(" ", "") for d in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs = [d for d in env["dependencies"] if isinstance(d, str)]
    specs += [d for d in next(d for d in env["dependencies"] if isinstance(d, dict))["pip"] if not d.startswith("-e")]
    listed = {_name(d): d.replace(" ", "") for d in specs if _name(d) not in ("python", "pip")}
    assert set(listed) == set(runtime), f"only in pyproject: {set(runtime) - set(listed)}; only in environment.yml: {set(listed) - set(runtime)}"
    for name, spec in runtime.items():
        assert listed[name].lower() == spec.lower(), f"{name}: pyproject says {spec}, environment.yml says {listed[name]}"


def test_readme_data_dictionary_is_generated(data_dir):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- data-dictionary:start.*?-->\n(.*)<!-- data-dictionary:end -->", readme, re.S)
    assert m, "README.md has no generated data dictionary section"
    assert m.group(1).strip() == pingan.data_dictionary_markdown(data_dir).strip(), \
        "README's data dictionary is stale: run `python3 run.py pingan dictionary --update-readme`"


def test_readme_gives_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(?:\$ )?(python3 run\.py \w+)\s*$", quick, re.M)
    assert commands == ["python3 run.py lab", "python3 run.py test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "exec python3 run.py test" in ci
