"""GUI fixtures: the Chinese catalogue installed on the test QApplication, a signed-in window."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from capture_helpers import Intake, food_licence_intake
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_test_helpers import show_active

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.translations import Translators


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    """Simplified Chinese, as shipped; tests may switch to English."""
    installed = Translators(qapp)
    assert installed.install("zh_CN")
    yield installed
    installed.install("en")


@pytest.fixture
def demo_worker(demo_desk: Desk) -> Iterator[DeskWorker]:
    """The database thread the windows use, over the already open demo desk."""
    worker = DeskWorker.for_desk(demo_desk)
    yield worker
    worker.shutdown()


@pytest.fixture
def fresh_worker(fresh_desk: Desk) -> Iterator[DeskWorker]:
    worker = DeskWorker.for_desk(fresh_desk)
    yield worker
    worker.shutdown()


@pytest.fixture
def sync_controller(demo_worker: DeskWorker) -> Iterator[SyncController]:
    """The session's sync over the demo desk (no timer: tests press "sync now")."""
    controller = SyncController(demo_worker)
    yield controller
    controller.shutdown()


@pytest.fixture
def main_window(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> Callable[..., MainWindow]:
    """Sign a demo account in for real and open its main window."""

    def open_window(username: str, password: str, idle_ms: int | None = 0) -> MainWindow:
        clerk = demo_desk.accounts.sign_in(username, password)
        window = MainWindow(demo_worker, clerk, idle_ms=idle_ms)
        qtbot.addWidget(window)
        show_active(qtbot, window)
        return window

    return open_window


@pytest.fixture
def sync_window(
    qtbot: QtBot,
    demo_desk: Desk,
    demo_worker: DeskWorker,
    sync_controller: SyncController,
    translators: Translators,
) -> Callable[..., MainWindow]:
    """A signed-in main window on the session's sync, in the English source texts."""
    translators.install("en")

    def open_window(username: str = "clerk", password: str = "demo-clerk") -> MainWindow:
        clerk = demo_desk.accounts.sign_in(username, password)
        window = MainWindow(demo_worker, clerk, idle_ms=0, sync=sync_controller)
        qtbot.addWidget(window)
        show_active(qtbot, window)
        return window

    return open_window


@pytest.fixture
def intake(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> Iterator[Intake]:
    """The clerk's 受理 in English, 食品经营许可（新办） chosen, the application form's row
    current: where the capture tests start."""
    with food_licence_intake(qtbot, main_window, translators) as opened:
        yield opened
