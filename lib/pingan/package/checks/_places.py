"""Checks on places: the hierarchy of places.csv, and the places a practice joins."""
from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "LEVEL_ORDER", "place_hierarchy", "practice_home", "name_part"]

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


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "place-hierarchy": place_hierarchy,
    "practice-home": practice_home,
    "name-part": name_part,
}
