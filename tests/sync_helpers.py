"""Desks that sync with the sandbox platform, and the platform seen from outside over HTTP."""

from __future__ import annotations

import copy
import hashlib
import shutil
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import requests
from case_factory import Clock
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from clerk_desk.demo import DEMO_ACCOUNTS
from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case
from clerk_desk.domain.case_effects import APPLIED_EVENTS, apply_event
from clerk_desk.domain.case_states import CaseEvent
from platform_sandbox.models import ChangeRow, Counter

PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}
OTHER_WINDOW = "another-window"
# 准予 of the food licence (a licence: its number and validity), by its department.
FOOD_APPROVAL = {
    "department": "市场监督管理局",
    "result_name": "食品经营许可证",
    "result_number": "JY13401000000001",
    "valid_until": "2031-12-31",
}


def platform_desk(root: Path, template: Path, url: str, clock: Clock | None = None) -> Desk:
    """A seeded demo desk of its own (copied from the closed template) syncing with ``url``."""
    shutil.copytree(template, root)
    desk = Desk.open(root, demo_mode=True, clock=clock or datetime.now)
    desk.settings.override("platform_url", url)
    return desk


class PlatformView:
    """The platform over plain HTTP with demo accounts' tokens, as another window would."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._tokens: dict[str, str] = {}

    def token(self, username: str) -> str:
        if username not in self._tokens:
            reply = requests.post(
                f"{self.url}/api/v1/auth/token",
                json={
                    "desk_id": OTHER_WINDOW,
                    "username": username,
                    "password": PASSWORDS[username],
                },
                timeout=10,
            )
            reply.raise_for_status()
            self._tokens[username] = reply.json()["access_token"]
        return self._tokens[username]

    def get(self, path: str, username: str = "supervisor") -> requests.Response:
        return requests.get(
            f"{self.url}/api/v1{path}",
            headers={"Authorization": f"Bearer {self.token(username)}"},
            timeout=10,
        )

    def case(self, case_uuid: str) -> dict[str, Any]:
        reply = self.get(f"/cases/{case_uuid}")
        reply.raise_for_status()
        data: dict[str, Any] = reply.json()
        return data

    def case_count(self) -> int:
        reply = self.get("/cases?limit=500")
        reply.raise_for_status()
        return len(reply.json()["cases"])

    def blob_sha256(self, sha256: str) -> str:
        reply = self.get(f"/blobs/{sha256}")
        reply.raise_for_status()
        return hashlib.sha256(reply.content).hexdigest()

    def post_event(
        self,
        case_uuid: str,
        event: str,
        to_state: str,
        username: str,
        payload: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Record ``event`` on the platform as ``username`` would from another window. A
        review or output event is applied to the platform's document as a desk applies it
        (its state then is what the parts make it)."""
        view = self.case(case_uuid)
        now = datetime.now().replace(microsecond=0)
        at = now.isoformat()
        document = {**view["document"], "state": to_state, "updated_at": at}
        if CaseEvent(event) in APPLIED_EVENTS:
            case = Case.from_dict(view["document"])
            to_state = str(
                apply_event(
                    case,
                    CaseEvent(event),
                    payload or {},
                    reason="",
                    at=now,
                    by=username,
                    calendar=WorkCalendar(),
                )
            )
            document = case.to_dict()
        body = {
            "event": {
                "uuid": str(uuid.uuid4()),
                "case_uuid": case_uuid,
                "seq": view["events"] + 1,
                "event": event,
                "from_state": view["state"],
                "to_state": to_state,
                "at": at,
                "by": username,
                "desk_id": OTHER_WINDOW,
                "reason": "",
                "payload": payload or {},
            },
            "case": document,
        }
        reply = requests.post(
            f"{self.url}/api/v1/cases/{case_uuid}/events",
            json=body,
            headers={"Authorization": f"Bearer {self.token(username)}"},
            timeout=10,
        )
        assert reply.status_code == 201, reply.text
        data: dict[str, Any] = reply.json()
        return data


def serve_changes(db_url: str, changes: list[tuple[dict[str, Any], str]]) -> int:
    """Append ``(case view, event name)`` changes to the platform's feed, as a broken or
    compromised platform would serve them (the sandbox itself refuses such changes); the
    last seq."""
    engine = create_engine(db_url)
    with Session(engine) as session, session.begin():
        counter = session.get(Counter, 1)
        assert counter is not None
        for view, name in changes:
            counter.value += 1
            event = {
                "uuid": str(uuid.uuid4()),
                "case_uuid": view["uuid"],
                "seq": view["events"],
                "event": name,
                "from_state": "accepted",
                "to_state": view["state"],
                "at": datetime.now().replace(microsecond=0).isoformat(),
                "by": "reviewer",
                "desk_id": "elsewhere",
                "reason": "",
                "payload": {},
            }
            session.add(
                ChangeRow(
                    seq=counter.value,
                    kind="event",
                    case_uuid=view["uuid"],
                    centre_code="340100",
                    case_view=view,
                    event=event,
                )
            )
        last = counter.value
    engine.dispose()
    return last


def renumbered(view: dict[str, Any], case_no: str, **changes: Any) -> dict[str, Any]:
    """A copy of a case view under another number (and other ``changes``)."""
    view = copy.deepcopy(view)
    view.update(case_no=case_no, **changes)
    view["document"].update(case_no=case_no)
    return view
