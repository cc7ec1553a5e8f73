"""Scanning an agent's 授权委托书 at the output window, with the window's scanner.

The pages arrive on the GUI thread one by one (:class:`ui.intake.scanning.Scanner`); when the
feed ends, the first page is written to the desk's ``scans`` folder on the device thread and
``stored`` gives its path, which the hand-over then puts into the file store with the case.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from clerk_desk.domain.case import Case
from clerk_desk.domain.output_rules import AUTHORISATION
from clerk_desk.imaging.encode import EncodedPage
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker, JobControl
from ui.intake.scanning import Scanner, ScanStrip, window_scan_options, window_scanner

SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg"}


class AuthorisationScan(QObject):
    stored = Signal(object)  # Path
    failed = Signal(object)  # UserError

    def __init__(self, worker: DeskWorker, settings: Settings, parent: QObject) -> None:
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        self.strip = ScanStrip()
        self.scanner = Scanner(worker, self.strip, self)
        self.pages: list[EncodedPage] = []
        self.case_no = ""
        self.scanner.pageArrived.connect(lambda _name, page: self.pages.append(page))
        self.scanner.finished.connect(self._finished)
        self.scanner.failed.connect(self.failed)

    def start(self, case: Case) -> None:
        if self.scanner.busy() or self.worker.desk is None:
            return
        self.pages = []
        self.case_no = case.case_no or case.uuid
        device, backends = window_scanner(self.settings)
        self.scanner.start(device, backends, window_scan_options(self.settings), AUTHORISATION)

    def _finished(self, _name: str, _count: int, _cancelled: bool) -> None:
        if not self.pages or self.worker.desk is None:
            return
        page = self.pages[0]
        folder = self.worker.desk.data_dir.root / "scans"
        path = folder / f"{self.case_no}-{AUTHORISATION}{SUFFIXES.get(page.media_type, '.png')}"

        def write(_: JobControl) -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(page.data)
            return path

        self.worker.run_device(write, self.stored.emit, self.failed.emit, owner=self)
