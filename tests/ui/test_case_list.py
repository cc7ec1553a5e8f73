"""办件查询: search as the clerk types, filters, a list loading page by page, the case view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from case_factory import CLERK, SEAL_FILING, Clock, intake_service, make_case, mark, person
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import find, settle, show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, ApplicantKind, Case, MaterialMark
from clerk_desk.domain.case_number import display_case_no, normalize_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.demo_data import make_demo_cases
from clerk_desk.services.intake import CaseQuery
from ui.case_detail import CaseDetailDialog
from ui.case_list import APPLICANT, CASE_NO, DEADLINE, PAGE_SIZE, CaseListPanel
from ui.desk_worker import DeskWorker
from ui.translations import Translators

MONDAY = datetime(2026, 9, 28, 9, 30)
TUESDAY = datetime(2026, 9, 29, 10, 15)
LATER = timedelta(minutes=20)
INTAKE_CLERK = Clerk(CLERK, "张敏", (Role.INTAKE_CLERK,), "")
REVIEWER = Clerk("reviewer", "王建国", (Role.REVIEWER,), "市场监督管理局")


class Cases:
    def __init__(self, desk: Desk) -> None:
        clock = Clock(MONDAY)
        service = intake_service(desk, clock)
        self.wang = service.accept(
            make_case(service, applicant=person("王芳", 21, "13912345678")), CLERK
        )
        clock.now = MONDAY + LATER
        self.wang_longer = service.accept(make_case(service, applicant=person("王芳芳", 22)), CLERK)
        clock.now = TUESDAY
        missing = make_case(service, applicant=person("欧阳明辉", 23, "13587654321"))
        mark(missing, "营业执照", MaterialMark.MISSING)
        self.waiting = service.notify_missing(missing, CLERK)
        clock.now = TUESDAY + LATER
        self.rejected = service.reject(
            make_case(service, (SEAL_FILING,), applicant=person("李娜", 24)),
            CLERK,
            "不属于本机关职权",
        )


@pytest.fixture
def cases(demo_desk: Desk) -> Cases:
    return Cases(demo_desk)


@pytest.fixture
def open_panel(
    qtbot: QtBot, demo_worker: DeskWorker, translators: Translators
) -> Callable[..., CaseListPanel]:
    def open_it(clerk: Clerk = INTAKE_CLERK) -> CaseListPanel:
        panel = CaseListPanel(demo_worker, clerk)
        qtbot.addWidget(panel)
        with qtbot.waitSignal(panel.model.loaded):
            show_active(qtbot, panel)
        return panel

    return open_it


def numbers(panel: CaseListPanel) -> list[str]:
    table = find(panel, QTableView, "caseList.table")
    model = table.model()
    return [normalize_case_no(model.index(row, CASE_NO).data()) for row in range(model.rowCount())]


def number(case: Case) -> str:
    assert case.case_no is not None
    return case.case_no


def type_search(qtbot: QtBot, panel: CaseListPanel, text: str) -> None:
    """Type as the clerk does; the list follows once typing pauses."""
    box = find(panel, QLineEdit, "caseList.search")
    box.clear()
    with qtbot.waitSignal(panel.model.loaded):
        qtbot.keyClicks(box, text)


def commit_chinese(qtbot: QtBot, panel: CaseListPanel, text: str) -> None:
    """Chinese arrives from the input method as a committed string, not as key presses."""
    box = find(panel, QLineEdit, "caseList.search")
    box.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    with qtbot.waitSignal(panel.model.loaded):
        QApplication.sendEvent(box, event)


def test_the_list_shows_newest_first_masked(
    cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    assert numbers(panel) == [
        number(cases.rejected),
        number(cases.waiting),
        number(cases.wang_longer),
        number(cases.wang),
    ]
    model = find(panel, QTableView, "caseList.table").model()
    last = model.rowCount() - 1
    assert model.index(last, APPLICANT).data() == "王*"
    id_number = cases.wang.applicant.id_number
    assert model.index(last, APPLICANT + 1).data() == f"{id_number[:6]}********{id_number[-4:]}"
    assert model.index(0, 1).data() == "不予受理"
    assert find(panel, QLabel, "caseList.count").text()


def test_search_by_case_number_prefix(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    type_search(qtbot, panel, number(cases.waiting)[:14])  # centre and Tuesday's date
    assert sorted(numbers(panel)) == sorted([number(cases.waiting), number(cases.rejected)])
    type_search(qtbot, panel, number(cases.wang)[:-3])
    assert number(cases.wang) in numbers(panel)


def test_search_by_full_id_number(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    type_search(qtbot, panel, cases.waiting.applicant.id_number)
    assert numbers(panel) == [number(cases.waiting)]


def test_search_by_a_two_character_name(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    commit_chinese(qtbot, panel, "王芳")
    assert sorted(numbers(panel)) == sorted([number(cases.wang), number(cases.wang_longer)])
    commit_chinese(qtbot, panel, "芳")
    assert find(panel, QLineEdit, "caseList.search").text() == "王芳芳"
    assert numbers(panel) == [number(cases.wang_longer)]


def test_search_by_phone(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    type_search(qtbot, panel, "139 1234 5678")
    assert numbers(panel) == [number(cases.wang)]


def test_state_and_date_filters(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    state = find(panel, QComboBox, "caseList.state")
    with qtbot.waitSignal(panel.model.loaded):
        state.setCurrentIndex(state.findData(CaseState.AWAITING_SUPPLEMENT))
    assert numbers(panel) == [number(cases.waiting)]
    with qtbot.waitSignal(panel.model.loaded):
        state.setCurrentIndex(0)
    for name in ("caseList.dateFrom", "caseList.dateTo"):
        with qtbot.waitSignal(panel.model.loaded):
            find(panel, QDateEdit, name).setDate(QDate(2026, 9, 28))
    assert sorted(numbers(panel)) == sorted([number(cases.wang), number(cases.wang_longer)])


def test_an_accepted_case_shows_its_deadline_with_the_word(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    type_search(qtbot, panel, cases.wang.applicant.id_number)
    model = find(panel, QTableView, "caseList.table").model()
    # Accepted on 2026-09-28 with 5 working days; the desk's clock is today's date.
    assert model.index(0, DEADLINE).data() in (
        "2026-10-10 正常",
        "2026-10-10 临期",
        "2026-10-10 超期",
    )
    assert model.index(0, DEADLINE).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_sorting_asks_the_database(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    table = find(panel, QTableView, "caseList.table")
    with qtbot.waitSignal(panel.model.loaded):
        table.sortByColumn(CASE_NO, Qt.SortOrder.AscendingOrder)
    assert numbers(panel) == sorted(numbers(panel))
    with qtbot.waitSignal(panel.model.loaded):
        table.sortByColumn(CASE_NO, Qt.SortOrder.DescendingOrder)
    assert numbers(panel) == sorted(numbers(panel), reverse=True)


def test_rows_load_page_by_page(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, open_panel: Callable[..., CaseListPanel]
) -> None:
    make_demo_cases(demo_desk, 450, 20, seed=3)
    total = len(demo_desk.intake.find_cases(CaseQuery(limit=1000)))
    assert 2 * PAGE_SIZE < total < 450
    panel = open_panel()
    table = find(panel, QTableView, "caseList.table")
    model = panel.model
    assert model.rowCount() == PAGE_SIZE
    assert "200" in find(panel, QLabel, "caseList.count").text()
    with qtbot.waitSignal(model.loaded):
        table.scrollToBottom()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.canFetchMore(table.rootIndex())
    with qtbot.waitSignal(model.loaded):
        model.fetchMore(table.rootIndex())
    assert model.rowCount() == total
    assert not model.canFetchMore(table.rootIndex())
    settle(demo_worker)
    assert model.rowCount() == total
    assert len(set(numbers(panel))) == total


def test_enter_opens_the_case_with_its_history(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel()
    type_search(qtbot, panel, cases.rejected.applicant.id_number)
    table = find(panel, QTableView, "caseList.table")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.isVisible())
    dialog = panel.detail
    assert isinstance(dialog, CaseDetailDialog)
    history = find(dialog, QTableView, "caseDetail.history").model()
    steps = [
        [history.index(row, column).data() for column in (1, 3, 4)]
        for row in range(history.rowCount())
    ]
    # The person's name, not the user name; no deadline for a case not accepted.
    assert steps == [["收件", "张敏", ""], ["不予受理", "张敏", "不属于本机关职权"]]
    assert find(dialog, QLabel, "caseDetail.deadline").text() == ""
    # Each pane shows its rows, not one.
    for name in ("caseDetail.history", "caseDetail.materials"):
        pane = find(dialog, QTableView, name)
        assert pane.viewport().height() >= 2 * pane.rowHeight(0), name
    assert find(dialog, QLabel, "caseDetail.idNumber").text() == cases.rejected.applicant.id_number
    assert find(dialog, QLabel, "caseDetail.applicantName").text() == "李娜"
    materials = find(dialog, QTableView, "caseDetail.materials").model()
    assert materials.rowCount() == len(cases.rejected.materials)
    assert unnamed_controls(dialog) == []
    dialog.close()


def test_double_click_opens_masked_for_a_reviewer(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    panel = open_panel(REVIEWER)
    type_search(qtbot, panel, cases.wang.applicant.id_number)
    table = find(panel, QTableView, "caseList.table")
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.isVisible())
    assert panel.detail is not None
    id_number = cases.wang.applicant.id_number
    shown = find(panel.detail, QLabel, "caseDetail.idNumber").text()
    assert shown == f"{id_number[:6]}********{id_number[-4:]}"
    assert find(panel.detail, QLabel, "caseDetail.applicantName").text() == "王*"
    assert find(panel.detail, QLabel, "caseDetail.phone").text() == "139****5678"
    panel.detail.close()


def test_every_control_is_named(cases: Cases, open_panel: Callable[..., CaseListPanel]) -> None:
    assert unnamed_controls(open_panel()) == []


def test_a_decision_taken_elsewhere_appears_in_the_list_without_searching_again(
    qtbot: QtBot,
    demo_desk: Desk,
    demo_worker: DeskWorker,
    cases: Cases,
    open_panel: Callable[..., CaseListPanel],
) -> None:
    panel = open_panel()
    shown = numbers(panel)
    service = intake_service(demo_desk, Clock(TUESDAY + 2 * LATER))

    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        demo_worker.run(
            lambda desk: service.accept(make_case(service, applicant=person("赵雷", 25)), CLERK)
        )

    accepted = [row for row in numbers(panel) if row not in shown]
    assert len(accepted) == 1
    assert find(panel, QLabel, "caseList.count").text() == f"共{len(shown) + 1}件"


def test_the_look_up_runs_on_the_keyboard_alone(
    qtbot: QtBot, cases: Cases, open_panel: Callable[..., CaseListPanel]
) -> None:
    """Enter in the search box goes into the results, Enter opens the case; Down does too;
    Tab leaves a date field instead of walking its year, month and day."""
    panel = open_panel()
    show_active(qtbot, panel)
    box = find(panel, QLineEdit, "caseList.search")
    table = find(panel, QTableView, "caseList.table")
    box.setFocus()
    qtbot.keyClicks(box, cases.rejected.applicant.id_number)
    with qtbot.waitSignal(panel.model.loaded):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert table.hasFocus() and table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.isVisible())
    assert panel.detail is not None
    assert find(panel.detail, QLabel, "caseDetail.applicantName").text() == "李娜"
    panel.detail.close()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert table.hasFocus()

    date_from = find(panel, QDateEdit, "caseList.dateFrom")
    date_to = find(panel, QDateEdit, "caseList.dateTo")
    date_from.setFocus()
    qtbot.keyClick(date_from, Qt.Key.Key_Tab)
    assert date_to.hasFocus()
    qtbot.keyClick(date_to, Qt.Key.Key_Tab)
    assert not date_to.hasFocus()


def test_rows_read_as_on_paper_and_show_a_deadline_only_where_one_runs(
    qtbot: QtBot, cases: Cases, demo_desk: Desk, open_panel: Callable[..., CaseListPanel]
) -> None:
    service = intake_service(demo_desk, Clock(TUESDAY + 2 * LATER))
    company = make_case(service, (SEAL_FILING,))
    company.applicant = Applicant(
        kind=ApplicantKind.ORGANISATION,
        name="合肥味道餐饮有限公司",
        credit_code="91340100BAA397UYK0",
        legal_representative="王强",
        phone="0551-65123456",
    )
    company = service.accept(company, CLERK)  # a 即办件, accepted days ago
    gappy = make_case(service, applicant=person("赵敏", 25))
    mark(gappy, "与食品经营相适应的主要设备设施布局、操作流程等文件", MaterialMark.MISSING)
    gappy = service.accept_with_gaps(gappy, CLERK, datetime(2026, 10, 9).date())
    panel = open_panel()
    model = find(panel, QTableView, "caseList.table").model()

    def row_of(case: Case) -> list[str]:
        row = numbers(panel).index(number(case))
        return [model.index(row, column).data() for column in range(model.columnCount())]

    assert row_of(cases.wang)[CASE_NO] == display_case_no(number(cases.wang))
    shown = row_of(company)[APPLICANT : APPLICANT + 2]
    assert shown == ["合肥味道餐饮有限公司", "91340100BAA397UYK0"]
    assert row_of(company)[DEADLINE] == "即办"
    assert row_of(cases.rejected)[DEADLINE] == ""
    assert row_of(cases.waiting)[DEADLINE] == ""
    # 受理 hands a case to its department at once: the list says where it is now.
    assert row_of(gappy)[1] == "审批中（容缺）"
    assert row_of(cases.wang)[1] == "审批中"

    type_search(qtbot, panel, cases.waiting.applicant.id_number[-4:])
    assert numbers(panel) == [number(cases.waiting)]
