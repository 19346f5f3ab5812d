"""Checks on places: the hierarchy of places.csv, the places rows sit in and the places used, and
the places a practice joins."""
from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.package._vocabulary import prefecture_of
from pingan.package.checks._meaning import name_stem
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "LEVEL_ORDER", "place_hierarchy", "rows_inside_article_city", "places_used", "practice_home",
           "name_part"]

LEVEL_ORDER = ["province", "prefecture", "county", "township", "village"]


def place_hierarchy(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """place-hierarchy: each place sits below its parent, in its parent's province, under a code of its scheme."""
    t = tables.get("places")
    if t is None:
        return []
    df = t.frame
    level_of = dict(zip(df["place_code"].to_list(), df["level"].cast(pl.String).to_list()))
    province_of = dict(zip(df["place_code"].to_list(), df["province_code"].to_list()))
    out = []
    for i, r in enumerate(df.with_columns(pl.col("level").cast(pl.String)).iter_rows(named=True)):
        code, parent, level, scheme = r["place_code"], r["parent_code"], r["level"], r["code_scheme"]
        if code is None:
            continue
        where = lambda col, msg, i=i: out.append(Problem(t.file, t.lines[i], col, msg))
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
    return out


def practice_home(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """practice-home: each practice in practice_places.csv has one home place (role 'home'), no more."""
    t = tables.get("practice_places")
    if t is None:
        return []
    homes: dict[str, int] = {}
    out = []
    for i, (pid, role) in enumerate(t.frame.select("practice_id", pl.col("role").cast(pl.String)).iter_rows()):
        if role == "home":
            if pid in homes:
                out.append(Problem(t.file, t.lines[i], "role", f"{pid!r} has a home already "
                                   f"(line {homes[pid]}); a practice has one"))
            homes.setdefault(pid, t.lines[i])
    for pid in dict.fromkeys(t.frame["practice_id"].to_list()):
        if pid and pid not in homes:
            out.append(Problem(t.file, 1, "role", f"{pid!r} has no home place (role 'home')"))
    return out


def name_part(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """name-part: a practice's name abbreviates each of its places by that place's name_part."""
    t, practices = tables.get("practice_places"), tables.get("practices")
    if t is None or practices is None:
        return []
    name_of = dict(practices.frame.select("practice_id", "name_zh").iter_rows())
    out = []
    for i, (pid, part) in enumerate(t.frame.select("practice_id", "name_part").iter_rows()):
        name = name_of.get(pid)
        if part and name and part not in name:
            out.append(Problem(t.file, t.lines[i], "name_part", f"{part!r} is not in the practice's "
                               f"name {name!r} ({practices.file})"))
    return out


def rows_inside_article_city(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """place-in-city: a row's place lies in its article's city (found through parent_code), or is the
    province, or lies outside the province the articles are about (Zhejiang; cross-border partners);
    never in another city of that province."""
    if "places" not in tables or "articles" not in tables:
        return []
    pf = tables["places"].frame
    places = {c: {"parent_code": p, "level": str(lvl)} for c, p, lvl in pf.select("place_code", "parent_code", "level").iter_rows()}
    province = dict(pf.select("place_code", "province_code").iter_rows())
    article_places = tables["articles"].frame.select("article_id", "place_code").iter_rows()
    home, scope = {}, set()  # each article's city; the provinces the articles are about
    for a, c in article_places:
        home[a] = prefecture_of(c, places)
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
            city = prefecture_of(code, places)
            if city is not None and home[aid] is not None and city != home[aid]:
                out.append(Problem(t.file, t.lines[i], "place_code", f"{code} lies in {city}, another city than "
                                                                     f"the article's ({home[aid]})"))
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
    "place-hierarchy": place_hierarchy,
    "place-in-city": rows_inside_article_city,
    "place-used": places_used,
    "practice-home": practice_home,
    "name-part": name_part,
}
