"""The real program started as a user starts it: first window, self-test, a refused data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def launch(*args: str, quit_when_ready: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if quit_when_ready:
        env["CLERK_DESK_QUIT_WHEN"] = "ready"
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow
def test_the_first_window_shows_the_desk_opens_and_the_app_quits(tmp_path: Path) -> None:
    result = launch("--demo", "--data-dir", str(tmp_path / "demo"), quit_when_ready=True)
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "demo" / "logs" / "clerk-desk.log").read_text(encoding="utf-8")
    assert " ERROR " not in log and " CRITICAL " not in log, log
    assert not any((tmp_path / "demo" / "crash").iterdir())


@pytest.mark.slow
def test_self_test_passes_on_a_demo_desk(tmp_path: Path) -> None:
    result = launch("--demo", "--data-dir", str(tmp_path / "demo"), "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 6
    assert all(line.startswith("ok") for line in lines), result.stdout
    assert any("受理" in line for line in lines)


@pytest.mark.slow
def test_a_refused_data_dir_exits_2_with_a_chinese_message(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    result = launch("--data-dir", str(not_a_folder), "--self-test")
    assert result.returncode == 2
    assert "不是文件夹" in result.stderr
