"""Local accounts: roles, argon2 password hashes, sign-in with lock-out.

A wrong user name and a wrong password get the same message, and failed attempts are counted
per typed name whether or not such an account exists, so the desk never tells which names are
real. Five failures lock the name for five minutes.

An administrator manages the other accounts; every change is logged with who made it, and the
last active administrator can be neither disabled nor stripped of the role, so the desk always
keeps someone who can manage it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from clerk_desk.domain.accounts import (
    LOCK_DURATION,
    MAX_FAILURES,
    STAFF_NO_MAX,
    AccountError,
    AccountSummary,
)
from clerk_desk.domain.limits import NAME_MAX, PASSWORD_MAX, USERNAME_MAX
from clerk_desk.domain.roles import MIN_PASSWORD_LENGTH, Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from local_cache.db import Database
from local_cache.repositories import account_repo
from local_cache.schema import Account as AccountRow

# 用户名或密码错误，请检查后重试
WRONG_CREDENTIALS = QT_TRANSLATE_NOOP(
    "core", "Wrong user name or password; check both and try again"
)


class SignInError(UserError):
    @property
    def wrong_credentials(self) -> bool:
        """The name or the password did not match (not a lock-out)."""
        return self.message.template == WRONG_CREDENTIALS


def _roles(row: AccountRow) -> tuple[Role, ...]:
    return tuple(Role(r) for r in row.roles.split(",") if r)


def _clerk(row: AccountRow) -> Clerk:
    return Clerk(
        username=row.username,
        display_name=row.display_name,
        roles=_roles(row),
        department=row.department,
        staff_no=row.staff_no or "",
    )


def _is_active_admin(row: AccountRow) -> bool:
    return row.active and Role.ADMIN in _roles(row)


def _detail(by: str, **changes: str) -> str:
    """An event's detail: what changed and, for an administrator's change, who made it."""
    parts = [f"{key}={value}" for key, value in changes.items()]
    if by:
        parts.append(f"by={by}")
    return "; ".join(parts)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            QT_TRANSLATE_NOOP("core", "Password must have at least {n} characters"),
            field="password",
            n=MIN_PASSWORD_LENGTH,
        )
    if len(password) > PASSWORD_MAX:
        raise AccountError(
            # 密码最多 {n} 个字符
            QT_TRANSLATE_NOOP("core", "Password must have at most {n} characters"),
            field="password",
            n=PASSWORD_MAX,
        )


def _check_profile(display_name: str, roles: tuple[Role, ...], department: str) -> None:
    if not display_name.strip():
        raise AccountError(
            QT_TRANSLATE_NOOP("core", "Enter the person's name"), field="display_name"
        )
    if len(display_name.strip()) > NAME_MAX:
        raise AccountError(
            # 姓名最多 {n} 个字符
            QT_TRANSLATE_NOOP("core", "The name must have at most {n} characters"),
            field="display_name",
            n=NAME_MAX,
        )
    if not roles:
        raise AccountError(QT_TRANSLATE_NOOP("core", "Choose at least one role"), field="roles")
    if Role.REVIEWER in roles and not department.strip():
        raise AccountError(
            QT_TRANSLATE_NOOP("core", "A reviewer needs a department"), field="department"
        )


def _check_staff_no(session: Session, staff_no: str, username: str) -> None:
    """工号: at most :data:`STAFF_NO_MAX` characters, no spaces inside, one person's only."""
    if len(staff_no) > STAFF_NO_MAX:
        raise AccountError(
            # 工号最多 {n} 个字符
            QT_TRANSLATE_NOOP("core", "The staff number must have at most {n} characters"),
            field="staff_no",
            n=STAFF_NO_MAX,
        )
    if any(character.isspace() or not character.isprintable() for character in staff_no):
        raise AccountError(
            # 工号不能含空格
            QT_TRANSLATE_NOOP("core", "The staff number may not contain spaces"),
            field="staff_no",
        )
    if not staff_no:
        return
    holder = next(
        (
            other
            for other in account_repo.all_accounts(session)
            if other.staff_no == staff_no and other.username != username
        ),
        None,
    )
    if holder is not None:
        raise AccountError(
            # 工号 {staff_no} 已是 {name} 的工号
            QT_TRANSLATE_NOOP("core", "Staff number {staff_no} is already {name}'s"),
            field="staff_no",
            staff_no=staff_no,
            name=holder.display_name,
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
        by: str = "",
        staff_no: str = "",
    ) -> Clerk:
        """A new account; ``by`` names the administrator (empty at setup and demo seeding);
        ``staff_no`` is the person's 工号."""
        name = normalize_username(username)
        staff_no = staff_no.strip()
        role_list = tuple(dict.fromkeys(Role(r) for r in roles))
        if not name or not name.isascii() or not name.replace("_", "").replace(".", "").isalnum():
            raise AccountError(
                QT_TRANSLATE_NOOP("core", "User name must be letters, digits, '.' or '_'"),
                field="username",
            )
        if len(name) > USERNAME_MAX:
            raise AccountError(
                # 用户名最多 {n} 个字符
                QT_TRANSLATE_NOOP("core", "User name must have at most {n} characters"),
                field="username",
                n=USERNAME_MAX,
            )
        _check_password(password)
        _check_profile(display_name, role_list, department)
        with self.database.write() as session:
            if account_repo.find(session, name) is not None:
                raise AccountError(
                    QT_TRANSLATE_NOOP("core", "User name {name} is already taken"),
                    field="username",
                    name=name,
                )
            _check_staff_no(session, staff_no, name)
            row = AccountRow(
                username=name,
                display_name=display_name.strip(),
                roles=",".join(role_list),
                department=department.strip(),
                staff_no=staff_no,
                password_hash=self._hasher.hash(password),
                active=True,
                created_at=self.clock(),
            )
            session.add(row)
            account_repo.log_event(
                session, self.clock(), name, "created", _detail(by, roles=",".join(role_list))
            )
        return _clerk(row)

    def set_password(self, username: str, new_password: str, *, by: str) -> None:
        _check_password(new_password)
        password_hash = self._hasher.hash(new_password)
        with self.database.write() as session:
            row = _existing(session, username)
            row.password_hash = password_hash
            account_repo.log_event(session, self.clock(), row.username, "password_set", _detail(by))

    def set_active(self, username: str, active: bool, *, by: str) -> None:
        """Enable or disable an account; a disabled account cannot sign in."""
        with self.database.write() as session:
            row = _existing(session, username)
            if row.active == active:
                return
            if not active:
                _keep_an_admin(session, row)
            row.active = active
            event = "enabled" if active else "disabled"
            account_repo.log_event(session, self.clock(), row.username, event, _detail(by))

    def update(
        self,
        username: str,
        display_name: str | None = None,
        roles: Iterable[Role] | None = None,
        department: str | None = None,
        *,
        by: str,
        staff_no: str | None = None,
    ) -> Clerk:
        """Change the name, roles, department or 工号; ``None`` keeps what the account has."""
        with self.database.write() as session:
            row = _existing(session, username)
            new_name = row.display_name if display_name is None else display_name.strip()
            new_roles = (
                _roles(row) if roles is None else tuple(dict.fromkeys(Role(r) for r in roles))
            )
            new_department = row.department if department is None else department.strip()
            new_staff_no = (row.staff_no or "") if staff_no is None else staff_no.strip()
            _check_profile(new_name, new_roles, new_department)
            _check_staff_no(session, new_staff_no, row.username)
            if Role.ADMIN not in new_roles:
                _keep_an_admin(session, row, field="roles")
            changes = {
                key: value
                for key, value, old in (
                    ("display_name", new_name, row.display_name),
                    ("roles", ",".join(new_roles), row.roles),
                    ("department", new_department, row.department),
                    ("staff_no", new_staff_no, row.staff_no or ""),
                )
                if value != old
            }
            if changes:
                row.display_name = new_name
                row.roles = ",".join(new_roles)
                row.department = new_department
                row.staff_no = new_staff_no
                account_repo.log_event(
                    session, self.clock(), row.username, "updated", _detail(by, **changes)
                )
            return _clerk(row)

    def unlock(self, username: str, *, by: str) -> None:
        """Clear the sign-in lock-out and the count of failed attempts."""
        with self.database.write() as session:
            row = _existing(session, username)
            throttle = account_repo.peek_throttle(session, row.username)
            if throttle is not None:
                throttle.failures = 0
                throttle.locked_until = None
            account_repo.log_event(session, self.clock(), row.username, "unlocked", _detail(by))

    def account_rows(self) -> list[AccountSummary]:
        now = self.clock()
        with self.database.read() as session:
            rows = []
            for row in account_repo.all_accounts(session):
                throttle = account_repo.peek_throttle(session, row.username)
                locked_until = throttle.locked_until if throttle is not None else None
                rows.append(
                    AccountSummary(
                        username=row.username,
                        display_name=row.display_name,
                        roles=_roles(row),
                        department=row.department,
                        active=row.active,
                        locked_until=locked_until if locked_until and locked_until > now else None,
                        staff_no=row.staff_no or "",
                    )
                )
            return rows

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
        raise SignInError(WRONG_CREDENTIALS)

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


def _existing(session: Session, username: str) -> AccountRow:
    row = account_repo.find(session, normalize_username(username))
    if row is None:
        raise AccountError(
            QT_TRANSLATE_NOOP("core", "There is no account named {name}"),
            field="username",
            name=normalize_username(username),
        )
    return row


def _keep_an_admin(session: Session, row: AccountRow, field: str = "") -> None:
    """Refuse a change that would leave the desk without an active administrator."""
    if not _is_active_admin(row):
        return
    if any(
        _is_active_admin(other)
        for other in account_repo.all_accounts(session)
        if other.username != row.username
    ):
        return
    raise AccountError(
        QT_TRANSLATE_NOOP(
            "core",
            "{name} is the last active administrator; make another account an administrator first",
        ),
        field=field,
        name=row.username,
    )
