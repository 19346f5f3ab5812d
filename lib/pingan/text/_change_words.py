"""Words that say a figure fell or rose — one list for every reader of the articles.

Validation asks that a negative change's quote holds a word of decrease (and a positive one a
word of increase); the draft signs a percentage by the nearest such word before it and calls it
a change only when one is there. Both use ``DECREASE`` and ``INCREASE`` from here.

A root stands for its compounds: 降 for 下降, 降低, 降幅, 连降, 降至; 减 for 减少, 减半;
升 for 上升, 提升, 回升, 升至; 增 for 增长, 增加, 增幅. The rest have no root in common.
"""
from __future__ import annotations

import re

__all__ = ["DECREASE_WORDS", "INCREASE_WORDS", "DECREASE", "INCREASE"]

DECREASE_WORDS = ("降", "减", "下滑", "缩小", "回落")
INCREASE_WORDS = ("升", "增", "提高", "上涨", "扩大")
DECREASE = re.compile("|".join(DECREASE_WORDS))
INCREASE = re.compile("|".join(INCREASE_WORDS))
