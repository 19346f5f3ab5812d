"""Parse numbers as Chinese readers read them.

``parse_number("近1.1万")`` -> ``Number(value=11000.0, qualifier="approx", exact=Fraction(11000), ...)``.

Values are computed exactly (``fractions.Fraction``): ``exact``, ``exact_low`` and
``exact_high`` hold them, and ``value``, ``low`` and ``high`` are the floats nearest to them
(零点零零零零零零一 is exactly 1/10^7 and reads 1e-07, not 0; 三分之二 is exactly 2/3). A value
no float can hold (beyond ±1.8e308, or so small that it would read as 0) raises
``NumberParseError`` rather than reading as inf or 0.

What is read (each rule has cases in tests/number_cases.csv):

- Arabic digits, with thousands commas and decimals, and a magnitude after them (3.2万,
  855.6亿); mixed spellings (1万2千).
- Chinese numerals: 一…九, 两, 十 百 千 万 亿, 零/〇; traditional (兩 萬 億) and financial
  (壹 贰 叁 … 拾 佰 仟) forms; 廿 (20), 卅 (30), 卌 (40); digit-by-digit runs (二〇二四);
  decimals with 点 (零点五, 一七二零点一, 三点五万).
- Colloquial shortened forms, where a last digit right after a unit stands for the next
  unit down: 一万二 = 12000, 两千六 = 2600, 一百二 = 120, 十三万五 = 135000. After 零 the
  digit is a plain unit: 一万零二 = 10002.
- Spoken forms that leave out the 一 of 一十 after a higher unit or after 零: 一百十一 = 111,
  两百十 = 210, 一千零十 = 1010, 三千零十五 = 3015, 一万零十 = 10010, 一千十 = 1010.
- 零 stands for one or more skipped places. Where it skips none (一百零十 for 110, 一万零五千
  for 15000), is doubled (一百零零五) or closes the numeral (一百零), the numeral is refused.
- Signs: 负十, -10.1, -10.1万, 零下四 (-4).
- Shares: 35%, 5‰, 百分之三十五 (35 percent), 千分之三 (3 permille), 万分之五 (5 per ten
  thousand), 二分之一 (0.5, a fraction), 三成 / 三成五 (30 / 35 percent), 个百分点.
- 半 (a half, as in 半斤), ordinals (第三: value 3, ``ordinal=True``).
- Qualifiers before (近, 约, 超过, 逾, 不到, 至少 …; 上 in 上万) and after (余, 多, 以上, 以下,
  左右 …) the number, and ranges (3-5万, 3至5个百分点).

Malformed numerals (十一十二, 一百二百, 五万三万) raise ``NumberParseError`` whose ``span``
gives the offending characters in the text as passed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Number", "NumberParseError", "parse_number", "chinese_numeral_value", "NUMBER_PATTERN"]

# Traditional and financial forms, read as the everyday simplified ones.
_VARIANTS = str.maketrans({"兩": "两", "萬": "万", "億": "亿", "壹": "一", "贰": "二", "貳": "二",
                           "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六", "陸": "六",
                           "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千",
                           "〇": "零", "负": "负", "負": "负", "點": "点", "－": "-", "−": "-"})
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
TENS = {"廿": 20, "卅": 30, "卌": 40}  # one character for a digit and 十
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

PREFIX_QUALIFIERS = {"近": "approx", "约": "approx", "大约": "approx", "将近": "approx", "接近": "approx",
                     "超过": "at_least", "逾": "at_least", "至少": "at_least", "不少于": "at_least",
                     "不到": "at_most", "不足": "at_most", "最多": "at_most", "不超过": "at_most"}
SUFFIX_QUALIFIERS = {"余": "at_least", "多": "at_least",  # 余/多 after a number: "more than"
                     "左右": "approx", "上下": "approx",
                     "以上": "at_least", "以下": "at_most"}

# character classes, variants included (the text is read before it is normalised)
_ZD = "零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"  # Chinese digits
_ZT = "廿卅卌"
_ZU = "十拾百佰千仟万萬亿億"  # units
_ZS = "十拾"  # small unit a numeral may open with (十八)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Arabic digits mixed with Chinese units: 1万2千, 3亿5千万
_MIXED = r"\d+(?:[十百千万亿]+\d+)+[十百千万亿]*"
# a Chinese numeral starts with a digit, 廿/卅 or 十: 万 or 千 alone (万人, 千里眼) is a word
_CHINESE = rf"[{_ZD}{_ZT}{_ZS}][{_ZD}{_ZT}{_ZU}]*(?:[点點][{_ZD}]+[万萬亿億]?)?"
# 上万 (upwards of ten thousand) and a bare magnitude after a qualifier (近万) are numbers too
_BARE_MAGNITUDE = r"上?[百千万亿萬億]"
# 余/多 may stand before the magnitude, in Arabic (20余万) and in Chinese numerals (二十余万)
_CORE = (rf"(?:{_MIXED}|{_ARABIC}(?:[余多]?[十百千万亿萬億]+)?|"
         rf"[{_ZD}{_ZT}{_ZS}][{_ZD}{_ZT}{_ZU}]*[余多][万亿萬億]+|{_CHINESE}|{_BARE_MAGNITUDE}|半)")
_PREFIX = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
# a minus sign, except where it joins two numbers (3-5) or follows a letter (G60-3)
_SIGN = r"零下|[负負]|(?<![0-9A-Za-z.,])[-－−]"
_PER = rf"百分之|千分之|万分之|萬分之|(?P<den>\d+|[{_ZD}{_ZT}{_ZU}]+)分之"
_RANGE_SEP = r"[-–—~～至到]"
_SUFFIX_UNIT = r"(?:个百分点|百分点|%|％|‰|‱)"
_SUFFIX_QUAL = "(?:" + "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True)) + ")"
# 三成 (30%), 三成五 (35%); not the 成 of 成果, 成效, 成为 … (这一成果 is not 10%)
CHENG_WORDS = "果效绩为功立员本熟长就型片风都品交规败体群"  # 成果, 成效, 成绩, 成为 …
_CHENG = rf"成(?:[一二三四五六七八九](?![十百千万亿成]))?(?![{CHENG_WORDS}])"

# One number expression: optional prefix qualifier, ordinal 第, sign, a share (百分之,
# 三分之), a core (or a range of two cores), an optional 余/多, 成, an optional
# percent-like unit, an optional suffix qualifier. Named groups are read by
# parse_number and by the spotter.
NUMBER_PATTERN = (
    rf"(?P<prefix>{_PREFIX})?"
    rf"(?P<ordinal>第)?"
    rf"(?P<sign>{_SIGN})?"
    rf"(?P<per>{_PER})?"
    rf"(?P<low>{_CORE})(?:{_RANGE_SEP}(?P<high>{_CORE}))?"
    rf"(?P<approx>[余多])?"
    rf"(?P<cheng>{_CHENG})?"
    rf"(?P<pct>{_SUFFIX_UNIT})?"
    rf"(?P<suffix>{_SUFFIX_QUAL})?"
)
_FULL = re.compile(rf"{NUMBER_PATTERN}")
# compiled once: parse_number runs for every number the spotter finds
_ARABIC_CORE = re.compile(rf"({_ARABIC})([余多]?)([十百千万亿]*)")
_CHINESE_INFIX_CORE = re.compile(r"(.+?)[余多]([万亿]+)")
_BARE_MAGNITUDE_CORE = re.compile(r"上?[百千万亿]")
_WHITESPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")
_INFIX = re.compile(r"[余多]")
_PLAIN = re.compile(r"([0-9]+(?:\.[0-9]+)?)(%?)")
_ARABIC_INT = re.compile(r"\d+")


class NumberParseError(ValueError):
    """The text is not one number expression. ``span`` is (start, end) of the offending
    characters in the text as passed (the whole text when no part is to blame)."""

    def __init__(self, message: str, span: tuple[int, int] | None = None):
        super().__init__(message)
        self.span = span


@dataclass(frozen=True)
class Number:
    """A parsed number. ``value`` is in base units (3.2万 -> 32000; 26.9% -> 26.9; 三成 -> 30
    percent; 二分之一 -> 0.5 fraction; 零下四 -> -4).

    ``exact``, ``exact_low`` and ``exact_high`` are the values as exact fractions;
    ``value``, ``low`` and ``high`` are the floats nearest to them (0.1 is exactly
    ``Fraction(1, 10)``; 三分之二 is ``Fraction(2, 3)``, value 0.6666666666666666). A Number
    built by hand without them takes them from the floats' shortest decimal forms."""

    text: str
    value: float
    low: float
    high: float
    # percent, permille, per-ten-thousand, percentage-points, fraction, or None
    unit: str | None
    qualifier: str  # exact | approx | at_least | at_most
    magnitude: str | None  # 万, 亿, … as written, if any
    ordinal: bool = False  # 第三: the third, not three of something
    exact: Fraction | None = None  # value, exactly
    exact_low: Fraction | None = None
    exact_high: Fraction | None = None

    def __post_init__(self):
        if self.exact is None or self.exact_low is None or self.exact_high is None:
            for name, approx in (("exact", "value"), ("exact_low", "low"), ("exact_high", "high")):
                if getattr(self, name) is None:
                    object.__setattr__(self, name, Fraction(repr(float(getattr(self, approx)))))

    @property
    def is_range(self) -> bool:
        return self.exact_low != self.exact_high


def exact_text(x: Fraction) -> str:
    """An exact value written out: as a decimal where it has one (``Fraction(1, 10**7)`` ->
    ``"0.0000001"``, ``Fraction(32000)`` -> ``"32000"``), else as a fraction (``"2/3"``)."""
    den, places = x.denominator, 0
    while den % 10 == 0:
        den, places = den // 10, places + 1
    twos = fives = 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        return f"{x.numerator}/{x.denominator}"
    places += max(twos, fives)
    digits = str(abs(x.numerator) * 10**places // x.denominator).rjust(places + 1, "0")
    sign = "-" if x < 0 else ""
    return sign + (f"{digits[:-places]}.{digits[-places:]}" if places else digits)


def _tokens(s: str) -> list[tuple[str, int, int, int]]:
    """(kind, value, position, length) of each numeral character; Arabic integer runs are one digit token."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        m = _ARABIC_INT.match(s, i) if c.isdigit() else None
        if m:
            out.append(("digit", int(m.group()), i, m.end() - i))
            i = m.end()
            continue
        if c in DIGITS:
            out.append(("digit", DIGITS[c], i, 1))
        elif c in TENS:
            out.append(("tens", TENS[c], i, 1))
        elif c in SMALL_UNITS:
            out.append(("small", SMALL_UNITS[c], i, 1))
        elif c in BIG_UNITS:
            out.append(("big", BIG_UNITS[c], i, 1))
        else:
            raise NumberParseError(f"{c!r} is not a Chinese numeral in {s!r}", (i, i + 1))
        i += 1
    return out


def chinese_numeral_value(s: str) -> int:
    """Value of a run of Chinese numerals: 十八 -> 18, 两万 -> 20000, 一千零五 -> 1005,
    一万二 -> 12000 (colloquial), 一百十一 -> 111 and 一千零十 -> 1010 (spoken), 二〇二四 -> 2024
    (digit by digit). Malformed runs (十一十二, 一百零十) raise NumberParseError with the span of
    the offending character."""
    s = s.translate(_VARIANTS)
    if not s:
        raise NumberParseError("empty numeral", (0, 0))
    if len(s) > 1 and all(c in DIGITS for c in s):
        return int("".join(str(DIGITS[c]) for c in s))  # digit-by-digit form such as 二〇二四
    def bad(msg: str, pos: int, end: int | None = None):
        return NumberParseError(f"{msg} in {s!r}", (pos, end if end is not None else pos + 1))
    total = 0  # completed 亿 sections
    section = 0  # the 万 part of the current 亿 section
    group = 0  # the part below 万
    pending = None  # a digit waiting for its unit
    last_small = 10_000  # units in a group must fall: 千 > 百 > 十
    last_unit = None  # the unit just before a closing digit (for 一万二)
    zero = False  # a 零 since the last unit: the next digit is literal
    zero_at = 0
    seen_wan = False
    prev = None  # kind of the token before: digit, zero, small (十百千) or big (万亿)
    prev_unit = 0  # the last unit read
    # A 零 stands for skipped places: the place just below the unit before it must be empty
    # in the value (一千零五, not 一百零十). (place, where the 零 is), the place counted within
    # the group below 万, within the 万 section, or outright; scaled as 万 and 亿 close them.
    gaps_group: list[tuple[int, int]] = []
    gaps_section: list[tuple[int, int]] = []
    gaps: list[tuple[int, int]] = []
    for kind, v, i, width in _tokens(s):
        if kind == "digit":
            if pending is not None:
                raise bad("two digits in a row", i)
            if v == 0:
                if i == 0 and len(s) > 1:
                    raise bad("a numeral does not open with 零", i)
                if prev == "zero":
                    raise bad("零 twice in a row", i)
                if prev == "small":
                    gaps_group.append((prev_unit, i))
                elif prev == "big":
                    (gaps_section if prev_unit == 10_000 else gaps).append((prev_unit, i))
                zero, zero_at, prev, last_unit = True, i, "zero", None
                continue
            pending, pending_at, pending_width, prev = v, i, width, "digit"
            continue
        if kind == "tens":  # 廿二: 廿 is 二十
            if pending is not None:
                raise bad("a digit before 廿/卅", i)
            kind, pending, pending_at, pending_width, v = "small", v // 10, i, 1, 10
        if kind == "small":
            if v >= last_small:
                raise bad(f"{s[i]!r} after a unit as large or larger", i)
            if pending is None:
                if v != 10:
                    raise bad(f"{s[i]!r} without a digit before it", i)
                # 十八, 十万; and spoken 一百十一, 一千零十, 两百十: the 一 of 一十 left out
                pending = 1
            elif pending >= 10:
                raise bad(f"{pending} cannot take the unit {s[i]!r}", pending_at, i + 1)
            group += pending * v
            last_small, last_unit, pending, zero, prev, prev_unit = v, v, None, False, "small", v
            continue
        # a big unit: 万 or 亿
        if zero and pending is None:
            raise bad(f"零 with nothing after it before {s[i]!r}", zero_at)
        value = group + (pending or 0)
        if v == 10_000:
            if seen_wan:
                raise bad("万 twice without 亿 between", i)
            if value == 0:
                raise bad("万 without a number before it", i)
            section, seen_wan = value * 10_000, True
            gaps_section += [(place * 10_000, at) for place, at in gaps_group]
        else:
            if total:
                raise bad("亿 twice", i)
            if value == 0 and section == 0:
                raise bad("亿 without a number before it", i)
            total, section, seen_wan = (section + value) * 100_000_000, 0, False
            gaps += [(place * 100_000_000, at) for place, at in gaps_group + gaps_section]
            gaps_section = []
        gaps_group = []
        group, pending, last_small, last_unit, zero, prev, prev_unit = 0, None, 10_000, v, False, "big", v
    if zero and pending is None and len(s) > 1:
        raise bad("零 with nothing after it", zero_at)
    if pending is not None:
        if last_unit is not None and last_unit > 10 and not zero and pending_width == 1:
            pending *= last_unit // 10  # 一万二: the digit after 万 means 二千
        if last_unit is not None and pending >= last_unit:
            raise bad("the closing number is too large for the unit before it", pending_at, len(s))
        group += pending
    value = total + section + group
    for place, at in gaps + gaps_section + gaps_group:
        if value // (place // 10) % 10:
            raise bad("零 where no place is skipped", at)
    return value


def _decimal(digits: str) -> Fraction:
    """Arabic digits with an optional decimal point, exactly: "0.0000001" -> 1/10^7."""
    whole, _, frac = digits.partition(".")
    return Fraction(int(whole + frac), 10 ** len(frac)) if frac else Fraction(int(whole))


def _chinese_value(core: str) -> tuple[Fraction, str | None]:
    """A Chinese core, with decimals after 点 and a magnitude after them (三点五万)."""
    core = core.translate(_VARIANTS)
    whole, dot, frac = core.partition("点")
    if not dot:
        return Fraction(chinese_numeral_value(core)), next((c for c in reversed(core) if c in BIG_UNITS), None)
    mag = frac[-1] if frac and frac[-1] in BIG_UNITS else None
    digits = frac[:-1] if mag else frac
    if not digits or not all(c in DIGITS for c in digits):
        raise NumberParseError(f"after 点 only digits may follow in {core!r}", (len(whole) + 1, len(core)))
    if not whole:
        raise NumberParseError(f"nothing before 点 in {core!r}", (0, 1))
    if whole == "零":
        integer = 0
    else:
        if "万" in whole or "亿" in whole:
            if mag:
                raise NumberParseError(f"a magnitude on both sides of 点 in {core!r}", (len(core) - 1, len(core)))
        integer = chinese_numeral_value(whole)
    scale = 10 ** len(digits)
    value = Fraction(integer * scale + int("".join(str(DIGITS[c]) for c in digits)), scale)
    return value * (BIG_UNITS[mag] if mag else 1), mag


def _nearest_float(x: Fraction) -> float | None:
    """The float nearest to ``x`` (int / int division rounds correctly), or None where no
    float holds it: beyond the float range, or so small that the float would be 0."""
    try:
        f = x.numerator / x.denominator
    except OverflowError:
        return None
    return None if (f == 0 and x) or math.isinf(f) else f


def _core_value(core: str) -> tuple[Fraction, str | None]:
    """Value of one core; a value no float can hold is a parse error, not inf, 0 or OverflowError."""
    value, mag = _core_value_unchecked(core)
    if _nearest_float(value) is None:
        raise NumberParseError(f"number {'too large' if abs(value) > 1 else 'too small'} for a float: {core!r}",
                               (0, len(core)))
    return value, mag


def _core_value_unchecked(core: str) -> tuple[Fraction, str | None]:
    """Value of one core (Arabic with optional magnitude, mixed, or Chinese numerals)."""
    if core == "半":
        return _HALF, None
    norm = core.translate(_VARIANTS)
    m = _ARABIC_CORE.fullmatch(norm)
    if m:  # one Fraction, built from integers: 3.2万 is 32 * 10000 / 10
        whole, _, frac = m.group(1).replace(",", "").partition(".")
        scale = math.prod(MAGNITUDES[c] for c in m.group(3))
        return Fraction(int(whole + frac) * scale, 10 ** len(frac)), (m.group(3) or None)
    if _BARE_MAGNITUDE_CORE.fullmatch(norm):
        return Fraction(MAGNITUDES[norm[-1]]), norm[-1]
    m = _CHINESE_INFIX_CORE.fullmatch(norm)
    if m:  # 二十余万: the numeral, then its magnitude
        value = chinese_numeral_value(m.group(1)) * math.prod(MAGNITUDES[c] for c in m.group(2))
        return Fraction(value), m.group(2)
    return _chinese_value(norm)


_HALF = Fraction(1, 2)
# Words that state a percentage without digits: 减半 (halved) is a fall of about 50%
# (a rounded word, hence approx).
PERCENT_WORDS = {"减半": 50.0, "一半": 50.0}
_PER_UNITS = {"百分之": "percent", "千分之": "permille", "万分之": "per-ten-thousand"}
_PCT_UNITS = {"%": "percent", "％": "percent", "‰": "permille", "‱": "per-ten-thousand"}


def parse_number(text: str) -> Number:
    """Parse one number expression, e.g. ``"超过12万"``, ``"26.9%"``, ``"百分之三十五"``, ``"一万二"``."""
    plain = _PLAIN.fullmatch(text)
    if plain and len(plain.group(1)) < 300:  # the common case, read at once: 2019, 3.5, 26.9%
        # float() of a decimal string is the float nearest to it; fewer than 300 digits
        # cannot leave the float range
        exact, v = _decimal(plain.group(1)), float(plain.group(1))
        return Number(text, v, v, v, "percent" if plain.group(2) else None, "exact", None, False,
                      exact, exact, exact)
    s = _WHITESPACE.sub("", text)

    def span(a: int, b: int) -> tuple[int, int]:  # squashed positions -> positions in text
        offsets = [m.start() for m in _NON_SPACE.finditer(text)]
        if not offsets:
            return (0, len(text))
        return (offsets[min(a, len(offsets) - 1)], offsets[min(max(b, a + 1), len(offsets)) - 1] + 1)

    if s in PERCENT_WORDS:
        v = PERCENT_WORDS[s]
        return Number(text=text, value=v, low=v, high=v, unit="percent", qualifier="approx", magnitude=None,
                      exact=Fraction(v), exact_low=Fraction(v), exact_high=Fraction(v))
    m = _FULL.match(s)
    if not m or m.end() != len(s):
        at = m.end() if m else 0
        raise NumberParseError(f"not a number expression: {text!r}", span(at, len(s)) if s else (0, len(text)))
    def located(group: str) -> tuple[Fraction, str | None]:
        """The value of one core; its error, if any, placed in ``text``."""
        try:
            return _core_value(m.group(group))
        except NumberParseError as e:
            a, b = e.span or (0, len(m.group(group)))
            base = m.start(group)
            raise NumberParseError(f"{e} (in {text!r})", span(base + a, base + b)) from None

    low, mag = located("low")
    high = low
    if m.group("high"):
        high, mag_high = located("high")
        if mag_high and not mag:
            # 1-2万: the magnitude written once applies to both ends
            low = low * math.prod(MAGNITUDES[c] for c in mag_high)
            mag = mag_high
    if high < low:
        raise NumberParseError(f"range runs backwards: {text!r}", span(m.start("low"), m.end("high")))
    unit = None
    per, den = m.group("per"), m.group("den")
    if den:  # 三分之二: two thirds
        denominator, _ = located("den")
        if denominator == 0:
            raise NumberParseError(f"a fraction over zero: {text!r}", span(m.start("per"), m.end("per")))
        low, high, unit = low / denominator, high / denominator, "fraction"
    elif per:
        unit = _PER_UNITS[per.translate(_VARIANTS)]
    if m.group("cheng"):  # 三成五: 3.5 tenths, i.e. 35 percent
        if unit:
            raise NumberParseError(f"成 after a share: {text!r}", span(m.start("cheng"), m.end("cheng")))
        extra = m.group("cheng")[1:]
        if extra and (m.group("high") or low.denominator != 1):
            raise NumberParseError(f"成 with a digit after a range or a decimal: {text!r}",
                                   span(m.start("cheng"), m.end("cheng")))
        tenth = Fraction(DIGITS[extra], 10) if extra else 0
        low, high, unit = (low + tenth) * 10, (high + tenth) * 10, "percent"
    pct = m.group("pct")
    if pct:
        if unit:
            raise NumberParseError(f"two units of share in {text!r}", span(m.start("pct"), m.end("pct")))
        unit = _PCT_UNITS.get(pct, "percentage-points")
    sign = m.group("sign")
    if sign:
        low, high = -high, -low
    qualifier = "exact"
    infix = _INFIX.search(m.group("low"))  # 20余万, 二十余万
    if m.group("prefix"):
        qualifier = PREFIX_QUALIFIERS[m.group("prefix")]
    elif m.group("low").startswith("上"):
        qualifier = "at_least"  # 上万: ten thousand or more
    if infix or m.group("approx"):
        qualifier = "at_least" if qualifier == "exact" else qualifier  # 20余万: more than 200,000
    if m.group("suffix"):
        suffix_q = SUFFIX_QUALIFIERS[m.group("suffix")]
        qualifier = suffix_q if qualifier in ("exact", "approx") else qualifier
    if low == high:
        value = high = low
        floats = [_nearest_float(low)] * 3
    else:
        value = (low + high) / 2
        floats = [_nearest_float(x) for x in (value, low, high)]
    if None in floats:  # each core fits a float, but not the whole: 三分之(a vast number), 1e308成
        raise NumberParseError(f"number {'too large' if abs(low) > 1 else 'too small'} for a float: {text!r}",
                               (0, len(text)))
    return Number(text, *floats, unit, qualifier, mag, bool(m.group("ordinal")), value, low, high)
