"""Driving the 受理 workspace like a clerk: typing (Chinese too), keys, waiting for the desk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.domain.identity import make_id_number
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

FOOD_LICENCE = "000142130101"  # 食品经营许可（新办）
FOOD_LICENCE_NAME = "食品经营许可（新办）"
VALID_ID = make_id_number("340104", date(1990, 5, 1), 12)


class Keyboard:
    """Counts what the clerk presses, for the scripted intake's report."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.strokes = 0

    def type(self, widget: QWidget, text: str) -> None:
        """Type ``text`` into the focused ``widget``; Chinese arrives as an input-method
        commit, the way a pinyin input method delivers it (QTest types ASCII only)."""
        widget.setFocus()
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        self.strokes += len(text)

    def key(self, widget: QWidget, key: Qt.Key, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(widget, key)
        self.strokes += times


def intake_of(window: MainWindow) -> IntakeWorkspace:
    workspace = window.findChild(IntakeWorkspace, "workspace.intake")
    assert workspace is not None
    workspace.auto_preview = False
    settle(window.worker)
    return workspace


def choose_item(keys: Keyboard, workspace: IntakeWorkspace, query: str, name: str) -> None:
    """Search, move to the wanted hit with Down, Enter; wait for the draft."""
    search = find(workspace, QLineEdit, "intake.itemSearch")
    keys.type(search, query)
    results = workspace.chooser.results
    names = [results.item(row).text() for row in range(results.count())]
    keys.key(search, Qt.Key.Key_Down, names.index(name))
    keys.key(search, Qt.Key.Key_Return)
    settle(workspace.worker)
    settle(workspace.worker)
