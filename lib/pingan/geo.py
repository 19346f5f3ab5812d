"""Boundaries of Zhejiang's eleven prefecture-level cities, for the workbook's map.

The file is ``data/geo/zhejiang_prefectures.geojson``: plain GeoJSON decoded from echarts
4.9.0's ``map/json/province/zhejiang.json`` (Apache-2.0) by tools/make_zhejiang_geojson.py;
its origin and licence are recorded in datapackage.json (resource ``zhejiang-prefectures``).
"""
from __future__ import annotations

import json
from pathlib import Path

from .paths import default_data_dir

__all__ = ["ZHEJIANG_PREFECTURES", "BOUNDARY_SOURCE", "zhejiang_prefectures"]

ZHEJIANG_PREFECTURES = "geo/zhejiang_prefectures.geojson"
BOUNDARY_SOURCE = "echarts 4.9.0 map/json/province/zhejiang.json (Apache-2.0)"


def zhejiang_prefectures(data_dir: str | Path | None = None) -> dict:
    """The GeoJSON FeatureCollection: one feature per city, with properties place_code
    (GB/T 2260) and name_zh; exterior rings counter-clockwise (RFC 7946)."""
    path = (Path(data_dir) if data_dir else default_data_dir()) / ZHEJIANG_PREFECTURES
    return json.loads(path.read_text(encoding="utf-8"))
