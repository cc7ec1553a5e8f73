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


# Review (后台分类审批) ---------------------------------------------------------------------


@dataclass(frozen=True)
class TransferLine:
    """A paper material travelling to a department: its form, copies and pages (``None``: not
    scanned, the pages are counted and written in by hand)."""

    name: str
    form: str
    copies: int
    pages: int | None
    note: str = ""


@dataclass(frozen=True)
class TransferSheetPaper:
    """材料流转单: the paper originals of one department's part, from the window to the
    department, signed on hand-over; its scan goes with the case."""

    title: ClassVar[str] = "材料流转单"
    template: ClassVar[str] = "transfer_sheet.html.j2"

    header: PaperHeader
    case: CaseHead
    from_window: str
    to_department: str
    lead: bool
    departments: int
    routed_on: date
    deadline: Deadline
    materials: tuple[TransferLine, ...]

    @property
    def total_copies(self) -> int:
        return sum(material.copies for material in self.materials)


@dataclass(frozen=True)
class SupplementRequestPaper:
    """补正通知书: the reviewing department needs more materials; where to bring them."""

    title: ClassVar[str] = "补正通知书"
    template: ClassVar[str] = "supplement_request.html.j2"

    header: PaperHeader
    case: CaseHead
    authority: str
    accepted_on: date
    requested_on: date
    materials: tuple[str, ...]
    reason: str
    basis: str
    hand_in: str
    contact: str


SECTION_45 = "《中华人民共和国行政许可法》第四十五条"
SECTION_45_KINDS = ("听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审")


@dataclass(frozen=True)
class SpecialProcedurePaper:
    """特别程序告知书 (§45): the kind, why, how long; the time does not count. Printed again
    when the procedure ends (``ended_on`` set) with its result and the moved deadline."""

    title: ClassVar[str] = "特别程序告知书"
    template: ClassVar[str] = "special_procedure.html.j2"

    header: PaperHeader
    case: CaseHead
    authority: str
    kind: str
    reason: str
    basis: str
    approved_by: str
    started_on: date
    expected_days: int
    ended_on: date | None = None
    result: str = ""
    paused_days: int = 0
    deadline: Deadline | None = None
    contact: str = ""

    @property
    def law(self) -> str:
        """Why the time does not count: §45 for its procedures, else the item's own rule
        (实地核查 and the like, given as ``basis``)."""
        if self.kind in SECTION_45_KINDS or not self.basis:
            return SECTION_45
        return self.basis


@dataclass(frozen=True)
class ExtensionNoticePaper:
    """延长审批告知书 (§42): the days added, why, who approved, the new deadline."""

    title: ClassVar[str] = "延长审批告知书"
    template: ClassVar[str] = "extension_notice.html.j2"

    header: PaperHeader
    case: CaseHead
    authority: str
    decided_on: date
    working_days: int
    days: int
    reason: str
    basis: str
    approved_by: str
    deadline: Deadline
    contact: str


@dataclass(frozen=True)
class ApprovalDecisionPaper:
    """准予许可决定书: the result, its number and validity, the deciding department's seal."""

    title: ClassVar[str] = "准予许可决定书"
    template: ClassVar[str] = "approval_decision.html.j2"

    header: PaperHeader
    case: CaseHead
    authority: str
    accepted_on: date
    decided_on: date
    result_name: str
    result_number: str
    valid_until: date | None
    pickup: str
    fee: str
    contact: str


def remedies_text(you: str, review_body: str, court: str) -> str:
    """The applicant's remedies against a decision (行政复议 in 60 days, 行政诉讼 in 6 months),
    as the 不予许可决定书 prints them; a form may offer it as the ``remedies`` of a ``deny``."""
    return (
        f"{you}如对本决定不服，可以自知道或者应当知道本决定之日起六十日内，依照《中华人民共和国"
        f"行政复议法》第二十条的规定，向{review_body}申请行政复议；也可以自知道或者应当知道本"
        f"决定之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定，直接向{court}"
        "提起行政诉讼。行政复议机关受理行政复议申请，不得向申请人收取任何费用（《中华人民共和国"
        "行政复议法》第八十七条）。"
    )


@dataclass(frozen=True)
class DenialDecisionPaper:
    """不予许可决定书: the reasons and the remedies; ``review_body`` as on the
    不予受理通知书 (see :class:`RejectionPaper`), ``remedies_note`` what the reviewer added."""

    title: ClassVar[str] = "不予许可决定书"
    template: ClassVar[str] = "denial_decision.html.j2"

    header: PaperHeader
    case: CaseHead
    authority: str
    accepted_on: date
    decided_on: date
    reasons: str
    review_body: str
    court: str
    remedies_note: str = ""

    @property
    def remedies(self) -> str:
        return remedies_text(self.case.applicant.you, self.review_body, self.court)


# Output (综合窗口统一出件) ------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryReceiptPaper:
    """送达回证: the documents served, to whom, how and when, signed by both sides. The
    collector's fields are empty (written by hand) when printed before the hand-over."""

    title: ClassVar[str] = "送达回证"
    template: ClassVar[str] = "delivery_receipt.html.j2"

    header: PaperHeader
    case: CaseHead
    documents: tuple[str, ...]
    served_by: str
    addressee: str
    method: str
    place: str
    served_at: datetime | None
    collector_name: str = ""
    collector_id_masked: str = ""
    collector_relation: str = ""
    e_licence_number: str = ""
    tracking_number: str = ""


@dataclass(frozen=True)
class CourierSlipPaper:
    """邮寄单 (GB/T 39046-2020 table 15): for the courier, so the recipient's phone and
    address are printed in full; ID numbers stay masked."""

    title: ClassVar[str] = "邮寄单"
    template: ClassVar[str] = "courier_slip.html.j2"

    header: PaperHeader
    case: CaseHead
    sender_unit: str
    sender_address: str
    sender_phone: str
    sender: str
    recipient: str
    address: str
    phone: str
    company: str
    tracking_number: str
    contents: tuple[str, ...]
    shipped_on: date


@dataclass(frozen=True)
class FeeLine:
    item: str
    amount: str


@dataclass(frozen=True)
class PaymentNoticePaper:
    """缴款通知书: who pays how much to whom, in figures and in capitals (大写), and the
    payment code as text and as a QR code; cash and bank cards stay possible at the window."""

    title: ClassVar[str] = "缴款通知书"
    template: ClassVar[str] = "payment_notice.html.j2"

    header: PaperHeader
    case: CaseHead
    payer: str
    payee: str
    fees: tuple[FeeLine, ...]
    amount: str
    amount_in_capitals: str
    payment_code: str
    issued_on: date
    contact: str


Paper = (
    ReceiptPaper
    | MissingNoticePaper
    | GapNoticePaper
    | GapPromisePaper
    | InformedPromisePaper
    | RejectionPaper
    | HandoverPaper
    | TransferSheetPaper
    | SupplementRequestPaper
    | SpecialProcedurePaper
    | ExtensionNoticePaper
    | ApprovalDecisionPaper
    | DenialDecisionPaper
    | DeliveryReceiptPaper
    | CourierSlipPaper
    | PaymentNoticePaper
)
