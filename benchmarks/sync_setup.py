"""What the sync benchmarks share: a fresh sandbox platform process, and demo desks with cases.

The platform runs as ``python -m platform_sandbox serve --port 0`` on a SQLite file in a temp
dir, exactly as the tests and the training mode start it; the address is read from its first
stdout line.
"""

from __future__ import annotations

import json
import random
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import requests

    from clerk_desk.desk import Desk

READY_PREFIX = "clerk-desk sandbox listening on "
FOOD_LICENCE = "000142130101"  # 食品经营许可（新办）
FORM = "食品经营许可申请书"
ATTACHMENT_BYTES = 64 * 1024


def row_author(kind: str, payload: dict[str, Any]) -> str:
    """Who sends an outbox row: the contact's staff member, or the event's author."""
    return str(payload["contact"]["staff"] if kind == "contact" else payload["event"]["by"])


def send_bare(
    http: requests.Session,
    api: str,
    auth: dict[str, str],
    kind: str,
    case_uuid: str,
    payload: dict[str, Any],
) -> requests.Response:
    """One outbox row to its route, as the sync engine sends it, with nothing around it: the
    case's PUT, the service contact's PUT (a decision opens one for the visitor's rating), or
    the event's POST."""
    if kind == "submit":
        return http.put(f"{api}/cases/{case_uuid}", json=payload, headers=auth, timeout=30)
    if kind == "contact":
        contact = payload["contact"]["uuid"]
        return http.put(f"{api}/contacts/{contact}", json=payload, headers=auth, timeout=30)
    return http.post(f"{api}/cases/{case_uuid}/events", json=payload, headers=auth, timeout=30)


@contextmanager
def sandbox(folder: Path) -> Iterator[str]:
    """A fresh platform on ``folder/platform.sqlite``; yields its base URL."""
    from ui.embedded_platform import serve_command

    process = subprocess.Popen(
        serve_command(f"sqlite:///{folder / 'platform.sqlite'}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith(READY_PREFIX):
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        yield line[len(READY_PREFIX) :].strip()
    finally:
        process.terminate()
        process.wait(timeout=30)


def demo_desk(root: Path, window: int) -> Desk:
    """A seeded demo desk with its own desk id and window number (so case numbers of two
    desks never clash on one platform)."""
    from clerk_desk.desk import Desk

    Desk.open(root, demo_mode=True).close()
    config = root / "config.json"
    settings = json.loads(config.read_text(encoding="utf-8"))
    settings.update(desk_id=str(uuid.uuid4()), window_number=window)
    config.write_text(json.dumps(settings), encoding="utf-8")
    return Desk.open(root, demo_mode=True)


def scan_pdf(rng: random.Random, size: int) -> bytes:
    """A valid one-page PDF of ``size`` bytes whose bulk is an unreferenced stream of random
    bytes: a scan as far as the attachment checks and an upload care."""
    head = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    )
    tail = b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    length = size - len(head) - len(tail) - len(b"4 0 obj<</Length 00000>>stream\n")
    stream = b"4 0 obj<</Length %05d>>stream\n" % length
    return head + stream + rng.randbytes(length) + tail


def accept_cases_with_attachments(desk: Desk, count: int, files: Path, seed: int) -> None:
    """``count`` food-licence cases accepted at the window, each with a scanned application
    form of its own (a 64 KiB PDF), as a clerk takes them."""
    from clerk_desk.domain.case import Applicant, MaterialMark
    from clerk_desk.domain.identity import make_id_number
    from clerk_desk.services.intake import IntakeService

    rng = random.Random(seed)
    now = datetime.now().replace(microsecond=0)
    service = IntakeService(desk.database, desk.catalog, desk.settings, lambda: now)
    files.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        case = service.create_draft([FOOD_LICENCE], "clerk")
        case.applicant = Applicant(
            name="陈晓梅",
            id_number=make_id_number("340104", date(1990, 5, 1), number % 900 + 1),
            phone="13912345678",
        )
        case.answers = {"applicant": "self", "procedure": "general"}
        service.refresh_materials(case)
        for material in case.materials:
            material.mark = MaterialMark.RECEIVED
        scan = files / f"{uuid.uuid4().hex}.pdf"
        scan.write_bytes(scan_pdf(rng, ATTACHMENT_BYTES))
        service.attach_file(case, FORM, scan)
        service.save_draft(case)
        service.accept(case, "clerk")
        now += timedelta(seconds=1)
