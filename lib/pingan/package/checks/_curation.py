"""Curation rules that used to live only in the test suite, now run by ``pingan validate``.

Each check is a small function from the tables it reads (``CheckedTable``: the typed frame with
each row's line in its file) to a list of ``Problem(file, line, column, message)``; each has a
code (``CHECKS`` maps code → function) and is unit-tested on a tiny in-memory table
(tests/test_checks.py), after frictionless-py's ``checks/``."""
from __future__ import annotations

import re
from collections.abc import Callable

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.package.checks._meaning import name_stem
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "tone_marks", "inferred_periods_explained", "rows_inside_article_city",
           "family_shown_in_quote", "signature_names_carry_family", "prefecture_of", "places_used"]

TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
PINYIN_COLUMNS = {"glossary": "pinyin", "places": "pinyin", "practices": "pinyin", "families": "pinyin",
                  "governance_terms": "pinyin", "article_sections": "pinyin"}


def _terms(cell: str | None) -> list[str]:
    return [t for t in (cell or "").split("|") if t]


def tone_marks(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """pinyin-tone: every pinyin cell carries tone marks (plain 'pingan' is not pinyin a reader can say)."""
    out = []
    for name, col in PINYIN_COLUMNS.items():
        t = tables.get(name)
        if t is None or col not in t.frame.columns:
            continue
        for i, v in enumerate(t.frame[col].to_list()):
            if v and re.search(r"[a-z]", v) and not TONE.search(v):
                out.append(Problem(t.file, t.lines[i], col, f"{v!r} has no tone marks (write Hanyu pinyin with "
                                                            "tone marks, e.g. píng'ān)"))
    return out


def inferred_periods_explained(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """period-inferred: a statistic whose period is inferred says in its notes how."""
    t = tables.get("statistics")
    if t is None:
        return []
    out = []
    for i, (basis, notes) in enumerate(t.frame.select("period_basis", "notes").iter_rows()):
        if str(basis) == "inferred" and not notes:
            out.append(Problem(t.file, t.lines[i], "notes", "the period is inferred: say in notes how "
                                                             "(which words of the article date it)"))
    return out


def prefecture_of(places: dict[str, tuple[str | None, str]], code: str) -> str | None:
    """The prefecture (city) a place lies in, following parent_code upwards; None above prefecture."""
    seen = set()
    while code and code not in seen:
        seen.add(code)
        parent, level = places.get(code, (None, ""))
        if level == "prefecture":
            return code
        code = parent
    return None


def rows_inside_article_city(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """place-in-city: a row's place lies in its article's city (found through parent_code), or is the
    province, or lies outside the province the articles are about (Zhejiang; cross-border partners);
    never in another city of that province."""
    if "places" not in tables or "articles" not in tables:
        return []
    pf = tables["places"].frame
    places = {c: (p, str(lvl)) for c, p, lvl in pf.select("place_code", "parent_code", "level").iter_rows()}
    province = dict(pf.select("place_code", "province_code").iter_rows())
    article_places = tables["articles"].frame.select("article_id", "place_code").iter_rows()
    home, scope = {}, set()  # each article's city; the provinces the articles are about
    for a, c in article_places:
        home[a] = prefecture_of(places, c)
        if province.get(c):
            scope.add(province[c])
    out = []
    for name in ("statistics", "practices", "timeline", "diffusion_events"):
        t = tables.get(name)
        if t is None or "place_code" not in t.frame.columns:
            continue
        for i, (aid, code) in enumerate(t.frame.select("article_id", "place_code").iter_rows()):
            if not code or code not in places or aid not in home or province.get(code) not in scope:
                continue
            city = prefecture_of(places, code)
            if city is not None and home[aid] is not None and city != home[aid]:
                out.append(Problem(t.file, t.lines[i], "place_code", f"{code} lies in {city}, another city than "
                                                                     f"the article's ({home[aid]})"))
    return out


def _families(tables) -> dict[str, dict]:
    t = tables.get("families")
    return {r["family"]: r for r in t.frame.iter_rows(named=True)} if t is not None else {}


def family_shown_in_quote(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-evidence: a practice tagged with a template shows one of its key terms in its quote, or its
    family_basis names a key term (which, when the article is at hand, the article uses)."""
    fams, t = _families(tables), tables.get("practices")
    if t is None or not fams:
        return []
    out = []
    for i, r in enumerate(t.frame.select("article_id", "family", "family_basis", "quote").iter_rows(named=True)):
        fam = str(r["family"]) if r["family"] is not None else None
        if fam not in fams or not _terms(fams[fam]["key_terms"]):
            continue
        keys = _terms(fams[fam]["key_terms"])
        flat = sources.flat(r["article_id"]) if sources is not None and sources.available else None
        in_quote = any(k in (r["quote"] or "") for k in keys)
        in_basis = any(k in (r["family_basis"] or "") and (flat is None or k in flat) for k in keys)
        if not (in_quote or in_basis):
            out.append(Problem(t.file, t.lines[i], "family", f"{fam!r} but neither the quote nor family_basis "
                                                             f"shows one of its key terms ({', '.join(keys)})"))
    return out


def signature_names_carry_family(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-signature: a practice whose Chinese name holds a template's signature term carries that
    template (a name holding terms of several templates carries one of them)."""
    fams, t = _families(tables), tables.get("practices")
    if t is None or not fams:
        return []
    signatures = {term: f for f, row in fams.items() for term in _terms(row["signature_terms"])}
    out = []
    for i, (name, fam) in enumerate(t.frame.select("name_zh", "family").iter_rows()):
        wanted = sorted({f for term, f in signatures.items() if term in (name or "")})
        if wanted and fam is not None and str(fam) not in wanted:
            out.append(Problem(t.file, t.lines[i], "family", f"{str(fam)!r} but the name {name!r} holds the "
                                                             f"signature of {' or '.join(wanted)}"))
    return out


def places_used(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """place-used: a place is named in an article (by its name, or its name without the administrative
    suffix), or used by a row of another table (a foreign key to places: an origin place a reference
    gives, a partner a practice's name abbreviates), or lies above such a place (parent_code), or is a
    city of the province the dataset covers (the map draws them all)."""
    t, arts = tables.get("places"), tables.get("articles")
    if t is None or arts is None or sources is None or not sources.available:
        return []
    texts = [x for x in (sources.flat(a) for a in arts.frame["article_id"].to_list() if a) if x]
    used = set()
    for name, other in tables.items():
        if name == "places" or other.resource is None:
            continue
        for fields, target, _ in other.resource.foreign_keys:
            if target == "places":
                for f in fields:
                    used.update(v for v in other.frame[f].to_list() if v)
    rows = list(t.frame.select("place_code", "name_zh", "parent_code", "level", "province_code").iter_rows())
    parent = {code: up for code, _, up, _, _ in rows}
    province_of = {code: prov for code, _, _, _, prov in rows}
    scope = {province_of.get(c) for c in arts.frame["place_code"].to_list() if c} - {None}
    named = {code for code, name, _, _, _ in rows
             if code in used or (name and any(name in x or name_stem(name) in x for x in texts))}
    above = set()
    for code in named:
        up, seen = parent.get(code), set()
        while up and up not in seen:
            seen.add(up)
            above.add(up)
            up = parent.get(up)
    out = []
    for i, (code, name, _, level, province) in enumerate(rows):
        if not code or code in named or code in above:
            continue
        if str(level) == "prefecture" and province in scope:
            continue
        out.append(Problem(t.file, t.lines[i], "place_code", f"{code} ({name}) is named in no article, used by no "
                                                             "row and lies above no place that is: remove it, or use it"))
    return out


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "pinyin-tone": tone_marks,
    "period-inferred": inferred_periods_explained,
    "place-in-city": rows_inside_article_city,
    "family-evidence": family_shown_in_quote,
    "family-signature": signature_names_carry_family,
    "place-used": places_used,
}

