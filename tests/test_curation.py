"""The curation is complete and consistent: coverage, places, practices, glossary."""
import re

import polars as pl
import pytest

import pingan

NAMED_PRACTICES = ["一警情三推送", "六制", "五联", "两站两员", "警保联动", "六方协作", "后陈经验",
                   "三治融合", "民声一键办", "联盟花园", "六联", "141", "1141", "雪亮工程", "四个平台"]
TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def test_no_unexplained_number(data_dir, sources_dir):
    report = pingan.audit_coverage(data_dir, sources_dir)
    unexplained = [f"{i.source_file}:{i.line}: {i.text} …{i.context}…" for i in report.unexplained]
    assert unexplained == []
    assert {i.article_id for i in report.items} == set(pingan.load("articles")["article_id"])


def test_each_article_has_statistics_and_practices():
    """The rule (README, "How it is tested"): every article has at least one curated statistic
    and one named practice; how many depends on the article (the coverage test sees to it
    that every number is curated or excluded)."""
    stats, practices = pingan.load("statistics"), pingan.load("practices")
    for aid in pingan.load("articles")["article_id"]:
        assert stats.filter(pl.col("article_id") == aid).height >= 1, f"{aid}: no statistic curated"
        assert practices.filter(pl.col("article_id") == aid).height >= 1, f"{aid}: no named practice curated"


@pytest.mark.parametrize("name", NAMED_PRACTICES)
def test_named_practice_is_curated(name):
    practices = pingan.load("practices")
    assert practices.filter(pl.col("name_zh").str.contains(name, literal=True)).height >= 1


def test_glossary_covers_every_chinese_term_in_the_notebooks():
    import glob
    from pathlib import Path

    import nbformat
    root = Path(__file__).resolve().parents[1]
    known = set(pingan.load("glossary")["term_zh"]) | set(pingan.load("places")["name_zh"])
    titles = pingan.load("articles")["title_zh"].to_list()  # quoted as citations, not terms
    cjk = r"[\u4e00-\u9fff][\u4e00-\u9fff\"“”+·]*[\u4e00-\u9fff]|[\u4e00-\u9fff]"
    missing = set()
    for f in glob.glob(str(root / "notebooks" / "*.ipynb")):
        for cell in nbformat.read(f, 4).cells:
            if cell.cell_type == "markdown":
                missing |= {t for t in re.findall(cjk, cell.source)
                            if t not in known and not any(t in title for title in titles)}
    assert missing == set()
