"""Computing the committed deadlines of open cases again, after an official calendar was loaded.

A deadline that reached a year the desk had no calendar for was counted with weekends only and
marked provisional; once the year's official calendar is loaded it becomes final and may move
(a holiday inside the span pushes it later, a make-up working day pulls it earlier).

This is not a step of the case's life cycle: the state does not change and no case event is
written. Each changed case is saved and gets an outbox row of kind ``deadline_recomputed``
(old and new deadline, the calendars used, and the whole case as every outbox row carries),
in the same transaction, so the platform learns of the new deadline with the next sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from clerk_desk.domain.calendar import OpenClock, Pause, WorkCalendar, recompute_deadlines
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED, CaseEvent, CaseState
from local_cache.db import Database
from local_cache.repositories import case_repo
from local_cache.schema import CaseEventRow

# States whose clock still runs towards the committed deadline (paused: stopped for now, but
# the deadline still lies ahead). From ``decided`` on the case was decided within its deadline
# or not, and that record does not change; rejected and closed cases never run again.
RUNNING_STATES = (
    CaseState.ACCEPTED,
    CaseState.IN_REVIEW,
    CaseState.PAUSED,
    CaseState.AWAITING_SUPPLEMENT,
)


@dataclass(frozen=True)
class DeadlineChange:
    """One case whose deadline moved or stopped being provisional."""

    case_uuid: str
    case_no: str
    old_deadline: date
    old_provisional: bool
    new_deadline: date
    provisional: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_uuid": self.case_uuid,
            "case_no": self.case_no,
            "old_deadline": self.old_deadline.isoformat(),
            "old_provisional": self.old_provisional,
            "new_deadline": self.new_deadline.isoformat(),
            "provisional": self.provisional,
        }


def recompute_open_deadlines(
    database: Database, calendar: WorkCalendar, clock: Callable[[], datetime], by: str
) -> list[DeadlineChange]:
    """Every open case's deadline under ``calendar``; the changed ones saved, by case number."""
    now = clock()
    changes = []
    with database.write() as session:
        cases = {
            data["uuid"]: Case.from_dict(data)
            for data in case_repo.with_deadline(session, [str(state) for state in RUNNING_STATES])
        }
        clocks = [_open_clock(session, case, now.date()) for case in cases.values()]
        for case_uuid, deadline in recompute_deadlines(clocks, calendar=calendar).items():
            case = cases[case_uuid]
            old, old_provisional = case.committed_deadline, case.deadline_provisional
            if old is None or (old, old_provisional) == (deadline.deadline, deadline.provisional):
                continue
            change = DeadlineChange(
                case.uuid,
                case.case_no or "",
                old,
                old_provisional,
                deadline.deadline,
                deadline.provisional,
            )
            case.committed_deadline = deadline.deadline
            case.deadline_provisional = deadline.provisional
            case.updated_at = now
            data = case.to_dict()
            case_repo.save_case(session, data)
            case_repo.add_outbox(
                session,
                event_uuid=str(uuid.uuid4()),
                case_uuid=case.uuid,
                kind=DEADLINE_RECOMPUTED,
                payload={
                    "change": {
                        **change.to_dict(),
                        "deadline": deadline.to_dict(),
                        "at": now.isoformat(),
                        "by": by,
                    },
                    "case": data,
                },
                created_at=now,
            )
            changes.append(change)
    return changes


def _open_clock(session: Session, case: Case, today: date) -> OpenClock:
    """The clock of ``case``: the longest promised limit of its items (as at acceptance) and
    the time it spent paused, from its pause and resume events."""
    assert case.accepted_on is not None, f"case {case.uuid} has a deadline but no acceptance day"
    days = max((item.promised_limit_days for item in case.items), default=0)
    pauses: Sequence[Pause] = ()
    if case.state is not CaseState.ACCEPTED:
        pauses = _pauses(case_repo.events(session, case.uuid), today)
    return OpenClock(case.uuid, case.accepted_on, days, tuple(pauses))


def _pauses(events: Sequence[CaseEventRow], today: date) -> list[Pause]:
    """Each 特别程序 from its ``pause`` event to its ``resume`` (or today, if still running)."""
    spans = []
    started: date | None = None
    for event in events:
        if event.event == CaseEvent.PAUSE:
            started = event.at.date()
        elif event.event == CaseEvent.RESUME and started is not None:
            spans.append(Pause(started, event.at.date()))
            started = None
    if started is not None:
        spans.append(Pause(started, today))
    return spans
