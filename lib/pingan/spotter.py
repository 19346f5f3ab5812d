"""Find every number in a Chinese text: ``extract_numbers(text)``.

A number is any run of Arabic digits, with its magnitude (万, 亿 …), qualifiers
(近, 超过, 余, 多, 以上 …) and percent-like unit, or a run of Chinese numerals that
is used as a quantity: followed by a magnitude, a measure word or a percent sign,
or preceded by a qualifier. Chinese numerals inside fixed words (一手抓, 三治融合)
are not quantities and are not reported.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .numbers import NUMBER_PATTERN, NumberParseError, parse_number

__all__ = ["SpottedNumber", "extract_numbers", "extract_numbers_flat", "squash", "MEASURE_WORDS"]

# Measure words and units that may follow a number. Longest first so that
# 平方公里 wins over 公里.
MEASURE_WORDS = sorted(
    """个 名 次 位 项 支 件 起 家 所 台 只 路 幢 间 条 处 座 辆 人 户 批 类 种 张 套
    年 月 日 天 周 届 岁 倍 成 强 小时 分钟 公里 平方公里 斤 元 亿元 万元 人次 连冠 连降
    大 方 级 星 步 线""".split(),
    key=len,
    reverse=True,
)
# Measure words after which a bare Chinese numeral counts as a quantity. Words
# that make ordinals or fixed phrases with Chinese numerals (大 in 十九大, 方, 级,
# 星, 步, 线) are left out.
_CHINESE_MEASURES = [w for w in MEASURE_WORDS if w not in {"大", "方", "级", "星", "步", "线"}]

# Numeral + measure word that are words of their own: 一起 (together), 一条龙
# (one-stop), 一道 (together). Not quantities.
LEXICALISED = ("一起", "一条龙", "一道")

_PATTERN = re.compile(
    NUMBER_PATTERN
    + r"(?P<measure>" + "|".join(map(re.escape, MEASURE_WORDS)) + r")?"
)
_ARABIC_START = re.compile(r"\d")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\d*")


@dataclass(frozen=True)
class SpottedNumber:
    """One number found in a text. ``start``/``end`` index the text as given."""

    start: int  # offset of the first character in the original text
    end: int  # offset just past the last character in the original text
    line: int  # 1-based line of the first character
    text: str  # the number expression (without its measure word)
    value: float | None  # None where the expression does not parse (a date code)
    unit: str | None  # percent-like unit, or the measure word that follows
    magnitude: str | None
    qualifier: str | None
    context: str  # the text around it, whitespace squashed

    def as_dict(self) -> dict:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


def _is_quantity(m: re.Match) -> bool:
    """Keep Arabic numbers always; Chinese numerals only when used as a quantity."""
    low = m.group("low")
    if _ARABIC_START.match(low):
        return True
    if low in ("百", "千", "万", "亿") and not m.group("prefix"):
        return False  # 万人发案数, 千里眼: a word, not a quantity
    if m.group("prefix") or m.group("pct") or m.group("approx"):
        return True
    if any(c in "万亿" for c in low):
        return True
    measure = m.group("measure")
    if measure is None or measure not in _CHINESE_MEASURES:
        return False
    return not m.string.startswith(LEXICALISED, m.start())


def squash(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its offset in ``text``.

    Newspaper columns break lines mid-number (11.3 / 万个), so numbers are found in
    the squashed text and reported at their original positions.
    """
    offsets = [i for i, c in enumerate(text) if not c.isspace()]
    return "".join(text[i] for i in offsets), offsets


def extract_numbers(text: str, context_chars: int = 12) -> list[SpottedNumber]:
    """Every number in ``text``, in order, with its unit, magnitude, qualifier and context."""
    flat, offsets = squash(text)
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return [
        SpottedNumber(
            start=offsets[x.start], end=offsets[x.end - 1] + 1,
            line=bisect.bisect_right(line_starts, offsets[x.start]),
            text=x.text, value=x.value, unit=x.unit, magnitude=x.magnitude,
            qualifier=x.qualifier, context=x.context,
        )
        for x in _extract_flat(flat, context_chars)
    ]


def extract_numbers_flat(flat: str, context_chars: int = 12) -> list[SpottedNumber]:
    """Numbers in a text that has no whitespace; start/end index ``flat`` itself."""
    return _extract_flat(flat, context_chars)


def _extract_flat(text: str, context_chars: int) -> list[SpottedNumber]:
    found: list[SpottedNumber] = []
    pos = 0
    n = len(text)
    while pos < n:
        d = _DATE.search(text, pos)
        m = _PATTERN.search(text, pos)
        if m is None and d is None:
            break
        if d is not None and (m is None or d.start() <= m.start()):
            # an ISO date or a page code such as 2024-10-2900005: one token, no value
            found.append(_spotted(text, d.start(), d.end(), d.group(), None, context_chars))
            pos = d.end()
            continue
        if m.end() == m.start():  # pragma: no cover - the pattern never matches empty
            pos += 1
            continue
        if _is_quantity(m):
            end = m.end("measure") if m.group("measure") else m.end()
            expr_end = m.start("measure") if m.group("measure") else m.end()
            expr = text[m.start():expr_end]
            found.append(_spotted(text, m.start(), expr_end, expr, m.group("measure"), context_chars))
            pos = max(end, m.start() + 1)
        else:
            pos = m.start() + 1
    return found


def _spotted(text, start, end, expr, measure, k):
    try:
        num = parse_number(expr)
        value, unit, mag, qual = num.value, (num.unit or measure), num.magnitude, num.qualifier
    except NumberParseError:
        value, unit, mag, qual = None, measure, None, None
    return SpottedNumber(start, end, 0, expr, value, unit, mag, qual, text[max(0, start - k): end + k])
