"""F3 in the 受理 tab: look a case up and come back to the intake exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from ui.intake.page import IntakePage
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def test_f3_opens_the_case_list_and_returns_to_the_same_draft(
    qtbot: QtBot, main_window: OpenWindow
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    page = window.findChild(IntakePage, "intake.page")
    assert page is not None
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    draft = workspace.case
    assert draft is not None

    qtbot.keyClick(find(workspace, QLineEdit, "intake.itemSearch"), Qt.Key.Key_F3)
    assert page.looking_up
    search = find(window, QLineEdit, "caseList.search")
    assert search.isVisible()
    assert search.hasFocus()
    settle(window.worker)
    assert find(window, QTableView, "caseList.table").isVisible()

    qtbot.keyClick(search, Qt.Key.Key_F3)
    assert not page.looking_up
    assert workspace.isVisible()
    assert workspace.case is draft
