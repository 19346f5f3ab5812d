"""The curation is complete and consistent: coverage, places, practices, glossary."""
import re

import polars as pl
import pytest

import pingan

NAMED_PRACTICES = ["一警情三推送", "六制", "五联", "两站两员", "警保联动", "六方协作", "后陈经验",
                   "三治融合", "民声一键办", "联盟花园", "六联", "141", "1141", "雪亮工程", "四个平台"]


def test_no_unexplained_number(data_dir, sources_dir):
    report = pingan.audit_coverage(data_dir, sources_dir)
    unexplained = [f"{i.source_file}:{i.line}: {i.text} …{i.context}…" for i in report.unexplained]
    assert unexplained == []
    assert {i.article_id for i in report.items} == set(pingan.load("articles")["article_id"])


def test_each_article_has_statistics_and_practices(reported):
    """The rule (README, "How it is tested"): every article has at least one curated statistic
    and one named practice (the check article-curated of `pingan validate`); how many depends on
    the article (the coverage test sees to it that every number is curated or excluded)."""
    assert reported("article-curated") == []


@pytest.mark.parametrize("name", NAMED_PRACTICES)
def test_named_practice_is_curated(name):
    practices = pingan.load("practices")
    assert practices.filter(pl.col("name_zh").str.contains(name, literal=True)).height >= 1


def test_glossary_covers_every_chinese_term_in_the_notebooks(sources_dir):
    """Chinese in the notebooks' prose is a glossary term, a place, or a short quote that stands in an
    article (a citation: the words are the article's, not a term the workbook renders)."""
    import glob
    from pathlib import Path

    import nbformat

    from pingan.text._sources import SourceTexts
    root = Path(__file__).resolve().parents[1]
    known = set(pingan.load("glossary")["term_zh"]) | set(pingan.load("places")["name_zh"])
    arts = pingan.load("articles")
    texts = SourceTexts(arts, sources_dir)
    quoted = "".join(texts.flat(a) or "" for a in arts["article_id"])
    titles = arts["title_zh"].to_list() + [quoted]  # quoted as citations, not terms
    cjk = r"[\u4e00-\u9fff][\u4e00-\u9fff\"“”+·]*[\u4e00-\u9fff]|[\u4e00-\u9fff]"
    missing = set()
    for f in glob.glob(str(root / "notebooks" / "*.ipynb")):
        for cell in nbformat.read(f, 4).cells:
            if cell.cell_type == "markdown":
                missing |= {t for t in re.findall(cjk, cell.source)
                            if t not in known and not any(t in title for title in titles)}
    assert missing == set()


def test_practice_named_by_a_glossary_term_uses_its_english(reported):
    """One English rendering per Chinese term (the glossary is the source): the check practice-english
    of `pingan validate` (its plural where the article names several)."""
    assert reported("practice-english") == []


def test_one_glossary_rendering_for_the_safety_satisfaction_terms():
    """安全感满意度 and 安全感满意率 name one survey figure; the glossary renders both alike and the
    indicator's English carries the same words."""
    glossary = pingan.load("glossary")
    ens = set(glossary.filter(pl.col("term_zh").is_in(["安全感满意度", "安全感满意率"]))["term_en"])
    assert len(ens) == 1
    (en,) = ens
    indicators = pingan.load("indicators").filter(pl.col("name_zh").str.contains("安全感满意"))
    assert indicators.height >= 1
    for name in indicators["name_en"]:
        assert en.lower() in name.lower(), name
