"""Recording a step of a case's life: the case row, its event and its outbox row, together.

Every service that moves a case goes through :func:`record` (the intake decisions, whose
target state comes from the life cycle's table) or :func:`record_applied` (the review and
output events, applied by :func:`~clerk_desk.domain.case_effects.apply_event`) inside its
``database.write()`` transaction, so the three rows commit together
or not at all, and the state machine is checked against the state *stored* in the database,
not the one the caller holds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from clerk_desk.domain.case import Case, CaseEventRecord
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.case_states import CaseEvent, CaseState, next_state
from clerk_desk.settings import Settings
from local_cache.repositories import case_repo
from local_cache.schema import CaseEventRow


@dataclass(frozen=True)
class DeskPlace:
    """Which desk records: its id (in every event) and the centre and window (in numbers)."""

    desk_id: str
    centre_code: str
    window_number: int

    @classmethod
    def from_settings(cls, settings: Settings) -> DeskPlace:
        return cls(
            desk_id=str(settings.get("desk_id")),
            centre_code=str(settings.get("centre_code")),
            window_number=int(settings.get("window_number")),
        )


def record(
    session: Session,
    case: Case,
    event: CaseEvent,
    *,
    by: str,
    at: datetime,
    place: DeskPlace,
    reason: str = "",
    payload: dict[str, Any] | None = None,
) -> Case:
    """Apply ``event`` to ``case`` and write the three rows; refuse an illegal event.

    The first ``submit`` issues the case number, from a counter advanced in this same
    transaction: if the transaction fails, neither the number nor the case exists.
    """
    stored = case_repo.stored_state(session, case.uuid)
    state = CaseState(stored[0]) if stored else CaseState.DRAFT
    target = next_state(state, event, reason)
    if event is CaseEvent.SUBMIT:
        if case.case_no is None:
            sequence = case_repo.next_sequence(
                session, place.centre_code, place.window_number, at.date()
            )
            case.case_no = make_case_no(place.centre_code, at.date(), place.window_number, sequence)
        case.received_at = at
        case.desk_id = case.desk_id or place.desk_id
    case.state = target
    case.updated_at = at
    data = case.to_dict()
    if stored is None:
        case_repo.insert_case(session, data)
    else:
        case_repo.save_case(session, data)
    _write_event(
        session, data, event, state, by=by, at=at, place=place, reason=reason, payload=payload
    )
    return case


def record_applied(
    session: Session,
    case: Case,
    event: CaseEvent,
    *,
    from_state: CaseState,
    by: str,
    at: datetime,
    place: DeskPlace,
    reason: str = "",
    payload: dict[str, Any],
) -> Case:
    """Write the three rows of ``event`` already applied to ``case`` by
    :func:`~clerk_desk.domain.case_effects.apply_event` (which computed its state, parts and
    clock); ``from_state`` is the state stored before it. The case must be stored already."""
    data = case.to_dict()
    case_repo.save_case(session, data)
    _write_event(
        session, data, event, from_state, by=by, at=at, place=place, reason=reason, payload=payload
    )
    return case


def _write_event(
    session: Session,
    data: dict[str, Any],
    event: CaseEvent,
    from_state: CaseState,
    *,
    by: str,
    at: datetime,
    place: DeskPlace,
    reason: str,
    payload: dict[str, Any] | None,
) -> None:
    """The event row of the case ``data`` (as saved, in its new state) and its outbox row."""
    event_uuid = str(uuid.uuid4())
    event_fields: dict[str, Any] = {
        "uuid": event_uuid,
        "case_uuid": data["uuid"],
        "seq": case_repo.next_event_seq(session, data["uuid"]),
        "event": str(event),
        "from_state": str(from_state),
        "to_state": data["state"],
        "at": at,
        "by": by,
        "desk_id": place.desk_id,
        "reason": reason.strip(),
        "payload": payload or {},
    }
    case_repo.add_event(session, **event_fields)
    case_repo.add_outbox(
        session,
        event_uuid=event_uuid,
        case_uuid=data["uuid"],
        kind=str(event),
        payload={"event": {**event_fields, "at": at.isoformat()}, "case": data},
        created_at=at,
    )


def to_record(row: CaseEventRow) -> CaseEventRecord:
    return CaseEventRecord(
        uuid=row.uuid,
        case_uuid=row.case_uuid,
        seq=row.seq,
        event=row.event,
        from_state=CaseState(row.from_state),
        to_state=CaseState(row.to_state),
        at=row.at,
        by=row.by,
        desk_id=row.desk_id,
        reason=row.reason,
        payload=dict(row.payload),
    )
