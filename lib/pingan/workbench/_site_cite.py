"""How to cite the workbook and its articles (APA, GB/T 7714-2015, BibTeX), for the site.

The workbook's version is the package's; its release date and the names come from
``CITATION.cff`` at the repository's root (the one file a citation manager reads), parsed
here for its few top-level keys so that the site needs no YAML library.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Release", "read_release", "workbook_citations", "article_citations", "outlet_name"]


@dataclass(frozen=True)
class Release:
    title: str
    version: str
    date: str  # YYYY-MM-DD
    author: str
    url: str
    licence: str


def _top_level(text: str, key: str) -> str:
    m = re.search(rf"^{re.escape(key)}:\s*(.+?)\s*$", text, re.MULTILINE)
    return m[1].strip().strip("\"'") if m else ""


def read_release(cff: Path, version: str) -> Release:
    """The release described by ``CITATION.cff`` (its version must be the package's)."""
    text = cff.read_text(encoding="utf-8") if cff.is_file() else ""
    author = re.search(r"^authors:\s*\n\s*-\s*name:\s*(.+?)\s*$", text, re.MULTILINE)
    return Release(
        title=_top_level(text, "title") or "Ping An Zhejiang workbook (平安浙江)",
        version=_top_level(text, "version") or version,
        date=_top_level(text, "date-released"),
        author=author[1].strip("\"'") if author else "Ping An Zhejiang workbook contributors",
        url=_top_level(text, "url") or _top_level(text, "repository-code"),
        licence=_top_level(text, "license"),
    )


def workbook_citations(r: Release) -> dict[str, str]:
    """The workbook in APA (7th), GB/T 7714-2015 and BibTeX."""
    year = r.date[:4] or "n.d."
    url = f" {r.url}" if r.url else ""
    apa = f"{r.author}. ({year}). {r.title} (Version {r.version}) [Data set and software].{url}"
    gbt = f"{r.author}. {r.title}: {r.version}[DS]. {year}"
    gbt += f"({r.date}). {r.url}." if r.url else f"({r.date})." if r.date else "."
    key = "pingan_workbook_" + r.version.replace(".", "_")
    bib = "\n".join([
        f"@software{{{key},",
        f"  author  = {{{{{r.author}}}}},",
        f"  title   = {{{r.title}}},",
        f"  version = {{{r.version}}},",
        f"  date    = {{{r.date}}},",
        *([f"  url     = {{{r.url}}},"] if r.url else []),
        "  note    = {Curated tables CC BY 4.0; code MIT}",
        "}",
    ])
    return {"APA": apa, "GB/T 7714": gbt, "BibTeX": bib}


def outlet_name(outlet: str) -> str:
    """The newspaper as a citation names it: 浙江日报 (Zhejiang Daily), or "newspaper not named"."""
    if not outlet or outlet.startswith("not printed"):
        return ""
    return outlet


def _authors(authors: str) -> str:
    # "本报记者 汪基建 徐倩; 通讯员 廖顺华" -> "汪基建, 徐倩, 廖顺华" (roles dropped)
    roles = ("本报记者", "记者", "通讯员", "本报通讯员")
    names = [w for part in (authors or "").split(";") for w in part.split() if w not in roles]
    return ", ".join(names)


def article_citations(article: dict) -> dict[str, str]:
    """One article (a row of the articles table) in APA and GB/T 7714-2015."""
    who = _authors(article.get("authors", ""))
    paper = outlet_name(article.get("outlet", ""))
    date = str(article.get("published", ""))
    zh, en = article.get("title_zh", ""), article.get("title_en", "")
    apa = f"{who or paper or 'Anonymous'}. ({date}). {zh} [{en}]. {paper or 'Newspaper not named'}."
    gbt = f"{who or '佚名'}. {zh}[N]. {paper or '报纸名称未载'}, {date}."
    return {"APA": apa, "GB/T 7714": gbt}
