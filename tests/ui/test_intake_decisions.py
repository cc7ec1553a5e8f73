"""Deciding in the 受理 workspace with the keyboard alone, and the papers it prints.

The scripted standard intake (individual applicant, the food licence's 5 materials, 受理,
receipt to PDF) counts its keystrokes and wall time and prints them for the issue's benchmark.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from test_printing import flat, pdf_text
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.documents.formatting import cn_date
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import MaterialMark
from clerk_desk.domain.case_states import CaseState
from ui.intake.dialogs import ConfirmDialog, ReasonDialog, SupplementDeadlineDialog
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
DISPLAY_CASE_NO = re.compile(r"^340100-\d{8}-003-\d{4}-[\dX]$")


@pytest.fixture
def workspace(main_window: OpenWindow) -> Iterator[IntakeWorkspace]:
    window = main_window("clerk", "demo-clerk")
    yield intake_of(window)


def fill_applicant(keys: Keyboard, workspace: IntakeWorkspace) -> None:
    """Name, ID number and phone, moving on with Tab as a clerk does."""
    keys.type(find(workspace, QLineEdit, "applicant.name"), "陈晓梅")
    keys.type(find(workspace, QLineEdit, "applicant.idNumber"), VALID_ID)
    keys.type(find(workspace, QLineEdit, "applicant.phone"), "13912345678")
    settle(workspace.worker)


def answer_in_person_general(keys: Keyboard, workspace: IntakeWorkspace) -> None:
    """经营类型 餐饮服务, 办理程序 一般程序: the food licence's five core materials remain."""
    for name in ("situation.business.catering", "situation.procedure.general"):
        button = find(workspace, QAbstractButton, name)
        button.setFocus()
        keys.key(button, Qt.Key.Key_Space)
    settle(workspace.worker)


def mark_all(keys: Keyboard, workspace: IntakeWorkspace, skip: set[str] = frozenset()) -> None:
    """Space on every row, Down to the next; rows named in ``skip`` get M (missing)."""
    table = workspace.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    for row, material in enumerate(table.materials.materials):
        keys.key(table, Qt.Key.Key_M if material.name in skip else Qt.Key.Key_Space)
        if row + 1 < table.model().rowCount():
            keys.key(table, Qt.Key.Key_Down)


def test_scripted_standard_intake_to_a_receipt(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk
) -> None:
    keys = Keyboard(qtbot)
    started = time.perf_counter()

    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    materials = [m.name for m in workspace.table.materials.materials]
    assert len(materials) == 5
    mark_all(keys, workspace)
    accept = find(workspace, QPushButton, "intake.accept")
    assert accept.isEnabled(), find(workspace, QLabel, "intake.decisionReasons").text()
    keys.key(workspace.table, Qt.Key.Key_F9)
    settle(workspace.worker)

    case_no = find(workspace, QLabel, "intake.caseNo").text()
    deadline = find(workspace, QLabel, "intake.deadline").text()
    assert DISPLAY_CASE_NO.match(case_no), case_no
    case = demo_desk.intake.case_by_number(case_no)
    assert case is not None and case.state is CaseState.IN_REVIEW  # accepted and routed
    assert case.committed_deadline is not None
    day = case.committed_deadline
    assert deadline.startswith(f"{day.year}年{day.month:02}月{day.day:02}日"), deadline
    # 受理 hands the case to its department at once: the header says where it is now, and
    # the 受理通知书 is the paper to print.
    assert "审批中" in find(workspace, QLabel, "intake.header").text()

    print_button = find(workspace, QPushButton, "intake.printPapers")
    assert print_button.hasFocus()
    keys.key(print_button, Qt.Key.Key_Return)
    settle(workspace.worker)
    elapsed = time.perf_counter() - started

    receipt = Path(workspace.printed_paths[0])
    text = flat(pdf_text(receipt))
    assert "受理通知书" in text
    assert case_no in text
    assert FOOD_LICENCE_NAME in text
    assert cn_date(case.committed_deadline) in text
    for name in materials:
        if any(m.name == name and m.received_copies for m in case.materials):
            assert flat(name) in text
    assert "340104********" in text and VALID_ID not in text
    assert "材料流转单" in flat(pdf_text(Path(workspace.printed_paths[1])))
    print(f"\nscripted intake: {keys.strokes} keystrokes, 0 clicks, {elapsed:.2f} s")

    keys.key(workspace, Qt.Key.Key_F2)
    assert workspace.case is None
    assert find(workspace, QLineEdit, "intake.itemSearch").hasFocus()
    assert find(workspace, QLineEdit, "applicant.name").text() == ""


def test_accept_with_gaps_offers_the_settings_working_days_up_to_the_committed_deadline(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk
) -> None:
    demo_desk.settings.set("gap_supplement_days", 2)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    gaps = {m.name for m in workspace.table.materials.materials if m.gap_allowed}
    mark_all(keys, workspace, skip=gaps)
    assert not find(workspace, QPushButton, "intake.accept").isEnabled()

    keys.key(workspace.table, Qt.Key.Key_F10)
    settle(workspace.worker)
    dialog = workspace.findChild(SupplementDeadlineDialog, "intake.gapDialog")
    assert dialog is not None and dialog.isVisible()
    assert workspace.committed is not None
    committed = workspace.committed.deadline
    offered = WorkCalendar().add_working_days(workspace.today, 2).deadline
    assert offered < committed  # the food licence promises 5 working days
    edit = find(dialog, QDateEdit, "intake.supplementDeadline")
    assert edit.date().toPython() == offered
    assert edit.maximumDate().toPython() == committed
    dialog.ok.click()
    settle(workspace.worker)

    case = demo_desk.intake.case_by_number(find(workspace, QLabel, "intake.caseNo").text())
    assert case is not None and case.supplement_deadline == offered
    assert {m.name for m in case.materials if m.mark is MaterialMark.GAP} == gaps
    titles = [paper.title for paper in workspace.papers]
    assert titles[:2] == ["容缺受理通知书", "容缺受理承诺书"]


def test_notify_missing_prints_the_notice_with_the_standard(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk, tmp_path: Path
) -> None:
    demo_desk.settings.set("centre_phone", "0551-12345678")
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    first = workspace.table.materials.materials[0]
    mark_all(keys, workspace, skip={first.name})

    keys.key(workspace.table, Qt.Key.Key_F11)
    settle(workspace.worker)
    confirm = workspace.findChild(ConfirmDialog, "intake.notifyDialog")
    assert confirm is not None and confirm.isVisible()
    assert workspace.case is not None and workspace.case.state is CaseState.DRAFT
    keys.key(confirm, Qt.Key.Key_Return)
    settle(workspace.worker)

    case = demo_desk.intake.case_by_number(find(workspace, QLabel, "intake.caseNo").text())
    assert case is not None and case.state is CaseState.AWAITING_SUPPLEMENT
    assert "承诺" not in find(workspace, QLabel, "intake.header").text()
    assert [paper.title for paper in workspace.papers] == ["一次性告知书"]
    workspace.print_papers()
    settle(workspace.worker)
    text = flat(pdf_text(Path(workspace.printed_paths[0])))
    assert flat(first.name) in text
    assert "咨询电话0551-12345678（" in text  # the setting, not the centre's name
    assert flat(first.acceptance_standard)[:20] in text


def test_reject_needs_a_reason_and_prints_it(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk
) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    fill_applicant(keys, workspace)
    reject = find(workspace, QPushButton, "intake.reject")
    assert reject.isEnabled()

    keys.key(workspace.table, Qt.Key.Key_F12)
    dialog = workspace.findChild(ReasonDialog, "intake.rejectDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.ok.click()
    assert dialog.isVisible()
    assert find(dialog, QLabel, "intake.rejectDialog.message").text() == "请填写理由"
    keys.type(dialog.reason, "仅销售预包装食品，应办理备案")
    dialog.ok.click()
    settle(workspace.worker)

    case = demo_desk.intake.case_by_number(find(workspace, QLabel, "intake.caseNo").text())
    assert case is not None and case.state is CaseState.REJECTED
    # No promise runs for a case not accepted.
    assert find(workspace, QLabel, "intake.deadline").text() == "—"
    assert "承诺" not in find(workspace, QLabel, "intake.header").text()
    workspace.print_papers()
    settle(workspace.worker)
    text = flat(pdf_text(Path(workspace.printed_paths[0])))
    assert "不予受理通知书" in text
    assert "仅销售预包装食品，应办理备案" in text
    assert "行政复议" in text


def test_the_paper_opens_in_preview_after_the_decision(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    fill_applicant(keys, workspace)
    workspace.auto_preview = True
    keys.key(workspace.table, Qt.Key.Key_F12)
    dialog = workspace.findChild(ReasonDialog, "intake.rejectDialog")
    assert dialog is not None
    keys.type(dialog.reason, "不属于本中心受理范围")
    dialog.ok.click()
    settle(workspace.worker)

    assert workspace.preview is not None
    assert workspace.preview.isVisible()
    workspace.preview.close()
    QApplication.processEvents()
