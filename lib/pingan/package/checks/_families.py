"""The template (family) rules: each practice's template shown by its quote or basis and carried
where its name holds a signature term (family-evidence, family-signature), and across an article:

- family-quoted: of the practices an article tags with a template, at least one shows one of
  the template's key terms in its own quote (family_basis alone does not show the template to a
  reader of the quotes).
- family-invoked: a template marked ``only_where_named`` in families.csv (the Fengqiao
  Experience: tag it only where the article invokes it) is carried only by practices of an
  article whose text names one of its signature terms.
- family-named (a gap in the curation, see ``GAPS``): an article whose text names a template's
  signature term carries that template, unless signature_exceptions.csv says why not.
- signature-exception: each of those exceptions still applies (the term is a signature term,
  stands in the article, and the article does not carry the template).

Each check takes the tables (``CheckedTable``) and the article texts (``SourceTexts``, or None);
those that need the texts are skipped without them.
"""
from __future__ import annotations

from collections.abc import Callable

from pingan.base._problems import Problem
from pingan.package._reading import CheckedTable
from pingan.text._sources import SourceTexts

__all__ = ["CHECKS", "GAPS", "family_shown_in_quote", "signature_names_carry_family", "family_quoted",
           "family_invoked", "family_named", "signature_exceptions_apply"]


def _terms(cell: str | None) -> list[str]:
    return [t for t in (cell or "").split("|") if t]


def _column(tables, column: str) -> dict[str, list[str]]:
    """family -> the terms of ``column`` in families.csv."""
    t = tables.get("families")
    if t is None:
        return {}
    return {f: _terms(v) for f, v in t.frame.select("family", column).iter_rows()}


def _texts(sources: SourceTexts | None) -> SourceTexts | None:
    return sources if sources is not None and sources.available else None


def family_quoted(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-quoted: of an article's practices tagged with a template, one at least shows one of the
    template's key terms in its quote."""
    keys, t = _column(tables, "key_terms"), tables.get("practices")
    if t is None or not keys:
        return []
    groups: dict[tuple[str, str], list[tuple[int, str | None]]] = {}
    for i, (aid, fam, quote) in enumerate(t.frame.select("article_id", "family", "quote").iter_rows()):
        fam = None if fam is None else str(fam)
        if aid and keys.get(fam):
            groups.setdefault((aid, fam), []).append((t.lines[i], quote))
    out = []
    for (aid, fam), rows in groups.items():
        if not any(k in (q or "") for _, q in rows for k in keys[fam]):
            out.append(Problem(t.file, rows[0][0], "quote", f"no practice of {aid} tagged {fam!r} shows one of its key "
                                                             f"terms ({', '.join(keys[fam])}) in its quote"))
    return out


def family_invoked(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-invoked: a template marked only_where_named is carried only where the article names one
    of its signature terms."""
    fams, t, texts = tables.get("families"), tables.get("practices"), _texts(sources)
    if fams is None or t is None or texts is None or "only_where_named" not in fams.frame.columns:
        return []
    signatures = _column(tables, "signature_terms")
    named_only = {f for f, flag in fams.frame.select("family", "only_where_named").iter_rows() if flag}
    out = []
    for i, (aid, fam) in enumerate(t.frame.select("article_id", "family").iter_rows()):
        fam = None if fam is None else str(fam)
        text = texts.flat(aid) if aid and fam in named_only else None
        if text is not None and not any(s in text for s in signatures.get(fam, [])):
            out.append(Problem(t.file, t.lines[i], "family",
                               f"{fam!r} is tagged only where the article names it (only_where_named in families.csv), "
                               f"but {aid} names none of: {', '.join(signatures.get(fam, [])) or '(no signature terms)'}"))
    return out


def _exceptions(tables) -> dict[tuple[str, str], int]:
    t = tables.get("signature_exceptions")
    if t is None:
        return {}
    return {(a, term): t.lines[i] for i, (a, term) in enumerate(t.frame.select("article_id", "term_zh").iter_rows())}


def _carried(tables) -> set[tuple[str, str]]:
    return {(a, str(f)) for a, f in tables["practices"].frame.select("article_id", "family").iter_rows()
            if f is not None}


def _signature_families(tables) -> dict[str, set[str]]:
    """signature term -> the templates it is a signature of."""
    out: dict[str, set[str]] = {}
    for fam, terms in _column(tables, "signature_terms").items():
        for term in terms:
            out.setdefault(term, set()).add(fam)
    return out


def family_named(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-named: an article whose text names a template's signature term carries that template
    (or signature_exceptions.csv says why not)."""
    arts, texts = tables.get("articles"), _texts(sources)
    if arts is None or texts is None or "practices" not in tables:
        return []
    carried, excepted, signatures = _carried(tables), _exceptions(tables), _signature_families(tables)
    out = []
    for i, aid in enumerate(arts.frame["article_id"].to_list()):
        text = texts.flat(aid) if aid else None
        if text is None:
            continue
        for term, fams in signatures.items():
            if term in text and not any((aid, f) in carried for f in fams) and (aid, term) not in excepted:
                names = " or ".join(sorted(fams))
                out.append(Problem(arts.file, arts.lines[i], "article_id",
                                   f"{aid} names {term}, a signature term of {names}, but none of its practices "
                                   f"carries {names}: tag the practice it names, or say in signature_exceptions.csv "
                                   "why not"))
    return out


def signature_exceptions_apply(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """signature-exception: an exception names a signature term that its article names and whose
    template the article does not carry (otherwise it is stale)."""
    t = tables.get("signature_exceptions")
    if t is None or "practices" not in tables:
        return []
    carried, signatures, texts = _carried(tables), _signature_families(tables), _texts(sources)
    out = []
    for i, (aid, term) in enumerate(t.frame.select("article_id", "term_zh").iter_rows()):
        if not aid or not term:
            continue
        fams = signatures.get(term)
        text = texts.flat(aid) if texts is not None else None
        if not fams:
            out.append(Problem(t.file, t.lines[i], "term_zh", f"{term!r} is not a signature term of any template "
                                                              "in families.csv"))
        elif any((aid, f) in carried for f in fams):
            out.append(Problem(t.file, t.lines[i], "term_zh", f"{aid} carries {' or '.join(sorted(fams))} now: "
                                                              "the exception no longer applies; remove it"))
        elif text is not None and term not in text:
            out.append(Problem(t.file, t.lines[i], "term_zh", f"{term!r} does not stand in {aid}: the exception no "
                                                              "longer applies; remove it"))
    return out


def _family_rows(tables) -> dict[str, dict]:
    t = tables.get("families")
    return {r["family"]: r for r in t.frame.iter_rows(named=True)} if t is not None else {}


def family_shown_in_quote(tables: dict[str, CheckedTable], sources: SourceTexts | None = None) -> list[Problem]:
    """family-evidence: a practice tagged with a template shows one of its key terms in its quote, or its
    family_basis names a key term (which, when the article is at hand, the article uses)."""
    fams, t = _family_rows(tables), tables.get("practices")
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
    fams, t = _family_rows(tables), tables.get("practices")
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


CHECKS: dict[str, Callable[..., list[Problem]]] = {
    "family-evidence": family_shown_in_quote,
    "family-signature": signature_names_carry_family,
    "family-quoted": family_quoted,
    "family-invoked": family_invoked,
    "family-named": family_named,
    "signature-exception": signature_exceptions_apply,
}
# Codes whose problems say that an article is not yet fully curated, not that a row is wrong:
# `pingan validate` reports them, but the tables still load (a newly added article's notebook runs).
GAPS = frozenset({"family-named"})
