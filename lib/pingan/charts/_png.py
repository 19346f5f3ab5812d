"""Re-encode a chart's PNG as an 8-bit palette PNG: the same picture in a fraction of the bytes.

vl-convert writes 8-bit RGBA. A chart has few colours — its marks, text and their
anti-aliased edges, typically 50–200 — so a palette image with those colours is exact
(lossless) and 5–10 times smaller. When a picture has more than 256 colours, the rarest
ones are mapped to their nearest kept colour (slightly lossy, only at edges). Standard
library only (zlib and struct).

A palette PNG may carry ``tEXt`` chunks (keyword and Latin-1 text): the renderer records
there which spec and which renderer made the picture, so an image stored in a notebook
says what it is a picture of (see ``renderer.fallback_png``).
"""
from __future__ import annotations

import struct
import zlib
from collections import Counter

__all__ = ["palette_png", "text_chunks"]

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(png: bytes):
    i = len(SIGNATURE)
    while i < len(png):
        (n,) = struct.unpack(">I", png[i:i + 4])
        yield png[i + 4:i + 8], png[i + 8:i + 8 + n]
        i += 12 + n


def _rgba_rows(png: bytes) -> tuple[int, int, list[bytes]]:
    header, idat = None, []
    for kind, data in _chunks(png):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat.append(data)
    if png[:8] != SIGNATURE or header is None:
        raise ValueError("not a PNG")
    width, height, depth, colour, _, _, interlace = header
    if (depth, colour, interlace) != (8, 6, 0):
        raise ValueError(f"expected 8-bit RGBA, not interlaced (got depth {depth}, colour type {colour})")
    raw = zlib.decompress(b"".join(idat))
    bpp, stride = 4, width * 4
    rows, prev, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            raise ValueError(f"unknown PNG filter {kind}")
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def _rgba(colour: int) -> bytes:
    return struct.pack("=I", colour)  # the pixel's bytes as stored: R, G, B, A


def _nearest(colour: int, palette: list[int]) -> int:
    c = _rgba(colour)
    return min(range(len(palette)), key=lambda i: sum((x - y) ** 2 for x, y in zip(c, _rgba(palette[i]))))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def text_chunks(png: bytes) -> dict[str, str]:
    """The ``tEXt`` chunks of a PNG as {keyword: text}; empty for anything that is not a PNG."""
    if png[:8] != SIGNATURE:
        return {}
    found = {}
    try:
        for kind, data in _chunks(png):
            if kind == b"tEXt" and b"\0" in data:
                keyword, text = data.split(b"\0", 1)
                found[keyword.decode("latin-1")] = text.decode("latin-1")
    except struct.error:  # truncated
        pass
    return found


def palette_png(png: bytes, text: dict[str, str] | None = None) -> bytes:
    """``png`` (8-bit RGBA) as an indexed-colour PNG, with ``text`` as ``tEXt`` chunks
    (keywords of 1–79 Latin-1 characters); deterministic for given input."""
    width, height, rows = _rgba_rows(png)
    counts: Counter[int] = Counter()
    pixels = [memoryview(r).cast("I") for r in rows]  # one native uint32 per RGBA pixel
    for p in pixels:
        counts.update(p)
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    palette = ranked[:256]
    index = {c: i for i, c in enumerate(palette)}
    for c in ranked[256:]:
        index[c] = _nearest(c, palette)
    raw = bytearray()
    for p in pixels:
        raw.append(0)
        raw += bytes(map(index.__getitem__, p))
    plte = b"".join(_rgba(c)[:3] for c in palette)
    alpha = [_rgba(c)[3] for c in palette]
    while alpha and alpha[-1] == 255:
        alpha.pop()
    out = [SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)), _chunk(b"PLTE", plte)]
    if alpha:
        out.append(_chunk(b"tRNS", bytes(alpha)))
    for keyword, value in (text or {}).items():
        if not 0 < len(keyword) < 80 or "\0" in keyword:
            raise ValueError(f"not a PNG text keyword: {keyword!r}")
        out.append(_chunk(b"tEXt", keyword.encode("latin-1") + b"\0" + value.encode("latin-1")))
    out += [_chunk(b"IDAT", zlib.compress(bytes(raw), 9)), _chunk(b"IEND", b"")]
    return b"".join(out)
