"""Scanning from the 受理 workspace: the feed runs on the device thread, pages come one by one.

Each page is compressed on the device thread as soon as the scanner delivers it and handed to
``pageArrived`` on the GUI thread, where the workspace stores it at once; so when a feed stops
half way (paper jam, scanner unplugged, Cancel) the pages already scanned are kept. A small
strip under the checklist says which page is being scanned and offers Cancel (Esc); it takes
no focus, so the clerk keeps typing while pages arrive.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from clerk_desk.devices.base import ColourMode, PaperSource, ScanOptions
from clerk_desk.devices.registry import open_device
from clerk_desk.devices.sane_env import DEMO_BACKENDS
from clerk_desk.imaging.encode import EncodedPage, encode_page
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker, JobControl
from ui.naming import described, named

DEMO_SCANNER = "test:0"


def window_scanner(settings: Settings) -> tuple[str, Sequence[str] | None]:
    """This window's scanner and the SANE backends to load: the one chosen in 设置; in demo
    mode SANE's ``test`` device unless another was chosen, with only the demo backends."""
    demo = settings.get("mode") == "demo"
    device = str(settings.get("scanner_device")) or (DEMO_SCANNER if demo else "")
    return device, DEMO_BACKENDS if demo else None


def window_scan_options(settings: Settings) -> ScanOptions:
    """How this window scans (设置 → 分辨率, 色彩, 纸张来源); a value the settings file holds
    but this version does not know falls back to the default, the scanner then says what it
    offers if it cannot do the rest."""
    default = ScanOptions()
    mode = str(settings.get("scan_mode"))
    source = str(settings.get("scan_source"))
    return ScanOptions(
        resolution=max(1, int(settings.get("scan_resolution"))),
        mode=ColourMode(mode) if mode in set(ColourMode) else default.mode,
        source=PaperSource(source) if source in set(PaperSource) else default.source,
    )


class ScanStrip(QFrame):
    """The line "Scanning page 2…" and Cancel; hidden when no scan is under way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "scan.progress", self.tr("Scanning progress"))
        self.setProperty("role", "banner")
        self.text = named(QLabel(), "scan.text", self.tr("Scanning progress"))
        self.cancel_button = named(
            QPushButton(self.tr("Cancel (Esc)")), "scan.cancel", self.tr("Cancel the scan")
        )
        described(self.cancel_button, self.tr("Cancel the scan"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.cancel_button)
        self.hide()


class Scanner(QObject):
    """One feed at a time from the window's scanner into the material it was started for.

    ``pageArrived(material, page)`` for every page; ``finished(material, count, cancelled)``
    when the feed ended normally; ``failed(error)`` when it stopped on an error; ``running``
    when a feed starts and ends.
    """

    pageArrived = Signal(str, object)
    finished = Signal(str, int, bool)
    failed = Signal(object)
    running = Signal(bool)

    def __init__(self, devices: DeskWorker, strip: ScanStrip, parent: QObject) -> None:
        super().__init__(parent)
        self.devices = devices
        self.strip = strip
        self.material = ""
        self.arrived = 0
        self._control: JobControl | None = None
        strip.cancel_button.clicked.connect(self.cancel)

    def busy(self) -> bool:
        return self._control is not None

    def start(
        self,
        device: str,
        backends: Sequence[str] | None,
        options: ScanOptions,
        material: str,
    ) -> None:
        """Scan with ``device`` into ``material``; does nothing while a feed is under way."""
        if self.busy():
            return
        self.material = material
        self.arrived = 0

        def feed(control: JobControl) -> int:
            source = open_device(device, backends)
            return source.capture(
                options,
                lambda image: control.report(encode_page(image, options.mode)),
                control.cancelled,
            )

        self._show()
        self.strip.show()
        self.running.emit(True)
        self._control = self.devices.run_device(
            feed,
            self._finished,
            self.failed.emit,
            owner=self,
            on_progress=self._page,
            after=self._ended,
        )

    def cancel(self) -> None:
        if self._control is None:
            return
        self._control.cancel()
        self.strip.text.setText(self.tr("Cancelling after the page under way…"))

    def _page(self, page: EncodedPage) -> None:
        self.arrived += 1
        self.pageArrived.emit(self.material, page)
        if self._control is not None and not self._control.cancelled():
            self._show()

    def _show(self) -> None:
        self.strip.text.setText(self.tr("Scanning page {number}…").format(number=self.arrived + 1))

    def _finished(self, _count: int) -> None:
        control = self._control
        self.finished.emit(self.material, self.arrived, bool(control and control.cancelled()))

    def _ended(self) -> None:
        self._control = None
        self.strip.hide()
        self.running.emit(False)
