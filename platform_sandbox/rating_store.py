"""Reading and writing 好差评 rows and the ratings feed inside a caller's session.

Every write transaction first locks the ratings counter row (:func:`lock_writers`), so feed
``seq`` rises in commit order on PostgreSQL as the case feed's does; on SQLite ``BEGIN
IMMEDIATE`` already serialises writers. Contacts, ratings and steps are only inserted (the
database refuses an UPDATE or DELETE, migration 0004). A rating's level is kept as the code
it was stored under with that code order, and shown in the platform's order of the day.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_desk.domain.followups import FollowUpStep, StepKind
from clerk_desk.domain.ratings import (
    DEFAULT_REASONS,
    LEVELS,
    CodeOrder,
    ReasonList,
    level_code,
    level_from_code,
)
from platform_sandbox.case_store import department_key
from platform_sandbox.models import (
    ContactRecord,
    FollowUpStepRecord,
    RatingChange,
    RatingCounter,
    RatingRecord,
    ReasonListRecord,
)

CONTACT, RATING, STEP = "contact", "rating", "step"


def lock_writers(session: Session) -> RatingCounter:
    counter = session.get(RatingCounter, 1, with_for_update=True)
    assert counter is not None, "the ratings counter row is created with the schema"
    return counter


def record_change(
    session: Session,
    counter: RatingCounter,
    kind: str,
    uuid: str,
    centre_code: str,
    department: str,
) -> int:
    counter.value += 1
    session.add(
        RatingChange(
            seq=counter.value,
            kind=kind,
            uuid=uuid,
            centre_code=centre_code,
            department_key=department_key(department),
        )
    )
    session.flush()
    return counter.value


# Contacts --------------------------------------------------------------------------------


def contact(session: Session, uuid: str, centre_code: str | None = None) -> ContactRecord | None:
    query = select(ContactRecord).where(ContactRecord.uuid == uuid)
    if centre_code is not None:
        query = query.where(ContactRecord.centre_code == centre_code)
    return session.scalar(query)


def contact_holding(session: Session, case_uuid: str, seq: int, event_uuid: str) -> str | None:
    """What another contact already holds: ``"seq"`` (评价次数 of the case) or ``"event"``."""
    if session.scalar(
        select(ContactRecord.id).where(
            ContactRecord.case_uuid == case_uuid, ContactRecord.seq == seq
        )
    ):
        return "seq"
    if session.scalar(select(ContactRecord.id).where(ContactRecord.event_uuid == event_uuid)):
        return "event"
    return None


def add_contact(
    session: Session, document: dict[str, Any], centre_code: str, body_hash: str
) -> ContactRecord:
    row = ContactRecord(
        uuid=document["uuid"],
        case_uuid=document["case_uuid"],
        seq=document["seq"],
        event_uuid=document["event_uuid"],
        staff=document["staff"],
        centre_code=centre_code,
        department_key=department_key(document["department"]),
        opened_at=datetime.fromisoformat(document["opened_at"]),
        document=document,
        body_hash=body_hash,
    )
    session.add(row)
    session.flush()
    return row


def unrated_contacts(session: Session, before: datetime) -> list[ContactRecord]:
    """Contacts opened before ``before`` that have no rating, oldest first."""
    rated = select(RatingRecord.contact_uuid)
    query = select(ContactRecord).where(
        ContactRecord.opened_at < before, ContactRecord.uuid.not_in(rated)
    )
    return list(session.scalars(query.order_by(ContactRecord.id)))


# Ratings ---------------------------------------------------------------------------------


def rating(session: Session, uuid: str, centre_code: str | None = None) -> RatingRecord | None:
    query = select(RatingRecord).where(RatingRecord.uuid == uuid)
    if centre_code is not None:
        query = query.where(RatingRecord.centre_code == centre_code)
    return session.scalar(query)


def rating_of_contact(session: Session, contact_uuid: str) -> RatingRecord | None:
    return session.scalar(select(RatingRecord).where(RatingRecord.contact_uuid == contact_uuid))


def add_rating(
    session: Session,
    document: dict[str, Any],
    centre_code: str,
    order: CodeOrder,
    body_hash: str,
) -> RatingRecord:
    row = RatingRecord(
        uuid=document["uuid"],
        contact_uuid=document["contact_uuid"],
        case_uuid=document["case_uuid"],
        centre_code=centre_code,
        department_key=department_key(document["department"]),
        level_code=document["level_code"],
        code_order=str(order),
        origin=document["origin"],
        rated_at=datetime.fromisoformat(document["rated_at"]),
        document=document,
        body_hash=body_hash,
    )
    session.add(row)
    session.flush()
    return row


def code_in(row: RatingRecord, order: CodeOrder) -> int:
    """The rating's level as a code of ``order`` (whatever order it was stored under)."""
    return level_code(level_from_code(row.level_code, row.code_order), order)


def rating_view(row: RatingRecord, order: CodeOrder, with_rater: bool) -> dict[str, Any]:
    view = {**row.document, "level_code": code_in(row, order), "origin": row.origin}
    if not with_rater:
        view["rater_name"] = view["rater_phone"] = ""
    return view


# Steps -----------------------------------------------------------------------------------


def step(session: Session, uuid: str) -> FollowUpStepRecord | None:
    return session.scalar(select(FollowUpStepRecord).where(FollowUpStepRecord.uuid == uuid))


def steps_of(session: Session, rating_uuid: str) -> list[FollowUpStepRecord]:
    query = select(FollowUpStepRecord).where(FollowUpStepRecord.rating_uuid == rating_uuid)
    return list(session.scalars(query.order_by(FollowUpStepRecord.id)))


def followup_steps(session: Session, rating_uuid: str) -> list[FollowUpStep]:
    """The rating's steps as the rule book takes them, in the order stored."""
    return [
        FollowUpStep(
            uuid=data["uuid"],
            rating_uuid=data["rating_uuid"],
            kind=StepKind(data["kind"]),
            by=data["by"],
            at=datetime.fromisoformat(data["at"]),
            payload=dict(data["payload"]),
        )
        for data in (row.document for row in steps_of(session, rating_uuid))
    ]


def add_step(session: Session, document: dict[str, Any], body_hash: str) -> FollowUpStepRecord:
    row = FollowUpStepRecord(
        uuid=document["uuid"],
        rating_uuid=document["rating_uuid"],
        kind=document["kind"],
        document=document,
        body_hash=body_hash,
    )
    session.add(row)
    session.flush()
    return row


# The feed --------------------------------------------------------------------------------


def changes(
    session: Session, centre_code: str, after: int, limit: int, department: str | None
) -> tuple[list[tuple[RatingChange, Any]], bool]:
    """Entries after ``after`` (of ``department`` only, if given), each with its row."""
    query = select(RatingChange).where(
        RatingChange.centre_code == centre_code, RatingChange.seq > after
    )
    if department is not None:
        query = query.where(RatingChange.department_key == department_key(department))
    found = list(session.scalars(query.order_by(RatingChange.seq).limit(limit + 1)))
    more = len(found) > limit
    found = found[:limit]
    models: dict[str, Any] = {
        CONTACT: ContactRecord,
        RATING: RatingRecord,
        STEP: FollowUpStepRecord,
    }
    rows: dict[str, dict[str, Any]] = {}
    for kind, model in models.items():
        uuids = [change.uuid for change in found if change.kind == kind]
        query = select(model).where(model.uuid.in_(uuids))
        rows[kind] = {row.uuid: row for row in session.scalars(query)} if uuids else {}
    return [(change, rows[change.kind][change.uuid]) for change in found], more


# Reasons lists ---------------------------------------------------------------------------


def newest_version(session: Session) -> int | None:
    return session.scalar(select(func.max(ReasonListRecord.version)))


def reason_list(session: Session, version: int | None = None) -> ReasonList | None:
    """A published version (the newest without ``version``), keyed by level name."""
    if version is None:
        version = newest_version(session)
        if version is None:
            return None
    row = session.get(ReasonListRecord, version)
    return ReasonList.from_dict({"version": row.version, **row.reasons}) if row else None


def publish(session: Session, reasons: ReasonList, at: datetime) -> int:
    """Store ``reasons`` as the next version; its number."""
    version = (newest_version(session) or 0) + 1
    data = ReasonList(version, reasons.reasons).to_dict()
    session.add(
        ReasonListRecord(version=version, reasons={"reasons": data["reasons"]}, published_at=at)
    )
    session.flush()
    return version


def ensure_first(session: Session, at: datetime) -> None:
    """Version 1 is the desk's shipped list (``DEFAULT_REASONS``) until one is published."""
    if newest_version(session) is None:
        publish(session, DEFAULT_REASONS, at)


def by_code(reasons: ReasonList, order: CodeOrder) -> dict[str, list[dict[str, str]]]:
    """The list keyed by ``order``'s codes ("1" … "5")."""
    return {
        str(code): [
            {"code": r.code, "text": r.text}
            for r in reasons.for_level(level_from_code(code, order))
        ]
        for code in range(1, len(LEVELS) + 1)
    }
