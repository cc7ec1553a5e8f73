"""The papers an event of review or output prints, for the workspaces that record it.

Like :func:`case_papers.papers_for` after an intake decision: the review workspace prints the
paper the law says the applicant must be given after its decision, the output workspace the
送达回证 at a hand-over and the 邮寄单 when a result is shipped.
"""

from __future__ import annotations

from clerk_desk.documents.case_papers import PaperContext, transfer_sheets
from clerk_desk.documents.output_papers import courier_slip, delivery_receipt
from clerk_desk.documents.papers import Paper
from clerk_desk.documents.review_papers import (
    approval_decision,
    denial_decision,
    extension_notice,
    special_procedure_notice,
    supplement_request,
)
from clerk_desk.domain.case import Case, CaseEventRecord
from clerk_desk.domain.case_states import CaseEvent


def papers_for_event(case: Case, context: PaperContext, event: CaseEventRecord) -> list[Paper]:
    """The papers of ``event`` just recorded on ``case`` (as stored after it); none for an
    event that prints nothing (制证完成, 缴费, 签收 …)."""
    department = str(event.payload.get("department", ""))
    match event.event:
        case CaseEvent.ROUTE:
            return list(transfer_sheets(case, context))
        case CaseEvent.REQUEST_SUPPLEMENT:
            return [supplement_request(case, context, event)]
        case CaseEvent.PAUSE | CaseEvent.RESUME:
            return [special_procedure_notice(case, context, event)]
        case CaseEvent.EXTEND:
            return [extension_notice(case, context, event)]
        case CaseEvent.APPROVE:
            return [approval_decision(case, context, department)]
        case CaseEvent.DENY:
            return [denial_decision(case, context, department)]
        case CaseEvent.HAND_OVER:
            return [delivery_receipt(case, context)]
        case CaseEvent.SHIP:
            return [courier_slip(case, context)]
    return []
