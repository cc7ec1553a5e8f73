"""The platform trusts no desk and no role: probed over HTTP with each demo token.

An event changes only what that event changes (the rest of the document it carries must be
the stored case), a case number must be of the token's centre with its check character right,
cases and events name the token's desk, a reviewer acts on their department's cases only.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import requests
from case_factory import (
    CLERK,
    MINIMAL_PDF,
    MONDAY,
    SEAL_FILING,
    Clock,
    intake_service,
    make_case,
    person,
)
from platform_fixtures import SandboxProcess
from sandbox_client import API, CALENDAR, Client, Walk, bodies_of, sha256, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.review_rules import extension_deadline, resume_facts, route_payload

CENTRE = "340100"
DESK = "desk-test"
FOOD = "市场监督管理局"  # the food licence's department
# What a hostile document tries to change with any event.
TAMPERED = {
    "case.case_no": make_case_no(CENTRE, date(2026, 9, 28), 3, 9999),
    "case.applicant.name": "张三",
    "case.committed_deadline": "2099-12-31",
}


def accepted_case(desk: Desk, sequence: int = 12) -> tuple[Case, dict[str, Any], dict[str, Any]]:
    """An accepted case of ``desk`` and the bodies of its submit and accept."""
    case = make_case(
        desk, clock=Clock(MONDAY), applicant=person(sequence=sequence), accept_by=CLERK
    )
    return bodies_of(desk, case)


def _error(reply: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return dict(body["error"])


def _fields(error: dict[str, Any]) -> set[str]:
    return {problem["field"] for problem in error["problems"]}


def step(walk: Walk, body: dict[str, Any], client: str = "supervisor") -> None:
    """``body`` tampered is refused naming each field, changing nothing; then it is taken."""
    sender = walk.clients[client]
    body = copy.deepcopy(body)
    body["event"]["by"] = sender.username
    before = walk.view()
    hostile = copy.deepcopy(body)
    hostile["case"]["case_no"] = TAMPERED["case.case_no"]
    hostile["case"]["applicant"]["name"] = TAMPERED["case.applicant.name"]
    hostile["case"]["committed_deadline"] = TAMPERED["case.committed_deadline"]
    error = _error(sender.post_event(hostile), 422, "invalid")
    assert _fields(error) == set(TAMPERED), (body["event"]["event"], error)
    assert walk.view() == before
    reply = sender.post_event(body)
    assert reply.status_code == 201, (body["event"]["event"], reply.text)
    document = reply.json()["case"]["document"]
    assert document == body["case"]
    assert document["case_no"] == before["case_no"]
    assert document["applicant"] == before["document"]["applicant"]


def _accepting(walk: Walk, name: str, **extra: Any) -> dict[str, Any]:
    day = (walk.at + timedelta(minutes=1)).date()
    deadline = (day + timedelta(days=7)).isoformat()
    payload = {"deadline": {"deadline": deadline, "provisional": False, "accepted_on": str(day)}}
    payload.update(extra)
    at = (walk.at + timedelta(minutes=1)).isoformat()
    changes = {
        "accepted_on": str(day),
        "committed_deadline": deadline,
        "deadline_provisional": False,
        "decided_at": at,
    }
    if "supplement_deadline" in extra:
        changes["supplement_deadline"] = extra["supplement_deadline"]
    return walk.body(name, "accepted", payload, **changes)


def _decided(walk: Walk, name: str, to_state: str, reason: str = "") -> dict[str, Any]:
    at = (walk.at + timedelta(minutes=1)).isoformat()
    return walk.body(name, to_state, reason=reason, decided_at=at)


def _route(walk: Walk) -> dict[str, Any]:
    return walk.applied("route", route_payload(walk.case(), CALENDAR), by="clerk")


def test_every_event_changes_only_what_it_changes(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    cases = [accepted_case(demo_desk, sequence=30 + n) for n in range(5)]
    main = Walk(sandbox_server.url, cases[0][1], ("output",))
    accept = copy.deepcopy(cases[0][2])
    main.at = datetime.fromisoformat(accept["event"]["at"])
    step(main, accept, "clerk")
    step(main, _route(main), "clerk")
    pause = {"department": FOOD, "kind": "检验", "approved_by": "局长", "expected_days": 3}
    step(main, main.applied("pause", pause, "送检"))
    paused_days, deadline = resume_facts(main.case(), FOOD, main.at.date(), CALENDAR)
    resume = {"department": FOOD, "result": "合格", "paused_days": paused_days}
    step(main, main.applied("resume", {**resume, "deadline": str(deadline)}))
    extension = extension_deadline(main.case(), FOOD, 5, CALENDAR)
    extend = {"department": FOOD, "days": 5, "approved_by": "局长", "deadline": str(extension)}
    step(main, main.applied("extend", extend, "情况复杂"))
    supplement = {"department": FOOD, "materials": ["食品经营许可申请书"], "basis": "第三十二条"}
    step(main, main.applied("request_supplement", supplement, "申请书未签字"))
    step(main, main.body("supplement", "received"))
    step(main, _decided(main, "notify_missing", "awaiting_supplement", "缺少材料"))
    step(main, main.body("supplement", "received"))
    gaps = (main.at + timedelta(minutes=1)).date() + timedelta(days=3)
    step(main, _accepting(main, "accept_with_gaps", supplement_deadline=str(gaps)))
    held = main.view()["document"]["committed_deadline"]
    moved = (date.fromisoformat(held) + timedelta(days=2)).isoformat()
    recompute = {"old_deadline": held, "new_deadline": moved, "provisional": False}
    step(main, main.body("deadline_recomputed", "accepted", recompute, committed_deadline=moved))
    step(main, _route(main), "clerk")
    step(main, main.applied("deny", {"department": FOOD, "remedies": "可申请行政复议"}, "不符合"))
    step(main, main.applied("result_ready", {}))
    courier = {
        "recipient": "李娜",
        "address": "合肥市蜀山区长江西路100号",
        "phone": "13812345678",
        "company": "中国邮政EMS",
        "tracking_number": "EMS1234567890",
    }
    step(main, main.applied("ship", courier, by="output"), "output")
    step(main, main.applied("deliver", {"signed_by": "李娜"}, by="output"), "output")

    second = Walk(sandbox_server.url, cases[1][1], ("output",))
    step(second, _accepting(second, "accept"))
    step(second, _route(second), "clerk")
    sheet = {"file": _uploaded(second.clients["clerk"], "材料流转单.pdf")}
    step(second, second.applied("attach_transfer_sheet", sheet))
    licence = {
        "department": FOOD,
        "result_name": "食品经营许可证",
        "result_number": "JY13401040000001",
        "valid_until": "2031-09-27",
    }
    step(second, second.applied("approve", licence))
    step(second, second.applied("result_ready", {}))
    collector = {
        "collector_name": "李娜",
        "collector_id_number": second.case().applicant.id_number,
        "collector_is_agent": False,
    }
    step(second, second.applied("hand_over", collector, by="output"), "output")

    third = Walk(sandbox_server.url, cases[2][1])
    step(third, _decided(third, "reject", "rejected", "不符合受理条件"))
    fourth = Walk(sandbox_server.url, cases[3][1])
    step(fourth, fourth.body("withdraw", "closed", reason="申请人撤回"))
    fifth = Walk(sandbox_server.url, cases[4][1])
    step(fifth, fifth.body("terminate", "closed", reason="终止"))


def _uploaded(client: Client, name: str) -> dict[str, Any]:
    """A file uploaded to the platform, as a case names it."""
    assert client.upload(MINIMAL_PDF).status_code == 204
    return {
        "sha256": sha256(MINIMAL_PDF),
        "name": name,
        "size": len(MINIMAL_PDF),
        "media_type": "application/pdf",
        "added_at": datetime.now().replace(microsecond=0).isoformat(),
    }


def test_an_admin_moves_a_deadline_neither_years_away_nor_from_another_one(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    _case, submit, accept = accepted_case(demo_desk, sequence=13)
    walk = Walk(sandbox_server.url, submit)
    step(walk, accept, "clerk")
    held = walk.view()["document"]["committed_deadline"]
    far = {"old_deadline": held, "new_deadline": "2099-12-31", "provisional": False}
    admin = sign_in(sandbox_server.url, "admin")
    body = walk.body("deadline_recomputed", "accepted", far, committed_deadline="2099-12-31")
    body["event"]["by"] = "admin"
    error = _error(admin.post_event(body), 422, "invalid")
    assert _fields(error) == {"event.payload.new_deadline"}
    stale = {"old_deadline": "2026-01-01", "new_deadline": held, "provisional": False}
    body = walk.body("deadline_recomputed", "accepted", stale)
    body["event"]["by"] = "admin"
    assert "承诺期限" in _error(admin.post_event(body), 409, "conflict")["message"]
    assert walk.view()["document"]["committed_deadline"] == held


@pytest.mark.parametrize(
    ("case_no", "message"),
    [
        (make_case_no("340200", date(2026, 9, 28), 3, 12), "不属于本中心"),
        (make_case_no(CENTRE, date(2026, 9, 28), 3, 12)[:-1] + "0", "校验位"),
        ("3401002026092800300127", "校验位"),
        ("340100-20260928-003-0012-7", "校验位"),
    ],
)
def test_a_case_number_must_be_of_the_token_s_centre_and_pass_its_check(
    sandbox_server: SandboxProcess, demo_desk: Desk, case_no: str, message: str
) -> None:
    _case, submit, _accept = accepted_case(demo_desk)
    clerk = sign_in(sandbox_server.url, "clerk")
    submit["case"]["case_no"] = case_no
    error = _error(clerk.put_case(submit), 422, "invalid")
    assert _fields(error) == {"case.case_no"}
    assert message in error["problems"][0]["message"]
    assert clerk.get(f"/cases/{submit['case']['uuid']}").status_code == 404


def test_cases_and_events_must_name_the_token_s_desk(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    _case, submit, accept = accepted_case(demo_desk)
    elsewhere = sign_in(sandbox_server.url, "clerk", desk_id="another-desk")
    error = _error(elsewhere.put_case(submit), 422, "invalid")
    assert _fields(error) == {"case.desk_id", "event.desk_id"}

    clerk = sign_in(sandbox_server.url, "clerk")
    assert clerk.put_case(submit).status_code == 201
    error = _error(elsewhere.post_event(accept), 422, "invalid")
    assert _fields(error) == {"event.desk_id"}
    assert clerk.get(f"/cases/{submit['case']['uuid']}").json()["state"] == "received"


def test_a_reviewer_acts_only_on_the_cases_of_their_department(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    seal = service.accept(
        make_case(service, (SEAL_FILING,), applicant=person(sequence=41)), "clerk"
    )
    food, food_submit, food_accept = accepted_case(demo_desk, sequence=42)
    walks = []
    for submit, accept in (bodies_of(demo_desk, seal)[1:], (food_submit, food_accept)):
        walk = Walk(sandbox_server.url, submit, ("reviewer",))
        step(walk, accept, "clerk")
        step(walk, _route(walk), "clerk")
        walks.append(walk)
    seal_walk, food_walk = walks
    assert food_walk.uuid == food.uuid

    seal_approval = {"department": "公安局", "result_name": "备案回执"}
    approve = seal_walk.applied("approve", seal_approval, by="reviewer")
    error = _error(seal_walk.post(approve, "reviewer"), 403, "forbidden")
    assert FOOD in error["message"]
    assert seal_walk.view()["state"] == "in_review"
    licence = {
        "department": FOOD,
        "result_name": "食品经营许可证",
        "result_number": "JY13401040000002",
        "valid_until": "2031-09-27",
    }
    approve = food_walk.applied("approve", licence, by="reviewer")
    assert food_walk.post(approve, "reviewer").status_code == 201
    approve = seal_walk.applied("approve", seal_approval)
    assert seal_walk.post(approve).status_code == 201


def _sign_in(url: str, username: str, password: str) -> requests.Response:
    return requests.post(
        url + API + "/auth/token",
        json={"desk_id": DESK, "username": username, "password": password},
        timeout=10,
    )


def test_five_failed_sign_ins_lock_the_name_for_five_minutes(
    sandbox_server: SandboxProcess,
) -> None:
    url = sandbox_server.url
    wrong_password = [_sign_in(url, "reviewer", f"wrong-{n}") for n in range(4)]
    unknown = _sign_in(url, "nobody", "demo-review")
    messages = {
        _error(reply, 401, "unauthorized")["message"] for reply in [*wrong_password, unknown]
    }
    assert messages == {"用户名或密码错误"}
    assert _sign_in(url, "reviewer", "demo-review").status_code == 200  # the count starts again

    for n in range(5):
        _error(_sign_in(url, "reviewer", f"wrong-{n}"), 401, "unauthorized")
    locked = _sign_in(url, "reviewer", "demo-review")
    error = _error(locked, 403, "locked")
    assert "5分钟" in error["message"]
    assert 240 < int(locked.headers["Retry-After"]) <= 301
    assert _sign_in(url, "clerk", "demo-clerk").status_code == 200  # only that name is locked

    for n in range(5):
        _error(_sign_in(url, "no-such-clerk", f"guess-{n}"), 401, "unauthorized")
    _error(_sign_in(url, "no-such-clerk", "guess"), 403, "locked")  # unknown names lock alike


def test_a_repeated_event_answers_its_first_reply_and_stores_nothing_new(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    _case, submit, accept = accepted_case(demo_desk)
    clerk: Client = sign_in(sandbox_server.url, "clerk")
    assert clerk.put_case(submit).status_code == 201
    first = clerk.post_event(accept)
    assert first.status_code == 201
    accept["case"]["applicant"]["name"] = "张三"
    repeat = clerk.post_event(accept)
    assert repeat.status_code == 200 and repeat.json() == first.json()


def test_a_new_case_comes_without_what_later_events_set(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    _case, submit, accept = accepted_case(demo_desk)
    assert submit["case"]["committed_deadline"] is None  # the desk sends none
    clerk = sign_in(sandbox_server.url, "clerk")
    hostile = copy.deepcopy(submit)
    hostile["case"].update(
        committed_deadline="2099-12-31",
        accepted_on=accept["case"]["accepted_on"],
        decided_at=accept["case"]["decided_at"],
        rated=True,
        received_at="2020-01-01T08:00:00",
    )
    error = _error(clerk.put_case(hostile), 422, "invalid")
    assert _fields(error) == {
        "case.committed_deadline",
        "case.accepted_on",
        "case.decided_at",
        "case.rated",
        "case.received_at",
    }
    assert clerk.put_case(submit).status_code == 201
