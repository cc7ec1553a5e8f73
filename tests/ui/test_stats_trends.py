"""趋势 and 事项与缺口 on a real desk: a range's daily and monthly counts are the cases made in
it, 环比 compares with the period before, and a search that found no item is listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import SEAL_FILING, Clock
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from stats_helpers import TIMEOUT_MS, accepted, clocked_desk, open_stats

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.stats.gaps import GapsPage
from ui.stats.trends import TrendsPage
from ui.stats.workspace import GAPS, TRENDS


@pytest.fixture
def desk_clock(tmp_path: Path, demo_template: Path) -> Iterator[tuple[Desk, Clock]]:
    with clocked_desk(demo_template, tmp_path / "stats-desk") as opened:
        yield opened


@pytest.fixture
def worker(desk_clock: tuple[Desk, Clock]) -> Iterator[DeskWorker]:
    worker = DeskWorker.for_desk(desk_clock[0])
    yield worker
    worker.shutdown()


def made(desk: Desk, clock: Clock) -> dict[date, int]:
    """Cases taken in on known days of October and November 2026: the count per day."""
    days = {
        datetime(2026, 10, 29, 9, 30): 2,
        datetime(2026, 11, 2, 9, 30): 1,
        datetime(2026, 11, 3, 10, 0): 3,
        datetime(2026, 11, 5, 14, 0): 2,
    }
    sequence = 10
    for moment, count in days.items():
        for n in range(count):
            sequence += 1
            code = SEAL_FILING if n == 2 else None
            if code:
                accepted(desk, clock, moment.replace(minute=n), sequence=sequence, code=code)
            else:
                accepted(desk, clock, moment.replace(minute=n), sequence=sequence)
    return {moment.date(): count for moment, count in days.items()}


def trends_shown(qtbot: QtBot, worker: DeskWorker, desk: Desk) -> TrendsPage:
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    stats.tabs.setCurrentIndex(TRENDS)
    trends = stats.trends
    assert trends is not None
    qtbot.waitUntil(lambda: trends.load is not None and not trends.loading, timeout=TIMEOUT_MS)
    return trends


def test_trends_of_this_month_count_the_cases_of_each_day(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    counts = made(desk, clock)
    clock.now = datetime(2026, 11, 6, 16, 0)
    trends = trends_shown(qtbot, worker, desk)
    # This month by default: 1 to 6 November.
    assert trends.range.period() == (date(2026, 11, 1), date(2026, 11, 6))
    received = dict(zip(trends.daily.categories, trends.daily.values[0], strict=True))
    expected = {f"{day:%m-%d}": float(counts.get(day, 0)) for day in _days(1, 6)}
    assert received == expected
    assert trends.tiles["received"].value.text() == "6"
    # The period before (26 to 31 October) had the two cases of the 29th: up 200 %.
    assert "200.0%" in trends.tiles["received"].change.text()
    assert "↑" in trends.tiles["received"].change.text()
    assert trends.months.categories == ["2026-11"]
    assert trends.months.values[0] == [6.0]


def test_a_chosen_range_across_months_has_monthly_bars(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    made(desk, clock)
    clock.now = datetime(2026, 11, 6, 16, 0)
    trends = trends_shown(qtbot, worker, desk)
    with qtbot.waitSignal(trends.refreshed, timeout=TIMEOUT_MS):
        trends.range.start.setDate(QDate(2026, 10, 20))
    qtbot.waitUntil(lambda: not trends.loading, timeout=TIMEOUT_MS)
    assert trends.load is not None
    assert trends.load.report.start == date(2026, 10, 20)
    assert trends.months.categories == ["2026-10", "2026-11"]
    assert trends.months.values[0] == [2.0, 6.0]
    # The quick ranges: this week is Monday 2 November to today.
    with qtbot.waitSignal(trends.refreshed, timeout=TIMEOUT_MS):
        trends.range.quick["week"].click()
    qtbot.waitUntil(lambda: not trends.loading, timeout=TIMEOUT_MS)
    assert trends.range.period() == (date(2026, 11, 2), date(2026, 11, 6))
    assert trends.tiles["received"].value.text() == "6"


def test_gaps_list_the_items_asked_for_and_the_searches_that_found_none(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    made(desk, clock)
    clock.now = datetime(2026, 11, 4, 10, 12)
    desk.reports.record_unmatched_search("老年优待证", 3)
    clock.now = datetime(2026, 11, 5, 11, 40)
    desk.reports.record_unmatched_search("老年优待证", 3)
    clock.now = datetime(2026, 11, 6, 16, 0)
    clerk = desk.accounts.sign_in("supervisor", "demo-super")
    stats = open_stats(qtbot, worker, clerk)
    stats.tabs.setCurrentIndex(GAPS)
    gaps = stats.gaps
    assert isinstance(gaps, GapsPage)
    qtbot.waitUntil(lambda: gaps.load is not None and not gaps.loading, timeout=TIMEOUT_MS)
    items = gaps.rows(gaps.items_model)
    # Most requested first: the food licence (5 this month), then the seal filing (1).
    assert [row[1] for row in items] == ["5", "1"]
    assert "食品经营许可" in items[0][0]
    searches = gaps.rows(gaps.searches_model)
    assert [row[:2] for row in searches] == [["老年优待证", "2"]]
    assert searches[0][2] == "2026-11-05 11:40"


def _days(first: int, last: int) -> list[date]:
    return [date(2026, 11, day) for day in range(first, last + 1)]


def test_a_range_that_ends_before_it_starts_says_how_to_fix_it(
    qtbot: QtBot, desk_clock: tuple[Desk, Clock], worker: DeskWorker
) -> None:
    desk, clock = desk_clock
    clock.now = datetime(2026, 11, 6, 16, 0)
    trends = trends_shown(qtbot, worker, desk)
    with qtbot.waitSignal(trends.refreshed, timeout=TIMEOUT_MS):
        trends.range.start.setDate(QDate(2026, 11, 20))
    assert trends.status.isVisible()
    assert "2026-11-20" in trends.status.text()
    # The figures of the last good range stay.
    assert trends.load is not None
    assert trends.load.report.start == date(2026, 11, 1)
