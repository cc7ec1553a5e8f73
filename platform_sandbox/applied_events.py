"""The review and output events: the platform derives the case after them with the desk's own
:func:`clerk_desk.domain.case_effects.apply_event`, on the case it holds.

So routing, the parts and their clocks, special procedures, decisions, payments and the
delivery record are computed by the same code on both ends, with the built-in official
calendar (``chinesecalendar``). A refusal of the rules becomes a 409 (a step the life cycle
or the part does not allow) or a 422 naming the event field at fault (``event.payload.<key>``,
``event.reason``), with the rule's message in Chinese.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_effects import APPLIED_EVENTS, apply_event
from clerk_desk.domain.case_states import (
    PART_EVENTS,
    CaseEvent,
    CaseState,
    TransitionRefused,
    next_state,
)
from clerk_desk.domain.review_rules import EventRefused
from platform_sandbox.errors import Problem, conflict, invalid
from platform_sandbox.messages import PLATFORM_LANGUAGE

CALENDAR = WorkCalendar()
APPLIED = frozenset(str(event) for event in APPLIED_EVENTS)
_REVIEWING = frozenset({CaseState.IN_REVIEW, CaseState.PAUSED})


def is_applied(name: str) -> bool:
    return name in APPLIED


def applied_case(stored: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The case (JSON) after ``event`` (JSON, one of :data:`APPLIED`); 409 / 422 if refused,
    422 on ``event.to_state`` when the event names another state than the rules give."""
    case = Case.from_dict(stored)
    name = CaseEvent(event["event"])
    try:
        if name in PART_EVENTS and case.state not in _REVIEWING:
            next_state(case.state, name)  # refuses the step before looking at its fields
        target = apply_event(
            case,
            name,
            event["payload"],
            reason=event["reason"],
            at=datetime.fromisoformat(event["at"]),
            by=event["by"],
            calendar=CALENDAR,
        )
    except TransitionRefused as refusal:
        raise conflict(refusal.render(PLATFORM_LANGUAGE)) from refusal
    except EventRefused as refusal:
        field = "event.reason" if refusal.key == "reason" else f"event.payload.{refusal.key}"
        raise invalid([Problem(field=field, message=refusal.render(PLATFORM_LANGUAGE))]) from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # A payload of the wrong shape the rules did not name (a file record without its keys).
        raise invalid([Problem(field="event.payload", message="内容格式不正确")]) from error
    if event["to_state"] != target:
        raise invalid([Problem(field="event.to_state", message=f"应为{target}")])
    return case.to_dict()
