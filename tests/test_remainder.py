"""The rest of a total, given the total's change and one part's change."""
import pytest

import pingan


def test_break_even_is_the_ratio_of_the_changes():
    assert pingan.remainder_break_even(-32, -78.7) == pytest.approx(32 / 78.7)
    assert pingan.remainder_break_even(-32, 10) is None      # part rose while the total fell
    assert pingan.remainder_break_even(-50, -20) is None     # part fell less than the total


def test_rest_change_pinned():
    df = pingan.remainder_change(-32, -78.7, [0.0, 0.5, 32 / 78.7])
    rest = df["rest_change_pct"].to_list()
    assert rest[0] == pytest.approx(-32)                      # no thefts: the rest is the total
    assert rest[1] == pytest.approx((0.68 - 0.5 * 0.213) / 0.5 * 100 - 100)   # = +14.7
    assert rest[1] == pytest.approx(14.7)
    assert rest[2] == pytest.approx(0, abs=1e-9)
    assert df["part_share_end"][1] == pytest.approx(0.5 * 0.213 / 0.68)


def test_shares_outside_zero_to_one_refused():
    with pytest.raises(ValueError):
        pingan.remainder_change(-32, -78.7, [1.0])
