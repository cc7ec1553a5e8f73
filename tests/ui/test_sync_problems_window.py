"""The sync problems window: real refusals by the sandbox platform, fixed and resent or
discarded with a reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from case_factory import CLERK, make_case
from platform_fixtures import SandboxProcess
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sync_helpers import PlatformView, renumbered, serve_changes
from sync_ui_helpers import spoil_id_number, wait_for_sync_text
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.case_number import display_case_no
from local_cache.schema import SyncProblemRow
from ui.main_window import MainWindow
from ui.sync_problems import SyncProblemsDialog

OpenWindow = Callable[..., MainWindow]
ID_FIELD = "case.applicant.id_number"


@pytest.fixture
def other_desk(tmp_path: Path, demo_template: Path) -> Iterator[Desk]:
    """A second demo desk from the same template: it issues the same case numbers."""
    root = tmp_path / "other-desk"
    shutil.copytree(demo_template, root)
    desk = Desk.open(root, demo_mode=True)
    yield desk
    desk.close()


def cells(dialog: SyncProblemsDialog) -> list[list[str]]:
    model = find(dialog, QTableView, "sync.problemList").model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def open_problems(qtbot: QtBot, window: MainWindow, count: int) -> SyncProblemsDialog:
    """Press "sync now", wait for ``count`` refusals, open the list from the status bar."""
    qtbot.keyClick(window, Qt.Key.Key_F5)
    button = find(window, QToolButton, "status.syncProblems")
    qtbot.waitUntil(lambda: button.isVisible(), timeout=10_000)
    assert button.text() == f"Sync problems {count}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.problems_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(cells(dialog)) == count, timeout=10_000)
    return dialog


def test_a_refused_id_number_is_fixed_and_resent(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    case = make_case(demo_desk, accept_by=CLERK)
    correct = spoil_id_number(demo_desk, case)
    window = sync_window()
    dialog = open_problems(qtbot, window, 1)

    [[case_no, what, reason, fields, _when]] = cells(dialog)
    assert case.case_no is not None
    assert (case_no, what, fields) == (
        display_case_no(case.case_no),
        "Submit",
        "Applicant's ID number",
    )
    assert reason  # the platform's own words
    assert reason in find(dialog, QLabel, "sync.reason").text()
    line = find(dialog, QLineEdit, f"sync.field.{ID_FIELD}")
    sent = correct[:-1] + ("0" if correct[-1] != "0" else "1")
    qtbot.waitUntil(lambda: line.text() == sent)  # what the platform refused
    caption = dialog.fields.labelForField(line)
    assert isinstance(caption, QLabel)
    assert caption.text().startswith("Applicant's ID number\n第18位校验码应为")
    assert line.hasFocus()

    line.selectAll()
    qtbot.keyClicks(line, correct)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not cells(dialog), timeout=10_000)
    assert find(dialog, QLabel, "sync.empty").isVisible()
    assert wait_for_sync_text(qtbot, window, "Online", "To upload 0")
    assert not window.problems_button.isVisible()


def test_a_case_number_taken_by_another_desk_is_discarded_with_a_reason(
    qtbot: QtBot,
    sync_window: OpenWindow,
    demo_desk: Desk,
    other_desk: Desk,
    sandbox_server: SandboxProcess,
) -> None:
    for desk in (other_desk, demo_desk):
        desk.settings.override("platform_url", sandbox_server.url)
    taken = make_case(other_desk, accept_by=CLERK)
    assert other_desk.sync.run_once().pending == 0
    case = make_case(demo_desk, accept_by=CLERK)
    assert case.case_no == taken.case_no
    window = sync_window()
    dialog = open_problems(qtbot, window, 1)
    [[case_no, what, reason, fields, _when]] = cells(dialog)
    assert (case_no, what, fields) == (display_case_no(case.case_no), "Submit", "")
    assert case.case_no in reason
    assert not dialog.findChildren(QLineEdit)

    table = find(dialog, QTableView, "sync.problemList")
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    ask = dialog.findChild(QPlainTextEdit, "sync.discardReason.reason")
    assert ask is not None and ask.isVisible()
    ok = find(dialog, QPushButton, "sync.discardReason.ok")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert ask.isVisible()  # no reason yet: it says so and stays
    ask.setPlainText("编号冲突，已在另一窗口重新受理")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not cells(dialog), timeout=10_000)
    with demo_desk.database.read() as session:
        # The discarded submit is recorded; the case's next item (its accept) may already be
        # a problem of its own, since the platform never got the case.
        record = session.scalars(select(SyncProblemRow).order_by(SyncProblemRow.id)).first()
        assert record is not None
        assert (record.resolution, record.resolved_by) == ("discarded", "clerk")
        assert record.resolution_reason == "编号冲突，已在另一窗口重新受理"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_pulled_change_that_renumbers_a_case_is_shown_and_fetched_again(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    case = make_case(demo_desk, accept_by=CLERK)
    assert case.case_no is not None and demo_desk.sync.run_once().pending == 0
    held = PlatformView(sandbox_server.url).case(case.uuid)
    held.pop("history")
    bad = case.case_no[:-1] + ("0" if case.case_no[-1] != "0" else "1")
    serve_changes(sandbox_server.db_url, [(renumbered(held, bad), "route")])
    window = sync_window()
    dialog = open_problems(qtbot, window, 1)

    [[case_no, what, reason, fields, _when]] = cells(dialog)
    assert (case_no, what, fields) == (
        display_case_no(case.case_no),  # the desk's own number, kept
        "Hand to the department (from the platform)",
        "",
    )
    assert bad in reason and "check character" in reason
    assert "from the platform not applied" in find(dialog, QLabel, "sync.reason").text()
    fetch = find(dialog, QPushButton, "sync.resend")
    assert fetch.text() == "Fetch again (Enter)"
    assert not dialog.findChildren(QLineEdit)

    qtbot.mouseClick(fetch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not cells(dialog), timeout=10_000)
    qtbot.waitUntil(lambda: not window.problems_button.isVisible(), timeout=10_000)
    assert demo_desk.sync.problems() == []  # fetched again: the platform's case is sound
    kept = demo_desk.intake.case(case.uuid)
    assert kept is not None and kept.case_no == case.case_no
