"""Review and output on the platform, over HTTP: department scoping, decisions taken once,
the rules of the clock, the collector, fees and courier, and payments coming back from the
payment channel. Bodies are built from the case the platform holds with the desk's own rules
(:class:`sandbox_client.Walk`); a refused body is the honest one with one thing wrong.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import requests
from case_factory import CLERK, MINIMAL_PDF, MONDAY, Clock, make_case, person, write_pdf
from platform_fixtures import SandboxProcess, both_backends
from sandbox_client import CALENDAR, Walk, bodies_of, sha256, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.review_rules import extension_deadline, route_payload

FOOD = "市场监督管理局"  # the food licence's department: reviewer, reviewer2
POLICE = "公安局"  # the police account's
LICENCE = {
    "department": FOOD,
    "result_name": "食品经营许可证",
    "result_number": "JY13401040000003",
    "valid_until": "2031-09-27",
}
COURIER = {
    "recipient": "李娜",
    "address": "合肥市蜀山区长江西路100号",
    "phone": "13812345678",
    "company": "中国邮政EMS",
    "tracking_number": "EMS1234567890",
}
FEE = "40.00"


def _error(reply: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json()["error"])


def _fields(error: dict[str, Any]) -> set[str]:
    return {problem["field"] for problem in error["problems"]}


def _routed(
    sandbox: SandboxProcess,
    desk: Desk,
    sequence: int,
    users: tuple[str, ...] = (),
    attach: Path | None = None,
    fee: str = "0.00",
) -> Walk:
    """A food-licence case taken in by the desk, accepted and routed on the platform; with
    ``fee``, its item costs that (as a catalog with fees pins it)."""
    case = make_case(
        desk,
        clock=Clock(MONDAY),
        applicant=person(sequence=sequence),
        attach=attach,
        accept_by=CLERK,
    )
    _case, submit, accept = bodies_of(desk, case)
    for body in (submit, accept):
        for item in body["case"]["items"]:
            item["fee_yuan"] = fee
    accept["case"]["fee_due"] = fee
    walk = Walk(sandbox.url, submit, ("output", *users))
    reply = walk.clients["clerk"].post_event(accept)
    assert reply.status_code == 201, reply.text
    route = walk.applied("route", route_payload(walk.case(), CALENDAR), by="clerk")
    assert walk.post(route, "clerk").status_code == 201
    return walk


def _decided(walk: Walk) -> None:
    """Approved (by the supervisor) and its result ready."""
    assert walk.post(walk.applied("approve", LICENCE)).status_code == 201
    assert walk.post(walk.applied("result_ready", {})).status_code == 201


def _uploaded(sandbox: SandboxProcess) -> None:
    assert sign_in(sandbox.url, "clerk").upload(MINIMAL_PDF).status_code == 204


@both_backends
def test_a_reviewer_of_another_department_neither_reads_nor_decides_the_case(
    sandbox_server: SandboxProcess, demo_desk: Desk, tmp_path: Path
) -> None:
    _uploaded(sandbox_server)
    walk = _routed(sandbox_server, demo_desk, 51, ("police", "reviewer"), write_pdf(tmp_path))
    police, reviewer = walk.clients["police"], walk.clients["reviewer"]
    blob = f"/blobs/{sha256(MINIMAL_PDF)}"

    assert POLICE in _error(police.get(f"/cases/{walk.uuid}"), 403, "forbidden")["message"]
    for department in (POLICE, FOOD):
        approve = walk.body("approve", "decided", {**LICENCE, "department": department})
        _error(walk.post(approve, "police"), 403, "forbidden")
    assert police.get("/cases").json()["cases"] == []
    assert police.get("/changes").json()["changes"] == []
    _error(police.get(blob), 403, "forbidden")
    assert walk.view()["state"] == "in_review" and walk.view()["events"] == 3

    assert reviewer.get(f"/cases/{walk.uuid}").status_code == 200
    assert [case["uuid"] for case in reviewer.get("/cases").json()["cases"]] == [walk.uuid]
    changes = reviewer.get("/changes").json()["changes"]
    assert [change["event"]["event"] for change in changes] == ["submit", "accept", "route"]
    assert reviewer.get(blob).content == MINIMAL_PDF
    supervisor = walk.clients["supervisor"]
    for department, found in ((POLICE, []), (FOOD, [walk.uuid])):
        listed = supervisor.get("/cases", params={"department": department}).json()["cases"]
        assert [case["uuid"] for case in listed] == found


def test_two_reviewers_decide_once_and_the_first_decision_stands(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 52, ("reviewer", "reviewer2"))
    first = walk.applied("approve", LICENCE, by="reviewer")
    second = walk.applied("deny", {"department": FOOD, "remedies": "复议"}, "不符合", "reviewer2")
    assert walk.post(first, "reviewer").status_code == 201
    error = _error(walk.post(second, "reviewer2"), 409, "conflict")
    assert error["message"]
    part = walk.case().parts[0]
    assert (part.outcome, part.decided_by, part.result_number) == (
        "approved",
        "reviewer",
        LICENCE["result_number"],
    )
    assert walk.view()["events"] == 4


def test_a_part_extends_its_time_limit_once(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 53, ("reviewer",))
    deadline = extension_deadline(walk.case(), FOOD, 5, CALENDAR)
    extend = {"department": FOOD, "days": 5, "approved_by": "局长", "deadline": str(deadline)}
    body = walk.applied("extend", extend, "情况复杂", "reviewer")
    assert walk.post(body, "reviewer").status_code == 201
    assert walk.case().committed_deadline == deadline
    again = walk.body("extend", "in_review", {**extend, "days": 3}, reason="再次延长")
    _error(walk.post(again, "reviewer"), 409, "conflict")
    assert walk.case().parts[0].extension_days == 5
    assert walk.case().committed_deadline == deadline


def test_the_result_goes_only_to_the_applicant_or_an_authorised_agent(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 54)
    _decided(walk)
    stranger = {
        "collector_name": "张三",
        "collector_id_number": person(sequence=99).id_number,
        "collector_is_agent": False,
    }
    error = _error(
        walk.post(walk.body("hand_over", "delivered", stranger), "output"), 422, "invalid"
    )
    assert _fields(error) == {"event.payload.collector_id_number"}
    agent = {**stranger, "collector_is_agent": True}
    error = _error(walk.post(walk.body("hand_over", "delivered", agent), "output"), 422, "invalid")
    assert _fields(error) == {"event.payload.authorisation"}
    assert walk.view()["state"] == "ready_for_pickup"
    applicant = {**stranger, "collector_id_number": walk.case().applicant.id_number}
    body = walk.applied("hand_over", applicant, by="output")
    assert walk.post(body, "output").status_code == 201
    assert walk.case().delivery is not None


def test_a_fee_is_paid_in_full_before_the_result_leaves(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 55, fee=FEE)
    assert walk.case().fee_due == FEE  # derived at acceptance from the items' fees
    _decided(walk)
    error = _error(walk.post(walk.body("ship", "shipped", COURIER), "output"), 422, "invalid")
    assert _fields(error) == {"event.payload.payment"}
    assert FEE in error["problems"][0]["message"]
    pay = {"number": "JK0001", "method": "cash", "amount": FEE, "payer": "李娜"}
    wrong = walk.body("pay", "ready_for_pickup", {**pay, "amount": "50.00"})
    error = _error(walk.post(wrong, "output"), 422, "invalid")
    assert _fields(error) == {"event.payload.amount"} and FEE in error["problems"][0]["message"]
    assert walk.post(walk.applied("pay", pay, by="output"), "output").status_code == 201
    assert walk.post(walk.applied("ship", COURIER, by="output"), "output").status_code == 201
    assert (
        walk.post(walk.applied("deliver", {"signed_by": "李娜"}, by="output"), "output").status_code
        == 201
    )
    assert walk.view()["state"] == "delivered"


def test_a_hostile_desk_cannot_set_the_parts_or_the_deadline(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 56, ("reviewer",))
    honest = walk.applied("approve", LICENCE, by="reviewer")
    hostile = copy.deepcopy(honest)
    hostile["case"]["parts"][0]["deadline"] = "2099-12-31"
    hostile["case"]["parts"][0]["decided_by"] = "supervisor"
    hostile["case"]["committed_deadline"] = "2099-12-31"
    error = _error(walk.post(hostile, "reviewer"), 422, "invalid")
    assert _fields(error) == {
        "case.parts[0].deadline",
        "case.parts[0].decided_by",
        "case.committed_deadline",
    }
    assert walk.view()["state"] == "in_review"
    assert walk.post(honest, "reviewer").status_code == 201


def _record_payment(
    sandbox: SandboxProcess, case_no: str, amount: str
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "platform_sandbox", "record-payment", "--db", sandbox.db_url]
    command += ["--blob-dir", str(sandbox.blob_dir), "--case-no", case_no, "--amount", amount]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=60)


@both_backends
def test_a_payment_by_code_comes_back_through_the_change_feed(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 57, fee=FEE)
    case_no = walk.view()["case_no"]
    last_seq = walk.clients["clerk"].get("/changes").json()["last_seq"]
    wrong = _record_payment(sandbox_server, case_no, "10.00")
    assert wrong.returncode == 1 and FEE in wrong.stderr
    assert walk.case().payments == []
    paid = _record_payment(sandbox_server, case_no, FEE)
    assert paid.returncode == 0, paid.stderr
    changes = walk.clients["clerk"].get("/changes", params={"after": last_seq}).json()["changes"]
    assert [change["event"]["event"] for change in changes] == ["pay"]
    event = changes[0]["event"]
    assert (event["by"], event["desk_id"], event["payload"]["method"]) == (
        "platform",
        "platform",
        "code",
    )
    payment = walk.case().payments[0]
    assert (payment.amount, payment.collected_by, payment.payer) == (FEE, "platform", "李娜")
    again = _record_payment(sandbox_server, case_no, FEE)
    assert again.returncode == 1  # nothing is due any more


def test_a_recomputed_deadline_moves_the_parts_within_a_month(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    walk = _routed(sandbox_server, demo_desk, 58, ("admin",))
    held = walk.case().committed_deadline
    assert held is not None
    moved = str(held + timedelta(days=2))
    recompute = {"old_deadline": str(held), "new_deadline": moved, "provisional": False}

    def body(part_deadline: str) -> dict[str, Any]:
        sent = walk.body("deadline_recomputed", "in_review", recompute, committed_deadline=moved)
        sent["case"]["parts"][0]["deadline"] = part_deadline
        return sent

    error = _error(walk.post(body("2099-12-31"), "admin"), 422, "invalid")
    assert _fields(error) == {"case.parts[0].deadline"}
    assert walk.post(body(moved), "admin").status_code == 201
    case = walk.case()
    assert (case.committed_deadline, case.parts[0].deadline) == (held + timedelta(days=2),) * 2
