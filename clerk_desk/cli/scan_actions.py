"""What ``clerk-desk scan`` does: capture pages, compress them, write one PDF.

Pages are compressed as they arrive (the way the desk stores them), so the PDF shows what a
case would hold. When the device fails part way, the pages already captured are still
written and the failure is reported: the exit status is non-zero either way.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from PIL import Image

from clerk_desk import paths
from clerk_desk.devices.base import ColourMode, DeviceError, PaperSource, ScanOptions
from clerk_desk.devices.registry import open_device
from clerk_desk.devices.sane_env import DEMO_BACKENDS
from clerk_desk.domain.limits import SCAN_PAGES_MAX, SCAN_RESOLUTION_MAX, SCAN_RESOLUTION_MIN
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, translate
from clerk_desk.imaging.encode import encode_page
from clerk_desk.imaging.pdf import pages_to_pdf
from clerk_desk.settings import Settings


class ScanRefused(UserError):
    """Arguments that cannot work, or a capture that gave fewer pages than asked."""


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.pages <= SCAN_PAGES_MAX:
        raise ScanRefused(
            # --pages 须在 1 到 {most} 之间
            QT_TRANSLATE_NOOP("core", "--pages must be from 1 to {most}"),
            most=SCAN_PAGES_MAX,
        )
    if not SCAN_RESOLUTION_MIN <= args.resolution <= SCAN_RESOLUTION_MAX:
        raise ScanRefused(
            # --resolution 须在 {least} 到 {most} dpi 之间
            QT_TRANSLATE_NOOP("core", "--resolution must be from {least} to {most} dpi"),
            least=SCAN_RESOLUTION_MIN,
            most=SCAN_RESOLUTION_MAX,
        )
    settings = Settings.load(paths.resolve(args.data_dir, args.demo).config_file)
    options = ScanOptions(
        resolution=args.resolution,
        mode=ColourMode(args.mode),
        source=PaperSource(args.source),
        max_pages=args.pages,
    )
    out = Path(args.out)
    pages: list[bytes] = []

    def on_page(image: Image.Image) -> None:
        pages.append(encode_page(image, options.mode).data)

    try:
        device = open_device(
            args.device, DEMO_BACKENDS if args.demo else None, settings.get("max_import_mb")
        )
        device.capture(options, on_page, lambda: False)
    except DeviceError:
        _write(out, pages)
        raise
    except OSError as error:
        raise ScanRefused(
            QT_TRANSLATE_NOOP("core", "The scanner system cannot be used ({error}): run doctor"),
            error=str(error),
        ) from error
    _write(out, pages)
    if len(pages) < args.pages:
        raise ScanRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "{device} gave {got} of {wanted} page(s); the {got} are in {path}: "
                "add the missing pages and scan again",
            ),
            device=args.device,
            got=len(pages),
            wanted=args.pages,
            path=str(out),
        )
    print(
        translate("core", "Scanned {count} page(s) into {path}").format(count=len(pages), path=out)
    )
    return 0


def _write(out: Path, pages: list[bytes]) -> None:
    """Write the PDF in one piece (temporary file, then rename); nothing without pages."""
    if not pages:
        return
    try:
        data = pages_to_pdf(pages)
    except ValueError as error:
        raise ScanRefused(
            # 页面在该分辨率下小于 PDF 允许的最小页面：请用较低的分辨率扫描
            QT_TRANSLATE_NOOP(
                "core",
                "The pages are too small for a PDF page at this resolution ({error}): "
                "scan at a lower resolution",
            ),
            error=str(error),
        ) from error
    try:
        temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except OSError as error:
        raise ScanRefused(
            QT_TRANSLATE_NOOP("core", "Cannot write {path} ({error}): choose another file"),
            path=str(out),
            error=error.strerror or str(error),
        ) from error
