"""A storage failure while the clerk types: the intake says what to do, keeps every field, and
no crash dialog opens; once the database is free again the draft saves and the message goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from storage_helpers import held_by_another_program
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from ui.crash import CrashHandler
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def crash_handler(tmp_path: Path) -> Iterator[CrashHandler]:
    handler = CrashHandler(tmp_path / "crash", None)
    handler.install()
    yield handler
    handler.uninstall()


def test_a_locked_database_during_typing_keeps_the_draft(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk, crash_handler: CrashHandler
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    name = find(workspace, QLineEdit, "applicant.name")
    id_number = find(workspace, QLineEdit, "applicant.idNumber")
    status = find(workspace, QLabel, "intake.status")

    with held_by_another_program(demo_desk.database):
        keys.type(name, "陈晓梅")
        keys.type(id_number, VALID_ID)
        qtbot.waitUntil(lambda: status.text() != "", timeout=5000)
        settle(workspace.worker)
        assert status.text() == (
            f"另一个程序正占用本机数据库（{demo_desk.data_dir.database}）。"
            "请关闭该程序（或另一个综合窗口程序）后重试"
        )
        assert name.text() == "陈晓梅"
        assert id_number.text() == VALID_ID
        assert crash_handler.dialogs == []

    with qtbot.waitSignal(workspace.draftSaved, timeout=3000):
        keys.type(find(workspace, QLineEdit, "applicant.phone"), "13912345678")
    settle(workspace.worker)
    drafts = demo_desk.intake.list_drafts("clerk")
    assert [(d.applicant_name, d.applicant_number) for d in drafts] == [("陈晓梅", VALID_ID)]
    assert status.text() == ""
    assert crash_handler.dialogs == []
