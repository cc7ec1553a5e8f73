"""The clock of one department's part in words (and the level its colour follows).

"剩 3 个工作日（正常）· 特别程序共停 2 个工作日 · 已延长 5 个工作日", or
while paused "特别程序中（检验）：自 2026-12-01 起已停 2 个工作日，预计 3 个工作日".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_desk.domain.calendar import Level
from clerk_desk.domain.case import Outcome, PartState
from ui.review.case_load import PartClock
from ui.review.levels import days_left_text, level_word


def clock_words(clock: PartClock) -> tuple[str, Level | None]:
    """The words, and the level whose colour they take (``None``: no clock runs)."""
    part = clock.part
    if part.state is PartState.DECIDED:
        outcome = (
            QCoreApplication.translate("ReviewClock", "approved")
            if part.outcome is Outcome.APPROVED
            else QCoreApplication.translate("ReviewClock", "denied")
        )
        decided = "" if part.decided_at is None else f"{part.decided_at:%Y-%m-%d}"
        return QCoreApplication.translate("ReviewClock", "Decided {date}: {outcome}").format(
            date=decided, outcome=outcome
        ), None
    parts: list[str] = []
    level: Level | None = None
    if clock.running is not None:
        parts.append(
            QCoreApplication.translate(
                "ReviewClock",
                "Special procedure ({kind}) since {date}: stood still {days} working day(s) "
                "so far, {expected} expected",
            ).format(
                kind=clock.running.kind,
                date=clock.running.started_on.isoformat(),
                days=clock.running_days,
                expected=clock.running.expected_days,
            )
        )
    elif clock.status is not None:
        level = clock.status.level
        left = days_left_text(clock.status.working_days_left)
        parts.append(
            QCoreApplication.translate("ReviewClock", "{left} ({level})").format(
                left=left, level=level_word(level)
            )
        )
    if clock.paused_days:
        parts.append(
            QCoreApplication.translate(
                "ReviewClock", "special procedures stood still {days} working day(s)"
            ).format(days=clock.paused_days)
        )
    if part.extension_days:
        parts.append(
            QCoreApplication.translate("ReviewClock", "extended by {days} working day(s)").format(
                days=part.extension_days
            )
        )
    return " · ".join(parts), level
