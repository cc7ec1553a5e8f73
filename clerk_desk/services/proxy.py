"""代办 records: opening one, its scanned authorisation, its cases, pause, end and call-back.

Each step is one write of the record (the history grows by one entry); refused steps raise
:class:`~clerk_desk.domain.proxy.ProxyRefused` with what to do instead. The cases a 代办
produces are ordinary drafts of the intake service, marked 代办 and linked both ways.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from clerk_desk.domain.assistance import Assistance, AssistanceKind
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Applicant, Case, CaseSummary, MaterialFile
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.intake_rules import applicant_problems
from clerk_desk.domain.proxy import (
    CALLBACK_WORKING_DAYS,
    MATTERS_MAX,
    Callback,
    ProxyRecord,
    ProxyRefused,
    ProxyState,
    ProxyStep,
    ProxyStepKind,
    require,
    with_step,
)
from clerk_desk.domain.roles import Clerk
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.services.attachments import check_attachment
from clerk_desk.services.intake import IntakeService
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.repositories import proxy_repo

REASON_MAX = 500
RECENT_LIMIT = 200
# The states a case of a 代办 can still be waiting in: the 代办 is not done while one is.
_WAITING = frozenset(
    {
        CaseState.DRAFT,
        CaseState.RECEIVED,
        CaseState.ACCEPTED,
        CaseState.AWAITING_SUPPLEMENT,
        CaseState.IN_REVIEW,
        CaseState.PAUSED,
        CaseState.DECIDED,
        CaseState.READY_FOR_PICKUP,
        CaseState.SHIPPED,
    }
)


@dataclass(frozen=True)
class ProxyRow:
    """A record as the open list shows it, with its cases as they stand now."""

    record: ProxyRecord
    cases: tuple[CaseSummary, ...]


class ProxyService:
    def __init__(
        self,
        database: Database,
        intake: IntakeService,
        settings: Settings,
        clock: Callable[[], datetime],
        work_calendar: Callable[[], WorkCalendar],
    ) -> None:
        self.database = database
        self.intake = intake
        self.settings = settings
        self.clock = clock
        self.work_calendar = work_calendar

    # Opening ------------------------------------------------------------------------------

    def default_due(self, item_codes: Sequence[str]) -> date:
        """The date to promise: the longest promised limit of the items in working days
        from today (at least one working day)."""
        items = self.intake.catalog_items(item_codes) if item_codes else []
        days = max([item.promised_limit_days for item in items] + [1])
        return self.work_calendar().add_working_days(self.clock().date(), days).deadline

    def open(
        self,
        applicant: Applicant,
        matters: str,
        item_codes: Sequence[str],
        staff: Clerk,
        due_on: date | None = None,
    ) -> ProxyRecord:
        """A new 代办 for ``applicant``, acted on by ``staff``; refused with every problem of
        the applicant, the matters or the date."""
        now = self.clock()
        problems = [problem.render() for problem in applicant_problems(applicant, now.date())]
        if problems:
            raise ProxyRefused(
                QT_TRANSLATE_NOOP("core", "The applicant cannot be recorded: {problems}"),
                problems="；".join(problems),
            )
        matters = matters.strip()
        require(
            bool(matters) or bool(item_codes),
            QT_TRANSLATE_NOOP("core", "Say what the applicant wants done, or choose the items"),
        )
        require(
            len(matters) <= MATTERS_MAX,
            QT_TRANSLATE_NOOP("core", "The matters may have at most {most} characters"),
            most=MATTERS_MAX,
        )
        if item_codes:
            self.intake.catalog_items(item_codes)  # unknown codes are refused here
        due = due_on or self.default_due(item_codes)
        require(
            due >= now.date(),
            QT_TRANSLATE_NOOP("core", "The promised date {day} is in the past"),
            day=due.isoformat(),
        )
        with self.database.write() as session:
            sequence = proxy_repo.count_opened_on(session, now.date()) + 1
            record = ProxyRecord(
                uuid=str(uuid.uuid4()),
                number=self._number(now.date(), sequence),
                state=ProxyState.OPEN,
                applicant=applicant,
                matters=matters,
                item_codes=tuple(item_codes),
                staff=staff.username,
                staff_name=staff.display_name,
                opened_at=now,
                due_on=due,
                steps=(ProxyStep(ProxyStepKind.OPENED, now, staff.username, matters),),
            )
            self._save(session, record)
        return record

    def _number(self, day: date, sequence: int) -> str:
        """代办编号: DB, the day, the window and a sequence, e.g. DB20261208-03-001."""
        window = int(self.settings.get("window_number") or 0)
        return f"DB{day:%Y%m%d}-{window:02d}-{sequence:03d}"

    # Steps --------------------------------------------------------------------------------

    def attach_authorisation(self, record_uuid: str, path: str | Path, by: str) -> ProxyRecord:
        """The signed 代办服务委托书, scanned or imported (PDF or image); a new scan replaces
        the old one."""
        source = Path(path)
        media_type = check_attachment(source, self.settings.get("max_import_mb"))
        stored = self.intake.files.put(source)
        record = self.record(record_uuid)
        require(
            not record.ended,
            QT_TRANSLATE_NOOP("core", "This 代办 has ended; its authorisation stays as it was"),
        )
        now = self.clock()
        file = MaterialFile(stored.sha256, source.name, stored.size, media_type, now)
        step = ProxyStep(ProxyStepKind.AUTHORISED, now, by, source.name)
        return self._write(with_step(record, step, authorisation=file))

    def start_case(self, record_uuid: str, item_codes: Sequence[str], clerk: Clerk) -> Case:
        """A draft for the applicant, marked 代办 by the record's staff member and linked to
        the record. Needs the scanned authorisation: staff act on it."""
        record = self.record(record_uuid)
        require(
            record.state is ProxyState.OPEN,
            QT_TRANSLATE_NOOP("core", "Cases can be started only while the 代办 is in progress"),
        )
        require(
            record.authorisation is not None,
            QT_TRANSLATE_NOOP("core", "Scan the signed authorisation before starting a case"),
        )
        codes = list(item_codes) or list(record.item_codes)
        require(bool(codes), QT_TRANSLATE_NOOP("core", "Choose the items of the case"))
        case = self.intake.create_draft(codes, clerk.username)
        case.applicant = replace(record.applicant)
        self.intake.set_assistance(
            case,
            Assistance(
                kind=AssistanceKind.PROXY,
                helper=record.staff,
                helper_name=record.staff_name,
                proxy_uuid=record.uuid,
                proxy_no=record.number,
            ),
        )
        self.intake.save_draft(case)
        step = ProxyStep(ProxyStepKind.CASE_STARTED, self.clock(), clerk.username, case.uuid)
        self._write(with_step(record, step, case_uuids=(*record.case_uuids, case.uuid)))
        return case

    def pause(
        self, record_uuid: str, reason: str, by: str, resume_on: date | None = None
    ) -> ProxyRecord:
        """中止: the 代办 waits (for the applicant, a document, a third party)."""
        record = self.record(record_uuid)
        require(
            record.state is ProxyState.OPEN,
            QT_TRANSLATE_NOOP("core", "Only a 代办 in progress can be paused"),
        )
        reason = _reason(reason)
        now = self.clock()
        if resume_on is not None:
            require(
                resume_on >= now.date(),
                QT_TRANSLATE_NOOP("core", "The resume date {day} is in the past"),
                day=resume_on.isoformat(),
            )
        step = ProxyStep(ProxyStepKind.PAUSED, now, by, reason)
        return self._write(
            with_step(
                record,
                step,
                state=ProxyState.PAUSED,
                pause_reason=reason,
                resume_on=resume_on,
            )
        )

    def resume(self, record_uuid: str, by: str) -> ProxyRecord:
        record = self.record(record_uuid)
        require(
            record.state is ProxyState.PAUSED,
            QT_TRANSLATE_NOOP("core", "Only a paused 代办 can be resumed"),
        )
        step = ProxyStep(ProxyStepKind.RESUMED, self.clock(), by)
        return self._write(
            with_step(record, step, state=ProxyState.OPEN, pause_reason="", resume_on=None)
        )

    def conclude(self, record_uuid: str, by: str, note: str = "") -> ProxyRecord:
        """办结: every case of the 代办 has reached its end."""
        record = self.record(record_uuid)
        require(
            record.state is ProxyState.OPEN,
            QT_TRANSLATE_NOOP("core", "Only a 代办 in progress can be concluded"),
        )
        cases = self.cases(record)
        require(
            bool(cases),
            QT_TRANSLATE_NOOP("core", "A 代办 without a case cannot be concluded; terminate it"),
        )
        waiting = [case.number_label for case in cases if case.state in _WAITING]
        require(
            not waiting,
            QT_TRANSLATE_NOOP("core", "These cases have not reached their end yet: {cases}"),
            cases="、".join(waiting),
        )
        return self._end(record, ProxyStepKind.CONCLUDED, ProxyState.CONCLUDED, by, note.strip())

    def terminate(self, record_uuid: str, by: str, reason: str) -> ProxyRecord:
        """终止: the 代办 is given up (the applicant withdrew, cannot be served …)."""
        record = self.record(record_uuid)
        require(
            record.state in (ProxyState.OPEN, ProxyState.PAUSED),
            QT_TRANSLATE_NOOP("core", "This 代办 has already ended"),
        )
        reason = _reason(reason)
        return self._end(record, ProxyStepKind.TERMINATED, ProxyState.TERMINATED, by, reason)

    def _end(
        self, record: ProxyRecord, kind: ProxyStepKind, state: ProxyState, by: str, note: str
    ) -> ProxyRecord:
        now = self.clock()
        due = self.work_calendar().add_working_days(now.date(), CALLBACK_WORKING_DAYS).deadline
        step = ProxyStep(kind, now, by, note)
        return self._write(
            with_step(
                record,
                step,
                state=state,
                ended_at=now,
                end_note=note,
                callback_due=due,
                pause_reason="",
                resume_on=None,
            )
        )

    def call_back(
        self, record_uuid: str, by: str, outcome: CallbackOutcome, note: str = ""
    ) -> ProxyRecord:
        """回访: how the applicant found the service; once, after the end."""
        record = self.record(record_uuid)
        require(
            record.ended,
            QT_TRANSLATE_NOOP("core", "Call back once the 代办 has been concluded or terminated"),
        )
        require(
            record.callback is None,
            QT_TRANSLATE_NOOP("core", "This 代办 has already been called back"),
        )
        note = note.strip()
        require(
            len(note) <= REASON_MAX,
            QT_TRANSLATE_NOOP("core", "The note may have at most {most} characters"),
            most=REASON_MAX,
        )
        now = self.clock()
        step = ProxyStep(ProxyStepKind.CALLED_BACK, now, by, note)
        callback = Callback(now, by, outcome, note)
        return self._write(with_step(record, step, callback=callback))

    # Reading ------------------------------------------------------------------------------

    def record(self, record_uuid: str) -> ProxyRecord:
        with self.database.read() as session:
            data = proxy_repo.load(session, record_uuid)
        if data is None:
            raise ProxyRefused(QT_TRANSLATE_NOOP("core", "No such 代办 record on this desk"))
        return ProxyRecord.from_dict(data)

    def unfinished(self) -> list[ProxyRow]:
        """Every 代办 with something left to do (call-back included), soonest due first."""
        with self.database.read() as session:
            records = [ProxyRecord.from_dict(data) for data in proxy_repo.unfinished(session)]
        return self._rows(records)

    def recent(self, limit: int = RECENT_LIMIT) -> list[ProxyRow]:
        with self.database.read() as session:
            records = [ProxyRecord.from_dict(data) for data in proxy_repo.recent(session, limit)]
        return self._rows(records)

    def by_number(self, number: str) -> ProxyRow | None:
        """The record numbered ``number`` (e.g. DB20261208-03-001) with its cases."""
        with self.database.read() as session:
            data = proxy_repo.load_by_number(session, number)
        return None if data is None else self._rows([ProxyRecord.from_dict(data)])[0]

    def cases(self, record: ProxyRecord) -> list[CaseSummary]:
        """The record's cases that still exist (a discarded draft drops out)."""
        return self.intake.summaries(record.case_uuids)

    def _rows(self, records: list[ProxyRecord]) -> list[ProxyRow]:
        """The records with their cases, read in one query for them all."""
        wanted = [uuid_ for record in records for uuid_ in record.case_uuids]
        found = {case.uuid: case for case in self.intake.summaries(wanted)}
        return [
            ProxyRow(record, tuple(found[u] for u in record.case_uuids if u in found))
            for record in records
        ]

    # Storing ------------------------------------------------------------------------------

    def _write(self, record: ProxyRecord) -> ProxyRecord:
        with self.database.write() as session:
            self._save(session, record)
        return record

    def _save(self, session: Session, record: ProxyRecord) -> None:
        _, due = record.next_step()
        proxy_repo.save(
            session,
            record.to_dict(),
            finished=record.finished,
            due_on=due,
            updated_at=self.clock(),
        )


def _reason(reason: str) -> str:
    reason = reason.strip()
    require(bool(reason), QT_TRANSLATE_NOOP("core", "Give the reason"))
    require(
        len(reason) <= REASON_MAX,
        QT_TRANSLATE_NOOP("core", "The reason may have at most {most} characters"),
        most=REASON_MAX,
    )
    return reason
