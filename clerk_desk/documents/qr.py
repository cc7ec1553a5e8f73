"""The QR code printed top-right on every paper: what it holds, and the code as a PNG.

With the platform's progress page configured (setting ``progress_url``, ``{case_no}`` in it
replaced by the number), the code holds that address and scanning it shows the progress.
Without it the code holds only the case number, and the papers say so instead of promising
a look-up by scanning.
"""

from __future__ import annotations

import base64
import io

import segno

from clerk_desk.domain.case_number import normalize_case_no

LOOKUP_BY_URL = "扫描右上角二维码，或在政务服务网输入办件编号查询"
LOOKUP_BY_NUMBER = "在政务服务网输入办件编号查询（右上角二维码的内容即办件编号）"


def qr_payload(progress_url: str, case_no: str) -> str:
    """The progress page of the case when its address is known, else the case number."""
    if not progress_url:
        return case_no
    return progress_url.replace("{case_no}", normalize_case_no(case_no))


def progress_lookup(progress_url: str) -> str:
    """How the applicant looks the progress up, true to what the QR code holds."""
    return LOOKUP_BY_URL if progress_url else LOOKUP_BY_NUMBER


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
