"""Write data/geo/zhejiang_prefectures.geojson from the echarts 4.9.0 npm tarball.

    cd "$(mktemp -d)" && npm pack echarts@4.9.0
    python3 tools/make_zhejiang_geojson.py "$PWD/echarts-4.9.0.tgz"

A dev tool, run by hand (the tests read the file it writes, never this script). It
reads ``package/map/json/province/zhejiang.json`` (Apache-2.0) from the tarball,
decodes echarts' compact "UTF8Encoding" coordinates (echarts src/coord/geo/
parseGeoJson.js, decodeRing), simplifies the rings (Douglas–Peucker, then rounding to
three decimals, about 100 m) and writes plain RFC 7946 GeoJSON: one feature per
prefecture-level city, exterior rings counter-clockwise, with properties place_code
(GB/T 2260, matched by Chinese name against data/places.csv) and name_zh.
Standard library only.
"""
from __future__ import annotations

import csv
import json
import sys
import tarfile
from pathlib import Path

MEMBER = "package/map/json/province/zhejiang.json"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo" / "zhejiang_prefectures.geojson"
BBOX = (118.0, 27.0, 123.5, 31.5)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.0012  # degrees, Douglas–Peucker
DECIMALS = 3


def decode_ring(encoded: str, offset: list[int], scale: float = 1024) -> list[tuple[float, float]]:
    """echarts' decodeRing: pairs of characters, zigzag-encoded deltas from ``offset``."""
    prev_x, prev_y = offset
    out = []
    for i in range(0, len(encoded), 2):
        x = ord(encoded[i]) - 64
        y = ord(encoded[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        prev_x += x
        prev_y += y
        out.append((prev_x / scale, prev_y / scale))
    return out


def signed_area(ring) -> float:
    """Shoelace area: positive when counter-clockwise (lon right, lat up)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _perp_dist(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    return abs(dy * px - dx * py + bx * ay - by * ax) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points, tol: float):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, k = 0.0, -1
        for m in range(i + 1, j):
            d = _perp_dist(points[m], points[i], points[j])
            if d > best:
                best, k = d, m
        if k >= 0 and best > tol:
            keep[k] = True
            stack += [(i, k), (k, j)]
    return [p for p, kept in zip(points, keep) if kept]


def simplify_ring(ring, exterior: bool):
    """Simplified, rounded, closed ring in RFC 7946 orientation, or None if it collapses."""
    if ring[0] != ring[-1]:
        ring = ring + [ring[0]]
    # split the closed ring at its farthest point from the start so both halves keep their ends
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    pts = douglas_peucker(ring[:far + 1], TOLERANCE)[:-1] + douglas_peucker(ring[far:], TOLERANCE)
    out = []
    for x, y in pts:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != p:
            out.append(p)
    if len(set(out)) < 3 or signed_area(out) == 0:
        return None
    if (signed_area(out) > 0) != exterior:  # exterior counter-clockwise, holes clockwise
        out.reverse()
    return [list(p) for p in out]


def decode_geometry(g: dict) -> dict:
    polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    offsets = [g["encodeOffsets"]] if g["type"] == "Polygon" else g["encodeOffsets"]
    out = []
    for rings, offs in zip(polygons, offsets):
        decoded = [decode_ring(s, o) for s, o in zip(rings, offs)]
        for ring in decoded:
            for lon, lat in ring:
                assert BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3], (lon, lat)
        exterior = simplify_ring(decoded[0], exterior=True)
        if exterior is None:
            continue  # an islet smaller than the tolerance
        holes = [h for h in (simplify_ring(r, exterior=False) for r in decoded[1:]) if h]
        out.append([exterior, *holes])
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


def prefecture_codes() -> dict[str, str]:
    with open(ROOT / "data" / "places.csv", encoding="utf-8", newline="") as f:
        return {r["name_zh"]: r["place_code"] for r in csv.DictReader(f)
                if r["level"] == "prefecture" and r["province_code"] == "330000"}


def main(tarball: str) -> None:
    with tarfile.open(tarball) as tar:
        src = json.load(tar.extractfile(MEMBER))
    assert src.get("UTF8Encoding"), "expected echarts' UTF8Encoding form"
    codes = prefecture_codes()
    features = []
    for f in src["features"]:
        name = f["properties"]["name"]
        code = codes[name]
        assert str(f.get("id", code)) == code, (name, f.get("id"), code)
        features.append({"type": "Feature",
                         "properties": {"place_code": code, "name_zh": name},
                         "geometry": decode_geometry(f["geometry"])})
    features.sort(key=lambda f: f["properties"]["place_code"])
    assert sorted(f["properties"]["place_code"] for f in features) == sorted(codes.values())
    collection = {
        "type": "FeatureCollection",
        "name": "zhejiang_prefectures",
        "source": "echarts 4.9.0 (npm), map/json/province/zhejiang.json; Apache-2.0; decoded from "
                  f"UTF8Encoding, simplified (Douglas-Peucker {TOLERANCE} deg, {DECIMALS} decimals) "
                  "by tools/make_zhejiang_geojson.py",
        "features": features,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature per line: small diffs, still valid JSON
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace('"features":[', '"features":[\n')
    OUT.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for f in features for poly in
                 ([f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"])
                 for r in poly)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(features)} features, {points:,} points)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
