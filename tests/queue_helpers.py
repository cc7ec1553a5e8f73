"""Paused and decided cases for the queue tests (the acceptance has routed them).

Each step applies the event with the core's ``case_effects.apply_event`` (what the review and
output services will do) and stores the case through ``case_repo.save_case``, the write path
every service and the sync puller use; the events and outbox rows are not the point here.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import CaseEvent
from local_cache.repositories import case_repo

REVIEWER = "reviewer"


def apply(
    desk: Desk,
    case: Case,
    event: CaseEvent,
    payload: dict[str, Any],
    at: datetime,
    reason: str = "",
) -> Case:
    """``event`` applied to a copy of ``case`` and stored; the stored case is returned."""
    changed = copy.deepcopy(case)
    apply_event(
        changed,
        event,
        payload,
        reason=reason,
        at=at,
        by=REVIEWER,
        calendar=desk.intake.work_calendar(),
    )
    with desk.database.write() as session:
        case_repo.save_case(session, changed.to_dict())
    return changed


def pause(desk: Desk, case: Case, department: str, at: datetime) -> Case:
    payload = {
        "department": department,
        "kind": "检验",
        "approved_by": "王科长",
        "expected_days": 5,
    }
    return apply(desk, case, CaseEvent.PAUSE, payload, at, reason="需要检验")


def approve(desk: Desk, case: Case, department: str, at: datetime) -> Case:
    payload = {
        "department": department,
        "result_name": "食品经营许可证",
        "result_number": "JY13401000012345",
        "valid_until": (at.date() + timedelta(days=5 * 365)).isoformat(),
    }
    return apply(desk, case, CaseEvent.APPROVE, payload, at)


def ready(desk: Desk, case: Case, at: datetime, fee_due: str = "0.00") -> Case:
    """Every part approved, the result made (制证完成); ``fee_due`` as acceptance set it."""
    case.fee_due = fee_due
    for part in case.parts:
        case = approve(desk, case, part.department, at)
    return apply(desk, case, CaseEvent.RESULT_READY, {}, at)


def on(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)
