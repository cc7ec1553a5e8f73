"""What the sync engine tells the window and the command line: its status and its problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SyncStatus:
    """Where sync stands; cheap to build, local only (no network)."""

    configured: bool  # a platform URL is set
    online: bool | None  # None until the first attempt of this process
    pending: int  # outbox rows still to send
    refused: int  # open sync problems
    waiting_for: tuple[str, ...]  # authors whose rows wait for them to sign in (no token)
    last_success: datetime | None
    last_error: str  # rendered in the UI language, "" if none


@dataclass(frozen=True)
class SyncProblem:
    """One outbox row the platform refused (409, 422, 403, 404 …): it stays, blocking the
    later rows of its case, until the clerk resends it corrected or discards it.

    Or (``pulled``) a change pulled from the platform that the desk did not apply because it
    broke the desk's invariants (``status_code`` 0, ``reason`` the desk's own): it stays until
    the clerk has the case fetched again or discards the change with a reason."""

    id: int
    case_uuid: str
    case_no: str
    kind: str
    status_code: int
    reason: str  # the platform's message
    fields: tuple[tuple[str, str], ...]  # (dotted field path, message) from a 422
    created_at: datetime
    pulled: bool = False


@dataclass(frozen=True)
class PassReport:
    """What one pass did (for ``clerk-desk sync --once``), and the status after it."""

    pushed: int
    pulled: int  # case changes
    status: SyncStatus
    ratings: int = 0  # contacts, ratings and follow-up steps pulled that were new here
