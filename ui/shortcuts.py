"""Keys that belong to one part of the window: a workspace's F-keys work only while the focus
is inside that workspace, so the same key can mean something else in another one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def local_shortcut(owner: QWidget, key: str | Qt.Key, slot: Callable[[], object]) -> QShortcut:
    """``key`` calls ``slot`` while the focus is in ``owner`` or any widget inside it."""
    shortcut = QShortcut(QKeySequence(key), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut
