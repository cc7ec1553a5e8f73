"""Pulling the platform's changes: by its sequence cursor, never by this desk's clock.

Each page of changes is applied and the cursor advanced in one transaction, so a crash
leaves either both or neither. Events the desk does not know are added to the case's
history (the local ``seq`` continues); the case takes the platform's document and state
unless the desk still has outbox rows for it (the desk is ahead: its rows will tell the
platform). A case the desk does not hold at all (from another window, or applied online) is
added, unless its case number is held here by another case; then it is *deferred* and
fetched again on later passes, once the clash is resolved.

The desk applies a change only if it keeps the desk's invariants (:mod:`pulled_checks`: a
well-formed number of this centre, the number of a held case unchanged, known steps); else the
change becomes a *pulled* sync problem that keeps what was pulled and why, and nothing of it is
applied. The cursor moves on either way. Fetching such a case again (the clerk's choice in the
sync problems list) puts it among the deferred cases, checked afresh on the next pass.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_desk.services.ratings import OUTBOX_KINDS
from clerk_desk.sync.backoff import retrying
from clerk_desk.sync.client import PlatformClient, unreadable_reply
from clerk_desk.sync.errors import Refused
from clerk_desk.sync.pulled_checks import refusal
from clerk_desk.sync.writer import SessionWriter
from local_cache.db import Database
from local_cache.repositories import case_repo, sync_repo
from local_cache.schema import OutboxRow

READ_ROLES = frozenset({"intake_clerk", "reviewer", "output_clerk", "supervisor"})
PAGE_SIZE = 500
CURSOR = "cursor"
DEFERRED = "deferred_cases"
PULLED_KIND = "pulled"  # the kind of a pulled problem whose change carried no event


@dataclass
class Puller:
    database: Database
    write: SessionWriter
    client: PlatformClient
    centre_code: str  # this desk's: a pulled case of another centre is not applied
    clock: Callable[[], datetime]

    def run(self, token: str) -> int:
        """Apply every change after the cursor; how many changes were applied."""
        applied = self._retry_deferred(token)
        while True:
            with self.database.read() as session:
                cursor = int(sync_repo.get_state(session, CURSOR) or 0)
            page = retrying(partial(self.client.changes, token, cursor, PAGE_SIZE))
            try:
                changes = list(page["changes"])
                last_seq = int(page["last_seq"])
                more = bool(page["more"])
                if not self.write(
                    partial(self._apply_page, cursor=cursor, changes=changes, last_seq=last_seq)
                ):
                    continue  # another process on this desk pulled meanwhile
            except (KeyError, TypeError, ValueError) as error:
                raise unreadable_reply() from error
            applied += len(changes)
            if not more or last_seq <= cursor:
                return applied

    def _retry_deferred(self, token: str) -> int:
        with self.database.read() as session:
            waiting = _deferred(session)
        added = 0
        for case_uuid in sorted(waiting):
            try:
                view = self.client.case(token, case_uuid)
            except Refused as refused:
                if refused.status == 404:  # not a case of this centre: nothing to fetch
                    self.write(partial(_forget_deferred, case_uuid=case_uuid))
                continue
            try:
                added += self.write(partial(self._apply_deferred, case_uuid=case_uuid, view=view))
            except (KeyError, TypeError, ValueError) as error:
                raise unreadable_reply() from error
        return added

    def _apply_page(
        self, session: Session, cursor: int, changes: list[dict[str, Any]], last_seq: int
    ) -> bool:
        """Apply one page and advance the cursor; False when the cursor moved meanwhile."""
        if int(sync_repo.get_state(session, CURSOR) or 0) != cursor:
            return False
        deferred = _deferred(session)
        for change in changes:
            self._apply(session, change["case"], _events(change), deferred)
        sync_repo.set_state(session, DEFERRED, json.dumps(sorted(deferred)))
        sync_repo.set_state(session, CURSOR, str(last_seq))
        return True

    def _apply_deferred(self, session: Session, case_uuid: str, view: dict[str, Any]) -> bool:
        """Apply a deferred case fetched again; whether it could be added now."""
        deferred = _deferred(session)
        applied = self._apply(session, view, list(view.get("history") or ()), deferred)
        sync_repo.set_state(session, DEFERRED, json.dumps(sorted(deferred)))
        return applied and case_uuid not in deferred

    def _apply(
        self,
        session: Session,
        view: dict[str, Any],
        events: list[dict[str, Any]],
        deferred: set[str],
    ) -> bool:
        """Apply the change, or record why not (a pulled problem); whether it was applied."""
        case_uuid = str(view["uuid"])
        local = case_repo.load(session, case_uuid)
        why = refusal(view, events, self.centre_code, local)
        if why is None:
            _apply(session, view, events, local, deferred)
            return True
        deferred.discard(case_uuid)
        sync_repo.add_problem(
            session,
            outbox_id=0,
            case_uuid=case_uuid,
            kind=str(events[-1]["event"]) if events else PULLED_KIND,
            status_code=0,
            reason=why.render("en"),
            fields=[],
            created_at=self.clock(),
            pulled={
                "reason": {"template": why.template, "params": why.params},
                "case": view,
                "events": events,
            },
        )
        return False


def refetch(session: Session, case_uuid: str) -> None:
    """Have the next pass fetch ``case_uuid`` again (and check it afresh)."""
    deferred = _deferred(session)
    deferred.add(case_uuid)
    sync_repo.set_state(session, DEFERRED, json.dumps(sorted(deferred)))


def _forget_deferred(session: Session, case_uuid: str) -> None:
    deferred = _deferred(session) - {case_uuid}
    sync_repo.set_state(session, DEFERRED, json.dumps(sorted(deferred)))


def _events(change: dict[str, Any]) -> list[dict[str, Any]]:
    event = change.get("event")
    return [event] if isinstance(event, dict) else []


def _deferred(session: Session) -> set[str]:
    return set(json.loads(sync_repo.get_state(session, DEFERRED) or "[]"))


def _apply(
    session: Session,
    view: dict[str, Any],
    events: list[dict[str, Any]],
    local: dict[str, Any] | None,
    deferred: set[str],
) -> None:
    case_uuid = str(view["uuid"])
    document = {**view["document"], "state": view["state"]}
    if local is None or not _ahead(session, case_uuid):
        if _number_clash(session, case_uuid, document.get("case_no")):
            if local is None:
                deferred.add(case_uuid)
                return
        elif local is None:
            case_repo.insert_case(session, document)
        else:
            case_repo.save_case(session, document)
    deferred.discard(case_uuid)
    known = sync_repo.known_events(session, [str(event["uuid"]) for event in events])
    for event in events:
        if event["uuid"] in known:
            continue
        case_repo.add_event(
            session,
            uuid=str(event["uuid"]),
            case_uuid=case_uuid,
            seq=case_repo.next_event_seq(session, case_uuid),
            event=str(event["event"]),
            from_state=str(event["from_state"]),
            to_state=str(event["to_state"]),
            at=datetime.fromisoformat(str(event["at"])),
            by=str(event["by"]),
            desk_id=str(event.get("desk_id") or ""),
            reason=str(event.get("reason") or ""),
            payload=dict(event.get("payload") or {}),
        )
        session.flush()


def _ahead(session: Session, case_uuid: str) -> bool:
    """The desk still has steps of the case to tell the platform (its 好差评 rows, which
    change nothing of the case, do not count)."""
    waiting = select(OutboxRow.id).where(
        OutboxRow.case_uuid == case_uuid, OutboxRow.kind.not_in(OUTBOX_KINDS)
    )
    return session.scalar(waiting.limit(1)) is not None


def _number_clash(session: Session, case_uuid: str, case_no: Any) -> bool:
    """Another local case holds ``case_no`` (two windows issued the same number)."""
    if not case_no:
        return False
    holder = case_repo.load_by_case_no(session, str(case_no))
    return holder is not None and holder["uuid"] != case_uuid
