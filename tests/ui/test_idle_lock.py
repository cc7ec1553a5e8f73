"""Idle lock: the work disappears behind the lock screen and comes back intact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Workspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def test_idle_time_locks_and_hides_the_work(qtbot: QtBot, main_window: OpenWindow) -> None:
    window = main_window("clerk", "demo-clerk", idle_ms=500)
    workspace = window.workspaces[Workspace.INTAKE]
    assert workspace.isVisible()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    assert not workspace.isVisible()
    assert not find(window, QPushButton, "main.tab.intake").isVisible()
    assert find(window, QLineEdit, "lock.password").isVisible()


def test_input_keeps_the_window_unlocked(qtbot: QtBot, main_window: OpenWindow) -> None:
    # Input every 300 ms for 1.5 s keeps a 1 s idle lock off (the margin absorbs a busy
    # machine's stalls); then it locks.
    window = main_window("clerk", "demo-clerk", idle_ms=1000)
    for _ in range(5):
        qtbot.wait(300)
        qtbot.mouseMove(window, window.rect().center())
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=4000)


def test_unlock_restores_the_same_widgets_with_the_draft(
    qtbot: QtBot, main_window: OpenWindow
) -> None:
    window = main_window("admin", "demo-admin")
    window.show_workspace(Workspace.SETTINGS)
    settings_page = window.workspaces[Workspace.SETTINGS]
    find(window, QSpinBox, "settings.idleLockMinutes").setValue(42)
    central = window.centralWidget()

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert not settings_page.isVisible()

    password = find(window, QLineEdit, "lock.password")
    qtbot.keyClicks(password, "wrong-password")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    settle(window.worker)
    assert window.locked
    # Only a password is asked for: no word of a user name.
    assert find(window, QLabel, "lock.error").text() == "密码错误，请重新输入"
    assert password.text() == ""

    qtbot.keyClicks(password, "demo-admin")
    qtbot.mouseClick(find(window, QPushButton, "lock.unlock"), Qt.MouseButton.LeftButton)
    settle(window.worker)
    assert not window.locked
    assert window.centralWidget() is central
    assert window.workspaces[Workspace.SETTINGS] is settings_page
    assert settings_page.isVisible()
    assert find(window, QSpinBox, "settings.idleLockMinutes").value() == 42


def test_another_clerks_password_does_not_unlock(qtbot: QtBot, main_window: OpenWindow) -> None:
    window = main_window("clerk", "demo-clerk")
    window.lock()
    password = find(window, QLineEdit, "lock.password")
    qtbot.keyClicks(password, "demo-admin")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    settle(window.worker)
    assert window.locked


def test_lock_button_and_switch_user_sign_out(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    qtbot.mouseClick(find(window, QPushButton, "main.lock"), Qt.MouseButton.LeftButton)
    assert window.locked
    with qtbot.waitSignal(window.signedOut):
        qtbot.mouseClick(find(window, QPushButton, "lock.switchUser"), Qt.MouseButton.LeftButton)
    settle(window.worker)
    events = [event for _at, username, event in demo_desk.accounts.events() if username == "clerk"]
    assert events[:3] == ["signed_out", "window_locked", "signed_in"]
