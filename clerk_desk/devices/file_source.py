"""Pages imported from files: JPEG, PNG, multi-page TIFF, multi-page PDF.

The type is told by the file's first bytes, not its name (a renamed text file is refused as
unsupported, not reported as damaged). Images are checked with Pillow's ``verify()`` and then
decoded in full with ``load()``, which is what finds truncated data, and turned upright by
their EXIF orientation (photos from a phone); PDF pages are rendered with pdfium at the
asked resolution. A multi-page file delivers its pages one by one, so the
pages before a damaged one stay delivered.
"""

from __future__ import annotations

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
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.settings import OPTIONS_BY_NAME

PREFIX = "file:"
DEFAULT_MAX_IMPORT_MB: int = OPTIONS_BY_NAME["max_import_mb"].default
PDF_SIGNATURE_WINDOW = 1024
_IMAGE_SIGNATURES = {
    b"\xff\xd8\xff": "JPEG",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_PIL_ERRORS = (OSError, SyntaxError, ValueError, Image.DecompressionBombError)


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
        kind = self._check()
        pages = self._pdf_pages(options) if kind == "PDF" else self._image_pages()
        delivered = 0
        for image in pages:
            if cancelled() or (options.max_pages is not None and delivered >= options.max_pages):
                break
            on_page(_in_mode(image, options))
            delivered += 1
        return delivered

    def _check(self) -> str:
        shown = str(self.path)
        try:
            size = self.path.stat().st_size
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
                    image.verify()
                with Image.open(self.path) as image:
                    index = 0
                    while True:
                        image.load()
                        yield ImageOps.exif_transpose(image.copy())
                        index += 1
                        try:
                            image.seek(index)
                        except EOFError:
                            return
        except (*_PIL_ERRORS, UserWarning) as error:
            raise UnreadableFile(shown, str(error)) from error

    def _pdf_pages(self, options: ScanOptions) -> Iterator[Image.Image]:
        shown = str(self.path)
        try:
            document = pdfium.PdfDocument(self.path)
        except pdfium.PdfiumError as error:
            raise UnreadableFile(shown, str(error)) from error
        try:
            for index in range(len(document)):
                try:
                    page = document[index]
                    bitmap = page.render(scale=options.resolution / 72)
                    image = bitmap.to_pil().copy()
                    bitmap.close()
                    page.close()
                except pdfium.PdfiumError as error:
                    raise UnreadableFile(shown, str(error)) from error
                image.info["dpi"] = (options.resolution, options.resolution)
                yield image
        finally:
            document.close()


def _in_mode(image: Image.Image, options: ScanOptions) -> Image.Image:
    dpi = image.info.get("dpi") or (options.resolution, options.resolution)
    if options.mode is ColourMode.BW:
        converted = image.convert("L").convert("1", dither=Image.Dither.NONE)
    else:
        converted = image.convert("RGB" if options.mode is ColourMode.COLOUR else "L")
    converted.info["dpi"] = tuple(round(float(value)) for value in dpi)
    return converted
