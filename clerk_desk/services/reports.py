"""The supervisor's figures, counted from the cache in one read transaction.

What each figure counts is :mod:`clerk_desk.domain.report`'s docstring; the reads are
:mod:`local_cache.repositories.report_repo`'s. A report of one day in a million-case cache reads
that day's events and the narrow ``case_facts`` rows of their cases, never a case document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from clerk_desk.domain.calendar import Level, WorkCalendar
from clerk_desk.domain.followups import FollowUpState, StepKind, followup_state
from clerk_desk.domain.ratings import RatingLevel, RatingOrigin
from clerk_desk.domain.report import (
    BAD_LEVELS,
    CaseFigures,
    ClockedCase,
    DayFigures,
    Dimension,
    HallNow,
    RatingFigures,
    Report,
    Row,
    SearchGap,
    check_period,
)
from clerk_desk.services import rating_rows
from clerk_desk.services.catalog import CatalogService
from clerk_desk.services.work_queue import deadline_clock
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.repositories import report_repo

ONE_DAY = timedelta(days=1)
SEARCH_TEXT_MAX = 60
# A search holding a run of digits this long may be an ID or phone number typed into the
# wrong box: never kept (the list of catalog gaps holds no personal data).
_DIGIT_RUN = re.compile(r"\d{6,}")
UNKNOWN = "—"
_INTAKE_FIGURES = {
    "submit": "received",
    "accept": "accepted",
    "accept_with_gaps": "accepted_with_gaps",
    "notify_missing": "notified_missing",
    "reject": "rejected",
    "hand_over": "delivered_in_person",
    "deliver": "delivered_by_courier",
    "withdraw": "closed",
    "terminate": "closed",
}
_FINISHED_FOLLOWUPS = (FollowUpState.CLOSED, FollowUpState.STRUCK)


class ReportService:
    def __init__(
        self,
        database: Database,
        catalog: CatalogService,
        settings: Settings,
        clock: Callable[[], datetime],
        work_calendar: Callable[[], WorkCalendar],
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.settings = settings
        self.clock = clock
        self.work_calendar = work_calendar

    def report(self, start: date, end: date, made_by: str) -> Report:
        """The figures of ``start`` … ``end`` and of the period of the same length before."""
        made_at = self.clock()
        check_period(start, end, made_at.date())
        before = start - ONE_DAY * ((end - start).days + 1)
        calendar = self.work_calendar()
        with self.database.read() as session:
            items = report_repo.catalog_items(session)
            names = report_repo.display_names(session)
            tally = _Tally(start, end, {code: category for code, category, _ in items}, names)
            tally.count(session, calendar)
            previous = _Tally(before, start - ONE_DAY, tally.categories, names)
            previous.count(session, calendar)
            open_rows = report_repo.open_at(session, end, _midnight(end + ONE_DAY))
        clock = deadline_clock(
            (row.committed_deadline for row in open_rows if row.committed_deadline),
            end,
            calendar,
            self._warn_days(),
        )
        overdue = [
            case
            for case in _clocked(open_rows, clock)
            if clock[case.committed_deadline][1] is Level.OVERDUE
        ]
        departments = {department for _, _, department in items if department}
        busy = {row.key for row in tally.rows[Dimension.DEPARTMENT].values() if _busy(row)}
        return Report(
            start=start,
            end=end,
            centre_name=str(self.settings.get("centre_name")),
            made_at=made_at,
            made_by=made_by,
            totals=tally.totals,
            breakdowns={dimension: tally.sorted_rows(dimension) for dimension in Dimension},
            overdue=sorted(overdue, key=lambda case: (case.committed_deadline, case.case_no)),
            idle_departments=sorted(departments - busy),
            days=[
                DayFigures(day, *tally.day(day))
                for day in (start + ONE_DAY * n for n in range((end - start).days + 1))
            ],
            previous=previous.totals,
            received_by_hour=tally.received_by_hour,
        )

    def hall(self, today: date | None = None) -> HallNow:
        """The hall now: open cases by their clocks, and 差评 with a follow-up not finished."""
        today = today or self.clock().date()
        with self.database.read() as session:
            open_rows = report_repo.open_at(session, today, _midnight(today + ONE_DAY))
            poor = rating_rows.poor_rating_rows(session, None)
            steps = rating_rows.steps_of(session, [row.uuid for row in poor])
        clock = deadline_clock(
            (row.committed_deadline for row in open_rows if row.committed_deadline),
            today,
            self.work_calendar(),
            self._warn_days(),
        )
        cases = sorted(_clocked(open_rows, clock), key=lambda case: case.working_days_left)
        return HallNow(
            today=today,
            open_cases=len(open_rows),
            due_soon=[
                case for case in cases if clock[case.committed_deadline][1] is Level.DUE_SOON
            ],
            overdue=[case for case in cases if clock[case.committed_deadline][1] is Level.OVERDUE],
            open_followups=sum(
                followup_state(found) not in _FINISHED_FOLLOWUPS for found in steps.values()
            ),
        )

    def record_unmatched_search(self, text: str, window_number: int) -> bool:
        """Keep a search that found no item, unless it may hold personal data (a run of
        digits: an ID or phone number) or is empty; ``True`` when kept."""
        text = " ".join(text.split())[:SEARCH_TEXT_MAX]
        if not text or _DIGIT_RUN.search(text):
            return False
        with self.database.write() as session:
            report_repo.add_unmatched_search(session, text, self.clock(), window_number)
        return True

    def unmatched_searches(self, start: date, end: date, limit: int = 20) -> list[SearchGap]:
        """The texts searched at the windows in ``start`` … ``end`` that found no item."""
        with self.database.read() as session:
            rows = report_repo.unmatched_searches(
                session, _midnight(start), _midnight(end + ONE_DAY), limit
            )
        return [SearchGap(text, count, last_at) for text, count, last_at in rows]

    def _warn_days(self) -> int:
        return int(self.settings.get("review_warn_days"))


class _Tally:
    """Counts one period into its totals, its breakdowns and its days."""

    def __init__(
        self,
        start: date,
        end: date,
        categories: dict[str, str],
        names: dict[str, str],
    ) -> None:
        self.start, self.end = start, end
        self.categories = categories
        self.names = names
        self.totals = Row("", "合计")
        self.rows: dict[Dimension, dict[str, Row]] = {dimension: {} for dimension in Dimension}
        self.days: dict[date, tuple[CaseFigures, RatingFigures]] = {}
        self.received_by_hour = [0] * 24

    def count(self, session: Any, calendar: WorkCalendar) -> None:
        begin, finish = _midnight(self.start), _midnight(self.end + ONE_DAY)
        for row in report_repo.events_between(session, begin, finish):
            figures = CaseFigures()
            name = _INTAKE_FIGURES[row.event]
            setattr(figures, name, 1)
            if name == "received":
                self.received_by_hour[row.at.hour] += 1
                figures.immediate = int(row.case_kind == "即办件")
                figures.committed = 1 - figures.immediate
                figures.assisted = int(row.service_kind == "assisted")
                figures.proxy = int(row.service_kind == "proxy")
            self._add_cases(row, row.window_number, row.by, row.at.date(), figures)
        handling = cache(
            lambda accepted, concluded: calendar.count_working_days(accepted, concluded)[0]
        )
        for row in report_repo.concluded_between(session, begin, finish):
            self._add_cases(
                row,
                row.window_number,
                row.clerk,
                row.concluded_at.date(),
                _concluded(row, handling),
            )
        contacts = report_repo.contacts_between(session, begin, finish)
        bad = [row.uuid for row in contacts if row.uuid and row.level in BAD_LEVELS]
        steps = rating_rows.steps_of(session, bad)
        for row in contacts:
            rated = _rated(row, steps.get(row.uuid or "", []))
            self._add_ratings(row, row.opened_at.date(), rated)

    def sorted_rows(self, dimension: Dimension) -> list[Row]:
        rows = self.rows[dimension].values()
        if dimension is Dimension.WINDOW:
            return sorted(rows, key=lambda row: (not row.key.isdigit(), row.key.zfill(3)))
        return sorted(rows, key=lambda row: (-row.cases.received, row.label))

    def _add_cases(
        self, row: Any, window: int | None, clerk: str, day: date, figures: CaseFigures
    ) -> None:
        self.totals.cases.add(figures)
        self.day(day)[0].add(figures)
        for found in self._rows_of(row, window, clerk):
            found.cases.add(figures)

    def _add_ratings(self, row: Any, day: date, figures: RatingFigures) -> None:
        self.totals.ratings.add(figures)
        self.day(day)[1].add(figures)
        for found in self._rows_of(row, row.window_number, row.staff):
            found.ratings.add(figures)

    def day(self, day: date) -> tuple[CaseFigures, RatingFigures]:
        if day not in self.days:
            self.days[day] = (CaseFigures(), RatingFigures())
        return self.days[day]

    def _rows_of(self, row: Any, window: int | None, clerk: str) -> Iterable[Row]:
        category = self.categories.get(row.item_code or "", UNKNOWN)
        keys = (
            (Dimension.WINDOW_CATEGORY, category, category),
            (Dimension.WINDOW, *_window(window)),
            (Dimension.CLERK, clerk or "", self.names.get(clerk, clerk) or UNKNOWN),
            (Dimension.DEPARTMENT, row.department or "", row.department or UNKNOWN),
            (Dimension.ITEM, row.item_code or "", row.item_name or UNKNOWN),
        )
        for dimension, key, label in keys:
            rows = self.rows[dimension]
            if key not in rows:
                rows[key] = Row(key, label)
            yield rows[key]


def _concluded(row: Any, handling: Callable[[date, date], int]) -> CaseFigures:
    figures = CaseFigures()
    if row.outcome == "denied":
        figures.denied = 1
    else:
        figures.approved = 1
    concluded = row.concluded_at.date()
    deadline = row.committed_deadline
    if deadline is None or concluded == deadline:
        figures.concluded_on_day = 1
    elif concluded < deadline:
        figures.concluded_early = 1
    else:
        figures.concluded_late = 1
    if row.case_kind != "即办件" and row.accepted_on is not None and row.legal_limit_days:
        figures.timed_concluded = 1
        figures.handling_days = handling(row.accepted_on, concluded)
        figures.legal_days = row.legal_limit_days
    return figures


def _rated(row: Any, steps: Sequence[Any]) -> RatingFigures:
    figures = RatingFigures()
    if row.uuid is None:
        if row.state == "open":
            figures.waiting = 1
        else:
            figures.unrated = 1
        return figures
    if followup_state(steps) is FollowUpState.STRUCK:
        figures.struck = 1
        return figures
    level = RatingLevel(row.level)
    figures.levels[level] = 1
    figures.default_ratings = int(row.origin == RatingOrigin.DEFAULT)
    if level in BAD_LEVELS:
        kinds = {step.kind for step in steps}
        figures.followed_up = int(StepKind.RECTIFY in kinds)
        figures.called_back = int(StepKind.CALLBACK in kinds)
    return figures


def _clocked(rows: Iterable[Any], clock: dict[date, tuple[int, Level]]) -> list[ClockedCase]:
    return [
        ClockedCase(
            case_no=row.case_no,
            uuid=row.case_uuid,
            item_name=row.item_name,
            department=row.department,
            window_number=row.window_number,
            committed_deadline=row.committed_deadline,
            working_days_left=clock[row.committed_deadline][0],
        )
        for row in rows
        if row.committed_deadline is not None
    ]


def _window(number: int | None) -> tuple[str, str]:
    if number is None:
        return "", UNKNOWN
    return str(number), f"{number}号窗口"


def _busy(row: Row) -> bool:
    return row.cases.any or row.ratings.any


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())
