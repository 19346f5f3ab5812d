"""The ``pingan`` command line: validate, extract, coverage, draft, terms, dictionary, sources, add-article, site, figures, export."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["main"]


def _validate(args) -> int:
    from pingan.package._loading import validate
    from pingan.base._settings import default_data_dir
    problems = validate(args.data_dir, args.sources, require_sources=args.require_sources)
    for p in problems:
        print(p)
    data_dir = args.data_dir or default_data_dir()
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {data_dir}", file=sys.stderr)
        return 1
    print(f"ok: {data_dir} matches its datapackage.json and its quotes stand in their articles")
    return 0


def _extract(args) -> int:
    from pingan.text._spotter import extract_numbers
    text = Path(args.file).read_text(encoding="utf-8")
    found = extract_numbers(text)
    if args.json:
        print(json.dumps([x.as_dict() for x in found], ensure_ascii=False, indent=1))
        return 0
    for x in found:
        value = "" if x.value is None else f"{x.value:g}"
        print(f"{args.file}:{x.line}: {x.text}\tvalue={value}\tunit={x.unit or ''}\t"
              f"magnitude={x.magnitude or ''}\tqualifier={x.qualifier or ''}\t…{x.context}…")
    print(f"{len(found)} numbers", file=sys.stderr)
    return 0


def _report_problems(problems, data_dir) -> int:
    """Print each problem as ``file:line: column: message`` (as `validate` does); exit status 1."""
    for p in problems:
        print(p)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} in {data_dir}", file=sys.stderr)
    return 1


def _coverage(args) -> int:
    from pingan.analysis._coverage import audit_coverage
    from pingan.base._settings import default_data_dir
    from pingan.base._problems import DataValidationError
    try:
        report = audit_coverage(args.data_dir, args.sources)
    except DataValidationError as e:  # the audit needs valid data: list what is wrong, like validate
        return _report_problems(e.problems, args.data_dir or default_data_dir())
    except FileNotFoundError as e:  # no source articles
        print(f"pingan coverage: {e}", file=sys.stderr)
        return 1
    print(report.summary())
    for i in report.unexplained:
        print(f"{i.source_file}:{i.line}: [{i.article_id}] unexplained number {i.text!r} in …{i.context}…")
    if args.verbose:
        for u in report.unused_exclusions:
            print(f"note: exclusion {u['as_written']!r} ({u['article_id']}) matches no number the spotter finds")
    elif report.unused_exclusions:
        print(f"{len(report.unused_exclusions)} exclusions document numerals the spotter does not report "
              "(fixed expressions such as 五联, 十九大); --verbose lists them")
    n = len(report.unexplained)
    print(f"{n} unexplained number{'s' if n != 1 else ''} in {len(report.items)}", file=sys.stderr)
    return 1 if n else 0


def _draft(args) -> int:
    from pingan.workbench._draft import draft_article, draft_csv, draft_match_rate
    if args.match_rate:
        r = draft_match_rate(args.data_dir, args.sources)
        for aid, c in r["articles"].items():
            print(f"{aid}: {c['value']}/{c['curated']} values, {c['all']}/{c['curated']} with unit and qualifier, "
                  f"{c['period']}/{c['curated']} periods")
        print(f"draft proposals match the curated value (sign included) for {r['value']}/{r['curated']} "
              f"= {r['value_rate']:.1%} of curated statistics; value, unit and qualifier for {r['all']}/{r['curated']} "
              f"= {r['all_rate']:.1%}; period for {r['period']}/{r['curated']} = {r['period_rate']:.1%}")
        return 0
    if args.file is None:
        print("pingan draft: give a FILE (or --match-rate)", file=sys.stderr)
        return 2
    article_id, published, place = args.article_id, args.published, args.place or ""
    if article_id is None or published is None:
        from pingan.package._loading import load
        arts = load("articles", args.data_dir, args.sources)
        match = [r for r in arts.iter_rows(named=True)
                 if r["article_id"] == article_id or (article_id is None and r["source_file"] == args.file.name)]
        if match:
            article_id = article_id or match[0]["article_id"]
            published = published or match[0]["published"]
            place = place or match[0]["place_code"]
    if article_id is None or published is None:
        print("pingan draft: a new article needs --article-id and --published (YYYY or YYYY-MM-DD)", file=sys.stderr)
        return 2
    import re
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        print(f"pingan draft: --published {published!r} is not YYYY, YYYY-MM or YYYY-MM-DD", file=sys.stderr)
        return 2
    rows = draft_article(args.file.read_text(encoding="utf-8"), article_id, published, place)
    stats, excl = draft_csv(rows, "statistic"), draft_csv(rows, "exclusion")
    n_stats = sum(r.kind == "statistic" for r in rows)
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        (args.out_dir / "statistics.csv").write_text(stats, encoding="utf-8")
        (args.out_dir / "exclusions.csv").write_text(excl, encoding="utf-8")
        print(f"wrote {n_stats} proposed statistics and {len(rows) - n_stats} proposed exclusions to {args.out_dir}")
    else:
        print("# statistics.csv (proposed)")
        print(stats, end="")
        print("# exclusions.csv (proposed)")
        print(excl, end="")
        print(f"{n_stats} proposed statistics, {len(rows) - n_stats} proposed exclusions", file=sys.stderr)
    return 0


def _dictionary(args) -> int:
    from pingan.workbench._dictionary import data_dictionary_markdown, update_doc
    if args.update:
        print(f"updated {update_doc(args.update, args.data_dir)}")
    else:
        print(data_dictionary_markdown(args.data_dir), end="")
    return 0


def _sources(args) -> int:
    from pingan.workbench._fixity import source_hashes, sources_markdown, update_sources_doc
    if args.update:
        print(f"updated {update_sources_doc(args.update, args.sources, args.data_dir)}")
    else:
        print(sources_markdown(source_hashes(args.sources, args.data_dir)), end="")
    return 0


def _figures(args) -> int:
    from pingan.workbench._figures import export_figures
    files = export_figures(args.out_dir, formats=tuple(args.format or ("png", "svg")))
    print(f"wrote {len(files)} files to {args.out_dir}")
    return 0


def _export(args) -> int:
    from pingan.workbench._export import export_tables
    try:
        files = export_tables(args.out_dir, formats=tuple(args.format or ("csv", "parquet")), data_dir=args.data_dir)
    except (OSError, ValueError) as e:  # a refused target, or data that fail validation
        print(f"pingan export: {e}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} files to {args.out_dir}")
    return 0


def _add_article(args) -> int:
    from pingan.workbench._new_article import NewArticle, add_article
    from pingan.base._settings import default_sources_dir
    article = NewArticle(article_id=args.id, title_zh=args.title_zh, title_en=args.title_en,
                         published=args.published, place_code=args.place_code, summary_en=args.summary_en,
                         outlet=args.outlet, authors=args.authors, date_basis=args.date_basis,
                         period_covered=args.period_covered)
    try:
        added = add_article(args.source, article, args.data_dir, args.sources, args.notebooks_dir, args.source_file)
    except ValueError as e:
        print(f"pingan add-article: {e}", file=sys.stderr)
        return 1
    sources = args.sources or default_sources_dir()
    data = f" {args.data_dir}" if args.data_dir else ""
    data_opt = f" --data-dir {args.data_dir}" if args.data_dir else ""
    print(f"added {article.article_id}: its text is {added.source}, its row is in articles.csv, "
          f"its notebook is {added.notebook}\nnext (README, 'Adding an article'):\n"
          f"  pingan extract {added.source}      # every number in it\n"
          f"  curate statistics.csv, exclusions.csv, practices.csv (and places, glossary, timeline)\n"
          f"  pingan validate{data} --sources {sources}   # must print ok\n"
          f"  pingan coverage{data_opt} --sources {sources}   # must report 0 unexplained numbers\n"
          f"  python3 run.py notebooks && python3 run.py test")
    return 0


def _site(args) -> int:
    import time
    from pingan.workbench._site import build_site
    start = time.perf_counter()
    out = build_site(args.out_dir)
    print(f"built {out} in {time.perf_counter() - start:.1f} s: open {out / 'index.html'}")
    return 0


def _terms(args) -> int:
    from pingan.base._problems import DataValidationError
    from pingan.text._sources import SourcesNotFoundError
    try:
        if args.refresh:
            from pingan.workbench._terms import refresh_term_counts
            path, n = refresh_term_counts(args.data_dir, args.sources)
            print(f"wrote {n} counts to {path}")
            return 0
        from pingan.package._loading import load_all
        from pingan.analysis._terms import term_frequencies
        freq = term_frequencies(tables=load_all(args.data_dir, args.sources))
    except (DataValidationError, SourcesNotFoundError) as e:
        print(f"pingan terms: {e}", file=sys.stderr)
        return 1
    import polars as pl
    wide = freq.pivot("article_id", index="term", values="per_1000_chars", maintain_order=True)
    with pl.Config(tbl_rows=-1, tbl_cols=-1, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True,
                   float_precision=2, tbl_width_chars=200):
        print("Occurrences per 1,000 characters (data/term_counts.csv; `pingan terms --refresh` recounts it)")
        print(wide)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pingan", description="Ping An Zhejiang workbook tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check the data package; exit 1 on any problem")
    p.add_argument("data_dir", nargs="?", type=Path, help="folder with datapackage.json (default: the workbook's data/)")
    p.add_argument("--sources", type=Path, help="folder with the source articles (default: $PINGAN_SOURCES or ../shared/sources)")
    p.add_argument("--require-sources", action="store_true",
                   help="report missing article texts as problems (default: check quotes only where the texts are found)")
    p.set_defaults(run=_validate)
    p = sub.add_parser("extract", help="list every number in a Chinese text")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON instead of lines")
    p.set_defaults(run=_extract)
    p = sub.add_parser("coverage", help="report numbers in the articles that are neither curated nor excluded")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--sources", type=Path)
    p.add_argument("--verbose", action="store_true", help="also list exclusions that match no spotted number")
    p.set_defaults(run=_coverage)
    p = sub.add_parser("draft", help="propose statistics and exclusions rows (CSV) for an article, for a curator")
    p.add_argument("file", nargs="?", type=Path, help="the article as UTF-8 text")
    p.add_argument("--article-id", help="its article_id (default: the articles.csv row whose source_file is FILE's name)")
    p.add_argument("--published", help="its publication date, YYYY or YYYY-MM-DD (default: from articles.csv)")
    p.add_argument("--place", help="place_code for the proposed statistics (default: the article's, if known)")
    p.add_argument("--out-dir", type=Path, help="write statistics.csv and exclusions.csv here instead of printing")
    p.add_argument("--match-rate", action="store_true",
                   help="instead: measure how often the proposals match the curated rows of the five articles")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--sources", type=Path)
    p.set_defaults(run=_draft)
    p = sub.add_parser("dictionary", help="print the data dictionary (Markdown) from datapackage.json")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--update", "--update-readme", type=Path, metavar="DOC", dest="update",
                   help="rewrite DOC's generated data-dictionary section in place (docs/data-dictionary.md)")
    p.set_defaults(run=_dictionary)
    p = sub.add_parser("sources", help="print each source article's SHA-256 (Markdown), or update docs/sources.md")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--sources", type=Path)
    p.add_argument("--update", type=Path, metavar="DOC", help="rewrite DOC's generated table of hashes in place")
    p.set_defaults(run=_sources)
    p = sub.add_parser("add-article", help="register a new article: its articles.csv row, its text, its notebook",
                       description="Copy the article's text into the sources folder, append its row to "
                       "articles.csv and create notebooks/NN_<id>.ipynb from a starter that runs. Nothing is "
                       "written unless every check passes; nothing is overwritten.")
    p.add_argument("--source", type=Path, required=True, help="the article's text, UTF-8")
    p.add_argument("--id", required=True, help="article_id: place and year, lower case with hyphens (hangzhou-2023)")
    p.add_argument("--title-zh", required=True, help="headline as printed, in Chinese")
    p.add_argument("--title-en", required=True, help="headline in English")
    p.add_argument("--published", required=True, help="publication date: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--place-code", required=True, help="the place it is about: a place_code in places.csv")
    p.add_argument("--summary-en", required=True, help="one-sentence English summary")
    p.add_argument("--outlet", default="not printed", help="newspaper that printed it (default: not printed)")
    p.add_argument("--authors", default="not printed", help="by-line as printed (default: not printed)")
    p.add_argument("--date-basis", default="printed", help="printed, or inferred with the evidence (default: printed)")
    p.add_argument("--period-covered", help="YYYY or YYYY-YYYY the figures describe (default: the year published)")
    p.add_argument("--source-file", help="name for the text in the sources folder (default: <id>.txt)")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--sources", type=Path, help="sources folder (default: $PINGAN_SOURCES or ../shared/sources)")
    p.add_argument("--notebooks-dir", type=Path, help="default: the repository's notebooks/")
    p.set_defaults(run=_add_article)
    p = sub.add_parser("site", help="build the static website: a page per notebook, downloads, offline charts")
    p.add_argument("out_dir", nargs="?", type=Path, default=Path("build/site"), metavar="OUT_DIR",
                   help="folder to build into, replaced when the build succeeds (default: build/site)")
    p.set_defaults(run=_site)
    p = sub.add_parser("figures", help="export every chart as PNG and SVG (Chinese text in Noto Sans CJK)")
    p.add_argument("out_dir", nargs="?", type=Path, default=Path("build/figures"))
    p.add_argument("--format", action="append", choices=["png", "svg"], help="repeatable; default both")
    p.set_defaults(run=_figures)
    p = sub.add_parser("export", help="write every table as CSV and Parquet, with datapackage.json, atomically")
    p.add_argument("out_dir", type=Path, help="folder to (re)write: missing, empty, or a previous export")
    p.add_argument("--format", action="append", choices=["csv", "parquet"], help="repeatable; default both")
    p.add_argument("--data-dir", type=Path)
    p.set_defaults(run=_export)
    p = sub.add_parser("terms", help="key governance terms per 1,000 characters of each article; "
                       "--refresh recounts data/term_counts.csv from the article texts")
    p.add_argument("--refresh", action="store_true", help="rewrite data/term_counts.csv from the source articles")
    p.add_argument("--data-dir", type=Path)
    p.add_argument("--sources", type=Path, help="folder with the source articles (default: $PINGAN_SOURCES or ../shared/sources)")
    p.set_defaults(run=_terms)
    args = parser.parse_args(argv)
    from pingan.base._settings import DataNotFoundError
    try:
        return args.run(args)
    except DataNotFoundError as e:  # an installed package without its data, or a wrong $PINGAN_DATA
        print(f"pingan {args.command}: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - `pingan extract … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
