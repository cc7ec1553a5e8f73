"""What the GUI benchmarks share: running in an offscreen child process, and a probe that
measures how late the GUI thread's timer ticks come (the longest lateness is the longest time
the window could not have answered the clerk).

Qt is imported inside the functions: the runner (``run.py``) loads every benchmark module,
and the child process sets ``QT_QPA_PLATFORM`` before Qt starts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from report import Result, Target

TICK_MS = 5
IDLE_MS = 2000


def stall_result(name: str, measured: dict[str, Any], idle_name: str, what: str) -> Result:
    """The longest stall against the same probe on an idle loop, target 50 ms; ``what`` is
    the work done meanwhile ("20 pages"), for the note."""
    return Result(
        name,
        "ms",
        measured["max_ms"],
        baseline=measured["idle_max_ms"],
        baseline_name=idle_name,
        target=Target(50),
        note=f"{what} in {measured['seconds']:.0f} s; p99 {measured['p99_ms']:.1f} ms",
    )


def run_child(script: str) -> tuple[dict[str, Any] | None, str]:
    """Run ``script`` (a benchmark as a script) offscreen; its last stdout line as JSON, or
    None and the last line of its stderr when it failed."""
    helper = subprocess.run(
        [sys.executable, script],
        capture_output=True,
        text=True,
        cwd=Path(script).resolve().parent,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if helper.returncode:
        return None, (helper.stderr.strip().splitlines() or ["no output"])[-1]
    return json.loads(helper.stdout.strip().splitlines()[-1]), ""


class LatenessProbe:
    """A precise ``TICK_MS`` timer on the GUI thread recording how late each tick comes."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self._last - TICK_MS / 1000))
        self._last = now

    def idle_baseline(self) -> list[float]:
        """Start, run the event loop idle for ``IDLE_MS``; the lateness seen meanwhile (the
        baseline). The probe keeps running, with its record cleared."""
        from PySide6.QtCore import QEventLoop, QTimer

        idle = QEventLoop()
        QTimer.singleShot(IDLE_MS, idle.quit)
        self._last = time.perf_counter()
        self._timer.start(TICK_MS)
        idle.exec()
        baseline, self.late = self.late, []
        self._last = time.perf_counter()
        return baseline

    def stop(self) -> dict[str, float]:
        """Stop; the longest and 99th-percentile lateness in ms, and the number of ticks."""
        self._timer.stop()
        return {
            "ticks": len(self.late),
            "max_ms": max(self.late) * 1000,
            "p99_ms": statistics.quantiles(self.late, n=100)[98] * 1000,
            "over_20ms": sum(1 for value in self.late if value > 0.02),
        }
