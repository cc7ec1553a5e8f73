"""The sync engine's rows: the outbox as it drains, the key/value sync state, sync problems.

Every function works inside the caller's session, so a row's deletion, a pulled change and
the cursor's advance commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from local_cache.schema import CaseEventRow, CaseRecord, OutboxRow, SyncProblemRow, SyncState

# The author of an outbox row: ``event.by`` for case events, ``change.by`` for the rows the
# deadline recomputation writes; for 好差评 rows who served (contact, rating) or recorded
# the follow-up step.
_AUTHORS = text(
    """
    SELECT DISTINCT coalesce(json_extract(payload, '$.event.by'),
                             json_extract(payload, '$.change.by'),
                             json_extract(payload, '$.contact.staff'),
                             json_extract(payload, '$.rating.staff'),
                             json_extract(payload, '$.step.by'))
    FROM outbox
    WHERE id NOT IN (SELECT outbox_id FROM sync_problems WHERE resolved_at IS NULL)
    """
)


@dataclass(frozen=True)
class PendingRow:
    """An outbox row as the engine sends it (a plain copy: no session needed later)."""

    id: int
    event_uuid: str
    case_uuid: str
    kind: str
    payload: dict[str, Any]


def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def outbox(session: Session) -> list[PendingRow]:
    """Every outbox row, oldest first (the order the platform must see them in per case)."""
    rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id))
    return [
        PendingRow(row.id, row.event_uuid, row.case_uuid, row.kind, dict(row.payload))
        for row in rows
    ]


def outbox_row(session: Session, row_id: int) -> OutboxRow | None:
    return session.get(OutboxRow, row_id)


def later_rows(session: Session, case_uuid: str, after_id: int) -> list[OutboxRow]:
    return list(
        session.scalars(
            select(OutboxRow)
            .where(OutboxRow.case_uuid == case_uuid, OutboxRow.id > after_id)
            .order_by(OutboxRow.id)
        )
    )


def set_payload(session: Session, row_id: int, payload: dict[str, Any]) -> None:
    session.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(payload=payload))


def delete_outbox(session: Session, row_id: int) -> None:
    session.execute(delete(OutboxRow).where(OutboxRow.id == row_id))


def record_failure(session: Session, row_id: int, error: str, next_attempt_at: datetime) -> None:
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == row_id)
        .values(attempts=OutboxRow.attempts + 1, last_error=error, next_attempt_at=next_attempt_at)
    )


def reset_attempts(session: Session, row_id: int) -> None:
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == row_id)
        .values(attempts=0, last_error="", next_attempt_at=None)
    )


def pending_count(session: Session) -> int:
    """Outbox rows not held by an open problem."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.id.not_in(_open_problem_rows()))
        )
        or 0
    )


def authors(session: Session) -> set[str]:
    """Who wrote the outbox rows not held by an open problem (their tokens send them)."""
    return {author for (author,) in session.execute(_AUTHORS) if author}


def has_outbox(session: Session, case_uuid: str) -> bool:
    return (
        session.scalar(select(OutboxRow.id).where(OutboxRow.case_uuid == case_uuid).limit(1))
        is not None
    )


def add_problem(session: Session, **fields: Any) -> None:
    session.add(SyncProblemRow(**fields))


def open_problems(session: Session) -> list[tuple[SyncProblemRow, str | None]]:
    """Open problems, oldest first, each with the local case number of its case."""
    rows = session.execute(
        select(SyncProblemRow, CaseRecord.case_no)
        .outerjoin(CaseRecord, CaseRecord.uuid == SyncProblemRow.case_uuid)
        .where(SyncProblemRow.resolved_at.is_(None))
        .order_by(SyncProblemRow.id)
    )
    return [(problem, case_no) for problem, case_no in rows]


def open_problem(session: Session, problem_id: int) -> SyncProblemRow | None:
    return session.scalar(
        select(SyncProblemRow).where(
            SyncProblemRow.id == problem_id, SyncProblemRow.resolved_at.is_(None)
        )
    )


def open_problem_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(SyncProblemRow)
            .where(SyncProblemRow.resolved_at.is_(None))
        )
        or 0
    )


def blocked_outbox_ids(session: Session) -> set[int]:
    return set(session.scalars(_open_problem_rows()))


def resolve_problem(
    session: Session, problem_id: int, resolution: str, by: str, reason: str, at: datetime
) -> None:
    session.execute(
        update(SyncProblemRow)
        .where(SyncProblemRow.id == problem_id)
        .values(resolved_at=at, resolution=resolution, resolved_by=by, resolution_reason=reason)
    )


def known_events(session: Session, uuids: list[str]) -> set[str]:
    return set(session.scalars(select(CaseEventRow.uuid).where(CaseEventRow.uuid.in_(uuids))))


def _open_problem_rows() -> Any:
    return select(SyncProblemRow.outbox_id).where(SyncProblemRow.resolved_at.is_(None))
