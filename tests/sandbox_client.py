"""Talking to a live sandbox the way a desk does, with bodies the real desk produced.

Case bodies are never written by hand here: a demo desk runs an intake and its outbox rows
(``{"event": …, "case": …}``) are the request bodies, so the tests prove the platform accepts
exactly what the desk sends.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import requests
from sqlalchemy import select

from clerk_desk.demo import DEMO_ACCOUNTS
from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from local_cache.schema import OutboxRow

API = "/api/v1"
TIMEOUT = 10
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
    """An accepted case with what the desk queued for it: its submit body and accept body."""
    submit, accept = outbox(desk, case.uuid)
    return case, submit, accept
