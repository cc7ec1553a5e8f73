"""The whole loop end to end: a real sandbox platform process and desks of their own data
directories, each syncing through its real sync engine.

The window (desk A) takes a case in, which routes it; the back office (desk B) pulls it into
its department's queue, pauses it for 检验, resumes it three working days later and approves
it; the window's output clerk hands the result over. The platform and both desks must agree
on every event and on the case, and the clocks must have moved exactly as the law says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, FORM, make_case, write_pdf
from platform_fixtures import SandboxProcess
from service_hall import (
    MARKET,
    Hall,
    assert_all_agree,
    desk_history,
    fetched_page,
    open_hall,
    platform_document,
    platform_history,
    queued,
    stored,
    synced,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, Outcome, PartState
from clerk_desk.domain.case_states import CaseState
from platform_sandbox.messages import state_label

REVIEWER, SECOND_REVIEWER, OUTPUT_CLERK = "reviewer", "reviewer2", "output"
LICENCE_NUMBER = "JY13401000012345"


@pytest.fixture
def hall(tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess) -> Iterator[Hall]:
    with open_hall(sandbox_server, demo_template, tmp_path / "desks") as hall:
        yield hall


def _approve(desk: Desk, case: Case, reviewer: str) -> Case:
    return desk.review.approve(
        case,
        reviewer,
        department=MARKET,
        result_name="食品经营许可证",
        result_number=LICENCE_NUMBER,
        valid_until=date(2031, 11, 8),
    )


def test_a_case_goes_round_the_loop_and_every_end_agrees(hall: Hall) -> None:
    window = hall.desk("window", CLERK, OUTPUT_CLERK)
    back = hall.desk("back-office", REVIEWER)

    # Monday 2 November, 9:30: taken in at the window (the form scanned), routed to 市场监督管理局.
    scan = write_pdf(hall.root / "scans", "申请书.pdf")
    taken = make_case(window, (FOOD_LICENCE,), attach=scan, attach_to=FORM, accept_by=CLERK)
    assert taken.state is CaseState.IN_REVIEW
    assert taken.committed_deadline == date(2026, 11, 9)  # 5 working days
    assert [(part.department, part.deadline) for part in taken.parts] == [
        (MARKET, date(2026, 11, 9))
    ]
    synced(window)

    # 14:00: the back office pulls it into its queue.
    hall.at(datetime(2026, 11, 2, 14, 0))
    synced(back)
    assert queued(back, MARKET, date(2026, 11, 2)) == [taken.case_no]
    assert stored(back, taken.uuid).state is CaseState.IN_REVIEW
    # The reviewer reads the form scanned at the window: fetched from the platform.
    (page,) = next(m.files for m in stored(back, taken.uuid).materials if m.name == FORM)
    assert fetched_page(back, REVIEWER, page) == scan.read_bytes()

    # Tuesday: paused for 检验; the clock stands still.
    hall.at(datetime(2026, 11, 3, 10, 0))
    paused = back.review.pause(
        stored(back, taken.uuid),
        REVIEWER,
        department=MARKET,
        kind="检验",
        reason="样品送省食品检验研究院检验",
        expected_days=3,
        approved_by="王建国",
    )
    assert paused.state is CaseState.PAUSED
    synced(back)
    assert hall.platform.case(taken.uuid)["state"] == "paused"

    # Friday: the report came back; three working days (Tue, Wed, Thu) stood still.
    hall.at(datetime(2026, 11, 6, 10, 0))
    resumed = back.review.resume(paused, REVIEWER, department=MARKET, result="检验合格")
    assert resumed.state is CaseState.IN_REVIEW
    assert resumed.committed_deadline == date(2026, 11, 12)
    calendar = back.review.calendar()
    assert calendar.count_working_days(date(2026, 11, 9), date(2026, 11, 12))[0] == 3
    (procedure,) = resumed.procedures
    assert (procedure.kind, procedure.counted_days, procedure.ended_on) == (
        "检验",
        3,
        date(2026, 11, 6),
    )

    # Monday 9 November: approved at 10:00; the licence is printed the next morning.
    hall.at(datetime(2026, 11, 9, 10, 0))
    approved = _approve(back, resumed, REVIEWER)
    assert approved.state is CaseState.DECIDED
    assert approved.concluded_at == datetime(2026, 11, 9, 10, 0)
    hall.at(datetime(2026, 11, 10, 9, 0))
    ready = back.review.result_ready(approved, REVIEWER)
    assert ready.state is CaseState.READY_FOR_PICKUP
    synced(back)

    # 15:00: the window pulls; the output clerk finds it by number and hands it over.
    hall.at(datetime(2026, 11, 10, 15, 0))
    synced(window)
    assert taken.case_no is not None
    (row,) = window.queue.ready_for_output(taken.case_no, date(2026, 11, 10))
    # §44: the output clock starts at approval (9 November), not when the licence was made:
    # 10 working days.
    assert (row.uuid, row.output_deadline, row.output_overdue) == (
        taken.uuid,
        date(2026, 11, 23),
        False,
    )
    at_window = stored(window, taken.uuid)
    assert at_window.state is CaseState.READY_FOR_PICKUP
    applicant = at_window.applicant
    handed = window.output.hand_over(
        at_window,
        OUTPUT_CLERK,
        collector_name=applicant.name,
        collector_id_number=applicant.id_number,
    )
    assert handed.state is CaseState.DELIVERED
    synced(window)
    synced(back)

    events = assert_all_agree(hall, taken.uuid, window, back)
    assert [event[1:5] for event in events] == [
        ("submit", "draft", "received", CLERK),
        ("accept", "received", "accepted", CLERK),
        ("route", "accepted", "in_review", CLERK),
        ("pause", "in_review", "paused", REVIEWER),
        ("resume", "paused", "in_review", REVIEWER),
        ("approve", "in_review", "decided", REVIEWER),
        ("result_ready", "decided", "ready_for_pickup", REVIEWER),
        ("hand_over", "ready_for_pickup", "delivered", OUTPUT_CLERK),
    ]
    final = stored(back, taken.uuid)
    assert final.committed_deadline == date(2026, 11, 12)
    assert final.concluded_at == datetime(2026, 11, 9, 10, 0)
    (part,) = final.parts
    assert (part.state, part.outcome, part.decided_by, part.result_number) == (
        PartState.DECIDED,
        Outcome.APPROVED,
        REVIEWER,
        LICENCE_NUMBER,
    )
    assert final.delivery is not None and final.delivery.collector_name == applicant.name
    resume = hall.platform.case(taken.uuid)["history"][4]
    assert (resume["payload"]["paused_days"], resume["payload"]["deadline"]) == (3, "2026-11-12")


def test_the_second_reviewer_is_refused_and_then_sees_the_first_decision(hall: Hall) -> None:
    window = hall.desk("window", CLERK)
    first = hall.desk("back-office-1", REVIEWER)
    second = hall.desk("back-office-2", SECOND_REVIEWER)
    taken = make_case(window, (FOOD_LICENCE,), accept_by=CLERK)
    synced(window)
    hall.at(datetime(2026, 11, 3, 9, 0))
    synced(first)
    synced(second)

    # Both decide offline, each on the case as pulled.
    hall.at(datetime(2026, 11, 3, 10, 0))
    _approve(first, stored(first, taken.uuid), REVIEWER)
    hall.at(datetime(2026, 11, 3, 10, 5))
    _approve(second, stored(second, taken.uuid), SECOND_REVIEWER)

    synced(first)
    report = second.sync.run_pass()

    assert (report.pushed, report.status.refused) == (0, 1)
    (problem,) = second.sync.problems()
    assert (problem.case_no, problem.kind, problem.status_code) == (taken.case_no, "approve", 409)
    assert state_label(CaseState.DECIDED) in problem.reason, problem.reason
    view = hall.platform.case(taken.uuid)
    approvals = [event for event in view["history"] if event["event"] == "approve"]
    assert [event["by"] for event in approvals] == [REVIEWER]
    assert view["document"]["parts"][0]["decided_by"] == REVIEWER

    second.sync.discard(problem.id, "另一位审批人员已作出决定", SECOND_REVIEWER)
    synced(second)

    assert second.sync.problems() == []
    shown = stored(second, taken.uuid)
    assert (shown.state, shown.parts[0].decided_by) == (CaseState.DECIDED, REVIEWER)
    after = hall.platform.case(taken.uuid)
    assert platform_history(after) == platform_history(view)  # nothing more reached it
    assert shown.to_dict() == platform_document(after)
    synced(window)
    synced(first)
    assert_all_agree(hall, taken.uuid, window, first)
    # The second desk's history is the platform's: its refused approval left it with the
    # discarded row (the sync problem keeps the record of it).
    assert desk_history(second, taken.uuid) == platform_history(after)
