"""Chinese on the site: ``lang`` on every run of Chinese text, and the CJK font the pages
need, subset to the glyphs they use (``build_site`` calls both after writing the pages).

Readers' machines may have no CJK font at all (Chromium then draws empty boxes), or only a
Japanese one (which draws Chinese with Japanese glyph forms). The site therefore carries
Noto Sans CJK SC (from the ``noto-cjk-sans-otc`` package) as a WOFF2 subset of the
characters its pages and charts use, declared with a ``unicode-range`` so that it draws
only CJK text, and marks every run of Chinese ``lang="zh-Hans"`` so that browsers and
screen readers know the language.
"""
from __future__ import annotations

import re
from pathlib import Path

__all__ = ["CJK_RUN", "mark_chinese", "cjk_characters", "subset_cjk_font", "FONT_FAMILY", "UNICODE_RANGE"]

FONT_FAMILY = "Pingan Noto Sans SC"
# CJK radicals and symbols, kana, ideographs (extension A and the main block), compatibility
# ideographs, vertical and compatibility forms, halfwidth and fullwidth forms
_RANGES = [(0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
           (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
UNICODE_RANGE = ", ".join(f"U+{a:04X}-{b:04X}" for a, b in _RANGES)
_CJK = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _RANGES)
# a run: CJK characters, with digits, spaces and light punctuation allowed between them
# ("平安浙江建设13年来" is one run)
_CJK_CHAR = re.compile(f"[{_CJK}]")
CJK_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9.,%·:;\\- ]*[{_CJK}])?")
# a tag, a comment, or a raw-text element (script, style, title, textarea) taken whole
_MARKUP = re.compile(r"<!--.*?-->|<(script|style|title|textarea)\b[^>]*>.*?</\1\s*>|<[^>]*>",
                     re.DOTALL | re.IGNORECASE)


def mark_chinese(html: str, lang: str = "zh-Hans") -> str:
    """``html`` with every run of Chinese in its text (outside tags, attributes, scripts,
    styles and SVG) wrapped in ``<span lang="zh-Hans">``."""
    out, pos, svg_depth = [], 0, 0
    for m in _MARKUP.finditer(html):
        text = html[pos:m.start()]
        out.append(text if svg_depth else CJK_RUN.sub(lambda r: f'<span lang="{lang}">{r[0]}</span>', text))
        tag = m[0]
        low = tag[:5].lower()
        if low.startswith("<svg") and not tag.endswith("/>"):
            svg_depth += 1
        elif low.startswith("</svg"):
            svg_depth = max(0, svg_depth - 1)
        out.append(tag)
        pos = m.end()
    rest = html[pos:]
    out.append(rest if svg_depth else CJK_RUN.sub(lambda r: f'<span lang="{lang}">{r[0]}</span>', rest))
    return "".join(out)


def cjk_characters(texts) -> set[str]:
    """The CJK characters (in the font's unicode-range) in ``texts``."""
    chars: set[str] = set()
    for t in texts:
        chars.update(_CJK_CHAR.findall(t))
    return chars


def noto_cjk_collection() -> Path:
    import noto_cjk_sans_otc
    return Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc"


def _subset_key(chars: set[str]) -> str:
    """The subset's cache key: the characters, the font file and the fontTools that cuts it."""
    import hashlib
    from importlib.metadata import version
    font = noto_cjk_collection()
    h = hashlib.sha256("".join(sorted(chars)).encode("utf-8"))
    h.update(f"|{font.name}|{font.stat().st_size}|{version('noto-cjk-sans-otc')}|{version('fonttools')}"
             f"|{_SUBSET_RECIPE}".encode())
    return h.hexdigest()


_SUBSET_RECIPE = "woff2,all-features,all-names,notdef-outline"  # bump with the options below


def subset_cjk_font(chars: set[str], dest: Path) -> Path:
    """Write Noto Sans CJK SC, cut to ``chars``, as WOFF2 at ``dest``. Cutting takes 3–4 s, so
    the result is cached (``fonts/`` in the workbook's cache folder) under a digest of the
    characters, the font file and fontTools' version; a rebuild with the same text copies it."""
    from pingan.base._atomic import atomic_write_bytes
    from pingan.base._settings import cache_dir
    cached = cache_dir() / "fonts" / f"{_subset_key(chars)}.woff2"
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        dest.write_bytes(cached.read_bytes())
        return dest
    except OSError:
        pass
    _cut(chars, dest)
    try:
        atomic_write_bytes(cached, dest.read_bytes(), durable=False)
    except OSError:
        pass  # a read-only cache only costs time
    return dest


def _cut(chars: set[str], dest: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
    path = str(noto_cjk_collection())
    with TTCollection(path, lazy=True) as collection:
        number = next(i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    font = TTFont(path, fontNumber=number, lazy=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # vertical forms, locl (the SC forms) and the rest
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars) or [0x3000])
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(str(dest))
