"""Signing in: demo accounts, messages beside the form, lock-out after five failures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle, show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Clerk
from ui.desk_worker import DeskWorker
from ui.sign_in import SignInWindow
from ui.translations import Translators

WRONG = "用户名或密码错误，请检查后重试"


def open_sign_in(qtbot: QtBot, desk: Desk, worker: DeskWorker) -> SignInWindow:
    window = SignInWindow(desk.home, worker)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def type_in(qtbot: QtBot, window: SignInWindow, username: str, password: str) -> None:
    user = find(window, QLineEdit, "signIn.username")
    user.clear()
    qtbot.keyClicks(user, username)
    secret = find(window, QLineEdit, "signIn.password")
    secret.clear()
    qtbot.keyClicks(secret, password)


def test_demo_mode_lists_the_demo_accounts_under_a_banner(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    assert find(window, QLabel, "signIn.demoBanner").text() == "演示/培训模式 · 示例数据"
    table = find(window, QTableWidget, "signIn.demoAccounts")
    rows = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    assert ["clerk", "demo-clerk", "受理人员", "张敏"] in rows
    assert ["admin", "demo-admin", "管理员", "刘洋"] in rows
    assert table.accessibleName() == "演示账号"


def test_a_production_desk_shows_no_demo_accounts(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, fresh_desk, fresh_worker)
    assert window.findChild(QTableWidget, "signIn.demoAccounts") is None
    assert window.findChild(QLabel, "signIn.demoBanner") is None


def test_clicking_a_demo_account_fills_the_form_and_enter_signs_in(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    table = find(window, QTableWidget, "signIn.demoAccounts")
    cell = table.visualRect(table.model().index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert find(window, QLineEdit, "signIn.username").text() == "reviewer"
    assert find(window, QLineEdit, "signIn.password").text() == "demo-review"
    with qtbot.waitSignal(window.signedIn) as signed_in:
        qtbot.keyClick(find(window, QLineEdit, "signIn.password"), Qt.Key.Key_Return)
    clerk = signed_in.args[0]
    assert isinstance(clerk, Clerk)
    assert clerk.display_name == "王建国"


def test_the_submit_button_signs_in_with_the_right_password(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    type_in(qtbot, window, "clerk", "demo-clerk")
    with qtbot.waitSignal(window.signedIn) as signed_in:
        qtbot.mouseClick(find(window, QPushButton, "signIn.submit"), Qt.MouseButton.LeftButton)
        assert find(window, QLabel, "signIn.error").text() == "正在登录…"
        assert not find(window, QPushButton, "signIn.submit").isEnabled()
    assert signed_in.args[0].username == "clerk"
    assert find(window, QLabel, "signIn.error").text() == ""


def test_wrong_password_and_unknown_user_get_the_same_message(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    messages = []
    for username in ("clerk", "nobody"):
        type_in(qtbot, window, username, "not-the-password")
        qtbot.keyClick(find(window, QLineEdit, "signIn.password"), Qt.Key.Key_Return)
        settle(demo_worker)
        messages.append(find(window, QLabel, "signIn.error").text())
        assert find(window, QLineEdit, "signIn.username").text() == username
        assert find(window, QLineEdit, "signIn.password").text() == ""
    assert messages == [WRONG, WRONG]


def test_five_failures_lock_the_name_even_for_the_right_password(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    for _attempt in range(5):
        type_in(qtbot, window, "clerk", "guess-guess")
        window.sign_in()
        settle(demo_worker)
    type_in(qtbot, window, "clerk", "demo-clerk")
    with qtbot.assertNotEmitted(window.signedIn):
        window.sign_in()
        settle(demo_worker)
    assert "登录失败次数过多" in find(window, QLabel, "signIn.error").text()


def test_empty_fields_are_named_without_counting_a_failure(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    window = open_sign_in(qtbot, demo_desk, demo_worker)
    window.sign_in()
    assert find(window, QLabel, "signIn.error").text() == "请输入用户名"
    qtbot.keyClicks(find(window, QLineEdit, "signIn.username"), "clerk")
    qtbot.keyClick(find(window, QLineEdit, "signIn.username"), Qt.Key.Key_Return)
    assert find(window, QLineEdit, "signIn.password").hasFocus()
    window.sign_in()
    assert find(window, QLabel, "signIn.error").text() == "请输入密码"
    type_in(qtbot, window, "clerk", "demo-clerk")
    with qtbot.waitSignal(window.signedIn):
        qtbot.keyClick(find(window, QLineEdit, "signIn.username"), Qt.Key.Key_Return)
