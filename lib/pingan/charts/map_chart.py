"""A map of Zhejiang's eleven prefecture-level cities: the three the articles cover in colour."""
from __future__ import annotations

import altair as alt
import polars as pl

from ..geo import BOUNDARY_SOURCE, ZHEJIANG_PREFECTURES, zhejiang_prefectures
from ..loading import load_all
from .common import source_caption, titled
from .style import CITY_COLORS, check_lang

__all__ = ["zhejiang_map", "map_features", "label_points", "OTHER_COLOR"]

OTHER_COLOR = "#d9d9d9"
_TEXT = {"en": {"name_zh": "Chinese name", "pinyin": "Pinyin", "name_en": "English name",
                "place_code": "Place code", "articles": "Articles"},
         "zh": {"name_zh": "中文名", "pinyin": "拼音", "name_en": "英文名",
                "place_code": "区划代码", "articles": "文章"}}


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _area_centroid(ring: list) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace formula, in degrees)."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    a /= 2
    return a, cx / (6 * a), cy / (6 * a)


def _inside(x: float, y: float, ring: list) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def label_point(geometry: dict) -> tuple[float, float]:
    """Where a city's name goes: the centroid of its largest polygon's outer ring (the
    mainland, or Zhoushan island), moved to the ring's widest interior point on the
    centroid's latitude if the centroid falls outside."""
    ring = max((p[0] for p in _polygons(geometry)), key=lambda r: abs(_area_centroid(r)[0]))
    _, x, y = _area_centroid(ring)
    if not _inside(x, y, ring):
        xs = sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]) if (y1 > y) != (y2 > y))
        if xs:
            a, b = max(zip(xs[::2], xs[1::2]), key=lambda ab: ab[1] - ab[0])
            x = (a + b) / 2
    return round(x, 4), round(y, 4)


def _cities(lang: str) -> pl.DataFrame:
    """One row per prefecture-level city: names, label, colours and the articles about it."""
    t = load_all()
    covered = (t["articles"].with_columns(city=pl.col("place_code").str.slice(0, 4) + "00")
               .group_by("city").agg(pl.col("article_id").sort().str.join(", ").alias("articles")))
    return (t["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
            .filter((pl.col("level") == "prefecture") & (pl.col("province_code") == "330000"))
            .select("place_code", "name_zh", "name_en", "pinyin",
                    label=pl.col("name_en" if lang == "en" else "name_zh"))
            .join(covered, left_on="place_code", right_on="city", how="left")
            .with_columns(articles=pl.col("articles").fill_null("—"),
                          fill=pl.col("place_code").replace_strict(CITY_COLORS, default=OTHER_COLOR))
            .with_columns(text_color=pl.when(pl.col("fill") == OTHER_COLOR).then(pl.lit("#333333"))
                          .otherwise(pl.lit("#ffffff")))
            .sort("place_code"))


def _rewound(geometry: dict) -> dict:
    """The same geometry with every ring reversed: d3-geo, which draws Vega-Lite's
    geoshapes, wants exterior rings clockwise, the opposite of RFC 7946."""
    polys = [[ring[::-1] for ring in poly] for poly in _polygons(geometry)]
    return {"type": geometry["type"], "coordinates": polys[0] if geometry["type"] == "Polygon" else polys}


def map_features(lang: str = "en") -> list[dict]:
    """The eleven GeoJSON features, wound for d3, with each city's names, fill colour and
    articles in ``properties``."""
    check_lang(lang)
    cities = {r["place_code"]: r for r in _cities(lang).iter_rows(named=True)}
    features = zhejiang_prefectures()["features"]
    missing = {f["properties"]["place_code"] for f in features} ^ set(cities)
    if missing:
        raise ValueError(f"{ZHEJIANG_PREFECTURES} and places.csv disagree on the cities: {sorted(missing)}")
    return [{"type": "Feature", "geometry": _rewound(f["geometry"]),
             "properties": cities[f["properties"]["place_code"]]} for f in features]


def label_points(lang: str = "en") -> pl.DataFrame:
    """Each city's label and where it goes (lon, lat)."""
    rows = []
    for f in zhejiang_prefectures()["features"]:
        lon, lat = label_point(f["geometry"])
        rows.append({"place_code": f["properties"]["place_code"], "lon": lon, "lat": lat})
    return (pl.DataFrame(rows).join(_cities(lang), on="place_code")
            .select("place_code", "lon", "lat", "label", "text_color", "name_zh", "pinyin", "name_en", "articles"))


def _tooltips(lang: str, prefix: str = "") -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{prefix}{c}:N", title=_TEXT[lang][c])
            for c in ("name_zh", "pinyin", "name_en", "place_code", "articles")]


def zhejiang_map(lang: str = "en") -> alt.LayerChart:
    """Zhejiang's eleven prefecture-level cities on a Mercator map; Jinhua, Quzhou and
    Jiaxing, which the articles cover, in their city colours, the others light grey."""
    check_lang(lang)
    features = map_features(lang)
    shapes = alt.Chart(alt.Data(values={"type": "FeatureCollection", "features": features},
                                format=alt.DataFormat(property="features"))).mark_geoshape(
        stroke="white", strokeWidth=0.8,
    ).encode(
        color=alt.Color("properties.fill:N", scale=None, legend=None),
        tooltip=_tooltips(lang, "properties."),
    )
    text = alt.Chart(label_points(lang)).mark_text(
        fontSize=12 if lang == "zh" else 11, fontWeight="bold",
    ).encode(
        longitude="lon:Q", latitude="lat:Q", text="label:N",
        color=alt.Color("text_color:N", scale=None, legend=None),
        tooltip=_tooltips(lang),
    )
    chart = alt.layer(shapes, text).project(type="mercator").properties(width=440, height=420)
    title = ("Zhejiang's eleven prefecture-level cities" if lang == "en" else "浙江省十一个设区市")
    covered = ("Coloured: the cities the articles cover." if lang == "en" else "着色者为文章所涉城市。")
    boundaries = (f"Boundaries: {BOUNDARY_SOURCE}, simplified; data/{ZHEJIANG_PREFECTURES}"
                  if lang == "en" else f"边界:{BOUNDARY_SOURCE},经简化;data/{ZHEJIANG_PREFECTURES}")
    caption = source_caption(load_all()["articles"]["article_id"], lang, covered)
    caption.insert(-1, boundaries)
    return titled(chart, title, caption)
