"""Local accounts: roles, argon2 password hashes, sign-in with lock-out.

A wrong user name and a wrong password get the same message, and failed attempts are counted
per typed name whether or not such an account exists, so the desk never tells which names are
real. Five failures lock the name for five minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clerk_desk.domain.roles import MIN_PASSWORD_LENGTH, Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from local_cache.db import Database
from local_cache.repositories import account_repo
from local_cache.schema import Account as AccountRow

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=5)


class SignInError(UserError):
    pass


class AccountError(UserError):
    pass


def _clerk(row: AccountRow) -> Clerk:
    return Clerk(
        username=row.username,
        display_name=row.display_name,
        roles=tuple(Role(r) for r in row.roles.split(",") if r),
        department=row.department,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


class AccountService:
    def __init__(self, database: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.database = database
        self.clock = clock
        self._hasher = PasswordHasher()
        self._dummy_hash: str | None = None

    def create(
        self,
        username: str,
        password: str,
        display_name: str,
        roles: Iterable[Role],
        department: str = "",
    ) -> Clerk:
        name = normalize_username(username)
        role_list = tuple(dict.fromkeys(Role(r) for r in roles))
        if not name or not name.isascii() or not name.replace("_", "").replace(".", "").isalnum():
            raise AccountError(
                QT_TRANSLATE_NOOP("core", "User name must be letters, digits, '.' or '_'")
            )
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(
                QT_TRANSLATE_NOOP("core", "Password must have at least {n} characters"),
                n=MIN_PASSWORD_LENGTH,
            )
        if not display_name.strip():
            raise AccountError(QT_TRANSLATE_NOOP("core", "Enter the person's name"))
        if not role_list:
            raise AccountError(QT_TRANSLATE_NOOP("core", "Choose at least one role"))
        if Role.REVIEWER in role_list and not department.strip():
            raise AccountError(QT_TRANSLATE_NOOP("core", "A reviewer needs a department"))
        with self.database.write() as session:
            if account_repo.find(session, name) is not None:
                raise AccountError(
                    QT_TRANSLATE_NOOP("core", "User name {name} is already taken"), name=name
                )
            row = AccountRow(
                username=name,
                display_name=display_name.strip(),
                roles=",".join(role_list),
                department=department.strip(),
                password_hash=self._hasher.hash(password),
                active=True,
                created_at=self.clock(),
            )
            session.add(row)
            account_repo.log_event(session, self.clock(), name, "created", ",".join(role_list))
        return _clerk(row)

    def sign_in(self, username: str, password: str) -> Clerk:
        name = normalize_username(username)
        now = self.clock()
        with self.database.write() as session:
            throttle = account_repo.throttle(session, name)
            if throttle.locked_until is not None and throttle.locked_until > now:
                minutes = max(1, -(-int((throttle.locked_until - now).total_seconds()) // 60))
                raise SignInError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Too many failed sign-ins: try again in {minutes} minute(s), "
                        "or ask an administrator",
                    ),
                    minutes=minutes,
                )
            row = account_repo.find(session, name)
            if row is not None and row.active and self._verify(row.password_hash, password):
                throttle.failures = 0
                throttle.locked_until = None
                if self._hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self._hasher.hash(password)
                account_repo.log_event(session, now, name, "signed_in")
                return _clerk(row)
            if row is None:
                # Verify against a throw-away hash so an unknown name costs the same time.
                if self._dummy_hash is None:
                    self._dummy_hash = self._hasher.hash("not-a-real-password")
                self._verify(self._dummy_hash, password)
            throttle.failures += 1
            account_repo.log_event(session, now, name, "sign_in_failed")
            if throttle.failures >= MAX_FAILURES:
                throttle.failures = 0
                throttle.locked_until = now + LOCK_DURATION
                account_repo.log_event(session, now, name, "locked_out")
        raise SignInError(
            QT_TRANSLATE_NOOP("core", "Wrong user name or password; check both and try again")
        )

    def log(self, username: str, event: str, detail: str = "") -> None:
        with self.database.write() as session:
            account_repo.log_event(session, self.clock(), username, event, detail)

    def events(self, limit: int = 100) -> list[tuple[datetime, str, str]]:
        """The newest account events first: when, whose, what (sign-in, lock, …)."""
        with self.database.read() as session:
            return [(e.at, e.username, e.event) for e in account_repo.events(session, limit)]

    def accounts(self) -> list[Clerk]:
        with self.database.read() as session:
            return [_clerk(row) for row in account_repo.all_accounts(session)]

    def count(self) -> int:
        with self.database.read() as session:
            return account_repo.count(session)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
