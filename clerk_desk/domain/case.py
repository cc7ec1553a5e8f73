"""The case (办件): who applies for which items, with which materials, and where it stands.

A case is plain data. The services change it; :mod:`case_states` decides which changes of
state are allowed; the repository stores it as a handful of indexed columns plus one JSON
document (:meth:`Case.to_dict`), so a draft autosave is a single row update.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clerk_desk.domain.assistance import Assistance
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import DEFAULT_DOCUMENT_KIND, DocumentKind
from clerk_desk.i18n import QT_TRANSLATE_NOOP

DRAFT_LABEL = "草稿"  # Shown where a draft's case number would be: it has none yet.


class ApplicantKind(StrEnum):
    INDIVIDUAL = "individual"
    ORGANISATION = "organisation"


@dataclass
class Applicant:
    """申请人: a person (name, 证件, phone, address) or an organisation (name, 统一社会信用代码,
    法定代表人, contact phone and address)."""

    kind: ApplicantKind = ApplicantKind.INDIVIDUAL
    name: str = ""
    id_kind: DocumentKind = DEFAULT_DOCUMENT_KIND
    id_number: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""
    legal_representative: str = ""

    @property
    def key_number(self) -> str:
        """The number the applicant is found by: ID number or credit code."""
        if self.kind is ApplicantKind.ORGANISATION:
            return self.credit_code
        return self.id_number

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Applicant:
        return cls(
            **{
                **data,
                "kind": ApplicantKind(data.get("kind", ApplicantKind.INDIVIDUAL)),
                "id_kind": DocumentKind(data.get("id_kind", DEFAULT_DOCUMENT_KIND)),
            }
        )


@dataclass
class Agent:
    """代理人 / 经办人: acts for the applicant; brings an authorisation (授权委托书)."""

    name: str = ""
    id_kind: DocumentKind = DEFAULT_DOCUMENT_KIND
    id_number: str = ""
    phone: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Agent:
        return cls(**{**data, "id_kind": DocumentKind(data.get("id_kind", DEFAULT_DOCUMENT_KIND))})


@dataclass(frozen=True)
class CaseItem:
    """An item as it was in the catalog when the case took it: the version and time limits are
    pinned, so a later catalog change does not move this case's deadline. ``legal_basis`` (设定
    依据) is printed on the 受理通知书; cases taken before it was pinned have it empty."""

    basic_code: str
    version: str
    name: str
    department: str
    promised_limit_days: int
    legal_limit_days: int
    case_kind: str
    legal_basis: str = ""
    result_name: str = ""
    result_type: str = ""
    courier_allowed: bool = False
    fee_yuan: str = "0.00"

    @property
    def issues_licence(self) -> bool:
        """The result is a 证照: approving it needs a number and a validity."""
        return self.result_type == "证照"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseItem:
        return cls(**data)


class MaterialMark(StrEnum):
    """What the clerk noted for one material."""

    UNCHECKED = "unchecked"
    RECEIVED = "received"  # paper taken: 原件 or 复印件, with a count
    ATTACHED = "attached"  # electronic: files or scans
    MISSING = "missing"
    DEFECTIVE = "defective"  # brought but not acceptable; ``note`` says why
    GAP = "gap"  # 容缺: accepted now, supplied later (only where the catalog allows)
    PROMISED = "promised"  # 告知承诺: a signed promise replaces the proof (where allowed)


MARK_LABELS: dict[MaterialMark, str] = {
    MaterialMark.UNCHECKED: QT_TRANSLATE_NOOP("core", "Not checked"),  # 未核验
    MaterialMark.RECEIVED: QT_TRANSLATE_NOOP("core", "Collected"),  # 已收取
    MaterialMark.ATTACHED: QT_TRANSLATE_NOOP("core", "Attached"),  # 已上传
    MaterialMark.MISSING: QT_TRANSLATE_NOOP("core", "Missing"),  # 缺少
    MaterialMark.DEFECTIVE: QT_TRANSLATE_NOOP("core", "Defective"),  # 不符合要求
    MaterialMark.GAP: QT_TRANSLATE_NOOP("core", "Gap (supplied later)"),  # 容缺
    MaterialMark.PROMISED: QT_TRANSLATE_NOOP("core", "Promise instead of proof"),  # 告知承诺
}

# Marks that let a required material count as present at 受理.
PRESENT_MARKS = frozenset({MaterialMark.RECEIVED, MaterialMark.ATTACHED})


@dataclass(frozen=True)
class MaterialFile:
    """A file attached to a material: the content is in the desk's file store by ``sha256``;
    ``name`` is the file's original name, shown to the clerk and printed on lists."""

    sha256: str
    name: str
    size: int
    media_type: str
    added_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "added_at": self.added_at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MaterialFile:
        return cls(**{**data, "added_at": datetime.fromisoformat(data["added_at"])})


@dataclass
class CaseMaterial:
    """One line of the case's checklist: the catalog's rule for it and the clerk's mark.

    ``item_codes`` lists every item of the case that needs the material (a bundle collects a
    shared document once). ``form`` / ``copies`` are what the catalog asks for;
    ``received_form`` / ``received_copies`` what was actually taken. ``reuse_days`` is the
    catalog's 材料复用 period (0: not reusable), copied when the checklist was built.
    """

    name: str
    item_codes: tuple[str, ...]
    necessity: str = "必要"
    gap_allowed: bool = False
    promise_allowed: bool = False
    form: str = "原件"
    copies: int = 1
    acceptance_standard: str = ""
    mark: MaterialMark = MaterialMark.UNCHECKED
    received_form: str = ""
    received_copies: int = 0
    files: tuple[MaterialFile, ...] = ()
    note: str = ""
    reuse_days: int = 0

    @property
    def required(self) -> bool:
        return self.necessity == "必要"

    @property
    def is_key(self) -> bool:
        """A key material (关键材料): required and never acceptable as 容缺."""
        return self.required and not self.gap_allowed

    def detach(self, sha256: str) -> None:
        """Take a file off the material; an attached material without files is unchecked
        again. The stored copy stays until the start-up sweep finds it unreferenced."""
        self.files = tuple(file for file in self.files if file.sha256 != sha256)
        if self.mark is MaterialMark.ATTACHED and not self.files:
            self.mark = MaterialMark.UNCHECKED

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["item_codes"] = list(self.item_codes)
        data["files"] = [file.to_dict() for file in self.files]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseMaterial:
        return cls(
            **{
                **data,
                "item_codes": tuple(data["item_codes"]),
                "files": tuple(MaterialFile.from_dict(f) for f in data.get("files", ())),
                "mark": MaterialMark(data.get("mark", MaterialMark.UNCHECKED)),
            }
        )


class PartState(StrEnum):
    """Where one department's part of a case stands (see :mod:`review_rules`)."""

    IN_REVIEW = "in_review"
    PAUSED = "paused"
    DECIDED = "decided"


class Outcome(StrEnum):
    APPROVED = "approved"  # 准予许可
    DENIED = "denied"  # 不予许可


@dataclass
class CasePart:
    """One department's share of a routed case (流转): its items, its clock, its decision.

    ``working_days`` is the longest promised limit of its items; ``deadline`` is counted from
    the case's acceptance day over those days plus ``extension_days``, skipping the days of
    its ended special procedures. ``lead`` marks the 牵头部门 of a bundle or 联办 case.
    """

    department: str
    item_codes: tuple[str, ...]
    lead: bool = False
    state: PartState = PartState.IN_REVIEW
    working_days: int = 0
    deadline: date | None = None
    deadline_provisional: bool = False
    extension_days: int = 0
    outcome: Outcome | None = None
    decided_at: datetime | None = None
    decided_by: str = ""
    result_name: str = ""
    result_number: str = ""
    valid_until: date | None = None
    reasons: str = ""
    remedies: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "item_codes": list(self.item_codes),
            "state": str(self.state),
            "deadline": _iso(self.deadline),
            "outcome": None if self.outcome is None else str(self.outcome),
            "decided_at": _iso(self.decided_at),
            "valid_until": _iso(self.valid_until),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CasePart:
        outcome = data.get("outcome")
        return cls(
            **{
                **data,
                "item_codes": tuple(data["item_codes"]),
                "state": PartState(data["state"]),
                "deadline": _date(data.get("deadline")),
                "outcome": None if outcome is None else Outcome(outcome),
                "decided_at": _datetime(data.get("decided_at")),
                "valid_until": _date(data.get("valid_until")),
            }
        )


@dataclass
class SpecialProcedure:
    """特别程序 (GB/T 39046-2020 table A.7): a §45 pause (听证, 检验, 鉴定 …) or the §42
    extension (``kind`` = 延长审批). ``counted_days`` are the working days the clock stood
    still (a pause, once ended: from ``started_on`` to the day before ``ended_on``) or was
    extended by."""

    kind: str
    department: str
    reason: str
    basis: str
    requested_by: str
    approved_by: str
    started_on: date
    expected_days: int
    ended_on: date | None = None
    result: str = ""
    counted_days: int = 0

    @property
    def is_extension(self) -> bool:
        return self.kind == EXTENSION_KIND

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "started_on": self.started_on.isoformat(),
            "ended_on": _iso(self.ended_on),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpecialProcedure:
        return cls(
            **{
                **data,
                "started_on": date.fromisoformat(data["started_on"]),
                "ended_on": _date(data.get("ended_on")),
            }
        )


EXTENSION_KIND = "延长审批"


class PaymentMethod(StrEnum):
    CASH = "cash"  # 现金
    CARD = "card"  # 银行卡
    CODE = "code"  # 缴款码 (scanned by the payer, or reported back by the platform)


@dataclass(frozen=True)
class Payment:
    """A fee paid (GB/T 39046-2020 table 14): 缴款单号, 收费金额 (yuan, two decimals), 收费时间,
    缴款人, 收费人员 (``platform`` when the payment came back from the payment code)."""

    number: str
    method: PaymentMethod
    amount: str
    paid_at: datetime
    payer: str
    collected_by: str

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "method": str(self.method),
            "paid_at": self.paid_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Payment:
        return cls(
            **{
                **data,
                "method": PaymentMethod(data["method"]),
                "paid_at": datetime.fromisoformat(data["paid_at"]),
            }
        )


class DeliveryMethod(StrEnum):
    WINDOW = "window"  # 窗口领取
    COURIER = "courier"  # 邮寄送达


@dataclass
class Delivery:
    """How the result left the centre. At the window: who collected it (the applicant, or an
    agent with a 授权委托书) and the 电子证照 number if one was issued. By courier (GB/T
    39046-2020 table 15): recipient, address, phone, company, 物流单号, who shipped it, and
    who signed for it on delivery."""

    method: DeliveryMethod
    at: datetime
    by: str
    collector_name: str = ""
    collector_id_kind: str = ""
    collector_id_number: str = ""
    collector_is_agent: bool = False
    authorisation_sha256: str = ""
    e_licence_number: str = ""
    recipient: str = ""
    address: str = ""
    phone: str = ""
    company: str = ""
    tracking_number: str = ""
    signed_by: str = ""
    delivered_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "method": str(self.method),
            "at": self.at.isoformat(),
            "delivered_at": _iso(self.delivered_at),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Delivery:
        return cls(
            **{
                **data,
                "method": DeliveryMethod(data["method"]),
                "at": datetime.fromisoformat(data["at"]),
                "delivered_at": _datetime(data.get("delivered_at")),
            }
        )


@dataclass
class Case:
    """One application. ``uuid`` is made by the desk and never changes (the sync key);
    ``case_no`` is issued at the first decision, ``None`` while a draft.

    ``received_at`` is when the window took the application in (submit), ``decided_at`` the
    time of the latest intake decision (受理, 容缺受理, 一次性告知 or 不予受理).

    After acceptance: ``parts`` (one per reviewing department, set by ``route``),
    ``procedures`` (特别程序), ``concluded_at`` (办结: the last part decided; the §44 output
    clock starts), ``result_ready_at`` (制证完成), ``fee_due`` (yuan, from the items' fees) and
    ``payments``, ``delivery`` and the signed ``transfer_sheets`` (材料流转单 scans).
    ``assistance`` says whether staff helped (帮办) or acted for the applicant (代办).
    """

    uuid: str
    state: CaseState
    created_at: datetime
    created_by: str
    updated_at: datetime
    items: list[CaseItem]
    case_no: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    applicant: Applicant = field(default_factory=Applicant)
    agent: Agent | None = None
    materials: list[CaseMaterial] = field(default_factory=list)
    received_at: datetime | None = None
    decided_at: datetime | None = None
    accepted_on: date | None = None
    committed_deadline: date | None = None
    deadline_provisional: bool = False
    supplement_deadline: date | None = None
    rated: bool = False
    desk_id: str = ""
    notes: str = ""
    parts: list[CasePart] = field(default_factory=list)
    procedures: list[SpecialProcedure] = field(default_factory=list)
    concluded_at: datetime | None = None
    result_ready_at: datetime | None = None
    fee_due: str = "0.00"
    payments: list[Payment] = field(default_factory=list)
    delivery: Delivery | None = None
    transfer_sheets: list[MaterialFile] = field(default_factory=list)
    assistance: Assistance = field(default_factory=Assistance)

    @property
    def number_label(self) -> str:
        """The case number, or 草稿 for a draft, for header strips and lists."""
        return self.case_no or DRAFT_LABEL

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(item.basic_code for item in self.items)

    def part(self, department: str) -> CasePart | None:
        return next((part for part in self.parts if part.department == department), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, enums as their values."""
        return {
            "uuid": self.uuid,
            "case_no": self.case_no,
            "state": str(self.state),
            "rated": self.rated,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "updated_at": self.updated_at.isoformat(),
            "received_at": _iso(self.received_at),
            "decided_at": _iso(self.decided_at),
            "accepted_on": _iso(self.accepted_on),
            "committed_deadline": _iso(self.committed_deadline),
            "deadline_provisional": self.deadline_provisional,
            "supplement_deadline": _iso(self.supplement_deadline),
            "desk_id": self.desk_id,
            "items": [asdict(item) for item in self.items],
            "answers": dict(self.answers),
            "applicant": {
                **asdict(self.applicant),
                "kind": str(self.applicant.kind),
                "id_kind": str(self.applicant.id_kind),
            },
            "agent": None
            if self.agent is None
            else {**asdict(self.agent), "id_kind": str(self.agent.id_kind)},
            "materials": [material.to_dict() for material in self.materials],
            "notes": self.notes,
            "parts": [part.to_dict() for part in self.parts],
            "procedures": [procedure.to_dict() for procedure in self.procedures],
            "concluded_at": _iso(self.concluded_at),
            "result_ready_at": _iso(self.result_ready_at),
            "fee_due": self.fee_due,
            "payments": [payment.to_dict() for payment in self.payments],
            "delivery": None if self.delivery is None else self.delivery.to_dict(),
            "transfer_sheets": [file.to_dict() for file in self.transfer_sheets],
            "assistance": self.assistance.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Case:
        return cls(
            uuid=data["uuid"],
            case_no=data.get("case_no"),
            state=CaseState(data["state"]),
            rated=bool(data.get("rated", False)),
            created_at=datetime.fromisoformat(data["created_at"]),
            created_by=data["created_by"],
            updated_at=datetime.fromisoformat(data["updated_at"]),
            received_at=_datetime(data.get("received_at")),
            decided_at=_datetime(data.get("decided_at")),
            accepted_on=_date(data.get("accepted_on")),
            committed_deadline=_date(data.get("committed_deadline")),
            deadline_provisional=bool(data.get("deadline_provisional", False)),
            supplement_deadline=_date(data.get("supplement_deadline")),
            desk_id=data.get("desk_id", ""),
            items=[CaseItem.from_dict(item) for item in data["items"]],
            answers=dict(data.get("answers", {})),
            applicant=Applicant.from_dict(data.get("applicant", {})),
            agent=None if data.get("agent") is None else Agent.from_dict(data["agent"]),
            materials=[CaseMaterial.from_dict(m) for m in data.get("materials", ())],
            notes=data.get("notes", ""),
            parts=[CasePart.from_dict(part) for part in data.get("parts", ())],
            procedures=[SpecialProcedure.from_dict(p) for p in data.get("procedures", ())],
            concluded_at=_datetime(data.get("concluded_at")),
            result_ready_at=_datetime(data.get("result_ready_at")),
            fee_due=data.get("fee_due", "0.00"),
            payments=[Payment.from_dict(payment) for payment in data.get("payments", ())],
            delivery=None if data.get("delivery") is None else Delivery.from_dict(data["delivery"]),
            transfer_sheets=[MaterialFile.from_dict(f) for f in data.get("transfer_sheets", ())],
            assistance=Assistance.from_dict(data.get("assistance")),
        )


@dataclass(frozen=True)
class CaseSummary:
    """A light row for case lists: what a list column shows, nothing loaded from JSON."""

    uuid: str
    case_no: str | None
    state: CaseState
    rated: bool
    applicant_name: str
    applicant_number: str
    item_codes: tuple[str, ...]
    item_names: tuple[str, ...]
    created_by: str
    updated_at: datetime
    received_at: datetime | None
    decided_at: datetime | None
    committed_deadline: date | None
    deadline_provisional: bool

    @property
    def number_label(self) -> str:
        return self.case_no or DRAFT_LABEL


@dataclass(frozen=True)
class CaseEventRecord:
    """One entry of a case's history."""

    uuid: str
    case_uuid: str
    seq: int
    event: str
    from_state: CaseState
    to_state: CaseState
    at: datetime
    by: str
    desk_id: str
    reason: str
    payload: dict[str, Any]


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
