"""Reading and writing cases, their events and the change feed, inside a caller's session.

Every write transaction that creates a case or stores an event first locks the counter row
(:func:`lock_writers`), then reads what it needs: on PostgreSQL the row lock makes such
writers queue, so each one sees everything committed before it and change ``seq`` rises in
commit order; on SQLite ``BEGIN IMMEDIATE`` already does both.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from platform_sandbox.models import CaseBlob, CaseDepartment, CaseRow, ChangeRow, Counter, EventRow
from platform_sandbox.scoping import departments_of


def lock_writers(session: Session) -> Counter:
    counter = session.get(Counter, 1, with_for_update=True)
    assert counter is not None, "the counter row is created with the schema"
    return counter


def case_by_uuid(session: Session, uuid: str, centre_code: str | None = None) -> CaseRow | None:
    query = select(CaseRow).where(CaseRow.uuid == uuid)
    if centre_code is not None:
        query = query.where(CaseRow.centre_code == centre_code)
    return session.scalar(query)


def case_no_holder(session: Session, case_no: str | None, uuid: str) -> bool:
    """Whether another case than ``uuid`` holds ``case_no``."""
    if case_no is None:
        return False
    holder = session.scalar(select(CaseRow.uuid).where(CaseRow.case_no == case_no))
    return holder is not None and holder != uuid


def event_by_uuid(session: Session, uuid: str) -> EventRow | None:
    return session.scalar(select(EventRow).where(EventRow.uuid == uuid))


def case_view(row: CaseRow) -> dict[str, Any]:
    document = row.document
    return {
        "uuid": row.uuid,
        "case_no": row.case_no,
        "state": row.state,
        "centre_code": row.centre_code,
        "desk_id": row.desk_id,
        "items": [item["basic_code"] for item in document["items"]],
        "received_at": document["received_at"],
        "decided_at": document["decided_at"],
        "updated_at": document["updated_at"],
        "events": row.event_count,
        "document": document,
    }


def history(session: Session, row: CaseRow) -> list[dict[str, Any]]:
    return list(
        session.scalars(
            select(EventRow.data).where(EventRow.case_id == row.id).order_by(EventRow.id)
        )
    )


def apply_document(row: CaseRow, document: dict[str, Any]) -> None:
    """Store ``document`` (as the platform derived it) and copy its indexed columns."""
    row.document = document
    row.case_no = document["case_no"]
    row.state = document["state"]
    row.rated = bool(document["rated"])


def department_key(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def referenced_blobs(document: dict[str, Any]) -> set[str]:
    """The sha256 of every file a case document names."""
    hashes = {
        str(file["sha256"]) for material in document["materials"] for file in material["files"]
    }
    return hashes | {str(file["sha256"]) for file in document["transfer_sheets"]}


def index_case(session: Session, row: CaseRow) -> None:
    """Keep ``case_departments`` and ``case_blobs`` up to date with ``row``'s document (after
    it was flushed): both only grow, as a case's items stay and its files are kept."""
    held = set(
        session.scalars(
            select(CaseDepartment.department_key).where(CaseDepartment.case_id == row.id)
        )
    )
    for key in {department_key(name) for name in departments_of(row.document)} - held:
        session.add(CaseDepartment(case_id=row.id, department_key=key))
    files = set(session.scalars(select(CaseBlob.sha256).where(CaseBlob.case_id == row.id)))
    for sha256 in referenced_blobs(row.document) - files:
        session.add(CaseBlob(case_id=row.id, sha256=sha256))


def _of_department(department: str) -> Select[int]:
    return select(CaseDepartment.case_id).where(
        CaseDepartment.department_key == department_key(department)
    )


def blob_of_department(session: Session, sha256: str, centre_code: str, department: str) -> bool:
    """Whether a case of ``department`` (in the centre) names the blob ``sha256``."""
    query = select(CaseBlob.case_id).join(CaseRow, CaseRow.id == CaseBlob.case_id)
    query = query.where(
        CaseBlob.sha256 == sha256,
        CaseRow.centre_code == centre_code,
        CaseBlob.case_id.in_(_of_department(department)),
    )
    return bool(session.scalar(select(exists(query))))


def record(
    session: Session,
    counter: Counter,
    row: CaseRow,
    event: dict[str, Any],
    kind: str,
) -> dict[str, Any]:
    """Store ``event`` of ``row`` and its change; return the reply (stored with the event)."""
    row.event_count += 1
    event_row = EventRow(uuid=event["uuid"], case_id=row.id, event=event["event"], data=event)
    counter.value += 1
    view = case_view(row)
    reply = {"case": view, "event": event, "seq": counter.value}
    event_row.reply = reply
    session.add(event_row)
    session.add(
        ChangeRow(
            seq=counter.value,
            kind=kind,
            case_uuid=row.uuid,
            centre_code=row.centre_code,
            case_view=view,
            event=event,
        )
    )
    session.flush()
    return reply


def list_cases(
    session: Session,
    centre_code: str,
    case_no: str | None,
    state: str | None,
    after: int,
    limit: int,
    departments: tuple[str, ...] = (),
) -> tuple[list[CaseRow], int | None]:
    """One page by row id after ``after``; the cursor of the next page, or ``None`` at the end.
    Each of ``departments`` must have a share in the case."""
    query = select(CaseRow).where(CaseRow.centre_code == centre_code, CaseRow.id > after)
    for department in departments:
        query = query.where(CaseRow.id.in_(_of_department(department)))
    if case_no is not None:
        query = query.where(CaseRow.case_no == case_no)
    if state is not None:
        query = query.where(CaseRow.state == state)
    rows = list(session.scalars(query.order_by(CaseRow.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].id if more else None


def changes(
    session: Session, centre_code: str, after: int, limit: int, department: str | None = None
) -> tuple[list[ChangeRow], bool]:
    """Changes after ``after`` (of the cases ``department`` has a share in, if given)."""
    query = select(ChangeRow).where(ChangeRow.centre_code == centre_code, ChangeRow.seq > after)
    if department is not None:
        cases = select(CaseRow.uuid).where(CaseRow.id.in_(_of_department(department)))
        query = query.where(ChangeRow.case_uuid.in_(cases))
    rows = list(session.scalars(query.order_by(ChangeRow.seq).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def count_distinct_case_numbers(session: Session) -> int:
    return int(session.scalar(select(func.count(func.distinct(CaseRow.case_no)))) or 0)
