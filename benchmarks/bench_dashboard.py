"""统计 › 今日 refreshed on a desk cache of 1,000,000 cases: how long a refresh takes (asked on the
GUI thread, figures made on the database lane, shown back on the GUI thread), and the GUI
thread's longest stall meanwhile.

The cache is :mod:`report_cache`'s (built once and kept; see ``bench_report``), opened with
the desk's clock at ``DAY`` 16:30, so 今日 is the benchmarked day: 5,000 cases received, the
conclusions and deliveries of earlier cases, some 10,000 open cases with their clocks and the
day's service contacts. The workspace is the window's own
(``ui.stats.workspace.StatsWorkspace``, shown; its first refresh, which imports pyqtgraph,
is not counted); then ``REFRESHES`` refreshes of its 今日 page one after the other, each timed
from ``TodayPage.refresh()`` to its ``refreshed`` signal, while the 5 ms probe of
:mod:`gui_probe` records how late the GUI thread's ticks come. The baseline of the stall is
the same probe in a bare ``QMainWindow``'s idle event loop, in the same process; the refresh's
is ``bench_report``'s raw SQL aggregation of the day, with sqlite3. It runs in a
child process (this file as a script) on the offscreen platform.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from datetime import time as day_time
from pathlib import Path
from typing import Any

from bench_report import RAW_SQL, day_bounds
from bench_search import p95
from gui_probe import LatenessProbe, run_child, stall_result
from report import Result, Target
from report_cache import CASES, DAY, cached_data_dir

REFRESHES = 10
REFRESH_TARGET_MS = 100.0
WAIT_MS = 60_000
CACHE_ENV = "CLERK_DESK_BENCH_CACHE"
DATA_DIR_ENV = "CLERK_DESK_BENCH_REPORT_DIR"
NOW = datetime.combine(DAY, day_time(16, 30))
REFRESH_NAME = f"统计 今日 refresh, {CASES:,} cases (day of 5,000), p95"
STALL_NAME = f"GUI thread's longest stall during {REFRESHES} 今日 refreshes"


def _wait(signal: Any, what: str) -> None:
    """Run the event loop until ``signal`` fires (or fail after ``WAIT_MS``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not fired:
        raise RuntimeError(f"no {what} within {WAIT_MS / 1000:.0f} s")


def _bare_idle() -> list[float]:
    """The probe's lateness in a bare window's idle event loop (the baseline)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    probe = LatenessProbe()
    late = probe.idle_baseline()
    settle = QEventLoop()
    QTimer.singleShot(50, settle.quit)  # a few ticks more, so the probe stops cleanly
    settle.exec()
    probe.stop()
    window.close()
    return late


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from clerk_desk.desk import Desk
    from clerk_desk.domain.roles import Clerk, Role
    from ui.desk_worker import DeskWorker
    from ui.stats.workspace import StatsWorkspace

    app = QApplication([])
    idle_late = _bare_idle()
    desk = Desk.open(Path(os.environ[DATA_DIR_ENV]), clock=lambda: NOW)
    worker = DeskWorker.for_desk(desk)
    clerk = Clerk("supervisor", "值班长", (Role.SUPERVISOR,), "")
    workspace = StatsWorkspace(worker, clerk)
    workspace.resize(1280, 800)
    workspace.show()
    _wait(workspace.refreshed, "first refresh (pyqtgraph loaded)")
    page = workspace.today
    assert page is not None
    gc.freeze()  # as ui.session.Session does once the main window is up
    probe = LatenessProbe()
    probe.idle_baseline()
    times: list[float] = []
    started_all = time.perf_counter()
    for _ in range(REFRESHES):
        started = time.perf_counter()
        page.refresh()
        _wait(page.refreshed, "refresh")
        times.append((time.perf_counter() - started) * 1000)
    seconds = time.perf_counter() - started_all
    lateness = probe.stop()
    raw: list[float] = []
    connection = sqlite3.connect(desk.database.path)
    for _ in range(REFRESHES):
        started = time.perf_counter()
        connection.execute(RAW_SQL, day_bounds()).fetchall()
        raw.append((time.perf_counter() - started) * 1000)
    connection.close()
    workspace.close()
    worker.shutdown()
    desk.close()
    app.quit()
    return {
        "refresh_ms": times,
        "raw_ms": statistics.median(raw),
        "seconds": seconds,
        "idle_max_ms": max(idle_late) * 1000,
        **lateness,
    }


def run() -> list[Result]:
    try:
        import ui.stats.workspace  # noqa: F401 — only whether it is there
    except ImportError:
        reason = "the 统计 workspace (ui.stats) is not on this branch yet"
        print(f"dashboard benchmark not available: {reason}")
        return [Result(REFRESH_NAME, "ms", None, note=reason)]
    cache = os.environ.get(CACHE_ENV)
    os.environ[DATA_DIR_ENV] = str(cached_data_dir(Path(cache) if cache else None))
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"dashboard benchmark not available: {reason}")
        return [Result(REFRESH_NAME, "ms", None, note=reason)]
    refresh = measured["refresh_ms"]
    print(
        f"{REFRESHES} refreshes of 今日: median {statistics.median(refresh):.0f} ms, "
        f"p95 {p95(refresh):.0f} ms, max {max(refresh):.0f} ms; "
        f"{measured['ticks']} probe ticks, longest stall {measured['max_ms']:.1f} ms, "
        f"99th percentile {measured['p99_ms']:.1f} ms, "
        f"{measured['over_20ms']} ticks over 20 ms late"
    )
    return [
        Result(
            REFRESH_NAME,
            "ms",
            p95(refresh),
            baseline=measured["raw_ms"],
            baseline_name="one raw SQL of the day, median",
            target=Target(REFRESH_TARGET_MS),
            note=f"median {statistics.median(refresh):.0f} ms",
        ),
        stall_result(
            STALL_NAME, measured, "the same probe, bare QMainWindow idle", f"{REFRESHES} refreshes"
        ),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(json.dumps(measure()))
