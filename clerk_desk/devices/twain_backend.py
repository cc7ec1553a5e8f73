"""Scanners through TWAIN (pytwain), Windows only.

``twain`` is imported inside the functions that need it, so this module loads everywhere but
works only on Windows. It cannot run on the Linux machines where the tests and CI run, so it
is kept to the calls pytwain documents (list sources, open one by name, set resolution,
pixel type, feeder and duplex, acquire natively without the source's own dialog); the
behaviour tests do not cover it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PIL import Image

from clerk_desk.devices.base import (
    CancelCheck,
    ColourMode,
    DeviceGone,
    DeviceInfo,
    DeviceNotFound,
    PageSink,
    PaperJam,
    PaperSource,
    ScanOptions,
)

PREFIX = "twain:"
RESOLUTIONS = (100, 150, 200, 300, 400, 600)


def _info(product: str) -> DeviceInfo:
    return DeviceInfo(
        name=f"{PREFIX}{product}",
        model=product,
        kind="twain",
        resolutions=RESOLUTIONS,
        modes=tuple(ColourMode),
        sources=tuple(PaperSource),
    )


def list_twain_devices() -> list[DeviceInfo]:
    import twain  # Windows only

    with twain.SourceManager() as manager:
        return [_info(product) for product in manager.source_list]


class TwainSource:
    def __init__(self, product: str) -> None:
        self.info = _info(product)

    def capture(self, options: ScanOptions, on_page: PageSink, cancelled: CancelCheck) -> int:
        import twain  # Windows only
        from twain import exceptions
        from twain.lowlevel import constants as tw

        pixel = {ColourMode.COLOUR: tw.TWPT_RGB, ColourMode.GREY: tw.TWPT_GRAY}
        delivered = 0

        def after(image: Any, remaining: int) -> None:
            nonlocal delivered
            with tempfile.TemporaryDirectory(prefix="clerk-desk-twain-") as folder:
                bitmap = Path(folder, "page.bmp")
                image.save(str(bitmap))
                image.close()
                with Image.open(bitmap) as page:
                    page.load()
                    page.info["dpi"] = (options.resolution, options.resolution)
                    on_page(page.copy())
            delivered += 1
            limit_reached = options.max_pages is not None and delivered >= options.max_pages
            if remaining and (cancelled() or limit_reached):
                raise exceptions.CancelAll

        product = self.info.model
        try:
            with twain.SourceManager() as manager:
                source = manager.open_source(product)
                if source is None:
                    raise DeviceNotFound(self.info.name)
                with source:
                    for cap in (tw.ICAP_XRESOLUTION, tw.ICAP_YRESOLUTION):
                        source.set_capability(cap, tw.TWTY_FIX32, float(options.resolution))
                    source.set_capability(
                        tw.ICAP_PIXELTYPE, tw.TWTY_UINT16, pixel.get(options.mode, tw.TWPT_BW)
                    )
                    feeder = options.source is not PaperSource.FLATBED
                    source.set_capability(tw.CAP_FEEDERENABLED, tw.TWTY_BOOL, feeder)
                    if options.source is PaperSource.DUPLEX:
                        source.set_capability(tw.CAP_DUPLEXENABLED, tw.TWTY_BOOL, True)
                    source.acquire_natively(after=after, show_ui=False)
        except (exceptions.PaperJam, exceptions.PaperDoubleFeedError) as error:
            raise PaperJam(self.info.name, delivered) from error
        except (exceptions.CheckDeviceOnlineError, exceptions.NoDataSourceError) as error:
            raise DeviceGone(self.info.name, delivered, str(error)) from error
        return delivered
