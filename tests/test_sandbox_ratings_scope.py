"""好差评 across the hall's boundaries, on a real platform: the hand-over is the case's second
contact (评价次数 2), rated by the output clerk who served; a desk of another centre neither
reads nor touches this centre's contacts, ratings and follow-ups.
"""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta

import requests
from platform_fixtures import SandboxProcess
from rating_bodies import (
    error,
    feed,
    fields,
    post_step,
    pushed,
    put_contact,
    put_rating,
    serve,
    step,
)
from sandbox_client import API, CALENDAR, TIMEOUT, Client, Walk, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.review_rules import route_payload
from platform_sandbox.auth import hash_password
from platform_sandbox.db import Database
from platform_sandbox.models import Account

LICENCE = {
    "department": "市场监督管理局",
    "result_name": "食品经营许可证",
    "result_number": "JY13401040000003",
    "valid_until": "2031-09-27",
}


def test_the_hand_over_is_the_second_contact_rated_by_the_output_clerk(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    served = serve(demo_desk, 81, RatingLevel.SATISFIED, ["G01"])
    walk = Walk(sandbox_server.url, served.submit, ("output",))
    clerk, output = walk.clients["clerk"], walk.clients["output"]
    assert clerk.post_event(served.accept).status_code == 201
    assert put_contact(clerk, served.contact).status_code == 201
    assert put_rating(clerk, served.rating_body()).status_code == 201
    route = walk.applied("route", route_payload(walk.case(), CALENDAR), by="clerk")
    assert walk.post(route, "clerk").status_code == 201
    assert walk.post(walk.applied("approve", LICENCE)).status_code == 201
    assert walk.post(walk.applied("result_ready", {})).status_code == 201
    collector = {
        "collector_name": "李娜",
        "collector_id_number": walk.case().applicant.id_number,
        "collector_is_agent": False,
    }
    hand_over = walk.applied("hand_over", collector, by="output")
    assert walk.post(hand_over, "output").status_code == 201

    opened = datetime.fromisoformat(hand_over["event"]["at"])
    contact = copy.deepcopy(served.contact)
    contact["contact"].update(
        uuid=str(uuid.uuid4()),
        kind="handover",
        seq=2,
        event_uuid=hand_over["event"]["uuid"],
        staff="output",
        staff_name="李娜",
        staff_no="output",
        opened_at=opened.isoformat(),
        expires_at=(opened + timedelta(minutes=3)).isoformat(),
    )
    # The clerk did not hand it over; the output clerk may not claim the intake decision.
    as_clerk = copy.deepcopy(contact)
    as_clerk["contact"]["staff"] = "clerk"
    assert fields(put_contact(clerk, as_clerk)) == {"contact.event_uuid"}
    as_intake = copy.deepcopy(contact)
    as_intake["contact"]["event_uuid"] = served.accept["event"]["uuid"]
    assert "contact.event_uuid" in fields(put_contact(output, as_intake))
    assert put_contact(output, contact).status_code == 201

    rating = copy.deepcopy(served.rating_body())["rating"]
    rating.update(
        uuid=str(uuid.uuid4()),
        contact_uuid=contact["contact"]["uuid"],
        contact="handover",
        seq=2,
        staff="output",
        staff_name="李娜",
        rated_at=(opened + timedelta(seconds=10)).isoformat(),  # Walk runs minutes ahead
        level_code=1,
        reasons=[{"code": "G04", "text": "一次办成，不用多跑"}],
    )
    assert error(put_rating(clerk, {"rating": rating}), 403)  # not the clerk's contact
    assert put_rating(output, {"rating": rating}).status_code == 201
    fed = feed(output)["changes"]
    assert [(c["kind"], c[c["kind"]]["seq"]) for c in fed] == [
        ("contact", 1),
        ("rating", 1),
        ("contact", 2),
        ("rating", 2),
    ]
    assert fed[3]["rating"]["rater_name"] == ""  # an output clerk handles no 差评


def _elsewhere(url: str, db_url: str) -> Client:
    """A supervisor (and intake clerk) of another centre, signed in."""
    database = Database(db_url)
    try:
        with database.write() as session:
            session.add(
                Account(
                    username="far",
                    password_hash=hash_password("far-away-pw"),
                    display_name="外地值班长",
                    roles="supervisor,intake_clerk",
                    centre_code="340200",
                    department="",
                )
            )
    finally:
        database.dispose()
    reply = requests.post(
        url + API + "/auth/token",
        json={"desk_id": "desk-far", "username": "far", "password": "far-away-pw"},
        timeout=TIMEOUT,
    )
    assert reply.status_code == 200, reply.text
    return Client(url, reply.json()["access_token"], "far")


def test_another_centre_neither_reads_nor_touches_this_centres_ratings(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    poor = serve(demo_desk, 82, RatingLevel.VERY_DISSATISFIED, ["P02"])
    pushed(sandbox_server.url, poor)
    far = _elsewhere(sandbox_server.url, sandbox_server.db_url)
    rating = poor.rating_body()["rating"]

    assert feed(far) == {"changes": [], "last_seq": 0, "more": False}
    verify = step(rating["uuid"], "verify", "far", {"finding": "true"})
    assert error(post_step(far, verify), 404)
    contact = copy.deepcopy(poor.contact)
    contact["contact"].update(uuid=str(uuid.uuid4()), staff="far", seq=2)
    assert fields(put_contact(far, contact)) == {"contact.case_uuid"}
    second = {**rating, "uuid": str(uuid.uuid4()), "staff": "far"}
    assert fields(put_rating(far, {"rating": second})) == {"rating.contact_uuid"}
    assert far.get("/rating-reasons").status_code == 200
    supervisor = sign_in(sandbox_server.url, "supervisor")
    assert [c["kind"] for c in feed(supervisor)["changes"]] == ["contact", "rating"]
