"""Sign-in lock-out, by the desk's rule (``clerk_desk.domain.accounts``).

Failures are counted per typed user name whether or not such an account exists, so the
platform never tells which names are real; ``MAX_FAILURES`` in a row lock the name for
``LOCK_DURATION``. A success clears the count.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError

from clerk_desk.domain.accounts import LOCK_DURATION, MAX_FAILURES
from platform_sandbox.db import Database
from platform_sandbox.errors import ApiError
from platform_sandbox.models import SignInThrottle


def check_not_locked(database: Database, username: str, now: datetime) -> None:
    """403 ``locked`` (with ``Retry-After``) while ``username`` is locked out."""
    with database.read() as session:
        row = session.get(SignInThrottle, username)
        locked_until = row.locked_until if row is not None else None
    if locked_until is None or locked_until <= now:
        return
    seconds = int((locked_until - now).total_seconds()) + 1
    minutes = max(1, -(-seconds // 60))
    raise ApiError(
        403,
        "locked",
        f"登录失败次数过多，请{minutes}分钟后再试",
        headers={"Retry-After": str(seconds)},
    )


def record_failure(database: Database, username: str, now: datetime) -> None:
    try:
        _count_failure(database, username, now)
    except IntegrityError:  # a first failure of the same name raced ours: count again
        _count_failure(database, username, now)


def record_success(database: Database, username: str) -> None:
    with database.write() as session:
        row = session.get(SignInThrottle, username, with_for_update=True)
        if row is not None:
            row.failures, row.locked_until = 0, None


def _count_failure(database: Database, username: str, now: datetime) -> None:
    with database.write() as session:
        row = session.get(SignInThrottle, username, with_for_update=True)
        if row is None:
            row = SignInThrottle(username=username, failures=0, locked_until=None)
            session.add(row)
        row.failures += 1
        if row.failures >= MAX_FAILURES:
            row.failures, row.locked_until = 0, now + LOCK_DURATION
