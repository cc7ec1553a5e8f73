"""Who may do what on the platform: the Roles table of ``docs/platform-contract.md`` as data.

The platform enforces it (403 for anything else); the desk reads the same table only to shape
its UI (which actions to offer). Pure data and two questions, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED, CaseEvent
from clerk_desk.domain.roles import Role


class Call(StrEnum):
    """The kinds of platform call the table distinguishes (events are decided by their name)."""

    CATALOG = "catalog"
    PUT_CASE = "put_case"
    READ_CASES = "read_cases"  # GET a case, the list of cases, the change feed
    BLOB_WRITE = "blob_write"  # HEAD and PATCH of a blob
    BLOB_READ = "blob_read"  # GET of a blob's bytes
    RECORD_RATING = "record_rating"  # PUT of a service contact or its rating (好差评)
    FOLLOWUP_STEP = "followup_step"  # POST of a 差评 follow-up step
    READ_RATINGS = "read_ratings"  # GET of the ratings feed
    RATING_REASONS = "rating_reasons"  # GET of the reasons list


_INTAKE, _REVIEW, _OUTPUT, _SUPER, _ADMIN = (
    Role.INTAKE_CLERK,
    Role.REVIEWER,
    Role.OUTPUT_CLERK,
    Role.SUPERVISOR,
    Role.ADMIN,
)

CALL_ROLES: dict[Call, frozenset[Role]] = {
    Call.CATALOG: frozenset(Role),
    Call.PUT_CASE: frozenset({_INTAKE, _SUPER}),
    Call.READ_CASES: frozenset({_INTAKE, _REVIEW, _OUTPUT, _SUPER}),
    Call.BLOB_WRITE: frozenset({_INTAKE, _OUTPUT, _SUPER}),
    Call.BLOB_READ: frozenset({_INTAKE, _REVIEW, _OUTPUT, _SUPER}),
    # A contact and its rating come from the window that served the visitor.
    Call.RECORD_RATING: frozenset({_INTAKE, _OUTPUT, _SUPER}),
    # A reviewer only on a 差评 of their own department (the platform checks it).
    Call.FOLLOWUP_STEP: frozenset({_REVIEW, _SUPER}),
    Call.READ_RATINGS: frozenset({_INTAKE, _REVIEW, _OUTPUT, _SUPER}),
    Call.RATING_REASONS: frozenset(Role),
}

_INTAKE_EVENTS = (
    CaseEvent.ACCEPT,
    CaseEvent.ACCEPT_WITH_GAPS,
    CaseEvent.NOTIFY_MISSING,
    CaseEvent.SUPPLEMENT,
    CaseEvent.REJECT,
    CaseEvent.ROUTE,
    CaseEvent.WITHDRAW,
)
_REVIEW_EVENTS = (
    CaseEvent.PAUSE,
    CaseEvent.RESUME,
    CaseEvent.EXTEND,
    CaseEvent.REQUEST_SUPPLEMENT,
    CaseEvent.APPROVE,
    CaseEvent.DENY,
    CaseEvent.RESULT_READY,
    CaseEvent.TERMINATE,
)
_OUTPUT_EVENTS = (
    CaseEvent.HAND_OVER,
    CaseEvent.SHIP,
    CaseEvent.DELIVER,
    CaseEvent.PAY,
    CaseEvent.RATE,
)

EVENT_ROLES: dict[str, frozenset[Role]] = {
    # ``submit`` travels only inside PUT of the case, so it has the PUT's roles.
    str(CaseEvent.SUBMIT): CALL_ROLES[Call.PUT_CASE],
    **{str(event): frozenset({_INTAKE, _SUPER}) for event in _INTAKE_EVENTS},
    **{str(event): frozenset({_REVIEW, _SUPER}) for event in _REVIEW_EVENTS},
    **{str(event): frozenset({_INTAKE, _OUTPUT, _SUPER}) for event in _OUTPUT_EVENTS},
    # The signed 材料流转单 is scanned where it comes back: at the window or in the back office.
    str(CaseEvent.ATTACH_TRANSFER_SHEET): frozenset({_INTAKE, _REVIEW, _OUTPUT, _SUPER}),
    DEADLINE_RECOMPUTED: frozenset({_INTAKE, _SUPER, _ADMIN}),
}

POSTABLE_EVENTS: tuple[str, ...] = tuple(
    name for name in EVENT_ROLES if name != str(CaseEvent.SUBMIT)
)
"""Event names ``POST /cases/{uuid}/events`` takes (``submit`` comes with PUT)."""


def may_call(roles: Iterable[Role | str], call: Call) -> bool:
    allowed = CALL_ROLES[call]
    return any(role in allowed for role in roles)


def may_post_event(roles: Iterable[Role | str], event: str) -> bool:
    """Unknown event names are allowed to nobody."""
    allowed = EVENT_ROLES.get(event, frozenset())
    return any(role in allowed for role in roles)
