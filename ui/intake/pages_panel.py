"""The current material's pages as thumbnails under the checklist, and the keys that edit them.

With the thumbnails focused: R turns the page clockwise (Shift+R the other way), Ctrl+Left and
Ctrl+Right move it, Delete takes it off after a one-line confirmation, Enter opens the full
view. Pages can also be dragged into a new order. The panel only asks: every change is made by
the workspace through ``desk.pages`` on the database thread, and the thumbnails themselves are
made there too (``desk.pages.thumbnail``), so the GUI thread never decodes a full page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.case import CaseMaterial, MaterialFile
from ui.desk_worker import DeskWorker
from ui.intake.dialogs import ConfirmDialog
from ui.naming import named

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

Index = QModelIndex | QPersistentModelIndex
THUMBNAIL_SIZE = 64


class PagesModel(QAbstractListModel):
    """The pages of one material; a drag asks for a move (``moveWanted``) instead of moving."""

    moveWanted = Signal(str, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files: list[MaterialFile] = []
        self.thumbnails: dict[str, QPixmap] = {}

    def set_files(self, files: tuple[MaterialFile, ...]) -> None:
        self.beginResetModel()
        self.files = list(files)
        self.endResetModel()

    def set_thumbnail(self, sha256: str, pixmap: QPixmap) -> None:
        self.thumbnails[sha256] = pixmap
        for row, file in enumerate(self.files):
            if file.sha256 == sha256:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.files)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        file = self.files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(index.row() + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.get(file.sha256)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("Page {number}: {name}").format(number=index.row() + 1, name=file.name)
        if role == Qt.ItemDataRole.UserRole:
            return file.sha256
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """A page dropped at ``destination_child`` (what QListView asks on an internal drop):
        the move is asked of the desk, and the model follows when the desk has made it."""
        if source_parent.isValid() or count != 1 or not 0 <= source_row < len(self.files):
            return False
        # Dropping after itself shifts by one: the page leaves its place before it lands.
        index = destination_child - 1 if destination_child > source_row else destination_child
        if index != source_row:
            self.moveWanted.emit(self.files[source_row].sha256, index)
        return True


class PagesView(QListView):
    """Thumbnails in a row; keys ask the panel for changes (see the module docstring)."""

    rotateWanted = Signal(str, int)
    moveWanted = Signal(str, int)
    deleteWanted = Signal(str)
    openWanted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        sha256 = self.current_sha()
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if sha256 is None:
            super().keyPressEvent(event)
            return
        row = self.currentIndex().row()
        if key == Qt.Key.Key_R and not ctrl:
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            self.rotateWanted.emit(sha256, -1 if shift else 1)
        elif ctrl and key == Qt.Key.Key_Left and row > 0:
            self.moveWanted.emit(sha256, row - 1)
        elif ctrl and key == Qt.Key.Key_Right and row < self.model().rowCount() - 1:
            self.moveWanted.emit(sha256, row + 1)
        elif key == Qt.Key.Key_Delete:
            self.deleteWanted.emit(sha256)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openWanted.emit(sha256)
        else:
            super().keyPressEvent(event)

    def current_sha(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(Qt.ItemDataRole.UserRole)) if index.isValid() else None


class PagesPanel(QWidget):
    """The thumbnails of the checklist's current material, and their count line (``count``,
    which the workspace places beside its capture buttons)."""

    rotateWanted = Signal(str, int)
    moveWanted = Signal(str, int)
    deleteWanted = Signal(str)
    openWanted = Signal(str)

    def __init__(self, worker: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pages.panel")
        self.worker = worker
        self.material: CaseMaterial | None = None
        self._asked: set[str] = set()  # thumbnails asked of the database thread
        self.count = named(QLabel(), "pages.count", self.tr("Pages of the material"))
        self.count.setProperty("role", "muted")
        # Wraps within the column (above the thumbnails) instead of widening it.
        self.count.setWordWrap(True)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model = PagesModel(self)
        self.view = named(PagesView(), "pages.list", self.tr("Pages of the current material"))
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        # Static: a drop moves the page in the model (QListView asks ``moveRows``) instead of
        # placing its icon freely.
        self.view.setMovement(QListView.Movement.Static)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.view.setGridSize(QSize(THUMBNAIL_SIZE + 16, THUMBNAIL_SIZE + 28))
        self.view.setFixedHeight(THUMBNAIL_SIZE + 48)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setToolTip(
            self.tr(
                "R: turn right · Shift+R: turn left · Ctrl+←/→: move · Delete: remove"
                " · Enter: full view"
            )
        )
        self.view.rotateWanted.connect(self.rotateWanted)
        self.view.moveWanted.connect(self.moveWanted)
        self.view.openWanted.connect(self.openWanted)
        self.view.deleteWanted.connect(self._ask_delete)
        self.model.moveWanted.connect(self.moveWanted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view)

    def show_material(self, material: CaseMaterial | None, count_text: str = "") -> None:
        """Show ``material``'s pages (the current one stays current when it is still there)."""
        self.count.setText(count_text)
        files = material.files if material is not None else ()
        if material is self.material and list(files) == self.model.files:
            return
        current = self.view.current_sha()
        self.material = material
        self.model.set_files(files)
        shas = [file.sha256 for file in files]
        if shas:
            row = shas.index(current) if current in shas else 0
            self.view.setCurrentIndex(self.model.index(row))
        missing = [
            sha for sha in shas if sha not in self.model.thumbnails and sha not in self._asked
        ]
        if missing:
            self._asked.update(missing)
            self.worker.run(
                lambda desk: _thumbnails(desk, missing), self._thumbnails_made, owner=self
            )

    def forget(self) -> None:
        """Drop the thumbnails kept so far (a new case starts)."""
        self.show_material(None)
        self.model.thumbnails.clear()

    def select(self, sha256: str) -> None:
        for row, file in enumerate(self.model.files):
            if file.sha256 == sha256:
                self.view.setCurrentIndex(self.model.index(row))

    def _thumbnails_made(self, made: list[tuple[str, bytes]]) -> None:
        for sha256, png in made:
            self._asked.discard(sha256)
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.model.set_thumbnail(sha256, pixmap)

    def _ask_delete(self, sha256: str) -> None:
        row = next((i for i, f in enumerate(self.model.files) if f.sha256 == sha256), 0)
        dialog = ConfirmDialog(
            "pages.deleteDialog",
            self.tr("Remove page"),
            self.tr("Remove page {number}?").format(number=row + 1),
            self.tr("Remove"),
            self,
        )
        dialog.accepted.connect(lambda: self.deleteWanted.emit(sha256))
        dialog.finished.connect(lambda _: self.view.setFocus())
        dialog.open()


def _thumbnails(desk: Desk, shas: list[str]) -> list[tuple[str, bytes]]:
    return [(sha, desk.pages.thumbnail(sha, THUMBNAIL_SIZE)) for sha in shas]
