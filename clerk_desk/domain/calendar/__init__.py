"""Working days and legal clocks: the official calendar, committed deadlines, traffic lights."""

from clerk_desk.domain.calendar.legal_clock import (
    ClockInputError,
    Level,
    OpenClock,
    Status,
    committed_deadline,
    date_message,
    deadline_status,
    recompute_deadlines,
    supplement_deadline,
)
from clerk_desk.domain.calendar.official_year import (
    CalendarRejected,
    OfficialYear,
    official_year_from_dict,
)
from clerk_desk.domain.calendar.work_calendar import (
    BUILTIN_SOURCE,
    BUILTIN_YEARS,
    Deadline,
    Pause,
    WorkCalendar,
)

__all__ = [
    "BUILTIN_SOURCE",
    "BUILTIN_YEARS",
    "CalendarRejected",
    "ClockInputError",
    "Deadline",
    "Level",
    "OfficialYear",
    "OpenClock",
    "Pause",
    "Status",
    "WorkCalendar",
    "committed_deadline",
    "date_message",
    "deadline_status",
    "official_year_from_dict",
    "recompute_deadlines",
    "supplement_deadline",
]
