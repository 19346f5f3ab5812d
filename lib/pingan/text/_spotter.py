"""Find every number in a Chinese text: ``extract_numbers(text)``.

A number is any run of Arabic digits, with its magnitude (万, 亿 …), qualifiers
(近, 超过, 余, 多, 以上 …) and percent-like unit, or a run of Chinese numerals that
is used as a quantity: followed by a magnitude, a measure word or a percent sign,
or preceded by a qualifier. Chinese numerals inside fixed words (一手抓, 三治融合)
are not quantities and are not reported. A numeral before a 半 that ends the phrase
counts pieces (切两半: 两, two halves, with 半 as its unit).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from fractions import Fraction

from pingan.text._numbers import (BIG_UNITS, DIGITS, NUMBER_PATTERN, PREFIX_QUALIFIERS, SMALL_UNITS, TENS,
                                  NumberParseError, exact_text, parse_number)

__all__ = ["SpottedNumber", "extract_numbers", "extract_numbers_flat", "squash", "MEASURE_WORDS"]

# Measure words (classifiers) that may follow a number.
_CLASSIFIERS = """个 名 位 次 项 支 件 起 家 所 台 只 路 幢 栋 间 条 处 座 辆 人 户 批 类 种 张 套
    把 本 册 份 封 根 颗 粒 块 片 双 对 副 层 排 列 队 组 群 声 场 轮 届 期 艘 架 部 票 笔 单
    宗 桩 例 枚 盏 棵 株 朵 门 节 章 篇 首 句 段 幅 堂 课 岁 周岁 倍 番 遍 趟 回 阵 顿 餐 班
    股 道 桌 席 床 扇 校 站 款 项次 人次 户次 架次 车次 辆次 起次 余人
    年 月 日 天 周 星期 小时 钟头 分钟 秒 秒钟 季度 世纪 晚 夜 元 角 毛 美元 欧元 亿元 万元
    强 连冠 连降 连胜 摄氏度 华氏度 ℃ 度 分 亩 平方 平米 吨 伏 瓦 千瓦时
    大 方 级 星 步 线 时 下 等 面 头 行 口 角 毛""".split()
# Units of measurement are productive: a prefix and a base (平方公里, 千克, 毫升, 立方米).
_UNIT = r"(?:平方|立方)?(?:(?:千|公|毫|厘|微|纳|分)?[米克升斤]|[公英海]里|公顷)"
_UNIT_RE = re.compile(_UNIT)
# Longest first so that 平方公里 wins over 公里 and 人次 over 人.
MEASURE_WORDS = sorted(set(_CLASSIFIERS), key=len, reverse=True)
# Measure words after which a bare Chinese numeral does not count as a quantity: they make
# ordinals or fixed phrases with Chinese numerals (十九大, 四面八方, 一等奖, 一下, 一头, 一行人,
# 一口气, 一时, 三方, 一线).
_NOT_AFTER_CHINESE = {"大", "方", "级", "星", "步", "线", "时", "下", "等", "面", "头", "行", "口",
                      "角", "毛"}
_CHINESE_MEASURES = frozenset(w for w in MEASURE_WORDS if w not in _NOT_AFTER_CHINESE)

# Numeral + measure word (or ordinal) that are words of their own, not quantities:
# 一道 (together), 一条龙 (one-stop), 一度 (at one time), 一次性 (one-off), 一把手 (the top
# leader), 十分 (very), 一点一滴 (bit by bit), 三五成群 (in small groups), 第一时间 (at once),
# 上半年 / 下半年 (the first / second half of the year), 一成不变 (unchanging).
LEXICALISED = ("一道", "一条龙", "一度", "一次性", "一把手", "十分", "万分", "一点一滴", "一成不变",
               "三五成群", "第一时间", "第三方", "一口气", "一块儿", "一番", "一阵子", "一路走", "一路上",
               "一对一", "一部分", "一站式", "两点一线")
# 一起 is "together" unless an incident noun follows (一起纠纷: one dispute), with at most a
# few modifying characters between and no verb.
_INCIDENT = re.compile(r"(?:[^\W\d_]{0,6}?)(?:案件|案|事故|事件|纠纷|火灾|冲突|诈骗|盗窃|命案|警情|矛盾|投诉|"
                       r"伤害|盗抢|抢劫|斗殴|谋杀|失火|爆炸|险情|疫情|舆情)")
_VERB_IN_GAP = re.compile(r"[解处化调做来去推维打参努面应防排努共守看走想办抓携]")
# 半 is a quantity before a measure word (半斤, 半小时), but 上半年 and 下半年 are periods
_HALF_PERIOD_BEFORE = set("上下前后")
# 切两半, 分成两半: a digit before a 半 that no measure word follows counts the pieces (半 is
# its unit). Not 一半 (a half, not one of anything) and not after another numeral: 一两半
# is one and a half 两 (a weight).
_PIECES = set("两兩三四五六七八九")
_NUMERAL_CHARS = set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | set(TENS) | set(
    "兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟〇")

# Every character a number expression can start with: a digit, a Chinese numeral or
# magnitude (any variant), a sign, 第, 半, 上 (上万), 百分之, or the first character of a
# prefix qualifier (近, 超过 …). The pattern opens with a lookahead on them, which lets the
# regex engine skip every other position at once; it changes no match.
_FIRST_CHARS = "".join(sorted(set(
    DIGITS.keys() | SMALL_UNITS.keys() | BIG_UNITS.keys() | TENS.keys()
    | set("兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟〇负負-－−第半上")
    | {q[0] for q in PREFIX_QUALIFIERS})))
_MEASURE_WORD = _UNIT + "|" + "|".join(map(re.escape, MEASURE_WORDS))
_MEASURE = rf"(?P<measure>{_MEASURE_WORD})?"
_PATTERN = re.compile(rf"(?=[\d{re.escape(_FIRST_CHARS)}])" + NUMBER_PATTERN + _MEASURE)
_PATTERN_MEASURE = re.compile(_MEASURE_WORD)
_ARABIC_START = re.compile(r"\d")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\d*")
_NON_SPACE = re.compile(r"\S+")
_NEWLINE = re.compile(r"\n")


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
    ordinal: bool = False  # 第三: a rank, not a quantity
    exact: Fraction | None = None  # the value exactly (value is the float nearest to it)

    def as_dict(self) -> dict:
        """The fields, JSON-ready: ``exact`` written out as text (``"0.0000001"``, ``"2/3"``)."""
        d = {f: getattr(self, f) for f in self.__dataclass_fields__}
        d["exact"] = None if self.exact is None else exact_text(self.exact)
        return d


def _is_quantity(m: re.Match) -> bool:
    """Keep Arabic numbers always; Chinese numerals only when used as a quantity."""
    low, prefix, measure = m.group("low", "prefix", "measure")
    text, start = m.string, m.start()
    if _ARABIC_START.match(low):
        return True
    if m.group("per"):
        return True  # 十分之一 is a tenth, whatever 十分 (very) means elsewhere
    if text.startswith(LEXICALISED, start):
        return False
    if low[0] == "一" and not prefix and text[start - 1:start] in _ONE_IN_WORD_AFTER and start:
        return False
    if low == "半":  # 半斤, 近半年; not 上半年 (the first half of the year)
        if prefix:
            return True
        return (measure in _CHINESE_MEASURES or _is_unit(measure)) and text[start - 1:start] not in _HALF_PERIOD_BEFORE
    if low in _BARE and not prefix:
        return False  # 万人发案数, 千里眼: a word, not a quantity
    if prefix or any(m.group("pct", "approx", "per", "cheng", "sign", "ordinal")):
        return True
    if any(c in low for c in "万亿萬億点點"):
        return True
    if measure is None:
        return False
    if _is_unit(measure):
        return True
    if measure not in _CHINESE_MEASURES:
        return False
    if measure == "起" and low == "一":  # 一起纠纷 (one dispute), not 一起努力 (together)
        after = _INCIDENT.match(text, m.end())
        return bool(after) and not _VERB_IN_GAP.search(text, m.end(), after.end())
    return True


_BARE = {"百", "千", "万", "亿", "萬", "億"}
# 一 closing a word: 统一 (unified), 唯一 (only), 同一 (the same), 万一 (in case)
_ONE_IN_WORD_AFTER = set("统唯同万")


def _counts_pieces(m: re.Match) -> bool:
    """切两半: a single digit, nothing else, then a 半 that ends the phrase."""
    text, start, end = m.string, m.start(), m.end()
    if m.group("measure") is not None or text[end:end + 1] != "半" or m.group("low") not in _PIECES:
        return False
    if any(m.group("prefix", "ordinal", "sign", "per", "high", "approx", "cheng", "pct", "suffix")):
        return False
    if text[start - 1:start] in _NUMERAL_CHARS and start:
        return False  # 一两半: one and a half 两
    after = _PATTERN_MEASURE.match(text, end + 1)
    return after is None  # 两半天 is no way of counting pieces


def _is_unit(measure: str | None) -> bool:
    return measure is not None and measure not in _MEASURE_SET and _UNIT_RE.fullmatch(measure) is not None


_MEASURE_SET = frozenset(MEASURE_WORDS)


def squash(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and for each kept character its offset in ``text``.

    Newspaper columns break lines mid-number (11.3 / 万个), so numbers are found in
    the squashed text and reported at their original positions.
    """
    flat, runs = _squash_runs(text)
    offsets: list[int] = []
    for a, b in zip(runs[0], runs[2]):
        offsets.extend(range(a, b))
    return flat, offsets


def _squash_runs(text: str) -> tuple[str, tuple[list[int], list[int], list[int]]]:
    """``text`` without whitespace, and its runs of non-space characters: where each
    starts in the squashed text, where it starts and ends in ``text``."""
    # re's \s is exactly str.isspace; whole runs are copied at C speed
    spans = [m.span() for m in _NON_SPACE.finditer(text)]
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    flat_starts = list(itertools.accumulate((b - a for a, b in spans), initial=0))[:-1]
    return "".join([text[a:b] for a, b in spans]), (starts, flat_starts, ends)


def extract_numbers(text: str, context_chars: int = 12) -> list[SpottedNumber]:
    """Every number in ``text``, in order, with its unit, magnitude, qualifier and context."""
    flat, (starts, flat_starts, _) = _squash_runs(text)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    bisect_right = bisect.bisect_right

    def original(i: int) -> int:  # offset in text of flat[i]
        run = bisect_right(flat_starts, i) - 1
        return starts[run] + i - flat_starts[run]

    found = []
    for start, end, expr, measure in _scan(flat):
        first = original(start)
        value, unit, magnitude, qualifier, ordinal, exact = _reading(expr, measure)
        found.append(SpottedNumber(first, original(end - 1) + 1, bisect_right(line_starts, first),
                                   expr, value, unit, magnitude, qualifier,
                                   flat[max(0, start - context_chars): end + context_chars], ordinal, exact))
    return found


def extract_numbers_flat(flat: str, context_chars: int = 12) -> list[SpottedNumber]:
    """Numbers in a text that has no whitespace; start/end index ``flat`` itself."""
    k = context_chars
    found = []
    for start, end, expr, measure in _scan(flat):
        value, unit, magnitude, qualifier, ordinal, exact = _reading(expr, measure)
        found.append(SpottedNumber(start, end, 0, expr, value, unit, magnitude, qualifier,
                                   flat[max(0, start - k): end + k], ordinal, exact))
    return found


def _scan(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, expression, measure word) of every number in a text without whitespace."""
    found: list[tuple[int, int, str, str | None]] = []
    pos = 0
    n = len(text)
    next_date = _DATE.search(text)
    while pos < n:
        # the first date at or after pos: search again only once pos has passed the last
        # one found (searching afresh at every step made the spotter quadratic)
        if next_date is not None and next_date.start() < pos:
            next_date = _DATE.search(text, pos)
        d = next_date
        m = _PATTERN.search(text, pos)
        if m is None and d is None:
            break
        if d is not None and (m is None or d.start() <= m.start()):
            # an ISO date or a page code such as 2024-10-2900005: one token, no value
            found.append((d.start(), d.end(), d.group(), None))
            pos = d.end()
            continue
        if m.end() == m.start():  # pragma: no cover - the pattern never matches empty
            pos += 1
            continue
        if _is_quantity(m):
            measure = m.group("measure")
            end = m.end("measure") if measure else m.end()
            expr_end = m.start("measure") if measure else m.end()
            found.append((m.start(), expr_end, text[m.start():expr_end], measure))
            pos = max(end, m.start() + 1)
        elif _counts_pieces(m):  # 切两半: 两, with 半 as its unit
            found.append((m.start(), m.end(), m.group(), "半"))
            pos = m.end() + 1
        else:
            pos = m.start() + 1
    return found


def _reading(expr: str, measure: str | None) -> tuple:
    """(value, unit, magnitude, qualifier, ordinal, exact value) of one spotted expression; no
    value where it does not parse."""
    try:
        num = parse_number(expr)
    except NumberParseError:
        return None, measure, None, None, expr.startswith("第"), None
    return num.value, (num.unit or measure), num.magnitude, num.qualifier, num.ordinal, num.exact
