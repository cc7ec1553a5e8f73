"""Intake at the comprehensive window: drafts, the four intake decisions, finding cases.

A draft lives only on this desk (no events, nothing to sync) and is saved whole on every
autosave with a single UPDATE. A decision taken on a draft first submits it (收件: the case
number is issued), one taken on a case awaiting a supplement first records the supplement;
the lead-in event, the decision event and their outbox rows commit in one transaction.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm import Session

from clerk_desk.domain import review_rules
from clerk_desk.domain.assistance import Assistance, AssistanceKind, assistance_problems
from clerk_desk.domain.calendar import (
    Deadline,
    WorkCalendar,
    committed_deadline,
    supplement_deadline,
)
from clerk_desk.domain.case import (
    Applicant,
    ApplicantKind,
    Case,
    CaseEventRecord,
    CaseItem,
    CaseMaterial,
    CaseSummary,
    MaterialFile,
    MaterialMark,
)
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_number import is_valid_case_no, normalize_case_no
from clerk_desk.domain.case_states import EVENT_LABELS, STATE_LABELS, CaseEvent, CaseState
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.identity import (
    validate_credit_code,
    validate_document,
    validate_id_number,
    validate_phone,
)
from clerk_desk.domain.intake_rules import (
    DecisionDay,
    decision_problems,
    gap_problems,
    gaps,
    missing_materials,
    notice_overdue,
    notice_text,
)
from clerk_desk.domain.limits import TEXT_MAX
from clerk_desk.domain.materials import merge_materials
from clerk_desk.domain.output_rules import fee_of
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg, translate
from clerk_desk.paths import DataDir
from clerk_desk.services.attachments import check_attachment
from clerk_desk.services.case_log import DeskPlace, record, record_applied, to_record
from clerk_desk.services.catalog import CatalogService
from clerk_desk.services.credit_list import CreditList
from clerk_desk.services.deadline_recompute import DeadlineChange, recompute_open_deadlines
from clerk_desk.services.ratings import open_contact
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.file_store import FileStore, StoredFile
from local_cache.repositories import case_repo
from local_cache.repositories.case_repo import ITEM_SEPARATOR, TextMatch
from local_cache.repositories.file_refs import referenced_files

DEFAULT_LIMIT = 200
# A file younger than this is spared by the start-up sweep: another process on this data
# directory may have stored it and not yet saved the case that refers to it.
ORPHAN_GRACE_SECONDS = 3600
# Acceptances after which the case is routed to its departments at once.
_ROUTED_AFTER = frozenset({CaseEvent.ACCEPT, CaseEvent.ACCEPT_WITH_GAPS})
# The event that brings a stored case back to "received" before an intake decision.
_LEAD_IN = {CaseState.DRAFT: CaseEvent.SUBMIT, CaseState.AWAITING_SUPPLEMENT: CaseEvent.SUPPLEMENT}


class IntakeError(UserError):
    pass


class DecisionRefused(UserError):
    """A decision that cannot be taken yet; ``problems`` lists everything in the way."""

    def __init__(self, event: CaseEvent, problems: Sequence[Message]) -> None:
        self.event = event
        self.problems = list(problems)
        # 暂不能“{event}”：
        super().__init__(
            QT_TRANSLATE_NOOP("core", "“{event}” is not possible yet:"),
            event=msg(EVENT_LABELS[event]),
        )
        self.args = (self.render("en"),)

    def render(self, language: str | None = None) -> str:
        separator = translate("core", QT_TRANSLATE_NOOP("core", "; "), language)  # ；
        details = separator.join(problem.render(language) for problem in self.problems)
        return f"{self.message.render(language)} {details}"


class SearchKind(StrEnum):
    AUTO = "auto"
    CASE_NO = "case_no"
    ID_NUMBER = "id_number"
    NAME = "name"
    PHONE = "phone"


class CaseOrder(StrEnum):
    """What a case list is sorted by; the values are the repository's column names."""

    CASE_NO = "case_no"
    STATE = "state"
    APPLICANT_NAME = "applicant_name"
    APPLICANT_NUMBER = "applicant_number"
    ITEMS = "item_names"
    RECEIVED_AT = "received_at"
    DEADLINE = "committed_deadline"


@dataclass(frozen=True)
class CaseQuery:
    """A case search. ``text`` is matched as ``kind`` says; AUTO tries a case number prefix,
    an ID number and a phone for digits, a name prefix otherwise. Dates bound the day the
    case was received (both ends included). Drafts are found only with ``state=DRAFT``.
    Newest received first unless ``order`` says otherwise; ``offset`` and ``limit`` give a
    page of the results."""

    text: str = ""
    kind: SearchKind = SearchKind.AUTO
    state: CaseState | None = None
    received_from: date | None = None
    received_to: date | None = None
    limit: int = DEFAULT_LIMIT
    order: CaseOrder = CaseOrder.RECEIVED_AT
    descending: bool = True
    offset: int = 0


@dataclass(frozen=True)
class ListFacts:
    """What a case list marks beyond its summary columns."""

    organisation: bool  # an organisation's name is public, not masked
    instant: bool  # 即办件: every item is done on the spot; no committed deadline runs
    gaps_pending: bool  # 容缺受理, and a material is still to be supplied


# A number's last four characters (the way clerks often ask: "尾号1234").
_ID_TAIL_LENGTH = 4


class IntakeService:
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
        self.credit_list = CreditList(database, clock)
        # The database file lives in the desk's data directory, and so does the file store.
        self.files = FileStore(DataDir(database.path.parent).files, database.fault)

    # Drafts -------------------------------------------------------------------------------

    def create_draft(self, item_codes: Sequence[str], clerk: str) -> Case:
        """A stored draft for ``item_codes``, each item's version and limits pinned."""
        now = self.clock()
        items = self.catalog_items(item_codes)
        case = Case(
            uuid=str(uuid.uuid4()),
            state=CaseState.DRAFT,
            created_at=now,
            created_by=clerk,
            updated_at=now,
            items=[_pin(item) for item in items],
            materials=merge_materials(items, {}),
            desk_id=str(self.settings.get("desk_id")),
        )
        with self.database.write() as session:
            case_repo.insert_case(session, case.to_dict())
        return case

    def set_assistance(self, case: Case, assistance: Assistance) -> Case:
        """Record the draft as 帮办 or 代办 (or neither); saved with the draft. Refused once
        decided: who helped is part of what was submitted."""
        if case.state is not CaseState.DRAFT:
            raise IntakeError(
                QT_TRANSLATE_NOOP("core", "Assistance can only be recorded on a draft")
            )
        problems = assistance_problems(assistance)
        if problems:
            raise IntakeError(problems[0].template, **problems[0].params)
        if case.assistance.kind is AssistanceKind.PROXY and assistance != case.assistance:
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "core", "This draft belongs to 代办 {number}; who acts for the applicant stays"
                ),
                number=case.assistance.proxy_no,
            )
        case.assistance = assistance
        return case

    def change_items(self, case: Case, item_codes: Sequence[str]) -> Case:
        """Replace the draft's items (pinned anew) and merge the checklist, keeping marks."""
        items = self.catalog_items(item_codes)
        case.items = [_pin(item) for item in items]
        case.materials = merge_materials(
            items, case.answers, case.agent is not None, case.materials
        )
        return case

    def refresh_materials(self, case: Case) -> Case:
        """The checklist again after a situation answer or the agent changed; marks kept."""
        items = self.catalog_items(case.item_codes)
        case.materials = merge_materials(
            items, case.answers, case.agent is not None, case.materials
        )
        return case

    def situations(self, case: Case) -> list[ServiceItem]:
        """The case's items from the catalog, for their situation questions."""
        return self.catalog_items(case.item_codes)

    def save_draft(self, case: Case) -> None:
        """Store everything typed and marked (autosave); refused once the case was decided."""
        case.updated_at = self.clock()
        with self.database.write() as session:
            saved = case_repo.save_draft(session, case.to_dict())
        if not saved:
            raise IntakeError(
                # 该办件已不是草稿，不能再按草稿保存
                QT_TRANSLATE_NOOP("core", "This case is no longer a draft; it was not saved")
            )

    def discard_draft(self, case_uuid: str) -> None:
        with self.database.write() as session:
            case_repo.delete_draft(session, case_uuid)

    def list_drafts(self, clerk: str) -> list[CaseSummary]:
        """The clerk's drafts, newest first: offered back after a restart."""
        with self.database.read() as session:
            return [_summary(row) for row in case_repo.drafts(session, clerk)]

    # Attached files -----------------------------------------------------------------------

    def attach_file(self, case: Case, material_name: str, path: str | Path) -> Case:
        """Check the file, copy it into the file store, then list it on the material (marked
        attached unless already marked present or otherwise). The file is safe on disk before
        the case refers to it; saving the case (``save_draft``) records the reference."""
        source = Path(path)
        media_type = check_attachment(source, self.settings.get("max_import_mb"))
        return self._list_file(case, material_name, self.files.put(source), source.name, media_type)

    def attach_generated(
        self, case: Case, material_name: str, name: str, data: bytes, media_type: str
    ) -> Case:
        """A file the desk made itself (the demo data's page images), stored and listed like
        an imported one."""
        return self._list_file(case, material_name, self.files.put(data), name, media_type)

    def _list_file(
        self, case: Case, material_name: str, stored: StoredFile, name: str, media_type: str
    ) -> Case:
        material = _material(case, material_name)
        if all(file.sha256 != stored.sha256 for file in material.files):
            entry = MaterialFile(stored.sha256, name, stored.size, media_type, self.clock())
            material.files = (*material.files, entry)
        if material.mark in (MaterialMark.UNCHECKED, MaterialMark.MISSING):
            material.mark = MaterialMark.ATTACHED
        return case

    def detach_file(self, case: Case, material_name: str, sha256: str) -> Case:
        _material(case, material_name).detach(sha256)
        return case

    def sweep_orphan_files(self) -> int:
        """Remove stored files no case refers to (left by a crash between storing and
        saving) and stray temp files, older than the grace period; run once at start-up.
        Returns how many were removed. Cheap when no file was ever stored: the cases'
        documents are read only when the store holds something."""
        if self.files.is_empty():
            return 0
        with self.database.read() as session:
            known = referenced_files(session)
        return self.files.sweep_orphans(known, ORPHAN_GRACE_SECONDS)

    # Decisions ----------------------------------------------------------------------------

    def deadline_for(self, case: Case, accepted_on: date) -> Deadline:
        """The committed deadline if accepted on ``accepted_on``: the longest promised limit
        of the case's items, in working days."""
        days = max((item.promised_limit_days for item in case.items), default=0)
        return committed_deadline(accepted_on, days, calendar=self.work_calendar())

    def supplement_dates(self, case: Case) -> tuple[date, date]:
        """容缺受理: the supplement deadline to offer (setting ``gap_supplement_days`` working
        days after acceptance) and the latest allowed, the committed deadline."""
        accepted_on = self.acceptance_day(case)
        committed = self.deadline_for(case, accepted_on).deadline
        days = int(self.settings.get("gap_supplement_days"))
        offered = supplement_deadline(accepted_on, days, committed, calendar=self.work_calendar())
        return min(max(offered, self.clock().date()), committed), committed

    def decision_day(self, case: Case) -> DecisionDay:
        """Today, the day of receipt and the committed deadline a decision taken now has."""
        today = self.clock().date()
        received_on = self.receipt_day(case)
        overdue = notice_overdue(received_on, today, self.work_calendar())
        accepted_on = received_on if overdue else today
        return DecisionDay(today, received_on, overdue, self.deadline_for(case, accepted_on))

    def decision_problems(self, case: Case) -> dict[CaseEvent, list[Message]]:
        """What is in the way of each decision now (the rules of :mod:`intake_rules`)."""
        listed = self.credit_list.is_listed(case.applicant.key_number)
        return decision_problems(case, self.decision_day(case), listed)

    def accept_problems(self, case: Case) -> list[Message]:
        return self.decision_problems(case)[CaseEvent.ACCEPT]

    def gap_problems(self, case: Case, supplement_deadline: date | None) -> list[Message]:
        day = self.decision_day(case)
        listed = self.credit_list.is_listed(case.applicant.key_number)
        return gap_problems(case, day.today, supplement_deadline, day.committed.deadline, listed)

    def notice_problems(self, case: Case) -> list[Message]:
        return self.decision_problems(case)[CaseEvent.NOTIFY_MISSING]

    def accept(self, case: Case, clerk: str) -> Case:
        """受理: materials complete; the committed deadline is set."""
        problems = self.accept_problems(case)
        if problems:
            raise DecisionRefused(CaseEvent.ACCEPT, problems)
        case = copy.deepcopy(case)
        return self._decide(case, clerk, CaseEvent.ACCEPT, self._accepting(case))

    def accept_with_gaps(self, case: Case, clerk: str, supplement_deadline: date | None) -> Case:
        """容缺受理: only gap-allowed materials missing, supplied by ``supplement_deadline``."""
        problems = self.gap_problems(case, supplement_deadline)
        if problems:
            raise DecisionRefused(CaseEvent.ACCEPT_WITH_GAPS, problems)
        case = copy.deepcopy(case)
        missing = gaps(case)
        for material in missing:
            material.mark = MaterialMark.GAP
        case.supplement_deadline = supplement_deadline
        payload = self._accepting(case)
        payload["gaps"] = [material.name for material in missing]
        payload["supplement_deadline"] = _iso(supplement_deadline)
        return self._decide(case, clerk, CaseEvent.ACCEPT_WITH_GAPS, payload)

    def notify_missing(self, case: Case, clerk: str, note: str = "") -> Case:
        """一次性告知: every missing or defective material listed; the case waits for the
        applicant to come back. ``note`` is added to the list as the clerk's remark."""
        problems = self.notice_problems(case)
        if problems:
            raise DecisionRefused(CaseEvent.NOTIFY_MISSING, problems)
        case = copy.deepcopy(case)
        missing = missing_materials(case)
        reason = "\n".join(text for text in (notice_text(missing), note.strip()) if text)
        payload = {"missing": [line.to_dict() for line in missing], "note": note.strip()}
        return self._decide(case, clerk, CaseEvent.NOTIFY_MISSING, payload, reason)

    def supplement(self, case: Case, clerk: str) -> Case:
        """The applicant came back with what was missing: received again, same number.

        The decisions above do this on their own for a case awaiting a supplement; this is
        for recording the return before deciding."""
        case = copy.deepcopy(case)
        now = self.clock()
        with self.database.write() as session:
            record(session, case, CaseEvent.SUPPLEMENT, by=clerk, at=now, place=self._place())
        return case

    def reject(self, case: Case, clerk: str, reason: str) -> Case:
        """不予受理, with the written reason the notice must carry."""
        problems = self.decision_problems(case)[CaseEvent.REJECT]
        if problems:
            raise DecisionRefused(CaseEvent.REJECT, problems)
        return self._decide(copy.deepcopy(case), clerk, CaseEvent.REJECT, {}, reason)

    def _accepting(self, case: Case) -> dict[str, Any]:
        accepted_on = self.acceptance_day(case)
        deadline = self.deadline_for(case, accepted_on)
        case.accepted_on = accepted_on
        case.committed_deadline = deadline.deadline
        case.deadline_provisional = deadline.provisional
        case.fee_due = fee_of(case.items)
        return {"deadline": deadline.to_dict()}

    def _decide(
        self,
        case: Case,
        clerk: str,
        event: CaseEvent,
        payload: dict[str, Any],
        reason: str = "",
    ) -> Case:
        """Record ``event`` (after its lead-in) on ``case``, a copy the caller does not hold:
        if anything is refused, the caller's case keeps no half-issued number."""
        if len(reason) > TEXT_MAX:
            # The platform stores no longer reason (clerk_desk.domain.limits): say so here.
            too_long = msg(
                # 理由最多 {most} 个字符，现有 {length} 个
                QT_TRANSLATE_NOOP(
                    "core", "The reason may have at most {most} characters, not {length}"
                ),
                most=TEXT_MAX,
                length=len(reason),
            )
            raise DecisionRefused(event, [too_long])
        now = self.clock()
        place = self._place()
        _normalise_identity(case, now.date())
        with self.database.write() as session:
            stored = case_repo.stored_state(session, case.uuid)
            lead_in = _LEAD_IN.get(CaseState(stored[0])) if stored else CaseEvent.SUBMIT
            if lead_in is not None:
                before = _before_decision(case, case_repo.load(session, case.uuid) or {})
                record(session, before, lead_in, by=clerk, at=now, place=place)
                case.case_no, case.received_at = before.case_no, before.received_at
                case.desk_id = before.desk_id
            case.decided_at = now
            record(
                session, case, event, by=clerk, at=now, place=place, reason=reason, payload=payload
            )
            open_contact(
                session, case, ContactKind.INTAKE, staff=clerk, at=now, settings=self.settings
            )
            if event in _ROUTED_AFTER:
                self._route(session, case, clerk, now, place)
        if lead_in is CaseEvent.SUBMIT:
            for code in case.item_codes:
                self.catalog.record_use(code)
        return case

    def _route(
        self, session: Session, case: Case, clerk: str, now: datetime, place: DeskPlace
    ) -> None:
        """流转: the accepted case goes to the departments of its items (one part each, a
        part decided before a 补正 kept), in the acceptance's transaction."""
        calendar = self.work_calendar()
        payload = review_rules.route_payload(case, calendar)
        accepted = case.state
        apply_event(case, CaseEvent.ROUTE, payload, reason="", at=now, by=clerk, calendar=calendar)
        record_applied(
            session,
            case,
            CaseEvent.ROUTE,
            from_state=accepted,
            by=clerk,
            at=now,
            place=place,
            payload=payload,
        )

    def _place(self) -> DeskPlace:
        return DeskPlace.from_settings(self.settings)

    def catalog_items(self, item_codes: Sequence[str]) -> list[ServiceItem]:
        """The catalog's items for ``item_codes`` (each once), refused on an unknown code."""
        items = []
        for code in dict.fromkeys(item_codes):
            item = self.catalog.item(code)
            if item is None:
                raise IntakeError(
                    # 事项目录中没有基本编码为{code}的事项
                    QT_TRANSLATE_NOOP("core", "The catalog has no item with basic code {code}"),
                    code=code,
                )
            items.append(item)
        return items

    # Looking up ---------------------------------------------------------------------------

    def case(self, case_uuid: str) -> Case | None:
        with self.database.read() as session:
            data = case_repo.load(session, case_uuid)
        return None if data is None else Case.from_dict(data)

    def case_by_number(self, case_no: str) -> Case | None:
        with self.database.read() as session:
            data = case_repo.load_by_case_no(session, normalize_case_no(case_no))
        return None if data is None else Case.from_dict(data)

    def returning_case(self, number: str) -> Case:
        """The case awaiting a supplement (待补正) with this case number, taken up again when
        the applicant comes back: mark what was brought, then decide (受理, 容缺受理, another
        一次性告知 or 不予受理) under the same number; the decision records the supplement first.
        Refused, saying why, for an unknown number or a case in another state."""
        case = self.case_by_number(number) if is_valid_case_no(number) else None
        if case is None:
            raise IntakeError(
                # 没有编号为{number}的办件
                QT_TRANSLATE_NOOP("core", "There is no case numbered {number}"),
                number=number.strip(),
            )
        if case.state is not CaseState.AWAITING_SUPPLEMENT:
            raise IntakeError(
                # 办件{number}为“{state}”，只有待补正的办件可以继续受理
                QT_TRANSLATE_NOOP(
                    "core",
                    "Case {number} is “{state}”; only a case awaiting a supplement is taken "
                    "up again",
                ),
                number=case.number_label,
                state=msg(STATE_LABELS[case.state]),
            )
        return case

    def events(self, case_uuid: str) -> list[CaseEventRecord]:
        with self.database.read() as session:
            return [to_record(row) for row in case_repo.events(session, case_uuid)]

    def previous_applicant(self, number: str) -> Applicant | None:
        """The applicant as last stored with this ID number or credit code, for auto-fill."""
        key = _search_number(number, self.clock().date())
        if not key:
            return None
        with self.database.read() as session:
            data = case_repo.latest_by_applicant_number(session, key)
        return None if data is None else Applicant.from_dict(data["applicant"])

    def last_case(self, number: str) -> Case | None:
        """The newest case (not a draft) of the applicant with this ID number or credit code:
        when they come back, the desk fills them in and offers that case's items first, with
        the situations answered as then."""
        key = _search_number(number, self.clock().date())
        if not key:
            return None
        with self.database.read() as session:
            rows = case_repo.find(
                session, [TextMatch("applicant_number", key)], limit=1, order="received_at"
            )
            data = case_repo.load(session, rows[0].uuid) if rows else None
        return None if data is None else Case.from_dict(data)

    def find_cases(self, query: CaseQuery) -> list[CaseSummary]:
        received_before = (
            None if query.received_to is None else _midnight(query.received_to + timedelta(1))
        )
        with self.database.read() as session:
            rows = case_repo.find(
                session,
                _text_matches(query.text, query.kind, self.clock().date()),
                state=None if query.state is None else str(query.state),
                received_from=None
                if query.received_from is None
                else _midnight(query.received_from),
                received_before=received_before,
                limit=query.limit,
                order=str(query.order),
                descending=query.descending,
                offset=query.offset,
            )
        return [_summary(row) for row in rows]

    def summaries(self, uuids: Sequence[str]) -> list[CaseSummary]:
        """The cases ``uuids`` that exist (drafts too), in the order given."""
        with self.database.read() as session:
            rows = {row.uuid: _summary(row) for row in case_repo.summaries(session, uuids)}
        return [rows[uuid_] for uuid_ in uuids if uuid_ in rows]

    def list_facts(self, uuids: Sequence[str]) -> dict[str, ListFacts]:
        """The :class:`ListFacts` of the cases ``uuids`` (one read of their documents)."""
        with self.database.read() as session:
            documents = case_repo.documents(session, uuids)
        facts = {}
        for uuid_, data in documents.items():
            case = Case.from_dict(data)
            facts[uuid_] = ListFacts(
                organisation=case.applicant.kind is ApplicantKind.ORGANISATION,
                instant=bool(case.items)
                and all(item.promised_limit_days == 0 for item in case.items),
                gaps_pending=any(m.mark is MaterialMark.GAP for m in case.materials),
            )
        return facts

    # Legal clocks -------------------------------------------------------------------------

    def recompute_open_deadlines(self, by: str) -> list[DeadlineChange]:
        """After an official calendar was loaded: every open case's committed deadline under
        the current calendar; the changed ones are saved (with an outbox row) and returned."""
        return recompute_open_deadlines(self.database, self.work_calendar(), self.clock, by)

    def receipt_day(self, case: Case) -> date:
        """The day the application as it stands was received: a case waiting in 已收件 keeps
        the day of its submit or supplement; a draft or a case awaiting a supplement is
        received (again) by the decision taken now."""
        history = self.events(case.uuid)
        if history and history[-1].to_state is CaseState.RECEIVED:
            return history[-1].at.date()
        return self.clock().date()

    def acceptance_day(self, case: Case) -> date:
        """The day an acceptance counts from: today, or the day of receipt once the 5 working
        days for 一次性告知 have passed (行政许可法 §32)."""
        return self.decision_day(case).accepted_on


# What a decision sets on a case; the receipt or supplement recorded before it carries none of
# them (the platform takes a new case without them and lets a supplement change only the
# checklist).
_DECISION_FIELDS = (
    "accepted_on",
    "committed_deadline",
    "deadline_provisional",
    "supplement_deadline",
    "decided_at",
)


def _before_decision(case: Case, stored: dict[str, Any]) -> Case:
    """``case`` with the decision's fields as stored (none for a new case): the case as the
    applicant brought it, before the decision."""
    data = case.to_dict()
    data.update({name: stored.get(name) for name in _DECISION_FIELDS})
    data["fee_due"] = stored.get("fee_due", "0.00")  # set by the acceptance, not before
    return Case.from_dict(data)


def _material(case: Case, name: str) -> CaseMaterial:
    for material in case.materials:
        if material.name == name:
            return material
    raise IntakeError(
        # 本办件的材料清单中没有“{name}”
        QT_TRANSLATE_NOOP("core", "The case's checklist has no material “{name}”"),
        name=name,
    )


def _pin(item: ServiceItem) -> CaseItem:
    return CaseItem(
        basic_code=item.basic_code,
        version=item.version,
        name=item.name,
        department=item.department,
        promised_limit_days=item.promised_limit_days,
        legal_limit_days=item.legal_limit_days,
        case_kind=item.case_kind,
        legal_basis=item.legal_basis,
        result_name=item.result_name,
        result_type=item.result_type,
        courier_allowed=item.courier_allowed,
        fee_yuan=item.fee_yuan,
    )


def _normalise_identity(case: Case, today: date) -> None:
    """Store the checked forms (18-digit ID, upper-case codes, E.164 phone) at a decision, so
    searches and the returning-applicant look-up find them whatever way they were typed."""
    applicant = case.applicant
    if applicant.kind is ApplicantKind.ORGANISATION:
        applicant.credit_code = validate_credit_code(applicant.credit_code).value
    else:
        applicant.id_number = validate_document(applicant.id_kind, applicant.id_number, today).value
    applicant.phone = validate_phone(applicant.phone).value
    if case.agent is not None:
        case.agent.id_number = validate_document(
            case.agent.id_kind, case.agent.id_number, today
        ).value


def _search_number(text: str, today: date) -> str:
    """An ID number in its stored 18-digit form when valid, else as typed (upper case)."""
    check = validate_id_number(text, today)
    return check.value if check.ok else text.strip().upper()


def _text_matches(text: str, kind: SearchKind, today: date) -> list[TextMatch]:
    text = text.strip()
    if not text:
        return []
    phone = validate_phone(text)
    phone_value = phone.value if phone.ok else text
    by_kind = {
        SearchKind.CASE_NO: [TextMatch("case_no", normalize_case_no(text), prefix=True)],
        SearchKind.ID_NUMBER: [TextMatch("applicant_number", _search_number(text, today))],
        SearchKind.NAME: [TextMatch("applicant_name", text, prefix=True)],
        SearchKind.PHONE: [TextMatch("applicant_phone", phone_value)],
    }
    if kind is not SearchKind.AUTO:
        return by_kind[kind]
    compact = normalize_case_no(text)
    if compact.isdigit() or (compact[:-1].isdigit() and compact.endswith("X")):
        tail = (
            [TextMatch("applicant_number", compact, suffix=True)]
            if len(compact) == _ID_TAIL_LENGTH
            else []
        )
        return [
            *by_kind[SearchKind.CASE_NO],
            *by_kind[SearchKind.ID_NUMBER],
            *by_kind[SearchKind.PHONE],
            *tail,
        ]
    return by_kind[SearchKind.NAME]


def _summary(row: Row[Any]) -> CaseSummary:
    return CaseSummary(
        uuid=row.uuid,
        case_no=row.case_no,
        state=CaseState(row.state),
        rated=row.rated,
        applicant_name=row.applicant_name,
        applicant_number=row.applicant_number,
        item_codes=tuple(code for code in row.item_codes.split(",") if code),
        item_names=tuple(name for name in row.item_names.split(ITEM_SEPARATOR) if name),
        created_by=row.created_by,
        updated_at=row.updated_at,
        received_at=row.received_at,
        decided_at=row.decided_at,
        committed_deadline=row.committed_deadline,
        deadline_provisional=row.deadline_provisional,
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
