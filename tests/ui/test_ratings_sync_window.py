"""A rating the platform refused, in the sync problems window: labelled as a rating, nothing
to correct (what a visitor rated is never changed), sent again as it is or discarded, and
then it stays on this desk."""

from __future__ import annotations

from collections.abc import Callable

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
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import RatingLevel
from local_cache.repositories import sync_repo
from local_cache.schema import OutboxRow
from ui.main_window import MainWindow
from ui.sync_problems import SyncProblemsDialog

OpenWindow = Callable[..., MainWindow]


def cells(dialog: SyncProblemsDialog) -> list[list[str]]:
    model = find(dialog, QTableView, "sync.problemList").model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_a_refused_rating_is_sent_again_as_it_is_or_discarded(
    qtbot: QtBot, sync_window: OpenWindow, demo_desk: Desk, sandbox_server: SandboxProcess
) -> None:
    demo_desk.settings.override("platform_url", sandbox_server.url)
    make_case(demo_desk, accept_by=CLERK)
    contact = demo_desk.ratings.waiting_contact()
    assert contact is not None
    demo_desk.ratings.press(contact.uuid, RatingLevel.SATISFIED)
    demo_desk.ratings.submit(contact.uuid, ["G01"])
    with demo_desk.database.write() as session:
        row = session.scalars(select(OutboxRow).where(OutboxRow.kind == "rating")).one()
        payload = dict(row.payload)
        payload["rating"] = {**payload["rating"], "reasons_version": 99}  # never published
        sync_repo.set_payload(session, row.id, payload)
    window = sync_window()

    qtbot.keyClick(window, Qt.Key.Key_F5)
    button = find(window, QToolButton, "status.syncProblems")
    qtbot.waitUntil(lambda: button.isVisible(), timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.problems_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(cells(dialog)) == 1, timeout=10_000)

    [[_case_no, what, _reason, _fields, _when]] = cells(dialog)
    assert what == "Rating"
    text = find(dialog, QLabel, "sync.reason").text()
    assert "reasons_version" in text and "never reaches the platform" in text
    assert not dialog.findChildren(QLineEdit)  # nothing of a rating is corrected
    resend = find(dialog, QPushButton, "sync.resend")
    assert resend.text() == "Send again (Enter)"

    table = find(dialog, QTableView, "sync.problemList")
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    ask = dialog.findChild(QPlainTextEdit, "sync.discardReason.reason")
    assert ask is not None and ask.isVisible()
    ask.setPlainText("理由清单版本有误")
    qtbot.mouseClick(find(dialog, QPushButton, "sync.discardReason.ok"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not cells(dialog), timeout=10_000)
    assert [r.level for r in demo_desk.ratings.ratings_on()] == [RatingLevel.SATISFIED]
    with demo_desk.database.read() as session:
        assert session.scalars(select(OutboxRow).where(OutboxRow.kind == "rating")).all() == []
