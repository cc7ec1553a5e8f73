"""The shapes of case documents, events and replies (request validation and OpenAPI).

A case document is ``clerk_desk.domain.case.Case.to_dict()``; an event is the desk's event
record. Only the shape is checked here; what the values mean (ID numbers, the state machine,
blobs) is checked by :mod:`platform_sandbox.case_checks` and the routes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from clerk_desk.domain.assistance import AssistanceKind
from clerk_desk.domain.case import (
    ApplicantKind,
    DeliveryMethod,
    MaterialMark,
    Outcome,
    PartState,
    PaymentMethod,
)
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.identity import DocumentKind
from clerk_desk.domain.limits import (
    ADDRESS_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TEXT_MAX,
    WORKING_DAYS_MAX,
)

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# For text kept in (or looked up by) a column rather than a JSON document: PostgreSQL's text
# cannot hold NUL, so it is refused (422) on every backend alike.
NO_NUL_PATTERN = r"^[^\x00]*$"
# Yuan with two decimals, as the catalog and the payment records hold them ("80.00").
AMOUNT_PATTERN = r"^\d{1,9}\.\d{2}$"

Uuid = Annotated[str, Field(pattern=UUID_PATTERN)]
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN)]
ShortText = Annotated[str, Field(max_length=SHORT_TEXT_MAX)]
ShortKey = Annotated[str, Field(max_length=SHORT_TEXT_MAX, pattern=NO_NUL_PATTERN)]
CaseNo = Annotated[str, Field(max_length=40, pattern=NO_NUL_PATTERN)]
Text = Annotated[str, Field(max_length=TEXT_MAX)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
WorkingDays = Annotated[int, Field(ge=0, le=WORKING_DAYS_MAX)]
Name = Annotated[str, Field(max_length=NAME_MAX)]
Amount = Annotated[str, Field(pattern=AMOUNT_PATTERN)]
EventName = CaseEvent | Literal["deadline_recomputed"]


class ItemDoc(BaseModel):
    basic_code: Annotated[str, Field(min_length=1, max_length=40)]
    version: ShortText
    name: Text
    department: Text
    promised_limit_days: WorkingDays
    legal_limit_days: WorkingDays
    case_kind: ShortText
    legal_basis: Text = ""
    result_name: Text = ""
    result_type: ShortText = ""
    courier_allowed: bool = False
    fee_yuan: Amount = "0.00"


class ApplicantDoc(BaseModel):
    kind: ApplicantKind
    name: Text
    id_kind: DocumentKind
    id_number: ShortText
    phone: ShortText
    address: Text
    credit_code: ShortText
    legal_representative: Text


class AgentDoc(BaseModel):
    name: Text
    id_kind: DocumentKind
    id_number: ShortText
    phone: ShortText


class FileDoc(BaseModel):
    sha256: Sha256
    name: Text
    size: Annotated[int, Field(ge=0, le=2**40)]
    media_type: ShortText
    added_at: datetime


class MaterialDoc(BaseModel):
    name: Text
    item_codes: list[ShortText]
    necessity: ShortText
    gap_allowed: bool
    promise_allowed: bool
    form: ShortText
    copies: Count
    acceptance_standard: Text
    mark: MaterialMark
    received_form: ShortText
    received_copies: Count
    files: list[FileDoc]
    note: Text
    reuse_days: Count = 0


class PartDoc(BaseModel):
    """``CasePart.to_dict()``: one department's part of a routed case."""

    department: Text
    item_codes: list[ShortText]
    lead: bool
    state: PartState
    working_days: WorkingDays
    deadline: date | None
    deadline_provisional: bool
    extension_days: WorkingDays
    outcome: Outcome | None
    decided_at: datetime | None
    decided_by: ShortText
    result_name: Text
    result_number: ShortText
    valid_until: date | None
    reasons: Text
    remedies: Text


class ProcedureDoc(BaseModel):
    """``SpecialProcedure.to_dict()``: a §45 pause or the §42 extension."""

    kind: ShortText
    department: Text
    reason: Text
    basis: Text
    requested_by: ShortText
    approved_by: ShortText
    started_on: date
    expected_days: WorkingDays
    ended_on: date | None
    result: Text
    counted_days: WorkingDays


class PaymentDoc(BaseModel):
    """``Payment.to_dict()``."""

    number: ShortText
    method: PaymentMethod
    amount: Amount
    paid_at: datetime
    payer: Name
    collected_by: ShortText


class DeliveryDoc(BaseModel):
    """``Delivery.to_dict()``: handed over at the window or sent by courier."""

    method: DeliveryMethod
    at: datetime
    by: ShortText
    collector_name: Name
    collector_id_kind: ShortText
    collector_id_number: ShortText
    collector_is_agent: bool
    authorisation_sha256: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")]
    e_licence_number: ShortText
    recipient: Name
    address: Annotated[str, Field(max_length=ADDRESS_MAX)]
    phone: ShortText
    company: Name
    tracking_number: ShortText
    signed_by: Name
    delivered_at: datetime | None


class AssistanceDoc(BaseModel):
    """``Assistance.to_dict()``: 帮办 or 代办, who helped, the 代办 record. Fixed at submit."""

    kind: AssistanceKind = AssistanceKind.NONE
    helper: ShortKey = ""
    helper_name: Name = ""
    reason: ShortText = ""
    proxy_uuid: Annotated[str, Field(pattern=r"^(" + UUID_PATTERN[1:-1] + r")?$")] = ""
    proxy_no: ShortKey = ""


class CaseDoc(BaseModel):
    """``Case.to_dict()``. What review and output add defaults to empty, so documents of
    desks from before them still parse."""

    uuid: Uuid
    case_no: CaseNo | None
    state: CaseState
    rated: bool
    created_at: datetime
    created_by: ShortText
    updated_at: datetime
    received_at: datetime | None
    decided_at: datetime | None
    accepted_on: date | None
    committed_deadline: date | None
    deadline_provisional: bool
    supplement_deadline: date | None
    desk_id: ShortKey
    items: Annotated[list[ItemDoc], Field(min_length=1)]
    answers: dict[str, Text]
    applicant: ApplicantDoc
    agent: AgentDoc | None
    materials: list[MaterialDoc]
    notes: Text
    parts: list[PartDoc] = []
    procedures: list[ProcedureDoc] = []
    concluded_at: datetime | None = None
    result_ready_at: datetime | None = None
    fee_due: Amount = "0.00"
    payments: list[PaymentDoc] = []
    delivery: DeliveryDoc | None = None
    transfer_sheets: list[FileDoc] = []
    assistance: AssistanceDoc = AssistanceDoc()


class EventDoc(BaseModel):
    """The desk's event record."""

    uuid: Uuid
    case_uuid: Uuid
    seq: Annotated[int, Field(ge=0, le=2**31)]
    event: EventName
    from_state: CaseState
    to_state: CaseState
    at: datetime
    by: ShortText
    desk_id: ShortText
    reason: Text
    payload: dict[str, Any]


class CaseBody(BaseModel):
    """``PUT /cases/{uuid}``: the case and its opening ``submit`` event."""

    case: CaseDoc
    event: EventDoc


class EventBody(BaseModel):
    """``POST /cases/{uuid}/events``: the event and the case as it is after it."""

    event: EventDoc
    case: CaseDoc


class CaseView(BaseModel):
    uuid: str
    case_no: str | None
    state: CaseState
    centre_code: str
    desk_id: str
    items: list[str]
    received_at: datetime | None
    decided_at: datetime | None
    updated_at: datetime
    events: int
    document: CaseDoc


class CaseDetail(CaseView):
    history: list[EventDoc]


class CaseReply(BaseModel):
    case: CaseView
    event: EventDoc
    seq: int


class CaseList(BaseModel):
    cases: list[CaseView]
    next_after: int | None


class Change(BaseModel):
    seq: int
    kind: Literal["case_created", "event"]
    case_uuid: str
    case: CaseView
    event: EventDoc


class ChangeList(BaseModel):
    changes: list[Change]
    last_seq: int
    more: bool
