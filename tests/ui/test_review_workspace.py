"""审批 as a reviewer meets it: the department's queue by time left with its words, filters and
counts in the tab title, the keyboard through 特别程序 → 恢复 → 准予, a disabled decision's
reason, a refusal beside its field, a stale copy refused and reloaded, every control named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from case_factory import FOOD_LICENCE, MARKET, Clock, person, routed_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find, settle, type_text

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import Level, committed_deadline, deadline_status
from clerk_desk.domain.case import Case, Outcome, PartState
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.roles import Workspace
from ui.main_window import MainWindow
from ui.review.dialogs import DecisionDialog
from ui.review.queue_model import CASE_NO, DAYS_LEFT, LIGHT
from ui.review.workspace import ReviewWorkspace
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]
DRUG_RETAIL = "000142130400"  # 药品经营许可（零售企业开办）, 15 working days, 市场监督管理局
FOOD_LIMIT = 5


def accepted_on_for(desk: Desk, level: Level, today: date) -> date:
    """A working day on which a food licence accepted is at ``level`` today."""
    calendar = desk.review.calendar()
    day = today
    for _ in range(60):
        day -= timedelta(days=1)
        if not calendar.is_workday(day):
            continue
        deadline = committed_deadline(day, FOOD_LIMIT, (), calendar=calendar)
        if deadline_status(deadline, today, calendar=calendar).level is level:
            return day
    raise AssertionError(f"no acceptance day gives {level}")


def routed_on(desk: Desk, day: date, codes: tuple[str, ...], name: str, sequence: int) -> Case:
    return routed_case(
        desk,
        codes,
        clock=Clock(datetime.combine(day, time(9, 30))),
        applicant=person(name, sequence=sequence),
    )


@pytest.fixture
def queue_cases(demo_desk: Desk) -> dict[Level, Case]:
    """Three routed cases of 市场监督管理局: one overdue, one due soon, one on time."""
    today = demo_desk.clock().date()
    return {
        Level.OVERDUE: routed_on(
            demo_desk, accepted_on_for(demo_desk, Level.OVERDUE, today), (FOOD_LICENCE,), "陈晓", 21
        ),
        Level.DUE_SOON: routed_on(
            demo_desk,
            accepted_on_for(demo_desk, Level.DUE_SOON, today),
            (FOOD_LICENCE,),
            "王芳",
            22,
        ),
        Level.NORMAL: routed_on(demo_desk, today, (DRUG_RETAIL,), "赵强", 23),
    }


@pytest.fixture
def english(translators: Translators) -> None:
    """The English source texts: the Chinese of this workspace comes with the next .ts."""
    translators.install("en")


def settled(qtbot: QtBot, workspace: ReviewWorkspace) -> None:
    """Until the queue, the case and any decision asked for have come back (a decision's
    change notice asks for the queue again)."""

    def answered() -> bool:
        settle(workspace.worker)
        return not workspace.loading

    qtbot.waitUntil(answered)


def review_of(qtbot: QtBot, window: MainWindow) -> ReviewWorkspace:
    workspace = window.findChild(ReviewWorkspace, "workspace.review")
    assert workspace is not None
    workspace.auto_preview = False
    settled(qtbot, workspace)
    return workspace


def open_first(qtbot: QtBot, workspace: ReviewWorkspace) -> None:
    """Ctrl+F, Down: the first case of the queue opens."""
    qtbot.keyClick(workspace, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(workspace.queue.search, Qt.Key.Key_Down)
    settled(qtbot, workspace)
    assert workspace.view.load is not None


def queue_texts(workspace: ReviewWorkspace, column: int) -> list[str]:
    model = workspace.queue.model
    return [model.text(row, column) for row in model.rows]


def dialog_of(qtbot: QtBot, workspace: ReviewWorkspace) -> DecisionDialog:
    """The decision's form, active (as the window manager makes it), for its shortcuts."""
    dialog = workspace.dialog
    assert isinstance(dialog, DecisionDialog), dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot: QtBot, workspace: ReviewWorkspace, key: Qt.Key) -> None:
    """A decision's key in the queue, the window active again after a form closed."""
    window = workspace.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(workspace.queue.table, key)


def submit(qtbot: QtBot, workspace: ReviewWorkspace, dialog: DecisionDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, workspace)


def test_the_queue_goes_by_time_left_with_words_and_counts_in_the_tab(
    qtbot: QtBot, main_window: OpenWindow, queue_cases: dict[Level, Case], english: None
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    assert window.current_workspace() is Workspace.REVIEW
    lights = queue_texts(workspace, LIGHT)
    assert lights == ["Overdue", "Due soon", "On time"]
    numbers = [row.case_no for row in workspace.queue.model.rows]
    assert numbers == [queue_cases[level].case_no for level in Level.__members__.values()][::-1]
    days = [row.working_days_left for row in workspace.queue.model.rows]
    assert days == sorted(days)
    assert int(queue_texts(workspace, DAYS_LEFT)[0]) < 0 < int(queue_texts(workspace, DAYS_LEFT)[2])
    table = find(workspace, QTableView, "review.queue")
    spoken = table.model().index(0, DAYS_LEFT).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("overdue ") and spoken.endswith("working day(s)")
    assert "deadline" in table.model().index(2, DAYS_LEFT).data(Qt.ItemDataRole.ToolTipRole)
    # The word and a colour, not the colour alone.
    overdue = table.model().index(0, LIGHT)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).name() == "#b42318"
    # The applicant is masked for a reviewer.
    assert "陈*" in table.model().index(0, 4).data()
    tab = find(window, QPushButton, "main.tab.review")
    assert tab.text() == "Review (to do 3 · due soon 1 · overdue 1)"


def test_filters_and_search_narrow_the_queue(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    item = find(workspace, QComboBox, "review.itemFilter")
    assert {item.itemData(i) for i in range(1, item.count())} == {FOOD_LICENCE, DRUG_RETAIL}
    item.setCurrentIndex(item.findData(DRUG_RETAIL))
    settled(qtbot, workspace)
    assert queue_texts(workspace, LIGHT) == ["On time"]
    item.setCurrentIndex(0)
    settled(qtbot, workspace)

    normal = queue_cases[Level.NORMAL]
    demo_desk.review.pause(
        normal,
        "reviewer",
        department=MARKET,
        kind="检验",
        reason="抽样检验",
        expected_days=3,
        approved_by="刘局长",
    )
    state = find(workspace, QComboBox, "review.stateFilter")
    state.setCurrentIndex(state.findData(str(PartState.PAUSED)))
    settled(qtbot, workspace)
    assert [row.uuid for row in workspace.queue.model.rows] == [normal.uuid]
    state.setCurrentIndex(0)
    settled(qtbot, workspace)

    window_filter = find(workspace, QSpinBox, "review.windowFilter")
    window_filter.setValue(99)
    settled(qtbot, workspace)
    assert workspace.queue.model.rows == []
    window_filter.setValue(0)
    settled(qtbot, workspace)

    search = find(workspace, QLineEdit, "review.search")
    assert normal.case_no is not None
    type_text(qtbot, search, display_case_no(normal.case_no))
    assert [row.uuid for row in workspace.queue.model.rows] == [normal.uuid]
    assert find(workspace, QLabel, "review.queueCount").text() == "1 of 3 cases"
    # The counts in the tab title are the department's, whatever is filtered.
    assert find(window, QPushButton, "main.tab.review").text().startswith("Review (to do 3 ")


def test_pause_resume_and_approve_from_the_keyboard(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    open_first(qtbot, workspace)
    case = workspace.view.load.case if workspace.view.load else None
    assert case is not None and case.uuid == queue_cases[Level.OVERDUE].uuid
    assert "(Overdue)" in find(workspace, QLabel, "review.clock").text()

    # F6 特别程序: kind by Down keys, reason, approver; Ctrl+Enter.
    press(qtbot, workspace, Qt.Key.Key_F6)
    pause = dialog_of(qtbot, workspace)
    assert pause.objectName() == "review.pauseDialog"
    kind = pause.fields["kind"]
    assert kind.hasFocus()
    for _ in range(3):
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert pause.text("kind") == "检验"
    type_text(qtbot, pause.fields["reason"], "抽样送检")
    type_text(qtbot, pause.fields["approved_by"], "刘局长")
    submit(qtbot, workspace, pause)
    assert not pause.isVisible()
    stored = demo_desk.intake.case(case.uuid)
    assert stored is not None and stored.state is CaseState.PAUSED
    assert [paper.title for paper in workspace.papers] == ["特别程序告知书"]
    assert "检验" in find(workspace, QLabel, "review.clock").text()
    assert not find(workspace, QPushButton, "review.approve").isEnabled()

    # F7 恢复审批 with the result.
    press(qtbot, workspace, Qt.Key.Key_F7)
    resume = dialog_of(qtbot, workspace)
    type_text(qtbot, resume.fields["result"], "检验合格")
    submit(qtbot, workspace, resume)
    stored = demo_desk.intake.case(case.uuid)
    assert stored is not None and stored.state is CaseState.IN_REVIEW
    assert stored.procedures[0].result == "检验合格"

    # F9 准予: the result's name is the item's; a licence needs its number and validity.
    press(qtbot, workspace, Qt.Key.Key_F9)
    approve = dialog_of(qtbot, workspace)
    assert approve.text("result_name") == "食品经营许可证（正本、副本及电子证照）"
    assert approve.fields["result_number"].hasFocus()
    type_text(qtbot, approve.fields["result_number"], "JY13401040012345")
    valid = (demo_desk.clock().date() + timedelta(days=5 * 365)).isoformat()
    type_text(qtbot, approve.fields["valid_until"], valid)
    submit(qtbot, workspace, approve)
    stored = demo_desk.intake.case(case.uuid)
    assert stored is not None and stored.state is CaseState.DECIDED
    part = stored.part(MARKET)
    assert part is not None and part.outcome is Outcome.APPROVED
    assert part.result_number == "JY13401040012345"
    assert [paper.title for paper in workspace.papers] == ["准予许可决定书"]
    # Decided: it left the queue; 制证完成 is the next step.
    assert case.uuid not in [row.uuid for row in workspace.queue.model.rows]
    assert find(workspace, QPushButton, "review.resultReady").isEnabled()


def test_a_disabled_decision_says_why(
    qtbot: QtBot, main_window: OpenWindow, queue_cases: dict[Level, Case], english: None
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    resume = find(workspace, QPushButton, "review.resume")
    assert not resume.isEnabled()  # no case yet
    open_first(qtbot, workspace)
    assert not resume.isEnabled()
    assert "Resume not possible now" in resume.toolTip()
    assert "“Resume” is not possible now" in resume.toolTip()
    press(qtbot, workspace, Qt.Key.Key_F7)
    reasons = find(workspace, QLabel, "review.decisionReasons").text()
    assert "Resume not possible now" in reasons and "“In review”" in reasons
    assert workspace.dialog is None


def test_a_refused_approve_keeps_what_was_typed(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    open_first(qtbot, workspace)
    press(qtbot, workspace, Qt.Key.Key_F9)
    approve = dialog_of(qtbot, workspace)
    type_text(qtbot, approve.fields["valid_until"], "2031-12-31")
    submit(qtbot, workspace, approve)
    assert approve.isVisible()
    message = find(approve, QLabel, "review.approveDialog.result_numberMessage")
    assert message.isVisible() and "Result number" in message.text()
    assert approve.fields["result_number"].hasFocus()
    assert approve.text("valid_until") == "2031-12-31"
    assert approve.text("result_name") == "食品经营许可证（正本、副本及电子证照）"
    stored = demo_desk.intake.case(queue_cases[Level.OVERDUE].uuid)
    assert stored is not None and stored.state is CaseState.IN_REVIEW
    # Typing in the field takes its message away; a date that is no date is refused there.
    type_text(qtbot, approve.fields["result_number"], "JY1")
    assert not message.isVisible()
    approve.fields["valid_until"].clear()
    type_text(qtbot, approve.fields["valid_until"], "31.12.2031")
    submit(qtbot, workspace, approve)
    assert find(approve, QLabel, "review.approveDialog.valid_untilMessage").isVisible()
    approve.reject()


def test_a_stale_copy_is_refused_said_and_reloaded(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    open_first(qtbot, workspace)
    shown = queue_cases[Level.OVERDUE]
    # The other reviewer of the department decides first (as a pull would bring it).
    demo_desk.review.deny(
        shown, "reviewer2", department=MARKET, reasons="场所不符合要求", remedies="可申请复议"
    )
    press(qtbot, workspace, Qt.Key.Key_F12)
    deny = dialog_of(qtbot, workspace)
    type_text(qtbot, deny.fields["reason"], "材料不实")
    submit(qtbot, workspace, deny)
    settled(qtbot, workspace)
    assert not deny.isVisible()
    status = find(workspace, QLabel, "review.status").text()
    assert "was changed meanwhile" in status
    load = workspace.view.load
    assert load is not None and load.case.state is CaseState.DECIDED
    part = load.case.part(MARKET)
    assert part is not None and part.reasons == "场所不符合要求"
    assert not find(workspace, QPushButton, "review.deny").isEnabled()


def test_a_supervisor_chooses_the_department_and_sees_names(
    qtbot: QtBot, main_window: OpenWindow, queue_cases: dict[Level, Case], english: None
) -> None:
    window = main_window("supervisor", "demo-super")
    window.show_workspace(Workspace.REVIEW)
    workspace = review_of(qtbot, window)
    department = find(workspace, QComboBox, "review.department")
    assert department.isEnabled()
    department.setCurrentIndex(department.findData(MARKET))
    settled(qtbot, workspace)
    assert len(workspace.queue.model.rows) == 3
    assert workspace.queue.model.text(workspace.queue.model.rows[0], 4) == "陈晓"
    department.setCurrentIndex(department.findData("公安局"))
    settled(qtbot, workspace)
    assert workspace.queue.model.rows == []


def test_every_review_control_is_named(
    qtbot: QtBot, main_window: OpenWindow, queue_cases: dict[Level, Case], english: None
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    open_first(qtbot, workspace)
    assert unnamed_controls(window) == []
    for key in (Qt.Key.Key_F6, Qt.Key.Key_F8, Qt.Key.Key_F9, Qt.Key.Key_F11, Qt.Key.Key_F12):
        press(qtbot, workspace, key)
        dialog = workspace.dialog
        assert dialog is not None
        assert unnamed_controls(dialog) == [], dialog.objectName()
        dialog.reject()
    assert find(workspace, QTableView, "review.queue").model().index(0, CASE_NO).data()


def test_a_pause_opens_its_notice_in_preview(
    qtbot: QtBot, main_window: OpenWindow, queue_cases: dict[Level, Case], english: None
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    workspace.auto_preview = True
    open_first(qtbot, workspace)
    press(qtbot, workspace, Qt.Key.Key_F6)
    pause = dialog_of(qtbot, workspace)
    type_text(qtbot, pause.fields["reason"], "hearing requested")
    type_text(qtbot, pause.fields["approved_by"], "Liu")
    submit(qtbot, workspace, pause)
    assert workspace.preview is not None and workspace.preview.isVisible()
    assert workspace.preview.objectName() == "review.previewDialog"
    assert [paper.title for paper in workspace.papers] == ["特别程序告知书"]
    assert find(workspace, QPushButton, "review.print").isEnabled()
    workspace.preview.close()


def test_the_due_soon_days_come_from_the_settings(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    demo_desk.settings.set("review_warn_days", 0)
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)
    assert queue_texts(workspace, LIGHT) == ["Overdue", "On time", "On time"]
    assert find(window, QPushButton, "main.tab.review").text() == (
        "Review (to do 3 · due soon 0 · overdue 1)"
    )


def choose(qtbot: QtBot, workspace: ReviewWorkspace, case: Case) -> None:
    row = workspace.queue.model.row_of(case.uuid)
    assert row is not None
    workspace.queue.table.setFocus()
    workspace.queue.table.selectRow(row)
    settled(qtbot, workspace)


def test_supplement_deny_result_extend_and_terminate_from_their_keys(
    qtbot: QtBot,
    main_window: OpenWindow,
    demo_desk: Desk,
    queue_cases: dict[Level, Case],
    english: None,
) -> None:
    window = main_window("reviewer", "demo-review")
    workspace = review_of(qtbot, window)

    # F11 补正: Space ticks the first material; the case goes back to the window.
    supplemented = queue_cases[Level.OVERDUE]
    choose(qtbot, workspace, supplemented)
    press(qtbot, workspace, Qt.Key.Key_F11)
    supplement = dialog_of(qtbot, workspace)
    submit(qtbot, workspace, supplement)
    reason = find(supplement, QLabel, "review.supplementDialog.reasonMessage")
    assert "needs a reason" in reason.text()
    type_text(qtbot, supplement.fields["reason"], "stamp missing")
    assert not reason.isVisible()
    submit(qtbot, workspace, supplement)
    materials = find(supplement, QLabel, "review.supplementDialog.materialsMessage")
    assert "Materials to supplement" in materials.text()
    qtbot.keyClick(supplement.fields["materials"], Qt.Key.Key_Space)
    type_text(qtbot, supplement.fields["basis"], "Art. 32")
    submit(qtbot, workspace, supplement)
    stored = demo_desk.intake.case(supplemented.uuid)
    assert stored is not None and stored.state is CaseState.AWAITING_SUPPLEMENT
    assert [paper.title for paper in workspace.papers] == ["补正通知书"]

    # F12 不予许可 with the remedies offered; then F10 制证完成 after a confirmation.
    denied = queue_cases[Level.DUE_SOON]
    choose(qtbot, workspace, denied)
    press(qtbot, workspace, Qt.Key.Key_F12)
    deny = dialog_of(qtbot, workspace)
    assert "行政复议" in deny.text("remedies")
    type_text(qtbot, deny.fields["reason"], "premises unsuitable")
    submit(qtbot, workspace, deny)
    assert [paper.title for paper in workspace.papers] == ["不予许可决定书"]
    press(qtbot, workspace, Qt.Key.Key_F10)
    confirm = workspace.dialog
    assert confirm is not None and confirm.objectName() == "review.resultReadyDialog"
    confirm.activateWindow()
    qtbot.waitUntil(confirm.isActiveWindow)
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    settled(qtbot, workspace)
    stored = demo_desk.intake.case(denied.uuid)
    assert stored is not None and stored.state is CaseState.READY_FOR_PICKUP

    # F8 延长审批 once; a second time says why not. F4 终止 with its reason.
    extended = queue_cases[Level.NORMAL]
    choose(qtbot, workspace, extended)
    press(qtbot, workspace, Qt.Key.Key_F8)
    extend = dialog_of(qtbot, workspace)
    type_text(qtbot, extend.fields["reason"], "site visit")
    type_text(qtbot, extend.fields["approved_by"], "Liu")
    submit(qtbot, workspace, extend)
    assert [paper.title for paper in workspace.papers] == ["延长审批告知书"]
    assert "extended by 10 working day(s)" in find(workspace, QLabel, "review.clock").text()
    press(qtbot, workspace, Qt.Key.Key_F8)
    assert workspace.dialog is None
    assert "once already" in find(workspace, QLabel, "review.decisionReasons").text()
    press(qtbot, workspace, Qt.Key.Key_F4)
    terminate = dialog_of(qtbot, workspace)
    type_text(qtbot, terminate.fields["reason"], "applicant withdrew by letter")
    submit(qtbot, workspace, terminate)
    stored = demo_desk.intake.case(extended.uuid)
    assert stored is not None and stored.state is CaseState.CLOSED
    assert workspace.queue.model.rows == []
