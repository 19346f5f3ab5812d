"""Figure export: PNG and SVG files, with Chinese glyphs drawn rather than boxes."""
import altair as alt
import polars as pl
import pytest

import pingan
from pingan.workbench._figures import export_figures, workbook_charts


def _title_chart(title: str) -> dict:
    df = pl.DataFrame({"x": [1]})
    return alt.Chart(df).mark_point().encode(x="x:Q").properties(title=title, width=60, height=20).to_dict()


def test_distinct_chinese_characters_draw_distinct_glyphs():
    # Missing glyphs are drawn as identical boxes: two titles with the same characters in
    # another order would then give identical images. Real glyphs give different ones.
    a = pingan.charts.to_png(_title_chart("平安浙江"), scale=1)
    b = pingan.charts.to_png(_title_chart("浙江平安"), scale=1)
    assert a != b


def test_svg_text_uses_the_cjk_font():
    svg = pingan.charts.to_svg(pingan.charts.zhejiang_map(lang="zh").to_dict())
    assert "Noto Sans CJK SC" in svg and "金华市" in svg


def test_images_carry_the_theme_without_enable_charts():
    # a chart built while Altair's default theme is active still gets the workbook's font
    spec = pingan.charts.honours_chart("quzhou-2024").to_dict()
    assert "Noto Sans CJK SC" in pingan.charts.to_svg(spec)


def test_palette_fallback_is_the_same_picture_in_fewer_bytes():
    import struct, zlib
    from pingan.charts._png import _rgba_rows, palette_png
    rgba = pingan.charts.to_png(pingan.charts.changes_chart("quzhou-2024").to_dict(), scale=1)
    small = palette_png(rgba)
    assert small[:8] == b"\x89PNG\r\n\x1a\n" and small[25] == 3  # colour type 3: indexed
    assert len(small) * 3 < len(rgba)
    # lossless when the picture has at most 256 colours: decode the palette image and compare
    w, h, rows = _rgba_rows(rgba)
    chunks, i = {}, 8
    while i < len(small):
        (n,) = struct.unpack(">I", small[i:i + 4]); chunks.setdefault(small[i + 4:i + 8], b"")
        chunks[small[i + 4:i + 8]] += small[i + 8:i + 8 + n]; i += 12 + n
    plte, trns = chunks[b"PLTE"], chunks.get(b"tRNS", b"")
    raw = zlib.decompress(chunks[b"IDAT"])
    for y, row in enumerate(rows):
        idx = raw[y * (w + 1) + 1:(y + 1) * (w + 1)]
        back = b"".join(plte[3 * k:3 * k + 3] + bytes([trns[k] if k < len(trns) else 255]) for k in idx)
        assert back == row, f"row {y} differs"


def test_an_article_gets_a_measure_chart_only_when_it_states_that_measure(tmp_path):
    # (that every builder is drawn is the style sweep's registry test, tests/test_chart_style.py)
    tables = pingan.load_all()
    stems = {s for s, _ in workbook_charts(("en",), tables)}
    stats = tables["statistics"]
    for a in tables["articles"]["article_id"]:
        states = stats.filter((pl.col("article_id") == a) & (pl.col("measure") == "change_pct")).height > 0
        assert (f"{a}_changes_en" in stems) == states, a
    files = export_figures(tmp_path / "fig", langs=("zh",), only=lambda s: s.startswith("quzhou-2024_changes"),
                           tables=tables)
    assert sorted(f.name for f in files) == ["quzhou-2024_changes_zh.png", "quzhou-2024_changes_zh.svg"]
    assert all(f.stat().st_size > 1000 for f in files)
    assert (tmp_path / "fig" / "quzhou-2024_changes_zh.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_interrupted_export_keeps_previous_figures(tmp_path, monkeypatch):
    out = tmp_path / "fig"
    export_figures(out, formats=("svg",), langs=("en",), only=lambda s: s == "workbook_map_en")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import pingan.charts._renderer as r
    monkeypatch.setattr(r, "to_svg", lambda spec: (_ for _ in ()).throw(RuntimeError("interrupted")))
    with pytest.raises(RuntimeError):
        export_figures(out, formats=("svg",), langs=("en",), only=lambda s: s.startswith("workbook"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["fig"]  # no temporary folder left behind


def test_style_examples_find_their_articles_in_the_data():
    """The style guide names no article: each example is the first (or second) article, in
    publication order, that states the measure its chart draws; without it, the next one."""
    import polars as pl
    from pingan.workbench._figures import STYLE_EXAMPLES, example_article
    tables = pingan.load_all()
    order = tables["articles"].sort("published", "article_id")["article_id"].to_list()
    stats = tables["statistics"].with_columns(pl.col("measure").cast(pl.String))
    changes = [a for a in order if a in set(stats.filter(pl.col("measure") == "change_pct")["article_id"])]
    assert example_article(tables, "change_pct") == changes[0]
    assert example_article(tables, "change_pct", 1) == changes[1]
    without = {**tables, "statistics": tables["statistics"].filter(
        ~((pl.col("article_id") == changes[0]) & (pl.col("measure").cast(pl.String) == "change_pct")))}
    assert example_article(without, "change_pct") == changes[1]
    assert example_article(tables, "practices") in set(tables["practices"]["article_id"])
    with pytest.raises(ValueError, match="no article states"):
        example_article({**tables, "statistics": tables["statistics"].clear()}, "rate_pct")
    assert all(needs is None or isinstance(needs[0], str) for _, needs, _ in STYLE_EXAMPLES.values())
