"""The status bar's sync part: what it says, "sync now" (F5), and a GUI that never waits."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from case_factory import CLERK, make_case
from platform_fixtures import SandboxProcess
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot
from sync_ui_helpers import silent_platform, wait_for_sync_text
from ui_test_helpers import find

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.session import Session
from ui.sign_in import SignInWindow
from ui.sync_controller import SyncController

OpenWindow = Callable[..., MainWindow]


def closed_port_url() -> str:
    """A loopback address nobody listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_a_desk_without_platform_says_so(qtbot: QtBot, sync_window: OpenWindow) -> None:
    window = sync_window()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.sync.status is not None and not window.sync.busy)
    assert find(window, QLabel, "status.sync").text() == "Platform not configured"
    assert not find(window, QToolButton, "status.syncProblems").isVisible()


def test_sync_now_sends_what_waits_and_says_online(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    make_case(demo_desk, accept_by=CLERK)
    window = sync_window()
    assert wait_for_sync_text(qtbot, window, "Offline", "To upload 4") == "Offline · To upload 4"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    text = wait_for_sync_text(qtbot, window, "Online", "To upload 0")
    last_sync = window.sync.status.last_success if window.sync.status else None
    assert last_sync is not None
    assert text == f"Online · To upload 0 · Last sync {last_sync:%H:%M}"
    assert not find(window, QToolButton, "status.syncProblems").isVisible()


def test_rows_of_a_clerk_without_a_platform_token_wait_for_them_to_sign_in(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    make_case(demo_desk, accept_by="wangfang")  # not a demo account: no token until they sign in
    window = sync_window()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    text = wait_for_sync_text(qtbot, window, "Online", "Waiting for wangfang to sign in")
    assert text.startswith("Online · To upload 4 · Waiting for wangfang to sign in · Last sync ")


def test_an_unreachable_platform_shows_offline_with_the_last_error(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.override("platform_url", closed_port_url())
    make_case(demo_desk, accept_by=CLERK)
    window = sync_window()
    find(window, QToolButton, "status.syncNow").click()
    text = wait_for_sync_text(qtbot, window, "Last error:")
    assert text.startswith("Offline · To upload 4 · Last error: ")
    label = find(window, QLabel, "status.sync")
    assert window.sync.status is not None
    assert text.endswith(f"Last error: {window.sync.status.last_error}")
    assert label.toolTip() == text  # all of it, however narrow the bar


def test_a_silent_platform_never_holds_up_the_window(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sync_controller: SyncController
) -> None:
    demo_desk.settings.override("request_timeout_seconds", 2)
    make_case(demo_desk, accept_by=CLERK)
    window = sync_window()
    with silent_platform() as url:
        demo_desk.settings.override("platform_url", url)
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert sync_controller.busy
        assert "Syncing…" in find(window, QLabel, "status.sync").text()
        gaps: list[float] = []
        last = [time.monotonic()]

        def tick() -> None:
            now = time.monotonic()
            gaps.append(now - last[0])
            last[0] = now

        probe = QTimer()
        probe.timeout.connect(tick)
        probe.start(10)
        qtbot.wait(600)
        probe.stop()
        assert sync_controller.busy, "the pass should still wait for the silent platform"
        assert len(gaps) > 20
        assert max(gaps) < 0.1
        # The clerk can type meanwhile: the window answers at once.
        search = find(window, QLineEdit, "intake.itemSearch")
        qtbot.keyClicks(search, "spjy")
        assert search.text() == "spjy"
        text = wait_for_sync_text(qtbot, window, "Last error:", timeout=15_000)
    assert text.startswith("Offline · To upload 4")
    assert not sync_controller.busy


def test_a_refused_platform_sign_in_shows_in_the_status_bar(
    qtbot: QtBot,
    sync_window: OpenWindow,
    demo_desk: Desk,
    sync_controller: SyncController,
    sandbox_server: SandboxProcess,
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    window = sync_window()
    sync_controller.sign_in("clerk", "not-the-password")
    text = wait_for_sync_text(qtbot, window, "Platform sign-in failed:")
    assert "clerk" in text
    assert window.isActiveWindow(), "no dialog opened over the window"


def test_unlocking_signs_the_clerk_in_to_the_platform(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    window = sync_window()
    assert "clerk" not in demo_desk.sync.tokens.usernames()
    window.lock()
    password = find(window, QLineEdit, "lock.password")
    qtbot.keyClicks(password, "demo-clerk")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    qtbot.waitUntil(lambda: "clerk" in demo_desk.sync.tokens.usernames())
    assert password.text() == ""


def test_signing_in_at_the_desk_signs_in_to_the_platform(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    session = Session(demo_desk.home, demo_worker, idle_ms=0)
    window = session.start()
    assert isinstance(window, SignInWindow)
    qtbot.addWidget(window)
    qtbot.keyClicks(find(window, QLineEdit, "signIn.username"), "reviewer")
    qtbot.keyClicks(find(window, QLineEdit, "signIn.password"), "demo-review")
    qtbot.keyClick(find(window, QLineEdit, "signIn.password"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(session.window, MainWindow))
    qtbot.waitUntil(lambda: "reviewer" in demo_desk.sync.tokens.usernames())
    main = session.window
    assert isinstance(main, MainWindow) and main.sync is session.sync
    main.close()
    session.sync.shutdown()
