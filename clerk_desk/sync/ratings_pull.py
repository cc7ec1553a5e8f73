"""Pulling 好差评 from the platform: the ratings feed by its own cursor, and the reasons list.

After the case pull of each pass, ``GET /ratings/changes`` is read page by page from the
``ratings_cursor``; each page is applied and the cursor advanced in one transaction. Contacts,
ratings and follow-up steps are only ever inserted: one the desk already holds is skipped, so
pulling twice counts nothing twice. A rating's ``level_code`` is read back into the level's
name with the desk's ``rating_code_order``.

A pulled contact is stored **closed**, never open: it was served at another window (or is
this desk's own, already here and skipped), so it never brings up a rating prompt here. It
is ``rated`` when its rating is held (an active one or the platform's default), ``unrated``
otherwise; a rating that arrives later marks it ``rated`` (and closes it, should this desk
still have it open: the platform already holds its rating). The origin keeps a default apart
from what a visitor pressed.

A row that breaks the desk's invariants (a code outside 1–5, an unknown kind or field value,
a step of a rating the desk does not hold, a contact number of its case taken by another
contact) is not stored: it becomes a *pulled* sync problem with the row and the reason, and
the pass goes on. The clerk can have it tried again (it may fit once its rating is here) or
discard it with a reason.

The reasons list (``GET /rating-reasons``) is read each pass, before anything is pushed, and
stored when its version is new. A platform that numbers the levels in another order than the
desk's setting is reported (:class:`~clerk_desk.sync.ratings_wire.OrderMismatch`): nothing of
its list is stored, ratings are neither sent nor pulled until the setting matches (so too
when the platform refuses the list: the cases go on, the refusal is reported).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_desk.domain.ratings import ContactState
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.services import rating_rows
from clerk_desk.services.ratings import CONTACT, FOLLOWUP_STEP, RATING
from clerk_desk.sync.backoff import retrying
from clerk_desk.sync.client import PlatformClient, unreadable_reply
from clerk_desk.sync.ratings_wire import (
    CONTACT_KIND,
    RATING_KIND,
    STEP_KIND,
    OrderMismatch,
    PulledRefused,
    ReplyMalformed,
    contact_from_wire,
    rating_from_wire,
    reasons_from_wire,
    step_from_wire,
    stored_message,
)
from clerk_desk.sync.writer import SessionWriter
from local_cache.db import Database
from local_cache.repositories import sync_repo
from local_cache.schema import ContactRow, RatingRow

RATINGS_CURSOR = "ratings_cursor"
PAGE_SIZE = 500
# The kind of the pulled problem each kind of the feed becomes (the outbox kinds' names, so
# the problems list labels both alike).
PROBLEM_KINDS = {CONTACT_KIND: CONTACT, RATING_KIND: RATING, STEP_KIND: FOLLOWUP_STEP}


@dataclass
class RatingsPuller:
    database: Database
    write: SessionWriter
    client: PlatformClient
    code_order: str  # the desk's rating_code_order
    clock: Callable[[], datetime]

    def reasons(self, token: str) -> OrderMismatch | None:
        """Fetch the platform's reasons list and store it if its version is new; the
        mismatch when the platform numbers levels in another order (nothing stored)."""
        data = retrying(partial(self.client.rating_reasons, token))
        try:
            reasons = reasons_from_wire(data, self.code_order)
        except OrderMismatch as mismatch:
            return mismatch
        except ReplyMalformed as error:
            raise unreadable_reply() from error
        self.write(partial(rating_rows.store_reason_list, reasons=reasons, at=self.clock()))
        return None

    def run(self, token: str) -> int:
        """Store every 好差评 change after the ratings cursor; how many rows were new here."""
        stored = 0
        while True:
            with self.database.read() as session:
                cursor = int(sync_repo.get_state(session, RATINGS_CURSOR) or 0)
            page = retrying(partial(self.client.rating_changes, token, cursor, PAGE_SIZE))
            changes: list[dict[str, Any]] = page["changes"]
            last_seq, more = int(page["last_seq"]), bool(page["more"])
            new = self.write(
                partial(self._apply_page, cursor=cursor, changes=changes, last_seq=last_seq)
            )
            if new is None:
                continue  # another process on this desk pulled meanwhile
            stored += new
            if not more or last_seq <= cursor:
                return stored

    def _apply_page(
        self, session: Session, cursor: int, changes: list[dict[str, Any]], last_seq: int
    ) -> int | None:
        if int(sync_repo.get_state(session, RATINGS_CURSOR) or 0) != cursor:
            return None
        stored = 0
        for change in changes:
            try:
                stored += apply_change(session, change, self.code_order, self.clock())
            except PulledRefused as refused:
                _record(session, change, refused.message, self.clock())
        sync_repo.set_state(session, RATINGS_CURSOR, str(last_seq))
        return stored


def apply_change(session: Session, change: dict[str, Any], order: str, now: datetime) -> int:
    """Store one change of the feed (1) or skip it as held already (0); :class:`PulledRefused`
    when it breaks an invariant (nothing of it stored)."""
    kind = change.get("kind")
    if kind == CONTACT_KIND:
        return _contact(session, change.get(kind))
    if kind == RATING_KIND:
        return _rating(session, change.get(kind), order, now)
    if kind == STEP_KIND:
        return _step(session, change.get(kind))
    raise PulledRefused(
        # 平台发来了本窗口不认识的“{kind}”类变更，未予保存
        msg(
            QT_TRANSLATE_NOOP(
                "core", "The platform sent a change of the unknown kind “{kind}”; not stored"
            ),
            kind=str(kind)[:64],
        )
    )


def _contact(session: Session, data: Any) -> int:
    contact = contact_from_wire(data)
    if rating_rows.contact_row(session, contact.uuid) is not None:
        return 0
    holder = session.scalar(
        select(ContactRow.uuid).where(
            ContactRow.case_uuid == contact.case_uuid, ContactRow.seq == contact.seq
        )
    )
    if holder is not None:
        raise PulledRefused(
            # 平台发来的办件 {case_no} 第 {seq} 次服务记录，本窗口已有另一条同序号记录，未予保存
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The platform sent contact {seq} of case {case_no}, which this desk holds "
                    "as another contact; not stored",
                ),
                seq=contact.seq,
                case_no=contact.case_no,
            )
        )
    if _rated(session, contact.uuid):
        contact.state = ContactState.RATED
    rating_rows.add_contact(session, contact)
    return 1


def _rating(session: Session, data: Any, order: str, now: datetime) -> int:
    rating = rating_from_wire(data, order)
    if not rating_rows.add_rating(session, rating):
        return 0
    row = rating_rows.contact_row(session, rating.contact_uuid)
    if row is not None and row.state != ContactState.RATED:
        if row.state == ContactState.OPEN:
            row.closed_at = now
        row.state = str(ContactState.RATED)
    return 1


def _step(session: Session, data: Any) -> int:
    step = step_from_wire(data)
    if rating_rows.rating_row(session, step.rating_uuid) is None:
        raise PulledRefused(
            # 平台发来的整改环节所属的评价本窗口没有，未予保存
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The platform sent a follow-up step of a rating this desk does not hold; "
                    "not stored",
                )
            )
        )
    return 1 if rating_rows.add_step(session, step) else 0


def _rated(session: Session, contact_uuid: str) -> bool:
    found = session.scalar(
        select(func.count()).select_from(RatingRow).where(RatingRow.contact_uuid == contact_uuid)
    )
    return bool(found)


def _record(session: Session, change: dict[str, Any], why: Message, now: datetime) -> None:
    """Keep a refused change as a pulled sync problem, under its case where it names one."""
    kind = str(change.get("kind"))
    data = change.get(kind)
    row = data if isinstance(data, dict) else {}
    case_uuid, case_no = str(row.get("case_uuid") or ""), str(row.get("case_no") or "")
    if kind == STEP_KIND and not case_uuid:
        rating = rating_rows.rating_row(session, str(row.get("rating_uuid") or ""))
        if rating is not None:
            case_uuid, case_no = rating.case_uuid, rating.case_no
    sync_repo.add_problem(
        session,
        outbox_id=0,
        case_uuid=case_uuid[:36],
        kind=PROBLEM_KINDS.get(kind, RATING),
        status_code=0,
        reason=why.render("en"),
        fields=[],
        created_at=now,
        pulled={
            "reason": stored_message(why),
            "case": {"uuid": case_uuid[:36], "case_no": case_no[:64]},
            "change": change,
        },
    )


def is_ratings_problem(kind: str) -> bool:
    return kind in PROBLEM_KINDS.values()
