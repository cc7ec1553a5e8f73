"""What can go wrong talking to the platform.

:class:`SyncError` subclasses are refusals a person sees (a setting to change, a password to
type again). :class:`TransportFailure` and :class:`Refused` are the engine's own signals: a
failure is retried later, a refusal becomes a sync problem; neither reaches the user as is.
"""

from __future__ import annotations

from typing import Any

from clerk_desk.errors import UserError
from clerk_desk.i18n import Message


class SyncError(UserError):
    pass


class PlatformNotConfigured(SyncError):
    pass


class PlatformAddressRefused(SyncError):
    """A platform URL or CA bundle setting the engine will not use."""


class SignInRefused(SyncError):
    pass


class PlatformUnreachable(SyncError):
    """Sign-in could not reach the platform; the message says why."""

    @classmethod
    def from_failure(cls, failure: TransportFailure) -> PlatformUnreachable:
        return cls(failure.message.template, **failure.message.params)


class TransportFailure(Exception):
    """No usable answer: timeout, connection refused or dropped, TLS, 5xx, a cut-off body."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


class Refused(Exception):
    """The platform answered and said no (a 4xx other than 401)."""

    def __init__(
        self,
        status: int,
        code: str,
        reason: str,
        fields: tuple[tuple[str, str], ...] = (),
        headers: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {reason}")
        self.status = status
        self.code = code
        self.reason = reason
        self.fields = fields
        self.headers = headers or {}


class Unauthorized(Refused):
    """401: the token is missing, unknown or expired, or the credentials are wrong."""
