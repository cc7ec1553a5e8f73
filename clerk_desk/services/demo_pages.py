"""Small page images for demo cases: a grey-scale PNG that looks like a scanned form.

A title bar, lines of "text" of random length and a signature stroke near the foot, drawn
from the demo data's seeded random generator, so the same seed gives the same bytes (and
the same sha256). A few hundred bytes each: enough for sync, storage and preview to have real files
to carry, small enough for 100,000 demo cases. The core has no imaging library (Qt stays in
the UI), and an 8-bit grey PNG is a few lines of zlib, so it is written out here.
"""

from __future__ import annotations

import random
import struct
import zlib

WIDTH, HEIGHT = 124, 176  # A4's proportions at about 15 dpi
MEDIA_TYPE = "image/png"
_WHITE, _INK, _BAR = 255, 70, 150
_MARGIN = 10
_LINE_PITCH = 7


def page_png(rng: random.Random) -> bytes:
    rows = [bytearray([_WHITE]) * WIDTH for _ in range(HEIGHT)]
    for y in range(_MARGIN, _MARGIN + 8):
        rows[y][_MARGIN : WIDTH - _MARGIN] = bytes([_BAR]) * (WIDTH - 2 * _MARGIN)
    for top in range(_MARGIN + 16, HEIGHT - 30, _LINE_PITCH):
        end = rng.randint(WIDTH // 2, WIDTH - _MARGIN)
        for y in (top, top + 1, top + 2):
            rows[y][_MARGIN:end] = bytes([_INK]) * (end - _MARGIN)
    start = rng.randint(WIDTH // 2, WIDTH - 40)
    for x in range(start, start + 30):
        y = HEIGHT - 18 + int(3 * rng.random())
        rows[y][x] = _INK
    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
