"""好差评 bodies as a real desk makes them, for the platform's ratings tests.

A demo desk takes a case in (which opens the intake contact), the visitor presses a level on
the display and submits; the desk's outbox rows (``{"contact": …}``, ``{"rating": …}``) are
the request bodies, the rating's level name mapped to the platform's code as the pusher does.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from case_factory import CLERK, Clock, make_case, person
from platform_fixtures import SandboxProcess
from sandbox_client import Client, outbox, sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import CodeOrder, RatingLevel, level_code
from clerk_desk.services.ratings import RatingService

FOOD = "市场监督管理局"  # the food licence's department: reviewer, reviewer2
MORNING = datetime(2026, 11, 2, 9, 30)  # a Monday, in the platform's past


@dataclass
class Served:
    """One visitor served at the desk: the case's first two bodies, the contact, the rating."""

    submit: dict[str, Any]
    accept: dict[str, Any]
    contact: dict[str, Any]
    rating: dict[str, Any] | None  # the desk's outbox payload (level by name)

    @property
    def contact_uuid(self) -> str:
        return str(self.contact["contact"]["uuid"])

    def rating_body(self, order: CodeOrder | str = CodeOrder.NATIONAL) -> dict[str, Any]:
        assert self.rating is not None
        return wire(self.rating, order)


def wire(payload: dict[str, Any], order: CodeOrder | str) -> dict[str, Any]:
    """The desk's rating payload as it goes on the wire: ``level_code`` instead of the name."""
    rating = copy.deepcopy(payload["rating"])
    level = RatingLevel(rating.pop("level"))
    rating.pop("struck", None)
    rating["level_code"] = level_code(level, order)
    return {"rating": rating}


def serve(
    desk: Desk,
    sequence: int,
    level: RatingLevel | None = None,
    reasons: Sequence[str] = (),
    comment: str = "",
    at: datetime = MORNING,
) -> Served:
    """A food-licence case accepted by the clerk at ``at``; with ``level``, rated by the
    visitor 20 seconds later with ``reasons`` and ``comment``."""
    clock = Clock(at)
    case = make_case(desk, clock=clock, applicant=person(sequence=sequence), accept_by=CLERK)
    ratings = RatingService(desk.database, desk.settings, clock, desk.intake.work_calendar)
    contact = ratings.waiting_contact()
    assert contact is not None and contact.case_uuid == case.uuid
    if level is not None:
        clock.now = at + timedelta(seconds=20)
        ratings.press(contact.uuid, level)
        ratings.submit(contact.uuid, reasons, comment)
    bodies = outbox(desk, case.uuid)
    return Served(
        submit=bodies[0],
        accept=bodies[1],
        contact=next(body for body in bodies if "contact" in body),
        rating=next((body for body in bodies if "rating" in body), None),
    )


def put_case(url: str, served: Served) -> Client:
    """The case and its acceptance on the platform, by the clerk (whose client is returned)."""
    clerk = sign_in(url, "clerk")
    assert clerk.put_case(served.submit).status_code == 201
    reply = clerk.post_event(served.accept)
    assert reply.status_code == 201, reply.text
    return clerk


def put_contact(client: Client, body: dict[str, Any]) -> requests.Response:
    return client.put(f"/contacts/{body['contact']['uuid']}", json=body)


def put_rating(client: Client, body: dict[str, Any]) -> requests.Response:
    return client.put(f"/ratings/{body['rating']['uuid']}", json=body)


def pushed(url: str, served: Served, order: CodeOrder | str = CodeOrder.NATIONAL) -> Client:
    """Case, contact and rating (if any) stored on the platform by the clerk."""
    clerk = put_case(url, served)
    reply = put_contact(clerk, served.contact)
    assert reply.status_code == 201, reply.text
    if served.rating is not None:
        reply = put_rating(clerk, served.rating_body(order))
        assert reply.status_code == 201, reply.text
    return clerk


def step(
    rating_uuid: str, kind: str, by: str, payload: dict[str, Any], at: datetime | None = None
) -> dict[str, Any]:
    return {
        "step": {
            "uuid": str(uuid.uuid4()),
            "rating_uuid": rating_uuid,
            "kind": kind,
            "by": by,
            "at": (at or datetime.now().replace(microsecond=0)).isoformat(),
            "payload": payload,
        }
    }


def post_step(client: Client, body: dict[str, Any]) -> requests.Response:
    return client.post(f"/followups/{body['step']['rating_uuid']}/steps", json=body)


def feed(client: Client, after: int = 0, limit: int = 100) -> dict[str, Any]:
    reply = client.get("/ratings/changes", params={"after": after, "limit": limit})
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def error(reply: requests.Response, status: int) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json()["error"])


def fields(reply: requests.Response) -> set[str]:
    return {problem["field"] for problem in error(reply, 422)["problems"]}


def sandbox_command(sandbox: SandboxProcess, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m platform_sandbox <args>`` on the sandbox's database."""
    command, *rest = args
    storage = ("--db", sandbox.db_url, "--blob-dir", str(sandbox.blob_dir))
    return subprocess.run(
        [sys.executable, "-m", "platform_sandbox", command, *storage, *rest],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
