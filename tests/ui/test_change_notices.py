"""After a decision: one change notice, the status bar's count at once, the platform in seconds.

Against the real reference platform over HTTP; the desk's writes watched on its real SQLite
connection.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from case_factory import make_case
from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from platform_fixtures import SandboxProcess
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sync_helpers import PlatformView
from test_intake_decisions import answer_in_person_general, fill_applicant, mark_all
from ui_test_helpers import find, settle

from clerk_desk.changes import Changes
from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.sync_controller import SyncController

OpenWindow = Callable[..., MainWindow]


def ready_to_accept(qtbot: QtBot, workspace: IntakeWorkspace) -> Keyboard:
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    answer_in_person_general(keys, workspace)
    fill_applicant(keys, workspace)
    mark_all(keys, workspace)
    assert find(workspace, QPushButton, "intake.accept").isEnabled()
    return keys


@pytest.fixture
def notices(demo_worker: DeskWorker) -> Iterator[list[Changes]]:
    heard: list[Changes] = []
    demo_worker.changed.connect(heard.append)
    yield heard
    demo_worker.changed.disconnect(heard.append)


def test_a_decision_announces_its_case_and_the_outbox_and_the_count_moves_at_once(
    qtbot: QtBot,
    sync_window: OpenWindow,
    demo_desk: Desk,
    notices: list[Changes],
    sandbox_server: SandboxProcess,
) -> None:
    # Configured but not started: no pass runs, so only the notice can move the count.
    demo_desk.settings.override("platform_url", sandbox_server.url)
    window = sync_window()
    workspace = intake_of(window)
    keys = ready_to_accept(qtbot, workspace)
    label = find(window, QLabel, "status.sync")
    notices.clear()

    keys.key(workspace.table, Qt.Key.Key_F9)
    settle(workspace.worker)

    case = workspace.case
    assert case is not None and case.case_no
    decided = [changes for changes in notices if case.uuid in changes.cases]
    assert any(changes.outbox and changes.queued for changes in decided), notices
    # submit, accept, the service contact (for the visitor's rating) and route
    qtbot.waitUntil(lambda: "To upload 4" in label.text(), timeout=2000)
    assert not window.sync.busy


def test_an_accepted_case_reaches_the_platform_within_two_seconds_without_f5(
    qtbot: QtBot,
    sync_window: OpenWindow,
    demo_desk: Desk,
    sync_controller: SyncController,
    sandbox_server: SandboxProcess,
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    demo_desk.settings.set("sync_interval_seconds", 300)  # the timer cannot be the one
    window = sync_window()
    sync_controller.start()
    qtbot.waitUntil(lambda: sync_controller.status is not None and not sync_controller.busy)
    workspace = intake_of(window)
    keys = ready_to_accept(qtbot, workspace)
    platform = PlatformView(sandbox_server.url)

    started = time.perf_counter()
    keys.key(workspace.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: workspace.case is not None and workspace.case.case_no is not None)
    case = workspace.case
    assert case is not None

    def accepted_on_platform() -> bool:
        reply = platform.get(f"/cases/{case.uuid}")
        return reply.status_code == 200 and reply.json()["state"] == "in_review"

    qtbot.waitUntil(accepted_on_platform, timeout=2000)
    elapsed = time.perf_counter() - started
    label = find(window, QLabel, "status.sync")
    qtbot.waitUntil(lambda: "To upload 0" in label.text(), timeout=2000)
    print(f"decision → platform: {elapsed:.2f} s")


def test_the_sync_engine_writes_only_on_the_database_thread(
    qtbot: QtBot,
    sync_window: OpenWindow,
    demo_desk: Desk,
    sync_controller: SyncController,
    sandbox_server: SandboxProcess,
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    demo_desk.intake.accept(make_case(demo_desk.intake), "clerk")  # four rows to push
    writes: list[tuple[str, str]] = []

    def watch(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            writes.append((threading.current_thread().name, statement))

    window = sync_window()  # signs the clerk in here, on the test's thread
    event.listen(demo_desk.database.engine, "before_cursor_execute", watch)
    try:
        window.sync_now.trigger()
        label = find(window, QLabel, "status.sync")
        qtbot.waitUntil(lambda: "To upload 0" in label.text(), timeout=15000)
    finally:
        event.remove(demo_desk.database.engine, "before_cursor_execute", watch)
    pushed = [statement for _, statement in writes if statement.startswith("DELETE FROM outbox")]
    assert len(pushed) == 4  # submit, accept, the service contact and route of the one case
    assert {thread.split("_")[0] for thread, _ in writes} == {"desk-db"}


def test_printing_runs_while_the_database_thread_is_busy(
    qtbot: QtBot, main_window: OpenWindow, demo_worker: DeskWorker
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = ready_to_accept(qtbot, workspace)
    keys.key(workspace.table, Qt.Key.Key_F9)
    settle(workspace.worker)
    release = threading.Event()
    demo_worker.run(lambda _desk: release.wait(30))  # a long database job, e.g. a report
    try:
        keys.key(find(workspace, QPushButton, "intake.printPapers"), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(workspace.printed_paths), timeout=10000)
    finally:
        release.set()
    assert all(path.stat().st_size > 0 for path in workspace.printed_paths)


def test_the_item_chooser_searches_a_catalog_replaced_meanwhile(
    qtbot: QtBot, main_window: OpenWindow, demo_worker: DeskWorker
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    before = workspace.chooser.index
    assert before is not None and before.search("spjy", limit=5)

    def drop_food_licences(desk: Desk) -> None:
        kept = [item for item in desk.catalog.items() if "食品经营" not in item.name]
        desk.catalog.replace(kept, version="without-food", source="test")

    demo_worker.run(drop_food_licences)
    qtbot.waitUntil(lambda: workspace.chooser.index is not before, timeout=10_000)
    index = workspace.chooser.index
    assert index is not None
    assert not [hit for hit in index.search("spjy", limit=5) if "食品经营" in hit.name]


def test_saved_settings_restart_the_started_sync_at_once(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, sync_controller: SyncController
) -> None:
    sync_controller.start()
    qtbot.waitUntil(lambda: sync_controller.status is not None and not sync_controller.busy)

    def save(desk: Desk) -> None:
        desk.settings.set("sync_interval_seconds", 45)
        desk.settings.save()

    with qtbot.waitSignal(sync_controller.busyChanged, check_params_cb=bool, timeout=5000):
        demo_worker.run(save)
