"""What the 出件 workspace loads on the database thread: the rows found and the case opened."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from clerk_desk.domain.case import Case, DeliveryMethod
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.output_rules import AUTHORISATION, output_deadline, outstanding
from clerk_desk.i18n import Message
from ui.output.clock import OutputClock

if TYPE_CHECKING:
    from clerk_desk.desk import Desk


@dataclass(frozen=True)
class ResultRow:
    """One case found, as the list shows it."""

    uuid: str
    case_no: str
    state: CaseState
    applicant_name: str
    item_names: tuple[str, ...]
    clock: OutputClock
    outstanding: Decimal


@dataclass(frozen=True)
class FoundCase:
    """The case opened, with its clock, what it still owes and what blocks its release."""

    case: Case
    clock: OutputClock
    outstanding: Decimal
    release_problems: tuple[Message, ...]  # at the window
    courier_problems: tuple[Message, ...]

    @property
    def authorisation_attached(self) -> bool:
        return any(AUTHORISATION in m.name and m.files for m in self.case.materials)


def find_rows(desk: Desk, text: str) -> list[ResultRow]:
    """The cases ready at this centre that ``text`` finds (number, QR, ID, name, phone)."""
    today = desk.clock().date()
    calendar = desk.intake.work_calendar()
    return [
        ResultRow(
            uuid=row.uuid,
            case_no=row.case_no or "",
            state=row.state,
            applicant_name=row.applicant_name,
            item_names=tuple(row.item_names),
            clock=OutputClock.on(row.output_deadline, today, calendar),
            outstanding=row.fee_outstanding,
        )
        for row in desk.queue.ready_for_output(text, today)
    ]


def load_case(desk: Desk, uuid: str) -> FoundCase | None:
    case = desk.intake.case(uuid)
    if case is None:
        return None
    return found(desk, case)


def found(desk: Desk, case: Case) -> FoundCase:
    """``case`` as the workspace shows it now (after a payment, a hand-over, a pull)."""
    calendar = desk.intake.work_calendar()
    deadline = output_deadline(case, calendar)
    return FoundCase(
        case=case,
        clock=OutputClock.on(deadline, desk.clock().date(), calendar),
        outstanding=outstanding(case),
        release_problems=tuple(desk.output.release_problems(case)),
        courier_problems=tuple(desk.output.release_problems(case, DeliveryMethod.COURIER)),
    )
