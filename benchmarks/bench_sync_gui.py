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
import tempfile
import time
from pathlib import Path
from typing import Any

from gui_probe import LatenessProbe, run_child, stall_result
from report import Result
from sync_setup import demo_desk, sandbox

HERE = Path(__file__).resolve().parent
DEMO_CASES = 1090  # about 8 % stay drafts: some 1,000 cases to sync
NAME = "GUI thread's longest stall during a 1,000-case sync"


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop
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
            probe = LatenessProbe()
            idle_late = probe.idle_baseline()
            loop = QEventLoop()
            controller.busyChanged.connect(lambda busy: None if busy else loop.quit())
            started = time.perf_counter()
            controller.sync_now()
            loop.exec()
            seconds = time.perf_counter() - started
            lateness = probe.stop()
            status = controller.status
            controller.shutdown()
            worker.shutdown()
    app.quit()
    if status is None or status.pending or status.refused:
        raise RuntimeError(f"the sync did not finish: {status}")
    return {
        "cases": cases,
        "seconds": seconds,
        "idle_max_ms": max(idle_late) * 1000,
        **lateness,
    }


def run() -> list[Result]:
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"sync GUI benchmark not available: {reason}")
        return [Result(NAME, "ms", None, note=reason)]
    print(
        f"{measured['cases']} cases synced in {measured['seconds']:.1f}s; "
        f"{measured['ticks']} probe ticks, longest stall {measured['max_ms']:.1f} ms, "
        f"99th percentile {measured['p99_ms']:.1f} ms, "
        f"{measured['over_20ms']} ticks over 20 ms late"
    )
    what = f"{measured['cases']} cases"
    return [stall_result(NAME, measured, "the same probe, idle event loop", what)]


if __name__ == "__main__":
    print(json.dumps(measure()))
