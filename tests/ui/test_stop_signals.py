"""Ctrl+C (SIGINT) and SIGTERM end the desk as closing its window does: no traceback, exit 0,
the draft being typed saved, the training platform stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from ui.main_window import MainWindow
from ui.stop_signals import StopOnSignal

ROOT = Path(__file__).resolve().parents[2]


def _training_platform(desk: psutil.Process, timeout: float = 60.0) -> psutil.Process:
    """The sandbox the demo window started, once it listens."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in desk.children(recursive=True):
            try:
                if "platform_sandbox" in child.cmdline() and any(
                    c.status == psutil.CONN_LISTEN for c in child.net_connections("inet")
                ):
                    return child
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.2)
    raise AssertionError("the training platform did not start")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_window_quits_cleanly_on_a_signal(tmp_path: Path, signum: signal.Signals) -> None:
    data = tmp_path / "demo"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    environment.pop("CLERK_DESK_DATA_DIR", None)
    with subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", "--demo", "--data-dir", str(data)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            platform = _training_platform(psutil.Process(process.pid))
            process.send_signal(signum)
            _stdout, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert not platform.is_running(), "the training platform must stop with the window"
    log = (data / "logs" / "clerk-desk.log").read_text(encoding="utf-8")
    assert f"stopping on {signum.name}" in log
    assert " ERROR " not in log and " CRITICAL " not in log, log
    assert not any((data / "crash").iterdir())


def test_a_signal_saves_the_draft_being_typed(
    qtbot: QtBot, qapp: QApplication, main_window: Callable[..., MainWindow], demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    settle(workspace.worker)
    keys.type(find(workspace, QLineEdit, "applicant.name"), "陈晓梅")
    # The name was typed a moment ago: the save timer has not fired yet.
    workspace.save_timer.stop()
    assert [d.applicant_name for d in demo_desk.intake.list_drafts("clerk")] != ["陈晓梅"]

    stopper = StopOnSignal(qapp)
    try:
        with qtbot.waitSignal(stopper.received, timeout=5000) as received:
            os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        stopper.uninstall()
    assert received.args == [signal.SIGINT]
    settle(workspace.worker)
    assert [d.applicant_name for d in demo_desk.intake.list_drafts("clerk")] == ["陈晓梅"]
