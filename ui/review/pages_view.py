"""Every material of the case with its pages, as the reviewer reads them.

The materials are a small table (name, mark, pages, how many are on this desk); the current
material's pages are thumbnails below it (the intake's :class:`~ui.intake.pages_panel.PagesModel`),
Enter or a double-click opens a page at full size (the intake's page viewer, without cropping:
a reviewer reads, never edits). Pages not on this desk are fetched from the platform by
:class:`~ui.review.page_fetch.PageFetcher` on the network lane, with progress; once stored
(content-addressed, so cached for good) their thumbnails are made on the database thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import MARK_LABELS, Case, CaseMaterial
from clerk_desk.i18n import translate
from ui.desk_worker import DeskWorker
from ui.intake.page_view import PageViewDialog
from ui.intake.pages_panel import THUMBNAIL_SIZE, PagesModel
from ui.naming import named
from ui.review.page_fetch import PageFetcher

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


class ReadingPageView(PageViewDialog):
    """The intake's full view of a page, for reading only: no cropping."""

    def __init__(
        self, worker: DeskWorker, sha256: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, sha256, title, parent)
        self.crop_button.hide()
        self.keep_button.hide()
        self.hint.setText(self.tr("Esc: close"))

    def start_crop(self) -> None:
        """Nothing to crop here."""

    def _show_hint(self) -> None:
        """The hint is set once: there is no cropping to explain."""


class MaterialPages(QWidget):
    def __init__(self, worker: DeskWorker, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review.materials")
        self.worker = worker
        self.case: Case | None = None
        self.on_desk: set[str] = set()
        self._asked: set[str] = set()
        self.viewer: ReadingPageView | None = None
        self.fetcher = PageFetcher(worker, username, self)
        self.table_model = QStandardItemModel(0, 3, self)
        self.table = named(QTableView(), "review.materialList", self.tr("Materials of the case"))
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.pages_model = PagesModel(self)
        self.pages = named(QListView(), "review.pages", self.tr("Pages of the current material"))
        self.pages.setModel(self.pages_model)
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setFlow(QListView.Flow.LeftToRight)
        self.pages.setWrapping(False)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.pages.setGridSize(QSize(THUMBNAIL_SIZE + 16, THUMBNAIL_SIZE + 28))
        self.pages.setFixedHeight(THUMBNAIL_SIZE + 48)
        self.pages.setToolTip(self.tr("Enter: full view"))
        self.status = named(QLabel(), "review.pagesStatus", self.tr("Pages of the material"))
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        self.progress = named(QProgressBar(), "review.fetchProgress", self.tr("Pages fetched"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.pages.activated.connect(self._open_page)
        self.fetcher.progressed.connect(self._progressed)
        self.fetcher.fetched.connect(self._fetched)
        self.fetcher.failed.connect(self._fetch_failed)

    def headers(self) -> list[str]:
        return [self.tr("Material"), self.tr("Mark"), self.tr("Pages")]

    def show_case(self, case: Case | None, on_desk: frozenset[str]) -> None:
        """The case's materials; the current one stays current when the same case reloads."""
        same = case is not None and self.case is not None and case.uuid == self.case.uuid
        row = self.table.currentIndex().row() if same else 0
        if not same:
            self.pages_model.thumbnails.clear()
            self._asked.clear()
        self.case = case
        self.on_desk = set(on_desk)
        self.table_model.clear()
        self.table_model.setHorizontalHeaderLabels(self.headers())
        for material in case.materials if case is not None else []:
            self.table_model.appendRow(
                [
                    QStandardItem(material.name),
                    QStandardItem(translate("core", MARK_LABELS[material.mark])),
                    QStandardItem(str(len(material.files)) if material.files else ""),
                ]
            )
        # Columns removed and added again lose their resize modes: set them on every fill.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.table_model.rowCount():
            self.table.setCurrentIndex(
                self.table_model.index(min(max(row, 0), self.table_model.rowCount() - 1), 0)
            )
        else:
            self._show_material(None)

    def current_material(self) -> CaseMaterial | None:
        row = self.table.currentIndex().row()
        if self.case is None or not 0 <= row < len(self.case.materials):
            return None
        return self.case.materials[row]

    def _show_current(self, *_: QModelIndex) -> None:
        self._show_material(self.current_material())

    def _show_material(self, material: CaseMaterial | None) -> None:
        files = material.files if material is not None else ()
        self.pages_model.set_files(files)
        # A material taken on paper has no pages: its room goes to the list.
        self.pages.setVisible(bool(files))
        missing = [file for file in files if file.sha256 not in self.on_desk]
        if material is None:
            self.status.setText("")
        elif not files:
            self.status.setText(self.tr("No pages: the material was taken on paper"))
        elif missing:
            self.status.setText(
                self.tr(
                    "{count} page(s) are not on this desk; fetching them from the platform"
                ).format(count=len(missing))
            )
            self.fetcher.fetch(missing)
        else:
            self.status.setText(
                self.tr("{count} page(s) · Enter: full view").format(count=len(files))
            )
        self._ask_thumbnails([file.sha256 for file in files if file.sha256 in self.on_desk])

    def _ask_thumbnails(self, shas: list[str]) -> None:
        wanted = [
            sha for sha in shas if sha not in self.pages_model.thumbnails and sha not in self._asked
        ]
        if not wanted:
            return
        self._asked.update(wanted)
        self.worker.run(lambda desk: _thumbnails(desk, wanted), self._thumbnails_made, owner=self)

    def _thumbnails_made(self, made: list[tuple[str, bytes]]) -> None:
        for sha256, png in made:
            self._asked.discard(sha256)
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.pages_model.set_thumbnail(sha256, pixmap)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Fetching pages: %p%"))

    def _fetched(self, sha256: str) -> None:
        self.on_desk.add(sha256)
        material = self.current_material()
        if material is not None and all(f.sha256 in self.on_desk for f in material.files):
            self.progress.hide()
            self.status.setText(
                self.tr("{count} page(s) · Enter: full view").format(count=len(material.files))
            )
        self._ask_thumbnails([sha256])

    def _fetch_failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setProperty("role", "error")
        self.status.style().polish(self.status)
        self.status.setText(message)

    def _open_page(self, index: QModelIndex) -> None:
        sha256 = str(index.data(Qt.ItemDataRole.UserRole))
        material = self.current_material()
        if sha256 not in self.on_desk or material is None:
            return
        title = self.tr("{material}, page {number}").format(
            material=material.name, number=index.row() + 1
        )
        self.viewer = ReadingPageView(self.worker, sha256, title, self)
        self.viewer.setObjectName("review.pageView")
        self.viewer.show()


def _thumbnails(desk: Desk, shas: list[str]) -> list[tuple[str, bytes]]:
    return [(sha, desk.pages.thumbnail(sha, THUMBNAIL_SIZE)) for sha in shas]
