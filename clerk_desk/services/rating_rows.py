"""Rows of the 好差评 tables (contacts, ratings, follow-up steps, reasons lists) to and from the
domain's types; kept in the core because ``local_cache`` knows no domain type.

Ratings and steps are only ever inserted (the database refuses anything else); a pulled one
that is already here is skipped, so pulling twice counts nothing twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from clerk_desk.domain.followups import FollowUpStep, StepKind
from clerk_desk.domain.ratings import (
    Contact,
    ContactKind,
    ContactState,
    Rating,
    RatingLevel,
    RatingOrigin,
    Reason,
    ReasonList,
)
from local_cache.schema import (
    CaseEventRow,
    ContactRow,
    FollowUpStepRow,
    RatingReasonListRow,
    RatingRow,
)


def to_contact(row: ContactRow) -> Contact:
    return Contact(
        uuid=row.uuid,
        case_uuid=row.case_uuid,
        case_no=row.case_no,
        kind=ContactKind(row.kind),
        seq=row.seq,
        event_uuid=row.event_uuid,
        staff=row.staff,
        staff_name=row.staff_name,
        staff_no=row.staff_no,
        window_number=row.window_number,
        department=row.department,
        opened_at=row.opened_at,
        expires_at=row.expires_at,
        state=ContactState(row.state),
    )


def to_rating(row: RatingRow, struck: bool = False) -> Rating:
    return Rating(
        uuid=row.uuid,
        contact_uuid=row.contact_uuid,
        case_uuid=row.case_uuid,
        case_no=row.case_no,
        contact_kind=ContactKind(row.contact_kind),
        seq=row.seq,
        staff=row.staff,
        staff_name=row.staff_name,
        window_number=row.window_number,
        department=row.department,
        rated_at=row.rated_at,
        level=RatingLevel(row.level),
        reasons=tuple(Reason(r["code"], r["text"]) for r in row.reasons),
        reasons_version=row.reasons_version,
        comment=row.comment,
        origin=RatingOrigin(row.origin),
        channel=row.channel,
        rater_name=row.rater_name,
        rater_phone=row.rater_phone,
        struck=struck,
    )


def to_step(row: FollowUpStepRow) -> FollowUpStep:
    return FollowUpStep(
        uuid=row.uuid,
        rating_uuid=row.rating_uuid,
        kind=StepKind(row.kind),
        by=row.by,
        at=row.at,
        payload=dict(row.payload),
    )


# Contacts -------------------------------------------------------------------------------


def next_contact_seq(session: Session, case_uuid: str) -> int:
    """评价次数: the contacts of a case are numbered 1, 2, … on every desk the same way (a
    pulled contact keeps its number; a clash is refused by the unique index)."""
    last = session.scalar(select(func.max(ContactRow.seq)).where(ContactRow.case_uuid == case_uuid))
    return int(last or 0) + 1


def add_contact(session: Session, contact: Contact) -> None:
    session.add(
        ContactRow(
            uuid=contact.uuid,
            case_uuid=contact.case_uuid,
            case_no=contact.case_no,
            kind=str(contact.kind),
            seq=contact.seq,
            event_uuid=contact.event_uuid,
            staff=contact.staff,
            staff_name=contact.staff_name,
            staff_no=contact.staff_no,
            window_number=contact.window_number,
            department=contact.department,
            opened_at=contact.opened_at,
            expires_at=contact.expires_at,
            state=str(contact.state),
        )
    )
    session.flush()


def contact_row(session: Session, contact_uuid: str) -> ContactRow | None:
    return session.get(ContactRow, contact_uuid)


def open_contact_rows(session: Session) -> list[ContactRow]:
    query = select(ContactRow).where(ContactRow.state == str(ContactState.OPEN))
    return list(session.scalars(query.order_by(ContactRow.opened_at)))


def contacts_of(session: Session, case_uuid: str) -> list[Contact]:
    query = select(ContactRow).where(ContactRow.case_uuid == case_uuid).order_by(ContactRow.seq)
    return [to_contact(row) for row in session.scalars(query)]


def contacts_between(session: Session, start: datetime, end: datetime) -> list[Contact]:
    query = select(ContactRow).where(ContactRow.opened_at >= start, ContactRow.opened_at < end)
    return [to_contact(row) for row in session.scalars(query.order_by(ContactRow.opened_at))]


def last_event_uuid(session: Session, case_uuid: str) -> str:
    query = select(CaseEventRow.uuid).where(CaseEventRow.case_uuid == case_uuid)
    return str(session.scalar(query.order_by(CaseEventRow.seq.desc()).limit(1)) or "")


# Ratings --------------------------------------------------------------------------------


def add_rating(session: Session, rating: Rating) -> bool:
    """Insert ``rating`` unless one for its contact (or with its uuid) is here; whether it was."""
    taken = session.scalar(
        select(func.count())
        .select_from(RatingRow)
        .where((RatingRow.uuid == rating.uuid) | (RatingRow.contact_uuid == rating.contact_uuid))
    )
    if taken:
        return False
    data = rating.to_dict()
    session.add(
        RatingRow(
            uuid=rating.uuid,
            contact_uuid=rating.contact_uuid,
            case_uuid=rating.case_uuid,
            case_no=rating.case_no,
            contact_kind=str(rating.contact_kind),
            seq=rating.seq,
            staff=rating.staff,
            staff_name=rating.staff_name,
            window_number=rating.window_number,
            department=rating.department,
            channel=rating.channel,
            rated_at=rating.rated_at,
            level=str(rating.level),
            reasons=data["reasons"],
            reasons_version=rating.reasons_version,
            comment=rating.comment,
            origin=str(rating.origin),
            rater_name=rating.rater_name,
            rater_phone=rating.rater_phone,
        )
    )
    session.flush()
    return True


def rating_row(session: Session, rating_uuid: str) -> RatingRow | None:
    return session.get(RatingRow, rating_uuid)


def rating_rows(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> list[RatingRow]:
    query = select(RatingRow)
    if start is not None:
        query = query.where(RatingRow.rated_at >= start)
    if end is not None:
        query = query.where(RatingRow.rated_at < end)
    return list(session.scalars(query.order_by(RatingRow.rated_at, RatingRow.uuid)))


def poor_rating_rows(session: Session, department: str | None) -> list[RatingRow]:
    query = select(RatingRow).where(
        RatingRow.level.in_(["不满意", "非常不满意"]), RatingRow.origin == "active"
    )
    if department is not None:
        query = query.where(RatingRow.department == department)
    return list(session.scalars(query.order_by(RatingRow.rated_at.desc())))


# Follow-up steps ------------------------------------------------------------------------


def add_step(session: Session, step: FollowUpStep) -> bool:
    if session.get(FollowUpStepRow, step.uuid) is not None:
        return False
    session.add(
        FollowUpStepRow(
            uuid=step.uuid,
            rating_uuid=step.rating_uuid,
            kind=str(step.kind),
            by=step.by,
            at=step.at,
            payload=dict(step.payload),
        )
    )
    session.flush()
    return True


def steps_of(session: Session, rating_uuids: list[str]) -> dict[str, list[FollowUpStep]]:
    found: dict[str, list[FollowUpStep]] = {uuid: [] for uuid in rating_uuids}
    if not rating_uuids:
        return found
    query = select(FollowUpStepRow).where(FollowUpStepRow.rating_uuid.in_(rating_uuids))
    for row in session.scalars(query.order_by(FollowUpStepRow.at, literal_column("rowid"))):
        found[row.rating_uuid].append(to_step(row))
    return found


# Reasons lists --------------------------------------------------------------------------


def newest_reason_list(session: Session) -> ReasonList | None:
    row = session.scalar(
        select(RatingReasonListRow).order_by(RatingReasonListRow.version.desc()).limit(1)
    )
    return ReasonList.from_dict(row.body) if row is not None else None


def reason_list(session: Session, version: int) -> ReasonList | None:
    row = session.get(RatingReasonListRow, version)
    return ReasonList.from_dict(row.body) if row is not None else None


def store_reason_list(session: Session, reasons: ReasonList, at: datetime) -> bool:
    if session.get(RatingReasonListRow, reasons.version) is not None:
        return False
    body: dict[str, Any] = reasons.to_dict()
    session.add(RatingReasonListRow(version=reasons.version, body=body, fetched_at=at))
    session.flush()
    return True
