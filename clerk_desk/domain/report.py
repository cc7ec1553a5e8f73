"""The supervisor's figures (日报 and the dashboard): what each one counts, and how they add up.

A report covers the days ``start`` … ``end`` (inclusive; one day for the 日报). Every figure
counts what *happened* in those days, so a case notified on Monday (一次告知) and accepted on
Tuesday counts once in each day's report:

- ``received``: applications taken in (submit); ``immediate`` / ``committed`` split them into
  即办件 and 承诺件 (a case is 即办件 when every item is), ``assisted`` / ``proxy`` count the
  帮办 and 代办 ones.
- ``accepted``, ``accepted_with_gaps`` (容缺), ``notified_missing`` (一次告知), ``rejected``
  (不予受理): intake decisions made.
- ``approved`` / ``denied``: cases concluded (办结, the last department decided); a case is
  不予许可 only when every department denied it. ``decided`` is their sum.
- ``concluded_early`` / ``concluded_on_day`` / ``concluded_late``: those concluded cases
  against their committed deadline (before it, on it, after it). 按期办结 = early + on the day.
- ``handling_days`` and ``legal_days``: summed over the concluded 承诺件, the working days
  from acceptance to conclusion and the legal limits; their ratio gives the average handling
  time and 提速 = 1 − handling ÷ legal.
- ``delivered_in_person`` (handed over at the window) and ``delivered_by_courier`` (signed
  for, 签收): results delivered. ``closed``: withdrawn or terminated.

Each figure is counted under the case's intake window, its window category, its lead
department (牵头部门, else its first item's) and its first item, and under the staff member
who did it (for 办结, decided in the back office: the clerk who took the case in), so every
breakdown adds up to the totals.

Ratings count the service contacts opened in the period (一次一评): each ends in exactly one
of the five levels, ``struck`` (a rating struck on appeal), ``unrated`` (the visitor left
without rating) or ``waiting`` (the display is still asking), so those add up to
``contacts``. ``default_ratings`` tells how many of the level counts are the platform's
default ratings. 差评 are the ratings 不满意 and 非常不满意; ``followed_up`` and
``called_back`` count those with a 整改 and a 回访 step recorded by the period's end.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

BAD_LEVELS = (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED)
SATISFIED_LEVELS = (RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED, RatingLevel.BASIC)
LONGEST_RANGE_DAYS = 366
"""A report covers at most a year: longer ranges are refused with a message."""


class Dimension(StrEnum):
    """The breakdowns of a report, in the order a supervisor reads them."""

    WINDOW_CATEGORY = "window_category"
    WINDOW = "window"
    CLERK = "clerk"
    DEPARTMENT = "department"
    ITEM = "item"


DIMENSION_TITLES: dict[Dimension, str] = {
    Dimension.WINDOW_CATEGORY: "窗口类别",
    Dimension.WINDOW: "窗口",
    Dimension.CLERK: "窗口人员",
    Dimension.DEPARTMENT: "部门",
    Dimension.ITEM: "事项",
}
"""Printed titles of the breakdowns (papers and workbooks are in Chinese whatever the UI's
language)."""


class Unit(StrEnum):
    COUNT = "count"  # 件
    RATE = "rate"  # a share, printed as a percentage
    DAYS = "days"  # working days, two decimals


CASE_COLUMNS: tuple[tuple[str, str, Unit], ...] = (
    ("received", "收件", Unit.COUNT),
    ("immediate", "即办件", Unit.COUNT),
    ("committed", "承诺件", Unit.COUNT),
    ("assisted", "帮办", Unit.COUNT),
    ("proxy", "代办", Unit.COUNT),
    ("accepted", "受理", Unit.COUNT),
    ("accepted_with_gaps", "容缺受理", Unit.COUNT),
    ("notified_missing", "一次告知", Unit.COUNT),
    ("rejected", "不予受理", Unit.COUNT),
    ("decided", "办结", Unit.COUNT),
    ("approved", "准予许可", Unit.COUNT),
    ("denied", "不予许可", Unit.COUNT),
    ("concluded_on_time", "按期办结", Unit.COUNT),
    ("concluded_early", "提前办结", Unit.COUNT),
    ("concluded_late", "超时办结", Unit.COUNT),
    ("on_time_rate", "按期办结率", Unit.RATE),
    ("early_rate", "提前办结率", Unit.RATE),
    ("average_handling_days", "承诺件平均办结时间(工作日)", Unit.DAYS),
    ("speed_up_rate", "实际提速", Unit.RATE),
    ("delivered", "出件", Unit.COUNT),
    ("delivered_in_person", "窗口领取", Unit.COUNT),
    ("delivered_by_courier", "邮寄送达", Unit.COUNT),
    ("closed", "撤回/终止", Unit.COUNT),
)
"""The case figures of a report row in printed order: key (as in ``CaseFigures.to_json``),
printed title, unit. Workbook, PDF and dashboard tables all take their columns from here."""

RATING_COLUMNS: tuple[tuple[str, str, Unit], ...] = (
    ("contacts", "服务次数", Unit.COUNT),
    *((str(level), str(level), Unit.COUNT) for level in RatingLevel),
    ("struck", "申诉撤销", Unit.COUNT),
    ("unrated", "未评价", Unit.COUNT),
    ("waiting", "评价中", Unit.COUNT),
    ("default_ratings", "其中默认评价", Unit.COUNT),
    ("rating_rate", "评议率", Unit.RATE),
    ("satisfaction_rate", "满意率", Unit.RATE),
    ("bad", "差评", Unit.COUNT),
    ("followed_up", "已整改", Unit.COUNT),
    ("followed_up_rate", "整改率", Unit.RATE),
    ("called_back", "已回访", Unit.COUNT),
    ("called_back_rate", "回访率", Unit.RATE),
)
"""The rating figures of a report row in printed order (keys as in ``RatingFigures.to_json``)."""

DEFINITIONS: tuple[str, ...] = (
    "按期办结率 = (提前办结 + 按承诺时限当日办结) ÷ 办结",
    "提前办结率 = 早于承诺办结时限办结 ÷ 办结",
    "承诺件平均办结时间 = 受理至办结的工作日数之和 ÷ 办结的承诺件数",
    "实际提速 = 1 − 承诺件受理至办结的工作日数之和 ÷ 其法定办结时限之和",
    "评议率 = 已评价(含默认评价、申诉撤销)的服务次数 ÷ 服务次数(一次一评)",
    "满意率 = (非常满意 + 满意 + 基本满意) ÷ 评价数(不含申诉撤销)",
    "整改率、回访率 = 有整改、回访记录的差评 ÷ 差评",
    "一件多事项的办件计入其首个事项及牵头部门；超期 = 承诺办结时限已过仍未办结",
)
"""The definitions printed under every report (domain.md: where a figure is shown, its
definition is printed with it)."""


def _rate(part: int, whole: int) -> float | None:
    """``part / whole`` rounded to 4 places; ``None`` (printed as —) when nothing was counted."""
    return None if whole == 0 else round(part / whole, 4)


@dataclass
class CaseFigures:
    """The case counts of one row of a report (the totals, a window, a clerk …)."""

    received: int = 0
    immediate: int = 0
    committed: int = 0
    assisted: int = 0
    proxy: int = 0
    accepted: int = 0
    accepted_with_gaps: int = 0
    notified_missing: int = 0
    rejected: int = 0
    approved: int = 0
    denied: int = 0
    concluded_early: int = 0
    concluded_on_day: int = 0
    concluded_late: int = 0
    handling_days: int = 0
    legal_days: int = 0
    timed_concluded: int = 0
    delivered_in_person: int = 0
    delivered_by_courier: int = 0
    closed: int = 0

    @property
    def decided(self) -> int:
        return self.approved + self.denied

    @property
    def delivered(self) -> int:
        return self.delivered_in_person + self.delivered_by_courier

    @property
    def concluded_on_time(self) -> int:
        return self.concluded_early + self.concluded_on_day

    @property
    def on_time_rate(self) -> float | None:
        """按期办结率: concluded by the committed deadline ÷ concluded."""
        return _rate(self.concluded_on_time, self.decided)

    @property
    def early_rate(self) -> float | None:
        """提前办结率: concluded before the committed deadline ÷ concluded."""
        return _rate(self.concluded_early, self.decided)

    @property
    def average_handling_days(self) -> float | None:
        """承诺件平均办结时间, working days from acceptance to conclusion."""
        if self.timed_concluded == 0:
            return None
        return round(self.handling_days / self.timed_concluded, 2)

    @property
    def speed_up_rate(self) -> float | None:
        """实际提速: 1 − handling days ÷ legal limit days, over the concluded 承诺件."""
        if self.legal_days == 0:
            return None
        return round(1 - self.handling_days / self.legal_days, 4)

    @property
    def any(self) -> bool:
        return any(getattr(self, spec.name) for spec in fields(self))

    def add(self, other: CaseFigures) -> None:
        for spec in fields(self):
            setattr(self, spec.name, getattr(self, spec.name) + getattr(other, spec.name))

    def to_json(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "accepted": self.accepted,
            "accepted_with_gaps": self.accepted_with_gaps,
            "notified_missing": self.notified_missing,
            "rejected": self.rejected,
            "decided": self.decided,
            "approved": self.approved,
            "denied": self.denied,
            "delivered": self.delivered,
            "delivered_in_person": self.delivered_in_person,
            "delivered_by_courier": self.delivered_by_courier,
            "immediate": self.immediate,
            "committed": self.committed,
            "assisted": self.assisted,
            "proxy": self.proxy,
            "closed": self.closed,
            "concluded_on_time": self.concluded_on_time,
            "concluded_early": self.concluded_early,
            "concluded_late": self.concluded_late,
            "on_time_rate": self.on_time_rate,
            "early_rate": self.early_rate,
            "average_handling_days": self.average_handling_days,
            "speed_up_rate": self.speed_up_rate,
        }


@dataclass
class RatingFigures:
    """The ratings of the contacts opened in the period (see the module's docstring)."""

    levels: dict[RatingLevel, int] = field(default_factory=lambda: dict.fromkeys(RatingLevel, 0))
    default_ratings: int = 0
    struck: int = 0
    unrated: int = 0
    waiting: int = 0
    followed_up: int = 0
    called_back: int = 0

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def contacts(self) -> int:
        return self.rated + self.struck + self.unrated + self.waiting

    @property
    def bad(self) -> int:
        return sum(self.levels[level] for level in BAD_LEVELS)

    @property
    def rating_rate(self) -> float | None:
        """评议率: contacts rated (by the visitor or by default) ÷ contacts."""
        return _rate(self.rated + self.struck, self.contacts)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: 非常满意 + 满意 + 基本满意 ÷ ratings counted."""
        return _rate(sum(self.levels[level] for level in SATISFIED_LEVELS), self.rated)

    @property
    def followed_up_rate(self) -> float | None:
        """整改率: 差评 with a 整改 step ÷ 差评."""
        return _rate(self.followed_up, self.bad)

    @property
    def called_back_rate(self) -> float | None:
        """回访率: 差评 with a 回访 step ÷ 差评."""
        return _rate(self.called_back, self.bad)

    @property
    def any(self) -> bool:
        return self.contacts > 0

    def add(self, other: RatingFigures) -> None:
        for level in RatingLevel:
            self.levels[level] += other.levels[level]
        for name in ("default_ratings", "struck", "unrated", "waiting"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.followed_up += other.followed_up
        self.called_back += other.called_back

    def to_json(self) -> dict[str, Any]:
        return {
            **{str(level): count for level, count in self.levels.items()},
            "unrated": self.unrated,
            "struck": self.struck,
            "waiting": self.waiting,
            "default_ratings": self.default_ratings,
            "contacts": self.contacts,
            "rating_rate": self.rating_rate,
            "satisfaction_rate": self.satisfaction_rate,
            "bad": self.bad,
            "followed_up": self.followed_up,
            "called_back": self.called_back,
            "followed_up_rate": self.followed_up_rate,
            "called_back_rate": self.called_back_rate,
        }


@dataclass
class Row:
    """One line of a breakdown: ``key`` identifies it (a window number, a username, an item
    code), ``label`` is what a person reads (3号窗口, 张敏, 食品经营许可)."""

    key: str
    label: str
    cases: CaseFigures = field(default_factory=CaseFigures)
    ratings: RatingFigures = field(default_factory=RatingFigures)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            **self.cases.to_json(),
            "ratings": self.ratings.to_json(),
        }


@dataclass(frozen=True)
class ClockedCase:
    """An accepted case not yet concluded, with its clock: ``working_days_left`` is 0 on the
    deadline day and negative once it passed (−1 the first working day after)."""

    case_no: str
    uuid: str
    item_name: str
    department: str
    window_number: int | None
    committed_deadline: date
    working_days_left: int

    @property
    def working_days_over(self) -> int:
        return max(0, -self.working_days_left)

    def to_json(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "uuid": self.uuid,
            "item": self.item_name,
            "department": self.department,
            "window": self.window_number,
            "committed_deadline": self.committed_deadline.isoformat(),
            "working_days_over": self.working_days_over,
        }


@dataclass(frozen=True)
class DayFigures:
    """One day of a range, for the trend lines."""

    day: date
    cases: CaseFigures
    ratings: RatingFigures


@dataclass
class Report:
    """The figures of ``start`` … ``end`` as one consistent read (one read transaction).

    ``previous`` is the same figures for the period just before, of the same length (环比);
    ``days`` one entry per day of the period (a daily report has one); ``idle_departments``
    the departments of the catalog that had no business (nothing received, decided or rated).
    """

    start: date
    end: date
    centre_name: str
    made_at: datetime
    made_by: str
    totals: Row
    breakdowns: dict[Dimension, list[Row]]
    overdue: list[ClockedCase]
    idle_departments: list[str]
    days: list[DayFigures]
    previous: Row
    received_by_hour: list[int] = field(default_factory=lambda: [0] * 24)

    @property
    def is_daily(self) -> bool:
        return self.start == self.end

    def to_json(self) -> dict[str, Any]:
        period: dict[str, Any] = (
            {"date": self.start.isoformat()}
            if self.is_daily
            else {"from": self.start.isoformat(), "to": self.end.isoformat()}
        )
        return {
            **period,
            "centre": self.centre_name,
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "made_by": self.made_by,
            "totals": {**self.totals.cases.to_json(), "ratings": self.totals.ratings.to_json()},
            "previous_period": {
                **self.previous.cases.to_json(),
                "ratings": self.previous.ratings.to_json(),
            },
            "breakdowns": {
                str(dimension): [row.to_json() for row in rows]
                for dimension, rows in self.breakdowns.items()
            },
            "overdue": [case.to_json() for case in self.overdue],
            "idle_departments": list(self.idle_departments),
            "received_by_hour": list(self.received_by_hour),
            "days": [
                {
                    "date": day.day.isoformat(),
                    **day.cases.to_json(),
                    "ratings": day.ratings.to_json(),
                }
                for day in self.days
            ],
        }


@dataclass(frozen=True)
class HallNow:
    """The hall as it stands (the dashboard's counters): accepted cases not concluded,
    those due soon (fewer working days left than 设置's warning days) and overdue, and the
    差评 whose follow-up is not finished."""

    today: date
    open_cases: int
    due_soon: list[ClockedCase]
    overdue: list[ClockedCase]
    open_followups: int


@dataclass(frozen=True)
class SearchGap:
    """A search text typed at the windows that found no item, how often and when last."""

    text: str
    count: int
    last_at: datetime


class ReportPeriodError(UserError):
    """A report asked for a period that cannot be reported (the message says what to fix)."""


def parse_day(text: str) -> date:
    """A day typed as YYYY-MM-DD (a CLI argument, a date field)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReportPeriodError(
            QT_TRANSLATE_NOOP(
                "core", "“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-07."
            ),
            text=text,
        ) from None


def check_period(start: date, end: date, today: date) -> None:
    """Refuse a period that ends before it starts, is longer than a year or lies wholly in
    the future (nothing can have happened yet)."""
    if end < start:
        raise ReportPeriodError(
            QT_TRANSLATE_NOOP(
                "core", "The period ends ({end}) before it starts ({start}): swap the dates."
            ),
            start=start.isoformat(),
            end=end.isoformat(),
        )
    if (end - start).days + 1 > LONGEST_RANGE_DAYS:
        raise ReportPeriodError(
            QT_TRANSLATE_NOOP(
                "core",
                "A report covers at most {days} days; {start} to {end} is longer: "
                "make one report per year.",
            ),
            days=LONGEST_RANGE_DAYS,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    if start > today:
        raise ReportPeriodError(
            QT_TRANSLATE_NOOP(
                "core", "{start} has not come yet (today is {today}): choose a past day."
            ),
            start=start.isoformat(),
            today=today.isoformat(),
        )
