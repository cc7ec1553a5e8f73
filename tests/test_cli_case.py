"""``clerk-desk case list / show`` as scripts and people use them."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
    make_case,
    person,
    review_service,
    routed_case,
    write_pdf,
)
from cli_process import clerk_desk

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.assistance import Assistance, AssistanceKind, AssistanceReason
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import display_case_no, make_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.proxy import ProxyService

MONDAY = datetime(2026, 9, 28, 9, 30)
TUESDAY = datetime(2026, 9, 29, 10, 0)


def run(capsys: pytest.CaptureFixture[str], desk: Desk, *argv: str) -> tuple[int, str, str]:
    code = cli.main([*argv, "--demo", "--data-dir", str(desk.data_dir.root), "--lang", "en"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cases(demo_desk: Desk) -> tuple[Case, Case]:
    clock = Clock(MONDAY)
    service = intake_service(demo_desk, clock)
    accepted = service.accept(make_case(service, applicant=person("李娜", 1)), CLERK)
    assert accepted.state is CaseState.IN_REVIEW
    clock.now = TUESDAY
    rejected = service.reject(
        make_case(service, (SEAL_FILING, FOOD_LICENCE), applicant=person("王芳", 2)),
        CLERK,
        "不属于本机关职权",
    )
    service.create_draft([SEAL_FILING], CLERK)
    return accepted, rejected


def test_list_json_has_the_fields_scripts_need(
    demo_desk: Desk, cases: tuple[Case, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    accepted, rejected = cases
    code, out, err = run(capsys, demo_desk, "case", "list", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [c["case_no"] for c in listed] == [rejected.case_no, accepted.case_no]
    first = listed[1]
    assert first["uuid"] == accepted.uuid
    assert first["state"] == "in_review"  # accepted, and handed to its department at once
    assert first["received_at"] == MONDAY.isoformat()
    assert first["decided_at"] == MONDAY.isoformat()
    assert first["items"] == [FOOD_LICENCE]
    assert first["committed_deadline"] == "2026-10-10"
    assert (
        first["applicant_number"]
        == accepted.applicant.id_number[:6] + "********" + accepted.applicant.id_number[-4:]
    )
    assert listed[0]["items"] == [SEAL_FILING, FOOD_LICENCE]


def test_list_filters_by_date_and_state(
    demo_desk: Desk, cases: tuple[Case, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    accepted, rejected = cases
    by_day = json.loads(run(capsys, demo_desk, "case", "list", "--json", "--date", "2026-09-28")[1])
    assert [c["uuid"] for c in by_day] == [accepted.uuid]
    by_state = json.loads(
        run(capsys, demo_desk, "case", "list", "--json", "--state", "rejected")[1]
    )
    assert [c["uuid"] for c in by_state] == [rejected.uuid]
    drafts = json.loads(run(capsys, demo_desk, "case", "list", "--json", "--state", "draft")[1])
    assert [(c["case_no"], c["items"]) for c in drafts] == [(None, [SEAL_FILING])]


def test_list_as_a_table(
    demo_desk: Desk, cases: tuple[Case, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    accepted, _ = cases
    code, out, _ = run(capsys, demo_desk, "case", "list", "--state", "in_review")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == [
        "Case",
        "number",
        "State",
        "Applicant",
        "Items",
        "Received",
        "at",
        "Committed",
        "deadline",
        "Assistance",
    ]
    assert lines[2].split() == [
        str(accepted.case_no),
        "In",
        "review",
        "李*",
        "食品经营许可（新办）",
        "2026-09-28",
        "09:30",
        "2026-10-10",
    ]


def test_list_marks_who_helped_with_each_case(
    demo_desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = Clock(MONDAY)
    service = intake_service(demo_desk, clock)
    alone = service.accept(make_case(service, applicant=person("李娜", 1)), CLERK)
    helped = make_case(service, (SEAL_FILING,), applicant=person("王秀英", 2))
    service.set_assistance(
        helped, Assistance(AssistanceKind.ASSISTED, "clerk", "张晓燕", AssistanceReason.ELDERLY)
    )
    helped = service.accept(helped, CLERK)
    proxies = ProxyService(
        demo_desk.database, service, demo_desk.settings, clock, service.work_calendar
    )
    staff = Clerk("clerk", "张晓燕", (Role.INTAKE_CLERK,), "", "A0101")
    record = proxies.open(person("赵刚", 3), "公章刻制", [SEAL_FILING], staff)
    proxies.attach_authorisation(record.uuid, write_pdf(tmp_path), CLERK)
    draft = proxies.start_case(record.uuid, [], staff)

    listed = json.loads(run(capsys, demo_desk, "case", "list", "--json")[1])
    marks = {c["uuid"]: (c["assistance"], c["helper"], c["helper_name"]) for c in listed}
    assert marks == {
        alone.uuid: ("none", "", ""),
        helped.uuid: ("assisted", "clerk", "张晓燕"),
    }
    drafts = json.loads(run(capsys, demo_desk, "case", "list", "--json", "--state", "draft")[1])
    assert [(c["uuid"], c["assistance"], c["proxy_no"]) for c in drafts] == [
        (draft.uuid, "proxy", record.number)
    ]

    lines = run(capsys, demo_desk, "case", "list")[1].splitlines()
    rows = {name: next(line for line in lines if f" {name} " in line) for name in ("王**", "李*")}
    assert rows["王**"].endswith("Assisted (帮办) 张晓燕")
    assert rows["李*"].endswith("2026-10-10")  # nobody helped: the column stays empty


def test_show_json_adds_the_events(
    demo_desk: Desk, cases: tuple[Case, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    _, rejected = cases
    assert rejected.case_no is not None
    code, out, err = run(
        capsys, demo_desk, "case", "show", display_case_no(rejected.case_no), "--json"
    )
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert (shown["uuid"], shown["case_no"], shown["state"]) == (
        rejected.uuid,
        rejected.case_no,
        "rejected",
    )
    assert shown["received_at"] == shown["decided_at"] == TUESDAY.isoformat()
    assert shown["items"] == [SEAL_FILING, FOOD_LICENCE]
    assert [(e["seq"], e["event"], e["from_state"], e["to_state"]) for e in shown["events"]] == [
        (1, "submit", "draft", "received"),
        (2, "reject", "received", "rejected"),
    ]
    assert shown["events"][1]["reason"] == "不属于本机关职权"
    assert "*" in shown["applicant"]["id_number"]


def test_show_as_sentences(
    demo_desk: Desk, cases: tuple[Case, Case], capsys: pytest.CaptureFixture[str]
) -> None:
    accepted, _ = cases
    assert accepted.case_no is not None
    code, out, _ = run(capsys, demo_desk, "case", "show", accepted.case_no)
    assert code == 0
    assert f"Case number: {display_case_no(accepted.case_no)}" in out
    assert "State: In review" in out
    assert "Committed deadline: 2026-10-10" in out
    assert "市场监督管理局: In review, deadline 2026-10-10" in out
    assert "Accept" in out.splitlines()[-2]
    assert "Hand to the department" in out.splitlines()[-1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "3401002026092800300019"], "“3401002026092800300019” is not a valid case number"),
        (["show", "abc"], "“abc” is not a valid case number (22 characters"),
        (["list", "--date", "28.9.2026"], "“28.9.2026” is not a date; write it as YYYY-MM-DD"),
        (["list", "--state", "open"], "“open” is not a case state; choose one of: draft, received"),
    ],
)
def test_bad_input_is_refused_with_exit_2(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, demo_desk, "case", *argv)
    assert (code, out) == (2, "")
    assert err.startswith("Error: " + message)


def test_an_unknown_valid_number_is_refused(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    number = make_case_no("340100", date(2026, 9, 28), 3, 77)
    code, _, err = run(capsys, demo_desk, "case", "show", number)
    assert code == 2
    assert err == f"Error: This desk has no case numbered {number}\n"


@pytest.fixture
def reviewed(demo_desk: Desk) -> dict[str, Case]:
    """A case paused for 检验 and a two-department case decided and ready for pick-up."""
    clock = Clock(datetime(2026, 10, 12, 9, 30))
    review = review_service(demo_desk, clock)
    paused = review.pause(
        routed_case(demo_desk, clock=clock, applicant=person("李娜", 1)),
        REVIEWER,
        department=MARKET,
        kind="检验",
        reason="设备检验",
        expected_days=3,
        approved_by="局长",
    )
    bundle = routed_case(
        demo_desk, (SOLE_TRADER, SEAL_FILING), clock=clock, applicant=person("王芳", 2)
    )
    bundle = review.approve(bundle, "police", department=POLICE, result_name="印章及备案信息")
    bundle = review.approve(
        bundle,
        REVIEWER,
        department=MARKET,
        result_name="营业执照（个体工商户）",
        result_number="92340100MA2T000001",
        valid_until=date(2046, 10, 11),
    )
    return {"paused": paused, "ready": review.result_ready(bundle, REVIEWER)}


def _cli_json(desk: Desk, *argv: str) -> Any:
    result = clerk_desk(*argv, "--json", "--demo", "--data-dir", str(desk.data_dir.root))
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


def test_list_by_the_states_of_review_and_output_in_a_real_process(
    demo_desk: Desk, reviewed: dict[str, Case]
) -> None:
    paused = _cli_json(demo_desk, "case", "list", "--state", "paused")
    assert [case["uuid"] for case in paused] == [reviewed["paused"].uuid]
    (part,) = paused[0]["parts"]
    assert (part["department"], part["state"], part["deadline"]) == (
        MARKET,
        "paused",
        "2026-10-19",
    )
    (procedure,) = paused[0]["procedures"]
    assert (procedure["kind"], procedure["started_on"], procedure["ended_on"]) == (
        "检验",
        "2026-10-12",
        None,
    )
    assert (paused[0]["fee_due"], paused[0]["payments"], paused[0]["delivery"]) == (
        "0.00",
        [],
        None,
    )
    ready = _cli_json(demo_desk, "case", "list", "--state", "ready_for_pickup")
    assert [(case["uuid"], case["state"]) for case in ready] == [
        (reviewed["ready"].uuid, "ready_for_pickup")
    ]
    assert [(p["department"], p["state"], p["outcome"]) for p in ready[0]["parts"]] == [
        (MARKET, "decided", "approved"),
        (POLICE, "decided", "approved"),
    ]
    for state in ("in_review", "decided", "shipped", "delivered"):
        assert _cli_json(demo_desk, "case", "list", "--state", state) == []


def test_show_json_names_every_event_in_a_real_process(
    demo_desk: Desk, reviewed: dict[str, Case]
) -> None:
    number = reviewed["ready"].case_no
    assert number is not None
    shown = _cli_json(demo_desk, "case", "show", number)
    assert [(e["event"], e["from_state"], e["to_state"]) for e in shown["events"]] == [
        ("submit", "draft", "received"),
        ("accept", "received", "accepted"),
        ("route", "accepted", "in_review"),
        ("approve", "in_review", "in_review"),  # the other department had not decided yet
        ("approve", "in_review", "decided"),
        ("result_ready", "decided", "ready_for_pickup"),
    ]
    assert shown["events"][4]["payload"]["result_number"] == "92340100MA2T000001"
    assert shown["parts"][0]["result_number"] == "92340100MA2T000001"
    assert shown["result_ready_at"] == "2026-10-12T09:30:00"
