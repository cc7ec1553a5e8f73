"""``clerk-desk`` run as its own process, as a person runs it from the shell."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clerk_desk(
    *args: str, limit_bytes: int | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``clerk-desk ARGS`` offscreen, without the caller's data-folder variable.

    ``limit_bytes`` caps the size of every file the process writes (``RLIMIT_FSIZE``): its
    writes then fail as on a full disk."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CLERK_DESK_DATA_DIR", None)

    def file_size_limit() -> None:
        if limit_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
        preexec_fn=file_size_limit,
    )
