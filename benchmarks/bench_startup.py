"""Start-up to the sign-in window: wall time and peak memory against a bare QMainWindow.

Both programs are started the same way (a fresh interpreter, offscreen Qt) and quit as soon
as their first window is exposed; the app does so because ``CLERK_DESK_QUIT_WHEN=shown``.
The app opens its database behind the sign-in window once that is on screen, so a third
series (``CLERK_DESK_QUIT_WHEN=ready``) measures until the desk is open and sign-in can run.
Peak memory is each child's own ``ru_maxrss`` from ``os.wait4`` (POSIX only). Linux counts in
it the image the child was forked from before ``exec``, so the runs are started from a small
helper process (this file run as a script), never from the runner, which may hold a
20,000-item catalog by then.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from report import Result, Target

RUNS = 5
TIMEOUT_S = 60.0
HERE = Path(__file__).resolve().parent
BARE = [sys.executable, str(HERE / "bare_window.py")]
ENVIRONMENT = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
TIME_NAME = f"Start-up to sign-in window (median of {RUNS})"
MEMORY_NAME = f"Peak memory at start-up (median of {RUNS})"
READY_NAME = f"Start-up until the desk is open behind it (median of {RUNS})"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    exit_code: int
    log: str


def launch(args: list[str], log_path: Path, quit_when: str = "shown") -> Run:
    """Start ``args``, wait for it to exit (killing it after TIMEOUT_S), measure it."""
    to_log = (os.POSIX_SPAWN_OPEN, 1, str(log_path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    errors_too = (os.POSIX_SPAWN_DUP2, 1, 2)
    started = time.perf_counter()
    environment = {**ENVIRONMENT, "CLERK_DESK_QUIT_WHEN": quit_when}
    pid = os.posix_spawn(args[0], args, environment, file_actions=[to_log, errors_too])
    killer = threading.Timer(TIMEOUT_S, os.kill, (pid, signal.SIGKILL))
    killer.start()
    try:
        _, status, usage = os.wait4(pid, 0)
    finally:
        killer.cancel()
    seconds = time.perf_counter() - started
    log = log_path.read_text(encoding="utf-8", errors="replace")
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), log)


def failure(run: Run) -> str | None:
    if run.exit_code == 0:
        return None
    if run.exit_code == -signal.SIGKILL:
        return f"did not quit within {TIMEOUT_S:.0f} s of starting"
    last_line = run.log.strip().splitlines()[-1:] or ["no output"]
    return f"exit code {run.exit_code}: {last_line[0]}"


def measure() -> dict[str, object]:
    """Warm-up (the first demo start seeds its database), then app and bare alternately."""
    with tempfile.TemporaryDirectory() as tmp:
        app = [sys.executable, "-m", "ui.launcher", "--demo", "--data-dir", f"{tmp}/desk"]
        log = Path(tmp) / "run.log"
        runs: dict[str, list[Run]] = {"app": [], "bare": [], "ready": []}
        # The warm-up waits for the desk, so the one-time demo seeding is not measured.
        for args, quit_when in ((app, "ready"), (BARE, "shown")):
            problem = failure(launch(args, log, quit_when))
            if problem is not None:
                return {"problem": problem}
        for _ in range(RUNS):
            runs["bare"].append(launch(BARE, log))
            runs["app"].append(launch(app, log))
            runs["ready"].append(launch(app, log, quit_when="ready"))
    every_run = [r for series in runs.values() for r in series]
    problem = next(filter(None, map(failure, every_run)), None)
    if problem is not None:
        return {"problem": problem}
    return {label: [asdict(r) for r in measured] for label, measured in runs.items()}


def unavailable(reason: str) -> list[Result]:
    print(f"start-up benchmark not available: {reason}")
    return [
        Result(TIME_NAME, "s", None, note=reason),
        Result(MEMORY_NAME, "MiB", None, note=reason),
    ]


def run() -> list[Result]:
    if importlib.util.find_spec("ui.app") is None:
        return unavailable("the app's window (ui.app) does not exist yet")
    helper = subprocess.run(
        [sys.executable, __file__], capture_output=True, text=True, check=True, cwd=HERE
    )
    measured = json.loads(helper.stdout)
    if "problem" in measured:
        return unavailable(measured["problem"])
    apps = [Run(**r) for r in measured["app"]]
    bares = [Run(**r) for r in measured["bare"]]
    readies = [Run(**r) for r in measured["ready"]]
    for label, runs in (("app", apps), ("bare", bares), ("ready", readies)):
        print(label, " ".join(f"{r.seconds:.2f}s/{r.peak_mib:.0f}MiB" for r in runs))
    baseline = "bare QMainWindow"
    return [
        Result(
            TIME_NAME,
            "s",
            statistics.median(r.seconds for r in apps),
            statistics.median(r.seconds for r in bares),
            baseline,
            Target(2.5, on_ratio=True),
        ),
        Result(
            MEMORY_NAME,
            "MiB",
            statistics.median(r.peak_mib for r in apps),
            statistics.median(r.peak_mib for r in bares),
            baseline,
            Target(2.0, on_ratio=True),
        ),
        Result(
            READY_NAME,
            "s",
            statistics.median(r.seconds for r in readies),
            statistics.median(r.seconds for r in bares),
            baseline,
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(measure()))
