"""一次性告知 within 5 working days of receipt (行政许可法 §32, §82): later, the application
counts as accepted from the day of receipt; the desk refuses the notice and dates the
acceptance back. Real desk, real SQLite, a settable clock."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from case_factory import CLERK, Clock, intake_service, make_case, mark

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case, MaterialMark
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.intake_rules import notice_overdue
from clerk_desk.services.intake import DecisionRefused, IntakeService

LICENCE = "营业执照"  # required, not gap-allowed, for 食品经营许可（新办）
OVERDUE = "More than 5 working days have passed since receipt"


def _received(service: IntakeService, clock: Clock) -> Case:
    """A case received today and waiting in 已收件: noticed, then the visitor came back."""
    case = make_case(service)
    mark(case, LICENCE, MaterialMark.MISSING)
    waiting = service.notify_missing(case, CLERK)
    received = service.supplement(waiting, CLERK)
    assert received.state is CaseState.RECEIVED
    return received


def _problems(service: IntakeService, case: Case) -> list[str]:
    return [problem.render("en") for problem in service.notice_problems(case)]


def test_notice_is_refused_after_five_working_days_and_acceptance_dates_back(
    demo_desk: Desk,
) -> None:
    clock = Clock(datetime(2026, 11, 2, 9, 0))  # a Monday
    service = intake_service(demo_desk, clock)
    case = _received(service, clock)

    clock.now = datetime(2026, 11, 9, 16, 0)  # Tue … Mon: the 5th working day, still in time
    assert _problems(service, case) == []

    clock.now = datetime(2026, 11, 10, 9, 0)  # the 6th working day
    with pytest.raises(DecisionRefused) as refused:
        service.notify_missing(case, CLERK)
    assert [problem.render("en") for problem in refused.value.problems] == [
        "More than 5 working days have passed since receipt (2026-11-02); by law the "
        "application counts as accepted from the day of receipt. Accept it instead"
    ]
    stored = service.case(case.uuid)
    assert stored is not None and stored.state is CaseState.RECEIVED

    mark(case, LICENCE, MaterialMark.RECEIVED)
    accepted = service.accept(case, CLERK)
    assert accepted.accepted_on == date(2026, 11, 2)
    assert accepted.committed_deadline == date(2026, 11, 9)  # 5 working days from receipt
    *_, acceptance, _route = service.events(accepted.uuid)
    assert acceptance.payload["deadline"]["accepted_on"] == "2026-11-02"


def test_holidays_do_not_count_towards_the_five_days(demo_desk: Desk) -> None:
    clock = Clock(datetime(2026, 9, 28, 9, 30))  # Monday before National Day
    service = intake_service(demo_desk, clock)
    case = _received(service, clock)

    # 09-29, 09-30, (10-01 – 10-07 off), 10-08, 10-09, Sat 10-10 (调休): the 5th working day.
    clock.now = datetime(2026, 10, 10, 9, 0)
    assert _problems(service, case) == []
    clock.now = datetime(2026, 10, 12, 9, 0)
    assert any(problem.startswith(OVERDUE) for problem in _problems(service, case))

    mark(case, LICENCE, MaterialMark.RECEIVED)
    accepted = service.accept(case, CLERK)
    assert (accepted.accepted_on, accepted.committed_deadline) == (
        date(2026, 9, 28),
        date(2026, 10, 10),
    )


def test_a_visitor_returning_after_a_timely_notice_is_received_anew(demo_desk: Desk) -> None:
    clock = Clock(datetime(2026, 11, 2, 9, 0))
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, LICENCE, MaterialMark.MISSING)
    waiting = service.notify_missing(case, CLERK)

    clock.now = datetime(2026, 11, 30, 10, 0)  # four weeks later, with the licence
    assert _problems(service, waiting) == []  # may be told again: received anew today
    mark(waiting, LICENCE, MaterialMark.RECEIVED)
    accepted = service.accept(waiting, CLERK)
    assert accepted.accepted_on == date(2026, 11, 30)
    assert accepted.received_at == datetime(2026, 11, 2, 9, 0)


def test_five_working_days_counted_after_the_day_of_receipt() -> None:
    calendar = WorkCalendar()
    friday = date(2026, 11, 6)
    assert not notice_overdue(friday, friday, calendar)
    assert not notice_overdue(friday, date(2026, 11, 13), calendar)  # Mon … Fri
    assert notice_overdue(friday, date(2026, 11, 16), calendar)
