"""A page at full size (scaled to fit), and cropping it with a rubber band.

C (or the button) starts cropping: drag a box over the page, Enter keeps what is inside it,
Esc leaves cropping (a second Esc closes). The box is mapped from the screen back to the
page's own pixels, so the stored page is cut exactly where the clerk drew, whatever the
scaling. The page is read and decoded on the database thread; the dialog only scales it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRubberBand,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker
from ui.naming import named

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

Box = tuple[int, int, int, int]


class PageCanvas(QWidget):
    """Draws the page scaled to fit and, while cropping, lets the mouse draw a box on it."""

    boxDrawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self._scaled = QPixmap()
        self.cropping = False
        self.band = QRubberBand(QRubberBand.Shape.Rectangle, self)
        self._origin = QPoint()
        self.setMinimumSize(QSize(360, 420))

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._rescale()

    def target(self) -> QRect:
        """Where the scaled page sits in the widget (centred)."""
        size = self._scaled.size()
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(QPoint(left, top), size)

    def image_box(self) -> Box | None:
        """The drawn box in the page's pixels as (left, top, right, bottom), or None."""
        if not self.band.isVisible() or self.image.isNull() or self._scaled.isNull():
            return None
        target = self.target()
        drawn = self.band.geometry().intersected(target)
        if drawn.width() < 2 or drawn.height() < 2:
            return None
        scale = self.image.width() / target.width()
        left = round((drawn.left() - target.left()) * scale)
        top = round((drawn.top() - target.top()) * scale)
        right = round((drawn.left() + drawn.width() - target.left()) * scale)
        bottom = round((drawn.top() + drawn.height() - target.top()) * scale)
        return (
            max(0, left),
            max(0, top),
            min(self.image.width(), right),
            min(self.image.height(), bottom),
        )

    def resizeEvent(self, event: object) -> None:
        self._rescale()

    def _rescale(self) -> None:
        self.band.hide()
        if self.image.isNull():
            self._scaled = QPixmap()
        else:
            self._scaled = QPixmap.fromImage(
                self.image.scaled(
                    self.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._scaled.isNull():
            return
        painter = QPainter(self)
        painter.drawPixmap(self.target().topLeft(), self._scaled)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.cropping or event.button() != Qt.MouseButton.LeftButton:
            return
        self._origin = event.position().toPoint()
        self.band.setGeometry(QRect(self._origin, QSize()))
        self.band.show()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.cropping and self.band.isVisible():
            self.band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.cropping and self.band.isVisible():
            self.band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())
            self.boxDrawn.emit()


class PageViewDialog(QDialog):
    """``cropWanted(sha256, box)`` when the clerk keeps a cropped part of the page."""

    cropWanted = Signal(str, object)

    def __init__(
        self, worker: DeskWorker, sha256: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setWindowTitle(title)
        self.sha256 = sha256
        self.canvas = named(PageCanvas(), "pageView.canvas", title)
        self.hint = named(QLabel(), "pageView.hint", self.tr("Full view help"))
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.crop_button = named(
            QPushButton(self.tr("Crop (C)")), "pageView.crop", self.tr("Crop the page")
        )
        self.keep_button = named(
            QPushButton(self.tr("Keep the box (Enter)")),
            "pageView.keep",
            self.tr("Keep what is inside the box"),
        )
        self.close_button = named(
            QPushButton(self.tr("Close (Esc)")), "pageView.close", self.tr("Close")
        )
        for button in (self.crop_button, self.keep_button, self.close_button):
            button.setAutoDefault(False)
        self.keep_button.setEnabled(False)
        self.crop_button.clicked.connect(self.start_crop)
        self.keep_button.clicked.connect(self.keep_box)
        self.close_button.clicked.connect(self.reject)
        self.canvas.boxDrawn.connect(
            lambda: self.keep_button.setEnabled(self.canvas.image_box() is not None)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.crop_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        self._show_hint()
        worker.run(lambda desk: _read_page(desk, sha256), self._loaded, self._failed, owner=self)

    def _loaded(self, image: QImage) -> None:
        self.canvas.set_image(image)

    def _failed(self, error: UserError) -> None:
        self.hint.setProperty("role", "error")
        self.hint.setText(error.render())

    def start_crop(self) -> None:
        self.canvas.cropping = True
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self._show_hint()

    def stop_crop(self) -> None:
        self.canvas.cropping = False
        self.canvas.band.hide()
        self.canvas.unsetCursor()
        self.keep_button.setEnabled(False)
        self._show_hint()

    def keep_box(self) -> None:
        box = self.canvas.image_box()
        if box is None:
            return
        self.cropWanted.emit(self.sha256, box)
        self.accept()

    def _show_hint(self) -> None:
        if self.canvas.cropping:
            text = self.tr("Drag a box over the part to keep, then Enter · Esc: stop cropping")
        else:
            text = self.tr("C: crop · Esc: close")
        self.hint.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_C and not self.canvas.cropping:
            self.start_crop()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.canvas.cropping:
            self.keep_box()
        elif key == Qt.Key.Key_Escape and self.canvas.cropping:
            self.stop_crop()
        else:
            super().keyPressEvent(event)


def _read_page(desk: Desk, sha256: str) -> QImage:
    """The stored page, decoded here on the database thread (QImage is not tied to the GUI)."""
    image = QImage()
    image.loadFromData(desk.intake.files.path_for(sha256).read_bytes())
    return image
