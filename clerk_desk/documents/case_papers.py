"""A decided case as the papers it needs (the dataclasses of ``clerk_desk.documents``).

Pure functions, no Qt: ID numbers and phones are masked here (first 6 and last 4 of an ID
number), so nothing unmasked ever reaches a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from clerk_desk.documents.papers import (
    Applicant,
    CaseHead,
    Deadline,
    DefectLine,
    GapLine,
    GapNoticePaper,
    GapPromisePaper,
    HandoverPaper,
    InformedPromisePaper,
    ItemLine,
    MaterialLine,
    MissingNoticePaper,
    Paper,
    PaperHeader,
    PromiseLine,
    ReceiptPaper,
    RejectionPaper,
    TransferLine,
    TransferSheetPaper,
)
from clerk_desk.documents.qr import progress_lookup
from clerk_desk.domain.case import (
    PRESENT_MARKS,
    ApplicantKind,
    Case,
    CaseMaterial,
    MaterialMark,
    PartState,
)
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import mask_id_number, mask_phone
from clerk_desk.domain.intake_rules import missing_materials
from clerk_desk.settings import Settings

PAGE_TYPES = ("image/",)  # a file that is one scanned page
REJECTION_BASIS = "《中华人民共和国行政许可法》第三十二条第一款"
# 行政复议法 (2023) 第二十四条: the county-level or higher people's government of the deciding
# department; used when neither the setting nor the centre's name names it.
REVIEW_BODY = "作出本决定的行政机关的本级人民政府"
COURT = "有管辖权的人民法院"
# "合肥市政务服务中心" → "合肥市": the area before the centre's own words.
_CENTRE_AREA = re.compile(r"^(.+?[省市州盟县区旗])(?:人民政府)?政务服务")
ROUTED_OR_ACCEPTED = frozenset({CaseState.ACCEPTED, CaseState.IN_REVIEW})
MISSING_REASONS = {
    MaterialMark.MISSING: "未提交",
    MaterialMark.GAP: "未提交",
    MaterialMark.UNCHECKED: "未核验",
}


@dataclass(frozen=True)
class PaperContext:
    """Who prints, where and when: from the desk settings and the signed-in clerk."""

    centre_name: str
    window: str
    clerk: str
    printed_at: datetime
    training: bool = False
    phone: str = ""
    progress_url: str = ""
    review_body: str = ""
    address: str = ""

    @classmethod
    def from_settings(
        cls, settings: Settings, *, window: str, clerk: str, printed_at: datetime
    ) -> PaperContext:
        """The context every workspace prints with: centre, phone, progress page and 复议机关
        from the desk's settings; training papers in demo mode."""
        return cls(
            centre_name=str(settings.get("centre_name")),
            window=window,
            clerk=clerk,
            printed_at=printed_at,
            training=settings.get("mode") == "demo",
            phone=str(settings.get("centre_phone")),
            progress_url=str(settings.get("progress_url")),
            review_body=str(settings.get("review_body")),
        )

    def header(self) -> PaperHeader:
        return PaperHeader(
            centre_name=self.centre_name,
            window=self.window,
            clerk=self.clerk,
            printed_at=self.printed_at,
            training=self.training,
            progress_url=self.progress_url,
        )

    @property
    def contact(self) -> str:
        """The enquiry phone with the window; empty when no phone is set (no row printed)."""
        if not self.phone:
            return ""
        return f"{self.phone}（{self.window}）" if self.window else self.phone

    @property
    def review(self) -> str:
        """Where 行政复议 is applied for: the setting, else the people's government of the
        centre's area (合肥市政务服务中心 → 合肥市人民政府), else the general wording."""
        if self.review_body:
            return self.review_body
        area = self.area
        return f"{area}人民政府" if area else REVIEW_BODY

    @property
    def area(self) -> str:
        """The centre's area (合肥市政务服务中心 → 合肥市), empty when its name has none."""
        area = _CENTRE_AREA.match(self.centre_name)
        return area.group(1) if area else ""

    def authority(self, department: str) -> str:
        """The department as it signs a decision: 市场监督管理局 → 合肥市市场监督管理局."""
        area = self.area
        return department if not area or department.startswith(area) else area + department


def case_head(case: Case) -> CaseHead:
    applicant = case.applicant
    organisation = applicant.kind is ApplicantKind.ORGANISATION
    agent = case.agent
    return CaseHead(
        case_no=display_case_no(case.case_no) if case.case_no else "",
        items=tuple(ItemLine(item.name, item.basic_code, item.legal_basis) for item in case.items),
        applicant=Applicant(
            name=applicant.legal_representative if organisation else applicant.name,
            id_number_masked="" if organisation else mask_id_number(applicant.id_number),
            phone=mask_phone(applicant.phone) if applicant.phone else "",
            organisation=applicant.name if organisation else "",
            credit_code=applicant.credit_code if organisation else "",
            agent_name=agent.name if agent else "",
            agent_id_number_masked=mask_id_number(agent.id_number) if agent else "",
        ),
        department="、".join(dict.fromkeys(item.department for item in case.items)),
    )


def part_head(case: Case, department: str) -> CaseHead:
    """The case's head with only the items of ``department``'s part."""
    head = case_head(case)
    codes = _codes(case, department)
    items = tuple(line for line in head.items if line.basic_code in codes)
    return replace(head, items=items or head.items, department=department)


def _codes(case: Case, department: str) -> tuple[str, ...]:
    part = case.part(department)
    if part is not None:
        return part.item_codes
    return tuple(item.basic_code for item in case.items if item.department == department)


def part_deadline(case: Case, department: str) -> Deadline:
    part = case.part(department)
    if part is not None and part.deadline is not None:
        return Deadline(part.deadline, part.deadline_provisional)
    return _deadline(case)


def transfer_sheet(case: Case, context: PaperContext, department: str) -> TransferSheetPaper:
    """The paper materials of ``department``'s part, handed over from this window."""
    codes = set(_codes(case, department))
    part = case.part(department)
    return TransferSheetPaper(
        header=context.header(),
        case=part_head(case, department),
        from_window=f"{context.centre_name}{context.window}",
        to_department=context.authority(department),
        lead=part is not None and part.lead and len(case.parts) > 1,
        departments=max(len(case.parts), 1),
        routed_on=case.accepted_on or context.printed_at.date(),
        deadline=part_deadline(case, department),
        materials=tuple(
            _transfer_line(material)
            for material in case.materials
            if material.mark in PRESENT_MARKS
            and material.received_copies
            and codes.intersection(material.item_codes)
        ),
    )


def transfer_sheets(case: Case, context: PaperContext) -> list[TransferSheetPaper]:
    """A 材料流转单 for each part still to be decided: a part decided before a 补正 brought the
    case back to the window keeps its decision and gets no materials again."""
    return [
        transfer_sheet(case, context, part.department)
        for part in case.parts
        if part.state is not PartState.DECIDED
    ]


def _transfer_line(material: CaseMaterial) -> TransferLine:
    files = material.files
    scanned = bool(files) and all(file.media_type.startswith(PAGE_TYPES) for file in files)
    return TransferLine(
        name=material.name,
        form=material.received_form or material.form,
        copies=material.received_copies,
        pages=len(files) if scanned else None,
        note=material.note,
    )


def _deadline(case: Case) -> Deadline:
    return Deadline(case.committed_deadline or date.today(), case.deadline_provisional)


def _received(case: Case) -> tuple[MaterialLine, ...]:
    return tuple(
        MaterialLine(m.name, m.received_form or m.form, m.received_copies, m.note)
        for m in case.materials
        if m.mark in PRESENT_MARKS
    )


def _decided_on(case: Case) -> date:
    return (case.decided_at or datetime.now()).date()


def receipt(case: Case, context: PaperContext) -> ReceiptPaper:
    return ReceiptPaper(
        header=context.header(),
        case=case_head(case),
        received_at=case.received_at or context.printed_at,
        accepted_on=case.accepted_on or _decided_on(case),
        promised_days=max((item.promised_limit_days for item in case.items), default=0),
        committed_deadline=_deadline(case),
        materials=_received(case),
        pickup_method=f"窗口领取（{context.window}），或邮政EMS寄递",
        progress_lookup=progress_lookup(context.progress_url),
        contact=context.contact,
    )


def handover(case: Case, context: PaperContext) -> HandoverPaper:
    return HandoverPaper(
        header=context.header(),
        case=case_head(case),
        materials=_received(case),
        committed_deadline=_deadline(case),
    )


def missing_notice(case: Case, context: PaperContext) -> MissingNoticePaper:
    return MissingNoticePaper(
        header=context.header(),
        case=case_head(case),
        received_on=_decided_on(case),
        defects=tuple(
            DefectLine(line.name, line.acceptance_standard, line.note or _missing(line.mark))
            for line in missing_materials(case)
        ),
        supplement_by=None,
        contact=context.contact,
    )


def _missing(mark: MaterialMark) -> str:
    return MISSING_REASONS.get(mark, "不符合受理标准")


def _gaps(case: Case, context: PaperContext) -> tuple[GapLine, ...]:
    how = f"到窗口现场提交，或寄递至{context.window}"
    return tuple(GapLine(m.name, m.form, how) for m in case.materials if m.mark is MaterialMark.GAP)


def gap_notice(case: Case, context: PaperContext) -> GapNoticePaper:
    return GapNoticePaper(
        header=context.header(),
        case=case_head(case),
        accepted_on=case.accepted_on or _decided_on(case),
        gaps=_gaps(case, context),
        supplement_by=case.supplement_deadline or _deadline(case).day,
        committed_deadline=_deadline(case),
        contact=context.contact,
    )


def gap_promise(case: Case, context: PaperContext) -> GapPromisePaper:
    return GapPromisePaper(
        header=context.header(),
        case=case_head(case),
        gaps=_gaps(case, context),
        supplement_by=case.supplement_deadline or _deadline(case).day,
    )


def informed_promise(case: Case, context: PaperContext) -> InformedPromisePaper:
    head = case_head(case)
    return InformedPromisePaper(
        header=context.header(),
        case=head,
        promises=tuple(
            PromiseLine(
                m.name, f"{head.applicant.self_reference}承诺符合以下要求：{m.acceptance_standard}"
            )
            for m in case.materials
            if m.mark is MaterialMark.PROMISED
        ),
        verification="审批部门在承诺办结期限内通过信息共享或实地核查承诺内容。",
    )


def rejection(case: Case, context: PaperContext, reason: str) -> RejectionPaper:
    return RejectionPaper(
        header=context.header(),
        case=case_head(case),
        received_on=(case.received_at or context.printed_at).date(),
        decided_on=_decided_on(case),
        reason=reason,
        legal_basis=REJECTION_BASIS,
        review_body=context.review,
        court=COURT,
    )


def papers_for(case: Case, context: PaperContext, reason: str = "") -> list[Paper]:
    """The papers of the decision just taken, the applicant's main paper first. An accepted
    case routed in the same step (in review) hands its materials over with a 材料流转单 per
    department instead of the one 材料接收清单."""
    if case.state is CaseState.REJECTED:
        return [rejection(case, context, reason)]
    if case.state is CaseState.AWAITING_SUPPLEMENT:
        return [missing_notice(case, context)]
    if case.state not in ROUTED_OR_ACCEPTED:
        return []
    papers: list[Paper] = (
        [gap_notice(case, context), gap_promise(case, context)]
        if any(m.mark is MaterialMark.GAP for m in case.materials)
        else [receipt(case, context)]
    )
    if any(m.mark is MaterialMark.PROMISED for m in case.materials):
        papers.append(informed_promise(case, context))
    if case.parts:
        papers += transfer_sheets(case, context)
    else:
        papers.append(handover(case, context))
    return papers
