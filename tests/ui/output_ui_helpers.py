"""The 出件 workspace as an output clerk sees it, over cases brought to the output window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from case_factory import Clock, person
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_test_helpers import show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant
from clerk_desk.domain.identity import make_id_number
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.output.workspace import OutputWorkspace
from ui.translations import Translators


def someone(sequence: int, name: str = "王小明") -> Applicant:
    """An applicant no other test case shares (``sequence`` varies the ID number)."""
    return person(name, sequence, phone=f"139{sequence:08d}")


def other_id(sequence: int) -> str:
    return make_id_number("340104", date(1985, 3, 2), sequence)


def settle(worker: DeskWorker, rounds: int = 3) -> None:
    """Jobs that start jobs (a hand-over, then its paper, then the search): let all land."""
    for _ in range(rounds):
        worker.wait_idle()
        worker.wait_devices()
        QApplication.processEvents()


@contextmanager
def output_window(
    qtbot: QtBot, desk: Desk, worker: DeskWorker, translators: Translators
) -> Iterator[OutputWorkspace]:
    """The output clerk signed in, in English, the 出件 workspace open."""
    translators.install("en")
    window = MainWindow(worker, desk.accounts.sign_in("output", "demo-output"), idle_ms=0)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    workspace = window.findChild(OutputWorkspace, "workspace.output")
    assert workspace is not None
    settle(worker)
    yield workspace


def now_clock(desk: Desk) -> Clock:
    """The desk's own time: a case made on it has its §44 clock still running."""
    return Clock(desk.clock())
