"""What the case view needs of one case, gathered on the database thread in one job.

The case as stored, its history, who the desk's user names are, why each decision is not
possible now for this department (``desk.review.decision_problems``: the rules the core and the
platform enforce), the situations answered, which pages are on this desk, and the part's clock
on the desk's calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clerk_desk.domain.calendar import Deadline, Status, deadline_status
from clerk_desk.domain.case import Case, CaseEventRecord, CasePart, SpecialProcedure
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.materials import APPLICANT_QUESTION
from clerk_desk.domain.review_rules import open_procedure, paused_working_days, resume_facts
from clerk_desk.i18n import Message

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


@dataclass(frozen=True)
class PartClock:
    """One department's clock on one day: the traffic light of its deadline, the working days
    its ended special procedures stood still, the one running (with the working days it has
    stood still so far), and what resuming today would give (paused days, new deadline)."""

    part: CasePart
    status: Status | None
    paused_days: int
    running: SpecialProcedure | None
    running_days: int
    resume_days: int
    resume_deadline: date | None


@dataclass(frozen=True)
class CaseLoad:
    case: Case
    events: list[CaseEventRecord]
    names: dict[str, str]
    problems: dict[CaseEvent, list[Message]]
    situations: list[str]
    on_desk: frozenset[str]
    clock: PartClock | None


def load_case(desk: Desk, uuid: str, department: str) -> CaseLoad | None:
    case = desk.intake.case(uuid)
    if case is None:
        return None
    today = desk.clock().date()
    files = desk.intake.files
    shas = {file.sha256 for material in case.materials for file in material.files}
    return CaseLoad(
        case=case,
        events=desk.intake.events(uuid),
        names={account.username: account.display_name for account in desk.accounts.accounts()},
        problems=desk.review.decision_problems(case, department),
        situations=_situations(desk, case),
        on_desk=frozenset(sha for sha in shas if files.exists(sha)),
        clock=part_clock(desk, case, department, today),
    )


def _situations(desk: Desk, case: Case) -> list[str]:
    """Each question of the case's items answered, as "question：answer"."""
    answered: dict[str, str] = {}
    for item in desk.intake.situations(case):
        for situation in item.situations:
            if situation.key == APPLICANT_QUESTION or situation.key in answered:
                continue
            chosen = case.answers.get(situation.key)
            label = next((o.label for o in situation.options if o.key == chosen), None)
            if label is not None:
                answered[situation.key] = f"{situation.question}：{label}"
    return list(answered.values())


def part_clock(desk: Desk, case: Case, department: str, today: date) -> PartClock | None:
    part = case.part(department)
    if part is None:
        return None
    calendar = desk.review.calendar()
    status = None
    if part.deadline is not None and case.accepted_on is not None:
        deadline = Deadline(
            accepted_on=case.accepted_on,
            working_days=part.working_days + part.extension_days,
            deadline=part.deadline,
            unknown_years=(part.deadline.year,) if part.deadline_provisional else (),
        )
        status = deadline_status(
            deadline,
            today,
            calendar=calendar,
            warn_days=int(desk.settings.get("review_warn_days")),
        )
    running = open_procedure(case, department)
    resume_days, resume_deadline = resume_facts(case, department, today, calendar)
    return PartClock(
        part=part,
        status=status,
        paused_days=sum(
            procedure.counted_days
            for procedure in case.procedures
            if procedure.department == department
            and not procedure.is_extension
            and procedure.ended_on is not None
        ),
        running=running,
        running_days=0
        if running is None
        else paused_working_days(running.started_on, max(today, running.started_on), calendar),
        resume_days=resume_days,
        resume_deadline=resume_deadline,
    )
