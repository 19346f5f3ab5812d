"""The vocabulary read from the data, and the words charts use for what the articles print."""
import polars as pl
import pytest

import pingan
from pingan.analysis._frames import printed_label, statistics_frame
from pingan.charts._statistics_charts import _span
from pingan.package._vocabulary import CITY_PALETTE, cities_from, prefecture_of, short_place_name

PLACES = [
    {"place_code": "990000", "level": "province", "parent_code": "", "name_en": "Test Province", "name_zh": "测试省"},
    {"place_code": "990100", "level": "prefecture", "parent_code": "990000", "name_en": "Alpha City", "name_zh": "甲市"},
    {"place_code": "990200", "level": "prefecture", "parent_code": "990000", "name_en": "Beta", "name_zh": "乙市"},
    {"place_code": "990300", "level": "prefecture", "parent_code": "990000", "name_en": "Gamma", "name_zh": "丙市"},
    # a county whose digits point at another city: parent_code decides, not the digits
    {"place_code": "990301", "level": "county", "parent_code": "990200", "name_en": "Delta District", "name_zh": "丁区"},
    {"place_code": "990301-x", "level": "village", "parent_code": "990301", "name_en": "X Village", "name_zh": "某村"},
]


def _article(aid, published, place):
    return {"article_id": aid, "published": published, "place_code": place}


def test_cities_are_coloured_in_order_of_their_first_article():
    c = cities_from(PLACES, [_article("b", "2021", "990301-x"), _article("a", "2020", "990300"),
                             _article("c", "2019", "990300")])
    assert list(c.colors) == ["990300", "990200"]  # Gamma first (2019), then Beta, through its village
    assert list(c.colors.values()) == list(CITY_PALETTE[:2])
    assert "990100" not in c.colors  # no article, no colour
    assert c.of["990301-x"] == "990200" and c.of["990200"] == "990200" and "990000" not in c.of
    assert c.names["en"] == {"990300": "Gamma", "990200": "Beta"} and c.names["zh"]["990200"] == "乙"


def test_place_names_lose_city_and_district():
    assert short_place_name("Alpha City", "en") == "Alpha" and short_place_name("Lin'an District", "en") == "Lin'an"
    assert short_place_name("杭州市", "zh") == "杭州" and short_place_name("婺城区", "zh") == "婺城"
    assert short_place_name("Jiashan County", "en") == "Jiashan County"
    places = {r["place_code"]: r for r in PLACES}
    assert prefecture_of("990000", places) is None and prefecture_of("nowhere", places) is None


def test_the_package_vocabulary_matches_its_tables():
    from pingan.analysis._frames import cities
    tables = pingan.load_all()
    c = cities(tables)
    assert dict(pingan.labels.CITY_COLORS) == c.colors and dict(pingan.labels.CITY_NAMES) == c.names
    covered = {c.of[p] for p in tables["articles"]["place_code"] if p in c.of}
    assert set(c.colors) == covered and len(set(c.colors.values())) == len(c.colors)


@pytest.mark.parametrize("qualifier, as_written, value, expected", [
    ("at_least", "20余万", 200_000, "20余万 (more than 200,000)"),
    ("at_least", "90%以上", 90, "90%以上 (more than 90%)"),
    ("approx", "近万", 10_000, "近万 (about 10,000)"),
    ("exact", "3.2万", 32_000, "3.2万 (32,000)"),
])
def test_qualifiers_are_words_in_english_and_as_printed_in_chinese(qualifier, as_written, value, expected):
    unit = "percent" if "%" in as_written else "count"
    assert printed_label(as_written, value, unit, qualifier, "level", "en") == expected
    assert printed_label(as_written, value, unit, qualifier, "level", "zh") == as_written


def test_no_chart_label_uses_a_sign_for_a_qualifier():
    df = statistics_frame(pingan.load_all(), "en")
    qualified = df.filter(pl.col("qualifier") != "exact")
    assert qualified.height > 0
    assert not df["shown"].str.contains("[≈≥≤]").any()
    assert qualified.filter(pl.col("qualifier") == "at_least")["shown"].str.contains("more than").all()
    assert qualified.filter(pl.col("qualifier") == "approx")["shown"].str.contains("about").all()


@pytest.mark.parametrize("periods, en, zh", [
    (["2019"], "2019", "2019年"),
    (["2019", "2018-2019"], "periods 2018–2019 and 2019", "时期为2018–2019年、2019年"),
    (["2004-2023", "2023", "2019-2023"], "periods 2004–2023, 2019–2023 and 2023", None),
    (["2004-2023", "2023", "2019-2023", "2024"], "periods as printed", "时期以原文为准"),
])
def test_a_subtitle_names_the_periods_it_draws(periods, en, zh):
    df = pl.DataFrame({"period": periods})
    assert _span(df, "en") == en
    if zh:
        assert _span(df, "zh") == zh


def test_a_district_centre_is_not_called_a_county_centre():
    """An indicator read from a quote about a district's centre (区中心) says so."""
    tables = pingan.load_all()
    stats = tables["statistics"].filter(pl.col("quote").str.contains("区中心"))
    names = dict(tables["indicators"].select("indicator", "name_en").iter_rows())
    assert stats.height > 0
    for ind in stats["indicator"]:
        assert "district" in names[ind].lower() and "county" not in names[ind].lower(), ind
