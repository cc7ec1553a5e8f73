"""The rules that enable an intake decision, asked once: by the window and by the service."""

from __future__ import annotations

from datetime import date, datetime

from case_factory import CLERK, Clock, intake_service, make_case, mark
from test_notice_deadline import LICENCE, OVERDUE, _received

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar, committed_deadline
from clerk_desk.domain.case import MaterialMark
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.domain.intake_rules import DecisionDay, decision_problems
from clerk_desk.services.intake import DecisionRefused

RECEIVED = date(2026, 11, 2)  # a Monday
LATE = date(2026, 11, 10)  # the 6th working day after it


def day(today: date, overdue: bool) -> DecisionDay:
    accepted_on = RECEIVED if overdue else today
    return DecisionDay(
        today, RECEIVED, overdue, committed_deadline(accepted_on, 5, calendar=WorkCalendar())
    )


def test_an_overdue_notice_is_not_possible_and_says_why(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(datetime(2026, 11, 2, 9, 0)))
    case = make_case(service)
    mark(case, LICENCE, MaterialMark.MISSING)

    in_time = decision_problems(case, day(RECEIVED, overdue=False), None)
    late = decision_problems(case, day(LATE, overdue=True), None)

    assert in_time[CaseEvent.NOTIFY_MISSING] == []
    assert [p.render("en")[: len(OVERDUE)] for p in late[CaseEvent.NOTIFY_MISSING]] == [OVERDUE]
    assert late[CaseEvent.ACCEPT] == in_time[CaseEvent.ACCEPT] != []


def test_gaps_are_checked_against_the_deadline_from_the_acceptance_day(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(datetime(2026, 11, 2, 9, 0)))
    case = make_case(service)
    late = day(LATE, overdue=True)
    assert late.accepted_on == RECEIVED
    assert late.committed.deadline == date(2026, 11, 9)  # before today: no supplement day fits
    problems = decision_problems(case, late, None)[CaseEvent.ACCEPT_WITH_GAPS]
    assert any("2026-11-09" in problem.render("en") for problem in problems)


def test_the_service_asks_the_same_rules_with_the_day_of_receipt(demo_desk: Desk) -> None:
    clock = Clock(datetime(2026, 11, 2, 9, 0))
    service = intake_service(demo_desk, clock)
    case = _received(service, clock)
    clock.now = datetime(2026, 11, 10, 9, 0)

    decision_day = service.decision_day(case)
    assert (decision_day.received_on, decision_day.notice_overdue) == (RECEIVED, True)
    assert decision_day.committed.accepted_on == RECEIVED
    listed = service.credit_list.is_listed(case.applicant.key_number)
    expected = decision_problems(case, decision_day, listed)[CaseEvent.NOTIFY_MISSING]
    try:
        service.notify_missing(case, CLERK)
    except DecisionRefused as refused:
        assert refused.problems == expected != []
    else:
        raise AssertionError("an overdue notice was taken")
