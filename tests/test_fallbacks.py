"""Chart fallbacks (the PNG beside each Vega-Lite spec): a fresh clone's first Run All reuses
the images its notebooks store, and only an image made for the same spec by the same renderer."""
from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path

import pytest

import pingan.charts._renderer as r
from pingan.charts._png import _chunks, palette_png, text_chunks

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def rgba_png(width: int = 3, height: int = 2, colour: tuple[int, int, int, int] = (200, 30, 30, 255)) -> bytes:
    """A small 8-bit RGBA PNG, as vl-convert writes them."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(colour) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def spec(title: str = "Two bars") -> dict:
    return {"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json", "title": title, "mark": "bar",
            "data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": 2}]},
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


def write_notebook(path: Path, outputs: list[tuple[dict, bytes]]) -> Path:
    """A notebook whose one code cell shows each (spec, png) as the pingan renderer does."""
    cell = {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {}, "source": "chart",
            "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                         "data": {r.VEGALITE_MIMETYPE: s, "image/png": base64.b64encode(png).decode("ascii"),
                                  "text/plain": "<Chart>"}} for s, png in outputs]}
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


@pytest.fixture
def renders(monkeypatch, tmp_path):
    """An empty cache and a stand-in for vl-convert that counts the charts it draws."""
    monkeypatch.setenv("PINGAN_CACHE_DIR", str(tmp_path / "cache"))
    drawn: list[dict] = []

    def to_png(s, scale=2.0):
        drawn.append(s)
        return rgba_png()
    monkeypatch.setattr(r, "to_png", to_png)
    return drawn


def use_notebooks(monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(r, "_notebook_fallbacks", lambda: r.stored_fallbacks(paths))


def test_png_text_round_trips_and_leaves_the_picture_alone():
    plain = palette_png(rgba_png())
    tagged = palette_png(rgba_png(), text={"pingan fallback key": "abc123"})
    assert text_chunks(tagged) == {"pingan fallback key": "abc123"}
    assert text_chunks(plain) == {} and text_chunks(b"not a png") == {}
    picture = lambda png: [c for c in _chunks(png) if c[0] != b"tEXt"]  # noqa: E731
    assert picture(plain) == picture(tagged)
    with pytest.raises(ValueError):
        palette_png(rgba_png(), text={"": "empty keyword"})


def test_a_rendered_fallback_records_its_key(renders):
    png = r.fallback_png(spec())
    assert text_chunks(png)[r.FALLBACK_KEY_TEXT] == r._key(spec())
    assert len(renders) == 1


def test_empty_cache_takes_the_image_a_notebook_stores_for_the_same_spec(renders, monkeypatch, tmp_path):
    stored = palette_png(rgba_png(colour=(1, 2, 3, 255)), text={r.FALLBACK_KEY_TEXT: r._key(spec())})
    use_notebooks(monkeypatch, write_notebook(tmp_path / "a.ipynb", [(spec(), stored)]))
    assert r.fallback_png(spec()) == stored
    assert renders == []  # nothing drawn
    assert (tmp_path / "cache" / "fallbacks" / f"{r._key(spec())}.png").read_bytes() == stored


def test_a_changed_spec_is_drawn_not_given_the_stored_image(renders, monkeypatch, tmp_path):
    stored = palette_png(rgba_png(colour=(1, 2, 3, 255)), text={r.FALLBACK_KEY_TEXT: r._key(spec())})
    use_notebooks(monkeypatch, write_notebook(tmp_path / "a.ipynb", [(spec(), stored)]))
    changed = spec("Two bars, one taller")
    png = r.fallback_png(changed)
    assert png != stored and renders == [changed]
    assert text_chunks(png)[r.FALLBACK_KEY_TEXT] == r._key(changed)


def test_an_image_stored_beside_another_spec_is_not_reused_for_it(renders, monkeypatch, tmp_path):
    # someone edits the spec in the notebook file but leaves the old picture: the picture
    # still records the old spec's key, so the edited spec is drawn
    stored = palette_png(rgba_png(colour=(1, 2, 3, 255)), text={r.FALLBACK_KEY_TEXT: r._key(spec())})
    use_notebooks(monkeypatch, write_notebook(tmp_path / "a.ipynb", [(spec("Edited by hand"), stored)]))
    assert r.fallback_png(spec("Edited by hand")) != stored and len(renders) == 1


@pytest.mark.parametrize("setting, value", [("_ENCODER", "palette-next"), ("FALLBACK_SCALE", 2.5)])
def test_an_image_made_by_another_renderer_is_not_reused(renders, monkeypatch, tmp_path, setting, value):
    stored = palette_png(rgba_png(colour=(1, 2, 3, 255)), text={r.FALLBACK_KEY_TEXT: r._key(spec())})
    use_notebooks(monkeypatch, write_notebook(tmp_path / "a.ipynb", [(spec(), stored)]))
    monkeypatch.setattr(r, setting, value)
    assert r.fallback_png(spec()) != stored and len(renders) == 1


def test_an_image_without_a_key_is_not_reused(renders, monkeypatch, tmp_path):
    stored = palette_png(rgba_png(colour=(1, 2, 3, 255)))  # as fallbacks were made before keys were recorded
    use_notebooks(monkeypatch, write_notebook(tmp_path / "a.ipynb", [(spec(), stored)]))
    assert r.fallback_png(spec()) != stored and len(renders) == 1


def test_unreadable_notebooks_are_passed_over(tmp_path):
    (tmp_path / "broken.ipynb").write_text("{ not json")
    write_notebook(tmp_path / "odd.ipynb", [])
    assert r.stored_fallbacks([tmp_path / "broken.ipynb", tmp_path / "odd.ipynb", tmp_path / "missing.ipynb"]) == {}


def stored_charts() -> list[tuple[str, dict, bytes]]:
    found = []
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if r.VEGALITE_MIMETYPE in data:
                    found.append((path.stem, data[r.VEGALITE_MIMETYPE], base64.b64decode(data["image/png"])))
    return found


def test_every_stored_chart_image_is_the_one_its_spec_gets_from_this_renderer():
    # what makes a fresh clone's first Run All render nothing: every chart a notebook stores
    # carries an image recording the key of the spec beside it, under this renderer. Stale
    # images (outputs not from a run with this renderer) fail here: `python3 run.py notebooks`
    charts = stored_charts()
    assert len(charts) >= len(NOTEBOOKS)
    stale = [(nb, s.get("title")) for nb, s, png in charts if text_chunks(png).get(r.FALLBACK_KEY_TEXT) != r._key(s)]
    assert not stale, f"{len(stale)} of {len(charts)} stored chart images are not this renderer's for their spec: {stale}"


def test_a_fresh_checkout_draws_no_chart_its_notebooks_store(renders):
    # the real path: an empty cache, the checkout's own notebooks read on the first miss
    r._notebook_fallbacks.cache_clear()
    try:
        for _, s, png in stored_charts():
            assert r.fallback_png(s) == png
        assert renders == []
    finally:
        r._notebook_fallbacks.cache_clear()
