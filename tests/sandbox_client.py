"""Talking to a live sandbox the way a desk does, with bodies the real desk produced.

Case bodies are never written by hand here: a demo desk runs an intake and its outbox rows
(``{"event": …, "case": …}``) are the request bodies, so the tests prove the platform accepts
exactly what the desk sends.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from sqlalchemy import select

from clerk_desk.demo import DEMO_ACCOUNTS
from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import CaseEvent
from local_cache.schema import OutboxRow

API = "/api/v1"
TIMEOUT = 10
DESK = "desk-test"
CALENDAR = WorkCalendar()  # the built-in official calendar, as the platform counts
PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}


@dataclass
class Client:
    """A signed-in caller: ``get``/``put``/… take a path under ``/api/v1``."""

    url: str
    token: str
    username: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return requests.request(
            method, self.url + API + path, headers=headers, timeout=TIMEOUT, **kwargs
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def head(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("HEAD", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def put_case(self, body: dict[str, Any]) -> requests.Response:
        return self.put(f"/cases/{body['case']['uuid']}", json=body)

    def post_event(self, body: dict[str, Any]) -> requests.Response:
        return self.post(f"/cases/{body['case']['uuid']}/events", json=body)

    def upload(self, data: bytes, offset: int = 0, length: int | None = None) -> requests.Response:
        return self.patch(
            f"/blobs/{sha256(data)}",
            data=data[offset:],
            headers={
                "Upload-Offset": str(offset),
                "Upload-Length": str(len(data) if length is None else length),
                "Content-Type": "application/offset+octet-stream",
            },
        )


def sign_in(url: str, username: str = "clerk", desk_id: str = "desk-test") -> Client:
    reply = requests.post(
        url + API + "/auth/token",
        json={"desk_id": desk_id, "username": username, "password": PASSWORDS[username]},
        timeout=TIMEOUT,
    )
    reply.raise_for_status()
    return Client(url, reply.json()["access_token"], username)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def outbox(desk: Desk, case_uuid: str | None = None) -> list[dict[str, Any]]:
    """The desk's outbox payloads, oldest first (of one case, if given)."""
    with desk.database.read() as session:
        query = select(OutboxRow).order_by(OutboxRow.id)
        if case_uuid is not None:
            query = query.where(OutboxRow.case_uuid == case_uuid)
        return [dict(row.payload) for row in session.scalars(query)]


def bodies_of(desk: Desk, case: Case) -> tuple[Case, dict[str, Any], dict[str, Any]]:
    """An accepted case with what the desk queued for it: its submit body and accept body
    (the route queued after them is left out: a test posts the later steps it is about)."""
    submit, accept, *_routed = outbox(desk, case.uuid)
    return case, submit, accept


class Walk:
    """One case walked through its life on a live platform by signed-in demo users; each
    later event's body is built from the case the platform holds, as a desk would."""

    def __init__(self, url: str, submit: dict[str, Any], users: tuple[str, ...] = ()) -> None:
        names = {"clerk", "supervisor", *users}
        self.clients = {name: sign_in(url, name) for name in names}
        self.uuid = submit["case"]["uuid"]
        self.at = datetime.now().replace(microsecond=0)
        reply = self.clients["clerk"].put_case(submit)
        assert reply.status_code == 201, reply.text

    def view(self) -> dict[str, Any]:
        reply = self.clients["supervisor"].get(f"/cases/{self.uuid}")
        assert reply.status_code == 200, reply.text
        return dict(reply.json())

    def _event(self, name: str, view: dict[str, Any], to_state: str, **fields: Any) -> Any:
        self.at += timedelta(minutes=1)
        return {
            "uuid": str(uuid.uuid4()),
            "case_uuid": self.uuid,
            "seq": view["events"] + 1,
            "event": name,
            "from_state": view["state"],
            "to_state": to_state,
            "at": self.at.isoformat(),
            "by": "supervisor",
            "desk_id": DESK,
            "reason": "",
            "payload": {},
            **fields,
        }

    def body(
        self,
        name: str,
        to_state: str,
        payload: dict[str, Any] | None = None,
        reason: str = "",
        **changes: Any,
    ) -> dict[str, Any]:
        """The honest body of an intake event: the stored case with what the event changes."""
        view = self.view()
        event = self._event(name, view, to_state, payload=payload or {}, reason=reason)
        document = {**view["document"], "state": to_state, "updated_at": event["at"], **changes}
        return {"event": event, "case": document}

    def applied(
        self, name: str, payload: dict[str, Any], reason: str = "", by: str = "supervisor"
    ) -> dict[str, Any]:
        """The honest body of a review or output event, the case made by the desk's rules."""
        view = self.view()
        case = Case.from_dict(view["document"])
        event = self._event(name, view, "", payload=payload, reason=reason, by=by)
        target = apply_event(
            case,
            CaseEvent(name),
            copy.deepcopy(payload),
            reason=reason,
            at=self.at,
            by=by,
            calendar=CALENDAR,
        )
        event["to_state"] = str(target)
        return {"event": event, "case": case.to_dict()}

    def case(self) -> Case:
        return Case.from_dict(self.view()["document"])

    def post(self, body: dict[str, Any], client: str = "supervisor") -> requests.Response:
        body = copy.deepcopy(body)
        body["event"]["by"] = client
        return self.clients[client].post_event(body)
