"""好差评 at this desk: contacts opened by the services that end them, the visitor's press on
the customer display, the 差评 follow-ups.

**Staff cannot rate.** Nothing here takes a level from a clerk's window: a rating is made only
from a press on the display (:meth:`RatingService.press`, then :meth:`RatingService.submit`),
timed by the desk's clock at the press, for a contact still open. No method changes, removes or
back-dates a rating (the database refuses it too, migration 0010). The clerk's window calls
none of the pressing methods (``tests/test_no_staff_rating.py`` searches for a path).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_desk.domain.calendar.work_calendar import WorkCalendar
from clerk_desk.domain.case import Case
from clerk_desk.domain.followups import (
    HANDLING_ROLES,
    FollowUpState,
    FollowUpStep,
    StepKind,
    followup_state,
    is_overdue,
    possible_steps,
    step_problem,
)
from clerk_desk.domain.ratings import (
    COMMENT_MAX,
    DEFAULT_REASONS,
    REASONS_MAX,
    Contact,
    ContactKind,
    ContactState,
    Rating,
    RatingLevel,
    Reason,
    ReasonList,
)
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.services import rating_rows
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.repositories import case_repo
from local_cache.schema import Account, ContactRow

CONTACT = "contact"
RATING = "rating"
FOLLOWUP_STEP = "followup_step"
OUTBOX_KINDS = frozenset({CONTACT, RATING, FOLLOWUP_STEP})
"""Outbox kinds of this module's rows (their case is the contact's, so they follow its events)."""


class RatingRefused(UserError):
    """A press or step that cannot be taken; the message says why (shown, nothing recorded)."""


@dataclass(frozen=True)
class FollowUp:
    """A 差评 with its steps, state and 整改/回复 deadline, as a list row shows it."""

    rating: Rating
    steps: tuple[FollowUpStep, ...]
    state: FollowUpState
    deadline: date
    overdue: bool
    possible: tuple[StepKind, ...]


def open_contact(
    session: Session,
    case: Case,
    kind: ContactKind,
    *,
    staff: str,
    at: datetime,
    settings: Settings,
) -> Contact:
    """Open the contact ``case``'s latest event ended, in the caller's transaction; any other
    contact still open at this desk closes (the next visitor is at the counter)."""
    _close_open(session, at, keep=None)
    account = session.scalar(select(Account).where(Account.username == staff))
    contact = Contact(
        uuid=str(uuid.uuid4()),
        case_uuid=case.uuid,
        case_no=case.case_no or "",
        kind=kind,
        seq=rating_rows.next_contact_seq(session, case.uuid),
        event_uuid=rating_rows.last_event_uuid(session, case.uuid),
        staff=staff,
        staff_name=account.display_name if account is not None else staff,
        staff_no=(account.staff_no if account is not None else "") or staff,
        window_number=int(settings.get("window_number")),
        department=handling_department(case),
        opened_at=at,
        expires_at=at + timedelta(seconds=int(settings.get("rating_timeout_seconds"))),
    )
    rating_rows.add_contact(session, contact)
    _queue(session, case.uuid, contact.uuid, CONTACT, {"contact": contact.to_dict()}, at)
    return contact


def handling_department(case: Case) -> str:
    """谁办理谁负责: the lead department of a routed case, else its first item's."""
    lead = next((part.department for part in case.parts if part.lead), "")
    return lead or (case.items[0].department if case.items else "")


def _queue(
    session: Session, case_uuid: str, key: str, kind: str, payload: dict[str, Any], at: datetime
) -> None:
    case_repo.add_outbox(
        session, event_uuid=key, case_uuid=case_uuid, kind=kind, payload=payload, created_at=at
    )


def _close_open(session: Session, now: datetime, keep: str | None) -> None:
    """Close every open contact but ``keep``: rated with the pressed level if the visitor
    pressed one, unrated (walked away) otherwise."""
    for row in rating_rows.open_contact_rows(session):
        if row.uuid != keep:
            _close(session, row, now, reasons=(), comment="", version=None)


def _close(
    session: Session,
    row: ContactRow,
    now: datetime,
    *,
    reasons: Sequence[Reason],
    comment: str,
    version: int | None,
) -> Rating | None:
    row.closed_at = now
    if row.pressed_level is None or row.pressed_at is None:
        row.state = str(ContactState.UNRATED)
        return None
    row.state = str(ContactState.RATED)
    case = _case_of(session, row.case_uuid)
    rater_name, rater_phone = _rater(case)
    rating = Rating(
        uuid=str(uuid.uuid4()),
        contact_uuid=row.uuid,
        case_uuid=row.case_uuid,
        case_no=row.case_no,
        contact_kind=ContactKind(row.kind),
        seq=row.seq,
        staff=row.staff,
        staff_name=row.staff_name,
        window_number=row.window_number,
        department=row.department,
        rated_at=row.pressed_at,
        level=RatingLevel(row.pressed_level),
        reasons=tuple(reasons),
        reasons_version=version if version is not None else _newest(session).version,
        comment=comment,
        rater_name=rater_name,
        rater_phone=rater_phone,
    )
    rating_rows.add_rating(session, rating)
    _queue(session, row.case_uuid, rating.uuid, RATING, {"rating": rating.to_dict()}, now)
    return rating


def _case_of(session: Session, case_uuid: str) -> Case | None:
    data = case_repo.load(session, case_uuid)
    return Case.from_dict(data) if data is not None else None


def _rater(case: Case | None) -> tuple[str, str]:
    """评价人: who was at the counter (the agent, if one came, else the applicant)."""
    if case is None:
        return "", ""
    if case.delivery is not None and case.delivery.collector_name:
        return case.delivery.collector_name, ""
    if case.agent is not None and case.agent.name:
        return case.agent.name, case.agent.phone
    return case.applicant.name, case.applicant.phone


def _newest(session: Session) -> ReasonList:
    return rating_rows.newest_reason_list(session) or DEFAULT_REASONS


def _too_late() -> RatingRefused:
    # 本次评价已结束，感谢您的参与
    return RatingRefused(QT_TRANSLATE_NOOP("core", "This rating has closed; thank you"))


class RatingService:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        work_calendar: Callable[[], WorkCalendar],
    ) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock
        self.work_calendar = work_calendar

    # The display ---------------------------------------------------------------------------

    def waiting_contact(self) -> Contact | None:
        """The contact the display should ask about now: the newest open one not yet expired
        (contacts past their time are closed first)."""
        now = self.clock()
        with self.database.write() as session:
            rows = rating_rows.open_contact_rows(session)
            waiting = None
            for row in rows:
                if row.expires_at <= now:
                    _close(session, row, now, reasons=(), comment="", version=None)
                else:
                    waiting = row
            return rating_rows.to_contact(waiting) if waiting is not None else None

    def press(self, contact_uuid: str, level: RatingLevel) -> Contact:
        """The visitor pressed ``level``: timed now. A second press, or one after the contact
        closed or expired, is refused (nothing is counted twice)."""
        now = self.clock()
        with self.database.write() as session:
            row = rating_rows.contact_row(session, contact_uuid)
            if row is None or row.state != ContactState.OPEN or row.expires_at <= now:
                raise _too_late()
            if row.pressed_level is not None:
                # 已收到您的评价
                raise RatingRefused(QT_TRANSLATE_NOOP("core", "Your rating was already taken"))
            row.pressed_level = str(RatingLevel(level))
            row.pressed_at = now
            return rating_rows.to_contact(row)

    def submit(
        self,
        contact_uuid: str,
        reason_codes: Iterable[str] = (),
        comment: str = "",
        reasons_version: int | None = None,
    ) -> Rating:
        """Record the rating of a pressed contact with the reasons (codes of the list version
        the display showed) and comment. Idempotent against a double submit: the second one
        is refused, the first one stands."""
        comment = comment.strip()
        if len(comment) > COMMENT_MAX:
            raise RatingRefused(
                # 评价内容最多 {most} 个字
                QT_TRANSLATE_NOOP("core", "The comment may have at most {most} characters"),
                most=COMMENT_MAX,
            )
        now = self.clock()
        with self.database.write() as session:
            row = rating_rows.contact_row(session, contact_uuid)
            if row is None or row.state != ContactState.OPEN or row.pressed_level is None:
                raise _too_late()
            reasons_list = (
                rating_rows.reason_list(session, reasons_version)
                if reasons_version is not None
                else None
            ) or _newest(session)
            reasons = _chosen(reasons_list, RatingLevel(row.pressed_level), reason_codes)
            rating = _close(
                session, row, now, reasons=reasons, comment=comment, version=reasons_list.version
            )
            assert rating is not None
            return rating

    def walk_away(self, contact_uuid: str) -> None:
        """The display gave up (timed out, closed, the next case began): the contact closes,
        rated with the level if one was pressed, unrated otherwise."""
        now = self.clock()
        with self.database.write() as session:
            row = rating_rows.contact_row(session, contact_uuid)
            if row is not None and row.state == ContactState.OPEN:
                _close(session, row, now, reasons=(), comment="", version=None)

    def reason_list(self) -> ReasonList:
        with self.database.read() as session:
            return _newest(session)

    # Lists ---------------------------------------------------------------------------------

    def ratings_on(self, day: date | None = None) -> list[Rating]:
        start = datetime.combine(day, time()) if day is not None else None
        end = start + timedelta(days=1) if start is not None else None
        with self.database.read() as session:
            rows = rating_rows.rating_rows(session, start, end)
            steps = rating_rows.steps_of(session, [row.uuid for row in rows])
            return [
                rating_rows.to_rating(row, followup_state(steps[row.uuid]) is FollowUpState.STRUCK)
                for row in rows
            ]

    def contacts_on(self, day: date) -> list[Contact]:
        """The contacts opened on ``day`` (rated, unrated or still open): the day's counts."""
        start = datetime.combine(day, time())
        with self.database.read() as session:
            return rating_rows.contacts_between(session, start, start + timedelta(days=1))

    def contacts_of(self, case_uuid: str) -> list[Contact]:
        with self.database.read() as session:
            return rating_rows.contacts_of(session, case_uuid)

    # 差评 follow-ups -----------------------------------------------------------------------

    def followups(self, clerk: Clerk, today: date | None = None) -> list[FollowUp]:
        """The 差评 ``clerk`` handles (a reviewer: their department's; a supervisor: all),
        newest first, with the rater's details only for those who handle them."""
        today = today or self.clock().date()
        department = None if clerk.has_role(Role.SUPERVISOR) else clerk.department
        if not any(clerk.has_role(role) for role in HANDLING_ROLES):
            return []
        with self.database.read() as session:
            rows = rating_rows.poor_rating_rows(session, department)
            steps = rating_rows.steps_of(session, [row.uuid for row in rows])
        calendar = self.work_calendar()
        days = int(self.settings.get("followup_days"))
        found = []
        for row in rows:
            its_steps = tuple(steps[row.uuid])
            state = followup_state(its_steps)
            rating = rating_rows.to_rating(row, state is FollowUpState.STRUCK)
            deadline = calendar.add_working_days(row.rated_at.date(), days).deadline
            found.append(
                FollowUp(
                    rating=rating,
                    steps=its_steps,
                    state=state,
                    deadline=deadline,
                    overdue=is_overdue(state, deadline, today),
                    possible=possible_steps(its_steps),
                )
            )
        return found

    def add_step(
        self, rating_uuid: str, kind: StepKind, payload: dict[str, Any], clerk: Clerk
    ) -> FollowUpStep:
        """Record one follow-up step by ``clerk`` (checked as the platform checks it)."""
        now = self.clock()
        with self.database.write() as session:
            row = rating_rows.rating_row(session, rating_uuid)
            if row is None or not rating_rows.to_rating(row).poor:
                # 没有这条差评
                raise RatingRefused(QT_TRANSLATE_NOOP("core", "There is no such poor rating"))
            if not clerk.has_role(Role.SUPERVISOR) and clerk.department != row.department:
                raise RatingRefused(
                    # 该差评由{department}负责整改
                    QT_TRANSLATE_NOOP("core", "This poor rating is for {department} to handle"),
                    department=row.department,
                )
            steps = rating_rows.steps_of(session, [rating_uuid])[rating_uuid]
            problem = step_problem(steps, kind, payload, clerk.roles)
            if problem is not None:
                raise RatingRefused(problem.template, **problem.params)
            step = FollowUpStep(
                uuid=str(uuid.uuid4()),
                rating_uuid=rating_uuid,
                kind=kind,
                by=clerk.username,
                at=now,
                payload={key: value.strip() for key, value in payload.items()},
            )
            rating_rows.add_step(session, step)
            _queue(session, row.case_uuid, step.uuid, FOLLOWUP_STEP, {"step": step.to_dict()}, now)
            return step

    @staticmethod
    def sees_rater(clerk: Clerk, rating: Rating) -> bool:
        """The rater's details go only to those handling this 差评."""
        if not rating.poor:
            return False
        if clerk.has_role(Role.SUPERVISOR):
            return True
        return clerk.has_role(Role.REVIEWER) and clerk.department == rating.department


def _chosen(reasons: ReasonList, level: RatingLevel, codes: Iterable[str]) -> tuple[Reason, ...]:
    chosen: list[Reason] = []
    for code in dict.fromkeys(codes):
        reason = reasons.find(level, code)
        if reason is None:
            raise RatingRefused(
                # 评价理由 {code} 不在第 {version} 版理由清单的“{level}”中
                QT_TRANSLATE_NOOP(
                    "core", "Reason {code} is not among “{level}” of the reasons list {version}"
                ),
                code=code,
                level=str(level),
                version=reasons.version,
            )
        chosen.append(reason)
    if len(chosen) > REASONS_MAX:
        raise RatingRefused(
            # 最多选择 {most} 项理由
            QT_TRANSLATE_NOOP("core", "Choose at most {most} reasons"),
            most=REASONS_MAX,
        )
    return tuple(chosen)
