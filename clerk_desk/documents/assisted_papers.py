"""帮办事项核对单: what was filled in with the visitor in the guided (帮办) intake, in large type,
for the visitor to check and sign beside the staff member who helped.

It is the visitor's own paper, so the applicant is printed in full (ID number, phone,
address); it is printed before the decision, so a draft has no case number and no QR code.
Pure functions, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from clerk_desk.documents.case_papers import PaperContext, case_head
from clerk_desk.documents.formatting import Row
from clerk_desk.documents.papers import CaseHead, MaterialLine, PaperHeader
from clerk_desk.domain.assistance import AssistanceReason
from clerk_desk.domain.case import ApplicantKind, Case, CaseMaterial, MaterialMark
from clerk_desk.domain.catalog import Situation
from clerk_desk.domain.identity import validate_phone

# Marks of a material the visitor brought (or replaced by a signed promise).
BROUGHT = {
    MaterialMark.RECEIVED: "",
    MaterialMark.ATTACHED: "",
    MaterialMark.PROMISED: "以告知承诺代替",
}
STILL_MISSING = {
    MaterialMark.UNCHECKED: "尚未核验",
    MaterialMark.MISSING: "未带来",
    MaterialMark.DEFECTIVE: "不符合要求",
    MaterialMark.GAP: "容缺，受理后补交",
}
REASONS: dict[str, str] = {
    AssistanceReason.ELDERLY: "老年人",
    AssistanceReason.DISABLED: "残疾人",
    AssistanceReason.ILL: "患病或行动不便",
    AssistanceReason.UNFAMILIAR: "不熟悉办事流程或填表",
    AssistanceReason.ENTERPRISE: "企业",
    AssistanceReason.OTHER: "其他",
}


@dataclass(frozen=True)
class AnswerLine:
    """A situation question of the items and the visitor's answer, as the catalog words them."""

    question: str
    answer: str


@dataclass(frozen=True)
class MissingLine:
    name: str
    reason: str


@dataclass(frozen=True)
class AssistedSummaryPaper:
    """帮办事项核对单. ``case`` gives the items and the number (empty for a draft);
    ``applicant`` the visitor's details in full, as (label, value) rows."""

    title: ClassVar[str] = "帮办事项核对单"
    template: ClassVar[str] = "assisted_summary.html.j2"

    header: PaperHeader
    case: CaseHead
    applicant: tuple[Row, ...]
    answers: tuple[AnswerLine, ...]
    brought: tuple[MaterialLine, ...]
    missing: tuple[MissingLine, ...]
    helper: str
    reason: str
    printed_on: date


def assisted_summary(
    case: Case, context: PaperContext, situations: Sequence[Situation] = ()
) -> AssistedSummaryPaper:
    """The summary of ``case`` as filled in so far. ``situations``: the questions of its items
    (``desk.intake.situations(case)``), so the answers print in the catalog's words; an answer
    to a question not given prints as stored."""
    return AssistedSummaryPaper(
        header=context.header(),
        case=case_head(case),
        applicant=applicant_rows(case),
        answers=_answers(case, situations),
        brought=tuple(
            MaterialLine(
                m.name,
                "告知承诺" if m.mark is MaterialMark.PROMISED else m.received_form or m.form,
                m.received_copies,
                _note(BROUGHT[m.mark], m),
            )
            for m in case.materials
            if m.mark in BROUGHT
        ),
        missing=tuple(
            MissingLine(m.name, _note(STILL_MISSING[m.mark], m))
            for m in case.materials
            if m.mark in STILL_MISSING
        ),
        helper=case.assistance.helper_name or case.assistance.helper,
        reason=REASONS.get(case.assistance.reason, ""),
        printed_on=context.printed_at.date(),
    )


def _note(reason: str, material: CaseMaterial) -> str:
    return "；".join(part for part in (reason, material.note) if part)


def applicant_rows(case: Case) -> tuple[Row, ...]:
    """The applicant (and agent) in full: the visitor checks every character."""
    applicant = case.applicant
    rows: list[Row]
    if applicant.kind is ApplicantKind.ORGANISATION:
        rows = [
            ("申请单位", applicant.name),
            ("统一社会信用代码", applicant.credit_code),
            ("法定代表人", applicant.legal_representative),
        ]
    else:
        rows = [
            ("申请人", applicant.name),
            (applicant.id_kind.label, applicant.id_number),
        ]
    rows += [("联系电话", _written(applicant.phone)), ("联系地址", applicant.address)]
    agent = case.agent
    if agent is not None:
        rows += [
            ("代理人", agent.name),
            (f"代理人{agent.id_kind.label}", agent.id_number),
            ("代理人电话", _written(agent.phone)),
        ]
    return tuple(rows)


def _written(phone: str) -> str:
    """A stored (E.164) phone as people write it: 13812345678, 0551-65123456."""
    if not phone:
        return ""
    check = validate_phone(phone)
    return check.written or phone


def _answers(case: Case, situations: Sequence[Situation]) -> tuple[AnswerLine, ...]:
    questions = {situation.key: situation for situation in situations}
    lines: list[AnswerLine] = []
    for key, value in case.answers.items():
        situation = questions.get(key)
        if situation is None:
            lines.append(AnswerLine(key, value))
            continue
        labels = {option.key: option.label for option in situation.options}
        lines.append(AnswerLine(situation.question, labels.get(value, value)))
    return tuple(lines)
