"""Quzhou's four-province alliance on a map: Zhejiang's cities in grey, Quzhou in its colour,
and the three partner cities across its provincial borders highlighted and named.

The Quzhou article names a cross-provincial brand, 衢黄南饶"联盟花园" (the "Alliance Garden"
of Quzhou, Huangshan, Nanping and Shangrao). The places it joins are data, not code:
``practice_places.csv`` lists them (home and partners, with the character of the name that
stands for each, which ``validate`` checks against the practice's Chinese name). The map draws
the practice asked for, or the one practice that table lists when none is named.
"""
from __future__ import annotations

import bisect

from functools import lru_cache

import altair as alt
import polars as pl

from pingan.package._geo import QUZHOU_BORDER_REGION, quzhou_border_region, quzhou_border_region_topology_text
from pingan.package._selection import resolve_tables
from pingan.charts._framing import frame, source_line
from pingan.charts._map_chart import NAME_SIZE, _area_centroid, label_point
from pingan.analysis._frames import cities as cities_of
from pingan.package._vocabulary import check_lang, short_place_name, text as say
from pingan.charts._style import HALO, INK

__all__ = ["border_map", "alliance_cities", "inner_point", "PARTNER_COLOR"]

PARTNER_COLOR = "#9ecae1"  # light blue: partners of the same alliance
ZHEJIANG_COLOR = "#e3e3e3"  # Zhejiang's other cities, light grey: context only
OTHER_INK = "#555555"  # their names (7.5:1 on their white halo)


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _crossings(y: float, ring: list) -> list[float]:
    """Where the ring's edges cross the line at ``y``, sorted: a point (x, y) is inside when an
    odd number of them lie to its right (the even-odd rule of ``_inside``, computed once per
    row of the grid instead of once per point)."""
    return sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                  for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]) if (y1 > y) != (y2 > y))


def inner_point(geometry: dict, steps: int = 30) -> tuple[float, float]:
    """Where a two-line label fits best: the point of the largest polygon's outer ring that is
    farthest from its edges (searched on a ``steps`` × ``steps`` grid; the first such point in
    column order on a tie), so that a city with a ragged outline (Shangrao) does not get its
    name across a notch. Every inside grid point is measured against every edge at once, as
    one polars query (about 8 ms a city; a loop over points and edges took twice as long)."""
    ring = max((p[0] for p in _polygons(geometry)), key=lambda r: abs(_area_centroid(r)[0]))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    x0, y0, width, height = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    rows = {j: _crossings(y0 + height * j / steps, ring) for j in range(1, steps)}
    px, py = [], []
    for i in range(1, steps):
        x = x0 + width * i / steps
        for j in range(1, steps):
            if (len(rows[j]) - bisect.bisect_right(rows[j], x)) % 2:  # inside: an odd number of edges to the right
                px.append(x)
                py.append(y0 + height * j / steps)
    if not px:
        return label_point(geometry)
    edges = list(zip(ring, ring[1:] + ring[:1]))
    segments = pl.LazyFrame({"x1": [a[0] for a, _ in edges], "y1": [a[1] for a, _ in edges],
                             "dx": [b[0] - a[0] for a, b in edges], "dy": [b[1] - a[1] for a, b in edges]},
                            schema={c: pl.Float64 for c in ("x1", "y1", "dx", "dy")})
    x, y, x1, y1, dx, dy = (pl.col(c) for c in ("x", "y", "x1", "y1", "dx", "dy"))
    length2 = dx ** 2 + dy ** 2
    along = pl.when(length2 == 0).then(0.0).otherwise((((x - x1) * dx + (y - y1) * dy) / length2).clip(0.0, 1.0))
    best = (pl.LazyFrame({"x": px, "y": py}, schema={"x": pl.Float64, "y": pl.Float64}).with_row_index("n")
            .join(segments, how="cross").with_columns(k=along)
            .group_by("n", "x", "y").agg(d2=((x - x1 - pl.col("k") * dx) ** 2 + (y - y1 - pl.col("k") * dy) ** 2).min())
            .sort(["d2", "n"], descending=[True, False]).head(1).collect())
    return round(best["x"][0], 4), round(best["y"][0], 4)


def _alliance_practice(tables: dict, practice_id: str | None) -> tuple[dict, pl.DataFrame]:
    """The practice (its practices row) and its places (practice_places rows, home first)."""
    links = tables["practice_places"]
    listed = links["practice_id"].unique(maintain_order=True).to_list()
    if practice_id is None:
        if len(listed) != 1:
            raise ValueError(f"practice_places lists {len(listed)} practices ({', '.join(listed) or 'none'}); "
                             "name the one to draw with practice_id=")
        practice_id = listed[0]
    rows = tables["practices"].filter(pl.col("practice_id") == practice_id)
    if rows.height != 1 or practice_id not in listed:
        raise ValueError(f"no practice {practice_id!r} with places in practice_places; the practices it lists: "
                         f"{', '.join(listed) or 'none'}")
    places = (links.filter(pl.col("practice_id") == practice_id).with_columns(pl.col(pl.Enum).cast(pl.String))
              .with_columns(home=pl.col("role") == "home").sort("home", descending=True, maintain_order=True))
    return rows.row(0, named=True), places


@lru_cache(maxsize=4)
def _label_points(alliance: tuple[str, ...]) -> pl.DataFrame:
    """Each city's label position in the border-region file: for the alliance's cities (two-line
    labels) the interior point farthest from the edges, for the others their centroid."""
    where = {True: inner_point, False: label_point}
    return pl.DataFrame([{"place_code": (code := f["properties"]["place_code"]),
                          **dict(zip(("lon", "lat"), where[code in alliance](f["geometry"])))}
                         for f in quzhou_border_region()["features"]])


def alliance_cities(practice_id: str | None = None, *, tables: dict | None = None, lang: str = "en") -> pl.DataFrame:
    """The cities a cross-border practice joins (practice_places; by default the one practice that
    table lists, 衢黄南饶"联盟花园"), its home first: place_code, name_zh, name_en, pinyin,
    province_code, province (in ``lang``), province_zh, role, lon, lat (label position), quote."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "practices", "practice_places")
    practice, linked = _alliance_practice(t, practice_id)
    absent = [ch for ch in linked["name_part"].drop_nulls().to_list() if ch not in practice["name_zh"]]
    if absent:
        raise ValueError(f"practice {practice['practice_id']!r}: its name {practice['name_zh']!r} does not "
                         f"abbreviate the cities {absent} that the border map draws")
    places = t["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
    provinces = places.filter(pl.col("level") == "province")
    provinces = provinces.select("province_code", province_zh="name_zh",
                                 province=_short_names(pl.col(f"name_{lang}"), provinces[f"name_{lang}"], lang))
    codes = linked["place_code"].to_list()
    home = dict(zip(linked["place_code"], linked["home"]))
    missing = [c for c in codes if c not in set(places["place_code"].to_list())]
    if missing:
        raise ValueError(f"places.csv has no row for the alliance's cities {missing}")
    points = _label_points(tuple(codes))
    drawn = set(points["place_code"].to_list())
    if set(codes) - drawn:
        raise ValueError(f"{QUZHOU_BORDER_REGION} has no boundary for {sorted(set(codes) - drawn)}")
    return (places.filter(pl.col("place_code").is_in(codes))
            .select("place_code", "name_zh", "name_en", "pinyin", "province_code")
            .join(provinces, on="province_code", how="left")
            .join(points, on="place_code", how="left")
            .with_columns(home=pl.col("place_code").replace_strict(home, return_dtype=pl.Boolean))
            .with_columns(role=pl.when(pl.col("home")).then(pl.lit(say("alliance.home", lang)))
                          .otherwise(pl.lit(say("alliance.partner", lang))),
                          quote=pl.lit(practice["quote"]),
                          order=pl.col("place_code").replace_strict({c: i for i, c in enumerate(codes)}))
            .sort("order").drop("order", "home"))


def _short_names(column: pl.Expr, names: pl.Series, lang: str) -> pl.Expr:
    """``column`` (of the names in ``names``) as readers say them: ``short_place_name``."""
    return column.replace_strict({n: short_place_name(n, lang) for n in names.unique()}, return_dtype=pl.String)


def _zhejiang_rows(t: dict, lang: str, allies: pl.DataFrame) -> pl.DataFrame:
    """The province's other cities: context only."""
    places = t["places"].with_columns(pl.col(pl.Enum).cast(pl.String))
    code = cities_of(t).provinces[0]  # the province the articles are about
    scope = places.filter(pl.col("place_code") == code).row(0, named=True)
    province = short_place_name(scope[f"name_{lang}"], lang)
    zj = places.filter((pl.col("level") == "prefecture") & (pl.col("province_code") == code)
                       & ~pl.col("place_code").is_in(allies["place_code"].implode()))
    return (zj.select("place_code", "name_zh", "name_en", "pinyin")
            .join(_label_points(tuple(allies["place_code"])), on="place_code", how="left")
            .with_columns(province=pl.lit(province),
                          role=pl.lit(say("alliance.other", lang, province=province)),
                          label=_short_names(pl.col(f"name_{lang}"), zj[f"name_{lang}"], lang)))


def border_map(practice_id: str | None = None, *, tables: dict | None = None, lang: str = "en",
               title: str | None = None) -> alt.VConcatChart:
    """A cross-border practice's cities (practice_places; by default Quzhou's alliance with
    Huangshan, Anhui; Nanping, Fujian; Shangrao, Jiangxi), beside Zhejiang's other cities in
    light grey. Hover a city for its names, pinyin, province and the quote that names the alliance."""
    check_lang(lang)
    t = resolve_tables(tables, "places", "practices", "practice_places", "articles")
    allies = alliance_cities(practice_id, tables=t, lang=lang).with_columns(
        home=pl.col("role") == say("alliance.home", lang))
    practice, _ = _alliance_practice(t, practice_id)
    vocab = cities_of(t)
    home_colour = vocab.colors.get(vocab.of.get(allies.filter("home")["place_code"][0]), INK)
    n_cities, n_prov = allies.height, allies["province_code"].n_unique()
    allies = allies.with_columns(
        fill=pl.when(pl.col("home")).then(pl.lit(home_colour)).otherwise(pl.lit(PARTNER_COLOR)),
        text_color=pl.lit(INK),  # on a white halo: legible on the home city's colour and the partners' blue
        label=_short_names(pl.col(f"name_{lang}"), allies[f"name_{lang}"], lang) + pl.lit("\n") + pl.col("province"))
    others = _zhejiang_rows(t, lang, allies)
    tips = [alt.Tooltip(f"{c}:N", title=say(c, lang)) for c in ("name_zh", "pinyin", "name_en")] + [
        alt.Tooltip("province:N", title=say("alliance.province", lang)),
        alt.Tooltip("role:N", title=say("alliance.role", lang))]

    def shapes(rows, topo_text):
        geo = alt.Data(values=topo_text, format=alt.DataFormat(type="topojson", feature="cities"))
        return alt.Chart(rows).mark_geoshape(stroke="white", strokeWidth=0.8).transform_lookup(
            lookup="place_code", from_=alt.LookupData(geo, key="id"), as_="geo").encode(
            shape=alt.Shape("geo:G"), color=alt.Color("fill:N", scale=None, legend=None))

    # all fourteen cities in one layer, from one topology: Zhejiang's grey, the alliance in blues
    rows = pl.concat([others.with_columns(fill=pl.lit(ZHEJIANG_COLOR), quote=pl.lit(None, pl.String)),
                      allies.select(*others.columns, "fill", "quote")])
    cities = shapes(rows, quzhou_border_region_topology_text()).encode(
        tooltip=tips + [alt.Tooltip("quote:N", title=say("quote", lang))])
    # every name on a white halo, so it reads at 4.5:1 or more whichever shape it overlaps
    # (#666 straight on the light grey was 4.47:1); halos are decoration, hidden from screen readers
    other_halo = alt.Chart(others).mark_text(fontSize=9, color=HALO, stroke=HALO, strokeWidth=3, strokeJoin="round",
                                             aria=False).encode(longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"))
    other_names = alt.Chart(others).mark_text(fontSize=9, color=OTHER_INK).encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"), tooltip=tips)
    size = NAME_SIZE[lang]
    halo = alt.Chart(allies).mark_text(fontSize=size, fontWeight="bold", lineBreak="\n", color=HALO, stroke=HALO,
                                       strokeWidth=3, strokeJoin="round", aria=False).encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"))
    ally_names = alt.Chart(allies).mark_text(fontSize=size, fontWeight="bold", lineBreak="\n"
                                             ).encode(longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"),
                                                      color=alt.Color("text_color:N", scale=None, legend=None),
                                                      tooltip=tips + [alt.Tooltip("quote:N", title=say("quote", lang))])
    view = alt.layer(cities, other_halo, other_names, halo, ally_names).project(type="mercator").properties(
        width=440, height=420)
    home_row = allies.filter("home").row(0, named=True)
    k = n_cities - 1
    home = short_place_name(home_row[f"name_{lang}"], lang)
    head = say("alliance.title", lang, home=home, cities=n_cities, provinces=n_prov)
    sub = say("alliance.subtitle", lang, home=home, k=k, practice=practice[f"name_{lang}"])
    return frame(view, title or head, sub,
                 source_line(t, [practice["article_id"]], ["practices.csv", "places.csv"], lang,
                             say("map.credit", lang)), lang=lang)
