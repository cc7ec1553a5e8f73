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

    def report(self, start: date, end: date, made_by: str, *, compare: bool = True) -> Report:
        """The figures of ``start`` … ``end`` and of the period of the same length before.

        ``compare=False`` leaves out the period before (``previous`` all zeros) and the overdue
        list: the dashboard's 今日 shows neither (it has the hall's own lists) and refreshes
        on every change, so it reads only what it shows."""
        made_at = self.clock()
        check_period(start, end, made_at.date())
        before = start - ONE_DAY * ((end - start).days + 1)
        calendar = self.work_calendar()
        with self.database.read() as session:
            items = report_repo.catalog_items(session)
            names = report_repo.display_names(session)
            tally = _Tally(start, end, {code: category for code, category, _ in items}, names)
            tally.count(session, calendar)
            previous = _Tally(before, start - ONE_DAY, tally.categories, names, dimensions=False)
            late_rows: list[Any] = []
            if compare:
                previous.count(session, calendar)
                late_rows = report_repo.overdue_at(session, end, _midnight(end + ONE_DAY))
        clock = deadline_clock(
            (row.committed_deadline for row in late_rows), end, calendar, self._warn_days()
        )
        overdue = _clocked(late_rows, clock)
        departments = {department for _, _, department in items if department}
        breakdowns = {dimension: tally.sorted_rows(dimension) for dimension in Dimension}
        busy = {row.key for row in breakdowns[Dimension.DEPARTMENT] if _busy(row)}
        return Report(
            start=start,
            end=end,
            centre_name=str(self.settings.get("centre_name")),
            made_at=made_at,
            made_by=made_by,
            totals=tally.totals,
            breakdowns=breakdowns,
            overdue=sorted(overdue, key=lambda case: (case.committed_deadline, case.case_no)),
            idle_departments=sorted(departments - busy),
            days=[
                tally.day(day)
                for day in (start + ONE_DAY * n for n in range((end - start).days + 1))
            ],
            previous=previous.totals,
            received_by_hour=tally.received_by_hour,
        )

    def hall(self, today: date | None = None) -> HallNow:
        """The hall now: open cases by their clocks, and 差评 with a follow-up not finished."""
        today = today or self.clock().date()
        with self.database.read() as session:
            open_rows = report_repo.open_now(session)
            steps = rating_rows.steps_of(
                session, list(report_repo.unanswered_poor_ratings(session))
            )
        clock = deadline_clock(
            (row.committed_deadline for row in open_rows if row.committed_deadline),
            today,
            self.work_calendar(),
            self._warn_days(),
        )
        cases = sorted(_clocked(open_rows, clock), key=lambda case: case.working_days_left)
        return HallNow(
            today=today,
            open=cases,
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


Target = tuple[Dimension | None, object]
"""Where a count goes: ``(None, "")`` the totals, ``(None, day)`` a day, ``(dimension, key)`` a
row of a breakdown."""
TOTALS: Target = (None, "")


class _Tally:
    """Counts one period into its totals, its days and (``dimensions``) its breakdowns.

    The reads come grouped (a count per distinct event, day and dimensions), and the counts
    go into plain dictionaries: a day of 5,000 cases makes a few thousand small objects, not
    one figures object per event."""

    def __init__(
        self,
        start: date,
        end: date,
        categories: dict[str, str],
        names: dict[str, str],
        *,
        dimensions: bool = True,
    ) -> None:
        self.start, self.end = start, end
        self.dimensions = dimensions
        self.categories = categories
        self.names = names
        self.cases: dict[Target, dict[str, int]] = {}
        self.ratings: dict[Target, dict[str, int]] = {}
        self.labels: dict[Target, str] = {}
        self._sink_cache: dict[tuple[object, ...], list[dict[str, int]]] = {}
        self.received_by_hour = [0] * 24

    def count(self, session: Any, calendar: WorkCalendar) -> None:
        begin, finish = _midnight(self.start), _midnight(self.end + ONE_DAY)
        hours: dict[str, tuple[date, int]] = {}
        dimensions = self.dimensions
        for row in report_repo.events_between(session, begin, finish, dimensions):
            if row.hour not in hours:
                hours[row.hour] = (date.fromisoformat(row.hour[:10]), int(row.hour[11:13]))
            day, hour = hours[row.hour]
            count = row.count
            counted = [(_INTAKE_FIGURES[row.event], count)]
            if row.event == "submit":
                self.received_by_hour[hour] += count
                counted.append(("immediate" if row.case_kind == "即办件" else "committed", count))
                if row.service_kind in ("assisted", "proxy"):
                    counted.append((row.service_kind, count))
            _add(self._sinks(self.cases, row, day, "by"), counted)
        handling = cache(
            lambda accepted, concluded: calendar.count_working_days(accepted, concluded)[0]
        )
        for row in report_repo.concluded_between(session, begin, finish, dimensions):
            day = date.fromisoformat(row.day)
            sinks = self._sinks(self.cases, row, day, "clerk")
            _add(sinks, _concluded(row, day, handling))
        for row in report_repo.contacts_between(session, begin, finish, dimensions):
            day = date.fromisoformat(row.day)
            sinks = self._sinks(self.ratings, row, day, "staff")
            _add(sinks, _rated(row.state, row.level, row.origin, row.count))
        poor = report_repo.poor_contacts_between(session, begin, finish)
        steps = rating_rows.steps_of(session, [row.uuid for row in poor])
        for row in poor:
            day = row.opened_at.date()
            sinks = self._sinks(self.ratings, row, day, "staff")
            _add(sinks, _followed(row, steps[row.uuid]))

    def row(self, target: Target) -> Row:
        return Row(
            str(target[1]),
            self.labels.get(target, "合计"),
            _case_figures(self.cases.get(target, {})),
            _rating_figures(self.ratings.get(target, {})),
        )

    @property
    def totals(self) -> Row:
        return self.row(TOTALS)

    def day(self, day: date) -> DayFigures:
        row = self.row((None, day))
        return DayFigures(day, row.cases, row.ratings)

    def sorted_rows(self, dimension: Dimension) -> list[Row]:
        rows = [self.row(target) for target in self.labels if target[0] is dimension]
        if dimension is Dimension.WINDOW:
            return sorted(rows, key=lambda row: (not row.key.isdigit(), row.key.zfill(3)))
        return sorted(rows, key=lambda row: (-row.cases.received, row.label))

    def _targets(self, row: Any, window: int | None, clerk: str, day: date) -> list[Target]:
        category = self.categories.get(row.item_code or "", UNKNOWN)
        window_key, window_label = _window(window)
        keys = (
            (Dimension.WINDOW_CATEGORY, category, category),
            (Dimension.WINDOW, window_key, window_label),
            (Dimension.CLERK, clerk or "", self.names.get(clerk, clerk) or UNKNOWN),
            (Dimension.DEPARTMENT, row.department or "", row.department or UNKNOWN),
            (Dimension.ITEM, row.item_code or "", row.item_name or UNKNOWN),
        )
        targets: list[Target] = [TOTALS, (None, day)]
        for dimension, key, label in keys:
            target = (dimension, key)
            if target not in self.labels:
                self.labels[target] = label
            targets.append(target)
        return targets

    def _sinks(
        self, counts: dict[Target, dict[str, int]], row: Any, day: date, staff: str
    ) -> list[dict[str, int]]:
        """The counters a row adds to: the totals, its day and, counting by dimension, its
        rows of the breakdowns (``staff`` names the row's column of who did it). Kept, as
        many rows share them."""
        if not self.dimensions:
            key: tuple[object, ...] = (id(counts), day)
        else:
            clerk = getattr(row, staff)
            key = (id(counts), row.item_code, row.item_name, row.department, row.window_number)
            key += (clerk, day)
        sinks = self._sink_cache.get(key)
        if sinks is None:
            targets = (
                self._targets(row, row.window_number, clerk, day)
                if self.dimensions
                else [TOTALS, (None, day)]
            )
            sinks = self._sink_cache[key] = [counts.setdefault(t, {}) for t in targets]
        return sinks


def _add(sinks: list[dict[str, int]], counted: list[tuple[str, int]]) -> None:
    for found in sinks:
        for name, value in counted:
            found[name] = found.get(name, 0) + value


def _case_figures(counts: dict[str, int]) -> CaseFigures:
    return CaseFigures(**counts)


def _rating_figures(counts: dict[str, int]) -> RatingFigures:
    return RatingFigures(
        levels={level: counts.get(level.value, 0) for level in RatingLevel},
        default_ratings=counts.get("default_ratings", 0),
        struck=counts.get("struck", 0),
        unrated=counts.get("unrated", 0),
        waiting=counts.get("waiting", 0),
        followed_up=counts.get("followed_up", 0),
        called_back=counts.get("called_back", 0),
    )


def _concluded(
    row: Any, concluded: date, handling: Callable[[date, date], int]
) -> list[tuple[str, int]]:
    count = row.count
    counted = [("denied" if row.outcome == "denied" else "approved", count)]
    deadline = row.committed_deadline
    if deadline is None or concluded == deadline:
        counted.append(("concluded_on_day", count))
    elif concluded < deadline:
        counted.append(("concluded_early", count))
    else:
        counted.append(("concluded_late", count))
    if row.case_kind != "即办件" and row.accepted_on is not None and row.legal_limit_days:
        counted.append(("timed_concluded", count))
        counted.append(("handling_days", handling(row.accepted_on, concluded) * count))
        counted.append(("legal_days", row.legal_limit_days * count))
    return counted


def _rated(state: str, level: str | None, origin: str | None, count: int) -> list[tuple[str, int]]:
    """A group of contacts that are not 差评: their level, or unrated, or still asked."""
    if level is None:
        return [("waiting" if state == "open" else "unrated", count)]
    if origin == RatingOrigin.DEFAULT:
        return [(level, count), ("default_ratings", count)]
    return [(level, count)]


def _followed(row: Any, steps: Sequence[Any]) -> list[tuple[str, int]]:
    """One 差评: struck on appeal, or counted at its level with its follow-up."""
    if followup_state(steps) is FollowUpState.STRUCK:
        return [("struck", 1)]
    kinds = {step.kind for step in steps}
    return [
        (row.level, 1),
        ("followed_up", int(StepKind.RECTIFY in kinds)),
        ("called_back", int(StepKind.CALLBACK in kinds)),
    ]


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
