"""Write data/geo/quzhou_border_region.topojson and .geojson from the echarts 4.9.0 npm tarball.

    cd "$(mktemp -d)" && npm pack echarts@4.9.0
    python3 tools/make_border_geojson.py "$PWD/echarts-4.9.0.tgz"

A dev tool, run by hand (the tests read the files it writes, never this script), sibling of
tools/make_zhejiang_geojson.py and built from its functions. Quzhou's article names a
four-city alliance (衢黄南饶"联盟花园") with the prefecture-level cities across its three
provincial borders: Huangshan (黄山市, Anhui), Nanping (南平市, Fujian) and Shangrao (上饶市,
Jiangxi). This reads their boundaries from ``package/map/json/province/{anhui,fujian,jiangxi}.json``
and Zhejiang's eleven cities from ``zhejiang.json`` (all Apache-2.0), decodes echarts' compact
"UTF8Encoding" coordinates, simplifies the fourteen cities as one topology and writes:

- ``quzhou_border_region.topojson``: object ``cities``, geometry id = place_code (GB/T 2260),
  property province_code; the one file the border map draws;
- ``quzhou_border_region.geojson``: the same geometry as plain RFC 7946 GeoJSON, properties
  place_code, name_zh and province_code.

The map covers a wider area than the Zhejiang map at the same width, so it is simplified
more coarsely (``TOLERANCE``, about a kilometre: half a pixel there) and quantised on a
coarser grid, which keeps the file small enough to inline in a notebook. The provinces'
files are separate surveys, so a border Quzhou shares with a partner is two arcs, not one;
at the map's scale the difference is under a pixel.
Standard library only.
"""
from __future__ import annotations

import csv
import json
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_zhejiang_geojson as zj  # noqa: E402  (a sibling dev tool: decode, simplify, write)

ROOT = zj.ROOT
PROVINCE_FILES = {"330000": "zhejiang", "340000": "anhui", "350000": "fujian", "360000": "jiangxi"}
ALLIANCE = ("黄山市", "南平市", "上饶市")  # 衢黄南饶: Quzhou's partners, in the article's order
OUT_TOPO = ROOT / "data" / "geo" / "quzhou_border_region.topojson"
OUT_GEO = ROOT / "data" / "geo" / "quzhou_border_region.geojson"
BBOX = (115.0, 26.0, 123.5, 31.5)  # the fourteen cities lie inside it (checked on every vertex)
TOLERANCE = 0.01  # degrees (about 1 km; half a pixel on the 440-pixel border map)
QUANTISATION = 4_000  # grid steps across the bounding box (about 0.002°)


def region_codes() -> dict[str, tuple[str, str]]:
    """name_zh → (place_code, province_code) for Zhejiang's cities and the three partners, from places.csv."""
    with open(ROOT / "data" / "places.csv", encoding="utf-8", newline="") as f:
        rows = {r["name_zh"]: (r["place_code"], r["province_code"]) for r in csv.DictReader(f)
                if r["level"] == "prefecture"}
    missing = [n for n in ALLIANCE if n not in rows]
    if missing:
        sys.exit(f"data/places.csv has no prefecture row for {missing}")
    return {n: c for n, c in rows.items() if n in ALLIANCE or c[1] == "330000"}


def main(tarball: str) -> None:
    codes = region_codes()
    features = []
    with tarfile.open(tarball) as tar:
        for province, stem in PROVINCE_FILES.items():
            src = json.load(tar.extractfile(f"package/map/json/province/{stem}.json"))
            assert src.get("UTF8Encoding"), f"{stem}.json: expected echarts' UTF8Encoding form"
            features += [f for f in src["features"] if f["properties"]["name"] in codes
                         and codes[f["properties"]["name"]][1] == province]
    assert sorted(f["properties"]["name"] for f in features) == sorted(codes), [f["properties"]["name"] for f in features]
    topology, collection = zj.build({"features": features}, {n: c for n, (c, _) in codes.items()},
                                    bbox=BBOX, tolerance=TOLERANCE, quantisation=QUANTISATION)
    province_of = {c: p for c, p in codes.values()}
    for g in topology["objects"]["cities"]["geometries"]:
        g["properties"]["province_code"] = province_of[g["id"]]
    for f in collection["features"]:
        f["properties"]["province_code"] = province_of[f["properties"]["place_code"]]
    note = (f"echarts 4.9.0 (npm), map/json/province/{{zhejiang,anhui,fujian,jiangxi}}.json; Apache-2.0; Zhejiang's "
            f"eleven cities with Huangshan, Nanping and Shangrao, decoded from UTF8Encoding, simplified as a topology "
            f"(Douglas-Peucker {TOLERANCE} deg per arc, quantised to {QUANTISATION} steps) by tools/make_border_geojson.py")
    zj.write_outputs(topology, collection, "quzhou_border_region", note, OUT_TOPO, OUT_GEO)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
