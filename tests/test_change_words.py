"""One list of words of decrease and one of increase (pingan.text._change_words), used by both
validation (a negative change's quote must hold a word of decrease) and the draft (which signs a
percentage by the nearest such word). A second list anywhere in the library fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import polars as pl
import pytest

import pingan
from pingan.package.checks import _values
from pingan.package.checks._values import value_as_written, value_sign, value_unit
from pingan.package._reading import CheckedTable
from pingan.text import _change_words
from pingan.text._change_words import DECREASE, DECREASE_WORDS, INCREASE, INCREASE_WORDS
from pingan.workbench import _draft

PACKAGE = Path(pingan.__file__).resolve().parent
HOME = PACKAGE / "text" / "_change_words.py"


def test_validation_and_the_draft_use_the_same_lists():
    assert _values.DECREASE is _draft.DECREASE is _change_words.DECREASE
    assert _values.INCREASE is _draft.INCREASE is _change_words.INCREASE


def _word_lists(path: Path):
    """String literals in ``path`` that list two or more change words: a regex alternation
    (下降|减少) or a tuple, list or set of words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            parts = node.value.split("|")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            parts = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        else:
            continue
        for pattern in (DECREASE, INCREASE):
            if sum(bool(pattern.search(p)) for p in parts) >= 2:
                yield node.lineno


def test_no_second_list_of_change_words_in_the_library():
    assert list(_word_lists(HOME))  # the scan finds the one list there is
    found = [f"{p.relative_to(PACKAGE)}:{line}" for p in sorted(PACKAGE.rglob("*.py")) if p != HOME
             for line in _word_lists(p)]
    assert not found, f"a list of words of decrease or increase outside pingan/text/_change_words.py: {found}"


def _validation_messages(value: float, quote: str) -> list[str]:
    frame = pl.DataFrame([{"as_written": f"{abs(value):g}%", "value": value, "measure": "change_pct",
                           "unit": "percent", "qualifier": "exact", "quote": quote, "period": "2019"}])
    tables = {"statistics": CheckedTable(None, "statistics.csv", frame, [2])}
    return [p.message for p in value_sign(tables) + value_as_written(tables) + value_unit(tables)]


def _draft_value(text: str) -> tuple[str, str]:
    row = next(r.row for r in _draft.draft_article(text, "t-2020", "2020") if r.kind == "statistic")
    return row["value"], row["measure"]


@pytest.mark.parametrize("word", [*DECREASE_WORDS, "下降", "降低", "减少", "连降"])
def test_a_word_of_decrease_means_a_fall_to_both(word):
    quote = f"刑事案件同比{word}5%"
    assert _validation_messages(-5.0, quote) == []
    assert any("no word of increase" in m for m in _validation_messages(5.0, quote))
    assert _draft_value(quote + "。") == ("-5", "change_pct")


@pytest.mark.parametrize("word", [*INCREASE_WORDS, "上升", "提升", "增长", "增加"])
def test_a_word_of_increase_means_a_rise_to_both(word):
    quote = f"满意度同比{word}5%"
    assert _validation_messages(5.0, quote) == []
    assert any("no word of decrease" in m for m in _validation_messages(-5.0, quote))
    assert _draft_value(quote + "。") == ("5", "change_pct")


def test_without_a_change_word_a_percentage_is_no_change_to_either():
    quote = "群众满意度为96%"
    assert any("no word of decrease" in m for m in _validation_messages(-96.0, quote))
    assert _draft_value(quote + "。") == ("96", "rate_pct")
