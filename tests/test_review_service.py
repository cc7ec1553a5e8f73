"""后台分类审批 on a real demo desk: every decision end to end, one transaction each."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import (
    CLERK,
    FOOD_LICENCE,
    MARKET,
    POLICE,
    REVIEWER,
    SEAL_FILING,
    SOLE_TRADER,
    Clock,
    intake_service,
    review_service,
    routed_case,
    write_pdf,
)
from sqlalchemy import func, select

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, Outcome, PartState
from clerk_desk.domain.case_states import CaseEvent, CaseState, TransitionRefused
from clerk_desk.domain.review_rules import EventRefused
from clerk_desk.services.attachments import AttachmentError
from clerk_desk.services.ratings import OUTBOX_KINDS as RATING_OUTBOX_KINDS
from clerk_desk.services.review import CaseChanged, ReviewService
from local_cache.schema import CaseEventRow, OutboxRow

ACCEPTED = datetime(2026, 10, 12, 9, 30)  # a working Monday after the National Day holidays
CHIEF = "局长 周平"


@pytest.fixture
def clock() -> Clock:
    return Clock(ACCEPTED)


@pytest.fixture
def review(demo_desk: Desk, clock: Clock) -> ReviewService:
    return review_service(demo_desk, clock)


def _rows(desk: Desk, case: Case) -> tuple[int, int]:
    """The case's events and outbox rows."""
    with desk.database.read() as session:
        events = session.scalar(
            select(func.count())
            .select_from(CaseEventRow)
            .where(CaseEventRow.case_uuid == case.uuid)
        )
        outbox = session.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.case_uuid == case.uuid, OutboxRow.kind.not_in(RATING_OUTBOX_KINDS))
        )
    return events or 0, outbox or 0


def _stored(desk: Desk, case: Case) -> Case:
    stored = desk.intake.case(case.uuid)
    assert stored is not None
    return stored


def _at(clock: Clock, day: date, hour: int = 10) -> None:
    clock.now = datetime.combine(day, datetime.min.time()).replace(hour=hour)


def test_acceptance_routes_the_case_to_its_department(demo_desk: Desk, clock: Clock) -> None:
    case = routed_case(demo_desk, clock=clock)

    assert case.state is CaseState.IN_REVIEW
    assert [e.event for e in demo_desk.intake.events(case.uuid)] == ["submit", "accept", "route"]
    (part,) = case.parts
    assert (part.department, part.state, part.lead) == (MARKET, PartState.IN_REVIEW, True)
    assert part.item_codes == (FOOD_LICENCE,)
    assert part.deadline == case.committed_deadline == date(2026, 10, 19)  # 5 working days
    assert _stored(demo_desk, case) == case


def test_pause_then_resume_moves_the_deadline_by_the_paused_working_days(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    _at(clock, date(2026, 10, 13))
    paused = review.pause(
        case,
        REVIEWER,
        department=MARKET,
        kind="检验",
        reason="需对经营场所设备进行检验",
        expected_days=3,
        approved_by=CHIEF,
    )
    assert paused.state is CaseState.PAUSED
    assert paused.part(MARKET).state is PartState.PAUSED  # type: ignore[union-attr]

    _at(clock, date(2026, 10, 16))  # Tuesday to Thursday stood still: 3 working days
    resumed = review.resume(paused, REVIEWER, department=MARKET, result="检验合格")

    assert resumed.state is CaseState.IN_REVIEW
    assert resumed.committed_deadline == date(2026, 10, 22)  # 19 October + 3 working days
    assert review.calendar().add_working_days(date(2026, 10, 19), 3).deadline == date(2026, 10, 22)
    (procedure,) = resumed.procedures
    assert (procedure.kind, procedure.counted_days, procedure.result) == ("检验", 3, "检验合格")
    last = demo_desk.intake.events(case.uuid)[-1]
    assert (last.event, last.payload["paused_days"], last.payload["deadline"]) == (
        "resume",
        3,
        "2026-10-22",
    )
    assert _stored(demo_desk, case) == resumed


def test_an_extension_is_granted_once(demo_desk: Desk, clock: Clock, review: ReviewService) -> None:
    case = routed_case(demo_desk, clock=clock)
    with pytest.raises(EventRefused) as too_long:
        review.extend(
            case, REVIEWER, department=MARKET, days=11, reason="情况复杂", approved_by=CHIEF
        )
    assert too_long.value.key == "days"

    extended = review.extend(
        case, REVIEWER, department=MARKET, days=5, reason="情况复杂", approved_by=CHIEF
    )
    assert extended.state is CaseState.IN_REVIEW
    assert extended.committed_deadline == date(2026, 10, 26)  # 19 October + 5 working days
    assert extended.procedures[0].kind == "延长审批"
    events_before = _rows(demo_desk, case)

    with pytest.raises(TransitionRefused, match="once already"):
        review.extend(
            extended, REVIEWER, department=MARKET, days=2, reason="仍需核查", approved_by=CHIEF
        )
    assert _rows(demo_desk, case) == events_before
    assert review.decision_problems(extended, MARKET)[CaseEvent.EXTEND]


def test_approving_a_licence_needs_its_number_and_nothing_is_stored(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    before = _rows(demo_desk, case)
    with pytest.raises(EventRefused) as refused:
        review.approve(case, REVIEWER, department=MARKET, result_name="食品经营许可证")
    assert refused.value.key == "result_number"
    assert "Result number" in refused.value.render("en")
    with pytest.raises(EventRefused) as no_validity:
        review.approve(
            case,
            REVIEWER,
            department=MARKET,
            result_name="食品经营许可证",
            result_number="JY13401000012345",
        )
    assert no_validity.value.key == "valid_until"
    assert _rows(demo_desk, case) == before
    assert _stored(demo_desk, case) == case

    approved = review.approve(
        case,
        REVIEWER,
        department=MARKET,
        result_name="食品经营许可证",
        result_number="JY13401000012345",
        valid_until=date(2031, 10, 11),
    )
    assert approved.state is CaseState.DECIDED
    part = approved.part(MARKET)
    assert part is not None
    assert (part.outcome, part.result_number, part.decided_by) == (
        Outcome.APPROVED,
        "JY13401000012345",
        REVIEWER,
    )
    assert approved.concluded_at == ACCEPTED


def test_deny_needs_reasons_and_remedies(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    with pytest.raises(EventRefused) as no_reasons:
        review.deny(case, REVIEWER, department=MARKET, reasons=" ", remedies="可申请行政复议")
    assert no_reasons.value.key == "reason"
    with pytest.raises(EventRefused) as no_remedies:
        review.deny(case, REVIEWER, department=MARKET, reasons="场所不符合要求", remedies="")
    assert no_remedies.value.key == "remedies"
    assert _stored(demo_desk, case).state is CaseState.IN_REVIEW

    denied = review.deny(
        case,
        REVIEWER,
        department=MARKET,
        reasons="经营场所与食品经营不相适应",
        remedies="可于六十日内申请行政复议或于六个月内提起行政诉讼",
    )
    assert denied.state is CaseState.DECIDED
    assert denied.part(MARKET).outcome is Outcome.DENIED  # type: ignore[union-attr]
    last = demo_desk.intake.events(case.uuid)[-1]
    assert (last.event, last.reason) == ("deny", "经营场所与食品经营不相适应")


def test_a_bundle_is_decided_only_when_both_departments_are(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, (SOLE_TRADER, SEAL_FILING), clock=clock)
    assert [(p.department, p.lead) for p in case.parts] == [(MARKET, True), (POLICE, False)]

    one = review.approve(case, "police", department=POLICE, result_name="印章及备案信息")
    assert one.state is CaseState.IN_REVIEW
    assert review.decision_problems(one, POLICE)[CaseEvent.APPROVE]  # decided already
    assert review.decision_problems(one, MARKET)[CaseEvent.APPROVE] == []
    assert review.decision_problems(one, MARKET)[CaseEvent.RESULT_READY]

    both = review.approve(
        one,
        REVIEWER,
        department=MARKET,
        result_name="营业执照（个体工商户）",
        result_number="92340100MA2T000001",
        valid_until=date(2046, 10, 11),
    )
    assert both.state is CaseState.DECIDED
    assert all(part.state is PartState.DECIDED for part in both.parts)
    ready = review.result_ready(both, REVIEWER)
    assert ready.state is CaseState.READY_FOR_PICKUP
    assert ready.result_ready_at == ACCEPTED


def test_a_supplement_goes_back_to_the_window_and_acceptance_keeps_decided_parts(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, (SOLE_TRADER, SEAL_FILING), clock=clock)
    police_done = review.approve(case, "police", department=POLICE, result_name="印章及备案信息")
    with pytest.raises(EventRefused) as no_list:
        review.request_supplement(
            police_done,
            REVIEWER,
            department=MARKET,
            materials=[],
            reason="住所证明不清晰",
            basis="《市场主体登记管理条例》第十六条",
        )
    assert no_list.value.key == "materials"

    sent_back = review.request_supplement(
        police_done,
        REVIEWER,
        department=MARKET,
        materials=["经营场所使用证明"],
        reason="住所证明不清晰",
        basis="《市场主体登记管理条例》第十六条",
    )
    assert sent_back.state is CaseState.AWAITING_SUPPLEMENT

    _at(clock, date(2026, 10, 14))
    intake = intake_service(demo_desk, clock)
    returned = intake.returning_case(sent_back.case_no or "")
    accepted = intake.accept(returned, CLERK)

    assert accepted.state is CaseState.IN_REVIEW
    assert accepted.case_no == case.case_no
    market, police = accepted.parts
    assert (police.state, police.outcome) == (PartState.DECIDED, Outcome.APPROVED)
    assert market.state is PartState.IN_REVIEW
    assert market.deadline == date(2026, 10, 14)  # 即办件, counted from the new acceptance
    assert [e.event for e in demo_desk.intake.events(case.uuid)][-4:] == [
        "request_supplement",
        "supplement",
        "accept",
        "route",
    ]


def test_a_stale_copy_is_refused_and_nothing_is_overwritten(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    paused = review.pause(
        case,
        "reviewer2",
        department=MARKET,
        kind="专家评审",
        reason="需组织专家评审",
        expected_days=5,
        approved_by=CHIEF,
    )
    rows = _rows(demo_desk, case)

    with pytest.raises(CaseChanged) as changed:
        review.approve(
            case,
            REVIEWER,
            department=MARKET,
            result_name="x",
            result_number="1",
            valid_until=date(2030, 1, 1),
        )
    assert "特别程序中" in changed.value.render("zh_CN")
    assert _rows(demo_desk, case) == rows
    assert _stored(demo_desk, case) == paused


def test_each_decision_leaves_exactly_one_event_and_one_outbox_row(
    demo_desk: Desk, clock: Clock, review: ReviewService, tmp_path: Path
) -> None:
    case = routed_case(demo_desk, clock=clock)
    assert _rows(demo_desk, case) == (3, 3)  # submit, accept, route
    steps = [
        lambda c: review.pause(
            c,
            REVIEWER,
            department=MARKET,
            kind="检测",
            reason="送检",
            expected_days=2,
            approved_by=CHIEF,
        ),
        lambda c: review.resume(c, REVIEWER, department=MARKET, result="合格"),
        lambda c: review.attach_transfer_sheet(c, CLERK, write_pdf(tmp_path, "材料流转单.pdf")),
        lambda c: review.extend(
            c, REVIEWER, department=MARKET, days=3, reason="需现场核查", approved_by=CHIEF
        ),
        lambda c: review.approve(
            c,
            REVIEWER,
            department=MARKET,
            result_name="食品经营许可证",
            result_number="JY1",
            valid_until=date(2031, 1, 1),
        ),
        lambda c: review.result_ready(c, REVIEWER),
    ]
    for count, step in enumerate(steps, start=4):
        case = step(case)
        assert _rows(demo_desk, case) == (count, count)
    assert case.state is CaseState.READY_FOR_PICKUP
    (sheet,) = case.transfer_sheets
    stored = demo_desk.intake.files.path_for(sheet.sha256)
    assert stored.read_bytes() == (tmp_path / "材料流转单.pdf").read_bytes()
    day_ago = time.time() - 86_400
    os.utime(stored, (day_ago, day_ago))
    assert demo_desk.intake.sweep_orphan_files() == 0  # the case refers to the sheet
    assert stored.exists()


def test_a_transfer_sheet_that_is_no_scan_is_refused(
    demo_desk: Desk, clock: Clock, review: ReviewService, tmp_path: Path
) -> None:
    case = routed_case(demo_desk, clock=clock)
    fake = tmp_path / "材料流转单.pdf"
    fake.write_text("not a pdf")
    rows = _rows(demo_desk, case)
    with pytest.raises(AttachmentError):
        review.attach_transfer_sheet(case, CLERK, fake)
    assert _rows(demo_desk, case) == rows


def test_terminate_needs_a_reason_and_closes_the_case(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    with pytest.raises(TransitionRefused):
        review.terminate(case, REVIEWER, " ")
    closed = review.terminate(case, REVIEWER, "申请人死亡，终止办理")
    assert closed.state is CaseState.CLOSED
    assert demo_desk.intake.events(case.uuid)[-1].reason == "申请人死亡，终止办理"


def test_decision_problems_say_why_a_button_is_disabled(
    demo_desk: Desk, clock: Clock, review: ReviewService
) -> None:
    case = routed_case(demo_desk, clock=clock)
    problems = review.decision_problems(case, MARKET)
    allowed = [event for event, why in problems.items() if not why]
    assert allowed == [
        CaseEvent.PAUSE,
        CaseEvent.EXTEND,
        CaseEvent.APPROVE,
        CaseEvent.DENY,
        CaseEvent.REQUEST_SUPPLEMENT,
        CaseEvent.TERMINATE,
    ]
    assert "特别程序中" not in problems[CaseEvent.RESUME][0].render("zh_CN")
    assert "审批中" in problems[CaseEvent.RESUME][0].render("zh_CN")
    elsewhere = review.decision_problems(case, POLICE)
    assert "公安局" in elsewhere[CaseEvent.APPROVE][0].render("zh_CN")
    assert elsewhere[CaseEvent.REQUEST_SUPPLEMENT]
