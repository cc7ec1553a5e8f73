"""``PUT /cases/{uuid}`` (idempotent create), ``GET /cases/{uuid}``, ``GET /cases``.

A reviewer reads only the cases their department has a share in (:mod:`platform_sandbox.scoping`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.limits import TEXT_MAX
from clerk_desk.domain.permissions import Call
from platform_sandbox import case_store
from platform_sandbox.canonical import digest
from platform_sandbox.case_checks import (
    blob_problems,
    case_no_problems,
    consistency_problems,
    desk_problems,
    identity_problems,
)
from platform_sandbox.case_models import (
    NO_NUL_PATTERN,
    UUID_PATTERN,
    CaseBody,
    CaseDetail,
    CaseList,
    CaseReply,
)
from platform_sandbox.deps import PlatformDep, Principal, require
from platform_sandbox.errors import (
    Problem,
    conflict,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from platform_sandbox.models import CaseRow
from platform_sandbox.scoping import check_readable, reading_department

router = APIRouter(tags=["cases"])

CaseUuid = Annotated[str, Path(pattern=UUID_PATTERN, description="the case's desk-made UUID")]
Writer = Annotated[Principal, Depends(require(Call.PUT_CASE))]
Reader = Annotated[Principal, Depends(require(Call.READ_CASES))]
MAX_LIMIT = 500
MAX_CURSOR = 2**62


@router.put(
    "/cases/{uuid}",
    response_model=CaseReply,
    status_code=201,
    responses={
        200: {"model": CaseReply, "description": "the same body again: the first reply"},
        **error_responses(401, 403, 409, 422),
    },
)
def put_case(uuid: CaseUuid, body: CaseBody, platform: PlatformDep, who: Writer) -> JSONResponse:
    if body.event.by != who.username:
        raise forbidden("事件的操作人必须是当前登录的账号")
    document = body.case.model_dump(mode="json")
    event = body.event.model_dump(mode="json")
    body_hash = digest({"case": document, "event": event})
    problems = consistency_problems(uuid, body.case, body.event)
    problems += _opening_problems(body)
    problems += case_no_problems(body.case.case_no, who.centre_code)
    problems += desk_problems(who.desk_id, body.case, body.event)
    problems += identity_problems(body.case, date.today())
    with platform.database.write() as session:
        counter = case_store.lock_writers(session)
        existing = case_store.case_by_uuid(session, uuid)
        if existing is not None:
            if existing.body_hash == body_hash:
                return JSONResponse(existing.create_reply, status_code=200)
            raise conflict(f"办件{uuid}已存在，且内容与本次提交不同")
        problems += blob_problems(session, body.case)
        if problems:
            raise invalid(problems)
        if case_store.case_no_holder(session, body.case.case_no, uuid):
            raise conflict(f"办件编号{body.case.case_no}已被另一个办件使用")
        if case_store.event_by_uuid(session, body.event.uuid) is not None:
            raise conflict(f"事件{body.event.uuid}已属于另一个办件")
        row = CaseRow(
            uuid=uuid,
            centre_code=who.centre_code,
            desk_id=who.desk_id,
            event_count=0,
            body_hash=body_hash,
        )
        case_store.apply_document(row, document)
        session.add(row)
        session.flush()
        case_store.index_case(session, row)
        reply = case_store.record(session, counter, row, event, "case_created")
        row.create_reply = reply
    return JSONResponse(reply, status_code=201)


def _opening_problems(body: CaseBody) -> list[Problem]:
    event = body.event
    problems = []
    if event.event != CaseEvent.SUBMIT:
        problems.append(Problem(field="event.event", message="新建办件的事件应为submit"))
    if event.from_state != CaseState.DRAFT:
        problems.append(Problem(field="event.from_state", message="应为draft"))
    if event.to_state != CaseState.RECEIVED:
        problems.append(Problem(field="event.to_state", message="应为received"))
    case = body.case
    if case.received_at != event.at:
        problems.append(Problem(field="case.received_at", message="应为收件事件的时间"))
    if case.updated_at != event.at:
        problems.append(Problem(field="case.updated_at", message="应为收件事件的时间"))
    decided = {
        "decided_at": case.decided_at is not None,
        "accepted_on": case.accepted_on is not None,
        "committed_deadline": case.committed_deadline is not None,
        "deadline_provisional": case.deadline_provisional,
        "supplement_deadline": case.supplement_deadline is not None,
        "rated": case.rated,
        "parts": bool(case.parts),
        "procedures": bool(case.procedures),
        "concluded_at": case.concluded_at is not None,
        "result_ready_at": case.result_ready_at is not None,
        "fee_due": case.fee_due != "0.00",
        "payments": bool(case.payments),
        "delivery": case.delivery is not None,
        "transfer_sheets": bool(case.transfer_sheets),
    }
    problems += [
        Problem(field=f"case.{name}", message="新收件的办件尚无此项，由之后的事件设定")
        for name, present in decided.items()
        if present
    ]
    return problems


@router.get(
    "/cases/{uuid}", response_model=CaseDetail, responses=error_responses(401, 403, 404, 422)
)
def get_case(uuid: CaseUuid, platform: PlatformDep, who: Reader) -> JSONResponse:
    with platform.database.read() as session:
        row = case_store.case_by_uuid(session, uuid, who.centre_code)
        if row is None:
            raise not_found("找不到该办件")
        check_readable(who, row.document)
        detail = {**case_store.case_view(row), "history": case_store.history(session, row)}
    return JSONResponse(detail)


@router.get("/cases", response_model=CaseList, responses=error_responses(401, 403, 422))
def list_cases(
    platform: PlatformDep,
    who: Reader,
    case_no: Annotated[str | None, Query(max_length=40, pattern=NO_NUL_PATTERN)] = None,
    state: CaseState | None = None,
    department: Annotated[
        str | None,
        Query(max_length=TEXT_MAX, description="only cases this department has a share in"),
    ] = None,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> JSONResponse:
    departments = tuple(name for name in (reading_department(who), department) if name is not None)
    with platform.database.read() as session:
        rows, next_after = case_store.list_cases(
            session,
            who.centre_code,
            case_no,
            None if state is None else str(state),
            after,
            limit,
            departments,
        )
        cases = [case_store.case_view(row) for row in rows]
    return JSONResponse({"cases": cases, "next_after": next_after})
