"""The 日报 page of 统计, on its own: a day or a range, 生成, the figures in the table, saved as
real Excel, PDF and JSON files, printed (no printer here: a PDF in the data folder); keyboard
first and every control named."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, make_case
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_controls
from ui_test_helpers import show_active

from clerk_desk.desk import Desk
from clerk_desk.domain.report import DIMENSION_TITLES, Dimension
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.reports.files import report_json_text
from ui.desk_worker import DeskWorker
from ui.stats.summary import COLUMNS, SummaryPage

MONDAY = datetime(2026, 9, 28, 9, 30)  # a working Monday
SUPERVISOR = Clerk("supervisor", "陈静", (Role.SUPERVISOR,), "")
WAIT_MS = 60_000


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture
def cases(demo_desk: Desk) -> dict[str, int]:
    """Monday: two food licences and a seal filing accepted; Tuesday: one seal filing."""
    clock = Clock(MONDAY)
    for minutes, code in ((0, FOOD_LICENCE), (20, FOOD_LICENCE), (45, SEAL_FILING)):
        clock.now = MONDAY + timedelta(minutes=minutes)
        make_case(demo_desk, (code,), clock=clock, accept_by=CLERK)
    clock.now = MONDAY + timedelta(days=1)
    make_case(demo_desk, (SEAL_FILING,), clock=clock, accept_by=CLERK)
    return {"monday": 3, "tuesday": 1}


@pytest.fixture
def page(qtbot: QtBot, demo_worker: DeskWorker) -> SummaryPage:
    shown = SummaryPage(demo_worker, SUPERVISOR)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    show_active(qtbot, shown)
    return shown


def column(key: str) -> int:
    return 1 + [k for k, _, _ in COLUMNS].index(key)


def cell(page: SummaryPage, row: int, key: str) -> str:
    item = page.table.item(row, column(key))
    assert item is not None
    return item.text()


def row_labels(page: SummaryPage) -> list[str]:
    labels = []
    for row in range(page.table.rowCount()):
        item = page.table.item(row, 0)
        assert item is not None
        labels.append(item.text())
    return labels


def make(qtbot: QtBot, page: SummaryPage) -> None:
    with qtbot.waitSignal(page.reportShown, timeout=WAIT_MS):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def test_a_day_is_made_and_read_in_the_table(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int]
) -> None:
    assert not page.xlsx_button.isEnabled() and not page.print_button.isEnabled()
    page.set_period(MONDAY.date())
    make(qtbot, page)
    assert page.report is not None and page.report.is_daily
    last = page.table.rowCount() - 1
    assert row_labels(page)[-1] == "合计"
    assert cell(page, last, "received") == "3"
    assert cell(page, last, "accepted") == "3"
    assert cell(page, last, "rejected") == "0"
    # The window breakdown adds up to the total.
    windows = [int(cell(page, row, "received")) for row in range(last)]
    assert sum(windows) == 3
    assert page.table.horizontalHeaderItem(column("received")).text() == "收件"
    assert "2026-09-28" in page.heading.text() and "日报" in page.heading.text()
    assert all(button.isEnabled() for button in page.outputs)

    # Another breakdown: the items, food licence 2, seal filing 1.
    page.dimension.setCurrentIndex(page.dimension.findData(Dimension.ITEM))
    assert page.table.horizontalHeaderItem(0).text() == DIMENSION_TITLES[Dimension.ITEM]
    by_item = {
        label: int(cell(page, row, "received")) for row, label in enumerate(row_labels(page))
    }
    assert by_item.pop("合计") == 3
    assert sorted(by_item.values()) == [1, 2]


def test_a_range_and_a_changed_date_puts_the_old_report_away(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int]
) -> None:
    page.set_period(MONDAY.date(), MONDAY.date() + timedelta(days=1))
    assert page.end.isEnabled() and not page.one_day.isChecked()
    make(qtbot, page)
    assert page.report is not None and not page.report.is_daily
    assert cell(page, page.table.rowCount() - 1, "received") == "4"
    assert "至" in page.heading.text()

    page.end.setDate(page.end.date().addDays(1))
    assert page.report is None and page.table.rowCount() == 0
    assert not any(button.isEnabled() for button in page.outputs)


def test_a_period_that_cannot_be_reported_is_said_on_the_page(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int]
) -> None:
    page.set_period(date(2025, 1, 1), date(2026, 9, 1))
    page.make()
    assert not page.busy and page.report is None
    assert "366" in page.status.text() and page.status.property("role") == "error"
    # A future day cannot even be picked.
    assert page.start.maximumDate() == page.start.date().currentDate()


def test_saved_as_excel_pdf_and_json_real_files(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int], tmp_path: Path
) -> None:
    page.set_period(MONDAY.date())
    make(qtbot, page)
    assert page.report is not None
    out = tmp_path / "out"
    out.mkdir()
    written: list[Path] = []
    for kind in ("json", "xlsx", "pdf"):
        target = out / f"日报.{kind}"
        with qtbot.waitSignal(page.filesWritten, timeout=WAIT_MS) as done:
            page.export(kind, target)
        assert done.args == [[target]]
        written.append(target)
        qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    assert json.loads(written[0].read_text(encoding="utf-8")) == json.loads(
        report_json_text(page.report)
    )
    assert json.loads(written[0].read_text(encoding="utf-8"))["totals"]["received"] == 3
    assert load_workbook(written[1]).sheetnames
    text = pdf_text(written[2])
    assert "2026年09月28日" in text and "陈静" in text
    assert sorted(p.name for p in out.iterdir()) == ["日报.json", "日报.pdf", "日报.xlsx"]
    assert str(written[2]) in page.status.text()

    # A folder where the file should go: said, nothing written.
    page.export("xlsx", out)
    qtbot.waitUntil(lambda: not page.busy and page.status.property("role") == "error")
    assert str(out) in page.status.text()
    assert sorted(p.name for p in out.iterdir()) == ["日报.json", "日报.pdf", "日报.xlsx"]


def test_print_without_a_printer_saves_the_pdf_in_the_data_folder(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int], demo_desk: Desk
) -> None:
    page.set_period(MONDAY.date())
    make(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(page.printed_paths), timeout=WAIT_MS)
    (path,) = page.printed_paths
    assert path.parent == demo_desk.data_dir.root / "reports"
    assert path.name.startswith("日报-2026-09-28")
    assert "2026年09月28日" in pdf_text(path)
    assert str(path) in page.status.text()


def test_keyboard_first_and_every_control_named(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int]
) -> None:
    assert unnamed_controls(page) == []
    page.set_period(MONDAY.date())
    page.start.setFocus()
    with qtbot.waitSignal(page.reportShown, timeout=WAIT_MS):
        qtbot.keyClick(page.start, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    # Tab walks the page in reading order.
    visited: list[QWidget] = []
    page.start.setFocus()
    for _ in range(6):
        widget = page.focusWidget()
        assert widget is not None
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    names = [widget.objectName() for widget in visited]
    assert names[:2] == ["stats.summary.from", "stats.summary.oneDay"]  # 至 is off for one day
    assert names[2:5] == ["stats.summary.make", "stats.summary.dimension", "stats.summary.table"]
    # A button pressed keeps the cursor once its work is done.
    page.make_button.setFocus()
    with qtbot.waitSignal(page.reportShown, timeout=WAIT_MS):
        qtbot.keyClick(page.make_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    assert page.focusWidget() is page.make_button


def test_alt_j_asks_where_to_save_and_adds_the_extension(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int], tmp_path: Path
) -> None:
    page.set_period(MONDAY.date())
    make(qtbot, page)
    page.last_folder = tmp_path
    suggested: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        suggested.extend(dialog.selectedFiles())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText("周一")  # typed without its extension
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(300, answer)
    with qtbot.waitSignal(page.filesWritten, timeout=WAIT_MS) as done:
        qtbot.keyClick(page.table, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert suggested == [str(tmp_path / "日报-2026-09-28.json")]
    assert done.args == [[tmp_path / "周一.json"]]
    assert json.loads((tmp_path / "周一.json").read_text(encoding="utf-8"))["date"] == "2026-09-28"


def test_alt_v_opens_the_landscape_print_preview(
    qtbot: QtBot, page: SummaryPage, cases: dict[str, int]
) -> None:
    page.set_period(MONDAY.date())
    make(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.preview is not None)  # a mnemonic clicks animated, 100 ms on
    preview = page.preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.objectName() == "report.preview"
    assert preview.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape
    preview.close()
