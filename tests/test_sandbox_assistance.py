"""帮办 / 代办 on the platform: recorded as submitted, refused when malformed, never changed."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from case_factory import CLERK, MONDAY, Clock, intake_service, person
from platform_fixtures import SandboxProcess
from sandbox_client import bodies_of, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.assistance import Assistance, AssistanceKind
from clerk_desk.domain.case import MaterialMark

HELPED = Assistance(AssistanceKind.ASSISTED, "clerk", "张晓燕", "elderly")


def assisted_bodies(desk: Desk) -> tuple[dict[str, Any], dict[str, Any]]:
    intake = intake_service(desk, Clock(MONDAY))
    case = intake.create_draft(["000142130101"], CLERK)
    case.applicant = person()
    case.answers = {"applicant": "self", "procedure": "general"}
    intake.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    intake.set_assistance(case, HELPED)
    case = intake.accept(case, CLERK)
    _case, submit, accept = bodies_of(desk, case)
    return submit, accept


def _problem_fields(reply: requests.Response) -> set[str]:
    assert reply.status_code == 422, reply.text
    return {problem["field"] for problem in reply.json()["error"]["problems"]}


def test_the_platform_keeps_who_helped_and_refuses_a_change_later(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    submit, accept = assisted_bodies(demo_desk)
    clerk = sign_in(sandbox_server.url, "clerk")
    assert clerk.put_case(submit).status_code == 201
    held = clerk.get(f"/cases/{submit['case']['uuid']}").json()["document"]
    assert held["assistance"] == HELPED.to_dict()

    accept["case"]["assistance"] = Assistance().to_dict()
    assert _problem_fields(clerk.post_event(accept)) == {
        "case.assistance.kind",
        "case.assistance.helper",
        "case.assistance.helper_name",
        "case.assistance.reason",
    }


@pytest.mark.parametrize(
    "assistance",
    [
        {
            "kind": "assisted",
            "helper": "",
            "helper_name": "",
            "reason": "",
            "proxy_uuid": "",
            "proxy_no": "",
        },
        {
            "kind": "proxy",
            "helper": "clerk",
            "helper_name": "",
            "reason": "",
            "proxy_uuid": "",
            "proxy_no": "",
        },
        {
            "kind": "assisted",
            "helper": "clerk",
            "helper_name": "",
            "reason": "bribed",
            "proxy_uuid": "",
            "proxy_no": "",
        },
        {
            "kind": "none",
            "helper": "clerk",
            "helper_name": "",
            "reason": "",
            "proxy_uuid": "",
            "proxy_no": "",
        },
        {"kind": "rescued", "helper": "clerk"},
        {"kind": "proxy", "helper": "clerk", "proxy_uuid": "not-a-uuid"},
    ],
)
def test_a_malformed_assistance_is_refused_at_submit(
    sandbox_server: SandboxProcess, demo_desk: Desk, assistance: dict[str, str]
) -> None:
    submit, _accept = assisted_bodies(demo_desk)
    submit["case"]["assistance"] = assistance
    clerk = sign_in(sandbox_server.url, "clerk")
    fields = _problem_fields(clerk.put_case(submit))
    assert fields and all(field.startswith("case.assistance") for field in fields)
    assert clerk.get(f"/cases/{submit['case']['uuid']}").status_code == 404
