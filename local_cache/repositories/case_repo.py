"""Cases, their events, the outbox and the case number counters, as plain dicts and tuples.

A case is stored as its JSON document (``Case.to_dict()``) plus the columns lists and searches
read, which are taken from that document here so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from local_cache.repositories.case_facts import write_facts
from local_cache.schema import (
    CaseEventRow,
    CaseNumberSequence,
    CasePartRow,
    CaseRecord,
    OutboxRow,
)

# Sorts after every character, so ``prefix <= value < prefix + _AFTER`` is a prefix range
# that a plain B-tree index answers (LIKE would not use it with the default collation).
_AFTER = "\U0010ffff"
DRAFT = "draft"
SUMMARY_COLUMNS = (
    CaseRecord.uuid,
    CaseRecord.case_no,
    CaseRecord.state,
    CaseRecord.rated,
    CaseRecord.applicant_name,
    CaseRecord.applicant_number,
    CaseRecord.item_codes,
    CaseRecord.item_names,
    CaseRecord.created_by,
    CaseRecord.updated_at,
    CaseRecord.received_at,
    CaseRecord.decided_at,
    CaseRecord.committed_deadline,
    CaseRecord.deadline_provisional,
)
ITEM_SEPARATOR = "\n"
# A part waits for its department while it is not decided and the case is in review or
# paused (a case sent back for a supplement waits for the applicant instead).
OPEN_PART_STATES = ("in_review", "paused")
OPEN_CASE_STATES = ("in_review", "paused")
_WINDOW = slice(14, 17)  # the window number inside a case number
# Built once: a case write is a cached statement with its values as parameters.
_INSERT_CASE = insert(CaseRecord)
_UPDATE_CASE = update(CaseRecord).where(CaseRecord.uuid == bindparam("case_key"))
# Columns a case list may be sorted by (ties broken by uuid, so pages never overlap).
ORDER_COLUMNS = (
    "case_no",
    "state",
    "applicant_name",
    "applicant_number",
    "item_names",
    "received_at",
    "committed_deadline",
)


@dataclass(frozen=True)
class TextMatch:
    """One way a search text may match; several are combined with OR."""

    column: str  # case_no, applicant_number, applicant_name, applicant_phone
    value: str
    prefix: bool = False
    suffix: bool = False  # the end of the value (no index helps: kept for short searches)


def _columns(data: dict[str, Any]) -> dict[str, Any]:
    applicant = data["applicant"]
    number = (
        applicant["credit_code"] if applicant["kind"] == "organisation" else applicant["id_number"]
    )
    return {
        "case_no": data["case_no"],
        "state": data["state"],
        "rated": data["rated"],
        "applicant_name": applicant["name"].strip(),
        "applicant_number": number.strip().upper(),
        "applicant_phone": applicant["phone"].strip(),
        "item_codes": ",".join(item["basic_code"] for item in data["items"]),
        "item_names": ITEM_SEPARATOR.join(item["name"] for item in data["items"]),
        "created_by": data["created_by"],
        "created_at": datetime.fromisoformat(data["created_at"]),
        "updated_at": datetime.fromisoformat(data["updated_at"]),
        "received_at": _datetime(data["received_at"]),
        "decided_at": _datetime(data["decided_at"]),
        "committed_deadline": _date(data["committed_deadline"]),
        "deadline_provisional": data["deadline_provisional"],
        "data": data,
    }


def part_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``case_parts`` rows of a case document: one per department part."""
    parts = data.get("parts") or []
    if not parts:
        return []
    names = {item["basic_code"]: item["name"] for item in data["items"]}
    case_no = data["case_no"]
    window = case_no[_WINDOW] if case_no else ""
    case_state = data["state"]
    received_at = _datetime(data["received_at"])
    applicant_name = data["applicant"]["name"].strip()
    rows = []
    for part in parts:
        codes = part["item_codes"]
        rows.append(
            {
                "case_uuid": data["uuid"],
                "department": part["department"],
                "lead": bool(part.get("lead")),
                "part_state": part["state"],
                "case_state": case_state,
                "is_open": part["state"] in OPEN_PART_STATES and case_state in OPEN_CASE_STATES,
                "deadline": _date(part.get("deadline")),
                "window_number": int(window) if window.isdigit() else None,
                "item_codes": ",".join(codes),
                "item_names": ITEM_SEPARATOR.join(names.get(code, code) for code in codes),
                "case_no": case_no,
                "applicant_name": applicant_name,
                "received_at": received_at,
            }
        )
    return rows


def write_parts(
    session: Session, documents: Sequence[dict[str, Any]], *, replace: bool = True
) -> None:
    """Make the ``case_parts`` rows of ``documents`` what their ``parts`` say (``replace``:
    the cases may have rows already). Plain statements on the session's connection: the
    sync puller writes thousands of cases a minute through here."""
    connection = session.connection()
    if replace:
        uuids = [data["uuid"] for data in documents]
        connection.execute(delete(CasePartRow).where(CasePartRow.case_uuid.in_(uuids)))
    rows = [row for data in documents for row in part_rows(data)]
    if rows:
        connection.execute(insert(CasePartRow), rows)


def insert_case(session: Session, data: dict[str, Any]) -> None:
    session.connection().execute(_INSERT_CASE, {"uuid": data["uuid"], **_columns(data)})
    if data.get("parts"):
        write_parts(session, [data], replace=False)
    write_facts(session, [data], replace=False)


def save_case(session: Session, data: dict[str, Any]) -> None:
    session.connection().execute(_UPDATE_CASE, {"case_key": data["uuid"], **_columns(data)})
    write_parts(session, [data])
    write_facts(session, [data])


def save_draft(session: Session, data: dict[str, Any]) -> bool:
    """One UPDATE, only while the stored case is still a draft; ``False`` if it is not."""
    result = session.execute(
        update(CaseRecord)
        .where(CaseRecord.uuid == data["uuid"], CaseRecord.state == DRAFT)
        .values(**_columns(data))
    )
    saved = bool(getattr(result, "rowcount", 0))
    if saved:
        write_parts(session, [data])
    return saved


def delete_draft(session: Session, uuid: str) -> bool:
    result = session.execute(
        delete(CaseRecord).where(CaseRecord.uuid == uuid, CaseRecord.state == DRAFT)
    )
    return bool(getattr(result, "rowcount", 0))


def load(session: Session, uuid: str) -> dict[str, Any] | None:
    return session.scalar(select(CaseRecord.data).where(CaseRecord.uuid == uuid))


def load_by_case_no(session: Session, case_no: str) -> dict[str, Any] | None:
    return session.scalar(select(CaseRecord.data).where(CaseRecord.case_no == case_no))


def stored_state(session: Session, uuid: str) -> tuple[str, bool] | None:
    row = session.execute(
        select(CaseRecord.state, CaseRecord.rated).where(CaseRecord.uuid == uuid)
    ).one_or_none()
    return None if row is None else (row.state, row.rated)


def next_sequence(session: Session, centre_code: str, window_number: int, day: date) -> int:
    """Advance and return this window's counter of ``day``, in the caller's transaction."""
    key = {"centre_code": centre_code, "window_number": window_number, "day": day}
    row = session.get(CaseNumberSequence, key)
    if row is None:
        row = CaseNumberSequence(**key, last_sequence=0)
        session.add(row)
    row.last_sequence += 1
    session.flush()
    return row.last_sequence


def next_event_seq(session: Session, case_uuid: str) -> int:
    last = session.scalar(
        select(func.max(CaseEventRow.seq)).where(CaseEventRow.case_uuid == case_uuid)
    )
    return (last or 0) + 1


def add_event(session: Session, **fields: Any) -> None:
    session.add(CaseEventRow(**fields))


def delete_event(session: Session, uuid: str) -> None:
    session.execute(delete(CaseEventRow).where(CaseEventRow.uuid == uuid))


def add_outbox(
    session: Session,
    event_uuid: str,
    case_uuid: str,
    kind: str,
    payload: dict[str, Any],
    created_at: datetime,
) -> None:
    session.add(
        OutboxRow(
            event_uuid=event_uuid,
            case_uuid=case_uuid,
            kind=kind,
            payload=payload,
            created_at=created_at,
        )
    )


def events(session: Session, case_uuid: str) -> list[CaseEventRow]:
    return list(
        session.scalars(
            select(CaseEventRow)
            .where(CaseEventRow.case_uuid == case_uuid)
            .order_by(CaseEventRow.seq)
        )
    )


def drafts(session: Session, created_by: str) -> list[Row[Any]]:
    return list(
        session.execute(
            select(*SUMMARY_COLUMNS)
            .where(CaseRecord.created_by == created_by, CaseRecord.state == DRAFT)
            .order_by(CaseRecord.updated_at.desc())
        )
    )


def find(
    session: Session,
    matches: Sequence[TextMatch] = (),
    state: str | None = None,
    received_from: datetime | None = None,
    received_before: datetime | None = None,
    limit: int = 200,
    order: str = "received_at",
    descending: bool = True,
    offset: int = 0,
) -> list[Row[Any]]:
    """Light rows, newest received first unless ``order`` names another of
    :data:`ORDER_COLUMNS`; drafts only when ``state`` asks for them. ``offset`` skips rows,
    for lists that load page by page."""
    query = select(*SUMMARY_COLUMNS)
    if matches:
        query = query.where(or_(*(_match(m) for m in matches)))
    query = query.where(CaseRecord.state == state if state else CaseRecord.state != DRAFT)
    if received_from is not None:
        query = query.where(CaseRecord.received_at >= received_from)
    if received_before is not None:
        query = query.where(CaseRecord.received_at < received_before)
    if order not in ORDER_COLUMNS:
        raise ValueError(f"cases cannot be sorted by {order!r}")
    column = getattr(CaseRecord, order)
    query = query.order_by(column.desc() if descending else column.asc(), CaseRecord.uuid)
    return list(session.execute(query.limit(limit).offset(offset)))


def summaries(session: Session, uuids: Sequence[str]) -> list[Row[Any]]:
    """The light rows of ``uuids`` (those that exist, drafts too), in no particular order."""
    return list(session.execute(select(*SUMMARY_COLUMNS).where(CaseRecord.uuid.in_(list(uuids)))))


def documents(session: Session, uuids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored documents of ``uuids`` (those that exist), by uuid."""
    rows = session.execute(
        select(CaseRecord.uuid, CaseRecord.data).where(CaseRecord.uuid.in_(list(uuids)))
    )
    return {row.uuid: row.data for row in rows}


def _match(match: TextMatch) -> ColumnElement[bool]:
    column: InstrumentedAttribute[str] = getattr(CaseRecord, match.column)
    if match.suffix:
        return column.endswith(match.value, autoescape=True)
    if match.prefix:
        return (column >= match.value) & (column < match.value + _AFTER)
    return column == match.value


def latest_by_applicant_number(session: Session, number: str) -> dict[str, Any] | None:
    return session.scalar(
        select(CaseRecord.data)
        .where(CaseRecord.applicant_number == number)
        .order_by(CaseRecord.updated_at.desc())
        .limit(1)
    )


def applicant_cases_since(
    session: Session, number: str, received_from: datetime, except_uuid: str
) -> list[dict[str, Any]]:
    """The documents of the applicant's cases (not drafts, not ``except_uuid``) received
    from ``received_from`` on, newest first; found through the applicant number index."""
    return list(
        session.scalars(
            select(CaseRecord.data)
            .where(
                CaseRecord.applicant_number == number,
                CaseRecord.state != DRAFT,
                CaseRecord.uuid != except_uuid,
                CaseRecord.received_at >= received_from,
            )
            .order_by(CaseRecord.received_at.desc(), CaseRecord.uuid)
        )
    )


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def with_deadline(session: Session, states: Sequence[str]) -> list[dict[str, Any]]:
    """The documents of the cases in ``states`` that have a committed deadline."""
    return list(
        session.scalars(
            select(CaseRecord.data)
            .where(CaseRecord.state.in_(states), CaseRecord.committed_deadline.is_not(None))
            .order_by(CaseRecord.case_no)
        )
    )
