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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from clerk_desk.domain import review_rules
from clerk_desk.domain.calendar import Deadline, OpenClock, WorkCalendar, recompute_deadlines
from clerk_desk.domain.case import Case, CasePart, PartState
from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED, CaseState
from local_cache.db import Database
from local_cache.repositories import case_repo

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
    """Every open case's deadline under ``calendar``; the changed cases saved (with an outbox
    row), those whose committed deadline moved returned.

    A routed case's deadline is its latest part's: each part still in review or paused is
    counted again over its days and extension, skipping its ended special procedures (a
    running one moves the deadline when it ends, by the days it stood still). A decided part
    keeps the deadline it was decided under."""
    now = clock()
    changes = []
    with database.write() as session:
        cases = [
            Case.from_dict(data)
            for data in case_repo.with_deadline(session, [str(state) for state in RUNNING_STATES])
        ]
        clocks = [open_clock for case in cases for open_clock in _open_clocks(case)]
        deadlines = recompute_deadlines(clocks, calendar=calendar)
        for case in cases:
            old, old_provisional = case.committed_deadline, case.deadline_provisional
            before = case.to_dict()
            _set_deadlines(case, deadlines)
            if old is None or case.to_dict() == before:
                continue
            assert case.committed_deadline is not None
            change = DeadlineChange(
                case.uuid,
                case.case_no or "",
                old,
                old_provisional,
                case.committed_deadline,
                case.deadline_provisional,
            )
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
                        "deadline": _latest(case, deadlines).to_dict(),
                        "at": now.isoformat(),
                        "by": by,
                    },
                    "case": data,
                },
                created_at=now,
            )
            if (old, old_provisional) != (change.new_deadline, change.provisional):
                changes.append(change)  # else only a part's deadline moved, not the case's
    return changes


def _clock_id(case: Case, part: CasePart | None) -> str:
    return case.uuid if part is None else f"{case.uuid}/{part.department}"


def _open_clocks(case: Case) -> list[OpenClock]:
    """The clocks of ``case``: one per part not yet decided, or (accepted, not yet routed)
    the longest promised limit of its items as at acceptance."""
    assert case.accepted_on is not None, f"case {case.uuid} has a deadline but no acceptance day"
    if not case.parts:
        days = max((item.promised_limit_days for item in case.items), default=0)
        return [OpenClock(_clock_id(case, None), case.accepted_on, days)]
    return [
        OpenClock(
            _clock_id(case, part),
            case.accepted_on,
            part.working_days + part.extension_days,
            tuple(
                pause
                for pause in review_rules.pauses_of(case, part.department)
                if pause.start >= case.accepted_on
            ),
        )
        for part in case.parts
        if part.state is not PartState.DECIDED
    ]


def _set_deadlines(case: Case, deadlines: dict[str, Deadline]) -> None:
    """Each open part's deadline, and the case's (its latest part's), from ``deadlines``."""
    if not case.parts:
        deadline = deadlines[_clock_id(case, None)]
        case.committed_deadline = deadline.deadline
        case.deadline_provisional = deadline.provisional
        return
    for part in case.parts:
        if part.state is not PartState.DECIDED:
            deadline = deadlines[_clock_id(case, part)]
            part.deadline, part.deadline_provisional = deadline.deadline, deadline.provisional
    case.committed_deadline = review_rules.committed_of(case.parts)
    case.deadline_provisional = any(part.deadline_provisional for part in case.parts)


def _latest(case: Case, deadlines: dict[str, Deadline]) -> Deadline:
    """The recomputed deadline the case's committed deadline is (for the calendars used)."""
    ids = [_clock_id(case, None)] + [_clock_id(case, part) for part in case.parts]
    mine = [deadlines[key] for key in ids if key in deadlines]
    return max(mine, key=lambda deadline: deadline.deadline)
