"""Upload throughput of the sync engine against a plain ``requests`` loop, same server, same run.

Two demo desks take the same number of food-licence cases, each case with a 64 KiB scanned
form of its own (two outbox rows and one blob per case). On one fresh sandbox platform:

* the baseline: a plain loop over desk B's outbox with one ``requests.Session``: sign in
  each author, then per row HEAD and PATCH the case's new blobs and PUT the case (or POST
  the event); no bookkeeping at all;
* the engine: ``desk.sync.run_pass()`` on desk A. A pass also pulls the changes it caused
  and checks the catalog, which the loop does not; that part is measured on its own (a third,
  empty desk pulling the same changes) and taken off, so both numbers are uploads only.

The ratio is engine time over loop time: ≤ 1.25 means the engine keeps ≥ 80 % of the raw
loop's throughput.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests
from report import Result, Target
from sync_setup import accept_cases_with_attachments, demo_desk, row_author, sandbox, send_bare

CASES = 100
CHUNK = 1 << 20
ROWS_PER_CASE = 4  # submit, accept, the visitor's service contact, route
NAME = f"Upload of {CASES} cases with attachments through the sync engine"


def raw_upload(url: str, root: Path) -> float:
    """The baseline loop over the desk's outbox; seconds taken."""
    from sqlalchemy import select

    from clerk_desk.demo import DEMO_ACCOUNTS
    from clerk_desk.desk import Desk
    from local_cache.schema import OutboxRow

    passwords = {account.username: account.password for account in DEMO_ACCOUNTS}
    with Desk.open(root, demo_mode=True) as desk:
        desk_id = str(desk.settings.get("desk_id"))
        files = desk.intake.files
        with desk.database.read() as session:
            rows = [
                (row.kind, row.case_uuid, dict(row.payload))
                for row in session.scalars(select(OutboxRow).order_by(OutboxRow.id))
            ]
    api = f"{url}/api/v1"
    tokens: dict[str, str] = {}
    uploaded: set[str] = set()
    started = time.perf_counter()
    with requests.Session() as http:
        for kind, case_uuid, body in rows:
            author = row_author(kind, body)
            if author not in tokens:
                reply = http.post(
                    f"{api}/auth/token",
                    json={"desk_id": desk_id, "username": author, "password": passwords[author]},
                    timeout=30,
                )
                _check(reply)
                tokens[author] = reply.json()["access_token"]
            auth = {"Authorization": f"Bearer {tokens[author]}"}
            for sha256 in _blobs(body["case"]) if "case" in body else ():
                if sha256 not in uploaded:
                    _upload(http, api, auth, files.path_for(sha256), sha256)
                    uploaded.add(sha256)
            _check(send_bare(http, api, auth, kind, case_uuid, body))
    return time.perf_counter() - started


def _blobs(case: dict[str, Any]) -> list[str]:
    return [file["sha256"] for material in case["materials"] for file in material["files"]]


def _upload(
    http: requests.Session, api: str, auth: dict[str, str], path: Path, sha256: str
) -> None:
    head = http.head(f"{api}/blobs/{sha256}", headers=auth, timeout=30)
    offset = int(head.headers.get("Upload-Offset", "0")) if head.status_code == 200 else 0
    data = path.read_bytes()
    while offset < len(data):
        headers = {
            **auth,
            "Upload-Offset": str(offset),
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        }
        reply = http.patch(
            f"{api}/blobs/{sha256}", data=data[offset : offset + CHUNK], headers=headers, timeout=30
        )
        _check(reply)
        offset = int(reply.headers["Upload-Offset"])


def _check(reply: requests.Response) -> None:
    if not 200 <= reply.status_code < 300:
        raise RuntimeError(f"{reply.request.method} {reply.url}: {reply.status_code} {reply.text}")


def engine_pass(url: str, root: Path) -> tuple[float, int]:
    """One full pass of the engine; seconds taken and rows pushed."""
    from clerk_desk.desk import Desk

    with Desk.open(root, demo_mode=True) as desk:
        desk.settings.override("platform_url", url)
        started = time.perf_counter()
        report = desk.sync.run_pass()
        seconds = time.perf_counter() - started
    if report.status.pending or report.status.refused:
        raise RuntimeError(f"the engine left work undone: {report.status}")
    return seconds, report.pushed


def measure() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, window in (("engine", 1), ("loop", 2), ("reader", 3)):
            with demo_desk(folder / name, window) as desk:
                if name != "reader":
                    accept_cases_with_attachments(desk, CASES, folder / f"{name}-scans", window)
        with sandbox(folder) as url:
            loop = raw_upload(url, folder / "loop")
            engine, pushed = engine_pass(url, folder / "engine")
            pull_only, _ = engine_pass(url, folder / "reader")
    if pushed != ROWS_PER_CASE * CASES:
        raise RuntimeError(f"the engine pushed {pushed} rows, not {ROWS_PER_CASE * CASES}")
    return {"loop": loop, "engine": engine, "pull_only": pull_only}


def run() -> list[Result]:
    measured = measure()
    engine = max(measured["engine"] - measured["pull_only"], 0.0)
    print(
        f"engine pass {measured['engine']:.2f}s (of which pulling and the catalog "
        f"{measured['pull_only']:.2f}s), raw loop {measured['loop']:.2f}s; "
        f"throughput ratio {measured['loop'] / engine:.2f}"
    )
    return [
        Result(
            NAME,
            "s",
            engine,
            measured["loop"],
            "a plain requests loop doing the same HEAD/PATCH/PUT/POST",
            Target(1.25, on_ratio=True),
            note=f"throughput {measured['loop'] / engine:.2f}× the loop's (target ≥ 0.8×)",
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result)
    sys.exit(0)
