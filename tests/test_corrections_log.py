"""The public corrections log is one table readers can scan: every row a date, what was wrong,
what it is now and where."""
import re
from pathlib import Path

import pingan

LOG = Path(__file__).resolve().parents[1] / "docs" / "corrections.md"


def test_corrections_log_is_one_well_formed_table():
    lines = LOG.read_text(encoding="utf-8").splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("| date |")]
    assert len(heads) == 1, "one table, one header"
    rows = [line for line in lines[heads[0] + 2:] if line.strip()]
    ids = pingan.load("articles")["article_id"].to_list()
    assert rows, "the log lists corrections"
    for line in rows:
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 4 and all(cells), line
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[0]), line
        said = cells[2]  # what it is now (what was wrong may quote the old text)
        assert not re.search(r"\w+\.csv\b", said) and not any(a in said for a in ids), f"raw id or file name: {line}"
