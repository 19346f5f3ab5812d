"""kwic and term frequencies: one matching rule (whitespace removed, no overlaps), stored counts
that equal a fresh recount, and clear errors when the article texts are absent."""
import re
import subprocess
import sys

import polars as pl
import pytest

import pingan
from conftest import assert_reported, rewrite_rows as _rewrite
from pingan.package._term_counts import recount_term_counts

def _plain_count(sources_dir, tables, article_id, term):
    """Independent of pingan: the file, every whitespace character dropped, str.count."""
    f = tables["articles"].filter(pl.col("article_id") == article_id)["source_file"].item()
    text = "".join(ch for ch in (sources_dir / f).read_text(encoding="utf-8") if not ch.isspace())
    return text, text.count(term)


@pytest.mark.parametrize("term", ["平安", "网格", "枫桥经验", "调解", "矛盾纠纷"])
def test_kwic_agrees_with_a_plain_count(term, data_dir, sources_dir):
    tables = pingan.load_all(data_dir, sources_dir)
    hits = pingan.kwic(term, width=12, sources_dir=sources_dir, tables=tables)
    assert hits.columns == ["article_id", "offset", "left", "term", "right"]
    total = 0
    for aid in tables["articles"]["article_id"]:
        text, n = _plain_count(sources_dir, tables, aid, term)
        rows = hits.filter(pl.col("article_id") == aid)
        assert rows.height == n, (aid, term)
        total += n
        for r in rows.iter_rows(named=True):
            at = r["offset"]
            assert text[at:at + len(term)] == term == r["term"]
            assert r["left"] == text[max(0, at - 12):at]
            assert r["right"] == text[at + len(term):at + len(term) + 12]
    assert total == hits.height > 0


def _fake(tmp_path, text):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    arts = pl.DataFrame({"article_id": ["fake-2000"], "source_file": ["a.txt"], "published": ["2000"]})
    return src, {"articles": arts}


def test_kwic_joins_lines_and_does_not_overlap(tmp_path):
    src, tables = _fake(tmp_path, "平安\n浙江  平 安浙江,平安平安平安。")
    hits = pingan.kwic("平安浙江", width=2, sources_dir=src, tables=tables)
    assert hits["offset"].to_list() == [0, 4]  # broken by a line break and by spaces: still found
    assert hits.row(0) == ("fake-2000", 0, "", "平安浙江", "平安")
    flat = "平安浙江平安浙江,平安平安平安。"
    assert pingan.kwic("平安平安", sources_dir=src, tables=tables).height == flat.count("平安平安") == 1
    assert pingan.kwic("平安 平安", sources_dir=src, tables=tables).height == 1  # the term is squashed too


def test_kwic_rejects_bad_input(tmp_path, data_dir):
    src, tables = _fake(tmp_path, "平安")
    with pytest.raises(ValueError, match="empty"):
        pingan.kwic(" \n", sources_dir=src, tables=tables)
    with pytest.raises(ValueError, match="width"):
        pingan.kwic("平安", width=-1, sources_dir=src, tables=tables)
    with pytest.raises(ValueError, match=r"unknown article id 'nowhere-2000'.*jinhua-2017, .*jiaxing-2024"):
        pingan.kwic("平安", articles="nowhere-2000", tables=pingan.load_all(data_dir))


def test_missing_texts_say_where_they_were_looked_for(tmp_path, monkeypatch, data_dir):
    tables = pingan.load_all(data_dir)
    absent = tmp_path / "no-such-folder"
    with pytest.raises(pingan.SourcesNotFoundError, match=re.escape(str(absent)) + r" \(the sources_dir given\)"):
        pingan.kwic("平安", sources_dir=absent, tables=tables)
    monkeypatch.setenv("PINGAN_SOURCES", str(absent))
    with pytest.raises(pingan.SourcesNotFoundError) as e:
        pingan.kwic("平安", tables=tables)
    assert str(absent) in str(e.value) and "$PINGAN_SOURCES" in str(e.value)
    monkeypatch.delenv("PINGAN_SOURCES")
    monkeypatch.setattr("pingan.text._sources.default_sources_dir", lambda: absent)
    with pytest.raises(pingan.SourcesNotFoundError, match=r"\.\./shared/sources .*PINGAN_SOURCES"):
        pingan.kwic("平安", tables=tables)
    src, fake = _fake(tmp_path, "平安")
    (src / "a.txt").unlink()
    with pytest.raises(pingan.SourcesNotFoundError, match=r"'a.txt' \(article fake-2000\) is not in"):
        pingan.kwic("平安", sources_dir=src, tables=fake)


def test_stored_counts_equal_a_fresh_recount(data_dir, sources_dir):
    tables = pingan.load_all(data_dir, sources_dir)
    fresh = recount_term_counts(tables, sources_dir).sort("article_id", "term_zh")
    stored = tables["term_counts"].sort("article_id", "term_zh")
    assert stored.equals(fresh)
    # and kwic counts what the table stores
    row = stored.filter(pl.col("term_zh") == "网格").sort("occurrences", descending=True).row(0, named=True)
    assert pingan.kwic("网格", articles=row["article_id"], sources_dir=sources_dir, tables=tables).height == row["occurrences"]


def test_term_frequencies_run_without_the_texts(monkeypatch, tmp_path, data_dir):
    """A reader without the texts (who has not asked for them to be required) still gets the curated terms."""
    from pingan.base import _settings
    monkeypatch.setattr(_settings, "_current", _settings.Settings(sources_dir=tmp_path / "absent"))
    tables = pingan.load_all(data_dir)
    freq = pingan.term_frequencies(tables=tables)
    n_terms, n_articles = tables["governance_terms"].height, tables["articles"].height
    assert freq.height == n_terms * n_articles
    assert freq.columns == ["article_id", "published", "term", "pinyin", "term_en", "family", "occurrences",
                            "characters", "per_1000_chars"]
    assert (freq["per_1000_chars"] - freq["occurrences"] / freq["characters"] * 1000).abs().max() < 1e-12
    assert freq["published"].to_list() == sorted(freq["published"].to_list())
    assert freq["term"].head(n_terms).to_list() == tables["governance_terms"]["term_zh"].to_list()
    # a term asked for in another order, with whitespace, keeps the order asked
    two = pingan.term_frequencies(["网格", "平 安"], tables=tables)
    assert two["term"].head(2).to_list() == ["网格", "平安"]
    with pytest.raises(pingan.SourcesNotFoundError, match=r"警察 is not among the stored counts.*absent"):
        pingan.term_frequencies(["平安", "警察"], tables=tables)


def test_term_frequencies_count_new_terms_in_the_texts(data_dir, sources_dir):
    tables = pingan.load_all(data_dir, sources_dir)
    freq = pingan.term_frequencies(["平安", "警"], tables=tables, sources_dir=sources_dir)
    new = freq.filter(pl.col("term") == "警")
    assert new["term_en"].null_count() == new.height == tables["articles"].height
    for r in new.iter_rows(named=True):
        text, n = _plain_count(sources_dir, tables, r["article_id"], "警")
        assert (r["occurrences"], r["characters"]) == (n, len(text))
    assert new["occurrences"].sum() > 0


def test_curated_terms_are_in_the_texts_with_tone_marked_pinyin(data_dir, reported):
    """Every term occurs in some article (term-used), its pinyin has tone marks (pinyin-tone) and is the
    glossary's where the glossary has the term (term-pinyin): checks of `pingan validate`."""
    assert 25 <= pingan.load_all(data_dir)["governance_terms"].height <= 40
    assert reported("term-used", "term-pinyin", "pinyin-tone", "term-counts") == []


def test_validate_reports_stale_and_missing_counts(package_copy, sources_dir):
    def bump(rows):
        rows[3][2] = str(int(rows[3][2]) + 1)
    _rewrite(package_copy / "term_counts.csv", bump)
    assert_reported(package_copy, sources_dir, r"term_counts.csv:4: occurrences: \d+ but .* occurs \d+ times in .*--refresh")
    _rewrite(package_copy / "term_counts.csv", lambda rows: rows.pop(5))
    assert_reported(package_copy, sources_dir, r"term_counts.csv:1: term_zh: no counts for article \S+ and term \S+")


def test_validate_reports_a_length_that_differs_within_an_article(package_copy, tmp_path):
    def edit(rows):
        rows[2][3] = str(int(rows[2][3]) + 7)
    _rewrite(package_copy / "term_counts.csv", edit)
    problems = [str(p) for p in pingan.validate(package_copy, tmp_path / "absent")]  # no texts needed
    assert any(re.search(r"term_counts.csv:3: characters: \d+ but line 2 gives \d+", p) for p in problems), problems


def test_refresh_rewrites_the_table_from_the_texts(package_copy, sources_dir):
    original = (package_copy / "term_counts.csv").read_bytes()
    _rewrite(package_copy / "term_counts.csv", lambda rows: [rows.pop(9), rows.__setitem__(2, rows[2][:2] + ["99", rows[2][3]])])
    assert (package_copy / "term_counts.csv").read_bytes() != original
    out = subprocess.run([sys.executable, "-m", "pingan", "terms", "--refresh", "--data-dir", str(package_copy),
                          "--sources", str(sources_dir)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (package_copy / "term_counts.csv").read_bytes() == original
    assert pingan.validate(package_copy, sources_dir, require_sources=True) == []


def test_refresh_stops_on_a_problem_elsewhere(package_copy, sources_dir):
    _rewrite(package_copy / "governance_terms.csv", lambda rows: rows[1].__setitem__(3, "not-a-family"))
    out = subprocess.run([sys.executable, "-m", "pingan", "terms", "--refresh", "--data-dir", str(package_copy),
                          "--sources", str(sources_dir)], capture_output=True, text=True)
    assert out.returncode == 1
    assert re.search(r"governance_terms.csv:2: family: 'not-a-family' is not one of", out.stderr), out.stderr


def test_terms_command_prints_rates_per_article(data_dir):
    out = subprocess.run([sys.executable, "-m", "pingan", "terms", "--data-dir", str(data_dir)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    tables = pingan.load_all(data_dir)
    assert "per 1,000 characters" in out.stdout
    for aid in tables["articles"]["article_id"]:
        assert aid in out.stdout
    for term in tables["governance_terms"]["term_zh"]:
        assert term in out.stdout
