"""Finding widgets the way the tests address them (by objectName), and typing into them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.desk_worker import DeskWorker

T = TypeVar("T", bound=QObject)


def find(parent: QObject, kind: type[T], name: str) -> T:
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def settle(worker: DeskWorker) -> None:
    """Let every submitted database and device job finish and deliver its result to the GUI
    thread (a print follows a decision)."""
    worker.wait_idle()
    worker.wait_devices()
    QApplication.processEvents()


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show and activate: shortcuts and focus need the active window, also offscreen."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a clerk does: ASCII as keys, Chinese as an input method commits it (QTest
    types ASCII only)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
