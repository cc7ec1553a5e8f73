"""The decision bar asks the core's rules: a case received long ago cannot be noticed any more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from case_factory import Clock, intake_service
from intake_helpers import intake_of
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from test_notice_deadline import _received
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from ui.main_window import MainWindow


def open_received(
    qtbot: QtBot, main_window: Callable[..., MainWindow], demo_desk: Desk, days_ago: int
) -> tuple[MainWindow, QPushButton, str]:
    received_at = datetime.now() - timedelta(days=days_ago)
    case = _received(intake_service(demo_desk, Clock(received_at)), Clock(received_at))
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    workspace.open_case(case.uuid)
    settle(workspace.worker)
    assert workspace.case is not None and workspace.case.uuid == case.uuid
    return (
        window,
        find(workspace, QPushButton, "intake.notifyMissing"),
        received_at.date().isoformat(),
    )


def test_a_case_received_a_month_ago_cannot_get_a_one_time_notice(
    qtbot: QtBot, main_window: Callable[..., MainWindow], demo_desk: Desk
) -> None:
    _window, notify, received_on = open_received(qtbot, main_window, demo_desk, days_ago=30)
    assert not notify.isEnabled()
    assert received_on in notify.toolTip()
    assert "5个工作日" in notify.toolTip()


def test_a_case_received_today_can_still_get_it(
    qtbot: QtBot, main_window: Callable[..., MainWindow], demo_desk: Desk
) -> None:
    _window, notify, _ = open_received(qtbot, main_window, demo_desk, days_ago=0)
    assert notify.isEnabled(), notify.toolTip()
