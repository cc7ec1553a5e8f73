"""What a well-shaped case document must also be: identified applicant, consistent with its
event and path, numbered in the caller's centre, from the caller's desk, every referenced blob
complete.

Identity numbers are checked with the desk's own validators (``clerk_desk.domain.identity``),
so the platform refuses exactly what the desk would; messages are rendered in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_desk.domain.assistance import Assistance, assistance_problems
from clerk_desk.domain.case import ApplicantKind
from clerk_desk.domain.case_number import normalize_case_no, parse_case_no
from clerk_desk.domain.identity import (
    Validation,
    validate_credit_code,
    validate_document,
    validate_phone,
)
from clerk_desk.domain.limits import AGENT_TEXT_LIMITS, APPLICANT_TEXT_LIMITS, too_long
from platform_sandbox.case_models import CaseDoc, EventDoc
from platform_sandbox.errors import Problem
from platform_sandbox.messages import PLATFORM_LANGUAGE
from platform_sandbox.models import BlobRow

REQUIRED = "必填"


def identity_problems(case: CaseDoc, today: date) -> list[Problem]:
    """The applicant's (and agent's) name, ID number or credit code, and phone; who helped."""
    problems: list[Problem] = []
    applicant = case.applicant
    if not applicant.name.strip():
        problems.append(Problem(field="case.applicant.name", message=REQUIRED))
    if applicant.kind is ApplicantKind.ORGANISATION:
        problems += _problems(
            "case.applicant.credit_code", validate_credit_code(applicant.credit_code)
        )
    else:
        check = validate_document(applicant.id_kind, applicant.id_number, today)
        problems += _problems("case.applicant.id_number", check)
    problems += _problems("case.applicant.phone", validate_phone(applicant.phone))
    problems += _length_problems("case.applicant", applicant, APPLICANT_TEXT_LIMITS)
    agent = case.agent
    if agent is not None:
        if not agent.name.strip():
            problems.append(Problem(field="case.agent.name", message=REQUIRED))
        check = validate_document(agent.id_kind, agent.id_number, today)
        problems += _problems("case.agent.id_number", check)
        problems += _length_problems("case.agent", agent, AGENT_TEXT_LIMITS)
    assistance = Assistance.from_dict(case.assistance.model_dump(mode="json"))
    problems += [
        Problem(field="case.assistance", message=problem.render(PLATFORM_LANGUAGE))
        for problem in assistance_problems(assistance)
    ]
    return problems


def _length_problems(
    prefix: str, record: object, limits: tuple[tuple[str, int], ...]
) -> list[Problem]:
    """The window's limits (``clerk_desk.domain.limits``): what it accepts is accepted here."""
    return [
        Problem(field=f"{prefix}.{name}", message=f"最多 {most} 个字符，现有 {length} 个")
        for name, length, most in too_long(record, limits)
    ]


def consistency_problems(case_uuid: str, case: CaseDoc, event: EventDoc) -> list[Problem]:
    """The path, the document and the event must speak of the same case and state."""
    problems: list[Problem] = []
    if case.uuid != case_uuid:
        problems.append(Problem(field="case.uuid", message="与请求路径中的办件UUID不一致"))
    if event.case_uuid != case_uuid:
        problems.append(Problem(field="event.case_uuid", message="与请求路径中的办件UUID不一致"))
    if case.state != event.to_state:
        problems.append(Problem(field="case.state", message="应与事件的to_state一致"))
    return problems


def case_no_problems(case_no: str | None, centre_code: str) -> list[Problem]:
    """A case number must be well formed, pass its check character and be of this centre."""
    if not case_no:
        return [Problem(field="case.case_no", message=REQUIRED)]
    parts = parse_case_no(case_no)
    if parts is None or normalize_case_no(case_no) != case_no:
        return [Problem(field="case.case_no", message="办件编号格式或校验位不正确")]
    if parts.centre_code != centre_code:
        return [Problem(field="case.case_no", message=f"办件编号不属于本中心（{centre_code}）")]
    return []


def desk_problems(
    desk_id: str, case: CaseDoc | None = None, event: EventDoc | None = None
) -> list[Problem]:
    """The case and event must name the desk the token was issued to."""
    message = f"应为当前登录的窗口（{desk_id}）"
    problems = []
    if case is not None and case.desk_id != desk_id:
        problems.append(Problem(field="case.desk_id", message=message))
    if event is not None and event.desk_id != desk_id:
        problems.append(Problem(field="event.desk_id", message=message))
    return problems


def blob_problems(
    session: Session, case: CaseDoc, payload: dict[str, Any] | None = None
) -> list[Problem]:
    """Every file the case names (``materials[].files[]``, ``transfer_sheets[]``) and the
    hand-over's ``payload.authorisation`` must be a complete blob."""
    wanted = {
        f"case.materials[{m_index}].files[{f_index}].sha256": file.sha256
        for m_index, material in enumerate(case.materials)
        for f_index, file in enumerate(material.files)
    }
    wanted |= {
        f"case.transfer_sheets[{index}].sha256": file.sha256
        for index, file in enumerate(case.transfer_sheets)
    }
    authorisation = (payload or {}).get("authorisation")
    if isinstance(authorisation, dict) and isinstance(authorisation.get("sha256"), str):
        wanted["event.payload.authorisation.sha256"] = authorisation["sha256"]
    complete = _complete_blobs(session, set(wanted.values()))
    return [
        Problem(field=field, message="平台尚未收到该文件的全部内容，请先上传文件")
        for field, sha256 in wanted.items()
        if sha256 not in complete
    ]


def _complete_blobs(session: Session, hashes: Iterable[str]) -> set[str]:
    hashes = list(hashes)
    if not hashes:
        return set()
    return set(
        session.scalars(
            select(BlobRow.sha256).where(BlobRow.sha256.in_(hashes), BlobRow.complete.is_(True))
        )
    )


def _problems(field: str, check: Validation) -> list[Problem]:
    return [
        Problem(field=field, message=problem.render(PLATFORM_LANGUAGE))
        for problem in check.problems
    ]
