"""A service hall for end-to-end tests: one real sandbox platform process on 127.0.0.1 and
desks of their own data directories, each syncing through its real :class:`SyncEngine`.

The window (desk A) takes cases in and hands results out; the back office (desk B, or several)
reviews them. Every desk runs on the hall's one settable clock, so a test walks the calendar
(pauses of known working days, the §44 clock) without waiting. November 2026 has no public
holiday and ``chinesecalendar`` knows the year, so deadlines in it are never provisional.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from case_factory import Clock
from platform_fixtures import SandboxProcess
from sync_helpers import PASSWORDS, PlatformView

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case, MaterialFile
from clerk_desk.services.work_queue import QueueFilter
from clerk_desk.sync.blob_fetch import fetch_blob
from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.connection import Connection
from clerk_desk.sync.status import PassReport

MONDAY_NOV_2 = datetime(2026, 11, 2, 9, 30)  # a working Monday; no holiday in November 2026
MARKET = "市场监督管理局"
POLICE = "公安局"
EVERYTHING = QueueFilter(item_code=None, state=None, window_number=None)

# An event as every end must hold it: uuid, name, from state, to state, by whom, when.
Agreed = tuple[str, str, str, str, str, str]


@dataclass
class Hall:
    """The platform and the desks that sync with it, on one clock."""

    server: SandboxProcess
    template: Path
    root: Path
    clock: Clock
    desks: list[Desk] = field(default_factory=list)

    @property
    def platform(self) -> PlatformView:
        return PlatformView(self.server.url)

    def desk(self, name: str, *users: str) -> Desk:
        """A desk of its own data directory (id ``desk-<name>``), ``users`` signed in on it in
        this order (the first one with a read role pulls the platform's changes)."""
        root = self.root / name
        shutil.copytree(self.template, root)
        desk = Desk.open(root, demo_mode=True, clock=self.clock)
        desk.settings.override("platform_url", self.server.url)
        desk.settings.override("desk_id", f"desk-{name}")
        self.desks.append(desk)
        for user in users:
            desk.sync.sign_in(user, PASSWORDS[user])
        return desk

    def at(self, when: datetime) -> None:
        self.clock.now = when

    def close(self) -> None:
        for desk in self.desks:
            desk.close()


@contextmanager
def open_hall(server: SandboxProcess, template: Path, root: Path) -> Iterator[Hall]:
    """A hall on ``server`` whose desks are copies of ``template`` under ``root``, at 9:30 on
    Monday 2 November 2026; its desks are closed on the way out."""
    hall = Hall(server, template, root, Clock(MONDAY_NOV_2))
    try:
        yield hall
    finally:
        hall.close()


def record_payment(hall: Hall, case_no: str, amount: str) -> subprocess.CompletedProcess[str]:
    """The payment channel reports a fee paid by payment code: the platform's own
    ``record-payment`` command, run as its own process beside the running server."""
    server = hall.server
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "platform_sandbox",
            "record-payment",
            "--db",
            server.db_url,
            "--blob-dir",
            str(server.blob_dir),
            "--case-no",
            case_no,
            "--amount",
            amount,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def synced(desk: Desk) -> PassReport:
    """One sync pass that must leave nothing pending, refused or failed."""
    report = desk.sync.run_pass()
    status = report.status
    assert (status.pending, status.refused, status.last_error) == (0, 0, ""), (
        status,
        desk.sync.problems(),
    )
    return report


def fetched_page(desk: Desk, user: str, page: MaterialFile) -> bytes:
    """A file this desk does not hold, fetched from the platform's blobs as ``user`` (signed in
    on ``desk``), as the case view's page viewer does."""
    assert not desk.intake.files.exists(page.sha256)
    token = desk.sync.tokens.get(user)
    assert token is not None, f"{user} is not signed in"
    client = PlatformClient(Connection.from_settings(desk.settings))
    try:
        path = fetch_blob(client, token.value, desk.intake.files, page.sha256, page.size)
    finally:
        client.close()
    return path.read_bytes()


def queued(desk: Desk, department: str, today: date) -> list[str]:
    """The case numbers in ``department``'s review queue on ``desk``, as listed."""
    rows = desk.queue.review_queue(department, EVERYTHING, today, 2)
    return [str(row.case_no) for row in rows]


def stored(desk: Desk, case_uuid: str) -> Case:
    case = desk.intake.case(case_uuid)
    assert case is not None, f"{desk.settings.get('desk_id')} does not hold {case_uuid}"
    return case


def desk_history(desk: Desk, case_uuid: str) -> list[Agreed]:
    return [
        (
            event.uuid,
            event.event,
            str(event.from_state),
            str(event.to_state),
            event.by,
            event.at.isoformat(),
        )
        for event in desk.intake.events(case_uuid)
    ]


def platform_history(view: dict[str, Any]) -> list[Agreed]:
    return [
        (
            event["uuid"],
            event["event"],
            event["from_state"],
            event["to_state"],
            event["by"],
            event["at"],
        )
        for event in view["history"]
    ]


def platform_document(view: dict[str, Any]) -> dict[str, Any]:
    return {**view["document"], "state": view["state"]}


def assert_all_agree(hall: Hall, case_uuid: str, *desks: Desk) -> list[Agreed]:
    """The platform and every desk hold the same events (uuid, name, states, by whom, when, in
    order) and the same case document; the events."""
    view = hall.platform.case(case_uuid)
    events = platform_history(view)
    document = platform_document(view)
    for desk in desks:
        name = desk.settings.get("desk_id")
        assert desk_history(desk, case_uuid) == events, name
        held = stored(desk, case_uuid).to_dict()
        differing = {
            key: (held.get(key), document.get(key))
            for key in sorted(held.keys() | document.keys())
            if held.get(key) != document.get(key)
        }
        assert not differing, (name, differing)
    return events


def rating_command(hall: Hall, order: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The platform's own 好差评 command (``append-rating``, ``apply-default-ratings``,
    ``publish-reasons``) as its own process beside the running server, numbering levels in
    ``order`` as the server does."""
    server = hall.server
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "platform_sandbox",
            args[0],
            "--db",
            server.db_url,
            "--blob-dir",
            str(server.blob_dir),
            "--rating-code-order",
            order,
            *args[1:],
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def platform_ratings(hall: Hall, username: str = "supervisor") -> list[dict[str, Any]]:
    """The platform's ratings feed from its start as ``username`` reads it (one page)."""
    reply = hall.platform.get("/ratings/changes?after=0&limit=500", username)
    reply.raise_for_status()
    changes: list[dict[str, Any]] = reply.json()["changes"]
    return changes
