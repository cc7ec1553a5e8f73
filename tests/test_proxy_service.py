"""代办 records through the real service and a real SQLite file: 委托 to 回访, and refusals."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, person, proxy_service, write_pdf

from clerk_desk.desk import Desk
from clerk_desk.domain.assistance import Assistance, AssistanceKind
from clerk_desk.domain.case import Applicant, MaterialMark
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.proxy import NextStep, ProxyRefused, ProxyState
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.intake import IntakeError

MONDAY = datetime(2026, 12, 7, 9, 0)
STAFF = Clerk("clerk", "张晓燕", (Role.INTAKE_CLERK,), "", "A0101")


def test_a_proxy_runs_from_authorisation_to_call_back(demo_desk: Desk, tmp_path: Path) -> None:
    clock = Clock(MONDAY)
    proxies = proxy_service(demo_desk, clock)
    record = proxies.open(person("王秀英"), "办理公章刻制备案", [SEAL_FILING], STAFF)
    assert record.number == f"DB20261207-{demo_desk.settings.get('window_number'):02d}-001"
    assert record.next_step() == (NextStep.SCAN_AUTHORISATION, MONDAY.date())
    assert record.due_on == date(2026, 12, 8)  # 即办件: one working day promised

    record = proxies.attach_authorisation(record.uuid, write_pdf(tmp_path, "委托书.pdf"), CLERK)
    assert record.authorisation is not None and record.authorisation.name == "委托书.pdf"
    assert record.next_step() == (NextStep.START_CASE, record.due_on)

    case = proxies.start_case(record.uuid, [], STAFF)
    assert case.applicant.name == "王秀英"
    assert case.assistance == Assistance(
        AssistanceKind.PROXY, "clerk", "张晓燕", "", record.uuid, record.number
    )
    stored = demo_desk.intake.case(case.uuid)
    assert stored is not None and stored.assistance.proxy_no == record.number
    with pytest.raises(IntakeError) as kept:  # the draft stays the 代办's
        demo_desk.intake.set_assistance(case, Assistance(AssistanceKind.ASSISTED, "x", "x"))
    assert record.number in kept.value.render("zh_CN")
    record = proxies.record(record.uuid)
    assert record.case_uuids == (case.uuid,)
    assert record.next_step()[0] is NextStep.FOLLOW_CASES

    with pytest.raises(ProxyRefused) as refused:
        proxies.conclude(record.uuid, CLERK)
    assert "草稿" in refused.value.render("zh_CN")  # the draft is named

    case.answers = {"applicant": "self", "procedure": "general"}
    demo_desk.intake.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    decided = demo_desk.intake.accept(case, CLERK)
    assert decided.assistance.kind is AssistanceKind.PROXY  # kept through the decision

    clock.now = MONDAY + timedelta(hours=2)
    with pytest.raises(ProxyRefused) as refused:
        proxies.conclude(record.uuid, CLERK)  # the case is still in review
    assert decided.case_no is not None and decided.case_no in refused.value.render("zh_CN")
    record = proxies.terminate(record.uuid, CLERK, "申请人改为本人办理")
    assert record.state is ProxyState.TERMINATED and record.end_note == "申请人改为本人办理"
    assert record.callback_due == date(2026, 12, 10)  # three working days
    assert record.next_step() == (NextStep.CALL_BACK, date(2026, 12, 10))
    assert [row.record.uuid for row in proxies.unfinished()] == [record.uuid]

    record = proxies.call_back(record.uuid, CLERK, CallbackOutcome.SATISFIED, "很满意")
    assert record.finished and record.next_step() == (NextStep.NONE, None)
    assert proxies.unfinished() == []
    assert [step.kind.value for step in record.steps] == [
        "opened",
        "authorised",
        "case_started",
        "terminated",
        "called_back",
    ]
    with pytest.raises(ProxyRefused):
        proxies.call_back(record.uuid, CLERK, CallbackOutcome.SATISFIED)


def test_a_proxy_concludes_once_its_cases_have_ended(demo_desk: Desk, tmp_path: Path) -> None:
    proxies = proxy_service(demo_desk, Clock(MONDAY))
    record = proxies.open(person(), "公章刻制", [SEAL_FILING], STAFF)
    proxies.attach_authorisation(record.uuid, write_pdf(tmp_path), CLERK)
    case = proxies.start_case(record.uuid, [SEAL_FILING], STAFF)
    demo_desk.intake.reject(case, CLERK, "不属于本中心受理范围")
    record = proxies.conclude(record.uuid, CLERK, "已告知申请人")
    assert (record.state, record.end_note) == (ProxyState.CONCLUDED, "已告知申请人")
    assert [c.state for c in proxies.cases(record)] == [CaseState.REJECTED]


def test_a_pause_holds_the_record_until_it_resumes(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    proxies = proxy_service(demo_desk, clock)
    record = proxies.open(person(), "食品经营许可", [FOOD_LICENCE], STAFF)
    record = proxies.pause(record.uuid, "等待申请人补充房产证明", CLERK, date(2026, 12, 14))
    assert record.state is ProxyState.PAUSED
    assert record.next_step() == (NextStep.RESUME_OR_END, date(2026, 12, 14))
    with pytest.raises(ProxyRefused):
        proxies.start_case(record.uuid, [], STAFF)
    with pytest.raises(ProxyRefused):
        proxies.pause(record.uuid, "again", CLERK)
    record = proxies.resume(record.uuid, CLERK)
    assert (record.state, record.pause_reason, record.resume_on) == (ProxyState.OPEN, "", None)


def test_the_open_list_puts_the_soonest_due_first(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    proxies = proxy_service(demo_desk, clock)
    later = proxies.open(person("甲"), "事项一", [FOOD_LICENCE], STAFF, date(2026, 12, 20))
    sooner = proxies.open(person("乙", sequence=14), "事项二", [], STAFF, date(2026, 12, 9))
    assert [row.record.number for row in proxies.unfinished()] == [
        # each still waits for its authorisation, due the day it was opened
        later.number,
        sooner.number,
    ]
    assert sooner.number.endswith("-002")


@pytest.mark.parametrize(
    "applicant,matters,codes,due,expected",
    [
        (Applicant(name="", id_number="1"), "x", [], None, "申请人"),
        (person(), "", [], None, "事项"),
        (person(), "x" * 501, [], None, "500"),
        (person(), "x", ["999999999999"], None, "999999999999"),
        (person(), "x", [], date(2026, 12, 1), "2026-12-01"),
    ],
)
def test_opening_refuses_what_cannot_be_recorded(
    demo_desk: Desk,
    applicant: Applicant,
    matters: str,
    codes: list[str],
    due: date | None,
    expected: str,
) -> None:
    proxies = proxy_service(demo_desk, Clock(MONDAY))
    with pytest.raises((ProxyRefused, IntakeError)) as refused:
        proxies.open(applicant, matters, codes, STAFF, due)
    assert expected in refused.value.render("zh_CN")
    assert proxies.unfinished() == []


def test_a_case_needs_the_scanned_authorisation_and_steps_need_reasons(demo_desk: Desk) -> None:
    proxies = proxy_service(demo_desk, Clock(MONDAY))
    record = proxies.open(person(), "公章刻制", [SEAL_FILING], STAFF)
    with pytest.raises(ProxyRefused) as refused:
        proxies.start_case(record.uuid, [], STAFF)
    assert "委托书" in refused.value.render("zh_CN")
    with pytest.raises(ProxyRefused):
        proxies.terminate(record.uuid, CLERK, "   ")
    with pytest.raises(ProxyRefused):
        proxies.conclude(record.uuid, CLERK)  # no case
    assert proxies.record(record.uuid).state is ProxyState.OPEN


def test_the_scanned_authorisation_survives_the_orphan_sweep(
    demo_desk: Desk, tmp_path: Path
) -> None:
    proxies = proxy_service(demo_desk, Clock(MONDAY))
    record = proxies.open(person(), "公章刻制", [SEAL_FILING], STAFF)
    record = proxies.attach_authorisation(record.uuid, write_pdf(tmp_path), CLERK)
    assert record.authorisation is not None
    stored = demo_desk.intake.files.path_for(record.authorisation.sha256)
    old = stored.stat().st_mtime - 7 * 86400
    os.utime(stored, (old, old))
    demo_desk.intake.sweep_orphan_files()
    assert stored.exists()


def test_assistance_is_fixed_once_the_case_is_decided(demo_desk: Desk) -> None:
    intake = demo_desk.intake
    case = intake.create_draft([SEAL_FILING], CLERK)
    with pytest.raises(IntakeError) as refused:
        intake.set_assistance(case, Assistance(AssistanceKind.ASSISTED))
    assert "工作人员" in refused.value.render("zh_CN")
    helped = Assistance(AssistanceKind.ASSISTED, "clerk", "张晓燕", "elderly")
    intake.set_assistance(case, helped)
    intake.save_draft(case)
    stored = intake.case(case.uuid)
    assert stored is not None and stored.assistance == helped
    case.applicant = person()
    case.answers = {"applicant": "self", "procedure": "general"}
    intake.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    case = intake.accept(case, CLERK)
    with pytest.raises(IntakeError):
        intake.set_assistance(case, Assistance())


def test_the_day_s_report_counts_assisted_and_proxy_cases(demo_desk: Desk, tmp_path: Path) -> None:
    now = datetime.now().replace(microsecond=0)
    clock = Clock(now)
    proxies = proxy_service(demo_desk, clock)
    intake = demo_desk.intake
    before = demo_desk.reports.report(now.date(), now.date(), "值班长").totals.cases

    helped = intake.create_draft([SEAL_FILING], CLERK)
    intake.set_assistance(helped, Assistance(AssistanceKind.ASSISTED, "clerk", "张晓燕", "ill"))
    record = proxies.open(person("赵桂兰", sequence=21), "公章刻制", [SEAL_FILING], STAFF)
    proxies.attach_authorisation(record.uuid, write_pdf(tmp_path), CLERK)
    acted = proxies.start_case(record.uuid, [], STAFF)
    for case, sequence in ((helped, 22), (acted, 21)):
        case.applicant = person("赵桂兰", sequence=sequence)
        case.answers = {"applicant": "self", "procedure": "general"}
        intake.refresh_materials(case)
        for material in case.materials:
            material.mark = MaterialMark.RECEIVED
        intake.accept(case, CLERK)

    after = demo_desk.reports.report(now.date(), now.date(), "值班长").totals.cases
    assert (after.assisted - before.assisted, after.proxy - before.proxy) == (1, 1)
