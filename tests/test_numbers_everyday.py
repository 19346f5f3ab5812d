"""Numbers as a Chinese reader reads them: a table of everyday cases (tests/number_cases.csv),
written from the rules, and properties with hypothesis.

Each row of the table says what ``parse_number`` or ``extract_numbers`` must make of an input:
``parse`` (value, unit, qualifier; the value is exact, a decimal or a fraction such as 2/3),
``ordinal`` (the same, and ``ordinal`` is set), ``error`` (NumberParseError, with the span of
the offending characters), ``spot`` (the spotter finds exactly one number: its text, value,
unit, qualifier) or ``nothing`` (the spotter finds none).
"""
from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import pingan
from pingan.text import NumberParseError, parse_number

CASES_FILE = Path(__file__).with_name("number_cases.csv")
with open(CASES_FILE, encoding="utf-8", newline="") as f:
    CASES = list(csv.DictReader(f))


def _case_id(row: dict) -> str:
    return f"{row['reads']}:{row['input']}"


def test_the_table_is_large_and_covers_every_kind():
    assert len(CASES) >= 150
    assert {r["reads"] for r in CASES} == {"parse", "ordinal", "error", "spot", "nothing"}
    assert len({r["input"] for r in CASES}) == len(CASES), "an input appears twice"


# Every case the issue lists (issue 10), with its reading: none may drop out of the table.
ISSUE_CASES = {
    "一万二": 12000, "三万五": 35000, "两千六": 2600, "一百二": 120, "十三万五": 135000,
    "十一十二": "error", "十七十八": "error", "零点五": 0.5, "一七二零点一": 1720.1, "负十": -10,
    "-10.1": -10.1, "-10.1万": -101000, "廿二": 22, "兩千六": 2600, "百分之三十五": 35,
    "下降百分之三十五": 35, "百分之一点五七": 1.57, "千分之三": 3, "二分之一": 0.5,
    "高烧三十九摄氏度": 39, "气温零下四摄氏度": -4, "花了一百块钱": 100, "跑了两千米": 2000,
    "买了半斤": 0.5, "增速为-3.8%": -3.8, "成功化解一起纠纷": 1, "三成": 30, "大家一起努力": "nothing",
    "八八战略": "nothing", "十九大": "nothing", "三治融合": "nothing", "一手抓": "nothing",
    # issue 15: a long decimal read as 0, spoken forms refused, 两 before 半 missed
    "零点零零零零零零一": 1e-7, "0.0000001": 1e-7, "一千零十": 1010, "一百十一": 111, "三千零十五": 3015,
    "两百十": 210, "一万零十": 10010, "一千十": 1010, "把西瓜切两半": 2, "一百零十": "error",
}


def test_every_case_in_the_issue_is_in_the_table():
    table = {r["input"]: r for r in CASES}
    for text, expected in ISSUE_CASES.items():
        row = table[text]
        if expected in ("error", "nothing"):
            assert row["reads"] == expected, text
        else:
            assert float(Fraction(row["value"])) == expected, text


@pytest.mark.parametrize("row", [r for r in CASES if r["reads"] in ("parse", "ordinal")], ids=_case_id)
def test_parse(row):
    n = parse_number(row["input"])
    expected = Fraction(row["value"])
    assert n.exact == expected, (n.exact, row["value"])
    assert n.value == float(expected)  # the float nearest to the exact value
    assert n.unit == (row["unit"] or None)
    assert n.qualifier == row["qualifier"]
    assert n.ordinal == (row["reads"] == "ordinal")


@pytest.mark.parametrize("row", [r for r in CASES if r["reads"] == "error"], ids=_case_id)
def test_malformed_input_raises_with_its_span(row):
    with pytest.raises(NumberParseError) as e:
        parse_number(row["input"])
    start, end = map(int, row["span"].split("-"))
    assert e.value.span == (start, end), (str(e.value), row["input"][start:end])


@pytest.mark.parametrize("row", [r for r in CASES if r["reads"] == "spot"], ids=_case_id)
def test_spot(row):
    found = pingan.extract_numbers(row["input"])
    assert [x.text for x in found] == [row["expected_text"]]
    [x] = found
    assert (x.exact, x.value) == (Fraction(row["value"]), float(Fraction(row["value"])))
    assert x.unit == (row["unit"] or None)
    assert x.qualifier == row["qualifier"]
    assert x.ordinal == row["expected_text"].startswith("第")


@pytest.mark.parametrize("row", [r for r in CASES if r["reads"] == "nothing"], ids=_case_id)
def test_not_a_number(row):
    assert pingan.extract_numbers(row["input"]) == []


def test_error_span_counts_in_the_text_as_passed():
    """Whitespace (a newspaper line break) does not shift the span."""
    with pytest.raises(NumberParseError) as e:
        parse_number("十一\n十二")
    assert e.value.span == (3, 4)


# --- properties: an independent renderer is the oracle ----------------------------------

DIGIT = "零一二三四五六七八九"


def render_standard(n: int) -> str:
    """Standard Chinese numerals for 1 <= n < 10^12, written from the rules of the written
    language (not from pingan's parser): groups of four places under 万 and 亿, 零 for each
    run of skipped places inside a number, 十 rather than 一十 at the very start."""
    def group(k: int) -> list[str]:
        """Places of 1 <= k <= 9999 as (digit, unit) pieces, with 零 for gaps; no leading 零."""
        out, gap = [], False
        for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // place % 10
            if d == 0:
                gap = bool(out)
            else:
                if gap:
                    out.append("零")
                    gap = False
                out.append(DIGIT[d] + unit)
        return out
    pieces: list[str] = []
    pending_zero = False
    for size, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        k = n // size % 10**4
        if not k:
            pending_zero = bool(pieces)
            continue
        if pieces and (pending_zero or k < 1000):
            pieces.append("零")
        pieces.extend(group(k))
        pieces.append(name)
        pending_zero = False
    s = "".join(pieces)
    return s[1:] if s.startswith("一十") else s


def render_colloquial(n: int) -> str | None:
    """The spoken short form where one exists: when the number below its leading unit is a
    single digit in the next place down (12000 -> 一万二, 2600 -> 两千六, 120 -> 一百二,
    135000 -> 十三万五), with 两 for a leading 2 before 百, 千 and 万."""
    for unit, name in ((10**8, "亿"), (10**4, "万"), (1000, "千"), (100, "百")):
        head, rest = divmod(n, unit)
        if head == 0 or head >= (10 if unit < 10**4 else 10**4):
            continue
        next_place = unit // 10
        if rest == 0 or rest % next_place or rest // next_place > 9:
            return None
        head_text = "两" if head == 2 else render_standard(head)
        return head_text + name + DIGIT[rest // next_place]
    return None


def test_renderers_on_known_forms():
    assert [render_standard(n) for n in (10, 18, 105, 1005, 10002, 12000, 100000, 100_010_000)] == [
        "十", "十八", "一百零五", "一千零五", "一万零二", "一万二千", "十万", "一亿零一万"]
    assert [render_colloquial(n) for n in (12000, 2600, 120, 135000, 35000, 12345)] == [
        "一万二", "两千六", "一百二", "十三万五", "三万五", None]


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_standard_numerals_parse_back(n):
    assert parse_number(render_standard(n)).value == n


COLLOQUIAL = st.builds(lambda head, d, unit: head * unit + d * unit // 10,
                       st.integers(1, 9), st.integers(1, 9), st.sampled_from([100, 1000, 10**4, 10**8])) | \
    st.builds(lambda head, d: head * 10**4 + d * 1000, st.integers(10, 9999), st.integers(1, 9))


@given(COLLOQUIAL)
def test_colloquial_numerals_parse_back(n):
    text = render_colloquial(n)
    assert text is not None, n
    assert parse_number(text).value == n


@given(st.integers(min_value=1, max_value=10**8 - 1), st.sampled_from(["负", "-"]))
def test_negatives_parse_back(n, sign):
    text = sign + (render_standard(n) if sign == "负" else str(n))
    assert parse_number(text).value == -n


@given(st.integers(min_value=0, max_value=9999), st.lists(st.integers(0, 9), min_size=1, max_size=4))
def test_chinese_decimals_parse_back(whole, digits):
    text = (render_standard(whole) if whole else "零") + "点" + "".join(DIGIT[d] for d in digits)
    expected = float(f"{whole}.{''.join(map(str, digits))}")
    assert parse_number(text).value == pytest.approx(expected, abs=1e-9)


def render_spoken(n: int) -> str:
    """The spoken form that leaves out the 一 of 一十 wherever it stands after a higher unit
    or a 零: 111 -> 一百十一, 1010 -> 一千零十, 10010 -> 一万零十, 1100000 -> 一百十万."""
    return render_standard(n).replace("一十", "十")


def test_spoken_renderer_on_known_forms():
    assert [render_spoken(n) for n in (111, 210, 1010, 3015, 10010, 1_100_000, 18)] == [
        "一百十一", "二百十", "一千零十", "三千零十五", "一万零十", "一百十万", "十八"]


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_spoken_numerals_parse_back(n):
    assert parse_number(render_spoken(n)).exact == n


UNITS = "十百千万亿"


@given(st.integers(min_value=10, max_value=10**12 - 1), st.data())
def test_a_zero_that_skips_no_place_is_refused(n, data):
    """Garbage stays out: in a standard numeral, a unit is followed by 零 exactly when places
    are skipped. A 零 added after a unit that a digit of the next place follows (一百零十,
    一万零五千), a 零 doubled (一百零零五) or a 零 at the end (一百零) is refused."""
    text = render_standard(n)
    spots = [i + 1 for i, c in enumerate(text) if c in UNITS]
    i = data.draw(st.sampled_from(spots))
    with pytest.raises(NumberParseError):
        parse_number(text[:i] + "零" + text[i:])


@given(st.integers(min_value=0, max_value=10**8), st.lists(st.integers(0, 9), min_size=1, max_size=30))
def test_long_chinese_decimals_keep_their_value(whole, digits):
    """零点零零零零零零一 is 1/10^7: the exact value, and the float nearest to it (Python's
    float() of the decimal string, which rounds correctly), never 0 unless the digits are."""
    decimal = f"{whole}.{''.join(map(str, digits))}"
    text = (render_standard(whole) if whole else "零") + "点" + "".join(DIGIT[d] for d in digits)
    n = parse_number(text)
    assert (n.exact, n.value) == (Fraction(decimal), float(decimal))
    assert (n.value == 0) == (Fraction(decimal) == 0)


@given(st.integers(min_value=0, max_value=10**15), st.text("0123456789", min_size=1, max_size=30),
       st.sampled_from([("", 0), ("万", 4), ("亿", 8), ("万亿", 12)]), st.booleans())
def test_long_arabic_decimals_keep_their_value(whole, frac, magnitude, percent):
    """0.0000001, 1.23456789万, 0.00000001亿: exact, and the value is the float nearest to it."""
    word, exponent = magnitude
    text = f"{whole}.{frac}" + ("%" if percent else word)
    exponent = 0 if percent else exponent
    n = parse_number(text)
    assert n.exact == Fraction(f"{whole}.{frac}") * 10**exponent
    assert n.value == float(f"{whole}.{frac}e{exponent}")
    assert n.unit == ("percent" if percent else None)


@given(st.integers(min_value=1, max_value=100), st.sampled_from([("百分之", "percent"), ("千分之", "permille")]))
def test_shares_parse_back(n, per):
    n_parsed = parse_number(per[0] + render_standard(n))
    assert (n_parsed.value, n_parsed.unit) == (n, per[1])
