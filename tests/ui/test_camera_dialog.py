"""K opens the document camera; on a machine without one (as here, offscreen) the dialog says
so and what to check, taking a page does nothing and Esc closes it."""

from __future__ import annotations

import pytest
from capture_helpers import Intake
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from ui.intake.camera_dialog import CameraDialog, to_pillow


# Qt Multimedia's FFmpeg backend looks for VA-API (hardware video decoding) when it loads; a
# machine without it, like the CI's, logs that as warnings. They are not about the dialog.
@pytest.mark.qt_log_ignore("Couldn't (load|resolve) va")
def test_without_a_camera_k_says_what_to_check(qtbot: QtBot, intake: Intake) -> None:
    assert QMediaDevices.videoInputs() == [], "this test is about a machine without a camera"
    workspace = intake.workspace

    intake.keys.key(workspace.table, Qt.Key.Key_K)
    dialog = workspace.findChild(CameraDialog, "camera")
    assert dialog is not None and dialog.isVisible()
    assert not dialog.has_camera()

    message = find(dialog, QLabel, "camera.message").text()
    assert message.startswith("No document camera was found.")
    assert "USB cable" in message and "no other program is using it" in message
    assert not find(dialog, QPushButton, "camera.take").isEnabled()
    intake.keys.key(dialog, Qt.Key.Key_Space)
    assert dialog.taken == 0 and intake.material().files == ()

    intake.keys.key(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert workspace.table.hasFocus()


def test_a_camera_frame_becomes_the_same_picture_for_storing() -> None:
    """Rows of a frame are padded to 4 bytes in a QImage; the page must not come out skewed."""
    frame = QImage(5, 3, QImage.Format.Format_ARGB32)
    frame.fill(QColor(200, 30, 40))
    frame.setPixelColor(4, 2, QColor(10, 220, 30))

    page = to_pillow(frame)

    assert page.mode == "RGB" and page.size == (5, 3)
    assert page.getpixel((0, 0)) == (200, 30, 40)
    assert page.getpixel((4, 2)) == (10, 220, 30)
