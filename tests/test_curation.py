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


def test_glossary_covers_every_chinese_term_in_the_notebooks(sources_dir):
    """Chinese in the notebooks' prose is a glossary term, a place, or a short quote that stands in an
    article (a citation: the words are the article's, not a term the workbook renders)."""
    import glob
    from pathlib import Path

    import nbformat

    from pingan.text._matching import SourceTexts
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


# A practice whose name_zh is exactly a glossary term may differ from the glossary's term_en
# only as listed here, with the reason (practice_id -> why).
NAME_EN_EXCEPTIONS: dict[str, str] = {}


def _plural(term: str) -> str:
    if term.endswith("'"):
        return _plural(term[:-1]) + "'"
    if term.endswith(("x", "s", "ch", "sh")):
        return term + "es"
    if len(term) > 1 and term.endswith("y") and term[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def _as_compared(text: str) -> str:
    """Sentence case set aside (a practice name starts with a capital, a glossary term need not),
    and a trailing parenthetical qualifier that tells two rows apart ("Red grid (grid + party branch)")."""
    text = re.sub(r"\s*\([^()]*\)$", "", text.strip())
    return text[:1].lower() + text[1:]


def test_practice_named_by_a_glossary_term_uses_its_english():
    """One English rendering per Chinese term (the glossary is the source): a practice whose name_zh
    is a glossary term carries that term's term_en as its name_en, or its plural when the article
    names several, or an exception listed in NAME_EN_EXCEPTIONS with the reason."""
    glossary = pingan.load("glossary")
    term_en = dict(zip(glossary["term_zh"], glossary["term_en"]))
    practices = pingan.load("practices").filter(pl.col("name_zh").is_in(list(term_en)))
    assert practices.height >= 10  # the check has something to check
    wrong = []
    for row in practices.iter_rows(named=True):
        want = _as_compared(term_en[row["name_zh"]])
        got = _as_compared(row["name_en"])
        if got not in {want, _plural(want)} and row["practice_id"] not in NAME_EN_EXCEPTIONS:
            wrong.append(f"{row['practice_id']}: {row['name_zh']} is '{row['name_en']}', glossary "
                         f"'{term_en[row['name_zh']]}'")
    assert wrong == []
    assert set(NAME_EN_EXCEPTIONS) <= set(practices["practice_id"]), "stale exception"


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
