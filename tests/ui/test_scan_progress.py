"""A feeder scan from SANE's test device: the progress strip counts the pages, Cancel keeps the
pages that arrived, the GUI thread keeps turning while pages are scanned and stored, and a feed
that fails half way keeps the pages before the failure."""

from __future__ import annotations

import gc
import io
import time
from itertools import pairwise
from pathlib import Path

from capture_helpers import Intake, wait_for_pages
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from ui.intake.workspace import IntakeWorkspace


def feed_in_colour(workspace: IntakeWorkspace, resolution: int) -> None:
    """The window set up (设置) to scan colour from the feeder (SANE's test feeder holds 10)."""
    workspace.settings.override("scan_resolution", resolution)
    workspace.settings.override("scan_mode", "colour")
    workspace.settings.override("scan_source", "feeder")


def test_progress_then_cancel_after_the_first_page_keeps_what_arrived(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    workspace = intake.workspace
    feed_in_colour(workspace, 1200)  # big pages: each takes the device thread a while
    strip = find(workspace, QFrame, "scan.progress")
    text = find(workspace, QLabel, "scan.text")
    seen: list[str] = []
    workspace.capture.scanner.pageArrived.connect(lambda *_: seen.append(text.text()))

    def cancel_on_first_page() -> None:
        if workspace.capture.scanner.arrived == 1:
            intake.keys.key(workspace.table, Qt.Key.Key_Escape)

    workspace.capture.scanner.pageArrived.connect(cancel_on_first_page)
    intake.keys.key(workspace.table, Qt.Key.Key_S)
    assert strip.isVisible()
    assert text.text() == "Scanning page 1…"
    wait_for_pages(qtbot, workspace, timeout=30_000)

    kept = workspace.capture.scanner.arrived
    assert 1 <= kept < 3, "the feed stopped after the page under way when Esc was pressed"
    assert seen[:1] == ["Scanning page 1…"]
    assert not strip.isVisible()
    status = find(workspace, QLabel, "intake.status").text()
    assert status == f"Scan cancelled; {kept} page(s) kept in “食品经营许可申请书”"
    assert len(intake.material().files) == kept
    assert len(intake.saved(demo_desk).files) == kept


def test_the_clerk_keeps_typing_while_ten_pages_arrive(
    qtbot: QtBot, intake: Intake, demo_desk: Desk
) -> None:
    workspace = intake.workspace
    feed_in_colour(workspace, 300)
    # As the session does after sign-in (ui/session.py): what lives for the whole run is taken
    # out of the cyclic collector, so a full collection scans only what was made since.
    gc.collect()
    gc.freeze()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    name = find(workspace, QLineEdit, "applicant.name")

    try:
        intake.keys.key(workspace.table, Qt.Key.Key_S)
        timer.start()
        intake.keys.type(name, "Li Wei")
        # Waiting without blocking: the event loop runs freely until the last page is stored.
        qtbot.waitUntil(
            lambda: not workspace.capture.busy(),
            timeout=30_000,
        )
    finally:
        timer.stop()
        gc.unfreeze()
    wait_for_pages(qtbot, workspace)

    assert name.text() == "Li Wei"
    assert len(intake.saved(demo_desk).files) == 10
    gaps = [later - earlier for earlier, later in pairwise(ticks)]
    assert len(gaps) > 5 and max(gaps) < 0.1, f"longest GUI stall {max(gaps):.3f} s"


def test_a_feed_that_fails_half_way_keeps_the_pages_before_and_says_why(
    qtbot: QtBot, intake: Intake, demo_desk: Desk, tmp_path: Path
) -> None:
    """A scanner named ``file:PATH`` feeds a file's pages like a feeder; a TIFF whose third
    page is cut off fails on that page the way a jammed or unplugged scanner does."""
    pages = [Image.new("L", (200, 300), grey) for grey in (50, 120, 190)]
    buffer = io.BytesIO()
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:])
    feed = tmp_path / "进纸.tif"
    feed.write_bytes(buffer.getvalue()[:-30_000])
    workspace = intake.workspace
    workspace.settings.override("scanner_device", f"file:{feed}")

    intake.keys.key(workspace.table, Qt.Key.Key_S)
    wait_for_pages(qtbot, workspace)

    status = find(workspace, QLabel, "intake.status").text()
    assert "进纸.tif is damaged or incomplete" in status
    assert not find(workspace, QFrame, "scan.progress").isVisible()
    assert [f.name for f in intake.saved(demo_desk).files] == ["第1页.jpg", "第2页.jpg"]
