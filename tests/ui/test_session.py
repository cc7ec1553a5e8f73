"""The window sequence: first-start setup, sign-in, main window, and back on switching user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.session import Session
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow
from ui.translations import Translators


def sign_in(qtbot: QtBot, window: SignInWindow, username: str, password: str) -> None:
    qtbot.keyClicks(find(window, QLineEdit, "signIn.username"), username)
    qtbot.keyClicks(find(window, QLineEdit, "signIn.password"), password)
    qtbot.mouseClick(find(window, QPushButton, "signIn.submit"), Qt.MouseButton.LeftButton)
    settle(window.worker)


def test_switch_user_returns_to_sign_in_for_another_clerk(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    session = Session(demo_desk.home, demo_worker, idle_ms=0)
    first = session.start()
    assert isinstance(first, SignInWindow)
    sign_in(qtbot, first, "clerk", "demo-clerk")
    main = session.window
    assert isinstance(main, MainWindow)
    assert main.isVisible()
    assert not first.isVisible()

    main.lock()
    qtbot.mouseClick(find(main, QPushButton, "lock.switchUser"), Qt.MouseButton.LeftButton)
    again = session.window
    assert isinstance(again, SignInWindow)
    assert again.isVisible()
    assert not main.isVisible()
    assert find(again, QLineEdit, "signIn.username").text() == ""

    sign_in(qtbot, again, "reviewer", "demo-review")
    assert isinstance(session.window, MainWindow)
    assert session.window.clerk.username == "reviewer"
    session.window.close()


def test_a_fresh_desk_starts_with_setup_then_sign_in(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    session = Session(fresh_desk.home, fresh_worker, idle_ms=0)
    first = session.start()
    assert isinstance(first, SetupDialog)
    find(first, QLineEdit, "setup.centreCode").setText("340100")
    find(first, QLineEdit, "setup.centreName").setText("合肥市政务服务中心")
    find(first, QLineEdit, "setup.adminName").setText("刘洋")
    find(first, QLineEdit, "setup.adminUsername").setText("liuyang")
    find(first, QLineEdit, "setup.password").setText("long-enough-1")
    find(first, QLineEdit, "setup.passwordAgain").setText("long-enough-1")
    qtbot.mouseClick(find(first, QPushButton, "setup.submit"), Qt.MouseButton.LeftButton)
    settle(fresh_worker)
    assert isinstance(session.window, SignInWindow)
    sign_in(qtbot, session.window, "liuyang", "long-enough-1")
    assert isinstance(session.window, MainWindow)
    session.window.close()


def test_after_sign_in_the_cursor_is_in_the_item_search_of_a_maximised_window(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    session = Session(demo_desk.home, demo_worker, idle_ms=0)
    for _ in range(2):  # and again after switching user
        first = session.start()
        assert isinstance(first, SignInWindow)
        sign_in(qtbot, first, "clerk", "demo-clerk")
        main = session.window
        assert isinstance(main, MainWindow)
        qtbot.waitExposed(main)
        main.activateWindow()
        qtbot.waitUntil(main.isActiveWindow)
        assert main.isMaximized()
        assert QApplication.focusWidget() is find(main, QLineEdit, "intake.itemSearch")
        main.switch_user()
    assert isinstance(session.window, SignInWindow)
    session.window.close()
