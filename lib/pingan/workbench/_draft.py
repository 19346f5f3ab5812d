"""Propose statistics and exclusions rows for a new article: ``pingan draft FILE``.

Every number the spotter finds becomes a proposed row, for a curator to accept or edit:

- a **statistic** with the clause around it as its quote, the number as written, its value
  (negative after 下降/减少 …), qualifier, a unit guessed from the measure word (人 -> people,
  元 -> yuan, % -> percent …), a measure guessed from the unit and the clause, and a period
  guessed from the clause (2019年, 去年, 今年, 目前, 2004年以来, 到2025年 -> a target) and
  the article's date;
- or an **exclusion** when it is a date (2019年, 3月24日, an ISO date or page code) or an
  ordinal (第三).

Nothing is written into data/: the rows go to standard output (or files) as CSV with the
columns of data/statistics.csv and data/exclusions.csv. ``draft_match_rate`` measures how
often the proposal agrees with the curated rows of the workbook's own articles.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pingan.text._change_words import DECREASE, INCREASE
from pingan.text._spotter import SpottedNumber, extract_numbers_flat, squash

__all__ = ["DraftRow", "draft_article", "draft_csv", "draft_match_rate", "STATISTICS_COLUMNS",
           "EXCLUSIONS_COLUMNS"]

STATISTICS_COLUMNS = ["stat_id", "article_id", "place_code", "period", "period_basis", "indicator", "value",
                      "unit", "measure", "qualifier", "as_written", "quote", "notes"]
EXCLUSIONS_COLUMNS = ["article_id", "as_written", "quote", "reason", "notes"]

# measure word -> unit of data/statistics.csv
UNITS = {"人": "people", "名": "people", "位": "people", "人次": "person-times", "元": "yuan",
         "年": "years", "连冠": "years", "次": "times", "天": "days", "日": "days", "小时": "hours",
         "分钟": "minutes", "公里": "km", "平方公里": "km2", "斤": "jin", "percent": "percent",
         "percentage-points": "percentage-points"}
_CLAUSE_END = "。；！？;!?，,：:"
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_SINCE = re.compile(r"((?:19|20)\d{2})年(?:以来|来|至今)")
_TARGET = re.compile(r"(?:到|至|力争|计划|预计)((?:19|20)\d{2})年")
_NOW = re.compile(r"今年|目前|当前|现在|截至目前|至今|现有")
_LAST_YEAR = re.compile(r"去年")
_PEOPLE_BEFORE = re.compile(r"(?:人口|群众|志愿者|居民|人员|民警|辅警|网格员|党员|干部)[^\d]{0,3}$")


@dataclass
class DraftRow:
    """One proposed row: ``kind`` is statistic or exclusion; ``row`` has the table's columns."""

    kind: str
    start: int  # position of the number in the article without whitespace
    end: int
    row: dict = field(default_factory=dict)


def _clause(flat: str, start: int, end: int) -> tuple[int, int]:
    """The clause around flat[start:end]: from after the last clause mark before it to the next one."""
    a = max(flat.rfind(c, 0, start) for c in _CLAUSE_END) + 1
    ends = [i for i in (flat.find(c, end) for c in _CLAUSE_END) if i >= 0]
    b = min(ends) if ends else len(flat)
    # a clause too short to make sense alone (同比下降5%) takes the one before it in its sentence
    if b - a < 8 and a > 0 and flat[a - 1] in "，,：:":
        a = max(flat.rfind(c, 0, a - 1) for c in _CLAUSE_END) + 1
    return a, b


def _sentence(flat: str, start: int) -> str:
    a = max(flat.rfind(c, 0, start) for c in "。；！？;!?") + 1
    ends = [i for i in (flat.find(c, start) for c in "。；！？;!?") if i >= 0]
    return flat[a: min(ends) if ends else len(flat)]


def _is_date(x: SpottedNumber, flat: str) -> bool:
    if x.value is None:
        return True  # an ISO date or a page code
    after = flat[x.end: x.end + 1]
    if after == "年" and 1900 <= x.value <= 2100 and float(x.value).is_integer():
        return True
    if after == "月" and 1 <= x.value <= 12 and flat[x.end + 1: x.end + 2].isdigit() | ("日" in flat[x.end: x.end + 5]):
        return True
    if after in ("日", "号") and 1 <= x.value <= 31 and "月" in flat[max(0, x.start - 3): x.start]:
        return True
    return False


def _period(sentence: str, before: str, published_year: int) -> tuple[str, str]:
    """(period, period_basis) guessed from the words around the number and the article's year."""
    target = _TARGET.search(sentence)
    if target and int(target.group(1)) > published_year:
        return target.group(1), "target"
    since = _SINCE.search(sentence)
    if since and int(since.group(1)) < published_year:
        return f"{since.group(1)}-{published_year}", "stated"
    years = [int(y) for y in _YEAR.findall(before)] or [int(y) for y in _YEAR.findall(sentence)]
    years = [y for y in years if y <= published_year]
    if years:
        return str(years[-1]), "stated"
    if _LAST_YEAR.search(sentence):
        return str(published_year - 1), "stated"
    if _NOW.search(sentence):
        return str(published_year), "stated"
    return str(published_year), "inferred"


def _sign(clause_before: str) -> int:
    """-1 after a word of decrease, +1 otherwise: the nearest such word before the number wins."""
    down = [m.end() for m in DECREASE.finditer(clause_before)]
    up = [m.end() for m in INCREASE.finditer(clause_before)]
    if down and (not up or max(down) > max(up)):
        return -1
    return 1


def _measure(unit: str, clause: str, sign_word: bool) -> str:
    if unit == "percentage-points":
        return "change_pp"
    if unit == "percent":
        if sign_word:
            return "change_pct"
        return "share_pct" if "占" in clause or "比例" in clause or "比重" in clause else "rate_pct"
    if unit == "years" or (unit == "times" and re.search(r"连续|先后|次获|次被|次入选|次跻身", clause)):
        return "count_years"
    if unit in ("days", "hours", "minutes"):
        return "duration"
    return "level"


def draft_article(text: str, article_id: str, published: str, place_code: str = "") -> list[DraftRow]:
    """Proposed rows for every number the spotter finds in ``text``, in order."""
    flat, _ = squash(text)
    year = int(published[:4])
    rows: list[DraftRow] = []
    serial = 0
    for x in extract_numbers_flat(flat):
        as_written = flat[x.start:x.end]
        a, b = _clause(flat, x.start, x.end)
        quote = flat[a:b]
        if _is_date(x, flat) or x.ordinal:
            reason = "date" if not x.ordinal else "ordinal"
            rows.append(DraftRow("exclusion", x.start, x.end, {
                "article_id": article_id, "as_written": as_written, "quote": quote, "reason": reason,
                "notes": f"draft: proposed as {'a date' if reason == 'date' else 'an ordinal'}; check"}))
            continue
        serial += 1
        before = flat[a:x.start]
        unit = UNITS.get(x.unit or "", "count")
        if x.unit is None and _PEOPLE_BEFORE.search(before):
            unit = "people"  # 户籍人口15.6万, 志愿者20余万
        sign_word = unit in ("percent", "percentage-points") and bool(DECREASE.search(before) or INCREASE.search(before))
        sign = _sign(before) if sign_word else 1
        value = x.value * sign if x.value >= 0 else x.value
        period, basis = _period(_sentence(flat, x.start), flat[max(0, a - 40):x.start], year)
        measure = _measure(unit, quote, sign_word)
        rows.append(DraftRow("statistic", x.start, x.end, {
            "stat_id": f"{article_id}-{serial:03d}", "article_id": article_id, "place_code": place_code,
            "period": period, "period_basis": basis, "indicator": "", "value": f"{value:g}" if abs(value) < 1e15 else repr(value),
            "unit": unit, "measure": measure, "qualifier": x.qualifier or "exact", "as_written": as_written,
            "quote": quote, "notes": "draft: indicator to choose; unit, measure and period are guesses" +
            ("" if basis != "inferred" else f" (period: the article's year {year}, nothing in the sentence dates it)")}))
    return rows


def draft_csv(rows: list[DraftRow], kind: str) -> str:
    """The proposed rows of one kind as CSV text with the table's header."""
    columns = STATISTICS_COLUMNS if kind == "statistic" else EXCLUSIONS_COLUMNS
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(r.row for r in rows if r.kind == kind)
    return out.getvalue()


def draft_match_rate(data_dir: str | Path | None = None, sources_dir: str | Path | None = None) -> dict:
    """Draft every workbook article and compare with its curated statistics: for each curated
    row, the proposal at the same place in the text. Returns counts and rates overall and by
    article: ``value`` (the proposal is a statistic with the curated value, sign included) and
    ``all`` (value, unit and qualifier too)."""
    import polars as pl

    from pingan.analysis._coverage import _spans
    from pingan.package._loading import load_all
    from pingan.base._settings import default_sources_dir
    from pingan.text._sources import SourceTexts

    tables = load_all(data_dir, sources_dir)
    sources = SourceTexts(tables["articles"], Path(sources_dir) if sources_dir else default_sources_dir())
    if not sources.available:
        raise FileNotFoundError(f"source articles not found at {sources.dir}")
    result = {"articles": {}, "curated": 0, "value": 0, "all": 0, "period": 0, "misses": []}
    for aid, published, place in tables["articles"].select("article_id", "published", "place_code").iter_rows():
        raw = sources.raw(aid)
        flat, _ = squash(raw)
        proposals = draft_article(raw, aid, published, place)
        stats = tables["statistics"].filter(pl.col("article_id") == aid)
        counts = {"curated": 0, "value": 0, "all": 0, "period": 0}
        for r in stats.iter_rows(named=True):
            spans = _spans(flat, r["quote"], r["as_written"])
            hits = [p for p in proposals for s in spans if p.start < s[1] and s[0] < p.end]
            # where as_written occurs twice in the quote (8 in 18天…8个), the proposal that is it
            hits.sort(key=lambda p: p.row.get("as_written") != r["as_written"].replace(" ", ""))
            counts["curated"] += 1
            prop = next((p.row for p in hits if p.kind == "statistic"), None)
            ok_value = prop is not None and abs(float(prop["value"]) - r["value"]) <= 1e-9 * max(1, abs(r["value"]))
            ok_all = ok_value and prop["unit"] == r["unit"] and prop["qualifier"] == r["qualifier"]
            counts["value"] += ok_value
            counts["all"] += ok_all
            counts["period"] += prop is not None and prop["period"] == r["period"]
            if not ok_all:
                result["misses"].append((r["stat_id"], r["as_written"], r["value"], r["unit"], r["qualifier"],
                                         None if prop is None else (prop["value"], prop["unit"], prop["qualifier"])))
        result["articles"][aid] = counts
        for k in counts:
            result[k] += counts[k]
    result["value_rate"] = result["value"] / result["curated"] if result["curated"] else 0.0
    result["all_rate"] = result["all"] / result["curated"] if result["curated"] else 0.0
    result["period_rate"] = result["period"] / result["curated"] if result["curated"] else 0.0
    return result
