"""Every control a clerk can reach has an objectName (tests) and an accessible name (readers)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk_desk.desk import Desk
from ui.crash import CrashDialog
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow
from ui.translations import Translators

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)
# Parts Qt builds inside a control (a spin box's line edit, a table's header, a scroll bar).
COMPOSITE = (QAbstractSpinBox, QComboBox, QAbstractItemView)


def unnamed_controls(window: QWidget) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if any(isinstance(ancestor, COMPOSITE) for ancestor in _ancestors(widget, window)):
            continue
        if not widget.objectName() or not widget.accessibleName():
            label = getattr(widget, "text", lambda: "")()
            problems.append(
                f"{type(widget).__name__} {widget.objectName()!r} text={label!r} "
                f"accessible={widget.accessibleName()!r}"
            )
    return problems


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.mark.parametrize(
    "username,password",
    [("clerk", "demo-clerk"), ("supervisor", "demo-super"), ("admin", "demo-admin")],
)
def test_main_window_controls_are_named(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    username: str,
    password: str,
) -> None:
    window = main_window(username, password)
    window.lock()
    assert unnamed_controls(window) == []


def test_sign_in_setup_and_crash_controls_are_named(
    qtbot: QtBot,
    demo_desk: Desk,
    demo_worker: DeskWorker,
    fresh_worker: DeskWorker,
    translators: Translators,
) -> None:
    windows: list[QWidget] = [
        SignInWindow(demo_desk.home, demo_worker),
        SetupDialog(fresh_worker),
        CrashDialog("report", None),
    ]
    for window in windows:
        qtbot.addWidget(window)
        assert unnamed_controls(window) == [], type(window).__name__
