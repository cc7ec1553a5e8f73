"""First start: mistakes are named beside their field, typed text stays, setup completes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle, show_active

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.setup_dialog import SetupDialog
from ui.translations import Translators


def commit_text(widget: QLineEdit, text: str) -> None:
    """Type Chinese the way an input method does (QTest can only type ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_setup(qtbot: QtBot, worker: DeskWorker) -> SetupDialog:
    dialog = SetupDialog(worker)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def error_text(dialog: SetupDialog, field: str) -> str:
    return find(dialog, QLabel, f"{field}.error").text()


def test_mistakes_are_shown_beside_each_field_and_nothing_is_cleared(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    dialog = open_setup(qtbot, fresh_worker)
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.centreCode"), "3401")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.adminUsername"), "liuyang")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.password"), "long-enough-1")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.passwordAgain"), "long-enough-2")
    qtbot.mouseClick(find(dialog, QPushButton, "setup.submit"), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert error_text(dialog, "setup.centreCode") == "请输入6位行政区划代码，例如 340100"
    assert error_text(dialog, "setup.centreName") == "请输入中心名称"
    assert error_text(dialog, "setup.adminName") == "请输入管理员姓名"
    assert error_text(dialog, "setup.adminUsername") == ""
    assert error_text(dialog, "setup.passwordAgain") == "两次输入的密码不一致"
    assert find(dialog, QLineEdit, "setup.centreCode").text() == "3401"
    assert find(dialog, QLineEdit, "setup.password").text() == "long-enough-1"
    assert find(dialog, QLineEdit, "setup.centreCode").hasFocus()
    assert fresh_desk.needs_setup()


def test_enter_moves_on_and_escape_keeps_the_form(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    dialog = open_setup(qtbot, fresh_worker)
    code = find(dialog, QLineEdit, "setup.centreCode")
    qtbot.keyClicks(code, "340100")
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert find(dialog, QLineEdit, "setup.centreName").hasFocus()
    assert error_text(dialog, "setup.centreName") == ""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert code.text() == "340100"


def test_a_complete_form_sets_up_the_desk(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    dialog = open_setup(qtbot, fresh_worker)
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.centreCode"), "340100")
    commit_text(find(dialog, QLineEdit, "setup.centreName"), "合肥市政务服务中心")
    find(dialog, QSpinBox, "setup.windowNumber").setValue(7)
    category = find(dialog, QComboBox, "setup.windowCategory")
    category.setCurrentIndex(category.findText("社会事务"))
    commit_text(find(dialog, QLineEdit, "setup.adminName"), "刘洋")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.adminUsername"), "liuyang")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.password"), "long-enough-1")
    password_again = find(dialog, QLineEdit, "setup.passwordAgain")
    qtbot.keyClicks(password_again, "long-enough-1")
    password_again.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(password_again, Qt.Key.Key_Return)

    assert not fresh_desk.needs_setup()
    settings = fresh_desk.settings
    assert settings.get("centre_name") == "合肥市政务服务中心"
    assert settings.get("window_number") == 7
    assert settings.get("window_category") == "社会事务"
    clerk = fresh_desk.accounts.sign_in("liuyang", "long-enough-1")
    assert clerk.display_name == "刘洋"


def test_a_refusal_from_the_core_is_shown_in_the_form(
    qtbot: QtBot, fresh_desk: Desk, fresh_worker: DeskWorker, translators: Translators
) -> None:
    dialog = open_setup(qtbot, fresh_worker)
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.centreCode"), "340100")
    commit_text(find(dialog, QLineEdit, "setup.centreName"), "合肥市政务服务中心")
    commit_text(find(dialog, QLineEdit, "setup.adminName"), "刘洋")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.adminUsername"), "liu yang!")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.password"), "long-enough-1")
    qtbot.keyClicks(find(dialog, QLineEdit, "setup.passwordAgain"), "long-enough-1")
    dialog.finish()
    settle(fresh_worker)
    assert dialog.isVisible()
    assert find(dialog, QLabel, "setup.error").text() == "用户名只能包含字母、数字、“.”或“_”"
    assert find(dialog, QLineEdit, "setup.adminUsername").text() == "liu yang!"
