"""代办 records: one row each, the record's JSON plus the columns the open list needs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from local_cache.schema import ProxyServiceRow


def save(
    session: Session,
    data: dict[str, Any],
    *,
    finished: bool,
    due_on: date | None,
    updated_at: datetime,
) -> None:
    """Insert or replace the record ``data`` (``ProxyRecord.to_dict()``)."""
    session.merge(
        ProxyServiceRow(
            uuid=data["uuid"],
            number=data["number"],
            state=data["state"],
            finished=finished,
            due_on=due_on,
            applicant_number=_key_number(data["applicant"]),
            opened_at=datetime.fromisoformat(data["opened_at"]),
            updated_at=updated_at,
            data=data,
        )
    )


def load(session: Session, uuid: str) -> dict[str, Any] | None:
    row = session.get(ProxyServiceRow, uuid)
    return None if row is None else dict(row.data)


def load_by_number(session: Session, number: str) -> dict[str, Any] | None:
    row = session.scalar(select(ProxyServiceRow).where(ProxyServiceRow.number == number))
    return None if row is None else dict(row.data)


def unfinished(session: Session) -> list[dict[str, Any]]:
    """Records with something left to do, the soonest due first (no date last)."""
    rows = session.scalars(
        select(ProxyServiceRow)
        .where(ProxyServiceRow.finished.is_(False))
        .order_by(ProxyServiceRow.due_on.is_(None), ProxyServiceRow.due_on, ProxyServiceRow.number)
    )
    return [dict(row.data) for row in rows]


def recent(session: Session, limit: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(ProxyServiceRow).order_by(ProxyServiceRow.opened_at.desc()).limit(limit)
    )
    return [dict(row.data) for row in rows]


def count_opened_on(session: Session, day: date) -> int:
    """How many records were opened on ``day`` (the record number's sequence)."""
    start = datetime.combine(day, datetime.min.time())
    end = datetime.combine(day, datetime.max.time())
    query = select(func.count()).where(ProxyServiceRow.opened_at.between(start, end))
    return int(session.scalar(query) or 0)


def _key_number(applicant: dict[str, Any]) -> str:
    if applicant.get("kind") == "organisation":
        return str(applicant.get("credit_code", ""))
    return str(applicant.get("id_number", ""))
