"""Training mode's platform: the reference sandbox as a child process on loopback.

A demo desk with no platform configured (and none given with ``--platform``) starts
``python -m platform_sandbox serve`` on a free port, with its database in the demo data dir,
so sync, review and pick-up work out of the box in a training hall. The desk never imports
the sandbox: it starts it and speaks HTTP to it like to the real platform.

Starting waits for the sandbox's first stdout line (its address); that wait runs on the
network thread, before any platform sign-in queued behind it, so a trainee who signs in at
once is signed in to the platform too. If the sandbox does not start, the desk works offline
and the status bar says why.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QCoreApplication

from clerk_desk.home import DeskHome
from clerk_desk.settings import Settings
from ui.sync_controller import SyncController

READY_PREFIX = "clerk-desk sandbox listening on "
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5.0
LOG_NAME = "platform.log"


@dataclass(frozen=True)
class Started:
    url: str  # "" when the sandbox did not start
    error: str  # why not, for the status bar


def serve_command(database_url: str, *extra: str) -> list[str]:
    """The reference platform on a free loopback port (it prints its address first), run by
    this Python; the tests and benchmarks start theirs the same way."""
    return [
        sys.executable,
        "-m",
        "platform_sandbox",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--db",
        database_url,
        *extra,
    ]


class EmbeddedPlatform:
    def __init__(self, folder: Path, rating_code_order: str = "national") -> None:
        self.folder = folder
        # The training platform numbers the 好差评 levels as this desk is set to.
        self.rating_code_order = rating_code_order
        self.process: subprocess.Popen[str] | None = None
        # stop() may come from the GUI thread while start() runs on the network thread.
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.folder / 'platform.sqlite'}"

    def command(self) -> list[str]:
        return serve_command(
            self.database_url,
            "--exit-with-stdin",
            "--rating-code-order",
            self.rating_code_order,
        )

    def start(self) -> Started:
        """Start and wait for the address (blocking: run it on the network thread)."""
        if getattr(sys, "frozen", False):
            # The PyInstaller bundle holds the desk only; its executable is not a Python.
            return Started(
                "",
                QCoreApplication.translate(
                    "EmbeddedPlatform", "the installed desk does not include it; use --platform"
                ),
            )
        log_path = self.folder / LOG_NAME
        with self._lock:
            if self._stopped:
                return Started("", "")
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                with log_path.open("ab") as log:
                    process = subprocess.Popen(
                        self.command(),
                        stdin=subprocess.PIPE,  # its end tells the sandbox we are gone
                        stdout=subprocess.PIPE,
                        stderr=log,
                        text=True,
                        encoding="utf-8",
                    )
            except OSError as error:
                return Started("", str(error))
            self.process = process
        line = _first_line(process)
        if self._stopped:
            return Started("", "")
        if line.startswith(READY_PREFIX):
            return Started(line[len(READY_PREFIX) :].strip(), "")
        self.stop()
        return Started("", self._why_not(line, log_path))

    def _why_not(self, line: str, log_path: Path) -> str:
        if line:
            return QCoreApplication.translate(
                "EmbeddedPlatform", "it said {line!r} instead of its address"
            ).format(line=line.strip())
        lines = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        if lines:
            return lines[-1]
        return QCoreApplication.translate(
            "EmbeddedPlatform", "no address within {seconds} seconds"
        ).format(seconds=int(START_TIMEOUT_S))

    def stop(self) -> None:
        """Terminate (the sandbox finishes its requests), kill if it does not end in time.

        Also ends a start still waiting for the address, which then reports no platform."""
        with self._lock:
            self._stopped = True
            process = self.process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def _first_line(process: subprocess.Popen[str]) -> str:
    """The first stdout line, or "" if none comes in time; the rest is drained meanwhile,
    so the sandbox never blocks on a full pipe."""
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read, args=(process.stdout, lines), daemon=True).start()
    try:
        return lines.get(timeout=START_TIMEOUT_S)
    except queue.Empty:
        return ""


def _read(stream: IO[str], lines: queue.Queue[str]) -> None:
    try:
        lines.put(stream.readline())
        for _ in stream:
            pass
    except ValueError:
        # The stream was closed by stop(): nothing more to read.
        return


def training_platform(home: DeskHome) -> EmbeddedPlatform | None:
    """The sandbox a demo desk without a platform uses (not started yet); else None."""
    if not home.demo_mode or home.settings.get("platform_url"):
        return None
    return EmbeddedPlatform(
        home.data_dir.root / "platform", str(home.settings.get("rating_code_order"))
    )


def start_in_background(
    platform: EmbeddedPlatform, settings: Settings, sync: SyncController
) -> None:
    """Start on the network thread; the first sync follows, or the status bar says why not."""

    def start() -> Started:
        started = platform.start()
        if started.url:
            # Here on the network thread, so the sign-ins queued behind see the address.
            settings.override("platform_url", started.url)
        return started

    def started(result: Started) -> None:
        if result.url:
            sync.set_notice("")
            sync.sync_now()
        else:
            sync.set_notice(
                QCoreApplication.translate(
                    "EmbeddedPlatform", "Training platform did not start: {error}"
                ).format(error=result.error)
            )

    sync.set_notice(
        QCoreApplication.translate("EmbeddedPlatform", "Starting the training platform…")
    )
    sync.worker.run_network(start, started, owner=sync)
