"""后台分类审批 at the desk: a department's decisions on its part of a case.

Each decision builds its event's payload from the case *as stored* (a change pulled from the
platform may have moved it since the reviewer opened it), applies the event to a copy with
:func:`~clerk_desk.domain.case_effects.apply_event` on the desk's calendar, and records the
case, the event and its outbox row in one transaction. A reviewer holding an older copy is
refused (:class:`CaseChanged`) and nothing is overwritten; a refused event
(:class:`~clerk_desk.domain.case_states.TransitionRefused`,
:class:`~clerk_desk.domain.review_rules.EventRefused`) stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from clerk_desk.domain import review_rules
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case, MaterialFile, PartState
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import (
    EVENT_LABELS,
    PART_EVENTS,
    STATE_LABELS,
    TRANSITIONS,
    CaseEvent,
    TransitionRefused,
    next_state,
)
from clerk_desk.domain.limits import TEXT_MAX
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.paths import DataDir
from clerk_desk.services.attachments import check_attachment
from clerk_desk.services.case_log import DeskPlace, record, record_applied
from clerk_desk.services.catalog import CatalogService
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.file_store import FileStore
from local_cache.repositories import case_repo

# The decisions of the 审批 workspace, in the order its buttons show them.
REVIEW_DECISIONS: tuple[CaseEvent, ...] = (
    CaseEvent.PAUSE,
    CaseEvent.RESUME,
    CaseEvent.EXTEND,
    CaseEvent.APPROVE,
    CaseEvent.DENY,
    CaseEvent.REQUEST_SUPPLEMENT,
    CaseEvent.RESULT_READY,
    CaseEvent.TERMINATE,
)

# Builds an event's payload from the stored case, on the desk's calendar, at the given time.
PayloadOf = Callable[[Case, WorkCalendar, datetime], dict[str, Any]]


class CaseChanged(UserError):
    """The reviewer's copy of the case is not what is stored any more."""


class CaseMissing(UserError):
    """The case is not stored on this desk."""


class ReviewService:
    def __init__(
        self,
        database: Database,
        catalog: CatalogService,
        settings: Settings,
        clock: Callable[[], datetime] = datetime.now,
        work_calendar: Callable[[], WorkCalendar] = WorkCalendar,
    ) -> None:
        self.database = database
        self.catalog = catalog
        self.settings = settings
        self.clock = clock
        self.work_calendar = work_calendar
        # The desk's file store, as the intake service's: the same folder beside the database.
        self.files = FileStore(DataDir(database.path.parent).files, database.fault)

    def calendar(self) -> WorkCalendar:
        """The desk's calendar (its stored official years), the one intake counts with."""
        return self.work_calendar()

    # The decisions --------------------------------------------------------------------------

    def pause(
        self,
        case: Case,
        clerk: str,
        *,
        department: str,
        kind: str,
        reason: str,
        expected_days: int,
        approved_by: str,
        basis: str = "",
    ) -> Case:
        """特别程序 (§45): the part's clock stops until :meth:`resume`."""
        payload = {
            "department": department,
            "kind": kind,
            "basis": basis,
            "approved_by": approved_by,
            "expected_days": expected_days,
        }
        return self._decide(case, clerk, CaseEvent.PAUSE, _fixed(payload), reason)

    def resume(self, case: Case, clerk: str, *, department: str, result: str) -> Case:
        """The special procedure ended with ``result``; the deadline moves by exactly the
        working days the part stood still."""

        def payload(stored: Case, calendar: WorkCalendar, now: datetime) -> dict[str, Any]:
            paused_days, deadline = review_rules.resume_facts(
                stored, department, now.date(), calendar
            )
            return {
                "department": department,
                "result": result,
                "paused_days": paused_days,
                "deadline": _iso(deadline),
            }

        return self._decide(case, clerk, CaseEvent.RESUME, payload)

    def extend(
        self,
        case: Case,
        clerk: str,
        *,
        department: str,
        days: int,
        reason: str,
        approved_by: str,
        basis: str = "",
    ) -> Case:
        """延长审批 (§42): once per part, up to 10 working days."""

        def payload(stored: Case, calendar: WorkCalendar, _now: datetime) -> dict[str, Any]:
            deadline = None
            if isinstance(days, int) and 1 <= days <= review_rules.EXTENSION_MAX_DAYS:
                deadline = review_rules.extension_deadline(stored, department, days, calendar)
            return {
                "department": department,
                "days": days,
                "approved_by": approved_by,
                "basis": basis,
                "deadline": _iso(deadline),
            }

        return self._decide(case, clerk, CaseEvent.EXTEND, payload, reason)

    def approve(
        self,
        case: Case,
        clerk: str,
        *,
        department: str,
        result_name: str,
        result_number: str = "",
        valid_until: date | None = None,
    ) -> Case:
        """准予许可: for a licence (证照) with its number and validity."""
        payload = {
            "department": department,
            "result_name": result_name,
            "result_number": result_number,
            "valid_until": _iso(valid_until),
        }
        return self._decide(case, clerk, CaseEvent.APPROVE, _fixed(payload))

    def deny(self, case: Case, clerk: str, *, department: str, reasons: str, remedies: str) -> Case:
        """不予许可: the reasons and the applicant's remedies (复议 / 诉讼)."""
        payload = {"department": department, "remedies": remedies}
        return self._decide(case, clerk, CaseEvent.DENY, _fixed(payload), reasons)

    def request_supplement(
        self,
        case: Case,
        clerk: str,
        *,
        department: str,
        materials: Sequence[str],
        reason: str,
        basis: str,
    ) -> Case:
        """补正: the case goes back to the window for what ``materials`` lists."""
        payload = {"department": department, "materials": list(materials), "basis": basis}
        return self._decide(case, clerk, CaseEvent.REQUEST_SUPPLEMENT, _fixed(payload), reason)

    def result_ready(self, case: Case, clerk: str) -> Case:
        """制证完成: the result waits at the window."""
        return self._decide(case, clerk, CaseEvent.RESULT_READY, _fixed({}))

    def terminate(self, case: Case, clerk: str, reason: str) -> Case:
        """终止: the case is closed with the written reason."""
        _check_reason(CaseEvent.TERMINATE, reason)
        now = self.clock()
        with self.database.write() as session:
            stored = self._stored(session, case)
            record(
                session,
                stored,
                CaseEvent.TERMINATE,
                by=clerk,
                at=now,
                place=self._place(),
                reason=reason,
            )
        return stored

    def attach_transfer_sheet(self, case: Case, clerk: str, path: Path) -> Case:
        """The signed 材料流转单 scanned back: the file is checked and stored (before the case
        refers to it, like an attached material), then the event records it."""
        media_type = check_attachment(path, self.settings.get("max_import_mb"))
        stored_file = self.files.put(path)
        sheet = MaterialFile(
            stored_file.sha256, path.name, stored_file.size, media_type, self.clock()
        )
        payload = {"file": sheet.to_dict()}
        return self._decide(case, clerk, CaseEvent.ATTACH_TRANSFER_SHEET, _fixed(payload))

    # Why a decision is not possible ---------------------------------------------------------

    def decision_problems(self, case: Case, department: str) -> dict[CaseEvent, list[Message]]:
        """For each of :data:`REVIEW_DECISIONS`, why it is not possible now on ``case`` for
        ``department`` (an empty list: it is). The same rules :func:`apply_event` and the
        platform enforce; what the reviewer still has to type is checked when deciding."""
        return {event: _problems(case, event, department) for event in REVIEW_DECISIONS}

    # Recording ------------------------------------------------------------------------------

    def _decide(
        self,
        case: Case,
        clerk: str,
        event: CaseEvent,
        payload_of: PayloadOf,
        reason: str = "",
    ) -> Case:
        _check_reason(event, reason)
        now = self.clock()
        calendar = self.work_calendar()
        with self.database.write() as session:
            stored = self._stored(session, case)
            payload = payload_of(stored, calendar, now)
            after = Case.from_dict(stored.to_dict())
            apply_event(after, event, payload, reason=reason, at=now, by=clerk, calendar=calendar)
            record_applied(
                session,
                after,
                event,
                from_state=stored.state,
                by=clerk,
                at=now,
                place=self._place(),
                reason=reason,
                payload=payload,
            )
        return after

    def _stored(self, session: Session, case: Case) -> Case:
        """The case as stored, refused if the caller's copy is not the same step of it."""
        data = case_repo.load(session, case.uuid)
        if data is None:
            raise CaseMissing(
                # 本机没有办件{number}
                QT_TRANSLATE_NOOP("core", "Case {number} is not on this desk"),
                number=case.number_label,
            )
        stored = Case.from_dict(data)
        if _step_of(stored) != _step_of(case):
            raise CaseChanged(
                # 办件{number}已被他人变更（现为“{state}”），请重新打开后按当前情况办理
                QT_TRANSLATE_NOOP(
                    "core",
                    "Case {number} was changed meanwhile (it is now “{state}”); "
                    "open it again and decide on what it is now",
                ),
                number=stored.number_label,
                state=msg(STATE_LABELS[stored.state]),
            )
        return stored

    def _place(self) -> DeskPlace:
        return DeskPlace.from_settings(self.settings)


def _step_of(case: Case) -> tuple[Any, ...]:
    """What a decision depends on: the state, each part's step and clock, the procedures,
    payments and hand-over. Two copies with the same step take the same decisions."""
    return (
        case.state,
        [(part.department, part.state, part.extension_days, part.deadline) for part in case.parts],
        len(case.procedures),
        len(case.payments),
        case.delivery is not None,
        case.accepted_on,
    )


def _problems(case: Case, event: CaseEvent, department: str) -> list[Message]:
    try:
        if event in PART_EVENTS:
            review_rules.part_step(case, event, department)
            return []
        if (case.state, event) not in TRANSITIONS:
            next_state(case.state, event)  # raises, saying the state does not allow it
    except TransitionRefused as refused:
        return [refused.message]
    part = case.part(department)
    if event is CaseEvent.REQUEST_SUPPLEMENT and (part is None or part.state is PartState.DECIDED):
        return [_no_open_part(department)]
    return []


def _no_open_part(department: str) -> Message:
    return msg(
        # “{department}”没有尚在审批的部分，不能要求补正
        QT_TRANSLATE_NOOP(
            "core", "“{department}” has no part in review; it cannot ask for a supplement"
        ),
        department=department,
    )


def _check_reason(event: CaseEvent, reason: str) -> None:
    """The platform keeps no longer reason (:mod:`clerk_desk.domain.limits`): say so first."""
    if len(reason.strip()) > TEXT_MAX:
        raise review_rules.EventRefused(
            "reason",
            # “{event}”的理由最多 {most} 个字符，现有 {length} 个
            QT_TRANSLATE_NOOP(
                "core", "The reason of “{event}” may have at most {most} characters, not {length}"
            ),
            event=msg(EVENT_LABELS[event]),
            most=TEXT_MAX,
            length=len(reason.strip()),
        )


def _fixed(payload: dict[str, Any]) -> PayloadOf:
    """A payload that does not depend on the stored case."""
    return lambda _stored, _calendar, _now: payload


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
