"""The 日报 made by itself at the time set in 设置: on a settable clock, into real files in the
data folder's ``reports``, once a day, said in the status bar."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, make_case
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from clerk_desk.desk import Desk
from clerk_desk.settings import SettingsError
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.report_schedule import ReportSchedule, daily_files
from ui.workspaces import SettingsPage

MONDAY = datetime(2026, 9, 28, 9, 30)  # a working Monday
SUNDAY = (MONDAY - timedelta(days=1)).date()
WAIT_MS = 60_000


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture
def monday(demo_desk: Desk) -> Clock:
    """Two cases taken in and accepted on Monday morning; the clock then at 17:59."""
    clock = Clock(MONDAY)
    make_case(demo_desk, (FOOD_LICENCE,), clock=clock, accept_by=CLERK)
    clock.now = MONDAY + timedelta(minutes=30)
    make_case(demo_desk, (SEAL_FILING,), clock=clock, accept_by=CLERK)
    clock.now = MONDAY.replace(hour=17, minute=59)
    return clock


def set_time(desk: Desk, text: str) -> None:
    desk.settings.update(daily_report_time=text)
    desk.settings.save()


def folder_of(desk: Desk) -> Path:
    return desk.data_dir.root / "reports"


def test_made_once_the_time_has_passed_and_only_once(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, monday: Clock
) -> None:
    set_time(demo_desk, "18:00")
    folder = folder_of(demo_desk)
    folder.mkdir()
    for path in daily_files(folder, SUNDAY):  # Sunday's were made on Sunday
        path.write_bytes(b"kept")
    schedule = ReportSchedule(demo_worker, clock=monday)
    said: list[str] = []
    schedule.said.connect(said.append)

    schedule.check()  # 17:59: not yet
    assert not schedule.busy
    assert sorted(p.name for p in folder.iterdir()) == [
        "日报-2026-09-27.pdf",
        "日报-2026-09-27.xlsx",
    ]

    monday.now = MONDAY.replace(hour=18, minute=0)
    with qtbot.waitSignal(schedule.made, timeout=WAIT_MS) as made:
        schedule.check()
    assert made.args == [MONDAY.date()]
    xlsx, pdf = daily_files(folder, MONDAY.date())
    assert xlsx.name == "日报-2026-09-28.xlsx" and pdf.name == "日报-2026-09-28.pdf"
    text = pdf_text(pdf)
    assert "2026年09月28日" in text and "自动生成" in text
    book = load_workbook(xlsx)
    assert book.sheetnames  # a workbook openpyxl reads back
    assert said == [f"Daily report 2026-09-28 made in {folder}"]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary left

    # Later that evening, and after the desk was restarted: never made twice.
    stamp = pdf.stat().st_mtime_ns
    monday.now = MONDAY.replace(hour=21)
    schedule.check()
    again = ReportSchedule(demo_worker, clock=monday)
    again.check()
    assert not schedule.busy and not again.busy
    assert pdf.stat().st_mtime_ns == stamp
    assert (folder / "日报-2026-09-27.pdf").read_bytes() == b"kept"


def test_a_desk_off_in_the_evening_makes_yesterdays_the_next_morning(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, monday: Clock
) -> None:
    set_time(demo_desk, "18:00")
    monday.now = MONDAY.replace(hour=8) + timedelta(days=1)  # Tuesday 08:00
    schedule = ReportSchedule(demo_worker, clock=monday)
    with qtbot.waitSignal(schedule.made, timeout=WAIT_MS) as made:
        schedule.check()
    assert made.args == [MONDAY.date()]
    assert all(path.exists() for path in daily_files(folder_of(demo_desk), MONDAY.date()))
    # Tuesday's own comes at 18:00, not before.
    qtbot.waitUntil(lambda: not schedule.busy, timeout=WAIT_MS)
    assert schedule.due() is None
    assert not daily_files(folder_of(demo_desk), monday.now.date())[0].exists()


def test_off_by_default_and_a_bad_time_cannot_be_set(
    demo_desk: Desk, demo_worker: DeskWorker, monday: Clock
) -> None:
    monday.now = MONDAY.replace(hour=23, minute=59)
    schedule = ReportSchedule(demo_worker, clock=monday)
    assert demo_desk.settings.get("daily_report_time") == ""
    schedule.check()
    assert schedule.due() is None and not schedule.busy
    assert not folder_of(demo_desk).exists()
    for bad in ("25:00", "18:3", "6pm", "18：00"):
        with pytest.raises(SettingsError) as refused:
            demo_desk.settings.update(daily_report_time=bad)
        assert bad in refused.value.render("en")
    assert demo_desk.settings.get("daily_report_time") == ""


def test_a_refusal_is_said_once_and_leaves_no_file(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, monday: Clock
) -> None:
    set_time(demo_desk, "18:00")
    folder_of(demo_desk).write_text("a file where the folder should be", encoding="utf-8")
    monday.now = MONDAY.replace(hour=18, minute=5)
    schedule = ReportSchedule(demo_worker, clock=monday)
    said: list[str] = []
    schedule.said.connect(said.append)
    schedule.check()
    qtbot.waitUntil(lambda: len(said) == 2 and not schedule.busy, timeout=WAIT_MS)
    assert all(text.startswith("The daily report could not be made: ") for text in said)
    assert all(str(folder_of(demo_desk)) in text for text in said)
    schedule.check()  # not tried again in this run
    assert not schedule.busy and len(said) == 2
    assert folder_of(demo_desk).is_file()


def test_the_time_is_set_on_the_settings_page(qtbot: QtBot, demo_worker: DeskWorker) -> None:
    page = SettingsPage(demo_worker)
    qtbot.addWidget(page)
    field = page.report_time
    assert field.objectName() == "settings.dailyReportTime" and field.accessibleName()
    assert field.text() == ""
    field.setText("25:61")
    page.save()
    assert "25:61" in page.status.text() and page.status.property("role") == "error"
    assert demo_worker.desk is not None
    assert demo_worker.desk.settings.get("daily_report_time") == ""
    field.setText("7:05")
    page.save()
    assert demo_worker.desk.settings.get("daily_report_time") == "07:05"
    saved = json.loads(demo_worker.desk.data_dir.config_file.read_text(encoding="utf-8"))
    assert saved["daily_report_time"] == "07:05"


def test_the_main_window_says_it_in_the_status_bar(
    qtbot: QtBot, demo_desk: Desk, main_window: Callable[..., MainWindow]
) -> None:
    """Any signed-in desk with the time set makes it (here a window clerk's, at 00:00: due
    at once, yesterday's first)."""
    set_time(demo_desk, "00:00")
    window = main_window("clerk", "demo-clerk")
    today = demo_desk.clock().date()
    xlsx, pdf = daily_files(folder_of(demo_desk), today)
    qtbot.waitUntil(lambda: xlsx.exists() and pdf.exists(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: today.isoformat() in window.statusBar().currentMessage())
    assert all(p.exists() for p in daily_files(folder_of(demo_desk), today - timedelta(days=1)))
