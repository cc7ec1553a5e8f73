"""The QR code printed top-right on every paper, as an embeddable PNG."""

from __future__ import annotations

import base64
import io

import segno


def qr_png(text: str, scale: int = 4) -> bytes:
    """Dark modules on a transparent ground.

    Qt's PDF writer stores opaque images as JPEG, which blurs the module edges; a transparent
    image is stored as a lossless 1-bit mask, so the printed code stays sharp.
    """
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=scale, border=2, light=None)
    return buffer.getvalue()


def qr_data_uri(text: str) -> str:
    """A ``data:`` URI; Qt's rich text and browsers both load it without a resource table."""
    return "data:image/png;base64," + base64.b64encode(qr_png(text)).decode("ascii")
