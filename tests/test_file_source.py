"""Importing pages from real files made here: JPEG, PNG, TIFF, PDF, and broken ones."""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pytest
from PIL import Image

from clerk_desk.devices.base import (
    ColourMode,
    DeviceError,
    EmptyFile,
    FileTooLarge,
    ScanOptions,
    UnreadableFile,
    UnsupportedFile,
)
from clerk_desk.devices.file_source import FileMissing, FileSource
from clerk_desk.devices.registry import open_device
from clerk_desk.settings import OPTIONS_BY_NAME

PAGE_SIZE = (170, 240)


def page(shade: int = 200) -> Image.Image:
    return Image.new("RGB", PAGE_SIZE, (shade, shade, 255))


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", dpi=(100, 100))
    return buffer.getvalue()


def import_pages(path: Path, options: ScanOptions | None = None) -> list[Image.Image]:
    pages: list[Image.Image] = []
    source = open_device(f"file:{path}")
    delivered = source.capture(options or ScanOptions(), pages.append, lambda: False)
    assert delivered == len(pages)
    return pages


def test_a_jpeg_is_one_page_keeping_its_pixels_and_resolution(tmp_path: Path) -> None:
    path = tmp_path / "id-card.jpg"
    path.write_bytes(jpeg_bytes(page()))
    (imported,) = import_pages(path, ScanOptions(mode=ColourMode.COLOUR))
    assert imported.size == PAGE_SIZE
    assert imported.mode == "RGB"
    assert imported.info["dpi"] == (100, 100)


def test_a_photo_is_turned_upright_by_its_exif_orientation(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone turned: rotate 90° clockwise to view
    page().save(path, exif=exif, dpi=(100, 100))
    (imported,) = import_pages(path)
    assert imported.size == (PAGE_SIZE[1], PAGE_SIZE[0])
    assert imported.info["dpi"] == (100, 100)


def test_a_png_is_one_page_in_the_asked_mode(tmp_path: Path) -> None:
    path = tmp_path / "licence.png"
    page().save(path)
    (imported,) = import_pages(path, ScanOptions(mode=ColourMode.BW))
    assert imported.mode == "1"
    assert imported.size == PAGE_SIZE


def test_a_three_page_tiff_is_three_pages(tmp_path: Path) -> None:
    path = tmp_path / "contract.tif"
    first, *rest = [page(shade) for shade in (50, 120, 220)]
    first.save(path, save_all=True, append_images=rest)
    pages = import_pages(path, ScanOptions(mode=ColourMode.GREY))
    assert [p.getpixel((0, 0)) for p in pages] == [
        p.convert("L").getpixel((0, 0)) for p in [first, *rest]
    ]


def test_a_two_page_pdf_is_rendered_at_the_asked_resolution(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    layout = img2pdf.get_fixed_dpi_layout_fun((100, 100))
    path.write_bytes(
        img2pdf.convert([jpeg_bytes(page(60)), jpeg_bytes(page(90))], layout_fun=layout)
    )
    pages = import_pages(path, ScanOptions(resolution=50))
    assert len(pages) == 2
    # 170 x 240 pixels at 100 dpi rendered at 50 dpi; pdfium rounds the edges up.
    for width, height in (p.size for p in pages):
        assert 85 <= width <= 86 and 120 <= height <= 121
    assert pages[0].info["dpi"] == (50, 50)


def test_max_pages_stops_a_long_file(tmp_path: Path) -> None:
    path = tmp_path / "long.tif"
    page().save(path, save_all=True, append_images=[page(), page(), page()])
    assert len(import_pages(path, ScanOptions(max_pages=2))) == 2


def refusal(path: Path, max_import_mb: int | None = None) -> DeviceError:
    source = FileSource(path) if max_import_mb is None else FileSource(path, max_import_mb)
    with pytest.raises(DeviceError) as caught:
        source.capture(ScanOptions(), lambda image: None, lambda: False)
    return caught.value


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    path.write_bytes(b"")
    error = refusal(path)
    assert isinstance(error, EmptyFile)
    assert error.render("en") == f"{path} is empty (0 bytes): copy the file again from its source"


def test_a_truncated_jpeg_is_unreadable(tmp_path: Path) -> None:
    data = jpeg_bytes(Image.effect_noise(PAGE_SIZE, 60).convert("RGB"))
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 2])
    error = refusal(path)
    assert isinstance(error, UnreadableFile)
    message = error.render("en")
    assert message.startswith(f"{path} is damaged or incomplete (")
    assert message.endswith("): copy it again or scan the paper")


def test_a_text_file_named_png_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("这不是图片\n", encoding="utf-8")
    error = refusal(path)
    assert isinstance(error, UnsupportedFile)
    assert error.render("en") == (
        f"{path} is not a JPEG, PNG, TIFF or PDF file: save it in one of these formats"
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    error = refusal(path, max_import_mb=1)
    assert isinstance(error, FileTooLarge)
    assert error.render("en") == (
        f"{path} is 2.0 MB, over the 1 MB limit: scan it at a lower resolution or split it"
    )


def test_the_default_limit_is_the_setting() -> None:
    assert OPTIONS_BY_NAME["max_import_mb"].default == 50
    assert FileSource(Path("x.pdf")).max_bytes == 50 * 1024 * 1024


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    error = refusal(tmp_path / "gone.pdf")
    assert isinstance(error, FileMissing)
    assert (
        error.render("en")
        == f"{tmp_path / 'gone.pdf'} does not exist: check the folder and the name"
    )


def test_a_broken_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n")
    assert isinstance(refusal(path), UnreadableFile)


def test_pages_before_a_corrupt_tiff_frame_stay_delivered(tmp_path: Path) -> None:
    path = tmp_path / "damaged.tif"
    first, *rest = [Image.effect_noise(PAGE_SIZE, 50 + 20 * n).convert("L") for n in range(3)]
    first.save(path, save_all=True, append_images=rest)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut inside the second frame
    pages: list[Image.Image] = []
    with pytest.raises(UnreadableFile):
        FileSource(path).capture(ScanOptions(), pages.append, lambda: False)
    assert len(pages) == 1
    assert pages[0].tobytes() == first.tobytes()
