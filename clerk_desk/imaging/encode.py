"""Compress a captured page for the file store.

Colour and grey pages become baseline JPEG at quality 75 (4:2:0 chroma subsampling),
libjpeg's default and the usual setting for scanned documents: lower, the ringing around
thin strokes of small print grows for little gain; higher, the size climbs fast. Measured on
the synthetic A4 form of tests/page_samples.py (paper grain, text, a seal) at 200 dpi, grey:
quality 60 → 236 KiB, 75 → 288 KiB, 85 → 361 KiB, 95 → 749 KiB. At quality 75 that page is
about 306 KiB in colour and 288 KiB in grey at 200 dpi (595 / 556 KiB at 300 dpi).

Black-and-white pages are thresholded at mid-grey (no dithering: dithered paper grain costs
about 28 times the bytes) and stored as 1-bit PNG: 9 KiB for that page at 200 dpi (21 KiB
at 300), smaller than CCITT Group 4 TIFF (38 KiB) and, unlike TIFF, shown by every browser
as well as by Qt and img2pdf.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from clerk_desk.devices.base import ColourMode

JPEG_QUALITY = 75
NONE = Image.Dither.NONE


@dataclass(frozen=True)
class EncodedPage:
    data: bytes
    media_type: str
    width: int
    height: int


def encode_page(image: Image.Image, mode: ColourMode) -> EncodedPage:
    """``image`` in any Pillow mode, converted to ``mode`` first."""
    buffer = io.BytesIO()
    dpi = image.info.get("dpi")
    extra = {"dpi": dpi} if dpi else {}
    if mode is ColourMode.BW:
        bilevel = image if image.mode == "1" else image.convert("L").convert("1", dither=NONE)
        bilevel.save(buffer, "PNG", optimize=True, **extra)
        media_type = "image/png"
    else:
        target = "RGB" if mode is ColourMode.COLOUR else "L"
        image.convert(target).save(
            buffer, "JPEG", quality=JPEG_QUALITY, subsampling="4:2:0", **extra
        )
        media_type = "image/jpeg"
    return EncodedPage(buffer.getvalue(), media_type, image.width, image.height)
