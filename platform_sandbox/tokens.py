"""Bearer tokens: random, stored only as their sha256, valid for twelve hours."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from platform_sandbox.db import Database
from platform_sandbox.models import Account, Token

TOKEN_LIFETIME = timedelta(hours=12)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue(database: Database, username: str, desk_id: str, now: datetime) -> tuple[str, datetime]:
    """A new token for ``username`` at ``desk_id``; expired tokens are swept on the way."""
    token = secrets.token_urlsafe(32)
    expires_at = (now + TOKEN_LIFETIME).replace(microsecond=0)
    with database.write() as session:
        session.execute(delete(Token).where(Token.expires_at <= now))
        session.add(
            Token(
                token_hash=_digest(token),
                username=username,
                desk_id=desk_id,
                expires_at=expires_at,
            )
        )
    return token, expires_at


def principal_for_token(
    database: Database, token: str
) -> tuple[str, tuple[str, ...], str, str, str] | None:
    """``(username, roles, centre_code, desk_id, department)`` of a live token, else ``None``."""
    with database.read() as session:
        row = session.execute(
            select(
                Account.username,
                Account.roles,
                Account.centre_code,
                Token.desk_id,
                Account.department,
            )
            .join(Token, Token.username == Account.username)
            .where(Token.token_hash == _digest(token), Token.expires_at > datetime.now())
        ).one_or_none()
    if row is None:
        return None
    roles = tuple(role for role in row.roles.split(",") if role)
    return row.username, roles, row.centre_code, row.desk_id, row.department
