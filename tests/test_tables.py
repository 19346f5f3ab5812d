"""Tables for readers: human headers, no quotes or dtype row, separators, full text, "—" for missing, fixed ids."""
import html as htmlmod
import re

import polars as pl
import pytest

import pingan


@pytest.fixture(scope="module")
def tables():
    return pingan.load_all()


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)]


def test_statistics_table_reads_like_a_table(tables):
    stats = tables["statistics"].filter(pl.col("article_id") == "jiaxing-2024")
    t = pingan.tables.statistics_table(stats, tables=tables)
    html = t._repr_html_()
    heads = re.findall(r'<th[^>]*class="gt_col_heading[^"]*"[^>]*>(.*?)</th>', html, flags=re.S)
    heads = [re.sub(r"<[^>]+>", "", h).strip() for h in heads]
    assert heads[:4] == ["Statistic", "Indicator", "As printed", "Value"]
    cells = _cells(html)
    assert "85,560,000,000" in cells and "8.5560e10" not in html  # GDP with separators
    assert "19" in cells and "19.0" not in cells  # no needless decimals
    assert "Regional GDP" in cells  # the indicator's name, not its slug
    quote = stats.filter(pl.col("stat_id") == "jiaxing-2024-002")["quote"][0]
    assert quote in html and f'"{quote}"' not in html  # the full quote, without quotation marks
    assert "str" not in heads and "f64" not in html  # no dtype row
    assert "Source: statistics.csv" in html
    assert repr(t).startswith("<Table:") and len(repr(t)) < 300


def test_missing_values_show_as_a_dash_and_long_text_is_whole(tables):
    findings = pingan.data_quality_findings(tables=tables)
    html = pingan.tables.findings_table(findings, columns=["finding_id", "kind", "stated", "message_en"])._repr_html_()
    assert "—" in _cells(html)  # stated is missing for most findings
    longest = max(findings["message_en"], key=len)
    assert len(longest) > 80 and (longest in html or htmlmod.escape(longest) in html)
    assert "Repeated figure" in html and "repeated_value" not in _cells(html)


def test_practice_categories_in_words(tables):
    html = pingan.tables.practices_table(tables["practices"].filter(pl.col("article_id") == "jinhua-2020"))._repr_html_()
    assert "Grid management" in html and "grid-management" not in _cells(html)


def test_table_html_is_the_same_on_every_run_and_differs_between_tables(tables):
    a = pingan.tables.articles_table(tables["articles"])._repr_html_()
    b = pingan.tables.articles_table(tables["articles"])._repr_html_()
    c = pingan.tables.articles_table(tables["articles"].head(2))._repr_html_()
    ids = {re.search(r'<div id="([^"]+)"', h).group(1) for h in (a, c)}
    assert a == b and len(ids) == 2
    assert "<script" not in a
    assert re.search(r'<div id="my-table"', pingan.show_table(tables["articles"], id="my-table")._repr_html_())


def test_max_rows_says_what_was_cut(tables):
    html = pingan.show_table(tables["glossary"], max_rows=5)._repr_html_()
    assert f"First 5 of {tables['glossary'].height:,} rows." in html
