"""What the customer display may show the visitor: plain data, personal data masked.

Built on the database thread from the stored case, the catalog's pinned items and the desk's
settings; the display (``ui/display``) only lays it out. Nothing here carries a full ID number,
phone or address: names are masked as on papers (``李**``), ID numbers keep their first 6 and
last 4 characters, phones and addresses are left out altogether.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.output_papers import served_documents
from clerk_desk.domain.case import ApplicantKind, Case, MaterialMark
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import mask_id_number, mask_name
from clerk_desk.domain.output_rules import outstanding
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.repositories import case_repo
from local_cache.schema import Account


class MaterialState(StrEnum):
    """A material as the visitor sees it: 已收, 缺, 容缺 or 待核."""

    RECEIVED = "received"
    MISSING = "missing"
    GAP = "gap"
    PENDING = "pending"


_STATES = {
    MaterialMark.UNCHECKED: MaterialState.PENDING,
    MaterialMark.RECEIVED: MaterialState.RECEIVED,
    MaterialMark.ATTACHED: MaterialState.RECEIVED,
    MaterialMark.PROMISED: MaterialState.RECEIVED,  # the signed promise was taken instead
    MaterialMark.MISSING: MaterialState.MISSING,
    MaterialMark.DEFECTIVE: MaterialState.MISSING,  # brought, but to be brought again
    MaterialMark.GAP: MaterialState.GAP,
}


class Stage(StrEnum):
    """Where the visitor's business at this window stands."""

    TAKING_IN = "taking_in"  # the clerk is checking the materials
    ACCEPTED = "accepted"  # 受理 (and handed on to the department)
    ACCEPTED_WITH_GAPS = "accepted_with_gaps"  # 容缺受理
    NOTIFIED = "notified"  # 一次性告知: come back with what is missing
    REJECTED = "rejected"  # 不予受理
    HANDING_OVER = "handing_over"  # 出件: the result is being handed over
    HANDED_OVER = "handed_over"


_INTAKE_STAGES = {
    CaseState.DRAFT: Stage.TAKING_IN,
    CaseState.RECEIVED: Stage.TAKING_IN,
    CaseState.AWAITING_SUPPLEMENT: Stage.NOTIFIED,
    CaseState.REJECTED: Stage.REJECTED,
}


@dataclass(frozen=True)
class VisitorMaterial:
    name: str
    state: MaterialState
    required: bool


@dataclass(frozen=True)
class VisitorView:
    """One case at the counter, as the visitor may see it."""

    case_uuid: str
    kind: ContactKind
    stage: Stage
    case_no: str  # as printed; empty while a draft
    items: tuple[str, ...]
    applicant: str  # masked name (an organisation's name as registered)
    applicant_number: str  # masked ID number; empty for an organisation
    agent: str  # masked name of the agent who came, if one did
    materials: tuple[VisitorMaterial, ...]
    deadline: date | None  # the committed deadline, once accepted
    provisional: bool
    supplement_deadline: date | None  # 容缺受理: the gaps are due by then
    documents: tuple[str, ...]  # handed over: the decisions and results
    to_pay: Decimal
    phone: str  # the centre's enquiry phone (not the visitor's)

    @property
    def received(self) -> int:
        return sum(1 for m in self.materials if m.state is MaterialState.RECEIVED)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.materials if m.state is MaterialState.MISSING)


@dataclass(frozen=True)
class CounterView:
    """The idle page: who serves at this window."""

    centre_name: str
    window_number: int
    window_category: str
    clerk_name: str
    staff_no: str


def view_of(case: Case, kind: ContactKind, settings: Settings) -> VisitorView:
    """``case`` at the counter for ``kind`` (受理 or 出件), masked."""
    applicant = case.applicant
    organisation = applicant.kind is ApplicantKind.ORGANISATION
    name = applicant.name.strip()
    accepted = case.state not in _INTAKE_STAGES
    if kind is ContactKind.HANDOVER:
        stage = Stage.HANDED_OVER if case.delivery is not None else Stage.HANDING_OVER
    elif accepted:
        stage = Stage.ACCEPTED_WITH_GAPS if case.supplement_deadline else Stage.ACCEPTED
    else:
        stage = _INTAKE_STAGES[case.state]
    context = PaperContext.from_settings(settings, window="", clerk="", printed_at=datetime.min)
    return VisitorView(
        case_uuid=case.uuid,
        kind=kind,
        stage=stage,
        case_no=display_case_no(case.case_no) if case.case_no else "",
        items=tuple(item.name for item in case.items),
        applicant=name if organisation else mask_name(name),
        applicant_number="" if organisation or not name else mask_id_number(applicant.id_number),
        agent=mask_name(case.agent.name) if case.agent is not None and case.agent.name else "",
        materials=tuple(
            VisitorMaterial(m.name, _STATES[m.mark], m.required) for m in case.materials
        ),
        deadline=case.committed_deadline if accepted else None,
        provisional=case.deadline_provisional,
        supplement_deadline=case.supplement_deadline if accepted else None,
        documents=served_documents(case, context) if kind is ContactKind.HANDOVER else (),
        to_pay=outstanding(case) if kind is ContactKind.HANDOVER else Decimal("0.00"),
        phone=str(settings.get("centre_phone")),
    )


def load_view(
    database: Database, settings: Settings, case_uuid: str, kind: ContactKind
) -> VisitorView | None:
    """The stored case ``case_uuid`` for the display; None if it is not (or no longer) here."""
    with database.read() as session:
        data = case_repo.load(session, case_uuid)
    return None if data is None else view_of(Case.from_dict(data), kind, settings)


def counter_view(database: Database, settings: Settings, username: str) -> CounterView:
    """The centre, the window and who serves there (工号, else the user name)."""
    with database.read() as session:
        account = session.scalar(select(Account).where(Account.username == username))
    return CounterView(
        centre_name=str(settings.get("centre_name")),
        window_number=int(settings.get("window_number")),
        window_category=str(settings.get("window_category")),
        clerk_name=account.display_name if account is not None else username,
        staff_no=(account.staff_no if account is not None else "") or username,
    )
