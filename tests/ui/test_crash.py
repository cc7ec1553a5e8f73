"""Unexpected errors open a crash dialog with a copyable report, also saved to a file."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from ui.crash import CrashHandler


class Button(QObject):
    pressed = Signal()


@pytest.mark.expected_error_log(r"^clerk_desk\.crash: unexpected error$")
def test_an_exception_in_a_slot_opens_the_crash_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "crash", tmp_path / "logs" / "clerk-desk.log")

    def broken_slot() -> None:
        try:
            raise ValueError("the slot broke")
        except ValueError:
            handler.excepthook(*sys.exc_info())  # type: ignore[arg-type]

    button = Button()
    button.pressed.connect(broken_slot)
    button.pressed.emit()

    assert len(handler.dialogs) == 1
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    report = find(dialog, QPlainTextEdit, "crash.report")
    text = report.toPlainText()
    assert report.isReadOnly()
    assert "Traceback (most recent call last)" in text
    assert "ValueError: the slot broke" in text
    assert "broken_slot" in text
    assert "clerk-desk.log" in text
    saved = list((tmp_path / "crash").glob("crash-*.txt"))
    assert [path.read_text(encoding="utf-8") for path in saved] == [text]

    qtbot.mouseClick(find(dialog, QPushButton, "crash.copy"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text


@pytest.mark.expected_error_log(r"^clerk_desk\.crash: unexpected error$")
def test_an_exception_in_a_thread_reaches_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "crash", None)
    handler.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(handler.dialogs) == 1)
    finally:
        handler.uninstall()
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.thread() is QApplication.instance().thread()
    text = find(dialog, QPlainTextEdit, "crash.report").toPlainText()
    assert "ZeroDivisionError" in text
    assert "thread: worker" in text
