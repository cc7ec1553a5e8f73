"""The accounts section of the administrator's 设置 workspace, driven like a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Role, Workspace
from clerk_desk.services.accounts import MAX_FAILURES, SignInError
from local_cache.repositories import account_repo
from ui.accounts_page import AccountsPanel
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow

PASSWORD = "a-long-password"
OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def panel(main_window: OpenWindow, demo_worker: DeskWorker) -> Iterator[AccountsPanel]:
    """The administrator's window on 设置; held here so the window outlives the test."""
    window = main_window("admin", "demo-admin")
    find(window, QPushButton, "main.tab.settings").click()
    settle(demo_worker)
    assert window.current_workspace() is Workspace.SETTINGS
    yield find(window, AccountsPanel, "accounts")


def commit_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method delivers it (QTest types ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def table_rows(panel: AccountsPanel) -> dict[str, list[str]]:
    model = find(panel, QTableView, "accounts.table").model()
    rows = {}
    for row in range(model.rowCount()):
        cells = [model.index(row, column).data() for column in range(model.columnCount())]
        rows[cells[0]] = cells[1:]
    return rows


def select(qtbot: QtBot, panel: AccountsPanel, username: str) -> None:
    table = find(panel, QTableView, "accounts.table")
    row = list(table_rows(panel)).index(username)
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def fill_form(
    qtbot: QtBot, panel: AccountsPanel, roles: tuple[Role, ...], again: str = PASSWORD
) -> None:
    qtbot.keyClicks(find(panel, QLineEdit, "accounts.add.username"), "zhaoliu")
    commit_text(find(panel, QLineEdit, "accounts.add.name"), "赵六")
    for role in roles:
        find(panel, QCheckBox, f"accounts.add.role.{role.value}").click()
    qtbot.keyClicks(find(panel, QLineEdit, "accounts.add.password"), PASSWORD)
    qtbot.keyClicks(find(panel, QLineEdit, "accounts.add.passwordAgain"), again)


def submit(qtbot: QtBot, panel: AccountsPanel, worker: DeskWorker) -> None:
    qtbot.mouseClick(find(panel, QPushButton, "accounts.add.submit"), Qt.MouseButton.LeftButton)
    settle(worker)


def test_the_panel_lists_the_accounts_in_chinese(panel: AccountsPanel) -> None:
    rows = table_rows(panel)
    assert rows["reviewer"] == ["王建国", "审批人员", "市场监督管理局", "A0102", "正常"]
    assert rows["admin"] == ["刘洋", "管理员", "", "A0107", "正常"]
    headers = find(panel, QTableView, "accounts.table").model()
    assert [headers.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "用户名",
        "姓名",
        "角色",
        "部门",
        # 工号 once the catalogue has it (its strings come with the next .ts).
        QApplication.translate("AccountsModel", "Staff number"),
        "状态",
    ]


def test_an_account_added_here_can_sign_in(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    fill_form(qtbot, panel, (Role.INTAKE_CLERK, Role.OUTPUT_CLERK))
    submit(qtbot, panel, demo_worker)

    assert table_rows(panel)["zhaoliu"] == ["赵六", "受理人员、出件人员", "", "", "正常"]
    assert find(panel, QLabel, "accounts.status").text() == "已新建账户 zhaoliu。"
    assert find(panel, QLineEdit, "accounts.add.password").text() == ""
    clerk = demo_desk.accounts.sign_in("zhaoliu", PASSWORD)
    assert (clerk.display_name, clerk.roles) == ("赵六", (Role.INTAKE_CLERK, Role.OUTPUT_CLERK))
    with demo_desk.database.read() as session:
        created = next(e for e in account_repo.events(session) if e.event == "created")
    assert (created.username, created.detail) == (
        "zhaoliu",
        "roles=intake_clerk,output_clerk; by=admin",
    )


def test_a_reviewer_without_department_is_told_beside_the_field(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    fill_form(qtbot, panel, (Role.REVIEWER,))
    submit(qtbot, panel, demo_worker)

    department = find(panel, QLineEdit, "accounts.add.department")
    error = find(panel, QLabel, "accounts.add.department.error")
    assert error.isVisible()
    assert error.text() == "审批人员需要填写所属部门"
    below = error.mapTo(panel, error.rect().topLeft()).y()
    field_bottom = department.mapTo(panel, department.rect().bottomLeft()).y()
    assert 0 <= below - field_bottom <= 8
    assert department.hasFocus()
    assert find(panel, QLineEdit, "accounts.add.username").text() == "zhaoliu"
    assert find(panel, QLineEdit, "accounts.add.name").text() == "赵六"
    assert find(panel, QLineEdit, "accounts.add.password").text() == PASSWORD
    assert "zhaoliu" not in table_rows(panel)

    commit_text(department, "市场监督管理局")
    submit(qtbot, panel, demo_worker)
    assert not error.isVisible()
    assert table_rows(panel)["zhaoliu"][2] == "市场监督管理局"


def test_different_passwords_are_caught_before_the_desk(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker
) -> None:
    fill_form(qtbot, panel, (Role.INTAKE_CLERK,), again=PASSWORD + "x")
    submit(qtbot, panel, demo_worker)
    error = find(panel, QLabel, "accounts.add.passwordAgain.error")
    assert (error.isVisible(), error.text()) == (True, "两次输入的密码不一致")
    assert "zhaoliu" not in table_rows(panel)


def test_a_disabled_account_cannot_sign_in(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    toggle = find(panel, QPushButton, "accounts.toggleActive")
    assert not toggle.isEnabled()
    select(qtbot, panel, "clerk")
    assert toggle.text() == "停用(&D)"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    settle(demo_worker)

    assert table_rows(panel)["clerk"][-1] == "已停用"
    assert (toggle.text(), toggle.accessibleName()) == ("启用(&E)", "启用")
    with pytest.raises(SignInError):
        demo_desk.accounts.sign_in("clerk", "demo-clerk")

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    settle(demo_worker)
    assert table_rows(panel)["clerk"][-1] == "正常"
    assert demo_desk.accounts.sign_in("clerk", "demo-clerk").username == "clerk"


def test_the_last_admin_cannot_be_disabled(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker
) -> None:
    select(qtbot, panel, "admin")
    qtbot.mouseClick(find(panel, QPushButton, "accounts.toggleActive"), Qt.MouseButton.LeftButton)
    settle(demo_worker)
    message = find(panel, QLabel, "accounts.error")
    assert message.isVisible()
    assert message.text() == "admin 是最后一个在用的管理员账户；请先把另一个账户设为管理员"
    assert table_rows(panel)["admin"][-1] == "正常"


def test_unlock_clears_a_lock_out(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInError):
            demo_desk.accounts.sign_in("output", "not the password")
    panel.refresh()
    settle(demo_worker)
    unlock = find(panel, QPushButton, "accounts.unlock")
    select(qtbot, panel, "clerk")
    assert not unlock.isEnabled()
    select(qtbot, panel, "output")
    assert table_rows(panel)["output"][-1] == "已锁定"
    assert unlock.isEnabled()

    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    settle(demo_worker)
    assert table_rows(panel)["output"][-1] == "正常"
    assert not unlock.isEnabled()
    assert demo_desk.accounts.sign_in("output", "demo-output").username == "output"


def test_reset_password_asks_twice(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    select(qtbot, panel, "clerk")
    qtbot.mouseClick(find(panel, QPushButton, "accounts.resetPassword"), Qt.MouseButton.LeftButton)
    dialog = find(panel, QDialog, "accounts.passwordDialog")
    assert dialog.isVisible()
    assert dialog.windowTitle() == "为 clerk 重设密码"
    password = find(dialog, QLineEdit, "accounts.newPassword")
    again = find(dialog, QLineEdit, "accounts.newPasswordAgain")
    assert password.echoMode() is QLineEdit.EchoMode.Password
    ok = find(dialog, QPushButton, "accounts.passwordDialog.ok")

    qtbot.keyClicks(password, "short")
    qtbot.keyClicks(again, "short")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(demo_worker)
    assert find(dialog, QLabel, "accounts.passwordDialog.error").text() == "密码至少需要 8 个字符"
    assert dialog.isVisible()

    password.setText(PASSWORD)
    again.setText(PASSWORD)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(demo_worker)
    assert not dialog.isVisible()
    assert demo_desk.accounts.sign_in("clerk", PASSWORD).username == "clerk"


def test_it_fits_the_hall_screen_and_names_every_control(panel: AccountsPanel) -> None:
    window = panel.window()
    assert (window.width(), window.height()) == (1366, 768)
    scroll = find(window, QScrollArea, "settings.scroll")
    assert not scroll.verticalScrollBar().isVisible()
    assert not scroll.horizontalScrollBar().isVisible()
    submit_button = find(panel, QPushButton, "accounts.add.submit")
    bottom = submit_button.mapTo(scroll, submit_button.rect().bottomLeft()).y()
    assert bottom < scroll.viewport().height()

    controls = [
        widget
        for widget in panel.findChildren(QWidget)
        if isinstance(widget, QAbstractButton | QLineEdit | QTableView)
        and not widget.objectName().startswith("qt_")  # Qt's own parts, e.g. the corner button
    ]
    assert len(controls) >= 15
    unnamed = [w for w in controls if not (w.objectName() and w.accessibleName())]
    assert unnamed == []


def test_a_result_for_a_closed_panel_is_dropped(
    qapp: QApplication, demo_desk: Desk, demo_worker: DeskWorker
) -> None:
    """Switching user closes the window while the list may still be loading."""
    panel = AccountsPanel(demo_worker, demo_desk.accounts.sign_in("admin", "demo-admin"))
    demo_worker.wait_idle()
    shiboken6.delete(panel)
    QApplication.processEvents()
    assert not shiboken6.isValid(panel)


def test_a_staff_number_is_added_shown_and_edited(
    qtbot: QtBot, panel: AccountsPanel, demo_worker: DeskWorker, demo_desk: Desk
) -> None:
    fill_form(qtbot, panel, (Role.INTAKE_CLERK,))
    qtbot.keyClicks(find(panel, QLineEdit, "accounts.add.staffNo"), "B0201")
    submit(qtbot, panel, demo_worker)
    assert table_rows(panel)["zhaoliu"][3] == "B0201"
    assert find(panel, QLineEdit, "accounts.add.staffNo").text() == ""

    select(qtbot, panel, "zhaoliu")
    qtbot.mouseClick(find(panel, QPushButton, "accounts.edit"), Qt.MouseButton.LeftButton)
    dialog = find(panel, QDialog, "accounts.editDialog")
    staff_no = find(dialog, QLineEdit, "accounts.edit.staffNo")
    assert staff_no.text() == "B0201" and staff_no.maxLength() == 32
    assert unnamed_controls(dialog) == []
    staff_no.selectAll()
    qtbot.keyClicks(staff_no, "A0101")  # 张敏's
    qtbot.keyClick(staff_no, Qt.Key.Key_Return)
    settle(demo_worker)
    message = find(dialog, QLabel, "accounts.edit.staffNo.error")
    assert message.isVisible() and "A0101" in message.text() and "张敏" in message.text()
    assert staff_no.text() == "A0101" and dialog.isVisible()
    staff_no.selectAll()
    qtbot.keyClicks(staff_no, "B0299")
    assert not message.isVisible()
    qtbot.keyClick(staff_no, Qt.Key.Key_Return)
    settle(demo_worker)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(demo_worker)
    assert table_rows(panel)["zhaoliu"][3] == "B0299"
    assert demo_desk.accounts.sign_in("zhaoliu", PASSWORD).staff_no == "B0299"
