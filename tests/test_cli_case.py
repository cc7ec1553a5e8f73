"""``clerk-desk case list / show`` as scripts and people use them."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, intake_service, make_case, person

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import display_case_no, make_case_no

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
    assert first["state"] == "accepted"
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
    code, out, _ = run(capsys, demo_desk, "case", "list", "--state", "accepted")
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
    ]
    assert lines[2].split() == [
        str(accepted.case_no),
        "Accepted",
        "李*",
        "食品经营许可（新办）",
        "2026-09-28",
        "09:30",
        "2026-10-10",
    ]


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
    assert "State: Accepted" in out
    assert "Committed deadline: 2026-10-10" in out
    assert "Accept" in out.splitlines()[-1]


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
