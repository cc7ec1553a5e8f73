"""The 受理 workspace on screen: layout, items, situations, the applicant's checks beside the
fields, the materials keys and why a decision waits."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from case_factory import CLERK, make_case
from intake_helpers import FOOD_LICENCE, FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item
from intake_helpers import intake_of as open_intake
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find, settle, show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, MaterialMark
from clerk_desk.domain.identity import make_id_number
from ui.intake.dialogs import ReasonDialog
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
PROVISIONAL = ("暂定", "provisional")
NAMES = (
    "intake.itemSearch",
    "intake.itemResults",
    "applicant.kind",
    "applicant.name",
    "applicant.idNumber",
    "applicant.phone",
    "materials.table",
    "intake.accept",
    "intake.acceptWithGaps",
    "intake.notifyMissing",
    "intake.reject",
    "intake.print",
)


@pytest.fixture
def workspace(main_window: OpenWindow) -> Iterator[IntakeWorkspace]:
    """The clerk's 受理 workspace; the window stays referenced until the test ends."""
    window = main_window("clerk", "demo-clerk")
    yield open_intake(window)


def test_everything_essential_is_on_a_1366_by_768_screen(main_window: OpenWindow) -> None:
    window = main_window("clerk", "demo-clerk")
    window.resize(1366, 768)
    workspace = open_intake(window)
    for name in NAMES:
        widget = find(workspace, QWidget, name)
        assert widget.isVisible(), name
        corner = widget.mapTo(window, QPoint(widget.width(), widget.height()))
        assert corner.x() <= 1366 and corner.y() <= 768, name
    texts = [find(workspace, QPushButton, f"intake.{n}").text() for n in ("accept", "print")]
    assert texts[0].startswith("F9 ")
    assert texts[1].startswith("Ctrl+P ")
    assert "草稿" not in find(workspace, QLabel, "intake.header").text()


def test_search_as_you_type_and_enter_adds_the_item(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk
) -> None:
    keys = Keyboard(qtbot)
    keys.type(workspace.chooser.search, "spjy")
    results = find(workspace, QListWidget, "intake.itemResults")
    names = [results.item(row).text() for row in range(results.count())]
    assert FOOD_LICENCE_NAME in names

    choose_item(keys, workspace, "", FOOD_LICENCE_NAME)

    assert workspace.case is not None
    assert workspace.case.item_codes == (FOOD_LICENCE,)
    header = find(workspace, QLabel, "intake.header").text()
    assert "草稿" in header and FOOD_LICENCE_NAME in header
    table = find(workspace, QTableView, "materials.table")
    assert table.model().rowCount() > 0
    drafts = demo_desk.intake.list_drafts("clerk")
    assert [d.uuid for d in drafts] == [workspace.case.uuid]


def test_a_bundle_collects_a_shared_material_once(qtbot: QtBot, workspace: IntakeWorkspace) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    workspace.chooser.search.clear()
    choose_item(keys, workspace, "gtgsh", "个体工商户设立登记")

    assert workspace.case is not None
    assert len(workspace.case.items) == 2
    names = [m.name for m in workspace.case.materials]
    assert len(names) == len(set(names))
    assert workspace.chooser.chosen.count() == 2


def test_typing_a_bundle_and_enter_adds_all_its_items(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    """开办餐饮店 is found by its name, marked as a bundle, and Enter takes both its items."""
    keys = Keyboard(qtbot)
    keys.type(workspace.chooser.search, "开办餐饮")
    results = find(workspace, QListWidget, "intake.itemResults")
    top = results.item(0).text()
    assert "开办餐饮店" in top and "2" in top and top != "开办餐饮店"

    keys.key(workspace.chooser.search, Qt.Key.Key_Return)
    settle(workspace.worker)
    workspace.form.has_agent.setChecked(True)
    settle(workspace.worker)

    assert workspace.case is not None
    assert [item.name for item in workspace.case.items] == ["个体工商户设立登记", FOOD_LICENCE_NAME]
    chosen = workspace.chooser.chosen
    assert [chosen.item(row).text() for row in range(chosen.count())] == [
        "个体工商户设立登记",
        FOOD_LICENCE_NAME,
    ]
    names = [m.name for m in workspace.case.materials]
    assert names.count("授权委托书") == 1  # both items ask for it
    header = find(workspace, QLabel, "intake.header").text()
    assert f"个体工商户设立登记、{FOOD_LICENCE_NAME}" in header


def test_an_empty_search_lists_the_bundles_without_choosing_one(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    results = workspace.chooser.results
    texts = [results.item(row).text() for row in range(results.count())]
    assert sum("企业开办一件事" in text for text in texts) == 1

    keys.key(workspace.chooser.search, Qt.Key.Key_Return)
    settle(workspace.worker)
    assert workspace.case is None

    keys.key(workspace.chooser.search, Qt.Key.Key_Down)
    keys.key(workspace.chooser.search, Qt.Key.Key_Return)
    settle(workspace.worker)
    assert workspace.case is not None and len(workspace.case.items) >= 2


def test_situation_answers_narrow_the_materials(qtbot: QtBot, workspace: IntakeWorkspace) -> None:
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    assert workspace.case is not None
    names = {m.name for m in workspace.case.materials}
    assert "授权委托书" not in names  # no agent named: 本人
    assert "食品经营许可告知承诺书" in names  # 办理程序 not answered yet: kept

    find(workspace, QWidget, "situation.procedure.general").click()
    settle(workspace.worker)
    assert "食品经营许可告知承诺书" not in {m.name for m in workspace.case.materials}

    workspace.form.has_agent.setChecked(True)
    settle(workspace.worker)
    assert "授权委托书" in {m.name for m in workspace.case.materials}
    assert find(workspace, QLineEdit, "agent.name").isVisible()


def test_id_number_errors_wait_while_typing_and_speak_on_leaving(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    field = find(workspace, QLineEdit, "applicant.idNumber")
    error = find(workspace, QLabel, "applicant.idNumberError")
    wrong = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")

    keys.type(field, wrong[:12])
    assert error.isHidden()
    keys.type(field, wrong[12:])
    assert error.isVisible()
    assert f"第18位校验码应为{VALID_ID[17]}" in error.text()
    assert field.text() == wrong  # never cleared

    field.clear()
    keys.type(field, "3401041990")
    assert error.isHidden()
    find(workspace, QLineEdit, "applicant.phone").setFocus()
    assert error.isVisible()
    assert "已输入10位" in error.text()

    field.clear()
    keys.type(field, VALID_ID)
    assert error.isHidden()


def test_an_older_residents_number_is_not_refused_for_its_region_code(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    """310115 (浦东, from 1992) on the card of someone born in 1955: no error on the field."""
    keys = Keyboard(qtbot)
    field = find(workspace, QLineEdit, "applicant.idNumber")
    error = find(workspace, QLabel, "applicant.idNumberError")

    keys.type(field, make_id_number("310115", date(1955, 3, 1), 123))
    find(workspace, QLineEdit, "applicant.phone").setFocus()

    assert error.isHidden(), error.text()


def test_a_letter_in_the_credit_code_is_shown_at_once(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    workspace.form.kind.setCurrentIndex(1)
    field = find(workspace, QLineEdit, "applicant.creditCode")
    assert field.isVisible()
    assert not find(workspace, QLineEdit, "applicant.idNumber").isVisible()
    Keyboard(qtbot).type(field, "91340O")
    error = find(workspace, QLabel, "applicant.creditCodeError")
    assert error.isVisible()
    assert "第6位" in error.text()


def test_a_returning_applicant_is_offered_and_enter_fills_in(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = open_intake(window)
    show_active(qtbot, window)
    make_case(
        demo_desk,
        applicant=Applicant(name="王芳", id_number=VALID_ID, phone="13812345678"),
        accept_by=CLERK,
    )

    keys = Keyboard(qtbot)
    field = find(workspace, QLineEdit, "applicant.idNumber")
    keys.type(field, VALID_ID)
    settle(workspace.worker)
    offer = find(workspace, QLabel, "applicant.returningText")
    assert offer.isVisible()
    assert "王芳" in offer.text() and "138****5678" in offer.text()

    keys.key(field, Qt.Key.Key_Return)

    assert find(workspace, QLineEdit, "applicant.name").text() == "王芳"
    # As clerks write it, not as stored.
    assert find(workspace, QLineEdit, "applicant.phone").text() == "13812345678"
    # Leaving the ID field looks the number up again: the filled-in applicant is not offered.
    keys.key(QApplication.focusWidget(), Qt.Key.Key_Tab)
    settle(workspace.worker)
    assert not offer.isVisible()
    assert not find(workspace, QFrame, "applicant.returning").isVisible()


def test_material_keys_mark_and_refuse_with_a_reason(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    table = workspace.table
    materials = workspace.table.materials.materials
    table.setFocus()
    key_row = next(i for i, m in enumerate(materials) if m.is_key)
    gap_row = next(i for i, m in enumerate(materials) if m.gap_allowed)

    table.setCurrentIndex(table.model().index(key_row, 1))
    keys.key(table, Qt.Key.Key_Space)
    assert materials[key_row].mark is MaterialMark.RECEIVED
    assert "已收取" in table.model().index(key_row, 0).data()
    keys.key(table, Qt.Key.Key_Space)
    assert materials[key_row].mark is MaterialMark.UNCHECKED
    keys.key(table, Qt.Key.Key_G)
    assert materials[key_row].mark is MaterialMark.UNCHECKED
    assert materials[key_row].name in find(workspace, QLabel, "intake.status").text()
    keys.key(table, Qt.Key.Key_P)
    assert materials[key_row].mark is MaterialMark.UNCHECKED
    keys.key(table, Qt.Key.Key_M)
    assert materials[key_row].mark is MaterialMark.MISSING

    table.setCurrentIndex(table.model().index(gap_row, 1))
    keys.key(table, Qt.Key.Key_G)
    assert materials[gap_row].mark is MaterialMark.GAP
    assert (
        materials[gap_row].acceptance_standard in find(workspace, QLabel, "materials.detail").text()
    )

    keys.key(table, Qt.Key.Key_Down)
    row = table.currentIndex().row()
    keys.key(table, Qt.Key.Key_D)
    dialog = workspace.findChild(ReasonDialog, "materials.defectDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.ok.click()  # nothing written: it says so and stays
    assert dialog.isVisible() and dialog.message.text()
    keys.type(dialog.reason, "未签字")
    dialog.ok.click()
    assert materials[row].mark is MaterialMark.DEFECTIVE
    assert materials[row].note == "未签字"
    assert "原因：未签字" in find(workspace, QLabel, "materials.detail").text()

    keys.key(table, Qt.Key.Key_Space)  # the signed form came after all: the reason goes
    assert materials[row].mark is MaterialMark.RECEIVED
    assert materials[row].note == ""


def test_o_c_and_plus_minus_record_the_form_and_count_taken(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    table = workspace.table
    materials = table.materials.materials
    row = next(i for i, m in enumerate(materials) if m.form == "原件")
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    status = find(workspace, QLabel, "intake.status")

    keys.key(table, Qt.Key.Key_Plus)
    assert materials[row].mark is MaterialMark.UNCHECKED
    assert "请先" in status.text() and materials[row].name in status.text()

    keys.key(table, Qt.Key.Key_C)
    assert materials[row].mark is MaterialMark.RECEIVED
    assert (materials[row].received_form, materials[row].received_copies) == ("复印件", 1)
    qtbot.keyClick(table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    keys.key(table, Qt.Key.Key_Equal)
    assert materials[row].received_copies == 3
    assert table.model().index(row, 2).data().startswith("复印件×3份")
    assert "目录要求：原件" in find(workspace, QLabel, "materials.detail").text()
    keys.key(table, Qt.Key.Key_Minus)
    keys.key(table, Qt.Key.Key_O)
    assert (materials[row].received_form, materials[row].received_copies) == ("原件", 2)

    workspace.save_draft()
    settle(workspace.worker)
    assert workspace.case is not None and workspace.worker.desk is not None
    stored = workspace.worker.desk.intake.case(workspace.case.uuid)
    assert stored is not None
    saved = stored.materials[row]
    assert (saved.received_form, saved.received_copies) == ("原件", 2)


def test_a_decision_that_must_wait_is_disabled_and_says_why(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    accept = find(workspace, QPushButton, "intake.accept")
    reasons = find(workspace, QLabel, "intake.decisionReasons")
    assert not accept.isEnabled()

    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    assert not accept.isEnabled()
    assert "请填写申请人姓名" in accept.toolTip()
    workspace.table.setFocus()
    qtbot.keyClick(workspace.table, Qt.Key.Key_F12)
    assert "请填写申请人姓名" in reasons.text()
    qtbot.keyClick(workspace.table, Qt.Key.Key_F9)
    assert "请填写申请人姓名" in reasons.text()
    assert workspace.case is not None and workspace.case.case_no is None


def test_an_applicant_on_the_dishonesty_list_is_said_before_accepting_with_gaps(
    qtbot: QtBot, workspace: IntakeWorkspace, demo_desk: Desk, tmp_path: Path
) -> None:
    listing = tmp_path / "失信名单.csv"
    listing.write_text(
        "证件号码/统一社会信用代码,名称,来源,列入日期,备注\n"
        f"{VALID_ID},李娜,信用中国（合肥）,2026-03-15,\n",
        encoding="utf-8",
    )
    demo_desk.intake.credit_list.import_file(listing)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    gaps = find(workspace, QPushButton, "intake.acceptWithGaps")
    assert "失信" not in gaps.toolTip()

    keys.type(find(workspace, QLineEdit, "applicant.idNumber"), VALID_ID)
    settle(workspace.worker)

    assert "申请人在失信名单中（来源：信用中国（合肥））" in gaps.toolTip()
    assert not gaps.isEnabled()


def test_the_deadline_shows_in_the_header_and_is_marked_when_provisional(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    assert workspace.committed is not None
    header = find(workspace, QLabel, "intake.header")
    day = workspace.committed.deadline
    assert f"{day.year}年{day.month:02}月{day.day:02}日" in header.text()
    assert not any(word in header.text() for word in PROVISIONAL)

    assert workspace.day is not None
    workspace.day = dataclasses.replace(
        workspace.day, committed=dataclasses.replace(workspace.committed, unknown_years=(2027,))
    )
    workspace.form.name.setText("李娜")

    assert any(word in header.text() for word in PROVISIONAL)


def test_every_control_of_a_case_in_progress_is_named(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    workspace.form.has_agent.setChecked(True)
    workspace.table.setFocus()
    keys.key(workspace.table, Qt.Key.Key_D)
    settle(workspace.worker)
    dialog = workspace.findChild(ReasonDialog, "materials.defectDialog")
    assert dialog is not None

    assert unnamed_controls(workspace) == []
    assert unnamed_controls(dialog) == []


def test_two_items_chosen_before_the_draft_exists_both_stay(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    """A fast clerk picks a second item while the desk is still creating the draft."""
    workspace.add_items([FOOD_LICENCE])
    workspace.add_items(["000142110300"])  # 个体工商户设立登记, before the first reply
    settle(workspace.worker)
    settle(workspace.worker)
    assert workspace.case is not None
    assert sorted(item.basic_code for item in workspace.case.items) == sorted(
        [FOOD_LICENCE, "000142110300"]
    )


def test_tab_from_the_applicant_kind_goes_to_the_name(
    qtbot: QtBot, main_window: OpenWindow
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = open_intake(window)
    show_active(qtbot, window)
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    kind = find(workspace, QWidget, "applicant.kind")
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    name = find(workspace, QLineEdit, "applicant.name")
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(QApplication.focusWidget(), "Li")
    assert name.text() == "Li"


def test_tab_reaches_the_situations_and_answering_keeps_the_focus(
    qtbot: QtBot, workspace: IntakeWorkspace
) -> None:
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    chosen = find(workspace, QListWidget, "intake.chosenItems")
    chosen.setFocus()
    qtbot.keyClick(chosen, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName().startswith("situation.")

    general = find(workspace, QWidget, "situation.procedure.general")
    general.setFocus()
    qtbot.keyClick(general, Qt.Key.Key_Space)
    settle(workspace.worker)
    again = QApplication.focusWidget()
    assert again is not None and again.objectName() == "situation.procedure.general"


def test_a_returning_applicant_typed_in_the_item_search_is_filled_in_with_the_last_items(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    service = demo_desk.intake
    case = service.create_draft([FOOD_LICENCE], "clerk")
    case.applicant = Applicant(name="王芳", id_number=VALID_ID, phone="13812345678")
    case.answers = {"applicant": "self", "business": "catering", "procedure": "general"}
    service.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    service.accept(case, "clerk")
    window = main_window("clerk", "demo-clerk")
    workspace = open_intake(window)
    show_active(qtbot, window)

    keys = Keyboard(qtbot)
    search = find(workspace, QLineEdit, "intake.itemSearch")
    keys.type(search, VALID_ID)
    keys.key(search, Qt.Key.Key_Return)
    settle(workspace.worker)
    assert find(workspace, QLineEdit, "applicant.name").text() == "王芳"
    assert find(workspace, QLineEdit, "applicant.phone").text() == "13812345678"
    assert workspace.chooser.results.currentItem().text() == FOOD_LICENCE_NAME
    keys.key(search, Qt.Key.Key_Return)
    settle(workspace.worker)
    settle(workspace.worker)
    assert workspace.case is not None and workspace.case.item_codes == (FOOD_LICENCE,)
    assert workspace.case.answers["business"] == "catering"
    assert find(workspace, QAbstractButton, "situation.business.catering").isChecked()
    assert workspace.table.hasFocus()
    assert keys.strokes == len(VALID_ID) + 2
