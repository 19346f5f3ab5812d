"""Export every chart of the workbook as PNG and SVG, with Chinese text drawn in Noto Sans CJK.

    pingan figures build/figures            # every chart, English and Chinese labels

Images carry the workbook's theme whether or not ``pingan.enable_charts()`` was called.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pingan.base._atomic import atomic_directory

__all__ = ["workbook_charts", "chart_calls", "export_figures", "export_style_examples", "ARTICLE_CHARTS",
           "WORKBOOK_CHARTS", "MODEL_CHARTS", "STYLE_EXAMPLES", "example_article"]

# builder → the measures it draws; an article gets the chart only when it states one
ARTICLE_CHARTS = {"changes_chart": {"change_pct"}, "counts_chart": {"level"},
                  "rates_chart": {"rate_pct", "share_pct"}, "honours_chart": {"count_years"}}
# drawn once for the whole workbook
WORKBOOK_CHARTS = ("overview_chart", "timeline_chart", "zhejiang_map", "practice_heatmap", "shared_indicators_chart",
                   "per_capita_chart", "honours_chart", "changes_chart", "template_matrix_chart",
                   "term_emphasis_chart", "border_map")
# drawn for every article (every article has practices and sections)
MODEL_CHARTS = ("practice_categories_chart", "architecture_chart", "templates_chart", "sections_chart",
                "sections_detail_chart")


def chart_calls(tables: dict) -> Iterator[tuple[str, str, tuple, dict]]:
    """(file stem without language, builder name, arguments, keywords) for every chart the
    workbook draws. Every builder in ``pingan.charts.BUILDERS`` is called at least once: a
    builder added there without a call here is an error, so the export and the style sweep
    (tests/test_chart_style.py) cannot miss it."""
    import polars as pl

    from pingan.charts import BUILDERS
    from pingan.charts._statistics_charts import COUNT_UNITS

    stats = tables["statistics"].with_columns(pl.col(pl.Enum).cast(pl.String))
    domains = dict(zip(tables["indicators"]["indicator"], tables["indicators"]["domain"].cast(pl.String)))
    articles = tables["articles"].sort("published", "article_id")
    called = set()

    def call(stem, name, *args, **kwargs):
        called.add(name)
        return stem, name, args, kwargs

    for name in WORKBOOK_CHARTS:
        yield call(f"workbook_{name.removesuffix('_chart')}", name)
    if "coverage_chart" in BUILDERS:
        from pingan.analysis._coverage import audit_coverage
        yield call("workbook_coverage", "coverage_chart", audit_coverage())
    for article_id in articles["article_id"]:
        for name in MODEL_CHARTS:
            yield call(f"{article_id}_{name.removesuffix('_chart')}", name, article_id)
        own = stats.filter(pl.col("article_id") == article_id)
        counts = own.filter((pl.col("measure") == "level") & pl.col("unit").is_in(COUNT_UNITS) & (pl.col("value") > 0))
        measures = set(own["measure"]) - {"level"} | ({"level"} if counts.height else set())
        for name, wanted in ARTICLE_CHARTS.items():
            if measures & wanted:
                yield call(f"{article_id}_{name.removesuffix('_chart')}", name, article_id)
        if any(domains.get(i) != "honours" for i in counts["indicator"]):
            yield call(f"{article_id}_capacity", "capacity_chart", article_id)
    # an article beside the one before it about the same city (a district's article belongs to its city)
    from pingan.analysis._frames import city_code_expr
    city = articles.with_columns(city=city_code_expr(tables))
    for _, group in city.group_by("city", maintain_order=True):
        ids = group["article_id"].to_list()
        for a, b in zip(ids, ids[1:]):
            for by in ("templates", "terms"):
                yield call(f"{a}_{b}_{by}", "two_articles_chart", a, b, by=by)
    missing = sorted(set(BUILDERS) - called)
    if missing:
        raise LookupError(f"pingan.charts.BUILDERS has {missing}, which the figure export does not call; "
                          "add them to pingan.workbench._figures.chart_calls")


def workbook_charts(langs=("en", "zh"), tables: dict | None = None) -> Iterator[tuple[str, Callable]]:
    """(file stem, builder) for every chart the workbook draws (see :func:`chart_calls`), in each language."""
    from pingan import charts
    from pingan.package._loading import load_all

    t = tables if tables is not None else load_all()
    calls = list(chart_calls(t))
    for lang in langs:
        for stem, name, args, kwargs in calls:
            yield (f"{stem}_{lang}",
                   lambda n=name, a=args, k=kwargs, l=lang: getattr(charts, n)(*a, tables=t, lang=l, **k))


def export_figures(out_dir: str | Path = "build/figures", formats=("png", "svg"), langs=("en", "zh"),
                   only: Callable[[str], bool] | None = None, tables: dict | None = None) -> list[Path]:
    """Write every chart to ``out_dir`` as ``<stem>.png`` / ``<stem>.svg``.

    The files are written into a temporary folder beside ``out_dir`` that replaces it
    only when every figure is done (``atomic_directory``): an export interrupted half-way leaves the previous
    figures as they were.
    """
    from pingan.charts import _renderer as renderer

    out = Path(out_dir)
    written = []
    with atomic_directory(out) as tmp:
        for stem, build in workbook_charts(langs, tables):
            if only and not only(stem):
                continue
            spec = build().to_dict()
            if "png" in formats:
                (tmp / f"{stem}.png").write_bytes(renderer.to_png(spec, scale=2))
            if "svg" in formats:
                (tmp / f"{stem}.svg").write_text(renderer.to_svg(spec), encoding="utf-8")
            written += [out / f"{stem}.{f}" for f in formats]
    return written


# one example of each chart type, as docs/charts.md shows them: (builder, what its article must
# state — a statistics measure, or "practices" — or None for a chart of every article, keywords).
# The article is found in the data (the first, in publication order, that states it; the
# second for a second example of the same chart), never named here.
STYLE_EXAMPLES = {
    "changes": ("changes_chart", ("change_pct", 0), {}),
    "counts": ("counts_chart", ("level", 0), {}),
    "rates": ("rates_chart", ("rate_pct", 0), {}),
    "honours": ("honours_chart", None, {}),
    "shared_indicators": ("shared_indicators_chart", None, {}),
    "per_capita": ("per_capita_chart", None, {}),
    "practice_categories": ("practice_categories_chart", ("practices", 0), {}),
    "practice_heatmap": ("practice_heatmap", None, {}),
    "practice_heatmap_zh": ("practice_heatmap", None, {"lang": "zh"}),
    "timeline": ("timeline_chart", None, {}),
    "map": ("zhejiang_map", None, {}),
    "overview": ("overview_chart", None, {}),
    "changes_zh": ("changes_chart", ("change_pct", 1), {"lang": "zh"}),
}


def example_article(tables: dict, needs: str, nth: int = 0) -> str:
    """The ``nth`` article (publication order) that states a figure of measure ``needs``
    (``"practices"``: that names a practice); the one before it when there are fewer."""
    import polars as pl
    from pingan.package._selection import article_order
    if needs == "practices":
        having = set(tables["practices"]["article_id"].to_list())
    else:
        stats = tables["statistics"]
        if needs == "level":
            from pingan.charts._statistics_charts import COUNT_UNITS
            stats = stats.filter(pl.col("unit").cast(pl.String).is_in(list(COUNT_UNITS)))
        having = set(stats.filter(pl.col("measure").cast(pl.String) == needs)["article_id"].to_list())
    found = [a for a in article_order(tables) if a in having]
    if not found:
        raise ValueError(f"no article states {needs!r}; the style guide has no example to draw")
    return found[min(nth, len(found) - 1)]


def export_style_examples(out_dir: str | Path | None = None, tables: dict | None = None, scale: float = 1.25
                          ) -> list[Path]:
    """The style guide's example images (docs/charts/<name>.png, palette PNGs), rebuilt from the data.

    ``python -c "from pingan.workbench._figures import export_style_examples; export_style_examples()"``
    """
    from pingan import charts
    from pingan.charts import _renderer as renderer
    from pingan.charts._png import palette_png
    from pingan.package._loading import load_all
    from pingan.base._settings import REPO

    out = Path(out_dir) if out_dir else REPO / "docs" / "charts"
    out.mkdir(parents=True, exist_ok=True)
    t = tables if tables is not None else load_all()
    written = []
    for name, (builder, needs, kwargs) in STYLE_EXAMPLES.items():
        args = (example_article(t, *needs),) if needs else ()
        spec = getattr(charts, builder)(*args, tables=t, **kwargs).to_dict()
        path = out / f"{name}.png"
        path.write_bytes(palette_png(renderer.to_png(spec, scale=scale)))
        written.append(path)
    return written
