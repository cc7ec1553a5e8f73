"""The legal clock of a case: its committed deadline and the supervision traffic light.

Committed deadline = acceptance date + the promised working days, counted from the next day
(see ``shared/domain.md``, "Legal clocks"). Time in special procedures (特别程序) does not
count: see :class:`~clerk_desk.domain.calendar.work_calendar.Pause` for the exact convention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_desk.domain.calendar.work_calendar import Deadline, Pause, WorkCalendar
from clerk_desk.domain.limits import WORKING_DAYS_MAX
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg

DEFAULT_WARN_DAYS = 2


class ClockInputError(UserError):
    """Days or pauses that cannot make a deadline; the message says what to enter."""


def committed_deadline(
    accepted_on: date, days: int, pauses: Sequence[Pause] = (), *, calendar: WorkCalendar
) -> Deadline:
    """The committed deadline; 0 days (即办件) is the acceptance day itself.

    Acceptance on a weekend or holiday changes nothing: counting starts the next day. A pause
    may begin on the acceptance day but not before it; pauses may overlap.
    """
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= WORKING_DAYS_MAX:
        raise ClockInputError(
            QT_TRANSLATE_NOOP(
                "core",
                "The promised time limit must be a whole number of working days "
                "from 0 to {most}, not {value}",
            ),
            most=WORKING_DAYS_MAX,
            value=days,
        )
    for pause in pauses:
        if pause.end < pause.start:
            raise ClockInputError(
                QT_TRANSLATE_NOOP("core", "A pause cannot end ({end}) before it starts ({start})"),
                start=pause.start.isoformat(),
                end=pause.end.isoformat(),
            )
        if pause.start < accepted_on:
            raise ClockInputError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A pause cannot start ({start}) before the case was accepted ({accepted})",
                ),
                start=pause.start.isoformat(),
                accepted=accepted_on.isoformat(),
            )
    ordered = tuple(sorted(pauses, key=lambda pause: (pause.start, pause.end)))
    try:
        return calendar.add_working_days(accepted_on, days, ordered)
    except OverflowError as error:
        raise ClockInputError(
            # 期限将晚于 9999-12-31，超出日历范围；请检查受理日期和特别程序的日期
            QT_TRANSLATE_NOOP(
                "core",
                "The deadline would fall after {last}, beyond the calendar; "
                "check the acceptance date and the pauses",
            ),
            last=date.max.isoformat(),
        ) from error


def supplement_deadline(
    accepted_on: date, days: int, committed: date, *, calendar: WorkCalendar
) -> date:
    """容缺受理: the day the missing materials are due by default, ``days`` working days after
    acceptance (counted like the committed deadline), never later than ``committed``."""
    return min(calendar.add_working_days(accepted_on, max(0, days)).deadline, committed)


@dataclass(frozen=True)
class OpenClock:
    """What the clock of one open case needs, for :func:`recompute_deadlines`."""

    case_id: str
    accepted_on: date
    working_days: int
    pauses: tuple[Pause, ...] = ()


def recompute_deadlines(
    clocks: Iterable[OpenClock], *, calendar: WorkCalendar
) -> dict[str, Deadline]:
    """Every open case's deadline under ``calendar``, by case id.

    Run after an official calendar was loaded: deadlines that were provisional for that year
    become final (and may move, when the year's holidays fall inside the span).
    """
    return {
        clock.case_id: committed_deadline(
            clock.accepted_on, clock.working_days, clock.pauses, calendar=calendar
        )
        for clock in clocks
    }


class Level(StrEnum):
    NORMAL = "normal"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


LEVEL_LABELS = {
    Level.NORMAL: QT_TRANSLATE_NOOP("core", "On time"),
    Level.DUE_SOON: QT_TRANSLATE_NOOP("core", "Due soon"),
    Level.OVERDUE: QT_TRANSLATE_NOOP("core", "Overdue"),
}


@dataclass(frozen=True)
class Status:
    """The traffic light of one case on one day.

    ``working_days_left``: working days after today up to and including the deadline (0 on
    the deadline day). When overdue it is minus the working days since the deadline, which is
    0 on a weekend straight after it. ``provisional``: the deadline or this count rests on a
    year whose calendar is not known.
    """

    level: Level
    working_days_left: int
    provisional: bool

    @property
    def label(self) -> Message:
        level = msg(LEVEL_LABELS[self.level])
        if self.provisional:
            return msg(QT_TRANSLATE_NOOP("core", "{level} (provisional)"), level=level)
        return level


def deadline_status(
    deadline: Deadline,
    today: date,
    *,
    calendar: WorkCalendar,
    warn_days: int = DEFAULT_WARN_DAYS,
) -> Status:
    """Green, yellow or red for supervision (电子监察).

    Yellow (due soon) covers the last ``warn_days`` working days up to the deadline, the
    deadline day included: with 2, the deadline day and the working day before it. Red
    (overdue) from the day after the deadline.
    """
    if today > deadline.deadline:
        elapsed, unknown = calendar.count_working_days(deadline.deadline, today)
        level, left = Level.OVERDUE, -elapsed
    else:
        left, unknown = calendar.count_working_days(today, deadline.deadline)
        level = Level.DUE_SOON if left < warn_days else Level.NORMAL
    return Status(level, left, deadline.provisional or bool(unknown))


def date_message(day: date) -> Message:
    """A date as the clerk reads it (2026年10月10日 in Chinese)."""
    return msg(
        QT_TRANSLATE_NOOP("core", "{year}-{month:02}-{day:02}"),
        year=day.year,
        month=day.month,
        day=day.day,
    )
