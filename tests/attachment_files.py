"""Small real files of the kinds a clerk attaches: a one-page PDF and a 1×1 PNG."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png() -> bytes:
    """A valid 1×1 white PNG, made by hand (signature, IHDR, IDAT, IEND)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def write_pdf(folder: Path, name: str = "营业执照.pdf") -> Path:
    path = folder / name
    path.write_bytes(MINIMAL_PDF)
    return path


def write_png(folder: Path, name: str = "门头照片.png") -> Path:
    path = folder / name
    path.write_bytes(tiny_png())
    return path
