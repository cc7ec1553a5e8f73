"""The sandbox platform against ``docs/platform-contract.md``, over HTTP on 127.0.0.1.

Every case body is one the real desk produced (its outbox rows), see :mod:`sandbox_client`.
Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import copy
import json
import shutil
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from case_factory import CLERK, MINIMAL_PDF, MONDAY, Clock, make_case, person, write_pdf
from platform_fixtures import SandboxProcess, both_backends
from sandbox_client import API, Client, bodies_of, sha256, sign_in
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from clerk_desk.desk import Desk
from clerk_desk.domain.case_states import CaseEvent, CaseState, TransitionRefused, next_state
from clerk_desk.domain.identity import make_id_number
from clerk_desk.resources import resource_path
from platform_sandbox.auth import hash_password
from platform_sandbox.models import Account

pytestmark = both_backends


def _error(reply: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


def _fields(error: dict[str, Any]) -> set[str]:
    return {problem["field"] for problem in error["problems"]}


def _later_event(body: dict[str, Any], event: str, to_state: str, by: str) -> dict[str, Any]:
    """A copy of ``body`` (an accept) turned into another event by ``by``."""
    later = copy.deepcopy(body)
    later["event"].update(
        uuid=str(uuid.uuid4()),
        event=event,
        from_state=body["event"]["to_state"],
        to_state=to_state,
        by=by,
        seq=body["event"]["seq"] + 1,
    )
    later["case"]["state"] = to_state
    return later


@pytest.fixture
def clerk(sandbox_server: SandboxProcess) -> Client:
    return sign_in(sandbox_server.url, "clerk")


# Health and sign-in -------------------------------------------------------------------------


def test_health_needs_no_token_and_everything_else_does(sandbox_server: SandboxProcess) -> None:
    health = requests.get(sandbox_server.url + API + "/health", timeout=5)
    assert health.json() == {"status": "ok", "version": "1"}
    anonymous = requests.get(sandbox_server.url + API + "/catalog", timeout=5)
    _error(anonymous, 401, "unauthorized")
    bad_token = requests.get(
        sandbox_server.url + API + "/changes",
        headers={"Authorization": "Bearer not-a-token"},
        timeout=5,
    )
    _error(bad_token, 401, "unauthorized")
    _error(requests.get(sandbox_server.url + API + "/nowhere", timeout=5), 404, "not_found")
    _error(
        requests.delete(sandbox_server.url + API + "/health", timeout=5), 405, "method_not_allowed"
    )


def test_sign_in_gives_a_twelve_hour_token_with_roles(sandbox_server: SandboxProcess) -> None:
    url = sandbox_server.url + API + "/auth/token"
    reply = requests.post(
        url, json={"desk_id": "d1", "username": "reviewer", "password": "demo-review"}, timeout=5
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "bearer" and body["username"] == "reviewer"
    assert body["roles"] == ["reviewer"] and body["centre_code"] == "340100"
    lifetime = datetime.fromisoformat(body["expires_at"]) - datetime.now()
    assert timedelta(hours=11, minutes=59) < lifetime <= timedelta(hours=12)

    wrong = requests.post(
        url, json={"desk_id": "d1", "username": "reviewer", "password": "nope-nope"}, timeout=5
    )
    unknown = requests.post(
        url, json={"desk_id": "d1", "username": "nobody", "password": "demo-review"}, timeout=5
    )
    assert _error(wrong, 401, "unauthorized")["message"] == "用户名或密码错误"
    assert _error(unknown, 401, "unauthorized")["message"] == "用户名或密码错误"


def test_text_the_platform_looks_up_by_cannot_hold_nul(
    sandbox_server: SandboxProcess, clerk: Client
) -> None:
    """PostgreSQL's text cannot hold NUL: refused as a bad field on every backend alike."""
    sign_in_reply = requests.post(
        sandbox_server.url + API + "/auth/token",
        json={"desk_id": "d\x00", "username": "cl\x00erk", "password": "demo-clerk"},
        timeout=5,
    )
    assert _fields(_error(sign_in_reply, 422, "invalid")) == {"desk_id", "username"}
    listed = clerk.get("/cases", params={"case_no": "340100\x00"})
    assert _fields(_error(listed, 422, "invalid")) == {"query.case_no"}


# Catalog ----------------------------------------------------------------------------------


def test_catalog_is_versioned_with_an_etag(clerk: Client) -> None:
    demo = json.loads(resource_path("catalog", "demo_catalog.json").read_text(encoding="utf-8"))
    reply = clerk.get("/catalog")
    assert reply.status_code == 200
    catalog = reply.json()
    assert reply.headers["ETag"] == f'"{catalog["version"]}"'
    assert [item["basic_code"] for item in catalog["items"]] == [
        item["basic_code"] for item in demo["items"]
    ]
    unchanged = clerk.get("/catalog", headers={"If-None-Match": reply.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    stale = clerk.get("/catalog", headers={"If-None-Match": '"0000"'})
    assert stale.status_code == 200 and stale.json() == catalog


# Cases ------------------------------------------------------------------------------------


def test_put_case_is_an_idempotent_create(clerk: Client, demo_desk: Desk) -> None:
    case, submit, _accept = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    created = clerk.put_case(submit)
    assert created.status_code == 201, created.text
    reply = created.json()
    assert reply["case"]["case_no"] == case.case_no and reply["case"]["state"] == "received"
    assert reply["case"]["centre_code"] == "340100" and reply["case"]["events"] == 1
    assert reply["event"]["uuid"] == submit["event"]["uuid"] and reply["seq"] >= 1

    again = clerk.put_case(submit)
    assert again.status_code == 200 and again.json() == reply

    changed = copy.deepcopy(submit)
    changed["case"]["notes"] = "另一份内容"
    assert "已存在" in _error(clerk.put_case(changed), 409, "conflict")["message"]


def test_a_case_number_another_case_holds_is_a_conflict(
    clerk: Client, demo_desk: Desk, demo_template: Path, tmp_path: Path
) -> None:
    shutil.copytree(demo_template, tmp_path / "other-desk")
    with Desk.open(tmp_path / "other-desk", demo_mode=True) as other:
        first, submit, _ = bodies_of(
            demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
        )
        second, other_submit, _ = bodies_of(
            other,
            make_case(other, clock=Clock(MONDAY), applicant=person(sequence=14), accept_by=CLERK),
        )
    assert first.case_no == second.case_no and first.uuid != second.uuid
    assert clerk.put_case(submit).status_code == 201
    error = _error(clerk.put_case(other_submit), 409, "conflict")
    assert str(first.case_no) in error["message"]


def test_every_problem_of_a_case_is_named_by_its_field(
    clerk: Client, demo_desk: Desk, tmp_path: Path
) -> None:
    _case, submit, _ = bodies_of(
        demo_desk,
        make_case(demo_desk, clock=Clock(MONDAY), attach=write_pdf(tmp_path), accept_by=CLERK),
    )
    submit["case"]["applicant"]["id_number"] = "34010419900501001X"
    submit["case"]["applicant"]["phone"] = "1381234"
    error = _error(clerk.put_case(submit), 422, "invalid")
    assert _fields(error) == {
        "case.applicant.id_number",
        "case.applicant.phone",
        "case.materials[0].files[0].sha256",
    }
    id_problem = next(p for p in error["problems"] if p["field"] == "case.applicant.id_number")
    assert "校验码" in id_problem["message"]


def test_an_older_residents_number_is_accepted_whatever_its_region_codes_history(
    clerk: Client, demo_desk: Desk
) -> None:
    """The platform checks with the desk's validator: 浦东 310115 (from 1992), born 1955."""
    _case, submit, _ = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    submit["case"]["applicant"]["id_number"] = make_id_number("310115", date(1955, 3, 1), 123)
    created = clerk.put_case(submit)
    assert created.status_code == 201, created.text


def test_a_malformed_case_body_names_each_field(clerk: Client, demo_desk: Desk) -> None:
    _case, submit, _ = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    del submit["case"]["applicant"]["name"]
    submit["event"]["at"] = "yesterday"
    submit["case"]["materials"][0]["copies"] = "two"
    error = _error(clerk.put_case(submit), 422, "invalid")
    assert _fields(error) == {
        "case.applicant.name",
        "event.at",
        "case.materials[0].copies",
    }


def test_cases_are_read_one_by_one_and_by_pages(clerk: Client, demo_desk: Desk) -> None:
    bodies = [
        bodies_of(
            demo_desk,
            make_case(
                demo_desk, clock=Clock(MONDAY), applicant=person(sequence=10 + n), accept_by=CLERK
            ),
        )[1]
        for n in range(3)
    ]
    for body in bodies:
        assert clerk.put_case(body).status_code == 201
    one = clerk.get(f"/cases/{bodies[1]['case']['uuid']}").json()
    assert one["document"] == bodies[1]["case"]
    assert [event["uuid"] for event in one["history"]] == [bodies[1]["event"]["uuid"]]
    _error(clerk.get(f"/cases/{uuid.uuid4()}"), 404, "not_found")

    first = clerk.get("/cases", params={"limit": 2}).json()
    assert len(first["cases"]) == 2 and first["next_after"] is not None
    rest = clerk.get("/cases", params={"limit": 2, "after": first["next_after"]}).json()
    assert len(rest["cases"]) == 1 and rest["next_after"] is None
    listed = [case["uuid"] for case in first["cases"] + rest["cases"]]
    assert listed == [body["case"]["uuid"] for body in bodies]

    wanted = bodies[2]["case"]["case_no"]
    by_number = clerk.get("/cases", params={"case_no": wanted}).json()["cases"]
    assert [case["case_no"] for case in by_number] == [wanted]
    assert clerk.get("/cases", params={"state": "accepted"}).json()["cases"] == []
    _error(clerk.get("/cases", params={"limit": 501}), 422, "invalid")
    beyond = clerk.get("/cases", params={"after": 2**62}).json()  # a bigint cursor everywhere
    assert beyond == {"cases": [], "next_after": None}


# Events -----------------------------------------------------------------------------------


def test_events_are_stored_once_and_checked_against_the_life_cycle(
    sandbox_server: SandboxProcess, clerk: Client, demo_desk: Desk
) -> None:
    _case, submit, accept = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    assert clerk.put_case(submit).status_code == 201
    stored = clerk.post_event(accept)
    assert stored.status_code == 201, stored.text
    assert stored.json()["case"]["state"] == "accepted"
    assert stored.json()["case"]["events"] == 2

    repeat = clerk.post_event(accept)
    assert repeat.status_code == 200 and repeat.json() == stored.json()

    supervisor = sign_in(sandbox_server.url, "supervisor")
    approve = _later_event(accept, "approve", "decided", "supervisor")
    error = _error(supervisor.post_event(approve), 409, "conflict")
    with pytest.raises(TransitionRefused) as refusal:
        next_state(CaseState.ACCEPTED, CaseEvent.APPROVE)
    assert error["message"] == refusal.value.render("zh_CN")
    assert "已受理" in error["message"]

    stale = _later_event(submit, "accept", "accepted", "clerk")
    assert "状态" in _error(clerk.post_event(stale), 409, "conflict")["message"]
    assert clerk.get(f"/cases/{accept['case']['uuid']}").json()["events"] == 2


def test_a_bad_event_body_says_which_field_and_why(clerk: Client, demo_desk: Desk) -> None:
    _case, submit, accept = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    assert clerk.put_case(submit).status_code == 201
    del accept["event"]["by"]
    accept["event"]["to_state"] = "somewhere"
    error = _error(clerk.post_event(accept), 422, "invalid")
    assert _fields(error) == {"event.by", "event.to_state"}
    assert next(p for p in error["problems"] if p["field"] == "event.by")["message"] == "必填"


def test_an_event_by_someone_else_is_forbidden(clerk: Client, demo_desk: Desk) -> None:
    _case, submit, accept = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    assert clerk.put_case(submit).status_code == 201
    accept["event"]["by"] = "supervisor"
    _error(clerk.post_event(accept), 403, "forbidden")


def test_a_recomputed_deadline_changes_no_state(clerk: Client, demo_desk: Desk) -> None:
    _case, submit, accept = bodies_of(
        demo_desk, make_case(demo_desk, clock=Clock(MONDAY), accept_by=CLERK)
    )
    assert clerk.put_case(submit).status_code == 201
    assert clerk.post_event(accept).status_code == 201
    moved = _later_event(accept, "deadline_recomputed", "accepted", "clerk")
    held = accept["case"]["committed_deadline"]
    moved["event"]["payload"] = {
        "old_deadline": held,
        "new_deadline": "2026-10-13",
        "provisional": False,
    }
    moved["case"]["committed_deadline"] = "2026-10-13"
    moved["case"]["deadline_provisional"] = False
    reply = clerk.post_event(moved)
    assert reply.status_code == 201, reply.text
    assert reply.json()["case"]["state"] == "accepted"
    assert reply.json()["case"]["document"]["committed_deadline"] == "2026-10-13"


# Blobs ------------------------------------------------------------------------------------


def test_blobs_upload_resumably_and_are_verified(
    sandbox_server: SandboxProcess, clerk: Client
) -> None:
    data = bytes(range(256)) * 400
    path = f"/blobs/{sha256(data)}"
    assert clerk.head(path).status_code == 404

    half = len(data) // 2
    first = clerk.patch(
        path,
        data=data[:half],
        headers={
            "Upload-Offset": "0",
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert first.status_code == 204
    assert first.headers["Upload-Offset"] == str(half) and first.headers["Blob-Complete"] == "0"
    held = clerk.head(path)
    assert held.status_code == 200
    assert held.headers["Upload-Offset"] == str(half)
    assert held.headers["Upload-Length"] == str(len(data))
    assert held.headers["Blob-Complete"] == "0"
    _error(clerk.get(path), 404, "not_found")

    wrong = clerk.upload(data, offset=half + 10)
    _error(wrong, 409, "offset_mismatch")
    assert wrong.headers["Upload-Offset"] == str(half)

    rest = clerk.upload(data, offset=half)
    assert rest.status_code == 204 and rest.headers["Blob-Complete"] == "1"
    assert clerk.head(path).headers["Blob-Complete"] == "1"
    assert clerk.get(path).content == data
    assert (sandbox_server.blob_dir / sha256(data)).read_bytes() == data


def test_bytes_that_do_not_match_their_hash_are_discarded(
    sandbox_server: SandboxProcess, clerk: Client
) -> None:
    claimed = sha256(MINIMAL_PDF)
    forged = MINIMAL_PDF.replace(b"595", b"596")
    reply = clerk.patch(
        f"/blobs/{claimed}",
        data=forged,
        headers={
            "Upload-Offset": "0",
            "Upload-Length": str(len(forged)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    _error(reply, 422, "hash_mismatch")
    assert clerk.head(f"/blobs/{claimed}").status_code == 404
    assert list(sandbox_server.blob_dir.iterdir()) == []
    assert clerk.upload(MINIMAL_PDF).status_code == 204


def test_a_blob_over_64_mib_is_refused(clerk: Client) -> None:
    reply = clerk.upload(b"x", length=64 * 1024 * 1024 + 1)
    _error(reply, 413, "too_large")


def test_a_case_with_its_files_uploaded_is_accepted(
    clerk: Client, demo_desk: Desk, tmp_path: Path
) -> None:
    _case, submit, _ = bodies_of(
        demo_desk,
        make_case(demo_desk, clock=Clock(MONDAY), attach=write_pdf(tmp_path), accept_by=CLERK),
    )
    assert clerk.upload(MINIMAL_PDF).status_code == 204
    assert clerk.put_case(submit).status_code == 201


# Changes ----------------------------------------------------------------------------------


def _add_account(sandbox: SandboxProcess, username: str, centre_code: str) -> None:
    engine = create_engine(sandbox.db_url)
    with Session(engine) as session, session.begin():
        session.add(
            Account(
                username=username,
                password_hash=hash_password("elsewhere-1"),
                display_name="外地",
                roles="intake_clerk",
                centre_code=centre_code,
                department="",
            )
        )
    engine.dispose()


def test_changes_come_in_server_order_for_the_centre(
    sandbox_server: SandboxProcess, clerk: Client, demo_desk: Desk
) -> None:
    cases = [
        bodies_of(
            demo_desk,
            make_case(
                demo_desk, clock=Clock(MONDAY), applicant=person(sequence=20 + n), accept_by=CLERK
            ),
        )
        for n in range(2)
    ]
    for _case, submit, accept in cases:
        assert clerk.put_case(submit).status_code == 201
        assert clerk.post_event(accept).status_code == 201

    feed = clerk.get("/changes").json()
    assert [(c["kind"], c["event"]["event"]) for c in feed["changes"]] == [
        ("case_created", "submit"),
        ("event", "accept"),
    ] * 2
    seqs = [change["seq"] for change in feed["changes"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4
    assert feed["last_seq"] == seqs[-1] and feed["more"] is False
    assert feed["changes"][1]["case"]["state"] == "accepted"

    page = clerk.get("/changes", params={"after": seqs[0], "limit": 2}).json()
    assert [c["seq"] for c in page["changes"]] == seqs[1:3] and page["more"] is True
    assert page["last_seq"] == seqs[2]
    nothing = clerk.get("/changes", params={"after": seqs[-1]}).json()
    assert nothing == {"changes": [], "last_seq": seqs[-1], "more": False}

    _add_account(sandbox_server, "elsewhere", "340200")
    reply = requests.post(
        sandbox_server.url + API + "/auth/token",
        json={"desk_id": "far", "username": "elsewhere", "password": "elsewhere-1"},
        timeout=5,
    )
    stranger = Client(sandbox_server.url, reply.json()["access_token"], "elsewhere")
    assert stranger.get("/changes").json() == {"changes": [], "last_seq": 0, "more": False}
    assert stranger.get(f"/cases/{cases[0][0].uuid}").status_code == 404
