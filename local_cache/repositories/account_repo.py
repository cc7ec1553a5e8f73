"""Accounts, sign-in throttling and account events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from local_cache.schema import Account, AccountEvent, SignInThrottle


def find(session: Session, username: str) -> Account | None:
    return session.scalar(select(Account).where(Account.username == username))


def all_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.id)))


def count(session: Session) -> int:
    return len(session.scalars(select(Account.id)).all())


def throttle(session: Session, username: str) -> SignInThrottle:
    row = session.get(SignInThrottle, username)
    if row is None:
        row = SignInThrottle(username=username, failures=0, locked_until=None)
        session.add(row)
    return row


def peek_throttle(session: Session, username: str) -> SignInThrottle | None:
    return session.get(SignInThrottle, username)


def log_event(session: Session, at: datetime, username: str, event: str, detail: str = "") -> None:
    session.add(AccountEvent(at=at, username=username, event=event, detail=detail))


def events(session: Session, limit: int = 100) -> list[AccountEvent]:
    return list(session.scalars(select(AccountEvent).order_by(AccountEvent.id.desc()).limit(limit)))
