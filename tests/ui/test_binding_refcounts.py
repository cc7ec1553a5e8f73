"""PySide6 must not leak references to None, True or False from Python overrides.

PySide6 6.12.0 on Python 3.11 takes one reference to ``None`` too many each time Qt calls a
Python override that calls ``super()`` (``keyPressEvent``, ``paintEvent``) or a model's
``data()`` that returns ``None``. A clerk typing all day drives that count to zero and the
interpreter aborts ("none_dealloc"), losing what was on screen. Python 3.12 made these objects
immortal, which hides the bug there. pyproject.toml therefore pins PySide6 below 6.12; this
test fails if a release with the bug is installed again.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

ROUNDS = 500
SINGLETONS = (None, True, False)


class TypingWidget(QWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)


ROOT = QModelIndex()


class EmptyCells(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


def lost_references(action: Callable[[], object]) -> list[int]:
    gc.collect()
    before = [sys.getrefcount(obj) for obj in SINGLETONS]
    for _ in range(ROUNDS):
        action()
    gc.collect()
    return [b - sys.getrefcount(obj) for obj, b in zip(SINGLETONS, before, strict=True)]


def test_key_presses_keep_references(qtbot: QtBot) -> None:
    widget = TypingWidget()
    qtbot.addWidget(widget)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    lost = lost_references(lambda: QApplication.sendEvent(widget, key))
    assert max(lost) < ROUNDS // 2, f"None/True/False references lost: {lost}"


def test_model_data_returning_none_keeps_references(qtbot: QtBot) -> None:
    model = EmptyCells()
    index = model.index(0, 0)
    lost = lost_references(lambda: index.data())
    assert max(lost) < ROUNDS // 2, f"None/True/False references lost: {lost}"
