"""Department scoping: a reviewer acts on, and reads, only what their department handles.

The platform trusts no desk, so it checks this itself. A caller who has another role allowing
the call (a supervisor, an intake or output clerk) is not scoped; a caller whose only such
role is ``reviewer`` is scoped to their account's department:

- part events (pause, resume, extend, approve, deny) and ``request_supplement`` only for
  ``payload.department`` = their department, on a case their department has a share in;
- ``result_ready``, ``terminate`` and ``attach_transfer_sheet`` only on such a case;
- a case, the list of cases, the change feed and blob bytes only of such cases.

A case's departments are those of its items and its parts (:func:`departments_of`); the
platform keeps them in ``case_departments`` so lists and the feed filter by index.
"""

from __future__ import annotations

from typing import Any

from clerk_desk.domain.case_states import PART_EVENTS, CaseEvent
from clerk_desk.domain.permissions import Call, may_call, may_post_event
from clerk_desk.domain.roles import Role
from platform_sandbox.deps import Principal
from platform_sandbox.errors import ApiError, forbidden

# Events that act on one department's share: they name it in ``payload.department``.
_PART_SCOPED = frozenset(str(event) for event in (*PART_EVENTS, CaseEvent.REQUEST_SUPPLEMENT))


def departments_of(document: dict[str, Any]) -> set[str]:
    """The departments that have a share in a case: of its items and of its parts."""
    items = (str(item["department"]) for item in document["items"])
    parts = (str(part["department"]) for part in document.get("parts") or ())
    return {*items, *parts}


def _others(who: Principal) -> list[str]:
    return [role for role in who.roles if role != Role.REVIEWER]


def reading_department(who: Principal) -> str | None:
    """The department ``who`` reads within, or ``None`` when they read the whole centre."""
    if may_call(_others(who), Call.READ_CASES):
        return None
    return who.department


def blob_department(who: Principal) -> str | None:
    """As :func:`reading_department`, for blob bytes."""
    if may_call(_others(who), Call.BLOB_READ):
        return None
    return who.department


def _not_yours(who: Principal) -> ApiError:
    return forbidden(f"该办件不属于当前审批人员所在的部门（{who.department or '未设置'}）")


def check_readable(who: Principal, document: dict[str, Any]) -> None:
    """403 when ``who`` reads within a department that has no share in the case."""
    department = reading_department(who)
    if department is not None and department not in departments_of(document):
        raise _not_yours(who)


def check_department(
    who: Principal, event: str, document: dict[str, Any], payload: dict[str, Any]
) -> None:
    """403 when ``who`` may post ``event`` only as a reviewer and acts outside their
    department (a supervisor acts on every case of the centre)."""
    if may_post_event(_others(who), event) or not may_post_event(who.roles, event):
        return
    if who.department not in departments_of(document):
        raise _not_yours(who)
    if event in _PART_SCOPED and payload.get("department") != who.department:
        raise forbidden(f"审批人员只能处理本部门（{who.department or '未设置'}）的审批部分")
