"""The paper a review decision gives the applicant (the law says they must be told in writing):
补正通知书, 特别程序告知书 (on pause and on resume), 延长审批告知书, 准予 / 不予许可决定书.
Papers are printed in Chinese whatever the UI language."""

from __future__ import annotations

from datetime import datetime

from clerk_desk.documents.case_papers import COURT, PaperContext
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
from clerk_desk.settings import Settings


def paper_context(settings: Settings, clerk: str, window: str, at: datetime) -> PaperContext:
    return PaperContext(
        centre_name=str(settings.get("centre_name")),
        window=window,
        clerk=clerk,
        printed_at=at,
        training=settings.get("mode") == "demo",
        phone=str(settings.get("centre_phone")),
        progress_url=str(settings.get("progress_url")),
        review_body=str(settings.get("review_body")),
    )


def remedies_text(context: PaperContext) -> str:
    """The remedies a 不予许可决定书 names, with the 复议机关 of the settings."""
    return (
        f"如不服本决定，可以自收到本决定书之日起六十日内向{context.review}申请行政复议，"
        f"或者自收到本决定书之日起六个月内向{COURT}提起行政诉讼。"
    )


def papers_after(
    case: Case, event: CaseEventRecord, context: PaperContext, department: str
) -> list[Paper]:
    """The papers of the decision ``event`` just recorded on ``case`` (none for the others)."""
    kind = event.event
    if kind == CaseEvent.REQUEST_SUPPLEMENT:
        return [supplement_request(case, context, event)]
    if kind in (CaseEvent.PAUSE, CaseEvent.RESUME):
        return [special_procedure_notice(case, context, event)]
    if kind == CaseEvent.EXTEND:
        return [extension_notice(case, context, event)]
    if kind == CaseEvent.APPROVE:
        return [approval_decision(case, context, department)]
    if kind == CaseEvent.DENY:
        return [denial_decision(case, context, department)]
    return []
