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


@dataclass
class Case:
    """One application. ``uuid`` is made by the desk and never changes (the sync key);
    ``case_no`` is issued at the first decision, ``None`` while a draft.

    ``received_at`` is when the window took the application in (submit), ``decided_at`` the
    time of the latest intake decision (受理, 容缺受理, 一次性告知 or 不予受理).
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

    @property
    def number_label(self) -> str:
        """The case number, or 草稿 for a draft, for header strips and lists."""
        return self.case_no or DRAFT_LABEL

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(item.basic_code for item in self.items)

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
