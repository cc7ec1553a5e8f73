"""One PDF from a material's pages.

img2pdf embeds JPEG data as it is (no re-encoding, no loss, no time) and PNG data losslessly;
each page's size comes from the resolution recorded in the image, so an A4 page scanned at
any resolution prints as A4.
"""

from __future__ import annotations

from collections.abc import Sequence

import img2pdf


def pages_to_pdf(pages: Sequence[bytes]) -> bytes:
    """The pages (JPEG or PNG bytes, in order) as one PDF; ``ValueError`` for no pages."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    return bytes(img2pdf.convert(list(pages), rotation=img2pdf.Rotation.ifvalid))
