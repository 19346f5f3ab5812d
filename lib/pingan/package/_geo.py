"""Boundaries of Zhejiang's eleven prefecture-level cities, for the workbook's map.

Two files in ``data/geo/``, both written by tools/make_zhejiang_geojson.py from echarts
4.9.0's ``map/json/province/zhejiang.json`` (Apache-2.0) and simplified as a topology
(neighbouring cities keep one shared border):

- ``zhejiang_prefectures.topojson``: what the map draws — compact (quantised,
  delta-encoded arcs), passed to Vega-Lite as one inline string;
- ``zhejiang_prefectures.geojson``: the same geometry as plain RFC 7946 GeoJSON, for
  anyone's GIS and for computing label positions.

Two more, written by tools/make_border_geojson.py from echarts' zhejiang.json, anhui.json,
fujian.json and jiangxi.json: ``quzhou_border_region.topojson`` / ``.geojson``, Zhejiang's cities
and the three cities across Quzhou's provincial borders that form its alliance (Huangshan,
Nanping, Shangrao), simplified more coarsely for the wider border map.

Their origin and licence are recorded in datapackage.json.
"""
from __future__ import annotations

import json
from pathlib import Path

from pingan.base._settings import default_data_dir

__all__ = ["ZHEJIANG_PREFECTURES", "ZHEJIANG_TOPOLOGY", "BOUNDARY_SOURCE", "zhejiang_prefectures",
           "zhejiang_topology_text", "QUZHOU_BORDER_REGION", "QUZHOU_BORDER_REGION_TOPOLOGY",
           "quzhou_border_region", "quzhou_border_region_topology_text"]

ZHEJIANG_PREFECTURES = "geo/zhejiang_prefectures.geojson"
ZHEJIANG_TOPOLOGY = "geo/zhejiang_prefectures.topojson"
BOUNDARY_SOURCE = "echarts 4.9.0 map/json/province/zhejiang.json (Apache-2.0)"


def zhejiang_prefectures(data_dir: str | Path | None = None) -> dict:
    """The GeoJSON FeatureCollection: one feature per city, with properties place_code
    (GB/T 2260) and name_zh; exterior rings counter-clockwise (RFC 7946)."""
    path = (Path(data_dir) if data_dir else default_data_dir()) / ZHEJIANG_PREFECTURES
    return json.loads(path.read_text(encoding="utf-8"))


def zhejiang_topology_text(data_dir: str | Path | None = None) -> str:
    """The TopoJSON topology as compact JSON text (object ``cities``, geometry ids =
    place_code; exterior rings clockwise, as d3-geo draws them)."""
    path = (Path(data_dir) if data_dir else default_data_dir()) / ZHEJIANG_TOPOLOGY
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":"))


QUZHOU_BORDER_REGION = "geo/quzhou_border_region.geojson"
QUZHOU_BORDER_REGION_TOPOLOGY = "geo/quzhou_border_region.topojson"


def quzhou_border_region(data_dir: str | Path | None = None) -> dict:
    """Zhejiang's eleven cities and Huangshan, Nanping and Shangrao as a GeoJSON FeatureCollection:
    properties place_code, name_zh and province_code; exterior rings counter-clockwise (RFC 7946)."""
    path = (Path(data_dir) if data_dir else default_data_dir()) / QUZHOU_BORDER_REGION
    return json.loads(path.read_text(encoding="utf-8"))


def quzhou_border_region_topology_text(data_dir: str | Path | None = None) -> str:
    """Their TopoJSON topology as compact JSON text (object ``cities``, geometry ids = place_code)."""
    path = (Path(data_dir) if data_dir else default_data_dir()) / QUZHOU_BORDER_REGION_TOPOLOGY
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":"))
