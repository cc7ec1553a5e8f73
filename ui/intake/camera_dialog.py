"""The document camera (高拍仪): live preview, Space or Enter takes a page, Esc closes.

Qt Multimedia shows the camera; a taken frame goes to the device thread, which turns it into a
Pillow image and compresses it (``encode_page``), and then to ``pageTaken`` for the workspace
to store. Without a camera the dialog says so and what to check, instead of failing.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_desk.devices.base import ColourMode
from clerk_desk.imaging.encode import EncodedPage, encode_page
from ui.desk_worker import DeskWorker, JobControl
from ui.naming import named

CAMERA_MODE = ColourMode.COLOUR


def to_pillow(image: QImage) -> Image.Image:
    """A QImage as a Pillow RGB image (on the device thread: a full frame takes a while)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


class CameraDialog(QDialog):
    """``pageTaken(EncodedPage)`` for every page taken; ``failed(UserError)`` on a bad frame."""

    pageTaken = Signal(object)
    failed = Signal(object)

    def __init__(self, devices: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera")
        self.setWindowTitle(self.tr("Document camera"))
        self.devices = devices
        self.taken = 0
        self.message = named(QLabel(), "camera.message", self.tr("Document camera status"))
        self.message.setWordWrap(True)
        self.take_button = named(
            QPushButton(self.tr("Take page (Space)")), "camera.take", self.tr("Take a page")
        )
        self.close_button = named(
            QPushButton(self.tr("Close (Esc)")), "camera.close", self.tr("Close")
        )
        for button in (self.take_button, self.close_button):
            button.setAutoDefault(False)
        self.take_button.clicked.connect(self.take)
        self.close_button.clicked.connect(self.reject)
        self.session = QMediaCaptureSession(self)
        self.camera: QCamera | None = None
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _error, text: self._say(text, True))
        self.message.setMinimumWidth(480)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        self.preview: QVideoWidget | None = None
        inputs = QMediaDevices.videoInputs()
        if inputs:
            self.preview = named(QVideoWidget(), "camera.preview", self.tr("Camera picture"))
            self.preview.setMinimumSize(640, 480)
            layout.addWidget(self.preview, 1)
            self.camera = QCamera(inputs[0], self)
            self.camera.errorOccurred.connect(lambda _error, text: self._say(text, True))
            self.session.setCamera(self.camera)
            self.session.setVideoOutput(self.preview)
            self.camera.start()
            self._say(
                self.tr("{camera}: Space or Enter takes a page · Esc closes").format(
                    camera=inputs[0].description()
                ),
                False,
            )
        else:
            self.take_button.setEnabled(False)
            self._say(
                self.tr(
                    "No document camera was found. Check that its USB cable is plugged in and "
                    "its light is on, and that no other program is using it; then open this "
                    "window again (K)."
                ),
                True,
            )
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def has_camera(self) -> bool:
        return self.camera is not None

    def take(self) -> None:
        if self.camera is None or not self.capture.isReadyForCapture():
            return
        self.capture.capture()

    def _captured(self, _id: int, image: QImage) -> None:
        frame = image.copy()

        def encode(_: JobControl) -> EncodedPage:
            return encode_page(to_pillow(frame), CAMERA_MODE)

        self.devices.run_device(encode, self._encoded, self.failed.emit, owner=self)

    def _encoded(self, page: EncodedPage) -> None:
        self.taken += 1
        self.pageTaken.emit(page)
        self._say(self.tr("{count} page(s) taken").format(count=self.taken), False)

    def _say(self, text: str, error: bool) -> None:
        self.message.setProperty("role", "error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)
