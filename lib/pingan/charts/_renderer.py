"""The ``pingan`` renderer: each chart's output holds its Vega-Lite v5 spec and a light PNG.

JupyterLab draws the Vega-Lite v5 mimetype itself, offline and without trusting the
notebook; viewers without JavaScript (GitHub, nbviewer) show the PNG stored beside it
in the same output (Altair 5 and Vega-Lite v5: the mimetype JupyterLab 4 draws
itself; docs/charts.md, "Rendering, weight and speed").

The PNG is a fallback, so it is made light and made once:

- drawn at ``FALLBACK_SCALE`` and re-encoded as an exact palette PNG (``png.palette_png``),
  typically 15–50 KB instead of 150–600 KB;
- cached on disk by a hash of the spec (and of everything else that shapes the image), so
  re-running a notebook whose charts did not change renders nothing. The cache is
  ``$PINGAN_CACHE_DIR`` if set, else ``.cache/pingan/`` in a source checkout (git-ignored),
  else ``~/.cache/pingan`` (``$XDG_CACHE_HOME/pingan``). Deleting it is always safe;
- taken from the notebooks when the cache lacks it. Each fallback records its cache key in
  a ``tEXt`` chunk of the PNG, and the workbook's notebooks store their fallbacks, so on a
  fresh clone (empty cache) the first miss reads the checkout's notebooks once and every image
  recorded under the key asked for is reused instead of rendered. The key covers the spec and
  the renderer (Vega-Lite and vl-convert versions, scale, encoding): a changed spec, or a
  stored image made by another renderer, is never reused; an image without a key never is.

Nothing changes in Altair until :func:`enable_charts` is called.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
from pathlib import Path

from pingan.base._atomic import atomic_write_bytes
from pingan.base._settings import REPO, cache_dir, in_checkout

__all__ = ["VEGALITE_MIMETYPE", "FALLBACK_SCALE", "FALLBACK_KEY_TEXT", "register_cjk_font", "to_png", "to_svg",
           "fallback_png", "stored_fallbacks", "cache_dir", "enable_renderer", "enable_charts", "render_bundle"]

VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
FALLBACK_SCALE = 1.25
FALLBACK_KEY_TEXT = "pingan fallback key"  # the PNG tEXt keyword under which a fallback records its key
# bump when the fallback's encoding changes, to retire cached (and stored) images;
# palette-2: the image records its key
_ENCODER = "palette-2"


@functools.cache
def _vl_version() -> str:
    import altair as alt
    return "v" + alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0].replace(".", "_")  # e.g. v5_20


@functools.cache
def register_cjk_font() -> Path:
    """Make vl-convert use the Noto Sans CJK font shipped on PyPI (noto-cjk-sans-otc)."""
    import noto_cjk_sans_otc
    import vl_convert as vlc
    font_dir = Path(noto_cjk_sans_otc.__file__).parent
    vlc.register_font_directory(str(font_dir))
    return font_dir


def _with_theme(spec: dict) -> dict:
    """The spec with the workbook's theme config when it carries none (charts built before
    ``enable_charts()``), so exported images always look like the notebooks'."""
    if "config" in spec and spec["config"].get("font"):
        return spec
    from pingan.charts._style import theme_config
    config = {k: dict(v) if isinstance(v, dict) else v for k, v in theme_config()["config"].items()}
    for k, v in spec.get("config", {}).items():
        config[k] = {**config[k], **v} if isinstance(v, dict) and isinstance(config.get(k), dict) else v
    return {**spec, "config": config}


def to_png(spec: dict, scale: float = 2.0) -> bytes:
    """The chart as RGBA PNG bytes (vl-convert, Chinese text in Noto Sans CJK)."""
    import vl_convert as vlc
    register_cjk_font()
    return vlc.vegalite_to_png(_with_theme(spec), vl_version=_vl_version(), scale=scale)


def to_svg(spec: dict) -> str:
    import vl_convert as vlc
    register_cjk_font()
    return vlc.vegalite_to_svg(_with_theme(spec), vl_version=_vl_version())


def _key(spec: dict) -> str:
    """The fallback's cache key: a hash of the spec and of everything else that shapes the image."""
    import vl_convert as vlc
    h = hashlib.sha256()
    h.update(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    h.update(f"|{_vl_version()}|{FALLBACK_SCALE}|{_ENCODER}|{getattr(vlc, '__version__', '')}".encode())
    return h.hexdigest()


def stored_fallbacks(notebooks) -> dict[str, bytes]:
    """The fallback images stored in ``notebooks`` (paths of .ipynb files) that record their
    key, as {key: PNG bytes}. Unreadable notebooks and images without a key are passed over."""
    from pingan.charts._png import text_chunks
    found: dict[str, bytes] = {}
    for path in notebooks:
        try:
            cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
                data = output.get("data", {}) if isinstance(output, dict) else {}
                image = data.get("image/png") if isinstance(data, dict) else None
                if isinstance(image, list):  # nbformat may store a string as a list of lines
                    image = "".join(image)
                if not isinstance(image, str):
                    continue
                try:
                    png = base64.b64decode(image, validate=False)
                except ValueError:
                    continue
                key = text_chunks(png).get(FALLBACK_KEY_TEXT)
                if key:
                    found[key] = png
    return found


@functools.cache
def _notebook_fallbacks() -> dict[str, bytes]:
    """The fallbacks stored in the checkout's notebooks, read once per process (on the first
    cache miss). None outside a checkout."""
    if not in_checkout():
        return {}
    return stored_fallbacks(sorted((REPO / "notebooks").glob("*.ipynb")))


def fallback_png(spec: dict) -> bytes:
    """The static fallback: a palette PNG at ``FALLBACK_SCALE`` recording its key, from the
    cache when there, else from a notebook that stores the image made under that key, else
    rendered."""
    from pingan.charts._png import palette_png
    key = _key(spec)
    path = cache_dir() / "fallbacks" / f"{key}.png"
    try:
        return path.read_bytes()
    except OSError:
        pass
    png = _notebook_fallbacks().get(key)
    if png is None:
        png = palette_png(to_png(spec, scale=FALLBACK_SCALE), text={FALLBACK_KEY_TEXT: key})
    try:
        atomic_write_bytes(path, png, durable=False)
    except OSError:
        pass  # a read-only cache only costs time
    return png


def render_bundle(spec: dict, **_metadata) -> dict:
    """The output bundle: the spec (drawn by JupyterLab), the PNG fallback and a text line."""
    from pingan.charts._framing import chart_title
    return {
        VEGALITE_MIMETYPE: spec,
        "image/png": base64.b64encode(fallback_png(spec)).decode("ascii"),
        "text/plain": f"<Chart: {chart_title(spec) or 'chart'}>",
    }


def enable_renderer() -> None:
    """Register and switch on the ``pingan`` renderer (idempotent)."""
    import altair as alt
    if "pingan" not in alt.renderers.names():
        alt.renderers.register("pingan", render_bundle)
    alt.renderers.enable("pingan")


def enable_charts() -> None:
    """Switch on the workbook's Altair theme and renderer. Call it once in a notebook's
    set-up cell; nothing in ``pingan`` changes Altair's global state otherwise."""
    from pingan.charts._style import enable_theme
    enable_theme()
    enable_renderer()
