"""The one operations API: three lanes started the same way, ending the same way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from ui.crash import CrashHandler
from ui.desk_worker import DeskWorker, JobControl
from ui.main_window import MainWindow
from ui.session import Session
from ui.translations import Translators


def lane(worker: DeskWorker, name: str, job: Callable[[], Any]) -> Callable[..., Any]:
    """Start ``job`` on lane ``name`` the way its callers do; returns a wait for the lane."""

    def start(**handlers: Any) -> None:
        if name == "database":
            worker.run(lambda _desk: job(), **handlers)
        elif name == "network":
            worker.run_network(job, **handlers)
        else:
            worker.run_device(lambda _control: job(), **handlers)

    return start


def wait(worker: DeskWorker, name: str) -> None:
    {"database": worker.wait_idle, "network": worker.wait_network, "device": worker.wait_devices}[
        name
    ]()
    QApplication.processEvents()


LANES = {"database": "desk-db", "network": "desk-net", "device": "desk-device"}


@pytest.mark.parametrize("name", LANES)
def test_a_result_comes_back_on_the_gui_thread(
    qtbot: QtBot, demo_worker: DeskWorker, name: str
) -> None:
    got: list[tuple[str, bool]] = []
    ran_on: list[str] = []

    def job() -> str:
        ran_on.append(threading.current_thread().name)
        return "done"

    lane(demo_worker, name, job)(
        on_success=lambda result: got.append(
            (result, threading.current_thread() is threading.main_thread())
        ),
        after=lambda: got.append(("after", True)),
    )
    wait(demo_worker, name)
    assert ran_on[0].startswith(LANES[name])
    assert got == [("done", True), ("after", True)]


def refusal() -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("core", "Settings file {path} is not a JSON object"), path="x"
    )


@pytest.mark.parametrize("name", LANES)
def test_a_refusal_goes_to_the_failure_handler(
    qtbot: QtBot, demo_worker: DeskWorker, name: str
) -> None:
    failures: list[str] = []
    unhandled: list[UserError] = []
    demo_worker.userError.connect(unhandled.append)

    def job() -> None:
        raise refusal()

    lane(demo_worker, name, job)(on_failure=lambda error: failures.append(error.render()))
    wait(demo_worker, name)
    assert failures == [refusal().render()]
    assert unhandled == []


@pytest.mark.parametrize("name", LANES)
def test_nothing_is_delivered_to_a_widget_that_is_gone(
    qtbot: QtBot, demo_worker: DeskWorker, name: str
) -> None:
    owner = QWidget()
    release = threading.Event()
    delivered: list[str] = []
    controls: list[JobControl] = []

    def job() -> str:
        release.wait(5)
        return "late"

    if name == "device":
        controls.append(
            demo_worker.run_device(
                lambda control: (release.wait(5), control.cancelled())[1],
                on_success=lambda cancelled: delivered.append(str(cancelled)),
                on_failure=lambda error: delivered.append("failure"),
                owner=owner,
                after=lambda: delivered.append("after"),
            )
        )
    else:
        lane(demo_worker, name, job)(
            on_success=delivered.append,
            on_failure=lambda error: delivered.append("failure"),
            owner=owner,
            after=lambda: delivered.append("after"),
        )
    shiboken6.delete(owner)
    release.set()
    wait(demo_worker, name)
    assert delivered == []
    if controls:
        assert controls[0].cancelled(), "a device job stops when its widget goes"


def test_a_refusal_nobody_handles_is_shown_in_the_status_bar_not_as_a_crash(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    demo_worker: DeskWorker,
    tmp_path: Path,
) -> None:
    window = main_window("clerk", "demo-clerk")
    handler = CrashHandler(tmp_path / "crash", None)
    handler.install()
    try:

        def fails(_desk: object) -> None:
            raise refusal()

        demo_worker.run(fails)
        demo_worker.wait_idle()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    finally:
        handler.uninstall()
    shown = window.statusBar().currentMessage()
    assert shown == refusal().render()
    assert shown != refusal().render("en"), "in the shipped Chinese"
    assert handler.dialogs == []


@pytest.mark.expected_error_log(r"^clerk_desk\.crash: unexpected error$")
def test_a_bug_in_a_job_reaches_the_crash_dialog(
    qtbot: QtBot, demo_worker: DeskWorker, tmp_path: Path
) -> None:
    handler = CrashHandler(tmp_path / "crash", None)
    handler.install()
    try:
        demo_worker.run_network(lambda: 1 / 0, on_failure=lambda error: None)
        demo_worker.wait_network()
        qtbot.waitUntil(lambda: len(handler.dialogs) == 1)
    finally:
        handler.uninstall()
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert "ZeroDivisionError" in find(dialog, QPlainTextEdit, "crash.report").toPlainText()


def test_before_sign_in_a_refusal_nobody_handles_opens_a_message(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    session = Session(demo_desk.home, demo_worker, idle_ms=0)
    window = session.start()
    qtbot.addWidget(window)

    def fails(_desk: object) -> None:
        raise refusal()

    demo_worker.run(fails)
    demo_worker.wait_idle()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "session.error") is not None)
    box = find(window, QMessageBox, "session.error")
    assert box.isVisible()
    assert box.text() == refusal().render()
    assert box.windowTitle() == "未能完成"
    box.close()
