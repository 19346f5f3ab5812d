"""The conda route: environment.yml (use) and environment-dev.yml (develop and test) list
exactly what pyproject.toml does, and the dev file's packages are enough to run pytest."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from venvs import ROOT, install, make_venv, run

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SELF = PROJECT["project"]["name"]


def _name(req: str) -> str:
    return re.split(r"[<>=!~ ;\[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _specs(reqs) -> dict[str, str]:
    """name -> specifier text (spaces removed), the project's own extras left out."""
    return {_name(r): re.sub(r"\s+", "", r.strip()).lower() for r in reqs if _name(r) != SELF}


def _pyproject(groups: bool) -> dict[str, str]:
    reqs = list(PROJECT["project"]["dependencies"])
    for extra in PROJECT["project"]["optional-dependencies"].values():
        reqs += extra
    if groups:
        reqs += PROJECT["dependency-groups"]["dev"]
    return _specs(reqs)


def _conda_file(name: str) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """(conda packages, pip options such as -e ., pip packages) of a conda environment file."""
    env = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next((d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d), [])
    return _specs(conda), [p for p in pip if p.startswith("-")], _specs([p for p in pip if not p.startswith("-")])


@pytest.mark.parametrize("file, with_dev", [("environment.yml", False), ("environment-dev.yml", True)])
def test_conda_file_lists_what_pyproject_does(file, with_dev):
    conda, options, pip = _conda_file(file)
    assert set(conda) == {"python", "pip"}, f"{file}: conda packages other than python and pip: {conda}"
    assert conda["python"] == "python" + PROJECT["project"]["requires-python"].replace(" ", "")
    assert options == ["-e ."], f"{file}: the workbook itself should be installed with `-e .`: {options}"
    expected = _pyproject(with_dev)
    assert set(pip) == set(expected), (f"only in pyproject.toml: {sorted(set(expected) - set(pip))}; "
                                       f"only in {file}: {sorted(set(pip) - set(expected))}")
    for name, spec in expected.items():
        assert pip[name] == spec, f"{name}: pyproject.toml says {spec}, {file} says {pip[name]}"


def test_dev_file_is_the_user_file_plus_the_dev_group():
    _, _, user = _conda_file("environment.yml")
    _, _, dev = _conda_file("environment-dev.yml")
    assert set(dev) - set(user) == set(_specs(PROJECT["dependency-groups"]["dev"]))


@pytest.mark.venv
def test_pytest_runs_in_an_environment_built_from_the_conda_dev_file(tmp_path):
    """The dev file's packages (installed with uv into a clean environment, as conda's pip
    section would) run the project's pytest configuration (--nbval, -n) and a test module."""
    _, options, pip = _conda_file("environment-dev.yml")
    python = make_venv(tmp_path / "conda-dev")
    install(python, [*pip.values(), "-e", str(ROOT)], "environment-dev.yml's packages")
    listed = run([str(python), "-c", "import importlib.metadata as m, sys; "
                  "[m.version(n) for n in sys.argv[1:]]", *pip])
    assert listed.returncode == 0, listed.stderr
    # pytest reads pyproject.toml's addopts (--nbval) and plugins; -n 0 needs pytest-xdist
    out = run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "tests/test_numbers.py"],
              cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert re.search(r"\d+ passed", out.stdout), out.stdout[-2000:]
