"""Capturing the pages of a material in 受理: scanner, document camera, files, earlier cases.

On the checklist, S scans with the window's scanner, K opens the document camera, A imports
files, Delete takes files off again and U reuses pages an earlier case of the same applicant
holds (材料复用). The thumbnails of the current material sit under the checklist
(:mod:`ui.intake.pages_panel`) with their own keys: rotate, move, delete, open and crop.

Pages are captured on the device thread and stored through ``desk.pages`` by :class:`PageJobs`,
one change at a time; ``pagesChanged`` tells the workspace that a material's pages came back,
so it can show them and save the draft. Problems go to ``failed`` (a refusal from the desk) or
``said`` (a sentence for the status line); ``noted`` is news that is not a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from clerk_desk.domain.case import Case, CaseMaterial
from clerk_desk.domain.case_states import CaseState
from clerk_desk.errors import UserError
from clerk_desk.imaging.encode import EncodedPage
from clerk_desk.services.attachments import ALLOWED_PATTERNS
from clerk_desk.services.material_reuse import Reusable
from clerk_desk.services.pages import pages_short_of
from clerk_desk.settings import Settings
from ui.desk_worker import DeskWorker
from ui.intake.camera_dialog import CameraDialog
from ui.intake.dialogs import DetachFilesDialog
from ui.intake.materials_table import MaterialsTable
from ui.intake.page_jobs import PageJobs
from ui.intake.page_view import PageViewDialog
from ui.intake.pages_panel import PagesPanel
from ui.intake.reuse import ReuseBar, ReuseDialog, offers_still_open
from ui.intake.scanning import Scanner, ScanStrip, window_scan_options, window_scanner
from ui.naming import described, named
from ui.shortcuts import local_shortcut

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


def _import_files(desk: Desk, case: Case, name: str, paths: list[str]) -> Case:
    """Every file's pages into the material, in order; a refused or damaged file does not stop
    the ones after it, and the first refusal is raised at the end (the pages stay in ``case``)."""
    refused: list[UserError] = []
    for path in paths:
        try:
            desk.pages.import_file(case, name, path)
        except UserError as error:
            refused.append(error)
    if refused:
        raise refused[0]
    return case


def _number(case: Case) -> str:
    return case.applicant.key_number.strip().upper()


def _reuse_job(offer: Reusable) -> Callable[[Desk, Case], Case]:
    return lambda desk, case: desk.pages.reuse(case, offer.material_name, offer)


class MaterialCapture(QObject):
    pagesChanged = Signal(str)
    said = Signal(str)
    noted = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        worker: DeskWorker,
        settings: Settings,
        table: MaterialsTable,
        current: Callable[[], Case | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        self.table = table
        self._current = current
        self._host = parent
        self._follow: str | None = None  # the page to select once its move comes back
        self._capturing_for: str | None = None  # uuid of the case a scan or camera feeds
        self._reuse_asked = 0  # the newest offer look-up; older answers are dropped
        self.offers: list[Reusable] = []
        self._offers_for = ""  # the applicant number the offers were found for

        self.attach_button = self._button(
            self.tr("Import files (A)"),
            "materials.attach",
            self.tr("Import files for the current material"),
        )
        self.scan_button = self._button(
            self.tr("Scan (S)"), "materials.scan", self.tr("Scan pages into the current material")
        )
        self.camera_button = self._button(
            self.tr("Camera (K)"),
            "materials.camera",
            self.tr("Take pages with the document camera"),
        )
        # Asks the clerk for files; tests put a function here instead of a real dialog.
        self.choose_files: Callable[[], list[str]] = self._ask_files
        self.page_jobs = PageJobs(worker, current, self)
        self.pages = PagesPanel(worker)
        self.scan_strip = ScanStrip()
        self.scanner = Scanner(worker, self.scan_strip, self)
        self.camera: CameraDialog | None = None
        self.reuse_bar = ReuseBar()

        self.attach_button.clicked.connect(lambda: self.attach_files(self._row()))
        self.scan_button.clicked.connect(lambda: self.scan(self._row()))
        self.camera_button.clicked.connect(lambda: self.open_camera(self._row()))
        self.reuse_bar.button.clicked.connect(lambda: self.ask_reuse(self._row()))
        table.attachWanted.connect(self.attach_files)
        table.detachWanted.connect(self._ask_detach)
        table.scanWanted.connect(self.scan)
        table.cameraWanted.connect(self.open_camera)
        table.reuseWanted.connect(self.ask_reuse)
        self.page_jobs.changed.connect(self._pages_came_back)
        self.page_jobs.failed.connect(self.failed)
        self.pages.rotateWanted.connect(
            lambda sha, turns: self._change_pages(
                lambda desk, case, name: desk.pages.rotate(case, name, sha, turns)
            )
        )
        self.pages.moveWanted.connect(self._move_page)
        self.pages.deleteWanted.connect(
            lambda sha: self._change_pages(
                lambda desk, case, name: desk.pages.delete(case, name, sha)
            )
        )
        self.pages.openWanted.connect(self.open_page)
        self.scanner.pageArrived.connect(self._page_arrived)
        self.scanner.finished.connect(self._scanned)
        self.scanner.failed.connect(self.failed)
        # Esc stops a scan wherever the clerk is typing; only while one is under way.
        cancel_scan = local_shortcut(parent, Qt.Key.Key_Escape, self.scanner.cancel)
        cancel_scan.setEnabled(False)
        self.scanner.running.connect(cancel_scan.setEnabled)

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        button = described(named(QPushButton(text), name, accessible), accessible)
        button.setAutoDefault(False)
        return button

    def buttons_row(self) -> QHBoxLayout:
        """The capture buttons, in one row under the checklist."""
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addStretch(1)
        for button in (self.scan_button, self.camera_button, self.attach_button):
            row.addWidget(button)
        return row

    def busy(self) -> bool:
        """A scan runs or a page change has not come back from the database thread."""
        return self.scanner.busy() or self.page_jobs.pending() > 0

    def reset(self) -> None:
        """A new case: queued changes, a running scan, the thumbnails and the offers go."""
        self.page_jobs.clear()
        self.scanner.cancel()
        self.pages.forget()
        self._reuse_asked += 1
        self.offers = []
        self.reuse_bar.show_offers([])

    def show_material(self, material: CaseMaterial | None) -> None:
        """The current material's thumbnails and page count; the reuse offers still open."""
        self.pages.show_material(material, self._pages_text(material) if material else "")
        self.reuse_bar.show_offers(self._open_offers())

    def _pages_text(self, material: CaseMaterial) -> str:
        """3 页 / 目录要求 2 份, and how many pages are still wanted."""
        text = self.tr("{pages} page(s) / catalog asks {copies}").format(
            pages=len(material.files), copies=max(material.copies, 1)
        )
        short = pages_short_of(material)
        if short:
            text += self.tr(" · {short} more wanted").format(short=short)
        return text

    def _row(self) -> int:
        return self.table.currentIndex().row()

    def _draft_material(self, row: int) -> str | None:
        """The name of the material in ``row`` when pages can be added to it."""
        case = self._current()
        materials = self.table.materials.materials
        if case is None or case.state is not CaseState.DRAFT or not 0 <= row < len(materials):
            return None
        return materials[row].name

    # Files --------------------------------------------------------------------------------

    def attach_files(self, row: int) -> None:
        """A / 导入文件: every page of the chosen files (a PDF or TIFF gives several) is added
        to the material on the database thread; a damaged file is explained and the pages
        before it stay."""
        name = self._draft_material(row)
        if name is None:
            return
        paths = self.choose_files()
        if paths:
            self.page_jobs.submit(name, lambda desk, case: _import_files(desk, case, name, paths))
        self.table.setFocus()

    def _ask_files(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(
            self._host,
            self.tr("Import files"),
            "",
            self.tr("PDF and images ({patterns})").format(patterns=" ".join(ALLOWED_PATTERNS)),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return paths

    def _ask_detach(self, row: int) -> None:
        material = self.table.materials.materials[row]
        dialog = DetachFilesDialog(material.name, material.files, self._host)
        dialog.chosen.connect(lambda ticked: self._detach(material.name, ticked))
        dialog.finished.connect(lambda _: self.table.setFocus())
        dialog.open()

    def _detach(self, name: str, ticked: list[str]) -> None:
        def delete(desk: Desk, case: Case) -> Case:
            for sha256 in ticked:
                case = desk.pages.delete(case, name, sha256)
            return case

        self.page_jobs.submit(name, delete)

    # Scanner and camera -------------------------------------------------------------------

    def scan(self, row: int) -> None:
        """S / 扫描: the window's scanner feeds pages into the material; each page is stored as
        it arrives while the clerk goes on typing."""
        name = self._draft_material(row)
        if name is None:
            return
        device, backends = window_scanner(self.settings)
        if not device:
            self.said.emit(self.tr("No scanner is chosen for this window: choose one in Settings"))
            return
        if self.scanner.busy():
            self.said.emit(self.tr("A scan is under way: wait for it or cancel it (Esc)"))
            return
        self.said.emit("")
        self._capturing_for = self._case_uuid()
        self.scanner.start(device, backends, window_scan_options(self.settings), name)

    def open_camera(self, row: int) -> None:
        """K / 高拍仪: pages taken with the document camera go into the material."""
        name = self._draft_material(row)
        if name is None:
            return
        self._capturing_for = self._case_uuid()
        self.camera = CameraDialog(self.worker, self._host)
        self.camera.pageTaken.connect(lambda page: self._page_arrived(name, page))
        self.camera.failed.connect(self.failed)
        self.camera.finished.connect(lambda _: self.table.setFocus())
        self.camera.open()

    def _case_uuid(self) -> str | None:
        case = self._current()
        return case.uuid if case else None

    def _page_arrived(self, name: str, page: EncodedPage) -> None:
        """A scanned or photographed page, for the case it was captured for only."""
        if self._case_uuid() is None or self._case_uuid() != self._capturing_for:
            return
        self.page_jobs.submit(name, lambda desk, case: desk.pages.add_pages(case, name, [page]))

    def _scanned(self, name: str, count: int, cancelled: bool) -> None:
        if cancelled:
            text = self.tr("Scan cancelled; {count} page(s) kept in “{name}”")
        else:
            text = self.tr("{count} page(s) scanned into “{name}”")
        self.noted.emit(text.format(count=count, name=name))

    # The thumbnails -----------------------------------------------------------------------

    def _change_pages(self, change: Callable[[Desk, Case, str], Case]) -> None:
        material = self.pages.material
        case = self._current()
        if material is None or case is None or case.state is not CaseState.DRAFT:
            return
        name = material.name
        self.page_jobs.submit(name, lambda desk, case: change(desk, case, name))

    def _move_page(self, sha256: str, index: int) -> None:
        self._change_pages(lambda desk, case, name: desk.pages.move(case, name, sha256, index))
        self._follow = sha256

    def open_page(self, sha256: str) -> None:
        """Enter on a thumbnail: the page at full size, where it can be cropped."""
        material = self.pages.material
        if material is None:
            return
        number = next(i for i, f in enumerate(material.files) if f.sha256 == sha256) + 1
        title = self.tr("{name} — page {number}").format(name=material.name, number=number)
        dialog = PageViewDialog(self.worker, sha256, title, self._host)
        dialog.cropWanted.connect(
            lambda sha, box: self._change_pages(
                lambda desk, case, name: desk.pages.crop(case, name, sha, box)
            )
        )
        dialog.finished.connect(lambda _: self.pages.view.setFocus())
        dialog.resize(self._host.window().size() * 0.8)
        dialog.open()

    def _pages_came_back(self, name: str) -> None:
        self.pagesChanged.emit(name)
        if self._follow is not None:
            self.pages.select(self._follow)
            self._follow = None

    # 材料复用 --------------------------------------------------------------------------------

    def look_for_reuse(self, snapshot: Case | None) -> None:
        """Ask the desk which materials of ``snapshot`` (a copy of the draft) the applicant's
        earlier cases can supply; the answer shows above the checklist."""
        self._reuse_asked += 1
        asked = self._reuse_asked
        if snapshot is None or snapshot.state is not CaseState.DRAFT:
            self.offers = []
            self.reuse_bar.show_offers([])
            return
        self._offers_for = _number(snapshot)
        self.worker.run(
            lambda desk: desk.pages.reusable_for(snapshot),
            lambda offers: self._offers_arrived(asked, snapshot.uuid, offers),
            self.failed.emit,
            owner=self,
        )

    def _offers_arrived(self, asked: int, uuid: str, offers: list[Reusable]) -> None:
        if asked != self._reuse_asked or self._case_uuid() != uuid:
            return
        self.offers = offers
        self.reuse_bar.show_offers(self._open_offers())

    def _open_offers(self) -> list[Reusable]:
        """The offers for the applicant now in the form, for materials still without pages."""
        case = self._current()
        if case is None or _number(case) != self._offers_for:
            return []
        return offers_still_open(self.offers, case)

    def ask_reuse(self, row: int) -> None:
        """U / 复用: which of the offered materials to take from the earlier cases; the one in
        ``row`` first. Each is attached by reference, no page is copied."""
        case = self._current()
        open_offers = self._open_offers()
        if case is None or case.state is not CaseState.DRAFT:
            return
        if not open_offers:
            self.said.emit(
                self.tr(
                    "Nothing to reuse: this applicant has no earlier pages of these materials "
                    "within the period the catalog allows"
                )
            )
            return
        materials = self.table.materials.materials
        first = materials[row].name if 0 <= row < len(materials) else ""
        dialog = ReuseDialog(open_offers, first, self._host)
        dialog.chosen.connect(self._reuse)
        dialog.finished.connect(lambda _: self.table.setFocus())
        dialog.open()

    def _reuse(self, chosen: list[Reusable]) -> None:
        for offer in chosen:
            self.page_jobs.submit(offer.material_name, _reuse_job(offer))
        self.noted.emit(
            self.tr("{count} material(s) reused from earlier cases").format(count=len(chosen))
        )
