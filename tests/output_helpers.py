"""Cases brought to the output window for the output tests.

Until the review service records route, approve and result_ready itself, :func:`advance`
stands in for it: the event applied to a copy with the desk's calendar (the rules the review
service and the platform use) and recorded with its outbox row in one transaction.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from case_factory import CLERK, FOOD_LICENCE, IN_PERSON, Clock, make_case

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, Case
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.review_rules import route_payload
from clerk_desk.services.case_log import DeskPlace, record
from clerk_desk.services.output import OutputService

REVIEWER = "reviewer"
OUTPUT_CLERK = "output"
HOUSE_TRANSFER = "000102720502"  # 不动产转移登记（二手房买卖）: 80.00 yuan, courier allowed
SOCIAL_SECURITY_CARD = "000123042100"  # 社会保障卡补领、换领: 20.00 yuan, window only


def output_service(desk: Desk, clock: Clock) -> OutputService:
    """The desk's output service on ``clock``."""
    return OutputService(
        desk.database, desk.settings, clock, desk.intake.files, desk.intake.work_calendar
    )


def advance(
    desk: Desk,
    case: Case,
    event: CaseEvent,
    payload: dict[str, Any],
    clock: Clock,
    by: str = REVIEWER,
    reason: str = "",
) -> Case:
    """Record ``event`` on ``case`` as the review service does: applied, then stored."""
    after = copy.deepcopy(case)
    calendar = desk.intake.work_calendar()
    apply_event(after, event, payload, reason=reason, at=clock(), by=by, calendar=calendar)
    place = DeskPlace.from_settings(desk.settings)
    with desk.database.write() as session:
        return record(
            session, after, event, by=by, at=clock(), place=place, reason=reason, payload=payload
        )


def decided_case(
    desk: Desk,
    clock: Clock,
    codes: Sequence[str] = (FOOD_LICENCE,),
    applicant: Applicant | None = None,
    answers: dict[str, str] | None = None,
) -> Case:
    """A case accepted at the window, routed and approved by every department."""
    case = make_case(
        desk,
        codes,
        clock=clock,
        applicant=applicant,
        answers=IN_PERSON if answers is None else answers,
        accept_by=CLERK,
    )
    if case.state is CaseState.ACCEPTED:
        payload = route_payload(case, desk.intake.work_calendar())
        case = advance(desk, case, CaseEvent.ROUTE, payload, clock)
    for part in case.parts:
        approval: dict[str, Any] = {
            "department": part.department,
            "result_name": "审批结果",
            "result_number": f"RESULT-{part.department}",
            "valid_until": (clock().date() + timedelta(days=5 * 365)).isoformat(),
        }
        case = advance(desk, case, CaseEvent.APPROVE, approval, clock)
    return case


def ready_case(
    desk: Desk,
    clock: Clock,
    codes: Sequence[str] = (FOOD_LICENCE,),
    applicant: Applicant | None = None,
    answers: dict[str, str] | None = None,
) -> Case:
    """A decided case whose result is made (制证完成): waiting at the output window."""
    case = decided_case(desk, clock, codes, applicant, answers)
    return advance(desk, case, CaseEvent.RESULT_READY, {}, clock)


def later(clock: Clock, days: int = 1) -> date:
    """Move ``clock`` on by ``days`` calendar days; the new day."""
    clock.now += timedelta(days=days)
    return clock.now.date()
