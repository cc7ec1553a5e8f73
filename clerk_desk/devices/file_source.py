"""Pages imported from files: JPEG, PNG, multi-page TIFF, multi-page PDF.

The type is told by the file's first bytes, not its name (a renamed text file is refused as
unsupported, not reported as damaged). Images are checked with Pillow's ``verify()`` and then
decoded in full with ``load()``, which is what finds truncated data, and turned upright by
their EXIF orientation (photos from a phone); PDF pages are rendered with pdfium at the
asked resolution. A multi-page file delivers its pages one by one, so the
pages before a damaged one stay delivered.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from clerk_desk.devices.base import (
    CancelCheck,
    ColourMode,
    DeviceError,
    DeviceInfo,
    EmptyFile,
    FileTooLarge,
    PageSink,
    PaperSource,
    ScanOptions,
    UnreadableFile,
    UnsupportedFile,
)
from clerk_desk.domain.limits import IMAGE_PIXELS_MAX, PDF_PAGE_INCHES_MAX, PDF_POINTS_PER_INCH
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg
from clerk_desk.imported_files import regular_file_size
from clerk_desk.settings import OPTIONS_BY_NAME

PREFIX = "file:"
DEFAULT_MAX_IMPORT_MB: int = OPTIONS_BY_NAME["max_import_mb"].default
PDF_PAGE_POINTS_MAX = PDF_PAGE_INCHES_MAX * PDF_POINTS_PER_INCH
PDF_SIGNATURE_WINDOW = 1024
_IMAGE_SIGNATURES = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_PIL_ERRORS = (OSError, SyntaxError, ValueError, Image.DecompressionBombError)
_PDFIUM_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
# 不是有效的 PDF 文件
_NOT_A_PDF = QT_TRANSLATE_NOOP("core", "not a valid PDF file")
# 第 {page} 页无法读取
_PAGE_UNREADABLE = QT_TRANSLATE_NOOP("core", "page {page} cannot be read")


class EncryptedFile(DeviceError):
    def __init__(self, path: str) -> None:
        super().__init__(
            # {path} 已加密（有密码保护），无法读取：请提供未加密的文件，或打印后扫描
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is encrypted (password-protected) and cannot be read: ask for an "
                "unencrypted copy, or print it and scan the paper",
            ),
            path=path,
        )


class ImageTooLarge(DeviceError):
    def __init__(self, path: str, pixels: int) -> None:
        super().__init__(
            # {path} 有 {pixels} 百万像素，超过 {most} 百万像素的上限：请降低分辨率或缩小图片
            QT_TRANSLATE_NOOP(
                "core",
                "{path} has {pixels} million pixels, over the limit of {most} million: "
                "scan it at a lower resolution or make the picture smaller",
            ),
            path=path,
            pixels=pixels // 1_000_000,
            most=IMAGE_PIXELS_MAX // 1_000_000,
        )


class PageTooLarge(DeviceError):
    def __init__(self, path: str, page: int, width: float, height: float) -> None:
        super().__init__(
            # {path} 第 {page} 页为 {width}×{height} 英寸，超过长边 {most} 英寸的上限
            QT_TRANSLATE_NOOP(
                "core",
                "Page {page} of {path} is {width}×{height} inches, over the limit of {most} "
                "inches on the longer side: split or shrink the page",
            ),
            path=path,
            page=page,
            width=f"{width / PDF_POINTS_PER_INCH:.0f}",
            height=f"{height / PDF_POINTS_PER_INCH:.0f}",
            most=PDF_PAGE_INCHES_MAX,
        )


class FileMissing(DeviceError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("core", "{path} does not exist: check the folder and the name"),
            path=path,
        )


def file_type(head: bytes) -> str | None:
    """ "JPEG", "PNG", "TIFF", "PDF" or ``None`` from a file's first bytes."""
    for signature, kind in _IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return "PDF" if b"%PDF-" in head[:PDF_SIGNATURE_WINDOW] else None


class FileSource:
    """``file:PATH`` as a capture source."""

    def __init__(self, path: Path, max_import_mb: int = DEFAULT_MAX_IMPORT_MB) -> None:
        self.path = path
        self.max_bytes = max_import_mb * 1024 * 1024
        self._max_import_mb = max_import_mb
        self.info = DeviceInfo(
            name=f"{PREFIX}{path}",
            model=path.name,
            kind="file",
            resolutions=(),
            modes=tuple(ColourMode),
            sources=(PaperSource.FLATBED,),
        )

    def capture(self, options: ScanOptions, on_page: PageSink, cancelled: CancelCheck) -> int:
        kind = self.check()
        pages = self._pdf_pages(options) if kind == "PDF" else self._image_pages()
        delivered = 0
        for image in pages:
            if cancelled() or (options.max_pages is not None and delivered >= options.max_pages):
                break
            on_page(_in_mode(image, options))
            delivered += 1
        return delivered

    def check(self) -> str:
        """The file's kind, or the refusal of a missing, empty, too large or unknown file."""
        shown = str(self.path)
        try:
            size = regular_file_size(self.path)
            with self.path.open("rb") as file:
                head = file.read(PDF_SIGNATURE_WINDOW)
        except FileNotFoundError as error:
            raise FileMissing(shown) from error
        except OSError as error:
            raise UnreadableFile(shown, error.strerror or str(error)) from error
        if size == 0:
            raise EmptyFile(shown)
        if size > self.max_bytes:
            raise FileTooLarge(shown, size / (1024 * 1024), self._max_import_mb)
        kind = file_type(head)
        if kind is None:
            raise UnsupportedFile(shown)
        return kind

    def _image_pages(self) -> Iterator[Image.Image]:
        """Frame by frame: a damaged frame stops the import after the good ones before it.

        Pillow reports some damage (a cut TIFF directory) as a warning; here it is an error.
        """
        shown = str(self.path)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", UserWarning)
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(self.path) as image:
                    _check_pixels(shown, image)
                    image.verify()
                with Image.open(self.path) as image:
                    index = 0
                    while True:
                        _check_pixels(shown, image)
                        image.load()
                        yield ImageOps.exif_transpose(image.copy())
                        index += 1
                        try:
                            image.seek(index)
                        except EOFError:
                            return
        except Image.DecompressionBombError as error:
            raise _too_large(shown, error) from error
        except (*_PIL_ERRORS, UserWarning) as error:
            raise UnreadableFile(shown, str(error)) from error

    def _pdf_pages(self, options: ScanOptions) -> Iterator[Image.Image]:
        shown = str(self.path)
        document = open_pdf(self.path)
        try:
            for index in range(len(document)):
                try:
                    page = document[index]
                    scale = render_scale(shown, index, page.get_size(), options.resolution)
                    bitmap = page.render(scale=scale)
                    image = bitmap.to_pil().copy()
                    bitmap.close()
                    page.close()
                except pdfium.PdfiumError as error:
                    raise UnreadableFile(shown, msg(_PAGE_UNREADABLE, page=index + 1)) from error
                image.info["dpi"] = (options.resolution, options.resolution)
                yield image
        finally:
            document.close()


def check_pages(path: Path, max_import_mb: int = DEFAULT_MAX_IMPORT_MB) -> None:
    """What a file kept as it is (an attachment) must pass to be shown and printed later:
    the import's checks and every page within the limits, without decoding a pixel."""
    source = FileSource(path, max_import_mb)
    shown = str(path)
    if source.check() == "PDF":
        document = open_pdf(path)
        try:
            for index in range(len(document)):
                render_scale(shown, index, document.get_page_size(index), PDF_POINTS_PER_INCH)
        finally:
            document.close()
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                _check_pixels(shown, image)
                image.verify()
    except Image.DecompressionBombError as error:
        raise _too_large(shown, error) from error
    except _PIL_ERRORS as error:
        raise UnreadableFile(shown, str(error)) from error


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """The document, or the refusal that says why not (never pdfium's own wording)."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
            raise EncryptedFile(str(path)) from error
        raise UnreadableFile(str(path), msg(_NOT_A_PDF)) from error


def render_scale(shown: str, index: int, size: tuple[float, float], resolution: int) -> float:
    """Pixels per point for rendering a page at ``resolution``, lowered so that the page
    stays within the pixel limit; a page larger than the page-size limit is refused."""
    width, height = size
    if max(width, height) > PDF_PAGE_POINTS_MAX:
        raise PageTooLarge(shown, index + 1, width, height)
    scale = resolution / PDF_POINTS_PER_INCH
    area = max(width * height, 1.0)
    return min(scale, math.sqrt(IMAGE_PIXELS_MAX / area))


def _check_pixels(shown: str, image: Image.Image) -> None:
    """From the header, before a pixel is decoded."""
    width, height = image.size
    if width * height > IMAGE_PIXELS_MAX:
        raise ImageTooLarge(shown, width * height)


def _too_large(shown: str, error: Image.DecompressionBombError) -> ImageTooLarge:
    """Pillow's own refusal, past twice its limit, before the header reaches us."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return ImageTooLarge(shown, int(found.group(1)) if found else IMAGE_PIXELS_MAX + 1)


def _in_mode(image: Image.Image, options: ScanOptions) -> Image.Image:
    dpi = image.info.get("dpi") or (options.resolution, options.resolution)
    if options.mode is ColourMode.BW:
        converted = image.convert("L").convert("1", dither=Image.Dither.NONE)
    else:
        converted = image.convert("RGB" if options.mode is ColourMode.COLOUR else "L")
    converted.info["dpi"] = tuple(round(float(value)) for value in dpi)
    return converted
