"""Fuzzing the number spotter and parser with hypothesis.

Random Chinese text — filler characters, punctuation and line breaks inserted anywhere,
even inside numbers — with generated numbers embedded in it: Arabic (with 万/亿,
decimals, thousands commas), Chinese numerals (十八, 两万, 三千零五, and spoken forms that
leave out the 一 of 一十: 一百十一, 一千零十), qualifiers (近, 超过, 余, 多, 以上, 左右 …), %,
个百分点 and measure words. ``extract_numbers`` must find each number again, in order, with
its exact value (and the float nearest to it), qualifier and unit, at the right place in
the original text. ``parse_number`` must raise nothing but
``NumberParseError`` on arbitrary text.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import pingan
from pingan.text import NumberParseError, parse_number
from pingan.text._numbers import CHENG_WORDS, NUMBER_PATTERN, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS
from pingan.text._spotter import _MEASURE, _PATTERN, MEASURE_WORDS

# PINGAN_FUZZ_EXAMPLES=5000 fuzzes harder; the default keeps this file to a few seconds
FUZZ = settings(max_examples=int(os.environ.get("PINGAN_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Every character that can be part of a number expression or a word the spotter
# attaches to one; filler is drawn from CJK characters outside this set.
_NUMBER_WORDS = [*PREFIX_QUALIFIERS, *SUFFIX_QUALIFIERS, "个百分点", "百分点", "上", "至", "到", "第", "负",
                 "零下", "半", "点", "分之", "成", "平方立方千公毫厘微纳分米克升斤英海里顷", "统唯同",
                 "廿卅卌兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", CHENG_WORDS, *MEASURE_WORDS]
_RESERVED = set("零〇一二两三四五六七八九十百千万亿") | {c for w in _NUMBER_WORDS for c in w}
FILLER = [c for c in "的是在了和这为我们发展建设平安社会治理工作群众全面推进浙江金华市区镇村全力打造"
                     "基层党组织服务中心调解纠纷矛盾化解综合网格管理志愿者队伍安全感满意度提升显著"
                     "和谐美丽幸福春夏秋冬东南西北风雨雪霜红黄蓝绿山河湖海桥街巷园林"
                     "深化改革创新机制体系经验做法成效明显实现目标持续努力重要保障稳定和谐美丽幸福"
          if c not in _RESERVED]
# no ASCII comma or period (they belong to numbers: 1,200 and 3.5) and no range dashes
PUNCT = list("，。、；：“”《》（）！？;:!?()")
WHITESPACE = ["\n", "\n", "\n", " ", "\r\n", "\u3000", "\n\n"]
assert len(FILLER) > 40 and not set(FILLER) & _RESERVED

ZH_DIGITS = "零一二三四五六七八九"
# measure words after which a bare Chinese numeral counts as a quantity
ZH_MEASURES = ["个", "名", "次", "人", "家", "件", "户", "起", "项", "年", "天", "倍", "人次",
               "小时", "公里", "平方公里", "块", "米", "斤", "摄氏度", "公斤", "分"]
AR_MEASURES = ZH_MEASURES + ["元", "台", "辆", "所", "条"]


def _below_10000(k: int, first: bool, liang: bool) -> str:
    """Chinese numerals for 1 <= k <= 9999; ``first`` when nothing bigger precedes it."""
    out, zero, started = "", not first and k < 1000, False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = k // value % 10
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out += "零"
            zero = False
        if d == 1 and unit == "十" and not started and first:
            out += "十"  # 十八, not 一十八
        elif d == 2 and unit in ("千", "百") and not started and liang:
            out += "两" + unit  # 两千, 两百
        else:
            out += ZH_DIGITS[d] + unit
        started = True
    return out


def to_chinese(n: int, liang: bool = False, spoken: bool = False) -> str:
    """Chinese numerals for 1 <= n < 10^8, independent of pingan's parser (the oracle);
    ``spoken`` leaves out the 一 of 一十 wherever it stands (一百十一, 一千零十, 一万零十)."""
    hi, lo = divmod(n, 10_000)
    if not hi:
        text = "两" if (n == 2 and liang) else _below_10000(lo, True, liang)
    else:
        head = "两" if (hi == 2 and liang) else _below_10000(hi, True, liang)
        text = head + "万" + (_below_10000(lo, False, liang) if lo else "")
    return text.replace("一十", "十") if spoken else text


@dataclass
class Expr:
    text: str  # the number expression as the spotter reports it (no measure word)
    measure: str  # measure word written after it ("" if none)
    value: Fraction  # exactly
    qualifier: str
    unit: str | None


PREFIXES = [("", "exact")] * 4 + [("近", "approx"), ("超过", "at_least"), ("约", "approx"),
                                  ("逾", "at_least"), ("不到", "at_most")]
SUFFIXES = [("", "exact")] * 3 + [("以上", "at_least"), ("左右", "approx"), ("以下", "at_most")]
PCT = [("", None)] * 3 + [("%", "percent"), ("％", "percent"), ("个百分点", "percentage-points")]
MAG = {"": 1, "万": 10**4, "亿": 10**8}


@st.composite
def arabic(draw) -> Expr:
    prefix, q = draw(st.sampled_from(PREFIXES))
    pct, unit = draw(st.sampled_from(PCT))
    kind = draw(st.sampled_from(["int", "int", "decimal", "infix"]))
    mag = "" if pct else draw(st.sampled_from(["", "", "万", "亿"]))
    infix = ""
    if kind == "decimal":
        whole, frac = draw(st.integers(0, 99999)), draw(st.integers(1, 99))
        digits = f"{whole}.{frac:02d}".rstrip("0")
        value = Fraction(digits) * MAG[mag]
        core = digits + mag
    else:
        n = draw(st.integers(1, 9_999_999))
        digits = f"{n:,}" if n >= 1000 and draw(st.booleans()) else str(n)
        value = Fraction(n) * MAG[mag]
        if kind == "infix" and mag and not prefix:
            infix = draw(st.sampled_from(["余", "多"]))  # 20余万: infix before the magnitude
        core = digits + infix + mag
    after = ""
    if not prefix and not infix and draw(st.booleans()):
        after = draw(st.sampled_from(["余", "多"]))  # 1000余, 4万多, 20多%
    if infix or after:
        q = "at_least"  # 余/多: more than
    suffix = ""
    if not prefix and not infix and not after:
        suffix, q2 = draw(st.sampled_from(SUFFIXES))
        q = q2 if suffix else q
    measure = "" if (pct or suffix) else draw(st.sampled_from([""] + AR_MEASURES))
    return Expr(prefix + core + after + pct + suffix, measure, value, q, unit or (measure or None))


@st.composite
def chinese(draw) -> Expr:
    prefix, q = draw(st.sampled_from(PREFIXES))
    n = draw(st.one_of(st.integers(1, 99), st.integers(100, 99_999), st.integers(1, 99_999_999)))
    core = to_chinese(n, liang=draw(st.booleans()), spoken=draw(st.booleans()))
    value = Fraction(n)
    pct, unit = ("", None) if n > 9999 else draw(st.sampled_from(PCT))
    after = ""
    if not prefix and not pct and draw(st.booleans()):
        after = draw(st.sampled_from(["余", "多"]))  # 十余, 两万多
        q = "at_least"
        if 10 <= n < 10_000 and n % 10 == 0 and draw(st.booleans()):
            core += after + draw(st.sampled_from(["万", "亿"]))  # 二十余万, 三百多亿
            value *= MAG[core[-1]]
            after = ""
    suffix = ""
    big = "万" in core or "亿" in core
    if not prefix and not after and q == "exact" and (pct or big):
        suffix, q = draw(st.sampled_from(SUFFIXES))
    quantity = prefix or pct or after or big
    choices = ZH_MEASURES if not quantity else [""] + ZH_MEASURES
    if core == "一" and not quantity:
        choices = [w for w in choices if w not in ("起", "条")]  # 一起 (together) is a word
    if core == "十" and not quantity:
        choices = [w for w in choices if w != "分"]  # 十分 (very) is a word
    measure = "" if (pct or suffix) else draw(st.sampled_from(choices))
    return Expr(prefix + core + after + pct + suffix, measure, value, q, unit or (measure or None))


@st.composite
def year(draw) -> Expr:
    """A year in digit-by-digit Chinese numerals: 二〇二四年."""
    y = draw(st.integers(1950, 2099))
    text = "".join("〇一二三四五六七八九"[int(c)] for c in str(y))
    return Expr(text, "年", Fraction(y), "exact", "年")


ZH_DIGIT = "一二三四五六七八九"


@st.composite
def everyday(draw) -> Expr:
    """The forms a reader meets beyond plain numerals: 一万二, 百分之三十五, 二分之一, 三成五,
    负十, -3.8%, 零下四摄氏度, 零点五, 第三名, 兩千六."""
    kind = draw(st.sampled_from(["colloquial", "percent", "permille", "fraction", "cheng", "negative",
                                 "minus", "below-zero", "decimal", "ordinal", "traditional", "half"]))
    measure = draw(st.sampled_from(ZH_MEASURES[:12]))
    if kind == "colloquial":  # 一万二 = 12000, 两千六 = 2600, 一百二 = 120, 十三万五 = 135000
        unit, step = draw(st.sampled_from([("百", 100), ("千", 1000), ("万", 10_000)]))
        head = draw(st.integers(1, 99 if unit == "万" else 9))
        d = draw(st.integers(1, 9))
        text = to_chinese(head, liang=draw(st.booleans())) + unit + ZH_DIGIT[d - 1]
        return Expr(text, measure, Fraction(head * step + d * step // 10), "exact", measure)
    if kind in ("percent", "permille"):
        n = draw(st.integers(1, 100))
        per = "百分之" if kind == "percent" else "千分之"
        frac = draw(st.sampled_from(["", "点五", "点二五"]))
        value = n + {"": 0, "点五": Fraction(1, 2), "点二五": Fraction(1, 4)}[frac]
        return Expr(per + to_chinese(n) + frac, "", value, "exact", kind)
    if kind == "fraction":
        den, num = draw(st.integers(2, 10)), draw(st.integers(1, 9))
        return Expr(to_chinese(den) + "分之" + to_chinese(num), "", Fraction(num, den), "exact", "fraction")
    if kind == "cheng":
        a, b = draw(st.integers(1, 9)), draw(st.integers(0, 9))
        text = ZH_DIGIT[a - 1] + "成" + (ZH_DIGIT[b - 1] if b else "")
        return Expr(text, "", Fraction(a * 10 + b), "exact", "percent")
    if kind == "negative":
        n = draw(st.integers(1, 9999))
        return Expr("负" + to_chinese(n), measure, -Fraction(n), "exact", measure)
    if kind == "minus":
        n, frac = draw(st.integers(0, 999)), draw(st.integers(1, 9))
        pct, unit = draw(st.sampled_from([("%", "percent"), ("", None), ("个百分点", "percentage-points")]))
        return Expr(f"-{n}.{frac}{pct}", "", -Fraction(f"{n}.{frac}"), "exact", unit)
    if kind == "below-zero":
        n = draw(st.integers(1, 40))
        return Expr("零下" + to_chinese(n), "摄氏度", -Fraction(n), "exact", "摄氏度")
    if kind == "decimal":  # up to 20 places: 零点零零零零零零一 is 1/10^7, not 0
        whole = draw(st.integers(0, 9999))
        digits = draw(st.lists(st.integers(0, 9), min_size=1, max_size=20))
        text = ("零" if whole == 0 else to_chinese(whole)) + "点" + "".join("零一二三四五六七八九"[d] for d in digits)
        return Expr(text, measure, Fraction(f"{whole}.{''.join(map(str, digits))}"), "exact", measure)
    if kind == "ordinal":
        n = draw(st.integers(2, 99))
        return Expr("第" + to_chinese(n), measure, Fraction(n), "exact", measure)
    if kind == "traditional":
        n = draw(st.integers(1, 99_999))
        text = to_chinese(n, liang=True).translate(str.maketrans("两万", "兩萬"))
        m = measure if n < 10_000 else draw(st.sampled_from(["", measure]))
        return Expr(text, m, Fraction(n), "exact", m or None)
    m = draw(st.sampled_from(["斤", "天", "小时", "公里"]))
    return Expr("半", m, Fraction(1, 2), "exact", m)


NUMBER = st.one_of(arabic(), arabic(), chinese(), year(), everyday())
SEPARATOR = st.lists(st.sampled_from(FILLER + PUNCT), min_size=1, max_size=8).map("".join)


@st.composite
def documents(draw):
    """(original text, expressions, flat spans): numbers between filler, whitespace anywhere."""
    numbers = draw(st.lists(NUMBER, min_size=1, max_size=8))
    flat, spans = draw(st.sampled_from(["", "据统计"])), []
    for x in numbers:
        flat += draw(SEPARATOR)
        spans.append((len(flat), len(flat) + len(x.text)))
        flat += x.text + x.measure
    flat += draw(st.one_of(st.just(""), SEPARATOR))
    # whitespace after flat[i] for each drawn i (so inside numbers too), or before the text
    inserts = draw(st.dictionaries(st.integers(-1, len(flat) - 1), st.sampled_from(WHITESPACE), max_size=12))
    original, offsets = inserts.get(-1, ""), []
    for i, c in enumerate(flat):
        offsets.append(len(original))
        original += c + inserts.get(i, "")
    return original, numbers, spans, offsets


@FUZZ
@given(documents())
def test_spotter_finds_every_embedded_number(doc):
    original, numbers, spans, offsets = doc
    found = pingan.extract_numbers(original)
    assert [x.text for x in found] == [n.text for n in numbers], original
    for got, want, (fs, fe) in zip(found, numbers, spans):
        assert (got.exact, got.value) == (want.value, float(want.value)), (want, original)
        assert got.qualifier == want.qualifier, (want, original)
        assert got.unit == want.unit, (want, original)
        assert got.start == offsets[fs] and got.end == offsets[fe - 1] + 1, (want, original)
        assert "".join(original[got.start:got.end].split()) == want.text
        assert got.line == original.count("\n", 0, got.start) + 1


@FUZZ
@given(documents())
def test_spotter_agrees_with_parse_number(doc):
    """Each spotted expression, parsed on its own (with its line breaks), reads the same."""
    original = doc[0]
    for x in pingan.extract_numbers(original):
        if x.value is None:
            continue
        n = parse_number(original[x.start:x.end])
        assert (n.exact, n.value, n.qualifier, n.magnitude) == (x.exact, x.value, x.qualifier, x.magnitude)


SHARE_UNITS = ("percent", "permille", "fraction", "percentage-points")


@FUZZ
@given(st.one_of(arabic(), chinese(), year(), everyday()), st.lists(st.integers(0, 40), max_size=4))
def test_parse_number_round_trip(x, breaks):
    n = parse_number(x.text)
    assert (n.exact, n.value) == (x.value, float(x.value))
    assert n.qualifier == x.qualifier
    assert n.unit == (x.unit if x.unit in SHARE_UNITS else None)
    assert parse_number(n.text) == n
    broken = x.text
    for b in sorted(set(breaks), reverse=True):
        broken = broken[:b] + "\n" + broken[b:]
    assert (parse_number(broken).exact, parse_number(broken).qualifier) == (n.exact, n.qualifier)


NUMBERISH = st.text(alphabet="0123456789.,%％‰‱-−－~至到零〇一二两兩三四五六七八九十百千万萬亿億廿卅壹贰叁拾佰仟"
                             "余多近约超过逾不足到以上下左右个百分点上将第负半点成分之 \n",
                    max_size=30)


@FUZZ
@given(st.one_of(st.text(max_size=30), NUMBERISH))
def test_parse_number_raises_only_number_parse_error(text):
    try:
        n = parse_number(text)
    except NumberParseError:
        return
    assert n.low <= n.high
    assert n.qualifier in ("exact", "approx", "at_least", "at_most")
    assert parse_number(n.text) == n
    # each float is the one nearest to the exact value: never a silent 0, inf or rounding
    for approx, exact in ((n.value, n.exact), (n.low, n.exact_low), (n.high, n.exact_high)):
        assert approx == float(exact) and math.isfinite(approx) and (approx != 0 or exact == 0)


@FUZZ
@given(st.one_of(st.text(max_size=60), NUMBERISH))
def test_spotter_never_raises(text):
    for x in pingan.extract_numbers(text):
        assert 0 <= x.start < x.end <= len(text)
        assert "".join(text[x.start:x.end].split()) == x.text


@pytest.mark.parametrize("text,value,unit", [("服务群众二十余万人次", 200_000, "人次"),
                                             ("投入三百多亿元", 30_000_000_000, "元"),
                                             ("志愿者十余万名", 100_000, "名")])
def test_chinese_numeral_with_infix_qualifier(text, value, unit):
    """Found by fuzzing: 二十余万 read as 20 (the 万 after 余 was lost), 三百多亿 as 300."""
    [x] = pingan.extract_numbers(text)
    assert (x.value, x.qualifier, x.unit) == (value, "at_least", unit)
    assert parse_number(x.text).value == value


@pytest.mark.parametrize("text", ["一" + "亿" * 40, "1" + "亿" * 40, "9" * 400])
def test_number_too_large_for_a_float_is_a_parse_error(text):
    """Found while fuzzing: 一亿亿… (≥ 10^309) raised OverflowError, and 1亿亿… read as inf."""
    with pytest.raises(NumberParseError):
        parse_number(text)
    [x] = pingan.extract_numbers(f"共有{text}人")
    assert (x.text, x.value) == (text, None)


@FUZZ
@given(st.one_of(st.text(max_size=60), NUMBERISH), st.integers(0, 60))
def test_spotter_lookahead_changes_no_match(text, pos):
    """The spotter's pattern opens with a lookahead on the characters a number can start
    with (a speed-up); it must find exactly what the pattern without it finds."""
    plain = re.compile(NUMBER_PATTERN + _MEASURE)
    a, b = _PATTERN.search(text, pos), plain.search(text, pos)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
