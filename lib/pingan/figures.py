"""Export every chart of the workbook as PNG and SVG, with Chinese text drawn in Noto Sans CJK.

    pingan figures build/figures            # every chart, English and Chinese labels
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .atomic import atomic_directory

__all__ = ["workbook_charts", "export_figures"]

ARTICLE_CHARTS = ("changes_chart", "counts_chart", "rates_chart", "honours_chart")
WORKBOOK_CHARTS = ("timeline_chart", "zhejiang_map", "practice_heatmap", "shared_indicators_chart",
                   "per_capita_chart", "honours_chart", "changes_chart")


def workbook_charts(langs=("en", "zh")) -> Iterator[tuple[str, Callable]]:
    """(file stem, builder) for every chart the notebooks show, in each language."""
    import polars as pl

    from . import charts
    from .loading import load_all

    tables = load_all()
    stats = tables["statistics"]
    for lang in langs:
        for name in WORKBOOK_CHARTS:
            yield f"workbook_{name.removesuffix('_chart')}_{lang}", lambda n=name, l=lang: getattr(charts, n)(lang=l)
        for article_id in tables["articles"]["article_id"]:
            yield (f"{article_id}_practices_{lang}",
                   lambda a=article_id, l=lang: charts.practice_categories_chart(a, lang=l))
            measures = set(stats.filter(pl.col("article_id") == article_id)["measure"].cast(pl.String))
            wanted = {"changes_chart": {"change_pct"}, "counts_chart": {"level"},
                      "rates_chart": {"rate_pct", "share_pct"}, "honours_chart": {"count_years"}}
            for name in ARTICLE_CHARTS:
                if measures & wanted[name]:
                    yield (f"{article_id}_{name.removesuffix('_chart')}_{lang}",
                           lambda n=name, a=article_id, l=lang: getattr(charts, n)(a, lang=l))


def export_figures(out_dir: str | Path = "build/figures", formats=("png", "svg"), langs=("en", "zh"),
                   only: Callable[[str], bool] | None = None) -> list[Path]:
    """Write every chart to ``out_dir`` as ``<stem>.png`` / ``<stem>.svg``.

    The files are written into a temporary folder beside ``out_dir`` that replaces it
    only when every figure is done (``atomic_directory``): an export interrupted half-way leaves the previous
    figures as they were.
    """
    from .charts.renderer import to_png, to_svg

    out = Path(out_dir)
    written = []
    with atomic_directory(out) as tmp:
        for stem, build in workbook_charts(langs):
            if only and not only(stem):
                continue
            spec = build().to_dict()
            if "png" in formats:
                (tmp / f"{stem}.png").write_bytes(to_png(spec, scale=2))
            if "svg" in formats:
                (tmp / f"{stem}.svg").write_text(to_svg(spec), encoding="utf-8")
            written += [out / f"{stem}.{f}" for f in formats]
    return written
