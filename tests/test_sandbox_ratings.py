"""好差评 on a real platform process, over HTTP: contacts and ratings stored once, every field a
hostile desk could bend refused by name, the 差评 follow-up by the rule book and by department,
the rater seen only by those handling a 差评, the ratings feed with its own cursor, and the
reasons list by version. Bodies are what a demo desk queued (:mod:`rating_bodies`); a refused
body is the honest one with one thing wrong.
"""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta
from typing import Any

from platform_fixtures import SandboxProcess, both_backends
from rating_bodies import (
    MORNING,
    error,
    feed,
    fields,
    post_step,
    pushed,
    put_case,
    put_contact,
    put_rating,
    serve,
    step,
)
from sandbox_client import sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import DEFAULT_REASONS, RatingLevel

POOR = RatingLevel.VERY_DISSATISFIED


def _changed(body: dict[str, Any], key: str, **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    changed[key].update(changes)
    return changed


@both_backends
def test_a_contact_and_its_rating_are_stored_once_and_fed_in_order(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    served = serve(demo_desk, 61, RatingLevel.SATISFIED, ["G01", "G02"], "很快")
    clerk = put_case(sandbox_server.url, served)
    contact, rating = served.contact, served.rating_body()

    assert put_contact(clerk, contact).status_code == 201
    again = put_contact(clerk, contact)
    assert again.status_code == 200 and again.json() == {"contact": contact["contact"]}
    moved = _changed(contact, "contact", window_number=9)
    assert "服务记录" in error(put_contact(clerk, moved), 409)["message"]

    reply = put_rating(clerk, rating)
    assert reply.status_code == 201, reply.text
    assert reply.json()["rating"]["level_code"] == 2
    assert put_rating(clerk, rating).status_code == 200
    assert put_rating(clerk, _changed(rating, "rating", comment="改了")).status_code == 409
    second = _changed(rating, "rating", uuid=str(uuid.uuid4()))
    assert "一次一评" in error(put_rating(clerk, second), 409)["message"]

    supervisor = sign_in(sandbox_server.url, "supervisor")
    whole = feed(supervisor)
    assert [(c["seq"], c["kind"]) for c in whole["changes"]] == [(1, "contact"), (2, "rating")]
    assert whole["changes"][0]["contact"] == contact["contact"]
    fed = whole["changes"][1]["rating"]
    assert "level" not in fed and (fed["level_code"], fed["origin"]) == (2, "active")
    assert [r["code"] for r in fed["reasons"]] == ["G01", "G02"]
    assert (fed["rater_name"], fed["comment"]) == ("李娜", "很快")
    assert (whole["last_seq"], whole["more"]) == (2, False)
    page = feed(supervisor, after=0, limit=1)
    assert ([c["seq"] for c in page["changes"]], page["last_seq"], page["more"]) == ([1], 1, True)
    rest = feed(supervisor, after=1)
    assert ([c["seq"] for c in rest["changes"]], rest["more"]) == ([2], False)
    assert feed(supervisor, after=2) == {"changes": [], "last_seq": 2, "more": False}

    # The clerk reads the centre's feed without the rater; a reviewer of another department
    # reads none of it, one of the rating's department all of it.
    by_clerk = feed(clerk)["changes"][1]["rating"]
    assert (by_clerk["rater_name"], by_clerk["rater_phone"]) == ("", "")
    assert feed(sign_in(sandbox_server.url, "police"))["changes"] == []
    assert [c["kind"] for c in feed(sign_in(sandbox_server.url, "reviewer"))["changes"]] == [
        "contact",
        "rating",
    ]


def test_a_contact_must_follow_its_own_clerks_decision_on_a_case_of_the_centre(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    served = serve(demo_desk, 62)
    clerk = put_case(sandbox_server.url, served)
    body = served.contact
    supervisor = sign_in(sandbox_server.url, "supervisor")

    assert error(put_contact(sign_in(sandbox_server.url, "reviewer"), body), 403)["message"]
    assert error(put_contact(supervisor, body), 403)["code"] == "forbidden"  # staff is clerk
    as_supervisor = _changed(body, "contact", staff="supervisor")
    assert fields(put_contact(supervisor, as_supervisor)) == {"contact.event_uuid"}
    refused = {
        "contact.case_no": {"case_no": "340100000000000000000X"},
        "contact.department": {"department": "公安局"},
        "contact.event_uuid": {"event_uuid": served.submit["event"]["uuid"]},
        "contact.expires_at": {"expires_at": (MORNING + timedelta(hours=2)).isoformat()},
        "contact.opened_at": {"opened_at": (MORNING - timedelta(minutes=1)).isoformat()},
        "contact.seq": {"seq": 0},
        "contact.kind": {"kind": "visit"},
        "contact.window_number": {"window_number": "3"},
        "contact.level": {"level": "非常满意"},
    }
    for field, changes in refused.items():
        reply = put_contact(clerk, _changed(body, "contact", **changes))
        assert fields(reply) == {field}, (field, reply.text)
    handover = _changed(body, "contact", kind="handover")
    assert fields(put_contact(clerk, handover)) == {"contact.event_uuid"}
    elsewhere = _changed(body, "contact", case_uuid=str(uuid.uuid4()))
    assert fields(put_contact(clerk, elsewhere)) == {"contact.case_uuid"}
    other_path = clerk.put(f"/contacts/{uuid.uuid4()}", json=body)
    assert fields(other_path) == {"contact.uuid"}
    ahead = (datetime.now() + timedelta(hours=1)).isoformat(timespec="seconds")
    future = _changed(body, "contact", opened_at=ahead)
    assert "contact.opened_at" in fields(put_contact(clerk, future))

    padded = _changed(body, "contact", staff_name="名" * 300_000)
    assert error(put_contact(clerk, padded), 413)["code"] == "too_large"

    assert put_contact(clerk, body).status_code == 201
    same_seq = _changed(body, "contact", uuid=str(uuid.uuid4()))
    assert "第1次评价" in error(put_contact(clerk, same_seq), 409)["message"]
    same_event = _changed(same_seq, "contact", seq=2)
    assert "事件" in error(put_contact(clerk, same_event), 409)["message"]
    assert [c["kind"] for c in feed(supervisor)["changes"]] == ["contact"]


def test_a_rating_must_be_its_contacts_and_the_visitors(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    served = serve(demo_desk, 63, RatingLevel.SATISFIED, ["G01"], "好")
    clerk = put_case(sandbox_server.url, served)
    assert put_contact(clerk, served.contact).status_code == 201
    body = served.rating_body()
    supervisor = sign_in(sandbox_server.url, "supervisor")

    assert error(put_rating(sign_in(sandbox_server.url, "reviewer"), body), 403)
    assert "工作人员" in error(put_rating(supervisor, body), 403)["message"]
    late = (MORNING + timedelta(minutes=10)).isoformat()
    refused = {
        "rating.case_uuid": {"case_uuid": str(uuid.uuid4())},
        "rating.case_no": {"case_no": "X"},
        "rating.contact": {"contact": "handover"},
        "rating.seq": {"seq": 2},
        "rating.staff": {"staff": "output"},
        "rating.staff_name": {"staff_name": "别人"},
        "rating.window_number": {"window_number": 8},
        "rating.department": {"department": "公安局"},
        "rating.origin": {"origin": "default"},
        "rating.channel": {"channel": "网站"},
        "rating.rated_at": {"rated_at": late},
        "rating.level_code": {"level_code": 6},
        "rating.reasons_version": {"reasons_version": 9},
        "rating.reasons[0].code": {"reasons": [{"code": "P01", "text": "等候时间过长"}]},
        "rating.reasons[0].text": {"reasons": [{"code": "G01", "text": "别的话"}]},
        "rating.reasons": {"reasons": [{"code": "G01", "text": "办事效率高"}] * 11},
        "rating.comment": {"comment": "长" * 501},
        "rating.struck": {"struck": False},
        "rating.level": {"level": "满意"},
        "rating.contact_uuid": {"contact_uuid": str(uuid.uuid4())},
    }
    for field, changes in refused.items():
        reply = put_rating(clerk, _changed(body, "rating", **changes))
        assert field in fields(reply), (field, reply.text)
    for code in (0, "2", True, 2.5):
        reply = put_rating(clerk, _changed(body, "rating", level_code=code))
        assert fields(reply) == {"rating.level_code"}, (code, reply.text)
    other_path = clerk.put(f"/ratings/{uuid.uuid4()}", json=body)
    assert fields(other_path) == {"rating.uuid"}
    assert feed(supervisor)["last_seq"] == 1  # the contact only

    assert put_rating(clerk, body).status_code == 201


def test_a_poor_rating_is_followed_up_by_its_department_and_the_rules(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    good = serve(demo_desk, 64, RatingLevel.VERY_SATISFIED, ["G02"])
    poor = serve(demo_desk, 65, POOR, ["P01", "P02"], "等了一个小时")
    url = sandbox_server.url
    pushed(url, good)
    pushed(url, poor)
    rating_uuid = poor.rating_body()["rating"]["uuid"]
    reviewer, police = sign_in(url, "reviewer"), sign_in(url, "police")
    supervisor, clerk = sign_in(url, "supervisor"), sign_in(url, "clerk")

    verify = step(rating_uuid, "verify", "police", {"finding": "true"})
    assert "负责" in error(post_step(police, verify), 403)["message"]
    assert error(post_step(clerk, step(rating_uuid, "verify", "clerk", {"finding": "true"})), 403)
    assert feed(police)["changes"] == []
    assert error(post_step(reviewer, verify), 403)["message"]  # by someone else
    rectify = step(rating_uuid, "rectify", "reviewer", {"notes": "加派人手"})
    assert error(post_step(reviewer, rectify), 409)["message"]  # not verified yet
    wrong = step(rating_uuid, "verify", "reviewer", {"finding": "maybe"})
    assert fields(post_step(reviewer, wrong)) == {"step.payload.finding"}
    unknown = step(rating_uuid, "verify", "reviewer", {"finding": "true", "mood": "x"})
    assert fields(post_step(reviewer, unknown)) == {"step.payload.mood"}
    append = step(rating_uuid, "append", "supervisor", {"text": "我也要说"})
    assert error(post_step(supervisor, append), 403)["message"]
    misplaced = step(rating_uuid, "verify", "reviewer", {"finding": "true"})
    assert error(reviewer.post(f"/followups/{uuid.uuid4()}/steps", json=misplaced), 422)
    nowhere = step(str(uuid.uuid4()), "verify", "reviewer", {"finding": "true"})
    assert error(post_step(reviewer, nowhere), 404)
    good_uuid = good.rating_body()["rating"]["uuid"]
    assert (
        "不是差评"
        in error(
            post_step(reviewer, step(good_uuid, "verify", "reviewer", {"finding": "true"})), 409
        )["message"]
    )
    before = (MORNING - timedelta(days=1)).isoformat()
    early = step(
        rating_uuid, "verify", "reviewer", {"finding": "true"}, datetime.fromisoformat(before)
    )
    assert fields(post_step(reviewer, early)) == {"step.at"}

    verified = step(rating_uuid, "verify", "reviewer", {"finding": "true", "notes": "属实"})
    assert post_step(reviewer, verified).status_code == 201
    assert post_step(reviewer, verified).status_code == 200
    changed = copy.deepcopy(verified)
    changed["step"]["payload"]["notes"] = "不属实"
    assert error(post_step(reviewer, changed), 409)
    appeal = step(rating_uuid, "appeal", "reviewer", {"decision": "strike", "reason": "恶意"})
    assert error(post_step(reviewer, appeal), 403)  # a supervisor's step
    for kind, payload in (
        ("rectify", {"notes": "加派人手"}),
        ("reply", {"text": "已整改，感谢监督"}),
        ("callback", {"outcome": "satisfied"}),
    ):
        by = "supervisor" if kind == "reply" else "reviewer"
        client = supervisor if by == "supervisor" else reviewer
        reply = post_step(client, step(rating_uuid, kind, by, payload))
        assert reply.status_code == 201, (kind, reply.text)
    again = step(rating_uuid, "rectify", "reviewer", {"notes": "再整改"})
    assert error(post_step(reviewer, again), 409)

    kinds = [c["kind"] for c in feed(reviewer)["changes"]]
    assert kinds == ["contact", "rating", "contact", "rating", "step", "step", "step", "step"]
    fed = [c["rating"] for c in feed(reviewer)["changes"] if c["kind"] == "rating"]
    assert [r["rater_name"] for r in fed] == ["李娜", "李娜"]
    assert [
        r["rater_name"]
        for r in (c["rating"] for c in feed(clerk)["changes"] if c["kind"] == "rating")
    ] == ["", ""]
    steps = [c["step"] for c in feed(supervisor)["changes"] if c["kind"] == "step"]
    assert [s["kind"] for s in steps] == ["verify", "rectify", "reply", "callback"]
    assert steps[0] == verified["step"]


def test_an_appeal_strikes_a_poor_rating_and_nothing_follows(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    poor = serve(demo_desk, 66, RatingLevel.DISSATISFIED, ["P03"])
    pushed(sandbox_server.url, poor)
    rating_uuid = poor.rating_body()["rating"]["uuid"]
    supervisor = sign_in(sandbox_server.url, "supervisor")
    verify = step(rating_uuid, "verify", "supervisor", {"finding": "malicious"})
    assert post_step(supervisor, verify).status_code == 201
    no_reason = step(rating_uuid, "appeal", "supervisor", {"decision": "strike", "reason": " "})
    assert fields(post_step(supervisor, no_reason)) == {"step.payload.reason"}
    strike = step(rating_uuid, "appeal", "supervisor", {"decision": "strike", "reason": "恶意"})
    assert post_step(supervisor, strike).status_code == 201
    rectify = step(rating_uuid, "rectify", "supervisor", {"notes": "x"})
    assert error(post_step(supervisor, rectify), 409)


def test_the_reasons_list_is_published_by_version(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    admin = sign_in(sandbox_server.url, "admin")
    first = admin.get("/rating-reasons").json()
    assert (first["version"], first["code_order"]) == (1, "national")
    assert first["reasons"]["1"] == DEFAULT_REASONS.to_dict()["reasons"]["非常满意"]
    assert first["reasons"]["5"][0] == {"code": "P01", "text": "等候时间过长"}
    assert admin.get("/rating-reasons/1").json() == first
    assert error(admin.get("/rating-reasons/2"), 404)
    assert error(admin.get("/rating-reasons/0"), 422)
    assert (
        sign_in(sandbox_server.url, "clerk")
        .get("/rating-reasons", headers={"Authorization": ""})
        .status_code
        == 401
    )
