"""Check the data against the contract and against the source articles.

``check_package(data_dir)`` reads every table, checks everything the contract says
(columns, types, required cells, enums, patterns, uniqueness, primary and foreign
keys) and what it implies (each quote stands in its article, each value re-parses
from its quote), runs every rule of ``pingan.package.checks``, and returns the typed
tables with every problem found.
"""
from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from pingan.package._contract import read_contract
from pingan.package._reading import CheckedTable, read_table
from pingan.package.checks import run_checks
from pingan.text._numbers import NumberParseError, parse_number
from pingan.base._settings import display_path
from pingan.base._problems import Problem
from pingan.text._change_words import DECREASE, INCREASE
from pingan.text._matching import SourceTexts, squash_ws

__all__ = ["check_package"]

LEVEL_ORDER = ["province", "prefecture", "county", "township", "village"]
MEASURE_UNITS = {"change_pp": {"percentage-points"}, "change_pct": {"percent"},
                 "share_pct": {"percent"}, "rate_pct": {"percent"}}


def _check_keys(t: CheckedTable, tables: dict[str, CheckedTable], problems: list[Problem]):
    res, df = t.resource, t.frame
    for f in res.fields:
        if f.unique and not (len(res.primary_key) == 1 and res.primary_key[0] == f.name):
            _duplicates(t, (f.name,), "duplicate value", problems)
    if res.primary_key:
        _duplicates(t, res.primary_key, "duplicate primary key", problems)
    for fields, target, ref_fields in res.foreign_keys:
        other = tables.get(target)
        if other is None or other.frame is None:
            continue
        known = set(other.frame.select(ref_fields).iter_rows())
        for i, key in enumerate(df.select(fields).iter_rows()):
            if any(v is None for v in key):
                continue
            if key not in known:
                shown = key[0] if len(key) == 1 else key
                problems.append(Problem(t.file, t.lines[i], ",".join(fields),
                                        f"{shown!r} is not a {'/'.join(ref_fields)} in {other.file}"))


def _duplicates(t: CheckedTable, cols: tuple[str, ...], what: str, problems: list[Problem]):
    seen: dict[tuple, int] = {}
    for i, key in enumerate(t.frame.select(cols).iter_rows()):
        if any(v is None for v in key):
            continue
        if key in seen:
            shown = key[0] if len(key) == 1 else key
            problems.append(Problem(t.file, t.lines[i], ",".join(cols),
                                    f"{what} {shown!r} (first on line {seen[key]})"))
        else:
            seen[key] = t.lines[i]


def _check_quotes(t: CheckedTable, sources: SourceTexts, problems: list[Problem]):
    """Each quote stands in its article (as_written in its quote: meaning_checks)."""
    cols = t.frame.columns
    if "quote" not in cols or "article_id" not in cols:
        return
    for i, row in enumerate(t.frame.select("article_id", "quote").iter_rows()):
        article_id, quote = row[0], row[1]
        if article_id is None or quote is None:
            continue
        text = sources.flat(article_id)
        if text is None:
            continue  # a missing article is reported once by the sources check
        if squash_ws(quote) not in text:
            problems.append(Problem(t.file, t.lines[i], "quote",
                                    f"not found in {sources.file_of(article_id)} (spaces and line breaks ignored): {quote[:40]!r}"))


def _check_statistic_values(t: CheckedTable, problems: list[Problem]):
    """The value re-parses from as_written, with the stated unit, qualifier and sign."""
    for i, r in enumerate(t.frame.iter_rows(named=True)):
        where = lambda col, msg, i=i: problems.append(Problem(t.file, t.lines[i], col, msg))
        if r["as_written"] is None or r["value"] is None:
            continue
        try:
            num = parse_number(r["as_written"])
        except NumberParseError as e:
            where("as_written", str(e))
            continue
        value, measure, unit = r["value"], r["measure"], r["unit"]
        magnitude = abs(value) if measure in ("change_pct", "change_pp") else value
        if abs(magnitude - num.value) > 1e-9 * max(1.0, abs(num.value)):
            where("value", f"{value:g} does not match {r['as_written']!r}, which reads {num.value:g}")
        if num.qualifier != r["qualifier"]:
            where("qualifier", f"{r['qualifier']!r} but {r['as_written']!r} reads as {num.qualifier!r}")
        if num.unit == "percent" and unit != "percent":
            where("unit", f"{unit!r} but {r['as_written']!r} is a percentage")
        if num.unit == "percentage-points" and unit != "percentage-points":
            where("unit", f"{unit!r} but {r['as_written']!r} is in percentage points")
        if num.unit is None and unit in ("percent", "percentage-points"):
            where("unit", f"{unit!r} but {r['as_written']!r} has no percent sign")
        if measure in MEASURE_UNITS and unit not in MEASURE_UNITS[measure]:
            where("unit", f"measure {measure!r} needs unit {' or '.join(sorted(MEASURE_UNITS[measure]))}")
        if value < 0 and measure not in ("change_pct", "change_pp"):
            where("value", f"negative {value:g} but measure {measure!r} is not a change")
        quote = r["quote"] or ""
        if measure in ("change_pct", "change_pp"):
            if value < 0 and not DECREASE.search(quote):
                where("value", "negative (a decrease) but the quote has no word of decrease (降, 减 …)")
            if value > 0 and not INCREASE.search(quote):
                where("value", "positive (an increase) but the quote has no word of increase (升, 增, 提高 …)")
        period = r["period"] or ""
        if "-" in period and period[:4] >= period[5:]:
            where("period", f"{period!r} does not run forwards")


def _check_places(t: CheckedTable, problems: list[Problem]):
    df = t.frame
    level_of = dict(zip(df["place_code"].to_list(), df["level"].cast(pl.String).to_list()))
    province_of = dict(zip(df["place_code"].to_list(), df["province_code"].to_list()))
    for i, r in enumerate(df.iter_rows(named=True)):
        code, parent, level, scheme = r["place_code"], r["parent_code"], r["level"], r["code_scheme"]
        if code is None:
            continue
        where = lambda col, msg, i=i: problems.append(Problem(t.file, t.lines[i], col, msg))
        province = r["province_code"]
        if province and level == "province" and province != code:
            where("province_code", f"{province!r} but a province is its own province ({code!r})")
        if province and province_of.get(parent) and province != province_of[parent]:
            where("province_code", f"{province!r} but its parent {parent!r} is in province {province_of[parent]!r}")
        if scheme == "gb2260" and not re.fullmatch(r"\d{6}", code):
            where("place_code", f"{code!r} is not a six-digit GB/T 2260 code but code_scheme is gb2260")
        if scheme == "workbook" and parent and not code.startswith(parent + "-"):
            where("place_code", f"workbook code {code!r} must be its parent's code {parent!r}, '-' and a slug")
        if level == "province" and parent:
            where("parent_code", "a province has no parent")
        if level and level != "province" and not parent:
            where("parent_code", f"required for a {level}")
        if parent in level_of and level in LEVEL_ORDER and level_of[parent] in LEVEL_ORDER:
            if LEVEL_ORDER.index(level) <= LEVEL_ORDER.index(level_of[parent]):
                where("level", f"{level!r} is not below its parent's level {level_of[parent]!r}")


def _check_links(t: CheckedTable, practices: CheckedTable, problems: list[Problem]):
    """A link joins two different practices of the link's own article."""
    article_of = dict(practices.frame.select("practice_id", "article_id").iter_rows())
    for i, r in enumerate(t.frame.select("article_id", "from_practice", "to_practice").iter_rows(named=True)):
        aid = r["article_id"]
        for col in ("from_practice", "to_practice"):
            pid = r[col]
            other = article_of.get(pid)
            if aid and other and other != aid:
                problems.append(Problem(t.file, t.lines[i], col, f"{pid!r} belongs to article {other!r} in "
                                        f"{practices.file}, not to {aid!r}: a link joins practices of one article"))
        if r["from_practice"] and r["from_practice"] == r["to_practice"]:
            problems.append(Problem(t.file, t.lines[i], "to_practice", f"{r['to_practice']!r} links to itself"))


def _check_practice_places(t: CheckedTable, practices: CheckedTable, problems: list[Problem]):
    """A practice's places: its name abbreviates each by ``name_part`` when one is given, and one
    place, no more, is its home."""
    name_of = dict(practices.frame.select("practice_id", "name_zh").iter_rows())
    homes: dict[str, int] = {}
    for i, r in enumerate(t.frame.select("practice_id", "role", "name_part").iter_rows(named=True)):
        name = name_of.get(r["practice_id"])
        if r["name_part"] and name and r["name_part"] not in name:
            problems.append(Problem(t.file, t.lines[i], "name_part", f"{r['name_part']!r} is not in the practice's "
                                    f"name {name!r} ({practices.file})"))
        if r["role"] == "home":
            if r["practice_id"] in homes:
                problems.append(Problem(t.file, t.lines[i], "role", f"{r['practice_id']!r} has a home already "
                                        f"(line {homes[r['practice_id']]}); a practice has one"))
            homes.setdefault(r["practice_id"], t.lines[i])
    for pid in dict.fromkeys(t.frame["practice_id"].to_list()):
        if pid and pid not in homes:
            problems.append(Problem(t.file, 1, "role", f"{pid!r} has no home place (role 'home')"))


# which figures each kind of consistency check needs (True), refuses (False)
_CHECK_NEEDS = {"implied_rate": {"denominator": True, "stated_rate": True},
                "implied_total": {"denominator": False, "stated_rate": True},
                "ratio": {"denominator": True, "stated_rate": False}}


def _check_consistency_checks(t: CheckedTable, problems: list[Problem]):
    """Each check names the figures its kind needs, and no other."""
    for i, r in enumerate(t.frame.with_columns(pl.col(pl.Enum).cast(pl.String)).iter_rows(named=True)):
        for col, needed in _CHECK_NEEDS.get(r["kind"], {}).items():
            if needed and not r[col]:
                problems.append(Problem(t.file, t.lines[i], col, f"a {r['kind']} check needs its {col}"))
            elif not needed and r[col]:
                problems.append(Problem(t.file, t.lines[i], col, f"a {r['kind']} check has no {col}; leave it empty"))


def _check_dates(t: CheckedTable, date_col: str, problems: list[Problem]):
    lengths = {"year": 4, "month": 7, "day": 10}
    for i, (d, p) in enumerate(t.frame.select(date_col, "date_precision").iter_rows()):
        if d is not None and p is not None and len(d) != lengths[p]:
            problems.append(Problem(t.file, t.lines[i], "date_precision",
                                    f"{p!r} but {date_col} {d!r} has {len(d)} characters"))


def check_package(data_dir: Path, sources_dir: Path | None, require_sources: bool = False
                  ) -> tuple[dict[str, CheckedTable], list[Problem]]:
    """Every table, typed, and every problem in the package. Quotes are checked
    against ``sources_dir`` when it exists; when it does not, that is a problem only
    if ``require_sources``."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    pkg = display_path(data_dir / "datapackage.json")
    try:
        contract = read_contract(data_dir)
    except FileNotFoundError:
        return {}, [Problem(pkg, 1, None, "datapackage.json is missing")]
    except (ValueError, KeyError) as e:
        return {}, [Problem(pkg, 1, None, f"datapackage.json is not a valid data package: {e}")]
    tables = {name: read_table(res, data_dir, problems) for name, res in contract.items()}
    ready = {n: t for n, t in tables.items() if t.frame is not None}
    for t in ready.values():
        _check_keys(t, ready, problems)
    if "places" in ready:
        _check_places(ready["places"], problems)
    if "articles" in ready:
        _check_dates(ready["articles"], "published", problems)
    if "timeline" in ready:
        _check_dates(ready["timeline"], "date", problems)
    if "statistics" in ready:
        _check_statistic_values(ready["statistics"], problems)
    if "practice_links" in ready and "practices" in ready:
        _check_links(ready["practice_links"], ready["practices"], problems)
    if "consistency_checks" in ready:
        _check_consistency_checks(ready["consistency_checks"], problems)
    if "practice_places" in ready and "practices" in ready:
        _check_practice_places(ready["practice_places"], ready["practices"], problems)
    # one reader of the article texts for every check below: each text is read and squashed once
    sources = SourceTexts(ready["articles"].frame, sources_dir) if "articles" in ready else None
    problems.extend(run_checks(ready, sources, pkg))
    if sources is not None:
        if sources.available:
            for t in ready.values():
                _check_quotes(t, sources, problems)
            arts = ready["articles"]
            for i, (aid, f) in enumerate(arts.frame.select("article_id", "source_file").iter_rows()):
                if f and sources.flat(aid) is None:
                    problems.append(Problem(arts.file, arts.lines[i], "source_file",
                                            f"{f!r} is not in {display_path(sources_dir)}"))
        elif require_sources:
            problems.append(Problem(pkg, 1, None, f"source articles not found at {sources_dir}: quotes cannot be checked"))
    return tables, problems
