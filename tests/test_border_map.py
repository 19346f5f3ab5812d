"""Quzhou's four-province alliance on a map: the partner cities' boundary file, the spec, its rendering."""
import json
import re
import struct

import polars as pl
import pytest

import pingan
from conftest import article_label
from chart_specs import inner_title, mark_type, units
from pingan.charts._alliance_map import PARTNER_COLOR, inner_point
from pingan.charts._framing import chart_title, source_text
from pingan.package._geo import QUZHOU_BORDER_REGION, QUZHOU_BORDER_REGION_TOPOLOGY, quzhou_border_region
from pingan.base._settings import default_data_dir

CJK = re.compile(r"[\u4e00-\u9fff]")
PARTNERS = {"341000": "340000", "350700": "350000", "361100": "360000"}  # city → its province (GB/T 2260)
# what the curated data say (practice_places.csv): 衢黄南饶, the character of the name for each city
ALLIANCE = {"衢": "330800", "黄": "341000", "南": "350700", "饶": "361100"}


@pytest.fixture(scope="module")
def tables():
    return pingan.load_all()


@pytest.fixture(scope="module")
def specs(tables):
    return {lang: pingan.charts.border_map(tables=tables, lang=lang).to_dict() for lang in ("en", "zh")}


def _shape_layers(spec):
    return [(u, rows) for u, rows in units(spec) if mark_type(u) == "geoshape"]


def test_region_file_loads_with_zhejiang_and_the_three_partner_cities():
    geo = quzhou_border_region()
    assert geo["type"] == "FeatureCollection"
    props = {f["properties"]["place_code"]: f["properties"]["province_code"] for f in geo["features"]}
    zhejiang = pingan.load("places").filter((pl.col("level") == "prefecture") & (pl.col("province_code") == "330000"))
    assert props == {**{c: "330000" for c in zhejiang["place_code"]}, **PARTNERS}
    for f in geo["features"]:
        for poly in [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"]:
            ring = poly[0]
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(115 <= lon <= 123.5 and 26 <= lat <= 31.5 for lon, lat in ring)
            if f["properties"]["place_code"] in PARTNERS:
                assert all(lon <= 119.5 for lon, _ in ring)  # west of Zhejiang's coast: not mixed up with a Zhejiang city
    topo = json.loads((default_data_dir() / QUZHOU_BORDER_REGION_TOPOLOGY).read_text(encoding="utf-8"))
    assert sorted(g["id"] for g in topo["objects"]["cities"]["geometries"]) == sorted(props)


def test_neighbour_files_are_recorded_with_origin_and_licence():
    package = json.loads((default_data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    by_path = {r["path"]: r for r in package["resources"]}
    for path in (QUZHOU_BORDER_REGION, QUZHOU_BORDER_REGION_TOPOLOGY):
        r = by_path[path]
        assert [lic["name"] for lic in r["licenses"]] == ["Apache-2.0"]
        assert "echarts@4.9.0" in r["sources"][0]["title"] and r["sources"][0]["path"].endswith("echarts-4.9.0.tgz")
        assert (default_data_dir() / path).stat().st_size < 60_000


def test_alliance_cities_match_the_practice_name_and_places(tables):
    allies = pingan.charts.alliance_cities(tables=tables)
    assert allies["place_code"].to_list() == list(ALLIANCE.values())
    places = tables["practice_places"]
    assert dict(zip(places["name_part"], places["place_code"])) == ALLIANCE
    assert allies["province_code"].n_unique() == 4
    name = tables["practices"].filter(pl.col("practice_id") == "quzhou-alliance-garden")["name_zh"].item()
    assert all(ch in name for ch in ALLIANCE)
    assert allies.filter(pl.col("place_code") == "361100")["province"].item() == "Jiangxi"
    assert all("联盟花园" in q for q in allies["quote"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_alliance_city_is_drawn_and_highlighted(specs, lang):
    layers = _shape_layers(specs[lang])
    drawn = {r["place_code"]: (u, r) for u, rows in layers for r in rows}
    assert set(ALLIANCE.values()) <= set(drawn)
    assert len(drawn) == 11 + 3  # Zhejiang's eleven cities and the three partners, each once
    fills = {}
    for code, (u, r) in drawn.items():
        color = u["encoding"]["color"]
        fills[code] = r["fill"] if "field" in color else color["value"]
    assert fills["330800"] == pingan.labels.CITY_COLORS["330800"]
    assert all(fills[c] == PARTNER_COLOR for c in PARTNERS)
    others = {f for c, f in fills.items() if c not in ALLIANCE.values()}
    assert len(others) == 1 and others != {PARTNER_COLOR}
    # one layer, one topology (inlined once, compact): every city's shape is looked up by its code
    assert len(layers) == 1
    lookup = layers[0][0]["transform"][0]
    assert lookup["lookup"] == "place_code" and lookup["from"]["key"] == "id"
    topo = lookup["from"]["data"]["values"]
    assert isinstance(topo, str) and len(topo) < 35_000 and all(f'"id":"{c}"' in topo for c in drawn)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_name_city_and_province_and_tooltips_carry_the_quote(specs, lang):
    texts = [(u, rows) for u, rows in units(specs[lang]) if mark_type(u) == "text"]
    ally_rows = next(rows for u, rows in texts if any(r.get("place_code") == "361100" for r in rows))
    labels = {r["place_code"]: r["label"] for r in ally_rows}
    assert set(labels) == set(ALLIANCE.values())
    if lang == "en":
        assert labels["341000"] == "Huangshan\nAnhui" and labels["350700"] == "Nanping\nFujian"
        assert not any(CJK.search(v) for v in labels.values())
    else:
        assert labels["361100"] == "上饶\n江西"  # short names, as every chart gives them
        every = [r["label"] for _, rows in texts for r in rows if r.get("label")]
        assert "杭州" in every and not any(re.search(r"[市省](\n|$)", v) for v in every)
    for u, rows in _shape_layers(specs[lang]):
        fields = {t["field"] for t in u["encoding"]["tooltip"]}
        assert {"name_zh", "pinyin", "name_en", "province"} <= fields
        assert "quote" in fields
        assert all("联盟花园" in r["quote"] for r in rows if r["place_code"] in ALLIANCE.values())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_title_states_the_finding_and_source_line_credits_the_map(specs, lang):
    title = chart_title(specs[lang])
    assert ("4 cities in 4 provinces" in title) if lang == "en" else ("4个省的4个城市" in title)
    line = source_text(specs[lang])
    assert "echarts 4.9.0" in line and "Apache-2.0" in line


def test_inner_point_lies_inside_and_away_from_the_edge():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]}
    x, y = inner_point(square)
    assert 1.5 <= x <= 2.5 and 1.5 <= y <= 2.5
    for f in quzhou_border_region()["features"]:
        if f["properties"]["place_code"] in PARTNERS:
            lon, lat = inner_point(f["geometry"])
            assert 115 <= lon <= 119.5 and 26 <= lat <= 30.8


def _farthest_by_brute_force(ring, steps=30):
    """The grid point of inner_point's search farthest from every edge, each edge measured."""
    from pingan.charts._map_chart import _inside
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    edges = list(zip(ring, ring[1:] + ring[:1]))

    def dist(x, y):
        out = float("inf")
        for (x1, y1), (x2, y2) in edges:
            dx, dy = x2 - x1, y2 - y1
            k = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
            out = min(out, ((x - x1 - k * dx) ** 2 + (y - y1 - k * dy) ** 2) ** 0.5)
        return out

    points = [(min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
              for i in range(1, steps) for j in range(1, steps)]
    return max((p for p in points if _inside(*p, ring)), key=lambda p: dist(*p))


@pytest.mark.parametrize("ring", [
    [(0, 0), (10, 0), (10, 2), (2, 2), (2, 10), (0, 10)],  # an L: the corner is not the middle
    [(0, 0), (6, 0), (6, 6), (4, 6), (4, 1), (2, 1), (2, 6), (0, 6)],  # a U with a deep notch
    [(0, 0), (8, 0), (9, 3), (12, 4), (9, 5), (8, 8), (0, 8), (1, 4)],  # ragged, both ways
])
def test_inner_point_finds_the_point_that_measuring_every_edge_in_a_loop_finds(ring):
    """The search measures every inside point against every edge in one polars query; it must
    find the point a plain loop over points and edges finds."""
    x, y = _farthest_by_brute_force(ring)
    assert inner_point({"type": "Polygon", "coordinates": [ring]}) == (round(x, 4), round(y, 4))


def test_bad_arguments_raise(tables):
    with pytest.raises(ValueError):
        pingan.charts.border_map(tables=tables, lang="fr")
    broken = {**tables, "practices": tables["practices"].filter(pl.col("practice_id") != "quzhou-alliance-garden")}
    with pytest.raises(ValueError, match="quzhou-alliance-garden"):
        pingan.charts.border_map(tables=broken)
    renamed = {**tables, "practices": tables["practices"].with_columns(
        name_zh=pl.when(pl.col("practice_id") == "quzhou-alliance-garden").then(pl.lit("衢黄南“联盟花园”"))
        .otherwise(pl.col("name_zh")))}
    with pytest.raises(ValueError, match="饶"):
        pingan.charts.border_map(tables=renamed)
    with pytest.raises(ValueError, match="no practice 'jinhua-two-reports'"):
        pingan.charts.border_map("jinhua-two-reports", tables=tables)


def _with_places(tables, rows):
    extra = pl.DataFrame(rows, orient="row", schema={c: pl.String for c in ("practice_id", "place_code", "role", "name_part", "notes")})
    pp = tables["practice_places"]
    return {**tables, "practice_places": pl.concat([pp, extra.cast(pp.schema)])}


def test_the_map_draws_the_places_the_data_list(tables):
    """The cities come from practice_places, not from code: a fifth partner listed is drawn and counted,
    and with two practices listed the map asks which to draw."""
    more = _with_places(tables, [("quzhou-alliance-garden", "330100", "partner", None, "test")])
    allies = pingan.charts.alliance_cities(tables=more)
    assert allies["place_code"].to_list() == [*ALLIANCE.values(), "330100"]
    assert "5 cities in 4 provinces" in chart_title(pingan.charts.border_map(tables=more).to_dict())
    two = _with_places(tables, [("jinhua-two-reports", "330700", "home", None, "test")])
    with pytest.raises(ValueError, match="practice_id="):
        pingan.charts.border_map(tables=two)
    assert pingan.charts.alliance_cities("jinhua-two-reports", tables=two)["place_code"].to_list() == ["330700"]


def test_validate_reports_a_place_the_name_does_not_abbreviate(package_copy):
    path = package_copy / "practice_places.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",饶,", ",杭,"), encoding="utf-8")
    problems = pingan.validate(package_copy)
    assert any(p.column == "name_part" and "杭" in p.message for p in problems), problems
    path.write_text(path.read_text(encoding="utf-8").replace(",partner,", ",home,", 1), encoding="utf-8")
    assert any(p.column == "role" and "has a home already" in p.message for p in pingan.validate(package_copy))


def test_border_map_renders(specs):
    png = pingan.charts.to_png(specs["en"], scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert 400 < width < 1200 and 400 < height < 900


def test_inner_point_of_a_real_ragged_city_is_the_loops_point():
    """Shangrao (361100), the raggedest outline: the query and a plain loop agree on real data."""
    from pingan.charts._map_chart import _area_centroid
    f = next(f for f in quzhou_border_region()["features"] if f["properties"]["place_code"] == "361100")
    polygons = [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"]
    ring = [tuple(p) for p in max((p[0] for p in polygons), key=lambda r: abs(_area_centroid(r)[0]))]
    x, y = _farthest_by_brute_force(ring)
    assert inner_point(f["geometry"]) == (round(x, 4), round(y, 4))
