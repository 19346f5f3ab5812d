"""The ``pingan`` renderer: each chart's output holds its Vega-Lite v5 spec and a PNG.

JupyterLab draws the Vega-Lite v5 mimetype itself, offline and without trusting the
notebook; viewers without JavaScript (GitHub, nbviewer) show the PNG stored beside it
in the same output. See ../shared/notes/charts-offline.md for why Altair 5 and v5.
"""
from __future__ import annotations

import base64
import functools
from pathlib import Path

import altair as alt

__all__ = ["VEGALITE_MIMETYPE", "register_cjk_font", "to_png", "to_svg", "enable_renderer"]

VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
VL_VERSION = "v" + alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0].replace(".", "_")  # e.g. v5_20


@functools.cache
def register_cjk_font() -> Path:
    """Make vl-convert use the Noto Sans CJK font shipped on PyPI (noto-cjk-sans-otc)."""
    import noto_cjk_sans_otc
    import vl_convert as vlc
    font_dir = Path(noto_cjk_sans_otc.__file__).parent
    vlc.register_font_directory(str(font_dir))
    return font_dir


def to_png(spec: dict, scale: float = 2.0) -> bytes:
    import vl_convert as vlc
    register_cjk_font()
    return vlc.vegalite_to_png(spec, vl_version=VL_VERSION, scale=scale)


def to_svg(spec: dict) -> str:
    import vl_convert as vlc
    register_cjk_font()
    return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION)


def _title_text(spec: dict) -> str:
    t = spec.get("title")
    if isinstance(t, dict):
        t = t.get("text")
    if isinstance(t, list):
        t = " ".join(t)
    return t or "chart"


def _bundle(spec: dict, **_metadata) -> dict:
    return {
        VEGALITE_MIMETYPE: spec,
        "image/png": base64.b64encode(to_png(spec, scale=1.5)).decode("ascii"),
        "text/plain": f"<Chart: {_title_text(spec)}>",
    }


def enable_renderer() -> None:
    """Register and enable the ``pingan`` renderer (idempotent)."""
    if "pingan" not in alt.renderers.names():
        alt.renderers.register("pingan", _bundle)
    alt.renderers.enable("pingan")
