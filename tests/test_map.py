"""The map of Zhejiang's prefecture-level cities: its boundary file, its spec and its rendering."""
import json
import re
import struct

import polars as pl
import pytest

import pingan
from chart_specs import mark_type, units
from pingan.charts._framing import chart_title, source_text
from pingan.charts._map_chart import OTHER_COLOR, label_point
from pingan.package._geo import ZHEJIANG_PREFECTURES, ZHEJIANG_TOPOLOGY, zhejiang_prefectures

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
    tables = pingan.load_all()
    return {lang: pingan.charts.zhejiang_map(tables=tables, lang=lang).to_dict() for lang in ("en", "zh")}


def _map(spec):
    return spec["vconcat"][0]


def _shapes(spec):
    """The geoshape layer and its rows (one per city, geometry looked up from the topology)."""
    return next((u, rows) for u, rows in units(spec) if mark_type(u) == "geoshape")


def _labels(spec):
    return next(rows for u, rows in units(spec) if mark_type(u) == "text")


def _decode_topology(topo):
    """TopoJSON arcs → rings of (lon, lat), per geometry id."""
    (kx, ky), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * kx + tx, y * ky + ty))
        arcs.append(pts)
    out = {}
    for g in topo["objects"]["cities"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        rings = []
        for poly in polys:
            for refs in poly:
                ring = []
                for r in refs:
                    a = arcs[r] if r >= 0 else arcs[~r][::-1]
                    ring.extend(a if not ring else a[1:])
                rings.append([p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]])
        out[g["id"]] = [[r for r in p] for p in polys], rings
    return out


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


def test_topology_keeps_shared_borders_and_matches_the_geojson(data_dir):
    topo = json.loads((data_dir / ZHEJIANG_TOPOLOGY).read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and (data_dir / ZHEJIANG_TOPOLOGY).stat().st_size < 80_000
    uses = {}
    for g in topo["objects"]["cities"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        for poly in polys:
            for refs in poly:
                for r in refs:
                    uses.setdefault(r if r >= 0 else ~r, []).append((g["id"], r >= 0))
    drawn = {i for i, arc in enumerate(topo["arcs"]) if any(d != [0, 0] for d in arc[1:])}  # not a lone point
    shared = [u for i, u in uses.items() if len(u) == 2 and i in drawn]
    assert len(shared) >= 20  # the internal borders: one arc, used by both neighbours
    assert sum(u[0][0] != u[1][0] for u in shared) >= 20
    assert all(u[0][1] != u[1][1] for u in shared)  # once each way: the same line on both sides
    assert all(len(u) <= 2 for u in uses.values())
    decoded = _decode_topology(topo)
    geo = {f["properties"]["place_code"]: f["geometry"] for f in zhejiang_prefectures()["features"]}
    assert set(decoded) == set(geo)
    for code, (_, rings) in decoded.items():
        geo_rings = [r for p in _polygons(geo[code]) for r in p]
        assert len(rings) == len(geo_rings), code
        for ring, geo_ring in zip(rings, geo_rings):
            assert _area(ring) < 0  # d3-geo wants exterior rings clockwise
            # the GeoJSON ring is the same ring, reversed (RFC 7946), rounded to 4 decimals
            assert len(ring) == len(geo_ring)
            assert all(abs(a - b) < 1e-4 and abs(c - d) < 1e-4
                       for (a, c), (b, d) in zip(ring[::-1], geo_ring))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_colours_the_three_cities_the_articles_cover(specs, lang):
    spec = specs[lang]
    assert _map(spec)["projection"]["type"] == "mercator"
    layer, rows = _shapes(spec)
    assert len(rows) == 11
    assert layer["encoding"]["color"]["field"] == "fill" and layer["encoding"]["color"]["scale"] is None
    lookup = layer["transform"][0]
    assert lookup["lookup"] == "city_code" and lookup["from"]["key"] == "id"
    data = lookup["from"]["data"]
    assert data["format"] == {"type": "topojson", "feature": "cities"}
    assert isinstance(data["values"], str)  # one compact string, not one coordinate per line
    fills = {r["city_code"]: r["fill"] for r in rows}
    coloured = {code: c for code, c in fills.items() if c != OTHER_COLOR}
    assert coloured == pingan.labels.CITY_COLORS
    assert list(fills.values()).count(OTHER_COLOR) == 8


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_tooltips_name_the_city_and_its_articles(specs, lang):
    """Each city's tooltip lists its articles as readers name them, in publication order,
    derived from articles.csv (an article added for a city shows up without a test edit)."""
    from pingan.analysis._frames import article_labels
    from pingan.package._selection import article_order
    tables = pingan.load_all()
    layer, rows = _shapes(specs[lang])
    fields = {t["field"] for t in layer["encoding"]["tooltip"]}
    assert {"name_zh", "pinyin", "name_en", "articles"} <= fields
    by_code = {r["city_code"]: r for r in rows}
    shown = article_labels(tables, lang)
    city_of = {r["article_id"]: r["place_code"][:4] + "00" for r in tables["articles"].iter_rows(named=True)}
    sep = ", " if lang == "en" else "、"
    for code, row in by_code.items():
        mine = [shown[a] for a in article_order(tables) if city_of[a] == code]
        assert row["articles"] == (sep.join(mine) if mine else "—"), code
        assert row["n_articles"] == len(mine)
    ids = set(tables["articles"]["article_id"])
    assert not any(a in r["articles"] for r in rows for a in ids)  # no raw ids shown to readers
    assert sum(r["articles"] != "—" for r in rows) >= 1
    assert by_code["330100"]["pinyin"] == "Hángzhōu Shì" and by_code["330100"]["name_en"] == "Hangzhou"
    assert "echarts 4.9.0" in source_text(specs[lang]) and "Apache-2.0" in source_text(specs[lang])


def test_an_article_added_for_a_city_joins_its_tooltip():
    tables = pingan.load_all()
    arts = tables["articles"]
    extra = arts.filter(pl.col("article_id") == "quzhou-2024").with_columns(
        article_id=pl.lit("quzhou-2099"), published=pl.lit("2099-01-01"))
    t = {**tables, "articles": pl.concat([arts, extra])}
    rows = {r["city_code"]: r for r in _shapes(pingan.charts.zhejiang_map(tables=t).to_dict())[1]}
    quzhou = rows[arts.filter(pl.col("article_id") == "quzhou-2024")["place_code"][0][:4] + "00"]
    assert quzhou["articles"].endswith(", Quzhou 2099") and quzhou["n_articles"] >= 2


def test_map_labels_in_the_chosen_language(specs):
    en = {r["city_code"]: r["label"] for r in _labels(specs["en"])}
    zh = {r["city_code"]: r["label"] for r in _labels(specs["zh"])}
    assert len(en) == len(zh) == 11
    assert en["330700"] == "Jinhua" and zh["330700"] == "金华市"
    assert all(CJK.search(v) for v in zh.values()) and not any(CJK.search(v) for v in en.values())
    assert CJK.search(chart_title(specs["zh"])) and not CJK.search(chart_title(specs["en"]))
    with pytest.raises(ValueError):
        pingan.charts.zhejiang_map(lang="fr")


def test_map_renders(specs):
    png = pingan.charts.to_png(specs["zh"], scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 400 and height >= 400 and len(png) > 20_000
    svg = pingan.charts.to_svg(specs["zh"])
    assert svg.count('aria-roledescription="geoshape"') == 11
    for code, colour in pingan.labels.CITY_COLORS.items():
        assert svg.count(f'fill="{colour}"') >= 1, code
    assert "金华市" in svg and "衢州市" in svg and "嘉兴市" in svg


def test_an_article_about_a_fourth_city_gets_its_own_colour_and_name(package_copy, tmp_path, sources_dir):
    """City colours and names come from places.csv and articles.csv: a package copy with an
    article about Hangzhou draws Hangzhou in a colour of its own, named, not as "other"."""
    import shutil
    from pingan.analysis._frames import cities, statistics_frame
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    (sources / "900_hangzhou.txt").write_text("平安杭州建设稳步推进。\n", encoding="utf-8")
    with open(package_copy / "articles.csv", "a", encoding="utf-8", newline="") as f:
        f.write("hangzhou-2025,900_hangzhou.txt,平安杭州,Safe Hangzhou,a test,2025,inferred: a test,year,"
                "330112,a test,2025,A test article about a district of Hangzhou.\n")
    from pingan.workbench._terms import refresh_term_counts
    refresh_term_counts(package_copy, sources)
    tables = pingan.load_all(package_copy, sources)
    vocab = cities(tables)
    before = cities(pingan.load_all())
    assert vocab.of["330112"] == "330100"  # Lin'an District lies in Hangzhou (parent_code), whatever its digits
    assert vocab.names["en"]["330100"] == "Hangzhou" and vocab.names["zh"]["330100"] == "杭州"
    assert vocab.colors["330100"] not in before.colors.values()
    assert {k: v for k, v in vocab.colors.items() if k != "330100"} == before.colors  # the others keep theirs
    fills = dict(zip(*pingan.charts._map_chart.map_cities(tables, "en").select("city_code", "fill")))
    assert fills["330100"] == vocab.colors["330100"] != OTHER_COLOR
    frame = pl.DataFrame({"place_code": ["330112", "330702", "330000"]})
    from pingan.analysis._frames import city_expr
    assert frame.select(city_expr(tables, "place_code", "en"))["place_code"].to_list() == ["Hangzhou", "Jinhua", "other"]
