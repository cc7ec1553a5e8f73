"""The dishonesty list (失信名单) rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from local_cache.schema import DishonestParty


def replace_all(session: Session, rows: Iterable[dict[str, str | date]]) -> None:
    """The list becomes exactly ``rows`` (number, name, source, listed_on, note)."""
    session.execute(delete(DishonestParty))
    session.add_all(DishonestParty(**row) for row in rows)


def find(session: Session, number: str) -> DishonestParty | None:
    return session.get(DishonestParty, number)


def all_parties(session: Session) -> list[DishonestParty]:
    return list(session.scalars(select(DishonestParty).order_by(DishonestParty.number)))
