"""Write data/geo/zhejiang_prefectures.topojson and .geojson from the echarts 4.9.0 npm tarball.

    cd "$(mktemp -d)" && npm pack echarts@4.9.0
    python3 tools/make_zhejiang_geojson.py "$PWD/echarts-4.9.0.tgz"

A dev tool, run by hand (the tests read the files it writes, never this script). It
reads ``package/map/json/province/zhejiang.json`` (Apache-2.0) from the tarball and
decodes echarts' compact "UTF8Encoding" coordinates (echarts src/coord/geo/
parseGeoJson.js, decodeRing). Then it simplifies the boundaries *as a topology*, so that
two neighbouring cities keep exactly one shared border (no slivers, no gaps):

1. every ring is cut into arcs at its junctions — vertices where the set of
   neighbouring rings changes (TopoJSON's "join" step); a border two cities share
   becomes one arc used by both, once forwards and once backwards;
2. each distinct arc is simplified once (Douglas–Peucker, ``TOLERANCE`` degrees, its
   end points kept), so both cities get the same simplified border;
3. arcs are quantised to a ``QUANTISATION`` grid and delta-encoded (TopoJSON 1.0).

It writes the topology (``.topojson``: what the map draws, compact; exterior rings
clockwise as d3-geo wants them) and the same geometry decoded to plain RFC 7946 GeoJSON
(``.geojson``: exterior rings counter-clockwise), one feature per prefecture-level city
with properties place_code (GB/T 2260, matched by Chinese name against data/places.csv)
and name_zh. Standard library only.
"""
from __future__ import annotations

import csv
import json
import sys
import tarfile
from pathlib import Path

MEMBER = "package/map/json/province/zhejiang.json"
ROOT = Path(__file__).resolve().parents[1]
OUT_TOPO = ROOT / "data" / "geo" / "zhejiang_prefectures.topojson"
OUT_GEO = ROOT / "data" / "geo" / "zhejiang_prefectures.geojson"
BBOX = (118.0, 27.0, 123.5, 31.5)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.004  # degrees (about 400 m; under half a pixel on the workbook's 440-pixel map)
QUANTISATION = 10_000  # grid steps across the bounding box (about 0.0005°, 50 m)
GEO_DECIMALS = 4


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
    if len(points) <= 2:
        return list(points)
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


def _open(ring):
    ring = list(ring)
    while len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    # drop consecutive duplicates
    return [p for i, p in enumerate(ring) if p != ring[i - 1]] if len(ring) > 1 else ring


def junctions(rings: list[list[tuple]]) -> set[tuple]:
    """Vertices where the neighbouring rings change: shared by rings whose neighbours there
    differ, or used by more than two rings (TopoJSON's join)."""
    seen: dict[tuple, tuple] = {}
    out: set[tuple] = set()
    for ring in rings:
        n = len(ring)
        for i, p in enumerate(ring):
            a, b = ring[i - 1], ring[(i + 1) % n]
            if p in seen:
                na, nb = seen[p]
                if not ((na == a and nb == b) or (na == b and nb == a)):
                    out.add(p)
            else:
                seen[p] = (a, b)
    return out


def cut(ring: list[tuple], joins: set[tuple]) -> list[list[tuple]]:
    """A closed ring (open form) as arcs running from junction to junction."""
    idx = [i for i, p in enumerate(ring) if p in joins]
    if not idx:
        return [ring + [ring[0]]]  # one closed arc
    k = idx[0]
    rot = ring[k:] + ring[:k] + [ring[k]]
    arcs, start = [], 0
    for i in range(1, len(rot)):
        if rot[i] in joins:
            arcs.append(rot[start:i + 1])
            start = i
    return arcs


def simplify_arc(arc: list[tuple], tolerance: float = TOLERANCE) -> list[tuple]:
    if arc[0] == arc[-1] and len(arc) > 3:  # a closed arc: split at its farthest point
        far = max(range(len(arc)), key=lambda i: (arc[i][0] - arc[0][0]) ** 2 + (arc[i][1] - arc[0][1]) ** 2)
        return douglas_peucker(arc[:far + 1], tolerance)[:-1] + douglas_peucker(arc[far:], tolerance)
    return douglas_peucker(arc, tolerance)


def prefecture_codes() -> dict[str, str]:
    with open(ROOT / "data" / "places.csv", encoding="utf-8", newline="") as f:
        return {r["name_zh"]: r["place_code"] for r in csv.DictReader(f)
                if r["level"] == "prefecture" and r["province_code"] == "330000"}


def _decoded_features(src: dict, codes: dict[str, str], bbox: tuple = BBOX) -> list[dict]:
    out = []
    for f in src["features"]:
        name = f["properties"]["name"]
        code = codes[name]
        assert str(f.get("id", code)) == code, (name, f.get("id"), code)
        g = f["geometry"]
        polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        offsets = [g["encodeOffsets"]] if g["type"] == "Polygon" else g["encodeOffsets"]
        polys = []
        for rings, offs in zip(polygons, offsets):
            decoded = [_open(decode_ring(s, o)) for s, o in zip(rings, offs)]
            for ring in decoded:
                for lon, lat in ring:
                    assert bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3], (lon, lat)
            polys.append([r for r in decoded if len(r) >= 3])
        out.append({"code": code, "name": name, "polygons": [p for p in polys if p]})
    return sorted(out, key=lambda f: f["code"])


def build(src: dict, codes: dict[str, str], *, bbox: tuple = BBOX, tolerance: float = TOLERANCE,
          quantisation: int = QUANTISATION) -> tuple[dict, dict]:
    """(topology, GeoJSON collection) of ``src``'s features named in ``codes``: every vertex
    inside ``bbox``, each shared arc simplified once at ``tolerance`` degrees, quantised to
    ``quantisation`` steps."""
    feats = _decoded_features(src, codes, bbox)
    all_rings = [r for f in feats for poly in f["polygons"] for r in poly]
    joins = junctions(all_rings)

    arcs: list[list[tuple]] = []      # distinct arcs, full resolution
    index: dict[tuple, int] = {}      # arc as a tuple of points → its index (~index when reversed)

    def arc_ref(arc: list[tuple]) -> int:
        key = tuple(arc)
        if key in index:
            return index[key]
        rev = tuple(reversed(arc))
        if rev in index:
            return ~index[rev]
        if arc[0] == arc[-1]:  # a closed arc may repeat another closed arc from another start
            pass
        index[key] = len(arcs)
        arcs.append(arc)
        return index[key]

    geometries = []
    for f in feats:
        polys = []
        for poly in f["polygons"]:
            polys.append([[arc_ref(a) for a in cut(ring, joins)] for ring in poly])
        geometries.append((f, polys))

    simplified = [simplify_arc(a, tolerance) for a in arcs]

    def ring_points(refs: list[int]) -> list[tuple]:
        pts: list[tuple] = []
        for r in refs:
            a = simplified[r] if r >= 0 else simplified[~r][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    # quantisation grid
    xs = [p[0] for a in simplified for p in a]
    ys = [p[1] for a in simplified for p in a]
    x0, y0 = min(xs), min(ys)
    kx = (max(xs) - x0) / (quantisation - 1)
    ky = (max(ys) - y0) / (quantisation - 1)

    def q(p):
        return (round((p[0] - x0) / kx), round((p[1] - y0) / ky))

    def unq(p):
        return (round(p[0] * kx + x0, GEO_DECIMALS + 2), round(p[1] * ky + y0, GEO_DECIMALS + 2))

    # keep rings that survive simplification with an area; orient; collect used arcs
    used: dict[int, int] = {}
    topo_geoms, geo_features = [], []
    for f, polys in geometries:
        t_polys, g_polys = [], []
        for poly in polys:
            t_rings, g_rings = [], []
            for i, refs in enumerate(poly):
                pts = [q(p) for p in ring_points(refs)]
                pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]  # arcs that became one point
                if len(set(pts)) < 3 or signed_area(pts) == 0:
                    if i == 0:
                        break  # an islet smaller than the grid: drop the polygon
                    continue
                ccw = signed_area(pts) > 0
                exterior = i == 0
                # TopoJSON for d3: exterior clockwise; GeoJSON (RFC 7946): exterior counter-clockwise
                if ccw == exterior:
                    refs = [~r for r in reversed(refs)]
                    pts = pts[::-1]
                t_rings.append(refs)
                geo_ring = [list(unq(p)) for p in pts]
                g_rings.append(geo_ring[::-1])
            if t_rings:
                t_polys.append(t_rings)
                g_polys.append(g_rings)
        for poly in t_polys:
            for refs in poly:
                for r in refs:
                    used.setdefault(r if r >= 0 else ~r, len(used))
        topo_geoms.append((f, t_polys))
        geo_features.append((f, g_polys))

    # renumber arcs in order of first use; delta-encode quantised points
    order = sorted(used, key=used.get)
    renum = {old: new for new, old in enumerate(order)}
    out_arcs = []
    for old in order:
        pts = [q(p) for p in simplified[old]]
        pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]] or pts[:1]
        if len(pts) == 1:
            pts = pts * 2
        deltas, prev = [], (0, 0)
        for p in pts:
            deltas.append([p[0] - prev[0], p[1] - prev[1]])
            prev = p
        out_arcs.append(deltas)

    def remap(r):
        return renum[r] if r >= 0 else ~renum[~r]

    def geom(polys, fn):
        if len(polys) == 1:
            return "Polygon", fn(polys[0])
        return "MultiPolygon", [fn(p) for p in polys]

    topology = {
        "type": "Topology",
        "transform": {"scale": [kx, ky], "translate": [x0, y0]},
        "objects": {"cities": {"type": "GeometryCollection", "geometries": [
            dict(zip(("type", "arcs"), geom(polys, lambda p: [[remap(r) for r in ring] for ring in p])),
                 id=f["code"], properties={"place_code": f["code"], "name_zh": f["name"]})
            for f, polys in topo_geoms]}},
        "arcs": out_arcs,
    }
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"place_code": f["code"], "name_zh": f["name"]},
         "geometry": dict(zip(("type", "coordinates"), geom(polys, lambda p: p)))}
        for f, polys in geo_features]}
    # GeoJSON points come from the same quantised grid, rounded for the file
    for feat in collection["features"]:
        g = feat["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for poly in polys:
            for ring in poly:
                for p in ring:
                    p[0], p[1] = round(p[0], GEO_DECIMALS), round(p[1], GEO_DECIMALS)
                if ring[0] != ring[-1]:
                    ring.append(list(ring[0]))
    return topology, collection


def main(tarball: str) -> None:
    with tarfile.open(tarball) as tar:
        src = json.load(tar.extractfile(MEMBER))
    assert src.get("UTF8Encoding"), "expected echarts' UTF8Encoding form"
    codes = prefecture_codes()
    topology, collection = build(src, codes)
    assert sorted(g["id"] for g in topology["objects"]["cities"]["geometries"]) == sorted(codes.values())
    note = (f"echarts 4.9.0 (npm), map/json/province/zhejiang.json; Apache-2.0; decoded from UTF8Encoding, "
            f"simplified as a topology (shared borders kept; Douglas-Peucker {TOLERANCE} deg per arc, "
            f"quantised to {QUANTISATION} steps) by tools/make_zhejiang_geojson.py")
    write_outputs(topology, collection, "zhejiang_prefectures", note, OUT_TOPO, OUT_GEO)


def write_outputs(topology: dict, collection: dict, name: str, note: str, out_topo: Path, out_geo: Path) -> None:
    """Write the topology (compact, one line) and the GeoJSON (one feature per line: small
    diffs, still valid JSON), both carrying ``note`` as their source."""
    topology["source"] = note
    collection = {"type": "FeatureCollection", "name": name, "source": note, "features": collection["features"]}
    out_topo.parent.mkdir(parents=True, exist_ok=True)
    out_topo.write_text(json.dumps(topology, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace('"features":[', '"features":[\n')
    out_geo.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for f in collection["features"] for poly in
                 ([f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"])
                 for r in poly)
    print(f"wrote {out_topo} ({out_topo.stat().st_size:,} bytes, {len(topology['arcs'])} arcs, "
          f"{sum(len(a) for a in topology['arcs']):,} points)")
    print(f"wrote {out_geo} ({out_geo.stat().st_size:,} bytes, {len(collection['features'])} features, {points:,} points)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
