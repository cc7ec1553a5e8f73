"""``GET /changes``: what happened to the cases of the caller's centre, by server sequence
(for a reviewer: to the cases their department has a share in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from clerk_desk.domain.permissions import Call
from platform_sandbox import case_store
from platform_sandbox.case_models import ChangeList
from platform_sandbox.cases import MAX_CURSOR, MAX_LIMIT
from platform_sandbox.deps import PlatformDep, Principal, require
from platform_sandbox.errors import error_responses
from platform_sandbox.scoping import reading_department

router = APIRouter(tags=["changes"])


@router.get("/changes", response_model=ChangeList, responses=error_responses(401, 403, 422))
def get_changes(
    platform: PlatformDep,
    who: Annotated[Principal, Depends(require(Call.READ_CASES))],
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> JSONResponse:
    with platform.database.read() as session:
        rows, more = case_store.changes(
            session, who.centre_code, after, limit, reading_department(who)
        )
        changes = [
            {
                "seq": row.seq,
                "kind": row.kind,
                "case_uuid": row.case_uuid,
                "case": row.case_view,
                "event": row.event,
            }
            for row in rows
        ]
    last_seq = rows[-1].seq if rows else after
    return JSONResponse({"changes": changes, "last_seq": last_seq, "more": more})
