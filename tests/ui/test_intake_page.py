"""F3 in the 受理 tab: look a case up and come back to the intake exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

from intake_helpers import (
    FOOD_LICENCE,
    FOOD_LICENCE_NAME,
    VALID_ID,
    Keyboard,
    choose_item,
    intake_of,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle, show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, Case, MaterialMark
from clerk_desk.domain.case_number import display_case_no
from ui.intake.page import IntakePage
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
LICENCE = "营业执照"


def test_f3_opens_the_case_list_and_returns_to_the_same_draft(
    qtbot: QtBot, main_window: OpenWindow
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    page = window.findChild(IntakePage, "intake.page")
    assert page is not None
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    draft = workspace.case
    assert draft is not None

    qtbot.keyClick(find(workspace, QLineEdit, "intake.itemSearch"), Qt.Key.Key_F3)
    assert page.looking_up
    search = find(window, QLineEdit, "caseList.search")
    assert search.isVisible()
    assert search.hasFocus()
    settle(window.worker)
    assert find(window, QTableView, "caseList.table").isVisible()

    qtbot.keyClick(search, Qt.Key.Key_F3)
    assert not page.looking_up
    assert workspace.isVisible()
    assert workspace.case is draft


def _waiting_case(desk: Desk) -> Case:
    """A case given the 一次性告知 for its missing business licence (营业执照)."""
    service = desk.intake
    case = service.create_draft([FOOD_LICENCE], "clerk")
    case.applicant = Applicant(name="王芳", id_number=VALID_ID, phone="13812345678")
    case.answers = {"applicant": "self", "procedure": "general"}
    service.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.MISSING if material.name == LICENCE else MaterialMark.RECEIVED
    return service.notify_missing(case, "clerk")


def _mark_brought_and_accept(qtbot: QtBot, workspace: IntakeWorkspace, waiting: Case) -> None:
    table = workspace.table
    assert table.hasFocus()
    assert "待补正" in find(workspace, QLabel, "intake.header").text()
    row = [m.name for m in table.materials.materials].index(LICENCE)
    for _ in range(row - table.currentIndex().row()):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert find(workspace, QPushButton, "intake.accept").isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_F9)
    settle(workspace.worker)
    assert find(workspace, QLabel, "intake.caseNo").text() == display_case_no(str(waiting.case_no))
    events = [event.event for event in workspace.worker.desk.intake.events(waiting.uuid)]
    assert events[-3:] == ["supplement", "accept", "route"]


def test_a_case_awaiting_a_supplement_is_taken_up_by_its_number(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    waiting = _waiting_case(demo_desk)
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    show_active(qtbot, window)
    search = find(workspace, QLineEdit, "intake.itemSearch")
    search.setFocus()
    qtbot.keyClicks(search, display_case_no(str(waiting.case_no)))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(workspace.worker)
    assert workspace.case is not None and workspace.case.uuid == waiting.uuid
    _mark_brought_and_accept(qtbot, workspace, waiting)


def test_a_case_awaiting_a_supplement_is_taken_up_from_the_look_up(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    waiting = _waiting_case(demo_desk)
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    show_active(qtbot, window)
    page = window.findChild(IntakePage, "intake.page")
    assert page is not None
    qtbot.keyClick(find(workspace, QLineEdit, "intake.itemSearch"), Qt.Key.Key_F3)
    search = find(window, QLineEdit, "caseList.search")
    qtbot.keyClicks(search, VALID_ID[-4:])
    with qtbot.waitSignal(page.cases.model.loaded):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    table = find(window, QTableView, "caseList.table")
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.cases.detail is not None and page.cases.detail.isVisible())
    detail = page.cases.detail
    assert detail is not None
    take_up = find(detail, QPushButton, "caseDetail.takeUp")
    qtbot.waitUntil(take_up.hasFocus)
    qtbot.keyClick(take_up, Qt.Key.Key_Return)
    settle(workspace.worker)
    assert not page.looking_up
    assert workspace.case is not None and workspace.case.uuid == waiting.uuid
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(workspace.table.hasFocus)
    _mark_brought_and_accept(qtbot, workspace, waiting)
