"""Adding an article, as the README's "Adding an article" says: `pingan add-article` registers
a small synthetic article in a scratch copy of the data, sources and notebooks; its starter
notebook runs before anything is curated; once a few rows are curated, validate prints ok,
coverage finds no unexplained number, the starter notebook runs and shows them, and the data
tests hold with one article more. Before it is curated, validate lists what the article still
needs (gaps in its curation) while the tables load."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pingan
from pingan.workbench._new_article import notebook_stem

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "hangzhou-2023"
TEXT = """杭州市深化平安建设。2023年，全市刑事案件同比下降12.5%，
群众安全感满意度达到98.6%。全市配备专职网格员3500余名，
推行“网格议事会”制度，化解矛盾纠纷8000余件。网格员发现的问题先由网格议事会
协商解决，解决不了的由网格员上报镇街综治中心。
"""
ARGS = ["--id", ARTICLE, "--title-zh", "杭州深化平安建设", "--title-en", "Hangzhou deepens Ping An building",
        "--published", "2023-06", "--place-code", "330100", "--outlet", "synthetic test article",
        "--summary-en", "A made-up article of three sentences, for testing the path of a new article."]
# the curation of TEXT: every number a statistic or an exclusion, and its one named practice
CURATED = {
    "statistics.csv": [
        [f"{ARTICLE}-001", ARTICLE, "330100", "2023", "stated", "criminal_cases", "-12.5", "percent", "change_pct",
         "exact", "12.5%", "全市刑事案件同比下降12.5%", ""],
        [f"{ARTICLE}-002", ARTICLE, "330100", "2023", "stated", "safety_satisfaction_rate", "98.6", "percent",
         "rate_pct", "exact", "98.6%", "群众安全感满意度达到98.6%", ""],
        [f"{ARTICLE}-003", ARTICLE, "330100", "2023", "inferred", "grid_workers", "3500", "people", "level",
         "at_least", "3500余", "全市配备专职网格员3500余名", "inferred: the sentence follows the 2023 results."],
        [f"{ARTICLE}-004", ARTICLE, "330100", "2023", "inferred", "disputes_resolved", "8000", "count", "level",
         "at_least", "8000余", "化解矛盾纠纷8000余件", "inferred: the sentence follows the 2023 results."],
    ],
    "exclusions.csv": [[ARTICLE, "2023", "2023年，全市刑事案件同比下降12.5%", "date", "Year the figures describe."]],
    "practices.csv": [
        [f"{ARTICLE}-grid-council", ARTICLE, "330100", "“网格议事会”制度", "“wǎnggé yìshìhuì” zhìdù",
         "Grid deliberation council", "self-governance", "grid-management",
         "网格 in its name: a practice run by the grid workers", "prefecture", "grid", "unknown", "",
         "unknown: the article says only 推行, with no creation wording or named programme", "",
         "Residents of a grid meet to settle local matters.", "推行“网格议事会”制度"],
        [f"{ARTICLE}-grid-workers", ARTICLE, "330100", "专职网格员", "zhuānzhí wǎnggéyuán", "Full-time grid workers",
         "grid-management", "grid-management", "网格员: the grid's workers", "prefecture", "grid", "unknown", "",
         "unknown: the article says only 配备, with no creation wording", "",
         "Salaried workers who patrol a grid and report what they find.", "全市配备专职网格员3500余名"],
        [f"{ARTICLE}-township-centre", ARTICLE, "330100", "镇街综治中心", "zhèn jiē zōngzhì zhōngxīn",
         "Township comprehensive-governance centres", "grid-management", "four-platforms",
         "综治中心: the township platform that takes what the grids report", "township", "township", "unknown", "",
         "unknown: the article names the centres without saying where they came from", "",
         "The township centre that takes up what a grid council cannot settle.", "上报镇街综治中心"]],
    "practice_links.csv": [
        [ARTICLE, f"{ARTICLE}-grid-workers", f"{ARTICLE}-grid-council", "feeds", "网格员发现的问题先由网格议事会协商解决",
         "", "stated", "网格员发现的问题先由网格议事会协商解决"],
        [ARTICLE, f"{ARTICLE}-grid-council", f"{ARTICLE}-township-centre", "escalates-to",
         "解决不了的由网格员上报镇街综治中心", "", "stated", "解决不了的…上报"],
        [ARTICLE, f"{ARTICLE}-grid-workers", f"{ARTICLE}-township-centre", "feeds", "由网格员上报镇街综治中心", "",
         "stated", "由网格员上报"]],
    "double_coding.csv": [
        *[[field, f"{ARTICLE}-{p}", value, value, value, "agreement", ""] for p in ("grid-council", "grid-workers", "township-centre")
          for field, value in (("origin", "unknown"), ("origin_place", ""))],
        *[["basis", f"{ARTICLE}-{a}->{ARTICLE}-{b}", "stated", "stated", "stated", "agreement", ""]
          for a, b in (("grid-workers", "grid-council"), ("grid-council", "township-centre"),
                       ("grid-workers", "township-centre"))]],
    "article_sections.csv": [[ARTICLE, f"{ARTICLE}-introduction", "1", "330100", "杭州市深化平安建设",
                              "Hángzhōu Shì shēnhuà píng'ān jiànshè", "Hangzhou deepens Ping An building",
                              "杭州市深化平安建设", "The whole (four-sentence) article."]],
    "practice_sections.csv": [[f"{ARTICLE}-{p}", f"{ARTICLE}-introduction"]
                              for p in ("grid-council", "grid-workers", "township-centre")],
    "statistic_sections.csv": [[f"{ARTICLE}-00{i}", f"{ARTICLE}-introduction"] for i in range(1, 5)],
}


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "pingan", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT)


@pytest.fixture
def workbook(tmp_path, data_dir, sources_dir) -> dict[str, Path]:
    """Scratch copies of data/, the sources and the notebooks (their names, for numbering)."""
    dirs = {"data": tmp_path / "data", "sources": tmp_path / "sources", "notebooks": tmp_path / "notebooks"}
    shutil.copytree(data_dir, dirs["data"])
    shutil.copytree(sources_dir, dirs["sources"])
    dirs["notebooks"].mkdir()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        (dirs["notebooks"] / nb.name).touch()
    (tmp_path / "hangzhou.txt").write_text(TEXT, encoding="utf-8")
    dirs["text"] = tmp_path / "hangzhou.txt"
    return dirs


def _add(workbook, *extra):
    return cli("add-article", "--source", str(workbook["text"]), *ARGS, "--data-dir", str(workbook["data"]),
               "--sources", str(workbook["sources"]), "--notebooks-dir", str(workbook["notebooks"]), *extra)


def _curate(data: Path) -> None:
    for name, rows in CURATED.items():
        with open(data / name, "a", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)


def _execute(notebook: Path, workbook) -> dict:
    """Run the notebook as `python3 run.py notebooks` does, against the scratch data."""
    env = dict(os.environ, PINGAN_DATA=str(workbook["data"]), PINGAN_SOURCES=str(workbook["sources"]),
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    out = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                          "--ExecutePreprocessor.timeout=120", str(notebook)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-4000:]
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"
              or o.get("name") == "stderr"]
    assert errors == [], errors
    return nb


def _text(nb: dict) -> str:
    return "\n".join("".join(o.get("data", {}).get("text/markdown", "")) for c in nb["cells"]
                     for o in c.get("outputs", []))


def test_a_new_article_goes_from_text_to_a_checked_notebook(workbook):
    data, sources = workbook["data"], workbook["sources"]
    added = _add(workbook)
    assert added.returncode == 0, added.stderr
    row = pingan.load("articles", data, sources).row(-1, named=True)
    assert (row["article_id"], row["source_file"], row["date_precision"], row["period_covered"]) == \
        (ARTICLE, f"{ARTICLE}.txt", "month", "2023")
    assert (sources / f"{ARTICLE}.txt").read_text(encoding="utf-8") == TEXT
    (notebook,) = workbook["notebooks"].glob(f"*_{notebook_stem(ARTICLE)}.ipynb")
    assert notebook.name == f"{len(list((ROOT / 'notebooks').glob('*.ipynb'))):02d}_{notebook_stem(ARTICLE)}.ipynb"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][-1]["title"] == "杭州深化平安建设 (Hangzhou, 2023)"

    # registered but not yet curated: validate lists what is still to curate (every row is right, so the
    # tables load), its numbers are unexplained, its notebook already runs
    validate = cli("validate", str(data), "--sources", str(sources))
    assert validate.returncode == 1
    gaps = [line for line in validate.stdout.splitlines() if ARTICLE in line]
    assert len(gaps) == len(validate.stdout.splitlines()) == 4, validate.stdout
    for gap in ("has no statistic", "has no practice", "has 0 links", "names 网格, a signature term of grid-management"):
        assert any(re.search(rf"articles\.csv:\d+: article_id: {ARTICLE} {gap}", line) for line in gaps), (gap, gaps)
    coverage = cli("coverage", "--data-dir", str(data), "--sources", str(sources))
    assert coverage.returncode == 1
    assert len(re.findall(rf"{ARTICLE}\.txt:\d+: \[{ARTICLE}\] unexplained", coverage.stdout)) == 5
    assert "No figure of this article is curated yet" in _text(_execute(notebook, workbook))

    _curate(data)
    validate = cli("validate", str(data), "--sources", str(sources))
    assert validate.returncode == 0, validate.stdout
    coverage = cli("coverage", "--data-dir", str(data), "--sources", str(sources))
    assert coverage.returncode == 0, coverage.stdout
    nb = _execute(notebook, workbook)
    assert "The tables hold **4** figures and **3** named practices from it." in _text(nb)
    charts = [o for c in nb["cells"] for o in c.get("outputs", []) if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    assert len(charts) == 4  # the practices by category; changes, counts and rates


def test_the_data_tests_hold_with_one_article_more(workbook):
    """The tests of the data itself state rules for any number of articles (README, "How it is
    tested"); run them on the six-article copy."""
    assert _add(workbook).returncode == 0
    _curate(workbook["data"])
    env = dict(os.environ, PINGAN_DATA=str(workbook["data"]), PINGAN_SOURCES=str(workbook["sources"]))
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
                          "tests/test_curation.py", "tests/test_findings.py", "tests/test_model_data.py",
                          "tests/test_sections_data.py", "tests/test_validation.py::test_real_data_is_clean",
                          "tests/test_validation.py::test_nothing_dropped",
                          "tests/test_origins.py::test_double_coding_matches_the_data",
                          "tests/test_term_counts.py::test_stored_counts_equal_a_fresh_recount",
                          "tests/test_term_counts.py::test_curated_terms_are_in_the_texts_with_tone_marked_pinyin",
                          "tests/test_meaning_checks.py::test_real_data_has_no_problem_of_meaning"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stdout[-4000:]
    assert " passed" in out.stdout and "skipped" not in out.stdout, out.stdout[-2000:]


@pytest.mark.parametrize("change, message", [
    (["--id", "jinhua-2017"], "'jinhua-2017' is already in"),
    (["--place-code", "339999"], "'339999' is not in"),
    (["--published", "June 2023"], "'June 2023' does not match the pattern"),
    (["--id", "Hangzhou 2023"], "'Hangzhou 2023' does not match the pattern"),
    (["--source-file", "../escape.txt"], "'../escape.txt' does not match the pattern"),
])
def test_a_wrong_argument_is_refused_before_anything_is_written(workbook, change, message):
    before = {p: p.read_bytes() for p in workbook["data"].glob("*") if p.is_file()}
    args = list(ARGS)
    if change[0] in args:
        args[args.index(change[0]) + 1] = change[1]
    else:
        args += change
    out = cli("add-article", "--source", str(workbook["text"]), *args, "--data-dir", str(workbook["data"]),
              "--sources", str(workbook["sources"]), "--notebooks-dir", str(workbook["notebooks"]))
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert message in out.stderr, out.stderr
    assert {p: p.read_bytes() for p in before} == before
    assert not list(workbook["notebooks"].glob(f"*_{notebook_stem(ARTICLE)}.ipynb"))
    assert not (workbook["sources"] / f"{ARTICLE}.txt").exists()


def test_a_source_that_is_not_utf8_is_refused(workbook):
    workbook["text"].write_bytes(TEXT.encode("gbk"))
    out = _add(workbook)
    assert out.returncode == 1 and "is not a UTF-8 text file" in out.stderr, out.stderr


def test_every_article_has_its_own_notebook():
    for article_id in pingan.load("articles")["article_id"]:
        found = list((ROOT / "notebooks").glob(f"[0-9][0-9]_{notebook_stem(article_id)}.ipynb"))
        assert len(found) == 1, f"no notebook NN_{notebook_stem(article_id)}.ipynb for {article_id}"
        assert f'ARTICLE = \\"{article_id}\\"' in found[0].read_text(encoding="utf-8")


def test_the_starter_template_types_no_number_in_its_prose():
    nb = json.loads(pingan.workbench._new_article.TEMPLATE.read_text(encoding="utf-8"))
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    words = re.sub(r"`[^`]*`", "", prose)  # code spans (`python3 run.py …`) are commands, not counts
    assert not re.search(r"\d", words), words
