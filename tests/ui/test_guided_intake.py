"""The guided (帮办) intake: driven by keyboard through its six pages it makes the same case as
the normal intake, recorded as 帮办 with the helper; large type; masked pages on the display."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from test_intake_decisions import answer_in_person_general, fill_applicant, mark_all
from test_printing import flat, pdf_text
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.assistance import AssistanceKind, AssistanceReason
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import display_case_no
from ui.display.feed import GuidedScreen
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def decide_and_print(keys: Keyboard, workspace: IntakeWorkspace, desk: Desk) -> Case:
    """F9 from wherever the focus is, the papers to PDF with Enter; the case as stored."""
    keys.key(QApplication.focusWidget(), Qt.Key.Key_F9)
    settle(workspace.worker)
    keys.key(find(workspace, QPushButton, "intake.printPapers"), Qt.Key.Key_Return)
    settle(workspace.worker)
    assert workspace.case is not None
    case = desk.intake.case(workspace.case.uuid)
    assert case is not None
    return case


def papers_text(workspace: IntakeWorkspace, case: Case) -> list[str]:
    """The printed papers' text, with what differs between two cases (number, time) blanked."""
    texts = []
    for path in workspace.printed_paths:
        text = flat(pdf_text(Path(path)))
        for number in (display_case_no(case.case_no), case.case_no):
            text = text.replace(number, "NUMBER")
        texts.append(re.sub(r"\d{1,2}:\d{2}", "HH:MM", text))
    return texts


def next_page(keys: Keyboard, workspace: IntakeWorkspace) -> None:
    keys.key(QApplication.focusWidget() or workspace, Qt.Key.Key_F8)
    settle(workspace.worker)


def test_a_guided_intake_by_keyboard_makes_the_same_case_as_the_normal_one(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    screens: list[GuidedScreen | None] = []
    window.feed.guiding.connect(screens.append)
    keys = Keyboard(qtbot)

    # The normal intake.
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    mark_all(keys, workspace)
    normal = decide_and_print(keys, workspace, demo_desk)
    normal_papers = papers_text(workspace, normal)
    keys.key(workspace, Qt.Key.Key_F2)

    # The same intake, guided.
    toggle = find(workspace, QPushButton, "intake.guidedToggle")
    assert not toggle.isChecked() and "Ctrl+G" in toggle.text() and toggle.toolTip()
    keys.key(workspace.chooser.search, Qt.Key.Key_G)  # a letter typed is not the toggle
    workspace.chooser.search.clear()
    qtbot.keyClick(workspace.chooser.search, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert toggle.isChecked() and workspace.body.currentWidget() is workspace.guided
    progress = find(workspace, QLabel, "guided.progress")
    assert "1" in progress.text() and "6" in progress.text()
    assert workspace.chooser.search.hasFocus()

    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    next_page(keys, workspace)
    assert "2" in progress.text()
    assert workspace.situations.isVisible() and QApplication.focusWidget() in set(
        workspace.situations.buttons.values()
    )
    answer_in_person_general(keys, workspace)
    next_page(keys, workspace)
    assert find(workspace, QWidget, "applicant.name").hasFocus()
    fill_applicant(keys, workspace)
    next_page(keys, workspace)
    helper = find(workspace, QComboBox, "guided.helper")
    assert helper.hasFocus() and helper.currentData().username == "clerk"
    reason = find(workspace, QComboBox, "guided.reason")
    keys.key(helper, Qt.Key.Key_Tab)
    assert reason.hasFocus()
    keys.key(reason, Qt.Key.Key_Down)  # 老年人 → 残疾人
    next_page(keys, workspace)
    assert workspace.table.hasFocus() and workspace.table.isVisible()
    mark_all(keys, workspace)
    next_page(keys, workspace)
    summary = find(workspace, QLabel, "guided.summary").text()
    assert FOOD_LICENCE_NAME in summary and "陈晓梅" in summary
    assert find(workspace, QPushButton, "intake.accept").isEnabled()
    # 朗读 (F4) speaks the question and the summary; 打印核对单 prints the large-type summary.
    read_aloud = find(workspace, QPushButton, "guided.readAloud")
    assert read_aloud.isVisible() and read_aloud.text().startswith("F4 ")
    reader = read_aloud.reader  # type: ignore[attr-defined]
    with qtbot.waitSignal(reader.spoken, timeout=2000) as spoken:
        keys.key(QApplication.focusWidget(), Qt.Key.Key_F4)  # a shortcut: clicks shortly after
    assert FOOD_LICENCE_NAME in spoken.args[0] and "陈晓梅" in spoken.args[0]
    print_summary = find(workspace, QPushButton, "guided.printSummary")
    print_summary.setFocus()
    keys.key(print_summary, Qt.Key.Key_Space)
    settle(workspace.worker)
    checklist = flat(pdf_text(workspace.summary_paths[0]))
    assert "帮办事项核对单" in checklist and "陈晓梅" in checklist
    assert workspace.clerk.display_name in checklist
    guided = decide_and_print(keys, workspace, demo_desk)

    assert guided.assistance.kind is AssistanceKind.ASSISTED
    assert guided.assistance.helper == "clerk"
    assert guided.assistance.helper_name == workspace.clerk.display_name
    assert guided.assistance.reason == AssistanceReason.DISABLED
    assert normal.assistance.kind is AssistanceKind.NONE
    assert guided.item_codes == normal.item_codes
    assert guided.applicant == normal.applicant
    assert guided.answers == normal.answers
    assert [(m.name, m.mark, m.received_form, m.received_copies) for m in guided.materials] == [
        (m.name, m.mark, m.received_form, m.received_copies) for m in normal.materials
    ]
    assert guided.state is normal.state
    assert guided.committed_deadline == normal.committed_deadline
    assert papers_text(workspace, guided) == normal_papers

    # The display followed every page, masked, and went back to normal after the decision.
    steps = [screen.step for screen in screens if screen is not None]
    assert sorted(set(steps)) == [1, 2, 3, 4, 5, 6]
    assert screens[-1] is None
    shown = " ".join(str(screen) for screen in screens)
    assert "陈**" in shown and "陈晓梅" not in shown
    assert VALID_ID not in shown and "13912345678" not in shown


def test_the_guided_pages_are_large_and_easy_to_press(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    window.resize(1366, 768)
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    find(workspace, QPushButton, "intake.guidedToggle").click()
    body = QFontInfo(QApplication.font()).pixelSize()
    for page in range(6):
        workspace.guided.go(page)
        QApplication.processEvents()
        hint = find(workspace, QLabel, "guided.hint")
        assert hint.fontInfo().pixelSize() >= 1.5 * body
        assert "line-height:140%" in hint.text()
        pressable = [
            w
            for w in workspace.guided.findChildren(QWidget)
            if w.isVisible()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isEnabled()
            and not w.inherits("QAbstractItemView")
            and not w.inherits("QScrollArea")
            and w.objectName() != "guided.summary"
        ]
        assert pressable, page
        for widget in pressable:
            assert widget.fontInfo().pixelSize() >= 1.5 * body, widget.objectName()
            assert widget.height() >= 60, (page, widget.objectName(), widget.height())
            if isinstance(widget, QPushButton):
                assert widget.width() >= 60, (page, widget.objectName())
    next_button = find(workspace, QPushButton, "guided.next")
    assert next_button.text().startswith("F8 ") and not next_button.isEnabled()
    assert find(workspace, QPushButton, "guided.back").text().startswith("F7 ")

    # Back to the three columns: the widgets are where they were, the case unchanged.
    qtbot.keyClick(workspace, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert workspace.body.currentWidget() is workspace.columns
    assert workspace.columns.isAncestorOf(workspace.chooser)
    assert workspace.columns.isAncestorOf(workspace.form)
    assert workspace.columns.isAncestorOf(workspace.table)
    middle = workspace.form.parentWidget().layout()
    assert middle.indexOf(workspace.situations) == 0 and middle.indexOf(workspace.form) == 1
    assert workspace.chooser.search.fontInfo().pixelSize() == body
    assert workspace.case is not None and workspace.case.item_codes

    # A window set to guide every intake starts the next one guided.
    demo_desk.settings.set("guided_intake", True)
    try:
        qtbot.keyClick(workspace, Qt.Key.Key_F2)
        assert workspace.guide_toggle.isChecked() and workspace.guided.index == 0
        assert workspace.chooser.search.hasFocus()
    finally:
        demo_desk.settings.set("guided_intake", False)
