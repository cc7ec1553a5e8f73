"""今日 on a real desk: the figures shown are the cases made, a new case shows through the
change notice, and the overdue counter lists exactly the overdue cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, make_case, person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from stats_helpers import TIMEOUT_MS, accepted, clocked_desk, notified, open_stats, rejected
from ui_test_helpers import find

from clerk_desk.changes import Changes
from clerk_desk.desk import Desk
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.report import Dimension
from ui.desk_worker import DeskWorker
from ui.stats.today import TodayPage


@pytest.fixture
def desk_clock(tmp_path: Path, demo_template: Path) -> Iterator[tuple[Desk, Clock]]:
    with clocked_desk(demo_template, tmp_path / "stats-desk") as opened:
        yield opened


@pytest.fixture
def worker(desk_clock: tuple[Desk, Clock]) -> Iterator[DeskWorker]:
    worker = DeskWorker.for_desk(desk_clock[0])
    yield worker
    worker.shutdown()


def chart_values(chart: object) -> dict[str, float]:
    categories = chart.categories  # type: ignore[attr-defined]
    return dict(zip(categories, chart.values[0], strict=True))  # type: ignore[attr-defined]


def test_today_shows_the_cases_made(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    accepted(desk, clock, datetime(2026, 11, 2, 9, 10), sequence=11)
    accepted(desk, clock, datetime(2026, 11, 2, 9, 40), sequence=12)
    accepted(desk, clock, datetime(2026, 11, 2, 10, 5), sequence=13)
    notified(desk, clock, datetime(2026, 11, 2, 10, 30))
    rejected(desk, clock, datetime(2026, 11, 2, 14, 20))
    clock.now = datetime(2026, 11, 2, 15, 0)
    clerk = desk.accounts.sign_in("supervisor", "demo-super")

    stats = open_stats(qtbot, worker, clerk)
    today = stats.today
    assert isinstance(today, TodayPage)
    # An independent count: the intake decisions made above.
    outcomes = chart_values(today.outcomes)
    assert outcomes == {"受理": 3.0, "一次告知": 1.0, "容缺受理": 0.0, "不予受理": 1.0}
    report = today.load.report if today.load else None
    assert report is not None
    received = report.totals.cases.received
    hours = chart_values(today.hours)
    assert sum(hours.values()) == received
    assert hours[today.tr("{hour}h").format(hour=9)] == 2.0
    assert today.tiles["accepted"].text().endswith(" 3")
    assert today.tiles["received"].text().endswith(f" {received}")
    assert today.tiles["open"].text().endswith(" 3")  # the three accepted, none concluded
    # By window: the desk's one window took them all.
    today.dimension.setCurrentIndex(today.dimension.findData(Dimension.WINDOW))
    rows = today.breakdown_rows()
    assert len(rows) == 1
    assert rows[0][1:6] == [received, 3, 0, 1, 1]
    # By item: the food licence took four of them, the seal filing the rejected one.
    today.dimension.setCurrentIndex(today.dimension.findData(Dimension.ITEM))
    by_item = {row[0]: row[1] for row in today.breakdown_rows()}
    assert sum(by_item.values()) == received
    # Ratings: no visitor has rated yet; every level is there, at 0.
    ratings = chart_values(today.ratings)
    assert set(ratings) >= {"非常满意", "满意", "基本满意", "不满意", "非常不满意"}


def test_a_new_case_updates_today_through_the_change_notice(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    accepted(desk, clock, datetime(2026, 11, 2, 9, 10), sequence=11)
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    assert stats.today is not None
    assert stats.today.tiles["accepted"].text().endswith(" 1")
    clock.now = datetime(2026, 11, 2, 11, 15)
    # A write through the service on the database lane, as a clerk's window makes it.
    with qtbot.waitSignal(stats.refreshed, timeout=TIMEOUT_MS):
        worker.run(lambda d: make_case(d, applicant=person(sequence=21), accept_by=CLERK))
    qtbot.waitUntil(lambda: not stats.today.loading, timeout=TIMEOUT_MS)
    assert stats.today.tiles["accepted"].text().endswith(" 2")
    assert chart_values(stats.today.hours)[stats.today.tr("{hour}h").format(hour=11)] == 1.0


def test_a_burst_of_notices_gives_one_more_refresh_not_a_queue(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, _clock = desk_clock
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    today = stats.today
    assert today is not None
    before = today.loader.loads
    for _ in range(20):
        worker.changed.emit(Changes(cases=frozenset({"x"})))
    qtbot.waitUntil(lambda: not today.loading, timeout=TIMEOUT_MS)
    assert today.loader.loads - before == 2


def test_the_overdue_counter_lists_exactly_the_overdue_cases(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    # The food licence: 5 working days. Two taken on Monday 2 November are due on the 9th;
    # one taken on the 10th is due on the 17th.
    late = [
        accepted(desk, clock, datetime(2026, 11, 2, 9, 10), sequence=11),
        accepted(desk, clock, datetime(2026, 11, 2, 9, 50), sequence=12),
    ]
    soon = accepted(desk, clock, datetime(2026, 11, 10, 9, 20), sequence=13)
    # Due soon: at most this many working days left (the 17th is 3 away from the 12th).
    desk.settings.set("review_warn_days", 5)
    clock.now = datetime(2026, 11, 12, 9, 0)
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    today = stats.today
    assert today is not None
    overdue = find(today, QPushButton, "stats.today.overdue")
    assert overdue.text().endswith(" 2")
    qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert today.stack.currentWidget() is today.cases
    assert sorted(today.cases.case_numbers()) == sorted(case.case_no for case in late)
    model = today.cases.model
    shown = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert shown == {display_case_no(case.case_no) for case in late}
    # Enter on the first row opens that case's view.
    table = today.cases.table
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: today.detail is not None and today.detail.isVisible(), timeout=TIMEOUT_MS
    )
    assert today.detail is not None
    assert today.detail.case.case_no == today.cases.cases[0].case_no
    today.detail.close()
    # Esc goes back to the charts, to the counter the list came from.
    stats.activateWindow()
    qtbot.waitUntil(stats.isActiveWindow)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert today.stack.currentIndex() == 0
    assert overdue.hasFocus()
    due_soon = find(today, QPushButton, "stats.today.dueSoon")
    assert due_soon.text().endswith(" 1")
    qtbot.keyClick(due_soon, Qt.Key.Key_Space)
    assert today.cases.case_numbers() == [soon.case_no]


def test_hidden_today_waits_and_refreshes_when_shown_again(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    today = stats.today
    assert today is not None
    assert today.tiles["accepted"].text().endswith(" 0")
    stats.hide()  # the supervisor went to another workspace
    before = today.loader.loads
    clock.now = datetime(2026, 11, 2, 10, 0)
    worker.run(lambda d: make_case(d, applicant=person(sequence=21), accept_by=CLERK))
    worker.wait_idle()
    qtbot.wait(50)  # the change notice delivered
    assert today.loader.loads == before
    with qtbot.waitSignal(stats.refreshed, timeout=TIMEOUT_MS):
        stats.show()
    assert today.tiles["accepted"].text().endswith(" 1")
