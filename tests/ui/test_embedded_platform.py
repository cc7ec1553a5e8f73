"""Training mode: a demo desk without a platform starts the sandbox and syncs with it."""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from case_factory import CLERK, make_case
from pytestqt.qtbot import QtBot
from sync_ui_helpers import wait_for_sync_text

from clerk_desk.desk import Desk
from ui.embedded_platform import EmbeddedPlatform, start_in_background, training_platform
from ui.main_window import MainWindow
from ui.sync_controller import SyncController

OpenWindow = Callable[..., MainWindow]


def health(url: str) -> dict[str, str]:
    with urllib.request.urlopen(f"{url}/api/v1/health", timeout=5) as reply:
        return dict(json.load(reply))


@pytest.fixture
def training(demo_desk: Desk, sync_controller: SyncController) -> Iterator[EmbeddedPlatform]:
    platform = training_platform(demo_desk.home)
    assert platform is not None
    start_in_background(platform, demo_desk.settings, sync_controller)
    yield platform
    platform.stop()


def test_a_demo_desk_starts_its_platform_syncs_and_stops_it(
    qtbot: QtBot, demo_desk: Desk, sync_controller: SyncController, training: EmbeddedPlatform
) -> None:
    make_case(demo_desk, accept_by=CLERK)
    qtbot.waitUntil(lambda: bool(demo_desk.settings.get("platform_url")), timeout=30_000)
    url = demo_desk.settings.get("platform_url")
    assert url.startswith("http://127.0.0.1:")
    assert health(url) == {"status": "ok", "version": "1"}
    assert (demo_desk.data_dir.root / "platform" / "platform.sqlite").is_file()
    # The first pass follows by itself; the demo clerk's rows go with the demo account (the
    # count drops as they go, before the pass ends and says online).
    qtbot.waitUntil(
        lambda: (
            sync_controller.status is not None
            and sync_controller.status.pending == 0
            and sync_controller.status.online is True
        ),
        timeout=10_000,
    )

    training.stop()
    assert training.process is not None and training.process.poll() is not None
    with pytest.raises(urllib.error.URLError):
        health(url)


def test_the_training_platform_numbers_ratings_as_the_desk_is_set_to(demo_desk: Desk) -> None:
    demo_desk.settings.update(rating_code_order="reversed")
    platform = training_platform(demo_desk.home)
    assert platform is not None
    command = platform.command()
    assert command[command.index("--rating-code-order") + 1] == "reversed"


def test_a_configured_platform_or_a_real_desk_starts_none(
    demo_desk: Desk, fresh_desk: Desk
) -> None:
    demo_desk.settings.override("platform_url", "https://platform.example")
    assert training_platform(demo_desk.home) is None
    assert training_platform(fresh_desk.home) is None


def test_a_platform_that_cannot_start_leaves_the_desk_offline_saying_why(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sync_controller: SyncController
) -> None:
    (demo_desk.data_dir.root / "platform").write_text("not a folder", encoding="utf-8")
    window = sync_window()
    platform = training_platform(demo_desk.home)
    assert platform is not None
    start_in_background(platform, demo_desk.settings, sync_controller)
    assert "Starting the training platform…" in wait_for_sync_text(qtbot, window, "Starting")
    text = wait_for_sync_text(qtbot, window, "Training platform did not start:")
    assert text.startswith("Platform not configured · ")
    assert not demo_desk.settings.get("platform_url")
    platform.stop()


def test_the_installed_bundle_says_it_has_no_training_platform(
    demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller's bundle sets ``sys.frozen``; its executable cannot run the sandbox."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    platform = training_platform(demo_desk.home)
    assert platform is not None
    started = platform.start()
    assert started.url == ""
    assert "--platform" in started.error
    assert platform.process is None
