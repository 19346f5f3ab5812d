"""Quzhou's four-province alliance on a map: Zhejiang's cities in grey, Quzhou in its colour,
and the three partner cities across its provincial borders highlighted and named.

The Quzhou article (quzhou-2024) names a cross-provincial brand, 衢黄南饶"联盟花园" (the
"Alliance Garden" of Quzhou, Huangshan, Nanping and Shangrao). Its name abbreviates the four
cities by one character each; ``ALLIANCE`` maps those characters to GB/T 2260 codes, and
:func:`alliance_cities` checks every character against the curated practice's Chinese name,
so a change in the data cannot leave the map drawing the wrong partners.
"""
from __future__ import annotations

from functools import lru_cache

import altair as alt
import polars as pl

from pingan.package._geo import QUZHOU_BORDER_REGION, quzhou_border_region, quzhou_border_region_topology_text
from pingan.analysis._frames import resolve_tables
from pingan.charts._framing import frame, source_line
from pingan.charts._map_chart import MAP_CREDIT, _area_centroid, _inside, label_point
from pingan.package._vocabulary import CITY_COLORS, check_lang, label
from pingan.charts._style import INK, MUTED

__all__ = ["border_map", "alliance_cities", "inner_point", "ALLIANCE", "ALLIANCE_PRACTICE", "PARTNER_COLOR"]

ARTICLE = "quzhou-2024"
ALLIANCE_PRACTICE = "quzhou-alliance-garden"
# 衢黄南饶: the character the alliance's name uses for each city → its GB/T 2260 code
ALLIANCE = {"衢": "330800", "黄": "341000", "南": "350700", "饶": "361100"}
HOME = "330800"
PARTNER_COLOR = "#9ecae1"  # a light tint of Quzhou's blue: partners of the same alliance
ZHEJIANG_COLOR = "#e3e3e3"  # Zhejiang's other cities, light grey: context only
TEXT = {
    "en": {"partner": "partner in the alliance", "home": "the article's city; leads the alliance",
           "other": "Zhejiang; not in the alliance", "province": "Province", "role": "Role"},
    "zh": {"partner": "联盟成员", "home": "文章所写城市;联盟发起方", "other": "浙江;不在联盟内",
           "province": "省份", "role": "角色"},
}


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _edge_distance(x: float, y: float, ring: list) -> float:
    best = float("inf")
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x2 - x1, y2 - y1
        k = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, ((x - x1 - k * dx) ** 2 + (y - y1 - k * dy) ** 2) ** 0.5)
    return best


def inner_point(geometry: dict, steps: int = 30) -> tuple[float, float]:
    """Where a two-line label fits best: the point of the largest polygon's outer ring that is
    farthest from its edges (searched on a ``steps`` × ``steps`` grid), so that a city with a
    ragged outline (Shangrao) does not get its name across a notch."""
    ring = max((p[0] for p in _polygons(geometry)), key=lambda r: abs(_area_centroid(r)[0]))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best = (-1.0, *label_point(geometry))
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if _inside(x, y, ring):
                d = _edge_distance(x, y, ring)
                if d > best[0]:
                    best = (d, x, y)
    return round(best[1], 4), round(best[2], 4)


def _alliance_practice(tables: dict) -> dict:
    rows = tables["practices"].filter(pl.col("practice_id") == ALLIANCE_PRACTICE)
    if rows.height != 1:
        raise ValueError(f"practices.csv: expected one row {ALLIANCE_PRACTICE!r} (Quzhou's four-province alliance), "
                         f"found {rows.height}")
    return rows.row(0, named=True)


@lru_cache(maxsize=1)
def _label_points() -> pl.DataFrame:
    """Each city's label position in the border-region file: for the alliance's cities (two-line
    labels) the interior point farthest from the edges, for the others their centroid."""
    where = {True: inner_point, False: label_point}
    return pl.DataFrame([{"place_code": (code := f["properties"]["place_code"]),
                          **dict(zip(("lon", "lat"), where[code in ALLIANCE.values()](f["geometry"])))}
                         for f in quzhou_border_region()["features"]])


def alliance_cities(*, tables: dict | None = None, lang: str = "en") -> pl.DataFrame:
    """The four cities of 衢黄南饶"联盟花园", Quzhou first: place_code, name_zh, name_en, pinyin,
    province_code, province (in ``lang``), province_zh, role, lon, lat (label position), quote."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "practices")
    practice = _alliance_practice(t)
    absent = [ch for ch in ALLIANCE if ch not in practice["name_zh"]]
    if absent:
        raise ValueError(f"practices.csv row {ALLIANCE_PRACTICE!r}: its name {practice['name_zh']!r} does not "
                         f"abbreviate the cities {absent} that the border map draws")
    places = t["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
    provinces = places.filter(pl.col("level") == "province").select(
        "province_code", province_zh="name_zh",
        province=pl.col("name_en").str.replace(" Province", "") if lang == "en" else pl.col("name_zh"))
    codes = list(ALLIANCE.values())
    missing = [c for c in codes if c not in set(places["place_code"].to_list())]
    if missing:
        raise ValueError(f"places.csv has no row for the alliance's cities {missing}")
    points = _label_points()
    drawn = set(points["place_code"].to_list())
    if set(codes) - drawn:
        raise ValueError(f"{QUZHOU_BORDER_REGION} has no boundary for {sorted(set(codes) - drawn)}")
    words = TEXT[lang]
    return (places.filter(pl.col("place_code").is_in(codes))
            .select("place_code", "name_zh", "name_en", "pinyin", "province_code")
            .join(provinces, on="province_code", how="left")
            .join(points, on="place_code", how="left")
            .with_columns(role=pl.when(pl.col("place_code") == HOME).then(pl.lit(words["home"]))
                          .otherwise(pl.lit(words["partner"])),
                          quote=pl.lit(practice["quote"]),
                          order=pl.col("place_code").replace_strict({c: i for i, c in enumerate(codes)}))
            .sort("order").drop("order"))


def _zhejiang_rows(t: dict, lang: str) -> pl.DataFrame:
    words = TEXT[lang]
    places = t["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
    zj = places.filter((pl.col("level") == "prefecture") & (pl.col("province_code") == "330000")
                       & (pl.col("place_code") != HOME))
    return (zj.select("place_code", "name_zh", "name_en", "pinyin")
            .join(_label_points(), on="place_code", how="left")
            .with_columns(province=pl.lit("Zhejiang" if lang == "en" else "浙江省"), role=pl.lit(words["other"]),
                          label=pl.col("name_en" if lang == "en" else "name_zh")))


def border_map(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """Quzhou and the three cities it allies with across three provincial borders (Huangshan,
    Anhui; Nanping, Fujian; Shangrao, Jiangxi), beside Zhejiang's other cities in light grey.
    Hover a city for its names, pinyin, province and the quote that names the alliance."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "practices", "articles")
    allies = alliance_cities(tables=t, lang=lang)
    n_cities, n_prov = allies.height, allies["province_code"].n_unique()
    allies = allies.with_columns(
        fill=pl.when(pl.col("place_code") == HOME).then(pl.lit(CITY_COLORS[HOME])).otherwise(pl.lit(PARTNER_COLOR)),
        text_color=pl.when(pl.col("place_code") == HOME).then(pl.lit("#ffffff")).otherwise(pl.lit(INK)),
        label=(pl.col("name_en") if lang == "en" else pl.col("name_zh")) + pl.lit("\n") + pl.col("province"))
    others = _zhejiang_rows(t, lang)
    tips = [alt.Tooltip(f"{c}:N", title=label(c, lang)) for c in ("name_zh", "pinyin", "name_en")] + [
        alt.Tooltip("province:N", title=TEXT[lang]["province"]), alt.Tooltip("role:N", title=TEXT[lang]["role"])]

    def shapes(rows, topo_text):
        geo = alt.Data(values=topo_text, format=alt.DataFormat(type="topojson", feature="cities"))
        return alt.Chart(rows).mark_geoshape(stroke="white", strokeWidth=0.8).transform_lookup(
            lookup="place_code", from_=alt.LookupData(geo, key="id"), as_="geo").encode(
            shape="geo:G", color=alt.Color("fill:N", scale=None, legend=None))

    # all fourteen cities in one layer, from one topology: Zhejiang's grey, the alliance in blues
    rows = pl.concat([others.with_columns(fill=pl.lit(ZHEJIANG_COLOR), quote=pl.lit(None, pl.String)),
                      allies.select(*others.columns, "fill", "quote")])
    cities = shapes(rows, quzhou_border_region_topology_text()).encode(
        tooltip=tips + [alt.Tooltip("quote:N", title=label("quote", lang))])
    other_names = alt.Chart(others).mark_text(fontSize=9, color=MUTED).encode(
        longitude="lon:Q", latitude="lat:Q", text="label:N", tooltip=tips)
    ally_names = alt.Chart(allies).mark_text(fontSize=12 if lang == "zh" else 11, fontWeight="bold", lineBreak="\n"
                                             ).encode(longitude="lon:Q", latitude="lat:Q", text="label:N",
                                                      color=alt.Color("text_color:N", scale=None, legend=None),
                                                      tooltip=tips + [alt.Tooltip("quote:N", title=label("quote", lang))])
    view = alt.layer(cities, other_names, ally_names).project(type="mercator").properties(
        width=440, height=420)
    if lang == "en":
        head = f"Quzhou's alliance spans {n_cities} cities in {n_prov} provinces"
        sub = "Quzhou (blue) and its three partners in the 'Alliance Garden' (light blue); other cities grey."
    else:
        head = f"衢州的联盟跨越{n_prov}个省的{n_cities}个城市"
        sub = "衢黄南饶“联盟花园”:衢州(蓝)与三个联盟城市(浅蓝);浙江其他城市为灰色。"
    return frame(view, title or head, sub,
                 source_line(t, [ARTICLE], ["practices.csv", "places.csv"], lang, MAP_CREDIT[lang]))
