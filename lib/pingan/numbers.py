"""Parse numbers as Chinese newspapers write them.

``parse_number("近1.1万")`` -> ``Number(value=11000.0, qualifier="approx", ...)``.

Handles Arabic digits (with thousands commas and decimals) and Chinese numerals
(一…十, 两, 百, 千, 万, 亿, 零/〇), magnitudes after Arabic digits (3.2万, 855.6亿),
percent (%/％), per mille (‰), percentage points (个百分点), qualifiers before
(近, 约, 超过, 逾, 不到, and 上 in 上万) and after (余, 多, 以上, 以下, 左右) the number, and ranges
(3-5万, 3至5个百分点).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["Number", "NumberParseError", "parse_number", "chinese_numeral_value", "NUMBER_PATTERN"]

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

PREFIX_QUALIFIERS = {"近": "approx", "约": "approx", "将近": "approx", "超过": "at_least",
                     "逾": "at_least", "不到": "at_most", "不足": "at_most"}
SUFFIX_QUALIFIERS = {"余": "approx", "多": "approx", "左右": "approx", "以上": "at_least",
                     "以下": "at_most"}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# a Chinese numeral starts with a digit or 十: 万 or 千 alone (万人, 千里眼) is a word, not a number
_CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
# 上万 (upwards of ten thousand) and a bare magnitude after a qualifier (近万) are numbers too
_BARE_MAGNITUDE = r"上?[百千万亿]"
# 余/多 may stand before the magnitude, in Arabic (20余万) and in Chinese numerals (二十余万)
_CORE = rf"(?:{_ARABIC}(?:[余多]?[十百千万亿]+)?|{_CHINESE}(?:[余多][万亿]+)?|{_BARE_MAGNITUDE})"
_PREFIX = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
_RANGE_SEP = r"[-–—~～至到]"
_SUFFIX_UNIT = r"(?:个百分点|百分点|%|％|‰)"
_SUFFIX_QUAL = r"(?:余|多|左右|以上|以下)"

# One number expression: optional prefix qualifier, a core (or a range of two
# cores), an optional 余/多, an optional percent-like unit, an optional suffix
# qualifier. Named groups are read by parse_number and by the spotter.
NUMBER_PATTERN = (
    rf"(?P<prefix>{_PREFIX})?"
    rf"(?P<low>{_CORE})(?:{_RANGE_SEP}(?P<high>{_CORE}))?"
    rf"(?P<approx>[余多])?"
    rf"(?P<pct>{_SUFFIX_UNIT})?"
    rf"(?P<suffix>{_SUFFIX_QUAL})?"
)
_FULL = re.compile(rf"^{NUMBER_PATTERN}$")
# compiled once: parse_number runs for every number the spotter finds
_ARABIC_CORE = re.compile(rf"({_ARABIC})([余多]?)([十百千万亿]*)")
_CHINESE_INFIX_CORE = re.compile(rf"({_CHINESE})[余多]([万亿]+)")
_BARE_MAGNITUDE_CORE = re.compile(_BARE_MAGNITUDE)
_WHITESPACE = re.compile(r"\s+")
_INFIX = re.compile(r"[余多]")


class NumberParseError(ValueError):
    """The text is not one number expression."""


@dataclass(frozen=True)
class Number:
    """A parsed number. ``value`` is in base units (3.2万 -> 32000; 26.9% -> 26.9)."""

    text: str
    value: float
    low: float
    high: float
    unit: str | None  # "percent", "permille", "percentage-points" or None
    qualifier: str  # exact | approx | at_least | at_most
    magnitude: str | None  # 万, 亿, … as written, if any

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def chinese_numeral_value(s: str) -> int:
    """Value of a run of Chinese numerals: 十八 -> 18, 两万 -> 20000, 一千零五 -> 1005."""
    if not s:
        raise NumberParseError("empty numeral")
    if all(c in DIGITS for c in s) and len(s) > 1:
        # digit-by-digit form such as 二〇二四
        return int("".join(str(DIGITS[c]) for c in s))
    total = 0  # completed 亿 sections
    section = 0  # completed 万 section within the current 亿 section
    current = 0  # current group below 万
    digit = None
    for c in s:
        if c in DIGITS:
            if digit is not None and DIGITS[c] != 0:
                raise NumberParseError(f"two digits in a row in {s!r}")
            digit = DIGITS[c] if DIGITS[c] != 0 else None
        elif c in SMALL_UNITS:
            current += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        elif c in BIG_UNITS:
            group = current + (digit or 0)
            if group == 0 and section == 0 and total == 0:
                group = 1  # 万 alone means ten thousand
            if c == "万":
                section = (section + group) * 10_000
            else:
                total = (total + section + group) * 100_000_000
                section = 0
            current, digit = 0, None
        else:
            raise NumberParseError(f"{c!r} is not a Chinese numeral in {s!r}")
    return total + section + current + (digit or 0)


def _core_value(core: str) -> tuple[float, str | None]:
    """Value of one core; a value too large for a float is a parse error, not inf or OverflowError."""
    try:
        value, mag = _core_value_unchecked(core)
    except OverflowError:
        value, mag = math.inf, None
    if not math.isfinite(value):
        raise NumberParseError(f"number too large: {core!r}")
    return value, mag


def _core_value_unchecked(core: str) -> tuple[float, str | None]:
    """Value of one core (Arabic with optional magnitude, or Chinese numerals)."""
    m = _ARABIC_CORE.fullmatch(core)
    if m:
        value = float(m.group(1).replace(",", ""))
        for c in m.group(3):
            value *= MAGNITUDES[c]
        return value, (m.group(3) or None)
    m = _CHINESE_INFIX_CORE.fullmatch(core)
    if m:  # 二十余万: the numeral, then its magnitude
        value = float(chinese_numeral_value(m.group(1)))
        for c in m.group(2):
            value *= MAGNITUDES[c]
        return value, m.group(2)
    big = next((c for c in reversed(core) if c in BIG_UNITS), None)
    if _BARE_MAGNITUDE_CORE.fullmatch(core):
        return float(MAGNITUDES[core[-1]]), core[-1]
    return float(chinese_numeral_value(core)), big


def _round(x: float) -> float:
    # keep 3.2 * 10000 == 32000 exactly, whatever binary floating point does
    return float(round(x, 6))


# Words that state a percentage without digits: 减半 (halved) is a fall of about 50%
# (a rounded word, hence approx).
PERCENT_WORDS = {"减半": 50.0, "一半": 50.0}


def parse_number(text: str) -> Number:
    """Parse one number expression, e.g. ``"超过12万"``, ``"26.9%"``, ``"0.26个百分点"``."""
    s = _WHITESPACE.sub("", text)
    if s in PERCENT_WORDS:
        v = PERCENT_WORDS[s]
        return Number(text=text, value=v, low=v, high=v, unit="percent", qualifier="approx", magnitude=None)
    m = _FULL.match(s)
    if not m:
        raise NumberParseError(f"not a number expression: {text!r}")
    low, mag = _core_value(m.group("low"))
    high = low
    if m.group("high"):
        high, mag_high = _core_value(m.group("high"))
        if mag_high and not mag:
            # 1-2万: the magnitude written once applies to both ends
            low = low * (MAGNITUDES[mag_high] if mag_high in MAGNITUDES else 1)
            mag = mag_high
        if high < low:
            raise NumberParseError(f"range runs backwards: {text!r}")
    qualifier = "exact"
    infix = _INFIX.search(m.group("low"))  # 20余万, 二十余万
    if m.group("prefix"):
        qualifier = PREFIX_QUALIFIERS[m.group("prefix")]
    elif m.group("low").startswith("上"):
        qualifier = "at_least"  # 上万: ten thousand or more
    if infix or m.group("approx"):
        qualifier = "approx" if qualifier == "exact" else qualifier
    if m.group("suffix"):
        suffix_q = SUFFIX_QUALIFIERS[m.group("suffix")]
        qualifier = suffix_q if qualifier in ("exact", "approx") else qualifier
    pct = m.group("pct")
    unit = None
    if pct in ("%", "％"):
        unit = "percent"
    elif pct == "‰":
        unit = "permille"
    elif pct:
        unit = "percentage-points"
    low, high = _round(low), _round(high)
    value = low if low == high else _round((low + high) / 2)
    return Number(text=text, value=value, low=low, high=high, unit=unit,
                  qualifier=qualifier, magnitude=mag)
