"""Which days are working days in mainland China, and counting them. Never a guess.

Two sources: ``chinesecalendar`` holds the State Council's published calendars of
:data:`BUILTIN_YEARS` and is authoritative for them; later years come from official calendars
an admin loaded (:class:`OfficialYear`). A loaded year that ``chinesecalendar`` knows as well
(after an upgrade of the package) is ignored. For any other year :meth:`WorkCalendar.is_workday`
answers ``None``; counting then takes Monday to Friday as working days and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import chinese_calendar

from clerk_desk.domain.calendar.official_year import OfficialYear

_KNOWN_YEARS = {day.year for day in chinese_calendar.constants.holidays}
BUILTIN_YEARS = range(min(_KNOWN_YEARS), max(_KNOWN_YEARS) + 1)
BUILTIN_SOURCE = f"chinesecalendar {chinese_calendar.__version__}"
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Pause:
    """Time in a special procedure (特别程序): the clock stops from ``start`` to ``end``.

    Both ends are inclusive: no day from ``start`` to ``end`` counts, whatever the calendar
    says, and counting goes on with the day after ``end``. A pause still running is passed
    with ``end`` = today and the deadline computed again when it ends.
    """

    start: date
    end: date

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True)
class Deadline:
    """A committed deadline and what it rests on.

    ``unknown_years``: years inside the counted span whose official calendar is not known here;
    their days were taken as Monday-to-Friday working days, so the deadline is provisional.
    ``calendar_source``: the calendars consulted, ``"; "``-separated (empty when nothing had to
    be looked up: 0 days, or only unknown years).
    """

    accepted_on: date
    working_days: int
    deadline: date
    unknown_years: tuple[int, ...] = ()
    calendar_source: str = ""
    pauses: tuple[Pause, ...] = field(default=())

    @property
    def provisional(self) -> bool:
        return bool(self.unknown_years)

    def to_dict(self) -> dict[str, Any]:
        return {
            "deadline": self.deadline.isoformat(),
            "provisional": self.provisional,
            "accepted_on": self.accepted_on.isoformat(),
            "working_days": self.working_days,
            "unknown_years": list(self.unknown_years),
            "calendar_source": self.calendar_source,
            "pauses": [pause.to_dict() for pause in self.pauses],
        }


@dataclass
class _Walk:
    """What a day-by-day walk found: working days counted and the calendars it relied on."""

    counted: int = 0
    unknown_years: set[int] = field(default_factory=set)
    sources: dict[str, None] = field(default_factory=dict)


class WorkCalendar:
    def __init__(self, loaded: Iterable[OfficialYear] = ()) -> None:
        self._loaded = {year.year: year for year in loaded if year.year not in BUILTIN_YEARS}

    @property
    def loaded_years(self) -> tuple[OfficialYear, ...]:
        """The loaded calendars in use (years ``chinesecalendar`` does not know), in order."""
        return tuple(self._loaded[year] for year in sorted(self._loaded))

    def source(self, year: int) -> str | None:
        """Where the calendar of ``year`` comes from; ``None`` when it is not known."""
        if year in BUILTIN_YEARS:
            return BUILTIN_SOURCE
        official = self._loaded.get(year)
        return None if official is None else official.source

    def is_workday(self, day: date) -> bool | None:
        """Whether ``day`` is a working day; ``None`` when its year's calendar is unknown."""
        if day.year in BUILTIN_YEARS:
            return bool(chinese_calendar.is_workday(day))
        official = self._loaded.get(day.year)
        return None if official is None else official.is_workday(day)

    def add_working_days(self, start: date, days: int, pauses: Sequence[Pause] = ()) -> Deadline:
        """The day on which the ``days``-th working day after ``start`` falls.

        Counting begins with the day after ``start``, whatever kind of day ``start`` is;
        0 days is ``start`` itself. Days inside a pause are skipped.
        ``days`` must be 0 or more; ``legal_clock.committed_deadline`` checks what a person
        typed before it gets here.
        """
        walk = _Walk()
        day = start
        while walk.counted < days:
            day += ONE_DAY
            if not any(pause.covers(day) for pause in pauses):
                self._step(day, walk)
        return Deadline(
            accepted_on=start,
            working_days=days,
            deadline=day,
            unknown_years=tuple(sorted(walk.unknown_years)),
            calendar_source="; ".join(walk.sources),
            pauses=tuple(pauses),
        )

    def count_working_days(self, after: date, through: date) -> tuple[int, tuple[int, ...]]:
        """Working days from the day after ``after`` up to ``through`` inclusive (0 when
        ``through`` is not later), with the unknown years the count had to assume."""
        walk = _Walk()
        day = after + ONE_DAY
        while day <= through:
            self._step(day, walk)
            day += ONE_DAY
        return walk.counted, tuple(sorted(walk.unknown_years))

    def _step(self, day: date, walk: _Walk) -> None:
        working = self.is_workday(day)
        if working is None:
            walk.unknown_years.add(day.year)
            working = day.weekday() < 5
        else:
            walk.sources[self.source(day.year) or ""] = None
        if working:
            walk.counted += 1
