"""docs/sources.md records each source article's SHA-256 (fixity): the record matches the texts."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import pingan
from pingan.workbench._fixity import recorded_hashes, source_hashes, sources_markdown

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "sources.md"


def test_every_article_has_a_recorded_hash():
    recorded = recorded_hashes(DOC)
    files = set(pingan.load("articles")["source_file"].to_list())
    assert set(recorded) == files, f"docs/sources.md records {sorted(recorded)}, articles.csv names {sorted(files)}"


@pytest.mark.sources
def test_recorded_hashes_match_the_texts(sources_dir):
    recorded = recorded_hashes(DOC)
    for name, digest in recorded.items():
        actual = hashlib.sha256((sources_dir / name).read_bytes()).hexdigest()
        assert actual == digest, (f"{name}: SHA-256 {actual}, docs/sources.md records {digest}; if the text "
                                  "was replaced on purpose, run `python3 run.py pingan sources --update docs/sources.md`")
    assert sources_markdown(source_hashes(sources_dir)) in DOC.read_text(encoding="utf-8")


@pytest.mark.sources
def test_a_changed_text_is_caught(tmp_path, sources_dir):
    rows = source_hashes(sources_dir)
    changed = tmp_path / "sources"
    changed.mkdir()
    for r in rows:
        (changed / r["source_file"]).write_bytes((sources_dir / r["source_file"]).read_bytes())
    first = changed / rows[0]["source_file"]
    first.write_bytes(first.read_bytes() + b"\n")
    again = {r["source_file"]: r["sha256"] for r in source_hashes(changed)}
    assert again[rows[0]["source_file"]] != recorded_hashes(DOC)[rows[0]["source_file"]]
