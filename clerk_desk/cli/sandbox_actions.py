"""What ``clerk-desk sandbox …`` does: run ``python -m platform_sandbox`` as a child process.

The desk never imports the platform (the floors forbid it), so the command starts it with the
same interpreter and passes its output and exit code through. SIGTERM is forwarded, and
Ctrl+C (which the terminal sends to both) is left to the child, so stopping either stops the
server cleanly.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
from types import FrameType

SIGNAL_EXIT_BASE = 128


def serve(args: argparse.Namespace) -> int:
    return _run(["serve", "--host", args.host, "--port", str(args.port), *_storage_arguments(args)])


def stats(args: argparse.Namespace) -> int:
    return _run(["stats", *_storage_arguments(args), *(["--json"] if args.json else [])])


def _storage_arguments(args: argparse.Namespace) -> list[str]:
    blob_dir = [] if args.blob_dir is None else ["--blob-dir", str(args.blob_dir)]
    return ["--db", args.db, *blob_dir]


def _run(arguments: list[str]) -> int:
    child = subprocess.Popen([sys.executable, "-m", "platform_sandbox", *arguments])

    def forward(signum: int, _frame: FrameType | None) -> None:
        if signum != signal.SIGINT:
            child.send_signal(signum)

    previous = {
        number: signal.signal(number, forward) for number in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        returncode = child.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    # A server stopped by a signal (uvicorn re-raises it after a clean shutdown) exits the way
    # a shell reports it: 128 + the signal's number.
    return returncode if returncode >= 0 else SIGNAL_EXIT_BASE - returncode
