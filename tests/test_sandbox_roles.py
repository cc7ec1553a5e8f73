"""Every role × every platform call, straight over HTTP (no desk in between to stop anyone).

The expected table is written out here from the contract's Roles section, and the shared
table in ``clerk_desk.domain.permissions`` must say the same.
"""

from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import Any

import requests
from case_factory import CLERK, MINIMAL_PDF, MONDAY, Clock, make_case, write_pdf
from platform_fixtures import SandboxProcess, both_backends
from sandbox_client import Client, bodies_of, sha256, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.permissions import EVENT_ROLES, POSTABLE_EVENTS, Call, may_call
from clerk_desk.domain.roles import Role

INTAKE, REVIEW, OUTPUT, SUPER, ADMIN = (
    "intake_clerk",
    "reviewer",
    "output_clerk",
    "supervisor",
    "admin",
)
USER = {INTAKE: "clerk", REVIEW: "reviewer", OUTPUT: "output", SUPER: "supervisor", ADMIN: "admin"}

CONTRACT: dict[str, set[str]] = {
    "catalog": {INTAKE, REVIEW, OUTPUT, SUPER, ADMIN},
    "put_case": {INTAKE, SUPER},
    "get_case": {INTAKE, REVIEW, OUTPUT, SUPER},
    "list_cases": {INTAKE, REVIEW, OUTPUT, SUPER},
    "changes": {INTAKE, REVIEW, OUTPUT, SUPER},
    **{event: {INTAKE, SUPER} for event in ("accept", "accept_with_gaps", "notify_missing")},
    **{event: {INTAKE, SUPER} for event in ("supplement", "reject", "route", "withdraw")},
    **{event: {REVIEW, SUPER} for event in ("pause", "resume", "extend", "request_supplement")},
    **{event: {REVIEW, SUPER} for event in ("approve", "deny", "result_ready", "terminate")},
    **{event: {INTAKE, OUTPUT, SUPER} for event in ("hand_over", "ship", "deliver", "pay")},
    "rate": {INTAKE, OUTPUT, SUPER},
    "attach_transfer_sheet": {INTAKE, REVIEW, OUTPUT, SUPER},
    "deadline_recomputed": {INTAKE, SUPER, ADMIN},
    "head_blob": {INTAKE, OUTPUT, SUPER},
    "patch_blob": {INTAKE, OUTPUT, SUPER},
    "get_blob": {INTAKE, REVIEW, OUTPUT, SUPER},
    "put_contact": {INTAKE, OUTPUT, SUPER},
    "put_rating": {INTAKE, OUTPUT, SUPER},
    "post_followup_step": {REVIEW, SUPER},
    "rating_changes": {INTAKE, REVIEW, OUTPUT, SUPER},
    "rating_reasons": {INTAKE, REVIEW, OUTPUT, SUPER, ADMIN},
}
CALLS = {
    "catalog": Call.CATALOG,
    "put_case": Call.PUT_CASE,
    "get_case": Call.READ_CASES,
    "list_cases": Call.READ_CASES,
    "changes": Call.READ_CASES,
    "head_blob": Call.BLOB_WRITE,
    "patch_blob": Call.BLOB_WRITE,
    "get_blob": Call.BLOB_READ,
    "put_contact": Call.RECORD_RATING,
    "put_rating": Call.RECORD_RATING,
    "post_followup_step": Call.FOLLOWUP_STEP,
    "rating_changes": Call.READ_RATINGS,
    "rating_reasons": Call.RATING_REASONS,
}
BLOB = MINIMAL_PDF  # attached to the case, so the reviewer of its department may read it
DEPARTMENT = "市场监督管理局"  # the reviewer's, and the food licence's


def test_the_shared_table_is_the_contracts() -> None:
    for name, call in CALLS.items():
        assert {str(r) for r in Role if may_call([r], call)} == CONTRACT[name], name
    assert set(POSTABLE_EVENTS) == {name for name in CONTRACT if name not in CALLS}
    for event in POSTABLE_EVENTS:
        assert {str(role) for role in EVENT_ROLES[event]} == CONTRACT[event], event


def _event(accept: dict[str, Any], name: str, by: str) -> dict[str, Any]:
    """``name`` on the accepted case, naming the reviewer's department (their own share)."""
    body = copy.deepcopy(accept)
    body["event"].update(uuid=str(uuid.uuid4()), event=name, by=by, from_state="accepted")
    body["event"]["payload"] = {"department": DEPARTMENT}
    body["event"]["to_state"] = body["case"]["state"] = "accepted"
    return body


def _calls(client: Client, submit: dict[str, Any], accept: dict[str, Any]) -> dict[str, Any]:
    """Each call of the table made by ``client``: name → the reply."""
    case_uuid = submit["case"]["uuid"]
    own_submit = copy.deepcopy(submit)
    own_submit["event"]["by"] = client.username
    blob = f"/blobs/{sha256(BLOB)}"
    replies: dict[str, requests.Response] = {
        "catalog": client.get("/catalog"),
        "put_case": client.put_case(own_submit),
        "get_case": client.get(f"/cases/{case_uuid}"),
        "list_cases": client.get("/cases"),
        "changes": client.get("/changes"),
        "head_blob": client.head(blob),
        "patch_blob": client.upload(BLOB),
        "get_blob": client.get(blob),
        # The role is checked before the body: an allowed role gets 422 for an empty one.
        "put_contact": client.put(f"/contacts/{uuid.uuid4()}", json={"contact": {}}),
        "put_rating": client.put(f"/ratings/{uuid.uuid4()}", json={"rating": {}}),
        "post_followup_step": client.post(f"/followups/{uuid.uuid4()}/steps", json={"step": {}}),
        "rating_changes": client.get("/ratings/changes"),
        "rating_reasons": client.get("/rating-reasons"),
    }
    for event in POSTABLE_EVENTS:
        replies[event] = client.post_event(_event(accept, event, client.username))
    return replies


@both_backends
def test_every_role_gets_403_exactly_for_the_calls_it_may_not_make(
    sandbox_server: SandboxProcess, demo_desk: Desk, tmp_path: Path
) -> None:
    case = make_case(demo_desk, clock=Clock(MONDAY), attach=write_pdf(tmp_path), accept_by=CLERK)
    _case, submit, accept = bodies_of(demo_desk, case)
    clerk = sign_in(sandbox_server.url, "clerk")
    assert clerk.upload(BLOB).status_code == 204
    assert clerk.put_case(submit).status_code == 201
    assert clerk.post_event(accept).status_code == 201

    refused: dict[str, set[str]] = {name: set() for name in CONTRACT}
    for role, username in USER.items():
        client = sign_in(sandbox_server.url, username)
        for name, reply in _calls(client, submit, accept).items():
            assert reply.status_code < 500, (role, name, reply.text)
            if reply.status_code == 403:
                assert (
                    reply.request.method == "HEAD" or reply.json()["error"]["code"] == "forbidden"
                )
                refused[name].add(role)
    assert refused == {name: set(USER) - allowed for name, allowed in CONTRACT.items()}
