"""The open 代办 as the workspace lists them, loaded on the database thread.

Each line carries the record, its cases as they stand now, the next step with its date and
that date's traffic light (正常 / 临期 / 超期, counted in working days as the review queue
counts them), so the GUI thread only formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clerk_desk.domain.calendar import Deadline
from clerk_desk.domain.calendar.legal_clock import Status, deadline_status
from clerk_desk.domain.case import CaseSummary
from clerk_desk.domain.proxy import NextStep, ProxyRecord

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


@dataclass(frozen=True)
class ProxyLine:
    record: ProxyRecord
    cases: tuple[CaseSummary, ...]
    step: NextStep
    due: date | None
    light: Status | None  # None: the next step has no date

    @property
    def uuid(self) -> str:
        return self.record.uuid


@dataclass(frozen=True)
class ProxyLoad:
    lines: tuple[ProxyLine, ...]
    today: date


def load_proxies(desk: Desk) -> ProxyLoad:
    """Every 代办 with something left to do, soonest due first (runs on the database thread)."""
    today = desk.proxies.clock().date()
    calendar = desk.intake.work_calendar()
    warn_days = int(desk.settings.get("review_warn_days"))
    lines = []
    for row in desk.proxies.unfinished():
        step, due = row.record.next_step()
        light = None
        if due is not None:
            deadline = Deadline(accepted_on=today, working_days=0, deadline=due)
            light = deadline_status(deadline, today, calendar=calendar, warn_days=warn_days)
        lines.append(ProxyLine(row.record, row.cases, step, due, light))
    return ProxyLoad(tuple(lines), today)
