"""设置 lists the scanners SANE sees (off the GUI thread) and keeps the window's choice; a
window with no scanner chosen says where to choose one when S is pressed."""

from __future__ import annotations

from collections.abc import Callable

from capture_helpers import food_licence_intake
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.devices.base import ColourMode, PaperSource, ScanOptions
from clerk_desk.settings import Settings
from ui.intake.scanning import window_scan_options
from ui.main_window import MainWindow
from ui.translations import Translators


def test_settings_list_the_test_scanners_and_save_the_choice(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    translators: Translators,
    demo_desk: Desk,
) -> None:
    translators.install("en")
    window = main_window("admin", "demo-admin")
    scanner = find(window, QComboBox, "settings.scannerDevice")
    qtbot.waitUntil(scanner.isEnabled, timeout=10_000)
    names = [scanner.itemData(i) for i in range(scanner.count())]
    assert names[0] == "" and {"test:0", "test:1"} <= set(names)
    assert scanner.currentData() == "test:0", "demo mode scans with SANE's test device"

    scanner.setCurrentIndex(scanner.findData("test:1"))
    find(window, QPushButton, "settings.save").click()

    assert Settings.load(demo_desk.settings.path).get("scanner_device") == "test:1"


def test_s_without_a_scanner_says_to_choose_one(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> None:
    with food_licence_intake(qtbot, main_window, translators) as intake:
        intake.workspace.settings.override("mode", "production")
        intake.keys.key(intake.workspace.table, Qt.Key.Key_S)
        status = find(intake.workspace, QLabel, "intake.status").text()
        assert status == "No scanner is chosen for this window: choose one in Settings"
        assert not intake.workspace.capture.scanner.busy()


def test_resolution_colour_and_paper_are_saved_and_used_by_the_next_scan(
    qtbot: QtBot,
    main_window: Callable[..., MainWindow],
    translators: Translators,
    demo_desk: Desk,
) -> None:
    translators.install("en")
    window = main_window("admin", "demo-admin")
    for name, value in (
        ("settings.scanResolution", 300),
        ("settings.scanMode", "colour"),
        ("settings.scanSource", "feeder"),
    ):
        box = find(window, QComboBox, name)
        box.setCurrentIndex(box.findData(value))
    find(window, QPushButton, "settings.save").click()

    stored = Settings.load(demo_desk.settings.path)
    assert (stored.get("scan_resolution"), stored.get("scan_mode")) == (300, "colour")
    assert window_scan_options(stored) == ScanOptions(
        resolution=300, mode=ColourMode.COLOUR, source=PaperSource.FEEDER
    )
    stored.set("scan_mode", "sepia")  # a value this version does not know
    assert window_scan_options(stored).mode is ColourMode.GREY
