"""The reads behind the supervisor's figures: narrow rows, each query answered by an index.

Every function takes the session of one read transaction (``Database.read``), so a report
sees one state of the cache however many queries it makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.orm import Session

from local_cache.schema import (
    Account,
    CaseEventRow,
    CaseFact,
    CatalogItem,
    ContactRow,
    RatingRow,
    UnmatchedSearch,
)

COUNTED_EVENTS = (
    "submit",
    "accept",
    "accept_with_gaps",
    "notify_missing",
    "reject",
    "hand_over",
    "deliver",
    "withdraw",
    "terminate",
)
# The columns a figure is counted under (see clerk_desk.domain.report).
_DIMENSIONS = (
    CaseFact.window_number,
    CaseFact.clerk,
    CaseFact.department,
    CaseFact.item_code,
    CaseFact.item_name,
)
# Accepted, not concluded, not closed: the rows of the partial index ix_case_facts_open.
_OPEN = and_(
    CaseFact.concluded_at.is_(None),
    CaseFact.closed_at.is_(None),
    CaseFact.accepted_on.is_not(None),
)
_CLOCKED = (
    CaseFact.case_no,
    CaseFact.case_uuid,
    CaseFact.item_name,
    CaseFact.department,
    CaseFact.window_number,
    CaseFact.committed_deadline,
)


def events_between(session: Session, start: datetime, end: datetime) -> Sequence[Any]:
    """The counted events of ``start`` ≤ at < ``end`` with their case's dimensions and who
    did them (``by``)."""
    return session.execute(
        select(
            CaseEventRow.event,
            CaseEventRow.at,
            CaseEventRow.by,
            CaseFact.case_kind,
            CaseFact.service_kind,
            *_DIMENSIONS,
        )
        .join(CaseFact, CaseFact.case_uuid == CaseEventRow.case_uuid)
        .where(
            CaseEventRow.at >= start,
            CaseEventRow.at < end,
            CaseEventRow.event.in_(COUNTED_EVENTS),
        )
    ).all()


def concluded_between(session: Session, start: datetime, end: datetime) -> Sequence[Any]:
    """The cases concluded (办结) in ``start`` ≤ at < ``end``, with what their clock needs."""
    return session.execute(
        select(
            CaseFact.concluded_at,
            CaseFact.outcome,
            CaseFact.accepted_on,
            CaseFact.committed_deadline,
            CaseFact.legal_limit_days,
            CaseFact.case_kind,
            *_DIMENSIONS,
        ).where(CaseFact.concluded_at >= start, CaseFact.concluded_at < end)
    ).all()


def open_at(session: Session, day: date, end: datetime) -> Sequence[Any]:
    """The cases accepted by ``day`` and neither concluded nor closed before ``end`` (the end
    of that day), with deadlines: today's open cases come from the partial index, a past
    day's also from those concluded or closed after it."""
    accepted = CaseFact.accepted_on <= day
    still_open = session.execute(select(*_CLOCKED).where(_OPEN, accepted)).all()
    ended_after = session.execute(
        select(*_CLOCKED).where(
            accepted,
            or_(CaseFact.concluded_at >= end, CaseFact.closed_at >= end),
            or_(CaseFact.closed_at.is_(None), CaseFact.closed_at >= end),
            or_(CaseFact.concluded_at.is_(None), CaseFact.concluded_at >= end),
        )
    ).all()
    return [*still_open, *ended_after]


def contacts_between(session: Session, start: datetime, end: datetime) -> Sequence[Any]:
    """The service contacts opened in ``start`` ≤ at < ``end``, with their rating if any and
    the dimensions of their case (the staff member and window are the contact's own)."""
    return session.execute(
        select(
            ContactRow.state,
            ContactRow.opened_at,
            ContactRow.staff,
            ContactRow.window_number,
            RatingRow.uuid,
            RatingRow.level,
            RatingRow.origin,
            CaseFact.department,
            CaseFact.item_code,
            CaseFact.item_name,
        )
        .outerjoin(RatingRow, RatingRow.contact_uuid == ContactRow.uuid)
        .outerjoin(CaseFact, CaseFact.case_uuid == ContactRow.case_uuid)
        .where(ContactRow.opened_at >= start, ContactRow.opened_at < end)
    ).all()


def catalog_items(session: Session) -> Sequence[Any]:
    """Each item's code, window category and department (labels and idle departments)."""
    return session.execute(
        select(CatalogItem.basic_code, CatalogItem.window_category, CatalogItem.department)
    ).all()


def display_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(Account.username, Account.display_name)).all()
    return {username: name for username, name in rows}


def add_unmatched_search(session: Session, text: str, at: datetime, window_number: int) -> None:
    session.execute(insert(UnmatchedSearch).values(text=text, at=at, window_number=window_number))


def unmatched_searches(
    session: Session, start: datetime, end: datetime, limit: int
) -> Sequence[Any]:
    """The texts searched in ``start`` ≤ at < ``end`` that found nothing: most asked first."""
    count = func.count().label("count")
    return session.execute(
        select(UnmatchedSearch.text, count, func.max(UnmatchedSearch.at))
        .where(UnmatchedSearch.at >= start, UnmatchedSearch.at < end)
        .group_by(UnmatchedSearch.text)
        .order_by(count.desc(), UnmatchedSearch.text)
        .limit(limit)
    ).all()
