"""The desk's sync engine: push the outbox, pull the platform's changes, refresh the catalog.

Plain Python, no Qt: the window runs :meth:`SyncEngine.run_once` on a worker thread (on a
timer, on "sync now" and when a decision queues work) and shows :meth:`SyncEngine.status`;
``clerk-desk sync --once`` runs it headless. A pass's writes go through
:attr:`SyncEngine.writer`, the desk's one writer (:mod:`clerk_desk.sync.writer`). Every
network or platform failure is recorded, never raised, by ``run_once``; only
:meth:`SyncEngine.sign_in` raises, because a person waits for its answer.

After a failed pass the engine waits (capped exponential back-off with jitter) before the
timer's next pass. The count of failures in a row is kept in the database, so a restarted
window goes on backing off after its first try; an explicit pass (``force``) tries at once.

好差评 travel in the same pass: the reasons list is read first (a platform numbering the
levels in another order than ``rating_code_order`` is reported and holds ratings back), the
outbox's contacts, ratings and steps go with the case rows, and the ratings feed is pulled
after the cases (:mod:`clerk_desk.sync.ratings_pull`).
"""

from __future__ import annotations

import copy
import json
import random
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from clerk_desk import demo
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.home import DEMO
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.services.catalog import CatalogRejected, CatalogService
from clerk_desk.settings import Settings
from clerk_desk.sync import backoff
from clerk_desk.sync.catalog_sync import CatalogSync
from clerk_desk.sync.client import PlatformClient, unreadable_reply
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.errors import (
    PlatformNotConfigured,
    PlatformUnreachable,
    Refused,
    SignInRefused,
    SyncError,
    TransportFailure,
    Unauthorized,
)
from clerk_desk.sync.outbox_payload import apply_correction, field_value
from clerk_desk.sync.pull import READ_ROLES, Puller, refetch
from clerk_desk.sync.push import Pusher
from clerk_desk.sync.ratings_pull import RatingsPuller, apply_change, is_ratings_problem
from clerk_desk.sync.ratings_wire import PulledRefused, message_of
from clerk_desk.sync.status import PassReport, SyncProblem, SyncStatus
from clerk_desk.sync.tokens import Token, TokenBook
from clerk_desk.sync.writer import SessionWriter, Writer, inline
from local_cache.db import Database
from local_cache.file_store import FileStore
from local_cache.repositories import case_repo, sync_repo
from local_cache.schema import ContactRow, SyncProblemRow

LAST_SUCCESS = "last_success_at"
LAST_ERROR = "last_error"
FAILURES = "failures"
RESENT, DISCARDED, REFETCHED = "resent", "discarded", "refetched"
ALL_ROLES = frozenset({*READ_ROLES, "admin"})
_DEMO_PASSWORDS = {account.username: account.password for account in demo.DEMO_ACCOUNTS}


class ProblemResolved(SyncError):
    pass


class SyncEngine:
    """One per open desk (``desk.sync``)."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        catalog: CatalogService,
        files: FileStore,
        clock: Callable[[], datetime] = datetime.now,
        rng: random.Random | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.catalog = catalog
        self.files = files
        self.clock = clock
        self.tokens = TokenBook()
        self._rng = rng or random.Random()
        self._pass_lock = threading.Lock()
        self._online: bool | None = None
        self._not_before = 0.0  # monotonic
        self._uploaded: set[str] = set()
        # Who runs this engine's writes (see clerk_desk.sync.writer); the window sets its
        # database thread.
        self.writer: Writer = inline
        self._write = SessionWriter(database, lambda: self.writer)

    # Signing in -----------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> None:
        """Get a platform token for ``username`` (network); their waiting rows may go.

        Raises a :class:`~clerk_desk.errors.UserError` subclass on wrong credentials (401),
        when the platform cannot be reached, or when no platform is configured."""
        client = PlatformClient(Connection.from_settings(self.settings))
        try:
            self._sign_in(client, username, password)
        except Unauthorized as refused:
            raise SignInRefused(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The platform refused the sign-in of {username}: wrong user name or "
                    "password ({reason})",
                ),
                username=username,
                reason=refused.reason,
            ) from refused
        except Refused as refused:
            raise SignInRefused(
                QT_TRANSLATE_NOOP(
                    "core", "The platform refused the sign-in of {username}: {reason}"
                ),
                username=username,
                reason=refused.reason,
            ) from refused
        except TransportFailure as failure:
            raise PlatformUnreachable.from_failure(failure) from failure
        finally:
            client.close()

    def _sign_in(self, client: PlatformClient, username: str, password: str) -> Token:
        reply = client.token(str(self.settings.get("desk_id")), username, password)
        try:
            value, roles = str(reply["access_token"]), frozenset(map(str, reply["roles"]))
        except (KeyError, TypeError) as error:
            raise unreadable_reply() from error
        self.tokens.add(username, value, roles)
        token = self.tokens.get(username)
        assert token is not None
        return token

    # Passes ---------------------------------------------------------------------------------

    def run_once(self, force: bool = True) -> SyncStatus:
        """One full pass: push, then pull, then the catalog (network).

        Never raises for network or platform failures; they are recorded in the status.
        Safe on a background thread while the desk's database thread works; a pass already
        running in this process makes a second call return the current status at once.
        ``force=False`` (the window's timer) honours the back-off after failures."""
        return self.run_pass(force).status

    def run_pass(self, force: bool = True) -> PassReport:
        """:meth:`run_once`, with how many rows were pushed and changes pulled."""
        if not self._pass_lock.acquire(blocking=False):
            return PassReport(0, 0, self.status())
        try:
            if not force and time.monotonic() < self._not_before:
                return PassReport(0, 0, self.status())
            pushed, pulled, rated = self._pass()
        finally:
            self._pass_lock.release()
        return PassReport(pushed, pulled, self.status(), rated)

    def seconds_until_due(self) -> float:
        """How long the back-off still holds the timer's passes (0 when a pass may run)."""
        return max(0.0, self._not_before - time.monotonic())

    def _pass(self) -> tuple[int, int, int]:
        """What a pass moved: rows pushed, case changes pulled, 好差评 rows newly stored."""
        try:
            connection = Connection.from_settings(self.settings)
        except PlatformNotConfigured:
            return 0, 0, 0
        except SyncError as refused:
            self._record_error(refused.message)
            return 0, 0, 0
        client = PlatformClient(connection)
        pushed = pulled = rated = 0
        ratings_wait: Message | None = None
        try:
            backoff.retrying(lambda: client.call("GET", "/health"))
            ratings_wait = self._reasons(client)
            push = self._pusher(client, hold_ratings=ratings_wait is not None).run()
            pushed = push.pushed
            if push.failure is not None:
                self._failed(push.failure.message, push.failed_row, progressed=pushed > 0)
                return pushed, pulled, rated
            reader = self._token_with(client, READ_ROLES)
            if reader is not None:
                pulled, rated = self._pull(client, reader, ratings=ratings_wait is None)
        except TransportFailure as failure:
            self._failed(failure.message, None, progressed=pushed + pulled > 0)
        except Refused as refused:
            self._record_error(_refusal_message(refused))
        except CatalogRejected as rejected:
            self._record_error(rejected.message)
        else:
            self._succeeded()
            if ratings_wait is not None:
                self._record_error(ratings_wait)
        finally:
            client.close()
        return pushed, pulled, rated

    def _pull(self, client: PlatformClient, reader: Token, ratings: bool) -> tuple[int, int]:
        """The case changes, then (unless the platform numbers levels otherwise) the 好差评
        feed, then the catalog."""
        try:
            centre_code = str(self.settings.get("centre_code"))
            puller = Puller(self.database, self._write, client, centre_code, self.clock)
            pulled = puller.run(reader.value)
            rated = self._ratings(client).run(reader.value) if ratings else 0
            CatalogSync(self.database, self._write, client, self.catalog).run(reader.value)
        except Unauthorized:
            self.tokens.drop(reader.username)
            raise
        return pulled, rated

    def _ratings(self, client: PlatformClient) -> RatingsPuller:
        order = str(self.settings.get("rating_code_order"))
        return RatingsPuller(self.database, self._write, client, order, self.clock)

    def _reasons(self, client: PlatformClient) -> Message | None:
        """The platform's reasons list, read before anything is pushed. Why ratings wait this
        pass, if they do: the platform numbers the levels in another order than this desk's
        setting, or refused the list (reported at the end of the pass; the cases go on)."""
        token = self._token_with(client, ALL_ROLES)
        if token is None:
            return None
        try:
            mismatch = self._ratings(client).reasons(token.value)
        except Unauthorized:
            self.tokens.drop(token.username)
            raise
        except Refused as refused:
            return _refusal_message(refused)
        return mismatch.message if mismatch is not None else None

    def _pusher(self, client: PlatformClient, hold_ratings: bool = False) -> Pusher:
        return Pusher(
            database=self.database,
            write=self._write,
            client=client,
            files=self.files,
            desk_id=str(self.settings.get("desk_id")),
            clock=self.clock,
            token_for=lambda username: self._token_for(client, username),
            any_token=lambda roles: self._token_with(client, roles),
            forget_token=self.tokens.drop,
            uploaded=self._uploaded,
            code_order=str(self.settings.get("rating_code_order")),
            hold_ratings=hold_ratings,
        )

    def _demo(self) -> bool:
        return bool(self.settings.get("mode") == DEMO)

    def _token_for(self, client: PlatformClient, username: str) -> Token | None:
        """The author's token; in demo mode a demo account is signed in on the way."""
        token = self.tokens.get(username)
        if token is None and self._demo() and username in _DEMO_PASSWORDS:
            try:
                token = self._sign_in(client, username, _DEMO_PASSWORDS[username])
            except Refused:
                return None
        return token

    def _token_with(self, client: PlatformClient, roles: frozenset[str]) -> Token | None:
        token = self.tokens.with_any_role(roles)
        if token is None and self._demo():
            for account in demo.DEMO_ACCOUNTS:
                if roles & {str(role) for role in account.roles}:
                    return self._token_for(client, account.username)
        return token

    def _succeeded(self) -> None:
        self._online = True
        self._not_before = 0.0
        now = self.clock().isoformat()

        def record(session: Session) -> None:
            sync_repo.set_state(session, LAST_SUCCESS, now)
            sync_repo.set_state(session, LAST_ERROR, "")
            sync_repo.set_state(session, FAILURES, "0")

        self._write(record)

    def _failed(self, message: Message, row_id: int | None, progressed: bool) -> None:
        """A pass ended on a transport failure: back off, counting failures in a row; a pass
        that still moved something starts the count again, so a flaky link keeps a short
        back-off while the work goes through."""
        self._online = False

        def record(session: Session) -> float:
            previous = 0 if progressed else int(sync_repo.get_state(session, FAILURES) or 0)
            failures = previous + 1
            wait = backoff.delay(failures, self._rng)
            sync_repo.set_state(session, FAILURES, str(failures))
            sync_repo.set_state(session, LAST_ERROR, _stored(message))
            if row_id is not None:
                next_at = self.clock() + timedelta(seconds=wait)
                sync_repo.record_failure(session, row_id, message.render("en"), next_at)
            return wait

        self._not_before = time.monotonic() + self._write(record)

    def _record_error(self, message: Message) -> None:
        """The platform answered, but something was refused or misconfigured."""
        self._write(lambda session: sync_repo.set_state(session, LAST_ERROR, _stored(message)))

    # What the window shows ------------------------------------------------------------------

    def status(self) -> SyncStatus:
        """Cheap, local only."""
        configured = bool(str(self.settings.get("platform_url")).strip())
        with self.database.read() as session:
            pending = sync_repo.pending_count(session)
            refused = sync_repo.open_problem_count(session)
            authors = sync_repo.authors(session)
            last_success = sync_repo.get_state(session, LAST_SUCCESS)
            last_error = sync_repo.get_state(session, LAST_ERROR)
        signed_in = self.tokens.usernames()
        if self._demo():
            signed_in |= set(_DEMO_PASSWORDS)
        return SyncStatus(
            configured=configured,
            online=self._online,
            pending=pending,
            refused=refused,
            waiting_for=tuple(sorted(authors - signed_in)) if configured else (),
            last_success=datetime.fromisoformat(last_success) if last_success else None,
            last_error=_rendered(last_error),
        )

    def problems(self) -> list[SyncProblem]:
        """The open sync problems, oldest first."""
        with self.database.read() as session:
            rows = sync_repo.open_problems(session)
        return [_problem(problem, case_no) for problem, case_no in rows]

    def sent_values(self, problem_id: int) -> dict[str, str]:
        """What the refused request held in each field the platform named: the starting point
        of the clerk's corrections."""
        with self.database.read() as session:
            problem = _open_problem(session, problem_id)
            if problem.pulled is not None or is_ratings_problem(problem.kind):
                return {}  # nothing to correct (a rating is never changed)
            row = sync_repo.outbox_row(session, problem.outbox_id)
            assert row is not None, f"sync problem {problem_id} lost its outbox row"
            return {str(path): field_value(row.payload, str(path)) for path, _ in problem.fields}

    # Resolving problems ---------------------------------------------------------------------

    def resend(self, problem_id: int, corrections: dict[str, str], by: str) -> None:
        """Apply ``{dotted field path: new value}`` (paths as the platform names them, e.g.
        ``case.applicant.id_number``) to the refused row, to the case document of the later
        rows of its case and to the local case; close the problem as resent; requeue.

        A pulled problem has nothing to correct: its case is fetched again on the next pass
        (and checked afresh); the problem closes as re-fetched. A pulled 好差评 row is checked
        again at once (its rating may have arrived since) and stored if it fits now.

        A refused 好差评 row (contact, rating, follow-up step) is sent again as it is: what a
        visitor rated is never changed, so no correction is taken."""
        with self.database.write() as session:
            problem = _open_problem(session, problem_id)
            rated = is_ratings_problem(problem.kind)
            if problem.pulled is not None and rated:
                _store_again(session, problem.pulled, self.settings, self.clock())
                sync_repo.resolve_problem(session, problem_id, REFETCHED, by, "", self.clock())
                return
            if problem.pulled is not None:
                refetch(session, problem.case_uuid)
                sync_repo.resolve_problem(session, problem_id, REFETCHED, by, "", self.clock())
                return
            if rated and corrections:
                raise ProblemResolved(
                    # 评价及其服务记录、整改环节不能修改，只能原样重发或放弃；未作任何改动
                    QT_TRANSLATE_NOOP(
                        "core",
                        "A rating, its contact and its follow-up steps cannot be changed, only "
                        "sent again as they are or discarded; nothing was changed",
                    )
                )
            row = sync_repo.outbox_row(session, problem.outbox_id)
            assert row is not None, f"sync problem {problem_id} lost its outbox row"
            payload = copy.deepcopy(row.payload)
            for path, value in corrections.items():
                apply_correction(payload, path, value)
            sync_repo.set_payload(session, row.id, payload)
            sync_repo.reset_attempts(session, row.id)
            case_fields = {
                path.removeprefix("case."): value
                for path, value in corrections.items()
                if path.startswith("case.")
            }
            if case_fields:
                _correct_case(session, row.case_uuid, row.id, case_fields)
            sync_repo.resolve_problem(
                session,
                problem_id,
                RESENT,
                by,
                json.dumps(corrections, ensure_ascii=False),
                self.clock(),
            )

    def discard(self, problem_id: int, reason: str, by: str) -> None:
        """Close the problem as discarded (``reason`` required, recorded with ``by``); the
        row leaves the outbox, its step leaves the case's history, the platform's case is
        fetched again and the later rows of its case may go.

        A 好差评 row only leaves the outbox: the contact, rating or step stays on this desk
        (ratings and steps are immutable), never reaching the platform; the problem keeps
        the record of it and why."""
        if not reason.strip():
            raise ProblemResolved(
                QT_TRANSLATE_NOOP("core", "Say why this change is discarded; nothing was changed")
            )
        with self.database.write() as session:
            problem = _open_problem(session, problem_id)
            sync_repo.resolve_problem(
                session, problem_id, DISCARDED, by, reason.strip(), self.clock()
            )
            if is_ratings_problem(problem.kind):
                if problem.pulled is None:
                    sync_repo.delete_outbox(session, problem.outbox_id)
                return
            if problem.pulled is None:
                row = sync_repo.outbox_row(session, problem.outbox_id)
                sync_repo.delete_outbox(session, problem.outbox_id)
                if row is not None and row.kind != CaseEvent.SUBMIT:
                    # The step never happened on the platform: it leaves the case's history,
                    # and the problem keeps the record of it. A refused submit stays: it is
                    # the case's own opening, and the case stays on this desk.
                    case_repo.delete_event(session, row.event_uuid)
                refetch(session, problem.case_uuid)  # the platform's case, not the discarded one


def _problem(row: SyncProblemRow, case_no: str | None) -> SyncProblem:
    """A problem as the window shows it: a pulled one in the UI's language, under the desk's
    number of its case (or, for a case the desk does not hold, the number pulled)."""
    pulled = row.pulled
    reason = row.reason
    if pulled is not None:
        reason = message_of(pulled["reason"]).render()
        case_no = case_no or str(pulled["case"].get("case_no") or "")
    return SyncProblem(
        id=row.id,
        case_uuid=row.case_uuid,
        case_no=case_no or "",
        kind=row.kind,
        status_code=row.status_code,
        reason=reason,
        fields=tuple((str(path), str(text)) for path, text in row.fields),
        created_at=row.created_at,
        pulled=pulled is not None,
    )


def _store_again(
    session: Session, pulled: dict[str, Any], settings: Settings, now: datetime
) -> None:
    """Check a kept 好差评 change again and store it; refused (nothing closes) if it still
    breaks the desk's invariants."""
    try:
        apply_change(session, dict(pulled["change"]), str(settings.get("rating_code_order")), now)
    except PulledRefused as refused:
        raise ProblemResolved(
            # 仍未保存：{reason}
            QT_TRANSLATE_NOOP("core", "Still not stored: {reason}"),
            reason=refused.message,
        ) from refused


def _open_problem(session: Session, problem_id: int) -> SyncProblemRow:
    problem = sync_repo.open_problem(session, problem_id)
    if problem is None:
        raise ProblemResolved(
            QT_TRANSLATE_NOOP("core", "This sync problem was already resolved or does not exist")
        )
    return problem


def _correct_case(session: Session, case_uuid: str, row_id: int, fields: dict[str, str]) -> None:
    """The same corrections in the later rows' case documents and in the local case."""
    new_no = fields.get("case_no")
    for later in sync_repo.later_rows(session, case_uuid, row_id):
        if "case" not in later.payload:
            # A 好差评 row carries no case document, only the case's number (the platform
            # checks it); the rating itself here is immutable and keeps the old one.
            if new_no is not None:
                payload = copy.deepcopy(later.payload)
                for key in ("contact", "rating"):
                    if isinstance(payload.get(key), dict):
                        payload[key]["case_no"] = new_no
                sync_repo.set_payload(session, later.id, payload)
            continue
        payload = copy.deepcopy(later.payload)
        for path, value in fields.items():
            apply_correction(payload["case"], path, value)
        sync_repo.set_payload(session, later.id, payload)
    if new_no is not None:
        session.execute(
            update(ContactRow).where(ContactRow.case_uuid == case_uuid).values(case_no=new_no)
        )
    local = case_repo.load(session, case_uuid)
    if local is not None:
        local = copy.deepcopy(local)
        for path, value in fields.items():
            apply_correction(local, path, value)
        case_repo.save_case(session, local)


def _refusal_message(refused: Refused) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("core", "The platform refused a request ({status}): {reason}"),
        {"status": refused.status, "reason": refused.reason or refused.code},
    )


def _stored(message: Message) -> str:
    return json.dumps({"template": message.template, "params": message.params}, default=str)


def _rendered(stored: str | None) -> str:
    if not stored:
        return ""
    data = json.loads(stored)
    return Message(data["template"], data["params"]).render()
