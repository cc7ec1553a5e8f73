"""How the papers write dates, deadlines and page numbers: one way on every paper."""

from __future__ import annotations

from datetime import date, datetime

from clerk_desk.documents.papers import Deadline

PROVISIONAL_MARK = "（暂定）"


def cn_date(day: date) -> str:
    """``2026年12月04日``: zero-padded, as official papers write it."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def cn_datetime(moment: datetime) -> str:
    return f"{cn_date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def deadline_text(deadline: Deadline) -> str:
    """The date, marked （暂定） when the holiday calendar of its year was not known yet."""
    text = cn_date(deadline.day)
    return text + PROVISIONAL_MARK if deadline.provisional else text


def page_footer(page: int, pages: int) -> str:
    """The page number printed at the foot of every page."""
    return f"第 {page} 页 共 {pages} 页"
