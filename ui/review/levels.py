"""The traffic light of a review as the reviewer reads it: a word and a colour, never only one.

The words are the issue's (正常 / 即将到期 / 已超期); the colours are the case list's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_desk.domain.calendar import Level
from ui.case_list import LIGHT_COLOURS


def level_word(level: Level) -> str:
    words = {
        Level.NORMAL: QCoreApplication.translate("ReviewLevels", "On time"),
        Level.DUE_SOON: QCoreApplication.translate("ReviewLevels", "Due soon"),
        Level.OVERDUE: QCoreApplication.translate("ReviewLevels", "Overdue"),
    }
    return words[level]


def level_colour(level: Level) -> str:
    return LIGHT_COLOURS[level]


def days_left_text(days: int | None) -> str:
    """Working days left, in words: "3 working days left", "overdue 1 working day"."""
    if days is None:
        return ""
    if days == 0:
        return QCoreApplication.translate("ReviewLevels", "due today")
    if days < 0:
        return QCoreApplication.translate("ReviewLevels", "overdue {days} working day(s)").format(
            days=-days
        )
    return QCoreApplication.translate("ReviewLevels", "{days} working day(s) left").format(
        days=days
    )
