"""Desks that sync with the sandbox platform, and the platform seen from outside over HTTP."""

from __future__ import annotations

import copy
import hashlib
import shutil
import uuid
from datetime import date, datetime, timedelta
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
from clerk_desk.domain.review_rules import route_payload
from platform_sandbox.models import ChangeRow, Counter

PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}
OTHER_WINDOW = "another-window"
CALENDAR = WorkCalendar()  # the built-in official calendar, as the platform counts


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
        self, case_uuid: str, event: str, to_state: str, username: str
    ) -> dict[str, Any]:
        """Record ``event`` on the platform as ``username`` would from another window (a
        review or output event with the payload :func:`_payload` gives, applied by the rules)."""
        view = self.case(case_uuid)
        now = datetime.now().replace(microsecond=0)
        at = now.isoformat()
        document = {**view["document"], "state": to_state, "updated_at": at}
        payload: dict[str, Any] = {}
        if event in APPLIED_EVENTS:
            case = Case.from_dict(view["document"])
            payload = _payload(case, CaseEvent(event))
            apply_event(
                case, CaseEvent(event), payload, reason="", at=now, by=username, calendar=CALENDAR
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
                "payload": payload,
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


def _payload(case: Case, event: CaseEvent) -> dict[str, Any]:
    """What a routing clerk or an approving reviewer sends (a licence valid five years)."""
    if event is CaseEvent.ROUTE:
        return route_payload(case, CALENDAR)
    if event is CaseEvent.APPROVE:
        until = date.today() + timedelta(days=5 * 365)
        return {
            "department": case.parts[0].department,
            "result_name": "许可证",
            "result_number": "XK0001",
            "valid_until": until.isoformat(),
        }
    return {}


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
