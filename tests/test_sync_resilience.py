"""Sync under a broken network, killed desks, many desks at once, a big file and a wrong clock.

Real parts only: the sandbox platform as a subprocess on 127.0.0.1, desks in their own data
directories, desk processes started and killed with SIGKILL, the fault-injecting proxy of
:mod:`fault_proxy` between them. What the platform holds is read with ``clerk-desk sandbox
stats`` and over its REST API; what the desks hold, from their own databases after their
processes ended. The platform's database is SQLite and, for the runs that lean on it (many
writers, the change feed), also PostgreSQL; the big upload and the kept-alive connection
test HTTP and the blob folder, not the database, so they run on SQLite only.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from case_factory import (
    CLERK,
    FORM,
    MINIMAL_PDF,
    Clock,
    intake_service,
    make_case,
    padded_pdf,
    person,
    tiny_png,
)
from fault_proxy import RANDOM_FAULTS, Fault, FaultPlan, FaultProxy
from platform_fixtures import SandboxProcess, both_backends
from sqlalchemy import func, select
from sync_helpers import FOOD_APPROVAL, PlatformView

from clerk_desk.desk import Desk
from local_cache.repositories.file_refs import referenced_files
from local_cache.schema import CaseEventRow, CaseRecord

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
SYNC_LOOP = HERE / "desk_sync_loop.py"
# The shortest timeout the setting takes (whole seconds): a slow reply costs the desk this.
REQUEST_TIMEOUT_S = 1
# A third of the requests broken. Each slow reply costs a whole timeout, the other faults
# cost nothing but a retry, so slow replies are drawn less often (still a dozen or so).
FAULTS = FaultPlan(
    rate=0.33,
    seed=20261201,
    weights={Fault.REFUSE: 1.0, Fault.DROP: 1.0, Fault.TRUNCATE: 1.0, Fault.SLOW: 0.03},
    slow_seconds=1.6,
)
KILLS = 12
PROCESS_TIMEOUT_S = 300


# Desks ------------------------------------------------------------------------------------


def new_desk(
    template: Path, root: Path, window: int, clock: Callable[[], datetime] | None = None
) -> Desk:
    """A demo desk of its own: copied from the closed seeded template, then given its own
    desk id and window number (case numbers carry the window: two windows never clash)."""
    shutil.copytree(template, root)
    config = root / "config.json"
    settings = json.loads(config.read_text(encoding="utf-8"))
    settings.update(desk_id=str(uuid.uuid4()), window_number=window)
    config.write_text(json.dumps(settings), encoding="utf-8")
    return Desk.open(root, demo_mode=True, clock=clock or datetime.now)


def accept_cases(desk: Desk, count: int, files: Path | None = None) -> None:
    """``count`` food-licence cases accepted at the desk (four outbox rows each: submit,
    accept, its rating contact, route). With ``files``, each has a PDF of its own on its
    application form, and every tenth also the same shop photo, so a blob is referenced by
    many cases but uploaded once."""
    # Taken in over the last ``count`` × 7 seconds: the platform refuses a rating contact
    # opened in its future.
    start = desk.clock().replace(microsecond=0) - timedelta(seconds=7 * count + 60)
    clock = Clock(start)
    service = intake_service(desk, clock)
    photo = None
    if files is not None:
        files.mkdir(parents=True, exist_ok=True)
        photo = files / "门头照片.png"
        photo.write_bytes(tiny_png())
    for number in range(count):
        case = make_case(service, applicant=person(sequence=number % 900 + 1))
        if files is not None and photo is not None:
            pdf = files / f"申请书-{number}.pdf"
            pdf.write_bytes(MINIMAL_PDF + f"%{uuid.uuid4()}\n".encode())
            service.attach_file(case, FORM, pdf)
            if number % 10 == 0:
                service.attach_file(case, FORM, photo)
            service.save_draft(case)
        service.accept(case, CLERK)
        clock.now += timedelta(seconds=7)


@dataclass(frozen=True)
class DeskHolds:
    cases: set[str]  # uuids of the cases past draft
    events: int
    blobs: set[str]  # sha256 the cases refer to


def desk_holds(root: Path) -> DeskHolds:
    with Desk.open(root, demo_mode=True) as desk, desk.database.read() as session:
        cases = set(session.scalars(select(CaseRecord.uuid).where(CaseRecord.state != "draft")))
        events = session.scalar(
            select(func.count())
            .select_from(CaseEventRow)
            .join(CaseRecord, CaseRecord.uuid == CaseEventRow.case_uuid)
            .where(CaseRecord.state != "draft")
        )
        return DeskHolds(cases, int(events or 0), referenced_files(session))


def set_request_timeout(desk: Desk, seconds: int) -> None:
    desk.settings.set("request_timeout_seconds", seconds)
    desk.settings.save()


# Processes --------------------------------------------------------------------------------


def clerk_desk(*args: str) -> list[str]:
    return [sys.executable, "-m", "clerk_desk", *args]


def sync_once(root: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        clerk_desk(
            "--demo", "--data-dir", str(root), "--platform", url, "sync", "--once", "--json"
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sync_until_done(root: Path, url: str, most: int) -> list[dict[str, Any]]:
    """``clerk-desk sync --once`` until it exits 0; the JSON of every run."""
    runs = []
    for _ in range(most):
        process = sync_once(root, url)
        out, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
        assert process.returncode in (0, 1), f"sync --once crashed ({process.returncode}): {err}"
        runs.append(json.loads(out.strip().splitlines()[-1]))
        if process.returncode == 0:
            return runs
    raise AssertionError(f"sync --once did not finish in {most} runs; last: {runs[-1]}")


def platform_stats(sandbox: SandboxProcess) -> dict[str, int]:
    out = subprocess.run(
        clerk_desk(
            "sandbox",
            "stats",
            "--db",
            sandbox.db_url,
            "--blob-dir",
            str(sandbox.blob_dir),
            "--json",
        ),
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_S,
    ).stdout
    stats: dict[str, int] = json.loads(out.strip().splitlines()[-1])
    return stats


def platform_case_uuids(view: PlatformView) -> set[str]:
    found: set[str] = set()
    after: Any = None
    while True:
        query = "/cases?limit=500" + (f"&after={after}" if after is not None else "")
        reply = view.get(query)
        reply.raise_for_status()
        page = reply.json()
        found |= {case["uuid"] for case in page["cases"]}
        after = page["next_after"]
        if after is None:
            return found


def kill_mid_sync(root: Path, proxy: FaultProxy, rng: random.Random) -> bool:
    """Start the desk's sync loop and SIGKILL it once the proxy saw a random number of its
    requests (so it dies mid-pass, between any two steps); False if it finished first."""
    process = subprocess.Popen(
        [sys.executable, str(SYNC_LOOP), str(root), proxy.url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    until = proxy.requests + rng.randint(3, 60)
    deadline = time.monotonic() + PROCESS_TIMEOUT_S
    while proxy.requests < until and process.poll() is None:
        assert time.monotonic() < deadline, "the desk's sync loop made no progress"
        time.sleep(0.002)
    if process.poll() is not None:
        _, err = process.communicate()
        assert process.returncode == 0, f"sync loop failed: {err}"
        return False
    time.sleep(rng.uniform(0, 0.05))
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    return process.returncode == -signal.SIGKILL


# Tests ------------------------------------------------------------------------------------


@both_backends
def test_500_cases_through_broken_network_and_killed_desks(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    root = tmp_path / "desk"
    with new_desk(demo_template, root, window=3) as desk:
        set_request_timeout(desk, REQUEST_TIMEOUT_S)
        accept_cases(desk, 500, tmp_path / "scans")
    rng = random.Random(4)
    with FaultProxy(sandbox_server.url, FAULTS) as proxy:
        kills = sum(kill_mid_sync(root, proxy, rng) for _ in range(KILLS))
        drain = subprocess.run(
            [sys.executable, str(SYNC_LOOP), str(root), proxy.url],
            capture_output=True,
            text=True,
            timeout=PROCESS_TIMEOUT_S,
        )
        assert drain.returncode == 0, drain.stdout + drain.stderr
        runs = sync_until_done(root, proxy.url, most=60)
    assert not proxy.errors
    assert kills >= 10
    counts = proxy.counts
    assert proxy.faults / proxy.requests >= 0.30, (proxy.requests, counts)
    assert all(counts[kind] >= 5 for kind in RANDOM_FAULTS), counts
    assert runs[-1]["pending"] == 0 and runs[-1]["refused"] == 0

    desk = desk_holds(root)
    assert len(desk.cases) == 500
    assert desk.events == 1500  # submit, accept and route: the pull added nothing twice
    assert len(desk.blobs) == 501  # a PDF each and the shared photo
    stats = platform_stats(sandbox_server)
    assert stats == {
        "cases": 500,
        "distinct_case_numbers": 500,
        "events": desk.events,
        "blobs": len(desk.blobs),
        "blobs_verified": len(desk.blobs),
    }
    assert platform_case_uuids(PlatformView(sandbox_server.url)) == desk.cases


@both_backends
def test_twenty_desks_sync_at_once(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    roots = [tmp_path / f"window-{window}" for window in range(1, 21)]
    for window, root in enumerate(roots, start=1):
        with new_desk(demo_template, root, window) as desk:
            accept_cases(desk, 50)
    made = set().union(*(desk_holds(root).cases for root in roots))
    assert len(made) == 1000
    processes = [sync_once(root, sandbox_server.url) for root in roots]
    for root, process in zip(roots, processes, strict=True):
        _, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
        if process.returncode != 0:  # busy platform: the engine retries on its next pass
            assert process.returncode == 1, err
            sync_until_done(root, sandbox_server.url, most=5)
    stats = platform_stats(sandbox_server)
    assert stats["cases"] == stats["distinct_case_numbers"] == 1000
    assert stats["events"] == 3000  # submit, accept and route of each case
    assert platform_case_uuids(PlatformView(sandbox_server.url)) == made


def test_a_20_mb_upload_cut_three_times_resumes_where_the_platform_stopped(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    size = 20_000_000
    cuts = [size // 10, size // 2, size * 9 // 10]
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(padded_pdf(size))
    with FaultProxy(sandbox_server.url, cut_uploads_at=cuts) as proxy:
        with new_desk(demo_template, tmp_path / "desk", window=7) as desk:
            desk.settings.override("platform_url", proxy.url)
            service = intake_service(desk, Clock(datetime.now().replace(microsecond=0)))
            case = make_case(service, attach=big, attach_to=FORM, accept_by=CLERK)
            sha256 = next(f.sha256 for m in case.materials for f in m.files)
            for _ in range(len(cuts) + 1):
                status = desk.sync.run_once()
                if status.pending == 0:
                    break
            assert status.pending == 0 and status.refused == 0, status
        patches = proxy.patches
    assert proxy.counts == {Fault.CUT_UPLOAD: 3}
    resumed_at = [offset for offset, _ in patches if offset in cuts]
    assert resumed_at == cuts  # each new attempt began at what the platform held
    sent = sum(length for _, length in patches)
    assert sent < 1.3 * size, f"{sent} bytes sent for a {size}-byte file"
    view = PlatformView(sandbox_server.url)
    assert view.blob_sha256(sha256) == sha256
    stats = platform_stats(sandbox_server)
    assert stats["blobs"] == stats["blobs_verified"] == 1


@both_backends
@pytest.mark.parametrize("skew", [timedelta(days=1), timedelta(days=-1)], ids=["ahead", "behind"])
def test_a_desk_clock_a_day_wrong_still_pulls_every_change(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess, skew: timedelta
) -> None:
    view = PlatformView(sandbox_server.url)
    wrong_clock = lambda: datetime.now() + skew  # noqa: E731
    with new_desk(demo_template, tmp_path / "skewed", window=5, clock=wrong_clock) as skewed:
        skewed.settings.override("platform_url", sandbox_server.url)
        accept_cases(skewed, 3)
        assert skewed.sync.run_once().pending == 0
        own = sorted(platform_case_uuids(view))
        with new_desk(demo_template, tmp_path / "other", window=6) as other:
            other.settings.override("platform_url", sandbox_server.url)
            accept_cases(other, 2)
            assert other.sync.run_once().pending == 0
        view.post_event(own[0], "approve", "decided", "reviewer", FOOD_APPROVAL)
        view.post_event(own[0], "result_ready", "ready_for_pickup", "reviewer")
        status = skewed.sync.run_once()
        assert status.pending == 0 and status.online, status
        later = [view.post_event(own[2], "approve", "decided", "reviewer", FOOD_APPROVAL)]
        assert skewed.sync.run_once().online
        with skewed.database.read() as session:
            local = {row.uuid: row.state for row in session.scalars(select(CaseRecord))}
            local_events = set(session.scalars(select(CaseEventRow.uuid)))
    on_platform = {case_uuid: view.case(case_uuid) for case_uuid in platform_case_uuids(view)}
    assert len(on_platform) == 5
    assert local == {case_uuid: case["state"] for case_uuid, case in on_platform.items()}
    assert local[own[0]] == "ready_for_pickup"
    assert later[0]["event"]["uuid"] in local_events
    platform_events = {e["uuid"] for case in on_platform.values() for e in case["history"]}
    assert local_events == platform_events


def test_the_platform_answers_on_a_kept_alive_connection_without_a_stall(
    sandbox_server: SandboxProcess,
) -> None:
    """The desk keeps one connection open for a pass. Without TCP_NODELAY on the platform's
    sockets each reply after the first waits ~40 ms for a delayed ACK (Nagle), which makes
    a pass of the sync several times slower than the work it does."""
    url = f"{sandbox_server.url}/api/v1/health"
    with requests.Session() as session:
        session.get(url, timeout=10).raise_for_status()
        started = time.perf_counter()
        for _ in range(20):
            session.get(url, timeout=10).raise_for_status()
        each = (time.perf_counter() - started) / 20
    assert each < 0.02, f"{each * 1000:.0f} ms a request on a kept-alive connection"
