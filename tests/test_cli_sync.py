"""``clerk-desk sync --once``: one headless pass, its output and its exit code."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from case_factory import CLERK, Clock, make_case, person
from platform_fixtures import SandboxProcess

from clerk_desk.desk import Desk
from clerk_desk.i18n import translate

ROOT = Path(__file__).resolve().parent.parent


def _sync(
    data_dir: Path, url: str, *extra: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CLERK_DESK_DATA_DIR", None)
    command = ["--demo", "--data-dir", str(data_dir), "--platform", url, "sync", "--once", *extra]
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *command],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )


def _report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _desk_with_cases(tmp_path: Path, template: Path, count: int) -> Path:
    data_dir = tmp_path / "desk"
    shutil.copytree(template, data_dir)
    with Desk.open(data_dir, demo_mode=True) as desk:
        for number in range(count):
            make_case(
                desk,
                clock=Clock(datetime.now()),
                applicant=person(sequence=60 + number),
                accept_by=CLERK,
            )
    return data_dir


def test_a_pass_that_sends_everything_exits_0_and_keeps_the_saved_platform(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    data_dir = _desk_with_cases(tmp_path, demo_template, 2)

    result = _sync(data_dir, sandbox_server.url, "--json")

    assert result.returncode == 0, result.stderr
    assert _report(result) == {
        "pushed": 8,  # submit, accept, its rating contact and route of each case
        "pulled": 6,
        "pending": 0,
        "refused": 0,
        "waiting_for": [],
        "online": True,
        "error": "",
    }
    saved = json.loads((data_dir / "config.json").read_text(encoding="utf-8"))
    assert saved["platform_url"] == ""
    again = _sync(data_dir, sandbox_server.url)
    assert again.returncode == 0, again.stderr
    summary = translate(
        "core", "Sent {pushed}, received {pulled}; {pending} pending, {refused} refused"
    )
    assert again.stdout.splitlines() == [summary.format(pushed=0, pulled=0, pending=0, refused=0)]


def test_an_unreachable_platform_leaves_rows_pending_and_exits_1(
    tmp_path: Path, demo_template: Path
) -> None:
    data_dir = _desk_with_cases(tmp_path, demo_template, 1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]

    result = _sync(data_dir, f"http://127.0.0.1:{closed_port}", "--json")

    assert result.returncode == 1, result.stderr
    report = _report(result)
    assert (report["pushed"], report["pending"], report["online"]) == (0, 4, False)
    assert str(closed_port) in report["error"]


def test_a_wrong_platform_password_is_refused_with_exit_2(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    data_dir = tmp_path / "desk"
    shutil.copytree(demo_template, data_dir)

    result = _sync(data_dir, sandbox_server.url, "--user", "clerk", stdin="not-the-password\n")

    assert result.returncode == 2
    assert "clerk" in result.stderr and result.stdout == ""
