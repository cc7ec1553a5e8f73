"""What the account list shows and how account changes are refused.

Kept apart from the account service (like :mod:`roles`) so the window can use these types
without loading the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from clerk_desk.domain.roles import Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

# Sign-in lock-out, the same on the desk and on the platform: this many failures in a row for
# one typed user name lock that name for this long.
MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=5)
STAFF_NO_MAX = 32  # 工号, characters (the column's width)


class AccountError(UserError):
    """A refused account change; ``field`` names the input it is about, so a form can show the
    message beside it: ``username``, ``password``, ``display_name``, ``roles``, ``department``,
    ``staff_no``, or "" when it is about the account as a whole."""

    def __init__(self, template: str, field: str = "", **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field


class AccountState(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"
    LOCKED = "locked"


STATE_LABELS = {
    AccountState.ACTIVE: QT_TRANSLATE_NOOP("core", "Active"),
    AccountState.DISABLED: QT_TRANSLATE_NOOP("core", "Disabled"),
    AccountState.LOCKED: QT_TRANSLATE_NOOP("core", "Locked"),
}


@dataclass(frozen=True)
class AccountSummary:
    """One line of the account list; ``locked_until`` is set only while a lock-out lasts."""

    username: str
    display_name: str
    roles: tuple[Role, ...]
    department: str
    active: bool
    locked_until: datetime | None
    staff_no: str = ""  # 工号

    @property
    def state(self) -> AccountState:
        """Disabled wins over locked: unlocking a disabled account would not let it in."""
        if not self.active:
            return AccountState.DISABLED
        if self.locked_until is not None:
            return AccountState.LOCKED
        return AccountState.ACTIVE
