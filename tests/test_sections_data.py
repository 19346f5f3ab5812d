"""The articles' own framing as data: article_sections.csv and practice_sections.csv.

Every practice sits in exactly one section of its own article; each article's sections
are numbered in the order their headings stand in the article; each practice's quote
stands inside its section; bad input is reported as file:line: column: message."""
from __future__ import annotations

import csv

import polars as pl
import pytest

import pingan
from conftest import assert_reported, read_rows as _read, write_rows as _write

TABLES = pingan.load_all()


def test_every_practice_is_in_exactly_one_section_of_its_own_article(reported):
    """One section per practice (practice_sections.csv's primary key), of its own article, the one its quote
    stands in; each article's sections numbered 1, 2, 3 … in the order their headings stand in the
    article (the check sections of `pingan validate`); and since every article has a practice
    (article-curated), every article has its sections."""
    assert reported("sections", "article-curated") == []


def test_the_printed_frames_are_there():
    """The sections the articles print, by their key words (not a count typed in)."""
    heads = {a: "".join(g.sort("position")["heading_zh"].to_list())
             for (a,), g in TABLES["article_sections"].group_by("article_id")}
    for word in ("服务民生", "严管严治", "科技引领", "社会参与"):
        assert word in heads["jinhua-2017"]
    for word in ("党建引领", "一站化解", "智慧创新", "群防群治"):
        assert word in heads["jinhua-2020"]
    for word in ("安全网", "综治网", "志愿网"):
        assert word in heads["wucheng-2020"]
    for word in ("一个目标", "一个导向", "一个基础", "一个理念"):
        assert word in heads["quzhou-2024"]
    jx = TABLES["article_sections"].filter(pl.col("article_id") == "jiaxing-2024").sort("position")
    places = dict(zip(TABLES["places"]["place_code"], TABLES["places"]["name_zh"]))
    assert [places[c][:2] for c in jx["place_code"][1:]] == ["南湖", "秀洲", "嘉善", "平湖", "海盐", "海宁", "桐乡"]


def test_article_sections_helper_returns_sections_with_their_practices():
    out = pingan.article_sections("quzhou-2024", tables=TABLES)
    assert out["position"].to_list() == sorted(out["position"].to_list())
    assert out["practices"].sum() == TABLES["practices"].filter(pl.col("article_id") == "quzhou-2024").height
    assert (out["templates"] + out["local"] == out["practices"]).all()
    assert all(len(ids) == n for ids, n in zip(out["practice_ids"], out["practices"]))
    with pytest.raises(ValueError, match="valid ids: jinhua-2017"):
        pingan.article_sections("hangzhou-2024", tables=TABLES)


# --- bad input: named by file, line and column ---------------------------------------------

def test_a_practice_without_a_section_is_reported(package_copy, sources_dir):
    p = package_copy / "practice_sections.csv"
    rows = _read(p)
    gone = rows.pop(7)[0]
    _write(p, rows)
    line = 1 + next(i for i, r in enumerate(_read(package_copy / "practices.csv")[1:], start=1) if r[0] == gone)
    assert_reported(package_copy, sources_dir, rf"practices\.csv:{line}: practice_id: '{gone}' has no section")


def test_a_practice_twice_is_reported(package_copy, sources_dir):
    p = package_copy / "practice_sections.csv"
    rows = _read(p)
    rows.append(rows[3])
    _write(p, rows)
    assert_reported(package_copy, sources_dir, rf"practice_sections\.csv:{len(rows)}: practice_id: duplicate")


def test_a_section_of_another_article_is_reported(package_copy, sources_dir):
    p = package_copy / "practice_sections.csv"
    rows = _read(p)
    i = next(i for i, r in enumerate(rows) if r[1].startswith("jinhua-2017-"))
    rows[i][1] = "quzhou-2024-one-goal"
    _write(p, rows)
    assert_reported(package_copy, sources_dir,
                    rf"practice_sections\.csv:{i + 1}: section_id: 'quzhou-2024-one-goal' is a section of 'quzhou-2024'")


def test_a_practice_in_the_wrong_section_of_its_article_is_reported(package_copy, sources_dir):
    p = package_copy / "practice_sections.csv"
    rows = _read(p)
    i = next(i for i, r in enumerate(rows) if r[1] == "quzhou-2024-one-goal")
    rows[i][1] = "quzhou-2024-one-belief"
    _write(p, rows)
    assert_reported(package_copy, sources_dir,
                    rf"practice_sections\.csv:{i + 1}: section_id: 'quzhou-2024-one-belief', but the practice's quote "
                    r"stands in 'quzhou-2024-one-goal'")


def test_sections_out_of_order_are_reported(package_copy, sources_dir):
    p = package_copy / "article_sections.csv"
    rows = _read(p)
    head = rows[0]
    pos = head.index("position")
    a = next(i for i, r in enumerate(rows) if r[1] == "wucheng-2020-safety-net")
    b = next(i for i, r in enumerate(rows) if r[1] == "wucheng-2020-governance-net")
    rows[a][pos], rows[b][pos] = rows[b][pos], rows[a][pos]
    _write(p, rows)
    assert_reported(package_copy, sources_dir, rf"article_sections\.csv:{a + 1}: position: 3, but its heading stands "
                    r"before that of 'wucheng-2020-governance-net'")


def test_a_gap_in_positions_is_reported(package_copy, sources_dir):
    p = package_copy / "article_sections.csv"
    rows = _read(p)
    pos = rows[0].index("position")
    i = next(i for i, r in enumerate(rows) if r[1] == "quzhou-2024-one-belief")
    rows[i][pos] = "7"
    _write(p, rows)
    assert_reported(package_copy, sources_dir, rf"article_sections\.csv:{i + 1}: position: 7 but the sections of "
                    r"'quzhou-2024' must be numbered")


def test_a_heading_not_in_the_article_is_reported(package_copy, sources_dir):
    p = package_copy / "article_sections.csv"
    rows = _read(p)
    q = rows[0].index("quote")
    rows[5][q] = "社会参与 志愿服务满杭州"
    _write(p, rows)
    assert_reported(package_copy, sources_dir, r"article_sections\.csv:6: quote: not found in 000_")
