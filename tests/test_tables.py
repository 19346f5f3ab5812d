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
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html, flags=re.S)
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
    assert "(Statistic, Indicator, As printed, Value" in repr(t) and "stat_id" not in repr(t)  # headers, not storage names


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


# --- the HTML writer (pingan.tables._html), on tiny tables -------------------------------------

from pingan.tables._html import Column, format_number, render_table  # noqa: E402


@pytest.mark.parametrize("value, decimals, separators, shown", [
    (85_560_000_000.0, 0, True, "85,560,000,000"),
    (-7.82, 2, True, "−7.82"),      # a true minus sign, not a hyphen
    (20.0, 1, True, "20"),          # no bare point, no needless zero
    (6.30, 2, True, "6.3"),
    (-0.004, 2, True, "0"),         # rounds to zero: no sign
    (-0.005001, 2, True, "−0.01"),
    (999.995, 2, True, "1,000"),    # rounding carries into the separators
    (2017, 0, False, "2017"),       # a year
    (1234, 0, True, "1,234"),
    (-1234567, 0, True, "−1,234,567"),
    (0, 0, True, "0"),
])
def test_format_number(value, decimals, separators, shown):
    assert format_number(value, decimals, separators=separators) == shown


def test_the_writer_escapes_every_text_and_keeps_the_table_semantic():
    cols = [Column("a_id", "<Id>", nowrap=True), Column("n", "N & n", "integer"), Column("t", "Text", width="260px")]
    html = render_table([("x<1", 1234, "a & b"), ("y", None, "<script>alert(1)</script>")], cols,
                        table_id="t-1", title="A <b>title</b>", subtitle="sub & title", notes=["Source: x < y"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "A &lt;b&gt;title&lt;/b&gt;" in html
    assert '<th scope="col">&lt;Id&gt;</th>' in html and '<th scope="col" class="pingan-num">N &amp; n</th>' in html
    assert '<td class="pingan-nowrap">x&lt;1</td>' in html and '<td class="pingan-num">1,234</td>' in html
    assert '<td class="pingan-num">—</td>' in html  # missing
    assert re.search(r"<caption>.*A &lt;b&gt;.*sub &amp; title.*</caption>", html, flags=re.S)
    assert '<colgroup><col><col><col style="width: 260px;"></colgroup>' in html
    assert '<tfoot><tr><td colspan="3">Source: x &lt; y</td></tr></tfoot>' in html
    assert html.startswith('<div id="t-1"') and "#t-1 td" in html  # styles scoped to this table


def test_the_writer_leaves_out_what_is_not_given():
    html = render_table([], [Column("a", "A")], table_id="t")
    assert "<caption>" not in html and "<tfoot>" not in html and "<colgroup>" not in html
    assert "<tbody></tbody>" in html


def test_show_table_prints_years_plainly_floats_to_their_decimals_and_nan_as_missing():
    df = pl.DataFrame({"started": [2004, 2017], "year_count": [2017, 3], "share": [0.5, float("nan")],
                       "rate": [1.0, 2.0], "flag": [True, None]})
    cells = _cells(pingan.show_table(df)._repr_html_())
    assert cells == ["2004", "2,017", "0.5", "1", "True", "2017", "3", "—", "2", "—"]


def test_the_writer_rounds_to_whole_numbers_unless_told_otherwise():
    assert format_number(1234.4) == "1,234"  # no decimals by default
    assert Column("n", "N", "number").cell(1234.4) == "1,234"
    assert Column("n", "N", "integer").cell(1234.4) == "1,234"  # a float column shown without decimals
    assert Column("y", "Y", "year").cell(2017.4) == "2017"
    assert Column("n", "N", "number", decimals=1).cell(1234.46) == "1,234.5"
    assert pingan.show_table(pl.DataFrame({"x": [1234.4]}), decimals={"x": 0}).frame["x"][0] == 1234.4
    assert _cells(pingan.show_table(pl.DataFrame({"x": [1234.4]}), decimals={"x": 0}).html) == ["1,234"]


def test_a_title_alone_or_a_subtitle_alone_makes_a_caption():
    only_title = render_table([], [Column("a", "A")], table_id="t", title="T")
    only_subtitle = render_table([], [Column("a", "A")], table_id="t", subtitle="S")
    assert '<caption><span class="pingan-title">T</span></caption>' in only_title
    assert '<caption><span class="pingan-subtitle">S</span></caption>' in only_subtitle
