"""Draining the outbox: in row order per case, each row with its author's token.

A row leaves only after a 2xx, deleted in its own transaction; a lost reply means the row is
sent again, which the platform's idempotent PUT and event uuids make harmless. A refused row
becomes a sync problem and holds back the later rows of its case only (a refused 好差评 row
only the later 好差评 rows of its case). The first transport failure ends the pass (the
platform is unreachable or overloaded: retry later).

好差评 rows (a contact, a rating, a follow-up step) go to their own routes with the token of
who served (contact, rating) or who recorded the step; a rating's level leaves as the
platform's code in the desk's ``rating_code_order``, mapped at send time.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from clerk_desk.domain.case_states import DEADLINE_RECOMPUTED
from clerk_desk.domain.permissions import EVENT_ROLES
from clerk_desk.services.ratings import CONTACT, OUTBOX_KINDS, RATING
from clerk_desk.sync import blobs
from clerk_desk.sync.backoff import retrying
from clerk_desk.sync.client import PlatformClient, unreadable_reply
from clerk_desk.sync.errors import Refused, TransportFailure, Unauthorized
from clerk_desk.sync.outbox_payload import author, is_normalised, normalise, referenced_blobs
from clerk_desk.sync.ratings_wire import rating_body, sender_of
from clerk_desk.sync.tokens import Token
from clerk_desk.sync.writer import SessionWriter
from local_cache.db import Database
from local_cache.file_store import FileStore
from local_cache.repositories import case_repo, sync_repo
from local_cache.repositories.sync_repo import PendingRow

SUBMIT = "submit"
BLOB_ROLES = frozenset({"intake_clerk", "output_clerk", "supervisor"})
DEADLINE_SENDERS = frozenset(str(role) for role in EVENT_ROLES[DEADLINE_RECOMPUTED])
RATED = OUTBOX_KINDS  # 好差评 rows: contacts, ratings, follow-up steps (no files, no deadline)


@dataclass
class PushResult:
    pushed: int = 0
    waiting_for: set[str] = field(default_factory=set)
    failed_row: int | None = None
    failure: TransportFailure | None = None


@dataclass
class Pusher:
    database: Database
    write: SessionWriter
    client: PlatformClient
    files: FileStore
    desk_id: str
    clock: Callable[[], datetime]
    token_for: Callable[[str], Token | None]  # signs demo accounts in; None: the author waits
    any_token: Callable[[frozenset[str]], Token | None]
    forget_token: Callable[[str], None]
    uploaded: set[str]  # blobs known complete on the platform (this engine's lifetime)
    code_order: str = "national"  # the desk's rating_code_order: how a level travels
    hold_ratings: bool = False  # the platform numbers levels otherwise: ratings wait

    def run(self) -> PushResult:
        result = PushResult()
        with self.database.read() as session:
            rows = sync_repo.outbox(session)
            blocked = sync_repo.blocked_outbox_ids(session)
        # A case's rows go in order: a held case event holds every later row of its case; a
        # held 好差评 row holds only the later 好差评 rows of its case (a refused rating never
        # stops the case's own life).
        held = {row.case_uuid for row in rows if row.id in blocked and row.kind not in RATED}
        held_ratings = {row.case_uuid for row in rows if row.id in blocked and row.kind in RATED}
        for row in rows:
            rated = row.kind in RATED
            if row.case_uuid in held or (rated and row.case_uuid in held_ratings):
                continue
            holding = held_ratings if rated else held
            if rated and self.hold_ratings and row.kind == RATING:
                holding.add(row.case_uuid)  # the platform counts levels in another order
                continue
            body = self._rated_body(row) if rated else self._body(row)
            who = sender = sender_of(row.kind, body) if rated else author(body)
            try:
                token = self._sender(row, who)
                if token is None:
                    result.waiting_for.add(who)
                    holding.add(row.case_uuid)
                    continue
                sender = token.username
                if sender != who:
                    body = self._sent_by(row, body, sender)
                retrying(partial(self._send_rated if rated else self._send, row, body, token))
            except Unauthorized:
                self.forget_token(sender)
                result.waiting_for.add(sender)
                holding.add(row.case_uuid)
                continue
            except Refused as refused:
                self._refused(row, refused)
                holding.add(row.case_uuid)
                continue
            except TransportFailure as failure:
                result.failed_row, result.failure = row.id, failure
                return result
            self.write(partial(sync_repo.delete_outbox, row_id=row.id))
            result.pushed += 1
        return result

    def _body(self, row: PendingRow) -> dict[str, Any]:
        """The request body; a deadline row is normalised once and stored so, so that every
        attempt sends the same bytes."""
        if is_normalised(row.payload):
            return row.payload

        def store(session: Session) -> dict[str, Any]:
            seq = case_repo.next_event_seq(session, row.case_uuid)
            body = normalise(row.payload, row.event_uuid, row.case_uuid, seq, self.desk_id)
            sync_repo.set_payload(session, row.id, body)
            return body

        return self.write(store)

    def _rated_body(self, row: PendingRow) -> dict[str, Any]:
        """A 好差评 row as sent: the payload itself; a rating's level as the platform's code
        (mapped now, with the desk's setting; the stored row keeps the level's name)."""
        if row.kind == RATING:
            return rating_body(row.payload, self.code_order)
        return row.payload

    def _send_rated(self, row: PendingRow, body: dict[str, Any], token: Token) -> None:
        if row.kind == CONTACT:
            self.client.put_contact(token.value, str(body["contact"]["uuid"]), body)
        elif row.kind == RATING:
            self.client.put_rating(token.value, str(body["rating"]["uuid"]), body)
        else:
            self.client.post_step(token.value, str(body["step"]["rating_uuid"]), body)

    def _sender(self, row: PendingRow, who: str) -> Token | None:
        """The author's token; for a recomputed deadline whose author has none, any token
        allowed to send it (see :meth:`_sent_by`)."""
        token = self.token_for(who)
        if token is None and row.kind == DEADLINE_RECOMPUTED:
            token = self.any_token(DEADLINE_SENDERS)
        return token

    def _sent_by(self, row: PendingRow, body: dict[str, Any], username: str) -> dict[str, Any]:
        """A recomputed deadline is the desk's own arithmetic, not a person's act: when whoever
        ran it (``cli``, or a user not signed in now) has no token, a signed-in user allowed to
        send it does so in their name; the original author stays in the payload. Stored, so a
        retry sends the same bytes."""
        body = copy.deepcopy(body)
        event = body["event"]
        event["payload"] = {"recorded_by": event["by"], **event.get("payload", {})}
        event["by"] = username
        self.write(partial(sync_repo.set_payload, row_id=row.id, payload=body))
        return body

    def _send(self, row: PendingRow, body: dict[str, Any], token: Token) -> None:
        self._upload_blobs(body["case"], token)
        if row.kind == SUBMIT:
            reply = self.client.put_case(token.value, row.case_uuid, body)
        else:
            reply = self.client.post_event(token.value, row.case_uuid, body)
        if not isinstance(reply.get("event"), dict) or not isinstance(reply.get("case"), dict):
            raise unreadable_reply()

    def _upload_blobs(self, case: dict[str, Any], token: Token) -> None:
        missing = [sha for sha in referenced_blobs(case) if sha not in self.uploaded]
        if not missing:
            return
        uploader = token if token.roles & BLOB_ROLES else self.any_token(BLOB_ROLES)
        if uploader is None:
            return
        for sha256 in missing:
            blobs.upload(self.client, uploader.value, self.files, sha256)
            self.uploaded.add(sha256)

    def _refused(self, row: PendingRow, refused: Refused) -> None:
        self.write(
            partial(
                sync_repo.add_problem,
                outbox_id=row.id,
                case_uuid=row.case_uuid,
                kind=row.kind,
                status_code=refused.status,
                reason=refused.reason or refused.code,
                fields=[list(pair) for pair in refused.fields],
                created_at=self.clock(),
            )
        )
