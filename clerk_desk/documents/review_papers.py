"""A routed case's review as the papers the law says the applicant must be given: 补正通知书,
特别程序告知书, 延长审批告知书, 准予 / 不予许可决定书 (the 材料流转单 of each department's part
is printed at acceptance: :func:`case_papers.transfer_sheet`).

Pure functions, no Qt, like :mod:`case_papers`: ``case`` is the case as stored after the event
(``event``, its :class:`CaseEventRecord`, says what was decided); ID numbers and phones are
masked on the way in. A paper about one department's part shows only that part's items.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from clerk_desk.documents.case_papers import (
    COURT,
    PaperContext,
    case_head,
    part_deadline,
    part_head,
)
from clerk_desk.documents.papers import (
    ApprovalDecisionPaper,
    Deadline,
    DenialDecisionPaper,
    ExtensionNoticePaper,
    SpecialProcedurePaper,
    SupplementRequestPaper,
    remedies_text,
)
from clerk_desk.domain.case import (
    Case,
    CaseEventRecord,
    CasePart,
    Outcome,
    SpecialProcedure,
)
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.output_rules import outstanding

# Any comprehensive window of the centre takes a supplement in and hands results out.
COMPREHENSIVE_WINDOW = "综合窗口"


def _part(case: Case, department: str) -> CasePart:
    part = case.part(department)
    if part is None:
        raise ValueError(f"the case has no part for {department}")
    return part


def _department(event: CaseEventRecord) -> str:
    return str(event.payload.get("department", ""))


# 补正通知书 ---------------------------------------------------------------------------------


def supplement_request(
    case: Case, context: PaperContext, event: CaseEventRecord
) -> SupplementRequestPaper:
    """The materials the department asks for (``request_supplement``), why, and where to
    bring them: back to the comprehensive window, which accepts the case again."""
    department = _department(event)
    materials = event.payload.get("materials", ())
    hand_in = context.centre_name + COMPREHENSIVE_WINDOW
    if context.address:
        hand_in += f"（{context.address}）"
    return SupplementRequestPaper(
        header=context.header(),
        case=part_head(case, department),
        authority=context.authority(department),
        accepted_on=case.accepted_on or event.at.date(),
        requested_on=event.at.date(),
        materials=tuple(str(name).strip() for name in materials),
        reason=event.reason.strip(),
        basis=str(event.payload.get("basis", "")).strip(),
        hand_in=hand_in,
        contact=context.contact,
    )


# 特别程序告知书 ------------------------------------------------------------------------------


def special_procedure_notice(
    case: Case, context: PaperContext, event: CaseEventRecord
) -> SpecialProcedurePaper:
    """For ``pause``: the procedure, its reason and the working days it needs. For
    ``resume``: the same with its result, the days it stood still and the moved deadline."""
    department = _department(event)
    payload = event.payload
    paper = SpecialProcedurePaper(
        header=context.header(),
        case=part_head(case, department),
        authority=context.authority(department),
        kind=str(payload.get("kind", "")),
        reason=event.reason.strip(),
        basis=str(payload.get("basis", "")).strip(),
        approved_by=str(payload.get("approved_by", "")),
        started_on=event.at.date(),
        expected_days=_int(payload, "expected_days"),
        contact=context.contact,
    )
    if event.event != CaseEvent.RESUME:
        return paper
    procedure = _ended_procedure(case, department, event.at.date())
    deadline = payload.get("deadline")
    provisional = part_deadline(case, department).provisional
    return replace(
        paper,
        kind=procedure.kind,
        reason=procedure.reason,
        basis=procedure.basis,
        approved_by=procedure.approved_by,
        started_on=procedure.started_on,
        expected_days=procedure.expected_days,
        ended_on=procedure.ended_on,
        result=str(payload.get("result", "")).strip(),
        paused_days=_int(payload, "paused_days"),
        deadline=Deadline(date.fromisoformat(deadline), provisional)
        if isinstance(deadline, str)
        else None,
    )


def _ended_procedure(case: Case, department: str, on: date) -> SpecialProcedure:
    """The §45 procedure of ``department`` that ended ``on`` (else its latest ended one)."""
    ended = [
        procedure
        for procedure in case.procedures
        if procedure.department == department
        and not procedure.is_extension
        and procedure.ended_on is not None
    ]
    if not ended:
        raise ValueError(f"no special procedure of {department} has ended")
    return next((p for p in reversed(ended) if p.ended_on == on), ended[-1])


def _int(payload: dict[str, Any], key: str) -> int:
    value = payload.get(key, 0)
    return value if isinstance(value, int) else 0


# 延长审批告知书 ------------------------------------------------------------------------------


def extension_notice(
    case: Case, context: PaperContext, event: CaseEventRecord
) -> ExtensionNoticePaper:
    """§42: the working days added to the part's limit, who approved, the new deadline."""
    department = _department(event)
    payload = event.payload
    part = _part(case, department)
    deadline = payload.get("deadline")
    provisional = part.deadline_provisional
    return ExtensionNoticePaper(
        header=context.header(),
        case=part_head(case, department),
        authority=context.authority(department),
        decided_on=event.at.date(),
        working_days=part.working_days,
        days=_int(payload, "days"),
        reason=event.reason.strip(),
        basis=str(payload.get("basis", "")).strip(),
        approved_by=str(payload.get("approved_by", "")),
        deadline=Deadline(date.fromisoformat(deadline), provisional)
        if isinstance(deadline, str)
        else part_deadline(case, department),
        contact=context.contact,
    )


# 准予 / 不予许可决定书 -------------------------------------------------------------------------


def approval_decision(case: Case, context: PaperContext, department: str) -> ApprovalDecisionPaper:
    """准予许可 by ``department``: the result and how it reaches the applicant (§44)."""
    part = _decided(case, department, Outcome.APPROVED)
    items = [item for item in case.items if item.basic_code in part.item_codes]
    pickup = f"到{context.centre_name}{COMPREHENSIVE_WINDOW}领取"
    if items and all(item.courier_allowed for item in items):
        pickup += "，或申请邮寄送达"
    due = outstanding(case)
    return ApprovalDecisionPaper(
        header=context.header(),
        case=part_head(case, department),
        authority=context.authority(department),
        accepted_on=case.accepted_on or _decided_on(part, context),
        decided_on=_decided_on(part, context),
        result_name=part.result_name,
        result_number=part.result_number,
        valid_until=part.valid_until,
        pickup=pickup,
        fee=f"{due}元" if due else "",
        contact=context.contact,
    )


def deny_remedies(case: Case, context: PaperContext) -> str:
    """The remedies the 不予许可决定书 prints for ``case``: what a ``deny`` form may offer as
    its ``remedies`` (a reviewer's addition after it is printed below it)."""
    return remedies_text(case_head(case).applicant.you, context.review, COURT)


def denial_decision(case: Case, context: PaperContext, department: str) -> DenialDecisionPaper:
    """不予许可 by ``department``: the reasons and the remedies, 复议机关 as on the
    不予受理通知书 (the setting, else the people's government of the centre's area). What the
    reviewer recorded as remedies beyond that wording is printed after it."""
    part = _decided(case, department, Outcome.DENIED)
    standard = deny_remedies(case, context)
    note = part.remedies.strip().replace(standard, "").strip()
    return DenialDecisionPaper(
        header=context.header(),
        case=part_head(case, department),
        authority=context.authority(department),
        accepted_on=case.accepted_on or _decided_on(part, context),
        decided_on=_decided_on(part, context),
        reasons=part.reasons,
        review_body=context.review,
        court=COURT,
        remedies_note="" if note in standard else note,
    )


def _decided(case: Case, department: str, outcome: Outcome) -> CasePart:
    part = _part(case, department)
    if part.outcome is not outcome:
        raise ValueError(f"the part of {department} is not {outcome}")
    return part


def _decided_on(part: CasePart, context: PaperContext) -> date:
    return (part.decided_at or context.printed_at).date()
