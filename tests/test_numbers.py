"""The Chinese number parser: examples from the articles, and properties with hypothesis."""
import pytest
from hypothesis import given, strategies as st

from pingan.text import NumberParseError, parse_number
from pingan.text._numbers import chinese_numeral_value

EXAMPLES = [
    # as written, value, unit, qualifier
    ("96.58%", 96.58, "percent", "exact"),
    ("0.26个百分点", 0.26, "percentage-points", "exact"),
    ("3.2万", 32000, None, "exact"),
    ("855.6亿", 85_560_000_000, None, "exact"),
    ("近1.1万", 11000, None, "approx"),
    ("超过12万", 120000, None, "at_least"),
    ("90%以上", 90, "percent", "at_least"),
    ("4万多", 40000, None, "approx"),
    ("1000余", 1000, None, "approx"),
    ("20余万", 200000, None, "approx"),
    ("19.6万余", 196000, None, "approx"),
    ("近两万", 20000, None, "approx"),
    ("近万", 10000, None, "approx"),
    ("上万", 10000, None, "at_least"),
    ("十八", 18, None, "exact"),
    ("5‰", 5, "permille", "exact"),
    ("100左右", 100, None, "approx"),
    ("不到10%", 10, "percent", "at_most"),
    ("1,200", 1200, None, "exact"),
]


@pytest.mark.parametrize("text,value,unit,qualifier", EXAMPLES)
def test_examples(text, value, unit, qualifier):
    n = parse_number(text)
    assert (n.value, n.unit, n.qualifier) == (value, unit, qualifier)


def test_range_applies_magnitude_to_both_ends():
    n = parse_number("1-2万")
    assert (n.low, n.high, n.value, n.is_range) == (10000, 20000, 15000, True)
    assert parse_number("3至5个百分点").unit == "percentage-points"


@pytest.mark.parametrize("bad", ["", "abc", "万人", "12万人", "5-3", "%"])
def test_rejects_what_is_not_one_number(bad):
    with pytest.raises(NumberParseError):
        parse_number(bad)


DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """An independent rendering of 0 < n < 10^12 in Chinese numerals (the test's oracle)."""
    def below_10000(k: int, leading: bool) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero or (not out and not leading and value < 1000):
                out += "零" if (zero or not leading) and (out or not leading) else ""
            zero = False
            out += ("" if (d == 1 and value == 10 and not out and leading) else DIGITS[d]) + unit
        return out
    parts, first = [], True
    for big, unit in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        k = n // big % 10000
        if k:
            parts.append(below_10000(k, first) + unit)
            first = False
        elif parts and not parts[-1].endswith("零"):
            parts.append("零")
    s = "".join(parts).rstrip("零")
    return s


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(n):
    assert chinese_numeral_value(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99),
       st.sampled_from(["", "万", "亿"]))
def test_arabic_with_magnitude(whole, frac, mag):
    text = f"{whole}.{frac:02d}{mag}"
    factor = {"": 1, "万": 10**4, "亿": 10**8}[mag]
    assert parse_number(text).value == pytest.approx((whole + frac / 100) * factor, rel=1e-12)


QUALIFIED = st.sampled_from([("近", "", "approx"), ("超过", "", "at_least"), ("", "余", "approx"),
                             ("", "多", "approx"), ("", "以上", "at_least"), ("", "左右", "approx"),
                             ("", "", "exact"), ("不到", "", "at_most")])


@given(st.integers(min_value=1, max_value=99999), QUALIFIED, st.sampled_from(["", "%", "个百分点"]))
def test_qualifiers_and_units(n, q, unit):
    before, after, expected = q
    if unit and after in ("余", "多"):
        text = f"{before}{n}{after}{unit}"
    else:
        text = f"{before}{n}{unit}{after}"
    parsed = parse_number(text)
    assert parsed.value == n
    assert parsed.qualifier == expected
    assert parsed.unit == {"": None, "%": "percent", "个百分点": "percentage-points"}[unit]
