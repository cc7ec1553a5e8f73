"""Text that copies out of the papers' PDFs as it was printed, with Noto CJK fonts.

Qt's PDF writer builds each embedded font's ToUnicode map by asking, for every code point from
U+0000 up, which glyph it uses, and keeps the first code point found for a glyph. Noto CJK
draws a Kangxi radical (U+2F08 ⼈) and a CJK radical supplement character (U+2EDA ⻚) with the
same glyph as the ideograph (U+4EBA 人, U+9875 页), and the radicals come first: pdftotext and
copy-paste then give ⼈ for 人. After the PDF is written, those entries are pointed back at the
ideographs. Qt writes the maps uncompressed and both code points are four hex digits, so the
file keeps its length and no offset in it moves.

A clerk never types a radical character, so taking every radical as its ideograph loses nothing.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

RADICALS = range(0x2E80, 0x2FE0)
IDEOGRAPHS = range(0x4E00, 0xA000)
_SECTION = re.compile(rb"begin(bfrange|bfchar)\r?\n(.*?)\r?\nend\1", re.DOTALL)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")
_TO_UNICODE = re.compile(rb"begincmap.*?endcmap", re.DOTALL)


@cache
def ideograph_of_radical(families: tuple[str, ...]) -> dict[int, int]:
    """Each radical the font draws with an ideograph's glyph → that ideograph."""
    font = QFont()
    font.setFamilies(list(families))
    raw = QRawFont.fromFont(font)
    ideographs = "".join(map(chr, IDEOGRAPHS))
    by_glyph: dict[int, int] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        by_glyph.setdefault(glyph, ord(char))
    radicals = "".join(map(chr, RADICALS))
    return {
        ord(char): by_glyph[glyph]
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True)
        if glyph and glyph in by_glyph
    }


def repair_to_unicode(path: Path, families: tuple[str, ...]) -> int:
    """Point the radicals in ``path``'s ToUnicode maps at their ideographs; return how many."""
    mapping = ideograph_of_radical(families)
    data = path.read_bytes()
    repaired = 0

    def cmap(match: re.Match[bytes]) -> bytes:
        def section(found: re.Match[bytes]) -> bytes:
            kind, body = found.group(1), found.group(2)
            lines = [_line(line, kind, mapping) for line in body.split(b"\n")]
            nonlocal repaired
            repaired += sum(changed for _, changed in lines)
            fixed = b"\n".join(line for line, _ in lines)
            return found.group(0).replace(body, fixed, 1)

        return _SECTION.sub(section, match.group(0))

    fixed = _TO_UNICODE.sub(cmap, data)
    if repaired:
        path.write_bytes(fixed)
    return repaired


def _line(line: bytes, kind: bytes, mapping: dict[int, int]) -> tuple[bytes, int]:
    """One map line with its destinations repaired: ``<src> <dst>`` (bfchar), ``<lo> <hi>
    [<dst> …]`` or ``<lo> <lo> <dst>`` (bfrange; a range counting up from ``dst`` stays)."""
    codes = list(_CODE.finditer(line))
    sources = 1 if kind == b"bfchar" else 2
    if len(codes) <= sources:
        return line, 0
    if kind == b"bfrange" and b"[" not in line and codes[0][1] != codes[1][1]:
        return line, 0
    out, changed = bytearray(line), 0
    for code in codes[sources:]:
        target = mapping.get(int(code[1], 16))
        if target is not None:
            out[code.start(1) : code.end(1)] = f"{target:04X}".encode("ascii")
            changed += 1
    return bytes(out), changed
