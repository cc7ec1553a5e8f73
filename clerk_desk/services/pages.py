"""Pages of a case's materials: adding, rotating, cropping, reordering, deleting, PDFs.

A page is an image in the desk's content-addressed file store, listed in the material's
``files``; page order is list order. Like :meth:`IntakeService.attach_file`, every change is
made on the case in memory after the new file is safely stored, and the caller saves the
draft. A changed page (rotated, cropped) is a new file with a new sha256 that takes the old
entry's place; the old file stays until the start-up sweep finds it unreferenced.

Pages are addressed by sha256. Two identical pages (the same sheet scanned twice by a
scanner without noise) are interchangeable: an operation acts on the first of them.
"""

from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageChops, JpegImagePlugin

from clerk_desk.devices.base import ColourMode, ScanOptions
from clerk_desk.domain.case import Case, CaseMaterial, MaterialFile, MaterialMark
from clerk_desk.domain.limits import IMPORT_MB_DEFAULT
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.imaging.encode import EncodedPage, encode_page
from clerk_desk.services.material_reuse import Reusable, find_reusable, reuse_on
from local_cache.db import Database
from local_cache.file_store import FileStore

PAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png"}
THUMBNAIL_CACHE_SIZE = 256
# A pixel whose channels differ by more than this (after downscaling) makes an import colour:
# enough to keep a red stamp, above the colour noise of a grey scan saved as JPEG.
COLOUR_SPREAD = 40
_COLOUR_PROBE = (256, 256)
_PAGE_NAME = re.compile(r"^第\d+页(\.[a-z]+)$")


class PageError(UserError):
    pass


def page_name(number: int, media_type: str) -> str:
    """第3页.jpg: what the clerk sees in lists and what a downloaded page is called."""
    return f"第{number}页{PAGE_TYPES.get(media_type, '')}"


def pages_short_of(material: CaseMaterial) -> int:
    """How many pages fewer than the catalog asks for; never negative.

    Pages stand for the paper, so every copy asked for (原件 / 复印件: ``copies``) needs at
    least one page — a lower bound, since a copy may have many pages. A material asked for
    with no copies (电子, or 核验原件 that is shown and handed back) still needs one page: the
    scan is all the case keeps of it.
    """
    return max(0, max(material.copies, 1) - len(material.files))


class PageService:
    def __init__(
        self,
        files: FileStore,
        database: Database,
        clock: Callable[[], datetime] = datetime.now,
        max_import_mb: Callable[[], int] = lambda: IMPORT_MB_DEFAULT,
    ) -> None:
        self.files = files
        self.database = database
        self.clock = clock
        self.max_import_mb = max_import_mb
        self._thumbnails: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._thumbnail_lock = threading.Lock()

    pages_short_of = staticmethod(pages_short_of)

    # Adding -------------------------------------------------------------------------------

    def add_pages(self, case: Case, material_name: str, pages: Sequence[EncodedPage]) -> Case:
        """Store ``pages`` and list them after the material's pages, named by position; an
        unchecked or missing material becomes attached."""
        material = _material(case, material_name)
        for page in pages:
            stored = self.files.put(page.data)
            name = page_name(len(material.files) + 1, page.media_type)
            entry = MaterialFile(stored.sha256, name, stored.size, page.media_type, self.clock())
            material.files = (*material.files, entry)
        if pages and material.mark in (MaterialMark.UNCHECKED, MaterialMark.MISSING):
            material.mark = MaterialMark.ATTACHED
        return case

    def import_file(
        self, case: Case, material_name: str, path: str | Path, options: ScanOptions | None = None
    ) -> Case:
        """A JPEG, PNG, TIFF or PDF file's pages added to the material.

        Without ``options`` each page is stored grey unless it has colour (a red stamp is
        enough), which stays colour. If the file turns out damaged half way, the pages read
        before the damage are added and the error is raised."""
        _material(case, material_name)
        pages: list[EncodedPage] = []

        def on_page(image: Image.Image) -> None:
            mode = _import_mode(image) if options is None else options.mode
            pages.append(encode_page(image, mode))

        # pdfium is loaded when a file is first imported, not when the desk starts.
        from clerk_desk.devices.registry import open_device

        source = open_device(f"file:{path}", max_import_mb=self.max_import_mb())
        try:
            source.capture(options or ScanOptions(mode=ColourMode.COLOUR), on_page, _never)
        finally:
            self.add_pages(case, material_name, pages)
        return case

    # Changing -----------------------------------------------------------------------------

    def rotate(self, case: Case, material_name: str, sha256: str, quarter_turns: int) -> Case:
        """Turn a page clockwise by ``quarter_turns`` × 90° (negative: anticlockwise)."""
        turns = quarter_turns % 4
        if turns == 0:
            return case
        transpose = {
            1: Image.Transpose.ROTATE_270,
            2: Image.Transpose.ROTATE_180,
            3: Image.Transpose.ROTATE_90,
        }[turns]
        return self._change(case, material_name, sha256, lambda image: image.transpose(transpose))

    def crop(
        self, case: Case, material_name: str, sha256: str, box: tuple[int, int, int, int]
    ) -> Case:
        """Keep the pixels inside ``box`` (left, top, right, bottom) of the stored page."""
        left, top, right, bottom = box
        if right <= left or bottom <= top:
            raise PageError(
                # 裁剪区域为空：请在页面上拖出一个有宽度和高度的区域
                QT_TRANSLATE_NOOP(
                    "core", "The crop area is empty: drag out an area with a width and a height"
                )
            )

        def cropped(image: Image.Image) -> Image.Image:
            if left < 0 or top < 0 or right > image.width or bottom > image.height:
                raise PageError(
                    # 裁剪区域超出了页面（{width}×{height} 像素）：请在页面内选择区域
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The crop area goes beyond the page ({width}×{height} pixels): "
                        "choose an area inside the page",
                    ),
                    width=image.width,
                    height=image.height,
                )
            return image.crop(box)

        return self._change(case, material_name, sha256, cropped)

    def move(self, case: Case, material_name: str, sha256: str, index: int) -> Case:
        """Put a page at position ``index`` (0 = first; beyond either end: first or last);
        pages named by position are renumbered."""
        material = _material(case, material_name)
        files = list(material.files)
        page = files.pop(_index(material, sha256))
        files.insert(max(0, min(index, len(files))), page)
        material.files = _renumbered(files)
        return case

    def delete(self, case: Case, material_name: str, sha256: str) -> Case:
        """Take a page off the material; an attached material without pages is unchecked
        again (as :meth:`CaseMaterial.detach`). Pages named by position are renumbered."""
        material = _material(case, material_name)
        files = list(material.files)
        del files[_index(material, sha256)]
        material.files = _renumbered(files)
        if material.mark is MaterialMark.ATTACHED and not files:
            material.mark = MaterialMark.UNCHECKED
        return case

    def _change(
        self,
        case: Case,
        material_name: str,
        sha256: str,
        change: Callable[[Image.Image], Image.Image],
    ) -> Case:
        material = _material(case, material_name)
        index = _index(material, sha256)
        old = material.files[index]
        with self._open(old) as image:
            data, media_type = _reencoded(image, change)
        stored = self.files.put(data)
        name = Path(old.name).with_suffix(PAGE_TYPES[media_type]).name
        files = list(material.files)
        files[index] = replace(
            old, sha256=stored.sha256, name=name, size=stored.size, media_type=media_type
        )
        material.files = tuple(files)
        return case

    # Reading ------------------------------------------------------------------------------

    def material_pdf(self, case: Case, material_name: str) -> bytes:
        """The material's page images as one PDF, a PDF page per image, in order. Attached
        files that are not page images (a PDF attached as it was) are not part of it."""
        material = _material(case, material_name)
        pages = [f for f in material.files if f.media_type in PAGE_TYPES]
        if not pages:
            raise PageError(
                # “{name}”还没有扫描页：请先扫描或导入它的页面
                QT_TRANSLATE_NOOP(
                    "core", "“{name}” has no scanned pages yet: scan or import its pages first"
                ),
                name=material_name,
            )
        from clerk_desk.imaging.pdf import pages_to_pdf  # img2pdf: only when a PDF is made

        return pages_to_pdf([self.files.path_for(f.sha256).read_bytes() for f in pages])

    def thumbnail(self, sha256: str, size: int) -> bytes:
        """A PNG of the page whose longest side is ``size`` pixels (never enlarged)."""
        key = (sha256, size)
        with self._thumbnail_lock:
            if key in self._thumbnails:
                self._thumbnails.move_to_end(key)
                return self._thumbnails[key]
        data = self._render_thumbnail(sha256, size)
        with self._thumbnail_lock:
            self._thumbnails[key] = data
            if len(self._thumbnails) > THUMBNAIL_CACHE_SIZE:
                self._thumbnails.popitem(last=False)
        return data

    def _render_thumbnail(self, sha256: str, size: int) -> bytes:
        if size < 1:
            raise ValueError(f"thumbnail size must be positive, not {size}")
        path = self.files.path_for(sha256)
        try:
            with Image.open(path) as image:
                image.draft("RGB" if image.mode == "RGB" else "L", (size, size))
                small = image.convert("RGB" if image.mode in ("RGB", "RGBA", "P") else "L")
        except (OSError, SyntaxError, ValueError) as error:
            raise PageError(
                # 无法显示该页（{error}）
                QT_TRANSLATE_NOOP("core", "The page cannot be shown ({error})"),
                error=str(error),
            ) from error
        small.thumbnail((size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        small.save(buffer, "PNG")
        return buffer.getvalue()

    def _open(self, file: MaterialFile) -> Image.Image:
        if file.media_type not in PAGE_TYPES:
            raise PageError(
                # {name} 不是页面图像，不能旋转或裁剪
                QT_TRANSLATE_NOOP(
                    "core", "{name} is not a page image; only JPEG and PNG pages can be changed"
                ),
                name=file.name,
            )
        try:
            image = Image.open(self.files.path_for(file.sha256))
            image.load()
        except (OSError, SyntaxError, ValueError) as error:
            raise PageError(
                QT_TRANSLATE_NOOP("core", "The page cannot be shown ({error})"), error=str(error)
            ) from error
        return image

    # 材料复用 -------------------------------------------------------------------------------

    def reusable_for(self, case: Case) -> list[Reusable]:
        """Pages the applicant's earlier cases hold for this case's reusable materials."""
        return find_reusable(self.database, case, self.clock().date())

    def reuse(self, case: Case, material_name: str, reusable: Reusable) -> Case:
        """Attach ``reusable``'s pages by reference (no copy) and mark the material present."""
        reuse_on(_material(case, material_name), reusable)
        return case


def _reencoded(
    image: Image.Image, change: Callable[[Image.Image], Image.Image]
) -> tuple[bytes, str]:
    """``change(image)`` in the stored page's own format: a JPEG with the original's
    quantisation tables and subsampling (the same quality), anything else as PNG in the
    original's mode (a 1-bit page stays 1-bit)."""
    changed = change(image)
    buffer = io.BytesIO()
    dpi = image.info.get("dpi")
    extra = {"dpi": dpi} if dpi else {}
    if image.format == "JPEG":
        changed.save(
            buffer,
            "JPEG",
            qtables=image.quantization,  # type: ignore[attr-defined]
            subsampling=JpegImagePlugin.get_sampling(image),
            **extra,
        )
        media_type = "image/jpeg"
    else:
        changed.save(buffer, "PNG", optimize=True, **extra)
        media_type = "image/png"
    return buffer.getvalue(), media_type


def _import_mode(image: Image.Image) -> ColourMode:
    if image.mode != "RGB":
        return ColourMode.GREY
    probe = image.copy()
    probe.thumbnail(_COLOUR_PROBE)
    red, green, blue = probe.split()
    spread = ImageChops.lighter(
        ImageChops.lighter(ImageChops.difference(red, green), ImageChops.difference(green, blue)),
        ImageChops.difference(red, blue),
    )
    colourful = any(spread.histogram()[COLOUR_SPREAD + 1 :])
    return ColourMode.COLOUR if colourful else ColourMode.GREY


def _renumbered(files: list[MaterialFile]) -> tuple[MaterialFile, ...]:
    """Pages named 第N页 get the number of their position; other names are kept."""
    renamed = []
    for number, file in enumerate(files, start=1):
        match = _PAGE_NAME.match(file.name)
        renamed.append(replace(file, name=f"第{number}页{match.group(1)}") if match else file)
    return tuple(renamed)


def _index(material: CaseMaterial, sha256: str) -> int:
    for index, file in enumerate(material.files):
        if file.sha256 == sha256:
            return index
    raise PageError(
        # “{name}”中没有这一页；页面列表可能已在别处更改，请刷新
        QT_TRANSLATE_NOOP(
            "core", "“{name}” has no such page; its pages may have changed, reload the case"
        ),
        name=material.name,
    )


def _material(case: Case, name: str) -> CaseMaterial:
    for material in case.materials:
        if material.name == name:
            return material
    raise PageError(
        QT_TRANSLATE_NOOP("core", "The case's checklist has no material “{name}”"), name=name
    )


def _never() -> bool:
    return False
