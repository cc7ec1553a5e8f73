"""What each printed paper shows: small frozen view models, one per paper.

The caller (the intake workspace, the CLI, the examples) fills them from a case; the papers do
not know the case model. Every value is what the paper prints: ID numbers arrive already masked,
names and codes as display strings. Dates stay dates so that every paper writes them the same
way (see ``formatting``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar


@dataclass(frozen=True)
class PaperHeader:
    """Who prints the paper, where and when; the same on every paper.

    ``progress_url``: the platform's progress page with ``{case_no}`` for the number; the QR
    code holds that address, or only the case number when it is empty (see ``qr``).
    """

    centre_name: str
    window: str
    clerk: str
    printed_at: datetime
    training: bool = False
    progress_url: str = ""


@dataclass(frozen=True)
class ItemLine:
    """An item of the case; ``legal_basis`` is the catalog's 设定依据."""

    name: str
    basic_code: str
    legal_basis: str = ""


@dataclass(frozen=True)
class Applicant:
    """The applicant as printed: ``id_number_masked`` shows only the first 6 and last 4.

    An organisation (``organisation`` set) is shown by its credit code; ``name`` is then its
    legal representative, whose ID number is not taken, so ``id_number_masked`` is empty.
    """

    name: str
    id_number_masked: str
    phone: str = ""
    organisation: str = ""
    credit_code: str = ""
    agent_name: str = ""
    agent_id_number_masked: str = ""

    @property
    def you(self) -> str:
        """How the paper addresses the applicant: 您, or 贵单位 for an organisation."""
        return "贵单位" if self.organisation else "您"

    @property
    def self_reference(self) -> str:
        """How the applicant speaks of themselves in a promise: 本人, or 本单位."""
        return "本单位" if self.organisation else "本人"


@dataclass(frozen=True)
class Deadline:
    day: date
    provisional: bool = False


@dataclass(frozen=True)
class MaterialLine:
    """A material received: its form (原件 / 复印件 / 电子 / 核验原件) and the copies kept."""

    name: str
    form: str
    copies: int
    note: str = ""


@dataclass(frozen=True)
class DefectLine:
    """A material missing or not acceptable, with the catalog's 受理标准 and the reason."""

    name: str
    acceptance_standard: str
    reason: str


@dataclass(frozen=True)
class GapLine:
    """A material accepted as missing (容缺): how it is to be supplied."""

    name: str
    form: str
    how_to_supply: str


@dataclass(frozen=True)
class PromiseLine:
    """A fact the applicant promises instead of proving it (告知承诺)."""

    material_name: str
    promised_fact: str


@dataclass(frozen=True)
class CaseHead:
    """What every paper about one case shows in its head: number, items, applicant."""

    case_no: str
    items: tuple[ItemLine, ...]
    applicant: Applicant
    department: str


@dataclass(frozen=True)
class ReceiptPaper:
    """受理通知书: the case is accepted; what was received and when the result is due."""

    title: ClassVar[str] = "受理通知书"
    template: ClassVar[str] = "receipt.html.j2"

    header: PaperHeader
    case: CaseHead
    received_at: datetime
    accepted_on: date
    promised_days: int
    committed_deadline: Deadline
    materials: tuple[MaterialLine, ...]
    pickup_method: str
    progress_lookup: str
    contact: str


@dataclass(frozen=True)
class MissingNoticePaper:
    """一次性告知书: everything that must be supplied or corrected, told once."""

    title: ClassVar[str] = "一次性告知书"
    template: ClassVar[str] = "missing_notice.html.j2"

    header: PaperHeader
    case: CaseHead
    received_on: date
    defects: tuple[DefectLine, ...]
    supplement_by: date | None
    contact: str


@dataclass(frozen=True)
class GapNoticePaper:
    """容缺受理通知书, printed twice: one copy for the applicant, one for the case file."""

    title: ClassVar[str] = "容缺受理通知书"
    template: ClassVar[str] = "gap_notice.html.j2"
    copies: ClassVar[tuple[str, ...]] = ("申请人留存联", "窗口存档联")

    header: PaperHeader
    case: CaseHead
    accepted_on: date
    gaps: tuple[GapLine, ...]
    supplement_by: date
    committed_deadline: Deadline
    contact: str


@dataclass(frozen=True)
class GapPromisePaper:
    """容缺受理承诺书: the applicant promises to supply the missing materials by the date."""

    title: ClassVar[str] = "容缺受理承诺书"
    template: ClassVar[str] = "gap_promise.html.j2"

    header: PaperHeader
    case: CaseHead
    gaps: tuple[GapLine, ...]
    supplement_by: date


@dataclass(frozen=True)
class InformedPromisePaper:
    """告知承诺书: the facts promised, how they are verified, what a false promise costs."""

    title: ClassVar[str] = "告知承诺书"
    template: ClassVar[str] = "informed_promise.html.j2"

    header: PaperHeader
    case: CaseHead
    promises: tuple[PromiseLine, ...]
    verification: str


@dataclass(frozen=True)
class RejectionPaper:
    """不予受理通知书: the reason, its legal basis and the applicant's remedies.

    ``review_body`` is where 行政复议 is applied for (行政复议法 2023, 第二十四条): in general the
    people's government at or above county level of the deciding department; for vertically
    managed departments (第二十七条) the department one level up.
    """

    title: ClassVar[str] = "不予受理通知书"
    template: ClassVar[str] = "rejection.html.j2"

    header: PaperHeader
    case: CaseHead
    received_on: date
    decided_on: date
    reason: str
    legal_basis: str
    review_body: str
    court: str
    competent_authority: str = ""


@dataclass(frozen=True)
class HandoverPaper:
    """材料接收清单: the materials of one case handed from the window to the back office."""

    title: ClassVar[str] = "材料接收清单"
    template: ClassVar[str] = "handover.html.j2"

    header: PaperHeader
    case: CaseHead
    materials: tuple[MaterialLine, ...]
    committed_deadline: Deadline

    @property
    def total_copies(self) -> int:
        return sum(material.copies for material in self.materials)


Paper = (
    ReceiptPaper
    | MissingNoticePaper
    | GapNoticePaper
    | GapPromisePaper
    | InformedPromisePaper
    | RejectionPaper
    | HandoverPaper
)
