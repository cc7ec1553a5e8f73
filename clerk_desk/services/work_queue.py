"""The review queue of a department and the output finder, read-only (desk.queue).

The queue is what was pulled or taken in here: the department's open parts (``case_parts``),
earliest deadline first, each with its working days left and traffic light. The working days
are counted once per distinct deadline, in one walk over the calendar from the latest overdue
deadline to the furthest one, never per row. The rows of a department are kept between calls
while nothing was written to its parts, so a filter change only narrows them.

The output finder lists the results ready at this centre (``ready_for_pickup`` or ``shipped``)
by what a clerk types or a barcode scanner reads from the receipt's QR code.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from clerk_desk.domain.calendar import Level, WorkCalendar
from clerk_desk.domain.case import ApplicantKind, Case, PartState
from clerk_desk.domain.case_number import is_valid_case_no, normalize_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import validate_phone
from clerk_desk.domain.output_rules import output_deadline, outstanding
from clerk_desk.services.intake import SearchKind, _text_matches
from local_cache.db import Database
from local_cache.repositories import queue_repo
from local_cache.repositories.case_repo import ITEM_SEPARATOR, TextMatch

OUTPUT_STATES = (CaseState.READY_FOR_PICKUP, CaseState.SHIPPED)
OUTPUT_LIMIT = 200
# A case number anywhere in what was typed or scanned (the QR holds the progress address with
# the number in it, or the number alone); separators are removed before looking.
_CASE_NO_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{21}[0-9X](?![0-9A-Z])")
_CASE_STATES = {str(state): state for state in CaseState}
_PART_STATES = {str(state): state for state in PartState}


class QueueRow(NamedTuple):
    """One open part in a department's queue. ``deadline`` is the part's; ``working_days_left``
    is as :func:`~clerk_desk.domain.calendar.deadline_status` counts it (negative when overdue,
    ``None`` without a deadline). A named tuple: a queue has tens of thousands of rows."""

    uuid: str
    case_no: str | None
    applicant_name: str
    item_names: tuple[str, ...]
    item_codes: tuple[str, ...]
    state: CaseState
    part_state: PartState
    department: str
    window_number: int | None
    deadline: date | None
    working_days_left: int | None
    level: Level
    received_at: datetime | None


@dataclass(frozen=True)
class QueueFilter:
    """What the queue is narrowed to; ``None`` leaves a field open. ``state`` is the part's
    state (in_review or paused); ``window_number`` the window that took the case in."""

    item_code: str | None = None
    state: str | None = None
    window_number: int | None = None


@dataclass(frozen=True)
class OutputRow:
    """A result ready at this centre: the §44 clock (``output_deadline``, ``None`` when no part
    was approved) and whether it passed, and the fee still to pay (yuan, two decimals)."""

    uuid: str
    case_no: str | None
    applicant_name: str
    applicant_number: str
    applicant_phone: str
    item_names: tuple[str, ...]
    state: CaseState
    result_ready_at: datetime | None
    output_deadline: date | None
    output_overdue: bool
    fee_outstanding: Decimal
    courier_allowed: bool


Clock = dict[date, tuple[int, Level]]


def deadline_clock(
    deadlines: Iterable[date], today: date, calendar: WorkCalendar, warn_days: int
) -> Clock:
    """Working days left and the level of each distinct deadline, with the semantics of
    :func:`~clerk_desk.domain.calendar.deadline_status`: 0 on the deadline day, due soon while
    fewer than ``warn_days`` remain after today, overdue (minus the working days since) from the
    day after. One walk each way from ``today``, however many deadlines there are."""
    distinct = set(deadlines)
    clock: Clock = {}
    left, at = 0, today
    for deadline in sorted(day for day in distinct if day >= today):
        left += calendar.count_working_days(at, deadline)[0]
        at = deadline
        clock[deadline] = (left, Level.DUE_SOON if left < warn_days else Level.NORMAL)
    elapsed, at = 0, today
    for deadline in sorted((day for day in distinct if day < today), reverse=True):
        elapsed += calendar.count_working_days(deadline, at)[0]
        at = deadline
        clock[deadline] = (-elapsed, Level.OVERDUE)
    return clock


@dataclass(frozen=True)
class _Loaded:
    """A department's open parts as read, and the rows made of them for one clock."""

    version: tuple[int, int]
    parts: list[tuple[Any, ...]]
    deadlines: dict[str, date]  # each distinct stored deadline, read
    clock: Clock
    rows: list[QueueRow]


class WorkQueue:
    def __init__(
        self,
        database: Database,
        work_calendar: Callable[[], WorkCalendar],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.database = database
        self.work_calendar = work_calendar
        self.clock = clock
        self._loaded: dict[str, _Loaded] = {}
        self._lock = threading.Lock()

    # The review queue ------------------------------------------------------------------------

    def review_queue(
        self, department: str, filter: QueueFilter, today: date, warn_days: int
    ) -> list[QueueRow]:
        """The department's open parts that pass ``filter``, fewest working days left first
        (the order of their deadlines; routing gives every part one)."""
        rows = self._rows(department, today, warn_days)
        code, state, window = filter.item_code, filter.state, filter.window_number
        if code is None and state is None and window is None:
            return list(rows)
        return [
            row
            for row in rows
            if (code is None or code in row.item_codes)
            and (state is None or row.part_state == state)
            and (window is None or row.window_number == window)
        ]

    def review_counts(self, department: str, today: date, warn_days: int) -> dict[Level, int]:
        """How many open parts of the department are at each level (every level present)."""
        with self.database.read() as session:
            per_deadline = queue_repo.open_by_deadline(session, department)
        clock = deadline_clock(
            (date.fromisoformat(day) for day, _ in per_deadline if day),
            today,
            self.work_calendar(),
            warn_days,
        )
        counts = dict.fromkeys(Level, 0)
        for day, count in per_deadline:
            level = clock[date.fromisoformat(day)][1] if day else Level.NORMAL
            counts[level] += count
        return counts

    def items_in_queue(self, department: str) -> list[tuple[str, str]]:
        """(code, name) of every item with an open part in the department, by name."""
        with self.database.read() as session:
            item_sets = queue_repo.open_item_sets(session, department)
        items: dict[str, str] = {}
        for codes, names in item_sets:
            items.update(zip(codes.split(","), names.split(ITEM_SEPARATOR), strict=False))
        return sorted(items.items(), key=lambda item: (item[1], item[0]))

    def _rows(self, department: str, today: date, warn_days: int) -> list[QueueRow]:
        with self.database.read() as session, _bulk():
            last = queue_repo.last_part_id(session)
            loaded = self._loaded.get(department)
            if loaded is not None and loaded.version != (
                last,
                queue_repo.open_count(session, department),
            ):
                loaded = None  # written since: read again
            if loaded is None:
                parts = queue_repo.open_parts(session, department)
        if loaded is None:
            version = (last, len(parts))
            deadlines = {day: date.fromisoformat(day) for day in {p[8] for p in parts} if day}
        else:
            version, parts, deadlines = loaded.version, loaded.parts, loaded.deadlines
        clock = deadline_clock(deadlines.values(), today, self.work_calendar(), warn_days)
        if loaded is not None and loaded.clock == clock:
            return loaded.rows
        with _bulk():
            rows = _queue_rows(department, parts, deadlines, clock)
        with self._lock:
            self._loaded[department] = _Loaded(version, parts, deadlines, clock, rows)
        return rows

    # The output finder -----------------------------------------------------------------------

    def ready_for_output(self, text: str = "", today: date | None = None) -> list[OutputRow]:
        """Results ready here (up to :data:`OUTPUT_LIMIT`, newest received first) found by
        ``text``: a case number as printed or typed, a scanned receipt QR code, an ID number
        (or its last 4 characters), a name or a phone; all of them when ``text`` is empty."""
        day = today or self.clock().date()
        with self.database.read() as session:
            documents = queue_repo.ready_cases(
                session, finder_matches(text, day), [str(s) for s in OUTPUT_STATES], OUTPUT_LIMIT
            )
        calendar = self.work_calendar()
        cases = sorted(
            (Case.from_dict(data) for data in documents),
            key=lambda case: case.received_at or datetime.min,
            reverse=True,
        )
        return [_output_row(case, day, calendar) for case in cases[:OUTPUT_LIMIT]]


@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of plain tuples are made: each
    700 allocations would start one, and each would walk the whole queue again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def finder_matches(text: str, today: date) -> list[TextMatch]:
    """How the output finder looks ``text`` up: the case number it holds (a QR code's
    address, a grouped or plain number), else as the case list's search box does, and as a
    phone number however it was written (+86 and spaces included)."""
    compact = normalize_case_no(text.strip())
    for found in _CASE_NO_IN_TEXT.finditer(compact.upper()):
        if is_valid_case_no(found.group()):
            return [TextMatch("case_no", found.group())]
    matches = _text_matches(text, SearchKind.AUTO, today)
    phone = validate_phone(text)
    if phone.ok and TextMatch("applicant_phone", phone.value) not in matches:
        matches.append(TextMatch("applicant_phone", phone.value))
    return matches


def _queue_rows(
    department: str, parts: Sequence[Any], deadlines: dict[str, date], clock: Clock
) -> list[QueueRow]:
    """Rows of the stored parts; each distinct stored text (deadline, items) is converted
    once, and only the reception time is read per row."""
    by_deadline: dict[str | None, tuple[date | None, int | None, Level]] = {
        None: (None, None, Level.NORMAL)
    }
    for day, due in deadlines.items():
        by_deadline[day] = (due, *clock[due])
    name_sets = {names: tuple(names.split(ITEM_SEPARATOR)) for names in {p[4] for p in parts}}
    code_sets = {codes: tuple(codes.split(",")) for codes in {p[3] for p in parts}}
    parse = datetime.fromisoformat
    make = tuple.__new__  # QueueRow's own __new__ is a Python function: 50,000 calls of it
    return [
        make(
            QueueRow,
            (
                uuid,
                case_no,
                applicant,
                name_sets[names],
                code_sets[codes],
                _CASE_STATES[case_state],
                _PART_STATES[part_state],
                department,
                window,
                *by_deadline[day],
                None if received is None else parse(received),
            ),
        )
        for (
            uuid,
            case_no,
            applicant,
            codes,
            names,
            case_state,
            part_state,
            window,
            day,
            received,
        ) in parts
    ]


def _output_row(case: Case, today: date, calendar: WorkCalendar) -> OutputRow:
    due = output_deadline(case, calendar)
    applicant = case.applicant
    return OutputRow(
        uuid=case.uuid,
        case_no=case.case_no,
        applicant_name=applicant.name,
        applicant_number=applicant.credit_code
        if applicant.kind is ApplicantKind.ORGANISATION
        else applicant.id_number,
        applicant_phone=applicant.phone,
        item_names=tuple(item.name for item in case.items),
        state=case.state,
        result_ready_at=case.result_ready_at,
        output_deadline=due,
        output_overdue=due is not None and today > due,
        fee_outstanding=outstanding(case),
        courier_allowed=all(item.courier_allowed for item in case.items),
    )
