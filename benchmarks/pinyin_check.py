"""Pinyin check: every pinyin cell in the curated tables against pypinyin's tone-marked reading.
Prints counts and each difference for a person to review; asserts nothing and changes nothing.

    # pypinyin is never a dependency of the workbook; run this with a throwaway venv:
    python3 -m venv /tmp/pyp && /tmp/pyp/bin/pip install pypinyin
    /tmp/pyp/bin/python benchmarks/pinyin_check.py            # summary and every difference
    /tmp/pyp/bin/python benchmarks/pinyin_check.py --reviewed  # also the reviewed-difference notes

Without pypinyin it says so and exits 0.

The cells compared: glossary.pinyin (of term_zh), places.pinyin (name_zh), practices.pinyin
(name_zh), families.pinyin (term_zh). Both readings are normalised before comparing: Unicode NFC,
lower case, and only letters and digits kept (so spaces, apostrophes, quotation marks, hyphens and
other punctuation do not count). The tables write citation tones (no tone sandhi; 一 and 不 in their
own tones), which is also pypinyin's default.

pypinyin reads polyphones from its phrase dictionary and misreads some that the tables get right
(长 zhǎng/cháng, 调 tiáo/diào, 行, 重, 差, 地 as de/dì, 着 ...). So a difference is a question, not a
verdict: REVIEWED below lists the differences that were checked and kept, with the reason; any
difference not listed there is new and wants a look.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

# (table, Chinese text) -> why the table's reading is kept where pypinyin differs.
REVIEWED: dict[tuple[str, str], str] = {
    ('glossary', '三调联动'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone",
    ('glossary', '大调解'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone",
    ('glossary', '调委会'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone",
    ('practices', '“大调解中心”'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone",
    ('practices', '“三调联动”'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone",
    ('families', '矛调中心'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone (矛盾调解)",
    ('practices', '党建引领、调外管外'):
        "调 read tiáo (to mediate); pypinyin's diào (to transfer) is the wrong polyphone: outsiders mediate outsiders' disputes",
    ('glossary', '案结事了'):
        "了 read liǎo (to settle, 了结); pypinyin's le is the particle",
    ('glossary', '处警民警'):
        "处 read chǔ (to handle a call: 处警); pypinyin's chù is the noun (place)",
    ('glossary', '十八连冠'):
        "冠 read guàn (to be champion); pypinyin's guān is the noun (crown, cap)",
    ('places', '丽水市'):
        "丽水 is read Lìshuǐ; pypinyin's lí is the reading of 丽 in other place names (高丽)",
    ('glossary', '互联网+'):
        '“+” read jiā, as the slogan is spoken; pypinyin leaves the sign as it is',
    ('practices', '“互联网+社会治理”新模式'):
        '“+” read jiā, as the slogan is spoken; pypinyin leaves the sign as it is',
    ('practices', '“电梯+智慧监管”模式'):
        '“+” read jiā, as the slogan is spoken; pypinyin leaves the sign as it is',
    ('practices', '“互联网+监管”模式'):
        '“+” read jiā, as the slogan is spoken; pypinyin leaves the sign as it is',
    ('practices', '“党建+”平安共同体'):
        '“+” read jiā, as the slogan is spoken; pypinyin leaves the sign as it is',
    ('glossary', '8890'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('glossary', '110'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('glossary', '12345'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('glossary', '141基层社会治理体系'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('glossary', '1141市域治理体系'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '“110”社会应急联动机制'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '“8890”服务平台'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '“8890”光明电影院'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '社会治安立体化防控“456”工程'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '“141”基层治理体系向“1141”市域治理体系升级'):
        'a number string read digit by digit, 1 as yāo, as such numbers are spoken; pypinyin leaves digits as they are',
    ('practices', '“6070”'):
        'the team name read digit by digit (like 8090后); pypinyin leaves digits as they are',
    ('practices', '15项系列平安创建活动'):
        'a quantity, read as a number (shíwǔ xiàng); pypinyin leaves digits as they are',
    ('practices', '群防群治队伍'):
        '队伍 written duìwu with the neutral tone, as the dictionary (现代汉语词典) gives it; pypinyin writes wǔ',
    ('practices', '市级平安志愿者队伍'):
        '队伍 written duìwu with the neutral tone, as the dictionary (现代汉语词典) gives it; pypinyin writes wǔ',
    ('practices', '“平安报表”“经济报表”“生态报表”“党建报表”一起抓'):
        '一 in its citation tone yī (the tables write no tone sandhi); pypinyin applies the sandhi yì here',
    ('practices', '“属地管理、分级负责”和“谁主管、谁负责”原则'):
        '谁 read shéi, the common reading; shuí is the variant pypinyin gives. Both are standard',
}

CELLS = [  # table, column holding the Chinese, column holding its pinyin
    ("glossary", "term_zh", "pinyin"),
    ("places", "name_zh", "pinyin"),
    ("practices", "name_zh", "pinyin"),
    ("families", "term_zh", "pinyin"),
]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def reference(zh: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(zh, style=Style.TONE, errors="default"))


def rows():
    for table, zh_col, py_col in CELLS:
        with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                zh, py = (row.get(zh_col) or "").strip(), (row.get(py_col) or "").strip()
                if zh and py:
                    yield table, line, zh, py


def main(argv: list[str]) -> int:
    try:
        import pypinyin
    except ImportError:
        print("pinyin_check: pypinyin is not installed; skipped. Install it in a throwaway venv:\n"
              "  python3 -m venv /tmp/pyp && /tmp/pyp/bin/pip install pypinyin\n"
              "  /tmp/pyp/bin/python benchmarks/pinyin_check.py")
        return 0
    compared = agree = 0
    reviewed, new = [], []
    seen: set[tuple[str, str]] = set()
    for table, line, zh, py in rows():
        compared += 1
        ref = reference(zh)
        if normalise(ref) == normalise(py):
            agree += 1
            continue
        key = (table, zh)
        seen.add(key)
        (reviewed if key in REVIEWED else new).append((table, line, zh, py, ref))
    print(f"pypinyin {pypinyin.__version__}: {compared} pinyin cells compared, {agree} agree, "
          f"{compared - agree} differ ({len(reviewed)} reviewed and kept, {len(new)} not yet reviewed)")
    if "--reviewed" in argv:
        for table, line, zh, py, ref in reviewed:
            print(f"  kept  data/{table}.csv:{line}  {zh}  table: {py}  pypinyin: {ref}"
                  f"\n        {REVIEWED[(table, zh)]}")
    for table, line, zh, py, ref in new:
        print(f"  NEW   data/{table}.csv:{line}  {zh}  table: {py}  pypinyin: {ref}")
    stale = sorted(set(REVIEWED) - seen)
    for table, zh in stale:
        print(f"  stale review note (now agrees or gone): {table} {zh}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
