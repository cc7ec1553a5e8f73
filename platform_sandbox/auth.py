"""``POST /api/v1/auth/token``: desk id and a clerk's credentials for a bearer token."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from clerk_desk.domain.limits import PASSWORD_MAX, USERNAME_MAX
from platform_sandbox import sign_in_guard, tokens
from platform_sandbox.case_models import NO_NUL_PATTERN
from platform_sandbox.deps import PlatformDep
from platform_sandbox.errors import error_responses, unauthorized
from platform_sandbox.models import Account

router = APIRouter(tags=["auth"])
_hasher = PasswordHasher()
# Checked when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class TokenRequest(BaseModel):
    desk_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL_PATTERN)
    username: str = Field(min_length=1, max_length=USERNAME_MAX, pattern=NO_NUL_PATTERN)
    password: str = Field(max_length=PASSWORD_MAX)


class TokenReply(BaseModel):
    access_token: str
    token_type: str = "bearer"
    username: str
    roles: list[str]
    centre_code: str
    expires_at: datetime


@router.post(
    "/auth/token", response_model=TokenReply, responses=error_responses(401, 403, 413, 422)
)
def issue_token(body: TokenRequest, platform: PlatformDep) -> TokenReply:
    """Five failed sign-ins of one user name in a row lock it for five minutes (403 locked)."""
    now = datetime.now()
    sign_in_guard.check_not_locked(platform.database, body.username, now)
    with platform.database.read() as session:
        account = session.scalar(select(Account).where(Account.username == body.username))
    password_ok = _password_ok(account.password_hash if account else _DUMMY_HASH, body.password)
    if account is None or not password_ok:
        sign_in_guard.record_failure(platform.database, body.username, now)
        raise unauthorized("用户名或密码错误")
    sign_in_guard.record_success(platform.database, body.username)
    token, expires_at = tokens.issue(platform.database, account.username, body.desk_id, now)
    return TokenReply(
        access_token=token,
        username=account.username,
        roles=[role for role in account.roles.split(",") if role],
        centre_code=account.centre_code,
        expires_at=expires_at,
    )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _password_ok(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
