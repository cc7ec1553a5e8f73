"""What a review or output event does to a case, in one place for the desk and the platform.

The desk's services build an event's payload, apply it here to a copy of the case and record
the result; the platform applies the same event to the case it holds and refuses the event
when the desk's document says anything else. So both ends compute the parts, the clock and the
records with the same code, and a hostile desk cannot set what the rules would not.

:func:`apply_event` mutates ``case`` (pass a copy) and returns the state after the event; it
raises :class:`~clerk_desk.domain.case_states.TransitionRefused` for a step the life cycle or
the part does not allow and :class:`~clerk_desk.domain.review_rules.EventRefused` for a
missing or wrong field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from clerk_desk.domain import output_rules, review_rules
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_states import PART_EVENTS, CaseEvent, CaseState, next_state

APPLIED_EVENTS: frozenset[CaseEvent] = frozenset(
    {
        CaseEvent.ROUTE,
        CaseEvent.PAUSE,
        CaseEvent.RESUME,
        CaseEvent.EXTEND,
        CaseEvent.APPROVE,
        CaseEvent.DENY,
        CaseEvent.REQUEST_SUPPLEMENT,
        CaseEvent.RESULT_READY,
        CaseEvent.PAY,
        CaseEvent.HAND_OVER,
        CaseEvent.SHIP,
        CaseEvent.DELIVER,
        CaseEvent.ATTACH_TRANSFER_SHEET,
    }
)
"""Events whose effect on the case is computed here (the intake decisions are the intake
service's and the platform's ``event_effects``)."""


def apply_event(
    case: Case,
    event: CaseEvent,
    payload: dict[str, Any],
    *,
    reason: str,
    at: datetime,
    by: str,
    calendar: WorkCalendar,
) -> CaseState:
    """Apply ``event`` to ``case`` (mutated) and return the state after it."""
    if event in PART_EVENTS:
        target = _part_event(case, event, payload, reason, at, by, calendar)
    else:
        next_state(case.state, event, reason)
        target = _case_event(case, event, payload, reason, at, by, calendar)
    case.state = target
    case.updated_at = at
    return target


def _part_event(
    case: Case,
    event: CaseEvent,
    payload: dict[str, Any],
    reason: str,
    at: datetime,
    by: str,
    calendar: WorkCalendar,
) -> CaseState:
    if event is CaseEvent.PAUSE:
        return review_rules.pause(case, payload, reason, at, by)
    if event is CaseEvent.RESUME:
        return review_rules.resume(case, payload, at, calendar)
    if event is CaseEvent.EXTEND:
        return review_rules.extend(case, payload, reason, at, by, calendar)
    if event is CaseEvent.APPROVE:
        return review_rules.approve(case, payload, at, by)
    return review_rules.deny(case, payload, reason, at, by)


def _case_event(
    case: Case,
    event: CaseEvent,
    payload: dict[str, Any],
    reason: str,
    at: datetime,
    by: str,
    calendar: WorkCalendar,
) -> CaseState:
    if event is CaseEvent.ROUTE:
        return review_rules.route(case, payload, calendar)
    if event is CaseEvent.REQUEST_SUPPLEMENT:
        return review_rules.request_supplement(case, payload, reason)
    if event is CaseEvent.RESULT_READY:
        case.result_ready_at = at
        return CaseState.READY_FOR_PICKUP
    if event is CaseEvent.PAY:
        return output_rules.pay(case, payload, at, by)
    if event is CaseEvent.HAND_OVER:
        return output_rules.hand_over(case, payload, at, by)
    if event is CaseEvent.SHIP:
        return output_rules.ship(case, payload, at, by)
    if event is CaseEvent.DELIVER:
        return output_rules.deliver(case, payload, at)
    if event is CaseEvent.ATTACH_TRANSFER_SHEET:
        return output_rules.attach_transfer_sheet(case, payload)
    raise ValueError(f"{event} is not applied here")
