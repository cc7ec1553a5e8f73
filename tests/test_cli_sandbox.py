"""``clerk-desk sandbox serve`` and ``clerk-desk sandbox stats`` through the real command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from case_factory import CLERK, MINIMAL_PDF, MONDAY, Clock, make_case, write_pdf
from platform_fixtures import READY_PREFIX
from sandbox_client import bodies_of, sign_in

from clerk_desk.desk import Desk

ROOT = Path(__file__).resolve().parent.parent


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "ui.launcher", "sandbox", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _stats(db_url: str) -> dict[str, int]:
    result = subprocess.run(
        _command("stats", "--db", db_url, "--json"),
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts: dict[str, int] = json.loads(result.stdout)
    return counts


def test_serve_takes_a_case_and_stats_counts_it(tmp_path: Path, demo_desk: Desk) -> None:
    db_url = f"sqlite:///{tmp_path / 'hall.sqlite'}"
    server = subprocess.Popen(
        _command("serve", "--host", "127.0.0.1", "--port", "0", "--db", db_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith(READY_PREFIX), line
        clerk = sign_in(line[len(READY_PREFIX) :].strip())
        _case, submit, accept = bodies_of(
            demo_desk,
            make_case(demo_desk, clock=Clock(MONDAY), attach=write_pdf(tmp_path), accept_by=CLERK),
        )
        assert clerk.upload(MINIMAL_PDF).status_code == 204
        assert clerk.put_case(submit).status_code == 201
        assert clerk.post_event(accept).status_code == 201
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=30)
    # uvicorn shuts down cleanly, then exits by the signal; the command reports it as a shell.
    assert server.returncode == 128 + signal.SIGTERM, errors
    assert _out == ""

    assert _stats(db_url) == {
        "cases": 1,
        "distinct_case_numbers": 1,
        "events": 2,
        "blobs": 1,
        "blobs_verified": 1,
    }
    blob = next((tmp_path / "hall-blobs").iterdir())
    blob.write_bytes(MINIMAL_PDF + b"tampered")
    assert _stats(db_url)["blobs_verified"] == 0


def test_stats_needs_a_blob_dir_for_a_server_database(tmp_path: Path) -> None:
    result = subprocess.run(
        _command("stats", "--db", "postgresql+psycopg://nobody@127.0.0.1/none", "--json"),
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "--blob-dir" in result.stderr


def test_serve_stops_when_the_process_that_started_it_goes_away(tmp_path: Path) -> None:
    """Training mode holds the sandbox's stdin; a desk killed with kill -9 closes it."""
    database = f"sqlite:///{tmp_path / 'platform.sqlite'}"
    command = ["serve", "--port", "0", "--db", database, "--exit-with-stdin"]
    process = subprocess.Popen(
        [sys.executable, "-m", "platform_sandbox", *command],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline().startswith(READY_PREFIX)
        assert process.poll() is None
        process.stdin.close()
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
