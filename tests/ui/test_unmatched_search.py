"""Searches at the 受理 window that found no item are kept for the supervisor's list of catalog
gaps: once settled (2 s unchanged, or Enter), never twice in a row, never a number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from intake_helpers import VALID_ID, Keyboard
from intake_helpers import intake_of as open_intake
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.report import SearchGap
from ui.intake.item_chooser import SETTLED_MS
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
NONSENSE = "qzxv飞船维修"
PAST_SETTLING_MS = SETTLED_MS + 700


def gaps(desk: Desk) -> list[SearchGap]:
    today = date.today()
    return desk.reports.unmatched_searches(today - timedelta(days=1), today + timedelta(days=1))


def test_a_search_that_finds_nothing_is_kept_once(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    workspace = open_intake(main_window("clerk", "demo-clerk"))
    search = find(workspace, QLineEdit, "intake.itemSearch")
    keys = Keyboard(qtbot)

    keys.type(search, NONSENSE)
    assert workspace.chooser.results.count() == 0
    assert gaps(demo_desk) == []  # not settled yet
    qtbot.waitUntil(lambda: bool(gaps(demo_desk)), timeout=SETTLED_MS + 3000)
    keys.key(search, Qt.Key.Key_Return)  # Enter on the same text: not again
    qtbot.wait(PAST_SETTLING_MS)
    settle(workspace.worker)

    [gap] = gaps(demo_desk)
    assert (gap.text, gap.count) == (NONSENSE, 1)


def test_enter_keeps_a_search_that_finds_nothing_at_once(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    workspace = open_intake(main_window("clerk", "demo-clerk"))
    search = find(workspace, QLineEdit, "intake.itemSearch")
    keys = Keyboard(qtbot)

    keys.type(search, "zzqqxx")
    keys.key(search, Qt.Key.Key_Return)
    settle(workspace.worker)

    assert [(gap.text, gap.count) for gap in gaps(demo_desk)] == [("zzqqxx", 1)]


def test_searches_that_find_items_or_are_numbers_are_not_kept(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    workspace = open_intake(main_window("clerk", "demo-clerk"))
    search = find(workspace, QLineEdit, "intake.itemSearch")
    keys = Keyboard(qtbot)

    keys.type(search, "食品")
    assert workspace.chooser.results.count() > 0
    qtbot.wait(PAST_SETTLING_MS)
    search.clear()
    keys.type(search, VALID_ID)  # an ID number: a returning applicant, never a gap
    qtbot.wait(PAST_SETTLING_MS)
    search.clear()
    keys.type(search, "13912345678")  # a phone number typed into the wrong box
    keys.key(search, Qt.Key.Key_Return)
    qtbot.wait(PAST_SETTLING_MS)
    settle(workspace.worker)

    assert gaps(demo_desk) == []
