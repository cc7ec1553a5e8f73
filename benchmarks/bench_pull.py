"""Pulling 10,000 changes from a real sandbox platform process through the desk's ``Puller``
(each page applied and the cursor moved in one transaction: cases, their history and their
queue rows written), against a plain ``requests`` loop over the same feed (fetch and parse
the pages, nothing stored) in the same run. The issue sets no target for it: the ratio is
what the desk's transactions, checks and history cost over the bare transfer.

The feed: a case taken in at desk A and sent by A's outbox payloads (submit, accept) gives the
platform's own change rows; its routing (``route``, the parts as ``review_rules`` plans them)
is added as the platform serves it. Those three changes are then repeated under new case
uuids, case numbers and event uuids straight into the platform's database (writing 10,000
changes through the API would take minutes and measure the upload, not the pull).
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
from report import Result
from sync_setup import FOOD_LICENCE, demo_desk, sandbox, send_bare

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

CHANGES = 10_000
ROUNDS = 3
PAGE = 500
WINDOW = 60  # the window number of the cloned cases (no desk here uses it)
NAME = f"Pull {CHANGES:,} changes (Puller, into the desk cache)"


def _token(url: str, desk_id: str, username: str) -> str:
    from clerk_desk.demo import DEMO_ACCOUNTS

    password = next(a.password for a in DEMO_ACCOUNTS if a.username == username)
    reply = requests.post(
        f"{url}/api/v1/auth/token",
        json={"desk_id": desk_id, "username": username, "password": password},
        timeout=30,
    )
    reply.raise_for_status()
    return str(reply.json()["access_token"])


def accept_one(desk: Desk) -> None:
    """A food-licence case taken in at the window, every material received."""
    from clerk_desk.domain.case import Applicant, MaterialMark
    from clerk_desk.domain.identity import make_id_number

    case = desk.intake.create_draft([FOOD_LICENCE], "clerk")
    case.applicant = Applicant(
        name="陈晓梅", id_number=make_id_number("340104", date(1990, 5, 1), 7), phone="13912345678"
    )
    case.answers = {"applicant": "self", "procedure": "general"}
    desk.intake.refresh_materials(case)
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    desk.intake.accept(case, "clerk")


def template_changes(url: str, folder: Path) -> list[dict[str, Any]]:
    """submit and accept of one case sent by desk A, as the platform's feed holds them, and
    its route as the platform will serve it."""
    from local_cache.repositories import sync_repo

    desk = demo_desk(folder / "a", window=1)
    try:
        accept_one(desk)
        desk_id = str(desk.settings.get("desk_id"))
        auth = {"Authorization": f"Bearer {_token(url, desk_id, 'clerk')}"}
        with desk.database.read() as session:
            rows = list(sync_repo.outbox(session))
        for row in rows:
            with requests.Session() as http:
                sent = send_bare(http, f"{url}/api/v1", auth, row.kind, row.case_uuid, row.payload)
            sent.raise_for_status()
    finally:
        desk.close()
    reader = {"Authorization": f"Bearer {_token(url, 'bench', 'supervisor')}"}
    feed = requests.get(f"{url}/api/v1/changes?after=0&limit=10", headers=reader, timeout=30)
    feed.raise_for_status()
    changes: list[dict[str, Any]] = feed.json()["changes"]
    return changes  # submit, accept and the route the acceptance recorded


def fill_feed(db_url: str, template: list[dict[str, Any]]) -> int:
    """The template's changes repeated under new identities until there are ``CHANGES``."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from clerk_desk.domain.case_number import make_case_no
    from platform_sandbox.models import ChangeRow, Counter

    case_uuid = template[0]["case_uuid"]
    case_no = template[0]["case"]["case_no"]
    texts = [json.dumps(change, ensure_ascii=False) for change in template]
    event_uuids = [change["event"]["uuid"] for change in template]
    engine = create_engine(db_url)
    written = 0
    with Session(engine) as session, session.begin():
        counter = session.get(Counter, 1)
        assert counter is not None
        written = counter.value
        sequence = 0
        while written < CHANGES:
            sequence += 1
            new_uuid = str(uuid.uuid4())
            new_no = make_case_no(case_no[:6], date(2026, 9, 28), WINDOW, sequence)
            for text, event_uuid in zip(texts, event_uuids, strict=True):
                if written >= CHANGES:
                    break
                change = json.loads(
                    text.replace(case_uuid, new_uuid)
                    .replace(case_no, new_no)
                    .replace(event_uuid, str(uuid.uuid4()))
                )
                counter.value += 1
                written += 1
                session.add(
                    ChangeRow(
                        seq=counter.value,
                        kind=change["kind"],
                        case_uuid=new_uuid,
                        centre_code=case_no[:6],
                        case_view=change["case"],
                        event=change["event"],
                    )
                )
    engine.dispose()
    return written


def plain_loop(url: str, token: str) -> tuple[float, int]:
    started = time.perf_counter()
    seen, after = 0, 0
    with requests.Session() as http:
        while True:
            reply = http.get(
                f"{url}/api/v1/changes",
                params={"after": after, "limit": PAGE},
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            )
            reply.raise_for_status()
            page = reply.json()
            seen += len(page["changes"])
            after = page["last_seq"]
            if not page["more"]:
                break
    return time.perf_counter() - started, seen


def desk_pull(url: str, root: Path) -> tuple[float, int, int]:
    """A fresh desk pulls the whole feed; seconds, changes applied, queue rows written."""
    from sqlalchemy import func, select

    from clerk_desk.desk import Desk
    from clerk_desk.sync.client import PlatformClient
    from clerk_desk.sync.connection import Connection
    from clerk_desk.sync.pull import Puller
    from clerk_desk.sync.writer import SessionWriter, inline
    from local_cache.schema import CasePartRow

    with Desk.open(root, demo_mode=True) as desk:
        token = _token(url, str(desk.settings.get("desk_id")), "supervisor")
        client = PlatformClient(Connection(url, True, 60.0))
        puller = Puller(
            desk.database,
            SessionWriter(desk.database, lambda: inline),
            client,
            str(desk.settings.get("centre_code")),
            desk.clock,
        )
        started = time.perf_counter()
        applied = puller.run(token)
        seconds = time.perf_counter() - started
        client.close()
        with desk.database.read() as session:
            parts = session.scalar(select(func.count()).select_from(CasePartRow)) or 0
    return seconds, applied, parts


def measure() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with sandbox(folder) as url:
            template = template_changes(url, folder)
            total = fill_feed(f"sqlite:///{folder / 'platform.sqlite'}", template)
            demo_desk(folder / "b-template", window=2).close()
            reader = _token(url, "bench", "supervisor")  # the centre's whole feed
            plain: list[float] = []
            ours: list[float] = []
            for round_number in range(ROUNDS):
                seconds, seen = plain_loop(url, reader)
                assert seen == total, (seen, total)
                plain.append(seconds)
                root = folder / f"b{round_number}"
                shutil.copytree(folder / "b-template", root)
                seconds, applied, parts = desk_pull(url, root)
                assert applied == total, (applied, total)
                assert parts >= total // len(template) - 1, parts
                ours.append(seconds)
    return {"plain": plain, "ours": ours, "changes": total}


def run() -> list[Result]:
    measured = measure()
    ours = statistics.median(measured["ours"])
    plain = statistics.median(measured["plain"])
    print(
        f"{measured['changes']:,} changes: Puller median {ours:.2f} s "
        f"({measured['changes'] / ours:,.0f} changes/s), plain requests loop median "
        f"{plain:.2f} s; ratio {ours / plain:.1f}×"
    )
    return [
        Result(
            NAME,
            "s",
            ours,
            baseline=plain,
            baseline_name="plain requests loop over the same feed",
        )
    ]
