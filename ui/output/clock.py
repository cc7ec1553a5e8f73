"""The §44 clock of a result: by when it must reach the applicant, said in words and colour.

The words are the point (state is spoken, not only coloured): a clock that ran out says
已超过法定送达期限 as well as turning red.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from clerk_desk.domain.calendar import WorkCalendar, date_message

PASSED_COLOUR = "#b42318"


@dataclass(frozen=True)
class OutputClock:
    """``deadline``: §44 (10 working days after the case was concluded), ``None`` where no
    part was approved; ``days_left``: working days after today up to the deadline, negative
    once it has passed."""

    deadline: date | None
    days_left: int | None = None

    @classmethod
    def on(cls, deadline: date | None, today: date, calendar: WorkCalendar) -> OutputClock:
        if deadline is None:
            return cls(None)
        if today > deadline:
            elapsed, _ = calendar.count_working_days(deadline, today)
            return cls(deadline, -max(elapsed, 1))
        left, _ = calendar.count_working_days(today, deadline)
        return cls(deadline, left)

    @property
    def passed(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def text(self) -> str:
        if self.deadline is None:
            return QCoreApplication.translate(
                "OutputClock", "No delivery deadline (nothing approved)"
            )
        day = date_message(self.deadline).render()
        if self.passed:
            return QCoreApplication.translate(
                "OutputClock", "Deliver by {date} · the legal delivery deadline has passed"
            ).format(date=day)
        return QCoreApplication.translate(
            "OutputClock", "Deliver by {date} · {days} working day(s) left"
        ).format(date=day, days=self.days_left)

    def short(self) -> str:
        """For a list column: the date, and the words once it has passed."""
        if self.deadline is None:
            return "—"
        if self.passed:
            return QCoreApplication.translate("OutputClock", "{date} passed").format(
                date=self.deadline.isoformat()
            )
        return self.deadline.isoformat()
