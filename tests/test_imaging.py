"""Page compression and PDF assembly on a synthetic A4 document page at 200 dpi."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from page_samples import a4_pixels, document_page
from PIL import Image

from clerk_desk.devices.base import ColourMode
from clerk_desk.imaging.encode import EncodedPage, encode_page
from clerk_desk.imaging.pdf import pages_to_pdf

KIB = 1024
A4_POINTS = (595.3, 841.9)


@pytest.fixture(scope="module")
def a4_page() -> Image.Image:
    return document_page(200)


@pytest.fixture(scope="module")
def encoded(a4_page: Image.Image) -> dict[ColourMode, EncodedPage]:
    return {mode: encode_page(a4_page, mode) for mode in ColourMode}


@pytest.mark.parametrize(
    ("mode", "media_type", "pillow_mode", "low_kib", "high_kib"),
    [
        (ColourMode.COLOUR, "image/jpeg", "RGB", 100, 600),
        (ColourMode.GREY, "image/jpeg", "L", 100, 500),
        (ColourMode.BW, "image/png", "1", 2, 60),
    ],
)
def test_an_a4_page_at_200_dpi_is_stored_small_in_each_mode(
    encoded: dict[ColourMode, EncodedPage],
    mode: ColourMode,
    media_type: str,
    pillow_mode: str,
    low_kib: int,
    high_kib: int,
) -> None:
    page = encoded[mode]
    assert page.media_type == media_type
    assert (page.width, page.height) == a4_pixels(200)
    assert low_kib * KIB <= len(page.data) <= high_kib * KIB
    with Image.open(io.BytesIO(page.data)) as stored:
        assert stored.mode == pillow_mode
        assert stored.size == a4_pixels(200)
        assert stored.info["dpi"] == pytest.approx((200, 200), abs=0.1)


def test_black_and_white_is_far_smaller_than_grey(
    encoded: dict[ColourMode, EncodedPage],
) -> None:
    assert len(encoded[ColourMode.BW].data) * 5 < len(encoded[ColourMode.GREY].data)


def test_pages_become_one_a4_pdf_with_the_jpeg_data_unchanged(
    encoded: dict[ColourMode, EncodedPage],
) -> None:
    pages = [encoded[mode].data for mode in ColourMode]
    pdf = pages_to_pdf(pages)
    assert encoded[ColourMode.GREY].data in pdf
    document = pdfium.PdfDocument(pdf)
    try:
        assert len(document) == 3
        for index in range(3):
            page = document[index]
            assert page.get_size() == pytest.approx(A4_POINTS, abs=1)
            page.close()
    finally:
        document.close()


def test_no_pages_make_no_pdf() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        pages_to_pdf([])
