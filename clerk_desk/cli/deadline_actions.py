"""What ``clerk-desk deadline`` does: one committed deadline, as a sentence or as JSON."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date

from clerk_desk import paths
from clerk_desk.domain.calendar import (
    ClockInputError,
    Deadline,
    Pause,
    committed_deadline,
    date_message,
)
from clerk_desk.domain.limits import WORKING_DAYS_MAX
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg
from clerk_desk.services.calendars import CalendarStore

WHOLE_NUMBER = re.compile(r"^-?\d+$")
DIGITS_MAX = 9


def compute(args: argparse.Namespace) -> int:
    accepted_on = _date(args.accepted_on)
    days = _days(args.days)
    pauses = [_pause(text) for text in args.pause]
    folder = paths.resolve(args.data_dir, args.demo).calendars
    deadline = committed_deadline(
        accepted_on, days, pauses, calendar=CalendarStore(folder).work_calendar()
    )
    if args.json:
        print(json.dumps(deadline.to_dict(), ensure_ascii=False))
    else:
        for line in sentences(deadline):
            print(line)
    return 0


def sentences(deadline: Deadline) -> list[str]:
    if deadline.provisional:
        first = msg(
            QT_TRANSLATE_NOOP(
                "core",
                "Provisional deadline: {date}. The official calendar of {years} is not known "
                "to this desk, so only weekends were skipped there; load it with: "
                "clerk-desk calendar import FILE",
            ),
            date=date_message(deadline.deadline),
            years="、".join(str(year) for year in deadline.unknown_years),
        )
    elif deadline.working_days == 0:
        first = msg(
            QT_TRANSLATE_NOOP("core", "Committed deadline: {date} (即办件, decided the same day)"),
            date=date_message(deadline.deadline),
        )
    else:
        first = msg(
            QT_TRANSLATE_NOOP(
                "core",
                "Committed deadline: {date} ({days} working days after {accepted}; weekends, "
                "statutory holidays and make-up working days taken into account)",
            ),
            date=date_message(deadline.deadline),
            days=deadline.working_days,
            accepted=date_message(deadline.accepted_on),
        )
    lines = [first.render()]
    lines.extend(
        msg(
            QT_TRANSLATE_NOOP("core", "Not counted (special procedure): {start} to {end}"),
            start=date_message(pause.start),
            end=date_message(pause.end),
        ).render()
        for pause in deadline.pauses
    )
    return lines


def _date(text: str) -> date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ClockInputError(
        QT_TRANSLATE_NOOP("core", "{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28"),
        value=repr(text),
    )


def _days(text: str) -> int:
    if not WHOLE_NUMBER.match(text.strip()):
        raise ClockInputError(
            QT_TRANSLATE_NOOP(
                "core", "--days must be a whole number of working days (0 for 即办件), not {value}"
            ),
            value=repr(text),
        )
    if len(text.strip().lstrip("-")) > DIGITS_MAX:
        # Too many digits for any limit (and for int() past 4300 digits): refused unparsed.
        raise ClockInputError(
            QT_TRANSLATE_NOOP(
                "core",
                "The promised time limit must be a whole number of working days "
                "from 0 to {most}, not {value}",
            ),
            most=WORKING_DAYS_MAX,
            value=text.strip()[:20] + "…",
        )
    return int(text)


def _pause(text: str) -> Pause:
    start, separator, end = text.partition("/")
    if not separator:
        raise ClockInputError(
            QT_TRANSLATE_NOOP(
                "core", "--pause takes START/END, e.g. 2026-10-12/2026-10-16, not {value}"
            ),
            value=repr(text),
        )
    return Pause(_date(start), _date(end))
