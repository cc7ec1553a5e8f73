"""The official working calendar of one year, as an admin supplies it in a file.

The State Council publishes each year's holiday arrangement (国务院办公厅关于部分节假日安排的通知)
late in the year before. Until ``chinesecalendar`` ships it, an admin loads it from a UTF-8 JSON
file, one year per file::

    {
      "year": 2027,
      "source": "国务院办公厅关于2027年部分节假日安排的通知",
      "holidays": ["2027-01-01", "..."],
      "workdays": ["..."]
    }

``holidays`` lists every day off of the statutory holidays, the Saturdays and Sundays inside a
holiday period included (they are off anyway; listing them does no harm and matches the
notice). ``workdays`` lists the make-up working days (调休上班), each a Saturday or Sunday;
``[]`` when the notice has none. Every other day follows the week: Monday to Friday are
working days. A file with any fault is refused whole, with every fault named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk_desk.domain.limits import CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message

FIELDS = ("year", "source", "holidays", "workdays")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class OfficialYear:
    year: int
    source: str
    holidays: frozenset[date]
    workdays: frozenset[date]

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def to_dict(self) -> dict[str, Any]:
        """The file format above, dates in order: what is stored and what is listed."""
        return {
            "year": self.year,
            "source": self.source,
            "holidays": [day.isoformat() for day in sorted(self.holidays)],
            "workdays": [day.isoformat() for day in sorted(self.workdays)],
        }


class CalendarRejected(UserError):
    """A calendar that breaks a rule; ``problems`` lists every fault found."""

    def __init__(self, problems: Sequence[Message]) -> None:
        self.problems = list(problems)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core", "The calendar was refused with {count} problem(s); nothing was loaded"
            ),
            count=len(self.problems),
        )


def _problem(template: str, **params: Any) -> Message:
    return Message(template, params)


def official_year_from_dict(data: object) -> OfficialYear:
    """Check the decoded file against every rule; raise :class:`CalendarRejected` on any fault."""
    if not isinstance(data, dict):
        raise CalendarRejected(
            [
                _problem(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "the file must hold one JSON object with the fields "
                        "year, source, holidays and workdays",
                    )
                )
            ]
        )
    problems = [
        _problem(
            QT_TRANSLATE_NOOP(
                "core", "unknown field {name}; the fields are year, source, holidays and workdays"
            ),
            name=name,
        )
        for name in data
        if name not in FIELDS
    ]
    year = _year(data, problems)
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "core", "source must name the official notice the dates are taken from"
                )
            )
        )
    holidays = _dates(data, "holidays", year, problems)
    workdays = _dates(data, "workdays", year, problems)
    if "holidays" in data and isinstance(data["holidays"], list) and not data["holidays"]:
        problems.append(
            _problem(QT_TRANSLATE_NOOP("core", "holidays must list at least one day off"))
        )
    for day in sorted(workdays):
        if day.weekday() < 5:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "workdays: {date} is a Monday to Friday, a working day anyway; "
                        "a make-up working day must be a Saturday or Sunday",
                    ),
                    date=day.isoformat(),
                )
            )
    for day in sorted(holidays & workdays):
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "core", "{date} is listed both as a holiday and as a make-up working day"
                ),
                date=day.isoformat(),
            )
        )
    if problems:
        raise CalendarRejected(problems)
    assert isinstance(year, int) and isinstance(source, str)
    return OfficialYear(year, source.strip(), frozenset(holidays), frozenset(workdays))


def _year(data: dict[str, Any], problems: list[Message]) -> int | None:
    if "year" not in data:
        problems.append(_problem(QT_TRANSLATE_NOOP("core", "year is missing")))
        return None
    year = data["year"]
    if (
        not isinstance(year, int)
        or isinstance(year, bool)
        or not CALENDAR_FIRST_YEAR <= year <= CALENDAR_LAST_YEAR
    ):
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "core", "year must be a whole number from {first} to {last}, not {value}"
                ),
                first=CALENDAR_FIRST_YEAR,
                last=CALENDAR_LAST_YEAR,
                value=repr(year),
            )
        )
        return None
    return year


def _dates(
    data: dict[str, Any], field: str, year: int | None, problems: list[Message]
) -> set[date]:
    """The valid dates of one list field; every fault in it is added to ``problems``."""
    if field not in data:
        problems.append(_problem(QT_TRANSLATE_NOOP("core", "{field} is missing"), field=field))
        return set()
    values = data[field]
    if not isinstance(values, list):
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP("core", "{field} must be a list of dates written as YYYY-MM-DD"),
                field=field,
            )
        )
        return set()
    found: set[date] = set()
    for value in values:
        day = _parse_date(value)
        if day is None:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "core", "{field}: {value} is not a date written as YYYY-MM-DD"
                    ),
                    field=field,
                    value=repr(value),
                )
            )
        elif year is not None and day.year != year:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP("core", "{field}: {date} is not in {year}"),
                    field=field,
                    date=day.isoformat(),
                    year=year,
                )
            )
        elif day in found:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP("core", "{field}: {date} is listed twice"),
                    field=field,
                    date=day.isoformat(),
                )
            )
        else:
            found.add(day)
    return found


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
