"""材料复用 in 受理: a returning applicant's business licence, scanned for an earlier case, is
offered above the checklist as soon as the ID number is typed; U and Enter attach it by
reference, and the draft keeps the same stored pages."""

from __future__ import annotations

from datetime import date

from capture_helpers import Intake, wait_for_pages
from case_factory import CLERK, make_case
from intake_helpers import VALID_ID
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.devices.base import ColourMode
from clerk_desk.domain.case import Applicant, Case, MaterialMark
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.imaging.encode import encode_page
from clerk_desk.services.material_reuse import Reusable
from ui.intake.reuse import ReuseDialog
from ui.translations import Translators

LICENCE = "营业执照"  # reusable for 365 days in the demo catalog


def earlier_case(desk: Desk) -> Case:
    """An accepted 食品经营许可 of the same applicant with two licence pages scanned."""
    case = make_case(
        desk, applicant=Applicant(name="王芳", id_number=VALID_ID, phone="13812345678")
    )
    pages = [encode_page(Image.new("L", (420, 300), shade), ColourMode.GREY) for shade in (90, 150)]
    desk.pages.add_pages(case, LICENCE, pages)
    return desk.intake.accept(case, CLERK)


def row_of(intake: Intake, name: str) -> int:
    names = [m.name for m in intake.workspace.table.materials.materials]
    return names.index(name)


def type_id_number(qtbot: QtBot, intake: Intake) -> None:
    intake.keys.type(find(intake.workspace, QLineEdit, "applicant.idNumber"), VALID_ID)
    settle(intake.workspace.worker)
    settle(intake.workspace.worker)


def test_typing_the_number_offers_the_licence_and_u_enter_reuses_it(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    earlier = earlier_case(demo_desk)
    earlier_licence = next(m for m in earlier.materials if m.name == LICENCE)
    workspace = intake.workspace
    bar_text = find(workspace, QLabel, "materials.reuseText")
    assert not bar_text.isVisible()

    type_id_number(qtbot, intake)

    assert bar_text.isVisible()
    assert LICENCE in bar_text.text()
    table = workspace.table
    row = row_of(intake, LICENCE)
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    intake.keys.key(table, Qt.Key.Key_U)
    dialog = workspace.findChild(ReuseDialog, "materials.reuseDialog")
    assert dialog is not None and dialog.isVisible()
    (line,) = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert LICENCE in line and display_case_no(earlier.case_no or "") in line
    assert "2 page(s)" in line

    intake.keys.key(dialog.list, Qt.Key.Key_Return)
    wait_for_pages(qtbot, workspace)

    licence = workspace.table.materials.materials[row]
    assert [f.sha256 for f in licence.files] == [f.sha256 for f in earlier_licence.files]
    assert licence.mark is MaterialMark.ATTACHED
    assert licence.note == f"复用办件 {display_case_no(earlier.case_no or '')} 的材料"
    assert f"Note: {licence.note}" in find(workspace, QLabel, "materials.detail").text()
    assert not bar_text.isVisible()
    assert "2 page(s) / catalog asks" in workspace.capture.pages.count.text()
    assert workspace.case is not None
    saved = demo_desk.intake.case(workspace.case.uuid)
    assert saved is not None
    (stored,) = [m for m in saved.materials if m.name == LICENCE]
    assert [f.sha256 for f in stored.files] == [f.sha256 for f in earlier_licence.files]

    intake.keys.key(table, Qt.Key.Key_Space)  # the original was seen too: 已收取
    assert licence.mark is MaterialMark.RECEIVED
    assert display_case_no(earlier.case_no or "") in licence.note


def test_space_unticks_an_offer_and_nothing_is_reused(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    earlier_case(demo_desk)
    type_id_number(qtbot, intake)
    workspace = intake.workspace
    intake.keys.key(workspace.table, Qt.Key.Key_U)
    dialog = workspace.findChild(ReuseDialog, "materials.reuseDialog")
    assert dialog is not None
    intake.keys.key(dialog.list, Qt.Key.Key_Space)

    assert not dialog.ok.isEnabled()
    intake.keys.key(dialog.list, Qt.Key.Key_Escape)
    wait_for_pages(qtbot, workspace)
    licence = workspace.table.materials.materials[row_of(intake, LICENCE)]
    assert licence.files == ()
    assert find(workspace, QLabel, "materials.reuseText").isVisible()


def test_u_without_an_earlier_case_says_there_is_nothing_to_reuse(
    qtbot: QtBot, intake: Intake
) -> None:
    type_id_number(qtbot, intake)
    workspace = intake.workspace
    intake.keys.key(workspace.table, Qt.Key.Key_U)

    assert workspace.findChild(ReuseDialog, "materials.reuseDialog") is None
    assert "Nothing to reuse" in find(workspace, QLabel, "intake.status").text()
    assert not find(workspace, QLabel, "materials.reuseText").isVisible()


def test_another_applicants_number_withdraws_the_offer(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    earlier_case(demo_desk)
    type_id_number(qtbot, intake)
    bar_text = find(intake.workspace, QLabel, "materials.reuseText")
    assert bar_text.isVisible()

    field = find(intake.workspace, QLineEdit, "applicant.idNumber")
    field.clear()
    intake.keys.type(field, "11010519491231002X")
    settle(intake.workspace.worker)
    settle(intake.workspace.worker)

    assert not bar_text.isVisible()


def test_the_dialog_speaks_chinese_down_to_its_cancel_button(
    qtbot: QtBot, translators: Translators
) -> None:
    translators.install("zh_CN")
    offer = Reusable(LICENCE, "340100202611280030001" + "0", date(2026, 11, 20), ())
    dialog = ReuseDialog([offer])
    qtbot.addWidget(dialog)

    assert dialog.ok.text() == "复用"
    assert find(dialog, QPushButton, "materials.reuseDialog.cancel").text() == "取消"
    assert "2026-11-20 采集" in dialog.list.item(0).text()
