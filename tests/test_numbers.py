"""The Chinese number parser: examples from the articles, and properties with hypothesis."""
import json
import re
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

import pingan
from pingan.text import Number, NumberParseError, parse_number
from pingan.text._numbers import chinese_numeral_value, exact_text

EXAMPLES = [
    # as written, value, unit, qualifier
    ("96.58%", 96.58, "percent", "exact"),
    ("0.26个百分点", 0.26, "percentage-points", "exact"),
    ("3.2万", 32000, None, "exact"),
    ("855.6亿", 85_560_000_000, None, "exact"),
    ("近1.1万", 11000, None, "approx"),
    ("超过12万", 120000, None, "at_least"),
    ("90%以上", 90, "percent", "at_least"),
    ("4万多", 40000, None, "at_least"),
    ("1000余", 1000, None, "at_least"),
    ("20余万", 200000, None, "at_least"),
    ("19.6万余", 196000, None, "at_least"),
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
    # an empty 万 group and a 千 place skipped below it are one 零, as a reader writes it (一亿零一)
    s = re.sub("零{2,}", "零", "".join(parts)).rstrip("零")
    return s


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(n):
    assert chinese_numeral_value(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99),
       st.sampled_from(["", "万", "亿"]))
def test_arabic_with_magnitude(whole, frac, mag):
    text = f"{whole}.{frac:02d}{mag}"
    exponent = {"": 0, "万": 4, "亿": 8}[mag]
    n = parse_number(text)
    assert n.exact == Fraction(whole * 100 + frac, 100) * 10**exponent
    assert n.value == float(f"{whole}.{frac:02d}e{exponent}")  # 3.2万 is 32000.0, not 32000.000000000004


# --- exact values: no silent zero, no silent rounding (issue 15) -------------------------

@pytest.mark.parametrize("text,exact", [
    ("零点零零零零零零一", Fraction(1, 10**7)),  # read as 0 before: rounded to six places
    ("0.0000001", Fraction(1, 10**7)),
    ("3.00000001", Fraction(300000001, 10**8)),  # read as 3.0 before
    ("0.00000001亿", Fraction(1)),
    ("1.23456789万", Fraction(123456789, 10**4)),
    ("百分之零点零零零一", Fraction(1, 10**4)),
    ("近0.0000005万", Fraction(1, 200)),
    ("三分之二", Fraction(2, 3)),  # 0.666667 before
    ("12345678901234567890", Fraction(12345678901234567890)),
])
def test_long_decimals_keep_their_value(text, exact):
    n = parse_number(text)
    assert (n.exact, n.exact_low, n.exact_high) == (exact, exact, exact)
    assert n.value == n.low == n.high == float(exact) != 0  # the float nearest to the exact value


def test_a_range_keeps_exact_ends_and_midpoint():
    n = parse_number("0.0000001-0.0000002")
    assert (n.exact_low, n.exact_high, n.exact) == (Fraction(1, 10**7), Fraction(2, 10**7), Fraction(3, 2 * 10**7))
    assert (n.low, n.high, n.value, n.is_range) == (1e-7, 2e-7, 1.5e-7, True)
    # two ends that one float cannot tell apart are still a range
    assert parse_number("1.00000000000000000001-1.00000000000000000002").is_range


def test_a_value_no_float_holds_is_refused_with_its_span():
    """A core too large is placed in the text after its qualifier; a whole too large (1e308 成
    is 1e309 percent) spans the whole text."""
    with pytest.raises(NumberParseError, match="too large") as e:
        parse_number("约" + "9" * 400)
    assert e.value.span == (1, 401)
    with pytest.raises(NumberParseError, match="too large") as e:
        parse_number("1" + "0" * 308 + "成")
    assert e.value.span == (0, 310)


@pytest.mark.parametrize("text,span", [("", (0, 0)), ("  ", (0, 2))])
def test_nothing_to_read_is_refused_over_the_whole_text(text, span):
    with pytest.raises(NumberParseError) as e:
        parse_number(text)
    assert e.value.span == span


@pytest.mark.parametrize("text,magnitude", [("三万", "万"), ("三点五亿", "亿"), ("十八", None), ("一万零五", "万"),
                                            ("3.2万", "万"), ("近千", "千"), ("1.5", None)])
def test_the_magnitude_as_written(text, magnitude):
    assert parse_number(text).magnitude == magnitude


@pytest.mark.parametrize("text,span", [("", (0, 0)), ("十x", (1, 2)), ("亿", (0, 1))])
def test_chinese_numeral_value_refuses_with_a_span(text, span):
    with pytest.raises(NumberParseError) as e:
        chinese_numeral_value(text)
    assert e.value.span == span


@pytest.mark.parametrize("text,why", [("0." + "0" * 400 + "1", "too small"),
                                      ("1" + "0" * 400 + "分之一", "too large"),
                                      ("1" + "0" * 300 + "分之0." + "0" * 300 + "1", "too small")])
def test_a_value_no_float_holds_is_refused_not_zero(text, why):
    """Below about 5e-324 a float is 0 and beyond 1.8e308 it is inf: both would be silent."""
    with pytest.raises(NumberParseError, match=why):
        parse_number(text)


def test_a_number_built_by_hand_takes_its_exact_values_from_its_floats():
    n = Number(text="0.1", value=0.1, low=0.1, high=0.1, unit=None, qualifier="exact", magnitude=None)
    assert (n.exact, n.exact_low, n.exact_high, n.is_range) == (Fraction(1, 10),) * 3 + (False,)
    assert n == parse_number("0.1")
    # an exact value missing is taken from its own float, those given are kept: one missing, or two
    from_floats = {"exact": Fraction(1, 2), "exact_low": Fraction(1, 4), "exact_high": Fraction(3, 4)}
    third = Fraction(1, 3)
    for missing in [[name] for name in from_floats] + [[a, b] for a in from_floats for b in from_floats if a < b]:
        given = {name: third for name in from_floats if name not in missing}
        n = Number(text="x", value=0.5, low=0.25, high=0.75, unit=None, qualifier="exact", magnitude=None, **given)
        assert (n.exact, n.exact_low, n.exact_high) == tuple({**from_floats, **given}.values()), missing


@pytest.mark.parametrize("exact,text", [(Fraction(1, 10**7), "0.0000001"), (Fraction(32000), "32000"),
                                        (Fraction(2, 3), "2/3"), (Fraction(-5, 2), "-2.5"),
                                        (Fraction(1, 8), "0.125"), (Fraction(0), "0"), (Fraction(-7, 40), "-0.175"),
                                        (Fraction(1, 5), "0.2"), (Fraction(3, 250), "0.012"), (Fraction(1, 3), "1/3")])
def test_exact_text(exact, text):
    assert exact_text(exact) == text
    assert Fraction(text) == exact


def test_spotted_numbers_carry_the_exact_value_and_stay_json_ready():
    [x] = pingan.extract_numbers("长零点零零零零零零一米")
    assert (x.text, x.value, x.exact, x.unit) == ("零点零零零零零零一", 1e-7, Fraction(1, 10**7), "米")
    assert json.loads(json.dumps(x.as_dict()))["exact"] == "0.0000001"


# --- spoken forms: the 一 of 一十 left out (issue 15) --------------------------------------

@pytest.mark.parametrize("text,value", [("一千零十", 1010), ("一百十一", 111), ("三千零十五", 3015), ("两百十", 210),
                                        ("一万零十", 10010), ("一千十", 1010), ("一百十", 110), ("十万零十", 100010),
                                        ("一亿零十万", 100100000), ("两千零十", 2010), ("一百十万", 1_100_000),
                                        ("一万二千零十", 12010)])
def test_spoken_forms(text, value):
    assert chinese_numeral_value(text) == value
    assert parse_number(text).exact == value


@pytest.mark.parametrize("text,span", [("一百零十", (2, 3)), ("一万零五千", (2, 3)), ("一百零零五", (3, 4)),
                                       ("一百零", (2, 3)), ("一千零万", (2, 3)), ("二十零五", (2, 3)),
                                       ("零十", (0, 1)), ("十十", (1, 2)), ("一千百", (2, 3))])
def test_zero_and_ten_garbage_is_refused(text, span):
    """零 stands for skipped places: after a unit whose next place is taken (一百零十 for 110,
    一万零五千 for 15000), doubled or at the end it is a slip, not a number."""
    with pytest.raises(NumberParseError) as e:
        chinese_numeral_value(text)
    assert e.value.span == span


# --- 两 before 半 (issue 15) ---------------------------------------------------------------

@pytest.mark.parametrize("text,found", [
    ("切两半", [("两", 2, "半")]),
    ("把饼分成两半，各拿一半", [("两", 2, "半")]),  # 一半 (a half) is not one of anything: not reported, as before
    ("切成四半", [("四", 4, "半")]),
    ("两个半小时", [("两", 2, "个"), ("半", 0.5, "小时")]),  # 半 before a measure word is a half, as before
    ("买了一两半茶叶", []),  # one and a half 两 (a weight), not two halves
    ("上半年", []),
])
def test_two_halves(text, found):
    assert [(x.text, x.value, x.unit) for x in pingan.extract_numbers(text)] == found


QUALIFIED = st.sampled_from([("近", "", "approx"), ("超过", "", "at_least"), ("", "余", "at_least"),
                             ("", "多", "at_least"), ("", "以上", "at_least"), ("", "左右", "approx"),
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
