"""The GUI thread's longest stall while the window's sync controller runs a 1,000-case sync.

A demo desk holds about a thousand decided cases (``make_demo_cases``: two outbox rows each,
drafts stay local) and syncs with a fresh sandbox platform through
:class:`ui.sync_controller.SyncController`, the way the window does on "sync now": the pass
pushes every row, pulls the changes it caused and checks the catalog on the network thread.
Meanwhile a 5 ms ``QTimer`` on the GUI thread measures how late each tick comes: the longest
lateness is the longest time the window could not have answered the clerk. The baseline is
the same probe for two seconds before the sync, with the event loop idle. It runs in a
child process (this file as a script) on the offscreen platform.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from report import Result, Target
from sync_setup import demo_desk, sandbox

HERE = Path(__file__).resolve().parent
DEMO_CASES = 1090  # about 8 % stay drafts: some 1,000 cases to sync
TICK_MS = 5
IDLE_MS = 2000
NAME = "GUI thread's longest stall during a 1,000-case sync"


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from clerk_desk.services.demo_data import make_demo_cases
    from local_cache.schema import CaseRecord
    from ui.desk_worker import DeskWorker
    from ui.sync_controller import SyncController

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk = demo_desk(folder / "desk", window=1)
        make_demo_cases(desk, DEMO_CASES, days=5, seed=11)
        with desk.database.read() as session:
            cases = session.scalar(
                select(func.count()).select_from(CaseRecord).where(CaseRecord.state != "draft")
            )
        with sandbox(folder) as url:
            desk.settings.override("platform_url", url)
            worker = DeskWorker.for_desk(desk)
            controller = SyncController(worker)
            gc.freeze()  # as ui.session.Session does once the main window is up
            late: list[float] = []
            last = [time.perf_counter()]

            def tick() -> None:
                now = time.perf_counter()
                late.append(max(0.0, now - last[0] - TICK_MS / 1000))
                last[0] = now

            probe = QTimer()
            probe.setTimerType(Qt.TimerType.PreciseTimer)
            probe.timeout.connect(tick)
            idle = QEventLoop()
            QTimer.singleShot(IDLE_MS, idle.quit)
            probe.start(TICK_MS)
            idle.exec()  # the baseline: the same probe with nothing else running
            idle_late, late[:] = list(late), []
            loop = QEventLoop()
            controller.busyChanged.connect(lambda busy: None if busy else loop.quit())
            last[0] = time.perf_counter()
            started = time.perf_counter()
            controller.sync_now()
            loop.exec()
            seconds = time.perf_counter() - started
            probe.stop()
            status = controller.status
            controller.shutdown()
            worker.shutdown()
    app.quit()
    if status is None or status.pending or status.refused:
        raise RuntimeError(f"the sync did not finish: {status}")
    return {
        "cases": cases,
        "seconds": seconds,
        "ticks": len(late),
        "max_ms": max(late) * 1000,
        "idle_max_ms": max(idle_late) * 1000,
        "p99_ms": statistics.quantiles(late, n=100)[98] * 1000,
        "over_20ms": sum(1 for value in late if value > 0.02),
    }


def run() -> list[Result]:
    helper = subprocess.run(
        [sys.executable, __file__],
        capture_output=True,
        text=True,
        cwd=HERE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if helper.returncode:
        reason = (helper.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"sync GUI benchmark not available: {reason}")
        return [Result(NAME, "ms", None, note=reason)]
    measured = json.loads(helper.stdout.strip().splitlines()[-1])
    print(
        f"{measured['cases']} cases synced in {measured['seconds']:.1f}s; "
        f"{measured['ticks']} probe ticks, longest stall {measured['max_ms']:.1f} ms, "
        f"99th percentile {measured['p99_ms']:.1f} ms, "
        f"{measured['over_20ms']} ticks over 20 ms late"
    )
    return [
        Result(
            NAME,
            "ms",
            measured["max_ms"],
            baseline=measured["idle_max_ms"],
            baseline_name="the same probe, idle event loop",
            target=Target(50),
            note=f"{measured['cases']} cases in {measured['seconds']:.0f} s; "
            f"p99 {measured['p99_ms']:.1f} ms",
        )
    ]


if __name__ == "__main__":
    print(json.dumps(measure()))
