"""A map of Zhejiang's eleven prefecture-level cities, the ones the articles cover in colour,
and the overview that links it to the timeline (click a city to pick out its events)."""
from __future__ import annotations

import altair as alt
import polars as pl

from pingan.package._geo import ZHEJIANG_PREFECTURES, zhejiang_prefectures, zhejiang_topology_text
from pingan.charts._context_charts import timeline_frame, timeline_view
from pingan.analysis._frames import article_labels, cities as cities_of, city_code_expr
from pingan.package._selection import article_order, resolve_tables
from pingan.charts._framing import conditional, frame, source_line
from pingan.package._vocabulary import OTHER_COLOR, check_lang, join_words, short_place_name, text as say
from pingan.charts._style import HALO, INK

__all__ = ["zhejiang_map", "overview_chart", "label_points", "label_point", "map_cities", "province_name",
           "OTHER_COLOR", "CITY_PICK"]

CITY_PICK = "city_pick"  # the overview's selection: a fixed name keeps the stored spec stable
NAME_SIZE = {"en": 11, "zh": 12}  # a city's name on the map, px: Chinese characters need a point more


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


def label_points(data_dir=None) -> pl.DataFrame:
    """Each city's label position (lon, lat), from the GeoJSON boundaries."""
    rows = []
    for f in zhejiang_prefectures(data_dir)["features"]:
        lon, lat = label_point(f["geometry"])
        rows.append({"city_code": f["properties"]["place_code"], "lon": lon, "lat": lat})
    return pl.DataFrame(rows)


def map_cities(tables: dict, lang: str) -> pl.DataFrame:
    """One row per prefecture-level city of the province: names, label and its position, fill
    colour (its own for every city an article covers), and the articles about it, as readers
    name them (in publication order)."""
    check_lang(lang)
    order = {a: i for i, a in enumerate(article_order(tables))}
    vocab = cities_of(tables)
    province = vocab.provinces[0]  # the province the articles are about (the map's scope)
    names = article_labels(tables, lang)  # readers see "Jinhua 2017", not an id
    covered = (tables["articles"].with_columns(city_code=city_code_expr(tables),
                                               rank=pl.col("article_id").replace_strict(order, return_dtype=pl.Int32),
                                               article=pl.col("article_id").replace_strict(names, return_dtype=pl.String))
               .sort("rank").group_by("city_code", maintain_order=True)
               .agg(pl.col("article").str.join(say("list_sep", lang)).alias("articles"), pl.len().alias("n_articles")))
    cities = (tables["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
              .filter((pl.col("level") == "prefecture") & (pl.col("province_code") == province))
              .select(city_code="place_code", name_zh="name_zh", name_en="name_en", pinyin="pinyin",
                      label=pl.col(f"name_{lang}")))
    out = (cities.join(covered, on="city_code", how="left").join(label_points(), on="city_code", how="left")
           .with_columns(articles=pl.col("articles").fill_null("—"), n_articles=pl.col("n_articles").fill_null(0),
                         fill=pl.col("city_code").replace_strict(vocab.colors, default=OTHER_COLOR))
           .with_columns(text_color=pl.lit(INK))  # on a white halo: legible on every city colour
           .sort("city_code"))
    missing = out.filter(pl.col("lon").is_null())["city_code"].to_list()
    if missing:
        raise ValueError(f"{ZHEJIANG_PREFECTURES} has no boundary for {missing} (places.csv has them)")
    return out


def _tooltips(lang: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{c}:N", title=say(c, lang)) for c in ("name_zh", "pinyin", "name_en", "articles")] + [
        alt.Tooltip("city_code:N", title=say("place_code", lang))]


def _map_view(cities: pl.DataFrame, lang: str, pick=None) -> alt.LayerChart:
    geo = alt.Data(values=zhejiang_topology_text(), format=alt.DataFormat(type="topojson", feature="cities"))
    base = alt.Chart(cities)
    shapes = base.mark_geoshape(stroke="white", strokeWidth=0.8).transform_lookup(
        lookup="city_code", from_=alt.LookupData(geo, key="id"), as_="geo",
    ).encode(shape=alt.Shape("geo:G"), color=alt.Color("fill:N", scale=None, legend=None), tooltip=_tooltips(lang))
    size = NAME_SIZE[lang]
    # a white outline beneath dark ink: the names read at 4.5:1 or more on every city colour
    # (white on the green and orange fills was 3.4:1 and 3.9:1); the halo is decoration, hidden from screen readers
    halo = base.mark_text(fontSize=size, fontWeight="bold", color=HALO, stroke=HALO, strokeWidth=3,
                          strokeJoin="round", aria=False).encode(longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"))
    text = base.mark_text(fontSize=size, fontWeight="bold").encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"),
        color=alt.Color("text_color:N", scale=None, legend=None), tooltip=_tooltips(lang))
    if pick is not None:  # only the shapes dim: the names stay legible
        dim = conditional("opacity", pick, alt.value(1.0), alt.value(0.35))
        shapes = shapes.encode(opacity=dim).add_params(pick).properties(name="overview_map_shapes")
    return alt.layer(shapes, halo, text).project(type="mercator").properties(width=440, height=420)


def province_name(tables: dict, lang: str) -> str:
    """The province the articles are about, as readers say it ("Zhejiang", 浙江)."""
    code = cities_of(tables).provinces[0]
    row = tables["places"].filter(pl.col("place_code") == code).row(0, named=True)
    return short_place_name(row[f"name_{lang}"], lang)


def _map_text(cities: pl.DataFrame, lang: str, province: str) -> tuple[str, str]:
    covered = cities.filter(pl.col("n_articles") > 0).sort("n_articles", "city_code", descending=[True, False])
    k, n = covered.height, cities.height
    names = [say("map.city" if r["n_articles"] > 1 else "map.city.one", lang, city=r["label"], n=r["n_articles"])
             for r in covered.iter_rows(named=True)]
    return (say("map.title", lang, k=k, n=n, province=province),
            say("map.subtitle", lang, cities=join_words(names, lang)))


def zhejiang_map(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """Zhejiang's eleven prefecture-level cities on a Mercator map; those the articles
    cover in their city colours, the others grey. Hover a city for its names and articles."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "articles")
    cities = map_cities(t, lang)
    head, sub = _map_text(cities, lang, province_name(t, lang))
    return frame(_map_view(cities, lang), title or head, sub,
                 source_line(t, t["articles"]["article_id"], ["places.csv", "articles.csv"], lang,
                             say("map.credit", lang)), lang=lang)


def overview_chart(*, tables: dict | None = None, lang: str = "en", title: str | None = None) -> alt.VConcatChart:
    """The map above the timeline, linked: click a city (or its name) to pick out its
    events below; double-click to clear. Works in a saved notebook without a kernel."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "articles", "timeline")
    cities = map_cities(t, lang)
    events = timeline_frame(t, lang)
    pick = alt.selection_point(name=CITY_PICK, fields=["city_code"], on="click", clear="dblclick")
    head, sub = _map_text(cities, lang, province_name(t, lang))
    years = events["date"].str.slice(0, 4)
    if title is None:
        title = say("overview.title", lang, head=head, n=events.height, start=years.min(), end=years.max())
    subtitle = [sub, say("overview.click", lang)]
    chart = alt.vconcat(_map_view(cities, lang, pick), timeline_view(events, lang, pick, tables=t), spacing=16)
    return frame(chart, title, subtitle,
                 source_line(t, t["articles"]["article_id"], ["places.csv", "articles.csv", "timeline.csv"], lang,
                             say("map.credit", lang)), lang=lang)
