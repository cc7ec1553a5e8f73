"""The reads behind the supervisor's figures: narrow rows, each query answered by an index.

Every function takes the session of one read transaction (``Database.read``), so a report
sees one state of the cache however many queries it makes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, text
from sqlalchemy.orm import Session

from local_cache.schema import (
    Account,
    CaseEventRow,
    CaseFact,
    CatalogItem,
    ContactRow,
    FollowUpStepRow,
    RatingRow,
    UnmatchedSearch,
)

POOR_LEVELS = ("不满意", "非常不满意")
# Literal, as the partial index ix_case_facts_open holds it, so SQLite takes that index.
OPEN_FACTS = (
    "case_facts.concluded_at IS NULL AND case_facts.closed_at IS NULL "
    "AND case_facts.accepted_on IS NOT NULL"
)
# Literal, so SQLite matches it with the partial index ix_ratings_poor (a bound parameter would
# not prove the index's condition).
POOR_ACTIVE = "ratings.level IN ('不满意', '非常不满意') AND ratings.origin = 'active'"
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
_OPEN = text(OPEN_FACTS)
_CLOCKED = (
    CaseFact.case_no,
    CaseFact.case_uuid,
    CaseFact.item_name,
    CaseFact.department,
    CaseFact.window_number,
    CaseFact.committed_deadline,
)


def events_between(
    session: Session, start: datetime, end: datetime, dimensions: bool = True
) -> Sequence[Any]:
    """The counted events of ``start`` ≤ at < ``end``, grouped by what they are counted under:
    the event, its hour (``hour``: "YYYY-MM-DD HH"), the case's kind and service and, with
    ``dimensions``, who did it (``by``) and the case's dimensions; ``count`` each."""
    hour = func.substr(CaseEventRow.at, 1, 13).label("hour")
    grouped = (
        CaseEventRow.event,
        hour,
        CaseFact.case_kind,
        CaseFact.service_kind,
        *((CaseEventRow.by, *_DIMENSIONS) if dimensions else ()),
    )
    return session.execute(
        select(*grouped, func.count().label("count"))
        .join(CaseFact, CaseFact.case_uuid == CaseEventRow.case_uuid)
        .where(
            CaseEventRow.at >= start,
            CaseEventRow.at < end,
            CaseEventRow.event.in_(COUNTED_EVENTS),
        )
        .group_by(*grouped)
    ).all()


def concluded_between(
    session: Session, start: datetime, end: datetime, dimensions: bool = True
) -> Sequence[Any]:
    """The cases concluded (办结) in ``start`` ≤ at < ``end`` (``day``: "YYYY-MM-DD"), grouped
    by what their clock and figures need (and their dimensions); ``count`` each."""
    grouped = (
        func.substr(CaseFact.concluded_at, 1, 10).label("day"),
        CaseFact.outcome,
        CaseFact.accepted_on,
        CaseFact.committed_deadline,
        CaseFact.legal_limit_days,
        CaseFact.case_kind,
        *(_DIMENSIONS if dimensions else ()),
    )
    return session.execute(
        select(*grouped, func.count().label("count"))
        .where(CaseFact.concluded_at >= start, CaseFact.concluded_at < end)
        .group_by(*grouped)
    ).all()


def open_now(session: Session) -> Sequence[Any]:
    """The accepted cases neither concluded nor closed, with their clocks (from the partial
    covering index ``ix_case_facts_open`` alone)."""
    return session.execute(select(*_CLOCKED).where(_OPEN)).all()


def overdue_at(session: Session, day: date, end: datetime) -> list[Any]:
    """The cases past their committed deadline on ``day`` (the deadline before it) that were
    accepted by then and neither concluded nor closed before ``end``, the end of that day:
    those still open, and those concluded or closed since (each read by its own index)."""
    late = (CaseFact.committed_deadline < day, CaseFact.accepted_on <= day)
    found = {row.case_uuid: row for row in session.execute(select(*_CLOCKED).where(_OPEN, *late))}
    for ended in (CaseFact.concluded_at, CaseFact.closed_at):
        for row in session.execute(select(*_CLOCKED).where(ended >= end, *late)):
            found[row.case_uuid] = row
    return list(found.values())


def contacts_between(
    session: Session, start: datetime, end: datetime, dimensions: bool = True
) -> Sequence[Any]:
    """The service contacts opened in ``start`` ≤ at < ``end`` (``day``: "YYYY-MM-DD") but the
    差评 (see :func:`poor_contacts_between`), grouped by their state, their rating's level and
    origin (``None`` when not rated) and, with ``dimensions``, what they are counted under
    (the staff member and window are the contact's own, the rest its case's); ``count``
    each."""
    grouped = (
        ContactRow.state,
        func.substr(ContactRow.opened_at, 1, 10).label("day"),
        RatingRow.level,
        RatingRow.origin,
        *(
            (
                ContactRow.staff,
                ContactRow.window_number,
                CaseFact.department,
                CaseFact.item_code,
                CaseFact.item_name,
            )
            if dimensions
            else ()
        ),
    )
    return session.execute(
        select(*grouped, func.count().label("count"))
        .outerjoin(RatingRow, RatingRow.contact_uuid == ContactRow.uuid)
        .outerjoin(CaseFact, CaseFact.case_uuid == ContactRow.case_uuid)
        .where(
            ContactRow.opened_at >= start,
            ContactRow.opened_at < end,
            or_(RatingRow.level.is_(None), RatingRow.level.not_in(POOR_LEVELS)),
        )
        .group_by(*grouped)
    ).all()


def poor_contacts_between(session: Session, start: datetime, end: datetime) -> Sequence[Any]:
    """The contacts opened in ``start`` ≤ at < ``end`` that were rated 差评, one row each with
    its rating's ``uuid`` (its follow-up decides whether it still counts)."""
    return session.execute(
        select(
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
        .join(RatingRow, RatingRow.contact_uuid == ContactRow.uuid)
        .outerjoin(CaseFact, CaseFact.case_uuid == ContactRow.case_uuid)
        .where(
            ContactRow.opened_at >= start,
            ContactRow.opened_at < end,
            RatingRow.level.in_(POOR_LEVELS),
        )
    ).all()


def unanswered_poor_ratings(session: Session) -> Sequence[str]:
    """The 差评 rated by a visitor whose follow-up has no 回访 yet (回访 is its last step, so
    the others may still be open: their steps decide), read from the partial index."""
    called_back = (
        select(FollowUpStepRow.rating_uuid)
        .where(FollowUpStepRow.rating_uuid == RatingRow.uuid, FollowUpStepRow.kind == "callback")
        .exists()
    )
    return session.scalars(select(RatingRow.uuid).where(text(POOR_ACTIVE), ~called_back)).all()


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
