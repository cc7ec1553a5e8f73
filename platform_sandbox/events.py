"""``POST /cases/{uuid}/events``: a later step of a case, checked against the life cycle.

The case after the event is derived from the stored case and the event's own fields
(:mod:`platform_sandbox.event_effects`); the document the desk sends must agree with it. A
reviewer acts only within their department (:func:`~platform_sandbox.case_checks.check_department`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from clerk_desk.domain.case_states import (
    DEADLINE_RECOMPUTED,
    CaseEvent,
    CaseState,
    TransitionRefused,
    next_state,
)
from clerk_desk.domain.permissions import may_post_event
from platform_sandbox import case_store
from platform_sandbox.applied_events import is_applied
from platform_sandbox.case_checks import blob_problems, consistency_problems, desk_problems
from platform_sandbox.case_models import CaseReply, EventBody
from platform_sandbox.cases import CaseUuid
from platform_sandbox.deps import PlatformDep, Principal, current_principal
from platform_sandbox.errors import (
    Problem,
    conflict,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from platform_sandbox.event_effects import derive
from platform_sandbox.messages import PLATFORM_LANGUAGE, state_label
from platform_sandbox.models import CaseRow
from platform_sandbox.scoping import check_department

router = APIRouter(tags=["cases"])


@router.post(
    "/cases/{uuid}/events",
    response_model=CaseReply,
    status_code=201,
    responses={
        200: {"model": CaseReply, "description": "the event was stored before: its reply"},
        **error_responses(401, 403, 404, 409, 422),
    },
)
def post_event(
    uuid: CaseUuid,
    body: EventBody,
    platform: PlatformDep,
    who: Annotated[Principal, Depends(current_principal)],
) -> JSONResponse:
    event = body.event
    name = str(event.event)
    if not may_post_event(who.roles, name) or name == CaseEvent.SUBMIT:
        raise forbidden(f"当前账号的角色无权提交“{name}”事件")
    if event.by != who.username:
        raise forbidden("事件的操作人必须是当前登录的账号")
    problems = consistency_problems(uuid, body.case, event)
    problems += desk_problems(who.desk_id, event=event)
    sent = body.case.model_dump(mode="json")
    data = event.model_dump(mode="json")
    with platform.database.write() as session:
        counter = case_store.lock_writers(session)
        stored = case_store.event_by_uuid(session, event.uuid)
        if stored is not None:
            if stored.reply["case"]["uuid"] != uuid:
                raise conflict(f"事件{event.uuid}已属于另一个办件")
            return JSONResponse(stored.reply, status_code=200)
        row = case_store.case_by_uuid(session, uuid, who.centre_code)
        if row is None:
            raise not_found("找不到该办件")
        check_department(who, name, row.document, event.payload)
        if problems:
            raise invalid(problems)
        _check_transition(row, body)
        document = derive(row.document, data, sent)
        problems = blob_problems(session, body.case, event.payload)
        if problems:
            raise invalid(problems)
        case_store.apply_document(row, document)
        case_store.index_case(session, row)
        reply = case_store.record(session, counter, row, data, "event")
    return JSONResponse(reply, status_code=201)


def _check_transition(row: CaseRow, body: EventBody) -> None:
    """409 unless the event starts from the stored state and the life cycle allows it (the
    review and output events are checked by their rules as they are applied)."""
    event = body.event
    stored = CaseState(row.state)
    if event.from_state != stored:
        raise conflict(
            f"平台上该办件的状态为“{state_label(stored)}”，"
            f"而事件的起始状态为“{state_label(event.from_state)}”"
        )
    if is_applied(str(event.event)):
        return
    if event.event == DEADLINE_RECOMPUTED:
        target = stored
    else:
        try:
            target = next_state(stored, CaseEvent(event.event), event.reason)
        except TransitionRefused as refusal:
            raise conflict(refusal.render(PLATFORM_LANGUAGE)) from refusal
    if event.to_state != target:
        raise invalid([Problem(field="event.to_state", message=f"应为{target}")])
