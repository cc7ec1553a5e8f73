"""From a decision at the window to the platform's 201, against the bare requests, same run.

Desk A runs the window's machinery (:class:`ui.desk_worker.DeskWorker` and a started
:class:`ui.sync_controller.SyncController` whose timer is set to 300 s, so the timer never
helps): each round submits a 受理 of a prepared draft as the workspace does and waits until
the controller reports the outbox empty, i.e. until the platform answered 2xx to the case's
PUT and to its accept event. The decision's change notice is what starts the pass.

The baseline is the same two requests sent bare: desk B accepts the same kind of case, and
its two outbox bodies go out with one ``requests.Session`` and a token fetched beforehand.
The ratio is the window's median latency over the bare requests' median; the target is the
issue's "within a couple of seconds". Runs in a child process on the offscreen platform.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui_probe import run_child
from report import Result, Target
from sync_setup import demo_desk, sandbox, send_bare

if TYPE_CHECKING:
    from clerk_desk.desk import Desk
    from clerk_desk.domain.case import Case

ROUNDS = 10
NAME = "Decision at the window → platform 201 (no F5, timer 300 s)"


def ready_drafts(desk: Desk, count: int) -> list[Case]:
    """Drafts with a valid applicant and every material received: 受理 is possible."""
    from datetime import date

    from sync_setup import FOOD_LICENCE

    from clerk_desk.domain.case import Applicant, MaterialMark
    from clerk_desk.domain.identity import make_id_number

    drafts = []
    for number in range(count):
        case = desk.intake.create_draft([FOOD_LICENCE], "clerk")
        case.applicant = Applicant(
            name="陈晓梅",
            id_number=make_id_number("340104", date(1990, 5, 1), number + 1),
            phone="13912345678",
        )
        case.answers = {"applicant": "self", "procedure": "general"}
        desk.intake.refresh_materials(case)
        for material in case.materials:
            material.mark = MaterialMark.RECEIVED
        desk.intake.save_draft(case)
        drafts.append(case)
    return drafts


def window_rounds(desk: Desk, url: str) -> list[float]:
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.desk_worker import DeskWorker
    from ui.sync_controller import SyncController

    desk.settings.override("platform_url", url)
    desk.settings.set("sync_interval_seconds", 300)
    drafts = ready_drafts(desk, ROUNDS)
    worker = DeskWorker.for_desk(desk)
    controller = SyncController(worker)
    loop = QEventLoop()
    done: dict[str, bool] = {}

    def check(*_: object) -> None:
        status = controller.status
        if done.get("decided") and status is not None and status.pending == 0:
            loop.quit()

    def idle(busy: bool) -> None:
        if not busy and not done:
            loop.quit()

    controller.busyChanged.connect(idle)
    controller.start()
    loop.exec()  # the first pass (demo seed data)
    controller.busyChanged.disconnect(idle)
    controller.statusChanged.connect(check)
    give_up = QTimer()  # a lost round ends, and fails the check below
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    latencies = []
    for case in drafts:
        done.clear()
        done["round"] = True
        started = time.perf_counter()
        worker.run(
            lambda d, case=case: d.intake.accept(case, "clerk"),
            lambda _case: done.update(decided=True),
        )
        give_up.start(10_000)
        loop.exec()
        latencies.append(time.perf_counter() - started)
        give_up.stop()
        if controller.status is None or controller.status.pending:
            raise RuntimeError(f"the decision did not reach the platform: {controller.status}")
    controller.shutdown()
    worker.shutdown()
    return latencies


def raw_rounds(desk: Desk, url: str) -> list[float]:
    import requests

    from clerk_desk.demo import DEMO_ACCOUNTS
    from local_cache.repositories import sync_repo

    password = next(a.password for a in DEMO_ACCOUNTS if a.username == "clerk")
    drafts = ready_drafts(desk, ROUNDS)
    api = f"{url}/api/v1"
    latencies = []
    with requests.Session() as http:
        reply = http.post(
            f"{api}/auth/token",
            json={
                "desk_id": desk.settings.get("desk_id"),
                "username": "clerk",
                "password": password,
            },
            timeout=30,
        )
        reply.raise_for_status()
        auth = {"Authorization": f"Bearer {reply.json()['access_token']}"}
        for case in drafts:
            desk.intake.accept(case, "clerk")
            with desk.database.read() as session:
                rows = [row for row in sync_repo.outbox(session) if row.case_uuid == case.uuid]
            started = time.perf_counter()
            for row in rows:
                sent = send_bare(http, api, auth, row.kind, case.uuid, row.payload)
                if not 200 <= sent.status_code < 300:
                    raise RuntimeError(f"{sent.request.method} {sent.url}: {sent.status_code}")
            latencies.append(time.perf_counter() - started)
    return latencies


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window_desk = demo_desk(folder / "window", window=1)
        raw_desk = demo_desk(folder / "raw", window=2)
        with sandbox(folder) as url:
            window = window_rounds(window_desk, url)
            raw = raw_rounds(raw_desk, url)
        raw_desk.close()
    app.quit()
    return {"window": window, "raw": raw}


def run() -> list[Result]:
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"decision sync benchmark not available: {reason}")
        return [Result(NAME, "s", None, note=reason)]
    window = statistics.median(measured["window"])
    raw = statistics.median(measured["raw"])
    print(
        f"{ROUNDS} decisions: window median {window * 1000:.0f} ms "
        f"(max {max(measured['window']) * 1000:.0f} ms), bare requests median "
        f"{raw * 1000:.0f} ms; ratio {window / raw:.1f}×"
    )
    return [
        Result(
            NAME,
            "s",
            window,
            baseline=raw,
            baseline_name="the same PUT and POST sent bare",
            target=Target(2.0),
        )
    ]


if __name__ == "__main__":
    print(json.dumps(measure()))
