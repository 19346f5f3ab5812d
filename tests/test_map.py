"""The map of Zhejiang's prefecture-level cities: its boundary file, its spec and its rendering."""
import json
import re
import struct

import polars as pl
import pytest

import pingan
from pingan.charts.map_chart import OTHER_COLOR, label_point
from pingan.geo import ZHEJIANG_PREFECTURES, zhejiang_prefectures

BBOX = (118.0, 27.0, 123.5, 31.5)  # lon_min, lat_min, lon_max, lat_max
CJK = re.compile(r"[\u4e00-\u9fff]")


def _polygons(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _prefectures():
    return pingan.load("places").filter((pl.col("level") == "prefecture") & (pl.col("province_code") == "330000"))


@pytest.fixture(scope="module")
def specs():
    return {lang: pingan.zhejiang_map(lang).to_dict() for lang in ("en", "zh")}


def _shapes(spec):
    layer = next(l for l in spec["layer"] if l["mark"]["type"] == "geoshape")
    data = layer["data"]
    values = data["values"] if "values" in data else spec["datasets"][data["name"]]
    prop = data.get("format", {}).get("property")
    return layer, (values[prop] if prop else values)


def _labels(spec):
    layer = next(l for l in spec["layer"] if l["mark"]["type"] == "text")
    return spec["datasets"][layer["data"]["name"]]


def test_geojson_has_one_feature_per_prefecture(data_dir):
    geo = zhejiang_prefectures()
    assert geo["type"] == "FeatureCollection"
    codes = [f["properties"]["place_code"] for f in geo["features"]]
    assert len(codes) == 11 and len(set(codes)) == 11
    places = _prefectures()
    assert places.height == 11
    assert set(codes) == set(places["place_code"])
    names = dict(zip(places["place_code"], places["name_zh"]))
    assert all(f["properties"]["name_zh"] == names[f["properties"]["place_code"]] for f in geo["features"])
    assert (data_dir / ZHEJIANG_PREFECTURES).stat().st_size < 300_000


def test_every_coordinate_is_in_zhejiang_and_rings_follow_rfc7946():
    for f in zhejiang_prefectures()["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for poly in _polygons(f["geometry"]):
            for i, ring in enumerate(poly):
                assert len(ring) >= 4 and ring[0] == ring[-1]
                for lon, lat in ring:
                    assert BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3], (f["properties"], lon, lat)
                # exterior rings counter-clockwise, holes clockwise
                assert (_area(ring) > 0) == (i == 0), f["properties"]


def test_datapackage_records_the_boundary_source_and_licence(data_dir):
    pkg = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in pkg["resources"] if r["path"] == ZHEJIANG_PREFECTURES)
    assert res["format"] == "geojson" and "schema" not in res
    assert [lic["name"] for lic in res["licenses"]] == ["Apache-2.0"]
    assert any("echarts 4.9.0" in s["title"] and "zhejiang.json" in s["title"] for s in res["sources"])
    assert res["name"] not in pingan.load_all()  # not a table


def test_labels_sit_inside_their_city():
    for f in zhejiang_prefectures()["features"]:
        x, y = label_point(f["geometry"])
        inside = False
        for poly in _polygons(f["geometry"]):
            ring = poly[0]
            hit = False
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    hit = not hit
            inside |= hit
        assert inside, f["properties"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_colours_the_three_cities_the_articles_cover(specs, lang):
    spec = specs[lang]
    assert spec["projection"]["type"] == "mercator"
    layer, features = _shapes(spec)
    assert len(features) == 11
    assert layer["encoding"]["color"]["field"] == "properties.fill"
    assert layer["encoding"]["color"]["scale"] is None
    fills = {f["properties"]["place_code"]: f["properties"]["fill"] for f in features}
    coloured = {code: c for code, c in fills.items() if c != OTHER_COLOR}
    assert coloured == pingan.CITY_COLORS
    assert sorted(coloured) == ["330400", "330700", "330800"]
    assert list(fills.values()).count(OTHER_COLOR) == 8
    # d3-geo, which draws geoshapes, wants exterior rings clockwise
    for f in features:
        for poly in _polygons(f["geometry"]):
            assert _area(poly[0]) < 0, f["properties"]["place_code"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_tooltips_name_the_city_and_its_articles(specs, lang):
    layer, features = _shapes(specs[lang])
    fields = {t["field"] for t in layer["encoding"]["tooltip"]}
    assert {"properties.name_zh", "properties.pinyin", "properties.name_en", "properties.articles"} <= fields
    by_code = {f["properties"]["place_code"]: f["properties"] for f in features}
    assert by_code["330700"]["articles"] == "jinhua-2017, jinhua-2020, wucheng-2020"
    assert by_code["330800"]["articles"] == "quzhou-2024"
    assert by_code["330400"]["articles"] == "jiaxing-2024"
    assert by_code["330100"]["articles"] == "—"
    assert by_code["330100"]["pinyin"] == "Hángzhōu Shì" and by_code["330100"]["name_en"] == "Hangzhou"
    subtitle = " ".join(specs[lang]["title"]["subtitle"])
    assert "echarts 4.9.0" in subtitle and "Apache-2.0" in subtitle


def test_map_labels_in_the_chosen_language(specs):
    en = {r["place_code"]: r["label"] for r in _labels(specs["en"])}
    zh = {r["place_code"]: r["label"] for r in _labels(specs["zh"])}
    assert len(en) == len(zh) == 11
    assert en["330700"] == "Jinhua" and zh["330700"] == "金华市"
    assert all(CJK.search(v) for v in zh.values()) and not any(CJK.search(v) for v in en.values())
    assert CJK.search(specs["zh"]["title"]["text"]) and not CJK.search(specs["en"]["title"]["text"])
    with pytest.raises(ValueError):
        pingan.zhejiang_map("fr")


def test_map_renders(specs):
    png = pingan.to_png(specs["zh"], scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 400 and height >= 400 and len(png) > 20_000
    svg = pingan.to_svg(specs["zh"])
    assert svg.count('aria-roledescription="geoshape"') == 11
    for code, colour in pingan.CITY_COLORS.items():
        assert svg.count(f'fill="{colour}"') >= 1, code
    assert "金华市" in svg and "衢州市" in svg and "嘉兴市" in svg
