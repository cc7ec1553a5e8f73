"""The GUI thread's longest stall while a 20-page feed arrives in the 受理 workspace.

The clerk's window as the desk builds it (demo desk, 食品经营许可（新办） chosen), the window's
scanner set in 设置 to SANE's ``test`` device, colour, from the feeder, at 600 dpi: the test
device scans an 80×100 mm area, which at 600 dpi gives pages of 1890×2362 pixels, about the
pixel count of an A4 page at 200 dpi (1654×2339). The test
feeder holds ten sheets, so the clerk presses S twice, as with a real feeder refilled once:
20 pages, each scanned and compressed on the device thread and stored on the database thread,
the thumbnails following. Meanwhile a 5 ms ``QTimer`` on the GUI thread records how late each
tick comes; the baseline is the same probe for two seconds with the window idle. Runs in a
child process (this file as a script) on the offscreen platform, with its own SANE config.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from gui_probe import LatenessProbe, run_child, stall_result
from report import Result

HERE = Path(__file__).resolve().parent
FEEDS = 2  # the test feeder holds 10 sheets
FOOD_LICENCE = "000142130101"
NAME = "GUI thread's longest stall during a 20-page colour feed (A4-at-200-dpi-sized pages)"


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from clerk_desk.desk import Desk
    from ui.desk_worker import DeskWorker
    from ui.intake.workspace import IntakeWorkspace
    from ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp, "desk"), demo_mode=True)
        for name, value in (
            ("scan_resolution", 600),
            ("scan_mode", "colour"),
            ("scan_source", "feeder"),
        ):
            desk.settings.set(name, value)
        worker = DeskWorker.for_desk(desk)
        window = MainWindow(worker, desk.accounts.sign_in("clerk", "demo-clerk"), idle_ms=0)
        window.resize(1366, 768)
        window.show()
        workspace = window.findChild(IntakeWorkspace, "workspace.intake")
        assert workspace is not None

        def run_until(done: Any, seconds: float) -> None:
            deadline = time.monotonic() + seconds
            while not done() and time.monotonic() < deadline:
                worker.wait_idle()
                app.processEvents()
            if not done():
                raise RuntimeError("the workspace did not get there in time")

        workspace.add_items([FOOD_LICENCE])
        run_until(lambda: workspace.case is not None and workspace.case.materials, 30)
        gc.collect()
        gc.freeze()  # as ui.session.Session does once the main window is up

        probe = LatenessProbe()
        idle_late = probe.idle_baseline()

        def settled() -> bool:
            return not workspace.capture.busy()

        started = time.perf_counter()
        for _ in range(FEEDS):
            loop = QEventLoop()
            poll = QTimer()
            poll.timeout.connect(lambda loop=loop: loop.quit() if settled() else None)
            workspace.capture.scan(0)
            poll.start(20)
            loop.exec()
            poll.stop()
        seconds = time.perf_counter() - started
        lateness = probe.stop()
        pages = len(workspace.table.materials.materials[0].files)
        window.close()
        worker.shutdown()
        gc.unfreeze()
    app.quit()
    if pages != 10 * FEEDS:
        raise RuntimeError(f"{pages} pages arrived instead of {10 * FEEDS}")
    return {
        "pages": pages,
        "seconds": seconds,
        "idle_max_ms": max(idle_late) * 1000,
        **lateness,
    }


def run() -> list[Result]:
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"scan GUI benchmark not available: {reason}")
        return [Result(NAME, "ms", None, note=reason)]
    print(
        f"{measured['pages']} pages in {measured['seconds']:.1f}s; longest stall "
        f"{measured['max_ms']:.1f} ms (idle {measured['idle_max_ms']:.1f} ms), "
        f"99th percentile {measured['p99_ms']:.1f} ms"
    )
    what = f"{measured['pages']} pages"
    return [stall_result(NAME, measured, "the same probe, idle window", what)]


if __name__ == "__main__":
    print(json.dumps(measure()))
